//! Search: a `SearchRequest` in, ranked `Hit`s out (plain data; printers render them).
//!
//! Query language: tantivy's (terms, "phrases", `+`/`-`, AND/OR/NOT, parentheses,
//! `title:`/`byline:`/`body:` scoping), with AND as the default operator unless `any`.
//! BM25 over title (boosted), byline and body. `--from`/`--to` become a date filter that
//! does not touch scores. Ordering is total: ties fall back to date (newest first), then id,
//! so the same query over the same index always prints the same list.

pub mod aggregate;
pub mod bm25f;
pub mod date_filter;
pub mod dates;
pub mod passages;
pub mod query;
pub mod snippet;
pub mod suggest;

use std::time::{Duration, Instant};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::schema::TantivyDocument;
use tantivy::{DocId, Score, SegmentReader, Term};

use crate::article::{rfc3339, Article, DocId as ArticleId};
use crate::error::{Error, Result};
use crate::index::OpenIndex;
pub use dates::Span;
pub use snippet::Snippet;

pub use query::TITLE_BOOST;

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
    /// Passages per hit (0: no snippets, as in evaluation runs).
    pub fragments: usize,
    /// Blend relevance with recency: the half-life of the decay, in seconds.
    pub fresh: Option<f64>,
    /// Fold near-identical copies of a story into one hit.
    pub collapse: bool,
}

/// A copy of a story folded into another hit.
#[derive(Debug, Clone)]
pub struct CopyRef {
    pub id: ArticleId,
    pub path: String,
    pub date: Option<crate::article::ArticleDate>,
    pub title: Option<String>,
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
    /// With no hits: the query with misspelled words replaced by the closest indexed words.
    pub did_you_mean: Option<String>,
    /// Whether hits follow this page (`--offset` + `--limit` to see them).
    pub has_more: bool,
}

/// Runs `req` against an opened index.
pub fn run(index: &OpenIndex, req: &SearchRequest) -> Result<SearchResults> {
    crate::index::guard(&index.dir, || run_unguarded(index, req))
}

fn run_unguarded(index: &OpenIndex, req: &SearchRequest) -> Result<SearchResults> {
    let started = Instant::now();
    let (query, highlight, words) = build_query(index, req)?;
    execute(index, req, query, &highlight, &words, started)
}

/// Runs a compiled query: ranking, collapse, passages, suggestions.
fn execute(
    index: &OpenIndex,
    req: &SearchRequest,
    query: Box<dyn Query>,
    highlight: &query::Highlight,
    words: &[String],
    started: Instant,
) -> Result<SearchResults> {
    let searcher = index.searcher()?;

    let sort = req.sort;
    let fresh = req
        .fresh
        .map(|half_life| (latest_date(&searcher), half_life.max(1.0)));
    // Collapsing needs the hits before the page too: copies are looked for among the top
    // COLLAPSE_WINDOW_FACTOR x (offset + limit) hits.
    let (fetch, skip) = if req.collapse {
        (
            ((req.offset + req.limit) * COLLAPSE_WINDOW_FACTOR)
                .clamp(50, 5000)
                .max(req.offset + req.limit),
            0,
        )
    } else {
        (req.limit.max(1), req.offset)
    };
    let ranked = |fetch: usize, skip: usize| -> Result<(usize, Vec<Ranked>)> {
        // By relevance, a document that scores below `fetch + skip` others of its segment
        // cannot be on the page, so its date and id (the tie-breaks) are not read.
        let cutoff = (sort == Sort::Relevance && fresh.is_none()).then_some(fetch + skip);
        let top =
            TopDocs::with_limit(fetch)
                .and_offset(skip)
                .tweak_score(move |seg: &SegmentReader| {
                    let dates = seg.fast_fields().date("date").ok();
                    let ids = seg.fast_fields().u64("id").ok();
                    let best = std::cell::RefCell::new(cutoff.map(TopScores::new));
                    move |doc: DocId, score: Score| {
                        if let Some(best) = best.borrow_mut().as_mut() {
                            if !best.admit(score) {
                                return sort_key(sort, score, None, 0);
                            }
                        }
                        let date = dates
                            .as_ref()
                            .and_then(|c| c.first(doc))
                            .map(|d| d.into_timestamp_secs() as f64);
                        let id = ids.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                        let score = match fresh {
                            Some((anchor, half_life)) => score * recency(date, anchor, half_life),
                            None => score,
                        };
                        sort_key(sort, score, date, id)
                    }
                });
        searcher.search(&query, &(Count, top)).map_err(|e| match e {
            // Raised while executing a query the parser accepted, e.g. `title:*`.
            tantivy::TantivyError::SchemaError(reason) => Error::Query {
                query: req.query.clone(),
                reason: format!("{reason} (`field:*` works only on dates: use date:*)"),
            },
            other => Error::tantivy(&index.dir, other),
        })
    };
    let (total_hits, groups, has_more): (usize, Vec<Group>, bool) = if req.collapse {
        // The page counts stories, not documents: when copies fold the window into fewer
        // stories than the page needs (one more, to know whether a next page exists), the
        // window grows until it holds them, holds every hit, or reaches its ceiling.
        let want = req.offset + req.limit;
        let mut fetch = fetch;
        loop {
            let (total_hits, top_docs) = ranked(fetch, 0)?;
            let fetched = top_docs.len();
            let all = if req.limit == 0 {
                Vec::new()
            } else {
                collapse(&searcher, top_docs, want + 1)
            };
            let exhausted = fetched >= total_hits;
            if req.limit == 0 || all.len() > want || exhausted || fetch >= COLLAPSE_FETCH_CEILING {
                let more = if req.limit == 0 {
                    total_hits > 0
                } else {
                    all.len() > want || !exhausted
                };
                let page = all.into_iter().skip(req.offset).take(req.limit).collect();
                break (total_hits, page, more);
            }
            // Grow by what is missing: stories per hit so far, with a margin.
            let per_story = fetch as f64 / all.len().max(1) as f64;
            let needed = ((want + 1) as f64 * per_story * 1.25).ceil() as usize;
            fetch = needed
                .max(fetch + 64)
                .min(fetch * COLLAPSE_WINDOW_FACTOR)
                .min(COLLAPSE_FETCH_CEILING.max(want));
        }
    } else {
        let (total_hits, top_docs) = ranked(fetch, skip)?;
        let fetched = top_docs.len();
        if req.limit == 0 {
            (total_hits, Vec::new(), total_hits > 0)
        } else {
            let more = total_hits > req.offset + fetched;
            let page = top_docs
                .into_iter()
                .map(|(k, a)| (k, a, Vec::new()))
                .collect();
            (total_hits, page, more)
        }
    };

    let hits = assemble(index, &searcher, req, highlight, sort, groups)?;
    let did_you_mean = if total_hits == 0 && !words.is_empty() {
        suggest::did_you_mean(index, &searcher, &req.query, words)
    } else {
        None
    };
    Ok(SearchResults {
        did_you_mean,
        has_more,
        query: req.query.clone(),
        total_hits,
        offset: req.offset,
        limit: req.limit,
        took: started.elapsed(),
        hits,
    })
}

/// The page's hits with their passages and copies. Each hit reads its stored article,
/// which decompresses a doc store block (see `index::open::create_index`): on a page of
/// several hits, the second half is read on another thread.
fn assemble(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    req: &SearchRequest,
    highlight: &query::Highlight,
    sort: Sort,
    groups: Vec<Group>,
) -> Result<Vec<Hit>> {
    let build = |first_rank: usize, part: Vec<Group>| -> Result<Vec<Hit>> {
        let mut analyzer = crate::index::schema::analyzer();
        // Every article of the part in one call: its paths are looked up together.
        let addrs: Vec<tantivy::DocAddress> = part
            .iter()
            .flat_map(|(_, addr, copies)| std::iter::once(*addr).chain(copies.iter().copied()))
            .collect();
        let mut articles = index.articles_at(searcher, &addrs)?.into_iter();
        let mut hits = Vec::with_capacity(part.len());
        for (i, (key, _, copies)) in part.into_iter().enumerate() {
            let mut mine = articles.by_ref().take(1 + copies.len());
            let Some(article) = mine.next() else { break };
            let passages = if req.fragments == 0 {
                Vec::new()
            } else {
                passages::passages(
                    &article.fields.body,
                    &mut analyzer,
                    highlight,
                    req.fragments,
                    snippet::SNIPPET_CHARS,
                )
            };
            let mut copies: Vec<CopyRef> = mine
                .map(|c| CopyRef {
                    id: c.id,
                    path: c.path,
                    date: c.fields.date,
                    title: c.fields.title,
                })
                .collect();
            copies.sort_by(|a, b| {
                let key = |c: &CopyRef| (c.date.is_none(), c.date.map(|d| d.utc), c.id);
                key(a).cmp(&key(b))
            });
            hits.push(Hit {
                rank: first_rank + i,
                score: score_of(sort, key),
                snippet: passages.first().cloned().unwrap_or_default(),
                passages,
                copies,
                article,
            });
        }
        Ok(hits)
    };
    let first_rank = req.offset + 1;
    let parallel = groups.len() >= PARALLEL_HITS
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !parallel {
        return build(first_rank, groups);
    }
    let mut first = groups;
    let second = first.split_off(first.len() / 2);
    let second_rank = first_rank + first.len();
    std::thread::scope(|scope| {
        let other = scope.spawn(|| build(second_rank, second));
        let mut hits = build(first_rank, first)?;
        let rest = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        hits.extend(rest);
        Ok(hits)
    })
}

/// From how many hits a page is read on two threads: below it, starting a thread costs
/// more than the blocks it would decompress.
const PARALLEL_HITS: usize = 3;

/// A ranked hit's sort key and address.
type Ranked = ((f64, f64, u64), tantivy::DocAddress);
/// A collapsed group: the best hit's key and address, then its copies.
type Group = (
    (f64, f64, u64),
    tantivy::DocAddress,
    Vec<tantivy::DocAddress>,
);

/// How many times the requested page's depth is fetched to find copies to fold; also how
/// much the window grows when copies leave it short of a page.
pub const COLLAPSE_WINDOW_FACTOR: usize = 4;

/// The largest window a collapsed page grows to (unless the page itself is deeper). A
/// story with more copies than this among a query's hits may still shorten a page.
const COLLAPSE_FETCH_CEILING: usize = 100_000;

/// Groups ranked hits whose fingerprints are near: each group keeps the rank and key of
/// its best hit, followed by its copies. Only the first `stories` groups are formed (a
/// page needs no more); later hits still join them as copies.
fn collapse(searcher: &tantivy::Searcher, ranked: Vec<Ranked>, stories: usize) -> Vec<Group> {
    let columns: Vec<Option<tantivy::columnar::Column<u64>>> = searcher
        .segment_readers()
        .iter()
        .map(|seg| seg.fast_fields().u64("fingerprint").ok())
        .collect();
    let fingerprints = ranked.iter().map(|(_, a)| {
        columns
            .get(a.segment_ord as usize)
            .and_then(Option::as_ref)
            .and_then(|c| c.first(a.doc_id))
            .unwrap_or(0)
    });
    fold_near(fingerprints, stories)
        .into_iter()
        .map(|members| {
            let (key, addr) = ranked[members[0]];
            (
                key,
                addr,
                members[1..].iter().map(|&i| ranked[i].1).collect(),
            )
        })
        .collect()
}

/// The groups of near fingerprints, as indexes into `fingerprints`, in order: each hit
/// joins the earliest group it is near, or starts one while there are fewer than
/// `stories`.
///
/// Two fingerprints within `NEAR_BITS` differ in at most that many bits, so of
/// `NEAR_BITS + 1` bands of bits at least one is equal (pigeonhole): a hit is compared
/// only with the groups that share a band with it, not with every group, which made deep
/// pages (`--offset 10000`) quadratic.
fn fold_near(fingerprints: impl Iterator<Item = u64>, stories: usize) -> Vec<Vec<usize>> {
    const BANDS: u32 = crate::dedup::NEAR_BITS + 1;
    const BAND_BITS: u32 = 64_u32.div_ceil(BANDS);
    let bands = |fp: u64| {
        (0..BANDS).map(move |i| {
            let shift = i * BAND_BITS;
            (i, (fp >> shift) & ((1u64 << BAND_BITS.min(64 - shift)) - 1))
        })
    };
    let mut groups: Vec<(Vec<usize>, u64)> = Vec::new();
    let mut by_band: std::collections::HashMap<(u32, u64), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, fp) in fingerprints.enumerate() {
        let joined = bands(fp)
            .filter_map(|band| by_band.get(&band))
            .flatten()
            .copied()
            .filter(|&g| crate::dedup::near(groups[g].1, fp))
            .min();
        match joined {
            Some(g) => groups[g].0.push(i),
            None if groups.len() < stories => {
                if fp != 0 {
                    for band in bands(fp) {
                        by_band.entry(band).or_default().push(groups.len());
                    }
                }
                groups.push((vec![i], fp));
            }
            None => {}
        }
    }
    groups.into_iter().map(|(g, _)| g).collect()
}

/// The recency factor of `--fresh`: from 1 for the newest article down to 0.5 for very
/// old ones (and undated ones), halving the gap every `half_life` seconds of age. Age is
/// measured from the newest article in the index, not from today, so that an archive of
/// 1987 stories still ranks its later stories first.
pub fn recency(date: Option<f64>, anchor: f64, half_life: f64) -> f32 {
    match date {
        Some(d) => {
            let age = (anchor - d).max(0.0);
            (0.5 + 0.5 * 0.5f64.powf(age / half_life)) as f32
        }
        None => 0.5,
    }
}

/// The newest article date in the index (seconds since the epoch), 0 when none.
fn latest_date(searcher: &tantivy::Searcher) -> f64 {
    searcher
        .segment_readers()
        .iter()
        .filter_map(|seg| seg.fast_fields().date("date").ok())
        .filter(|c| c.num_docs() > 0)
        .map(|c| c.max_value().into_timestamp_secs() as f64)
        .fold(0.0, f64::max)
}

/// The `k` best scores seen so far (a min-heap), to tell which documents can no longer
/// be among the `k` best.
struct TopScores {
    k: usize,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<OrdScore>>,
}

impl TopScores {
    fn new(k: usize) -> Self {
        TopScores {
            k,
            heap: std::collections::BinaryHeap::with_capacity(k + 1),
        }
    }

    /// Records `score`; false when `k` scores already seen are strictly higher, so a
    /// document with this score ranks below at least `k` others whatever its tie-breaks.
    fn admit(&mut self, score: Score) -> bool {
        // tantivy compares a NaN key as equal to any other: it beats nothing and is never
        // turned away (a `^0` boost times an infinite one scores NaN).
        if score.is_nan() {
            return true;
        }
        if self.heap.len() >= self.k {
            match self.heap.peek() {
                Some(low) if score < low.0 .0 => return false,
                _ => {}
            }
        }
        self.heap.push(std::cmp::Reverse(OrdScore(score)));
        if self.heap.len() > self.k {
            self.heap.pop();
        }
        true
    }
}

/// A score with a total order (`f32::total_cmp`).
#[derive(Clone, Copy, PartialEq)]
struct OrdScore(Score);

impl Eq for OrdScore {}

impl PartialOrd for OrdScore {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdScore {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
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

/// Compiles the user's query and adds the `--from`/`--to` filter.
#[allow(clippy::type_complexity)]
pub fn build_query(
    index: &OpenIndex,
    req: &SearchRequest,
) -> Result<(Box<dyn Query>, query::Highlight, Vec<String>)> {
    let f = &index.schema.fields;
    let text = req.query.trim();
    let (user, highlight, words): (Box<dyn Query>, query::Highlight, Vec<String>) =
        if text.is_empty() || text == "*" {
            (Box::new(AllQuery), query::Highlight::default(), Vec::new())
        } else {
            let searcher = index.searcher()?;
            let real = |prefix: &str, stem: &str| spelled_with_prefix(&searcher, f, prefix, stem);
            let c =
                query::compile_with(f, text, req.any, &real).map_err(|source| Error::BadQuery {
                    query: req.query.clone(),
                    source,
                })?;
            (c.query, c.highlight, c.words)
        };
    // The command line refuses an empty range first, naming the flags as typed
    // (`dates::check_range`); this guards other callers, with the inclusive bounds.
    if let (Some(from), Some(to)) = (req.from, req.to) {
        if from.start >= to.end {
            return Err(Error::EmptyRange {
                from: format!("--from {}", rfc3339(from.start)),
                to: format!("--to {}", rfc3339(to.end - time::Duration::SECOND)),
            });
        }
    }
    if req.from.is_none() && req.to.is_none() {
        return Ok((user, highlight, words));
    }
    let lower = req.from.map_or(std::ops::Bound::Unbounded, |s| {
        std::ops::Bound::Included(s.start)
    });
    let upper = req.to.map_or(std::ops::Bound::Unbounded, |s| {
        std::ops::Bound::Excluded(s.end)
    });
    let range = query::date_query(f.date, lower, upper);
    Ok((
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, user),
            (Occur::Must, range),
        ])),
        highlight,
        words,
    ))
}

/// Whether some article holding the indexed term `stem` spells it as a word starting with
/// `prefix` (folded): the check that keeps a prefix search from stems of non-words (see
/// `query::Prefix`). Up to `ARTICLES_READ` articles with the term are read per field, in
/// index order; for a term in fewer articles than that the answer is exact, and a stem of
/// real words of the prefix is usually confirmed by the first article.
fn spelled_with_prefix(
    searcher: &tantivy::Searcher,
    f: &crate::index::schema::Fields,
    prefix: &str,
    stem: &str,
) -> bool {
    use tantivy::schema::Value;
    use tantivy::tokenizer::TokenStream;
    use tantivy::DocSet;
    const ARTICLES_READ: usize = 100;
    let fields = [f.title, f.byline, f.authors, f.body];
    // Words are folded as the index folds them, and only those starting with the prefix
    // are stemmed.
    let mut folder =
        tantivy::tokenizer::TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default())
            .filter(tantivy::tokenizer::RemoveLongFilter::limit(40))
            .filter(tantivy::tokenizer::LowerCaser)
            .filter(tantivy::tokenizer::AsciiFoldingFilter)
            .build();
    let mut analyzer = crate::index::schema::analyzer();
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

/// Related coverage of article `id`: a more-like-this query over its title and body,
/// without the article itself and its own copies, other copies collapsed. With `follow`
/// the related stories come in date order (oldest first, undated last), to read how a
/// story developed. `total_hits` counts the related articles, the source's own copies
/// left out as they are from the list; `limit` 0 only counts them.
pub fn similar(
    index: &OpenIndex,
    id: ArticleId,
    limit: usize,
    follow: bool,
) -> Result<SearchResults> {
    crate::index::guard(&index.dir, || {
        let started = Instant::now();
        let source = article_by_id_unguarded(index, id)?;
        let f = &index.schema.fields;
        let mlt = more_like_this(index, &source)?;
        let itself = tantivy::query::TermQuery::new(
            Term::from_field_u64(f.id, id.0),
            tantivy::schema::IndexRecordOption::Basic,
        );
        let query: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(mlt)),
            (Occur::MustNot, Box::new(itself)),
        ]));
        let own = crate::dedup::fingerprint(&source.fields.body);
        // The source's own copies match the query best of all; they are dropped from the
        // list below, and must not be counted either.
        let own_copies = index
            .searcher()?
            .search(
                &*query,
                &tantivy::collector::FilterCollector::new(
                    "fingerprint".to_string(),
                    move |fp: u64| crate::dedup::near(own, fp),
                    Count,
                ),
            )
            .map_err(|e| Error::tantivy(&index.dir, e))?;
        let req = SearchRequest {
            query: format!("similar:{id}"),
            any: true,
            from: None,
            to: None,
            sort: Sort::Relevance,
            // Room for the source's own copies, which are dropped below.
            limit: if limit == 0 { 0 } else { limit + own_copies },
            offset: 0,
            fragments: 1,
            fresh: None,
            collapse: true,
        };
        let mut results = execute(
            index,
            &req,
            query,
            &query::Highlight::default(),
            &[],
            started,
        )?;
        results.total_hits = results.total_hits.saturating_sub(own_copies);
        results.hits.retain(|h| {
            !crate::dedup::near(own, crate::dedup::fingerprint(&h.article.fields.body))
        });
        results.hits.truncate(limit);
        if follow {
            results.hits.sort_by(|a, b| {
                let key = |h: &Hit| {
                    (
                        h.article.fields.date.is_none(),
                        h.article.fields.date.map(|d| d.utc),
                        h.article.id,
                    )
                };
                key(a).cmp(&key(b))
            });
        }
        for (i, h) in results.hits.iter_mut().enumerate() {
            h.rank = i + 1;
        }
        results.limit = limit;
        results.has_more = false;
        results.took = started.elapsed();
        Ok(results)
    })
}

/// Terms of an article that best characterise it: its analysed title and body words (at
/// least 3 letters, not stop words) scored tf x idf, the top `MLT_TERMS` (ties by term,
/// so the query and its results are deterministic), searched in title and body.
fn more_like_this(index: &OpenIndex, source: &Article) -> Result<Box<dyn Query>> {
    const MLT_TERMS: usize = 40;
    let f = &index.schema.fields;
    let searcher = index.searcher()?;
    let docs = searcher.num_docs().max(1) as f64;
    let mut analyzer = crate::index::schema::analyzer();
    let mut tf: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let text = format!(
        "{}\n{}",
        source.fields.title.as_deref().unwrap_or(""),
        source.fields.body
    );
    let mut stream = analyzer.token_stream(&text);
    while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut stream) {
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
            let q = tantivy::query::TermQuery::new(
                Term::from_field_text(field, &term),
                tantivy::schema::IndexRecordOption::WithFreqs,
            );
            clauses.push((
                Occur::Should,
                Box::new(tantivy::query::BoostQuery::new(Box::new(q), boost)),
            ));
        }
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// The id of the one article whose id is `typed` (hex digits, any case) or starts with it,
/// as git takes a commit's prefix: ids are 16 hex digits, too many to type. A prefix is a
/// range of ids, one range query on the indexed id field. Errors name what was typed.
pub fn resolve_id(index: &OpenIndex, typed: &str) -> Result<ArticleId> {
    crate::index::guard(&index.dir, || resolve_id_unguarded(index, typed))
}

fn resolve_id_unguarded(index: &OpenIndex, typed: &str) -> Result<ArticleId> {
    let digits = typed.trim();
    let (lo, hi) = id_range(digits).ok_or_else(|| Error::BadId {
        id: typed.to_string(),
    })?;
    let f = &index.schema.fields;
    let range = tantivy::query::RangeQuery::new(
        std::ops::Bound::Included(Term::from_field_u64(f.id, lo)),
        std::ops::Bound::Included(Term::from_field_u64(f.id, hi)),
    );
    let searcher = index.searcher()?;
    let (count, top) = searcher
        .search(&range, &(Count, TopDocs::with_limit(3).order_by_score()))
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let mut ids: Vec<u64> = top
        .into_iter()
        .filter_map(|(_, addr)| {
            let seg = searcher.segment_reader(addr.segment_ord);
            seg.fast_fields().u64("id").ok()?.first(addr.doc_id)
        })
        .collect();
    ids.sort_unstable();
    match (count, ids.first()) {
        (1, Some(&id)) => Ok(ArticleId(id)),
        (0, _) | (_, None) if digits.len() == 16 => Err(Error::NotFound {
            id: digits.to_string(),
        }),
        (0, _) | (_, None) => Err(Error::NoIdPrefix {
            prefix: digits.to_string(),
        }),
        _ => Err(Error::AmbiguousId {
            prefix: digits.to_string(),
            count,
            examples: ids.into_iter().map(|i| ArticleId(i).to_string()).collect(),
        }),
    }
}

/// The ids (inclusive) that start with the hex digits `prefix`: 1 to 16 of them.
fn id_range(prefix: &str) -> Option<(u64, u64)> {
    if prefix.is_empty() || prefix.len() > 16 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = u64::from_str_radix(prefix, 16).ok()?;
    let free_bits = 4 * (16 - prefix.len() as u32);
    if free_bits == 0 {
        return Some((value, value));
    }
    let lo = value << free_bits;
    Some((lo, lo | ((1u64 << free_bits) - 1)))
}

/// Looks an article up by its id.
pub fn article_by_id(index: &OpenIndex, id: ArticleId) -> Result<Article> {
    crate::index::guard(&index.dir, || article_by_id_unguarded(index, id))
}

fn article_by_id_unguarded(index: &OpenIndex, id: ArticleId) -> Result<Article> {
    let searcher = index.searcher()?;
    let term = Term::from_field_u64(index.schema.fields.id, id.0);
    let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let Some((_, addr)) = top.into_iter().next() else {
        return Err(Error::NotFound { id: id.to_string() });
    };
    index.article_at(&searcher, addr)
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
    let searcher = index.searcher()?;
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
    use super::{fold_near, Score, TopScores};

    #[test]
    fn folding_by_bands_finds_what_a_scan_of_every_group_finds() {
        // Stories with copies that differ in up to 14 bits (some within NEAR_BITS, some
        // not), in a random ranking, and some fingerprints of 0 (no body).
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let bases: Vec<u64> = (0..40).map(|_| next()).collect();
        let mut fps = Vec::new();
        for _ in 0..2000 {
            let mut fp = bases[(next() % 40) as usize];
            for _ in 0..next() % 15 {
                fp ^= 1 << (next() % 64);
            }
            fps.push(if next() % 50 == 0 { 0 } else { fp });
        }
        let scan = |stories: usize| {
            let mut groups: Vec<(Vec<usize>, u64)> = Vec::new();
            for (i, &fp) in fps.iter().enumerate() {
                let n = groups.len();
                match groups.iter_mut().find(|g| crate::dedup::near(g.1, fp)) {
                    Some(g) => g.0.push(i),
                    None if n < stories => groups.push((vec![i], fp)),
                    None => {}
                }
            }
            groups.into_iter().map(|(g, _)| g).collect::<Vec<_>>()
        };
        for stories in [1, 7, 100, usize::MAX] {
            assert_eq!(
                fold_near(fps.iter().copied(), stories),
                scan(stories),
                "stories {stories}"
            );
        }
        let all = fold_near(fps.iter().copied(), usize::MAX);
        assert!(
            all.iter().any(|g| g.len() > 1) && all.len() > 40,
            "{}",
            all.len()
        );
    }

    #[test]
    fn id_prefixes_are_ranges_of_ids() {
        use super::id_range;
        assert_eq!(
            id_range("8d7596c5d92034fa"),
            Some((0x8d7596c5d92034fa, 0x8d7596c5d92034fa))
        );
        assert_eq!(
            id_range("8D7596C5"),
            Some((0x8d7596c5_00000000, 0x8d7596c5_ffffffff))
        );
        assert_eq!(id_range("f"), Some((0xf000_0000_0000_0000, u64::MAX)));
        assert_eq!(id_range("0"), Some((0, 0x0fff_ffff_ffff_ffff)));
        for bad in ["", "xyz", "8d75 96", "00000000000000000", "-1"] {
            assert_eq!(id_range(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn top_scores_turn_away_only_what_k_others_beat() {
        let mut best = TopScores::new(3);
        // The first k always get in, whatever they score.
        assert!(best.admit(1.0));
        assert!(best.admit(5.0));
        assert!(best.admit(3.0));
        // Below all three: out. Equal to the lowest: in (its tie-breaks decide).
        assert!(!best.admit(0.5));
        assert!(best.admit(1.0));
        // Now the best three are 5, 3 and 1; a 4 gets in and raises the bar to 3.
        assert!(best.admit(4.0));
        assert!(!best.admit(2.0));
        assert!(best.admit(3.0));
        assert!(!best.admit(2.9));
        // A NaN is let through and does not raise the bar.
        assert!(best.admit(Score::NAN));
        assert!(best.admit(3.0));
        assert!(!best.admit(2.9));
    }
}
