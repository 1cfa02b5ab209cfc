//! `attain schema evaluate|explain` held against what `evaluate --format json` and
//! `explain --format json` really print, for a program of each form, by a JSON Schema validator.

use std::path::{Path, PathBuf};
use std::process::Command;

use jsonschema::Validator;
use serde_json::Value;

const METRIC_PROGRAM: &str = "solutions-partner-infrastructure";

/// Runs attain from the repository's root; what it printed on standard output.
fn attain(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn json(args: &[&str]) -> Value {
    serde_json::from_slice(&attain(args)).unwrap_or_else(|e| panic!("{args:?} printed no JSON: {e}"))
}

/// What each document must follow: the schema as published, and the same narrowed to the form
/// of the program at hand, so that a document is held to its own form and not to either.
struct Schemas {
    published: Validator,
    own_form: Validator,
}

impl Schemas {
    /// `attain schema OUTPUT`, itself checked against the 2020-12 meta-schema, with `definition`
    /// as the root of the narrowed one.
    fn of(output: &str, definition: &str) -> Schemas {
        let published = json(&["schema", output]);
        assert_eq!(published["$schema"], "https://json-schema.org/draft/2020-12/schema");
        jsonschema::meta::validate(&published).unwrap_or_else(|e| panic!("attain schema {output}: {e}"));
        assert!(published["$defs"][definition].is_object(), "attain schema {output} defines {definition}");
        let mut narrowed = published.clone();
        let root = narrowed.as_object_mut().unwrap();
        root.retain(|keyword, _| keyword != "anyOf" && keyword != "oneOf");
        root.insert("$ref".into(), format!("#/$defs/{definition}").into());
        Schemas { published: validator(&published), own_form: validator(&narrowed) }
    }

    fn assert_follow(&self, document: &Value, what: &str) {
        // The own form's errors first: they point into the document, where the published
        // schema's root can only say that neither form fits.
        let errors: Vec<String> = self
            .own_form
            .iter_errors(document)
            .map(|e| {
                let message = e.to_string();
                let short: String = message.chars().take(400).collect();
                format!("  at {:?}: {short}{}", e.instance_path().as_str(), if short == message { "" } else { "…" })
            })
            .collect();
        assert!(errors.is_empty(), "{what} does not follow its form's schema:\n{}", errors.join("\n"));
        assert!(self.published.is_valid(document), "{what} does not follow the published schema");
    }

    /// `document` follows the schemas, and no longer does once `change` is made to it.
    fn assert_refuse(&self, document: &Value, what: &str, change: impl FnOnce(&mut Value)) {
        self.assert_follow(document, "the unchanged document");
        let mut changed = document.clone();
        change(&mut changed);
        assert!(!self.published.is_valid(&changed), "the published schema accepts {what}");
        assert!(!self.own_form.is_valid(&changed), "the own form's schema accepts {what}");
    }
}

/// Dates are checked as dates: the 2020-12 dialect only annotates formats unless asked.
fn validator(schema: &Value) -> Validator {
    jsonschema::options().should_validate_formats(true).build(schema).unwrap_or_else(|e| panic!("{e}"))
}

/// The partners of an evaluation, by id.
fn partner_ids(evaluation: &Value) -> Vec<String> {
    let partners = evaluation["partners"].as_array().expect("partners");
    partners.iter().map(|p| p["partner_id"].as_str().unwrap().to_owned()).collect()
}

/// Explains each partner in `ids` and checks the document against `schemas`.
fn explain_each(schemas: &Schemas, data: &str, program: &str, as_of: &str, ids: &[String]) {
    for id in ids {
        let args =
            ["explain", "--program", program, "--data", data, "--as-of", as_of, "--partner", id, "--format", "json"];
        schemas.assert_follow(&json(&args), &format!("explain of {id} in {data}"));
    }
}

/// A data set that `attain gen` wrote for `program`, removed when the test ends, however it ends.
struct Generated(PathBuf);

impl Generated {
    fn new(program: &str) -> Generated {
        let dir = std::env::temp_dir().join(format!("attain-schema-{program}-{}", std::process::id()));
        let generated = Generated(dir);
        let out = generated.path();
        attain(&["gen", "--program", program, "--partners", "300", "--customers", "4", "--out", out]);
        generated
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary folder")
    }
}

impl Drop for Generated {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_bundled_examples_follow_the_schemas() {
    let evaluate = Schemas::of("evaluate", "Evaluation");
    let explain = Schemas::of("explain", "Explanation");
    let contoso = ["--data", "examples/contoso", "--as-of", "2018-06-30", "--format", "json"];
    // The whole program is written a partner a line by hand, a chosen partner through serde.
    let evaluation = json(&[&["evaluate"], &contoso[..]].concat());
    evaluate.assert_follow(&evaluation, "evaluate of examples/contoso");
    evaluate.assert_follow(&json(&[&["evaluate", "--partner", "P002"], &contoso[..]].concat()), "evaluate of P002");
    let ids = partner_ids(&evaluation);
    assert_eq!(ids.len(), 12);
    explain_each(&explain, "examples/contoso", "cloud-platform", "2018-06-30", &ids);

    let evaluate = Schemas::of("evaluate", "MetricEvaluation");
    let explain = Schemas::of("explain", "MetricExplanation");
    let fabrikam = ["--program", METRIC_PROGRAM, "--data", "examples/fabrikam-2024", "--as-of", "2024-07-15"];
    let evaluation = json(&[&["evaluate"], &fabrikam[..], &["--format", "json"]].concat());
    evaluate.assert_follow(&evaluation, "evaluate of examples/fabrikam-2024");
    explain_each(&explain, "examples/fabrikam-2024", METRIC_PROGRAM, "2024-07-15", &partner_ids(&evaluation));
}

/// Partners whose explanations differ in shape: the first at each level (and at none), the first
/// whose level drops, and every 60th.
fn sample(evaluation: &Value) -> Vec<String> {
    let partners = evaluation["partners"].as_array().expect("partners");
    let mut chosen: Vec<&Value> = Vec::new();
    for partner in partners {
        if !chosen.iter().any(|c| c["level"] == partner["level"]) {
            chosen.push(partner);
        }
    }
    chosen.extend(partners.iter().find(|p| p["drops_on"].is_string()));
    chosen.extend(partners.iter().step_by(60));
    chosen.iter().map(|p| p["partner_id"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_generated_threshold_program_follows_the_schemas() {
    let data = Generated::new("cloud-platform");
    let evaluation = json(&["evaluate", "--data", data.path(), "--as-of", "2018-06-30", "--format", "json"]);
    Schemas::of("evaluate", "Evaluation").assert_follow(&evaluation, "evaluate of a generated program");
    assert_eq!(partner_ids(&evaluation).len(), 300);
    let explain = Schemas::of("explain", "Explanation");
    explain_each(&explain, data.path(), "cloud-platform", "2018-06-30", &sample(&evaluation));
}

#[test]
fn a_generated_metric_program_follows_the_schemas() {
    let data = Generated::new(METRIC_PROGRAM);
    let args =
        ["evaluate", "--program", METRIC_PROGRAM, "--data", data.path(), "--as-of", "2024-07-15", "--format", "json"];
    let evaluation = json(&args);
    Schemas::of("evaluate", "MetricEvaluation").assert_follow(&evaluation, "evaluate of a generated program");
    let partners = evaluation["partners"].as_array().unwrap();
    assert_eq!(partners.len(), 300);
    let designated = partners.iter().filter(|p| p["level"] == "designated").count();
    assert!((1..300).contains(&designated), "{designated} of 300 designated: both outcomes are explained");
    let explain = Schemas::of("explain", "MetricExplanation");
    explain_each(&explain, data.path(), METRIC_PROGRAM, "2024-07-15", &sample(&evaluation));
}

#[test]
fn the_schemas_refuse_what_the_commands_never_print() {
    let evaluate = Schemas::of("evaluate", "Evaluation");
    let contoso = ["--data", "examples/contoso", "--as-of", "2018-06-30", "--format", "json"];
    let evaluation = json(&[&["evaluate"], &contoso[..]].concat());
    let set = |field: &'static str, value: Value| {
        move |document: &mut Value| {
            document["partners"][0][field] = value;
        }
    };
    evaluate.assert_refuse(&evaluation, "a partner without consumption_usd", |document| {
        document["partners"][0].as_object_mut().unwrap().remove("consumption_usd");
    });
    evaluate.assert_refuse(&evaluation, "qualified_individuals as a string", set("qualified_individuals", "2".into()));
    evaluate.assert_refuse(&evaluation, "an amount with one decimal", set("consumption_usd", "105675.4".into()));
    evaluate.assert_refuse(&evaluation, "a date that does not exist", set("drops_on", "2018-02-30".into()));
    evaluate.assert_refuse(&evaluation, "a field no type documents", set("rank", 1.into()));
    evaluate.assert_refuse(&evaluation, "an unknown market", set("market", "frontier".into()));

    let explain = Schemas::of("explain", "Explanation");
    let explanation = json(&[&["explain", "--partner", "P002"], &contoso[..]].concat());
    // `drop` is null when the level holds, but always there.
    explain.assert_refuse(&explanation, "an explanation without drop", |document| {
        document.as_object_mut().unwrap().remove("drop");
    });

    let explain = Schemas::of("explain", "MetricExplanation");
    let fabrikam = ["--program", METRIC_PROGRAM, "--data", "examples/fabrikam-2024", "--as-of", "2024-07-15"];
    let explanation = json(&[&["explain", "--partner", "F001", "--format", "json"], &fabrikam[..]].concat());
    assert!(explanation["decision"]["score"].is_i64());
    // A score is left out where no metric scores, never null.
    explain.assert_refuse(&explanation, "a null score", |document| document["decision"]["score"] = Value::Null);
    explain.assert_refuse(&explanation, "a metric value as a float", |document| {
        document["decision"]["metrics"][0]["value"] = 1.5.into();
    });
}
