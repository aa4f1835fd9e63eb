//! What `newsdex push` prints: a progress bar on stderr while it goes, and the summary on
//! stdout, as lines for people or one JSON object.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::opensearch::push::{PushProgress, PushSummary};
use crate::output::term::diag;

/// The progress bar, drawn at most ten times a second when enabled.
pub struct Bar {
    enabled: bool,
    last: Option<Instant>,
}

impl Bar {
    pub fn new(enabled: bool) -> Self {
        Bar {
            enabled,
            last: None,
        }
    }

    pub fn draw(&mut self, p: &PushProgress) {
        let finished = p.done == p.total;
        if !self.enabled
            || (!finished
                && self
                    .last
                    .is_some_and(|t| t.elapsed() < Duration::from_millis(100)))
        {
            return;
        }
        self.last = Some(Instant::now());
        let frac = if p.total == 0 {
            1.0
        } else {
            (p.done as f64 / p.total as f64).min(1.0)
        };
        let filled = (frac * 24.0) as usize;
        let secs = p.elapsed.as_secs_f64().max(0.001);
        diag(format_args!(
            "\r\x1b[K[{}{}] {}/{} articles · {:.0}/s",
            "=".repeat(filled),
            " ".repeat(24 - filled),
            p.done,
            p.total,
            p.done as f64 / secs
        ));
    }

    /// Erases the bar, if one was drawn.
    pub fn clear(&mut self) {
        if self.enabled && self.last.is_some() {
            diag(format_args!("\r\x1b[K"));
        }
    }
}

/// Prints the summary: one JSON object with `json`, else a few lines.
pub fn summary(out: &mut dyn Write, s: &PushSummary, json: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, s)?;
        return writeln!(out);
    }
    let verb = if s.created {
        "Loaded"
    } else if s.resumed {
        "Finished loading"
    } else {
        "Updated"
    };
    writeln!(
        out,
        "{verb} {} ({} documents) at {}: {} added, {} updated, {} deleted, {} unchanged in {:.1} s",
        s.index,
        s.documents,
        s.url,
        s.added,
        s.updated,
        s.deleted,
        s.unchanged,
        s.took.as_secs_f64()
    )?;
    if !s.replaced.is_empty() {
        writeln!(
            out,
            "The alias {} now points at {} instead of {} (left in place; delete when no longer needed).",
            s.alias,
            s.index,
            s.replaced.join(", ")
        )?;
    } else if s.created {
        writeln!(out, "The alias {} points at {}.", s.alias, s.index)?;
    }
    for e in &s.errors {
        writeln!(out, "refused: {} ({}): {}", e.path, e.id, e.reason)?;
    }
    if s.failed > 0 {
        writeln!(
            out,
            "{} articles were refused; the next push sends them again.",
            s.failed
        )?;
    }
    Ok(())
}
