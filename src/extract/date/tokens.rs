//! The tokenizer and the cursor the date grammar walks with: the window of text read
//! (full-width digits made ASCII) becomes runs of digits,
//! runs of letters (lower-cased, month and weekday looked up once) and single punctuation
//! marks, each knowing whether whitespace came before it. Words and numbers that text
//! rendering glued together ("ESTUpdated", "Nov 15, 20195:45 AM") are split again.
//! Also where a date may start (`can_start`) and the labels skipped before one
//! (`skip_labels`).

use std::borrow::Cow;

use super::names::{is_label, is_weekday, month_number};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters (plus combining accents), lower-cased in `lower`.
    Word,
    /// Any other single non-space character.
    Punct(char),
}

#[derive(Debug)]
pub(super) struct Tok<'a> {
    pub(super) kind: Kind,
    pub(super) raw: &'a str,
    pub(super) lower: String,
    /// Looked up once here, since every scan position asks again.
    pub(super) month: Option<u32>,
    pub(super) weekday: bool,
    /// Numeric value of a `Num`, saturating; its digit count is `raw.len()`.
    pub(super) value: u32,
    /// Whitespace came before this token; separators must be glued to their
    /// numbers, so "22.01.2014" is a date and "22. 01. 2014" isn't.
    pub(super) spaced: bool,
}

fn is_combining(c: char) -> bool {
    // Decomposed accents ("a" + U+0308) must not split "märz" into two words.
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// The first `max_chars` characters of `text`, with full-width forms (`２０１９`, `：`,
/// `ＧＭＴ`, U+FF01..U+FF5E) made ASCII, so that CJK pages' digits read as numbers;
/// and whether `text` went on past the window. Only the window is copied, and only when
/// it has a full-width character, so the work stays bounded.
pub(super) fn window(text: &str, max_chars: usize) -> (Cow<'_, str>, bool) {
    let end = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| i);
    let window = text.get(..end).unwrap_or("");
    let truncated = end < text.len();
    if !window.chars().any(is_full_width) {
        return (Cow::Borrowed(window), truncated);
    }
    let ascii = window
        .chars()
        .map(|c| {
            if is_full_width(c) {
                char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    (Cow::Owned(ascii), truncated)
}

fn is_full_width(c: char) -> bool {
    ('\u{ff01}'..='\u{ff5e}').contains(&c)
}

/// Tokens of a [`window`].
pub(super) fn tokenize(window: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut spaced = false;
    let mut chars = window.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        let mut stop = start + c.len_utf8();
        let mut last = c;
        while let Some(&(j, d)) = chars.peek() {
            let same = match kind {
                Kind::Num => d.is_ascii_digit(),
                Kind::Word => {
                    (d.is_alphabetic() || is_combining(d)) && !camel_boundary(last, d, &chars)
                }
                Kind::Punct(_) => false,
            };
            if !same {
                break;
            }
            stop = j + d.len_utf8();
            last = d;
            chars.next();
        }
        let raw = window.get(start..stop).unwrap_or("");
        let lower = match kind {
            Kind::Word => raw
                .chars()
                .filter(|&c| !is_combining(c))
                .flat_map(char::to_lowercase)
                .collect(),
            _ => String::new(),
        };
        let value = match kind {
            Kind::Num => digits_value(raw),
            _ => 0,
        };
        if kind == Kind::Num && split_glued_year(&mut toks, raw, spaced, &mut chars) {
            spaced = false;
            continue;
        }
        toks.push(Tok {
            kind,
            raw,
            month: month_number(&lower),
            weekday: is_weekday(&lower),
            lower,
            value,
            spaced,
        });
        spaced = false;
    }
    toks
}

/// Text rendering glues words that sat in separate elements: "AM ESTUpdated",
/// "2 hours agoPublished". A word ends before a capital that follows a small letter,
/// or before the last capital of a run of capitals when a small letter follows it, so
/// "ESTUpdated" reads as the zone and the label.
fn camel_boundary(
    last: char,
    next: char,
    rest: &std::iter::Peekable<std::str::CharIndices>,
) -> bool {
    if !next.is_uppercase() {
        return false;
    }
    if last.is_lowercase() {
        return true;
    }
    last.is_uppercase()
        && rest
            .clone()
            .nth(1)
            .is_some_and(|(_, after)| after.is_lowercase())
}

fn digits_value(raw: &str) -> u32 {
    raw.bytes().fold(0u32, |v, b| {
        v.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    })
}

/// Text rendering drops the space between a date's year and its time ("Nov 15,
/// 20195:45 AM", "Nov 19 20197:05 AM EST") or the day of a second date ("7th June
/// 20169th June 2016"). A run of five or six digits that starts with a plausible year,
/// and ends in an hour followed by `:MM` or in a day followed by its ordinal suffix or a
/// month name, is pushed as two tokens, as if spaced; only after a day or a month name.
fn split_glued_year<'a>(
    toks: &mut Vec<Tok<'a>>,
    raw: &'a str,
    spaced: bool,
    rest: &mut std::iter::Peekable<std::str::CharIndices>,
) -> bool {
    if !(5..=6).contains(&raw.len()) {
        return false;
    }
    let after_day_or_month = toks
        .iter()
        .rev()
        .find(|t| t.kind != Kind::Punct(','))
        .is_some_and(|t| t.month.is_some() || (t.kind == Kind::Num && t.raw.len() <= 2));
    let ahead: String = rest.clone().map(|(_, c)| c).take(16).collect();
    let mut chars = ahead.chars();
    let minutes_follow = chars.next() == Some(':')
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars.next().is_some_and(|c| c.is_ascii_digit());
    let (Some(year), Some(tail)) = (raw.get(..4), raw.get(4..)) else {
        return false;
    };
    let tail_value = digits_value(tail);
    let next_day = (1..=31).contains(&tail_value) && starts_day_rest(&ahead);
    let plausible = (1800..2200).contains(&digits_value(year))
        && ((minutes_follow && tail_value < 24) || next_day);
    if !(after_day_or_month && plausible) {
        return false;
    }
    for (part, spaced) in [(year, spaced), (tail, true)] {
        toks.push(Tok {
            kind: Kind::Num,
            raw: part,
            lower: String::new(),
            month: None,
            weekday: false,
            value: digits_value(part),
            spaced,
        });
    }
    true
}

/// What follows a day glued onto the year before it, the next date of a pair printed
/// without a space (`7th June 20169th June 2016`, a post's published and updated dates):
/// an ordinal suffix, or a space and a month name.
fn starts_day_rest(ahead: &str) -> bool {
    let word_after = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    if ahead.starts_with(char::is_alphabetic) {
        let suffix = word_after(ahead);
        return ["st", "nd", "rd", "th"].contains(&suffix.as_str());
    }
    ahead
        .strip_prefix(' ')
        .is_some_and(|rest| month_number(&word_after(rest)).is_some())
}

/// Han ideographs, kana and Hangul: scripts written without spaces between words.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}')
}

/// A position in the token list; `Copy`, so backtracking is saving a copy.
#[derive(Clone, Copy)]
pub(super) struct Cur<'t, 'a> {
    pub(super) toks: &'t [Tok<'a>],
    pub(super) i: usize,
}

impl<'t, 'a> Cur<'t, 'a> {
    pub(super) fn peek(&self) -> Option<&'t Tok<'a>> {
        self.toks.get(self.i)
    }

    pub(super) fn peek_glued(&self) -> Option<&'t Tok<'a>> {
        self.peek().filter(|t| !t.spaced)
    }

    /// Consumes the next token if `accept` says so.
    pub(super) fn take(&mut self, accept: impl Fn(&Tok) -> bool) -> Option<&'t Tok<'a>> {
        let t = self.peek().filter(|t| accept(t))?;
        self.i += 1;
        Some(t)
    }

    pub(super) fn punct(&mut self, set: &[char]) -> Option<char> {
        match self
            .take(|t| matches!(t.kind, Kind::Punct(p) if set.contains(&p)))?
            .kind
        {
            Kind::Punct(p) => Some(p),
            _ => None,
        }
    }

    pub(super) fn glued_punct(&mut self, set: &[char]) -> Option<char> {
        self.peek_glued()?;
        self.punct(set)
    }

    pub(super) fn word(&mut self, set: &[&str]) -> bool {
        self.take(|t| t.kind == Kind::Word && set.contains(&t.lower.as_str()))
            .is_some()
    }

    pub(super) fn num(&mut self, min_len: usize, max_len: usize) -> Option<u32> {
        let len_ok = |t: &Tok| t.kind == Kind::Num && (min_len..=max_len).contains(&t.raw.len());
        self.take(len_ok).map(|t| t.value)
    }

    pub(super) fn glued_num(&mut self, min_len: usize, max_len: usize) -> Option<u32> {
        self.peek_glued()?;
        self.num(min_len, max_len)
    }

    /// At the `T` of `2014-01-22T05:30` / `20151210T1910`.
    pub(super) fn at_iso_t(&self) -> bool {
        self.peek_glued().is_some_and(|t| t.lower == "t")
            && self
                .toks
                .get(self.i + 1)
                .is_some_and(|n| n.kind == Kind::Num && !n.spaced)
    }

    /// True when the number just read goes on ("1.2.3.4", "2014-01-22-7"),
    /// so it is part of something that is not a date.
    pub(super) fn continues_number(&self) -> bool {
        let mut c = *self;
        match c.peek_glued().map(|t| t.kind) {
            Some(Kind::Num) => true,
            Some(Kind::Punct(p @ ('.' | '/' | '-'))) => {
                c.i += 1;
                let Some(n) = c.peek_glued().filter(|t| t.kind == Kind::Num) else {
                    return false;
                };
                // A time glued on with a hyphen (`19.09.2023-14:32`) ends the number.
                let hour = n.raw.len() <= 2;
                c.i += 1;
                let time = p == '-'
                    && hour
                    && c.glued_punct(&[':']).is_some()
                    && c.peek_glued()
                        .is_some_and(|t| t.kind == Kind::Num && t.raw.len() == 2);
                !time
            }
            _ => false,
        }
    }
}

/// Labels, weekdays and punctuation before the date in `parse_date`.
pub(super) fn skip_labels(toks: &[Tok]) -> usize {
    toks.iter()
        .position(|t| match t.kind {
            Kind::Punct(_) => false,
            Kind::Num => true,
            Kind::Word => t.month.is_some() || !(t.weekday || is_label(&t.lower)),
        })
        .unwrap_or(toks.len())
}

/// Where `find_date` may try a date: at a word or number that is not the tail
/// of a longer token run, so "10.1.1.25" or "x22 Jan 2014" do not match inside.
/// Chinese, Japanese and Korean are written without spaces, so a number glued to one
/// of their words ("北京2019年11月20日") may start a date.
pub(super) fn can_start(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if matches!(t.kind, Kind::Punct(_)) {
        return false;
    }
    if i == 0 || t.spaced {
        return true;
    }
    let prev = &toks[i - 1];
    match prev.kind {
        Kind::Word => t.kind == Kind::Num && prev.raw.chars().last().is_some_and(is_cjk),
        Kind::Num => false,
        Kind::Punct('.' | '-' | '/' | ':') => prev.spaced || i < 2 || toks[i - 2].kind != Kind::Num,
        Kind::Punct(_) => true,
    }
}
