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

/// Every hit of a search, streamed as CSV or NDJSON while it is read: memory holds a few
/// chunks, whatever the size of the result set.
pub async fn export(State(app): State<App>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &params::export_params())?;
    let format = params::export_format(&p)?;
    let req = params::search(&p, now())?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, ApiError>>(EXPORT_BUFFERED);
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
            // A client that went away closes the channel: stop reading.
            Ok(tx.blocking_send(chunk).is_ok())
        });
        if let Err(e) = done {
            let _ = tx.blocking_send(Err(engine(e)));
        }
    })
    .await?;
    // The first chunk decides the status: an error before any hit is read (a bad query)
    // is answered as one; later ones can only end the body early.
    let first = match rx.recv().await {
        Some(Err(e)) => return Err(e),
        Some(Ok(bytes)) => bytes,
        None => Vec::new(),
    };
    let rest = futures_util::stream::unfold(rx, |mut rx| async move {
        match rx.recv().await {
            Some(Ok(bytes)) => Some((Ok::<_, std::io::Error>(bytes), rx)),
            _ => None,
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
