//! Exit codes and error messages: 0 hits, 1 no hits, 2 error, each with a clear message.

use crate::env::{stderr, stdout, TestEnv};

#[test]
fn exit_codes_for_hits_and_no_hits() {
    let env = TestEnv::indexed();
    assert_eq!(env.run(&["search", "zeppelin"]).status.code(), Some(0));
    let none = env.run(&["search", "xylophonist"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).is_empty());
    assert_eq!(
        env.run(&["search", "xylophonist", "--format", "json"])
            .status
            .code(),
        Some(1)
    );
    // `-n 0` counts: hits anywhere are success, in every format.
    let count = env.run(&["search", "zeppelin", "-n", "0"]);
    assert_eq!(count.status.code(), Some(0));
    let json = env.run(&["search", "zeppelin", "-n", "0", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let total = json["total_hits"].as_u64().unwrap();
    assert!(total > 0, "{json}");
    assert_eq!(json["hits"].as_array().unwrap().len(), 0);
    let text = stdout(&count);
    let noun = if total == 1 { "hit" } else { "hits" };
    assert!(
        text.starts_with(&format!("{total} {noun} for \"zeppelin\"")),
        "{text}"
    );
    assert_eq!(
        env.run(&["search", "zeppelin", "-n", "0", "--format", "csv"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        env.run(&["search", "xylophonist", "-n", "0"]).status.code(),
        Some(1)
    );
}

#[test]
fn missing_index_says_how_to_create_one() {
    let env = TestEnv::new();
    let out = env.run(&["search", "zeppelin"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("newsdex: no index at"), "{err}");
    assert!(err.contains("newsdex index"), "{err}");
    assert_eq!(err.lines().count(), 1, "printed once: {err}");
}

#[test]
fn malformed_query_shows_the_query_and_the_problem() {
    let env = TestEnv::indexed();
    for (q, needle) in [
        ("\"unclosed phrase", "syntax"),
        ("nosuchfield:x", "unknown field"),
        ("(a OR", "syntax"),
    ] {
        let out = env.run(&["search", q]);
        assert_eq!(out.status.code(), Some(2), "{q}");
        let err = stderr(&out);
        assert!(err.contains(&format!("{q:?}")), "{q}: {err}");
        assert!(err.contains(needle), "{q}: {err}");
    }
}

#[test]
fn bad_dates_are_rejected_with_the_accepted_forms() {
    let env = TestEnv::indexed();
    for d in ["2014-13", "yesterday", "2014-02-30", "14"] {
        let out = env.run(&["search", "minister", "--from", d]);
        assert_eq!(out.status.code(), Some(2), "{d}");
        let err = stderr(&out);
        assert!(
            err.contains("--from") && err.contains("YYYY-MM-DD"),
            "{err}"
        );
    }
    let out = env.run(&["search", "minister", "--from", "2015", "--to", "2014"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty date range"));
    // The same range inside the query is the same mistake.
    let out = env.run(&["search", "minister date:[2015 TO 2014]"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("empty date range"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn out_of_range_limits_are_refused_with_the_range() {
    let env = TestEnv::indexed();
    for (args, range) in [
        (vec!["search", "x", "-n", "10001"], "0..=10000"),
        (vec!["search", "x", "--fragments", "0"], "1..=20"),
        (vec!["search", "x", "--fragments", "21"], "1..=20"),
        (
            vec!["similar", "8d7596c5d92034fa", "-n", "10001"],
            "0..=10000",
        ),
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("invalid value") && err.contains(range),
            "{args:?}: {err}"
        );
    }
    for ok in [
        vec!["search", "lighthouse", "-n", "10000"],
        vec!["search", "lighthouse", "--fragments", "20"],
    ] {
        assert_eq!(env.run(&ok).status.code(), Some(0), "{ok:?}");
    }
}

#[test]
fn ids_are_reported_as_typed_and_unique_prefixes_work() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["", "-n", "1000", "--no-collapse"]);
    let ids: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    let full = ids
        .iter()
        .find(|id| id.starts_with("8d7596c5"))
        .expect("the lighthouse article")
        .clone();
    // A unique prefix, in either case, shows the article, as does the full id.
    for typed in ["8d7596c5", "8D7596C5", full.as_str()] {
        let out = env.run(&["show", typed, "--format", "json"]);
        assert!(out.status.success(), "{typed}: {}", stderr(&out));
        let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(a["id"], full.as_str());
    }
    assert!(env
        .run(&["similar", "8d7596c5", "-n", "1"])
        .status
        .success());
    // Unknown: the message shows what was typed, never a zero-padded id.
    let out = env.run(&["show", "0123456789abcdef"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "newsdex: no article with id 0123456789abcdef in the index\n"
    );
    let absent = (0..=0xffffu32)
        .map(|n| format!("{n:04x}"))
        .find(|p| !ids.iter().any(|id| id.starts_with(p.as_str())))
        .unwrap();
    let out = env.run(&["show", &absent]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&absent) && !err.contains("000000000000"),
        "{err}"
    );
    // Ambiguous: how many, some of them, and what to do.
    let shared = (0..16u32)
        .map(|n| format!("{n:x}"))
        .find(|p| ids.iter().filter(|id| id.starts_with(p.as_str())).count() > 1)
        .unwrap();
    let out = env.run(&["show", &shared]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("article ids start with {shared}")) && err.contains("16 hex digits"),
        "{err}"
    );
    // Not hex at all: said so, with what ids look like.
    let out = env.run(&["show", "8d75-96c5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("\"8d75-96c5\" is not an article id") && err.contains("16 hex digits"),
        "{err}"
    );
}

#[test]
fn unreadable_archive_is_an_error() {
    let env = TestEnv::new();
    let out = env.run(&["index", env.dir.path().join("nope").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read archive directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn schema_version_mismatch_asks_for_a_rebuild() {
    let env = TestEnv::indexed();
    let manifest = env.index().join("newsdex.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["schema_version"] = 999.into();
    std::fs::write(&manifest, v.to_string()).unwrap();
    let out = env.run(&["search", "zeppelin"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("schema version 999") && err.contains("--rebuild"),
        "{err}"
    );
    // And the advice works.
    let re = env.run(&["index", "--rebuild", "-q", env.archive().to_str().unwrap()]);
    assert!(re.status.success(), "{}", stderr(&re));
    assert_eq!(env.run(&["search", "zeppelin"]).status.code(), Some(0));
}

#[test]
fn a_directory_that_is_not_an_index_is_never_clobbered() {
    let env = TestEnv::new();
    let other = env
        .beside()
        .file("precious/thesis.doc", "do not delete")
        .path("precious");
    let out = env.run(&[
        "index",
        "--rebuild",
        "--index",
        other.to_str().unwrap(),
        env.archive().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a newsdex index"),
        "{}",
        stderr(&out)
    );
    assert!(other.join("thesis.doc").exists());
}

#[test]
fn unknown_id_for_show() {
    let env = TestEnv::indexed();
    let out = env.run(&["show", "0123456789abcdef"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no article with id 0123456789abcdef"));
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    assert_eq!(env.run(&["search"]).status.code(), Some(2));
    assert_eq!(
        env.run(&["search", "x", "--sort", "sideways"])
            .status
            .code(),
        Some(2)
    );
}
