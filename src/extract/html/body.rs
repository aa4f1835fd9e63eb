//! The main text of an HTML page.
//!
//! trafilatura finds the article container and prunes what is not article text; its
//! cleaned HTML is turned into paragraphs here, and lines it lets through that are not
//! the story (the headline, byline and date repeated at the top, share bars) are dropped.

use trafilatura::dom::{Document, NodeId};
use trafilatura::{ExtractionFocus, Options};

use super::meta::Meta;
use crate::extract::boilerplate::is_boilerplate;
use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::date::parse_date;
use crate::extract::markup;

/// Elements that never hold article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "head", "button",
    "select", "textarea", "input", "canvas", "video", "audio", "map",
];

/// Layout elements that, outside the main text, hold navigation and page furniture; the
/// fallback reader skips them.
const FURNITURE: &[&str] = &["nav", "aside", "footer", "header", "form", "menu"];

/// The main text of `doc`: trafilatura's choice, or a plain reading of the page's
/// paragraphs when it finds nothing.
/// `html` is the markup `doc` was parsed from, re-read only in that last case.
pub fn main_text(doc: Document, html: &str, meta: &Meta) -> String {
    let mut opts = Options::default();
    opts.enable_fallback = true;
    opts.focus = ExtractionFocus::FavorPrecision;
    opts.html_date_mode = trafilatura::HtmlDateMode::Disabled;
    opts.exclude_comments = true;
    // A panic inside the extractor on some hostile page must not stop an indexing run:
    // the page is then read by the plain reader like one trafilatura rejects.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        trafilatura::extract_document(doc, &opts)
    }));
    let extracted = match run {
        Ok(Ok(r)) => html_to_paragraphs(&r.content_html),
        Ok(Err(_)) | Err(_) => String::new(),
    };
    let text = tidy(&extracted, meta);
    if !text.is_empty() {
        return text;
    }
    if let Some(b) = &meta.ld_body {
        return markup::fragment_to_text(b);
    }
    tidy(&plain_paragraphs(&Document::parse(html)), meta)
}

/// Text of an HTML fragment, block elements as paragraph breaks.
pub fn html_to_paragraphs(html: &str) -> String {
    let doc = Document::parse(html);
    let root = doc.body().unwrap_or_else(|| doc.root());
    markup::paragraphs(&walk_text(&doc, root, &[]))
}

/// Every text node below `root` in document order, skipping `SKIP` and `also_skip`
/// elements, with "\n\n" at block boundaries. Iterative, so nesting depth is no risk.
pub fn walk_text(doc: &Document, root: NodeId, also_skip: &[&str]) -> String {
    walk(doc, root, &|_, tag| also_skip.contains(&tag), false)
}

/// The text below `root` in document order, "\n\n" at block boundaries, leaving out
/// `SKIP` elements and those `skip` names (given their lower-case tag). `as_browser`
/// writes white space as a browser prints it: runs inside a block collapsed to one space
/// (a calendar's `<span>mardi</span>` / `<span>12</span>` on source lines of their own
/// reads `mardi 12`), table cells set apart; else text nodes are copied as they are.
/// A `<br>` parts blocks either way (`markup::BLOCK_TAGS`). Iterative, so nesting depth is no risk.
pub(super) fn walk(
    doc: &Document,
    root: NodeId,
    skip: &dyn Fn(NodeId, &str) -> bool,
    as_browser: bool,
) -> String {
    enum Step {
        Enter(NodeId),
        Leave(bool),
    }
    let mut out = String::new();
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    out.push_str("\n\n");
                }
            }
            Step::Enter(id) if doc.is_text(id) => {
                let text = doc.text_content(id);
                if !as_browser {
                    out.push_str(&text);
                    continue;
                }
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
                if SKIP.contains(&tag.as_str()) || skip(id, &tag) {
                    continue;
                }
                let block = markup::BLOCK_TAGS.contains(&tag.as_str());
                match tag.as_str() {
                    _ if block => out.push_str("\n\n"),
                    "td" | "th" if as_browser => out.push_str("   "),
                    "td" | "th" => out.push(' '),
                    _ => {}
                }
                stack.push(Step::Leave(block));
                for c in doc.child_nodes(id).into_iter().rev() {
                    stack.push(Step::Enter(c));
                }
            }
        }
    }
    out
}

/// What a plain reader sees: the `<p>` paragraphs of the page outside navigation, or all
/// its text when it has none. For pages trafilatura rejects (very short, very deep).
pub fn plain_paragraphs(doc: &Document) -> String {
    let root = doc.body().unwrap_or_else(|| doc.root());
    let text = walk_text(doc, root, FURNITURE);
    let paras = markup::paragraphs(&text);
    let long: Vec<&str> = paras
        .split("\n\n")
        .filter(|p| p.split_whitespace().count() >= 8)
        .collect();
    if long.is_empty() {
        paras
    } else {
        long.join("\n\n")
    }
}

/// Drops the lines around the story that are not part of it: the headline, byline and
/// date repeated at the top, and boilerplate lines anywhere.
pub fn tidy(text: &str, meta: &Meta) -> String {
    let mut paras: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let same = |a: &str, b: &str| squash_spaces(a).eq_ignore_ascii_case(&squash_spaces(b));
    // Leading header lines.
    while let Some(first) = paras.first() {
        let is_title = meta.title.as_deref().is_some_and(|t| same(first, t))
            || meta.h1.as_deref().is_some_and(|t| same(first, t));
        let is_byline = first.chars().count() <= 120
            && (byline::top_byline(first).is_some()
                || meta.byline.as_deref().is_some_and(|b| same(first, b)));
        let is_date = first.chars().count() <= 60 && parse_date(first).is_some();
        if is_title || is_byline || is_date || is_boilerplate(first) {
            paras.remove(0);
        } else {
            break;
        }
    }
    paras.retain(|p| !is_boilerplate(p) && !is_page_furniture(p));
    paras.join("\n\n")
}

/// Short paragraphs that extractors let through but that belong to the page rather than
/// the story: photo credits, "Updated 1:23 p.m." stamps, newsletter and social-media
/// plugs, "Read more:" links. Measured on the benchmark: each kind occurs in the
/// extracted text several times as often as in the human-marked article text.
pub fn is_page_furniture(p: &str) -> bool {
    let words = p.split_whitespace().count();
    let l = p.to_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|x| l.starts_with(x));
    let has = |needles: &[&str]| needles.iter().any(|x| l.contains(x));
    // Photo credits.
    if words <= 25
        && (starts(&[
            "photo:",
            "photos:",
            "photograph:",
            "image:",
            "images:",
            "picture:",
            "credit:",
            "photo credit",
            "image credit",
        ]) || (l.contains('©') && has(&["photo", "image", "picture", "getty", "shutterstock"])))
    {
        return true;
    }
    // Time stamps.
    if words <= 8
        && starts(&[
            "updated ",
            "updated:",
            "last updated",
            "published ",
            "published:",
            "posted ",
        ])
        && p.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    // Newsletter and sharing plugs.
    if words <= 40
        && l.contains("newsletter")
        && has(&[
            "sign up",
            "subscribe to",
            "subscribe now",
            "subscribe for",
            "subscribing to",
            "your inbox",
        ])
    {
        return true;
    }
    if words <= 4 && (l.ends_with("newsletter") || l.ends_with("newsletters")) {
        return true;
    }
    if words <= 12
        && (has(&[
            "thanks for signing up",
            "keep an eye on your inbox",
            "share it with a friend",
        ]) || l.starts_with("like this story"))
    {
        return true;
    }
    // "Follow her on Twitter", "may be reached at".
    if words <= 40
        && (l.contains("may be reached at")
            || l.starts_with("have a tip")
            || (has(&[
                "follow him",
                "follow her",
                "follow us",
                "follow me",
                "follow them",
                "follow @",
            ]) && has(&["twitter", "facebook", "instagram", "@"])))
    {
        return true;
    }
    // Links to other stories.
    words <= 20
        && starts(&[
            "read more:",
            "related:",
            "related post:",
            "related article:",
            "related story:",
            "see also:",
            "also read:",
            "read also:",
            "read next:",
            "more:",
        ])
}
