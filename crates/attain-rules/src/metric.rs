//! Metrics: what a program measures of a partner, declared in its rules, and how levels are met
//! from them (points scored, or thresholds per market).
//!
//! Every measure is taken as of a month X, the last complete month before the decision's date
//! (people: on the decision's date itself). Values are exact integers in the metric's [`Unit`]:
//! money in micro-units of the program's currency, counts and percentages as whole numbers.

use crate::model::CredentialIdx;
use crate::money::Usd;
use crate::vocab::Market;

/// A metric of a program version, e.g. "net customer adds" or "usage growth".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    /// Stable id, the key of the metric in decisions (e.g. `usage_growth`).
    pub id: String,
    /// English name; translations in `l10n/TAG.toml` under the program's `metrics`.
    pub name: String,
    /// A grouping the program's pages use (e.g. `performance`, `skilling`), if any.
    pub category: Option<String>,
    pub measure: Measure,
    /// How the value turns into points, for programs that score.
    pub points: Option<PointsRule>,
}

impl Metric {
    pub fn unit(&self) -> Unit {
        self.measure.unit()
    }
}

/// What a metric's value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// The credited consumption over the `months` months ending with X.
    Consumption { months: u8 },
    /// The number of customers whose credited consumption in at least one of the `months` months
    /// ending with X is at least `at_least`.
    Customers { at_least: Usd, months: u8 },
    /// The number of distinct non-empty values of a consumption column whose credited consumption
    /// over the `months` months ending with X is above zero, not counting `except`.
    Distinct { column: RowColumn, months: u8, except: Vec<String> },
    /// The qualified people holding any of `any_of` (or, when `all_of` is not empty, every one of
    /// `all_of` together) on the decision's date; none count unless at least
    /// `prerequisite.people` qualified people hold one of `prerequisite.any_of`.
    People { any_of: Vec<CredentialIdx>, all_of: Vec<CredentialIdx>, prerequisite: Option<Prerequisite> },
    /// The sum, over the customers credited to the partner on the decision's date, of the latest
    /// value of the named measure (`measures.csv`) reported on or before that date.
    Latest { measure: String },
    /// How much another measure changed since `months` months before X: the difference.
    Change { of: Box<Measure>, months: u8 },
    /// How much another measure grew since `months` months before X, in whole percent rounded
    /// down; 0 unless the earlier value is above zero and the current one at least `from_at_least`.
    Growth { of: Box<Measure>, months: u8, from_at_least: i128 },
}

impl Measure {
    pub fn unit(&self) -> Unit {
        match self {
            Measure::Consumption { .. } => Unit::Currency,
            Measure::Customers { .. } | Measure::Distinct { .. } | Measure::People { .. } | Measure::Latest { .. } => {
                Unit::Count
            }
            Measure::Change { of, .. } => of.unit(),
            Measure::Growth { .. } => Unit::Percent,
        }
    }

    /// How many months before X the measure reads consumption from (X itself is 0).
    pub fn months_back(&self) -> u32 {
        match self {
            Measure::Consumption { months } | Measure::Customers { months, .. } | Measure::Distinct { months, .. } => {
                u32::from(*months).saturating_sub(1)
            }
            Measure::People { .. } | Measure::Latest { .. } => 0,
            Measure::Change { of, months } | Measure::Growth { of, months, .. } => {
                of.months_back() + u32::from(*months)
            }
        }
    }

    /// Whether the measure reads consumption rows by month (else people or reported values, by day).
    pub fn reads_consumption(&self) -> bool {
        match self {
            Measure::People { .. } | Measure::Latest { .. } => false,
            Measure::Change { of, .. } | Measure::Growth { of, .. } => of.reads_consumption(),
            _ => true,
        }
    }

    /// Every credential the measure looks at.
    pub fn credentials(&self) -> Vec<CredentialIdx> {
        match self {
            Measure::People { any_of, all_of, prerequisite } => {
                any_of.iter().chain(all_of).chain(prerequisite.iter().flat_map(|p| &p.any_of)).copied().collect()
            }
            Measure::Change { of, .. } | Measure::Growth { of, .. } => of.credentials(),
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prerequisite {
    pub people: u32,
    pub any_of: Vec<CredentialIdx>,
}

/// A column of consumption rows that measures and filters may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowColumn {
    /// The service consumed.
    Service,
    /// The offer's category.
    Offer,
}

impl RowColumn {
    pub const ALL: [RowColumn; 2] = [RowColumn::Service, RowColumn::Offer];

    pub fn as_str(self) -> &'static str {
        match self {
            RowColumn::Service => "service",
            RowColumn::Offer => "offer",
        }
    }
}

/// Rows left out of every consumption measure: those whose `column` holds one of `values`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowExclusion {
    pub column: RowColumn,
    pub values: Vec<String>,
}

/// The unit of a metric's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Money, in micro-units of the program's currency.
    Currency,
    Count,
    Percent,
}

/// Points for a value: `floor(value / every) × per`, clamped to `0..=max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointsRule {
    pub per: i64,
    /// In the metric's unit (micro-units for money); 1 for counts and percentages unless given.
    pub every: i128,
    pub max: i64,
}

impl PointsRule {
    pub fn points(&self, value: i128) -> i64 {
        let steps = value.div_euclid(self.every);
        let points = steps.saturating_mul(i128::from(self.per));
        points.clamp(0, i128::from(self.max)) as i64
    }
}

/// How a level is met in a version that declares metrics: every listed threshold reached, and
/// the score, when required.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MetricLevel {
    /// Metric (index into the version's metrics) and the least value needed, per market.
    pub at_least: Vec<(usize, MarketAmounts)>,
    pub score: Option<ScoreRule>,
}

/// A least value per market, in the metric's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarketAmounts {
    pub developed: i128,
    pub emerging: i128,
}

impl MarketAmounts {
    pub fn of(&self, market: Market) -> i128 {
        match market {
            Market::Developed => self.developed,
            Market::Emerging => self.emerging,
        }
    }
}

/// A score requirement: the points of every scored metric summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreRule {
    pub total: i64,
    /// Each scored metric must have at least this many points.
    pub each_at_least: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_steps_times_rate_clamped() {
        let rule = PointsRule { per: 10, every: 1, max: 30 };
        assert_eq!([-2, 0, 1, 2, 3, 4].map(|v| rule.points(v)), [0, 0, 10, 20, 30, 30]);
        let money = PointsRule { per: 1, every: 1_000_000_000, max: 5 };
        assert_eq!([999_999_999, 1_000_000_000, 2_999_999_999, 9_000_000_000].map(|v| money.points(v)), [0, 1, 2, 5]);
    }

    #[test]
    fn months_back_adds_changes_to_the_window() {
        let customers = Measure::Customers { at_least: Usd(1), months: 2 };
        assert_eq!(customers.months_back(), 1);
        assert_eq!(Measure::Change { of: Box::new(customers), months: 12 }.months_back(), 13);
        let growth =
            Measure::Growth { of: Box::new(Measure::Consumption { months: 12 }), months: 12, from_at_least: 0 };
        assert_eq!(growth.months_back(), 23);
        assert_eq!(growth.unit(), Unit::Percent);
    }
}
