//! lint on real pages: the 48 published versions of the Cloud Platform page in
//! `../shared/corpus/pages` give exactly the findings labelled by hand in `corpus.expected`
//! (no false error, no false warning, every real contradiction).
//!
//! The corpus is not in the repository (it may not be copied into it): see `shared/mod.rs`.

mod shared;

use std::path::PathBuf;

use attain_docs::Linter;
use attain_rules::Rules;

#[test]
fn the_published_pages_give_exactly_the_labelled_findings() {
    let Some(pages) = shared::folder("corpus/pages", "the corpus test") else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pages).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), 48, "{}", pages.display());
    let rules = Rules::embedded().unwrap();
    let linter = Linter::new(&rules, "en-US");
    let mut found = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        found.extend(linter.lint(None, name, &text, None).iter().map(ToString::to_string));
    }
    let labelled = include_str!("corpus.expected");
    let expected: Vec<String> = labelled
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect();
    assert!(labelled.lines().filter(|l| !l.starts_with('#')).all(|l| l.contains("\t# ")), "every label says why");
    let missing: Vec<_> = expected.iter().filter(|e| !found.contains(e)).collect();
    let extra: Vec<_> = found.iter().filter(|f| !expected.contains(f)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "labelled but not found: {missing:#?}\nfound but not labelled: {extra:#?}"
    );
    assert_eq!(found, expected, "same findings, in the same order");
}
