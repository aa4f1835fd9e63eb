//! Ranking evaluation: topics and relevance judgments in, trec_eval's measures out.
//!
//! Each topic runs as an OR query (topics are long descriptions: requiring every word
//! would find nothing) over the same ranking the `search` command uses, to a depth of
//! 1,000. Measures follow trec_eval's definitions:
//! - AP (`map`): the mean, over the topic's relevant documents, of precision at the rank
//!   each is retrieved (0 for those not retrieved);
//! - P@10 (`P_10`): relevant documents in the top 10, divided by 10;
//! - nDCG@10 (`ndcg_cut_10`): DCG with gain = relevance grade and discount log2(rank + 1),
//!   over the ideal DCG of the judged documents;
//! - recall@100 (`recall_100`): relevant documents in the top 100 over all relevant.
//!
//! A document is relevant when its grade is > 0. Means are over every topic that has at
//! least one relevant judgment, retrieved or not (trec_eval's `-c`); topics without
//! judgments are reported but not averaged.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::search::{SearchRequest, Searcher};

/// How deep each topic's ranking goes.
pub const DEPTH: usize = 1000;

/// A query to evaluate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    pub text: String,
}

/// Judgments: topic id -> document id -> grade.
pub type Qrels = HashMap<String, HashMap<String, i32>>;

/// Which parts of a TREC topic make the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicFields {
    pub title: bool,
    pub desc: bool,
    pub narr: bool,
}

impl Default for TopicFields {
    fn default() -> Self {
        TopicFields {
            title: true,
            desc: true,
            narr: false,
        }
    }
}

/// Why a topics or qrels file could not be read. Lines and topics count from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("line {line}: expected qid<TAB>query")]
    TopicLine { line: usize },
    #[error("topic {topic} has no <num>")]
    TopicNumber { topic: usize },
    #[error("line {line}: expected `qid 0 docid grade`")]
    QrelsLine { line: usize },
    #[error("line {line}: grade {grade:?} is not a number")]
    Grade { line: usize, grade: String },
}

/// Parses topics: a TREC topic file (`<top> <num> ... <title> ... <desc> ...`) or a TSV of
/// `qid<TAB>query` lines (blank lines and `#` comments ignored).
pub fn parse_topics(
    text: &str,
    fields: TopicFields,
) -> std::result::Result<Vec<Topic>, ParseError> {
    if text.contains("<top>") || text.contains("<TOP>") {
        return parse_trec_topics(text, fields);
    }
    let mut topics = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, query) = line
            .split_once('\t')
            .ok_or(ParseError::TopicLine { line: n + 1 })?;
        topics.push(Topic {
            id: id.trim().to_string(),
            text: query.trim().to_string(),
        });
    }
    Ok(topics)
}

fn parse_trec_topics(
    text: &str,
    fields: TopicFields,
) -> std::result::Result<Vec<Topic>, ParseError> {
    let lower = text.to_ascii_lowercase();
    let mut topics = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<top>") {
        let start = at + start + 5;
        let end = lower[start..]
            .find("</top>")
            .map_or(text.len(), |e| start + e);
        let body = &text[start..end];
        let body_lower = &lower[start..end];
        // Sections run from their tag to the next tag (TREC topics rarely close them).
        let section = |tag: &str| -> Option<String> {
            let i = body_lower.find(tag)? + tag.len();
            let rest = &body[i..];
            let stop = rest.find('<').unwrap_or(rest.len());
            Some(rest[..stop].trim().to_string())
        };
        let num = section("<num>")
            .map(|n| {
                n.trim_start_matches(|c: char| !c.is_ascii_digit())
                    .trim()
                    .to_string()
            })
            .filter(|n| !n.is_empty())
            .ok_or(ParseError::TopicNumber {
                topic: topics.len() + 1,
            })?;
        let strip_label = |s: String, label: &str| -> String {
            let t = s.trim();
            match t.get(..label.len()) {
                Some(head) if head.eq_ignore_ascii_case(label) => {
                    t[label.len()..].trim().to_string()
                }
                _ => t.to_string(),
            }
        };
        let mut parts = Vec::new();
        if fields.title {
            parts.extend(section("<title>").map(|s| strip_label(s, "Topic:")));
        }
        if fields.desc {
            parts.extend(section("<desc>").map(|s| strip_label(s, "Description:")));
        }
        if fields.narr {
            parts.extend(section("<narr>").map(|s| strip_label(s, "Narrative:")));
        }
        topics.push(Topic {
            id: num,
            text: parts.join(" "),
        });
        at = end;
    }
    Ok(topics)
}

/// Parses TREC qrels: `qid iteration docid grade` (the iteration column may be absent).
pub fn parse_qrels(text: &str) -> std::result::Result<Qrels, ParseError> {
    let mut qrels: Qrels = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (qid, doc, grade) = match cols.as_slice() {
            [] => continue,
            [q, _, d, g] => (q, d, g),
            [q, d, g] => (q, d, g),
            _ => return Err(ParseError::QrelsLine { line: n + 1 }),
        };
        let grade: i32 = grade.parse().map_err(|_| ParseError::Grade {
            line: n + 1,
            grade: grade.to_string(),
        })?;
        qrels
            .entry(qid.to_string())
            .or_default()
            .insert(doc.to_string(), grade);
    }
    Ok(qrels)
}

/// Measures for one topic.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopicScore {
    pub topic: String,
    pub ap: f64,
    pub p_10: f64,
    pub ndcg_10: f64,
    pub recall_100: f64,
    pub retrieved: usize,
    pub relevant: usize,
    pub relevant_retrieved: usize,
}

/// trec_eval's measures for one ranked list of document ids.
pub fn score_topic(topic: &str, ranking: &[String], judged: &HashMap<String, i32>) -> TopicScore {
    let relevant = judged.values().filter(|&&g| g > 0).count();
    let mut hits = 0usize;
    let mut precision_sum = 0.0;
    let mut dcg = 0.0;
    let mut p10 = 0usize;
    let mut r100 = 0usize;
    for (i, doc) in ranking.iter().enumerate() {
        let grade = judged.get(doc).copied().unwrap_or(0);
        if grade > 0 {
            hits += 1;
            precision_sum += hits as f64 / (i + 1) as f64;
            if i < 10 {
                p10 += 1;
                dcg += f64::from(grade) / ((i + 2) as f64).log2();
            }
            if i < 100 {
                r100 += 1;
            }
        }
    }
    let mut ideal: Vec<i32> = judged.values().copied().filter(|&g| g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, &g)| f64::from(g) / ((i + 2) as f64).log2())
        .sum();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    TopicScore {
        topic: topic.to_string(),
        ap: ratio(precision_sum, relevant as f64),
        p_10: p10 as f64 / 10.0,
        ndcg_10: ratio(dcg, idcg),
        recall_100: ratio(r100 as f64, relevant as f64),
        retrieved: ranking.len(),
        relevant,
        relevant_retrieved: hits,
    }
}

/// Which stored value identifies a document in the qrels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocIdSource {
    /// The collection's own id (`source_id`), else the file name without extension.
    #[default]
    SourceId,
    /// The archive-relative path.
    Path,
    /// The file name without its extension.
    Stem,
}

/// One ranked document of a run.
#[derive(Debug, Clone, Serialize)]
pub struct RunEntry {
    pub docid: String,
    pub score: f32,
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub topics: Vec<TopicScore>,
    /// Topics skipped from the means because they have no relevant judgment.
    pub unjudged: Vec<String>,
    pub map: f64,
    pub p_10: f64,
    pub ndcg_10: f64,
    pub recall_100: f64,
    /// Each topic's ranking, for `--run`.
    #[serde(skip)]
    pub runs: Vec<(String, Vec<RunEntry>)>,
}

/// Keeps letters and digits only, lower-cased: topic text must never be read as query
/// syntax (a stray quote, colon or AND would change or break the query).
pub fn free_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// Runs every topic against `index` and scores the rankings against `qrels`.
pub fn run(
    searcher: &Searcher,
    topics: &[Topic],
    qrels: &Qrels,
    docid: DocIdSource,
) -> Result<Report> {
    let mut scores = Vec::new();
    let mut unjudged = Vec::new();
    let mut runs = Vec::new();
    let empty = HashMap::new();
    for topic in topics {
        let query = free_text(&topic.text);
        let req = SearchRequest {
            query: query.clone(),
            any: true,
            limit: DEPTH,
            fragments: 0,
            collapse: false,
            ..SearchRequest::default()
        };
        let hits = if query.is_empty() {
            Vec::new()
        } else {
            searcher
                .search(&req)
                .map_err(|e| match e {
                    Error::Query { reason, .. } => Error::Query {
                        query: format!("topic {}: {}", topic.id, topic.text),
                        reason,
                    },
                    Error::BadQuery { source, .. } => Error::BadQuery {
                        query: format!("topic {}: {}", topic.id, topic.text),
                        source,
                    },
                    other => other,
                })?
                .hits
        };
        let entries: Vec<RunEntry> = hits
            .iter()
            .map(|h| RunEntry {
                docid: doc_id(&h.article, docid),
                score: h.score,
            })
            .collect();
        let ranking: Vec<String> = entries.iter().map(|e| e.docid.clone()).collect();
        let judged = qrels.get(&topic.id).unwrap_or(&empty);
        let score = score_topic(&topic.id, &ranking, judged);
        if score.relevant == 0 {
            unjudged.push(topic.id.clone());
        }
        scores.push(score);
        runs.push((topic.id.clone(), entries));
    }
    let judged: Vec<&TopicScore> = scores.iter().filter(|s| s.relevant > 0).collect();
    let mean = |f: fn(&TopicScore) -> f64| {
        if judged.is_empty() {
            0.0
        } else {
            judged.iter().map(|s| f(s)).sum::<f64>() / judged.len() as f64
        }
    };
    Ok(Report {
        map: mean(|s| s.ap),
        p_10: mean(|s| s.p_10),
        ndcg_10: mean(|s| s.ndcg_10),
        recall_100: mean(|s| s.recall_100),
        topics: scores,
        unjudged,
        runs,
    })
}

fn doc_id(a: &crate::article::Article, source: DocIdSource) -> String {
    let stem = || {
        let name = a.path.rsplit('/').next().unwrap_or(&a.path);
        name.split('.').next().unwrap_or(name).to_string()
    };
    match source {
        DocIdSource::SourceId => a.fields.source_id.clone().unwrap_or_else(stem),
        DocIdSource::Path => a.path.clone(),
        DocIdSource::Stem => stem(),
    }
}

/// Writes a TREC run file: `qid Q0 docid rank score tag`.
pub fn write_run(out: &mut dyn std::io::Write, report: &Report, tag: &str) -> std::io::Result<()> {
    for (qid, entries) in &report.runs {
        for (i, e) in entries.iter().enumerate() {
            writeln!(out, "{qid} Q0 {} {} {:.6} {tag}", e.docid, i + 1, e.score)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(pairs: &[(&str, i32)]) -> HashMap<String, i32> {
        pairs.iter().map(|(d, g)| (d.to_string(), *g)).collect()
    }

    fn ranking(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn average_precision_as_trec_eval() {
        // Relevant at ranks 1 and 3, one relevant never retrieved: (1/1 + 2/3) / 3.
        let s = score_topic(
            "1",
            &ranking(&["a", "x", "b", "y"]),
            &judged(&[("a", 1), ("b", 1), ("c", 1), ("x", 0)]),
        );
        assert!((s.ap - (1.0 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
        assert!((s.p_10 - 0.2).abs() < 1e-12);
        assert!((s.recall_100 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((s.relevant, s.relevant_retrieved, s.retrieved), (3, 2, 4));
    }

    #[test]
    fn ndcg_uses_grades_and_log2_discount() {
        // Grades 2 at rank 2 and 1 at rank 1; ideal order is 2 then 1.
        let s = score_topic("1", &ranking(&["b", "a"]), &judged(&[("a", 2), ("b", 1)]));
        let dcg = 1.0 / 2f64.log2() + 2.0 / 3f64.log2();
        let idcg = 2.0 / 2f64.log2() + 1.0 / 3f64.log2();
        assert!((s.ndcg_10 - dcg / idcg).abs() < 1e-12);
        let perfect = score_topic("1", &ranking(&["a", "b"]), &judged(&[("a", 2), ("b", 1)]));
        assert!((perfect.ndcg_10 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn no_relevant_documents_scores_zero_not_nan() {
        let s = score_topic("9", &ranking(&["a"]), &judged(&[("a", 0)]));
        assert_eq!((s.ap, s.ndcg_10, s.recall_100), (0.0, 0.0, 0.0));
    }

    #[test]
    fn topics_from_tsv_and_trec() {
        let tsv = "# comment\n1\tkennedy diem buddhists\n\n2\twheat deals\n";
        assert_eq!(
            parse_topics(tsv, TopicFields::default()).unwrap(),
            vec![
                Topic {
                    id: "1".into(),
                    text: "kennedy diem buddhists".into()
                },
                Topic {
                    id: "2".into(),
                    text: "wheat deals".into()
                },
            ]
        );
        let trec = "<top>\n<num> Number: 401\n<title> foreign minorities, Germany\n\n<desc> Description:\nWhat language and cultural differences\n\n<narr> Narrative:\nA relevant document\n</top>\n<top><num> 402 <title> behavioral genetics </top>";
        let t = parse_topics(trec, TopicFields::default()).unwrap();
        assert_eq!(t[0].id, "401");
        assert_eq!(
            t[0].text,
            "foreign minorities, Germany What language and cultural differences"
        );
        assert_eq!(
            t[1],
            Topic {
                id: "402".into(),
                text: "behavioral genetics".into()
            }
        );
        assert_eq!(
            parse_topics("# c\nno tab here", TopicFields::default()),
            Err(ParseError::TopicLine { line: 2 })
        );
    }

    #[test]
    fn qrels_with_and_without_iteration_column() {
        let q = parse_qrels("1 0 d1 1\n1 0 d2 0\n2 d3 2\n\n").unwrap();
        assert_eq!(q["1"]["d1"], 1);
        assert_eq!(q["1"]["d2"], 0);
        assert_eq!(q["2"]["d3"], 2);
        assert_eq!(
            parse_qrels("1 0 d1 high").map_err(|e| e.to_string()),
            Err("line 1: grade \"high\" is not a number".to_string())
        );
        assert_eq!(
            parse_qrels("only two"),
            Err(ParseError::QrelsLine { line: 1 })
        );
    }

    #[test]
    fn free_text_strips_query_syntax() {
        assert_eq!(
            free_text("U.S . FIRST: \"NATO\" AND (strike) -force"),
            "u s first nato and strike force"
        );
    }
}
