//! The batch path against the engine of rows: same JSON, bit for bit, or an explicit refusal.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use attain_batch::rollup::Rollup;
use attain_batch::{credit_of, decide, evaluate_dir, evaluate_dir_in_pieces, roll_up};
use attain_engine::{
    Achievement, Association, AssociationKind, Cells, Consumption, Engine, EngineError, Facts, Label, Partner, Person,
    Usd,
};
use attain_input::ConsumptionFormat;
use attain_rules::{Align, Rules};
use jiff::civil::{date, Date};
use jiff::ToSpan;
use proptest::prelude::*;
use proptest::sample::select;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn json(evaluation: &attain_engine::Evaluation) -> String {
    serde_json::to_string_pretty(evaluation).unwrap()
}

/// A roll-up read from bytes in memory.
fn read(bytes: &[u8]) -> Result<Rollup, String> {
    Rollup::from_bytes(Arc::new(bytes.to_vec()))
}

/// Bytes that start one byte into a vector: a roll-up's table is then misaligned.
struct OneByteIn(Vec<u8>);

impl AsRef<[u8]> for OneByteIn {
    fn as_ref(&self) -> &[u8] {
        &self.0[1..]
    }
}

fn classic(rules: &Rules, facts: Facts, as_of: Date) -> Result<String, EngineError> {
    let program = &rules.programs[0];
    Engine::new(rules, program, facts)?.evaluate(as_of, &[]).map(|e| json(&e))
}

/// Dates around month ends, mid-month, before rows exist and after the last one.
const AS_OF: [(i16, i8, i8); 6] =
    [(2018, 6, 30), (2018, 6, 15), (2018, 7, 1), (2017, 12, 31), (2018, 2, 10), (2019, 3, 3)];

/// A program of a few thousand partners (450,000 rows), so that every fast path (the one-pass line
/// reader, the customer guess, pieces cut across lines, the partner-major tally) meets the many
/// shapes the generator gives.
#[test]
fn a_generated_program_is_decided_as_the_engine_decides_it_streamed_and_rolled_up() {
    let rules = Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let dir = scratch("gen");
    let shape = attain_gen::Shape { partners: 3_000, months: 15, ..attain_gen::Shape::default() };
    attain_gen::generate(&shape, &dir).unwrap();
    let facts = attain_input::read_dir(&dir).unwrap();

    let (rolled, credit) = roll_up(program, &dir, ConsumptionFormat::Spec).unwrap();
    let bytes = Rollup::new(&program.id, rolled, credit, &rules.catalog).to_bytes();
    let rollup = read(&bytes).unwrap();

    let mut levels = std::collections::BTreeSet::new();
    for (y, m, d) in AS_OF {
        let as_of = date(y, m, d);
        let expected = classic(&rules, facts.clone(), as_of).unwrap();
        let streamed = evaluate_dir(&rules, program, &dir, ConsumptionFormat::Spec, as_of).unwrap();
        assert_eq!(json(&streamed), expected, "streamed, as of {as_of}");
        levels.extend(streamed.partners.iter().map(|p| p.level.clone()));
        assert!(streamed.partners.iter().any(|p| p.drops_on.is_some()), "some level drops");

        // A roll-up holds whole months: it answers unless rows of the as-of month are dated after it.
        match rollup.clone().engine(&rules, program).and_then(|engine| engine.evaluate(as_of, &[])) {
            Ok(decided) => assert_eq!(json(&decided), expected, "rolled up, as of {as_of}"),
            Err(refused) => {
                let why = refused.to_string();
                assert!(as_of.day() > 1 && as_of < as_of.last_of_month(), "refused as of {as_of}: {why}");
                assert!(why.contains(&format!("after {as_of}")), "{why}");
            }
        }
    }
    assert_eq!(levels.len(), 3, "none, silver and gold all occur: {levels:?}");

    // Small pieces cut lines everywhere; CRLF line ends read the same.
    let as_of = date(2018, 6, 30);
    let expected = classic(&rules, facts.clone(), as_of).unwrap();
    for piece in [4093, 65_537] {
        let cut = evaluate_dir_in_pieces(&rules, program, &dir, ConsumptionFormat::Spec, as_of, piece).unwrap();
        assert_eq!(json(&cut), expected, "pieces of {piece} bytes");
    }
    let lf = std::fs::read_to_string(dir.join("consumption.csv")).unwrap();
    std::fs::write(dir.join("consumption.csv"), lf.replace('\n', "\r\n")).unwrap();
    let crlf = evaluate_dir_in_pieces(&rules, program, &dir, ConsumptionFormat::Spec, as_of, 4093).unwrap();
    assert_eq!(json(&crlf), expected, "CRLF");

    // Damage is detected, not decided on.
    let mut damaged = bytes.clone();
    damaged[bytes.len() / 2] ^= 1;
    assert!(read(&damaged).unwrap_err().contains("checksum"));
    // Anywhere: in the header, in a count that sizes the rest, among the people, in the table.
    for at in [9, 14, 40, bytes.len() / 5, bytes.len() - 5] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x40;
        assert!(read(&damaged).unwrap_err().contains("checksum"), "damage at byte {at}");
    }
    assert!(read(&bytes[..bytes.len() - 9]).is_err(), "truncated");
    assert_eq!(read(&bytes).unwrap(), rollup);
    // The table is used where it lies when aligned, and copied out when not, to the same effect.
    assert!(matches!(rollup.credit.micros, Cells::Kept(_)), "aligned bytes are kept");
    let misaligned = Rollup::from_bytes(Arc::new(OneByteIn([&[0u8][..], &bytes].concat()))).unwrap();
    assert!(matches!(misaligned.credit.micros, Cells::Owned(_)), "misaligned bytes are copied");
    assert_eq!(misaligned, rollup);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A whole (checksummed) roll-up whose head announces more partners than its bytes could hold, as
/// a file made by hand might: refused before anything is sized by the count.
#[test]
fn a_count_the_file_cannot_hold_is_refused() {
    let date = |b: &mut Vec<u8>| b.extend_from_slice(&[0xe2, 0x07, 1, 1]); // 2018-01-01
    for partners in [u32::MAX, 1_000] {
        let mut b = b"ATTAINRU".to_vec();
        b.extend_from_slice(&3u32.to_le_bytes());
        b.extend_from_slice(&1u32.to_le_bytes());
        b.push(b'p');
        b.extend_from_slice(&0u32.to_le_bytes()); // no kinds sets: a table of no bytes
        date(&mut b);
        b.extend_from_slice(&0u32.to_le_bytes()); // no months
        date(&mut b);
        b.extend_from_slice(&partners.to_le_bytes());
        let people_at = b.len() as u32 + 4 + 20;
        b.extend_from_slice(&people_at.to_le_bytes());
        b.extend_from_slice(&[0; 20]);
        b.extend_from_slice(&[0; 8]); // no credentials, no people
        let crc = crc32fast::hash(&b);
        b.extend_from_slice(&crc.to_le_bytes());
        let why = read(&b).unwrap_err();
        assert_eq!(why, format!("the roll-up file's head counts {partners} partners, more than it holds"));
    }
}

/// A copy of the example folder.
fn example(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir
}

/// Replaces the first data row of `file` by each of `lines` in turn: the batch path decides what
/// the exact reader and engine decide, or declines; it never decides on input they refuse.
/// Returns how many variants the batch path decided.
fn each_variant(dir: &Path, file: &str, lines: impl Fn(&str) -> Vec<String>) -> usize {
    let rules = Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let as_of = date(2018, 6, 30);
    let original = std::fs::read_to_string(dir.join(file)).unwrap();
    let first_row = original.lines().nth(1).unwrap().to_owned();
    let mut decided = 0;
    for line in lines(&first_row) {
        let text = original.replacen(&first_row, &line, 1);
        std::fs::write(dir.join(file), &text).unwrap();
        let streamed = evaluate_dir(&rules, program, dir, ConsumptionFormat::Spec, as_of);
        let exact = attain_input::read_dir(dir).map(|facts| classic(&rules, facts, as_of).unwrap());
        match (streamed, exact) {
            (Ok(streamed), Ok(exact)) => {
                assert_eq!(json(&streamed), exact, "{line:?}");
                decided += 1;
            }
            (Err(_), _) => {}
            (Ok(_), Err(errors)) => panic!("{line:?} streamed although invalid: {errors}"),
        }
    }
    std::fs::write(dir.join(file), original).unwrap();
    decided
}

#[test]
fn rows_the_fast_reader_is_unsure_of_go_to_the_exact_reader() {
    let rules = Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let dir = example("unsure");
    let as_of = date(2018, 6, 30);
    assert!(evaluate_dir(&rules, program, &dir, ConsumptionFormat::Spec, as_of).is_ok(), "the example streams");
    let decided = each_variant(&dir, "consumption.csv", |first_row| {
        let (customer, rest) = first_row.split_once(',').unwrap();
        let day = rest.split(',').next().unwrap();
        vec![
            format!("\"{customer}\",{rest}"),                     // quoted: accepted, same value
            format!(" {customer},{rest}"),                        // padded: the exact reader trims
            format!("{first_row},extra"),                         // a field too many: an error
            first_row.replace("-0", "/0"),                        // a bad date: an error
            format!("{customer},{}", rest.replace("USD", "usd")), // not a currency code
            format!("\"{customer},x\",{rest}"),                   // a quoted comma: the general reader
            String::new(),                                        // a blank line: skipped by the exact reader
            // The one-pass reader of the SPEC's own layout leaves these to the general split:
            format!("{customer}\t,{rest}"), // a control byte: the exact reader trims it
            format!("{customer},{day},1234567890123456789.25,USD"), // 21 digits: exact decimals, same value
            format!("{customer},{day},-0.5,USD"), // a credit
            format!("{customer},{day},4200.,USD"), // no decimals after the dot
            format!("{customer},{day},42.0.0,USD"), // not a number: an error
            format!("{customer},{day},42,"), // no currency: an error
            format!("{customer},{day},42,USDX"), // not a currency code: an error
            format!("{customer},{day},42,EUR"), // no rate for EUR: an error
        ]
    });
    // Quoted, 21 digits and a credit stream (each row read on its own when unsure).
    assert_eq!(decided, 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reference_rows_the_fast_readers_are_unsure_of_go_to_the_exact_reader() {
    let dir = example("unsure-reference");
    for file in ["partners.csv", "associations.csv", "people.csv", "achievements.csv"] {
        let decided = each_variant(&dir, file, |first_row| {
            let (first, rest) = first_row.split_once(',').unwrap();
            vec![
                first_row.to_owned(),                                      // as it is: the fast reader
                format!("\"{first}\",{rest}"),                             // quoted: the exact reader, same decision
                format!("{first},{rest} "),                                // padded: the exact reader trims
                format!("{first_row}\r"),                                  // CRLF for one line
                format!("{first_row}\n"),                                  // a blank line after it: skipped
                format!("X{first_row}"), // an unknown partner or person (an error), or a new person
                first_row.replace('-', "/"), // a bad date: an error
                format!("{first_row},extra"), // a field too many: an error
                format!("{first_row}\n{first_row}"), // twice: a duplicate person is an error
                first_row.replacen(",P", ",NOBODY", 1), // a person of an unknown partner: an error
                first_row.replace("DPOR", "dpor").replace("TPOR", "tpor"), // not a kind: an error
            ]
        });
        // As it is, quoted, padded, CRLF and a blank line after it are valid everywhere.
        assert!(decided >= 5, "{file}: {decided} decided");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn day(offset: i32) -> Date {
    date(2016, 6, 1).checked_add(offset.days()).unwrap()
}

prop_compose! {
    fn association()(p in 0..3usize, c in 0..4usize, kind in select(AssociationKind::ALL.to_vec()), start in 0..700i32, len in proptest::option::of(0..600i32)) -> Association {
        Association { partner_id: format!("P{p}"), customer_id: format!("C{c}"), kind, start: day(start), end: len.map(|l| day(start + l)) }
    }
}

prop_compose! {
    fn row()(c in 0..5usize, d in 0..1200i32, micros in -2_000_000_000i64..60_000_000_000) -> Consumption {
        Consumption { customer_id: format!("C{c}"), date: day(d), usd: Usd(i128::from(micros)), service: Label::NONE, offer: Label::NONE }
    }
}

prop_compose! {
    fn facts()(
        markets in proptest::collection::vec(select(vec!["US", "IN"]), 3),
        associations in proptest::collection::vec(association(), 1..10),
        consumption in proptest::collection::vec(row(), 0..80),
        people in proptest::collection::vec((0..3usize, proptest::option::of(0..900i32)), 0..5),
        achievements in proptest::collection::vec((0..5usize, select(vec!["exam:70-533", "exam:70-534", "exam:70-535"]), 0..1100i32), 0..8),
    ) -> Facts {
        let people: Vec<Person> = people.iter().enumerate().map(|(i, (p, left))| Person {
            id: format!("E{i}"), partner_id: format!("P{p}"), name: String::new(), joined: None, left: left.map(day),
        }).collect();
        let achievements = achievements.iter().filter(|(who, _, _)| *who < people.len()).map(|(who, credential, d)| Achievement {
            person_id: format!("E{who}"), credential: (*credential).into(), date: day(*d), expires: None,
        }).collect();
        Facts {
            partners: markets.iter().enumerate().map(|(i, c)| Partner { id: format!("P{i}"), name: format!("Partner {i}"), country: (*c).into(), market: None }).collect(),
            associations,
            consumption,
            people,
            achievements,
            ..Facts::default()
        }
    }
}

/// The shipped rules, with the later version crediting only `later_kinds` (DPOR, TPOR, DAP bits).
fn rules_with(later_kinds: u8) -> Rules {
    let mut rules = Rules::embedded().unwrap();
    rules.programs[0].versions[1].counting_kinds = later_kinds;
    rules
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Associations that start and end mid-month, overlap, and count differently across versions.
    #[test]
    fn monthly_credit_decides_as_the_rows_do(facts in facts(), as_of in 401..1130i32, later_kinds in 1u8..8) {
        let rules = rules_with(later_kinds);
        let program = &rules.programs[0];
        let as_of = day(as_of);
        let expected = classic(&rules, facts.clone(), as_of).unwrap();
        let credit = credit_of(&facts, program, Some(as_of)).unwrap();
        // The data's last date, of any row (credited or not), as the streaming reader notes it.
        prop_assert_eq!(credit.last_row, facts.last_consumption_date());
        let decided = decide(&rules, program, facts.clone(), credit, as_of).unwrap();
        prop_assert_eq!(json(&decided), expected.clone());
        // The open table of a roll-up, cut at the as-of date, when the as-of month allows it.
        let all = credit_of(&facts, program, None).unwrap();
        prop_assert_eq!(all.last_row, facts.last_consumption_date());
        if let Ok(decided) = decide(&rules, program, facts, all, as_of) {
            prop_assert_eq!(json(&decided), expected);
        }
    }
}

#[test]
fn a_day_aligned_window_is_left_to_the_engine() {
    let mut rules = Rules::embedded().unwrap();
    rules.programs[0].versions[0].window.align = Align::Day;
    let program = &rules.programs[0];
    let contoso = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso");
    let declined = evaluate_dir(&rules, program, &contoso, ConsumptionFormat::Spec, date(2018, 6, 30)).unwrap_err();
    assert!(declined.0.contains("day-aligned"), "{declined}");
    let facts = attain_input::read_dir(&contoso).unwrap();
    let credit = credit_of(&facts, program, None).unwrap();
    let refused = decide(&rules, program, facts, credit, date(2018, 6, 30)).unwrap_err();
    assert!(refused.0.contains("day-aligned"), "{refused}");
}
