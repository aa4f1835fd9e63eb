//! `newsdex index ARCHIVE_DIR`: build or refresh the index incrementally; problems on
//! stderr as they happen, a progress bar on a terminal, and a summary at the end (printed
//! by `output::index`).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;

use newsdex::index::{self, IndexRequest};
use newsdex::output::index::{summary, Reporter};
use newsdex::Result;

use super::args::{ColorArg, InputFormat, JsonMappingArgs};
use super::status::Status;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Re-running is incremental: only new and changed files are read (size and modification time,
then a content hash), articles of deleted files are removed, and nothing is ever duplicated.
Work is committed in batches; if a run is killed, the index keeps its last commit and the
next run finishes the job. Searches work during a run and see the last commit.

Exit status: 0 every file handled, 2 error or at least one file skipped (listed on stderr).")]
pub struct IndexArgs {
    /// The archive directory to index
    #[arg(value_name = "ARCHIVE_DIR")]
    pub archive: PathBuf,

    /// Build the index from scratch (needed after a schema change); the old one stays
    /// searchable until the new one replaces it
    #[arg(long)]
    pub rebuild: bool,

    /// Follow symbolic links inside the archive (loops are detected and reported)
    #[arg(long)]
    pub follow_links: bool,

    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,

    /// Print the summary as JSON (schema/index-summary.schema.json)
    #[arg(long)]
    pub json: bool,

    /// Reader and writer threads [default: number of cores, at most 8]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Memory budget in MB: the index writer's buffers, and the most of the index one merge
    /// of segments may map
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub memory: usize,

    /// Commit after this many new articles (a killed run loses at most one batch)
    #[arg(long, value_name = "N", default_value_t = 20_000)]
    pub commit_every: usize,

    /// Read files as this format instead of detecting it
    #[arg(long = "as", value_enum, value_name = "FORMAT")]
    pub as_format: Option<InputFormat>,

    /// Every article is in this language (ISO 639-1 code: de, fr, zh, ...) instead of
    /// detecting each one's
    #[arg(long, value_name = "CODE", value_parser = super::args::language)]
    pub lang: Option<newsdex::lang::Language>,

    #[command(flatten)]
    pub mapping: JsonMappingArgs,

    #[command(flatten)]
    pub color: ColorArg,
}

pub fn run(a: IndexArgs, index_dir: PathBuf) -> Result<Status> {
    let bar = !a.quiet && !a.json && std::io::stderr().is_terminal();
    let mut req = IndexRequest::new(a.archive.clone(), index_dir.clone());
    req.rebuild = a.rebuild;
    req.follow_links = a.follow_links;
    req.memory_budget = a.memory.saturating_mul(1_000_000);
    req.threads = a.threads;
    req.commit_every = a.commit_every.max(1);
    req.count_first = bar;
    req.read.force_format = a.as_format.map(Into::into);
    req.read.language = a.lang;
    req.read.extract.json = a.mapping.to_mapping();
    let mut reporter = Reporter::new(bar, a.quiet);
    let run = index::build(&req, &mut reporter)?;
    reporter.clear();
    let status = if run.failed.is_empty() {
        Status::Success
    } else {
        Status::Failed
    };
    let written = if a.json || !a.quiet {
        let mut out = std::io::stdout().lock();
        summary(
            &mut out,
            &run,
            &index_dir,
            &a.archive,
            a.json,
            a.color.enabled(),
        )
        .and_then(|()| out.flush())
    } else {
        Ok(())
    };
    match written {
        // The run is done whoever reads the summary: a reader that went away
        // (`| head -1`) does not turn skipped files into success.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(status),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(status),
    }
}
