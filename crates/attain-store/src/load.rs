//! Reading the stored facts back, as the engine takes them.
//!
//! Each table is read by one [`Table`]: its query, and what one of its rows adds to what is
//! being read. PostgreSQL is read through sqlx; an SQLite file natively (rusqlite, on a thread
//! that may block), because sqlx's SQLite driver hands rows over one at a time between threads,
//! several times slower at a program's millions of rows.

use std::collections::HashMap;
use std::path::PathBuf;

use attain_engine::{
    Achievement, Association, Consumption, ConsumptionDays, ConsumptionDaysBuilder, Facts, Label, MeasureReport,
    Partner, Person, Usd,
};
use futures_util::TryStreamExt as _;

use crate::{parse_date, Result, Store, StoreError};

impl Store {
    /// Every fact in the store. The store only ever holds validated imports, so what comes back is
    /// as consistent as what went in; anything else is reported as corruption, not skipped.
    pub async fn facts(&self) -> Result<Facts> {
        Ok(self.facts_as_imported().await?.1)
    }

    /// The facts with the id of the latest import they include, read in one transaction so that
    /// they never mix two imports (SQLite's WAL read snapshot; PostgreSQL's repeatable read).
    pub async fn facts_as_imported(&self) -> Result<(Option<i64>, Facts)> {
        let (import_id, read) =
            self.read_parts(&[Part::Partners, Part::Associations, Part::Consumption, Part::People]).await?;
        Ok((import_id, read.facts))
    }

    /// A transaction that reads one state of the store (SQLite's WAL read snapshot; PostgreSQL's
    /// repeatable read).
    pub(crate) async fn read_transaction(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        let mut tx = self.pool.begin().await?;
        if self.backend == crate::Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
        }
        Ok(tx)
    }

    /// The facts of the latest import with consumption per customer and day instead of rows
    /// (`Facts::consumption` is empty): what a service decides from. At a program's scale the
    /// tables are a million rows or more, and decoding them costs more than reading them: the
    /// parts are read at once, each in a read transaction of its own, again until all have read
    /// the same import.
    pub async fn facts_by_days(&self) -> Result<(Option<i64>, Facts, ConsumptionDays)> {
        // As many parts as a small server has cores, about even in rows.
        let parts: &[&[Part]] = &[&[Part::Partners, Part::Associations], &[Part::People, Part::Days]];
        loop {
            let reads = futures_util::future::try_join_all(parts.iter().map(|part| self.read_parts(part))).await?;
            let import_id = reads[0].0;
            if reads.iter().any(|(id, _)| *id != import_id) {
                continue; // An import landed between two reads.
            }
            let mut facts = Facts::default();
            let mut days = ConsumptionDaysBuilder::default();
            for (part, (_, read)) in parts.iter().zip(reads) {
                if part.iter().any(|table| matches!(table, Part::Days)) {
                    days = read.days;
                }
                gather(&mut facts.partners, read.facts.partners);
                gather(&mut facts.measures, read.facts.measures);
                gather(&mut facts.associations, read.facts.associations);
                gather(&mut facts.people, read.facts.people);
                gather(&mut facts.achievements, read.facts.achievements);
            }
            return Ok((import_id, facts, days.build()));
        }
    }

    /// The tables of `parts`, in one read transaction, with the latest import it saw.
    async fn read_parts(&self, parts: &[Part]) -> Result<(Option<i64>, Read)> {
        if let Some(path) = self.sqlite.clone() {
            let parts = parts.to_vec();
            return tokio::task::spawn_blocking(move || read_sqlite(path, &parts))
                .await
                .map_err(|e| StoreError::Io("reading the store".to_owned(), std::io::Error::other(e)))?;
        }
        let mut tx = self.read_transaction().await?;
        let import_id = sqlx::query_scalar(LATEST_IMPORT).fetch_one(&mut *tx).await?;
        let mut read = Read::default();
        for part in parts {
            part.read(&mut tx, &mut read).await?;
        }
        tx.commit().await?;
        Ok((import_id, read))
    }

    /// Whether a partner has been imported.
    pub async fn has_partner(&self, id: &str) -> Result<bool> {
        let found: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM partners WHERE id = $1").bind(id).fetch_one(&self.pool).await?;
        Ok(found > 0)
    }
}

/// Adds a part's facts to the others, moving them where nothing came before (a million
/// associations are not copied for nothing).
fn gather<T>(into: &mut Vec<T>, part: Vec<T>) {
    if into.is_empty() {
        *into = part;
    } else {
        into.extend(part);
    }
}

type Tx = sqlx::Transaction<'static, sqlx::Any>;

const LATEST_IMPORT: &str = "SELECT MAX(id) FROM imports";

/// The tables of `parts` of the SQLite file at `path`, in one read transaction, with the latest
/// import it saw.
fn read_sqlite(path: PathBuf, parts: &[Part]) -> Result<(Option<i64>, Read)> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut db = rusqlite::Connection::open_with_flags(path, flags)?;
    db.busy_timeout(std::time::Duration::from_secs(30))?;
    let tx = db.transaction()?;
    let import_id = tx.query_row(LATEST_IMPORT, [], |row| row.get(0))?;
    let mut read = Read::default();
    for part in parts {
        part.read_sqlite(&tx, &mut read)?;
    }
    tx.finish()?;
    Ok((import_id, read))
}

/// What is being read: facts, and each customer's days where they are read.
#[derive(Default)]
struct Read {
    facts: Facts,
    days: ConsumptionDaysBuilder,
    /// The labels given so far (services, offers).
    labels: HashMap<String, Label>,
}

/// Tables read together: a fact and what belongs to it.
#[derive(Clone, Copy)]
enum Part {
    /// Partners, and their customers' measures.
    Partners,
    Associations,
    /// Every consumption row.
    Consumption,
    /// People and their achievements.
    People,
    /// Each customer's consumption per day.
    Days,
}

impl Part {
    async fn read(self, tx: &mut Tx, into: &mut Read) -> Result<()> {
        match self {
            Part::Partners => {
                read::<Partners>(tx, into).await?;
                read::<Measures>(tx, into).await
            }
            Part::Associations => read::<Associations>(tx, into).await,
            Part::Consumption => read::<ConsumptionRows>(tx, into).await,
            Part::People => {
                read::<People>(tx, into).await?;
                read::<Achievements>(tx, into).await
            }
            Part::Days => {
                let (customers, bytes): (i64, i64) = sqlx::query_as(Days::SIZE).fetch_one(&mut **tx).await?;
                into.days.reserve_encoded(customers as usize, bytes as usize);
                read::<Days>(tx, into).await
            }
        }
    }

    fn read_sqlite(self, db: &rusqlite::Connection, into: &mut Read) -> Result<()> {
        match self {
            Part::Partners => {
                read_sqlite_table::<Partners>(db, into)?;
                read_sqlite_table::<Measures>(db, into)
            }
            Part::Associations => read_sqlite_table::<Associations>(db, into),
            Part::Consumption => read_sqlite_table::<ConsumptionRows>(db, into),
            Part::People => {
                read_sqlite_table::<People>(db, into)?;
                read_sqlite_table::<Achievements>(db, into)
            }
            Part::Days => {
                let (customers, bytes): (i64, i64) =
                    db.query_row(Days::SIZE, [], |row| Ok((row.get(0)?, row.get(1)?)))?;
                into.days.reserve_encoded(customers as usize, bytes as usize);
                read_sqlite_table::<Days>(db, into)
            }
        }
    }
}

/// One table: the query that reads it (in a stable order) and what each of its rows adds.
trait Table {
    const QUERY: &'static str;
    type Row: Columns + for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin;
    fn add(into: &mut Read, row: Self::Row) -> Result<()>;
}

async fn read<T: Table>(tx: &mut Tx, into: &mut Read) -> Result<()> {
    let mut rows = sqlx::query_as::<_, T::Row>(T::QUERY).fetch(&mut **tx);
    while let Some(row) = rows.try_next().await? {
        T::add(into, row)?;
    }
    Ok(())
}

fn read_sqlite_table<T: Table>(db: &rusqlite::Connection, into: &mut Read) -> Result<()> {
    let mut query = db.prepare(T::QUERY)?;
    let mut rows = query.query([])?;
    while let Some(row) = rows.next()? {
        T::add(into, T::Row::columns(row)?)?;
    }
    Ok(())
}

/// A row's columns, as rusqlite reads them.
trait Columns: Sized {
    fn columns(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self>;
}

macro_rules! columns {
    ($($column:ident $at:tt),+) => {
        impl<$($column: rusqlite::types::FromSql),+> Columns for ($($column,)+) {
            fn columns(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
                Ok(($(row.get::<_, $column>($at)?,)+))
            }
        }
    };
}
columns!(A 0, B 1);
columns!(A 0, B 1, C 2, D 3);
columns!(A 0, B 1, C 2, D 3, E 4);

struct Partners;
impl Table for Partners {
    const QUERY: &'static str = "SELECT id, name, country, market FROM partners ORDER BY id";
    type Row = (String, String, String, Option<String>);
    fn add(into: &mut Read, (id, name, country, market): Self::Row) -> Result<()> {
        let market = match market {
            Some(m) => Some(m.parse().map_err(|e| StoreError::Corrupt(format!("partner {id}: {e}")))?),
            None => None,
        };
        into.facts.partners.push(Partner { id, name, country, market });
        Ok(())
    }
}

struct Measures;
impl Table for Measures {
    const QUERY: &'static str =
        "SELECT customer_id, measure, reported_on, value FROM measures ORDER BY customer_id, measure, reported_on";
    type Row = (String, String, String, String);
    fn add(into: &mut Read, (customer_id, measure, date, value): Self::Row) -> Result<()> {
        let value = value
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("{measure} of {customer_id}: {value:?} is not a whole number")))?;
        let date = parse_date(&date, "measure date")?;
        into.facts.measures.push(MeasureReport { date, customer_id, measure, value });
        Ok(())
    }
}

struct Associations;
impl Table for Associations {
    const QUERY: &'static str = "SELECT partner_id, customer_id, kind, start_date, end_date FROM associations \
         ORDER BY partner_id, customer_id, start_date";
    /// partner_id, customer_id, kind, start_date, end_date.
    type Row = (String, String, String, String, Option<String>);
    fn add(into: &mut Read, (partner_id, customer_id, kind, start, end): Self::Row) -> Result<()> {
        into.facts.associations.push(Association {
            kind: kind.parse().map_err(|e| StoreError::Corrupt(format!("association of {partner_id}: {e}")))?,
            start: parse_date(&start, "association start")?,
            end: end.map(|d| parse_date(&d, "association end")).transpose()?,
            partner_id,
            customer_id,
        });
        Ok(())
    }
}

struct ConsumptionRows;
impl Table for ConsumptionRows {
    const QUERY: &'static str = "SELECT customer_id, consumed_on, usd_micros, service, offer FROM consumption \
         ORDER BY customer_id, consumed_on";
    /// customer, day, micro-dollars, service, offer.
    type Row = (String, String, String, Option<String>, Option<String>);
    fn add(into: &mut Read, (customer_id, date, micros, service, offer): Self::Row) -> Result<()> {
        let usd = micros.parse().map(Usd).map_err(|_| {
            StoreError::Corrupt(format!("consumption of {customer_id}: {micros:?} is not micro-dollars"))
        })?;
        let service = into.facts.intern(&mut into.labels, service.as_deref().unwrap_or_default());
        let offer = into.facts.intern(&mut into.labels, offer.as_deref().unwrap_or_default());
        let date = parse_date(&date, "consumption date")?;
        into.facts.consumption.push(Consumption { customer_id, date, usd, service, offer });
        Ok(())
    }
}

struct People;
impl Table for People {
    const QUERY: &'static str = "SELECT id, partner_id, name, joined_on, left_on FROM people ORDER BY id";
    /// id, partner_id, name, joined_on, left_on.
    type Row = (String, String, String, Option<String>, Option<String>);
    fn add(into: &mut Read, (id, partner_id, name, joined, left): Self::Row) -> Result<()> {
        into.facts.people.push(Person {
            joined: joined.map(|d| parse_date(&d, "joined")).transpose()?,
            left: left.map(|d| parse_date(&d, "left")).transpose()?,
            id,
            partner_id,
            name,
        });
        Ok(())
    }
}

struct Achievements;
impl Table for Achievements {
    const QUERY: &'static str = "SELECT person_id, credential, achieved_on, expires_on FROM achievements \
         ORDER BY person_id, credential, achieved_on";
    type Row = (String, String, String, Option<String>);
    fn add(into: &mut Read, (person_id, credential, date, expires): Self::Row) -> Result<()> {
        into.facts.achievements.push(Achievement {
            person_id,
            credential,
            date: parse_date(&date, "achievement date")?,
            expires: expires.map(|d| parse_date(&d, "achievement expiry")).transpose()?,
        });
        Ok(())
    }
}

struct Days;
impl Days {
    /// How many customers and bytes of days there are, to size the columns once.
    const SIZE: &'static str = "SELECT COUNT(*), COALESCE(SUM(LENGTH(days)), 0) FROM consumption_days";
}
impl Table for Days {
    // In the order of the key: the builder lays customers out as they come.
    const QUERY: &'static str = "SELECT customer_id, days FROM consumption_days ORDER BY customer_id";
    type Row = (String, Vec<u8>);
    fn add(into: &mut Read, (customer, bytes): Self::Row) -> Result<()> {
        into.days
            .push_encoded(&customer, &bytes)
            .map_err(|e| StoreError::Corrupt(format!("consumption days of customer {customer}: {e}")))
    }
}
