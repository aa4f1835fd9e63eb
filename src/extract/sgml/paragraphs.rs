//! Paragraphs of SGML wire copy: hard-wrapped lines joined, a new paragraph at a blank or
//! space-indented line, and the dateline put in front of the body.

use crate::extract::clean::clean_text;
use crate::extract::clean::squash_spaces;

/// Rebuilds paragraphs from hard-wrapped wire copy: a blank line or an indented line starts
/// a new paragraph, any other line continues the current one. Control characters are
/// removed and whitespace inside paragraphs collapsed; paragraphs are joined by "\n\n".
pub(super) fn reflow(text: &str) -> String {
    let cleaned = clean_text(text);
    let mut paras: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in cleaned.lines() {
        if line.starts_with(' ') || line.trim().is_empty() {
            flush(&mut paras, &mut current);
        }
        // Word by word rather than squash_spaces per paragraph: one pass over the text.
        // clean_text left ' ' as the only ASCII blank, and splitting on one byte is much
        // cheaper (in debug builds especially) than the Unicode whitespace test.
        if line.is_ascii() {
            push_words(&mut current, line.split(' '));
        } else {
            push_words(&mut current, line.split_whitespace());
        }
    }
    flush(&mut paras, &mut current);
    paras.join("\n\n")
}

fn push_words<'a>(current: &mut String, words: impl Iterator<Item = &'a str>) {
    for word in words.filter(|w| !w.is_empty()) {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
}

fn flush(paras: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        paras.push(std::mem::take(current));
    }
}

/// Puts the dateline in front of the body. A dateline that ends in a dash
/// ("CHICAGO, March 2 -") runs into the first paragraph as printed; any other
/// ("BANGKOK, Thailand (AP)") is a paragraph of its own.
pub(super) fn with_dateline(dateline: Option<&str>, body: String) -> String {
    let Some(d) = dateline.map(squash_spaces).filter(|d| !d.is_empty()) else {
        return body;
    };
    if body.is_empty() {
        d
    } else if d.ends_with(['-', '–', '—']) {
        format!("{d} {body}")
    } else {
        format!("{d}\n\n{body}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflow_joins_wrapped_lines_and_splits_at_indents() {
        let text = "First line of the\nfirst paragraph.\n    Second paragraph\ncontinues here.\n\nThird\x07 one.\n Shr 10 cts\n Net 1.2 mln\n";
        assert_eq!(
            reflow(text),
            "First line of the first paragraph.\n\nSecond paragraph continues here.\n\nThird one.\n\nShr 10 cts\n\nNet 1.2 mln"
        );
        assert_eq!(reflow(""), "");
        assert_eq!(reflow("\n \n"), "");
    }

    #[test]
    fn datelines_join_or_stand_alone() {
        assert_eq!(
            with_dateline(Some("    CHICAGO, March 2 - "), "Shares rose.".into()),
            "CHICAGO, March 2 - Shares rose."
        );
        assert_eq!(
            with_dateline(Some("BANGKOK, Thailand (AP) "), "Talks began.".into()),
            "BANGKOK, Thailand (AP)\n\nTalks began."
        );
        assert_eq!(with_dateline(Some("  "), "x".into()), "x");
        assert_eq!(with_dateline(Some("OSLO -"), String::new()), "OSLO -");
        assert_eq!(with_dateline(None, "x".into()), "x");
    }
}
