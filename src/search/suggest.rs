//! "Did you mean": for a query with no hits, each word that is not in the index is
//! replaced by the closest indexed word (edit distance 1, else 2; the more frequent wins).
//! A lower-case `or` that no article contains becomes the operator `OR`; other stop words
//! are left alone (they are not misspellings).
//!
//! The index holds stems ("lighthous"), which are not words to show a user, so the
//! suggestion is a surface form of that stem as real articles write it (case and accents
//! included: "Zürich"). Words are replaced where they stand in the query as typed, whole
//! words only, so the rest of the query comes back unchanged.

use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Searcher, Term};

use crate::index::OpenIndex;
use crate::search::query::edit_distance_within;

/// The query with misspelled words corrected, or `None` when nothing could be improved.
///
/// `words` are the query's plain words, lower-cased, in the order they are typed; each
/// one that is corrected is replaced where it stands in `query` (a whole word, matched
/// without regard to case), so the rest of the query is printed exactly as typed.
pub fn did_you_mean(
    index: &OpenIndex,
    searcher: &Searcher,
    analyzer: &TextAnalyzer,
    query: &str,
    words: &[String],
) -> Option<String> {
    let body = index.schema.fields.body;
    let mut analyzer = analyzer.clone();
    let mut corrections: Vec<Option<String>> = Vec::with_capacity(words.len());
    for word in words {
        corrections.push(correct(index, searcher, &mut analyzer, body, word));
    }
    if corrections.iter().all(Option::is_none) {
        return None;
    }
    let corrected = replace_words(query, words, &corrections);
    (corrected != query).then_some(corrected)
}

/// The correction of one query word, `None` when it is in the index or nothing is close.
fn correct(
    index: &OpenIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    body: tantivy::schema::Field,
    word: &str,
) -> Option<String> {
    // A word the analyzer splits (lower-cased "İ" is "i" and a combining dot) is not one
    // word to correct: its first piece alone would suggest something unrelated.
    let stem = {
        let mut s = analyzer.token_stream(word);
        let first = s.next().map(|t| t.text.clone())?;
        if s.next().is_some() {
            return None;
        }
        first
    };
    if doc_freq(searcher, body, &stem) > 0 {
        return None;
    }
    // A lower-case `or` is a word to the query grammar, and no article may contain it;
    // the user meant the operator (operators are upper case).
    if word == "or" {
        return Some("OR".to_string());
    }
    // Other stop words are not misspellings: "and" -> "any" would change the question.
    if crate::search::query::OR_STOP_WORDS.contains(&word) {
        return None;
    }
    let best = closest_term(searcher, body, &stem)?;
    // Only the words of the sampled articles that can stem to `best` need stemming.
    let first = best.chars().next()?;
    let mut finding = crate::index::schema::finding_analyzer(&[first]);
    Some(surface_form(index, searcher, &mut finding, &best, word).unwrap_or(best))
}

/// `query` with each of `words` that has a correction replaced by it. Words are found in
/// the order given, as whole words (not inside a longer word: the `or` of "storm"), by
/// comparing the lower-cased text of the query, so byte offsets always refer to `query`
/// itself even where lower-casing changes a character's length.
fn replace_words(query: &str, words: &[String], corrections: &[Option<String>]) -> String {
    let mut edits: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut cursor = 0;
    for (word, correction) in words.iter().zip(corrections) {
        let found = find_word(query, word, cursor).or_else(|| {
            // Not after the previous word (the grammar reordered them): anywhere free.
            let mut from = 0;
            while let Some(r) = find_word(query, word, from) {
                if !edits
                    .iter()
                    .any(|(e, _)| e.start < r.end && r.start < e.end)
                {
                    return Some(r);
                }
                from = r.end;
            }
            None
        });
        let Some(range) = found else { continue };
        cursor = cursor.max(range.end);
        if let Some(c) = correction {
            edits.push((range, c.as_str()));
        }
    }
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = query.to_string();
    for (range, replacement) in edits {
        out.replace_range(range, replacement);
    }
    out
}

/// The byte range of the first whole-word occurrence of `word` (lower case) in `text` at
/// or after byte `from`, compared case-insensitively.
fn find_word(text: &str, word: &str, from: usize) -> Option<std::ops::Range<usize>> {
    if word.is_empty() {
        return None;
    }
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    let mut prev: Option<char> = text.get(..from)?.chars().next_back();
    for (start, first) in text.get(from..)?.char_indices().map(|(i, c)| (i + from, c)) {
        let boundary_before = prev.is_none_or(|p| !is_word_char(p) || !is_word_char(first));
        prev = Some(first);
        if !boundary_before {
            continue;
        }
        let mut lowered = String::new();
        for (i, c) in text[start..].char_indices() {
            lowered.extend(c.to_lowercase());
            if !word.starts_with(lowered.as_str()) {
                break;
            }
            if lowered.len() == word.len() {
                let end = start + i + c.len_utf8();
                let boundary_after = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|n| !is_word_char(n) || !is_word_char(c));
                if boundary_after && is_plain_occurrence(text, start, end) {
                    return Some(start..end);
                }
                break;
            }
        }
    }
    None
}

/// Whether the word at `start..end` of the query is a plain word, as the ones `words`
/// holds: not a field's value (`title:x`), not excluded (`-x`), not a prefix or fuzzy
/// term (`x*`, `x~1`), not inside a quoted phrase.
fn is_plain_occurrence(text: &str, start: usize, end: usize) -> bool {
    let mut back = text[..start].chars().rev();
    let before = back.next();
    // `-x` excludes x; the hyphen of "x-or" does not.
    let excluded = before == Some('-') && back.next().is_none_or(|c| c.is_whitespace() || c == '(');
    let after = text[end..].chars().next();
    if before == Some(':') || excluded || matches!(after, Some('*' | '~' | ':')) {
        return false;
    }
    let mut quotes = 0;
    let mut escaped = false;
    for c in text[..start].chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {
                quotes += 1;
                escaped = false;
            }
            _ => escaped = false,
        }
    }
    quotes % 2 == 0
}

fn doc_freq(searcher: &Searcher, field: tantivy::schema::Field, text: &str) -> u64 {
    searcher
        .doc_freq(&Term::from_field_text(field, text))
        .unwrap_or(0)
}

/// The indexed term within edit distance 1 (else 2) of `stem` with the highest document
/// frequency. Scans terms sharing the first letter, which bounds the work on big indexes
/// and matches how people misspell (rarely the first letter).
fn closest_term(searcher: &Searcher, field: tantivy::schema::Field, stem: &str) -> Option<String> {
    let first = stem.chars().next()?;
    let mut best: Option<(u8, u64, String)> = None;
    for seg in searcher.segment_readers() {
        let Ok(inverted) = seg.inverted_index(field) else {
            continue;
        };
        let lo = first.to_string();
        let hi = char::from_u32(first as u32 + 1).map(|c| c.to_string());
        let mut range = inverted.terms().range().ge(lo.as_bytes());
        if let Some(hi) = &hi {
            range = range.lt(hi.as_bytes());
        }
        let Ok(mut stream) = range.into_stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if term.len().abs_diff(stem.len()) > 2 || term == stem {
                continue;
            }
            let distance = if edit_distance_within(stem, term, 1, false) {
                1
            } else if stem.chars().count() > 4 && edit_distance_within(stem, term, 2, false) {
                2
            } else {
                continue;
            };
            let df = u64::from(stream.value().doc_freq);
            let better = match &best {
                None => true,
                Some((d, f, t)) => {
                    (distance, std::cmp::Reverse(df), term)
                        < (*d, std::cmp::Reverse(*f), t.as_str())
                }
            };
            if better {
                best = Some((distance, df, term.to_string()));
            }
        }
    }
    best.map(|(_, _, t)| t)
}

/// How many articles `surface_form` reads to see how a word is written.
const SURFACE_SAMPLE_DOCS: usize = 20;

/// The word of real articles whose stem is `stem`, as it is written there: of the forms
/// found in a sample of articles, the closest to what the user typed (`typed`, lower
/// case; "lighthouse" rather than "lighthouses"), then the most frequent spelling of it
/// ("Zürich" where articles write it so, "harbour" rather than a sentence-initial
/// "Harbour").
fn surface_form(
    index: &OpenIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    stem: &str,
    typed: &str,
) -> Option<String> {
    let body = index.schema.fields.body;
    let q = TermQuery::new(Term::from_field_text(body, stem), IndexRecordOption::Basic);
    let top = searcher
        .search(
            &q,
            &tantivy::collector::TopDocs::with_limit(SURFACE_SAMPLE_DOCS).order_by_score(),
        )
        .ok()?;
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, addr) in top {
        let Ok(doc) = searcher.doc::<TantivyDocument>(addr) else {
            continue;
        };
        let Some(text) = doc.get_first(body).and_then(|v| v.as_str()) else {
            continue;
        };
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            if t.text == stem {
                if let Some(form) = text.get(t.offset_from..t.offset_to) {
                    *seen.entry(form.to_string()).or_insert(0) += 1;
                }
            }
        }
    }
    pick_form(seen, typed)
}

/// The form closest to `typed` (compared lower-cased), then the most frequent, then the
/// lower-case one (a capital from the start of a sentence is not how the word is
/// written), then the first in byte order, so the choice is deterministic.
fn pick_form(seen: std::collections::HashMap<String, usize>, typed: &str) -> Option<String> {
    seen.into_iter()
        .min_by(|(a, na), (b, nb)| {
            let key = |form: &str, n: usize| {
                let lower = form.to_lowercase();
                (
                    levenshtein(&lower, typed),
                    std::cmp::Reverse(n),
                    lower != form,
                )
            };
            key(a, *na).cmp(&key(b, *nb)).then_with(|| a.cmp(b))
        })
        .map(|(form, _)| form)
}

/// Edit distance in characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn words_are_replaced_whole_where_they_stand() {
        // "or" is inside "storm": only the word "or" is replaced.
        let got = replace_words(
            "storm or flood",
            &words(&["storm", "or", "flood"]),
            &[None, Some("OR".into()), None],
        );
        assert_eq!(got, "storm OR flood");
        let got = replace_words(
            "harbour or lighthouse",
            &words(&["harbour", "or", "lighthouse"]),
            &[None, Some("OR".into()), None],
        );
        assert_eq!(got, "harbour OR lighthouse");
        // Repeated words: each occurrence is its own word.
        let got = replace_words(
            "lighthuose near lighthuose",
            &words(&["lighthuose", "near", "lighthuose"]),
            &[Some("lighthouse".into()), None, None],
        );
        assert_eq!(got, "lighthouse near lighthuose");
    }

    #[test]
    fn replacement_keeps_the_rest_of_the_query_as_typed() {
        let got = replace_words(
            "Harbor +\"dredging\" (Zurih)",
            &words(&["harbor", "dredging", "zurih"]),
            &[Some("harbour".into()), None, Some("Zürich".into())],
        );
        assert_eq!(got, "harbour +\"dredging\" (Zürich)");
    }

    #[test]
    fn offsets_are_those_of_the_typed_text_not_of_its_lower_case() {
        // 'İ' (2 bytes) lower-cases to "i̇" (3 bytes): offsets of the lower-cased copy
        // would be off by one after it.
        let got = replace_words(
            "İstanbul harbr",
            &words(&["i\u{307}stanbul", "harbr"]),
            &[None, Some("harbour".into())],
        );
        assert_eq!(got, "İstanbul harbour");
        // 'K' (Kelvin sign, 3 bytes) lower-cases to 'k' (1 byte).
        let got = replace_words("\u{212a}iel x", &words(&["kiel"]), &[Some("Kiel".into())]);
        assert_eq!(got, "Kiel x");
    }

    #[test]
    fn only_plain_occurrences_are_replaced() {
        let fix = |q: &str| replace_words(q, &words(&["harbr"]), &[Some("harbour".into())]);
        assert_eq!(fix("title:harbr harbr"), "title:harbr harbour");
        assert_eq!(fix("-harbr harbr"), "-harbr harbour");
        assert_eq!(fix("harbr* harbr"), "harbr* harbour");
        assert_eq!(fix("harbr~1 harbr"), "harbr~1 harbour");
        assert_eq!(fix("\"harbr xx\" harbr"), "\"harbr xx\" harbour");
        assert_eq!(fix("(-harbr) +harbr"), "(-harbr) +harbour");
        assert_eq!(fix("sea-harbr"), "sea-harbour");
    }

    #[test]
    fn a_word_not_found_whole_is_left_alone() {
        assert_eq!(
            replace_words("storms", &words(&["or"]), &[Some("OR".into())]),
            "storms"
        );
        assert_eq!(find_word("storm or", "or", 0), Some(6..8));
        assert_eq!(find_word("OR", "or", 0), Some(0..2));
        assert_eq!(find_word("x-or", "or", 0), Some(2..4));
        assert_eq!(find_word("", "or", 0), None);
    }

    #[test]
    fn the_closest_then_most_frequent_form_is_shown() {
        let seen = |v: &[(&str, usize)]| v.iter().map(|(f, n)| (f.to_string(), *n)).collect();
        assert_eq!(
            pick_form(seen(&[("Zürich", 6), ("zürich", 1)]), "zurih").as_deref(),
            Some("Zürich")
        );
        assert_eq!(
            pick_form(
                seen(&[("Harbour", 2), ("harbour", 2), ("harbours", 9)]),
                "harbor"
            )
            .as_deref(),
            Some("harbour")
        );
        assert_eq!(pick_form(seen(&[]), "x"), None);
    }
}
