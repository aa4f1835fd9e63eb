//! URL query strings -> the engine's requests, checked as the command line checks its
//! flags (the same date, age, range and limit rules, the same messages), and the API's
//! error: a status, a message that names what to fix, and the parameter at fault.

use std::collections::HashMap;

use crate::error::Error;
use crate::search::aggregate::{FacetKind, FacetsRequest, Interval, TimelineRequest};
use crate::search::bounds::{self, Span};
use crate::search::{SearchRequest, Sort, MAX_FRAGMENTS, MAX_LIMIT};

/// Deepest offset a page may start at: far past any archive's hits, small enough that
/// `offset + limit` never overflows.
pub const MAX_OFFSET: usize = 100_000_000;

/// Most values a facet lists.
pub const MAX_FACET_VALUES: usize = 10_000;

/// An error answered to a client: status, message and (for bad input) the parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
    pub parameter: Option<String>,
}

impl ApiError {
    pub fn bad(parameter: &str, message: impl Into<String>) -> Self {
        ApiError {
            status: 400,
            message: message.into(),
            parameter: Some(parameter.to_string()),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: 404,
            message: message.into(),
            parameter: None,
        }
    }

    pub fn busy() -> Self {
        ApiError {
            status: 503,
            message: "too many searches waiting; try again in a moment".to_string(),
            parameter: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        ApiError {
            status: 500,
            message: message.into(),
            parameter: None,
        }
    }

    /// The status and parameter of an engine error: what the client sent is at fault
    /// (400, naming the parameter), an id names nothing (404), else the server (500).
    pub fn from_engine(e: &Error) -> Self {
        let message = e.to_string();
        let param = |p: &str| Some(p.trim_start_matches('-').to_string());
        let (status, parameter) = match e {
            Error::BadQuery { .. } | Error::Query { .. } => (400, param("q")),
            Error::BadDate { flag, .. } | Error::BadAge { flag, .. } => (400, param(flag)),
            Error::EmptyRange { .. } => (400, param("from")),
            Error::TooManyBuckets { .. } => (400, param("by")),
            Error::BadId { .. } | Error::AmbiguousId { .. } => (400, param("id")),
            Error::NotFound { .. } | Error::NoIdPrefix { .. } => (404, None),
            _ => (500, None),
        };
        ApiError {
            status,
            message,
            parameter,
        }
    }
}

/// A query string's parameters, each given at most once, and only the names the
/// endpoint knows.
pub struct Params {
    values: HashMap<String, String>,
}

impl Params {
    /// Parses `raw` (the part after `?`), refusing names outside `known` and repeats.
    pub fn parse(raw: Option<&str>, known: &[&str]) -> Result<Self, ApiError> {
        let mut values = HashMap::new();
        let pairs: Vec<(String, String)> = match raw {
            Some(r) => serde_urlencoded::from_str(r)
                .map_err(|_| ApiError::bad("query", "the query string is not URL-encoded"))?,
            None => Vec::new(),
        };
        for (k, v) in pairs {
            if !known.contains(&k.as_str()) {
                let shown: String = k.chars().take(40).collect();
                return Err(ApiError::bad(
                    &shown,
                    format!(
                        "unknown parameter {shown:?}; this endpoint takes {}",
                        known.join(", ")
                    ),
                ));
            }
            if values.contains_key(&k) {
                return Err(ApiError::bad(&k, format!("parameter {k:?} given twice")));
            }
            values.insert(k, v);
        }
        Ok(Params { values })
    }

    pub fn str(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// `true|false|1|0|yes|no|on|off`; a present but empty value is true (`?any`).
    pub fn flag(&self, name: &str, default: bool) -> Result<bool, ApiError> {
        match self.str(name).map(str::to_ascii_lowercase).as_deref() {
            None => Ok(default),
            Some("" | "1" | "true" | "yes" | "on") => Ok(true),
            Some("0" | "false" | "no" | "off") => Ok(false),
            Some(other) => Err(ApiError::bad(
                name,
                format!("invalid value {other:?} for {name}: expected true or false"),
            )),
        }
    }

    /// A whole number in `min..=max`.
    pub fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(v) = self.str(name) else {
            return Ok(default);
        };
        v.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                ApiError::bad(
                    name,
                    format!("invalid value {v:?} for {name}: expected a whole number from {min} to {max}"),
                )
            })
    }

    /// One of `choices` (by name), or `default` when absent.
    pub fn choice<T: Copy>(
        &self,
        name: &str,
        default: T,
        choices: &[(&str, T)],
    ) -> Result<T, ApiError> {
        let Some(v) = self.str(name) else {
            return Ok(default);
        };
        choices
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(v.trim()))
            .map(|&(_, t)| t)
            .ok_or_else(|| {
                let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
                ApiError::bad(
                    name,
                    format!(
                        "invalid value {v:?} for {name}: expected one of {}",
                        names.join(", ")
                    ),
                )
            })
    }

    /// The query text (`q`, absent or empty: every article).
    fn query(&self) -> String {
        self.str("q").unwrap_or("").trim().to_string()
    }

    /// `from`, `to` and `since` as checked bounds.
    fn dates(&self, now: time::OffsetDateTime) -> Result<(Option<Span>, Option<Span>), ApiError> {
        let opt = |n: &str| self.str(n).filter(|v| !v.trim().is_empty());
        bounds::date_range(&bounds::PARAMS, opt("from"), opt("to"), opt("since"), now)
            .map_err(|e| ApiError::from_engine(&e))
    }
}

/// Parameters of `GET /api/search` (and of `/api/export`, which adds `format`).
pub const SEARCH: &[&str] = &[
    "q",
    "any",
    "from",
    "to",
    "since",
    "sort",
    "limit",
    "offset",
    "fresh",
    "half_life",
    "fragments",
    "collapse",
    "lang",
];

/// The search a query string asks for.
pub fn search(p: &Params, now: time::OffsetDateTime) -> Result<SearchRequest, ApiError> {
    let (from, to) = p.dates(now)?;
    let fresh = if p.flag("fresh", false)? {
        let half_life = p.str("half_life").unwrap_or("30d");
        Some(bounds::duration_secs("half_life", half_life).map_err(|e| ApiError::from_engine(&e))?)
    } else {
        None
    };
    Ok(SearchRequest {
        query: p.query(),
        any: p.flag("any", false)?,
        from,
        to,
        sort: p.choice(
            "sort",
            Sort::Relevance,
            &[
                ("relevance", Sort::Relevance),
                ("newest", Sort::Newest),
                ("oldest", Sort::Oldest),
            ],
        )?,
        limit: p.number("limit", 10, 0, MAX_LIMIT)?,
        offset: p.number("offset", 0, 0, MAX_OFFSET)?,
        fragments: p.number("fragments", 1, 1, MAX_FRAGMENTS)?,
        fresh,
        collapse: p.flag("collapse", true)?,
        language: match p.str("lang").map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => Some(crate::lang::Language::from_code(code).ok_or_else(|| {
                ApiError::bad(
                    "lang",
                    format!("unknown language {code:?} for lang: give an ISO 639-1 code such as en, de, fr, zh"),
                )
            })?),
            None => None,
        },
    })
}

/// Parameters of `GET /api/articles/{id}/similar`.
pub const SIMILAR: &[&str] = &["limit", "follow"];

/// How many related articles, and whether in date order.
pub fn similar(p: &Params) -> Result<(usize, bool), ApiError> {
    Ok((
        p.number("limit", 10, 0, MAX_LIMIT)?,
        p.flag("follow", false)?,
    ))
}

/// Parameters of `GET /api/timeline`.
pub const TIMELINE: &[&str] = &["q", "any", "from", "to", "since", "by", "normalize"];

pub fn timeline(p: &Params, now: time::OffsetDateTime) -> Result<TimelineRequest, ApiError> {
    let (from, to) = p.dates(now)?;
    Ok(TimelineRequest {
        query: p.query(),
        any: p.flag("any", false)?,
        from,
        to,
        by: p.choice(
            "by",
            Interval::Month,
            &[
                ("day", Interval::Day),
                ("week", Interval::Week),
                ("month", Interval::Month),
                ("year", Interval::Year),
            ],
        )?,
        normalize: p.flag("normalize", false)?,
    })
}

/// Parameters of `GET /api/facets/{facet}`.
pub const FACETS: &[&str] = &["q", "any", "from", "to", "since", "limit"];

/// The facet a path names.
pub fn facet_kind(name: &str) -> Result<FacetKind, ApiError> {
    match name {
        "byline" => Ok(FacetKind::Byline),
        "year" => Ok(FacetKind::Year),
        "source" => Ok(FacetKind::Source),
        "language" => Ok(FacetKind::Language),
        other => Err(ApiError::not_found(format!(
            "no facet {:?}: the facets are byline, year, source and language",
            other.chars().take(40).collect::<String>()
        ))),
    }
}

pub fn facets(
    p: &Params,
    facet: FacetKind,
    now: time::OffsetDateTime,
) -> Result<FacetsRequest, ApiError> {
    let (from, to) = p.dates(now)?;
    Ok(FacetsRequest {
        query: p.query(),
        any: p.flag("any", false)?,
        from,
        to,
        facet,
        limit: p.number("limit", 20, 0, MAX_FACET_VALUES)?,
    })
}

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Ndjson,
}

/// Parameters of `GET /api/export`: a search's, and `format`.
pub fn export_params() -> Vec<&'static str> {
    let mut v = SEARCH.to_vec();
    v.push("format");
    v
}

pub fn export_format(p: &Params) -> Result<ExportFormat, ApiError> {
    p.choice(
        "format",
        ExportFormat::Ndjson,
        &[
            ("csv", ExportFormat::Csv),
            ("ndjson", ExportFormat::Ndjson),
            ("jsonl", ExportFormat::Ndjson),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> time::OffsetDateTime {
        time::OffsetDateTime::from_unix_timestamp(1_711_886_400).unwrap()
    }

    fn parse(q: &str) -> Result<SearchRequest, ApiError> {
        search(&Params::parse(Some(q), SEARCH)?, now())
    }

    #[test]
    fn a_search_as_the_command_line_builds_it() {
        let r = parse("q=ferry+strike&any=1&sort=newest&limit=20&offset=40&fragments=3").unwrap();
        assert_eq!(r.query, "ferry strike");
        assert!(r.any && r.collapse);
        assert_eq!(
            (r.sort, r.limit, r.offset, r.fragments),
            (Sort::Newest, 20, 40, 3)
        );
        let r = parse("").unwrap();
        assert_eq!(r.query, "");
        assert_eq!((r.limit, r.offset, r.fragments), (10, 0, 1));
        assert!(!parse("collapse=false").unwrap().collapse);
        assert!(parse("fresh=true&half_life=1y").unwrap().fresh.is_some());
        let r = parse("from=2014&to=2014-03").unwrap();
        assert!(r.from.is_some() && r.to.is_some());
    }

    #[test]
    fn bad_values_name_their_parameter() {
        for (q, param) in [
            ("limit=10001", "limit"),
            ("limit=-1", "limit"),
            ("limit=ten", "limit"),
            ("offset=999999999999999999999", "offset"),
            ("fragments=0", "fragments"),
            ("sort=best", "sort"),
            ("any=maybe", "any"),
            ("from=someday", "from"),
            ("to=2014-13", "to"),
            ("since=soon", "since"),
            ("fresh=1&half_life=forever", "half_life"),
            ("from=2015&to=2014", "from"),
            ("q=a&q=b", "q"),
            ("bogus=1", "bogus"),
        ] {
            let e = parse(q).unwrap_err();
            assert_eq!(e.status, 400, "{q}");
            assert_eq!(e.parameter.as_deref(), Some(param), "{q}: {e:?}");
            assert!(e.message.contains(param), "{q}: {}", e.message);
        }
    }

    #[test]
    fn engine_errors_map_to_statuses() {
        let e = ApiError::from_engine(&Error::NotFound { id: "ab".into() });
        assert_eq!((e.status, e.parameter), (404, None));
        let e = ApiError::from_engine(&Error::BadId { id: "zz".into() });
        assert_eq!((e.status, e.parameter.as_deref()), (400, Some("id")));
        let e = ApiError::from_engine(&Error::Schema("x".into()));
        assert_eq!(e.status, 500);
    }

    #[test]
    fn other_endpoints() {
        let p = Params::parse(Some("q=x&by=year&normalize"), TIMELINE).unwrap();
        let t = timeline(&p, now()).unwrap();
        assert_eq!(t.by, Interval::Year);
        assert!(t.normalize);
        let p = Params::parse(Some("by=fortnight"), TIMELINE).unwrap();
        assert_eq!(
            timeline(&p, now()).unwrap_err().parameter.as_deref(),
            Some("by")
        );
        assert_eq!(facet_kind("year").unwrap(), FacetKind::Year);
        assert_eq!(facet_kind("../etc").unwrap_err().status, 404);
        let p = Params::parse(Some("limit=3&follow=true"), SIMILAR).unwrap();
        assert_eq!(similar(&p).unwrap(), (3, true));
        let p = Params::parse(Some("format=csv&q=x"), &export_params()).unwrap();
        assert_eq!(export_format(&p).unwrap(), ExportFormat::Csv);
    }
}
