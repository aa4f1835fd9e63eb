//! Reading one line for a date: the labels the date parser does not skip dropped
//! ([`for_parser`]), what a label on the
//! line says ([`Label`]), what rules a line out (copyright, captions, comments, a span of
//! days), the dates blog themes glue together, and the date a paragraph gives the piece
//! itself. [`super::dateline`] scores the lines this reads.

use std::borrow::Cow;

use crate::article::{ArticleDate, DatePrecision};
use crate::extract::date::{find_date, parse_date, parse_whole_date};

use super::features::{lexicon, words_lower};
use super::numeric::{dotted, slashed_date};

/// Longest line read for a date.
pub(super) const MAX_CHARS: usize = 160;

/// `line` with leading labels the parser does not skip removed, its slashed dates
/// dotted when the line writes the day first; borrowed when nothing changes.
pub fn for_parser(line: &str) -> Cow<'_, str> {
    let lex = lexicon();
    let mut rest = line.trim();
    let mut day_first = false;
    while let Some(word) = rest.split_whitespace().next() {
        let w = word.trim_end_matches([':', ',']).to_lowercase();
        let label = lex.has("date.glue", &w)
            || lex.has("date.published", &w)
            || lex.has("date.updated", &w);
        if !label {
            break;
        }
        day_first |= lex.has("date.day_first", &w);
        rest = rest[word.len()..].trim_start();
    }
    // `07/09/2018` after a French or German label, or on a line with such a label after
    // it or a time written the French and Portuguese way (`12/09/2022 10h15 ·
    // Atualizado há 2 horas`): the day comes first, as in the dotted form the parser
    // reads day-first.
    let day_first = day_first
        || rest.split_whitespace().skip(1).any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            lex.has("date.day_first", &w) || h_time(&w)
        });
    // Also inside the line, after a place (`VIGO / LA VOZ 05/06/2023 14:32 h Actualizado
    // a las 19:05 h.`).
    if day_first && rest.split_whitespace().any(|w| slashed_date(w).is_some()) {
        return Cow::Owned(dotted(rest));
    }
    Cow::Borrowed(rest)
}

/// `10h15`, `9h`: a time of day as French and Portuguese write it.
fn h_time(word: &str) -> bool {
    word.split_once('h').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && h.bytes().all(|b| b.is_ascii_digit())
            && (m.is_empty() || m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether a line holds a clock time (`14:32`, `9:05`).
pub(super) fn clock_time(t: &str) -> bool {
    t.split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .any(|w| {
            w.split_once(':').is_some_and(|(h, m)| {
                (1..=2).contains(&h.len())
                    && m.len() == 2
                    && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            })
        })
}

/// What a label in the line says about the date.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Label {
    Published,
    Updated,
    None,
}

/// The part of a line that opens with a revision label and then gives the original date
/// (`Updated 21/11/2019 - Published 20/11/2019`, `Aggiornato il … - Pubblicato il …`,
/// `Last Updated: March 13, 2024 … First Published: March 12, 2024`): from the
/// publication label on.
pub(super) fn published_part(text: &str) -> Option<&str> {
    let lex = lexicon();
    let mut words = text
        .split(|c: char| c.is_whitespace() || matches!(c, ';' | '|' | '·' | ','))
        .filter(|w| !w.is_empty())
        .peekable();
    // The revision label among the words before the first number.
    let mut revised = false;
    while let Some(w) = words.next_if(|w| !w.bytes().any(|b| b.is_ascii_digit())) {
        revised |= lex.has("date.updated", &w.trim_end_matches(':').to_lowercase());
        if revised {
            break;
        }
    }
    if !revised {
        return None;
    }
    for w in words {
        // Where `w` starts in `text`: it is a slice of it.
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        let bare = w.trim_end_matches(':').to_lowercase();
        if lex.has("date.published", &bare) && text[..start].bytes().any(|b| b.is_ascii_digit()) {
            return Some(&text[start..]);
        }
    }
    None
}

/// How far into a line a date's label is looked for.
const LABEL_WORDS: usize = 8;

pub(super) fn label(text: &str) -> Label {
    if published_part(text).is_some() {
        return Label::Published;
    }
    let lex = lexicon();
    // The line's first words, or all those before its first number (`By Rachel Ames
    // Last updated on March 3, 2020`).
    let first_number = words_lower(text)
        .position(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .unwrap_or(0);
    let words: Vec<_> = words_lower(text)
        .take(first_number.clamp(4, LABEL_WORDS))
        .collect();
    for (k, w) in words.iter().enumerate() {
        // French `mis en ligne` (put online) is a publication; `mis à jour` a revision.
        if w == "mis" && words.get(k + 1).is_some_and(|n| n == "en") {
            return Label::Published;
        }
        if lex.has("date.updated", w) {
            return Label::Updated;
        }
        // A word for any date (`Fecha de actualización`, `Data de atualização`) gives way
        // to the label after it.
        let generic = GENERIC_DATE_WORDS.contains(&w.as_ref());
        let later = || {
            words[k + 1..]
                .iter()
                .any(|v| lex.has("date.updated", v) || lex.has("date.published", v))
        };
        if lex.has("date.published", w) && !(generic && later()) {
            return Label::Published;
        }
    }
    Label::None
}

/// Label words naming a date of any kind (`Fecha de publicación`, `Fecha de
/// actualización`): a publication's only when no other label word follows.
const GENERIC_DATE_WORDS: [&str; 5] = ["date", "data", "datum", "fecha", "dato"];

/// Label words that open sentences too (`First …`, `Data from …`): labels only before a
/// colon.
const PLAIN_WORD_LABELS: [&str; 10] = [
    "first",
    "originally",
    "date",
    "data",
    "stand",
    "created",
    "update",
    "mis",
    "edited",
    "revised",
];

/// The label a line opens on (`Posted:`, `Published online …`, `Aktualisiert am …`):
/// `Some(true)` for a publication label, `Some(false)` for a revision label.
pub(super) fn opening_label(line: &str) -> Option<bool> {
    let lex = lexicon();
    let w = line.split_whitespace().next()?;
    let colon = w.ends_with(':');
    let w = w.trim_end_matches(':').to_lowercase();
    if !colon && PLAIN_WORD_LABELS.contains(&w.as_str()) {
        return None;
    }
    if lex.has("date.updated", &w) {
        Some(false)
    } else if lex.has("date.published", &w) {
        Some(true)
    } else {
        None
    }
}

pub(super) fn rejected(text: &str) -> bool {
    let lex = lexicon();
    let words: Vec<_> = words_lower(text).collect();
    span(text)
        || text.contains('©')
        || credited_caption(text)
        || super::features::find_ascii_ci(text, "copyright").is_some()
        || words
            .iter()
            .enumerate()
            .any(|(k, w)| lex.has("date.reject", w) && !comment_count(&words, k))
        || counted_since(&words)
}

/// A caption closing on its credit after a sentence (`… on Tuesday, March 7, 2023. (Irene
/// Castellanos / The Pacific Ledger)`); not a dateline's zone or agency (`Posted on
/// Tuesday, March 7, 2023 at 6:12 pm (EST)`).
fn credited_caption(text: &str) -> bool {
    super::captions::credited(text)
        && text
            .rfind('(')
            .is_some_and(|i| text[..i].trim_end().ends_with('.'))
}

/// Whether a label names a date that is not the piece's: a deadline, a meeting, an event
/// (`Closing date for responses:`, `Next meeting: Monday 7th December 2009`,
/// `Anmeldeschluss: 3. Mai`). The label is the text before the first figure, at most
/// [`OTHER_LABEL_WORDS`] words holding a word of the lexicon's `date.other` and no
/// publication word; one on a line of its own above the date (`own_line`) must also end
/// in a colon or be in capitals (`NEXT MEETING`), as a headline over its date (`Council
/// meeting ends in uproar`) is not.
pub(super) fn other_date_label(text: &str, own_line: bool) -> bool {
    let label = text[..text
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(text.len())]
        .trim();
    let lex = lexicon();
    let words: Vec<_> = words_lower(label).collect();
    let other = words.iter().any(|w| lex.has("date.other", w));
    // `Posted in News & Events on 12 March 2019` is the piece's date.
    let published = words
        .iter()
        .any(|w| lex.has("date.published", w) && !GENERIC_DATE_WORDS.contains(&w.as_ref()));
    let capitals = !label.chars().any(char::is_lowercase);
    (1..=OTHER_LABEL_WORDS).contains(&words.len())
        && other
        && !published
        && (!own_line || label.ends_with(':') || capitals)
}

/// Most words of a label naming another date ([`other_date_label`]).
const OTHER_LABEL_WORDS: usize = 6;

/// Whether `text` holds a date a count or a state runs from ([`counted_since`]).
pub(super) fn since_date(text: &str) -> bool {
    let words: Vec<_> = words_lower(text).collect();
    counted_since(&words)
}

/// Whether `text` ends on a word for "since", its date on the next line (`Besucher seit`
/// / `01.01.2003:`).
pub(super) fn ends_since(text: &str) -> bool {
    words_lower(text)
        .last()
        .is_some_and(|w| lexicon().has("date.since", &w))
}

/// A date a count or a state runs from (`Besucher seit 01.01.2003: 48211`, `Vous êtes
/// le 48213e visiteur depuis le 01/09/2003`): a word for "since", perhaps an article, then
/// the date's first figure.
fn counted_since(words: &[std::borrow::Cow<'_, str>]) -> bool {
    let lex = lexicon();
    words.iter().enumerate().any(|(k, w)| {
        lex.has("date.since", w)
            && words[k + 1..]
                .iter()
                .take(2)
                .find(|n| !lex.has("date.since_article", n))
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Most words of a day at either end of a [`span`].
const SPAN_DAY_WORDS: usize = 5;

/// The date a paragraph gives the piece itself (`This review was published on November
/// 14, 2023, and appears in …`), read in its first MAX_CHARS characters, where the label
/// and its date stand.
pub(super) fn self_dated(text: &str) -> Option<ArticleDate> {
    let head = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text, |(at, _)| &text[..at]);
    (of_itself(head) && label(head) == Label::Published && !rejected(head))
        .then(|| read(head).map(|(d, _)| d))
        .flatten()
}

/// The date a story's first paragraph opens on, after its place, as press releases and
/// wire copy write it (`Berlin, 12. Februar 2014 – Die …`, `WASHINGTON, March 3, 2021 —
/// The …`, `NEW YORK, March 3, 2021 /PRNewswire/ -- …`, `Madrid, 3 de marzo de 2021.- …`,
/// `WASHINGTON, D.C. (March 3, 2021) – …`): a day, not less, between the place and the
/// dash that opens the text.
pub(super) fn opening_dateline(text: &str) -> Option<ArticleDate> {
    let head = text
        .char_indices()
        .nth(OPENING_CHARS)
        .map_or(text, |(at, _)| &text[..at]);
    let cut = [" – ", " — ", " - ", " -- ", ".- ", ".– ", " /"]
        .iter()
        .filter_map(|dash| head.find(dash))
        .min()?;
    // The story opens in capitals after the dash (`– Die …`, `/PRNewswire/ -- Acme …`),
    // not in a sentence going on (`In Paris, on 3 March 2021 – the day the strike …`).
    let mut story = &text[cut..];
    if let Some(wire) = story.strip_prefix(" /") {
        story = wire.split_once('/').map_or("", |(_, after)| after);
    }
    let opens = story
        .trim_start_matches([' ', '-', '–', '—', '.'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '„' | '«'));
    let (place, date) = head[..cut].split_once(',')?;
    let words: Vec<&str> = place.split_whitespace().collect();
    // A place of a few words, capitalised but for a place's particles (`Frankfurt am
    // Main`, `ST. PAUL`, `Washington D.C.`); no label (`Update, March 4, 2021 –`), no
    // weekday that makes one date with the day (`Monday, March 3, 2021 –`).
    let lex = lexicon();
    let placed = |w: &&str| {
        w.starts_with(char::is_uppercase)
            || crate::extract::byline::is_name_particle(w)
            || PLACE_PARTICLES.contains(w)
    };
    let labelled = words.iter().any(|w| {
        let w = w.to_lowercase();
        lex.has("date.published", &w) || lex.has("date.updated", &w)
    });
    if !opens
        || words.is_empty()
        || words.len() > OPENING_PLACE_WORDS
        || !words[0].starts_with(char::is_uppercase)
        || !words.iter().all(placed)
        || words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        || labelled
        || parse_whole_date(&head[..cut]).is_some()
    {
        return None;
    }
    // The day, perhaps after an article (`den 4.5.2019`, `le 3 mars 2021`) or in
    // parentheses after a state (`D.C. (March 3, 2021)`), not after other words (`on 3
    // March 2021`).
    let date = date.trim();
    let date = date
        .rsplit_once('(')
        .and_then(|(before, inner)| {
            (before.split_whitespace().count() <= 2)
                .then(|| inner.strip_suffix(')'))
                .flatten()
        })
        .unwrap_or(date);
    let first = date.split_whitespace().next().unwrap_or_default();
    if first.starts_with(char::is_alphabetic)
        && crate::extract::date::month_named(first).is_none()
        && !DATE_ARTICLES.contains(&first.to_lowercase().as_str())
    {
        return None;
    }
    parse_whole_date(&for_parser(date)).filter(|d| d.precision >= DatePrecision::Day)
}

/// The day a statement is signed on, in a line of its own under it (`Montreuil, le 12
/// mars 2024 – Le Bureau fédéral`, `Berlin, den 4. Mai 2019`): a place and a day, read as
/// the opening of a story that would follow them.
pub(super) fn signature(line: &str) -> Option<ArticleDate> {
    let line = line.trim().trim_end_matches('.');
    if line.split_whitespace().count() > SIGNATURE_WORDS {
        return None;
    }
    opening_dateline(line).or_else(|| opening_dateline(&format!("{line} – Signed")))
}

/// Most words of a signature line.
const SIGNATURE_WORDS: usize = 12;

/// How far into a paragraph its opening dateline is looked for, and the most words of
/// the place before it.
const OPENING_CHARS: usize = 100;
const OPENING_PLACE_WORDS: usize = 4;

/// Lower-case words inside a place's name (`Frankfurt am Main`, `Stratford upon Avon`,
/// `Boulogne sur Mer`), besides the name particles.
const PLACE_PARTICLES: [&str; 7] = ["am", "an", "im", "upon", "on", "sur", "en"];

/// Words a dateline may set before its day (`den 4.5.2019`, `le 3 mars 2021`).
const DATE_ARTICLES: [&str; 5] = ["den", "le", "el", "il", "am"];

/// A sentence that speaks of the piece itself (`This review was published on …`, `Dieser
/// Artikel erschien am …`), not of a report it quotes (`The study, published on …`).
fn of_itself(text: &str) -> bool {
    let lex = lexicon();
    let mut words = words_lower(text);
    words.next().is_some_and(|w| lex.has("date.self_this", &w))
        && words.next().is_some_and(|w| lex.has("date.self_piece", &w))
}

/// A span of two days parted by a dash (`June 14, 1931 – February 27, 2024`, a life or
/// an event's dates, also after a name: `Eleanor M. Prusak · Oct. 3, 1938 – Feb. 6,
/// 2024`), not a dateline.
pub(super) fn span(text: &str) -> bool {
    let lex = lexicon();
    // No publication or revision label (`Aggiornato il … - Pubblicato il …` is a
    // dateline).
    let labelled = |t: &str| {
        words_lower(t).any(|w| lex.has("date.updated", &w) || lex.has("date.published", &w))
    };
    let day = |words: &[&str]| {
        let joined = words.join(" ");
        parse_whole_date(&for_parser(&joined)).is_some_and(|d| d.precision >= DatePrecision::Day)
    };
    [" – ", " — ", " - "].iter().any(|dash| {
        text.split_once(dash).is_some_and(|(from, to)| {
            let (from, to): (Vec<&str>, Vec<&str>) = (
                from.split_whitespace().collect(),
                to.split_whitespace().collect(),
            );
            !labelled(text)
                && (1..=SPAN_DAY_WORDS.min(from.len())).any(|k| day(&from[from.len() - k..]))
                && (1..=SPAN_DAY_WORDS.min(to.len())).any(|k| day(&to[..k]))
        })
    })
}

/// Words that join the days of a list or a run (`6, 7 & 8 août`, `du 6 au 8 août`,
/// `vom 6. bis 8. August`, `June 6 and 7`).
const DAY_JOINERS: &[&str] = &[
    "&", "and", "to", "through", "et", "au", "und", "bis", "y", "al", "e", "a", "en", "tot", "-",
    "–", "—", "/",
];

/// Whether `text` names several days of one month (`6, 7 & 8 août 2010`, `6-8 August`,
/// `June 6 and 7, 2010`, `vom 6. bis 8. August`): a festival's or a meeting's dates, no
/// day a page was published.
fn days_listed(text: &str) -> bool {
    let day = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        !w.is_empty() && w.len() <= 2 && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    // `6-8`, `6–8`, `6./7.`: two days in one word.
    let run = |w: &str| {
        let parts: Vec<&str> = w.split(['-', '–', '/']).filter(|p| !p.is_empty()).collect();
        parts.len() == 2 && parts.iter().all(|p| day(p))
    };
    let month = |w: &str, d: &str| {
        let d = d
            .trim_end_matches([',', '.'])
            .split(['-', '–', '/'])
            .next()
            .unwrap_or(d);
        let w = w.trim_end_matches([',', '.']);
        [format!("{d} {w} 2000"), format!("{w} {d}, 2000")]
            .iter()
            .any(|t| {
                parse_whole_date(&for_parser(t)).is_some_and(|x| x.precision >= DatePrecision::Day)
            })
    };
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    (0..words.len()).any(|i| {
        // The days from word `i`: a run in one word, or days parted by commas and joiners.
        let (mut days, mut last) = (0, i);
        if run(&words[i]) {
            days = 2;
        } else {
            let mut j = i;
            while words.get(j).is_some_and(|w| day(w)) {
                days += 1;
                last = j;
                let joined = words
                    .get(j + 1)
                    .is_some_and(|w| DAY_JOINERS.contains(&w.as_str()))
                    && words.get(j + 2).is_some_and(|w| day(w));
                j = if joined {
                    j + 2
                } else if words[j].ends_with(',') {
                    j + 1
                } else {
                    break;
                };
            }
        }
        days >= 2
            && (words.get(last + 1).is_some_and(|w| month(w, &words[last]))
                || i.checked_sub(1)
                    .is_some_and(|k| month(&words[k], &words[i])))
    })
}

/// A post's count of comments or a prompt to leave one (`87 Comments`, `Comments (3)`,
/// `No replies`, `Leave a comment`), which a dateline carries; a comment's own stamp
/// has none of these.
fn comment_count(words: &[Cow<'_, str>], k: usize) -> bool {
    let counted = matches!(
        words[k].as_ref(),
        "comment" | "comments" | "reply" | "replies"
    );
    let number =
        |w: Option<&Cow<'_, str>>| w.is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let before = k.checked_sub(1).map(|j| words[j].as_ref());
    counted
        && (number(k.checked_sub(1).map(|j| &words[j]))
            || number(words.get(k + 1))
            || matches!(before, Some("no" | "a" | "leave" | "add")))
}

/// A date read from one line, and the rule that read it.
pub fn read(text: &str) -> Option<(ArticleDate, &'static str)> {
    // Every form the parser reads has a digit; most lines have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) || days_listed(text) {
        return None;
    }
    let text = unglued(text);
    let text = text.as_ref();
    let t = for_parser(published_part(text).unwrap_or(text));
    let (date, rule) = if let Some(d) = parse_whole_date(&t) {
        (d, "whole_line")
    } else if let Some(d) = parse_date(&t) {
        (d, "line_start")
    } else {
        (find_date(&t)?, "in_line")
    };
    (date.precision >= DatePrecision::Day).then_some((date, rule))
}

/// Blog themes print a post's publication and revision dates as two adjacent elements,
/// the second hidden by a style sheet, and text renderers glue them: `5. Mai 20187. Mai
/// 2018`, `November 20, 2019November 21, 2019`. A year that ends a date and runs into a
/// day or a word is parted from it.
fn unglued(line: &str) -> Cow<'_, str> {
    let b = line.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    for i in 0..b.len().saturating_sub(4) {
        let year = matches!((b[i], b[i + 1]), (b'1', b'9') | (b'2', b'0'))
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit());
        let next = b[i + 4];
        // A day (one or two digits, then a stop, slash or space) or a word.
        let runs_on = next.is_ascii_alphabetic()
            || (next.is_ascii_digit()
                && b[i + 5..]
                    .iter()
                    .take(2)
                    .position(|c| matches!(c, b'.' | b'/' | b' '))
                    .is_some_and(|p| p == 0 || b[i + 5].is_ascii_digit()));
        // A numbered issue's year (`PM 14/2018`, `Ausgabe 24/2016`) run into a date.
        let issue = i >= 2 && b[i - 1] == b'/' && b[i - 2].is_ascii_digit();
        if year && runs_on && (issue || ends_in_date(&line[copied..i + 4])) {
            out.push_str(&line[copied..i + 4]);
            out.push(' ');
            copied = i + 4;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(line);
    }
    out.push_str(&line[copied..]);
    Cow::Owned(out)
}

/// Whether `text` holds a date to the day (its last four characters, a year, end it).
fn ends_in_date(text: &str) -> bool {
    let t = for_parser(text);
    find_date(&t).is_some_and(|d| d.precision >= DatePrecision::Day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<(i32, u8, u8)> {
        read(text).map(|(d, _)| (d.at.year(), d.at.month() as u8, d.at.day()))
    }

    #[test]
    fn day_first_inside_the_line() {
        assert_eq!(
            day("VIGO / LA VOZ 05/06/2023 14:32 h Actualizado a las 19:05 h."),
            Some((2023, 6, 5))
        );
    }

    #[test]
    fn glued_publication_and_revision_dates() {
        assert_eq!(
            day("Veröffentlicht am 5. Mai 20187. Mai 2018 von Markus"),
            Some((2018, 5, 5))
        );
        assert_eq!(
            day("Posted on November 20, 2019November 21, 2019 by quaysider"),
            Some((2019, 11, 20))
        );
        assert_eq!(
            unglued("Posted on November 20, 2019November 21, 2019"),
            "Posted on November 20, 2019 November 21, 2019"
        );
        // A number that only starts like a year, or a year that ends no date, stays.
        assert_eq!(unglued("Order 20187. Call now"), "Order 20187. Call now");
        assert_eq!(unglued("Model 2019X launched"), "Model 2019X launched");
        assert_eq!(
            unglued("PM 14/201823.05.2018 · Forschung"),
            "PM 14/2018 23.05.2018 · Forschung"
        );
    }

    #[test]
    fn common_forms_read() {
        assert_eq!(day("Nov. 20, 2019"), Some((2019, 11, 20)));
        assert_eq!(day("2019-11-20"), Some((2019, 11, 20)));
        assert_eq!(day("20 November 2019 | 10:15"), Some((2019, 11, 20)));
        assert_eq!(
            day("Updated 1:39 am EST, Wednesday, November 20, 2019"),
            Some((2019, 11, 20))
        );
        assert_eq!(day("Published: 20.11.2019 10:15"), Some((2019, 11, 20)));
        assert_eq!(day("Veröffentlicht am 27.06.2019"), Some((2019, 6, 27)));
        assert_eq!(day("Publié le 3 mars 2019"), Some((2019, 3, 3)));
        assert_eq!(day("Publicado el 3 de marzo de 2019"), Some((2019, 3, 3)));
        assert_eq!(day("Pubblicato il 3 maggio 2019"), Some((2019, 5, 3)));
        assert_eq!(day("Gepubliceerd op 3 mei 2019"), Some((2019, 5, 3)));
        assert_eq!(
            day("Publicado em 19 de novembro de 2019"),
            Some((2019, 11, 19))
        );
        assert_eq!(day("Publié le 07/09/2018"), Some((2018, 9, 7)));
        assert_eq!(
            day("12/09/2022 10h15 · Atualizado há 2 horas"),
            Some((2022, 9, 12))
        );
        assert_eq!(day("12/09/2022 10:15 AM"), Some((2022, 12, 9)));
        assert_eq!(
            day("Mis à jour le 8 septembre 2018 à 8h05"),
            Some((2018, 9, 8))
        );
        assert_eq!(day("© 2019"), None);
        assert_eq!(day("March 2019"), None);
    }

    #[test]
    fn a_credited_caption_dates_nothing() {
        assert!(rejected(
            "Traffic moves through the 110 Freeway trench near Exposition Park on Tuesday, \
             March 7, 2023. (Irene Castellanos / The Pacific Ledger)"
        ));
        assert!(!rejected("Published March 8, 2023 6:12 PM PT"));
        assert!(!rejected(
            "Posted on Tuesday, March 7, 2023 at 6:12 pm in the evening (EST)"
        ));
    }

    #[test]
    fn labels_of_other_dates() {
        assert!(other_date_label(
            "Closing date for responses: Friday 8th January 2010",
            false
        ));
        assert!(other_date_label("Anmeldeschluss: 3. Mai 2019", false));
        assert!(other_date_label("Prochaine réunion : 5 mars 2020", false));
        assert!(other_date_label("NEXT MEETING", true));
        assert!(other_date_label("Closing date for responses:", true));
        // A section's name or a headline over a story's date is no label of another date,
        // nor is a publication's label naming a section.
        assert!(!other_date_label("News & Events", true));
        assert!(!other_date_label("Council meeting ends in uproar", true));
        assert!(!other_date_label(
            "Registration opens for next year's marathon",
            true
        ));
        assert!(!other_date_label(
            "Posted in News & Events on 12 March 2019",
            false
        ));
        assert!(!other_date_label("Posted 12 November 2009", false));
        assert!(!other_date_label("Thursday 12th November 2009", false));
        // Prose is no label.
        assert!(!other_date_label(
            "The council said the next consultation would close on 8 January 2010",
            false
        ));
    }

    /// A counter's start is no date of the page.
    #[test]
    fn a_date_since_which_visitors_are_counted() {
        assert!(since_date("Besucher seit 01.01.2003: 48211"));
        assert!(since_date(
            "Vous êtes le 48213e visiteur depuis le 01/09/2003"
        ));
        assert!(ends_since("Besucher seit"));
        assert!(!since_date(
            "Veröffentlicht am 21.10.2006, seit Jahren geplant"
        ));
        assert!(!since_date("Publié le 12/02/2007"));
    }

    #[test]
    fn labels_and_rejections() {
        assert!(label("Updated: June 5, 2008") == Label::Updated);
        assert!(label("Published 3 March 2019") == Label::Published);
        assert!(label("Mis à jour le 8 septembre 2018") == Label::Updated);
        assert!(label("Article mis en ligne le 12/02/2007 à 22h14") == Label::Published);
        assert!(label("Publication : mardi 4 juin 2024 09:12") == Label::Published);
        assert!(label("By Rachel Ames Last updated on March 3, 2020") == Label::Updated);
        assert!(label("March 3, 2020 by Rachel Ames, updated daily") == Label::None);
        assert!(rejected("© 2019 Daily Courier. All rights reserved."));
        assert!(rejected("Photo: Jane Doe, 3 March 2019"));
        assert!(!rejected("March 3, 2014, 9:15 am"));
        assert!(!rejected("Jun 18, 2024, 3:15 PM UTC 87 Comments (87 New)"));
        assert!(!rejected("March 3, 2014 | Leave a comment"));
        assert!(!rejected("March 3, 2014 · Comments (12)"));
        assert!(rejected("Comment from Jane, March 3, 2014"));
        // A life's or an event's span is no dateline.
        assert!(rejected("June 14, 1931 – February 27, 2024"));
        assert!(!rejected("Nov. 20, 2019 - 10:15 a.m."));
        assert!(rejected(
            "Eleanor M. Prusak  ·  Oct. 3, 1938 – Feb. 6, 2024"
        ));
        assert!(!rejected("Berlin - 12.03.2024"));
        assert!(!rejected("Tue 12 Mar 2024 - 18:05"));
        // The original date after a revision label that is not the line's first word.
        let line = "Last Updated: March 13, 2024 at 8:02 a.m. ET First Published: March 12, 2024 at 4:47 p.m. ET";
        assert!(label(line) == Label::Published);
        let (date, _) = read(line).expect("a date");
        assert_eq!((u8::from(date.at.month()), date.at.day()), (3, 12));
    }

    #[test]
    fn scandinavian_labels_and_months() {
        assert!(label("Publicerad 2022-10-04 09:30") == Label::Published);
        assert!(label("Uppdaterad 2022-11-01") == Label::Updated);
        assert!(label("Publiceret 12. maj 2021") == Label::Published);
        assert!(label("Oppdatert 4. desember 2020") == Label::Updated);
        assert_eq!(
            day("Publicerad 4 oktober 2022 kl. 09.30"),
            Some((2022, 10, 4))
        );
        assert_eq!(day("Publiceret 12. maj 2021"), Some((2021, 5, 12)));
        assert_eq!(
            day("Publisert 3. desember 2020 kl. 14.05"),
            Some((2020, 12, 3))
        );
        assert_eq!(day("den 14 augusti 2019"), Some((2019, 8, 14)));
    }

    #[test]
    fn a_story_opening_on_its_place_and_day() {
        let of =
            |t: &str| opening_dateline(t).map(|d| (d.at.year(), d.at.month() as u8, d.at.day()));
        assert_eq!(
            of("Berlin, 12. Februar 2014 – Die Installationsbetriebe im Verband haben mehr"),
            Some((2014, 2, 12))
        );
        assert_eq!(
            of("WASHINGTON, March 3, 2021 — The agency said on Wednesday that"),
            Some((2021, 3, 3))
        );
        assert_eq!(
            of("NEW YORK, March 3, 2021 /PRNewswire/ -- Acme Corp. today announced"),
            Some((2021, 3, 3))
        );
        assert_eq!(
            of("Madrid, 3 de marzo de 2021.- El Gobierno aprobó hoy"),
            Some((2021, 3, 3))
        );
        assert_eq!(
            of("WASHINGTON, D.C. (March 3, 2021) – The senator introduced"),
            Some((2021, 3, 3))
        );
        assert_eq!(
            of("Frankfurt am Main, den 4.5.2019 – Die Messe"),
            Some((2019, 5, 4))
        );
        // No year, no place, a date inside the sentence, a place too long: no dateline.
        assert_eq!(of("LONDON, March 3 (Reuters) - Britain's economy"), None);
        assert_eq!(of("On March 3, 2021 – a Wednesday – the council met"), None);
        assert_eq!(
            of("Die Stadt hat am 3. März 2021 beschlossen, dass – wie erwartet – gebaut wird"),
            None
        );
        assert_eq!(
            of("The Council of the City of Springfield, 3 March 2021 – minutes"),
            None
        );
        assert_eq!(of("Berlin, im März 2014 – Die Zahl der"), None);
        // A weekday, a label, a sentence going on, a life's dates: no place and day.
        assert_eq!(of("Monday, March 3, 2021 – The council met at noon"), None);
        assert_eq!(
            of("Update, March 4, 2021 — This story has been updated"),
            None
        );
        assert_eq!(
            of("In Paris, on 3 March 2021 – the day the strike began"),
            None
        );
        assert_eq!(of("Born in Vienna, 3 March 1950 – died in Rome"), None);
        assert_eq!(
            of("Dear Members, 3 March 2021 - minutes of the meeting"),
            None
        );
    }

    #[test]
    fn central_european_and_finnish_labels() {
        assert!(label("Publikováno: 8. června 2009 10:47") == Label::Published);
        assert!(label("Aktualizováno 9. 6. 2009") == Label::Updated);
        assert!(label("Julkaistu 3.3.2021 10:47") == Label::Published);
        assert!(label("päivitetty 3.3.2021 14:02") == Label::Updated);
        assert_eq!(day("Julkaistu 3.3.2021 klo 10.47"), Some((2021, 3, 3)));
        assert_eq!(
            day("Jana Křížová | 8. června 2009 10:47 | Diskuse (14)"),
            Some((2009, 6, 8))
        );
    }

    #[test]
    fn a_blog_entry_dates_itself() {
        let of = |t: &str| self_dated(t).map(|d| (d.at.year(), d.at.month() as u8, d.at.day()));
        assert_eq!(
            of(
                "This entry was posted on Sunday 12th September 2010 at 9:47 pm and is filed \
                under Club news."
            ),
            Some((2010, 9, 12))
        );
        assert_eq!(
            of("Dieser Eintrag wurde veröffentlicht am 3. Mai 2012 von Anna."),
            Some((2012, 5, 3))
        );
        assert_eq!(of("The entry was posted on 3 May 2012."), None);
    }

    #[test]
    fn a_badge_of_month_day_and_year_glued() {
        assert_eq!(
            day(&super::super::numeric::unglued_date("Sep122010")),
            Some((2010, 9, 12))
        );
        assert_eq!(
            day(&super::super::numeric::unglued_date("Sep72010")),
            Some((2010, 9, 7))
        );
        assert_eq!(
            super::super::numeric::unglued_date("Route662010"),
            "Route662010"
        );
        assert_eq!(super::super::numeric::unglued_date("A3212345"), "A3212345");
    }

    #[test]
    fn catalan_and_polish_labels_and_months() {
        assert!(
            label("Geplaatst op 17-01-2017 | Laatst gewijzigd op 23-01-2017") == Label::Published
        );
        assert!(label("Publicat el 3 de març de 2019") == Label::Published);
        assert!(label("Darrera actualització: 13/02/2006 11:40") == Label::Updated);
        assert!(label("Opublikowano: 17.08.2021") == Label::Published);
        assert!(label("Ostatnia aktualizacja: 18.08.2021") == Label::Updated);
        assert_eq!(day("Dijous, 9 de febrer de 2006"), Some((2006, 2, 9)));
        assert_eq!(day("Publicat el 3 de març de 2019"), Some((2019, 3, 3)));
        assert_eq!(day("wtorek, 17 sierpnia 2021 r."), Some((2021, 8, 17)));
        assert_eq!(day("8 listopada 2022"), Some((2022, 11, 8)));
    }
}
