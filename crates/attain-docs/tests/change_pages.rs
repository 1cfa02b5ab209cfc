//! Change pages of drafts: what a draft changes against the version in force, requirement by
//! requirement, in every locale, with the figures of both versions.

use std::path::Path;

use attain_docs::{changes, Format};
use attain_i18n::{Localizer, LOCALES};
use attain_rules::{Rules, Version};

/// The draft of `examples/drafts/NAME.toml`, with its program's id.
fn draft(rules: &Rules, name: &str) -> (String, Version) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../examples/drafts/{name}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    rules.draft(name, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// The change page of `draft` against the version in force when it would take effect.
fn page(rules: &Rules, (program, draft): &(String, Version), tag: &str, format: Format) -> String {
    let program = rules.program(program).unwrap();
    let version = program.version_on(draft.effective).unwrap();
    changes(rules, program, version, draft, &Localizer::new(tag), format)
}

/// Every locale's page, one after the other.
fn every_locale(rules: &Rules, draft: &(String, Version)) -> String {
    LOCALES.iter().map(|tag| page(rules, draft, tag, Format::Markdown)).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_higher_threshold_in_every_locale() {
    let rules = Rules::embedded().unwrap();
    let gold = draft(&rules, "gold-150k");
    for tag in LOCALES {
        let l = Localizer::new(tag);
        let text = page(&rules, &gold, tag, Format::Markdown);
        let line =
            text.lines().find(|line| line.contains(&l.usd_whole(150_000))).unwrap_or_else(|| panic!("{tag}:\n{text}"));
        assert!(line.contains(&l.usd_whole(100_000)) && line.contains('→'), "{tag}: {line}");
        // Silver does not change: no section of its own.
        let silver = rules.level_name(rules.program("cloud-platform").unwrap(), attain_rules::LevelIdx(0), tag);
        assert!(!text.contains(&format!("</a>{silver}\n")), "{tag}:\n{text}");
        if tag != "en-US" {
            assert!(!text.contains("Consumption threshold"), "{tag} speaks English:\n{text}");
        }
    }
    insta::assert_snapshot!("gold-150k", every_locale(&rules, &gold));
}

#[test]
fn a_retired_credential_in_every_locale() {
    let rules = Rules::embedded().unwrap();
    let retired = draft(&rules, "without-70-534");
    for tag in LOCALES {
        let text = page(&rules, &retired, tag, Format::Markdown);
        assert_eq!(text.matches("exam-70-534.aspx").count(), 2, "{tag}: once per level:\n{text}");
        assert!(!text.contains("70-535"), "{tag}: unchanged credentials are not listed");
    }
    insta::assert_snapshot!("without-70-534", every_locale(&rules, &retired));
}

#[test]
fn a_new_metric_in_every_locale() {
    let rules = Rules::embedded().unwrap();
    let metric = draft(&rules, "active-customers");
    for tag in LOCALES {
        let text = page(&rules, &metric, tag, Format::Markdown);
        assert!(text.contains("<a name=\"active_customers\"></a>"), "{tag}:\n{text}");
        assert!(text.contains("70") && text.contains("85"), "{tag}: the score required before and after:\n{text}");
    }
    insta::assert_snapshot!("active-customers", every_locale(&rules, &metric));
    let html = page(&rules, &metric, "ja-JP", Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ja-JP\">"));
    assert!(html.contains("<h3 id=\"active_customers\">"));
}

#[test]
fn markets_associations_and_windows_that_change_are_said() {
    let rules = Rules::embedded().unwrap();
    let (program, gold) = draft(&rules, "gold-150k");
    let mut text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/drafts/gold-150k.toml"))
            .unwrap();
    text = text
        .replace("developed = 15000, emerging = 10000", "developed = 15000, emerging = \"7500.50\"")
        .replace("window = { months = 12", "window = { months = 6")
        .replace("[\"DPOR\", \"TPOR\"]", "[\"DPOR\", \"TPOR\", \"CSP\"]")
        .replace("individuals = 2", "individuals = 3");
    let changed = rules.draft("d.toml", &text).unwrap();
    let en = page(&rules, &changed, "en-US", Format::Markdown);
    for line in [
        "- Azure consumption counted over the last months: 12 → 6",
        "- Associations through which consumption counts: Digital Partner of Record and Transacting Partner of Record → Digital Partner of Record, Transacting Partner of Record and Cloud Solution Provider",
        "- Consumption threshold, Emerging markets: US$10,000 → US$7,500.50",
        "- Qualified individuals: 2 → 3",
    ] {
        assert!(en.contains(line), "{line:?} in:\n{en}");
    }
    assert!(!en.contains("Developed markets"), "the developed threshold does not change:\n{en}");

    // A draft that changes nothing says so.
    let version = rules.program(&program).unwrap().version("2017-11-03").unwrap();
    let mut same = version.clone();
    same.id = gold.id.clone();
    let unchanged = page(&rules, &(program, same), "fr-FR", Format::Markdown);
    assert!(unchanged.contains(&Localizer::new("fr-FR").text("req-change-none")), "{unchanged}");
}
