//! The table of credits a Spark job writes, read with located errors, all or nothing.

use attain_engine::{Facts, Label, Partner};
use attain_rules::Rules;

fn facts() -> Facts {
    let partner = |id: &str| Partner { id: id.into(), name: id.into(), country: "US".into(), market: None };
    Facts { partners: vec![partner("P2"), partner("P1")], ..Facts::default() }
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn scratch(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-credits-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn a_table_of_parts_is_read_whole_with_partners_sorted_and_labels_interned() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program("solutions-partner-infrastructure").unwrap();
    let dir = scratch("parts").join("credits");
    write(
        &dir,
        "part-0.csv",
        "basis,partner_id,customer_id,month,service,offer,micros,latest\n\
        2023-06-13,P2,C1,2024-05,Virtual Machines,,1500000,2024-05-31\n",
    );
    write(
        &dir.join("nested"),
        "part-1.csv",
        "partner_id,basis,month,micros,latest,customer_id,service,offer\n\
        P1,2023-06-13,2024-06-01,-20,2024-06-02,C2,Storage,Trial\n",
    );
    write(&dir, "_SUCCESS", "");
    let mut facts = facts();
    let table = attain_input::read_credits(&dir, program, &mut facts).unwrap();
    assert_eq!(facts.partners.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["P1", "P2"]);
    assert_eq!(table.customers, ["C2", "C1"]);
    let g = &table.groups;
    assert_eq!((g[0].partner, g[0].micros, g[0].customer), (0, -20, Some(0)));
    assert_eq!((facts.label(g[0].service), facts.label(g[0].offer)), ("Storage", "Trial"));
    assert_eq!((g[1].partner, g[1].micros, g[1].offer), (1, 1_500_000, Label::NONE));
    assert_eq!(table.unsuitable("2024-06-30".parse().unwrap()), None);
    assert!(table
        .unsuitable("2024-06-01".parse().unwrap())
        .unwrap()
        .contains("dated up to 2024-06-02, after 2024-06-01"));
}

#[test]
fn every_bad_value_is_reported_with_its_row_and_column_and_nothing_is_returned() {
    let rules = Rules::embedded().unwrap();
    let program = rules.program("cloud-platform").unwrap();
    let file = write(
        &scratch("bad"),
        "credits.csv",
        "basis,partner_id,month,micros,latest\n\
        2017-07-07,P1,2018-05,100,2018-05-31\n\
        2099-01-01,P9,2018-05-02,1.5,2018-06-01\n\
        2017-07-07,P1,2018-05,100,2018-06-01\n",
    );
    let errors = attain_input::read_credits(&file, program, &mut facts()).unwrap_err().to_string();
    let expected = [
        "credits.csv:3:1: basis: no credit basis \"2099-01-01\" in this program (its bases: 2017-07-07)",
        "credits.csv:3:2: partner_id: unknown partner \"P9\" (not in partners.csv)",
        "credits.csv:3:3: month: 2018-05-02 is not the first day of a month",
        "credits.csv:3:4: micros: \"1.5\" is not a whole number of micro-units (64-bit)",
        "credits.csv:4:5: latest: 2018-06-01 is not in the month of 2018-05-01",
    ];
    for e in expected {
        assert!(errors.contains(e), "missing {e:?} in:\n{errors}");
    }
    assert_eq!(errors.lines().count(), expected.len(), "{errors}");
}
