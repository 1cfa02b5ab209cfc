//! The evidence behind a decision: who and what counted, what did not and why,
//! what will stop counting soon, and when and why the level drops.

use attain_rules::{AssociationKind, CredentialIdx, Skills};
use jiff::civil::Date;
use jiff::ToSpan;
use serde::Serialize;

use crate::decide::{Counting, PartnerView, Standing};
use crate::{Decision, Engine, EngineError, Usd, WindowRange};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Explanation {
    pub program: String,
    pub version: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: Date,
    pub window: WindowRange,
    pub decision: Decision,
    /// Customers with consumption in the window, largest credited first.
    pub customers: Vec<CustomerEvidence>,
    pub people: Vec<PersonEvidence>,
    /// What stops counting within 12 months after the as-of date.
    pub warnings: Vec<Warning>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub drop: Option<Drop>,
    /// Credited consumption per calendar month, from some months before the window through the
    /// as-of date's month: what a chart of the partner's consumption shows.
    pub monthly: Vec<CreditedMonth>,
}

/// One calendar month's credited consumption (rows after the as-of date are not known yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditedMonth {
    /// The first day of the month.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub month: Date,
    pub credited_usd: Usd,
    /// Whether the whole month lies inside the window.
    pub in_window: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerEvidence {
    pub customer_id: String,
    pub credited_usd: Usd,
    pub excluded_usd: Usd,
    pub credited_rows: usize,
    pub excluded_rows: usize,
    /// The kinds of association the partner has (had) with this customer.
    pub associations: Vec<AssociationKind>,
    /// Why the excluded rows did not count.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub exclusion: Option<Exclusion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Exclusion {
    /// The partner's only associations with this customer are of kinds that do not count (e.g. DAP).
    NonCountingKind { kinds: Vec<AssociationKind> },
    /// A counting association exists, but none covered these rows' dates.
    NoCountingAssociationOnDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonEvidence {
    pub person_id: String,
    pub name: String,
    /// The levels this person counts for.
    pub counted_for: Vec<String>,
    /// The qualifying credentials through which the person counts.
    pub credentials: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub not_counted: Option<NotCounted>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum NotCounted {
    NotYetJoined {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        joined: Date,
    },
    Left {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        left: Date,
    },
    NoLongerAccepted {
        credential: String,
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        accepted_until: Date,
    },
    AchievedAfterAsOf {
        credential: String,
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        date: Date,
    },
    /// Holds part of an all-of alternative.
    Incomplete {
        missing: Vec<String>,
    },
    /// Holds only credentials that no level of this version lists.
    NotQualifying {
        credentials: Vec<String>,
    },
    NoAchievements,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    PersonStopsCounting {
        person_id: String,
        name: String,
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        on: Date,
        cause: StopCause,
    },
    AssociationEnds {
        customer_id: String,
        association: AssociationKind,
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        end: Date,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum StopCause {
    Leaves {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        left: Date,
    },
    NoLongerAccepted {
        credential: String,
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        accepted_until: Date,
    },
    NotListedFromVersion {
        version: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Drop {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub level: String,
    pub causes: Vec<DropCause>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "requirement", rename_all = "snake_case")]
pub enum DropCause {
    Consumption { consumption_usd: Usd, threshold_usd: Usd },
    Individuals { qualified: u32, required: u32 },
}

impl Engine<'_> {
    /// The full report for one partner as of `as_of`.
    pub fn explain(&self, partner_id: &str, as_of: Date) -> Result<Explanation, EngineError> {
        let version = self.version_on(as_of)?;
        if self.monthly.is_some() {
            return Err(EngineError::NoRows);
        }
        let partner = self.partner_index(partner_id)?;
        let view = PartnerView::new(self, partner, as_of);
        let standing = view.standing(as_of);
        let level = standing.level();
        let drop = view.drop_after(level).map(|(date, later)| Drop {
            date,
            level: self.program.level_id(later.level()).to_owned(),
            causes: drop_causes(&view, level.expect("only a level can drop").0 as usize, &later),
        });
        let decision = view.decision(&standing, drop.as_ref().map(|d| d.date));
        let (start, end) = version.window.range(as_of);
        Ok(Explanation {
            program: self.program.id.clone(),
            version: version.id.clone(),
            as_of,
            window: WindowRange { start, end },
            customers: customers(&view, start, end),
            people: people(&view, &standing),
            warnings: warnings(&view),
            monthly: monthly(&view, version, start, end),
            drop,
            decision,
        })
    }
}

/// Months shown before the window starts, so that what is about to leave it is seen arriving.
const MONTHS_BEFORE_WINDOW: i32 = 5;

fn monthly(view: &PartnerView<'_, '_>, version: &attain_rules::Version, start: Date, end: Date) -> Vec<CreditedMonth> {
    let mut month = start.first_of_month().saturating_sub(MONTHS_BEFORE_WINDOW.months());
    let mut out = Vec::new();
    while month <= view.cutoff {
        let last = month.last_of_month();
        out.push(CreditedMonth {
            month,
            credited_usd: view.credited_between(version, month, last.min(view.cutoff)),
            in_window: start <= month && last <= end,
        });
        // At the end of time there is no next month (saturating would loop forever).
        let Ok(next) = month.checked_add(1.month()) else { break };
        month = next;
    }
    out
}

fn drop_causes(view: &PartnerView<'_, '_>, level: usize, later: &Standing<'_>) -> Vec<DropCause> {
    let check = later.levels[level];
    let req = &later.version.levels[level];
    let mut causes = Vec::new();
    if let (false, Some(p)) = (check.consumption_met, &req.performance) {
        causes.push(DropCause::Consumption {
            consumption_usd: later.consumption,
            threshold_usd: p.threshold(view.market),
        });
    }
    if let (false, Some(s)) = (check.individuals_met, &req.skills) {
        causes.push(DropCause::Individuals { qualified: check.qualified, required: s.individuals });
    }
    causes
}

fn customers(view: &PartnerView<'_, '_>, start: Date, end: Date) -> Vec<CustomerEvidence> {
    let engine = view.engine;
    let version = engine.program.version_on(view.cutoff).expect("checked");
    let mut evidence = Vec::new();
    view.for_each_customer(|customer, associations| {
        let days = engine.index.customer_days(customer).between(start, end);
        if days.is_empty() {
            return;
        }
        let mut kinds: Vec<AssociationKind> = associations.iter().map(|a| a.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let counting = Counting::of(associations, version.counting_kinds);
        let mut e = CustomerEvidence {
            customer_id: engine.index.customer_id(&engine.facts, customer).to_owned(),
            credited_usd: Usd::ZERO,
            excluded_usd: Usd::ZERO,
            credited_rows: 0,
            excluded_rows: 0,
            exclusion: None,
            associations: kinds.clone(),
        };
        for day in days.iter() {
            if counting.credits(day.day) {
                e.credited_usd = e.credited_usd + day.usd;
                e.credited_rows += day.rows as usize;
            } else {
                e.excluded_usd = e.excluded_usd + day.usd;
                e.excluded_rows += day.rows as usize;
            }
        }
        if e.excluded_rows > 0 {
            e.exclusion = Some(if counting.is_empty() {
                Exclusion::NonCountingKind { kinds }
            } else {
                Exclusion::NoCountingAssociationOnDate
            });
        }
        evidence.push(e);
    });
    evidence.sort_by(|a, b| {
        b.credited_usd
            .cmp(&a.credited_usd)
            .then(b.excluded_usd.cmp(&a.excluded_usd))
            .then(a.customer_id.cmp(&b.customer_id))
    });
    evidence
}

fn people(view: &PartnerView<'_, '_>, standing: &Standing<'_>) -> Vec<PersonEvidence> {
    let engine = view.engine;
    let program = engine.program;
    let as_of = view.cutoff;
    let mut evidence: Vec<PersonEvidence> = view
        .people()
        .iter()
        .map(|&p| {
            let person = &engine.facts.people[p as usize];
            let mut counted_for = Vec::new();
            let mut credentials: Vec<String> = Vec::new();
            for (def, req) in program.levels.iter().zip(&standing.version.levels) {
                let Some(alternative) = req.skills.as_ref().and_then(|s| view.qualifying_alternative(p, s, as_of))
                else {
                    continue;
                };
                counted_for.push(def.id.clone());
                for c in alternative {
                    let id = &engine.catalog.get(*c).id;
                    if !credentials.contains(id) {
                        credentials.push(id.clone());
                    }
                }
            }
            let not_counted = counted_for.is_empty().then(|| not_counted(view, p, standing));
            PersonEvidence {
                person_id: person.id.clone(),
                name: person.name.clone(),
                counted_for,
                credentials,
                not_counted,
            }
        })
        .collect();
    evidence.sort_by(|a, b| b.counted_for.len().cmp(&a.counted_for.len()).then(a.person_id.cmp(&b.person_id)));
    evidence
}

fn not_counted(view: &PartnerView<'_, '_>, p: u32, standing: &Standing<'_>) -> NotCounted {
    let engine = view.engine;
    let as_of = view.cutoff;
    match engine.index.staff.affiliation(p) {
        (Some(joined), _) if as_of < joined => return NotCounted::NotYetJoined { joined },
        (_, Some(left)) if left < as_of => return NotCounted::Left { left },
        _ => {}
    }
    let all_skills: Vec<&Skills> = standing.version.levels.iter().filter_map(|l| l.skills.as_ref()).collect();
    let listed = |c: CredentialIdx| standing.version.lists(c);
    let held = engine.index.staff.held(p);
    let id = |c: CredentialIdx| engine.catalog.get(c).id.clone();
    let usable = |c: CredentialIdx| {
        held.iter().any(|(h, date)| *h == c && *date <= as_of) && engine.catalog.get(c).accepted_on(as_of)
    };
    for (c, date) in held.iter().filter(|(c, _)| listed(*c)) {
        let credential = engine.catalog.get(*c);
        if *date <= as_of && !credential.accepted_on(as_of) {
            let accepted_until = credential.accepted_until.expect("not accepted means a last day");
            return NotCounted::NoLongerAccepted { credential: id(*c), accepted_until };
        }
    }
    if let Some((c, date)) = held.iter().find(|(c, date)| listed(*c) && as_of < *date) {
        return NotCounted::AchievedAfterAsOf { credential: id(*c), date: *date };
    }
    // Holds part of an all-of alternative: name what is missing from the closest one.
    let closest = all_skills
        .iter()
        .flat_map(|s| s.alternatives())
        .filter(|alt| alt.iter().any(|c| usable(*c)))
        .map(|alt| alt.iter().filter(|c| !usable(**c)).map(|c| id(*c)).collect::<Vec<_>>())
        .min_by_key(Vec::len);
    if let Some(missing) = closest {
        return NotCounted::Incomplete { missing };
    }
    let achievements = &engine.index.achievements[p as usize];
    if achievements.is_empty() {
        return NotCounted::NoAchievements;
    }
    let mut credentials: Vec<String> =
        achievements.iter().map(|a| engine.facts.achievements[*a].credential.clone()).collect();
    credentials.sort();
    credentials.dedup();
    NotCounted::NotQualifying { credentials }
}

fn warnings(view: &PartnerView<'_, '_>) -> Vec<Warning> {
    let engine = view.engine;
    let as_of = view.cutoff;
    let until = as_of.saturating_add(12.months());
    let version_now = engine.program.version_on(as_of).expect("checked");
    let mut warnings = Vec::new();
    let dates = view.change_dates(until);
    for &p in view.people() {
        let person = &engine.facts.people[p as usize];
        let counts_on = |date: Date| -> Vec<bool> {
            let version = engine.program.version_on(date).expect("after a version");
            version
                .levels
                .iter()
                .map(|l| l.skills.as_ref().is_some_and(|s| view.qualifying_alternative(p, s, date).is_some()))
                .collect()
        };
        let now = counts_on(as_of);
        if !now.contains(&true) {
            continue;
        }
        let stop = dates.iter().find(|d| counts_on(**d).iter().zip(&now).any(|(later, before)| *before && !later));
        let Some(&on) = stop else { continue };
        let cause = if !engine.index.staff.affiliated_on(p, on) {
            StopCause::Leaves { left: person.left.expect("affiliated before, not after: has left") }
        } else if let Some((c, until)) = engine.index.staff.held(p).iter().find_map(|(c, _)| {
            let credential = engine.catalog.get(*c);
            let until = credential.accepted_until?;
            let used = version_now.lists(*c);
            (used && as_of <= until && until < on).then_some((credential.id.clone(), until))
        }) {
            StopCause::NoLongerAccepted { credential: c, accepted_until: until }
        } else {
            StopCause::NotListedFromVersion { version: engine.program.version_on(on).expect("later").id.clone() }
        };
        warnings.push(Warning::PersonStopsCounting {
            person_id: person.id.clone(),
            name: person.name.clone(),
            on,
            cause,
        });
    }
    view.for_each_customer(|customer, associations| {
        for a in associations {
            if let Some(end) = a.end.filter(|end| as_of <= *end && *end < until && version_now.counts(a.kind)) {
                warnings.push(Warning::AssociationEnds {
                    customer_id: engine.index.customer_id(&engine.facts, customer).to_owned(),
                    association: a.kind,
                    end,
                });
            }
        }
    });
    warnings.sort_by_key(|w| match w {
        Warning::PersonStopsCounting { on, .. } => *on,
        Warning::AssociationEnds { end, .. } => end.tomorrow().unwrap_or(*end),
    });
    warnings
}
