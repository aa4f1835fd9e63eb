//! The OpenSearch back end: articles pushed to an OpenSearch index whose settings and
//! mapping are `schema/opensearch/articles.json` (the `newsdex` analyzer there mirrors the
//! local one), and searched there with the same query language as the local index. `dsl`
//! compiles a query to OpenSearch's query DSL, walking the same syntax tree as the local
//! compiler (`search::query`).

pub mod dsl;
