//! lint on long pages of deeply nested headings: its time grows with the page, not faster (a
//! 95 KB page once took 9 s), and what is wrong deep in such a page is found where it is, as on a
//! short page.

use std::time::{Duration, Instant};

use attain_docs::{Finding, Format, Linter, Severity};
use attain_i18n::Localizer;
use attain_rules::Rules;

const FRONT: &str = "---\ntitle: Cloud Platform competency\nms.lasthandoff: 07/07/2017\n---\n\n# Cloud Platform\n\n";

/// Silver and Gold sections, their headings one level deeper each time (# to ######), so that
/// each level's section holds the next five: bold market headings, amounts, spans of months,
/// counts and exams, each section leaving the other credentials out (a finding each), and lines
/// of seven `#` and more (text, as CommonMark reads them).
fn block(at: usize) -> String {
    let mut block = String::new();
    for depth in 1..=6 {
        let level = ["Silver", "Gold"][depth % 2];
        block += &format!("{} <a name=\"{}\"></a>{level}\n\n", "#".repeat(depth), level.to_lowercase());
        block += "1. Your organization must meet the performance thresholds.\n";
        block += "    - **Developed markets**\n";
        block +=
            "        - Partners must demonstrate US$15,000 Azure customer consumption within the previous 12 months\n";
        block += "    - **Emerging markets**\n";
        block +=
            "        - Partners must demonstrate US$10,000 Azure customer consumption within the previous 12 months\n";
        block += "2. **2** individuals must pass [Exam 70-533](https://www.microsoft.com/en-us/learning/exam-70-533.aspx).\n";
        block += &format!("{} Notes\n\n", "#".repeat(7 + at % 500));
    }
    block
}

/// A page of about `size` bytes: blocks, three quarters of it, with the line each begins on and
/// the line after the last; then, to the end, a level named under ever more `#` (seven and more),
/// each over an amount: headings nested ever deeper, each one's section running to the end of
/// the page, were they read as headings.
fn page(size: usize) -> (String, Vec<usize>) {
    let mut page = FRONT.to_owned();
    let mut starts = Vec::new();
    let mut lines = FRONT.lines().count();
    while page.len() < size / 4 * 3 {
        starts.push(lines + 1);
        let block = block(starts.len());
        lines += block.lines().count();
        page += &block;
    }
    starts.push(lines + 1);
    let mut depth = 7;
    while page.len() < size {
        page += &format!("{} Gold\n- US$100,000 within the previous 12 months\n", "#".repeat(depth));
        depth += 1;
    }
    (page, starts)
}

fn lint(linter: &Linter<'_>, page: &str) -> Vec<Finding> {
    linter.lint(None, "deep.md", page, None)
}

/// The least of two times `linter` takes on `page`.
fn time(linter: &Linter<'_>, page: &str) -> Duration {
    (0..2)
        .map(|_| {
            let start = Instant::now();
            lint(linter, page);
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn a_deep_page_takes_time_in_proportion_to_its_size() {
    let rules = Rules::embedded().unwrap();
    let linter = Linter::new(&rules, "en-US");
    let (small, _) = page(1 << 20);
    let (large, _) = page(4 << 20);
    let small = time(&linter, &small);
    // Before the large page: a page that takes this long on 1 MB would take many times as long on 4 MB.
    assert!(small < Duration::from_secs(30), "1 MB took {small:?}");
    let large = time(&linter, &large);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("1 MB: {small:?}; 4 MB: {large:?} ({ratio:.1}×)");
    assert!(ratio < 8.0, "4 MB took {ratio:.1}× as long as 1 MB ({large:?} against {small:?})");
}

/// A page of about `size` bytes: the Silver and Gold sections of the rendered 2017-07-07 page
/// over and over, their headings under `#` to `######` in turn: lines of links, exams, amounts
/// and dates as attain writes them, a finding here and there (a count, a threshold under a
/// deeper level).
fn rendered_nested(rules: &Rules, size: usize) -> String {
    let program = rules.programs.iter().find(|p| p.id == "cloud-platform").unwrap();
    let version = program.versions.iter().find(|v| v.id == "2017-07-07").unwrap();
    let rendered = attain_docs::requirements(rules, program, version, &Localizer::new("en-US"), Format::Markdown);
    let (head, levels) = rendered.split_once("### <a name=\"silver\">").unwrap();
    let (silver, gold) = levels.split_once("### <a name=\"gold\">").unwrap();
    let mut page = head.to_owned();
    for depth in (1..=6).cycle() {
        if page.len() >= size {
            break;
        }
        for (anchor, section) in [("silver", silver), ("gold", gold)] {
            page += &format!("{} <a name=\"{anchor}\">{section}", "#".repeat(depth));
        }
    }
    page
}

#[test]
fn a_page_of_rendered_sections_nested_takes_time_in_proportion_to_its_size() {
    let rules = Rules::embedded().unwrap();
    let linter = Linter::new(&rules, "en-US");
    let (small, large) = (rendered_nested(&rules, 1 << 20), rendered_nested(&rules, 4 << 20));
    // The same findings, section by section: the large page's are the small page's and more.
    let (found_small, found_large) = (lint(&linter, &small), lint(&linter, &large));
    assert!(found_small.iter().any(|f| f.rule == "individuals"), "{:?}", found_small.first());
    assert_eq!(found_small[..], found_large[..found_small.len()]);
    let small = time(&linter, &small);
    assert!(small < Duration::from_secs(30), "1 MB took {small:?}");
    let large = time(&linter, &large);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("rendered, nested: 1 MB: {small:?}; 4 MB: {large:?} ({ratio:.1}×)");
    assert!(ratio < 8.0, "4 MB took {ratio:.1}× as long as 1 MB ({large:?} against {small:?})");
}

#[test]
fn what_is_wrong_deep_in_a_long_page_is_found_where_it_is() {
    let rules = Rules::embedded().unwrap();
    let linter = Linter::new(&rules, "en-US");
    let (page, starts) = page(1 << 20);
    let found = lint(&linter, &page);

    // The first block's findings are those of a page of that block alone, and every block's the
    // same again, line for line.
    let alone = lint(&linter, &format!("{FRONT}{}", block(1)));
    assert!(alone.iter().any(|f| f.rule == "threshold") && alone.iter().any(|f| f.rule == "credential-missing"));
    let in_first: Vec<&Finding> = found.iter().filter(|f| f.line < starts[1]).collect();
    assert_eq!(in_first, alone.iter().collect::<Vec<_>>());
    let (blocks, tail) = (starts.len() - 1, starts[starts.len() - 1]);
    assert_eq!(found.iter().filter(|f| f.line < tail).count(), alone.len() * blocks, "{blocks} blocks");
    // Under ever more `#`, each amount is in the last block's sections, under its emerging
    // markets: US$100,000 is Gold's threshold there, not Silver's, said once a line (three
    // Silver sections hold it).
    let amounts: Vec<usize> =
        page.lines().enumerate().skip(tail - 1).filter(|(_, l)| l.contains("US$100,000")).map(|(i, _)| i + 1).collect();
    let below: Vec<&Finding> = found.iter().filter(|f| f.line >= tail).collect();
    let first = below.first();
    let lines: Vec<usize> = below.iter().map(|f| f.line).collect();
    assert!(lines == amounts, "{} findings for {} amounts, the first {first:?}", below.len(), amounts.len());
    assert!(below.iter().all(|f| f.rule == "threshold" && f.expected == "US$10,000"), "{first:?}");

    // A wrong Silver threshold in the deepest Silver section of the last block.
    let (before, after) = page.split_at(page.lines().take(starts[blocks - 1] - 1).map(|l| l.len() + 1).sum());
    let deepest = after.find("###### <a name=\"silver\">").unwrap();
    let (head, rest) = after.split_at(deepest);
    let wrong = format!("{before}{head}{}", rest.replacen("US$15,000", "US$25,000", 1));
    let line = wrong.lines().position(|l| l.contains("US$25,000")).unwrap() + 1;
    let findings = lint(&linter, &wrong);
    let silver = findings
        .iter()
        .find(|f| f.line == line && f.rule == "threshold" && f.message.starts_with("Silver"))
        .unwrap_or_else(|| panic!("no Silver threshold on line {line}"));
    assert_eq!((silver.severity, silver.column), (Severity::Error, 37));
    assert_eq!((silver.expected.as_str(), silver.found.as_str()), ("US$15,000", "US$25,000"));
}
