//! Input files given as Parquet read to the same facts as their CSV, with the same validation:
//! folders converted here with the parquet crate's writer (typed columns, doubles, strings),
//! files written by DuckDB (`fixtures/make_parquet.py`), and every Parquet-specific refusal.

use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use attain_engine::{Facts, Usd};
use attain_input::{read_dir, read_reference_meanwhile, read_with, ConsumptionFormat, DirSource, FILE_NAMES};
use jiff::civil::{date, Date};
use parquet::basic::Compression;
use parquet::data_type::{
    ByteArray, ByteArrayType, DataType, DoubleType, FixedLenByteArray, FixedLenByteArrayType, Int32Type, Int64Type,
    Int96, Int96Type,
};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso")
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-parquet-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One column's values, `None` for NULL.
enum Values {
    Bytes(Vec<Option<ByteArray>>),
    Fixed(Vec<Option<FixedLenByteArray>>),
    Int32(Vec<Option<i32>>),
    Int64(Vec<Option<i64>>),
    Int96(Vec<Option<Int96>>),
    Double(Vec<Option<f64>>),
}

impl Values {
    fn texts<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Values {
        Values::Bytes(values.into_iter().map(|v| v.map(ByteArray::from)).collect())
    }

    fn len(&self) -> usize {
        match self {
            Values::Bytes(v) => v.len(),
            Values::Fixed(v) => v.len(),
            Values::Int32(v) => v.len(),
            Values::Int64(v) => v.len(),
            Values::Int96(v) => v.len(),
            Values::Double(v) => v.len(),
        }
    }

    fn write(&self, rows: Range<usize>, required: bool, column: &mut SerializedColumnWriter<'_>) {
        fn typed<T: DataType>(values: &[Option<T::T>], required: bool, column: &mut SerializedColumnWriter<'_>) {
            let present: Vec<T::T> = values.iter().flatten().cloned().collect();
            let defs: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
            column.typed::<T>().write_batch(&present, (!required).then_some(&defs[..]), None).unwrap();
        }
        match self {
            Values::Bytes(v) => typed::<ByteArrayType>(&v[rows], required, column),
            Values::Fixed(v) => typed::<FixedLenByteArrayType>(&v[rows], required, column),
            Values::Int32(v) => typed::<Int32Type>(&v[rows], required, column),
            Values::Int64(v) => typed::<Int64Type>(&v[rows], required, column),
            Values::Int96(v) => typed::<Int96Type>(&v[rows], required, column),
            Values::Double(v) => typed::<DoubleType>(&v[rows], required, column),
        }
    }
}

/// Writes a Parquet file of `schema` (a message type whose fields are `columns`, in order),
/// `group` rows per row group.
fn write_parquet(path: &Path, schema: &str, columns: &[Values], group: usize, compression: Compression) {
    let schema = Arc::new(parse_message_type(schema).unwrap());
    let properties = Arc::new(WriterProperties::builder().set_compression(compression).build());
    let mut writer = SerializedFileWriter::new(File::create(path).unwrap(), schema, properties).unwrap();
    let rows = columns.first().map_or(0, Values::len);
    let required = |k: usize| writer.schema_descr().column(k).max_def_level() == 0;
    let required: Vec<bool> = (0..columns.len()).map(required).collect();
    for start in (0..rows).step_by(group) {
        let mut row_group = writer.next_row_group().unwrap();
        for (k, values) in columns.iter().enumerate() {
            let mut column = row_group.next_column().unwrap().unwrap();
            values.write(start..(start + group).min(rows), required[k], &mut column);
            column.close().unwrap();
        }
        row_group.close().unwrap();
    }
    writer.close().unwrap();
}

/// How the columns of a CSV file are typed in Parquet.
#[derive(Clone, Copy, Debug)]
enum Style {
    /// DATE for dates, DECIMAL for amounts (INT64) and rates (FIXED_LEN_BYTE_ARRAY), UTF8 text
    /// elsewhere.
    Typed,
    /// As `Typed`, with amounts and rates as DOUBLE, as cloud exports write costs.
    Doubles,
    /// Every column a BYTE_ARRAY without logical type.
    Strings,
}

fn days(text: &str) -> i32 {
    let day: Date = text.parse().unwrap();
    (day - date(1970, 1, 1)).get_days()
}

/// The unscaled integer of a decimal text at `scale` (at least its own).
fn unscaled(text: &str, scale: usize) -> i128 {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    format!("{whole}{fraction:0<scale$}").parse().unwrap()
}

/// Writes `csv` as the Parquet file `parquet`, NULL for each empty value, columns typed by `style`.
fn convert(csv: &Path, parquet: &Path, style: Style, compression: Compression) {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_path(csv).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let texts: Vec<Option<&str>> = records.iter().map(|r| Some(&r[i]).filter(|v| !v.is_empty())).collect();
        let repetition = if texts.iter().all(Option::is_some) { "required" } else { "optional" };
        let scale = texts.iter().flatten().map(|t| t.split_once('.').map_or(0, |(_, f)| f.len())).max().unwrap_or(0);
        let (field, values) = match (style, name.as_str()) {
            (Style::Strings, _) => (format!("binary {name}"), Values::texts(texts)),
            (_, "date" | "start" | "end" | "joined" | "left") => {
                (format!("int32 {name} (DATE)"), Values::Int32(texts.iter().map(|t| t.map(days)).collect()))
            }
            (Style::Typed, "amount") => (
                format!("int64 {name} (DECIMAL(18,{scale}))"),
                Values::Int64(texts.iter().map(|t| t.map(|t| unscaled(t, scale) as i64)).collect()),
            ),
            (Style::Typed, "usd_per_unit") => {
                let bytes = |t| FixedLenByteArray::from(unscaled(t, scale).to_be_bytes().to_vec());
                (
                    format!("fixed_len_byte_array(16) {name} (DECIMAL(38,{scale}))"),
                    Values::Fixed(texts.iter().map(|t| t.map(bytes)).collect()),
                )
            }
            (Style::Doubles, "amount" | "usd_per_unit") => (
                format!("double {name}"),
                Values::Double(texts.iter().map(|t| t.map(|t| t.parse().unwrap())).collect()),
            ),
            _ => (format!("binary {name} (UTF8)"), Values::texts(texts)),
        };
        fields.push(format!("{repetition} {field};"));
        columns.push(values);
    }
    let schema = format!("message {} {{ {} }}", style_name(style), fields.join(" "));
    // Small row groups, so that batches cross them.
    write_parquet(parquet, &schema, &columns, 1000, compression);
}

fn style_name(style: Style) -> String {
    format!("{style:?}").to_lowercase()
}

/// A copy of the folder `from` in `to`, every file in it as Parquet.
fn as_parquet(from: &Path, to: &Path, style: Style, compression: Compression) {
    for name in FILE_NAMES {
        if from.join(name).exists() {
            convert(&from.join(name), &to.join(attain_input::parquet_name(name)), style, compression);
        }
    }
}

/// Each style, each with one of the codecs real exports use.
fn styles() -> [(Style, Compression); 5] {
    [
        (Style::Typed, Compression::SNAPPY),
        (Style::Doubles, Compression::ZSTD(Default::default())),
        (Style::Strings, Compression::GZIP(Default::default())),
        (Style::Typed, Compression::LZ4_RAW),
        (Style::Doubles, Compression::LZ4),
    ]
}

#[test]
fn the_example_reads_the_same_from_parquet() {
    let csv = read_dir(&example()).unwrap();
    for (style, compression) in styles() {
        let dir = scratch(&format!("example-{}-{compression}", style_name(style)));
        as_parquet(&example(), &dir, style, compression);
        assert!(!dir.join("consumption.csv").exists());
        assert_eq!(read_dir(&dir).unwrap(), csv, "{style:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_generated_program_reads_the_same_from_parquet() {
    let generated = scratch("generated-csv");
    let shape = attain_gen::Shape { partners: 300, ..attain_gen::Shape::default() };
    attain_gen::generate(&shape, &generated).unwrap();
    let csv = read_dir(&generated).unwrap();
    assert!(csv.consumption.len() > 10_000, "rows across row groups and batches");
    for (style, compression) in styles() {
        let dir = scratch(&format!("generated-{}-{compression}", style_name(style)));
        as_parquet(&generated, &dir, style, compression);
        assert_eq!(read_dir(&dir).unwrap(), csv, "{style:?} {compression:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
    let _ = std::fs::remove_dir_all(&generated);
}

/// The reference files as the streaming reader gets them (its fast byte readers of people and
/// achievements do not apply to Parquet), and the facts of the whole folder.
fn reference(dir: &Path) -> (Facts, Facts) {
    let (reference, ran) = read_reference_meanwhile(&DirSource(dir), true, |_, _| ());
    assert_eq!(ran, Some(()));
    let mut all = read_dir(dir).unwrap();
    all.consumption.clear();
    (reference.unwrap().0, all)
}

#[test]
fn some_files_csv_and_some_parquet() {
    let dir = scratch("mixed");
    for name in FILE_NAMES {
        std::fs::copy(example().join(name), dir.join(name)).unwrap();
    }
    let csv = read_dir(&dir).unwrap();
    for name in ["people.csv", "achievements.csv", "consumption.csv"] {
        convert(&example().join(name), &dir.join(attain_input::parquet_name(name)), Style::Typed, Compression::SNAPPY);
        std::fs::remove_file(dir.join(name)).unwrap();
        assert_eq!(read_dir(&dir).unwrap(), csv, "{name} as Parquet");
        let (reference, all) = reference(&dir);
        assert_eq!(reference, all, "{name} as Parquet");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A copy of the example with `file` written as Parquet from `schema` and `columns`.
fn example_with(test: &str, file: &str, schema: &str, columns: &[Values]) -> PathBuf {
    let dir = scratch(test);
    for name in FILE_NAMES {
        if attain_input::parquet_name(name) != file {
            std::fs::copy(example().join(name), dir.join(name)).unwrap();
        }
    }
    write_parquet(&dir.join(file), schema, columns, 2, Compression::SNAPPY);
    dir
}

fn errors(dir: &Path) -> String {
    let errors = read_dir(dir).unwrap_err();
    let _ = std::fs::remove_dir_all(dir);
    errors.to_string()
}

const CONSUMPTION: &str = "message m { required binary customer_id (UTF8); optional int32 date (DATE);
    optional int64 amount (DECIMAL(18,2)); required binary currency (UTF8); }";

/// Consumption rows of C-ALPINE in USD, dated on `days` since 1970 with unscaled cent amounts.
fn consumption(days: &[Option<i32>], cents: &[Option<i64>]) -> Vec<Values> {
    vec![
        Values::texts(days.iter().map(|_| Some("C-ALPINE"))),
        Values::Int32(days.to_vec()),
        Values::Int64(cents.to_vec()),
        Values::texts(days.iter().map(|_| Some("USD"))),
    ]
}

#[test]
fn a_bad_value_is_located_at_its_row_and_column() {
    let day = Some(days("2018-01-15"));
    let rows = consumption(&[day, day, None, day, day], &[Some(100), Some(200), Some(300), None, Some(-5)]);
    let dir = example_with("bad-value", "consumption.parquet", CONSUMPTION, &rows);
    let shown = dir.join("consumption.parquet").display().to_string();
    assert_eq!(
        errors(&dir),
        format!(
            "{shown}:row 3:column 2: date: required value is empty\n\
             {shown}:row 4:column 3: amount: required value is empty\n"
        )
    );

    let mut rows = consumption(&[day; 3], &[Some(1); 3]);
    rows[3] = Values::texts([Some("USD"), Some("usd"), Some("USD")]);
    let dir = example_with("bad-currency", "consumption.parquet", CONSUMPTION, &rows);
    let shown = dir.join("consumption.parquet").display().to_string();
    assert_eq!(
        errors(&dir),
        format!(
            "{shown}:row 2:column 4: currency: \"usd\" is not an ISO 4217 currency code: three capital letters such \
             as USD, EUR, KRW\n"
        )
    );
}

#[test]
fn duplicates_name_the_first_row() {
    let schema = "message m { required binary partner_id (UTF8); required binary name (UTF8);
        required binary country (UTF8); optional binary market (UTF8); }";
    let rows = [
        Values::texts([Some("P001"), Some("P002"), Some("P001")]),
        Values::texts([Some("Contoso"); 3]),
        Values::texts([Some("US"), Some("DE"), Some("us")]),
        Values::texts([None, Some("emerging"), None]),
    ];
    let dir = example_with("duplicates", "partners.parquet", schema, &rows);
    let shown = dir.join("partners.parquet").display().to_string();
    let found = errors(&dir);
    assert!(
        found.starts_with(&format!(
            "{shown}:row 3:column 3: country: country \"us\" must be written in capitals: \"US\"\n\
             {shown}:row 3:column 1: partner_id: duplicate partner_id \"P001\" (first on row 1)\n"
        )),
        "{found}"
    );
}

#[test]
fn values_with_no_text_form_are_refused_at_their_row() {
    let schema = "message m { required binary customer_id; required int32 date (DATE); required double amount;
        required binary currency (UTF8); }";
    let rows = [
        Values::Bytes(vec![Some(ByteArray::from("C-ALPINE")), Some(ByteArray::from(vec![0xff, 0xfe]))]),
        Values::Int32(vec![Some(days("2018-01-15")); 2]),
        Values::Double(vec![Some(f64::NAN), Some(1.5)]),
        Values::texts([Some("USD"); 2]),
    ];
    let dir = example_with("no-text-form", "consumption.parquet", schema, &rows);
    let shown = dir.join("consumption.parquet").display().to_string();
    assert_eq!(
        errors(&dir),
        format!(
            "{shown}:row 1:column 3: amount: NaN is not a number that can be summed\n\
             {shown}:row 2:column 1: customer_id: not valid UTF-8\n"
        )
    );
}

#[test]
fn a_date_column_takes_a_timestamp_only_at_midnight() {
    let schema = "message m { required binary partner_id (UTF8); required binary customer_id (UTF8);
        required binary kind (UTF8); required int64 start (TIMESTAMP(MILLIS,true)); optional int96 end; }";
    let midnight = i64::from(days("2017-01-01")) * 86_400_000;
    // Impala's INT96: nanoseconds of the day (low word first), then the Julian day.
    let int96 = |nanos: u64, day: &str| {
        let mut value = Int96::new();
        value.set_data(nanos as u32, (nanos >> 32) as u32, (days(day) + 2_440_588) as u32);
        value
    };
    let rows = [
        Values::texts([Some("P001"); 3]),
        Values::texts([Some("C-ALPINE"), Some("C-BRAVO"), Some("C-BRAVO")]),
        Values::texts([Some("DPOR"); 3]),
        Values::Int64(vec![Some(midnight), Some(midnight + 3_600_000), Some(midnight)]),
        Values::Int96(vec![Some(int96(0, "2017-12-31")), None, Some(int96(1_500_000_000, "2017-12-31"))]),
    ];
    let dir = example_with("timestamps", "associations.parquet", schema, &rows);
    let shown = dir.join("associations.parquet").display().to_string();
    assert_eq!(
        errors(&dir),
        format!(
            "{shown}:row 2:column 4: start: 2017-01-01T01:00:00Z is not a whole day: a date is a DATE, or a \
             TIMESTAMP at midnight UTC\n\
             {shown}:row 3:column 5: end: 2017-12-31T00:00:01.5Z is not a whole day: a date is a DATE, or a \
             TIMESTAMP at midnight UTC\n"
        )
    );
}

#[test]
fn nested_and_unreadable_columns_are_refused_by_name() {
    let schema = "message m { required binary customer_id (UTF8); required int32 date (TIME(MILLIS,true));
        optional group amount (LIST) { repeated group list { optional double element; } }
        required binary currency (UTF8); optional group Tags (MAP) { repeated group key_value {
        required binary key (UTF8); optional binary value (UTF8); } } }";
    let dir = scratch("nested");
    for name in FILE_NAMES {
        std::fs::copy(example().join(name), dir.join(name)).unwrap();
    }
    std::fs::remove_file(dir.join("consumption.csv")).unwrap();
    write_parquet(&dir.join("consumption.parquet"), schema, &[], 1, Compression::UNCOMPRESSED);
    let shown = dir.join("consumption.parquet").display().to_string();
    assert_eq!(
        errors(&dir),
        format!(
            "{shown}:column 2: date: TIME (a time of day without a date) values are not read: write them as text\n\
             {shown}:column 3: amount: a nested column (a group of fields): attain reads flat columns of single values\n"
        )
    );
}

#[test]
fn a_missing_column_lists_the_columns() {
    let schema = "message m { required binary customer_id (UTF8); required int32 date (DATE); }";
    let rows = [Values::texts([Some("C-ALPINE")]), Values::Int32(vec![Some(0)])];
    let dir = example_with("missing-column", "consumption.parquet", schema, &rows);
    let shown = dir.join("consumption.parquet").display().to_string();
    assert_eq!(
        errors(&dir),
        format!(
            "{shown}: missing required column `amount` (columns are: customer_id,date)\n\
             {shown}: missing required column `currency` (columns are: customer_id,date)\n"
        )
    );
}

#[test]
fn a_file_that_is_not_parquet_is_refused() {
    let dir = scratch("not-parquet");
    for name in FILE_NAMES {
        std::fs::copy(example().join(name), dir.join(name)).unwrap();
    }
    std::fs::rename(dir.join("people.csv"), dir.join("people.parquet")).unwrap();
    let shown = dir.join("people.parquet").display().to_string();
    let found = errors(&dir);
    assert!(found.starts_with(&format!("{shown}: not a readable Parquet file: ")), "{found}");
}

#[test]
fn a_file_that_breaks_while_read_is_refused() {
    let rows = consumption(&[Some(days("2018-01-15")); 500], &[Some(100); 500]);
    let dir = example_with("broken", "consumption.parquet", CONSUMPTION, &rows);
    let path = dir.join("consumption.parquet");
    let mut bytes = std::fs::read(&path).unwrap();
    // The footer stays whole; the pages of the first row group do not.
    bytes[4..200].fill(0xa5);
    std::fs::write(&path, bytes).unwrap();
    let found = errors(&dir);
    let shown = path.display().to_string();
    assert!(
        found.starts_with(&format!("{shown}:column 1: customer_id: cannot read the rows from row 1 on: ")),
        "{found}"
    );
}

#[test]
fn both_forms_of_a_file_are_refused_and_nothing_is_read() {
    for name in ["consumption.csv", "associations.csv", "people.csv", "fx_rates.csv"] {
        let dir = scratch("both");
        for name in FILE_NAMES {
            std::fs::copy(example().join(name), dir.join(name)).unwrap();
        }
        let parquet = attain_input::parquet_name(name);
        convert(&example().join(name), &dir.join(&parquet), Style::Typed, Compression::SNAPPY);
        let expected = format!("{}: holds both {name} and {parquet}: keep one", dir.display());
        // Readers that read some files themselves are refused too, before they read any (but
        // people, read meanwhile).
        let (reference, ran) = read_reference_meanwhile(&DirSource(&dir), false, |_, _| ());
        assert_eq!(first_line(&reference.unwrap_err().to_string()), expected, "{name}");
        assert_eq!(ran.is_some(), name == "people.csv", "{name}");
        // Then what needs the file: the people of achievements, the rates of consumption.
        assert_eq!(first_line(&errors(&dir)), expected, "{name}");
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

#[path = "fixtures/parquet_folder.rs"]
mod parquet_folder;
use parquet_folder::with_parquet_consumption;

#[test]
fn duckdb_decimals_and_dates_read_as_the_csv() {
    let csv = read_dir(&example()).unwrap();
    for file in ["contoso-consumption.parquet", "contoso-consumption-zstd.parquet"] {
        let dir = with_parquet_consumption(file, &example(), file);
        assert_eq!(read_dir(&dir).unwrap(), csv, "{file}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_duckdb_focus_export_reads_as_the_csv_export() {
    let focus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../attain-batch/tests/fixtures/focus");
    let dir = with_parquet_consumption("focus", &focus, "focus-consumption.parquet");
    let facts = read_with(&DirSource(&dir), ConsumptionFormat::Focus).unwrap();
    assert_eq!(facts, read_with(&DirSource(&focus), ConsumptionFormat::Focus).unwrap());
    let rows: Vec<(&str, Date, Usd)> =
        facts.consumption.iter().map(|c| (c.customer_id.as_str(), c.date, c.usd)).collect();
    assert_eq!(
        rows,
        [
            // The reservation's purchase: EffectiveCost 0, its cost amortized over the usage rows.
            ("sub-0001", date(2018, 3, 1), Usd(0)),
            ("sub-0001", date(2018, 3, 1), Usd(24_000_000)),
            ("sub-0001", date(2018, 4, 30), Usd(1_000_000)),
            // DOUBLE 12.3456785 is read as the decimal it prints as, then rounded half to even.
            ("sub-0001", date(2018, 4, 15), Usd(12_345_678)),
            // EUR at March's rate: 22:00Z on 31 March is still March; the credit at April's.
            ("sub-0002", date(2018, 3, 31), Usd(110_550_000)),
            ("sub-0002", date(2018, 4, 10), Usd(-12_000_000)),
            ("sub-0099", date(2018, 4, 10), Usd(999_000_000)),
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
