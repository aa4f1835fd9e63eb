//! HTML news pages: title, date, byline and main text from the page itself.
//!
//! Main text comes from the `trafilatura` crate (a Rust port of go-trafilatura, with
//! its readability and jusText fallbacks), run with fallback on and precision favoured.
//! It was chosen by measuring candidates on the 181 real pages of the Zyte/Scrapinghub
//! article-extraction benchmark with that benchmark's own metric (word 4-gram shingles,
//! precision and recall averaged over pages, F1 of the two; release build, text output
//! of each crate, 2 cores):
//!
//! | candidate (version, settings)                     | F1    | time, 181 pages |
//! |---------------------------------------------------|-------|-----------------|
//! | legible 0.5.1 (Readability.js port)               | 0.926 | 0.8 s           |
//! | dom_smoothie 0.19.0 (Readability.js port)         | 0.946 | 0.9 s           |
//! | libreadability 0.3.0 (go-readability port)        | 0.952 | 1.8 s           |
//! | rs-trafilatura 0.2.2 (default / favor_recall)     | 0.957 | 5.1 s           |
//! | trafilatura 0.6.0, no fallback                    | 0.957 | 1.9 s           |
//! | trafilatura 0.6.0, fallback                       | 0.960 | 3.7 s           |
//! | **trafilatura 0.6.0, fallback, FavorPrecision**   | 0.969 | 3.5 s           |
//!
//! Around it, newsdex adds: paragraphs ("\n\n" between blocks, from trafilatura's cleaned
//! HTML rather than its flattened text); removal of the headline, byline, date and
//! boilerplate lines repeated at the top of the text and of short page-furniture lines
//! (photo credits, "Updated 1:23 p.m.", newsletter and follow-us plugs, "Read more:"
//! links); and its own metadata reader ([`meta`]), so dates keep their time and zone and
//! go through `date::parse_date`. With these the benchmark gives F1 0.973 (precision
//! 0.967, recall 0.979; 181 pages in about 5 s of CPU in a dev build, see
//! `benches/eval/html_benchmark.py`). Tried and rejected: JSON-LD `articleBody` instead
//! of the extracted text (17 pages carry one; it is worse on 12 of them: truncated to
//! 500 characters or padded with captions), so it is only used when nothing else is
//! found; `include_links` to drop link-only paragraphs (trafilatura then keeps more
//! link-heavy text, F1 0.968 before the drop, 0.969 after).
//!
//! Robustness: html5ever parses anything (truncated, unclosed, binary junk) into a tree
//! without recursion, but in time quadratic in the nesting depth, so markup nested deeper
//! than [`MAX_MARKUP_DEPTH`] loses its deepest tags (not their text) first; pages whose
//! tree is deeper than [`MAX_DEPTH`] skip trafilatura (parts of which recurse) and are
//! read by the iterative plain reader instead.

mod authors;
mod body;
mod clean;
mod dateline;
mod jsonld;
mod layout;
mod meta;
mod nesting;
mod page_date;
mod paragraph_dates;
mod rule;
mod tags;
mod teasers;
mod text_reading;
mod title;
mod url_date;

use trafilatura::dom::Document;

use crate::article::Fields;

pub use rule::Rule;
pub use title::strip_site_name;

/// Nesting depth beyond which a page is read without trafilatura. Real pages stay well
/// under 100; deeper ones are broken or hostile.
pub const MAX_DEPTH: usize = 256;

/// Markup nesting depth beyond which tags are dropped before parsing (see [`nesting`]).
pub const MAX_MARKUP_DEPTH: usize = 1000;

/// Which rule chose the title and the date of a page, and how sure each is; kept beside
/// the fields, not in the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    pub title: Option<Rule>,
    pub date: Option<Rule>,
}

pub fn extract(html: &str) -> Fields {
    extract_at(html, None)
}

/// [`extract`] of a page stored at `path`: a page that names no address of its own is
/// dated by the path it was mirrored under, as its address would date it.
pub fn extract_at(html: &str, path: Option<&str>) -> Fields {
    extract_explained(html, path).0
}

/// `html` with a newline after each `<br>`: an element's text then keeps the break as a
/// space (`<span>EFE</span><br>22/09/2023` reads `EFE 22/09/2023`, not `EFE22/09/2023`).
fn spaced_breaks(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let is_break = |i: usize| {
        bytes
            .get(i + 1..i + 3)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"br"))
            && bytes
                .get(i + 3)
                .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
    };
    if !(0..bytes.len()).any(|i| bytes[i] == b'<' && is_break(i)) {
        return html.into();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let base = html.len() - rest.len();
        if is_break(base + at) {
            let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
            out.push_str(&rest[..end]);
            out.push('\n');
            rest = &rest[end..];
        } else {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out.into()
}

/// [`extract_at`], with the rules that chose the title and the date.
pub fn extract_explained(html: &str, path: Option<&str>) -> (Fields, Provenance) {
    if html.trim().is_empty() {
        return (Fields::default(), Provenance::default());
    }
    let capped = nesting::cap_nesting(html, MAX_MARKUP_DEPTH);
    let capped = spaced_breaks(&capped);
    let doc = Document::parse(&capped);
    let mut meta = meta::read(&doc, path);
    text_reading::fill_in(&doc, &mut meta);
    let body = if deeper_than(&doc, MAX_DEPTH) {
        body::tidy(&body::plain_paragraphs(&doc), &meta)
    } else {
        body::main_text(doc, &capped, &meta)
    };
    let provenance = Provenance {
        title: meta.title_rule,
        date: meta.date_rule,
    };
    let fields = Fields {
        title: meta.title,
        date: meta.date,
        byline: meta.byline,
        authors: meta.authors,
        body,
        source_id: None,
    };
    (fields, provenance)
}

/// Whether any node of `doc` is more than `limit` levels deep (iterative walk).
fn deeper_than(doc: &Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((id, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        for c in doc.children(id) {
            stack.push((c, depth + 1));
        }
    }
    false
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fallback;
#[cfg(test)]
mod tests_labels;
#[cfg(test)]
mod tests_reading;
#[cfg(test)]
mod tests_teasers;
#[cfg(test)]
mod tests_titles;
