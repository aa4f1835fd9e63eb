//! Free-form article dates: this module owns recognising the date shapes found
//! in real news text (bylines, datelines, `<DATE>` fields, meta tags) and
//! normalising them to UTC. Nothing else in the crate should parse dates.
//!
//! Accepted shapes, with labels ("Updated:", "Published on", "Stand:",
//! "Publié le" …) and weekday names (English, German, French, Spanish) skipped:
//! - ISO 8601 / RFC 3339: `2014-01-22`, `2014-01-22 05:30`,
//!   `2014-01-22T05:30:00+08:00`, compact `20151210T191044Z`.
//! - RFC 2822: `Tue, 03 Mar 2019 14:05:00 +0100`.
//! - Named months (English, German, French, Spanish; any case; accents
//!   optional; trailing dot allowed), day first or month first:
//!   `22 Jan 2014`, `January 22, 2014`, `Sept. 3, 2019`, `3. März 2019`,
//!   `1er janvier 2020`, `3 de marzo de 2019`, Reuters `26-FEB-1987`.
//! - All-numeric: `22.01.2014`, `01/22/2014`, `1/22/14`.
//! - A time after the date (`5:30 pm`, `5:30 p.m.`, `17:30`, `17h30`,
//!   `14:30 Uhr`, `09.34`, `noon`, and four digits glued to a zone, `1509GMT`;
//!   introduced by "at", "um", "à", "a las", …) or before it
//!   (`1:03 PM ET, Wed January 22, 2014`), then an optional zone.
//!   Fractions of a second are dropped.
//! - Wire trailers: ANPA-1312 `11-13-13 1509GMT` (the numeric date above with a
//!   glued `HHMM`) and the IPTC 7901 stamp `131137 GMT Nov 13` (day, hour and
//!   minute as six digits, zone, month name, two-digit year). [`find_date`]
//!   takes the stamp only with its zone; [`parse_date`] also without
//!   (`211259 Nov 18`).
//! - [`parse_whole_date`]: a [`parse_date`] that refuses text after the date, for
//!   dates shown on web pages.
//! - [`parse_date`] only: `2014-01` and `March 2019` (Month precision), `2014`
//!   (Year), and a bare compact `20151210`. [`find_date`] needs a day, month
//!   and year, so numbers in prose ("born in 1987", "the 2014 World Cup") never
//!   count as dates.
//!
//! Numeric order: dots are day-first (European); slashes and dashes are
//! month-first (US; TIME magazine's `01/04/63` is 1963-01-04) unless that would
//! make the month larger than 12, in which case the other order is used
//! (`22/01/2014` is 22 January). Two-digit years are 20yy up to next year's yy,
//! otherwise 19yy. A dotted date with a two-digit year needs two-digit day and
//! month (`22.01.14`), since `1.2.33` is a version number. After a month name a
//! bare two-digit year counts only when a clock time follows (`7 Oct 15 13:41
//! GMT`), since "on 7 Oct 15 people" is prose.
//!
//! Time zones: numeric offsets (`Z`, `+08:00`, `+0800`, `GMT+1`) and the
//! abbreviations in `names::ZONES` are converted to UTC. Abbreviations are fixed
//! offsets: the US generic `ET`/`CT`/`MT`/`PT` are read as standard time (ET is
//! always -05:00), `CST` is US Central and `IST` is India. Apart from UTC/GMT
//! they must be written in capitals, so that French "et" is not Eastern time.
//! **A time without a zone is taken as UTC**: archives rarely say which zone
//! their bare times are in, and one consistent rule beats guessing per
//! publisher. A zone after a date without a time is ignored (it cannot move a
//! day-precision date).
//!
//! Plausibility: years before 1800 and after next year are rejected (they are
//! placeholders such as `0001-01-01` or `9999-12-31`), as are impossible
//! calendar dates (Feb 30) and times (25:00). Neither function panics on any
//! input; `find_date` reads only the first 300 characters and `parse_date`
//! the first 512, so the work per call is bounded.
//!
//! This module is the orchestrator: it tries the shapes in order and checks the result.
//! The pieces are leaves that never call back up: `tokens` (the tokenizer and the cursor
//! the grammar walks with), `names` (month, weekday, label and zone tables), `calendar`
//! (the date shapes, numeric and named), `clock` (times and zones) and `wire` (the IPTC
//! transmission stamp).

mod calendar;
mod clock;
mod names;
mod tokens;
mod wire;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::article::{ArticleDate, DatePrecision};
use calendar::{calendar, Ctx, Ymd};
use clock::{clock, clock_after_date, Clock};
use tokens::{can_start, skip_labels, tokenize, Cur, Kind, Tok};

/// The whole of `text` (modulo labels such as "Updated:") is a date.
///
/// Anything after a complete (day or finer) date is ignored, because real
/// fields carry trailing junk (`&#5;&#5;RM` in Reuters, "(Reuters)"); a
/// partial date (`2014`, `March 2019`) must be followed by nothing but
/// punctuation, or "2014 World Cup" would become a year.
pub fn parse_date(text: &str) -> Option<ArticleDate> {
    parse_date_with_now(text, current_year())
}

/// A date somewhere inside a short line of text (a byline, a dateline).
/// Returns the first complete date (day, month and year) in the first 300
/// characters.
pub fn find_date(text: &str) -> Option<ArticleDate> {
    find_date_with_now(text, current_year())
}

/// [`parse_date`] with the current year given, for the plausibility window
/// and two-digit years; makes results reproducible.
pub fn parse_date_with_now(text: &str, now_year: i32) -> Option<ArticleDate> {
    let (toks, truncated) = tokenize(text, PARSE_WINDOW_CHARS);
    let ctx = Ctx {
        now_year,
        whole: true,
    };
    let (found, end) = parse_at(&toks, skip_labels(&toks), &ctx)?;
    let rest_is_noise = toks
        .get(end..)
        .unwrap_or(&[])
        .iter()
        .all(|t| matches!(t.kind, Kind::Punct(_)));
    if found.precision < DatePrecision::Day && (truncated || !rest_is_noise) {
        return None;
    }
    Some(found)
}

/// A text that is nothing but a date, as shown on a page ("Published 10:40 PM EST Mar
/// 8, 2021"): labels and weekdays may come first, and only punctuation may follow the
/// date, its time and zone, or one unknown zone abbreviation in capitals after a time
/// ("09:45 AMT", read as UTC like a time without a zone). `None` for "Mar 8, 2021 | 5
/// comments", where [`parse_date`] would take the date and ignore the rest.
pub fn parse_whole_date(text: &str) -> Option<ArticleDate> {
    parse_whole_date_with_now(text, current_year())
}

/// [`parse_whole_date`] with the current year given.
pub fn parse_whole_date_with_now(text: &str, now_year: i32) -> Option<ArticleDate> {
    let (toks, truncated) = tokenize(text, PARSE_WINDOW_CHARS);
    if truncated {
        return None;
    }
    let ctx = Ctx {
        now_year,
        whole: true,
    };
    let (found, end) = parse_at(&toks, skip_labels(&toks), &ctx)?;
    let rest: Vec<&Tok> = toks
        .get(end..)
        .unwrap_or(&[])
        .iter()
        .filter(|t| !matches!(t.kind, Kind::Punct(_)))
        .collect();
    let unknown_zone = |t: &Tok| {
        t.kind == Kind::Word
            && (2..=5).contains(&t.raw.len())
            && t.raw.chars().all(|c| c.is_ascii_uppercase())
    };
    match rest.as_slice() {
        [] => Some(found),
        [t] if found.precision >= DatePrecision::Minute && unknown_zone(t) => Some(found),
        _ => None,
    }
}

/// [`find_date`] with the current year given.
pub fn find_date_with_now(text: &str, now_year: i32) -> Option<ArticleDate> {
    let (toks, _) = tokenize(text, FIND_WINDOW_CHARS);
    let ctx = Ctx {
        now_year,
        whole: false,
    };
    (0..toks.len())
        .filter(|&i| can_start(&toks, i))
        .find_map(|i| parse_at(&toks, i, &ctx).map(|(found, _)| found))
}

/// A date field's value (a feed's `<pubDate>`, a JSON `"date"`): the whole of it as a
/// date, else the first date inside it.
pub fn date_of(s: &str) -> Option<ArticleDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    parse_date(s).or_else(|| find_date(s))
}

const FIND_WINDOW_CHARS: usize = 300;
const PARSE_WINDOW_CHARS: usize = 512;
const MIN_YEAR: i32 = 1800;

fn current_year() -> i32 {
    OffsetDateTime::now_utc().year()
}

fn parse_at(toks: &[Tok], i: usize, ctx: &Ctx) -> Option<(ArticleDate, usize)> {
    let mut c = Cur { toks, i };
    skip_weekday(&mut c);
    date_then_time(c, ctx)
        .or_else(|| time_then_date(c, ctx))
        .or_else(|| {
            let (ymd, clock, end) = wire::wire_stamp(c, ctx)?;
            finish(ymd, Some(clock), end, ctx)
        })
}

fn skip_weekday(c: &mut Cur) {
    let is_weekday = |t: &Tok| t.weekday && t.month.is_none();
    if c.take(is_weekday).is_some() {
        c.punct(&['.']);
        c.punct(&[',']);
    }
}

fn date_then_time(c: Cur, ctx: &Ctx) -> Option<(ArticleDate, usize)> {
    let (ymd, mut c) = calendar(c, ctx)?;
    if ymd.precision < DatePrecision::Day {
        return if ctx.whole {
            finish(ymd, None, c.i, ctx)
        } else {
            None
        };
    }
    let clock = clock_after_date(&mut c).ok()?;
    finish(ymd, clock, c.i, ctx)
}

/// "1:03 PM ET, Wed January 22, 2014" (CNN and others put the time first).
fn time_then_date(mut c: Cur, ctx: &Ctx) -> Option<(ArticleDate, usize)> {
    let clock = clock(&mut c, false).ok()??;
    for _ in 0..3 {
        if c.punct(&[',', '-', '|', '–', '—']).is_none()
            && !c.word(&["on", "le", "el", "am", "den"])
        {
            break;
        }
    }
    skip_weekday(&mut c);
    let (ymd, c) = calendar(c, ctx)?;
    if ymd.precision != DatePrecision::Day {
        return None;
    }
    finish(ymd, Some(clock), c.i, ctx)
}

fn finish(ymd: Ymd, clock: Option<Clock>, end: usize, ctx: &Ctx) -> Option<(ArticleDate, usize)> {
    if ymd.year < MIN_YEAR || ymd.year > ctx.now_year.saturating_add(1) {
        return None;
    }
    let month = Month::try_from(u8::try_from(ymd.month).ok()?).ok()?;
    let date = Date::from_calendar_date(ymd.year, month, u8::try_from(ymd.day).ok()?).ok()?;
    let (time, offset, precision) = match clock {
        Some(k) => (k.time, k.offset.unwrap_or(UtcOffset::UTC), k.precision),
        None => (Time::MIDNIGHT, UtcOffset::UTC, ymd.precision),
    };
    let utc = PrimitiveDateTime::new(date, time)
        .assume_offset(offset)
        .checked_to_offset(UtcOffset::UTC)?;
    Some((ArticleDate { utc, precision }, end))
}

#[cfg(test)]
mod tests;
