//! The explanation as a report a competency manager can read and forward, in their language.

use std::fmt::Write;

use attain_engine::{
    CustomerEvidence, DropCause, Exclusion, Explanation, NotCounted, PersonEvidence, StopCause, Warning,
};
use attain_i18n::Arg::{Count, Text};
use attain_rules::{AssociationKind, Version};

use crate::Context;

fn kinds(cx: &Context<'_>, kinds: impl Iterator<Item = AssociationKind>) -> String {
    cx.l10n.join(&kinds.map(|k| k.as_str().to_owned()).collect::<Vec<_>>(), "list-or")
}

fn counting(cx: &Context<'_>, version: &Version) -> String {
    kinds(cx, version.counting_kinds())
}

/// The report of `attain explain --format text`.
pub fn explain_text(cx: &Context<'_>, e: &Explanation) -> String {
    let l = cx.l10n;
    let date = |d| l.date(d);
    let version = cx.program.version(&e.version).expect("explained under this program");
    let d = &e.decision;
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(cx.partner_title("explain-title", &d.name, &d.partner_id));
    line(l.msg(
        "explain-context",
        &[
            ("date", Text(&date(e.as_of))),
            ("version", Text(&e.version)),
            ("market", Text(&cx.market(d.market))),
            ("country", Text(&d.country)),
        ],
    ));
    line(l.msg("explain-window", &[("start", Text(&date(e.window.start))), ("end", Text(&date(e.window.end)))]));
    line(String::new());
    line(l.msg("explain-level", &[("level", Text(&cx.level(&d.level).to_uppercase()))]));
    if let Some(drop) = &e.drop {
        line(l.msg("explain-drops", &[("date", Text(&date(drop.date))), ("level", Text(&cx.level(&drop.level)))]));
    }

    line(format!("\n{}", l.text("explain-requirements")));
    for status in &d.levels {
        let id = if status.met { "explain-level-met" } else { "explain-level-not-met" };
        line(format!("  {}", l.msg(id, &[("level", Text(&cx.level(&status.level)))])));
        if let Some(threshold) = status.threshold_usd {
            let gap = if status.consumption_gap_usd.micros() > 0 {
                l.msg("explain-gap-consumption", &[("gap", Text(&cx.usd(status.consumption_gap_usd)))])
            } else {
                l.text("explain-met")
            };
            let value = l.msg(
                "explain-consumption",
                &[("value", Text(&cx.usd(d.consumption_usd))), ("threshold", Text(&cx.usd(threshold)))],
            );
            line(format!("    {value} · {gap}"));
        }
        if let Some(required) = status.individuals_required {
            let gap = if status.individuals_gap > 0 {
                l.msg("explain-gap-individuals", &[("gap", Count(i64::from(status.individuals_gap)))])
            } else {
                l.text("explain-met")
            };
            let value = l.msg(
                "explain-individuals",
                &[
                    ("value", Text(&l.integer(i128::from(status.qualified_individuals)))),
                    ("required", Text(&l.integer(i128::from(required)))),
                ],
            );
            line(format!("    {value} · {gap}"));
        }
    }

    line(format!("\n{}", l.msg("explain-customers", &[("kinds", Text(&counting(cx, version)))])));
    if e.customers.is_empty() {
        line(format!("  {}", l.text("explain-nothing")));
    }
    let id_width = e.customers.iter().map(|c| c.customer_id.chars().count()).max().unwrap_or(0);
    let amounts: Vec<String> = e.customers.iter().map(|c| cx.usd(c.credited_usd)).collect();
    let amount_width = amounts.iter().map(|a| a.chars().count()).max().unwrap_or(0);
    for (c, amount) in e.customers.iter().zip(&amounts) {
        let mut row = format!("  {:<id_width$}  {:>amount_width$}", c.customer_id, amount);
        if let Some(note) = exclusion_text(cx, version, c) {
            let _ = write!(row, "  {note}");
        }
        line(row);
    }

    line(format!("\n{}", l.text("explain-people")));
    if e.people.is_empty() {
        line(format!("  {}", l.text("explain-no-people")));
    }
    for p in &e.people {
        let what = person_text(cx, p);
        line(format!("  {} ({}): {what}", p.name, p.person_id));
    }

    if !e.warnings.is_empty() {
        line(format!("\n{}", l.text("explain-warnings")));
        for w in &e.warnings {
            let text = warning_text(cx, w);
            line(format!("  - {text}"));
        }
    }

    if let Some(drop) = &e.drop {
        line(format!("\n{}", l.msg("explain-why-drop", &[("date", Text(&date(drop.date)))])));
        for cause in &drop.causes {
            let text = drop_cause_text(cx, cause);
            line(format!("  - {text}"));
        }
        if drop.causes.iter().any(|c| matches!(c, DropCause::Consumption { .. })) {
            line(format!("  {}", l.msg("drop-note", &[("date", Text(&date(e.as_of)))])));
        }
    }
    out
}

/// Why some of a customer's consumption in the window was not credited, if any was not.
pub fn exclusion_text(cx: &Context<'_>, version: &Version, c: &CustomerEvidence) -> Option<String> {
    let l = cx.l10n;
    Some(match c.exclusion.as_ref()? {
        Exclusion::NonCountingKind { kinds: ks } => l.msg(
            "explain-excluded-kind",
            &[("amount", Text(&cx.usd(c.excluded_usd))), ("kinds", Text(&kinds(cx, ks.iter().copied())))],
        ),
        Exclusion::NoCountingAssociationOnDate => l.msg(
            "explain-excluded-date",
            &[
                ("amount", Text(&cx.usd(c.excluded_usd))),
                ("rows", Count(c.excluded_rows as i64)),
                ("kinds", Text(&counting(cx, version))),
            ],
        ),
    })
}

/// What a person counts for and through which credentials, or why they do not count.
pub fn person_text(cx: &Context<'_>, p: &PersonEvidence) -> String {
    let l = cx.l10n;
    let date = |d| l.date(d);
    if p.counted_for.is_empty() {
        let reason = match p.not_counted.as_ref().expect("not counted has a reason") {
            NotCounted::NotYetJoined { joined } => l.msg("reason-not-yet-joined", &[("date", Text(&date(*joined)))]),
            NotCounted::Left { left } => l.msg("reason-left", &[("date", Text(&date(*left)))]),
            NotCounted::NoLongerAccepted { credential, accepted_until } => l.msg(
                "reason-no-longer-accepted",
                &[("credential", Text(&cx.credential(credential))), ("date", Text(&date(*accepted_until)))],
            ),
            NotCounted::AchievedAfterAsOf { credential, date: on } => l.msg(
                "reason-achieved-after",
                &[("credential", Text(&cx.credential(credential))), ("date", Text(&date(*on)))],
            ),
            NotCounted::Incomplete { missing } => {
                let names: Vec<_> = missing.iter().map(|m| cx.credential(m)).collect();
                l.msg("reason-incomplete", &[("credentials", Text(&cx.l10n.join(&names, "list-and")))])
            }
            NotCounted::NotQualifying { credentials } => {
                let names: Vec<_> = credentials.iter().map(|c| cx.credential(c)).collect();
                l.msg("reason-not-qualifying", &[("credentials", Text(&cx.l10n.join(&names, "list-and")))])
            }
            NotCounted::NoAchievements => l.text("reason-no-achievements"),
        };
        l.msg("explain-not-counted", &[("reason", Text(&reason))])
    } else {
        let levels: Vec<_> = p.counted_for.iter().map(|id| cx.level(id)).collect();
        let creds: Vec<_> = p.credentials.iter().map(|c| cx.credential(c)).collect();
        l.msg(
            "explain-counts",
            &[
                ("levels", Text(&cx.l10n.join(&levels, "list-and"))),
                ("credentials", Text(&cx.l10n.join(&creds, "list-and"))),
            ],
        )
    }
}

/// What stops counting within the coming months, and when.
pub fn warning_text(cx: &Context<'_>, w: &Warning) -> String {
    let l = cx.l10n;
    let date = |d| l.date(d);
    match w {
        Warning::PersonStopsCounting { person_id, name, on, cause } => {
            let cause = match cause {
                StopCause::Leaves { left } => l.msg("cause-leaves", &[("date", Text(&date(*left)))]),
                StopCause::NoLongerAccepted { credential, accepted_until } => l.msg(
                    "cause-no-longer-accepted",
                    &[("credential", Text(&cx.credential(credential))), ("date", Text(&date(*accepted_until)))],
                ),
                StopCause::NotListedFromVersion { version } => l.msg("cause-not-listed", &[("version", Text(version))]),
            };
            l.msg(
                "warning-person",
                &[("date", Text(&date(*on))), ("name", Text(name)), ("id", Text(person_id)), ("cause", Text(&cause))],
            )
        }
        Warning::AssociationEnds { customer_id, association, end } => l.msg(
            "warning-association",
            &[("date", Text(&date(*end))), ("kind", Text(association.as_str())), ("customer", Text(customer_id))],
        ),
    }
}

/// One reason a level is lost on its drop date.
pub fn drop_cause_text(cx: &Context<'_>, cause: &DropCause) -> String {
    let l = cx.l10n;
    match cause {
        DropCause::Consumption { consumption_usd, threshold_usd } => l.msg(
            "drop-consumption",
            &[("value", Text(&cx.usd(*consumption_usd))), ("threshold", Text(&cx.usd(*threshold_usd)))],
        ),
        DropCause::Individuals { qualified, required } => l.msg(
            "drop-individuals",
            &[("qualified", Count(i64::from(*qualified))), ("required", Text(&l.integer(i128::from(*required))))],
        ),
    }
}
