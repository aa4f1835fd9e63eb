//! What the snippet highlighter marks in article text (`Highlight`): the analysed terms,
//! prefixes, fuzzy terms and phrases of the positive part of a query, as the compiler
//! collects them, and how a token or a run of tokens is matched against them.

use super::fuzzy::edit_distance_within;
use super::prefix::Prefix;

/// What the highlighter marks in article text: analysed (stemmed) terms, prefixes and
/// fuzzy terms of the positive part of the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    pub exact: Vec<String>,
    pub prefixes: Vec<Prefix>,
    pub fuzzy: Vec<(String, u8)>,
    /// Phrases (and words the analyzer splits, like `O'Brien`): marked only where their
    /// terms occur together, not wherever one of them does.
    pub phrases: Vec<PhraseMatch>,
}

/// A phrase's analysed terms at their positions relative to the first, with the query's
/// slop; `prefix`: the last term is a prefix (`"peace talk"*`).
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseMatch {
    pub terms: Vec<(usize, String)>,
    pub slop: u32,
    pub prefix: bool,
}

impl PhraseMatch {
    /// Whether the phrase occurs with its first term at `tokens[first]`; `tokens` are the
    /// article's analysed tokens (position, text) in order. Returns the indexes of the
    /// tokens that make it up.
    pub fn occurs_at(&self, tokens: &[(usize, &str)], first: usize) -> Option<Vec<usize>> {
        let (first_off, first_term) = self.terms.first()?;
        let last = self.terms.len() - 1;
        let term_matches = |j: usize, term: &str, token: &str| {
            token == term || (self.prefix && j == last && token.starts_with(term))
        };
        if !term_matches(0, first_term, tokens[first].1) {
            return None;
        }
        let base = tokens[first].0 as i64 - *first_off as i64;
        let slop = i64::from(self.slop);
        let mut used = vec![first];
        for (j, (off, term)) in self.terms.iter().enumerate().skip(1) {
            let want = base + *off as i64;
            // Tokens are in position order: look around the wanted position.
            let start = tokens.partition_point(|(p, _)| (*p as i64) < want - slop);
            let found = tokens[start..]
                .iter()
                .enumerate()
                .take_while(|(_, (p, _))| (*p as i64) <= want + slop)
                .find(|(i, (_, t))| !used.contains(&(start + i)) && term_matches(j, term, t))
                .map(|(i, _)| start + i)?;
            used.push(found);
        }
        Some(used)
    }
}

impl Highlight {
    /// Which matcher (if any) a token of article text matches; the index identifies the
    /// query term, so passages can be scored by distinct terms.
    pub fn matches(&self, token: &str) -> Option<usize> {
        if let Some(i) = self.exact.iter().position(|t| t == token) {
            return Some(i);
        }
        let base = self.exact.len();
        if let Some(i) = self.prefixes.iter().position(|p| p.matches(token)) {
            return Some(base + i);
        }
        let base = base + self.prefixes.len();
        self.fuzzy
            .iter()
            .position(|(t, d)| edit_distance_within(t, token, *d, true))
            .map(|i| base + i)
    }

    /// The first letters of every term a token can match, when only those can (no fuzzy
    /// term, which may differ in its first letter): what `schema::finding_analyzer` needs.
    pub fn first_letters(&self) -> Option<Vec<char>> {
        if !self.fuzzy.is_empty() {
            return None;
        }
        let terms = self
            .exact
            .iter()
            .chain(
                self.prefixes
                    .iter()
                    .flat_map(|p| std::iter::once(&p.text).chain(&p.stems)),
            )
            .chain(
                self.phrases
                    .iter()
                    .flat_map(|p| p.terms.iter().map(|(_, t)| t)),
            );
        let mut letters = Vec::new();
        for term in terms {
            let first = term.chars().next()?;
            if !letters.contains(&first) {
                letters.push(first);
            }
        }
        Some(letters)
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
            && self.prefixes.is_empty()
            && self.fuzzy.is_empty()
            && self.phrases.is_empty()
    }

    pub(super) fn add_exact(&mut self, t: &str) {
        if !self.exact.iter().any(|e| e == t) {
            self.exact.push(t.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_where_their_terms_stand_together() {
        let p = PhraseMatch {
            terms: vec![(0, "gordon".to_string()), (1, "brown".to_string())],
            slop: 0,
            prefix: false,
        };
        let tokens = [
            (0, "mr"),
            (1, "brown"),
            (2, "said"),
            (3, "gordon"),
            (4, "brown"),
        ];
        let found: Vec<Vec<usize>> = (0..tokens.len())
            .filter_map(|i| p.occurs_at(&tokens, i))
            .collect();
        assert_eq!(found, vec![vec![3, 4]]);
        let loose = PhraseMatch {
            slop: 1,
            ..p.clone()
        };
        let gap = [(0, "gordon"), (1, "x"), (2, "brown")];
        assert_eq!(p.occurs_at(&gap, 0), None);
        assert_eq!(loose.occurs_at(&gap, 0), Some(vec![0, 2]));
        let prefix = PhraseMatch { prefix: true, ..p };
        assert_eq!(
            prefix.occurs_at(&[(0, "gordon"), (1, "browne")], 0),
            Some(vec![0, 1])
        );
    }
}
