//! Invariants of the decision, checked on random facts against the shipped Cloud Platform rules.

use attain_engine::{
    Achievement, Association, AssociationKind, Consumption, Engine, Evaluation, Facts, Label, Partner, Person, Usd,
};
use attain_rules::Rules;
use jiff::civil::{date, Date};
use jiff::ToSpan;
use proptest::prelude::*;
use proptest::sample::select;

fn day(offset: i32) -> Date {
    date(2016, 6, 1).checked_add(offset.days()).unwrap()
}

// Mostly qualifying credentials, with the 70-534/70-535 transition and some that never count.
const CREDENTIALS: [&str; 8] = [
    "exam:70-533",
    "exam:70-534",
    "exam:70-534",
    "exam:70-535",
    "exam:70-535",
    "assessment:13736",
    "exam:70-347",
    "exam:MB2-716",
];

prop_compose! {
    fn partner(id: usize)(country in select(vec!["US", "IN", "KR", "BR"]), market in select(vec![None, Some("developed"), Some("emerging")])) -> Partner {
        Partner { id: format!("P{id}"), name: format!("Partner {id}"), country: country.into(), market: market.map(|m| m.parse().unwrap()) }
    }
}

prop_compose! {
    fn association()(p in 0..3usize, c in 0..4usize, kind in select(AssociationKind::ALL.to_vec()), start in 0..700i32, len in proptest::option::of(100..900i32)) -> Association {
        Association { partner_id: format!("P{p}"), customer_id: format!("C{c}"), kind, start: day(start), end: len.map(|l| day(start + l)) }
    }
}

prop_compose! {
    fn row()(c in 0..5usize, d in 0..1200i32, cents in -200_000i64..6_000_000) -> Consumption {
        Consumption { customer_id: format!("C{c}"), date: day(d), usd: Usd(i128::from(cents) * 10_000), service: Label::NONE, offer: Label::NONE }
    }
}

prop_compose! {
    fn person(id: usize)(p in 0..3usize, joined in proptest::option::weighted(0.4, 0..1000i32), stay in proptest::option::weighted(0.4, 0..900i32)) -> Person {
        Person { id: format!("E{id}"), partner_id: format!("P{p}"), name: format!("Person {id}"), joined: joined.map(day), left: stay.map(|s| day(joined.unwrap_or(0) + s)) }
    }
}

prop_compose! {
    fn achievement(people: usize)(who in 0..people, credential in select(CREDENTIALS.to_vec()), d in 0..1200i32) -> Achievement {
        Achievement { person_id: format!("E{who}"), credential: credential.into(), date: day(d), expires: None }
    }
}

prop_compose! {
    fn facts()(
        partners in (partner(0), partner(1), partner(2)),
        associations in proptest::collection::vec(association(), 2..10),
        consumption in proptest::collection::vec(row(), 0..60),
        people in (person(0), person(1), person(2), person(3), person(4)),
        achievements in proptest::collection::vec(achievement(5), 0..16),
    ) -> Facts {
        Facts {
            partners: vec![partners.0, partners.1, partners.2],
            associations,
            consumption,
            people: vec![people.0, people.1, people.2, people.3, people.4],
            achievements,
            ..Facts::default()
        }
    }
}

fn as_of() -> impl Strategy<Value = Date> {
    // From 2017-07-07, the first day a version is in force.
    (401..1130i32).prop_map(day)
}

fn evaluate(rules: &Rules, facts: Facts, as_of: Date) -> Evaluation {
    let program = rules.program("cloud-platform").unwrap();
    Engine::new(rules, program, facts).unwrap().evaluate(as_of, &[]).unwrap()
}

fn json(e: &Evaluation) -> String {
    serde_json::to_string(e).unwrap()
}

fn rank(level: &str) -> usize {
    ["none", "silver", "gold"].iter().position(|l| *l == level).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn permuting_input_rows_changes_nothing(facts in facts(), as_of in as_of(), seed in any::<u64>()) {
        let rules = Rules::embedded().unwrap();
        let expected = json(&evaluate(&rules, facts.clone(), as_of));
        let mut shuffled = facts;
        let mut rng = seed;
        let mut next = move |n: usize| { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; (rng % n.max(1) as u64) as usize };
        macro_rules! shuffle { ($v:expr) => { for i in (1..$v.len()).rev() { let j = next(i + 1); $v.swap(i, j); } } }
        shuffle!(shuffled.partners);
        shuffle!(shuffled.associations);
        shuffle!(shuffled.consumption);
        shuffle!(shuffled.people);
        shuffle!(shuffled.achievements);
        prop_assert_eq!(json(&evaluate(&rules, shuffled, as_of)), expected);
    }

    #[test]
    fn splitting_a_consumption_row_changes_nothing(facts in facts(), as_of in as_of(), which in any::<prop::sample::Index>(), part in -1_000_000i128..5_000_000_000) {
        prop_assume!(!facts.consumption.is_empty());
        let rules = Rules::embedded().unwrap();
        let expected = json(&evaluate(&rules, facts.clone(), as_of));
        let mut split = facts;
        let i = which.index(split.consumption.len());
        let mut second = split.consumption[i].clone();
        second.usd = Usd(split.consumption[i].usd.micros() - part);
        split.consumption[i].usd = Usd(part);
        split.consumption.push(second);
        prop_assert_eq!(json(&evaluate(&rules, split, as_of)), expected);
    }

    #[test]
    fn adding_a_dap_association_changes_nothing(facts in facts(), as_of in as_of(), extra in association()) {
        let rules = Rules::embedded().unwrap();
        let expected = json(&evaluate(&rules, facts.clone(), as_of));
        let mut more = facts;
        more.associations.push(Association { kind: AssociationKind::Dap, ..extra });
        prop_assert_eq!(json(&evaluate(&rules, more, as_of)), expected);
    }

    #[test]
    fn removing_a_credential_never_raises_a_level(facts in facts(), as_of in as_of(), which in any::<prop::sample::Index>()) {
        prop_assume!(!facts.achievements.is_empty());
        let rules = Rules::embedded().unwrap();
        let before = evaluate(&rules, facts.clone(), as_of);
        let mut fewer = facts;
        fewer.achievements.remove(which.index(fewer.achievements.len()));
        let after = evaluate(&rules, fewer, as_of);
        for (b, a) in before.partners.iter().zip(&after.partners) {
            prop_assert!(rank(&a.level) <= rank(&b.level), "{} rose from {} to {}", a.partner_id, b.level, a.level);
        }
    }

    #[test]
    fn the_months_of_the_window_add_up_to_the_decisions_consumption(facts in facts(), as_of in as_of()) {
        let rules = Rules::embedded().unwrap();
        let program = rules.program("cloud-platform").unwrap();
        let engine = Engine::new(&rules, program, facts).unwrap();
        for decision in engine.evaluate(as_of, &[]).unwrap().partners {
            let explanation = engine.explain(&decision.partner_id, as_of).unwrap();
            let in_window: i128 =
                explanation.monthly.iter().filter(|m| m.in_window).map(|m| m.credited_usd.micros()).sum();
            prop_assert_eq!(in_window, decision.consumption_usd.micros());
            prop_assert_eq!(explanation.monthly.iter().filter(|m| m.in_window).count(), 12);
            prop_assert!(explanation.monthly.windows(2).all(|w| w[0].month < w[1].month));
            prop_assert!(explanation.monthly.last().is_some_and(|m| m.month == as_of.first_of_month()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// drops_on, found on change dates only, equals the SPEC's definition applied day by day:
    /// keep only consumption and achievements dated on or before D, decide every later day
    /// up to 13 months after the first of D's month, and take the first with a lower level.
    #[test]
    fn drops_on_equals_a_day_by_day_scan(facts in facts(), as_of in as_of()) {
        let rules = Rules::embedded().unwrap();
        let program = rules.program("cloud-platform").unwrap();
        let decided = evaluate(&rules, facts.clone(), as_of);
        let mut known = facts;
        known.consumption.retain(|row| row.date <= as_of);
        known.achievements.retain(|a| a.date <= as_of);
        let engine = Engine::new(&rules, program, known).unwrap();
        let horizon = as_of.first_of_month().checked_add(13.months()).unwrap();
        let days: Vec<Date> = as_of.series(1.day()).skip(1).take_while(|d| *d <= horizon).collect();
        let later: Vec<Evaluation> = days.iter().map(|d| engine.evaluate(*d, &[]).unwrap()).collect();
        for (i, partner) in decided.partners.iter().enumerate() {
            let expected = if partner.level == "none" {
                None
            } else {
                days.iter().zip(&later).find(|(_, e)| rank(&e.partners[i].level) < rank(&partner.level)).map(|(d, _)| *d)
            };
            prop_assert_eq!(partner.drops_on, expected, "partner {}", partner.partner_id);
        }
    }
}
