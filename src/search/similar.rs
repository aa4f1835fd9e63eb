//! More-like-this: the query for coverage related to one article (its most characteristic
//! terms, without the article itself), and the list made from that query's results (the
//! article's own copies left out, optionally in date order).

use std::collections::HashMap;
use std::time::Instant;

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::Term;

use crate::article::{Article, DocId as ArticleId};
use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::search::query;
use crate::search::request::{Hit, SearchRequest, SearchResults};

/// Terms of the source article in the more-like-this query.
const MLT_TERMS: usize = 40;

/// The source article's copies (its copy cluster), which match the related query best of
/// all and are left out of the list and its count.
pub struct OwnCopies {
    cluster: Option<u64>,
    count: usize,
}

/// The query for articles related to `source` (whose id is `id` and whose copy cluster is
/// `cluster`), and the source's own copies among its matches.
pub fn related_query(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    analyzer: &TextAnalyzer,
    source: &Article,
    id: ArticleId,
    cluster: Option<u64>,
) -> Result<(Box<dyn Query>, OwnCopies)> {
    let f = &index.schema.fields;
    let mlt = more_like_this(index, searcher, analyzer, source);
    let itself = TermQuery::new(Term::from_field_u64(f.id, id.0), IndexRecordOption::Basic);
    let query: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
        (Occur::Must, mlt),
        (Occur::MustNot, Box::new(itself)),
    ]));
    let count = match cluster {
        Some(c) => {
            let mine = TermQuery::new(Term::from_field_u64(f.cluster, c), IndexRecordOption::Basic);
            let own_copies = BooleanQuery::new(vec![
                (Occur::Must, query.box_clone()),
                (Occur::Must, Box::new(mine)),
            ]);
            searcher
                .search(&own_copies, &Count)
                .map_err(|e| Error::tantivy(&index.dir, e))?
        }
        None => 0,
    };
    Ok((query, OwnCopies { cluster, count }))
}

impl OwnCopies {
    /// The search that runs the related query for a list of `limit` related stories.
    pub fn request(&self, id: ArticleId, limit: usize) -> SearchRequest {
        SearchRequest {
            query: format!("similar:{id}"),
            any: true,
            // Room for the source's own copies, which `finish` drops.
            limit: if limit == 0 { 0 } else { limit + self.count },
            fragments: 1,
            collapse: true,
            ..SearchRequest::default()
        }
    }

    /// The related list from the related query's `results`: without the source's own
    /// copies, at most `limit`, in date order (oldest first, undated last) with `follow`.
    /// `total_hits` counts the related articles, the source's own copies left out.
    pub fn finish(
        &self,
        mut results: SearchResults,
        limit: usize,
        follow: bool,
        started: Instant,
    ) -> SearchResults {
        results.total_hits = results.total_hits.saturating_sub(self.count);
        // The source's copies are one story (its cluster), when any matched.
        if self.count > 0 {
            results.total_stories = results.total_stories.saturating_sub(1);
        }
        if let Some(own) = self.cluster {
            results.hits.retain(|h| h.cluster != Some(own));
        }
        results.hits.truncate(limit);
        if follow {
            in_date_order(&mut results.hits);
        }
        for (i, h) in results.hits.iter_mut().enumerate() {
            h.rank = i + 1;
        }
        results.limit = limit;
        results.has_more = false;
        results.took = started.elapsed();
        results
    }
}

/// Related stories as `--follow` lists them: oldest first, undated last, then by id;
/// ranks renumbered.
pub fn in_date_order(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        let key = |h: &Hit| {
            (
                h.article.fields.date.is_none(),
                h.article.fields.date.map(|d| d.wall_clock()),
                h.article.id,
            )
        };
        key(a).cmp(&key(b))
    });
    for (i, h) in hits.iter_mut().enumerate() {
        h.rank = i + 1;
    }
}

/// Terms of an article that best characterise it: its analysed title and body words (at
/// least 3 letters, not stop words) scored tf x idf, the top `MLT_TERMS` (ties by term,
/// so the query and its results are deterministic), searched in title and body.
fn more_like_this(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    analyzer: &TextAnalyzer,
    source: &Article,
) -> Box<dyn Query> {
    let f = &index.schema.fields;
    let docs = searcher.num_docs().max(1) as f64;
    // The source's terms as its language was indexed.
    let mut analyzer = if crate::index::schema::analysed_by_index(&source.language) {
        analyzer.clone()
    } else {
        crate::index::schema::language_analyzer(&source.language)
    };
    let mut tf: HashMap<String, u32> = HashMap::new();
    let text = format!(
        "{}\n{}",
        source.fields.title.as_deref().unwrap_or(""),
        source.fields.body
    );
    let mut stream = analyzer.token_stream(&text);
    while let Some(t) = stream.next() {
        if t.text.chars().count() >= 3 && !query::OR_STOP_WORDS.contains(&t.text.as_str()) {
            *tf.entry(t.text.clone()).or_insert(0) += 1;
        }
    }
    let mut scored: Vec<(f64, String)> = tf
        .into_iter()
        .filter_map(|(term, n)| {
            let df = searcher
                .doc_freq(&Term::from_field_text(f.body, &term))
                .ok()?;
            // A term only this article has says nothing about other articles.
            (df > 1).then(|| {
                let idf = (1.0 + (docs - df as f64 + 0.5) / (df as f64 + 0.5)).ln();
                (f64::from(n).sqrt() * idf, term)
            })
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (_, term) in scored.into_iter().take(MLT_TERMS) {
        for (field, boost) in [(f.body, 1.0f32), (f.title, query::TITLE_BOOST)] {
            let q = TermQuery::new(
                Term::from_field_text(field, &term),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
        }
    }
    Box::new(BooleanQuery::new(clauses))
}
