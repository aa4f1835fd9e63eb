//! `newsdex show ID`: one stored article in full.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::cli::ColorChoice;
use crate::error::Result;
use crate::index::OpenIndex;
use crate::output;
use crate::search::Searcher;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, as printed by `search` (16 hex digits; a unique prefix will do)
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DocFormat::Text)]
    pub format: DocFormat,

    /// Colour: auto, always, never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// Formats for single documents (`show`, `stats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Text,
    Json,
}

pub fn run(a: ShowArgs, index_dir: PathBuf) -> Result<ExitCode> {
    let searcher = Searcher::new(OpenIndex::open(&index_dir)?)?;
    let id = searcher.resolve_id(&a.id)?;
    let article = searcher.article(id)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format {
        DocFormat::Text => {
            output::text::article(&mut out, &article, crate::config::use_color(a.color))?
        }
        DocFormat::Json => output::json::article(&mut out, &article)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
