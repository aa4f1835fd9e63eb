//! Ingest: from a file in the archive to the articles it holds.
//!
//! `walk` lists candidate files; `read_entry` reads one (capped), gunzips it, sniffs its
//! format from the name and the bytes, decodes it and hands the text to the format's
//! extractor. Every failure is returned as a reason for that path, never raised: one bad
//! file must not stop an indexing run.

pub mod decode;
pub mod sniff;
pub mod walk;

use std::io::Read;

use crate::article::{Article, DocId};
use crate::extract::{self, ExtractOptions, Format};

pub use walk::{walk, Entry, WalkItem};

/// Files larger than this (before or after gunzip) are refused rather than read into
/// memory. No single news article comes near it; it bounds the indexer's memory whatever
/// the archive holds.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What became of one file.
#[derive(Debug)]
pub enum Outcome {
    /// The file's articles (at least one), and problems with parts of it.
    Articles {
        articles: Vec<Article>,
        problems: Vec<String>,
    },
    /// Not an article by its name (image, README, ...): not read, not an error.
    Unsupported,
    /// Read, and holds only items that are not text by design (pictures, packages of
    /// links): not an error; the reason says what they were.
    NotText(String),
    /// Could not be read or holds no article; the reason is for the user.
    Failed(String),
}

/// How to read a file: the format forced by the user, or sniffed.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub force_format: Option<Format>,
    pub extract: ExtractOptions,
}

impl ReadOptions {
    /// The options as one line, empty for the defaults: recorded in the index's manifest,
    /// so that a run with other options knows the articles it holds were read otherwise.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = self.force_format {
            parts.push(format!("as={}", f.name()));
        }
        let m = &self.extract.json;
        for (name, value) in [
            ("json-title", &m.title),
            ("json-date", &m.date),
            ("json-byline", &m.byline),
            ("json-body", &m.body),
            ("json-id", &m.id),
        ] {
            if let Some(v) = value {
                parts.push(format!("{name}={v}"));
            }
        }
        parts.join(" ")
    }
}

/// Reads, decodes and extracts one archive file.
pub fn read_entry(entry: &Entry, opts: &ReadOptions) -> Outcome {
    let name = entry.rel.rsplit('/').next().unwrap_or(&entry.rel);
    let (hint, _) = sniff::from_name(name);
    if hint == sniff::NameHint::Skip && opts.force_format.is_none() {
        return Outcome::Unsupported;
    }
    let bytes = match read_capped(&entry.abs) {
        Ok(b) => b,
        Err(reason) => return Outcome::Failed(reason),
    };
    articles_from_bytes(&entry.rel, &bytes, opts)
}

/// The part of `read_entry` after the bytes are in memory; also used by `newsdex extract`.
pub fn articles_from_bytes(rel: &str, raw: &[u8], opts: &ReadOptions) -> Outcome {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let (hint, named_gz) = sniff::from_name(name);
    let gunzipped;
    let bytes = if named_gz || raw.starts_with(&[0x1f, 0x8b]) {
        match decode::gunzip(raw, MAX_FILE_BYTES) {
            Ok(b) => {
                gunzipped = b;
                &gunzipped[..]
            }
            Err(reason) => return Outcome::Failed(reason),
        }
    } else {
        raw
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Failed("empty file".into());
    }
    if decode::looks_binary(bytes) {
        return Outcome::Failed(format!("binary content ({}), not text", binary_kind(bytes)));
    }
    let decoded = decode::decode(bytes);
    let format = opts.force_format.unwrap_or(match hint {
        sniff::NameHint::Format(f) => f,
        sniff::NameHint::Sniff | sniff::NameHint::Skip => sniff::from_content(&decoded.text),
    });
    let extracted = extract::extract(format, &decoded.text, &opts.extract);
    if extracted.records.is_empty() {
        if extracted.problems.is_empty() && !extracted.not_text.is_empty() {
            return Outcome::NotText(extracted.not_text.join("; "));
        }
        let why = if extracted.problems.is_empty() {
            format!("no article text found (read as {})", format.name())
        } else {
            extracted.problems.join("; ")
        };
        return Outcome::Failed(why);
    }
    let format_name = extracted.detail.unwrap_or(format.name());
    let articles = extracted
        .records
        .into_iter()
        .map(|r| Article {
            id: DocId::new(rel, &r.key),
            path: rel.to_string(),
            format: format_name.to_string(),
            encoding: decoded.encoding.clone(),
            fields: r.fields,
        })
        .collect();
    Outcome::Articles {
        articles,
        problems: extracted.problems,
    }
}

/// A name for common binary formats, so the skip message says what the file is.
fn binary_kind(b: &[u8]) -> &'static str {
    match b {
        [0x89, b'P', b'N', b'G', ..] => "PNG image",
        [0xff, 0xd8, 0xff, ..] => "JPEG image",
        [b'G', b'I', b'F', b'8', ..] => "GIF image",
        [b'%', b'P', b'D', b'F', ..] => "PDF document",
        [0x7f, b'E', b'L', b'F', ..] => "ELF executable",
        [b'M', b'Z', ..] => "Windows executable",
        [b'P', b'K', 3, 4, ..] => "zip archive",
        _ => "NUL bytes",
    }
}

pub fn read_capped(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    let len = meta.len();
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

    fn outcome(rel: &str, bytes: &[u8]) -> Outcome {
        articles_from_bytes(rel, bytes, &ReadOptions::default())
    }

    #[test]
    fn empty_and_binary_files_fail_with_reasons() {
        assert!(matches!(outcome("e.txt", b" \n"), Outcome::Failed(r) if r == "empty file"));
        assert!(
            matches!(outcome("b.txt", b"\x7fELF\x02\x01\x00\x00"), Outcome::Failed(r) if r.contains("ELF"))
        );
    }

    #[test]
    fn gzipped_text_is_read_like_text() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"Harbour plan approved\n\nThe council voted on Tuesday.\n")
            .unwrap();
        let gz = enc.finish().unwrap();
        let Outcome::Articles { articles, .. } = outcome("a/story.txt.gz", &gz) else {
            panic!("not read")
        };
        assert_eq!(
            articles[0].fields.title.as_deref(),
            Some("Harbour plan approved")
        );
        assert_eq!(articles[0].format, "text");
        // Also without the .gz name, by magic bytes.
        assert!(matches!(outcome("a/story", &gz), Outcome::Articles { .. }));
        assert!(
            matches!(outcome("a/story.gz", &gz[..10]), Outcome::Failed(r) if r.contains("gzip"))
        );
    }

    #[test]
    fn ids_differ_per_record_and_path() {
        let Outcome::Articles { articles, .. } = outcome("x.txt", b"Title\n\nBody text.\n") else {
            panic!()
        };
        assert_eq!(articles[0].id, DocId::new("x.txt", ""));
    }
}

#[cfg(test)]
mod properties {
    //! Arbitrary bytes, under any name, through sniffing, gunzip, decoding and every
    //! extractor: never a panic, and whatever comes out is clean text.

    use proptest::prelude::*;

    use super::*;

    fn names() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "a.txt", "a.html", "a.htm.gz", "a.json", "a.jsonl", "a.xml", "a.sgm", "noext", "a.tst",
            "a.txt.gz", "README", "x.jpg",
        ])
        .prop_map(str::to_string)
    }

    /// Bytes that look like the start of each format, then arbitrary bytes.
    fn inputs() -> impl Strategy<Value = Vec<u8>> {
        let prefixes = prop::sample::select(vec![
            "",
            "<html><body><p>",
            "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><nitf><body>",
            "{\"headline\": \"",
            "[{\"title\":",
            "<REUTERS NEWID=\"1\"><TEXT><TITLE>",
            "<DOC><DOCNO>",
            "Title\n\nJanuary 22, 2014\n\n",
            "\u{1f}\u{8b}",
            "\u{feff}",
        ]);
        (prefixes, prop::collection::vec(any::<u8>(), 0..2048)).prop_map(|(p, mut rest)| {
            let mut v = p.as_bytes().to_vec();
            v.append(&mut rest);
            v
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_never_panic(name in names(), bytes in inputs()) {
            let out = articles_from_bytes(&name, &bytes, &ReadOptions::default());
            if let Outcome::Articles { articles, .. } = out {
                for a in articles {
                    let f = &a.fields;
                    for text in [f.title.as_deref().unwrap_or(""), f.byline.as_deref().unwrap_or(""), &f.body] {
                        prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "control char in {text:?}");
                    }
                }
            }
        }

        #[test]
        fn arbitrary_text_never_panics_any_extractor(text in "\\PC{0,400}") {
            for format in [Format::Text, Format::Html, Format::Json, Format::Jsonl, Format::Xml, Format::Sgml] {
                let _ = extract::extract(format, &text, &ExtractOptions::default());
            }
            let _ = sniff::from_content(&text);
        }
    }
}
