//! Drafts and `attain compare`, run as a user would: the impact of three drafts (a higher
//! threshold, a retired credential, a new metric) on generated programs, pinned; and every
//! figure checked by deciding again with the draft made the version in force.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(args)
        .env("LC_ALL", "en_US.UTF-8")
        .current_dir(repo())
        .output()
        .unwrap()
}

fn attain(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&attain(args)).unwrap()
}

/// A scratch folder, removed when the test ends, however it ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("attain-whatif-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The shipped rules copied into `dir`, with `draft` (a draft file's text) appended to its
/// program's file: as the version in force from `from` when `from` is given, else marked a draft.
fn rules_with(dir: &str, program: &str, draft: &str, from: Option<&str>) {
    let copy = Command::new("cp").args(["-r", repo().join("rules").to_str().unwrap(), dir]).status().unwrap();
    assert!(copy.success());
    let mut version: String = draft.lines().filter(|l| !l.starts_with("program =")).collect::<Vec<_>>().join("\n");
    match from {
        Some(date) => {
            let effective = version.lines().find(|l| l.starts_with("effective =")).unwrap().to_owned();
            version = version.replace(&effective, &format!("effective = {date}"));
        }
        None => version = version.replacen("[[versions]]\n", "[[versions]]\ndraft = true\n", 1),
    }
    let file = Path::new(dir).join(format!("programs/{program}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    // The cases beside the program are of the versions in force; with another in force they may not hold.
    let _ = std::fs::remove_file(Path::new(dir).join(format!("programs/{program}.cases.toml")));
    std::fs::write(&file, format!("{text}\n{version}\n")).unwrap();
}

/// Each partner's level in `evaluate --format json`, by id.
fn levels(evaluation: &Value) -> Vec<(String, String)> {
    let partners = evaluation["partners"].as_array().unwrap();
    partners
        .iter()
        .map(|p| (p["partner_id"].as_str().unwrap().to_owned(), p["level"].as_str().unwrap().to_owned()))
        .collect()
}

/// Compares a draft on generated data, pins the table, and checks every figure of the impact
/// against `evaluate` run with the draft in force (a rules folder where it is a version).
fn check_draft(scratch: &Scratch, program: &str, data: &str, as_of: &str, draft: &str) -> Value {
    let file = repo().join("examples/drafts").join(format!("{draft}.toml"));
    let file = file.to_str().unwrap();
    let base = ["compare", "--data", data, "--as-of", as_of, "--draft", file];
    let impact = json(&[&base[..], &["--format", "json"]].concat());
    let table = attain(&base);
    insta::assert_snapshot!(format!("{draft}"), table);

    let text = std::fs::read_to_string(file).unwrap();
    let effective = text.lines().find_map(|l| l.strip_prefix("effective = ")).unwrap();
    let from = effective.min(as_of);
    let in_force_dir = scratch.path(&format!("{draft}-in-force"));
    rules_with(&in_force_dir, program, &text, Some(from));
    let evaluate = ["evaluate", "--program", program, "--data", data, "--as-of", as_of, "--format", "json"];
    let before = levels(&json(&evaluate));
    let after = levels(&json(&[&["--rules", &in_force_dir][..], &evaluate[..]].concat()));
    assert_eq!(before.len(), after.len());

    // The summary and transitions, counted again from the two evaluations.
    let rank = |level: &str| ["none", "silver", "gold", "designated"].iter().position(|l| *l == level).unwrap();
    let (mut gained, mut lost) = (0, 0);
    let mut changed = Vec::new();
    for ((id, b), (_, a)) in before.iter().zip(&after) {
        if a != b {
            changed.push((id.clone(), b.clone(), a.clone()));
            if rank(a) > rank(b) {
                gained += 1;
            } else {
                lost += 1;
            }
        }
    }
    assert_eq!(impact["partners"], before.len());
    assert_eq!(impact["gained"], gained, "{draft}: gained");
    assert_eq!(impact["lost"], lost, "{draft}: lost");
    assert_eq!(impact["unchanged"], before.len() - gained - lost);
    let listed: Vec<(String, String, String)> = impact["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let field = |k: &str| c[k].as_str().unwrap().to_owned();
            (field("partner_id"), field("before"), field("after"))
        })
        .collect();
    assert_eq!(listed, changed, "{draft}: the partners who change");
    for t in impact["transitions"].as_array().unwrap() {
        let n = before.iter().zip(&after).filter(|((_, b), (_, a))| *b == t["before"] && *a == t["after"]).count();
        assert_eq!(t["partners"], n, "{draft}: transition {t}");
    }
    let by_country: usize =
        impact["countries"].as_array().unwrap().iter().map(|c| c["lost"].as_u64().unwrap() as usize).sum();
    assert_eq!(by_country, lost);

    // The same draft kept in the rules, marked draft: not in force, and compared alike.
    let drafted_dir = scratch.path(&format!("{draft}-drafted"));
    rules_with(&drafted_dir, program, &text, None);
    assert_eq!(
        levels(&json(&[&["--rules", &drafted_dir][..], &evaluate[..]].concat())),
        before,
        "a draft is never in force"
    );
    let id = impact["draft"].as_str().unwrap();
    let by_id =
        ["--rules", &drafted_dir, "compare", "--program", program, "--data", data, "--as-of", as_of, "--draft", id];
    assert_eq!(json(&[&by_id[..], &["--format", "json"]].concat()), impact, "{draft}: by id and by file");
    impact
}

#[test]
fn drafts_of_the_threshold_form_are_weighed_exactly() {
    let scratch = Scratch::new("threshold");
    let data = scratch.path("data");
    attain(&["gen", "--partners", "300", "--order", "date", "--out", &data]);
    let higher = check_draft(&scratch, "cloud-platform", &data, "2018-06-30", "gold-150k");
    assert!(higher["lost"].as_u64().unwrap() > 0, "a higher Gold threshold costs some partners Gold");
    assert_eq!(higher["gained"], 0);
    for change in higher["changed"].as_array().unwrap() {
        assert_eq!((change["before"].as_str(), change["after"].as_str()), (Some("gold"), Some("silver")));
        assert_eq!(change["levels"][0]["after"][0]["requirement"], "consumption");
        assert_eq!(change["levels"][0]["after"][0]["required"], "150000.00");
    }
    let retired = check_draft(&scratch, "cloud-platform", &data, "2018-06-30", "without-70-534");
    assert!(retired["lost"].as_u64().unwrap() > 0, "people who hold only 70-534 no longer count");
    for change in retired["changed"].as_array().unwrap() {
        let after = &change["levels"].as_array().unwrap().last().unwrap()["after"];
        assert!(after.as_array().unwrap().iter().any(|s| s["requirement"] == "individuals"), "{change}");
    }

    // A roll-up and a store decide alike.
    let compare_from = |source: &[&str]| {
        let draft = ["--as-of", "2018-06-30", "--draft", "examples/drafts/gold-150k.toml", "--format", "csv"];
        attain(&[&["compare"][..], source, &draft[..]].concat())
    };
    let by_data = compare_from(&["--data", &data]);
    let rollup = scratch.path("rollup.bin");
    attain(&["rollup", "--data", &data, "--out", &rollup]);
    assert_eq!(compare_from(&["--rollup", &rollup]), by_data);
    let db = scratch.path("attain.db");
    attain(&["import", "--data", &data, "--db", &db]);
    assert_eq!(compare_from(&["--db", &db]), by_data);
    assert!(by_data.starts_with("partner_id,name,country,market,before,after,level,lacked_before,lacks_after\n"));
}

#[test]
fn a_draft_with_a_new_metric_is_weighed_exactly() {
    let scratch = Scratch::new("metric");
    let data = scratch.path("data");
    attain(&["gen", "--program", "solutions-partner-infrastructure", "--partners", "300", "--out", &data]);
    let impact = check_draft(&scratch, "solutions-partner-infrastructure", &data, "2024-07-31", "active-customers");
    assert!(impact["lost"].as_u64().unwrap() > 0, "80 points and a sixth metric cost some partners the designation");
    let new_gaps: Vec<&str> =
        impact["new_gaps"].as_array().unwrap().iter().map(|g| g["requirement"].as_str().unwrap()).collect();
    assert!(new_gaps.contains(&"score"), "{new_gaps:?}");
}

#[test]
fn bad_drafts_are_refused_with_their_place() {
    let scratch = Scratch::new("bad");
    let draft = scratch.path("draft.toml");
    let text = std::fs::read_to_string(repo().join("examples/drafts/gold-150k.toml")).unwrap();
    let refused = |text: &str, expected: &str| {
        std::fs::write(&draft, text).unwrap();
        let out = run(&["compare", "--data", "examples/contoso", "--as-of", "2018-06-30", "--draft", &draft]);
        assert!(!out.status.success());
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "expected {expected:?} in:\n{stderr}");
    };
    refused(&text.replace("150000, emerging", "\"lots\", emerging"), "draft.toml:24:31: threshold \"lots\"");
    refused(&text.replace("exam:70-535\", \"exam:70-473", "exam:70-999\", \"exam:70-473"), "exam:70-999");
    refused(
        &text.replace("program = \"cloud-platform\"", "program = \"cloud-platfrom\""),
        "draft.toml:5:11: no program \"cloud-platfrom\"",
    );
    refused(&text.replace("id = \"gold-150k\"", "id = \"2017-11-03\""), "has a version \"2017-11-03\" already");
    refused(&format!("{text}\n{}", &text[text.find("[[versions]]").unwrap()..]), "one [[versions]] entry");
    let out = run(&["compare", "--data", "examples/contoso", "--as-of", "2018-06-30", "--draft", "gold-150"]);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("no such file, and program cloud-platform has no draft \"gold-150\""));
    let out = run(&[
        "compare",
        "--program",
        "solutions-partner-infrastructure",
        "--data",
        "examples/contoso",
        "--draft",
        "examples/drafts/gold-150k.toml",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("is a draft of program cloud-platform, not of solutions-partner-infrastructure"));
}

#[test]
fn plans_are_printed_for_both_forms_in_the_readers_language() {
    let contoso = [
        "plan",
        "--data",
        "examples/contoso",
        "--as-of",
        "2018-06-30",
        "--partner",
        "P002",
        "--target",
        "gold",
        "--by",
        "2018-09-30",
    ];
    insta::assert_snapshot!("plan-contoso-P002", attain(&contoso));
    insta::assert_snapshot!("plan-contoso-P002-ja", attain(&[&contoso[..], &["--lang", "ja-JP"]].concat()));
    let fabrikam = [
        "plan",
        "--program",
        "solutions-partner-infrastructure",
        "--data",
        "examples/fabrikam-2024",
        "--as-of",
        "2024-07-31",
        "--partner",
        "N002",
        "--target",
        "designated",
        "--by",
        "2024-10-15",
    ];
    insta::assert_snapshot!("plan-fabrikam-N002", attain(&fabrikam));
    let plan = json(&[&fabrikam[..], &["--format", "json"]].concat());
    assert_eq!(plan["score"]["required"], 70);
    let out = run(&["plan", "--data", "examples/contoso", "--partner", "P002", "--target", "platinum"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no level \"platinum\"; its levels: silver, gold"));
    let out = run(&[
        "plan",
        "--data",
        "examples/contoso",
        "--partner",
        "P002",
        "--target",
        "gold",
        "--as-of",
        "2018-06-30",
        "--by",
        "2018-01-01",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("before --as-of"));
    // The change page of a draft, from the command line.
    let page = attain(&["requirements", "--draft", "examples/drafts/gold-150k.toml", "--lang", "de-DE"]);
    assert!(page.contains("150.000") && page.contains("100.000"), "{page}");
}
