//! The DSL of every query form, as exact JSON, and the refusals, against the local
//! compiler's. No cluster is needed.

use serde_json::{json, Value};

use super::compile;
use crate::search::query::{self, MAX_NESTING};

fn all(text: &str) -> Value {
    compile(text, false).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn any(text: &str) -> Value {
    compile(text, true).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn refused(text: &str) -> String {
    match compile(text, false) {
        Ok(q) => panic!("{text} compiled to {q}"),
        Err(e) => e.to_string(),
    }
}

/// A bare word: in the combined field (title, byline, body), scored as BM25F.
fn word(text: &str) -> Value {
    json!({ "match": { "text": { "query": text, "operator": "and" } } })
}

fn range(bounds: Value) -> Value {
    json!({ "range": { "date": bounds } })
}

/// Articles dated to `precision` stored after `after`: their span ends past the range.
fn too_late(precision: &str, after: &str) -> Value {
    json!({ "bool": { "filter": [
        { "term": { "date_precision": { "value": precision } } },
        { "range": { "date": { "gt": after } } },
    ] } })
}

/// A date query alone: no score.
fn unscored(query: Value) -> Value {
    json!({ "bool": { "filter": [query] } })
}

#[test]
fn every_article_and_none() {
    for text in ["", "   ", "*", " * "] {
        assert_eq!(all(text), json!({ "match_all": {} }), "{text:?}");
        assert_eq!(any(text), json!({ "match_all": {} }), "{text:?}");
    }
    // Quotes around nothing: nothing to search for, which matches nothing (as locally).
    assert_eq!(all("''"), json!({ "match_none": {} }));
    assert_eq!(all("\"...\""), json!({ "match_none": {} }));
    // `*` beside other clauses is every article, scored.
    assert_eq!(
        all("* -war"),
        json!({ "bool": { "must": [{ "match_all": {} }], "must_not": [word("war")] } })
    );
}

#[test]
fn words_go_to_the_cluster_as_typed() {
    assert_eq!(all("lighthouse"), word("lighthouse"));
    assert_eq!(all("Talks"), word("Talks"));
    // Unicode NFC, as article text is indexed.
    assert_eq!(all("Zu\u{308}rich"), word("Z\u{fc}rich"));
    // Punctuation alone is nothing to search for.
    assert_eq!(all("..., war"), word("war"));
    // A word the analyzer cuts in two is a phrase of its parts, as locally.
    for text in ["O'Brien", "covid-19", "U.S."] {
        assert_eq!(
            all(text),
            json!({ "match_phrase": { "text": { "query": text } } }),
            "{text}"
        );
    }
    assert_eq!(
        all("O\u{2019}Brien~1"),
        json!({ "match_phrase": { "text": { "query": "O'Brien", "slop": 1 } } })
    );
}

#[test]
fn and_or_not_and_signs() {
    let both = json!({ "bool": { "must": [word("war"), word("peace")] } });
    assert_eq!(all("war peace"), both);
    assert_eq!(all("war AND peace"), both);
    assert_eq!(all("war && peace"), both);
    assert_eq!(any("war AND peace"), both);
    let either = json!({ "bool": { "should": [word("war"), word("peace")] } });
    assert_eq!(any("war peace"), either);
    assert_eq!(all("war OR peace"), either);
    assert_eq!(all("war || peace"), either);
    let without = json!({ "bool": { "must": [word("war")], "must_not": [word("peace")] } });
    for text in [
        "war -peace",
        "war NOT peace",
        "war AND NOT peace",
        "war !peace",
    ] {
        assert_eq!(all(text), without, "{text}");
    }
    assert_eq!(any("war AND NOT peace"), without);
    // Under OR, one of the optional clauses must match beside the exclusion.
    assert_eq!(
        any("war -peace"),
        json!({ "bool": {
            "should": [word("war")],
            "must_not": [word("peace")],
            "minimum_should_match": 1,
        } })
    );
    assert_eq!(
        any("+war peace"),
        json!({ "bool": { "must": [word("war")], "should": [word("peace")] } })
    );
    assert_eq!(all("+war peace"), both);
}

#[test]
fn groups_nest() {
    assert_eq!(
        all("(strike OR walkout) AND union"),
        json!({ "bool": { "must": [
            { "bool": { "should": [word("strike"), word("walkout")] } },
            word("union"),
        ] } })
    );
    assert_eq!(
        any("(strike walkout) -(union OR pay)"),
        json!({ "bool": {
            "should": [{ "bool": { "should": [word("strike"), word("walkout")] } }],
            "must_not": [{ "bool": { "should": [word("union"), word("pay")] } }],
            "minimum_should_match": 1,
        } })
    );
    // A group of one is its clause; a group of one exclusion excludes.
    assert_eq!(all("(((strike)))"), word("strike"));
    assert_eq!(
        all("(-war) peace"),
        json!({ "bool": { "must": [word("peace")], "must_not": [word("war")] } })
    );
    // Locally an inner group of exclusions only matches nothing, so excluding it excludes
    // nothing.
    assert_eq!(
        all("war -(-peace)"),
        json!({ "bool": { "must": [word("war")], "must_not": [{ "match_none": {} }] } })
    );
    // Field names apply to a whole group.
    assert_eq!(
        any("title:(peace war)"),
        json!({ "bool": { "should": [
            { "multi_match": { "query": "peace", "type": "cross_fields", "fields": ["title"], "operator": "and" } },
            { "multi_match": { "query": "war", "type": "cross_fields", "fields": ["title"], "operator": "and" } },
        ] } })
    );
    let deep = format!("{}war{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
    assert_eq!(all(&deep), word("war"));
}

#[test]
fn stop_words_are_dropped_under_or_only() {
    assert_eq!(any("the war"), word("war"));
    assert_eq!(
        all("the war"),
        json!({ "bool": { "must": [word("the"), word("war")] } })
    );
    // English function words of the index's language go too ("said").
    assert_eq!(any("troops said withdrawn"), any("troops withdrawn"));
    // Kept: a query of stop words only, one that would leave only an exclusion, and
    // quoted, field-scoped or signed words.
    assert_eq!(
        any("the who"),
        json!({ "bool": { "should": [word("the"), word("who")] } })
    );
    assert_eq!(
        any("the -war"),
        json!({ "bool": {
            "should": [word("the")],
            "must_not": [word("war")],
            "minimum_should_match": 1,
        } })
    );
    assert_eq!(
        any("+the war"),
        json!({ "bool": { "must": [word("the")], "should": [word("war")] } })
    );
}

#[test]
fn only_exclusions_are_refused() {
    for text in ["-war", "-war -peace", "NOT war", "-(-war)", "!war"] {
        assert_eq!(
            refused(text),
            "a query cannot consist only of excluded terms (-term); add a term to search for",
            "{text}"
        );
        assert!(compile(text, true).is_err(), "{text}");
    }
}

#[test]
fn boosts() {
    let mut boosted = word("peace");
    boosted["match"]["text"]["boost"] = json!(2.0);
    assert_eq!(
        all("peace^2 talks"),
        json!({ "bool": { "must": [boosted, word("talks")] } })
    );
    assert_eq!(
        all("(peace talks)^0.5"),
        json!({ "bool": { "must": [word("peace"), word("talks")], "boost": 0.5 } })
    );
    assert_eq!(
        all("title:syria^3"),
        json!({ "multi_match": {
            "query": "syria", "type": "cross_fields", "fields": ["title"], "operator": "and", "boost": 3.0,
        } })
    );
    // Term-level queries take the boost beside their value.
    assert_eq!(
        all("path:a.txt^2"),
        json!({ "term": { "path": { "value": "a.txt", "boost": 2.0 } } })
    );
    assert_eq!(
        all("date:*^2"),
        json!({ "exists": { "field": "date", "boost": 2.0 } })
    );
    // Boosts multiply.
    assert_eq!(all("((war)^2)^3")["match"]["text"]["boost"], json!(6.0));
    // A date does not score, boosted or not.
    assert_eq!(all("date:2014^2 peace"), all("date:2014 peace"));
    // Scores must stay finite on the cluster.
    assert_eq!(
        all(&format!("war^1{}", "0".repeat(45)))["match"]["text"]["boost"],
        json!(1e30)
    );
    assert_eq!(
        all(&format!("(war^1{z})^1{z}", z = "0".repeat(20)))["match"]["text"]["boost"],
        json!(1e30)
    );
}

#[test]
fn phrases() {
    let phrase = json!({ "match_phrase": { "text": { "query": "peace talks" } } });
    assert_eq!(all("\"peace talks\""), phrase);
    assert_eq!(all("'peace talks'"), phrase);
    assert_eq!(all("\u{201C}peace talks\u{201D}"), phrase);
    assert_eq!(
        all("\"peace talks\"~2"),
        json!({ "match_phrase": { "text": { "query": "peace talks", "slop": 2 } } })
    );
    let prefix = json!({ "match_phrase_prefix": { "text": { "query": "peace talks", "max_expansions": 50 } } });
    assert_eq!(all("\"peace talks\"*"), prefix);
    assert_eq!(all("'peace talks'*"), prefix);
    assert_eq!(
        all("body:\"peace talks\"~3"),
        json!({ "multi_match": {
            "query": "peace talks", "type": "phrase", "fields": ["body"], "tie_breaker": 1.0, "slop": 3,
        } })
    );
    // A quoted single word is a word; its slop means nothing.
    assert_eq!(all("\"talks\"~2"), word("talks"));
}

/// The fuzzy DSL of `typed` at `distance` from `stem` over the default fields.
fn fuzzy(typed: &str, stem: &str, distance: u32) -> Value {
    let params = |boost: Option<f64>| {
        let mut p = json!({
            "value": stem,
            "fuzziness": distance,
            "transpositions": true,
            "rewrite": "constant_score",
        });
        if let Some(b) = boost {
            p["boost"] = json!(b);
        }
        p
    };
    json!({ "bool": { "should": [
        word(typed),
        { "fuzzy": { "title": params(Some(2.5)) } },
        { "fuzzy": { "byline": params(None) } },
        { "fuzzy": { "body": params(None) } },
    ] } })
}

#[test]
fn fuzzy_terms_are_the_stemmed_word() {
    assert_eq!(all("lighthous~1"), fuzzy("lighthous", "lighthous", 1));
    assert_eq!(all("blair~2"), fuzzy("blair", "blair", 2));
    // The analysed form, as the local FuzzyTermQuery searches it.
    assert_eq!(all("negotiations~1"), fuzzy("negotiations", "negoti", 1));
    assert_eq!(all("lighthuose~1"), fuzzy("lighthuose", "lighthuos", 1));
    // `~0` reads as 1.
    assert_eq!(all("talk~0"), fuzzy("talk", "talk", 1));
    assert_eq!(
        all("author:smyth~1"),
        json!({ "bool": { "should": [
            { "multi_match": { "query": "smyth", "type": "cross_fields", "fields": ["authors"], "operator": "and" } },
            { "fuzzy": { "authors": {
                "value": "smyth", "fuzziness": 1, "transpositions": true, "rewrite": "constant_score",
            } } },
        ] } })
    );
    assert_eq!(
        refused("blair~3"),
        "blair~3: a fuzzy term allows an edit distance of 1 or 2"
    );
}

#[test]
fn prefixes_take_the_stems_that_cut_into_them() {
    let per_field = |field: &str, boost: Option<f64>, stems: &[&str], text: &str| {
        let starting = json!({ "prefix": { field: { "value": text } } });
        let filter = if stems.is_empty() {
            starting
        } else {
            json!({ "bool": { "should": [starting, { "terms": { field: stems } }] } })
        };
        let mut q = json!({ "constant_score": { "filter": filter } });
        if let Some(b) = boost {
            q["constant_score"]["boost"] = json!(b);
        }
        q
    };
    let bare = |text: &str, stems: &[&str]| {
        json!({ "bool": { "should": [
            per_field("title", Some(2.5), stems, text),
            per_field("byline", None, stems, text),
            per_field("body", None, stems, text),
        ] } })
    };
    // "negotiating" is indexed as `negoti`.
    assert_eq!(all("negotiat*"), bare("negotiat", &["negoti"]));
    assert_eq!(all("\"negotiat\"*"), bare("negotiat", &["negoti"]));
    assert_eq!(all("talk*"), bare("talk", &[]));
    // Folded and lower-cased like indexed words.
    assert_eq!(all("Z\u{fc}r*"), bare("zur", &[]));
    // Without the index to show real words, stems of non-words are kept too.
    assert_eq!(all("parli*"), bare("parli", &["par", "parl"]));
    assert_eq!(
        all("title:negotiat*"),
        per_field("title", None, &["negoti"], "negotiat")
    );
    assert_eq!(
        all("by:smi*"),
        json!({ "bool": { "should": [
            per_field("byline", None, &[], "smi"),
            per_field("authors", None, &[], "smi"),
        ] } })
    );
    // A prefix of a word the analyzer cuts in two is a phrase prefix.
    assert_eq!(
        all("covid-1*"),
        json!({ "match_phrase_prefix": { "text": { "query": "covid-1", "max_expansions": 50 } } })
    );
}

#[test]
fn text_fields_and_their_aliases() {
    let over = |fields: Value| {
        json!({ "multi_match": {
            "query": "smith", "type": "cross_fields", "fields": fields, "operator": "and",
        } })
    };
    for (field, fields) in [
        ("title", json!(["title"])),
        ("headline", json!(["title"])),
        ("byline", json!(["byline", "authors"])),
        ("by", json!(["byline", "authors"])),
        ("author", json!(["authors"])),
        ("authors", json!(["authors"])),
        ("body", json!(["body"])),
        ("text", json!(["body"])),
    ] {
        assert_eq!(all(&format!("{field}:smith")), over(fields), "{field}");
    }
    assert_eq!(
        all("title: IN [peace war]"),
        json!({ "bool": { "should": [
            { "multi_match": { "query": "peace", "type": "cross_fields", "fields": ["title"], "operator": "and" } },
            { "multi_match": { "query": "war", "type": "cross_fields", "fields": ["title"], "operator": "and" } },
        ] } })
    );
}

#[test]
fn exact_values() {
    assert_eq!(
        all("path:2014/01/a.txt"),
        json!({ "term": { "path": { "value": "2014/01/a.txt" } } })
    );
    assert_eq!(
        all("path:2014/01/*"),
        json!({ "prefix": { "path": { "value": "2014/01/" } } })
    );
    // A quoted value is the value, star and all.
    assert_eq!(
        all("path:\"2014/01\"*"),
        json!({ "term": { "path": { "value": "2014/01" } } })
    );
    // As the file system spelled it: no Unicode normalisation.
    assert_eq!(
        all("path:Zu\u{308}rich.txt"),
        json!({ "term": { "path": { "value": "Zu\u{308}rich.txt" } } })
    );
    for field in ["source", "source_id"] {
        assert_eq!(
            all(&format!("{field}:reuters-21578")),
            json!({ "term": { "source_id": { "value": "reuters-21578" } } })
        );
    }
    assert_eq!(
        all("format:nitf"),
        json!({ "term": { "format": { "value": "nitf" } } })
    );
}

#[test]
fn clusters_are_sixteen_lowercase_hex_digits() {
    let cluster = |id: &str| json!({ "term": { "cluster": { "value": id } } });
    assert_eq!(all("cluster:DEADBEEFdeadbeef"), cluster("deadbeefdeadbeef"));
    assert_eq!(all("cluster:ab"), cluster("00000000000000ab"));
    for bad in ["xyz", "12345678901234567", "abc*"] {
        let shown = bad.trim_end_matches('*');
        assert_eq!(
            refused(&format!("cluster:{bad}")),
            format!(
                "invalid cluster \"{shown}\": a cluster id is 16 hex digits, as JSON output shows it"
            )
        );
    }
}

#[test]
fn languages_by_code() {
    let language = |code: &str| json!({ "term": { "language": { "value": code } } });
    assert_eq!(all("lang:de"), language("de"));
    assert_eq!(all("language:DEU"), language("de"));
    assert_eq!(all("lang:en-GB"), language("en"));
    assert_eq!(all("lang:und"), language("und"));
    assert!(refused("lang:zz").starts_with("unknown language \"zz\""));
}

#[test]
fn dates_name_whole_spans() {
    // A year: no article dated more coarsely can fall inside it without filling it.
    assert_eq!(
        all("date:2014"),
        unscored(range(
            json!({ "gte": "2014-01-01T00:00:00Z", "lt": "2015-01-01T00:00:00Z" })
        ))
    );
    // A month: an article dated only "2014" does not lie within January.
    assert_eq!(
        all("date:2014-01"),
        json!({ "bool": {
            "filter": [range(json!({ "gte": "2014-01-01T00:00:00Z", "lt": "2014-02-01T00:00:00Z" }))],
            "must_not": [too_late("year", "2013-01-01T00:00:00Z")],
        } })
    );
    assert_eq!(
        all("date:2014-01-22"),
        json!({ "bool": {
            "filter": [range(json!({ "gte": "2014-01-22T00:00:00Z", "lt": "2014-01-23T00:00:00Z" }))],
            "must_not": [
                too_late("year", "2013-01-01T00:00:00Z"),
                too_late("month", "2013-12-01T00:00:00Z"),
            ],
        } })
    );
    // A time, on the articles' clocks (its offset set aside): a second.
    assert_eq!(
        all("date:2014-01-22T05:30:00+08:00"),
        json!({ "bool": {
            "filter": [range(json!({ "gte": "2014-01-22T05:30:00Z", "lt": "2014-01-22T05:30:01Z" }))],
            "must_not": [
                too_late("year", "2013-01-01T00:00:00Z"),
                too_late("month", "2013-12-01T00:00:00Z"),
                too_late("day", "2014-01-21T00:00:00Z"),
            ],
        } })
    );
    // The calendar's last year ends at its last instant.
    assert_eq!(
        all("date:9999")["bool"]["filter"][0],
        range(json!({ "gte": "9999-01-01T00:00:00Z", "lt": "9999-12-31T23:59:59.999Z" }))
    );
}

#[test]
fn date_ranges() {
    let first_quarter = json!({ "bool": {
        "filter": [range(json!({ "gte": "2014-01-01T00:00:00Z", "lt": "2014-04-01T00:00:00Z" }))],
        "must_not": [too_late("year", "2013-01-01T00:00:00Z")],
    } });
    assert_eq!(all("date:[2014-01-01 TO 2014-03-31]"), first_quarter);
    assert_eq!(all("date:[2014-01 TO 2014-03]"), first_quarter);
    // Exclusive bounds leave out the spans they name.
    assert_eq!(
        all("date:{2014-01 TO 2014-03}"),
        json!({ "bool": {
            "filter": [range(json!({ "gte": "2014-02-01T00:00:00Z", "lt": "2014-03-01T00:00:00Z" }))],
            "must_not": [too_late("year", "2013-01-01T00:00:00Z")],
        } })
    );
    assert_eq!(
        all("date:[2014 TO 2015}"),
        unscored(range(
            json!({ "gte": "2014-01-01T00:00:00Z", "lt": "2015-01-01T00:00:00Z" })
        ))
    );
    // Open ends.
    let from_2019 = unscored(range(json!({ "gte": "2019-01-01T00:00:00Z" })));
    assert_eq!(all("date:>=2019"), from_2019);
    assert_eq!(all("date:[2019 TO *]"), from_2019);
    assert_eq!(
        all("date:>2019"),
        unscored(range(json!({ "gte": "2020-01-01T00:00:00Z" })))
    );
    let before_2019 = unscored(range(json!({ "lt": "2019-01-01T00:00:00Z" })));
    assert_eq!(all("date:<2019"), before_2019);
    assert_eq!(all("date:[* TO 2019}"), before_2019);
    assert_eq!(
        all("date:<=2019-06"),
        json!({ "bool": {
            "filter": [range(json!({ "lt": "2019-07-01T00:00:00Z" }))],
            "must_not": [too_late("year", "2018-01-01T00:00:00Z")],
        } })
    );
    assert_eq!(
        all("date:[* TO 2014-03-15]"),
        json!({ "bool": {
            "filter": [range(json!({ "lt": "2014-03-16T00:00:00Z" }))],
            "must_not": [
                too_late("year", "2013-01-01T00:00:00Z"),
                too_late("month", "2014-02-01T00:00:00Z"),
            ],
        } })
    );
    // Any date: `date:*` scores as the local exists query does, `[* TO *]` not at all.
    assert_eq!(all("date:*"), json!({ "exists": { "field": "date" } }));
    assert_eq!(
        all("date:[* TO *]"),
        unscored(json!({ "exists": { "field": "date" } }))
    );
}

#[test]
fn dates_filter_without_scoring() {
    let year = range(json!({ "gte": "2014-01-01T00:00:00Z", "lt": "2015-01-01T00:00:00Z" }));
    let filtered = json!({ "bool": { "must": [word("peace")], "filter": [year.clone()] } });
    assert_eq!(all("date:2014 peace"), filtered);
    assert_eq!(all("peace AND date:2014"), filtered);
    assert_eq!(
        any("+date:2014 peace talks"),
        json!({ "bool": { "filter": [year.clone()], "should": [word("peace"), word("talks")] } })
    );
    // Beside scored optional clauses, an optional date scores 0.
    assert_eq!(
        any("peace date:2014"),
        json!({ "bool": { "should": [word("peace"), unscored(year.clone())] } })
    );
    // Dates only: one filter around them.
    let next = range(json!({ "gte": "2015-01-01T00:00:00Z", "lt": "2016-01-01T00:00:00Z" }));
    let either_year = json!({ "bool": { "should": [year.clone(), next.clone()] } });
    assert_eq!(all("date:2014 OR date:2015"), unscored(either_year.clone()));
    assert_eq!(all("date:IN [2014 2015]"), unscored(either_year.clone()));
    assert_eq!(
        all("(date:2014 OR date:2015) war"),
        json!({ "bool": { "must": [word("war")], "filter": [either_year] } })
    );
    assert_eq!(
        all("date:2014 -peace"),
        json!({ "bool": { "filter": [year.clone()], "must_not": [word("peace")] } })
    );
    assert_eq!(
        all("date:2014 AND NOT date:2014-06"),
        json!({ "bool": {
            "filter": [year],
            "must_not": [{ "bool": {
                "filter": [range(json!({ "gte": "2014-06-01T00:00:00Z", "lt": "2014-07-01T00:00:00Z" }))],
                "must_not": [too_late("year", "2013-01-01T00:00:00Z")],
            } }],
        } })
    );
}

#[test]
fn refusals() {
    assert!(refused("nosuch:x").starts_with("unknown field \"nosuch\""));
    assert!(refused("/lighth.*/").starts_with("regular expressions are not supported"));
    assert!(refused("title:[a TO b]").starts_with("ranges work on dates only"));
    assert!(refused("[a TO b]").starts_with("ranges work on dates only"));
    assert_eq!(
        refused("title:*"),
        "`title:*` works only on dates: use date:*"
    );
    assert!(refused("date:yesterday").starts_with("invalid date \"yesterday\" for date:"));
    assert!(refused("date:[2014 TO tomorrow]").starts_with("invalid date \"tomorrow\""));
    assert_eq!(
        refused("date:[2014-02 TO 2014-01]"),
        "empty date range: date:[2014-02 TO 2014-01] starts at 2014-02-01T00:00:00Z but ends \
         at 2014-01-31T23:59:59Z"
    );
    assert!(refused("date:{2014-01 TO 2014-02}").starts_with("empty date range"));
    assert!(refused("\"open").starts_with("syntax error"));
    assert!(refused("(war").starts_with("syntax error"));
    let deep = format!(
        "{}war{}",
        "(".repeat(MAX_NESTING + 1),
        ")".repeat(MAX_NESTING + 1)
    );
    assert!(refused(&deep).contains("nested more than 100"));
}

/// The cluster refuses what a local index refuses, with the same message, and accepts what
/// it accepts, for every form.
#[test]
fn refuses_exactly_what_the_local_compiler_refuses() {
    let fields = crate::index::IndexSchema::current()
        .expect("the shipped schema")
        .fields;
    let queries = [
        "war",
        "-war",
        "war -war",
        "NOT war",
        "-(-war)",
        "war -(-peace)",
        "''",
        "*",
        "* -war",
        "title:x",
        "headline:x",
        "byline:x",
        "by:x",
        "author:x",
        "authors:x",
        "body:x",
        "text:x",
        "path:x",
        "path:x*",
        "source:x",
        "source_id:x",
        "format:x",
        "date:2014",
        "cluster:ab",
        "lang:de",
        "language:fr",
        "nosuch:x",
        "Title:x",
        "id:x",
        "date:x",
        "date:2014-13",
        "date:2014-02-30",
        "date:[2014 TO 2013]",
        "date:{2014 TO 2014}",
        "date:[2014 TO 2014]",
        "date:>=2019",
        "date:<2019",
        "date:*",
        "date:[* TO *]",
        "title:*",
        "path:*",
        "title:[a TO b]",
        "[a TO b]",
        "/re/",
        "title:/re/",
        "cluster:xyz",
        "cluster:0123456789abcdef0",
        "cluster:ab*",
        "lang:zz",
        "lang:",
        "war~1",
        "war~2",
        "war~3",
        "\"war\"~3",
        "\"a b\"~3",
        "x*",
        "\"a b\"*",
        "(war",
        "war)",
        "\"war",
        "war^2",
        "(a b)^2",
        "title: IN [a b]",
        "date: IN [2014 x]",
        "the -war",
        "-the",
        "the",
        "...",
        "-...",
        "date:2014 -war",
        "date:IN [2014 2015]",
    ];
    for text in queries {
        for or in [false, true] {
            let local = query::compile(&fields, text, or).map(|_| ());
            let remote = compile(text, or).map(|_| ());
            assert_eq!(
                local.map_err(|e| e.to_string()),
                remote.map_err(|e| e.to_string()),
                "{text} (any: {or})"
            );
        }
    }
}

/// Every field the DSL names is in the index mapping, with the type its query needs.
#[test]
fn fields_are_in_the_mapping() {
    let mapping: Value =
        serde_json::from_str(include_str!("../../schema/opensearch/articles.json"))
            .expect("the shipped mapping");
    let properties = &mapping["mappings"]["properties"];
    for (field, kind) in [
        ("title", "text"),
        ("byline", "text"),
        ("authors", "text"),
        ("body", "text"),
        ("path", "keyword"),
        ("source_id", "keyword"),
        ("format", "keyword"),
        ("cluster", "keyword"),
        ("language", "keyword"),
        ("date_precision", "keyword"),
        ("date", "date"),
    ] {
        assert_eq!(properties[field]["type"], json!(kind), "{field}");
        if kind == "text" {
            assert_eq!(properties[field]["analyzer"], json!("newsdex"), "{field}");
        }
    }
}
