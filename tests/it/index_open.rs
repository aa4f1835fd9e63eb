//! Opening an index directory while its first `newsdex index` run is creating it: the
//! directory is never seen as something that is not an index.

use crate::env::{stderr, TestEnv};

/// The first run writes its manifest through a temp file before anything else is in the
/// directory. A search at that moment (during the run, or after a run killed then) finds
/// no index, not "not a newsdex index", and the next run takes the directory.
#[test]
fn a_directory_holding_only_a_manifest_being_written_is_no_index_yet() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.index()).unwrap();
    std::fs::write(env.index().join("newsdex.json.tmp"), "{\"schema_ver").unwrap();

    let out = env.run(&["search", "harbour"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("newsdex: no index at"),
        "{}",
        stderr(&out)
    );

    let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = env.run(&["search", "harbour"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Anything else in a directory without a manifest still makes it not an index.
#[test]
fn a_directory_with_other_files_is_still_not_an_index() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.index()).unwrap();
    std::fs::write(env.index().join("newsdex.json.tmp"), "{}").unwrap();
    std::fs::write(env.index().join("notes.txt"), "mine").unwrap();
    for args in [
        &["search", "harbour"][..],
        &["index", "--quiet", env.archive().to_str().unwrap()][..],
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("is not a newsdex index"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(env.index().join("notes.txt").is_file());
}
