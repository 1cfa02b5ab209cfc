//! The dashboard: server-rendered pages that work without JavaScript, in the reader's language.
//! A program that declares metrics has its own partner page and history columns (`metrics.rs`).

mod metrics;
mod whatif;

use std::fmt::Write;

use attain_engine::{Amount, Decimal, Explanation, Usd};
use attain_i18n::Arg::{Count, Text};
use attain_i18n::Localizer;
use attain_report::Context;
use attain_rules::{ProgramText, Unit};
use attain_store::{ChangeKind, History, Principal, Role};
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use jiff::civil::Date;
use jiff::ToSpan;
use serde::Deserialize;

use crate::api::{self, ApiError, Explained};
use crate::auth::{same_origin, Visitor, SESSION_COOKIE};
use crate::chart;
use crate::html::{esc, page, url_component, Table};
use crate::{Decided, OverviewError, Shared};

pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(home))
        .route("/signin", get(signin_form).post(signin))
        .route("/signout", post(signout))
        .route("/partners/{id}", get(partner_page))
        .route("/admin", get(admin_page))
        .route("/admin/what-if", get(whatif::form_page).post(whatif::result_page))
        .route("/admin/what-if.csv", post(whatif::csv))
}

#[derive(Deserialize, Default)]
struct ViewQuery {
    as_of: Option<String>,
    lang: Option<String>,
    q: Option<String>,
    /// The partner page's plan: the level to reach or keep, and the day.
    target: Option<String>,
    by: Option<String>,
}

/// What every page needs: the reader's language and the rules' words in it.
struct View<'a> {
    state: &'a Shared,
    l10n: &'a Localizer,
    lang: &'static str,
    /// Why the page decides as of its date, when the reader did not choose it (message id).
    as_of_why: Option<&'static str>,
}

impl<'a> View<'a> {
    fn new(state: &'a Shared, query: &ViewQuery, headers: &HeaderMap) -> View<'a> {
        let lang = api::language(query.lang.as_deref(), headers);
        View { state, l10n: state.localizer(lang), lang, as_of_why: None }
    }

    fn cx(&self) -> Context<'_> {
        Context { rules: self.state.rules, program: self.state.program, l10n: self.l10n }
    }

    fn t(&self, id: &str) -> String {
        esc(&self.l10n.text(id))
    }

    fn m(&self, id: &str, args: &[(&str, attain_i18n::Arg<'_>)]) -> String {
        esc(&self.l10n.msg(id, args))
    }

    fn brand(&self) -> String {
        let cx = self.cx();
        format!(
            "attain · {} <small>{}</small>",
            esc(&cx.program_text(ProgramText::Name)),
            esc(&cx.program_text(ProgramText::OptionName))
        )
    }

    fn page(&self, title: &str, signed_in: bool, body: &str) -> Html<String> {
        let signout = signed_in.then(|| self.l10n.text("dash-signout"));
        Html(page(self.lang, title, &self.brand(), signout.as_deref(), body))
    }

    fn error(&self, status: StatusCode, message: &str) -> Response {
        let body = format!("<p class=\"alert\">{}</p>{}", esc(message), self.language_form());
        (status, self.page(message, true, &body)).into_response()
    }

    /// The languages a page can be read in, the reader's selected.
    fn language_options(&self) -> String {
        let mut options = String::new();
        for tag in attain_i18n::LOCALES {
            let _ = write!(
                options,
                "<option value=\"{tag}\"{}>{tag}</option>",
                if tag == self.lang { " selected" } else { "" }
            );
        }
        options
    }

    /// A form that shows this page again in another language (pages without [`View::controls`]).
    fn language_form(&self) -> String {
        format!(
            "<form class=\"inline\" method=\"get\"><label>{}<select name=\"lang\">{}</select></label>\
             <button type=\"submit\">{}</button></form>",
            self.t("dash-language"),
            self.language_options(),
            self.t("dash-show"),
        )
    }

    /// The as-of and language form, keeping the other query parameters.
    fn controls(&self, as_of: Date, extra: &str) -> String {
        let options = self.language_options();
        format!(
            "<form class=\"inline\" method=\"get\">{extra}<label>{}<input type=\"date\" name=\"as_of\" value=\"{as_of}\"></label>\
             <label>{}<select name=\"lang\">{options}</select></label><button type=\"submit\">{}</button>{}</form>",
            self.t("dash-as-of"),
            self.t("dash-language"),
            self.t("dash-show"),
            self.as_of_why.map_or(String::new(), |why| format!(" <span class=\"muted\">{}</span>", self.t(why))),
        )
    }
}

async fn home(Visitor(visitor): Visitor) -> Redirect {
    match visitor.map(|p| p.role) {
        None => Redirect::to("/signin"),
        Some(Role::Admin) => Redirect::to("/admin"),
        Some(Role::Partner(id)) => Redirect::to(&format!("/partners/{}", url_component(&id))),
    }
}

fn signin_body(view: &View<'_>, failed: bool) -> String {
    let mut body = format!("<h1>{}</h1>", view.t("dash-signin-title"));
    if failed {
        let _ = write!(body, "<p class=\"alert\">{}</p>", view.t("dash-signin-failed"));
    }
    let _ = write!(
        body,
        "<p class=\"muted\">{}</p><form class=\"inline\" method=\"post\" action=\"/signin\">\
         <input type=\"hidden\" name=\"lang\" value=\"{}\">\
         <label>{}<input type=\"password\" name=\"token\" autocomplete=\"off\" required size=\"40\"></label>\
         <button type=\"submit\">{}</button></form>",
        view.t("dash-signin-help"),
        view.lang,
        view.t("dash-signin-token"),
        view.t("dash-signin-submit"),
    );
    // The language is chosen before signing in too.
    body.push_str(&view.language_form());
    body
}

async fn signin_form(State(state): State<Shared>, Query(query): Query<ViewQuery>, headers: HeaderMap) -> Html<String> {
    let view = View::new(&state, &query, &headers);
    view.page(&view.l10n.text("dash-signin-title"), false, &signin_body(&view, false))
}

#[derive(Deserialize)]
struct SigninForm {
    token: String,
    lang: Option<String>,
}

async fn signin(State(state): State<Shared>, headers: HeaderMap, Form(form): Form<SigninForm>) -> Response {
    if let Err(refused) = same_origin(&headers) {
        return refused.into_response();
    }
    let query = ViewQuery { lang: form.lang.clone(), ..ViewQuery::default() };
    let view = View::new(&state, &query, &headers);
    let token = form.token.trim();
    match state.store.authenticate(token).await {
        Ok(Some(_)) => {
            // HttpOnly: scripts cannot read it; SameSite=Strict: no other site can make the browser send it.
            let secure = if state.settings.secure_cookie { "; Secure" } else { "" };
            let cookie =
                format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000{secure}");
            ([(SET_COOKIE, cookie)], Redirect::to("/")).into_response()
        }
        Ok(None) => {
            let title = view.l10n.text("dash-signin-title");
            (StatusCode::UNAUTHORIZED, view.page(&title, false, &signin_body(&view, true))).into_response()
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn signout(headers: HeaderMap) -> Response {
    if let Err(refused) = same_origin(&headers) {
        return refused.into_response();
    }
    let cookie = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    ([(SET_COOKIE, cookie)], Redirect::to("/signin")).into_response()
}

fn level_class(level: &str) -> &'static str {
    match level {
        "gold" => "gold",
        "silver" => "silver",
        "none" => "none",
        _ => "",
    }
}

/// A bar filled to `value / target` (at most full), with per-mille integer arithmetic.
fn bar(value: i128, target: i128, met: bool) -> String {
    let per_mille = if target <= 0 { 1000 } else { (value.max(0).saturating_mul(1000) / target).min(1000) };
    format!(
        "<div class=\"bar{}\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"1000\" aria-valuenow=\"{per_mille}\">\
         <span style=\"width:{}.{}%\"></span></div>",
        if met { " met" } else { "" },
        per_mille / 10,
        per_mille % 10
    )
}

/// A level's heading in the requirements: met or not, opening the level's box.
fn level_heading(view: &View<'_>, met: bool, level: &str) -> String {
    let heading = if met { "explain-level-met" } else { "explain-level-not-met" };
    format!(
        "<div><h3 class=\"{}\">{}</h3>",
        if met { "ok" } else { "" },
        view.m(heading, &[("level", Text(&view.cx().level(level)))])
    )
}

fn requirements(view: &View<'_>, e: &Explanation) -> String {
    let cx = view.cx();
    let l = view.l10n;
    let d = &e.decision;
    let mut out = format!("<h2>{}</h2><div class=\"levels\">", view.t("dash-requirements"));
    for status in &d.levels {
        out.push_str(&level_heading(view, status.met, &status.level));
        if let Some(threshold) = status.threshold_usd {
            let met = status.consumption_gap_usd.micros() <= 0;
            let gap = if met {
                l.text("explain-met")
            } else {
                l.msg("explain-gap-consumption", &[("gap", Text(&cx.usd(status.consumption_gap_usd)))])
            };
            let _ = write!(
                out,
                "<div class=\"req\"><span>{}</span>{}<span class=\"figures\">{} · <span class=\"{}\">{}</span></span></div>",
                view.t("dash-consumption"),
                bar(d.consumption_usd.micros(), threshold.micros(), met),
                view.m("dash-of", &[("value", Text(&cx.usd(d.consumption_usd))), ("threshold", Text(&cx.usd(threshold)))]),
                if met { "ok" } else { "bad" },
                esc(&gap)
            );
        }
        if let Some(required) = status.individuals_required {
            let met = status.individuals_gap == 0;
            let gap = if met {
                l.text("explain-met")
            } else {
                l.msg("explain-gap-individuals", &[("gap", Count(i64::from(status.individuals_gap)))])
            };
            let _ = write!(
                out,
                "<div class=\"req\"><span>{}</span>{}<span class=\"figures\">{} · <span class=\"{}\">{}</span></span></div>",
                view.t("dash-individuals"),
                bar(i128::from(status.qualified_individuals), i128::from(required), met),
                view.m(
                    "dash-of",
                    &[
                        ("value", Text(&l.integer(i128::from(status.qualified_individuals)))),
                        ("threshold", Text(&l.integer(i128::from(required)))),
                    ]
                ),
                if met { "ok" } else { "bad" },
                esc(&gap)
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
    out
}

fn consumption_chart(view: &View<'_>, e: &Explanation) -> String {
    let cx = view.cx();
    let version = view.state.program.version(&e.version).expect("explained under this program");
    let thresholds: Vec<chart::Threshold> = view
        .state
        .program
        .levels
        .iter()
        .zip(&version.levels)
        .filter_map(|(level, req)| {
            let p = req.performance.as_ref()?;
            let usd = p.threshold(e.decision.market);
            let name = cx.level(&level.id);
            let legend = view.l10n.msg(
                "dash-chart-threshold",
                &[("level", Text(&name)), ("amount", Text(&view.l10n.usd_whole(usd.cents() / 100)))],
            );
            Some(chart::Threshold { level: name, legend, usd })
        })
        .collect();
    let title = view.l10n.text("dash-chart");
    let window = view.l10n.text("dash-chart-window");
    let cumulative = view.l10n.text("dash-chart-cumulative");
    let off_scale = |threshold: &str| view.l10n.msg("dash-chart-off-scale", &[("threshold", Text(threshold))]);
    let usd = |u: Usd| view.l10n.usd_whole(u.cents() / 100);
    let labels =
        chart::Labels { title: &title, window: &window, cumulative: &cumulative, off_scale: &off_scale, usd: &usd };
    format!("<h2>{}</h2>{}", esc(&title), chart::html(&e.monthly, &thresholds, &labels))
}

fn customers(view: &View<'_>, e: &Explanation) -> String {
    let cx = view.cx();
    let version = view.state.program.version(&e.version).expect("explained under this program");
    let mut out = format!("<h2>{}</h2>", view.t("dash-customers"));
    if e.customers.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", view.t("explain-nothing"));
        return out;
    }
    let headers = [
        (view.l10n.text("dash-customer"), false),
        (view.l10n.text("dash-credited"), true),
        (view.l10n.text("dash-associations"), false),
        (view.l10n.text("dash-note"), false),
    ];
    let mut table = Table::new(headers);
    for c in &e.customers {
        let kinds: Vec<&str> = c.associations.iter().map(|k| k.as_str()).collect();
        let note = esc(&attain_report::exclusion_text(&cx, version, c).unwrap_or_default());
        table.row([
            (esc(&c.customer_id).as_str(), ""),
            (&esc(&cx.usd(c.credited_usd)), ""),
            (&esc(&kinds.join(", ")), ""),
            (&note, "muted"),
        ]);
    }
    out.push_str(&table.finish());
    out
}

fn people(view: &View<'_>, e: &Explanation) -> String {
    let cx = view.cx();
    let mut out = format!("<h2>{}</h2>", view.t("dash-people"));
    if e.people.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", view.t("explain-no-people"));
        return out;
    }
    let (person, status) = (view.l10n.text("dash-person"), view.l10n.text("dash-status"));
    let mut table = Table::new([(person, false), (status, false)]);
    for p in &e.people {
        let who = format!("{} <span class=\"muted\">{}</span>", esc(&p.name), esc(&p.person_id));
        let class = if p.counted_for.is_empty() { "muted" } else { "ok" };
        table.row([(who.as_str(), ""), (&esc(&attain_report::person_text(&cx, p)), class)]);
    }
    out.push_str(&table.finish());
    out
}

fn warnings(view: &View<'_>, e: &Explanation) -> String {
    let cx = view.cx();
    let mut out = format!("<h2>{}</h2>", view.t("dash-warnings"));
    if let Some(drop) = &e.drop {
        let _ = write!(
            out,
            "<div class=\"alert\"><b>{}</b><ul class=\"plain\">",
            view.m("explain-why-drop", &[("date", Text(&view.l10n.date(drop.date)))])
        );
        for cause in &drop.causes {
            let _ = write!(out, "<li>{}</li>", esc(&attain_report::drop_cause_text(&cx, cause)));
        }
        out.push_str("</ul></div>");
    }
    if e.warnings.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", view.t("dash-no-warnings"));
    } else {
        out.push_str("<ul class=\"plain\">");
        for w in &e.warnings {
            let _ = write!(out, "<li>{}</li>", esc(&attain_report::warning_text(&cx, w)));
        }
        out.push_str("</ul>");
    }
    out
}

fn history(view: &View<'_>, history: &History) -> String {
    let cx = view.cx();
    let l = view.l10n;
    let mut out = format!("<h2>{}</h2>", view.t("dash-history"));
    if history.snapshots.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", view.t("dash-no-history"));
        return out;
    }
    if !history.changes.is_empty() {
        out.push_str("<ul class=\"plain\">");
        for c in history.changes.iter().rev() {
            let id = match c.kind {
                ChangeKind::Attained => "dash-change-attained",
                ChangeKind::Lost => "dash-change-lost",
            };
            let between = c.previous_as_of.map(|p| {
                l.msg("dash-change-between", &[("previous", Text(&l.date(p))), ("date", Text(&l.date(c.as_of)))])
            });
            let _ = write!(
                out,
                "<li><b class=\"{}\">{}</b> · {} <span class=\"muted\">{}</span></li>",
                if c.kind == ChangeKind::Attained { "ok" } else { "bad" },
                view.m(id, &[("level", Text(&cx.level(&c.level)))]),
                esc(&l.date(c.as_of)),
                esc(&between.unwrap_or_default())
            );
        }
        out.push_str("</ul>");
    }
    let history = history_table(&cx, history);
    let mut table = Table::new(history.headers.iter().zip(history.numeric.iter().copied()));
    for row in &history.rows {
        let cells: Vec<String> = row.iter().map(|cell| esc(cell)).collect();
        table.row(cells.iter().map(|cell| (cell.as_str(), "")));
    }
    out.push_str(&table.finish());
    out
}

/// A partner's snapshots as a table, newest first, in `cx`'s language: the date and the level,
/// then the consumption and qualified individuals (a program of thresholds), the score (a scored
/// program: its points per metric are in the bars above, and five more columns fit neither a phone
/// nor a German laptop page), or each metric's value (a program that scores no points).
/// The dashboard and `attain history` show the same.
pub struct HistoryTable {
    pub headers: Vec<String>,
    /// Per column: whether it holds numbers (aligned right).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

/// How one column of the history shows a snapshot.
type Column<'a> = Box<dyn Fn(&attain_store::SnapshotEntry) -> String + 'a>;

pub fn history_table(cx: &Context<'_>, history: &History) -> HistoryTable {
    let l = cx.l10n;
    let program = cx.program;
    let mut headers = vec![l.text("dash-as-of"), l.text("dash-level")];
    let mut columns: Vec<Column<'_>> = Vec::new();
    if !program.by_metrics() {
        headers.extend([l.text("dash-consumption"), l.text("dash-individuals")]);
        columns.push(Box::new(|s| {
            let kept = s.figure("consumption_usd").unwrap_or_default();
            Decimal::parse(&kept).ok().and_then(|d| d.to_micros()).map_or(kept, |m| cx.usd(Usd(m)))
        }));
        columns.push(Box::new(|s| {
            s.figure("qualified_individuals")
                .and_then(|n| n.parse::<i128>().ok())
                .map(|n| l.integer(n))
                .unwrap_or_default()
        }));
    } else if history.snapshots.iter().any(|s| s.detail.contains_key("score")) {
        headers.push(l.text("dash-score"));
        columns.push(Box::new(|s| {
            s.figure("score").and_then(|n| n.parse::<i128>().ok()).map(|n| l.integer(n)).unwrap_or_default()
        }));
    } else {
        // Each metric any snapshot kept, in the order the rules declare them (oldest version first).
        let mut metrics: Vec<&attain_rules::Metric> = Vec::new();
        for metric in program.versions.iter().flat_map(|v| &v.metrics) {
            if !metrics.iter().any(|m| m.id == metric.id)
                && history.snapshots.iter().any(|s| s.figure(&metric.id).is_some())
            {
                metrics.push(metric);
            }
        }
        for metric in metrics {
            headers.push(cx.metric_name(metric));
            columns.push(Box::new(move |s| {
                let Some(kept) = s.figure(&metric.id) else { return String::new() };
                let amount = match metric.unit() {
                    Unit::Currency => {
                        Decimal::parse(&kept).ok().and_then(|d| d.to_micros()).map(|m| Amount::Money(Usd(m)))
                    }
                    Unit::Count | Unit::Percent => kept.parse::<i128>().ok().map(Amount::Whole),
                };
                amount.map_or(kept, |amount| cx.amount(metric.unit(), amount))
            }));
        }
    }
    let mut numeric = vec![false, false];
    numeric.resize(headers.len(), true);
    let rows = history
        .snapshots
        .iter()
        .rev()
        .map(|s| {
            let mut row = vec![l.date(s.as_of), cx.level(&s.level)];
            row.extend(columns.iter().map(|column| column(s)));
            row
        })
        .collect();
    HistoryTable { headers, numeric, rows }
}

/// The date a page decides as of: the reader's, else the service's default (with why).
async fn page_as_of(state: &Shared, asked: Option<&str>) -> Result<(Date, Option<&'static str>), ApiError> {
    if asked.is_some_and(|a| !a.is_empty()) {
        return Ok((api::as_of(asked)?, None));
    }
    let (as_of, why) = state.default_as_of().await?;
    Ok((as_of, Some(why)))
}

async fn partner_page(
    State(state): State<Shared>,
    Visitor(visitor): Visitor,
    Path(id): Path<String>,
    Query(query): Query<ViewQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(visitor) = visitor else { return Redirect::to("/signin").into_response() };
    let mut view = View::new(&state, &query, &headers);
    let as_of = match page_as_of(&state, query.as_of.as_deref()).await {
        Ok((d, why)) => {
            view.as_of_why = why;
            d
        }
        Err(ApiError::BadRequest(m)) => return view.error(StatusCode::BAD_REQUEST, &m),
        Err(e) => return e.into_response(),
    };
    let explained = match api::explain(&state, &visitor, &id, as_of) {
        Ok(e) => e,
        Err(ApiError::NotFound) => return view.error(StatusCode::NOT_FOUND, &view.l10n.text("dash-not-found")),
        Err(ApiError::BadRequest(m)) => return view.error(StatusCode::BAD_REQUEST, &m),
        Err(e) => return e.into_response(),
    };
    let past = match api::partner_history(&state, &visitor, &id).await {
        Ok(h) => h,
        Err(e) => return e.into_response(),
    };
    let (title, body) = match &explained {
        Explained::Levels(e) => {
            let (title, mut body) = levels_partner(&view, as_of, e, &past);
            body.push_str(&plan_section(&view, &visitor, (&e.decision.partner_id, &e.decision.level, e.as_of), &query));
            (title, body)
        }
        Explained::Metrics(e) => {
            let (title, mut body) = metrics::partner(&view, as_of, e, &past);
            body.push_str(&plan_section(&view, &visitor, (&e.decision.partner_id, &e.decision.level, e.as_of), &query));
            (title, body)
        }
    };
    ([(CACHE_CONTROL, "private, no-store")], view.page(&title, true, &body)).into_response()
}

/// The partner page of a program whose levels state consumption thresholds and people: its title and body.
fn levels_partner(view: &View<'_>, as_of: Date, e: &Explanation, past: &History) -> (String, String) {
    let cx = view.cx();
    let l = view.l10n;
    let d = &e.decision;
    let mut body = String::new();
    let drop_line = match &e.drop {
        Some(drop) => format!(
            "<p class=\"alert\">{}</p>",
            view.m("dash-drops-on", &[("level", Text(&cx.level(&drop.level))), ("date", Text(&l.date(drop.date)))])
        ),
        None => format!("<p class=\"muted\">{}</p>", view.t("dash-no-drop")),
    };
    let _ = write!(
        body,
        "<section class=\"hero\"><div><h1>{} <small>{}</small></h1><p class=\"muted\">{}</p>\
         <p>{} · {}<br>{}</p></div><div><span class=\"badge {}\">{}</span></div></section>{drop_line}{}",
        esc(&d.name),
        esc(&d.partner_id),
        view.m("dash-market", &[("market", Text(&cx.market(d.market))), ("country", Text(&d.country))]),
        esc(&l.date(e.as_of)),
        view.m("dash-version", &[("version", Text(&e.version))]),
        view.m("dash-window", &[("start", Text(&l.date(e.window.start))), ("end", Text(&l.date(e.window.end)))]),
        level_class(&d.level),
        esc(&cx.level(&d.level)),
        view.controls(as_of, ""),
    );
    body.push_str(&requirements(view, e));
    body.push_str(&consumption_chart(view, e));
    body.push_str(&warnings(view, e));
    body.push_str(&customers(view, e));
    body.push_str(&people(view, e));
    body.push_str(&history(view, past));
    let title = format!("{} · {}", d.name, cx.level(&d.level));
    (title, body)
}

/// The partner's plan: a form for the level and the day, and what must happen by then. Without a
/// choice, the plan for the next level up (or to keep the top one) at the end of the third month
/// after the page's date.
fn plan_section(
    view: &View<'_>,
    visitor: &Principal,
    (partner_id, level, as_of): (&str, &str, Date),
    query: &ViewQuery,
) -> String {
    let program = view.state.program;
    let cx = view.cx();
    let current = program.level_by_id(level).map_or(0, |l| usize::from(l.0) + 1);
    let default_target = &program.levels[current.min(program.levels.len() - 1)].id;
    let target = query.target.as_deref().filter(|t| !t.is_empty()).unwrap_or(default_target);
    let default_by = as_of.first_of_month().saturating_add(jiff::Span::new().months(3)).last_of_month();
    let by = query.by.clone().filter(|b| !b.is_empty()).unwrap_or_else(|| default_by.to_string());
    let options: String = program
        .levels
        .iter()
        .map(|l| {
            let selected = if l.id == target { " selected" } else { "" };
            format!("<option value=\"{}\"{selected}>{}</option>", esc(&l.id), esc(&cx.level(&l.id)))
        })
        .collect();
    let mut out = format!(
        "<h2 id=\"plan\">{}</h2><form class=\"inline\" method=\"get\" action=\"#plan\">\
         <input type=\"hidden\" name=\"as_of\" value=\"{}\"><input type=\"hidden\" name=\"lang\" value=\"{}\">\
         <label>{}<select name=\"target\">{options}</select></label>\
         <label>{}<input type=\"date\" name=\"by\" value=\"{}\"></label><button type=\"submit\">{}</button></form>",
        view.t("dash-plan"),
        as_of,
        view.lang,
        view.t("dash-plan-target"),
        view.t("dash-plan-by"),
        esc(&by),
        view.t("dash-plan-show"),
    );
    let asked = api::PlanQuery::new(target, &by, &as_of.to_string());
    match api::partner_plan(view.state, visitor, partner_id, &asked) {
        Ok(plan) => out.push_str(&plan_html(&plan.lines(&cx))),
        Err(ApiError::BadRequest(why)) => {
            let _ = write!(out, "<p class=\"alert\">{}</p>", esc(&why));
        }
        Err(e) => {
            tracing::error!(error = ?e, "a plan failed");
            let _ = write!(out, "<p class=\"alert\">{}</p>", view.t("dash-plan-failed"));
        }
    }
    out
}

/// A plan's lines as paragraphs, numbered steps and nested lists.
fn plan_html(lines: &[attain_report::PlanLine]) -> String {
    use attain_report::PlanLine;
    let mut out = String::from("<div class=\"plan\">");
    let mut depth = 0;
    for line in lines {
        let wanted = match line {
            PlanLine::Item(d, _) => *d,
            _ => 0,
        };
        while depth > wanted {
            out.push_str("</li></ul>");
            depth -= 1;
        }
        if depth == wanted && depth > 0 {
            out.push_str("</li>");
        }
        while depth < wanted {
            out.push_str("<ul>");
            depth += 1;
        }
        match line {
            PlanLine::Text(text) => {
                let _ = write!(out, "<p>{}</p>", esc(text));
            }
            PlanLine::Step(n, text) => {
                let _ = write!(out, "<h3>{n}. {}</h3>", esc(text));
            }
            PlanLine::Item(_, text) => {
                let _ = write!(out, "<li>{}", esc(text));
            }
        }
    }
    while depth > 0 {
        out.push_str("</li></ul>");
        depth -= 1;
    }
    out.push_str("</div>");
    out
}

/// The answer instead of an operator's page, unless the visitor signed in with an admin token:
/// others are sent to sign in; a partner is told what the page is, not that a partner is missing.
fn refused_to_operators(view: &View<'_>, visitor: Option<&Principal>) -> Option<Response> {
    match visitor {
        None => Some(Redirect::to("/signin").into_response()),
        Some(v) if !v.is_admin() => Some(view.error(StatusCode::FORBIDDEN, &view.l10n.text("dash-admin-only"))),
        Some(_) => None,
    }
}

async fn admin_page(
    State(state): State<Shared>,
    Visitor(visitor): Visitor,
    Query(query): Query<ViewQuery>,
    headers: HeaderMap,
) -> Response {
    let mut view = View::new(&state, &query, &headers);
    if let Some(refused) = refused_to_operators(&view, visitor.as_ref()) {
        return refused;
    }
    let as_of = match page_as_of(&state, query.as_of.as_deref()).await {
        Ok((d, why)) => {
            view.as_of_why = why;
            d
        }
        Err(ApiError::BadRequest(m)) => return view.error(StatusCode::BAD_REQUEST, &m),
        Err(e) => return e.into_response(),
    };
    let decided = match state.overview(as_of).await {
        Ok(decided) => decided,
        Err(OverviewError::Busy) => {
            let busy = view.error(StatusCode::SERVICE_UNAVAILABLE, &view.l10n.text("dash-busy"));
            return ([(RETRY_AFTER, "5")], busy).into_response();
        }
        Err(OverviewError::Engine(e)) => return view.error(StatusCode::BAD_REQUEST, &e.to_string()),
    };
    let (per_level, partners, scored) = match &*decided {
        Decided::Levels(ev) => {
            (ev.partners_per_level(state.program), ev.partners.iter().map(Row::of_decision).collect::<Vec<_>>(), false)
        }
        Decided::Metrics(ev) => {
            let version = state.program.version(&ev.version);
            let scored = version.is_some_and(|v| v.metrics.iter().any(|m| m.points.is_some()));
            (ev.partners_per_level(state.program), ev.partners.iter().map(Row::of_metric_decision).collect(), scored)
        }
    };
    let cx = view.cx();
    let l = view.l10n;
    let mut body = format!("<h1>{}</h1>", view.t("dash-overview"));
    let search = query.q.as_deref().unwrap_or("").trim().to_owned();
    let hidden = format!("<input type=\"hidden\" name=\"q\" value=\"{}\">", esc(&search));
    body.push_str(&view.controls(as_of, &hidden));

    let _ = write!(
        body,
        "<p><a href=\"/admin/what-if?as_of={as_of}&amp;lang={}\">{}</a></p>",
        view.lang,
        view.t("dash-whatif-link")
    );
    let _ = write!(body, "<h2>{}</h2><div class=\"tiles\">", view.t("dash-per-level"));
    for (level, count) in per_level {
        let badge = match &*decided {
            Decided::Levels(_) => {
                format!("<span class=\"badge {}\">{}</span>", level_class(level), esc(&cx.level(level)))
            }
            Decided::Metrics(_) => metrics::badge(&view, level),
        };
        let _ = write!(body, "<div class=\"tile\">{badge}<b>{}</b></div>", l.integer(count as i128));
    }
    body.push_str("</div>");

    let link = |id: &str| format!("/partners/{}?as_of={as_of}&amp;lang={}", url_component(id), view.lang);
    let mut headers = vec![
        (l.text("dash-partner"), false),
        (l.text("dash-name"), false),
        (l.text("dash-country"), false),
        (l.text("dash-level"), false),
    ];
    // A scored program's lines carry the score; the others' are as they always were.
    if scored {
        headers.push((l.text("dash-score"), true));
    }
    headers.push((l.text("dash-drops-on-date"), false));
    let table = |rows: &[&Row<'_>]| {
        let mut table = Table::new(headers.iter().map(|(h, numeric)| (h, *numeric)));
        for d in rows {
            let mut cells = vec![
                format!("<a href=\"{}\">{}</a>", link(d.partner_id), esc(d.partner_id)),
                esc(d.name),
                esc(d.country),
                esc(&cx.level(d.level)),
            ];
            if scored {
                cells.push(d.score.map(|s| l.integer(i128::from(s))).unwrap_or_default());
            }
            cells.push(d.drops_on.map(|date| esc(&l.date(date))).unwrap_or_default());
            table.row(cells.iter().map(|cell| (cell.as_str(), "")));
        }
        table.finish()
    };

    let horizon = as_of.saturating_add(90.days());
    let mut dropping: Vec<_> = partners.iter().filter(|d| d.drops_on.is_some_and(|date| date <= horizon)).collect();
    dropping.sort_by(|a, b| a.drops_on.cmp(&b.drops_on).then(a.partner_id.cmp(b.partner_id)));
    let _ = write!(body, "<h2>{}</h2>", view.t("dash-dropping"));
    if dropping.is_empty() {
        let _ = write!(body, "<p class=\"muted\">{}</p>", view.t("dash-none-dropping"));
    } else {
        body.push_str(&table(&dropping));
    }

    let _ = write!(
        body,
        "<h2>{}</h2><form class=\"inline\" method=\"get\"><input type=\"hidden\" name=\"as_of\" value=\"{as_of}\">\
         <input type=\"hidden\" name=\"lang\" value=\"{}\"><label>{}<input type=\"search\" name=\"q\" value=\"{}\"></label>\
         <button type=\"submit\">{}</button></form>",
        view.t("dash-search"),
        view.lang,
        view.t("dash-search"),
        esc(&search),
        view.t("dash-search-submit")
    );
    let needle = search.to_lowercase();
    let found: Vec<_> = partners
        .iter()
        .filter(|d| {
            needle.is_empty()
                || d.partner_id.to_lowercase().contains(&needle)
                || d.name.to_lowercase().contains(&needle)
                || d.country.to_lowercase() == needle
        })
        .collect();
    const SHOWN: usize = 200;
    let _ = write!(body, "<p class=\"muted\">{}</p>", view.m("dash-results", &[("count", Count(found.len() as i64))]));
    body.push_str(&table(&found[..found.len().min(SHOWN)]));
    let title = view.l10n.text("dash-overview");
    ([(CACHE_CONTROL, "private, no-store")], view.page(&title, true, &body)).into_response()
}

/// A partner's line on the overview, in either form of program.
struct Row<'a> {
    partner_id: &'a str,
    name: &'a str,
    country: &'a str,
    level: &'a str,
    drops_on: Option<Date>,
    score: Option<i64>,
}

impl<'a> Row<'a> {
    fn of_decision(d: &'a attain_engine::Decision) -> Row<'a> {
        Row {
            partner_id: &d.partner_id,
            name: &d.name,
            country: &d.country,
            level: &d.level,
            drops_on: d.drops_on,
            score: None,
        }
    }

    fn of_metric_decision(d: &'a attain_engine::MetricDecision) -> Row<'a> {
        Row {
            partner_id: &d.partner_id,
            name: &d.name,
            country: &d.country,
            level: &d.level,
            drops_on: d.drops_on,
            score: d.score,
        }
    }
}
