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
