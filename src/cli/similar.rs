//! `newsdex similar ID`: related coverage of one article (more-like-this over its title and
//! body, its own copies left out, other copies collapsed); `--follow` in date order.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use newsdex::{output, Result};

use super::args::{limit_parser, ColorArg, EngineArg, HitsFormat};
use super::status::Status;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  newsdex similar 3fa2b1c4d5e6f708
  newsdex similar 3fa2b1c4d5e6f708 --follow -n 30    how the story developed, oldest first")]
pub struct SimilarArgs {
    /// Article id, as printed by `search` (16 hex digits; a unique prefix will do)
    #[arg(value_name = "ID")]
    pub id: String,

    /// How many related articles, at most 10000 (0: only count them)
    #[arg(short = 'n', long, default_value_t = 10, value_name = "N", value_parser = limit_parser())]
    pub limit: usize,

    /// List the related stories in date order (oldest first) instead of by similarity
    #[arg(long)]
    pub follow: bool,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = HitsFormat::Text)]
    pub format: HitsFormat,

    #[command(flatten)]
    pub color: ColorArg,

    #[command(flatten)]
    pub engine: EngineArg,
}

pub fn run(a: SimilarArgs, index_dir: PathBuf) -> Result<Status> {
    let searcher = a.engine.open(&index_dir)?;
    let id = searcher.resolve_id(&a.id)?;
    let results = searcher.similar(id, a.limit, a.follow)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::results(&mut out, &results, a.format.into(), a.color.enabled())?;
    out.flush()?;
    // With `-n 0` (count only) the list is empty by request: related articles count.
    Ok(Status::found(
        !results.hits.is_empty() || (results.limit == 0 && results.total_hits > 0),
    ))
}
