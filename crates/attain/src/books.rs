//! The commands that keep the books in a store: import, snapshot, history, token, serve.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use attain_engine::{Engine, MetricEngine};
use attain_input::DirSource;
use attain_rules::{Program, Rules};
use attain_store::{Batch, Role, Store, StoreError, Turn};
use clap::{Args, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::{choose_program, Failure, Lang};

#[derive(Args)]
pub struct Db {
    /// The store: a path means an SQLite file, a postgres:// URL a PostgreSQL database. `import`
    /// and `token create` create a missing SQLite file; the other commands refuse one. Defaults to
    /// $XDG_DATA_HOME/attain/attain.db (~/.local/share/attain/attain.db).
    #[arg(long, value_name = "PATH_OR_URL", env = "ATTAIN_DB", hide_env_values = true)]
    db: Option<String>,
}

/// Whether a command may create the store it is given.
#[derive(Clone, Copy, PartialEq)]
enum Opening {
    /// `import` and `token create` begin a store.
    CreateIfMissing,
    /// The others read or change one: a path where there is no store is a mistake to report,
    /// not an empty store to make.
    Existing,
}

impl Db {
    async fn open(&self, opening: Opening) -> Result<Store, Failure> {
        let location = match &self.db {
            Some(location) => location.clone(),
            None => attain_store::default_location()
                .ok_or_else(|| Failure("no home folder to keep the store in; give --db PATH_OR_URL".into()))?
                .display()
                .to_string(),
        };
        let missing = attain_store::sqlite_path(&location).filter(|path| !path.exists());
        if let (Opening::Existing, Some(path)) = (opening, missing) {
            let given = if self.db.is_some() { "" } else { " (the default store; --db names another)" };
            return Err(Failure(format!(
                "no store at {}{given}: `attain import --data DIR --db {}` creates one",
                path.display(),
                path.display()
            )));
        }
        Store::open(&location)
            .await
            .map_err(|e| Failure(format!("cannot open the store {}: {e}", attain_store::redact(&location))))
    }
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create a token; it is printed once, as the last line of output, and only its hash is stored.
    Create {
        /// A token that sees only this partner's data.
        #[arg(long, value_name = "ID", conflicts_with = "admin", required_unless_present = "admin")]
        partner: Option<String>,
        /// A token that sees every partner and may import.
        #[arg(long)]
        admin: bool,
        /// What the token is for, shown by `attain token list`.
        #[arg(long, value_name = "TEXT", default_value = "")]
        label: String,
        #[command(flatten)]
        db: Db,
    },
    /// Revoke a token by its number (see `attain token list`); it stops working at once.
    Revoke {
        #[arg(value_name = "NUMBER")]
        id: i64,
        #[command(flatten)]
        db: Db,
    },
    /// List tokens (never the tokens themselves).
    List {
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum HistoryFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// What `attain serve` is given.
#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: Db,
    /// The address to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The program to serve; may be left out when the rules hold only one.
    #[arg(long, value_name = "ID")]
    program: Option<String>,
    /// The largest import a request may upload, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    max_import_mib: usize,
    /// Mark the sign-in cookie Secure (sent over HTTPS only): set it when a TLS proxy fronts the service.
    #[arg(long)]
    secure_cookie: bool,
    /// Request logs on standard error: text for people, json for log collectors. RUST_LOG filters them.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    /// The most client connections open at once (further clients wait to be accepted). Bounded
    /// by the open-file limit, which is raised to its hard limit at start.
    #[arg(long, value_name = "N", default_value_t = 1024)]
    max_connections: usize,
    /// How long a client may take to send a request's head; also how long an idle keep-alive
    /// connection is kept (e.g. 10s, 1m).
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = duration)]
    header_timeout: std::time::Duration,
    /// The longest wait for the next part of a request's body; a stalled upload is dropped.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = duration)]
    body_timeout: std::time::Duration,
    /// After SIGTERM or Ctrl-C, how long the requests under way may take before their
    /// connections are closed anyway.
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = duration)]
    shutdown_deadline: std::time::Duration,
}

/// A duration as people write it: `10s`, `1m 30s`, `500ms` (or ISO 8601, `PT10S`).
fn duration(text: &str) -> Result<std::time::Duration, String> {
    let signed: jiff::SignedDuration =
        text.parse().map_err(|e| format!("{e} (write a duration such as 10s, 1m or 500ms)"))?;
    std::time::Duration::try_from(signed).map_err(|_| "a duration cannot be negative".to_owned())
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| Failure(format!("tokio: {e}")))
}

fn who() -> String {
    std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| "unknown".into())
}

pub fn import(data: &Path, db: &Db, no_wait: bool) -> Result<ExitCode, Failure> {
    let terminal = std::io::stderr().is_terminal();
    let spinner = terminal.then(|| {
        let bar = indicatif::ProgressBar::new_spinner().with_message(format!("validating {}", data.display()));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    });
    let batch =
        Batch::read(&DirSource(data)).map_err(|e| Failure(format!("invalid input; nothing was imported:\n{e}")))?;
    if let Some(spinner) = spinner {
        spinner.finish_and_clear();
    }
    let rows = batch.rows();
    runtime()?.block_on(async {
        let store = db.open(Opening::CreateIfMissing).await?;
        // A plain line when not on a terminal, so that logs (and tests) see the write begin.
        let bar = if terminal {
            let bar = indicatif::ProgressBar::new(rows).with_style(
                indicatif::ProgressStyle::with_template("writing {bar:40} {pos}/{len} rows ({eta} left)")
                    .expect("a valid template"),
            );
            Some(bar)
        } else {
            eprintln!("validated {}: {rows} rows; writing them in one transaction", data.display());
            None
        };
        // Off a terminal, a line per tenth written: enough for a log to show the import moving.
        let tenths = std::sync::atomic::AtomicU64::new(0);
        let progress = |written: u64| match &bar {
            Some(bar) => bar.set_position(written),
            None => {
                let tenth = written * 10 / rows.max(1);
                if tenth > tenths.swap(tenth, std::sync::atomic::Ordering::Relaxed) && written < rows {
                    eprintln!("written {written} of {rows} rows");
                }
            }
        };
        let failed = |e: StoreError| match e {
            StoreError::Busy => Failure(format!("nothing was imported: {e} (leave out --no-wait to wait for it)")),
            e => Failure(format!("the import failed and was rolled back; the store is as it was: {e}")),
        };
        // Say so before waiting for another import: a silent wait looks like a hang.
        let record = match store.import_in_turn(&batch, &who(), &progress, Turn::Refuse).await {
            Err(StoreError::Busy) if !no_wait => {
                let waiting = || eprintln!("another import is being written to this store; waiting for it to finish");
                match &bar {
                    Some(bar) => bar.suspend(waiting),
                    None => waiting(),
                }
                store.import_in_turn(&batch, &who(), &progress, Turn::Wait).await
            }
            other => other,
        }
        .map_err(failed)?;
        match bar {
            Some(bar) => bar.finish_and_clear(),
            // The progress lines stop short of the end: say that all were written, and kept.
            None => eprintln!("written all {rows} rows; committed"),
        }
        let imports = store.imports().await?;
        let earlier = imports.iter().rev().find(|i| i.id != record.id && i.checksum == record.checksum);
        println!(
            "import #{} into {}: {} partners, {} associations, {} consumption rows, {} people, {} achievements (sha256 {})",
            record.id,
            store.location(),
            record.partners,
            record.associations,
            record.consumption,
            record.people,
            record.achievements,
            record.checksum
        );
        if let Some(earlier) = earlier {
            println!("the same files as import #{}; the facts are unchanged", earlier.id);
        }
        store.close().await;
        Ok(ExitCode::SUCCESS)
    })
}

/// What `read` reads from the store at `location` (which must exist), the store closed after.
fn read_store<T>(location: &str, read: impl AsyncFnOnce(&Store) -> Result<T, StoreError>) -> Result<T, Failure> {
    let db = Db { db: Some(location.to_owned()) };
    runtime()?.block_on(async {
        let store = db.open(Opening::Existing).await?;
        let read = read(&store).await;
        store.close().await;
        Ok(read?)
    })
}

/// The engine over a store's facts (consumption as the store keeps it, by day), for `program`.
pub fn engine_of_store<'r>(rules: &'r Rules, program: &'r Program, location: &str) -> Result<Engine<'r>, Failure> {
    let (_, facts, days) = read_store(location, async |store| store.facts_by_days().await)?;
    tracing::info!("deciding from the store's facts");
    Ok(Engine::with_days(rules, program, facts, days)?)
}

/// [`engine_of_store`] for a program of the metric form.
pub fn metric_engine_of_store<'r>(
    rules: &'r Rules,
    program: &'r Program,
    location: &str,
) -> Result<MetricEngine<'r>, Failure> {
    let (_, facts) = read_store(location, async |store| store.facts_as_imported().await)?;
    tracing::info!("deciding from the store's facts");
    Ok(MetricEngine::new(rules, program, facts)?)
}

pub fn snapshot(rules: &Rules, program: Option<&str>, as_of: Date, db: &Db) -> Result<ExitCode, Failure> {
    let program = choose_program(rules, program)?;
    runtime()?.block_on(async {
        let store = db.open(Opening::Existing).await?;
        let (import_id, facts) = store.facts_as_imported().await?;
        if facts.partners.is_empty() {
            return Err(Failure("the store holds no partners yet; run attain import first".into()));
        }
        let (record, per_level) = if program.by_metrics() {
            let evaluation = MetricEngine::new(rules, program, facts)?.evaluate(as_of, &[])?;
            (store.save_snapshot(&evaluation, import_id).await?, evaluation.partners_per_level(program))
        } else {
            let evaluation = Engine::new(rules, program, facts)?.evaluate(as_of, &[])?;
            (store.save_snapshot(&evaluation, import_id).await?, evaluation.partners_per_level(program))
        };
        let mut counts = String::new();
        for (level, n) in per_level {
            counts.push_str(&format!(", {n} {level}"));
        }
        println!(
            "snapshot #{} of {} as of {} (rules version {}, facts of import #{}): {} partners{counts}",
            record.id,
            program.id,
            record.as_of,
            record.version,
            record.import_id.map_or_else(|| "-".into(), |i| i.to_string()),
            record.partners,
        );
        store.close().await;
        Ok(ExitCode::SUCCESS)
    })
}

pub fn history(
    rules: &Rules,
    program: Option<&str>,
    partner: &str,
    format: HistoryFormat,
    lang: &Lang,
    db: &Db,
) -> Result<ExitCode, Failure> {
    let program = choose_program(rules, program)?;
    let levels: Vec<&str> = program.levels.iter().map(|l| l.id.as_str()).collect();
    runtime()?.block_on(async {
        let store = db.open(Opening::Existing).await?;
        let history = store.history(&program.id, partner, &levels).await?;
        store.close().await;
        if history.snapshots.is_empty() {
            return Err(Failure(format!(
                "no snapshot holds partner {partner:?}; take snapshots with attain snapshot --as-of DATE"
            )));
        }
        match format {
            HistoryFormat::Json => println!("{}", serde_json::to_string_pretty(&history)?),
            HistoryFormat::Text => {
                let l10n = lang.localizer();
                let cx = attain_report::Context { rules, program, l10n: &l10n };
                for change in &history.changes {
                    let id = match change.kind {
                        attain_store::ChangeKind::Attained => "dash-change-attained",
                        attain_store::ChangeKind::Lost => "dash-change-lost",
                    };
                    println!(
                        "{}  {}",
                        l10n.date(change.as_of),
                        l10n.msg(id, &[("level", attain_i18n::Arg::Text(&cx.level(&change.level)))])
                    );
                }
                println!();
                // The dashboard's history table, in the same words and figures.
                let table = attain_server::history_table(&cx, &history);
                print!("{}", attain_report::aligned(&table.headers, &table.rows, &table.numeric));
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}

pub fn token(command: TokenCommand) -> Result<ExitCode, Failure> {
    runtime()?.block_on(async {
        match command {
            TokenCommand::Create { partner, admin: _, label, db } => {
                let store = db.open(Opening::CreateIfMissing).await?;
                let role = match partner {
                    Some(id) => {
                        if !store.has_partner(&id).await? {
                            eprintln!(
                                "note: no partner {id:?} has been imported yet; the token will see it once it is"
                            );
                        }
                        Role::Partner(id)
                    }
                    None => Role::Admin,
                };
                let token = store.create_token(role, &label).await?;
                let whom = match &token.record.role {
                    Role::Admin => "an admin (every partner, imports)".to_owned(),
                    Role::Partner(id) => format!("partner {id} only"),
                };
                println!("token #{} for {whom}. It is shown this once; only its hash is stored:", token.record.id);
                println!("{}", token.secret);
                store.close().await;
            }
            TokenCommand::Revoke { id, db } => {
                let store = db.open(Opening::Existing).await?;
                if !store.revoke_token(id).await? {
                    return Err(Failure(format!("no live token #{id}; see attain token list")));
                }
                println!("token #{id} revoked");
                store.close().await;
            }
            TokenCommand::List { db } => {
                let store = db.open(Opening::Existing).await?;
                for t in store.tokens().await? {
                    let role = match &t.role {
                        Role::Admin => "admin".to_owned(),
                        Role::Partner(id) => format!("partner {id}"),
                    };
                    let state = t.revoked_at.as_deref().map_or_else(|| "live".to_owned(), |at| format!("revoked {at}"));
                    println!("#{}  {role}  created {}  {state}  {}", t.id, t.created_at, t.label);
                }
                store.close().await;
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}

pub fn serve(rules: Rules, args: ServeArgs) -> Result<ExitCode, Failure> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    match args.log_format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().init(),
    }
    // The rules live as long as the process: the service's engine borrows them for every request.
    let rules: &'static Rules = Box::leak(Box::new(rules));
    let program = choose_program(rules, args.program.as_deref())?;
    runtime()?.block_on(async {
        let store = args.db.open(Opening::Existing).await?;
        let location = store.location().to_owned();
        let settings = attain_server::Settings {
            max_import_bytes: args.max_import_mib.saturating_mul(1 << 20),
            secure_cookie: args.secure_cookie,
            body_timeout: args.body_timeout,
            limits: attain_server::Limits {
                max_connections: args.max_connections,
                header_timeout: args.header_timeout,
                shutdown_deadline: args.shutdown_deadline,
            },
            ..attain_server::Settings::default()
        };
        let service = attain_server::Service::new(store, rules, program, settings).await?;
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| Failure(format!("cannot listen on {}: {e}", args.listen)))?;
        let address = listener.local_addr()?;
        tracing::info!(%address, store = %location, program = %program.id, "serving; dashboard at http://{address}/");
        service.serve(listener, attain_server::shutdown_signal()).await?;
        Ok(ExitCode::SUCCESS)
    })
}
