//! The page read a second time, as plain text: where the markup names no author, the
//! plain-text reader may still find one in the page's lines (`<b>By Harold T. Weems</b>`
//! in a table layout, a credit line under the story, `Reporting by Ana Ruiz; Editing by
//! …`), as it does in a page saved with `w3m -dump`; where the markup dates the page to
//! a year or a month only, the day it reads in that year or month makes it precise.
//! Its fields are taken only when it found the same headline as the markup: then the
//! two readers agree on where the article's header is. An undated page stays undated:
//! the markup reader has rejected the dates it shows for reasons the text lacks.

use trafilatura::dom::{Document, NodeId};

use super::body::SKIP;
use super::layout::{headed_furniture, is_furniture_name};
use super::meta::Meta;
use super::rule::Rule;
use crate::article::{ArticleDate, DatePrecision};
use crate::extract::clean::squash_spaces;
use crate::extract::text;

/// Fewest words two headlines share, in a run, to be the same headline (one may carry a
/// kicker or a site's name the other lacks).
const SAME_HEADLINE_WORDS: usize = 3;

/// Lowest confidence of a byline taken from the text reading, unless the markup holds
/// the name as an element of its own: a name beside a date at the threshold may be a
/// place (`Bad Hollerbach.`) or a label (`Pressemitteilung Nr.`) in a paragraph.
const BYLINE_CONFIDENCE: f32 = 0.6;

/// Fills the byline of `meta` that the markup left empty, and makes a date it gave to the
/// year or month only precise, from a plain-text reading of `doc`.
pub(super) fn fill_in(doc: &Document, meta: &mut Meta) {
    let coarse = meta.date.is_some_and(|d| d.precision < DatePrecision::Day);
    if meta.byline.is_some() && !coarse {
        return;
    }
    let page = rendered(doc);
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
    // A day in the year or month the markup gives (a copyright line's year, an address's
    // `/2016/04/`) makes it precise.
    // A page the markup leaves undated stays so: its reader has rejected the dates it
    // shows (captions, comments, related lists, a masthead's day, an update alone),
    // which the text reading would take.
    let refines = |date: &ArticleDate| {
        meta.date.is_some_and(|m| {
            m.precision < DatePrecision::Day
                && date.utc.year() == m.utc.year()
                && (m.precision == DatePrecision::Year || date.utc.month() == m.utc.month())
        })
    };
    if coarse {
        if let Some(date) = fields.date.filter(refines) {
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

/// Whether element `id` holds what surrounds an article rather than the article: page
/// furniture by its tag, class or heading (navigation, related stories, comments), or a
/// link around blocks (another story's card).
fn furniture(doc: &Document, id: NodeId, tag: &str) -> bool {
    let names = format!("{} {}", doc.class_name(id), doc.id_attr(id)).to_lowercase();
    matches!(tag, "footer" | "aside" | "nav" | "form")
        || is_furniture_name(&names)
        || headed_furniture(doc, id)
        || (tag == "a"
            && doc.child_nodes(id).into_iter().any(|c| {
                doc.is_element(c)
                    && crate::extract::markup::BLOCK_TAGS
                        .contains(&doc.tag_name(c).to_ascii_lowercase().as_str())
            }))
}

/// The page as a text browser prints it, without its furniture: white space inside a block collapsed to single
/// spaces (a calendar's `<span>mardi</span> <span>12</span> …` on source lines of their
/// own reads `mardi 12 avril 2016`), a line break at each `<br>`, a blank line between
/// blocks, table cells side by side. Iterative, so nesting depth is no risk.
fn rendered(doc: &Document) -> String {
    enum Step {
        Enter(NodeId),
        Leave(bool),
    }
    let mut out = String::new();
    let mut stack = vec![Step::Enter(doc.body().unwrap_or_else(|| doc.root()))];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    out.push_str("\n\n");
                }
            }
            Step::Enter(id) if doc.is_text(id) => {
                let text = doc.text_content(id);
                if text.starts_with(char::is_whitespace) && !out.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                out.push_str(&squash_spaces(&text));
                if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
                    out.push(' ');
                }
            }
            Step::Enter(id) => {
                if !doc.is_element(id) && id != doc.root() {
                    continue;
                }
                let tag = doc.tag_name(id).to_ascii_lowercase();
                if SKIP.contains(&tag.as_str()) || furniture(doc, id, &tag) {
                    continue;
                }
                let block = crate::extract::markup::BLOCK_TAGS.contains(&tag.as_str());
                match tag.as_str() {
                    "br" => out.push('\n'),
                    "td" | "th" => out.push_str("   "),
                    _ if block => out.push_str("\n\n"),
                    _ => {}
                }
                stack.push(Step::Leave(block));
                for c in doc.child_nodes(id).into_iter().rev() {
                    stack.push(Step::Enter(c));
                }
            }
        }
    }
    out.lines().map(str::trim).collect::<Vec<_>>().join("\n")
}
