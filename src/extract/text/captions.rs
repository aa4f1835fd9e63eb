//! Captions, credits and picture labels as text renderers print them (`Photo: iFixit`,
//! `(Reed Saxon / AP)`, `Image 1 of 23`, `Roger Gonzalez mugshot`), and the list items and
//! timestamps that stand beside headlines: lines that are never the headline, and that the
//! headline rules skip when they look for an article's header.

use super::features::{find_ascii_ci, lexicon};

/// Captions and credits (`Photo: iFixit`, `(Reed Saxon / AP)`, `Image 1 of 23`, `...
/// [Xinhua]`), numbered list items (`1. Entertainment`) and timestamps (`2 days ago`,
/// `Today 12:01 AM`, `13 Aug`): never headlines.
pub(super) fn caption_or_list_item(t: &str) -> bool {
    let lex = lexicon();
    let numbered = t
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let timestamp = t.bytes().any(|b| b.is_ascii_digit())
        && super::features::words_lower(t).nth(4).is_none()
        && super::features::words_lower(t).any(|w| lex.has("title.timey", &w));
    (t.starts_with('(') && t.ends_with(')'))
        || t.ends_with(']')
        || timestamp
        || numbered
        || t.split_whitespace().any(|w| w.eq_ignore_ascii_case("ago"))
        || caption(t)
}

/// `Photo: iFixit`, `Image 1 of 23`, `Getty Images`, `Representative image. (AFP file
/// photo)`, `Alex Wong | Getty Images`: a caption word first, with a colon, a number or
/// little else after it, a caption word in a closing parenthesis, or a credit word
/// (photo, credit, courtesy) anywhere in a line with a credit's `by`, `/`, `|`, `...` or
/// `copyright`, or a short picture label (`Roger Gonzalez mugshot`).
pub(super) fn caption(t: &str) -> bool {
    let lex = lexicon();
    let mut words = super::features::words_lower(t);
    let first = words.next().is_some_and(|w| lex.has("caption", &w));
    let short = t.split_whitespace().count() <= 3;
    // `Photo: AP`, `Image 1 of 23`; a long line ("Video shows rescue of 8-year-old
    // ...: ...") is a headline unless the caption word itself takes the colon.
    let label = t
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(':'));
    let marked = label
        || (t.split_whitespace().count() <= 6
            && (t.contains(':') || t.chars().any(|c| c.is_ascii_digit())));
    let tail = t.ends_with(')')
        && t.rfind('(')
            .is_some_and(|i| super::features::words_lower(&t[i..]).any(|w| lex.has("caption", &w)));
    let credit_marks = t.contains(" by ")
        || t.contains('/')
        || t.contains("...")
        || t.contains('|')
        || find_ascii_ci(t, "copyright").is_some();
    let anywhere = credit_marks
        && t.split(|c: char| !c.is_alphanumeric())
            .any(|w| lex.has("caption.anywhere", &super::features::lower(w)));
    let picture = t.split_whitespace().count() <= 4
        && super::features::words_lower(t)
            .last()
            .is_some_and(|w| lex.has("caption.last", &w))
        && t.rsplit_once(' ')
            .is_some_and(|(named, _)| crate::extract::byline::is_names(named));
    // A picture's caption with its agency's credit run on (`Drukte op Utrecht Centraal
    // vanochtend ANP`): an agency's name in capitals ends it.
    let agency_credit = t.split_whitespace().count() >= 3
        && t.rsplit_once(' ').is_some_and(|(before, last)| {
            last.len() >= 2
                && last.chars().all(|c| c.is_ascii_uppercase())
                && crate::extract::byline::is_agency(last)
                && !before.ends_with(['.', ':', ',', '-', '–', '—', '|'])
        });
    // A credit's label inside the line (`… bei Kitzingen Bild: BR/Anna Berger`).
    let labelled_credit = t.split_whitespace().skip(1).any(|w| {
        w.strip_suffix(':')
            .is_some_and(|l| lex.has("caption", &super::features::lower(l)))
    });
    // A picture's credit run on after its caption (`… la galerie de zoologie. © Muséum
    // de Quimperlé / Yann Gourvennec`): a copyright sign after a sentence, a few words
    // of names after it.
    let copyright_credit = t
        .split_once(". ©")
        .is_some_and(|(_, credit)| credit.split_whitespace().count() <= COPYRIGHT_CREDIT_WORDS);
    (first && (short || marked))
        || tail
        || ends_on_picture_by(t)
        || copyright_credit
        || anywhere
        || picture
        || agency_credit
        || labelled_credit
        || credited(t)
}

/// Whether a line ends on a picture's credit after its label (`… im Herbst 2016. Foto:
/// Simon Gisler`, `… Bild: BR/Anna Berger`): two to [`CREDIT_NAME_WORDS`] words of
/// names, so the caption ends there. One word may be a name the renderer wrapped.
pub(super) fn ends_on_credit(line: &str) -> bool {
    let lex = lexicon();
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(at) = words.iter().rposition(|w| {
        w.strip_suffix(':')
            .is_some_and(|l| lex.has("caption", &super::features::lower(l)))
    }) else {
        return false;
    };
    let credit = &words[at + 1..];
    // A credit that goes on (`Photo: Damian Dovarganes, AP /` over `Copyright 2019 …`)
    // ends no line.
    (2..=CREDIT_NAME_WORDS).contains(&credit.len())
        && credit
            .last()
            .is_some_and(|w| !w.ends_with(['/', ',', '-', '&', '|']))
        && credit
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || w.contains('/'))
}

/// Whether a line ends on a picture's credit with `by` (`… Hospital on Wednesday.
/// Picture by Jack Thornton`, `Photo by Ana Ruiz`): a caption word opening the line or a
/// sentence, `by`, and one to [`CREDIT_NAME_WORDS`] capitalised words to the end.
fn ends_on_picture_by(t: &str) -> bool {
    let lex = lexicon();
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some(at) = words.iter().rposition(|w| w.eq_ignore_ascii_case("by")) else {
        return false;
    };
    let names = &words[at + 1..];
    // The caption word opens the line or a sentence (`… on Wednesday. Picture by …`), not
    // a headline's phrase (`… see the new picture by Banksy`).
    let opens = at == 1 || (at >= 2 && words[at - 2].ends_with(['.', '!', '?', ')']));
    opens
        && lex.has("caption", &super::features::lower(words[at - 1]))
        && (1..=CREDIT_NAME_WORDS).contains(&names.len())
        && names.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Most words of the names a picture's credit ends its line with.
const CREDIT_NAME_WORDS: usize = 5;

/// Most words of a picture's credit after its copyright sign.
const COPYRIGHT_CREDIT_WORDS: usize = 8;

/// Words of a caption before its credit.
const CREDITED_WORDS: usize = 8;

/// A caption whose credit closes it in brackets, an agency or a picture desk in capitals
/// (`Derek Pilling, 74, with his spaniel in the field where the hoard was found
/// (SWNS)`), or a photographer and the outlet (`… on Tuesday, March 7, 2023. (Irene
/// Castellanos / The Pacific Ledger)`); not a headline's tag (`… (UPDATED)`).
pub(super) fn credited(t: &str) -> bool {
    let Some((before, credit)) = t
        .trim_end()
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
    else {
        return false;
    };
    let acronym = (2..=8).contains(&credit.len())
        && credit.chars().all(|c| c.is_ascii_uppercase())
        && !lexicon().has("caption.tags", &credit.to_lowercase());
    let photographer = credit.split_once(" / ").is_some_and(|(name, outlet)| {
        crate::extract::byline::is_names(name)
            && (1..=OUTLET_WORDS).contains(&outlet.split_whitespace().count())
            && outlet
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || w == "the")
    });
    before.split_whitespace().count() >= CREDITED_WORDS
        && (acronym || photographer || crate::extract::byline::is_agency(credit))
}

/// Most words of the outlet after a photographer's name in a caption's credit.
const OUTLET_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_ends_its_caption() {
        assert!(ends_on_credit(
            "Velos vor dem Bahnhof Luzern an einem Werktag im Herbst 2016. Foto: Simon Gisler"
        ));
        assert!(ends_on_credit("Der Deich bei Leer. Bild: BR/Anna Berger"));
        // A name wrapped after its first word, a credit with a sentence after it.
        assert!(!ends_on_credit("Velos vor dem Bahnhof Luzern. Foto: Simon"));
        assert!(!ends_on_credit(
            "Show in Los Angeles Tuesday. Photo: Damian Dovarganes, AP /"
        ));
        assert!(!ends_on_credit(
            "Photo: the council says the bridge will close next month"
        ));
    }

    #[test]
    fn a_long_line_opening_with_a_caption_word_is_no_caption() {
        assert!(caption("Photo: iFixit"));
        assert!(caption("Image 1 of 23"));
        assert!(caption("Drukte op Utrecht Centraal vanochtend ANP"));
        assert!(caption(
            "Derek Pilling, 74, with his springer spaniel Bramble in the field near Swaffham \
             where the hoard was found (SWNS)"
        ));
        assert!(!caption(
            "Firefighters pull a family of four from the floodwater in a dramatic rescue (UPDATED)"
        ));
        assert!(!caption("Minister resigns (AP)"));
        assert!(caption(
            "Traffic moves through the 110 Freeway trench near Exposition Park on Tuesday, \
             March 7, 2023. (Irene Castellanos / The Pacific Ledger)"
        ));
        assert!(!caption(
            "Council backs the harbour plan (Updated / Corrected)"
        ));
        assert!(caption(
            "Vertrocknete Wintergerste bei Dettelbach im Landkreis Kitzingen Bild: BR/Anna Berger"
        ));
        assert!(!caption("Storm closes schools across the county - AP"));
        assert!(!caption(
            "Kabelbrand legt treinverkeer rond Utrecht urenlang plat"
        ));
        assert!(!caption(
            "Video shows dramatic rescue of 8-year-old kidnapping victim: \"We got her!\""
        ));
    }
}
