//! The page read a second time, as plain text: where the markup names no author, the
//! plain-text reader may still find one in the page's lines (`<b>By Harold T. Weems</b>`
//! in a table layout, a credit line under the story, `Reporting by Ana Ruiz; Editing by
//! …`), as it does in a page saved with `w3m -dump`; where the markup dates the page to
//! a year or a month only, the day it reads in that year or month makes it precise.
//! Its fields are taken only when it found the same headline as the markup: then the
//! two readers agree on where the article's header is. An undated page stays undated:
//! the markup reader has rejected the dates it shows for reasons the text lacks. Where
//! the markup found no headline of its own (no title at all, only the `<title>`'s
//! words spelled out by some element, often the site's name in the footer, or a
//! `<title>` no other source agrees with and no element prints whole), the text
//! reading's headline, when sure, is the title, and its date the date: that reading
//! found the article's header.

use trafilatura::dom::{Document, NodeId};

use super::body::walk;
use super::layout::{headed_furniture, is_furniture_name, names_of};
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

/// Lowest confidence of the text reading's headline that overrules an unbacked title.
const SURE_HEADLINE: f32 = 0.8;

/// Lowest confidence of the text reading's headline that overrules an unbacked title when
/// the markup's date stands right under it, within [`DATELINE_GAP`] of its units.
const DATED_HEADLINE: f32 = 0.6;
const DATELINE_GAP: usize = 2;

/// Lowest confidence of a title some other source of the page agrees with.
const BACKED_TITLE: f32 = 0.7;

/// Lowest confidence of a markup date that is declared or marked as the publication's
/// (metadata, `<time>`, an address's day), which the text reading never overrules.
const MARKED_DATE: f32 = 0.7;

/// Fills the byline of `meta` that the markup left empty, and makes a date it gave to the
/// year or month only precise, from a plain-text reading of `doc`; takes that reading's
/// headline and date where the markup's title is unbacked.
pub(super) fn fill_in(doc: &Document, meta: &mut Meta) {
    let coarse = meta.date.is_some_and(|d| d.precision < DatePrecision::Day);
    // A `<title>` no other source agrees with and no element prints whole names the
    // site or its section as often as the story (`DAV Sektion Ammertal - Aktuelles`).
    let lone_title = |r: &Rule| {
        r.name == "title"
            && r.confidence < BACKED_TITLE
            && meta.title.as_deref().is_none_or(|t| !printed(doc, t))
    };
    let unbacked = meta
        .title_rule
        .as_ref()
        .is_none_or(|r| r.name == "title-spelled-out" || lone_title(r));
    if meta.byline.is_some() && !coarse && !unbacked {
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
    // A sentence is no headline to put in a `<title>`'s place: the reading took a
    // paragraph of a page with little else.
    let sentence = headline.ends_with('.') && !headline.ends_with("...");
    // The markup's date read on the line under the reading's headline: both readers
    // found the same header, and a headline less sure alone is sure enough.
    let dated_below = || {
        let (Some(t), Some(d)) = (&explained.title.chosen, &explained.date.chosen) else {
            return false;
        };
        let same_day = |a: &ArticleDate, b: &ArticleDate| a.at.date() == b.at.date();
        d.unit > t.unit
            && d.unit <= t.unit + DATELINE_GAP
            && meta
                .date
                .zip(fields.date)
                .is_some_and(|(m, f)| same_day(&m, &f))
    };
    let sure = explained.title.confidence >= SURE_HEADLINE
        || (explained.title.confidence >= DATED_HEADLINE && dated_below());
    if !agrees {
        if !(unbacked && !sentence && sure) {
            return;
        }
        meta.title = Some(headline.to_string());
        meta.title_rule = Some(Rule {
            name: "text-reading",
            confidence: explained.title.confidence,
        });
        // The markup read its dates around a header it did not find; the text reading
        // found the header, and the date beside it.
        let shown = meta
            .date_rule
            .as_ref()
            .is_none_or(|r| r.confidence < MARKED_DATE);
        if shown && fields.date.is_some() {
            meta.date = fields.date;
            meta.date_rule = Some(Rule {
                name: "text-reading",
                confidence: explained.date.confidence,
            });
        }
    }
    // A day in the year or month the markup gives (a copyright line's year, an address's
    // `/2016/04/`) makes it precise.
    // A page the markup leaves undated stays so, unless the reading found the header the
    // markup did not (above): its reader has rejected the dates it shows (captions,
    // comments, related lists, a masthead's day, an update away from the header), which
    // the text reading would take.
    let refines = |date: &ArticleDate| {
        meta.date.is_some_and(|m| {
            m.precision < DatePrecision::Day
                && date.at.year() == m.at.year()
                && (m.precision == DatePrecision::Year || date.at.month() == m.at.month())
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
        // Each of several authors may be an element of its own (`<span>Juha
        // Virtanen</span>, <span>Maria Laaksonen</span>`).
        let each_said = |byline: &str| {
            let names = crate::extract::byline::names(byline);
            names.len() > 1 && side_by_side(doc, &names)
        };
        meta.byline = fields
            .byline
            .filter(|name| sure || element_says(doc, name) || each_said(name));
        if meta.byline.is_some() {
            meta.authors = fields.authors;
        }
    }
}

/// Whether the markup holds `name` as a text of its own (`<a href="/autor/…">Inês
/// Carvalhal</a>`, `<span class="a-name">…</span>`), not inside a longer text.
fn element_says(doc: &Document, name: &str) -> bool {
    !elements_saying(doc, name).is_empty()
}

/// The elements whose own text is `name`.
fn elements_saying(doc: &Document, name: &str) -> Vec<NodeId> {
    doc.iter(doc.root(), &[])
        .into_iter()
        .filter(|&id| squash_spaces(&own_text(doc, id)).eq_ignore_ascii_case(name))
        .collect()
}

/// Whether each of `names` is the own text of an element, all of them children of one
/// element (`<div><span>Juha Virtanen</span>, <span>Maria Laaksonen</span></div>`).
fn side_by_side(doc: &Document, names: &[String]) -> bool {
    let parents = |name: &String| -> Vec<NodeId> {
        elements_saying(doc, name)
            .into_iter()
            .filter_map(|id| doc.parent(id))
            .collect()
    };
    let Some((first, rest)) = names.split_first() else {
        return false;
    };
    let others: Vec<Vec<NodeId>> = rest.iter().map(parents).collect();
    parents(first)
        .into_iter()
        .any(|p| others.iter().all(|o| o.contains(&p)))
}

/// The text of element `id`'s own text nodes, not its children's elements'.
fn own_text(doc: &Document, id: NodeId) -> String {
    doc.child_nodes(id)
        .into_iter()
        .filter(|&c| doc.is_text(c))
        .map(|c| doc.text_content(c))
        .collect()
}

/// Whether an element outside the page's furniture prints `title` as its own text, the
/// same words in any case, spacing and quote style (`<b>Township board tables vote …</b>`
/// in a table cell).
fn printed(doc: &Document, title: &str) -> bool {
    let key = words(title);
    let root = doc.body().unwrap_or_else(|| doc.root());
    doc.iter(root, &[])
        .into_iter()
        .any(|id| words(&own_text(doc, id)) == key && !super::layout::in_furniture(doc, id))
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
    let names = names_of(doc, id);
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

/// The page as a text browser prints it (see [`walk`]), without its furniture, each line
/// trimmed.
fn rendered(doc: &Document) -> String {
    let root = doc.body().unwrap_or_else(|| doc.root());
    walk(doc, root, &|id, tag| furniture(doc, id, tag), true)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}
