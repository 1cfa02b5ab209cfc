//! The store through the command line: imports that fail or are killed half-way leave the store
//! exactly as it was; tokens are printed once as the last line. SQLite always, PostgreSQL too when
//! `ATTAIN_TEST_DATABASE_URL` is set.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use attain_store::Store;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn attain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attain")).args(args).current_dir(root()).output().unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// Everything the store holds that an import writes, as comparable text.
fn contents(location: &str) -> String {
    runtime().block_on(async {
        let store = Store::open(location).await.unwrap();
        let facts = store.facts().await.unwrap();
        let mut lines: Vec<String> = facts.partners.iter().map(|p| format!("{p:?}")).collect();
        lines.extend(facts.associations.iter().map(|a| format!("{a:?}")));
        lines.extend(facts.consumption.iter().map(|c| format!("{c:?}")));
        lines.extend(facts.people.iter().map(|p| format!("{p:?}")));
        lines.extend(facts.achievements.iter().map(|a| format!("{a:?}")));
        lines.sort();
        lines.extend(store.imports().await.unwrap().iter().map(|i| format!("{} {}", i.id, i.checksum)));
        store.close().await;
        lines.join("\n")
    })
}

/// A store location of its own for a test; the store goes when it is dropped.
fn scratch(name: &str) -> attain_store::Scratch {
    runtime().block_on(attain_store::scratch_location(name))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-books-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_bad_row_near_the_end_is_refused_and_nothing_changes() {
    let db = scratch("cli-bad-row");
    let first = attain(&["import", "--data", "examples/contoso", "--db", &db]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let before = contents(&db);

    let dir = temp_dir("bad-row");
    for name in attain_input::FILE_NAMES {
        let _ = std::fs::copy(root().join("examples/contoso").join(name), dir.join(name));
    }
    let consumption = std::fs::read_to_string(dir.join("consumption.csv")).unwrap();
    let lines = consumption.lines().count();
    std::fs::write(dir.join("consumption.csv"), format!("{consumption}C-LAST,2018-06-01,12.50,usd\n")).unwrap();
    let out = attain(&["import", "--data", dir.to_str().unwrap(), "--db", &db]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("consumption.csv:{}:", lines + 1)), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(contents(&db), before);
}

#[test]
fn an_import_killed_while_writing_leaves_the_store_exactly_as_before() {
    let dir = temp_dir("kill");
    let data = dir.join("program");
    let generated = attain(&["gen", "--partners", "1000", "--months", "12", "--out", data.to_str().unwrap()]);
    assert!(generated.status.success());
    let db = scratch("cli-kill");
    assert!(attain(&["import", "--data", "examples/contoso", "--db", &db]).status.success());
    let before = contents(&db);

    let mut child = Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(["import", "--data", data.to_str().unwrap(), "--db", &db])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the transaction has written part of the rows, then kill -9.
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let started = Instant::now();
    while !line.starts_with("written ") {
        line.clear();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "import ended before writing: {line}");
        assert!(started.elapsed() < Duration::from_secs(300));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the import finished before it was killed; make the data larger");

    assert_eq!(contents(&db), before, "a killed import left a trace");
    // And the store still takes the import afterwards.
    let again = attain(&["import", "--data", data.to_str().unwrap(), "--db", &db]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert_ne!(contents(&db), before);
}

#[test]
fn tokens_are_shown_once_as_the_last_line_and_can_be_revoked() {
    let db = scratch("cli-tokens");
    let out = attain(&["token", "create", "--partner", "P001", "--label", "P001 team", "--db", &db]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let token = stdout.lines().last().unwrap();
    assert!(token.starts_with("attain_") && token.len() == 71, "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no partner \"P001\" has been imported yet"));
    let listed = String::from_utf8(attain(&["token", "list", "--db", &db]).stdout).unwrap();
    assert!(
        listed.contains("#1  partner P001") && listed.contains("live") && !listed.contains(&token[7..]),
        "{listed}"
    );
    assert!(attain(&["token", "revoke", "1", "--db", &db]).status.success());
    let again = attain(&["token", "revoke", "1", "--db", &db]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("no live token #1"));
    let admin = attain(&["token", "create", "--admin", "--db", &db]);
    assert!(String::from_utf8(admin.stdout).unwrap().lines().last().unwrap().starts_with("attain_"));
    let neither = attain(&["token", "create", "--db", &db]);
    assert!(!neither.status.success());
}

#[test]
fn snapshots_give_a_history() {
    let db = scratch("cli-history");
    assert!(attain(&["import", "--data", "examples/contoso", "--db", &db]).status.success());
    for as_of in ["2017-12-31", "2018-03-31", "2019-06-30"] {
        let out = attain(&["snapshot", "--as-of", as_of, "--db", &db]);
        assert!(String::from_utf8(out.stdout).unwrap().contains(&format!("as of {as_of}")));
    }
    let out = attain(&["history", "--partner", "P001", "--db", &db, "--lang", "en-US"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("December 31, 2017  Attained Silver"), "{text}");
    assert!(text.contains("March 31, 2018  Attained Gold"), "{text}");
    assert!(text.contains("June 30, 2019  Lost Gold"), "{text}");
    // Then the dashboard's history table, with its headers, in the reader's language.
    assert!(text.contains("As of") && text.contains("Customer consumption"), "{text}");
    assert!(text.contains("US$103,241.80"), "{text}");
    let ja =
        String::from_utf8(attain(&["history", "--partner", "P001", "--db", &db, "--lang", "ja-JP"]).stdout).unwrap();
    assert!(ja.contains("基準日") && ja.contains("ゴールド") && ja.contains("103,241.80 米ドル"), "{ja}");
    assert!(!ja.contains("gold "), "{ja}");
    let json: serde_json::Value =
        serde_json::from_slice(&attain(&["history", "--partner", "P001", "--db", &db, "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["snapshots"].as_array().unwrap().len(), 3);
    let none = attain(&["history", "--partner", "NOBODY", "--db", &db]);
    assert!(!none.status.success());
}

/// A program of a third shape, written only as rules (tests/fixtures of attain-cases): active
/// users reported per customer through DAP, people holding two exams together, three levels.
/// It goes through evaluate, explain, the store and its history like the shipped programs.
#[test]
fn a_program_written_only_as_rules_runs_through_every_command() {
    let rules = root().join("crates/attain-cases/tests/fixtures/rules");
    let rules = rules.to_str().unwrap();
    let dir = temp_dir("workloads");
    let files = [
        ("partners.csv", "partner_id,name,country\nP1,Contoso,US\nP2,Tailspin,IN\n"),
        ("associations.csv", "partner_id,customer_id,kind,start,end\nP1,C1,DAP,2020-01-01,\nP1,C2,DAP,2020-01-01,2020-07-31\nP2,C4,DAP,2020-01-01,\n"),
        ("consumption.csv", "customer_id,date,amount,currency\n"),
        ("people.csv", "person_id,partner_id,name,joined,left\nA,P1,Avery,,\nB,P1,Blake,,\nC,P2,Chen,,\n"),
        ("achievements.csv", "person_id,credential,date\nA,exam:MS-100,2020-01-10\nA,exam:MS-101,2020-02-10\nB,exam:MS-100,2020-03-10\nB,exam:MS-101,2020-03-11\nC,exam:MS-100,2020-01-10\n"),
        ("measures.csv", "customer_id,measure,date,value\nC1,active_users,2020-06-30,7000\nC2,active_users,2020-06-30,3500\nC4,active_users,2020-06-30,5000\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let data = dir.to_str().unwrap();
    let decide = ["--rules", rules, "--program", "workloads", "--data", data, "--as-of", "2020-06-30"];
    let json = attain(&[&["evaluate"][..], &decide, &["--format", "json"]].concat());
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["partners"][0]["level"], "gold");
    assert_eq!(v["partners"][0]["market"], "developed");
    assert_eq!(v["partners"][0]["drops_on"], "2020-08-01");
    assert_eq!(v["partners"][1]["level"], "bronze", "Chen holds one of the two exams");
    let explained = attain(&[&["explain"][..], &decide, &["--partner", "P2", "--lang", "en-US"]].concat());
    let text = String::from_utf8(explained.stdout).unwrap();
    assert!(text.contains("Active users: 5,000"), "{text}");
    assert!(text.contains("Silver: not met"), "{text}");

    let db = scratch("workloads");
    assert!(attain(&["import", "--data", data, "--db", &db]).status.success());
    for as_of in ["2020-06-30", "2020-08-31"] {
        let out = attain(&["--rules", rules, "snapshot", "--program", "workloads", "--as-of", as_of, "--db", &db]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let out = attain(&[
        "--rules",
        rules,
        "history",
        "--program",
        "workloads",
        "--partner",
        "P1",
        "--format",
        "json",
        "--db",
        &db,
    ]);
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let levels: Vec<&str> =
        history["snapshots"].as_array().unwrap().iter().map(|s| s["level"].as_str().unwrap()).collect();
    assert_eq!(levels, ["gold", "silver"], "C2's association ended on 2020-07-31");
    assert_eq!(history["snapshots"][0]["active_users"], 10500);

    // Its requirement page, from the rules alone, lints clean; a changed bar is an error.
    let page = attain(&["--rules", rules, "requirements", "--program", "workloads", "--lang", "de-DE"]);
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(page.contains("MS-101"), "{page}");
    std::fs::write(dir.join("page.md"), &page).unwrap();
    let page_path = dir.join("page.md");
    let lint = attain(&["--rules", rules, "lint", "--program", "workloads", page_path.to_str().unwrap()]);
    assert!(lint.status.success(), "{}", String::from_utf8_lossy(&lint.stdout));
    std::fs::write(&page_path, page.replacen("**5.000**", "**4.000**", 1)).unwrap();
    let lint = attain(&["--rules", rules, "lint", "--program", "workloads", page_path.to_str().unwrap()]);
    assert!(!lint.status.success());
    assert!(String::from_utf8_lossy(&lint.stdout).contains("error"), "{}", String::from_utf8_lossy(&lint.stdout));
    std::fs::remove_dir_all(&dir).unwrap();
}
