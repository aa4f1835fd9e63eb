//! `newsdex facets`: the top bylines, years and sources of a query's matches.

use crate::env::TestEnv;

#[test]
fn facets_list_top_bylines_years_and_sources() {
    let env = TestEnv::indexed();
    let out = env.run(&["facets", "byline", "--format", "json", "-n", "100"]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    let f: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    crate::env::assert_valid(&crate::env::validator("facets.schema.json"), &f);
    let values = f["values"].as_array().unwrap();
    let counts: Vec<u64> = values
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "sorted by count");
    // Both authors of a two-person byline are counted separately.
    for name in ["Eleanor Marsh", "Omar Haddad"] {
        assert!(
            values.iter().any(|v| v["value"] == name),
            "{name} in {values:?}"
        );
    }
    // byline: queries match normalised names.
    assert!(!env.paths(&["byline:\"eleanor marsh\""]).is_empty());

    let years: serde_json::Value = serde_json::from_slice(
        &env.run(&["facets", "year", "strike", "--format", "json"])
            .stdout,
    )
    .unwrap();
    let strike = env.search_json(&["strike", "-n", "100", "--no-collapse"]);
    let dated = strike["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["date"].is_string())
        .count() as u64;
    let sum: u64 = years["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, dated);

    let sources = crate::env::stdout(&env.run(&["facets", "source", "--format", "csv"]));
    assert!(
        sources.starts_with("value,count\r\n") && sources.contains("\r\nscraped,"),
        "{sources}"
    );
}
