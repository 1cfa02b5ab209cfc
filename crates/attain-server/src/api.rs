//! The JSON API, version 1, and its OpenAPI document.

use std::collections::BTreeMap;
use std::io::Read;

use attain_engine::{
    CreditedMonth, CustomerEvidence, Decision, Drop, EngineError, ExcludedRows, Explanation, Market, MetricDecision,
    MetricDrop, MetricEvidence, MetricExplanation, MetricPlan, PersonEvidence, Plan, Warning, WindowRange,
};
use attain_input::MemorySource;
use attain_store::{Batch, History, ImportRecord, Principal, Turn};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Query, Request, State};
use axum::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::auth::ApiCaller;
use crate::{Decider, Shared};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "attain",
        description = "Partner program levels, decided from the program's rules (data) and \
imported facts and explained. Every /api/v1 call needs `Authorization: Bearer TOKEN` (see `attain token create`): \
an admin token sees every partner and may import; a partner token sees only its own partner."
    ),
    paths(healthz, openapi_json, list_partners, evaluation, plan, history, list_imports, create_import),
    modifiers(&BearerSecurity),
    security(("bearer" = []))
)]
pub struct ApiDoc;

struct BearerSecurity;

impl utoipa::Modify for BearerSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("attain_…").build()),
        );
    }
}

pub(crate) fn routes(state: &Shared) -> Router<Shared> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/v1/partners", get(list_partners))
        .route("/api/v1/partners/{id}/evaluation", get(evaluation))
        .route("/api/v1/partners/{id}/plan", get(plan))
        .route("/api/v1/partners/{id}/history", get(history))
        .route(
            "/api/v1/imports",
            get(list_imports).post(create_import).layer(DefaultBodyLimit::max(state.settings.max_import_bytes)),
        )
}

/// An error as the API reports it.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: String,
    /// Every problem of a rejected import, as `file:line:column: message`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

#[derive(Debug)]
pub enum ApiError {
    /// No token given.
    Unauthorized,
    /// A token given that the service does not know (never was, or revoked).
    InvalidToken,
    /// Also what a partner token gets for another partner: who exists is not revealed.
    NotFound,
    Forbidden(&'static str),
    BadRequest(String),
    TooLarge,
    Invalid(String, Vec<String>),
    /// Another import is being written and the caller asked not to wait.
    Conflict(String),
    Internal(String),
}

impl From<attain_store::StoreError> for ApiError {
    fn from(e: attain_store::StoreError) -> ApiError {
        match e {
            attain_store::StoreError::Busy => ApiError::Conflict(e.to_string()),
            e => ApiError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, error, problems) = match self {
            ApiError::Unauthorized => {
                let body = ErrorBody {
                    error: "a bearer token is required (Authorization: Bearer TOKEN)".into(),
                    problems: vec![],
                };
                return (StatusCode::UNAUTHORIZED, [(WWW_AUTHENTICATE, "Bearer")], Json(body)).into_response();
            }
            // RFC 6750: a token was given and is not one the service knows.
            ApiError::InvalidToken => {
                let body = ErrorBody {
                    error: "the bearer token is not valid (unknown or revoked); an operator lists the tokens in force with attain token list and makes new ones with attain token create".into(),
                    problems: vec![],
                };
                let challenge = "Bearer error=\"invalid_token\"";
                return (StatusCode::UNAUTHORIZED, [(WWW_AUTHENTICATE, challenge)], Json(body)).into_response();
            }
            ApiError::NotFound => (StatusCode::NOT_FOUND, "no such partner".to_owned(), vec![]),
            ApiError::Forbidden(what) => (StatusCode::FORBIDDEN, what.to_owned(), vec![]),
            ApiError::BadRequest(what) => (StatusCode::BAD_REQUEST, what, vec![]),
            ApiError::TooLarge => {
                let limit = "the body is larger than this service accepts (attain serve --max-import-mib)";
                (StatusCode::PAYLOAD_TOO_LARGE, limit.to_owned(), vec![])
            }
            ApiError::Invalid(what, problems) => (StatusCode::UNPROCESSABLE_ENTITY, what, problems),
            ApiError::Conflict(what) => (StatusCode::CONFLICT, what, vec![]),
            ApiError::Internal(what) => {
                tracing::error!(error = %what, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal error; see the server's log".to_owned(), vec![])
            }
        };
        (status, Json(ErrorBody { error, problems })).into_response()
    }
}

#[derive(Serialize, ToSchema)]
struct Health {
    status: &'static str,
    /// The import the service decides from; null while the store is empty.
    #[schema(required = true)]
    import_id: Option<i64>,
}

/// Liveness: answers while the service runs; needs no token.
#[utoipa::path(get, path = "/healthz", security(()), responses((status = 200, body = Health)))]
async fn healthz(State(state): State<Shared>) -> Json<Health> {
    Json(Health { status: "ok", import_id: state.loaded().import_id })
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", security(()), responses((status = 200, description = "OpenAPI 3.1")))]
async fn openapi_json() -> impl IntoResponse {
    // The document never changes while the process runs: built and serialized once.
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let json = DOCUMENT.get_or_init(|| ApiDoc::openapi().to_json().expect("the OpenAPI document serializes"));
    ([(CONTENT_TYPE, "application/json")], json.as_str())
}

#[derive(Serialize, ToSchema)]
struct PartnerSummary {
    partner_id: String,
    name: String,
    country: String,
    /// As given in the data; null when the program's market rule decides from the country.
    #[schema(required = true)]
    market: Option<Market>,
}

/// The partners the token may see: every partner for an admin, only its own for a partner.
#[utoipa::path(get, path = "/api/v1/partners", responses(
    (status = 200, body = Vec<PartnerSummary>),
    (status = 401, body = ErrorBody),
))]
async fn list_partners(State(state): State<Shared>, ApiCaller(caller): ApiCaller) -> Json<Vec<PartnerSummary>> {
    let loaded = state.loaded();
    let partners = loaded
        .facts()
        .partners
        .iter()
        .filter(|p| caller.may_see(&p.id))
        .map(|p| PartnerSummary {
            partner_id: p.id.clone(),
            name: p.name.clone(),
            country: p.country.clone(),
            market: p.market,
        })
        .collect();
    Json(partners)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct EvaluationQuery {
    /// Decide as of this date (YYYY-MM-DD); today when absent.
    as_of: Option<String>,
    /// The language of `report` (e.g. fr-FR); from Accept-Language when absent.
    lang: Option<String>,
}

/// One partner's decision with its explanation.
#[derive(Serialize, ToSchema)]
struct EvaluationResponse {
    program: String,
    version: String,
    #[schema(value_type = String, format = Date)]
    as_of: Date,
    window: WindowRange,
    /// The partner object of `attain evaluate --format json` (SPEC section 5).
    partner: Decision,
    /// Customers with consumption in the window, largest credited first.
    customers: Vec<CustomerEvidence>,
    people: Vec<PersonEvidence>,
    /// What stops counting within 12 months.
    warnings: Vec<Warning>,
    /// When and why the level drops, if it does within 13 months.
    #[schema(required = true)]
    drop: Option<Drop>,
    monthly: Vec<CreditedMonth>,
    /// The locale of `report`.
    lang: String,
    /// The explanation as a report for people, in `lang`.
    report: String,
}

/// One partner's decision under a program that declares metrics, with the evidence behind each metric.
#[derive(Serialize, ToSchema)]
struct MetricEvaluationResponse {
    program: String,
    version: String,
    #[schema(value_type = String, format = Date)]
    as_of: Date,
    /// The months the consumption measures read.
    window: WindowRange,
    /// The partner object of `attain evaluate --format json` (SPEC section 6): level, score,
    /// each metric's points and `drops_on`, then each metric's value and each level's status.
    partner: MetricDecision,
    /// What each metric counted and did not count, in the order the rules declare them.
    evidence: Vec<MetricEvidence>,
    /// Consumption of the partner's customers in the window that counts for no metric, and why.
    excluded_rows: Vec<ExcludedRows>,
    /// When the level drops, if it does within 13 months, and the metrics whose points are lower then.
    #[schema(required = true)]
    drop: Option<MetricDrop>,
    /// The locale of `report`.
    lang: String,
    /// The explanation as a report for people, in `lang`.
    report: String,
}

/// A partner's evaluation, in the form of the program served: `EvaluationResponse` for a program
/// whose levels state consumption thresholds and people, `MetricEvaluationResponse` for one that
/// declares metrics (`partner.score` and `partner.points`).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
enum PartnerEvaluation {
    Levels(EvaluationResponse),
    Metrics(MetricEvaluationResponse),
}

/// The language a request asks for: `?lang=`, else `Accept-Language`, else en-US.
pub(crate) fn language(lang: Option<&str>, headers: &HeaderMap) -> &'static str {
    match lang.filter(|l| !l.is_empty()) {
        Some(tag) => attain_i18n::negotiate(tag),
        None => headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map_or(attain_i18n::LOCALES[0], attain_i18n::from_accept_language),
    }
}

/// The as-of date of a request: a date between the years 1900 and 2999 (outside them nothing is
/// decided, and the engine's 13-month horizon stays far from the end of the calendar), or today.
pub(crate) fn as_of(text: Option<&str>) -> Result<Date, ApiError> {
    match text.filter(|t| !t.is_empty()) {
        Some(text) => {
            let date = attain_input::parse_date(text).map_err(|e| ApiError::BadRequest(format!("as_of: {e}")))?;
            if !(1900..=2999).contains(&date.year()) {
                return Err(ApiError::BadRequest(format!("as_of: {date} is outside the years 1900 to 2999")));
            }
            Ok(date)
        }
        None => Ok(jiff::Zoned::now().date()),
    }
}

/// A partner's decision with its evidence, from the engine of the program's form.
pub(crate) enum Explained {
    Levels(Explanation),
    Metrics(MetricExplanation),
}

/// What an engine's refusal means for the caller.
pub(crate) fn engine_error(e: EngineError) -> ApiError {
    match e {
        EngineError::UnknownPartner(_) => ApiError::NotFound,
        EngineError::NoVersionInForce { .. } => ApiError::BadRequest(e.to_string()),
        EngineError::DanglingReference(_)
        | EngineError::MonthlyCredit(_)
        | EngineError::NoRows
        | EngineError::DecidedByMetrics(_) => ApiError::Internal(e.to_string()),
    }
}

/// The explanation of `partner_id` for `caller`, or 404 when the caller may not see it or it does not exist.
pub(crate) fn explain(
    state: &Shared,
    caller: &Principal,
    partner_id: &str,
    as_of: Date,
) -> Result<Explained, ApiError> {
    if !caller.may_see(partner_id) {
        return Err(ApiError::NotFound);
    }
    match &state.loaded().engine {
        Decider::Levels(engine) => engine.explain(partner_id, as_of).map(Explained::Levels),
        Decider::Metrics(engine) => engine.explain(partner_id, as_of).map(Explained::Metrics),
    }
    .map_err(engine_error)
}

/// The partner's decision as of a date, with requirements, gaps, evidence, warnings and `drops_on`;
/// for a program that declares metrics, with its score, each metric's points and what each counted.
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/evaluation",
    params(("id" = String, Path, description = "The partner id"), EvaluationQuery),
    responses(
        (status = 200, body = PartnerEvaluation),
        (status = 400, body = ErrorBody, description = "A malformed as_of, or a date before every version"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "No such partner, or not the token's own"),
    )
)]
async fn evaluation(
    State(state): State<Shared>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    Query(query): Query<EvaluationQuery>,
    headers: HeaderMap,
) -> Result<Json<PartnerEvaluation>, ApiError> {
    let as_of = as_of(query.as_of.as_deref())?;
    let explained = explain(&state, &caller, &id, as_of)?;
    let lang = language(query.lang.as_deref(), &headers);
    let l10n = state.localizer(lang);
    let cx = attain_report::Context { rules: state.rules, program: state.program, l10n };
    Ok(Json(match explained {
        Explained::Levels(e) => {
            let report = attain_report::explain_text(&cx, &e);
            PartnerEvaluation::Levels(EvaluationResponse {
                program: e.program,
                version: e.version,
                as_of: e.as_of,
                window: e.window,
                partner: e.decision,
                customers: e.customers,
                people: e.people,
                warnings: e.warnings,
                drop: e.drop,
                monthly: e.monthly,
                lang: lang.to_owned(),
                report,
            })
        }
        Explained::Metrics(e) => {
            let report = attain_report::metric_explain_text(&cx, &e);
            PartnerEvaluation::Metrics(MetricEvaluationResponse {
                program: e.program,
                version: e.version,
                as_of: e.as_of,
                window: e.window,
                partner: e.decision,
                evidence: e.evidence,
                excluded_rows: e.excluded_rows,
                drop: e.drop,
                lang: lang.to_owned(),
                report,
            })
        }
    }))
}

#[derive(Deserialize, IntoParams)]
pub(crate) struct PlanQuery {
    /// The level to reach or keep (a level id of the program, e.g. gold).
    target: String,
    /// The day the level must be held (YYYY-MM-DD); `as_of` when absent.
    by: Option<String>,
    /// The data is taken as complete up to this day (YYYY-MM-DD); today when absent.
    as_of: Option<String>,
    /// The language of `report` (e.g. fr-FR); from Accept-Language when absent.
    lang: Option<String>,
}

impl PlanQuery {
    pub(crate) fn new(target: &str, by: &str, as_of: &str) -> PlanQuery {
        PlanQuery { target: target.to_owned(), by: Some(by.to_owned()), as_of: Some(as_of.to_owned()), lang: None }
    }
}

/// A partner's plan, of the program's form.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum PartnerPlan {
    /// A consumption threshold and a number of people.
    Levels(Plan),
    /// Points of declared metrics.
    Metrics(MetricPlan),
}

impl PartnerPlan {
    /// The plan's lines, for text or HTML, in the reader's language.
    pub(crate) fn lines(&self, cx: &attain_report::Context<'_>) -> Vec<attain_report::PlanLine> {
        match self {
            PartnerPlan::Levels(plan) => attain_report::plan_lines(cx, plan),
            PartnerPlan::Metrics(plan) => attain_report::metric_plan_lines(cx, plan),
        }
    }
}

/// A partner's plan, with the plan as text in the caller's language.
#[derive(Serialize, ToSchema)]
struct PlanResponse {
    plan: PartnerPlan,
    lang: String,
    report: String,
}

/// The partner's plan for `query`, or why there is none.
pub(crate) fn partner_plan(
    state: &Shared,
    caller: &Principal,
    partner_id: &str,
    query: &PlanQuery,
) -> Result<PartnerPlan, ApiError> {
    if !caller.may_see(partner_id) {
        return Err(ApiError::NotFound);
    }
    let program = state.program;
    let target = program.level_by_id(&query.target).ok_or_else(|| {
        let known: Vec<&str> = program.levels.iter().map(|l| l.id.as_str()).collect();
        ApiError::BadRequest(format!("target: no level {:?}; the levels are {}", query.target, known.join(", ")))
    })?;
    let as_of = as_of(query.as_of.as_deref())?;
    let by = match query.by.as_deref() {
        Some(text) if !text.is_empty() => crate::api::as_of(Some(text))
            .map_err(|_| ApiError::BadRequest(format!("by: {text:?} is not a date (YYYY-MM-DD)")))?,
        _ => as_of,
    };
    if by < as_of {
        return Err(ApiError::BadRequest(format!("by: {by} is before as_of {as_of}; a plan looks forward")));
    }
    match &state.loaded().engine {
        Decider::Levels(engine) => engine.plan(partner_id, target, as_of, by).map(PartnerPlan::Levels),
        Decider::Metrics(engine) => engine.plan(partner_id, target, as_of, by).map(PartnerPlan::Metrics),
    }
    .map_err(engine_error)
}

/// What the partner must do, and by when, to hold a level on a date: the consumption still needed
/// per month and the customers it would be credited through; the people and credentials needed,
/// its own people closest to qualifying first, with the last day for each.
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/plan",
    params(("id" = String, Path, description = "The partner id"), PlanQuery),
    responses(
        (status = 200, body = PlanResponse),
        (status = 400, body = ErrorBody, description = "An unknown target level, a malformed date, or by before as_of"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "No such partner, or not the token's own"),
    )
)]
async fn plan(
    State(state): State<Shared>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    Query(query): Query<PlanQuery>,
    headers: HeaderMap,
) -> Result<Json<PlanResponse>, ApiError> {
    let plan = partner_plan(&state, &caller, &id, &query)?;
    let lang = language(query.lang.as_deref(), &headers);
    let cx = attain_report::Context { rules: state.rules, program: state.program, l10n: state.localizer(lang) };
    let report = attain_report::lines_text(plan.lines(&cx));
    Ok(Json(PlanResponse { plan, lang: lang.to_owned(), report }))
}

pub(crate) async fn partner_history(state: &Shared, caller: &Principal, partner_id: &str) -> Result<History, ApiError> {
    let known = state.loaded().facts().partners.iter().any(|p| p.id == partner_id);
    if !caller.may_see(partner_id) {
        return Err(ApiError::NotFound);
    }
    let levels: Vec<&str> = state.program.levels.iter().map(|l| l.id.as_str()).collect();
    let history = state.store.history(&state.program.id, partner_id, &levels).await?;
    if !known && history.snapshots.is_empty() {
        return Err(ApiError::NotFound);
    }
    Ok(history)
}

/// The partner's level in every stored snapshot (`attain snapshot`), and when it attained or lost each level.
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/history",
    params(("id" = String, Path, description = "The partner id")),
    responses(
        (status = 200, body = History),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "No such partner, or not the token's own"),
    )
)]
async fn history(
    State(state): State<Shared>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Json<History>, ApiError> {
    Ok(Json(partner_history(&state, &caller, &id).await?))
}

/// Every import, oldest first (admin only).
#[utoipa::path(get, path = "/api/v1/imports", responses(
    (status = 200, body = Vec<ImportRecord>),
    (status = 401, body = ErrorBody),
    (status = 403, body = ErrorBody),
))]
async fn list_imports(
    State(state): State<Shared>,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<Vec<ImportRecord>>, ApiError> {
    if !caller.is_admin() {
        return Err(ApiError::Forbidden("imports are for admin tokens"));
    }
    Ok(Json(state.store.imports().await?))
}

/// Imports a folder of input files (admin only): validated whole first (SPEC section 3), then written
/// in one transaction, all or nothing. The body is a zip of the CSV files (`application/zip`), or
/// `multipart/form-data` with one part per file (named by its file name) or one zip part.
#[utoipa::path(
    post,
    path = "/api/v1/imports",
    request_body(
        description = "The input files: a zip, or one multipart part per file",
        content((Vec<u8> = "application/zip"), (Vec<u8> = "multipart/form-data"))
    ),
    responses(
        (status = 201, body = ImportRecord),
        (status = 400, body = ErrorBody, description = "Not a zip or multipart body"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 413, description = "Larger than the service's import limit"),
        (status = 409, body = ErrorBody, description = "Another import is being written (asked with wait=false)"),
        (status = 422, body = ErrorBody, description = "Invalid input; nothing was imported"),
    ),
    params(ImportQuery)
)]
async fn create_import(
    State(state): State<Shared>,
    ApiCaller(caller): ApiCaller,
    Query(query): Query<ImportQuery>,
    request: Request,
) -> Result<(StatusCode, Json<ImportRecord>), ApiError> {
    if !caller.is_admin() {
        return Err(ApiError::Forbidden("imports are for admin tokens"));
    }
    let content_type = request.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    // The body arrives under no lock (bounded by the size limit and the body deadline): a slow
    // client holds up no one else.
    // A zip may inflate to 8× the upload limit, counted over the whole request.
    let mut inflate_budget = (state.settings.max_import_bytes as u64).saturating_mul(8);
    let mut files = BTreeMap::new();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart =
            Multipart::from_request(request, &state).await.map_err(|e| unreadable(e.status(), e.body_text()))?;
        while let Some(field) = multipart.next_field().await.map_err(|e| unreadable(e.status(), e.body_text()))? {
            let name = field.file_name().or(field.name()).unwrap_or("").to_owned();
            if name.is_empty() {
                return Err(ApiError::BadRequest("a multipart part without a file name".into()));
            }
            let bytes = field.bytes().await.map_err(|e| unreadable(e.status(), e.body_text()))?;
            if name.to_ascii_lowercase().ends_with(".zip") {
                unzip(&bytes, &mut inflate_budget, &mut files)?;
            } else {
                add_file(&mut files, &name, bytes.to_vec())?;
            }
        }
    } else if content_type.starts_with("application/zip") {
        let bytes = Bytes::from_request(request, &state).await.map_err(|e| unreadable(e.status(), e.body_text()))?;
        unzip(&bytes, &mut inflate_budget, &mut files)?;
    } else {
        return Err(ApiError::BadRequest("send application/zip or multipart/form-data".into()));
    }
    // Validating a large folder takes CPU and memory for a while: off the threads serving
    // requests, a few at a time.
    let validating = state.validating.acquire().await.expect("never closed");
    let batch = tokio::task::spawn_blocking(move || Batch::read(&MemorySource { label: "upload".into(), files }))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|errors| {
            ApiError::Invalid(
                "invalid input; nothing was imported".into(),
                errors.0.iter().map(|e| e.to_string()).collect(),
            )
        })?;
    drop(validating);
    // Written in the store's turn, whichever process (or request) imports too.
    let turn = if query.wait.unwrap_or(true) { Turn::Wait } else { Turn::Refuse };
    let record = state.store.import_in_turn(&batch, &format!("token #{}", caller.token_id), &|_| {}, turn).await?;
    tracing::info!(import = record.id, partners = record.partners, consumption = record.consumption, "imported");
    if let Err(e) = state.reload_if_changed().await {
        tracing::error!(error = %e, "imported, but could not reload the facts");
    }
    Ok((StatusCode::CREATED, Json(record)))
}

#[derive(Deserialize, IntoParams)]
struct ImportQuery {
    /// When another import is being written: wait for it (the default), or with `false` answer
    /// 409 at once.
    wait: Option<bool>,
}

/// A body that could not be read: too large (413), or malformed (400).
fn unreadable(status: StatusCode, text: String) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge
    } else {
        ApiError::BadRequest(text)
    }
}

/// Keeps an input file by its base name; other files are refused by name, so a typo is not silently ignored.
fn add_file(files: &mut BTreeMap<String, String>, path: &str, bytes: Vec<u8>) -> Result<(), ApiError> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    if name.is_empty() || path.ends_with('/') {
        return Ok(());
    }
    if !attain_input::ALL_FILE_NAMES.contains(&name) {
        return Err(ApiError::BadRequest(format!(
            "{path}: not an input file (expected {})",
            attain_input::ALL_FILE_NAMES.join(", ")
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        ApiError::Invalid(
            "invalid input; nothing was imported".into(),
            vec![format!("upload/{name}: not UTF-8 text (byte {})", e.utf8_error().valid_up_to() + 1)],
        )
    })?;
    if files.insert(name.to_owned(), text).is_some() {
        return Err(ApiError::BadRequest(format!("{name} was sent twice")));
    }
    Ok(())
}

/// Unpacks a zip's input files, refusing to inflate beyond what is left of `budget` (zip bombs).
fn unzip(bytes: &[u8], budget: &mut u64, files: &mut BTreeMap<String, String>) -> Result<(), ApiError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ApiError::BadRequest(format!("not a zip: {e}")))?;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| ApiError::BadRequest(format!("zip: {e}")))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_owned();
        if name.starts_with("__MACOSX/") || name.rsplit('/').next().is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        let mut content = Vec::new();
        (&mut entry)
            // A byte more than is left tells a zip that inflates beyond it (saturating: an
            // unlimited budget is u64::MAX).
            .take(budget.saturating_add(1))
            .read_to_end(&mut content)
            .map_err(|e| ApiError::BadRequest(format!("zip: {name}: {e}")))?;
        if content.len() as u64 > *budget {
            return Err(ApiError::BadRequest("the zip inflates beyond the import limit".into()));
        }
        *budget -= content.len() as u64;
        add_file(files, &name, content)?;
    }
    Ok(())
}

#[cfg(test)]
mod fuzz;
