//! Dates a story's paragraphs give, for a page that shows none near its headline: a
//! paragraph dating the piece itself (`This review was published on November 14, 2023`),
//! the place and day its first paragraphs open on (`Berlin, 12. Februar 2014 – …`), and
//! the day a statement is signed on under it (`Montreuil, le 12 mars 2024 – Le Bureau
//! fédéral`).

use std::collections::HashSet;

use trafilatura::dom::{Document, NodeId};

use super::dateline::{hidden_away, Candidate};
use super::layout::{ancestors, Layout};
use crate::extract::clean::squash_spaces;

/// The date a paragraph of the page, outside its furniture, gives the piece itself
/// (`This review was published on November 14, 2023, …`): what a page that shows its
/// date nowhere else may say under its story.
pub(super) fn self_dated(doc: &Document, headline: Option<NodeId>) -> Option<Candidate> {
    let around_headline: HashSet<NodeId> = headline
        .map(|h| ancestors(doc, h).collect())
        .unwrap_or_default();
    doc.query_selector_all(doc.root(), "p")
        .into_iter()
        .filter(|&p| !hidden_away(doc, p, &around_headline))
        .find_map(|p| crate::extract::text::self_dated(&squash_spaces(&doc.text_content(p))))
        .map(|date| Candidate {
            date,
            rule: "self-dated",
            confidence: 0.6,
            byline: None,
        })
}

/// The place and day the story's first paragraphs open on, as press releases and wire
/// copy write them (`<p><strong>Berlin, 12. Februar 2014 –</strong> Die …`): the first
/// paragraphs below the headline outside the page's furniture. A page without a headline
/// (a list of teasers) has no story to open.
pub(super) fn opening_dateline(
    doc: &Document,
    layout: &Layout,
    headline: Option<NodeId>,
) -> Option<Candidate> {
    let around_headline: HashSet<NodeId> = ancestors(doc, headline?).collect();
    doc.query_selector_all(doc.root(), "p")
        .into_iter()
        .filter(|&p| !layout.rank(p).0 && !hidden_away(doc, p, &around_headline))
        .map(|p| squash_spaces(&doc.text_content(p)))
        .filter(|text| !text.is_empty())
        .take(OPENING_PARAGRAPHS)
        .find_map(|text| crate::extract::text::opening_dateline(&text))
        .map(|date| Candidate {
            date,
            rule: "story-opening",
            confidence: 0.6,
            byline: None,
        })
}

/// The day a statement is signed on, in a paragraph of its own below the headline
/// outside the page's furniture (`<p><em>Montreuil, le 12 mars 2024 – Le Bureau
/// fédéral</em></p>` under a union's communiqué).
pub(super) fn signature_date(
    doc: &Document,
    layout: &Layout,
    headline: Option<NodeId>,
) -> Option<Candidate> {
    let around_headline: HashSet<NodeId> = ancestors(doc, headline?).collect();
    // Under the statement: no paragraph of prose follows it in its container (a date and
    // place in the middle of a story, `Kyiv, 24 February 2022`, heads a flashback).
    let prose = |t: &str| {
        t.split_whitespace().count() >= PROSE_WORDS
            && t.trim_end().ends_with(['.', '!', '?', '»', '"'])
    };
    let last = |p: NodeId| {
        let Some(parent) = doc.parent(p) else {
            return true;
        };
        let kids = doc.child_nodes(parent);
        let at = kids.iter().position(|&c| c == p).unwrap_or(kids.len());
        !kids[at..]
            .iter()
            .skip(1)
            .any(|&c| doc.is_element(c) && prose(&squash_spaces(&doc.text_content(c))))
    };
    doc.query_selector_all(doc.root(), "p")
        .into_iter()
        .filter(|&p| !layout.rank(p).0 && !hidden_away(doc, p, &around_headline))
        .find_map(|p| {
            let date = crate::extract::text::signature_date(&squash_spaces(&doc.text_content(p)))?;
            last(p).then_some(Candidate {
                date,
                rule: "signature",
                confidence: 0.6,
                byline: None,
            })
        })
}

/// Fewest words of a paragraph of prose after a signature, which is then no signature.
const PROSE_WORDS: usize = 15;

/// Paragraphs below the headline read for the day the story opens on.
const OPENING_PARAGRAPHS: usize = 3;
