//! The page read a second time, as plain text: where the markup names no author or no
//! date, the plain-text reader may still find one in the page's lines (`Words: Declan
//! Furey · Monday 16 September 2019`, `Escrito por …`, a credit line under the story,
//! `Reporting by Ana Ruiz; Editing by …`), as it does in a page saved with `w3m -dump`.
//! Its fields are taken only when it found the same headline as the markup: then the
//! two readers agree on where the article's header is.

use trafilatura::dom::Document;

use super::body::walk_text;
use super::meta::Meta;
use super::rule::Rule;
use crate::extract::clean::squash_spaces;
use crate::extract::text;

/// Fewest words two headlines share, in a run, to be the same headline (one may carry a
/// kicker or a site's name the other lacks).
const SAME_HEADLINE_WORDS: usize = 3;

/// Lowest confidence of a byline taken from the text reading, unless the markup holds
/// the name as an element of its own: a name beside a date at the threshold may be a
/// place (`Bad Hollerbach.`) or a label (`Pressemitteilung Nr.`) in a paragraph.
const BYLINE_CONFIDENCE: f32 = 0.6;

/// Fills the byline and the date of `meta` that the markup left empty from a plain-text
/// reading of `doc`.
pub(super) fn fill_in(doc: &Document, meta: &mut Meta) {
    if meta.byline.is_some() && meta.date.is_some() {
        return;
    }
    let root = doc.body().unwrap_or_else(|| doc.root());
    let page = walk_text(doc, root, &[]);
    let (fields, explained) = text::extract_explained(&page);
    let Some(headline) = fields.title.as_deref() else {
        return;
    };
    let agrees = [meta.title.as_deref(), meta.h1.as_deref()]
        .into_iter()
        .flatten()
        .any(|t| same_headline(t, headline));
    if !agrees {
        return;
    }
    if meta.date.is_none() {
        if let Some(date) = fields.date {
            meta.date = Some(date);
            meta.date_rule = Some(Rule {
                name: "text-reading",
                confidence: explained.date.confidence,
            });
        }
    }
    if meta.byline.is_none() {
        let sure = explained.byline.confidence >= BYLINE_CONFIDENCE;
        meta.byline = fields.byline.filter(|name| sure || element_says(doc, name));
        if meta.byline.is_some() {
            meta.authors = fields.authors;
        }
    }
}

/// Whether the markup holds `name` as a text of its own (`<a href="/autor/…">Inês
/// Carvalhal</a>`, `<span class="a-name">…</span>`), not inside a longer text.
fn element_says(doc: &Document, name: &str) -> bool {
    doc.iter(doc.root(), &[]).into_iter().any(|id| {
        let own: String = doc
            .child_nodes(id)
            .into_iter()
            .filter(|&c| doc.is_text(c))
            .map(|c| doc.text_content(c))
            .collect();
        squash_spaces(&own).eq_ignore_ascii_case(name)
    })
}

/// Lower-cased words of `s`, punctuation dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `a` and `b` are one headline: the words of the shorter, at least
/// [`SAME_HEADLINE_WORDS`], run unbroken in the longer (`Trockenheit in Franken:
/// Landwirte fürchten …` holds `Landwirte fürchten …`; quotes and apostrophes aside).
pub(super) fn same_headline(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= SAME_HEADLINE_WORDS && long.windows(short.len()).any(|w| w == short.as_slice())
}
