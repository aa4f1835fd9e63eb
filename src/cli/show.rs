//! `newsdex show ID`: one stored article in full.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use newsdex::{output, Result};

use super::args::{ColorArg, DocFormat, EngineArg};
use super::status::Status;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, as printed by `search` (16 hex digits; a unique prefix will do)
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DocFormat::Text)]
    pub format: DocFormat,

    #[command(flatten)]
    pub color: ColorArg,

    #[command(flatten)]
    pub engine: EngineArg,
}

pub fn run(a: ShowArgs, index_dir: PathBuf) -> Result<Status> {
    let searcher = a.engine.open(&index_dir)?;
    let id = searcher.resolve_id(&a.id)?;
    let article = searcher.article(id)?;
    let copies = searcher.copies(id)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::article(
        &mut out,
        &article,
        &copies,
        a.format.into(),
        a.color.enabled(),
    )?;
    out.flush()?;
    Ok(Status::Success)
}
