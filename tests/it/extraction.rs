//! Every fixture article (and every article the broken archive `tests/data/broken/` still
//! yields) comes out of the index with the title, date, byline and body listed in
//! `tests/data/expected-*.json`.

use std::path::Path;

use serde_json::Value;

use crate::env::{
    assert_valid, broken_dir, expected, expected_broken, field_mismatches, stderr, validator,
    TestEnv,
};

#[test]
fn every_fixture_has_its_expected_fields() {
    let env = TestEnv::indexed();
    assert_expected_fields(&env, &env.index(), &expected());
}

/// The broken archive indexes with one warning per problem and exit 0, and every article
/// its files still hold has its expected fields.
#[test]
fn broken_files_warn_and_still_give_their_expected_fields() {
    let env = TestEnv::new();
    let index = env.dir.path().join("broken-index");
    let out = env.run(&[
        "index",
        broken_dir().to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Files are read on several threads: warnings of different files come in any order.
    let mut warnings = stderr(&out).lines().map(str::to_owned).collect::<Vec<_>>();
    warnings.sort();
    assert_eq!(
        warnings,
        [
            "newsdex: warning: json/scraped-lines.jsonl: line 2: invalid JSON (EOF while parsing a string at column 121)",
            "newsdex: warning: xml/nitf-truncated.xml: line 19: XML error (syntax error: tag not closed: `>` not found before end of input)",
            "newsdex: warning: xml/nitf-truncated.xml: unexpected end of file: <nitf>, <body>, <body.content> not closed",
        ]
    );
    assert_expected_fields(&env, &index, &expected_broken());
}

/// Every entry of `expected` is an article of `index` with that title, date, byline and
/// body, and nothing else is in the index.
fn assert_expected_fields(env: &TestEnv, index: &Path, expected: &[Value]) {
    let index = index.to_str().unwrap();
    let all = env.search_json(&["", "--limit", "1000", "--no-collapse", "--index", index]);
    assert_eq!(all["total_hits"].as_u64().unwrap() as usize, expected.len());
    let article_schema = validator("article.schema.json");

    let mut failures = Vec::new();
    for want in expected {
        let path = want["path"].as_str().unwrap();
        // Multi-record files are told apart by source_id (or title) as well as path.
        let candidates: Vec<&Value> = all["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["path"] == path)
            .collect();
        let hit = match candidates.as_slice() {
            [] => panic!("{path} not indexed"),
            [one] => *one,
            many => {
                let ids: Vec<String> = many
                    .iter()
                    .map(|h| h["id"].as_str().unwrap().to_string())
                    .collect();
                let found = ids.iter().find(|id| {
                    let out = env.run(&["show", id, "--format", "json", "--index", index]);
                    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
                    (want.get("source_id").is_some() && got["source_id"] == want["source_id"])
                        || (want.get("source_id").is_none() && got["title"] == want["title"])
                });
                let id = found.unwrap_or_else(|| panic!("{path}: no record matches {want}"));
                many.iter().find(|h| h["id"] == id.as_str()).unwrap()
            }
        };
        let id = hit["id"].as_str().unwrap();
        let out = env.run(&["show", id, "--format", "json", "--index", index]);
        assert!(out.status.success(), "show {path}: {}", stderr(&out));
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_valid(&article_schema, &got);
        failures.extend(field_mismatches(path, &got, want));
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn caption_printed_twice_is_kept_once() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["title:lighthouse"]);
    let id = v["hits"][0]["id"].as_str().unwrap();
    let out = env.run(&["show", id, "--format", "json"]);
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let body = got["body"].as_str().unwrap();
    let first_para = body.split("\n\n").next().unwrap();
    assert!(first_para.contains("[Xinhua]"), "{first_para}");
    assert_eq!(body.matches(first_para).count(), 1);
}

#[test]
fn windows_1252_file_is_decoded() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["hartley"]);
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    let id = v["hits"][0]["id"].as_str().unwrap();
    let got: Value =
        serde_json::from_slice(&env.run(&["show", id, "--format", "json"]).stdout).unwrap();
    assert_eq!(got["encoding"], "windows-1252");
    let body = got["body"].as_str().unwrap();
    assert!(body.contains('£'), "{body}");
    assert!(!body.contains('\u{fffd}'));
}

/// Synthetic pages in `tests/data/pages/` (outside the indexed fixtures): bylines and
/// dates that only the page's markup or a cross-reference gives.
#[test]
fn html_bylines_and_dates_from_references_and_the_page() {
    let env = TestEnv::new();
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages");
    let cases = [
        (
            // JSON-LD author split like a byline; no date in the data, one shown under
            // the headline (EST), others in the nav bar, related stories and comments.
            "wire-story-shown-date.html",
            "NORA VALE and IDA KRUSE, Associated Press",
            &["NORA VALE", "IDA KRUSE", "AP"][..],
            "2021-03-08T23:11:00-05:00",
            "minute",
        ),
        (
            // Yoast @graph: the author is an @id reference to a Person; JSON-LD gives the
            // day, article:published_time the second.
            "yoast-graph-reference.html",
            "Rosa Imbert",
            &["Rosa Imbert"][..],
            "2021-04-12T07:45:10Z",
            "second",
        ),
    ];
    for (file, byline, authors, date, precision) in cases {
        let path = pages.join(file);
        let out = env.run(&["extract", path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let got = &v[0];
        assert_valid(&validator("article.schema.json"), got);
        assert_eq!(got["byline"], byline, "{file}");
        assert_eq!(got["authors"], serde_json::json!(authors), "{file}");
        assert_eq!(got["date"], date, "{file}");
        assert_eq!(got["date_precision"], precision, "{file}");
    }
}

/// `extract --explain` says, for each field, the rule that chose it, how sure it is, the
/// input lines it came from and the runner-up, as text and as JSON valid against the
/// article schema.
#[test]
fn explain_names_rule_lines_and_runner_up() {
    let env = TestEnv::empty();
    let files = env.beside();
    files.file(
        "masthead.txt",
        "Daily Courier\n\nMinisters sign Caspian pipeline accord\nMarch 3, 2014, 9:15 am\n\n\
         Energy ministers from three countries signed an agreement on Monday to build a \
         pipeline under the Caspian Sea, ending years of talks.\n\n\
         The pipeline will carry gas to Europe from 2019, officials said at the ceremony.\n\n\
         By Anna Novak\n",
    );
    files.file(
        "page.html",
        "<html><head><title>Harbour reopens | Daily Courier</title></head><body>\
         <h1>Harbour reopens</h1><p>Posted on 27 June 2019 by Anna Novak</p>\
         <p>The harbour reopened on Thursday after a year of repairs to its old stone walls, \
         and the first ferries came in before noon.</p></body></html>",
    );
    files.file(
        "story.json",
        r#"{"title": "Harbour reopens", "date": "2019-06-27", "body": "The harbour reopened."}"#,
    );
    let path = |name: &str| files.path(name).to_str().unwrap().to_string();

    let out = env.run(&["extract", &path("masthead.txt"), "--explain"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("why (text extractor):"), "{text}");
    assert!(text.contains("runner-up: "), "{text}");
    assert!(text.contains("score "), "{text}");

    let schema = validator("article.schema.json");
    let names = [path("masthead.txt"), path("page.html"), path("story.json")];
    let mut args = vec!["extract", "--explain", "--format", "json"];
    args.extend(names.iter().map(String::as_str));
    let out = env.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles.len(), 3);
    for a in &articles {
        assert_valid(&schema, a);
    }
    let why = |i: usize, field: usize| &articles[i]["explain"]["fields"][field];
    assert_eq!(articles[0]["explain"]["extractor"], "text");
    assert_eq!(
        articles[0]["title"],
        "Ministers sign Caspian pipeline accord"
    );
    assert_eq!(why(0, 0)["lines"], serde_json::json!([3, 3]));
    // The masthead was considered and lost; each candidate lists its signals.
    let considered = why(0, 0)["candidates"].as_array().unwrap();
    let masthead = considered
        .iter()
        .find(|c| c["value"] == "Daily Courier")
        .expect("masthead considered");
    assert!(masthead["score"].as_f64() < considered[0]["score"].as_f64());
    assert_eq!(considered[0]["signals"]["near_date"]["value"], 1.0);
    assert!(considered[0]["signals"]["near_date"]["weight"].as_f64() > Some(0.0));
    assert_eq!(why(0, 1)["lines"], serde_json::json!([4, 4]));
    assert!(why(0, 1)["confidence"].as_f64().unwrap() >= 0.5);
    assert_eq!(articles[1]["explain"]["extractor"], "html");
    assert!(why(1, 0)["rule"].is_string(), "{}", articles[1]["explain"]);
    assert!(why(1, 1)["rule"].is_string(), "{}", articles[1]["explain"]);
    assert_eq!(articles[2]["explain"]["extractor"], "record");

    // Without the flag the output has no explanation.
    let out = env.run(&["extract", "--format", "json", &path("story.json")]);
    let plain: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(plain[0].get("explain").is_none());
}

/// A site mirrored to disk (`wget -r`): a page that names no address of its own is dated
/// by the path it is stored under, when it is indexed.
#[test]
fn a_mirrored_page_is_dated_by_its_path() {
    let env = TestEnv::empty();
    let page = "<html><head><title>Harbour reopens | Courier</title></head><body>\
        <h1>Harbour reopens</h1><p>The harbour at Kestrel Bay reopened to fishing boats on \
        Thursday after three weeks of repairs to the storm-damaged sea wall.</p></body></html>";
    env.add()
        .file("www.courier.example/2019/06/27/harbour-reopens.html", page)
        .file("www.courier.example/pages/about-harbour.html", page);
    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = env.search_json(&["harbour", "--no-collapse"]);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2, "{v}");
    let dated: Vec<_> = hits
        .iter()
        .map(|h| (h["path"].as_str().unwrap(), h["date"].as_str()))
        .collect();
    assert!(
        dated.contains(&(
            "www.courier.example/2019/06/27/harbour-reopens.html",
            Some("2019-06-27T00:00:00Z")
        )),
        "{dated:?}"
    );
    assert!(
        dated.contains(&("www.courier.example/pages/about-harbour.html", None)),
        "{dated:?}"
    );
}
