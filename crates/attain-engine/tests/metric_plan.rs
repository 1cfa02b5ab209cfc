//! Plans for the Solutions Partner designation (a score of metrics) on hand-built situations, each
//! checked by deciding again with the plan carried out here, in the test's own way: the
//! designation must then be held on the day, and every plan with one change fewer must fall short.

use attain_engine::{
    Achievement, Association, AssociationKind, Consumption, Facts, Label, MetricEngine, MetricPlan, Partner, Person,
    PlanChange, Usd,
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

/// The facts with the plan's changes carried out but for the change at `skip`.
fn carried_out(facts: &Facts, plan: &MetricPlan, skip: Option<usize>) -> Facts {
    let mut facts = facts.clone();
    for (i, c) in plan.changes.iter().enumerate().filter(|(i, _)| Some(*i) != skip) {
        match &c.change {
            PlanChange::Customer { usd } => {
                let id = format!("NEW-{i}");
                facts.associations.push(csp(&id, date(2022, 1, 1)));
                facts.consumption.push(Consumption {
                    customer_id: id,
                    date: c.by,
                    usd: *usd,
                    service: Label::NONE,
                    offer: Label::NONE,
                });
            }
            PlanChange::Service { customer_id } => {
                let mut known =
                    facts.labels.iter().enumerate().map(|(i, l)| (l.clone(), Label(i as u32 + 1))).collect();
                let service = facts.intern(&mut known, &format!("New service {i}"));
                facts.consumption.push(Consumption {
                    customer_id: customer_id.clone(),
                    date: c.by,
                    usd: Usd(10_000),
                    service,
                    offer: Label::NONE,
                });
            }
            PlanChange::Consumption { customer_id, usd } => {
                facts.consumption.push(Consumption {
                    customer_id: customer_id.clone(),
                    date: c.by,
                    usd: *usd,
                    service: Label::NONE,
                    offer: Label::NONE,
                });
            }
            PlanChange::Person { credentials, .. } => {
                let held: Vec<&str> = credentials.iter().map(String::as_str).collect();
                person(&mut facts, &format!("NEW-{i}"), &held, c.by);
            }
        }
    }
    facts
}

/// Carries the plan out and decides again: designated on `by`; every plan with one change fewer
/// falls short.
fn holds(facts: &Facts, plan: &MetricPlan) {
    assert!(plan.head.reachable, "{plan:#?}");
    let (level, score) = decided(&carried_out(facts, plan, None), plan.head.by);
    assert_eq!(level, "designated", "with the plan carried out (score {score:?}):\n{plan:#?}");
    for (i, c) in plan.changes.iter().enumerate() {
        let (level, score) = decided(&carried_out(facts, plan, Some(i)), plan.head.by);
        assert_eq!(level, "none", "without {c:?} the plan still reaches the designation (score {score:?})");
    }
}

/// How many changes the plan makes for each metric.
fn per_metric(plan: &MetricPlan) -> Vec<(&str, usize)> {
    let mut out: Vec<(&str, usize)> = Vec::new();
    for c in &plan.changes {
        match out.iter_mut().find(|(m, _)| *m == c.metric) {
            Some(entry) => entry.1 += 1,
            None => out.push((c.metric.as_str(), 1)),
        }
    }
    out
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
    assert!(p.changes.iter().all(|c| matches!(c.change, PlanChange::Person { .. })), "{p:#?}");
    assert!(!p.head.reachable);
}

#[test]
fn a_quarter_ahead_every_kind_of_step_counts() {
    let facts = base();
    let p = plan(&facts, date(2024, 10, 15));
    assert_eq!(p.score.as_ref().unwrap().required, 70);
    // Consumption is measured in September, the last complete month before the day; people on it.
    for c in &p.changes {
        let by = if matches!(c.change, PlanChange::Person { .. }) { date(2024, 10, 15) } else { date(2024, 9, 30) };
        assert_eq!(c.by, by, "{c:?}");
    }
    holds(&facts, &p);
}

#[test]
fn already_designated_needs_nothing() {
    let mut facts = base();
    for i in 0..4 {
        person(&mut facts, &format!("X{i}"), &[NETWORK, DESKTOP], date(2023, 1, 1));
    }
    let p = plan(&facts, AS_OF);
    assert!(p.head.met, "{p:#?}");
    assert!(p.changes.is_empty());
}

#[test]
fn a_missing_prerequisite_is_part_of_the_step() {
    let mut facts = base();
    facts.achievements.retain(|a| !(a.person_id == "E2" && a.credential == ADMIN));
    let p = plan(&facts, date(2024, 10, 15));
    let intermediate = p.metrics.iter().find(|m| m.metric == "intermediate_certifications").unwrap();
    assert_eq!(intermediate.points, 0, "{intermediate:#?}");
    assert!(intermediate.with_plan >= 1, "a metric at no points must reach its least points");
    // The administrator the prerequisite asks for comes before the engineer who then counts.
    let admin = p
        .changes
        .iter()
        .position(|c| matches!(&c.change, PlanChange::Person { credentials, .. } if credentials == &[ADMIN]));
    let engineer = p
        .changes
        .iter()
        .position(|c| matches!(&c.change, PlanChange::Person { credentials, .. } if credentials == &[NETWORK]));
    assert!(admin.is_some() && admin < engineer, "{p:#?}");
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
    assert_eq!((deployments.points, deployments.max_points), (10, 10));
    assert!(!p.changes.iter().any(|c| c.metric == "deployments"), "{p:#?}");
    holds(&facts, &p);
}

#[test]
fn growth_without_an_earlier_year_cannot_be_planned() {
    let mut facts = base();
    // Rows of the twelve months measured on 2024-10-15 only: no earlier consumption to grow from.
    facts.consumption.retain(|c| c.date >= date(2023, 10, 1));
    let p = plan(&facts, date(2024, 10, 15));
    assert!(!p.changes.iter().any(|c| c.metric == "usage_growth"), "{p:#?}");
    assert!(!p.head.reachable, "usage growth must earn at least a point");
}

#[test]
fn a_small_gap_takes_few_changes() {
    let mut facts = base();
    for i in 0..3 {
        person(&mut facts, &format!("X{i}"), &[NETWORK, DESKTOP], date(2023, 1, 1));
    }
    let (_, score) = decided(&facts, date(2024, 10, 15));
    let p = plan(&facts, date(2024, 10, 15));
    assert!(score.unwrap() < 70, "{score:?}");
    assert!(p.changes.len() <= 5, "{:?}", per_metric(&p));
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
    assert!(!p.head.met);
    holds(&facts, &p);
}

#[test]
fn a_customer_measure_below_zero_takes_several_customers() {
    let facts = base();
    let by = date(2024, 10, 15);
    // Nothing credited in August and September yet: net customer adds fall below zero, so a
    // first new customer alone earns nothing.
    let p = plan(&facts, by);
    let adds: Vec<_> = p.changes.iter().filter(|c| c.metric == "net_customer_adds").collect();
    let outlook = p.metrics.iter().find(|m| m.metric == "net_customer_adds").unwrap();
    assert_eq!(outlook.points, 0);
    assert!(adds.len() >= 3 || outlook.with_plan == 0, "{p:#?}");
    let with_plan: i64 = p.metrics.iter().map(|m| m.with_plan).sum();
    assert!(with_plan >= 70, "{with_plan}");
    holds(&facts, &p);
}

#[test]
fn more_days_and_partners() {
    let without_architect = {
        let mut facts = base();
        facts.achievements.retain(|a| !(a.person_id == "E4" && a.credential == ARCHITECT));
        facts
    };
    let one_customer_less = {
        let mut facts = base();
        facts.associations.retain(|a| a.customer_id != "C3");
        facts
    };
    let situations = [
        ("a month and a half ahead", base(), date(2024, 9, 15)),
        ("at the end of the year", base(), date(2024, 12, 31)),
        ("in the spring", base(), date(2025, 3, 31)),
        ("with one architect: the advanced prerequisite unmet", without_architect, date(2024, 10, 15)),
        ("with a customer fewer", one_customer_less, date(2024, 11, 30)),
    ];
    for (what, facts, by) in situations {
        let p = plan(&facts, by);
        assert!(!p.head.met, "{what}");
        eprintln!("{what}: {:?}", per_metric(&p));
        holds(&facts, &p);
    }
}
