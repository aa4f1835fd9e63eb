//! Search: a `Searcher` built once per opened index takes plain requests and returns plain
//! data (ranked `Hit`s, related articles, timelines, facets, statistics); printers render
//! them.
//!
//! Query language: tantivy's (terms, "phrases", `+`/`-`, AND/OR/NOT, parentheses,
//! `title:`/`byline:`/`body:` scoping), with AND as the default operator unless `any`.
//! BM25 over title (boosted), byline and body. `--from`/`--to` become a date filter that
//! does not touch scores. Ordering is total: ties fall back to date (newest first), then id,
//! so the same query over the same index always prints the same list.
//!
//! Modules, top down: `searcher` (the engine and the search pipeline) calls the helpers,
//! which never call it back: `query` compiles the query language (with `bm25f`,
//! `date_filter` and `prefix`, the real-word check of prefixes), `ranking` orders hits,
//! `collapse` folds syndicated copies, `passages` and `snippet` cut highlighted passages,
//! `suggest` proposes spellings, `similar` builds more-like-this queries, `lookup` finds
//! articles by id and counts the index, `aggregate` draws timelines and facets. `request`
//! holds the request and result types, `bounds` the date spans of `--from`/`--to`.

pub mod aggregate;
pub mod bm25f;
pub mod bounds;
mod collapse;
pub mod date_filter;
mod lookup;
pub mod passages;
mod prefix;
pub mod query;
mod ranking;
mod request;
mod searcher;
pub mod similar;
pub mod snippet;
pub mod suggest;

pub use aggregate::{FacetsRequest, TimelineRequest};
pub use bounds::Span;
pub use lookup::{Copies, Stats};
pub use query::TITLE_BOOST;
pub use request::{
    sort_copies, CopyRef, Hit, SearchRequest, SearchResults, Sort, MAX_FRAGMENTS, MAX_LIMIT,
};
pub use searcher::Searcher;
pub use snippet::Snippet;
