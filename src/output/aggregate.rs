//! Printers for timelines and facets: a bar chart for people (bars in colour, the closing
//! count dimmed, when colour is on), JSON (`timeline.schema.json`, `facets.schema.json`)
//! and CSV for plotting.

use std::io::Write;

use crate::output::csv::{csv_io, csv_writer};
use crate::output::format::Format;
use crate::output::term::{count, paint, terminal_safe, BAR, DIM};
use crate::search::aggregate::{Facets, Interval, Timeline};

const BAR_WIDTH: usize = 50;

fn bar(value: f64, max: f64, width: usize) -> String {
    if max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    let eighths = ((value / max) * (width * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    if s.is_empty() {
        s.push('▏');
    }
    s
}

fn label(t: &Timeline, start: &str) -> String {
    match t.by {
        crate::search::aggregate::Interval::Year => start[..4].to_string(),
        crate::search::aggregate::Interval::Month => start[..7].to_string(),
        _ => start.to_string(),
    }
}

/// Prints a timeline in `format` (text, JSON or CSV; JSON Lines prints JSON).
pub fn timeline(
    out: &mut dyn Write,
    t: &Timeline,
    format: Format,
    color: bool,
) -> std::io::Result<()> {
    match format {
        Format::Text => timeline_text(out, t, color),
        Format::Csv => timeline_csv(out, t),
        Format::Json | Format::Jsonl => pretty_json(out, t),
    }
}

/// Prints facet counts in `format` (text, JSON or CSV; JSON Lines prints JSON).
pub fn facets(out: &mut dyn Write, f: &Facets, format: Format, color: bool) -> std::io::Result<()> {
    match format {
        Format::Text => facets_text(out, f, color),
        Format::Csv => facets_csv(out, f),
        Format::Json | Format::Jsonl => pretty_json(out, f),
    }
}

fn pretty_json(out: &mut dyn Write, v: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, v)?;
    writeln!(out)
}

pub fn timeline_text(out: &mut dyn Write, t: &Timeline, color: bool) -> std::io::Result<()> {
    let normalized = t.buckets.iter().any(|b| b.share.is_some());
    let max = t
        .buckets
        .iter()
        .map(|b| {
            if normalized {
                b.share.unwrap_or(0.0)
            } else {
                b.count as f64
            }
        })
        .fold(0.0, f64::max);
    for b in &t.buckets {
        let value = if normalized {
            b.share.unwrap_or(0.0)
        } else {
            b.count as f64
        };
        let figure = match (b.share, b.total) {
            (Some(share), Some(total)) => {
                format!("{:5.1}%  ({}/{})", share * 100.0, b.count, total)
            }
            _ => b.count.to_string(),
        };
        // Padded before painting: escape codes have no width on screen.
        let drawn = format!(
            "{:<width$}",
            bar(value, max, BAR_WIDTH),
            width = BAR_WIDTH + 1
        );
        writeln!(
            out,
            "{:<10} {} {figure}",
            label(t, &b.start),
            paint(color, BAR, &drawn)
        )?;
    }
    let mut undated = String::new();
    if t.undated > 0 {
        undated.push_str(&format!(", {} undated (not shown)", t.undated));
    }
    if t.coarse > 0 {
        let span = if t.by == Interval::Month {
            "the year"
        } else {
            "the month or year"
        };
        undated.push_str(&format!(", {} dated only to {span} (not shown)", t.coarse));
    }
    // Every match, shown or not: "1 article matches", not "0 ..., 1 undated".
    let all = t.matched + t.undated + t.coarse;
    let summary = format!(
        "{} {:?}{undated}",
        count(all, "article matches", "articles match"),
        terminal_safe(&t.query, true)
    );
    writeln!(out, "{}", paint(color, DIM, &summary))
}

pub fn timeline_csv(out: &mut dyn Write, t: &Timeline) -> std::io::Result<()> {
    let mut w = csv_writer(out);
    w.write_record(["start", "count", "total", "share"])
        .map_err(csv_io)?;
    for b in &t.buckets {
        w.write_record([
            b.start.clone(),
            b.count.to_string(),
            b.total.map(|t| t.to_string()).unwrap_or_default(),
            b.share.map(|s| format!("{s:.6}")).unwrap_or_default(),
        ])
        .map_err(csv_io)?;
    }
    w.flush()
}

pub fn facets_text(out: &mut dyn Write, f: &Facets, color: bool) -> std::io::Result<()> {
    let width = f
        .values
        .iter()
        .map(|v| v.value.chars().count())
        .max()
        .unwrap_or(5)
        .min(40);
    let max = f.values.first().map_or(0.0, |v| v.count as f64);
    for v in &f.values {
        let name: String = terminal_safe(&v.value, true).chars().take(40).collect();
        writeln!(
            out,
            "{name:<width$}  {:>6}  {}",
            v.count,
            paint(color, BAR, &bar(v.count as f64, max, 30))
        )?;
    }
    let summary = format!(
        "{} matched; {} without a value",
        count(f.matched, "article", "articles"),
        f.missing
    );
    writeln!(out, "{}", paint(color, DIM, &summary))
}

pub fn facets_csv(out: &mut dyn Write, f: &Facets) -> std::io::Result<()> {
    let mut w = csv_writer(out);
    w.write_record(["value", "count"]).map_err(csv_io)?;
    for v in &f.values {
        w.write_record([v.value.clone(), v.count.to_string()])
            .map_err(csv_io)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_maximum() {
        assert_eq!(bar(10.0, 10.0, BAR_WIDTH).chars().count(), BAR_WIDTH);
        assert_eq!(bar(5.0, 10.0, 30).chars().count(), 15);
        assert_eq!(bar(0.0, 10.0, 30), "");
        assert_eq!(bar(0.01, 10.0, 30), "▏");
        assert_eq!(bar(5.0, 0.0, 30), "");
    }
}
