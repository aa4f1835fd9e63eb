//! The index: opening one for search with its version checked (`OpenIndex`, reading
//! articles back), and the modules of the rest.
//!
//! - `schema` (the fields, from `schema/`), `document` (Article -> tantivy document),
//!   `manifest` (`newsdex.json`), `guard` (tantivy's panics on a damaged index as errors);
//! - the indexing run: `build` drives `run` (the run's steps) and `workers` (the threads
//!   reading files); `open` opens or creates the index directory for a run, `inflight`
//!   bounds the memory of read articles, `merge` the segments merged, `state` is the
//!   per-file change detection and `report` what a run reports.

pub mod build;
pub mod cjk;
mod clusters;
mod document;
mod guard;
mod inflight;
pub mod manifest;
pub mod merge;
mod open;
pub mod report;
mod run;
pub mod schema;
pub mod state;
pub mod stem;
mod workers;

use std::path::{Path, PathBuf};

use tantivy::schema::{Field, TantivyDocument, Value};
use tantivy::Index;

use crate::article::{Article, DocId, Fields as ArticleFields};
use crate::article::{ArticleDate, DatePrecision};
use crate::error::{Error, Result};

pub use build::build;
pub use document::to_document;
pub use guard::guard;
pub use manifest::Manifest;
pub use report::{FileError, IndexSummary, Observer, Progress, Severity};
pub use run::IndexRequest;
pub use schema::IndexSchema;

/// An opened index, ready to search.
pub struct OpenIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub schema: IndexSchema,
    pub manifest: Manifest,
    /// One reader for the life of this value, opened on first use: opening the segments
    /// (and unmapping them again) is a large part of an in-process query.
    reader: std::sync::OnceLock<tantivy::IndexReader>,
    /// Decompressed doc store blocks kept per segment (`with_doc_cache`).
    doc_cache_blocks: usize,
}

impl OpenIndex {
    /// Opens the index at `dir`, checking it is a newsdex index of this schema version.
    pub fn open(dir: &Path) -> Result<Self> {
        guard(dir, || Self::open_unguarded(dir))
    }

    fn open_unguarded(dir: &Path) -> Result<Self> {
        let schema = IndexSchema::current()?;
        if dir.exists() && !dir.is_dir() {
            return Err(Error::IndexIsAFile {
                path: dir.to_path_buf(),
            });
        }
        if !dir.is_dir() {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            });
        }
        let manifest = match Manifest::read(dir)? {
            Some(m) => m,
            None => {
                let unclaimed = manifest::is_unclaimed(dir).unwrap_or(false);
                // A first run may have renamed its manifest into place, and gone on to
                // create the index, between the two looks: the directory is ours then.
                match Manifest::read(dir)? {
                    Some(m) => m,
                    None if unclaimed => {
                        return Err(Error::NoIndex {
                            path: dir.to_path_buf(),
                        })
                    }
                    None => {
                        return Err(Error::NotAnIndex {
                            path: dir.to_path_buf(),
                        })
                    }
                }
            }
        };
        if manifest.schema_version != schema.version {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: manifest.schema_version,
                expected: schema.version,
            });
        }
        let exists = tantivy::directory::MmapDirectory::open(dir)
            .ok()
            .is_some_and(|d| Index::exists(&d).unwrap_or(false));
        if !exists {
            // The first run has not created the index yet (it is starting, or was stopped
            // then).
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            });
        }
        let index = Index::open_in_dir(dir).map_err(|e| Error::damaged(dir, e))?;
        schema::register_tokenizer(&index);
        Ok(OpenIndex {
            dir: dir.to_path_buf(),
            index,
            schema,
            manifest,
            reader: std::sync::OnceLock::new(),
            doc_cache_blocks: 0,
        })
    }

    /// Keeps up to `blocks` decompressed doc store blocks per segment, for a process that
    /// reads many articles, such as `eval` reading 1,000 hits for each topic. A search
    /// reads each of its hits' blocks once, so by default nothing is kept: with a cache,
    /// every block goes to fresh memory (page faults) for no later use. Takes effect when
    /// set before the first search.
    pub fn with_doc_cache(mut self, blocks: usize) -> Self {
        self.doc_cache_blocks = blocks;
        self
    }

    /// A searcher over the index as it was committed when this `OpenIndex` first searched
    /// (later commits by a running `newsdex index` are not seen: open the index again).
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        if let Some(r) = self.reader.get() {
            return Ok(r.searcher());
        }
        let reader: tantivy::IndexReader = self
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(self.doc_cache_blocks)
            .try_into()
            .map_err(|e| Error::tantivy(&self.dir, e))?;
        Ok(self.reader.get_or_init(|| reader).searcher())
    }

    /// The analysed text fields (title, byline, body) that no article of `searcher`'s
    /// segments fills: those with no postings in any segment.
    pub fn empty_text_fields(&self, searcher: &tantivy::Searcher) -> Result<Vec<Field>> {
        let f = &self.schema.fields;
        let mut empty = vec![f.title, f.byline, f.body];
        for segment in searcher.segment_readers() {
            let filled = segment
                .fields_metadata()
                .map_err(|e| Error::damaged(&self.dir, e))?;
            empty.retain(|&field| {
                let name = self.schema.schema.get_field_name(field);
                !filled.iter().any(|m| {
                    m.field_name == name && m.postings_size.is_some_and(|b| b.get_bytes() > 0)
                })
            });
        }
        Ok(empty)
    }

    /// The languages of the articles in `searcher`'s segments (the values of the
    /// language column), each once.
    pub fn languages(&self, searcher: &tantivy::Searcher) -> Result<Vec<crate::lang::Language>> {
        let mut found: Vec<crate::lang::Language> = Vec::new();
        for segment in searcher.segment_readers() {
            let Some(column) = segment
                .fast_fields()
                .str(schema::fast::LANGUAGE)
                .map_err(|e| Error::damaged(&self.dir, e))?
            else {
                continue;
            };
            let mut stream = column
                .dictionary()
                .stream()
                .map_err(|e| Error::damaged(&self.dir, e))?;
            while stream.advance() {
                let code = String::from_utf8_lossy(stream.key());
                if let Some(l) = crate::lang::Language::from_code(&code) {
                    if !found.contains(&l) {
                        found.push(l);
                    }
                }
            }
        }
        Ok(found)
    }

    /// Reads the article at `addr` back (see `articles_at`).
    pub fn article_at(
        &self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
    ) -> Result<Article> {
        let mut fast = self.fast_values(searcher, &[addr])?;
        self.read_article(searcher, addr, fast.pop().unwrap_or_default())
    }

    /// Reads the articles at `addrs` back, in that order: the stored fields from the doc
    /// store, and the id, path and date from the fast columns of their segments, where they
    /// already are (a second copy in the doc store would only make it bigger).
    pub fn articles_at(
        &self,
        searcher: &tantivy::Searcher,
        addrs: &[tantivy::DocAddress],
    ) -> Result<Vec<Article>> {
        let fast = self.fast_values(searcher, addrs)?;
        addrs
            .iter()
            .zip(fast)
            .map(|(&addr, values)| self.read_article(searcher, addr, values))
            .collect()
    }

    /// The id, path, date and title of each of `addrs`, from the fast columns only (no
    /// stored document is read): what a list of copies shows.
    pub fn refs_at(
        &self,
        searcher: &tantivy::Searcher,
        addrs: &[tantivy::DocAddress],
    ) -> Result<Vec<CopyFields>> {
        let mut titles: Vec<Option<String>> = vec![None; addrs.len()];
        let mut by_segment: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
        for (i, a) in addrs.iter().enumerate() {
            by_segment.entry(a.segment_ord).or_default().push(i);
        }
        for (segment, wanted) in by_segment {
            let ff = searcher.segment_reader(segment).fast_fields();
            let Some(column) = ff.str(schema::fast::TITLE).ok().flatten() else {
                continue;
            };
            let found = strs_of(&column, wanted.iter().map(|&i| (addrs[i].doc_id, i)))
                .map_err(|e| Error::damaged(&self.dir, e))?;
            for (i, title) in found {
                titles[i] = Some(title);
            }
        }
        Ok(self
            .fast_values(searcher, addrs)?
            .into_iter()
            .zip(titles)
            .map(|(v, title)| CopyFields {
                id: DocId(v.id),
                path: v.path,
                date: v.date,
                title,
            })
            .collect())
    }

    /// The id, path and date of `addrs` from their segments' fast columns, each column
    /// opened once per segment. Paths are looked up in the order of the path dictionary,
    /// so each of its (compressed) blocks is read once rather than once per article, which
    /// matters to `eval`, reading 1,000 hits per topic.
    fn fast_values(
        &self,
        searcher: &tantivy::Searcher,
        addrs: &[tantivy::DocAddress],
    ) -> Result<Vec<FastValues>> {
        let mut values = vec![FastValues::default(); addrs.len()];
        let mut by_segment: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
        for (i, a) in addrs.iter().enumerate() {
            by_segment.entry(a.segment_ord).or_default().push(i);
        }
        for (segment, wanted) in by_segment {
            let ff = searcher.segment_reader(segment).fast_fields();
            let ids = ff.u64(schema::fast::ID).ok();
            let dates = ff.date(schema::fast::DATE).ok();
            let offsets = ff.i64(schema::fast::DATE_OFFSET).ok();
            // The precision column's few values ("year", ..., "second"), by ordinal.
            let precision = ff
                .str(schema::fast::DATE_PRECISION)
                .ok()
                .flatten()
                .map(|column| {
                    let mut name = String::new();
                    let names: Vec<Option<DatePrecision>> = (0..column.num_terms() as u64)
                        .map(|ord| {
                            name.clear();
                            column
                                .ord_to_str(ord, &mut name)
                                .ok()
                                .and_then(|found| found.then(|| DatePrecision::from_name(&name)))
                                .flatten()
                        })
                        .collect();
                    (column, names)
                });
            for &i in &wanted {
                let d = addrs[i].doc_id;
                let v = &mut values[i];
                v.id = ids.as_ref().and_then(|c| c.first(d)).unwrap_or(0);
                v.date = dates.as_ref().and_then(|c| c.first(d)).map(|t| {
                    ArticleDate::from_wall_clock(
                        t.into_utc(),
                        offsets.as_ref().and_then(|c| c.first(d)).unwrap_or(0),
                        precision
                            .as_ref()
                            .and_then(|(column, names)| {
                                let ord = column.term_ords(d).next()?;
                                *names.get(ord as usize)?
                            })
                            .unwrap_or(DatePrecision::Second),
                    )
                });
            }
            let Some(paths) = ff.str(schema::fast::PATH).ok().flatten() else {
                continue;
            };
            let found = strs_of(&paths, wanted.iter().map(|&i| (addrs[i].doc_id, i)))
                .map_err(|e| Error::damaged(&self.dir, e))?;
            for (i, path) in found {
                values[i].path = path;
            }
        }
        Ok(values)
    }

    fn read_article(
        &self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
        fast: FastValues,
    ) -> Result<Article> {
        let doc: TantivyDocument = searcher
            .doc(addr)
            .map_err(|e| Error::tantivy(&self.dir, e))?;
        let f = &self.schema.fields;
        let text = |field| -> Option<String> {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        Ok(Article {
            id: DocId(fast.id),
            path: fast.path,
            format: text(f.format).unwrap_or_default(),
            encoding: text(f.encoding).unwrap_or_default(),
            language: text(f.language)
                .and_then(|code| crate::lang::Language::from_code(&code))
                .unwrap_or(crate::lang::ENGLISH),
            fields: ArticleFields {
                title: text(f.title),
                date: fast.date,
                byline: text(f.byline),
                authors: doc
                    .get_all(f.authors)
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                body: text(f.body).unwrap_or_default(),
                source_id: text(f.source_id),
            },
        })
    }
}

/// One article as the fast columns list it: enough to page through the index in id
/// order and to tell whether an article changed since another system copied it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogEntry {
    pub id: DocId,
    pub addr: tantivy::DocAddress,
    /// The copy cluster (absent in indexes built before clusters were assigned).
    pub cluster: Option<u64>,
    /// The body's 128-bit SimHash, low and high halves.
    pub fingerprint: Option<(u64, u64)>,
    /// Changes whenever what the index holds for the article may have changed: a hash of
    /// the file's content hash, the record's id and its copy cluster.
    pub signature: u64,
}

impl OpenIndex {
    /// Every article of `searcher`, in id order, from the fast columns (no stored
    /// document is read).
    pub fn catalog(&self, searcher: &tantivy::Searcher) -> Result<Vec<CatalogEntry>> {
        let mut all = Vec::with_capacity(usize::try_from(searcher.num_docs()).unwrap_or(0));
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let ff = segment.fast_fields();
            let damaged = |e| Error::damaged(&self.dir, e);
            let ids = ff.u64(schema::fast::ID).map_err(damaged)?;
            let hashes = ff.u64(schema::fast::FILE_HASH).ok();
            let clusters = ff.u64(schema::fast::CLUSTER).ok();
            let lo = ff.u64(schema::fast::FINGERPRINT).ok();
            let hi = ff.u64(schema::fast::FINGERPRINT_HI).ok();
            let alive = segment.alive_bitset();
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|a| a.is_deleted(doc)) {
                    continue;
                }
                let Some(id) = ids.first(doc) else { continue };
                let cluster = clusters.as_ref().and_then(|c| c.first(doc));
                let fingerprint = lo
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .zip(hi.as_ref().and_then(|c| c.first(doc)));
                let hash = hashes.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                let mut key = [0u8; 24];
                key[..8].copy_from_slice(&id.to_le_bytes());
                key[8..16].copy_from_slice(&hash.to_le_bytes());
                key[16..].copy_from_slice(&cluster.unwrap_or(0).to_le_bytes());
                all.push(CatalogEntry {
                    id: DocId(id),
                    addr: tantivy::DocAddress::new(ord as u32, doc),
                    cluster,
                    fingerprint,
                    signature: xxhash_rust::xxh3::xxh3_64(&key),
                });
            }
        }
        all.sort_unstable_by_key(|e| e.id);
        Ok(all)
    }
}

/// What an article keeps in fast columns rather than in the doc store.
/// A copy as a hit lists it, read from the fast columns.
#[derive(Debug, Clone)]
pub struct CopyFields {
    pub id: DocId,
    pub path: String,
    pub date: Option<ArticleDate>,
    pub title: Option<String>,
}

/// The values of a string column for `(doc, key)` pairs, as `(key, value)`: the ords are
/// looked up in the order of the column's dictionary, so each of its (compressed) blocks
/// is read once rather than once per document.
fn strs_of(
    column: &tantivy::columnar::StrColumn,
    docs: impl Iterator<Item = (tantivy::DocId, usize)>,
) -> std::io::Result<Vec<(usize, String)>> {
    let mut ords: Vec<(u64, usize)> = docs
        .filter_map(|(doc, key)| Some((column.term_ords(doc).next()?, key)))
        .collect();
    ords.sort_unstable();
    let sorted: Vec<u64> = ords.iter().map(|(o, _)| *o).collect();
    let mut keys = ords.iter().map(|(_, k)| *k);
    let mut out = Vec::with_capacity(sorted.len());
    column
        .dictionary()
        .sorted_ords_to_term_cb(&sorted, |bytes| {
            if let Some(k) = keys.next() {
                out.push((k, String::from_utf8_lossy(bytes).into_owned()));
            }
        })?;
    Ok(out)
}

#[derive(Debug, Clone, Default)]
struct FastValues {
    id: u64,
    path: String,
    date: Option<ArticleDate>,
}

/// Total size of the files in the index directory.
pub fn size_on_disk(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tantivy::collector::DocSetCollector;
    use tantivy::query::AllQuery;

    use super::OpenIndex;
    use crate::index::{build, FileError, IndexRequest, Severity};
    use crate::ingest::{articles_from_bytes, Outcome, ReadOptions};

    /// The id, path and date come back from the fast columns, the rest from the doc store:
    /// every article reads back as extraction made it, across segments, dated to the
    /// minute, to the month or not at all, with its authors in the byline's order.
    #[test]
    fn articles_read_back_as_they_were_extracted() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(archive.join("2014/01")).unwrap();
        let files = [
            (
                "2014/01/wire.jsonl",
                concat!(
                    r#"{"id": "w1", "title": "Ferry strike ends", "date": "2014-01-22T05:30:00Z", "byline": "By Zoe Young and Adam Bell", "body": "The ferry strike ended on Wednesday."}"#,
                    "\n",
                    r#"{"id": "w2", "title": "Harbour reopens", "date": "2014-01", "body": "The harbour reopened this month."}"#,
                    "\n"
                ),
            ),
            (
                "2014/01/brief.txt",
                "Cranes idle\n\nJanuary 21, 2014\n\nThe cranes stood idle.\n",
            ),
            (
                "undated.txt",
                "Dock workers vote\n\nDock workers voted to return.\n",
            ),
        ];
        for (rel, text) in &files[..2] {
            std::fs::write(archive.join(rel), text).unwrap();
        }
        let req = IndexRequest::new(archive.clone(), dir.path().join("index"));
        let mut quiet = |_: &FileError, _: Severity| {};
        build(&req, &mut quiet).unwrap();
        // A second run adds a second segment.
        std::fs::write(archive.join(files[2].0), files[2].1).unwrap();
        build(&req, &mut quiet).unwrap();

        let mut expected = BTreeMap::new();
        for (rel, text) in &files {
            let Outcome::Articles { articles, .. } =
                articles_from_bytes(rel, text.as_bytes(), &ReadOptions::default())
            else {
                panic!("{rel} not read");
            };
            for a in articles {
                expected.insert(a.id, a);
            }
        }
        let index = OpenIndex::open(&req.index_dir).unwrap();
        let searcher = index.searcher().unwrap();
        assert!(searcher.segment_readers().len() >= 2);
        let mut read = BTreeMap::new();
        let mut addrs: Vec<_> = searcher
            .search(&AllQuery, &DocSetCollector)
            .unwrap()
            .into_iter()
            .collect();
        for &addr in &addrs {
            let a = index.article_at(&searcher, addr).unwrap();
            read.insert(a.id, a);
        }
        // Read together (paths looked up in dictionary order), in any order and with
        // repeats, they come back in the order asked.
        addrs.sort_by_key(|a| std::cmp::Reverse((a.segment_ord, a.doc_id)));
        addrs.push(addrs[0]);
        let together = index.articles_at(&searcher, &addrs).unwrap();
        assert_eq!(together.len(), addrs.len());
        for (addr, a) in addrs.iter().zip(&together) {
            assert_eq!(*a, index.article_at(&searcher, *addr).unwrap());
        }
        assert_eq!(together[0], together[4]);
        assert_eq!(read.len(), 4);
        assert_eq!(read, expected);
        let dated: Vec<_> = read
            .values()
            .filter_map(|a| a.fields.date.map(|d| d.precision.as_str()))
            .collect();
        assert_eq!(dated.len(), 3, "{dated:?}");
        assert!(read.values().any(|a| a.fields.authors.len() == 2));
    }
}
