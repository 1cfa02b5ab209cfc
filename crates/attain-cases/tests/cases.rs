//! The rule test cases shipped with each program, and those of a second program
//! (in `fixtures/rules`) whose shape differs from the first.

use std::path::Path;

use attain_rules::Rules;

fn assert_all_pass(rules: &Rules, at_least: usize) {
    let reports = attain_cases::run_all(rules, None);
    assert!(!reports.is_empty(), "no cases files found");
    let mut passed = 0;
    for report in &reports {
        for failure in &report.failures {
            eprintln!("{failure}");
        }
        assert!(report.failures.is_empty(), "{} has failing cases", report.file);
        passed += report.passed;
    }
    assert!(passed >= at_least, "only {passed} cases ran");
}

#[test]
fn shipped_rule_cases_pass() {
    assert_all_pass(&Rules::embedded().unwrap(), 40);
}

#[test]
fn a_second_program_with_all_of_alternatives_and_a_day_window_loads_and_passes_its_cases() {
    let rules = Rules::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")).unwrap();
    assert_all_pass(&rules, 7);
}

#[test]
fn a_failing_case_is_reported_with_its_line_and_what_differs() {
    let mut rules = Rules::embedded().unwrap();
    rules.case_files = vec![attain_rules::SourceFile {
        path: "x.cases.toml".into(),
        text: r#"program = "cloud-platform"

[[case]]
name = "wrong on purpose"
as_of = 2018-06-30
data."partners.csv" = "partner_id,name,country\nP1,A,US\n"
data."associations.csv" = "partner_id,customer_id,kind,start\n"
data."consumption.csv" = "customer_id,date,amount,currency\n"
data."people.csv" = "person_id,partner_id,name\n"
data."achievements.csv" = "person_id,credential,date\n"
expect.P1 = { level = "gold", consumption_usd = "0.00" }
"#
        .into(),
    }];
    let reports = attain_cases::run_all(&rules, None);
    assert_eq!(reports[0].passed, 0);
    let failure = &reports[0].failures[0];
    assert_eq!(failure.line, 4);
    assert_eq!(failure.problems, ["P1 level: expected gold, found none"]);
}
