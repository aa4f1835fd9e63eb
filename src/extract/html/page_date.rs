//! The publication date of an HTML page: JSON-LD and `<meta>` first, then microdata and
//! `<time>` elements.

use serde_json::Value;
use trafilatura::dom::{Document, NodeId};

use super::jsonld::{as_text, JsonLd};
use super::meta::MetaTags;
use crate::extract::date::{parse_date, ArticleDate};
use crate::extract::squash_spaces;

const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_date",
    "displaydate",
    "dateline",
    "creation_date",
    "datecreated",
];

pub(super) fn date(doc: &Document, tags: &MetaTags, ld: &JsonLd) -> Option<ArticleDate> {
    let from_ld = ld.published.iter().find_map(|d| parse_date(d));
    if from_ld.is_some() {
        return from_ld;
    }
    for key in DATE_META {
        if let Some(d) = tags.all(key).find_map(parse_date) {
            return Some(d);
        }
    }
    // parsely-page: {"pub_date": "..."}
    if let Some(p) = tags.get("parsely-page") {
        if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(p) {
            if let Some(d) = m
                .get("pub_date")
                .and_then(as_text)
                .and_then(|d| parse_date(&d))
            {
                return Some(d);
            }
        }
    }
    // Microdata and <time> elements: publication first, never the "updated" one when a
    // publication time exists.
    for id in doc.query_selector_all(doc.root(), "[itemprop~=datePublished]") {
        if let Some(d) = element_date(doc, id) {
            return Some(d);
        }
    }
    let times = doc.query_selector_all(doc.root(), "time");
    let marked = |id: NodeId, words: &[&str]| {
        let mut s = String::new();
        for a in ["class", "itemprop", "id", "data-testid"] {
            s.push_str(&doc.get_attribute(id, a).unwrap_or_default().to_lowercase());
            s.push(' ');
        }
        if let Some(p) = doc.parent(id) {
            s.push_str(
                &doc.get_attribute(p, "class")
                    .unwrap_or_default()
                    .to_lowercase(),
            );
        }
        words.iter().any(|w| s.contains(w))
    };
    let updated = ["updat", "modif", "edited"];
    let published = ["publish", "posted", "created", "pubdate"];
    let ordered = times
        .iter()
        .filter(|&&id| doc.get_attribute(id, "pubdate").is_some() || marked(id, &published))
        .chain(times.iter().filter(|&&id| !marked(id, &updated)))
        .chain(times.iter());
    for &id in ordered {
        if let Some(d) = element_date(doc, id) {
            return Some(d);
        }
    }
    None
}

fn element_date(doc: &Document, id: NodeId) -> Option<ArticleDate> {
    for attr in ["datetime", "content", "data-datetime", "title"] {
        if let Some(v) = doc.get_attribute(id, attr) {
            if let Some(d) = parse_date(v.trim()) {
                return Some(d);
            }
        }
    }
    let text = squash_spaces(&doc.text_content(id));
    if text.chars().count() <= 80 {
        return parse_date(&text).or_else(|| crate::extract::date::find_date(&text));
    }
    None
}
