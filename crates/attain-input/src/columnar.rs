//! Parquet files read as tables of text: each value becomes the text a CSV export of it would
//! hold, so that the validators of [`crate`] stay the single judge of every value, whatever the
//! file's form (the README's "Parquet" section lists the types).
//!
//! Read column by column within each row group, a batch of rows at a time: memory grows with
//! the batch, not with the file. A file is opened and its footer read once ([`Opened`]); every
//! reader of its row groups shares both, so that reading grows with the file, not with the
//! square of its row groups.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufReader, Read};
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Once};

use jiff::civil::{date, Date};
use jiff::Span;
use parquet::basic::{ConvertedType, LogicalType, Repetition, TimeUnit, Type as Physical};
use parquet::column::reader::{ColumnReader, ColumnReaderImpl};
use parquet::data_type::DataType;
use parquet::errors::ParquetError;
use parquet::file::reader::{ChunkReader, FileReader, Length, SerializedFileReader};
use parquet::schema::types::{ColumnDescriptor, SchemaDescriptor};

use crate::table::{find_columns, Columns, Field};
use crate::{InputError, InputErrors};

/// Rows read at a time from each column.
const BATCH: usize = 4096;

/// The columns that hold a calendar day (SPEC section 3); `month` holds a month.
const DAY_COLUMNS: [&str; 5] = ["date", "start", "end", "joined", "left"];
const MONTH_COLUMN: &str = "month";

const NANOS_PER_DAY: i128 = 86_400_000_000_000;
/// The Julian day of 1970-01-01, the epoch of INT96 timestamps' day part.
const JULIAN_EPOCH: i128 = 2_440_588;

/// How a column's stored values become text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Bool,
    Signed,
    Unsigned,
    Float,
    /// Unscaled integers, with this scale.
    Decimal(u32),
    /// Days since 1970-01-01.
    Date,
    /// Units of this many nanoseconds since 1970-01-01T00:00:00.
    Timestamp(i128),
    /// Impala's legacy timestamps: nanoseconds of the day and a Julian day.
    Int96,
    Text,
}

/// What a column is read as: a day, a month, or anything else (where a timestamp is written as
/// an ISO 8601 datetime in UTC, as FOCUS's `ChargePeriodStart`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Day,
    Month,
    Any,
}

/// A column of the table as stored in the file.
struct Column {
    name: &'static str,
    /// Its index among the file's top-level columns, and among its leaf columns.
    root: usize,
    leaf: usize,
    max_def: i16,
    kind: Kind,
    want: Want,
}

/// One table column's values in a batch, as text.
#[derive(Default)]
struct Cells {
    text: String,
    cells: Vec<Cell>,
}

enum Cell {
    Empty,
    /// A range of [`Cells::text`].
    Text(usize, usize),
    Invalid(String),
}

impl Cells {
    fn clear(&mut self) {
        self.text.clear();
        self.cells.clear();
    }

    /// Appends a value written by `write`, trimmed like a CSV field; empty text is no value.
    fn push(&mut self, write: impl FnOnce(&mut String) -> Result<(), String>) {
        let start = self.text.len();
        match write(&mut self.text) {
            Ok(()) => {
                let written = &self.text[start..];
                let trimmed = written.trim();
                let from = start + (written.len() - written.trim_start().len());
                self.cells.push(if trimmed.is_empty() { Cell::Empty } else { Cell::Text(from, from + trimmed.len()) });
            }
            Err(why) => {
                self.text.truncate(start);
                self.cells.push(Cell::Invalid(why));
            }
        }
    }
}

/// Consecutive rows of a Parquet file, each table column's values as text.
#[derive(Default)]
pub(crate) struct Batch {
    /// The 1-based number of the batch's first row in the file.
    pub first_row: u64,
    /// By the table's columns; empty for a column the file does not have.
    columns: Vec<Cells>,
}

impl Batch {
    /// The value of table column `k` in the batch's row `row`.
    pub fn field(&self, k: usize, row: usize) -> Field<'_> {
        let Some(cells) = self.columns.get(k) else { return Field::Empty };
        match cells.cells.get(row) {
            Some(Cell::Text(a, b)) => Field::Text(&cells.text[*a..*b]),
            Some(Cell::Invalid(why)) => Field::Invalid(why),
            Some(Cell::Empty) | None => Field::Empty,
        }
    }
}

/// An open file read at offsets (`pread`), never through a shared position: the readers of its
/// row groups share it, from several threads at once, and a seek by one would move the others'.
struct Positioned {
    file: Arc<File>,
    len: u64,
}

/// The bytes of a [`Positioned`] file from an offset on.
struct ReadFrom {
    file: Arc<File>,
    at: u64,
}

impl Read for ReadFrom {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read_at(buf, self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}

impl Length for Positioned {
    fn len(&self) -> u64 {
        self.len
    }
}

impl ChunkReader for Positioned {
    type T = BufReader<ReadFrom>;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        Ok(BufReader::new(ReadFrom { file: Arc::clone(&self.file), at: start }))
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<::bytes::Bytes> {
        let mut buffer = Vec::with_capacity(length);
        let from = ReadFrom { file: Arc::clone(&self.file), at: start };
        let read = from.take(length as u64).read_to_end(&mut buffer)?;
        if read != length {
            // As the parquet crate's own reader of files says it.
            return Err(ParquetError::EOF(format!("Expected to read {length} bytes, read only {read}")));
        }
        Ok(buffer.into())
    }
}

/// Runs a call into the parquet crate, which panics on some damaged files (59.x: slices out of
/// bounds, overflows, decoders never set) where it should return an error: the panic becomes that
/// error, and no panic message is printed for it. A reader that panicked is not read again: the
/// error ends its file.
fn guarded<T>(call: impl FnOnce() -> parquet::errors::Result<T>) -> parquet::errors::Result<T> {
    thread_local! {
        static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Any panic outside a guarded call (or while the thread's locals are torn down) is told.
            if !QUIET.try_with(std::cell::Cell::get).unwrap_or(false) {
                previous(info);
            }
        }));
    });
    QUIET.set(true);
    let caught = catch_unwind(AssertUnwindSafe(call));
    QUIET.set(false);
    caught.unwrap_or_else(|panic| {
        let why = panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str));
        Err(ParquetError::General(format!("damaged ({})", why.unwrap_or("the parquet crate panicked"))))
    })
}

/// A Parquet file opened once, its footer read once, and the table's columns found in it: shared
/// by every reader of its rows.
pub(crate) struct Opened {
    path: String,
    file: SerializedFileReader<Positioned>,
    /// By the table's columns; `None` for an optional column the file does not have.
    columns: Vec<Option<Column>>,
    /// The 1-based number of each row group's first row, and of the row after the last.
    first_rows: Vec<u64>,
}

impl Opened {
    /// Opens a Parquet file and finds the table's columns among its top-level columns; reports
    /// a file that is not Parquet, a missing required column, and columns it cannot read.
    pub fn open(
        file: File,
        path: &str,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut InputErrors,
    ) -> Option<(Arc<Opened>, Columns)> {
        let error = |column: Option<usize>, message: String| InputError {
            file: path.to_owned(),
            line: None,
            column: column.map(|c| c + 1),
            message,
        };
        // A length that cannot be known is 0, as the parquet crate's own reader of files has it:
        // a file too short to be Parquet.
        let len = file.metadata().map_or(0, |m| m.len());
        let file = match guarded(|| SerializedFileReader::new(Positioned { file: Arc::new(file), len })) {
            Ok(file) => file,
            Err(e) => {
                errors.0.push(error(None, format!("not a readable Parquet file: {e}")));
                return None;
            }
        };
        let schema = file.metadata().file_metadata().schema_descr_ptr();
        let names: Vec<&str> = schema.root_schema().get_fields().iter().map(|f| f.name()).collect();
        let missing = |column: &str| {
            error(None, format!("missing required column `{column}` (columns are: {})", names.join(",")))
        };
        let columns = find_columns(&names, required, optional, missing, errors)?;
        let mut readable = Vec::with_capacity(columns.len());
        for &(name, at) in &columns {
            match at.map(|at| column(&schema, at, name)).transpose() {
                Ok(column) => readable.push(column),
                Err(why) => errors.0.push(error(at, format!("{name}: {why}"))),
            }
        }
        if readable.len() != columns.len() {
            return None;
        }
        let first_rows = match first_rows(file.metadata().row_groups().iter().map(|group| group.num_rows())) {
            Ok(first_rows) => first_rows,
            Err(why) => {
                errors.0.push(error(None, format!("not a readable Parquet file: {why}")));
                return None;
            }
        };
        let opened = Opened { path: path.to_owned(), file, columns: readable, first_rows };
        Some((Arc::new(opened), columns))
    }

    /// The file's row groups.
    pub fn groups(&self) -> usize {
        self.file.num_row_groups()
    }

    /// A reader of the rows of row groups `groups` (within the file's), from the first row of
    /// the first: readers that share a file's row groups out read a range each.
    pub fn rows(self: &Arc<Self>, groups: Range<usize>) -> Rows {
        let end = groups.end.min(self.groups());
        let start = groups.start.min(end);
        Rows { file: Arc::clone(self), group: start, end, readers: Vec::new(), next_row: self.first_rows[start] }
    }
}

/// The 1-based number of each row group's first row, and of the row after the last, from the
/// groups' row counts; why not, for a damaged footer's (below zero, or more in all than a `u64`
/// numbers).
fn first_rows(counts: impl Iterator<Item = i64>) -> Result<Vec<u64>, String> {
    let mut first_rows = vec![1u64];
    for (i, rows) in counts.enumerate() {
        let counts = || format!("row group {} counts {rows} rows", i + 1);
        let next = u64::try_from(rows).map_err(|_| counts())?;
        let next =
            first_rows[i].checked_add(next).ok_or_else(|| format!("{}: over 2^64 with the groups before", counts()))?;
        first_rows.push(next);
    }
    Ok(first_rows)
}

/// Rows of a Parquet file, read a batch at a time.
pub(crate) struct Rows {
    file: Arc<Opened>,
    /// The next row group, and the column readers of the current one (none between groups).
    group: usize,
    /// The row group reading stops before.
    end: usize,
    readers: Vec<Option<ColumnReader>>,
    next_row: u64,
}

impl Rows {
    /// Reads the next rows into `batch`: how many, 0 at the end of the file.
    pub fn next(&mut self, batch: &mut Batch) -> Result<usize, InputError> {
        batch.columns.resize_with(self.file.columns.len(), Cells::default);
        loop {
            if self.readers.is_empty() {
                if self.group >= self.end {
                    return Ok(0);
                }
                let (file, at) = (&self.file, self.group);
                let readers = guarded(|| {
                    let group = file.file.get_row_group(at)?;
                    let readers = file.columns.iter().map(|c| c.as_ref().map(|c| group.get_column_reader(c.leaf)));
                    readers.map(Option::transpose).collect()
                });
                self.readers = readers.map_err(|e| self.broken(None, e))?;
                self.group += 1;
            }
            let mut rows = None;
            for (k, (column, reader)) in self.file.columns.iter().zip(&mut self.readers).enumerate() {
                let cells = &mut batch.columns[k];
                cells.clear();
                let (Some(column), Some(reader)) = (column, reader) else { continue };
                let read = column.read(reader, cells).map_err(|e| e.to_string());
                let read = read.and_then(|n| match rows {
                    Some(m) if m != n => Err(format!("{n} rows where other columns hold {m}")),
                    _ => Ok(n),
                });
                match read {
                    Ok(n) => rows = Some(n),
                    Err(why) => return Err(self.broken(Some(k), why)),
                }
            }
            match rows {
                Some(n) if n > 0 => {
                    batch.first_row = self.next_row;
                    self.next_row += n as u64;
                    return Ok(n);
                }
                _ => self.readers.clear(),
            }
        }
    }

    /// A file that breaks while its rows are read (a corrupt page, a codec this build lacks...).
    fn broken(&self, k: Option<usize>, why: impl std::fmt::Display) -> InputError {
        let column = k.and_then(|k| self.file.columns[k].as_ref());
        let name = column.map_or(String::new(), |c| format!("{}: ", c.name));
        InputError {
            file: self.file.path.clone(),
            line: None,
            column: column.map(|c| c.root + 1),
            message: format!("{name}cannot read the rows from row {} on: {why}", self.next_row),
        }
    }
}

/// The table column that is top-level column `root` of the file, `name`; why it cannot be read.
fn column(schema: &SchemaDescriptor, root: usize, name: &'static str) -> Result<Column, String> {
    let field = &schema.root_schema().get_fields()[root];
    let flat = "attain reads flat columns of single values";
    if field.is_group() {
        return Err(format!("a nested column (a group of fields): {flat}"));
    }
    if field.get_basic_info().has_repetition() && field.get_basic_info().repetition() == Repetition::REPEATED {
        return Err(format!("a repeated column (a list of values): {flat}"));
    }
    let leaf =
        (0..schema.num_columns()).find(|&l| schema.get_column_root_idx(l) == root).expect("a flat column is a leaf");
    let descr = schema.column(leaf);
    let want = match name {
        _ if DAY_COLUMNS.contains(&name) => Want::Day,
        MONTH_COLUMN => Want::Month,
        _ => Want::Any,
    };
    Ok(Column { name, root, leaf, max_def: descr.max_def_level(), kind: kind(&descr)?, want })
}

/// How the values of a column become text, from its logical type (or, in files older than
/// logical types, its converted type) and physical type.
fn kind(descr: &ColumnDescriptor) -> Result<Kind, String> {
    let unreadable = |what: &str| Err(format!("{what} values are not read: write them as text"));
    Ok(match (descr.logical_type_ref(), descr.converted_type()) {
        (Some(LogicalType::Decimal(d)), _) => decimal_kind(d.precision, d.scale)?,
        (None, ConvertedType::DECIMAL) => decimal_kind(descr.type_precision(), descr.type_scale())?,
        (Some(LogicalType::Date), _) | (None, ConvertedType::DATE) => Kind::Date,
        (Some(LogicalType::Timestamp(t)), _) => Kind::Timestamp(match t.unit {
            TimeUnit::MILLIS => 1_000_000,
            TimeUnit::MICROS => 1_000,
            TimeUnit::NANOS => 1,
        }),
        (None, ConvertedType::TIMESTAMP_MILLIS) => Kind::Timestamp(1_000_000),
        (None, ConvertedType::TIMESTAMP_MICROS) => Kind::Timestamp(1_000),
        (Some(LogicalType::Integer(i)), _) if !i.is_signed => Kind::Unsigned,
        (None, ConvertedType::UINT_8 | ConvertedType::UINT_16 | ConvertedType::UINT_32 | ConvertedType::UINT_64) => {
            Kind::Unsigned
        }
        (Some(LogicalType::Time(_)), _) | (None, ConvertedType::TIME_MILLIS | ConvertedType::TIME_MICROS) => {
            return unreadable("TIME (a time of day without a date)")
        }
        (Some(LogicalType::Uuid), _) => return unreadable("UUID"),
        (Some(LogicalType::Float16), _) => return unreadable("FLOAT16"),
        (Some(LogicalType::Bson), _) | (None, ConvertedType::BSON) => return unreadable("BSON"),
        (None, ConvertedType::INTERVAL) => return unreadable("INTERVAL"),
        (Some(LogicalType::Variant(_) | LogicalType::Geometry(_) | LogicalType::Geography(_)), _) => {
            return unreadable("VARIANT and geospatial")
        }
        _ => match descr.physical_type() {
            Physical::BOOLEAN => Kind::Bool,
            Physical::INT32 | Physical::INT64 => Kind::Signed,
            Physical::INT96 => Kind::Int96,
            Physical::FLOAT | Physical::DOUBLE => Kind::Float,
            Physical::BYTE_ARRAY | Physical::FIXED_LEN_BYTE_ARRAY => Kind::Text,
        },
    })
}

/// A DECIMAL column's kind, for a precision of 1 to 38 digits (what an `i128` holds and writers
/// declare) and a scale from 0 to the precision: a footer may declare any, even a scale too wide
/// to write out.
fn decimal_kind(precision: i32, scale: i32) -> Result<Kind, String> {
    match u32::try_from(scale) {
        Ok(scale) if (1..=38).contains(&precision) && scale <= precision as u32 => Ok(Kind::Decimal(scale)),
        _ => Err(format!(
            "a DECIMAL({precision},{scale}): attain reads a precision of 1 to 38 digits and a scale from 0 to the precision"
        )),
    }
}

impl Column {
    /// Reads the next batch of this column's values into `cells`: how many rows.
    fn read(&self, reader: &mut ColumnReader, cells: &mut Cells) -> parquet::errors::Result<usize> {
        let unsigned = self.kind == Kind::Unsigned;
        match reader {
            ColumnReader::BoolColumnReader(r) => fill(r, self.max_def, cells, |v, out| {
                out.push_str(if *v { "true" } else { "false" });
                Ok(())
            }),
            ColumnReader::Int32ColumnReader(r) => fill(r, self.max_def, cells, |v, out| {
                self.integer(if unsigned { (*v as u32).into() } else { (*v).into() }, out)
            }),
            ColumnReader::Int64ColumnReader(r) => fill(r, self.max_def, cells, |v, out| {
                self.integer(if unsigned { (*v as u64).into() } else { (*v).into() }, out)
            }),
            ColumnReader::Int96ColumnReader(r) => fill(r, self.max_def, cells, |v, out| {
                let [low, high, day] = v.data() else { unreachable!("an INT96 is three words") };
                let nanos = i128::from(*high) << 32 | i128::from(*low);
                self.when((i128::from(*day) - JULIAN_EPOCH) * NANOS_PER_DAY + nanos, true, out)
            }),
            ColumnReader::FloatColumnReader(r) => fill(r, self.max_def, cells, |v, out| float(f64::from(*v), v, out)),
            ColumnReader::DoubleColumnReader(r) => fill(r, self.max_def, cells, |v, out| float(*v, v, out)),
            ColumnReader::ByteArrayColumnReader(r) => fill(r, self.max_def, cells, |v, out| self.bytes(v.data(), out)),
            ColumnReader::FixedLenByteArrayColumnReader(r) => {
                fill(r, self.max_def, cells, |v, out| self.bytes(v.data(), out))
            }
        }
    }

    fn integer(&self, v: i128, out: &mut String) -> Result<(), String> {
        match self.kind {
            Kind::Decimal(scale) => decimal(v, scale, out),
            Kind::Date => return self.when(v * NANOS_PER_DAY, false, out),
            Kind::Timestamp(unit) => return self.when(v * unit, true, out),
            _ => write!(out, "{v}").expect("writing to a String"),
        }
        Ok(())
    }

    fn bytes(&self, bytes: &[u8], out: &mut String) -> Result<(), String> {
        if let Kind::Decimal(scale) = self.kind {
            decimal(unscaled(bytes).ok_or("a DECIMAL of more than 38 digits")?, scale, out);
        } else {
            out.push_str(std::str::from_utf8(bytes).map_err(|_| "not valid UTF-8")?);
        }
        Ok(())
    }

    /// A DATE (`timestamp` false) or a timestamp, as nanoseconds since 1970-01-01T00:00:00, as
    /// the column wants it: a day column takes a whole day only (a timestamp at midnight UTC),
    /// a month column the first day of a month as `YYYY-MM`, any other a DATE as `YYYY-MM-DD`
    /// and a timestamp as an ISO 8601 datetime in UTC, to the nanosecond it holds.
    fn when(&self, nanos: i128, timestamp: bool, out: &mut String) -> Result<(), String> {
        let (days, time) = (nanos.div_euclid(NANOS_PER_DAY), nanos.rem_euclid(NANOS_PER_DAY));
        let day = i64::try_from(days)
            .ok()
            .and_then(|days| Span::new().try_days(days).ok())
            .and_then(|span| date(1970, 1, 1).checked_add(span).ok())
            .ok_or_else(|| format!("{days} days from 1970-01-01 is beyond the calendar (years -9999 to 9999)"))?;
        let whole = time == 0;
        match self.want {
            Want::Month if whole && day.day() == 1 => write!(out, "{}", day.strftime("%Y-%m")),
            Want::Day | Want::Month if whole => write!(out, "{day}"),
            Want::Any if !timestamp => write!(out, "{day}"),
            Want::Day => {
                let text = iso(day, time);
                return Err(format!("{text} is not a whole day: a date is a DATE, or a TIMESTAMP at midnight UTC"));
            }
            // Left to the month's validator, which says how a month is written.
            Want::Month | Want::Any => write!(out, "{}", iso(day, time)),
        }
        .expect("writing to a String");
        Ok(())
    }
}

/// `2018-03-31T22:00:00Z`, with as many decimals of the second as it takes (none when whole).
fn iso(day: Date, nanos_of_day: i128) -> String {
    let (seconds, fraction) = (nanos_of_day / 1_000_000_000, nanos_of_day % 1_000_000_000);
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let fraction = format!(".{fraction:09}");
    let fraction = fraction.trim_end_matches('0').trim_end_matches('.');
    format!("{day}T{h:02}:{m:02}:{s:02}{fraction}Z")
}

/// Reads up to [`BATCH`] rows of one column and appends each value, written by `write`, to
/// `cells`; a NULL is no value. How many rows were read.
fn fill<T: DataType>(
    reader: &mut ColumnReaderImpl<T>,
    max_def: i16,
    cells: &mut Cells,
    mut write: impl FnMut(&T::T, &mut String) -> Result<(), String>,
) -> parquet::errors::Result<usize> {
    let (mut defs, mut values) = (Vec::with_capacity(BATCH), Vec::with_capacity(BATCH));
    let (rows, _, _) = guarded(|| reader.read_records(BATCH, Some(&mut defs), None, &mut values))?;
    let mut values = values.iter();
    for row in 0..rows {
        // Definition levels are only read for optional columns; below the maximum is NULL, which
        // has no entry among the values.
        let present = defs.get(row).is_none_or(|level| *level == max_def);
        match if present { values.next() } else { None } {
            Some(value) => cells.push(|out| write(value, out)),
            None => cells.push(|_| Ok(())),
        }
    }
    Ok(rows)
}

/// A FLOAT or DOUBLE as the shortest decimal that reads back as the same binary value, which is
/// what a CSV export prints: `12.3456785`, not `12.345678499999999`. Rust's `Display` writes
/// exactly that, and never an exponent. `v` is the stored value, for single precision.
fn float(check: f64, v: &impl std::fmt::Display, out: &mut String) -> Result<(), String> {
    if !check.is_finite() {
        return Err(format!("{v} is not a number that can be summed"));
    }
    write!(out, "{v}").expect("writing to a String");
    Ok(())
}

/// `unscaled × 10^-scale` written out exactly: `12.3450` for 123450 at scale 4.
fn decimal(unscaled: i128, scale: u32, out: &mut String) {
    if unscaled < 0 {
        out.push('-');
    }
    let digits = unscaled.unsigned_abs().to_string();
    let scale = scale as usize;
    if scale == 0 {
        out.push_str(&digits);
    } else {
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        write!(out, "{whole}.{fraction}").expect("writing to a String");
    }
}

/// A big-endian two's complement integer (a DECIMAL's BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY), when
/// it fits 128 bits once its sign extension is dropped.
fn unscaled(bytes: &[u8]) -> Option<i128> {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let extension = if negative { 0xff } else { 0 };
    let mut bytes = bytes;
    while bytes.len() > 16 && bytes[0] == extension && (bytes[1] & 0x80 != 0) == negative {
        bytes = &bytes[1..];
    }
    if bytes.len() > 16 {
        return None;
    }
    Some(bytes.iter().fold(if negative { -1 } else { 0 }, |v, b| v << 8 | i128::from(*b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(write: impl FnOnce(&mut String) -> Result<(), String>) -> Result<String, String> {
        let mut out = String::new();
        write(&mut out).map(|()| out)
    }

    fn column(kind: Kind, want: Want) -> Column {
        Column { name: "test", root: 0, leaf: 0, max_def: 0, kind, want }
    }

    #[test]
    fn decimals_are_written_exactly() {
        let text = |v, scale| {
            let mut out = String::new();
            decimal(v, scale, &mut out);
            out
        };
        assert_eq!(text(123450, 4), "12.3450");
        assert_eq!(text(-123450, 4), "-12.3450");
        assert_eq!(text(5, 3), "0.005");
        assert_eq!(text(-5, 3), "-0.005");
        assert_eq!(text(0, 2), "0.00");
        assert_eq!(text(-42, 0), "-42");
        assert_eq!(text(i128::MIN, 0), i128::MIN.to_string());
    }

    #[test]
    fn decimal_bytes_are_big_endian_twos_complement() {
        assert_eq!(unscaled(&[0x01, 0xe2, 0x3a]), Some(123450));
        assert_eq!(unscaled(&[0xfe, 0x1d, 0xc6]), Some(-123450));
        assert_eq!(unscaled(&[0xff]), Some(-1));
        assert_eq!(unscaled(&[0x00, 0x80]), Some(128));
        assert_eq!(unscaled(&[]), Some(0));
        // Sign extension beyond 16 bytes is dropped; digits beyond are refused.
        let mut wide = vec![0xff; 20];
        wide[19] = 0xfe;
        assert_eq!(unscaled(&wide), Some(-2));
        let mut wide = vec![0; 20];
        wide[3] = 1;
        assert_eq!(unscaled(&wide), None);
        let mut edge = vec![0; 17];
        edge[1] = 0x80;
        assert_eq!(unscaled(&edge), None, "the 17th byte carries the sign");
    }

    #[test]
    fn floats_are_the_shortest_decimal_that_reads_back() {
        let text = |v: f64| written(|out| float(v, &v, out));
        assert_eq!(text(12.3456785).unwrap(), "12.3456785");
        assert_eq!(text(0.1 + 0.2).unwrap(), "0.30000000000000004");
        assert_eq!(text(100.5).unwrap(), "100.5");
        assert_eq!(text(-10.0).unwrap(), "-10");
        assert_eq!(text(1e-7).unwrap(), "0.0000001");
        assert_eq!(text(1e21).unwrap(), "1000000000000000000000");
        assert_eq!(written(|out| float(0.1f32.into(), &0.1f32, out)).unwrap(), "0.1");
        assert_eq!(text(f64::NAN).unwrap_err(), "NaN is not a number that can be summed");
        assert!(text(f64::NEG_INFINITY).is_err());
    }

    #[test]
    fn dates_and_timestamps_are_written_as_their_column_wants() {
        let day = 17_622; // 2018-04-01
        let at = |kind, want, v| written(|out| column(kind, want).integer(v, out));
        let micros = Kind::Timestamp(1_000);
        let midnight = day * 86_400_000_000;
        assert_eq!(at(Kind::Date, Want::Day, day).unwrap(), "2018-04-01");
        assert_eq!(at(Kind::Date, Want::Any, day).unwrap(), "2018-04-01");
        assert_eq!(at(Kind::Date, Want::Month, day).unwrap(), "2018-04");
        assert_eq!(at(Kind::Date, Want::Month, day + 1).unwrap(), "2018-04-02");
        assert_eq!(at(Kind::Date, Want::Day, -1).unwrap(), "1969-12-31");
        assert_eq!(at(micros, Want::Day, midnight).unwrap(), "2018-04-01");
        assert_eq!(at(micros, Want::Any, midnight).unwrap(), "2018-04-01T00:00:00Z");
        assert_eq!(at(micros, Want::Any, midnight - 7_200_000_000).unwrap(), "2018-03-31T22:00:00Z");
        assert_eq!(at(micros, Want::Any, midnight + 1_250).unwrap(), "2018-04-01T00:00:00.00125Z");
        assert_eq!(at(Kind::Timestamp(1), Want::Any, 1).unwrap(), "1970-01-01T00:00:00.000000001Z");
        assert_eq!(at(Kind::Timestamp(1_000_000), Want::Any, -1).unwrap(), "1969-12-31T23:59:59.999Z");
        assert_eq!(
            at(micros, Want::Day, midnight + 3_600_000_000).unwrap_err(),
            "2018-04-01T01:00:00Z is not a whole day: a date is a DATE, or a TIMESTAMP at midnight UTC"
        );
        assert!(at(Kind::Date, Want::Day, i32::MAX.into()).unwrap_err().contains("beyond the calendar"));
        for text in ["2018-04-01T00:00:00Z", "2018-03-31T22:00:00Z", "2018-04-01T00:00:00.00125Z"] {
            assert!(crate::parse_utc_datetime(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn a_panic_of_the_parquet_crate_is_an_error() {
        let message = |e: ParquetError| e.to_string();
        assert_eq!(guarded(|| Ok(7)).unwrap(), 7);
        assert_eq!(
            message(guarded::<()>(|| panic!("out of bounds")).unwrap_err()),
            "Parquet error: damaged (out of bounds)"
        );
        let index = std::hint::black_box(4);
        let read = guarded(|| Ok([0u8; 2][index]));
        assert!(message(read.unwrap_err()).contains("index out of bounds: the len is 2 but the index is 4"));
    }

    #[test]
    fn decimals_of_1_to_38_digits() {
        assert_eq!(decimal_kind(38, 38), Ok(Kind::Decimal(38)));
        assert_eq!(decimal_kind(1, 0), Ok(Kind::Decimal(0)));
        let refused = "attain reads a precision of 1 to 38 digits and a scale from 0 to the precision";
        assert_eq!(decimal_kind(65_535, 65_535), Err(format!("a DECIMAL(65535,65535): {refused}")));
        for (precision, scale) in [(39, 2), (0, 0), (-1, 0), (10, 11), (10, -1), (i32::MAX, i32::MIN)] {
            assert!(decimal_kind(precision, scale).is_err(), "DECIMAL({precision},{scale})");
        }
    }

    #[test]
    fn row_counts_number_rows_or_refuse_the_footer() {
        assert_eq!(first_rows([40, 0, 2].into_iter()), Ok(vec![1, 41, 41, 43]));
        assert_eq!(first_rows([].into_iter()), Ok(vec![1]));
        assert_eq!(first_rows([3, -1].into_iter()), Err("row group 2 counts -1 rows".into()));
        let overflow = [i64::MAX, i64::MAX, 2].into_iter();
        assert_eq!(first_rows(overflow), Err("row group 3 counts 2 rows: over 2^64 with the groups before".into()));
        assert_eq!(first_rows([i64::MAX, i64::MAX, 0].into_iter()).unwrap()[3], u64::MAX);
    }

    #[test]
    fn integers_signed_and_unsigned() {
        let text = |kind, v| written(|out| column(kind, Want::Any).integer(v, out)).unwrap();
        assert_eq!(text(Kind::Signed, -7), "-7");
        assert_eq!(text(Kind::Unsigned, u64::MAX.into()), "18446744073709551615");
        assert_eq!(text(Kind::Decimal(2), 12345), "123.45");
    }
}
