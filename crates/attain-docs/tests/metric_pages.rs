//! Requirement pages of versions that state their levels in declared metrics: the page says
//! what the rules say in every locale, the checker passes attain's own pages (Markdown and
//! HTML), and a number changed on a page is an error on its line.

use std::path::Path;

use attain_docs::{lint, requirements, Finding, Format, Severity};
use attain_i18n::{Localizer, LOCALES};
use attain_rules::{Program, Rules};

const PROGRAM: &str = "solutions-partner-infrastructure";

fn page(rules: &Rules, program: &Program, tag: &str, format: Format) -> String {
    let version = program.versions.last().expect("a version");
    requirements(rules, program, version, &Localizer::new(tag), format)
}

/// The 1-based line of the first line containing every one of `markers`.
fn line_of(text: &str, markers: &[&str]) -> usize {
    text.lines()
        .position(|l| markers.iter().all(|m| l.contains(m)))
        .unwrap_or_else(|| panic!("no line with {markers:?}"))
        + 1
}

/// `text` with `from` replaced by `to` on the first line containing both `marker` and `from`.
fn change_on(text: &str, marker: &str, from: &str, to: &str) -> String {
    let at = line_of(text, &[marker, from]) - 1;
    let lines: Vec<String> =
        text.lines().enumerate().map(|(i, l)| if i == at { l.replacen(from, to, 1) } else { l.to_owned() }).collect();
    lines.join("\n") + "\n"
}

fn summary(findings: &[Finding]) -> Vec<(usize, Severity, String, String, String)> {
    findings.iter().map(|f| (f.line, f.severity, f.message.clone(), f.expected.clone(), f.found.clone())).collect()
}

/// The shipped catalog and translations beside a program of the tests' own, in a fresh folder.
fn rules_with(program_file: &str) -> Rules {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = manifest.join("../../rules");
    let dir = std::env::temp_dir().join(format!("attain-docs-{}-{program_file}", std::process::id()));
    for sub in ["catalog", "programs", "l10n"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for sub in ["catalog", "l10n"] {
        for entry in std::fs::read_dir(shipped.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(manifest.join("tests/fixtures").join(program_file), dir.join("programs").join(program_file)).unwrap();
    let rules = Rules::from_dir(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    rules.unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn the_metric_page_in_english() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program(PROGRAM).unwrap();
    insta::assert_snapshot!("metric_page_en-US", page(&rules, program, "en-US", Format::Markdown));
}

#[test]
fn the_metric_page_in_german() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program(PROGRAM).unwrap();
    insta::assert_snapshot!("metric_page_de-DE", page(&rules, program, "de-DE", Format::Markdown));
}

#[test]
fn the_metric_page_in_japanese() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program(PROGRAM).unwrap();
    insta::assert_snapshot!("metric_page_ja-JP", page(&rules, program, "ja-JP", Format::Markdown));
}

#[test]
fn the_metric_page_says_what_the_rules_say_in_every_locale() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program(PROGRAM).unwrap();
    let version = program.versions.last().unwrap();
    for tag in LOCALES {
        let l = Localizer::new(tag);
        let md = page(&rules, program, tag, Format::Markdown);
        // Every metric has its section, and every credential a metric counts is listed by its title.
        for metric in &version.metrics {
            assert!(md.contains(&format!("<a name=\"{}\"></a>", metric.id)), "{tag}: {}", metric.id);
            assert!(md.contains(rules.metric_name(program, metric, tag)), "{tag}: {}", metric.id);
            for c in metric.measure.credentials() {
                let credential = rules.catalog.get(c);
                assert!(md.contains(rules.credential_title(credential, tag)), "{tag}: {}", credential.id);
            }
        }
        // Amounts as the locale writes them; every excluded offer and every association kind that counts.
        assert!(md.contains(&l.usd_whole(1000)), "{tag}");
        for exclusion in &version.exclude_rows {
            for value in &exclusion.values {
                assert!(md.contains(value.as_str()), "{tag}: {value}");
            }
        }
        for kind in version.counting_kinds() {
            assert!(md.contains(&l.text(&format!("association-{kind}"))), "{tag}: {kind}");
        }
        // Names come from the rules' translations, where there are some.
        if tag != "en-US" {
            assert!(!md.contains("Net customer adds"), "{tag}: untranslated metric name");
        }
        // Nothing of the threshold form's wording.
        assert!(!md.contains(&l.text("req-performance")), "{tag}");
    }
}

#[test]
fn every_locale_s_metric_page_passes_the_checker_in_markdown_and_html() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program(PROGRAM).unwrap();
    for tag in LOCALES {
        for format in [Format::Markdown, Format::Html] {
            let text = page(&rules, program, tag, format);
            // The HTML page has no front matter: its footer names the version.
            let findings = lint(&rules, Some(program), "page", &text, None);
            assert!(findings.is_empty(), "{tag} {format:?}:\n{findings:#?}\n{text}");
        }
        let html = page(&rules, program, tag, Format::Html);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"") && html.contains(&format!("lang=\"{tag}\"")));
        for (open, close) in [("<ul>", "</ul>"), ("<ol>", "</ol>"), ("<li>", "</li>"), ("<strong>", "</strong>")] {
            assert_eq!(html.matches(open).count(), html.matches(close).count(), "{tag}: {open}");
        }
    }
}

#[test]
fn threshold_pages_in_html_pass_the_checker_too() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program("cloud-platform").unwrap();
    for version in &program.versions {
        for tag in LOCALES {
            let html = requirements(&rules, program, version, &Localizer::new(tag), Format::Html);
            let findings = lint(&rules, Some(program), "page.html", &html, None);
            assert!(findings.is_empty(), "{tag} {}:\n{findings:#?}", version.id);
        }
        // The checker reads the HTML page's numbers: a wrong threshold is still found.
        let html = requirements(&rules, program, version, &Localizer::new("en-US"), Format::Html);
        let wrong = html.replacen("US$100,000", "US$90,000", 1);
        let found = summary(&lint(&rules, Some(program), "page.html", &wrong, None));
        assert_eq!(found.len(), 1, "{}: {found:?}", version.id);
        assert_eq!(found[0].0, line_of(&wrong, &["US$90,000"]));
    }
}

#[test]
fn each_changed_number_is_an_error_on_its_line() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program(PROGRAM).unwrap();
    let good = page(&rules, program, "en-US", Format::Markdown);
    let mut text = good.clone();
    text = change_on(&text, "in total", "**70**", "**60**");
    text = change_on(&text, "in all", "**100**", "**90**");
    text = change_on(&text, "points per customer", "**30**", "**20**");
    text = change_on(&text, "points per individual", "**4**", "**5**");
    text = change_on(&text, "different services", "12 months", "6 months");
    text = change_on(&text, "number of customers", "US$1,000", "US$1,500");
    text = change_on(&text, "individuals hold", "**2**", "**3**");
    let findings = lint(&rules, Some(program), "spi.md", &text, None);
    let e = |markers: &[&str], message: &str, expected: &str, found: &str| {
        (line_of(&text, markers), Severity::Error, message.to_owned(), expected.to_owned(), found.to_owned())
    };
    assert_eq!(
        summary(&findings),
        vec![
            e(&["in total"], "Solutions Partner score total contradicts the rules", "70", "60"),
            e(&["in all"], "Solutions Partner highest possible score contradicts the rules", "100", "90"),
            e(&["number of customers"], "Net customer adds amount contradicts the rules", "US$1,000", "US$1,500"),
            e(&["points per customer"], "Net customer adds points cap contradicts the rules", "30", "20"),
            e(&["individuals hold"], "Intermediate certifications prerequisite count contradicts the rules", "2", "3"),
            e(&["points per individual"], "Intermediate certifications points rate contradicts the rules", "4", "5"),
            e(&["different services"], "Deployments months contradict the rules", "12", "6"),
        ]
    );
    assert_eq!(
        findings[0].to_string(),
        format!(
            "spi.md:{}:{}: error [score]: Solutions Partner score total contradicts the rules (expected 70, found 60)",
            line_of(&text, &["in total"]),
            findings[0].column
        )
    );
    // The least points of every metric, and a credential left out of a metric's list.
    let each = change_on(&good, "Every metric", "**1**", "**2**");
    let admin = "    - [Microsoft Certified: Azure Administrator Associate](https://learn.microsoft.com/credentials/certifications/azure-administrator/)\n";
    assert!(good.contains(admin));
    let missing = good.replace(admin, "");
    let found: Vec<_> = [each.as_str(), missing.as_str()]
        .iter()
        .flat_map(|t| summary(&lint(&rules, Some(program), "spi.md", t, None)))
        .map(|(line, _, message, ..)| (line, message))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                line_of(&each, &["Every metric"]),
                "Solutions Partner least points of every metric contradicts the rules".into()
            ),
            (
                line_of(&missing, &["name=\"intermediate_certifications\""]),
                "Intermediate certifications does not list certification:azure-administrator-associate, \
                 which version 2023-06-13 counts for it"
                    .into()
            ),
        ]
    );
}

#[test]
fn changed_numbers_are_found_in_other_languages_and_in_html() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program(PROGRAM).unwrap();
    for (tag, total, cap) in [
        ("ja-JP", "合計", "最大 **30**"),
        ("ko-KR", "합계", "최대 **30점**"),
        ("fr-FR", "au total", "au maximum **30**"),
        ("pt-BR", "no total", "no máximo **30**"),
        ("zh-CN", "总分", "最多 **30**"),
    ] {
        let good = page(&rules, program, tag, Format::Markdown);
        let text = change_on(&good, total, "70", "60");
        let text = change_on(&text, cap, "30", "20");
        let found: Vec<_> = summary(&lint(&rules, Some(program), "page.md", &text, None))
            .into_iter()
            .map(|(line, severity, message, ..)| (line, severity, message))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    line_of(&text, &[total]),
                    Severity::Error,
                    "Solutions Partner score total contradicts the rules".into()
                ),
                (
                    line_of(&text, &[&cap.replace("30", "20")]),
                    Severity::Error,
                    "Net customer adds points cap contradicts the rules".into()
                ),
            ],
            "{tag}"
        );
    }
    let html = page(&rules, program, "de-DE", Format::Html);
    let wrong = html.replacen("mindestens <strong>70</strong>", "mindestens <strong>75</strong>", 1);
    assert_eq!(
        summary(&lint(&rules, Some(program), "page.html", &wrong, None)),
        vec![(
            line_of(&wrong, &["<strong>75</strong>"]),
            Severity::Error,
            "Solutions Partner score total contradicts the rules".into(),
            "70".into(),
            "75".into()
        )]
    );
}

#[test]
fn thresholds_per_market_money_steps_and_unscored_metrics() {
    let rules = rules_with("metric-thresholds.toml");
    let program = rules.program("metric-thresholds").unwrap();
    for tag in LOCALES {
        for format in [Format::Markdown, Format::Html] {
            let text = page(&rules, program, tag, format);
            let findings = lint(&rules, Some(program), "page", &text, None);
            assert!(findings.is_empty(), "{tag} {format:?}:\n{findings:#?}\n{text}");
        }
    }
    let md = page(&rules, program, "en-US", Format::Markdown);
    for expected in [
        "1. Your organization must score at least **10** points in total across the metrics below.",
        "    - The metrics give up to **25** points in all.",
        "2. Your organization must reach these metric values:\n    - **Developed markets**\n        - Revenue: at least **US$20,000**",
        "    - **Emerging markets**\n        - Revenue: at least **US$10,000**",
        "    - Every metric that gives points must score at least **2** points.",
        "        - Revenue: at least **US$100,000**\n        - Offers: at least **3**\n        - Growth: at least **10%**",
        "- **1** point per US$5,000, up to **10** points.",
        "- Category: breadth",
        "- Category: Skilling",
        "The number of different offers with Azure consumption above zero credited to your organization in last month.",
        "It is 0 unless the earlier value is above zero.",
        "Consumption of the services “Support Plan” counts toward no metric.",
    ] {
        assert!(md.contains(expected), "{expected:?} missing:\n{md}");
    }
    // A threshold changed under a market heading is that market's; one changed for a metric is that metric's.
    let developed = line_of(&md, &["Revenue: at least **US$20,000**"]);
    let offers = line_of(&md, &["Offers: at least **3**"]);
    let every = line_of(&md, &["US$5,000"]);
    let mut lines: Vec<String> = md.lines().map(str::to_owned).collect();
    lines[developed - 1] = lines[developed - 1].replace("20,000", "25,000");
    lines[offers - 1] = lines[offers - 1].replace("**3**", "**4**");
    lines[every - 1] = lines[every - 1].replace("US$5,000", "US$1,000");
    let text = lines.join("\n");
    let error = |line: usize, message: &str, expected: &str, found: &str| {
        (line, Severity::Error, message.to_owned(), expected.to_owned(), found.to_owned())
    };
    assert_eq!(
        summary(&lint(&rules, Some(program), "t.md", &text, None)),
        vec![
            error(
                developed,
                "Member threshold on Revenue for developed markets contradicts the rules",
                "US$20,000",
                "US$25,000"
            ),
            error(offers, "Leader threshold on Offers for developed markets contradicts the rules", "3", "4"),
            error(every, "Revenue amount contradicts the rules", "US$5,000", "US$1,000"),
        ]
    );
}

#[test]
fn reported_values_people_holding_credentials_together_and_thresholds_alone() {
    let rules = rules_with("metric-latest.toml");
    let program = rules.program("metric-latest").unwrap();
    for tag in LOCALES {
        for format in [Format::Markdown, Format::Html] {
            let text = page(&rules, program, tag, format);
            let findings = lint(&rules, Some(program), "page", &text, None);
            assert!(findings.is_empty(), "{tag} {format:?}:\n{findings:#?}\n{text}");
        }
    }
    let md = page(&rules, program, "en-US", Format::Markdown);
    for expected in [
        "### <a name=\"bronze\"></a>Bronze\n\n1. Your organization must reach these metric values:\n    - Active users: at least **100**\n",
        "    - **Developed markets**\n        - Active users: at least **10,000**\n        - Architects: at least **2**\n",
        "The sum, over the customers credited to your organization on the day of review, of the latest “active_users” value",
        "as delegated administration on the day of review. [Learn more](https://example.com/associations)",
        "- The number of individuals in your organization who hold all of the following:\n    - [Exam 70-533]",
    ] {
        assert!(md.contains(expected), "{expected:?} missing:\n{md}");
    }
    // Nothing about consumption, months or points where no metric reads consumption or scores.
    for absent in ["Consumption", "last month", "points"] {
        assert!(!md.contains(absent), "{absent:?}:\n{md}");
    }
    let gold = line_of(&md, &["Active users: at least **10,000**"]);
    let silver = line_of(&md, &["Architects: at least **1**"]);
    let exam = "    - [Exam 70-534]";
    let mut lines: Vec<String> = md.lines().map(str::to_owned).collect();
    lines[gold - 1] = lines[gold - 1].replace("10,000", "12,000");
    lines[silver - 1] = lines[silver - 1].replace("**1**", "**3**");
    lines.retain(|l| !l.starts_with(exam));
    let text = lines.join("\n");
    let found: Vec<_> = summary(&lint(&rules, Some(program), "t.md", &text, None))
        .into_iter()
        .map(|(l, _, m, e, f)| (l, m, e, f))
        .collect();
    let s = |x: &str| x.to_owned();
    assert_eq!(
        found,
        vec![
            (silver, s("Silver threshold on Architects contradicts the rules"), s("1"), s("3")),
            (
                gold,
                s("Gold threshold on Active users for developed markets contradicts the rules"),
                s("10000"),
                s("12000")
            ),
            (
                line_of(&text, &["name=\"architects\""]),
                s("Architects does not list exam:70-534, which version 2017-07-07 counts for it"),
                s("exam:70-534"),
                s("not listed")
            ),
        ]
    );
}
