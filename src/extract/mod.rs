//! Extraction: decoded text of one file -> the articles it holds.
//!
//! One module per input format, each a pure function from text to records, so they can be
//! unit-tested on inline strings and fuzzed. `extract` dispatches on the format that
//! `ingest` sniffed. Helpers shared across formats live here: text cleaning (control and
//! bidi characters, entities, whitespace) and the boilerplate line test.

pub mod byline;
pub mod date;
pub mod dom;
pub mod html;
pub mod json;
pub mod markup;
pub mod mojibake;
pub mod prose;
pub mod sgml;
pub mod text;
pub mod wiretext;
pub mod xml;

use crate::article::Record;

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

/// What one file yielded: its records, and problems with parts of it (a malformed JSON
/// line, a record without text) that did not stop the rest.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub records: Vec<Record>,
    pub problems: Vec<String>,
    /// A more precise format name than `Format::name`, e.g. "nitf", "reuters-sgml", "ninjs".
    pub detail: Option<&'static str>,
    /// Items left out because they are not text by design (a picture, a package of links,
    /// a WordPress attachment), summarised: not problems, since nothing is lost.
    pub not_text: Vec<String>,
}

impl Extracted {
    pub fn one(fields: crate::article::Fields) -> Self {
        Extracted {
            records: vec![Record {
                key: String::new(),
                fields,
            }],
            ..Default::default()
        }
    }
}

/// Runs the extractor for `format` and fills in what every format shares: authors from the
/// byline, and records with neither title nor body dropped.
pub fn extract(format: Format, text: &str, opts: &ExtractOptions) -> Extracted {
    let mut out = match format {
        // Agency wire text is plain text in control-character framing.
        Format::Text => {
            wiretext::extract(text).unwrap_or_else(|| Extracted::one(text::extract(text)))
        }
        Format::Html => Extracted::one(html::extract(text)),
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

/// `s` in Unicode normal form C: a letter and a combining accent typed apart ("u" +
/// U+0308) become the one precomposed letter ("ü"), as the tokenizer, which splits words
/// at combining marks, and every query need. Borrowed when already NFC (always for ASCII).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

fn nfc_in_place(s: &mut String) {
    if let std::borrow::Cow::Owned(n) = nfc(s) {
        *s = n;
    }
}

/// The last line of defence for every extractor: no control, bidi or zero-width
/// character reaches the index, one-line fields stay on one line, and text is NFC.
fn scrub(f: &mut crate::article::Fields) {
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

/// Removes what must never reach the index or a terminal: C0/C1 control characters (except
/// newline), bidi overrides and zero-width characters; normalises line endings, tabs and
/// no-break spaces; trims trailing spaces on each line.
pub fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while !rest.is_empty() {
        // Runs of printable ASCII are copied as they are (the common case, and the hot
        // path of indexing); everything else goes through the character rules below.
        let run = rest
            .bytes()
            .position(|b| !(b' '..=b'~').contains(&b))
            .unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        match c {
            '\r' => {
                if !rest.starts_with('\n') {
                    out.push('\n');
                }
            }
            '\n' => {
                trim_trailing_spaces(&mut out);
                out.push('\n');
            }
            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    trim_trailing_spaces(&mut out);
    out
}

fn trim_trailing_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

/// Control, bidi-override and zero-width characters: invisible, and in a terminal some of
/// them rewrite what the user sees.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{061c}' | '\u{00ad}')
}

/// Collapses runs of whitespace to one space and trims.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lines that pages and feeds print around an article but that are not part of it.
pub fn is_boilerplate(line: &str) -> bool {
    let l = line
        .trim()
        .trim_end_matches([':', '.', '»', '>', '|'])
        .trim();
    if l.is_empty() {
        return false;
    }
    // Past 120 characters only the last rule (a row of social network names) can match,
    // so a paragraph of text is rejected on its first word without lower-casing all of it.
    if l.len() > 120 && l.chars().count() > 120 {
        return social_row(l.split_whitespace().map(str::to_lowercase));
    }
    boilerplate_rules(&l.to_lowercase(), l)
}

/// The rules of `is_boilerplate`, on the trimmed line `l` and its lower-cased `lower`.
fn boilerplate_rules(lower: &str, l: &str) -> bool {
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "follow us",
        "follow us on",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share via email",
        "skip to main content",
        "skip to content",
        "skip navigation",
        "sign in",
        "log in",
        "subscribe",
        "subscribe now",
        "newsletter",
        "menu",
        "home",
        "print",
        "print this page",
        "email",
        "e-mail",
        "tweet",
        "related",
        "related articles",
        "related stories",
        "related content",
        "read more",
        "more on this story",
        "comments",
        "leave a comment",
        "click here",
        "loading",
        "loading...",
        "story continues below",
        "continue reading",
        "back to top",
        "top stories",
        "most read",
        "trending",
        "image",
        "photo",
        "video",
    ];
    if EXACT.contains(&lower) {
        return true;
    }
    if lower.starts_with("follow us on")
        || lower.starts_with("share this")
        || lower.starts_with("copyright ")
        || lower.starts_with("all rights reserved")
        || lower.starts_with("© ")
        || lower.starts_with("(c) ")
    {
        return l.chars().count() <= 120;
    }
    social_row(lower.split_whitespace())
}

/// Whether the lower-cased words are a row of social network names ("Facebook Twitter
/// WhatsApp Email"): at least two, all of them names. Stops at the first other word.
fn social_row<S: AsRef<str>>(mut words: impl Iterator<Item = S>) -> bool {
    const SOCIAL: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "email",
        "e-mail",
        "linkedin",
        "pinterest",
        "reddit",
        "telegram",
        "instagram",
        "youtube",
        "print",
        "share",
        "messenger",
        "copy",
        "link",
        "|",
        "·",
        "•",
        "/",
    ];
    let mut n = 0;
    let all = words.all(|w| {
        n += 1;
        SOCIAL.contains(&w.as_ref())
    });
    all && n >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_strips_controls_and_bidi_and_normalises_lines() {
        let raw = "Title\r\nLine\u{202e}two\u{0007}  \r\n\tTabbed\u{a0}space\u{200b}\rend";
        assert_eq!(clean_text(raw), "Title\nLinetwo\n Tabbed space\nend");
    }

    /// `is_boilerplate` without its shortcut for long lines: every rule, on every line.
    fn boilerplate_by_definition(line: &str) -> bool {
        let l = line
            .trim()
            .trim_end_matches([':', '.', '»', '>', '|'])
            .trim();
        !l.is_empty() && boilerplate_rules(&l.to_lowercase(), l)
    }

    proptest::proptest! {
        #[test]
        fn long_line_shortcut_changes_nothing(
            words in proptest::collection::vec(
                "(Facebook|TWITTER|x|Email|share|Share this|©|\\(c\\)|Copyright|follow us on|\\||·|Advertisement|[a-zA-Zéß]{1,12}|\\PC{1,6})",
                0..40,
            ),
            sep in "( |  |\t| \\| )",
            tail in "(|:|\\.|»| >)",
        ) {
            let line = format!("{}{tail}", words.join(&sep));
            proptest::prop_assert_eq!(is_boilerplate(&line), boilerplate_by_definition(&line), "{:?}", line);
        }
    }

    #[test]
    fn long_rows_of_social_names_are_boilerplate() {
        let row = ["Facebook", "Twitter", "WhatsApp", "Email", "LinkedIn"]
            .repeat(8)
            .join(" ");
        assert!(row.chars().count() > 120);
        assert!(is_boilerplate(&row));
        let text = format!("{row} and more");
        assert!(!is_boilerplate(&text));
        let share = format!("Share this {}", "story ".repeat(30));
        assert!(!is_boilerplate(&share));
    }

    #[test]
    fn boilerplate_lines() {
        for l in [
            "Follow us on:   ",
            "Advertisement",
            "Share this:",
            "Skip to main content",
            "Facebook Twitter WhatsApp",
            "© 2014 The Paper. All rights reserved.",
        ] {
            assert!(is_boilerplate(l), "{l:?}");
        }
        for l in [
            "China, Russia FMs meet ahead of Syria talks",
            "Share prices fell sharply on Monday",
            "",
        ] {
            assert!(!is_boilerplate(l), "{l:?}");
        }
    }
}

#[cfg(test)]
mod nfc_tests {
    use super::nfc;

    #[test]
    fn nfc_composes_and_borrows_what_is_already_composed() {
        assert_eq!(nfc("Zu\u{308}rich"), "Zürich");
        assert_eq!(nfc("e\u{301}tude"), "étude");
        assert!(matches!(nfc("plain ascii"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(nfc("Zürich"), std::borrow::Cow::Borrowed(_)));
    }
}
