//! JSON and JSON Lines printers. Shapes are documented as JSON Schema in `schema/`
//! (`search.schema.json`, `hit.schema.json`, `article.schema.json`, `stats.schema.json`);
//! dates are RFC 3339 UTC; snippet highlight offsets are Unicode characters, end-exclusive.

use std::io::Write;

use serde::Serialize;

use crate::article::rfc3339;
use crate::article::Article;
use crate::index::Manifest;
use crate::search::{Hit, SearchResults, Snippet, Stats};

#[derive(Serialize)]
pub struct JsonHit<'a> {
    pub rank: usize,
    pub id: String,
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<String>,
    pub date_precision: Option<&'static str>,
    pub byline: Option<&'a str>,
    pub language: &'static str,
    pub score: f32,
    pub snippet: &'a Snippet,
    pub passages: &'a [Snippet],
    pub copies: Vec<JsonCopy<'a>>,
    pub cluster: Option<String>,
}

#[derive(Serialize)]
pub struct JsonCopy<'a> {
    pub id: String,
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<String>,
}

impl<'a> JsonCopy<'a> {
    fn new(c: &'a crate::search::CopyRef) -> Self {
        JsonCopy {
            id: c.id.to_string(),
            path: &c.path,
            title: c.title.as_deref(),
            date: c.date.map(|d| rfc3339(d.at)),
        }
    }
}

impl<'a> JsonHit<'a> {
    pub fn new(h: &'a Hit) -> Self {
        let a = &h.article;
        JsonHit {
            rank: h.rank,
            id: a.id.to_string(),
            path: &a.path,
            title: a.fields.title.as_deref(),
            date: a.fields.date.map(|d| rfc3339(d.at)),
            date_precision: a.fields.date.map(|d| d.precision.as_str()),
            byline: a.fields.byline.as_deref(),
            language: a.language.code,
            score: h.score,
            snippet: &h.snippet,
            passages: &h.passages,
            cluster: h.cluster.map(|c| format!("{c:016x}")),
            copies: h.copies.iter().map(JsonCopy::new).collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonResults<'a> {
    query: &'a str,
    total_hits: usize,
    total_stories: usize,
    offset: usize,
    limit: usize,
    took_ms: f64,
    did_you_mean: Option<&'a str>,
    hits: Vec<JsonHit<'a>>,
}

fn took_ms(r: &SearchResults) -> f64 {
    (r.took.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0
}

pub fn search(out: &mut dyn Write, r: &SearchResults) -> std::io::Result<()> {
    let doc = JsonResults {
        query: &r.query,
        total_hits: r.total_hits,
        total_stories: r.total_stories,
        offset: r.offset,
        limit: r.limit,
        took_ms: took_ms(r),
        did_you_mean: r.did_you_mean.as_deref(),
        hits: r.hits.iter().map(JsonHit::new).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

pub fn search_lines(out: &mut dyn Write, r: &SearchResults) -> std::io::Result<()> {
    for h in &r.hits {
        serde_json::to_writer(&mut *out, &JsonHit::new(h))?;
        writeln!(out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: String,
    path: &'a str,
    format: &'a str,
    encoding: &'a str,
    language: &'static str,
    title: Option<&'a str>,
    date: Option<String>,
    date_precision: Option<&'static str>,
    byline: Option<&'a str>,
    authors: &'a [String],
    source_id: Option<&'a str>,
    fingerprint: String,
    body: &'a str,
}

pub fn article_value(a: &Article) -> serde_json::Value {
    serde_json::to_value(JsonArticle {
        id: a.id.to_string(),
        path: &a.path,
        format: &a.format,
        encoding: &a.encoding,
        language: a.language.code,
        title: a.fields.title.as_deref(),
        date: a.fields.date.map(|d| rfc3339(d.at)),
        date_precision: a.fields.date.map(|d| d.precision.as_str()),
        byline: a.fields.byline.as_deref(),
        authors: &a.fields.authors,
        source_id: a.fields.source_id.as_deref(),
        fingerprint: crate::dedup::fingerprint(&a.fields.body).hex(),
        body: &a.fields.body,
    })
    .unwrap_or(serde_json::Value::Null)
}

/// An extracted article as `newsdex extract` prints it: the article's JSON, with an
/// `explain` object when `--explain` asked why its fields are what they are.
pub fn extracted_value(
    a: &Article,
    why: Option<&crate::extract::explain::Explanation>,
) -> serde_json::Value {
    let mut v = article_value(a);
    if let (Some(why), serde_json::Value::Object(map)) = (why, &mut v) {
        map.insert(
            "explain".into(),
            serde_json::to_value(why).unwrap_or(serde_json::Value::Null),
        );
    }
    v
}

/// A stored article as `newsdex show` prints it: the article's JSON with its copy
/// cluster and the other articles in it.
pub fn article(
    out: &mut dyn Write,
    a: &Article,
    copies: &crate::search::Copies,
) -> std::io::Result<()> {
    let mut v = article_value(a);
    if let serde_json::Value::Object(map) = &mut v {
        map.insert(
            "cluster".into(),
            copies
                .cluster
                .map_or(serde_json::Value::Null, |c| format!("{c:016x}").into()),
        );
        let list: Vec<JsonCopy> = copies.copies.iter().map(JsonCopy::new).collect();
        map.insert(
            "copies".into(),
            serde_json::to_value(list).unwrap_or(serde_json::Value::Null),
        );
    }
    serde_json::to_writer_pretty(&mut *out, &v)?;
    writeln!(out)
}

#[derive(Serialize)]
struct JsonStats<'a> {
    index: String,
    archive: String,
    schema_version: u32,
    indexed_at: Option<&'a str>,
    articles: u64,
    dated_articles: u64,
    earliest: Option<String>,
    latest: Option<String>,
    size_bytes: u64,
    segments: usize,
}

pub fn stats(
    out: &mut dyn Write,
    s: &Stats,
    m: &Manifest,
    index_dir: &std::path::Path,
) -> std::io::Result<()> {
    let doc = JsonStats {
        index: index_dir.display().to_string(),
        archive: m.archive.display().to_string(),
        schema_version: m.schema_version,
        indexed_at: m.indexed_at.as_deref(),
        articles: s.articles,
        dated_articles: s.dated,
        earliest: s.earliest.map(rfc3339),
        latest: s.latest.map(rfc3339),
        size_bytes: s.size_bytes,
        segments: s.segments,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
