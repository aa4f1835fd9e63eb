//! The query language, compiled to tantivy queries by newsdex rather than tantivy's
//! `QueryParser`, so that news-specific syntax works the same everywhere:
//!
//! - terms, `"phrases"` (with `~N` slop), `+must`, `-must_not`, `AND`/`OR`/`NOT`, `( )`,
//!   `^boost`; AND between bare terms unless `any`;
//! - fields: `title:`, `byline:` (the byline and the normalised author names), `author:`,
//!   `body:`, and the exact-match `path:`, `source:` (the collection's id), `format:`;
//! - `date:2014`, `date:2014-01`, `date:2014-01-22`, `date:[2014-01-01 TO 2014-03-31]`,
//!   `date:>=2019` — each bound is the whole span it names, as for `--from/--to`;
//! - `term~1` / `term~2`: fuzzy (edit distance), `term*`: prefix, `"phrase prefix"*`.
//!
//! Before tantivy's grammar sees the text, `prepare` makes apostrophes inside words and
//! colons inside times part of their words, and refuses nesting deeper than
//! `MAX_NESTING` (the grammar recurses, and would overflow the stack).
//!
//! Under `any` (OR), bare English stop words are left out of the query (`OR_STOP_WORDS`):
//! they match nearly every article and push long articles above relevant ones.
//!
//! tantivy's grammar parses the text into an AST, which is rewritten and then walked.
//! Besides the query, compiling returns what the snippet highlighter and the "did you
//! mean" suggestions need: the positive body terms, prefixes and fuzzy terms.
//!
//! The parts, each a leaf this module calls: `prepare` (the text pre-pass and nesting
//! guard), `rewrite` (syntax tree rewrites: `NOT` lifting, OR stop words), `compile` (the
//! walk that builds the tantivy query), `highlight` (what the highlighter marks), `prefix`
//! (the terms `term*` matches), `fuzzy` (edit distance), `stop_words` (the OR stop list,
//! read from `schema/or-stop-words.txt`) and `error` (`QueryError`, the reasons a query is
//! refused).

mod compile;
pub mod error;
mod fuzzy;
mod highlight;
mod prefix;
mod prepare;
mod rewrite;
mod stop_words;

use tantivy::query::Query;

use crate::index::schema::Fields;

pub use compile::{date_bounds, date_query, normalise, parse_date, TITLE_BOOST};
pub use error::QueryError;
pub use fuzzy::edit_distance_within;
pub use highlight::{Highlight, PhraseMatch};
pub use prefix::{fold, Prefix, StemCheck};
pub use prepare::MAX_NESTING;
pub use stop_words::OR_STOP_WORDS;

/// A compiled query and what it is made of.
#[derive(Debug)]
pub struct Compiled {
    pub query: Box<dyn Query>,
    /// Terms to mark in bodies.
    pub highlight: Highlight,
    /// Plain positive terms as typed (lower-cased), for "did you mean".
    pub words: Vec<String>,
}

/// Compiles `text`, taking every stem a prefix's word endings give as a real word's (see
/// `compile_with`).
pub fn compile(fields: &Fields, text: &str, any: bool) -> Result<Compiled, QueryError> {
    compile_with(fields, text, any, &|_, _| true, &[], &[])
}

/// Compiles `text`, keeping for a prefix only the stems that `stems_of_real_words` says
/// come from a word of the archive, and searching bare words in none of `empty_fields`
/// (fields no article of the index fills: they could match nothing, and tantivy builds
/// an empty term dictionary for each, about 1 MB, in every process that asks).
pub fn compile_with(
    fields: &Fields,
    text: &str,
    any: bool,
    stems_of_real_words: StemCheck<'_>,
    empty_fields: &[tantivy::schema::Field],
    languages: &[crate::lang::Language],
) -> Result<Compiled, QueryError> {
    let ast = parse(text, any, languages)?;
    let mut compiler =
        compile::Compiler::new(fields, any, stems_of_real_words, empty_fields, languages);
    let query = compiler.query(&ast)?;
    let (highlight, words) = compiler.into_parts();
    Ok(Compiled {
        query,
        highlight,
        words,
    })
}

/// The syntax tree of `text` as every back end compiles it: prepared, parsed by
/// tantivy's grammar, bare stop words dropped under `any` (they would make nearly every
/// article match), negations lifted.
pub fn parse(
    text: &str,
    any: bool,
    languages: &[crate::lang::Language],
) -> Result<tantivy::query_grammar::UserInputAst, QueryError> {
    let text = prepare::prepare(text)?;
    let ast = tantivy::query_grammar::parse_query(&text).map_err(|_| QueryError::Syntax)?;
    let ast = if any {
        rewrite::drop_stop_words(ast, languages)
    } else {
        ast
    };
    Ok(rewrite::lift_negations(ast))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;
    use tantivy::tokenizer::TokenStream;

    fn fields() -> Fields {
        crate::index::IndexSchema::current().unwrap().fields
    }

    /// Every term the highlighter looks for, words then phrases' terms.
    fn marked(h: &Highlight) -> Vec<String> {
        let mut all = h.exact.clone();
        for p in &h.phrases {
            all.extend(p.terms.iter().map(|(_, t)| t.clone()));
        }
        all
    }

    #[test]
    fn highlight_terms_are_analysed_and_skip_negations() {
        let c = compile(
            &fields(),
            "Talks \"peace process\" -iran title:syria",
            false,
        )
        .unwrap();
        assert_eq!(c.highlight.exact, vec!["talk"]);
        // The phrase is marked only where its words stand together.
        assert_eq!(
            c.highlight.phrases,
            vec![PhraseMatch {
                terms: vec![(0, "peac".to_string()), (1, "process".to_string())],
                slop: 0,
                prefix: false,
            }]
        );
        assert_eq!(c.words, vec!["talks"]);
    }

    #[test]
    fn fuzzy_and_prefix_terms() {
        let c = compile(&fields(), "lighthous~1 negotiat*", false).unwrap();
        assert_eq!(c.highlight.fuzzy, vec![("lighthous".to_string(), 1)]);
        assert_eq!(c.highlight.prefixes.len(), 1);
        assert_eq!(c.highlight.prefixes[0].text, "negotiat");
        assert!(c.highlight.matches(&stem("negotiations")).is_some());
        assert!(c.highlight.matches(&stem("negotiating")).is_some());
        assert!(c.highlight.matches(&stem("lighthouse")).is_some());
        assert!(c.highlight.matches("harbour").is_none());
    }

    fn stem(word: &str) -> String {
        let mut a = schema::analyzer();
        let mut s = a.token_stream(word);
        s.next().map(|t| t.text.clone()).unwrap_or_default()
    }

    /// The prefix as searched in an archive whose words are `lexicon`.
    fn prefix(raw: &str, lexicon: &[&str]) -> Prefix {
        let real = |p: &str, s: &str| {
            lexicon
                .iter()
                .any(|w| fold(w).starts_with(p) && stem(w) == s)
        };
        let c = compile_with(&fields(), &format!("{raw}*"), false, &real, &[], &[]).unwrap();
        c.highlight.prefixes[0].clone()
    }

    #[test]
    fn bare_words_skip_fields_no_article_fills() {
        let f = fields();
        let byline = format!("{:?}", f.byline);
        let all = compile_with(&f, "strike", false, &|_, _| true, &[], &[]).unwrap();
        assert!(format!("{:?}", all.query).contains(&byline));
        let without = compile_with(&f, "strike", false, &|_, _| true, &[f.byline], &[]).unwrap();
        let q = format!("{:?}", without.query);
        assert!(!q.contains(&byline), "{q}");
        assert!(q.contains(&format!("{:?}", f.body)), "{q}");
        // A field named in the query is searched all the same.
        let named =
            compile_with(&f, "byline:smith", false, &|_, _| true, &[f.byline], &[]).unwrap();
        assert!(format!("{:?}", named.query).contains(&byline));
        // With every default field empty, a word still compiles (and matches nothing).
        let none = [f.title, f.byline, f.body];
        assert!(compile_with(&f, "strike", false, &|_, _| true, &none, &[]).is_ok());
    }

    #[test]
    fn prefixes_never_match_words_that_do_not_start_with_them() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "parli",
                &["parliament", "parliamentary", "parliaments", "Parliament's"],
                &["parts", "par", "parent", "parties", "part"],
            ),
            (
                "lighth",
                &["lighthouse", "lighthouses"],
                &["light", "lights", "lighting"],
            ),
            (
                "coastg",
                &["coastguard", "coastguards"],
                &["coast", "coasts", "coastal"],
            ),
            (
                "parl",
                &["parliament", "parlour", "parley"],
                &["par", "parts", "park"],
            ),
            (
                "negotiat",
                &[
                    "negotiate",
                    "negotiated",
                    "negotiating",
                    "negotiation",
                    "negotiators",
                ],
                &["neg", "negative", "negligence"],
            ),
            (
                "parliament",
                &["parliamentary", "parliaments"],
                &["parliamo", "parlay"],
            ),
            ("zuri", &["Zürich"], &["zur"]),
        ];
        for (raw, found, not_found) in cases {
            let lexicon: Vec<&str> = found.iter().chain(not_found.iter()).copied().collect();
            let p = prefix(raw, &lexicon);
            for w in *found {
                assert!(p.matches(&stem(w)), "{raw}* should find {w} ({p:?})");
            }
            for w in *not_found {
                assert!(!p.matches(&stem(w)), "{raw}* should not find {w} ({p:?})");
            }
        }
    }

    /// Every word starting with a prefix is found by it, for every prefix of a set of words
    /// whose stems cut deep (rewritten endings, doubled consonants, -y to -i).
    #[test]
    fn every_word_is_found_by_each_of_its_prefixes() {
        let words = "negotiations negotiators organizational rationalisation happiness \
            happily hopping hoping running relational conditional generously effectiveness \
            sensibility probabilities electrically responsiveness hopefulness archaeology \
            dying lying studies studied flying agreed agreement communities emergencies \
            conservatism nationalists realizations analogies centralised conformity";
        let lexicon: Vec<&str> = words.split_whitespace().collect();
        for w in &lexicon {
            let s = stem(w);
            for (at, _) in w.char_indices().skip(1) {
                let p = prefix(&w[..at], &lexicon);
                assert!(
                    p.matches(&s),
                    "{}* should find {w} (indexed as {s}): {p:?}",
                    &w[..at]
                );
            }
            assert!(prefix(w, &lexicon).matches(&s), "{w}* should find {w}");
        }
        // Without a word to show for it, a stem of a non-word is left out.
        assert_eq!(
            prefix("parli", &["par", "parliament"]).stems,
            Vec::<String>::new()
        );
        assert!(prefix("parli", &[]).stems.is_empty());
        assert_eq!(prefix("negotiat", &["negotiation"]).stems, vec!["negoti"]);
    }

    #[test]
    fn errors_are_reasons() {
        assert!(compile(&fields(), "nosuch:x", false)
            .unwrap_err()
            .to_string()
            .contains("unknown field"));
        assert!(compile(&fields(), "-only", false)
            .unwrap_err()
            .to_string()
            .contains("excluded"));
        assert!(compile(&fields(), "\"open", false)
            .unwrap_err()
            .to_string()
            .contains("syntax"));
        assert!(compile(&fields(), "date:yesterday", false)
            .unwrap_err()
            .to_string()
            .contains("invalid date"));
        assert!(compile(&fields(), "title:[a TO b]", false)
            .unwrap_err()
            .to_string()
            .contains("dates only"));
        assert!(compile(&fields(), "date:2014 AND NOT date:2014-01", false).is_ok());
    }

    #[test]
    fn apostrophes_inside_words_are_part_of_them() {
        for (q, parts) in [
            ("O'Brien", vec!["o", "brien"]),
            ("Year's", vec!["year", "s"]),
            ("it's", vec!["it", "s"]),
            ("minimum wage's", vec!["minimum", "wage", "s"]),
            ("title:O'Brien", vec![]),
            ("\"O'Brien said\"", vec!["o", "brien", "said"]),
            ("'O'Brien said'", vec!["o", "brien", "said"]),
            ("rock 'n' roll", vec!["rock", "n", "roll"]),
        ] {
            let c = compile(&fields(), q, false).unwrap_or_else(|e| panic!("{q}: {e}"));
            assert_eq!(marked(&c.highlight), parts, "{q}");
        }
        // Quoting with '...' still makes a phrase, like "...".
        let single = compile(&fields(), "'peace talks'", false).unwrap();
        let double = compile(&fields(), "\"peace talks\"", false).unwrap();
        assert_eq!(format!("{:?}", single.query), format!("{:?}", double.query));
        // The same phrase as the curly apostrophe gives.
        let curly = compile(&fields(), "O\u{2019}Brien", false).unwrap();
        let straight = compile(&fields(), "O'Brien", false).unwrap();
        assert_eq!(
            format!("{:?}", curly.query),
            format!("{:?}", straight.query)
        );
        assert!(compile(&fields(), "'tis", false).is_ok());
        assert!(compile(&fields(), "the Joneses' house", false).is_ok());
        assert!(compile(&fields(), "''", false).is_ok());
        // An opening apostrophe does not pair with one inside a later "..." phrase.
        assert!(compile(&fields(), "'90s \"rock 'n' roll\"", false).is_ok());
        assert!(compile(&fields(), "\"rock 'n' roll\" 'sixties'", false).is_ok());
        // '...' quotes like "...": a quoted word with ~N is not a fuzzy term.
        let single = compile(&fields(), "'lighthuose'~1", false).unwrap();
        let double = compile(&fields(), "\"lighthuose\"~1", false).unwrap();
        assert_eq!(format!("{:?}", single.query), format!("{:?}", double.query));
    }

    #[test]
    fn nesting_is_limited_before_parsing() {
        let nested =
            |open: &str, n: usize| format!("{}lighthouse{}", open.repeat(n), ")".repeat(n));
        assert!(compile(&fields(), &nested("(", MAX_NESTING), false).is_ok());
        assert!(compile(&fields(), &nested("+(", MAX_NESTING), false).is_ok());
        for q in [
            nested("(", MAX_NESTING + 1),
            nested("(", 10_000),
            nested("-(", 10_000),
            nested("+(", 10_000),
            nested("NOT (", 10_000),
            format!("{}lighthouse", "NOT ".repeat(10_000)),
            format!("a {}lighthouse", "NOT ".repeat(MAX_NESTING + 1)),
        ] {
            let err = compile(&fields(), &q, false).unwrap_err().to_string();
            assert!(err.contains("nested more than 100"), "{err}");
        }
        // Many groups side by side are not nested.
        let wide = "(a OR b) ".repeat(500);
        assert!(compile(&fields(), &wide, false).is_ok());
    }

    #[test]
    fn date_queries() {
        // An RFC 3339 time needs no quotes.
        for q in [
            "date:2014-01-22T05:30:00Z",
            "date:\"2014-01-22T05:30:00Z\"",
            "date:2014-01-22T05:30:00+08:00",
            "date:>=2014-01-22T05:30:00Z",
            "date:[2014-01-22T05:30:00Z TO 2014-02]",
            "(date:2014-01-22T05:30:00Z OR lighthouse)",
        ] {
            assert!(compile(&fields(), q, false).is_ok(), "{q}");
        }
        // A range that cannot hold a date is an error, like --from after --to.
        for q in [
            "date:[2014-03 TO 2014-01]",
            "date:{2014-01 TO 2014-02}",
            "date:[2014-01-22T05:30:01Z TO 2014-01-22T05:30:00Z]",
        ] {
            let err = compile(&fields(), q, false).unwrap_err().to_string();
            assert!(err.starts_with("empty date range"), "{q}: {err}");
        }
        // Both ends are shown inclusive.
        assert_eq!(
            compile(&fields(), "date:[2014-02 TO 2014-01]", false)
                .unwrap_err()
                .to_string(),
            "empty date range: date:[2014-02 TO 2014-01] starts at 2014-02-01T00:00:00Z \
             but ends at 2014-01-31T23:59:59Z"
        );
        assert!(compile(&fields(), "date:[2014-01 TO 2014-01]", false).is_ok());
        assert!(compile(&fields(), "date:{2014-01 TO 2014-03}", false).is_ok());
        // A time outside a date is two words, not a field.
        let c = compile(&fields(), "meeting 10:30", false).unwrap();
        assert_eq!(marked(&c.highlight), vec!["meet", "10", "30"]);
    }
}
