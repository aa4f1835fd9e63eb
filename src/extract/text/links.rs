//! Link text as html2text prints it: the spaces of a link's words become underscores
//! (`Pubblicato il 12_Marzo_2024 da Marco_Bellandi`, `Read_more`, `****** Jangan_Membenci
//! ******`). A file is read as such a rendering when it shows several linked phrases of
//! capitalised words; its underscores then go back to spaces wherever a token carries a
//! capitalised word or a number, so that dates, bylines and body text read as the page
//! showed them. A line made of links alone (a related story, a menu) keeps them: they
//! are what shows it is links. Handles (`marta_k`, `lupita_medina`), identifiers (`MAX_PATH`,
//! `n_dead_tup`), addresses and paths keep theirs, in such a file and in any other.

use std::borrow::Cow;

/// Distinct linked phrases (`Aoife_Brennan`, `12_Marzo_2024`) a file must show before its
/// underscores are read as a renderer's link spaces. One or two such tokens occur in any
/// text (an image's file name, a handle); a rendering that links its author, date, menu
/// and related stories shows many.
const MIN_LINKED_PHRASES: usize = 3;

/// Whether the file's lines show html2text's link underscores.
pub(super) fn renders_links_with_underscores(lines: &[&str]) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let linked = lines
        .iter()
        .filter(|l| l.contains('_'))
        .flat_map(|l| l.split_whitespace())
        .filter(|t| t.contains('_'));
    for token in linked {
        let bare = bare(token);
        if linked_phrase(bare) && !seen.contains(&bare) {
            seen.push(bare);
            if seen.len() >= MIN_LINKED_PHRASES {
                return true;
            }
        }
    }
    false
}

/// `line` with the link underscores of its tokens read as spaces (for a file that
/// [`renders_links_with_underscores`]), when it holds a word that is no link.
pub(super) fn link_words(line: &str) -> Cow<'_, str> {
    let plain_word = |t: &&str| !t.contains('_') && t.chars().any(char::is_alphanumeric);
    if !line.contains('_') || !line.split_whitespace().any(|t| plain_word(&t)) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (token, tail) = rest.split_at(end);
        if linked_token(token) {
            out.push_str(&underscores_between(token, |a, b| joins(a) && joins(b)));
        } else {
            out.push_str(token);
        }
        let gap = tail.len() - tail.trim_start().len();
        out.push_str(&tail[..gap]);
        rest = &tail[gap..];
    }
    Cow::Owned(out)
}

/// html2text writes the spaces of a link's text as underscores (`****** Jangan_Membenci_Satu
/// Kaum ******` for a linked headline): they are spaces again when they outnumber the
/// spaces (a heading naming `get_event_loop` or `MAX_PATH` keeps them), unless the text
/// holds an address or a path, whose underscores are its own.
pub(super) fn link_spaces(t: &str) -> String {
    let underscores = t.matches('_').count();
    if underscores <= t.matches(' ').count() || t.contains(['@', '/', '\\']) {
        return t.to_string();
    }
    underscores_between(t, |a, b| joins(a) && joins(b))
}

/// `t` with each underscore between two characters that `joins` accepts read as a space
/// (renderers print a link's spaces as underscores).
pub(super) fn underscores_between(t: &str, joins: impl Fn(char, char) -> bool) -> String {
    let chars: Vec<char> = t.chars().collect();
    (0..chars.len())
        .map(|i| {
            let between = chars[i] == '_'
                && i > 0
                && i + 1 < chars.len()
                && joins(chars[i - 1], chars[i + 1]);
            if between {
                ' '
            } else {
                chars[i]
            }
        })
        .collect()
}

/// A character a link's underscore stands between (not another underscore, not a space).
fn joins(c: char) -> bool {
    !c.is_whitespace() && c != '_'
}

/// The token without the punctuation around it (`(Marco_Bellandi),` → `Marco_Bellandi`).
fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
}

/// A token whose underscores are a link's spaces in a file that prints links so: it
/// carries a capitalised word or a number, and no address, path or bracketed picture
/// label (`[Corvane_Biosyste]`), whose underscores are its own.
fn linked_token(token: &str) -> bool {
    token.contains('_')
        && !token.contains(['@', '/', '\\', '[', ']'])
        && bare(token).split('_').any(|s| capitalised(s) || number(s))
}

/// Two or more words joined by underscores, opening and closing on a capitalised word or
/// a number, with only capitalised words, numbers and short particles (`de`, `van`, `da`)
/// between, and one capitalised word at least: a linked name or date (`Marco_Bellandi`,
/// `12_Marzo_2024`), not an identifier (`MAX_PATH`, `get_event_loop`, `v1_2`).
fn linked_phrase(bare: &str) -> bool {
    let segments: Vec<&str> = bare.split('_').collect();
    let [first, middle @ .., last] = segments.as_slice() else {
        return false;
    };
    (capitalised(first) || number(first))
        && (capitalised(last) || number(last))
        && segments.iter().any(|s| capitalised(s))
        && middle
            .iter()
            .all(|s| capitalised(s) || number(s) || particle(s))
}

/// A word in upper case, then lower case (`Marco`, `Vasquez-Holt`, `Ørsted`).
fn capitalised(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some_and(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

fn number(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// A short word in lower case between the words of a name or a date (`de`, `van`, `of`).
fn particle(s: &str) -> bool {
    (1..=4).contains(&s.chars().count()) && s.chars().all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(lines: &[&str]) -> Vec<String> {
        assert!(renders_links_with_underscores(lines));
        lines.iter().map(|l| link_words(l).into_owned()).collect()
    }

    #[test]
    fn a_rendering_with_linked_names_and_dates_gets_its_spaces_back() {
        let lines = [
            "Home Cronaca Sport_e_Tempo_Libero",
            "Pubblicato il 12_Marzo_2024 da Marco_Bellandi",
            "Read_more by (Anna_Berg), 12_comments",
            "Nuova_Rotonda_a_San_Lorenzo",
            "by marta_k, see MAX_PATH and n_dead_tup or mail info_desk@example.org",
            "[Corvane_Biosyste] see_also/file_name.txt",
        ];
        assert_eq!(
            rendered(&lines),
            [
                "Home Cronaca Sport e Tempo Libero",
                "Pubblicato il 12 Marzo 2024 da Marco Bellandi",
                "Read more by (Anna Berg), 12 comments",
                "Nuova_Rotonda_a_San_Lorenzo",
                "by marta_k, see MAX_PATH and n_dead_tup or mail info_desk@example.org",
                "[Corvane_Biosyste] see_also/file_name.txt",
            ]
        );
    }

    #[test]
    fn a_few_underscored_names_are_not_a_rendering() {
        // A picture's file name and a handle: two phrases, below the bar.
        let lines = [
            "[Writer_Kyeong] photo",
            "by Lupita_Medina",
            "Lupita_Medina again",
        ];
        assert!(!renders_links_with_underscores(&lines));
        // Identifiers and handles never count.
        let code = [
            "get_event_loop MAX_PATH n_dead_tup",
            "marta_k fenja_l",
            "Foo_bar",
        ];
        assert!(!renders_links_with_underscores(&code));
    }
}
