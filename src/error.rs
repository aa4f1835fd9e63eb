//! The library's error type. Every variant carries the context a user needs to act on it
//! (the path, the query, the flag); the binary prints it once as `newsdex: <error>`.

use std::path::PathBuf;

use crate::search::query::error::QueryError;

/// Everything the engine can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {}: run `newsdex index ARCHIVE_DIR` first", path.display())]
    NoIndex { path: PathBuf },

    #[error("the index path {} is a file, not a directory: pass another --index", path.display())]
    IndexIsAFile { path: PathBuf },

    #[error(
        "{} exists but is not a newsdex index (no newsdex.json); pass another --index, \
         or remove it and run `newsdex index ARCHIVE_DIR`",
        path.display()
    )]
    NotAnIndex { path: PathBuf },

    #[error(
        "the index at {} was built with schema version {found}; this newsdex reads version \
         {expected}: rebuild it with `newsdex index ARCHIVE_DIR --index {} --rebuild`",
        path.display(),
        path.display()
    )]
    SchemaVersion {
        path: PathBuf,
        found: u32,
        expected: u32,
    },

    #[error("index at {} is damaged or unreadable: {reason}; rebuild it with `newsdex index ARCHIVE_DIR --rebuild`", path.display())]
    Damaged { path: PathBuf, reason: String },

    #[error(
        "another `newsdex index` is writing to {} right now; wait for it to finish \
         (searches keep working meanwhile)",
        path.display()
    )]
    Locked { path: PathBuf },

    #[error("invalid query {query:?}: {reason}")]
    Query { query: String, reason: String },

    /// A query the query language refuses; `query` as the user typed it.
    #[error("invalid query {query:?}: {source}")]
    BadQuery { query: String, source: QueryError },

    #[error(
        "invalid date {input:?} for {flag}: expected YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339 \
         (e.g. 2014-01-22T05:30:00Z)"
    )]
    BadDate { flag: &'static str, input: String },

    #[error("invalid age {input:?} for {flag}: expected a number and a unit, d, w, m or y (e.g. 30d, 6m, 2y)")]
    BadAge { flag: &'static str, input: String },

    /// `from` and `to` name the bounds as the user gave them: `--from 2014-02`,
    /// `--since 5y (2021-03-01)`, `--to 2014-01`.
    #[error("empty date range: {from} is after {to}")]
    EmptyRange { from: String, to: String },

    #[error(
        "the timeline from {first} to {last} would have more than {max} buckets by {by}; \
         use a coarser --by (week, month, year) or a narrower --from/--to"
    )]
    TooManyBuckets {
        first: String,
        last: String,
        by: &'static str,
        max: usize,
    },

    #[error("cannot read archive directory {}: {source}", path.display())]
    Archive {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("the archive {} contains the index directory {}; pass an --index outside the archive or inside it (it is skipped), not the archive itself", archive.display(), index.display())]
    IndexIsArchive { archive: PathBuf, index: PathBuf },

    #[error(
        "the index at {} holds the archive {}; indexing {} into it would delete every \
         article of the other archive. Pick another index with --index PATH, or replace its \
         content with --rebuild",
        index.display(), holds.display(), archive.display()
    )]
    OtherArchive {
        index: PathBuf,
        holds: PathBuf,
        archive: PathBuf,
    },

    #[error("{}: {reason}", path.display())]
    Input { path: PathBuf, reason: String },

    /// `id` as the user typed it.
    #[error("no article with id {id} in the index")]
    NotFound { id: String },

    #[error("no article id in the index starts with {prefix}")]
    NoIdPrefix { prefix: String },

    #[error(
        "{count} article ids start with {prefix} ({}{}): type more of the 16 hex digits",
        examples.join(", "),
        if *count > examples.len() { ", ..." } else { "" }
    )]
    AmbiguousId {
        prefix: String,
        count: usize,
        examples: Vec<String>,
    },

    #[error("{id:?} is not an article id: ids are 16 hex digits as printed by `newsdex search` (a unique prefix will do)")]
    BadId { id: String },

    #[error("cannot serve on {addr}: {source}; pick another --addr (port 0 picks a free one)")]
    Listen {
        addr: String,
        source: std::io::Error,
    },

    #[error("invalid engine address {input:?}: {reason}")]
    EngineAddress { input: String, reason: String },

    /// A request to an OpenSearch cluster failed; `url` never carries credentials.
    #[error("OpenSearch at {url}: {reason}")]
    Engine { url: String, reason: String },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("index at {}: {source}", path.display())]
    Tantivy {
        path: PathBuf,
        source: tantivy::TantivyError,
    },

    #[error("schema/fields.json is invalid: {0}")]
    Schema(String),

    #[error("{0}")]
    Output(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A write to stdout failed because the reader went away (`newsdex search x | head -1`),
    /// also when a writer wrapped the I/O error in its own: `csv` turns its errors into
    /// I/O errors of kind `Other`, and its own error type names no `source`.
    pub fn is_broken_pipe(&self) -> bool {
        let Error::Output(e) = self else {
            return false;
        };
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
        while let Some(c) = cause {
            let io = c.downcast_ref::<std::io::Error>().or_else(|| {
                match c.downcast_ref::<csv::Error>()?.kind() {
                    csv::ErrorKind::Io(io) => Some(io),
                    _ => None,
                }
            });
            cause = match io {
                Some(io) if io.kind() == std::io::ErrorKind::BrokenPipe => return true,
                Some(io) => io
                    .get_ref()
                    .map(|inner| inner as &(dyn std::error::Error + 'static)),
                None => c.source(),
            };
        }
        false
    }

    /// A damaged-index error with tantivy's reason, shortened: tantivy appends the whole
    /// content of an unreadable meta.json (kilobytes of schema) to its message.
    pub(crate) fn damaged(path: impl Into<PathBuf>, reason: impl std::fmt::Display) -> Self {
        const MAX_CHARS: usize = 300;
        let full = reason.to_string();
        let head = full.split(". Content: ").next().unwrap_or(&full);
        let mut reason: String = head.chars().take(MAX_CHARS).collect();
        if reason.len() < head.len() {
            reason.push('…');
        }
        Error::Damaged {
            path: path.into(),
            reason,
        }
    }

    /// An error from tantivy about the index at `path`. Errors that mean the files are
    /// missing, truncated or corrupt become `Damaged`, which names the way out.
    pub(crate) fn tantivy(path: impl Into<PathBuf>, source: tantivy::TantivyError) -> Self {
        use tantivy::TantivyError as T;
        let damaged = match &source {
            T::DataCorruption(_) | T::OpenReadError(_) | T::IncompatibleIndex(_) => true,
            T::IoError(e) => matches!(
                e.kind(),
                std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::InvalidData
            ),
            _ => false,
        };
        if damaged {
            return Error::damaged(path, source);
        }
        Error::Tantivy {
            path: path.into(),
            source,
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The message of a caught panic, for reporting it as an error.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_pipe_is_recognised_inside_wrapping_errors() {
        let pipe = || std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(Error::Output(pipe()).is_broken_pipe());
        // csv's `From<csv::Error> for io::Error` wraps the pipe error as `Other`.
        let wrapped: std::io::Error = csv::Error::from(pipe()).into();
        assert_eq!(wrapped.kind(), std::io::ErrorKind::Other);
        assert!(Error::Output(wrapped).is_broken_pipe());
        assert!(!Error::Output(std::io::Error::other("disk full")).is_broken_pipe());
        assert!(!Error::io("/x", pipe()).is_broken_pipe());
    }

    #[test]
    fn damaged_reasons_are_shortened() {
        let long = format!(
            "Meta file cannot be deserialized. Content: \"{}\"",
            "x".repeat(5000)
        );
        let e = Error::damaged("/i", &long).to_string();
        assert!(e.contains("Meta file cannot be deserialized"), "{e}");
        assert!(!e.contains("xxxx"), "{e}");
        let e = Error::damaged("/i", "y".repeat(1000)).to_string();
        assert!(e.contains(&format!("{}…", "y".repeat(300))) && !e.contains(&"y".repeat(301)));
    }
}
