//! Aggregations over all the articles a query matches: coverage over time (`timeline`)
//! and top values (`facets`: bylines, years, sources).
//!
//! Calendar buckets are real calendar months and years (tantivy's date histogram only
//! takes fixed intervals), so the collector gathers each match's date from the fast field
//! and the bucketing is done here with calendar arithmetic. Weeks start on Monday (ISO).

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};
use time::{Date, Duration, Month, OffsetDateTime};

use tantivy::query::Query;

use crate::article::DatePrecision;
use crate::error::{Error, Result};
use crate::index::schema::fast;
use crate::index::OpenIndex;
use crate::search::bounds::Span;
use crate::search::request::SearchRequest;

/// Timeline bucket size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Day,
    Week,
    Month,
    Year,
}

impl Interval {
    pub fn as_str(self) -> &'static str {
        match self {
            Interval::Day => "day",
            Interval::Week => "week",
            Interval::Month => "month",
            Interval::Year => "year",
        }
    }
}

/// The most buckets a timeline may have; past it, ask for a coarser interval.
pub const MAX_BUCKETS: usize = 50_000;

/// One bucket of a timeline.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Bucket {
    /// First day of the bucket, `YYYY-MM-DD`.
    pub start: String,
    pub count: u64,
    /// All articles in the bucket (with `normalize`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// `count / total` (with `normalize`; 0 when the bucket has no articles).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// Coverage of a query over time.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub query: String,
    pub by: Interval,
    /// Matching articles with a date (the ones in buckets).
    pub matched: u64,
    /// Matching articles without a date (in no bucket).
    pub undated: u64,
    /// Matching articles dated only to a month or a year, coarser than the buckets (in
    /// no bucket: "2020" is not January 1st).
    pub coarse: u64,
    pub buckets: Vec<Bucket>,
}

/// The dates (seconds) of the matching documents that fit buckets of `by`, and counts of
/// the undated ones and of those dated too coarsely for the buckets.
#[derive(Debug, Default)]
struct DateFruit {
    dates: Vec<i64>,
    undated: u64,
    coarse: u64,
}

/// Collects `DateFruit`s for buckets of one size.
struct DateCollector {
    by: Interval,
}

/// Whether a date known to `precision` cannot be put in one bucket of `by`.
pub fn too_coarse(precision: DatePrecision, by: Interval) -> bool {
    match by {
        Interval::Day | Interval::Week => precision < DatePrecision::Day,
        Interval::Month => precision < DatePrecision::Month,
        Interval::Year => false,
    }
}

struct DateSegment {
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    /// The precision column, and for each of its values whether it is too coarse.
    precision: Option<(tantivy::columnar::StrColumn, Vec<bool>)>,
    out: DateFruit,
}

impl Collector for DateCollector {
    type Fruit = DateFruit;
    type Child = DateSegment;

    fn for_segment(&self, _: SegmentOrdinal, seg: &SegmentReader) -> tantivy::Result<DateSegment> {
        let precision = seg
            .fast_fields()
            .str(fast::DATE_PRECISION)
            .ok()
            .flatten()
            .map(|col| {
                let mut name = String::new();
                let coarse = (0..col.num_terms() as u64)
                    .map(|ord| {
                        name.clear();
                        col.ord_to_str(ord, &mut name).unwrap_or(false)
                            && DatePrecision::from_name(&name)
                                .is_some_and(|p| too_coarse(p, self.by))
                    })
                    .collect();
                (col, coarse)
            });
        Ok(DateSegment {
            dates: seg.fast_fields().date(fast::DATE).ok(),
            precision,
            out: DateFruit::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DateFruit>) -> tantivy::Result<DateFruit> {
        let mut all = DateFruit::default();
        for f in fruits {
            all.dates.extend(f.dates);
            all.undated += f.undated;
            all.coarse += f.coarse;
        }
        Ok(all)
    }
}

impl SegmentCollector for DateSegment {
    type Fruit = DateFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(d) = self.dates.as_ref().and_then(|c| c.first(doc)) else {
            self.out.undated += 1;
            return;
        };
        let coarse = self.precision.as_ref().is_some_and(|(col, coarse)| {
            col.term_ords(doc)
                .next()
                .is_some_and(|ord| coarse.get(ord as usize).copied().unwrap_or(false))
        });
        if coarse {
            self.out.coarse += 1;
        } else {
            self.out.dates.push(d.into_timestamp_secs());
        }
    }

    fn harvest(self) -> DateFruit {
        self.out
    }
}

/// The first day of the bucket holding `date`.
pub fn bucket_start(date: Date, by: Interval) -> Date {
    match by {
        Interval::Day => date,
        Interval::Week => {
            date - Duration::days(i64::from(date.weekday().number_days_from_monday()))
        }
        Interval::Month => date.replace_day(1).unwrap_or(date),
        Interval::Year => Date::from_calendar_date(date.year(), Month::January, 1).unwrap_or(date),
    }
}

/// The first day of the bucket after the one starting on `start`.
pub fn next_bucket(start: Date, by: Interval) -> Option<Date> {
    match by {
        Interval::Day => start.next_day(),
        Interval::Week => start.checked_add(Duration::days(7)),
        Interval::Month => {
            let (y, m) = if start.month() == Month::December {
                (start.year() + 1, Month::January)
            } else {
                (start.year(), start.month().next())
            };
            Date::from_calendar_date(y, m, 1).ok()
        }
        Interval::Year => Date::from_calendar_date(start.year() + 1, Month::January, 1).ok(),
    }
}

fn date_of(secs: i64) -> Option<Date> {
    OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .map(|t| t.date())
}

fn counts_by_bucket(dates: &[i64], by: Interval) -> HashMap<Date, u64> {
    let mut counts = HashMap::new();
    for &d in dates {
        if let Some(day) = date_of(d) {
            *counts.entry(bucket_start(day, by)).or_insert(0) += 1;
        }
    }
    counts
}

/// A timeline to draw: the articles `query` matches between `from` and `to`, counted per
/// bucket of `by`.
#[derive(Debug, Clone)]
pub struct TimelineRequest {
    pub query: String,
    /// OR instead of AND between bare terms.
    pub any: bool,
    pub from: Option<Span>,
    pub to: Option<Span>,
    pub by: Interval,
    /// Also count all articles per bucket, and each count's share of them.
    pub normalize: bool,
}

/// The command line's defaults: every article, by calendar month.
impl Default for TimelineRequest {
    fn default() -> Self {
        TimelineRequest {
            query: String::new(),
            any: false,
            from: None,
            to: None,
            by: Interval::Month,
            normalize: false,
        }
    }
}

impl TimelineRequest {
    /// The search for the articles counted.
    pub fn matching(&self) -> SearchRequest {
        matching(&self.query, self.any, self.from, self.to)
    }

    /// With `normalize`, the search for all articles of the range (the totals).
    pub fn totals(&self) -> Option<SearchRequest> {
        self.normalize
            .then(|| matching("", false, self.from, self.to))
    }
}

/// The search for the articles an aggregation counts: every match, no page.
fn matching(query: &str, any: bool, from: Option<Span>, to: Option<Span>) -> SearchRequest {
    SearchRequest {
        query: query.to_string(),
        any,
        from,
        to,
        limit: 0,
        fragments: 0,
        collapse: false,
        ..SearchRequest::default()
    }
}

/// Counts the articles `matches` (compiled from `req.matching()`) per day, week, calendar
/// month or calendar year; every bucket from the first to the last (or over
/// `--from`/`--to`) is listed, empty ones with 0. `totals` (compiled from
/// `req.totals()`) counts all articles per bucket.
pub(super) fn timeline(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    matches: &dyn Query,
    totals: Option<&dyn Query>,
    req: &TimelineRequest,
) -> Result<Timeline> {
    let by = req.by;
    let DateFruit {
        dates,
        undated,
        coarse,
    } = searcher
        .search(matches, &DateCollector { by })
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let counts = counts_by_bucket(&dates, by);
    let totals = match totals {
        Some(all) => {
            let all_dates = searcher
                .search(all, &DateCollector { by })
                .map_err(|e| Error::tantivy(&index.dir, e))?
                .dates;
            Some(counts_by_bucket(&all_dates, by))
        }
        None => None,
    };
    let first = dates.iter().min().and_then(|&d| date_of(d));
    let last = dates.iter().max().and_then(|&d| date_of(d));
    let buckets = buckets(req, &counts, totals.as_ref(), first, last)?;
    Ok(Timeline {
        query: req.query.clone(),
        by,
        matched: dates.len() as u64,
        undated,
        coarse,
        buckets,
    })
}

/// The buckets of a timeline: every bucket of `req.by` from the first to the last day
/// (`--from`/`--to` when given, else the first and last dates matched), empty ones with
/// 0; with `totals`, each bucket's total and share.
pub fn buckets(
    req: &TimelineRequest,
    counts: &HashMap<Date, u64>,
    totals: Option<&HashMap<Date, u64>>,
    first_matched: Option<Date>,
    last_matched: Option<Date>,
) -> Result<Vec<Bucket>> {
    let TimelineRequest { by, from, to, .. } = *req;
    let first = from.map(|s| s.start.date()).or(first_matched);
    let last = to
        .map(|s| (s.end - Duration::SECOND).date())
        .or(last_matched);
    let mut buckets = Vec::new();
    if let (Some(first), Some(last)) = (first, last) {
        let mut at = bucket_start(first, by);
        let end = bucket_start(last, by);
        while at <= end {
            if buckets.len() == MAX_BUCKETS {
                return Err(Error::TooManyBuckets {
                    first: first.to_string(),
                    last: last.to_string(),
                    by: by.as_str(),
                    max: MAX_BUCKETS,
                });
            }
            let count = counts.get(&at).copied().unwrap_or(0);
            let total = totals.map(|t| t.get(&at).copied().unwrap_or(0));
            buckets.push(Bucket {
                start: format!("{:04}-{:02}-{:02}", at.year(), at.month() as u8, at.day()),
                count,
                total,
                share: total.map(|t| if t == 0 { 0.0 } else { count as f64 / t as f64 }),
            });
            match next_bucket(at, by) {
                Some(n) => at = n,
                None => break,
            }
        }
    }
    Ok(buckets)
}

/// What a facet counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    /// Normalised author names.
    Byline,
    /// Publication year.
    Year,
    /// The top-level directory of the article's path in the archive (archives are usually
    /// organised by outlet or feed).
    Source,
    /// The article's language code (`en`, `de`, `und` when it could not be told).
    Language,
}

/// Top values of a facet among the articles a query matches.
#[derive(Debug, Clone, Serialize)]
pub struct Facets {
    pub query: String,
    pub facet: FacetKind,
    /// Articles the query matched.
    pub matched: u64,
    /// Matching articles with no value for the facet.
    pub missing: u64,
    pub values: Vec<FacetValue>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

/// The source facet's value for an article at `path`: the archive's top-level directory
/// (archives are usually organised by outlet or feed), `(archive root)` for files at the
/// top.
pub fn source_of(path: &str) -> &str {
    match path.split_once('/') {
        Some((top, _)) => top,
        None => "(archive root)",
    }
}

struct FacetCollector(FacetKind);

struct FacetSegment {
    kind: FacetKind,
    strings: Option<tantivy::columnar::StrColumn>,
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    /// Matches per value ordinal of `strings` (a counter per value: every path is a
    /// value of its own, and hashing a million of them cost more than the search).
    ords: Vec<u32>,
    years: HashMap<i32, u64>,
    matched: u64,
    missing: u64,
}

type FacetFruit = (HashMap<String, u64>, u64, u64);

impl Collector for FacetCollector {
    type Fruit = FacetFruit;
    type Child = FacetSegment;

    fn for_segment(&self, _: SegmentOrdinal, seg: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let ff = seg.fast_fields();
        let strings = match self.0 {
            FacetKind::Byline => ff.str(fast::AUTHORS)?,
            FacetKind::Source => ff.str(fast::PATH)?,
            FacetKind::Language => ff.str(fast::LANGUAGE)?,
            FacetKind::Year => None,
        };
        let values = strings.as_ref().map_or(0, |s| s.num_terms());
        Ok(FacetSegment {
            kind: self.0,
            strings,
            dates: ff.date(fast::DATE).ok(),
            ords: vec![0; values],
            years: HashMap::new(),
            matched: 0,
            missing: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetFruit>) -> tantivy::Result<FacetFruit> {
        let mut all: HashMap<String, u64> = HashMap::new();
        let (mut matched, mut missing) = (0, 0);
        for (values, m, miss) in fruits {
            for (k, v) in values {
                *all.entry(k).or_insert(0) += v;
            }
            matched += m;
            missing += miss;
        }
        Ok((all, matched, missing))
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = FacetFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.matched += 1;
        match self.kind {
            FacetKind::Year => match self.dates.as_ref().and_then(|c| c.first(doc)) {
                Some(d) => *self.years.entry(d.into_utc().year()).or_insert(0) += 1,
                None => self.missing += 1,
            },
            FacetKind::Byline | FacetKind::Source | FacetKind::Language => {
                let mut any = false;
                if let Some(col) = &self.strings {
                    for ord in col.term_ords(doc) {
                        any = true;
                        if let Some(n) = self.ords.get_mut(ord as usize) {
                            *n += 1;
                        }
                    }
                }
                if !any {
                    self.missing += 1;
                }
            }
        }
    }

    fn harvest(self) -> FacetFruit {
        let mut values: HashMap<String, u64> = HashMap::new();
        for (year, n) in self.years {
            values.insert(year.to_string(), n);
        }
        if let Some(col) = &self.strings {
            // The values counted, read in one pass over the dictionary (in ordinal order).
            let (ords, counts): (Vec<u64>, Vec<u64>) = self
                .ords
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(ord, &n)| (ord as u64, u64::from(n)))
                .unzip();
            let mut counts = counts.into_iter();
            let kind = self.kind;
            let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                let Some(n) = counts.next() else {
                    return;
                };
                let value = String::from_utf8_lossy(bytes);
                let key = match kind {
                    FacetKind::Source => source_of(&value).to_string(),
                    _ => value.into_owned(),
                };
                *values.entry(key).or_insert(0) += n;
            });
        }
        (values, self.matched, self.missing)
    }
}

/// A facet to count: the `limit` most frequent values of `facet` among the articles
/// `query` matches between `from` and `to`.
#[derive(Debug, Clone)]
pub struct FacetsRequest {
    pub query: String,
    /// OR instead of AND between bare terms.
    pub any: bool,
    pub from: Option<Span>,
    pub to: Option<Span>,
    pub facet: FacetKind,
    pub limit: usize,
}

/// The command line's defaults for a byline facet: every article, the top 20 values.
impl Default for FacetsRequest {
    fn default() -> Self {
        FacetsRequest {
            query: String::new(),
            any: false,
            from: None,
            to: None,
            facet: FacetKind::Byline,
            limit: 20,
        }
    }
}

impl FacetsRequest {
    /// The search for the articles counted.
    pub fn matching(&self) -> SearchRequest {
        matching(&self.query, self.any, self.from, self.to)
    }
}

/// The `limit` most frequent of `values`, ties by value: the order every facet lists.
pub fn top_values(mut values: Vec<FacetValue>, limit: usize) -> Vec<FacetValue> {
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values.truncate(limit);
    values
}

/// The `limit` most frequent values of the facet among `matches` (compiled from
/// `req.matching()`); ties by value.
pub(super) fn facets(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    matches: &dyn Query,
    req: &FacetsRequest,
) -> Result<Facets> {
    let (values, matched, missing) = searcher
        .search(matches, &FacetCollector(req.facet))
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let values = top_values(
        values
            .into_iter()
            .map(|(value, count)| FacetValue { value, count })
            .collect(),
        req.limit,
    );
    Ok(Facets {
        query: req.query.clone(),
        facet: req.facet,
        matched,
        missing,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::from_calendar_date(y, Month::try_from(m).unwrap(), day).unwrap()
    }

    #[test]
    fn calendar_buckets() {
        assert_eq!(bucket_start(d(2014, 1, 22), Interval::Month), d(2014, 1, 1));
        assert_eq!(bucket_start(d(2014, 1, 22), Interval::Year), d(2014, 1, 1));
        // 2014-01-22 was a Wednesday; its ISO week starts on Monday the 20th.
        assert_eq!(bucket_start(d(2014, 1, 22), Interval::Week), d(2014, 1, 20));
        assert_eq!(
            next_bucket(d(2014, 12, 1), Interval::Month),
            Some(d(2015, 1, 1))
        );
        assert_eq!(
            next_bucket(d(2016, 2, 1), Interval::Month),
            Some(d(2016, 3, 1))
        );
        assert_eq!(
            next_bucket(d(2014, 1, 20), Interval::Week),
            Some(d(2014, 1, 27))
        );
        assert_eq!(
            next_bucket(d(2014, 1, 31), Interval::Day),
            Some(d(2014, 2, 1))
        );
    }
}
