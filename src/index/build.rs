//! The indexing run: incremental, batched, crash-safe.
//!
//! A run converges the index to exactly the archive's current content:
//! - every file's size and mtime are compared with the stamp stored on its articles; equal
//!   means unchanged and the file is not read (a file whose articles carry different stamps
//!   is read whatever they say);
//! - new and changed files are read and extracted by worker threads, their old articles
//!   deleted (by path) and the new ones added, in the same batch (`open_writer` says why
//!   the writer's first operation is a no-op);
//! - articles of files that are gone are deleted at the end; those under a path the walk
//!   could not visit (an unreadable directory) are kept, as an unreadable file's are.
//!
//! `--rebuild` of a healthy index deletes all of it and adds everything in one commit.
//!
//! Work is committed in batches (by article count and by time), so a killed run loses at
//! most one batch, and because file stamps live in the committed documents, the next run
//! redoes exactly what was lost. Readers always see the last commit. tantivy's writer lock
//! (an OS file lock, released when a process dies) makes a second concurrent run fail at
//! once instead of corrupting anything.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tantivy::query::{AllQuery, EmptyQuery};
use tantivy::{Index, IndexWriter, ReloadPolicy, Term};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::inflight::{article_bytes, in_flight_limit, CloseOnDrop, InFlight};
use crate::index::manifest::Manifest;
use crate::index::merge::BoundedMergePolicy;
use crate::index::open::{open_for_writing, Opened};
use crate::index::schema::{self, IndexSchema};
use crate::index::state::{self, FileStamp, Indexed};
use crate::index::to_document;
use crate::ingest::{self, Outcome, ReadOptions};

/// What `newsdex index` is asked to do.
#[derive(Debug, Clone)]
pub struct IndexRequest {
    pub archive: PathBuf,
    pub index_dir: PathBuf,
    /// Delete the index directory's contents and start from scratch.
    pub rebuild: bool,
    pub follow_links: bool,
    /// Writer memory budget in bytes (split across writer threads).
    pub memory_budget: usize,
    /// Reader and writer threads; `None` picks from the cores available.
    pub threads: Option<usize>,
    /// How files are read (forced format, JSON field mapping).
    pub read: ReadOptions,
    /// Commit after this many added articles...
    pub commit_every: usize,
    /// ...or after this much time, whichever comes first.
    pub commit_interval: Duration,
    /// Count the files first, so progress can show a total and an ETA.
    pub count_first: bool,
}

impl IndexRequest {
    /// A request with the documented defaults.
    pub fn new(archive: PathBuf, index_dir: PathBuf) -> Self {
        IndexRequest {
            archive,
            index_dir,
            rebuild: false,
            follow_links: false,
            memory_budget: 256_000_000,
            threads: None,
            read: ReadOptions::default(),
            commit_every: 20_000,
            commit_interval: Duration::from_secs(30),
            count_first: false,
        }
    }
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

/// Where a run is.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub files_done: u64,
    pub files_total: Option<u64>,
    pub articles_added: u64,
    pub elapsed: Duration,
}

/// Told about problems and progress while a run goes on (the CLI prints them).
pub trait Observer {
    fn problem(&mut self, _error: &FileError, _severity: Severity) {}
    fn progress(&mut self, _progress: &Progress) {}
}

impl<F: FnMut(&FileError, Severity)> Observer for F {
    fn problem(&mut self, error: &FileError, severity: Severity) {
        self(error, severity)
    }
}

/// The outcome of an indexing run.
#[derive(Debug, Clone, Default)]
pub struct IndexSummary {
    /// Articles in the index after the run.
    pub articles: u64,
    /// Files read for the first time.
    pub new_files: u64,
    /// Files whose content changed since the last run.
    pub updated_files: u64,
    /// Files gone from the archive whose articles were removed.
    pub deleted_files: u64,
    /// Files not re-read (or re-read and found identical).
    pub unchanged_files: u64,
    pub articles_added: u64,
    pub articles_deleted: u64,
    /// Files skipped by name (images, README, ...).
    pub unsupported: u64,
    /// Files read and found to hold only items that are not text (pictures, packages).
    pub not_text: u64,
    pub failed: Vec<FileError>,
    /// Problems with parts of files that were indexed (a malformed JSON line, ...).
    pub warnings: Vec<FileError>,
    pub commits: u64,
    pub elapsed: Duration,
}

impl IndexSummary {
    /// Files handled (indexed or unchanged); what the summary line counts.
    pub fn files(&self) -> u64 {
        self.new_files + self.updated_files + self.unchanged_files
    }

    /// Skipped files counted by reason, most common first.
    pub fn failures_by_reason(&self) -> Vec<(String, u64)> {
        let mut counts: HashMap<String, u64> = HashMap::new();
        for f in &self.failed {
            *counts.entry(reason_kind(&f.reason)).or_default() += 1;
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// The kind of a skip reason, for counting: the text before a detail in parentheses or
/// after a colon, without a leading count ("binary content (PNG image), not text" ->
/// "binary content"; "2 record(s) without title or text skipped" -> "record(s) without
/// title or text skipped").
fn reason_kind(reason: &str) -> String {
    // "line 1: invalid JSON (...)": the place is not part of the kind.
    let reason = reason
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
        .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(reason, |(_, rest)| rest);
    let head = [" (", ": "]
        .iter()
        .filter_map(|sep| reason.find(sep))
        .min()
        .map_or(reason, |i| &reason[..i]);
    head.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim()
        .to_string()
}

/// What a worker found out about one walked path.
enum Found {
    WalkError(FileError),
    Unsupported,
    /// Read: only pictures, packages of links and the like, no article text.
    NotText,
    Unchanged(String),
    Failed(FileError),
    Read {
        rel: String,
        stamp: FileStamp,
        /// The content is the same as the indexed one (only the mtime moved).
        same_content: bool,
        articles: Vec<Article>,
        problems: Vec<String>,
        /// What the articles take in memory, roughly (`article_bytes`).
        bytes: usize,
    },
}

/// Indexes `req.archive` into `req.index_dir`, incrementally.
pub fn build(req: &IndexRequest, observer: &mut dyn Observer) -> Result<IndexSummary> {
    crate::index::guard(&req.index_dir, || build_unguarded(req, observer))
}

fn build_unguarded(req: &IndexRequest, observer: &mut dyn Observer) -> Result<IndexSummary> {
    let started = Instant::now();
    let archive = req.archive.canonicalize().map_err(|e| Error::Archive {
        path: req.archive.clone(),
        source: e,
    })?;
    std::fs::read_dir(&archive).map_err(|e| Error::Archive {
        path: req.archive.clone(),
        source: e,
    })?;
    if req.index_dir.exists() && !req.index_dir.is_dir() {
        return Err(Error::IndexIsAFile {
            path: req.index_dir.clone(),
        });
    }
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
    let read_options = req.read.describe();
    let (index, opened) =
        open_for_writing(&index_dir, &schema, req.rebuild, &archive, &read_options)?;
    let reread = opened == Opened::Reread;
    let replace_all = opened == Opened::Replace;
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
    let mut writer =
        open_writer(&index, threads, budget).map_err(|e| writer_error(&index_dir, e))?;
    if replace_all {
        // --rebuild of a healthy index: every article it has is deleted by the run's one
        // commit, which also adds the new ones, so searches see the old index until the
        // new one is complete, and a killed rebuild leaves the old one as it was.
        writer
            .delete_query(Box::new(AllQuery))
            .map_err(|e| Error::tantivy(&index_dir, e))?;
    }

    // What a --rebuild replaces, for the summary's deletions.
    let replaced = if replace_all {
        index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map(|r: tantivy::IndexReader| r.searcher().num_docs())
            .map_err(|e| damaged(&index_dir, e))?
    } else {
        0
    };
    let known = if replace_all {
        HashMap::new()
    } else {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| damaged(&index_dir, e))?;
        state::load(&reader.searcher()).map_err(|e| damaged(&index_dir, e))?
    };
    let files_total = req.count_first.then(|| {
        ingest::walk(&archive, Some(&index_dir), req.follow_links)
            .filter(|r| r.is_ok())
            .count() as u64
    });

    let mut summary = IndexSummary {
        articles_deleted: replaced,
        ..IndexSummary::default()
    };
    let mut seen: HashSet<String> = HashSet::with_capacity(known.len());
    let mut unvisited: Vec<String> = Vec::new();
    let mut since_commit = 0usize;
    let mut last_commit = Instant::now();
    let mut files_done = 0u64;
    let path_field = schema.fields.path;

    let walker = Mutex::new(ingest::walk(&archive, Some(&index_dir), req.follow_links));
    let in_flight = InFlight::new(in_flight_limit(budget));
    let outcome: Result<()> = std::thread::scope(|scope| {
        let _close = CloseOnDrop(&in_flight);
        let (tx, rx) = sync_channel::<Found>(4 * threads);
        for _ in 0..threads {
            let tx = tx.clone();
            let (walker, known, read, in_flight) = (&walker, &known, &req.read, &in_flight);
            scope.spawn(move || loop {
                let next = match walker.lock() {
                    Ok(mut w) => w.next(),
                    Err(_) => None,
                };
                let Some(item) = next else { break };
                let found = examine(item, known, read, reread);
                if let Found::Read { bytes, .. } = &found {
                    in_flight.acquire(*bytes);
                }
                if tx.send(found).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for found in rx {
            files_done += 1;
            match found {
                Found::WalkError(e) => {
                    // What the index has under a path the walk could not visit stays.
                    unvisited.push(e.path.clone());
                    observer.problem(&e, Severity::Skipped);
                    summary.failed.push(e);
                }
                Found::Unsupported => summary.unsupported += 1,
                // Has no articles (any it had before are deleted, as for a vanished file).
                Found::NotText => summary.not_text += 1,
                Found::Unchanged(rel) => {
                    summary.unchanged_files += 1;
                    seen.insert(rel);
                }
                Found::Failed(e) => {
                    // The file is still there: keep what the index has of it until it
                    // can be read again.
                    seen.insert(e.path.clone());
                    observer.problem(&e, Severity::Skipped);
                    summary.failed.push(e);
                }
                Found::Read {
                    rel,
                    stamp,
                    same_content,
                    articles,
                    problems,
                    bytes,
                } => {
                    if let Some(old) = known.get(&rel) {
                        writer.delete_term(Term::from_field_text(path_field, &rel));
                        summary.articles_deleted += old.articles;
                        if same_content {
                            summary.unchanged_files += 1;
                        } else {
                            summary.updated_files += 1;
                        }
                    } else {
                        summary.new_files += 1;
                    }
                    for reason in problems {
                        let w = FileError {
                            path: rel.clone(),
                            reason,
                        };
                        observer.problem(&w, Severity::Warning);
                        summary.warnings.push(w);
                    }
                    for article in &articles {
                        writer
                            .add_document(to_document(&schema, article, &stamp))
                            .map_err(|e| Error::tantivy(&index_dir, e))?;
                    }
                    summary.articles_added += articles.len() as u64;
                    since_commit += articles.len();
                    drop(articles);
                    in_flight.release(bytes);
                    seen.insert(rel);
                }
            }
            if !replace_all
                && (since_commit >= req.commit_every
                    || (since_commit > 0 && last_commit.elapsed() >= req.commit_interval))
            {
                writer.commit().map_err(|e| Error::tantivy(&index_dir, e))?;
                summary.commits += 1;
                since_commit = 0;
                last_commit = Instant::now();
            }
            observer.progress(&Progress {
                files_done,
                files_total,
                articles_added: summary.articles_added,
                elapsed: started.elapsed(),
            });
        }
        Ok(())
    });
    outcome?;

    for (rel, old) in vanished(&known, &seen, &unvisited) {
        writer.delete_term(Term::from_field_text(path_field, rel));
        summary.deleted_files += 1;
        summary.articles_deleted += old.articles;
    }
    // An unchanged archive needs no commit: skipping it also skips the merges a commit
    // may start, which would make a no-op re-run cost a good part of the first run.
    let changed = summary.articles_added > 0 || summary.articles_deleted > 0;
    if changed || summary.commits > 0 || known.is_empty() {
        writer.commit().map_err(|e| Error::tantivy(&index_dir, e))?;
        summary.commits += 1;
        writer
            .wait_merging_threads()
            .map_err(|e| Error::tantivy(&index_dir, e))?;
    } else {
        // Files no commit refers to (segments of a killed run, such as a killed --rebuild,
        // which commits only at its end) are otherwise removed only after a commit.
        writer
            .garbage_collect_files()
            .wait()
            .map_err(|e| Error::tantivy(&index_dir, e))?;
        writer
            .rollback()
            .map_err(|e| Error::tantivy(&index_dir, e))?;
        drop(writer);
    }

    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| Error::tantivy(&index_dir, e))?;
    summary.articles = reader.searcher().num_docs();
    drop(walker);
    Manifest::new(schema.version, archive.clone(), read_options, true).write(&index_dir)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Opens the run's writer with the bounded merge policy, its first operation spent on a
/// delete that matches nothing.
///
/// tantivy 0.27 gives a new writer's first operation the opstamp of the last commit, and a
/// merge of committed segments started before this run's first commit (a killed run leaves
/// many small ones, and the first segment this run adds sets the merge off) targets that
/// same opstamp: it counts a segment whose deletes were applied at the last commit as up to
/// date with an operation it never saw, and the merged segment's delete cursor starts past
/// it. A re-read file's delete issued first was thereby lost in the merge while its new
/// article was added: two documents for one article, and the new stamp made the file look
/// unchanged to every later run. Spending that opstamp on a no-op keeps every real delete
/// after it.
fn open_writer(index: &Index, threads: usize, budget: usize) -> tantivy::Result<IndexWriter> {
    let writer: IndexWriter = index.writer_with_num_threads(threads, budget)?;
    writer.set_merge_policy(Box::new(BoundedMergePolicy::for_budget(budget)));
    writer.delete_query(Box::new(EmptyQuery))?;
    Ok(writer)
}

/// The indexed files that are gone: not met by the walk, and not under a path the walk
/// could not visit (reported as skipped). An unreadable directory keeps what the index has
/// of it, as an unreadable file does, until it can be read again: the walk cannot tell
/// whether its files are still there.
fn vanished<'a>(
    known: &'a HashMap<String, Indexed>,
    seen: &HashSet<String>,
    unvisited: &[String],
) -> Vec<(&'a String, &'a Indexed)> {
    known
        .iter()
        .filter(|(rel, _)| !seen.contains(*rel) && !unvisited.iter().any(|p| holds(p, rel)))
        .collect()
}

/// Whether the archive path `rel` is `path` or lies under it ("" is the archive itself).
fn holds(path: &str, rel: &str) -> bool {
    path.is_empty()
        || rel
            .strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Decides what to do with one walked path; runs on a worker thread.
fn examine(
    item: ingest::WalkItem,
    known: &HashMap<String, Indexed>,
    read: &ReadOptions,
    reread: bool,
) -> Found {
    let entry = match item {
        Ok(e) => e,
        Err((path, reason)) => return Found::WalkError(FileError { path, reason }),
    };
    let name = entry.rel.rsplit('/').next().unwrap_or(&entry.rel);
    if read.force_format.is_none()
        && ingest::sniff::from_name(name).0 == ingest::sniff::NameHint::Skip
    {
        return Found::Unsupported;
    }
    let failed = |reason: String| {
        Found::Failed(FileError {
            path: entry.rel.clone(),
            reason,
        })
    };
    let (size, mtime_ns) = match state::stat(&entry.abs) {
        Ok(s) => s,
        Err(e) => return failed(e.to_string()),
    };
    // A file whose documents disagree about its stamp is read again whatever they say.
    let old = known.get(&entry.rel).filter(|o| !o.mixed).map(|o| o.stamp);
    if !reread && old.is_some_and(|o| o.size == size && o.mtime_ns == mtime_ns) {
        return Found::Unchanged(entry.rel);
    }
    let bytes = match ingest::read_capped(&entry.abs) {
        Ok(b) => b,
        Err(reason) => return failed(reason),
    };
    let stamp = FileStamp {
        size: bytes.len() as u64,
        mtime_ns,
        hash: state::hash(&bytes),
    };
    match ingest::articles_from_bytes(&entry.rel, &bytes, read) {
        Outcome::Articles { articles, problems } => Found::Read {
            bytes: articles.iter().map(article_bytes).sum(),
            same_content: !reread && old.is_some_and(|o| o.hash == stamp.hash),
            rel: entry.rel,
            stamp,
            articles,
            problems,
        },
        Outcome::Unsupported => Found::Unsupported,
        Outcome::NotText(_) => Found::NotText,
        Outcome::Failed(reason) => failed(reason),
    }
}

fn damaged(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::damaged(dir, e)
}

fn writer_error(dir: &Path, e: tantivy::TantivyError) -> Error {
    match e {
        tantivy::TantivyError::LockFailure(..) => Error::Locked {
            path: dir.to_path_buf(),
        },
        other => damaged(dir, other),
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::Count;
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index, IndexWriter, Term};

    use std::collections::HashMap;

    use super::{examine, open_writer, reason_kind, vanished, Found};
    use crate::index::state::{self, FileStamp, Indexed};
    use crate::ingest::{Entry, ReadOptions};

    fn indexed(paths: &[&str]) -> HashMap<String, Indexed> {
        let stamp = FileStamp {
            size: 1,
            mtime_ns: 1,
            hash: 1,
        };
        paths
            .iter()
            .map(|p| {
                let f = Indexed {
                    stamp,
                    articles: 1,
                    mixed: false,
                };
                (p.to_string(), f)
            })
            .collect()
    }

    /// `vanished` as sorted paths.
    fn gone(known: &HashMap<String, Indexed>, seen: &[&str], unvisited: &[&str]) -> Vec<String> {
        let seen = seen.iter().map(|s| s.to_string()).collect();
        let unvisited: Vec<String> = unvisited.iter().map(|s| s.to_string()).collect();
        let mut v: Vec<String> = vanished(known, &seen, &unvisited)
            .into_iter()
            .map(|(p, _)| p.clone())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn paths_under_an_unvisited_directory_are_not_vanished() {
        let known = indexed(&[
            "a.txt",
            "locked/x.txt",
            "locked/deep/y.txt",
            "locked-not/z.txt",
            "lockedz.txt",
            "gone/w.txt",
        ]);
        // Nothing unvisited: whatever the walk did not meet is gone.
        assert_eq!(
            gone(&known, &["a.txt"], &[]),
            [
                "gone/w.txt",
                "locked-not/z.txt",
                "locked/deep/y.txt",
                "locked/x.txt",
                "lockedz.txt"
            ]
        );
        // `locked` could not be listed: everything under it stays, and only that.
        assert_eq!(
            gone(&known, &["a.txt", "lockedz.txt"], &["locked"]),
            ["gone/w.txt", "locked-not/z.txt"]
        );
        // A nested directory, and a file the walk could not visit (a dangling link).
        assert_eq!(
            gone(&known, &["a.txt"], &["locked/deep", "gone/w.txt"]),
            ["locked-not/z.txt", "locked/x.txt", "lockedz.txt"]
        );
        // The archive itself: nothing is gone.
        assert!(gone(&known, &[], &[""]).is_empty());
    }

    #[test]
    fn a_file_whose_articles_disagree_about_its_stamp_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let abs = dir.path().join("story.txt");
        std::fs::write(&abs, "A title\n\nThe body of the story.\n").unwrap();
        let (size, mtime_ns) = state::stat(&abs).unwrap();
        let stamp = FileStamp {
            size,
            mtime_ns,
            hash: state::hash(&std::fs::read(&abs).unwrap()),
        };
        let look = |mixed: bool| {
            let known = HashMap::from([(
                "story.txt".to_string(),
                Indexed {
                    stamp,
                    articles: 2,
                    mixed,
                },
            )]);
            let entry = Entry {
                abs: abs.clone(),
                rel: "story.txt".to_string(),
            };
            examine(Ok(entry), &known, &ReadOptions::default(), false)
        };
        assert!(matches!(look(false), Found::Unchanged(_)));
        match look(true) {
            Found::Read {
                same_content,
                articles,
                ..
            } => {
                assert!(!same_content, "counted as updated");
                assert_eq!(articles.len(), 1);
            }
            _ => panic!("a mixed file must be read"),
        }
    }

    /// The state a killed run leaves and the next run's first steps: ten small committed
    /// segments (so the next run's first commit sets off a merge of them), the biggest
    /// with deletes applied at the last commit and holding `b`; then a writer from
    /// `open_writer` re-indexes `b` (delete first, then add) and commits.
    #[test]
    fn a_run_with_nothing_to_commit_removes_files_no_commit_refers_to() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        std::fs::write(archive.join("a.txt"), "Title\n\nThe ferry ran late.\n").unwrap();
        let req = super::IndexRequest::new(archive.clone(), dir.path().join("index"));
        let mut quiet = |_: &super::FileError, _: super::Severity| {};
        super::build(&req, &mut quiet).unwrap();
        let files = || -> std::collections::BTreeSet<String> {
            std::fs::read_dir(&req.index_dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        };
        let before = files();
        // A run killed before its commit (a --rebuild commits only at its end): segments
        // written to disk that no commit lists.
        {
            let index = Index::open_in_dir(&req.index_dir).unwrap();
            crate::index::schema::register_tokenizer(&index);
            let schema = crate::index::schema::IndexSchema::current().unwrap();
            let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
            for i in 0..50 {
                let mut d = tantivy::TantivyDocument::default();
                d.add_text(schema.fields.body, format!("orphan text {i}"));
                w.add_document(d).unwrap();
            }
            let prepared = w.prepare_commit().unwrap();
            drop(prepared);
            drop(w);
        }
        assert!(files().len() > before.len(), "orphans were written");
        let summary = super::build(&req, &mut quiet).unwrap();
        assert_eq!(summary.commits, 0, "nothing changed");
        assert_eq!(files(), before);
    }

    #[test]
    fn a_delete_issued_first_survives_a_merge_of_committed_segments() {
        let mut builder = Schema::builder();
        let path = builder.add_text_field("path", STRING);
        let index = Index::create_in_ram(builder.build());
        let term = |p: &str| Term::from_field_text(path, p);
        {
            let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
            w.set_merge_policy(Box::new(NoMergePolicy));
            for p in ["a", "b", "c"] {
                w.add_document(doc!(path => p)).unwrap();
            }
            w.commit().unwrap();
            for i in 0..9 {
                w.add_document(doc!(path => format!("x{i}"))).unwrap();
                w.commit().unwrap();
            }
            w.delete_term(term("a"));
            w.commit().unwrap();
            w.wait_merging_threads().unwrap();
        }
        let mut w = open_writer(&index, 1, 15_000_000).unwrap();
        w.delete_term(term("b"));
        w.add_document(doc!(path => "b")).unwrap();
        w.commit().unwrap();
        w.wait_merging_threads().unwrap();

        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2, "the merge ran");
        let q = TermQuery::new(term("b"), IndexRecordOption::Basic);
        assert_eq!(
            searcher.search(&q, &Count).unwrap(),
            1,
            "one document for b"
        );
        assert_eq!(searcher.num_docs(), 11);
    }

    #[test]
    fn reasons_group_by_kind() {
        assert_eq!(
            reason_kind("binary content (PNG image), not text"),
            "binary content"
        );
        assert_eq!(reason_kind("empty file"), "empty file");
        assert_eq!(
            reason_kind("line 1: invalid JSON (expected value at column 1)"),
            "invalid JSON"
        );
        assert_eq!(
            reason_kind("file too large (200 MiB; the limit is 64 MiB)"),
            "file too large"
        );
        assert_eq!(
            reason_kind("1 record(s) without title or text skipped"),
            "record(s) without title or text skipped"
        );
        assert_eq!(
            reason_kind("truncated or corrupt gzip data (unexpected end)"),
            "truncated or corrupt gzip data"
        );
    }
}
