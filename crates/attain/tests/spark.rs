//! The Spark job (`attain spark-job`) run by pyspark in local mode on generated programs of both
//! shipped programs, its credits decided by `evaluate --credits` and compared byte for byte with
//! `evaluate --data` over the rows. Cloud Platform's inputs are handed over as typed Parquet
//! (DATE, DECIMAL), the points program's as CSV.
//!
//! Needs `python3` with pyspark and Java 17; skipped (saying so) without them, unless
//! ATTAIN_REQUIRE_SPARK=1, as in CI, where a missing pyspark fails instead.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_attain");

fn spark_available() -> bool {
    let found = Command::new("python3").args(["-c", "import pyspark"]).output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("ATTAIN_REQUIRE_SPARK").is_none(),
            "ATTAIN_REQUIRE_SPARK is set but python3 cannot import pyspark (pip install pyspark; Java 17 is needed too)"
        );
        eprintln!("SKIPPED: python3 cannot import pyspark (pip install pyspark)");
    }
    found
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-spark-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn attain(args: &[&str]) -> Vec<u8> {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success(), "attain {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Runs `script` (Python) with pyspark; `job` is the path of the written job, importable as a module.
fn python(script: &str, job: &Path) {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .env("PYTHONPATH", job.parent().unwrap())
        // Quiet, small and local: two cores, no UI.
        .env(
            "PYSPARK_SUBMIT_ARGS",
            "--master local[2] --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=4 pyspark-shell",
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "python3 failed:\n{}", String::from_utf8_lossy(&out.stderr));
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn spark_credits_decide_as_the_rows_do_for_both_shipped_programs() {
    if !spark_available() {
        return;
    }
    let dir = scratch("both");

    // Cloud Platform: rows by date, as billing exports come; inputs as typed Parquet.
    let data = dir.join("cloud-platform");
    attain(&["gen", "--partners", "300", "--order", "date", "--out", path(&data)]);
    let job = dir.join("cloud_platform_job.py");
    attain(&["spark-job", "--program", "cloud-platform", "--out", path(&job)]);
    let credits = dir.join("cloud-platform-credits");
    python(
        &format!(
            r#"
from pyspark.sql import SparkSession, functions as F
import cloud_platform_job as job
spark = SparkSession.builder.getOrCreate()
def csv(name):
    return spark.read.option("header", "true").csv("{data}/" + name + ".csv")
csv("consumption").select(
    "customer_id", F.to_date("date").alias("date"), F.col("amount").cast("decimal(30,10)").alias("amount"), "currency"
).write.parquet("{dir}/consumption")
csv("associations").write.parquet("{dir}/associations")
csv("fx_rates").select("currency", "month", F.col("usd_per_unit").cast("decimal(20,10)").alias("usd_per_unit")).write.parquet("{dir}/fx_rates")
job.main(["--consumption", "{dir}/consumption", "--associations", "{dir}/associations",
          "--fx-rates", "{dir}/fx_rates", "--out", "{credits}"])
"#,
            data = path(&data),
            dir = path(&dir),
            credits = path(&credits),
        ),
        &job,
    );
    for as_of in ["2018-06-30", "2017-12-31"] {
        let rows = attain(&["evaluate", "--data", path(&data), "--as-of", as_of, "--format", "json"]);
        let credited = attain(&[
            "evaluate",
            "--data",
            path(&data),
            "--credits",
            path(&credits),
            "--as-of",
            as_of,
            "--format",
            "json",
        ]);
        assert!(rows == credited, "cloud-platform as of {as_of}: the credits decide otherwise than the rows");
        assert!(String::from_utf8_lossy(&rows).matches("\"level\":\"gold\"").count() > 10, "a trial with golds");
    }

    // The points program: per customer, service and offer, with offers left out; inputs as CSV,
    // once whole and once up to a day inside a month.
    let program = "solutions-partner-infrastructure";
    let data = dir.join(program);
    attain(&["gen", "--partners", "300", "--program", program, "--out", path(&data)]);
    let job = dir.join("points_job.py");
    attain(&["spark-job", "--program", program, "--out", path(&job)]);
    let (whole, mid) = (dir.join("points-credits"), dir.join("points-credits-mid-july"));
    python(
        &format!(
            r#"
import points_job as job
inputs = ["--input-format", "csv", "--consumption", "{data}/consumption.csv",
          "--associations", "{data}/associations.csv", "--fx-rates", "{data}/fx_rates.csv"]
job.main(inputs + ["--out", "{whole}"])
job.main(inputs + ["--up-to", "2024-07-15", "--out", "{mid}"])
"#,
            data = path(&data),
            whole = path(&whole),
            mid = path(&mid),
        ),
        &job,
    );
    for (as_of, credits) in [("2024-07-31", &whole), ("2024-06-30", &whole), ("2024-07-15", &mid)] {
        let common = ["evaluate", "--program", program, "--data", path(&data), "--as-of", as_of, "--format", "json"];
        let rows = attain(&common);
        let credited = attain(&[&common[..], &["--credits", path(credits)]].concat());
        assert!(rows == credited, "{program} as of {as_of}: the credits decide otherwise than the rows");
        assert!(String::from_utf8_lossy(&rows).matches("\"designated\"").count() > 10, "a trial with designations");
    }
    // Whole months cannot stand in for rows up to a day inside one.
    let out = Command::new(BIN)
        .args(["evaluate", "--program", program, "--data", path(&data), "--credits", path(&whole)])
        .args(["--as-of", "2024-07-15", "--format", "json"])
        .output()
        .unwrap();
    assert!(!out.status.success() && out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the credits hold whole months and 2024-07 has credited rows dated up to"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
