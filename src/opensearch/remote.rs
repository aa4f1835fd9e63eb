//! Search, timelines, facets, related coverage, articles and statistics answered by an
//! OpenSearch cluster, returned as the same plain data the local `Searcher` returns, so
//! the same printers write them.
//!
//! The query language is compiled to the query DSL (`dsl`); `--from`/`--to` and `--lang`
//! become filters; copies collapse on the `cluster` field (the representative is the
//! best-ranked member, its copies come from `inner_hits`); timelines are calendar
//! `date_histogram`s and facets `terms` aggregations; related coverage is
//! `more_like_this` without the article's own cluster.
//!
//! What differs from the local index: scores (OpenSearch's BM25 per shard against the
//! local BM25F), hence some rank orders and passages; the number of stories is a
//! cardinality estimate (exact below 40,000 stories); a hit lists at most
//! `MAX_COPIES` of its copies; nothing proposes spellings.

use std::collections::HashMap;
use std::time::Instant;

use serde_json::{json, Value};
use time::{Date, OffsetDateTime};

use crate::article::{rfc3339, Article, ArticleDate, DatePrecision, DocId};
use crate::error::{Error, Result};
use crate::index::Manifest;
use crate::opensearch::client::{Client, Connection};
use crate::opensearch::document::Source;
use crate::opensearch::dsl;
use crate::search::aggregate::{self, FacetKind, FacetValue, Facets, Timeline};
use crate::search::snippet::{self, Snippet, SNIPPET_CHARS};
use crate::search::{
    Copies, CopyRef, FacetsRequest, Hit, SearchRequest, SearchResults, Sort, Stats, TimelineRequest,
};

/// The deepest hit a search may reach: `max_result_window` in the mapping.
const MAX_WINDOW: usize = 20_000;

/// Copies listed under one hit.
pub const MAX_COPIES: usize = 100;

/// Terms of the source article in a related-coverage query (as locally).
const MLT_TERMS: usize = 40;

/// Opening and closing marks of a highlighted word: private-use characters, which article
/// text does not contain (extraction drops invisible characters).
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// A cluster's articles under one index or alias.
pub struct Remote {
    client: Client,
}

impl Remote {
    pub fn connect(conn: &Connection) -> Result<Self> {
        Ok(Remote {
            client: Client::new(conn)?,
        })
    }

    /// `URL/NAME`, for messages and the `index` of `stats`.
    pub fn describe(&self) -> String {
        format!("{}/{}", self.client.url(), self.client.name)
    }

    /// Sends a search body to the index, with a clear error when it does not exist.
    /// Scores use the whole index's term statistics (`dfs_query_then_fetch`), not each
    /// shard's, as one local index does.
    fn search_body(&self, body: &Value) -> Result<Value> {
        let path = format!(
            "/{}/_search?search_type=dfs_query_then_fetch",
            self.client.name
        );
        let bytes = serde_json::to_vec(body).unwrap_or_default();
        let reply = self
            .client
            .send("POST", &path, Some((&bytes, "application/json")))?;
        if reply.status == 404 {
            return Err(self.missing_index());
        }
        if !reply.ok() {
            return Err(self.client.failed("POST", &path, &reply));
        }
        reply.json().ok_or_else(|| Error::Engine {
            url: self.client.url().to_string(),
            reason: format!("POST {path}: the answer is not JSON"),
        })
    }

    fn missing_index(&self) -> Error {
        Error::Engine {
            url: self.client.url().to_string(),
            reason: format!(
                "no index or alias {:?}: load it with `newsdex push --url {}/{}`",
                self.client.name,
                self.client.url(),
                self.client.name
            ),
        }
    }

    /// The query of `req` with its filters: the user's query, the date range, the
    /// language.
    fn filtered(&self, req: &SearchRequest) -> Result<Value> {
        let text = req.query.trim();
        let user = if text.is_empty() || text == "*" {
            json!({ "match_all": {} })
        } else {
            dsl::compile(text, req.any).map_err(|source| Error::BadQuery {
                query: req.query.clone(),
                source,
            })?
        };
        if let (Some(from), Some(to)) = (req.from, req.to) {
            if from.start >= to.end {
                return Err(Error::EmptyRange {
                    from: format!("--from {}", rfc3339(from.start)),
                    to: format!("--to {}", rfc3339(to.end - time::Duration::SECOND)),
                });
            }
        }
        let mut filters = Vec::new();
        if req.from.is_some() || req.to.is_some() {
            let mut range = serde_json::Map::new();
            if let Some(f) = req.from {
                range.insert("gte".into(), rfc3339(f.start).into());
            }
            if let Some(t) = req.to {
                range.insert("lt".into(), rfc3339(t.end).into());
            }
            filters.push(json!({ "range": { "date": range } }));
        }
        if let Some(l) = req.language {
            filters.push(json!({ "term": { "language": l.code } }));
        }
        Ok(if filters.is_empty() {
            user
        } else {
            json!({ "bool": { "must": [user], "filter": filters } })
        })
    }

    /// A page of hits for `req`.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let query = self.filtered(req)?;
        let query = match req.fresh {
            Some(half_life) => self.fresh(query, half_life)?,
            None => query,
        };
        self.run(req, query, started)
    }

    /// Relevance times the recency factor of `--fresh` (1 for the newest article,
    /// towards 0.5 with age, 0.5 undated), as the local ranking computes it.
    fn fresh(&self, query: Value, half_life: f64) -> Result<Value> {
        let answer = self.search_body(&json!({
            "size": 0,
            "aggs": { "newest": { "max": { "field": "date" } } }
        }))?;
        let Some(newest) = answer["aggregations"]["newest"]["value"].as_f64() else {
            return Ok(query);
        };
        let origin = OffsetDateTime::from_unix_timestamp((newest / 1000.0) as i64)
            .map(rfc3339)
            .unwrap_or_default();
        Ok(json!({
            "function_score": {
                "query": query,
                "functions": [
                    { "weight": 0.5 },
                    {
                        "filter": { "exists": { "field": "date" } },
                        "exp": { "date": {
                            "origin": origin,
                            "scale": format!("{}s", half_life.max(1.0).round() as u64),
                            "decay": 0.5
                        } },
                        "weight": 0.5
                    }
                ],
                "score_mode": "sum",
                "boost_mode": "multiply"
            }
        }))
    }

    /// Runs `query` as the page `req` asks for.
    fn run(&self, req: &SearchRequest, query: Value, started: Instant) -> Result<SearchResults> {
        let date = |order: &str| json!({ "date": { "order": order, "missing": "_last" } });
        let sort = match req.sort {
            Sort::Relevance => json!(["_score", date("desc"), { "id": "asc" }]),
            Sort::Newest => json!([date("desc"), "_score", { "id": "asc" }]),
            Sort::Oldest => json!([date("asc"), "_score", { "id": "asc" }]),
        };
        let mut body = json!({
            "query": query,
            "from": req.offset,
            "size": req.limit,
            "sort": sort,
            "track_scores": true,
            "track_total_hits": true,
        });
        if req.fragments > 0 {
            body["highlight"] = json!({
                "type": "unified",
                "pre_tags": [MARK_OPEN.to_string()],
                // Words are searched in `text`; their places are marked in the body.
                "require_field_match": false,
                "post_tags": [MARK_CLOSE.to_string()],
                "fields": { "body": {
                    "fragment_size": SNIPPET_CHARS,
                    "number_of_fragments": req.fragments,
                    "no_match_size": SNIPPET_CHARS
                } }
            });
        }
        if req.collapse {
            body["collapse"] = json!({
                "field": "cluster",
                "inner_hits": {
                    "name": "copies",
                    "size": MAX_COPIES + 1,
                    "_source": ["id", "path", "date", "date_precision", "date_offset", "title"],
                    "sort": [date("asc"), { "id": "asc" }]
                }
            });
            body["aggs"] = json!({
                "stories": { "cardinality": { "field": "cluster", "precision_threshold": 40000 } }
            });
        }
        if req.offset + req.limit > MAX_WINDOW {
            // The cluster refuses such a page outright; past the last hit it is an empty
            // page, as locally.
            body["from"] = json!(0);
            body["size"] = json!(0);
            let answer = self.search_body(&body)?;
            let (total_hits, total_stories) = totals(&answer, req.collapse);
            let shown = if req.collapse {
                total_stories
            } else {
                total_hits
            };
            if req.offset < shown {
                return Err(Error::Engine {
                    url: self.client.url().to_string(),
                    reason: format!(
                        "the cluster serves the first {MAX_WINDOW} hits of a query (its \
                         max_result_window); --offset {} -n {} goes past them: narrow the \
                         query or the dates, or search the local index",
                        req.offset, req.limit
                    ),
                });
            }
            return Ok(SearchResults {
                query: req.query.clone(),
                total_hits,
                total_stories,
                offset: req.offset,
                limit: req.limit,
                took: started.elapsed(),
                has_more: false,
                hits: Vec::new(),
                did_you_mean: None,
            });
        }
        let answer = self.search_body(&body)?;
        let (total_hits, total_stories) = totals(&answer, req.collapse);
        let mut hits = Vec::new();
        for (i, h) in answer["hits"]["hits"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let Some(source) = source_of(&h["_source"]) else {
                continue;
            };
            let Some(article) = source.article() else {
                continue;
            };
            let passages: Vec<Snippet> = h["highlight"]["body"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .filter_map(Value::as_str)
                .map(marked_snippet)
                .collect();
            let snippet = passages.first().cloned().unwrap_or_default();
            let copies = copies_of(&h["inner_hits"]["copies"], article.id);
            hits.push(Hit {
                rank: req.offset + i + 1,
                score: h["_score"].as_f64().unwrap_or(0.0) as f32,
                snippet,
                passages,
                copies,
                cluster: source.cluster_id(),
                article,
            });
        }
        let shown = if req.collapse {
            total_stories
        } else {
            total_hits
        };
        Ok(SearchResults {
            query: req.query.clone(),
            total_hits,
            total_stories,
            offset: req.offset,
            limit: req.limit,
            took: started.elapsed(),
            has_more: req.offset + hits.len() < shown && req.limit > 0,
            hits,
            did_you_mean: None,
        })
    }

    /// Related coverage of article `id`, its own copies left out; in date order with
    /// `follow`.
    pub fn similar(&self, id: DocId, limit: usize, follow: bool) -> Result<SearchResults> {
        let started = Instant::now();
        let source = self.source(id)?;
        let mut must_not = vec![json!({ "ids": { "values": [id.to_string()] } })];
        if let Some(c) = &source.cluster {
            must_not.push(json!({ "term": { "cluster": c } }));
        }
        let like_text = format!(
            "{}\n\n{}",
            source.title.clone().unwrap_or_default(),
            source.body
        );
        let query = json!({ "bool": {
            "must": [{ "more_like_this": {
                "fields": ["title", "body"],
                "like": like_text,
                "max_query_terms": MLT_TERMS,
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "min_word_length": 3,
                "minimum_should_match": 1
            } }],
            "must_not": must_not
        } });
        let req = SearchRequest {
            query: format!("similar:{id}"),
            any: true,
            limit,
            fragments: 1,
            collapse: true,
            ..SearchRequest::default()
        };
        let mut results = self.run(&req, query, started)?;
        if follow {
            crate::search::similar::in_date_order(&mut results.hits);
        }
        results.has_more = false;
        results.took = started.elapsed();
        Ok(results)
    }

    fn source(&self, id: DocId) -> Result<Source> {
        let path = format!("/{}/_doc/{id}", self.client.name);
        let reply = self.client.send("GET", &path, None)?;
        let answer = reply.json().unwrap_or(Value::Null);
        if reply.status == 404 {
            if answer["found"] == false {
                return Err(Error::NotFound { id: id.to_string() });
            }
            return Err(self.missing_index());
        }
        if !reply.ok() {
            return Err(self.client.failed("GET", &path, &reply));
        }
        source_of(&answer["_source"]).ok_or_else(|| Error::Engine {
            url: self.client.url().to_string(),
            reason: format!("GET {path}: not a newsdex document"),
        })
    }

    /// The article whose id is `id`.
    pub fn article(&self, id: DocId) -> Result<Article> {
        let source = self.source(id)?;
        source
            .article()
            .ok_or_else(|| Error::NotFound { id: id.to_string() })
    }

    /// The copy cluster of article `id` and its other members, earliest first.
    pub fn copies(&self, id: DocId) -> Result<Copies> {
        let source = self.source(id)?;
        let Some(cluster) = source.cluster.clone() else {
            return Ok(Copies::default());
        };
        let answer = self.search_body(&json!({
            "query": { "bool": {
                "filter": [{ "term": { "cluster": cluster } }],
                "must_not": [{ "ids": { "values": [id.to_string()] } }]
            } },
            "size": 10_000,
            "_source": ["id", "path", "date", "date_precision", "date_offset", "title"],
        }))?;
        let mut copies: Vec<CopyRef> = answer["hits"]["hits"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|h| copy_ref(&h["_source"]))
            .collect();
        crate::search::sort_copies(&mut copies);
        Ok(Copies {
            cluster: source.cluster_id(),
            copies,
        })
    }

    /// The article id a typed id or unique prefix names.
    pub fn resolve_id(&self, typed: &str) -> Result<DocId> {
        let digits = typed.trim().to_ascii_lowercase();
        let bad = || Error::BadId {
            id: typed.to_string(),
        };
        if digits.is_empty() || digits.len() > 16 || !digits.bytes().all(|b| b.is_ascii_hexdigit())
        {
            return Err(bad());
        }
        if digits.len() == 16 {
            return DocId::parse(&digits).ok_or_else(bad);
        }
        let answer = self.search_body(&json!({
            "query": { "prefix": { "id": digits } },
            "size": 3,
            "sort": [{ "id": "asc" }],
            "_source": ["id"],
            "track_total_hits": true,
        }))?;
        let count = answer["hits"]["total"]["value"].as_u64().unwrap_or(0) as usize;
        let ids: Vec<String> = answer["hits"]["hits"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|h| h["_source"]["id"].as_str().map(str::to_string))
            .collect();
        match (count, ids.first()) {
            (1, Some(id)) => DocId::parse(id).ok_or_else(bad),
            (0, _) | (_, None) => Err(Error::NoIdPrefix { prefix: digits }),
            _ => Err(Error::AmbiguousId {
                prefix: digits,
                count,
                examples: ids,
            }),
        }
    }

    /// Article counts, the date range and the size of the index, and what the last push
    /// recorded about the archive (as a manifest).
    pub fn stats(&self) -> Result<(Stats, Manifest)> {
        let answer = self.search_body(&json!({
            "size": 0,
            "track_total_hits": true,
            "aggs": {
                "dated": { "filter": { "exists": { "field": "date" } } },
                "earliest": { "top_hits": { "size": 1, "sort": [{ "date": "asc" }], "_source": ["date", "date_offset"] } },
                "latest": { "top_hits": { "size": 1, "sort": [{ "date": "desc" }], "_source": ["date", "date_offset"] } }
            }
        }))?;
        let aggs = &answer["aggregations"];
        // The first and last article's date, as that article prints it (its clock and
        // offset, as the local index keeps them).
        let instant = |v: &Value| {
            let source = &v["hits"]["hits"][0]["_source"];
            let wall = crate::search::bounds::parse_span("date", source["date"].as_str()?)
                .ok()?
                .start;
            let offset = source["date_offset"].as_i64().unwrap_or(0);
            Some(ArticleDate::from_wall_clock(wall, offset, DatePrecision::Second).at)
        };
        let name = &self.client.name;
        let index_stats =
            self.client
                .json("GET", &format!("/{name}/_stats/store,segments"), None)?;
        let primaries = &index_stats["_all"]["primaries"];
        let mapping = self
            .client
            .json("GET", &format!("/{name}/_mapping"), None)?;
        let meta = mapping
            .as_object()
            .and_then(|o| o.values().next())
            .map(|m| m["mappings"]["_meta"].clone())
            .unwrap_or(Value::Null);
        let stats = Stats {
            articles: answer["hits"]["total"]["value"].as_u64().unwrap_or(0),
            dated: aggs["dated"]["doc_count"].as_u64().unwrap_or(0),
            earliest: instant(&aggs["earliest"]),
            latest: instant(&aggs["latest"]),
            size_bytes: primaries["store"]["size_in_bytes"].as_u64().unwrap_or(0),
            segments: primaries["segments"]["count"].as_u64().unwrap_or(0) as usize,
        };
        let manifest = Manifest {
            schema_version: meta["newsdex_schema_version"].as_u64().unwrap_or(0) as u32,
            newsdex_version: meta["newsdex_version"].as_str().unwrap_or("").to_string(),
            archive: meta["archive"].as_str().unwrap_or("").into(),
            indexed_at: meta["indexed_at"].as_str().map(str::to_string),
            read_options: String::new(),
            reread_pending: false,
        };
        Ok((stats, manifest))
    }

    /// Coverage of a query over time, in calendar buckets.
    pub fn timeline(&self, req: &TimelineRequest) -> Result<Timeline> {
        let coarse: Vec<&str> = [
            DatePrecision::Year,
            DatePrecision::Month,
            DatePrecision::Day,
        ]
        .into_iter()
        .filter(|p| aggregate::too_coarse(*p, req.by))
        .map(DatePrecision::as_str)
        .collect();
        let interval = req.by.as_str();
        let histogram = json!({ "date_histogram": {
            "field": "date", "calendar_interval": interval, "min_doc_count": 1, "time_zone": "UTC"
        } });
        let fine = json!({ "bool": {
            "filter": [{ "exists": { "field": "date" } }],
            "must_not": [{ "terms": { "date_precision": coarse } }]
        } });
        let answer = self.search_body(&json!({
            "size": 0,
            "track_total_hits": true,
            "query": self.filtered(&req.matching())?,
            "aggs": {
                "undated": { "missing": { "field": "date" } },
                "coarse": { "filter": { "bool": {
                    "filter": [{ "exists": { "field": "date" } }, { "terms": { "date_precision": coarse } }]
                } } },
                "fine": { "filter": fine, "aggs": {
                    "hist": histogram,
                    "first": { "min": { "field": "date" } },
                    "last": { "max": { "field": "date" } }
                } }
            }
        }))?;
        let aggs = &answer["aggregations"];
        let counts = bucket_counts(&aggs["fine"]["hist"]);
        let day = |v: &Value| {
            v["value"].as_f64().and_then(|ms| {
                OffsetDateTime::from_unix_timestamp((ms / 1000.0).floor() as i64)
                    .ok()
                    .map(|t| t.date())
            })
        };
        let totals = match req.totals() {
            Some(all) => {
                let answer = self.search_body(&json!({
                    "size": 0,
                    "query": { "bool": { "must": [self.filtered(&all)?], "filter": [fine] } },
                    "aggs": { "hist": histogram }
                }))?;
                Some(bucket_counts(&answer["aggregations"]["hist"]))
            }
            None => None,
        };
        let buckets = aggregate::buckets(
            req,
            &counts,
            totals.as_ref(),
            day(&aggs["fine"]["first"]),
            day(&aggs["fine"]["last"]),
        )?;
        Ok(Timeline {
            query: req.query.clone(),
            by: req.by,
            matched: aggs["fine"]["doc_count"].as_u64().unwrap_or(0),
            undated: aggs["undated"]["doc_count"].as_u64().unwrap_or(0),
            coarse: aggs["coarse"]["doc_count"].as_u64().unwrap_or(0),
            buckets,
        })
    }

    /// Top values of a facet among a query's matches; ties by value.
    pub fn facets(&self, req: &FacetsRequest) -> Result<Facets> {
        let field = match req.facet {
            FacetKind::Byline => "authors.value",
            FacetKind::Source => "source",
            FacetKind::Language => "language",
            FacetKind::Year => "date",
        };
        let values = if req.facet == FacetKind::Year {
            json!({ "date_histogram": {
                "field": "date", "calendar_interval": "year", "min_doc_count": 1, "time_zone": "UTC"
            } })
        } else {
            json!({ "terms": {
                "field": field,
                "size": req.limit.max(1),
                "shard_size": (req.limit.max(1) * 20).max(1000),
                "order": [{ "_count": "desc" }, { "_key": "asc" }]
            } })
        };
        let answer = self.search_body(&json!({
            "size": 0,
            "track_total_hits": true,
            "query": self.filtered(&req.matching())?,
            "aggs": { "values": values, "missing": { "missing": { "field": field } } }
        }))?;
        let aggs = &answer["aggregations"];
        let values: Vec<FacetValue> = aggs["values"]["buckets"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|b| {
                let count = b["doc_count"].as_u64()?;
                let value = if req.facet == FacetKind::Year {
                    b["key_as_string"].as_str()?.get(..4)?.to_string()
                } else {
                    b["key"].as_str()?.to_string()
                };
                Some(FacetValue { value, count })
            })
            .collect();
        let values = aggregate::top_values(values, req.limit);
        Ok(Facets {
            query: req.query.clone(),
            facet: req.facet,
            matched: answer["hits"]["total"]["value"].as_u64().unwrap_or(0),
            missing: aggs["missing"]["doc_count"].as_u64().unwrap_or(0),
            values,
        })
    }
}

/// The numbers of matching articles and of stories (copy clusters) in a search answer.
fn totals(answer: &Value, collapse: bool) -> (usize, usize) {
    let hits = answer["hits"]["total"]["value"].as_u64().unwrap_or(0) as usize;
    let stories = if collapse {
        answer["aggregations"]["stories"]["value"]
            .as_u64()
            .map_or(hits, |n| n as usize)
            .min(hits)
    } else {
        hits
    };
    (hits, stories)
}

fn source_of(v: &Value) -> Option<Source> {
    serde_json::from_value(v.clone()).ok()
}

/// The copies of a hit from its `inner_hits` (the hit itself left out), earliest first.
fn copies_of(inner: &Value, itself: DocId) -> Vec<CopyRef> {
    let mut copies: Vec<CopyRef> = inner["hits"]["hits"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|h| copy_ref(&h["_source"]))
        .filter(|c| c.id != itself)
        .take(MAX_COPIES)
        .collect();
    crate::search::sort_copies(&mut copies);
    copies
}

fn copy_ref(v: &Value) -> Option<CopyRef> {
    let mut partial = v.clone();
    let obj = partial.as_object_mut()?;
    for key in ["format", "language", "body"] {
        obj.entry(key).or_insert_with(|| Value::from(""));
    }
    obj.entry("source").or_insert_with(|| Value::from(""));
    let a = source_of(&partial)?.article()?;
    Some(CopyRef {
        id: a.id,
        path: a.path,
        date: a.fields.date,
        title: a.fields.title,
    })
}

/// A passage from a fragment with highlight marks: the marks removed, the words between
/// them highlighted.
fn marked_snippet(fragment: &str) -> Snippet {
    let mut text = String::with_capacity(fragment.len());
    let mut ranges = Vec::new();
    let mut open = None;
    for c in fragment.chars() {
        match c {
            MARK_OPEN => open = Some(text.len()),
            MARK_CLOSE => {
                if let Some(start) = open.take() {
                    ranges.push(start..text.len());
                }
            }
            c => text.push(c),
        }
    }
    snippet::from_fragment(&text, &ranges)
}

/// A date histogram's counts by the first day of each bucket.
fn bucket_counts(hist: &Value) -> HashMap<Date, u64> {
    hist["buckets"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|b| {
            let ms = b["key"].as_i64()?;
            let day = OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
                .ok()?
                .date();
            Some((day, b["doc_count"].as_u64()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_highlights() {
        let s = marked_snippet("The \u{E000}ferry\u{E001} strike \u{E000}ended\u{E001}.");
        assert_eq!(s.text, "The ferry strike ended.");
        assert_eq!(s.highlights, vec![[4, 9], [17, 22]]);
        let s = marked_snippet("Zürich \u{E000}Straße\u{E001}");
        assert_eq!(s.highlights, vec![[7, 13]]);
    }

    #[test]
    fn histogram_keys_are_bucket_days() {
        let counts = bucket_counts(&json!({ "buckets": [
            { "key": 1_393_804_800_000i64, "doc_count": 3 },
            { "key": -86_400_000i64, "doc_count": 1 }
        ] }));
        assert_eq!(counts.len(), 2);
        assert_eq!(
            counts[&Date::from_calendar_date(2014, time::Month::March, 3).unwrap()],
            3
        );
        assert_eq!(
            counts[&Date::from_calendar_date(1969, time::Month::December, 31).unwrap()],
            1
        );
    }
}
