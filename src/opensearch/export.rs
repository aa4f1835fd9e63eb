//! Every article of the local index in id order, with its copy cluster and fingerprint:
//! what `newsdex export` writes and `newsdex push` sends.

use crate::article::DocId;
use crate::error::Result;
use crate::index::{CatalogEntry, OpenIndex};
use crate::opensearch::document::Exported;

/// Articles read from the doc store at a time (about 2.5 KB each in memory).
pub const CHUNK: usize = 8192;

/// Doc store blocks to keep decompressed while reading (`OpenIndex::with_doc_cache`):
/// a chunk is read in storage order, so each block is decompressed once per chunk.
pub const DOC_CACHE_BLOCKS: usize = 4;

/// Hands the articles of `entries` (from `OpenIndex::catalog`) to `sink` in chunks of up
/// to `chunk`, in the entries' order; `sink` returns whether to go on. Each chunk is read
/// in storage order, not in the entries' (ids are hashes, scattered over the doc store,
/// whose blocks of some 25 articles are compressed whole).
pub fn each(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    entries: &[CatalogEntry],
    chunk: usize,
    mut sink: impl FnMut(Vec<Exported>) -> Result<bool>,
) -> Result<()> {
    for part in entries.chunks(chunk.max(1)) {
        let mut order: Vec<usize> = (0..part.len()).collect();
        order.sort_unstable_by_key(|&i| (part[i].addr.segment_ord, part[i].addr.doc_id));
        let addrs: Vec<tantivy::DocAddress> = order.iter().map(|&i| part[i].addr).collect();
        let mut slots: Vec<Option<Exported>> = vec![None; part.len()];
        for (article, &i) in index.articles_at(searcher, &addrs)?.into_iter().zip(&order) {
            slots[i] = Some(Exported::new(article, &part[i]));
        }
        if !sink(slots.into_iter().flatten().collect())? {
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
