//! tantivy asserts on truncated or corrupt segment files rather than returning errors:
//! `guard` turns such a panic into `Error::Damaged` for the index it was reading.

use std::path::Path;

use crate::error::{Error, Result};

/// Runs `f`, turning a panic inside tantivy (which asserts on truncated or corrupt segment
/// files rather than returning errors) into `Error::Damaged` for the index at `dir`.
pub fn guard<T>(dir: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(Error::Damaged {
            path: dir.to_path_buf(),
            reason: format!(
                "reading it failed ({})",
                crate::error::panic_message(payload.as_ref())
            ),
        }),
    }
}
