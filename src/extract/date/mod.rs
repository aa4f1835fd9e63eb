//! Free-form article dates: this module owns recognising the date shapes found
//! in real news text (bylines, datelines, `<DATE>` fields, meta tags) and
//! normalising them to UTC. Nothing else in the crate should parse dates.
//!
//! Accepted shapes, with labels and weekday names skipped. Labels, among them:
//! "Published (on)", "Posted on", "Updated", "Last updated", "First
//! published", "Veröffentlicht am", "Aktualisiert am", "Stand:", "Publié le", "Mis à
//! jour le", "Publicado el", "Actualizado", "Pubblicato il", "Aggiornato il", "Ultimo
//! aggiornamento", "Gepubliceerd op", "Bijgewerkt op", "Publicado em", "Atualizado em",
//! "Опубликовано", "Обновлено", "Diterbitkan (pada)", "Diperbarui (pada)", "Publikováno",
//! "Julkaistu", "Güncellendi", "Frissítve".
//! Weekdays in the languages of the month names, full or short, with or without accents
//! and dots
//! (`Wed`, `Mittwoch`, `mer.`, `mercoledì`, `woensdag`, `wo`, `quarta-feira`, `qua`,
//! `среда`, `ср`, `Rabu`); Italian `mar` is read as March first, as martedì when
//! March gives no date.
//!
//! Text is read after making full-width forms ASCII (`２０１９年１１月２０日`,
//! `１０：１５`), so CJK pages' digits count.
//! - ISO 8601 / RFC 3339: `2014-01-22`, `2014-01-22 05:30`,
//!   `2014-01-22T05:30:00+08:00`, compact `20151210T191044Z`.
//! - RFC 2822: `Tue, 03 Mar 2019 14:05:00 +0100`.
//! - Named months (English, German, French, Spanish, Italian, Dutch, Portuguese, the
//!   Scandinavian languages, Catalan, Romanian, Turkish, Hungarian, Estonian; Polish,
//!   Czech, Slovak, Croatian, Serbian, Slovenian, Finnish, Greek, Bulgarian, Ukrainian
//!   and Russian in the genitive and nominative; Indonesian; any case; accents
//!   optional; trailing dot allowed, also after the year: `3. ožujka 2021. u 10:47`),
//!   day first or month first, and Hungarian year first (`2021. március 3.`):
//!   `22 Jan 2014`, `January 22, 2014`, `Sept. 3, 2019`, `3. März 2019`,
//!   `1er janvier 2020`, `3 de marzo de 2019`, `27 giugno 2019`, `1° gennaio 2020`,
//!   `2 mrt. 2019`, `22 de outubro de 2010`, Reuters `26-FEB-1987`,
//!   `24 сентября 2018`, `1 января 2020 г.` (the "г."/"года" after the year is part
//!   of the date), `17 Agustus 2019`, `5 Maret 2019`.
//!   Text dumps glue a count after the year (`October 12, 2018/0 Comments`): a slash,
//!   up to three digits and then a word or the end do not stop the date.
//! - CJK year, month, day with their markers: `2019年11月20日`, `2021년 3월 9일`
//!   (spaces optional; a number glued to a Chinese word may start one, as in
//!   `北京2019年11月20日电`).
//! - All-numeric: `22.01.2014`, `01/22/2014`, `1/22/14`.
//! - A time after the date (`5:30 pm`, `5:30 p.m.`, `17:30`, `17h30`, `8h05`,
//!   `14:30 Uhr`, `10.15 uur`, `09.34`, `noon`, and four digits glued to a zone,
//!   `1509GMT`; introduced by "at", "um", "à", "a las", "alle (ore)", "om", "às", "в",
//!   "pukul", "kl", "klo", "v", "saat", "ora", a comma, dash or bar …: `segunda-feira, 22 de janeiro de 2018 às 0:13`,
//!   `20 novembre 2019 à 8h05`, `20 ноября 2019, 10:15`) or before it
//!   (`1:03 PM ET, Wed January 22, 2014`, `Updated 1:39 am EST, Wednesday, November
//!   20, 2019`, and CNN's `1909 GMT (0309 HKT) November 18, 2019`: before a date, four
//!   digits spaced from a zone are HHMM, and the same time in a second zone in
//!   brackets is skipped), then an optional zone.
//!   Fractions of a second are dropped. Text dumps of web pages glue a year to its
//!   time and a zone to the next label (`Nov 19 20197:05 AM ESTUpdated`); both are
//!   read as if spaced.
//! - C's `asctime` and Unix `date` output: `Wed Nov 20 15:23:00 2019`, `Wed Nov 20
//!   15:23:00 UTC 2019` (month, day, time and zone, then the year).
//! - Wire trailers: ANPA-1312 `11-13-13 1509GMT` (the numeric date above with a
//!   glued `HHMM`) and the IPTC 7901 stamp `131137 GMT Nov 13` (day, hour and
//!   minute as six digits, zone, month name, two-digit year). [`find_date`]
//!   takes the stamp only with its zone; [`parse_date`] also without
//!   (`211259 Nov 18`).
//! - [`parse_whole_date`]: a [`parse_date`] that refuses text after the date, for
//!   dates shown on web pages.
//! - [`parse_date`] only: `2014-01`, `March 2019` and `2019年11月` (Month
//!   precision), `2014` (Year), and a bare compact `20151210`. [`find_date`] and the
//!   other `find_` functions need a day, month and year, so numbers in prose ("born
//!   in 1987", "the 2014 World Cup") never count as dates. A day and month without a
//!   year (`Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM`) is no date anywhere
//!   here: the year is not guessed. A shape that could be a bare year or a time
//!   before a date ("1909 GMT …") is read as the time when a full date follows.
//!
//! What a label says: [`label_kind`] tells whether the first date of a text is labelled
//! as the publication ([`DateLabel::Published`]) or as an update
//! ([`DateLabel::Updated`]; "Stand:" counts as an update), [`find_labeled_dates`] gives
//! every date of a line with its label, and [`find_preferred_date`] the first one not
//! labelled as an update, since callers prefer the publication date.
//!
//! Numeric order: dots are day-first (European); slashes and dashes are
//! month-first (US; TIME magazine's `01/04/63` is 1963-01-04, whatever language the
//! label is in) unless that would make the month larger than 12, in which case the
//! other order is used
//! (`22/01/2014` is 22 January). Two-digit years are 20yy up to next year's yy,
//! otherwise 19yy. A dotted date with a two-digit year needs two-digit day and
//! month (`22.01.14`), since `1.2.33` is a version number. After a month name a
//! bare two-digit year counts only when a clock time follows (`7 Oct 15 13:41
//! GMT`), since "on 7 Oct 15 people" is prose.
//!
//! Time zones: numeric offsets (`Z`, `+08:00`, `+0800`, `GMT+1`) and the
//! abbreviations in `names::ZONES` are converted to UTC. Abbreviations are fixed
//! offsets: the US generic `ET`/`CT`/`MT`/`PT` are read as standard time (ET is
//! always -05:00), `CST` is US Central, `IST` is India and `WIB`/`WITA`/`WIT` are
//! Indonesia's three. Apart from UTC/GMT they must be written in capitals, so that
//! French "et" is not Eastern time (`10h et`), except directly after an English
//! `am`/`pm`, where a name of three letters or more may be small (`10:18am ist`,
//! `5:30 pm est`; not `et`, not "west").
//! **A time without a zone is taken as UTC**: archives rarely say which zone
//! their bare times are in, and one consistent rule beats guessing per
//! publisher. A zone after a date without a time is ignored (it cannot move a
//! day-precision date).
//!
//! Plausibility: years before 1800 and after next year are rejected (they are
//! placeholders such as `0001-01-01` or `9999-12-31`), as are impossible
//! calendar dates (Feb 30) and times (25:00). No function here panics on any
//! input; [`find_date`], [`label_kind`] and the other `find_` functions read only the
//! first 300 characters and `parse_date` the first 512, so the work per call is
//! bounded.
//!
//! This module is the orchestrator: it tries the shapes in order and checks the result.
//! The pieces are leaves that never call back up: `tokens` (the window, the tokenizer
//! and the cursor the grammar walks with), `names` (month, weekday, label and zone tables), `calendar`
//! (the date shapes, numeric and named), `clock` (times and zones), `wire` (the IPTC
//! transmission stamp) and `label` (published or updated, from the words before a date).

mod calendar;
mod clock;
mod label;
mod names;
mod tokens;
mod wire;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::article::{ArticleDate, DatePrecision};
use calendar::{calendar, Ctx, Ymd};
use clock::{clock_after_date, clock_before_date, Clock};
use label::label_before;
use tokens::{can_start, skip_labels, tokenize, window, Cur, Kind, Tok};

pub use label::DateLabel;

/// A date found in a line, with what the label before it said ("Updated 20 Nov 2019"
/// has `Some(DateLabel::Updated)`, a bare date `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabeledDate {
    pub date: ArticleDate,
    pub label: Option<DateLabel>,
}

/// The month a word names (`april`, `avr.`, `sierpnia`), in any language the parser
/// reads.
pub fn month_named(word: &str) -> Option<u32> {
    names::month_number(&word.trim_end_matches('.').to_lowercase())
}

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
    let (window, truncated) = window(text, PARSE_WINDOW_CHARS);
    let toks = tokenize(&window);
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
    let (window, truncated) = window(text, PARSE_WINDOW_CHARS);
    let toks = tokenize(&window);
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
    let (window, _) = window(text, FIND_WINDOW_CHARS);
    let toks = tokenize(&window);
    first_date(&toks, &find_ctx(now_year)).map(|(_, found, _)| found)
}

fn find_ctx(now_year: i32) -> Ctx {
    Ctx {
        now_year,
        whole: false,
    }
}

/// The first date in running text: where it starts, the date, where it ends.
fn first_date(toks: &[Tok], ctx: &Ctx) -> Option<(usize, ArticleDate, usize)> {
    first_date_from(toks, 0, ctx)
}

fn first_date_from(toks: &[Tok], from: usize, ctx: &Ctx) -> Option<(usize, ArticleDate, usize)> {
    (from..toks.len())
        .filter(|&i| can_start(toks, i))
        .find_map(|i| parse_at(toks, i, ctx).map(|(found, end)| (i, found, end)))
}

/// Whether `text` labels its date as the publication or as an update: the label words
/// before the first date [`find_date`] would take ("Last updated 20 Nov 2019",
/// "Publié le 20 novembre 2019"), or, in a text without a date, the label words it
/// starts with ("Updated:"). `None` when there is no such label.
pub fn label_kind(text: &str) -> Option<DateLabel> {
    let (window, _) = window(text, FIND_WINDOW_CHARS);
    let toks = tokenize(&window);
    let start = first_date(&toks, &find_ctx(current_year()))
        .map(|(i, _, _)| i)
        .unwrap_or_else(|| skip_labels(&toks));
    label_before(&toks, start)
}

/// Every complete date (day, month and year) in the first 300 characters of `text`, in
/// order and not overlapping, each with its label. The first is the one [`find_date`]
/// returns.
pub fn find_labeled_dates(text: &str) -> Vec<LabeledDate> {
    find_labeled_dates_with_now(text, current_year())
}

/// [`find_labeled_dates`] with the current year given.
pub fn find_labeled_dates_with_now(text: &str, now_year: i32) -> Vec<LabeledDate> {
    let (window, _) = window(text, FIND_WINDOW_CHARS);
    let toks = tokenize(&window);
    let ctx = find_ctx(now_year);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((start, date, end)) = first_date_from(&toks, from, &ctx) {
        found.push(LabeledDate {
            date,
            label: label_before(&toks, start),
        });
        from = end.max(start + 1);
    }
    found
}

/// The date a line gives for the publication: the first of [`find_labeled_dates`] not
/// labelled "Updated", else the first one ("Updated 21 Nov 2019" alone is still the
/// best date the line has; the label tells the caller what it is).
pub fn find_preferred_date(text: &str) -> Option<LabeledDate> {
    find_preferred_date_with_now(text, current_year())
}

/// [`find_preferred_date`] with the current year given.
pub fn find_preferred_date_with_now(text: &str, now_year: i32) -> Option<LabeledDate> {
    let all = find_labeled_dates_with_now(text, now_year);
    all.iter()
        .find(|d| d.label != Some(DateLabel::Updated))
        .or_else(|| all.first())
        .copied()
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
    skip_weekday(&mut c, false);
    // A bare year is the weakest reading: "1909 GMT (0309 HKT) November 18, 2019"
    // starts with a time, not with the year 1909.
    let shapes = |c: Cur| {
        let first = date_then_time(c, ctx);
        if first.is_some_and(|(d, _)| d.precision >= DatePrecision::Day) {
            return first;
        }
        time_then_date(c, ctx)
            .or_else(|| asctime(c, ctx))
            .or_else(|| {
                let (ymd, clock, end) = wire::wire_stamp(c, ctx)?;
                finish(ymd, Some(clock), end, ctx)
            })
            .or(first)
    };
    // Italian "mar" is both March and martedì: a month first, else a weekday.
    shapes(c).or_else(|| skip_weekday(&mut c, true).then(|| shapes(c))?)
}

/// Skips a weekday name with its dot and comma, and the "-feira" of Portuguese
/// "quarta-feira"; with `ambiguous`, only a name that is also a month ("mar").
fn skip_weekday(c: &mut Cur, ambiguous: bool) -> bool {
    let is_weekday = |t: &Tok| t.weekday && t.month.is_some() == ambiguous;
    if c.take(is_weekday).is_none() {
        return false;
    }
    let mut probe = *c;
    if probe.glued_punct(&['-']).is_some() && probe.peek_glued().is_some() && probe.word(&["feira"])
    {
        *c = probe;
    }
    c.punct(&['.']);
    c.punct(&[',']);
    true
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

/// C's `asctime` and Unix `date`: `Wed Nov 20 15:23:00 2019`, `Nov 20 15:23:00 UTC
/// 2019`; the month and day, a time with its seconds right after them (and a zone),
/// then the year. Prose ("on May 5 at 7:30 2000 stations ...") has no seconds.
fn asctime(mut c: Cur, ctx: &Ctx) -> Option<(ArticleDate, usize)> {
    let month = calendar::month_name(&mut c)?;
    let day = c.num(1, 2)?;
    let mut probe = c;
    probe.num(1, 2)?;
    for _ in 0..2 {
        probe.glued_punct(&[':'])?;
        probe.glued_num(2, 2)?;
    }
    let clock = clock_after_date(&mut c).ok()??;
    let year = c.num(4, 4)?;
    if c.continues_number() {
        return None;
    }
    finish(Ymd::day(year as i32, month, day), Some(clock), c.i, ctx)
}

/// "1:03 PM ET, Wed January 22, 2014" (CNN and others put the time first).
fn time_then_date(mut c: Cur, ctx: &Ctx) -> Option<(ArticleDate, usize)> {
    let clock = clock_before_date(&mut c)?;
    // The same time in a second zone, as CNN prints it: "1909 GMT (0309 HKT)".
    let mut probe = c;
    if probe.punct(&['(']).is_some()
        && clock_before_date(&mut probe).is_some()
        && probe.punct(&[')']).is_some()
    {
        c = probe;
    }
    for _ in 0..3 {
        if c.punct(&[',', '-', '|', '–', '—']).is_none()
            && !c.word(&["on", "le", "el", "am", "den", "il", "op", "em"])
        {
            break;
        }
    }
    skip_weekday(&mut c, false);
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
    let at = PrimitiveDateTime::new(date, time).assume_offset(offset);
    Some((ArticleDate { at, precision }, end))
}

#[cfg(test)]
mod tests;
