//! One input file read as a table: CSV, or Parquet through [`crate::columnar`]; columns found by
//! header name, each problem reported at its line (or row) and column.

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::io::Read;
use std::rc::Rc;

use crate::columnar::{self, Batch};
use crate::{find, parquet_name, Found, InputError, InputErrors, Source};

/// Where the line ends are, learnt as the bytes stream past, so that a byte offset becomes a
/// line number however lines end (LF, CRLF) and whatever the parser skips (blank lines).
/// Offsets are asked for in increasing order, so only the ends not yet passed are kept.
#[derive(Default)]
struct LineEnds {
    read: u64,
    /// Each `\n` not yet passed, and whether the line it ends is blank (empty or a lone `\r`).
    ahead: VecDeque<(u64, bool)>,
    passed: u64,
    /// The start of the line being read, and the byte before the current one.
    line_start: u64,
    last: u8,
}

impl LineEnds {
    fn learn(&mut self, bytes: &[u8]) {
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                let at = self.read + i as u64;
                let blank = at == self.line_start || (at == self.line_start + 1 && self.last == b'\r');
                self.ahead.push_back((at, blank));
                self.line_start = at + 1;
            }
            self.last = b;
        }
        self.read += bytes.len() as u64;
    }

    /// The line of the record the parser says starts at `byte`. The parser may put that start
    /// on the `\n` ending the line before (CRLF) or on blank lines it then skipped.
    fn line_at(&mut self, byte: u64) -> u64 {
        while self.ahead.front().is_some_and(|(end, blank)| *end <= byte || *blank) {
            self.ahead.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

struct Counted<R> {
    inner: R,
    ends: Rc<RefCell<LineEnds>>,
}

/// The most bytes a line of an input file may hold. No row of a partner program comes near it;
/// a file without line breaks (a binary, `/dev/zero` behind a link) would otherwise be buffered
/// whole by the CSV parser, as one record, until memory runs out.
pub const MAX_LINE_BYTES: u64 = 1 << 20;

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut ends = self.ends.borrow_mut();
        ends.learn(&buf[..n]);
        if ends.read - ends.line_start > MAX_LINE_BYTES {
            let line = ends.passed + ends.ahead.len() as u64 + 1;
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("line {line} runs past {MAX_LINE_BYTES} bytes without a line break, more than a line may hold: is this a CSV file?"),
            ));
        }
        Ok(n)
    }
}

/// Column name → field index (in Parquet, top-level column index), for the columns a table reads.
pub(crate) type Columns = Vec<(&'static str, Option<usize>)>;

pub(crate) struct Table<'s> {
    path: String,
    rows: Rows<'s>,
    columns: Columns,
}

enum Rows<'s> {
    Csv { reader: csv::Reader<Counted<Box<dyn Read + 's>>>, ends: Rc<RefCell<LineEnds>> },
    Parquet(columnar::Rows),
}

/// Finds each column in `names`; reports each required one that is missing, with `missing`.
pub(crate) fn find_columns(
    names: &[&str],
    required: &[&'static str],
    optional: &[&'static str],
    missing: impl Fn(&str) -> InputError,
    errors: &mut InputErrors,
) -> Option<Columns> {
    let find = |column: &str| names.iter().position(|n| *n == column);
    let mut columns = Vec::new();
    let mut ok = true;
    for &column in required {
        let at = find(column);
        if at.is_none() {
            ok = false;
            errors.0.push(missing(column));
        }
        columns.push((column, at));
    }
    columns.extend(optional.iter().map(|&c| (c, find(c))));
    ok.then_some(columns)
}

impl<'s> Table<'s> {
    /// Opens `name` (or its Parquet form) and finds its columns; reports a missing file or
    /// required column.
    pub fn open(
        source: &'s dyn Source,
        name: &str,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut InputErrors,
    ) -> Option<Table<'s>> {
        let found = find(source, name);
        let shown = match found {
            Ok(Found::Parquet(_)) => source.path_of(&parquet_name(name)),
            _ => source.path_of(name),
        };
        Table::of(source, found, shown, required, optional, errors)
    }

    /// Opens one part of a file given as a folder of parts (see [`Source::parts`]): Parquet by
    /// its name, else CSV (decompressed when the source holds it compressed).
    pub fn open_part(
        source: &'s dyn Source,
        part: &str,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut InputErrors,
    ) -> Option<Table<'s>> {
        let shown = source.path_of(part);
        let cannot = |e: std::io::Error| InputError {
            file: shown.clone(),
            line: None,
            column: None,
            message: format!("cannot read: {e}"),
        };
        let found = if part.ends_with(".parquet") {
            source.open_parquet(part).map(|f| f.map_or(Found::Missing, Found::Parquet))
        } else {
            source.open(part).map(|f| f.map_or(Found::Missing, Found::Csv))
        };
        Table::of(source, found.map_err(cannot), shown, required, optional, errors)
    }

    fn of(
        source: &'s dyn Source,
        found: Result<Found<'s>, InputError>,
        shown: String,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut InputErrors,
    ) -> Option<Table<'s>> {
        let file = match found {
            Ok(Found::Csv(file)) => file,
            Ok(Found::Parquet(file)) => {
                let path = shown;
                let (file, columns) = columnar::Opened::open(file, &path, required, optional, errors)?;
                return Some(Table { path, rows: Rows::Parquet(file.rows(0..file.groups())), columns });
            }
            Ok(Found::Missing) => {
                let name = shown.rsplit('/').next().unwrap_or(&shown);
                let message = format!("missing file: {name} is required in {}", source.describe());
                errors.0.push(InputError { file: shown, line: None, column: None, message });
                return None;
            }
            Err(e) => {
                errors.0.push(e);
                return None;
            }
        };
        let ends = Rc::new(RefCell::new(LineEnds::default()));
        let mut reader =
            csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(Counted { inner: file, ends: Rc::clone(&ends) });
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                errors.0.push(csv_error(&shown, &e, &ends));
                return None;
            }
        };
        let names: Vec<&str> = headers.iter().map(|h| h.trim_start_matches('\u{feff}')).collect();
        let missing = |column: &str| InputError {
            file: shown.clone(),
            line: Some(1),
            column: Some(1),
            message: format!(
                "missing required column `{column}` (header is: {})",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        };
        let columns = find_columns(&names, required, optional, missing, errors)?;
        Some(Table { path: shown, rows: Rows::Csv { reader, ends }, columns })
    }

    /// Calls `f` for every data row, until the error limit is reached.
    pub fn each(&mut self, errors: &mut InputErrors, f: impl FnMut(&mut Row<'_>)) {
        let Table { path, rows, columns } = self;
        match rows {
            Rows::Csv { reader, ends } => each_csv(reader, ends, path, columns, errors, f),
            Rows::Parquet(rows) => each_parquet(rows, path, columns, errors, f),
        }
    }
}

fn each_csv(
    reader: &mut csv::Reader<Counted<Box<dyn Read + '_>>>,
    ends: &RefCell<LineEnds>,
    path: &str,
    columns: &Columns,
    errors: &mut InputErrors,
    mut f: impl FnMut(&mut Row<'_>),
) {
    let mut record = csv::StringRecord::new();
    loop {
        if errors.full() {
            return;
        }
        match reader.read_record(&mut record) {
            Ok(false) => return,
            Ok(true) => {
                let line = record.position().map_or(0, |p| ends.borrow_mut().line_at(p.byte()));
                f(&mut Row { path, columns, record: Record::Csv(&record), line, errors });
            }
            Err(e) => {
                errors.0.push(csv_error(path, &e, ends));
                // A malformed record (bad UTF-8, wrong field count) is skipped; an I/O error ends the file.
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }) {
                    return;
                }
            }
        }
    }
}

fn each_parquet(
    rows: &mut columnar::Rows,
    path: &str,
    columns: &Columns,
    errors: &mut InputErrors,
    mut f: impl FnMut(&mut Row<'_>),
) {
    let mut batch = Batch::default();
    loop {
        let n = match rows.next(&mut batch) {
            Ok(0) => return,
            Ok(n) => n,
            // A file that breaks ends there.
            Err(e) => return errors.0.push(e),
        };
        for i in 0..n {
            if errors.full() {
                return;
            }
            let line = batch.first_row + i as u64;
            f(&mut Row { path, columns, record: Record::Parquet(&batch, i), line, errors });
        }
    }
}

fn csv_error(path: &str, e: &csv::Error, ends: &RefCell<LineEnds>) -> InputError {
    let line = e.position().map(|p| ends.borrow_mut().line_at(p.byte()));
    let (column, message) = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => (Some(err.field() + 1), "not valid UTF-8".to_owned()),
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => (
            // The first field too many, or the first one missing.
            Some((*len).min(*expected_len) as usize + 1),
            format!("row has {len} fields, the header has {expected_len}"),
        ),
        _ => (None, e.to_string()),
    };
    InputError { file: path.to_owned(), line, column, message }
}

/// A row's fields: a CSV record, or a row of a batch read from Parquet.
#[derive(Clone, Copy)]
enum Record<'a> {
    Csv(&'a csv::StringRecord),
    Parquet(&'a Batch, usize),
}

/// A value as the validators see it.
pub(crate) enum Field<'a> {
    /// Absent, empty, or NULL.
    Empty,
    Text(&'a str),
    /// A Parquet value with no text form (invalid UTF-8, NaN...): why.
    Invalid(&'a str),
}

pub(crate) struct Row<'a> {
    path: &'a str,
    columns: &'a Columns,
    record: Record<'a>,
    line: u64,
    errors: &'a mut InputErrors,
}

impl<'a> Row<'a> {
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Another row of the same file, as messages name it: `line 7`, or `row 6` in Parquet.
    pub fn place(&self, line: u64) -> String {
        match self.record {
            Record::Csv(_) => format!("line {line}"),
            Record::Parquet(..) => format!("row {line}"),
        }
    }

    fn position(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|(c, _)| *c == column)
    }

    pub fn error(&mut self, column: &str, message: impl Into<String>) {
        let at = self.position(column).and_then(|k| self.columns[k].1);
        self.errors.0.push(InputError {
            file: self.path.to_owned(),
            line: Some(self.line),
            column: at.map(|i| i + 1),
            message: format!("{}: {}", column, message.into()),
        });
    }

    /// The value of a column, borrowed from the record rather than from the row, so that errors
    /// can be recorded while it is held.
    fn value(&self, column: &str) -> Field<'a> {
        let Some(k) = self.position(column) else { return Field::Empty };
        match self.record {
            Record::Csv(record) => match self.columns[k].1.and_then(|i| record.get(i)) {
                Some(v) if !v.is_empty() => Field::Text(v),
                _ => Field::Empty,
            },
            Record::Parquet(batch, row) => batch.field(k, row),
        }
    }

    /// A required, non-empty value, without copying it.
    fn text(&mut self, column: &str) -> Option<&'a str> {
        match self.value(column) {
            Field::Text(text) => Some(text),
            Field::Empty => {
                self.error(column, "required value is empty");
                None
            }
            Field::Invalid(why) => {
                self.error(column, why);
                None
            }
        }
    }

    /// A required, non-empty value.
    pub fn required(&mut self, column: &str) -> Option<String> {
        self.text(column).map(str::to_owned)
    }

    pub fn parse<T>(&mut self, column: &str, parse: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        let text = self.text(column)?;
        parse(text).map_err(|message| self.error(column, message)).ok()
    }

    /// `Some(None)` when the column is absent or empty; `None` when the value is invalid.
    pub fn optional_parse<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<Option<T>> {
        match self.value(column) {
            Field::Empty => Some(None),
            Field::Text(text) => parse(text).map(Some).map_err(|message| self.error(column, message)).ok(),
            Field::Invalid(why) => {
                self.error(column, why);
                None
            }
        }
    }

    /// An id that must name a row of another file.
    pub fn reference(&mut self, column: &str, known: &HashSet<String>, what: &str, file: &str) -> Option<String> {
        let id = self.text(column)?;
        if known.contains(id) {
            Some(id.to_owned())
        } else {
            self.error(column, format!("unknown {what} {id:?} (not in {file})"));
            None
        }
    }
}
