//! Consumption already credited to partners per calendar month, for deciding whole programs
//! without holding a row per consumption line (see the `attain-batch` crate, which fills it).
//!
//! With month-aligned windows, every window the decision asks for is a run of whole calendar
//! months, so a partner's credited consumption per month is all the decision needs of the rows,
//! provided each month holds exactly the rows dated on or before the cutoff. The engine checks
//! the conditions under which this is provably the same as summing rows; where it cannot, it
//! refuses ([`crate::EngineError::MonthlyCredit`]) and the caller decides from the rows.

use std::ops::{Deref, RangeInclusive};
use std::sync::Arc;

use attain_rules::{Align, Program, Usd};
use jiff::civil::Date;

/// Credited micro-dollars per partner, per counting-kinds set, per calendar month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyCredit {
    /// The first day of the first month held.
    pub first_month: Date,
    pub months: usize,
    /// The distinct sets of counting association kinds (bit sets) the table is credited for.
    pub kinds: Vec<u8>,
    /// Every credited row dated on or after this day is in the table; earlier rows may be missing.
    pub complete_from: Date,
    /// For each month, the latest date of a credited row in it, if any: a cutoff inside a month
    /// is only safe when no row of that month is dated after it.
    pub latest: Vec<Option<Date>>,
    /// The latest date of any row read, inside the months held or not (what a reader needs to
    /// say that the data ends long before the date decided).
    pub last_row: Option<Date>,
    /// `micros[(partner * kinds.len() + k) * months + month]`, partners in `Facts::partners` order.
    pub micros: Cells,
}

/// A table's cells: owned, or kept by whatever holds them already (a roll-up file mapped into
/// memory), so that a large table is neither copied nor held twice.
#[derive(Clone)]
pub enum Cells {
    Owned(Vec<i64>),
    Kept(Arc<dyn AsRef<[i64]> + Send + Sync>),
}

impl Deref for Cells {
    type Target = [i64];

    fn deref(&self) -> &[i64] {
        match self {
            Cells::Owned(cells) => cells,
            Cells::Kept(cells) => (**cells).as_ref(),
        }
    }
}

impl PartialEq for Cells {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Cells {}

impl std::fmt::Debug for Cells {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Months since year 0, so that month arithmetic is integer subtraction.
pub fn month_number(date: Date) -> i32 {
    i32::from(date.year()) * 12 + i32::from(date.month()) - 1
}

/// The first day of a [`month_number`]'s month (`Date::MIN` for a number before any date).
pub fn month_date(month: i32) -> Date {
    Date::new(month.div_euclid(12) as i16, (month.rem_euclid(12) + 1) as i8, 1).unwrap_or(Date::MIN)
}

impl MonthlyCredit {
    /// An empty table for `partners` partners over `months` months from `first_month`.
    pub fn zeroed(partners: usize, first_month: Date, months: usize, kinds: Vec<u8>, complete_from: Date) -> Self {
        MonthlyCredit {
            first_month: first_month.first_of_month(),
            months,
            micros: Cells::Owned(vec![0; partners * kinds.len() * months]),
            kinds,
            complete_from,
            latest: vec![None; months],
            last_row: None,
        }
    }

    pub fn partners(&self) -> usize {
        self.micros.len() / (self.kinds.len() * self.months).max(1)
    }

    /// The cells of one partner: a month each, for each kinds set in turn.
    pub fn partner_cells(&self, partner: usize) -> &[i64] {
        let size = self.kinds.len() * self.months;
        &self.micros[partner * size..(partner + 1) * size]
    }

    /// Why this table cannot stand in for the rows when deciding `program` as of `as_of`, if it cannot.
    pub(crate) fn unsuitable(&self, program: &Program, partners: usize, as_of: Date) -> Option<String> {
        if self.partners() != partners || self.micros.len() != partners * self.kinds.len() * self.months {
            return Some(format!("the table holds {} partners, the facts {partners}", self.partners()));
        }
        if let Some(v) = program.versions.iter().find(|v| v.window.align != Align::Month) {
            return Some(format!("version {} has a day-aligned window; only whole months can be summed", v.id));
        }
        if let Some(v) = program.versions.iter().find(|v| !self.kinds.contains(&v.counting_kinds)) {
            return Some(format!("version {} credits association kinds the table was not built for", v.id));
        }
        // The earliest window the decision may ask for: as of D or any later date.
        let longest = program.versions.iter().map(|v| i32::from(v.window.months)).max().unwrap_or(0);
        let earliest = as_of.first_of_month().saturating_sub(jiff::Span::new().months(longest));
        if earliest < self.complete_from {
            return Some(format!(
                "windows from {earliest} are needed, the table is complete from {}",
                self.complete_from
            ));
        }
        let m = month_number(as_of) - month_number(self.first_month);
        if let Some(Some(latest)) = usize::try_from(m).ok().and_then(|m| self.latest.get(m)) {
            if *latest > as_of {
                return Some(format!(
                    "the table holds whole months and {} has rows dated up to {latest}, after {as_of}",
                    as_of.strftime("%Y-%m")
                ));
            }
        }
        None
    }

    /// The credited consumption of one partner (its [`MonthlyCredit::partner_cells`]) over whole
    /// months (as [`month_number`]s), counting no month after the cutoff's (its rows are dated
    /// after the cutoff).
    pub(crate) fn sum(&self, partner: &[i64], kinds: u8, months: RangeInclusive<i32>, cutoff: Date) -> Usd {
        let k = self.kinds.iter().position(|k| *k == kinds).expect("checked by `unsuitable`");
        let first = month_number(self.first_month);
        let lo = (months.start() - first).max(0);
        let hi = ((*months.end()).min(month_number(cutoff)) - first).min(self.months as i32 - 1);
        if hi < lo {
            return Usd::ZERO;
        }
        let cells = &partner[k * self.months..][lo as usize..=hi as usize];
        Usd(cells.iter().map(|c| i128::from(*c)).sum())
    }
}
