//! A Parquet file of many small row groups is opened and its footer read once, then its groups
//! read in one pass (the exact reader) or shared out among threads (`ParquetConsumption`, the
//! streaming reader's): the same facts as the same rows in one group, in time that grows with
//! the groups, not with their square (a file of 2,000 one-row groups once took 9.7 s).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use attain_input::{read_dir, ConsumptionFormat, ParquetConsumption};
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

const SCHEMA: &str = "message m { required binary customer_id (UTF8); required binary date (UTF8);
    required binary amount (UTF8); required binary currency (UTF8); }";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso")
}

/// A folder of the example's files, removed when dropped (a failing test leaves nothing behind).
struct Folder(PathBuf);

impl Folder {
    /// The example with `rows` as `consumption.parquet`, `group` rows per row group.
    fn new(name: &str, rows: &[[String; 4]], group: usize) -> Folder {
        let dir = std::env::temp_dir().join(format!("attain-row-groups-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for file in ["partners.csv", "associations.csv", "fx_rates.csv", "people.csv", "achievements.csv"] {
            std::fs::copy(example().join(file), dir.join(file)).unwrap();
        }
        let schema = Arc::new(parse_message_type(SCHEMA).unwrap());
        let file = File::create(dir.join("consumption.parquet")).unwrap();
        let mut writer = SerializedFileWriter::new(file, schema, Arc::new(WriterProperties::default())).unwrap();
        for chunk in rows.chunks(group) {
            let mut row_group = writer.next_row_group().unwrap();
            for k in 0..4 {
                let values: Vec<ByteArray> = chunk.iter().map(|row| ByteArray::from(row[k].as_str())).collect();
                let mut column = row_group.next_column().unwrap().unwrap();
                column.typed::<ByteArrayType>().write_batch(&values, None, None).unwrap();
                column.close().unwrap();
            }
            row_group.close().unwrap();
        }
        writer.close().unwrap();
        Folder(dir)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `n` consumption rows: the example's, over and over.
fn rows(n: usize) -> Vec<[String; 4]> {
    let mut reader = csv::Reader::from_path(example().join("consumption.csv")).unwrap();
    let example: Vec<[String; 4]> =
        reader.records().map(|r| std::array::from_fn(|k| r.as_ref().unwrap()[k].to_owned())).collect();
    example.iter().cycle().take(n).cloned().collect()
}

/// Every row of `consumption.parquet` as the streaming reader gets it, its row groups shared out
/// among four threads that read from the one open file at once; in row group order.
fn streamed(dir: &Path) -> Vec<[String; 4]> {
    let consumption = ParquetConsumption::open(dir, ConsumptionFormat::Spec).expect("a readable file");
    let groups = consumption.groups();
    let threads = 4;
    let shares: Vec<Vec<(usize, Vec<[String; 4]>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let consumption = &consumption;
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    for group in (t..groups).step_by(threads) {
                        let mut rows = Vec::new();
                        let read = consumption.each_row(group, |row| {
                            rows.push(row.map(str::to_owned));
                            Some(())
                        });
                        read.expect("every row readable");
                        mine.push((group, rows));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let mut groups: Vec<(usize, Vec<[String; 4]>)> = shares.into_iter().flatten().collect();
    groups.sort_by_key(|(group, _)| *group);
    groups.into_iter().flat_map(|(_, rows)| rows).collect()
}

#[test]
fn thousands_of_one_row_groups_read_as_the_same_rows_in_one_group() {
    let rows = rows(2_500);
    let one = Folder::new("one-group", &rows, rows.len());
    let many = Folder::new("one-row-groups", &rows, 1);

    let facts = read_dir(&one.0).unwrap();
    assert_eq!(facts.consumption.len(), rows.len());
    assert_eq!(read_dir(&many.0).unwrap(), facts);

    assert_eq!(ParquetConsumption::open(&many.0, ConsumptionFormat::Spec).unwrap().groups(), rows.len());
    assert_eq!(streamed(&one.0), rows);
    assert_eq!(streamed(&many.0), rows);

    // A bad value in a late group is placed at its row of the whole file.
    let mut bad = rows.clone();
    bad[2_345][3] = "usd".into();
    let broken = Folder::new("one-row-groups-bad", &bad, 1);
    let errors = read_dir(&broken.0).unwrap_err().to_string();
    let file = broken.0.join("consumption.parquet").display().to_string();
    assert!(errors.starts_with(&format!("{file}:row 2346:column 4: currency: ")), "{errors}");
    assert_eq!(errors.lines().count(), 1, "{errors}");
}

/// The least of three times of reading the folder: every fact, then every row streamed.
fn reading(dir: &Path) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            read_dir(dir).unwrap();
            streamed(dir);
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn reading_grows_with_the_row_groups_not_their_square() {
    let (small, large) = (1_000, 4_000);
    let small = Folder::new("linear-small", &rows(small), 1);
    let large = Folder::new("linear-large", &rows(large), 1);
    let (small, large) = (reading(&small.0), reading(&large.0));
    // Four times the groups: 4× when linear, 16× when each group reads the footer again. The
    // bound leaves room for a loaded machine; the absolute one holds in a debug build too.
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("1,000 one-row groups: {small:?}; 4,000: {large:?} ({ratio:.1}×)");
    assert!(ratio < 8.0, "4,000 groups took {ratio:.1}× as long as 1,000 ({large:?} against {small:?})");
    assert!(large < Duration::from_secs(5), "4,000 one-row groups took {large:?}");
}
