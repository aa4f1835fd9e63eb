//! The index settings and mapping the cluster is given (`schema/opensearch/articles.json`,
//! compiled in), with the shard and replica counts a push asks for.

use serde_json::Value;

use crate::error::{Error, Result};

/// `schema/opensearch/articles.json` as shipped.
pub const ARTICLES: &str = include_str!("../../schema/opensearch/articles.json");

/// The body of the create-index request: settings and mappings, with `shards` and
/// `replicas` when given, and refreshes off (`refresh_interval: -1`) when `loading`,
/// for a first bulk load; comments (`_comment` keys) removed.
pub fn create_body(shards: Option<u32>, replicas: Option<u32>, loading: bool) -> Result<Value> {
    let mut body: Value = serde_json::from_str(ARTICLES)
        .map_err(|e| Error::Schema(format!("schema/opensearch/articles.json: {e}")))?;
    strip_comments(&mut body);
    let index = &mut body["settings"]["index"];
    if let Some(n) = shards {
        index["number_of_shards"] = n.into();
    }
    if let Some(n) = replicas {
        index["number_of_replicas"] = n.into();
    }
    if loading {
        index["refresh_interval"] = "-1".into();
    }
    Ok(body)
}

/// The schema version the mapping was written for (`mappings._meta`).
pub fn schema_version() -> Option<u64> {
    let body: Value = serde_json::from_str(ARTICLES).ok()?;
    body["mappings"]["_meta"]["newsdex_schema_version"].as_u64()
}

fn strip_comments(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("_comment");
            map.values_mut().for_each(strip_comments);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_comments),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opensearch::document::Source;

    fn fields_json() -> Value {
        serde_json::from_str(include_str!("../../schema/fields.json")).unwrap()
    }

    /// Every index field has its counterpart in the mapping, of the matching kind: text
    /// analysed by the `newsdex` analyzer with offsets (for highlighting), exact strings
    /// as keywords, the date as a date; the fields that exist only for the local index's
    /// change detection are named here and nowhere else.
    #[test]
    fn the_mapping_matches_the_index_schema() {
        let local_only = ["file_size", "file_mtime", "file_hash"];
        // Local fields held in another place of the mapping.
        let elsewhere = [
            ("title_value", "title.value"),
            ("fingerprint_hi", "fingerprint"),
        ];
        let body = create_body(None, None, false).unwrap();
        let props = &body["mappings"]["properties"];
        let schema = fields_json();
        assert_eq!(
            Some(schema["version"].as_u64().unwrap()),
            schema_version(),
            "bump mappings._meta.newsdex_schema_version with schema/fields.json"
        );
        for f in schema["fields"].as_array().unwrap() {
            let name = f["name"].as_str().unwrap();
            if local_only.contains(&name) {
                continue;
            }
            if let Some((_, at)) = elsewhere.iter().find(|(n, _)| *n == name) {
                let mut p = props;
                for (i, part) in at.split('.').enumerate() {
                    p = if i == 0 { &p[part] } else { &p["fields"][part] };
                }
                assert!(p.is_object(), "{name} should be mapped as {at}");
                continue;
            }
            let m = &props[name];
            let ty = m["type"]
                .as_str()
                .unwrap_or_else(|| panic!("{name} is not mapped"));
            match f["type"].as_str().unwrap() {
                "text" => {
                    assert_eq!(ty, "text", "{name}");
                    assert_eq!(m["analyzer"], "newsdex", "{name}");
                    assert_eq!(m["index_options"], "offsets", "{name}");
                }
                "string" => assert_eq!(ty, "keyword", "{name}"),
                "date" => assert_eq!(ty, "date", "{name}"),
                "i64" => assert_eq!(ty, "long", "{name}"),
                // The id and the copy cluster are written as 16 hex digits.
                "u64" => assert_eq!(ty, "keyword", "{name}"),
                other => panic!("{name}: no mapping rule for {other}"),
            }
        }
        // And the mapping holds nothing the documents do not carry.
        let doc = serde_json::to_value(Source {
            id: String::new(),
            path: String::new(),
            source: String::new(),
            format: String::new(),
            encoding: "utf-8".into(),
            language: "en".into(),
            title: Some(String::new()),
            title_extra: vec![String::new()],
            byline: Some(String::new()),
            authors: vec![String::new()],
            source_id: Some(String::new()),
            date: Some(String::new()),
            date_precision: Some(String::new()),
            date_offset: Some(0),
            fingerprint: Some(String::new()),
            cluster: Some(String::new()),
            body: String::new(),
        })
        .unwrap();
        // `text` is filled by copy_to from the title, byline and body.
        let mut mapped: Vec<&String> = props
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "text")
            .collect();
        let mut carried: Vec<&String> = doc.as_object().unwrap().keys().collect();
        mapped.sort();
        carried.sort();
        assert_eq!(mapped, carried);
    }

    /// The analyzer is the local pipeline, step for step.
    #[test]
    fn the_analyzer_follows_the_local_pipeline() {
        let body = create_body(None, None, false).unwrap();
        let pipeline: Vec<String> = fields_json()["tokenizer"]["pipeline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            pipeline,
            [
                "simple",
                "remove_long:40",
                "lowercase",
                "ascii_folding",
                "stem:english"
            ]
        );
        let analysis = &body["settings"]["analysis"];
        let analyzer = &analysis["analyzer"]["newsdex"];
        assert_eq!(
            analysis["tokenizer"][analyzer["tokenizer"].as_str().unwrap()]["type"],
            "pattern"
        );
        let filters: Vec<&str> = analyzer["filter"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        assert_eq!(
            filters,
            [
                "newsdex_remove_long",
                "lowercase",
                "asciifolding",
                "newsdex_stem"
            ]
        );
        // remove_long:40 keeps tokens shorter than 40 bytes.
        assert_eq!(analysis["filter"]["newsdex_remove_long"]["max"], 39);
        // Snowball English is Porter2 (Lucene's "english" stemmer is the older Porter).
        assert_eq!(analysis["filter"]["newsdex_stem"]["language"], "porter2");
        assert!(!serde_json::to_string(&body).unwrap().contains("_comment"));
    }

    /// Bare words are searched in `text`, filled from the title (three times), the
    /// byline and the body, and scored by the BM25F similarity.
    #[test]
    fn bare_words_search_one_combined_field() {
        let body = create_body(None, None, false).unwrap();
        let props = &body["mappings"]["properties"];
        for f in ["title", "title_extra", "byline", "body"] {
            assert_eq!(props[f]["copy_to"], serde_json::json!(["text"]), "{f}");
        }
        assert_eq!(props["title_extra"]["index"], false);
        assert_eq!(props["text"]["similarity"], "newsdex_bm25f");
        assert_eq!(
            body["settings"]["similarity"]["newsdex_bm25f"]["type"],
            "scripted"
        );
        assert_eq!(
            body["mappings"]["_source"]["excludes"],
            serde_json::json!(["title_extra"])
        );
    }

    /// Quickwit's index config names the same fields as the OpenSearch documents.
    #[test]
    fn the_quickwit_config_names_every_field() {
        let yaml = include_str!("../../schema/quickwit/articles.yaml");
        let mut named: Vec<&str> = yaml
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- name: "))
            .collect();
        let body = create_body(None, None, false).unwrap();
        let mut mapped: Vec<&str> = body["mappings"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| !["text", "title_extra"].contains(k))
            .collect();
        named.sort();
        mapped.sort();
        assert_eq!(named, mapped);
        assert!(yaml.contains("timestamp_field: date"));
    }

    #[test]
    fn a_first_load_turns_refreshes_off() {
        let body = create_body(Some(1), Some(0), true).unwrap();
        assert_eq!(body["settings"]["index"]["number_of_shards"], 1);
        assert_eq!(body["settings"]["index"]["number_of_replicas"], 0);
        assert_eq!(body["settings"]["index"]["refresh_interval"], "-1");
    }
}
