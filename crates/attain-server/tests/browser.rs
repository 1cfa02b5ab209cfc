//! The dashboard in a real browser: headless Chromium, driven through chromedriver (WebDriver),
//! signs in as a person would, opens the sign-in page, the partner page (in four languages, a
//! partner at Gold and one far below Silver) and the operator's overview, each at a phone's width
//! (390 px) and a laptop's (1280 px). On each it measures what does not fit: a page that scrolls
//! sideways, an element past the edge, chart labels that overlap or leave the chart, chart type
//! under 10 px. Screenshots are saved in target/screenshots/ to be looked at.
//!
//! Needs Debian's `chromium` and `chromium-driver`; `.ci/run` installs them and sets
//! ATTAIN_REQUIRE_BROWSER=1, so that in CI a missing browser fails instead of skipping.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use attain_rules::Rules;
use attain_server::{Service, Settings};
use attain_store::{Batch, Role, Store};
use base64::Engine as _;
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A tiny HTTP/1.1 JSON client: WebDriver is all this test speaks.
fn call(port: u16, method: &str, path: &str, body: Option<Value>) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // Read the head, then exactly Content-Length bytes: chromedriver may keep the connection open.
    let mut response = Vec::new();
    let mut buf = [0u8; 65536];
    let head_end = loop {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "{method} {path}: connection closed early");
        response.extend_from_slice(&buf[..n]);
        if let Some(i) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&response[..head_end]).into_owned();
    let length: usize = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap()))
        .expect("WebDriver answers with a Content-Length");
    while response.len() < head_end + length {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "{method} {path}: connection closed early");
        response.extend_from_slice(&buf[..n]);
    }
    let body = String::from_utf8(response[head_end..head_end + length].to_vec()).unwrap();
    let value: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {head}\n{body}"));
    assert!(head.starts_with("HTTP/1.1 200"), "{method} {path}: {head}\n{value}");
    value["value"].clone()
}

struct Driver {
    child: Child,
    port: u16,
    session: String,
}

impl Driver {
    fn start(profile: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(30), "chromedriver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        // The flags this machine's closed network needs (no background connections), headless as root.
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
        ];
        let session = call(
            port,
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": CHROMIUM, "args": args}
            }}})),
        );
        Driver { child, port, session: session["sessionId"].as_str().unwrap().to_owned() }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        call(self.port, method, &format!("/session/{}{path}", self.session), body)
    }

    fn open(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn element(&self, css: &str) -> String {
        let found = self.call("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        found.as_object().unwrap().values().next().unwrap().as_str().unwrap().to_owned()
    }

    fn size(&self, width: u32, height: u32) {
        self.call("POST", "/window/rect", Some(json!({"width": width, "height": height})));
    }

    fn source(&self) -> String {
        self.call("GET", "/source", None).as_str().unwrap().to_owned()
    }

    /// Runs `script` (a function body) in the page and returns what it returns.
    fn execute(&self, script: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": [] })))
    }

    /// Signs in as a person would: paste the token, press the button, wait for the page it leads to.
    fn sign_in(&self, address: SocketAddr, token: &str, lands_on: &str) {
        self.open(&format!("http://{address}/signin?lang=ko-KR"));
        let field = self.element("input[name=token]");
        self.call("POST", &format!("/element/{field}/value"), Some(json!({ "text": token })));
        let button = self.element("form[action='/signin'] button");
        self.call("POST", &format!("/element/{button}/click"), Some(json!({})));
        // The click returns once the event is dispatched; the post and its redirect may still be on the way.
        let started = Instant::now();
        let mut landed = self.source();
        while !landed.contains(lands_on) && started.elapsed() < Duration::from_secs(15) {
            std::thread::sleep(Duration::from_millis(100));
            landed = self.source();
        }
        assert!(landed.contains(lands_on), "signed in and sent on:\n{landed}");
    }

    /// What does not fit the page at the window's width: whether the page scrolls sideways, the
    /// elements reaching past its edges, the chart's texts that overlap one another or leave the
    /// drawing, and the chart's smallest type in CSS pixels.
    fn layout_faults(&self) -> Vec<String> {
        let found = self.execute(LAYOUT_FAULTS);
        found.as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned()).collect()
    }

    fn screenshot(&self, path: &Path) {
        let png = self.call("GET", "/screenshot", None);
        let bytes = base64::engine::general_purpose::STANDARD.decode(png.as_str().unwrap()).unwrap();
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "{} looks empty", path.display());
        std::fs::write(path, bytes).unwrap();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = call(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Measured in the page: see [`Driver::layout_faults`].
const LAYOUT_FAULTS: &str = r#"
const faults = [];
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width) {
  faults.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width}`);
}
const name = e => `${e.tagName.toLowerCase()}${e.className && e.className.baseVal === undefined ? '.' + e.className : ''} "${(e.textContent || '').trim().slice(0, 30)}"`;
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width > 0 && r.height > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
    faults.push(`${name(e)} reaches past the edge (${Math.round(r.left)}..${Math.round(r.right)} of ${width})`);
  }
}
for (const svg of document.querySelectorAll('svg')) {
  if (getComputedStyle(svg).display === 'none') continue;
  const box = svg.getBoundingClientRect();
  const zoom = box.width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].map(t => [t, t.getBoundingClientRect()]);
  for (const [t, r] of texts) {
    const px = parseFloat(getComputedStyle(t).fontSize) * zoom;
    if (px < 10) faults.push(`chart text "${t.textContent}" is ${px.toFixed(1)} px`);
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
      faults.push(`chart text "${t.textContent}" leaves the chart`);
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, ra] = texts[i], [b, rb] = texts[j];
      const overlap = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 0.5
        && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 0.5;
      if (overlap) faults.push(`chart texts "${a.textContent}" and "${b.textContent}" overlap`);
    }
  }
}
return faults;
"#;

/// Where a served example's store is kept while the test runs (removed at its end).
fn example_store(example: &str) -> PathBuf {
    std::env::temp_dir().join(format!("attain-browser-{example}-{}.db", std::process::id()))
}

/// Serves an example (of `program`) on a free port in the background, with snapshots as of
/// `dates`; returns the address, a token of `partner` and an admin token.
fn serve_example(
    runtime: &tokio::runtime::Runtime,
    example: &str,
    program: &str,
    dates: &[&str],
    partner: &str,
) -> (SocketAddr, String, String) {
    runtime.block_on(async {
        let location = example_store(example);
        let _ = std::fs::remove_file(&location);
        let store = Store::open(&location.display().to_string()).await.unwrap();
        let data = root().join("examples").join(example);
        store.import(&Batch::read(&attain_input::DirSource(&data)).unwrap(), "test", &|_| {}).await.unwrap();
        let rules: &'static Rules = Box::leak(Box::new(Rules::embedded().unwrap()));
        let program = rules.programs.iter().find(|p| p.id == program).expect("a shipped program");
        let facts = store.facts().await.unwrap();
        let import = store.latest_import().await.unwrap();
        if program.by_metrics() {
            let engine = attain_engine::MetricEngine::new(rules, program, facts).unwrap();
            for as_of in dates {
                store.save_snapshot(&engine.evaluate(as_of.parse().unwrap(), &[]).unwrap(), import).await.unwrap();
            }
        } else {
            let engine = attain_engine::Engine::new(rules, program, facts).unwrap();
            for as_of in dates {
                store.save_snapshot(&engine.evaluate(as_of.parse().unwrap(), &[]).unwrap(), import).await.unwrap();
            }
        }
        let token = store.create_token(Role::Partner(partner.into()), "browser test").await.unwrap().secret;
        let admin = store.create_token(Role::Admin, "browser test").await.unwrap().secret;
        let service = Service::new(store, rules, program, Settings::default()).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(service.serve(listener, std::future::pending()));
        (address, token, admin)
    })
}

#[test]
fn every_page_fits_a_phone_and_a_laptop_in_the_readers_language() {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        assert!(
            std::env::var_os("ATTAIN_REQUIRE_BROWSER").is_none(),
            "ATTAIN_REQUIRE_BROWSER is set but {CHROMIUM} or {CHROMEDRIVER} is missing (apt-get install chromium chromium-driver)"
        );
        // Straight to standard error: the test harness captures eprintln! of a passing test, and a
        // skip must be seen in the test output.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the browser test: no {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
        );
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let contoso = ["2017-09-30", "2017-12-31", "2018-03-31", "2018-06-30"];
    let (address, token, admin) = serve_example(&runtime, "contoso", "cloud-platform", &contoso, "P001");
    let out = root().join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let profile = std::env::temp_dir().join(format!("attain-chromium-{}", std::process::id()));
    let browser = Driver::start(&profile);
    let mut faults = Vec::new();
    // Each page at a phone's width and a laptop's: checked for what does not fit, then
    // photographed (the tall shot shows the whole page).
    let check = |browser: &Driver, page: &str, faults: &mut Vec<String>| {
        for (device, width, height) in [("phone", 390, 844), ("laptop", 1280, 900)] {
            browser.size(width, height);
            faults.extend(browser.layout_faults().into_iter().map(|f| format!("{page} at {width} px: {f}")));
            browser.screenshot(&out.join(format!("{page}-{device}.png")));
            browser.size(width, 5200);
            browser.screenshot(&out.join(format!("{page}-{device}-full.png")));
        }
    };

    browser.size(390, 844);
    browser.open(&format!("http://{address}/signin?lang=de-DE"));
    check(&browser, "signin-de-DE", &mut faults);
    browser.sign_in(address, &token, "class=\"badge");
    for lang in ["ko-KR", "fr-FR", "de-DE"] {
        browser.open(&format!("http://{address}/partners/P001?as_of=2018-06-30&lang={lang}"));
        let html = browser.source();
        assert!(html.contains(&format!("lang=\"{lang}\"")), "{lang}");
        assert!(html.contains("<svg") && html.contains("badge gold"));
        check(&browser, &format!("partner-{lang}"), &mut faults);
    }
    // Another partner's page is not there for this token, in the browser too.
    browser.open(&format!("http://{address}/partners/P002?lang=fr-FR"));
    assert!(!browser.source().contains("class=\"badge"));
    // The operator's overview.
    browser.call(
        "POST",
        &format!("/element/{}/click", browser.element("form[action='/signout'] button")),
        Some(json!({})),
    );
    let started = Instant::now();
    while !browser.source().contains("name=\"token\"") && started.elapsed() < Duration::from_secs(15) {
        std::thread::sleep(Duration::from_millis(100));
    }
    browser.sign_in(address, &admin, "class=\"tiles");
    // A partner far below both thresholds: its bars fill the chart, both thresholds are marked
    // above it.
    browser.open(&format!("http://{address}/partners/P006?as_of=2017-09-30&lang=en-US"));
    let html = browser.source();
    assert_eq!(html.matches("(above the chart)").count(), 2, "{html}");
    check(&browser, "partner-en-US-small", &mut faults);
    for lang in ["ja-JP", "pt-BR"] {
        browser.open(&format!("http://{address}/admin?as_of=2018-06-30&lang={lang}"));
        check(&browser, &format!("admin-{lang}"), &mut faults);
    }
    // What if: a draft pasted into the operator's form, weighed, in two languages.
    let draft = std::fs::read_to_string(root().join("examples/drafts/gold-150k.toml")).unwrap();
    for lang in ["en-US", "fr-FR"] {
        browser.size(1280, 900);
        browser.open(&format!("http://{address}/admin/what-if?as_of=2018-06-30&lang={lang}"));
        check(&browser, &format!("whatif-form-{lang}"), &mut faults);
        let text = browser.element("textarea[name=draft_text]");
        browser.call("POST", &format!("/element/{text}/value"), Some(json!({ "text": draft })));
        let button = browser.element("form.whatif button");
        browser.call("POST", &format!("/element/{button}/click"), Some(json!({})));
        let started = Instant::now();
        while !browser.source().contains("id=\"impact\"") && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(100));
        }
        let html = browser.source();
        assert!(html.contains("gold-150k") && html.contains("<figure class=\"shift\""), "{lang}: {html}");
        assert!(html.contains("/partners/P001?as_of=2018-06-30"), "P001 loses Gold under the draft: {html}");
        check(&browser, &format!("whatif-{lang}"), &mut faults);
    }
    // A program scored in points: its partner page, bars per metric and the score.
    let fabrikam = ["2024-06-15", "2024-07-15", "2024-08-15"];
    let (address, token, _) =
        serve_example(&runtime, "fabrikam-2024", "solutions-partner-infrastructure", &fabrikam, "F001");
    browser.sign_in(address, &token, "class=\"badge");
    for lang in ["es-ES", "zh-CN"] {
        browser.open(&format!("http://{address}/partners/F001?as_of=2024-07-15&lang={lang}"));
        assert!(browser.source().contains("role=\"progressbar\""), "{lang}");
        check(&browser, &format!("metric-partner-{lang}"), &mut faults);
    }
    drop(browser);
    assert!(faults.is_empty(), "{} layout faults:\n{}", faults.len(), faults.join("\n"));
    let _ = std::fs::remove_dir_all(&profile);
    for example in ["contoso", "fabrikam-2024"] {
        for suffix in ["", "-wal", "-shm", ".import-lock"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", example_store(example).display()));
        }
    }
}
