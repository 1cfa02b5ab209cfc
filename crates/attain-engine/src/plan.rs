//! A partner's plan: the smallest set of changes that reaches (or keeps) a level on a date, given
//! what is known on another (the data's as-of date): consumption still needed, month by month,
//! from the customers whose consumption would be credited; and people and credentials needed,
//! the partner's own people closest to qualifying first, each with the last day it must happen.
//!
//! Everything is decided by the engine itself: the partner's standing on the target date with
//! nothing done is [`Engine::evaluate`]'s, so retirements, acceptance ends, departures and
//! associations that end are counted exactly as a decision counts them.

use attain_rules::{Credential, CredentialIdx, LevelIdx, Usd, Version};
use jiff::civil::Date;
use jiff::ToSpan;
use serde::Serialize;

use crate::{Engine, EngineError, WindowRange};

/// What every plan says first: whose, which level by when, under which version, and where the
/// partner stands if nothing changes.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanHead {
    pub program: String,
    /// The version in force on `by`, whose requirements the plan meets.
    pub version: String,
    pub partner_id: String,
    pub name: String,
    pub target: String,
    /// What is known: the data is taken to be complete up to this day.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: Date,
    /// The day the target must be held.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub by: Date,
    /// The level the partner holds on `by` if nothing changes.
    pub level_if_nothing_changes: String,
    /// Whether the target is held on `by` with nothing done.
    pub met: bool,
    /// Whether the plan's steps reach the target in time.
    pub reachable: bool,
}

/// What a partner must do to hold `target` on `by`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    #[serde(flatten)]
    pub head: PlanHead,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub consumption: Option<ConsumptionStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub people: Option<PeopleStep>,
}

/// Credited consumption still needed in the window that counts on `by`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsumptionStep {
    pub threshold_usd: Usd,
    /// Credited in the window so far.
    pub credited_usd: Usd,
    /// Still needed: the gap, rounded up to the cent.
    pub needed_usd: Usd,
    pub window: WindowRange,
    /// Per calendar month from the first day still to come, evenly: what must be credited in each
    /// month, by its last day in the window (empty when no day of the window is still to come).
    pub months: Vec<MonthNeed>,
    /// The last day consumption counts: the window's last day, or the last a customer's
    /// association allows.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub last_day: Date,
    /// Customers whose consumption in those months would be credited (a counting association
    /// covers them), with the day the association ends if it ends in the window.
    pub customers: Vec<CreditedCustomer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthNeed {
    /// The first day of the month.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub month: Date,
    pub usd: Usd,
    /// The last day of the month that counts.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub by: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditedCustomer {
    pub customer_id: String,
    pub association: attain_rules::AssociationKind,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, required = true))]
    pub until: Option<Date>,
}

/// Qualified individuals still needed on `by`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeopleStep {
    pub required: u32,
    /// Qualified on `by` if nothing changes.
    pub qualified: u32,
    pub gap: u32,
    /// The partner's people who would qualify with the fewest new credentials, fewest first: as
    /// many as the gap, or all there are.
    pub people: Vec<PersonStep>,
    /// People the partner does not have yet, each to earn one of `credentials`, when its own are
    /// too few.
    pub new_people: u32,
    /// The level's alternatives that can still be earned in time (each a credential, or several
    /// together), with the last day for each.
    pub credentials: Vec<Alternative>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonStep {
    pub person_id: String,
    pub name: String,
    /// Credentials of the alternative already held (and accepted on `by`).
    pub holds: Vec<String>,
    /// Credentials still to earn, all of them, by `last_day`.
    pub earn: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub last_day: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alternative {
    pub credentials: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub last_day: Date,
}

impl Engine<'_> {
    /// The plan for `partner_id` to hold `target` on `by`, the facts known up to `as_of`
    /// (`by` on or after it).
    pub fn plan(&self, partner_id: &str, target: LevelIdx, as_of: Date, by: Date) -> Result<Plan, EngineError> {
        if self.monthly.is_some() {
            return Err(EngineError::NoRows);
        }
        let by = by.max(as_of);
        let version = self.version_on(by)?;
        let decision = self.evaluate(by, &[partner_id.to_owned()])?.partners.remove(0);
        let status = &decision.levels[usize::from(target.0)];
        let requirements = &version.levels[usize::from(target.0)];
        let consumption =
            requirements.performance.as_ref().filter(|_| status.consumption_gap_usd > Usd::ZERO).map(|_| {
                let (start, end) = version.window.range(by);
                self.consumption_step(partner_id, version, status, WindowRange { start, end }, as_of)
            });
        let people = requirements
            .skills
            .as_ref()
            .filter(|_| status.individuals_gap > 0)
            .map(|skills| self.people_step(partner_id, skills.alternatives(), status, as_of, by));
        let reachable = consumption.as_ref().is_none_or(|c| !c.months.is_empty() && !c.customers.is_empty())
            && people
                .as_ref()
                .is_none_or(|p| p.people.len() as u32 + p.new_people >= p.gap && !p.credentials.is_empty());
        Ok(Plan {
            head: PlanHead {
                program: self.program.id.clone(),
                version: version.id.clone(),
                partner_id: decision.partner_id.clone(),
                name: decision.name.clone(),
                target: self.program.levels[usize::from(target.0)].id.clone(),
                as_of,
                by,
                level_if_nothing_changes: decision.level.clone(),
                met: status.met,
                reachable,
            },
            consumption,
            people,
        })
    }

    fn consumption_step(
        &self,
        partner_id: &str,
        version: &Version,
        status: &crate::LevelStatus,
        window: WindowRange,
        as_of: Date,
    ) -> ConsumptionStep {
        let threshold = status.threshold_usd.expect("a level with a threshold");
        let gap = status.consumption_gap_usd;
        // Rounded up to the cent: what a person can pay.
        let needed = Usd((gap.micros() + 9_999) / 10_000 * 10_000);
        let first = window.start.max(as_of.tomorrow().expect("a day after the data"));
        // Customers whose consumption would be credited on some day still to come in the window.
        let mut customers: Vec<CreditedCustomer> = self
            .facts
            .associations
            .iter()
            .filter(|a| a.partner_id == partner_id && version.counts(a.kind))
            .filter(|a| a.start <= window.end && a.end.is_none_or(|e| e >= first))
            .map(|a| CreditedCustomer {
                customer_id: a.customer_id.clone(),
                association: a.kind,
                until: a.end.filter(|e| *e < window.end),
            })
            .collect();
        // One entry per customer: the association that reaches furthest.
        customers.sort_by_key(|c| (c.customer_id.clone(), std::cmp::Reverse(c.until.unwrap_or(Date::MAX))));
        customers.dedup_by(|later, first| later.customer_id == first.customer_id);
        let last_day = customers.iter().map(|c| c.until.unwrap_or(window.end)).max().unwrap_or(window.end);
        let mut months = Vec::new();
        let mut month = first.first_of_month();
        while first <= last_day && month <= last_day {
            let by = month.last_of_month().min(last_day);
            months.push(MonthNeed { month, usd: Usd::ZERO, by });
            month = month.saturating_add(1.month());
        }
        // Even cents per month, the odd cents on the first months.
        let (cents, count) = (needed.micros() / 10_000, months.len() as i128);
        for (i, m) in months.iter_mut().enumerate() {
            let share = cents / count + i128::from((i as i128) < cents % count);
            m.usd = Usd(share * 10_000);
        }
        ConsumptionStep {
            threshold_usd: threshold,
            credited_usd: threshold - gap,
            needed_usd: needed,
            window,
            months,
            last_day,
            customers,
        }
    }

    fn people_step(
        &self,
        partner_id: &str,
        alternatives: &[Vec<CredentialIdx>],
        status: &crate::LevelStatus,
        as_of: Date,
        by: Date,
    ) -> PeopleStep {
        let catalog = self.catalog;
        let id = |c: &CredentialIdx| catalog.get(*c).id.clone();
        // The last day a credential can be earned and still count on `by`; none if that is past.
        let last_day = |c: &Credential| -> Option<Date> {
            let mut last = by;
            if let Some(d) = c.registration_until {
                last = last.min(d);
            }
            if let Some(d) = c.retires {
                last = last.min(d.yesterday().ok()?);
            }
            (last > as_of && c.accepted_on(by)).then_some(last)
        };
        let earnable: Vec<Alternative> = alternatives
            .iter()
            .filter_map(|alt| {
                let days: Option<Vec<Date>> = alt.iter().map(|c| last_day(catalog.get(*c))).collect();
                Some(Alternative { credentials: alt.iter().map(id).collect(), last_day: days?.into_iter().min()? })
            })
            .collect();
        // Each person affiliated on `by` who does not qualify then: the alternative needing the
        // fewest credentials they can still earn.
        let people: Vec<&crate::Person> =
            self.facts.people.iter().filter(|p| p.partner_id == partner_id && p.affiliated_on(by)).collect();
        // Their achievements, in one pass over everyone's.
        let achievements: Vec<&crate::Achievement> =
            self.facts.achievements.iter().filter(|a| people.iter().any(|p| p.id == a.person_id)).collect();
        let mut candidates: Vec<(usize, PersonStep)> = Vec::new();
        for person in people {
            let held = |c: &CredentialIdx| {
                let credential = catalog.get(*c);
                credential.accepted_on(by)
                    && achievements
                        .iter()
                        .any(|a| a.person_id == person.id && a.credential == credential.id && a.date <= by)
            };
            if alternatives.iter().any(|alt| alt.iter().all(held)) {
                continue;
            }
            let best = alternatives
                .iter()
                .filter_map(|alt| {
                    let (holds, earn): (Vec<&CredentialIdx>, Vec<&CredentialIdx>) = alt.iter().partition(|c| held(c));
                    let days: Option<Vec<Date>> = earn.iter().map(|c| last_day(catalog.get(**c))).collect();
                    let last_day = days?.into_iter().min().unwrap_or(by);
                    let step = PersonStep {
                        person_id: person.id.clone(),
                        name: person.name.clone(),
                        holds: holds.into_iter().map(id).collect(),
                        earn: earn.into_iter().map(id).collect(),
                        last_day,
                    };
                    Some((step.earn.len(), step))
                })
                .min_by_key(|(cost, _)| *cost);
            candidates.extend(best);
        }
        candidates.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.person_id.cmp(&y.person_id)));
        let gap = status.individuals_gap;
        let people: Vec<PersonStep> = candidates.into_iter().take(gap as usize).map(|(_, step)| step).collect();
        PeopleStep {
            required: status.individuals_required.expect("a level with people"),
            qualified: status.qualified_individuals,
            gap,
            new_people: if earnable.is_empty() { 0 } else { gap - people.len() as u32 },
            people,
            credentials: earnable,
        }
    }
}
