//! Renders decisions and explanations for people: aligned tables, CSV rows and
//! the explanation report. JSON is the engine types serialized as they are.

mod explain;
mod table;

pub use explain::explain_text;
pub use table::{evaluation_csv, evaluation_table};
