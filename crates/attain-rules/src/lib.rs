//! The rules of partner programs as data: the program model, the credentials
//! catalog, and loading them from TOML with errors that point at file, line and column.
//!
//! The shipped rules (the repository's `rules/` folder) are embedded at build time;
//! [`Rules::from_dir`] loads another folder of the same layout instead.

mod load;
pub mod metric;
pub mod model;
pub mod money;
pub mod vocab;

pub use load::{RulesError, RulesErrors};
pub use metric::{
    MarketAmounts, Measure, Metric, MetricLevel, PointsRule, Prerequisite, RowColumn, RowExclusion, ScoreRule, Unit,
};
pub use model::*;
pub use money::{Decimal, Usd};
pub use vocab::{AssociationKind, Market};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

impl Rules {
    /// The rules shipped inside this binary.
    pub fn embedded() -> Result<Rules, RulesErrors> {
        let sources = embedded::EMBEDDED
            .iter()
            .map(|(path, text)| SourceFile { path: format!("<embedded>/{path}"), text: (*text).to_owned() });
        load::load(sources.collect())
    }

    /// Reads a draft version from a file of its own (`program = "ID"` and one `[[versions]]`
    /// entry, as in a program's file): the program's id and the draft, validated against these
    /// rules, with every problem located by line and column.
    pub fn draft(&self, path: &str, text: &str) -> Result<(String, Version), RulesErrors> {
        load::draft(self, &SourceFile { path: path.to_owned(), text: text.to_owned() })
    }

    /// Loads `DIR/catalog/*.toml` and `DIR/programs/*.toml`; `*.cases.toml` files are rule test cases.
    pub fn from_dir(dir: &std::path::Path) -> Result<Rules, RulesErrors> {
        load::load(load::read_dir(dir)?)
    }
}
