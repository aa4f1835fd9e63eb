//! What the index knows about each archive file: size, modification time and content hash,
//! stored on every article document of the file. Keeping the state in the documents (not
//! in a side file) means it is committed atomically with the articles: after a crash the
//! index's last commit and its idea of which files it holds can never disagree.

use std::collections::HashMap;
use std::path::Path;

use tantivy::Searcher;

use crate::index::schema::fast;
use crate::ingest::Content;

/// The state of one archive file when it was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: i64,
    /// xxh3-64 of the file's bytes (`ingest::Content`).
    pub hash: u64,
}

/// What the index holds of one archive file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indexed {
    /// The stamp on the file's first document.
    pub stamp: FileStamp,
    /// Documents of the file.
    pub articles: u64,
    /// Not all of the file's documents carry the same stamp: an update of the file lost the
    /// delete of its old documents (the tantivy merge that `run::open_writer` guards
    /// against). Whatever the stamps say, the file must be read again, which deletes them
    /// all.
    pub mixed: bool,
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

impl FileStamp {
    /// The stamp of a file read as `content`, with the mtime `stat` gave before reading it.
    pub fn new(content: Content, mtime_ns: i64) -> Self {
        FileStamp {
            size: content.size,
            mtime_ns,
            hash: content.hash,
        }
    }
}

/// Every indexed file with its stamp and number of articles, read from the fast fields of
/// the live documents.
pub fn load(searcher: &Searcher) -> tantivy::Result<HashMap<String, Indexed>> {
    let mut files: HashMap<String, Indexed> = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let paths = ff.str(fast::PATH)?;
        let sizes = ff.u64(fast::FILE_SIZE)?;
        let mtimes = ff.i64(fast::FILE_MTIME)?;
        let hashes = ff.u64(fast::FILE_HASH)?;
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
                .and_modify(|f| {
                    f.articles += 1;
                    f.mixed |= f.stamp != stamp;
                })
                .or_insert(Indexed {
                    stamp,
                    articles: 1,
                    mixed: false,
                });
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use tantivy::{Index, IndexWriter};

    use super::{load, FileStamp, Indexed};
    use crate::article::{Article, DocId, Fields};
    use crate::index::document::to_document;
    use crate::index::schema::{self, IndexSchema};

    fn article(path: &str, record: &str) -> Article {
        Article {
            id: DocId::new(path, record),
            path: path.to_string(),
            format: "text".to_string(),
            encoding: "utf-8".to_string(),
            language: crate::lang::ENGLISH,
            fields: Fields {
                body: format!("Body of {path} {record}."),
                ..Fields::default()
            },
        }
    }

    fn stamp(size: u64) -> FileStamp {
        FileStamp {
            size,
            mtime_ns: 1_700_000_000_000_000_000 + size as i64,
            hash: size * 7,
        }
    }

    #[test]
    fn a_file_whose_documents_disagree_about_its_stamp_is_mixed() {
        const FP: crate::dedup::Fingerprint = crate::dedup::Fingerprint { lo: 1, hi: 1 };
        let mut analyzers = schema::LanguageAnalyzers::default();
        let schema = IndexSchema::current().unwrap();
        let index = Index::create_in_ram(schema.schema.clone());
        schema::register_tokenizer(&index);
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Two records of one file, read at once: one stamp.
        for r in ["1", "2"] {
            w.add_document(to_document(
                &schema,
                &article("multi.jsonl", r),
                &stamp(10),
                FP,
                1,
                &mut analyzers,
            ))
            .unwrap();
        }
        // An old and a new document of one file, as a lost delete leaves them; the old one
        // in an earlier segment, so it is seen first, and the other way round.
        w.add_document(to_document(
            &schema,
            &article("old-first.txt", ""),
            &stamp(20),
            FP,
            1,
            &mut analyzers,
        ))
        .unwrap();
        w.add_document(to_document(
            &schema,
            &article("new-first.txt", ""),
            &stamp(31),
            FP,
            1,
            &mut analyzers,
        ))
        .unwrap();
        w.commit().unwrap();
        w.add_document(to_document(
            &schema,
            &article("old-first.txt", ""),
            &stamp(21),
            FP,
            1,
            &mut analyzers,
        ))
        .unwrap();
        w.add_document(to_document(
            &schema,
            &article("new-first.txt", ""),
            &stamp(30),
            FP,
            1,
            &mut analyzers,
        ))
        .unwrap();
        w.commit().unwrap();

        let files = load(&index.reader().unwrap().searcher()).unwrap();
        assert_eq!(files.len(), 3);
        let multi = files["multi.jsonl"];
        assert_eq!(
            multi,
            Indexed {
                stamp: stamp(10),
                articles: 2,
                mixed: false
            }
        );
        for path in ["old-first.txt", "new-first.txt"] {
            assert!(files[path].mixed, "{path}: {:?}", files[path]);
            assert_eq!(files[path].articles, 2);
        }
    }
}
