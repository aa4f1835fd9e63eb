//! Snippets: the body passage with the most query terms, as clean one-line text plus
//! highlight ranges. Ranges are in Unicode characters (scalar values), end-exclusive, so
//! `text[start:end]` works directly in Python and jq; the engine never emits markup.

use serde::Serialize;

use crate::extract::clean::is_invisible;

/// Passage length in characters that snippets aim for.
pub const SNIPPET_CHARS: usize = 220;

/// A passage of an article with the query's matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Snippet {
    pub text: String,
    /// `[start, end)` character offsets into `text`, sorted, non-overlapping.
    pub highlights: Vec<[usize; 2]>,
}

/// Builds a snippet from a tantivy fragment and its byte ranges: whitespace collapsed to
/// single spaces, invisible characters dropped, byte ranges turned into character ranges.
pub fn from_fragment(fragment: &str, byte_ranges: &[std::ops::Range<usize>]) -> Snippet {
    let mut text = String::with_capacity(fragment.len());
    let mut chars = 0usize;
    let mut highlights: Vec<[usize; 2]> = Vec::new();
    let mut open: Option<usize> = None;
    let mut ri = 0;
    let mut pending_space = false;
    for (pos, c) in fragment.char_indices() {
        while byte_ranges.get(ri).is_some_and(|r| r.end <= pos) {
            ri += 1;
        }
        let in_range = byte_ranges.get(ri).is_some_and(|r| r.start <= pos);
        if !in_range {
            if let Some(start) = open.take() {
                highlights.push([start, chars]);
            }
        }
        if c.is_whitespace() {
            pending_space = !text.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if pending_space {
            text.push(' ');
            chars += 1;
            pending_space = false;
        }
        if in_range && open.is_none() {
            open = Some(chars);
        }
        text.push(c);
        chars += 1;
    }
    if let Some(start) = open {
        highlights.push([start, chars]);
    }
    Snippet { text, highlights }
}

/// The opening of the body, for hits whose match is not in the body (title or byline only).
pub fn lead(body: &str) -> Snippet {
    let end = body
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(body.len(), |(i, _)| i);
    let mut cut = &body[..end];
    if end < body.len() {
        if let Some(i) = cut.rfind(char::is_whitespace) {
            cut = &cut[..i];
        }
    }
    from_fragment(cut, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ranges_become_char_ranges_after_cleaning() {
        // "Zürich" has a two-byte char before the highlighted word.
        let frag = "Zürich\n\nvoted  on the lighthouse plan";
        let start = frag.find("lighthouse").unwrap();
        let range = start..start + "lighthouse".len();
        let s = from_fragment(frag, std::slice::from_ref(&range));
        assert_eq!(s.text, "Zürich voted on the lighthouse plan");
        let [a, b] = s.highlights[0];
        let hl: String = s.text.chars().skip(a).take(b - a).collect();
        assert_eq!(hl, "lighthouse");
    }

    #[test]
    fn several_ranges_and_invisible_chars() {
        let frag = "a\u{202e}b water c rationing";
        let w = frag.find("water").unwrap();
        let r = frag.find("rationing").unwrap();
        let s = from_fragment(frag, &[w..w + 5, r..r + 9]);
        assert_eq!(s.text, "ab water c rationing");
        assert_eq!(s.highlights, vec![[3, 8], [11, 20]]);
    }

    #[test]
    fn lead_cuts_at_a_word_boundary() {
        let body = "word ".repeat(100);
        let s = lead(&body);
        assert!(s.text.chars().count() <= SNIPPET_CHARS);
        assert!(s.text.ends_with("word"));
        assert!(s.highlights.is_empty());
    }
}
