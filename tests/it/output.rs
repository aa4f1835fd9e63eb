//! Output formats: JSON and JSON Lines validate against `schema/`, CSV parses, text is
//! coloured only when asked, and a closed pipe ends the program quietly.

use std::io::{BufRead, Read};
use std::process::Stdio;

use serde_json::Value;

use crate::env::{assert_valid, expected, stderr, stdout, validator, TestEnv};

#[test]
fn json_validates_against_the_schema() {
    let env = TestEnv::indexed();
    let schema = validator("search.schema.json");
    for args in [
        vec!["minister"],
        vec!["lighthouse", "--sort", "newest"],
        vec!["xylophonist"],
        vec!["", "--limit", "100"],
    ] {
        let v = env.search_json(&args);
        assert_valid(&schema, &v);
    }
    let v = env.search_json(&["minister"]);
    assert_eq!(v["query"], "minister");
    assert_eq!(v["hits"].as_array().unwrap().len(), 10);
    assert!(v["total_hits"].as_u64().unwrap() > 10);
}

#[test]
fn jsonl_is_one_valid_hit_per_line() {
    let env = TestEnv::indexed();
    let out = env.run(&["search", "minister", "--format", "jsonl", "--limit", "7"]);
    assert!(out.status.success());
    let schema = validator("hit.schema.json");
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 7);
    for (i, line) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_valid(&schema, &v);
        assert_eq!(v["rank"].as_u64(), Some(i as u64 + 1));
    }
}

#[test]
fn csv_parses_with_a_header_and_one_row_per_hit() {
    let env = TestEnv::indexed();
    let out = env.run(&["search", "water rationing", "--format", "csv"]);
    assert!(out.status.success());
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        ["rank", "id", "path", "title", "date", "byline", "score", "snippet"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows
        .iter()
        .any(|row| &row[2] == "scraped/sao-paulo-water-rationing.txt"));
}

#[test]
fn show_and_stats_json_validate() {
    let env = TestEnv::indexed();
    let out = env.run(&["stats", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&validator("stats.schema.json"), &v);
    let all = expected();
    assert_eq!(v["articles"], all.len());
    let dates: Vec<&str> = all.iter().filter_map(|e| e["date"].as_str()).collect();
    assert_eq!(v["dated_articles"], dates.len());
    assert_eq!(v["earliest"].as_str(), dates.iter().min().copied());
    assert_eq!(v["latest"].as_str(), dates.iter().max().copied());
    assert!(v["size_bytes"].as_u64().unwrap() > 0);
}

#[test]
fn text_output_has_rank_title_meta_and_snippet() {
    let env = TestEnv::indexed();
    let out = env.run(&["search", "zeppelin"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("1. "), "{text}");
    assert!(
        lines[1].contains("2019-03-03 14:05:00 +01:00")
            && lines[1].contains("scraped/zurich-zeppelin-gondola.txt"),
        "{text}"
    );
    assert!(lines[2].to_lowercase().contains("zeppelin"), "{text}");
    assert!(text.contains("Showing 1-1 of 1 hit for"), "{text}");
}

#[test]
fn colour_always_never_and_no_color() {
    let env = TestEnv::indexed();
    let always = stdout(&env.run(&["search", "zeppelin", "--color", "always"]));
    assert!(always.contains("\x1b[1;31m"), "{always:?}");
    let never = stdout(&env.run(&["search", "zeppelin", "--color", "never"]));
    assert!(!never.contains('\x1b'));
    let no_color = env
        .cmd()
        .env("NO_COLOR", "1")
        .args(["search", "zeppelin"])
        .output()
        .unwrap();
    assert!(!stdout(&no_color).contains('\x1b'));
}

#[test]
fn article_text_cannot_inject_terminal_escapes() {
    let env = TestEnv::new();
    env.add().file(
        "evil.txt",
        "Evil \u{1b}]0;pwned\u{7}title\n\nA body with \u{1b}[2J a screen clear and \u{202e}reversed text about zeppelins.\n",
    );
    assert!(env
        .run(&["index", "-q", env.archive().to_str().unwrap()])
        .status
        .success());
    let out = stdout(&env.run(&["search", "title:evil", "--color", "always"]));
    let escapes: Vec<&str> = out.split('\x1b').skip(1).collect();
    assert!(
        escapes.iter().all(|e| e.starts_with("[1m")
            || e.starts_with("[0m")
            || e.starts_with("[2m")
            || e.starts_with("[1;31m")),
        "{out:?}"
    );
    assert!(!out.contains('\u{202e}') && !out.contains('\u{7}'));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let env = TestEnv::indexed();
    // Our end is closed before the program writes: its first write fails with EPIPE.
    assert_quiet_on_closed_pipe(&env, &["search", "", "--limit", "1000"], 0);
}

/// Runs newsdex with stdout piped, reads `lines` lines (none: closes the pipe before the
/// program writes), closes the pipe, and asserts a clean end: exit 0, nothing on stderr.
pub(crate) fn assert_quiet_on_closed_pipe(env: &TestEnv, args: &[&str], lines: usize) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .env_clear()
        .env("NEWSDEX_INDEX", env.index())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    for _ in 0..lines {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "{args:?}: no output"
        );
    }
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{args:?}: exit {status:?}, stderr {err}");
    assert!(err.is_empty(), "{args:?}: stderr: {err}");
}

#[test]
fn help_documents_exit_codes() {
    let env = TestEnv::new();
    let out = env.run(&["--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    assert!(
        help.contains("Exit status") && help.contains("1  nothing found"),
        "{help}"
    );
}
