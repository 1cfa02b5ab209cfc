//! A FOCUS 1.0 cost and usage export, written by hand from the specification's column
//! definitions: a reservation bought up front (billed in full, EffectiveCost 0 on the purchase),
//! its amortized usage, on-demand usage with sub-micro-dollar precision, a EUR billing account
//! with a credit, and a sub-account no partner is associated with.

use std::path::Path;

use attain_batch::evaluate_dir;
use attain_engine::{Engine, Usd};
use attain_input::{ConsumptionFormat, DirSource};
use attain_rules::Rules;
use jiff::civil::date;

#[test]
fn effective_cost_is_credited_by_sub_account_on_the_utc_day_in_usd() {
    let rules = Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/focus");
    let as_of = date(2018, 6, 30);

    let facts = attain_input::read_with(&DirSource(&dir), ConsumptionFormat::Focus).unwrap();
    let classic = Engine::new(&rules, program, facts).unwrap().evaluate(as_of, &[]).unwrap();
    let streamed = evaluate_dir(&rules, program, &dir, ConsumptionFormat::Focus, as_of).unwrap();
    assert_eq!(serde_json::to_string(&streamed).unwrap(), serde_json::to_string(&classic).unwrap());

    let usd: Vec<(String, Usd)> = streamed.partners.iter().map(|p| (p.partner_id.clone(), p.consumption_usd)).collect();
    assert_eq!(
        usd,
        [
            // The purchase's EffectiveCost is 0: the reservation counts as the usage it covers
            // (24.00 + 1.00), not a second time as the 8,760.00 billed up front; 12.3456785
            // rounds half to even to 12.345678.
            ("P1".to_owned(), Usd(37_345_678)),
            // EUR at each month's rate: 100.50 × 1.10 in March (22:00Z on 31 March is still
            // March), the credit −10.00 × 1.20 in April.
            ("P2".to_owned(), Usd(98_550_000)),
        ]
    );
}

#[test]
fn attain_columns_are_not_found_in_a_focus_export() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/focus");
    let errors = attain_input::read_with(&DirSource(&dir), ConsumptionFormat::Spec).unwrap_err();
    assert!(errors.to_string().contains("missing required column `customer_id`"), "{errors}");
}

#[test]
fn focus_datetimes_are_utc_iso_8601() {
    use attain_input::parse_utc_datetime as parse;
    assert_eq!(parse("2018-03-31T22:00:00Z"), Ok(date(2018, 3, 31)));
    assert_eq!(parse("2018-03-31T22:00:00.125Z"), Ok(date(2018, 3, 31)));
    assert_eq!(parse("2018-03-31T22:00:00+00:00"), Ok(date(2018, 3, 31)));
    for bad in
        ["2018-03-31", "2018-03-31T22:00:00", "2018-03-31T24:00:00Z", "2018-03-31 22:00:00Z", "2018-02-30T00:00:00Z"]
    {
        assert!(parse(bad).is_err(), "{bad}");
    }
}
