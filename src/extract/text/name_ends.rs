//! Where a name ends in a byline's line, and where it starts: the separators, labels,
//! dates and words that close a run of names (`Jane Doe | March 3, 2014`, `Pieter-Jan
//! Claes op 3 april 2019`, `Sophie Vandermeulen avec Belga`, a role glued on as in
//! `DelaneyStaff`), and a byline's word glued onto the text before it or the name after
//! it (`UhrVon Jonas Brettschneider`, `ByPriya Raman`). [`super::bylines`] reads the
//! names between.

use crate::extract::byline;

use super::features::lexicon;

/// Cuts a name run at the first separator, number or date word that follows it:
/// "Jane Doe | March 3, 2014" -> "Jane Doe", "Jane Doe on 3 March" -> "Jane Doe",
/// "Jane Doe Updated Nov" -> "Jane Doe", "Jane Doe in Community Garden" -> "Jane Doe",
/// "Camille Roussel dans Actualités" -> "Camille Roussel", "Petra Hölscher aus Bottrop
/// folgen" -> "Petra Hölscher".
pub(super) fn cut_tail(s: &str) -> &str {
    let mut end = s.len();
    // A name holds no bar or dot, spaced or glued on (`Élodie Marchand·Actualités`).
    for sep in [
        "|",
        " - ",
        " – ",
        " — ",
        "•",
        "·",
        " / ",
        " on ",
        " am ",
        " le ",
        " (",
        " for ",
        " FOR ",
        " in ",
        " dans ",
        " em ",
        " at ",
        " im ",
        " à ",
        " às ",
        " alle ",
        " il ",
        " Special to ",
        " special to ",
    ] {
        if let Some(i) = s.find(sep) {
            end = end.min(i);
        }
    }
    // Before a comment count's label or a share button run on after the name (`Tomasz
    // Wiśniewski Komentarze (5)`, `Aino Leinonen Facebook`), two words or more into it.
    let lex = lexicon();
    for (i, _) in s.match_indices(' ') {
        let next = s[i + 1..].split_whitespace().next().unwrap_or_default();
        let word = next
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if s[..i].split_whitespace().count() >= 2
            && next.starts_with(char::is_uppercase)
            && (lex.has("barrier.count", &word) || lex.is_furniture(&word))
        {
            end = end.min(i);
            break;
        }
    }
    // Before a date (`Pieter-Jan Claes op 3 april 2019`, `Ana Ruiz el 3 de abril`), not
    // inside a name (`Mohamed el Dahshan`, `Jan op den Kamp`).
    for sep in [" op ", " el "] {
        if let Some(i) = s.find(sep) {
            let dated = s[i + sep.len()..]
                .split_whitespace()
                .take(2)
                .any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
            if dated {
                end = end.min(i);
            }
        }
    }
    // Capitalised as a dateline's label right before its day, after a name of two words
    // or more (`Claire Mougenot Le 18/05/2018 à 06:15`), not a family name before a date
    // (`Phuong Le 03/03/2021`, `Anne Le Goff 3 mars 2021`, `Mohamed El Erian`).
    for sep in [" Le ", " Am ", " On ", " El ", " Il ", " Op "] {
        for (i, _) in s.match_indices(sep) {
            let named = s[..i].split_whitespace().count() >= 2;
            let day = crate::extract::date::parse_date(&s[i + sep.len()..])
                .is_some_and(|d| d.precision >= crate::article::DatePrecision::Day);
            if named && day {
                end = end.min(i);
            }
        }
    }
    // Before the place a contributor writes from (`Petra Hölscher aus Bottrop folgen`):
    // the line ends on a few capitalised words, perhaps a follow button's.
    for sep in [" aus ", " from "] {
        if let Some(i) = s.find(sep) {
            let lex = lexicon();
            let place: Vec<&str> = s[i + sep.len()..]
                .split_whitespace()
                .take_while(|w| !lex.has("byline.stop", &w.to_lowercase()))
                .collect();
            let rest = s[i + sep.len()..].split_whitespace().count();
            let ends = rest == place.len() || rest == place.len() + 1;
            if (1..=PLACE_WORDS).contains(&place.len())
                && ends
                && place.iter().all(|w| w.starts_with(char::is_uppercase))
            {
                end = end.min(i);
            }
        }
    }
    // Before the agency the name wrote with (`Sophie Vandermeulen avec Belga`), not a
    // co-author (`Jane Doe with Tom Hale`).
    for sep in crate::extract::byline::WITH_WORDS {
        if let Some(i) = s.find(sep) {
            if crate::extract::byline::is_joined_agency(&s[i + sep.len()..]) {
                end = end.min(i);
            }
        }
    }
    // At a comma, unless the names go on to an `and` (`Priya Raman, Marcus Delgado and
    // Hannah Kessler, NCN`): then at the first comma after it.
    let and = [" and ", " und ", " et ", " y ", " e ", " en ", " & "]
        .iter()
        .filter_map(|a| s[..end].find(a))
        .min();
    // A name between commas, particles and all (`Pieter van Wyk`).
    let capitalised = |part: &str| {
        (1..=4).contains(&part.split_whitespace().count())
            && part.starts_with(char::is_uppercase)
            && byline::is_names(part.trim_matches(','))
    };
    let listed = |a: usize| {
        s[..a].split(", ").skip(1).all(capitalised)
            && s[a..]
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let comma = match and {
        Some(a) if s[..a].contains(", ") && listed(a) => s[a..].find(", ").map(|c| a + c),
        _ => s.find(", "),
    };
    if let Some(i) = comma {
        end = end.min(i);
    }
    // An e-mail address goes whole; a handle glued to the name (`Chris Pokorny@Dawgs`)
    // goes from its `@`.
    if let Some(i) = s.find('@') {
        let word = s[..i].rfind(' ').map_or(0, |w| w + 1);
        let glued = s[word..].starts_with(char::is_uppercase);
        end = end.min(if glued { i } else { word.saturating_sub(1) });
    }
    if let Some(i) = s.find(|c: char| c.is_ascii_digit()) {
        end = end.min(i);
    }
    // At a date word after the name: "Jane Doe Updated Nov", "Jane Doe November".
    let lex = lexicon();
    let mut offset = 0;
    for (n, word) in s.split(' ').enumerate() {
        if offset >= end {
            break;
        }
        let w = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // `Last updated`, `Zuletzt aktualisiert`: the word before a date word too.
        let before_stop = lex.has("byline.stop_before", &w)
            && s[offset + word.len()..]
                .split_whitespace()
                .next()
                .is_some_and(|n| lex.has("byline.stop", &n.to_lowercase()));
        if n > 0 && (lex.has("byline.stop", &w) || before_stop) {
            end = end.min(offset);
            break;
        }
        if let Some(at) = glued_stop(word) {
            end = end.min(offset + at);
            break;
        }
        // A family name with words glued on that go on past it in lower case (`Geneviève
        // OuelletInitiative de journalisme local`): a role or a programme's name; not a
        // name after a particle glued on (`VanderMeer and Ann VanderMeer`).
        let more = s[offset + word.len()..]
            .split_whitespace()
            .take(CAMEL_PHRASE_WORDS)
            .any(|w| w.chars().all(char::is_lowercase));
        if let Some(at) = (n > 0 && more).then(|| camel_glued(word)).flatten() {
            end = end.min(offset + at);
            break;
        }
        offset += word.len() + 1;
    }
    let cut = s[..end].trim().trim_end_matches([',', ';', '|', '-']);
    // A name never ends in a particle: `Femke de Wolf do 21 mrt` ends at the Dutch
    // weekday `do` (donderdag), not the particle.
    match cut.rsplit_once(' ') {
        Some((head, last)) if head.contains(' ') && byline::is_name_particle(last) => head,
        _ => cut,
    }
}

/// The byte offset of a capital glued on after [`CAMEL_RUN`] lower-case letters or more
/// and followed by one (`OuelletInitiative`); names capitalised inside keep a shorter run
/// before theirs (`McDonald`, `MacLeod`, `DeSantis`).
fn camel_glued(word: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    (CAMEL_RUN + 1..chars.len().saturating_sub(1)).find_map(|k| {
        let run = chars[k - CAMEL_RUN..k]
            .iter()
            .all(|(_, c)| c.is_lowercase());
        let at = chars[k].0;
        let particle = GLUED_PARTICLES.contains(&word[..at].to_lowercase().as_str());
        (run && !particle && chars[k].1.is_uppercase() && chars[k + 1].1.is_lowercase())
            .then_some(at)
    })
}

/// Name particles written glued onto the name after them (`VanderMeer`, `FitzGerald`).
const GLUED_PARTICLES: [&str; 8] = [
    "vander", "vanden", "vonder", "fitz", "della", "delle", "dello", "mac",
];

/// Words after a glued word read for the lower-case word of a phrase.
const CAMEL_PHRASE_WORDS: usize = 3;

/// Lower-case letters before a capital glued on mid-word.
const CAMEL_RUN: usize = 4;

/// Most words of the place a contributor writes from.
const PLACE_WORDS: usize = 3;

/// A line from a byline's word glued onto the word before it (`12.03.2024 - 22:47
/// UhrVon Jonas Brettschneider`, a picture's label `Eric SongBy Eric Song`): a capital
/// after a lower-case letter opening `By`, `Von`, `Par`, … and a space; with that word
/// parted from a name glued onto it (`ByPriya Raman`).
pub(super) fn parted_prefix(t: &str) -> std::borrow::Cow<'_, str> {
    let lex = lexicon();
    let glued = t
        .char_indices()
        .zip(t.chars().skip(1))
        .find_map(|((i, c), n)| {
            if !(c.is_lowercase() && n.is_uppercase()) {
                return None;
            }
            let at = i + c.len_utf8();
            let word = t[at..].split(' ').next().unwrap_or("").to_lowercase();
            (t[at..].contains(' ') && (word == "by" || lex.has("byline.prefix", &word)))
                .then_some(at)
        });
    let t = match glued {
        Some(at) => &t[at..],
        None => t,
    };
    // The byline's word glued onto the name after it (`ByPriya Raman`, a label and a
    // link set apart by style alone): a capital right after it, and more name after.
    let first = t.split(' ').next().unwrap_or("");
    let name_at = first
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
        .filter(|&i| {
            let word = first[..i].to_lowercase();
            first[..i].chars().skip(1).all(char::is_lowercase)
                && (2..=GLUED_NAME_WORDS).contains(&t.split_whitespace().count())
                && GLUED_BY.contains(&word.as_str())
        });
    match name_at {
        Some(i) => format!("{} {}", &t[..i], &t[i..]).into(),
        None => t.into(),
    }
}

/// Most words of a line whose byline word is glued onto the name (`ByPriya Raman`): a
/// name's, not a headline's (`ByHeart Recalls Formula Nationwide`).
const GLUED_NAME_WORDS: usize = 3;

/// Byline words read glued onto the name after them: not `Di`, `Van` or `De`, which open
/// names glued the same way (`DiNapoli`, `VanHorn`).
const GLUED_BY: [&str; 4] = ["by", "von", "par", "por"];

/// Fewest letters of a stop word glued on in lower case (`Wildschutvrijdag`): shorter
/// ones end real names (`Newmarch`); and the most a stop word has.
const GLUED_STOP_CHARS: usize = 6;
const MAX_STOP_CHARS: usize = 14;

/// Where a word of a name ends in a date, credit or role word glued on where the page's
/// style sheet, not its text, parted two fields (`ValePhotography`, `DelaneyStaff`,
/// `Wildschutvrijdag`): the
/// byte offset of the glued word, capitalised after a lower-case letter or at least
/// [`GLUED_STOP_CHARS`] letters long, after three letters of the name.
fn glued_stop(word: &str) -> Option<usize> {
    let lex = lexicon();
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
    let chars: Vec<(usize, char)> = letters.char_indices().collect();
    (3..chars.len()).find_map(|k| {
        let (at, c) = chars[k];
        let capital = c.is_uppercase() && chars[k - 1].1.is_lowercase();
        let long =
            c.is_lowercase() && (GLUED_STOP_CHARS..=MAX_STOP_CHARS).contains(&(chars.len() - k));
        if !(capital || long) {
            return None;
        }
        let rest = letters[at..].to_lowercase();
        // A role with the e-mail address glued on after it (`Anna
        // LindqvistReporteranna.lindqvist@…`, three spans printed as one word).
        let role_then_address = capital
            && word.contains('@')
            && lex
                .lines("byline.role")
                .iter()
                .flat_map(|l| l.split_whitespace())
                .any(|r| rest.starts_with(r) && rest.len() > r.len());
        let stop = lex.has("byline.stop", &rest)
            || role_then_address
            || (capital && (lex.has("byline.role", &rest) || lex.has("reading.read", &rest)));
        ((capital || long) && stop).then_some(at)
    })
}
