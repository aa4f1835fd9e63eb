//! English stemming with a per-analyzer memo.
//!
//! Snowball stemming is one of the largest costs of indexing, yet news text repeats a
//! small vocabulary: most tokens have been stemmed many times before. tantivy clones the
//! analyzer for every segment writer and field, so each clone keeps its own memo and needs
//! no lock.
//!
//! The memo is a direct-mapped table of fixed 64-byte slots (word and stem stored inline,
//! one cache line per lookup; a new word simply replaces whatever shared its slot), so a
//! lookup costs one hash and one memory access, where a `HashMap<String, String>` would
//! chase pointers. It starts small (32 KiB) and doubles, up to 2 MiB per analyzer clone
//! whatever the archive, only while words keep missing: a query or a page of snippets
//! touches a few thousand words, and each page of a table costs a page fault when first
//! written, which a short search would pay for a table it never fills.
//! Output is exactly tantivy's `Stemmer` (same algorithm, same crate).

use std::hash::Hasher;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Longest word (and stem) kept in the memo, in bytes; longer ones are always stemmed.
const SLOT_BYTES: usize = 31;

/// Slots of a new memo, and the most it grows to (powers of two).
const MIN_SLOTS_LOG2: u32 = 9;
const SLOTS_LOG2: u32 = 15;

/// The memo doubles once it has missed this many times its number of slots since it last
/// grew: a vocabulary that fits stops missing long before, a larger one keeps missing.
const GROW_AFTER_MISSES_PER_SLOT: usize = 2;

#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    word_len: u8,
    stem_len: u8,
    word: [u8; SLOT_BYTES],
    stem: [u8; SLOT_BYTES],
}

const EMPTY: Slot = Slot {
    word_len: 0,
    stem_len: 0,
    word: [0; SLOT_BYTES],
    stem: [0; SLOT_BYTES],
};

#[derive(Clone, Default)]
struct Memo {
    /// Empty until the first word, then `1 << slots_log2` slots.
    slots: Vec<Slot>,
    slots_log2: u32,
    /// Words put since the table last grew.
    misses: usize,
}

impl Memo {
    fn hash(word: &[u8]) -> u64 {
        let mut h = rustc_hash::FxHasher::default();
        h.write(word);
        h.finish()
    }

    fn slot_of(&self, word: &[u8]) -> usize {
        (Self::hash(word) >> (64 - self.slots_log2)) as usize
    }

    fn get(&self, word: &str) -> Option<&str> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = &self.slots[self.slot_of(word.as_bytes())];
        let len = usize::from(slot.word_len);
        if len == 0 || slot.word[..len] != *word.as_bytes() {
            return None;
        }
        std::str::from_utf8(&slot.stem[..usize::from(slot.stem_len)]).ok()
    }

    fn put(&mut self, word: &str, stem: &str) {
        if word.is_empty() || word.len() > SLOT_BYTES || stem.len() > SLOT_BYTES {
            return;
        }
        if self.slots.is_empty() {
            self.slots_log2 = MIN_SLOTS_LOG2;
            self.slots = vec![EMPTY; 1 << MIN_SLOTS_LOG2];
        } else if self.slots_log2 < SLOTS_LOG2
            && self.misses >= GROW_AFTER_MISSES_PER_SLOT * self.slots.len()
        {
            self.grow();
        }
        self.misses += 1;
        let i = self.slot_of(word.as_bytes());
        let slot = &mut self.slots[i];
        slot.word_len = word.len() as u8;
        slot.word[..word.len()].copy_from_slice(word.as_bytes());
        slot.stem_len = stem.len() as u8;
        slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
    }

    /// Doubles the table, keeping every word it holds.
    fn grow(&mut self) {
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; 2 << self.slots_log2]);
        self.slots_log2 += 1;
        self.misses = 0;
        for slot in old.iter().filter(|s| s.word_len > 0) {
            let i = self.slot_of(&slot.word[..usize::from(slot.word_len)]);
            self.slots[i] = *slot;
        }
    }
}

/// A Snowball stemmer (English unless built `for_language`), memoised; a drop-in for
/// `tantivy::tokenizer::Stemmer`.
#[derive(Clone)]
pub struct CachedStemmer {
    algorithm: frostem::Algorithm,
    gate: Option<Gate>,
}

/// The first letters of the terms a snippet looks for (`CachedStemmer::english_for`).
type Gate = std::sync::Arc<[char]>;

impl Default for CachedStemmer {
    fn default() -> Self {
        CachedStemmer {
            algorithm: frostem::Algorithm::English,
            gate: None,
        }
    }
}

impl CachedStemmer {
    pub fn with_algorithm(algorithm: frostem::Algorithm) -> Self {
        CachedStemmer {
            algorithm,
            gate: None,
        }
    }

    /// English stemming of only the words that start with one of `first_letters`, for
    /// finding given terms in a text: the others pass through unstemmed. English
    /// (Porter2) stemming rewrites endings and keeps a word's first letter, so a word
    /// starting with another letter cannot stem to a term sought, stemmed or not, and the
    /// matches are those of full stemming at a fraction of its cost (the bodies of a page
    /// of hits hold thousands of words, the query a few).
    pub fn english_for(first_letters: &[char]) -> Self {
        CachedStemmer {
            algorithm: frostem::Algorithm::English,
            gate: Some(first_letters.into()),
        }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            memo: Memo::default(),
            algorithm: self.algorithm,
            gate: self.gate,
        }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    memo: Memo,
    algorithm: frostem::Algorithm,
    gate: Option<Gate>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: None,
            algorithm: self.algorithm,
            gate: self.gate.as_deref(),
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut Memo,
    stemmer: Option<frostem::Stemmer>,
    algorithm: frostem::Algorithm,
    gate: Option<&'a [char]>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(gate) = self.gate {
            if !token.text.chars().next().is_some_and(|c| gate.contains(&c)) {
                return true;
            }
        }
        if let Some(stem) = self.memo.get(&token.text) {
            if token.text != stem {
                token.text.clear();
                token.text.push_str(stem);
            }
            return true;
        }
        let algorithm = self.algorithm;
        let stemmer = self
            .stemmer
            .get_or_insert_with(|| frostem::Stemmer::new(algorithm));
        let stem = stemmer.stem(&token.text).into_owned();
        self.memo.put(&token.text, &stem);
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{
        LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream as _,
    };

    use super::CachedStemmer;

    /// tantivy's stemmer and the memoised one, behind the same tokenizer and lower-caser.
    fn analyzers() -> (TextAnalyzer, TextAnalyzer) {
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::default())
            .build();
        let cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::default())
            .build();
        (plain, cached)
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn same_output_as_tantivy_stemmer_with_and_without_memo() {
        let text = "Talks talked talking; the generously generous generalisations \
            of nationalisation, running runners ran. Talks talked talking again \
            internationalisationsinternationalisations x";
        let (mut plain, mut cached) = analyzers();
        let expected = tokens(&mut plain, text);
        assert!(expected.iter().any(|t| t.0 == "talk"));
        // First pass fills the memo, the second reads from it.
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(tokens(&mut cached, text), expected);
    }

    /// `english_for` stems only words starting with a letter sought: English stemming
    /// must keep every word's first letter (Porter2's exceptions included), so that no
    /// word left unstemmed could have matched.
    #[test]
    fn english_stemming_keeps_the_first_letter() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let exceptions = "skis skies dying lying tying idly gently ugly early only singly \
            sky news howe atlas cosmos bias andes inning innings outing outings canning \
            cannings herring herrings earring earrings proceed exceed succeed generously \
            communism arsenal yes yell yelling youths ycleped y ya yy";
        let mut words: Vec<String> = exceptions.split_whitespace().map(String::from).collect();
        // Every word of one to four letters over an alphabet of the letters stemming
        // rewrites, and the endings it removes after a few stems.
        let alphabet: Vec<char> = "aeiouyslndgtbcr".chars().collect();
        let mut frontier = vec![String::new()];
        for _ in 0..4 {
            frontier = frontier
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(frontier.iter().cloned());
        }
        for stem in ["y", "gener", "nation", "ration", "hop", "dy", "ly", "ty"] {
            for ending in [
                "ational", "tional", "enci", "anci", "abli", "entli", "izer", "ization", "ation",
                "ator", "alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness",
                "iviti", "biliti", "bli", "ogi", "fulli", "lessli", "li", "alize", "icate",
                "iciti", "ical", "ful", "ness", "ing", "ingly", "ed", "edly", "ies", "ied", "s",
                "y", "e", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
                "al", "er", "ic", "able", "ible", "ant", "ence", "ance",
            ] {
                words.push(format!("{stem}{ending}"));
            }
        }
        for word in &words {
            let stem = stemmer.stem(word);
            assert_eq!(
                stem.chars().next(),
                word.chars().next(),
                "{word} stems to {stem}"
            );
        }
    }

    #[test]
    fn gated_stemming_finds_what_full_stemming_finds() {
        let text = "Generous generosity; the Yankees yelled at nationalised railways. \
            Dying lies, lying dies: skies and skis. Ранее Zürich Ωmegas y ys";
        let (_, mut full) = analyzers();
        let expected = tokens(&mut full, text);
        let wanted: Vec<char> = "gyldsz".chars().collect();
        let mut gated = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::english_for(&wanted))
            .build();
        let got = tokens(&mut gated, text);
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            let first = e.0.chars().next().unwrap_or(' ');
            if wanted.contains(&first) {
                assert_eq!(g, e, "a word starting with a wanted letter is stemmed");
            } else {
                assert_eq!((g.1, g.2, g.3), (e.1, e.2, e.3));
                assert!(!wanted.contains(&g.0.chars().next().unwrap_or(' ')));
            }
        }
    }

    #[test]
    fn colliding_and_long_words_still_stem_right() {
        // Far more distinct words than slots: every slot is overwritten many times.
        let n = 3 << super::SLOTS_LOG2;
        let words: String = (0..n).map(|i| format!("w{i}s w{i}ing ")).collect();
        let (mut plain, mut cached) = analyzers();
        let expected = tokens(&mut plain, &words);
        assert_eq!(expected.len(), 2 * n);
        assert_eq!(tokens(&mut cached, &words), expected);
        assert_eq!(tokens(&mut cached, &words), expected);
        let long = "antidisestablishmentarianisms antidisestablishmentarianisms";
        assert_eq!(tokens(&mut cached, long), tokens(&mut plain, long));
        // Words that are not ASCII (no folding in these analyzers), twice each so the
        // second comes from the memo.
        let other = "Ωmegas ωαys cafés naïvetés Städte Москвы привет 東京です Ωmegas ωαys \
            cafés naïvetés Städte Москвы привет 東京です";
        assert_eq!(tokens(&mut cached, other), tokens(&mut plain, other));
    }

    #[test]
    fn memo_grows_only_while_words_keep_missing() {
        use super::{Memo, MIN_SLOTS_LOG2, SLOTS_LOG2};
        fn look_up(memo: &mut Memo, word: &str) {
            if memo.get(word).is_none() {
                memo.put(word, &word.to_uppercase());
            }
        }
        let mut memo = Memo::default();
        for _ in 0..10_000 {
            for word in ["alpha", "beta", "gamma", "delta"] {
                look_up(&mut memo, word);
            }
        }
        assert_eq!(
            memo.slots.len(),
            1 << MIN_SLOTS_LOG2,
            "a small vocabulary stays small"
        );
        memo.grow();
        for word in ["alpha", "beta", "gamma", "delta"] {
            assert_eq!(
                memo.get(word),
                Some(word.to_uppercase().as_str()),
                "kept across growth"
            );
        }
        for i in 0..(8 << SLOTS_LOG2) {
            look_up(&mut memo, &format!("w{i}"));
        }
        assert_eq!(
            memo.slots.len(),
            1 << SLOTS_LOG2,
            "grows to its cap and no further"
        );
        look_up(&mut memo, "w7");
        assert_eq!(memo.get("w7"), Some("W7"));
    }

    proptest::proptest! {
        #[test]
        fn any_text_stems_as_tantivy_does(text in "\\PC{0,200}") {
            let (mut plain, mut cached) = analyzers();
            let expected = tokens(&mut plain, &text);
            proptest::prop_assert_eq!(&tokens(&mut cached, &text), &expected);
            proptest::prop_assert_eq!(&tokens(&mut cached, &text), &expected);
        }
    }
}
