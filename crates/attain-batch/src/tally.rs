//! Credited micro-dollars per month, partner and counting-kinds set, summed by one worker.

use attain_engine::MonthlyCredit;
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
    /// Cells per partner and set (`partner * sets + set`).
    width: usize,
    sets: usize,
    /// One row of cells per month from `span.first`, allocated when a month gets its first row.
    months: Vec<Option<Box<[i64]>>>,
    latest: Vec<Option<Ymd>>,
    /// Set when a sum no longer fits 64 bits; the caller then sums exactly elsewhere.
    pub overflow: bool,
}

impl Tally {
    pub fn new(span: Span, partners: usize, sets: usize) -> Tally {
        Tally { span, width: partners * sets, sets, months: Vec::new(), latest: Vec::new(), overflow: false }
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
        let month = day.month();
        let m = (month - self.span.first) as usize;
        if m >= self.months.len() {
            self.months.resize(m + 1, None);
            self.latest.resize(m + 1, None);
        }
        let width = self.width;
        let cells = self.months[m].get_or_insert_with(|| vec![0; width].into_boxed_slice());
        for credit in credits {
            let at = credit.partner as usize * self.sets;
            let mut sets = credit.sets;
            while sets != 0 {
                let cell = &mut cells[at + sets.trailing_zeros() as usize];
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
    pub fn merge(&mut self, other: Tally) {
        self.overflow |= other.overflow;
        if other.months.len() > self.months.len() {
            self.months.resize(other.months.len(), None);
            self.latest.resize(other.months.len(), None);
        }
        for (m, theirs) in other.months.into_iter().enumerate() {
            self.latest[m] = self.latest[m].max(other.latest[m]);
            let Some(theirs) = theirs else { continue };
            match &mut self.months[m] {
                None => self.months[m] = Some(theirs),
                Some(ours) => {
                    for (a, b) in ours.iter_mut().zip(theirs.iter()) {
                        match a.checked_add(*b) {
                            Some(sum) => *a = sum,
                            None => self.overflow = true,
                        }
                    }
                }
            }
        }
    }

    /// The table the engine reads, partner by partner; `None` when a sum overflowed.
    /// Months from the span's first to its last, or to the last month with a row when the span is open.
    pub fn into_credit(self, kinds: Vec<u8>, complete_from: Date, open_ended: bool) -> Option<MonthlyCredit> {
        if self.overflow {
            return None;
        }
        let months =
            if open_ended { self.months.len().max(1) } else { (self.span.last - self.span.first + 1) as usize };
        let first = self.span.first;
        let first_month = Date::new((first / 12) as i16, (first % 12 + 1) as i8, 1).expect("a month of a valid date");
        let partners = self.width / self.sets.max(1);
        let mut credit = MonthlyCredit::zeroed(partners, first_month, months, kinds, complete_from);
        for (m, cells) in self.months.iter().enumerate().take(months) {
            credit.latest[m] = self.latest[m].map(Ymd::date);
            if let Some(cells) = cells {
                // Month-major rows become partner-major runs of months, the order windows are summed in.
                for (i, micros) in cells.iter().enumerate() {
                    credit.micros[i * months + m] = *micros;
                }
            }
        }
        Some(credit)
    }
}
