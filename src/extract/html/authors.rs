//! The byline of an HTML page: JSON-LD authors, then author `<meta>` tags, then the
//! visible byline elements (microdata, `rel=author`, `byline` and `author` classes).

use trafilatura::dom::{Document, NodeId};

use super::jsonld::JsonLd;
use super::meta::{person_name, MetaTags};
use crate::extract::markup::decode_entities;
use crate::extract::{byline, is_boilerplate, squash_spaces};

pub(super) fn authors(
    doc: &Document,
    tags: &MetaTags,
    ld: &JsonLd,
) -> (Option<String>, Vec<String>) {
    // JSON-LD authors are often a whole byline ("A and B, Associated Press"): split like one.
    if !ld.authors.is_empty() {
        let names = ld.authors.iter().flat_map(|a| byline::names(a)).collect();
        return (Some(join_names(&ld.authors)), dedup(names));
    }
    for key in [
        "author",
        "article:author",
        "og:article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "twitter:creator",
    ] {
        let names: Vec<String> = tags.all(key).filter_map(person_name).collect();
        let mut names = dedup(names);
        if key == "twitter:creator" {
            names.retain(|n| !n.starts_with('@'));
        }
        if !names.is_empty() {
            if names.len() == 1 {
                return (Some(names[0].clone()), Vec::new());
            }
            let split = names.iter().flat_map(|a| byline::names(a)).collect();
            return (Some(join_names(&names)), dedup(split));
        }
    }
    for sel in [
        "[itemprop~=author] [itemprop~=name]",
        "[itemprop~=author]",
        "a[rel~=author]",
        "[class*=byline] [class*=author]",
        "[class*=byline]",
        "[class*=author-name]",
        "[class~=author]",
    ] {
        for id in doc.query_selector_all(doc.root(), sel).into_iter().take(5) {
            if let Some(b) = byline_text(doc, id) {
                return (Some(b), Vec::new());
            }
        }
    }
    (None, Vec::new())
}

/// The name in a byline element: its first line, without "By", dates or "Updated".
fn byline_text(doc: &Document, id: NodeId) -> Option<String> {
    let raw = doc
        .get_attribute(id, "content")
        .unwrap_or_else(|| doc.text_content(id));
    let line = raw
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())?
        .split(['|', '•', '·'])
        .next()?
        .to_string();
    let line = squash_spaces(&decode_entities(&line));
    let name = person_name(&line)?;
    let words = name.split_whitespace().count();
    if words > 8 || name.chars().any(|c| c.is_ascii_digit()) || is_boilerplate(&name) {
        return None;
    }
    if !name.chars().next()?.is_uppercase() {
        return None;
    }
    Some(name)
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
    out
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
