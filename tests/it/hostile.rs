//! Hostile and broken input: each bad file reported as `path: reason`, counted, skipped,
//! and the run goes on; memory stays bounded; nothing panics.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use serde_json::Value;

use crate::env::{stderr, TestEnv};

pub(crate) fn index_json(env: &TestEnv, extra: &[&str]) -> (Option<i32>, Value, String) {
    let archive = env.archive();
    let mut args = vec!["index", "--json", archive.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = env.run(&args);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), v, stderr(&out))
}

#[test]
fn bad_files_are_reported_counted_and_skipped() {
    let env = TestEnv::new();
    env.add()
        .bytes(
            "hostile/image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        )
        .bytes(
            "hostile/doc.txt",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\x00\x00",
        )
        .bytes("hostile/prog", b"\x7fELF\x02\x01\x01\x00\x00\x00")
        .bytes("hostile/empty.txt", b"")
        .bytes("hostile/blank.txt", b"  \n\n \t\n")
        .bytes(
            "hostile/broken.txt.gz",
            [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00],
        )
        // 200 MB, sparse: refused by size before a byte is read.
        .sparse("hostile/huge.txt", 200 * 1024 * 1024)
        // Mixed encodings in one file, and a name that is not valid UTF-8.
        .bytes(
            "hostile/mixed.txt",
            b"Mixed bytes story\n\nUTF-8 \xc3\xa9t\xc3\xa9 and Latin-1 caf\xe9 in one file.\n",
        )
        .file(
            Path::new("hostile").join(OsStr::from_bytes(b"caf\xe9-story.txt")),
            "Odd name story\n\nThe file name is not UTF-8.\n",
        );

    let (code, v, err) = index_json(&env, &[]);
    assert_eq!(code, Some(2), "a skipped file makes the run exit 2: {err}");
    for (name, reason) in [
        ("hostile/image.txt", "PNG image"),
        ("hostile/doc.txt", "binary"),
        ("hostile/prog", "ELF"),
        ("hostile/empty.txt", "empty file"),
        ("hostile/blank.txt", "empty file"),
        ("hostile/broken.txt.gz", "gzip"),
        ("hostile/huge.txt", "too large"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported: {err}"));
        assert!(
            line.starts_with("newsdex: skipped ") && line.contains(reason),
            "{line}"
        );
    }
    assert_eq!(v["skipped"], 7, "{v}");
    assert!(v["skipped_by_reason"]["empty file"] == 2, "{v}");
    // The good files, including the odd ones, are in.
    assert_eq!(env.paths(&["title:mixed"]).len(), 1);
    assert_eq!(env.paths(&["title:odd"]).len(), 1);
    assert!(!err.contains("panicked"));
}

#[test]
fn symlink_loops_and_dangling_links_are_reported_when_following_links() {
    let env = TestEnv::new();
    let a = env.archive();
    std::os::unix::fs::symlink(&a, a.join("plain/loop")).unwrap();
    std::os::unix::fs::symlink(a.join("does-not-exist.txt"), a.join("dangling.txt")).unwrap();
    let (code, v, err) = index_json(&env, &["--follow-links"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("plain/loop") && err.contains("symlink loop"),
        "{err}"
    );
    assert!(err.contains("dangling.txt"), "{err}");
    assert_eq!(
        v["articles"].as_u64(),
        Some(crate::env::expected().len() as u64),
        "{v}"
    );
    // Without --follow-links, links are not followed and not errors.
    let (code, _, err) = index_json(&env, &[]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn unreadable_files_are_reported_when_permissions_apply() {
    // Permission bits do not stop root; there the dangling-link test covers unreadable paths.
    if crate::env::is_root() {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let f = env
        .add()
        .file("secret.txt", "Secret\n\nBody.\n")
        .path("secret.txt");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, _, err) = index_json(&env, &[]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("secret.txt") && err.contains("ermission"),
        "{err}"
    );
}
