//! Dates that belong to other stories than the page's: a list of stories, each with its
//! date (`<li><a>Headline</a> <span>27 September 2010</span></li>`), a card linking to
//! another story with its date inside the link, a date printed right beside another
//! story's link (`<a>Anuncian tandeo …</a> <font>(01/03/2024)</font>`). The dateline
//! reader leaves them out.

use std::collections::HashSet;

use trafilatura::dom::{Document, NodeId};

use super::layout::ancestors;
use crate::extract::clean::squash_spaces;

/// Fewest different days elements of one class show to be a list of dated items.
pub(super) const LIST_DAYS: usize = 3;

/// Whether `id` is inside a link inside a list item, or beside a headline's link in one:
/// a list of other stories, each with its date (`<li><a>Headline <span>(12.06.2019)
/// </span></a></li>`, `<li><a>Waiting lists are a measure of failure</a> <span>27
/// September 2010</span></li>`). A post's own date in a permalink (`Posted on
/// <a><time>…</time></a>`) is in no list item, and an author's link beside a date
/// (`<li>By <a>Jane Doe</a> on <span>…</span></li>`) is no headline, unless the items
/// beside it show dates too (`<li>Tuesday 13th October 2009 – <a>Playground refurbishment
/// completed</a></li>` in a list of such).
/// Items may also be elements of one class side by side (`<div class=pm_list_item><div
/// class=pm_list_date>06.02.2024</div><div><a>Headline</a></div></div>` and again): one
/// that holds such a headline's link and not the page's headline is another story's.
pub(super) fn linked_item(doc: &Document, id: NodeId, around_headline: &HashSet<NodeId>) -> bool {
    let mut link = false;
    for n in ancestors(doc, id).take(LINKED_ITEM_DEPTH) {
        if around_headline.contains(&n) {
            return false;
        }
        if repeated_item(doc, n) && teaser_link(doc, n) {
            return true;
        }
        match doc.tag_name(n) {
            // A card linking to another story, its headline and date inside the link
            // (`<a><div>Inspectie brengt roest …</div><div>di 14 november 2023</div></a>`).
            "a" if to_page(doc, n)
                && (TEASER_LINK_WORDS..=CARD_WORDS).contains(&linked_words(doc, n, id)) =>
            {
                return true
            }
            "a" => link = true,
            "li" if link => return true,
            "li" => {
                return teaser_link(doc, n)
                    || (!doc.query_selector_all(n, "a").is_empty() && dated_sibling(doc, n, true))
                    || dated_list(doc, n)
            }
            _ => {}
        }
    }
    false
}

/// Words of link `a`'s text besides the date element `id` inside it; none for a link
/// that is a byline with its date (`<a>By Anna Novak on 5 March 2024</a>`).
fn linked_words(doc: &Document, a: NodeId, id: NodeId) -> usize {
    let text = squash_spaces(&doc.text_content(a));
    if crate::extract::text::marked_byline(&text).is_some() {
        return 0;
    }
    let all = text.split_whitespace().count();
    all.saturating_sub(doc.text_content(id).split_whitespace().count())
}

/// Whether list item `n` has items beside it showing [`LIST_DAYS`]` - 1` days or more
/// between them (`<li><strong>26.02.2014</strong><br>Regionalforum Süd</li>` in a box of
/// coming events): a list of dated things, linked or not, not an article's header.
fn dated_list(doc: &Document, n: NodeId) -> bool {
    let Some(parent) = doc.parent(n) else {
        return false;
    };
    let days: HashSet<time::Date> = doc
        .child_nodes(parent)
        .into_iter()
        .filter(|&c| c != n && doc.is_element(c) && doc.tag_name(c) == "li")
        .take(MAX_ITEMS_READ)
        .filter_map(|c| {
            let text = squash_spaces(&doc.text_content(c));
            (text.chars().count() <= MAX_ITEM_CHARS)
                .then(|| crate::extract::text::line_date(&text))
                .flatten()
                .map(|(d, _)| d.at.date())
        })
        .collect();
    days.len() + 1 >= LIST_DAYS
}

/// Whether `id` (or the element it alone fills) is printed right after or right before a
/// link of [`TEASER_LINK_WORDS`] words or more, with only spaces, line breaks or
/// separators between: another story's headline and its date (`<a>Anuncian tandeo en la
/// zona centro</a> <font>(01/03/2024)</font>`, `<a>…</a><br><font>Por Rodolfo Castañeda
/// | 04/03/2024</font>`, `<font>Monday | October 13, 2003</font><br><a>Heavy rains …`).
/// A link holding the headline is the story's own.
pub(super) fn beside_teaser_link(
    doc: &Document,
    id: NodeId,
    around_headline: &HashSet<NodeId>,
) -> bool {
    let mut n = id;
    for _ in 0..TEASER_DATE_DEPTH {
        let Some(parent) = doc.parent(n) else {
            return false;
        };
        let kids = doc.child_nodes(parent);
        let Some(at) = kids.iter().position(|&c| c == n) else {
            return false;
        };
        let teaser = |side: &mut dyn Iterator<Item = &NodeId>| {
            for &c in side {
                if doc.is_text(c) {
                    if doc.text_content(c).trim_matches(SEPARATING).is_empty() {
                        continue;
                    }
                    return Some(false);
                }
                if !doc.is_element(c) || doc.tag_name(c) == "br" {
                    continue;
                }
                return Some(
                    doc.tag_name(c) == "a"
                        && !around_headline.contains(&c)
                        && headline_link(doc, c),
                );
            }
            None
        };
        let before = teaser(&mut kids[..at].iter().rev());
        let after = teaser(&mut kids[at + 1..].iter());
        if before == Some(true) || after == Some(true) {
            return true;
        }
        if before.is_some() {
            return false;
        }
        // Nothing beside it: the element it fills may stand by the link.
        let alone = kids
            .iter()
            .filter(|&&c| c != n)
            .all(|&c| !doc.is_element(c) && doc.text_content(c).trim().is_empty());
        if !alone || around_headline.contains(&parent) {
            return false;
        }
        n = parent;
    }
    false
}

/// Whether `id` is a line pointing to another story with that story's date after its
/// link (`<p>Saiba mais: <a>Semarh proíbe uso do fogo no Tocantins …</a> (publicada em
/// 14/06/2024)</p>`): a headline's link inside it and few words besides.
pub(super) fn teaser_line(doc: &Document, id: NodeId, around_headline: &HashSet<NodeId>) -> bool {
    let all = doc.text_content(id).split_whitespace().count();
    doc.query_selector_all(id, "a").into_iter().any(|a| {
        let linked = doc.text_content(a).split_whitespace().count();
        !around_headline.contains(&a)
            && headline_link(doc, a)
            && all.saturating_sub(linked) <= TEASER_LINE_WORDS
    })
}

/// Most words of a line pointing to another story besides its link.
const TEASER_LINE_WORDS: usize = 10;

/// Whether link `a` reads as another story's headline: [`TEASER_LINK_WORDS`] words or more
/// of letters (not `87 Comments (87 New)`), to another page (not `#comments`).
fn headline_link(doc: &Document, a: NodeId) -> bool {
    let text = squash_spaces(&doc.text_content(a));
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(|c| c.is_ascii_digit()))
        .count();
    to_page(doc, a) && !author_link(doc, a, &text) && words >= TEASER_LINK_WORDS
}

/// Whether link `a` goes to another page (not `#comments`, not a bare `<a name>`).
fn to_page(doc: &Document, a: NodeId) -> bool {
    doc.get_attribute(a, "href")
        .is_some_and(|h| !h.trim().is_empty() && !h.trim_start().starts_with('#'))
}

/// Whether link `a` (its text `text`) is an author's: `rel=author`, an author's page
/// (`/autor/…`, `/auteur/…`, `/author/…`), or names alone (`María José García López`).
fn author_link(doc: &Document, a: NodeId, text: &str) -> bool {
    let rel = doc.get_attribute(a, "rel").is_some_and(|r| {
        r.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("author"))
    });
    let href = doc
        .get_attribute(a, "href")
        .unwrap_or_default()
        .to_lowercase();
    let page = AUTHOR_PATHS.iter().any(|p| href.contains(p));
    rel || page || crate::extract::byline::is_names(text)
}

/// Path parts of an author's page.
const AUTHOR_PATHS: [&str; 8] = [
    "/author",
    "/autor",
    "/auteur",
    "/autore",
    "/authors",
    "/journalist",
    "/redakteur",
    "/people/",
];

/// What may stand between a link and the date printed after it.
const SEPARATING: &[char] = &[
    ' ', '\u{a0}', '\n', '\t', '-', '–', '—', '|', '·', '•', '(', ')',
];

/// Levels of elements a date alone fills, read for the link before them.
const TEASER_DATE_DEPTH: usize = 3;

/// Whether `n` holds a link of [`TEASER_LINK_WORDS`] words or more: a story's headline.
fn teaser_link(doc: &Document, n: NodeId) -> bool {
    doc.query_selector_all(n, "a")
        .into_iter()
        .any(|a| doc.text_content(a).split_whitespace().count() >= TEASER_LINK_WORDS)
}

/// Whether `n` has a class that another element beside it under the same parent has too,
/// and that other element is a short item showing a date: one of a list of dated items.
fn repeated_item(doc: &Document, n: NodeId) -> bool {
    let class = doc.class_name(n);
    !class.trim().is_empty() && dated_sibling(doc, n, false)
}

/// Whether an element beside `n` under the same parent, of its class (and, with
/// `same_tag`, of its tag and holding a link as `n` does: another story's item, not the
/// next line of a header's list), is a short item showing a date.
fn dated_sibling(doc: &Document, n: NodeId, same_tag: bool) -> bool {
    let (tag, class) = (doc.tag_name(n), doc.class_name(n));
    doc.parent(n).is_some_and(|p| {
        doc.child_nodes(p)
            .into_iter()
            .filter(|&c| {
                c != n
                    && doc.is_element(c)
                    && doc.class_name(c) == class
                    && (!same_tag
                        || (doc.tag_name(c) == tag && !doc.query_selector_all(c, "a").is_empty()))
            })
            .take(MAX_ITEMS_READ)
            .any(|c| {
                let text = squash_spaces(&doc.text_content(c));
                text.chars().count() <= MAX_ITEM_CHARS
                    && crate::extract::text::line_date(&text).is_some()
            })
    })
}

/// Longest text of an item in a list of dated items, and how many of an element's
/// same-class siblings are read for a date (a page of a thousand same-class paragraphs
/// stays cheap).
const MAX_ITEM_CHARS: usize = 300;
const MAX_ITEMS_READ: usize = 12;

/// Words from which a link beside a date in a list item is another story's headline.
const TEASER_LINK_WORDS: usize = 4;

/// Most words of a card linking to another story (a link holding more is a page's own
/// markup gone wrong, an unclosed `<a name>` around the page).
const CARD_WORDS: usize = 40;

/// Levels above a date searched for the link and the list item holding it.
const LINKED_ITEM_DEPTH: usize = 6;
