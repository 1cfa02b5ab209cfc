//! attain's books: imported facts, decision snapshots, status history and access tokens.
//!
//! One schema, two databases: SQLite (a single file in WAL mode, the default) and
//! PostgreSQL (for shared deployments), reached through sqlx's runtime-chosen `Any`
//! driver with one migration folder per dialect (`migrations/sqlite`, `migrations/postgres`,
//! kept identical but for identity columns; a test checks it). Every write that belongs
//! together happens in one transaction, so a failed or killed import leaves the store as it was.

mod days;
mod history;
mod import;
mod load;
mod tokens;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub use history::{Change, ChangeKind, History, Snapshot, SnapshotDecision, SnapshotEntry, SnapshotRecord};
pub use import::{Batch, ImportRecord, Turn};
pub use tokens::{NewToken, Principal, Role, TokenRecord};

/// Which database a store lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug)]
pub enum StoreError {
    Database(sqlx::Error),
    /// An SQLite file read natively.
    Sqlite(rusqlite::Error),
    Migration(sqlx::migrate::MigrateError),
    /// The store holds something attain did not write (edited by hand, or a newer schema).
    Corrupt(String),
    Io(String, std::io::Error),
    /// Another import is being written, and the caller asked not to wait for it.
    Busy,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Database(e) => write!(f, "database: {e}"),
            StoreError::Sqlite(e) => write!(f, "database: {e}"),
            StoreError::Migration(e) => write!(f, "database schema: {e}"),
            StoreError::Corrupt(what) => write!(f, "the store holds unexpected data: {what}"),
            StoreError::Io(path, e) => write!(f, "{path}: {e}"),
            StoreError::Busy => {
                write!(f, "another import is being written to this store; try again when it has finished")
            }
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(e)
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        StoreError::Database(e)
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A connection pool to one store, its schema migrated to the latest version.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    location: String,
    /// An SQLite store's file: read natively where whole tables are read, and beside it the
    /// imports' lock ([`Store::import_lock`]).
    sqlite: Option<PathBuf>,
}

/// Beside an SQLite database, the file its imports lock.
const IMPORT_LOCK_SUFFIX: &str = ".import-lock";

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Where the store lives when no `--db` is given: `$XDG_DATA_HOME/attain/attain.db`,
/// else `~/.local/share/attain/attain.db`.
pub fn default_location() -> Option<PathBuf> {
    let data_home = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".local/share"))
    })?;
    Some(data_home.join("attain").join("attain.db"))
}

/// The SQLite file a store location names (a path, or `sqlite:PATH`); `None` for a
/// `postgres://` or `postgresql://` URL.
pub fn sqlite_path(location: &str) -> Option<&Path> {
    let url = location.starts_with("postgres://") || location.starts_with("postgresql://");
    (!url).then(|| Path::new(location.strip_prefix("sqlite:").unwrap_or(location)))
}

impl Store {
    /// Opens (creating if needed) the store at `location`: a `postgres://` or `postgresql://`
    /// URL, or else the path of an SQLite file. Pending migrations are applied.
    pub async fn open(location: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let sqlite = sqlite_path(location).map(Path::to_path_buf);
        let (backend, url) = if let Some(path) = &sqlite {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| StoreError::Io(parent.display().to_string(), e))?;
            }
            (Backend::Sqlite, format!("sqlite://{}?mode=rwc", percent_encode_path(&path.to_string_lossy())))
        } else {
            (Backend::Postgres, location.to_owned())
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool_options = match backend {
            // WAL lets readers (the server) go on while an import writes; one writer at a time
            // waits up to 30 s for another instead of failing at once.
            Backend::Sqlite => AnyPoolOptions::new().max_connections(8).after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;").await?;
                    Ok(())
                })
            }),
            Backend::Postgres => AnyPoolOptions::new().max_connections(16),
        };
        let pool = pool_options.connect_with(options).await?;
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await.map_err(StoreError::Migration)?;
        let store = Store { pool, backend, location: redact(location), sqlite };
        store.rebuild_if_asked().await?;
        Ok(store)
    }

    /// An SQLite store's import lock: a file beside the database, locked (flock) by the import
    /// being written, whichever process writes it. PostgreSQL imports take an advisory lock.
    fn import_lock(&self) -> Option<PathBuf> {
        self.sqlite.as_ref().map(|path| PathBuf::from(format!("{}{IMPORT_LOCK_SUFFIX}", path.display())))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The location as given, with any password in a URL replaced by `***`, fit for logs.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// A transaction that will write. SQLite takes the write lock at BEGIN (IMMEDIATE), so that
    /// it waits for another writer (busy_timeout) rather than failing when it first writes after
    /// reading; PostgreSQL callers lock the tables they serialize on.
    async fn write_transaction(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// `postgres://user:secret@host/db?password=x` → `postgres://user:***@host/db?password=***`:
/// a store location fit for logs and error messages.
pub fn redact(location: &str) -> String {
    let Some((scheme, rest)) = location.split_once("://") else { return location.to_owned() };
    let (rest, query) = rest.split_once('?').map_or((rest, None), |(r, q)| (r, Some(q)));
    // The last `@` ends the credentials: a password may hold an unescaped `@`.
    let rest = match rest.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => format!("{credentials}@{host}"),
        },
        None => rest.to_owned(),
    };
    let query = query.map(|q| {
        let pairs: Vec<String> = q
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
                _ => pair.to_owned(),
            })
            .collect();
        format!("?{}", pairs.join("&"))
    });
    format!("{scheme}://{rest}{}", query.unwrap_or_default())
}

fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl Backend {
    /// The `n`th (1-based) bound value of a statement. PostgreSQL numbers them; SQLite takes plain
    /// `?` in order, because sqlx binds numbered names there by looking each one up, which grows
    /// with the square of the count in a multi-row INSERT. (sqlx's `Any` query builder writes `?`
    /// for both, which PostgreSQL refuses.)
    fn placeholder(self, n: usize) -> String {
        match self {
            Backend::Sqlite => "?".to_owned(),
            Backend::Postgres => format!("${n}"),
        }
    }

    /// `head VALUES (…), (…)…` for `rows` rows of `columns` bound values. Such statements are
    /// run with `persistent(false)`: built for one chunk size, they would only fill the
    /// connection's statement cache.
    fn values(self, head: &str, rows: usize, columns: usize) -> String {
        let mut sql = String::with_capacity(head.len() + rows * columns * 7);
        sql.push_str(head);
        sql.push_str(" VALUES ");
        for row in 0..rows {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for column in 0..columns {
                if column > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&self.placeholder(row * columns + column + 1));
            }
            sql.push(')');
        }
        sql
    }

    /// `head $1, $2, … tail` for `count` bound values.
    fn list(self, head: &str, count: usize, tail: &str) -> String {
        let list: Vec<String> = (1..=count).map(|n| self.placeholder(n)).collect();
        format!("{head}{}{tail}", list.join(", "))
    }
}

/// Now, as RFC 3339 UTC text, for `imported_at`, `taken_at`, `created_at`.
fn now() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).unwrap_or_else(|_| jiff::Timestamp::now()).to_string()
}

fn parse_date(text: &str, what: &str) -> Result<jiff::civil::Date> {
    text.parse().map_err(|_| StoreError::Corrupt(format!("{what}: {text:?} is not a date")))
}

/// Test support: a fresh, empty store location. With `ATTAIN_TEST_DATABASE_URL` set to a
/// PostgreSQL URL, a new schema in that database (reached through the URL's `search_path`);
/// otherwise a new SQLite file under the system's temporary folder.
#[doc(hidden)]
pub async fn scratch_location(name: &str) -> Scratch {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let unique = format!(
        "{}_{}_{}_{}",
        name.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        jiff::Timestamp::now().as_nanosecond() % 1_000_000_000
    );
    match std::env::var("ATTAIN_TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        Some(url) => {
            sqlx::any::install_default_drivers();
            let pool = AnyPoolOptions::new().max_connections(1).connect(&url).await.expect("ATTAIN_TEST_DATABASE_URL");
            let schema = format!("t_{}", unique.to_lowercase());
            pool.execute(format!("CREATE SCHEMA {schema}").as_str()).await.expect("create a test schema");
            pool.close().await;
            let sep = if url.contains('?') { '&' } else { '?' };
            let location = format!("{url}{sep}options=-c%20search_path%3D{schema}");
            Scratch { location, postgres: Some((url, schema)) }
        }
        None => {
            // Said once per test binary, where the test output shows it (not captured).
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED the PostgreSQL runs of the store tests: ATTAIN_TEST_DATABASE_URL is unset (SQLite only)"
                );
            });
            let location = std::env::temp_dir().join(format!("attain-test-{unique}.db")).display().to_string();
            Scratch { location, postgres: None }
        }
    }
}

/// A store location for one test, removed when dropped: the SQLite file and its journal, or the
/// PostgreSQL schema. Reads as the location (`&scratch` is a `&str`).
#[doc(hidden)]
pub struct Scratch {
    location: String,
    /// The database URL and the schema made for the test.
    postgres: Option<(String, String)>,
}

impl std::ops::Deref for Scratch {
    type Target = str;
    fn deref(&self) -> &str {
        &self.location
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        match self.postgres.take() {
            None => {
                for suffix in ["", "-wal", "-shm", IMPORT_LOCK_SUFFIX] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", self.location));
                }
            }
            // On a thread of its own: a drop may run inside an async test's runtime.
            Some((url, schema)) => {
                let _ = std::thread::spawn(move || {
                    let runtime =
                        tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().ok()?;
                    runtime.block_on(async {
                        let pool = AnyPoolOptions::new().max_connections(1).connect(&url).await.ok()?;
                        pool.execute(format!("DROP SCHEMA IF EXISTS {schema} CASCADE").as_str()).await.ok()?;
                        pool.close().await;
                        Some(())
                    })
                })
                .join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_dialects_hold_one_schema() {
        let strip = |sql: &str| {
            sql.lines()
                .filter(|l| !l.starts_with("-- attain's store"))
                .map(|l| {
                    l.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "IDENTITY")
                        .replace("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "IDENTITY")
                        .replace("BYTEA", "BLOB")
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(SQLITE_MIGRATIONS.iter().count(), POSTGRES_MIGRATIONS.iter().count());
        // Every migration, pair by pair: same version, same schema but for identity columns.
        for (sqlite, postgres) in SQLITE_MIGRATIONS.iter().zip(POSTGRES_MIGRATIONS.iter()) {
            assert_eq!(sqlite.version, postgres.version);
            assert_eq!(strip(&sqlite.sql), strip(&postgres.sql), "migration {}", sqlite.version);
        }
    }

    #[test]
    fn passwords_never_reach_logs() {
        assert_eq!(redact("postgres://attain:s3cret@db:5432/attain"), "postgres://attain:***@db:5432/attain");
        assert_eq!(redact("postgres://db/attain"), "postgres://db/attain");
        assert_eq!(redact("/var/lib/attain.db"), "/var/lib/attain.db");
        assert_eq!(redact("postgres://u:p@ss@db/a"), "postgres://u:***@db/a");
        assert_eq!(
            redact("postgres://db/a?user=u&password=s3cret&sslmode=require"),
            "postgres://db/a?user=u&password=***&sslmode=require"
        );
    }
}
