//! Streaming `consumption.csv` in parallel pieces: no string per row, no whole file in memory.
//!
//! The file is cut into pieces of [`PIECE`] bytes that the workers take in turn; a piece owns the
//! lines that start in it, the last of which may run into the next piece. Each line is split,
//! validated and valued from its bytes, and credited into the worker's [`Tally`].
//!
//! The reader accepts a strict subset of what `attain_input` accepts, with the same values: any
//! line it is not sure of (quotes it cannot undo, surrounding spaces, a lone `\r`, blank lines,
//! invalid values, a currency without a rate...) stops the scan with a [`Rejection`], and the
//! caller reads the folder with `attain_input` instead, which reports real errors with their
//! line and column or accepts what was merely unusual.

use std::fs::File;
use std::io::IsTerminal;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use attain_engine::{usd_value, Decimal};
use attain_input::bytes::{plain, split, trimmed};
use attain_input::{ConsumptionFormat, ParquetConsumption, Rates, MAX_ROW_MICROS};

use crate::attribution::{Attribution, Credit};
use crate::day::Ymd;
use crate::tally::{Span, Tally};

/// Bytes a worker reads and parses at a time, unless a scan says otherwise.
pub const PIECE: u64 = 8 << 20;

/// Why the fast reader left the file to `attain_input` (not necessarily an error in the data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection(pub String);

/// Exchange rates by currency code and month number: per currency, a run of months from its
/// first, so that a row's rate is a short scan over a handful of codes and an index.
pub struct RateTable(Vec<CurrencyRates>);

struct CurrencyRates {
    code: [u8; 3],
    first_month: i32,
    rates: Vec<Option<Decimal>>,
}

impl RateTable {
    pub fn new(rates: Option<&Rates>) -> RateTable {
        let mut table: Vec<CurrencyRates> = Vec::new();
        for ((currency, month), rate) in rates.into_iter().flatten() {
            let month = Ymd::parse(format!("{month}-01").as_bytes()).expect("validated YYYY-MM").month();
            let code: [u8; 3] = currency.as_bytes().try_into().expect("validated three letters");
            let at = match table.iter().position(|c| c.code == code) {
                Some(at) => at,
                None => {
                    table.push(CurrencyRates { code, first_month: month, rates: Vec::new() });
                    table.len() - 1
                }
            };
            let currency = &mut table[at];
            if month < currency.first_month {
                let earlier = (currency.first_month - month) as usize;
                currency.rates.splice(0..0, std::iter::repeat_n(None, earlier));
                currency.first_month = month;
            }
            let m = (month - currency.first_month) as usize;
            if m >= currency.rates.len() {
                currency.rates.resize(m + 1, None);
            }
            currency.rates[m] = Some(*rate);
        }
        RateTable(table)
    }

    /// USD per unit of the currency `code` in month number `month`: `Some(None)` for USD
    /// itself, `None` without a rate or for anything but three capital letters.
    #[inline]
    fn usd_per_unit(&self, code: &[u8], month: i32) -> Option<Option<Decimal>> {
        if !attain_input::field::is_currency_code(code) {
            return None;
        }
        let code: [u8; 3] = code.try_into().ok()?;
        if code == *b"USD" {
            return Some(None);
        }
        let currency = self.0.iter().find(|c| c.code == code)?;
        let m = usize::try_from(month - currency.first_month).ok()?;
        currency.rates.get(m).copied().flatten().map(Some)
    }
}

/// What one scan needs: where credits go, how to value rows, which rows to keep.
pub struct Scan<'a> {
    pub attribution: &'a Attribution<'a>,
    pub rates: &'a RateTable,
    pub format: ConsumptionFormat,
    pub span: Span,
    pub partners: usize,
    /// Bytes per piece ([`PIECE`]; tests choose small ones to cut lines everywhere).
    pub piece: u64,
}

/// Positions of the four columns read, and how many fields every row has.
#[derive(Debug, Clone, Copy)]
struct Layout {
    customer: usize,
    date: usize,
    amount: usize,
    currency: usize,
    fields: usize,
}

impl Layout {
    /// The SPEC's `customer_id,date,amount,currency`, nothing else.
    fn is_spec(&self) -> bool {
        (self.customer, self.date, self.amount, self.currency, self.fields) == (0, 1, 2, 3, 4)
    }
}

impl Scan<'_> {
    /// Scans the consumption of the folder `dir`: `consumption.parquet` when it has one,
    /// else `consumption.csv`.
    pub fn folder(&self, dir: &Path) -> Result<Tally, Rejection> {
        let parts = dir.join(attain_input::parts_folder("consumption.csv"));
        if parts.is_dir() {
            return Err(Rejection(format!(
                "{} is a folder of parts, which the batch path does not read yet",
                parts.display()
            )));
        }
        match ParquetConsumption::open(dir, self.format) {
            Some(parquet) => self.parquet(&parquet),
            None => self.file(&dir.join("consumption.csv")),
        }
    }

    /// Scans `path` with every core, showing progress on a terminal.
    pub fn file(&self, path: &Path) -> Result<Tally, Rejection> {
        let file = attain_input::open_regular(path)
            .and_then(|file| file.ok_or_else(|| std::io::ErrorKind::NotFound.into()))
            .map_err(|e| Rejection(format!("{}: {e}", path.display())))?;
        let len = file.metadata().map_err(|e| Rejection(e.to_string()))?.len();
        let (layout, body) = self.header(&file, len)?;
        let piece_len = self.piece.max(1);
        let done = AtomicU64::new(0);
        let finished = AtomicBool::new(false);
        let show = len > 64 << 20 && std::io::stderr().is_terminal();
        std::thread::scope(|scope| {
            if show {
                scope.spawn(|| progress(path, len, &done, &finished));
            }
            let tally = self.in_workers(layout, len.div_ceil(piece_len), |worker, piece, tally| {
                let start = (piece * piece_len).max(body);
                let end = ((piece + 1) * piece_len).min(len);
                let read = worker.piece(&file, start, end, len, tally);
                done.fetch_add(end - piece * piece_len, Ordering::Relaxed);
                read
            });
            finished.store(true, Ordering::Relaxed);
            tally
        })
    }

    /// Scans `consumption.parquet`, its row groups shared out among the cores: each row's four
    /// values are checked and credited as a line of the SPEC's own layout would be.
    pub fn parquet(&self, consumption: &ParquetConsumption) -> Result<Tally, Rejection> {
        let layout = Layout { customer: 0, date: 1, amount: 2, currency: 3, fields: 4 };
        self.in_workers(layout, consumption.groups() as u64, |worker, group, tally| {
            let mut failed = Ok(());
            let mut line = std::mem::take(&mut worker.buf);
            let read = consumption.each_row(group as usize, |values| {
                line.clear();
                worker.fields.clear();
                for value in values {
                    let start = line.len();
                    line.extend_from_slice(value.as_bytes());
                    worker.fields.push((start, line.len()));
                }
                failed = worker.row(&line, tally);
                failed.is_ok().then_some(())
            });
            worker.buf = line;
            failed?;
            read.ok_or_else(|| Rejection("consumption.parquet needs the exact reader".into()))
        })
    }

    /// Runs `work` on pieces `0..pieces`, which the workers (one a core) take in turn, each
    /// crediting its own tally; the tallies summed, or the first rejection.
    fn in_workers(
        &self,
        layout: Layout,
        pieces: u64,
        work: impl Fn(&mut Worker<'_, '_>, u64, &mut Tally) -> Result<(), Rejection> + Sync,
    ) -> Result<Tally, Rejection> {
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
        let next = AtomicU64::new(0);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut tally = Tally::new(self.span, self.partners, self.attribution.kinds.len());
                        let mut worker = Worker {
                            scan: self,
                            layout,
                            last: (Vec::new(), None),
                            next: 0,
                            pending: Vec::with_capacity(PENDING),
                            credited: Vec::with_capacity(PENDING),
                            fields: Vec::new(),
                            buf: Vec::new(),
                        };
                        loop {
                            let piece = next.fetch_add(1, Ordering::Relaxed);
                            if piece >= pieces {
                                break;
                            }
                            if let Err(rejection) = work(&mut worker, piece, &mut tally) {
                                // Stop the other workers early: the whole scan is abandoned.
                                next.store(pieces, Ordering::Relaxed);
                                return Err(rejection);
                            }
                        }
                        Ok(tally)
                    })
                })
                .collect();
            let mut total: Option<Tally> = None;
            let mut result = Ok(());
            for handle in handles {
                match handle.join().expect("a worker panicked") {
                    Ok(tally) => match &mut total {
                        None => total = Some(tally),
                        Some(sum) => sum.merge(tally),
                    },
                    Err(rejection) => result = result.and(Err(rejection)),
                }
            }
            result.map(|()| total.expect("at least one worker"))
        })
    }

    /// Finds the columns in the header line; returns them and where the first row starts.
    fn header(&self, file: &File, len: u64) -> Result<(Layout, u64), Rejection> {
        let mut buf = vec![0; len.min(1 << 16) as usize];
        file.read_exact_at(&mut buf, 0).map_err(|e| Rejection(e.to_string()))?;
        let (line, body) = match memchr(b'\n', &buf) {
            Some(end) => (&buf[..end], end as u64 + 1),
            None if len <= 1 << 16 => (&buf[..], len),
            None => return Err(Rejection("the header line is longer than 64 KiB".into())),
        };
        let [customer, date, amount, currency] = self.format.columns();
        if let Some(usd) = self.format.usd_column() {
            if columns(line, &[usd])?.0[0].is_some() {
                return Err(Rejection(format!("values in US dollars ({usd}) are read by the exact reader")));
            }
        }
        let (found, fields) = columns(line, &[customer, date, amount, currency])?;
        let found = |i: usize| {
            found[i].ok_or_else(|| Rejection(format!("no column {}", [customer, date, amount, currency][i])))
        };
        let layout = Layout { customer: found(0)?, date: found(1)?, amount: found(2)?, currency: found(3)?, fields };
        Ok((layout, body))
    }
}

struct Worker<'s, 'a> {
    scan: &'s Scan<'a>,
    layout: Layout,
    /// The customer of the previous row and its number: exports list a customer's rows together.
    last: (Vec<u8>, Option<u32>),
    /// The number after the last customer found: the likeliest next one.
    next: u32,
    /// Rows read by [`Worker::spec_line`], credited a batch at a time (see [`Pending`]), and
    /// the partners each is credited to.
    pending: Vec<Pending>,
    credited: Vec<&'a [Credit]>,
    fields: Vec<(usize, usize)>,
    /// The bytes being read.
    buf: Vec<u8>,
}

/// A row read and valued, whose crediting waits for its batch. Rows by date name a customer
/// anywhere in the table at each row: looking each up as it is read makes every row wait for a
/// trip to memory. Looked up a batch at a time, in a loop of nothing else, the lookups are
/// independent of one another and the processor overlaps their trips; the credits then go in
/// the rows' own order, so that every sum is made as before.
struct Pending {
    /// Where the customer's id is in the lines read (`None`: the previous row's customer).
    customer: Option<(u32, u32)>,
    number: Option<u32>,
    day: Ymd,
    micros: i64,
}

/// Rows credited at once.
const PENDING: usize = 256;

impl Worker<'_, '_> {
    /// Looks up the pending rows' customers, then credits the rows, in order.
    fn credit_pending(&mut self, lines: &[u8], tally: &mut Tally) {
        let attribution = self.scan.attribution;
        let mut number = self.last.1;
        for row in &mut self.pending {
            if let Some((at, len)) = row.customer {
                number = attribution.customer_bytes(&lines[at as usize..(at + len) as usize]);
            }
            row.number = number;
        }
        self.last.1 = number;
        if let Some(c) = number {
            self.next = c + 1;
        }
        // Then each row's spans, and only then the sums: again trips that overlap.
        let credited = &mut self.credited;
        credited.clear();
        credited.extend(self.pending.iter().map(|row| row.number.map_or(&[][..], |c| attribution.credits(c, row.day))));
        for (row, credits) in self.pending.drain(..).zip(credited.iter()) {
            tally.add(row.day, row.micros, credits);
        }
    }

    /// Reads and credits the lines starting in `start..end`.
    fn piece(&mut self, file: &File, start: u64, end: u64, len: u64, tally: &mut Tally) -> Result<(), Rejection> {
        if start >= end {
            return Ok(());
        }
        let mut buf = std::mem::take(&mut self.buf);
        let read = self.piece_in(&mut buf, file, start, end, len, tally);
        self.buf = buf;
        read
    }

    fn piece_in(
        &mut self,
        buf: &mut Vec<u8>,
        file: &File,
        start: u64,
        end: u64,
        len: u64,
        tally: &mut Tally,
    ) -> Result<(), Rejection> {
        // One byte before the piece tells whether a line starts right at `start`.
        let from = start - 1;
        buf.resize((end - from) as usize, 0);
        file.read_exact_at(buf, from).map_err(|e| Rejection(e.to_string()))?;
        let Some(first) = memchr(b'\n', buf) else { return Ok(()) };
        if end < len && buf.last() != Some(&b'\n') {
            // The last line starts here and runs into the next piece: read on to its end.
            let mut more = vec![0; 1 << 16];
            let mut offset = end;
            loop {
                let n = file.read_at(&mut more, offset).map_err(|e| Rejection(e.to_string()))?;
                let newline = memchr(b'\n', &more[..n]);
                buf.extend_from_slice(&more[..newline.map_or(n, |at| at + 1)]);
                offset += n as u64;
                if newline.is_some() || n == 0 {
                    break;
                }
            }
        }
        // Every line of `lines` ends with `\n`, except the file's last one when it has none.
        let lines = &buf[first + 1..];
        let plain = plain(lines);
        if plain && self.layout.is_spec() {
            return self.spec_lines(lines, tally);
        }
        if plain {
            return self.plain_lines(lines, tally);
        }
        let mut rest = lines;
        while !rest.is_empty() {
            let (line, next) = match memchr(b'\n', rest) {
                Some(at) => (&rest[..at], &rest[at + 1..]),
                None => (rest, &[][..]),
            };
            self.line(line, tally)?;
            rest = next;
        }
        Ok(())
    }

    /// One line without its `\n`, split with the general rules.
    fn line(&mut self, line: &[u8], tally: &mut Tally) -> Result<(), Rejection> {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        split(line, &mut self.fields).ok_or_else(|| reject(line, "needs the general CSV reader"))?;
        self.row(line, tally)
    }

    /// Plain lines of the SPEC's own four columns in order: each read in one pass by
    /// [`Worker::spec_line`], or, when that is unsure, by [`Worker::line`].
    fn spec_lines(&mut self, lines: &[u8], tally: &mut Tally) -> Result<(), Rejection> {
        let mut at = 0;
        while at < lines.len() {
            let rest = &lines[at..];
            if let Some(len) = self.spec_line(rest, at, tally) {
                at += len;
                if self.pending.len() == PENDING {
                    self.credit_pending(lines, tally);
                }
                continue;
            }
            // The general reader credits in order after every row read before it.
            self.credit_pending(lines, tally);
            let end = memchr(b'\n', rest).unwrap_or(rest.len());
            self.line(&rest[..end], tally)?;
            at += end + 1;
        }
        self.credit_pending(lines, tally);
        Ok(())
    }

    /// Reads and values the line `customer,YYYY-MM-DD,amount,CUR` at the start of `b` (at
    /// `offset` in the lines read), leaves it to be credited with its batch ([`Pending`]), and
    /// returns its length with its line break; `None`, having kept nothing, for
    /// anything else (the line is then read by [`Worker::line`], which credits it or rejects it).
    /// The checks are those of [`Worker::row`]: a customer with visible ASCII at both ends and
    /// no control byte, a calendar date, an amount [`fixed`] reads, a currency with a rate.
    #[inline]
    fn spec_line(&mut self, b: &[u8], offset: usize, tally: &mut Tally) -> Option<usize> {
        // Exports list a customer's rows together: most lines start with the previous one's.
        let known = self.last.0.len();
        let repeat = b.get(known) == Some(&b',') && known > 0 && same(&b[..known], &self.last.0);
        let customer_len = if repeat {
            known
        } else {
            let len = b.iter().position(|&c| c == b',' || c < b' ')?;
            (b[len] == b',' && len > 0 && trimmed(&b[..len])).then_some(len)?
        };
        let date_at = customer_len + 1;
        let day = Ymd::parse(b.get(date_at..date_at + 10)?)?;
        let mut at = date_at + 10;
        if b.get(at) != Some(&b',') {
            return None;
        }
        at += 1;
        let (amount, digits) = fixed_prefix(&b[at..])?;
        at += digits;
        if b.get(at) != Some(&b',') {
            return None;
        }
        let code = b.get(at + 1..at + 4)?;
        at += 4;
        at += match (b.get(at), b.get(at + 1)) {
            (None, _) => 0,
            (Some(b'\n'), _) => 1,
            (Some(b'\r'), Some(b'\n')) => 2,
            _ => return None,
        };
        let rate = self.scan.rates.usd_per_unit(code, day.month())?;
        let micros = fixed_micros(amount, rate)?;
        tally.saw(day);
        if !tally.keeps(day) {
            return Some(at);
        }
        // Credited with its batch (see [`Pending`]); the customer is the previous row's when repeated.
        let customer = (!repeat).then(|| {
            self.last.0.clear();
            self.last.0.extend_from_slice(&b[..customer_len]);
            (offset as u32, customer_len as u32)
        });
        self.pending.push(Pending { customer, number: None, day, micros });
        Some(at)
    }

    /// Makes `customer` the last one seen, looking up its number: first as the one after the
    /// previous customer's (associations and exports often list customers in the same order).
    #[inline]
    fn customer(&mut self, customer: &[u8]) {
        let attribution = self.scan.attribution;
        self.last.0.clear();
        self.last.0.extend_from_slice(customer);
        self.last.1 = if attribution.id(self.next).is_some_and(|id| same(id, customer)) {
            Some(self.next)
        } else {
            attribution.customer_bytes(customer)
        };
        if let Some(c) = self.last.1 {
            self.next = c + 1;
        }
    }

    /// Lines without quotes or non-ASCII bytes: one vectorized pass finds every delimiter.
    fn plain_lines(&mut self, lines: &[u8], tally: &mut Tally) -> Result<(), Rejection> {
        let mut line_start = 0;
        let mut field_start = 0;
        self.fields.clear();
        for at in memchr::memchr3_iter(b',', b'\n', b'\r', lines) {
            match lines[at] {
                b',' => {
                    self.fields.push((field_start - line_start, at - line_start));
                    field_start = at + 1;
                }
                // The general CSV reader ends a line at a lone `\r`.
                b'\r' if lines.get(at + 1) != Some(&b'\n') => {
                    return Err(reject(&lines[line_start..at], "has a carriage return inside"));
                }
                b'\r' => {}
                _ => {
                    let line_end = if at > line_start && lines[at - 1] == b'\r' { at - 1 } else { at };
                    self.fields.push((field_start - line_start, line_end - line_start));
                    self.row(&lines[line_start..line_end], tally)?;
                    self.fields.clear();
                    line_start = at + 1;
                    field_start = at + 1;
                }
            }
        }
        if line_start < lines.len() {
            self.fields.push((field_start - line_start, lines.len() - line_start));
            self.row(&lines[line_start..], tally)?;
        }
        Ok(())
    }

    /// Validates, values and credits one row whose fields are split.
    #[inline]
    fn row(&mut self, line: &[u8], tally: &mut Tally) -> Result<(), Rejection> {
        if line.is_empty() {
            return Err(reject(line, "is blank"));
        }
        let layout = self.layout;
        if self.fields.len() != layout.fields {
            return Err(reject(line, "has another number of fields than the header"));
        }
        let field = |i: usize| &line[self.fields[i].0..self.fields[i].1];
        let (customer, date, amount, currency) =
            (field(layout.customer), field(layout.date), field(layout.amount), field(layout.currency));
        if [customer, date, amount, currency].iter().any(|f| f.is_empty() || !trimmed(f)) {
            return Err(reject(line, "has an empty or space-padded value"));
        }
        let day = match self.scan.format {
            ConsumptionFormat::Spec => Ymd::parse(date),
            ConsumptionFormat::Focus => {
                std::str::from_utf8(date).ok().and_then(|d| attain_input::parse_utc_datetime(d).ok()).map(Ymd::of)
            }
        }
        .ok_or_else(|| reject(line, "has an invalid date"))?;
        let micros =
            self.value(amount, currency, day).ok_or_else(|| reject(line, "has an amount or currency to check"))?;
        // Rows outside the span are validated above, never credited.
        tally.saw(day);
        if !tally.keeps(day) {
            return Ok(());
        }
        if !same(&self.last.0, customer) {
            self.customer(customer);
        }
        if let Some(c) = self.last.1 {
            tally.add(day, micros, self.scan.attribution.credits(c, day));
        }
        Ok(())
    }

    /// The row's exact USD value in micro-dollars, as `attain_input` computes it; `None` for
    /// anything `attain_input` would refuse, and for values too large for a 64-bit sum.
    #[inline]
    fn value(&self, amount: &[u8], currency: &[u8], day: Ymd) -> Option<i64> {
        let rate = self.scan.rates.usd_per_unit(currency, day.month())?;
        if let Some(micros) = fixed(amount).and_then(|amount| fixed_micros(amount, rate)) {
            return Some(micros);
        }
        // Long amounts, long rates, large products: the exact decimal path.
        let amount = Decimal::parse(std::str::from_utf8(amount).ok()?).ok()?;
        let usd = usd_value(amount, rate)?.micros();
        if usd.abs() >= MAX_ROW_MICROS {
            return None;
        }
        i64::try_from(usd).ok()
    }
}

/// An amount of at most eighteen digits, `-?digits(.digits)?`, as an integer and its number of
/// decimals: the same number `Decimal::parse` reads. `None` leaves it to `Decimal::parse`.
#[inline]
fn fixed(text: &[u8]) -> Option<(i64, u32)> {
    fixed_prefix(text).and_then(|(amount, len)| (len == text.len()).then_some(amount))
}

/// [`fixed`] of the longest prefix of `text` that could be an amount, and that prefix's length.
#[inline]
fn fixed_prefix(text: &[u8]) -> Option<((i64, u32), usize)> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    // One pass: digits before and after at most one dot, at least one on each side of it.
    let (mut value, mut count, mut decimals): (i64, u32, Option<u32>) = (0, 0, None);
    let mut len = usize::from(negative);
    for &b in digits {
        if b == b'.' {
            if decimals.is_some() || count == 0 {
                return None;
            }
            decimals = Some(0);
            len += 1;
            continue;
        }
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        if count == 18 {
            return None;
        }
        value = value * 10 + i64::from(d);
        count += 1;
        len += 1;
        if let Some(n) = &mut decimals {
            *n += 1;
        }
    }
    if count == 0 || decimals == Some(0) {
        return None;
    }
    Some(((if negative { -value } else { value }, decimals.unwrap_or(0)), len))
}

/// Powers of ten that fit an `i64`.
const POW10: [i64; 19] = {
    let mut table = [1i64; 19];
    let mut i = 1;
    while i < 19 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// `amount × rate` (or the amount alone) rounded half to even to micro-dollars, as
/// `attain_engine::usd_value` computes it, in 64-bit integers; `None` when a step would not fit
/// (the caller then takes the exact 128-bit path, which gives the same value whenever this does).
#[inline]
fn fixed_micros((amount, scale): (i64, u32), rate: Option<Decimal>) -> Option<i64> {
    let (product, from) = match rate {
        None => (amount, scale),
        Some(rate) => (amount.checked_mul(i64::try_from(rate.mantissa).ok()?)?, scale + rate.scale),
    };
    if from <= 6 {
        return product.checked_mul(POW10[(6 - from) as usize]);
    }
    let divisor = *POW10.get((from - 6) as usize)?;
    let (quotient, remainder) = (product / divisor, product % divisor);
    // |remainder| < divisor <= 10^18, so twice it fits.
    let twice = remainder.abs() * 2;
    let away = twice > divisor || (twice == divisor && quotient % 2 != 0);
    Some(if away { quotient + product.signum() } else { quotient })
}

/// The position of each named column in a header line, and how many fields the header has.
pub(crate) fn columns(line: &[u8], names: &[&str]) -> Result<(Vec<Option<usize>>, usize), Rejection> {
    attain_input::bytes::columns(line, names).ok_or_else(|| Rejection("the header needs the general CSV reader".into()))
}

/// Whether two customer ids are equal; ids of 8 to 16 bytes (the usual) in two word compares.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let n = a.len();
    if (8..=16).contains(&n) {
        let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("eight bytes"));
        return word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8);
    }
    a == b
}

pub(crate) fn reject(line: &[u8], why: &str) -> Rejection {
    let shown: String = String::from_utf8_lossy(&line[..line.len().min(120)]).into_owned();
    Rejection(format!("the line {shown:?} {why}"))
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

/// A progress line on standard error, redrawn while the workers read.
fn progress(path: &Path, len: u64, done: &AtomicU64, finished: &AtomicBool) {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    while !finished.load(Ordering::Relaxed) {
        let read = done.load(Ordering::Relaxed).min(len);
        let width = 30;
        let filled = (read * width / len.max(1)) as usize;
        eprint!(
            "\r{name} [{}{}] {:>3}% {} of {} MB",
            "#".repeat(filled),
            " ".repeat(width as usize - filled),
            read * 100 / len.max(1),
            read >> 20,
            len >> 20
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    eprint!("\r{}\r", " ".repeat(name.len() + 60));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The 64-bit path values every amount it takes exactly as the exact decimal path does.
        #[test]
        fn fixed_values_as_the_decimal_path(
            amount in "-?[0-9]{0,12}(\\.[0-9]{0,9})?|[-0-9.a]{0,6}",
            rate_digits in "[0-9]{1,19}",
            rate_scale in 0u32..14,
            usd in any::<bool>(),
        ) {
            let rate = (!usd).then(|| Decimal { mantissa: rate_digits.parse().unwrap(), scale: rate_scale });
            let exact = Decimal::parse(&amount).ok().and_then(|a| usd_value(a, rate)).map(|u| u.micros());
            if let Some(fast) = fixed(amount.as_bytes()).and_then(|a| fixed_micros(a, rate)) {
                prop_assert_eq!(Some(i128::from(fast)), exact, "{} × {:?}", amount, rate);
            }
            if fixed(amount.as_bytes()).is_some() {
                prop_assert!(Decimal::parse(&amount).is_ok(), "{}", amount);
            }
        }
    }

    #[test]
    fn rounds_half_to_even() {
        let rate = |mantissa, scale| Some(Decimal { mantissa, scale });
        assert_eq!(fixed_micros(fixed(b"1.0000005").unwrap(), None), Some(1_000_000));
        assert_eq!(fixed_micros(fixed(b"1.0000015").unwrap(), None), Some(1_000_002));
        assert_eq!(fixed_micros(fixed(b"-1.0000015").unwrap(), None), Some(-1_000_002));
        assert_eq!(fixed_micros(fixed(b"3").unwrap(), rate(5, 7)), Some(2)); // 1.5 micro-dollars
        assert_eq!(fixed_micros(fixed(b"-5").unwrap(), rate(5, 7)), Some(-2)); // -2.5
        assert_eq!(fixed(b"1."), None);
        assert_eq!(fixed(b"-"), None);
        assert_eq!(fixed(b"+1"), None);
    }
}
