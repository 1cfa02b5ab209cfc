//! Consumption credited outside attain — by the Spark job `attain spark-job` writes, on data
//! that outgrows one machine — as a table of sums per partner, credit basis, customer, month
//! and row labels. Either engine decides from it in place of the rows: [`CreditTable::monthly`]
//! gives the threshold form its [`MonthlyCredit`], [`crate::MetricEngine::with_credits`] gives the
//! metric form its per-customer cells.
//!
//! A table holds whole months, so it can stand in for the rows only on dates after which its
//! month holds no credited row (checked by [`CreditTable::unsuitable`]).

use std::collections::BTreeMap;

use attain_rules::CreditBasis;
use jiff::civil::Date;

use crate::{month_date, month_number, Cells, Label, MonthlyCredit};

/// Credited consumption, one row per group of credited rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditTable {
    /// The program's credit bases ([`attain_rules::Program::credit_bases`]), which
    /// [`CreditGroup::basis`] indexes.
    pub bases: Vec<CreditBasis>,
    /// Customer ids as [`CreditGroup::customer`] numbers them.
    pub customers: Vec<String>,
    pub groups: Vec<CreditGroup>,
}

/// The credited consumption of rows sharing partner, basis, customer, month and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CreditGroup {
    /// The partner's place in `Facts::partners` (sorted by id).
    pub partner: u32,
    pub basis: u8,
    /// The customer's place in [`CreditTable::customers`], `None` when the table was credited
    /// per partner only (what the threshold form needs).
    pub customer: Option<u32>,
    /// The month, as a [`month_number`].
    pub month: i32,
    pub service: Label,
    pub offer: Label,
    /// Credited micro-units of the program's currency.
    pub micros: i64,
    /// The date of the latest credited row of the group.
    pub latest: Date,
}

impl CreditTable {
    /// The latest credited row of each month.
    pub fn latest(&self) -> BTreeMap<i32, Date> {
        let mut latest = BTreeMap::new();
        for g in &self.groups {
            let day = latest.entry(g.month).or_insert(g.latest);
            *day = (*day).max(g.latest);
        }
        latest
    }

    /// Why the table cannot stand in for the rows as of `as_of`, if it cannot: the table holds
    /// whole months, and decisions count only rows dated on or before the date decided.
    pub fn unsuitable(&self, as_of: Date) -> Option<String> {
        unsuitable(&self.latest(), as_of)
    }

    /// The table as [`MonthlyCredit`] for `partners` partners: a month's cells summed per
    /// partner and basis. `None` when a sum does not fit 64 bits.
    pub fn monthly(&self, partners: usize) -> Option<MonthlyCredit> {
        let kinds = self.bases.iter().map(|b| b.counting_kinds).collect::<Vec<_>>();
        let first =
            self.groups.iter().map(|g| g.month).min().unwrap_or_else(|| month_number(Date::constant(2000, 1, 1)));
        let last = self.groups.iter().map(|g| g.month).max().unwrap_or(first);
        let months = (last - first + 1) as usize;
        let mut cells = vec![0i64; partners * kinds.len() * months];
        let mut latest = vec![None; months];
        for g in &self.groups {
            let m = (g.month - first) as usize;
            let cell = &mut cells[(g.partner as usize * kinds.len() + usize::from(g.basis)) * months + m];
            *cell = cell.checked_add(g.micros)?;
            latest[m] = latest[m].max(Some(g.latest));
        }
        Some(MonthlyCredit {
            first_month: month_date(first),
            months,
            // Distinct by construction: the threshold form's bases differ in kinds only.
            kinds,
            // The job credits every row it is given.
            complete_from: Date::MIN,
            last_row: latest.iter().flatten().max().copied(),
            latest,
            micros: Cells::Owned(cells),
        })
    }
}

/// [`CreditTable::unsuitable`], given the latest credited day of each month.
pub(crate) fn unsuitable(latest: &BTreeMap<i32, Date>, as_of: Date) -> Option<String> {
    let latest = *latest.get(&month_number(as_of))?;
    (latest > as_of).then(|| {
        format!(
            "the credits hold whole months and {} has credited rows dated up to {latest}, after {as_of}: \
             decide as of that month's last day, or from the rows",
            as_of.strftime("%Y-%m")
        )
    })
}
