//! The plain-text layouts in `fixtures/layouts/` read with `newsdex extract`, one file at
//! a time: each gets the title, date, byline and body listed in
//! `tests/data/expected-layouts.json`, and a field the file does not state stays empty.

use serde_json::Value;

use crate::env::{expected_in, field_mismatches, fixtures_dir, stderr, TestEnv};

fn expected_layouts() -> Vec<Value> {
    expected_in("expected-layouts.json")
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
        failures.extend(field_mismatches(rel, got, want));
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
