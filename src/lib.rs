//! newsdex: full-text search for news archives.
//!
//! The engine, as a library: `ingest` walks an archive and decodes files, `extract` turns
//! each file into articles (title, date, byline, body), `index` writes them to a tantivy
//! index, `search` runs queries and returns ranked hits with snippets as plain data, and
//! `output` renders that data as text, JSON, JSON Lines or CSV, and `eval` scores rankings
//! against relevance judgments; `opensearch` searches an OpenSearch copy of the index with
//! the same query language. The `newsdex` binary (`src/main.rs`, with its command
//! line in `src/cli/`) is a thin shell over these; no argument parsing lives here.

pub mod article;
pub mod backend;
pub mod dedup;
pub mod error;
pub mod eval;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod opensearch;
pub mod output;
pub mod search;
pub mod serve;

pub use error::{Error, Result};
