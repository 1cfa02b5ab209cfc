//! attain's HTTP service: the JSON API (`/api/v1/…`, described by `/api/openapi.json`) and the
//! server-rendered dashboard (`/partners/{id}`, `/admin`), over one store.
//!
//! The facts are read from the store into an [`Engine`] (or, for a program that declares metrics,
//! a [`MetricEngine`]) once and kept in memory; every request decides from that engine (deciding
//! one partner takes microseconds). When an import lands — through the API, or `attain import` in
//! another process — the engine is rebuilt and swapped in whole, so a request sees the facts of
//! one import, never half of two.

mod api;
mod auth;
mod chart;
mod html;
mod listen;
mod pages;
pub mod schema;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use attain_engine::{Engine, Facts, MetricEngine};
use attain_i18n::Localizer;
use attain_rules::{Program, Rules};
use attain_store::Store;
use axum::Router;

pub use api::ApiDoc;
pub use listen::Limits;
pub use pages::{history_table, HistoryTable};

/// What the service is configured with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The largest import a request may carry (zip or multipart), in bytes.
    pub max_import_bytes: usize,
    /// How often the store is checked for imports made by other processes (one indexed
    /// `MAX(id)`: cheap enough to ask twice a second).
    pub reload_every: Duration,
    /// Mark the session cookie `Secure` (only sent over HTTPS): for a service behind TLS.
    pub secure_cookie: bool,
    /// The longest wait for the next part of a request's body (an upload that stalls is dropped).
    pub body_timeout: Duration,
    /// Open connections, their deadlines, and the shutdown's.
    pub limits: Limits,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            max_import_bytes: 256 << 20,
            reload_every: Duration::from_millis(500),
            secure_cookie: false,
            body_timeout: Duration::from_secs(30),
            limits: Limits::default(),
        }
    }
}

/// The engine of the program's form: levels by consumption thresholds and people, or metrics.
// One per import, behind an `Arc`: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Decider {
    Levels(Engine<'static>),
    Metrics(MetricEngine<'static>),
}

/// Every partner's decision as of one date, in the program's form: what the operator's overview
/// shows.
pub(crate) enum Decided {
    Levels(attain_engine::Evaluation),
    Metrics(attain_engine::MetricEvaluation),
}

/// One date's overview: decided once, by the first to ask; the others wait for it.
type Overview = Arc<tokio::sync::OnceCell<Arc<Decided>>>;

/// The overviews kept per import; past this many dates, the oldest asked for are forgotten.
const OVERVIEWS_KEPT: usize = 16;
/// Whole-program decisions waiting for the blocking pool; past this many, a request is told to
/// come back (503) rather than queue without end.
const OVERVIEWS_QUEUED: usize = 32;

/// The facts of one import, decided by one engine.
pub(crate) struct Loaded {
    pub engine: Decider,
    pub import_id: Option<i64>,
    /// The date of the import's latest consumption row, found once per import (pages default to
    /// its month's end when there is no snapshot).
    pub last_consumption: Option<jiff::civil::Date>,
    /// The whole program decided per date, once per import however many ask (concurrent asks for
    /// one date wait for the same work), newest asked last.
    overviews: std::sync::Mutex<Vec<(jiff::civil::Date, Overview)>>,
}

/// Why the overview could not be given.
pub(crate) enum OverviewError {
    /// Too many whole-program decisions are waiting.
    Busy,
    Engine(attain_engine::EngineError),
}

impl Loaded {
    fn new(engine: Decider, import_id: Option<i64>) -> Loaded {
        let mut loaded = Loaded { engine, import_id, last_consumption: None, overviews: Default::default() };
        loaded.last_consumption = match &loaded.engine {
            Decider::Levels(engine) => engine.last_consumption_date(),
            Decider::Metrics(engine) => engine.facts().last_consumption_date(),
        };
        loaded
    }

    /// The cell that holds (or will hold) the overview as of `as_of`.
    fn overview_cell(&self, as_of: jiff::civil::Date) -> Overview {
        let mut kept = self.overviews.lock().expect("not poisoned");
        let cell = match kept.iter().position(|(date, _)| *date == as_of) {
            Some(i) => kept.remove(i).1,
            None => Arc::default(),
        };
        kept.push((as_of, cell.clone()));
        if kept.len() > OVERVIEWS_KEPT {
            kept.remove(0);
        }
        cell
    }

    fn decide_all(&self, as_of: jiff::civil::Date) -> Result<Decided, attain_engine::EngineError> {
        match &self.engine {
            Decider::Levels(engine) => engine.evaluate(as_of, &[]).map(Decided::Levels),
            Decider::Metrics(engine) => engine.evaluate(as_of, &[]).map(Decided::Metrics),
        }
    }

    pub fn facts(&self) -> &Facts {
        match &self.engine {
            Decider::Levels(engine) => engine.facts(),
            Decider::Metrics(engine) => engine.facts(),
        }
    }
}

pub(crate) struct State {
    pub store: Store,
    pub rules: &'static Rules,
    pub program: &'static Program,
    pub settings: Settings,
    loaded: RwLock<Arc<Loaded>>,
    /// Every locale's localizer, built once: parsing the message files per request would dominate.
    localizers: HashMap<&'static str, Localizer>,
    /// Serializes reloads, so that two never rebuild the engine at once.
    reloading: tokio::sync::Mutex<()>,
    /// Uploads being validated at once: each holds its files and facts in memory meanwhile.
    pub validating: tokio::sync::Semaphore,
    /// Whole-program decisions run on the blocking pool, this many at once (the async workers
    /// stay free for every other request)…
    whole_program: tokio::sync::Semaphore,
    /// …and this many wait their turn at most.
    queued: std::sync::atomic::AtomicUsize,
}

pub(crate) type Shared = Arc<State>;

impl State {
    pub fn loaded(&self) -> Arc<Loaded> {
        self.loaded.read().expect("never poisoned: writers only swap an Arc").clone()
    }

    pub fn localizer(&self, tag: &str) -> &Localizer {
        &self.localizers[attain_i18n::negotiate(tag)]
    }

    /// Every partner decided as of `as_of` under the facts served now: decided once per import and
    /// date on the blocking pool, then kept.
    pub async fn overview(&self, as_of: jiff::civil::Date) -> Result<Arc<Decided>, OverviewError> {
        use std::sync::atomic::Ordering;
        let loaded = self.loaded();
        let cell = loaded.overview_cell(as_of);
        let decided = cell
            .get_or_try_init(|| async {
                if self.queued.fetch_add(1, Ordering::SeqCst) >= OVERVIEWS_QUEUED {
                    self.queued.fetch_sub(1, Ordering::SeqCst);
                    return Err(OverviewError::Busy);
                }
                let permit = self.whole_program.acquire().await.expect("never closed");
                self.queued.fetch_sub(1, Ordering::SeqCst);
                let loaded = loaded.clone();
                let decided = tokio::task::spawn_blocking(move || loaded.decide_all(as_of))
                    .await
                    .expect("deciding does not panic");
                drop(permit);
                decided.map(Arc::new).map_err(OverviewError::Engine)
            })
            .await?;
        Ok(decided.clone())
    }

    /// The date a page opens on when the reader asks none, with why: the latest snapshot's (what
    /// the history shows), else the last day of the data's last month, else today. Never today by
    /// default over data that ended long before.
    pub async fn default_as_of(&self) -> Result<(jiff::civil::Date, &'static str), attain_store::StoreError> {
        let snapshots = self.store.snapshots(&self.program.id).await?;
        if let Some(latest) = snapshots.iter().map(|s| s.as_of).max() {
            return Ok((latest, "dash-as-of-snapshot"));
        }
        if let Some(last) = self.loaded().last_consumption {
            return Ok((last.last_of_month(), "dash-as-of-data"));
        }
        Ok((jiff::Zoned::now().date(), "dash-as-of-today"))
    }

    /// Decides the overview the operator's page opens on, ahead of anyone asking: at a program's
    /// scale deciding every partner takes most of a second, which the first visit after each
    /// import would otherwise wait for.
    async fn decide_ahead(self: Arc<Self>) {
        let decided = match self.default_as_of().await {
            Ok((as_of, _)) => self.overview(as_of).await.err(),
            Err(e) => {
                tracing::warn!(error = %e, "could not tell the overview's default date");
                return;
            }
        };
        match decided {
            None | Some(OverviewError::Busy) => {}
            Some(OverviewError::Engine(e)) => tracing::warn!(error = %e, "could not decide the overview ahead"),
        }
    }

    /// Rebuilds the engine if the store has had an import since it was built, then decides the
    /// operator's default overview of the new facts in the background.
    pub async fn reload_if_changed(self: &Arc<Self>) -> Result<(), ServeError> {
        let _one_at_a_time = self.reloading.lock().await;
        let latest = self.store.latest_import().await?;
        if latest == self.loaded().import_id {
            return Ok(());
        }
        let loaded = load(&self.store, self.rules, self.program).await?;
        tracing::info!(import = ?loaded.import_id, partners = loaded.facts().partners.len(), "facts reloaded");
        *self.loaded.write().expect("never poisoned") = Arc::new(loaded);
        tokio::spawn(self.clone().decide_ahead());
        Ok(())
    }
}

#[derive(Debug)]
pub enum ServeError {
    Store(attain_store::StoreError),
    Engine(attain_engine::EngineError),
    Io(std::io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Store(e) => e.fmt(f),
            ServeError::Engine(e) => write!(f, "the stored facts: {e}"),
            ServeError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ServeError {}

impl From<attain_store::StoreError> for ServeError {
    fn from(e: attain_store::StoreError) -> ServeError {
        ServeError::Store(e)
    }
}

async fn load(store: &Store, rules: &'static Rules, program: &'static Program) -> Result<Loaded, ServeError> {
    let started = std::time::Instant::now();
    // A program of thresholds is decided from each customer's consumption per day, never from
    // every row: what memory and reload time go to at a program's scale. Metrics may read a
    // row's service and offer, so they are given the rows.
    let (import_id, facts, days) = if program.by_metrics() {
        let (import_id, facts) = store.facts_as_imported().await?;
        (import_id, facts, None)
    } else {
        let (import_id, facts, days) = store.facts_by_days().await?;
        (import_id, facts, Some(days))
    };
    let read = started.elapsed();
    // Indexing a large program takes a while: off the threads that serve requests.
    let engine = tokio::task::spawn_blocking(move || match days {
        None => MetricEngine::new(rules, program, facts).map(Decider::Metrics),
        Some(days) => Engine::with_days(rules, program, facts, days).map(Decider::Levels),
    })
    .await
    .map_err(|e| ServeError::Io(std::io::Error::other(e)))?
    .map_err(ServeError::Engine)?;
    tracing::info!(
        import = ?import_id,
        read_ms = read.as_millis() as u64,
        indexed_ms = (started.elapsed() - read).as_millis() as u64,
        "facts loaded"
    );
    Ok(Loaded::new(engine, import_id))
}

/// The service over `store`, ready to be served: the router and a task that picks up imports
/// made by other processes.
pub struct Service {
    state: Shared,
}

impl Service {
    pub async fn new(
        store: Store,
        rules: &'static Rules,
        program: &'static Program,
        settings: Settings,
    ) -> Result<Service, ServeError> {
        let loaded = load(&store, rules, program).await?;
        let localizers = attain_i18n::LOCALES.iter().map(|tag| (*tag, Localizer::new(tag))).collect();
        let state = Arc::new(State {
            store,
            rules,
            program,
            settings,
            loaded: RwLock::new(Arc::new(loaded)),
            localizers,
            reloading: tokio::sync::Mutex::new(()),
            validating: tokio::sync::Semaphore::new(2),
            whole_program: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get),
            ),
            queued: Default::default(),
        });
        Ok(Service { state })
    }

    /// Every route, with request logging and body limits.
    pub fn router(&self) -> Router {
        let state = self.state.clone();
        Router::new()
            .merge(api::routes(&state))
            .merge(pages::routes())
            // Everything but imports (which sets its own limit) reads no more than a form with a token.
            .layer(axum::extract::DefaultBodyLimit::max(64 << 10))
            .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(self.state.settings.body_timeout))
            .layer(axum::middleware::map_response(security_headers))
            .layer(
                tower_http::trace::TraceLayer::new_for_http()
                    .make_span_with(|request: &axum::http::Request<_>| {
                        // The path and method only: headers (tokens, cookies) and bodies are never logged.
                        tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
                    })
                    .on_response(
                        tower_http::trace::DefaultOnResponse::new()
                            .level(tracing::Level::INFO)
                            .latency_unit(tower_http::LatencyUnit::Micros),
                    ),
            )
            .with_state(state)
    }

    /// Serves on `listener` until `shutdown` completes, then finishes the requests under way (for
    /// at most the shutdown deadline).
    pub async fn serve(
        self,
        listener: tokio::net::TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let state = self.state.clone();
        let state_for_close = self.state.clone();
        let every = state.settings.reload_every;
        tokio::spawn(state.clone().decide_ahead());
        let watcher = tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(e) = state.reload_if_changed().await {
                    tracing::error!(error = %e, "could not reload the facts; serving the previous ones");
                }
            }
        });
        let limits = self.state.settings.limits.clone();
        let served = listen::serve(listener, self.router(), &limits, shutdown).await.map_err(ServeError::Io);
        watcher.abort();
        // Close the store's connections now rather than leave them to be dropped with the runtime.
        state_for_close.store.close().await;
        served
    }
}

/// Pages load nothing from elsewhere and run no script; nothing is framed or sniffed; nothing is
/// kept by a cache (every answer but the health check and the API's description is a partner's).
async fn security_headers(mut response: axum::response::Response) -> axum::response::Response {
    use axum::http::header::{
        HeaderValue, CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    };
    let headers = response.headers_mut();
    headers.entry(CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

/// Completes on Ctrl-C or SIGTERM: what ends `attain serve` gracefully.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests under way");
}
