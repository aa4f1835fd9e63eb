//! The test environment: a temp directory with a copy of `fixtures/` (or an empty archive
//! filled through the `Archive` builder) and an index built from it, and helpers to run
//! the binary and parse what it prints.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

use crate::archive::Archive;

pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Copies the tree at `from` to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

impl TestEnv {
    /// A fresh copy of the fixtures, not indexed yet.
    pub fn new() -> Self {
        let env = Self::empty();
        copy_tree(&fixtures_dir(), &env.archive());
        env
    }

    /// An empty archive directory, no fixtures: the test writes its own with `add`.
    pub fn empty() -> Self {
        let temp = Archive::new();
        temp.dir("archive");
        TestEnv {
            dir: temp.into_temp(),
        }
    }

    /// A builder writing files into this environment's archive.
    pub fn add(&self) -> Archive {
        Archive::at(self.archive())
    }

    /// A builder writing files into the temp directory, beside the archive (a second
    /// archive, topic files, ...).
    pub fn beside(&self) -> Archive {
        Archive::at(self.dir.path())
    }

    /// A fresh copy of the fixtures, indexed.
    pub fn indexed() -> Self {
        let env = Self::new();
        let out = env.run(&["index", "--quiet", env.archive().to_str().unwrap()]);
        assert!(out.status.success(), "index failed: {}", stderr(&out));
        env
    }

    pub fn archive(&self) -> PathBuf {
        self.dir.path().join("archive")
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// The binary with a clean environment and `--index` pointing into the temp dir.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("newsdex").unwrap();
        c.env_clear()
            .env("HOME", self.dir.path())
            .env("NEWSDEX_INDEX", self.index())
            .current_dir(self.dir.path());
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Indexes `archive` (not the usual one) into a new index `name` beside it, asserting
    /// success; returns the index path.
    /// Indexes (or re-indexes) this environment's archive, asserting success; `extra`
    /// flags go after the archive.
    pub fn index_archive(&self, extra: &[&str]) {
        let archive = self.archive();
        let mut args = vec!["index", "-q", archive.to_str().unwrap()];
        args.extend(extra);
        let out = self.run(&args);
        assert!(out.status.success(), "index failed: {}", stderr(&out));
    }

    pub fn index_apart(&self, archive: &Path, name: &str) -> PathBuf {
        let index = self.dir.path().join(name);
        let out = self.run(&[
            "index",
            "--quiet",
            archive.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        index
    }

    /// `search ARGS --format json`, asserting exit 0 or 1, parsed.
    pub fn search_json(&self, args: &[&str]) -> Value {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = self.run(&all);
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "search {args:?} exited {code:?}: {}",
            stderr(&out)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The id of the article at `path` among the hits of `query` (copies not folded).
    pub fn id_of(&self, query: &str, path: &str) -> String {
        let v = self.search_json(&[query, "--no-collapse", "-n", "100"]);
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["path"] == path)
            .unwrap_or_else(|| panic!("{path} is not among the hits of {query:?}: {v}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Paths of the hits of a JSON search, in rank order.
    pub fn paths(&self, args: &[&str]) -> Vec<String> {
        hit_paths(&self.search_json(args))
    }
}

/// The archive of deliberately broken files (`tests/data/broken/`): each still yields
/// articles, with a warning. Kept out of `fixtures/` so the demo archive indexes cleanly.
pub fn broken_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/broken")
}

/// The expected articles of the broken archive, in the shape of `expected()`.
pub fn expected_broken() -> Vec<Value> {
    read_expected(&Path::new(env!("CARGO_MANIFEST_DIR")).join(BROKEN_EXPECTED))
}

const BROKEN_EXPECTED: &str = "tests/data/expected-broken.json";

fn read_expected(file: &Path) -> Vec<Value> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    v.as_array().unwrap().clone()
}

/// Every expected article of `fixtures/`: the entries of the `tests/data/expected-*.json`
/// files (one file per input format, each an array of `{path, title, date, byline, ...}`),
/// apart from `expected-broken.json`, which describes `tests/data/broken/`.
pub fn expected() -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("expected-") && name.ends_with(".json")
        })
        .filter(|p| *p != root.join(BROKEN_EXPECTED))
        .collect();
    files.sort();
    files.iter().flat_map(|f| read_expected(f)).collect()
}

/// The entries of one `tests/data/expected-*.json` file, by its name.
pub fn expected_in(name: &str) -> Vec<Value> {
    read_expected(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
}

/// How an extracted article `got` differs from its expected entry `want`: title, date
/// and byline exactly, the start and end of the body, and strings the body must not hold.
pub fn field_mismatches(path: &str, got: &Value, want: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    for field in ["title", "date", "byline"] {
        if got[field] != want[field] {
            failures.push(format!(
                "{path}: {field} = {}, want {}",
                got[field], want[field]
            ));
        }
    }
    let body = got["body"].as_str().unwrap_or("");
    let starts = want["body_starts_with"].as_str().unwrap();
    let ends = want["body_ends_with"].as_str().unwrap();
    if !body.starts_with(starts) {
        failures.push(format!(
            "{path}: body starts {:?}, want {starts:?}",
            body.chars().take(60).collect::<String>()
        ));
    }
    if !body.ends_with(ends) {
        let tail: Vec<char> = body.chars().rev().take(60).collect();
        failures.push(format!(
            "{path}: body ends {:?}, want {ends:?}",
            tail.into_iter().rev().collect::<String>()
        ));
    }
    for ex in want["body_excludes"].as_array().unwrap() {
        let ex = ex.as_str().unwrap();
        if body.contains(ex) {
            failures.push(format!("{path}: body contains {ex:?}"));
        }
    }
    failures
}

/// Number of distinct files among the expected articles.
pub fn expected_files() -> usize {
    let mut paths: Vec<String> = expected()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths.dedup();
    paths.len()
}

/// `v`, sorted.
pub fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

pub fn hit_paths(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A validator for `schema/NAME`, with the other schemas registered for `$ref`s.
pub fn validator(name: &str) -> jsonschema::Validator {
    let schema_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let load = |n: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(schema_dir.join(n)).unwrap()).unwrap()
    };
    let mut registry = jsonschema::Registry::new();
    for n in [
        "hit.schema.json",
        "search.schema.json",
        "article.schema.json",
    ] {
        let v = load(n);
        let id = v["$id"].as_str().unwrap().to_string();
        registry = registry.add(id, v).unwrap();
    }
    let registry = Box::leak(Box::new(registry.prepare().unwrap()));
    jsonschema::options()
        .with_registry(registry)
        .build(&load(name))
        .unwrap()
}

pub fn assert_valid(validator: &jsonschema::Validator, v: &Value) {
    let errors: Vec<String> = validator.iter_errors(v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}\nin {v:#}");
}

/// Whether the tests run as root, for whom permission bits do not block reading.
pub fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| {
            use std::os::unix::fs::MetadataExt;
            m.uid() == 0
        })
        .unwrap_or(false)
}
