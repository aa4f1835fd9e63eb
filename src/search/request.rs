//! What a search asks for (`SearchRequest`, `Sort`) and what it returns (`SearchResults`,
//! `Hit`, `CopyRef`): plain data shared by the pipeline, its helpers and the printers.

use std::time::Duration;

use tantivy::Score;

use crate::article::{Article, DocId as ArticleId};
use crate::search::bounds::Span;
use crate::search::snippet::Snippet;

/// The largest page `search` and `similar` return; beyond it, page with an offset.
pub const MAX_LIMIT: usize = 10_000;

/// The most passages per hit a search returns.
pub const MAX_FRAGMENTS: usize = 20;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// A validated search. `Default` is the command line's defaults: every article (empty
/// query), all terms required, by relevance, the top 10 with one passage each, copies
/// collapsed; callers set what differs:
/// `SearchRequest { query, limit: 20, ..Default::default() }`.
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
    /// Passages per hit (0: no snippets, as in evaluation runs).
    pub fragments: usize,
    /// Blend relevance with recency: the half-life of the decay, in seconds.
    pub fresh: Option<f64>,
    /// Fold near-identical copies of a story into one hit.
    pub collapse: bool,
    /// Only articles in this language.
    pub language: Option<crate::lang::Language>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            any: false,
            from: None,
            to: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            fragments: 1,
            fresh: None,
            collapse: true,
            language: None,
        }
    }
}

/// A copy of a story folded into another hit.
#[derive(Debug, Clone)]
pub struct CopyRef {
    pub id: ArticleId,
    pub path: String,
    pub date: Option<crate::article::ArticleDate>,
    pub title: Option<String>,
}

/// Copies in the order they are listed: earliest first, undated last, then by id.
pub fn sort_copies(copies: &mut [CopyRef]) {
    copies.sort_by(|a, b| {
        let key = |c: &CopyRef| (c.date.is_none(), c.date.map(|d| d.wall_clock()), c.id);
        key(a).cmp(&key(b))
    });
}

/// One ranked article.
#[derive(Debug, Clone)]
pub struct Hit {
    /// 1-based position in the whole result list (offset included).
    pub rank: usize,
    pub score: Score,
    pub article: Article,
    /// The best passage (empty when snippets were not asked for).
    pub snippet: Snippet,
    /// Up to `fragments` passages, best first; the first is `snippet`.
    pub passages: Vec<Snippet>,
    /// Near-identical copies folded into this hit, earliest first.
    pub copies: Vec<CopyRef>,
    /// The copy cluster the article was given when it was indexed.
    pub cluster: Option<u64>,
}

/// A page of results.
#[derive(Debug, Clone)]
pub struct SearchResults {
    pub query: String,
    /// Articles matching, copies included.
    pub total_hits: usize,
    /// Stories among them (copy clusters): what `offset` and `limit` count when copies
    /// collapse; `total_hits` without collapse.
    pub total_stories: usize,
    pub offset: usize,
    pub limit: usize,
    pub took: Duration,
    pub hits: Vec<Hit>,
    /// With no hits: the query with misspelled words replaced by the closest indexed words.
    pub did_you_mean: Option<String>,
    /// Whether hits follow this page (`--offset` + `--limit` to see them).
    pub has_more: bool,
}
