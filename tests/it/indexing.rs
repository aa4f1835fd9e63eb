//! Indexing runs: summary, re-runs without duplicates, bad files skipped with a reason,
//! the index directory inside the archive skipped, hidden files ignored.

use serde_json::Value;

use crate::env::{expected, expected_files, stderr, stdout, TestEnv};

fn article_count(env: &TestEnv) -> u64 {
    let out = env.run(&["stats", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["articles"].as_u64().unwrap()
}

#[test]
fn summary_line_and_quiet() {
    let env = TestEnv::new();
    let out = env.run(&["index", env.archive().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.starts_with(&format!(
            "Indexed {} articles from {} files in ",
            expected().len(),
            expected_files()
        )),
        "{s}"
    );
    assert_eq!(s.lines().count(), 1);
    // The README.md files of fixtures/ are archive documentation, passed over by name as
    // documented.
    let readmes = readme_count();
    let not_read = if readmes == 1 {
        "1 file".to_string()
    } else {
        format!("{readmes} files")
    };
    assert!(
        s.trim_end().ends_with(&format!(
            "; {not_read} not read (not an article by its name)"
        )) && !s.contains("supported format"),
        "{s}"
    );
    let err = stderr(&out);
    assert!(
        !err.contains('\r') && !err.contains('\x1b'),
        "no progress bar when stderr is not a terminal: {err:?}"
    );
    assert!(
        err.lines().all(|l| l.starts_with("newsdex: warning: ")),
        "only the fixtures' warnings: {err}"
    );
    assert!(
        err.is_empty(),
        "the demo archive indexes without warnings: {err}"
    );
    let quiet = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert!(quiet.status.success());
    assert!(quiet.stdout.is_empty() && quiet.stderr.is_empty());
}

#[test]
fn reindexing_replaces_instead_of_duplicating() {
    let env = TestEnv::indexed();
    let n = expected().len() as u64;
    assert_eq!(article_count(&env), n);
    std::fs::remove_file(env.archive().join("scraped/zurich-zeppelin-gondola.txt")).unwrap();
    let again = env.run(&["index", "-q", env.archive().to_str().unwrap()]);
    assert!(again.status.success());
    assert_eq!(article_count(&env), n - 1);
    assert_eq!(env.run(&["search", "zeppelin"]).status.code(), Some(1));
}

#[test]
fn ids_are_stable_across_runs() {
    let env = TestEnv::indexed();
    let before = env.search_json(&["lighthouse"]);
    env.run(&["index", "--rebuild", "-q", env.archive().to_str().unwrap()]);
    let after = env.search_json(&["lighthouse"]);
    assert_eq!(before["hits"][0]["id"], after["hits"][0]["id"]);
}

#[test]
fn bad_files_are_reported_and_skipped_and_the_rest_indexed() {
    let env = TestEnv::new();
    env.add()
        .file("empty.txt", "")
        .bytes("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        .bytes("photo.jpg", b"\xff\xd8\xff");
    let out = env.run(&["index", "--json", env.archive().to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a failed file makes the run exit 2"
    );
    let err = stderr(&out);
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("image.txt: binary content"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], expected().len());
    assert_eq!(v["failed"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["unsupported"],
        1 + readme_count(),
        "photo.jpg and README.md files"
    );
    assert_eq!(env.run(&["search", "zeppelin"]).status.code(), Some(0));
}

#[test]
fn index_inside_the_archive_and_hidden_files_are_skipped() {
    let env = TestEnv::new();
    env.add()
        .file(".draft.txt", "Secret draft\n\nzeppelin zeppelin\n");
    let inside = env.archive().join(".newsdex");
    let inside2 = env.archive().join("idx");
    for idx in [&inside, &inside2] {
        let out = env.run(&[
            "index",
            "--index",
            idx.to_str().unwrap(),
            env.archive().to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let again = env.run(&[
            "index",
            "--json",
            "--index",
            idx.to_str().unwrap(),
            env.archive().to_str().unwrap(),
        ]);
        let v: Value = serde_json::from_slice(&again.stdout).unwrap();
        assert_eq!(v["articles"], expected().len(), "{v}");
        assert!(v["failed"].as_array().unwrap().is_empty(), "{v}");
    }
}

#[test]
fn the_seed_layout_fixture_gets_all_four_fields() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["title:lighthouse"]);
    let h = &v["hits"][0];
    assert_eq!(
        h["title"],
        "Century-old lighthouse shines again over Haixing harbour"
    );
    assert_eq!(h["date"], "2014-01-22T05:30:00Z");
    assert_eq!(h["date_precision"], "minute");
    assert_eq!(h["byline"], "TBP and Agencies");
}

/// README.md files under fixtures/ (archive documentation, not articles).
fn readme_count() -> usize {
    walkdir::WalkDir::new(crate::env::fixtures_dir())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "README.md")
        .count()
}
