//! The Spark job that credits a program's consumption past one machine (`attain spark-job`):
//! a PySpark script whose credit bases are derived from the program's rules, writing the table
//! `attain_input::read_credits` reads.

use attain_rules::{AssociationKind, Program, RowColumn};

const TEMPLATE: &str = include_str!("spark_credits.py");

/// The job for `program`: `spark_credits.py` with the program's credit bases in it.
pub fn job(program: &Program) -> String {
    let bases: Vec<_> = program
        .credit_bases()
        .iter()
        .map(|basis| {
            let kinds: Vec<&str> = AssociationKind::ALL
                .iter()
                .filter(|k| basis.counting_kinds & k.bit() != 0)
                .map(|k| k.as_str())
                .collect();
            let exclude: serde_json::Map<String, serde_json::Value> = RowColumn::ALL
                .iter()
                .filter_map(|column| {
                    let values: Vec<&String> =
                        basis.exclude_rows.iter().filter(|e| e.column == *column).flat_map(|e| &e.values).collect();
                    (!values.is_empty()).then(|| (column.as_str().to_owned(), serde_json::json!(values)))
                })
                .collect();
            serde_json::json!({ "basis": basis.id, "kinds": kinds, "exclude": exclude })
        })
        .collect();
    let spec = serde_json::json!({
        "program": program.id,
        // The metric form measures customers and distinct services; the threshold form sums.
        "per_customer": program.by_metrics(),
        "bases": bases,
    });
    let spec = serde_json::to_string_pretty(&spec).expect("JSON of plain values");
    // Python's raw triple-quoted string ends only at `"""`, which JSON never writes unescaped.
    TEMPLATE.replace("__PROGRAM__", &program.id).replace("__SPEC__", &spec)
}
