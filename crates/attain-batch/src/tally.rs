//! Credited micro-dollars per month, partner and counting-kinds set, summed by one worker.

use attain_engine::{Cells, MonthlyCredit};
use jiff::civil::Date;

use crate::attribution::Credit;
use crate::day::Ymd;

/// The rows a tally keeps: dated on or before `cutoff`, in months `first..=last` (month numbers).
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub first: i32,
    pub last: i32,
    pub cutoff: Ymd,
}

pub struct Tally {
    span: Span,
    /// Cells per partner (one per set).
    sets: usize,
    partners: usize,
    /// Months a run of cells holds: `cells[(partner * sets + set) * months + (month - span.first)]`,
    /// partner-major like the engine's table, so that a customer's rows, listed together, land
    /// in a few cache lines. An open span starts with [`OPEN_MONTHS`] and doubles as rows need.
    months: usize,
    cells: Vec<i64>,
    /// Months from the first that hold a row.
    used: usize,
    latest: Vec<Option<Ymd>>,
    /// The latest row read, summed here or not.
    last_row: Option<Ymd>,
    /// Set when a sum no longer fits 64 bits; the caller then sums exactly elsewhere.
    pub overflow: bool,
}

/// Months an open-ended tally holds before it first grows.
const OPEN_MONTHS: usize = 64;

impl Tally {
    pub fn new(span: Span, partners: usize, sets: usize) -> Tally {
        let months = usize::try_from(span.last - span.first + 1).unwrap_or(0).clamp(1, OPEN_MONTHS);
        Tally {
            span,
            sets,
            partners,
            months,
            cells: vec![0; partners * sets * months],
            used: 0,
            latest: vec![None; months],
            last_row: None,
            overflow: false,
        }
    }

    /// Lays the cells out again for at least `months` months.
    #[cold]
    fn grow(&mut self, months: usize) {
        let wider = months.max(self.months * 2);
        let mut cells = vec![0; self.partners * self.sets * wider];
        for (run, old) in cells.chunks_exact_mut(wider).zip(self.cells.chunks_exact(self.months)) {
            run[..self.months].copy_from_slice(old);
        }
        self.cells = cells;
        self.months = wider;
        self.latest.resize(wider, None);
    }

    /// Notes a row read, summed or not: the latest is the data's last date.
    #[inline]
    pub fn saw(&mut self, day: Ymd) {
        self.last_row = self.last_row.max(Some(day));
    }

    /// Whether a row dated `day` is summed here.
    #[inline]
    pub fn keeps(&self, day: Ymd) -> bool {
        let month = day.month();
        day <= self.span.cutoff && self.span.first <= month && month <= self.span.last
    }

    /// Adds a row worth `micros` dated `day` to every partner in `credits`.
    #[inline]
    pub fn add(&mut self, day: Ymd, micros: i64, credits: &[Credit]) {
        if credits.is_empty() || !self.keeps(day) {
            return;
        }
        let m = (day.month() - self.span.first) as usize;
        if m >= self.months {
            self.grow(m + 1);
        }
        self.used = self.used.max(m + 1);
        for credit in credits {
            let at = credit.partner as usize * self.sets;
            let mut sets = credit.sets;
            while sets != 0 {
                let cell = &mut self.cells[(at + sets.trailing_zeros() as usize) * self.months + m];
                match cell.checked_add(micros) {
                    Some(sum) => *cell = sum,
                    None => self.overflow = true,
                }
                sets &= sets - 1;
            }
        }
        let latest = &mut self.latest[m];
        *latest = (*latest).max(Some(day));
    }

    /// Adds another worker's tally of the same span into this one.
    pub fn merge(&mut self, mut other: Tally) {
        self.overflow |= other.overflow;
        if other.months > self.months {
            std::mem::swap(self, &mut other);
            self.overflow |= other.overflow;
        }
        if other.months < self.months {
            other.grow(self.months);
        }
        self.used = self.used.max(other.used);
        self.last_row = self.last_row.max(other.last_row);
        for (a, b) in self.latest.iter_mut().zip(&other.latest) {
            *a = (*a).max(*b);
        }
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            match a.checked_add(*b) {
                Some(sum) => *a = sum,
                None => self.overflow = true,
            }
        }
    }

    /// The table the engine reads, partner by partner; `None` when a sum overflowed.
    /// Months from the span's first to its last, or to the last month with a row when the span is open.
    pub fn into_credit(mut self, kinds: Vec<u8>, complete_from: Date, open_ended: bool) -> Option<MonthlyCredit> {
        if self.overflow {
            return None;
        }
        let months = if open_ended { self.used.max(1) } else { (self.span.last - self.span.first + 1) as usize };
        let first = self.span.first;
        let first_month = Date::new((first / 12) as i16, (first % 12 + 1) as i8, 1).expect("a month of a valid date");
        let mut credit = MonthlyCredit::zeroed(0, first_month, months, kinds, complete_from);
        if months > self.months {
            self.grow(months);
        }
        credit.micros = Cells::Owned(if months == self.months {
            self.cells
        } else {
            self.cells.chunks_exact(self.months).flat_map(|run| &run[..months]).copied().collect()
        });
        for (to, from) in credit.latest.iter_mut().zip(&self.latest) {
            *to = from.map(Ymd::date);
        }
        credit.last_row = self.last_row.map(Ymd::date);
        Some(credit)
    }
}
