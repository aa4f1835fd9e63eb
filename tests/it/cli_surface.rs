//! The command line's shared surface: `--color` on every command that prints text, with
//! colour codes exactly when asked; text that ends with a newline; one exit-status
//! contract (0 found, 1 nothing found, 2 error) across commands.

use crate::env::{stderr, stdout, TestEnv};

/// Runs `args` with `--color always` and `--color never`, asserting `expect` exit code for
/// both; returns the two outputs.
fn both_colours(env: &TestEnv, args: &[&str], expect: i32) -> (String, String) {
    let run = |when: &str| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--color", when]);
        let out = env.run(&all);
        assert_eq!(out.status.code(), Some(expect), "{all:?}: {}", stderr(&out));
        stdout(&out)
    };
    (run("always"), run("never"))
}

#[test]
fn every_text_command_takes_color() {
    let env = TestEnv::indexed();
    let id = env.id_of("lighthouse", "scraped/haixing-lighthouse-relit.txt");
    let file = env.archive().join("scraped/haixing-lighthouse-relit.txt");
    let cases: Vec<Vec<&str>> = vec![
        vec!["search", "lighthouse"],
        vec!["timeline", "lighthouse", "--by", "year"],
        vec!["facets", "year"],
        vec!["show", &id],
        vec!["similar", &id],
        vec!["stats"],
        vec!["extract", file.to_str().unwrap()],
    ];
    for args in &cases {
        let expect = if args[0] == "similar" {
            // Related coverage may or may not exist; only the flag is under test.
            let out = env.run(args);
            out.status.code().unwrap_or(2)
        } else {
            0
        };
        let (always, never) = both_colours(&env, args, expect);
        if expect == 0 {
            assert!(always.contains("\x1b["), "{args:?} always: {always:?}");
        }
        assert!(!never.contains('\x1b'), "{args:?} never: {never:?}");
    }
}

#[test]
fn timeline_and_facets_colour_only_when_asked() {
    let env = TestEnv::indexed();
    for args in [
        &["timeline", "", "--by", "year"][..],
        &["facets", "byline"][..],
    ] {
        let (always, never) = both_colours(&env, args, 0);
        assert!(always.contains("\x1b[36m"), "{args:?}: {always:?}");
        // Without colour the text is the same, codes removed.
        let stripped = always
            .replace("\x1b[36m", "")
            .replace("\x1b[2m", "")
            .replace("\x1b[0m", "");
        assert_eq!(stripped, never, "{args:?}");
        // NO_COLOR and no terminal: no codes by default.
        let auto = env.cmd().env("NO_COLOR", "1").args(args).output().unwrap();
        assert!(!stdout(&auto).contains('\x1b'), "{args:?}");
    }
}

#[test]
fn index_and_eval_take_color() {
    let env = TestEnv::new();
    let archive = env.archive();
    let out = env.run(&["index", archive.to_str().unwrap(), "--color", "always"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("\x1b[1mIndexed "),
        "{}",
        stdout(&out)
    );
    let out = env.run(&["index", archive.to_str().unwrap(), "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Indexed "), "{}", stdout(&out));

    let dir = env.dir.path();
    std::fs::write(dir.join("topics.tsv"), "1\tlighthouse\n").unwrap();
    std::fs::write(dir.join("qrels"), "1 0 haixing-lighthouse-relit 1\n").unwrap();
    let topics = dir.join("topics.tsv");
    let qrels = dir.join("qrels");
    let args = [
        "eval",
        "--topics",
        topics.to_str().unwrap(),
        "--qrels",
        qrels.to_str().unwrap(),
    ];
    let (always, never) = both_colours(&env, &args, 0);
    assert!(always.starts_with("\x1b[1mtopic"), "{always:?}");
    assert!(never.starts_with("topic "), "{never:?}");
    assert!(!never.contains('\x1b'));
}

#[test]
fn stats_text_ends_with_a_newline() {
    let env = TestEnv::indexed();
    for args in [&["stats"][..], &["stats", "--color", "always"][..]] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.ends_with("\n"), "{args:?}: {text:?}");
        assert!(!text.ends_with("\n\n"), "{args:?}: {text:?}");
    }
}

#[test]
fn exit_status_is_one_contract() {
    let env = TestEnv::indexed();
    let code = |args: &[&str]| env.run(args).status.code();
    assert_eq!(code(&["timeline", "lighthouse"]), Some(0));
    assert_eq!(code(&["timeline", "qwxzzyq"]), Some(1));
    assert_eq!(code(&["facets", "year", "qwxzzyq"]), Some(1));
    assert_eq!(code(&["timeline", "x", "--color", "sometimes"]), Some(2));
    assert_eq!(
        code(&["timeline", "x", "--from", "2015", "--to", "2014"]),
        Some(2)
    );
    assert_eq!(code(&["--help"]), Some(0));
    assert_eq!(code(&["--version"]), Some(0));
    assert_eq!(code(&["no-such-command"]), Some(2));
}

#[test]
fn help_documents_color_on_every_text_command() {
    let env = TestEnv::new();
    for cmd in [
        "search", "show", "similar", "stats", "extract", "timeline", "facets", "eval", "index",
    ] {
        let help = stdout(&env.run(&[cmd, "--help"]));
        assert!(help.contains("--color <WHEN>"), "{cmd}: {help}");
        assert!(help.contains("NO_COLOR"), "{cmd}: {help}");
    }
}
