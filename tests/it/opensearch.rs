//! The OpenSearch side without a cluster: `newsdex export` streams, and the clear errors
//! of `push` and `--engine` when no cluster answers. (Against a real cluster:
//! benches/opensearch/check.py, run by .ci/run.)

use std::collections::BTreeSet;

use serde_json::Value;

use crate::env::TestEnv;

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Every article once, in id order, each action line paired with its document; resumed
/// after an id, the stream goes on exactly where it stopped.
#[test]
fn export_streams_every_article_in_id_order_and_resumes_after_an_id() {
    let env = TestEnv::indexed();
    let out = env.run(&["export", "--to", "opensearch-bulk"]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let all = lines(&out.stdout);
    assert_eq!(all.len() % 2, 0);
    let ids: Vec<String> = all
        .chunks(2)
        .map(|pair| {
            let id = pair[0]["index"]["_id"].as_str().unwrap().to_string();
            assert_eq!(pair[1]["id"], id.as_str());
            assert!(pair[1]["path"].is_string() && pair[1]["body"].is_string());
            assert_eq!(pair[1]["cluster"].as_str().unwrap().len(), 16);
            id
        })
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "ids unique and in order");
    let stats: Value =
        serde_json::from_slice(&env.run(&["stats", "--format", "json"]).stdout).unwrap();
    assert_eq!(ids.len() as u64, stats["articles"].as_u64().unwrap());
    // The same documents as `show` prints.
    let shown: Value =
        serde_json::from_slice(&env.run(&["show", &ids[0], "--format", "json"]).stdout).unwrap();
    assert_eq!(all[1]["title"], shown["title"]);
    assert_eq!(all[1]["body"], shown["body"]);

    let k = ids.len() / 2;
    let rest = lines(
        &env.run(&["export", "--to", "opensearch-bulk", "--after", &ids[k - 1]])
            .stdout,
    );
    assert_eq!(rest, all[2 * k..].to_vec());
    let named = lines(
        &env.run(&["export", "--to", "opensearch-bulk", "--name", "news"])
            .stdout,
    );
    assert_eq!(named[0]["index"]["_index"], "news");

    let quickwit = lines(&env.run(&["export", "--to", "quickwit-ndjson"]).stdout);
    assert_eq!(quickwit.len(), ids.len());
    let dated = quickwit.iter().find(|d| d.get("date").is_some()).unwrap();
    assert!(dated["date"].is_i64(), "Unix seconds: {dated}");
    assert!(quickwit.iter().all(|d| d.get("title_extra").is_none()));
    let qids: BTreeSet<&str> = quickwit.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(qids.len(), ids.len());

    let bad = env.run(&["export", "--to", "opensearch-bulk", "--after", "not-an-id"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(crate::env::stderr(&bad).contains("not an article id"));
}

/// With nothing listening, `push` and `--engine` fail with exit status 2 and a message
/// naming the address (never its credentials); a bad address is refused before any
/// request.
#[test]
fn an_unreachable_cluster_is_a_clear_error() {
    let env = TestEnv::indexed();
    let out = env
        .cmd()
        .args([
            "push",
            "--url",
            "http://ann:secret@127.0.0.1:9/news",
            "--quiet",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = crate::env::stderr(&out);
    assert!(err.contains("OpenSearch at http://127.0.0.1:9"), "{err}");
    assert!(!err.contains("secret"), "{err}");
    for args in [
        vec!["search", "storm", "--engine", "http://127.0.0.1:9/news"],
        vec!["stats", "--engine", "http://127.0.0.1:9/news"],
        vec!["timeline", "storm", "--engine", "http://127.0.0.1:9/news"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            crate::env::stderr(&out).contains("http://127.0.0.1:9"),
            "{args:?}"
        );
    }
    let out = env.run(&["search", "storm", "--engine", "127.0.0.1:9200"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::env::stderr(&out).contains("invalid engine address"));
    let out = env.run(&["push", "--url", "http://127.0.0.1:9", "--name", "News"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::env::stderr(&out).contains("not a usable index name"));
}

/// A query the language refuses is refused before the cluster is asked, with the same
/// message as locally.
#[test]
fn the_engine_refuses_bad_queries_as_the_local_index_does() {
    let env = TestEnv::indexed();
    for q in [
        "date:[2014 TO 2013]",
        "title:/regex/",
        "cluster:xyz",
        "-storm",
    ] {
        let local = env.run(&["search", q]);
        let remote = env.run(&["search", q, "--engine", "http://127.0.0.1:9/news"]);
        assert_eq!(local.status.code(), Some(2), "{q}");
        assert_eq!(remote.status.code(), Some(2), "{q}");
        assert_eq!(
            crate::env::stderr(&local),
            crate::env::stderr(&remote),
            "{q}"
        );
    }
}
