//! What ANPA-1312 and IPTC 7901 share: the control characters of the transmission frame,
//! the frame split (envelope, text, trailer), line cleaning (unit and record separators
//! and tabs, which wire tables use as cell breaks, become spaces before the other control
//! characters go) and the transmission date in the trailer.

use std::borrow::Cow;

use crate::article::ArticleDate;
use crate::extract::clean::clean_text;
use crate::extract::clean::squash_spaces;
use crate::extract::date::{find_date, parse_date};

pub(super) const SYN: char = '\u{16}';
pub(super) const SOH: char = '\u{1}';
pub(super) const STX: char = '\u{2}';
pub(super) const ETX: char = '\u{3}';

pub(super) fn unify_newlines(raw: &str) -> Cow<'_, str> {
    if raw.contains('\r') {
        Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(raw)
    }
}

/// A transmission cut at its control characters.
pub(super) struct Frame<'a> {
    /// From STX to ETX (to the end when ETX is missing).
    pub(super) text: &'a str,
    /// After ETX: the transmission time, then filler (DEL, FF, EOT).
    pub(super) trailer: &'a str,
}

pub(super) fn split_frame(raw: &str) -> Frame<'_> {
    // Without STX (a damaged file) the envelope is taken to be the first line.
    let start = match raw.find(STX) {
        Some(i) => i + STX.len_utf8(),
        None => raw.find('\n').map_or(raw.len(), |i| i + 1),
    };
    let rest = &raw[start..];
    match rest.find(ETX) {
        Some(i) => Frame {
            text: &rest[..i],
            trailer: &rest[i + ETX.len_utf8()..],
        },
        None => Frame {
            text: rest,
            trailer: "",
        },
    }
}

/// One line as text: separators and tabs to spaces, control characters gone, runs of
/// spaces squashed.
pub(super) fn clean_line(line: &str) -> String {
    let spaced: String = line
        .chars()
        .map(|c| match c {
            '\u{1e}' | '\u{1f}' | '\t' => ' ',
            c => c,
        })
        .collect();
    squash_spaces(&clean_text(&spaced))
}

/// The transmission time in the first non-blank line after ETX: ANPA
/// `AP-WF-11-13-13 1509GMT<`, IPTC 7901 `131137 GMT Nov 13`.
pub(super) fn trailer_date(trailer: &str) -> Option<ArticleDate> {
    let line = trailer
        .lines()
        .map(|l| {
            clean_line(l)
                .trim_end_matches(['<', '='])
                .trim()
                .to_string()
        })
        .find(|l| !l.is_empty())?;
    parse_date(&line).or_else(|| find_date(&line))
}

/// Drops one end-of-line marker (`<` ends a line, `=` a header line) and the spaces
/// around it.
pub(super) fn strip_end_marker(s: &str) -> &str {
    let t = s.trim_end();
    t.strip_suffix(['<', '=']).unwrap_or(t).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_split_and_trailer_date() {
        let f = split_frame("\u{1}env\n\u{2}text\n\u{3}131137 GMT Nov 13\n\u{7f}\u{4}");
        assert_eq!(f.text, "text\n");
        let d = trailer_date(f.trailer).expect("date");
        assert_eq!(d.at.to_string(), "2013-11-13 11:37:00.0 +00:00:00");
        // Missing ETX: text to the end, no trailer; missing STX: the first line is envelope.
        let f = split_frame("\u{1}env\n\u{2}cut off");
        assert_eq!((f.text, f.trailer), ("cut off", ""));
        let f = split_frame("\u{1}env\nrest");
        assert_eq!(f.text, "rest");
        assert_eq!(trailer_date(""), None);
        assert_eq!(trailer_date("\n\u{7f}\n\u{4}"), None);
        assert!(trailer_date("AP-WF-11-13-13 1509GMT<").is_some());
    }

    #[test]
    fn clean_line_turns_separators_into_spaces() {
        assert_eq!(
            clean_line("\u{8}Tampa\u{10} Bay\u{1f}\u{1e} 73\u{1e} \u{1e} 52\t.584"),
            "Tampa Bay 73 52 .584"
        );
        assert_eq!(strip_end_marker("Title< "), "Title");
        assert_eq!(strip_end_marker("By X= "), "By X");
        assert_eq!(strip_end_marker("a <<"), "a <");
    }
}
