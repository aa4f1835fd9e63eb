//! Incremental indexing, crash safety and concurrency: re-runs converge to exactly the
//! archive's content; a SIGKILL at any moment leaves a searchable index; searches work
//! during a run; a second writer is refused at once.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::archive::Archive;
use crate::env::{assert_valid, stderr, validator, TestEnv};

/// Writes `n` small distinct articles into `archive`, spread over subdirectories.
pub(crate) fn synthetic_archive(archive: &Archive, n: usize, salt: &str) {
    for i in 0..n {
        let text = format!(
            "Story number {i} {salt}\nBy Reporter {r}\n{day} March 2019\n\nParagraph one of story {i} about harbour item{i}. \
             The council met on Tuesday and discussed the plan at length.\n\nA second paragraph with more words {salt}.\n",
            r = i % 17,
            day = 1 + i % 28,
        );
        archive.file(format!("d{:02}/s{i:05}.txt", i % 40), text);
    }
}

/// Archive-relative paths of every article file, as the index names them.
pub(crate) fn archive_files(root: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != "README.md")
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

/// Paths of all documents in the index, and the number of documents (asserting that no
/// article is in twice).
pub(crate) fn indexed(env: &TestEnv) -> (BTreeSet<String>, usize) {
    let out = env.run(&[
        "search",
        "",
        "--limit",
        "10000",
        "--no-collapse",
        "--format",
        "jsonl",
    ]);
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        stderr(&out)
    );
    let lines: Vec<Value> = std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let paths = lines
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect();
    (paths, lines.len())
}

pub(crate) fn summary(env: &TestEnv, extra: &[&str]) -> Value {
    let archive = env.archive();
    let mut args = vec!["index", "--json", archive.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = env.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&validator("index-summary.schema.json"), &v);
    v
}

#[test]
fn rerun_reads_nothing_and_changes_are_applied_exactly() {
    let env = TestEnv::new();
    let first = summary(&env, &[]);
    let n = first["new_files"].as_u64().unwrap();
    assert!(n > 0);
    let again = summary(&env, &[]);
    assert_eq!(again["unchanged_files"].as_u64(), Some(n));
    assert_eq!(again["articles_added"], 0);
    assert_eq!(again["new_files"], 0);

    let a = env.archive();
    env.add().file(
        "scraped/tram-line-opens.txt",
        "Tram line delayed again\n\nThe new tram line will open a year late, officials said on Monday.\n",
    );
    std::fs::remove_file(a.join("plain/tech/coastguard-radar-network.txt")).unwrap();
    env.add().file(
        "brand-new.txt",
        "Brand new story\n\nSomething happened today in the harbour district.\n",
    );
    let third = summary(&env, &[]);
    assert_eq!(third["new_files"], 1, "{third}");
    assert_eq!(third["updated_files"], 1, "{third}");
    assert_eq!(third["deleted_files"], 1, "{third}");
    let (paths, docs) = indexed(&env);
    assert_eq!(paths, archive_files(&a));
    assert_eq!(
        docs,
        crate::env::expected().len(),
        "one document per article"
    );
    assert!(env
        .paths(&["title:delayed"])
        .contains(&"scraped/tram-line-opens.txt".to_string()));
    assert_eq!(env.run(&["search", "title:radar"]).status.code(), Some(1));
}

#[test]
fn touched_but_identical_file_is_not_counted_as_updated() {
    let env = TestEnv::new();
    summary(&env, &[]);
    let rel = "wire/port-strike-ends.txt";
    let text = std::fs::read(env.archive().join(rel)).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    env.add().bytes(rel, text);
    let v = summary(&env, &[]);
    assert_eq!(v["updated_files"], 0, "{v}");
    let (paths, docs) = indexed(&env);
    assert_eq!(docs, crate::env::expected().len());
    assert!(!paths.is_empty());
}

pub(crate) fn spawn_index(env: &TestEnv, commit_every: &str) -> Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .env_clear()
        .env("NEWSDEX_INDEX", env.index())
        .args([
            "index",
            "--quiet",
            "--threads",
            "2",
            "--commit-every",
            commit_every,
        ])
        .arg(env.archive())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn sigkill_at_any_point_leaves_a_searchable_index_and_rerun_converges() {
    let env = TestEnv::empty();
    synthetic_archive(&env.add(), 2500, "first");
    for (round, delay_ms) in [5u64, 150, 400, 900, 1600].into_iter().enumerate() {
        let mut child = spawn_index(&env, "150");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Whatever was committed opens and searches (or, killed before anything existed,
        // the index is reported missing, never damaged).
        let out = env.run(&["search", "", "-n", "1", "--format", "json"]);
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1) || stderr(&out).contains("no index"),
            "round {round}: {code:?} {}",
            stderr(&out)
        );
        // Change the archive between crashes: the final state must follow it.
        let d = env.archive().join(format!("d{round:02}"));
        if d.exists() {
            std::fs::remove_dir_all(&d).unwrap();
        }
        env.add().file(
            format!("late-{round}.txt"),
            format!("Late story {round}\n\nWritten after crash {round}.\n"),
        );
    }
    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (paths, docs) = indexed(&env);
    let want = archive_files(&env.archive());
    assert_eq!(paths.len(), want.len());
    assert_eq!(paths, want);
    assert_eq!(docs, want.len(), "no duplicates after crashes");
}

#[test]
fn searches_work_during_a_run_and_a_second_writer_is_refused() {
    let env = TestEnv::empty();
    synthetic_archive(&env.add(), 2500, "busy");
    let mut child = spawn_index(&env, "100");
    let started = Instant::now();
    let mut searched = 0;
    let mut refused = false;
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(120) {
        let out = env.run(&["search", "harbour", "-n", "1", "--format", "json"]);
        let code = out.status.code();
        let err = stderr(&out);
        assert!(
            code == Some(0) || code == Some(1) || err.contains("no index"),
            "search during run: {code:?} {err}"
        );
        searched += 1;
        // Once something is committed the run surely holds the writer lock.
        let committed = code == Some(0);
        if committed && !refused {
            let t = Instant::now();
            let second = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
            if child.try_wait().unwrap().is_none() {
                assert_eq!(second.status.code(), Some(2), "second writer must fail");
                assert!(
                    stderr(&second).contains("another `newsdex index` is writing"),
                    "{}",
                    stderr(&second)
                );
                assert!(
                    t.elapsed() < Duration::from_secs(10),
                    "refused at once, not after a wait"
                );
                refused = true;
            }
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(searched > 0);
    assert!(
        refused,
        "the run ended before a second writer could be tried"
    );
    let (paths, docs) = indexed(&env);
    assert_eq!(docs, 2500);
    assert_eq!(paths.len(), 2500);
}

#[test]
fn a_lock_left_by_a_killed_run_does_not_block() {
    let env = TestEnv::empty();
    synthetic_archive(&env.add(), 1500, "lock");
    let mut child = spawn_index(&env, "100");
    std::thread::sleep(Duration::from_millis(300));
    let _ = child.kill();
    let _ = child.wait();
    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(indexed(&env).1, 1500);
}

#[test]
fn damaged_index_gives_a_clear_error_and_rebuild_repairs_it() {
    let env = TestEnv::indexed();
    // Truncate every segment file.
    for e in std::fs::read_dir(env.index()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".idx") || name.ends_with(".store") || name.ends_with(".term") {
            let f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
            f.set_len(7).unwrap();
        }
    }
    let out = env.run(&["search", "harbour"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--rebuild"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));

    std::fs::write(env.index().join("meta.json"), "{ this is not json").unwrap();
    for cmd in [vec!["search", "harbour"], vec!["stats"]] {
        let out = env.run(&cmd);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(
            err.contains("damaged") && err.contains("--rebuild"),
            "{err}"
        );
    }
    let plain = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert_eq!(plain.status.code(), Some(2));
    assert!(stderr(&plain).contains("--rebuild"));
    let fixed = env.run(&[
        "index",
        "--rebuild",
        "--quiet",
        env.archive().to_str().unwrap(),
    ]);
    assert!(fixed.status.success(), "{}", stderr(&fixed));
    assert_eq!(env.run(&["search", "harbour"]).status.code(), Some(0));
}

#[test]
fn one_truncated_segment_file_is_reported_as_damaged_by_every_command() {
    for ext in ["idx", "term", "store", "pos", "fast", "fieldnorm"] {
        let env = TestEnv::indexed();
        let seg = std::fs::read_dir(env.index())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&seg)
            .unwrap()
            .set_len(10)
            .unwrap();
        for cmd in [
            vec!["search", "harbour"],
            vec!["search", "harbour", "--format", "json"],
            vec!["stats"],
            vec!["timeline", ""],
        ] {
            let out = env.run(&cmd);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), ".{ext} {cmd:?}: {err}");
            assert!(
                err.contains("damaged") && err.contains("--rebuild") && !err.contains("panicked"),
                ".{ext} {cmd:?}: {err}"
            );
        }
    }
}

#[test]
fn a_subdirectory_vanishing_mid_run_is_reported_and_the_next_run_converges() {
    let env = TestEnv::empty();
    synthetic_archive(&env.add(), 2500, "vanish");
    let child = spawn_index(&env, "200");
    std::thread::sleep(Duration::from_millis(150));
    for d in [
        "d30", "d31", "d32", "d33", "d34", "d35", "d36", "d37", "d38", "d39",
    ] {
        let _ = std::fs::remove_dir_all(env.archive().join(d));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(2),
        "{err}"
    );
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{err}"
    );
    let again = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    let (paths, docs) = indexed(&env);
    assert_eq!(paths, archive_files(&env.archive()));
    assert_eq!(docs, paths.len());
}

#[test]
fn another_archive_is_refused_and_the_index_keeps_its_articles() {
    let env = TestEnv::new();
    let first = summary(&env, &[]);
    let other = env
        .beside()
        .file(
            "other/one.txt",
            "Another archive's story\n\nIt is about a quarry on the moor.\n",
        )
        .path("other");
    let out = env.run(&["index", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("holds the archive") && err.contains("--rebuild") && err.contains("--index"),
        "{err}"
    );
    let (_, docs) = indexed(&env);
    assert_eq!(
        docs as u64,
        first["articles"].as_u64().unwrap(),
        "nothing deleted"
    );

    // --rebuild replaces it; another --index keeps both.
    let out = env.run(&["index", "--quiet", other.to_str().unwrap(), "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(indexed(&env).1, 1);
    let second = env.dir.path().join("second-index");
    let out = env.run(&[
        "index",
        "--quiet",
        env.archive().to_str().unwrap(),
        "--index",
        second.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn other_read_options_read_every_file_again() {
    let env = TestEnv::new();
    let dir = env
        .beside()
        .file(
            "dumps/feed.jsonl",
            concat!(
                r#"{"title": "Auto title one", "meta": {"headline": "Mapped headline one"}, "text": "Body one about the canal."}"#,
                "\n",
                r#"{"title": "Auto title two", "meta": {"headline": "Mapped headline two"}, "text": "Body two about the canal."}"#,
                "\n"
            ),
        )
        .path("dumps");
    let index = env.dir.path().join("dump-index");
    let run = |extra: &[&str]| -> Value {
        let mut args = vec![
            "index",
            "--json",
            dir.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let titles = || -> Vec<String> {
        let out = env.run(&[
            "search",
            "canal",
            "--index",
            index.to_str().unwrap(),
            "--format",
            "jsonl",
        ]);
        let mut t: Vec<String> = stdout_lines(&out)
            .iter()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["title"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        t.sort();
        t
    };
    run(&[]);
    assert_eq!(titles(), ["Auto title one", "Auto title two"]);
    let v = run(&["--json-title", "meta.headline"]);
    assert_eq!(v["updated_files"], 1, "{v}");
    assert_eq!(v["unchanged_files"], 0, "{v}");
    assert_eq!(titles(), ["Mapped headline one", "Mapped headline two"]);
    // Same options again: nothing is read.
    let v = run(&["--json-title", "meta.headline"]);
    assert_eq!(v["unchanged_files"], 1, "{v}");
    assert_eq!(v["articles_added"], 0, "{v}");
    // A re-reading run that was killed half-way leaves `reread_pending` in the manifest
    // (written before the first article is re-read): the next run re-reads everything,
    // whatever its options.
    let manifest = index.join("newsdex.json");
    let mut m: Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    assert!(m.get("reread_pending").is_none(), "{m}");
    m["reread_pending"] = Value::Bool(true);
    std::fs::write(&manifest, m.to_string()).unwrap();
    let v = run(&["--json-title", "meta.headline"]);
    assert_eq!(v["updated_files"], 1, "{v}");
    let v = run(&["--json-title", "meta.headline"]);
    assert_eq!(v["unchanged_files"], 1, "{v}");
    // Back to the automatic mapping.
    run(&[]);
    assert_eq!(titles(), ["Auto title one", "Auto title two"]);
}

fn stdout_lines(o: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}
