//! Invariants of programs decided from declared metrics, on random facts against the shipped
//! points-scored program (found by its shape, not its name: the program whose levels score).

use attain_engine::{
    Achievement, Association, AssociationKind, Consumption, Facts, Label, MetricEngine, MetricEvaluation, Partner,
    Person, Usd,
};
use attain_rules::{Program, Rules};
use jiff::civil::{date, Date};
use jiff::ToSpan;
use proptest::prelude::*;
use proptest::sample::select;

fn day(offset: i32) -> Date {
    date(2022, 6, 1).checked_add(offset.days()).unwrap()
}

fn scored(rules: &Rules) -> &Program {
    rules
        .programs
        .iter()
        .find(|p| p.versions.iter().any(|v| v.metric_levels.iter().any(|l| l.score.is_some())))
        .unwrap()
}

/// The shipped rules with the scored program's bar lowered (4 points, none needed per metric, no
/// prerequisite), so that random partners reach the level often and lose it in every way.
fn lowered() -> Rules {
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let dir = std::env::temp_dir().join(format!("attain-metric-properties-{}", std::process::id()));
    for sub in ["catalog", "programs"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(shipped.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text
                .replace(
                    "score = { total = 70, each_metric_at_least = 1 }",
                    "score = { total = 4, each_metric_at_least = 0 }",
                )
                .replace("prerequisite = { people = 2,", "prerequisite = { people = 0,");
            std::fs::write(dir.join(sub).join(path.file_name().unwrap()), text).unwrap();
        }
    }
    let rules = Rules::from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(scored(&rules).versions[0].metric_levels[0].score.unwrap().total, 4, "the bar was lowered");
    rules
}

// The prerequisites and listed certifications, one that retires, and one no metric lists.
const CREDENTIALS: [&str; 8] = [
    "certification:azure-administrator-associate",
    "certification:azure-administrator-associate",
    "certification:azure-solutions-architect-expert",
    "certification:azure-solutions-architect-expert",
    "certification:azure-network-engineer-associate",
    "certification:azure-stack-hub-operator-associate",
    "certification:azure-virtual-desktop-specialty",
    "exam:70-533",
];

const SERVICES: [&str; 5] = ["", "Virtual Machines", "Azure Kubernetes Service", "Storage", "Azure SQL Database"];
const OFFERS: [&str; 4] = ["", "", "Trial", "Support"];

prop_compose! {
    fn association()(p in 0..2usize, c in 0..4usize, kind in select(AssociationKind::ALL.to_vec()), start in 0..500i32, len in proptest::option::of(100..900i32)) -> Association {
        Association { partner_id: format!("P{p}"), customer_id: format!("C{c}"), kind, start: day(start), end: len.map(|l| day(start + l)) }
    }
}

prop_compose! {
    fn row()(c in 0..5usize, d in 0..1000i32, cents in -50_000i64..400_000, service in 0..SERVICES.len(), offer in 0..OFFERS.len()) -> (String, Date, i64, usize, usize) {
        (format!("C{c}"), day(d), cents, service, offer)
    }
}

prop_compose! {
    fn person(id: usize)(p in 0..2usize, joined in proptest::option::weighted(0.3, 0..900i32), stay in proptest::option::weighted(0.3, 0..800i32)) -> Person {
        Person { id: format!("E{id}"), partner_id: format!("P{p}"), name: format!("Person {id}"), joined: joined.map(day), left: stay.map(|s| day(joined.unwrap_or(0) + s)) }
    }
}

prop_compose! {
    fn achievement(people: usize)(who in 0..people, credential in select(CREDENTIALS.to_vec()), d in 0..1000i32, lasts in proptest::option::weighted(0.3, 0..700i32)) -> Achievement {
        Achievement { person_id: format!("E{who}"), credential: credential.into(), date: day(d), expires: lasts.map(|l| day(d + l)) }
    }
}

prop_compose! {
    fn facts()(
        associations in proptest::collection::vec(association(), 0..8),
        rows in proptest::collection::vec(row(), 0..120),
        people in (person(0), person(1), person(2), person(3), person(4), person(5)),
        achievements in proptest::collection::vec(achievement(6), 0..30),
    ) -> Facts {
        let mut facts = Facts {
            partners: (0..2).map(|i| Partner { id: format!("P{i}"), name: format!("Partner {i}"), country: "US".into(), market: None }).collect(),
            associations,
            people: vec![people.0, people.1, people.2, people.3, people.4, people.5],
            achievements,
            ..Facts::default()
        };
        let mut known = std::collections::HashMap::new();
        for (customer_id, date, cents, service, offer) in rows {
            let service = facts.intern(&mut known, SERVICES[service]);
            let offer = facts.intern(&mut known, OFFERS[offer]);
            facts.consumption.push(Consumption { customer_id, date, usd: Usd(i128::from(cents) * 10_000), service, offer });
        }
        facts
    }
}

fn as_of() -> impl Strategy<Value = Date> {
    // From 2023-06-13, the first day the version is in force, into the data's last months.
    (377..1000i32).prop_map(day)
}

fn evaluate(rules: &Rules, facts: Facts, as_of: Date) -> MetricEvaluation {
    MetricEngine::new(rules, scored(rules), facts).unwrap().evaluate(as_of, &[]).unwrap()
}

fn json(e: &MetricEvaluation) -> String {
    serde_json::to_string(e).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    /// SPEC 4.8 taken literally: every day after the as-of date, up to 13 months after the first
    /// of its month, decided again on the facts dated up to the as-of date; the first day with a
    /// lower level is `drops_on`. The engine looks only at the days a standing can change on.
    #[test]
    fn drops_on_is_the_first_lower_day(facts in facts(), as_of in as_of(), low in any::<bool>()) {
        let rules = if low { lowered() } else { Rules::embedded().unwrap() };
        let decided = evaluate(&rules, facts.clone(), as_of);
        let mut recorded = facts;
        recorded.consumption.retain(|r| r.date <= as_of);
        recorded.achievements.retain(|a| a.date <= as_of);
        let engine = MetricEngine::new(&rules, scored(&rules), recorded).unwrap();
        let horizon = as_of.first_of_month().checked_add(13.months()).unwrap();
        for d in &decided.partners {
            let mut expected = None;
            if d.level != "none" {
                let mut next = as_of.tomorrow().unwrap();
                while next <= horizon {
                    let later = engine.evaluate(next, std::slice::from_ref(&d.partner_id)).unwrap();
                    if later.partners[0].level == "none" {
                        expected = Some(next);
                        break;
                    }
                    next = next.tomorrow().unwrap();
                }
            }
            prop_assert_eq!(d.drops_on, expected, "{}", d.partner_id);
        }
    }

    #[test]
    fn permuting_input_rows_changes_nothing(facts in facts(), as_of in as_of(), seed in any::<u64>()) {
        let rules = Rules::embedded().unwrap();
        let expected = json(&evaluate(&rules, facts.clone(), as_of));
        let facts_again = facts.clone();
        let mut shuffled = facts;
        let mut rng = seed | 1;
        let mut next = move |n: usize| { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; (rng % n.max(1) as u64) as usize };
        macro_rules! shuffle { ($v:expr) => { for i in (1..$v.len()).rev() { let j = next(i + 1); $v.swap(i, j); } } }
        shuffle!(shuffled.partners);
        shuffle!(shuffled.associations);
        shuffle!(shuffled.consumption);
        shuffle!(shuffled.people);
        shuffle!(shuffled.achievements);
        let explained = |facts: Facts| {
            let engine = MetricEngine::new(&rules, scored(&rules), facts).unwrap();
            ["P0", "P1"].map(|p| serde_json::to_string(&engine.explain(p, as_of).unwrap()).unwrap())
        };
        prop_assert_eq!(explained(shuffled.clone()), explained(facts_again));
        prop_assert_eq!(json(&evaluate(&rules, shuffled, as_of)), expected);
    }

    /// The score is the sum of the points, each within 0 and its metric's cap, and the level is
    /// designated exactly when the score rule holds.
    #[test]
    fn the_score_is_the_points_and_decides_the_level(facts in facts(), as_of in as_of()) {
        let rules = Rules::embedded().unwrap();
        let program = scored(&rules);
        let version = program.version_on(as_of).unwrap();
        let rule = version.metric_levels[0].score.unwrap();
        for d in evaluate(&rules, facts, as_of).partners {
            let points: Vec<i64> = d.points.0.iter().map(|(_, p)| *p).collect();
            prop_assert_eq!(d.score, Some(points.iter().sum::<i64>()));
            for (metric, (_, p)) in version.metrics.iter().zip(&d.points.0) {
                prop_assert!((0..=metric.points.unwrap().max).contains(p));
            }
            let met = d.score.unwrap() >= rule.total && points.iter().all(|p| *p >= rule.each_at_least);
            prop_assert_eq!(d.level == program.levels[0].id, met);
        }
    }

    /// Rows of offers the version leaves out, and associations of kinds that do not count, change nothing.
    #[test]
    fn excluded_rows_and_kinds_change_nothing(facts in facts(), as_of in as_of(), extra in row(), link in association(), kind in select(vec![AssociationKind::Tpor, AssociationKind::Dap])) {
        let rules = Rules::embedded().unwrap();
        let expected = json(&evaluate(&rules, facts.clone(), as_of));
        let mut more = facts;
        let mut known = std::collections::HashMap::new();
        let trial = more.intern(&mut known, "Trial");
        let (customer_id, date, cents, _, _) = extra;
        more.consumption.push(Consumption { customer_id, date, usd: Usd(i128::from(cents) * 10_000), service: Label::NONE, offer: trial });
        more.associations.push(Association { kind, ..link });
        prop_assert_eq!(json(&evaluate(&rules, more, as_of)), expected);
    }
}

/// A change of people is measured against the day as many months earlier, so the standing moves
/// again that long after each achievement: a person certified on 2023-08-15 makes "one more than a
/// year ago" until 2024-08-14, and the level drops on 2024-08-15, not at a month's start.
#[test]
fn a_change_of_people_drops_a_year_after_the_achievement() {
    let dir = std::env::temp_dir().join(format!("attain-metric-change-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("catalog")).unwrap();
    std::fs::create_dir_all(dir.join("programs")).unwrap();
    std::fs::write(dir.join("catalog/c.toml"), "[[credential]]\nid = \"exam:x\"\ntitle = \"X\"\n").unwrap();
    std::fs::write(
        dir.join("programs/p.toml"),
        "id = \"p\"\nname = \"P\"\noption = { id = \"o\", name = \"O\" }\nlevels = [{ id = \"up\", name = \"Up\" }]\n\n\
         [[versions]]\nid = \"v\"\neffective = 2020-01-01\nwindow = { months = 12, align = \"month\" }\n\
         counting_associations = [\"DPOR\"]\n\n[[versions.metrics]]\nid = \"certified_added\"\n\
         measure = { kind = \"people\", any_of = [\"exam:x\"], change = { months = 12 } }\n\n\
         [versions.levels.up]\nat_least = { certified_added = 1 }\n",
    )
    .unwrap();
    let rules = Rules::from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let facts = Facts {
        partners: vec![Partner { id: "P".into(), name: "P".into(), country: "US".into(), market: None }],
        people: vec![Person { id: "A".into(), partner_id: "P".into(), name: "A".into(), joined: None, left: None }],
        achievements: vec![Achievement {
            person_id: "A".into(),
            credential: "exam:x".into(),
            date: date(2023, 8, 15),
            expires: None,
        }],
        ..Facts::default()
    };
    let engine = MetricEngine::new(&rules, &rules.programs[0], facts).unwrap();
    let decided = engine.evaluate(date(2024, 7, 20), &[]).unwrap();
    assert_eq!(decided.partners[0].level, "up");
    assert_eq!(decided.partners[0].drops_on, Some(date(2024, 8, 15)));
}
