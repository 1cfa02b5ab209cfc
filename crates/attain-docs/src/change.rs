//! The change page of a draft: what it changes against the version in force, requirement by
//! requirement ("Gold: US$100,000 → US$150,000", "exam 70-534 no longer listed"), generated from
//! the two versions, so that an announcement cannot misstate either.

use std::collections::BTreeSet;

use attain_i18n::{Arg, Localizer};
use attain_rules::{
    CredentialIdx, LevelIdx, LevelRequirements, Market, Metric, MetricLevel, Program, ProgramText, Rules, Usd, Version,
};

use crate::metric_page::{self, value_text};
use crate::page::{Block, Page};
use crate::render::{credential_item, Format};

/// The change page of `draft` against `version` (the one in force), in the localizer's language.
pub fn changes(
    rules: &Rules,
    program: &Program,
    version: &Version,
    draft: &Version,
    l10n: &Localizer,
    format: Format,
) -> String {
    let page = build(rules, program, version, draft, l10n);
    match format {
        Format::Markdown => page.markdown(),
        Format::Html => page.html(),
    }
}

fn build(rules: &Rules, program: &Program, version: &Version, draft: &Version, l: &Localizer) -> Page {
    let name = rules.program_text(program, l.tag(), ProgramText::Name);
    let option = rules.program_text(program, l.tag(), ProgramText::OptionName);
    let title = l.msg("req-change-title", &[("program", Arg::Text(name)), ("draft", Arg::Text(&draft.id))]);
    let mut blocks = vec![
        Block::Heading { depth: 1, anchor: format!("{}-changes", program.id), text: title.clone() },
        Block::Paragraph(l.msg(
            "req-change-intro",
            &[
                ("draft", Arg::Text(&draft.id)),
                ("option", Arg::Text(option)),
                ("version", Arg::Text(&version.id)),
                ("since", Arg::Text(&l.date(version.effective))),
                ("effective", Arg::Text(&l.date(draft.effective))),
            ],
        )),
    ];
    let mut changed = false;
    let mut section = |blocks: &mut Vec<Block>, anchor: String, heading: String, items: Vec<Block>| {
        if !items.is_empty() {
            changed = true;
            blocks.push(Block::Heading { depth: 2, anchor, text: heading });
            blocks.extend(items);
        }
    };
    let general = general_changes(program, version, draft, l);
    section(&mut blocks, "all-levels".into(), l.text("req-change-all-levels"), general);
    for (i, def) in program.levels.iter().enumerate() {
        let items = if draft.by_metrics() {
            metric_level_changes(
                rules,
                program,
                (version, &version.metric_levels[i]),
                (draft, &draft.metric_levels[i]),
                l,
            )
        } else {
            threshold_level_changes(rules, (&version.levels[i], &draft.levels[i]), l)
        };
        let level_name = rules.level_name(program, LevelIdx(i as u8), l.tag()).to_owned();
        section(&mut blocks, def.id.clone(), level_name, items);
    }
    if draft.by_metrics() {
        let items = metric_changes(rules, program, version, draft, l);
        section(&mut blocks, "metrics".into(), l.text("req-change-metrics"), items);
    }
    if !changed {
        blocks.push(Block::Paragraph(l.text("req-change-none")));
    }
    Page {
        lang: l.tag().to_owned(),
        title: title.clone(),
        front_matter: vec![
            ("title", format!("\"{}\"", title.replace('"', "'"))),
            ("ms.contentlocale", l.tag().to_owned()),
            ("draft", draft.id.clone()),
        ],
        blocks,
        footer: l
            .msg("req-version", &[("version", Arg::Text(&draft.id)), ("date", Arg::Text(&l.date(draft.effective)))]),
    }
}

fn item(text: String) -> Block {
    Block::Item { depth: 0, number: None, text }
}

/// `message` with `before` and `after`, when they differ.
fn changed(l: &Localizer, message: &str, before: String, after: String, extra: &[(&str, Arg<'_>)]) -> Option<Block> {
    (before != after).then(|| {
        let mut args = vec![("before", Arg::Text(&before)), ("after", Arg::Text(&after))];
        args.extend(extra.iter().cloned());
        item(l.msg(message, &args))
    })
}

/// What changes for every level: the window, the associations that count, the rows left out.
fn general_changes(program: &Program, version: &Version, draft: &Version, l: &Localizer) -> Vec<Block> {
    let kinds = |v: &Version| {
        let kinds: Vec<String> = v.counting_kinds().map(|k| l.text(&format!("association-{k}"))).collect();
        l.join(&kinds, "list-and")
    };
    let left_out = |v: &Version| {
        let rows: Vec<String> =
            v.exclude_rows.iter().flat_map(|e| e.values.iter().map(|value| format!("“{value}”"))).collect();
        if rows.is_empty() {
            l.text("req-change-nothing")
        } else {
            l.join(&rows, "list-and")
        }
    };
    let months = |v: &Version| l.integer(i128::from(v.window.months));
    [
        changed(l, "req-change-window", months(version), months(draft), &[("product", Arg::Text(&program.product))]),
        changed(l, "req-change-associations", kinds(version), kinds(draft), &[]),
        changed(l, "req-change-left-out", left_out(version), left_out(draft), &[]),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn threshold_level_changes(
    rules: &Rules,
    (before, after): (&LevelRequirements, &LevelRequirements),
    l: &Localizer,
) -> Vec<Block> {
    let mut items = Vec::new();
    let threshold = |req: &LevelRequirements, market: Market| req.performance.as_ref().map(|p| p.threshold(market));
    let money = |usd: Option<Usd>| match usd {
        Some(usd) if usd.micros() % 1_000_000 == 0 => l.usd_whole(usd.micros() / 1_000_000),
        Some(usd) => l.usd_cents(usd.cents()),
        None => l.text("req-change-nothing"),
    };
    let same_for_both = |req: &LevelRequirements| threshold(req, Market::Developed) == threshold(req, Market::Emerging);
    if same_for_both(before) && same_for_both(after) {
        let (was, is) = (threshold(before, Market::Developed), threshold(after, Market::Developed));
        items.extend(changed(l, "req-change-threshold", money(was), money(is), &[]));
    } else {
        for market in Market::ALL {
            let heading = l.text(&format!("req-market-{market}"));
            let (was, is) = (threshold(before, market), threshold(after, market));
            items.extend(changed(
                l,
                "req-change-threshold-market",
                money(was),
                money(is),
                &[("market", Arg::Text(&heading))],
            ));
        }
    }
    let individuals = |req: &LevelRequirements| {
        req.skills.as_ref().map_or_else(|| l.text("req-change-nothing"), |s| l.integer(i128::from(s.individuals)))
    };
    items.extend(changed(l, "req-change-individuals", individuals(before), individuals(after), &[]));
    let listed = |req: &LevelRequirements| -> BTreeSet<CredentialIdx> {
        req.skills.iter().flat_map(|s| s.credentials()).collect()
    };
    items.extend(credential_changes(rules, &listed(before), &listed(after), l));
    items
}

/// Credentials now listed, then those no longer listed.
fn credential_changes(
    rules: &Rules,
    before: &BTreeSet<CredentialIdx>,
    after: &BTreeSet<CredentialIdx>,
    l: &Localizer,
) -> Vec<Block> {
    let line = |message: &str, c: &CredentialIdx| {
        let credential = credential_item(rules, rules.catalog.get(*c), l).trim_end_matches('*').to_owned();
        item(l.msg(message, &[("credential", Arg::Text(&credential))]))
    };
    let added = after.difference(before).map(|c| line("req-change-listed", c));
    let removed = before.difference(after).map(|c| line("req-change-unlisted", c));
    added.chain(removed).collect()
}

fn metric_level_changes(
    rules: &Rules,
    program: &Program,
    (version, before): (&Version, &MetricLevel),
    (draft, after): (&Version, &MetricLevel),
    l: &Localizer,
) -> Vec<Block> {
    let mut items = Vec::new();
    let count = |n: Option<i64>| n.map_or_else(|| l.text("req-change-nothing"), |n| l.integer(i128::from(n)));
    let total = |level: &MetricLevel| count(level.score.map(|s| s.total));
    let each = |level: &MetricLevel| count(level.score.map(|s| s.each_at_least));
    items.extend(changed(l, "req-change-score", total(before), total(after), &[]));
    items.extend(changed(l, "req-change-each-metric", each(before), each(after), &[]));
    // Thresholds on metric values, by metric id: those of either version.
    let thresholds = |v: &'_ Version, level: &'_ MetricLevel| -> Vec<(String, Market, String)> {
        let mut list = Vec::new();
        for (at, amounts) in &level.at_least {
            let metric = &v.metrics[*at];
            for market in Market::ALL {
                list.push((metric.id.clone(), market, value_text(l, metric.unit(), amounts.of(market))));
            }
        }
        list
    };
    let (was, is) = (thresholds(version, before), thresholds(draft, after));
    let mut ids: Vec<&String> = was.iter().chain(&is).map(|(id, _, _)| id).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        let metric = draft.metrics.iter().chain(&version.metrics).find(|m| &m.id == id).expect("declared");
        let name = rules.metric_name(program, metric, l.tag());
        let value = |list: &[(String, Market, String)], market: Market| {
            list.iter()
                .find(|(m, k, _)| m == id && *k == market)
                .map_or_else(|| l.text("req-change-nothing"), |t| t.2.clone())
        };
        for market in Market::ALL {
            let heading = l.text(&format!("req-market-{market}"));
            items.extend(changed(
                l,
                "req-change-at-least",
                value(&was, market),
                value(&is, market),
                &[("metric", Arg::Text(name)), ("market", Arg::Text(&heading))],
            ));
        }
    }
    items
}

/// Metrics added, no longer counted, or measured or scored otherwise; a new metric described as
/// the requirement page describes it.
fn metric_changes(rules: &Rules, program: &Program, version: &Version, draft: &Version, l: &Localizer) -> Vec<Block> {
    let mut items = Vec::new();
    let find = |v: &'_ Version, id: &str| -> Option<Metric> { v.metrics.iter().find(|m| m.id == id).cloned() };
    for metric in &draft.metrics {
        let name = rules.metric_name(program, metric, l.tag());
        let message = match find(version, &metric.id) {
            None => "req-change-metric-added",
            Some(was) if was.measure != metric.measure || was.points != metric.points => "req-change-metric-changed",
            Some(_) => continue,
        };
        // The metric's own section, as the requirement page has it, said to be new or changed.
        let mut section = metric_page::metric_blocks(rules, program, metric, l);
        section.insert(1, Block::Paragraph(l.msg(message, &[("metric", Arg::Text(name))])));
        items.extend(section);
    }
    for metric in version.metrics.iter().filter(|m| find(draft, &m.id).is_none()) {
        let name = rules.metric_name(program, metric, l.tag());
        items.push(item(l.msg("req-change-metric-removed", &[("metric", Arg::Text(name))])));
    }
    items
}
