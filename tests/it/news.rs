//! News-native search features on the fixtures: dates inside queries, fuzzy and prefix
//! terms, several passages per hit.

use crate::env::TestEnv;

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

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

#[test]
fn did_you_mean_replaces_whole_words_and_shows_them_as_articles_write_them() {
    let env = TestEnv::indexed();
    // "or" is not in any article, and is also inside "storm": only the word is replaced,
    // and a lower-case "or" becomes the operator, not the nearest word ("on").
    let v = env.search_json(&["storm or flood"]);
    assert_eq!(v["total_hits"], 0);
    assert_eq!(v["did_you_mean"], "storm OR flood");
    let v = env.search_json(&["harbour or lighthouse"]);
    assert_eq!(v["did_you_mean"], "harbour OR lighthouse");
    assert!(env.search_json(&["storm OR flood"])["total_hits"].as_u64() > Some(0));
    // Articles write "Zürich": the suggestion keeps its capital and its accent.
    let v = env.search_json(&["Zurih"]);
    assert_eq!(v["did_you_mean"], "Zürich");
    // The rest of the query comes back as typed.
    let v = env.search_json(&["Harbour +lighthuose"]);
    assert_eq!(v["did_you_mean"], "Harbour +lighthouse");
    // A word the analyzer splits ("İ" lower-cases to i + a combining dot) is not turned
    // into the nearest word to its first piece.
    let v = env.search_json(&["İstanbl"]);
    assert!(v["did_you_mean"].is_null(), "{v}");
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
    let env = TestEnv::new();
    std::fs::remove_dir_all(env.archive()).unwrap();
    std::fs::create_dir_all(env.archive()).unwrap();
    std::fs::write(env.archive().join("old.txt"), "Dispute goes on\n3 March 2015\n\nThe ferry dispute went on and the ferry operators refused to talk.\n").unwrap();
    std::fs::write(env.archive().join("new.txt"), "Dispute is settled\n3 March 2020\n\nThe ferry dispute is settled at last after long and hard talks.\n").unwrap();
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

#[test]
fn timeline_counts_calendar_buckets_with_empty_ones_and_normalizes() {
    let env = TestEnv::indexed();
    let out = env.run(&[
        "timeline", "", "--by", "month", "--from", "2013-11", "--to", "2014-03", "--format", "json",
    ]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    crate::env::assert_valid(&crate::env::validator("timeline.schema.json"), &t);
    let starts: Vec<&str> = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["start"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "2013-11-01",
            "2013-12-01",
            "2014-01-01",
            "2014-02-01",
            "2014-03-01"
        ]
    );
    let counts: Vec<u64> = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .collect();
    let january = env.search_json(&[
        "",
        "--from",
        "2014-01",
        "--to",
        "2014-01",
        "-n",
        "100",
        "--no-collapse",
    ]);
    assert_eq!(counts[2], january["hits"].as_array().unwrap().len() as u64);
    assert_eq!(counts[4], 0, "an empty month is listed with 0");
    let total: u64 = counts.iter().sum();
    assert_eq!(t["matched"].as_u64(), Some(total));

    let norm: serde_json::Value = serde_json::from_slice(
        &env.run(&[
            "timeline",
            "strike",
            "--by",
            "year",
            "--normalize",
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    crate::env::assert_valid(&crate::env::validator("timeline.schema.json"), &norm);
    for b in norm["buckets"].as_array().unwrap() {
        let (c, n) = (b["count"].as_f64().unwrap(), b["total"].as_f64().unwrap());
        assert!(c <= n);
        let share = b["share"].as_f64().unwrap();
        assert!((share - if n > 0.0 { c / n } else { 0.0 }).abs() < 1e-9);
    }
    let csv_out = env.run(&["timeline", "strike", "--by", "week", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_out.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap(),
        vec!["start", "count", "total", "share"]
    );
    assert!(r.records().count() > 1);
    let text = crate::env::stdout(&env.run(&["timeline", "strike", "--by", "year"]));
    assert!(
        text.contains('█') && text.contains("articles match"),
        "{text}"
    );
    assert_eq!(env.run(&["timeline", "xylophonist"]).status.code(), Some(1));
}

#[test]
fn facets_list_top_bylines_years_and_sources() {
    let env = TestEnv::indexed();
    let out = env.run(&["facets", "byline", "--format", "json", "-n", "100"]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let f: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    crate::env::assert_valid(&crate::env::validator("facets.schema.json"), &f);
    let values = f["values"].as_array().unwrap();
    let counts: Vec<u64> = values
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "sorted by count");
    // Both authors of a two-person byline are counted separately.
    for name in ["Eleanor Marsh", "Omar Haddad"] {
        assert!(
            values.iter().any(|v| v["value"] == name),
            "{name} in {values:?}"
        );
    }
    // byline: queries match normalised names.
    assert!(!env.paths(&["byline:\"eleanor marsh\""]).is_empty());

    let years: serde_json::Value = serde_json::from_slice(
        &env.run(&["facets", "year", "strike", "--format", "json"])
            .stdout,
    )
    .unwrap();
    let strike = env.search_json(&["strike", "-n", "100", "--no-collapse"]);
    let dated = strike["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["date"].is_string())
        .count() as u64;
    let sum: u64 = years["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, dated);

    let sources = crate::env::stdout(&env.run(&["facets", "source", "--format", "csv"]));
    assert!(
        sources.starts_with("value,count\r\n") && sources.contains("\r\nscraped,"),
        "{sources}"
    );
}

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

#[test]
fn decomposed_accents_index_and_match_as_precomposed_letters() {
    let env = TestEnv::new();
    // "Zürich" and "étude" written as base letter + combining mark (NFD), as some
    // exports and macOS file systems produce.
    std::fs::write(
        env.archive().join("nfd.txt"),
        "Zu\u{308}rich bankers publish an e\u{301}tude\n\nThe Zu\u{308}rich study of bank secrecy was published on Monday.\n",
    )
    .unwrap();
    // A decomposed file name is kept as the file system spells it, and `path:` finds it.
    std::fs::write(
        env.archive().join("zu\u{308}rich-notes.txt"),
        "Notes from a trip\n\nThe lake was calm.\n",
    )
    .unwrap();
    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::env::stderr(&out));
    assert_eq!(
        env.paths(&["path:zu\u{308}rich-notes.txt"]),
        ["zu\u{308}rich-notes.txt"]
    );
    for q in [
        "zürich",
        "Zürich",
        "zurich",
        "Zu\u{308}rich",
        "title:étude",
        "title:e\u{301}tude",
        "\"Zürich study\"",
    ] {
        let paths = env.paths(&[q, "-n", "50"]);
        assert!(paths.contains(&"nfd.txt".to_string()), "{q}: {paths:?}");
    }
    let v = env.search_json(&["bankers étude"]);
    assert_eq!(
        v["hits"][0]["title"], "Zürich bankers publish an étude",
        "{v}"
    );
    // The stored text is NFC too: no stray half of a word.
    assert!(!env
        .paths(&["rich", "-n", "50"])
        .contains(&"nfd.txt".to_string()));
}

#[test]
fn apostrophes_inside_words_search_like_curly_ones() {
    let env = TestEnv::indexed();
    for (straight, curly) in [("Brazil's", "Brazil\u{2019}s"), ("Year's", "Year\u{2019}s")] {
        let hits = env.paths(&[straight]);
        assert!(!hits.is_empty(), "{straight}");
        assert_eq!(hits, env.paths(&[curly]), "{straight}");
    }
    for q in ["O'Brien", "it's", "minimum wage's", "the Joneses' house"] {
        let out = env.run(&["search", q, "-n", "0"]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{q}: {}",
            crate::env::stderr(&out)
        );
    }
}

#[test]
fn prefixes_match_only_words_starting_with_them() {
    let env = TestEnv::indexed();
    for (prefix, word) in [
        ("coastg*", "coastguard"),
        ("parli*", "parliament"),
        ("parl*", "parliament"),
        ("lighth*", "lighthouse"),
    ] {
        let hits = sorted(env.paths(&[prefix, "-n", "100"]));
        assert!(!hits.is_empty(), "{prefix}");
        assert_eq!(hits, sorted(env.paths(&[word, "-n", "100"])), "{prefix}");
    }
    // The highlighter follows the same rule: "light" is not marked for lighth*.
    let v = env.search_json(&["lighth*", "--fragments", "5", "-n", "100"]);
    for h in v["hits"].as_array().unwrap() {
        for p in h["passages"].as_array().unwrap() {
            let text: Vec<char> = p["text"].as_str().unwrap().chars().collect();
            for r in p["highlights"].as_array().unwrap() {
                let w: String = text
                    [r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                    .iter()
                    .collect();
                assert!(w.to_lowercase().starts_with("lighth"), "{w}");
            }
        }
    }
}

#[test]
fn fuzzy_matches_with_a_transposition_are_highlighted() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["lighthuose~1"]);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3);
    for h in hits {
        let snip = &h["snippet"];
        assert!(!snip["highlights"].as_array().unwrap().is_empty(), "{snip}");
    }
}

#[test]
fn rfc3339_times_need_no_quotes_in_queries() {
    let env = TestEnv::indexed();
    let unquoted = env.paths(&["date:2014-01-22T05:30:00Z"]);
    assert_eq!(unquoted, vec!["scraped/haixing-lighthouse-relit.txt"]);
    assert_eq!(unquoted, env.paths(&["date:\"2014-01-22T05:30:00Z\""]));
}

#[test]
fn a_prefix_finds_a_word_whose_stem_is_mostly_spelled_otherwise() {
    // "running" is indexed as "run", which 70 earlier articles spell "run" or "runs":
    // the one article that spells it "running" must still be found by runni*.
    let env = TestEnv::new();
    let dir = env.archive().join("runs");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..70 {
        std::fs::write(
            dir.join(format!("a{i:02}.txt")),
            format!("Story {i} about a run\n\nThe athlete runs every day and went for a run on day {i}.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("z-ferry.txt"),
        "Ferry news\n\nThe ferries kept running despite the storm.\n",
    )
    .unwrap();
    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::env::stderr(&out));
    assert_eq!(env.paths(&["ferri* runni*"]), ["runs/z-ferry.txt"]);
    assert!(env
        .paths(&["runni*", "-n", "100"])
        .contains(&"runs/z-ferry.txt".to_string()));
}

/// An archive of one article dated only to a year, one to a month, one to a day and one to
/// the minute (all in March 2020 as far as they say), indexed; returns the index path.
fn index_dated_archive(env: &TestEnv) -> std::path::PathBuf {
    let dir = env.dir.path().join("dated");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, date) in [
        ("year.txt", "2020"),
        ("month.txt", "March 2020"),
        ("day.txt", "12 March 2020"),
        ("minute.txt", "12 March 2020 14:05 GMT"),
    ] {
        std::fs::write(
            dir.join(name),
            format!(
                "Title: Canal report {name}\nDate: {date}\n\nThe canal reopened after repairs ({name}).\n"
            ),
        )
        .unwrap();
    }
    env.index_apart(&dir, "dated-index")
}

#[test]
fn date_filters_match_an_article_only_when_its_whole_dated_span_is_inside() {
    let env = TestEnv::new();
    let index = index_dated_archive(&env);
    let matching = |args: &[&str]| -> Vec<String> {
        let mut all = vec![
            "search",
            "--no-collapse",
            "--sort",
            "oldest",
            "--index",
            index.to_str().unwrap(),
            "--format",
            "json",
        ];
        all.extend_from_slice(args);
        let out = env.run(&all);
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "{args:?}: {}",
            crate::env::stderr(&out)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut paths = crate::env::hit_paths(&v);
        paths.sort();
        assert_eq!(code == Some(0), !paths.is_empty(), "{args:?}: exit status");
        paths
    };
    let all = ["day.txt", "minute.txt", "month.txt", "year.txt"];
    let march = ["day.txt", "minute.txt", "month.txt"];
    let on_the_day = ["day.txt", "minute.txt"];
    let none: [&str; 0] = [];
    for (args, expected) in [
        (vec!["canal", "--from", "2020", "--to", "2020"], &all[..]),
        (vec!["canal date:2020"], &all[..]),
        (vec!["canal", "--from", "2019-12-31"], &all[..]),
        (vec!["canal date:2020-03"], &march[..]),
        (vec!["canal date:[2020-02 TO 2020-12]"], &march[..]),
        (vec!["canal", "--from", "2020-02"], &march[..]),
        (vec!["canal", "--to", "2020-03"], &march[..]),
        (
            vec!["canal", "--from", "2020-03-12", "--to", "2020-03-12"],
            &on_the_day[..],
        ),
        (
            vec!["canal", "--to", "2020-03-12T14:05:59Z"],
            &["minute.txt"][..],
        ),
        // "2020" is not 1 January, nor any day of January; "March 2020" is not 12 March.
        (vec!["canal date:2020-01-01"], &none[..]),
        (vec!["canal", "--to", "2020-01-15"], &none[..]),
        (
            vec!["canal", "--from", "2020-03-12", "--to", "2020-03-20"],
            &on_the_day[..],
        ),
        (vec!["canal", "--to", "2020-03-12T14:04:59Z"], &none[..]),
    ] {
        assert_eq!(matching(&args), expected, "{args:?}");
    }
}

#[test]
fn timelines_keep_articles_dated_to_a_month_or_year_out_of_finer_buckets() {
    let env = TestEnv::new();
    let index = index_dated_archive(&env);
    let timeline = |by: &str| -> serde_json::Value {
        let out = env.run(&[
            "timeline",
            "canal",
            "--by",
            by,
            "--index",
            index.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", crate::env::stderr(&out));
        let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        crate::env::assert_valid(&crate::env::validator("timeline.schema.json"), &t);
        t
    };
    let buckets = |t: &serde_json::Value| -> Vec<(String, u64)> {
        t["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["count"].as_u64().unwrap() > 0)
            .map(|b| {
                (
                    b["start"].as_str().unwrap().to_string(),
                    b["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // By day and week only the day- and minute-precise articles have a bucket: "2020" is
    // not 1 January.
    for (by, matched, coarse, nonempty) in [
        ("day", 2, 2, vec![("2020-03-12", 2)]),
        ("week", 2, 2, vec![("2020-03-09", 2)]),
        ("month", 3, 1, vec![("2020-03-01", 3)]),
        ("year", 4, 0, vec![("2020-01-01", 4)]),
    ] {
        let t = timeline(by);
        assert_eq!(
            (t["matched"].as_u64(), t["coarse"].as_u64()),
            (Some(matched), Some(coarse)),
            "{by}: {t}"
        );
        let expected: Vec<(String, u64)> =
            nonempty.iter().map(|(d, n)| (d.to_string(), *n)).collect();
        assert_eq!(buckets(&t), expected, "{by}");
    }
    // The text chart says what it left out.
    let out = env.run(&[
        "timeline",
        "canal",
        "--by",
        "day",
        "--index",
        index.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2 dated only to the month or year (not shown)"),
        "{text}"
    );
}

#[test]
fn pages_count_stories_when_one_story_has_many_copies() {
    let env = TestEnv::new();
    let dir = env.dir.path().join("wire");
    std::fs::create_dir_all(&dir).unwrap();
    // One wire story reprinted 60 times: it says "glacier" most, so its copies fill the
    // top of the ranking, far past 4 x the page.
    let story = "The glacier retreated again. Glacier scientists measured the glacier \
                 from the air and said the glacier had lost more ice than in any year.";
    for i in 0..60 {
        std::fs::write(
            dir.join(format!("copy-{i:02}.txt")),
            format!("Title: Glacier retreats (outlet {i})\n\n{story}\n"),
        )
        .unwrap();
    }
    // 25 other stories mention it once each, in words of their own.
    for i in 0..25 {
        let words: Vec<String> = (0..30).map(|w| format!("topic{i}word{w}")).collect();
        std::fs::write(
            dir.join(format!("other-{i:02}.txt")),
            format!(
                "Title: Other story {i}\n\nA glacier was mentioned in passing. {}\n",
                words.join(" ")
            ),
        )
        .unwrap();
    }
    let index = env.index_apart(&dir, "wire-index");
    let page = |offset: usize| -> serde_json::Value {
        let out = env.run(&[
            "search",
            "glacier",
            "-n",
            "10",
            "--offset",
            &offset.to_string(),
            "--index",
            index.to_str().unwrap(),
            "--format",
            "json",
        ]);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let first = page(0);
    let hits = first["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 10, "a full page of stories: {first}");
    assert_eq!(hits[0]["copies"].as_array().unwrap().len(), 59, "{first}");
    // Paging through gives every story once: the wire story and the 25 others, in full
    // pages of 10 but the last.
    let mut seen = std::collections::BTreeSet::new();
    let mut sizes = Vec::new();
    for offset in (0..).step_by(10) {
        let v = page(offset);
        let hits = v["hits"].as_array().unwrap().clone();
        if hits.is_empty() {
            break;
        }
        for h in &hits {
            let id = h["id"].as_str().unwrap().to_string();
            assert!(seen.insert(id), "{h} twice");
        }
        sizes.push(hits.len());
    }
    assert_eq!(sizes, [10, 10, 6]);
    assert_eq!(seen.len(), 26);
}

#[test]
fn phrases_are_highlighted_only_where_their_words_stand_together() {
    let env = TestEnv::new();
    std::fs::write(
        env.archive().join("brown.txt"),
        "Title: Budget day\n\nMr Brown spoke first. Later Gordon Brown said the budget was fair, \
         and O'Brien agreed. O Neill did not.\n",
    )
    .unwrap();
    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::env::stderr(&out));
    let marked = |query: &str| -> Vec<String> {
        let v = env.search_json(&[query, "-n", "1"]);
        let snip = &v["hits"][0]["snippet"];
        let text: Vec<char> = snip["text"].as_str().unwrap().chars().collect();
        snip["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let (a, b) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
                text[a as usize..b as usize].iter().collect()
            })
            .collect()
    };
    assert_eq!(marked("\"gordon brown\""), ["Gordon", "Brown"]);
    assert_eq!(
        marked("“gordon brown” budget"),
        ["Gordon", "Brown", "budget"]
    );
    assert_eq!(marked("O'Brien"), ["O", "Brien"]);
    // A word of the query on its own is marked wherever it is.
    assert_eq!(marked("brown budget"), ["Brown", "Brown", "budget"]);
}

#[test]
fn a_fuzzy_term_ranks_the_word_as_typed_first() {
    let env = TestEnv::new();
    let dir = env.dir.path().join("fuzzy");
    std::fs::create_dir_all(&dir).unwrap();
    // The neighbour ("claim", two edits from "blair") is in newer articles: with only
    // the fuzzy match's constant score, the date tie-break would put them first.
    std::fs::write(
        dir.join("blair.txt"),
        "Title: Cabinet meets\nDate: 2001-05-01\n\nTony Blair chaired the cabinet.\n",
    )
    .unwrap();
    for i in 0..3 {
        std::fs::write(
            dir.join(format!("claim-{i}.txt")),
            format!(
                "Title: Insurance {i}\nDate: 2020-0{}-01\n\nThe claim {i} was paid.\n",
                i + 1
            ),
        )
        .unwrap();
    }
    let index = env.index_apart(&dir, "fuzzy-index");
    let out = env.run(&[
        "search",
        "blair~2",
        "--index",
        index.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths = crate::env::hit_paths(&v);
    assert_eq!(paths.len(), 4, "{v}");
    assert_eq!(paths[0], "blair.txt", "{v}");
    // Past 2 edits is refused, not quietly taken as 2.
    let out = env.run(&["search", "blair~3", "--index", index.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        crate::env::stderr(&out).contains("1 or 2"),
        "{}",
        crate::env::stderr(&out)
    );
}

#[test]
fn timelines_and_facets_count_matches_without_a_date_or_a_value() {
    let env = TestEnv::new();
    let dir = env.dir.path().join("plain");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Radar masts\n\nThe coastguard built radar masts.\n",
    )
    .unwrap();
    let index = env.index_apart(&dir, "plain-index");
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--index", index.to_str().unwrap()]);
        env.run(&all)
    };
    // No date, no byline: the query still matched one article, and says so.
    let t = run(&["timeline", "radar"]);
    assert_eq!(t.status.code(), Some(0));
    let text = String::from_utf8_lossy(&t.stdout);
    assert!(
        text.contains("1 article matches \"radar\", 1 undated"),
        "{text}"
    );
    let f = run(&["facets", "byline", "radar"]);
    assert_eq!(f.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&f.stdout).contains("1 article matched; 1 without a value"),
        "{}",
        String::from_utf8_lossy(&f.stdout)
    );
    // A query that matches nothing is exit 1 for both.
    assert_eq!(run(&["timeline", "zeppelin"]).status.code(), Some(1));
    assert_eq!(
        run(&["facets", "byline", "zeppelin"]).status.code(),
        Some(1)
    );
}
