//! Consumption per customer and day: all that deciding and explaining read of the rows.
//!
//! A billing export holds many rows per customer and day (one per meter, resource or charge);
//! a decision only ever asks which days a customer's rows fall on and what they add up to, and
//! an explanation how many rows there were. So rows of the same customer and day are kept as
//! one [`DayTotal`], in flat columns (a 2-byte day number, 64-bit micro-dollars, a row count
//! only where a day holds more than one row): the form the server keeps a whole program in, and
//! the form a store keeps per customer (see [`encode`]).

use std::collections::HashMap;
use std::ops::Range;

use attain_rules::Usd;
use jiff::civil::Date;

/// One customer's consumption on one day: the sum of its rows and how many there were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayTotal {
    pub day: Date,
    pub usd: Usd,
    pub rows: u32,
}

/// Every customer's consumption, a [`DayTotal`] per day that has rows, sorted by day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsumptionDays {
    customer_ids: Vec<String>,
    /// Customer `c`'s days are `starts[c]..starts[c + 1]`.
    starts: Vec<usize>,
    days: DayColumn,
    /// Micro-dollars, or [`WIDE`] when the exact amount is in `wide`.
    micros: Vec<i64>,
    /// Rows per day; empty while every day holds a single row (the usual monthly or daily
    /// export of one meter per customer), so that such data pays nothing for the counts.
    rows: Vec<u32>,
    /// The amounts that do not fit 64 bits, by day index, sorted.
    wide: Vec<(usize, i128)>,
    last_row: Option<Date>,
}

/// Marks a day whose amount is kept in `wide` (and the amount `i64::MIN` itself is kept there).
const WIDE: i64 = i64::MIN;

impl ConsumptionDays {
    /// The days of `rows` (customer, date, USD), given in any order.
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = (&'a str, Date, Usd)>) -> ConsumptionDays {
        let mut builder = ConsumptionDaysBuilder::default();
        for (customer, day, usd) in rows {
            builder.push(customer, DayTotal { day, usd, rows: 1 });
        }
        builder.build()
    }

    pub fn customers(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The id of customer `c` (while the ids are kept: see [`ConsumptionDays::forget_customer_ids`]).
    pub fn customer_id(&self, c: usize) -> &str {
        &self.customer_ids[c]
    }

    /// Drops the customers' ids, once customers are known by number elsewhere: an engine knows
    /// them from the associations, and at a program's scale the ids are a tenth of the days'
    /// memory.
    pub(crate) fn forget_customer_ids(&mut self) {
        self.customer_ids = Vec::new();
    }

    /// The days of customer `c` (numbered as [`ConsumptionDays::customer_id`]).
    pub fn of_customer(&self, c: usize) -> CustomerDays<'_> {
        CustomerDays { set: self, range: self.starts[c]..self.starts[c + 1] }
    }

    /// Days held, all customers together.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The rows the days sum.
    pub fn rows(&self) -> u64 {
        if self.rows.is_empty() {
            self.days.len() as u64
        } else {
            self.rows.iter().map(|r| u64::from(*r)).sum()
        }
    }

    /// The latest day of any row.
    pub fn last_row(&self) -> Option<Date> {
        self.last_row
    }

    fn usd(&self, i: usize) -> Usd {
        match self.micros[i] {
            WIDE => Usd(self.wide[self.wide.partition_point(|(at, _)| *at < i)].1),
            micros => Usd(i128::from(micros)),
        }
    }

    fn row_count(&self, i: usize) -> u32 {
        self.rows.get(i).copied().unwrap_or(1)
    }

    /// Appends a day to the last customer, or adds to it when it is that customer's last day.
    fn add_to_last_customer(&mut self, total: DayTotal) {
        let first = *self.starts.last().expect("a customer begun");
        let last = self.days.len().checked_sub(1).filter(|i| *i >= first);
        match last.filter(|i| self.days.get(*i) == total.day) {
            Some(i) => {
                let usd = self.usd(i) + total.usd;
                self.set_usd(i, usd);
                if self.rows.is_empty() {
                    self.rows = vec![1; self.days.len()];
                }
                self.rows[i] = self.rows[i].saturating_add(total.rows);
            }
            None => self.push_day(total),
        }
        self.last_row = self.last_row.max(Some(total.day));
    }

    /// Appends a day, whoever's it is.
    fn push_day(&mut self, total: DayTotal) {
        self.days.push(total.day);
        self.micros.push(0);
        let i = self.days.len() - 1;
        self.set_usd(i, total.usd);
        if !self.rows.is_empty() || total.rows != 1 {
            self.rows.resize(i, 1);
            self.rows.push(total.rows);
        }
        self.last_row = self.last_row.max(Some(total.day));
    }

    /// Sets the amount of the last day (only the last is ever set, so `wide` stays sorted).
    fn set_usd(&mut self, i: usize, usd: Usd) {
        if self.wide.last().is_some_and(|(at, _)| *at == i) {
            self.wide.pop();
        }
        match i64::try_from(usd.micros()) {
            Ok(micros) if micros != WIDE => self.micros[i] = micros,
            _ => {
                self.micros[i] = WIDE;
                self.wide.push((i, usd.micros()));
            }
        }
    }
}

/// One customer's days, sorted by day.
#[derive(Clone)]
pub struct CustomerDays<'a> {
    set: &'a ConsumptionDays,
    range: Range<usize>,
}

impl<'a> CustomerDays<'a> {
    /// No days at all.
    pub fn none(set: &'a ConsumptionDays) -> CustomerDays<'a> {
        CustomerDays { set, range: 0..0 }
    }

    /// The days from `start` through `end`, inclusive.
    pub fn between(&self, start: Date, end: Date) -> CustomerDays<'a> {
        let days = &self.set.days;
        let lo = days.first_after(self.range.clone(), start, false);
        let hi = days.first_after(lo..self.range.end, end, true);
        CustomerDays { set: self.set, range: lo..hi }
    }

    /// The days up to `end`, inclusive.
    pub fn until(&self, end: Date) -> CustomerDays<'a> {
        let hi = self.set.days.first_after(self.range.clone(), end, true);
        CustomerDays { set: self.set, range: self.range.start..hi }
    }

    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = DayTotal> + 'a {
        let set = self.set;
        self.range.clone().map(move |i| DayTotal { day: set.days.get(i), usd: set.usd(i), rows: set.row_count(i) })
    }
}

/// Builds [`ConsumptionDays`] from rows or day totals in any order. Input that comes customer
/// by customer, each in date order (as a store reads it back) is laid out as it arrives; any
/// other order (billing exports come by date) is sorted once at the end.
#[derive(Default)]
pub struct ConsumptionDaysBuilder {
    set: ConsumptionDays,
    /// Each customer's number, once customers stopped coming in increasing order of their ids
    /// (until then a customer is new exactly when its id is greater than the last one's, and a
    /// million customers need no map).
    by_id: Option<HashMap<String, u32>>,
    /// The customer of each day, once the input stopped coming customer by customer.
    customer_of: Option<Vec<u32>>,
}

impl ConsumptionDaysBuilder {
    /// The number of the customer `customer_id`, a new one if it has not come before.
    fn customer(&mut self, customer_id: &str) -> u32 {
        let set = &mut self.set;
        let last = set.customer_ids.last();
        if last.is_some_and(|last| last == customer_id) {
            return (set.customer_ids.len() - 1) as u32;
        }
        let by_id = match &mut self.by_id {
            None if last.is_none_or(|last| last.as_str() < customer_id) => return self.new_customer(customer_id),
            None => {
                self.by_id.insert(set.customer_ids.iter().enumerate().map(|(c, id)| (id.clone(), c as u32)).collect())
            }
            Some(by_id) => by_id,
        };
        if let Some(c) = by_id.get(customer_id) {
            return *c;
        }
        by_id.insert(customer_id.to_owned(), set.customer_ids.len() as u32);
        self.new_customer(customer_id)
    }

    fn new_customer(&mut self, customer_id: &str) -> u32 {
        let set = &mut self.set;
        set.customer_ids.push(customer_id.to_owned());
        if self.customer_of.is_none() {
            set.starts.push(set.days.len());
        }
        (set.customer_ids.len() - 1) as u32
    }

    /// Makes room for `customers` more customers whose days, as [`encode`] writes them, take
    /// `encoded_bytes` bytes: at a program's scale the columns would otherwise grow by doubling,
    /// holding up to twice what they need (three times while one is copied).
    pub fn reserve_encoded(&mut self, customers: usize, encoded_bytes: usize) {
        let days = encoded_bytes / ENCODED_DAY;
        let set = &mut self.set;
        set.customer_ids.reserve_exact(customers);
        set.starts.reserve_exact(customers + 1);
        set.days.reserve_exact(days);
        set.micros.reserve_exact(days);
    }

    pub fn push(&mut self, customer_id: &str, total: DayTotal) {
        let c = self.customer(customer_id);
        self.push_to(c, total);
    }

    fn push_to(&mut self, c: u32, total: DayTotal) {
        let set = &mut self.set;
        if self.customer_of.is_none() {
            let in_order = Some(c as usize) == set.customer_ids.len().checked_sub(1)
                && set
                    .days
                    .len()
                    .checked_sub(1)
                    .filter(|i| *i >= set.starts[c as usize])
                    .is_none_or(|i| set.days.get(i) <= total.day);
            if in_order {
                set.add_to_last_customer(total);
                return;
            }
            // From here on, days are kept with their customer and sorted at the end.
            let mut customer_of = vec![0u32; set.days.len()];
            for (k, start) in set.starts.iter().enumerate() {
                let end = set.starts.get(k + 1).copied().unwrap_or(set.days.len());
                customer_of[*start..end].fill(k as u32);
            }
            self.customer_of = Some(customer_of);
        }
        let customer_of = self.customer_of.as_mut().expect("set above");
        customer_of.push(c);
        set.push_day(total);
    }

    /// Pushes the days of one customer as [`encode`] wrote them.
    pub fn push_encoded(&mut self, customer_id: &str, bytes: &[u8]) -> Result<(), String> {
        if bytes.is_empty() {
            return Ok(()); // No days: no customer, as for rows.
        }
        let c = self.customer(customer_id);
        decode_each(bytes, |total| self.push_to(c, total))
    }

    pub fn build(self) -> ConsumptionDays {
        let ConsumptionDaysBuilder { mut set, customer_of, .. } = self;
        let Some(customer_of) = customer_of else {
            set.starts.push(set.days.len());
            return set;
        };
        let mut order: Vec<u32> = (0..set.days.len() as u32).collect();
        order.sort_by_key(|i| (customer_of[*i as usize], set.days.ordinal(*i as usize)));
        let customers = set.customer_ids.len();
        let mut sorted = ConsumptionDays {
            customer_ids: std::mem::take(&mut set.customer_ids),
            starts: Vec::with_capacity(customers + 1),
            days: DayColumn::with_capacity(set.days.len()),
            micros: Vec::with_capacity(set.days.len()),
            ..ConsumptionDays::default()
        };
        let mut customer = None;
        for i in order {
            let i = i as usize;
            if customer != Some(customer_of[i]) {
                customer = Some(customer_of[i]);
                sorted.starts.push(sorted.days.len());
            }
            sorted.add_to_last_customer(DayTotal { day: set.days.get(i), usd: set.usd(i), rows: set.row_count(i) });
        }
        sorted.starts.push(sorted.days.len());
        sorted.starts.shrink_to_fit();
        sorted.rows.shrink_to_fit();
        sorted
    }
}

/// The day of each [`DayTotal`]: a 2-byte number of days since 1900-01-01 while every day is
/// one of 1900 to mid-2079 (every real export: a third less memory per day than a date and a
/// faster search), else every day as a date.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DayColumn {
    Narrow(Vec<u16>),
    Wide(Vec<Date>),
}

impl Default for DayColumn {
    fn default() -> DayColumn {
        DayColumn::Narrow(Vec::new())
    }
}

/// The first day a [`DayColumn::Narrow`] can hold: day number 0.
const EPOCH: i32 = days_from_civil(1900, 1, 1);

impl DayColumn {
    fn with_capacity(days: usize) -> DayColumn {
        DayColumn::Narrow(Vec::with_capacity(days))
    }

    fn reserve_exact(&mut self, days: usize) {
        match self {
            DayColumn::Narrow(v) => v.reserve_exact(days),
            DayColumn::Wide(v) => v.reserve_exact(days),
        }
    }

    fn len(&self) -> usize {
        match self {
            DayColumn::Narrow(v) => v.len(),
            DayColumn::Wide(v) => v.len(),
        }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `day` as a number that orders as days do.
    fn number(day: Date) -> i32 {
        days_from_civil(day.year().into(), day.month() as u8, day.day() as u8) - EPOCH
    }

    fn narrow(day: Date) -> Option<u16> {
        u16::try_from(DayColumn::number(day)).ok()
    }

    fn push(&mut self, day: Date) {
        if let DayColumn::Narrow(v) = self {
            match DayColumn::narrow(day) {
                Some(n) => return v.push(n),
                // Rare enough (a day before 1900 or after mid-2079) to widen every day for.
                None => *self = DayColumn::Wide(v.iter().map(|n| date_from_number(i32::from(*n))).collect()),
            }
        }
        if let DayColumn::Wide(v) = self {
            v.push(day);
        }
    }

    fn get(&self, i: usize) -> Date {
        match self {
            DayColumn::Narrow(v) => date_from_number(i32::from(v[i])),
            DayColumn::Wide(v) => v[i],
        }
    }

    /// A number for day `i` that orders as the days do.
    fn ordinal(&self, i: usize) -> i32 {
        match self {
            DayColumn::Narrow(v) => i32::from(v[i]),
            DayColumn::Wide(v) => DayColumn::number(v[i]),
        }
    }

    /// In `range` (sorted by day), the index of the first day after `day` (`inclusive`: the
    /// first day after it; else the first on or after it).
    fn first_after(&self, range: Range<usize>, day: Date, inclusive: bool) -> usize {
        let start = range.start;
        start
            + match self {
                DayColumn::Narrow(v) => {
                    let bound = DayColumn::number(day);
                    v[range].partition_point(|n| if inclusive { i32::from(*n) <= bound } else { i32::from(*n) < bound })
                }
                DayColumn::Wide(v) => v[range].partition_point(|d| if inclusive { *d <= day } else { *d < day }),
            }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
const fn days_from_civil(year: i32, month: u8, day: u8) -> i32 {
    let (month, day) = (month as i32, day as i32);
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `number` days after 1900-01-01 (Howard Hinnant's `civil_from_days`); `number` is
/// one [`DayColumn::number`] gave, so the date is valid.
fn date_from_number(number: i32) -> Date {
    let z = number + EPOCH + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    Date::constant(year as i16, month as i8, day as i8)
}

/// Bytes per day in [`encode`]'s form: the date (year, month, day), the row count, the amount.
const ENCODED_DAY: usize = 2 + 1 + 1 + 4 + 16;

/// One customer's days as bytes (little-endian, fixed width), for a store to keep.
pub fn encode(totals: impl IntoIterator<Item = DayTotal>) -> Vec<u8> {
    let mut out = Vec::new();
    for t in totals {
        out.extend_from_slice(&t.day.year().to_le_bytes());
        out.push(t.day.month() as u8);
        out.push(t.day.day() as u8);
        out.extend_from_slice(&t.rows.to_le_bytes());
        out.extend_from_slice(&t.usd.micros().to_le_bytes());
    }
    out
}

/// The days [`encode`] wrote, checked: valid dates, in increasing order, each of one row or more.
pub fn decode(bytes: &[u8]) -> Result<Vec<DayTotal>, String> {
    let mut totals = Vec::with_capacity(bytes.len() / ENCODED_DAY);
    decode_each(bytes, |total| totals.push(total))?;
    Ok(totals)
}

/// `f` of each day [`encode`] wrote, in order, checked as [`decode`] says; nothing is given to
/// `f` if the length is wrong, and nothing after the first wrong day.
fn decode_each(bytes: &[u8], mut f: impl FnMut(DayTotal)) -> Result<(), String> {
    if bytes.len() % ENCODED_DAY != 0 {
        return Err(format!("{} bytes is not a whole number of days", bytes.len()));
    }
    let mut last = None;
    for day in bytes.chunks_exact(ENCODED_DAY) {
        let year = i16::from_le_bytes([day[0], day[1]]);
        let date = Date::new(year, day[2] as i8, day[3] as i8)
            .map_err(|e| format!("not a date ({year}-{}-{}): {e}", day[2], day[3]))?;
        let rows = u32::from_le_bytes(day[4..8].try_into().expect("4 bytes"));
        let usd = Usd(i128::from_le_bytes(day[8..24].try_into().expect("16 bytes")));
        if rows == 0 || last.is_some_and(|last| last >= date) {
            return Err(format!("day {date} out of order or of no rows"));
        }
        last = Some(date);
        f(DayTotal { day: date, usd, rows });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    /// Every customer's days as plain values.
    fn plain(set: &ConsumptionDays) -> BTreeMap<String, Vec<DayTotal>> {
        (0..set.customers()).map(|c| (set.customer_id(c).to_owned(), set.of_customer(c).iter().collect())).collect()
    }

    fn rows() -> impl Strategy<Value = Vec<(u8, i8, i128)>> {
        let usd = prop_oneof![
            -1_000_000i128..1_000_000,
            Just(i128::from(i64::MIN)),
            Just(i128::from(i64::MAX)),
            (i128::from(i64::MAX) - 2)..(i128::from(i64::MAX) + 3),
            Just(-(1i128 << 80)),
        ];
        proptest::collection::vec((0u8..4, 1i8..6, usd), 0..60)
    }

    proptest! {
        /// Whatever the order of the rows, the days are each customer's rows summed per day,
        /// sorted, with their count; the same bytes give back the same days.
        #[test]
        fn days_sum_rows_in_any_order(rows in rows(), by_customer in any::<bool>()) {
            let mut rows: Vec<(String, Date, Usd)> = rows
                .into_iter()
                .map(|(c, d, usd)| (format!("C{c}"), jiff::civil::date(2018, 1, d), Usd(usd)))
                .collect();
            if by_customer {
                rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
            }
            let set = ConsumptionDays::from_rows(rows.iter().map(|(c, d, u)| (c.as_str(), *d, *u)));
            let mut expected: BTreeMap<String, BTreeMap<Date, (i128, u32)>> = BTreeMap::new();
            for (c, d, u) in &rows {
                let day = expected.entry(c.clone()).or_default().entry(*d).or_default();
                day.0 += u.micros();
                day.1 += 1;
            }
            let expected: BTreeMap<String, Vec<DayTotal>> = expected
                .into_iter()
                .map(|(c, days)| {
                    (c, days.into_iter().map(|(day, (usd, rows))| DayTotal { day, usd: Usd(usd), rows }).collect())
                })
                .collect();
            prop_assert_eq!(&plain(&set), &expected);
            prop_assert_eq!(set.rows(), rows.len() as u64);
            prop_assert_eq!(set.last_row(), rows.iter().map(|r| r.1).max());
            // Through the store's form, customer by customer.
            let mut again = ConsumptionDaysBuilder::default();
            for (c, days) in &expected {
                again.push_encoded(c, &encode(days.iter().copied())).unwrap();
            }
            prop_assert_eq!(plain(&again.build()), expected);
        }
    }

    proptest! {
        /// A day's number gives the day back and orders as days do, across jiff's whole range.
        #[test]
        fn day_numbers_are_days(a in -3_652_059i32..2_932_896, b in -3_652_059i32..2_932_896) {
            let day = |n: i32| jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(n)).unwrap();
            let (x, y) = (day(a), day(b));
            prop_assert_eq!(date_from_number(DayColumn::number(x)), x);
            prop_assert_eq!(DayColumn::number(x).cmp(&DayColumn::number(y)), x.cmp(&y));
            prop_assert_eq!(DayColumn::number(x) - DayColumn::number(y), a - b);
        }
    }

    #[test]
    fn days_outside_the_narrow_span_widen_the_column_and_keep_every_day() {
        let d = jiff::civil::date;
        let (first, last) = (d(1900, 1, 1), d(2079, 6, 6)); // day numbers 0 and 65,535
        assert_eq!((DayColumn::number(first), DayColumn::number(last)), (0, 65_535));
        let narrow = ConsumptionDays::from_rows([("A", last, Usd(2)), ("A", first, Usd(1))]);
        assert!(matches!(narrow.days, DayColumn::Narrow(_)));
        for outside in [d(1899, 12, 31), d(2079, 6, 7), d(9999, 12, 31)] {
            let set = ConsumptionDays::from_rows([("A", last, Usd(2)), ("B", outside, Usd(3)), ("A", first, Usd(1))]);
            assert!(matches!(set.days, DayColumn::Wide(_)));
            let days = |c: usize| set.of_customer(c).iter().map(|t| (t.day, t.usd.micros())).collect::<Vec<_>>();
            assert_eq!(days(0), [(first, 1), (last, 2)]);
            assert_eq!(days(1), [(outside, 3)]);
            assert_eq!(set.of_customer(0).between(d(1900, 1, 2), last).iter().count(), 1);
            assert_eq!(set.of_customer(1).until(outside).iter().count(), 1);
        }
    }

    #[test]
    fn a_window_of_days_is_cut_by_date() {
        let d = |day| jiff::civil::date(2018, 3, day);
        let set = ConsumptionDays::from_rows([("A", d(9), Usd(3)), ("A", d(1), Usd(1)), ("A", d(5), Usd(2))]);
        let all = set.of_customer(0);
        let usd = |days: CustomerDays<'_>| days.iter().map(|t| t.usd.micros()).collect::<Vec<_>>();
        assert_eq!(usd(all.between(d(2), d(9))), [2, 3]);
        assert_eq!(usd(all.between(d(5), d(5))), [2]);
        assert_eq!(usd(all.between(d(6), d(8))), Vec::<i128>::new());
        assert_eq!(usd(all.until(d(4))), [1]);
    }

    #[test]
    fn bytes_that_are_not_days_are_refused() {
        let day = DayTotal { day: jiff::civil::date(2018, 3, 1), usd: Usd(5), rows: 1 };
        let bytes = encode([day]);
        assert!(decode(&bytes[1..]).unwrap_err().contains("whole number"));
        assert!(decode(&[bytes.clone(), bytes.clone()].concat()).unwrap_err().contains("out of order"));
        let mut no_rows = bytes.clone();
        no_rows[4..8].copy_from_slice(&0u32.to_le_bytes());
        assert!(decode(&no_rows).is_err());
        let mut february_30 = bytes;
        february_30[2] = 2;
        february_30[3] = 30;
        assert!(decode(&february_30).unwrap_err().contains("not a date"));
    }
}
