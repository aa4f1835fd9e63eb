//! JSON-LD: the schema.org description of the article that publishers embed for search
//! engines (`NewsArticle` and its relatives, often inside a Yoast-style `@graph`).

use std::collections::HashMap;

use serde_json::Value;
use trafilatura::dom::Document;

use super::clean::{clean, person_name};

/// The article described by the page's JSON-LD blocks (`NewsArticle`, `Article`,
/// `BlogPosting`, ... or, failing those, any object with a headline or publication date).
#[derive(Debug, Default)]
pub(super) struct JsonLd {
    pub(super) headline: Option<String>,
    pub(super) published: Vec<String>,
    pub(super) authors: Vec<String>,
    pub(super) body: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) site_name: Option<String>,
}

impl JsonLd {
    pub(super) fn read(doc: &Document) -> Self {
        let values: Vec<Value> = doc
            .scripts_with_type(&["application/ld+json"])
            .into_iter()
            .filter_map(|id| parse_json_ld(&doc.text_content(id)))
            .collect();
        let mut objects = Vec::new();
        for v in &values {
            collect_objects(v, 0, &mut objects);
        }
        let nodes = Nodes::index(&objects);
        // Article types first, then anything that looks like a page about one article.
        let mut ranked: Vec<(u8, &serde_json::Map<String, Value>)> = objects
            .into_iter()
            .filter_map(|o| {
                let rank = type_rank(o)?;
                Some((rank, o))
            })
            .collect();
        ranked.sort_by_key(|(r, _)| *r);
        let mut out = JsonLd::default();
        for (rank, o) in &ranked {
            if *rank == WEBSITE_RANK {
                continue;
            }
            if out.headline.is_none() {
                out.headline = ["headline", "name", "alternativeHeadline"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(as_text));
            }
            for k in ["datePublished", "dateCreated", "uploadDate"] {
                if let Some(d) = o.get(k).and_then(as_text) {
                    out.published.push(d);
                }
            }
            if out.authors.is_empty() {
                for k in ["author", "creator"] {
                    if let Some(a) = o.get(k) {
                        people(a, &nodes, 0, &mut out.authors);
                    }
                    if !out.authors.is_empty() {
                        break;
                    }
                }
            }
            if out.body.is_none() {
                out.body = o.get("articleBody").and_then(as_text);
            }
            if out.publisher.is_none() {
                out.publisher = o.get("publisher").and_then(|p| match p {
                    Value::Object(m) => m.get("name").and_then(as_text),
                    other => as_text(other),
                });
            }
        }
        out.site_name = ranked
            .iter()
            .find(|(r, _)| *r == WEBSITE_RANK)
            .and_then(|(_, o)| o.get("name").and_then(as_text));
        out
    }
}

const WEBSITE_RANK: u8 = 9;

/// 0 for news articles, 1 for other articles and posts, 2 for pages and other creative
/// works that carry a date or headline, `WEBSITE_RANK` for the site itself (its name only).
fn type_rank(o: &serde_json::Map<String, Value>) -> Option<u8> {
    let types: Vec<&str> = match o.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let has = |f: &dyn Fn(&str) -> bool| types.iter().any(|t| f(t));
    if has(&|t| t.ends_with("NewsArticle") || t == "ReportageNewsArticle") {
        Some(0)
    } else if has(&|t| {
        t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report" || t == "Review"
    }) {
        Some(1)
    } else if has(&|t| t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization") {
        Some(WEBSITE_RANK)
    } else if has(&|t| {
        matches!(
            t,
            "Person" | "ImageObject" | "BreadcrumbList" | "ListItem" | "SiteNavigationElement"
        )
    }) {
        None
    } else if o.contains_key("datePublished") || o.contains_key("headline") {
        Some(2)
    } else {
        None
    }
}

/// JSON-LD as published: often with raw newlines inside strings, HTML comments or CDATA
/// around it, or several objects without an enclosing array.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let t = raw.trim();
    let t = t.strip_prefix("<!--").unwrap_or(t);
    let t = t.strip_suffix("-->").unwrap_or(t).trim();
    let t = t.strip_prefix("//<![CDATA[").unwrap_or(t);
    let t = t.strip_suffix("//]]>").unwrap_or(t).trim();
    // Control characters are whitespace outside strings and invalid inside them.
    let cleaned: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(v) = serde_json::from_str(&cleaned) {
        return Some(v);
    }
    // Hand-written blocks leave a comma before `]` or `}`, which browsers' JavaScript
    // parsers and search engines accept.
    let cleaned = without_trailing_commas(&cleaned).unwrap_or(cleaned);
    if let Ok(v) = serde_json::from_str(&cleaned) {
        return Some(v);
    }
    // Several objects one after another.
    let values: Vec<Value> = serde_json::Deserializer::from_str(&cleaned)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect();
    (!values.is_empty()).then_some(Value::Array(values))
}

/// `json` without the commas that are followed (after whitespace) by `]` or `}`, outside
/// strings; `None` when there are none.
fn without_trailing_commas(json: &str) -> Option<String> {
    let mut drop = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut pending_comma: Option<usize> = None;
    for (i, c) in json.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                pending_comma = None;
            }
            ',' => pending_comma = Some(i),
            ']' | '}' => drop.extend(pending_comma.take()),
            c if c.is_whitespace() => {}
            _ => pending_comma = None,
        }
    }
    if drop.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(json.len());
    let mut from = 0;
    for i in drop {
        out.push_str(&json[from..i]);
        from = i + 1;
    }
    out.push_str(&json[from..]);
    Some(out)
}

fn collect_objects<'a>(
    v: &'a Value,
    depth: usize,
    out: &mut Vec<&'a serde_json::Map<String, Value>>,
) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, depth + 1, out)),
        Value::Object(m) => {
            out.push(m);
            for k in [
                "@graph",
                "mainEntity",
                "mainEntityOfPage",
                "itemListElement",
            ] {
                if let Some(x) = m.get(k) {
                    collect_objects(x, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

pub(super) fn as_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return a.iter().find_map(as_text),
        Value::Object(m) => return m.get("@value").and_then(as_text),
        _ => return None,
    };
    let s = clean(s);
    (!s.is_empty()).then_some(s)
}

/// The page's JSON-LD nodes by `@id`, for values that refer to a node instead of
/// repeating it (`"author": {"@id": "https://example.com/#/schema/person/42"}`).
struct Nodes<'a>(HashMap<&'a str, &'a serde_json::Map<String, Value>>);

impl<'a> Nodes<'a> {
    fn index(objects: &[&'a serde_json::Map<String, Value>]) -> Self {
        let mut map = HashMap::new();
        for o in objects {
            // A bare reference has only its `@id`; the node it names has more.
            if o.len() < 2 {
                continue;
            }
            if let Some(id) = o.get("@id").and_then(Value::as_str) {
                map.entry(id).or_insert(*o);
            }
        }
        Nodes(map)
    }

    fn get(&self, id: &str) -> Option<&'a serde_json::Map<String, Value>> {
        self.0.get(id).copied()
    }
}

/// Names in a JSON-LD author value: "Jane Doe", {"name": ...}, a reference to a node
/// elsewhere on the page ({"@id": ...}), or a list of those.
fn people(v: &Value, nodes: &Nodes, depth: usize, out: &mut Vec<String>) {
    if depth > 3 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| people(x, nodes, depth + 1, out)),
        Value::Object(m) => {
            if let Some(n) = m.get("name") {
                people(n, nodes, depth + 1, out);
            } else if let Some(name) = m
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| nodes.get(id))
                .and_then(|node| node.get("name"))
            {
                // Only the referenced node's own name: references are not chased further.
                people(name, nodes, depth + 1, out);
            }
        }
        Value::String(s) => {
            let s = clean(s);
            if let Some(n) = person_name(&s) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
                    out.push(n);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_commas_outside_strings_are_dropped() {
        assert_eq!(
            without_trailing_commas(r#"{"a":[1,2, ],"b":"x\",]",	}"#).as_deref(),
            Some(r#"{"a":[1,2 ],"b":"x\",]"	}"#)
        );
        assert_eq!(without_trailing_commas(r#"{"a":[1,2],"b":",}"}"#), None);
    }
}
