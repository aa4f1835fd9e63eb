//! `newsdex stats`: document count, date range and size of the index.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use newsdex::{output, Result};

use super::args::{ColorArg, DocFormat, EngineArg};
use super::status::Status;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = DocFormat::Text)]
    pub format: DocFormat,

    #[command(flatten)]
    pub color: ColorArg,

    #[command(flatten)]
    pub engine: EngineArg,
}

pub fn run(a: StatsArgs, index_dir: PathBuf) -> Result<Status> {
    let (stats, manifest, location) = a.engine.open(&index_dir)?.stats()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::stats(
        &mut out,
        &stats,
        &manifest,
        std::path::Path::new(&location),
        a.format.into(),
        a.color.enabled(),
    )?;
    out.flush()?;
    Ok(Status::Success)
}
