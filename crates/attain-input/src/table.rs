//! One CSV file read as a table: columns found by header name, each problem
//! reported at its line and column.

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::io::Read;
use std::rc::Rc;

use crate::{InputError, InputErrors, Source};

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

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.ends.borrow_mut().learn(&buf[..n]);
        Ok(n)
    }
}

pub(crate) struct Table<'s> {
    path: String,
    reader: csv::Reader<Counted<Box<dyn Read + 's>>>,
    ends: Rc<RefCell<LineEnds>>,
    /// Column name → field index, for the columns this table reads.
    columns: Vec<(&'static str, Option<usize>)>,
}

impl<'s> Table<'s> {
    /// Opens `name` and finds its columns; reports a missing file or required column.
    pub fn open(
        source: &'s dyn Source,
        name: &str,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut InputErrors,
    ) -> Option<Table<'s>> {
        let shown = source.path_of(name);
        let file_error = |message: String| InputError { file: shown.clone(), line: None, column: None, message };
        let file = match source.open(name) {
            Ok(Some(file)) => file,
            Ok(None) => {
                errors.0.push(file_error(format!("missing file: {name} is required in {}", source.describe())));
                return None;
            }
            Err(e) => {
                errors.0.push(file_error(format!("cannot read: {e}")));
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
        let find = |name: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}') == name);
        let mut columns = Vec::new();
        let mut ok = true;
        for &column in required {
            let at = find(column);
            if at.is_none() {
                ok = false;
                let found = headers.iter().collect::<Vec<_>>().join(",");
                errors.0.push(InputError {
                    file: shown.clone(),
                    line: Some(1),
                    column: Some(1),
                    message: format!("missing required column `{column}` (header is: {found})"),
                });
            }
            columns.push((column, at));
        }
        columns.extend(optional.iter().map(|&c| (c, find(c))));
        ok.then_some(Table { path: shown, reader, ends, columns })
    }

    /// Calls `f` for every data row, until the error limit is reached.
    pub fn each(&mut self, errors: &mut InputErrors, mut f: impl FnMut(&mut Row<'_>)) {
        let mut record = csv::StringRecord::new();
        loop {
            if errors.full() {
                return;
            }
            match self.reader.read_record(&mut record) {
                Ok(false) => return,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| self.ends.borrow_mut().line_at(p.byte()));
                    f(&mut Row { table: self, record: &record, line, errors });
                }
                Err(e) => {
                    errors.0.push(csv_error(&self.path, &e, &self.ends));
                    // A malformed record (bad UTF-8, wrong field count) is skipped; an I/O error ends the file.
                    if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }) {
                        return;
                    }
                }
            }
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

pub(crate) struct Row<'a> {
    table: &'a Table<'a>,
    record: &'a csv::StringRecord,
    line: u64,
    errors: &'a mut InputErrors,
}

impl<'a> Row<'a> {
    pub fn line(&self) -> u64 {
        self.line
    }

    fn index(&self, column: &str) -> Option<usize> {
        self.table.columns.iter().find(|(c, _)| *c == column).and_then(|(_, i)| *i)
    }

    pub fn error(&mut self, column: &str, message: impl Into<String>) {
        let at = self.index(column);
        self.errors.0.push(InputError {
            file: self.table.path.clone(),
            line: Some(self.line),
            column: at.map(|i| i + 1),
            message: format!("{}: {}", column, message.into()),
        });
    }

    /// The value of a column, borrowed from the record rather than from the row, so that errors
    /// can be recorded while it is held.
    fn value(&self, column: &str) -> Option<&'a str> {
        let record: &'a csv::StringRecord = self.record;
        self.index(column).and_then(|i| record.get(i)).filter(|v| !v.is_empty())
    }

    /// A required, non-empty value, without copying it.
    fn text(&mut self, column: &str) -> Option<&'a str> {
        let value = self.value(column);
        if value.is_none() {
            self.error(column, "required value is empty");
        }
        value
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
            None => Some(None),
            Some(text) => parse(text).map(Some).map_err(|message| self.error(column, message)).ok(),
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
