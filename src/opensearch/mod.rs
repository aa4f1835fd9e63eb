//! The OpenSearch back end: newsdex reads the archive into articles as always and hands
//! them to an OpenSearch cluster, then searches the cluster with the same commands.
//!
//! - `mapping` (the index settings and mapping, `schema/opensearch/articles.json`),
//!   `document` (an article as a cluster document, bulk lines, Quickwit lines),
//!   `export` (every article of the local index in id order), `state` (what a push
//!   keeps in the local index: pushed table, journal, lock);
//! - `client` (the HTTP client: nodes, credentials, TLS, retries), `push` (a versioned
//!   index loaded in bounded batches, incremental from the state kept in the local index,
//!   the alias moved in one action), `dsl` (the query language compiled to the query
//!   DSL), `remote` (search, timeline, facets, similar, show and stats answered by the
//!   cluster as the same plain data the local `Searcher` returns).

pub mod client;
pub mod document;
pub mod dsl;
pub mod export;
pub mod mapping;
#[cfg(test)]
mod mock;
pub mod push;
pub mod remote;
mod state;
