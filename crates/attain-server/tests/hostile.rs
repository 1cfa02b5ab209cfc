//! The service under clients that do not play along, over real sockets: slow and idle clients,
//! more connections than allowed, a shutdown with half-sent requests, a stalled upload. Each test
//! serves the example data with short deadlines and bounds its own time.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use attain_rules::Rules;
use attain_server::{Limits, Service, Settings};
use attain_store::{Batch, Role, Scratch, Store};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

struct Served {
    address: SocketAddr,
    admin: String,
    /// The served store, for a second handle on it (as another process would open).
    location: String,
    /// Asks the service to stop; the task ends when it has.
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
    _scratch: Scratch,
}

/// Serves the example data.
async fn serve(name: &str, limits: Limits, body_timeout: Duration) -> Served {
    let example = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/contoso"));
    serve_data(name, example, limits, body_timeout).await
}

async fn serve_data(name: &str, data: &Path, limits: Limits, body_timeout: Duration) -> Served {
    let scratch = attain_store::scratch_location(name).await;
    let store = Store::open(&scratch).await.unwrap();
    store.import(&Batch::read(&attain_input::DirSource(data)).unwrap(), "test", &|_| {}).await.unwrap();
    let admin = store.create_token(Role::Admin, "ops").await.unwrap().secret;
    let rules: &'static Rules = Box::leak(Box::new(Rules::embedded().unwrap()));
    let settings = Settings { limits, body_timeout, ..Settings::default() };
    let service = Service::new(store, rules, &rules.programs[0], settings).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        service
            .serve(listener, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
    });
    Served { address, admin, location: scratch.to_string(), stop: Some(stop), task, _scratch: scratch }
}

fn limits(max_connections: usize, header_timeout: Duration, shutdown_deadline: Duration) -> Limits {
    Limits { max_connections, header_timeout, shutdown_deadline }
}

/// One request on a fresh connection; the status line and the whole answer.
async fn get(address: SocketAddr, path: &str, token: Option<&str>) -> String {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    stream
        .write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n{auth}Connection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}

/// The example's files as a zip.
fn example_zip() -> Vec<u8> {
    use std::io::Write;
    let example = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/contoso"));
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for name in attain_input::FILE_NAMES {
        if let Ok(text) = std::fs::read(example.join(name)) {
            zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(&text).unwrap();
        }
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// Uploads `zip` as an import on a fresh connection; the whole answer.
async fn post_import(address: SocketAddr, admin: &str, query: &str, zip: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /api/v1/imports{query} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/zip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        admin,
        zip.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(zip).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}

/// An import upload that announces 100 kB and sends two bytes of it.
async fn start_upload(served: &Served) -> TcpStream {
    let mut stream = TcpStream::connect(served.address).await.unwrap();
    let head = format!(
        "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/zip\r\nContent-Length: 100000\r\n\r\nPK",
        served.admin
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

/// Whether the server has closed `stream` (reading gives end of file or an error) within `wait`.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buf = [0u8; 1024];
    let started = Instant::now();
    while started.elapsed() < wait {
        match tokio::time::timeout(wait - started.elapsed(), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            // Bytes of an answer (408, say): keep reading until the end.
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_clients_are_cut_off_at_the_header_deadline_while_others_are_served() {
    let served =
        serve("hostile-slow", limits(1024, Duration::from_secs(1), Duration::from_secs(5)), Duration::from_secs(30))
            .await;
    // Slowloris: a hundred clients that send part of a head and then nothing.
    let mut slow = Vec::new();
    for _ in 0..100 {
        let mut stream = TcpStream::connect(served.address).await.unwrap();
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.unwrap();
        slow.push(stream);
    }
    // A keep-alive client that asks once, then sits idle.
    let mut idle = TcpStream::connect(served.address).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let mut first = [0u8; 4096];
    let n = idle.read(&mut first).await.unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).starts_with("HTTP/1.1 200"));
    // Meanwhile the service answers others at once.
    let started = Instant::now();
    assert!(get(served.address, "/healthz", None).await.starts_with("HTTP/1.1 200"));
    assert!(started.elapsed() < Duration::from_millis(500), "healthz took {:?}", started.elapsed());
    // And the slow and the idle are closed once the deadline has passed.
    for stream in &mut slow {
        assert!(closed_within(stream, Duration::from_secs(5)).await, "a slow client still connected");
    }
    assert!(closed_within(&mut idle, Duration::from_secs(5)).await, "an idle keep-alive still connected");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn beyond_the_connection_cap_clients_wait_their_turn_instead_of_exhausting_the_process() {
    let served =
        serve("hostile-cap", limits(2, Duration::from_secs(2), Duration::from_secs(5)), Duration::from_secs(30)).await;
    // Two silent connections take both places.
    let mut silent = Vec::new();
    for _ in 0..2 {
        silent.push(TcpStream::connect(served.address).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A third is accepted by the kernel but served only when a place frees: when the silent ones
    // reach the header deadline.
    let started = Instant::now();
    let answer = tokio::time::timeout(Duration::from_secs(10), get(served.address, "/healthz", None))
        .await
        .expect("served once a place is free");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(1500), "served at once ({waited:?}): the cap did not hold");
    drop(silent);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_ends_within_its_deadline_whatever_half_sent_requests_are_open() {
    let mut served = serve(
        "hostile-shutdown",
        limits(1024, Duration::from_secs(60), Duration::from_secs(1)),
        Duration::from_secs(60),
    )
    .await;
    // Half a head, and a whole head with half an upload.
    let mut half_head = TcpStream::connect(served.address).await.unwrap();
    half_head.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let half_body = start_upload(&served).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    served.stop.take().unwrap().send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), &mut served.task)
        .await
        .expect("the service stopped within its deadline")
        .unwrap();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(3), "shutdown took {took:?}");
    // Nothing is accepted any more.
    assert!(TcpStream::connect(served.address).await.is_err(), "still listening after shutdown");
    drop((half_head, half_body));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_upload_is_dropped_at_the_body_deadline() {
    let served =
        serve("hostile-stall", limits(1024, Duration::from_secs(10), Duration::from_secs(5)), Duration::from_secs(1))
            .await;
    let mut stream = start_upload(&served).await;
    let started = Instant::now();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(8), stream.read_to_end(&mut answer))
        .await
        .expect("answered or closed");
    let took = started.elapsed();
    assert!(took < Duration::from_secs(4), "the stalled upload held its connection {took:?}");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.is_empty() || !answer.starts_with("HTTP/1.1 2"), "{answer}");
    // The service is still there for the next import.
    assert!(get(served.address, "/api/v1/imports", Some(&served.admin)).await.starts_with("HTTP/1.1 200"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_answer_is_kept_by_a_cache() {
    let served = serve("hostile-cache", Limits::default(), Duration::from_secs(30)).await;
    for path in ["/api/v1/partners", "/api/v1/partners/P001/evaluation?as_of=2018-06-30", "/api/v1/imports"] {
        let answer = get(served.address, path, Some(&served.admin)).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{path}: {answer}");
        assert!(answer.to_ascii_lowercase().contains("\r\ncache-control: no-store\r\n"), "{path}: {answer}");
    }
}

#[test]
fn whole_program_overviews_do_not_hold_up_other_requests_and_are_decided_once() {
    // The service on a runtime of one async worker: were an overview decided on it, every other
    // request would wait for it. The clients run on a runtime of their own.
    let server = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let clients = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let dir = std::env::temp_dir().join(format!("attain-hostile-program-{}", std::process::id()));
    let shape = attain_gen::Shape { partners: 5_000, months: 15, ..attain_gen::Shape::default() };
    attain_gen::generate(&shape, &dir).unwrap();
    let served = server.block_on(serve_data("hostile-admin", &dir, Limits::default(), Duration::from_secs(30)));
    let _ = std::fs::remove_dir_all(&dir);
    clients.block_on(overviews_beside_health_checks(&served, shape.last_month));
    drop(served);
}

async fn overviews_beside_health_checks(served: &Served, last: jiff::civil::Date) {
    // The page opens on the last day of the data's last month (the month before `last`), decided
    // ahead of any visit.
    let opens_on = (last - jiff::ToSpan::months(1)).last_of_month().to_string();
    // Eight operators open the overview as of eight other dates at once…
    let dates: Vec<String> = (0..9)
        .map(|i| (last - jiff::ToSpan::months(i)).last_of_month().to_string())
        .filter(|date| *date != opens_on)
        .collect();
    let admin = served.admin.clone();
    let address = served.address;
    let loads: Vec<_> = dates
        .iter()
        .map(|date| {
            let (admin, path) = (admin.clone(), format!("/admin?as_of={date}"));
            tokio::spawn(async move {
                let started = Instant::now();
                let answer = get(address, &path, Some(&admin)).await;
                assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.300}");
                started.elapsed()
            })
        })
        .collect();
    // …while the health check is asked every 20 ms.
    let mut slowest_health = Duration::ZERO;
    while !loads.iter().all(|load| load.is_finished()) {
        let started = Instant::now();
        assert!(get(address, "/healthz", None).await.starts_with("HTTP/1.1 200"));
        slowest_health = slowest_health.max(started.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut slowest_overview = Duration::ZERO;
    let mut fastest_overview = Duration::MAX;
    for load in loads {
        let took = load.await.unwrap();
        slowest_overview = slowest_overview.max(took);
        fastest_overview = fastest_overview.min(took);
    }
    assert!(fastest_overview > Duration::from_millis(150), "the program is too small to tell ({fastest_overview:?})");
    assert!(
        slowest_health < fastest_overview / 2,
        "health checks waited {slowest_health:?} behind overviews of {fastest_overview:?} to {slowest_overview:?}"
    );
    // The same overview again is not decided again.
    let started = Instant::now();
    assert!(get(address, &format!("/admin?as_of={}", dates[0]), Some(&admin)).await.starts_with("HTTP/1.1 200"));
    let again = started.elapsed();
    assert!(again < fastest_overview / 3, "asked again: {again:?}, first time {fastest_overview:?} or more");
    // The overview the page opens on was decided as soon as the facts were loaded: its first
    // visit waits for nothing.
    let started = Instant::now();
    let answer = get(address, "/admin", Some(&admin)).await;
    let first = started.elapsed();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.300}");
    assert!(answer.contains(&opens_on), "not the data's last month: {answer:.3000}");
    assert!(first < fastest_overview / 3, "first visit: {first:?}, others decided in {fastest_overview:?} or more");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn uploads_queue_for_the_store_instead_of_colliding_and_a_stalled_one_holds_up_no_one() {
    use std::sync::{mpsc, Mutex};

    let served = serve("hostile-imports", Limits::default(), Duration::from_secs(30)).await;
    let zip = example_zip();
    // An upload that stalls half-way takes no turn: another import goes through meanwhile.
    let stalled = start_upload(&served).await;
    let started = Instant::now();
    let answer = post_import(served.address, &served.admin, "", &zip).await;
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer:.400}");
    assert!(started.elapsed() < Duration::from_secs(5), "waited {:?} behind a stalled upload", started.elapsed());
    drop(stalled);

    // Another process writing an import: held at its first progress report.
    let other = Store::open(&served.location).await.unwrap();
    let batch = Batch::read(&attain_input::DirSource(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/contoso"
    ))))
    .unwrap();
    let (started_tx, started_rx) = mpsc::channel::<()>();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let writing = tokio::spawn(async move {
        let (started, go) = (Mutex::new(Some(started_tx)), Mutex::new(go_rx));
        let hold = |_: u64| {
            if let Some(started) = started.lock().unwrap().take() {
                started.send(()).unwrap();
                tokio::task::block_in_place(|| go.lock().unwrap().recv().unwrap());
            }
        };
        other.import(&batch, "another process", &hold).await.unwrap()
    });
    tokio::task::spawn_blocking(move || started_rx.recv().unwrap()).await.unwrap();
    // Asked not to wait: 409 at once.
    let answer = post_import(served.address, &served.admin, "?wait=false", &zip).await;
    assert!(answer.starts_with("HTTP/1.1 409"), "{answer:.400}");
    assert!(answer.contains("another import is being written"), "{answer}");
    // Asked to wait (the default): written after the other, not failed by a lock timeout.
    let queued = {
        let (address, admin, zip) = (served.address, served.admin.clone(), zip.clone());
        tokio::spawn(async move { post_import(address, &admin, "", &zip).await })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!queued.is_finished(), "the queued upload did not wait its turn");
    go_tx.send(()).unwrap();
    writing.await.unwrap();
    let answer = queued.await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer:.400}");
}
