//! TREC / TIPSTER records: `<DOC><DOCNO>...</DOCNO> ... </DOC>`, whose subcollections
//! name the same fields differently.
//!
//! - Title: `HEADLINE` (LA Times, FT), `HL` (WSJ), `HEAD` (AP), `TI` (FBIS, inside `H3`),
//!   `TITLE` (Ziff), `H3`; the first non-empty one in that order. A WSJ `HL` that goes on
//!   after a line of dashes holds the byline there ("---- / By Jo Doe"); FT headlines lose
//!   their "FT  14 MAY 91 / " prefix.
//! - Date: `DATE`, `DD` (WSJ), `DATE1` (FBIS) through `date::parse_date`; a bare `YYMMDD`
//!   (FT's `910514`) is rewritten as `14-MAY-91` for it. When no field gives a date, the
//!   DOCNO does for the collections that put one there: `AP880212-0001`,
//!   `WSJ870324-0001`, `FR940104-0-00001` (YYMMDD) and `LA010189-0001` (MMDDYY), at day
//!   precision.
//! - Byline: every `BYLINE`, `AU`, `BY`, `AUTHOR`, joined with ", ". When some of them start
//!   with "By", only those name authors; the others are roles ("Associated Press Writer"),
//!   as are names with a job word in them ("By ANA RUIZ, TIMES STAFF WRITER").
//! - Body: `LP` (WSJ lead paragraph) and every `TEXT`, in document order, as paragraphs;
//!   markup inside them removed (`<P>` and friends are paragraph breaks). The dateline
//!   opens the body.

use super::paragraphs::{reflow, with_dateline};
use super::record::Read;
use super::scan::{self, Kind, Scope, Tag};
use crate::article::Fields;
use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::date;
use crate::extract::markup;

pub const KNOWN: &[&str] = &[
    "DOC", "DOCNO", "HEADLINE", "HL", "HEAD", "TI", "TITLE", "H3", "DATE", "DD", "DATE1",
    "DATELINE", "BYLINE", "AU", "BY", "AUTHOR", "TEXT", "LP",
];

const TITLES: &[&str] = &["HEADLINE", "HL", "HEAD", "TI", "TITLE", "H3"];
const DATES: &[&str] = &["DATE", "DD", "DATE1"];
const BYLINES: &[&str] = &["BYLINE", "AU", "BY", "AUTHOR"];

/// Tags inside TEXT that end a paragraph; any other tag is removed without a break.
const BLOCK_TAGS: &[&str] = &[
    "P", "LP", "BR", "TABLE", "TR", "ROW", "H1", "H2", "H3", "H4", "H5", "H6", "HT", "TI", "PARA",
    "DIV", "LI", "PRE", "HR", "TTL", "HEADLINE", "DATELINE", "BYLINE",
];

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

pub fn read<'a>(scope: &Scope<'_, 'a>, _open: &Tag<'a>, notes: &mut Vec<String>) -> Read {
    let docno = scope
        .first("DOCNO", Kind::Leaf)
        .map(|e| squash_spaces(&markup::decode_entities(e.inner)))
        .filter(|d| !d.is_empty());
    if docno.is_none() {
        notes.push("no <DOCNO>; keyed by position".into());
    }
    let mut bylines: Vec<(usize, String)> = Vec::new();
    let mut title = None;
    'titles: for name in TITLES {
        for e in scope.all(name, Kind::Leaf) {
            let (t, by) = split_title(e.inner);
            bylines.extend(by.into_iter().map(|b| (e.content.start, b)));
            if !t.is_empty() {
                title = Some(t);
                break 'titles;
            }
        }
    }
    for name in BYLINES {
        for e in scope.all(name, Kind::Leaf) {
            let b = field_text(e.inner);
            if !b.is_empty() {
                bylines.push((e.outer.start, b));
            }
        }
    }
    bylines.sort_by_key(|(at, _)| *at);
    let (byline, authors) = people(bylines.into_iter().map(|(_, b)| b).collect());

    let mut date = None;
    let mut unread = None;
    'dates: for name in DATES {
        for e in scope.all(name, Kind::Leaf) {
            let t = field_text(e.inner);
            match parse_trec_date(&t) {
                Some(d) => {
                    date = Some(d);
                    break 'dates;
                }
                None if !t.is_empty() => unread = unread.or(Some(t)),
                None => {}
            }
        }
    }
    if date.is_none() {
        date = docno.as_deref().and_then(date_from_docno);
    }
    if let (None, Some(t)) = (date, unread) {
        let shown: String = t.chars().take(60).collect();
        notes.push(format!("date {shown:?} not understood"));
    }

    let mut parts: Vec<(usize, String)> = ["LP", "TEXT"]
        .iter()
        .flat_map(|name| scope.all(name, Kind::Leaf))
        .map(|e| {
            (
                e.outer.start,
                reflow(&markup::decode_entities(&strip_markup(e.inner))),
            )
        })
        .filter(|(_, t)| !t.is_empty())
        .collect();
    parts.sort_by_key(|(at, _)| *at);
    let body = parts
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n\n");
    let dateline = scope
        .first("DATELINE", Kind::Leaf)
        .map(|e| field_text(e.inner));

    Read {
        key: docno.clone(),
        fields: Fields {
            title,
            date,
            byline,
            authors,
            body: with_dateline(dateline.as_deref(), body),
            source_id: docno,
        },
    }
}

/// A one-line field: markup removed, entities decoded, whitespace collapsed.
fn field_text(raw: &str) -> String {
    squash_spaces(&markup::fragment_to_text(raw))
}

/// A title, and the byline lines a WSJ headline carries after a line of dashes.
fn split_title(raw: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = raw.lines().collect();
    let dashes = lines.iter().position(|l| {
        let t = l.trim();
        t.len() >= 3 && t.chars().all(|c| c == '-')
    });
    let Some(i) = dashes else {
        return (strip_ft_prefix(field_text(raw)), Vec::new());
    };
    let by = lines[i + 1..]
        .iter()
        .map(|l| field_text(l))
        .filter(|t| !t.is_empty())
        .collect();
    (strip_ft_prefix(field_text(&lines[..i].join("\n"))), by)
}

/// "FT  14 MAY 91 / Jubilee of a jet" -> "Jubilee of a jet".
fn strip_ft_prefix(title: String) -> String {
    let Some(rest) = title.strip_prefix("FT ") else {
        return title;
    };
    match rest.find(" / ") {
        Some(i) if i <= 16 && rest[..i].bytes().any(|b| b.is_ascii_digit()) => {
            rest[i + 3..].trim().to_string()
        }
        _ => title,
    }
}

/// The byline (every line, "By" stripped, joined with ", ") and the authors.
fn people(lines: Vec<String>) -> (Option<String>, Vec<String>) {
    let starts_by = |l: &str| byline::strip_prefix_ci(l.trim(), "by ").is_some();
    let any_by = lines.iter().any(|l| starts_by(l));
    let mut authors: Vec<String> = Vec::new();
    let mut parts = Vec::new();
    for l in &lines {
        let Some(n) = byline::normalize(l) else {
            continue;
        };
        if !any_by || starts_by(l) {
            for name in byline::names(&n) {
                if !is_role(&name) && !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
        parts.push(n);
    }
    let joined = parts.join(", ");
    ((!joined.is_empty()).then_some(joined), authors)
}

/// "Times Staff Writer", "Associated Press Writer": a job, not a name.
fn is_role(name: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "editor",
        "staff",
        "columnist",
    ];
    name.split_whitespace()
        .any(|w| ROLES.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

fn parse_trec_date(t: &str) -> Option<crate::article::ArticleDate> {
    if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        return yymmdd(&t[..2], &t[2..4], &t[4..]);
    }
    date::parse_date(t)
}

/// A two-digit-year date handed to `parse_date` in a shape it reads ("14-MAY-91"), so the
/// century rule stays in one place.
fn yymmdd(yy: &str, mm: &str, dd: &str) -> Option<crate::article::ArticleDate> {
    let month = MONTHS.get(mm.parse::<usize>().ok()?.checked_sub(1)?)?;
    date::parse_date(&format!("{dd}-{month}-{yy}"))
}

fn date_from_docno(docno: &str) -> Option<crate::article::ArticleDate> {
    let letters = docno.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (prefix, rest) = docno.split_at(letters);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 6 {
        return None;
    }
    let d = &rest[..6];
    match prefix.to_ascii_uppercase().as_str() {
        "AP" | "WSJ" | "FR" => yymmdd(&d[..2], &d[2..4], &d[4..]),
        "LA" => yymmdd(&d[4..], &d[..2], &d[2..4]),
        _ => None,
    }
}

/// Markup inside a TEXT: block tags become paragraph breaks, other tags disappear.
/// Entities are left for the caller, so an escaped `&lt;b&gt;` stays text.
fn strip_markup(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut at = 0;
    for t in scan::tags(raw, None) {
        out.push_str(raw.get(at..t.start).unwrap_or(""));
        if BLOCK_TAGS.iter().any(|b| t.is(b)) {
            out.push_str("\n\n");
        }
        at = t.end;
    }
    out.push_str(raw.get(at..).unwrap_or(""));
    out
}
