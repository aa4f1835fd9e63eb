//! `newsdex timeline QUERY` and `newsdex facets byline|year|source [QUERY]`: how coverage
//! of a query changed over time, and its top bylines, years and sources.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use newsdex::search::aggregate::{FacetKind, FacetsRequest, Interval, TimelineRequest};
use newsdex::search::bounds::Span;
use newsdex::{output, Result};

use super::args::{ColorArg, DateBounds, EngineArg, TableFormat};
use super::status::Status;

/// The query filter shared by the aggregation commands: date bounds and AND/OR.
#[derive(Debug, Args)]
pub struct Bounds {
    #[command(flatten)]
    pub dates: DateBounds,
    /// Only articles from the last N days/weeks/months/years: 30d, 6w, 3m, 2y (from today)
    #[arg(long, value_name = "AGE")]
    pub since: Option<String>,
    /// Match any term (OR) instead of all terms (AND)
    #[arg(long)]
    pub any: bool,
}

impl Bounds {
    fn spans(&self) -> Result<(Option<Span>, Option<Span>)> {
        self.dates.spans(self.since.as_deref())
    }
}

#[derive(Debug, Args)]
#[command(after_long_help = "\
Buckets are calendar days, ISO weeks (Monday first), calendar months or calendar years;
every bucket between the first and last match (or --from/--to) is listed, empty ones with 0.
--normalize divides each count by all articles in the bucket (coverage share).

Examples:
  newsdex timeline syria --by month
  newsdex timeline 'title:strike' --by year --normalize --format csv > strikes.csv")]
pub struct TimelineArgs {
    /// The query (several words are joined with spaces; '' for all articles)
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Bucket size
    #[arg(long, value_enum, default_value_t = ByArg::Month)]
    pub by: ByArg,
    /// Divide by all articles in each bucket
    #[arg(long)]
    pub normalize: bool,
    #[command(flatten)]
    pub bounds: Bounds,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    #[command(flatten)]
    pub color: ColorArg,

    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Args)]
#[command(after_long_help = "\
byline counts normalised author names; year the publication year; source the top-level
directory of each article's path in the archive (usually the outlet or feed); language
the articles' languages (ISO 639-1 codes; und: could not be told).

Examples:
  newsdex facets byline
  newsdex facets year 'title:strike'
  newsdex facets source syria --from 2014 --format json")]
pub struct FacetsArgs {
    /// What to count
    #[arg(value_enum)]
    pub facet: FacetArg,
    /// The query ('' or nothing for all articles)
    #[arg(value_name = "QUERY", num_args = 0..)]
    pub query: Vec<String>,
    /// How many values (0: only count the matching articles)
    #[arg(short = 'n', long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    #[command(flatten)]
    pub bounds: Bounds,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    #[command(flatten)]
    pub color: ColorArg,

    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetArg {
    Byline,
    Year,
    Source,
    Language,
}

pub fn timeline(a: TimelineArgs, index_dir: PathBuf) -> Result<Status> {
    let (from, to) = a.bounds.spans()?;
    let by = match a.by {
        ByArg::Day => Interval::Day,
        ByArg::Week => Interval::Week,
        ByArg::Month => Interval::Month,
        ByArg::Year => Interval::Year,
    };
    let searcher = a.engine.open(&index_dir)?;
    let t = searcher.timeline(&TimelineRequest {
        query: a.query.join(" "),
        any: a.bounds.any,
        from,
        to,
        by,
        normalize: a.normalize,
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::aggregate::timeline(&mut out, &t, a.format.into(), a.color.enabled())?;
    out.flush()?;
    Ok(Status::found(t.matched + t.undated + t.coarse > 0))
}

pub fn facets(a: FacetsArgs, index_dir: PathBuf) -> Result<Status> {
    let (from, to) = a.bounds.spans()?;
    let kind = match a.facet {
        FacetArg::Byline => FacetKind::Byline,
        FacetArg::Year => FacetKind::Year,
        FacetArg::Source => FacetKind::Source,
        FacetArg::Language => FacetKind::Language,
    };
    let searcher = a.engine.open(&index_dir)?;
    let f = searcher.facets(&FacetsRequest {
        query: a.query.join(" "),
        any: a.bounds.any,
        from,
        to,
        facet: kind,
        limit: a.limit,
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::aggregate::facets(&mut out, &f, a.format.into(), a.color.enabled())?;
    out.flush()?;
    // As for timelines, the query matched something, even when none of its articles
    // has a value for the facet (no byline): the text and JSON say so.
    Ok(Status::found(f.matched > 0))
}
