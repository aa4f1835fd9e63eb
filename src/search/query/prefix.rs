//! Prefix terms (`term*`): which indexed terms a typed prefix matches (`Prefix`), given
//! that the index holds stems, how those terms are found (`Prefix::of`) and searched
//! (`Prefix::pattern`); with the accent folding (`fold`) and the regex escaping that
//! `path:value*` prefixes share.

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::index::schema;

/// Whether, in the archive, `stem` is the indexed form of a word starting with `prefix`
/// (both folded and lower-cased); see `Prefix`.
pub type StemCheck<'a> = &'a dyn Fn(&str, &str) -> bool;

/// The indexed terms a `term*` query matches: the stems of the words that start with the
/// typed prefix.
///
/// The index holds stems, and a stem can be shorter than the word, even shorter than the
/// typed prefix (`negotiating` is indexed as `negoti`, so `negotiat*` must match `negoti`),
/// while cutting the prefix itself down would match words that do not start with it
/// (`parli*` cut to `par` finds "parts"). So a term matches when it starts with the typed
/// prefix (folded and lower-cased like indexed text), or when it is in `stems`: the stems,
/// not starting with the prefix, of the prefix followed by each of `word_endings()` (the
/// endings English stemming removes or rewrites, and their tails, since a prefix can end
/// inside one). What stemming merges cannot be told apart again: `negotiat*` also
/// matches "negotiable" (`negoti` too), and `runn*` matches "run" and "runs", since
/// "running" is indexed as `run`.
///
/// Most of the words the endings make are not words (`parli` is stemmed to `par`, like
/// `chili` to `chi`), and only a real word can tell `par` from `chi`: a search keeps a stem
/// only if an article that has it spells it as a word starting with the prefix (the
/// `StemCheck` the searcher passes to `compile_with`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prefix {
    /// The typed prefix, lower-cased and accent-folded.
    pub text: String,
    /// Stems of words starting with `text` that do not start with it themselves.
    pub stems: Vec<String>,
}

impl Prefix {
    /// The terms `raw*` matches: `raw` folded, and the stems of `raw` followed by each of
    /// `word_endings()` that do not start with it, kept when `stems_of_real_words` says a
    /// word of the archive has them. `analyzer` is the index's.
    pub fn of(analyzer: &mut TextAnalyzer, raw: &str, stems_of_real_words: StemCheck<'_>) -> Self {
        let text = fold(raw);
        let mut stems: Vec<String> = Vec::new();
        for ending in word_endings() {
            let word = format!("{text}{ending}");
            let mut s = analyzer.token_stream(&word);
            while let Some(t) = s.next() {
                if !t.text.starts_with(text.as_str()) && !stems.contains(&t.text) {
                    stems.push(t.text.clone());
                }
            }
        }
        stems.retain(|stem| stems_of_real_words(&text, stem));
        stems.sort_unstable();
        Prefix { text, stems }
    }

    /// Whether the indexed term (or analysed token) `term` is one the query matches.
    pub fn matches(&self, term: &str) -> bool {
        term.starts_with(self.text.as_str()) || self.stems.iter().any(|s| s == term)
    }

    /// The same set of terms as a regular expression over the term dictionary (tantivy's
    /// regular expressions match whole terms).
    pub(super) fn pattern(&self) -> String {
        let mut p = format!("{}.*", regex_escape(&self.text));
        for s in &self.stems {
            p.push('|');
            p.push_str(&regex_escape(s));
        }
        p
    }
}

/// `text` lower-cased and accent-folded like indexed words, without the stemming; the
/// words of `text` run together.
pub fn fold(text: &str) -> String {
    let mut folder = schema::build_analyzer(schema::Analysis::FoldedAnyLength);
    let mut out = String::new();
    let mut s = folder.token_stream(text);
    while let Some(t) = s.next() {
        out.push_str(&t.text);
    }
    out
}

pub(super) fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Word endings that English (Snowball) stemming removes or rewrites, alone and followed
/// by inflections. A prefix followed by one of these, or by the tail of one, is a word
/// whose stem may cut into the prefix. Kept broad: a superfluous ending only costs a
/// stemming call, a missing one can lose words.
fn word_endings() -> &'static [String] {
    static ENDINGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ENDINGS.get_or_init(|| {
        #[rustfmt::skip]
        const DERIVED: &[&str] = &[
            "", "ational", "tional", "ation", "ator", "ative", "ate", "ition", "ion", "ional",
            "ization", "isation", "ize", "ise", "izer", "iser", "alize", "alise", "alism",
            "alist", "ality", "al", "ally", "ism", "ist", "istic", "ity", "ive", "ively",
            "iveness", "ivity", "able", "ably", "ability", "ible", "ibly", "ibility", "ance",
            "ancy", "ant", "antly", "ence", "ency", "ent", "ently", "ement", "ment", "mental",
            "mentally", "ness", "ful", "fully", "fulness", "less", "lessly", "lessness", "ous",
            "ously", "ousness", "ic", "ical", "ically", "icate", "icity", "iciti", "ogy",
            "ogies", "ogist", "er", "or", "ee", "eed", "y", "ly", "ily", "li", "bli", "logi",
            "e", "l", "ll", "ess", "ship", "hood", "dom", "ward", "ary", "ery", "ory", "age",
            "ure", "ette", "ing", "ed",
        ];
        #[rustfmt::skip]
        const INFLECTED: &[&str] = &[
            "", "s", "es", "ies", "ied", "ed", "d", "ing", "ings", "ingly", "edly", "ly", "er",
            "ers", "est", "ier", "iest", "y", "ily", "ness",
        ];
        let mut tails: Vec<String> = Vec::new();
        for d in DERIVED {
            for i in INFLECTED {
                let ending = format!("{d}{i}");
                for (at, _) in ending.char_indices() {
                    tails.push(ending[at..].to_string());
                }
            }
        }
        tails.push(String::new());
        tails.sort_unstable();
        tails.dedup();
        tails
    })
}
