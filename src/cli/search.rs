//! `newsdex search QUERY`: ranked hits with snippets, as text, JSON, JSON Lines or CSV.
//! The arguments become a `search::SearchRequest` in `request`, the one place that builds it.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use newsdex::search::{bounds, SearchRequest, Sort};
use newsdex::{output, Result};

use super::args::{fragments_parser, limit_parser, ColorArg, DateBounds, EngineArg, HitsFormat};
use super::status::Status;
use crate::config::{MAX_FRAGMENTS, MAX_LIMIT};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Query syntax:
  climate change          both terms (AND is the default; --any for OR)
  \"climate change\"        the phrase
  +syria -iran            must / must not
  (syria OR iraq) AND talks
  title:lighthouse        only in titles (also byline:, body:)
  ''                      every article (with --from/--to and --sort)

Dates: --from/--to take YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339; both ends are inclusive,
and a bare year or month means all of it (--to 2014-01 ends on 31 January). In queries:
date:2014, date:2014-01, date:[2014-01-01 TO 2014-03-31], date:>=2019. --since 30d is
relative to today (d, w, m, y).

--fresh multiplies relevance by a recency factor: 1 for the newest article in the index,
falling towards 0.5 with age (halving the gap every --half-life); undated articles get
0.5. Age counts from the newest article, not from today, so old archives work too.

Fuzzy and prefix terms: lighthuose~1 (edit distance 1 or 2), negotiat* (prefix).

Exit status: 0 hits on this page, 1 no hits, 2 error.")]
pub struct SearchArgs {
    /// The query (several words are joined with spaces)
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,

    /// Match any term (OR) instead of all terms (AND)
    #[arg(long)]
    pub any: bool,

    #[command(flatten)]
    pub bounds: DateBounds,

    /// Only articles from the last N days/weeks/months/years: 30d, 6w, 3m, 2y (from today)
    #[arg(long, value_name = "AGE")]
    pub since: Option<String>,

    /// Favour recent articles: relevance times a recency decay (see --half-life)
    #[arg(long)]
    pub fresh: bool,

    /// Half-life of --fresh's decay: after this age an article's boost halves (7d, 6m, 1y)
    #[arg(long, value_name = "AGE", default_value = "30d")]
    pub half_life: String,

    /// Only articles in this language (ISO 639-1 code: en, de, fr, zh, ...)
    #[arg(long, value_name = "CODE", value_parser = super::args::language)]
    pub lang: Option<newsdex::lang::Language>,

    /// Show every copy of a syndicated story instead of one hit with "+N copies"
    #[arg(long)]
    pub no_collapse: bool,

    /// Result order
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,

    /// Hits per page, at most 10000 (0: only count them)
    #[arg(short = 'n', long, default_value_t = 10, value_name = "N", value_parser = limit_parser())]
    pub limit: usize,

    /// Skip this many hits (for paging)
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Matching passages per hit (1-20)
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = fragments_parser())]
    pub fragments: usize,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = HitsFormat::Text)]
    pub format: HitsFormat,

    #[command(flatten)]
    pub color: ColorArg,

    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

impl From<SortArg> for Sort {
    fn from(s: SortArg) -> Self {
        match s {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        }
    }
}

/// The engine's request for these arguments: dates parsed and checked, limits applied.
fn request(a: &SearchArgs) -> Result<SearchRequest> {
    let (from, to) = a.bounds.spans(a.since.as_deref())?;
    let fresh = if a.fresh {
        Some(bounds::duration_secs("--half-life", &a.half_life)?)
    } else {
        None
    };
    Ok(SearchRequest {
        query: a.query.join(" "),
        any: a.any,
        from,
        to,
        sort: a.sort.into(),
        // clap has checked both ranges; these bounds guard other callers.
        limit: a.limit.min(MAX_LIMIT),
        offset: a.offset,
        fragments: a.fragments.clamp(1, MAX_FRAGMENTS),
        fresh,
        collapse: !a.no_collapse,
        language: a.lang,
    })
}

pub fn run(a: SearchArgs, index_dir: PathBuf) -> Result<Status> {
    let req = request(&a)?;
    let searcher = a.engine.open(&index_dir)?;
    let results = searcher.search(&req)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::results(&mut out, &results, a.format.into(), a.color.enabled())?;
    out.flush()?;
    // The process ends here: the kernel drops the index's memory maps all at once, faster
    // than one munmap per file.
    std::mem::forget(searcher);
    // With `-n 0` (count only) the page is empty by request: hits anywhere count.
    Ok(Status::found(
        !results.hits.is_empty() || (results.limit == 0 && results.total_hits > 0),
    ))
}
