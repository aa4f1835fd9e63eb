//! `newsdex.json`, written beside tantivy's files: which schema version built the index,
//! from which archive, and when. It is how newsdex recognises its own index directories
//! (and refuses to delete anything else on `--rebuild`), and `is_unclaimed` how it tells a
//! directory that holds no index yet.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub const FILE_NAME: &str = "newsdex.json";

/// Whether `dir` holds a newsdex index: its manifest beside tantivy's `meta.json`.
pub fn is_index_dir(dir: &Path) -> bool {
    dir.join(FILE_NAME).is_file() && dir.join("meta.json").is_file()
}
/// The manifest being written, renamed to `FILE_NAME` once complete.
const TMP_NAME: &str = "newsdex.json.tmp";

/// Whether the directory `dir` holds no index yet and nothing else: it is empty, or holds
/// only a manifest still being written. The first run writes the manifest before anything
/// else, through its temp file, so a search at that moment (or after a run killed then)
/// finds no index, as before the run, rather than a directory that is not an index; and
/// the next run may take the directory.
pub fn is_unclaimed(dir: &Path) -> Result<bool> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_name() != TMP_NAME {
            return Ok(false);
        }
    }
    Ok(true)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub newsdex_version: String,
    /// Absolute path of the archive last indexed into this index.
    pub archive: PathBuf,
    /// RFC 3339 time of the last completed indexing run; `None` while the first is running.
    pub indexed_at: Option<String>,
    /// How files were read (`--as`, `--json-*`), as `ReadOptions::describe` gives it;
    /// empty for the defaults. A run with other options reads every file again.
    #[serde(default)]
    pub read_options: String,
    /// A run with new `read_options` started re-reading every file and has not finished:
    /// the next run must re-read them all too, whatever options it has.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reread_pending: bool,
}

impl Manifest {
    /// A manifest for this build; `completed` stamps the current time as `indexed_at`.
    pub fn new(
        schema_version: u32,
        archive: PathBuf,
        read_options: String,
        completed: bool,
    ) -> Self {
        Manifest {
            schema_version,
            newsdex_version: env!("CARGO_PKG_VERSION").to_string(),
            archive,
            read_options,
            reread_pending: false,
            indexed_at: completed.then(|| crate::article::rfc3339(time::OffsetDateTime::now_utc())),
        }
    }

    pub fn path(index_dir: &Path) -> PathBuf {
        index_dir.join(FILE_NAME)
    }

    /// `Ok(None)` when the file does not exist.
    pub fn read(index_dir: &Path) -> Result<Option<Manifest>> {
        let path = Self::path(index_dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| Error::Damaged {
                path: index_dir.to_path_buf(),
                reason: format!("{FILE_NAME} is not valid: {e}"),
            })
    }

    /// Writes atomically (temp file + rename) so a crash never leaves half a manifest.
    pub fn write(&self, index_dir: &Path) -> Result<()> {
        let path = Self::path(index_dir);
        let tmp = index_dir.join(TMP_NAME);
        let text = serde_json::to_string_pretty(self).map_err(|e| Error::Schema(e.to_string()))?;
        std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }
}
