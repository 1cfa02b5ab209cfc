//! Every endpoint and the isolation rules, against a real store: SQLite always, PostgreSQL too
//! when `ATTAIN_TEST_DATABASE_URL` is set (CI sets it).

use std::io::Write;
use std::path::Path;

use attain_engine::{Engine, MetricEngine};
use attain_rules::{Program, Rules};
use attain_server::{Service, Settings};
use attain_store::{Batch, Role, Scratch, Store};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use serde_json::Value;
use tower::ServiceExt;

fn example() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/contoso"))
}

fn rules() -> (&'static Rules, &'static Program) {
    let rules: &'static Rules = Box::leak(Box::new(Rules::embedded().unwrap()));
    (rules, &rules.programs[0])
}

struct App {
    router: Router,
    store: Store,
    admin: String,
    p001: String,
    /// Removes the test's store when the test ends (dropped last).
    _scratch: Scratch,
}

async fn app_with(name: &str, settings: Settings) -> App {
    let scratch = attain_store::scratch_location(name).await;
    let store = Store::open(&scratch).await.unwrap();
    let batch = Batch::read(&attain_input::DirSource(example())).unwrap();
    store.import(&batch, "test", &|_| {}).await.unwrap();
    let (rules, program) = rules();
    let engine = Engine::new(rules, program, store.facts().await.unwrap()).unwrap();
    for as_of in ["2017-12-31", "2018-03-31", "2018-06-30"] {
        store
            .save_snapshot(&engine.evaluate(as_of.parse().unwrap(), &[]).unwrap(), store.latest_import().await.unwrap())
            .await
            .unwrap();
    }
    let admin = store.create_token(Role::Admin, "ops").await.unwrap().secret;
    let p001 = store.create_token(Role::Partner("P001".into()), "P001").await.unwrap().secret;
    let router = Service::new(store.clone(), rules, program, settings).await.unwrap().router();
    App { router, store, admin, p001, _scratch: scratch }
}

async fn app(name: &str) -> App {
    app_with(name, Settings::default()).await
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }
}

async fn send(app: &App, request: Request<Body>) -> Reply {
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap().to_vec();
    Reply { status, headers, body }
}

async fn get(app: &App, uri: &str, token: Option<&str>) -> Reply {
    let mut request = Request::get(uri);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn health_and_the_openapi_document_need_no_token() {
    let app = app("health").await;
    let health = get(&app, "/healthz", None).await;
    assert_eq!(health.status, StatusCode::OK);
    assert_eq!(health.json(), serde_json::json!({"status": "ok", "import_id": 1}), "nothing about partners");
    let doc = get(&app, "/api/openapi.json", None).await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/healthz",
        "/api/openapi.json",
        "/api/v1/partners",
        "/api/v1/partners/{id}/evaluation",
        "/api/v1/partners/{id}/history",
        "/api/v1/imports",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
    for schema in ["Decision", "LevelStatus", "History", "ImportRecord", "ErrorBody", "EvaluationResponse", "Usd"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "schema {schema}");
    }
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
}

#[tokio::test]
async fn no_token_or_a_wrong_one_is_401() {
    let app = app("unauthorized").await;
    for uri in
        ["/api/v1/partners", "/api/v1/partners/P001/evaluation", "/api/v1/partners/P001/history", "/api/v1/imports"]
    {
        for token in [None, Some("attain_0123"), Some("not-even-a-token")] {
            let reply = get(&app, uri, token).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{uri} {token:?}");
            // No token is told one is needed; a wrong one is told it is not valid (RFC 6750).
            let (challenge, says) = match token {
                None => ("Bearer", "a bearer token is required"),
                Some(_) => ("Bearer error=\"invalid_token\"", "the bearer token is not valid"),
            };
            assert_eq!(reply.headers[header::WWW_AUTHENTICATE], challenge);
            let error = reply.json()["error"].as_str().unwrap().to_owned();
            assert!(error.starts_with(says), "{uri} {token:?}: {error}");
        }
    }
    // A revoked token stops working at once.
    let token = app.store.create_token(Role::Admin, "short-lived").await.unwrap();
    assert_eq!(get(&app, "/api/v1/partners", Some(&token.secret)).await.status, StatusCode::OK);
    app.store.revoke_token(token.record.id).await.unwrap();
    assert_eq!(get(&app, "/api/v1/partners", Some(&token.secret)).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn partners_are_listed_by_who_asks() {
    let app = app("list").await;
    let all = get(&app, "/api/v1/partners", Some(&app.admin)).await.json();
    assert_eq!(all.as_array().unwrap().len(), 12);
    let own = get(&app, "/api/v1/partners", Some(&app.p001)).await.json();
    assert_eq!(own.as_array().unwrap().len(), 1);
    assert_eq!(own[0]["partner_id"], "P001");
}

#[tokio::test]
async fn the_evaluation_is_the_engines_decision_with_its_explanation() {
    let app = app("evaluation").await;
    let (rules, program) = rules();
    let facts = attain_input::read_dir(example()).unwrap();
    let expected = Engine::new(rules, program, facts).unwrap().evaluate("2018-06-30".parse().unwrap(), &[]).unwrap();
    for decision in &expected.partners {
        let uri = format!("/api/v1/partners/{}/evaluation?as_of=2018-06-30", decision.partner_id);
        let reply = get(&app, &uri, Some(&app.admin)).await;
        assert_eq!(reply.status, StatusCode::OK);
        let body = reply.json();
        assert_eq!(body["partner"], serde_json::to_value(decision).unwrap(), "{}", decision.partner_id);
        assert_eq!(body["as_of"], "2018-06-30");
        assert_eq!(body["window"]["start"], "2017-06-01");
        assert!(body["customers"].is_array() && body["people"].is_array() && body["monthly"].is_array());
        assert!(body["report"].as_str().unwrap().contains(&decision.partner_id));
    }
    // The partner's own token, and the language of the report.
    let own = get(&app, "/api/v1/partners/P001/evaluation?as_of=2018-06-30&lang=fr-FR", Some(&app.p001)).await.json();
    assert_eq!(own["lang"], "fr-FR");
    assert!(own["report"].as_str().unwrap().contains("Exigences"), "{}", own["report"]);
    let request = Request::get("/api/v1/partners/P001/evaluation?as_of=2018-06-30")
        .header(header::AUTHORIZATION, format!("Bearer {}", app.p001))
        .header(header::ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.5")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.json()["lang"], "ko-KR");
    // Bad dates are the caller's mistake.
    let bad = get(&app, "/api/v1/partners/P001/evaluation?as_of=2018-02-30", Some(&app.admin)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["error"].as_str().unwrap().contains("as_of"));
    let early = get(&app, "/api/v1/partners/P001/evaluation?as_of=2017-01-01", Some(&app.admin)).await;
    assert_eq!(early.status, StatusCode::BAD_REQUEST);
    // The end of the calendar is refused, not looped on.
    for far in ["9999-12-31", "0001-01-01"] {
        let uri = format!("/api/v1/partners/P001/evaluation?as_of={far}");
        assert_eq!(get(&app, &uri, Some(&app.p001)).await.status, StatusCode::BAD_REQUEST, "{far}");
    }
}

#[tokio::test]
async fn a_partner_token_never_learns_whether_another_partner_exists() {
    let app = app("isolation").await;
    for what in ["evaluation?as_of=2018-06-30", "history", "plan?target=gold&as_of=2018-06-30"] {
        let other = get(&app, &format!("/api/v1/partners/P002/{what}"), Some(&app.p001)).await;
        let nobody = get(&app, &format!("/api/v1/partners/NOBODY/{what}"), Some(&app.p001)).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        assert_eq!(other.body, nobody.body, "the same answer for another partner and for no partner");
        assert_eq!(
            get(&app, &format!("/api/v1/partners/NOBODY/{what}"), Some(&app.admin)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(get(&app, &format!("/api/v1/partners/P001/{what}"), Some(&app.p001)).await.status, StatusCode::OK);
    }
    // The dashboard follows the same rule.
    assert_eq!(get(&app, "/partners/P002?as_of=2018-06-30", Some(&app.p001)).await.status, StatusCode::NOT_FOUND);
    // The operators' page says what it is to a partner, rather than that a partner is missing.
    let admin = get(&app, "/admin", Some(&app.p001)).await;
    assert_eq!(admin.status, StatusCode::FORBIDDEN);
    assert!(admin.text().contains("This page is for operators"), "{}", admin.text());
    // Imports are for admins.
    let upload = Request::post("/api/v1/imports")
        .header(header::AUTHORIZATION, format!("Bearer {}", app.p001))
        .header(header::CONTENT_TYPE, "application/zip")
        .body(Body::from(zip_of(&[("partners.csv", "partner_id,name,country\n")])))
        .unwrap();
    assert_eq!(send(&app, upload).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, "/api/v1/imports", Some(&app.p001)).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_plan_is_the_engines_with_its_report_and_is_shown_on_the_dashboard() {
    let app = app("plan").await;
    let (rules, program) = rules();
    let facts = attain_input::read_dir(example()).unwrap();
    let engine = Engine::new(rules, program, facts).unwrap();
    let (as_of, by) = ("2018-06-30".parse().unwrap(), "2018-09-30".parse().unwrap());
    let expected = engine.plan("P002", attain_rules::LevelIdx(1), as_of, by).unwrap();
    let uri = "/api/v1/partners/P002/plan?target=gold&as_of=2018-06-30&by=2018-09-30&lang=de-DE";
    let reply = get(&app, uri, Some(&app.admin)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["plan"], serde_json::to_value(&expected).unwrap());
    assert_eq!(body["lang"], "de-DE");
    assert!(body["report"].as_str().unwrap().contains("C-ELBE"), "{}", body["report"]);
    // The caller's mistakes.
    for (uri, says) in [
        ("/api/v1/partners/P002/plan?target=platinum", "no level \"platinum\""),
        ("/api/v1/partners/P002/plan?target=gold&as_of=2018-06-30&by=2018-05-31", "before as_of"),
        ("/api/v1/partners/P002/plan?target=gold&by=2018-13-01", "by:"),
    ] {
        let reply = get(&app, uri, Some(&app.admin)).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(reply.json()["error"].as_str().unwrap().contains(says), "{uri}: {}", reply.text());
    }
    // The partner page shows the plan for the level chosen, by the day chosen.
    let page = get(&app, "/partners/P001?as_of=2018-06-30&target=gold&by=2018-12-31", Some(&app.p001)).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("<h2 id=\"plan\">Plan</h2>"), "{html}");
    assert!(html.contains("<option value=\"gold\" selected>Gold</option>"));
    assert!(html.contains("Plan for Contoso Cloud Solutions (P001) to hold Gold on December 31, 2018"), "{html}");
}

/// A multipart form of text fields, as a browser sends the what-if form.
fn multipart(fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "----attain-test-boundary";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body.into_bytes())
}

async fn post_form(app: &App, uri: &str, token: &str, content_type: &str, body: Vec<u8>) -> Reply {
    let request = Request::post(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    send(app, request).await
}

#[tokio::test]
async fn the_what_if_page_weighs_a_draft_for_operators_only() {
    let app = app("whatif").await;
    let draft =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/drafts/gold-150k.toml")).unwrap();
    let form = get(&app, "/admin/what-if?as_of=2018-06-30", Some(&app.admin)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("enctype=\"multipart/form-data\""));
    // The engine's own comparison, on the page.
    let (rules, program) = rules();
    let engine = Engine::new(rules, program, attain_input::read_dir(example()).unwrap()).unwrap();
    let (_, version) = rules.draft("d.toml", &draft).unwrap();
    let as_of = "2018-06-30".parse().unwrap();
    let expected = engine.impact(&program.with_draft(&version, as_of), "gold-150k", as_of).unwrap();
    assert_eq!(expected.lost, 2);
    let (content_type, body) = multipart(&[("draft_text", &draft), ("as_of", "2018-06-30"), ("lang", "en-US")]);
    let page = post_form(&app, "/admin/what-if", &app.admin, &content_type, body).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.text();
    assert!(html.contains("12 partners: 0 gain a level, 2 lose one, 10 unchanged"), "{html}");
    for changed in &expected.changed {
        assert!(html.contains(&format!("/partners/{}?as_of=2018-06-30", changed.partner_id)));
    }
    // The CSV of the partners who change: the CLI's.
    let csv = post_form(
        &app,
        "/admin/what-if.csv",
        &app.admin,
        "application/x-www-form-urlencoded",
        format!("draft_text={}&as_of=2018-06-30", form_encoded(&draft)).into_bytes(),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(csv.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("cloud-platform-gold-150k-2018-06-30.csv"));
    assert_eq!(csv.text(), attain_report::impact_csv(&expected));
    // The same draft as an uploaded file (what the form's file field sends) weighs alike.
    let boundary = "----attain-test-file";
    let upload = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"draft_file\"; filename=\"gold-150k.toml\"\r\n\
         Content-Type: application/toml\r\n\r\n{draft}\r\n--{boundary}\r\nContent-Disposition: form-data; \
         name=\"draft_text\"\r\n\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"as_of\"\r\n\r\n\
         2018-06-30\r\n--{boundary}--\r\n"
    );
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let page = post_form(&app, "/admin/what-if", &app.admin, &content_type, upload.into_bytes()).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert!(page.text().contains("12 partners: 0 gain a level, 2 lose one, 10 unchanged"));
    // A draft with a mistake: the form again, with the place of the mistake.
    let (content_type, body) =
        multipart(&[("draft_text", &draft.replace("150000, emerging", "\"lots\", emerging")), ("as_of", "2018-06-30")]);
    let refused = post_form(&app, "/admin/what-if", &app.admin, &content_type, body).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("draft.toml:24:31"), "{}", refused.text());
    // Partners may not weigh drafts.
    assert_eq!(get(&app, "/admin/what-if", Some(&app.p001)).await.status, StatusCode::FORBIDDEN);
    let (content_type, body) = multipart(&[("draft_text", &draft)]);
    assert_eq!(post_form(&app, "/admin/what-if", &app.p001, &content_type, body).await.status, StatusCode::FORBIDDEN);
}

/// `application/x-www-form-urlencoded` text.
fn form_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn history_shows_attained_and_lost_levels() {
    let app = app("history").await;
    let history = get(&app, "/api/v1/partners/P001/history", Some(&app.p001)).await.json();
    assert_eq!(history["partner_id"], "P001");
    assert_eq!(history["snapshots"].as_array().unwrap().len(), 3);
    let changes: Vec<String> = history["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!("{} {} {}", c["kind"].as_str().unwrap(), c["level"].as_str().unwrap(), c["as_of"].as_str().unwrap())
        })
        .collect();
    assert_eq!(changes, ["attained silver 2017-12-31", "attained gold 2018-03-31"]);
}

fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, text) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn example_files() -> Vec<(String, String)> {
    attain_input::FILE_NAMES
        .iter()
        .filter_map(|n| Some((format!("contoso/{n}"), std::fs::read_to_string(example().join(n)).ok()?)))
        .collect()
}

fn new_partner_files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("partners.csv", "partner_id,name,country\nP900,Newcomer Ltd,KE\n"),
        ("associations.csv", "partner_id,customer_id,kind,start\nP900,C900,DPOR,2017-01-01\n"),
        ("consumption.csv", "customer_id,date,amount,currency\nC900,2018-01-15,5000.00,USD\n"),
        ("people.csv", "person_id,partner_id,name\nX1,P900,Ada\n"),
        ("achievements.csv", "person_id,credential,date\nX1,70-535,2018-01-02\n"),
    ]
}

async fn post_import(app: &App, content_type: &str, body: Vec<u8>) -> Reply {
    let request = Request::post("/api/v1/imports")
        .header(header::AUTHORIZATION, format!("Bearer {}", app.admin))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    send(app, request).await
}

#[tokio::test]
async fn an_import_by_zip_is_decided_from_at_once() {
    let app = app("import-zip").await;
    let reply = post_import(&app, "application/zip", zip_of(&new_partner_files())).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let record = reply.json();
    assert_eq!(record["partners"], 1);
    assert_eq!(record["checksum"].as_str().unwrap().len(), 64);
    assert_eq!(get(&app, "/api/v1/partners", Some(&app.admin)).await.json().as_array().unwrap().len(), 13);
    let p900 = get(&app, "/api/v1/partners/P900/evaluation?as_of=2018-06-30", Some(&app.admin)).await.json();
    assert_eq!(p900["partner"]["consumption_usd"], "5000.00");
    assert_eq!(p900["partner"]["market"], "emerging");
    let imports = get(&app, "/api/v1/imports", Some(&app.admin)).await.json();
    assert_eq!(imports.as_array().unwrap().len(), 2);
    assert!(imports[1]["imported_by"].as_str().unwrap().starts_with("token #"));

    // The whole example again, in a folder inside the zip: idempotent.
    let files = example_files();
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let before = app.store.facts().await.unwrap();
    assert_eq!(post_import(&app, "application/zip", zip_of(&files)).await.status, StatusCode::CREATED);
    assert_eq!(app.store.facts().await.unwrap(), before);
}

#[tokio::test]
async fn an_import_by_multipart_is_the_same() {
    let app = app("import-multipart").await;
    let boundary = "attain-test-boundary";
    let mut body = String::new();
    for (name, text) in new_partner_files() {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{text}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    let reply = post_import(&app, &format!("multipart/form-data; boundary={boundary}"), body.into_bytes()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    assert_eq!(get(&app, "/api/v1/partners", Some(&app.admin)).await.json().as_array().unwrap().len(), 13);
}

#[tokio::test]
async fn an_invalid_import_changes_nothing_and_says_where() {
    let app = app("import-invalid").await;
    let before = app.store.facts().await.unwrap();
    let mut files = new_partner_files();
    files[2].1 = "customer_id,date,amount,currency\nC900,2018-01-15,5000.00,USD\nC900,2018-01-16,12.5.0,USD\n";
    let reply = post_import(&app, "application/zip", zip_of(&files)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = reply.json()["problems"].clone();
    assert!(problems[0].as_str().unwrap().starts_with("upload/consumption.csv:3:"), "{problems}");
    assert_eq!(app.store.facts().await.unwrap(), before);
    assert_eq!(app.store.imports().await.unwrap().len(), 1);

    let not_zip = post_import(&app, "application/zip", b"PK but not really".to_vec()).await;
    assert_eq!(not_zip.status, StatusCode::BAD_REQUEST);
    let stray = post_import(&app, "application/zip", zip_of(&[("partner.csv", "x")])).await;
    assert_eq!(stray.status, StatusCode::BAD_REQUEST);
    assert!(stray.json()["error"].as_str().unwrap().contains("partner.csv"));
    let plain = post_import(&app, "text/csv", b"a,b".to_vec()).await;
    assert_eq!(plain.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.store.imports().await.unwrap().len(), 1);
}

#[tokio::test]
async fn request_bodies_are_limited() {
    let app = app_with("limit", Settings { max_import_bytes: 4096, ..Settings::default() }).await;
    let big = "x".repeat(8192);
    let reply = post_import(&app, "application/zip", big.into_bytes()).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Forms carry a token, not megabytes.
    let request = Request::post("/signin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("token={}", "a".repeat(100_000))))
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn the_dashboard_signs_in_with_a_cookie_scripts_cannot_read() {
    let app = app("dashboard").await;
    // Not signed in: to the sign-in page.
    let anonymous = get(&app, "/partners/P001", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.headers[header::LOCATION], "/signin");
    let signin_page = get(&app, "/signin?lang=de-DE", None).await.text();
    assert!(signin_page.contains("lang=\"de-DE\""));
    // A language picker before signing in, the reader's language chosen.
    assert!(
        signin_page.contains("<select name=\"lang\">") && signin_page.contains("<option value=\"de-DE\" selected>")
    );

    let signin = |origin: &'static str, token: String| {
        Request::post("/signin")
            .header(header::HOST, "attain.test")
            .header(header::ORIGIN, origin)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("token={token}&lang=en-US")))
            .unwrap()
    };
    let refused = send(&app, signin("https://evil.example", app.p001.clone())).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.headers.get(header::SET_COOKIE).is_none());
    let wrong = send(&app, signin("http://attain.test", "attain_wrong".into())).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    let ok = send(&app, signin("http://attain.test", app.p001.clone())).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let cookie = ok.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), "{cookie}");
    let session = cookie.split(';').next().unwrap().to_owned();

    let with_cookie =
        |uri: &str| Request::get(uri).header(header::COOKIE, session.clone()).body(Body::empty()).unwrap();
    let home = send(&app, with_cookie("/")).await;
    assert_eq!(home.headers[header::LOCATION], "/partners/P001");
    let page = send(&app, with_cookie("/partners/P001?as_of=2018-06-30&lang=ko-KR")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("<html lang=\"ko-KR\">"));
    assert!(html.contains("class=\"badge gold\""), "P001 is Gold on 2018-06-30");
    assert!(html.contains("<svg") && html.contains("role=\"progressbar\""));
    assert!(html.contains("Adatum") || html.contains("P001"));
    assert_eq!(page.headers[header::CACHE_CONTROL], "private, no-store");
    assert!(page.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("default-src 'none'"));
    assert_eq!(page.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    // With no date asked, the page decides as of the latest snapshot (2018-06-30, as the history
    // below it), not today over data that ended in 2018, and says which date it took.
    let plain = send(&app, with_cookie("/partners/P001?lang=en-US")).await.text();
    assert!(plain.contains("value=\"2018-06-30\"") && plain.contains("(the latest snapshot&#39;s date)"), "{plain}");
    assert!(plain.contains("class=\"badge gold\""), "P001 is Gold on 2018-06-30");
    let chosen = send(&app, with_cookie("/partners/P001?as_of=2018-03-31&lang=en-US")).await.text();
    assert!(chosen.contains("value=\"2018-03-31\"") && !chosen.contains("latest snapshot"));
    // The cookie reaches pages, never the API.
    let api = send(&app, with_cookie("/api/v1/partners")).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);

    // Signing out clears the cookie.
    let out = Request::post("/signout").header(header::COOKIE, session.clone()).body(Body::empty()).unwrap();
    let out = send(&app, out).await;
    assert!(out.headers[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
}

#[tokio::test]
async fn the_admin_overview_counts_searches_and_warns() {
    let app = app("admin").await;
    let page = get(&app, "/admin?as_of=2018-06-30&q=p00", Some(&app.admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("/partners/P001?as_of=2018-06-30"));
    assert!(html.contains("9 partners"), "P001..P009 match p00");
    let nothing = get(&app, "/admin?as_of=2018-06-30&q=zzz", Some(&app.admin)).await.text();
    assert!(nothing.contains("0 partners"));
    // Markup in the search box comes back as text.
    let hostile = get(&app, "/admin?as_of=2018-06-30&q=%3Cscript%3E", Some(&app.admin)).await.text();
    assert!(!hostile.contains("<script>") && hostile.contains("&lt;script&gt;"));
    // Without a date, the overview is of the latest snapshot's, and says so.
    let plain = get(&app, "/admin?lang=en-US", Some(&app.admin)).await.text();
    assert!(plain.contains("/partners/P001?as_of=2018-06-30") && plain.contains("latest snapshot"), "{plain}");
}

// A program that declares metrics (SPEC section 6), served from examples/fabrikam-2024.

const METRIC_PROGRAM: &str = "solutions-partner-infrastructure";

fn metric_example() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/fabrikam-2024"))
}

fn metric_rules() -> (&'static Rules, &'static Program) {
    let (rules, _) = rules();
    let program = rules.programs.iter().find(|p| p.id == METRIC_PROGRAM).expect("the program is in the rules");
    assert!(program.by_metrics());
    (rules, program)
}

/// The metric program's service over a store holding the example and three snapshots:
/// F001 is designated on 2024-06-15 and 2024-07-15 and not on 2024-08-15. `app.p001` is F001's
/// token.
async fn metric_app(name: &str) -> App {
    let scratch = attain_store::scratch_location(name).await;
    let store = Store::open(&scratch).await.unwrap();
    let batch = Batch::read(&attain_input::DirSource(metric_example())).unwrap();
    store.import(&batch, "test", &|_| {}).await.unwrap();
    let (rules, program) = metric_rules();
    let engine = MetricEngine::new(rules, program, store.facts().await.unwrap()).unwrap();
    for as_of in ["2024-06-15", "2024-07-15", "2024-08-15"] {
        let evaluation = engine.evaluate(as_of.parse().unwrap(), &[]).unwrap();
        store.save_snapshot(&evaluation, store.latest_import().await.unwrap()).await.unwrap();
    }
    let admin = store.create_token(Role::Admin, "ops").await.unwrap().secret;
    let f001 = store.create_token(Role::Partner("F001".into()), "F001").await.unwrap().secret;
    let router = Service::new(store.clone(), rules, program, Settings::default()).await.unwrap().router();
    App { router, store, admin, p001: f001, _scratch: scratch }
}

#[tokio::test]
async fn a_metric_programs_evaluation_is_its_score_and_points() {
    let app = metric_app("metric-evaluation").await;
    let reply = get(&app, "/api/v1/partners/F001/evaluation?as_of=2024-07-15", Some(&app.p001)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["program"], METRIC_PROGRAM);
    assert_eq!(body["version"], "2023-06-13");
    assert_eq!(body["as_of"], "2024-07-15");
    let partner = &body["partner"];
    assert_eq!(partner["partner_id"], "F001");
    assert_eq!(partner["level"], "designated");
    assert_eq!(partner["score"], 76);
    assert_eq!(
        partner["points"],
        serde_json::json!({
            "net_customer_adds": 30,
            "intermediate_certifications": 12,
            "advanced_certifications": 4,
            "usage_growth": 20,
            "deployments": 10,
        })
    );
    assert_eq!(partner["drops_on"], "2024-08-01");
    // Why: the metrics whose points are lower on that day.
    assert_eq!(body["drop"]["date"], "2024-08-01");
    assert_eq!(body["drop"]["level"], "none");
    let metrics: Vec<&str> =
        body["evidence"].as_array().unwrap().iter().map(|e| e["metric"].as_str().unwrap()).collect();
    assert_eq!(
        metrics,
        ["net_customer_adds", "intermediate_certifications", "advanced_certifications", "usage_growth", "deployments"]
    );
    assert!(body["excluded_rows"].is_array());
    assert!(body.get("customers").is_none() && body.get("monthly").is_none(), "not the threshold form's fields");
    let report = body["report"].as_str().unwrap();
    assert!(report.contains("Fabrikam (F001)") && report.contains("score 76 of 70"), "{report}");

    // Every partner's decision is the engine's, as `attain evaluate --format json` writes it.
    let (rules, program) = metric_rules();
    let facts = attain_input::read_dir(metric_example()).unwrap();
    let expected =
        MetricEngine::new(rules, program, facts).unwrap().evaluate("2024-07-15".parse().unwrap(), &[]).unwrap();
    assert_eq!(expected.partners.len(), 3);
    for decision in &expected.partners {
        let uri = format!("/api/v1/partners/{}/evaluation?as_of=2024-07-15", decision.partner_id);
        let body = get(&app, &uri, Some(&app.admin)).await.json();
        assert_eq!(body["partner"], serde_json::to_value(decision).unwrap(), "{}", decision.partner_id);
    }
    // The report in the language asked for; dates before the only version are the caller's mistake.
    let french =
        get(&app, "/api/v1/partners/F001/evaluation?as_of=2024-07-15&lang=fr-FR", Some(&app.p001)).await.json();
    assert_eq!(french["lang"], "fr-FR");
    assert!(french["report"].as_str().unwrap().contains("Exigences"), "{}", french["report"]);
    let early = get(&app, "/api/v1/partners/F001/evaluation?as_of=2023-01-01", Some(&app.p001)).await;
    assert_eq!(early.status, StatusCode::BAD_REQUEST);
    // A plan of the metric form: its points and each metric's steps.
    let plan =
        get(&app, "/api/v1/partners/N002/plan?target=designated&as_of=2024-07-31&by=2024-10-15", Some(&app.admin))
            .await;
    assert_eq!(plan.status, StatusCode::OK, "{}", plan.text());
    let plan = plan.json();
    assert_eq!(plan["plan"]["score"]["required"], 70);
    assert!(!plan["plan"]["changes"].as_array().unwrap().is_empty());
    assert!(plan["report"].as_str().unwrap().contains("Net customer adds"), "{}", plan["report"]);
    // The partner page of a metric program ends with its plan too.
    let page = get(&app, "/partners/N002?as_of=2024-07-31&target=designated&by=2024-10-15", Some(&app.admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text().contains("<h2 id=\"plan\">Plan</h2>") && page.text().contains("Net customer adds"),
        "{}",
        page.text()
    );
}

#[tokio::test]
async fn a_metric_programs_partners_history_and_isolation() {
    let app = metric_app("metric-books").await;
    let all = get(&app, "/api/v1/partners", Some(&app.admin)).await.json();
    let ids: Vec<&str> = all.as_array().unwrap().iter().map(|p| p["partner_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["F001", "L003", "N002"]);
    assert_eq!(all[0]["name"], "Fabrikam");
    let own = get(&app, "/api/v1/partners", Some(&app.p001)).await.json();
    assert_eq!(own.as_array().unwrap().len(), 1);
    assert_eq!(own[0]["partner_id"], "F001");

    // The snapshots keep the score and the points; the changes of level follow from them.
    let history = get(&app, "/api/v1/partners/F001/history", Some(&app.p001)).await.json();
    assert_eq!(history["program"], METRIC_PROGRAM);
    let snapshots = history["snapshots"].as_array().unwrap();
    let kept: Vec<(&str, &str, i64)> = snapshots
        .iter()
        .map(|s| (s["as_of"].as_str().unwrap(), s["level"].as_str().unwrap(), s["score"].as_i64().unwrap()))
        .collect();
    assert_eq!(kept, [("2024-06-15", "designated", 76), ("2024-07-15", "designated", 76), ("2024-08-15", "none", 52)]);
    assert_eq!(snapshots[1]["points"]["intermediate_certifications"], 12);
    assert_eq!(snapshots[1]["drops_on"], "2024-08-01");
    assert!(snapshots[1].get("consumption_usd").is_none());
    let changes: Vec<String> = history["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!("{} {} {}", c["kind"].as_str().unwrap(), c["level"].as_str().unwrap(), c["as_of"].as_str().unwrap())
        })
        .collect();
    assert_eq!(changes, ["attained designated 2024-06-15", "lost designated 2024-08-15"]);

    // F001's token learns nothing of N002, in the API and on pages.
    for what in ["evaluation?as_of=2024-07-15", "history"] {
        let other = get(&app, &format!("/api/v1/partners/N002/{what}"), Some(&app.p001)).await;
        let nobody = get(&app, &format!("/api/v1/partners/NOBODY/{what}"), Some(&app.p001)).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{what}");
        assert_eq!(other.body, nobody.body, "the same answer for another partner and for no partner");
        assert_eq!(get(&app, &format!("/api/v1/partners/N002/{what}"), Some(&app.admin)).await.status, StatusCode::OK);
    }
    let other = get(&app, "/partners/N002?as_of=2024-07-15", Some(&app.p001)).await;
    let nobody = get(&app, "/partners/NOBODY?as_of=2024-07-15", Some(&app.p001)).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert_eq!(other.body, nobody.body);
    assert_eq!(get(&app, "/admin?as_of=2024-07-15", Some(&app.p001)).await.status, StatusCode::FORBIDDEN);

    // An import through the API is decided from at once, by the metric program's engine.
    let mut files: Vec<(String, String)> = attain_input::FILE_NAMES
        .iter()
        .filter_map(|n| Some((n.to_string(), std::fs::read_to_string(metric_example().join(n)).ok()?)))
        .collect();
    files.iter_mut().find(|(n, _)| n == "partners.csv").unwrap().1.push_str("Z009,Zava,FR\n");
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let reply = post_import(&app, "application/zip", zip_of(&files)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    assert_eq!(get(&app, "/api/v1/partners", Some(&app.admin)).await.json().as_array().unwrap().len(), 4);
    let zava = get(&app, "/api/v1/partners/Z009/evaluation?as_of=2024-07-15", Some(&app.admin)).await.json();
    assert_eq!((zava["partner"]["level"].as_str(), zava["partner"]["score"].as_i64()), (Some("none"), Some(0)));
}

#[tokio::test]
async fn the_openapi_document_describes_both_forms_of_evaluation() {
    let app = metric_app("metric-openapi").await;
    let doc = get(&app, "/api/openapi.json", None).await.json();
    let schemas = &doc["components"]["schemas"];
    for schema in [
        "PartnerEvaluation",
        "EvaluationResponse",
        "MetricEvaluationResponse",
        "MetricDecision",
        "MetricEvidence",
        "MetricLevelStatus",
        "MetricDrop",
        "Points",
        "Amount",
    ] {
        assert!(schemas[schema].is_object(), "schema {schema}");
    }
    let ok = &doc["paths"]["/api/v1/partners/{id}/evaluation"]["get"]["responses"]["200"];
    assert_eq!(ok["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/PartnerEvaluation");
    let shapes: Vec<&str> = schemas["PartnerEvaluation"]["oneOf"]
        .as_array()
        .unwrap_or_else(|| panic!("{}", schemas["PartnerEvaluation"]))
        .iter()
        .map(|s| s["$ref"].as_str().unwrap())
        .collect();
    assert_eq!(shapes, ["#/components/schemas/EvaluationResponse", "#/components/schemas/MetricEvaluationResponse"]);
    assert_eq!(
        schemas["MetricEvaluationResponse"]["properties"]["partner"]["$ref"],
        "#/components/schemas/MetricDecision"
    );
}

#[tokio::test]
async fn the_dashboard_shows_a_metric_programs_score_and_points() {
    let app = metric_app("metric-dashboard").await;
    let (rules, program) = metric_rules();
    let page = get(&app, "/partners/F001?as_of=2024-07-15", Some(&app.p001)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers[header::CACHE_CONTROL], "private, no-store");
    let html = page.text();
    assert!(html.contains("<html lang=\"en-US\">"));
    assert!(html.contains("Fabrikam <small>F001</small>"), "{html}");
    assert!(html.contains("Solutions Partner</span>"), "the level's badge");
    assert!(html.contains("score 76 of 70 needed"), "the score against the total needed");
    // A bar for the score and one per metric, each metric by its name with its points.
    assert_eq!(html.matches("role=\"progressbar\"").count(), 6, "{html}");
    for metric in &program.versions[0].metrics {
        let name = rules.metric_name(program, metric, "en-US");
        assert!(html.contains(&format!("<span>{name}</span>")), "{name}");
    }
    assert!(html.contains("Intermediate certifications: 3 · 12 points of 20"), "{html}");
    assert!(html.contains("aria-valuenow=\"600\""), "12 of 20 points");
    // What each metric counted, why the level drops, and the history with each snapshot's score.
    assert!(html.contains("counted: ALPINE: US$"), "{html}");
    assert!(html.contains("Drops to no level on August 1, 2024"), "{html}");
    assert!(html.contains("Why the level drops on August 1, 2024"), "{html}");
    assert!(html.contains("Net customer adds: 3 now, 1 then"), "{html}");
    assert!(html.contains("Lost Solutions Partner"), "{html}");
    assert!(
        html.contains("<td class=\"num\" data-label=\"Score\"><span>52</span></td>"),
        "the score of 2024-08-15's snapshot"
    );
    // The threshold form's consumption chart is not drawn: no metric is a window's running total.
    assert!(!html.contains("<svg"));
    let korean = get(&app, "/partners/F001?as_of=2024-07-15&lang=ko-KR", Some(&app.p001)).await;
    assert_eq!(korean.status, StatusCode::OK);
    assert!(korean.text().contains("<html lang=\"ko-KR\">"));

    // The overview: how many are designated, and each partner's score.
    let admin = get(&app, "/admin?as_of=2024-07-15", Some(&app.admin)).await;
    assert_eq!(admin.status, StatusCode::OK);
    let html = admin.text();
    assert!(html.contains("/partners/F001?as_of=2024-07-15"));
    assert!(html.contains("<th class=\"num\">Score</th>"), "{html}");
    assert!(
        html.contains(
            "<td data-label=\"Level\"><span>Solutions Partner</span></td>\
             <td class=\"num\" data-label=\"Score\"><span>76</span></td>\
             <td data-label=\"Drops on\"><span>August 1, 2024</span></td>"
        ),
        "{html}"
    );
    assert!(html.contains("3 partners"), "{html}");
}

/// The third fixture program, written only as rules (reported active users through DAP, two exams
/// held together, three levels), served as the shipped programs are: no code was written for it.
#[tokio::test]
async fn a_program_written_only_as_rules_is_served() {
    let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../attain-cases/tests/fixtures/rules"));
    let rules: &'static Rules = Box::leak(Box::new(Rules::from_dir(fixtures).unwrap()));
    let program = rules.program("workloads").unwrap();
    let scratch = attain_store::scratch_location("workloads").await;
    let store = Store::open(&scratch).await.unwrap();
    let files = [
        ("partners.csv", "partner_id,name,country\nP1,Contoso,US\nP2,Tailspin,IN\n"),
        ("associations.csv", "partner_id,customer_id,kind,start,end\nP1,C1,DAP,2020-01-01,\nP1,C2,DAP,2020-01-01,2020-07-31\nP2,C4,DAP,2020-01-01,\n"),
        ("consumption.csv", "customer_id,date,amount,currency\n"),
        ("people.csv", "person_id,partner_id,name\nA,P1,Avery\nB,P1,Blake\nC,P2,Chen\n"),
        ("achievements.csv", "person_id,credential,date\nA,exam:MS-100,2020-01-10\nA,exam:MS-101,2020-02-10\nB,exam:MS-100,2020-03-10\nB,exam:MS-101,2020-03-11\nC,exam:MS-100,2020-01-10\n"),
        ("measures.csv", "customer_id,measure,date,value\nC1,active_users,2020-06-30,7000\nC2,active_users,2020-06-30,3500\nC4,active_users,2020-06-30,5000\n"),
    ];
    let source = attain_input::MemorySource {
        label: "workloads".into(),
        files: files.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect(),
    };
    store.import(&Batch::read(&source).unwrap(), "test", &|_| {}).await.unwrap();
    let admin = store.create_token(Role::Admin, "ops").await.unwrap().secret;
    let p2 = store.create_token(Role::Partner("P2".into()), "P2").await.unwrap().secret;
    let router = Service::new(store.clone(), rules, program, Settings::default()).await.unwrap().router();
    let app = App { router, store, admin, p001: p2, _scratch: scratch };
    let reply = get(&app, "/api/v1/partners/P1/evaluation?as_of=2020-06-30", Some(&app.admin)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let p1 = reply.json();
    assert_eq!(p1["partner"]["level"], "gold");
    assert_eq!(p1["partner"]["drops_on"], "2020-08-01");
    let p2 = get(&app, "/api/v1/partners/P2/evaluation?as_of=2020-06-30", Some(&app.p001)).await.json();
    assert_eq!(p2["partner"]["level"], "bronze", "Chen holds one of the two exams");
    let gap = &p2["partner"]["levels"][1]["thresholds"][1];
    assert_eq!((gap["metric"].as_str(), gap["gap"].as_i64()), (Some("administrators"), Some(1)));
    let hidden = get(&app, "/api/v1/partners/P1/evaluation?as_of=2020-06-30", Some(&app.p001)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let page = get(&app, "/partners/P2?as_of=2020-06-30&lang=en-US", Some(&app.p001)).await;
    assert!(page.text().contains("Active users"), "{}", page.text());
}
