//! Numeric dates and the order a file writes them in: `05/03/2024` and `05-03-24` read
//! day first where the file's own dates or its language say so, written with dots for
//! the date parser; a numeric date glued onto the label before it parted from it.

use std::borrow::Cow;

use super::features::{lexicon, words_lower};
use super::lines::Unit;

/// `text` with its numeric dates written with dots (`05/03/2024`, `05-03-24` as
/// `05.03.2024`, `05.03.24`), which the parser reads day first; a year first
/// (`2024/03/05`, `2024-03-05`) stays.
pub(super) fn dotted(text: &str) -> String {
    text.split(' ')
        .map(|w| match slashed_date(w) {
            Some(sep) if w.find(sep).is_some_and(|at| at <= 2) => w.replace(sep, "."),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the file writes its dotted dates month first, as some American pages do
/// (`10.04.2018` beside `09.27.2018` and `10.23.2018`): of its dotted dates that can be
/// read one way only, two or more are month first and none day first (one stray token,
/// a build number, proves nothing).
pub(super) fn dots_month_first(units: &[Unit]) -> bool {
    words_month_first(units.iter().flat_map(|u| u.text.split_whitespace()))
}

/// [`dots_month_first`] over a text's words.
pub(super) fn words_month_first<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let (mut day, mut month) = (0, 0);
    for (a, b, _) in words.filter_map(dotted_fields) {
        match (a, b) {
            (13..=31, 1..=12) => day += 1,
            (1..=12, 13..=31) => month += 1,
            _ => {}
        }
    }
    month >= MONTH_FIRST_WITNESSES && day == 0
}

/// Fewest dotted dates, readable month first only, that show a file writes them so.
const MONTH_FIRST_WITNESSES: usize = 2;

/// `text` with its dotted dates rewritten year first (`10.04.2018` as `2018-10-04`), for
/// a file whose dotted dates are month first ([`dots_month_first`]).
pub(super) fn month_first_dots(text: &str) -> String {
    text.split(' ')
        .map(|w| match dotted_fields(w) {
            Some((m, d, y)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
                let core = w.trim_matches(|c: char| !c.is_ascii_digit());
                w.replacen(core, &format!("{y:04}-{m:02}-{d:02}"), 1)
            }
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `text` holds a dotted date of a four-digit year (`10.04.2018`).
pub(super) fn has_dotted_date(text: &str) -> bool {
    text.split_whitespace().any(|w| dotted_fields(w).is_some())
}

/// The fields of a dotted date of a four-digit year (`09.27.2018`, `9.27.2018.`).
fn dotted_fields(word: &str) -> Option<(u32, u32, u32)> {
    let core = word.trim_matches(|c: char| !c.is_ascii_digit());
    let mut parts = core.split('.');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    (parts.next().is_none()
        && short(a)
        && short(b)
        && y.len() == 4
        && y.bytes().all(|c| c.is_ascii_digit()))
    .then(|| Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?)))
    .flatten()
}

/// Whether the file writes its slashed dates day first (`05/03/2024` for 5 March). Its
/// own dates say so when one cannot be read the other way (`28/02/2024`, `02/28/2024`),
/// the more of them winning; otherwise its language does: English writes the month first
/// (as American pages do), German, French, Spanish, Italian, Dutch and Portuguese the day.
pub(super) fn writes_day_first(units: &[Unit]) -> bool {
    let (mut day, mut month) = (0, 0);
    for u in units {
        for (w, sep) in u
            .text
            .split_whitespace()
            .filter_map(|w| slashed_date(w).map(|sep| (w, sep)))
        {
            let n: Vec<u32> = w
                .trim_matches(|c: char| !c.is_ascii_digit())
                .split(sep)
                .map(|p| p.parse().unwrap_or(0))
                .collect();
            match (n[0], n[1]) {
                (13..=31, 1..=12) => day += 1,
                (1..=12, 13..=31) => month += 1,
                _ => {}
            }
        }
    }
    if day != month {
        return day > month;
    }
    let lex = lexicon();
    let (mut english, mut other) = (0, 0);
    for w in units
        .iter()
        .take(LANGUAGE_UNITS)
        .flat_map(|u| words_lower(&u.text))
    {
        if lex.has("stop.en", &w) {
            english += 1;
        } else if STOP_OTHERS.iter().any(|s| lex.has(s, &w)) {
            other += 1;
        }
    }
    if other > english {
        return true;
    }
    // An English page's dates written out say which English: `14th April 2019` puts the
    // day first (Britain's), `April 14, 2019` the month (America's).
    let (day, month) = spelled_order(units);
    day > month
}

/// Fewest letters of a month's name read for the order of a page's dates (`June`, not
/// `Jun` or `out`).
const FULL_MONTH_CHARS: usize = 4;

/// How many dates written out put the day before the month's name, and how many after.
fn spelled_order(units: &[Unit]) -> (usize, usize) {
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic() || c == ',' || c == '.');
        !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            && w[digits.len()..]
                .trim_end_matches([',', '.'])
                .chars()
                .all(|c| c.is_ascii_lowercase())
            && w.len() - digits.len() <= 3
    };
    // A month's whole name: short forms are words too (`9 out of 10`, `set 3 records`).
    let month = |w: &str| {
        let w = w.trim_end_matches(',');
        w.chars().count() >= FULL_MONTH_CHARS
            && w.starts_with(char::is_alphabetic)
            && crate::extract::date::month_named(w).is_some()
    };
    let (mut first, mut after) = (0, 0);
    for u in units {
        let words: Vec<&str> = u.text.split_whitespace().collect();
        for pair in words.windows(2) {
            if day(pair[0]) && month(pair[1]) {
                first += 1;
            } else if month(pair[0]) && day(pair[1]) {
                after += 1;
            }
        }
    }
    (first, after)
}

/// Units read for the file's language, and the stop-word lists of its languages other
/// than English.
const LANGUAGE_UNITS: usize = 400;
/// (The Scandinavian lists are left out: `men`, `man`, `under`, `end` are English words
/// too.)
const STOP_OTHERS: &[&str] = &[
    "stop.de", "stop.fr", "stop.es", "stop.it", "stop.nl", "stop.pt", "stop.ca", "stop.pl",
    "stop.ro", "stop.cs", "stop.sk", "stop.hr", "stop.sl", "stop.hu", "stop.id", "stop.el",
];

/// `text` with a numeric date glued onto the word before it parted from it
/// (`Nacional12/03/2024 13:45`, where the page's style sheet spaced a section label and
/// the date), and a date badge's month, day and year glued together parted
/// (`Sep122010`: a blog's three spans set one over the other).
pub(super) fn unglued_date(text: &str) -> Cow<'_, str> {
    let glued = |w: &str| {
        let at = w.find(|c: char| c.is_ascii_digit())?;
        (at > 0 && w[..at].chars().all(char::is_alphabetic) && slashed_date(&w[at..]).is_some())
            .then(|| format!("{} {}", &w[..at], &w[at..]))
            .or_else(|| badge(w, at))
    };
    if !text.split(' ').any(|w| glued(w).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split(' ')
            .map(|w| glued(w).unwrap_or_else(|| w.to_string()))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A month's name of three letters or more with its day and a year glued on
/// (`Sep122010`, `Sep72010`), as `Sep 12 2010`: the day is 1 to 31, the year 1900 to
/// 2099.
fn badge(w: &str, at: usize) -> Option<String> {
    let (name, digits) = w.split_at(at);
    let letters = name.chars().count();
    if !(3..=9).contains(&letters)
        || !name.chars().all(char::is_alphabetic)
        || !matches!(digits.len(), 5 | 6)
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (day, year) = digits.split_at(digits.len() - 4);
    let (d, y): (u32, u32) = (day.parse().ok()?, year.parse().ok()?);
    ((1..=31).contains(&d) && (1900..=2099).contains(&y)).then(|| format!("{name} {day} {year}"))
}

/// `07/09/2018`, `05-03-24`: three numbers joined by slashes, or by dashes with the day
/// and month first in one or two digits; the separator.
pub(super) fn slashed_date(word: &str) -> Option<char> {
    let core = word.trim_matches(|c: char| !c.is_ascii_digit());
    let sep = ['/', '-'].into_iter().find(|&c| core.contains(c))?;
    let parts: Vec<&str> = core.split(sep).collect();
    let numeric = |p: &&str, most: usize| {
        !p.is_empty() && p.len() <= most && p.chars().all(|c| c.is_ascii_digit())
    };
    let ok = parts.len() == 3
        && if sep == '/' {
            parts.iter().all(|p| numeric(p, 4))
        } else {
            parts[..2].iter().all(|p| numeric(p, 2))
                && matches!(parts[2].len(), 2 | 4)
                && numeric(&parts[2], 4)
        };
    ok.then_some(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::lines;

    #[test]
    fn dotted_dates_month_first_where_the_file_shows_it() {
        let file = |text: &str| lines::units(text);
        assert!(dots_month_first(&file(
            "10.04.2018\n\nWebinar 10.23.2018 and 09.27.2018"
        )));
        assert!(!dots_month_first(&file("10.04.2018\n\nWebinar 10.23.2018")));
        assert!(!dots_month_first(&file("10.04.2018\n\nWebinar 23.10.2018")));
        assert!(!dots_month_first(&file(
            "10.04.2018 and 09.27.2018 and 27.09.2018"
        )));
        assert!(!dots_month_first(&file("10.04.2018")));
        assert_eq!(
            month_first_dots("Published 10.04.2018, 14:02"),
            "Published 2018-10-04, 14:02"
        );
        assert_eq!(
            month_first_dots("Version 1.2.3 on 4.5.2018."),
            "Version 1.2.3 on 2018-04-05."
        );
    }
}
