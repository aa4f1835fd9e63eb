//! The calendar part of a date, in every shape it is written: year first (`2014-01-22`),
//! compact (`20151210`), all-numeric with the day/month order worked out (`22.01.2014`,
//! `01/22/2014`), and with a month name, day first or month first (`22 Jan 2014`,
//! `January 22, 2014`, `3 de marzo de 2019`, `27 de junho de 2019`), and the CJK
//! `2019年11月20日`, and Russian `1 января 2020 г.`. Also two-digit years and the reading context (`Ctx`) the shapes
//! share.

use super::names::ORDINALS;
use super::tokens::{Cur, Kind};
use crate::article::DatePrecision;

/// What the shapes need to know about the call: the current year (two-digit years and
/// the plausibility window) and whether the text is meant to be a date as a whole.
pub(super) struct Ctx {
    pub(super) now_year: i32,
    /// Called from `parse_date`: partial dates and a bare compact date count.
    pub(super) whole: bool,
}

/// The calendar part; `precision` is Year, Month or Day.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ymd {
    pub(super) year: i32,
    pub(super) month: u32,
    pub(super) day: u32,
    pub(super) precision: DatePrecision,
}

impl Ymd {
    pub(super) fn day(year: i32, month: u32, day: u32) -> Self {
        let precision = DatePrecision::Day;
        Ymd {
            year,
            month,
            day,
            precision,
        }
    }

    pub(super) fn month(year: i32, month: u32) -> Self {
        let precision = DatePrecision::Month;
        Ymd {
            year,
            month,
            day: 1,
            precision,
        }
    }
}

pub(super) fn calendar<'t, 'a>(mut c: Cur<'t, 'a>, ctx: &Ctx) -> Option<(Ymd, Cur<'t, 'a>)> {
    let t = c.peek()?;
    let ymd = match (t.kind, t.raw.len()) {
        (Kind::Num, 4) => year_first(&mut c, ctx),
        (Kind::Num, 8) => compact(&mut c, ctx),
        (Kind::Num, 1..=2) => {
            let start = c;
            numeric(&mut c, ctx).or_else(|| {
                c = start;
                day_month_name(&mut c, ctx)
            })
        }
        (Kind::Word, _) => month_first(&mut c, ctx),
        _ => None,
    }?;
    Some((ymd, c))
}

/// `2014`, `2014-01`, `2014-01-22` (also with `/` or `.`), and the CJK
/// `2019年11月20日` / `2019년 11월 20일`.
fn year_first(c: &mut Cur, ctx: &Ctx) -> Option<Ymd> {
    let year = c.num(4, 4)? as i32;
    let after_year = *c;
    if let Some(ymd) = cjk_after_year(c, year, ctx) {
        return Some(ymd);
    }
    *c = after_year;
    if let Some(ymd) = hungarian_after_year(c, year) {
        return Some(ymd);
    }
    *c = after_year;
    if let Some(sep) = c.glued_punct(&['-', '/', '.']) {
        if let Some(month) = c.glued_num(1, 2) {
            let after_month = *c;
            if c.glued_punct(&[sep]).is_some() {
                if let Some(day) = c.glued_num(1, 2) {
                    return (!c.continues_number()).then_some(Ymd::day(year, month, day));
                }
            }
            *c = after_month;
            if c.continues_number() {
                return None;
            }
            return Some(Ymd::month(year, month));
        }
    }
    *c = after_year;
    let precision = DatePrecision::Year;
    Some(Ymd {
        precision,
        ..Ymd::month(year, 1)
    })
}

/// The rest of Hungarian `2021. március 3.` or `2019. nov. 20.`, the year already read:
/// a dot glued to the year, a month name in lower case, the day and its dot (a sentence
/// ending on a year and the next opening on a month, `in 2019. May 20 people …`, is no
/// date).
fn hungarian_after_year(c: &mut Cur, year: i32) -> Option<Ymd> {
    c.glued_punct(&['.'])?;
    if !c.peek()?.raw.starts_with(char::is_lowercase) {
        return None;
    }
    let month = month_name(c)?;
    let day = c.num(1, 2)?;
    c.glued_punct(&['.'])?;
    (!c.continues_number()).then_some(Ymd::day(year, month, day))
}

/// The rest of `2019年11月20日` (Chinese, Japanese) or `2019년 11월 20일` (Korean), the
/// year already read: month and day numbers each followed by their marker, with or
/// without spaces. Text may follow the day marker in the same word (`20日电`, "20th,
/// by wire"); `2019年11月` (Month precision) is taken only by `parse_date`.
fn cjk_after_year(c: &mut Cur, year: i32, ctx: &Ctx) -> Option<Ymd> {
    const MARKERS: [[&str; 3]; 2] = [["年", "月", "日"], ["년", "월", "일"]];
    let marker = |c: &mut Cur, m: &str, exact: bool| {
        c.take(|t| {
            t.kind == Kind::Word
                && if exact {
                    t.raw == m
                } else {
                    t.raw.starts_with(m)
                }
        })
        .is_some()
    };
    let [_, m, d] = MARKERS.into_iter().find(|[y, _, _]| marker(c, y, true))?;
    let month = c.num(1, 2)?;
    if !marker(c, m, true) {
        return None;
    }
    let before_day = *c;
    if let Some(day) = c.num(1, 2) {
        if marker(c, d, false) {
            return Some(Ymd::day(year, month, day));
        }
    }
    *c = before_day;
    ctx.whole.then_some(Ymd::month(year, month))
}

/// `20151210`; in running text only with a `T` time, since a bare
/// eight-digit number there is more likely an id than a date.
fn compact(c: &mut Cur, ctx: &Ctx) -> Option<Ymd> {
    let v = c.num(8, 8)?;
    if !ctx.whole {
        c.at_iso_t().then_some(())?;
    }
    Some(Ymd::day((v / 10_000) as i32, v / 100 % 100, v % 100))
}

/// `22.01.2014`, `01/22/2014`, `1/22/14`, `22-01-2014`.
fn numeric(c: &mut Cur, ctx: &Ctx) -> Option<Ymd> {
    let short = |c: &Cur| c.peek().is_some_and(|t| t.raw.len() < 2);
    let short_a = short(c);
    let a = c.num(1, 2)?;
    let sep = c.glued_punct(&['.', '/', '-'])?;
    let short_b = short(c);
    let b = c.glued_num(1, 2)?;
    c.glued_punct(&[sep])?;
    let y_len = c.peek_glued()?.raw.len();
    let y = c.glued_num(2, 4).filter(|_| y_len != 3)?;
    // "1.2.33" is far more often a version number than a date.
    let version_like = sep == '.' && y_len == 2 && (short_a || short_b);
    if version_like || c.continues_number() {
        return None;
    }
    let year = if y_len == 2 {
        expand_year(y, ctx.now_year)?
    } else {
        y as i32
    };
    let (day, month) = if sep == '.' { (a, b) } else { (b, a) };
    let (day, month) = if month > 12 {
        (month, day)
    } else {
        (day, month)
    };
    Some(Ymd::day(year, month, day))
}

/// `22 Jan 2014`, `3. März 2019`, `1er janvier 2020`, `3 de marzo de 2019`,
/// `22nd of January 2014`, `26-FEB-1987`.
fn day_month_name(c: &mut Cur, ctx: &Ctx) -> Option<Ymd> {
    let day = c.num(1, 2)?;
    ordinal_suffix(c);
    let mut dotted = false;
    for _ in 0..2 {
        match c.punct(&['.', '-', '/']) {
            Some(p) => dotted |= p == '.',
            None => break,
        }
    }
    if !c.word(&["of", "de"]) {
        // Catalan elides the article before a vowel: `17 d'octubre de 2023`.
        let before = *c;
        if !(c.word(&["d"]) && c.punct(&['\'', '’']).is_some()) {
            *c = before;
        }
    }
    let listopad = dotted
        && c.peek()
            .is_some_and(|t| LISTOPAD.contains(&t.lower.as_str()));
    let month = month_name(c)?;
    for _ in 0..2 {
        if c.punct(&[',', '-', '/', '.']).is_none() {
            break;
        }
    }
    c.word(&["de", "del"]);
    let before_year = *c;
    let year = year_after_name(c, ctx).or_else(|| {
        *c = before_year;
        year_before_clock(c, ctx)
    })?;
    year_word(c);
    let croatian_october = listopad && c.peek_glued().is_some_and(|t| t.kind == Kind::Punct('.'));
    let month = if croatian_october { 10 } else { month };
    Some(Ymd::day(year, month, day))
}

/// "listopad" is November in Polish and Czech but October in Croatian, which writes a
/// dot after both the day and the year (`3. listopada 2021.`; Polish `3 listopada 2021`
/// or `11. listopada 1918 r.`, Czech `3. listopadu 2021`).
const LISTOPAD: [&str; 2] = ["listopad", "listopada"];

/// `January 22, 2014`, `Sept. 3, 2019`, and in `parse_date` `March 2019`.
fn month_first(c: &mut Cur, ctx: &Ctx) -> Option<Ymd> {
    let month = month_name(c)?;
    c.punct(&[',']);
    let before_year = *c;
    c.word(&["de", "del"]);
    if let Some(year) = c.num(4, 4) {
        year_word(c);
        return (!c.continues_number()).then_some(Ymd::month(year as i32, month));
    }
    *c = before_year;
    let day = c.num(1, 2)?;
    ordinal_suffix(c);
    c.punct(&[',']);
    let year = year_after_name(c, ctx)?;
    year_word(c);
    Some(Ymd::day(year, month, day))
}

/// Russian writes "year" after it: `1 января 2020 г.`, `20 ноября 2019 года`.
fn year_word(c: &mut Cur) {
    if c.word(&["г", "года", "год"]) {
        c.glued_punct(&['.']);
    }
}

/// A four-digit year, or a two-digit one marked as such: `'14`, `26-FEB-87`.
fn year_after_name(c: &mut Cur, ctx: &Ctx) -> Option<i32> {
    let after_dash =
        c.i.checked_sub(1)
            .and_then(|p| c.toks.get(p))
            .is_some_and(|t| matches!(t.kind, Kind::Punct('-' | '/')));
    let year = match c.num(4, 4) {
        Some(y) => y as i32,
        None => {
            if !after_dash {
                c.punct(&['\'', '’'])?;
            }
            expand_year(c.glued_num(2, 2)?, ctx.now_year)?
        }
    };
    (!c.continues_number() || glued_count(*c)).then_some(year)
}

/// Text dumps glue what followed a date's year to it: `October 12, 2018/0 Comments`. A
/// slash, a short number, then a word or the end is such a count, not more of a date
/// (`2018/01/02` still is).
fn glued_count(mut c: Cur) -> bool {
    c.glued_punct(&['/']).is_some()
        && c.glued_num(1, 3).is_some()
        && c.peek()
            .is_none_or(|t| t.kind == Kind::Word || (t.spaced && t.kind != Kind::Num))
}

/// `7 Oct 15 13:41`: a bare two-digit year after a month name, taken only when an
/// `HH:MM` time follows ("on 7 Oct 15 people were hurt" is prose).
fn year_before_clock(c: &mut Cur, ctx: &Ctx) -> Option<i32> {
    let yy = c.num(2, 2)?;
    let mut probe = *c;
    probe.num(1, 2)?;
    probe.glued_punct(&[':'])?;
    probe.glued_num(2, 2)?;
    expand_year(yy, ctx.now_year)
}

/// `1st`, `1er`, `1º`, and the degree sign Italian writes for `1°`.
fn ordinal_suffix(c: &mut Cur) {
    if c.peek_glued().is_some() && !c.word(ORDINALS) {
        c.glued_punct(&['°']);
    }
}

pub(super) fn month_name(c: &mut Cur) -> Option<u32> {
    let month = c.take(|t| t.month.is_some())?.month;
    c.glued_punct(&['.']);
    month
}

/// Two-digit years up to next year's belong to this century, the rest to the last.
pub(super) fn expand_year(yy: u32, now_year: i32) -> Option<i32> {
    let now = i64::from(now_year);
    let century = now.div_euclid(100) * 100;
    let yy = i64::from(yy);
    let year = if yy <= now.rem_euclid(100) + 1 {
        century + yy
    } else {
        century - 100 + yy
    };
    i32::try_from(year).ok()
}
