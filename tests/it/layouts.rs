//! The plain-text layouts in `fixtures/layouts/` read with `newsdex extract`, one file at
//! a time: each gets the title, date, byline and body listed in
//! `tests/data/expected-layouts.json`, and a field the file does not state stays empty.

use serde_json::Value;

use crate::env::{fixtures_dir, stderr, TestEnv};

fn expected_layouts() -> Vec<Value> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/expected-layouts.json");
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_layout_gets_its_fields_from_extract() {
    let env = TestEnv::new();
    let want_all = expected_layouts();
    assert!(want_all.len() >= 10);
    let mut failures = Vec::new();
    for want in &want_all {
        let rel = want["path"].as_str().unwrap();
        let file = fixtures_dir().join(rel);
        let out = env.run(&["extract", "--format", "json", file.to_str().unwrap()]);
        assert!(out.status.success(), "extract {rel}: {}", stderr(&out));
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        let got = &got[0];
        for field in ["title", "date", "byline"] {
            if got[field] != want[field] {
                failures.push(format!(
                    "{rel}: {field} = {}, want {}",
                    got[field], want[field]
                ));
            }
        }
        let body = got["body"].as_str().unwrap_or("");
        if !body.starts_with(want["body_starts_with"].as_str().unwrap()) {
            failures.push(format!(
                "{rel}: body starts {:?}",
                &body[..body.len().min(60)]
            ));
        }
        if !body.ends_with(want["body_ends_with"].as_str().unwrap()) {
            failures.push(format!(
                "{rel}: body ends {:?}",
                &body[body.len().saturating_sub(60)..]
            ));
        }
        for ex in want["body_excludes"].as_array().unwrap() {
            if body.contains(ex.as_str().unwrap()) {
                failures.push(format!("{rel}: body contains {ex}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_layout_file_is_listed() {
    let listed: Vec<String> = expected_layouts()
        .iter()
        .map(|w| w["path"].as_str().unwrap().to_string())
        .collect();
    for entry in std::fs::read_dir(fixtures_dir().join("layouts")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".txt") {
            assert!(
                listed.contains(&format!("layouts/{name}")),
                "{name} has no entry in expected-layouts.json"
            );
        }
    }
}
