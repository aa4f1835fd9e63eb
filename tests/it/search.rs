//! Queries on the fixtures: matching, ranking (with `--fresh`), phrases, dates (with
//! `--since`), sorting, paging, snippets and several passages per hit.

use serde_json::Value;

use crate::env::{hit_paths, TestEnv};

#[test]
fn single_term_finds_the_one_article() {
    let env = TestEnv::indexed();
    assert_eq!(
        env.paths(&["zeppelin"]),
        vec!["scraped/zurich-zeppelin-gondola.txt"]
    );
}

#[test]
fn title_match_ranks_above_body_only_matches() {
    let env = TestEnv::indexed();
    let paths = env.paths(&["lighthouse"]);
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert_eq!(paths[0], "scraped/haixing-lighthouse-relit.txt");
}

#[test]
fn phrase_versus_bag_of_words() {
    let env = TestEnv::indexed();
    assert_eq!(
        env.paths(&["\"water rationing\""]),
        vec!["scraped/sao-paulo-water-rationing.txt"]
    );
    let mut bag = env.paths(&["water rationing"]);
    bag.sort();
    assert_eq!(
        bag,
        vec![
            "scraped/heatwave-power-grid.txt",
            "scraped/sao-paulo-water-rationing.txt"
        ]
    );
}

#[test]
fn and_is_the_default_and_any_means_or() {
    let env = TestEnv::indexed();
    assert!(env.paths(&["zeppelin lighthouse"]).is_empty());
    assert_eq!(env.paths(&["zeppelin lighthouse", "--any"]).len(), 4);
    assert_eq!(env.paths(&["zeppelin OR lighthouse"]).len(), 4);
}

#[test]
fn boolean_operators_and_field_scoping() {
    let env = TestEnv::indexed();
    assert_eq!(
        env.paths(&["title:lighthouse"]),
        vec!["scraped/haixing-lighthouse-relit.txt"]
    );
    let not_title = env.paths(&["lighthouse -title:lighthouse"]);
    assert_eq!(not_title.len(), 2);
    assert!(!not_title.contains(&"scraped/haixing-lighthouse-relit.txt".to_string()));
    let grouped = env.paths(&["(zeppelin OR kirkhaven) AND NOT ferries"]);
    assert!(
        grouped.contains(&"scraped/zurich-zeppelin-gondola.txt".to_string()),
        "{grouped:?}"
    );
    assert!(env
        .paths(&["byline:okafor"])
        .iter()
        .all(|p| p.starts_with("wire/")));
    assert!(!env.paths(&["byline:okafor"]).is_empty());
}

#[test]
fn accents_and_stems_are_folded() {
    let env = TestEnv::indexed();
    assert_eq!(env.paths(&["zurich"]), env.paths(&["Zürich"]));
    assert!(!env.paths(&["zurich"]).is_empty());
}

fn count(env: &TestEnv, from: &str, to: &str) -> Vec<String> {
    let mut p = env.paths(&["", "--from", from, "--to", to, "--limit", "100"]);
    p.sort();
    p
}

#[test]
fn date_ranges_are_inclusive_at_every_granularity() {
    let env = TestEnv::indexed();
    let january = count(&env, "2014-01-01", "2014-01-31");
    assert_eq!(january.len(), 5, "{january:?}");
    assert!(
        january.contains(&"scraped/rail-strike-called-off.txt".to_string()),
        "23:10 on the last day counts"
    );
    assert!(
        january.contains(&"wire/minimum-wage-rises.txt".to_string()),
        "the first day counts"
    );
    assert_eq!(count(&env, "2014-01", "2014-01"), january);
    assert_eq!(
        count(&env, "2014-01-31", "2014-01-31"),
        vec!["scraped/rail-strike-called-off.txt"]
    );
    assert_eq!(
        count(&env, "2013-12-31", "2013-12-31"),
        vec!["scraped/council-cancels-fireworks.txt"]
    );
    let y2014 = count(&env, "2014", "2014");
    assert!(y2014.len() > january.len() && y2014.iter().all(|p| !p.contains("fireworks")));
    let open_ended = env.paths(&["", "--from", "2023", "--limit", "100"]);
    assert!(!open_ended.is_empty());
    // An instant bound is inclusive to the second.
    assert_eq!(
        count(&env, "2014-01-31T23:10:00Z", "2014-01-31T23:10:00Z").len(),
        1
    );
    assert!(count(&env, "2014-01-31T23:10:01Z", "2014-01-31T23:59:59Z").is_empty());
}

#[test]
fn date_filter_combines_with_a_query_and_excludes_undated() {
    let env = TestEnv::indexed();
    let all = env.paths(&["lighthouse"]);
    let ranged = env.paths(&["lighthouse", "--from", "2014-01-20", "--to", "2014-01-25"]);
    assert_eq!(ranged, vec!["scraped/haixing-lighthouse-relit.txt"]);
    assert!(all.len() > ranged.len());
}

fn dates(v: &Value) -> Vec<Option<String>> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn sort_newest_and_oldest_with_undated_last() {
    let env = TestEnv::indexed();
    let newest = dates(&env.search_json(&["", "--sort", "newest", "--limit", "100"]));
    let oldest = dates(&env.search_json(&["", "--sort", "oldest", "--limit", "100"]));
    let dated: Vec<&String> = newest.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    let dated_old: Vec<&String> = oldest.iter().flatten().collect();
    assert!(dated_old.windows(2).all(|w| w[0] <= w[1]), "{oldest:?}");
    for list in [&newest, &oldest] {
        let first_none = list.iter().position(Option::is_none).unwrap();
        assert!(
            list[first_none..].iter().all(Option::is_none),
            "undated last: {list:?}"
        );
    }
    assert_eq!(oldest[0].as_deref(), Some("1987-10-20T00:00:00Z"));
    assert_eq!(newest[0], dated_old.last().map(|s| s.to_string()));
}

#[test]
fn pages_do_not_overlap_and_cover_everything() {
    let env = TestEnv::indexed();
    let first = env.search_json(&["minister", "--limit", "5"]);
    let total = first["total_hits"].as_u64().unwrap() as usize;
    assert!(total >= 12, "{total}");
    let mut seen = Vec::new();
    let mut offset = 0;
    while offset < total {
        let page = env.search_json(&[
            "minister",
            "--limit",
            "5",
            "--no-collapse",
            "--offset",
            &offset.to_string(),
        ]);
        let ranks: Vec<u64> = page["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["rank"].as_u64().unwrap())
            .collect();
        assert_eq!(ranks.first(), Some(&(offset as u64 + 1)));
        seen.extend(hit_paths(&page));
        offset += 5;
    }
    let all = env.paths(&["minister", "--limit", "100", "--no-collapse"]);
    assert_eq!(seen, all, "pages concatenated equal one big page");
    let mut dedup = seen.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), total);
}

#[test]
fn ordering_is_deterministic() {
    let env = TestEnv::indexed();
    let a = env.paths(&["minister", "--limit", "100"]);
    let b = env.paths(&["minister", "--limit", "100"]);
    assert_eq!(a, b);
}

#[test]
fn snippets_contain_the_highlighted_query_terms() {
    let env = TestEnv::indexed();
    for (query, stems) in [
        ("lighthouse", vec!["lighthouse"]),
        ("water rationing", vec!["water", "rationing"]),
        ("minister", vec!["minister"]),
    ] {
        let v = env.search_json(&[query]);
        for hit in v["hits"].as_array().unwrap() {
            let text: Vec<char> = hit["snippet"]["text"].as_str().unwrap().chars().collect();
            let highlights = hit["snippet"]["highlights"].as_array().unwrap();
            if hit["snippet"]["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains(stems[0])
            {
                assert!(!highlights.is_empty(), "{query}: {hit}");
            }
            for h in highlights {
                let (s, e) = (
                    h[0].as_u64().unwrap() as usize,
                    h[1].as_u64().unwrap() as usize,
                );
                let word: String = text[s..e].iter().collect::<String>().to_lowercase();
                assert!(
                    stems
                        .iter()
                        .any(|st| word.starts_with(&st[..st.len().min(5)])),
                    "{query}: highlighted {word:?}"
                );
            }
        }
    }
}

#[test]
fn title_only_match_gets_the_opening_as_snippet() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["title:lighthouse"]);
    let snippet = &v["hits"][0]["snippet"];
    assert!(snippet["text"]
        .as_str()
        .unwrap()
        .starts_with("Workers check"));
}

#[test]
fn fragments_return_several_passages_each_with_highlights() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["strike", "--fragments", "3", "-n", "50"]);
    let hits = v["hits"].as_array().unwrap();
    assert!(
        hits.iter()
            .any(|h| h["passages"].as_array().unwrap().len() > 1),
        "some article mentions it more than once"
    );
    for h in hits {
        let p = h["passages"].as_array().unwrap();
        assert!(!p.is_empty() && p.len() <= 3);
        assert_eq!(p[0], h["snippet"]);
        for passage in p {
            let text: Vec<char> = passage["text"].as_str().unwrap().chars().collect();
            for r in passage["highlights"].as_array().unwrap() {
                let w: String = text
                    [r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                    .iter()
                    .collect();
                assert!(w.to_lowercase().starts_with("strike"), "{w}");
            }
        }
    }
    let one = env.search_json(&["strike"]);
    assert!(one["hits"].as_array().unwrap().iter().all(|h| h["passages"]
        .as_array()
        .unwrap()
        .len()
        == 1));
}

#[test]
fn since_is_relative_to_today() {
    let env = TestEnv::indexed();
    // Every fixture date is in the past; a century back covers all dated articles.
    let all_dated = env.search_json(&["", "--from", "1900", "-n", "1"])["total_hits"].clone();
    assert_eq!(
        env.search_json(&["", "--since", "100y", "-n", "1"])["total_hits"],
        all_dated
    );
    assert_eq!(
        env.search_json(&["", "--since", "1d", "-n", "1"])["total_hits"],
        0
    );
    let out = env.run(&["search", "x", "--since", "soon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::env::stderr(&out).contains("invalid age"));
}

#[test]
fn fresh_lifts_recent_articles_over_slightly_better_old_ones() {
    let env = TestEnv::empty();
    env.add()
        .file(
            "old.txt",
            "Dispute goes on\n3 March 2015\n\nThe ferry dispute went on and the ferry operators refused to talk.\n",
        )
        .file(
            "new.txt",
            "Dispute is settled\n3 March 2020\n\nThe ferry dispute is settled at last after long and hard talks.\n",
        );
    assert!(env
        .run(&["index", "-q", env.archive().to_str().unwrap()])
        .status
        .success());
    assert_eq!(env.paths(&["ferry"]), vec!["old.txt", "new.txt"]);
    assert_eq!(env.paths(&["ferry", "--fresh"]), vec!["new.txt", "old.txt"]);
    // With a half-life of decades, recency hardly matters and relevance wins again.
    assert_eq!(
        env.paths(&["ferry", "--fresh", "--half-life", "500y"]),
        vec!["old.txt", "new.txt"]
    );
}

#[test]
fn an_archive_without_bylines_is_searched_in_its_titles_and_bodies() {
    let env = TestEnv::empty();
    env.add()
        .file(
            "a.txt",
            "Harbour strike ends\n3 March 2015\n\nDock workers ended the strike on Monday.\n",
        )
        .file(
            "b.txt",
            "Ferry fares rise\n4 March 2015\n\nFares rise again after the harbour strike.\n",
        );
    env.index_archive(&[]);
    let index = newsdex::index::OpenIndex::open(&env.index()).unwrap();
    let searcher = index.searcher().unwrap();
    let f = &index.schema.fields;
    assert_eq!(index.empty_text_fields(&searcher).unwrap(), vec![f.byline]);
    // Ranked by title and body as ever; a byline query still runs (and finds nothing).
    assert_eq!(env.paths(&["strike"]), vec!["a.txt", "b.txt"]);
    assert_eq!(env.run(&["search", "byline:strike"]).status.code(), Some(1));

    env.add().file(
        "c.txt",
        "Talks resume\nBy Ann Lee\n5 March 2015\n\nTalks on the strike resume.\n",
    );
    env.index_archive(&[]);
    let index = newsdex::index::OpenIndex::open(&env.index()).unwrap();
    let searcher = index.searcher().unwrap();
    assert!(index.empty_text_fields(&searcher).unwrap().is_empty());
    assert_eq!(env.paths(&["lee"]), vec!["c.txt"]);
}
