//! The human printer: numbered hits with title, date, byline, path and id, and a snippet
//! with matches in colour when colour is on. All article text is sanitised first.

use std::io::Write;

use crate::article::Article;
use crate::article::{ArticleDate, DatePrecision};
use crate::extract::explain::{Explanation, Weighed};
use crate::index::Manifest;
use crate::output::term::{count, paint, terminal_safe, BOLD, DIM, MATCH, RESET};
use crate::search::{SearchResults, Snippet, Stats};

/// Dates as people read them, only as precise as the source was.
pub fn human_date(d: &ArticleDate) -> String {
    let t = d.at;
    match d.precision {
        DatePrecision::Year => format!("{:04}", t.year()),
        DatePrecision::Month => format!("{:04}-{:02}", t.year(), t.month() as u8),
        DatePrecision::Day => format!("{:04}-{:02}-{:02}", t.year(), t.month() as u8, t.day()),
        DatePrecision::Minute => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}{}",
            t.year(),
            t.month() as u8,
            t.day(),
            t.hour(),
            t.minute(),
            zone(t)
        ),
        DatePrecision::Second => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}{}",
            t.year(),
            t.month() as u8,
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            zone(t)
        ),
    }
}

/// ` -05:00` after a time the source gave in another offset than UTC; nothing for UTC.
fn zone(t: time::OffsetDateTime) -> String {
    if t.offset().is_utc() {
        return String::new();
    }
    format!(" {}", crate::article::offset_text(t.offset()))
}

/// The snippet with highlights painted (or left plain without colour).
pub fn render_snippet(s: &Snippet, color: bool) -> String {
    if !color || s.highlights.is_empty() {
        return terminal_safe(&s.text, true);
    }
    let chars: Vec<char> = s.text.chars().collect();
    let piece = |r: &[char]| terminal_safe(&r.iter().collect::<String>(), true);
    let mut out = String::with_capacity(s.text.len() + 16 * s.highlights.len());
    let mut at = 0;
    for &[start, end] in &s.highlights {
        let (start, end) = (start.min(chars.len()), end.min(chars.len()));
        if start < at || end <= start {
            continue;
        }
        out.push_str(&piece(&chars[at..start]));
        out.push_str(MATCH);
        out.push_str(&piece(&chars[start..end]));
        out.push_str(RESET);
        at = end;
    }
    out.push_str(&piece(&chars[at..]));
    out
}

fn meta_line(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &a.fields.date {
        parts.push(human_date(d));
    }
    if let Some(b) = &a.fields.byline {
        parts.push(terminal_safe(b, true));
    }
    parts.push(terminal_safe(&a.path, true));
    parts.push(a.id.to_string());
    parts.join(" · ")
}

pub fn search(out: &mut dyn Write, r: &SearchResults, color: bool) -> std::io::Result<()> {
    let width = r.hits.last().map_or(1, |h| h.rank.to_string().len());
    for h in &r.hits {
        let title = h
            .article
            .fields
            .title
            .as_deref()
            .map_or_else(|| "(untitled)".to_string(), |t| terminal_safe(t, true));
        let indent = " ".repeat(width + 2);
        writeln!(out, "{:>width$}. {}", h.rank, paint(color, BOLD, &title))?;
        let mut meta = meta_line(&h.article);
        if !h.copies.is_empty() {
            let n = h.copies.len();
            meta.push_str(&format!(" · +{}", count(n, "copy", "copies")));
        }
        writeln!(out, "{indent}{}", paint(color, DIM, &meta))?;
        for passage in h.passages.iter().filter(|p| !p.text.is_empty()) {
            writeln!(out, "{indent}{}", render_snippet(passage, color))?;
        }
        writeln!(out)?;
    }
    let count_only = r.limit == 0 && r.total_hits > 0;
    let shown = if count_only {
        format!("{} for {:?}", count(r.total_hits, "hit", "hits"), r.query)
    } else if r.hits.is_empty() {
        match &r.did_you_mean {
            Some(s) => format!(
                "No hits for {:?}. Did you mean {:?}?",
                r.query,
                terminal_safe(s, true)
            ),
            None => format!("No hits for {:?}", r.query),
        }
    } else {
        let folded: usize = r.hits.iter().map(|h| h.copies.len()).sum();
        format!(
            "Showing {}-{} of {} for {:?}{}",
            r.offset + 1,
            r.offset + r.hits.len(),
            count(r.total_hits, "hit", "hits"),
            r.query,
            match folded {
                0 => String::new(),
                n => format!(" ({} folded)", count(n, "copy", "copies")),
            }
        )
    };
    let more = if r.has_more && !r.hits.is_empty() {
        format!(" (next page: --offset {})", r.offset + r.hits.len())
    } else if r.hits.is_empty() && r.total_hits > 0 && !count_only {
        format!(
            " ({} in all; --offset is past the end)",
            count(r.total_hits, "hit", "hits")
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}",
        paint(
            color,
            DIM,
            &format!("{shown}{more} ({:.1} ms)", r.took.as_secs_f64() * 1000.0)
        )
    )
}

pub fn article(
    out: &mut dyn Write,
    a: &Article,
    copies: &crate::search::Copies,
    color: bool,
) -> std::io::Result<()> {
    let title = a.fields.title.as_deref().unwrap_or("(untitled)");
    writeln!(out, "{}", paint(color, BOLD, &terminal_safe(title, true)))?;
    writeln!(out, "{}", paint(color, DIM, &meta_line(a)))?;
    writeln!(out)?;
    writeln!(out, "{}", terminal_safe(&a.fields.body, false))?;
    if !copies.copies.is_empty() {
        let cluster = copies
            .cluster
            .map(|c| format!(" (cluster {c:016x})"))
            .unwrap_or_default();
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint(
                color,
                BOLD,
                &format!("{}{cluster}:", count(copies.copies.len(), "copy", "copies"))
            )
        )?;
        for c in &copies.copies {
            let date = c
                .date
                .map(|d| crate::article::rfc3339(d.at))
                .unwrap_or_else(|| "-".into());
            writeln!(
                out,
                "  {}  {}  {}",
                c.id,
                date,
                terminal_safe(&c.path, true)
            )?;
        }
    }
    Ok(())
}

/// `newsdex extract`: every field, labelled, then the body.
pub fn extracted(out: &mut dyn Write, a: &Article, color: bool) -> std::io::Result<()> {
    let none = || "-".to_string();
    let f = &a.fields;
    writeln!(
        out,
        "{}",
        paint(
            color,
            BOLD,
            &format!(
                "== {} ({}, {})",
                terminal_safe(&a.path, true),
                a.format,
                a.encoding
            )
        )
    )?;
    writeln!(
        out,
        "title:     {}",
        f.title
            .as_deref()
            .map_or_else(none, |t| terminal_safe(t, true))
    )?;
    writeln!(
        out,
        "date:      {}",
        f.date.map_or_else(none, |d| format!(
            "{} ({})",
            crate::article::rfc3339(d.at),
            d.precision.as_str()
        ))
    )?;
    writeln!(
        out,
        "byline:    {}",
        f.byline
            .as_deref()
            .map_or_else(none, |b| terminal_safe(b, true))
    )?;
    writeln!(
        out,
        "authors:   {}",
        if f.authors.is_empty() {
            none()
        } else {
            terminal_safe(&f.authors.join("; "), true)
        }
    )?;
    if let Some(s) = &f.source_id {
        writeln!(out, "source id: {}", terminal_safe(s, true))?;
    }
    writeln!(out, "id:        {}", a.id)?;
    writeln!(out, "body:      {} characters", f.body.chars().count())?;
    writeln!(out)?;
    writeln!(out, "{}", terminal_safe(&f.body, false))?;
    writeln!(out)
}

/// `newsdex extract --explain`: for each field the rule that chose it, its confidence,
/// the input lines it came from and the runner-up; printed after the article.
pub fn explanation(out: &mut dyn Write, e: &Explanation, color: bool) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        paint(color, BOLD, &format!("why ({} extractor):", e.extractor))
    )?;
    for f in &e.fields {
        let mut line = match f.rule {
            Some(rule) => format!("  {:<7} {rule}", f.field),
            None => format!(
                "  {:<7} (empty: no candidate reached the threshold)",
                f.field
            ),
        };
        if let Some(c) = f.confidence {
            line.push_str(&format!(", confidence {c:.2}"));
        }
        if let Some(lines) = f.lines {
            line.push_str(&format!(", {}", line_span(lines)));
        }
        writeln!(out, "{line}")?;
        // Detail lines under the field, indented and dim.
        let mut detail =
            |text: String| writeln!(out, "{}", paint(color, DIM, &format!("          {text}")));
        if let Some(top) = f
            .candidates
            .first()
            .filter(|c| f.rule.is_some() && !c.signals.is_empty())
        {
            detail(format!(
                "score {:.2}: {}",
                top.score,
                strongest(&top.signals)
            ))?;
        }
        if let Some(r) = &f.runner_up {
            detail(format!(
                "runner-up: {:?} ({}, {})",
                terminal_safe(&r.value, true),
                r.rule,
                line_span(r.lines)
            ))?;
        }
    }
    if let Some(units) = &e.units {
        let body = units.iter().filter(|u| u.in_body).count();
        writeln!(
            out,
            "  {} lines read, {body} in the body (--format json lists each with its class)",
            units.len()
        )?;
    }
    writeln!(out)
}

/// The signals of a candidate that weigh most, as `name +contribution`; at most six.
fn strongest(signals: &std::collections::BTreeMap<&'static str, Weighed>) -> String {
    let part = |s: &Weighed| s.value * s.weight;
    let mut v: Vec<_> = signals.iter().collect();
    v.sort_by(|a, b| {
        part(b.1)
            .abs()
            .total_cmp(&part(a.1).abs())
            .then(a.0.cmp(b.0))
    });
    let shown: Vec<String> = v
        .iter()
        .take(6)
        .map(|(k, s)| format!("{k} {:+.2}", part(s)))
        .collect();
    let more = v.len().saturating_sub(6);
    if more > 0 {
        format!(
            "{} (+{more} more; --format json lists them)",
            shown.join(" ")
        )
    } else {
        shown.join(" ")
    }
}

fn line_span((first, last): (usize, usize)) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}-{last}")
    }
}

/// `newsdex stats`: one labelled line per figure, labels in bold with colour.
pub fn stats(
    out: &mut dyn Write,
    s: &Stats,
    m: &Manifest,
    index_dir: &std::path::Path,
    color: bool,
) -> std::io::Result<()> {
    let day = |t: Option<time::OffsetDateTime>| {
        t.map_or_else(
            || "-".to_string(),
            |t| {
                human_date(&ArticleDate {
                    at: t,
                    precision: DatePrecision::Day,
                })
            },
        )
    };
    let rows = [
        ("index", index_dir.display().to_string()),
        ("archive", m.archive.display().to_string()),
        ("articles", s.articles.to_string()),
        ("dated", s.dated.to_string()),
        (
            "date range",
            format!("{} .. {}", day(s.earliest), day(s.latest)),
        ),
        ("size", human_bytes(s.size_bytes)),
        ("segments", s.segments.to_string()),
        (
            "indexed at",
            m.indexed_at
                .as_deref()
                .unwrap_or("(first run in progress)")
                .to_string(),
        ),
        ("schema", format!("v{}", m.schema_version)),
    ];
    for (label, value) in rows {
        writeln!(
            out,
            "{} {value}",
            paint(color, BOLD, &format!("{label:<11}"))
        )?;
    }
    Ok(())
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_highlights_are_painted_only_with_colour() {
        let s = Snippet {
            text: "the lighthouse keeper".into(),
            highlights: vec![[4, 14]],
        };
        assert_eq!(render_snippet(&s, false), "the lighthouse keeper");
        assert_eq!(
            render_snippet(&s, true),
            "the \x1b[1;31mlighthouse\x1b[0m keeper"
        );
    }

    #[test]
    fn article_escape_sequences_never_reach_the_terminal() {
        let s = Snippet {
            text: "evil\u{1b}]0;title\u{7} text".into(),
            highlights: vec![[0, 4]],
        };
        let painted = render_snippet(&s, true);
        assert_eq!(painted, "\x1b[1;31mevil\x1b[0m]0;title text");
    }

    #[test]
    fn bytes_are_human() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
    }
}
