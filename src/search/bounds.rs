//! Query date bounds: the spans of time `--from`, `--to`, `--since` and `date:` values name,
//! half-lives for `--fresh`, and RFC 3339 formatting.
//!
//! A bound names a span: `2014` is all of 2014, `2014-01` all of January, `2014-01-22` that
//! day, an RFC 3339 time that second. `--from` takes the start of its span and `--to` the
//! end of its span, so both are inclusive at the granularity the user typed. Bounds are on
//! the articles' clocks, as the index keeps dates (the time each source printed): a time's
//! offset is read and set aside, so `2019-11-18T19:05:00-05:00` is 19:05 on the 18th, the
//! date a New York story of that minute shows.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::error::{Error, Result};

/// The span of time a `--from`/`--to` value names: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: OffsetDateTime,
    pub end: OffsetDateTime,
}

/// Parses a user-supplied date for `flag` into the span it names.
pub fn parse_span(flag: &'static str, input: &str) -> Result<Span> {
    let bad = || Error::BadDate {
        flag,
        input: input.to_string(),
    };
    let s = input.trim();
    let (date_part, time_part) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let nums: Vec<&str> = date_part.split('-').collect();
    let num = |t: &str, len: usize| -> Option<u32> {
        (t.len() == len && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let year = nums.first().and_then(|y| num(y, 4)).ok_or_else(bad)? as i32;
    let month = match nums.get(1) {
        Some(m) => Some(
            num(m, 2)
                .and_then(|m| Month::try_from(m as u8).ok())
                .ok_or_else(bad)?,
        ),
        None => None,
    };
    let day = match nums.get(2) {
        Some(d) => Some(num(d, 2).ok_or_else(bad)? as u8),
        None => None,
    };
    if nums.len() > 3 || (time_part.is_some() && day.is_none()) {
        return Err(bad());
    }
    let utc = |d: Date| PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_utc();
    // The end of a span in the last year the calendar holds (9999) is past it: the last
    // instant it holds instead.
    let end_at = |d: Option<Date>| d.map_or(PrimitiveDateTime::MAX.assume_utc(), utc);
    let span = match (month, day, time_part) {
        (None, _, _) => {
            let start = Date::from_calendar_date(year, Month::January, 1).map_err(|_| bad())?;
            let end = Date::from_calendar_date(year + 1, Month::January, 1).ok();
            Span {
                start: utc(start),
                end: end_at(end),
            }
        }
        (Some(m), None, _) => {
            let start = Date::from_calendar_date(year, m, 1).map_err(|_| bad())?;
            let (ny, nm) = if m == Month::December {
                (year + 1, Month::January)
            } else {
                (year, m.next())
            };
            let end = Date::from_calendar_date(ny, nm, 1).ok();
            Span {
                start: utc(start),
                end: end_at(end),
            }
        }
        (Some(m), Some(d), None) => {
            let start = Date::from_calendar_date(year, m, d).map_err(|_| bad())?;
            Span {
                start: utc(start),
                end: end_at(start.next_day()),
            }
        }
        (Some(m), Some(d), Some(t)) => {
            let date = Date::from_calendar_date(year, m, d).map_err(|_| bad())?;
            // The offset only checks the value; the clock is what articles are dated by.
            let (time, _offset) = parse_time(t).ok_or_else(bad)?;
            let at = PrimitiveDateTime::new(date, time).assume_utc();
            Span {
                start: at,
                end: at + time::Duration::SECOND,
            }
        }
    };
    Ok(span)
}

/// A date bound as the user gave it, for messages: the flag and what followed it
/// (`--from 2014-02`; `--since 5y (2021-03-01)`, as a relative age means little alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub described: String,
    pub span: Span,
}

impl Bound {
    /// `--from`/`--to INPUT`, parsed.
    pub fn parse(flag: &'static str, input: &str) -> Result<Bound> {
        Ok(Bound {
            described: format!("{flag} {}", input.trim()),
            span: parse_span(flag, input)?,
        })
    }

    /// `--since AGE` (`flag` as it was typed), counted back from `now`.
    pub fn since(flag: &'static str, input: &str, now: OffsetDateTime) -> Result<Bound> {
        let start = since(flag, input, now)?;
        Ok(Bound {
            described: format!("{flag} {} ({})", input.trim(), start.date()),
            span: Span { start, end: start },
        })
    }
}

/// What the three bounds of a date range are called where the user typed them, for
/// messages: flags on the command line, parameters in a URL.
#[derive(Debug, Clone, Copy)]
pub struct BoundNames {
    pub from: &'static str,
    pub to: &'static str,
    pub since: &'static str,
}

/// The command line's `--from`, `--to` and `--since`.
pub const FLAGS: BoundNames = BoundNames {
    from: "--from",
    to: "--to",
    since: "--since",
};

/// The HTTP API's `from=`, `to=` and `since=`.
pub const PARAMS: BoundNames = BoundNames {
    from: "from",
    to: "to",
    since: "since",
};

/// The date range of `from`, `to` and `since` (an age counted back from `now`): both ends
/// inclusive, the later of `from` and `since` bounding the start. Refuses a range that
/// ends before it starts, naming the bounds as `names` calls them.
pub fn date_range(
    names: &BoundNames,
    from: Option<&str>,
    to: Option<&str>,
    since: Option<&str>,
    now: OffsetDateTime,
) -> Result<(Option<Span>, Option<Span>)> {
    let mut from = from.map(|s| Bound::parse(names.from, s)).transpose()?;
    if let Some(since) = since {
        let since = Bound::since(names.since, since, now)?;
        if from
            .as_ref()
            .is_none_or(|f| f.span.start < since.span.start)
        {
            from = Some(since);
        }
    }
    let to = to.map(|s| Bound::parse(names.to, s)).transpose()?;
    check_range(from.as_ref(), to.as_ref())?;
    Ok((from.map(|b| b.span), to.map(|b| b.span)))
}

/// Refuses a range that cannot hold any date, naming the bounds as the user gave them.
pub fn check_range(from: Option<&Bound>, to: Option<&Bound>) -> Result<()> {
    match (from, to) {
        (Some(f), Some(t)) if f.span.start >= t.span.end => Err(Error::EmptyRange {
            from: f.described.clone(),
            to: t.described.clone(),
        }),
        _ => Ok(()),
    }
}

/// `N` + unit (d, w, m, y) as used by `--since` and `--half-life`.
fn parse_age(input: &str) -> Option<(i64, char)> {
    let s = input.trim();
    let unit = s.chars().last()?.to_ascii_lowercase();
    let n: i64 = s[..s.len() - unit.len_utf8()].trim().parse().ok()?;
    (n > 0 && n < 100_000 && matches!(unit, 'd' | 'w' | 'm' | 'y')).then_some((n, unit))
}

/// The start of `--since AGE` (`flag` as typed): `now` minus N days, weeks, calendar
/// months or years.
pub fn since(flag: &'static str, input: &str, now: OffsetDateTime) -> Result<OffsetDateTime> {
    let bad = || Error::BadAge {
        flag,
        input: input.to_string(),
    };
    let (n, unit) = parse_age(input).ok_or_else(bad)?;
    let date = now.date();
    let start = match unit {
        'd' => date.checked_sub(time::Duration::days(n)),
        'w' => date.checked_sub(time::Duration::weeks(n)),
        'm' | 'y' => {
            let months = if unit == 'y' { n * 12 } else { n };
            let total = i64::from(date.year()) * 12 + i64::from(date.month() as u8) - 1 - months;
            let year = i32::try_from(total.div_euclid(12)).map_err(|_| bad())?;
            let month = Month::try_from((total.rem_euclid(12) + 1) as u8).map_err(|_| bad())?;
            let last = month.length(year);
            Date::from_calendar_date(year, month, date.day().min(last)).ok()
        }
        _ => None,
    }
    .ok_or_else(bad)?;
    Ok(PrimitiveDateTime::new(start, Time::MIDNIGHT).assume_utc())
}

/// An age such as `30d` or `1y` in seconds (a month is 30 days, a year 365).
pub fn duration_secs(flag: &'static str, input: &str) -> Result<f64> {
    let (n, unit) = parse_age(input).ok_or_else(|| Error::BadAge {
        flag,
        input: input.to_string(),
    })?;
    let days = match unit {
        'd' => 1,
        'w' => 7,
        'm' => 30,
        _ => 365,
    };
    Ok((n * days * 86_400) as f64)
}

/// `HH:MM[:SS[.fff]][Z|±HH:MM]`
fn parse_time(t: &str) -> Option<(Time, UtcOffset)> {
    let (clock, offset) = if let Some(c) = t.strip_suffix(['Z', 'z']) {
        (c, UtcOffset::UTC)
    } else if let Some(i) = t.rfind(['+', '-']) {
        let (sign, rest) = (if &t[i..i + 1] == "-" { -1 } else { 1 }, &t[i + 1..]);
        let (h, m) = rest.split_once(':').unwrap_or((rest, "00"));
        let h: i8 = h.parse().ok()?;
        let m: i8 = m.parse().ok()?;
        (&t[..i], UtcOffset::from_hms(sign * h, sign * m, 0).ok()?)
    } else {
        (t, UtcOffset::UTC)
    };
    let mut parts = clock.split(':');
    let h: u8 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let s: u8 = match parts.next() {
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((Time::from_hms(h, m, s).ok()?, offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::rfc3339;

    fn span(s: &str) -> (String, String) {
        let sp = parse_span("--from", s).unwrap();
        (rfc3339(sp.start), rfc3339(sp.end))
    }

    #[test]
    fn partial_dates_name_whole_spans() {
        assert_eq!(
            span("2014"),
            ("2014-01-01T00:00:00Z".into(), "2015-01-01T00:00:00Z".into())
        );
        assert_eq!(
            span("2014-12"),
            ("2014-12-01T00:00:00Z".into(), "2015-01-01T00:00:00Z".into())
        );
        assert_eq!(
            span("2014-02"),
            ("2014-02-01T00:00:00Z".into(), "2014-03-01T00:00:00Z".into())
        );
        assert_eq!(
            span("2014-01-31"),
            ("2014-01-31T00:00:00Z".into(), "2014-02-01T00:00:00Z".into())
        );
    }

    #[test]
    fn rfc3339_times_are_read_on_the_articles_clocks() {
        // The offset is set aside: 05:30 is the clock an article of that minute shows.
        assert_eq!(
            span("2014-01-22T05:30:00+08:00"),
            ("2014-01-22T05:30:00Z".into(), "2014-01-22T05:30:01Z".into())
        );
        assert_eq!(span("2014-01-22T05:30:00Z").0, "2014-01-22T05:30:00Z");
        assert_eq!(span("2014-01-22 05:30").0, "2014-01-22T05:30:00Z");
    }

    #[test]
    fn since_counts_back_from_today() {
        let now = PrimitiveDateTime::new(
            Date::from_calendar_date(2024, Month::March, 31).unwrap(),
            Time::from_hms(15, 0, 0).unwrap(),
        )
        .assume_utc();
        assert_eq!(
            rfc3339(since("--since", "30d", now).unwrap()),
            "2024-03-01T00:00:00Z"
        );
        assert_eq!(
            rfc3339(since("--since", "1w", now).unwrap()),
            "2024-03-24T00:00:00Z"
        );
        assert_eq!(
            rfc3339(since("--since", "1m", now).unwrap()),
            "2024-02-29T00:00:00Z"
        );
        assert_eq!(
            rfc3339(since("--since", "2y", now).unwrap()),
            "2022-03-31T00:00:00Z"
        );
        assert_eq!(
            rfc3339(since("--since", "14m", now).unwrap()),
            "2023-01-31T00:00:00Z"
        );
        for bad in ["", "d", "30", "-3d", "3x", "1.5y"] {
            assert!(since("--since", bad, now).is_err(), "{bad}");
        }
        assert_eq!(duration_secs("--half-life", "2w").unwrap(), 14.0 * 86_400.0);
    }

    #[test]
    fn empty_ranges_name_the_bounds_as_typed() {
        let from = Bound::parse("--from", "2014-02").unwrap();
        let to = Bound::parse("--to", "2014-01").unwrap();
        let e = check_range(Some(&from), Some(&to)).unwrap_err().to_string();
        assert_eq!(e, "empty date range: --from 2014-02 is after --to 2014-01");
        // The same month is all of it: not empty.
        let to = Bound::parse("--to", "2014-02").unwrap();
        assert!(check_range(Some(&from), Some(&to)).is_ok());
        assert!(check_range(Some(&from), None).is_ok());
        let now = PrimitiveDateTime::new(
            Date::from_calendar_date(2024, Month::March, 31).unwrap(),
            Time::MIDNIGHT,
        )
        .assume_utc();
        let since = Bound::since("--since", "5y", now).unwrap();
        let to = Bound::parse("--to", "2015").unwrap();
        let e = check_range(Some(&since), Some(&to))
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "empty date range: --since 5y (2019-03-31) is after --to 2015"
        );
    }

    #[test]
    fn bad_dates_are_errors() {
        for s in [
            "",
            "14",
            "2014-13",
            "2014-02-30",
            "2014-1",
            "yesterday",
            "2014-01-01T25:00",
            "2014T05:00",
        ] {
            assert!(parse_span("--from", s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn the_last_year_of_the_calendar_is_a_date() {
        for s in ["9999", "9999-12", "9999-12-31"] {
            let span = parse_span("--to", s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(span.end, PrimitiveDateTime::MAX.assume_utc(), "{s}");
            assert!(span.start < span.end);
        }
    }
}
