//! Consumption given as Parquet is streamed a row group at a time and credited as the classic
//! reader and engine decide, on files written by a real writer (DuckDB: Snappy and ZSTD,
//! DECIMAL amounts and DATE days; a FOCUS export with TIMESTAMPTZ and DOUBLE costs).

use std::path::Path;

use attain_batch::evaluate_dir;
use attain_engine::Engine;
use attain_input::{ConsumptionFormat, DirSource};
use attain_rules::Rules;
use jiff::civil::date;

#[path = "../../attain-input/tests/fixtures/parquet_folder.rs"]
mod parquet_folder;
use parquet_folder::with_parquet_consumption;

fn streamed_and_classic(dir: &Path, format: ConsumptionFormat) -> (String, String) {
    let rules = Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let as_of = date(2018, 6, 30);
    let streamed = evaluate_dir(&rules, program, dir, format, as_of).expect("streamed, not declined");
    let facts = attain_input::read_with(&DirSource(dir), format).unwrap();
    let classic = Engine::new(&rules, program, facts).unwrap().evaluate(as_of, &[]).unwrap();
    (serde_json::to_string(&streamed).unwrap(), serde_json::to_string(&classic).unwrap())
}

#[test]
fn parquet_consumption_is_streamed_as_the_engine_decides_it() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso");
    for fixture in ["contoso-consumption.parquet", "contoso-consumption-zstd.parquet"] {
        let dir = with_parquet_consumption("contoso", &example, fixture);
        let (streamed, classic) = streamed_and_classic(&dir, ConsumptionFormat::Spec);
        assert_eq!(streamed, classic, "{fixture}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_parquet_focus_export_is_streamed_as_its_csv_export() {
    let focus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/focus");
    let dir = with_parquet_consumption("focus", &focus, "focus-consumption.parquet");
    let (streamed, classic) = streamed_and_classic(&dir, ConsumptionFormat::Focus);
    assert_eq!(streamed, classic);
    assert_eq!(streamed, streamed_and_classic(&focus, ConsumptionFormat::Focus).0, "the CSV export's decision");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_parquet_value_the_streaming_reader_cannot_take_is_left_to_the_exact_reader() {
    // The FOCUS fixture read with the SPEC's columns has none of them: the stream declines and
    // the classic reader reports the missing columns.
    let focus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/focus");
    let dir = with_parquet_consumption("declined", &focus, "focus-consumption.parquet");
    let rules = Rules::embedded().unwrap();
    let declined = evaluate_dir(&rules, &rules.programs[0], &dir, ConsumptionFormat::Spec, date(2018, 6, 30));
    assert!(declined.is_err());
    let errors = attain_input::read_with(&DirSource(&dir), ConsumptionFormat::Spec).unwrap_err();
    assert!(errors.to_string().contains("missing required column `customer_id`"), "{errors}");
    let _ = std::fs::remove_dir_all(&dir);
}
