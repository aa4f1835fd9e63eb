//! `newsdex index ARCHIVE_DIR`: build or refresh the index incrementally; report per-file
//! problems on stderr as they happen, a progress bar on a terminal, and a summary at the end.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use serde_json::json;

use crate::error::Result;
use crate::index::{self, FileError, IndexRequest, IndexSummary, Observer, Progress, Severity};

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
    pub as_format: Option<crate::cli::extract::InputFormat>,

    #[command(flatten)]
    pub mapping: crate::cli::extract::JsonMappingArgs,
}

/// Prints problems as they happen and a progress bar on a terminal.
struct Reporter {
    bar: bool,
    /// `--quiet`: errors (skipped files) only, no warnings.
    quiet: bool,
    last_draw: Option<Instant>,
}

impl Observer for Reporter {
    fn problem(&mut self, e: &FileError, severity: Severity) {
        if self.quiet && severity == Severity::Warning {
            return;
        }
        self.clear();
        match severity {
            Severity::Skipped => {
                crate::cli::diag(format_args!("newsdex: skipped {}: {}\n", e.path, e.reason))
            }
            Severity::Warning => {
                crate::cli::diag(format_args!("newsdex: warning: {}: {}\n", e.path, e.reason))
            }
        }
    }

    fn progress(&mut self, p: &Progress) {
        if !self.bar
            || self
                .last_draw
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last_draw = Some(Instant::now());
        let secs = p.elapsed.as_secs_f64().max(0.001);
        let rate = p.articles_added as f64 / secs;
        let line = match p.files_total {
            Some(total) if total > 0 => {
                let frac = (p.files_done as f64 / total as f64).min(1.0);
                let filled = (frac * 24.0) as usize;
                let eta = if frac > 0.0 { secs / frac - secs } else { 0.0 };
                format!(
                    "[{}{}] {}/{} files · {} · {:.0} articles/s · ETA {:.0}s",
                    "=".repeat(filled),
                    " ".repeat(24 - filled),
                    p.files_done,
                    total,
                    plural(p.articles_added, "article"),
                    rate,
                    eta
                )
            }
            _ => format!(
                "{} · {} · {:.0} articles/s",
                plural(p.files_done, "file"),
                plural(p.articles_added, "article"),
                rate
            ),
        };
        crate::cli::diag(format_args!("\r\x1b[K{line}"));
    }
}

impl Reporter {
    fn clear(&mut self) {
        if self.bar && self.last_draw.is_some() {
            crate::cli::diag(format_args!("\r\x1b[K"));
        }
    }
}

pub fn run(a: IndexArgs, index_dir: PathBuf) -> Result<ExitCode> {
    let bar = !a.quiet && !a.json && std::io::stderr().is_terminal();
    let mut req = IndexRequest::new(a.archive.clone(), index_dir.clone());
    req.rebuild = a.rebuild;
    req.follow_links = a.follow_links;
    req.memory_budget = a.memory.saturating_mul(1_000_000);
    req.threads = a.threads;
    req.commit_every = a.commit_every.max(1);
    req.count_first = bar;
    req.read.force_format = a.as_format.map(Into::into);
    req.read.extract.json = a.mapping.to_mapping();
    let mut reporter = Reporter {
        bar,
        quiet: a.quiet,
        last_draw: None,
    };
    let summary = index::build(&req, &mut reporter)?;
    reporter.clear();
    let code = if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    };
    let mut out = std::io::stdout().lock();
    let written = if a.json {
        writeln!(out, "{}", summary_json(&summary, &index_dir, &a.archive))
    } else if !a.quiet {
        writeln!(out, "{}", summary_line(&summary, &index_dir))
    } else {
        Ok(())
    };
    match written {
        // The run is done whoever reads the summary: a reader that went away
        // (`| head -1`) does not turn skipped files into success.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(code),
    }
}

fn per_second(n: u64, elapsed: Duration) -> f64 {
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 {
        (n as f64 / secs * 10.0).round() / 10.0
    } else {
        0.0
    }
}

fn summary_json(
    s: &IndexSummary,
    index_dir: &std::path::Path,
    archive: &std::path::Path,
) -> serde_json::Value {
    let problems = |v: &[FileError]| -> Vec<serde_json::Value> {
        v.iter()
            .map(|e| json!({"path": e.path, "reason": e.reason}))
            .collect()
    };
    let by_reason: serde_json::Map<String, serde_json::Value> = s
        .failures_by_reason()
        .into_iter()
        .map(|(k, n)| (k, json!(n)))
        .collect();
    json!({
        "index": index_dir.display().to_string(),
        "archive": archive.display().to_string(),
        "articles": s.articles,
        "files": s.files(),
        "new_files": s.new_files,
        "updated_files": s.updated_files,
        "deleted_files": s.deleted_files,
        "unchanged_files": s.unchanged_files,
        "articles_added": s.articles_added,
        "articles_deleted": s.articles_deleted,
        "unsupported": s.unsupported,
        "not_text": s.not_text,
        "skipped": s.failed.len(),
        "skipped_by_reason": by_reason,
        "failed": problems(&s.failed),
        "warnings": problems(&s.warnings),
        "commits": s.commits,
        "elapsed_ms": s.elapsed.as_millis() as u64,
        "articles_per_second": per_second(s.articles_added, s.elapsed),
    })
}

fn summary_line(s: &IndexSummary, index_dir: &std::path::Path) -> String {
    let mut line = format!(
        "Indexed {} from {} in {:.2} s into {}",
        plural(s.articles, "article"),
        plural(s.files(), "file"),
        s.elapsed.as_secs_f64(),
        index_dir.display()
    );
    let mut changes = Vec::new();
    for (n, what) in [
        (s.new_files, "new"),
        (s.updated_files, "updated"),
        (s.deleted_files, "deleted"),
        (s.unchanged_files, "unchanged"),
    ] {
        if n > 0 {
            changes.push(format!("{n} {what}"));
        }
    }
    if !changes.is_empty() {
        line.push_str(&format!(" ({})", changes.join(", ")));
    }
    if s.articles_added > 0 {
        line.push_str(&format!(
            "; {:.0} articles/s",
            per_second(s.articles_added, s.elapsed)
        ));
    }
    if !s.failed.is_empty() {
        let reasons: Vec<String> = s
            .failures_by_reason()
            .into_iter()
            .map(|(r, n)| format!("{n} {r}"))
            .collect();
        line.push_str(&format!(
            "; {} skipped: {} (listed above)",
            plural(s.failed.len() as u64, "file"),
            reasons.join(", ")
        ));
    }
    if !s.warnings.is_empty() {
        line.push_str(&format!(
            "; {} (above)",
            plural(s.warnings.len() as u64, "warning")
        ));
    }
    if s.unsupported > 0 {
        line.push_str(&format!(
            "; {} not read (not an article by its name)",
            plural(s.unsupported, "file")
        ));
    }
    if s.not_text > 0 {
        line.push_str(&format!(
            "; {} without article text (pictures, packages of links)",
            plural(s.not_text, "file")
        ));
    }
    line
}

fn plural(n: u64, noun: &str) -> String {
    crate::output::count(n, noun, &format!("{noun}s"))
}
