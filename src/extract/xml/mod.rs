//! Newswire XML: NITF, NewsML-G2, NewsML 1.x, and the feeds agencies and CMSs deliver
//! articles in (Atom, RSS, WordPress WXR, Ritzau `RBNews`).
//!
//! The file is parsed into a forgiving tree (`extract::dom`): a malformed file yields what
//! could be read, with the parse errors in `problems`. The root element decides the
//! dialect, which lists its items (`nitf`, `newsml`, `feeds`, each handing back an
//! `item::Item` and never importing this module); every item then goes through the same
//! finishing (`extract::prose::finish`): text repaired, byline from the body when the metadata has
//! none, a lead-sentence title when there is no headline. Items that are not articles
//! (pictures, packages of links, WordPress attachments) are skipped and listed in
//! `problems`. A file with several items gives one record each, keyed by the item's own
//! id (guid, NewsID, Atom id) or, lacking one, its position; a single-item file keeps the
//! empty key. Unknown vocabularies fall back to the first title-like element and the
//! document's text.

pub mod feeds;
mod item;
pub mod newsml;
pub mod nitf;

use crate::article::{Fields, Record};
use crate::extract::date::date_of;
use crate::extract::dom::{self, Element};
use crate::extract::extracted::Extracted;
use crate::extract::{prose, text};

pub use item::Item;

pub fn extract(xml: &str) -> Extracted {
    let doc = dom::parse(xml);
    let mut out = Extracted {
        problems: doc.problems,
        ..Default::default()
    };
    let root = &doc.root;
    let Some(top) = root.elements().next() else {
        // A declaration over plain text (a text renderer's dump of an XHTML page, given
        // `--format xml`): the text reader reads it.
        let fields = text::extract(&root.text_raw());
        if !fields.body.trim().is_empty() {
            out.problems
                .push("no XML elements found; read as text".into());
            out.records = records(vec![Item { id: None, fields }]);
        }
        return out;
    };
    let (detail, items, skipped) = dialect(root, top);
    out.detail = Some(detail);
    let found = items.len() + skipped.len();
    out.not_text.extend(summarise_skipped(&skipped, found));
    out.records = records(items);
    out
}

/// Picks the dialect from the root element and lists its items.
fn dialect(root: &Element, top: &Element) -> (&'static str, Vec<Item>, Vec<String>) {
    let name = top.local().to_ascii_lowercase();
    match name.as_str() {
        "nitf" => (
            "nitf",
            root.find_all("nitf").into_iter().map(nitf::item).collect(),
            vec![],
        ),
        "newsml" => ("newsml-1", newsml::v1_items(root), vec![]),
        // A bare G2 item has itemMeta/contentMeta; a 1.x NewsItem has NewsComponent.
        "newsitem"
            if top.child("NewsComponent").is_some() || top.child("Identification").is_some() =>
        {
            ("newsml-1", newsml::v1_items(root), vec![])
        }
        "newsmessage" | "newsitem" | "packageitem" => {
            let (items, skipped) = newsml::g2_items(root);
            ("newsml-g2", items, skipped)
        }
        "feed" => ("atom", feeds::atom_items(root), vec![]),
        "rss" | "rdf" => {
            let wxr = top
                .find_where(&|e| e.name.to_ascii_lowercase().starts_with("wp:"))
                .is_some();
            let (items, skipped) = feeds::rss_items(root, wxr);
            (if wxr { "wxr" } else { "rss" }, items, skipped)
        }
        "rbnews" | "xmlnewsqueuedresponse" => ("ritzau", feeds::ritzau_items(root), vec![]),
        _ => {
            // Wrappers we do not know may still hold a known vocabulary.
            if root.find("nitf").is_some() {
                (
                    "nitf",
                    root.find_all("nitf").into_iter().map(nitf::item).collect(),
                    vec![],
                )
            } else if root.find("RBNews").is_some() {
                ("ritzau", feeds::ritzau_items(root), vec![])
            } else {
                ("xml", vec![generic(root)], vec![])
            }
        }
    }
}

/// Any other XML: the first title-like element, the first date-like element, and the
/// text of the first body-like element (or of the whole document).
fn generic(root: &Element) -> Item {
    let first = |names: &[&str]| names.iter().find_map(|n| root.find(n));
    let title =
        first(&["title", "headline", "hl1", "head_line", "subject"]).and_then(Element::text_opt);
    let date = [
        "date",
        "pubDate",
        "published",
        "dateline",
        "created",
        "updated",
        "timestamp",
    ]
    .iter()
    .find_map(|n| root.find(n).and_then(|d| date_of(&d.text())));
    let body = first(&["body", "content", "text", "story", "article", "description"])
        .map(prose::element_body)
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| {
            let all = prose::element_body(root);
            match &title {
                Some(t) => all
                    .strip_prefix(t.as_str())
                    .map_or(all.clone(), |r| r.trim_start().to_string()),
                None => all,
            }
        });
    Item {
        id: None,
        fields: Fields {
            title,
            date,
            byline: first(&["byline", "author", "creator"]).and_then(Element::text_opt),
            body,
            ..Default::default()
        },
    }
}

/// "2 of 3 item(s): picture item (not text)" rather than one line per item.
fn summarise_skipped(skipped: &[String], found: usize) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in skipped {
        match counts.iter_mut().find(|(k, _)| *k == s.as_str()) {
            Some((_, n)) => *n += 1,
            None => counts.push((s.as_str(), 1)),
        }
    }
    counts
        .into_iter()
        .map(|(what, n)| format!("{n} of {found} item(s): {what}"))
        .collect()
}

/// Finished records with stable, unique keys: "" for a single item, else the item's id,
/// else its 1-based position; a repeated id gets "#2", "#3" in document order.
fn records(items: Vec<Item>) -> Vec<Record> {
    let single = items.len() == 1;
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    items
        .into_iter()
        .enumerate()
        .map(|(i, mut item)| {
            prose::finish(&mut item.fields);
            let mut key = if single {
                String::new()
            } else {
                item.id.clone().unwrap_or_else(|| (i + 1).to_string())
            };
            let base = key.clone();
            let mut n = 1;
            while seen.contains(&key) {
                n += 1;
                key = format!("{base}#{n}");
            }
            seen.insert(key.clone());
            Record {
                key,
                fields: item.fields,
                language: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(xml: &str) -> Fields {
        let out = extract(xml);
        assert_eq!(out.records.len(), 1, "{:?}", out);
        out.records[0].fields.clone()
    }

    #[test]
    fn dialects_are_named() {
        let cases = [
            ("<nitf><body><body.content><p>x</p></body.content></body></nitf>", "nitf"),
            ("<newsMessage><itemSet><newsItem guid=\"a\"/></itemSet></newsMessage>", "newsml-g2"),
            ("<newsItem guid=\"a\"><contentMeta/></newsItem>", "newsml-g2"),
            ("<NewsItem><NewsComponent/></NewsItem>", "newsml-1"),
            ("<NewsML><NewsItem/></NewsML>", "newsml-1"),
            ("<feed><entry><title>t</title></entry></feed>", "atom"),
            ("<rss><channel><item><title>t</title></item></channel></rss>", "rss"),
            ("<rss xmlns:wp=\"w\"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>t</title></item></channel></rss>", "wxr"),
            ("<RBNews><NewsID>1</NewsID></RBNews>", "ritzau"),
            ("<story><title>t</title><body>b</body></story>", "xml"),
        ];
        for (xml, want) in cases {
            assert_eq!(extract(xml).detail, Some(want), "{xml}");
        }
    }

    #[test]
    fn multi_item_feeds_key_records_by_id_or_position() {
        let out = extract(
            "<rss><channel><item><title>A</title><guid>g1</guid><description>a</description></item>\
             <item><title>B</title><description>b</description></item>\
             <item><title>C</title><guid>g1</guid><description>c</description></item></channel></rss>",
        );
        let keys: Vec<&str> = out.records.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["g1", "2", "g1#2"]);
        assert_eq!(out.records[0].fields.source_id.as_deref(), Some("g1"));
    }

    #[test]
    fn single_item_has_empty_key_and_skips_are_reported() {
        let out = extract(
            "<newsMessage><itemSet><newsItem guid=\"p\"><itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta></newsItem>\
             <newsItem guid=\"t\"><contentMeta><headline>H</headline></contentMeta><contentSet><inlineData>Body.</inlineData></contentSet></newsItem>\
             </itemSet></newsMessage>",
        );
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].key, "");
        assert_eq!(out.records[0].fields.source_id.as_deref(), Some("t"));
        assert!(
            out.not_text.iter().any(|p| p.contains("picture")),
            "{:?}",
            out.not_text
        );
        assert!(out.problems.is_empty(), "{:?}", out.problems);
    }

    #[test]
    fn declaration_over_plain_text_is_read_as_text() {
        let out = extract(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\nHarbour ferry returns after winter repairs\n\
             March 3, 2014\n\nThe ferry that links the two quays sailed again on Monday after four \
             months in dry dock, the harbour board said.\n\nRepairs to its hull cost more than \
             planned, and the board will ask the council to share the bill.\n",
        );
        assert_eq!(out.records.len(), 1, "{out:?}");
        let f = &out.records[0].fields;
        assert_eq!(
            f.title.as_deref(),
            Some("Harbour ferry returns after winter repairs")
        );
        assert!(f.date.is_some(), "{f:?}");
        assert!(f.body.starts_with("The ferry"), "{}", f.body);
        assert!(out.problems.iter().any(|p| p.contains("read as text")));
    }

    #[test]
    fn wire_noise_is_removed() {
        let f = one("<nitf><body><body.head><hedline><hl1>Cranes\u{1} return&#3;</hl1></hedline></body.head>\
                     <body.content><p>Text\u{2} with &#5;controls&nbsp;and&nbsp;nbsp.</p></body.content></body></nitf>");
        assert_eq!(f.title.as_deref(), Some("Cranes return"));
        assert_eq!(f.body, "Text with controls and nbsp.");
    }

    #[test]
    fn malformed_xml_keeps_what_was_read() {
        let out = extract("<nitf><body><body.head><hedline><hl1>Kept title</hl1></hedline></body.head><body.content><p>Kept text</p><p>cut off <b");
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].fields.title.as_deref(), Some("Kept title"));
        assert!(out.records[0].fields.body.starts_with("Kept text"));
        assert!(!out.problems.is_empty());
    }

    #[test]
    fn empty_and_textual_input() {
        let out = extract("");
        assert!(out.records.is_empty());
        let out = extract("   ");
        assert!(out.records.is_empty());
        // Read as the plain text it is.
        let out = extract("Not XML at all.\n\nSecond paragraph.");
        assert_eq!(out.records.len(), 1);
        assert!(out.records[0].fields.body.ends_with("Second paragraph."));
        assert!(out.problems.iter().any(|p| p.contains("read as text")));
    }

    #[test]
    fn generic_xml_fallback() {
        let f = one("<doc><title>My title</title><date>2016-05-04</date><text><para>Para one.</para></text></doc>");
        assert_eq!(f.title.as_deref(), Some("My title"));
        assert!(f.date.is_some());
        assert_eq!(f.body, "Para one.");
    }

    /// Arbitrary input never panics: random bytes, random mixes of XML syntax, and every
    /// prefix of a real-looking document.
    #[test]
    fn never_panics() {
        let sample = "<?xml version=\"1.0\"?><newsMessage><itemSet><newsItem guid=\"x\"><contentMeta>\
            <headline>Héad &amp; ünïcode</headline><by>By Å</by></contentMeta><contentSet><inlineXML>\
            <html><body><p>Pâra one.</p><p>(Reporting by Ø Ø; Editing by X)</p></body></html>\
            </inlineXML></contentSet></newsItem></itemSet></newsMessage>";
        for end in 0..=sample.len() {
            if let Some(prefix) = sample.get(..end) {
                let _ = extract(prefix);
            }
        }
        let pieces = [
            "<",
            ">",
            "</",
            "/>",
            "&",
            ";",
            "&#",
            "x",
            "é",
            "\u{0}",
            "\n",
            " ",
            "\"",
            "'",
            "=",
            "<![CDATA[",
            "]]>",
            "<!--",
            "-->",
            "<?",
            "?>",
            "nitf",
            "p",
            "body",
            "[",
            "]",
            "Ã",
            "\u{80}",
            "<p>",
            "</p>",
            "&amp;",
            "&#x",
            "By ",
            "(Reporting by ",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut s = String::new();
            let len = (seed % 40) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let _ = extract(&s);
            let bytes: Vec<u8> = s
                .bytes()
                .map(|b| b.wrapping_add((seed % 7) as u8))
                .collect();
            let _ = extract(&String::from_utf8_lossy(&bytes));
        }
    }
}
