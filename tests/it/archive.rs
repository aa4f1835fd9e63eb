//! The test-archive builder: articles and other files written under one root (a fresh temp
//! directory, or an existing one such as a `TestEnv`'s archive), parent directories
//! created as needed, so a test states the files it needs and nothing else.

use std::path::{Path, PathBuf};

/// Files under `root`. Methods take `&self` so calls chain and also work in a loop.
pub struct Archive {
    root: PathBuf,
    temp: Option<tempfile::TempDir>,
}

impl Archive {
    /// An empty archive in a new temp directory, removed when the archive (or the
    /// directory `into_temp` returns) is dropped.
    pub fn new() -> Self {
        let temp = tempfile::tempdir().unwrap();
        Archive {
            root: temp.path().to_path_buf(),
            temp: Some(temp),
        }
    }

    /// Files written into `root` (created if missing), which the caller owns.
    pub fn at(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        std::fs::create_dir_all(&root).unwrap();
        Archive { root, temp: None }
    }

    /// A text file at `rel`.
    pub fn file(&self, rel: impl AsRef<Path>, text: impl AsRef<str>) -> &Self {
        self.bytes(rel, text.as_ref().as_bytes())
    }

    /// A file of raw bytes at `rel` (other encodings, binary content, names that are not
    /// UTF-8).
    pub fn bytes(&self, rel: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        self
    }

    /// A sparse file of `len` zero bytes at `rel`: large on paper, free on disk.
    pub fn sparse(&self, rel: impl AsRef<Path>, len: u64) -> &Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::File::create(&path).unwrap().set_len(len).unwrap();
        self
    }

    /// An empty directory at `rel`.
    pub fn dir(&self, rel: impl AsRef<Path>) -> &Self {
        std::fs::create_dir_all(self.path(rel)).unwrap();
        self
    }

    /// Where `rel` is in the archive.
    pub fn path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.root.join(rel)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temp directory of an archive made by `new`, for the caller to keep alive.
    pub fn into_temp(self) -> tempfile::TempDir {
        self.temp.expect("an archive made by Archive::new")
    }
}
