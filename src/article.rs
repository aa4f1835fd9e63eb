//! `Article`: one news article as plain data, the currency between extraction, indexing and
//! display. No tantivy types here, so extractors and printers stay independent of the index.
//!
//! This module also owns the article's date as data: [`ArticleDate`] (a moment in the
//! offset the source gave it in, and how much of it the source gave, [`DatePrecision`])
//! and its one written form, [`rfc3339`], shared by the index manifest and every printer.
//! Reading dates out of text is `extract::date`'s job.

use time::{OffsetDateTime, UtcOffset};

/// How much of a date the source actually gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// A date found in an article: the moment, in the offset the source printed it in (UTC when
/// the source gave no offset), so that an evening story from New York keeps the day its
/// readers saw. Equality compares the moments, not how they were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    pub at: OffsetDateTime,
    pub precision: DatePrecision,
}

impl ArticleDate {
    /// The date and time on the source's clock, read as if UTC. The index stores this, so
    /// date ranges, sorting by date and timelines follow the day the source printed.
    pub fn wall_clock(&self) -> OffsetDateTime {
        self.at.replace_offset(UtcOffset::UTC)
    }

    /// The source's offset from UTC, in seconds east.
    pub fn offset_seconds(&self) -> i32 {
        self.at.offset().whole_seconds()
    }

    /// The inverse of [`ArticleDate::wall_clock`] with [`ArticleDate::offset_seconds`]: an
    /// offset outside ±25 hours (not one newsdex wrote) reads as UTC.
    pub fn from_wall_clock(
        wall: OffsetDateTime,
        offset_seconds: i64,
        precision: DatePrecision,
    ) -> Self {
        let offset = i32::try_from(offset_seconds)
            .ok()
            .and_then(|s| UtcOffset::from_whole_seconds(s).ok())
            .unwrap_or(UtcOffset::UTC);
        ArticleDate {
            at: wall.replace_offset(offset),
            precision,
        }
    }
}

/// `2014-01-22T05:30:00Z`, `2019-11-18T19:05:00-05:00`: RFC 3339 at second precision, in
/// the time's own offset (`Z` for UTC). An offset with seconds, which RFC 3339 cannot
/// write, is written in UTC.
pub fn rfc3339(t: OffsetDateTime) -> String {
    let offset = t.offset();
    let (t, zone) = if offset.is_utc() || offset.seconds_past_minute() != 0 {
        (t.to_offset(UtcOffset::UTC), "Z".to_string())
    } else {
        (t, offset_text(offset))
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{zone}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `-05:00`, `+05:30`: an offset from UTC as RFC 3339 writes it (whole minutes).
pub fn offset_text(offset: UtcOffset) -> String {
    let sign = if offset.is_negative() { '-' } else { '+' };
    let minutes = offset.whole_minutes().unsigned_abs();
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The fields an extractor recovers from one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub title: Option<String>,
    pub date: Option<ArticleDate>,
    pub byline: Option<String>,
    /// Author names, one per entry ("Jane Doe", "Omar Haddad"); derived from the byline
    /// when the source has no structured list.
    pub authors: Vec<String>,
    /// Paragraphs separated by one blank line.
    pub body: String,
    /// The collection's own identifier (Reuters NEWID, TREC DOCNO, a JSON "id", a NewsML
    /// guid), when the source has one.
    pub source_id: Option<String>,
}

/// One article found in a file. `key` tells records of one file apart and stays the same
/// when the file is re-read (a record id where the source has one, else its position), so
/// ids are stable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub key: String,
    pub fields: Fields,
    /// The language the source declares for this record (a JSON `language`), as written.
    pub language: Option<String>,
}

/// An article located in the archive: extracted fields plus where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: DocId,
    /// Relative to the archive root, always '/'-separated.
    pub path: String,
    /// Detected input format, e.g. "text".
    pub format: String,
    /// Encoding the bytes were decoded from, e.g. "utf-8".
    pub encoding: String,
    /// The language its text is analysed in (detected, or given with `--lang`).
    pub language: crate::lang::Language,
    pub fields: Fields,
}

/// A stable document id: the same file (and record within it) always gets the same id, so
/// re-indexing replaces rather than duplicates, and ids in scripts stay valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(pub u64);

impl DocId {
    /// `record` distinguishes articles inside one multi-record file; "" for single-article files.
    pub fn new(rel_path: &str, record: &str) -> Self {
        let mut key = Vec::with_capacity(rel_path.len() + record.len() + 1);
        key.extend_from_slice(rel_path.as_bytes());
        key.push(0);
        key.extend_from_slice(record.as_bytes());
        DocId(xxhash_rust::xxh3::xxh3_64(&key))
    }

    /// Parses the 16-hex-digit form printed by `Display`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if s.is_empty() || s.len() > 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(s, 16).ok().map(DocId)
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Year => "year",
            DatePrecision::Month => "month",
            DatePrecision::Day => "day",
            DatePrecision::Minute => "minute",
            DatePrecision::Second => "second",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "year" => DatePrecision::Year,
            "month" => DatePrecision::Month,
            "day" => DatePrecision::Day,
            "minute" => DatePrecision::Minute,
            "second" => DatePrecision::Second,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(y: i32, m: u8, d: u8, hm: (u8, u8), offset: (i8, i8, i8)) -> OffsetDateTime {
        let month = time::Month::try_from(m).unwrap();
        time::Date::from_calendar_date(y, month, d)
            .unwrap()
            .with_hms(hm.0, hm.1, 0)
            .unwrap()
            .assume_offset(UtcOffset::from_hms(offset.0, offset.1, offset.2).unwrap())
    }

    #[test]
    fn dates_keep_the_source_offset_through_the_wall_clock() {
        let at = moment(2019, 11, 18, (19, 5), (-5, 0, 0));
        let d = ArticleDate {
            at,
            precision: DatePrecision::Minute,
        };
        assert_eq!(rfc3339(d.at), "2019-11-18T19:05:00-05:00");
        assert_eq!(rfc3339(d.wall_clock()), "2019-11-18T19:05:00Z");
        assert_eq!(d.offset_seconds(), -18_000);
        let back = ArticleDate::from_wall_clock(d.wall_clock(), -18_000, DatePrecision::Minute);
        assert_eq!(rfc3339(back.at), "2019-11-18T19:05:00-05:00");
        assert_eq!(back, d);
        let india = moment(2019, 11, 7, (9, 30), (5, 30, 0));
        assert_eq!(rfc3339(india), "2019-11-07T09:30:00+05:30");
        let odd = ArticleDate::from_wall_clock(d.wall_clock(), 1 << 40, DatePrecision::Minute);
        assert_eq!(odd.offset_seconds(), 0);
        let seconds = moment(1900, 1, 1, (0, 0), (0, 19, 32));
        assert_eq!(rfc3339(seconds), "1899-12-31T23:40:28Z");
    }

    #[test]
    fn doc_id_is_stable_and_round_trips() {
        let a = DocId::new("scraped/a.txt", "");
        assert_eq!(a, DocId::new("scraped/a.txt", ""));
        assert_ne!(a, DocId::new("scraped/a.txt", "1"));
        assert_ne!(a, DocId::new("scraped/b.txt", ""));
        let shown = a.to_string();
        assert_eq!(shown.len(), 16);
        assert_eq!(DocId::parse(&shown), Some(a));
        assert_eq!(DocId::parse("xyz"), None);
        assert_eq!(DocId::parse(""), None);
        assert_eq!(DocId::parse("00000000000000000"), None);
    }
}
