//! The command line: clap types live here and nowhere else. This file parses the arguments
//! and hands each subcommand to its file, which converts its arguments once into the
//! engine's request, calls the engine, and passes the result to a printer in `output`.
//! Shared argument pieces are in `args`, the exit status in `status`; command files import
//! those two and `config`, never each other or this file.

mod aggregate;
mod args;
mod eval;
mod export;
mod extract;
mod index;
mod push;
mod search;
mod serve;
mod show;
mod similar;
mod stats;
mod status;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use newsdex::Result;

pub use status::Status;

/// Full-text search for news archives.
#[derive(Debug, Parser)]
#[command(
    name = "newsdex",
    version,
    about = "Full-text search for news archives",
    long_about = "Full-text search for news archives.\n\n\
        Index a directory of articles once, then search it by keywords, phrases, fields \
        and dates, from the shell or from scripts (JSON, JSON Lines, CSV).",
    after_help = "Run `newsdex --help` for examples and exit codes.",
    after_long_help = concat!("\
Examples:
  newsdex index ~/archive                     index a directory of articles
  newsdex search 'syria talks'                both words (AND is the default)
  newsdex search '\"peace talks\" -iran'        a phrase, without iran
  newsdex search 'title:lighthouse' --from 2014-01 --to 2014-03
  newsdex search syria --sort newest --format jsonl | jq -r .title
  newsdex show 3fa2b1c4d5e6f708               one article in full
  newsdex similar 3fa2b1c4d5e6f708 --follow   related stories, oldest first
  newsdex stats                               size and date range of the index
  newsdex extract page.html                   what newsdex reads from a file
  newsdex timeline strike --by year           coverage over time, as a bar chart
  newsdex facets byline 'title:election'      top bylines for a query
  newsdex serve                               API and search page at http://127.0.0.1:7878/

Index location: --index PATH, else $NEWSDEX_INDEX, else
$XDG_DATA_HOME/newsdex/index (~/.local/share/newsdex/index).

", "Exit status:
  0  success; for search, similar, timeline, facets: something was found
  1  nothing found (search: no hits on this page)
  2  error (bad arguments, bad query or date, missing or damaged index;
     for index: at least one file could not be indexed)")
)]
pub struct Cli {
    /// Index directory [default: $NEWSDEX_INDEX, else $XDG_DATA_HOME/newsdex/index]
    // Not clap's `env`: it takes a set but empty NEWSDEX_INDEX for a missing value and
    // fails; `config::index_dir` reads the variable and treats empty as unset.
    #[arg(long, global = true, value_name = "PATH")]
    pub index: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index (or re-index) an archive directory
    Index(index::IndexArgs),
    /// Search the index
    Search(search::SearchArgs),
    /// Print one article in full
    Show(show::ShowArgs),
    /// Related coverage of one article (--follow: in date order)
    Similar(similar::SimilarArgs),
    /// Print document count, date range and size of the index
    Stats(stats::StatsArgs),
    /// Show what would be indexed from the given files (format, encoding, fields)
    Extract(extract::ExtractArgs),
    /// Coverage of a query over time: counts per day, week, month or year
    Timeline(aggregate::TimelineArgs),
    /// Top bylines, years or sources among the articles a query matches
    Facets(aggregate::FacetsArgs),
    /// Measure ranking quality against relevance judgments (MAP, P@10, nDCG@10, R@100)
    Eval(eval::EvalArgs),
    /// Serve a JSON API and a search page over HTTP (loopback by default)
    Serve(serve::ServeArgs),
    /// Write every article as an OpenSearch bulk stream or Quickwit NDJSON
    Export(export::ExportArgs),
    /// Load the index's articles into an OpenSearch cluster (incremental)
    Push(push::PushArgs),
}

/// Parses `args` and runs the command.
pub fn run<I, T>(args: I) -> Result<Status>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        // Help and version go to stdout (success), usage errors to stderr (failure).
        Err(e) => {
            let _ = e.print();
            return Ok(if e.use_stderr() {
                Status::Failed
            } else {
                Status::Success
            });
        }
    };
    let index = crate::config::index_dir(cli.index.as_deref());
    match cli.command {
        Command::Index(a) => index::run(a, index),
        Command::Search(a) => search::run(a, index),
        Command::Show(a) => show::run(a, index),
        Command::Similar(a) => similar::run(a, index),
        Command::Stats(a) => stats::run(a, index),
        Command::Extract(a) => extract::run(a, index),
        Command::Eval(a) => eval::run(a, index),
        Command::Timeline(a) => aggregate::timeline(a, index),
        Command::Facets(a) => aggregate::facets(a, index),
        Command::Serve(a) => serve::run(a, index),
        Command::Export(a) => export::run(a, index),
        Command::Push(a) => push::run(a, index),
    }
}
