//! Facts: what the input says, already validated.

use attain_rules::{AssociationKind, Decimal, Market, Usd};
use jiff::civil::Date;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Sorted by `id`, unique.
    pub partners: Vec<Partner>,
    pub associations: Vec<Association>,
    pub consumption: Vec<Consumption>,
    pub people: Vec<Person>,
    pub achievements: Vec<Achievement>,
    /// Values reported per customer and date (`measures.csv`), e.g. a workload's active users.
    pub measures: Vec<MeasureReport>,
    /// The texts of consumption rows' optional columns (`service`, `offer`), each once; a row
    /// holds a [`Label`] into this list, so that millions of rows carry no strings of their own.
    pub labels: Vec<String>,
}

impl Facts {
    /// The date of the latest consumption row, if any.
    pub fn last_consumption_date(&self) -> Option<Date> {
        self.consumption.iter().map(|c| c.date).max()
    }

    /// The text of a label: empty for [`Label::NONE`].
    pub fn label(&self, label: Label) -> &str {
        label.0.checked_sub(1).map_or("", |i| self.labels[i as usize].as_str())
    }

    /// The label of `text` in [`Facts::labels`], added if new; [`Label::NONE`] for empty text.
    /// `known` remembers the labels already given, for whoever adds many.
    pub fn intern(&mut self, known: &mut std::collections::HashMap<String, Label>, text: &str) -> Label {
        if text.is_empty() {
            return Label::NONE;
        }
        if let Some(label) = known.get(text) {
            return *label;
        }
        self.labels.push(text.to_owned());
        let label = Label(self.labels.len() as u32);
        known.insert(text.to_owned(), label);
        label
    }

    /// The labels of `other` (facts read apart, such as a part of a file) as these facts number
    /// them, adding those they lack: `Label(i)` of `other` is the result's `[i]`.
    pub fn intern_all(&mut self, known: &mut std::collections::HashMap<String, Label>, other: &Facts) -> Vec<Label> {
        std::iter::once(Label::NONE).chain(other.labels.iter().map(|text| self.intern(known, text))).collect()
    }
}

/// A text of an optional consumption column, by its place in [`Facts::labels`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Label(pub u32);

impl Label {
    /// No value: the column is absent or empty.
    pub const NONE: Label = Label(0);
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// As given in the data; when absent the program's market rule decides from `country`.
    pub market: Option<Market>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Association {
    pub partner_id: String,
    pub customer_id: String,
    pub kind: AssociationKind,
    pub start: Date,
    /// Inclusive; `None` while the association lasts.
    pub end: Option<Date>,
}

impl Association {
    pub fn covers(&self, date: Date) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }
}

/// One consumption row with its USD value (see [`usd_value`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consumption {
    pub customer_id: String,
    pub date: Date,
    pub usd: Usd,
    /// The service consumed (e.g. `Virtual Machines`), if the data says.
    pub service: Label,
    /// The offer's category (e.g. `Trial`); none for an ordinary offer.
    pub offer: Label,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub partner_id: String,
    pub name: String,
    pub joined: Option<Date>,
    /// Inclusive: the person still counts on this day.
    pub left: Option<Date>,
}

impl Person {
    pub fn affiliated_on(&self, date: Date) -> bool {
        affiliated(self.joined, self.left, date)
    }
}

/// Whether someone who joined and left (inclusive) on these days, if known, belongs on `date`.
pub(crate) fn affiliated(joined: Option<Date>, left: Option<Date>, date: Date) -> bool {
    joined.is_none_or(|j| j <= date) && left.is_none_or(|l| date <= l)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achievement {
    pub person_id: String,
    /// As written in the transcript; ids no catalog knows simply never count.
    pub credential: String,
    pub date: Date,
    /// Inclusive: the achievement counts up to and including this day, if it expires.
    pub expires: Option<Date>,
}

impl Achievement {
    /// Whether the achievement is held on `date`: earned by then and not yet expired.
    pub fn held_on(&self, date: Date) -> bool {
        self.date <= date && self.expires.is_none_or(|e| date <= e)
    }
}

/// A value of a named measure reported for a customer on a date; it holds until the next report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureReport {
    pub customer_id: String,
    pub measure: String,
    pub date: Date,
    /// A whole number (a count, such as active users).
    pub value: i128,
}

/// The USD value of a consumption row: the amount itself for USD, otherwise
/// `amount × usd_per_unit` of the row's month; rounded half to even to micro-dollars.
/// `None` when the exact value does not fit.
pub fn usd_value(amount: Decimal, usd_per_unit: Option<Decimal>) -> Option<Usd> {
    let micros = match usd_per_unit {
        None => amount.to_micros()?,
        Some(rate) => amount.mul_to_micros(rate)?,
    };
    Some(Usd(micros))
}
