//! Syndicated copies: near copies folded into one hit with their count, `--no-collapse`
//! showing them all, and collapsed pages covering every article once.

use crate::env::TestEnv;

#[test]
fn collapsed_pages_cover_every_article_once_as_a_hit_or_a_copy() {
    let env = TestEnv::indexed();
    let total = env.search_json(&["minister"])["total_hits"]
        .as_u64()
        .unwrap() as usize;
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let page = env.search_json(&["minister", "--limit", "4", "--offset", &offset.to_string()]);
        let hits = page["hits"].as_array().unwrap();
        if hits.is_empty() {
            break;
        }
        for h in hits {
            seen.push(h["path"].as_str().unwrap().to_string());
            for c in h["copies"].as_array().unwrap() {
                seen.push(c["path"].as_str().unwrap().to_string());
            }
        }
        offset += 4;
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no article twice: {seen:?}");
    assert_eq!(seen.len(), total);
}

#[test]
fn syndicated_copies_collapse_and_no_collapse_shows_them() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["storm ferries"]);
    let hits = v["hits"].as_array().unwrap();
    let storm: Vec<&serde_json::Value> = hits
        .iter()
        .filter(|h| {
            h["title"]
                .as_str()
                .unwrap_or("")
                .starts_with("Storm cancels ferries")
        })
        .collect();
    assert_eq!(
        storm.len(),
        1,
        "the syndicated near-copy folds into one hit: {v}"
    );
    let copies = storm[0]["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1);
    let all_paths = [
        storm[0]["path"].as_str().unwrap(),
        copies[0]["path"].as_str().unwrap(),
    ];
    assert!(all_paths.contains(&"syndicated/island-storm-ferries.txt"));
    assert!(all_paths.contains(&"scraped/storm-ferries-cancelled.txt"));
    // The byte-identical pair folds too.
    let port = env.search_json(&["title:dockers"]);
    assert_eq!(port["hits"].as_array().unwrap().len(), 1);
    assert_eq!(port["hits"][0]["copies"].as_array().unwrap().len(), 1);
    // Stories that only share a topic stay apart.
    let strike = env.search_json(&["strike"]);
    assert!(strike["hits"].as_array().unwrap().len() >= 2);
    let expanded = env.search_json(&["storm ferries", "--no-collapse"]);
    let n = expanded["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| {
            h["title"]
                .as_str()
                .unwrap_or("")
                .starts_with("Storm cancels ferries")
        })
        .count();
    assert_eq!(n, 2);
    assert!(expanded["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["copies"].as_array().unwrap().is_empty()));
    let text = crate::env::stdout(&env.run(&["search", "title:dockers"]));
    assert!(text.contains("+1 copy"), "{text}");
}
