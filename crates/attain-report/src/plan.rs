//! A partner's plan for people, in their language: what must happen, by when.

use attain_engine::{Plan, Usd};
use attain_i18n::Arg;

use crate::Context;

/// The plan as text: what the partner holds if nothing changes, then each step with its dates.
pub fn plan_text(cx: &Context<'_>, plan: &Plan) -> String {
    let l = cx.l10n;
    let date = |d| l.date(d);
    let target = cx.level(&plan.target);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(l.msg(
        "plan-title",
        &[
            ("partner", Arg::Text(&plan.name)),
            ("id", Arg::Text(&plan.partner_id)),
            ("level", Arg::Text(&target)),
            ("date", Arg::Text(&date(plan.by))),
        ],
    ));
    line(l.msg(
        "plan-context",
        &[
            ("program", Arg::Text(&cx.program_text(attain_rules::ProgramText::Name))),
            ("version", Arg::Text(&plan.version)),
            ("as_of", Arg::Text(&date(plan.as_of))),
        ],
    ));
    line(l.msg(
        "plan-if-nothing",
        &[("level", Arg::Text(&cx.level(&plan.level_if_nothing_changes))), ("date", Arg::Text(&date(plan.by)))],
    ));
    if plan.met {
        line(l.msg("plan-met", &[("level", Arg::Text(&target)), ("date", Arg::Text(&date(plan.by)))]));
        return out;
    }
    if !plan.reachable {
        line(l.msg("plan-unreachable", &[("level", Arg::Text(&target)), ("date", Arg::Text(&date(plan.by)))]));
    }
    let mut step = 0;
    if let Some(c) = &plan.consumption {
        step += 1;
        line(String::new());
        line(format!(
            "{step}. {}",
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
            )
        ));
        if c.months.is_empty() {
            line(format!("   {}", l.text("plan-no-day-left")));
        }
        for m in c.months.iter().filter(|m| m.usd > Usd::ZERO) {
            let from = m.month.max(plan.as_of.tomorrow().unwrap_or(m.month));
            line(format!(
                "   - {}",
                l.msg(
                    "plan-consumption-month",
                    &[
                        ("from", Arg::Text(&date(from))),
                        ("by", Arg::Text(&date(m.by))),
                        ("amount", Arg::Text(&cx.usd(m.usd)))
                    ],
                )
            ));
        }
        if c.customers.is_empty() {
            line(format!("   {}", l.text("plan-no-customers")));
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
            line(format!(
                "   {}",
                l.msg("plan-customers", &[("customers", Arg::Text(&l.join(&customers, "list-or")))])
            ));
        }
    }
    if let Some(p) = &plan.people {
        step += 1;
        line(String::new());
        line(format!(
            "{step}. {}",
            l.msg(
                "plan-people",
                &[
                    ("qualified", Arg::Text(&l.integer(p.qualified.into()))),
                    ("required", Arg::Count(p.required.into())),
                    ("gap", Arg::Count(p.gap.into())),
                ],
            )
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
            line(format!("   - {text}"));
        }
        if p.credentials.is_empty() {
            line(format!("   {}", l.text("plan-no-credentials")));
        } else if p.new_people > 0 {
            line(format!("   - {}", l.msg("plan-new-people", &[("count", Arg::Count(p.new_people.into()))])));
            for alternative in &p.credentials {
                line(format!(
                    "     - {}",
                    l.msg(
                        "plan-alternative",
                        &[
                            ("credentials", Arg::Text(&credentials(&alternative.credentials))),
                            ("date", Arg::Text(&date(alternative.last_day))),
                        ],
                    )
                ));
            }
        }
    }
    out
}
