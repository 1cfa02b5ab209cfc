//! One CSV file read as a table: columns found by header name, each problem
//! reported at its line and column.

use std::collections::HashSet;
use std::io::Read;

use crate::{InputError, InputErrors, Source};

pub(crate) struct Table<'s> {
    path: String,
    reader: csv::Reader<Box<dyn Read + 's>>,
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
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(file);
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                errors.0.push(csv_error(&shown, &e));
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
                    column: None,
                    message: format!("missing required column `{column}` (header is: {found})"),
                });
            }
            columns.push((column, at));
        }
        columns.extend(optional.iter().map(|&c| (c, find(c))));
        ok.then_some(Table { path: shown, reader, columns })
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
                    let line = record.position().map_or(0, |p| p.line());
                    f(&mut Row { table: self, record: &record, line, errors });
                }
                Err(e) => {
                    errors.0.push(csv_error(&self.path, &e));
                    // A malformed record (bad UTF-8, wrong field count) is skipped; an I/O error ends the file.
                    if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }) {
                        return;
                    }
                }
            }
        }
    }
}

fn csv_error(path: &str, e: &csv::Error) -> InputError {
    let line = e.position().map(|p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not valid UTF-8 in field {}", err.field() + 1),
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("row has {len} fields, the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    InputError { file: path.to_owned(), line, column: None, message }
}

pub(crate) struct Row<'a> {
    table: &'a Table<'a>,
    record: &'a csv::StringRecord,
    line: u64,
    errors: &'a mut InputErrors,
}

impl Row<'_> {
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

    fn value(&self, column: &str) -> Option<&str> {
        self.index(column).and_then(|i| self.record.get(i)).filter(|v| !v.is_empty())
    }

    /// A required, non-empty value.
    pub fn required(&mut self, column: &str) -> Option<String> {
        let value = self.value(column).map(str::to_owned);
        if value.is_none() {
            self.error(column, "required value is empty");
        }
        value
    }

    pub fn parse<T>(&mut self, column: &str, parse: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        let text = self.required(column)?;
        parse(&text).map_err(|message| self.error(column, message)).ok()
    }

    /// `Some(None)` when the column is absent or empty; `None` when the value is invalid.
    pub fn optional_parse<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<Option<T>> {
        match self.value(column).map(str::to_owned) {
            None => Some(None),
            Some(text) => parse(&text).map(Some).map_err(|message| self.error(column, message)).ok(),
        }
    }

    /// An id that must name a row of another file.
    pub fn reference(&mut self, column: &str, known: &HashSet<String>, what: &str, file: &str) -> Option<String> {
        let id = self.required(column)?;
        if known.contains(&id) {
            Some(id)
        } else {
            self.error(column, format!("unknown {what} {id:?} (not in {file})"));
            None
        }
    }
}
