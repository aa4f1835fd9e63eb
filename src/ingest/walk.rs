//! Walking an archive directory: which files are candidates, in a deterministic order.
//!
//! Hidden entries (name starting with '.') and index directories are skipped so that an
//! index kept inside the archive never indexes itself (or another index); what an index
//! directory looks like is the caller's to say. Symlinks are not followed unless the
//! caller asks; walkdir detects loops when they are.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// A file found in the archive.
#[derive(Debug, Clone)]
pub struct Entry {
    pub abs: PathBuf,
    /// Relative to the archive root, '/'-separated, lossily converted when not UTF-8.
    pub rel: String,
}

/// One walk step: a file, or a path that could not be visited and why.
pub type WalkItem = Result<Entry, (String, String)>;

/// Walks `root`, skipping hidden entries, `skip` (the index directory, if inside) and any
/// other directory `is_index` recognises as an index: another index kept inside the
/// archive is not articles either.
pub fn walk<'a>(
    root: &'a Path,
    skip: Option<&'a Path>,
    is_index: fn(&Path) -> bool,
    follow_links: bool,
) -> impl Iterator<Item = WalkItem> + 'a {
    WalkDir::new(root)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            // Only a directory can be the index; canonicalising every file would cost a
            // readlink per path component per file.
            let is_skip = e.file_type().is_dir()
                && (skip.is_some_and(|s| same_path(e.path(), s)) || is_index(e.path()));
            !hidden && !is_skip
        })
        .filter_map(move |res| match res {
            Ok(e) if e.file_type().is_file() => Some(Ok(Entry {
                rel: relative(root, e.path()),
                abs: e.into_path(),
            })),
            Ok(_) => None,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| root.display().to_string());
                let reason = if err.loop_ancestor().is_some() {
                    "symlink loop".to_string()
                } else if let Some(io) = err.io_error() {
                    io.to_string()
                } else {
                    err.to_string()
                };
                Some(Err((path, reason)))
            }
        })
}

fn same_path(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// The archive-relative path with '/' separators, as stored in the index.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index as the test sees one: a `newsdex.json` beside a `meta.json`.
    fn is_index(dir: &Path) -> bool {
        dir.join("newsdex.json").is_file() && dir.join("meta.json").is_file()
    }

    #[test]
    fn skips_hidden_and_index_dir_and_sorts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join("idx")).unwrap();
        std::fs::write(root.join("b/2.txt"), "x").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join(".git/config"), "x").unwrap();
        std::fs::write(root.join("idx/meta.json"), "x").unwrap();
        let idx = root.join("idx");
        let rels: Vec<String> = walk(root, Some(&idx), is_index, false)
            .map(|r| r.unwrap().rel)
            .collect();
        assert_eq!(rels, vec!["a.txt", "b/2.txt"]);
        // Another index inside the archive is skipped too; a lone meta.json is not one.
        std::fs::create_dir_all(root.join("old-index")).unwrap();
        std::fs::write(root.join("old-index/meta.json"), "{}").unwrap();
        std::fs::write(root.join("old-index/newsdex.json"), "{}").unwrap();
        std::fs::create_dir_all(root.join("c")).unwrap();
        std::fs::write(root.join("c/meta.json"), "{}").unwrap();
        let rels: Vec<String> = walk(root, Some(&idx), is_index, false)
            .map(|r| r.unwrap().rel)
            .collect();
        assert_eq!(rels, vec!["a.txt", "b/2.txt", "c/meta.json"]);
    }
}

#[cfg(test)]
mod properties {
    //! Arbitrary directory trees (odd and non-UTF-8 names, hidden entries, any bytes):
    //! the walk lists exactly the visible files, and reading each never panics.

    use std::collections::BTreeSet;
    use std::os::unix::ffi::OsStrExt;

    use proptest::prelude::*;

    use super::*;

    fn name() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            "[a-z]{1,8}(\\.(txt|html|json|xml|sgm|gz|jpg))?".prop_map(|s| s.into_bytes()),
            "\\.[a-z]{1,5}".prop_map(|s| s.into_bytes()),
            "[ -~&&[^/]]{1,12}".prop_map(|s| s.into_bytes()),
            prop::collection::vec(1u8..=255, 1..12)
                .prop_map(|v| v.into_iter().filter(|&b| b != b'/').collect::<Vec<u8>>()),
        ]
        .prop_filter("usable name", |n| !n.is_empty() && n != b"." && n != b"..")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn walk_and_read_any_tree(files in prop::collection::vec(
            (prop::collection::vec(name(), 1..4), prop::collection::vec(any::<u8>(), 0..300)),
            0..25,
        )) {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            let mut written = Vec::new();
            for (parts, bytes) in &files {
                let mut path = root.to_path_buf();
                for p in parts {
                    path.push(std::ffi::OsStr::from_bytes(p));
                }
                let Some(parent) = path.parent() else { continue };
                if std::fs::create_dir_all(parent).is_ok() && std::fs::write(&path, bytes).is_ok() {
                    written.push(path);
                }
            }
            // What is on disk once every write is done (a later path may have made an
            // earlier file's name into a directory), minus hidden entries.
            let want: BTreeSet<std::path::PathBuf> = written
                .into_iter()
                .filter(|p| p.is_file())
                .filter(|p| {
                    !p.strip_prefix(root)
                        .unwrap()
                        .components()
                        .any(|c| c.as_os_str().as_bytes().starts_with(b"."))
                })
                .collect();
            let mut got = BTreeSet::new();
            for item in walk(root, None, |_| false, false) {
                let entry = item.expect("no walk errors in a plain tree");
                let _ = crate::ingest::read_file(
                    &entry.abs,
                    &entry.rel,
                    &crate::ingest::ReadOptions::default(),
                );
                prop_assert!(!entry.rel.starts_with('/'));
                got.insert(entry.abs);
            }
            prop_assert_eq!(got, want);
        }
    }
}
