//! What an indexing run reports: the problems with files as they happen (`Observer`,
//! `FileError`, `Severity`), where the run is (`Progress`), and the `IndexSummary` it
//! ends with, whose figures the CLI prints.

use std::collections::HashMap;
use std::time::Duration;

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

#[cfg(test)]
mod tests {
    use super::reason_kind;

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
