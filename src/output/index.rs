//! What an indexing run prints: problems and a progress bar on stderr while it goes
//! (`Reporter`), and the summary at the end on stdout, as a line for people (its opening
//! clause in bold with colour) or JSON (`index-summary.schema.json`).

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::index::{FileError, IndexSummary, Observer, Progress, Severity};
use crate::output::term::{count, diag, paint, BOLD};

/// Prints problems as they happen and, when `bar` is set, a progress bar on stderr.
pub struct Reporter {
    bar: bool,
    /// `--quiet`: errors (skipped files) only, no warnings.
    quiet: bool,
    last_draw: Option<Instant>,
}

impl Reporter {
    pub fn new(bar: bool, quiet: bool) -> Self {
        Reporter {
            bar,
            quiet,
            last_draw: None,
        }
    }

    /// Erases the progress bar, if one was drawn.
    pub fn clear(&mut self) {
        if self.bar && self.last_draw.is_some() {
            diag(format_args!("\r\x1b[K"));
        }
    }
}

impl Observer for Reporter {
    fn problem(&mut self, e: &FileError, severity: Severity) {
        if self.quiet && severity == Severity::Warning {
            return;
        }
        self.clear();
        match severity {
            Severity::Skipped => diag(format_args!("newsdex: skipped {}: {}\n", e.path, e.reason)),
            Severity::Warning => diag(format_args!("newsdex: warning: {}: {}\n", e.path, e.reason)),
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
        diag(format_args!("\r\x1b[K{line}"));
    }
}

/// Prints the summary of a run: one JSON object with `json`, else one line.
pub fn summary(
    out: &mut dyn Write,
    s: &IndexSummary,
    index_dir: &Path,
    archive: &Path,
    json: bool,
    color: bool,
) -> std::io::Result<()> {
    if json {
        writeln!(out, "{}", summary_json(s, index_dir, archive))
    } else {
        writeln!(out, "{}", summary_line(s, index_dir, color))
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

fn summary_json(s: &IndexSummary, index_dir: &Path, archive: &Path) -> serde_json::Value {
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

fn summary_line(s: &IndexSummary, index_dir: &Path, color: bool) -> String {
    let head = format!(
        "Indexed {} from {}",
        plural(s.articles, "article"),
        plural(s.files(), "file")
    );
    let mut line = format!(
        "{} in {:.2} s into {}",
        paint(color, BOLD, &head),
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
    count(n, noun, &format!("{noun}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> IndexSummary {
        IndexSummary {
            articles: 3,
            new_files: 2,
            articles_added: 3,
            elapsed: Duration::from_millis(1500),
            ..Default::default()
        }
    }

    #[test]
    fn summary_line_counts_and_rate() {
        let mut buf = Vec::new();
        summary(
            &mut buf,
            &sample(),
            Path::new("/i"),
            Path::new("/a"),
            false,
            false,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "Indexed 3 articles from 2 files in 1.50 s into /i (2 new); 2 articles/s\n"
        );
    }

    #[test]
    fn summary_json_is_one_line() {
        let mut buf = Vec::new();
        summary(
            &mut buf,
            &sample(),
            Path::new("/i"),
            Path::new("/a"),
            true,
            true,
        )
        .unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["articles_added"], 3);
        assert_eq!(v["articles_per_second"], 2.0);
    }
}
