//! The indexing run: incremental, batched, crash-safe.
//!
//! A run converges the index to exactly the archive's current content:
//! - every file's size and mtime are compared with the stamp stored on its articles; equal
//!   means unchanged and the file is not read (a file whose articles carry different stamps
//!   is read whatever they say);
//! - new and changed files are read and extracted by worker threads (`workers`), their old
//!   articles deleted (by path) and the new ones added, in the same batch (`run::open_writer`
//!   says why the writer's first operation is a no-op);
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
//!
//! `build` reads as the run's steps (`run::Run`): start, then each file's outcome applied
//! and the commit policy asked, then finish.

use crate::error::Result;
use crate::index::guard::guard;
use crate::index::report::{IndexSummary, Observer};
use crate::index::run::{IndexRequest, Run};

/// Indexes `req.archive` into `req.index_dir`, incrementally.
pub fn build(req: &IndexRequest, observer: &mut dyn Observer) -> Result<IndexSummary> {
    guard(&req.index_dir, || {
        let mut run = Run::start(req)?;
        run.pool().for_each(|found| {
            run.apply(found, observer)?;
            run.maybe_commit()?;
            observer.progress(&run.progress());
            Ok(())
        })?;
        run.finish()
    })
}

#[cfg(test)]
mod tests {
    use tantivy::{Index, IndexWriter};

    #[test]
    fn a_run_with_nothing_to_commit_removes_files_no_commit_refers_to() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        std::fs::write(archive.join("a.txt"), "Title\n\nThe ferry ran late.\n").unwrap();
        let req = crate::index::IndexRequest::new(archive.clone(), dir.path().join("index"));
        let mut quiet = |_: &crate::index::FileError, _: crate::index::Severity| {};
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
}
