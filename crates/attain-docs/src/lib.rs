//! Requirement pages: checking pages people wrote against the rules (`lint`).

mod lint;

pub use lint::{lint, Finding, Severity};
