//! `newsdex stats`: document count, date range and size of the index.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use newsdex::index::OpenIndex;
use newsdex::search::Searcher;
use newsdex::{output, Result};

use super::args::{ColorArg, DocFormat};
use super::status::Status;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = DocFormat::Text)]
    pub format: DocFormat,

    #[command(flatten)]
    pub color: ColorArg,
}

pub fn run(a: StatsArgs, index_dir: PathBuf) -> Result<Status> {
    let searcher = Searcher::new(OpenIndex::open(&index_dir)?)?;
    let stats = searcher.stats()?;
    let index = searcher.index();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::stats(
        &mut out,
        &stats,
        &index.manifest,
        &index.dir,
        a.format.into(),
        a.color.enabled(),
    )?;
    out.flush()?;
    Ok(Status::Success)
}
