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

use clap::{Args, FromArgMatches, Parser};

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

/// The subcommand given, with its arguments (`SUBCOMMANDS` describes each).
#[derive(Debug)]
pub enum Command {
    Index(index::IndexArgs),
    Search(search::SearchArgs),
    Show(show::ShowArgs),
    Similar(similar::SimilarArgs),
    Stats(stats::StatsArgs),
    Extract(extract::ExtractArgs),
    Timeline(aggregate::TimelineArgs),
    Facets(aggregate::FacetsArgs),
    Eval(eval::EvalArgs),
    Serve(serve::ServeArgs),
    Export(export::ExportArgs),
    Push(push::PushArgs),
}

/// The subcommands, each built only when it is the one given (`Command::defer`): a
/// search does not pay for constructing every other command's arguments, which was 4%
/// of a whole-process search. Help lists them all with their one-line descriptions.
impl clap::Subcommand for Command {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        cmd.subcommands(
            SUBCOMMANDS
                .iter()
                .map(|&(name, about, args)| clap::Command::new(name).about(about).defer(args)),
        )
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        SUBCOMMANDS.iter().any(|&(n, _, _)| n == name)
    }
}

/// Adds a subcommand's arguments to it.
type AddArgs = fn(clap::Command) -> clap::Command;

/// Each subcommand's name, one-line description and arguments (built when it is used).
const SUBCOMMANDS: &[(&str, &str, AddArgs)] = &[
    (
        "index",
        "Index (or re-index) an archive directory",
        with_args::<index::IndexArgs>,
    ),
    (
        "search",
        "Search the index",
        with_args::<search::SearchArgs>,
    ),
    (
        "show",
        "Print one article in full",
        with_args::<show::ShowArgs>,
    ),
    (
        "similar",
        "Related coverage of one article (--follow: in date order)",
        with_args::<similar::SimilarArgs>,
    ),
    (
        "stats",
        "Print document count, date range and size of the index",
        with_args::<stats::StatsArgs>,
    ),
    (
        "extract",
        "Show what would be indexed from the given files (format, encoding, fields)",
        with_args::<extract::ExtractArgs>,
    ),
    (
        "timeline",
        "Coverage of a query over time: counts per day, week, month or year",
        with_args::<aggregate::TimelineArgs>,
    ),
    (
        "facets",
        "Top bylines, years or sources among the articles a query matches",
        with_args::<aggregate::FacetsArgs>,
    ),
    (
        "eval",
        "Measure ranking quality against relevance judgments (MAP, P@10, nDCG@10, R@100)",
        with_args::<eval::EvalArgs>,
    ),
    (
        "serve",
        "Serve a JSON API and a search page over HTTP (loopback by default)",
        with_args::<serve::ServeArgs>,
    ),
    (
        "export",
        "Write every article as an OpenSearch bulk stream or Quickwit NDJSON",
        with_args::<export::ExportArgs>,
    ),
    (
        "push",
        "Load the index's articles into an OpenSearch cluster (incremental)",
        with_args::<push::PushArgs>,
    ),
];

/// `cmd` with the arguments of `A`, keeping the description it was given: a flattened
/// argument group's doc comment would otherwise stand in for it in the subcommand's help.
fn with_args<A: Args>(cmd: clap::Command) -> clap::Command {
    let about = cmd.get_about().cloned();
    let cmd = A::augment_args(cmd);
    match about {
        Some(about) => cmd.about(about).long_about(None),
        None => cmd,
    }
}

impl FromArgMatches for Command {
    fn from_arg_matches(matches: &clap::ArgMatches) -> std::result::Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut matches.clone())
    }

    fn from_arg_matches_mut(
        matches: &mut clap::ArgMatches,
    ) -> std::result::Result<Self, clap::Error> {
        let Some((name, mut sub)) = matches.remove_subcommand() else {
            return Err(clap::Error::new(clap::error::ErrorKind::MissingSubcommand));
        };
        let sub = &mut sub;
        Ok(match name.as_str() {
            "index" => Command::Index(index::IndexArgs::from_arg_matches_mut(sub)?),
            "search" => Command::Search(search::SearchArgs::from_arg_matches_mut(sub)?),
            "show" => Command::Show(show::ShowArgs::from_arg_matches_mut(sub)?),
            "similar" => Command::Similar(similar::SimilarArgs::from_arg_matches_mut(sub)?),
            "stats" => Command::Stats(stats::StatsArgs::from_arg_matches_mut(sub)?),
            "extract" => Command::Extract(extract::ExtractArgs::from_arg_matches_mut(sub)?),
            "timeline" => Command::Timeline(aggregate::TimelineArgs::from_arg_matches_mut(sub)?),
            "facets" => Command::Facets(aggregate::FacetsArgs::from_arg_matches_mut(sub)?),
            "eval" => Command::Eval(eval::EvalArgs::from_arg_matches_mut(sub)?),
            "serve" => Command::Serve(serve::ServeArgs::from_arg_matches_mut(sub)?),
            "export" => Command::Export(export::ExportArgs::from_arg_matches_mut(sub)?),
            "push" => Command::Push(push::PushArgs::from_arg_matches_mut(sub)?),
            _ => return Err(clap::Error::new(clap::error::ErrorKind::InvalidSubcommand)),
        })
    }

    fn update_from_arg_matches(
        &mut self,
        matches: &clap::ArgMatches,
    ) -> std::result::Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every subcommand of the table parses into its own variant, with its arguments
    /// built (the deferred part) and the global `--index` after it.
    #[test]
    fn every_subcommand_parses_into_its_variant() {
        let cases: &[&[&str]] = &[
            &["index", "dir"],
            &["search", "q"],
            &["show", "id"],
            &["similar", "id"],
            &["stats"],
            &["extract", "f.txt"],
            &["timeline", "q"],
            &["facets", "byline"],
            &["eval", "--topics", "t", "--qrels", "q"],
            &["serve"],
            &["export", "--to", "opensearch-bulk"],
            &["push", "--url", "http://127.0.0.1:9200"],
        ];
        assert_eq!(cases.len(), SUBCOMMANDS.len());
        for (case, &(name, _, _)) in cases.iter().zip(SUBCOMMANDS) {
            assert_eq!(case[0], name);
            let argv = ["newsdex"]
                .iter()
                .chain(case.iter())
                .chain(&["--index", "i"]);
            let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(cli.index.as_deref(), Some(std::path::Path::new("i")));
            let variant = format!("{:?}", cli.command);
            assert!(
                variant.to_lowercase().starts_with(name),
                "{name} parsed as {variant}"
            );
        }
        assert!(Cli::try_parse_from(["newsdex", "bogus"]).is_err());
    }
}
