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

/// Four syndicated copies of one story, each under another masthead with the date line
/// written its own way and another credit: every copy gets the headline, date and byline,
/// and a search shows one hit with three copies.
#[test]
fn masthead_copies_get_their_fields_and_collapse() {
    let env = TestEnv::empty();
    let body = "Energy ministers from Azerbaijan, Turkmenistan and Kazakhstan signed an \
        agreement on Monday to build a gas pipeline under the Caspian Sea, ending more than \
        a decade of talks over its route.\n\n\
        The pipeline is to carry twelve billion cubic metres of gas a year to Europe from \
        2019, officials said at the signing ceremony in Baku.\n\n\
        Environmental groups said the seabed survey had not been published and called for \
        a public review before construction begins.";
    let copies = [
        (
            "courier.txt",
            "Daily Courier",
            "March 3, 2014, 9:15 am",
            "By Anna Novak",
        ),
        (
            "herald.txt",
            "The Morning Herald",
            "3 March 2014 09:15",
            "Anna Novak",
        ),
        (
            "gazette.txt",
            "Gazette Online",
            "Monday, March 3, 2014 9:15 AM",
            "(AP)",
        ),
        (
            "tribune.txt",
            "TRIBUNE",
            "2014-03-03 09:15",
            "Reporting by Anna Novak",
        ),
    ];
    let archive = env.add();
    for (name, masthead, date, credit) in copies {
        archive.file(
            name,
            format!(
                "{masthead}\n\nMinisters sign Caspian pipeline accord\n{date}\n\n{body}\n\n{credit}\n"
            ),
        );
    }
    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let all = env.search_json(&["caspian", "--no-collapse"]);
    let hits = all["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 4, "{all}");
    for h in hits {
        assert_eq!(h["title"], "Ministers sign Caspian pipeline accord", "{h}");
        assert_eq!(h["date"], "2014-03-03T09:15:00Z", "{h}");
        assert!(h["byline"].is_string(), "{h}");
    }
    let collapsed = env.search_json(&["caspian"]);
    let hits = collapsed["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{collapsed}");
    assert_eq!(
        hits[0]["copies"].as_array().unwrap().len(),
        3,
        "{collapsed}"
    );
}

/// A story, with a distinct last paragraph so that no two stories are copies.
fn story(n: usize) -> String {
    format!(
        "Harbour board report number {n}\n\n\
         The harbour board met on Tuesday to hear report number {n} on the state of the \
         quays, the ferries and the fish market, and voted to publish it in full.\n\n\
         Members said report {n} found {} cracked bollards, {} leaking pontoons and a \
         backlog of repairs that would take {} months to clear.\n",
        n * 7 + 3,
        n * 3 + 1,
        n + 2
    )
}

/// Cluster ids as index time gives them: copies share one (shown in JSON, searchable as
/// `cluster:ID`, listed by `show`), a copy indexed later joins it, and the cluster
/// outlives the article it was named after.
#[test]
fn copies_share_a_cluster_that_later_copies_join() {
    let env = TestEnv::empty();
    let archive = env.add();
    archive
        .file("wire/harbour.txt", story(1))
        .file(
            "paper/harbour-copy.txt",
            story(1).replace("Tuesday", "Tuesday evening"),
        )
        .file("wire/other.txt", story(2));
    let index = |env: &TestEnv| {
        let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
        assert!(out.status.success(), "{}", crate::env::stderr(&out));
    };
    index(&env);
    let clusters = |env: &TestEnv| -> std::collections::BTreeMap<String, String> {
        let v = env.search_json(&["harbour", "--no-collapse", "--limit", "50"]);
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["path"].as_str().unwrap().to_string(),
                    h["cluster"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let c = clusters(&env);
    assert_eq!(c["wire/harbour.txt"], c["paper/harbour-copy.txt"], "{c:?}");
    assert_ne!(c["wire/harbour.txt"], c["wire/other.txt"], "{c:?}");
    let shared = c["wire/harbour.txt"].clone();

    // Collapsed: two stories, one with a copy.
    let v = env.search_json(&["harbour"]);
    assert_eq!(v["hits"].as_array().unwrap().len(), 2, "{v}");
    // cluster:ID finds the copies and nothing else.
    let members = env.paths(&[&format!("cluster:{shared}"), "--no-collapse"]);
    assert_eq!(members.len(), 2, "{members:?}");
    let bad = env.run(&["search", "cluster:nothex", "--format", "json"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("16 hex digits"));

    // show lists the copies, in text and JSON.
    let id = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["cluster"] == shared.as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let shown: serde_json::Value =
        serde_json::from_slice(&env.run(&["show", &id, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["cluster"], shared.as_str());
    assert_eq!(shown["copies"].as_array().unwrap().len(), 1, "{shown}");
    let text = String::from_utf8(env.run(&["show", &id]).stdout).unwrap();
    assert!(text.contains("1 copy (cluster "), "{text}");

    // A copy added later joins the cluster; the first article's file is deleted, and a
    // copy added after that still joins the cluster through the copy that remains.
    archive.file(
        "late/harbour-late.txt",
        story(1).replace("in full", "in full on Friday"),
    );
    index(&env);
    assert_eq!(clusters(&env)["late/harbour-late.txt"], shared);
    std::fs::remove_file(env.archive().join("wire/harbour.txt")).unwrap();
    archive.file(
        "later/harbour-later.txt",
        story(1).replace("quays", "old quays"),
    );
    index(&env);
    let c = clusters(&env);
    assert!(!c.contains_key("wire/harbour.txt"));
    assert_eq!(c["later/harbour-later.txt"], shared, "{c:?}");
    assert_eq!(
        env.search_json(&["harbour"])["hits"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn total_stories_counts_what_collapsed_pages_count() {
    let env = TestEnv::indexed();
    let collapsed = env.search_json(&["storm", "--limit", "100"]);
    let stories = collapsed["total_stories"].as_u64().unwrap();
    let articles = collapsed["total_hits"].as_u64().unwrap();
    let hits = collapsed["hits"].as_array().unwrap();
    assert_eq!(stories as usize, hits.len());
    let copies: usize = hits
        .iter()
        .map(|h| h["copies"].as_array().unwrap().len())
        .sum();
    assert!(
        copies > 0,
        "the fixtures have syndicated copies of the storm story"
    );
    assert_eq!(articles as usize, hits.len() + copies);
    let all = env.search_json(&["storm", "--limit", "100", "--no-collapse"]);
    assert_eq!(all["total_stories"], all["total_hits"]);
    assert_eq!(all["total_hits"].as_u64().unwrap(), articles);
}
