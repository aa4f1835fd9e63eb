//! The publication date of an HTML page. First the dates given as data (JSON-LD, `<meta>`
//! tags, microdata), where a later source may add the time to a bare day; then `<time>`
//! elements marked as the publication time; then a date shown near the headline (a
//! `publish-date` block, "Published 10:40 PM EST Mar 8, 2021", "By Jane Doe on ..."),
//! taken only when the element's whole text is the date and it is not inside page
//! furniture, since related stories, comments and footers show dates of their own; then
//! any other `<time>`.

use serde_json::Value;
use time::Duration;
use trafilatura::dom::{Document, NodeId};

use super::jsonld::{as_text, JsonLd};
use super::layout::{in_furniture, Layout};
use super::tags::MetaTags;
use crate::article::{ArticleDate, DatePrecision};
use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::date::{parse_date, parse_whole_date};

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

pub(super) fn date(
    doc: &Document,
    tags: &MetaTags,
    ld: &JsonLd,
    layout: &Layout,
) -> Option<ArticleDate> {
    most_precise(declared(doc, tags, ld)).or_else(|| time_element(doc, layout))
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
/// give "March 8, 2021" in JSON-LD and the minute in a `<meta>` tag. Only a year, month
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

/// Without data: `<time>` elements marked as the publication time, then a date shown near
/// the headline ([`shown_date`]), then other `<time>` elements, the "updated" one last.
fn time_element(doc: &Document, layout: &Layout) -> Option<ArticleDate> {
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
    let is_published =
        |id: NodeId| doc.get_attribute(id, "pubdate").is_some() || marked(id, &published);
    let first_date = |ids: Vec<NodeId>| ids.into_iter().find_map(|id| element_date(doc, id));
    let (published, other): (Vec<NodeId>, Vec<NodeId>) =
        times.iter().partition(|&&id| is_published(id));
    first_date(published)
        .or_else(|| shown_date(doc, layout))
        .or_else(|| {
            first_date(
                other
                    .into_iter()
                    .filter(|&id| !marked(id, &updated))
                    .collect(),
            )
        })
        .or_else(|| first_date(times.clone()))
}

/// Class, id or itemprop words of elements that show a date (or a byline with its date).
const DATE_MARKS: &[&str] = &[
    "date", "time", "publish", "posted", "meta", "byline", "stamp",
];

/// ... and of elements that show some other date.
const OTHER_DATES: &[&str] = &[
    "updat",
    "modif",
    "edited",
    "today",
    "current",
    "copyright",
    "weather",
    "event",
    "expir",
    "deadline",
    "birth",
];

/// Labels that open a line showing the publication date.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "publié",
    "veröffentlicht",
    "publicado",
];

/// A date shown on the page rather than given as data: an element marked as a date
/// ([`DATE_MARKS`], or a `<time>`) or opening with "Published", whose whole text is a date
/// after its label ("Published 10:40 PM EST Mar 8, 2021"), or which is a byline ending in
/// one ("By Jane Doe on Monday, March 8th, 2021"). Of those, the one nearest the
/// headline outside page furniture, so that the dates of related stories, comments and
/// footers are not taken; never an "updated" date.
fn shown_date(doc: &Document, layout: &Layout) -> Option<ArticleDate> {
    let mut best: Option<((bool, usize), ArticleDate)> = None;
    for id in doc.iter(doc.root(), &[]) {
        if matches!(
            doc.tag_name(id),
            "html" | "head" | "body" | "script" | "style" | "noscript" | "template"
        ) {
            continue;
        }
        let marks = format!(
            "{} {} {}",
            doc.class_name(id),
            doc.id_attr(id),
            doc.get_attribute(id, "itemprop").unwrap_or_default()
        )
        .to_lowercase();
        if OTHER_DATES.iter().any(|w| marks.contains(w)) {
            continue;
        }
        let lead = doc.text(id).trim_start().to_lowercase();
        let labelled = PUBLISHED_LABELS.iter().any(|l| lead.starts_with(l));
        let marked = doc.tag_name(id) == "time" || DATE_MARKS.iter().any(|w| marks.contains(w));
        if !(marked || labelled) {
            continue;
        }
        let rank = layout.rank(id);
        if best.as_ref().is_some_and(|(r, _)| *r <= rank) {
            continue;
        }
        let Some(d) = shown_element_date(doc, id) else {
            continue;
        };
        if !in_furniture(doc, id) {
            best = Some((rank, d));
        }
    }
    best.map(|(_, d)| d)
}

/// The date an element shows: in its `datetime` attribute, or as its whole text, or at the
/// end of a byline ("By Jane Doe on ...", "By Jane Doe | ...").
fn shown_element_date(doc: &Document, id: NodeId) -> Option<ArticleDate> {
    for attr in ["datetime", "data-datetime"] {
        if let Some(d) = doc
            .get_attribute(id, attr)
            .and_then(|v| parse_date(v.trim()))
        {
            return Some(d);
        }
    }
    let text = squash_spaces(&doc.text_content(id));
    if text.chars().count() > 160 {
        return None;
    }
    let lower = text.to_lowercase();
    if ["updated", "last updated", "modified", "edited"]
        .iter()
        .any(|l| lower.starts_with(l))
    {
        return None;
    }
    if let Some(d) = parse_whole_date(&text) {
        return Some(d);
    }
    byline::strip_prefix_ci(&text, "by ")?;
    let after_separator = text.rfind(['|', '•', '·']).map(|i| &text[i..]);
    let after_on = text.to_ascii_lowercase().rfind(" on ").map(|i| &text[i..]);
    #[allow(clippy::let_and_return)] // the iterator borrows `text`, so it must end first
    let tail = [after_separator, after_on]
        .into_iter()
        .flatten()
        .find_map(parse_whole_date);
    tail
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
