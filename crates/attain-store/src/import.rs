//! Imports: a validated folder of input files written in one transaction.
//!
//! What an import replaces, so that importing the same folder twice changes nothing and a newer
//! export of the same partners replaces the older one:
//! - each partner in the folder: its name, country and market, all its associations and all its
//!   people (with their achievements) are those of the folder;
//! - each person in the folder, even one who moved from another partner;
//! - each customer's consumption from its first to its last date in the folder (a newer export
//!   that drops a corrected row removes it); consumption outside that span is kept;
//! - likewise each customer's reported values (`measures.csv`), every measure of the customer,
//!   from the first to the last date the folder reports for that customer: a folder reporting one
//!   measure replaces the customer's other measures of those days too.

use std::collections::BTreeMap;
use std::io::Read as _;

use attain_engine::{Facts, Label};
use attain_input::{InputErrors, Source};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Any;

use crate::{Result, Store, StoreError};

/// A folder's facts, validated, with what identifies the folder.
pub struct Batch {
    pub facts: Facts,
    /// The source as shown to people (a path, or an upload's name).
    pub source: String,
    /// SHA-256 of the input files (each file's name, length and bytes, in name order), hex;
    /// a file given as Parquet under its own name.
    pub checksum: String,
}

impl Batch {
    /// Validates the whole source (SPEC section 3): a batch exists only for input without errors.
    pub fn read(source: &dyn Source) -> std::result::Result<Batch, InputErrors> {
        let facts = attain_input::read(source)?;
        let mut hasher = Sha256::new();
        for name in attain_input::ALL_FILE_NAMES {
            // The file that was read: `NAME.csv` or, instead, `NAME.parquet`.
            let parquet = attain_input::parquet_name(name);
            let file = match source.open(name) {
                Ok(Some(reader)) => Some((name, reader)),
                _ => source.open_parquet(&parquet).ok().flatten().map(|f| (parquet.as_str(), Box::new(f) as _)),
            };
            let Some((name, mut reader)) = file else { continue };
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                let file = source.path_of(name);
                return Err(InputErrors(vec![attain_input::InputError {
                    file,
                    line: None,
                    column: None,
                    message: e.to_string(),
                }]));
            }
            hasher.update(name.as_bytes());
            hasher.update([0]);
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
        let checksum = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        Ok(Batch { facts, source: source.describe(), checksum })
    }

    /// Rows the import writes, for progress reporting.
    pub fn rows(&self) -> u64 {
        let f = &self.facts;
        (f.partners.len()
            + f.associations.len()
            + f.consumption.len()
            + f.people.len()
            + f.achievements.len()
            + f.measures.len()) as u64
    }
}

/// What the store remembers of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRecord {
    pub id: i64,
    pub imported_at: String,
    pub imported_by: String,
    pub source: String,
    pub checksum: String,
    pub partners: i64,
    pub associations: i64,
    pub consumption: i64,
    pub people: i64,
    pub achievements: i64,
}

// Rows per multi-row INSERT: SQLite allows 32,766 bound values per statement, PostgreSQL 65,535.
pub(crate) const VALUES_PER_STATEMENT: usize = 30_000;

impl Store {
    /// Writes `batch` in one transaction and records it. `progress` is told how many rows have
    /// been written so far (out of [`Batch::rows`]).
    pub async fn import(&self, batch: &Batch, by: &str, progress: &(dyn Fn(u64) + Sync)) -> Result<ImportRecord> {
        self.import_in_turn(batch, by, progress, Turn::Wait).await
    }

    /// [`Store::import`], one import at a time whichever process writes it: with [`Turn::Wait`]
    /// it waits for an import under way to finish, with [`Turn::Refuse`] it returns
    /// [`StoreError::Busy`] at once. Readers are never blocked.
    pub async fn import_in_turn(
        &self,
        batch: &Batch,
        by: &str,
        progress: &(dyn Fn(u64) + Sync),
        turn: Turn,
    ) -> Result<ImportRecord> {
        let facts = &batch.facts;
        // Held until the import is written (dropping the file unlocks it).
        let (_turn, mut tx) = self.import_turn(turn).await?;
        let record = ImportRecord {
            id: 0,
            imported_at: crate::now(),
            imported_by: by.to_owned(),
            source: batch.source.clone(),
            checksum: batch.checksum.clone(),
            partners: facts.partners.len() as i64,
            associations: facts.associations.len() as i64,
            consumption: facts.consumption.len() as i64,
            people: facts.people.len() as i64,
            achievements: facts.achievements.len() as i64,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO imports (imported_at, imported_by, source, checksum, partners, associations, consumption, people, achievements) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&record.imported_at)
        .bind(&record.imported_by)
        .bind(&record.source)
        .bind(&record.checksum)
        .bind(record.partners)
        .bind(record.associations)
        .bind(record.consumption)
        .bind(record.people)
        .bind(record.achievements)
        .fetch_one(&mut *tx)
        .await?;

        // What the folder replaces goes first, children before parents.
        let partner_ids: Vec<&str> = facts.partners.iter().map(|p| p.id.as_str()).collect();
        let person_ids: Vec<&str> = facts.people.iter().map(|p| p.id.as_str()).collect();
        for chunk in partner_ids.chunks(VALUES_PER_STATEMENT) {
            delete_where_in(
                &mut tx,
                self.backend,
                "DELETE FROM achievements WHERE person_id IN (SELECT id FROM people WHERE partner_id IN (",
                chunk,
                "))",
            )
            .await?;
        }
        for chunk in person_ids.chunks(VALUES_PER_STATEMENT) {
            delete_where_in(&mut tx, self.backend, "DELETE FROM achievements WHERE person_id IN (", chunk, ")").await?;
            delete_where_in(&mut tx, self.backend, "DELETE FROM people WHERE id IN (", chunk, ")").await?;
        }
        for chunk in partner_ids.chunks(VALUES_PER_STATEMENT) {
            delete_where_in(&mut tx, self.backend, "DELETE FROM people WHERE partner_id IN (", chunk, ")").await?;
            delete_where_in(&mut tx, self.backend, "DELETE FROM associations WHERE partner_id IN (", chunk, ")")
                .await?;
        }
        let consumption = facts.consumption.iter().map(|r| (r.customer_id.as_str(), r.date));
        self.replace_spans(&mut tx, "consumption", "consumed_on", consumption).await?;
        self.replace_days(&mut tx, facts).await?;
        let measures = facts.measures.iter().map(|r| (r.customer_id.as_str(), r.date));
        self.replace_spans(&mut tx, "measures", "reported_on", measures).await?;

        let mut written = 0u64;
        for chunk in facts.partners.chunks(VALUES_PER_STATEMENT / 5) {
            let sql =
                self.backend.values("INSERT INTO partners (id, name, country, market, import_id)", chunk.len(), 5)
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, \
                   market = excluded.market, import_id = excluded.import_id";
            let mut q = sqlx::query(&sql).persistent(false);
            for p in chunk {
                q = q.bind(&p.id).bind(&p.name).bind(&p.country).bind(p.market.map(|m| m.as_str())).bind(id);
            }
            q.execute(&mut *tx).await?;
            written += chunk.len() as u64;
            progress(written);
        }
        for chunk in facts.associations.chunks(VALUES_PER_STATEMENT / 5) {
            let sql = self.backend.values(
                "INSERT INTO associations (partner_id, customer_id, kind, start_date, end_date)",
                chunk.len(),
                5,
            );
            let mut q = sqlx::query(&sql).persistent(false);
            for a in chunk {
                q = q
                    .bind(&a.partner_id)
                    .bind(&a.customer_id)
                    .bind(a.kind.as_str())
                    .bind(a.start.to_string())
                    .bind(a.end.map(|d| d.to_string()));
            }
            q.execute(&mut *tx).await?;
            written += chunk.len() as u64;
            progress(written);
        }
        for chunk in facts.people.chunks(VALUES_PER_STATEMENT / 5) {
            let sql =
                self.backend.values("INSERT INTO people (id, partner_id, name, joined_on, left_on)", chunk.len(), 5);
            let mut q = sqlx::query(&sql).persistent(false);
            for p in chunk {
                q = q
                    .bind(&p.id)
                    .bind(&p.partner_id)
                    .bind(&p.name)
                    .bind(p.joined.map(|d| d.to_string()))
                    .bind(p.left.map(|d| d.to_string()));
            }
            q.execute(&mut *tx).await?;
            written += chunk.len() as u64;
            progress(written);
        }
        for chunk in facts.achievements.chunks(VALUES_PER_STATEMENT / 4) {
            let sql = self.backend.values(
                "INSERT INTO achievements (person_id, credential, achieved_on, expires_on)",
                chunk.len(),
                4,
            );
            let mut q = sqlx::query(&sql).persistent(false);
            for a in chunk {
                q = q
                    .bind(&a.person_id)
                    .bind(&a.credential)
                    .bind(a.date.to_string())
                    .bind(a.expires.map(|d| d.to_string()));
            }
            q.execute(&mut *tx).await?;
            written += chunk.len() as u64;
            progress(written);
        }
        let label = |l: Label| (l != Label::NONE).then(|| facts.label(l).to_owned());
        for chunk in facts.consumption.chunks(VALUES_PER_STATEMENT / 6) {
            let sql = self.backend.values(
                "INSERT INTO consumption (customer_id, consumed_on, usd_micros, import_id, service, offer)",
                chunk.len(),
                6,
            );
            let mut q = sqlx::query(&sql).persistent(false);
            for c in chunk {
                q = q
                    .bind(&c.customer_id)
                    .bind(c.date.to_string())
                    .bind(c.usd.micros().to_string())
                    .bind(id)
                    .bind(label(c.service))
                    .bind(label(c.offer));
            }
            q.execute(&mut *tx).await?;
            written += chunk.len() as u64;
            progress(written);
        }
        for chunk in facts.measures.chunks(VALUES_PER_STATEMENT / 5) {
            let sql = self.backend.values(
                "INSERT INTO measures (customer_id, measure, reported_on, value, import_id)",
                chunk.len(),
                5,
            );
            let mut q = sqlx::query(&sql).persistent(false);
            for m in chunk {
                q = q.bind(&m.customer_id).bind(&m.measure).bind(m.date.to_string()).bind(m.value.to_string()).bind(id);
            }
            q.execute(&mut *tx).await?;
            written += chunk.len() as u64;
            progress(written);
        }
        tx.commit().await?;
        Ok(ImportRecord { id, ..record })
    }

    /// The imports' turn, whichever process writes (see [`Turn`]), and a transaction that
    /// writes in it: an SQLite store's lock file stays locked while the file is held.
    pub(crate) async fn import_turn(
        &self,
        turn: Turn,
    ) -> Result<(Option<std::fs::File>, sqlx::Transaction<'static, Any>)> {
        let file = match self.import_lock() {
            Some(path) => Some(lock_file(path, turn).await?),
            None => None,
        };
        let mut tx = self.write_transaction().await?;
        if self.backend == crate::Backend::Postgres {
            match turn {
                Turn::Wait => {
                    sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(IMPORT_LOCK_KEY).execute(&mut *tx).await?;
                }
                Turn::Refuse => {
                    let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
                        .bind(IMPORT_LOCK_KEY)
                        .fetch_one(&mut *tx)
                        .await?;
                    if !locked {
                        return Err(StoreError::Busy);
                    }
                }
            }
        }
        Ok((file, tx))
    }

    /// Deletes the rows of `table` (dated by `day_column`) that the folder replaces: each
    /// customer's, from the first to the last date the folder holds for it.
    async fn replace_spans<'f>(
        &self,
        tx: &mut sqlx::Transaction<'_, Any>,
        table: &str,
        day_column: &str,
        rows: impl Iterator<Item = (&'f str, jiff::civil::Date)>,
    ) -> Result<()> {
        let mut spans: BTreeMap<&str, (jiff::civil::Date, jiff::civil::Date)> = BTreeMap::new();
        for (customer, date) in rows {
            spans
                .entry(customer)
                .and_modify(|(first, last)| {
                    *first = (*first).min(date);
                    *last = (*last).max(date);
                })
                .or_insert((date, date));
        }
        if spans.is_empty() {
            return Ok(());
        }
        // One statement per customer would be slow on PostgreSQL at a million customers: the spans
        // go to a temporary table and one DELETE joins it.
        sqlx::query("DROP TABLE IF EXISTS import_spans").execute(&mut **tx).await?;
        sqlx::query("CREATE TEMPORARY TABLE import_spans (customer_id TEXT PRIMARY KEY, first_day TEXT NOT NULL, last_day TEXT NOT NULL)")
            .execute(&mut **tx)
            .await?;
        let spans: Vec<_> = spans.into_iter().collect();
        for chunk in spans.chunks(VALUES_PER_STATEMENT / 3) {
            let sql =
                self.backend.values("INSERT INTO import_spans (customer_id, first_day, last_day)", chunk.len(), 3);
            let mut q = sqlx::query(&sql).persistent(false);
            for (customer, (first, last)) in chunk {
                q = q.bind(*customer).bind(first.to_string()).bind(last.to_string());
            }
            q.execute(&mut **tx).await?;
        }
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE EXISTS (SELECT 1 FROM import_spans s WHERE s.customer_id = {table}.customer_id \
             AND {table}.{day_column} BETWEEN s.first_day AND s.last_day)"
        ))
        .execute(&mut **tx)
        .await?;
        sqlx::query("DROP TABLE import_spans").execute(&mut **tx).await?;
        Ok(())
    }

    /// Every import, oldest first.
    pub async fn imports(&self) -> Result<Vec<ImportRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, imported_at, imported_by, source, checksum, partners, associations, consumption, people, achievements \
             FROM imports ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The id of the latest import, `None` while the store is empty: what changes when the facts do.
    pub async fn latest_import(&self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT MAX(id) FROM imports").fetch_one(&self.pool).await?)
    }
}

pub(crate) async fn delete_where_in(
    tx: &mut sqlx::Transaction<'_, Any>,
    backend: crate::Backend,
    head: &str,
    ids: &[&str],
    tail: &str,
) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let sql = backend.list(head, ids.len(), tail);
    let mut q = sqlx::query(&sql).persistent(false);
    for id in ids {
        q = q.bind(*id);
    }
    q.execute(&mut **tx).await?;
    Ok(())
}

/// What an import does when another is being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Waits for it to finish.
    Wait,
    /// Gives up at once ([`StoreError::Busy`]).
    Refuse,
}

/// PostgreSQL's advisory lock key for imports (`attain` in ASCII).
const IMPORT_LOCK_KEY: i64 = 0x61_74_74_61_69_6e;

/// Locks `path` (created if missing) for this import; released when the file is dropped.
async fn lock_file(path: std::path::PathBuf, turn: Turn) -> Result<std::fs::File> {
    tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::Io(path.display().to_string(), e))?;
        flock(&file, turn).map_err(|e| match e.kind() {
            std::io::ErrorKind::WouldBlock => StoreError::Busy,
            _ => StoreError::Io(path.display().to_string(), e),
        })?;
        Ok(file)
    })
    .await
    .map_err(|e| StoreError::Io("import lock".into(), std::io::Error::other(e)))?
}

#[cfg(unix)]
fn flock(file: &std::fs::File, turn: Turn) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let operation = match turn {
        Turn::Wait => libc::LOCK_EX,
        Turn::Refuse => libc::LOCK_EX | libc::LOCK_NB,
    };
    loop {
        // SAFETY: flock only reads the descriptor, which `file` keeps open.
        if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
            return Ok(());
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
}

#[cfg(not(unix))]
fn flock(_file: &std::fs::File, _turn: Turn) -> std::io::Result<()> {
    // SQLite's own busy timeout is what serializes imports there.
    Ok(())
}
