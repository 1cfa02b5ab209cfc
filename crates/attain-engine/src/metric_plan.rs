//! A partner's plan under a program stated in metrics: the fewest concrete changes (a customer
//! more, a service more, consumption more from a customer already credited, a person more holding
//! a credential) after which the partner holds a level on a date.
//!
//! Every candidate change is tried by deciding the partner again with it (its own facts only, so
//! a trial costs a millisecond): a change that lifts several metrics at once (a new customer's
//! consumption also raises usage growth) is counted for all of them. The plan takes, change by
//! change, the one that does most (every metric at its least points first, then the score, per
//! change), and then drops every change the level can do without.

use attain_rules::{LevelIdx, Measure, Metric, RowColumn, Usd, Version};
use jiff::civil::Date;
use serde::Serialize;

use crate::{Association, Consumption, EngineError, Facts, Label, MetricDecision, MetricEngine, Person, PlanHead};

/// What a partner of a program stated in metrics must do to hold `target` on `by`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricPlan {
    #[serde(flatten)]
    pub head: PlanHead,
    /// The score required and held on `by` if nothing changes; absent where the level asks none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub score: Option<ScoreNeed>,
    /// The changes, in the order they were chosen, each with the metric it was chosen for.
    pub changes: Vec<PlannedChange>,
    /// Every scored metric: its points now and with the plan carried out.
    pub metrics: Vec<MetricOutlook>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreNeed {
    pub required: i64,
    pub score: i64,
    pub gap: i64,
    /// The least points every scored metric must have.
    pub each_metric_at_least: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedChange {
    /// The metric the change was chosen for (it may lift others too).
    pub metric: String,
    /// The last day it can happen and still count on the plan's date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub by: Date,
    #[serde(flatten)]
    pub change: PlanChange,
}

/// One change to a partner's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PlanChange {
    /// A customer more, credited to the partner, with this much consumption in the month measured.
    Customer { usd: Usd },
    /// A service more used by a customer already credited, in the month measured.
    Service { customer_id: String },
    /// This much more consumption from a customer already credited, in the month measured.
    Consumption { customer_id: String, usd: Usd },
    /// A person more holding `credentials` (all of them; `or` lists the other credentials that
    /// would do as well).
    Person { credentials: Vec<String>, or: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricOutlook {
    pub metric: String,
    pub points: i64,
    pub max_points: i64,
    /// Points with every change of the plan carried out.
    pub with_plan: i64,
}

/// How far a trial decision is from the target: what the plan makes smaller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Distance {
    /// Scored metrics below their least points, and the points they lack.
    below_least: (usize, i64),
    /// Points missing from the score.
    score_gap: i64,
    /// Thresholds on metric values not reached.
    thresholds: usize,
}

impl MetricEngine<'_> {
    /// The plan for `partner_id` to hold `target` on `by`, the facts known up to `as_of`.
    pub fn plan(&self, partner_id: &str, target: LevelIdx, as_of: Date, by: Date) -> Result<MetricPlan, EngineError> {
        let by = by.max(as_of);
        let version = crate::version_in_force(self.program(), by)?;
        let own = self.partner_facts(partner_id)?;
        let now = self.trial(&own, &[], version, by, partner_id)?;
        let status = &now.levels[usize::from(target.0)];
        let rule = version.metric_levels[usize::from(target.0)].score;
        // Consumption is measured in the last complete month before `by`; people on `by`.
        let month_end = by.first_of_month().yesterday().expect("a day before");
        let distance = |d: &MetricDecision| {
            let level = &d.levels[usize::from(target.0)];
            let least = rule.map_or(0, |r| r.each_at_least);
            let below: Vec<i64> = d.points.0.iter().map(|(_, p)| (least - p).max(0)).filter(|lack| *lack > 0).collect();
            Distance {
                below_least: (below.len(), below.iter().sum()),
                score_gap: level.score_gap.unwrap_or(0).max(0),
                thresholds: level.thresholds.iter().filter(|t| t.gap.raw() > 0).count(),
            }
        };
        let met = |d: &MetricDecision| d.levels[usize::from(target.0)].met;
        let mut changes: Vec<PlannedChange> = Vec::new();
        let mut reachable = status.met;
        if !status.met {
            let mut current = now.clone();
            // Each round takes the candidate that brings the partner nearest, per change made.
            for _ in 0..MAX_CHANGES {
                let trial = self.trial_engine(&own, &changes, version)?;
                let explained = trial.explain(partner_id, by)?;
                let mut best: Option<(Distance, usize, Vec<PlannedChange>, MetricDecision)> = None;
                for unit in self.candidates(version, &explained, trial.facts(), (as_of, by, month_end)) {
                    // A unit may need repeating before it earns a point (a change measure below
                    // zero, a step of several): the fewest repeats that bring the partner nearer.
                    let was = distance(&current);
                    let mut candidate = Vec::new();
                    let mut found = None;
                    for _ in 0..MAX_REPEATS {
                        candidate.extend(unit.iter().cloned());
                        let mut tried = changes.clone();
                        tried.extend(candidate.iter().cloned());
                        let decided = self.trial(&own, &tried, version, by, partner_id)?;
                        if distance(&decided) < was {
                            found = Some(decided);
                            break;
                        }
                        // Consumption is asked for to the next point already: no repeat.
                        if unit.iter().any(|c| matches!(c.change, PlanChange::Consumption { .. })) {
                            break;
                        }
                    }
                    let Some(decided) = found else { continue };
                    let is = distance(&decided);
                    // Progress per change: compare gains scaled by the other's size.
                    let better = best.as_ref().is_none_or(|(d, n, _, _)| {
                        let gain = |to: &Distance| (was.below_least.1 - to.below_least.1, was.score_gap - to.score_gap);
                        let (g, h) = (gain(&is), gain(d));
                        let (g, h) = (
                            (g.0 * *n as i64, g.1 * *n as i64),
                            (h.0 * candidate.len() as i64, h.1 * candidate.len() as i64),
                        );
                        (g.0, g.1, std::cmp::Reverse(is)) > (h.0, h.1, std::cmp::Reverse(*d))
                    });
                    if better {
                        best = Some((is, candidate.len(), candidate, decided));
                    }
                }
                let Some((_, _, chosen, decided)) = best else { break };
                changes.extend(chosen);
                current = decided;
                if met(&current) {
                    reachable = true;
                    break;
                }
            }
            // Then every change the level can do without is dropped, latest first.
            if reachable {
                let mut i = changes.len();
                while i > 0 {
                    i -= 1;
                    let mut without = changes.clone();
                    without.remove(i);
                    if met(&self.trial(&own, &without, version, by, partner_id)?) {
                        changes = without;
                    }
                }
            }
        }
        let with_plan = self.trial(&own, &changes, version, by, partner_id)?;
        let metrics = version
            .metrics
            .iter()
            .filter_map(|m| {
                let rule = m.points?;
                Some(MetricOutlook {
                    metric: m.id.clone(),
                    points: now.points.get(&m.id).unwrap_or(0),
                    max_points: rule.max,
                    with_plan: with_plan.points.get(&m.id).unwrap_or(0),
                })
            })
            .collect();
        Ok(MetricPlan {
            head: PlanHead {
                program: self.program().id.clone(),
                version: version.id.clone(),
                partner_id: now.partner_id.clone(),
                name: now.name.clone(),
                target: self.program().levels[usize::from(target.0)].id.clone(),
                as_of,
                by,
                level_if_nothing_changes: now.level.clone(),
                met: status.met,
                reachable,
            },
            score: rule.map(|rule| {
                let score = now.score.unwrap_or(0);
                ScoreNeed {
                    required: rule.total,
                    score,
                    gap: (rule.total - score).max(0),
                    each_metric_at_least: rule.each_at_least,
                }
            }),
            changes,
            metrics,
        })
    }

    /// The partner's own facts: itself, its associations and its customers' rows and reports,
    /// its people and their achievements.
    fn partner_facts(&self, partner_id: &str) -> Result<Facts, EngineError> {
        let facts = self.facts();
        let partner = facts
            .partners
            .binary_search_by(|p| p.id.as_str().cmp(partner_id))
            .map_err(|_| EngineError::UnknownPartner(partner_id.to_owned()))?;
        let associations: Vec<Association> =
            facts.associations.iter().filter(|a| a.partner_id == partner_id).cloned().collect();
        let customer = |id: &str| associations.iter().any(|a| a.customer_id == id);
        let people: Vec<Person> = facts.people.iter().filter(|p| p.partner_id == partner_id).cloned().collect();
        Ok(Facts {
            partners: vec![facts.partners[partner].clone()],
            consumption: self.customer_rows(&associations)?,
            achievements: facts
                .achievements
                .iter()
                .filter(|a| people.iter().any(|p| p.id == a.person_id))
                .cloned()
                .collect(),
            measures: facts.measures.iter().filter(|m| customer(&m.customer_id)).cloned().collect(),
            labels: facts.labels.clone(),
            associations,
            people,
        })
    }

    /// An engine over the partner's own facts with `changes` made to them.
    fn trial_engine(
        &self,
        own: &Facts,
        changes: &[PlannedChange],
        version: &Version,
    ) -> Result<MetricEngine<'_>, EngineError> {
        MetricEngine::with_catalog(self.catalog, self.program(), carried_out(own, changes, version))
    }

    /// The partner decided on `by` with `changes` made to its own facts.
    fn trial(
        &self,
        own: &Facts,
        changes: &[PlannedChange],
        version: &Version,
        by: Date,
        partner_id: &str,
    ) -> Result<MetricDecision, EngineError> {
        let engine = self.trial_engine(own, changes, version)?;
        Ok(engine.evaluate(by, &[partner_id.to_owned()])?.partners.remove(0))
    }

    /// The changes that could lift each scored metric not at its most points, as the partner
    /// stands in `carried` (its own facts, the changes chosen so far made): a candidate is one
    /// change, or a prerequisite's people and the person who then counts.
    fn candidates(
        &self,
        version: &Version,
        explained: &crate::MetricExplanation,
        carried: &Facts,
        (as_of, by, month_end): (Date, Date, Date),
    ) -> Vec<Vec<PlannedChange>> {
        let catalog = self.catalog;
        let ids =
            |list: &[attain_rules::CredentialIdx]| list.iter().map(|c| catalog.get(*c).id.clone()).collect::<Vec<_>>();
        // The customer already credited that consumption is added to: the one with the most in
        // the month measured, covered by a counting association on its last day.
        let credited: Option<String> = {
            let covered = |id: &str| {
                carried
                    .associations
                    .iter()
                    .any(|a| a.customer_id == id && version.counts(a.kind) && a.covers(month_end))
            };
            let mut totals: Vec<(i128, &str)> = Vec::new();
            for a in carried.associations.iter().filter(|a| covered(&a.customer_id)) {
                if !totals.iter().any(|(_, id)| *id == a.customer_id) {
                    let month = carried.consumption.iter().filter(|r| {
                        r.customer_id == a.customer_id && r.date.first_of_month() == month_end.first_of_month()
                    });
                    totals.push((month.map(|r| r.usd.micros()).sum(), a.customer_id.as_str()));
                }
            }
            totals.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            totals.first().map(|(_, id)| (*id).to_owned())
        };
        let mut out = Vec::new();
        for (metric, evidence) in version.metrics.iter().zip(&explained.evidence) {
            let (Some(rule), Some(points)) = (metric.points, evidence.points) else { continue };
            if points >= rule.max {
                continue;
            }
            let base = base(metric);
            let change = |by: Date, change: PlanChange| PlannedChange { metric: metric.id.clone(), by, change };
            match base {
                Measure::Customers { at_least, .. } if month_end > as_of => {
                    out.push(vec![change(month_end, PlanChange::Customer { usd: *at_least })]);
                }
                Measure::Distinct { column: RowColumn::Service, .. } if month_end > as_of => {
                    if let Some(customer_id) = &credited {
                        out.push(vec![change(month_end, PlanChange::Service { customer_id: customer_id.clone() })]);
                    }
                }
                Measure::Consumption { .. } if month_end > as_of => {
                    if let (Some(customer_id), Some(usd)) = (&credited, money_for_next_points(metric, evidence)) {
                        out.push(vec![change(
                            month_end,
                            PlanChange::Consumption { customer_id: customer_id.clone(), usd },
                        )]);
                    }
                }
                Measure::People { any_of, all_of, prerequisite } if by > as_of => {
                    let mut bundle = Vec::new();
                    if let Some(p) = evidence.prerequisite.as_ref().filter(|p| !p.met) {
                        let needed = prerequisite.as_ref().expect("a prerequisite's status");
                        let (first, rest) = needed.any_of.split_first().expect("listed");
                        for _ in p.people..p.people_required {
                            let person = PlanChange::Person { credentials: ids(&[*first]), or: ids(rest) };
                            bundle.push(change(by, person));
                        }
                    }
                    let person = match all_of.is_empty() {
                        true => {
                            let (first, rest) = any_of.split_first().expect("listed");
                            PlanChange::Person { credentials: ids(&[*first]), or: ids(rest) }
                        }
                        false => PlanChange::Person { credentials: ids(all_of), or: Vec::new() },
                    };
                    bundle.push(change(by, person));
                    out.push(bundle);
                }
                _ => {}
            }
        }
        out
    }
}

/// The most rounds of changes a plan tries before it says the target cannot be reached.
const MAX_CHANGES: usize = 200;

/// The most times one change is repeated to find whether it earns anything.
const MAX_REPEATS: usize = 30;

/// The measure a change or growth compares, or the measure itself.
fn base(metric: &Metric) -> &Measure {
    match &metric.measure {
        Measure::Change { of, .. } | Measure::Growth { of, .. } => of,
        measure => measure,
    }
}

/// The consumption more, in the month measured, that earns a consumption metric (a sum, its
/// change or its growth) its next step of points.
fn money_for_next_points(metric: &Metric, evidence: &crate::MetricEvidence) -> Option<Usd> {
    let rule = metric.points?;
    let value = evidence.value.raw();
    // The least value above this one that earns more points than now (below zero, none do).
    let more_points = (i128::from(evidence.points?.div_euclid(rule.per)) + 1) * rule.every;
    let next = ((value.div_euclid(rule.every) + 1) * rule.every).max(more_points);
    let more = match &metric.measure {
        Measure::Growth { from_at_least, .. } => {
            let (current, earlier) = (evidence.current?.raw(), evidence.earlier?.raw());
            if earlier <= 0 {
                return None;
            }
            // Growth is whole percent rounded down: the least current value that reaches `next`.
            let needed = (earlier + (earlier * next + 99) / 100).max(*from_at_least);
            needed - current
        }
        _ => next - value,
    };
    (more > 0).then_some(Usd(more))
}

/// `own` with `changes` made: new customers (credited through the version's first counting
/// kind), rows, people and their achievements.
fn carried_out(own: &Facts, changes: &[PlannedChange], version: &Version) -> Facts {
    let mut facts = own.clone();
    let partner_id = facts.partners[0].id.clone();
    let kind = version.counting_kinds().next().expect("a version counts some association");
    let mut known = std::collections::HashMap::new();
    for (n, planned) in changes.iter().enumerate() {
        let row = |customer_id: &str, usd: Usd, service: Label| Consumption {
            customer_id: customer_id.to_owned(),
            date: planned.by,
            usd,
            service,
            offer: Label::NONE,
        };
        match &planned.change {
            PlanChange::Customer { usd } => {
                let id = format!("planned customer {}", n + 1);
                facts.associations.push(Association {
                    partner_id: partner_id.clone(),
                    customer_id: id.clone(),
                    kind,
                    start: planned.by.first_of_month(),
                    end: None,
                });
                facts.consumption.push(row(&id, *usd, Label::NONE));
            }
            PlanChange::Service { customer_id } => {
                let service = facts.intern(&mut known, &format!("planned service {}", n + 1));
                // A cent: enough for a service to count as used.
                facts.consumption.push(row(customer_id, Usd(10_000), service));
            }
            PlanChange::Consumption { customer_id, usd } => facts.consumption.push(row(customer_id, *usd, Label::NONE)),
            PlanChange::Person { credentials, .. } => {
                let id = format!("planned person {}", n + 1);
                facts.people.push(Person {
                    id: id.clone(),
                    partner_id: partner_id.clone(),
                    name: id.clone(),
                    joined: None,
                    left: None,
                });
                for credential in credentials {
                    facts.achievements.push(crate::Achievement {
                        person_id: id.clone(),
                        credential: credential.clone(),
                        date: planned.by,
                        expires: None,
                    });
                }
            }
        }
    }
    facts
}
