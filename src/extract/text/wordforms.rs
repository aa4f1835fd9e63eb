//! A headline's words matched with its story's in any of their forms: a headline says
//! "arrests" where the story says "arrested", "Regierung" where it says "Regierungen".

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

/// Characters of a word compared when a line's words are matched with the story's.
const STEM_CHARS: usize = 6;

/// Characters by which two forms of a word may differ in length ("arrests" / "arrested").
const FORM_CHARS: usize = 3;

/// Fewest characters (and bytes) of a word compared at all.
const MIN_CHARS: usize = 4;

/// The bit of a word length in a 64-bit set of lengths (63 and up share the last).
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

/// The first [`STEM_CHARS`] characters of `w`.
pub(super) fn stem(w: &str) -> &str {
    w.char_indices().nth(STEM_CHARS).map_or(w, |(i, _)| &w[..i])
}

/// A 1,024-bit sketch of a set of words by first byte, last byte and length: a word whose
/// bit is clear is not in the set.
#[derive(Default)]
struct Sketch([u64; 16]);

impl Sketch {
    fn bit(w: &str) -> usize {
        let b = w.as_bytes();
        let (first, last) = (b.first().copied(), b.last().copied());
        (usize::from(first.unwrap_or(0)) * 31 + usize::from(last.unwrap_or(0)) * 7 + b.len()) & 1023
    }

    fn insert(&mut self, w: &str) {
        let i = Self::bit(w);
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn may_hold(&self, w: &str) -> bool {
        let i = Self::bit(w);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The story's words that the lines above it hold too: each stem, with the lengths (bit
/// n: n characters, 63 and up in bit 63) of the words the story writes it in.
pub(super) struct StoryWords(FxHashMap<String, u64>);

impl StoryWords {
    /// From the words of the lines above the story and the story's own words; only words
    /// of [`MIN_CHARS`] characters or more are compared.
    pub(super) fn new<'a>(
        above: impl Iterator<Item = Cow<'a, str>>,
        story: impl Iterator<Item = Cow<'a, str>>,
    ) -> Self {
        let above: FxHashSet<String> = above
            .filter(|w| w.len() >= MIN_CHARS && w.chars().count() >= MIN_CHARS)
            .map(|w| stem(&w).to_owned())
            .collect();
        let mut sketch = Sketch::default();
        above.iter().for_each(|w| sketch.insert(w));
        let mut words: FxHashMap<String, u64> = FxHashMap::default();
        for w in story.filter(|w| w.len() >= MIN_CHARS) {
            let s = stem(&w);
            if sketch.may_hold(s) && above.contains(s) {
                *words.entry(s.to_owned()).or_default() |= length_bit(w.chars().count());
            }
        }
        Self(words)
    }

    /// Whether the story has the word of stem `stem` and `chars` characters, or another
    /// form of it: the same stem and a length within [`FORM_CHARS`] ("Bundesliga" is not
    /// "Bundesregierung").
    pub(super) fn has(&self, stem: &str, chars: usize) -> bool {
        let near = (chars.saturating_sub(FORM_CHARS)..=chars + FORM_CHARS)
            .fold(0u64, |m, n| m | length_bit(n));
        self.0.get(stem).is_some_and(|&m| m & near != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
        s.split_whitespace().map(Cow::Borrowed)
    }

    #[test]
    fn another_form_of_a_word_is_found_and_another_word_of_its_stem_is_not() {
        let story = StoryWords::new(
            words("police arrests protesters bundesliga"),
            words("officers arrested twelve people after the bundesregierung spoke"),
        );
        assert!(story.has(stem("arrests"), "arrests".len()));
        assert!(!story.has(stem("bundesliga"), "bundesliga".len()));
        assert!(!story.has(stem("protesters"), "protesters".len()));
    }
}
