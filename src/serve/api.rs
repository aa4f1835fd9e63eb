//! The JSON API's handlers: parameters checked (`params`), the engine run on the bounded
//! pool (`engine`), and the result written by the same printers as the command line's
//! `--format json` (`output`), so both give the same shapes (`schema/`).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::output::{self, Format};
use crate::serve::engine::Engine;
use crate::serve::params::{self, ApiError, ExportFormat, Params};

/// Hits read per chunk of an export.
const EXPORT_CHUNK: usize = 200;

/// Chunks of an export buffered between the engine and a slow client.
const EXPORT_BUFFERED: usize = 4;

/// A client that reads nothing of an export for this long is dropped.
const EXPORT_STALL: std::time::Duration = std::time::Duration::from_secs(30);

pub type App = Arc<Engine>;

fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// A printer's bytes, or an I/O error as a 500 (it writes to memory; this does not happen).
fn printed(f: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result<Vec<u8>, ApiError> {
    let mut buf = Vec::new();
    f(&mut buf).map_err(|e| ApiError::internal(format!("internal error: {e}")))?;
    Ok(buf)
}

fn engine(e: crate::Error) -> ApiError {
    ApiError::from_engine(&e)
}

fn json(body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::json!({
            "error": self.message,
            "status": self.status,
            "parameter": self.parameter,
        });
        let mut r = (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            body.to_string(),
        )
            .into_response();
        if self.status == 503 {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        r
    }
}

fn id_param(id: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    id.map(|Path(id)| id)
        .map_err(|_| ApiError::bad("id", "the article id in the path is not valid text"))
}

pub async fn search(State(app): State<App>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let req = params::search(&Params::parse(q.as_deref(), params::SEARCH)?, now())?;
    let body = app
        .run(move |s| {
            let r = s.search(&req).map_err(engine)?;
            printed(|out| output::json::search(out, &r))
        })
        .await?;
    Ok(json(body))
}

pub async fn article(
    State(app): State<App>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let typed = id_param(id)?;
    Params::parse(q.as_deref(), &[])?;
    let body = app
        .run(move |s| {
            let id = s.resolve_id(&typed).map_err(engine)?;
            let a = s.article(id).map_err(engine)?;
            let copies = s.copies(id).map_err(engine)?;
            printed(|out| output::json::article(out, &a, &copies))
        })
        .await?;
    Ok(json(body))
}

pub async fn similar(
    State(app): State<App>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let typed = id_param(id)?;
    let (limit, follow) = params::similar(&Params::parse(q.as_deref(), params::SIMILAR)?)?;
    let body = app
        .run(move |s| {
            let id = s.resolve_id(&typed).map_err(engine)?;
            let r = s.similar(id, limit, follow).map_err(engine)?;
            printed(|out| output::json::search(out, &r))
        })
        .await?;
    Ok(json(body))
}

pub async fn timeline(State(app): State<App>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let req = params::timeline(&Params::parse(q.as_deref(), params::TIMELINE)?, now())?;
    let body = app
        .run(move |s| {
            let t = s.timeline(&req).map_err(engine)?;
            printed(|out| output::aggregate::timeline(out, &t, Format::Json, false))
        })
        .await?;
    Ok(json(body))
}

pub async fn facets(
    State(app): State<App>,
    facet: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let name = facet.map(|Path(f)| f).map_err(|_| {
        ApiError::not_found("no such facet: the facets are byline, year and source")
    })?;
    let kind = params::facet_kind(&name)?;
    let req = params::facets(&Params::parse(q.as_deref(), params::FACETS)?, kind, now())?;
    let body = app
        .run(move |s| {
            let f = s.facets(&req).map_err(engine)?;
            printed(|out| output::aggregate::facets(out, &f, Format::Json, false))
        })
        .await?;
    Ok(json(body))
}

pub async fn stats(State(app): State<App>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    Params::parse(q.as_deref(), &[])?;
    let body = app
        .run(move |s| {
            let st = s.stats().map_err(engine)?;
            let index = s.index();
            printed(|out| output::json::stats(out, &st, &index.manifest, &index.dir))
        })
        .await?;
    Ok(json(body))
}

/// Every hit of a search, streamed as CSV or NDJSON while it is read: ranked once (the
/// ranking holds every match's key), then read and sent a chunk at a time, a few chunks
/// buffered for a slow client.
pub async fn export(State(app): State<App>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &params::export_params())?;
    let format = params::export_format(&p)?;
    let req = params::search(&p, now())?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, ApiError>>(EXPORT_BUFFERED);
    let runtime = tokio::runtime::Handle::current();
    app.spawn(move |s| {
        let mut first = true;
        let done = s.export(&req, EXPORT_CHUNK, |page| {
            let chunk = printed(|out| match format {
                ExportFormat::Csv => {
                    if first {
                        output::csv::search_header(out)?;
                    }
                    output::csv::search_rows(out, &page)
                }
                ExportFormat::Ndjson => output::json::search_lines(out, &page),
            });
            first = false;
            // A client that went away (or reads nothing for EXPORT_STALL) ends the export.
            Ok(runtime
                .block_on(tx.send_timeout(chunk, EXPORT_STALL))
                .is_ok())
        });
        if let Err(e) = done {
            let _ = runtime.block_on(tx.send_timeout(Err(engine(e)), EXPORT_STALL));
        }
    })
    .await?;
    // The first chunk decides the status: an error before any hit is read (a bad query)
    // is answered as one; later ones can only end the body early.
    let first = match rx.recv().await {
        Some(Err(e)) => return Err(e),
        Some(Ok(bytes)) => bytes,
        None => return Err(ApiError::internal("the export ended before it began")),
    };
    // An error after the first chunk cannot change the status: the body is cut off
    // (no final chunk), so the client sees a broken transfer, not a short file.
    let rest = futures_util::stream::unfold(Some(rx), |rx| async move {
        let mut rx = rx?;
        match rx.recv().await {
            Some(Ok(bytes)) => Some((Ok::<_, std::io::Error>(bytes), Some(rx))),
            Some(Err(e)) => Some((Err(std::io::Error::other(e.message)), None)),
            None => None,
        }
    });
    let stream = futures_util::stream::StreamExt::chain(
        futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) }),
        rest,
    );
    let (mime, name) = match format {
        ExportFormat::Csv => ("text/csv; charset=utf-8", "newsdex-export.csv"),
        ExportFormat::Ndjson => ("application/x-ndjson", "newsdex-export.ndjson"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

/// The OpenAPI document of this API.
pub async fn openapi() -> Response {
    json(include_bytes!("../../schema/openapi.json").to_vec())
}

/// Anything else under `/api`, and any path that is neither the page nor its assets.
pub async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint; the API is described at /api/openapi.json")
}

/// Any method but GET (and HEAD) on a route that exists.
pub async fn method_not_allowed() -> ApiError {
    ApiError {
        status: 405,
        message: "the API is read-only: use GET".to_string(),
        parameter: None,
    }
}

/// Whether the request's Host names this machine (`localhost`, `127.0.0.1`, `[::1]`, with
/// any port), or is absent (HTTP/1.0).
pub fn local_host(headers: &axum::http::HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST) else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(n, _)| n),
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "localhost" | "127.0.0.1" | "::1"
    ) || name
        .parse::<std::net::Ipv4Addr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// A request naming another host than this machine, to a server on loopback.
pub fn foreign_host() -> ApiError {
    ApiError {
        status: 421,
        message: "this server answers requests for localhost, 127.0.0.1 or [::1] only".to_string(),
        parameter: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_answer_json_and_busy_says_when_to_retry() {
        let r = ApiError::busy().into_response();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
        assert_eq!(r.headers()[header::CONTENT_TYPE], "application/json");
        let r = ApiError::bad("limit", "no").into_response();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        assert!(r.headers().get(header::RETRY_AFTER).is_none());
    }

    #[test]
    fn local_hosts_are_this_machine_only() {
        let with = |h: &str| {
            let mut m = axum::http::HeaderMap::new();
            m.insert(header::HOST, HeaderValue::from_str(h).unwrap());
            local_host(&m)
        };
        for h in [
            "localhost",
            "localhost:7878",
            "127.0.0.1:80",
            "[::1]:7878",
            "127.1.2.3",
        ] {
            assert!(with(h), "{h}");
        }
        for h in [
            "evil.example",
            "evil.example:7878",
            "localhost.evil.example",
            "10.0.0.1:7878",
        ] {
            assert!(!with(h), "{h}");
        }
        assert!(local_host(&axum::http::HeaderMap::new()));
    }
}
