//! The byline of an HTML page: JSON-LD authors, then author `<meta>` tags, then the
//! visible byline elements (microdata, `rel=author`, `byline` and `author` classes and
//! their names in other languages), then a "By" followed by linked names near the
//! headline, then a line just below the headline that reads as a byline by the plain-text
//! rules (`Von X | Veröffentlicht am …`, `Door X`).

use trafilatura::dom::{Document, NodeId};

use super::clean::person_name;
use super::jsonld::JsonLd;
use super::layout::{field_lines, in_furniture, Layout};
use super::tags::MetaTags;
use crate::extract::boilerplate::is_boilerplate;
use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::markup::decode_entities;

pub(super) fn authors(
    doc: &Document,
    tags: &MetaTags,
    ld: &JsonLd,
    layout: &Layout,
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
    // Microdata: the names inside the first author element (`By <span itemprop=name>A</span>
    // and <span itemprop=name>B</span>`), all of them.
    if let Some(&author) = doc
        .query_selector_all(doc.root(), "[itemprop~=author]")
        .first()
    {
        let names: Vec<String> = doc
            .query_selector_all(author, "[itemprop~=name]")
            .into_iter()
            .filter_map(|id| byline_text(doc, id))
            .collect();
        let names = dedup(names);
        if names.len() >= 2 {
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
        "[class*=authorname]",
        // An author's card or box under the story (blog platforms): its name.
        "[class*=author-card] [class*=name]",
        "[class*=author-box] [class*=name]",
        "[class*=author-bio] [class*=name]",
        "[class~=author]",
        // The author's class in other languages: Spanish, Portuguese and German `autor`,
        // Italian `autore` and `firma`, French `auteur`, Spanish `firma`.
        "[class~=autor]",
        "[class~=autore]",
        "[class~=auteur]",
        "[class~=firma]",
    ] {
        // A byline inside a link is another story's (a card of related reading).
        let found = doc
            .query_selector_all(doc.root(), sel)
            .into_iter()
            .filter(|&id| !in_link(doc, id) || sel == "a[rel~=author]")
            .take(5)
            .find_map(|id| byline_text(doc, id).map(|b| (id, b)));
        if let Some((id, b)) = found {
            let names = sibling_names(doc, id, sel);
            if names.len() >= 2 {
                return (Some(join_names(&names)), names);
            }
            return (Some(b), Vec::new());
        }
    }
    let found = linked_byline(doc, layout)
        .or_else(|| header_byline(doc, layout))
        .or_else(|| class_word_byline(doc, layout));
    (found, Vec::new())
}

/// Most separator characters a byline may hold per name beside the names themselves
/// (`By `, `, `, ` and `, ` und `).
const SEPARATOR_CHARS: usize = 6;

/// The names of `id` and of the elements beside it that match `sel` with the same class,
/// when their parent holds only them and the words between names (`By <a
/// class=author>A</a>, <a class=author>B</a> and <a class=author>C</a>`): the whole
/// byline, where `id` is its first name only. Links marked `rel=author` name authors
/// whatever stands between them (`<a rel=author>A</a> (now) and <a rel=author>B</a>`).
fn sibling_names(doc: &Document, id: NodeId, sel: &str) -> Vec<String> {
    let Some(parent) = doc.parent(id) else {
        return Vec::new();
    };
    let rel = sel == "a[rel~=author]";
    let class = doc.class_name(id);
    let names = dedup(
        doc.query_selector_all(parent, sel)
            .into_iter()
            .filter(|&n| doc.parent(n) == Some(parent) && (rel || doc.class_name(n) == class))
            .filter_map(|n| byline_text(doc, n))
            .collect(),
    );
    let named: usize = names.iter().map(|n| n.chars().count()).sum();
    let text = squash_spaces(&doc.text_content(parent));
    let whole = text.chars().count();
    if !rel
        && whole > named + SEPARATOR_CHARS * (names.len() + 1)
        && !joined_after_label(&text, &names)
    {
        return Vec::new();
    }
    names
}

/// Whether `text` is `names` in order, joined by commas or a word for "and", after a
/// label of a few words (`By regional affairs reporter Tom Carrick and Mia Pham`).
fn joined_after_label(text: &str, names: &[String]) -> bool {
    let mut rest = text;
    for (i, name) in names.iter().enumerate() {
        let Some(at) = rest.find(name.as_str()) else {
            return false;
        };
        let between = rest[..at].trim().trim_end_matches(',');
        let ok = if i == 0 {
            between.split_whitespace().count() <= LABEL_WORDS
        } else {
            between.is_empty() || AND_WORDS.contains(&between.to_lowercase().as_str())
        };
        if !ok {
            return false;
        }
        rest = &rest[at + name.len()..];
    }
    rest.trim().chars().count() <= SEPARATOR_CHARS
}

/// Most words of the label before a byline's first name.
const LABEL_WORDS: usize = 5;

/// Words joining a byline's last two names: English, German, French, Spanish,
/// Portuguese and Italian, Dutch, Scandinavian.
const AND_WORDS: [&str; 10] = ["and", "&", "und", "et", "y", "e", "en", "og", "och", "i"];

/// Words of a class or id that name a byline's element, once the name is cut at its
/// punctuation and lower-cased: generated and module class names carry them among other
/// words (`gnt_ar_by`, `Byline_root__Cq9m3`, `nota__autor`, `article__author`).
const BYLINE_CLASS_WORDS: &[&str] = &[
    "by",
    "byline",
    "author",
    "authors",
    "autor",
    "autores",
    "autore",
    "auteur",
    "auteurs",
    "firma",
    "authorname",
    // Hungarian, Turkish, Danish and Norwegian, Swedish.
    "szerzo",
    "yazar",
    "forfatter",
    "forfattare",
];

/// The nearest element to the headline (below it first) whose class or id holds a word of
/// [`BYLINE_CLASS_WORDS`], outside page furniture, that holds a name.
fn class_word_byline(doc: &Document, layout: &Layout) -> Option<String> {
    // Also a test id naming it (`data-testid="authorName"`, where the classes are hashes).
    let marked = |id: NodeId| {
        let test_id = doc
            .get_attribute(id, "data-testid")
            .unwrap_or_default()
            .to_lowercase();
        format!("{} {}", doc.class_name(id), doc.id_attr(id))
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| BYLINE_CLASS_WORDS.contains(&w))
            || ["authorname", "author-name", "author_name", "byline"].contains(&test_id.as_str())
    };
    let mut found: Vec<((bool, usize), NodeId)> = doc
        .iter(doc.root(), &[])
        .into_iter()
        .filter(|&id| {
            doc.is_element(id) && marked(id) && !in_furniture(doc, id) && !in_link(doc, id)
        })
        .map(|id| (layout.rank(id), id))
        .collect();
    found.sort_by_key(|f| f.0);
    found.into_iter().find_map(|(_, id)| byline_text(doc, id))
}

/// Whether `id` is inside a link (`<a href>`) but not the link itself.
fn in_link(doc: &Document, id: NodeId) -> bool {
    let mut cur = doc.parent(id);
    while let Some(n) = cur {
        if doc.tag_name(n) == "a" && doc.get_attribute(n, "href").is_some() {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}

/// Elements after the headline searched for a byline line.
const HEADER_ELEMENTS: usize = 40;

/// A line just below the headline that reads as a byline by the plain-text rules (`Von
/// Katharina Möller | Veröffentlicht am …`, `Door Pieter de Vries`): the first line of an
/// element that owns text, outside page furniture; the nearest one.
fn header_byline(doc: &Document, layout: &Layout) -> Option<String> {
    // Document order after the headline is nearest first.
    doc.iter(doc.root(), &[])
        .into_iter()
        .filter(|&id| doc.is_element(id))
        .filter(|&id| matches!(layout.rank(id), (false, d) if (1..=HEADER_ELEMENTS).contains(&d)))
        .filter(|&id| owns_line(doc, id))
        .filter(|&id| !in_furniture(doc, id) && !in_link(doc, id))
        .find_map(|id| {
            // Inline elements parted (`<span>door <a>Jeroen Wildschut</a></span><span>vrijdag
            // 8 maart 2024</span>`), as the style sheet shows them.
            let lines = field_lines(doc, id);
            let first = lines.iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
            crate::extract::text::marked_byline(&squash_spaces(&decode_entities(first)))
        })
}

/// Inline elements a line of text is made of.
const INLINE: &[&str] = &["span", "a", "b", "strong", "em", "i", "time", "small"];

/// Whether an element holds a line of its own: it owns text, or is made of two inline
/// elements or more (`<div><span>Texto</span> <a>Joana Silva</a></div>`).
fn owns_line(doc: &Document, id: NodeId) -> bool {
    let children = doc.child_nodes(id);
    let owns = children
        .iter()
        .any(|&c| doc.is_text(c) && !doc.text_content(c).trim().is_empty());
    let elements: Vec<NodeId> = children
        .into_iter()
        .filter(|&c| doc.is_element(c))
        .collect();
    owns || (elements.len() >= 2 && elements.iter().all(|&c| INLINE.contains(&doc.tag_name(c))))
}

/// The name in a byline element: its first line (block boundaries and `<br>` end lines),
/// without "By", dates or "Updated"; with the agency when that is the next line
/// ("By A and B" / "Associated Press").
fn byline_text(doc: &Document, id: NodeId) -> Option<String> {
    let lines = match doc.get_attribute(id, "content") {
        Some(c) => c.lines().map(str::to_string).collect(),
        None => field_lines(doc, id),
    };
    let mut lines = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    let mut first = lines.next()?;
    // `<div>Por</div> <a>Diego Hernández</a>`: the label on a line of its own.
    if byline::normalize(first).is_none() {
        first = lines.next()?;
    }
    // `Ein Artikel von …`: the phrase saying whose piece this is goes.
    let first = crate::extract::text::without_lead_phrase(first);
    // The name before a separator; an outlet after a spaced slash (`Callum Dwyer / NCA
    // NewsWire`).
    let name = first.split(['|', '•', '·']).next()?;
    let name = name.split(" / ").next()?;
    // A place after the name (`Tomasz Lindqvist at the Quayside Ground`, `Jane Doe in
    // Kyiv`).
    let name = [" at ", " in "]
        .iter()
        .fold(name, |n, sep| n.split(sep).next().unwrap_or(n));
    // A place after a comma (`Andrea Keller, Zürich`): one word, where a name has two;
    // an outlet (`…, Meridian Wire Service`).
    let name = match name.rsplit_once(", ") {
        Some((head, place)) if !place.trim().contains(' ') && !byline::is_agency(place) => head,
        Some((head, outlet)) if byline::is_outlet(outlet) => head,
        _ => name,
    };
    let mut line = name.to_string();
    if let Some(next) = lines.next() {
        if !first.contains(['|', '•', '·']) && byline::is_agency(next) {
            line = format!("{}, {next}", line.trim_end().trim_end_matches(','));
        }
    }
    let line = squash_spaces(&decode_entities(&line));
    // `View all posts by editor_jane`, `More from Jane Doe`: a link's label, no byline.
    let lower = line.to_lowercase();
    // `About the author`, `Über den Autor`: the heading of an author's box.
    let heading = ["author", "autor", "auteur"]
        .iter()
        .any(|w| lower.contains(w));
    let linked_label = lower
        .split_once(" by ")
        .is_some_and(|(head, _)| !byline::is_credit_label(head));
    if linked_label || lower.starts_with("more ") || lower.starts_with("all ") || heading {
        return None;
    }
    plausible_name(&line)
}

/// `line` as a byline, when it reads like one: a capitalised name of up to eight words,
/// no digits, no boilerplate.
fn plausible_name(line: &str) -> Option<String> {
    let name = person_name(line)?;
    let words = name.split_whitespace().count();
    if words > 8 || name.chars().any(|c| c.is_ascii_digit()) || is_boilerplate(&name) {
        return None;
    }
    if !name.chars().next()?.is_uppercase() {
        return None;
    }
    Some(name)
}

/// "By <a>Name</a>", or "By <a>A</a> and <a>B</a>", opening a block of its own (no
/// "Photo by"); the one nearest the headline, outside page furniture.
fn linked_byline(doc: &Document, layout: &Layout) -> Option<String> {
    let mut parents: Vec<NodeId> = doc
        .query_selector_all(doc.root(), "a")
        .into_iter()
        .filter_map(|a| doc.parent(a))
        .collect();
    parents.dedup();
    parents
        .into_iter()
        .filter_map(|p| {
            let (first_link, names) = names_after_by(doc, p)?;
            Some((layout.rank(first_link), first_link, names))
        })
        .filter(|(_, link, _)| !in_furniture(doc, *link))
        .min_by_key(|(rank, _, _)| *rank)
        .map(|(_, _, names)| join_names(&names))
}

/// In the children of `parent`: a text "By" (only whitespace before it) followed by links
/// to names, separated by "," or "and"; the first link and the names.
fn names_after_by(doc: &Document, parent: NodeId) -> Option<(NodeId, Vec<String>)> {
    let mut nodes = doc
        .child_nodes(parent)
        .into_iter()
        .filter(|&n| doc.is_element(n) || doc.is_text(n))
        .filter(|&n| !(doc.is_text(n) && doc.text_content(n).trim().is_empty()));
    let by = nodes.next()?;
    let by_text = doc.text_content(by);
    if !doc.is_text(by) || !matches!(by_text.trim().to_lowercase().as_str(), "by" | "by:") {
        return None;
    }
    let mut first = None;
    let mut names = Vec::new();
    for n in nodes {
        if doc.is_text(n) {
            let sep = doc.text_content(n).trim().to_lowercase();
            if matches!(sep.as_str(), "," | "and" | "&" | ", and") {
                continue;
            }
            break;
        }
        if doc.tag_name(n) != "a" {
            break;
        }
        names.push(plausible_name(&squash_spaces(&doc.text_content(n)))?);
        first.get_or_insert(n);
    }
    Some((first?, dedup(names)))
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
