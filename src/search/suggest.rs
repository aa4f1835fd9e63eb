//! "Did you mean": for a query with no hits, each word that is not in the index is
//! replaced by the closest indexed word (edit distance 1, else 2; the more frequent wins).
//!
//! The index holds stems ("lighthous"), which are not words to show a user, so the
//! suggestion is the surface form of that stem as it appears in a real article.

use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::tokenizer::TokenStream;
use tantivy::{Searcher, Term};

use crate::index::OpenIndex;
use crate::search::query::edit_distance_within;

/// The query with misspelled words corrected, or `None` when nothing could be improved.
pub fn did_you_mean(
    index: &OpenIndex,
    searcher: &Searcher,
    query: &str,
    words: &[String],
) -> Option<String> {
    let body = index.schema.fields.body;
    let mut analyzer = crate::index::schema::analyzer();
    let mut corrected = query.to_string();
    let mut changed = false;
    for word in words {
        let stem = {
            let mut s = analyzer.token_stream(word);
            match s.next() {
                Some(t) => t.text.clone(),
                None => continue,
            }
        };
        if doc_freq(searcher, body, &stem) > 0 {
            continue;
        }
        let Some(best) = closest_term(searcher, body, &stem) else {
            continue;
        };
        let surface = surface_form(index, searcher, &best).unwrap_or(best);
        if let Some(i) = corrected.to_lowercase().find(word.as_str()) {
            if corrected.is_char_boundary(i) && corrected.is_char_boundary(i + word.len()) {
                corrected.replace_range(i..i + word.len(), &surface);
                changed = true;
            }
        }
    }
    changed.then_some(corrected)
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

/// A word of a real article whose stem is `stem`, lower-cased.
fn surface_form(index: &OpenIndex, searcher: &Searcher, stem: &str) -> Option<String> {
    let body = index.schema.fields.body;
    let q = TermQuery::new(Term::from_field_text(body, stem), IndexRecordOption::Basic);
    let top = searcher
        .search(
            &q,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )
        .ok()?;
    let (_, addr) = top.into_iter().next()?;
    let doc: TantivyDocument = searcher.doc(addr).ok()?;
    let text = doc.get_first(body)?.as_str()?.to_string();
    let mut analyzer = crate::index::schema::analyzer();
    let mut stream = analyzer.token_stream(&text);
    while let Some(t) = stream.next() {
        if t.text == stem {
            return text.get(t.offset_from..t.offset_to).map(str::to_lowercase);
        }
    }
    None
}
