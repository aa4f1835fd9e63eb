//! The publication date of an HTML page: JSON-LD and `<meta>` first, then microdata and
//! `<time>` elements.

use serde_json::Value;
use time::Duration;
use trafilatura::dom::{Document, NodeId};

use super::jsonld::{as_text, JsonLd};
use super::meta::MetaTags;
use crate::extract::date::{parse_date, ArticleDate, DatePrecision};
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
    most_precise(declared(doc, tags, ld)).or_else(|| time_element(doc))
}

/// The dates the page gives as data, best source first: JSON-LD, `<meta>` tags in
/// [`DATE_META`] order, Parse.ly's page object, microdata.
fn declared(doc: &Document, tags: &MetaTags, ld: &JsonLd) -> Vec<ArticleDate> {
    let mut out: Vec<ArticleDate> = ld.published.iter().filter_map(|d| parse_date(d)).collect();
    for key in DATE_META {
        out.extend(tags.all(key).filter_map(parse_date));
    }
    // parsely-page: {"pub_date": "..."}
    if let Some(p) = tags.get("parsely-page") {
        if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(p) {
            out.extend(
                m.get("pub_date")
                    .and_then(as_text)
                    .and_then(|d| parse_date(&d)),
            );
        }
    }
    for id in doc.query_selector_all(doc.root(), "[itemprop~=datePublished]") {
        out.extend(element_date(doc, id));
    }
    out
}

/// The first date, or a more precise one from a later source that falls within it: pages
/// give "November 19, 2019" in JSON-LD and the minute in a `<meta>` tag. Only a year, month
/// or day is refined; between two times the first source wins.
fn most_precise(dates: Vec<ArticleDate>) -> Option<ArticleDate> {
    let mut dates = dates.into_iter();
    let mut best = dates.next()?;
    for d in dates {
        if best.precision <= DatePrecision::Day && d.precision > best.precision && within(&best, &d)
        {
            best = d;
        }
    }
    Some(best)
}

/// Whether `fine` falls inside the span of `coarse` in some time zone: a date without a
/// time is read as midnight UTC, but the page meant its own day, which runs from 14 hours
/// before to 12 hours after the UTC one.
fn within(coarse: &ArticleDate, fine: &ArticleDate) -> bool {
    let start = coarse.utc;
    let days = match coarse.precision {
        DatePrecision::Year => i64::from(time::util::days_in_year(start.year())),
        DatePrecision::Month => i64::from(start.month().length(start.year())),
        _ => 1,
    };
    let end = start + Duration::days(days);
    start - Duration::hours(14) <= fine.utc && fine.utc < end + Duration::hours(12)
}

/// Microdata aside, `<time>` elements: publication first, never the "updated" one when a
/// publication time exists.
fn time_element(doc: &Document) -> Option<ArticleDate> {
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
