//! Text hygiene shared by every extractor and by the printers: control, bidi and
//! zero-width characters removed (`clean_text`, `is_invisible`), whitespace collapsed
//! (`squash_spaces`) and Unicode normal form C (`nfc`).

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `s` in Unicode normal form C: a letter and a combining accent typed apart ("u" +
/// U+0308) become the one precomposed letter ("ü"), as the tokenizer, which splits words
/// at combining marks, and every query need. Borrowed when already NFC (always for ASCII).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Removes what must never reach the index or a terminal: C0/C1 control characters (except
/// newline), bidi overrides and zero-width characters; normalises line endings, tabs and
/// no-break spaces; trims trailing spaces on each line.
pub fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while !rest.is_empty() {
        // Runs of printable ASCII are copied as they are (the common case, and the hot
        // path of indexing); everything else goes through the character rules below.
        let run = rest
            .bytes()
            .position(|b| !(b' '..=b'~').contains(&b))
            .unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        match c {
            '\r' => {
                if !rest.starts_with('\n') {
                    out.push('\n');
                }
            }
            '\n' => {
                trim_trailing_spaces(&mut out);
                out.push('\n');
            }
            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    trim_trailing_spaces(&mut out);
    out
}

fn trim_trailing_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

/// Control, bidi-override and zero-width characters: invisible, and in a terminal some of
/// them rewrite what the user sees.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{061c}' | '\u{00ad}')
}

/// Collapses runs of whitespace to one space and trims.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_strips_controls_and_bidi_and_normalises_lines() {
        let raw = "Title\r\nLine\u{202e}two\u{0007}  \r\n\tTabbed\u{a0}space\u{200b}\rend";
        assert_eq!(clean_text(raw), "Title\nLinetwo\n Tabbed space\nend");
    }

    #[test]
    fn nfc_composes_and_borrows_what_is_already_composed() {
        assert_eq!(nfc("Zu\u{308}rich"), "Zürich");
        assert_eq!(nfc("e\u{301}tude"), "étude");
        assert!(matches!(nfc("plain ascii"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(nfc("Zürich"), std::borrow::Cow::Borrowed(_)));
    }
}
