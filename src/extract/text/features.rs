//! What each unit of a text looks like, measured once: length, words, sentence
//! punctuation, stop-word density (the best of en, de, fr, es, it, nl, pt), the shapes that
//! menus and link lists keep after rendering (`* Home`, `[12]`, `(BUTTON)`, `____`,
//! `a | b | c`), page-furniture vocabulary (share, sign in, cookies), repetition within
//! the file and capitalisation. Also owns the tuned data in `lexicon.txt`, parsed once per
//! process: the vocabularies here and the weights the other rules read.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::lines::{columns, starts_with_bullet, Unit};

/// The parsed `lexicon.txt`: word sets, phrase lists, word maps and weights.
pub struct Lexicon {
    /// Stop words, each with a bit per language whose list holds it.
    stop: HashMap<String, u8>,
    languages: usize,
    sets: HashMap<String, HashSet<String>>,
    lists: HashMap<String, Vec<String>>,
    weights: HashMap<String, f32>,
}

impl Lexicon {
    /// Whether `word` (lower case) is in the word section `section`.
    pub fn has(&self, section: &str, word: &str) -> bool {
        self.sets.get(section).is_some_and(|s| s.contains(word))
    }

    /// The lines of a phrase section.
    pub fn lines(&self, section: &str) -> &[String] {
        self.lists.get(section).map_or(&[], Vec::as_slice)
    }

    /// A weight from `[weights]`; 0 when absent, so a missing key switches a rule off.
    pub fn weight(&self, key: &str) -> f32 {
        self.weights.get(key).copied().unwrap_or(0.0)
    }
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| parse_lexicon(include_str!("lexicon.txt")))
}

fn parse_lexicon(src: &str) -> Lexicon {
    let mut lists: HashMap<String, Vec<String>> = HashMap::new();
    let mut section = String::new();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
            continue;
        }
        lists
            .entry(section.clone())
            .or_default()
            .push(line.to_string());
    }
    let sets: HashMap<String, HashSet<String>> = lists
        .iter()
        .map(|(k, v)| {
            let words = v
                .iter()
                .flat_map(|l| l.split_whitespace())
                .map(str::to_string)
                .collect();
            (k.clone(), words)
        })
        .collect();
    let mut stop_names: Vec<&String> = sets.keys().filter(|k| k.starts_with("stop.")).collect();
    stop_names.sort();
    let mut stop: HashMap<String, u8> = HashMap::new();
    for (bit, k) in stop_names.iter().enumerate().take(8) {
        for w in &sets[*k] {
            *stop.entry(w.clone()).or_default() |= 1 << bit;
        }
    }
    let languages = stop_names.len().min(8);
    let weights = lists
        .get("weights")
        .map(|v| {
            v.iter()
                .filter_map(|l| {
                    let (k, w) = l.split_once(char::is_whitespace)?;
                    Some((k.to_string(), w.trim().parse().ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    Lexicon {
        stop,
        languages,
        sets,
        lists,
        weights,
    }
}

/// The measurements of one unit.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub chars: usize,
    /// Terminal columns (CJK characters count two): the length to compare across scripts.
    pub columns: usize,
    pub words: usize,
    /// Best share of stop words over the languages in the lexicon.
    pub stop_ratio: f32,
    /// Ends like a sentence (`.`, `!`, `?`, a closing quote).
    pub sentence_end: bool,
    /// A list item (`* Home`, `• News`).
    pub bullet: bool,
    /// Menu or form shapes: `[12]`, `(BUTTON)`, `____`, `a | b | c`, a line in brackets.
    pub menu: bool,
    /// Mostly page furniture: a furniture phrase (sign in, all rights reserved) in a short
    /// line, or furniture words (share, print, cookies) for a third of its words or more.
    pub furniture: bool,
    /// Starts what follows an article: a comment section (`34 responses to ...`, `Jane
    /// says:`), related stories, a share bar.
    pub barrier: bool,
    /// How many units of the file have the same text (case-insensitive); 1 when unique.
    pub repeats: usize,
    /// Share of words that start with a capital letter.
    pub caps_ratio: f32,
    /// Share of letters among the non-space characters.
    pub alpha_ratio: f32,
}

/// Byte offset of the ASCII `needle` in `hay`, ignoring ASCII case; always a character
/// boundary of `hay` (unlike an offset found in a lower-cased copy).
pub fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() || hay.len() < n.len() {
        return None;
    }
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// Words of a unit as compared against the lexicon: lower case, outer punctuation off.
pub fn words_lower(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

fn menu_shape(t: &str) -> bool {
    let lower = t.to_lowercase();
    if lower.contains("(button)") || lower.contains("[button]") || t.contains("____") {
        return true;
    }
    // `[12]` link numbers and `[IMG]` placeholders, or a line that is one bracketed name.
    let brackets = t.matches('[').count();
    if (t.starts_with('[') && t.ends_with(']') && brackets == 1) || brackets >= 3 {
        return true;
    }
    // lynx prints a page's <link rel> titles first: `#Site » Feed Site » Comments Feed`.
    if t.starts_with('#') && (t.contains(" » ") || lower.contains("alternate")) {
        return true;
    }
    // Breadcrumbs: `Home » Column »`.
    if t.ends_with('»') || (t.contains(" » ") && t.split_whitespace().count() <= 8) {
        return true;
    }
    let bars = t.matches(" | ").count() + t.matches(" · ").count() + t.matches(" • ").count();
    let words = t.split_whitespace().count();
    bars >= 2 && words <= bars * 4 + 4
}

fn furniture(words: &[String], lower: &str) -> bool {
    /// Words up to which one furniture phrase makes a line furniture.
    const PHRASE_WORDS: usize = 10;
    let lex = lexicon();
    let hits = words.iter().filter(|w| lex.has("furniture", w)).count();
    hits * 3 >= words.len().max(1)
        || (words.len() <= PHRASE_WORDS
            && lex
                .lines("furniture.phrases")
                .iter()
                .any(|p| lower.contains(p.as_str())))
}

fn barrier(lower: &str, words: &[String]) -> bool {
    let lex = lexicon();
    if words.len() > 12 {
        return false;
    }
    let counted = words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && words.get(1).is_some_and(|w| lex.has("barrier.count", w));
    let comment_head =
        words.len() <= 8 && (lower.ends_with(" says:") || lower.ends_with(" wrote:"));
    counted
        || comment_head
        || lex
            .lines("barrier.phrases")
            .iter()
            .any(|p| lower.starts_with(p.as_str()))
}

/// Measures every unit of a file.
pub fn measure(units: &[Unit]) -> Vec<Features> {
    let lex = lexicon();
    let mut counts: HashMap<String, usize> = HashMap::new();
    let keys: Vec<String> = units
        .iter()
        .map(|u| crate::extract::squash_spaces(&u.text).to_lowercase())
        .collect();
    for k in &keys {
        *counts.entry(k.clone()).or_default() += 1;
    }
    units
        .iter()
        .zip(&keys)
        .map(|(u, key)| {
            let t = u.text.as_str();
            let words: Vec<String> = words_lower(t).collect();
            let n = words.len().max(1) as f32;
            let mut per_language = [0usize; 8];
            for w in &words {
                if let Some(&mask) = lex.stop.get(w.as_str()) {
                    for (bit, count) in per_language.iter_mut().enumerate() {
                        *count += usize::from(mask & (1 << bit) != 0);
                    }
                }
            }
            let stop_ratio = per_language[..lex.languages]
                .iter()
                .map(|&c| c as f32 / n)
                .fold(0.0, f32::max);
            let raw_words: Vec<&str> = t.split_whitespace().collect();
            let caps = raw_words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            let non_space = t.chars().filter(|c| !c.is_whitespace()).count().max(1);
            let alpha = t.chars().filter(|c| c.is_alphabetic()).count();
            Features {
                chars: t.chars().count(),
                columns: columns(t),
                words: raw_words.len(),
                stop_ratio,
                sentence_end: t.ends_with(['.', '!', '?', '"', '”', '’', '»', '。', '！', '？']),
                bullet: starts_with_bullet(t),
                menu: menu_shape(t),
                furniture: furniture(&words, key),
                barrier: barrier(key, &words),
                repeats: counts.get(key).copied().unwrap_or(1),
                caps_ratio: caps as f32 / raw_words.len().max(1) as f32,
                alpha_ratio: alpha as f32 / non_space as f32,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::lines::units;
    use super::*;

    #[test]
    fn lexicon_parses_every_language_and_the_weights() {
        let lex = lexicon();
        assert_eq!(lex.languages, 7);
        assert!(lex.has("furniture", "share"));
        assert!(lex.weight("title.min") > 0.0);
        assert!(lex.lines("months").iter().any(|l| l == "gennaio january"));
    }

    #[test]
    fn ascii_search_ignores_case_and_keeps_boundaries() {
        assert_eq!(find_ascii_ci("İstanbul Posted BY Jane", " by "), Some(16));
        assert_eq!(find_ascii_ci("ab", " by "), None);
    }

    #[test]
    fn prose_menus_and_furniture_measure_apart() {
        let u = units(
            "The council said on Tuesday that the plan would go ahead.\n\n* Home\n\n\
             Share on Facebook | Twitter | Email\n\nSearch ____________\n\n\
             Der Rat hat am Dienstag gesagt, dass der Plan umgesetzt wird.\n\n* Home\n",
        );
        let f = measure(&u);
        assert!(f[0].stop_ratio > 0.3 && f[0].sentence_end && !f[0].menu);
        assert!(f[1].bullet && f[1].repeats == 2);
        assert!(f[2].menu && f[2].furniture);
        assert!(f[3].menu);
        assert!(f[4].stop_ratio > 0.3);
    }
}
