//! Walking an archive directory: which files are candidates, in a deterministic order.
//!
//! Hidden entries (name starting with '.') and the index directory are skipped so that an
//! index kept inside the archive never indexes itself. Symlinks are not followed unless the
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

/// Walks `root`, skipping hidden entries and `skip` (the index directory, if inside).
pub fn walk<'a>(
    root: &'a Path,
    skip: Option<&'a Path>,
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
            let is_skip = skip.is_some_and(|s| same_path(e.path(), s));
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
        let rels: Vec<String> = walk(root, Some(&idx), false)
            .map(|r| r.unwrap().rel)
            .collect();
        assert_eq!(rels, vec!["a.txt", "b/2.txt"]);
    }
}
