//! `newsdex serve`: the engine over HTTP. A JSON API with the command line's shapes
//! (`api`, described by `schema/openapi.json`) and a search page (`page`), read-only,
//! on loopback unless told otherwise.
//!
//! Requests are parsed and checked on the async runtime (`params`); searches run on a
//! bounded pool of blocking threads over the index as last committed (`engine`). Nothing
//! is read from disk but the index: the page's files are compiled in.

pub mod api;
pub mod engine;
mod page;
pub mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::routing::get;
use axum::Router;

use crate::error::{Error, Result};
use engine::Engine;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Options {
    pub index: PathBuf,
    pub addr: SocketAddr,
    /// Searches run at once (default: the machine's cores).
    pub workers: usize,
    /// Requests that may wait for a worker before the next is answered 503.
    pub max_waiting: usize,
}

/// The routes of the API and the page over `engine`, served at `bound`: on a loopback
/// address, only requests that name the machine itself as their host are answered, so
/// that a web page elsewhere cannot reach the archive through a name that resolves to
/// 127.0.0.1 (DNS rebinding).
pub fn router(engine: Arc<Engine>, bound: SocketAddr) -> Router {
    let loopback = bound.ip().is_loopback();
    Router::new()
        .route("/", get(page::index))
        .route("/assets/app.js", get(page::script))
        .route("/assets/app.css", get(page::style))
        .route("/api/search", get(api::search))
        .route("/api/export", get(api::export))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/articles/{id}/similar", get(api::similar))
        .route("/api/timeline", get(api::timeline))
        .route("/api/facets/{facet}", get(api::facets))
        .route("/api/stats", get(api::stats))
        .route("/api/openapi.json", get(api::openapi))
        .route("/favicon.ico", get(page::favicon))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::from_fn(
            move |req: axum::extract::Request, next: axum::middleware::Next| async move {
                if loopback && !api::local_host(req.headers()) {
                    return axum::response::IntoResponse::into_response(api::foreign_host());
                }
                next.run(req).await
            },
        ))
        .with_state(engine)
}

/// Opens the index, listens on `opts.addr`, calls `ready` with the address bound (port 0
/// picks a free one), and serves until Ctrl-C or SIGTERM; requests in flight finish.
pub fn serve(opts: &Options, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let engine = Arc::new(Engine::open(&opts.index, opts.workers, opts.max_waiting)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(opts.workers.max(1) + 2)
        .enable_all()
        .build()
        .map_err(|e| Error::Io {
            path: opts.index.clone(),
            source: e,
        })?;
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(opts.addr)
            .await
            .map_err(|source| Error::Listen {
                addr: opts.addr.to_string(),
                source,
            })?;
        let bound = listener.local_addr().map_err(|source| Error::Listen {
            addr: opts.addr.to_string(),
            source,
        })?;
        ready(bound);
        let stopping = Arc::new(tokio::sync::Notify::new());
        let told = Arc::clone(&stopping);
        let server =
            axum::serve(listener, router(engine, bound)).with_graceful_shutdown(async move {
                stop_signal().await;
                told.notify_waiters();
            });
        // Requests in flight get GRACE to finish; a connection that never ends (a client
        // that stopped reading an export, a request never finished) does not keep the
        // server up, and a second Ctrl-C ends it at once.
        let grace = async {
            stopping.notified().await;
            tokio::select! {
                _ = tokio::time::sleep(GRACE) => {},
                _ = stop_signal() => {},
            }
        };
        tokio::select! {
            served = server => served.map_err(|source| Error::Listen {
                addr: bound.to_string(),
                source,
            }),
            _ = grace => Ok(()),
        }
    });
    // Searches still running (their clients gone) are not waited for.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    result
}

/// How long requests in flight may take to finish after Ctrl-C or SIGTERM.
const GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// Ctrl-C or SIGTERM.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
