//! What the index knows about each archive file: size, modification time and content hash,
//! stored on every article document of the file. Keeping the state in the documents (not
//! in a side file) means it is committed atomically with the articles: after a crash the
//! index's last commit and its idea of which files it holds can never disagree.

use std::collections::HashMap;
use std::path::Path;

use tantivy::Searcher;

/// The state of one archive file when it was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: i64,
    /// xxh3-64 of the file's bytes.
    pub hash: u64,
}

/// Size and mtime of a file on disk, without reading it.
pub fn stat(path: &Path) -> std::io::Result<(u64, i64)> {
    let meta = std::fs::metadata(path)?;
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Ok((meta.len(), mtime_ns))
}

pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Every indexed file with its stamp and number of articles, read from the fast fields of
/// the live documents.
pub fn load(searcher: &Searcher) -> tantivy::Result<HashMap<String, (FileStamp, u64)>> {
    let mut files: HashMap<String, (FileStamp, u64)> = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let paths = ff.str("path")?;
        let sizes = ff.u64("file_size")?;
        let mtimes = ff.i64("file_mtime")?;
        let hashes = ff.u64("file_hash")?;
        let Some(paths) = paths else { continue };
        let alive = seg.alive_bitset();
        // All paths of the segment in one sequential pass over the (compressed) term
        // dictionary: resolving ords one by one decompresses a block per document.
        let mut names: Vec<String> = Vec::with_capacity(paths.num_terms());
        let mut stream = paths.dictionary().stream()?;
        while stream.advance() {
            names.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        for doc in 0..seg.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            let Some(name) = paths
                .term_ords(doc)
                .next()
                .and_then(|ord| names.get(ord as usize))
            else {
                continue;
            };
            let stamp = FileStamp {
                size: sizes.first(doc).unwrap_or(0),
                mtime_ns: mtimes.first(doc).unwrap_or(0),
                hash: hashes.first(doc).unwrap_or(0),
            };
            files
                .entry(name.clone())
                .and_modify(|(_, n)| *n += 1)
                .or_insert((stamp, 1));
        }
    }
    Ok(files)
}
