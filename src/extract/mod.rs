//! Extraction: decoded text of one file -> the articles it holds.
//!
//! One module per input format, each a pure function from text to records, so they can be
//! unit-tested on inline strings and fuzzed. `extract` dispatches on the format that
//! `ingest` sniffed, then scrubs what every format shares. The helpers the formats share
//! are leaves beside them that never import this module: `clean` (control and bidi
//! characters, whitespace, NFC), `boilerplate` (the boilerplate line test), `extracted`
//! (what one file yields), `markup`, `mojibake`, `dom` (the XML tree), `prose` (wire text
//! into paragraphs), `byline` and `date`. `explain` says why each field is what it is,
//! for `newsdex extract --explain`.

pub mod boilerplate;
pub mod byline;
mod byline_words;
pub mod clean;
pub mod date;
pub mod dom;
pub mod explain;
pub mod extracted;
pub mod html;
pub mod json;
pub mod markup;
pub mod mojibake;
pub mod prose;
pub mod sgml;
pub mod text;
pub mod wiretext;
pub mod xml;

use crate::article::Fields;
use clean::{is_invisible, nfc, squash_spaces};
use extracted::Extracted;

/// The input formats newsdex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text in one of the scraped/exported layouts.
    Text,
    /// An HTML page.
    Html,
    /// One JSON article, an array of them, or a ninjs item.
    Json,
    /// JSON Lines: one article per line.
    Jsonl,
    /// Newswire XML: NITF, NewsML-G2, NewsML 1.x (and feeds that wrap them).
    Xml,
    /// SGML collections: Reuters-21578 `<REUTERS>` records, TREC `<DOC>` records.
    Sgml,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Xml => "xml",
            Format::Sgml => "sgml",
        }
    }

    pub fn from_name(s: &str) -> Option<Format> {
        Some(match s {
            "text" => Format::Text,
            "html" => Format::Html,
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "xml" => Format::Xml,
            "sgml" => Format::Sgml,
            _ => return None,
        })
    }
}

/// Options that change how extractors read their input.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Explicit JSON field names, overriding the automatic mapping.
    pub json: json::Mapping,
}

/// Why `extract` gave the fields it gave for `text` read as `format` (`newsdex extract
/// --explain`): the same extractor, run again with its decisions kept.
pub fn explain(format: Format, text: &str, path: Option<&str>) -> explain::Explanation {
    match format {
        Format::Text if wiretext::extract(text).is_none() => explain::of_text(text),
        Format::Html => explain::of_html(text, path),
        _ => explain::of_record(),
    }
}

/// Runs the extractor for `format` and fills in what every format shares: authors from the
/// byline, and records with neither title nor body dropped. `path` is the file's path in
/// the archive, for formats that can use it: an HTML page mirrored under its address
/// (`example.com/2019/06/27/story.html`) dates itself by it when it names no address.
pub fn extract(format: Format, text: &str, path: Option<&str>, opts: &ExtractOptions) -> Extracted {
    let mut out = match format {
        // Agency wire text is plain text in control-character framing.
        Format::Text => {
            wiretext::extract(text).unwrap_or_else(|| Extracted::one(text::extract(text)))
        }
        Format::Html => Extracted::one(html::extract_at(text, path)),
        Format::Json | Format::Jsonl => json::extract(text, format == Format::Jsonl, &opts.json),
        Format::Xml => xml::extract(text),
        Format::Sgml => sgml::extract(text),
    };
    let mut dropped = 0;
    out.records.retain(|r| {
        let keep = r.fields.title.is_some() || !r.fields.body.trim().is_empty();
        dropped += usize::from(!keep);
        keep
    });
    if dropped > 0 {
        out.problems
            .push(format!("{dropped} record(s) without title or text skipped"));
    }
    out.declared_language = match format {
        Format::Html => attribute_of_first(text, "<html", "lang"),
        Format::Xml => attribute_of_first(text, "<", "xml:lang"),
        _ => None,
    };
    for r in &mut out.records {
        scrub(&mut r.fields);
        if r.fields.authors.is_empty() {
            if let Some(b) = &r.fields.byline {
                r.fields.authors = byline::names(b);
            }
        }
    }
    out
}

/// The value of `attr` on the first tag starting with `open` (ASCII case ignored) in the
/// first 8 KB of `text` (for XML, `open` "<" skips the declaration and comments).
fn attribute_of_first(text: &str, open: &str, attr: &str) -> Option<String> {
    let head = &text.as_bytes()[..text.len().min(8192)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let open = open.as_bytes();
    let mut from = 0;
    let start = loop {
        let i = from + lower[from..].windows(open.len()).position(|w| w == open)?;
        // Inside a comment: go on after it.
        let before = &lower[..i];
        if let Some(c) = before.windows(4).rposition(|w| w == b"<!--") {
            if !before[c..].windows(3).any(|w| w == b"-->") {
                let close = lower[i..].windows(3).position(|w| w == b"-->")?;
                from = i + close + 3;
                continue;
            }
        }
        let next = lower.get(i + open.len()).copied();
        // `<html` but not `<htmlfoo`; for `<`, an element, not `<?xml` or `<!--`.
        let element = match next {
            Some(b'?' | b'!' | b'/') => false,
            Some(c) if open == b"<" => c.is_ascii_alphabetic(),
            Some(c) => c.is_ascii_whitespace() || c == b'>',
            None => false,
        };
        if element {
            break i;
        }
        from = i + 1;
    };
    let end = start + lower[start..].iter().position(|&b| b == b'>')?;
    let tag = &lower[start..end];
    let name = format!(" {attr}=");
    let at = tag
        .windows(name.len())
        .position(|w| w.eq_ignore_ascii_case(name.as_bytes()))
        .map(|p| p + name.len())
        .or_else(|| {
            let name = format!("\t{attr}=");
            tag.windows(name.len())
                .position(|w| w == name.as_bytes())
                .map(|p| p + name.len())
        })?;
    let rest = &text[start + at..end];
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty()).then_some(value)
}

fn nfc_in_place(s: &mut String) {
    if let std::borrow::Cow::Owned(n) = nfc(s) {
        *s = n;
    }
}

/// The last line of defence for every extractor: no control, bidi or zero-width
/// character reaches the index, one-line fields stay on one line, and text is NFC.
fn scrub(f: &mut Fields) {
    for s in [&mut f.title, &mut f.byline, &mut f.source_id]
        .into_iter()
        .flatten()
    {
        nfc_in_place(s);
    }
    f.authors.iter_mut().for_each(nfc_in_place);
    nfc_in_place(&mut f.body);
    let one_line = |s: &mut Option<String>| {
        if let Some(v) = s.as_mut() {
            if v.chars().any(|c| is_invisible(c) || c == '\n') {
                *v = squash_spaces(&v.replace(is_invisible, " "));
            }
        }
        if s.as_deref().is_some_and(|v| v.trim().is_empty()) {
            *s = None;
        }
    };
    one_line(&mut f.title);
    one_line(&mut f.byline);
    one_line(&mut f.source_id);
    for a in &mut f.authors {
        if a.chars().any(is_invisible) {
            *a = squash_spaces(&a.replace(is_invisible, " "));
        }
    }
    f.authors.retain(|a| !a.is_empty());
    if f.body.chars().any(is_invisible) {
        f.body = f.body.chars().filter(|&c| !is_invisible(c)).collect();
    }
}

#[cfg(test)]
mod declared_language_tests {
    use super::attribute_of_first;

    #[test]
    fn the_html_lang_and_the_roots_xml_lang() {
        let html = "<!doctype html><!-- <html lang=xx> --><HTML class='a' Lang=\"de-AT\"><head>";
        assert_eq!(
            attribute_of_first(html, "<html", "lang").as_deref(),
            Some("de-AT")
        );
        assert_eq!(
            attribute_of_first("<html><body lang=fr>", "<html", "lang"),
            None
        );
        assert_eq!(
            attribute_of_first("<htmlx lang=fr><html lang='it'>", "<html", "lang").as_deref(),
            Some("it")
        );
        let xml = "<?xml version=\"1.0\"?>\n<!-- c --><nitf xml:lang=\"es\"><head>";
        assert_eq!(
            attribute_of_first(xml, "<", "xml:lang").as_deref(),
            Some("es")
        );
        assert_eq!(
            attribute_of_first("<rss><item xml:lang='x'>", "<", "xml:lang"),
            None
        );
        assert_eq!(attribute_of_first("", "<html", "lang"), None);
        assert_eq!(attribute_of_first("<html lang=", "<html", "lang"), None);
    }
}
