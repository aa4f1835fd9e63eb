//! README.md against the real program: the sample run at the top (every `$ newsdex ...`
//! line and the output shown under it) and the quick-start commands, run on a temp copy
//! of `fixtures/`. Timings and the home directory are redacted before comparing.

use std::path::Path;

use crate::env::{copy_tree, fixtures_dir, stderr, stdout, TestEnv};

/// The home directory the sample run shows.
const SAMPLE_HOME: &str = "/home/me";

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The lines of the first fenced block of `readme` that opens with `fence`.
fn block<'a>(readme: &'a str, fence: &str) -> Vec<&'a str> {
    let mut lines = readme.lines().skip_while(|l| *l != fence).skip(1);
    let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
    assert!(!block.is_empty(), "README.md has no {fence} block");
    block
}

/// The sample run: each command's arguments (after `$ newsdex`) and the output shown
/// under it.
fn sample_run(readme: &str) -> Vec<(Vec<String>, String)> {
    let mut runs: Vec<(Vec<String>, String)> = Vec::new();
    for line in block(readme, "```console") {
        if let Some(command) = line.strip_prefix("$ ") {
            runs.push((args(command, "newsdex "), String::new()));
        } else {
            let (_, shown) = runs
                .last_mut()
                .expect("the sample run starts with a command");
            shown.push_str(line);
            shown.push('\n');
        }
    }
    runs
}

/// The arguments of `command` after `program`; the README's commands quote nothing.
fn args(command: &str, program: &str) -> Vec<String> {
    let rest = command
        .trim()
        .strip_prefix(program)
        .unwrap_or_else(|| panic!("{command:?} does not run {program:?}"));
    assert!(
        !rest.contains(['"', '\'']),
        "quoted arguments in {command:?}"
    );
    rest.split_whitespace().map(str::to_string).collect()
}

/// `text` with durations and rates replaced by `#`, and `home` by the sample's home.
fn redact(text: &str, home: &Path) -> String {
    let text = text.replace(home.to_str().unwrap(), SAMPLE_HOME);
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut words: Vec<String> = line.split(' ').map(str::to_string).collect();
        for i in 0..words.len() {
            let next = words.get(i + 1).map(String::as_str);
            let duration = matches!(next, Some("s" | "s;" | "ms)"));
            let rate = matches!(next, Some("articles/s" | "articles/s;"));
            let number = words[i].trim_start_matches('(');
            if (duration || rate) && is_number(number) {
                words[i] = words[i].replace(number, "#");
            }
        }
        lines.push(words.join(" "));
    }
    lines.join("\n")
}

fn is_number(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A temp directory holding a copy of `fixtures/` under that name, as in a clone of the
/// repository, and nothing else.
fn clone_like() -> TestEnv {
    let env = TestEnv::empty();
    copy_tree(&fixtures_dir(), &env.dir.path().join("fixtures"));
    env
}

#[test]
fn the_sample_run_shows_what_newsdex_prints() {
    let env = clone_like();
    let runs = sample_run(&readme());
    assert_eq!(runs.len(), 2, "an index run and a search");
    for (args, shown) in runs {
        // The default index under HOME, as in the sample.
        let out = env
            .cmd()
            .env_remove("NEWSDEX_INDEX")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?} prints no warning");
        assert_eq!(
            redact(&stdout(&out), env.dir.path()),
            redact(&shown, Path::new(SAMPLE_HOME)),
            "README.md's sample run of `newsdex {}`",
            args.join(" ")
        );
    }
}

#[test]
fn the_quick_start_commands_run_cleanly() {
    let env = clone_like();
    let readme = readme();
    let quick_start = &readme[readme.find("## Quick start").unwrap()..];
    let commands: Vec<Vec<String>> = block(quick_start, "```sh")
        .into_iter()
        .filter(|l| l.contains("cargo run"))
        .flat_map(|l| l.split("&&"))
        .map(|c| args(c, "cargo run --release -- "))
        .collect();
    assert_eq!(commands.len(), 2, "an index run and a search");
    for args in commands {
        let out = env.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?} prints no warning");
    }
}
