//! Bylines: the "By ..." line at the top of a story and the credit line at its foot
//! ("TBP and Agencies", "(AP)", "Reporting by ...; Editing by ...").
//!
//! Credit lines are recognised conservatively: a short line with no sentence punctuation
//! that either names a news agency or staff desk, or reads like a list of personal names.
//! A false positive would cut the last paragraph of a story, so prose never qualifies.

use super::byline_words::{
    AGENCY_NAMES, AGENCY_WORDS, AUTHOR_LABELS, CREDIT_LABELS, DEGREES, JOB_TITLES, JOINED_AGENCIES,
    LANGUAGE_BY, NAME_PARTICLES, NOT_NAMES, OUTLET_WORDS, ROLE_HEADS, ROLE_QUALIFIERS, ROLE_WORDS,
};

/// A line that only names a news agency: "Associated Press", "The Associated Press",
/// "Reuters", "AFP".
pub fn is_agency(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| AGENCY_WORDS.contains(w) && !ROLE_WORDS.contains(w))
}

/// Strips "By", dashes, parentheses and separators around a byline; `None` when nothing is left.
pub fn normalize(raw: &str) -> Option<String> {
    let mut s = crate::extract::clean::squash_spaces(unglued(raw));
    loop {
        let before = s.len();
        let t = s
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '·' | '•' | ',' | ';')
            })
            .to_string();
        s = t;
        if let Some(rest) = strip_prefix_ci(&s, "by ") {
            s = rest.to_string();
        } else if let Some(rest) = strip_prefix_ci(&s, "by:") {
            s = rest.trim_start().to_string();
        } else if let Some(rest) = strip_credit_label(&s) {
            s = rest.to_string();
        } else if let Some(rest) = strip_language_by(&s) {
            s = rest.to_string();
        } else if let Some(rest) = strip_author_label(&s) {
            s = rest.to_string();
        }
        if s.starts_with('(') && s.ends_with(')') && s.matches('(').count() == 1 {
            s = s[1..s.len() - 1].to_string();
        }
        if s.len() == before {
            break;
        }
    }
    // The outlet the names wrote for (`REBECCA THORNE FOR MAILONLINE`, `Jane Doe for The
    // Guardian`, `Tyler Brandt Special to the Gazette`).
    // ASCII case only, so that offsets stay those of `s`.
    let lower = s.to_ascii_lowercase();
    let s = match [" for ", " special to "]
        .iter()
        .filter_map(|sep| lower.find(sep))
        .min()
    {
        Some(i) if is_names(&s[..i]) => s[..i].to_string(),
        _ => s,
    };
    // The agency the names wrote with (`Sophie Vandermeulen avec Belga`, `Jane Doe with
    // Reuters`, `mit dpa`): the names alone.
    let lower = s.to_ascii_lowercase();
    let s = match WITH_WORDS
        .iter()
        .filter_map(|sep| lower.find(sep).map(|i| (i, sep.len())))
        .min()
    {
        Some((i, n)) if is_names(&s[..i]) && is_joined_agency(&s[i + n..]) => s[..i].to_string(),
        _ => s,
    };
    let s = once(&without_initials(&without_role(&caps_name(&s))));
    // A byline element holding only its `By` (`<div>Por</div> <a>Name</a>`) names nobody.
    let bare_label = [
        "by", "von", "par", "por", "door", "di", "da", "de", "av", "af",
    ]
    .contains(&s.to_lowercase().as_str());
    (!s.is_empty() && !bare_label).then_some(s)
}

/// Whether `part`, after a word joining it to a byline's names (`avec`, `with`), is the
/// agency they wrote with: an agency, or one whose short name is an ordinary word too
/// ([`JOINED_AGENCIES`]: `avec ats`, `mit apa`).
pub fn is_joined_agency(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    is_agency(part) || JOINED_AGENCIES.contains(&lower.as_str())
}

/// Words joining a byline's names to the agency they wrote with.
pub const WITH_WORDS: [&str; 6] = [" with ", " avec ", " mit ", " con ", " com ", " met "];

/// A name in capitals right before words in title case, the outlet or desk it wrote for
/// (`HELENA MARQUES Transatlantic Press` -> `HELENA MARQUES`): the capitals, two words
/// or more.
fn caps_name(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let caps = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let titled =
        |w: &str| w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase);
    let k = words.iter().take_while(|w| caps(w)).count();
    // After a comma the words are the names' own (`JOHN MILLER, Associated Press`).
    if k >= 2
        && k < words.len()
        && !words[k - 1].ends_with(',')
        && words[k..].iter().all(|w| titled(w))
    {
        words[..k].join(" ")
    } else {
        s.to_string()
    }
}

/// Name prefixes after which a capital inside a word is part of the name (`MacArthur`,
/// `VanDyke`, `FitzGerald`); shorter ones (`McDonald`, `DeSantis`) never part a word.
const GLUED_PREFIXES: &[&str] = &["mac", "van", "von", "fitz", "della", "vander", "ter"];

/// A byline without what a renderer glued onto its last name, where a page set the next
/// element without a space: `Jonathan GarberFOXBusiness` -> `Jonathan Garber`, `Isabelle
/// TremblayLa Presse` -> `Isabelle Tremblay`, `Eric SongBy Eric Song` -> `Eric Song`. A
/// capital after three letters or more of a word, not after a name prefix, parts it.
fn unglued(s: &str) -> &str {
    let mut start = 0;
    for word in s.split(' ') {
        let mut prev_lower = false;
        for (i, c) in word.char_indices() {
            if prev_lower && c.is_uppercase() && word[..i].chars().count() >= 3 {
                let head = word[..i].to_lowercase();
                if !GLUED_PREFIXES.contains(&head.as_str()) && start > 0 {
                    return &s[..start + i];
                }
            }
            prev_lower = c.is_lowercase();
        }
        start += word.len() + 1;
    }
    s
}

/// A name without the initials an avatar prints before it (`LE Lukas Ebner`).
fn without_initials(s: &str) -> String {
    let mut words = s.split_whitespace();
    let (Some(first), rest) = (words.next(), words.collect::<Vec<_>>()) else {
        return s.to_string();
    };
    let initials: String = rest
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    if (2..=3).contains(&first.chars().count())
        && first.chars().all(char::is_uppercase)
        && rest.len() >= 2
        && initials.starts_with(first)
    {
        rest.join(" ")
    } else {
        s.to_string()
    }
}

/// A name printed twice in a row, as a picture's label and then the link (`Sean Martin
/// Sean Martin`), once.
fn once(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let half = words.len() / 2;
    if half >= 2 && words.len().is_multiple_of(2) && words[..half] == words[half..] {
        words[..half].join(" ")
    } else {
        s.to_string()
    }
}

/// What follows the names in a byline that is not a name: a job title after a comma or
/// without one (`Oliver Grant, Political Editor`, `Dana Whitfield Staff Writer`; an
/// agency before the title stays: `John Miller, Associated Press Writer` -> `John
/// Miller, Associated Press`), a place and role in brackets (`Claire Dubois
/// (Saint-Roch-en-Joux, envoyée spéciale)`; an agency in brackets stays), an e-mail
/// address. Two name words at least are kept.
fn without_role(s: &str) -> String {
    let mut s = s.to_string();
    if let Some(i) = s.find(" (") {
        let inner = s[i + 2..].trim_end_matches(')');
        if s[..i].split_whitespace().count() >= 2 && !is_agency(inner) {
            s.truncate(i);
        }
    }
    let words: Vec<&str> = s.split_whitespace().filter(|w| !w.contains('@')).collect();
    let mut s = words.join(" ").replace(" , ", ", ");
    // The outlet after the name (`Charlie Wood, Business Insider`, `Amy Kuperinsky | NJ
    // Advance Media for NJ.com`, `Harriet Olsson, University of Eastmoor`): not a name.
    while let Some((names, tail)) = s.rsplit_once(", ").or_else(|| s.rsplit_once(" | ")) {
        if names.split_whitespace().count() < 2 || !is_outlet(tail) {
            break;
        }
        s = names.to_string();
    }
    if let Some((names, role)) = s.rsplit_once(", ") {
        let reduced = without_job_title(role);
        if reduced != role && names.split_whitespace().count() >= 2 {
            s = if reduced.is_empty() {
                names.to_string()
            } else {
                format!("{names}, {reduced}")
            };
        }
    }
    if s.contains(',') {
        return s;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let lower = |w: &str| w.split('-').next().unwrap_or(w).to_lowercase();
    if words.len() >= 3
        && words
            .last()
            .is_some_and(|w| JOB_TITLES.contains(&lower(w).as_str()))
    {
        let mut end = words.len() - 1;
        while end > 2 && ROLE_QUALIFIERS.contains(&lower(words[end - 1]).as_str()) {
            end -= 1;
        }
        if end <= 3 {
            return words[..end].join(" ");
        }
    }
    s
}

/// A publication or institution (not a news agency, which a byline keeps): a word of
/// `OUTLET_WORDS`, a domain name (`Cleveland.com`), or a broadcaster's capitals (`XNN`).
pub fn is_outlet(part: &str) -> bool {
    if is_agency(part) {
        return false;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    let domain = |w: &&str| {
        w.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty()
                && (2..=4).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
    };
    let capitals = words.len() == 1
        && (2..=5).contains(&part.len())
        && part.chars().all(|c| c.is_ascii_uppercase());
    (1..=8).contains(&words.len())
        && (capitals
            || words.iter().any(domain)
            || words.iter().any(|w| {
                let l = w.to_lowercase();
                OUTLET_WORDS.contains(&l.trim_matches(|c: char| !c.is_alphanumeric()))
            }))
}

/// "Por María García" -> "María García", "di Giulia Rossi" -> "Giulia Rossi": the word
/// for "by" before a capitalised name of two words or more.
fn strip_language_by(s: &str) -> Option<&str> {
    let rest = LANGUAGE_BY
        .iter()
        .find_map(|w| strip_prefix_ci(s, w))
        .or_else(|| s.strip_prefix("di "))
        // Norwegian and Swedish `Av`, Danish `Af`, as written (`AV Club` is a name).
        .or_else(|| {
            ["Av ", "av ", "Af ", "af "]
                .iter()
                .find_map(|p| s.strip_prefix(p))
        })?;
    let name = rest.trim_start();
    (name.chars().next()?.is_uppercase() && name.split_whitespace().count() >= 2).then_some(name)
}

/// Whether `head` is a label that credits the names after its "by" (`Commentary`,
/// `Written`), not a link's label (`View all posts`).
pub fn is_credit_label(head: &str) -> bool {
    CREDIT_LABELS.contains(&head.trim().to_lowercase().as_str())
}

/// "Analysis by Jane Doe" -> "Jane Doe".
fn strip_credit_label(s: &str) -> Option<&str> {
    CREDIT_LABELS.iter().find_map(|label| {
        let rest = strip_prefix_ci(s, label)?;
        [" by ", " by:", " por ", " von ", " par ", " door "]
            .iter()
            .find_map(|by| strip_prefix_ci(rest, by))
            .map(str::trim_start)
    })
}

fn strip_author_label(s: &str) -> Option<&str> {
    let (label, rest) = s.split_once(':')?;
    AUTHOR_LABELS
        .contains(&label.trim().to_lowercase().as_str())
        .then(|| rest.trim_start())
}

pub fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// A "By ..." line at the top of a story; returns the byline and what follows a separator
/// (often a date: "By Jane Doe | January 22, 2014").
pub fn top_byline(line: &str) -> Option<(String, Option<&str>)> {
    let t = line.trim();
    let rest = strip_prefix_ci(t, "by ").or_else(|| strip_prefix_ci(t, "by:"))?;
    if t.chars().count() > 160 {
        return None;
    }
    let (names, tail) = match rest.find(['|', '•', '·']) {
        Some(i) => (
            &rest[..i],
            Some(rest[i..].trim_start_matches(['|', '•', '·'])),
        ),
        None => (rest, None),
    };
    let names = first_letter_upper(names.trim())?;
    Some((normalize(names)?, tail))
}

fn first_letter_upper(s: &str) -> Option<&str> {
    s.chars().next().filter(|c| c.is_uppercase()).map(|_| s)
}

/// How sure a credit line is: marked (agency word, "By", dash, parentheses, "Reporting by")
/// or only a bare run of capitalised names, which lists and match reports also end with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credit {
    Marked,
    BareNames,
}

/// The byline in a credit line at the foot of a story, or `None` when the line is prose.
pub fn credit_line(line: &str) -> Option<String> {
    credit_line_kind(line).map(|(b, _)| b)
}

/// `credit_line`, also saying how the credit was recognised.
pub fn credit_line_kind(line: &str) -> Option<(String, Credit)> {
    let marked = |b: Option<String>| b.map(|b| (b, Credit::Marked));
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 90 {
        return None;
    }
    // `With files from The Canadian Press`: the sources the writer drew on, no author.
    if ["with files from ", "with a file from "]
        .iter()
        .any(|p| strip_prefix_ci(t, p).is_some())
    {
        return None;
    }
    if let Some(rest) = strip_prefix_ci(t, "reporting by ") {
        let names = rest.split(';').next().unwrap_or(rest);
        return marked(normalize(names.trim_end_matches('.')));
    }
    if let Some((byline, _)) = top_byline(t) {
        return marked((!ends_like_sentence(&byline)).then_some(byline));
    }
    let stripped = t.trim_start_matches(['-', '–', '—', ' ']);
    // A labelled credit after its dash (`— Reporter: Caoimhe Ní Fhearghail`).
    if stripped.len() != t.len() {
        if let Some(names) = strip_author_label(stripped) {
            return marked(normalize(names).filter(|b| !ends_like_sentence(b)));
        }
    }
    let inner = stripped.trim_matches(['(', ')']);
    if ends_like_sentence(inner) || inner.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == '/' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let agency = lower.iter().any(|w| AGENCY_WORDS.contains(&w.as_str()));
    let parenthesised = stripped.starts_with('(') && stripped.ends_with(')') && words.len() <= 3;
    let dashed = stripped.len() != t.len();
    if let Some(named) = agency.then(|| agencies_named(inner)).flatten() {
        return marked(normalize(named));
    }
    if agency || parenthesised || (dashed && looks_like_names(&words, &lower)) {
        return marked(normalize(stripped));
    }
    if looks_like_names(&words, &lower) && words.len() >= 2 {
        return normalize(inner).map(|b| (b, Credit::BareNames));
    }
    None
}

/// The agencies a phrase credits past its last `by` (`Mit Material von dpa und AFP`,
/// `With reporting by AP`), when words come before it.
fn agencies_named(line: &str) -> Option<&str> {
    const BY: [&str; 6] = [" by ", " von ", " par ", " por ", " door ", " di "];
    const JOINS: [&str; 7] = ["and", "und", "et", "y", "e", "en", "&"];
    let at = line
        .char_indices()
        .rev()
        .filter_map(|(i, _)| {
            BY.iter()
                .find(|b| {
                    line.get(i..i + b.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(b))
                })
                .map(|b| i + b.len())
        })
        .next()?;
    // Only agencies after it, and none before it (`Anna Keller (dpa) mit Material von
    // AFP` is Anna Keller's; `Reuters photo by Jane Doe` is no agencies' credit).
    let agencies = |part: &str| -> Vec<bool> {
        part.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(|w| {
                let l = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                AGENCY_WORDS.contains(&l.as_str()) || JOINS.contains(&l.as_str())
            })
            .collect()
    };
    let (before, rest) = (&line[..at], line[at..].trim());
    let only_agencies = !rest.is_empty() && agencies(rest).iter().all(|&a| a);
    let none_before = !before.contains(';') && !agencies(before).iter().any(|&a| a);
    (only_agencies && none_before).then_some(rest)
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ':', '…'])
}

/// Whether `s` reads as a short list of person names ("Jane Doe", "Jane Doe and Omar
/// Haddad", "Ludwig van Beethoven"): capitalised words and name particles only.
pub fn is_names(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    !words.is_empty() && words.len() <= 8 && looks_like_names(&words, &lower)
}

/// Whether `lower`, a word in lower case, is a particle of family names (`De` in `Pieter-Jan
/// De Clercq`, `van` in `Ludwig van Beethoven`).
pub fn is_name_particle(lower: &str) -> bool {
    NAME_PARTICLES.contains(&lower)
}

/// "Anna Keller", "Jane Doe and Omar Haddad", "Ludwig van Beethoven".
fn looks_like_names(words: &[&str], lower: &[String]) -> bool {
    const CONJUNCTIONS: &[&str] = &["and", "&", "y", "und", "et", "e", "en"];
    if lower.iter().any(|w| NOT_NAMES.contains(&w.as_str())) {
        return false;
    }
    let mut capitalised = 0;
    for (w, l) in words.iter().zip(lower) {
        if is_name_particle(l) || CONJUNCTIONS.contains(&l.as_str()) {
            continue;
        }
        let first = w.chars().next();
        if !first.is_some_and(|c| c.is_uppercase())
            || !w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        {
            return false;
        }
        capitalised += 1;
    }
    (1..=6).contains(&capitalised)
}

/// The people (and agencies) in a byline, one per entry, for search and facets:
/// "Jane Doe and Omar Haddad" -> ["Jane Doe", "Omar Haddad"];
/// "Janie Gabbett, Reuters" -> ["Janie Gabbett", "Reuters"];
/// "Anna Keller in Zurich" -> ["Anna Keller"]; "Staff and agencies" -> [].
pub fn names(byline: &str) -> Vec<String> {
    let Some(b) = normalize(byline) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for (i, part) in b.split([',', ';', '&', '/', '|']).enumerate() {
        // After the names: "AP Auto Writer" -> "AP", "Staff Writer" -> "".
        let part = if i > 0 {
            without_job_title(part)
        } else {
            part.to_string()
        };
        for piece in split_words_ci(&part, &[" and ", " und ", " et ", " y ", " with "]) {
            let mut name = piece.trim().trim_matches(['(', ')', '.', ' ']).to_string();
            for sep in [" in ", " at ", " for ", " reporting from "] {
                if let Some(i) = name.to_lowercase().find(sep) {
                    name.truncate(i);
                }
            }
            let name = strip_prefix_ci(&name, "by ")
                .unwrap_or(&name)
                .trim()
                .to_string();
            let lower = name.to_lowercase();
            if name.is_empty() || ROLE_WORDS.contains(&lower.as_str()) || name.chars().count() > 60
            {
                continue;
            }
            // One spelling per agency, so that facets count "REUTERS" and "Reuters" as one.
            let name = AGENCY_NAMES
                .iter()
                .find(|(key, _)| *key == lower.strip_prefix("the ").unwrap_or(&lower))
                .map_or(name, |(_, canonical)| canonical.to_string());
            if !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
    }
    out
}

/// Most words of a role its head opens.
const ROLE_HEAD_WORDS: usize = 6;

/// A job title ("AP Auto Writer", "Associated Press Writer", "Valley Post Editor-at-large")
/// reduced to the news agency it starts with, if any, and a degree or a role its head
/// opens to nothing; anything else is returned as is.
fn without_job_title(part: &str) -> String {
    // `Showbiz Reporter for ClarionOnline`, `Editor at Large`: the title before it.
    let lower = part.to_lowercase();
    let part = [" for ", " at "]
        .iter()
        .filter_map(|sep| lower.find(sep))
        .min()
        .map_or(part, |i| &part[..i]);
    let degree = part.trim().trim_end_matches('.').to_lowercase();
    if DEGREES.contains(&degree.as_str()) {
        return String::new();
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    // A role its head opens, as the Romance languages write it (`chargée de
    // communication`, `responsable pédagogique`, `jefa de prensa`).
    if words.len() <= ROLE_HEAD_WORDS
        && words
            .first()
            .is_some_and(|w| ROLE_HEADS.contains(&w.to_lowercase().as_str()))
    {
        return String::new();
    }
    let is_title = words.last().is_some_and(|w| {
        let head = w.split('-').next().unwrap_or(w).to_lowercase();
        JOB_TITLES.contains(&head.as_str())
    });
    if !is_title {
        return part.to_string();
    }
    words
        .iter()
        .take_while(|w| {
            let l = w.to_lowercase();
            AGENCY_WORDS.contains(&l.as_str()) && !ROLE_WORDS.contains(&l.as_str())
        })
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits on any of `seps`, ignoring ASCII case.
fn split_words_ci<'a>(s: &'a str, seps: &[&str]) -> Vec<&'a str> {
    let lower = s.to_ascii_lowercase();
    let mut cuts = Vec::new();
    for sep in seps {
        let mut from = 0;
        while let Some(i) = lower[from..].find(sep) {
            cuts.push((from + i, sep.len()));
            from += i + sep.len();
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (i, len) in cuts {
        if i >= at {
            out.push(&s[at..i]);
            at = i + len;
        }
    }
    out.push(&s[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines_are_recognised() {
        let cases = [
            ("TBP and Agencies", "TBP and Agencies"),
            ("(AP)", "AP"),
            ("Reuters", "Reuters"),
            ("Staff and agencies", "Staff and agencies"),
            ("By Maria Lopez", "Maria Lopez"),
            ("Anna Keller", "Anna Keller"),
            ("— Jane Doe", "Jane Doe"),
            ("Reporting by Jane Doe; Editing by Omar Haddad", "Jane Doe"),
            ("Mit Material von dpa und AFP", "dpa und AFP"),
            ("With reporting by AP", "AP"),
            ("Anna Keller (dpa) mit Material von AFP", "Anna Keller"),
        ];
        for (line, want) in cases {
            assert_eq!(credit_line(line).as_deref(), Some(want), "{line:?}");
        }
    }

    #[test]
    fn the_agency_a_name_wrote_with() {
        assert_eq!(
            normalize("Sophie Vandermeulen avec Belga").as_deref(),
            Some("Sophie Vandermeulen")
        );
        assert_eq!(
            normalize("Jane Doe with Reuters").as_deref(),
            Some("Jane Doe")
        );
        // The Swiss, Nordic, Czech, Polish and Italian agencies as well; the short names
        // that are ordinary words too only after the joining word.
        for agency in [
            "ats",
            "Keystone-SDA",
            "NTB",
            "Ritzau",
            "ČTK",
            "PAP",
            "agi",
            "Adnkronos",
        ] {
            assert_eq!(
                normalize(&format!("Julien Ramseyer avec {agency}")).as_deref(),
                Some("Julien Ramseyer"),
                "{agency}"
            );
        }
        assert!(!is_agency("The PAP"));
        assert_eq!(credit_line("Why AGI matters"), None);
        // A labelled credit after its dash; a label alone names nobody.
        assert_eq!(
            credit_line("— Reporter: Caoimhe Ní Fhearghail").as_deref(),
            Some("Caoimhe Ní Fhearghail")
        );
        assert_eq!(credit_line("— Reporter: the council said so."), None);
        assert_eq!(credit_line("With files from The Canadian Press"), None);
        // Not a partner who is no agency.
        assert_eq!(
            normalize("Jane Doe with Tom Hale").as_deref(),
            Some("Jane Doe with Tom Hale")
        );
    }

    #[test]
    fn particles_of_names_in_several_languages() {
        for name in [
            "Jeroen Van den Broeck",
            "Anke ter Horst",
            "Maria do Carmo Santos",
            "João dos Santos",
            "Lucia della Rovere",
        ] {
            assert!(is_names(name), "{name}");
        }
        assert!(!is_names("Ministers sign the accord"));
    }

    #[test]
    fn by_in_other_languages_is_dropped() {
        for (raw, want) in [
            ("Por María José Fernández", "María José Fernández"),
            ("Par Jean-Baptiste Lefèvre", "Jean-Baptiste Lefèvre"),
            ("Von Katharina Möller", "Katharina Möller"),
            ("di Giulia Bianchi", "Giulia Bianchi"),
            ("Door Pieter de Vries", "Pieter de Vries"),
            ("Di Maio Luigi", "Di Maio Luigi"),
            ("Author: Marisol Fuentes", "Marisol Fuentes"),
            ("Por: Daniela Ortiz Villaseñor", "Daniela Ortiz Villaseñor"),
            ("Texto de Rita Sampaio", "Rita Sampaio"),
            ("Text: Anna Berger", "Anna Berger"),
            ("Av Ingrid Haugland", "Ingrid Haugland"),
            ("Af Mette Jensen", "Mette Jensen"),
            ("Haber: Mehmet Kaya", "Mehmet Kaya"),
            ("Szerző: Szabó Dániel", "Szabó Dániel"),
            ("Erstellt von Ingrid Hofbauer", "Ingrid Hofbauer"),
            ("AV Club Staff", "AV Club Staff"),
        ] {
            assert_eq!(normalize(raw).as_deref(), Some(want), "{raw}");
        }
        // The label alone names nobody.
        assert_eq!(normalize("Von"), None);
        // The outlet written for goes.
        assert_eq!(
            normalize("By REBECCA THORNE FOR MAILONLINE").as_deref(),
            Some("REBECCA THORNE")
        );
        assert_eq!(
            normalize("Jane Doe for The Guardian").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            normalize("By Tyler Brandt Special to the Gazette").as_deref(),
            Some("Tyler Brandt")
        );
    }

    #[test]
    fn the_outlet_after_a_name_goes() {
        for (raw, want) in [
            ("Charlie Wood, Business Insider", "Charlie Wood"),
            ("Troy L. Smith, Cleveland.com", "Troy L. Smith"),
            (
                "Amy Kuperinsky | NJ Advance Media for NJ.com",
                "Amy Kuperinsky",
            ),
            ("Marcus Bell , XNN", "Marcus Bell"),
            ("Laura Chen, University Communications", "Laura Chen"),
            (
                "LUCY HARGREAVES, SHOWBIZ REPORTER FOR CLARIONONLINE",
                "LUCY HARGREAVES",
            ),
            ("Jonathan GarberFOXBusiness", "Jonathan Garber"),
            ("Sean Martin Sean Martin", "Sean Martin"),
            ("LE Lukas Ebner", "Lukas Ebner"),
            ("AP Reporter Jane Doe", "AP Reporter Jane Doe"),
            // Agencies and other authors stay.
            ("Jane Doe, Associated Press", "Jane Doe, Associated Press"),
            ("Jane Doe, AP", "Jane Doe, AP"),
            ("Jane Doe, John Roe", "Jane Doe, John Roe"),
            ("John MacKenzie", "John MacKenzie"),
            ("Rebecca Alvarado, National Ledger", "Rebecca Alvarado"),
            (
                "Dana Whitcombe and Luis Ortega, The National Ledger",
                "Dana Whitcombe and Luis Ortega",
            ),
            (
                "Élodie Marchetti, chargée de communication",
                "Élodie Marchetti",
            ),
            ("Anna Berg, Västerbottens Kuriren", "Anna Berg"),
            (
                "Mamadou Diallo, Correspondant à Ziguinchor",
                "Mamadou Diallo",
            ),
            ("Lucía Pardo, enviada especial a Kiev", "Lucía Pardo"),
        ] {
            assert_eq!(normalize(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn prose_is_not_a_credit() {
        for line in [
            "The talks resume on Friday.",
            "More than 100,000 people have been killed.",
            "Related stories",
            "He said: “Nobody can touch the presidency”",
            "",
            "the government responded",
        ] {
            assert_eq!(credit_line(line), None, "{line:?}");
        }
    }

    #[test]
    fn agencies_are_spelled_one_way() {
        assert_eq!(names("By JANE DOE, REUTERS"), ["JANE DOE", "Reuters"]);
        assert_eq!(names("reuters"), ["Reuters"]);
        assert_eq!(names("Ann Lee, The Associated Press"), ["Ann Lee", "AP"]);
        assert_eq!(names("Jean Dupont, AFP"), ["Jean Dupont", "AFP"]);
    }

    #[test]
    fn names_from_bylines() {
        assert_eq!(
            names("Jane Doe and Omar Haddad"),
            ["Jane Doe", "Omar Haddad"]
        );
        assert_eq!(
            names("by Janie Gabbett, Reuters"),
            ["Janie Gabbett", "Reuters"]
        );
        assert_eq!(names("Anna Keller in Zurich"), ["Anna Keller"]);
        assert_eq!(names("Staff and agencies"), Vec::<String>::new());
        assert_eq!(names("TBP and Agencies"), ["TBP"]);
        assert_eq!(names("(AP)"), ["AP"]);
        assert_eq!(
            names("Müller, Dvořák & Brändli"),
            ["Müller", "Dvořák", "Brändli"]
        );
    }

    #[test]
    fn top_bylines_and_normalisation() {
        assert_eq!(
            top_byline("By Jane Doe and Omar Haddad"),
            Some(("Jane Doe and Omar Haddad".to_string(), None))
        );
        let (name, tail) = top_byline("By Jane Doe | January 22, 2014").unwrap();
        assert_eq!(name, "Jane Doe");
        assert_eq!(tail.map(str::trim), Some("January 22, 2014"));
        assert_eq!(top_byline("by the way, this is prose"), None);
        assert_eq!(normalize("  BY  Jane   Doe, "), Some("Jane Doe".into()));
        assert_eq!(normalize(" -- "), None);
        assert_eq!(
            normalize("Analysis by Kim Osei, Valley Post Editor-at-large"),
            Some("Kim Osei".into())
        );
        // Job titles, places in brackets and e-mail addresses after the names go; an
        // agency stays.
        for (raw, want) in [
            ("By Oliver Grant, Political Editor", "Oliver Grant"),
            ("By Dana Whitfield Staff Writer", "Dana Whitfield"),
            ("Ruth Ellison Cities correspondent", "Ruth Ellison"),
            (
                "By JOHN MILLER, Associated Press Writer",
                "JOHN MILLER, Associated Press",
            ),
            (
                "Par Claire Dubois (Saint-Roch-en-Joux (Jura), envoyée spéciale)",
                "Claire Dubois",
            ),
            ("Jane Doe (AP)", "Jane Doe (AP)"),
            ("Dana Whitfield dwhitfield@ledger.example", "Dana Whitfield"),
            ("Mary Ann Smith", "Mary Ann Smith"),
            ("Jordan Pace Contributor", "Jordan Pace"),
            ("Fiona McAlister Court Reporter", "Fiona McAlister"),
            ("Priya Natarajan Senior Audio Editor", "Priya Natarajan"),
            ("HELENA MARQUES Transatlantic Press", "HELENA MARQUES"),
            ("Jonas Bräutigam Korrespondent", "Jonas Bräutigam"),
            ("JOHN SMITH and Mary Jones", "JOHN SMITH and Mary Jones"),
        ] {
            assert_eq!(normalize(raw).as_deref(), Some(want), "{raw}");
        }
        assert_eq!(normalize("Por"), None);
        assert_eq!(normalize("Opinion by: Jane Doe"), Some("Jane Doe".into()));
        // "by" inside a name list is not a label.
        assert_eq!(
            normalize("Standby Jane Doe"),
            Some("Standby Jane Doe".into())
        );
    }

    #[test]
    fn agency_lines() {
        for l in [
            "Associated Press",
            "The Associated Press",
            "Reuters",
            "AFP.",
        ] {
            assert!(is_agency(l), "{l:?}");
        }
        for l in ["Staff", "Anna Keller", "Associated Press Writer", ""] {
            assert!(!is_agency(l), "{l:?}");
        }
    }

    #[test]
    fn job_titles_after_a_comma_are_not_names() {
        assert_eq!(names("TOM ROE, AP Auto Writer"), ["TOM ROE", "AP"]);
        assert_eq!(
            names("MEG DOE and ERRIN ROE, Associated Press"),
            ["MEG DOE", "ERRIN ROE", "AP"]
        );
        assert_eq!(
            names("Jane Doe, Associated Press Writer"),
            ["Jane Doe", "AP"]
        );
        assert_eq!(
            names("Analysis by Kim Osei, Valley Post Editor-at-large"),
            ["Kim Osei"]
        );
        assert_eq!(names("Omar Haddad, Staff Writer"), ["Omar Haddad"]);
        assert_eq!(names("Lea Fontaine, MS, RD"), ["Lea Fontaine"]);
        // A name is never read as a title.
        assert_eq!(names("Anna Writer"), ["Anna Writer"]);
    }
}
