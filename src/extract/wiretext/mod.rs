//! Agency wire text as it comes off the line: ANPA-1312 (AP and the US agencies) and
//! IPTC 7901 (dpa and the European agencies), recognised by their transmission framing.
//!
//! Both wrap a story in control characters: an envelope opened by SOH (ANPA: `SYN SYN
//! SOH`) carrying routing codes, the text between STX and ETX, and a trailer after ETX
//! holding the transmission time. Read as plain text, the envelope becomes the title and
//! the trailer ends the body, so these files get their own reader. Detection is strict
//! (the file starts with the framing, and STX comes soon after), so ordinary text, which
//! never starts with SOH, always goes to the plain-text extractor.
//!
//! This module detects the framing and hands the file to the reader of its layout. What
//! the two formats share is in `frame`: the frame split, line cleaning and the trailer
//! date. The layouts inside the frame differ and have a module each: `anpa` (caret header
//! lines, tab-led paragraphs) and `iptc` (a header ending in ` =`, hard-wrapped
//! paragraphs, dpa's notebook tail).

mod anpa;
mod frame;
mod iptc;

use crate::extract::extracted::Extracted;
use frame::{unify_newlines, SOH, STX, SYN};

/// STX must come within this many characters of the start: the envelope is a line or
/// three of routing codes. Further away it is a stray byte in something else.
const ENVELOPE_MAX_CHARS: usize = 1024;

/// The wire framing a file starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    /// ANPA-1312: `SYN SYN SOH`, caret header lines, tab-led paragraphs.
    Anpa,
    /// IPTC 7901 and dpa's variant of it: `SOH`, a header closed by ` =`.
    Iptc7901,
}

/// The article in a wire-framed file, or `None` when `raw` carries no wire framing (the
/// caller then reads it as plain text).
pub fn extract(raw: &str) -> Option<Extracted> {
    let framing = framing(raw)?;
    let raw = unify_newlines(raw);
    let (fields, detail) = match framing {
        Framing::Anpa => (anpa::extract(&raw), "anpa-1312"),
        Framing::Iptc7901 => (iptc::extract(&raw), "iptc-7901"),
    };
    Some(Extracted {
        detail: Some(detail),
        ..Extracted::one(fields)
    })
}

/// SOH at the very start (after ANPA's SYNs) and STX within the envelope; ANPA when SYN
/// leads or the text after STX opens with a caret header line.
fn framing(raw: &str) -> Option<Framing> {
    let after_syn = raw.trim_start_matches(SYN);
    let envelope = after_syn.strip_prefix(SOH)?;
    let window = envelope
        .char_indices()
        .nth(ENVELOPE_MAX_CHARS)
        .map_or(envelope, |(i, _)| &envelope[..i]);
    let stx = window.find(STX)?;
    let text = &envelope[stx + STX.len_utf8()..];
    if after_syn.len() < raw.len() || text.trim_start_matches(STX).starts_with('^') {
        Some(Framing::Anpa)
    } else {
        Some(Framing::Iptc7901)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_is_detected_only_at_the_start() {
        assert_eq!(
            framing("\u{16}\u{16}\u{1}x\n\u{2}^Slug<\n"),
            Some(Framing::Anpa)
        );
        assert_eq!(
            framing("\u{1}eca1 3 i 9 dpa 1\n\nkey/\n\u{2}Title =\n"),
            Some(Framing::Iptc7901)
        );
        // No SYN, but caret header lines: ANPA without its sync bytes.
        assert_eq!(framing("\u{1}x\n\u{2}^Slug<\n"), Some(Framing::Anpa));
        for text in [
            "",
            "Title\n\nBody with \u{1} and \u{2} inside.\n",
            " \u{1}x\n\u{2}Title =\n",
            "\u{1}no start of text",
            "\u{16}\u{16}",
            "\u{2}Title =\n",
        ] {
            assert_eq!(framing(text), None, "{text:?}");
        }
        let far = format!("\u{1}{}\u{2}Title =", "x".repeat(ENVELOPE_MAX_CHARS + 1));
        assert_eq!(framing(&far), None);
    }

    #[test]
    fn ordinary_text_is_left_to_the_text_extractor() {
        assert!(extract("Title\n\nBody.\n").is_none());
        assert!(extract("Title\n\u{2}Body.\u{3}\n").is_none());
    }

    /// Tiny deterministic xorshift generator for the no-panic test.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn never_panics_on_generated_input() {
        const PIECES: &[&str] = &[
            "\u{16}",
            "\u{1}",
            "\u{2}",
            "\u{3}",
            "\u{4}",
            "\u{7f}",
            "\u{c}",
            "\u{8}",
            "\u{10}",
            "\u{1e}",
            "\u{1f}",
            "\t",
            "\n",
            "\r",
            "\r\n",
            " ",
            "^",
            "<",
            "=",
            " =",
            "^By ",
            "By ",
            "BC-LT--",
            ",466",
            "AP Photo",
            "Eds:",
            "Associated Press",
            "1ST LEAD",
            "# Notebook",
            "# dpa NOTEBOOK",
            "* * * *",
            "The following information is not for publication",
            "- Reporting by: ",
            "dpa wsz jln",
            "AP-WF-11-13-13 1509GMT",
            "131137 GMT Nov 13",
            "``",
            "''",
            " _ ",
            "é",
            "ü",
            "日本",
            "\u{a0}",
            "\u{202e}",
            "Title",
            "word",
            "___",
        ];
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let mut s = String::new();
            if rng.below(2) == 0 {
                s.push_str(["\u{16}\u{16}\u{1}", "\u{1}", ""][rng.below(3)]);
            }
            for _ in 0..rng.below(40) {
                if rng.below(5) == 0 {
                    let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('\u{fffd}');
                    s.push(c);
                } else {
                    s.push_str(PIECES[rng.below(PIECES.len())]);
                }
            }
            if let Some(out) = extract(&s) {
                let f = &out.records[0].fields;
                for text in [
                    f.title.as_deref(),
                    f.byline.as_deref(),
                    Some(f.body.as_str()),
                ]
                .into_iter()
                .flatten()
                {
                    assert!(
                        !text.chars().any(|c| c.is_control() && c != '\n'),
                        "{s:?} -> {text:?}"
                    );
                }
            }
        }
    }
}
