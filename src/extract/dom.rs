//! A forgiving XML tree for the wire extractors: quick-xml events folded into elements and
//! text, with whatever a broken file still holds.
//!
//! Wire feeds are XML "mostly": mismatched or missing end tags, HTML entities (`&nbsp;`,
//! `&eacute;`) that XML does not define, stray `&`, truncated files. The tree builder never
//! gives up on the first error: end tags close the nearest open element of that name (or
//! are ignored), unknown entities are decoded the HTML way by `markup::decode_entities`,
//! and parse errors are recorded with their line and reading goes on where quick-xml can.
//! Nesting is capped so that walking the tree recursively is always safe.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::extract::markup::decode_entities;
use crate::extract::mojibake::fix_mojibake;

/// Deeper elements are folded into their ancestor at this depth; real documents stay
/// far below it, and recursive walks over the tree stay within a small stack.
pub const MAX_DEPTH: usize = 200;
/// After this many parse errors the rest of the file is not worth reading.
const MAX_ERRORS: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// The name as written, prefix included (`wp:post_type`, `ns0:newsItem`).
    pub name: String,
    /// Attribute names as written, values with entities decoded.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// The parsed document: a synthetic root holding every top-level node, and the problems met.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub root: Element,
    pub problems: Vec<String>,
}

impl Element {
    /// The name without its namespace prefix.
    pub fn local(&self) -> &str {
        local_name(&self.name)
    }

    /// True when the local name is `name`, ignoring ASCII case (feeds disagree on
    /// `Header` / `header`, `ByLine` / `byline`).
    pub fn is(&self, name: &str) -> bool {
        self.local().eq_ignore_ascii_case(name)
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| local_name(k).eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(name))
    }

    /// Every child element with this local name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.is(name))
    }

    /// The first descendant (depth first, document order) with this local name.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.find_where(&|e| e.is(name))
    }

    /// The first descendant (depth first, document order) with this exact qualified name,
    /// for vocabularies that reuse a local name under two prefixes (`content:encoded`,
    /// `excerpt:encoded`).
    pub fn find_qualified(&self, qname: &str) -> Option<&Element> {
        self.find_where(&|e| e.name.eq_ignore_ascii_case(qname))
    }

    pub fn find_where(&self, pred: &dyn Fn(&Element) -> bool) -> Option<&Element> {
        for e in self.elements() {
            if pred(e) {
                return Some(e);
            }
            if let Some(found) = e.find_where(pred) {
                return Some(found);
            }
        }
        None
    }

    /// Every descendant with this local name, outermost first; the search does not go
    /// inside a match (an item's nested items are its own business).
    pub fn find_all<'a>(&'a self, name: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        self.collect_where(&|e| e.is(name), &mut out);
        out
    }

    pub fn collect_where<'a>(
        &'a self,
        pred: &dyn Fn(&Element) -> bool,
        out: &mut Vec<&'a Element>,
    ) {
        for e in self.elements() {
            if pred(e) {
                out.push(e);
            } else {
                e.collect_where(pred, out);
            }
        }
    }

    /// All text below this element, with a space wherever an element starts or ends
    /// (`By<person>Jane Doe</person>` reads "By Jane Doe"), whitespace collapsed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        crate::extract::clean::squash_spaces(&out)
    }

    fn push_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    out.push(' ');
                    e.push_text(out);
                    out.push(' ');
                }
            }
        }
    }

    /// All text below this element exactly as written (line breaks and indentation kept),
    /// for content that is itself text or escaped markup (`inlineData`, CDATA HTML).
    pub fn text_raw(&self) -> String {
        let mut out = String::new();
        self.push_raw(&mut out);
        out
    }

    fn push_raw(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.push_raw(out),
            }
        }
    }

    /// `text()`, or `None` when it is empty.
    pub fn text_opt(&self) -> Option<String> {
        Some(self.text()).filter(|t| !t.is_empty())
    }
}

pub fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Parses `text` into a tree, recording problems instead of failing.
pub fn parse(text: &str) -> Document {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    config.trim_text(false);

    // stack[0] is the synthetic root; elements deeper than MAX_DEPTH are not pushed.
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut skipped_depth = 0usize;
    let mut problems = Vec::new();
    let mut errors = 0usize;
    let mut last_error_at = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if stack.len() > MAX_DEPTH {
                    skipped_depth += 1;
                } else {
                    stack.push(element(&e));
                }
            }
            Ok(Event::Empty(e)) => {
                if stack.len() <= MAX_DEPTH {
                    let el = element(&e);
                    push_node(&mut stack, Node::Element(el));
                }
            }
            Ok(Event::End(e)) => {
                if skipped_depth > 0 {
                    skipped_depth -= 1;
                    continue;
                }
                let name = e.name();
                let name = name.as_ref();
                // Close the nearest open element of that name; an end tag that matches
                // nothing open is ignored.
                let found = (1..stack.len())
                    .rev()
                    .find(|&i| stack[i].name == name)
                    .or_else(|| {
                        (1..stack.len())
                            .rev()
                            .find(|&i| stack[i].name.eq_ignore_ascii_case(name))
                    });
                if let Some(i) = found {
                    while stack.len() > i {
                        close_top(&mut stack);
                    }
                }
            }
            Ok(Event::Text(t)) => push_text(&mut stack, &t.xml10_content()),
            Ok(Event::CData(c)) => push_text(&mut stack, &c.xml10_content()),
            Ok(Event::GeneralRef(r)) => {
                let entity = format!("&{};", r.as_ref());
                push_text(&mut stack, &decode_entities(&entity));
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => {
                let at = reader.error_position();
                if errors < 3 {
                    problems.push(format!(
                        "line {}: XML error ({err})",
                        line_of(text, at as usize)
                    ));
                }
                errors += 1;
                // Stop when quick-xml cannot move past the error, or the file is hopeless.
                if errors >= MAX_ERRORS || last_error_at == Some(reader.buffer_position()) {
                    break;
                }
                last_error_at = Some(reader.buffer_position());
            }
        }
    }
    if errors > 3 {
        problems.push(format!("{} more XML errors", errors - 3));
    }
    if stack.len() > 1 {
        let unclosed: Vec<&str> = stack[1..].iter().map(|e| e.name.as_str()).collect();
        problems.push(format!(
            "unexpected end of file: <{}> not closed",
            unclosed.join(">, <")
        ));
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    let mut root = stack.pop().unwrap_or_default();
    repair_mojibake(&mut root);
    Document { root, problems }
}

/// UTF-8 read as Latin-1 upstream (`â\u{80}\u{99}` for `’`) must be repaired before any
/// cleaning, which would drop the C1 controls such text contains. Done on whole text nodes,
/// since a broken character can span several character references (`&#xC2;&#xA3;`).
fn repair_mojibake(el: &mut Element) {
    for n in &mut el.children {
        match n {
            Node::Text(t) => {
                if let std::borrow::Cow::Owned(fixed) = fix_mojibake(t) {
                    *t = fixed;
                }
            }
            Node::Element(e) => repair_mojibake(e),
        }
    }
}

fn element(e: &BytesStart<'_>) -> Element {
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false).flatten() {
        attrs.push((
            a.key.as_ref().to_string(),
            decode_entities(&a.value).into_owned(),
        ));
    }
    Element {
        name: e.name().as_ref().to_string(),
        attrs,
        children: Vec::new(),
    }
}

fn close_top(stack: &mut Vec<Element>) {
    if stack.len() > 1 {
        if let Some(done) = stack.pop() {
            push_node(stack, Node::Element(done));
        }
    }
}

fn push_node(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

/// Appends text to the open element, merging with a preceding text node (entity
/// references arrive as separate events).
fn push_text(stack: &mut [Element], s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(top) = stack.last_mut() {
        if let Some(Node::Text(prev)) = top.children.last_mut() {
            prev.push_str(s);
        } else {
            top.children.push(Node::Text(s.to_string()));
        }
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_entities_and_cdata() {
        let doc = parse(
            "<?xml version=\"1.0\"?><a x=\"1 &amp; 2\"><b>caf&eacute; &amp; bar&#3;</b><c><![CDATA[<p>x</p>]]></c></a>",
        );
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        let a = doc.root.child("a").unwrap();
        assert_eq!(a.attr("x"), Some("1 & 2"));
        assert_eq!(a.child("b").unwrap().text(), "café & bar");
        assert_eq!(a.child("c").unwrap().text(), "<p>x</p>");
    }

    #[test]
    fn prefixes_and_case() {
        let doc = parse(
            "<ns0:newsItem><ns0:Headline>H</ns0:Headline><dc:creator>x</dc:creator></ns0:newsItem>",
        );
        let item = doc.root.find("newsitem").unwrap();
        assert_eq!(item.child("headline").unwrap().text(), "H");
        assert!(doc.root.find_qualified("dc:creator").is_some());
        assert!(doc.root.find_qualified("content:creator").is_none());
    }

    #[test]
    fn text_separates_elements() {
        let doc = parse("<byline>By<person>Jane Doe</person><byttl>Writer</byttl></byline>");
        assert_eq!(
            doc.root.find("byline").unwrap().text(),
            "By Jane Doe Writer"
        );
    }

    #[test]
    fn recovers_from_mismatched_and_missing_end_tags() {
        let doc = parse("<a><b>one</c> two</b><p>three");
        let a = doc.root.child("a").unwrap();
        assert_eq!(a.child("b").unwrap().text(), "one two");
        assert_eq!(a.find("p").unwrap().text(), "three");
        assert!(
            doc.problems.iter().any(|p| p.contains("not closed")),
            "{:?}",
            doc.problems
        );
    }

    #[test]
    fn reports_errors_with_lines_and_keeps_what_came_before() {
        let doc = parse("<a>\n<b>kept</b>\n<c attr=\"unterminated></a>");
        assert_eq!(doc.root.find("b").unwrap().text(), "kept");
        assert!(!doc.problems.is_empty());
    }

    #[test]
    fn deep_nesting_is_capped() {
        let deep = "<x>".repeat(5000) + "text" + &"</x>".repeat(5000);
        let doc = parse(&deep);
        let mut depth = 0;
        let mut e = &doc.root;
        while let Some(c) = e.child("x") {
            depth += 1;
            e = c;
        }
        assert!(depth <= MAX_DEPTH);
        assert_eq!(doc.root.text(), "text");
    }

    #[test]
    fn empty_and_non_xml_input() {
        assert!(parse("").root.children.is_empty());
        let doc = parse("just text & more");
        assert_eq!(doc.root.text(), "just text & more");
        assert_eq!(line_of("a\nb\nc", 3), 2);
        assert_eq!(line_of("a", 99), 1);
    }
}
