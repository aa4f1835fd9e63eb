//! Title, date and byline of an HTML page, from the metadata publishers put there for
//! search engines and social networks (JSON-LD, OpenGraph, `<meta>`), then from the
//! visible markup (`<h1>`, `<time>`, byline elements), then `<title>`. This module reads
//! the page's data sources once and hands them to the readers of each field, which never
//! call back here: `tags` (`<meta>`), `jsonld`, `title`, `page_date` and `authors`.
//! The title and the date come with the [`Rule`] that chose each.

use trafilatura::dom::{Document, NodeId};

use super::authors::authors;
use super::clean::clean;
use super::jsonld::JsonLd;
use super::layout::Layout;
use super::page_date::{date, page_url};
use super::rule::Rule;
use super::tags::MetaTags;
use super::title::{
    headline_h1, headline_node, headline_shaped, printed_node, printed_segment, site_names,
    spelled_out, title,
};
use super::url_date::site_of;
use crate::article::ArticleDate;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    /// The rule that chose the title and its confidence.
    pub title_rule: Option<Rule>,
    pub date: Option<ArticleDate>,
    /// The rule that chose the date and its confidence.
    pub date_rule: Option<Rule>,
    pub byline: Option<String>,
    pub authors: Vec<String>,
    /// JSON-LD `articleBody`, when the page ships the text as data.
    pub ld_body: Option<String>,
    /// The `<h1>` text, also used to spot the headline repeated at the top of the body.
    pub h1: Option<String>,
}

/// The page's fields from its metadata and layout; `path`, the file's path, stands in for
/// the page's address where the page names none (for the date only).
pub fn read(doc: &Document, path: Option<&str>) -> Meta {
    let tags = MetaTags::read(doc);
    let ld = JsonLd::read(doc);
    let page_title = first_text(doc, "title");
    let h1 = headline_h1(doc, page_title.as_deref());
    let url = page_url(doc, &tags);
    let mut site_names = site_names(&tags, &ld);
    // Pages also put the headline in `application-name`; a name is short.
    site_names.extend(
        tags.get("application-name")
            .filter(|n| n.split_whitespace().count() <= 4)
            .map(str::to_string),
    );
    site_names.extend(url.as_deref().and_then(site_of));

    let (mut title, mut title_rule) = title(
        doc,
        page_title.clone(),
        &tags,
        &ld,
        h1.as_deref(),
        &site_names,
    )
    .unzip();
    let mut printed_at = None;
    // A `<title>` alone may name the site where the page prints its headline, or be a
    // shortened headline the page prints in full.
    if title_rule
        .as_ref()
        .is_some_and(|r| r.name == "title" && r.confidence < 0.7)
    {
        let raw_title = page_title.as_deref().unwrap_or_default();
        let shaped = |id| headline_shaped(doc, id, raw_title);
        if let Some(printed) = sole_h1(doc).and_then(shaped) {
            // A `<title>` the page's only `<h1>` does not echo (`Little Hadley Parish
            // Council :: News :: Bypass exhibition` over `Residents pack village hall as
            // bypass consultation opens`): the heading the page prints is its headline.
            title = Some(printed);
            title_rule = Some(Rule {
                name: "h1-sole",
                confidence: 0.6,
            });
        } else if let Some((id, part)) = printed_segment(doc, raw_title, &site_names) {
            // A part of the `<title>` the page prints as an element of its own.
            title = Some(part);
            title_rule = Some(Rule {
                name: "title-part-printed",
                confidence: 0.7,
            });
            printed_at = Some(id);
        } else if let Some(printed) = h2_under_logo(doc, shaped) {
            // A `<title>` that prints none of its parts, over a logo `<h1>`.
            title = Some(printed);
            title_rule = Some(Rule {
                name: "h2-under-logo",
                confidence: 0.6,
            });
        } else if let Some(full) = title.as_deref().and_then(|t| spelled_out(doc, t)) {
            title = Some(full);
            title_rule = Some(Rule {
                name: "title-spelled-out",
                confidence: 0.6,
            });
        }
    }
    // Where the article's header is: the heading holding the headline, else the page's
    // only `<h1>` (its words may differ from every title the page declares), else the
    // element printing the headline in a table layout's bold `<font>`.
    let headline = [h1.as_deref(), title.as_deref(), ld.headline.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|h| headline_node(doc, h))
        .or(printed_at)
        .or_else(|| sole_h1(doc))
        .or_else(|| title.as_deref().and_then(|t| printed_node(doc, t)));
    let layout = Layout::new(doc, headline);
    let address = url.as_deref().or(path);
    let date = date(doc, &tags, &ld, &layout, headline, address);
    let date_rule = date.as_ref().map(|c| Rule {
        name: c.rule,
        confidence: c.confidence,
    });
    let (mut byline, authors) = authors(doc, &tags, &ld, &layout);
    // "Posted on 27 June 2019 by Anna Novak": the dateline names the author when nothing
    // else on the page does.
    if byline.is_none() {
        byline = date.as_ref().and_then(|c| c.byline.clone());
    }
    Meta {
        title,
        title_rule,
        date: date.map(|c| c.date),
        date_rule,
        byline,
        authors,
        ld_body: ld.body,
        h1,
    }
}

fn first_text(doc: &Document, selector: &str) -> Option<String> {
    doc.query_selector_all(doc.root(), selector)
        .into_iter()
        .map(|id| clean(&doc.text_content(id)))
        .find(|t| !t.is_empty())
}

/// The page's `<h1>` when it has exactly one.
/// The longest headline-shaped `<h2>` (`shaped`), where every `<h1>` holds no words
/// (`<h1 class="logo"><a><img alt="Mercy Valley Health System"></a></h1>`): the page's
/// top heading is its logo, the story's is the next level down, where the boxes' own
/// headings (`Buscar notas por consejería`) are shorter than a story's headline.
fn h2_under_logo(doc: &Document, shaped: impl Fn(NodeId) -> Option<String>) -> Option<String> {
    let h1s = doc.query_selector_all(doc.root(), "h1");
    if h1s.is_empty() || h1s.iter().any(|&h| !doc.text_content(h).trim().is_empty()) {
        return None;
    }
    doc.query_selector_all(doc.root(), "h2")
        .into_iter()
        .filter_map(shaped)
        .rev()
        .max_by_key(|t| t.split_whitespace().count())
}

fn sole_h1(doc: &Document) -> Option<NodeId> {
    match doc.query_selector_all(doc.root(), "h1").as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}
