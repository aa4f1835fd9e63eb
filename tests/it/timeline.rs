//! `newsdex timeline`: calendar buckets (empty ones included), normalisation, text, JSON
//! and CSV.

use crate::env::TestEnv;

#[test]
fn timeline_counts_calendar_buckets_with_empty_ones_and_normalizes() {
    let env = TestEnv::indexed();
    let out = env.run(&[
        "timeline", "", "--by", "month", "--from", "2013-11", "--to", "2014-03", "--format", "json",
    ]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    crate::env::assert_valid(&crate::env::validator("timeline.schema.json"), &t);
    let starts: Vec<&str> = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["start"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "2013-11-01",
            "2013-12-01",
            "2014-01-01",
            "2014-02-01",
            "2014-03-01"
        ]
    );
    let counts: Vec<u64> = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .collect();
    let january = env.search_json(&[
        "",
        "--from",
        "2014-01",
        "--to",
        "2014-01",
        "-n",
        "100",
        "--no-collapse",
    ]);
    assert_eq!(counts[2], january["hits"].as_array().unwrap().len() as u64);
    assert_eq!(counts[4], 0, "an empty month is listed with 0");
    let total: u64 = counts.iter().sum();
    assert_eq!(t["matched"].as_u64(), Some(total));

    let norm: serde_json::Value = serde_json::from_slice(
        &env.run(&[
            "timeline",
            "strike",
            "--by",
            "year",
            "--normalize",
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    crate::env::assert_valid(&crate::env::validator("timeline.schema.json"), &norm);
    for b in norm["buckets"].as_array().unwrap() {
        let (c, n) = (b["count"].as_f64().unwrap(), b["total"].as_f64().unwrap());
        assert!(c <= n);
        let share = b["share"].as_f64().unwrap();
        assert!((share - if n > 0.0 { c / n } else { 0.0 }).abs() < 1e-9);
    }
    let csv_out = env.run(&["timeline", "strike", "--by", "week", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_out.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap(),
        vec!["start", "count", "total", "share"]
    );
    assert!(r.records().count() > 1);
    let text = crate::env::stdout(&env.run(&["timeline", "strike", "--by", "year"]));
    assert!(
        text.contains('█') && text.contains("articles match"),
        "{text}"
    );
    assert_eq!(env.run(&["timeline", "xylophonist"]).status.code(), Some(1));
}

/// An article keeps the day its source printed: `01:15 CEST` on 1 June 2023 is 31 May in
/// UTC, and a date filter, a timeline and the printed date all put it on 1 June.
#[test]
fn dates_follow_the_day_the_source_printed() {
    let env = TestEnv::indexed();
    let path = "scraped/heatwave-power-grid.txt";
    let on = |from: &str, to: &str| {
        env.paths(&["", "--from", from, "--to", to, "-n", "100", "--no-collapse"])
            .contains(&path.to_string())
    };
    assert!(on("2023-06-01", "2023-06-01"));
    assert!(!on("2023-05-31", "2023-05-31"));
    let hit = env.search_json(&["heatwave", "--no-collapse"]);
    let first = &hit["hits"][0];
    assert_eq!(first["path"], path);
    assert_eq!(first["date"], "2023-06-01T01:15:00+02:00");
    let out = env.run(&[
        "timeline",
        "heatwave",
        "--by",
        "day",
        "--from",
        "2023-05-31",
        "--to",
        "2023-06-01",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts: Vec<(String, u64)> = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["start"].as_str().unwrap().to_string(),
                b["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [("2023-05-31".to_string(), 0), ("2023-06-01".to_string(), 1)]
    );
}
