//! One indexing run as a small state machine, driven by `build`:
//! - `Run::start` checks the archive and the index directory, opens (or creates) the index
//!   and its writer, and loads what the index holds of each file;
//! - `Run::apply` takes one file's outcome from the workers: deletes its old articles,
//!   adds its new ones with their copy clusters (`clusters`), and counts;
//! - `Run::maybe_commit` commits by article count and by time;
//! - `Run::finish` deletes the articles of vanished files, makes the final commit (or none,
//!   for an unchanged archive), writes the manifest and completes the summary.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tantivy::query::{AllQuery, EmptyQuery};
use tantivy::{Index, IndexWriter, ReloadPolicy, Term};

use crate::error::{Error, Result};
use crate::index::clusters::Clusters;
use crate::index::document::to_document;
use crate::index::manifest::{self, Manifest};
use crate::index::merge::BoundedMergePolicy;
use crate::index::open::{open_for_writing, Opened};
use crate::index::report::{FileError, IndexSummary, Observer, Progress, Severity};
use crate::index::schema::{self, IndexSchema};
use crate::index::state::{self, Indexed};
use crate::index::workers::{Found, Pool};
use crate::ingest::{self, ReadOptions};

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

/// A run under way: the index, its writer, what the index held when the run started, and
/// the counts so far.
pub(super) struct Run<'r> {
    req: &'r IndexRequest,
    started: Instant,
    archive: PathBuf,
    index_dir: PathBuf,
    schema: IndexSchema,
    /// `ReadOptions::describe` of the request, for the manifest.
    read_options: String,
    index: Index,
    writer: IndexWriter,
    /// `--rebuild` of a healthy index: everything is replaced by the run's one commit.
    replace_all: bool,
    /// Every file is read whatever its stamp says.
    reread: bool,
    threads: usize,
    /// The writer's memory budget, in bytes.
    budget: usize,
    /// What the index held of each file when the run started.
    known: Arc<HashMap<String, Indexed>>,
    /// The copy clusters of the articles indexed, kept up to date as the run goes; read
    /// from `indexed` when the run first reads a file (an unchanged archive never does).
    clusters: Option<Clusters>,
    /// Analyzers of the languages other than English met so far (their articles are
    /// given to tantivy pre-tokenized).
    analyzers: crate::index::schema::LanguageAnalyzers,
    /// The index as the run found it (none for a --rebuild, which replaces it all).
    indexed: Option<tantivy::Searcher>,
    files_total: Option<u64>,
    files_done: u64,
    /// Files met by the walk that are still in the archive.
    seen: HashSet<String>,
    /// Paths the walk could not visit: what the index has under them stays.
    unvisited: Vec<String>,
    since_commit: usize,
    last_commit: Instant,
    summary: IndexSummary,
}

impl<'r> Run<'r> {
    /// Checks the archive and the index directory, opens the index for writing (creating
    /// it when new) and sets up the writer.
    pub(super) fn start(req: &'r IndexRequest) -> Result<Self> {
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
        let writer =
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
        let (known, indexed) = if replace_all {
            (HashMap::new(), None)
        } else {
            let reader: tantivy::IndexReader = index
                .reader_builder()
                .reload_policy(ReloadPolicy::Manual)
                .try_into()
                .map_err(|e| damaged(&index_dir, e))?;
            let searcher = reader.searcher();
            (
                state::load(&searcher).map_err(|e| damaged(&index_dir, e))?,
                Some(searcher),
            )
        };
        let files_total = req.count_first.then(|| {
            ingest::walk(
                &archive,
                Some(&index_dir),
                manifest::is_index_dir,
                req.follow_links,
            )
            .filter(|r| r.is_ok())
            .count() as u64
        });
        Ok(Run {
            req,
            started,
            archive,
            index_dir,
            schema,
            read_options,
            index,
            writer,
            replace_all,
            reread: opened == Opened::Reread,
            threads,
            budget,
            seen: HashSet::with_capacity(known.len()),
            known: Arc::new(known),
            clusters: None,
            analyzers: Default::default(),
            indexed,
            files_total,
            files_done: 0,
            unvisited: Vec::new(),
            since_commit: 0,
            last_commit: Instant::now(),
            summary: IndexSummary {
                articles_deleted: replaced,
                ..IndexSummary::default()
            },
        })
    }

    /// The workers that walk the archive and read its files for this run.
    pub(super) fn pool(&self) -> Pool {
        Pool {
            archive: self.archive.clone(),
            index_dir: self.index_dir.clone(),
            follow_links: self.req.follow_links,
            threads: self.threads,
            budget: self.budget,
            read: self.req.read.clone(),
            known: Arc::clone(&self.known),
            reread: self.reread,
        }
    }

    /// Takes one file's outcome: its old articles deleted and its new ones added (in the
    /// same batch), problems reported, everything counted.
    pub(super) fn apply(&mut self, found: Found, observer: &mut dyn Observer) -> Result<()> {
        self.files_done += 1;
        let summary = &mut self.summary;
        match found {
            Found::WalkError(e) => {
                // What the index has under a path the walk could not visit stays.
                self.unvisited.push(e.path.clone());
                observer.problem(&e, Severity::Skipped);
                summary.failed.push(e);
            }
            Found::Unsupported => summary.unsupported += 1,
            // Has no articles (any it had before are deleted, as for a vanished file).
            Found::NotText => summary.not_text += 1,
            Found::Unchanged(rel) => {
                summary.unchanged_files += 1;
                self.seen.insert(rel);
            }
            Found::Failed(e) => {
                // The file is still there: keep what the index has of it until it can be
                // read again.
                self.seen.insert(e.path.clone());
                observer.problem(&e, Severity::Skipped);
                summary.failed.push(e);
            }
            Found::Read {
                rel,
                stamp,
                same_content,
                articles,
                problems,
                bytes: _,
            } => {
                // The snapshot of the index is let go once read: it would keep the files of
                // merged segments on disk.
                let mut clusters = match (self.clusters.take(), self.indexed.take()) {
                    (Some(c), _) => c,
                    (None, Some(s)) => {
                        Clusters::load(&s).map_err(|e| damaged(&self.index_dir, e))?
                    }
                    (None, None) => Clusters::new(),
                };
                if let Some(old) = self.known.get(&rel) {
                    self.writer
                        .delete_term(Term::from_field_text(self.schema.fields.path, &rel));
                    clusters.forget(&rel);
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
                    let fp = crate::dedup::fingerprint(&article.fields.body);
                    let cluster = clusters.assign(fp, article.id.0);
                    clusters.add(&rel, fp, cluster);
                    self.writer
                        .add_document(to_document(
                            &self.schema,
                            article,
                            &stamp,
                            fp,
                            cluster,
                            &mut self.analyzers,
                        ))
                        .map_err(|e| Error::tantivy(&self.index_dir, e))?;
                }
                self.clusters = Some(clusters);
                summary.articles_added += articles.len() as u64;
                self.since_commit += articles.len();
                self.seen.insert(rel);
            }
        }
        Ok(())
    }

    /// Commits when `commit_every` articles were added since the last commit, or some
    /// were and `commit_interval` has passed; a killed run loses at most that batch. A
    /// `--rebuild` that replaces the index commits only in `finish`.
    pub(super) fn maybe_commit(&mut self) -> Result<()> {
        let due = self.since_commit >= self.req.commit_every
            || (self.since_commit > 0 && self.last_commit.elapsed() >= self.req.commit_interval);
        if !self.replace_all && due {
            self.writer
                .commit()
                .map_err(|e| Error::tantivy(&self.index_dir, e))?;
            self.summary.commits += 1;
            self.since_commit = 0;
            self.last_commit = Instant::now();
        }
        Ok(())
    }

    /// Where the run is, for the observer.
    pub(super) fn progress(&self) -> Progress {
        Progress {
            files_done: self.files_done,
            files_total: self.files_total,
            articles_added: self.summary.articles_added,
            elapsed: self.started.elapsed(),
        }
    }

    /// Deletes the articles of vanished files, commits (when anything changed), writes
    /// the manifest and returns the summary.
    pub(super) fn finish(mut self) -> Result<IndexSummary> {
        // Nothing read: the snapshot goes before the commit collects unused files.
        self.indexed = None;
        let path_field = self.schema.fields.path;
        let summary = &mut self.summary;
        for (rel, old) in vanished(&self.known, &self.seen, &self.unvisited) {
            self.writer
                .delete_term(Term::from_field_text(path_field, rel));
            summary.deleted_files += 1;
            summary.articles_deleted += old.articles;
        }
        let index_dir = &self.index_dir;
        let tantivy_error = |e| Error::tantivy(index_dir, e);
        // An unchanged archive needs no commit: skipping it also skips the merges a commit
        // may start, which would make a no-op re-run cost a good part of the first run.
        let changed = summary.articles_added > 0 || summary.articles_deleted > 0;
        if changed || summary.commits > 0 || self.known.is_empty() {
            self.writer.commit().map_err(tantivy_error)?;
            summary.commits += 1;
            self.writer.wait_merging_threads().map_err(tantivy_error)?;
        } else {
            // Files no commit refers to (segments of a killed run, such as a killed
            // --rebuild, which commits only at its end) are otherwise removed only after a
            // commit.
            self.writer
                .garbage_collect_files()
                .wait()
                .map_err(tantivy_error)?;
            self.writer.rollback().map_err(tantivy_error)?;
            drop(self.writer);
        }

        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_error)?;
        summary.articles = reader.searcher().num_docs();
        Manifest::new(self.schema.version, self.archive, self.read_options, true)
            .write(index_dir)?;
        summary.elapsed = self.started.elapsed();
        Ok(self.summary)
    }
}

/// Opens the run's writer with the bounded merge policy, its first operation spent on a
/// delete that matches nothing.
///
/// tantivy 0.27 gives a new writer's first operation the opstamp of the last commit, and a
/// merge of committed segments started before this run's first commit (a killed run leaves
/// many small ones, and the first segment this run adds sets the merge off) targets that
/// same opstamp: it counts a segment whose deletes were applied at the last commit as up to
/// date with an operation it never saw, and the merged segment's delete cursor starts past
/// it. A re-read file's delete issued first would be lost in that merge while its new
/// article is added: two documents for one article, and the new stamp makes the file look
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

    use super::{open_writer, vanished};
    use crate::index::state::{FileStamp, Indexed};

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

    /// The state a killed run leaves and the next run's first steps: ten small committed
    /// segments (so the next run's first commit sets off a merge of them), the biggest
    /// with deletes applied at the last commit and holding `b`; then a writer from
    /// `open_writer` re-indexes `b` (delete first, then add) and commits.
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
}
