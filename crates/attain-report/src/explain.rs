//! The explanation as a report a competency manager can read and forward.

use std::fmt::Write;

use attain_engine::{DropCause, Exclusion, Explanation, NotCounted, StopCause, Warning};
use attain_rules::{Program, Rules, Version};

fn level_name<'p>(program: &'p Program, id: &'p str) -> &'p str {
    match program.levels.iter().find(|l| l.id == id) {
        Some(level) => &level.name,
        None if id == "none" => "no level",
        None => id,
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `exam 70-534 (Architecting Microsoft Azure Solutions)`, or the id as given when the catalog lacks it.
fn credential(rules: &Rules, id: &str) -> String {
    match rules.catalog.lookup(id).map(|c| rules.catalog.get(c)) {
        Some(c) => format!("{} {} ({})", c.kind(), c.code(), c.title),
        None => id.to_owned(),
    }
}

fn kinds(version: &Version) -> String {
    version
        .counting_kinds()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The report of `attain explain --format text`.
pub fn explain_text(rules: &Rules, program: &Program, e: &Explanation) -> String {
    let version = program
        .versions
        .iter()
        .find(|v| v.id == e.version)
        .expect("explained under this program");
    let d = &e.decision;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) · {} competency, {} option",
        d.name, d.partner_id, program.name, program.option_name
    );
    let _ = writeln!(
        out,
        "As of {} · rules version {} · {} market ({})",
        e.as_of, e.version, d.market, d.country
    );
    let _ = writeln!(
        out,
        "Consumption window: {} to {}",
        e.window.start, e.window.end
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Level: {}",
        level_name(program, &d.level).to_uppercase()
    );
    if let Some(drop) = &e.drop {
        let _ = writeln!(
            out,
            "Drops on {} to {}",
            drop.date,
            level_name(program, &drop.level)
        );
    }

    let _ = writeln!(out, "\nRequirements");
    for status in &d.levels {
        let _ = writeln!(
            out,
            "  {}: {}",
            level_name(program, &status.level),
            if status.met { "met" } else { "not met" }
        );
        if let Some(threshold) = status.threshold_usd {
            let _ = write!(
                out,
                "    consumption   {} of {}",
                d.consumption_usd.to_display_string(),
                threshold.to_display_string()
            );
            if status.consumption_gap_usd.micros() > 0 {
                let _ = writeln!(
                    out,
                    ": {} more consumption",
                    status.consumption_gap_usd.to_display_string()
                );
            } else {
                let _ = writeln!(out, ": met");
            }
        }
        if let Some(required) = status.individuals_required {
            let _ = write!(
                out,
                "    individuals   {} of {}",
                status.qualified_individuals, required
            );
            if status.individuals_gap > 0 {
                let gap = status.individuals_gap;
                let _ = writeln!(
                    out,
                    ": {gap} more {}",
                    if gap == 1 {
                        "individual"
                    } else {
                        "individuals"
                    }
                );
            } else {
                let _ = writeln!(out, ": met");
            }
        }
    }

    let _ = writeln!(
        out,
        "\nCustomers in the window (credited through {})",
        kinds(version)
    );
    if e.customers.is_empty() {
        let _ = writeln!(out, "  none");
    }
    let width = e
        .customers
        .iter()
        .map(|c| c.customer_id.chars().count())
        .max()
        .unwrap_or(0);
    for c in &e.customers {
        let _ = write!(
            out,
            "  {:<width$}  {:>16}",
            c.customer_id,
            c.credited_usd.to_display_string()
        );
        match &c.exclusion {
            None => {}
            Some(Exclusion::NonCountingKind { kinds: ks }) => {
                let names: Vec<_> = ks.iter().map(|k| k.as_str()).collect();
                let _ = write!(
                    out,
                    "  excluded {}: {} association only, which does not count",
                    c.excluded_usd.to_display_string(),
                    names.join("/")
                );
            }
            Some(Exclusion::NoCountingAssociationOnDate) => {
                let _ = write!(
                    out,
                    "  excluded {} ({}): no {} association on those dates",
                    c.excluded_usd.to_display_string(),
                    plural(c.excluded_rows as u32, "row", "rows"),
                    kinds(version)
                );
            }
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "\nIndividuals");
    if e.people.is_empty() {
        let _ = writeln!(out, "  none on record");
    }
    for p in &e.people {
        let _ = write!(out, "  {} ({}): ", p.name, p.person_id);
        if p.counted_for.is_empty() {
            let reason = match p.not_counted.as_ref().expect("not counted has a reason") {
                NotCounted::NotYetJoined { joined } => format!("joins on {joined}"),
                NotCounted::Left { left } => format!("left on {left}"),
                NotCounted::NoLongerAccepted {
                    credential: c,
                    accepted_until,
                } => {
                    format!(
                        "{} was accepted only until {accepted_until}",
                        credential(rules, c)
                    )
                }
                NotCounted::AchievedAfterAsOf {
                    credential: c,
                    date,
                } => {
                    format!(
                        "{} passed on {date}, after the as-of date",
                        credential(rules, c)
                    )
                }
                NotCounted::Incomplete { missing } => {
                    let names: Vec<_> = missing.iter().map(|m| credential(rules, m)).collect();
                    format!("still needs {}", names.join(" and "))
                }
                NotCounted::NotQualifying { credentials } => {
                    format!(
                        "holds no qualifying credential ({})",
                        credentials.join(", ")
                    )
                }
                NotCounted::NoAchievements => "no exam or assessment on record".to_owned(),
            };
            let _ = writeln!(out, "does not count: {reason}");
        } else {
            let levels: Vec<_> = p
                .counted_for
                .iter()
                .map(|l| level_name(program, l))
                .collect();
            let creds: Vec<_> = p.credentials.iter().map(|c| credential(rules, c)).collect();
            let _ = writeln!(
                out,
                "counts for {} with {}",
                levels.join(" and "),
                creds.join(" and ")
            );
        }
    }

    if !e.warnings.is_empty() {
        let _ = writeln!(out, "\nWithin 12 months");
        for w in &e.warnings {
            let line = match w {
                Warning::PersonStopsCounting {
                    person_id,
                    name,
                    on,
                    cause,
                } => {
                    let why = match cause {
                        StopCause::Leaves { left } => format!("leaves on {left}"),
                        StopCause::NoLongerAccepted {
                            credential: c,
                            accepted_until,
                        } => {
                            format!(
                                "{} is accepted only until {accepted_until}",
                                credential(rules, c)
                            )
                        }
                        StopCause::NotListedFromVersion { version } => {
                            format!("rules version {version} no longer lists their credential")
                        }
                    };
                    format!("{on}: {name} ({person_id}) stops counting: {why}")
                }
                Warning::AssociationEnds {
                    customer_id,
                    association,
                    end,
                } => {
                    format!("{end}: the {association} association with {customer_id} ends; later consumption is not credited")
                }
            };
            let _ = writeln!(out, "  - {line}");
        }
    }

    if let Some(drop) = &e.drop {
        let _ = writeln!(out, "\nWhy the level drops on {}", drop.date);
        for cause in &drop.causes {
            let line = match cause {
                DropCause::Consumption {
                    consumption_usd,
                    threshold_usd,
                } => format!(
                    "consumption in that window is {}, below {}",
                    consumption_usd.to_display_string(),
                    threshold_usd.to_display_string()
                ),
                DropCause::Individuals {
                    qualified,
                    required,
                } => {
                    format!(
                        "{} qualified of {required} required",
                        plural(*qualified, "individual", "individuals")
                    )
                }
            };
            let _ = writeln!(out, "  - {line}");
        }
        if drop
            .causes
            .iter()
            .any(|c| matches!(c, DropCause::Consumption { .. }))
        {
            let _ = writeln!(
                out,
                "  (counting only consumption recorded up to {})",
                e.as_of
            );
        }
    }
    out
}
