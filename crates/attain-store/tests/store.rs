//! The store against a real database: SQLite always, PostgreSQL too when
//! `ATTAIN_TEST_DATABASE_URL` is set (CI sets it).

use std::collections::BTreeMap;
use std::path::Path;

use attain_engine::{ConsumptionDays, DayTotal};
use attain_input::{DirSource, MemorySource};
use attain_store::{Batch, ChangeKind, Role, Store};

fn example() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/contoso"))
}

fn example_files() -> BTreeMap<String, String> {
    attain_input::FILE_NAMES
        .iter()
        .filter_map(|name| Some((name.to_string(), std::fs::read_to_string(example().join(name)).ok()?)))
        .collect()
}

fn batch(files: BTreeMap<String, String>) -> Batch {
    Batch::read(&MemorySource { label: "upload".into(), files }).expect("valid input")
}

/// A store of its own for a test, and what removes it when the test ends.
async fn fresh(name: &str) -> (Store, attain_store::Scratch) {
    let scratch = attain_store::scratch_location(name).await;
    (Store::open(&scratch).await.expect("open store"), scratch)
}

/// Every table's rows, sorted, as text: what "the store is exactly as before" compares.
async fn contents(store: &Store) -> String {
    let facts = store.facts().await.unwrap();
    let mut out = format!("{:?}\n", facts.partners);
    let mut lines: Vec<String> = facts.associations.iter().map(|a| format!("{a:?}")).collect();
    lines.extend(facts.consumption.iter().map(|c| format!("{c:?}")));
    lines.extend(facts.people.iter().map(|p| format!("{p:?}")));
    lines.extend(facts.achievements.iter().map(|a| format!("{a:?}")));
    lines.extend(days_of(store).await.into_iter().map(|d| format!("{d:?}")));
    lines.sort();
    out.push_str(&lines.join("\n"));
    out.push_str(&format!("\n{:?}", store.imports().await.unwrap().len()));
    out
}

/// Each customer's consumption per day as the store keeps it, checked against its rows.
async fn days_of(store: &Store) -> BTreeMap<String, Vec<DayTotal>> {
    let plain = |days: &ConsumptionDays| -> BTreeMap<String, Vec<DayTotal>> {
        (0..days.customers()).map(|c| (days.customer_id(c).to_owned(), days.of_customer(c).iter().collect())).collect()
    };
    let (_, facts, days) = store.facts_by_days().await.unwrap();
    assert!(facts.consumption.is_empty());
    let rows = store.facts().await.unwrap().consumption;
    let kept = plain(&days);
    assert_eq!(kept, plain(&ConsumptionDays::from_rows(rows.iter().map(|r| (r.customer_id.as_str(), r.date, r.usd)))));
    kept
}

#[test]
fn a_file_given_as_parquet_counts_in_the_checksum() {
    let dir = std::env::temp_dir().join(format!("attain-store-{}-parquet", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in attain_input::FILE_NAMES.into_iter().filter(|n| *n != "consumption.csv") {
        std::fs::copy(example().join(name), dir.join(name)).unwrap();
    }
    // The example's consumption written by DuckDB, compressed two ways: same rows, other bytes.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../attain-input/tests/fixtures");
    let csv = Batch::read(&DirSource(example())).unwrap();
    let mut checksums = vec![csv.checksum];
    for fixture in ["contoso-consumption.parquet", "contoso-consumption-zstd.parquet"] {
        std::fs::copy(fixtures.join(fixture), dir.join("consumption.parquet")).unwrap();
        let parquet = Batch::read(&DirSource(&dir)).unwrap();
        assert_eq!(parquet.facts, csv.facts, "{fixture}");
        assert!(!checksums.contains(&parquet.checksum), "{fixture}");
        checksums.push(parquet.checksum);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn importing_the_same_folder_twice_changes_nothing_but_the_record() {
    let (store, _scratch) = fresh("idempotent").await;
    let folder = Batch::read(&DirSource(example())).unwrap();
    let first = store.import(&folder, "test", &|_| {}).await.unwrap();
    let once = store.facts().await.unwrap();
    let second = store.import(&folder, "test", &|_| {}).await.unwrap();
    let twice = store.facts().await.unwrap();
    assert_eq!(once, twice);
    assert_eq!(first.checksum, second.checksum);
    assert_eq!(first.checksum.len(), 64);
    assert!(second.id > first.id);
    let imports = store.imports().await.unwrap();
    assert_eq!(imports.len(), 2);
    assert_eq!(imports[0].partners, 12);
    assert_eq!(imports[0].consumption as usize, once.consumption.len());
    assert_eq!(imports[0].imported_by, "test");
    // What went in comes out: the same decisions as straight from the folder.
    let mut direct = attain_input::read_dir(example()).unwrap();
    direct.partners.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(once.partners, direct.partners);
    let mut a = once.consumption.clone();
    let mut b = direct.consumption.clone();
    a.sort_by(|x, y| (&x.customer_id, x.date, x.usd).cmp(&(&y.customer_id, y.date, y.usd)));
    b.sort_by(|x, y| (&x.customer_id, x.date, x.usd).cmp(&(&y.customer_id, y.date, y.usd)));
    assert_eq!(a, b);
}

#[tokio::test]
async fn a_newer_export_of_a_partner_replaces_it_and_leaves_the_others() {
    let (store, _scratch) = fresh("replace").await;
    store.import(&batch(example_files()), "test", &|_| {}).await.unwrap();
    let before = store.facts().await.unwrap();

    // P001's newer export: renamed, one person fewer, one association fewer.
    let mut files = BTreeMap::new();
    files.insert("partners.csv".to_owned(), "partner_id,name,country\nP001,Renamed Ltd,US\n".to_owned());
    files.insert(
        "associations.csv".to_owned(),
        "partner_id,customer_id,kind,start\nP001,C-NEW,DPOR,2018-01-01\n".to_owned(),
    );
    files.insert(
        "consumption.csv".to_owned(),
        "customer_id,date,amount,currency\nC-NEW,2018-03-01,10.00,USD\n".to_owned(),
    );
    files.insert("people.csv".to_owned(), "person_id,partner_id,name\nNEW-1,P001,New Person\n".to_owned());
    files.insert("achievements.csv".to_owned(), "person_id,credential,date\nNEW-1,70-535,2018-02-01\n".to_owned());
    store.import(&batch(files), "test", &|_| {}).await.unwrap();
    let after = store.facts().await.unwrap();

    let p001 = after.partners.iter().find(|p| p.id == "P001").unwrap();
    assert_eq!(p001.name, "Renamed Ltd");
    assert_eq!(after.partners.len(), before.partners.len());
    let of = |facts: &attain_engine::Facts, id: &str| {
        (
            facts.associations.iter().filter(|a| a.partner_id == id).count(),
            facts.people.iter().filter(|p| p.partner_id == id).count(),
        )
    };
    assert_eq!(of(&after, "P001"), (1, 1));
    for p in &before.partners {
        if p.id != "P001" {
            assert_eq!(of(&after, &p.id), of(&before, &p.id), "{} untouched", p.id);
        }
    }
    assert_eq!(after.consumption.len(), before.consumption.len() + 1);
}

#[tokio::test]
async fn consumption_is_replaced_over_the_span_the_export_covers() {
    let (store, _scratch) = fresh("span").await;
    let files = |consumption: &str| {
        let mut f = BTreeMap::new();
        f.insert("partners.csv".to_owned(), "partner_id,name,country\nP1,One,US\n".to_owned());
        f.insert(
            "associations.csv".to_owned(),
            "partner_id,customer_id,kind,start\nP1,C1,DPOR,2017-01-01\n".to_owned(),
        );
        f.insert("consumption.csv".to_owned(), format!("customer_id,date,amount,currency\n{consumption}"));
        f.insert("people.csv".to_owned(), "person_id,partner_id,name\n".to_owned());
        f.insert("achievements.csv".to_owned(), "person_id,credential,date\n".to_owned());
        batch(f)
    };
    store
        .import(&files("C1,2018-01-01,1,USD\nC1,2018-02-01,2,USD\nC1,2018-03-01,3,USD\n"), "t", &|_| {})
        .await
        .unwrap();
    // A corrected export of February and March: February's row is gone, March changed.
    store
        .import(&files("C1,2018-02-01,0,USD\nC1,2018-03-01,30,USD\nC1,2018-03-01,0.5,USD\n"), "t", &|_| {})
        .await
        .unwrap();
    let days = days_of(&store).await;
    assert_eq!(
        days["C1"].iter().map(|d| (d.day.day(), d.usd.micros(), d.rows)).collect::<Vec<_>>(),
        [(1, 1_000_000, 1), (1, 0, 1), (1, 30_500_000, 2)]
    );
    let rows: Vec<_> = store
        .facts()
        .await
        .unwrap()
        .consumption
        .iter()
        .map(|c| (c.date.to_string(), c.usd.to_plain_string()))
        .collect();
    let mut rows = rows;
    rows.sort();
    assert_eq!(
        rows,
        [
            ("2018-01-01".to_owned(), "1.00".to_owned()),
            ("2018-02-01".to_owned(), "0.00".to_owned()),
            ("2018-03-01".to_owned(), "0.50".to_owned()),
            ("2018-03-01".to_owned(), "30.00".to_owned())
        ]
    );
}

#[tokio::test]
async fn a_bad_row_near_the_end_leaves_the_store_exactly_as_before() {
    let (store, _scratch) = fresh("bad-row").await;
    store.import(&batch(example_files()), "test", &|_| {}).await.unwrap();
    let before = contents(&store).await;
    let mut files = example_files();
    let consumption = files.get_mut("consumption.csv").unwrap();
    consumption.push_str("C-LAST,2018-06-31,5.00,USD\n");
    let errors = Batch::read(&MemorySource { label: "upload".into(), files }).err().expect("rejected");
    assert!(errors.to_string().contains("upload/consumption.csv:"), "{errors}");
    assert_eq!(contents(&store).await, before);
}

#[tokio::test]
async fn snapshots_make_a_status_history() {
    let (store, _scratch) = fresh("history").await;
    store.import(&batch(example_files()), "test", &|_| {}).await.unwrap();
    let rules = attain_rules::Rules::embedded().unwrap();
    let program = &rules.programs[0];
    let engine = attain_engine::Engine::new(&rules, program, store.facts().await.unwrap()).unwrap();
    for as_of in ["2017-12-31", "2018-03-31", "2018-06-30", "2019-06-30"] {
        let evaluation = engine.evaluate(as_of.parse().unwrap(), &[]).unwrap();
        let record = store.save_snapshot(&evaluation, store.latest_import().await.unwrap()).await.unwrap();
        assert_eq!(record.partners, 12);
    }
    // Taking a snapshot again replaces it.
    let again = engine.evaluate("2018-06-30".parse().unwrap(), &[]).unwrap();
    store.save_snapshot(&again, store.latest_import().await.unwrap()).await.unwrap();
    let snapshots = store.snapshots(&program.id).await.unwrap();
    assert_eq!(
        snapshots.iter().map(|s| s.as_of.to_string()).collect::<Vec<_>>(),
        ["2017-12-31", "2018-03-31", "2018-06-30", "2019-06-30"]
    );

    let levels: Vec<&str> = program.levels.iter().map(|l| l.id.as_str()).collect();
    for decision in &again.partners {
        let history = store.history(&program.id, &decision.partner_id, &levels).await.unwrap();
        assert_eq!(history.snapshots.len(), 4);
        let at = history.snapshots.iter().find(|s| s.as_of.to_string() == "2018-06-30").unwrap();
        assert_eq!(at.level, decision.level);
        assert_eq!(at.figure("consumption_usd"), Some(decision.consumption_usd.to_plain_string()));
        assert_eq!(at.figure("qualified_individuals"), Some(decision.qualified_individuals.to_string()));
        // Replaying the changes from nothing lands on the last level.
        let mut level = 0usize;
        for change in &history.changes {
            match change.kind {
                ChangeKind::Attained => level += 1,
                ChangeKind::Lost => level -= 1,
            }
        }
        let last = history.snapshots.last().unwrap();
        assert_eq!(level, levels.iter().position(|l| *l == last.level).map_or(0, |i| i + 1));
    }
    assert!(store.history(&program.id, "NOBODY", &levels).await.unwrap().snapshots.is_empty());
}

#[tokio::test]
async fn tokens_are_stored_hashed_and_can_be_revoked() {
    let (store, _scratch) = fresh("tokens").await;
    let admin = store.create_token(Role::Admin, "ops").await.unwrap();
    let partner = store.create_token(Role::Partner("P001".into()), "P001 team").await.unwrap();
    assert!(admin.secret.starts_with("attain_") && admin.secret.len() == 7 + 64);
    assert_ne!(admin.secret, partner.secret);
    let who = store.authenticate(&partner.secret).await.unwrap().unwrap();
    assert_eq!(who.role, Role::Partner("P001".into()));
    assert!(who.may_see("P001") && !who.may_see("P002") && !who.is_admin());
    assert!(store.authenticate(&admin.secret).await.unwrap().unwrap().is_admin());
    assert_eq!(store.authenticate("attain_0000").await.unwrap(), None);
    assert_eq!(store.authenticate("").await.unwrap(), None);
    // Nothing the store lists or holds contains the secret.
    let listed = format!("{:?}", store.tokens().await.unwrap());
    assert!(!listed.contains(&admin.secret[7..]));
    assert!(store.revoke_token(partner.record.id).await.unwrap());
    assert!(!store.revoke_token(partner.record.id).await.unwrap());
    assert_eq!(store.authenticate(&partner.secret).await.unwrap(), None);
    assert!(store.tokens().await.unwrap()[1].revoked_at.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn imports_take_turns_across_stores_waiting_or_refusing_as_asked() {
    use std::sync::mpsc;
    use std::time::Duration;

    use attain_store::{StoreError, Turn};

    let (first, scratch) = fresh("turns").await;
    // A second handle on the same store, as another process would open it.
    let second = Store::open(&scratch).await.unwrap();
    let example = std::sync::Arc::new(batch(example_files()));
    // The first import stops at its first progress report until told to go on: it holds its turn.
    let (started, wait_started) = mpsc::channel::<()>();
    let (go, wait_go) = mpsc::channel::<()>();
    let writing = {
        let example = example.clone();
        let (started, wait_go) = (std::sync::Mutex::new(Some(started)), std::sync::Mutex::new(wait_go));
        tokio::spawn(async move {
            let hold = |_: u64| {
                if let Some(started) = started.lock().unwrap().take() {
                    started.send(()).unwrap();
                    // Handing this worker's other tasks over first, as the wait blocks it.
                    tokio::task::block_in_place(|| wait_go.lock().unwrap().recv().unwrap());
                }
            };
            first.import(&example, "first", &hold).await.unwrap()
        })
    };
    tokio::task::spawn_blocking(move || wait_started.recv().unwrap()).await.unwrap();
    // Asked not to wait: refused at once, nothing written.
    let refused = second.import_in_turn(&example, "second", &|_| {}, Turn::Refuse).await;
    assert!(matches!(refused, Err(StoreError::Busy)), "{refused:?}");
    // Asked to wait: still waiting while the first holds its turn…
    let waiting = {
        let (second, example) = (second.clone(), example.clone());
        tokio::spawn(async move { second.import_in_turn(&example, "second", &|_| {}, Turn::Wait).await })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "the second import did not wait its turn");
    // …and written after it, whatever the database's own lock timeout.
    go.send(()).unwrap();
    let first_record = writing.await.unwrap();
    let second_record = waiting.await.unwrap().unwrap();
    assert!(second_record.id > first_record.id);
    assert_eq!(second.imports().await.unwrap().len(), 2, "one refused, two written");
}

#[tokio::test]
async fn a_store_that_kept_only_rows_builds_its_days_when_next_opened() {
    let dir = std::env::temp_dir().join(format!("attain-rebuild-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("books.db");
    let location = path.to_str().unwrap();
    let store = Store::open(location).await.unwrap();
    store.import(&batch(example_files()), "t", &|_| {}).await.unwrap();
    let before = days_of(&store).await;
    store.close().await;
    // As the migration leaves a store that held consumption before days were kept.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{location}")).await.unwrap();
    sqlx::query("DELETE FROM consumption_days").execute(&pool).await.unwrap();
    sqlx::query("INSERT INTO rebuilds (name) VALUES ('consumption_days')").execute(&pool).await.unwrap();
    pool.close().await;
    let store = Store::open(location).await.unwrap();
    assert!(!before.is_empty());
    assert_eq!(days_of(&store).await, before);
    store.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}
