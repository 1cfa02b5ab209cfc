//! Every reader fed arbitrary bytes (issue 17, item 7): the input folder's files (CSV and
//! Parquet, in memory and on disk), the batch path's fast readers (which must decide what the
//! classic reader and engine decide, or decline), the rules folder's TOML, requirement pages
//! given to `lint`, and roll-up files. Each returns `Ok` or `Err`: no panic, and each call ends
//! within [`BOUND`] (a watchdog aborts the run, printing the input, after [`HANG`]). The zip
//! uploads of the server are fuzzed beside their private reader (`attain-server`'s `api/fuzz.rs`).
//!
//! Fully random bytes are nearly always refused at a header or a magic number, so most cases are
//! valid files (the examples, the shipped rules, a rendered page, a real roll-up) with a few
//! bytes flipped, set, inserted, deleted or repeated, or a valid header followed by noise.
//!
//! Valid Parquet files are also written whole with columns of every type and arbitrary values
//! (`parquet_values`). The parquet crate panics on some damaged files: attain turns those panics
//! into errors that name the file (`attain_input::columnar`), and any panic fails a test. What the
//! runs found is kept, reduced, as regression tests at the end of this file.
//!
//! Case counts keep a debug run of this file under twenty seconds on two cores; run more with
//! `PROPTEST_CASES=20000 cargo test --release -p attain --test arbitrary_bytes` (the count applies
//! to each test: about four minutes), and replay a run with `PROPTEST_RNG_SEED`.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Once, OnceLock};
use std::time::{Duration, Instant};

use attain_batch::rollup::Rollup;
use attain_batch::{credit_of, evaluate_dir_in_pieces, roll_up};
use attain_docs::{requirements, Format, Linter};
use attain_engine::{Engine, Facts};
use attain_i18n::Localizer;
use attain_input::{read_reference, read_reference_meanwhile, read_with, ConsumptionFormat, DirSource, InputError};
use attain_input::{MemorySource, Source, ALL_FILE_NAMES};
use attain_rules::{Program, Rules};
use jiff::civil::{date, Date};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, TestCaseError, TestRunner};

// ---------------------------------------------------------------------------------------------
// Time bounds and the watchdog.

/// The longest one reader call may take. Cases take milliseconds (tens for the batch path in a
/// debug build); the bound leaves room for a loaded two-core machine running the tests in
/// parallel, and catches what grows with the square of the input or worse.
const BOUND: Duration = Duration::from_secs(if cfg!(debug_assertions) { 5 } else { 1 });

/// A call still running after this long is taken for a hang: the watchdog prints what it was
/// reading (and saves it to a file) and aborts the run, rather than letting the suite hang.
const HANG: Duration = Duration::from_secs(90);

struct Running {
    since: Instant,
    what: String,
    input: Vec<u8>,
}

static RUNNING: Mutex<BTreeMap<u64, Running>> = Mutex::new(BTreeMap::new());

/// Removes its call from [`RUNNING`] when the call ends, by returning or by panicking.
struct Watched(u64);

impl Drop for Watched {
    fn drop(&mut self) {
        RUNNING.lock().unwrap_or_else(|e| e.into_inner()).remove(&self.0);
    }
}

fn watch(what: &str, input: &[u8]) -> Watched {
    static DOG: Once = Once::new();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    DOG.call_once(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(Duration::from_millis(250));
            let running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(hung) = running.values().find(|r| r.since.elapsed() > HANG) {
                let saved = std::env::temp_dir().join(format!("attain-hang-{}.bin", std::process::id()));
                let _ = std::fs::write(&saved, &hung.input);
                // Straight to the standard error: the test harness captures `eprintln!`.
                let _ = writeln!(
                    std::io::stderr(),
                    "HANG: {} still running after {:?}; input saved to {}:\n{:?}",
                    hung.what,
                    HANG,
                    saved.display(),
                    Input(hung.input.clone()),
                );
                std::process::abort();
            }
        });
    });
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    let running = Running { since: Instant::now(), what: what.to_owned(), input: input.to_vec() };
    RUNNING.lock().unwrap_or_else(|e| e.into_inner()).insert(id, running);
    Watched(id)
}

/// Runs one reader call on `input`, watched, and fails the case when it takes over [`BOUND`].
/// A panic inside is left to the runner, which reports the smallest input that panics.
fn timed<T>(what: &str, input: &[u8], call: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let _watched = watch(what, input);
    let start = Instant::now();
    let out = call();
    let took = start.elapsed();
    if took > BOUND {
        return Err(TestCaseError::fail(format!("{what} took {took:?}, over the bound of {BOUND:?}")));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Cases: arbitrary bytes, and valid files mutated.

/// Bytes shown as a byte string literal, so that a failing case can be pasted as a reproducer.
#[derive(Clone, PartialEq, Eq)]
struct Input(Vec<u8>);

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "b\"{}\" ({} bytes)", self.0.escape_ascii(), self.0.len())
    }
}

/// The number of cases of a test: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

/// Runs `test` on `cases(default)` values of `strategy`; a failure names the smallest input.
fn check<S: Strategy>(name: &str, default: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let config = Config {
        cases: cases(default),
        // Shrinking a case that takes seconds must end.
        max_shrink_time: 120_000,
        failure_persistence: None,
        ..Config::default()
    };
    if let Err(e) = TestRunner::new(config).run(&strategy, test) {
        panic!("{name}: {e}");
    }
}

/// Bytes that matter to CSV: separators, quotes, line ends, digits, signs, a BOM's first byte,
/// bytes that start or continue UTF-8 sequences or are never UTF-8.
const CSV_BYTES: &[u8] = b",,,\"\n\n\r -.0123456789eE+:TZ\x00\x7f\x80\xbf\xc3\xef\xff";
/// Bytes that matter to TOML.
const TOML_BYTES: &[u8] = b"=[]{}\"\"'.,#\n\n -_:0123456789TZetruefalsnix\\\t\x7f\xc3\xa9";
/// Bytes that matter to Markdown and HTML pages.
const PAGE_BYTES: &[u8] = b"#|<>/!-*_`[]()\n\n ,.0123456789$%:=\"'\\\x80\xc2\xa0\xe2\x80\xaf\xef\xbc\x8c";
/// Bytes that matter to binary formats: small numbers, all bits, sign bits.
const BINARY_BYTES: &[u8] = b"\x00\x00\x00\x01\x02\x03\x04\x07\x08\x0f\x10\x15\x16\x19\x1c\x20\x7f\x80\xfe\xff";

#[derive(Clone, Debug)]
enum Edit {
    /// Flips one bit.
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, u8),
    /// Copies up to this many bytes from the first place to the second: repeated lines, fields.
    Repeat(Index, u8, Index),
    Truncate(Index),
    /// Replaces a digit by a digit, a letter by a letter of the same case: the shape of a value
    /// kept, so that the file often stays valid and the value reaches the validators.
    Retype(Index, u8),
    /// Copies a whole line (the first index) before another line (the second).
    CopyLine(Index, Index),
    DeleteLine(Index),
}

fn edit(alphabet: &'static [u8]) -> impl Strategy<Value = Edit> {
    let byte = || prop_oneof![3 => select(alphabet), 1 => any::<u8>()];
    prop_oneof![
        2 => (any::<Index>(), 0..8u8).prop_map(|(at, bit)| Edit::Flip(at, bit)),
        3 => (any::<Index>(), byte()).prop_map(|(at, b)| Edit::Set(at, b)),
        3 => (any::<Index>(), vec(byte(), 1..4)).prop_map(|(at, b)| Edit::Insert(at, b)),
        2 => (any::<Index>(), 1..32u8).prop_map(|(at, n)| Edit::Delete(at, n)),
        2 => (any::<Index>(), 1..64u8, any::<Index>()).prop_map(|(from, n, to)| Edit::Repeat(from, n, to)),
        1 => any::<Index>().prop_map(Edit::Truncate),
        4 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Retype(at, b)),
    ]
}

fn apply(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for edit in edits {
        let n = b.len();
        match edit {
            Edit::Insert(at, bytes) => {
                let i = at.index(n + 1);
                b.splice(i..i, bytes.iter().copied());
            }
            _ if n == 0 => {}
            Edit::Flip(at, bit) => b[at.index(n)] ^= 1 << bit,
            Edit::Set(at, byte) => b[at.index(n)] = *byte,
            Edit::Delete(at, len) => {
                let i = at.index(n);
                b.drain(i..(i + usize::from(*len)).min(n));
            }
            Edit::Repeat(from, len, to) => {
                let i = from.index(n);
                let piece = b[i..(i + usize::from(*len)).min(n)].to_vec();
                let j = to.index(n + 1);
                b.splice(j..j, piece);
            }
            Edit::Truncate(at) => b.truncate(at.index(n)),
            Edit::Retype(at, v) => {
                let i = at.index(n);
                b[i] = match b[i] {
                    b'0'..=b'9' => b'0' + v % 10,
                    b'a'..=b'z' => b'a' + v % 26,
                    b'A'..=b'Z' => b'A' + v % 26,
                    other => other,
                };
            }
            Edit::CopyLine(from, to) => {
                let mut lines: Vec<Vec<u8>> = b.split_inclusive(|c| *c == b'\n').map(<[u8]>::to_vec).collect();
                let mut line = lines[from.index(lines.len())].clone();
                if !line.ends_with(b"\n") {
                    line.push(b'\n');
                }
                lines.insert(to.index(lines.len() + 1), line);
                b = lines.concat();
            }
            Edit::DeleteLine(at) => {
                let mut lines: Vec<&[u8]> = b.split_inclusive(|c| *c == b'\n').collect();
                lines.remove(at.index(lines.len()));
                b = lines.concat();
            }
        }
    }
    b
}

/// Edits that keep the shape of a text file: values retyped, lines repeated or left out. The
/// file often stays valid, so that its values reach the deepest checks and the readers that
/// must agree on them.
fn gentle_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Retype(at, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Edit::CopyLine(from, to)),
        1 => any::<Index>().prop_map(Edit::DeleteLine),
    ]
}

/// `seed` with one to three gentle edits, or one to seven of any kind.
fn mutated(seed: Vec<u8>, alphabet: &'static [u8]) -> impl Strategy<Value = Input> {
    let edits = prop_oneof![2 => vec(gentle_edit(), 1..4), 3 => vec(edit(alphabet), 1..8)];
    edits.prop_map(move |edits| Input(apply(&seed, &edits)))
}

/// Bytes of any value, or mostly of `alphabet`.
fn noise(alphabet: &'static [u8], max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![vec(any::<u8>(), 0..max), vec(prop_oneof![4 => select(alphabet), 1 => any::<u8>()], 0..max)]
}

/// What a file of text may be: arbitrary bytes, its first line followed by noise (which gets
/// past the header), or the file mutated (which gets anywhere).
fn text_file(seed: Vec<u8>, alphabet: &'static [u8]) -> BoxedStrategy<Input> {
    let header: Vec<u8> = seed.iter().position(|b| *b == b'\n').map_or(seed.clone(), |at| seed[..=at].to_vec());
    prop_oneof![
        1 => noise(alphabet, 512).prop_map(Input),
        2 => noise(alphabet, 512).prop_map(move |tail| Input([&header[..], &tail].concat())),
        6 => mutated(seed, alphabet),
    ]
    .boxed()
}

/// What a binary file may be: arbitrary bytes, or the file mutated.
fn binary_file(seed: Vec<u8>) -> BoxedStrategy<Input> {
    prop_oneof![1 => noise(BINARY_BYTES, 512).prop_map(Input), 6 => mutated(seed, BINARY_BYTES)].boxed()
}

// ---------------------------------------------------------------------------------------------
// Seeds: valid input folders, in CSV and in Parquet.

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules::embedded().unwrap())
}

/// The program of the threshold form, which the batch path and roll-ups serve.
fn threshold_program() -> &'static Program {
    rules().program("cloud-platform").unwrap()
}

/// A valid input folder, held in memory.
struct Base {
    name: &'static str,
    files: BTreeMap<String, Vec<u8>>,
    format: ConsumptionFormat,
    /// Dates to decide on, within its data.
    as_of: Vec<Date>,
}

fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if name.ends_with(".csv") || name.ends_with(".parquet") {
            files.insert(name, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// A valid `measures.csv` (no example holds one).
const MEASURES: &str = "customer_id,measure,date,value\nC-ALPINE,active_users,2018-05-31,6000\n\
                        C-ALPINE,active_users,2018-06-30,7000\nC-BAYSIDE,active_users,2018-06-30,3500\n";

/// How the columns of a CSV file are written as Parquet.
#[derive(Clone, Copy)]
enum Style {
    /// UTF8 text everywhere, Snappy, dictionary pages, version 1 data pages.
    Strings,
    /// DATE days, DECIMAL amounts, DOUBLE rates; uncompressed, plain, version 2 data pages (delta
    /// encodings), so that mutations reach the decoders rather than the decompressor.
    Typed,
}

/// `csv` (a simple file: no quotes) as a Parquet file, 40 rows per row group.
fn parquet_of(csv: &[u8], style: Style) -> Vec<u8> {
    use parquet::basic::Compression;
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
    use parquet::file::properties::{WriterProperties, WriterVersion};
    use parquet::file::writer::SerializedFileWriter;

    let text = std::str::from_utf8(csv).unwrap();
    let mut lines = text.lines().filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    #[derive(Clone, Copy)]
    enum Kind {
        Text,
        Day,
        Cents,
        Double,
    }
    let kinds: Vec<Kind> = header
        .iter()
        .map(|name| match (style, *name) {
            (Style::Strings, _) => Kind::Text,
            (Style::Typed, "date" | "start" | "end" | "joined" | "left" | "expires") => Kind::Day,
            (Style::Typed, "amount") => Kind::Cents,
            (Style::Typed, "usd_per_unit") => Kind::Double,
            _ => Kind::Text,
        })
        .collect();
    let fields: Vec<String> = header
        .iter()
        .zip(&kinds)
        .map(|(name, kind)| match kind {
            Kind::Text => format!("optional binary {name} (UTF8);"),
            Kind::Day => format!("optional int32 {name} (DATE);"),
            Kind::Cents => format!("optional int64 {name} (DECIMAL(18,2));"),
            Kind::Double => format!("optional double {name};"),
        })
        .collect();
    let schema = format!("message seed {{ {} }}", fields.join(" "));
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema).unwrap());
    let properties = match style {
        Style::Strings => WriterProperties::builder().set_compression(Compression::SNAPPY),
        Style::Typed => WriterProperties::builder()
            .set_compression(Compression::UNCOMPRESSED)
            .set_dictionary_enabled(false)
            .set_writer_version(WriterVersion::PARQUET_2_0),
    };
    let mut out = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut out, schema, Arc::new(properties.build())).unwrap();
    for group in rows.chunks(40) {
        let mut row_group = writer.next_row_group().unwrap();
        for (k, kind) in kinds.iter().enumerate() {
            let values: Vec<Option<&str>> = group.iter().map(|r| r.get(k).copied().filter(|v| !v.is_empty())).collect();
            let defs: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
            let present = values.iter().flatten();
            let mut column = row_group.next_column().unwrap().unwrap();
            match kind {
                Kind::Text => {
                    let v: Vec<ByteArray> = present.map(|t| ByteArray::from(*t)).collect();
                    column.typed::<ByteArrayType>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Kind::Day => {
                    let day = |t: &str| (t.parse::<Date>().unwrap() - date(1970, 1, 1)).get_days();
                    let v: Vec<i32> = present.map(|t| day(t)).collect();
                    column.typed::<Int32Type>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Kind::Cents => {
                    let cents = |t: &str| {
                        let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
                        format!("{whole}{fraction:0<2}").parse::<i64>().unwrap()
                    };
                    let v: Vec<i64> = present.map(|t| cents(t)).collect();
                    column.typed::<Int64Type>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Kind::Double => {
                    let v: Vec<f64> = present.map(|t| t.parse().unwrap()).collect();
                    column.typed::<DoubleType>().write_batch(&v, Some(&defs), None).unwrap();
                }
            }
            column.close().unwrap();
        }
        row_group.close().unwrap();
    }
    writer.close().unwrap();
    out
}

/// The folder with every CSV file given as Parquet.
fn all_parquet(files: &BTreeMap<String, Vec<u8>>, style: Style) -> BTreeMap<String, Vec<u8>> {
    files.iter().map(|(name, csv)| (attain_input::parquet_name(name), parquet_of(csv, style))).collect()
}

/// The folder with the DuckDB-written fixture `fixture` as its `consumption.parquet`.
fn with_fixture(files: &BTreeMap<String, Vec<u8>>, fixture: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files = files.clone();
    files.remove("consumption.csv");
    let path = repository().join("crates/attain-input/tests/fixtures").join(fixture);
    files.insert("consumption.parquet".into(), std::fs::read(path).unwrap());
    files
}

fn bases() -> &'static [Base] {
    static BASES: OnceLock<Vec<Base>> = OnceLock::new();
    BASES.get_or_init(|| {
        let contoso = files_of(&repository().join("examples/contoso"));
        let fabrikam = files_of(&repository().join("examples/fabrikam-2024"));
        let focus = files_of(&repository().join("crates/attain-batch/tests/fixtures/focus"));
        let contoso_as_of = vec![date(2018, 6, 30), date(2018, 6, 15), date(2017, 12, 31)];
        let focus_as_of = vec![date(2018, 6, 30), date(2018, 3, 31)];
        let base = |name, files, format, as_of: &Vec<Date>| Base { name, files, format, as_of: as_of.clone() };
        let (spec, focus_format) = (ConsumptionFormat::Spec, ConsumptionFormat::Focus);
        vec![
            base("contoso", contoso.clone(), spec, &contoso_as_of),
            base("fabrikam", fabrikam, spec, &vec![date(2024, 6, 30), date(2023, 12, 31)]),
            base("focus", focus.clone(), focus_format, &focus_as_of),
            base("contoso-parquet", with_fixture(&contoso, "contoso-consumption.parquet"), spec, &contoso_as_of),
            base("contoso-zstd", with_fixture(&contoso, "contoso-consumption-zstd.parquet"), spec, &contoso_as_of),
            base("focus-parquet", with_fixture(&focus, "focus-consumption.parquet"), focus_format, &focus_as_of),
            base("contoso-strings", all_parquet(&contoso, Style::Strings), spec, &contoso_as_of),
            base("contoso-typed", all_parquet(&contoso, Style::Typed), spec, &contoso_as_of),
        ]
    })
}

/// One file to damage: of which base, under which name, from which valid bytes.
#[derive(Clone)]
struct Target {
    base: usize,
    name: String,
    seed: Vec<u8>,
}

/// Every file of every base (Parquet ones when `parquet`, else CSV ones), plus the optional
/// files a base lacks (`measures.csv`, `fx_rates.csv`).
fn targets(parquet: bool) -> Vec<Target> {
    targets_of(parquet, |_| true)
}

/// The files of the bases that hold CSV files only: what a source in memory can hold.
fn csv_targets() -> Vec<Target> {
    targets_of(false, |base| base.files.keys().all(|n| n.ends_with(".csv")))
}

fn targets_of(parquet: bool, bases_taken: impl Fn(&Base) -> bool) -> Vec<Target> {
    let contoso_rates = bases()[0].files["fx_rates.csv"].clone();
    let mut targets = Vec::new();
    for (b, base) in bases().iter().enumerate().filter(|(_, base)| bases_taken(base)) {
        for (name, bytes) in &base.files {
            if name.ends_with(".parquet") == parquet {
                targets.push(Target { base: b, name: name.clone(), seed: bytes.clone() });
            }
        }
        let csv_base = base.files.keys().all(|n| n.ends_with(".csv"));
        if !parquet && csv_base {
            targets.push(Target { base: b, name: "measures.csv".into(), seed: MEASURES.as_bytes().to_vec() });
            if !base.files.contains_key("fx_rates.csv") {
                targets.push(Target { base: b, name: "fx_rates.csv".into(), seed: contoso_rates.clone() });
            }
        }
    }
    targets
}

/// A base with one file replaced by a damaged one.
#[derive(Clone)]
struct Case {
    base: usize,
    name: String,
    bytes: Input,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}: {:?}", self.name, bases()[self.base].name, self.bytes)
    }
}

impl Case {
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = bases()[self.base].files.clone();
        files.insert(self.name.clone(), self.bytes.0.clone());
        files
    }
}

fn damaged(targets: Vec<Target>) -> impl Strategy<Value = Case> {
    let targets = Arc::new(targets);
    (0..targets.len()).prop_flat_map(move |t| {
        let t = targets[t].clone();
        let bytes = if t.name.ends_with(".parquet") { binary_file(t.seed) } else { text_file(t.seed, CSV_BYTES) };
        bytes.prop_map(move |bytes| Case { base: t.base, name: t.name.clone(), bytes })
    })
}

/// A folder of this test's own, emptied.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-arbitrary-bytes-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Makes `dir` hold exactly `files`.
fn fill(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if !files.contains_key(entry.file_name().to_str().unwrap()) {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

/// Files in memory as bytes: unlike [`MemorySource`], which holds text, any bytes at all.
struct BytesSource(BTreeMap<String, Vec<u8>>);

impl Source for BytesSource {
    fn path_of(&self, name: &str) -> String {
        format!("memory/{name}")
    }
    fn describe(&self) -> String {
        "memory".into()
    }
    fn open(&self, name: &str) -> std::io::Result<Option<Box<dyn Read + '_>>> {
        Ok(self.0.get(name).map(|bytes| Box::new(&bytes[..]) as Box<dyn Read>))
    }
}

type Outcome<T> = Result<T, Vec<InputError>>;

fn outcome<T>(read: Result<T, attain_input::InputErrors>) -> Outcome<T> {
    read.map_err(|errors| errors.0)
}

fn json(evaluation: &attain_engine::Evaluation) -> serde_json::Value {
    serde_json::to_value(evaluation).unwrap()
}

// ---------------------------------------------------------------------------------------------
// The tests.

/// The seeds are valid, so that their mutations start from files that reach every reader's end.
#[test]
fn the_seeds_are_valid() {
    let csv = read_with(&DirSource(&repository().join("examples/contoso")), ConsumptionFormat::Spec).unwrap();
    let dir = scratch("seeds");
    for base in bases() {
        fill(&dir, &base.files);
        let facts = read_with(&DirSource(&dir), base.format).unwrap_or_else(|e| panic!("{}: {e}", base.name));
        if base.name.starts_with("contoso-") {
            assert_eq!(facts.partners, csv.partners, "{}", base.name);
            assert_eq!(facts.consumption.len(), csv.consumption.len(), "{}", base.name);
        }
        for as_of in &base.as_of {
            let decided = evaluate_dir_in_pieces(rules(), threshold_program(), &dir, base.format, *as_of, 1 << 20);
            decided.unwrap_or_else(|e| panic!("{} as of {as_of}: declined: {e}", base.name));
        }
    }
    let mut files = bases()[0].files.clone();
    files.insert("measures.csv".into(), MEASURES.as_bytes().to_vec());
    read_with(&BytesSource(files), ConsumptionFormat::Spec).unwrap();
    Rules::from_dir(&rules_copy()).unwrap();
    assert!(rules_seeds().len() >= 10);
    assert!(Rollup::from_bytes(Arc::new(rollup_seed().to_vec())).is_ok());
    assert!(page_seeds().len() >= 10);
    let names: Vec<String> = targets(false).into_iter().map(|t| t.name).collect();
    assert!(ALL_FILE_NAMES.iter().all(|n| names.iter().any(|t| t == n)), "every input file is damaged: {names:?}");
    let parquet: Vec<String> = targets(true).into_iter().map(|t| t.name).collect();
    let every = ALL_FILE_NAMES.iter().filter(|n| **n != "measures.csv");
    assert!(
        every.map(|n| attain_input::parquet_name(n)).all(|n| parquet.contains(&n)),
        "every file as Parquet: {parquet:?}"
    );
    let _ = std::fs::remove_dir_all(rules_copy());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `attain_input::read` over files in memory (uploads and rule test cases read this way), each
/// file of the folder damaged in turn. The bytes read as text ([`MemorySource`]) and as bytes
/// give the same result, and the reference reader that reads people and achievements on another
/// thread, from their bytes when it can, gives the same facts and errors as the exact one.
#[test]
fn input_files_in_memory() {
    check("input files in memory", 2_000, damaged(csv_targets()), |case| {
        let base = &bases()[case.base];
        let files = case.files();
        let bytes = BytesSource(files.clone());
        let what = format!("read {case:?}");
        let read = timed(&what, &case.bytes.0, || outcome(read_with(&bytes, base.format)))?;
        if let Ok(text) = String::from_utf8(case.bytes.0.clone()) {
            let mut texts: BTreeMap<String, String> =
                files.iter().map(|(n, b)| (n.clone(), String::from_utf8(b.clone()).unwrap())).collect();
            texts.insert(case.name.clone(), text);
            let memory = MemorySource { label: "memory".into(), files: texts };
            let as_text = timed(&what, &case.bytes.0, || outcome(read_with(&memory, base.format)))?;
            prop_assert_eq!(&as_text, &read, "read as text and as bytes");
        }
        let exact = timed(&what, &case.bytes.0, || outcome(read_reference(&bytes)))?;
        let meanwhile = timed(&what, &case.bytes.0, || read_reference_meanwhile(&bytes, true, |_, _| ()))?;
        same("read_reference_meanwhile and read_reference", &outcome(meanwhile.0), &exact)?;
        Ok(())
    });
}

/// Parquet files (the DuckDB fixtures and every file of the example, written with strings and
/// with typed columns) damaged, read from a folder: Parquet is read in place, from a file.
#[test]
fn parquet_files() {
    let dir = scratch("parquet");
    check("parquet files", 1_000, damaged(targets(true)), |case| {
        fill(&dir, &case.files());
        let format = bases()[case.base].format;
        timed(&format!("read {case:?}"), &case.bytes.0, || drop(read_with(&DirSource(&dir), format)))?;
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
}

/// What [`batch_agrees`] saw.
#[derive(Default)]
struct Agreement {
    /// Decided by the batch path (the same as by the classic reader and engine).
    decided: AtomicUsize,
    /// Refused by the classic reader, declined by the batch path.
    refused: AtomicUsize,
}

/// The batch path on the folder `dir`: it decides what the classic reader and engine decide, or
/// declines; it declines whatever the classic reader refuses; a roll-up holds the credit of the
/// classic reader's facts, or the classic reader's errors.
fn batch_agrees(
    dir: &Path,
    format: ConsumptionFormat,
    as_of: Date,
    piece: u64,
    (what, input): (&str, &[u8]),
    seen: &Agreement,
) -> Result<(), TestCaseError> {
    let (rules, program) = (rules(), threshold_program());
    let classic = timed(&format!("classic {what}"), input, || read_with(&DirSource(dir), format))?;
    let batch =
        timed(&format!("batch {what}"), input, || evaluate_dir_in_pieces(rules, program, dir, format, as_of, piece))?;
    let rolled = timed(&format!("roll-up {what}"), input, || roll_up(program, dir, format))?;
    match (&batch, &classic) {
        (Ok(streamed), Ok(facts)) => {
            let engine = Engine::new(rules, program, facts.clone()).and_then(|e| e.evaluate(as_of, &[]));
            let engine = engine.map_err(|e| TestCaseError::fail(format!("the engine refuses: {e}")))?;
            same("batch and classic decisions", &json(streamed), &json(&engine))?;
            seen.decided.fetch_add(1, Ordering::Relaxed);
        }
        (Ok(_), Err(errors)) => {
            return Err(TestCaseError::fail(format!(
                "the batch path decided input the classic reader refuses:\n{errors}"
            )));
        }
        (Err(_), Ok(_)) => {}
        (Err(_), Err(_)) => {
            seen.refused.fetch_add(1, Ordering::Relaxed);
        }
    }
    let expected = outcome(classic).and_then(|facts| match credit_of(&facts, program, None) {
        Ok(credit) => Ok((Facts { consumption: Vec::new(), labels: Vec::new(), ..facts }, credit)),
        Err(why) => Err(vec![InputError { file: String::new(), line: None, column: None, message: why.0 }]),
    });
    match (outcome(rolled), expected) {
        (Ok((facts, credit)), Ok(expected)) => {
            same("rolled-up facts", &Facts { labels: Vec::new(), ..facts }, &expected.0)?;
            same("rolled-up credit", &credit, &expected.1)?;
        }
        (Err(rolled), Err(expected)) => {
            // The classic reader's own errors (a credit that overflows is worded by roll_up).
            if expected[0].file.is_empty() {
                prop_assert_eq!(rolled.len(), 1);
            } else {
                same("roll-up errors", &rolled, &expected)?;
            }
        }
        (rolled, expected) => {
            let (rolled, expected) = (rolled.is_ok(), expected.is_ok());
            return Err(TestCaseError::fail(format!("rolled up: {rolled}, classic reader: {expected}")));
        }
    }
    Ok(())
}

/// Fails when `left` and `right` differ, saying what differs first (with a few lines around it)
/// before anything else: a CI log keeps only the start and the end of a long message.
fn same<T: fmt::Debug + PartialEq>(what: &str, left: &T, right: &T) -> Result<(), TestCaseError> {
    if left == right {
        return Ok(());
    }
    let (l, r) = (format!("{left:#?}"), format!("{right:#?}"));
    let (l, r): (Vec<&str>, Vec<&str>) = (l.lines().collect(), r.lines().collect());
    let first = l.iter().zip(&r).position(|(a, b)| a != b).unwrap_or(l.len().min(r.len()));
    let around = |lines: &[&str]| lines[first.saturating_sub(3)..(first + 4).min(lines.len())].join("\n");
    Err(TestCaseError::fail(format!(
        "{what} differ from line {} of their Debug forms:\n--- left\n{}\n--- right\n{}",
        first + 1,
        around(&l),
        around(&r)
    )))
}

/// The pieces the batch path reads consumption in: small ones cut lines everywhere.
fn pieces() -> impl Strategy<Value = u64> {
    select(vec![7u64, 64, 4093, 1 << 20])
}

/// The batch path's fast readers (consumption streamed from CSV or Parquet, in pieces of any
/// size; associations, partners, people and achievements from their bytes) on damaged folders:
/// see [`batch_agrees`].
#[test]
fn the_batch_path_decides_as_the_classic_reader_or_declines() {
    let dir = scratch("batch");
    let seen = Agreement::default();
    let all: Vec<Target> = targets(false).into_iter().chain(targets(true)).collect();
    check("batch path", BATCH_CASES, (damaged(all), any::<Index>(), pieces()), |(case, as_of, piece)| {
        let base = &bases()[case.base];
        let as_of = base.as_of[as_of.index(base.as_of.len())];
        fill(&dir, &case.files());
        let what = format!("{case:?} as of {as_of} in pieces of {piece}");
        batch_agrees(&dir, base.format, as_of, piece, (&what, &case.bytes.0), &seen)
    });
    let (decided, refused) = (seen.decided.into_inner(), seen.refused.into_inner());
    eprintln!("batch path: {decided} cases decided, {refused} refused by both");
    if cases(BATCH_CASES) >= 100 {
        assert!(decided > 0 && refused > 0, "the cases reach both outcomes: {decided} decided, {refused} refused");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

const BATCH_CASES: u32 = 400;

// ---------------------------------------------------------------------------------------------
// Parquet files written whole, with values of every type: what a real writer may put in them.

/// The type of a column of a generated Parquet file.
#[derive(Clone, Copy, Debug)]
enum Typed {
    /// UTF8 text: a plausible value of the column, or arbitrary bytes.
    Text,
    /// Unscaled integers in INT32, INT64, FIXED_LEN_BYTE_ARRAY(`len`) or BYTE_ARRAY (`len` 0).
    Decimal {
        physical: Physical,
        len: usize,
        precision: u32,
        scale: u32,
    },
    Date,
    Timestamp(&'static str),
    Int96,
    Double,
    Float,
    Boolean,
    /// INT32 or INT64, signed or not.
    Integer {
        bits: u8,
        signed: bool,
    },
}

#[derive(Clone, Copy, Debug)]
enum Physical {
    Int32,
    Int64,
    Fixed,
    Bytes,
}

/// The most digits a FIXED_LEN_BYTE_ARRAY of `len` bytes holds, as the Parquet format counts them.
fn max_precision(len: usize) -> u32 {
    ((8 * len - 1) as f64 * 2f64.log10()).floor() as u32
}

fn typed() -> impl Strategy<Value = Typed> {
    let decimal = |physical, len: usize, max: u32| {
        (1..=max)
            .prop_flat_map(move |p| (0..=p).prop_map(move |s| Typed::Decimal { physical, len, precision: p, scale: s }))
    };
    // A BYTE_ARRAY's precision has no bound in the format; attain reads up to 38 digits.
    let wide = prop_oneof![4 => 0..=40u32, 1 => Just(1_000u32), 1 => Just(65_535u32)];
    let wide = wide.prop_map(|s| Typed::Decimal { physical: Physical::Bytes, len: 0, precision: s.max(1), scale: s });
    prop_oneof![
        6 => Just(Typed::Text),
        1 => decimal(Physical::Int32, 4, 9),
        1 => decimal(Physical::Int64, 8, 18),
        1 => (1..=20usize).prop_flat_map(move |len| decimal(Physical::Fixed, len, max_precision(len))),
        1 => wide,
        2 => Just(Typed::Date),
        1 => select(vec!["MILLIS", "MICROS", "NANOS"]).prop_map(Typed::Timestamp),
        1 => Just(Typed::Int96),
        1 => Just(Typed::Double),
        1 => Just(Typed::Float),
        1 => Just(Typed::Boolean),
        1 => (select(vec![8u8, 16, 32, 64]), any::<bool>()).prop_map(|(bits, signed)| Typed::Integer { bits, signed }),
    ]
}

/// The types a writer would likely give the column.
fn natural(column: &str) -> BoxedStrategy<Typed> {
    match column {
        "date" | "start" | "end" | "joined" | "left" | "expires" => {
            prop_oneof![Just(Typed::Date), Just(Typed::Timestamp("MICROS")), Just(Typed::Text)].boxed()
        }
        "amount" | "usd_per_unit" => prop_oneof![
            Just(Typed::Decimal { physical: Physical::Int64, len: 8, precision: 18, scale: 2 }),
            Just(Typed::Decimal { physical: Physical::Fixed, len: 16, precision: 38, scale: 6 }),
            Just(Typed::Double),
            Just(Typed::Text),
        ]
        .boxed(),
        "value" => prop_oneof![Just(Typed::Integer { bits: 64, signed: true }), Just(Typed::Text)].boxed(),
        _ => Just(Typed::Text).boxed(),
    }
}

/// A value the column might hold, for text.
fn plausible(column: &str, pick: u64) -> &'static [u8] {
    let values: &[&[u8]] = match column {
        "customer_id" => &[b"C-ALPINE", b"C-BAYSIDE", b"C-YANGTZE"],
        "partner_id" => &[b"P001", b"P002"],
        "person_id" => &[b"E001", b"E002"],
        "date" | "start" | "joined" => &[b"2018-01-31", b"2017-06-01", b"2018-06-30"],
        "end" | "left" | "expires" => &[b"", b"2018-12-31"],
        "amount" | "usd_per_unit" | "value" => &[b"12.50", b"-3", b"1200", b"0.000001"],
        "currency" => &[b"USD", b"USD", b"EUR"],
        "month" => &[b"2018-01", b"2017-12"],
        "kind" => &[b"DPOR", b"CSP", b"TPOR"],
        "credential" => &[b"exam:70-533", b"assessment:13736"],
        "country" => &[b"US", b"DE"],
        "market" => &[b"", b"developed"],
        "measure" => &[b"active_users"],
        _ => &[b"Name", b"x"],
    };
    values[(pick % values.len() as u64) as usize]
}

/// A column of a generated file: its name, type, and one number a row (`None` for NULL) that
/// becomes the row's value: an arbitrary one of the type, or (odd numbers) a likely one.
#[derive(Clone, Debug)]
struct GeneratedColumn {
    name: String,
    typed: Typed,
    rows: Vec<Option<u64>>,
}

/// The file whose columns are these, in row groups of `group` rows.
fn write_generated(columns: &[GeneratedColumn], group: usize) -> Vec<u8> {
    use parquet::data_type::{
        BoolType, ByteArray, ByteArrayType, DoubleType, FixedLenByteArray, FixedLenByteArrayType, FloatType, Int32Type,
        Int64Type, Int96, Int96Type,
    };
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;

    let fields: Vec<String> = columns
        .iter()
        .map(|c| {
            let name = &c.name;
            match c.typed {
                Typed::Text => format!("optional binary {name} (UTF8);"),
                Typed::Decimal { physical, len, precision: p, scale: s } => match physical {
                    Physical::Int32 => format!("optional int32 {name} (DECIMAL({p},{s}));"),
                    Physical::Int64 => format!("optional int64 {name} (DECIMAL({p},{s}));"),
                    Physical::Fixed => format!("optional fixed_len_byte_array({len}) {name} (DECIMAL({p},{s}));"),
                    Physical::Bytes => format!("optional binary {name} (DECIMAL({p},{s}));"),
                },
                Typed::Date => format!("optional int32 {name} (DATE);"),
                Typed::Timestamp(unit) => format!("optional int64 {name} (TIMESTAMP({unit},true));"),
                Typed::Int96 => format!("optional int96 {name};"),
                Typed::Double => format!("optional double {name};"),
                Typed::Float => format!("optional float {name};"),
                Typed::Boolean => format!("optional boolean {name};"),
                Typed::Integer { bits, signed } => {
                    let physical = if bits == 64 { "int64" } else { "int32" };
                    format!("optional {physical} {name} (INTEGER({bits},{signed}));")
                }
            }
        })
        .collect();
    let schema = format!("message generated {{ {} }}", fields.join(" "));
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema).unwrap());
    let mut out = Vec::new();
    let mut writer =
        SerializedFileWriter::new(&mut out, schema, Arc::new(WriterProperties::builder().build())).unwrap();
    let rows = columns.first().map_or(0, |c| c.rows.len());
    for start in (0..rows).step_by(group.max(1)) {
        let mut row_group = writer.next_row_group().unwrap();
        for c in columns {
            let part = &c.rows[start..(start + group).min(rows)];
            let defs: Vec<i16> = part.iter().map(|v| i16::from(v.is_some())).collect();
            // Odd numbers make a likely value, even ones an arbitrary one.
            let values = part.iter().flatten().map(|n| (n & 1 == 1, n >> 1));
            let mut column = row_group.next_column().unwrap().unwrap();
            let big = |n: u64, len: usize| (n as i64 as i128).to_be_bytes()[16 - len.min(16)..].to_vec();
            match c.typed {
                Typed::Text => {
                    let v: Vec<ByteArray> = values
                        .map(|(likely, n)| match likely {
                            true => ByteArray::from(plausible(&c.name, n).to_vec()),
                            false => ByteArray::from(n.to_le_bytes()[..(n % 9) as usize].to_vec()),
                        })
                        .collect();
                    column.typed::<ByteArrayType>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Decimal { physical, len, precision, .. } => {
                    let fits = |n: u64| (n % 10u64.pow(precision.min(18))) as i64;
                    match physical {
                        Physical::Int32 => {
                            let v: Vec<i32> = values.map(|(l, n)| if l { fits(n) as i32 } else { n as i32 }).collect();
                            column.typed::<Int32Type>().write_batch(&v, Some(&defs), None).unwrap();
                        }
                        Physical::Int64 => {
                            let v: Vec<i64> = values.map(|(l, n)| if l { fits(n) } else { n as i64 }).collect();
                            column.typed::<Int64Type>().write_batch(&v, Some(&defs), None).unwrap();
                        }
                        Physical::Fixed => {
                            let v: Vec<FixedLenByteArray> = values
                                .map(|(l, n)| {
                                    let mut bytes = vec![if !l && n & 2 == 0 { 0xff } else { 0 }; len];
                                    let tail = big(if l { fits(n) as u64 } else { n }, len);
                                    bytes[len - tail.len()..].copy_from_slice(&tail);
                                    FixedLenByteArray::from(bytes)
                                })
                                .collect();
                            column.typed::<FixedLenByteArrayType>().write_batch(&v, Some(&defs), None).unwrap();
                        }
                        Physical::Bytes => {
                            let v: Vec<ByteArray> = values
                                .map(|(l, n)| {
                                    ByteArray::from(big(if l { fits(n) as u64 } else { n }, (n % 17) as usize))
                                })
                                .collect();
                            column.typed::<ByteArrayType>().write_batch(&v, Some(&defs), None).unwrap();
                        }
                    }
                }
                Typed::Date => {
                    let v: Vec<i32> =
                        values.map(|(l, n)| if l { 17_167 + (n % 546) as i32 } else { n as i32 }).collect();
                    column.typed::<Int32Type>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Timestamp(unit) => {
                    let per_day: i64 = match unit {
                        "MILLIS" => 86_400_000,
                        "MICROS" => 86_400_000_000,
                        _ => 86_400_000_000_000,
                    };
                    let likely =
                        |n: u64| (17_167 + (n % 546) as i64) * per_day + if n % 8 == 1 { per_day / 24 } else { 0 };
                    let v: Vec<i64> = values.map(|(l, n)| if l { likely(n) } else { n as i64 }).collect();
                    column.typed::<Int64Type>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Int96 => {
                    let v: Vec<Int96> = values
                        .map(|(l, n)| {
                            let day = if l { 2_458_000 + (n % 1_000) as u32 } else { (n >> 32) as u32 };
                            Int96::from(vec![if l { 0 } else { n as u32 }, 0, day])
                        })
                        .collect();
                    column.typed::<Int96Type>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Double => {
                    let v: Vec<f64> = values
                        .map(|(l, n)| if l { (n % 1_000_000) as f64 / 100.0 } else { f64::from_bits(n) })
                        .collect();
                    column.typed::<DoubleType>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Float => {
                    let v: Vec<f32> = values
                        .map(|(l, n)| if l { (n % 100_000) as f32 / 100.0 } else { f32::from_bits(n as u32) })
                        .collect();
                    column.typed::<FloatType>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Boolean => {
                    let v: Vec<bool> = values.map(|(_, n)| n & 1 == 1).collect();
                    column.typed::<BoolType>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Integer { bits: 64, .. } => {
                    let v: Vec<i64> = values.map(|(l, n)| if l { (n % 10_000) as i64 } else { n as i64 }).collect();
                    column.typed::<Int64Type>().write_batch(&v, Some(&defs), None).unwrap();
                }
                Typed::Integer { bits, signed } => {
                    // In range of the declared width, as the writer requires of a valid file.
                    let narrow = |n: u64| match (bits, signed) {
                        (8, true) => n as i8 as i32,
                        (8, false) => i32::from(n as u8),
                        (16, true) => n as i16 as i32,
                        (16, false) => i32::from(n as u16),
                        _ => n as i32,
                    };
                    let v: Vec<i32> = values.map(|(l, n)| if l { (n % 100) as i32 } else { narrow(n) }).collect();
                    column.typed::<Int32Type>().write_batch(&v, Some(&defs), None).unwrap();
                }
            }
            column.close().unwrap();
        }
        row_group.close().unwrap();
    }
    writer.close().unwrap();
    out
}

/// A file of the example given as Parquet whose columns (the CSV file's, sometimes one left
/// out or one more) have types and values of any kind.
fn generated_file() -> impl Strategy<Value = (String, Vec<GeneratedColumn>, usize)> {
    let mut files: Vec<(String, Vec<String>)> = bases()[0]
        .files
        .iter()
        .map(|(name, csv)| (name.clone(), csv.split(|b| *b == b'\n').next().unwrap().to_vec()))
        .chain([("measures.csv".to_owned(), MEASURES.lines().next().unwrap().as_bytes().to_vec())])
        .map(|(name, header)| (name, String::from_utf8(header).unwrap().split(',').map(str::to_owned).collect()))
        .collect();
    // The consumption file most, which the batch path streams too; with its optional columns.
    let consumption = files.iter().position(|(n, _)| n == "consumption.csv").unwrap();
    files[consumption].1.extend(["service".to_owned(), "offer".to_owned()]);
    let consumption = files[consumption].clone();
    files.extend(std::iter::repeat_n(consumption, 4));
    let dropped = proptest::option::weighted(0.1, any::<Index>());
    (select(files), 0..6usize, dropped, 1..4usize).prop_flat_map(|((name, mut header), rows, dropped, group)| {
        if let Some(dropped) = dropped {
            header.remove(dropped.index(header.len()));
        }
        let column =
            move |name: String| {
                let typed = prop_oneof![natural(&name), typed()];
                let value = prop_oneof![7 => any::<u64>().prop_map(|n| n | 1), 1 => any::<u64>()];
                (typed, vec(proptest::option::weighted(0.97, value), rows))
                    .prop_map(move |(typed, rows)| GeneratedColumn { name: name.clone(), typed, rows })
            };
        let columns: Vec<_> = header.into_iter().map(column).collect();
        (Just(name), columns, Just(group))
    })
}

/// Valid Parquet files whose values are of any type and any value, as the classic reader and
/// (for consumption) the batch path read them: no panic, and the two agree.
#[test]
fn parquet_values() {
    let dir = scratch("parquet-values");
    let seen = Agreement::default();
    check(
        "parquet values",
        500,
        (generated_file(), any::<Index>(), pieces()),
        |((name, columns, group), as_of, piece)| {
            let base = &bases()[0];
            let bytes = write_generated(&columns, group);
            let mut files = base.files.clone();
            files.remove(&name);
            files.insert(attain_input::parquet_name(&name), bytes.clone());
            fill(&dir, &files);
            let as_of = base.as_of[as_of.index(base.as_of.len())];
            let what = format!("{name} as Parquet of {columns:?} in groups of {group}: {:?}", Input(bytes.clone()));
            batch_agrees(&dir, base.format, as_of, piece, (&what, &bytes), &seen)
        },
    );
    let (decided, refused) = (seen.decided.into_inner(), seen.refused.into_inner());
    eprintln!("parquet values: {decided} cases decided, {refused} refused by both");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// What the runs found, reduced: regression tests.

/// Two rows of consumption, from which the Parquet reproducers below are made.
const TWO_ROWS: &[u8] =
    b"customer_id,date,amount,currency\nC-ALPINE,2017-01-28,4200.00,USD\nC-ALPINE,2017-02-28,10.00,USD\n";

/// The example with `consumption` as its `consumption.parquet`, which the classic reader must
/// refuse, the batch path decline and the roll-up refuse with the classic reader's errors: those
/// errors.
fn refused_by_every_reader(test: &str, consumption: Vec<u8>) -> Vec<InputError> {
    let dir = scratch(test);
    let mut files = bases()[0].files.clone();
    files.remove("consumption.csv");
    files.insert("consumption.parquet".into(), consumption);
    fill(&dir, &files);
    let (rules, program, spec) = (rules(), threshold_program(), ConsumptionFormat::Spec);
    let classic = read_with(&DirSource(&dir), spec);
    let batch = evaluate_dir_in_pieces(rules, program, &dir, spec, date(2018, 6, 30), 1 << 20);
    let rolled = roll_up(program, &dir, spec);
    let _ = std::fs::remove_dir_all(&dir);
    let errors = classic.expect_err("the classic reader refuses the file").0;
    assert!(batch.is_err(), "the batch path decided input the classic reader refuses: {errors:?}");
    assert_eq!(rolled.expect_err("the roll-up refuses the file").0, errors);
    errors
}

/// A file of one row, whose schema is `schema` and whose column `k` `write` writes.
fn one_row(
    schema: &str,
    mut write: impl FnMut(usize, &mut parquet::file::writer::SerializedColumnWriter<'_>),
) -> Vec<u8> {
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let mut file = Vec::new();
    let mut writer =
        SerializedFileWriter::new(&mut file, schema, Arc::new(WriterProperties::builder().build())).unwrap();
    let mut row_group = writer.next_row_group().unwrap();
    let mut k = 0;
    while let Some(mut column) = row_group.next_column().unwrap() {
        write(k, &mut column);
        column.close().unwrap();
        k += 1;
    }
    row_group.close().unwrap();
    writer.close().unwrap();
    file
}

/// Writes `value` as the one value of a BYTE_ARRAY column.
fn write_bytes(column: &mut parquet::file::writer::SerializedColumnWriter<'_>, value: &[u8]) {
    use parquet::data_type::{ByteArray, ByteArrayType};
    column.typed::<ByteArrayType>().write_batch(&[ByteArray::from(value.to_vec())], None, None).unwrap();
}

/// The parquet crate (59.3.2) panics on these one-byte changes (and a six-byte insertion) of a
/// valid two-row file written by the crate itself, instead of returning an error (in
/// `SerializedFileReader::new`, `get_column_reader` and `read_records`): attain catches the
/// panic and reports the file as any other it cannot read.
#[test]
fn parquet_files_the_parquet_crate_panics_on_are_refused() {
    let (strings, typed) = (parquet_of(TWO_ROWS, Style::Strings), parquet_of(TWO_ROWS, Style::Typed));
    assert_eq!((strings.len(), typed.len()), (952, 859), "the seeds changed: find the byte changes again");
    // The seed, the offset, the bytes there and those put instead, where the parquet crate panics.
    type Patch<'a> = (&'a [u8], usize, &'a [u8], &'a [u8], &'a str);
    let patches: [Patch; 6] = [
        (&strings, 830, b"d", b"\x05", "file/metadata/mod.rs:1063 column start and length should not be negative"),
        (&strings, 834, b"&", b"\x01", "column/reader/decoder.rs:213 Decoder for dict should have been set"),
        (&strings, 139, b"\x04", b"\x0c", "util/bit_util.rs:252 assertion failed: size <= src.len()"),
        (&typed, 42, b"\x10", b"\x00", "bytes.rs:374 range end out of bounds (DeltaLengthByteArrayDecoder)"),
        (&typed, 43, b"\x0f", b"\x19", "encodings/decoding.rs:1012 attempt to add with overflow"),
        (&typed, 33, b"", b"\x00\x00\x00\x00\x16\x00", "data_type.rs:237 set_data should have been called"),
    ];
    for (seed, at, was, now, site) in patches {
        assert_eq!(&seed[at..at + was.len()], was, "the seed changed at {at}: find the byte changes again");
        let damaged = [&seed[..at], now, &seed[at + was.len()..]].concat();
        let errors = refused_by_every_reader("damaged-parquet", damaged);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            shown.iter().any(|e| e.contains("consumption.parquet") && e.contains("Parquet error")),
            "{site}: {shown:#?}"
        );
    }
}

/// A DECIMAL of scale 65,535 (valid in a BYTE_ARRAY, whose precision has no bound) could not be
/// written out (`format!` takes a width below 65,536): a DECIMAL beyond 38 digits is refused.
#[test]
fn a_decimal_of_more_than_38_digits_is_refused() {
    let schema = "message m { required binary customer_id (UTF8); required binary date (UTF8); \
                  required binary amount (DECIMAL(65535,65535)); required binary currency (UTF8); }";
    let values: [&[u8]; 4] = [b"C-ALPINE", b"2018-01-31", b"\x01", b"USD"];
    let file = one_row(schema, |k, column| write_bytes(column, values[k]));
    let errors = refused_by_every_reader("decimal-scale", file);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}:column 3: amount: a DECIMAL(65535,65535): attain reads a precision of 1 to 38 digits and a scale \
             from 0 to the precision",
            errors[0].file
        )
    );
}

/// Row groups whose footer counts i64::MAX rows (the others -i64::MAX, so that the file's own
/// count stays in range) overflowed the sum of rows in `columnar::Opened::open`: a count below
/// zero, or a sum beyond 2^64 (which the crate's writer cannot write: see the unit tests of
/// `columnar::first_rows`), is refused.
#[test]
fn parquet_row_counts_that_overflow_are_refused() {
    use parquet::file::metadata::{ParquetMetaDataReader, ParquetMetaDataWriter};
    let file = parquet_of(&bases()[0].files["consumption.csv"], Style::Strings);
    let n = file.len();
    let footer = u32::from_le_bytes(file[n - 8..n - 4].try_into().unwrap()) as usize;
    let mut metadata = ParquetMetaDataReader::decode_metadata(&file[n - 8 - footer..n - 8]).unwrap().into_builder();
    let groups = metadata.take_row_groups().into_iter().enumerate();
    let counted = |(i, group): (usize, parquet::file::metadata::RowGroupMetaData)| {
        let rows = if i % 2 == 0 { i64::MAX } else { -i64::MAX };
        group.into_builder().set_num_rows(rows).build().unwrap()
    };
    let metadata = metadata.set_row_groups(groups.map(counted).collect()).build();
    assert!(metadata.num_row_groups() >= 3);
    let mut damaged = file[..n - 8 - footer].to_vec();
    ParquetMetaDataWriter::new(&mut damaged, &metadata).finish().unwrap();
    let errors = refused_by_every_reader("row-counts", damaged);
    let refused = "not a readable Parquet file: row group 2 counts -9223372036854775807 rows";
    assert!(errors.iter().any(|e| e.message == refused), "{errors:?}");
}

/// `consumption.parquet` with an `offer` value that the classic reader refuses (not UTF-8), or
/// an `offer` column of a type it does not read (TIME): the batch path, which read only the
/// four columns it sums, decided anyway; it reads the labels too now, and declines.
#[test]
fn the_batch_path_declines_parquet_labels_the_classic_reader_refuses() {
    let text = "message m { required binary customer_id (UTF8); required binary date (UTF8); \
                required binary amount (UTF8); required binary currency (UTF8); required binary offer (UTF8); }";
    let values: [&[u8]; 5] = [b"C-ALPINE", b"2018-01-31", b"100.00", b"USD", b"\xff"];
    let errors = refused_by_every_reader("labels-utf8", one_row(text, |k, column| write_bytes(column, values[k])));
    assert!(errors.iter().any(|e| e.message == "offer: not valid UTF-8"), "{errors:?}");
    let time = text.replace("required binary offer (UTF8)", "required int32 offer (TIME(MILLIS,true))");
    let file = one_row(&time, |k, column| match k {
        4 => {
            let offer = column.typed::<parquet::data_type::Int32Type>();
            offer.write_batch(&[1_000], None, None).unwrap();
        }
        _ => write_bytes(column, values[k]),
    });
    let errors = refused_by_every_reader("labels-time", file);
    assert!(errors.iter().any(|e| e.message.starts_with("offer: TIME")), "{errors:?}");
}

/// A copy of the shipped rules folder.
fn rules_copy() -> PathBuf {
    static COPY: OnceLock<PathBuf> = OnceLock::new();
    COPY.get_or_init(|| {
        let dir = scratch("rules-seed");
        for (path, text) in rules_seeds() {
            let to = dir.join(path);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, text).unwrap();
        }
        dir
    })
    .clone()
}

/// Every `.toml` file of the shipped rules, by path under `rules/`.
fn rules_seeds() -> &'static [(String, Vec<u8>)] {
    static SEEDS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds = Vec::new();
        for sub in ["catalog", "programs", "l10n"] {
            let dir = repository().join("rules").join(sub);
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "toml") {
                    let name = format!("{sub}/{}", path.file_name().unwrap().to_str().unwrap());
                    seeds.push((name, std::fs::read(&path).unwrap()));
                }
            }
        }
        seeds.sort();
        seeds
    })
}

/// The rules loader (`Rules::from_dir`: catalog, programs, translations) with one file damaged;
/// rules that load are whole, so the shipped rule test cases run on them (either engine, through
/// `attain_cases`, which reads the cases files' TOML, damaged or not): they may fail, not panic.
#[test]
fn rules_files() {
    let dir = scratch("rules");
    for (path, text) in rules_seeds() {
        std::fs::create_dir_all(dir.join(path).parent().unwrap()).unwrap();
        std::fs::write(dir.join(path), text).unwrap();
    }
    let strategy = select(rules_seeds().to_vec())
        .prop_flat_map(|(path, seed)| text_file(seed, TOML_BYTES).prop_map(move |bytes| (path.clone(), bytes)));
    let loaded = AtomicUsize::new(0);
    check("rules files", 400, strategy, |(path, bytes)| {
        std::fs::write(dir.join(&path), &bytes.0).unwrap();
        let what = format!("rules with {path} as {bytes:?}");
        let read = timed(&what, &bytes.0, || Rules::from_dir(&dir));
        let seed = &rules_seeds().iter().find(|(p, _)| *p == path).unwrap().1;
        std::fs::write(dir.join(&path), seed).unwrap();
        if let Ok(rules) = read? {
            loaded.fetch_add(1, Ordering::Relaxed);
            timed(&format!("the cases of {what}"), &bytes.0, || drop(attain_cases::run_all(&rules, None)))?;
        }
        Ok(())
    });
    eprintln!("rules files: {} of the cases loaded and ran their tests", loaded.into_inner());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Pages rendered by `attain requirements` (every program's versions, a few locales, Markdown
/// and HTML) and the hand-written pages of attain-docs' fixtures.
fn page_seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds = Vec::new();
        for program in &rules().programs {
            for version in &program.versions {
                for tag in ["en-US", "de-DE", "ja-JP", "fr-FR"] {
                    for format in [Format::Markdown, Format::Html] {
                        let page = requirements(rules(), program, version, &Localizer::new(tag), format);
                        seeds.push(page.into_bytes());
                    }
                }
            }
        }
        let fixtures = repository().join("crates/attain-docs/tests/fixtures");
        for dir in [fixtures.clone(), fixtures.join("languages")] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "md") {
                    seeds.push(std::fs::read(path).unwrap());
                }
            }
        }
        seeds
    })
}

/// `lint` on damaged pages, told the program and date or recognizing them itself.
#[test]
fn lint_pages() {
    let linter = Linter::new(rules(), "en-US");
    let programs = rules().programs.len();
    let page = select(page_seeds().to_vec()).prop_flat_map(
        |seed| prop_oneof![1 => noise(PAGE_BYTES, 2048).prop_map(Input), 8 => mutated(seed, PAGE_BYTES)],
    );
    let strategy = (
        page,
        proptest::option::of(0..programs),
        proptest::option::of(select(vec![date(2017, 9, 1), date(2024, 1, 31), date(1999, 1, 1)])),
    );
    check("lint", 1_000, strategy, |(page, program, as_of)| {
        let text = String::from_utf8_lossy(&page.0);
        let program = program.map(|p| &rules().programs[p]);
        let what = format!("lint of {page:?} against {:?} as of {as_of:?}", program.map(|p| &p.id));
        timed(&what, &page.0, || linter.lint(program, "page.md", &text, as_of))?;
        Ok(())
    });
}

/// A roll-up of the example, as `attain rollup` writes it.
fn rollup_seed() -> &'static [u8] {
    static SEED: OnceLock<Vec<u8>> = OnceLock::new();
    SEED.get_or_init(|| {
        let program = threshold_program();
        let dir = repository().join("examples/contoso");
        let (facts, credit) = roll_up(program, &dir, ConsumptionFormat::Spec).unwrap();
        Rollup::new(&program.id, facts, credit, &rules().catalog).to_bytes()
    })
}

/// `bytes` with their last four bytes replaced by the CRC-32 of the others, as a roll-up ends:
/// damage that the checksum does not catch, so that it reaches the reader's checks.
fn with_checksum(mut bytes: Vec<u8>) -> Vec<u8> {
    let body = bytes.len().saturating_sub(4);
    bytes.truncate(body);
    let crc = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    bytes
}

/// `Rollup::from_bytes` on damaged roll-ups, with their checksum left wrong or made right again,
/// and on arbitrary bytes after the roll-up's magic number and format.
#[test]
fn rollups() {
    let seed = rollup_seed().to_vec();
    let head = seed[..12].to_vec();
    let strategy = (
        prop_oneof![
            1 => noise(BINARY_BYTES, 512).prop_map(Input),
            2 => noise(BINARY_BYTES, 512).prop_map(move |tail| Input([&head[..], &tail, &[0; 4]].concat())),
            6 => mutated(seed, BINARY_BYTES),
        ],
        prop_oneof![1 => Just(false), 4 => Just(true)],
    )
        .prop_map(|(bytes, checksum)| if checksum { Input(with_checksum(bytes.0)) } else { bytes });
    let decoded = AtomicUsize::new(0);
    let strategy = (strategy, select(vec![date(2018, 6, 30), date(2018, 6, 15), date(2017, 3, 31), date(2030, 1, 1)]));
    check("roll-ups", 2_000, strategy, |(bytes, as_of)| {
        let what = format!("roll-up {bytes:?} as of {as_of}");
        // What reads as a roll-up is decided from: the engine trusts what the reader accepts.
        timed(&what, &bytes.0, || {
            if let Ok(rollup) = Rollup::from_bytes(Arc::new(bytes.0.clone())) {
                decoded.fetch_add(1, Ordering::Relaxed);
                let decided = rollup.engine(rules(), threshold_program()).and_then(|e| e.evaluate(as_of, &[]));
                drop(decided);
            }
        })?;
        Ok(())
    });
    eprintln!("roll-ups: {} of the cases read and decided from", decoded.into_inner());
}
