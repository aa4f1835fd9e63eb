//! Integration tests: the real `newsdex` executable on a temporary copy of `fixtures/`,
//! with the environment scrubbed so the user's index, colours and locale never leak in.
//! One module per feature; `regression.rs` holds one test per fixed bug.

mod archive;
mod env;

mod cli_surface;
mod collapse;
mod errors;
mod eval;
mod extraction;
mod facets;
mod hostile;
mod incremental;
mod index_open;
mod indexing;
mod languages;
mod layouts;
mod opensearch;
mod output;
mod query_syntax;
mod readme;
mod regression;
mod search;
mod serve;
mod similar;
mod timeline;
