//! The requirement page of a version that states its levels in declared metrics: what each
//! level needs (a score, thresholds on metric values), and what each metric measures and how it
//! scores, all generated from the rules.

use attain_i18n::{Arg, Localizer};
use attain_rules::{
    Credential, CredentialIdx, LevelIdx, Market, MarketAmounts, Measure, Metric, Program, ProgramText, RowColumn,
    Rules, Unit, Usd, Version,
};

use crate::page::Block;
use crate::render::{credential_item, join_sentences, lifecycle};

/// The page's title.
pub(crate) fn title(rules: &Rules, program: &Program, l: &Localizer) -> String {
    l.msg("req-metric-title", &[("program", Arg::Text(rules.program_text(program, l.tag(), ProgramText::Name)))])
}

/// The blocks of the page below its option's description: each level, then each metric.
pub(crate) fn blocks(rules: &Rules, program: &Program, version: &Version, l: &Localizer) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (i, (def, level)) in program.levels.iter().zip(&version.metric_levels).enumerate() {
        let level_name = rules.level_name(program, LevelIdx(i as u8), l.tag());
        blocks.push(Block::Heading { depth: 3, anchor: def.id.clone(), text: level_name.to_owned() });
        let mut step = 0;
        if let Some(score) = &level.score {
            step += 1;
            let total = Arg::Count(score.total);
            blocks.push(Block::Item {
                depth: 0,
                number: Some(step),
                text: l.msg("req-metric-score-total", &[("total", total)]),
            });
            if score.each_at_least > 0 {
                let all_scored = version.metrics.iter().all(|m| m.points.is_some());
                let message = if all_scored { "req-metric-score-each" } else { "req-metric-score-each-scored" };
                let least = Arg::Count(score.each_at_least);
                blocks.push(Block::Item { depth: 1, number: None, text: l.msg(message, &[("least", least)]) });
            }
            let most: i64 = version.metrics.iter().filter_map(|m| m.points.map(|p| p.max)).sum();
            blocks.push(Block::Item {
                depth: 1,
                number: None,
                text: l.msg("req-metric-score-most", &[("points", Arg::Count(most))]),
            });
        }
        if !level.at_least.is_empty() {
            // In the order the version declares its metrics.
            let mut at_least: Vec<&(usize, MarketAmounts)> = level.at_least.iter().collect();
            at_least.sort_by_key(|(at, _)| *at);
            step += 1;
            blocks.push(Block::Item { depth: 0, number: Some(step), text: l.text("req-metric-thresholds") });
            let threshold = |at: usize, amounts: &MarketAmounts, market: Market| {
                let metric = &version.metrics[at];
                l.msg(
                    "req-metric-threshold",
                    &[
                        ("metric", Arg::Text(rules.metric_name(program, metric, l.tag()))),
                        ("value", Arg::Text(&value_text(l, metric.unit(), amounts.of(market)))),
                    ],
                )
            };
            if at_least.iter().all(|(_, a)| a.developed == a.emerging) {
                for (at, amounts) in &at_least {
                    blocks.push(Block::Item {
                        depth: 1,
                        number: None,
                        text: threshold(*at, amounts, Market::Developed),
                    });
                }
            } else {
                for market in Market::ALL {
                    let heading = l.text(&format!("req-market-{market}"));
                    blocks.push(Block::Item { depth: 1, number: None, text: format!("**{heading}**") });
                    for (at, amounts) in &at_least {
                        blocks.push(Block::Item { depth: 2, number: None, text: threshold(*at, amounts, market) });
                    }
                }
            }
        }
    }

    blocks.push(Block::Heading {
        depth: 2,
        anchor: format!("{}-metrics", program.option_id),
        text: l.text("req-metric-heading"),
    });
    let measures = || version.metrics.iter().map(|m| base(&m.measure));
    let consumption = measures().any(Measure::reads_consumption);
    let reported = measures().any(|m| matches!(m, Measure::Latest { .. }));
    if consumption {
        blocks.push(Block::Paragraph(l.text("req-metric-last-month")));
    }
    if consumption || reported {
        let kinds: Vec<String> = version.counting_kinds().map(|k| l.text(&format!("association-{k}"))).collect();
        let kinds = l.join(&kinds, "list-or");
        let mut sentences = Vec::new();
        if consumption {
            sentences.push(l.msg("req-metric-associations", &[("kinds", Arg::Text(&kinds))]));
        }
        if reported {
            sentences.push(l.msg("req-metric-associations-reported", &[("kinds", Arg::Text(&kinds))]));
        }
        if let Some(url) = &program.associations_url {
            sentences.push(l.msg("req-learn-more", &[("url", Arg::Text(url))]));
        }
        blocks.push(Block::Paragraph(join_sentences(&sentences)));
    }
    if consumption {
        let excluded: Vec<String> = version
            .exclude_rows
            .iter()
            .map(|exclusion| {
                let values = quoted_list(l, &exclusion.values, "list-or");
                l.msg(&format!("req-metric-excluded-{}", exclusion.column.as_str()), &[("values", Arg::Text(&values))])
            })
            .collect();
        if !excluded.is_empty() {
            blocks.push(Block::Paragraph(join_sentences(&excluded)));
        }
    }
    if measures().any(|m| !m.credentials().is_empty()) {
        blocks.push(Block::Paragraph(l.text("req-metric-people-day")));
    }
    for metric in &version.metrics {
        blocks.extend(metric_blocks(rules, program, metric, l));
    }
    blocks
}

/// A metric's section: its category, what it measures, and its points.
pub(crate) fn metric_blocks(rules: &Rules, program: &Program, metric: &Metric, l: &Localizer) -> Vec<Block> {
    let mut blocks = vec![Block::Heading {
        depth: 3,
        anchor: metric.id.clone(),
        text: rules.metric_name(program, metric, l.tag()).to_owned(),
    }];
    let item = |text: String| Block::Item { depth: 0, number: None, text };
    if let Some(category) = &metric.category {
        blocks.push(item(l.msg("req-metric-category", &[("category", Arg::Text(&category_text(l, category)))])));
    }
    let (base, compared) = match &metric.measure {
        Measure::Change { of, .. } | Measure::Growth { of, .. } => (of.as_ref(), Some(&metric.measure)),
        measure => (measure, None),
    };
    let mut noted: Vec<&Credential> = Vec::new();
    let mut credentials = |blocks: &mut Vec<Block>, list: &[CredentialIdx]| {
        for c in list {
            let credential = rules.catalog.get(*c);
            if lifecycle(credential) && !noted.iter().any(|n| n.id == credential.id) {
                noted.push(credential);
            }
            blocks.push(Block::Item { depth: 1, number: None, text: credential_item(rules, credential, l) });
        }
    };
    let product = Arg::Text(&program.product);
    match base {
        Measure::Consumption { months } => {
            blocks
                .push(item(l.msg("req-metric-consumption", &[("months", months_arg(*months)), ("product", product)])));
        }
        Measure::Customers { at_least, months } => {
            let amount = value_text(l, Unit::Currency, at_least.micros());
            blocks.push(item(l.msg(
                "req-metric-customers",
                &[("months", months_arg(*months)), ("product", product), ("amount", Arg::Text(&amount))],
            )));
        }
        Measure::Distinct { column, months, except } => {
            blocks.push(item(l.msg(
                &format!("req-metric-distinct-{}", column.as_str()),
                &[("months", months_arg(*months)), ("product", product)],
            )));
            if !except.is_empty() {
                let values = quoted_list(l, except, "list-and");
                blocks.push(item(l.msg("req-metric-except", &[("values", Arg::Text(&values))])));
            }
        }
        // Every one of `all_of` together, when it lists any; else any one of `any_of`.
        Measure::People { any_of, all_of, prerequisite } => {
            if all_of.is_empty() {
                blocks.push(item(l.text("req-metric-people-any")));
                credentials(&mut blocks, any_of);
            } else {
                blocks.push(item(l.text("req-metric-people-all")));
                credentials(&mut blocks, all_of);
            }
            if let Some(prerequisite) = prerequisite {
                let count = Arg::Count(i64::from(prerequisite.people));
                blocks.push(item(l.msg("req-metric-prerequisite", &[("count", count)])));
                credentials(&mut blocks, &prerequisite.any_of);
            }
        }
        Measure::Latest { measure } => {
            let measure = l.msg("req-metric-value", &[("value", Arg::Text(measure))]);
            blocks.push(item(l.msg("req-metric-latest", &[("measure", Arg::Text(&measure))])));
        }
        // A comparison of a comparison is not a measure the rules can state.
        Measure::Change { .. } | Measure::Growth { .. } => {}
    }
    match compared {
        Some(Measure::Change { months, .. }) => {
            blocks.push(item(l.msg("req-metric-change", &[("months", months_arg(*months))])));
        }
        Some(Measure::Growth { months, from_at_least, .. }) => {
            let mut sentences = vec![l.msg("req-metric-growth", &[("months", months_arg(*months))])];
            sentences.push(if *from_at_least > 0 {
                let amount = value_text(l, base.unit(), *from_at_least);
                l.msg("req-metric-growth-base", &[("amount", Arg::Text(&amount))])
            } else {
                l.text("req-metric-growth-above-zero")
            });
            blocks.push(item(join_sentences(&sentences)));
        }
        _ => {}
    }
    if let Some(points) = &metric.points {
        let every = points_unit(l, metric, points.every);
        blocks.push(item(l.msg(
            "req-metric-points",
            &[("per", Arg::Count(points.per)), ("unit", Arg::Text(&every)), ("max", Arg::Count(points.max))],
        )));
    }
    let listed = metric.measure.credentials();
    for credential in noted {
        blocks.push(Block::Paragraph(lifecycle_note(rules, &listed, credential, l)));
    }
    blocks
}

/// The measure a change or growth compares, or the measure itself.
fn base(measure: &Measure) -> &Measure {
    match measure {
        Measure::Change { of, .. } | Measure::Growth { of, .. } => base(of),
        other => other,
    }
}

fn months_arg(months: u8) -> Arg<'static> {
    Arg::Count(i64::from(months))
}

/// A value in a metric's unit, as the locale writes it: money whole where it is whole.
pub(crate) fn value_text(l: &Localizer, unit: Unit, value: i128) -> String {
    match unit {
        Unit::Currency if value % 1_000_000 == 0 => l.usd_whole(value / 1_000_000),
        Unit::Currency => l.usd_cents(Usd(value).cents()),
        Unit::Percent => l.msg("unit-percent", &[("value", Arg::Text(&l.integer(value)))]),
        Unit::Count => l.integer(value),
    }
}

/// What one step of points is counted in: `customer`, `5 services`, `percentage point`, `US$1,000`.
fn points_unit(l: &Localizer, metric: &Metric, every: i128) -> String {
    let message = match (metric.unit(), base(&metric.measure)) {
        (Unit::Currency, _) => return value_text(l, Unit::Currency, every),
        (Unit::Percent, _) => "req-metric-unit-percent",
        (Unit::Count, Measure::Customers { .. }) => "req-metric-unit-customers",
        (Unit::Count, Measure::People { .. }) => "req-metric-unit-people",
        (Unit::Count, Measure::Distinct { column: RowColumn::Service, .. }) => "req-metric-unit-service",
        (Unit::Count, Measure::Distinct { column: RowColumn::Offer, .. }) => "req-metric-unit-offer",
        (Unit::Count, _) => "req-metric-unit-number",
    };
    l.msg(message, &[("count", Arg::Count(i64::try_from(every).unwrap_or(i64::MAX)))])
}

/// A category in the reader's language where the messages know it (`performance`,
/// `customer success`), else as the rules write it.
fn category_text(l: &Localizer, category: &str) -> String {
    static KNOWN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let known = KNOWN.get_or_init(|| attain_i18n::message_ids(attain_i18n::SOURCES[0].1));
    let id = format!("req-metric-category-{}", category.trim().to_lowercase().replace(' ', "-"));
    if known.contains(&id) {
        l.text(&id)
    } else {
        category.to_owned()
    }
}

/// Values of the data (service or offer names), each quoted as the locale quotes, in a list.
fn quoted_list(l: &Localizer, values: &[String], list: &str) -> String {
    let quoted: Vec<String> = values.iter().map(|v| l.msg("req-metric-value", &[("value", Arg::Text(v))])).collect();
    l.join(&quoted, list)
}

/// The `*` note on a credential's lifecycle: retirement, how long it counts, until when it can be
/// earned, and its replacement where the same metric lists it.
fn lifecycle_note(rules: &Rules, listed: &[CredentialIdx], c: &Credential, l: &Localizer) -> String {
    let mut sentences = Vec::new();
    if let Some(d) = c.retires {
        sentences.push(l.msg("req-metric-retires", &[("date", Arg::Text(&l.date(d)))]));
    }
    if let Some(d) = c.accepted_until {
        sentences.push(l.msg("req-metric-accepted-until", &[("date", Arg::Text(&l.date(d)))]));
    }
    if let Some(d) = c.registration_until {
        sentences.push(l.msg("req-metric-registration-until", &[("date", Arg::Text(&l.date(d)))]));
    }
    if let Some(by) = c.replaced_by.filter(|by| listed.contains(by)) {
        let replacement = rules.credential_title(rules.catalog.get(by), l.tag());
        sentences.push(l.msg("req-metric-replacement", &[("replacement", Arg::Text(replacement))]));
    }
    format!("\\*{}", join_sentences(&sentences))
}
