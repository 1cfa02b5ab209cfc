//! A partner's plan for people, in their language: what must happen, by when.

use attain_engine::{MetricPlan, Plan, PlanChange, PlanHead, PlannedChange, Usd};
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
    lines_text(plan_lines(cx, plan))
}

/// A plan's first lines: whose, which level by when, under which version, what holds if nothing
/// changes; then that the target is met already, or cannot be reached.
fn opening(cx: &Context<'_>, head: &PlanHead) -> Vec<PlanLine> {
    let l = cx.l10n;
    let date = |d| l.date(d);
    let target = cx.level(&head.target);
    let by = date(head.by);
    let mut out = vec![
        PlanLine::Text(l.msg(
            "plan-title",
            &[
                ("partner", Arg::Text(&head.name)),
                ("id", Arg::Text(&head.partner_id)),
                ("level", Arg::Text(&target)),
                ("date", Arg::Text(&by)),
            ],
        )),
        PlanLine::Text(l.msg(
            "plan-context",
            &[
                ("program", Arg::Text(&cx.program_text(attain_rules::ProgramText::Name))),
                ("version", Arg::Text(&head.version)),
                ("as_of", Arg::Text(&date(head.as_of))),
            ],
        )),
        PlanLine::Text(l.msg(
            "plan-if-nothing",
            &[("level", Arg::Text(&cx.level(&head.level_if_nothing_changes))), ("date", Arg::Text(&by))],
        )),
    ];
    let conclusion = match (head.met, head.reachable) {
        (true, _) => Some("plan-met"),
        (false, false) => Some("plan-unreachable"),
        (false, true) => None,
    };
    out.extend(
        conclusion.map(|id| PlanLine::Text(l.msg(id, &[("level", Arg::Text(&target)), ("date", Arg::Text(&by))]))),
    );
    out
}

/// The plan's lines, for text or HTML.
pub fn plan_lines(cx: &Context<'_>, plan: &Plan) -> Vec<PlanLine> {
    let l = cx.l10n;
    let date = |d| l.date(d);
    let mut out = opening(cx, &plan.head);
    if plan.head.met {
        return out;
    }
    let mut line = |text: PlanLine| out.push(text);
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
            let from = m.month.max(plan.head.as_of.tomorrow().unwrap_or(m.month));
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

/// A plan of a program stated in metrics as text.
pub fn metric_plan_text(cx: &Context<'_>, plan: &MetricPlan) -> String {
    lines_text(metric_plan_lines(cx, plan))
}

/// Plan lines as text: steps numbered, items indented under them.
pub fn lines_text(lines: Vec<PlanLine>) -> String {
    let mut out = String::new();
    for line in lines {
        match line {
            PlanLine::Text(text) => out.push_str(&text),
            PlanLine::Step(n, text) => out.push_str(&format!("\n{n}. {text}")),
            PlanLine::Item(depth, text) => out.push_str(&format!("{}- {text}", "   ".repeat(depth))),
        }
        out.push('\n');
    }
    out
}

/// The lines of a plan of a program stated in metrics: the points needed, the changes to make
/// (grouped by metric and kind, with their last day), then each metric's points with the plan.
pub fn metric_plan_lines(cx: &Context<'_>, plan: &MetricPlan) -> Vec<PlanLine> {
    let l = cx.l10n;
    let date = |d| l.date(d);
    let mut out = opening(cx, &plan.head);
    if plan.head.met {
        return out;
    }
    let version = cx.program.version(&plan.head.version);
    let name = |id: &str| {
        version.and_then(|v| v.metrics.iter().find(|m| m.id == id)).map_or_else(|| id.to_owned(), |m| cx.metric_name(m))
    };
    let mut step = 0;
    if let Some(score) = &plan.score {
        step += 1;
        out.push(PlanLine::Step(
            step,
            l.msg(
                "plan-points",
                &[
                    ("score", Arg::Text(&l.integer(score.score.into()))),
                    ("required", Arg::Count(score.required)),
                    ("gap", Arg::Count(score.gap)),
                    ("least", Arg::Count(score.each_metric_at_least)),
                ],
            ),
        ));
    }
    // Like changes for the same metric, together, in the order they were chosen.
    let mut groups: Vec<(&PlannedChange, i64, Usd)> = Vec::new();
    for c in &plan.changes {
        let alike = |g: &&mut (&PlannedChange, i64, Usd)| {
            g.0.metric == c.metric
                && g.0.by == c.by
                && match (&g.0.change, &c.change) {
                    (PlanChange::Customer { usd: a }, PlanChange::Customer { usd: b }) => a == b,
                    (PlanChange::Service { customer_id: a }, PlanChange::Service { customer_id: b }) => a == b,
                    (
                        PlanChange::Consumption { customer_id: a, .. },
                        PlanChange::Consumption { customer_id: b, .. },
                    ) => a == b,
                    (PlanChange::Person { credentials: a, .. }, PlanChange::Person { credentials: b, .. }) => a == b,
                    _ => false,
                }
        };
        let usd = match &c.change {
            PlanChange::Consumption { usd, .. } => *usd,
            _ => Usd::ZERO,
        };
        match groups.iter_mut().find(alike) {
            Some(group) => {
                group.1 += 1;
                group.2 = group.2 + usd;
            }
            None => groups.push((c, 1, usd)),
        }
    }
    let credentials = |ids: &[String], list: &str| {
        let names: Vec<String> = ids.iter().map(|id| cx.credential(id)).collect();
        l.join(&names, list)
    };
    for (c, count, usd) in groups {
        let (metric, by) = (name(&c.metric), date(c.by));
        let common = [("metric", Arg::Text(&metric)), ("date", Arg::Text(&by)), ("count", Arg::Count(count))];
        let text = match &c.change {
            PlanChange::Customer { usd } => {
                let amount = cx.usd(*usd);
                l.msg("plan-change-customers", &[&common[..], &[("amount", Arg::Text(&amount))]].concat())
            }
            PlanChange::Service { customer_id } => {
                l.msg("plan-change-services", &[&common[..], &[("customer", Arg::Text(customer_id))]].concat())
            }
            PlanChange::Consumption { customer_id, .. } => {
                let amount = cx.usd(usd);
                let args = [("customer", Arg::Text(customer_id)), ("amount", Arg::Text(&amount))];
                l.msg("plan-change-consumption", &[&common[..], &args[..]].concat())
            }
            PlanChange::Person { credentials: held, .. } => {
                let held = credentials(held, "list-and");
                l.msg("plan-change-people", &[&common[..], &[("credentials", Arg::Text(&held))]].concat())
            }
        };
        out.push(PlanLine::Item(1, text));
        if let PlanChange::Person { or, .. } = &c.change {
            if !or.is_empty() {
                out.push(PlanLine::Item(
                    2,
                    l.msg("plan-change-or", &[("credentials", Arg::Text(&credentials(or, "list-or")))]),
                ));
            }
        }
    }
    if !plan.metrics.is_empty() {
        step += 1;
        out.push(PlanLine::Step(step, l.text("plan-outlook")));
        for m in &plan.metrics {
            out.push(PlanLine::Item(
                1,
                l.msg(
                    "plan-outlook-metric",
                    &[
                        ("metric", Arg::Text(&name(&m.metric))),
                        ("points", Arg::Text(&l.integer(m.points.into()))),
                        ("with", Arg::Text(&l.integer(m.with_plan.into()))),
                        ("max", Arg::Count(m.max_points)),
                    ],
                ),
            ));
        }
    }
    out
}
