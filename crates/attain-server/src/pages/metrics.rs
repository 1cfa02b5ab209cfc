//! The partner page and history columns of a program that declares metrics: the level, the score
//! against the total needed, a bar per metric's points against its cap, what each metric counted,
//! when and why the level drops, and the score and points each snapshot kept. The sentences are
//! `attain explain`'s own messages (`metric-explain-*`, `metric-drop-*`).

use std::fmt::Write;

use attain_engine::MetricExplanation;
use attain_i18n::Arg::{Count, Text};
use attain_rules::{LevelIdx, Measure, Version};
use attain_store::History;
use jiff::civil::Date;

use super::{bar, level_class, level_heading, View};
use crate::html::esc;

/// A level's badge. An attained level that is neither gold nor silver (a designation, say) is
/// shown in the colour of what is met.
pub(super) fn badge(view: &View<'_>, level: &str) -> String {
    let name = esc(&view.cx().level(level));
    match level_class(level) {
        "" => format!("<span class=\"badge\" style=\"background:var(--ok)\">{name}</span>"),
        class => format!("<span class=\"badge {class}\">{name}</span>"),
    }
}

/// The partner page: its title and body.
pub(super) fn partner(view: &View<'_>, as_of: Date, e: &MetricExplanation, past: &History) -> (String, String) {
    let cx = view.cx();
    let l = view.l10n;
    let d = &e.decision;
    let program = view.state.program;
    let version = program.version(&e.version).expect("explained under this program");
    let drop_line = match (&e.drop, d.drops_on) {
        (Some(drop), _) => Some((drop.level.as_str(), drop.date)),
        (None, Some(date)) => {
            let lower = program.level_by_id(&d.level).and_then(|l| l.0.checked_sub(1)).map(LevelIdx);
            Some((program.level_id(lower), date))
        }
        (None, None) => None,
    };
    let drop_line = match drop_line {
        Some((level, date)) => format!(
            "<p class=\"alert\">{}</p>",
            view.m("dash-drops-on", &[("level", Text(&cx.level(level))), ("date", Text(&l.date(date)))])
        ),
        None => format!("<p class=\"muted\">{}</p>", view.t("dash-no-drop")),
    };
    let whereabouts = match d.market {
        Some(market) => view.m("dash-market", &[("market", Text(&cx.market(market))), ("country", Text(&d.country))]),
        None => esc(&d.country),
    };
    let mut body = String::new();
    let _ = write!(
        body,
        "<section class=\"hero\"><div><h1>{} <small>{}</small></h1><p class=\"muted\">{whereabouts}</p>\
         <p>{} · {}<br>{}</p></div><div>{}</div></section>{drop_line}{}",
        esc(&d.name),
        esc(&d.partner_id),
        esc(&l.date(e.as_of)),
        view.m("dash-version", &[("version", Text(&e.version))]),
        view.m(
            "metric-explain-months",
            &[("start", Text(&l.date(e.window.start))), ("end", Text(&l.date(e.window.end)))]
        ),
        badge(view, &d.level),
        view.controls(as_of, ""),
    );
    body.push_str(&requirements(view, e, version));
    body.push_str(&drop(view, e, version));
    body.push_str(&evidence(view, e, version));
    body.push_str(&excluded(view, e));
    body.push_str(&super::history(view, past));
    (format!("{} · {}", d.name, cx.level(&d.level)), body)
}

/// Each level's status: the score against the total needed (a bar), thresholds on metric values
/// (a bar each), and the metrics below the least points each must have.
fn requirements(view: &View<'_>, e: &MetricExplanation, version: &Version) -> String {
    let cx = view.cx();
    let l = view.l10n;
    let d = &e.decision;
    let mut out = format!("<h2>{}</h2><div class=\"levels\">", view.t("dash-requirements"));
    for status in &d.levels {
        out.push_str(&level_heading(view, status.met, &status.level));
        if let (Some(required), Some(score)) = (status.score_required, d.score) {
            let rule = view
                .state
                .program
                .level_by_id(&status.level)
                .and_then(|level| version.metric_levels.get(usize::from(level.0)))
                .and_then(|level| level.score);
            let least = rule.map_or(0, |rule| rule.each_at_least);
            let met = status.score_gap.map_or(score >= required, |gap| gap <= 0);
            let _ = write!(
                out,
                "<div class=\"req\"><span>{}</span>{}<span class=\"figures\">{}</span></div>",
                view.t("dash-score"),
                bar(i128::from(score), i128::from(required), met),
                view.m(
                    "metric-explain-score",
                    &[
                        ("score", Text(&l.integer(i128::from(score)))),
                        ("total", Text(&l.integer(i128::from(required)))),
                        ("least", Count(least)),
                    ],
                ),
            );
        }
        for t in &status.thresholds {
            let Some(metric) = version.metrics.iter().find(|m| m.id == t.metric) else { continue };
            let unit = metric.unit();
            let met = t.gap.raw() <= 0;
            let _ = write!(
                out,
                "<div class=\"req\"><span>{}</span>{}<span class=\"figures\">{}",
                esc(&cx.metric_name(metric)),
                bar(t.value.raw(), t.required.raw(), met),
                view.m(
                    "dash-of",
                    &[("value", Text(&cx.amount(unit, t.value))), ("threshold", Text(&cx.amount(unit, t.required)))],
                ),
            );
            if met {
                let _ = write!(out, " · <span class=\"ok\">{}</span>", view.t("explain-met"));
            }
            out.push_str("</span></div>");
        }
        if !status.metrics_below_minimum.is_empty() {
            let names = cx.metric_names(version, &status.metrics_below_minimum);
            let _ = write!(
                out,
                "<p class=\"bad\">{}</p>",
                view.m("metric-explain-below-minimum", &[("metrics", Text(&names))])
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
    out
}

/// When the level drops and why: the metrics whose points are lower then, and the score then.
fn drop(view: &View<'_>, e: &MetricExplanation, version: &Version) -> String {
    let Some(drop) = &e.drop else { return String::new() };
    let cx = view.cx();
    let l = view.l10n;
    let mut out = format!(
        "<h2>{}</h2><div class=\"alert\"><b>{}</b><ul class=\"plain\">",
        view.t("dash-warnings"),
        view.m("explain-why-drop", &[("date", Text(&l.date(drop.date)))])
    );
    for change in &drop.metrics {
        let Some(metric) = version.metrics.iter().find(|m| m.id == change.metric) else { continue };
        let unit = metric.unit();
        let (value, then) = (cx.amount(unit, change.value), cx.amount(unit, change.then));
        let name = cx.metric_name(metric);
        let text = match (change.points, change.points_then) {
            (Some(points), Some(points_then)) => view.m(
                "metric-drop-points",
                &[
                    ("metric", Text(&name)),
                    ("value", Text(&value)),
                    ("then", Text(&then)),
                    ("points", Count(points)),
                    ("lower", Count(points_then)),
                ],
            ),
            _ => {
                view.m("metric-drop-value", &[("metric", Text(&name)), ("value", Text(&value)), ("then", Text(&then))])
            }
        };
        let _ = write!(out, "<li>{text}</li>");
    }
    if let Some(score) = drop.score {
        let _ =
            write!(out, "<li>{}</li>", view.m("metric-drop-score", &[("score", Text(&l.integer(i128::from(score))))]));
    }
    let _ = write!(
        out,
        "</ul><span class=\"muted\">{}</span></div>",
        view.m("drop-note", &[("date", Text(&l.date(e.as_of)))])
    );
    out
}

/// Each metric: its points against its cap (a bar) or its value, then what it measured and counted.
fn evidence(view: &View<'_>, e: &MetricExplanation, version: &Version) -> String {
    let cx = view.cx();
    let l = view.l10n;
    let mut out = format!("<h2>{}</h2>", view.t("metric-explain-metrics"));
    for evidence in &e.evidence {
        let Some(metric) = version.metrics.iter().find(|m| m.id == evidence.metric) else { continue };
        let name = cx.metric_name(metric);
        let value = cx.amount(evidence.unit, evidence.value);
        let below = e.decision.levels.iter().any(|s| s.metrics_below_minimum.contains(&evidence.metric));
        match (evidence.points, evidence.max_points) {
            (Some(points), Some(max)) => {
                let _ = write!(
                    out,
                    "<div class=\"req\"><span>{}</span>{}<span class=\"figures\">{}</span></div>",
                    esc(&name),
                    bar(i128::from(points), i128::from(max), !below),
                    view.m(
                        "metric-explain-points",
                        &[
                            ("metric", Text(&name)),
                            ("value", Text(&value)),
                            ("points", Count(points)),
                            ("max", Text(&l.integer(i128::from(max)))),
                        ],
                    ),
                );
            }
            _ => {
                let _ = write!(
                    out,
                    "<div class=\"req\"><span>{}</span><span class=\"figures\">{}</span></div>",
                    esc(&name),
                    view.m("metric-explain-value", &[("metric", Text(&name)), ("value", Text(&value))]),
                );
            }
        }
        let mut details = Vec::new();
        if let (Some(current), Some(earlier)) = (evidence.current, evidence.earlier) {
            let base = match &metric.measure {
                Measure::Change { of, .. } | Measure::Growth { of, .. } => of.unit(),
                other => other.unit(),
            };
            details.push(view.m(
                "metric-explain-change",
                &[("current", Text(&cx.amount(base, current))), ("earlier", Text(&cx.amount(base, earlier)))],
            ));
        }
        if let Some(span) = evidence.span {
            details.push(
                view.m(
                    "metric-explain-months",
                    &[("start", Text(&l.date(span.start))), ("end", Text(&l.date(span.end)))],
                ),
            );
        }
        if let Some(p) = &evidence.prerequisite {
            details.push(view.m(
                "metric-explain-prerequisite",
                &[
                    ("required", Count(i64::from(p.people_required))),
                    ("people", Text(&l.integer(i128::from(p.people)))),
                ],
            ));
        }
        if !evidence.counted.is_empty() {
            details.push(view.m(
                "metric-explain-counted",
                &[("items", Text(&attain_report::counted_text(&view.cx(), &evidence.counted)))],
            ));
        }
        if !evidence.not_counted.is_empty() {
            details.push(view.m(
                "metric-explain-not-counted",
                &[("items", Text(&attain_report::counted_text(&view.cx(), &evidence.not_counted)))],
            ));
        }
        if !details.is_empty() {
            out.push_str("<ul class=\"plain muted\">");
            for detail in details {
                let _ = write!(out, "<li>{detail}</li>");
            }
            out.push_str("</ul>");
        }
    }
    out
}

/// Consumption of the partner's customers in the window that counts for no metric, and why.
fn excluded(view: &View<'_>, e: &MetricExplanation) -> String {
    if e.excluded_rows.is_empty() {
        return String::new();
    }
    let mut out = format!("<h2>{}</h2><ul class=\"plain\">", view.t("metric-explain-excluded"));
    for excluded in &e.excluded_rows {
        let _ = write!(out, "<li>{}</li>", esc(&attain_report::excluded_text(&view.cx(), excluded)));
    }
    out.push_str("</ul>");
    out
}
