//! `newsdex stats`: document count, date range and size of the index.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::cli::show::DocFormat;
use crate::error::Result;
use crate::index::OpenIndex;
use crate::output;
use crate::search::Searcher;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = DocFormat::Text)]
    pub format: DocFormat,
}

pub fn run(a: StatsArgs, index_dir: PathBuf) -> Result<ExitCode> {
    let searcher = Searcher::new(OpenIndex::open(&index_dir)?)?;
    let stats = searcher.stats()?;
    let index = searcher.index();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format {
        DocFormat::Text => output::text::stats(&mut out, &stats, &index.manifest, &index.dir)?,
        DocFormat::Json => output::json::stats(&mut out, &stats, &index.manifest, &index.dir)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
