//! Passage selection for snippets: the stretches of an article's body with the most
//! distinct query terms (then the most matches), up to N of them, not overlapping.
//!
//! The body is analysed with the index's analyzer, so a match here is exactly a match in
//! the index (stems, folded accents, prefixes, fuzzy terms). Each candidate passage starts
//! a little before a match (at a sentence start when one is near) and runs for about
//! `max_chars` characters, cut at token boundaries.

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::search::query::Highlight;
use crate::search::snippet::{self, Snippet};

struct Match {
    from: usize,
    to: usize,
    term: usize,
}

/// Up to `n` passages of `body`, best first. Falls back to the opening of the body when
/// nothing in it matches (a title-only hit).
pub fn passages(
    body: &str,
    analyzer: &mut TextAnalyzer,
    hl: &Highlight,
    n: usize,
    max_chars: usize,
) -> Vec<Snippet> {
    let n = n.max(1);
    let mut matches = Vec::new();
    if !hl.is_empty() {
        // (position, text, from, to) of every token.
        let mut tokens: Vec<(usize, String, usize, usize)> = Vec::new();
        let mut stream = analyzer.token_stream(body);
        while let Some(t) = stream.next() {
            if let Some(term) = hl.matches(&t.text) {
                matches.push(Match {
                    from: t.offset_from,
                    to: t.offset_to,
                    term,
                });
            }
            if !hl.phrases.is_empty() {
                tokens.push((t.position, t.text.clone(), t.offset_from, t.offset_to));
            }
        }
        let base = hl.exact.len() + hl.prefixes.len() + hl.fuzzy.len();
        let at: Vec<(usize, &str)> = tokens.iter().map(|(p, t, _, _)| (*p, t.as_str())).collect();
        for (k, phrase) in hl.phrases.iter().enumerate() {
            let mut marked = vec![false; tokens.len()];
            for first in 0..at.len() {
                if let Some(used) = phrase.occurs_at(&at, first) {
                    for i in used {
                        if !std::mem::replace(&mut marked[i], true) {
                            matches.push(Match {
                                from: tokens[i].2,
                                to: tokens[i].3,
                                term: base + k,
                            });
                        }
                    }
                }
            }
        }
        // In text order, one mark per token even when a word and a phrase both match it.
        matches.sort_by_key(|m| (m.from, m.to));
        matches.dedup_by_key(|m| (m.from, m.to));
    }
    if matches.is_empty() {
        return vec![snippet::lead(body)];
    }
    // Candidate windows, one per match, scored by distinct terms then match count.
    let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new(); // (start, end, distinct, count)
    for m in &matches {
        let start = window_start(body, m.from, max_chars / 4);
        let end = window_end(body, start, max_chars);
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|x| x.from >= start && x.to <= end)
            .collect();
        let mut terms: Vec<usize> = inside.iter().map(|x| x.term).collect();
        terms.sort_unstable();
        terms.dedup();
        candidates.push((start, end, terms.len(), inside.len()));
    }
    candidates.sort_by(|a, b| b.2.cmp(&a.2).then(b.3.cmp(&a.3)).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for (start, end, _, _) in candidates {
        if chosen.len() == n {
            break;
        }
        if chosen.iter().all(|&(s, e)| end <= s || start >= e) {
            chosen.push((start, end));
        }
    }
    chosen
        .into_iter()
        .map(|(start, end)| {
            let ranges: Vec<std::ops::Range<usize>> = matches
                .iter()
                .filter(|m| m.from >= start && m.to <= end)
                .map(|m| m.from - start..m.to - start)
                .collect();
            snippet::from_fragment(&body[start..end], &ranges)
        })
        .collect()
}

/// A start up to `back` bytes before `at`: the start of the sentence or paragraph when one
/// begins in that stretch, else a word boundary. Always a char boundary.
fn window_start(body: &str, at: usize, back: usize) -> usize {
    let mut lo = at.saturating_sub(back);
    while !body.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &body[lo..at];
    if let Some(i) = before.rfind("\n\n") {
        return lo + i + 2;
    }
    if let Some(i) = before.rfind(". ") {
        return lo + i + 2;
    }
    if lo == 0 {
        return 0;
    }
    match before.find(char::is_whitespace) {
        Some(i) => lo + i + 1,
        None => at,
    }
}

/// An end about `max_chars` characters after `start`, cut at a word boundary.
fn window_end(body: &str, start: usize, max_chars: usize) -> usize {
    let rest = &body[start..];
    let Some((cut, _)) = rest.char_indices().nth(max_chars) else {
        return body.len();
    };
    match rest[..cut].rfind(char::is_whitespace) {
        Some(i) if i > 0 => start + i,
        _ => start + cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::analyzer;

    fn hl(terms: &[&str]) -> Highlight {
        Highlight {
            exact: terms.iter().map(|s| s.to_string()).collect(),
            ..Highlight::default()
        }
    }

    #[test]
    fn best_passage_has_the_most_distinct_terms() {
        let body = format!(
            "{} The water board met. {} Officials announced water rationing for the city. {}",
            "Filler sentence here. ".repeat(20),
            "More filler text. ".repeat(20),
            "Closing words. ".repeat(10)
        );
        let p = passages(&body, &mut analyzer(), &hl(&["water", "ration"]), 1, 120);
        assert_eq!(p.len(), 1);
        assert!(p[0].text.contains("water rationing"), "{}", p[0].text);
        assert_eq!(p[0].highlights.len(), 2);
    }

    #[test]
    fn several_passages_do_not_overlap() {
        let body = "Syria talks began. ".to_string()
            + &"Other news. ".repeat(40)
            + "Syria talks ended. "
            + &"More. ".repeat(40)
            + "Syria again.";
        let p = passages(&body, &mut analyzer(), &hl(&["syria"]), 3, 60);
        assert_eq!(p.len(), 3);
        for s in &p {
            assert!(s.text.to_lowercase().contains("syria"), "{}", s.text);
        }
    }

    #[test]
    fn no_match_gives_the_lead_and_odd_text_never_panics() {
        let p = passages(
            "Zürich — “quoted” text.",
            &mut analyzer(),
            &hl(&["absent"]),
            2,
            10,
        );
        assert_eq!(p.len(), 1);
        assert!(p[0].highlights.is_empty());
        for body in ["", "ü", "a\u{202e}b zürich", "zürich zürich zürich"] {
            let _ = passages(body, &mut analyzer(), &hl(&["zurich"]), 2, 3);
        }
    }

    /// The analyzer that stems only words that could match finds the same passages and
    /// marks as the full one, for words, prefixes and phrases.
    #[test]
    fn finding_analyzer_marks_what_the_full_analyzer_marks() {
        use crate::index::schema::finding_analyzer;
        use crate::search::query::{PhraseMatch, Prefix};
        let body = "Generous donors generally gave. Dying lies and lying dies; the skies \
            over Zürich were yellow. Nationalised railways ran trains, running late. \
            Gordon Brown said Mr Brown's budget, the Brown budget, generated yields.";
        let mut highlights = vec![
            hl(&["generous", "yellow", "zurich", "die"]),
            hl(&["sky", "nationalis", "run"]),
        ];
        highlights.push(Highlight {
            prefixes: vec![Prefix {
                text: "gener".into(),
                stems: vec!["generos".into()],
            }],
            phrases: vec![PhraseMatch {
                terms: vec![(0, "gordon".into()), (1, "brown".into())],
                slop: 0,
                prefix: false,
            }],
            ..hl(&["yield"])
        });
        for h in &highlights {
            let letters = h.first_letters().expect("no fuzzy terms");
            let full = passages(body, &mut analyzer(), h, 3, 80);
            let found = passages(body, &mut finding_analyzer(&letters), h, 3, 80);
            assert!(full.iter().any(|p| !p.highlights.is_empty()));
            assert_eq!(format!("{found:?}"), format!("{full:?}"));
        }
        let fuzzy = Highlight {
            fuzzy: vec![("brwn".into(), 1)],
            ..Highlight::default()
        };
        assert_eq!(
            fuzzy.first_letters(),
            None,
            "fuzzy terms need every word stemmed"
        );
    }
}
