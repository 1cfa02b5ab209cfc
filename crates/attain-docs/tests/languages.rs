//! lint on pages written by hand in fifteen languages — including it, ru, zh-TW, nl, pl, tr and
//! sv, which attain has no messages for — each with the findings expected of it, reasoned from
//! the rules (`fixtures/languages/expected.txt`, one line per finding, with why): unknown market
//! headings, mixed-language sections, number words, CJK and Korean dates, translated program
//! names, pages of another program, pages before the first version, commented-out pages, and
//! real contradictions beside clean pages.

use std::path::Path;

use attain_docs::Linter;
use attain_rules::Rules;

#[test]
fn every_hand_written_page_gives_exactly_its_expected_findings() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages");
    let mut pages: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    let rules = Rules::embedded().unwrap();
    let linter = Linter::new(&rules, "en-US");
    let mut found = Vec::new();
    let mut languages = std::collections::BTreeSet::new();
    for page in &pages {
        let name = page.file_name().unwrap().to_str().unwrap();
        languages.insert(name.split('-').next().unwrap().to_owned());
        for f in linter.lint(None, name, &std::fs::read_to_string(page).unwrap(), None) {
            found.push(format!("{}:{}: {} [{}]", f.file, f.line, f.severity.as_str(), f.rule));
        }
    }
    assert!(languages.len() >= 12, "{languages:?}");
    for language in ["it", "ru", "zh"] {
        assert!(languages.contains(language), "{language}");
    }
    let expected: Vec<String> = std::fs::read_to_string(folder.join("expected.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split(" # ").next().unwrap().trim().to_owned())
        .collect();
    let missing: Vec<_> = expected.iter().filter(|e| !found.contains(e)).collect();
    let extra: Vec<_> = found.iter().filter(|f| !expected.contains(f)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "expected, not found: {missing:#?}\nfound, not expected: {extra:#?}"
    );
    assert_eq!(found.len(), expected.len());
    // Every class of finding the pages were written for is among them.
    for rule in
        ["market-heading", "program-unknown", "version-announced", "no-requirements", "threshold-missing", "window"]
    {
        assert!(expected.iter().any(|e| e.contains(&format!("[{rule}]"))), "{rule}");
    }
}
