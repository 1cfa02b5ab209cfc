//! The batch path's fast CSV reader against the classic reader, on generated `consumption.csv`
//! files (issue 15, item 2): columns in any order and an extra one, a byte order mark, quoted and
//! padded fields, CRLF and LF, blank lines, a file with or without its last line break, amounts of
//! every shape (more decimals than a micro-dollar, negatives, large), every currency with rates
//! and one without; and in some files a defect: a bad value in any column, a row with a field too
//! many or too few, a duplicate or missing column.
//!
//! Whatever the file, the two must agree: where the fast reader decides, it decides what the
//! classic reader and engine decide; where the classic reader refuses a file (with its located
//! errors), the fast reader declines it, so that `evaluate` reports those very errors. The run
//! counts each outcome and fails if any stays unreached, so that the test cannot pass vacuously.
//!
//! `DIFFERENTIAL_CASES` files by default (a few seconds in a debug build); more with
//! `PROPTEST_CASES=50000`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use attain_batch::evaluate_dir_in_pieces;
use attain_engine::Engine;
use attain_input::{read_with, ConsumptionFormat, DirSource};
use attain_rules::Rules;
use jiff::civil::{date, Date};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

const DIFFERENTIAL_CASES: u32 = 2000;

const COLUMNS: [&str; 4] = ["customer_id", "date", "amount", "currency"];

/// A defect a file may carry.
#[derive(Debug, Clone)]
enum Defect {
    None,
    /// Row `row` (modulo the rows) gets a bad value in column `column`.
    BadValue {
        row: usize,
        column: usize,
        value: &'static str,
    },
    /// Row `row` gets a field more, or loses its last.
    FieldCount {
        row: usize,
        more: bool,
    },
    /// A column named twice, or one left out.
    DuplicateColumn(usize),
    MissingColumn(usize),
}

#[derive(Debug, Clone)]
struct Row {
    values: [String; 4],
    note: String,
    /// Per field: quoted, padded with spaces.
    quoted: [bool; 5],
    padded: [bool; 5],
    blank_line_after: bool,
}

#[derive(Debug, Clone)]
struct File {
    /// The order of the columns (indices into [`COLUMNS`]) and where the extra `note` column goes.
    order: Vec<usize>,
    note_at: Option<usize>,
    bom: bool,
    crlf: bool,
    last_line_break: bool,
    quoted_header: bool,
    /// Whether rows quote fields (and notes hold commas and quotes), and pad them: most exports
    /// do neither, and one such field is enough for the fast reader to decline the file.
    quoting: bool,
    padding: bool,
    rows: Vec<Row>,
    defect: Defect,
}

fn row() -> impl Strategy<Value = Row> {
    let customer = select(vec!["C-ALPINE", "C-BAYSIDE", "C-ELBE", "C-FUJI", "C-HARBOR", "C-NOBODY", "C-UNKNOWN"]);
    // The 18 months the example's rates cover: 2017-01 to 2018-06.
    let day = (0i16..18, 1i8..=28).prop_map(|(m, d)| date(2017 + m / 12, (m % 12 + 1) as i8, d).to_string());
    let amount = prop_oneof![
        40 => (0u32..100_000, 0u32..100).prop_map(|(units, cents)| format!("{units}.{cents:02}")),
        30 => (0u32..5000).prop_map(|units| units.to_string()),
        25 => (1u32..1000, 0u32..10_000_000).prop_map(|(units, frac)| format!("-{units}.{frac:07}")),
        // Sums past 64 bits: the fast reader leaves them to the exact one.
        1 => (0u64..u64::MAX / 4).prop_map(|units| format!("{units}.5")),
        2 => Just("0.0000005".to_owned()),
        2 => Just("0.0000015".to_owned()),
    ];
    let currency = select(vec!["USD", "USD", "USD", "EUR", "JPY", "BRL", "GBP"]);
    let note = select(vec!["", "plain", "a, with comma", "say \"hi\""]);
    (customer, day, amount, currency, note, any::<[bool; 5]>(), any::<[bool; 5]>(), prop::bool::weighted(0.01))
        .prop_map(|(customer, day, amount, currency, note, quoted, padded, blank)| Row {
            values: [customer.to_owned(), day, amount, currency.to_owned()],
            note: note.to_owned(),
            quoted,
            padded,
            blank_line_after: blank,
        })
}

fn defect() -> impl Strategy<Value = Defect> {
    let bad = select(vec![
        "",
        "2018-02-30",
        "2018-13-01",
        "20180101",
        "18-01-01",
        "1.2.3",
        "abc",
        "1e5",
        "usd",
        "EURO",
        "XXX",
        "١٢٣",
        " ",
        "-",
        "+5",
        ".5",
        "5.",
        "C NOBODY\u{7}",
    ]);
    prop_oneof![
        6 => Just(Defect::None),
        2 => (any::<usize>(), 0usize..4, bad).prop_map(|(row, column, value)| Defect::BadValue { row, column, value }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(row, more)| Defect::FieldCount { row, more }),
        1 => (0usize..4).prop_map(Defect::DuplicateColumn),
        1 => (0usize..4).prop_map(Defect::MissingColumn),
    ]
}

fn file() -> impl Strategy<Value = File> {
    (
        Just((0..4).collect::<Vec<usize>>()).prop_shuffle(),
        prop::option::weighted(0.3, 0usize..5),
        prop::bool::weighted(0.1),
        any::<bool>(),
        prop::bool::weighted(0.8),
        prop::bool::weighted(0.1),
        (prop::bool::weighted(0.2), prop::bool::weighted(0.1)),
        prop::collection::vec(row(), 0..25),
        defect(),
    )
        .prop_map(
            |(order, note_at, bom, crlf, last_line_break, quoted_header, (quoting, padding), rows, defect)| File {
                order,
                note_at,
                bom,
                crlf,
                last_line_break,
                quoted_header,
                quoting,
                padding,
                rows,
                defect,
            },
        )
}

fn field(text: &str, quoted: bool, padded: bool) -> String {
    let text = if padded { format!(" {text} ") } else { text.to_owned() };
    if quoted || text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

impl File {
    fn bytes(&self) -> Vec<u8> {
        let mut names: Vec<&str> = self.order.iter().map(|&c| COLUMNS[c]).collect();
        let mut columns: Vec<Option<usize>> = self.order.iter().map(|&c| Some(c)).collect();
        if let Some(at) = self.note_at {
            let at = at.min(names.len());
            names.insert(at, "note");
            columns.insert(at, None);
        }
        match self.defect {
            Defect::DuplicateColumn(c) => {
                names.push(COLUMNS[c]);
                columns.push(Some(c));
            }
            Defect::MissingColumn(c) => {
                let at = columns.iter().position(|k| *k == Some(c)).expect("every column is there");
                names.remove(at);
                columns.remove(at);
            }
            _ => {}
        }
        let end = if self.crlf { "\r\n" } else { "\n" };
        let mut out = String::new();
        if self.bom {
            out.push('\u{feff}');
        }
        let header: Vec<String> = names.iter().map(|n| field(n, self.quoted_header, false)).collect();
        out.push_str(&header.join(","));
        let n = self.rows.len().max(1);
        for (i, row) in self.rows.iter().enumerate() {
            out.push_str(end);
            let mut fields: Vec<String> = columns
                .iter()
                .map(|column| {
                    let (text, k) = match column {
                        Some(c) => (row.values[*c].as_str(), *c),
                        None if self.quoting => (row.note.as_str(), 4),
                        None => ("plain", 4),
                    };
                    let text = match self.defect {
                        Defect::BadValue { row: r, column: c, value } if r % n == i && Some(c) == *column => value,
                        _ => text,
                    };
                    field(text, self.quoting && row.quoted[k], self.padding && row.padded[k])
                })
                .collect();
            if let Defect::FieldCount { row: r, more } = self.defect {
                if r % n == i {
                    if more {
                        fields.push("x".into());
                    } else {
                        fields.pop();
                    }
                }
            }
            out.push_str(&fields.join(","));
            if row.blank_line_after {
                out.push_str(end);
            }
        }
        if self.last_line_break {
            out.push_str(end);
        }
        out.into_bytes()
    }
}

#[derive(Default)]
struct Seen {
    fast_decided: AtomicUsize,
    fast_declined: AtomicUsize,
    refused: AtomicUsize,
}

fn agree(dir: &Path, file: &File, as_of: Date, piece: u64, seen: &Seen) -> Result<(), TestCaseError> {
    let bytes = file.bytes();
    std::fs::write(dir.join("consumption.csv"), &bytes).unwrap();
    let rules = Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let shown = || String::from_utf8_lossy(&bytes).into_owned();
    let classic = read_with(&DirSource(dir), ConsumptionFormat::Spec);
    let fast = evaluate_dir_in_pieces(&rules, program, dir, ConsumptionFormat::Spec, as_of, piece);
    match (fast, classic) {
        (Ok(fast), Ok(facts)) => {
            let classic = Engine::new(&rules, program, facts).and_then(|e| e.evaluate(as_of, &[])).unwrap();
            let (fast, classic) = (serde_json::to_string(&fast).unwrap(), serde_json::to_string(&classic).unwrap());
            prop_assert_eq!(fast, classic, "decisions differ on:\n{}", shown());
            seen.fast_decided.fetch_add(1, Ordering::Relaxed);
        }
        (Ok(_), Err(errors)) => {
            return Err(TestCaseError::fail(format!(
                "the fast reader decided a file the classic reader refuses ({errors}):\n{}",
                shown()
            )));
        }
        (Err(_), Ok(_)) => {
            seen.fast_declined.fetch_add(1, Ordering::Relaxed);
        }
        (Err(_), Err(errors)) => {
            // The errors a user sees are located: the file and its line.
            prop_assert!(
                errors.0.iter().all(|e| e.file.ends_with("consumption.csv") && e.line.is_some()),
                "{}",
                errors
            );
            seen.refused.fetch_add(1, Ordering::Relaxed);
        }
    }
    Ok(())
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-differential-csv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso");
    for name in ["partners.csv", "associations.csv", "fx_rates.csv", "people.csv", "achievements.csv"] {
        std::fs::copy(example.join(name), dir.join(name)).unwrap();
    }
    dir
}

#[test]
fn the_fast_and_classic_csv_readers_accept_the_same_files_and_decide_alike() {
    let dir = scratch();
    let seen = Seen::default();
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(DIFFERENTIAL_CASES);
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let strategy = (file(), select(vec![date(2018, 6, 30), date(2017, 12, 31)]), select(vec![7u64, 61, 1 << 20]));
    let result = runner.run(&strategy, |(file, as_of, piece)| agree(&dir, &file, as_of, piece, &seen));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = result {
        panic!("{e}");
    }
    let (decided, declined, refused) =
        (seen.fast_decided.into_inner(), seen.fast_declined.into_inner(), seen.refused.into_inner());
    eprintln!("{cases} files: the fast reader decided {decided}, declined {declined} the classic reader accepts; {refused} refused by both");
    // Every outcome is reached, the fast reader's own decisions most often.
    assert!(decided * 3 > cases as usize, "the fast reader decided only {decided} of {cases}");
    assert!(declined > 0 && refused > 0, "declined {declined}, refused {refused}");
}
