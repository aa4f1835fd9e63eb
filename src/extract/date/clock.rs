//! The time of day and its zone: `5:30 pm`, `17h30`, `8h05`, `14:30 Uhr`, `noon`,
//! ISO-compact `191044` after a `T`, four digits before a zone (`1509GMT`, `1909 GMT`),
//! the words that link a time to its date, and zones as names (`CEST`, `GMT+1`, in small
//! letters only after `am`/`pm`: `10:18am ist`) or numeric offsets (`+08:00`).

use time::{Time, UtcOffset};

use super::names::{zone_minutes, TIME_INTRO};
use super::tokens::{Cur, Kind, Tok};
use crate::article::DatePrecision;

/// The time part, with the zone it was given in (if any).
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    pub(super) time: Time,
    pub(super) precision: DatePrecision,
    pub(super) offset: Option<UtcOffset>,
}

/// Something that reads as a time but cannot be one ("25:00"): the whole
/// date is rejected rather than silently losing its time.
pub(super) struct BadTime;

/// The time after a date, with whatever links them; restores `c` if absent.
pub(super) fn clock_after_date(c: &mut Cur) -> Result<Option<Clock>, BadTime> {
    let start = *c;
    let iso_t = c.at_iso_t();
    if iso_t {
        c.i += 1;
    } else {
        // Croatian and Serbian close the year with a dot: `3. ožujka 2021. u 10:47`; a
        // sentence's full stop before a number (`3 March 2020. 31:28`) is no link.
        let before_dot = *c;
        if c.glued_punct(&['.']).is_some()
            && !c
                .peek()
                .is_some_and(|t| TIME_INTRO.contains(&t.lower.as_str()))
        {
            *c = before_dot;
        }
        for _ in 0..3 {
            let linked =
                c.punct(&[',', '-', '|', '@', '–', '—', '·', '•']).is_some() || c.word(TIME_INTRO);
            if !linked {
                break;
            }
        }
    }
    let found = clock(c, iso_t)?;
    if found.is_none() {
        *c = start;
    }
    Ok(found)
}

/// `5:30`, `05:30:00.79`, `5:30 pm`, `5:30 p.m.`, `17h30`, `14 Uhr`, `10.15 uur`, `09.34`,
/// `noon`, ISO-compact `191044` after a `T`; then an optional zone.
pub(super) fn clock(c: &mut Cur, after_t: bool) -> Result<Option<Clock>, BadTime> {
    let start = *c;
    let named = |t: &Tok| matches!(t.lower.as_str(), "noon" | "midday" | "midnight");
    if let Some(t) = c.take(named) {
        let hour = if t.lower == "midnight" { 0 } else { 12 };
        return checked_clock(c, hour, 0, None, false).map(Some);
    }
    let compact_len = c
        .peek()
        .filter(|t| t.kind == Kind::Num)
        .map_or(0, |t| t.raw.len());
    // "1509GMT" (AP's ANPA trailer): four digits glued to a zone are HHMM.
    let glued_zone = c
        .toks
        .get(c.i + 1)
        .is_some_and(|t| !t.spaced && t.kind == Kind::Word && is_zone_name(t));
    if (after_t && (compact_len == 4 || compact_len == 6)) || (compact_len == 4 && glued_zone) {
        let Some(v) = c.num(4, 6) else {
            return Ok(None);
        };
        let (h, m, s) = if compact_len == 6 {
            (v / 10_000, v / 100 % 100, Some(v % 100))
        } else {
            (v / 100, v % 100, None)
        };
        skip_fraction(c, s.is_some());
        return checked_clock(c, h, m, s, false).map(Some);
    }
    let Some(hour) = c.num(1, 2) else {
        *c = start;
        return Ok(None);
    };
    let mut minute = None;
    let mut second = None;
    let mut dotted = false;
    let mut marked = false;
    let before_sep = *c;
    if let Some(sep) = c.glued_punct(&[':', '.']) {
        match c.glued_num(2, 2) {
            Some(m) => {
                minute = Some(m);
                dotted = sep == '.';
                let before_sec = *c;
                if c.glued_punct(&[':', '.']).is_some() {
                    second = c.glued_num(2, 2);
                    if second.is_none() {
                        *c = before_sec;
                    }
                }
            }
            None => *c = before_sep,
        }
    } else if c.word(&["h"]) {
        marked = true;
        minute = c.num(2, 2);
    }
    skip_fraction(c, second.is_some());
    let pm = meridiem(c);
    marked |= c.word(&["uhr", "uur", "h", "hrs"]);
    if minute.is_none() && pm.is_none() && !marked {
        *c = start;
        return Ok(None);
    }
    let hour = match pm {
        None => Some(hour),
        Some(pm) => match hour {
            1..=11 => Some(hour + if pm { 12 } else { 0 }),
            12 => Some(if pm { 12 } else { 0 }),
            0 if !pm => Some(0),
            13..=23 if pm => Some(hour),
            _ => None,
        },
    };
    let checked = hour
        .ok_or(BadTime)
        .and_then(|h| checked_clock(c, h, minute.unwrap_or(0), second, pm.is_some()));
    match checked {
        // "12.5 million" after a date is a number, not a bad time.
        Err(BadTime) if dotted => {
            *c = start;
            Ok(None)
        }
        other => other.map(Some),
    }
}

/// A time that comes before its date: [`clock`], or four digits standing apart from a
/// zone, as CNN prints `1909 GMT (0309 HKT) November 18, 2019`. After a date such
/// digits stay a number ("11-13-13 1509 GMT"); before one, the date must still follow.
pub(super) fn clock_before_date(c: &mut Cur) -> Option<Clock> {
    let start = *c;
    let spaced_zone = c
        .peek()
        .is_some_and(|t| t.kind == Kind::Num && t.raw.len() == 4)
        && c.toks
            .get(c.i + 1)
            .is_some_and(|t| t.spaced && t.kind == Kind::Word && is_zone_name(t));
    if spaced_zone {
        let v = c.num(4, 4)?;
        if let Ok(found) = checked_clock(c, v / 100, v % 100, None, false) {
            return Some(found);
        }
        *c = start;
        return None;
    }
    clock(c, false).ok()?
}

/// Checks the fields and reads the zone that may follow; after an English `am`/`pm`
/// (`meridiem`) also a zone in small letters (`10:18am ist`, `5:30 pm est`).
fn checked_clock(
    c: &mut Cur,
    h: u32,
    m: u32,
    s: Option<u32>,
    meridiem: bool,
) -> Result<Clock, BadTime> {
    let field = |v: u32| u8::try_from(v).map_err(|_| BadTime);
    let time = Time::from_hms(field(h)?, field(m)?, field(s.unwrap_or(0))?).map_err(|_| BadTime)?;
    let precision = match s {
        Some(_) => DatePrecision::Second,
        None => DatePrecision::Minute,
    };
    Ok(Clock {
        time,
        precision,
        offset: zone(c).or_else(|| meridiem.then(|| small_zone(c)).flatten()),
    })
}

/// A zone written in small letters right after `am`/`pm`, as text dumps and careless
/// pages print it (`10:18am ist`). Two-letter names (`et`, `pt`) and "west" stay prose.
fn small_zone(c: &mut Cur) -> Option<UtcOffset> {
    let t = c.peek().filter(|t| {
        t.kind == Kind::Word
            && t.raw.len() >= 3
            && t.lower != "west"
            && t.raw.bytes().all(|b| b.is_ascii_lowercase())
    })?;
    let minutes = zone_minutes(t.raw)?;
    c.i += 1;
    UtcOffset::from_whole_seconds(minutes * 60).ok()
}

fn skip_fraction(c: &mut Cur, has_seconds: bool) {
    let mut probe = *c;
    if has_seconds && probe.glued_punct(&['.', ',']).is_some() && probe.glued_num(1, 9).is_some() {
        *c = probe;
    }
}

/// `am`, `PM`, `a.m.`, `p.m`, and Spanish `p. m.` (spaced, both stops written);
/// Some(true) for afternoon.
fn meridiem(c: &mut Cur) -> Option<bool> {
    if c.word(&["am"]) {
        return Some(false);
    }
    if c.word(&["pm"]) {
        return Some(true);
    }
    let mut probe = *c;
    let pm = probe.take(|t| t.lower == "a" || t.lower == "p")?.lower == "p";
    probe.glued_punct(&['.'])?;
    let glued = probe.peek_glued().is_some();
    probe.take(|t| t.lower == "m")?;
    let stop = probe.glued_punct(&['.']).is_some();
    if !glued && !stop {
        return None;
    }
    *c = probe;
    Some(pm)
}

/// `Z`, `+08:00`, `-0500`, `GMT`, `GMT+1`, `UTC+05:30`, `CEST`, …
pub(super) fn zone(c: &mut Cur) -> Option<UtcOffset> {
    let base = c
        .peek()
        .filter(|t| t.kind == Kind::Word && written_as_zone(t))
        .and_then(|t| zone_minutes(t.raw));
    if base.is_some() {
        c.i += 1;
    }
    // "GMT+1" must be glued; a bare offset may stand apart ("14:05:00 +0100").
    let signed = if base.is_none() || c.peek_glued().is_some() {
        signed_offset(c, base.is_some())
    } else {
        None
    };
    UtcOffset::from_whole_seconds(signed.or(base)? * 60).ok()
}

/// Zone names are taken in capitals only (French "et" is not Eastern time), except
/// UTC, GMT and a glued `z`.
fn written_as_zone(t: &Tok) -> bool {
    t.raw.bytes().all(|b| b.is_ascii_uppercase())
        || t.lower == "utc"
        || t.lower == "gmt"
        || (t.lower == "z" && !t.spaced)
}

/// A word that `zone` would read as a zone name.
fn is_zone_name(t: &Tok) -> bool {
    written_as_zone(t) && zone_minutes(t.raw).is_some()
}

/// `+0100`, `+08:00`, `-05`, and after a zone name also `+1`; in minutes.
fn signed_offset(c: &mut Cur, after_name: bool) -> Option<i32> {
    let mut probe = *c;
    let sign = match probe.punct(&['+', '-', '−'])? {
        '+' => 1,
        _ => -1,
    };
    let len = probe
        .peek_glued()
        .filter(|t| t.kind == Kind::Num)?
        .raw
        .len();
    let v = probe.glued_num(1, 4)?;
    let (h, m) = match len {
        4 => (v / 100, v % 100),
        1 if !after_name => return None,
        1 | 2 => {
            let mut minutes = probe;
            let m = minutes
                .glued_punct(&[':'])
                .and_then(|_| minutes.glued_num(2, 2));
            if m.is_some() {
                probe = minutes;
            }
            (v, m.unwrap_or(0))
        }
        _ => return None,
    };
    // Real offsets run from -12:00 to +14:00; "12:00-14:00" is a range.
    if h > if sign > 0 { 14 } else { 12 } || m > 59 {
        return None;
    }
    *c = probe;
    Some(sign * (h * 60 + m) as i32)
}
