//! A partner's plan for people, in their language: what must happen, by when.

use attain_engine::{Plan, Usd};
use attain_i18n::Arg;

use crate::Context;

/// A line of a plan: a paragraph (`Line::Text`), a step's heading, or an item under it (depth 1,
/// or 2 under an item).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanLine {
    Text(String),
    Step(usize, String),
    Item(usize, String),
}

/// The plan as text: what the partner holds if nothing changes, then each step with its dates.
pub fn plan_text(cx: &Context<'_>, plan: &Plan) -> String {
    let mut out = String::new();
    for line in plan_lines(cx, plan) {
        match line {
            PlanLine::Text(text) => out.push_str(&text),
            PlanLine::Step(n, text) => out.push_str(&format!("\n{n}. {text}")),
            PlanLine::Item(depth, text) => out.push_str(&format!("{}- {text}", "   ".repeat(depth))),
        }
        out.push('\n');
    }
    out
}

/// The plan's lines, for text or HTML.
pub fn plan_lines(cx: &Context<'_>, plan: &Plan) -> Vec<PlanLine> {
    let l = cx.l10n;
    let date = |d| l.date(d);
    let target = cx.level(&plan.target);
    let mut out = Vec::new();
    let mut line = |text: PlanLine| out.push(text);
    line(PlanLine::Text(l.msg(
        "plan-title",
        &[
            ("partner", Arg::Text(&plan.name)),
            ("id", Arg::Text(&plan.partner_id)),
            ("level", Arg::Text(&target)),
            ("date", Arg::Text(&date(plan.by))),
        ],
    )));
    line(PlanLine::Text(l.msg(
        "plan-context",
        &[
            ("program", Arg::Text(&cx.program_text(attain_rules::ProgramText::Name))),
            ("version", Arg::Text(&plan.version)),
            ("as_of", Arg::Text(&date(plan.as_of))),
        ],
    )));
    line(PlanLine::Text(l.msg(
        "plan-if-nothing",
        &[("level", Arg::Text(&cx.level(&plan.level_if_nothing_changes))), ("date", Arg::Text(&date(plan.by)))],
    )));
    if plan.met {
        line(PlanLine::Text(l.msg("plan-met", &[("level", Arg::Text(&target)), ("date", Arg::Text(&date(plan.by)))])));
        return out;
    }
    if !plan.reachable {
        line(PlanLine::Text(
            l.msg("plan-unreachable", &[("level", Arg::Text(&target)), ("date", Arg::Text(&date(plan.by)))]),
        ));
    }
    let mut step = 0;
    if let Some(c) = &plan.consumption {
        step += 1;
        line(PlanLine::Step(
            step,
            l.msg(
                "plan-consumption",
                &[
                    ("credited", Arg::Text(&cx.usd(c.credited_usd))),
                    ("threshold", Arg::Text(&cx.usd(c.threshold_usd))),
                    ("start", Arg::Text(&date(c.window.start))),
                    ("end", Arg::Text(&date(c.window.end))),
                    ("needed", Arg::Text(&cx.usd(c.needed_usd))),
                    ("last", Arg::Text(&date(c.last_day))),
                ],
            ),
        ));
        if c.months.is_empty() {
            line(PlanLine::Item(1, l.text("plan-no-day-left")));
        }
        for m in c.months.iter().filter(|m| m.usd > Usd::ZERO) {
            let from = m.month.max(plan.as_of.tomorrow().unwrap_or(m.month));
            line(PlanLine::Item(
                1,
                l.msg(
                    "plan-consumption-month",
                    &[
                        ("from", Arg::Text(&date(from))),
                        ("by", Arg::Text(&date(m.by))),
                        ("amount", Arg::Text(&cx.usd(m.usd))),
                    ],
                ),
            ));
        }
        if c.customers.is_empty() {
            line(PlanLine::Item(1, l.text("plan-no-customers")));
        } else {
            let customers: Vec<String> = c
                .customers
                .iter()
                .map(|customer| match customer.until {
                    Some(until) => l.msg(
                        "plan-customer-until",
                        &[("customer", Arg::Text(&customer.customer_id)), ("date", Arg::Text(&date(until)))],
                    ),
                    None => customer.customer_id.clone(),
                })
                .collect();
            line(PlanLine::Item(
                1,
                l.msg("plan-customers", &[("customers", Arg::Text(&l.join(&customers, "list-or")))]),
            ));
        }
    }
    if let Some(p) = &plan.people {
        step += 1;
        line(PlanLine::Step(
            step,
            l.msg(
                "plan-people",
                &[
                    ("qualified", Arg::Text(&l.integer(p.qualified.into()))),
                    ("required", Arg::Count(p.required.into())),
                    ("gap", Arg::Count(p.gap.into())),
                ],
            ),
        ));
        let credentials = |ids: &[String]| {
            let names: Vec<String> = ids.iter().map(|id| cx.credential(id)).collect();
            l.join(&names, "list-and")
        };
        for person in &p.people {
            let mut text = l.msg(
                "plan-person",
                &[
                    ("name", Arg::Text(&person.name)),
                    ("id", Arg::Text(&person.person_id)),
                    ("credentials", Arg::Text(&credentials(&person.earn))),
                    ("date", Arg::Text(&date(person.last_day))),
                ],
            );
            if !person.holds.is_empty() {
                text.push_str(&l.msg("plan-person-holds", &[("credentials", Arg::Text(&credentials(&person.holds)))]));
            }
            line(PlanLine::Item(1, text));
        }
        if p.credentials.is_empty() {
            line(PlanLine::Item(1, l.text("plan-no-credentials")));
        } else if p.new_people > 0 {
            line(PlanLine::Item(1, l.msg("plan-new-people", &[("count", Arg::Count(p.new_people.into()))])));
            for alternative in &p.credentials {
                line(PlanLine::Item(
                    2,
                    l.msg(
                        "plan-alternative",
                        &[
                            ("credentials", Arg::Text(&credentials(&alternative.credentials))),
                            ("date", Arg::Text(&date(alternative.last_day))),
                        ],
                    ),
                ));
            }
        }
    }
    out
}
