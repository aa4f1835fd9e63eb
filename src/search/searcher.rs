//! `Searcher`: the search engine over one opened index. Built once, it holds the index,
//! a tantivy searcher over its committed segments and the text analyzer, and runs every
//! request under one guard that turns tantivy's panics on damaged segment files into
//! errors. The search pipeline lives here: compile the query, rank, collapse copies, read
//! the page's articles with their passages, suggest spellings when nothing matched.

use std::time::Instant;

use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::tokenizer::TextAnalyzer;

use crate::article::{Article, DocId as ArticleId};
use crate::error::{Error, Result};
use crate::index::{schema, OpenIndex};
use crate::search::aggregate::{self, Facets, FacetsRequest, Timeline, TimelineRequest};
use crate::search::collapse::{self, Group};
use crate::search::lookup::{self, Stats};
use crate::search::ranking::Ranking;
use crate::search::request::{CopyRef, Hit, SearchRequest, SearchResults};
use crate::search::{passages, prefix, query, similar, snippet, suggest};

/// From how many hits a page is read on two threads: below it, starting a thread (and
/// its malloc arena) costs more than the doc store blocks it would decompress. Whole
/// process, `search profit` on 22,250 articles, serial against two threads: wall 0.95x
/// at 10 hits, 1.11x at 20 and 50.
const PARALLEL_HITS: usize = 16;

/// The search engine over one opened index.
///
/// ```no_run
/// # fn main() -> newsdex::Result<()> {
/// use newsdex::index::OpenIndex;
/// use newsdex::search::{SearchRequest, Searcher};
///
/// let searcher = Searcher::new(OpenIndex::open("index".as_ref())?)?;
/// let results = searcher.search(&SearchRequest {
///     query: "ferry strike".to_string(),
///     limit: 20,
///     ..Default::default()
/// })?;
/// for hit in &results.hits {
///     println!("{} {}", hit.rank, hit.article.path);
/// }
/// # Ok(())
/// # }
/// ```
pub struct Searcher {
    index: OpenIndex,
    /// The index as committed when this `Searcher` was built (later commits by a running
    /// `newsdex index` are not seen: build another).
    searcher: tantivy::Searcher,
    /// The article-text analyzer, cloned by each use (a clone starts with an empty memo).
    analyzer: TextAnalyzer,
    /// Text fields no article of the index fills (an archive without bylines), which a
    /// bare word is not searched in.
    empty_fields: Vec<tantivy::schema::Field>,
    /// The languages of the index's articles: queries are analysed in each.
    languages: Vec<crate::lang::Language>,
}

/// A compiled user query: the tantivy query, what to highlight, and the words typed (for
/// spelling suggestions).
struct Compiled {
    query: Box<dyn Query>,
    highlight: query::Highlight,
    words: Vec<String>,
}

impl Searcher {
    /// The engine over `index`, its segments opened.
    pub fn new(index: OpenIndex) -> Result<Self> {
        let searcher = crate::index::guard(&index.dir, || index.searcher())?;
        let empty_fields = crate::index::guard(&index.dir, || index.empty_text_fields(&searcher))?;
        let languages = crate::index::guard(&index.dir, || index.languages(&searcher))?;
        Ok(Searcher {
            index,
            searcher,
            analyzer: schema::analyzer(),
            empty_fields,
            languages,
        })
    }

    /// The opened index (its directory and manifest).
    pub fn index(&self) -> &OpenIndex {
        &self.index
    }

    /// Runs `f` turning a panic inside tantivy into `Error::Damaged` for this index.
    fn guarded<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        crate::index::guard(&self.index.dir, f)
    }

    /// Ranked hits for `req`: ordering is total (ties by date, newest first, then id), so
    /// the same request over the same index always returns the same list.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        self.guarded(|| {
            let started = Instant::now();
            let compiled = self.compile(req)?;
            self.execute(req, compiled, started)
        })
    }

    /// Related coverage of article `id`: a more-like-this query over its title and body,
    /// without the article itself and its own copies, other copies collapsed. With
    /// `follow` the related stories come in date order (oldest first, undated last), to
    /// read how a story developed. `total_hits` counts the related articles, the source's
    /// own copies left out as they are from the list; `limit` 0 only counts them.
    pub fn similar(&self, id: ArticleId, limit: usize, follow: bool) -> Result<SearchResults> {
        self.guarded(|| {
            let started = Instant::now();
            let source = lookup::article(&self.index, &self.searcher, id)?;
            let cluster = lookup::cluster(&self.index, &self.searcher, id)?;
            let (query, own) = similar::related_query(
                &self.index,
                &self.searcher,
                &self.analyzer,
                &source,
                id,
                cluster,
            )?;
            let req = own.request(id, limit);
            let compiled = Compiled {
                query,
                highlight: query::Highlight::default(),
                words: Vec::new(),
            };
            let results = self.execute(&req, compiled, started)?;
            Ok(own.finish(results, limit, follow, started))
        })
    }

    /// The article whose id is `id`.
    pub fn article(&self, id: ArticleId) -> Result<Article> {
        self.guarded(|| lookup::article(&self.index, &self.searcher, id))
    }

    /// The copy cluster of article `id` and the other articles in it.
    pub fn copies(&self, id: ArticleId) -> Result<lookup::Copies> {
        self.guarded(|| lookup::copies(&self.index, &self.searcher, id))
    }

    /// The id of the one article whose id is or starts with the hex digits `typed`.
    pub fn resolve_id(&self, typed: &str) -> Result<ArticleId> {
        self.guarded(|| lookup::resolve_id(&self.index, &self.searcher, typed))
    }

    /// Article counts, date range and size of the index.
    pub fn stats(&self) -> Result<Stats> {
        self.guarded(|| lookup::stats(&self.index, &self.searcher))
    }

    /// Coverage of a query over time.
    pub fn timeline(&self, req: &TimelineRequest) -> Result<Timeline> {
        self.guarded(|| {
            let matches = self.compile(&req.matching())?.query;
            let totals = match req.totals() {
                Some(all) => Some(self.compile(&all)?.query),
                None => None,
            };
            aggregate::timeline(
                &self.index,
                &self.searcher,
                &*matches,
                totals.as_deref(),
                req,
            )
        })
    }

    /// Top values of a facet among a query's matches.
    pub fn facets(&self, req: &FacetsRequest) -> Result<Facets> {
        self.guarded(|| {
            let matches = self.compile(&req.matching())?.query;
            aggregate::facets(&self.index, &self.searcher, &*matches, req)
        })
    }

    /// Compiles the user's query and adds the `--from`/`--to` filter.
    fn compile(&self, req: &SearchRequest) -> Result<Compiled> {
        let f = &self.index.schema.fields;
        let text = req.query.trim();
        let user = if text.is_empty() || text == "*" {
            Compiled {
                query: Box::new(AllQuery),
                highlight: query::Highlight::default(),
                words: Vec::new(),
            }
        } else {
            let real = |p: &str, stem: &str| {
                prefix::spelled_with_prefix(&self.searcher, f, &self.analyzer, p, stem)
            };
            let c =
                query::compile_with(f, text, req.any, &real, &self.empty_fields, &self.languages)
                    .map_err(|source| Error::BadQuery {
                    query: req.query.clone(),
                    source,
                })?;
            Compiled {
                query: c.query,
                highlight: c.highlight,
                words: c.words,
            }
        };
        // The command line refuses an empty range first, naming the flags as typed
        // (`bounds::check_range`); this guards other callers, with the inclusive bounds.
        if let (Some(from), Some(to)) = (req.from, req.to) {
            if from.start >= to.end {
                return Err(Error::EmptyRange {
                    from: format!("--from {}", crate::article::rfc3339(from.start)),
                    to: format!(
                        "--to {}",
                        crate::article::rfc3339(to.end - time::Duration::SECOND)
                    ),
                });
            }
        }
        let user = match req.language {
            Some(l) => Compiled {
                query: Box::new(BooleanQuery::new(vec![
                    (Occur::Must, user.query),
                    (
                        Occur::Must,
                        Box::new(tantivy::query::TermQuery::new(
                            tantivy::Term::from_field_text(f.language, l.code),
                            tantivy::schema::IndexRecordOption::Basic,
                        )),
                    ),
                ])),
                ..user
            },
            None => user,
        };
        if req.from.is_none() && req.to.is_none() {
            return Ok(user);
        }
        let lower = req.from.map_or(std::ops::Bound::Unbounded, |s| {
            std::ops::Bound::Included(s.start)
        });
        let upper = req.to.map_or(std::ops::Bound::Unbounded, |s| {
            std::ops::Bound::Excluded(s.end)
        });
        let range = query::date_query(f.date, lower, upper);
        Ok(Compiled {
            query: Box::new(BooleanQuery::new(vec![
                (Occur::Must, user.query),
                (Occur::Must, range),
            ])),
            ..user
        })
    }

    /// Every hit of `req` from its offset on, its limit ignored: ranked once, then read
    /// `chunk` hits at a time, each chunk handed to `sink` as a page of results (its
    /// `offset` where the chunk starts). `sink` returns whether to go on, so an export
    /// whose reader went away stops there.
    pub fn export(
        &self,
        req: &SearchRequest,
        chunk: usize,
        mut sink: impl FnMut(SearchResults) -> Result<bool>,
    ) -> Result<()> {
        self.guarded(|| {
            let started = Instant::now();
            let compiled = self.compile(req)?;
            let ranking = Ranking::new(&self.searcher, req.sort, req.fresh);
            let all = SearchRequest {
                limit: usize::try_from(self.searcher.num_docs()).unwrap_or(usize::MAX),
                ..req.clone()
            };
            let (total_hits, total_stories, mut groups, _) = self.rank(&all, &compiled, ranking)?;
            let chunk = chunk.max(1);
            let mut offset = req.offset;
            loop {
                let rest = groups.split_off(chunk.min(groups.len()));
                let part = std::mem::replace(&mut groups, rest);
                let last = groups.is_empty();
                let n = part.len();
                let page = SearchRequest {
                    offset,
                    limit: chunk,
                    ..req.clone()
                };
                let hits = self.assemble(&page, &compiled.highlight, ranking, part)?;
                let go_on = sink(SearchResults {
                    did_you_mean: None,
                    has_more: !last,
                    query: req.query.clone(),
                    total_hits,
                    total_stories,
                    offset,
                    limit: chunk,
                    took: started.elapsed(),
                    hits,
                })?;
                if last || !go_on {
                    return Ok(());
                }
                offset += n;
            }
        })
    }

    /// The page of `req` as ranked groups (a hit and its copies), with the numbers of
    /// matching articles and of stories, and whether more hits follow the page.
    fn rank(
        &self,
        req: &SearchRequest,
        compiled: &Compiled,
        ranking: Ranking,
    ) -> Result<(usize, usize, Vec<Group>, bool)> {
        if req.collapse {
            let (total_hits, clusters) = ranking
                .grouped(&self.searcher, &*compiled.query)
                .map_err(|e| query_error(req, &self.index.dir, e))?;
            let stories = clusters.len();
            let (page, more) = collapse::page(clusters, req.offset, req.limit);
            return Ok((total_hits, stories, page, more));
        }
        // tantivy sizes its heap of top hits by offset + limit: past the last article
        // there is nothing to rank, only to count, and no page holds more than them all.
        let articles = usize::try_from(self.searcher.num_docs()).unwrap_or(usize::MAX);
        if req.offset >= articles {
            let total_hits = self
                .searcher
                .search(&*compiled.query, &tantivy::collector::Count)
                .map_err(|e| query_error(req, &self.index.dir, e))?;
            return Ok((total_hits, total_hits, Vec::new(), false));
        }
        let (total_hits, top_docs) = ranking
            .top(
                &self.searcher,
                &*compiled.query,
                req.limit.clamp(1, articles.max(1)),
                req.offset,
            )
            .map_err(|e| query_error(req, &self.index.dir, e))?;
        let fetched = top_docs.len();
        if req.limit == 0 {
            return Ok((total_hits, total_hits, Vec::new(), total_hits > 0));
        }
        let more = total_hits > req.offset + fetched;
        let page = top_docs
            .into_iter()
            .map(|(k, a)| (k, a, Vec::new()))
            .collect();
        Ok((total_hits, total_hits, page, more))
    }

    /// Runs a compiled query: ranking, collapse, passages, suggestions.
    fn execute(
        &self,
        req: &SearchRequest,
        compiled: Compiled,
        started: Instant,
    ) -> Result<SearchResults> {
        let ranking = Ranking::new(&self.searcher, req.sort, req.fresh);
        let (total_hits, total_stories, groups, has_more) = self.rank(req, &compiled, ranking)?;
        let hits = self.assemble(req, &compiled.highlight, ranking, groups)?;
        let did_you_mean = if total_hits == 0 && !compiled.words.is_empty() {
            suggest::did_you_mean(
                &self.index,
                &self.searcher,
                &self.analyzer,
                &req.query,
                &compiled.words,
            )
        } else {
            None
        };
        Ok(SearchResults {
            did_you_mean,
            has_more,
            query: req.query.clone(),
            total_hits,
            total_stories,
            offset: req.offset,
            limit: req.limit,
            took: started.elapsed(),
            hits,
        })
    }

    /// The copy cluster of the article at `addr`.
    fn cluster_of(&self, addr: tantivy::DocAddress) -> Option<u64> {
        self.searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .u64(schema::fast::CLUSTER)
            .ok()
            .and_then(|c| c.first(addr.doc_id))
    }

    /// The page's hits with their passages and copies. Each hit reads its stored article,
    /// which decompresses a doc store block (see `index::open::create_index`): on a page of
    /// `PARALLEL_HITS` or more, the second half is read on another thread.
    fn assemble(
        &self,
        req: &SearchRequest,
        highlight: &query::Highlight,
        ranking: Ranking,
        groups: Vec<Group>,
    ) -> Result<Vec<Hit>> {
        let build = |first_rank: usize, part: Vec<Group>| -> Result<Vec<Hit>> {
            // English bodies are searched for the highlighted terms by stemming only the
            // words that could match one.
            let mut analyzer = match highlight.first_letters() {
                Some(letters) => schema::finding_analyzer(&letters),
                None => self.analyzer.clone(),
            };
            // Articles in other languages were indexed with their own analysis: their
            // passages are found with it.
            let mut others = schema::LanguageAnalyzers::default();
            // The part's articles in one call, its copies' references in another (from the
            // fast columns only: a story with many copies reads no more stored documents
            // than one without): their paths are looked up together.
            let heads: Vec<tantivy::DocAddress> = part.iter().map(|(_, addr, _)| *addr).collect();
            let copy_addrs: Vec<tantivy::DocAddress> = part
                .iter()
                .flat_map(|(_, _, c)| c.iter().copied())
                .collect();
            let mut articles = self.index.articles_at(&self.searcher, &heads)?.into_iter();
            let mut refs = self.index.refs_at(&self.searcher, &copy_addrs)?.into_iter();
            let mut hits = Vec::with_capacity(part.len());
            for (i, (key, addr, copies)) in part.into_iter().enumerate() {
                let mine = refs.by_ref().take(copies.len());
                let Some(article) = articles.next() else {
                    break;
                };
                let passages = if req.fragments == 0 {
                    Vec::new()
                } else {
                    let analyzer = if schema::analysed_by_index(&article.language) {
                        &mut analyzer
                    } else {
                        others.get(&article.language)
                    };
                    passages::passages(
                        &article.fields.body,
                        analyzer,
                        highlight,
                        req.fragments,
                        snippet::SNIPPET_CHARS,
                    )
                };
                let mut copies: Vec<CopyRef> = mine
                    .map(|c| CopyRef {
                        id: c.id,
                        path: c.path,
                        date: c.date,
                        title: c.title,
                    })
                    .collect();
                crate::search::request::sort_copies(&mut copies);
                hits.push(Hit {
                    cluster: self.cluster_of(addr),
                    rank: first_rank + i,
                    score: ranking.score_of(key),
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
}

/// An error raised while executing a query the parser accepted (e.g. `title:*`), told as
/// a query error; others as the index's.
fn query_error(req: &SearchRequest, dir: &std::path::Path, e: tantivy::TantivyError) -> Error {
    match e {
        tantivy::TantivyError::SchemaError(reason) => Error::Query {
            query: req.query.clone(),
            reason: format!("{reason} (`field:*` works only on dates: use date:*)"),
        },
        other => Error::tantivy(dir, other),
    }
}
