//! The stop words an OR query (`any`) leaves out, read from `schema/or-stop-words.txt`, the
//! one list the engine and the evaluation scripts (`benches/eval/ir`) share.
//!
//! The list holds the single words and contractions of the Snowball project's English stop
//! word list, which itself leaves out "us" (U.S.) and will/can/may/must/might.
//!
//! Under OR any one word makes an article match, and these match nearly every article:
//! their BM25 weights are small but, summed over a long description, they rank long
//! articles above relevant ones; dropping them from OR queries raises MAP on the TIME 1963
//! news collection (docs/relevance.md). Only query words are dropped, so phrases, AND
//! queries and field lengths are unchanged, and a query made only of stop words still runs
//! as typed. Quoted, field-scoped, prefixed and `+`/`-` words are kept (`rewrite`).

use std::sync::LazyLock;

/// The list as shipped: one word a line, `#` lines are comments.
const LIST: &str = include_str!("../../../schema/or-stop-words.txt");

/// The stop words, lower case, in the file's order.
pub static OR_STOP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| parse(LIST));

/// The words of a stop word list: one a line, blank lines and `#` comments skipped.
fn parse(list: &str) -> Vec<&str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_is_read_whole() {
        assert_eq!(OR_STOP_WORDS.len(), 174);
        assert_eq!(OR_STOP_WORDS.first(), Some(&"i"));
        assert_eq!(OR_STOP_WORDS.last(), Some(&"very"));
        for w in ["the", "it's", "shouldn't", "against"] {
            assert!(OR_STOP_WORDS.contains(&w), "{w}");
        }
        // U.S. and the modal verbs are words to search for.
        for w in ["us", "will", "can", "may", "must", "might"] {
            assert!(!OR_STOP_WORDS.contains(&w), "{w}");
        }
        for w in OR_STOP_WORDS.iter() {
            assert_eq!(*w, w.to_lowercase(), "stop words are lower case");
            assert!(!w.contains(char::is_whitespace), "{w:?}: one word a line");
        }
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        assert_eq!(
            parse("# header\n\nthe\n  a \n# note\nof\n"),
            ["the", "a", "of"]
        );
    }
}
