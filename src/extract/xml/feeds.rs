//! Feeds and exports that carry whole articles: Atom, RSS 2.0, WordPress WXR (RSS with
//! `wp:` elements) and Ritzau's `RBNews` XML.
//!
//! - Atom `entry`: `title`, `id`, `published` else `updated`, `author/name` (else the
//!   feed's), `content` else `summary` by their `type`. WENN's extension puts the real
//!   story in `first_line` + `body` next to a stub `content`; the longer text wins.
//! - RSS `item`: `title`, `guid` else `link`, `pubDate` else `dc:date`, `dc:creator` else
//!   `author`, `content:encoded` else `description` (HTML or text).
//! - WXR adds `wp:post_date_gmt` as a date fallback, maps `dc:creator` logins to the
//!   author's name from the `wp:author` list (a bare "admin" is no byline), strips
//!   WordPress shortcodes (`[dropcap]M[/dropcap]`, `[contact_form]`) and skips items that
//!   are not posts (attachments, menu items, revisions).
//! - Ritzau `RBNews`: `NewsID`, `PublishDate`, `headline` (often nil on flashes),
//!   `byLine`, and `content` holding escaped HTML. `TilRedaktionen` is a note to editors.

use crate::article::Fields;

use super::item::Item;
use crate::extract::date::date_of;
use crate::extract::dom::Element;
use crate::extract::prose;

pub fn atom_items(root: &Element) -> Vec<Item> {
    let feed_author = root
        .find("feed")
        .and_then(|f| f.child("author"))
        .and_then(|a| a.child("name"))
        .and_then(Element::text_opt);
    root.find_all("entry")
        .into_iter()
        .map(|e| {
            let id = e.child("id").and_then(Element::text_opt);
            let date = ["published", "updated"]
                .iter()
                .find_map(|n| e.child(n).and_then(|d| date_of(&d.text())))
                .or_else(|| {
                    ["published", "updated"]
                        .iter()
                        .find_map(|n| e.find(n).and_then(|d| date_of(&d.text())))
                });
            let byline = e
                .child("author")
                .and_then(|a| a.child("name"))
                .and_then(Element::text_opt)
                .or_else(|| feed_author.clone());
            let mut body = e
                .child("content")
                .or_else(|| e.child("summary"))
                .map(atom_text)
                .unwrap_or_default();
            // WENN: the story is in extension elements; the Atom content is a stub.
            if let Some(ext) = e.find("body") {
                let lead = e.find("first_line").map(|l| prose::any_text(&l.text_raw()));
                let rest = prose::any_text(&ext.text_raw());
                let full = match lead {
                    Some(l) if !l.is_empty() => format!("{l}\n\n{rest}"),
                    _ => rest,
                };
                if full.len() > body.len() {
                    body = full;
                }
            }
            Item {
                id: id.clone(),
                fields: Fields {
                    title: e.child("title").map(atom_text).filter(|t| !t.is_empty()),
                    date,
                    byline,
                    body,
                    source_id: id,
                    ..Default::default()
                },
            }
        })
        .collect()
}

/// An Atom text construct by its `type`.
fn atom_text(el: &Element) -> String {
    match el.attr("type").map(str::to_ascii_lowercase).as_deref() {
        Some("xhtml") => prose::element_body(el),
        Some("html") | Some("text/html") => prose::html_text(&el.text_raw()),
        Some("text") => prose::plain_text(&el.text_raw()),
        _ => prose::any_text(&el.text_raw()),
    }
}

/// WXR post types that are not articles.
const NOT_POSTS: &[&str] = &[
    "attachment",
    "nav_menu_item",
    "revision",
    "custom_css",
    "customize_changeset",
    "oembed_cache",
    "user_request",
    "wp_block",
    "wp_template",
    "wp_template_part",
    "wp_global_styles",
    "wp_navigation",
];

/// RSS items (WordPress extensions when `wxr`), and a note per item skipped.
pub fn rss_items(root: &Element, wxr: bool) -> (Vec<Item>, Vec<String>) {
    let authors = if wxr { wxr_authors(root) } else { Vec::new() };
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    for item in root.find_all("item") {
        let q = |name: &str| item.find_qualified(name).and_then(Element::text_opt);
        if wxr {
            if let Some(kind) = q("wp:post_type").filter(|t| NOT_POSTS.contains(&t.as_str())) {
                skipped.push(format!("WordPress {kind} (not a post)"));
                continue;
            }
        }
        let id = item
            .child("guid")
            .or_else(|| item.child("link"))
            .and_then(Element::text_opt);
        let date = [
            item.child("pubDate").map(Element::text),
            q("dc:date"),
            q("wp:post_date_gmt"),
        ]
        .into_iter()
        .flatten()
        .find_map(|d| date_of(&d));
        let byline = q("dc:creator")
            .or_else(|| item.child("author").and_then(Element::text_opt))
            .map(|login| {
                authors
                    .iter()
                    .find(|(l, _)| *l == login)
                    .map_or(login.clone(), |(_, name)| name.clone())
            })
            .filter(|b| !b.eq_ignore_ascii_case("admin"));
        let raw = item
            .find_qualified("content:encoded")
            .map(Element::text_raw)
            .filter(|t| !t.trim().is_empty())
            .or_else(|| item.child("description").map(Element::text_raw))
            .unwrap_or_default();
        // WordPress stores posts unrendered: a blank line is a paragraph and a single
        // line break a <br>, which ends a paragraph of wire copy just the same.
        let raw = if wxr {
            strip_shortcodes(&raw).replace('\n', "\n\n")
        } else {
            raw
        };
        items.push(Item {
            id: id.clone(),
            fields: Fields {
                title: item.child("title").and_then(Element::text_opt),
                date,
                byline,
                body: prose::any_text(&raw),
                source_id: id,
                ..Default::default()
            },
        });
    }
    (items, skipped)
}

/// `(login, display name)` from a WXR export's `wp:author` list.
fn wxr_authors(root: &Element) -> Vec<(String, String)> {
    let mut list = Vec::new();
    root.collect_where(&|e| e.name.eq_ignore_ascii_case("wp:author"), &mut list);
    list.into_iter()
        .filter_map(|a| {
            let get = |n: &str| a.find_qualified(n).and_then(Element::text_opt);
            let login = get("wp:author_login")?;
            let full = [get("wp:author_first_name"), get("wp:author_last_name")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let name = Some(full)
                .filter(|f| !f.is_empty())
                .or_else(|| get("wp:author_display_name"))?;
            Some((login, name))
        })
        .collect()
}

/// Shortcodes that WordPress expands when it renders a post.
const SHORTCODES: &[&str] = &[
    "caption",
    "gallery",
    "embed",
    "audio",
    "video",
    "playlist",
    "dropcap",
    "button",
    "tweet",
    "youtube",
    "ad",
    "ads",
    "quote",
    "pullquote",
    "googlemaps",
];

/// Removes WordPress shortcode tags, keeping the text they wrap. A bracketed word counts
/// as a shortcode when it is a known one, has an underscore, or is closed later (`[/x]`),
/// so editorial brackets such as "[sic]" stay.
pub fn strip_shortcodes(s: &str) -> String {
    // Names closed somewhere in the text ("[/dropcap]"), found in one pass.
    let closed: std::collections::HashSet<&str> = s
        .match_indices("[/")
        .filter_map(|(i, _)| {
            let rest = &s[i + 2..];
            let end = rest.find(']').filter(|&e| e <= 64)?;
            Some(&rest[..end])
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let close = rest
            .char_indices()
            .take(200)
            .find(|&(_, c)| c == ']' || c == '\n');
        let Some((j, ']')) = close else {
            out.push('[');
            rest = &rest[1..];
            continue;
        };
        let inner = &rest[1..j];
        let name_part = inner.trim_start_matches('/');
        let name: &str = name_part
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let valid_name = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        let is_shortcode = valid_name
            && (SHORTCODES.contains(&name)
                || name.contains('_')
                || inner.starts_with('/')
                || closed.contains(&name));
        if is_shortcode {
            rest = &rest[j + 1..];
        } else {
            out.push('[');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

pub fn ritzau_items(root: &Element) -> Vec<Item> {
    root.find_all("RBNews")
        .into_iter()
        .map(|n| {
            let get = |name: &str| n.child(name).and_then(Element::text_opt);
            let id = get("NewsID");
            Item {
                id: id.clone(),
                fields: Fields {
                    title: get("headline"),
                    date: get("PublishDate").and_then(|d| date_of(&d)),
                    byline: get("byLine"),
                    body: n
                        .child("content")
                        .map(|c| prose::any_text(&c.text_raw()))
                        .unwrap_or_default(),
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

    #[test]
    fn atom_entries_with_html_content_and_wenn_body() {
        let doc = parse(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><author><name>Desk</name></author>
<entry><id>urn:1</id><updated>2016-03-01T10:00:00+01:00</updated><title type="html">A &amp;amp; B</title>
<content type="html">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</content></entry>
<entry><id>urn:2</id><published>2016-03-02T10:00:00Z</published><title>Stub</title><content>stub</content>
<x:meta xmlns:x="urn:x"><x:first_line>Lead line.</x:first_line><x:body><![CDATA[  Para one.

  Para two.]]></x:body></x:meta></entry></feed>"#,
        );
        let items = atom_items(&doc.root);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].fields.body, "One.\n\nTwo.");
        assert_eq!(items[0].fields.byline.as_deref(), Some("Desk"));
        assert_eq!(items[0].fields.title.as_deref(), Some("A & B"));
        assert_eq!(items[1].fields.body, "Lead line.\n\nPara one.\n\nPara two.");
        assert_eq!(items[1].id.as_deref(), Some("urn:2"));
    }

    #[test]
    fn wxr_posts_authors_and_shortcodes() {
        let doc = parse(
            r#"<rss xmlns:wp="w" xmlns:dc="d" xmlns:content="c"><channel>
<wp:author><wp:author_login>jd</wp:author_login><wp:author_first_name>Jo</wp:author_first_name><wp:author_last_name>Dunn</wp:author_last_name></wp:author>
<item><title>Pic</title><wp:post_type>attachment</wp:post_type></item>
<item><title>Post</title><guid>p1</guid><pubDate>Mon, 29 Jul 2013 16:03:54 +0000</pubDate><dc:creator>jd</dc:creator>
<content:encoded><![CDATA[[dropcap]M[/dropcap]ost of it.

Second [sic] para.[contact_form]]]></content:encoded><wp:post_type>post</wp:post_type></item>
<item><title>Admin post</title><dc:creator>admin</dc:creator><wp:post_date_gmt>2013-07-07 15:06:01</wp:post_date_gmt></item>
</channel></rss>"#,
        );
        let (items, skipped) = rss_items(&doc.root, true);
        assert_eq!(skipped.len(), 1);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].fields.byline.as_deref(), Some("Jo Dunn"));
        assert_eq!(items[0].fields.body, "Most of it.\n\nSecond [sic] para.");
        assert!(items[0].fields.date.is_some());
        assert_eq!(items[1].fields.byline, None);
        assert!(items[1].fields.date.is_some());
    }

    #[test]
    fn ritzau_news() {
        let doc = parse(
            r#"<RBNews xmlns:i="i"><NewsID>abc</NewsID><PublishDate>2018-01-30T17:32:18.397</PublishDate>
<headline i:nil="true"/><content>&lt;p&gt;Forskere har lavet fors&#xF8;g.&lt;/p&gt;</content><byLine>Per Hansen</byLine>
<TilRedaktionen>&lt;p&gt;Note&lt;/p&gt;</TilRedaktionen></RBNews>"#,
        );
        let items = ritzau_items(&doc.root);
        assert_eq!(items[0].fields.title, None);
        assert_eq!(items[0].fields.body, "Forskere har lavet forsøg.");
        assert_eq!(items[0].id.as_deref(), Some("abc"));
        assert!(items[0].fields.date.is_some());
    }

    #[test]
    fn shortcodes() {
        assert_eq!(
            strip_shortcodes("[caption id=\"x\"]Cap[/caption] text"),
            "Cap text"
        );
        assert_eq!(
            strip_shortcodes("a [1] b [Note] c [sic"),
            "a [1] b [Note] c [sic"
        );
    }
}
