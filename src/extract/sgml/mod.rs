//! SGML news collections: Reuters-21578 (`<REUTERS NEWID=..>` records, see `reuters`) and
//! TREC (`<DOC><DOCNO>` records, see `trec`). This module owns telling the two apart, the
//! record loop shared by both (keys, problems, text outside records). The readers of each
//! collection never import this module: what they share is in `record` (what a reader
//! returns) and `paragraphs` (hard-wrapped, space-indented wire copy into paragraphs).
//!
//! Neither collection is XML (no root element, SGML entities, end tags missing in damaged
//! copies), so `scan` reads them with a small tolerant scanner instead of an XML parser.
//! A file is one kind or the other, decided by its first record tag.

mod paragraphs;
mod record;
mod reuters;
mod scan;
mod trec;

use std::collections::{HashMap, HashSet};

use crate::article::Record;
use crate::extract::extracted::Extracted;
use record::Read;

/// Reads every record of a Reuters-21578 or TREC SGML file.
pub fn extract(text: &str) -> Extracted {
    let first = scan::tags(text, Some(&["REUTERS", "DOC"])).find(|t| !t.close);
    let Some(first) = first else {
        return Extracted {
            problems: vec!["no <REUTERS> or <DOC> records found".into()],
            ..Default::default()
        };
    };
    if first.is("REUTERS") {
        read_records(text, &Collection::REUTERS)
    } else {
        read_records(text, &Collection::TREC)
    }
}

/// What differs between the collections in the record loop.
struct Collection {
    record: &'static str,
    known: &'static [&'static str],
    detail: &'static str,
    read: for<'a> fn(&scan::Scope<'_, 'a>, &scan::Tag<'a>, &mut Vec<String>) -> Read,
}

impl Collection {
    const REUTERS: Collection = Collection {
        record: "REUTERS",
        known: reuters::KNOWN,
        detail: "reuters-sgml",
        read: reuters::read,
    };
    const TREC: Collection = Collection {
        record: "DOC",
        known: trec::KNOWN,
        detail: "trec-sgml",
        read: trec::read,
    };
}

fn read_records(text: &str, c: &Collection) -> Extracted {
    let tags: Vec<scan::Tag> = scan::tags(text, Some(c.known)).collect();
    let (spans, stray) = scan::split_records(text, &tags, c.record);
    let mut out = Extracted {
        detail: Some(c.detail),
        ..Default::default()
    };
    let mut seen = HashSet::new();
    let mut repeats: HashMap<String, usize> = HashMap::new();
    for (i, span) in spans.iter().enumerate() {
        let n = i + 1;
        let mut notes = Vec::new();
        if !span.closed {
            notes.push(format!("no closing </{}>", c.record));
        }
        let scope = scan::Scope::record(text, &tags, span);
        let read = (c.read)(&scope, &tags[span.open], &mut notes);
        let shown = match &read.key {
            Some(k) => format!(" ({})", k.chars().take(40).collect::<String>()),
            None => String::new(),
        };
        // Keys must be unique within the file, or two records would share a document id.
        // `repeats` remembers the last suffix per key, so a file repeating one id
        // thousands of times stays linear.
        let mut key = read.key.unwrap_or_else(|| format!("record {n}"));
        if !seen.insert(key.clone()) {
            notes.push(format!("{key} repeated"));
            let k = repeats.entry(key.clone()).or_insert(1);
            loop {
                *k += 1;
                let candidate = format!("{key}#{k}");
                if seen.insert(candidate.clone()) {
                    key = candidate;
                    break;
                }
            }
        }
        out.problems
            .extend(notes.into_iter().map(|p| format!("record {n}{shown}: {p}")));
        out.records.push(Record {
            key,
            fields: read.fields,
            language: None,
        });
    }
    if stray > 0 {
        out.problems.push(format!(
            "{stray} stretch(es) of text outside <{}> records ignored",
            c.record
        ));
    }
    out
}

#[cfg(test)]
mod tests;
