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

/// The fixture as a FOCUS 1.2 export from Azure: `x_EffectiveCostInUsd` beside every row (so no
/// rates are given), and a correction billed in June for April.
fn focus_1_2() -> std::path::PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/focus");
    let dir = std::env::temp_dir().join(format!("attain-focus-1-2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["partners.csv", "associations.csv", "people.csv", "achievements.csv"] {
        std::fs::copy(fixture.join(name), dir.join(name)).unwrap();
    }
    let csv = std::fs::read_to_string(fixture.join("consumption.csv")).unwrap();
    let mut lines = csv.lines();
    let mut out = format!("{},x_EffectiveCostInUsd\n", lines.next().unwrap());
    for line in lines {
        // In US dollars as Azure priced them: the EUR rows at rates of its own, not fx_rates.csv's.
        let usd = match line.rsplit(',').nth(1).unwrap() {
            "100.50" => "111.00",
            "-10.00" => "-12.00",
            same => same,
        };
        out.push_str(&format!("{line},{usd}\n"));
    }
    // Billed in June (outside the window), charged for April (inside): counted in April.
    out.push_str("ba-2,sub-0002,Contoso Paris,Microsoft,Usage,Correction,Usage-Based,\"Correction of April's usage\",2018-04-15T00:00:00Z,2018-04-16T00:00:00Z,2018-06-01T00:00:00Z,2018-07-01T00:00:00Z,,,Standard,SQL Database,,,-4.60,-4.60,EUR,-5.00\n");
    std::fs::write(dir.join("consumption.csv"), out).unwrap();
    dir
}

#[test]
fn focus_1_2_values_in_usd_need_no_rate_and_a_correction_counts_in_the_period_it_corrects() {
    let rules = Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let dir = focus_1_2();
    let as_of = date(2018, 6, 30);
    let facts = attain_input::read_with(&DirSource(&dir), ConsumptionFormat::Focus).unwrap();
    let classic = Engine::new(&rules, program, facts).unwrap().evaluate(as_of, &[]).unwrap();
    let usd: Vec<(String, Usd)> = classic.partners.iter().map(|p| (p.partner_id.clone(), p.consumption_usd)).collect();
    // P1 as in FOCUS 1.0 (its rows are in USD); P2 is 111.00 − 12.00 − 5.00.
    assert_eq!(usd, [("P1".to_owned(), Usd(37_345_678)), ("P2".to_owned(), Usd(94_000_000))]);
    // The streamed reader leaves such an export to the exact reader, saying why.
    let declined = evaluate_dir(&rules, program, &dir, ConsumptionFormat::Focus, as_of).unwrap_err();
    assert!(declined.0.contains("x_EffectiveCostInUsd"), "{declined}");
    let _ = std::fs::remove_dir_all(&dir);
}
