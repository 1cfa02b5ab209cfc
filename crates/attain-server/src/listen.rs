//! Accepting connections with discipline: a cap on open connections, a deadline for a request's
//! head (which also closes a keep-alive connection left idle), and a deadline for the requests
//! under way once shutdown is asked for.
//!
//! `axum::serve` has none of these: a client that sends half a request holds its connection, its
//! file descriptor and, at shutdown, the whole process, for as long as it likes. The loop here is
//! hyper's own HTTP/1 connection with its header-read timer, watched for graceful shutdown.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How connections are held.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The most connections open at once; more wait in the listen backlog until one closes.
    pub max_connections: usize,
    /// The time a client has to send a request's head, counted from the connection's opening or
    /// from the end of the previous response: it is also how long an idle keep-alive lasts.
    pub header_timeout: Duration,
    /// Once shutdown is asked for, how long the requests under way may take before their
    /// connections are closed anyway.
    pub shutdown_deadline: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            shutdown_deadline: Duration::from_secs(10),
        }
    }
}

/// File descriptors kept for everything but client connections: the store's pool, logs, files.
const RESERVED_FILES: u64 = 64;

/// Raises this process's open-file limit to its hard limit where allowed, and returns how many
/// connections it leaves room for.
fn connection_room() -> Option<u64> {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return None;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit = raised;
                }
            }
        }
        Some(limit.rlim_cur.saturating_sub(RESERVED_FILES))
    }
    #[cfg(not(unix))]
    None
}

/// Serves `app` on `listener` until `shutdown` completes; then stops accepting, lets the requests
/// under way finish for at most the shutdown deadline, and returns.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let cap = match connection_room() {
        Some(room) => limits.max_connections.min(usize::try_from(room).unwrap_or(usize::MAX)).max(1),
        None => limits.max_connections.max(1),
    };
    if cap < limits.max_connections {
        tracing::warn!(cap, asked = limits.max_connections, "the open-file limit allows fewer connections than asked");
    }
    let permits = Arc::new(Semaphore::new(cap));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // At the cap, stop accepting: new clients wait in the kernel's backlog, not in memory.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was accepted:
                    // pause rather than spin, and go on.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let app = app.clone();
            async move {
                let response = app.oneshot(request.map(axum::body::Body::new)).await;
                Ok::<_, Infallible>(response.unwrap_or_else(|never| match never {}))
            }
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that goes away or times out is not an error of the service.
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
            drop(permit);
        });
    }
    drop(listener);
    let open = graceful.count();
    if open > 0 {
        tracing::info!(open, deadline = ?limits.shutdown_deadline, "finishing the requests under way");
    }
    if tokio::time::timeout(limits.shutdown_deadline, graceful.shutdown()).await.is_err() {
        tracing::warn!(deadline = ?limits.shutdown_deadline, "connections still open at the shutdown deadline; closing them");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_file_limit_leaves_room_for_connections() {
        let room = connection_room().expect("a unix process has a file limit");
        assert!(room > 0);
    }
}
