//! The query language compiled to OpenSearch's query DSL (`compile`): the same syntax tree
//! as the local index searches (`search::query::parse`), walked leaf by leaf as the local
//! compiler (`search/query/compile.rs`) walks it, so that a query matches the same articles
//! on the cluster as in a local index of the same archive, and ranks them alike. Nothing is
//! handed to OpenSearch's own query parser: words and phrases go to `match` or `multi_match`, exact
//! values to `term`, dates to `range`, each clause to a `bool`.
//!
//! The cluster analyses every article as English (`schema/opensearch/articles.json`, the
//! `newsdex` analyzer), so the tree is parsed with English alone: under OR its stop words
//! are dropped as in a local index of English articles. Each literal is analysed here with
//! the local analyzer to decide its shape (a word, a phrase, a fuzzy term, a prefix, or
//! nothing to search) exactly as the local compiler decides it; the text itself goes to the
//! cluster as typed, for the same analyzer there to cut it the same way. (A local index
//! holding articles in other languages also searches each word as those languages analyse
//! it, and as the last part of their compounds: `bridge` finds "Northbridge" once German
//! articles are in the index. The cluster, analysing every article as English, does not.)
//!
//! How each form reads, against the local query it mirrors:
//!
//! - a bare word: `match` (AND over its tokens) on `text`, the field the mapping fills
//!   with the title three times, the byline and the body, scored by the mapping's
//!   `newsdex_bm25f` similarity: one saturation over the fields with the title weighted,
//!   and the word's burstiness, as the local BM25F (`search/bm25f.rs`). A word in named
//!   fields (`title:`, `byline:`) is `multi_match` `cross_fields` over them;
//! - a phrase (`"a b"~N`, or a word the analyzer cuts in several, `O'Brien`): bare,
//!   `match_phrase` on `text` with the slop (its values sit 100 positions apart, so a
//!   phrase never spans the title and the body); in named fields `multi_match` `phrase`,
//!   summing the fields' scores (`tie_breaker` 1) as the local per-field phrase queries
//!   add up. `"a b"*` is a phrase prefix, whose last term, like tantivy's, is the first 50
//!   indexed terms starting with it (tantivy counts them per segment, OpenSearch per
//!   shard: with more than 50 such terms the two may pick different ones);
//! - a fuzzy term (`word~1`, `word~2`): the analysed (stemmed) word, as the local
//!   `FuzzyTermQuery` takes it, with transpositions as one edit and every term within the
//!   distance at one constant score (`rewrite: constant_score`, where OpenSearch would keep
//!   the 50 nearest), beside the word itself scored as a word;
//! - a prefix (`negotiat*`): per field, at one constant score, the terms starting with the
//!   folded, lower-cased prefix and the stems of words starting with it that do not
//!   (`negoti` for "negotiating"; see `query::Prefix`). Locally a stem is kept only when an
//!   article spells it as a word starting with the prefix, which only the index can tell;
//!   here every such stem is kept, so a prefix can match a few more articles than locally
//!   (`parli*` also finds "par", the stem of the non-word "parli");
//! - `path:`, `source:`, `format:`, `cluster:`, `lang:`: `term` (`path:2014/01/*`: `prefix`)
//!   on the keyword field;
//! - a date or date range: a `range` on `date` over the instants the local span logic
//!   computes (`query::date_bounds`), with, like the local `DateWithin`, articles dated
//!   only to a year, month or day left out unless that whole span lies within the range
//!   (`date_precision`). Dates do not score locally: in a conjunction they are `filter`
//!   clauses, elsewhere a `bool` of only a filter (score 0). `date:*` is `exists`, scoring
//!   1 as the local `ExistsQuery` does; `date:[* TO *]` is the same, unscored.
//!
//! Scores assume collection-wide term statistics, as one local index has: searches ask
//! for `search_type=dfs_query_then_fetch` (`remote.rs`; with each shard's own statistics
//! the top 10 agree on 7.0 of 10 instead of 9.4 on BBC News over three shards), and break
//! ties by date then id, as locally.
//!
//! What the local compiler refuses is refused with the same `QueryError`, except the
//! regular-expression errors tantivy may raise on a pathological prefix: OpenSearch takes
//! the prefix as a plain string. Boosts are capped (`MAX_BOOST`) where locally they are
//! not, since an infinite score fails a search on the cluster.

use std::ops::Bound;

use serde_json::{json, Map, Value};
use tantivy::query::Occur;
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use time::OffsetDateTime;

use crate::article::DatePrecision;
use crate::index::schema;
use crate::search::date_filter::latest_start_within;
use crate::search::query::{self, Prefix, QueryError, TITLE_BOOST};

/// Where a bare word is searched, with each field's weight (as the local compiler's).
const DEFAULT_FIELDS: &[(&str, f32)] = &[("title", TITLE_BOOST), ("byline", 1.0), ("body", 1.0)];

/// How many indexed terms the last word of a phrase prefix stands for: tantivy's
/// `PhrasePrefixQuery` default, which is OpenSearch's too.
const PHRASE_PREFIX_EXPANSIONS: u32 = 50;

/// The field a bare word or phrase is searched in on the cluster: the title (three
/// times), byline and body copied into one field, scored by the `newsdex_bm25f`
/// similarity (`schema/opensearch/articles.json`), which is the local BM25F with its burst
/// factor over one combined field.
const COMBINED: &str = "text";

/// The OpenSearch `query` object for `text`, a query in newsdex's language; words are joined
/// by OR under `any`, by AND otherwise. An empty query or `*` matches every article, as
/// locally; a query with nothing to search for (`''`) matches none.
pub fn compile(text: &str, any: bool) -> Result<Value, QueryError> {
    let text = text.trim();
    if text.is_empty() || text == "*" {
        return Ok(json!({ "match_all": {} }));
    }
    let ast = query::parse(text, any, &[crate::lang::ENGLISH])?;
    let mut compiler = Compiler {
        any,
        analyzer: schema::analyzer(),
    };
    match compiler.node(&ast)? {
        Some(Node::Positive(part)) => Ok(part.alone()),
        Some(Node::OnlyNegative) => Err(QueryError::OnlyExcluded),
        None => Ok(json!({ "match_none": {} })),
    }
}

/// A compiled subtree; one made only of exclusions matches nothing on its own (locally a
/// query of exclusions only matches nothing, where OpenSearch would match everything else).
enum Node {
    Positive(Part),
    OnlyNegative,
}

/// A compiled query and whether it scores: the local date queries score 0, and are placed
/// where OpenSearch does not score them either.
struct Part {
    query: Value,
    scored: bool,
}

impl Part {
    fn scored(query: Value) -> Part {
        Part {
            query,
            scored: true,
        }
    }

    fn unscored(query: Value) -> Part {
        Part {
            query,
            scored: false,
        }
    }

    /// The query where its score counts (alone, or as a `should` clause): an unscored one
    /// inside a `bool` of only filters, which scores 0.
    fn alone(self) -> Value {
        let scores_nothing = self
            .query
            .get("bool")
            .and_then(Value::as_object)
            .is_some_and(|b| !b.contains_key("must") && !b.contains_key("should"));
        if self.scored || scores_nothing {
            self.query
        } else {
            json!({ "bool": { "filter": [self.query] } })
        }
    }

    /// The part with its score multiplied by `boost`; an unscored part stays unscored.
    fn boosted(self, boost: f64) -> Part {
        if !self.scored {
            return self;
        }
        Part::scored(boost_query(self.query, boost))
    }
}

/// Where a literal is searched (the local compiler's `target`, by OpenSearch field name).
enum Target {
    /// Analysed text fields, with weights.
    Text(&'static [(&'static str, f32)]),
    /// A keyword field matched exactly.
    Exact(&'static str),
    Date,
    /// The copy cluster: 16 lowercase hex digits.
    Cluster,
    /// The article's language, by code.
    Language,
}

/// The fields `field:` names, under the local names and aliases.
fn target(field: Option<&str>) -> Result<Target, QueryError> {
    Ok(match field {
        None => Target::Text(DEFAULT_FIELDS),
        Some("title" | "headline") => Target::Text(&[("title", 1.0)]),
        Some("byline" | "by") => Target::Text(&[("byline", 1.0), ("authors", 1.0)]),
        Some("author" | "authors") => Target::Text(&[("authors", 1.0)]),
        Some("body" | "text") => Target::Text(&[("body", 1.0)]),
        Some("path") => Target::Exact("path"),
        Some("source" | "source_id") => Target::Exact("source_id"),
        Some("format") => Target::Exact("format"),
        Some("date") => Target::Date,
        Some("cluster") => Target::Cluster,
        Some("lang" | "language") => Target::Language,
        Some(other) => {
            return Err(QueryError::UnknownField {
                field: other.to_string(),
            })
        }
    })
}

/// The walk over one query's syntax tree.
struct Compiler {
    any: bool,
    /// The local analyzer, which decides each literal's shape.
    analyzer: TextAnalyzer,
}

impl Compiler {
    fn node(&mut self, ast: &UserInputAst) -> Result<Option<Node>, QueryError> {
        match ast {
            UserInputAst::Clause(children) => {
                let default = if self.any { Occur::Should } else { Occur::Must };
                let mut parts: Vec<(Occur, Part)> = Vec::new();
                for (occur, child) in children {
                    let occur = occur.unwrap_or(default);
                    match self.node(child)? {
                        Some(Node::Positive(part)) => parts.push((occur, part)),
                        // `-(-a)`: locally the inner exclusion matches nothing, so excluding
                        // it excludes nothing; it still counts as an exclusion below.
                        Some(Node::OnlyNegative) => {
                            parts.push((Occur::MustNot, Part::scored(json!({ "match_none": {} }))))
                        }
                        None => {}
                    }
                }
                if parts.is_empty() {
                    return Ok(None);
                }
                let only_negative = parts.iter().all(|(o, _)| *o == Occur::MustNot);
                if parts.len() == 1 && parts[0].0 != Occur::MustNot {
                    return Ok(parts.pop().map(|(_, part)| Node::Positive(part)));
                }
                Ok(Some(if only_negative {
                    Node::OnlyNegative
                } else {
                    Node::Positive(combine(parts))
                }))
            }
            UserInputAst::Boost(inner, boost) => Ok(self.node(inner)?.map(|n| match n {
                Node::Positive(part) => Node::Positive(part.boosted(boost.into_inner())),
                other => other,
            })),
            UserInputAst::Leaf(leaf) => Ok(self.leaf(leaf)?.map(Node::Positive)),
        }
    }

    fn leaf(&mut self, leaf: &UserInputLeaf) -> Result<Option<Part>, QueryError> {
        match leaf {
            UserInputLeaf::All => Ok(Some(Part::scored(json!({ "match_all": {} })))),
            UserInputLeaf::Literal(lit) => self.literal(lit),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => match target(field.as_deref())? {
                Target::Date => {
                    let (lo, hi) = query::date_bounds(lower, upper)?;
                    // `date:[* TO *]` bounds nothing: every dated article, as `date:*`.
                    Ok(Some(Part::unscored(
                        if matches!((lo, hi), (Bound::Unbounded, Bound::Unbounded)) {
                            json!({ "exists": { "field": "date" } })
                        } else {
                            date_within(lo, hi)
                        },
                    )))
                }
                _ => Err(QueryError::RangeNotOnDate),
            },
            UserInputLeaf::Exists { field } => match target(Some(field))? {
                Target::Date => Ok(Some(Part::scored(json!({ "exists": { "field": "date" } })))),
                _ => Err(QueryError::ExistsNotOnDate {
                    field: field.clone(),
                }),
            },
            UserInputLeaf::Set { field, elements } => {
                let mut parts = Vec::new();
                for e in elements {
                    let lit = UserInputLiteral {
                        field_name: field.clone(),
                        phrase: e.clone(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    if let Some(part) = self.literal(&lit)? {
                        parts.push((Occur::Should, part));
                    }
                }
                Ok((!parts.is_empty()).then(|| combine(parts)))
            }
            UserInputLeaf::Regex { .. } => Err(QueryError::Regex),
        }
    }

    fn literal(&mut self, lit: &UserInputLiteral) -> Result<Option<Part>, QueryError> {
        let target = target(lit.field_name.as_deref());
        let lit = &query::normalise(lit, matches!(target, Ok(Target::Exact(_))));
        match target? {
            Target::Date => {
                let span = query::parse_date(&lit.phrase)?;
                Ok(Some(Part::unscored(date_within(
                    Bound::Included(span.start),
                    Bound::Excluded(span.end),
                ))))
            }
            // `path:2014/01/*`: every value starting with what precedes the `*`.
            Target::Exact(field) if lit.prefix && lit.delimiter == Delimiter::None => Ok(Some(
                Part::scored(json!({ "prefix": { field: { "value": lit.phrase } } })),
            )),
            Target::Exact(field) => Ok(Some(Part::scored(
                json!({ "term": { field: { "value": lit.phrase } } }),
            ))),
            Target::Language => {
                let language = crate::lang::Language::from_code(&lit.phrase).ok_or_else(|| {
                    QueryError::BadLanguage {
                        code: lit.phrase.clone(),
                    }
                })?;
                Ok(Some(Part::scored(
                    json!({ "term": { "language": { "value": language.code } } }),
                )))
            }
            Target::Cluster => {
                let id = u64::from_str_radix(lit.phrase.trim(), 16)
                    .ok()
                    .filter(|_| lit.phrase.trim().len() <= 16 && !lit.prefix)
                    .ok_or_else(|| QueryError::BadCluster {
                        input: lit.phrase.clone(),
                    })?;
                Ok(Some(Part::scored(
                    json!({ "term": { "cluster": { "value": format!("{id:016x}") } } }),
                )))
            }
            Target::Text(fields) => self.text(lit, fields),
        }
    }

    /// A literal searched in analysed text `fields`, by the shape its analysed tokens give
    /// it locally; nothing when it has no token (punctuation, words too long to index).
    fn text(
        &mut self,
        lit: &UserInputLiteral,
        fields: &[(&str, f32)],
    ) -> Result<Option<Part>, QueryError> {
        let tokens = self.tokens(&lit.phrase);
        let Some(first) = tokens.first() else {
            return Ok(None);
        };
        let single = tokens.len() == 1;
        let fuzzy = single && lit.slop > 0 && lit.delimiter == Delimiter::None;
        if fuzzy && lit.slop > 2 {
            return Err(QueryError::FuzzyDistance {
                word: lit.phrase.clone(),
                distance: lit.slop,
            });
        }
        let query = if single && lit.prefix {
            // Every stem the word endings give, as no index is at hand to tell real words'
            // stems from others' (see the module comment).
            let prefix = Prefix::of(&mut self.analyzer, &lit.phrase, &|_, _| true);
            prefix_query(&prefix, fields)
        } else if fuzzy {
            fuzzy_query(lit, first, lit.slop.min(2), fields)
        } else if single {
            word_query(lit, fields)
        } else {
            phrase_query(lit, fields)
        };
        Ok(Some(Part::scored(query)))
    }

    /// The analysed tokens of a literal's text.
    fn tokens(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }
}

/// The clauses of a group as one `bool`: scored clauses that must match under `must`,
/// unscored ones (dates) under `filter`, optional ones under `should`, exclusions under
/// `must_not`. The group scores when a clause other than an exclusion does.
fn combine(parts: Vec<(Occur, Part)>) -> Part {
    let scored = parts
        .iter()
        .any(|(occur, part)| *occur != Occur::MustNot && part.scored);
    let (mut must, mut filter, mut should, mut must_not) = (vec![], vec![], vec![], vec![]);
    for (occur, part) in parts {
        match occur {
            Occur::Must if part.scored => must.push(part.query),
            Occur::Must => filter.push(part.query),
            // Beside scored clauses, an unscored one must add nothing to the score.
            Occur::Should if scored => should.push(part.alone()),
            Occur::Should => should.push(part.query),
            Occur::MustNot => must_not.push(part.query),
        }
    }
    // Optional clauses with nothing required beside them: one of them must match, as
    // locally (OpenSearch's default too; said outright where exclusions stand beside them).
    let one_should = !should.is_empty() && must.is_empty() && filter.is_empty();
    let one_should = one_should && !must_not.is_empty();
    let mut body = Map::new();
    for (key, list) in [
        ("must", must),
        ("filter", filter),
        ("should", should),
        ("must_not", must_not),
    ] {
        if !list.is_empty() {
            body.insert(key.to_string(), Value::Array(list));
        }
    }
    if one_should {
        body.insert("minimum_should_match".to_string(), json!(1));
    }
    Part {
        query: json!({ "bool": body }),
        scored,
    }
}

/// The largest boost sent: far above any weight that means something, and far enough below
/// the largest `f32` for boosted scores to stay finite (an infinite score fails the search
/// on the cluster, where locally it only ranks first).
const MAX_BOOST: f64 = 1e30;

/// `query` with its score multiplied by `boost`: in the query's own `boost` where it takes
/// one, else as the one clause of a boosted `bool`; at most `MAX_BOOST` in all.
fn boost_query(mut query: Value, boost: f64) -> Value {
    let params = query
        .as_object_mut()
        .filter(|o| o.len() == 1)
        .and_then(|o| o.iter_mut().next())
        .and_then(|(kind, body)| match kind.as_str() {
            "bool" | "multi_match" | "constant_score" | "match_all" | "exists" => {
                body.as_object_mut()
            }
            // `{"term": {"field": {...}}}`: the boost goes with the field.
            "term" | "prefix" | "fuzzy" | "match" | "match_phrase" | "match_phrase_prefix" => body
                .as_object_mut()
                .filter(|o| o.len() == 1)
                .and_then(|o| o.values_mut().next())
                .and_then(Value::as_object_mut),
            _ => None,
        });
    match params {
        Some(params) => {
            let old = params.get("boost").and_then(Value::as_f64).unwrap_or(1.0);
            params.insert("boost".to_string(), json!((old * boost).min(MAX_BOOST)));
            query
        }
        None => json!({ "bool": { "must": [query], "boost": boost.min(MAX_BOOST) } }),
    }
}

/// `fields` as `multi_match` names them: `title^2.5`.
fn field_names(fields: &[(&str, f32)]) -> Vec<String> {
    fields
        .iter()
        .map(|&(name, boost)| {
            if has_boost(boost) {
                format!("{name}^{boost}")
            } else {
                name.to_string()
            }
        })
        .collect()
}

fn has_boost(boost: f32) -> bool {
    (boost - 1.0).abs() > f32::EPSILON
}

/// `params` with `"boost"` when `boost` is not 1.
fn with_boost(mut params: Value, boost: f32) -> Value {
    if has_boost(boost) {
        params["boost"] = json!(f64::from(boost));
    }
    params
}

/// A plain word: articles with it in one of `fields`. Bare, in the combined field,
/// where one saturation over the title (weighted by repetition), byline and body scores
/// it as the local BM25F does; in named fields, `cross_fields` over them.
fn word_query(lit: &UserInputLiteral, fields: &[(&str, f32)]) -> Value {
    if std::ptr::eq(fields, DEFAULT_FIELDS) {
        return json!({ "match": { COMBINED: { "query": lit.phrase, "operator": "and" } } });
    }
    json!({ "multi_match": {
        "query": lit.phrase,
        "type": "cross_fields",
        "fields": field_names(fields),
        "operator": "and",
    } })
}

/// Several words at their positions (within the literal's slop), or ending in a prefix;
/// each field scores on its own and the scores add up.
fn phrase_query(lit: &UserInputLiteral, fields: &[(&str, f32)]) -> Value {
    if std::ptr::eq(fields, DEFAULT_FIELDS) {
        // The field's values sit 100 positions apart: a phrase never spans two of them.
        let mut params = json!({ "query": lit.phrase });
        if lit.prefix {
            params["max_expansions"] = json!(PHRASE_PREFIX_EXPANSIONS);
        } else if lit.slop > 0 {
            params["slop"] = json!(lit.slop);
        }
        let kind = if lit.prefix {
            "match_phrase_prefix"
        } else {
            "match_phrase"
        };
        return json!({ kind: { COMBINED: params } });
    }
    let mut params = json!({
        "query": lit.phrase,
        "type": if lit.prefix { "phrase_prefix" } else { "phrase" },
        "fields": field_names(fields),
        "tie_breaker": 1.0,
    });
    if lit.prefix {
        params["max_expansions"] = json!(PHRASE_PREFIX_EXPANSIONS);
    } else if lit.slop > 0 {
        params["slop"] = json!(lit.slop);
    }
    json!({ "multi_match": params })
}

/// Every term within `distance` edits of the analysed word `stem` (a swap of neighbours
/// being one), at one constant score per field, and the word itself as a plain word, so
/// that articles with it rank above those with only a neighbour.
fn fuzzy_query(lit: &UserInputLiteral, stem: &str, distance: u32, fields: &[(&str, f32)]) -> Value {
    let mut should = vec![word_query(lit, fields)];
    for &(field, boost) in fields {
        let params = json!({
            "value": stem,
            "fuzziness": distance,
            "transpositions": true,
            "rewrite": "constant_score",
        });
        should.push(json!({ "fuzzy": { field: with_boost(params, boost) } }));
    }
    json!({ "bool": { "should": should } })
}

/// The terms `prefix` matches in each of `fields`, at one constant score per field.
fn prefix_query(prefix: &Prefix, fields: &[(&str, f32)]) -> Value {
    let mut per_field: Vec<Value> = fields
        .iter()
        .map(|&(field, boost)| {
            let starting = json!({ "prefix": { field: { "value": prefix.text } } });
            let filter = if prefix.stems.is_empty() {
                starting
            } else {
                json!({ "bool": { "should": [starting, { "terms": { field: prefix.stems } }] } })
            };
            json!({ "constant_score": with_boost(json!({ "filter": filter }), boost) })
        })
        .collect();
    if per_field.len() == 1 {
        per_field.remove(0)
    } else {
        json!({ "bool": { "should": per_field } })
    }
}

/// Articles dated within `[lower, upper)` (the bounds `query::date_bounds` gives), as the
/// local `DateWithin` matches them: the stored instant within the range, and for an
/// article dated only to a year, month or day, that whole span ending by the upper bound.
fn date_within(lower: Bound<OffsetDateTime>, upper: Bound<OffsetDateTime>) -> Value {
    let mut range = Map::new();
    match lower {
        Bound::Included(t) => range.insert("gte".to_string(), json!(instant(t))),
        Bound::Excluded(t) => range.insert("gt".to_string(), json!(instant(t))),
        Bound::Unbounded => None,
    };
    match upper {
        Bound::Excluded(t) => range.insert("lt".to_string(), json!(instant(t))),
        Bound::Included(t) => range.insert("lte".to_string(), json!(instant(t))),
        Bound::Unbounded => None,
    };
    let range = json!({ "range": { "date": range } });
    let end = match upper {
        Bound::Excluded(t) => Some(t),
        Bound::Included(t) => Some(t + time::Duration::SECOND),
        Bound::Unbounded => None,
    };
    let precisions = [
        DatePrecision::Year,
        DatePrecision::Month,
        DatePrecision::Day,
        DatePrecision::Minute,
        DatePrecision::Second,
    ];
    let too_late: Vec<Value> = end
        .map(|end| {
            precisions
                .into_iter()
                .filter_map(|p| {
                    let latest = latest_start_within(p, end)?;
                    Some(json!({ "bool": { "filter": [
                        { "term": { "date_precision": { "value": p.as_str() } } },
                        { "range": { "date": { "gt": instant(latest) } } },
                    ] } }))
                })
                .collect()
        })
        .unwrap_or_default();
    if too_late.is_empty() {
        range
    } else {
        json!({ "bool": { "filter": [range], "must_not": too_late } })
    }
}

/// A bound in RFC 3339 on the articles' clocks, written as UTC as the documents' dates are;
/// with milliseconds (the `date` field's resolution) when it
/// falls between seconds, as the end of the calendar's last span does.
fn instant(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let whole = crate::article::rfc3339(t);
    match t.millisecond() {
        0 => whole,
        ms => format!("{}.{ms:03}Z", whole.trim_end_matches('Z')),
    }
}

#[cfg(test)]
#[path = "dsl_tests.rs"]
mod tests;
