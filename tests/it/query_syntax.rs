//! Query syntax on the fixtures: dates inside queries, fuzzy and prefix terms, and the
//! did-you-mean suggestion when nothing matches.

use crate::env::{sorted, TestEnv};

#[test]
fn dates_inside_queries_match_the_flags() {
    let env = TestEnv::indexed();
    for (inline, from, to) in [
        ("date:2014-01", "2014-01", "2014-01"),
        ("date:2014", "2014", "2014"),
        ("date:2014-01-31", "2014-01-31", "2014-01-31"),
        (
            "date:[2013-12-31 TO 2014-01-22]",
            "2013-12-31",
            "2014-01-22",
        ),
    ] {
        let a = sorted(env.paths(&[inline, "-n", "100"]));
        let b = sorted(env.paths(&["", "--from", from, "--to", to, "-n", "100"]));
        assert!(!a.is_empty(), "{inline}");
        assert_eq!(a, b, "{inline}");
    }
    let after = env.paths(&["date:>=2019", "-n", "100"]);
    assert!(!after.is_empty());
    let all = env.search_json(&["date:>=2019", "-n", "100"]);
    for h in all["hits"].as_array().unwrap() {
        assert!(h["date"].as_str().unwrap() >= "2019-01-01", "{h}");
    }
    assert_eq!(
        env.paths(&["lighthouse date:2014-01-22"]),
        vec!["scraped/haixing-lighthouse-relit.txt"]
    );
}

#[test]
fn fuzzy_and_prefix_terms_find_variants() {
    let env = TestEnv::indexed();
    assert!(env.paths(&["lighthuose"]).is_empty());
    let fuzzy = env.paths(&["lighthuose~2"]);
    assert_eq!(fuzzy.len(), 3, "{fuzzy:?}");
    assert_eq!(
        sorted(env.paths(&["lightho*"])),
        sorted(env.paths(&["lighthouse"]))
    );
    assert!(env
        .paths(&["zeppel*"])
        .contains(&"scraped/zurich-zeppelin-gondola.txt".to_string()));
    let v = env.search_json(&["lightho*"]);
    let snip = &v["hits"][0]["snippet"];
    assert!(!snip["highlights"].as_array().unwrap().is_empty(), "{snip}");
}

#[test]
fn zero_hits_suggest_the_closest_indexed_words() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["lighthuose"]);
    assert_eq!(v["total_hits"], 0);
    assert_eq!(v["did_you_mean"], "lighthouse");
    let v = env.search_json(&["harbor dredging"]);
    assert_eq!(v["did_you_mean"], "harbour dredging");
    let text = crate::env::stdout(&env.run(&["search", "lighthuose"]));
    assert!(text.contains("Did you mean \"lighthouse\"?"), "{text}");
    let hit = env.search_json(&["lighthouse"]);
    assert_eq!(hit["did_you_mean"], serde_json::Value::Null);
}
