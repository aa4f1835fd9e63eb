//! The `eval` report: a table of trec_eval's measures per topic and their means (header and
//! mean rows in bold with colour), or the report as JSON (`eval.schema.json`).

use std::io::Write;

use crate::eval::Report;
use crate::output::format::Format;
use crate::output::term::{count, paint, BOLD};

/// Prints `report` as a table (text) or JSON (every other format).
pub fn report(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    color: bool,
) -> std::io::Result<()> {
    match format {
        Format::Text => table(out, report, color),
        Format::Json | Format::Jsonl | Format::Csv => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)
        }
    }
}

fn table(out: &mut dyn Write, report: &Report, color: bool) -> std::io::Result<()> {
    let header = format!(
        "{:<10} {:>7} {:>7} {:>8} {:>8} {:>5} {:>5}",
        "topic", "AP", "P@10", "nDCG@10", "R@100", "rel", "found"
    );
    writeln!(out, "{}", paint(color, BOLD, &header))?;
    for t in &report.topics {
        writeln!(
            out,
            "{:<10} {:>7.4} {:>7.4} {:>8.4} {:>8.4} {:>5} {:>5}",
            t.topic, t.ap, t.p_10, t.ndcg_10, t.recall_100, t.relevant, t.relevant_retrieved
        )?;
    }
    let judged = report.topics.len() - report.unjudged.len();
    let mean = format!(
        "{:<10} {:>7.4} {:>7.4} {:>8.4} {:>8.4}",
        "mean", report.map, report.p_10, report.ndcg_10, report.recall_100,
    );
    writeln!(
        out,
        "{}   ({} with judgments{})",
        paint(color, BOLD, &mean),
        count(judged, "topic", "topics"),
        if report.unjudged.is_empty() {
            String::new()
        } else {
            format!("; {} without, not averaged", report.unjudged.len())
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::TopicScore;

    fn sample() -> Report {
        Report {
            topics: vec![TopicScore {
                topic: "401".into(),
                ap: 0.5,
                p_10: 0.1,
                ndcg_10: 0.25,
                recall_100: 1.0,
                retrieved: 3,
                relevant: 1,
                relevant_retrieved: 1,
            }],
            unjudged: vec![],
            map: 0.5,
            p_10: 0.1,
            ndcg_10: 0.25,
            recall_100: 1.0,
            runs: vec![],
        }
    }

    #[test]
    fn table_rows_and_means() {
        let mut buf = Vec::new();
        report(&mut buf, &sample(), Format::Text, false).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(
            text,
            "topic           AP    P@10  nDCG@10    R@100   rel found\n\
             401         0.5000  0.1000   0.2500   1.0000     1     1\n\
             mean        0.5000  0.1000   0.2500   1.0000   (1 topic with judgments)\n"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let mut plain = Vec::new();
        report(&mut plain, &sample(), Format::Text, false).unwrap();
        assert!(!plain.contains(&0x1b));
        let mut painted = Vec::new();
        report(&mut painted, &sample(), Format::Text, true).unwrap();
        assert!(String::from_utf8(painted).unwrap().contains(BOLD));
    }
}
