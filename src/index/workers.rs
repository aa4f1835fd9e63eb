//! The worker pool of an indexing run: threads that take the archive's files from one
//! walk, decide for each whether it must be read (skipped by name, unchanged by its
//! stamp), read it into articles with `ingest::read_file`, and hand what they found to the
//! run one file at a time, on the calling thread. Read articles waiting for the writer are
//! bounded in memory (`inflight`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use crate::article::Article;
use crate::error::Result;
use crate::index::inflight::{article_bytes, in_flight_limit, CloseOnDrop, InFlight};
use crate::index::manifest;
use crate::index::report::FileError;
use crate::index::state::{self, FileStamp, Indexed};
use crate::ingest::{self, Outcome, ReadOptions};

/// What a worker found out about one walked path.
pub(super) enum Found {
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

impl Found {
    /// The memory this finding holds against the in-flight bound until the run has
    /// taken it.
    fn held(&self) -> usize {
        match self {
            Found::Read { bytes, .. } => *bytes,
            _ => 0,
        }
    }
}

/// What the workers of one run need: where to walk, how to read, and what the index
/// already holds.
pub(super) struct Pool {
    pub archive: PathBuf,
    pub index_dir: PathBuf,
    pub follow_links: bool,
    pub threads: usize,
    /// The writer's memory budget, which bounds the articles waiting for it.
    pub budget: usize,
    pub read: ReadOptions,
    pub known: Arc<HashMap<String, Indexed>>,
    /// Read every file whatever its stamp says (`open::Opened::Reread`).
    pub reread: bool,
}

impl Pool {
    /// Walks the archive with `threads` workers and calls `each` for every path found, on
    /// this thread, as the workers finish them; stops at the first error `each` returns.
    pub(super) fn for_each(&self, mut each: impl FnMut(Found) -> Result<()>) -> Result<()> {
        let walker = Mutex::new(ingest::walk(
            &self.archive,
            Some(&self.index_dir),
            manifest::is_index_dir,
            self.follow_links,
        ));
        let in_flight = InFlight::new(in_flight_limit(self.budget));
        std::thread::scope(|scope| {
            let _close = CloseOnDrop(&in_flight);
            let (tx, rx) = sync_channel::<Found>(4 * self.threads);
            for _ in 0..self.threads {
                let tx = tx.clone();
                let (walker, in_flight) = (&walker, &in_flight);
                scope.spawn(move || loop {
                    let next = match walker.lock() {
                        Ok(mut w) => w.next(),
                        Err(_) => None,
                    };
                    let Some(item) = next else { break };
                    let found = examine(item, &self.known, &self.read, self.reread);
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
                let held = found.held();
                each(found)?;
                if held > 0 {
                    in_flight.release(held);
                }
            }
            Ok(())
        })
    }
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
    // Before the stat: a file skipped by name is never touched.
    if ingest::skipped_by_name(&entry.rel, read) {
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
    match ingest::read_file(&entry.abs, &entry.rel, read) {
        Outcome::Articles {
            articles,
            problems,
            content,
            ..
        } => {
            let stamp = FileStamp::new(content, mtime_ns);
            Found::Read {
                bytes: articles.iter().map(article_bytes).sum(),
                same_content: !reread && old.is_some_and(|o| o.hash == stamp.hash),
                rel: entry.rel,
                stamp,
                articles,
                problems,
            }
        }
        Outcome::Unsupported => Found::Unsupported,
        Outcome::NotText(_) => Found::NotText,
        Outcome::Failed(reason) => failed(reason),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{examine, Found};
    use crate::index::state::{self, FileStamp, Indexed};
    use crate::ingest::{Content, Entry, ReadOptions};

    #[test]
    fn a_file_whose_articles_disagree_about_its_stamp_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let abs = dir.path().join("story.txt");
        std::fs::write(&abs, "A title\n\nThe body of the story.\n").unwrap();
        let (size, mtime_ns) = state::stat(&abs).unwrap();
        assert_eq!(size, std::fs::metadata(&abs).unwrap().len());
        let stamp = FileStamp::new(Content::of(&std::fs::read(&abs).unwrap()), mtime_ns);
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
}
