//! Ingest: from a file in the archive to the articles it holds.
//!
//! `walk` lists candidate files; `skipped_by_name` says which of them are not read at all
//! (images, README, ...); `read_file` reads one (capped, in `read`), gunzips it, sniffs its
//! format from the name and the bytes, decodes it and hands the text to the format's
//! extractor. Both `newsdex index` and `newsdex extract` ask these two functions, so a file
//! is treated the same by both. Every failure is returned as a reason for that path, never
//! raised: one bad file must not stop an indexing run.

pub mod decode;
mod read;
pub mod sniff;
pub mod walk;

use std::path::Path;

use crate::article::{Article, DocId};
use crate::extract::{self, ExtractOptions, Format};

pub use read::{ReadError, MAX_FILE_BYTES};
pub use walk::{walk, Entry, WalkItem};

/// What became of one file.
#[derive(Debug)]
pub enum Outcome {
    /// The file's articles (at least one), and problems with parts of it.
    Articles {
        articles: Vec<Article>,
        problems: Vec<String>,
        /// The bytes they were read from.
        content: Content,
        /// Why the fields are what they are, when `ReadOptions::explain` asked.
        explanation: Option<crate::extract::explain::Explanation>,
    },
    /// Not an article by its name (image, README, ...): not read, not an error.
    Unsupported,
    /// Read, and holds only items that are not text by design (pictures, packages of
    /// links): not an error; the reason says what they were.
    NotText(String),
    /// Could not be read or holds no article; the reason is for the user.
    Failed(String),
}

/// The size and content hash of the bytes a file's articles were read from (before
/// gunzip): what the index stamps on every article, so a later run can tell whether the
/// file changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Content {
    pub size: u64,
    /// xxh3-64 of the bytes.
    pub hash: u64,
}

impl Content {
    pub fn of(bytes: &[u8]) -> Self {
        Content {
            size: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }
}

/// How to read a file: the format forced by the user, or sniffed.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub force_format: Option<Format>,
    pub extract: ExtractOptions,
    /// Every article is in this language (`--lang`), not detected one by one.
    pub language: Option<crate::lang::Language>,
    /// Also say why each field is what it is (`newsdex extract --explain`); indexing
    /// never asks, so it does not change what is read.
    pub explain: bool,
}

impl ReadOptions {
    /// The options as one line, empty for the defaults: recorded in the index's manifest,
    /// so that a run with other options knows the articles it holds were read otherwise.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = self.force_format {
            parts.push(format!("as={}", f.name()));
        }
        if let Some(l) = self.language {
            parts.push(format!("lang={}", l.code));
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

/// Whether a file is left unread because of its name (an image, a README, ...; see
/// `sniff::from_name`). A forced format (`--as`) reads every file.
pub fn skipped_by_name(rel: &str, opts: &ReadOptions) -> bool {
    opts.force_format.is_none() && sniff::from_name(file_name(rel)).0 == sniff::NameHint::Skip
}

/// Reads the file at `path`, known in the index as `rel`, into its articles: skipped by
/// name, read (capped), gunzipped, sniffed, decoded and extracted.
pub fn read_file(path: &Path, rel: &str, opts: &ReadOptions) -> Outcome {
    if skipped_by_name(rel, opts) {
        return Outcome::Unsupported;
    }
    match read::read_capped(path) {
        Ok(bytes) => articles_from_bytes(rel, &bytes, opts),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// The last name of the '/'-separated path `rel`.
fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// What `read_file` does once the file's bytes are in memory.
pub fn articles_from_bytes(rel: &str, raw: &[u8], opts: &ReadOptions) -> Outcome {
    let (hint, named_gz) = sniff::from_name(file_name(rel));
    let gunzipped;
    let bytes = if named_gz || raw.starts_with(&[0x1f, 0x8b]) {
        match decode::gunzip(raw, MAX_FILE_BYTES) {
            Ok(b) => {
                gunzipped = b;
                &gunzipped[..]
            }
            Err(e) => return Outcome::Failed(e.to_string()),
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
    let named = opts.force_format.or(match hint {
        sniff::NameHint::Format(f) => Some(f),
        sniff::NameHint::Sniff | sniff::NameHint::Skip => None,
    });
    let mut format = named.unwrap_or_else(|| sniff::from_content(&decoded.text));
    let mut extracted = extract::extract(format, &decoded.text, Some(rel), &opts.extract);
    // A guess from the first characters can be wrong: a page saved as text may begin with
    // `[ ] [Go]` or `{menu}`. A file whose format was only guessed, and that gives nothing
    // read that way, is read as plain text.
    if named.is_none() && format != Format::Text && extracted.records.is_empty() {
        let as_text = extract::extract(Format::Text, &decoded.text, Some(rel), &opts.extract);
        if !as_text.records.is_empty() {
            format = Format::Text;
            extracted = as_text;
        }
    }
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
    // What the file declares counts for articles whose text does not tell.
    let declared = extracted
        .declared_language
        .as_deref()
        .and_then(crate::lang::Language::from_code);
    let articles = extracted
        .records
        .into_iter()
        .map(|r| Article {
            id: DocId::new(rel, &r.key),
            path: rel.to_string(),
            format: format_name.to_string(),
            encoding: decoded.encoding.clone(),
            language: opts.language.unwrap_or_else(|| {
                let detected = crate::lang::detect(r.fields.title.as_deref(), &r.fields.body);
                let declared = r
                    .language
                    .as_deref()
                    .and_then(crate::lang::Language::from_code)
                    .or(declared);
                match declared {
                    Some(d) if detected.code == crate::lang::UNDETERMINED => d,
                    _ => detected,
                }
            }),
            fields: r.fields,
        })
        .collect();
    Outcome::Articles {
        articles,
        problems: extracted.problems,
        content: Content::of(raw),
        explanation: opts
            .explain
            .then(|| extract::explain(format, &decoded.text, Some(rel))),
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
    fn a_page_saved_as_text_that_starts_like_json_is_read_as_text() {
        let page = b"[                    ] [Go]\n  * Home\n\nHarbour plan approved\n\n\
            The council voted on Tuesday to approve the harbour plan after a long debate.\n";
        let Outcome::Articles { articles, .. } = outcome("saved/page.txt", page) else {
            panic!("not read")
        };
        assert_eq!(articles[0].format, "text");
        assert!(articles[0].fields.body.contains("The council voted"));
        // A file named as JSON is still read as JSON only, and its error says so.
        assert!(matches!(outcome("feed.json", page), Outcome::Failed(r) if r.contains("JSON")));
    }

    #[test]
    fn skipping_by_name_is_undone_by_a_forced_format() {
        let forced = ReadOptions {
            force_format: Some(Format::Text),
            ..ReadOptions::default()
        };
        for rel in ["README", "docs/photo.JPG", "a/b/data.csv"] {
            assert!(skipped_by_name(rel, &ReadOptions::default()), "{rel}");
            assert!(!skipped_by_name(rel, &forced), "{rel}");
        }
        assert!(!skipped_by_name("2014/story.txt", &ReadOptions::default()));
    }

    #[test]
    fn a_file_is_read_with_the_content_it_was_read_from() {
        let dir = tempfile::tempdir().unwrap();
        let raw = b"Harbour plan approved\n\nThe council voted on Tuesday.\n";
        std::fs::write(dir.path().join("story.txt"), raw).unwrap();
        std::fs::write(dir.path().join("README"), raw).unwrap();
        let read = |name: &str| read_file(&dir.path().join(name), name, &ReadOptions::default());
        let Outcome::Articles { content, .. } = read("story.txt") else {
            panic!("not read")
        };
        assert_eq!(content, Content::of(raw));
        assert_eq!(content.size, raw.len() as u64);
        assert!(matches!(read("README"), Outcome::Unsupported));
        assert!(matches!(read("missing.txt"), Outcome::Failed(_)));
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
                let _ = extract::extract(format, &text, None, &ExtractOptions::default());
            }
            let _ = sniff::from_content(&text);
        }
    }
}
