//! Reuters-21578 records: `<REUTERS NEWID="n">` with `<DATE>`, and `<TEXT>` holding
//! `<TITLE>`, `<AUTHOR>`, `<DATELINE>` and `<BODY>`.
//!
//! Decisions, each from the real collection:
//! - The dateline ("SALVADOR, Feb 26 -") opens the body, as printed; it never becomes the
//!   title.
//! - The sign-off ("Reuter", "REUTER", "REUTER...", a literal "^M", a mangled "3;" left
//!   of `&#3;`) is dropped from the end of the body.
//! - `TYPE="BRIEF"` records are a title and the collection's placeholder "Blah blah
//!   blah.": the title is kept, the body is empty.
//! - A record with a `<BODY>` but no `<TITLE>` has no title: its first line is the
//!   dateline and lead sentence, not a headline.
//! - `TYPE="UNPROC"` records have no `<TITLE>`: their first line is a headline
//!   ("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26") and becomes the title; the rest (mostly
//!   tables, one row per paragraph) is the body.
//! - `<DATE>` is read with `date::parse_date` as written (trailing `&#5;&#5;&#5;RM` and
//!   double spaces included); a value it cannot read is reported as a problem.

use super::paragraphs::{reflow, with_dateline};
use super::record::Read;
use super::scan::{self, Kind, Scope, Tag};
use crate::article::Fields;
use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::date;
use crate::extract::markup::decode_entities;

/// Every element of the collection's DTD that can appear in a record, so that an element
/// missing its end tag stops at the next one.
pub const KNOWN: &[&str] = &[
    "REUTERS",
    "DATE",
    "MKNOTE",
    "TOPICS",
    "PLACES",
    "PEOPLE",
    "ORGS",
    "EXCHANGES",
    "COMPANIES",
    "UNKNOWN",
    "D",
    "TEXT",
    "TITLE",
    "AUTHOR",
    "DATELINE",
    "BODY",
];

/// An UNPROC first line longer than this is text, not a headline.
const MAX_TITLE_CHARS: usize = 200;

/// The placeholder the collection puts in place of a BRIEF story's text.
const PLACEHOLDER: &str = "Blah blah blah.";

pub fn read<'a>(scope: &Scope<'_, 'a>, open: &Tag<'a>, notes: &mut Vec<String>) -> Read {
    let newid = scan::attr(open.attrs, "NEWID")
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if newid.is_none() {
        notes.push("no NEWID; keyed by position".into());
    }
    let mut fields = Fields {
        source_id: newid.map(String::from),
        date: read_date(scope, notes),
        ..Default::default()
    };
    let Some(text) = scope.first("TEXT", Kind::Container) else {
        notes.push("no <TEXT>".into());
        return Read {
            fields,
            key: newid.map(|n| format!("NEWID={n}")),
        };
    };
    let inside = scope.inside(&text);
    let title = inside.first("TITLE", Kind::Leaf);
    let author = inside.first("AUTHOR", Kind::Leaf);
    let dateline = inside.first("DATELINE", Kind::Leaf);
    fields.title = title
        .as_ref()
        .map(|e| squash_spaces(&decode_entities(e.inner)))
        .filter(|t| !t.is_empty());
    fields.byline = author
        .as_ref()
        .and_then(|e| byline::normalize(&decode_entities(e.inner)));
    fields.authors = fields.byline.as_deref().map(authors).unwrap_or_default();
    let body = match inside.first("BODY", Kind::Leaf) {
        Some(b) => body_text(&decode_entities(b.inner)),
        None => {
            // BRIEF and UNPROC: the text is whatever TEXT holds besides its known parts.
            let cut = [&title, &author, &dateline]
                .into_iter()
                .flatten()
                .map(|e| e.outer.clone())
                .collect();
            let rest = without(scope.text, text.content.clone(), cut);
            let want_title = fields.title.is_none();
            let (first_line, body) = loose_text(&decode_entities(&rest), want_title);
            if want_title {
                fields.title = first_line;
            }
            body
        }
    };
    let dateline = dateline.map(|e| decode_entities(e.inner).into_owned());
    fields.body = with_dateline(dateline.as_deref(), body);
    Read {
        fields,
        key: newid.map(|n| format!("NEWID={n}")),
    }
}

/// `byline::names`, with the agency split off where the comma before it is missing
/// ("By Brad Schade Reuters").
fn authors(byline: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in byline::names(byline) {
        let split = name
            .rsplit_once(' ')
            .filter(|(person, agency)| !person.trim().is_empty() && is_signoff(agency));
        let parts = match split {
            Some((person, agency)) => vec![person.trim().to_string(), agency.to_string()],
            None => vec![name],
        };
        for p in parts {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

fn read_date(scope: &Scope, notes: &mut Vec<String>) -> Option<crate::article::ArticleDate> {
    let e = scope.first("DATE", Kind::Leaf)?;
    // As written first: parse_date skips the `&#5;&#5;&#5;RM` tail, which decoded would
    // run into the seconds ("26.14RM").
    let found = date::parse_date(e.inner).or_else(|| date::parse_date(&decode_entities(e.inner)));
    if found.is_none() {
        let shown: String = squash_spaces(&decode_entities(e.inner))
            .chars()
            .take(60)
            .collect();
        if !shown.is_empty() {
            notes.push(format!("date {shown:?} not understood"));
        }
    }
    found
}

/// `text[range]` with the `cut` ranges left out.
fn without(
    text: &str,
    range: std::ops::Range<usize>,
    mut cut: Vec<std::ops::Range<usize>>,
) -> String {
    cut.sort_by_key(|r| r.start);
    let mut out = String::new();
    let mut at = range.start;
    for r in cut {
        if r.start >= at && r.end <= range.end {
            out.push_str(text.get(at..r.start).unwrap_or(""));
            at = r.end;
        }
    }
    out.push_str(text.get(at..range.end).unwrap_or(""));
    out
}

/// A `<BODY>`: the sign-off dropped, paragraphs rebuilt.
fn body_text(decoded: &str) -> String {
    let mut lines: Vec<&str> = decoded.lines().collect();
    drop_signoff(&mut lines);
    reflow(&lines.join("\n"))
}

/// TEXT without BODY: the placeholder and the asterisks of flash headlines removed; the
/// first line returned separately when `want_title` (and short enough to be a headline).
fn loose_text(decoded: &str, want_title: bool) -> (Option<String>, String) {
    let mut lines: Vec<&str> = decoded
        .lines()
        .map(|l| l.trim_start_matches('*'))
        .filter(|l| l.trim() != PLACEHOLDER)
        .collect();
    drop_signoff(&mut lines);
    // A mangled `&#2;` leaves "2;" where the text starts.
    let mut start = 0;
    while lines
        .get(start)
        .is_some_and(|l| l.trim().is_empty() || l.trim() == "2;")
    {
        start += 1;
    }
    let mut lines = lines.split_off(start.min(lines.len()));
    let mut title = None;
    if want_title {
        if let Some(first) = lines.first() {
            let t = squash_spaces(first);
            if t.chars().count() <= MAX_TITLE_CHARS {
                title = Some(t);
                lines.remove(0);
            }
        }
    }
    (title, reflow(&lines.join("\n")))
}

/// Removes trailing blank lines, the "Reuter" sign-off in its spellings, and the "3;" a
/// mangled `&#3;` leaves behind.
fn drop_signoff(lines: &mut Vec<&str>) {
    while let Some(last) = lines.last() {
        let t = last.trim();
        if t.is_empty() || t == "3;" || is_signoff(t) {
            lines.pop();
        } else {
            break;
        }
    }
    // "...a tenth of an ounce. REUTER": the sign-off on the last line of text.
    if let Some(last) = lines.last_mut() {
        let t = last.trim_end();
        if let Some(i) = t.rfind(' ') {
            let before = t[..i].trim_end();
            if is_signoff(&t[i + 1..]) && before.ends_with(['.', '!', '?', '"']) {
                *last = before;
            }
        }
    }
}

fn is_signoff(word: &str) -> bool {
    let w = word.trim_end_matches("^M").trim_end_matches('.');
    w.eq_ignore_ascii_case("reuter") || w.eq_ignore_ascii_case("reuters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_from_the_byline() {
        assert_eq!(authors("Ana Ruiz Reuters"), ["Ana Ruiz", "Reuters"]);
        assert_eq!(
            authors("Ana Ruiz and Li Wei, Reuter"),
            ["Ana Ruiz", "Li Wei", "Reuter"]
        );
        assert_eq!(authors("Reuters"), ["Reuters"]);
    }
}
