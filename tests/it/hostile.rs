//! Hostile and broken input: each bad file reported as `path: reason`, counted, skipped,
//! and the run goes on; memory stays bounded; nothing panics.

use std::os::unix::ffi::OsStrExt;

use serde_json::Value;

use crate::env::{stderr, TestEnv};

fn index_json(env: &TestEnv, extra: &[&str]) -> (Option<i32>, Value, String) {
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
    let a = env.archive().join("hostile");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::write(
        a.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .unwrap();
    std::fs::write(
        a.join("doc.txt"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\x00\x00",
    )
    .unwrap();
    std::fs::write(a.join("prog"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    std::fs::write(a.join("empty.txt"), b"").unwrap();
    std::fs::write(a.join("blank.txt"), b"  \n\n \t\n").unwrap();
    std::fs::write(
        a.join("broken.txt.gz"),
        [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00],
    )
    .unwrap();
    // 200 MB, sparse: refused by size before a byte is read.
    let big = std::fs::File::create(a.join("huge.txt")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap();
    // Mixed encodings in one file, and a name that is not valid UTF-8.
    std::fs::write(
        a.join("mixed.txt"),
        b"Mixed bytes story\n\nUTF-8 \xc3\xa9t\xc3\xa9 and Latin-1 caf\xe9 in one file.\n",
    )
    .unwrap();
    std::fs::write(
        a.join(std::ffi::OsStr::from_bytes(b"caf\xe9-story.txt")),
        "Odd name story\n\nThe file name is not UTF-8.\n",
    )
    .unwrap();

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
    let f = env.archive().join("secret.txt");
    std::fs::write(&f, "Secret\n\nBody.\n").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, _, err) = index_json(&env, &[]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("secret.txt") && err.contains("ermission"),
        "{err}"
    );
}

#[test]
fn files_of_pictures_or_withdrawals_are_not_errors() {
    let env = TestEnv::new();
    let a = env.archive().join("wire");
    std::fs::create_dir_all(&a).unwrap();
    let g2 = |class: &str, status: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:1" version="2">
  <itemMeta><itemClass qcode="ninat:{class}"/><pubStatus qcode="stat:{status}"/></itemMeta>
  <contentMeta><headline>Ferry timetable</headline></contentMeta>
  <contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>
    <p>The winter ferry timetable starts on Monday.</p></body></html></inlineXML></contentSet>
</newsItem>
"#
        )
    };
    std::fs::write(a.join("photo.xml"), g2("picture", "usable")).unwrap();
    std::fs::write(a.join("withdrawn.xml"), g2("text", "canceled")).unwrap();
    std::fs::write(a.join("story.xml"), g2("text", "usable")).unwrap();
    std::fs::write(
        a.join("photo.json"),
        r#"{"uri": "urn:example:photo", "type": "picture", "versioncreated": "2019-03-01T10:00:00Z", "headline": "Harbour at dawn"}"#,
    )
    .unwrap();
    let (code, v, err) = index_json(&env, &[]);
    assert_eq!(code, Some(0), "{v} {err}");
    assert_eq!(v["not_text"], 3, "{v}");
    assert_eq!(v["skipped"], 0, "{v}");
    crate::env::assert_valid(&crate::env::validator("index-summary.schema.json"), &v);
    let hits = env.paths(&["ferry"]);
    assert!(hits.iter().any(|p| p.ends_with("story.xml")), "{hits:?}");
    assert!(
        !hits.iter().any(|p| p.ends_with("withdrawn.xml")),
        "{hits:?}"
    );
    // `extract` says the same about them, and treats a file `index` skips by name alike.
    let out = env.run(&["extract", a.join("photo.xml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("no article text"), "{}", stderr(&out));
    std::fs::write(a.join("table.csv"), "a,b\n1,2\n").unwrap();
    let out = env.run(&["extract", a.join("table.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not an article by its name"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}
