//! Getting a file's bytes into memory, capped: the size limit that bounds the indexer's
//! memory whatever the archive holds, and `ReadError`, why a file's bytes could not be had
//! (opening, reading or gunzipping it).

use std::io::Read;
use std::path::Path;

/// Files larger than this (before or after gunzip) are refused rather than read into
/// memory. No single news article comes near it; it bounds the indexer's memory whatever
/// the archive holds.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file's bytes could not be read; the text is the reason shown for the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("is a directory")]
    IsADirectory,
    #[error(
        "file too large ({} MiB; the limit is {} MiB)",
        size / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge { size: u64 },
    #[error("file too large (grew while being read)")]
    Grew,
    #[error("truncated or corrupt gzip data ({0})")]
    Gzip(std::io::Error),
    #[error("decompresses to more than {} MiB (the per-file limit)", cap / (1024 * 1024))]
    GunzipTooLarge { cap: u64 },
}

/// The file's bytes, refused when over `MAX_FILE_BYTES`.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ReadError::IsADirectory);
    }
    let len = meta.len();
    if len > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size: len });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // take() guards against a file that grows while we read it.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::Grew);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_name_the_limit() {
        assert_eq!(
            ReadError::TooLarge {
                size: 200 * 1024 * 1024
            }
            .to_string(),
            "file too large (200 MiB; the limit is 64 MiB)"
        );
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read_capped(dir.path()).unwrap_err().to_string(),
            "is a directory"
        );
        assert!(read_capped(&dir.path().join("missing")).is_err());
    }
}
