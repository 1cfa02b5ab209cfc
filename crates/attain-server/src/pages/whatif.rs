//! `/admin/what-if`: an operator uploads a draft (or picks one of the rules' drafts) and sees what
//! it would do to every partner: the summary, a chart of partners per level before and after,
//! markets, countries, the partners who change and why; and downloads the CSV of those partners.

use std::fmt::Write;

use attain_engine::{Impact, Tally};
use attain_i18n::Arg::{Count, Text};
use attain_rules::{Program, Version};
use axum::extract::{Multipart, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use super::{page_as_of, refused_to_operators, View, ViewQuery};
use crate::api::{self, ApiError};
use crate::auth::{same_origin, Visitor};
use crate::html::{esc, Table};
use crate::{Decider, Shared};

/// Changed partners listed on the page; the CSV holds them all.
const LISTED: usize = 200;

/// What the form sends: a draft as a file or as text, or the id of a draft in the rules.
#[derive(Default, Deserialize)]
pub(crate) struct WhatIfForm {
    draft_text: Option<String>,
    draft_id: Option<String>,
    as_of: Option<String>,
    lang: Option<String>,
}

impl WhatIfForm {
    async fn read(mut multipart: Multipart) -> Result<WhatIfForm, String> {
        let mut form = WhatIfForm::default();
        while let Some(field) = multipart.next_field().await.map_err(|e| e.body_text())? {
            let name = field.name().unwrap_or_default().to_owned();
            let text = field.text().await.map_err(|e| e.body_text())?;
            match name.as_str() {
                // A file chosen wins over the text area.
                "draft_file" if !text.trim().is_empty() => form.draft_text = Some(text),
                "draft_text" if form.draft_text.is_none() => form.draft_text = Some(text),
                "draft_id" => form.draft_id = Some(text),
                "as_of" => form.as_of = Some(text),
                "lang" => form.lang = Some(text),
                _ => {}
            }
        }
        Ok(form)
    }

    fn query(&self) -> ViewQuery {
        ViewQuery { as_of: self.as_of.clone(), lang: self.lang.clone(), ..ViewQuery::default() }
    }

    /// The draft the form names, validated against the rules.
    fn draft(&self, state: &Shared) -> Result<std::borrow::Cow<'static, Version>, String> {
        let program: &'static Program = state.program;
        if let Some(text) = self.draft_text.as_deref().filter(|t| !t.trim().is_empty()) {
            let (id, version) = state.rules.draft("draft.toml", text).map_err(|e| e.to_string())?;
            if id != program.id {
                return Err(format!("the draft is of program {id}; this service decides {}", program.id));
            }
            return Ok(std::borrow::Cow::Owned(version));
        }
        match self.draft_id.as_deref().filter(|id| !id.is_empty()) {
            Some(id) => program.draft(id).map(std::borrow::Cow::Borrowed).ok_or_else(|| format!("no draft {id:?}")),
            None => Err(state.localizer(self.lang.as_deref().unwrap_or("en-US")).text("dash-whatif-no-draft")),
        }
    }
}

/// The form alone.
pub(crate) async fn form_page(
    State(state): State<Shared>,
    Visitor(visitor): Visitor,
    Query(query): Query<ViewQuery>,
    headers: HeaderMap,
) -> Response {
    let view = View::new(&state, &query, &headers);
    if let Some(refused) = refused_to_operators(&view, visitor.as_ref()) {
        return refused;
    }
    let as_of = match page_as_of(&state, query.as_of.as_deref()).await {
        Ok((d, _)) => d,
        Err(ApiError::BadRequest(m)) => return view.error(StatusCode::BAD_REQUEST, &m),
        Err(e) => return e.into_response(),
    };
    let body = form(&view, &as_of.to_string(), &WhatIfForm::default(), None);
    ([(CACHE_CONTROL, "private, no-store")], view.page(&view.l10n.text("dash-whatif"), true, &body)).into_response()
}

/// The impact of the draft sent, with the form again above it.
pub(crate) async fn result_page(
    State(state): State<Shared>,
    Visitor(visitor): Visitor,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    if let Err(refused) = same_origin(&headers) {
        return refused.into_response();
    }
    let form_sent = match WhatIfForm::read(multipart).await {
        Ok(form) => form,
        Err(why) => return ApiError::BadRequest(why).into_response(),
    };
    let view = View::new(&state, &form_sent.query(), &headers);
    if let Some(refused) = refused_to_operators(&view, visitor.as_ref()) {
        return refused;
    }
    let (status, body) = match impact(&state, &form_sent).await {
        Ok((impact, what_if)) => {
            let as_of = impact.as_of.to_string();
            (StatusCode::OK, form(&view, &as_of, &form_sent, None) + &report(&view, &form_sent, &impact, &what_if))
        }
        Err(Refusal::Draft(why)) => {
            let as_of = form_sent.as_of.clone().unwrap_or_default();
            (StatusCode::UNPROCESSABLE_ENTITY, form(&view, &as_of, &form_sent, Some(&why)))
        }
        Err(Refusal::Api(e)) => return e.into_response(),
    };
    (status, [(CACHE_CONTROL, "private, no-store")], view.page(&view.l10n.text("dash-whatif"), true, &body))
        .into_response()
}

/// The partners who change, as CSV: the same draft and date, sent again by the page's button.
pub(crate) async fn csv(
    State(state): State<Shared>,
    Visitor(visitor): Visitor,
    headers: HeaderMap,
    Form(form_sent): Form<WhatIfForm>,
) -> Response {
    if let Err(refused) = same_origin(&headers) {
        return refused.into_response();
    }
    match visitor {
        Some(v) if v.is_admin() => {}
        Some(_) => return ApiError::Forbidden("operators only").into_response(),
        None => return ApiError::Unauthorized.into_response(),
    }
    match impact(&state, &form_sent).await {
        Ok((impact, _)) => {
            let name = format!("attachment; filename=\"{}-{}-{}.csv\"", impact.program, impact.draft, impact.as_of);
            let name = name.replace(|c: char| !c.is_ascii_graphic() && c != ' ', "_");
            (
                [(CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (CONTENT_DISPOSITION, name)],
                attain_report::impact_csv(&impact),
            )
                .into_response()
        }
        Err(Refusal::Draft(why)) => ApiError::BadRequest(why).into_response(),
        Err(Refusal::Api(e)) => e.into_response(),
    }
}

enum Refusal {
    /// The draft or its date: the operator's to mend, shown on the form.
    Draft(String),
    Api(ApiError),
}

/// Every partner decided under the version in force and under the draft, on the blocking pool
/// (two decisions of the whole program), one at a time with the other whole-program work.
async fn impact(state: &Shared, form: &WhatIfForm) -> Result<(Impact, Program), Refusal> {
    let draft = form.draft(state).map_err(Refusal::Draft)?;
    let as_of = match form.as_of.as_deref().filter(|d| !d.is_empty()) {
        Some(text) => api::as_of(Some(text)).map_err(|e| match e {
            ApiError::BadRequest(why) => Refusal::Draft(why),
            e => Refusal::Api(e),
        })?,
        None => state.default_as_of().await.map_err(|e| Refusal::Api(e.into()))?.0,
    };
    let what_if = state.program.with_draft(&draft, draft.effective.min(as_of));
    let draft_id = draft.id.clone();
    let loaded = state.loaded();
    let _permit = state.whole_program.acquire().await.expect("never closed");
    let decided = tokio::task::spawn_blocking(move || {
        let impact = match &loaded.engine {
            Decider::Levels(engine) => engine.impact(&what_if, &draft_id, as_of),
            Decider::Metrics(engine) => engine.impact(&what_if, &draft_id, as_of),
        };
        impact.map(|impact| (impact, what_if))
    })
    .await
    .map_err(|e| Refusal::Api(ApiError::Internal(e.to_string())))?;
    decided.map_err(|e| match e {
        attain_engine::EngineError::NoVersionInForce { .. } => Refusal::Draft(e.to_string()),
        e => Refusal::Api(api::engine_error(e)),
    })
}

fn form(view: &View<'_>, as_of: &str, sent: &WhatIfForm, problem: Option<&str>) -> String {
    let program = view.state.program;
    let drafts: String = program
        .drafts
        .iter()
        .map(|d| {
            let selected = if sent.draft_id.as_deref() == Some(d.id.as_str()) { " selected" } else { "" };
            format!("<option value=\"{0}\"{selected}>{0}</option>", esc(&d.id))
        })
        .collect();
    let mut out = format!("<h1>{}</h1><p class=\"muted\">{}</p>", view.t("dash-whatif"), view.t("dash-whatif-help"));
    if let Some(problem) = problem {
        let _ = write!(out, "<pre class=\"alert\" role=\"alert\">{}</pre>", esc(problem));
    }
    let _ = write!(
        out,
        "<form class=\"whatif\" method=\"post\" action=\"/admin/what-if\" enctype=\"multipart/form-data\">\
         <input type=\"hidden\" name=\"lang\" value=\"{lang}\">\
         <label>{file}<input type=\"file\" name=\"draft_file\" accept=\".toml,text/plain\"></label>\
         <label>{text}<textarea name=\"draft_text\" rows=\"8\" spellcheck=\"false\">{draft}</textarea></label>",
        lang = view.lang,
        file = view.t("dash-whatif-file"),
        text = view.t("dash-whatif-text"),
        draft = esc(sent.draft_text.as_deref().unwrap_or_default()),
    );
    if !drafts.is_empty() {
        let _ = write!(
            out,
            "<label>{}<select name=\"draft_id\"><option value=\"\"></option>{drafts}</select></label>",
            view.t("dash-whatif-rules-draft")
        );
    }
    let _ = write!(
        out,
        "<label>{}<input type=\"date\" name=\"as_of\" value=\"{}\"></label><button type=\"submit\">{}</button></form>",
        view.t("dash-as-of"),
        esc(as_of),
        view.t("dash-whatif-submit"),
    );
    out
}

fn report(view: &View<'_>, sent: &WhatIfForm, impact: &Impact, what_if: &Program) -> String {
    let cx = view.cx();
    let l = view.l10n;
    let n = |v: usize| l.integer(v as i128);
    let mut out = format!(
        "<h2 id=\"impact\">{}</h2><p>{}</p>",
        view.m(
            "compare-title",
            &[
                ("program", Text(&cx.program_text(attain_rules::ProgramText::Name))),
                ("version", Text(&impact.version)),
                ("draft", Text(&impact.draft)),
                ("date", Text(&l.date(impact.as_of))),
            ],
        ),
        view.m(
            "compare-summary",
            &[
                ("partners", Count(impact.partners as i64)),
                ("gained", Text(&n(impact.gained))),
                ("lost", Text(&n(impact.lost))),
                ("unchanged", Text(&n(impact.unchanged))),
            ],
        ),
    );
    // The CSV is made again from the same draft and date: nothing is kept between requests.
    let _ = write!(
        out,
        "<form method=\"post\" action=\"/admin/what-if.csv\"><textarea name=\"draft_text\" hidden>{}</textarea>\
         <input type=\"hidden\" name=\"draft_id\" value=\"{}\"><input type=\"hidden\" name=\"as_of\" value=\"{}\">\
         <button type=\"submit\">{}</button></form>",
        esc(sent.draft_text.as_deref().unwrap_or_default()),
        esc(sent.draft_id.as_deref().unwrap_or_default()),
        impact.as_of,
        view.t("dash-whatif-csv"),
    );
    let _ = write!(out, "<h3>{}</h3>", view.t("dash-whatif-chart"));
    out.push_str(&levels_chart(view, impact));
    let mut transitions = Table::new([
        (l.text("compare-col-before"), false),
        (l.text("compare-col-after"), false),
        (l.text("compare-col-partners"), true),
    ]);
    for t in &impact.transitions {
        transitions.row([
            (esc(&cx.level(&t.before)).as_str(), ""),
            (&esc(&cx.level(&t.after)), ""),
            (&n(t.partners), ""),
        ]);
    }
    out.push_str(&transitions.finish());
    let tallies = |title: &str, label: &dyn Fn(&Tally) -> String, rows: &[Tally]| {
        let mut table = Table::new([
            (l.text(title), false),
            (l.text("compare-col-gained"), true),
            (l.text("compare-col-lost"), true),
            (l.text("compare-col-unchanged"), true),
        ]);
        for t in rows {
            let lost_class = if t.lost > 0 { "bad" } else { "" };
            let gained_class = if t.gained > 0 { "ok" } else { "" };
            table.row([
                (esc(&label(t)).as_str(), ""),
                (&n(t.gained), gained_class),
                (&n(t.lost), lost_class),
                (&n(t.unchanged), ""),
            ]);
        }
        table.finish()
    };
    if !impact.markets.is_empty() {
        let market = |t: &Tally| cx.market_group(t);
        let _ = write!(
            out,
            "<h3>{}</h3>{}",
            view.t("compare-col-market"),
            tallies("compare-col-market", &market, &impact.markets)
        );
    }
    let _ = write!(
        out,
        "<h3>{}</h3>{}",
        view.t("compare-col-country"),
        tallies("compare-col-country", &|t: &Tally| t.group.clone(), &impact.countries)
    );
    let _ = write!(out, "<h2>{}</h2>", view.t("compare-changed"));
    if impact.changed.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", view.t("compare-changed-none"));
    } else {
        let mut table = Table::new([
            (l.text("table-partner"), false),
            (l.text("table-name"), false),
            (l.text("compare-col-levels"), false),
            (l.text("compare-col-why"), false),
        ]);
        for c in impact.changed.iter().take(LISTED) {
            let link = format!("<a href=\"/partners/{0}?as_of={1}\">{0}</a>", esc(&c.partner_id), impact.as_of);
            let levels = format!("{} → {}", cx.level(&c.before), cx.level(&c.after));
            table.row([
                (link.as_str(), ""),
                (&esc(&c.name), ""),
                (&esc(&levels), "bad"),
                (&esc(&cx.change_reasons(what_if, c)), ""),
            ]);
        }
        out.push_str(&table.finish());
        if impact.changed.len() > LISTED {
            let _ = write!(
                out,
                "<p class=\"muted\">{}</p>",
                view.m("dash-whatif-more", &[("count", Count((impact.changed.len() - LISTED) as i64))])
            );
        }
    }
    out
}

/// Partners per level, in force and under the draft, as paired horizontal bars (HTML, so that
/// its type keeps its size on a phone).
fn levels_chart(view: &View<'_>, impact: &Impact) -> String {
    let cx = view.cx();
    let program = view.state.program;
    let ids: Vec<&str> = program.levels.iter().rev().map(|l| l.id.as_str()).chain([program.level_id(None)]).collect();
    let count = |pick: &dyn Fn(&attain_engine::Transition) -> &str, id: &str| -> usize {
        impact.transitions.iter().filter(|t| pick(t) == id).map(|t| t.partners).sum()
    };
    let most = impact.partners.max(1);
    let mut out = format!(
        "<figure class=\"shift\" role=\"img\" aria-label=\"{}\"><div class=\"pairs\">",
        view.t("dash-whatif-chart")
    );
    for id in ids {
        let _ = write!(out, "<div class=\"pair\"><span class=\"label\">{}</span>", esc(&cx.level(id)));
        for (value, class) in [(count(&|t| &t.before, id), "in-force"), (count(&|t| &t.after, id), "draft")] {
            let per_mille = value * 1000 / most;
            let _ = write!(
                out,
                "<span class=\"track\"><span class=\"fill {class}\" style=\"width:{}.{}%\"></span></span>\
                 <span class=\"count\">{}</span>",
                per_mille / 10,
                per_mille % 10,
                view.l10n.integer(value as i128)
            );
        }
        out.push_str("</div>");
    }
    let _ = write!(
        out,
        "</div><ul class=\"legend\"><li><span class=\"key in-force\"></span>{}</li>\
         <li><span class=\"key draft\"></span>{}</li></ul></figure>",
        view.t("dash-whatif-in-force"),
        view.t("dash-whatif-under-draft")
    );
    out
}
