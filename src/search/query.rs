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
//! tantivy's grammar parses the text into an AST; this module walks it. Besides the query
//! it returns what the snippet highlighter and the "did you mean" suggestions need: the
//! positive body terms, prefixes and fuzzy terms.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, ExistsQuery, FuzzyTermQuery,
    Occur, PhrasePrefixQuery, PhraseQuery, Query, RegexQuery, TermQuery,
};
use tantivy::query_grammar::{
    Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::Term;

use crate::index::schema::{self, Fields};
use crate::search::bm25f::FieldsTermQuery;
use crate::search::bounds;

/// Weight of the title against the body: for a plain word, its BM25F field weight (a
/// title occurrence counts as 2.5 length-normalised body occurrences, before saturation);
/// for phrases, fuzzy and prefix terms, a boost on the title's own score.
pub const TITLE_BOOST: f32 = 2.5;

/// Words an OR query (`any`) leaves out: the single words and contractions of the Snowball
/// project's English stop word list (snowballstem.org/algorithms/english/stop.txt, BSD
/// licence), which itself leaves out "us" (U.S.) and will/can/may/must/might.
///
/// Under OR any one word makes an article match, and these match nearly every article:
/// their BM25 weights are small but, summed over a long description, they rank long
/// articles above relevant ones. Dropping them from OR queries raised MAP on the TIME 1963
/// news collection from 0.683 to 0.698 (docs/relevance.md). Only query words are dropped,
/// so phrases, AND queries and field lengths are unchanged, and a query made only of stop
/// words still runs as typed. Quoted, field-scoped, prefixed and `+`/`-` words are kept.
#[rustfmt::skip]
pub const OR_STOP_WORDS: &[&str] = &[
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
    "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
    "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
    "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be",
    "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
    "should", "could", "ought", "i'm", "you're", "he's", "she's", "it's", "we're", "they're",
    "i've", "you've", "we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd",
    "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "isn't", "aren't", "wasn't",
    "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't", "wouldn't",
    "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's", "that's", "who's",
    "what's", "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the",
    "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for",
    "with", "about", "against", "between", "into", "through", "during", "before", "after",
    "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
    "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all",
    "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
    "only", "own", "same", "so", "than", "too", "very",
];

/// What the highlighter marks in article text: analysed (stemmed) terms, prefixes and
/// fuzzy terms of the positive part of the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    pub exact: Vec<String>,
    pub prefixes: Vec<Prefix>,
    pub fuzzy: Vec<(String, u8)>,
    /// Phrases (and words the analyzer splits, like `O'Brien`): marked only where their
    /// terms occur together, not wherever one of them does.
    pub phrases: Vec<PhraseMatch>,
}

/// A phrase's analysed terms at their positions relative to the first, with the query's
/// slop; `prefix`: the last term is a prefix (`"peace talk"*`).
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseMatch {
    pub terms: Vec<(usize, String)>,
    pub slop: u32,
    pub prefix: bool,
}

impl PhraseMatch {
    /// Whether the phrase occurs with its first term at `tokens[first]`; `tokens` are the
    /// article's analysed tokens (position, text) in order. Returns the indexes of the
    /// tokens that make it up.
    pub fn occurs_at(&self, tokens: &[(usize, &str)], first: usize) -> Option<Vec<usize>> {
        let (first_off, first_term) = self.terms.first()?;
        let last = self.terms.len() - 1;
        let term_matches = |j: usize, term: &str, token: &str| {
            token == term || (self.prefix && j == last && token.starts_with(term))
        };
        if !term_matches(0, first_term, tokens[first].1) {
            return None;
        }
        let base = tokens[first].0 as i64 - *first_off as i64;
        let slop = i64::from(self.slop);
        let mut used = vec![first];
        for (j, (off, term)) in self.terms.iter().enumerate().skip(1) {
            let want = base + *off as i64;
            // Tokens are in position order: look around the wanted position.
            let start = tokens.partition_point(|(p, _)| (*p as i64) < want - slop);
            let found = tokens[start..]
                .iter()
                .enumerate()
                .take_while(|(_, (p, _))| (*p as i64) <= want + slop)
                .find(|(i, (_, t))| !used.contains(&(start + i)) && term_matches(j, term, t))
                .map(|(i, _)| start + i)?;
            used.push(found);
        }
        Some(used)
    }
}

impl Highlight {
    /// Which matcher (if any) a token of article text matches; the index identifies the
    /// query term, so passages can be scored by distinct terms.
    pub fn matches(&self, token: &str) -> Option<usize> {
        if let Some(i) = self.exact.iter().position(|t| t == token) {
            return Some(i);
        }
        let base = self.exact.len();
        if let Some(i) = self.prefixes.iter().position(|p| p.matches(token)) {
            return Some(base + i);
        }
        let base = base + self.prefixes.len();
        self.fuzzy
            .iter()
            .position(|(t, d)| edit_distance_within(t, token, *d, true))
            .map(|i| base + i)
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
            && self.prefixes.is_empty()
            && self.fuzzy.is_empty()
            && self.phrases.is_empty()
    }

    fn add_exact(&mut self, t: &str) {
        if !self.exact.iter().any(|e| e == t) {
            self.exact.push(t.to_string());
        }
    }
}

/// The indexed terms a `term*` query matches: the stems of the words that start with the
/// typed prefix.
///
/// The index holds stems, and a stem can be shorter than the word, even shorter than the
/// typed prefix (`negotiating` is indexed as `negoti`, so `negotiat*` must match `negoti`),
/// while cutting the prefix itself down would match words that do not start with it
/// (`parli*` cut to `par` finds "parts"). So a term matches when it starts with the typed
/// prefix (folded and lower-cased like indexed text), or when it is in `stems`: the stems,
/// not starting with the prefix, of the prefix followed by each of `word_endings()` (the
/// endings English stemming removes or rewrites, and their tails, since a prefix can end
/// inside one). What stemming merges cannot be told apart again: `negotiat*` also
/// matches "negotiable" (`negoti` too), and `runn*` matches "run" and "runs", since
/// "running" is indexed as `run`.
///
/// Most of the words the endings make are not words (`parli` is stemmed to `par`, like
/// `chili` to `chi`), and only a real word can tell `par` from `chi`: a search keeps a stem
/// only if an article that has it spells it as a word starting with the prefix (see
/// `search::build_query`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prefix {
    /// The typed prefix, lower-cased and accent-folded.
    pub text: String,
    /// Stems of words starting with `text` that do not start with it themselves.
    pub stems: Vec<String>,
}

impl Prefix {
    /// Whether the indexed term (or analysed token) `term` is one the query matches.
    pub fn matches(&self, term: &str) -> bool {
        term.starts_with(self.text.as_str()) || self.stems.iter().any(|s| s == term)
    }

    /// The same set of terms as a regular expression over the term dictionary (tantivy's
    /// regular expressions match whole terms).
    fn pattern(&self) -> String {
        let mut p = format!("{}.*", regex_escape(&self.text));
        for s in &self.stems {
            p.push('|');
            p.push_str(&regex_escape(s));
        }
        p
    }
}

/// `text` lower-cased and accent-folded like indexed words, without the stemming; the
/// words of `text` run together.
pub fn fold(text: &str) -> String {
    let mut folder = schema::build_analyzer(schema::Analysis::FoldedAnyLength);
    let mut out = String::new();
    let mut s = folder.token_stream(text);
    while let Some(t) = s.next() {
        out.push_str(&t.text);
    }
    out
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Word endings that English (Snowball) stemming removes or rewrites, alone and followed
/// by inflections. A prefix followed by one of these, or by the tail of one, is a word
/// whose stem may cut into the prefix. Kept broad: a superfluous ending only costs a
/// stemming call, a missing one can lose words.
fn word_endings() -> &'static [String] {
    static ENDINGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ENDINGS.get_or_init(|| {
        #[rustfmt::skip]
        const DERIVED: &[&str] = &[
            "", "ational", "tional", "ation", "ator", "ative", "ate", "ition", "ion", "ional",
            "ization", "isation", "ize", "ise", "izer", "iser", "alize", "alise", "alism",
            "alist", "ality", "al", "ally", "ism", "ist", "istic", "ity", "ive", "ively",
            "iveness", "ivity", "able", "ably", "ability", "ible", "ibly", "ibility", "ance",
            "ancy", "ant", "antly", "ence", "ency", "ent", "ently", "ement", "ment", "mental",
            "mentally", "ness", "ful", "fully", "fulness", "less", "lessly", "lessness", "ous",
            "ously", "ousness", "ic", "ical", "ically", "icate", "icity", "iciti", "ogy",
            "ogies", "ogist", "er", "or", "ee", "eed", "y", "ly", "ily", "li", "bli", "logi",
            "e", "l", "ll", "ess", "ship", "hood", "dom", "ward", "ary", "ery", "ory", "age",
            "ure", "ette", "ing", "ed",
        ];
        #[rustfmt::skip]
        const INFLECTED: &[&str] = &[
            "", "s", "es", "ies", "ied", "ed", "d", "ing", "ings", "ingly", "edly", "ly", "er",
            "ers", "est", "ier", "iest", "y", "ily", "ness",
        ];
        let mut tails: Vec<String> = Vec::new();
        for d in DERIVED {
            for i in INFLECTED {
                let ending = format!("{d}{i}");
                for (at, _) in ending.char_indices() {
                    tails.push(ending[at..].to_string());
                }
            }
        }
        tails.push(String::new());
        tails.sort_unstable();
        tails.dedup();
        tails
    })
}

/// A compiled query and what it is made of.
#[derive(Debug)]
pub struct Compiled {
    pub query: Box<dyn Query>,
    /// Terms to mark in bodies.
    pub highlight: Highlight,
    /// Plain positive terms as typed (lower-cased), for "did you mean".
    pub words: Vec<String>,
}

/// Whether, in the archive, `stem` is the indexed form of a word starting with `prefix`
/// (both folded and lower-cased); see `Prefix`.
pub type StemCheck<'a> = &'a dyn Fn(&str, &str) -> bool;

/// Compiles `text`, taking every stem a prefix's word endings give as a real word's (see
/// `compile_with`); the error is a reason for the user.
pub fn compile(fields: &Fields, text: &str, any: bool) -> Result<Compiled, String> {
    compile_with(fields, text, any, &|_, _| true)
}

/// Compiles `text`, keeping for a prefix only the stems that `stems_of_real_words` says
/// come from a word of the archive; the error is a reason for the user.
pub fn compile_with(
    fields: &Fields,
    text: &str,
    any: bool,
    stems_of_real_words: StemCheck<'_>,
) -> Result<Compiled, String> {
    let text = prepare(text)?;
    let ast = tantivy::query_grammar::parse_query(&text).map_err(|_| {
        "syntax error (check quotes, parentheses and operators; quote a term to search it literally)"
            .to_string()
    })?;
    let mut c = Compiler {
        fields,
        any,
        analyzer: schema::analyzer(),
        highlight: Highlight::default(),
        words: Vec::new(),
        stems_of_real_words,
    };
    // Under OR, bare stop words would make nearly every article match.
    let ast = if any { drop_stop_words(ast) } else { ast };
    let query = c.node(&lift_negations(ast), false)?;
    let query =
        match query {
            Some(Node::Positive(q)) => q,
            Some(Node::OnlyNegative(_)) => return Err(
                "a query cannot consist only of excluded terms (-term); add a term to search for"
                    .to_string(),
            ),
            None => Box::new(EmptyQuery),
        };
    Ok(Compiled {
        query,
        highlight: c.highlight,
        words: c.words,
    })
}

/// How deeply groups `( )` and `NOT`s may nest. tantivy's grammar parses them by
/// recursion, and some thousands of levels overflow the stack (an abort, not an error), so
/// the depth is checked on the text before anything is parsed.
pub const MAX_NESTING: usize = 100;

/// Rewrites the text the user typed into what tantivy's grammar should see, and refuses
/// queries nested deeper than `MAX_NESTING`:
///
/// - an apostrophe inside or at the end of a word (`O'Brien`, `Year's`, `Joneses'`) is part
///   of the word, not a quote: it is escaped (the analyzer then splits the word at it, as
///   it does in article text, so `O'Brien` searches the phrase "o brien"); `'...'` around
///   words still quotes them;
/// - a colon between digits (`date:2014-01-22T05:30:00Z`, `10:30`) is part of the word,
///   not a field separator (it is left alone inside ranges, whose bounds the grammar reads
///   with their colons);
/// - typographic quotes, as word processors and phones type them (`“peace talks”`,
///   `O’Brien`), are the ASCII ones;
/// - `||`, `&&` and `!word` are `OR`, `AND` and `-word`, as in C and Lucene.
fn prepare(text: &str) -> Result<String, String> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
            c => c,
        })
        .collect();
    let is_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    // Whether the apostrophe at `i` closes a quote: one not between two word characters.
    let closes = |i: usize| chars[i] == '\'' && !(i > 0 && is_word(i - 1) && is_word(i + 1));
    // `closer_after[i]`: an unescaped closing apostrophe at `i` or later, before the next
    // double quote (one inside a later "..." phrase belongs to that phrase).
    let mut closer_after = vec![false; chars.len() + 1];
    {
        let mut escaped = vec![false; chars.len()];
        for i in 1..chars.len() {
            escaped[i] = chars[i - 1] == '\\' && !escaped[i - 1];
        }
        for i in (0..chars.len()).rev() {
            closer_after[i] = if chars[i] == '"' && !escaped[i] {
                false
            } else {
                closer_after[i + 1] || (closes(i) && !escaped[i])
            };
        }
    }
    let too_deep = || {
        format!(
            "groups ( ) and NOTs are nested more than {MAX_NESTING} levels deep; simplify the query"
        )
    };
    // At the start of a token: the first character, or after a space or `(`.
    let token_start = |i: usize| i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(';
    let mut out = String::with_capacity(text.len() + 8);
    let mut quote: Option<char> = None;
    // Open groups, each with the number of NOTs waiting for their operand inside it.
    let mut groups: Vec<usize> = vec![0];
    let mut in_range = false;
    let mut in_comparison = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_word = i > 0 && is_word(i - 1);
        match (quote, c) {
            (_, '\\') => {
                out.push(c);
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                    i += 1;
                }
            }
            (Some(q), _) if c == q && (q == '"' || closes(i)) => {
                quote = None;
                out.push(c);
            }
            (Some(_), '\'') => out.push_str("\\'"),
            (Some(_), _) => out.push(c),
            (None, '"') => {
                // A phrase is an operand: the NOTs before it are done.
                if let Some(nots) = groups.last_mut() {
                    *nots = 0;
                }
                quote = Some(c);
                out.push(c);
            }
            (None, '\'') => {
                if after_word || !closer_after[i + 1] {
                    out.push_str("\\'");
                } else {
                    if let Some(nots) = groups.last_mut() {
                        *nots = 0;
                    }
                    quote = Some(c);
                    out.push(c);
                }
            }
            (None, ':')
                if !in_range
                    && !in_comparison
                    && after_word
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit) =>
            {
                out.push_str("\\:");
            }
            (None, '(') => {
                groups.push(0);
                if groups.len() - 1 + groups.iter().sum::<usize>() > MAX_NESTING {
                    return Err(too_deep());
                }
                out.push(c);
            }
            (None, ')') => {
                if groups.len() > 1 {
                    groups.pop();
                }
                // The group was the operand of the NOTs before it.
                if let Some(nots) = groups.last_mut() {
                    *nots = 0;
                }
                out.push(c);
            }
            (None, '[' | '{') => {
                if let Some(nots) = groups.last_mut() {
                    *nots = 0;
                }
                in_range = true;
                out.push(c);
            }
            (None, ']' | '}') => {
                in_range = false;
                out.push(c);
            }
            (None, '>' | '<') => {
                in_comparison = true;
                out.push(c);
            }
            (None, c) if c.is_whitespace() => {
                in_comparison = false;
                out.push(c);
            }
            // `a || b`, `a && b`: the operators as C and Lucene spell them.
            (None, '|' | '&')
                if token_start(i)
                    && chars.get(i + 1) == Some(&c)
                    && chars.get(i + 2).is_none_or(|n| n.is_whitespace()) =>
            {
                out.push_str(if c == '|' { "OR" } else { "AND" });
                i += 1;
            }
            // `!word`: NOT, as `-word`.
            (None, '!')
                if token_start(i)
                    && chars
                        .get(i + 1)
                        .is_some_and(|n| n.is_alphanumeric() || matches!(n, '"' | '(' | '\'')) =>
            {
                out.push('-');
            }
            (None, 'N')
                if !after_word
                    && chars.get(i + 1..i + 3) == Some(&['O', 'T'][..])
                    && chars.get(i + 3).is_some_and(|c| c.is_whitespace()) =>
            {
                if let Some(nots) = groups.last_mut() {
                    *nots += 1;
                }
                if groups.len() - 1 + groups.iter().sum::<usize>() > MAX_NESTING {
                    return Err(too_deep());
                }
                out.push_str("NOT");
                i += 2;
            }
            (None, c) => {
                // Any other word (or `*`) is an operand: the NOTs before it are done;
                // `-` and `+` only mark the operand that follows.
                if !after_word && !matches!(c, '-' | '+') {
                    if let Some(nots) = groups.last_mut() {
                        *nots = 0;
                    }
                }
                out.push(c);
            }
        }
        i += 1;
    }
    Ok(out)
}

/// A compiled subtree; one made only of exclusions matches nothing on its own.
enum Node {
    Positive(Box<dyn Query>),
    OnlyNegative(Box<dyn Query>),
}

struct Compiler<'a> {
    fields: &'a Fields,
    any: bool,
    analyzer: TextAnalyzer,
    highlight: Highlight,
    words: Vec<String>,
    stems_of_real_words: StemCheck<'a>,
}

/// Where a literal is searched.
enum Target {
    /// Analysed text fields, with boosts.
    Text(Vec<(Field, f32)>),
    /// An exact-match string field.
    Raw(Field),
    Date,
}

impl Compiler<'_> {
    fn node(&mut self, ast: &UserInputAst, negated: bool) -> Result<Option<Node>, String> {
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

    fn target(&self, field: Option<&str>) -> Result<Target, String> {
        let f = self.fields;
        Ok(match field {
            None => Target::Text(vec![(f.title, TITLE_BOOST), (f.byline, 1.0), (f.body, 1.0)]),
            Some("title") | Some("headline") => Target::Text(vec![(f.title, 1.0)]),
            Some("byline") | Some("by") => Target::Text(vec![(f.byline, 1.0), (f.authors, 1.0)]),
            Some("author") | Some("authors") => Target::Text(vec![(f.authors, 1.0)]),
            Some("body") | Some("text") => Target::Text(vec![(f.body, 1.0)]),
            Some("path") => Target::Raw(f.path),
            Some("source") | Some("source_id") => Target::Raw(f.source_id),
            Some("format") => Target::Raw(f.format),
            Some("date") => Target::Date,
            Some(other) => {
                return Err(format!(
                    "unknown field {other:?}; fields are title:, byline:, author:, body:, date:, path:, source:, format:"
                ))
            }
        })
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, String> {
        match leaf {
            UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
            UserInputLeaf::Literal(lit) => self.literal(lit, negated),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => match self.target(field.as_deref())? {
                Target::Date => Ok(Some(self.date_range(lower, upper)?)),
                _ => Err("ranges work on dates only: date:[2014-01 TO 2014-03]".to_string()),
            },
            UserInputLeaf::Exists { field } => match self.target(Some(field))? {
                Target::Date => Ok(Some(Box::new(ExistsQuery::new("date".to_string(), false)))),
                _ => Err(format!("`{field}:*` works only on dates: use date:*")),
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
            UserInputLeaf::Regex { .. } => {
                Err("regular expressions are not supported; use term* or term~1".to_string())
            }
        }
    }

    fn literal(
        &mut self,
        lit: &UserInputLiteral,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, String> {
        // The grammar keeps `word~1` and `word*` in the word: split the operator off.
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
        // Article text is indexed in Unicode NFC, so words are looked up in NFC; exact
        // values (`path:`) are matched as the file system spelled them.
        if let std::borrow::Cow::Owned(n) = crate::extract::nfc(&lit.phrase) {
            if !matches!(self.target(lit.field_name.as_deref()), Ok(Target::Raw(_))) {
                lit.phrase = n;
            }
        }
        let lit = &lit;
        match self.target(lit.field_name.as_deref())? {
            Target::Date => {
                let span = bounds::parse_span("date:", &lit.phrase).map_err(|e| e.to_string())?;
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
                let query = tantivy::query::RegexQuery::from_pattern(&pattern, field)
                    .map_err(|e| format!("{}*: {e}", lit.phrase))?;
                Ok(Some(Box::new(query)))
            }
            Target::Raw(field) => Ok(Some(Box::new(TermQuery::new(
                Term::from_field_text(field, &lit.phrase),
                IndexRecordOption::Basic,
            )))),
            Target::Text(fields) => {
                let tokens = self.tokens(&lit.phrase);
                if tokens.is_empty() {
                    return Ok(None);
                }
                let body_in_scope = fields.iter().any(|(f, _)| *f == self.fields.body);
                let single = tokens.len() == 1;
                let fuzzy = single && lit.slop > 0 && lit.delimiter == Delimiter::None;
                if fuzzy && lit.slop > 2 {
                    return Err(format!(
                        "{}~{}: a fuzzy term allows an edit distance of 1 or 2",
                        lit.phrase, lit.slop
                    ));
                }
                let prefix_text = (single && lit.prefix).then(|| self.prefix_of(&lit.phrase));
                if !negated {
                    if lit.field_name.is_none() && single && !lit.prefix && !fuzzy {
                        self.words.push(lit.phrase.to_lowercase());
                    }
                    if body_in_scope {
                        match (&prefix_text, fuzzy) {
                            (Some(p), _) => self.highlight.prefixes.push(p.clone()),
                            (None, true) => self
                                .highlight
                                .fuzzy
                                .push((tokens[0].1.clone(), lit.slop.min(2) as u8)),
                            _ if tokens.len() == 1 => self.highlight.add_exact(&tokens[0].1),
                            _ => {
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
                }
                if single && !fuzzy && prefix_text.is_none() {
                    // A plain word: one BM25F score over its fields (see bm25f.rs).
                    return Ok(Some(Box::new(FieldsTermQuery::new(fields, &tokens[0].1))));
                }
                let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                if fuzzy {
                    // Every spelling within the distance matches with the same constant
                    // score; the word as typed also scores as a plain word, so articles that
                    // have it rank above those with only a neighbour ("claim" for blair~2).
                    per_field.push((
                        Occur::Should,
                        Box::new(FieldsTermQuery::new(fields.clone(), &tokens[0].1)),
                    ));
                }
                for (field, boost) in fields {
                    let q: Box<dyn Query> = if let Some(p) = &prefix_text {
                        Box::new(
                            RegexQuery::from_pattern(&p.pattern(), field)
                                .map_err(|e| format!("cannot search the prefix {}: {e}", p.text))?,
                        )
                    } else if fuzzy {
                        let distance = lit.slop.min(2) as u8;
                        Box::new(FuzzyTermQuery::new(
                            Term::from_field_text(field, &tokens[0].1),
                            distance,
                            true,
                        ))
                    } else {
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
                    };
                    let q = if (boost - 1.0).abs() > f32::EPSILON {
                        Box::new(BoostQuery::new(q, boost))
                    } else {
                        q
                    };
                    per_field.push((Occur::Should, q));
                }
                Ok(Some(if per_field.len() == 1 {
                    per_field.remove(0).1
                } else {
                    Box::new(BooleanQuery::new(per_field))
                }))
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

    /// The terms `raw*` matches (see `Prefix`).
    fn prefix_of(&mut self, raw: &str) -> Prefix {
        let text = fold(raw);
        let mut stems: Vec<String> = Vec::new();
        for ending in word_endings() {
            let word = format!("{text}{ending}");
            let mut s = self.analyzer.token_stream(&word);
            while let Some(t) = s.next() {
                if !t.text.starts_with(text.as_str()) && !stems.contains(&t.text) {
                    stems.push(t.text.clone());
                }
            }
        }
        stems.retain(|stem| (self.stems_of_real_words)(&text, stem));
        stems.sort_unstable();
        Prefix { text, stems }
    }

    fn date_range(
        &self,
        lower: &UserInputBound,
        upper: &UserInputBound,
    ) -> Result<Box<dyn Query>, String> {
        let span = |s: &str| bounds::parse_span("date:", s).map_err(|e| e.to_string());
        let lo = match lower {
            UserInputBound::Inclusive(s) => Bound::Included(span(s)?.start),
            UserInputBound::Exclusive(s) => Bound::Included(span(s)?.end),
            UserInputBound::Unbounded => Bound::Unbounded,
        };
        let hi = match upper {
            UserInputBound::Inclusive(s) => Bound::Excluded(span(s)?.end),
            UserInputBound::Exclusive(s) => Bound::Excluded(span(s)?.start),
            UserInputBound::Unbounded => Bound::Unbounded,
        };
        // Like `--from` after `--to`, a range that cannot hold a date is a mistake.
        if let (Bound::Included(start), Bound::Excluded(end)) = (lo, hi) {
            if start >= end {
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
                // Both inclusive, as the README states bounds: the range ends the second
                // before its exclusive end.
                return Err(format!(
                    "empty date range: date:{open}{} TO {}{close} starts at {} but ends at {}",
                    text(lower),
                    text(upper),
                    bounds::rfc3339(start),
                    bounds::rfc3339(end - time::Duration::SECOND)
                ));
            }
        }
        Ok(date_query(self.fields.date, lo, hi))
    }
}

/// A date filter that does not change scores. An article matches when the whole span of
/// its date (a year, a month, a day, ...) lies within the bounds (`date_filter`).
pub fn date_query(
    field: Field,
    lower: Bound<time::OffsetDateTime>,
    upper: Bound<time::OffsetDateTime>,
) -> Box<dyn Query> {
    let within = super::date_filter::DateWithin::new(field, lower, upper);
    Box::new(ConstScoreQuery::new(Box::new(within), 0.0))
}

/// Lifts `NOT x` out of the one-clause group the grammar wraps it in, so that
/// `a AND NOT b` means `a -b`. Left alone, the group `(NOT b)` matches nothing on its own
/// (a query of exclusions only), and the conjunction with it would match nothing at all.
fn lift_negations(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(children) => UserInputAst::Clause(
            children
                .into_iter()
                .map(|(occur, child)| match (occur, lift_negations(child)) {
                    (None | Some(Occur::Must), UserInputAst::Clause(mut inner))
                        if inner.len() == 1 && inner[0].0 == Some(Occur::MustNot) =>
                    {
                        let (_, negated) = inner.remove(0);
                        (Some(Occur::MustNot), negated)
                    }
                    (occur, child) => (occur, child),
                })
                .collect(),
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(lift_negations(*inner)), boost)
        }
        leaf => leaf,
    }
}

/// Leaves bare stop words out of an OR query's clauses (see `OR_STOP_WORDS`), except where
/// that would leave a clause with nothing to match.
fn drop_stop_words(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(children) => {
            let children: Vec<_> = children
                .into_iter()
                .map(|(occur, child)| (occur, drop_stop_words(child)))
                .collect();
            let matches_without = children.iter().any(|(occur, child)| {
                occur != &Some(Occur::MustNot) && !is_optional_stop_word(*occur, child)
            });
            if !matches_without {
                return UserInputAst::Clause(children);
            }
            UserInputAst::Clause(
                children
                    .into_iter()
                    .filter(|(occur, child)| !is_optional_stop_word(*occur, child))
                    .collect(),
            )
        }
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(drop_stop_words(*inner)), boost)
        }
        leaf => leaf,
    }
}

/// A bare word (no field, quotes, prefix star or `+`/`-`) on the stop list.
fn is_optional_stop_word(occur: Option<Occur>, ast: &UserInputAst) -> bool {
    let UserInputAst::Leaf(leaf) = ast else {
        return false;
    };
    let UserInputLeaf::Literal(lit) = leaf.as_ref() else {
        return false;
    };
    matches!(occur, None | Some(Occur::Should))
        && lit.field_name.is_none()
        && lit.delimiter == Delimiter::None
        && !lit.prefix
        && OR_STOP_WORDS.contains(&lit.phrase.to_lowercase().replace('\u{2019}', "'").as_str())
}

/// Edit distance between `a` and `b` is at most `max` (short words only). With
/// `transpositions`, swapping two adjacent characters is one edit (the optimal string
/// alignment distance, which is what tantivy's `FuzzyTermQuery` matches with
/// `transposition_cost_one`, so `term~N` highlights what it finds); without, it is plain
/// Levenshtein distance.
pub fn edit_distance_within(a: &str, b: &str, max: u8, transpositions: bool) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Rows i - 1 and i - 2 of the distance table.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut before: Vec<usize> = Vec::new();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if transpositions && i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                cur[j + 1] = cur[j + 1].min(before[j - 1] + 1);
            }
        }
        // Later rows build on this row and (through a transposition) the one before it.
        let row_min = |row: &[usize]| row.iter().min().copied().unwrap_or(0);
        if row_min(&cur) > max && (!transpositions || row_min(&prev) >= max) {
            return false;
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn phrases_match_where_their_terms_stand_together() {
        let p = PhraseMatch {
            terms: vec![(0, "gordon".to_string()), (1, "brown".to_string())],
            slop: 0,
            prefix: false,
        };
        let tokens = [
            (0, "mr"),
            (1, "brown"),
            (2, "said"),
            (3, "gordon"),
            (4, "brown"),
        ];
        let found: Vec<Vec<usize>> = (0..tokens.len())
            .filter_map(|i| p.occurs_at(&tokens, i))
            .collect();
        assert_eq!(found, vec![vec![3, 4]]);
        let loose = PhraseMatch {
            slop: 1,
            ..p.clone()
        };
        let gap = [(0, "gordon"), (1, "x"), (2, "brown")];
        assert_eq!(p.occurs_at(&gap, 0), None);
        assert_eq!(loose.occurs_at(&gap, 0), Some(vec![0, 2]));
        let prefix = PhraseMatch { prefix: true, ..p };
        assert_eq!(
            prefix.occurs_at(&[(0, "gordon"), (1, "browne")], 0),
            Some(vec![0, 1])
        );
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
        let c = compile_with(&fields(), &format!("{raw}*"), false, &real).unwrap();
        c.highlight.prefixes[0].clone()
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
            .contains("unknown field"));
        assert!(compile(&fields(), "-only", false)
            .unwrap_err()
            .contains("excluded"));
        assert!(compile(&fields(), "\"open", false)
            .unwrap_err()
            .contains("syntax"));
        assert!(compile(&fields(), "date:yesterday", false)
            .unwrap_err()
            .contains("invalid date"));
        assert!(compile(&fields(), "title:[a TO b]", false)
            .unwrap_err()
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
        assert_eq!(prepare("'peace talks'").unwrap(), "'peace talks'");
        assert_eq!(prepare("O'Brien").unwrap(), "O\\'Brien");
        assert_eq!(prepare("a || b && !c").unwrap(), "a OR b AND -c");
        assert_eq!(
            prepare("(!iran) \"a || b\" Yahoo! x||y").unwrap(),
            "(-iran) \"a || b\" Yahoo! x||y"
        );
        assert_eq!(
            prepare("\u{201C}peace talks\u{201D} O\u{2019}Brien").unwrap(),
            "\"peace talks\" O\\'Brien"
        );
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
            let err = compile(&fields(), &q, false).unwrap_err();
            assert!(err.contains("nested more than 100"), "{err}");
        }
        // Many groups side by side are not nested.
        let wide = "(a OR b) ".repeat(500);
        assert!(compile(&fields(), &wide, false).is_ok());
        let nots = "NOT a ".repeat(500);
        assert!(prepare(&format!("b {nots}")).is_ok());
        // Whatever the operand after each NOT: phrases, quotes, ranges, `*`.
        for operand in ["\"zebra\"", "'zebra'", "[a TO b]", "*", "-zebra", "+zebra"] {
            let flat = format!(
                "lighthouse {}",
                format!("NOT {operand} ").repeat(MAX_NESTING + 5)
            );
            assert!(prepare(&flat).is_ok(), "{operand}");
        }
        // Parentheses inside quotes or escaped are text.
        assert!(prepare(&format!("\"{}\"", "(".repeat(500))).is_ok());
        assert!(prepare(&"\\(".repeat(500)).is_ok());
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
            let err = compile(&fields(), q, false).unwrap_err();
            assert!(err.starts_with("empty date range"), "{q}: {err}");
        }
        // Both ends are shown inclusive.
        assert_eq!(
            compile(&fields(), "date:[2014-02 TO 2014-01]", false).unwrap_err(),
            "empty date range: date:[2014-02 TO 2014-01] starts at 2014-02-01T00:00:00Z \
             but ends at 2014-01-31T23:59:59Z"
        );
        assert!(compile(&fields(), "date:[2014-01 TO 2014-01]", false).is_ok());
        assert!(compile(&fields(), "date:{2014-01 TO 2014-03}", false).is_ok());
        // A time outside a date is two words, not a field.
        let c = compile(&fields(), "meeting 10:30", false).unwrap();
        assert_eq!(marked(&c.highlight), vec!["meet", "10", "30"]);
    }

    /// The highlighter's distance is the one tantivy's fuzzy query matches with: every word
    /// of up to four letters over a three-letter alphabet, against each other.
    #[test]
    fn edit_distance_agrees_with_fuzzy_term_query() {
        use tantivy::collector::DocSetCollector;
        use tantivy::schema::{Schema, STRING};
        let mut words: Vec<String> = Vec::new();
        let mut level = vec![String::new()];
        for _ in 0..4 {
            level = level
                .iter()
                .flat_map(|w| ["a", "b", "c"].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(level.iter().cloned());
        }
        let mut builder = Schema::builder();
        let field = builder.add_text_field("w", STRING);
        let index = tantivy::Index::create_in_ram(builder.build());
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        for w in &words {
            writer
                .add_document(tantivy::doc!(field => w.as_str()))
                .unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        for q in &words {
            for d in 1..=2u8 {
                let query = FuzzyTermQuery::new(Term::from_field_text(field, q), d, true);
                let mut found: Vec<&str> = searcher
                    .search(&query, &DocSetCollector)
                    .unwrap()
                    .into_iter()
                    .map(|a| words[a.doc_id as usize].as_str())
                    .collect();
                found.sort_unstable();
                let mut expected: Vec<&str> = words
                    .iter()
                    .filter(|w| edit_distance_within(q, w, d, true))
                    .map(String::as_str)
                    .collect();
                expected.sort_unstable();
                assert_eq!(found, expected, "{q}~{d}");
            }
        }
    }

    #[test]
    fn edit_distance() {
        assert!(edit_distance_within("kitten", "sitting", 3, false));
        assert!(!edit_distance_within("kitten", "sitting", 2, false));
        assert!(edit_distance_within("syria", "siria", 1, false));
        assert!(edit_distance_within("", "ab", 2, false));
        // A swap of neighbours is two edits, or one with transpositions.
        assert!(!edit_distance_within("lighthous", "lighthuos", 1, false));
        assert!(edit_distance_within("lighthous", "lighthuos", 1, true));
        assert!(edit_distance_within("kitten", "sitting", 3, true));
        assert!(!edit_distance_within("kitten", "sitting", 2, true));
        // Optimal string alignment: a swapped pair is not edited again.
        assert!(!edit_distance_within("ca", "abc", 2, true));
    }

    // Stop words under OR (tuned on TIME 1963, docs/relevance.md).

    /// The words an OR query keeps, in order, after stop words are dropped.
    fn kept(query: &str) -> Vec<String> {
        fn walk(ast: &UserInputAst, out: &mut Vec<String>) {
            match ast {
                UserInputAst::Clause(children) => children.iter().for_each(|(_, c)| walk(c, out)),
                UserInputAst::Boost(inner, _) => walk(inner, out),
                UserInputAst::Leaf(leaf) => {
                    if let UserInputLeaf::Literal(lit) = leaf.as_ref() {
                        out.push(lit.phrase.clone());
                    }
                }
            }
        }
        let ast = tantivy::query_grammar::parse_query(query).unwrap();
        let mut out = Vec::new();
        walk(&drop_stop_words(ast), &mut out);
        out
    }

    #[test]
    fn or_queries_drop_bare_stop_words() {
        assert_eq!(
            kept("Kennedy pressure on the Buddhists"),
            ["Kennedy", "pressure", "Buddhists"]
        );
        // "us" stays: U.S.
        assert_eq!(kept("troops sent by us"), ["troops", "sent", "us"]);
    }

    #[test]
    fn explicit_words_and_stop_word_only_queries_are_kept() {
        assert_eq!(
            kept("\"war of the worlds\" title:the +is -it at*"),
            ["war of the worlds", "the", "is", "it", "at*"]
        );
        assert_eq!(kept("the who"), ["the", "who"]);
        assert_eq!(kept("to be or not"), ["to", "be", "or", "not"]);
        // Dropping "the" would leave only an exclusion.
        assert_eq!(kept("the -war"), ["the", "war"]);
        assert_eq!(kept("(the who) lighthouse"), ["the", "who", "lighthouse"]);
    }
}
