//! Integration tests: the real `newsdex` executable on a temporary copy of `fixtures/`,
//! with the environment scrubbed so the user's index, colours and locale never leak in.

mod env;

mod errors;
mod eval;
mod extraction;
mod hostile;
mod incremental;
mod indexing;
mod layouts;
mod news;
mod output;
mod search;
