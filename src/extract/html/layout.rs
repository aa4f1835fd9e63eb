//! Where things sit on an HTML page, for the readers of visible bylines and dates: the
//! text of an element line by line (block boundaries kept, so two `<div>`s do not run
//! together), distance from the headline in document order, and whether an element is
//! inside page furniture (comments, related stories, sidebars, footers, embedded
//! tweets), whose bylines
//! and dates belong to other articles.

use std::collections::HashMap;

use trafilatura::dom::{Document, NodeId};

use crate::extract::clean::squash_spaces;
use crate::extract::markup::BLOCK_TAGS;

/// Elements whose text is not shown.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe",
];

/// Class or id words of containers that hold other articles' bylines and dates.
const FURNITURE: &[&str] = &[
    "comment",
    "kommentar",
    "comentari",
    "comentári",
    "reactie",
    // Readers' words under an obituary or a post.
    "guestbook",
    "condolence",
    "disqus",
    "related",
    "recommend",
    "sidebar",
    "footer",
    "teaser",
    "promo",
    "recirc",
    "more-stories",
    "trending",
    "popular",
    "newsletter",
    "widget",
    "tweet",
];

/// The text of `id`, one entry per line: blocks (and `<br>`) end lines, inline elements
/// are parted by a space (the fields of a byline, `<a>Jordan Pace</a><span>Contributor
/// </span>`, are separate words even where the page's style sheet, not its text, spaces
/// them), whitespace inside a line is collapsed, empty lines are dropped.
pub(super) fn field_lines(doc: &Document, id: NodeId) -> Vec<String> {
    lines_of(doc, id)
}

fn lines_of(doc: &Document, id: NodeId) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let flush = |line: &mut String, lines: &mut Vec<String>| {
        let l = squash_spaces(line);
        if !l.is_empty() {
            lines.push(l);
        }
        line.clear();
    };
    // Iterative: pages nest deeply.
    let mut stack = vec![(id, false)];
    while let Some((n, leaving)) = stack.pop() {
        if doc.is_text(n) {
            line.push_str(&doc.text_content(n));
            continue;
        }
        if !doc.is_element(n) {
            continue;
        }
        let tag = doc.tag_name(n);
        let block = BLOCK_TAGS.contains(&tag);
        if leaving {
            if block {
                flush(&mut line, &mut lines);
            } else {
                line.push(' ');
            }
            continue;
        }
        if HIDDEN.contains(&tag) {
            continue;
        }
        if block {
            flush(&mut line, &mut lines);
        }
        stack.push((n, true));
        stack.extend(doc.child_nodes(n).into_iter().rev().map(|c| (c, false)));
    }
    flush(&mut line, &mut lines);
    lines
}

/// Whether `id` or one of its ancestors is a footer, an aside or navigation, or has a
/// class or id naming comments, related stories and the like.
pub(super) fn in_furniture(doc: &Document, id: NodeId) -> bool {
    let mut cur = Some(id);
    while let Some(n) = cur {
        if matches!(doc.tag_name(n), "footer" | "aside" | "nav") {
            return true;
        }
        if is_furniture_name(&names_of(doc, n)) || headed_furniture(doc, n) {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}

/// The class and id words of element `n`, lower-cased; none for `<html>` and `<body>`,
/// whose classes describe the page (Drupal's `one-sidebar sidebar-first` on `<body>`),
/// not a part of it.
pub(super) fn names_of(doc: &Document, n: NodeId) -> String {
    if matches!(doc.tag_name(n), "html" | "body") {
        return String::new();
    }
    format!("{} {}", doc.class_name(n), doc.id_attr(n)).to_lowercase()
}

/// Whether `n` is a box whose own heading, its first element, says it holds what follows
/// an article (`<section class="v-cmts"><h3>Comentarios</h3>`, `<h2>Most read</h2>`),
/// whatever its class names.
pub(super) fn headed_furniture(doc: &Document, n: NodeId) -> bool {
    doc.child_nodes(n)
        .into_iter()
        .find(|&c| doc.is_element(c))
        .is_some_and(|c| {
            matches!(doc.tag_name(c), "h2" | "h3" | "h4" | "h5" | "h6")
                && crate::extract::text::barrier_heading(&squash_spaces(&doc.text_content(c)))
        })
}

/// Whether class or id words (lower-cased) name a container of other articles' bylines
/// and dates.
pub(super) fn is_furniture_name(names: &str) -> bool {
    // A post's own footer and widget (Blogger's `post-footer` in its `widget Blog` holds
    // the byline, Drupal's `node__footer-meta` the credits, a headline's
    // `headline__footer` the byline and timestamp) and a node promoted to the front page
    // (Drupal's `node--promoted`) are the article's.
    let own = ["promoted", "widget blog"];
    let names: std::borrow::Cow<str> =
        if own.iter().any(|o| names.contains(o)) || names.contains("footer") {
            let kept: Vec<&str> = names
                .split_whitespace()
                .filter(|w| !own_footer(w))
                .collect();
            own.iter()
                .fold(kept.join(" "), |n, o| n.replace(o, " "))
                .into()
        } else {
            std::borrow::Cow::Borrowed(names)
        };
    FURNITURE.iter().any(|w| names.contains(w))
}

/// Whether element `n` is an article's own box: an `<article>`, or classed one of
/// [`ARTICLE_BOXES`], a whole word.
pub(super) fn article_box(doc: &Document, n: NodeId) -> bool {
    doc.tag_name(n) == "article"
        || names_of(doc, n)
            .split_whitespace()
            .any(|w| ARTICLE_BOXES.contains(&w))
}

/// Class words of an article's own box.
const ARTICLE_BOXES: [&str; 5] = ["post", "entry", "article", "node", "story"];

/// The parts of an article whose footer is the article's own (`post-footer`,
/// `node__footer-meta`, `headline__footer`).
const OWN_FOOTERS: [&str; 6] = ["post", "entry", "article", "node", "story", "headline"];

/// Whether a class or id word names the footer of the article or its header, not the
/// page's: `footer` after one of [`OWN_FOOTERS`] and dashes or underscores.
fn own_footer(word: &str) -> bool {
    word.find("footer").is_some_and(|at| {
        let part = word[..at].trim_end_matches(['-', '_']);
        part.len() < at && OWN_FOOTERS.iter().any(|o| part.ends_with(o))
    })
}

/// `id` and its ancestors, nearest first.
pub(super) fn ancestors(doc: &Document, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    std::iter::successors(Some(id), move |&n| doc.parent(n))
}

/// Elements in document order, and the headline's place among them.
pub(super) struct Layout {
    order: HashMap<NodeId, usize>,
    headline: Option<usize>,
}

impl Layout {
    pub(super) fn new(doc: &Document, headline: Option<NodeId>) -> Self {
        let order: HashMap<NodeId, usize> = doc
            .iter(doc.root(), &[])
            .into_iter()
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect();
        let headline = headline.and_then(|h| order.get(&h).copied());
        Layout { order, headline }
    }

    /// A sort key putting the elements nearest the headline first, those after it (the
    /// article header and text) before those above it (navigation, the site's header);
    /// document order when there is no headline.
    pub(super) fn rank(&self, id: NodeId) -> (bool, usize) {
        let at = self.order.get(&id).copied().unwrap_or(usize::MAX);
        match self.headline {
            Some(h) if at >= h => (false, at - h),
            Some(h) => (true, h - at),
            None => (false, at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_breaks_end_lines() {
        let doc = Document::parse(
            "<div id=x><div>By ANA RUIZ</div><div>Associated   Press</div>by <a>Kim</a><br>Monday<script>var a;</script></div>",
        );
        let x = doc.query_selector(doc.root(), "#x").unwrap();
        assert_eq!(
            field_lines(&doc, x),
            ["By ANA RUIZ", "Associated Press", "by Kim", "Monday"]
        );
    }

    #[test]
    fn furniture_and_headline_distance() {
        let doc = Document::parse(
            "<nav><a id=n>Home</a></nav><h1>Head</h1><p id=by>By Kim</p><div class=related-links><p id=r>By Ana</p></div>",
        );
        let get = |s: &str| doc.query_selector(doc.root(), s).unwrap();
        assert!(in_furniture(&doc, get("#n")));
        assert!(in_furniture(&doc, get("#r")));
        assert!(!in_furniture(&doc, get("#by")));
        let layout = Layout::new(&doc, Some(get("h1")));
        assert!(layout.rank(get("#by")) < layout.rank(get("#r")));
        assert!(layout.rank(get("#r")) < layout.rank(get("#n")));
    }
}
