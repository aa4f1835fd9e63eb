//! Bylines in plain text, scored: `By X`, `By X and Y`, `Written by X`, `Posted on DATE
//! by X` (`Veröffentlicht am DATE von X`, `Publié le DATE par X`, ...), `Von X`, `Par X`,
//! `Por X`, `Author: X`, `X | Reporter`, `X - Nov 19, 2019` near the headline, and credit lines at the foot of the story (`TBP and Agencies`,
//! `(AP)`, `— Lukas Brändli`). Names go through the byline normalisation of
//! `crate::extract::byline`; a name part must read as names, so that "By the end of the
//! year" or "Par ici" are not bylines.

use crate::extract::byline;

use super::dateread;
use super::features::lexicon;
use super::links::underscores_between;
use super::name_ends::{cut_tail, parted_prefix};

/// The rules of bylines marked by an English `By` or an author label (a byline in a list
/// item counts only with one of these).
pub const MARKED: &[&str] = &[
    "by_prefix",
    "lead_phrase",
    "label_by",
    "label_colon",
    "label_line",
    "date_then_by",
    "date_then_label",
];

/// Longest line read for a byline at the top.
const MAX_CHARS: usize = 160;

fn names(raw: &str, min_words: usize) -> Option<String> {
    // html2text writes a link's spaces as underscores (`by James_Whitfield`,
    // `Chris_Pokorny@DawgsByNature`): spaces again before any `@`.
    let spaced;
    let raw = match raw.find('@').unwrap_or(raw.len()) {
        at if raw[..at].contains('_') => {
            spaced = format!("{}{}", raw[..at].replace('_', " "), &raw[at..]);
            spaced.as_str()
        }
        _ => raw,
    };
    let cut = cut_tail(raw.trim());
    let lex = lexicon();
    let first = cut.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_end_matches([',', '.']);
    // A month that is also a given name (`By Jan de Vries`, `By May Chen`) opens a name
    // when more of the name follows and no number does (`By May 2020` is a date).
    let given = lex.has("byline.given_months", first)
        && cut.split_whitespace().count() >= 2
        && !cut.bytes().any(|b| b.is_ascii_digit());
    // Nor does a date's label (`Fecha de publicación: 03/02/2020`).
    let date_label = lex.has("date.published", first) || lex.has("date.updated", first);
    if (lex.has("byline.stop", first) && !given) || date_label {
        return None;
    }
    let ok = byline::is_names(cut) || (min_words <= 1 && byline::is_agency(cut));
    if !ok || cut.split_whitespace().count() < min_words {
        return None;
    }
    byline::normalize(cut)
}

/// What follows a phrase saying whose piece this is (`Ein Artikel von X`, `Words by X`,
/// `Un article de X`: the lexicon's `byline.lead`): the names.
pub fn after_lead_phrase(t: &str) -> Option<&str> {
    let lower = t.to_lowercase();
    lexicon()
        .lines("byline.lead")
        .iter()
        .find(|p| {
            lower
                .strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with(' '))
        })
        .and_then(|p| t.get(p.len()..))
}

/// A byline in a line near the headline, with the rule that found it and its base score.
pub fn top_line(text: &str) -> Option<(String, &'static str)> {
    let spaced = link_spaced(text.trim());
    let parted = parted_prefix(spaced.as_ref());
    let t = parted.as_ref();
    // Pictures' labels glued before the line (`[Eric Song]By Eric Song, IGN Staff`, two
    // authors' photos: `[giul][paol] di Giulia Santoro e Paolo Venturi`).
    let mut t = t;
    while let Some((_, rest)) = t.strip_prefix('[').and_then(|r| r.split_once(']')) {
        if rest.trim().is_empty() {
            break;
        }
        t = rest.trim();
    }
    if t.chars().count() > MAX_CHARS {
        return None;
    }
    let lex = lexicon();
    let mut words = t.split_whitespace();
    let first = words.next()?.to_lowercase();
    let second = words.next().map(str::to_lowercase);
    let after = |n: usize| -> &str {
        let mut rest = t;
        for _ in 0..n {
            rest = rest.trim_start();
            rest = rest.find(char::is_whitespace).map_or("", |i| &rest[i..]);
        }
        rest.trim_start()
    };
    if first == "by" || first == "by:" {
        return names(after(1), 1).map(|n| (n, "by_prefix"));
    }
    if let Some(rest) = after_lead_phrase(t) {
        return names(rest, 1).map(|n| (n, "lead_phrase"));
    }
    let first_bare = first.trim_end_matches(':');
    if lex.has("byline.label", first_bare) {
        // `Posted by`, and `Postado por`, `Geschrieben von`, `Geplaatst door`; Italian's
        // `da` only after its label (`Pubblicato da`, `Scritto da`): a family name may
        // open on it.
        let by = second.as_deref().is_some_and(|w| {
            matches!(w, "by" | "by:" | "da") || lex.has("byline.prefix", w.trim_end_matches(':'))
        });
        if by {
            let rest = after(2);
            let posted = matches!(first_bare, "posted" | "submitted");
            return names(rest, 1)
                .or_else(|| dated_handle(rest).filter(|_| posted))
                .map(|n| (n, "label_by"));
        }
        if first.ends_with(':') {
            return names(after(1), 1).map(|n| (n, "label_colon"));
        }
        // French sets the colon apart: `Texte : Sophie Delvaux`.
        if second.as_deref() == Some(":") {
            return names(after(2), 1).map(|n| (n, "label_colon"));
        }
    }
    // `Von Hans Müller`, and with a colon `Por: Camila Fuentes`; a name of one word
    // (a pseudonym) after the prefix in lower case when the line goes on to its date
    // (`par Tsunoo, le lundi 9 juillet 2012 à 16h23`; not `Von Hamburg, 3. März 2020`
    // or `Di Maio, 12 marzo 2020`).
    if lex.has("byline.prefix", first_bare) {
        let dated = || {
            t.starts_with(char::is_lowercase)
                && dateread::read(after(2))
                    .is_some_and(|(d, _)| d.precision >= crate::article::DatePrecision::Day)
        };
        let min_words = if dated() { 1 } else { 2 };
        return names(after(1), min_words).map(|n| (n, "language_prefix"));
    }
    // "Posted on 27 June 2019 by Jane Doe", "Veröffentlicht am 27. Juni 2019 von Sabine
    // Müller": a date, then a word of `byline.after_date` and the name. The date opens
    // the line past its label (`Written 20 November 2019 by …`): a caption's `In this
    // Dec. 12, 2006, file photo, made available by NASA` is no dateline.
    let opens_dated = |head: &str| {
        let short = head.split_whitespace().count() <= 5 && !head.contains(',');
        dateread::read(head).is_some_and(|(_, rule)| rule != "in_line" || short)
    };
    if let Some(found) = by_after_date(t, opens_dated) {
        return found.map(|n| (n, "date_then_by"));
    }
    // "Published 14 October 2022 · Fiona Ashworth-Lee, Head of Policy": the dateline,
    // then the name behind a dot or bar.
    for sep in [" · ", " • ", " | "] {
        if let Some((head, tail)) = t.split_once(sep) {
            if head.split_whitespace().count() <= DATE_HEAD_WORDS
                && dateread::read(head).is_some_and(|(_, rule)| rule != "in_line")
            {
                if let Some(name) = names(tail, 2) {
                    return Some((name, "date_then_name"));
                }
            }
        }
    }
    // "14.01.2020, 09:37 Aktualizacja: 14.01.2020, 12:15 Autor: Katarzyna Wiśniewska": a
    // row of the dateline's fields with the author's label among them.
    if let Some(name) = labelled_after_date(t) {
        return Some((name, "date_then_label"));
    }
    // "Jane Doe | Reporter", "Jane Doe, Staff Writer", "Jane Doe - Nov 19, 2019",
    // "Jane Doe / NCA NewsWire" (an outlet of capitalised words after a slash).
    for sep in [" | ", " - ", " – ", " — ", ", ", " • ", " · ", " / "] {
        let Some((head, tail)) = t.split_once(sep) else {
            continue;
        };
        let outlet = sep == " / "
            && (1..=3).contains(&tail.split_whitespace().count())
            && tail
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        let role_word = |w: &str| {
            lex.has(
                "byline.role",
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            )
        };
        let role = outlet || tail.split_whitespace().take(3).any(role_word);
        let dated = !role && dateread::read(tail).is_some();
        if role || dated {
            let name = names(head, 2)?;
            // A second author with a role of their own (`Priya Natarajan, Senior Research
            // Fellow, and Owen Blakely, Research Economist`).
            let second = role
                .then(|| {
                    tail.split_once(", and ")
                        .or_else(|| tail.split_once(" and "))
                })
                .flatten()
                .and_then(|(_, rest)| {
                    let (other, its_role) = rest.split_once(", ")?;
                    its_role
                        .split_whitespace()
                        .take(3)
                        .any(role_word)
                        .then(|| names(other, 2))
                        .flatten()
                });
            let name = match second {
                Some(other) => format!("{name} and {other}"),
                None => name,
            };
            return Some((name, if role { "name_role" } else { "name_date" }));
        }
    }
    // "Marieke de Vries 5 juni 2023, 14:32": a name run straight into its date (a place
    // in capitals, `NEW YORK 5 June`, is no name).
    let words: Vec<&str> = t.split_whitespace().collect();
    for word in words.iter().take(NAME_WORDS + 1).skip(2) {
        let start = word.as_ptr() as usize - t.as_ptr() as usize;
        let (head, tail) = t.split_at(start);
        // The date with a month's name or a time (`Opening Bell 11.18.19` is a headline).
        let worded = tail.chars().any(char::is_alphabetic) || tail.contains(':');
        if head.chars().any(char::is_lowercase)
            && worded
            && dateread::read(tail).is_some_and(|(_, rule)| rule != "in_line")
        {
            return names(head.trim(), 2).map(|n| (n, "name_date"));
        }
    }
    None
}

/// The name after a byline's label and its colon inside a line that opens on a date
/// (`14.01.2020, 09:37 Aktualizacja: … Autor: Katarzyna Wiśniewska`).
fn labelled_after_date(t: &str) -> Option<String> {
    let lex = lexicon();
    let (at, label) = t.match_indices(": ").find_map(|(i, _)| {
        let label = t[..i].rsplit(' ').next()?;
        lex.has("byline.label", &label.to_lowercase())
            .then_some((i, label))
    })?;
    let head = t[..at - label.len()].trim_end();
    let dated = !head.is_empty()
        && head.split_whitespace().count() <= DATE_HEAD_WORDS
        && dateread::read(head).is_some_and(|(_, rule)| rule != "in_line");
    dated.then(|| names(&t[at + 2..], 2)).flatten()
}

/// Most words of a dateline a name follows behind a dot or bar.
const DATE_HEAD_WORDS: usize = 10;

/// Most words of a name run straight into its date.
const NAME_WORDS: usize = 4;

/// A user name that blogs print as the author after the date (`Posted on DATE by
/// quaysider`): the line's last word, in lower case, of letters, digits, `_`, `-` and
/// `.`, not a stop word.
fn handle(rest: &str) -> Option<String> {
    // What a separator parts off after it (`lupita_medina · 4 comentarios`) is not the
    // name's.
    let rest = rest.split(['·', '|', '•']).next().unwrap_or(rest);
    let mut words = rest.split_whitespace();
    let w = words.next()?.trim_end_matches(['.', ',']);
    let ok = words.next().is_none()
        && (2..=30).contains(&w.chars().count())
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !lexicon().is_stop_not_name(w);
    ok.then(|| w.to_string())
}

/// A user name before the date, as community sites post (`Posted by tinfoilhat on
/// Friday November 22, 2019 @11:05AM`): a [`handle`], `on`, then a calendar day among the
/// next words.
fn dated_handle(rest: &str) -> Option<String> {
    let (first, after) = rest.split_once(' ')?;
    let after = after.strip_prefix("on ")?;
    let name = handle(first)?;
    dateread::read(after)
        .is_some_and(|(d, _)| d.precision >= crate::article::DatePrecision::Day)
        .then_some(name)
}

/// A byline label standing alone on its line, its name on the next (`Author:` /
/// `Jane Doe`, `Written by:` / `Jane Doe`): the words of the label and a colon, nothing
/// else.
fn label_line(text: &str) -> bool {
    let Some(label) = text.trim().strip_suffix(':') else {
        return false;
    };
    let lex = lexicon();
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    match words.as_slice() {
        [w] => w == "by" || lex.has("byline.label", w),
        [w, by] => by == "by" && (lex.has("byline.label", w) || lex.has("byline.prefix", w)),
        _ => false,
    }
}

/// A byline word standing alone on its line without a colon, its name on the next line
/// (`By` / `Ryan Reed`, `Por` / `Diego Hernández`): pages set the word and the linked
/// name in elements of their own.
fn lone_prefix(text: &str) -> bool {
    let w = text.trim().to_lowercase();
    w == "by" || lexicon().has("byline.prefix", &w)
}

/// A list item's text without its bullet: pages list the byline, the author's handle and
/// the date as items (`• by Jane Doe`); and without the label of the author's picture
/// that a renderer prints before it (`[oliv] By Oliver Grant`).
fn unbulleted(t: &str) -> &str {
    let t = if super::lines::starts_with_bullet(t) {
        t.trim_start()
            .split_once(char::is_whitespace)
            .map_or(t, |(_, rest)| rest.trim_start())
    } else {
        t
    };
    match t
        .trim_start()
        .strip_prefix('[')
        .and_then(|r| r.split_once("] "))
    {
        Some((label, rest)) if !label.contains('[') && !rest.trim().is_empty() => rest.trim_start(),
        _ => t,
    }
}

/// Words of a bio's opening looked through for the author's trade.
const BIO_WORDS: usize = 10;

/// An author's card at unit `i` (a blog platform's or a magazine's author box under the
/// story): a name of two or three words on a unit of its own, printed once or twice (a
/// picture's label, then the name), right over a bio that names the author's trade
/// (`Founder and editor of The Slow Index. Previously covered city hall …`). The name.
pub fn author_card(units: &[super::lines::Unit], i: usize) -> Option<String> {
    let lex = lexicon();
    let name = unbulleted(&units.get(i)?.text).trim();
    if !(2..=3).contains(&name.split_whitespace().count()) || !byline::is_names(name) {
        return None;
    }
    let next = (i + 1..units.len()).find(|&j| units[j].text.trim() != name)?;
    let bio = &units[next].text;
    let trade = bio.split_whitespace().nth(5).is_some()
        && super::features::words_lower(bio)
            .take(BIO_WORDS)
            .any(|w| lex.has("byline.role", &w));
    trade.then(|| byline::normalize(name)).flatten()
}

/// A name of two to four words on a unit of its own; as a picture's label in brackets
/// or a link html2text writes with underscores (`[Ailsa Chang]`, `Ailsa_Chang`), the name.
fn lone_name(units: &[super::lines::Unit], j: usize) -> Option<String> {
    let text = units.get(j)?.text.trim();
    let text = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    let text = if text.contains(' ') {
        text.to_string()
    } else {
        text.replace('_', " ")
    };
    let text = without_glued_button(&text);
    ((2..=4).contains(&text.split_whitespace().count()) && byline::is_names(&text)).then_some(text)
}

/// A name without the button its widget prints after it (`Miriam OkonkwoFollow`,
/// `Miriam Okonkwo (BUTTON) Follow`, `Jane Doe + Follow`): trailing page-furniture words
/// and button marks, and a capitalised furniture word glued on after a lower-case letter.
fn without_glued_button(text: &str) -> String {
    let lex = lexicon();
    let mut t = text.trim_end();
    while let Some((head, last)) = t.rsplit_once(' ') {
        let word = last.to_lowercase();
        if last == "(BUTTON)" || last == "+" || lex.has("furniture", &word) {
            t = head.trim_end();
        } else {
            break;
        }
    }
    let last = t.rsplit(' ').next().unwrap_or(t);
    let chars: Vec<(usize, char)> = last.char_indices().collect();
    let glued = (3..chars.len())
        .rev()
        .find(|&k| chars[k].1.is_uppercase() && chars[k - 1].1.is_lowercase())
        .map(|k| t.len() - last.len() + chars[k].0)
        .filter(|&at| lex.has("furniture", &t[at..].to_lowercase()));
    t[..glued.unwrap_or(t.len())].to_string()
}

/// A name printed twice in a row (an avatar's label, then the name: `Laura G. Pardo` /
/// `Laura G. Pardo`), and the names of the pairs that follow (`Ailsa Chang` / `Ailsa
/// Chang` / `Juana Summers` / `Juana Summers`); or a name over its role (`Tan Wei Ming` /
/// `Senior Correspondent`).
fn name_twice(units: &[super::lines::Unit], i: usize) -> Option<(String, &'static str)> {
    let name = lone_name(units, i)?;
    let pair_at = |j: usize| {
        let n = lone_name(units, j)?;
        printed_again(units, j + 1, &n).then_some(n)
    };
    let first = if pair_at(i).is_some() {
        i
    } else if i > 0 && pair_at(i - 1).as_ref() == Some(&name) {
        i - 1
    } else {
        return name_over_role(units, i, &name);
    };
    let names: Vec<String> = (0..MAX_PAIRS)
        .map_while(|k| pair_at(first + 2 * k))
        .collect();
    let joined = match names.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => return None,
    };
    byline::normalize(&joined).map(|n| (n, "name_twice"))
}

/// Whether unit `i` is a name printed twice in a row, itself or with its neighbour (a
/// name that repeats is boilerplate by repetition, not when it stands in such a pair).
pub fn in_name_pair(units: &[super::lines::Unit], i: usize) -> bool {
    let Some(name) = lone_name(units, i) else {
        return false;
    };
    printed_again(units, i + 1, &name)
        || i.checked_sub(1).and_then(|j| lone_name(units, j)).as_ref() == Some(&name)
}

/// Whether unit `j` prints `name` again: alone, or opening the line with what its widget
/// glues or parts on after it (`Lucía FerrándezColumna · «Cuarto sin ventana»`, `Jane Doe
/// | Columnist`).
fn printed_again(units: &[super::lines::Unit], j: usize, name: &str) -> bool {
    lone_name(units, j).as_deref() == Some(name)
        || units.get(j).is_some_and(|u| {
            unbulleted(&u.text)
                .trim()
                .strip_prefix(name)
                .is_some_and(|rest| {
                    rest.starts_with(char::is_uppercase)
                        || [" · ", " | ", " • "]
                            .iter()
                            .any(|sep| rest.starts_with(sep))
                })
        })
}

/// Authors read in a run of names printed twice.
const MAX_PAIRS: usize = 4;

/// A name right over a short line of its role (`Senior Correspondent`).
fn name_over_role(
    units: &[super::lines::Unit],
    i: usize,
    name: &str,
) -> Option<(String, &'static str)> {
    let lex = lexicon();
    let next = units.get(i + 1)?;
    let role = next.block == units[i].block
        && next.text.split_whitespace().count() <= 4
        && super::features::words_lower(&next.text).any(|w| lex.has("byline.role", &w));
    role.then(|| byline::normalize(name))
        .flatten()
        .map(|n| (n, "name_over_role"))
}

/// A byline in unit `i` near the headline: in the unit itself ([`top_line`]), or the name
/// under a label that stands alone on the unit above (`Author:` / `Jane Doe`).
pub fn top_unit(units: &[super::lines::Unit], i: usize) -> Option<(String, &'static str)> {
    let text = unbulleted(&units.get(i)?.text);
    top_line(text).or_else(|| name_twice(units, i)).or_else(|| {
        let above = i.checked_sub(1).map(|j| &units[j])?;
        let label = unbulleted(&above.text);
        (above.block == units[i].block
            && (label_line(label) || lone_prefix(label))
            && !text.contains(':'))
        .then(|| names(text, 1))
        .flatten()
        .map(|n| (n, "label_line"))
    })
}

/// A line with the spaces html2text wrote as underscores in a link's text put back
/// (`Marieke_de_Vries 5 juni 2023` is `Marieke de Vries 5 juni 2023`): an underscore
/// between two letters, in a capitalised word that is no address or path (a user name
/// such as `markus_b` keeps it). A line of linked names alone (`Lucía_Ferrándiz
/// Javier_Montoya`) is a list of links, one name each: its names are parted by commas.
fn link_spaced(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains('_') {
        return t.into();
    }
    let linked = |w: &str| !w.contains(['@', '/', '\\']) && w.starts_with(char::is_uppercase);
    let word = |w: &str| -> String {
        if !linked(w) {
            return w.to_string();
        }
        underscores_between(w, |a, b| a.is_alphabetic() && b.is_alphabetic())
    };
    let words: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
    let separator = if words.len() > 1 && words.iter().all(|w| linked(w) && w.contains('_')) {
        ", "
    } else {
        " "
    };
    words
        .into_iter()
        .map(word)
        .collect::<Vec<_>>()
        .join(separator)
        .into()
}

/// Most names of a bare list parted by commas.
const MAX_LISTED: usize = 3;
/// Longest line read as a bare name beside a dateline.
const BARE_NAME_CHARS: usize = 80;

/// A name printed with no byline word beside the dateline (`Rui Almeida` over `20 de
/// Novembro de 2019`, `Ruth Ellison Cities correspondent`, `Charlie Wood, Business
/// Insider`, `Núria Ferrer Soler | Barcelona`): two to four words of a name, then at most
/// a role, a desk or a place after a separator; or a desk's own byline (`Our
/// Correspondent`). `lower_words`: whether a word is printed
/// in lower case elsewhere in the file (`Climate Change` over a date is a section label
/// when the story speaks of climate change).
/// The networks and verbs of a share bar, which no name holds.
const SHARE_WORDS: [&str; 14] = [
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "instagram",
    "telegram",
    "email",
    "e-mail",
    "share",
    "teilen",
    "partager",
    "compartir",
];

pub fn bare_name(text: &str, lower_words: &dyn Fn(&str) -> bool) -> Option<String> {
    let spaced = link_spaced(unbulleted(text).trim());
    let t = spaced.as_ref();
    // A share bar (`Facebook X WhatsApp Kopioi linkki`) names nobody; a name may be a
    // furniture word elsewhere (`Skip Bayless`).
    let furniture = || super::features::words_lower(t).any(|w| SHARE_WORDS.contains(&w.as_ref()));
    if t.chars().count() > BARE_NAME_CHARS
        || t.contains(':')
        || t.ends_with(['!', '?'])
        || dateread::read(t).is_some()
        || furniture()
    {
        return None;
    }
    // A desk's conventional byline (`Our Correspondent`, `Staff Reporter`), as printed.
    let desk = t.trim_end_matches(['.', ',']);
    if lexicon()
        .lines("byline.desk")
        .iter()
        .any(|d| d.eq_ignore_ascii_case(desk))
    {
        return Some(desk.to_string());
    }
    // Names parted by commas (`Sofie Vermeulen, Pieter-Jan De Clercq`), each a bare name
    // of its own and none a role: a desk or an outlet after the comma (`Charlie Wood,
    // Business Insider`) is no name.
    let parts: Vec<&str> = t.split(", ").collect();
    if (2..=MAX_LISTED).contains(&parts.len()) {
        let lex = lexicon();
        let names: Option<Vec<String>> = parts
            .iter()
            .map(|p| {
                let role = super::features::words_lower(p).any(|w| lex.has("byline.role", &w));
                (!role)
                    .then(|| bare_name(p, lower_words))
                    .flatten()
                    .filter(|n| {
                        n.as_str() == p.trim() && !byline::is_agency(n) && !byline::is_outlet(n)
                    })
            })
            .collect();
        if let Some(names) = names {
            return Some(names.join(" and "));
        }
    }
    let cut = cut_tail(t);
    // Agency copy: the agency alone, or with the place it filed from (`Lusa`, `EFE
    // València`).
    let agency = match cut.split_once(' ') {
        Some((first, place))
            if !byline::is_agency(cut)
                && byline::is_agency(first)
                && !place.contains(' ')
                && place.starts_with(char::is_uppercase) =>
        {
            first
        }
        _ => cut,
    };
    if byline::is_agency(agency) {
        return byline::normalize(agency);
    }
    let name = byline::normalize(without_place(without_agency(cut)))?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let lex = lexicon();
    // Two to four words a name, two names or more parted by `and` in any language.
    let each = |n: &str| (2..=4).contains(&n.split_whitespace().count());
    let anded = [" und ", " et ", " y ", " e ", " en ", " & "]
        .iter()
        .fold(name.clone(), |n, c| n.replace(c, " and "));
    let listed = anded.contains(" and ") && anded.split(" and ").all(each);
    let ok = (if anded.contains(" and ") {
        listed
    } else {
        (2..=4).contains(&words.len())
    }) && byline::is_names(&name)
        && !byline::is_agency(&name)
        && words.iter().enumerate().all(|(k, w)| {
            let l = w.to_lowercase();
            let l = l.trim_end_matches('.');
            // Initials, and particles (`de`, `van`) that names hold in lower case, or
            // capitalised inside a name (`Pieter-Jan De Clercq`).
            l.chars().count() == 1
                || w.starts_with(char::is_lowercase)
                || (k > 0 && k + 1 < words.len() && byline::is_name_particle(l))
                || !(lex.is_stop_not_name(l) || lex.has("byline.stop", l) || lex.has("sections", l))
        })
        && !words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .all(|w| lower_words(&w.to_lowercase()));
    ok.then_some(name)
}

/// The bare name a dateline opens with (`Tomasz Lindqvist at the Quayside Ground Sat 9
/// Mar 2024 18.42 GMT`): the name up to the first separator, place word or number, when
/// what follows holds the date.
pub fn name_before_date(text: &str, lower_words: &dyn Fn(&str) -> bool) -> Option<String> {
    let t = unbulleted(text).trim();
    let head = cut_tail(t);
    let rest = t.get(head.len()..)?;
    if head.is_empty() || dateread::read(rest).is_none() {
        return None;
    }
    bare_name(head, lower_words)
}

/// A name with the place it was filed from run on in capitals (`Rafael Moreira Tavares
/// BRASÍLIA`), without the place; a name all in capitals keeps its last word.
fn without_place(t: &str) -> &str {
    let capitals = |w: &str| w.chars().count() >= 3 && !w.chars().any(char::is_lowercase);
    match t.rsplit_once(' ') {
        Some((head, last))
            if capitals(last)
                && last.chars().all(char::is_alphabetic)
                && head.chars().any(char::is_lowercase) =>
        {
            head
        }
        _ => t,
    }
}

/// A name with its agency run on without a separator (`Jordan Whitfield The Canadian
/// Press`), without the agency; other text as it is.
fn without_agency(t: &str) -> &str {
    let starts: Vec<usize> = t.match_indices(' ').map(|(i, _)| i).collect();
    // The longest run of agency words that ends the line.
    starts[starts.len().saturating_sub(AGENCY_WORDS)..]
        .iter()
        .find(|&&i| byline::is_agency(t[i..].trim()) && t[..i].split_whitespace().count() >= 2)
        .map_or(t, |&i| t[..i].trim_end())
}

/// Most words of an agency's name run on after a byline.
const AGENCY_WORDS: usize = 3;

/// Whether unit `i` is a `By` line with only more names, a date and a time after the
/// name (`By Jane Doe, Omar Haddad on Monday, November 18th, 2019 at 11:08 a.m.`): a
/// byline however it ends, never prose. "By Christmas, the ministry said on Monday ..."
/// goes on in a clause.
pub fn by_line(units: &[super::lines::Unit], i: usize) -> bool {
    const JOINS: &[&str] = &[
        "on",
        "at",
        "and",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "updated",
        "published",
        "posted",
        "|",
        "-",
        "–",
        "—",
        "et",
        "und",
        "y",
        "e",
        "le",
        "el",
        "il",
        "op",
        "om",
        "um",
    ];
    let Some((name, "by_prefix")) = top_unit(units, i) else {
        return false;
    };
    // html2text's link names keep underscores for spaces (`By Matthew_Digby`).
    let text = units[i].text.replace('_', " ");
    let Some(at) = text.find(name.as_str()) else {
        return false;
    };
    text[at + name.len()..]
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || w.chars().next().is_some_and(char::is_uppercase)
                || JOINS.contains(&w.to_lowercase().as_str())
        })
}

/// The name after the first by-word of `t` (`by`, `par`, `von`: `byline.after_date`)
/// whose text before it `dated` accepts: `None` without such a word, `Some(None)` when
/// no name follows it.
fn by_after_date(t: &str, dated: impl Fn(&str) -> bool) -> Option<Option<String>> {
    let lex = lexicon();
    for word in t.split_whitespace().skip(1) {
        // Where `word` starts in `t`: it is a slice of it.
        let start = word.as_ptr() as usize - t.as_ptr() as usize;
        if lex.has("byline.after_date", &word.to_lowercase()) && dated(&t[..start]) {
            let rest = &t[start + word.len()..];
            // A handle only right after the date or its time (`Posted on 3 May 2019 by
            // marta_k`), not after other words (`31/03/2012 Campeonato escolar por
            // equipos`, a calendar's entry).
            let after_time = t[..start].split_whitespace().last().is_some_and(|w| {
                w.bytes().any(|b| b.is_ascii_digit()) || lex.has("byline.stop", &w.to_lowercase())
            });
            return Some(names(rest, 1).or_else(|| handle(rest).filter(|_| after_time)));
        }
    }
    None
}

/// The author a publication's dateline at a story's foot names after its date (`Cet
/// article a été publié le jeudi 7 février 2019 par Claire Devaux dans Actualités`,
/// `This entry was posted on March 3, 2015 by Tom Hale`): the line opens on its label,
/// and the by-word follows the day.
pub fn foot_dateline_author(line: &str) -> Option<String> {
    by_after_date(line, |head| {
        dateread::read(head).is_some_and(|(d, _)| d.precision >= crate::article::DatePrecision::Day)
    })
    .flatten()
}

/// A credit line at the foot of the story: the byline, and whether it is marked (agency,
/// dash, parentheses, "By") rather than a bare run of names.
pub fn credit(line: &str) -> Option<(String, bool)> {
    if line.contains('\n') {
        return None;
    }
    byline::credit_line_kind(line).map(|(b, kind)| (b, kind == byline::Credit::Marked))
}

/// Labels of an editor's note or a correction at a story's foot.
const EDITORS_NOTES: [&str; 14] = [
    "editor's note",
    "editor’s note",
    "editors' note",
    "correction:",
    "clarification:",
    "anm. d. red",
    "hinweis der redaktion",
    "note de la rédaction",
    "nota del editor",
    "nota de la redacción",
    "nota della redazione",
    "noot van de redactie",
    "nota do editor",
    "nota da redação",
];

/// An editor's note or a correction under a story (`Editor's note: This story was
/// updated …`).
pub(super) fn editors_note(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    EDITORS_NOTES.iter().any(|l| lower.starts_with(l))
}

/// Whether a story's first paragraph opens on `name` as its place (`Bad Hollerbach. Die
/// Sanierung …`): a bare name printed over the headline (`Bad Hollerbach`) is then the
/// place's section, no author.
pub(super) fn place_of(paragraph: &str, name: &str) -> bool {
    paragraph
        .strip_prefix(name)
        .is_some_and(|rest| rest.starts_with(['.', ',']) || rest.starts_with(" –"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(s: &str) -> Option<String> {
        top_line(s).map(|(n, _)| n)
    }

    /// A handle right after the date and its time is the author; a calendar entry's
    /// lower-case word after other words is not.
    #[test]
    fn handles_after_a_date() {
        assert_eq!(
            top("Posted on August 3, 2023 by marta_k").as_deref(),
            Some("marta_k")
        );
        assert_eq!(top("31/03/2012   Campeonato escolar por equipos"), None);
    }

    /// Bylines as small sites and portals print them: a name before its date in Dutch and
    /// Spanish, a `By` glued onto the name, the agency the name wrote with; a date's
    /// label is no name.
    #[test]
    fn bylines_of_more_templates() {
        for (line, want) in [
            (
                "Geplaatst door Pieter-Jan Claes op 3 april 2019",
                Some("Pieter-Jan Claes"),
            ),
            (
                "Publicado por Ana Ruiz el 3 de abril de 2019",
                Some("Ana Ruiz"),
            ),
            ("ByPriya Raman", Some("Priya Raman")),
            (
                "Par Sophie Vandermeulen avec Belga",
                Some("Sophie Vandermeulen"),
            ),
            ("Fecha de publicación: 03/02/2020", None),
            ("ByHeart Recalls Formula Nationwide", None),
            ("DiNapoli Brothers open a third shop", None),
        ] {
            assert_eq!(top(line).as_deref(), want, "{line:?}");
        }
    }

    /// `el`, `op` and a capitalised `Le` end a name before its date only.
    #[test]
    fn particles_before_a_date_end_a_name() {
        assert_eq!(cut_tail("Mohamed el Dahshan"), "Mohamed el Dahshan");
        assert_eq!(cut_tail("Jan op den Kamp"), "Jan op den Kamp");
        assert_eq!(cut_tail("Ana Ruiz el 3 de abril"), "Ana Ruiz");
        // Capitalised as a dateline's label: `Le` before the date, not in `Anne Le Goff`.
        assert_eq!(
            cut_tail("Claire Mougenot Le 18/05/2018 à 06:15"),
            "Claire Mougenot"
        );
        assert_eq!(cut_tail("Anne Le Goff"), "Anne Le Goff");
        assert_eq!(cut_tail("Anne Le Goff 3 mars 2021"), "Anne Le Goff");
        assert_eq!(cut_tail("Phuong Le 2 hours ago"), "Phuong Le");
        assert_eq!(cut_tail("Phuong Le 03/03/2021 10:00"), "Phuong Le");
        assert_eq!(
            cut_tail("Mohamed El Erian 3 March 2021"),
            "Mohamed El Erian"
        );
        assert_eq!(
            cut_tail("Anne Le Goff Le 18/05/2018 à 06:15"),
            "Anne Le Goff"
        );
        assert_eq!(cut_tail("Jana Köhler Am 12.06.2024"), "Jana Köhler");
        assert_eq!(
            top("Par Claire Mougenot Le 18/05/2018 à 06:15 Mis à jour le 19/05/2018").as_deref(),
            Some("Claire Mougenot")
        );
    }

    /// Names with their roles: a research fellow's, and two authors each with a role.
    #[test]
    fn names_with_roles() {
        assert_eq!(
            top("Priya Natarajan, Senior Research Fellow").as_deref(),
            Some("Priya Natarajan")
        );
        assert_eq!(
            top("Priya Natarajan, Senior Research Fellow, and Owen Blakely, Research Economist")
                .as_deref(),
            Some("Priya Natarajan and Owen Blakely")
        );
        assert_eq!(
            top("Jane Doe, Staff Writer, and the Associated Press").as_deref(),
            Some("Jane Doe")
        );
    }

    /// A dateline, then the name behind a dot or bar; a section's name there is none.
    #[test]
    fn name_after_a_dateline_and_a_dot() {
        assert_eq!(
            top_line("Published 14 October 2022, updated 17 October 2022 · Fiona Ashworth-Lee, Head of Policy"),
            Some(("Fiona Ashworth-Lee".to_string(), "date_then_name"))
        );
        assert_eq!(
            top("12 June 2023 | Tomás Whitfield").as_deref(),
            Some("Tomás Whitfield")
        );
        assert_eq!(top("12 June 2023 · Politics"), None);
        assert_eq!(top("Tuesday 12 June 2023 · Local News"), None);
    }

    #[test]
    fn top_forms() {
        assert_eq!(top("By Anna Novak").as_deref(), Some("Anna Novak"));
        assert_eq!(
            top("By Jane Doe and Omar Haddad").as_deref(),
            Some("Jane Doe and Omar Haddad")
        );
        assert_eq!(top("Written by Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            top("Posted by Gwen Abernathy in Community Garden · 3 days ago").as_deref(),
            Some("Gwen Abernathy")
        );
        assert_eq!(
            top("By Tomasz Lindqvist at the Quayside Ground").as_deref(),
            Some("Tomasz Lindqvist")
        );
        assert_eq!(
            top("Door Femke de Wolf do 21 mrt 2024, 14:05").as_deref(),
            Some("Femke de Wolf")
        );
        assert_eq!(
            top("Posted on 27 June 2019 by Jane Doe").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(top("Von Katrin Schäfer").as_deref(), Some("Katrin Schäfer"));
        assert_eq!(
            top("Par Jean Dupont, le 3 mars 2019").as_deref(),
            Some("Jean Dupont")
        );
        assert_eq!(top("Por María García").as_deref(), Some("María García"));
        assert_eq!(top("Jane Doe | Reporter").as_deref(), Some("Jane Doe"));
        assert_eq!(
            top("Chris Davies - Nov 19, 2019, 10:31 pm CST").as_deref(),
            Some("Chris Davies")
        );
        assert_eq!(top("Author: Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            top("Posted on 4 August 2017 by James_Whitfield").as_deref(),
            Some("James Whitfield")
        );
        // html2text's underscores before a handle, a picture's label glued before `By`,
        // an outlet after a slash, a list of names past commas, a Portuguese credit.
        assert_eq!(
            top(" By  Chris_Pokorny@DawgsByNature    Nov 18, 2019, 11:47am EST").as_deref(),
            Some("Chris Pokorny")
        );
        assert_eq!(
            top("[Eric Song]By Eric_Song, IGN Staff").as_deref(),
            Some("Eric Song")
        );
        assert_eq!(
            top("[giul][paol] di Giulia Santoro e Paolo Venturi").as_deref(),
            Some("Giulia Santoro e Paolo Venturi")
        );
        assert_eq!(
            top("Callum Dwyer / NCA NewsWire").as_deref(),
            Some("Callum Dwyer")
        );
        assert_eq!(
            top("By Priya Raman, Marcus Delgado and Hannah Kessler, NCN").as_deref(),
            Some("Priya Raman, Marcus Delgado and Hannah Kessler")
        );
        // html2text's linked names.
        assert_eq!(
            top("Marieke_de_Vries 5 juni 2023, 14:32").as_deref(),
            Some("Marieke de Vries")
        );
        assert_eq!(
            top("par Julien_Morel, envoyé spécial à Marseille").as_deref(),
            Some("Julien Morel")
        );
        assert_eq!(
            top("By Thandeka Mokoena, Pieter van Wyk and Sipho Ndlovu").as_deref(),
            Some("Thandeka Mokoena, Pieter van Wyk and Sipho Ndlovu")
        );
        assert_eq!(top("Texto Joana Silva").as_deref(), Some("Joana Silva"));
        assert_eq!(
            top("Marieke de Vries 5 juni 2023, 14:32").as_deref(),
            Some("Marieke de Vries")
        );
        assert_eq!(top("NEW YORK 5 June 2023"), None);
        assert_eq!(top("Opening Bell 11.18.19"), None);
        assert_eq!(
            top("By Jordan Okafor, a senior reporter covering consumer tech and the chip")
                .as_deref(),
            Some("Jordan Okafor")
        );
        assert_eq!(top("Text / Photos"), None);
    }

    #[test]
    fn what_follows_the_name() {
        for (line, name) in [
            ("Ein Artikel von Lea Hoffmann", "Lea Hoffmann"),
            (
                "Publié par Clairobscur le 9 mars 202411 mars 2024 · 4 commentaires",
                "Clairobscur",
            ),
            (
                "Publicado el 12 julio, 202413 julio, 2024 por lupita_medina · 4 comentarios",
                "lupita_medina",
            ),
            (
                "Geschreven door Joost van der Meulen 2 februari 2024 om 00:34",
                "Joost van der Meulen",
            ),
            (
                "Texte : Sophie Delvaux                                  jeudi 21 septembre 2023",
                "Sophie Delvaux",
            ),
            (
                "Texto: Inês Carvalho  |  Fotografia: Rui Mota",
                "Inês Carvalho",
            ),
            ("Tekst: Sanne de Graaf", "Sanne de Graaf"),
            ("Interview by Chloe Dunn", "Chloe Dunn"),
            ("Propos recueillis par Hélène Marchand", "Hélène Marchand"),
            (
                "Words by Hannah Cole · Illustration by Marco Li",
                "Hannah Cole",
            ),
            (
                "Von Jana Berger und Tim Krause",
                "Jana Berger und Tim Krause",
            ),
            (
                "By Rachel Ames Last updated on March 3, 2020 37 Comments",
                "Rachel Ames",
            ),
            (
                "Par Claire Dubois (Saint-Roch-en-Joux (Jura), envoyée spéciale) Publié le 12",
                "Claire Dubois",
            ),
            (
                "By Dana Whitfield Staff Writer dwhitfield@ledger.example",
                "Dana Whitfield",
            ),
        ] {
            assert_eq!(top(line).as_deref(), Some(name), "{line}");
        }
        // A picture's label before the byline, as renderers print it.
        let units = super::super::lines::units("[oliv] By Oliver Grant, Political Editor\n");
        assert_eq!(
            top_unit(&units, 0).map(|(n, _)| n).as_deref(),
            Some("Oliver Grant")
        );
        // `Last` is a name when no date word follows.
        assert_eq!(top("By Jonathan Last").as_deref(), Some("Jonathan Last"));
    }

    #[test]
    fn a_caption_with_a_date_is_no_dateline_byline() {
        assert_eq!(
            top("In this Dec. 12, 2006, file photo, made available by NASA, astronaut"),
            None
        );
        assert_eq!(
            top("Posted on November 20, 2019 by Jane Doe").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            top("Written 20 November 2019 by Sam Reyes").as_deref(),
            Some("Sam Reyes")
        );
    }

    #[test]
    fn a_user_name_after_the_date() {
        assert_eq!(
            top("Posted on November 20, 2019 by quaysider").as_deref(),
            Some("quaysider")
        );
        assert_eq!(
            top("Veröffentlicht am 5. Mai 2018 von markus_b").as_deref(),
            Some("markus_b")
        );
        // Words, not a name: a stop word, or more than one word.
        assert_eq!(top("Posted on November 20, 2019 by the"), None);
        assert_eq!(top("Posted on November 20, 2019 by the council"), None);
    }

    #[test]
    fn date_then_name_in_other_languages() {
        for (line, name) in [
            (
                "Veröffentlicht am 27. Juni 2019 von Sabine Müller",
                "Sabine Müller",
            ),
            ("Publié le 27 juin 2019 par Sabine Martin", "Sabine Martin"),
            (
                "Publicado el 27 de junio de 2019 por Sabine Ruiz",
                "Sabine Ruiz",
            ),
            (
                "Pubblicato il 27 giugno 2019 da Giulia Rossi",
                "Giulia Rossi",
            ),
            (
                "Gepubliceerd op 27 juni 2019 door Pieter de Vries",
                "Pieter de Vries",
            ),
        ] {
            assert_eq!(top(line).as_deref(), Some(name), "{line}");
        }
        // Without a date before it, `da` is no byline word.
        assert_eq!(top("Arrivano da Roma i nuovi treni"), None);
    }

    #[test]
    fn months_that_are_given_names() {
        assert_eq!(top("Door Jan de Vries").as_deref(), Some("Jan de Vries"));
        assert_eq!(top("By May Chen").as_deref(), Some("May Chen"));
        assert_eq!(top("By May 2020"), None);
        assert_eq!(top("By June"), None);
        assert_eq!(top("By Monday Morning"), None);
    }

    #[test]
    fn bulleted_byline() {
        let units = crate::extract::text::lines::units(
            "Headline here\n\n  • by Jane Doe\n  • @janedoe\n  • Home\n",
        );
        let found: Vec<_> = (0..units.len())
            .filter_map(|i| top_unit(&units, i).map(|(n, _)| (i, n)))
            .collect();
        assert_eq!(found, vec![(1, "Jane Doe".to_string())]);
    }

    #[test]
    fn label_on_the_line_above() {
        let units = crate::extract::text::lines::units("4 Things to Do in October\n\nAuthor:\nPractical Horseman Staff\nOct 1, 2019\n\nAbout:\nThe plan was dead.\n");
        let at = |i: usize| top_unit(&units, i).map(|(n, rule)| (units[i].text.clone(), n, rule));
        let found: Vec<_> = (0..units.len()).filter_map(at).collect();
        assert_eq!(
            found,
            vec![(
                "Practical Horseman Staff".to_string(),
                "Practical Horseman Staff".to_string(),
                "label_line"
            )]
        );
    }

    #[test]
    fn a_name_printed_again_with_its_button() {
        let units = crate::extract::text::lines::units(
            "Miriam Okonkwo\nMiriam OkonkwoFollow\n\nMiriam Okonkwo is a professor.\n",
        );
        assert_eq!(
            top_unit(&units, 0),
            Some(("Miriam Okonkwo".to_string(), "name_twice"))
        );
        let units = crate::extract::text::lines::units(
            "Lucía Ferrández\nLucía FerrándezColumna · «Cuarto sin ventana»\n",
        );
        assert_eq!(
            top_unit(&units, 0),
            Some(("Lucía Ferrández".to_string(), "name_twice"))
        );
        let units =
            crate::extract::text::lines::units("Miriam Okonkwo\nMiriam Okonkwo (BUTTON) Follow\n");
        assert_eq!(
            top_unit(&units, 0),
            Some(("Miriam Okonkwo".to_string(), "name_twice"))
        );
        // A name that runs on is another name.
        let units = crate::extract::text::lines::units("Anna Berg\nAnna Bergstrom\n");
        assert_eq!(top_unit(&units, 0), None);
    }

    #[test]
    fn a_lone_by_on_the_line_above() {
        for (label, name) in [("By", "Ryan Reed"), ("Por", "Diego Hernández")] {
            let units = crate::extract::text::lines::units(&format!("{label}\n{name}\n"));
            assert_eq!(
                top_unit(&units, 1),
                Some((name.to_string(), "label_line")),
                "{label}"
            );
        }
        let units = crate::extract::text::lines::units("Stand\nNovember 2019\n");
        assert_eq!(top_unit(&units, 1), None);
    }

    #[test]
    fn handles_and_glued_names() {
        assert_eq!(
            top("By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST").as_deref(),
            Some("Chris Pokorny")
        );
        assert_eq!(
            top("By Jane Doe jane.doe@example.com").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            top("By Jonathan GarberFOXBusiness").as_deref(),
            Some("Jonathan Garber")
        );
        assert_eq!(
            top("By Eric SongBy Eric Song").as_deref(),
            Some("Eric Song")
        );
        assert_eq!(
            top("By Sean Martin Sean Martin").as_deref(),
            Some("Sean Martin")
        );
        assert_eq!(
            top("By Sarah McLachlan and John MacKenzie").as_deref(),
            Some("Sarah McLachlan and John MacKenzie")
        );
    }

    #[test]
    fn a_name_opening_a_dateline() {
        let never = |_: &str| false;
        assert_eq!(
            name_before_date(
                "Tomasz Lindqvist at the Quayside Ground Sat 9 Mar 2024 18.42 GMT",
                &never
            )
            .as_deref(),
            Some("Tomasz Lindqvist")
        );
        assert_eq!(name_before_date("Monday 9 March 2024", &never), None);
        assert_eq!(name_before_date("Sports Desk 9 Mar 2024", &never), None);
        assert_eq!(name_before_date("Tomasz Lindqvist", &never), None);
    }

    #[test]
    fn bare_names_beside_a_dateline() {
        let never = |_: &str| false;
        let bare = |s: &str| bare_name(s, &never);
        assert_eq!(bare("Rui Almeida").as_deref(), Some("Rui Almeida"));
        assert_eq!(
            bare("Ruth Ellison Cities correspondent").as_deref(),
            Some("Ruth Ellison")
        );
        assert_eq!(
            bare("  • Charlie Wood, Business Insider").as_deref(),
            Some("Charlie Wood")
        );
        assert_eq!(
            bare("Núria Ferrer Soler | Barcelona").as_deref(),
            Some("Núria Ferrer Soler")
        );
        assert_eq!(bare("Pieter de Vries").as_deref(), Some("Pieter de Vries"));
        // Two linked names side by side (html2text): two authors, not one long name.
        assert_eq!(
            bare("Lucía_Ferrándiz Javier_Montoya").as_deref(),
            Some("Lucía Ferrándiz and Javier Montoya")
        );
        assert_eq!(
            bare("Pieter-Jan De Clercq").as_deref(),
            Some("Pieter-Jan De Clercq")
        );
        assert_eq!(
            bare("Sofie Vermeulen, Pieter-Jan De Clercq").as_deref(),
            Some("Sofie Vermeulen and Pieter-Jan De Clercq")
        );
        assert_eq!(
            bare("Álvaro Benítez y Nuria Castell").as_deref(),
            Some("Álvaro Benítez y Nuria Castell")
        );
        assert_eq!(
            bare("Marcus DelaneyStaff reporter").as_deref(),
            Some("Marcus Delaney")
        );
        // An outlet after the comma is where the author works.
        assert_eq!(
            bare("Élodie Tremblay-Vachon, Presse Boréale").as_deref(),
            Some("Élodie Tremblay-Vachon")
        );
        assert_eq!(
            bare("Rafael Moreira Tavares BRASÍLIA").as_deref(),
            Some("Rafael Moreira Tavares")
        );
        assert_eq!(
            bare("ÁNGELA MARTIALAY").as_deref(),
            Some("ÁNGELA MARTIALAY")
        );
        assert_eq!(bare("Lusa").as_deref(), Some("Lusa"));
        assert_eq!(bare("EFE València").as_deref(), Some("EFE"));
        assert_eq!(
            bare("Priya Bakshi and Callum Frew").as_deref(),
            Some("Priya Bakshi and Callum Frew")
        );
        assert_eq!(bare("Fire and Rescue Service"), None);
        assert_eq!(bare("Bruce Y. Lee").as_deref(), Some("Bruce Y. Lee"));
        // Section labels, furniture, dates and sentences are no names.
        assert_eq!(bare("Local Politics"), None);
        assert_eq!(bare("Updated Nov. 19"), None);
        // Agency copy is credited to the agency alone.
        assert_eq!(bare("Reuters").as_deref(), Some("Reuters"));
        assert_eq!(
            bare("The Associated Press").as_deref(),
            Some("The Associated Press")
        );
        assert_eq!(
            bare("Associated Press").as_deref(),
            Some("Associated Press")
        );
        // An agency run on after the name goes.
        assert_eq!(
            bare("Jordan Whitfield The Canadian Press").as_deref(),
            Some("Jordan Whitfield")
        );
        assert_eq!(bare("On Our Radar"), None);
        assert_eq!(bare("Read more: Jane Doe"), None);
        // A label whose words the story prints in lower case.
        let story = |w: &str| w == "climate" || w == "change";
        assert_eq!(bare_name("Climate Change", &story), None);
        assert_eq!(
            bare_name("Anna Change", &story).as_deref(),
            Some("Anna Change")
        );
    }

    #[test]
    fn prose_is_not_a_byline() {
        assert_eq!(top("By the end of the year the plan was dead."), None);
        assert_eq!(top("Par ici la sortie"), None);
        assert_eq!(top("By Fri Nov 19"), None);
        assert_eq!(
            top("By Umair Irfan Updated Nov 19, 2019").as_deref(),
            Some("Umair Irfan")
        );
        assert_eq!(top("Home | News | Sport"), None);
        assert_eq!(
            top("Von der Leyen sagte am Montag, die Lage sei ernst."),
            None
        );
    }

    #[test]
    fn bylines_of_round_31_s_templates() {
        // A prefix with a colon, a phrase that labels the author, a place and a follow
        // button after the name.
        assert_eq!(
            top("Por: Camila Fuentes").as_deref(),
            Some("Camila Fuentes")
        );
        assert_eq!(
            top("Author of the article: Jenna Kowalchuk, Westmark News").as_deref(),
            Some("Jenna Kowalchuk")
        );
        assert_eq!(
            top("Autor: Petra Hölscher aus Bottrop folgen").as_deref(),
            Some("Petra Hölscher")
        );
        assert_eq!(
            top("Συντάκτης: Γιώργος Παπαδάκης").as_deref(),
            Some("Γιώργος Παπαδάκης")
        );
        // A user name before the date; a pseudonym of one word before it.
        assert_eq!(
            top("Posted by tinfoilhat on Friday November 22, 2019 @11:05AM from the").as_deref(),
            Some("tinfoilhat")
        );
        assert_eq!(
            top("par Tsunoo, le lundi 9 juillet 2012 à 16h23").as_deref(),
            Some("Tsunoo")
        );
        // Without its date, one word after a prefix is no name; a lower-case word after
        // `Posted by` with no date is no handle.
        assert_eq!(top("par Tsunoo"), None);
        for place in ["Von Hamburg, 3. März 2020", "Di Maio, 12 marzo 2020"] {
            assert_eq!(top(place), None, "{place}");
        }
        for plain in [
            "Written by hand on 12 March 1943, the letter",
            "Reported by phone on 3 March 2020",
        ] {
            assert_eq!(top(plain), None, "{plain}");
        }
        assert_eq!(top("Posted by admin in category news"), None);
        // `aus` before a sentence is no place the name writes from.
        assert_eq!(
            cut_tail("Die Drehleiter aus Bad Weilingen löschte das Feuer"),
            "Die Drehleiter aus Bad Weilingen löschte das Feuer"
        );
        assert_eq!(cut_tail("Jane Doe from Leeds"), "Jane Doe");
        assert_eq!(
            top("14.01.2020, 09:37 Aktualizacja: 14.01.2020, 12:15 Autor: Katarzyna Wiśniewska")
                .as_deref(),
            Some("Katarzyna Wiśniewska")
        );
        assert_eq!(
            bare_name(
                "Anna LindqvistReporteranna.lindqvist@hoglandsbladet.se",
                &|_| false
            )
            .as_deref(),
            Some("Anna Lindqvist")
        );
        // A label after words that are no date names no author there.
        assert_eq!(
            top("Weitere Artikel zum Thema Autor: Katarzyna Wiśniewska"),
            None
        );
        // A desk's byline, as printed.
        let never = |_: &str| false;
        assert_eq!(
            bare_name("Our Correspondent", &never).as_deref(),
            Some("Our Correspondent")
        );
        assert_eq!(bare_name("Our Readers", &never), None);
        // Names that are function words of a language with a stop list stay names.
        for name in [
            "Andrew Yang",
            "Lydia Ko",
            "Len Downey",
            "Aki Ito",
            "Samo Kralj",
        ] {
            assert_eq!(bare_name(name, &never).as_deref(), Some(name));
        }
    }

    #[test]
    fn credit_lines() {
        assert_eq!(
            credit("TBP and Agencies"),
            Some(("TBP and Agencies".into(), true))
        );
        assert_eq!(credit("The talks resume on Friday."), None);
    }
}
