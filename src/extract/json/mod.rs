//! JSON articles: one object, an array of objects, several concatenated objects, JSON Lines
//! (one article per line), and ninjs, IPTC's JSON news format.
//!
//! Fields are found by explicit names when the user gives them (`Mapping`, from
//! `--json-title` etc.; dotted paths reach nested fields, `authors.name` collects the
//! name of every author in a list), else by the names news exports commonly use, in order
//! of preference (see `TITLE_KEYS` ...). Values may be strings, numbers (ids; dates as Unix
//! seconds or milliseconds), arrays of strings, objects with a `name`, or WordPress-style
//! `{"rendered": ...}` objects. Bodies that hold HTML go through `fragment_to_text`.
//!
//! Envelopes around the articles (`{"data": {"items": [...]}}`, search-engine `hits`) are
//! unwrapped when the outer object has no article fields itself. A malformed JSON Lines
//! line is reported as "line N: invalid JSON (...)" and the other lines are still read.
//! Record keys: the article's id, else "line:N" for JSON Lines or the 1-based position in
//! an array, with "#2", "#3" added to a repeated id; "" for a file holding a single
//! object. ninjs items are detected and named "ninjs"; ninjs pictures, videos and other
//! non-text items are skipped.

mod values;

use serde_json::{Map, Value};

use crate::article::{Fields, Record};
use crate::extract::extracted::Extracted;
use crate::extract::prose;

use values::{
    body_text, date_value, get, id_text, is_empty, is_rendered, people, resolve, scalar_text,
    str_at,
};

/// Explicit field names for JSON input; `None` means "detect from common names".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    pub title: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub body: Option<String>,
    pub id: Option<String>,
}

const TITLE_KEYS: &[&str] = &["headline", "title", "name"];
/// Publication first: the date a reader searches by. ninjs `firstcreated` before
/// `versioncreated`, so every version of a story keeps its first date.
const DATE_KEYS: &[&str] = &[
    "datePublished",
    "date_published",
    "published",
    "publishedAt",
    "published_at",
    "date_publish",
    "firstpublished",
    "pubDate",
    "pub_date",
    "date",
    "firstcreated",
    "versioncreated",
    "dateCreated",
    "created_at",
    "createdAt",
    "created",
    "timestamp",
];
const BYLINE_KEYS: &[&str] = &["byline", "by"];
const AUTHOR_KEYS: &[&str] = &["authors", "author", "creator", "creators", "writer"];
/// Full text first; summaries (`description*`) only when there is nothing else.
const BODY_KEYS: &[&str] = &[
    "articleBody",
    "body_html",
    "body_text",
    "body",
    "text",
    "content",
    "maintext",
    "content_html",
    "fulltext",
    "full_text",
    "story",
    "description_text",
    "description_html",
    "description",
    "summary",
];
const ID_KEYS: &[&str] = &["id", "guid", "uri", "_id", "uuid", "url", "link"];
/// Keys under which a record declares its language (ninjs and schema.org use the first
/// and the last).
const LANGUAGE_KEYS: &[&str] = &["language", "lang", "locale", "inLanguage"];
/// Keys under which APIs and dumps wrap their articles.
const ENVELOPE_KEYS: &[&str] = &[
    "data",
    "items",
    "item",
    "articles",
    "article",
    "results",
    "docs",
    "documents",
    "entries",
    "hits",
    "_source",
    "posts",
    "stories",
    "news",
    "response",
    "records",
    "value",
];
/// ninjs item types that are not text.
const NINJS_NOT_TEXT: &[&str] = &["picture", "video", "audio", "graphic", "composite"];

pub fn extract(text: &str, lines: bool, mapping: &Mapping) -> Extracted {
    let text = text.trim_start_matches('\u{feff}');
    let mut out = Extracted::default();
    let docs = if lines {
        parse_lines(text, &mut out.problems)
    } else {
        parse_stream(text, &mut out.problems)
    };

    // (object, key when it has no id)
    let mut objects: Vec<(&Map<String, Value>, String)> = Vec::new();
    let single_doc = docs.len() == 1 && !lines;
    for (value, line) in &docs {
        let found = article_objects(value, mapping, 0);
        if found.is_empty() {
            out.problems.push(match line {
                Some(n) => format!("line {n}: not a JSON object"),
                None => "no JSON object found".to_string(),
            });
        }
        let many = found.len() > 1;
        for (i, obj) in found.into_iter().enumerate() {
            let key = match line {
                Some(n) if many => format!("line:{n}:{}", i + 1),
                Some(n) => format!("line:{n}"),
                None => (objects.len() + 1).to_string(),
            };
            objects.push((obj, key));
        }
    }

    let mut ninjs = false;
    let single = single_doc && objects.len() == 1;
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (obj, fallback_key) in objects {
        if is_ninjs(obj) {
            ninjs = true;
            if let Some(kind) = str_at(obj, "type").filter(|t| NINJS_NOT_TEXT.contains(t)) {
                out.not_text.push(format!("ninjs {kind} item (not text)"));
                continue;
            }
        }
        let (mut fields, id) = fields_of(obj, mapping);
        prose::finish(&mut fields);
        let mut key = if single {
            String::new()
        } else {
            id.clone().unwrap_or(fallback_key)
        };
        let base = key.clone();
        let mut n = 1;
        while seen.contains(&key) {
            n += 1;
            key = format!("{base}#{n}");
        }
        seen.insert(key.clone());
        let language = LANGUAGE_KEYS
            .iter()
            .find_map(|k| str_at(obj, k))
            .map(str::to_string);
        out.records.push(Record {
            key,
            fields,
            language,
        });
    }
    out.detail = Some(if ninjs {
        "ninjs"
    } else if lines {
        "jsonl"
    } else {
        "json"
    });
    out
}

/// JSON Lines: each non-blank line on its own; a bad line is a problem, not a failure.
fn parse_lines(text: &str, problems: &mut Vec<String>) -> Vec<(Value, Option<usize>)> {
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim().trim_start_matches('\u{feff}');
        if l.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(l) {
            Ok(v) => docs.push((v, Some(i + 1))),
            Err(e) => problems.push(format!("line {}: invalid JSON ({})", i + 1, reason(&e))),
        }
    }
    docs
}

/// One document, or several concatenated. When the stream breaks and the text has one
/// value per line, the file is JSON Lines after all: read it line by line.
fn parse_stream(text: &str, problems: &mut Vec<String>) -> Vec<(Value, Option<usize>)> {
    let mut docs = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    for item in stream.by_ref() {
        match item {
            Ok(v) => docs.push((v, None)),
            Err(e) => {
                let mut by_line = Vec::new();
                let mut line_problems = Vec::new();
                if text.lines().filter(|l| !l.trim().is_empty()).count() > 1 {
                    by_line = parse_lines(text, &mut line_problems);
                }
                if by_line.len() > docs.len() {
                    problems.extend(line_problems);
                    return by_line;
                }
                problems.push(format!("line {}: invalid JSON ({})", e.line(), reason(&e)));
                break;
            }
        }
    }
    docs
}

/// serde_json's message without its "at line L column C" suffix (the line is reported
/// separately), keeping the column.
fn reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!("{} at column {}", &msg[..i], e.column()),
        None => msg,
    }
}

/// The article objects in a parsed document: itself, the elements of an array, or what an
/// envelope object wraps.
fn article_objects<'a>(v: &'a Value, m: &Mapping, depth: usize) -> Vec<&'a Map<String, Value>> {
    if depth > 4 {
        return Vec::new();
    }
    match v {
        Value::Array(items) => items
            .iter()
            .flat_map(|i| article_objects(i, m, depth + 1))
            .collect(),
        Value::Object(obj) => {
            if looks_like_article(obj, m) {
                return vec![obj];
            }
            for key in ENVELOPE_KEYS {
                if let Some(inner) = get(obj, key) {
                    let found = article_objects(inner, m, depth + 1);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
            vec![obj]
        }
        _ => Vec::new(),
    }
}

fn looks_like_article(obj: &Map<String, Value>, m: &Mapping) -> bool {
    let explicit = [&m.title, &m.body]
        .into_iter()
        .flatten()
        .any(|p| !resolve(obj, p).is_empty());
    explicit
        || TITLE_KEYS
            .iter()
            .chain(BODY_KEYS)
            .any(|k| get(obj, k).is_some_and(|v| v.is_string() || is_rendered(v)))
}

fn is_ninjs(obj: &Map<String, Value>) -> bool {
    let has = |k: &str| obj.contains_key(k);
    (has("versioncreated") || has("firstcreated"))
        && (has("uri") || has("guid") || has("type"))
        && (has("headline") || has("body_html") || has("body_text") || has("byline"))
}

fn fields_of(obj: &Map<String, Value>, m: &Mapping) -> (Fields, Option<String>) {
    let pick = |explicit: &Option<String>, keys: &[&str]| -> Vec<&Value> {
        match explicit {
            Some(path) => resolve(obj, path),
            None => keys
                .iter()
                .find_map(|k| get(obj, k).filter(|v| !is_empty(v)))
                .into_iter()
                .collect(),
        }
    };
    let title = pick(&m.title, TITLE_KEYS)
        .into_iter()
        .find_map(scalar_text)
        .map(|t| {
            if prose::looks_like_html(&t) {
                prose::html_text(&t)
            } else {
                t
            }
        });
    let date = pick(&m.date, DATE_KEYS).into_iter().find_map(date_value);
    let body = pick(&m.body, BODY_KEYS)
        .into_iter()
        .map(body_text)
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let id = pick(&m.id, ID_KEYS).into_iter().find_map(id_text);

    let (byline, authors) = match &m.byline {
        Some(path) => people(&resolve(obj, path)),
        None => {
            let (byline, _) = people(&pick(&None, BYLINE_KEYS));
            let (joined, authors) = people(&pick(&None, AUTHOR_KEYS));
            (byline.or(joined), authors)
        }
    };
    let fields = Fields {
        title,
        date,
        byline,
        authors,
        body,
        source_id: id.clone(),
    };
    (fields, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(text: &str) -> Extracted {
        extract(text, false, &Mapping::default())
    }

    #[test]
    fn authors_as_strings_objects_and_bylines() {
        let f = |json: &str| auto(json).records[0].fields.clone();
        let a = f(r#"{"title": "T", "text": "b", "authors": ["Ann Lee", "Bo Park"]}"#);
        assert_eq!(a.authors, ["Ann Lee", "Bo Park"]);
        let b = f(r#"{"title": "T", "text": "b", "author": "By Ann Lee"}"#);
        assert_eq!(b.byline.as_deref(), Some("Ann Lee"));
        assert!(b.authors.is_empty());
        let c = f(
            r#"{"title": "T", "text": "b", "creator": {"first_name": "Ann", "last_name": "Lee"}}"#,
        );
        assert_eq!(c.byline.as_deref(), Some("Ann Lee"));
        let d =
            f(r#"{"title": "T", "text": "b", "byline": "Desk", "authors": [{"name": "Ann Lee"}]}"#);
        assert_eq!(
            (d.byline.as_deref(), d.authors.as_slice()),
            (Some("Desk"), &["Ann Lee".to_string()][..])
        );
    }

    #[test]
    fn one_object_with_common_names() {
        let out = auto(
            r#"{"id": 17, "headline": "Ferry &amp; bus strike", "datePublished": "2019-03-05T14:05:00+01:00",
                "author": [{"name": "Ana Ruiz"}, {"name": "Li Wei"}], "articleBody": "<p>One.</p><p>Two &amp; three.</p>"}"#,
        );
        assert_eq!(out.detail, Some("json"));
        assert_eq!(out.records.len(), 1);
        let r = &out.records[0];
        assert_eq!(r.key, "");
        assert_eq!(r.fields.title.as_deref(), Some("Ferry & bus strike"));
        assert_eq!(
            r.fields.date.unwrap().at.to_string(),
            "2019-03-05 14:05:00.0 +01:00:00"
        );
        assert_eq!(r.fields.byline.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(r.fields.authors, ["Ana Ruiz", "Li Wei"]);
        assert_eq!(r.fields.body, "One.\n\nTwo & three.");
        assert_eq!(r.fields.source_id.as_deref(), Some("17"));
    }

    #[test]
    fn arrays_envelopes_and_keys() {
        let out = auto(
            r#"{"status": "ok", "data": {"items": [{"item": {"title": "A", "body": "a", "guid": "g-1"}},
               {"item": {"title": "B", "body": "b"}}, {"item": {"title": "C", "body": "c", "guid": "g-1"}}]}}"#,
        );
        let keys: Vec<&str> = out.records.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["g-1", "2", "g-1#2"]);
        let arr = auto(r#"[{"title": "A", "text": "a"}, {"title": "B", "text": "b"}]"#);
        assert_eq!(arr.records.len(), 2);
        assert_eq!(arr.records[1].key, "2");
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let text = "{\"id\": \"a1\", \"title\": \"First\", \"text\": \"one\"}\n\n{\"title\": \"Broken\", \"text\": \n{\"title\": \"Third\", \"text\": \"three\"}\n";
        let out = extract(text, true, &Mapping::default());
        assert_eq!(out.detail, Some("jsonl"));
        let keys: Vec<&str> = out.records.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["a1", "line:4"]);
        assert_eq!(out.problems.len(), 1);
        assert!(
            out.problems[0].starts_with("line 3: invalid JSON ("),
            "{:?}",
            out.problems
        );
        // The same text sniffed as one JSON document still yields the good lines.
        let out = auto(text);
        assert_eq!(out.records.len(), 2);
        assert!(out.problems[0].starts_with("line 3:"));
    }

    #[test]
    fn explicit_mapping_with_dotted_paths() {
        let m = Mapping {
            title: Some("meta.head.main".into()),
            date: Some("meta.when".into()),
            byline: Some("people.name".into()),
            body: Some("content.0.text".into()),
            id: Some("meta.ref".into()),
        };
        let text = r#"{"meta": {"head": {"main": "Mapped title"}, "when": 1552000000, "ref": "R-9"},
            "people": [{"name": "Ann Lee"}, {"name": "Bo Park"}],
            "content": [{"text": "Mapped body."}, {"text": "ignored"}], "title": "not this"}"#;
        let out = extract(text, false, &m);
        let f = &out.records[0].fields;
        assert_eq!(f.title.as_deref(), Some("Mapped title"));
        assert_eq!(
            f.date.unwrap().at.to_string(),
            "2019-03-07 23:06:40.0 +00:00:00"
        );
        assert_eq!(f.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(f.body, "Mapped body.");
        assert_eq!(f.source_id.as_deref(), Some("R-9"));
        // A key with a dot in its name is matched whole.
        let out = extract(
            r#"{"dc.title": "Dotted", "text": "x"}"#,
            false,
            &Mapping {
                title: Some("dc.title".into()),
                ..Default::default()
            },
        );
        assert_eq!(out.records[0].fields.title.as_deref(), Some("Dotted"));
    }

    #[test]
    fn ninjs_items() {
        let out = auto(
            r#"{"uri": "urn:x:1", "type": "text", "headline": "Oil edges up", "versioncreated": "2017-08-24T01:58:40+0000",
                "firstcreated": "2017-07-03T01:38:13+0000", "byline": "By Henning Gloystein",
                "body_html": "<p>Oil prices edged up,\nsupported by drilling.<br/></p><p>Brent rose.</p>",
                "description_text": "Summary only."}"#,
        );
        assert_eq!(out.detail, Some("ninjs"));
        let f = &out.records[0].fields;
        assert_eq!(
            f.date.unwrap().at.to_string(),
            "2017-07-03 1:38:13.0 +00:00:00"
        );
        assert_eq!(f.byline.as_deref(), Some("Henning Gloystein"));
        assert_eq!(
            f.body,
            "Oil prices edged up, supported by drilling.\n\nBrent rose."
        );
        let pic = auto(
            r#"{"guid": "p", "type": "picture", "headline": "Photo", "versioncreated": "2017-08-25T04:41:35+0000", "body_text": "caption"}"#,
        );
        assert!(pic.records.is_empty());
        assert!(pic.problems.is_empty());
        assert!(pic.not_text[0].contains("picture"));
    }

    #[test]
    fn malformed_empty_and_odd_input() {
        assert!(auto("").records.is_empty());
        let out = auto("{\"title\": ");
        assert!(out.records.is_empty());
        assert!(
            out.problems[0].starts_with("line 1: invalid JSON"),
            "{:?}",
            out.problems
        );
        let out = auto("42");
        assert!(out.records.is_empty());
        assert_eq!(out.problems, ["no JSON object found"]);
        let out = auto(
            r#"{"title": {"rendered": "WP &#8211; title"}, "content": {"rendered": "<p>x</p>"}, "date": "1552000000000"}"#,
        );
        let f = &out.records[0].fields;
        assert_eq!(f.title.as_deref(), Some("WP – title"));
        assert_eq!(f.body, "x");
        assert!(f.date.is_some());
    }

    #[test]
    fn never_panics() {
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            "\"",
            ":",
            ",",
            "title",
            "body",
            "id",
            "1e999",
            "-",
            "null",
            "\\u00e9",
            "\\ud800",
            "\n",
            " ",
            "é",
            "\u{0}",
            "<p>",
            "&amp;",
            "authors",
            "name",
            "versioncreated",
            "type",
            "picture",
            ".",
            "0",
        ];
        let mapping = Mapping {
            title: Some("a.0.b".into()),
            byline: Some("authors.name".into()),
            ..Default::default()
        };
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 30) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let _ = extract(&s, false, &Mapping::default());
            let _ = extract(&s, true, &mapping);
        }
        let deep = "[".repeat(10_000);
        let _ = auto(&deep);
    }
}
