//! How a word is scored: BM25F over the fields it is searched in, weighted by how bursty
//! the word is.
//!
//! tantivy scores a word searched in several fields as a sum of separate BM25 scores, one
//! per field. That counts the word's rarity once per field and saturates each field on its
//! own, so a word in a short title plus the body scores far above a word repeated in the
//! body, and the title weight decides too much (it cost Cranfield and CISI most of their
//! gap to SQLite FTS5; docs/relevance.md). BM25F (Robertson, Zaragoza and Taylor, "Simple
//! BM25 extension to multiple weighted fields", CIKM 2004) adds the fields' length-
//! normalised term frequencies, weighted, and saturates once:
//!
//! ```text
//! tf~   = sum over fields f of  w_f * tf_f / (1 - b + b * len_f / avglen_f)
//! score = idf * burst * (k1 + 1) * tf~ / (k1 + tf~)
//! idf   = ln(1 + (N - df + 0.5) / (df + 0.5))       (tantivy's and Lucene's)
//! burst = (cf + 1) / df                             (DFR's "B" after-effect)
//! ```
//!
//! `burst` is the word's mean count in the documents that have it. Topical words come in
//! bursts (an article about a strike says "strike" many times), function-like words are
//! spread thinly; two words of equal df are not equally good evidence. On TIME 1963 it was
//! the one change that beat plain BM25 beyond noise in simulation and in newsdex
//! (docs/relevance.md). `df` and `cf` are those of the field with the most documents
//! holding the word (the body, normally); `cf` is summed from the postings when a query is
//! prepared (one pass over each query word's postings, the cost of scoring it once).
//! k1 = 1.2 and b = 0.75, as tantivy's BM25, so phrase scores stay on the same scale.

use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term, TERMINATED};

const K1: Score = 1.2;
const B: Score = 0.75;

/// One analysed word searched in weighted fields.
#[derive(Clone, Debug)]
pub struct FieldsTermQuery {
    /// (field, weight); the word's text is the same in each.
    fields: Vec<(Field, Score)>,
    text: String,
}

impl FieldsTermQuery {
    pub fn new(fields: Vec<(Field, Score)>, text: &str) -> Self {
        FieldsTermQuery {
            fields,
            text: text.to_string(),
        }
    }

    fn term(&self, field: Field) -> Term {
        Term::from_field_text(field, &self.text)
    }
}

/// Statistics of the query word, fixed for one search.
#[derive(Debug)]
struct FieldsTermWeight {
    fields: Vec<FieldWeight>,
    /// idf * burst * (k1 + 1); 0 when scoring is off.
    weight: Score,
    idf: Score,
    burst: Score,
}

#[derive(Debug)]
struct FieldWeight {
    field: Field,
    term: Term,
    /// Per fieldnorm id: w_f / (k1-free length normaliser), i.e. w_f / (1 - b + b len/avg).
    norm: Arc<[Score; 256]>,
}

impl Query for FieldsTermQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut fields = Vec::with_capacity(self.fields.len());
        let (mut idf, mut burst, mut weight) = (0.0, 0.0, 0.0);
        match enable_scoring {
            EnableScoring::Enabled {
                searcher,
                statistics_provider: stats,
            } => {
                let n = stats.total_num_docs()?.max(1);
                let mut best: Option<(u64, Term)> = None;
                for (field, w) in &self.fields {
                    let term = self.term(*field);
                    let df = stats.doc_freq(&term)?;
                    if best.as_ref().is_none_or(|(d, _)| df > *d) {
                        best = Some((df, term.clone()));
                    }
                    let avg = (stats.total_num_tokens(*field)? as Score / n as Score).max(1.0);
                    fields.push(FieldWeight {
                        field: *field,
                        term,
                        norm: Arc::new(norm_table(*w, avg)),
                    });
                }
                if let Some((df, term)) = best.filter(|(df, _)| *df > 0) {
                    let cf = collection_frequency(searcher, &term)?;
                    idf = (1.0 + (n as Score - df as Score + 0.5) / (df as Score + 0.5)).ln();
                    burst = (cf as Score + 1.0) / df as Score;
                    weight = idf * burst * (K1 + 1.0);
                }
            }
            EnableScoring::Disabled { .. } => {
                for (field, _) in &self.fields {
                    fields.push(FieldWeight {
                        field: *field,
                        term: self.term(*field),
                        norm: Arc::new([0.0; 256]),
                    });
                }
            }
        }
        Ok(Box::new(FieldsTermWeight {
            fields,
            weight,
            idf,
            burst,
        }))
    }
}

/// `w / (1 - b + b * len / avg)` for every fieldnorm id.
fn norm_table(w: Score, avg: Score) -> [Score; 256] {
    let mut t = [0.0; 256];
    for (id, v) in t.iter_mut().enumerate() {
        let len = FieldNormReader::id_to_fieldnorm(id as u8) as Score;
        *v = w / (1.0 - B + B * len / avg);
    }
    t
}

/// Occurrences of `term` in the whole index, summed from its postings block by block (the
/// frequencies are decoded 128 at a time; no per-document step).
fn collection_frequency(searcher: &Searcher, term: &Term) -> tantivy::Result<u64> {
    let mut cf = 0u64;
    for reader in searcher.segment_readers() {
        let inverted = reader.inverted_index(term.field())?;
        if let Some(mut blocks) =
            inverted.read_block_postings(term, IndexRecordOption::WithFreqs)?
        {
            while !blocks.docs().is_empty() {
                cf += blocks.freqs().iter().map(|&f| u64::from(f)).sum::<u64>();
                blocks.advance();
            }
        }
    }
    Ok(cf)
}

impl FieldsTermWeight {
    fn open(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<FieldsTermScorer> {
        let mut parts = Vec::with_capacity(self.fields.len());
        for f in &self.fields {
            let inverted = reader.inverted_index(f.field)?;
            if let Some(postings) = inverted.read_postings(&f.term, IndexRecordOption::WithFreqs)? {
                parts.push(Part {
                    postings,
                    fieldnorms: reader.get_fieldnorms_reader(f.field)?,
                    norm: Arc::clone(&f.norm),
                });
            }
        }
        let mut scorer = FieldsTermScorer {
            parts,
            doc: TERMINATED,
            weight: self.weight * boost,
        };
        scorer.doc = scorer.min_doc();
        Ok(scorer)
    }
}

impl Weight for FieldsTermWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.open(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.open(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let mut e = Explanation::new("BM25F x burstiness", scorer.score());
        e.add_const("idf", self.idf);
        e.add_const("burst (cf+1)/df", self.burst);
        e.add_const("tf~ (weighted, length-normalised)", scorer.tf_tilde());
        Ok(e)
    }
}

struct Part {
    postings: SegmentPostings,
    fieldnorms: FieldNormReader,
    norm: Arc<[Score; 256]>,
}

/// The union of the word's postings in each field, scored with BM25F.
struct FieldsTermScorer {
    parts: Vec<Part>,
    doc: DocId,
    weight: Score,
}

impl FieldsTermScorer {
    fn min_doc(&self) -> DocId {
        self.parts
            .iter()
            .map(|p| p.postings.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    fn tf_tilde(&self) -> Score {
        let doc = self.doc;
        self.parts
            .iter()
            .filter(|p| p.postings.doc() == doc)
            .map(|p| {
                let id = p.fieldnorms.fieldnorm_id(doc);
                p.postings.term_freq() as Score * p.norm[usize::from(id)]
            })
            .sum()
    }
}

impl DocSet for FieldsTermScorer {
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        for p in &mut self.parts {
            if p.postings.doc() == doc {
                p.postings.advance();
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for p in &mut self.parts {
            if p.postings.doc() < target {
                p.postings.seek(target);
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.parts.iter().map(|p| p.postings.size_hint()).sum()
    }
}

impl Scorer for FieldsTermScorer {
    fn score(&mut self) -> Score {
        let tf = self.tf_tilde();
        self.weight * tf / (K1 + tf)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    use super::*;

    struct Fixture {
        index: Index,
        title: Field,
        body: Field,
    }

    fn fixture(docs: &[(&str, &str)]) -> Fixture {
        let mut b = Schema::builder();
        let title = b.add_text_field("title", TEXT);
        let body = b.add_text_field("body", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (t, x) in docs {
            w.add_document(doc!(title => *t, body => *x)).unwrap();
        }
        w.commit().unwrap();
        Fixture { index, title, body }
    }

    /// (doc id, score) of every match, best first.
    fn run(f: &Fixture, q: &dyn Query) -> Vec<(u32, f32)> {
        let searcher = f.index.reader().unwrap().searcher();
        searcher
            .search(q, &TopDocs::with_limit(100).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(s, a)| (a.doc_id, s))
            .collect()
    }

    #[test]
    fn one_field_is_tantivys_bm25_times_burstiness() {
        let f = fixture(&[
            ("", "strike strike strike at the plant"),
            ("", "a strike"),
            ("", "talks at the plant"),
            ("", "nothing here"),
        ]);
        let ours = run(&f, &FieldsTermQuery::new(vec![(f.body, 1.0)], "strike"));
        let term = Term::from_field_text(f.body, "strike");
        let bm25 = run(&f, &TermQuery::new(term, IndexRecordOption::WithFreqs));
        assert_eq!(ours.len(), 2);
        // cf = 4 over df = 2: burst (4 + 1) / 2.
        for ((d1, s1), (d2, s2)) in ours.iter().zip(&bm25) {
            assert_eq!(d1, d2);
            assert!((s1 - s2 * 2.5).abs() < 1e-4, "{s1} vs {s2} x 2.5");
        }
    }

    #[test]
    fn fields_add_before_saturating_and_weights_count() {
        let docs = [
            ("storm", "the storm hit the coast overnight"),
            ("", "the storm hit the coast overnight"),
            ("storm", "nothing about weather in this body text"),
            ("calm", "calm seas"),
        ];
        let f = fixture(&docs);
        let both = FieldsTermQuery::new(vec![(f.title, 2.5), (f.body, 1.0)], "storm");
        let hits = run(&f, &both);
        let ids: Vec<u32> = hits.iter().map(|h| h.0).collect();
        assert_eq!(ids, vec![0, 2, 1], "title+body > title only > body only");
        // Saturation: title and body together score less than the two fields apart.
        let title_only = run(&f, &FieldsTermQuery::new(vec![(f.title, 2.5)], "storm"));
        let body_only = run(&f, &FieldsTermQuery::new(vec![(f.body, 1.0)], "storm"));
        let apart = title_only.iter().find(|h| h.0 == 0).unwrap().1
            + body_only.iter().find(|h| h.0 == 0).unwrap().1;
        assert!(hits[0].1 < apart);
        // Weight 1 on the title gives the title-only document less than weight 2.5 does.
        let even = run(
            &f,
            &FieldsTermQuery::new(vec![(f.title, 1.0), (f.body, 1.0)], "storm"),
        );
        let s = |h: &[(u32, f32)], d| h.iter().find(|x| x.0 == d).unwrap().1;
        assert!(s(&even, 2) < s(&hits, 2));
    }

    #[test]
    fn union_over_fields_works_inside_intersections() {
        // "harbour" only in titles, "fire" only in bodies; document 3 has both.
        let mut docs: Vec<(&str, &str)> = vec![("harbour", "boats"); 3];
        docs.push(("harbour news", "a fire on the quay"));
        docs.extend(vec![("market", "fire sale"); 3]);
        docs.push(("harbour", "fire"));
        let f = fixture(&docs);
        let word = |w: &str| -> Box<dyn Query> {
            Box::new(FieldsTermQuery::new(vec![(f.title, 1.0), (f.body, 1.0)], w))
        };
        let and = BooleanQuery::new(vec![
            (Occur::Must, word("harbour")),
            (Occur::Must, word("fire")),
        ]);
        let mut ids: Vec<u32> = run(&f, &and).into_iter().map(|h| h.0).collect();
        ids.sort();
        assert_eq!(ids, vec![3, 7]);
        let or = BooleanQuery::new(vec![
            (Occur::Should, word("harbour")),
            (Occur::Should, word("fire")),
        ]);
        assert_eq!(run(&f, &or).len(), 8);
        let searcher = f.index.reader().unwrap().searcher();
        assert_eq!(and.count(&searcher).unwrap(), 2);
        let e = word("fire")
            .explain(&searcher, tantivy::DocAddress::new(0, 3))
            .unwrap();
        assert!(e.value() > 0.0);
        assert!(word("fire")
            .explain(&searcher, tantivy::DocAddress::new(0, 0))
            .is_err());
    }

    #[test]
    fn unknown_word_matches_nothing() {
        let f = fixture(&[("a", "b")]);
        assert!(run(
            &f,
            &FieldsTermQuery::new(vec![(f.title, 1.0), (f.body, 1.0)], "zzz")
        )
        .is_empty());
    }
}
