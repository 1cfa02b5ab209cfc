//! Requirement pages: generating them from the rules in every locale (`requirements`),
//! and checking pages people wrote against the rules (`lint`).

mod change;
mod lint;
mod metric_page;
mod page;
mod render;

pub use change::changes;
pub use lint::{lint, sarif, summary as lint_summary, Finding, Linter, Severity, RULES};
pub use render::{requirements, Format};
