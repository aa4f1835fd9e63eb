//! The real-word check of prefix queries: whether an indexed stem comes from a word that
//! starts with the typed prefix, read from the first articles of the stem's postings.

use tantivy::schema::{TantivyDocument, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{DocSet, Term};

use crate::index::schema::{build_analyzer, Analysis, Fields};

/// Whether some article holding the indexed term `stem` spells it as a word starting with
/// `prefix` (folded): the check that keeps a prefix search from stems of non-words (see
/// `query::Prefix`). Up to `ARTICLES_READ` articles with the term are read per field, in
/// index order; for a term in fewer articles than that the answer is exact, and a stem of
/// real words of the prefix is usually confirmed by the first article.
pub fn spelled_with_prefix(
    searcher: &tantivy::Searcher,
    f: &Fields,
    analyzer: &TextAnalyzer,
    prefix: &str,
    stem: &str,
) -> bool {
    const ARTICLES_READ: usize = 100;
    let fields = [f.title, f.byline, f.authors, f.body];
    // Words are folded as the index folds them, and only those starting with the prefix
    // are stemmed.
    let mut folder = build_analyzer(Analysis::Folded);
    let mut analyzer = analyzer.clone();
    for field in fields {
        // The first articles in index order, straight from the postings: no scoring (a
        // short stem can be in half the index), and neighbouring articles share docstore
        // blocks, so reading them decompresses few.
        let term = Term::from_field_text(field, stem);
        let mut found = Vec::with_capacity(ARTICLES_READ);
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            if found.len() == ARTICLES_READ {
                break;
            }
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let Ok(Some(mut postings)) =
                inverted.read_postings(&term, tantivy::schema::IndexRecordOption::Basic)
            else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut doc = postings.doc();
            while doc != tantivy::TERMINATED && found.len() < ARTICLES_READ {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    found.push(tantivy::DocAddress::new(ord as u32, doc));
                }
                doc = postings.advance();
            }
        }
        for addr in found {
            let Ok(doc) = searcher.doc::<TantivyDocument>(addr) else {
                continue;
            };
            for text in doc.get_all(field).filter_map(|v| v.as_str()) {
                let mut words = folder.token_stream(text);
                while let Some(w) = words.next() {
                    if w.text.starts_with(prefix)
                        && analyzer
                            .token_stream(&w.text)
                            .next()
                            .is_some_and(|t| t.text == stem)
                    {
                        return true;
                    }
                }
            }
        }
    }
    false
}
