//! `QueryError`: every way a query the user typed can be refused, one variant per kind of
//! mistake, each carrying the text at fault and, in its message, the way out. The crate's
//! `Error::BadQuery` wraps it with the whole query.

/// A query newsdex cannot run, and why; the message is written for the user.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// tantivy's grammar refused the text (unbalanced quotes or parentheses, a dangling
    /// operator).
    #[error(
        "syntax error (check quotes, parentheses and operators; quote a term to search it literally)"
    )]
    Syntax,

    /// Nothing left to search for once the exclusions are set aside (`-war`).
    #[error("a query cannot consist only of excluded terms (-term); add a term to search for")]
    OnlyExcluded,

    /// Groups `( )` and `NOT`s deeper than `max` (`prepare::MAX_NESTING`).
    #[error("groups ( ) and NOTs are nested more than {max} levels deep; simplify the query")]
    TooDeep { max: usize },

    /// `field:` names no field newsdex searches.
    #[error(
        "unknown field {field:?}; fields are title:, byline:, author:, body:, date:, path:, source:, format:, cluster:"
    )]
    UnknownField { field: String },

    /// A `[a TO b]` range on a field other than `date:`.
    #[error("ranges work on dates only: date:[2014-01 TO 2014-03]")]
    RangeNotOnDate,

    /// `field:*` on a field other than `date:`.
    #[error("`{field}:*` works only on dates: use date:*")]
    ExistsNotOnDate { field: String },

    /// A `cluster:` value that is no cluster id.
    #[error("invalid cluster {input:?}: a cluster id is 16 hex digits, as JSON output shows it")]
    BadCluster { input: String },

    /// A `lang:` value that names no language.
    #[error("unknown language {code:?}: lang: takes an ISO 639-1 code such as en, de, fr, zh (or a 639-3 code)")]
    BadLanguage { code: String },

    /// `/regex/`.
    #[error("regular expressions are not supported; use term* or term~1")]
    Regex,

    /// A `date:` value that names no date; worded as the crate's `Error::BadDate` for the
    /// flag `date:`, like the `--from`/`--to` dates.
    #[error(
        "invalid date {input:?} for date:: expected YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339 \
         (e.g. 2014-01-22T05:30:00Z)"
    )]
    BadDate { input: String },

    /// A `date:` range that cannot hold a date: `range` as typed after `date:` (brackets
    /// included), `start` and `end` its inclusive bounds in RFC 3339.
    #[error("empty date range: date:{range} starts at {start} but ends at {end}")]
    EmptyDateRange {
        range: String,
        start: String,
        end: String,
    },

    /// `word~N` with N above 2.
    #[error("{word}~{distance}: a fuzzy term allows an edit distance of 1 or 2")]
    FuzzyDistance { word: String, distance: u32 },

    /// `path:value*` whose value tantivy cannot turn into a pattern.
    #[error("{value}*: {source}")]
    ValuePrefix {
        value: String,
        source: tantivy::TantivyError,
    },

    /// `word*` whose terms tantivy cannot turn into a pattern.
    #[error("cannot search the prefix {prefix}: {source}")]
    WordPrefix {
        prefix: String,
        source: tantivy::TantivyError,
    },
}
