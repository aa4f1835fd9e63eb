//! `newsdex eval`: topics and qrels in, trec_eval measures and a run file out.

use serde_json::Value;

use crate::env::{stderr, stdout, TestEnv};

#[test]
fn eval_scores_rankings_and_writes_a_trec_run() {
    let env = TestEnv::indexed();
    let dir = env.dir.path();
    // Topic 1: the title match is first (AP 1); topic 2: the relevant story is not the
    // top hit; topic 3: nothing relevant is judged (reported, not averaged).
    env.beside()
        .file(
            "topics.tsv",
            "1\tlighthouse\n2\tcouncil \"budget\" cuts: fireworks?\n3\tzeppelin\n",
        )
        .file(
            "qrels",
            "1 0 haixing-lighthouse-relit 1\n1 0 coastguard-radar-network 0\n2 0 council-cancels-fireworks 1\n2 0 no-such-doc 1\n3 0 zurich-zeppelin-gondola 0\n",
        );
    let run = dir.join("run.txt");
    let out = env.run(&[
        "eval",
        "--topics",
        dir.join("topics.tsv").to_str().unwrap(),
        "--qrels",
        dir.join("qrels").to_str().unwrap(),
        "--run",
        run.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    crate::env::assert_valid(&crate::env::validator("eval.schema.json"), &v);
    let t1 = &v["topics"][0];
    assert_eq!(t1["ap"], 1.0);
    assert_eq!(t1["ndcg_10"], 1.0);
    let t2 = &v["topics"][1];
    assert_eq!(t2["relevant"], 2);
    assert_eq!(t2["relevant_retrieved"], 1);
    let ap2 = t2["ap"].as_f64().unwrap();
    assert!(ap2 > 0.0 && ap2 <= 0.5, "one of two relevant found: {ap2}");
    assert_eq!(v["unjudged"], serde_json::json!(["3"]));
    let map = v["map"].as_f64().unwrap();
    assert!((map - (1.0 + ap2) / 2.0).abs() < 1e-9);

    let run_text = std::fs::read_to_string(&run).unwrap();
    let first: Vec<&str> = run_text.lines().next().unwrap().split(' ').collect();
    assert_eq!(first[..4], ["1", "Q0", "haixing-lighthouse-relit", "1"]);
    assert_eq!(first[5], "newsdex");
    assert!(run_text.lines().all(|l| l.split(' ').count() == 6));

    let text = env.run(&[
        "eval",
        "--topics",
        dir.join("topics.tsv").to_str().unwrap(),
        "--qrels",
        dir.join("qrels").to_str().unwrap(),
    ]);
    assert!(
        stdout(&text).lines().last().unwrap().starts_with("mean"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn eval_rejects_malformed_input_with_the_file_and_line() {
    let env = TestEnv::indexed();
    let dir = env.dir.path();
    env.beside()
        .file("topics.tsv", "1 lighthouse without a tab\n")
        .file("qrels", "1 0 x 1\n");
    let out = env.run(&[
        "eval",
        "--topics",
        dir.join("topics.tsv").to_str().unwrap(),
        "--qrels",
        dir.join("qrels").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("topics.tsv: line 1"),
        "{}",
        stderr(&out)
    );
}
