//! Ingest: from a file in the archive to the articles it holds.
//!
//! `walk` lists candidate files; `read_entry` reads one, sniffs its format from the
//! extension and the bytes, decodes it and hands the text to the format's extractor.
//! Every failure is returned as a reason string for that path, never raised: one bad file
//! must not stop an indexing run.

pub mod decode;
pub mod walk;

use std::io::Read;

use crate::article::{Article, DocId};
use crate::extract;

pub use walk::{walk, Entry, WalkItem};

/// Files larger than this are refused rather than read into memory. No single news article
/// comes near it; it bounds the indexer's memory whatever the archive holds.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The input formats newsdex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
        }
    }

    /// Decides from the file name alone; `None` for files no extractor reads.
    /// Files without an extension are sniffed as text.
    pub fn from_path(rel: &str) -> Option<Format> {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if is_archive_documentation(name) {
            return None;
        }
        let ext = match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
            _ => return Some(Format::Text),
        };
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// README, LICENSE and similar files describe an archive; they are not articles.
fn is_archive_documentation(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "COPYING" | "CHANGELOG" | "NOTICE" | "AUTHORS"
    )
}

/// What became of one file.
#[derive(Debug)]
pub enum Outcome {
    /// The file's articles (at least one).
    Articles(Vec<Article>),
    /// Not a format newsdex reads (by name); not an error.
    Unsupported,
    /// Could not be read or holds no article; the reason is for the user.
    Failed(String),
}

/// Reads, decodes and extracts one archive file.
pub fn read_entry(entry: &Entry) -> Outcome {
    let Some(format) = Format::from_path(&entry.rel) else {
        return Outcome::Unsupported;
    };
    let bytes = match read_capped(&entry.abs) {
        Ok(b) => b,
        Err(reason) => return Outcome::Failed(reason),
    };
    articles_from_bytes(&entry.rel, format, &bytes)
}

/// The part of `read_entry` after the bytes are in memory: also used by `newsdex extract`.
pub fn articles_from_bytes(rel: &str, format: Format, bytes: &[u8]) -> Outcome {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Failed("empty file".into());
    }
    if decode::looks_binary(bytes) {
        return Outcome::Failed("binary content, not text".into());
    }
    let decoded = decode::decode(bytes);
    let fields = match format {
        Format::Text => extract::text::extract(&decoded.text),
    };
    if fields.title.is_none() && fields.body.is_empty() {
        return Outcome::Failed("no article text found".into());
    }
    Outcome::Articles(vec![Article {
        id: DocId::new(rel, 0),
        path: rel.to_string(),
        format: format.name().to_string(),
        encoding: decoded.encoding.to_string(),
        fields,
    }])
}

fn read_capped(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let len = file.metadata().map_err(|e| e.to_string())?.len();
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "file too large ({} MiB; the limit is {} MiB)",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // take() guards against a file that grows while we read it.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err("file too large (grew while being read)".into());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_path() {
        assert_eq!(Format::from_path("a/b.txt"), Some(Format::Text));
        assert_eq!(Format::from_path("a/B.TXT"), Some(Format::Text));
        assert_eq!(Format::from_path("a/noext"), Some(Format::Text));
        assert_eq!(Format::from_path("a/README.md"), None);
        assert_eq!(Format::from_path("photo.jpg"), None);
        assert_eq!(Format::from_path("bbc/README.TXT"), None);
        assert_eq!(Format::from_path("LICENSE"), None);
        assert_eq!(
            Format::from_path("news/readme-first-story.txt"),
            Some(Format::Text)
        );
    }

    #[test]
    fn empty_and_binary_files_fail_with_reasons() {
        assert!(
            matches!(articles_from_bytes("e.txt", Format::Text, b" \n"), Outcome::Failed(r) if r == "empty file")
        );
        assert!(
            matches!(articles_from_bytes("b.txt", Format::Text, b"\x7fELF\x02\x01\x00\x00"), Outcome::Failed(r) if r.contains("binary"))
        );
    }
}
