//! Rule test cases as data, in the manner of OpenFisca's YAML tests: a
//! `PROGRAM.cases.toml` file beside a program holds cases, each with input files
//! written inline as CSV, an as-of date, and the expected decision or input error.
//! Cases run through the same input reader and engine as `attain evaluate`.
//!
//! ```toml
//! program = "my-program"
//!
//! [defaults]                  # shared by every case; a case overrides file by file
//! as_of = 2018-06-30
//! data."partners.csv" = """
//! partner_id,name,country
//! P1,Contoso,US
//! """
//!
//! [[case]]
//! name = "silver at exactly the threshold"
//! data."consumption.csv" = "..."
//! expect.P1 = { level = "silver", consumption_usd = "15000.00", qualified_individuals = 1, drops_on = 2018-07-01 }
//!
//! [[case]]
//! name = "a rate is missing"
//! expect_error = "consumption.csv:2:4: currency: no rate for EUR"
//! ```
//!
//! `drops_on = "never"` expects `null`. A file set to `false` is left out.
//! `expect_error` matches a part of the input or engine error's message.

use std::collections::BTreeMap;
use std::fmt;

use attain_engine::{Engine, MetricEngine};
use attain_input::MemorySource;
use attain_rules::{Rules, SourceFile};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    program: String,
    #[serde(default)]
    defaults: Defaults,
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Defaults {
    as_of: Option<toml::value::Datetime>,
    #[serde(default)]
    data: BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: Spanned<String>,
    as_of: Option<toml::value::Datetime>,
    #[serde(default)]
    data: BTreeMap<String, toml::Value>,
    /// Partner id → fields of its decision, as `evaluate --format json` writes them.
    #[serde(default)]
    expect: BTreeMap<String, toml::Table>,
    expect_error: Option<String>,
}

/// A case that did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub file: String,
    pub line: usize,
    pub case: String,
    pub problems: Vec<String>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: FAILED {}", self.file, self.line, self.case)?;
        for p in &self.problems {
            write!(f, "\n    {p}")?;
        }
        Ok(())
    }
}

/// What running one cases file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub file: String,
    pub program: String,
    pub passed: usize,
    pub failures: Vec<Failure>,
}

/// Runs every cases file of `rules`, or only those of `program`.
pub fn run_all(rules: &Rules, program: Option<&str>) -> Vec<FileReport> {
    rules
        .case_files
        .iter()
        .filter_map(|file| run_file(rules, file))
        .filter(|report| program.is_none_or(|p| p == report.program))
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Runs one cases file; a file that cannot be read as cases is one failure.
pub fn run_file(rules: &Rules, source: &SourceFile) -> Option<FileReport> {
    let mut report = FileReport { file: source.path.clone(), program: String::new(), passed: 0, failures: Vec::new() };
    let fail = |line: usize, case: &str, problem: String| Failure {
        file: source.path.clone(),
        line,
        case: case.to_owned(),
        problems: vec![problem],
    };
    let parsed: CaseFile = match toml::from_str(&source.text) {
        Ok(parsed) => parsed,
        Err(e) => {
            let line = line_of(&source.text, e.span().map_or(0, |s| s.start));
            report.failures.push(fail(line, "(the file)", e.message().trim().to_owned()));
            return Some(report);
        }
    };
    report.program = parsed.program.clone();
    let Some(program) = rules.program(&parsed.program) else {
        report.failures.push(fail(1, "(the file)", format!("no program {:?} in these rules", parsed.program)));
        return Some(report);
    };
    for case in &parsed.case {
        let line = line_of(&source.text, case.name.span().start);
        let problems = run_case(rules, program, &parsed.defaults, case);
        if problems.is_empty() {
            report.passed += 1;
        } else {
            report.failures.push(Failure {
                file: source.path.clone(),
                line,
                case: case.name.get_ref().clone(),
                problems,
            });
        }
    }
    Some(report)
}

/// Every partner's decision as `evaluate --format json` writes it, whichever engine decides the program.
fn decisions(
    rules: &Rules,
    program: &attain_rules::Program,
    facts: attain_engine::Facts,
    as_of: jiff::civil::Date,
) -> Result<Vec<serde_json::Value>, attain_engine::EngineError> {
    let json = |value: serde_json::Value| match value {
        serde_json::Value::Array(partners) => partners,
        _ => Vec::new(),
    };
    let partners = if program.by_metrics() {
        let evaluation = MetricEngine::new(rules, program, facts)?.evaluate(as_of, &[])?;
        serde_json::to_value(evaluation.partners)
    } else {
        serde_json::to_value(Engine::new(rules, program, facts)?.evaluate(as_of, &[])?.partners)
    };
    Ok(json(partners.expect("decisions serialize")))
}

/// Whether a decision's field holds what a case expects: dates as dates, `"never"` as null,
/// tables as a part of the object (the keys given). A field the decision lacks is a problem too,
/// so that a misspelt expectation cannot pass.
fn compare(what: &str, expected: &toml::Value, found: &serde_json::Value, problems: &mut Vec<String>) {
    use serde_json::Value as J;
    use toml::Value as T;
    let holds = match (expected, found) {
        (T::Table(table), J::Object(_)) => {
            for (key, value) in table {
                compare(&format!("{what}.{key}"), value, &found[key.as_str()], problems);
            }
            return;
        }
        (_, J::Null) if what.ends_with("drops_on") => expected.as_str() == Some("never"),
        (T::Datetime(date), J::String(text)) => date.to_string() == *text,
        (T::String(text), J::String(found)) => text == found,
        (T::Integer(n), J::Number(found)) => found.as_i64() == Some(*n),
        (T::Boolean(b), J::Bool(found)) => b == found,
        (_, J::Null) => {
            problems.push(format!("{what}: the decision has no such field"));
            return;
        }
        _ => false,
    };
    if !holds {
        let expected = match expected {
            T::String(s) => s.clone(),
            T::Integer(n) => n.to_string(),
            T::Boolean(b) => b.to_string(),
            T::Datetime(d) => d.to_string(),
            other => format!("{other:?}"),
        };
        let found = match found {
            J::String(s) => s.clone(),
            J::Null => "never".to_owned(),
            other => other.to_string(),
        };
        problems.push(format!("{what}: expected {expected}, found {found}"));
    }
}

fn date_of(value: &toml::value::Datetime) -> Result<jiff::civil::Date, String> {
    match (value.date, value.time) {
        (Some(d), None) => jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).map_err(|e| e.to_string()),
        _ => Err(format!("expected a plain date, found {value}")),
    }
}

fn run_case(rules: &Rules, program: &attain_rules::Program, defaults: &Defaults, case: &Case) -> Vec<String> {
    let mut files = BTreeMap::new();
    for (name, value) in defaults.data.iter().chain(&case.data) {
        match value {
            toml::Value::String(text) => {
                files.insert(name.clone(), text.clone());
            }
            toml::Value::Boolean(false) => {
                files.remove(name);
            }
            other => return vec![format!("data.{name:?} must be CSV text or false, found {}", other.type_str())],
        }
    }
    let Some(as_of) = case.as_of.as_ref().or(defaults.as_of.as_ref()) else {
        return vec!["no as_of in the case or its defaults".to_owned()];
    };
    let as_of = match date_of(as_of) {
        Ok(d) => d,
        Err(e) => return vec![format!("as_of: {e}")],
    };
    let source = MemorySource { label: "case".to_owned(), files };
    let decided = attain_input::read(&source)
        .map_err(|errors| errors.to_string())
        .and_then(|facts| decisions(rules, program, facts, as_of).map_err(|e| e.to_string()));
    let decisions = match (decided, &case.expect_error) {
        (Ok(decisions), None) => decisions,
        (Ok(_), Some(expected)) => return vec![format!("expected the error {expected:?}, but the case was decided")],
        (Err(shown), Some(expected)) if shown.contains(expected.as_str()) => return Vec::new(),
        (Err(shown), Some(expected)) => {
            return vec![format!("expected an error containing {expected:?}, found:\n{shown}")]
        }
        (Err(shown), None) => return vec![format!("not decided:\n{shown}")],
    };
    let mut problems = Vec::new();
    for (partner, expect) in &case.expect {
        let Some(decision) = decisions.iter().find(|d| d["partner_id"].as_str() == Some(partner)) else {
            problems.push(format!("{partner}: no such partner in the data"));
            continue;
        };
        for (field, expected) in expect {
            compare(&format!("{partner} {field}"), expected, &decision[field.as_str()], &mut problems);
        }
    }
    problems
}
