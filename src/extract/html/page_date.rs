//! The publication date of an HTML page, as a scored decision with the rule that made
//! it. First the dates given as data (JSON-LD, `<meta>` tags, microdata), where a later
//! source may add the time to a bare day. Without them, the dates the page shows
//! (`dateline`: `<time>` elements, "Published ..." lines, date-marked elements near the
//! headline) weighed against the date in the page's address (`url_date`); below
//! [`THRESHOLD`], a paragraph dating the piece itself (`This review was published on …`),
//! then the place and day the story opens on (`Berlin, 12. Februar 2014 – …`); else the
//! date stays empty.

use serde_json::Value;
use time::Duration;
use trafilatura::dom::{Document, NodeId};

use super::dateline::{edition_date, shown_dates, Candidate};
use super::jsonld::{as_text, JsonLd};
use super::layout::Layout;
use super::paragraph_dates::{opening_dateline, self_dated, signature_date};
use super::tags::MetaTags;
use super::url_date::url_date;
use crate::article::{ArticleDate, DatePrecision};
use crate::extract::clean::squash_spaces;
use crate::extract::date::parse_date;

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

/// Below this confidence a date is left empty: a wrong date is worse than none.
pub(super) const THRESHOLD: f32 = 0.5;

/// The page's address, where its date may be: `<link rel=canonical>`, else `og:url`.
pub(super) fn page_url(doc: &Document, tags: &MetaTags) -> Option<String> {
    doc.query_selector_all(doc.root(), "link[rel~=canonical]")
        .into_iter()
        .find_map(|id| doc.get_attribute(id, "href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| tags.get("og:url").map(str::to_string))
}

/// The publication date with the rule that chose it: the page's data when it gives one,
/// else the best shown date ([`shown_dates`]) weighed against the date in the address,
/// else a paragraph dating the piece itself ([`self_dated`]), else the story's opening
/// dateline ([`opening_dateline`]).
pub(super) fn date(
    doc: &Document,
    tags: &MetaTags,
    ld: &JsonLd,
    layout: &Layout,
    headline: Option<NodeId>,
    url: Option<&str>,
) -> Option<Candidate> {
    if let Some(d) = most_precise(declared(doc, tags, ld)) {
        return Some(Candidate {
            date: d,
            rule: "metadata",
            confidence: 0.95,
            byline: None,
        });
    }
    let in_url = url.and_then(url_date).map(|d| {
        let (rule, confidence) = match d.precision {
            DatePrecision::Day => ("url-day", 0.75),
            _ => ("url-month", 0.55),
        };
        Candidate {
            date: d,
            rule,
            confidence,
            byline: None,
        }
    });
    let shown = shown_dates(doc, layout, headline);
    let signed = || signature_date(doc, layout, headline);
    match decide(shown, in_url) {
        // A revision stamp alone gives way to the day the statement was signed, on or
        // before it.
        Some(c) if c.rule.ends_with("-updated") => Some(
            signed()
                .filter(|s| {
                    let (signed, updated) = (s.date.wall_clock(), c.date.wall_clock());
                    signed <= updated && updated - signed <= Duration::days(SIGNED_BEFORE_DAYS)
                })
                .unwrap_or(c),
        ),
        Some(c) => Some(c),
        None => self_dated(doc, headline)
            .or_else(|| opening_dateline(doc, layout, headline))
            .or_else(signed)
            .or_else(|| edition_date(doc, layout)),
    }
}

/// Most days a statement's signature may precede the revision stamp it stands for.
const SIGNED_BEFORE_DAYS: i64 = 31;

/// The most confident shown date (nearest the headline among equals), checked against the
/// address: a shown date inside the address's day or month is kept (it is more precise)
/// and made surer; one outside it loses to the address unless it is marked as the
/// publication date. Nothing below [`THRESHOLD`].
fn decide(shown: Vec<Candidate>, in_url: Option<Candidate>) -> Option<Candidate> {
    let mut best: Option<Candidate> = None;
    for c in shown {
        if best.as_ref().is_none_or(|b| c.confidence > b.confidence) {
            best = Some(c);
        }
    }
    let chosen = match (best, in_url) {
        (Some(mut b), Some(u)) => {
            if within(&u.date, &b.date) {
                b.confidence = (b.confidence.max(u.confidence) + 0.1).min(0.95);
                Some(b)
            } else if b.confidence >= 0.85 {
                Some(b)
            } else if u.confidence >= b.confidence {
                Some(u)
            } else {
                Some(b)
            }
        }
        (b, u) => b.or(u),
    };
    chosen.filter(|c| c.confidence >= THRESHOLD)
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

/// Whether `fine`, on its source's clock, falls inside the span of `coarse`: the page's
/// own day (or month, or year). A time given in UTC may be the page's day in its own zone,
/// which runs from 14 hours before to 12 hours after the UTC one.
fn within(coarse: &ArticleDate, fine: &ArticleDate) -> bool {
    let start = coarse.wall_clock();
    let days = match coarse.precision {
        DatePrecision::Year => i64::from(time::util::days_in_year(start.year())),
        DatePrecision::Month => i64::from(start.month().length(start.year())),
        _ => 1,
    };
    let end = start + Duration::days(days);
    let at = fine.wall_clock();
    if fine.at.offset().is_utc() {
        start - Duration::hours(14) <= at && at < end + Duration::hours(12)
    } else {
        start <= at && at < end
    }
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
