//! The index: schema, Article -> tantivy document, the indexing run, and opening an index
//! for search with its version checked.
//!
//! An index holds one archive. A run replaces the whole content in one commit (delete all,
//! add all), so readers see either the old index or the new one, never a mix, and a crash
//! mid-run leaves the previous commit intact.

pub mod manifest;
pub mod schema;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::schema::{TantivyDocument, Value};
use tantivy::{DateTime, Index, IndexWriter};

use crate::article::{Article, DocId, Fields as ArticleFields};
use crate::error::{Error, Result};
use crate::extract::date::{ArticleDate, DatePrecision};
use crate::ingest::{self, Outcome};
pub use manifest::Manifest;
pub use schema::IndexSchema;

/// An opened index, ready to search.
pub struct OpenIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub schema: IndexSchema,
    pub manifest: Manifest,
}

impl OpenIndex {
    /// Opens the index at `dir`, checking it is a newsdex index of this schema version.
    pub fn open(dir: &Path) -> Result<Self> {
        let schema = IndexSchema::current()?;
        if !dir.is_dir() {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            });
        }
        let Some(manifest) = Manifest::read(dir)? else {
            let empty = std::fs::read_dir(dir)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
            return Err(if empty {
                Error::NoIndex {
                    path: dir.to_path_buf(),
                }
            } else {
                Error::NotAnIndex {
                    path: dir.to_path_buf(),
                }
            });
        };
        if manifest.schema_version != schema.version {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: manifest.schema_version,
                expected: schema.version,
            });
        }
        let index = Index::open_in_dir(dir).map_err(|e| Error::Damaged {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        schema::register_tokenizer(&index);
        Ok(OpenIndex {
            dir: dir.to_path_buf(),
            index,
            schema,
            manifest,
        })
    }

    /// Reads one stored document back into an `Article`.
    pub fn article(&self, doc: &TantivyDocument) -> Article {
        let f = &self.schema.fields;
        let text = |field| -> Option<String> {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let precision = text(f.date_precision)
            .and_then(|p| DatePrecision::from_name(&p))
            .unwrap_or(DatePrecision::Second);
        let date = doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .map(|d| ArticleDate {
                utc: d.into_utc(),
                precision,
            });
        Article {
            id: DocId(doc.get_first(f.id).and_then(|v| v.as_u64()).unwrap_or(0)),
            path: text(f.path).unwrap_or_default(),
            format: text(f.format).unwrap_or_default(),
            encoding: text(f.encoding).unwrap_or_default(),
            fields: ArticleFields {
                title: text(f.title),
                date,
                byline: text(f.byline),
                authors: doc
                    .get_all(f.authors)
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                body: text(f.body).unwrap_or_default(),
                source_id: text(f.source_id),
            },
        }
    }
}

/// What `newsdex index` is asked to do.
#[derive(Debug, Clone)]
pub struct IndexRequest {
    pub archive: PathBuf,
    pub index_dir: PathBuf,
    /// Delete the index directory's contents and start from scratch (needed after a schema change).
    pub rebuild: bool,
    pub follow_links: bool,
    /// Writer memory budget in bytes (split across writer threads).
    pub memory_budget: usize,
    /// Writer threads; `None` lets newsdex pick from the cores available.
    pub threads: Option<usize>,
    /// How files are read (forced format, JSON field mapping).
    pub read: ingest::ReadOptions,
}

/// How bad a file problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The file was skipped; the run will exit 2.
    Skipped,
    /// Part of the file was skipped (a bad record); the rest is indexed.
    Warning,
}

/// A file that could not be indexed (or only in part), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub reason: String,
}

/// The outcome of an indexing run.
#[derive(Debug, Clone, Default)]
pub struct IndexSummary {
    pub articles: u64,
    pub files: u64,
    pub unsupported: u64,
    pub failed: Vec<FileError>,
    /// Problems with parts of files that were indexed (a malformed JSON line, ...).
    pub warnings: Vec<FileError>,
    pub elapsed: Duration,
}

/// Indexes `req.archive` into `req.index_dir`, replacing what the index held.
/// `on_error` is told about each file that fails as soon as it does.
pub fn build(
    req: &IndexRequest,
    mut on_error: impl FnMut(&FileError, Severity),
) -> Result<IndexSummary> {
    let started = Instant::now();
    let archive = req.archive.canonicalize().map_err(|e| Error::Archive {
        path: req.archive.clone(),
        source: e,
    })?;
    std::fs::read_dir(&archive).map_err(|e| Error::Archive {
        path: req.archive.clone(),
        source: e,
    })?;
    std::fs::create_dir_all(&req.index_dir).map_err(|e| Error::io(&req.index_dir, e))?;
    let index_dir = req
        .index_dir
        .canonicalize()
        .map_err(|e| Error::io(&req.index_dir, e))?;
    if index_dir == archive {
        return Err(Error::IndexIsArchive {
            archive,
            index: index_dir,
        });
    }

    let schema = IndexSchema::current()?;
    let index = open_for_writing(&index_dir, &schema, req.rebuild)?;
    schema::register_tokenizer(&index);
    let threads = req
        .threads
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(8)
        })
        .max(1);
    let budget = req.memory_budget.max(threads * 15_000_000);
    let mut writer: IndexWriter = index
        .writer_with_num_threads(threads, budget)
        .map_err(|e| writer_error(&index_dir, e))?;
    writer
        .delete_all_documents()
        .map_err(|e| Error::tantivy(&index_dir, e))?;

    let mut summary = IndexSummary::default();
    for item in ingest::walk(&archive, Some(&index_dir), req.follow_links) {
        let entry = match item {
            Ok(entry) => entry,
            Err((path, reason)) => {
                let err = FileError { path, reason };
                on_error(&err, Severity::Skipped);
                summary.failed.push(err);
                continue;
            }
        };
        match ingest::read_entry(&entry, &req.read) {
            Outcome::Articles { articles, problems } => {
                summary.files += 1;
                for reason in problems {
                    let warning = FileError {
                        path: entry.rel.clone(),
                        reason,
                    };
                    on_error(&warning, Severity::Warning);
                    summary.warnings.push(warning);
                }
                for article in &articles {
                    writer
                        .add_document(to_document(&schema, article))
                        .map_err(|e| Error::tantivy(&index_dir, e))?;
                    summary.articles += 1;
                }
            }
            Outcome::Unsupported => summary.unsupported += 1,
            Outcome::Failed(reason) => {
                let err = FileError {
                    path: entry.rel,
                    reason,
                };
                on_error(&err, Severity::Skipped);
                summary.failed.push(err);
            }
        }
    }
    writer.commit().map_err(|e| Error::tantivy(&index_dir, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| Error::tantivy(&index_dir, e))?;
    Manifest {
        schema_version: schema.version,
        newsdex_version: env!("CARGO_PKG_VERSION").to_string(),
        archive,
        indexed_at: crate::search::dates::rfc3339(time::OffsetDateTime::now_utc()),
    }
    .write(&index_dir)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn writer_error(dir: &Path, e: tantivy::TantivyError) -> Error {
    match e {
        tantivy::TantivyError::LockFailure(..) => Error::Damaged {
            path: dir.to_path_buf(),
            reason: "another `newsdex index` is writing to this index; wait for it to finish"
                .into(),
        },
        other => Error::tantivy(dir, other),
    }
}

/// Opens the index for a run, creating it when the directory is new (or `rebuild`).
fn open_for_writing(dir: &Path, schema: &IndexSchema, rebuild: bool) -> Result<Index> {
    let manifest = Manifest::read(dir);
    let is_empty = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .next()
        .is_none();
    match manifest {
        Ok(Some(m)) if !rebuild && m.schema_version != schema.version => {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: m.schema_version,
                expected: schema.version,
            })
        }
        Ok(Some(_)) if !rebuild => {
            return Index::open_in_dir(dir).map_err(|e| Error::Damaged {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })
        }
        Ok(None) if !is_empty => {
            return Err(Error::NotAnIndex {
                path: dir.to_path_buf(),
            })
        }
        Err(e) if !rebuild => return Err(e),
        _ => {}
    }
    if !is_empty {
        clear_index_dir(dir)?;
    }
    Index::create_in_dir(dir, schema.schema.clone()).map_err(|e| Error::tantivy(dir, e))
}

/// Empties an index directory for `--rebuild`. Only reached when it holds a manifest
/// (valid or damaged), so a directory that is not ours is never touched.
fn clear_index_dir(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let res = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        res.map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Article -> tantivy document.
pub fn to_document(schema: &IndexSchema, a: &Article) -> TantivyDocument {
    let f = &schema.fields;
    let mut doc = TantivyDocument::new();
    doc.add_u64(f.id, a.id.0);
    doc.add_text(f.path, &a.path);
    doc.add_text(f.format, &a.format);
    doc.add_text(f.encoding, &a.encoding);
    if let Some(t) = &a.fields.title {
        doc.add_text(f.title, t);
    }
    if let Some(b) = &a.fields.byline {
        doc.add_text(f.byline, b);
    }
    for name in &a.fields.authors {
        doc.add_text(f.authors, name);
    }
    if let Some(s) = &a.fields.source_id {
        doc.add_text(f.source_id, s);
    }
    if let Some(d) = &a.fields.date {
        doc.add_date(f.date, DateTime::from_utc(d.utc));
        doc.add_text(f.date_precision, d.precision.as_str());
    }
    doc.add_text(f.body, &a.fields.body);
    doc
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
