//! Edit distance for fuzzy terms (`term~1`, `term~2`): the check the highlighter and the
//! "did you mean" suggestions use to decide whether a word is within reach of a query term,
//! agreeing with what tantivy's `FuzzyTermQuery` finds.

/// Edit distance between `a` and `b` is at most `max` (short words only). With
/// `transpositions`, swapping two adjacent characters is one edit (the optimal string
/// alignment distance, which is what tantivy's `FuzzyTermQuery` matches with
/// `transposition_cost_one`, so `term~N` highlights what it finds); without, it is plain
/// Levenshtein distance.
pub fn edit_distance_within(a: &str, b: &str, max: u8, transpositions: bool) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Rows i - 1 and i - 2 of the distance table.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut before: Vec<usize> = Vec::new();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if transpositions && i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                cur[j + 1] = cur[j + 1].min(before[j - 1] + 1);
            }
        }
        // Later rows build on this row and (through a transposition) the one before it.
        let row_min = |row: &[usize]| row.iter().min().copied().unwrap_or(0);
        if row_min(&cur) > max && (!transpositions || row_min(&prev) >= max) {
            return false;
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::FuzzyTermQuery;
    use tantivy::Term;

    /// The highlighter's distance is the one tantivy's fuzzy query matches with: every word
    /// of up to four letters over a three-letter alphabet, against each other.
    #[test]
    fn edit_distance_agrees_with_fuzzy_term_query() {
        use tantivy::collector::DocSetCollector;
        use tantivy::schema::{Schema, STRING};
        let mut words: Vec<String> = Vec::new();
        let mut level = vec![String::new()];
        for _ in 0..4 {
            level = level
                .iter()
                .flat_map(|w| ["a", "b", "c"].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(level.iter().cloned());
        }
        let mut builder = Schema::builder();
        let field = builder.add_text_field("w", STRING);
        let index = tantivy::Index::create_in_ram(builder.build());
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        for w in &words {
            writer
                .add_document(tantivy::doc!(field => w.as_str()))
                .unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        for q in &words {
            for d in 1..=2u8 {
                let query = FuzzyTermQuery::new(Term::from_field_text(field, q), d, true);
                let mut found: Vec<&str> = searcher
                    .search(&query, &DocSetCollector)
                    .unwrap()
                    .into_iter()
                    .map(|a| words[a.doc_id as usize].as_str())
                    .collect();
                found.sort_unstable();
                let mut expected: Vec<&str> = words
                    .iter()
                    .filter(|w| edit_distance_within(q, w, d, true))
                    .map(String::as_str)
                    .collect();
                expected.sort_unstable();
                assert_eq!(found, expected, "{q}~{d}");
            }
        }
    }

    #[test]
    fn edit_distance() {
        assert!(edit_distance_within("kitten", "sitting", 3, false));
        assert!(!edit_distance_within("kitten", "sitting", 2, false));
        assert!(edit_distance_within("syria", "siria", 1, false));
        assert!(edit_distance_within("", "ab", 2, false));
        // A swap of neighbours is two edits, or one with transpositions.
        assert!(!edit_distance_within("lighthous", "lighthuos", 1, false));
        assert!(edit_distance_within("lighthous", "lighthuos", 1, true));
        assert!(edit_distance_within("kitten", "sitting", 3, true));
        assert!(!edit_distance_within("kitten", "sitting", 2, true));
        // Optimal string alignment: a swapped pair is not edited again.
        assert!(!edit_distance_within("ca", "abc", 2, true));
    }
}
