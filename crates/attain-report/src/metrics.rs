//! Decisions of programs that declare metrics, for people: the table, CSV and the explanation.

use std::fmt::Write;

use attain_engine::{Amount, Counted, ExcludedRows, ExclusionReason, MetricEvaluation, MetricExplanation};
use attain_i18n::Arg::{Count, Text};
use attain_rules::{Metric, ProgramText, Unit, Version};

use crate::table::{aligned, csv_field, summary};
use crate::Context;

impl Context<'_> {
    /// A metric's value for people: money in the program's currency, percentages with their sign.
    pub fn amount(&self, unit: Unit, amount: Amount) -> String {
        match (unit, amount) {
            (_, Amount::Money(money)) => self.usd(money),
            (Unit::Percent, Amount::Whole(n)) => {
                self.l10n.msg("unit-percent", &[("value", Text(&self.l10n.integer(n)))])
            }
            (_, Amount::Whole(n)) => self.l10n.integer(n),
        }
    }

    pub fn metric_name(&self, metric: &Metric) -> String {
        self.rules.metric_name(self.program, metric, self.l10n.tag()).to_owned()
    }

    /// The names of the metrics `ids` of `version`, listed.
    pub fn metric_names(&self, version: &Version, ids: &[String]) -> String {
        let names: Vec<String> = ids
            .iter()
            .filter_map(|id| version.metrics.iter().find(|m| &m.id == id))
            .map(|m| self.metric_name(m))
            .collect();
        names.join(", ")
    }
}

fn version<'p>(cx: &Context<'p>, id: &str) -> &'p Version {
    cx.program.version(id).expect("decided under this program")
}

/// `evaluate --format table`: a partner a line with its level, score and each metric's points
/// (or value, for metrics that score no points).
pub fn metric_table(cx: &Context<'_>, evaluation: &MetricEvaluation) -> String {
    let l = cx.l10n;
    let version = version(cx, &evaluation.version);
    let scored = version.metrics.iter().any(|m| m.points.is_some());
    let mut header = vec![l.text("table-partner"), l.text("table-name"), l.text("table-level")];
    let mut right = vec![false, false, false];
    if scored {
        header.push(l.text("table-score"));
        right.push(true);
    }
    for metric in &version.metrics {
        header.push(cx.metric_name(metric));
        right.push(true);
    }
    header.push(l.text("table-drops-on"));
    right.push(false);
    let rows: Vec<Vec<String>> = evaluation
        .partners
        .iter()
        .map(|d| {
            let mut row = vec![d.partner_id.clone(), d.name.clone(), cx.level(&d.level)];
            row.extend(d.score.map(|s| l.integer(i128::from(s))));
            for value in &d.metrics {
                row.push(match value.points {
                    Some(points) => l.integer(i128::from(points)),
                    None => cx.amount(value.unit, value.value),
                });
            }
            row.push(d.drops_on.map_or_else(|| "-".to_owned(), |d| l.date(d)));
            row
        })
        .collect();
    let mut out = l.msg(
        "table-title",
        &[
            ("program", Text(&cx.program_text(ProgramText::Name))),
            ("option", Text(&cx.program_text(ProgramText::OptionName))),
            ("version", Text(&evaluation.version)),
            ("date", Text(&l.date(evaluation.as_of))),
            ("start", Text(&l.date(evaluation.window.start))),
            ("end", Text(&l.date(evaluation.window.end))),
        ],
    );
    out.push_str("\n\n");
    out.push_str(&aligned(&header, &rows, &right));
    out.push('\n');
    out.push_str(&summary(cx, evaluation.partners.iter().map(|d| d.level.as_str())));
    out.push('\n');
    out
}

/// `evaluate --format csv`: partner_id, level, score, then each metric's points (or value), then
/// drops_on; never localized.
pub fn metric_csv(cx: &Context<'_>, evaluation: &MetricEvaluation) -> String {
    let version = version(cx, &evaluation.version);
    let scored = version.metrics.iter().any(|m| m.points.is_some());
    let mut out = String::from("partner_id,name,country,level");
    if scored {
        out.push_str(",score");
    }
    for metric in &version.metrics {
        let _ = write!(out, ",{}", metric.id);
    }
    out.push_str(",drops_on\n");
    for d in &evaluation.partners {
        let (id, name, country) = (csv_field(&d.partner_id), csv_field(&d.name), csv_field(&d.country));
        let _ = write!(out, "{id},{name},{country},{}", d.level);
        if let Some(score) = d.score {
            let _ = write!(out, ",{score}");
        }
        for value in &d.metrics {
            match (value.points, value.value) {
                (Some(points), _) => write!(out, ",{points}"),
                (None, Amount::Money(money)) => write!(out, ",{}", money.to_plain_string()),
                (None, Amount::Whole(n)) => write!(out, ",{n}"),
            }
            .expect("writing to a string");
        }
        let _ = writeln!(out, ",{}", d.drops_on.map(|d| d.to_string()).unwrap_or_default());
    }
    out
}

/// `explain --format text` for a program that declares metrics.
pub fn metric_explain_text(cx: &Context<'_>, e: &MetricExplanation) -> String {
    let l = cx.l10n;
    let date = |d| l.date(d);
    let version = version(cx, &e.version);
    let d = &e.decision;
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(cx.partner_title("metric-explain-title", &d.name, &d.partner_id));
    line(l.msg(
        "metric-explain-context",
        &[("date", Text(&date(e.as_of))), ("version", Text(&e.version)), ("country", Text(&d.country))],
    ));
    line(l.msg("metric-explain-months", &[("start", Text(&date(e.window.start))), ("end", Text(&date(e.window.end)))]));
    line(String::new());
    line(l.msg("explain-level", &[("level", Text(&cx.level(&d.level)))]));
    if let Some(drop) = &e.drop {
        line(l.msg("explain-drops", &[("date", Text(&date(drop.date))), ("level", Text(&cx.level(&drop.level)))]));
    }
    line(format!("\n{}", l.text("explain-requirements")));
    for (status, rule) in d.levels.iter().zip(&version.metric_levels) {
        let id = if status.met { "explain-level-met" } else { "explain-level-not-met" };
        line(format!("  {}", l.msg(id, &[("level", Text(&cx.level(&status.level)))])));
        if let (Some(required), Some(score)) = (status.score_required, d.score) {
            let least = rule.score.map_or(0, |s| s.each_at_least);
            line(format!(
                "    {}",
                l.msg(
                    "metric-explain-score",
                    &[
                        ("score", Text(&l.integer(i128::from(score)))),
                        ("total", Text(&l.integer(i128::from(required)))),
                        ("least", Count(least)),
                    ],
                )
            ));
        }
        if !status.metrics_below_minimum.is_empty() {
            let names = cx.metric_names(version, &status.metrics_below_minimum);
            line(format!("    {}", l.msg("metric-explain-below-minimum", &[("metrics", Text(&names))])));
        }
        for t in &status.thresholds {
            let Some(metric) = version.metrics.iter().find(|m| m.id == t.metric) else { continue };
            let unit = metric.unit();
            line(format!(
                "    {}",
                l.msg(
                    "metric-explain-threshold",
                    &[
                        ("metric", Text(&cx.metric_name(metric))),
                        ("value", Text(&cx.amount(unit, t.value))),
                        ("required", Text(&cx.amount(unit, t.required))),
                    ],
                )
            ));
        }
    }
    line(format!("\n{}", l.text("metric-explain-metrics")));
    for evidence in &e.evidence {
        let Some(metric) = version.metrics.iter().find(|m| m.id == evidence.metric) else { continue };
        let name = cx.metric_name(metric);
        let value = cx.amount(evidence.unit, evidence.value);
        line(format!(
            "  {}",
            match (evidence.points, evidence.max_points) {
                (Some(points), Some(max)) => l.msg(
                    "metric-explain-points",
                    &[
                        ("metric", Text(&name)),
                        ("value", Text(&value)),
                        ("points", Count(points)),
                        ("max", Text(&l.integer(i128::from(max))))
                    ],
                ),
                _ => l.msg("metric-explain-value", &[("metric", Text(&name)), ("value", Text(&value))]),
            }
        ));
        if let (Some(current), Some(earlier)) = (evidence.current, evidence.earlier) {
            let base = match &metric.measure {
                attain_rules::Measure::Change { of, .. } | attain_rules::Measure::Growth { of, .. } => of.unit(),
                other => other.unit(),
            };
            line(format!(
                "    {}",
                l.msg(
                    "metric-explain-change",
                    &[("current", Text(&cx.amount(base, current))), ("earlier", Text(&cx.amount(base, earlier)))],
                )
            ));
        }
        if let Some(span) = evidence.span {
            line(format!(
                "    {}",
                l.msg("metric-explain-months", &[("start", Text(&date(span.start))), ("end", Text(&date(span.end)))])
            ));
        }
        if let Some(p) = &evidence.prerequisite {
            line(format!(
                "    {}",
                l.msg(
                    "metric-explain-prerequisite",
                    &[
                        ("required", Count(i64::from(p.people_required))),
                        ("people", Text(&l.integer(i128::from(p.people))))
                    ],
                )
            ));
        }
        if !evidence.counted.is_empty() {
            line(format!(
                "    {}",
                l.msg("metric-explain-counted", &[("items", Text(&counted_text(cx, &evidence.counted)))])
            ));
        }
        if !evidence.not_counted.is_empty() {
            line(format!(
                "    {}",
                l.msg("metric-explain-not-counted", &[("items", Text(&counted_text(cx, &evidence.not_counted)))])
            ));
        }
    }
    if !e.excluded_rows.is_empty() {
        line(format!("\n{}", l.text("metric-explain-excluded")));
        for excluded in &e.excluded_rows {
            line(format!("  {}", excluded_text(cx, excluded)));
        }
    }
    if let Some(drop) = &e.drop {
        line(format!("\n{}", l.msg("explain-why-drop", &[("date", Text(&date(drop.date)))])));
        for change in &drop.metrics {
            let Some(metric) = version.metrics.iter().find(|m| m.id == change.metric) else { continue };
            let unit = metric.unit();
            let (value, then) = (cx.amount(unit, change.value), cx.amount(unit, change.then));
            line(format!(
                "  - {}",
                match (change.points, change.points_then) {
                    (Some(points), Some(points_then)) => l.msg(
                        "metric-drop-points",
                        &[
                            ("metric", Text(&cx.metric_name(metric))),
                            ("value", Text(&value)),
                            ("then", Text(&then)),
                            ("points", Count(points)),
                            ("lower", Count(points_then)),
                        ],
                    ),
                    _ => l.msg(
                        "metric-drop-value",
                        &[("metric", Text(&cx.metric_name(metric))), ("value", Text(&value)), ("then", Text(&then))],
                    ),
                }
            ));
        }
        if let Some(score) = drop.score {
            line(format!("  {}", l.msg("metric-drop-score", &[("score", Text(&l.integer(i128::from(score))))])));
        }
        line(format!("  {}", l.msg("drop-note", &[("date", Text(&date(e.as_of)))])));
    }
    out
}

/// Consumption that counts for no metric, for one reason: `offer “Trial”, which the rules leave
/// out: US$5,000.00 (1 row)`.
pub fn excluded_text(cx: &Context<'_>, excluded: &ExcludedRows) -> String {
    let l = cx.l10n;
    let reason = match &excluded.reason {
        ExclusionReason::NonCountingKind { kinds } => {
            let kinds: Vec<String> = kinds.iter().map(|k| k.as_str().to_owned()).collect();
            l.msg("metric-excluded-kind", &[("kinds", Text(&l.join(&kinds, "list-and")))])
        }
        ExclusionReason::OutsideAssociation => l.text("metric-excluded-outside"),
        ExclusionReason::Column { column, value } => {
            let column = l.text(&format!("column-{column}"));
            l.msg("metric-excluded-column", &[("column", Text(&column)), ("value", Text(value))])
        }
    };
    l.msg(
        "metric-excluded-rows",
        &[
            ("reason", Text(&reason)),
            ("amount", Text(&cx.amount(Unit::Currency, excluded.amount))),
            ("rows", Count(excluded.rows as i64)),
        ],
    )
}

/// What a metric counted (or left out), in running text: `C1: US$1,200.00`, `Avery (A1):
/// certification …`.
pub fn counted_text(cx: &Context<'_>, counted: &[Counted]) -> String {
    let texts: Vec<String> = counted
        .iter()
        .map(|c| {
            let mut text = c.name.clone().map_or_else(|| c.id.clone(), |name| format!("{name} ({})", c.id));
            let mut detail: Vec<String> = c.amount.map(|a| cx.amount(Unit::Currency, a)).into_iter().collect();
            detail.extend(c.because.iter().map(|b| match cx.rules.catalog.lookup(b) {
                Some(_) => cx.credential(b),
                None => cx.l10n.text(&format!("because-{b}")),
            }));
            if !detail.is_empty() {
                let _ = write!(text, ": {}", detail.join(", "));
            }
            text
        })
        .collect();
    texts.join("; ")
}
