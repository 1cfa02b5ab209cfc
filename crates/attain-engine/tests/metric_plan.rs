//! Plans for the Solutions Partner designation (a score of metrics) on hand-built situations, each
//! checked by deciding again with the plan carried out: the designation must then be held on the
//! day. The plan counts each metric's steps apart, so it is the smallest by that count (one step
//! fewer of any metric falls short, checked here); carried out, a step may also lift another
//! metric (a new customer's consumption raises usage growth), which can only add points.

use attain_engine::{
    Achievement, Association, AssociationKind, Consumption, Facts, Label, MetricEngine, MetricPlan, Partner, Person,
    Usd,
};
use attain_rules::{LevelIdx, Rules};
use jiff::civil::{date, Date};

const PARTNER: &str = "P1";
const PROGRAM: &str = "solutions-partner-infrastructure";
const AS_OF: Date = date(2024, 7, 31);
const DESIGNATED: LevelIdx = LevelIdx(0);

const ADMIN: &str = "certification:azure-administrator-associate";
const NETWORK: &str = "certification:azure-network-engineer-associate";
const ARCHITECT: &str = "certification:azure-solutions-architect-expert";
const DESKTOP: &str = "certification:azure-virtual-desktop-specialty";

fn csp(customer: &str, start: Date) -> Association {
    Association {
        partner_id: PARTNER.into(),
        customer_id: customer.into(),
        kind: AssociationKind::Csp,
        start,
        end: None,
    }
}

/// A row of `dollars` of `service`, its label added to the facts.
fn row(facts: &mut Facts, customer: &str, day: Date, dollars: i128, service: &str) {
    let mut known = facts.labels.iter().enumerate().map(|(i, l)| (l.clone(), Label(i as u32 + 1))).collect();
    let service = facts.intern(&mut known, service);
    facts.consumption.push(Consumption {
        customer_id: customer.into(),
        date: day,
        usd: Usd(dollars * 1_000_000),
        service,
        offer: Label::NONE,
    });
}

/// Monthly rows on the 10th from `first` through `last`.
fn monthly(facts: &mut Facts, customer: &str, (first, last): (Date, Date), dollars: i128, service: &str) {
    let mut day = first.first_of_month().saturating_add(jiff::Span::new().days(9));
    while day <= last {
        row(facts, customer, day, dollars, service);
        day = day.saturating_add(jiff::Span::new().months(1));
    }
}

fn person(facts: &mut Facts, id: &str, credentials: &[&str], day: Date) {
    facts.people.push(Person {
        id: id.into(),
        partner_id: PARTNER.into(),
        name: format!("Person {id}"),
        joined: None,
        left: None,
    });
    for c in credentials {
        facts.achievements.push(Achievement {
            person_id: id.into(),
            credential: (*c).into(),
            date: day,
            expires: None,
        });
    }
}

/// A US partner with three customers (two of them a year longer), three services and growth in
/// consumption, two administrators (one also a network engineer) and two architects (one also
/// certified for Virtual Desktop).
fn base() -> Facts {
    let mut facts = Facts {
        partners: vec![Partner { id: PARTNER.into(), name: "Partner One".into(), country: "US".into(), market: None }],
        associations: vec![csp("C1", date(2022, 1, 1)), csp("C2", date(2022, 1, 1)), csp("C3", date(2023, 9, 1))],
        ..Facts::default()
    };
    monthly(&mut facts, "C1", (date(2022, 7, 1), AS_OF), 1_500, "Storage");
    monthly(&mut facts, "C2", (date(2022, 7, 1), AS_OF), 1_200, "Azure SQL Database");
    monthly(&mut facts, "C3", (date(2023, 9, 1), AS_OF), 1_100, "Azure Kubernetes Service");
    let long_ago = date(2022, 1, 15);
    person(&mut facts, "E1", &[ADMIN, NETWORK], long_ago);
    person(&mut facts, "E2", &[ADMIN], long_ago);
    person(&mut facts, "E3", &[ARCHITECT, DESKTOP], long_ago);
    person(&mut facts, "E4", &[ARCHITECT], long_ago);
    facts
}

fn engine<'r>(rules: &'r Rules, facts: &Facts) -> MetricEngine<'r> {
    MetricEngine::new(rules, rules.program(PROGRAM).unwrap(), facts.clone()).unwrap()
}

fn plan(facts: &Facts, by: Date) -> MetricPlan {
    let rules = Rules::embedded().unwrap();
    engine(&rules, facts).plan(PARTNER, DESIGNATED, AS_OF, by).unwrap()
}

fn decided(facts: &Facts, by: Date) -> (String, Option<i64>) {
    let rules = Rules::embedded().unwrap();
    let d = engine(&rules, facts).evaluate(by, &[PARTNER.to_owned()]).unwrap().partners.remove(0);
    (d.level, d.score)
}

/// The facts with the plan's chosen steps carried out, but for `short` (a metric that takes one
/// step fewer).
fn carried_out(facts: &Facts, plan: &MetricPlan, short: Option<&str>) -> Facts {
    let mut facts = facts.clone();
    for m in &plan.metrics {
        let chosen = m.chosen - usize::from(short == Some(m.metric.as_str()) && m.chosen > 0);
        let Some(step) = chosen.checked_sub(1).map(|i| &m.steps[i]) else { continue };
        let day = m.last_day;
        match m.grows {
            "customers" => {
                for i in 0..step.add.raw() {
                    let id = format!("NEW-{}-{i}", m.metric);
                    facts.associations.push(csp(&id, date(2022, 1, 1)));
                    row(&mut facts, &id, day, 1_000, "Storage");
                }
            }
            "distinct" => {
                for i in 0..step.add.raw() {
                    row(&mut facts, "C1", day, 10, &format!("Service {i}"));
                }
            }
            "consumption" => {
                let micros = step.add.raw();
                facts.consumption.push(Consumption {
                    customer_id: "C1".into(),
                    date: day,
                    usd: Usd(micros),
                    service: Label::NONE,
                    offer: Label::NONE,
                });
            }
            "people" => {
                let (credential, prerequisite) =
                    if m.metric == "intermediate_certifications" { (NETWORK, ADMIN) } else { (DESKTOP, ARCHITECT) };
                for i in 0..m.prerequisite_gap {
                    person(&mut facts, &format!("PRE-{}-{i}", m.metric), &[prerequisite], day);
                }
                for i in 0..step.add.raw() {
                    person(&mut facts, &format!("NEW-{}-{i}", m.metric), &[credential], day);
                }
            }
            other => panic!("no step of {other} in this program"),
        }
    }
    facts
}

/// Carries the plan out and decides again: designated on `by`. By the plan's own count, one step
/// fewer of any metric it raises falls short of the score or of that metric's least points.
fn holds(facts: &Facts, plan: &MetricPlan) {
    assert!(plan.reachable, "{plan:#?}");
    let (level, score) = decided(&carried_out(facts, plan, None), plan.by);
    assert_eq!(level, "designated", "with the plan carried out (score {score:?}):\n{plan:#?}");
    let points =
        |m: &attain_engine::MetricSteps, chosen: usize| chosen.checked_sub(1).map_or(m.points, |i| m.steps[i].points);
    let rule = plan.score.as_ref().unwrap();
    let planned: i64 = plan.metrics.iter().map(|m| points(m, m.chosen)).sum();
    assert!(planned >= rule.required);
    for m in plan.metrics.iter().filter(|m| m.chosen > 0) {
        let fewer = planned - points(m, m.chosen) + points(m, m.chosen - 1);
        assert!(
            fewer < rule.required || points(m, m.chosen - 1) < rule.each_metric_at_least,
            "one step fewer of {} still reaches the designation by the plan's count",
            m.metric
        );
    }
}

fn chosen(plan: &MetricPlan) -> Vec<(&str, usize)> {
    plan.metrics.iter().filter(|m| m.chosen > 0).map(|m| (m.metric.as_str(), m.chosen)).collect()
}

#[test]
fn the_base_situation_as_decided() {
    let facts = base();
    assert_eq!(decided(&facts, AS_OF), ("none".to_owned(), Some(44)));
}

#[test]
fn people_alone_cannot_reach_it_by_the_as_of_date() {
    // By the as-of date itself the month measured is over: only people can still change.
    let p = plan(&base(), AS_OF);
    assert!(p.metrics.iter().filter(|m| m.grows != "people").all(|m| m.steps.is_empty()), "{p:#?}");
    assert!(!p.reachable);
}

#[test]
fn a_quarter_ahead_every_kind_of_step_counts() {
    let facts = base();
    let p = plan(&facts, date(2024, 10, 15));
    assert_eq!(p.score.as_ref().unwrap().required, 70);
    // Consumption is measured in September, the last complete month before the day.
    let growth = p.metrics.iter().find(|m| m.metric == "usage_growth").unwrap();
    assert_eq!(growth.last_day, date(2024, 9, 30));
    let people = p.metrics.iter().find(|m| m.metric == "advanced_certifications").unwrap();
    assert_eq!(people.last_day, date(2024, 10, 15));
    holds(&facts, &p);
}

#[test]
fn already_designated_needs_nothing() {
    let mut facts = base();
    for i in 0..4 {
        person(&mut facts, &format!("X{i}"), &[NETWORK, DESKTOP], date(2023, 1, 1));
    }
    let p = plan(&facts, AS_OF);
    assert!(p.met, "{p:#?}");
    assert!(chosen(&p).is_empty());
}

#[test]
fn a_missing_prerequisite_is_part_of_the_step() {
    let mut facts = base();
    facts.achievements.retain(|a| !(a.person_id == "E2" && a.credential == ADMIN));
    let p = plan(&facts, date(2024, 10, 15));
    let intermediate = p.metrics.iter().find(|m| m.metric == "intermediate_certifications").unwrap();
    assert_eq!((intermediate.points, intermediate.prerequisite_gap), (0, 1), "{intermediate:#?}");
    assert!(intermediate.chosen >= 1, "a metric at no points must reach its least points");
    holds(&facts, &p);
}

#[test]
fn a_metric_at_its_most_offers_no_step() {
    let mut facts = base();
    for s in ["Functions", "App Service", "Cosmos DB", "Key Vault"] {
        monthly(&mut facts, "C1", (date(2024, 1, 1), AS_OF), 50, s);
    }
    let p = plan(&facts, date(2024, 10, 15));
    let deployments = p.metrics.iter().find(|m| m.metric == "deployments").unwrap();
    assert!(deployments.steps.iter().all(|s| s.points <= 10));
    holds(&facts, &p);
}

#[test]
fn growth_without_an_earlier_year_cannot_be_planned() {
    let mut facts = base();
    // Rows of the twelve months measured on 2024-10-15 only: no earlier consumption to grow from.
    facts.consumption.retain(|c| c.date >= date(2023, 10, 1));
    let p = plan(&facts, date(2024, 10, 15));
    let growth = p.metrics.iter().find(|m| m.metric == "usage_growth").unwrap();
    assert!(growth.steps.is_empty(), "{growth:#?}");
    assert!(!p.reachable, "usage growth must earn at least a point");
}

#[test]
fn a_small_gap_takes_one_step() {
    let mut facts = base();
    for i in 0..3 {
        person(&mut facts, &format!("X{i}"), &[NETWORK, DESKTOP], date(2023, 1, 1));
    }
    let (_, score) = decided(&facts, date(2024, 10, 15));
    let p = plan(&facts, date(2024, 10, 15));
    let steps: usize = chosen(&p).iter().map(|(_, n)| n).sum();
    assert!(score.unwrap() < 70 && steps <= 3, "{score:?}: {:?}", chosen(&p));
    holds(&facts, &p);
}

#[test]
fn keeping_the_designation_when_the_months_move_on() {
    let mut facts = base();
    for i in 0..4 {
        person(&mut facts, &format!("X{i}"), &[NETWORK, DESKTOP], date(2023, 1, 1));
    }
    assert_eq!(decided(&facts, AS_OF).0, "designated");
    // In November the months measured hold no consumption yet.
    let by = date(2024, 11, 1);
    assert_eq!(decided(&facts, by).0, "none");
    let p = plan(&facts, by);
    assert!(!p.met);
    holds(&facts, &p);
}

#[test]
fn the_steps_that_gain_most_come_first() {
    let facts = base();
    let p = plan(&facts, date(2024, 10, 15));
    // Net customer adds earn ten points a customer: the plan takes them before four-point people.
    let adds = p.metrics.iter().find(|m| m.metric == "net_customer_adds").unwrap();
    assert_eq!(adds.chosen, adds.steps.len(), "{p:#?}");
    holds(&facts, &p);
}
