//! Requirement pages: the generator and the checker agree in every locale; the checker
//! finds each kind of injected error in fixtures written by hand, and exactly the known
//! errors in the seed documents.

mod shared;

use std::path::Path;

use attain_docs::{lint, requirements, Finding, Format, Severity};
use attain_i18n::{Localizer, LOCALES};
use attain_rules::Rules;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

/// The 1-based line of the first line containing `marker`.
fn line_of(text: &str, marker: &str) -> usize {
    text.lines().position(|l| l.contains(marker)).unwrap_or_else(|| panic!("no line with {marker:?}")) + 1
}

fn summary(findings: &[Finding]) -> Vec<(usize, Severity, String)> {
    findings.iter().map(|f| (f.line, f.severity, f.message.clone())).collect()
}

#[test]
fn generated_pages_pass_the_checker_in_every_locale_and_version() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program("cloud-platform").unwrap();
    for version in &program.versions {
        for tag in LOCALES {
            let l10n = Localizer::new(tag);
            let page = requirements(&rules, program, version, &l10n, Format::Markdown);
            let findings = lint(&rules, Some(program), "page.md", &page, None);
            assert!(findings.is_empty(), "{tag} {}:\n{findings:?}\n{page}", version.id);
            assert_eq!(page.contains("70-535"), version.id == "2017-11-03", "{tag} {}", version.id);
            for amount in [15_000, 10_000, 100_000] {
                assert!(page.contains(&l10n.usd_whole(amount)), "{tag}: {amount} missing");
            }
            let html = requirements(&rules, program, version, &l10n, Format::Html);
            assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"") && html.contains(&format!("lang=\"{tag}\"")));
            assert!(html.contains("<meta charset=\"utf-8\">") && html.trim_end().ends_with("</html>"));
            assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count(), "{tag}");
            assert_eq!(html.matches("<li>").count(), html.matches("</li>").count(), "{tag}");
        }
    }
}

#[test]
fn each_kind_of_injected_rule_error_is_found_where_it_is() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program("cloud-platform").unwrap();
    let text = fixture("de-DE-injected.md");
    let found = summary(&lint(&rules, Some(program), "de.md", &text, None));
    let expected = vec![
        (
            line_of(&text, "<a name=\"silver\">"),
            Severity::Error,
            "Silber does not list assessment:16571, which version 2017-07-07 requires".to_owned(),
        ),
        (
            line_of(&text, "INJECTED: threshold"),
            Severity::Error,
            "Silber threshold for emerging markets contradicts the rules".to_owned(),
        ),
        (
            line_of(&text, "INJECTED: not in this version"),
            Severity::Error,
            "Silber lists exam:70-535, which version 2017-07-07 does not".to_owned(),
        ),
        (
            line_of(&text, "INJECTED: date"),
            Severity::Error,
            "date is not a retirement, registration or acceptance date of a listed credential".to_owned(),
        ),
        (line_of(&text, "INJECTED: count"), Severity::Error, "Gold individual count contradicts the rules".to_owned()),
    ];
    // Level names come from the rules in English ("Silver"); the page's own headings are German.
    let expected: Vec<_> = expected.into_iter().map(|(l, s, m)| (l, s, m.replace("Silber", "Silver"))).collect();
    assert_eq!(found, expected);
}

#[test]
fn each_kind_of_injected_segment_mismatch_is_a_warning() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program("cloud-platform").unwrap();
    let text = fixture("ko-KR-bilingual-injected.md");
    let findings = lint(&rules, Some(program), "ko.md", &text, None);
    let found = summary(&findings);
    let warning = |marker: &str, what: &str| {
        (line_of(&text, marker), Severity::Warning, format!("translated segment differs from its source in {what}"))
    };
    // The fixture holds segments only: no level's requirements (a note says so); the title's
    // product also leaves out the program's name, which the glossary checks.
    assert_eq!(
        found,
        vec![
            (6, Severity::Note, "no requirements stated".to_owned()),
            warning("INJECTED: numbers", "numbers"),
            warning("INJECTED: links", "links"),
            (
                line_of(&text, "INJECTED: product names"),
                Severity::Warning,
                "translated segment names the program, option or a level neither as in English nor as the glossary translates it".to_owned()
            ),
            warning("INJECTED: product names", "product names"),
        ]
    );
    assert_eq!(
        findings[1].to_string(),
        format!(
            "ko.md:{}:{}: warning [segment-numbers]: translated segment differs from its source in numbers (expected 20000, found 25000)",
            found[1].0,
            findings[1].column
        )
    );
}

#[test]
fn the_seed_documents_have_exactly_their_known_errors() {
    let Some(seeds) = shared::folder("seeds", "the seeds test") else { return };
    let rules = Rules::embedded().unwrap();
    let program = rules.program("cloud-platform").unwrap();
    let check = |name: &str| {
        let text = std::fs::read_to_string(seeds.join(name)).unwrap();
        lint(&rules, Some(program), name, &text, None)
            .iter()
            .map(|f| (f.line, f.severity, f.expected.clone(), f.found.clone()))
            .collect::<Vec<_>>()
    };
    let s = |x: &str| x.to_owned();
    assert_eq!(
        check("000_ed3a0ef99e0fb79c.txt"),
        vec![
            (26, Severity::Error, s("US$10,000"), s("US$100,000")),
            (34, Severity::Warning, s("Technical Assessment for Cloud Platform"), s("Cloud App Security")),
            (61, Severity::Warning, s("Technical Assessment for Cloud Platform"), s("Cloud App Security")),
        ]
    );
    assert_eq!(check("001_4d0a2d3293e75547.txt"), vec![]);
    assert_eq!(check("003_cfb52da338a03f9a.txt"), vec![(59, Severity::Error, s("US$100,000"), s("US$15,000"))]);
}

#[test]
fn every_generated_page_is_recognized_as_its_program_without_being_told() {
    let rules = Rules::embedded().unwrap();
    for program in &rules.programs {
        for version in &program.versions {
            for tag in LOCALES {
                let l10n = Localizer::new(tag);
                for format in [Format::Markdown, Format::Html] {
                    let page = requirements(&rules, program, version, &l10n, format);
                    let findings = lint(&rules, None, "page", &page, None);
                    assert!(findings.is_empty(), "{} {} {tag}:\n{findings:#?}", program.id, version.id);
                }
            }
        }
    }
}

#[test]
fn a_page_of_another_program_is_said_to_be_unknown_and_not_checked() {
    let rules = Rules::embedded().unwrap();
    let text = "---\ntitle: Data Analytics competency\nms.lasthandoff: 07/07/2017\n---\n\
# <a name=\"data-analytics\"></a>Data Analytics\n\n### <a name=\"silver\"></a>Silver\n\n\
- Partners must demonstrate US$5,000 of Power BI consumption within the previous 6 months\n";
    let findings = lint(&rules, None, "da.md", text, None);
    assert_eq!(
        summary(&findings),
        vec![(5, Severity::Warning, "the page describes no program attain knows; nothing was checked".to_owned())]
    );
    assert_eq!(findings[0].found, "Data Analytics competency");
    // Told which program it is, the page is checked against it, however wrong that is.
    let cloud = rules.program("cloud-platform").unwrap();
    assert!(lint(&rules, Some(cloud), "da.md", text, None).iter().any(|f| f.rule == "threshold"));
}
