//! An article as the cluster stores it: the `_source` of one OpenSearch document (the
//! fields of `schema/opensearch/articles.json`), the bulk action lines that carry it, and
//! the plain NDJSON line Quickwit ingests (`schema/quickwit/articles.yaml`).

use serde::{Deserialize, Serialize};

use crate::article::{rfc3339, Article, ArticleDate, DatePrecision, DocId, Fields};
use crate::index::CatalogEntry;

/// One article with what the index adds to it: its copy cluster and fingerprint.
#[derive(Debug, Clone)]
pub struct Exported {
    pub article: Article,
    pub cluster: Option<u64>,
    pub fingerprint: Option<(u64, u64)>,
}

impl Exported {
    pub fn new(article: Article, entry: &CatalogEntry) -> Self {
        Exported {
            article,
            cluster: entry.cluster,
            fingerprint: entry.fingerprint,
        }
    }
}

/// The `_source` of an article's document. Absent values are left out rather than
/// written as null, so the mapping's `exists` queries mean what they mean locally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub path: String,
    pub source: String,
    pub format: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub encoding: String,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The title twice more, copied into the searched `text` field and not kept in
    /// `_source`: a title word weighs three body words there, as the title's BM25F
    /// weight does locally.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_extra: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<String>,
    /// The source's offset from UTC in seconds east; `date` is the source's clock read as
    /// UTC, as in the local index (schema/fields.json).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    pub body: String,
}

impl Source {
    pub fn of(e: &Exported) -> Self {
        let a = &e.article;
        let f = &a.fields;
        Source {
            id: a.id.to_string(),
            path: a.path.clone(),
            source: crate::search::aggregate::source_of(&a.path).to_string(),
            format: a.format.clone(),
            encoding: a.encoding.clone(),
            language: a.language.code.to_string(),
            title: f.title.clone(),
            title_extra: f
                .title
                .iter()
                .flat_map(|t| [t.clone(), t.clone()])
                .collect(),
            byline: f.byline.clone(),
            authors: f.authors.clone(),
            source_id: f.source_id.clone(),
            date: f.date.map(|d| rfc3339(d.wall_clock())),
            date_precision: f.date.map(|d| d.precision.as_str().to_string()),
            date_offset: f.date.map(|d| i64::from(d.offset_seconds())),
            fingerprint: e.fingerprint.map(|(lo, hi)| format!("{hi:016x}{lo:016x}")),
            cluster: e.cluster.map(|c| format!("{c:016x}")),
            body: f.body.clone(),
        }
    }

    /// The article this document was made from, as the local index reads it back; `None`
    /// when the document is not one newsdex wrote (its id is no article id).
    pub fn article(&self) -> Option<Article> {
        let date = self.date.as_deref().and_then(|d| {
            let wall = crate::search::bounds::parse_span("date", d).ok()?.start;
            let precision = self
                .date_precision
                .as_deref()
                .and_then(DatePrecision::from_name)
                .unwrap_or(DatePrecision::Second);
            Some(ArticleDate::from_wall_clock(
                wall,
                self.date_offset.unwrap_or(0),
                precision,
            ))
        });
        Some(Article {
            id: DocId::parse(&self.id)?,
            path: self.path.clone(),
            format: self.format.clone(),
            encoding: self.encoding.clone(),
            language: crate::lang::Language::from_code(&self.language)
                .unwrap_or(crate::lang::ENGLISH),
            fields: Fields {
                title: self.title.clone(),
                date,
                byline: self.byline.clone(),
                authors: self.authors.clone(),
                body: self.body.clone(),
                source_id: self.source_id.clone(),
            },
        })
    }

    /// The copy cluster as a number.
    pub fn cluster_id(&self) -> Option<u64> {
        self.cluster
            .as_deref()
            .and_then(|c| u64::from_str_radix(c, 16).ok())
    }
}

/// Appends the bulk action and document lines that index `e` (into `index` when given,
/// else into the index the bulk request is posted to).
pub fn bulk_index(out: &mut Vec<u8>, e: &Exported, index: Option<&str>) {
    let id = e.article.id.to_string();
    let action = match index {
        Some(index) => serde_json::json!({ "index": { "_index": index, "_id": id } }),
        None => serde_json::json!({ "index": { "_id": id } }),
    };
    push_line(out, &action);
    push_line(out, &Source::of(e));
}

/// Appends the bulk action line that deletes article `id`.
pub fn bulk_delete(out: &mut Vec<u8>, id: DocId, index: Option<&str>) {
    let id = id.to_string();
    let action = match index {
        Some(index) => serde_json::json!({ "delete": { "_index": index, "_id": id } }),
        None => serde_json::json!({ "delete": { "_id": id } }),
    };
    push_line(out, &action);
}

/// Appends the article as one line of Quickwit's NDJSON ingest format: the document
/// itself, the date as Unix seconds (Quickwit's timestamp field).
pub fn quickwit_line(out: &mut Vec<u8>, e: &Exported) {
    let source = Source {
        title_extra: Vec::new(),
        ..Source::of(e)
    };
    let mut value = match serde_json::to_value(&source) {
        Ok(v) => v,
        // A struct of strings always serialises.
        Err(_) => return,
    };
    if let (Some(obj), Some(date)) = (value.as_object_mut(), e.article.fields.date) {
        obj.insert(
            "date".to_string(),
            serde_json::Value::from(date.wall_clock().unix_timestamp()),
        );
    }
    push_line(out, &value);
}

fn push_line(out: &mut Vec<u8>, value: &impl Serialize) {
    // Serialising plain data into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, value);
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exported() -> Exported {
        let id = DocId::new("courier/2014/pipeline.txt", "");
        Exported {
            article: Article {
                id,
                path: "courier/2014/pipeline.txt".into(),
                format: "text".into(),
                encoding: "utf-8".into(),
                language: crate::lang::ENGLISH,
                fields: Fields {
                    title: Some("Ministers sign Caspian pipeline accord".into()),
                    date: Some(ArticleDate {
                        at: time::OffsetDateTime::from_unix_timestamp(1_393_838_100).unwrap(),
                        precision: DatePrecision::Minute,
                    }),
                    byline: Some("Anna Novak".into()),
                    authors: vec!["Anna Novak".into()],
                    body: "Ministers signed the accord.\n\nIt runs 1,000 km.".into(),
                    source_id: None,
                },
            },
            cluster: Some(0xabc),
            fingerprint: Some((1, 2)),
        }
    }

    #[test]
    fn a_document_reads_back_as_the_article_it_was_made_from() {
        let e = exported();
        let source = Source::of(&e);
        assert_eq!(source.source, "courier");
        assert_eq!(source.date.as_deref(), Some("2014-03-03T09:15:00Z"));
        assert_eq!(source.date_precision.as_deref(), Some("minute"));
        assert_eq!(source.cluster.as_deref(), Some("0000000000000abc"));
        assert_eq!(
            source.fingerprint.as_deref(),
            Some("00000000000000020000000000000001")
        );
        let json = serde_json::to_string(&source).unwrap();
        assert!(!json.contains("null"), "{json}");
        let back: Source = serde_json::from_str(&json).unwrap();
        assert_eq!(back.article().unwrap(), e.article);
        assert_eq!(back.cluster_id(), Some(0xabc));
    }

    #[test]
    fn bulk_lines_pair_an_action_with_its_document() {
        let e = exported();
        let mut out = Vec::new();
        bulk_index(&mut out, &e, Some("news-10-1"));
        bulk_delete(&mut out, DocId(0x1f), None);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[0],
            serde_json::json!({"index": {"_index": "news-10-1", "_id": e.article.id.to_string()}})
        );
        assert_eq!(lines[1]["title"], "Ministers sign Caspian pipeline accord");
        assert_eq!(
            lines[2],
            serde_json::json!({"delete": {"_id": "000000000000001f"}})
        );
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn quickwit_lines_carry_the_date_as_seconds() {
        let mut out = Vec::new();
        quickwit_line(&mut out, &exported());
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["date"], 1_393_838_100);
        assert_eq!(v["id"].as_str().unwrap().len(), 16);
    }
}
