//! Date filters that respect how precisely each article is dated.
//!
//! An article dated only "2020" is stored at 2020-01-01 00:00 UTC with `date_precision`
//! "year"; one dated "March 2019" at 2019-03-01 with "month". A plain range over the stored
//! instants would put the first on 1 January: `date:2020-01-01` and `--to 2020-01-15` would
//! match it, `--from 2020-02` would not, though nothing says it is from January. So a
//! filter matches an article only when the whole span its date names (the year, the month,
//! the day) lies inside the range: `--from 2020 --to 2020` and `date:2020`
//! match the "2020" article, `date:2020-01` does not. Timelines treat such articles alike
//! (they are counted as `coarse`, outside finer buckets).
//!
//! The lower bound needs nothing more than the range: a span starts at the stored instant.
//! For the upper bound, each precision has a latest start whose span still ends by it;
//! articles past it are skipped while the range's matches are read.

use std::ops::Bound;

use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{EnableScoring, Explanation, Query, RangeQuery, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{
    DateTime, DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term,
    COLLECT_BLOCK_BUFFER_LEN, TERMINATED,
};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

use crate::article::DatePrecision;
use crate::index::schema::fast;

/// Articles whose dated span lies within `[lower, upper)`.
#[derive(Debug, Clone)]
pub struct DateWithin {
    field: Field,
    lower: Bound<OffsetDateTime>,
    upper: Bound<OffsetDateTime>,
}

impl DateWithin {
    /// `lower` is `Included` or `Unbounded`, `upper` `Excluded` or `Unbounded`; other
    /// bounds are taken as given for the range, and an `Included` upper bound as the
    /// instant after it for spans.
    pub fn new(field: Field, lower: Bound<OffsetDateTime>, upper: Bound<OffsetDateTime>) -> Self {
        DateWithin {
            field,
            lower,
            upper,
        }
    }

    fn range(&self) -> RangeQuery {
        let term = |t: OffsetDateTime| Term::from_field_date(self.field, DateTime::from_utc(t));
        RangeQuery::new(self.lower.map(term), self.upper.map(term))
    }

    /// The instant every matching article's span must end by, if any.
    fn end(&self) -> Option<OffsetDateTime> {
        match self.upper {
            Bound::Excluded(t) => Some(t),
            Bound::Included(t) => Some(t + time::Duration::SECOND),
            Bound::Unbounded => None,
        }
    }
}

impl Query for DateWithin {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let field_name = scoring.schema().get_field_name(self.field).to_string();
        Ok(Box::new(DateWithinWeight {
            inner: self.range().weight(scoring)?,
            field_name,
            end: self.end(),
        }))
    }
}

struct DateWithinWeight {
    inner: Box<dyn Weight>,
    field_name: String,
    end: Option<OffsetDateTime>,
}

impl Weight for DateWithinWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, boost)?;
        let Some(end) = self.end else {
            return Ok(inner);
        };
        let Some(precision) = reader.fast_fields().str(fast::DATE_PRECISION)? else {
            // No article of this segment has a date precision (none has a date).
            return Ok(inner);
        };
        let latest = latest_starts(&precision, end)?;
        if latest.iter().all(Option::is_none) {
            return Ok(inner);
        }
        let dates: Column<DateTime> = reader.fast_fields().date(&self.field_name)?;
        let safe_until = latest.iter().flatten().copied().min().unwrap_or(i64::MAX);
        let mut scorer = SpanFilter {
            inner,
            precision,
            latest,
            safe_until,
            dates,
        };
        if scorer.inner.doc() != TERMINATED && !scorer.accepts(scorer.inner.doc()) {
            scorer.advance();
        }
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not dated within the range"
            )));
        }
        Ok(Explanation::new("date within range", scorer.score()))
    }
}

/// For each value of the segment's precision column (by term ordinal): the latest stored
/// instant, in seconds, whose span ends by `end`; `None` when every match qualifies.
fn latest_starts(column: &StrColumn, end: OffsetDateTime) -> tantivy::Result<Vec<Option<i64>>> {
    let mut name = String::new();
    (0..column.num_terms() as u64)
        .map(|ord| {
            name.clear();
            column.ord_to_str(ord, &mut name)?;
            Ok(DatePrecision::from_name(&name).and_then(|p| limit(p, end)))
        })
        .collect::<std::io::Result<_>>()
        .map_err(Into::into)
}

/// For a range ending (exclusively) at `end`, the latest instant an article dated to
/// precision `p` may be stored at for its whole span to lie within the range, when the
/// range alone does not ensure it: the check `DateWithin` adds to the range, for back ends
/// that filter dates themselves (`opensearch::dsl`). A limit before the calendar `time`
/// holds, which no stored date can meet, is its first instant.
pub fn latest_start_within(p: DatePrecision, end: OffsetDateTime) -> Option<OffsetDateTime> {
    limit(p, end).map(|secs| {
        OffsetDateTime::from_unix_timestamp(secs)
            .unwrap_or_else(|_| PrimitiveDateTime::MIN.assume_utc())
    })
}

/// The latest start of a span of precision `p` that ends by `end`, when the range does not
/// already ensure it: when `end` falls on the edge of such spans (`--to 2014` ends at a new
/// year), every span the range lets in ends by it.
fn limit(p: DatePrecision, end: OffsetDateTime) -> Option<i64> {
    let latest = latest_start(p, end)?;
    (latest < span_start(p, end - time::Duration::SECOND)).then_some(latest)
}

/// The latest start of a span of precision `p` that ends by `end` (seconds since the
/// epoch). Spans of a year or month start on its first day at midnight UTC, as the
/// extractor stores them. A time of day (to the minute or second) is taken as the instant
/// it names, which the range alone checks: `None`.
fn latest_start(p: DatePrecision, end: OffsetDateTime) -> Option<i64> {
    let end = end.to_offset(time::UtcOffset::UTC);
    Some(match p {
        DatePrecision::Second | DatePrecision::Minute => return None,
        DatePrecision::Day => span_start(DatePrecision::Day, end) - 86_400,
        // The span of month M ends on the first of M + 1, which must not be after `end`:
        // M is at most the month before `end`'s.
        DatePrecision::Month => {
            let (year, month) = match end.month() {
                Month::January => (end.year() - 1, Month::December),
                m => (end.year(), m.previous()),
            };
            first_of(year, month)
        }
        DatePrecision::Year => first_of(end.year() - 1, Month::January),
    })
}

/// The start of the span of precision `p` (a day, month or year) that holds `t`, as the
/// extractor would store it.
fn span_start(p: DatePrecision, t: OffsetDateTime) -> i64 {
    let t = t.to_offset(time::UtcOffset::UTC);
    match p {
        DatePrecision::Year => first_of(t.year(), Month::January),
        DatePrecision::Month => first_of(t.year(), t.month()),
        _ => {
            let secs = t.unix_timestamp();
            secs - secs.rem_euclid(86_400)
        }
    }
}

fn first_of(year: i32, month: Month) -> i64 {
    match Date::from_calendar_date(year, month, 1) {
        Ok(d) => PrimitiveDateTime::new(d, Time::MIDNIGHT)
            .assume_utc()
            .unix_timestamp(),
        // Outside the calendar `time` supports: no article can start that early.
        Err(_) => i64::MIN,
    }
}

/// The range's matches, without those whose span ends after the upper bound.
struct SpanFilter {
    inner: Box<dyn Scorer>,
    precision: StrColumn,
    latest: Vec<Option<i64>>,
    /// The smallest of `latest`: an article starting no later passes whatever its
    /// precision, without a look at it.
    safe_until: i64,
    dates: Column<DateTime>,
}

impl SpanFilter {
    fn accepts(&self, doc: DocId) -> bool {
        let Some(start) = self.dates.first(doc).map(DateTime::into_timestamp_secs) else {
            return true;
        };
        if start <= self.safe_until {
            return true;
        }
        let Some(ord) = self.precision.term_ords(doc).next() else {
            return true;
        };
        match self.latest.get(ord as usize) {
            Some(Some(latest)) => start <= *latest,
            _ => true,
        }
    }
}

impl DocSet for SpanFilter {
    fn advance(&mut self) -> DocId {
        loop {
            let doc = self.inner.advance();
            if doc == TERMINATED || self.accepts(doc) {
                return doc;
            }
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.inner.seek(target);
        if doc == TERMINATED || self.accepts(doc) {
            doc
        } else {
            self.advance()
        }
    }

    /// The range's own approximate seek (a fast-column range checks the target alone instead
    /// of scanning to it), then the span check on a hit. A rejected target leaves a lower
    /// bound past it, which the contract allows.
    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        match self.inner.seek_danger(target) {
            SeekDangerResult::Found if !self.accepts(target) => {
                SeekDangerResult::SeekLowerBound(target + 1)
            }
            other => other,
        }
    }

    /// The range's batched read (fast columns decode blocks of matches at once), filtered
    /// in place, then topped up one match at a time: a short batch means the end.
    fn fill_buffer(&mut self, buffer: &mut [DocId; COLLECT_BLOCK_BUFFER_LEN]) -> usize {
        if self.doc() == TERMINATED {
            return 0;
        }
        let read = self.inner.fill_buffer(buffer);
        let mut kept = 0;
        for i in 0..read {
            let doc = buffer[i];
            if self.accepts(doc) {
                buffer[kept] = doc;
                kept += 1;
            }
        }
        let next = self.inner.doc();
        if next != TERMINATED && !self.accepts(next) {
            self.advance();
        }
        while kept < buffer.len() && self.doc() != TERMINATED {
            buffer[kept] = self.doc();
            kept += 1;
            self.advance();
        }
        kept
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    /// The range's own cost: a range over a fast column costs more to walk than its size
    /// says, and intersections pick the cheapest clause to lead.
    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for SpanFilter {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u8, d: u8, h: u8, min: u8) -> OffsetDateTime {
        let date =
            Date::from_calendar_date(y, Month::try_from(m).expect("month"), d).expect("date");
        PrimitiveDateTime::new(date, Time::from_hms(h, min, 0).expect("time")).assume_utc()
    }

    fn at(secs: Option<i64>) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(secs.expect("a limit")).expect("valid timestamp")
    }

    #[test]
    fn latest_starts_keep_each_span_inside_the_bound() {
        let mid_march = utc(2020, 3, 15, 0, 0);
        // A bound on a period's edge: the period just before it fits whole.
        let new_year = utc(2021, 1, 1, 0, 0);
        for (p, end, latest) in [
            (DatePrecision::Year, mid_march, utc(2019, 1, 1, 0, 0)),
            (DatePrecision::Month, mid_march, utc(2020, 2, 1, 0, 0)),
            (DatePrecision::Day, mid_march, utc(2020, 3, 14, 0, 0)),
            (DatePrecision::Year, new_year, utc(2020, 1, 1, 0, 0)),
            (DatePrecision::Month, new_year, utc(2020, 12, 1, 0, 0)),
        ] {
            assert_eq!(at(latest_start(p, end)), latest, "{p:?} before {end}");
        }
        // A time of day is an instant: the range alone decides.
        assert_eq!(latest_start(DatePrecision::Minute, mid_march), None);
        assert_eq!(latest_start(DatePrecision::Second, mid_march), None);
    }

    #[test]
    fn latest_starts_as_instants() {
        let first_of_april = utc(2020, 4, 1, 0, 0);
        assert_eq!(
            latest_start_within(DatePrecision::Year, first_of_april),
            Some(utc(2019, 1, 1, 0, 0))
        );
        assert_eq!(
            latest_start_within(DatePrecision::Month, first_of_april),
            None
        );
        assert_eq!(
            latest_start_within(DatePrecision::Second, first_of_april),
            None
        );
    }

    #[test]
    fn bounds_on_a_span_edge_need_no_filter_for_it() {
        let new_year = utc(2021, 1, 1, 0, 0);
        for p in [
            DatePrecision::Year,
            DatePrecision::Month,
            DatePrecision::Day,
        ] {
            assert_eq!(limit(p, new_year), None, "{p:?}");
        }
        let first_of_april = utc(2020, 4, 1, 0, 0);
        assert_eq!(
            limit(DatePrecision::Year, first_of_april),
            Some(utc(2019, 1, 1, 0, 0).unix_timestamp())
        );
        assert_eq!(limit(DatePrecision::Month, first_of_april), None);
        assert_eq!(limit(DatePrecision::Day, first_of_april), None);
        let afternoon = utc(2020, 3, 12, 14, 5);
        assert_eq!(
            limit(DatePrecision::Day, afternoon),
            Some(utc(2020, 3, 11, 0, 0).unix_timestamp())
        );
        assert_eq!(
            limit(DatePrecision::Month, afternoon),
            Some(utc(2020, 2, 1, 0, 0).unix_timestamp())
        );
    }
}
