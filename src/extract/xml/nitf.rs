//! NITF (News Industry Text Format, IPTC): one story per `<nitf>` element, on its own or
//! wrapped in NewsML (G2 `inlineXML`, 1.x `DataContent`).
//!
//! Where the fields are, in order of preference:
//! - title: `body.head/hedline/hl1`, the whole `hedline`, then `head/title` (PA and AAP
//!   files without a hedline still have it);
//! - date: `docdata/date.issue@norm`, `pubdata@date.publication`,
//!   `dateline/story.date@norm` (or its text), `docdata/date.release@norm`;
//! - byline: `body.head/byline` without its `byttl` (the reporter's job title);
//! - body: `body/body.content`, not the `body.content` NITF allows inside an editor's
//!   `note`, and not `abstract` or `body.end`;
//! - source id: `docdata/doc-id@id-string`.

use crate::article::Fields;

use super::item::Item;
use crate::extract::date::date_of;
use crate::extract::dom::{Element, Node};
use crate::extract::prose;

pub fn item(nitf: &Element) -> Item {
    let head = nitf.child("head");
    let body_head = nitf.child("body").and_then(|b| b.child("body.head"));
    let docdata = head.and_then(|h| h.child("docdata"));
    let fields = Fields {
        title: title(nitf),
        date: date(nitf),
        byline: body_head
            .and_then(|h| h.child("byline"))
            .and_then(byline_text),
        body: body(nitf),
        source_id: docdata
            .and_then(|d| d.child("doc-id"))
            .and_then(|d| d.attr("id-string"))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        ..Default::default()
    };
    Item {
        id: fields.source_id.clone(),
        fields,
    }
}

pub fn title(nitf: &Element) -> Option<String> {
    let hedline = nitf
        .child("body")
        .and_then(|b| b.child("body.head"))
        .and_then(|h| h.find("hedline"))
        // G2 wrappers write <headline><hl1> instead of <hedline>.
        .or_else(|| nitf.find("hedline"))
        .or_else(|| nitf.find("headline"));
    hedline
        .and_then(|h| {
            h.child("hl1")
                .and_then(Element::text_opt)
                .or_else(|| h.text_opt())
        })
        .or_else(|| nitf.child("head")?.child("title")?.text_opt())
}

fn date(nitf: &Element) -> Option<crate::article::ArticleDate> {
    let head = nitf.child("head");
    let docdata = head.and_then(|h| h.child("docdata"));
    let norm = |el: Option<&Element>, attr: &str| el.and_then(|e| e.attr(attr)).and_then(date_of);
    let story_date = nitf.find("story.date");
    norm(docdata.and_then(|d| d.child("date.issue")), "norm")
        .or_else(|| norm(head.and_then(|h| h.child("pubdata")), "date.publication"))
        .or_else(|| norm(story_date, "norm"))
        .or_else(|| story_date.and_then(|s| date_of(&s.text())))
        .or_else(|| norm(docdata.and_then(|d| d.child("date.release")), "norm"))
}

/// The byline's names without the `byttl` job title ("AP Business Writer").
pub fn byline_text(byline: &Element) -> Option<String> {
    let mut out = String::new();
    for n in &byline.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.is("byttl") => {}
            Node::Element(e) => {
                out.push(' ');
                out.push_str(&e.text());
                out.push(' ');
            }
        }
    }
    let text = crate::extract::clean::squash_spaces(&out);
    (!text.is_empty()).then_some(text)
}

/// The story text of a `<nitf>` element.
pub fn body(nitf: &Element) -> String {
    let content = nitf
        .child("body")
        .and_then(|b| b.child("body.content"))
        .or_else(|| content_outside_notes(nitf));
    content.map(prose::element_body).unwrap_or_default()
}

/// A `body.content` anywhere below, except inside an editor's `note`.
fn content_outside_notes(el: &Element) -> Option<&Element> {
    for e in el.elements() {
        if e.is("note") {
            continue;
        }
        if e.is("body.content") {
            return Some(e);
        }
        if let Some(found) = content_outside_notes(e) {
            return Some(found);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dom::parse;

    const STORY: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<nitf><head><title>Head title</title><docdata><doc-id id-string="ACME.1.2"/>
<date.issue norm="20190312T081500+0100"/></docdata></head>
<body><body.head><hedline><hl1>Harbour cranes return</hl1><hl2>Sub</hl2></hedline>
<note><body.content><p>Editors: not for publication.</p></body.content></note>
<byline>By <person>Mara Velde</person><byttl>Staff Writer</byttl></byline>
<abstract><p>Summary.</p></abstract></body.head>
<body.content><p>   PORTSEA (Acme) - The cranes came back.</p><p/><p>Second &amp; last.</p></body.content>
<body.end><tagline>Tagline.</tagline></body.end></body></nitf>"#;

    #[test]
    fn fields_from_a_full_story() {
        let doc = parse(STORY);
        let it = item(doc.root.child("nitf").unwrap());
        let f = it.fields;
        assert_eq!(f.title.as_deref(), Some("Harbour cranes return"));
        assert_eq!(
            f.date.unwrap().at.to_string(),
            "2019-03-12 8:15:00.0 +01:00:00"
        );
        assert_eq!(f.byline.as_deref(), Some("By Mara Velde"));
        assert_eq!(
            f.body,
            "PORTSEA (Acme) - The cranes came back.\n\nSecond & last."
        );
        assert_eq!(f.source_id.as_deref(), Some("ACME.1.2"));
    }

    #[test]
    fn head_title_and_story_date_fallbacks() {
        let doc = parse(
            "<nitf><head><title>1 SOCCER Teams</title></head><body><body.head><dateline>\
             <story.date norm=\"20170102T222800+0000\">x</story.date></dateline></body.head>\
             <body.content><pre>Team A\nTeam B</pre></body.content></body></nitf>",
        );
        let f = item(doc.root.child("nitf").unwrap()).fields;
        assert_eq!(f.title.as_deref(), Some("1 SOCCER Teams"));
        assert!(f.date.is_some());
        assert_eq!(f.body, "Team A Team B");
    }
}
