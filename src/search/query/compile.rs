//! The walk over the query's syntax tree that builds the tantivy query (`Compiler`):
//! clauses and boosts, the field a literal targets, and each literal as a word, a phrase,
//! a fuzzy term, a prefix, an exact value or a date. On the way it collects what the
//! highlighter marks and the words "did you mean" may correct. What any back end walking
//! the same tree must read alike is public: a literal's operators and normal form
//! (`normalise`), and the instants a `date:` value or range names (`parse_date`,
//! `date_bounds`).

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery,
    ExistsQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query, RegexQuery,
    TermQuery,
};
use tantivy::query_grammar::{
    Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::Term;

use super::error::QueryError;
use super::highlight::{Highlight, PhraseMatch};
use super::prefix::{regex_escape, Prefix, StemCheck};
use crate::index::schema::{self, Fields};
use crate::search::bm25f::FieldsTermQuery;
use crate::search::bounds;

/// Weight of the title against the body: for a plain word, its BM25F field weight (a
/// title occurrence counts as 2.5 length-normalised body occurrences, before saturation);
/// for phrases, fuzzy and prefix terms, a boost on the title's own score.
pub const TITLE_BOOST: f32 = 2.5;

/// A compiled subtree; one made only of exclusions matches nothing on its own.
enum Node {
    Positive(Box<dyn Query>),
    OnlyNegative(Box<dyn Query>),
}

/// Where a literal is searched.
enum Target {
    /// Analysed text fields, with boosts.
    Text(Vec<(Field, f32)>),
    /// An exact-match string field.
    Raw(Field),
    Date,
    /// The copy cluster, a u64 written as 16 hex digits.
    Cluster,
    /// The article's language, by code (`lang:de`, `lang:deu`).
    Language,
}

/// What a literal over text fields searches, once analysed.
enum Shape {
    /// One term: a BM25F score over its fields.
    Word,
    /// One term and every spelling within the edit distance (`word~1`).
    Fuzzy(u8),
    /// The terms a typed prefix matches (`word*`).
    Prefix(Prefix),
    /// Several terms at their positions, with the literal's slop and prefix flag.
    Phrase,
}

/// Compiles one query's syntax tree; `highlight` and `words` collect, from its positive
/// part, what the highlighter marks and the words as typed.
pub struct Compiler<'a> {
    fields: &'a Fields,
    any: bool,
    analyzer: TextAnalyzer,
    highlight: Highlight,
    words: Vec<String>,
    stems_of_real_words: StemCheck<'a>,
    empty_fields: &'a [Field],
    /// The analyzers of the index's languages other than English: a word or phrase is
    /// also searched as each of them analyses it.
    other_languages: Vec<(TextAnalyzer, bool)>,
}

/// Shortest word a compound's head may be, and shortest part before it: `regierung` is
/// found in `bundesregierung`, `spiel` is not looked for inside other words.
const COMPOUND_HEAD_CHARS: usize = 4;
const COMPOUND_REST_CHARS: usize = 3;

/// What a word found only as the last part of a compound scores, against the word itself.
const COMPOUND_BOOST: f32 = 0.5;

impl<'a> Compiler<'a> {
    /// A compiler over the index's `fields`; bare terms are joined by OR under `any`, by
    /// AND otherwise, and searched in the default fields but `empty_fields`; a prefix
    /// keeps the stems `stems_of_real_words` accepts.
    pub fn new(
        fields: &'a Fields,
        any: bool,
        stems_of_real_words: StemCheck<'a>,
        empty_fields: &'a [Field],
        languages: &[crate::lang::Language],
    ) -> Self {
        let mut schemes = Vec::new();
        let other_languages = languages
            .iter()
            .filter(|l| !schema::analysed_by_index(l))
            .filter(|l| {
                let new = !schemes.contains(&l.scheme);
                schemes.push(l.scheme);
                new
            })
            .map(|l| {
                (
                    schema::language_analyzer(l),
                    crate::lang::forms_compounds(l),
                )
            })
            .collect();
        Compiler {
            fields,
            any,
            analyzer: schema::analyzer(),
            highlight: Highlight::default(),
            words: Vec::new(),
            stems_of_real_words,
            empty_fields,
            other_languages,
        }
    }

    /// The query for the whole tree: nothing to search matches nothing, and a tree of
    /// exclusions only is refused.
    pub fn query(&mut self, ast: &UserInputAst) -> Result<Box<dyn Query>, QueryError> {
        match self.node(ast, false)? {
            Some(Node::Positive(q)) => Ok(q),
            Some(Node::OnlyNegative(_)) => Err(QueryError::OnlyExcluded),
            None => Ok(Box::new(EmptyQuery)),
        }
    }

    /// What the highlighter marks and the plain positive words as typed (lower-cased).
    pub fn into_parts(self) -> (Highlight, Vec<String>) {
        (self.highlight, self.words)
    }

    fn node(&mut self, ast: &UserInputAst, negated: bool) -> Result<Option<Node>, QueryError> {
        match ast {
            UserInputAst::Clause(children) => {
                let default = if self.any { Occur::Should } else { Occur::Must };
                let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, child) in children {
                    let occur = occur.unwrap_or(default);
                    let negate_child = negated ^ (occur == Occur::MustNot);
                    match self.node(child, negate_child)? {
                        Some(Node::Positive(q)) => parts.push((occur, q)),
                        // `-(-a)` is unusual; treat the inner exclusion as the clause.
                        Some(Node::OnlyNegative(q)) => parts.push((Occur::MustNot, q)),
                        None => {}
                    }
                }
                if parts.is_empty() {
                    return Ok(None);
                }
                let only_negative = parts.iter().all(|(o, _)| *o == Occur::MustNot);
                if parts.len() == 1 && parts[0].0 != Occur::MustNot {
                    return Ok(parts.pop().map(|(_, q)| Node::Positive(q)));
                }
                let q: Box<dyn Query> = Box::new(BooleanQuery::new(parts));
                Ok(Some(if only_negative {
                    Node::OnlyNegative(q)
                } else {
                    Node::Positive(q)
                }))
            }
            UserInputAst::Boost(inner, boost) => Ok(self.node(inner, negated)?.map(|n| match n {
                Node::Positive(q) => {
                    Node::Positive(Box::new(BoostQuery::new(q, boost.into_inner() as f32)))
                }
                other => other,
            })),
            UserInputAst::Leaf(leaf) => self.leaf(leaf, negated).map(|q| q.map(Node::Positive)),
        }
    }

    fn target(&self, field: Option<&str>) -> Result<Target, QueryError> {
        let f = self.fields;
        Ok(match field {
            None => {
                let all = [(f.title, TITLE_BOOST), (f.byline, 1.0), (f.body, 1.0)];
                let filled: Vec<(Field, f32)> = all
                    .iter()
                    .copied()
                    .filter(|(field, _)| !self.empty_fields.contains(field))
                    .collect();
                // An index with no text at all still compiles a query (matching nothing).
                Target::Text(if filled.is_empty() {
                    vec![(f.body, 1.0)]
                } else {
                    filled
                })
            }
            Some("title") | Some("headline") => Target::Text(vec![(f.title, 1.0)]),
            Some("byline") | Some("by") => Target::Text(vec![(f.byline, 1.0), (f.authors, 1.0)]),
            Some("author") | Some("authors") => Target::Text(vec![(f.authors, 1.0)]),
            Some("body") | Some("text") => Target::Text(vec![(f.body, 1.0)]),
            Some("path") => Target::Raw(f.path),
            Some("source") | Some("source_id") => Target::Raw(f.source_id),
            Some("format") => Target::Raw(f.format),
            Some("date") => Target::Date,
            Some("cluster") => Target::Cluster,
            Some("lang") | Some("language") => Target::Language,
            Some(other) => {
                return Err(QueryError::UnknownField {
                    field: other.to_string(),
                })
            }
        })
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, QueryError> {
        match leaf {
            UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
            UserInputLeaf::Literal(lit) => self.literal(lit, negated),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => match self.target(field.as_deref())? {
                Target::Date => Ok(Some(self.date_range(lower, upper)?)),
                _ => Err(QueryError::RangeNotOnDate),
            },
            UserInputLeaf::Exists { field } => match self.target(Some(field))? {
                Target::Date => Ok(Some(Box::new(ExistsQuery::new(
                    schema::fast::DATE.to_string(),
                    false,
                )))),
                _ => Err(QueryError::ExistsNotOnDate {
                    field: field.clone(),
                }),
            },
            UserInputLeaf::Set { field, elements } => {
                let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for e in elements {
                    let lit = UserInputLiteral {
                        field_name: field.clone(),
                        phrase: e.clone(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    if let Some(q) = self.literal(&lit, negated)? {
                        parts.push((Occur::Should, q));
                    }
                }
                Ok((!parts.is_empty())
                    .then(|| Box::new(BooleanQuery::new(parts)) as Box<dyn Query>))
            }
            UserInputLeaf::Regex { .. } => Err(QueryError::Regex),
        }
    }

    fn literal(
        &mut self,
        lit: &UserInputLiteral,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, QueryError> {
        let lit = &self.normalise(lit);
        match self.target(lit.field_name.as_deref())? {
            Target::Date => {
                let span = parse_date(&lit.phrase)?;
                Ok(Some(date_query(
                    self.fields.date,
                    Bound::Included(span.start),
                    Bound::Excluded(span.end),
                )))
            }
            // `path:2014/01/*`: every value starting with what precedes the `*` (a
            // directory of the archive, a family of ids).
            Target::Raw(field) if lit.prefix && lit.delimiter == Delimiter::None => {
                let pattern = format!("{}.*", regex_escape(&lit.phrase));
                let query = RegexQuery::from_pattern(&pattern, field).map_err(|source| {
                    QueryError::ValuePrefix {
                        value: lit.phrase.clone(),
                        source,
                    }
                })?;
                Ok(Some(Box::new(query)))
            }
            Target::Raw(field) => Ok(Some(Box::new(TermQuery::new(
                Term::from_field_text(field, &lit.phrase),
                IndexRecordOption::Basic,
            )))),
            Target::Language => {
                let language = crate::lang::Language::from_code(&lit.phrase).ok_or_else(|| {
                    QueryError::BadLanguage {
                        code: lit.phrase.clone(),
                    }
                })?;
                Ok(Some(Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.language, language.code),
                    IndexRecordOption::Basic,
                ))))
            }
            Target::Cluster => {
                let id = u64::from_str_radix(lit.phrase.trim(), 16)
                    .ok()
                    .filter(|_| lit.phrase.trim().len() <= 16 && !lit.prefix)
                    .ok_or_else(|| QueryError::BadCluster {
                        input: lit.phrase.clone(),
                    })?;
                Ok(Some(Box::new(TermQuery::new(
                    Term::from_field_u64(self.fields.cluster, id),
                    IndexRecordOption::Basic,
                ))))
            }
            Target::Text(fields) => self.text_literal(lit, &fields, negated),
        }
    }

    /// The literal with its operators split off and its text normalised (`normalise`),
    /// as exact values are when the literal targets an exact-value field.
    fn normalise(&self, lit: &UserInputLiteral) -> UserInputLiteral {
        let exact = matches!(self.target(lit.field_name.as_deref()), Ok(Target::Raw(_)));
        normalise(lit, exact)
    }

    /// A literal searched in analysed text `fields`: recorded for the highlighter unless
    /// `negated`, then compiled by its shape.
    fn text_literal(
        &mut self,
        lit: &UserInputLiteral,
        fields: &[(Field, f32)],
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, QueryError> {
        let tokens = self.tokens(&lit.phrase);
        if tokens.is_empty() {
            return Ok(None);
        }
        let shape = self.shape(lit, &tokens)?;
        let body_in_scope = fields.iter().any(|(f, _)| *f == self.fields.body);
        if !negated {
            self.record(lit, &tokens, &shape, body_in_scope);
        }
        let query = self.shaped(lit, fields, &tokens, &shape)?;
        if !matches!(shape, Shape::Word | Shape::Phrase) || self.other_languages.is_empty() {
            return Ok(Some(query));
        }
        // The same words as the index's other languages analyse them: one of the forms
        // matches (the best scores), so an article scores as its own language reads it.
        let mut forms = vec![query];
        let mut seen = vec![tokens.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>()];
        let mut heads: Vec<String> = Vec::new();
        for i in 0..self.other_languages.len() {
            let mut alt = Vec::new();
            {
                let mut stream = self.other_languages[i].0.token_stream(&lit.phrase);
                while let Some(t) = stream.next() {
                    alt.push((t.position, t.text.clone()));
                }
            }
            if alt.is_empty() {
                continue;
            }
            let alt_shape = if alt.len() == 1 {
                Shape::Word
            } else {
                Shape::Phrase
            };
            // In a language that writes compounds as one word, the word is also a part of
            // longer words: `Regierung` in `Bundesregierung`.
            if self.other_languages[i].1
                && matches!(alt_shape, Shape::Word)
                && !heads.contains(&alt[0].1)
            {
                heads.push(alt[0].1.clone());
                if let Some(q) = compound_heads(fields, &alt[0].1) {
                    forms.push(q);
                }
            }
            let texts: Vec<String> = alt.iter().map(|(_, t)| t.clone()).collect();
            if seen.contains(&texts) {
                continue;
            }
            seen.push(texts);
            if !negated && body_in_scope {
                self.record_marks(lit, &alt, &alt_shape);
            }
            forms.push(self.shaped(lit, fields, &alt, &alt_shape)?);
        }
        Ok(Some(if forms.len() == 1 {
            forms.remove(0)
        } else {
            Box::new(DisjunctionMaxQuery::new(forms))
        }))
    }

    /// The query for analysed `tokens` of a literal of `shape` over `fields`.
    fn shaped(
        &mut self,
        lit: &UserInputLiteral,
        fields: &[(Field, f32)],
        tokens: &[(usize, String)],
        shape: &Shape,
    ) -> Result<Box<dyn Query>, QueryError> {
        if matches!(shape, Shape::Word) {
            // A plain word: one BM25F score over its fields (see bm25f.rs).
            return Ok(Box::new(FieldsTermQuery::new(
                fields.to_vec(),
                &tokens[0].1,
            )));
        }
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if matches!(shape, Shape::Fuzzy(_)) {
            // Every spelling within the distance matches with the same constant score; the
            // word as typed also scores as a plain word, so articles that have it rank above
            // those with only a neighbour ("claim" for blair~2).
            per_field.push((
                Occur::Should,
                Box::new(FieldsTermQuery::new(fields.to_vec(), &tokens[0].1)),
            ));
        }
        for &(field, boost) in fields {
            let q = field_query(field, lit, tokens, shape)?;
            let q = if (boost - 1.0).abs() > f32::EPSILON {
                Box::new(BoostQuery::new(q, boost))
            } else {
                q
            };
            per_field.push((Occur::Should, q));
        }
        Ok(if per_field.len() == 1 {
            per_field.remove(0).1
        } else {
            Box::new(BooleanQuery::new(per_field))
        })
    }

    /// Which kind of search the analysed literal is; a fuzzy distance above 2 is refused.
    fn shape(
        &mut self,
        lit: &UserInputLiteral,
        tokens: &[(usize, String)],
    ) -> Result<Shape, QueryError> {
        let single = tokens.len() == 1;
        let fuzzy = single && lit.slop > 0 && lit.delimiter == Delimiter::None;
        if fuzzy && lit.slop > 2 {
            return Err(QueryError::FuzzyDistance {
                word: lit.phrase.clone(),
                distance: lit.slop,
            });
        }
        Ok(if single && lit.prefix {
            Shape::Prefix(Prefix::of(
                &mut self.analyzer,
                &lit.phrase,
                self.stems_of_real_words,
            ))
        } else if fuzzy {
            Shape::Fuzzy(lit.slop.min(2) as u8)
        } else if single {
            Shape::Word
        } else {
            Shape::Phrase
        })
    }

    /// Notes a positive literal: a bare plain word for "did you mean", and, when the body
    /// is searched, what the highlighter marks.
    fn record(
        &mut self,
        lit: &UserInputLiteral,
        tokens: &[(usize, String)],
        shape: &Shape,
        body_in_scope: bool,
    ) {
        if lit.field_name.is_none() && matches!(shape, Shape::Word) {
            self.words.push(lit.phrase.to_lowercase());
        }
        if body_in_scope {
            self.record_marks(lit, tokens, shape);
        }
    }

    /// What the highlighter marks for the analysed `tokens` of a literal.
    fn record_marks(&mut self, lit: &UserInputLiteral, tokens: &[(usize, String)], shape: &Shape) {
        match shape {
            Shape::Prefix(p) => self.highlight.prefixes.push(p.clone()),
            Shape::Fuzzy(distance) => self.highlight.fuzzy.push((tokens[0].1.clone(), *distance)),
            Shape::Word => self.highlight.add_exact(&tokens[0].1),
            Shape::Phrase => {
                let first = tokens[0].0;
                self.highlight.phrases.push(PhraseMatch {
                    terms: tokens
                        .iter()
                        .map(|(pos, t)| (pos - first, t.clone()))
                        .collect(),
                    slop: lit.slop,
                    prefix: lit.prefix,
                })
            }
        }
    }

    /// Analysed tokens (position, text) of a phrase.
    fn tokens(&mut self, phrase: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut stream = self.analyzer.token_stream(phrase);
        while let Some(t) = stream.next() {
            out.push((t.position, t.text.clone()));
        }
        out
    }

    fn date_range(
        &self,
        lower: &UserInputBound,
        upper: &UserInputBound,
    ) -> Result<Box<dyn Query>, QueryError> {
        let (lo, hi) = date_bounds(lower, upper)?;
        // `date:[* TO *]` bounds nothing: every dated article, as `date:*`.
        if matches!((lo, hi), (Bound::Unbounded, Bound::Unbounded)) {
            return Ok(Box::new(ConstScoreQuery::new(
                Box::new(ExistsQuery::new(schema::fast::DATE.to_string(), false)),
                0.0,
            )));
        }
        Ok(date_query(self.fields.date, lo, hi))
    }
}

/// The literal with the operators the grammar leaves in a bare word split off (`word~1`
/// sets the slop, `word*` the prefix flag), and, unless `exact` (a literal of an
/// exact-value field such as `path:`, matched as the file system spelled it), in Unicode
/// NFC, as article text is indexed. Every back end reads literals through it.
pub fn normalise(lit: &UserInputLiteral, exact: bool) -> UserInputLiteral {
    let mut lit = lit.clone();
    if lit.delimiter == Delimiter::None {
        if let Some((word, d)) = lit.phrase.rsplit_once('~') {
            if let Ok(d) = d.parse::<u32>() {
                if !word.is_empty() {
                    lit.phrase = word.to_string();
                    lit.slop = d.max(1);
                }
            }
        } else if lit.phrase.len() > 1 && lit.phrase.ends_with('*') {
            lit.phrase.pop();
            lit.prefix = true;
        }
    }
    if let std::borrow::Cow::Owned(n) = crate::extract::clean::nfc(&lit.phrase) {
        if !exact {
            lit.phrase = n;
        }
    }
    lit
}

/// The instants a `date:` range's bounds name: from the start of the lower bound's span
/// (the end, when exclusive) to the end of the upper bound's (the start, when exclusive),
/// the lower bound `Included` and the upper `Excluded` when given. Like `--from` after
/// `--to`, a range that cannot hold a date is refused.
pub fn date_bounds(
    lower: &UserInputBound,
    upper: &UserInputBound,
) -> Result<(Bound<time::OffsetDateTime>, Bound<time::OffsetDateTime>), QueryError> {
    let lo = match lower {
        UserInputBound::Inclusive(s) => Bound::Included(parse_date(s)?.start),
        UserInputBound::Exclusive(s) => Bound::Included(parse_date(s)?.end),
        UserInputBound::Unbounded => Bound::Unbounded,
    };
    let hi = match upper {
        UserInputBound::Inclusive(s) => Bound::Excluded(parse_date(s)?.end),
        UserInputBound::Exclusive(s) => Bound::Excluded(parse_date(s)?.start),
        UserInputBound::Unbounded => Bound::Unbounded,
    };
    if let (Bound::Included(start), Bound::Excluded(end)) = (lo, hi) {
        if start >= end {
            return Err(empty_range(lower, upper, start, end));
        }
    }
    Ok((lo, hi))
}

/// Articles with `term` as the last part of a longer word, in any of `fields`, scoring
/// `COMPOUND_BOOST` (a constant: the word itself ranks first); none for short terms.
fn compound_heads(fields: &[(Field, f32)], term: &str) -> Option<Box<dyn Query>> {
    if term.chars().count() < COMPOUND_HEAD_CHARS {
        return None;
    }
    let t = regex_escape(term);
    let pattern = format!(".{{{COMPOUND_REST_CHARS},}}{t}.*|{t}.{{{COMPOUND_REST_CHARS},}}");
    let parts: Vec<(Occur, Box<dyn Query>)> = fields
        .iter()
        .filter_map(|&(field, _)| RegexQuery::from_pattern(&pattern, field).ok())
        .map(|q| (Occur::Should, Box::new(q) as Box<dyn Query>))
        .collect();
    (!parts.is_empty()).then(|| {
        Box::new(BoostQuery::new(
            Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(parts)),
                1.0,
            )),
            COMPOUND_BOOST,
        )) as Box<dyn Query>
    })
}

/// The query for one text field: the prefix's terms, the fuzzy term's neighbours, or the
/// phrase (a prefix phrase when the literal ends in `*`).
fn field_query(
    field: Field,
    lit: &UserInputLiteral,
    tokens: &[(usize, String)],
    shape: &Shape,
) -> Result<Box<dyn Query>, QueryError> {
    Ok(match shape {
        Shape::Prefix(p) => Box::new(RegexQuery::from_pattern(&p.pattern(), field).map_err(
            |source| QueryError::WordPrefix {
                prefix: p.text.clone(),
                source,
            },
        )?),
        Shape::Fuzzy(distance) => Box::new(FuzzyTermQuery::new(
            Term::from_field_text(field, &tokens[0].1),
            *distance,
            true,
        )),
        Shape::Word | Shape::Phrase => {
            let terms: Vec<(usize, Term)> = tokens
                .iter()
                .map(|(pos, t)| (*pos, Term::from_field_text(field, t)))
                .collect();
            if lit.prefix {
                Box::new(PhrasePrefixQuery::new_with_offset(terms))
            } else {
                let mut q = PhraseQuery::new_with_offset(terms);
                q.set_slop(lit.slop);
                Box::new(q)
            }
        }
    })
}

/// The span of time a `date:` value names.
pub fn parse_date(input: &str) -> Result<bounds::Span, QueryError> {
    bounds::parse_span("date:", input).map_err(|_| QueryError::BadDate {
        input: input.to_string(),
    })
}

/// The error for a `date:` range from `start` to `end` (exclusive) that holds no date,
/// showing the bounds as typed and both ends inclusive, as the README states bounds.
fn empty_range(
    lower: &UserInputBound,
    upper: &UserInputBound,
    start: time::OffsetDateTime,
    end: time::OffsetDateTime,
) -> QueryError {
    let text = |b: &UserInputBound| match b {
        UserInputBound::Inclusive(s) | UserInputBound::Exclusive(s) => s.clone(),
        UserInputBound::Unbounded => "*".to_string(),
    };
    let open = if matches!(lower, UserInputBound::Exclusive(_)) {
        '{'
    } else {
        '['
    };
    let close = if matches!(upper, UserInputBound::Exclusive(_)) {
        '}'
    } else {
        ']'
    };
    QueryError::EmptyDateRange {
        range: format!("{open}{} TO {}{close}", text(lower), text(upper)),
        start: crate::article::rfc3339(start),
        end: crate::article::rfc3339(end - time::Duration::SECOND),
    }
}

/// A date filter that does not change scores. An article matches when the whole span of
/// its date (a year, a month, a day, ...) lies within the bounds (`date_filter`).
pub fn date_query(
    field: Field,
    lower: Bound<time::OffsetDateTime>,
    upper: Bound<time::OffsetDateTime>,
) -> Box<dyn Query> {
    let within = crate::search::date_filter::DateWithin::new(field, lower, upper);
    Box::new(ConstScoreQuery::new(Box::new(within), 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `date:` value that names no date reads as a bad `--from`/`--to` date does.
    #[test]
    fn a_bad_date_is_worded_as_the_date_parser_words_it() {
        for input in ["yesterday", "2014-13", "2014-01-22T25:00:00Z", ""] {
            assert_eq!(
                parse_date(input).unwrap_err().to_string(),
                bounds::parse_span("date:", input).unwrap_err().to_string()
            );
        }
    }
}
