//! NewsML: the IPTC envelopes around wire stories.
//!
//! NewsML-G2 (`newsMessage/itemSet/newsItem`, or a bare `newsItem`): only text items are
//! articles; picture, video and graphic items and `packageItem`s (lists of links to other
//! items) are skipped and reported. Fields: `contentMeta/headline` (the main one, not a
//! `hld:subHeadline`), then `itemMeta/title`, then the headline inside the content;
//! `itemMeta/firstCreated`, else `versionCreated`, else `contentMeta/contentCreated`
//! (first publication is the date a reader searches by; later versions keep it);
//! `contentMeta/by`, else a NITF byline inside the content, else a `creator` that names
//! a person; the body from `contentSet/inlineXML` (XHTML or NITF) or `inlineData` (text
//! or escaped HTML); the item's `guid` as source id and record key.
//!
//! NewsML 1.x (`NewsML/NewsItem/NewsComponent`): `NewsLines/HeadLine`,
//! `NewsManagement/FirstCreated` (else `ThisRevisionCreated`, `DateId`, the envelope's
//! `DateAndTime`), `NewsLines/ByLine`, text `ContentItem/DataContent` (NITF, HTML in
//! CDATA, or plain), and the `PublicIdentifier` URN.

use crate::article::{ArticleDate, Fields};

use super::item::Item;
use super::nitf;
use crate::extract::date::date_of;
use crate::extract::dom::Element;
use crate::extract::prose;

/// G2 items of `root`, and a note for each item skipped as not an article.
pub fn g2_items(root: &Element) -> (Vec<Item>, Vec<String>) {
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    let mut all = Vec::new();
    root.collect_where(&|e| e.is("newsItem") || e.is("packageItem"), &mut all);
    for el in all {
        if el.is("packageItem") {
            skipped.push("package item (links to other items, no text)".to_string());
            continue;
        }
        let class = el
            .child("itemMeta")
            .and_then(|m| m.child("itemClass"))
            .and_then(|c| c.attr("qcode"))
            .unwrap_or("");
        let kind = class.rsplit(':').next().unwrap_or("").to_ascii_lowercase();
        if !(kind.is_empty() || kind.contains("text")) {
            skipped.push(format!("{kind} item (not text)"));
            continue;
        }
        // A cancellation withdraws an earlier version; it carries no story of its own.
        let status = el
            .child("itemMeta")
            .and_then(|m| m.child("pubStatus"))
            .and_then(|c| c.attr("qcode"))
            .unwrap_or("");
        if status.eq_ignore_ascii_case("stat:canceled") {
            skipped.push("canceled item (withdraws an earlier version, no text)".to_string());
            continue;
        }
        items.push(g2_item(el));
    }
    (items, skipped)
}

fn g2_item(item: &Element) -> Item {
    let meta = item.child("itemMeta");
    let content_meta = item.child("contentMeta");
    let content = item.child("contentSet");
    let inner_nitf = content.and_then(|c| c.find("nitf"));

    let headline = content_meta.and_then(|c| {
        c.children_named("headline")
            .find(|h| {
                h.attr("role")
                    .is_none_or(|r| !r.to_ascii_lowercase().contains("sub"))
            })
            .and_then(Element::text_opt)
    });
    let title = headline
        .or_else(|| {
            meta.and_then(|m| m.child("title"))
                .and_then(Element::text_opt)
        })
        .or_else(|| inner_nitf.and_then(nitf::title))
        .or_else(|| {
            content
                .and_then(|c| c.find("html"))
                .and_then(|h| h.child("head"))
                .and_then(|h| h.child("title"))
                .and_then(Element::text_opt)
        });

    let when = |parent: Option<&Element>, name: &str| -> Option<ArticleDate> {
        parent
            .and_then(|p| p.child(name))
            .and_then(|e| date_of(&e.text()))
    };
    let date = when(meta, "firstCreated")
        .or_else(|| when(meta, "versionCreated"))
        .or_else(|| when(content_meta, "contentCreated"));

    let byline = content_meta
        .and_then(|c| c.child("by"))
        .and_then(Element::text_opt)
        .or_else(|| {
            inner_nitf
                .and_then(|n| n.find("byline"))
                .and_then(nitf::byline_text)
        })
        .or_else(|| content_meta.and_then(person_creator));

    let id = item
        .attr("guid")
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(str::to_string);
    Item {
        id: id.clone(),
        fields: Fields {
            title,
            date,
            byline,
            body: content.map(g2_body).unwrap_or_default(),
            source_id: id,
            ..Default::default()
        },
    }
}

/// A `creator` that reads like a person's name ("Jane Doe"); agencies as sources
/// (`role="cRole:source"`), initials ("VRG") and logins ("doe.jane") are not bylines.
fn person_creator(content_meta: &Element) -> Option<String> {
    content_meta.children_named("creator").find_map(|c| {
        if c.attr("role")
            .is_some_and(|r| r.to_ascii_lowercase().contains("source"))
        {
            return None;
        }
        let name = c
            .child("name")
            .and_then(Element::text_opt)
            .or_else(|| c.attr("literal").map(crate::extract::clean::squash_spaces))?;
        let looks_personal = name.contains(' ')
            && !name.contains(['@', '.', '_'])
            && !name.chars().any(|ch| ch.is_ascii_digit());
        looks_personal.then_some(name)
    })
}

/// The text of a G2 `contentSet`: the first inline rendition that has any.
fn g2_body(content: &Element) -> String {
    for el in content.elements() {
        let text = if el.is("inlineXML") {
            match el.find("nitf") {
                Some(n) => nitf::body(n),
                None => match el.find("body") {
                    Some(body) => prose::element_body(body),
                    None => prose::element_body(el),
                },
            }
        } else if el.is("inlineData") {
            prose::any_text(&el.text_raw())
        } else {
            continue;
        };
        if !text.is_empty() {
            return text;
        }
    }
    String::new()
}

/// NewsML 1.x items of `root`.
pub fn v1_items(root: &Element) -> Vec<Item> {
    let envelope_date = root
        .find("NewsEnvelope")
        .and_then(|e| e.child("DateAndTime"))
        .and_then(|d| date_of(&d.text()));
    root.find_all("NewsItem")
        .into_iter()
        .map(|item| {
            let first = |name: &str| item.find(name).and_then(Element::text_opt);
            let date = ["FirstCreated", "ThisRevisionCreated", "DateId"]
                .iter()
                .find_map(|n| first(n).and_then(|t| date_of(&t)))
                .or(envelope_date);
            let id = first("PublicIdentifier").or_else(|| first("NewsItemId"));
            let mut contents = Vec::new();
            item.collect_where(&|e| e.is("ContentItem"), &mut contents);
            let body = contents
                .into_iter()
                .filter(|c| {
                    c.child("MediaType")
                        .and_then(|m| m.attr("FormalName"))
                        .is_none_or(|m| m.eq_ignore_ascii_case("text"))
                })
                .filter_map(|c| c.child("DataContent"))
                .map(|d| match d.find("nitf") {
                    Some(n) => nitf::body(n),
                    None => prose::element_body(d),
                })
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            Item {
                id: id.clone(),
                fields: Fields {
                    title: first("HeadLine"),
                    date,
                    byline: first("ByLine"),
                    body,
                    source_id: id,
                    ..Default::default()
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dom::parse;

    const G2: &str = r#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2019-01-01T00:00:00Z</sent></header>
<itemSet>
<newsItem guid="urn:test:1"><itemMeta><itemClass qcode="ninat:text"/><versionCreated>2019-05-02T10:00:00+02:00</versionCreated>
<firstCreated>2019-05-01T09:00:00+02:00</firstCreated></itemMeta>
<contentMeta><creator literal="Acme" role="cRole:source"/><headline role="hld:subHeadline">Sub</headline><headline>Main headline</headline><by>By Ann Lee</by></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>
<body><header><h1>Slug</h1></header><p>First para.</p><p>Second <b>para</b>.</p></body></html></inlineXML></contentSet></newsItem>
<newsItem guid="urn:test:2"><itemMeta><itemClass qcode="icls:picture"/></itemMeta><contentMeta><headline>Photo</headline></contentMeta></newsItem>
<packageItem guid="urn:test:3"/>
<newsItem guid="urn:test:4"><itemMeta><itemClass qcode="icls:text"/><firstCreated/></itemMeta>
<contentMeta><contentCreated>2018-02-03T04:05:06</contentCreated><creator><name>Tom Field</name></creator></contentMeta>
<contentSet><inlineData contenttype="text/plain"><![CDATA[<p>Line one
wraps here
and here.
   Para two
wraps.</p>]]></inlineData></contentSet></newsItem>
</itemSet></newsMessage>"#;

    #[test]
    fn g2_text_items_only() {
        let doc = parse(G2);
        let (items, skipped) = g2_items(&doc.root);
        assert_eq!(items.len(), 2);
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        let a = &items[0].fields;
        assert_eq!(a.title.as_deref(), Some("Main headline"));
        assert_eq!(
            a.date.unwrap().at.to_string(),
            "2019-05-01 9:00:00.0 +02:00:00"
        );
        assert_eq!(a.byline.as_deref(), Some("By Ann Lee"));
        assert_eq!(a.body, "First para.\n\nSecond para.");
        assert_eq!(items[0].id.as_deref(), Some("urn:test:1"));
        let b = &items[1].fields;
        assert_eq!(b.title, None);
        assert_eq!(
            b.date.unwrap().at.to_string(),
            "2018-02-03 4:05:06.0 +00:00:00"
        );
        assert_eq!(b.byline.as_deref(), Some("Tom Field"));
        assert_eq!(b.body, "Line one wraps here and here.\n\nPara two wraps.");
    }

    #[test]
    fn g2_wrapping_nitf() {
        let doc = parse(
            "<newsItem guid=\"g\"><contentSet><inlineXML><nitf><head><title>Nitf title</title></head>\
             <body><body.head><byline>By<person>Staff Reporter</person></byline></body.head>\
             <body.content><p>Text.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>",
        );
        let (items, _) = g2_items(&doc.root);
        let f = &items[0].fields;
        assert_eq!(f.title.as_deref(), Some("Nitf title"));
        assert_eq!(f.byline.as_deref(), Some("By Staff Reporter"));
        assert_eq!(f.body, "Text.");
    }

    #[test]
    fn newsml_1() {
        let doc = parse(
            r#"<NewsML><NewsEnvelope><DateAndTime>20180404T175903+0300</DateAndTime></NewsEnvelope>
<NewsItem><Identification><NewsIdentifier><DateId>20180404</DateId><PublicIdentifier>urn:newsml:x:1</PublicIdentifier></NewsIdentifier></Identification>
<NewsManagement><FirstCreated>20180404T175859+0300</FirstCreated></NewsManagement>
<NewsComponent><NewsLines><HeadLine><![CDATA[ Wages rise ]]></HeadLine><ByLine>Eve Stone</ByLine></NewsLines>
<NewsComponent><ContentItem><MediaType FormalName="Photo"/><DataContent>not text</DataContent></ContentItem>
<ContentItem><MediaType FormalName="Text"/><DataContent><![CDATA[<P>One.</P><P>Two.</P>]]></DataContent></ContentItem>
</NewsComponent></NewsComponent></NewsItem></NewsML>"#,
        );
        let items = v1_items(&doc.root);
        assert_eq!(items.len(), 1);
        let f = &items[0].fields;
        assert_eq!(f.title.as_deref(), Some("Wages rise"));
        assert_eq!(f.byline.as_deref(), Some("Eve Stone"));
        assert_eq!(f.body, "One.\n\nTwo.");
        assert_eq!(
            f.date.unwrap().at.to_string(),
            "2018-04-04 17:58:59.0 +03:00:00"
        );
        assert_eq!(f.source_id.as_deref(), Some("urn:newsml:x:1"));
    }
}
