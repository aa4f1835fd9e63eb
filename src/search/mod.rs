//! Search: a `SearchRequest` in, ranked `Hit`s out (plain data; printers render them).
//!
//! Query language: tantivy's (terms, "phrases", `+`/`-`, AND/OR/NOT, parentheses,
//! `title:`/`byline:`/`body:` scoping), with AND as the default operator unless `any`.
//! BM25 over title (boosted), byline and body. Under `any`, bare English stop words are
//! left out of the query (see `OR_STOP_WORDS`); the index keeps every word. `--from`/`--to`
//! become a date filter that does not touch scores. Ordering is total: ties fall back to date (newest first), then id,
//! so the same query over the same index always prints the same list.

pub mod dates;
pub mod snippet;

use std::time::{Duration, Instant};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::TantivyDocument;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocId, ReloadPolicy, Score, SegmentReader, Term};

use crate::article::{Article, DocId as ArticleId};
use crate::error::{Error, Result};
use crate::index::OpenIndex;
pub use dates::Span;
pub use snippet::Snippet;

/// Title matches count this many times a body match.
pub const TITLE_BOOST: Score = 2.5;

/// Words an OR query (`any`) leaves out: the single words and contractions of the Snowball
/// project's English stop word list (snowballstem.org/algorithms/english/stop.txt, BSD
/// licence), which itself leaves out "us" (U.S.) and will/can/may/must/might.
///
/// Under OR any one word makes an article match, and these match nearly every article:
/// their BM25 weights are small but, summed over a long description, they rank long
/// articles above relevant ones. Dropping them from OR queries raised MAP on the TIME 1963
/// news collection from 0.683 to 0.698 (docs/relevance.md). Only query words are dropped,
/// so phrases, AND queries and field lengths are unchanged, and a query made only of stop
/// words still runs as typed. Quoted, field-scoped, prefixed and `+`/`-` words are kept.
#[rustfmt::skip]
const OR_STOP_WORDS: &[&str] = &[
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
    "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
    "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
    "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be",
    "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
    "should", "could", "ought", "i'm", "you're", "he's", "she's", "it's", "we're", "they're",
    "i've", "you've", "we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd",
    "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "isn't", "aren't", "wasn't",
    "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't", "wouldn't",
    "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's", "that's", "who's",
    "what's", "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the",
    "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for",
    "with", "about", "against", "between", "into", "through", "during", "before", "after",
    "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
    "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all",
    "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
    "only", "own", "same", "so", "than", "too", "very",
];

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// A validated search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    /// OR instead of AND between bare terms.
    pub any: bool,
    /// Inclusive lower bound: the start of this span.
    pub from: Option<Span>,
    /// Inclusive upper bound: the end of this span.
    pub to: Option<Span>,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
    /// Build snippets (evaluation runs skip them).
    pub snippets: bool,
}

/// One ranked article.
#[derive(Debug, Clone)]
pub struct Hit {
    /// 1-based position in the whole result list (offset included).
    pub rank: usize,
    pub score: Score,
    pub article: Article,
    pub snippet: Snippet,
}

/// A page of results.
#[derive(Debug, Clone)]
pub struct SearchResults {
    pub query: String,
    pub total_hits: usize,
    pub offset: usize,
    pub limit: usize,
    pub took: Duration,
    pub hits: Vec<Hit>,
}

/// Runs `req` against an opened index.
pub fn run(index: &OpenIndex, req: &SearchRequest) -> Result<SearchResults> {
    crate::index::guard(&index.dir, || run_unguarded(index, req))
}

fn run_unguarded(index: &OpenIndex, req: &SearchRequest) -> Result<SearchResults> {
    let started = Instant::now();
    let query = build_query(index, req)?;
    let reader = index
        .index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let searcher = reader.searcher();

    let sort = req.sort;
    let top = TopDocs::with_limit(req.limit.max(1))
        .and_offset(req.offset)
        .tweak_score(move |seg: &SegmentReader| {
            let dates = seg.fast_fields().date("date").ok();
            let ids = seg.fast_fields().u64("id").ok();
            move |doc: DocId, score: Score| {
                let date = dates
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .map(|d| d.into_timestamp_secs() as f64);
                let id = ids.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                sort_key(sort, score, date, id)
            }
        });
    let (total_hits, top_docs) = searcher
        .search(&query, &(Count, top))
        .map_err(|e| match e {
            // Raised while executing a query the parser accepted, e.g. `title:*`.
            tantivy::TantivyError::SchemaError(reason) => Error::Query {
                query: req.query.clone(),
                reason: format!("{reason} (`field:*` works only on dates: use date:*)"),
            },
            other => Error::tantivy(&index.dir, other),
        })?;
    let top_docs = if req.limit == 0 { Vec::new() } else { top_docs };

    let mut body_snippets = SnippetGenerator::create(&searcher, &*query, index.schema.fields.body)
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    body_snippets.set_max_num_chars(snippet::SNIPPET_CHARS);

    let mut hits = Vec::with_capacity(top_docs.len());
    for (i, (key, addr)) in top_docs.into_iter().enumerate() {
        let doc: TantivyDocument = searcher
            .doc(addr)
            .map_err(|e| Error::tantivy(&index.dir, e))?;
        let article = index.article(&doc);
        let snippet = if !req.snippets {
            Snippet::default()
        } else {
            let s = body_snippets.snippet(&article.fields.body);
            if s.highlighted().is_empty() {
                snippet::lead(&article.fields.body)
            } else {
                snippet::from_fragment(s.fragment(), s.highlighted())
            }
        };
        hits.push(Hit {
            rank: req.offset + i + 1,
            score: score_of(sort, key),
            article,
            snippet,
        });
    }
    Ok(SearchResults {
        query: req.query.clone(),
        total_hits,
        offset: req.offset,
        limit: req.limit,
        took: started.elapsed(),
        hits,
    })
}

/// Sort key, largest first: the primary order, then score or date, then id (ascending).
/// Undated articles sort after dated ones in every order.
fn sort_key(sort: Sort, score: Score, date: Option<f64>, id: u64) -> (f64, f64, u64) {
    let tiebreak_id = u64::MAX - id;
    let score = f64::from(score);
    match sort {
        Sort::Relevance => (score, date.unwrap_or(f64::NEG_INFINITY), tiebreak_id),
        Sort::Newest => (date.unwrap_or(f64::NEG_INFINITY), score, tiebreak_id),
        Sort::Oldest => (date.map_or(f64::NEG_INFINITY, |d| -d), score, tiebreak_id),
    }
}

fn score_of(sort: Sort, key: (f64, f64, u64)) -> Score {
    match sort {
        Sort::Relevance => key.0 as Score,
        Sort::Newest | Sort::Oldest => key.1 as Score,
    }
}

/// Parses the user's query and adds the date filter.
pub fn build_query(index: &OpenIndex, req: &SearchRequest) -> Result<Box<dyn Query>> {
    let f = &index.schema.fields;
    let text = req.query.trim();
    let user: Box<dyn Query> = if text.is_empty() || text == "*" {
        Box::new(AllQuery)
    } else {
        let mut parser = QueryParser::for_index(&index.index, vec![f.title, f.byline, f.body]);
        parser.set_field_boost(f.title, TITLE_BOOST);
        if !req.any {
            parser.set_conjunction_by_default();
        }
        let bad = |e: &tantivy::query::QueryParserError| Error::Query {
            query: req.query.clone(),
            reason: query_error_reason(e),
        };
        let ast = tantivy::query_grammar::parse_query(text).map_err(|_| {
            bad(&tantivy::query::QueryParserError::SyntaxError(
                text.to_string(),
            ))
        })?;
        let ast = if req.any { drop_stop_words(ast) } else { ast };
        parser
            .build_query_from_user_input_ast(lift_negations(ast))
            .map_err(|e| bad(&e))?
    };
    if let (Some(from), Some(to)) = (req.from, req.to) {
        if from.start >= to.end {
            return Err(Error::EmptyRange {
                from: dates::rfc3339(from.start),
                to: dates::rfc3339(to.end),
            });
        }
    }
    if req.from.is_none() && req.to.is_none() {
        return Ok(user);
    }
    let lower = match req.from {
        Some(s) => {
            std::ops::Bound::Included(Term::from_field_date(f.date, DateTime::from_utc(s.start)))
        }
        None => std::ops::Bound::Unbounded,
    };
    let upper = match req.to {
        Some(s) => {
            std::ops::Bound::Excluded(Term::from_field_date(f.date, DateTime::from_utc(s.end)))
        }
        None => std::ops::Bound::Unbounded,
    };
    let range = ConstScoreQuery::new(Box::new(RangeQuery::new(lower, upper)), 0.0);
    Ok(Box::new(BooleanQuery::new(vec![
        (Occur::Must, user),
        (Occur::Must, Box::new(range)),
    ])))
}

/// Lifts `NOT x` out of the one-clause group the grammar wraps it in, so that
/// `a AND NOT b` means `a -b`. Left alone, the group `(NOT b)` matches nothing on its own
/// (a query of exclusions only), and the conjunction with it would match nothing at all.
fn lift_negations(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(children) => UserInputAst::Clause(
            children
                .into_iter()
                .map(|(occur, child)| match (occur, lift_negations(child)) {
                    (None | Some(Occur::Must), UserInputAst::Clause(mut inner))
                        if inner.len() == 1 && inner[0].0 == Some(Occur::MustNot) =>
                    {
                        let (_, negated) = inner.remove(0);
                        (Some(Occur::MustNot), negated)
                    }
                    (occur, child) => (occur, child),
                })
                .collect(),
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(lift_negations(*inner)), boost)
        }
        leaf => leaf,
    }
}

/// Leaves bare stop words out of an OR query's clauses (see `OR_STOP_WORDS`), except where
/// that would leave a clause with nothing to match.
fn drop_stop_words(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(children) => {
            let children: Vec<_> = children
                .into_iter()
                .map(|(occur, child)| (occur, drop_stop_words(child)))
                .collect();
            let matches_without = children.iter().any(|(occur, child)| {
                occur != &Some(Occur::MustNot) && !is_optional_stop_word(*occur, child)
            });
            if !matches_without {
                return UserInputAst::Clause(children);
            }
            UserInputAst::Clause(
                children
                    .into_iter()
                    .filter(|(occur, child)| !is_optional_stop_word(*occur, child))
                    .collect(),
            )
        }
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(drop_stop_words(*inner)), boost)
        }
        leaf => leaf,
    }
}

/// A bare word (no field, quotes, prefix star or `+`/`-`) on the stop list.
fn is_optional_stop_word(occur: Option<Occur>, ast: &UserInputAst) -> bool {
    let UserInputAst::Leaf(leaf) = ast else {
        return false;
    };
    let UserInputLeaf::Literal(lit) = leaf.as_ref() else {
        return false;
    };
    matches!(occur, None | Some(Occur::Should))
        && lit.field_name.is_none()
        && lit.delimiter == Delimiter::None
        && !lit.prefix
        && OR_STOP_WORDS.contains(&lit.phrase.to_lowercase().replace('\u{2019}', "'").as_str())
}

fn query_error_reason(e: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match e {
        E::SyntaxError(_) => {
            "syntax error (check quotes, parentheses and operators; quote a term to search it literally)"
                .to_string()
        }
        E::FieldDoesNotExist(field) => format!(
            "unknown field {field:?}; searchable fields are title:, byline: and body:"
        ),
        E::AllButQueryForbidden => {
            "a query cannot consist only of excluded terms (-term); add a term to search for"
                .to_string()
        }
        other => other.to_string(),
    }
}

/// Looks an article up by its id.
pub fn article_by_id(index: &OpenIndex, id: ArticleId) -> Result<Article> {
    crate::index::guard(&index.dir, || article_by_id_unguarded(index, id))
}

fn article_by_id_unguarded(index: &OpenIndex, id: ArticleId) -> Result<Article> {
    let reader = index
        .index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let searcher = reader.searcher();
    let term = Term::from_field_u64(index.schema.fields.id, id.0);
    let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let Some((_, addr)) = top.into_iter().next() else {
        return Err(Error::NotFound { id: id.to_string() });
    };
    let doc: TantivyDocument = searcher
        .doc(addr)
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    Ok(index.article(&doc))
}

/// What `newsdex stats` reports.
#[derive(Debug, Clone)]
pub struct Stats {
    pub articles: u64,
    pub dated: u64,
    pub earliest: Option<time::OffsetDateTime>,
    pub latest: Option<time::OffsetDateTime>,
    pub size_bytes: u64,
    pub segments: usize,
}

pub fn stats(index: &OpenIndex) -> Result<Stats> {
    crate::index::guard(&index.dir, || stats_unguarded(index))
}

fn stats_unguarded(index: &OpenIndex) -> Result<Stats> {
    let reader = index
        .index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let searcher = reader.searcher();
    let dated_query = tantivy::query::ExistsQuery::new("date".to_string(), false);
    let by_date = |newest: bool| {
        TopDocs::with_limit(1).order_by(move |seg: &SegmentReader| {
            let dates = seg.fast_fields().date("date").ok();
            move |doc: DocId| {
                let d = dates.as_ref().and_then(|c| c.first(doc));
                d.map(|d| {
                    let t = d.into_timestamp_secs();
                    if newest {
                        t
                    } else {
                        -t
                    }
                })
            }
        })
    };
    let (dated, first, last) = searcher
        .search(&dated_query, &(Count, by_date(false), by_date(true)))
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let to_time = |v: Vec<(Option<i64>, tantivy::DocAddress)>, negate: bool| {
        v.into_iter().next().and_then(|(k, _)| k).and_then(|t| {
            let t = if negate { -t } else { t };
            time::OffsetDateTime::from_unix_timestamp(t).ok()
        })
    };
    Ok(Stats {
        articles: searcher.num_docs(),
        dated: dated as u64,
        earliest: to_time(first, true),
        latest: to_time(last, false),
        size_bytes: crate::index::size_on_disk(&index.dir),
        segments: searcher.segment_readers().len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words an OR query keeps, in order, after stop words are dropped.
    fn kept(query: &str) -> Vec<String> {
        fn walk(ast: &UserInputAst, out: &mut Vec<String>) {
            match ast {
                UserInputAst::Clause(children) => children.iter().for_each(|(_, c)| walk(c, out)),
                UserInputAst::Boost(inner, _) => walk(inner, out),
                UserInputAst::Leaf(leaf) => {
                    if let UserInputLeaf::Literal(lit) = leaf.as_ref() {
                        out.push(lit.phrase.clone());
                    }
                }
            }
        }
        let ast = tantivy::query_grammar::parse_query(query).unwrap();
        let mut out = Vec::new();
        walk(&drop_stop_words(ast), &mut out);
        out
    }

    #[test]
    fn or_queries_drop_bare_stop_words() {
        assert_eq!(
            kept("Kennedy pressure on the Buddhists"),
            ["Kennedy", "pressure", "Buddhists"]
        );
        // "us" stays: U.S.
        assert_eq!(kept("troops sent by us"), ["troops", "sent", "us"]);
    }

    #[test]
    fn explicit_words_and_stop_word_only_queries_are_kept() {
        assert_eq!(
            kept("\"war of the worlds\" title:the +is -it at*"),
            ["war of the worlds", "the", "is", "it", "at*"]
        );
        assert_eq!(kept("the who"), ["the", "who"]);
        assert_eq!(kept("to be or not"), ["to", "be", "or", "not"]);
        // Dropping "the" would leave only an exclusion.
        assert_eq!(kept("the -war"), ["the", "war"]);
        assert_eq!(kept("(the who) lighthouse"), ["the", "who", "lighthouse"]);
    }
}
