//! Every article of the local index in id order, with its copy cluster and fingerprint:
//! what `newsdex export` writes and `newsdex push` sends.

use crate::article::DocId;
use crate::error::Result;
use crate::index::{CatalogEntry, OpenIndex};
use crate::opensearch::document::Exported;

/// Articles read from the doc store at a time.
pub const CHUNK: usize = 256;

/// Hands the articles of `entries` (from `OpenIndex::catalog`) to `sink` in chunks of up
/// to `chunk`, in the entries' order; `sink` returns whether to go on.
pub fn each(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    entries: &[CatalogEntry],
    chunk: usize,
    mut sink: impl FnMut(Vec<Exported>) -> Result<bool>,
) -> Result<()> {
    for part in entries.chunks(chunk.max(1)) {
        let addrs: Vec<tantivy::DocAddress> = part.iter().map(|e| e.addr).collect();
        let articles = index.articles_at(searcher, &addrs)?;
        let exported = articles
            .into_iter()
            .zip(part)
            .map(|(a, e)| Exported::new(a, e))
            .collect();
        if !sink(exported)? {
            break;
        }
    }
    Ok(())
}

/// The entries after `after` (all of them without it): an export resumed after the last
/// id a reader received.
pub fn after(entries: &[CatalogEntry], after: Option<DocId>) -> &[CatalogEntry] {
    match after {
        Some(id) => &entries[entries.partition_point(|e| e.id <= id)..],
        None => entries,
    }
}
