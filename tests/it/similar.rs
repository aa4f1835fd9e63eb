//! `newsdex similar`: related coverage of an article without the story's own copies, and
//! `--follow` in date order.

use crate::env::TestEnv;

#[test]
fn similar_finds_related_coverage_without_the_story_itself_and_follow_orders_by_date() {
    let env = TestEnv::indexed();
    let source = env.id_of(
        "title:storm title:ferries",
        "scraped/storm-ferries-cancelled.txt",
    );
    let out = env.run(&["similar", &source, "-n", "5", "--format", "json"]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    crate::env::assert_valid(&crate::env::validator("search.schema.json"), &v);
    let paths: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    assert!(!paths.is_empty() && paths.len() <= 5);
    let again: serde_json::Value = serde_json::from_slice(
        &env.run(&["similar", &source, "-n", "5", "--format", "json"])
            .stdout,
    )
    .unwrap();
    assert_eq!(
        again["hits"], v["hits"],
        "related coverage is deterministic"
    );
    assert!(
        !paths.contains(&"scraped/storm-ferries-cancelled.txt"),
        "not the story itself"
    );
    assert!(
        !paths.contains(&"syndicated/island-storm-ferries.txt"),
        "not its own copy: {paths:?}"
    );
    // Other ferry stories are among the closest relatives.
    let titles: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap_or("").to_lowercase())
        .collect();
    assert!(
        titles[..3.min(titles.len())]
            .iter()
            .any(|t| t.contains("ferr")),
        "{titles:?}"
    );

    let follow: serde_json::Value = serde_json::from_slice(
        &env.run(&[
            "similar", &source, "-n", "5", "--follow", "--format", "json",
        ])
        .stdout,
    )
    .unwrap();
    let dates: Vec<Option<&str>> = follow["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str())
        .collect();
    let dated: Vec<&str> = dates.iter().flatten().copied().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let mut same: Vec<&str> = follow["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    let mut by_rel = paths.clone();
    same.sort();
    by_rel.sort();
    assert_eq!(same, by_rel, "--follow reorders the same related stories");
    assert_eq!(
        env.run(&["similar", "0000000000000000"]).status.code(),
        Some(2)
    );
}
