//! `newsdex index ARCHIVE_DIR`: build or refresh the index, report per-file problems on
//! stderr as they happen, and a one-line summary at the end.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::error::Result;
use crate::index::{self, FileError, IndexRequest, Severity};

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// The archive directory to index
    #[arg(value_name = "ARCHIVE_DIR")]
    pub archive: PathBuf,

    /// Delete the index and build it from scratch (needed after a schema change)
    #[arg(long)]
    pub rebuild: bool,

    /// Follow symbolic links inside the archive (loops are detected and reported)
    #[arg(long)]
    pub follow_links: bool,

    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,

    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,

    /// Indexing threads [default: number of cores, at most 8]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Memory budget of the index writer, in MB
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub memory: usize,
}

pub fn run(a: IndexArgs, index_dir: PathBuf) -> Result<ExitCode> {
    let req = IndexRequest {
        archive: a.archive.clone(),
        index_dir: index_dir.clone(),
        rebuild: a.rebuild,
        follow_links: a.follow_links,
        memory_budget: a.memory.saturating_mul(1_000_000),
        threads: a.threads,
        read: Default::default(),
    };
    // --quiet prints nothing but errors: a file that could not be read is one, a problem
    // with part of a file that still indexed (a malformed JSON line) is not.
    let quiet = a.quiet;
    let report = |e: &FileError, severity: Severity| match severity {
        Severity::Skipped => eprintln!("newsdex: skipped {}: {}", e.path, e.reason),
        Severity::Warning if quiet => {}
        Severity::Warning => eprintln!("newsdex: warning: {}: {}", e.path, e.reason),
    };
    let summary = index::build(&req, report)?;
    let mut out = std::io::stdout().lock();
    if a.json {
        let failed: Vec<_> = summary
            .failed
            .iter()
            .map(|e| serde_json::json!({"path": e.path, "reason": e.reason}))
            .collect();
        let doc = serde_json::json!({
            "index": index_dir.display().to_string(),
            "archive": a.archive.display().to_string(),
            "articles": summary.articles,
            "files": summary.files,
            "unsupported": summary.unsupported,
            "failed": failed,
            "warnings": summary.warnings.iter().map(|e| serde_json::json!({"path": e.path, "reason": e.reason})).collect::<Vec<_>>(),
            "elapsed_ms": summary.elapsed.as_millis() as u64,
        });
        writeln!(out, "{doc}")?;
    } else if !a.quiet {
        let secs = summary.elapsed.as_secs_f64();
        let mut line = format!(
            "Indexed {} from {} in {:.2} s into {}",
            plural(summary.articles, "article"),
            plural(summary.files, "file"),
            secs,
            index_dir.display()
        );
        if !summary.failed.is_empty() {
            let n = summary.failed.len() as u64;
            line.push_str(&format!("; {} skipped (errors above)", plural(n, "file")));
        }
        if !summary.warnings.is_empty() {
            let n = summary.warnings.len() as u64;
            line.push_str(&format!("; {} (above)", plural(n, "warning")));
        }
        if summary.unsupported > 0 {
            line.push_str(&format!(
                "; {} not in a supported format",
                plural(summary.unsupported, "file")
            ));
        }
        writeln!(out, "{line}")?;
    }
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
