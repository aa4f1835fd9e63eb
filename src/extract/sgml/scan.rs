//! The SGML scanner shared by the Reuters and TREC readers: tags found in one linear pass,
//! records split at their start tags, elements looked up among a record's tags.
//!
//! This is deliberately not a general SGML parser. News collections use a handful of
//! flat, known elements, so only the names a reader asks for count as tags; anything else
//! that looks like `<...>` (an unescaped `<ABC Corp>` in a story, garbage between records)
//! stays text. Missing end tags are common in damaged files, so every lookup has a
//! fallback end: a leaf element ends at the next known tag, a container at its record's
//! end. All positions are byte offsets of ASCII `<` and `>`, so every slice taken from
//! them falls on a character boundary.
//!
//! Linear time matters: a 27 MB collection must not be re-scanned per record. Finding a
//! tag's `>` stops at the next `<` (or after `MAX_TAG_BYTES`), so no byte is looked at
//! more than twice; records are split in one pass over the tag list, and lookups only
//! walk the tags of their own record.

use std::ops::Range;

/// A `<...>` longer than this is text, not a tag: it bounds the work per `<`.
const MAX_TAG_BYTES: usize = 1024;

/// One start or end tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'a> {
    pub name: &'a str,
    pub close: bool,
    /// Everything after the name up to `>`, e.g. ` TYPE="BRIEF"`.
    pub attrs: &'a str,
    /// Byte offset of `<`.
    pub start: usize,
    /// Byte offset just after `>`.
    pub end: usize,
}

impl Tag<'_> {
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Iterates over the tags of `text` whose names are in `known` (any name when `None`),
/// ignoring case. `<!DOCTYPE ...>`, comments and anything else that is not
/// `<name ...>` / `</name>` is skipped as text.
pub struct Tags<'a, 'k> {
    text: &'a str,
    pos: usize,
    known: Option<&'k [&'k str]>,
}

pub fn tags<'a, 'k>(text: &'a str, known: Option<&'k [&'k str]>) -> Tags<'a, 'k> {
    Tags {
        text,
        pos: 0,
        known,
    }
}

impl<'a> Iterator for Tags<'a, '_> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let bytes = self.text.as_bytes();
        loop {
            let lt = self.pos + self.text.get(self.pos..)?.find('<')?;
            self.pos = lt + 1;
            let limit = (lt + MAX_TAG_BYTES).min(bytes.len());
            let window = bytes.get(lt + 1..limit).unwrap_or(&[]);
            let Some(rel) = window.iter().position(|&b| b == b'>' || b == b'<') else {
                continue;
            };
            if window[rel] == b'<' {
                continue;
            }
            let gt = lt + 1 + rel;
            let Some(tag) = parse_tag(self.text.get(lt + 1..gt)?, lt, gt + 1) else {
                continue;
            };
            let wanted = self
                .known
                .is_none_or(|k| k.iter().any(|n| n.eq_ignore_ascii_case(tag.name)));
            if wanted {
                self.pos = gt + 1;
                return Some(tag);
            }
        }
    }
}

/// `inner` is what lies between `<` and `>`.
fn parse_tag(inner: &str, start: usize, end: usize) -> Option<Tag<'_>> {
    let (close, rest) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        .count();
    let (name, attrs) = rest.split_at(len);
    // "<ABC,DEF>" or "<A&B>" is text, not a tag with attributes.
    if !attrs.is_empty() && !attrs.starts_with(|c: char| c.is_ascii_whitespace()) {
        return None;
    }
    Some(Tag {
        name,
        close,
        attrs,
        start,
        end,
    })
}

/// The value of attribute `name` in a tag's attribute text (`NEWID="12"`, `NEWID=12`).
pub fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let key_len = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let (key, after) = rest.split_at(key_len);
        let after = after.trim_start();
        let Some(v) = after.strip_prefix('=') else {
            rest = after;
            if key.is_empty() {
                return None;
            }
            continue;
        };
        let v = v.trim_start();
        let (value, next) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &v[1..];
                match body.find(q) {
                    Some(i) => (&body[..i], &body[i + 1..]),
                    None => (body, ""),
                }
            }
            _ => {
                let i = v.find(char::is_whitespace).unwrap_or(v.len());
                (&v[..i], &v[i..])
            }
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        rest = next;
    }
}

/// One record: its start tag, the tags inside it and the text they span.
#[derive(Debug, Clone)]
pub struct RecordSpan {
    /// Index of the record's start tag in the tag list.
    pub open: usize,
    /// Indices of the tags inside the record (end tag excluded).
    pub inner: Range<usize>,
    /// Byte range of the record's content (after the start tag, before the end tag).
    pub content: Range<usize>,
    /// Whether the record had its end tag.
    pub closed: bool,
}

/// Splits the tag list into records named `name`. A record without its end tag ends where
/// the next one starts (or at the end of the text). Also returns how many stretches of
/// non-blank text lie outside every record (a `<!DOCTYPE>` line aside).
pub fn split_records(text: &str, tags: &[Tag], name: &str) -> (Vec<RecordSpan>, usize) {
    let mut records = Vec::new();
    let mut stray = 0;
    let mut outside_from = 0;
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t.close || !t.is(name) {
            i += 1;
            continue;
        }
        stray += usize::from(has_text(text.get(outside_from..t.start).unwrap_or("")));
        let mut j = i + 1;
        while j < tags.len() && !tags[j].is(name) {
            j += 1;
        }
        let closed = j < tags.len() && tags[j].close;
        let end = tags.get(j).map_or(text.len(), |e| e.start);
        records.push(RecordSpan {
            open: i,
            inner: i + 1..j,
            content: t.end..end,
            closed,
        });
        if closed {
            outside_from = tags[j].end;
            i = j + 1;
        } else {
            outside_from = end;
            i = j;
        }
    }
    stray += usize::from(has_text(text.get(outside_from..).unwrap_or("")));
    (records, stray)
}

/// Non-blank text other than SGML declarations (`<!DOCTYPE lewis SYSTEM "lewis.dtd">`).
fn has_text(s: &str) -> bool {
    let mut rest = s.trim();
    while let Some(decl) = rest.strip_prefix("<!") {
        match decl.find('>') {
            Some(i) => rest = decl[i + 1..].trim_start(),
            None => return true,
        }
    }
    !rest.is_empty()
}

/// An element found inside a record.
#[derive(Debug, Clone)]
pub struct Element<'a> {
    /// The raw content between the start and end tags.
    pub inner: &'a str,
    /// Byte range of `inner`.
    pub content: Range<usize>,
    /// Byte range from the start of the start tag to the end of the end tag (or content).
    pub outer: Range<usize>,
    /// Indices of the tags inside the element.
    pub tags: Range<usize>,
    /// Whether the end tag was there.
    pub closed: bool,
}

/// How an element without its end tag ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Holds only text: ends at the next known tag.
    Leaf,
    /// Holds other elements: ends at the next start tag of its own name, or with the range
    /// it was looked up in.
    Container,
}

/// Looks elements up among `tags[range]`, whose text ends at byte `end`.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'t, 'a> {
    pub text: &'a str,
    pub tags: &'t [Tag<'a>],
    pub range: (usize, usize),
    pub end: usize,
}

impl<'t, 'a> Scope<'t, 'a> {
    pub fn record(text: &'a str, tags: &'t [Tag<'a>], r: &RecordSpan) -> Self {
        Scope {
            text,
            tags,
            range: (r.inner.start, r.inner.end),
            end: r.content.end,
        }
    }

    /// The scope inside an element (for a container's children).
    pub fn inside(&self, e: &Element) -> Self {
        Scope {
            text: self.text,
            tags: self.tags,
            range: (e.tags.start, e.tags.end),
            end: e.content.end,
        }
    }

    /// The first element called `name`.
    pub fn first(&self, name: &str, kind: Kind) -> Option<Element<'a>> {
        self.element_from(self.range.0, name, kind)
    }

    /// Every element called `name`, in document order.
    pub fn all(&self, name: &str, kind: Kind) -> Vec<Element<'a>> {
        let mut out = Vec::new();
        let mut from = self.range.0;
        while let Some(e) = self.element_from(from, name, kind) {
            // Past the end tag, or at the tag that cut an unclosed element short.
            from = (e.tags.end + usize::from(e.closed)).max(from + 1);
            out.push(e);
        }
        out
    }

    fn element_from(&self, from: usize, name: &str, kind: Kind) -> Option<Element<'a>> {
        let (lo, hi) = self.range;
        let open = (from.max(lo)..hi).find(|&i| !self.tags[i].close && self.tags[i].is(name))?;
        let start = self.tags[open];
        // Elements of one name never nest here, so the search stops at the next tag of the
        // same name: an unclosed element cannot send it to the end of the record, which
        // would make `all` quadratic on a record full of unclosed tags.
        let next_same = (open + 1..hi).find(|&i| self.tags[i].is(name));
        let (inner_end, outer_end, tag_end, closed) = match next_same {
            Some(c) if self.tags[c].close => (self.tags[c].start, self.tags[c].end, c, true),
            _ if kind == Kind::Leaf && open + 1 < hi => {
                let next = self.tags[open + 1].start;
                (next, next, open + 1, false)
            }
            Some(c) => (self.tags[c].start, self.tags[c].start, c, false),
            None => (self.end, self.end, hi, false),
        };
        let content = start.end..inner_end.max(start.end);
        Some(Element {
            inner: self.text.get(content.clone())?,
            content,
            outer: start.start..outer_end.max(start.end),
            tags: open + 1..tag_end,
            closed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, known: Option<&[&str]>) -> Vec<String> {
        tags(text, known)
            .map(|t| format!("{}{}", if t.close { "/" } else { "" }, t.name))
            .collect()
    }

    #[test]
    fn tags_are_found_and_text_is_left_alone() {
        let text = "<!DOCTYPE x><A B=\"1\">x < y <C>z</c> <ABC Corp> a<b</A>";
        assert_eq!(
            names(text, None),
            ["A", "C", "/c", "ABC", "/A"].map(String::from)
        );
        assert_eq!(
            names(text, Some(&["a", "c"])),
            ["A", "C", "/c", "/A"].map(String::from)
        );
        assert!(names("<<<<>>>> <1a> <a,b> < a>", None).is_empty());
        assert!(names("", None).is_empty());
        let long = format!("<A {}>", "x".repeat(2000));
        assert!(names(&long, None).is_empty());
    }

    #[test]
    fn attributes() {
        let a = " TOPICS=\"YES\" OLDID='5544' NEWID=1 BARE";
        assert_eq!(attr(a, "newid"), Some("1"));
        assert_eq!(attr(a, "OLDID"), Some("5544"));
        assert_eq!(attr(a, "TOPICS"), Some("YES"));
        assert_eq!(attr(a, "BARE"), None);
        assert_eq!(attr(" A=\"unterminated", "A"), Some("unterminated"));
        assert_eq!(attr("", "A"), None);
        assert_eq!(attr(" = = =", "A"), None);
    }

    #[test]
    fn records_split_with_and_without_end_tags() {
        let text = "<!DOCTYPE x>\n<R>one</R>junk<R>two<R>three";
        let t: Vec<Tag> = tags(text, Some(&["R"])).collect();
        let (recs, stray) = split_records(text, &t, "R");
        let bodies: Vec<&str> = recs.iter().map(|r| &text[r.content.clone()]).collect();
        assert_eq!(bodies, ["one", "two", "three"]);
        assert_eq!(
            recs.iter().map(|r| r.closed).collect::<Vec<_>>(),
            [true, false, false]
        );
        assert_eq!(stray, 1);
    }

    #[test]
    fn elements_with_missing_end_tags() {
        let text = "<R><T>title<B>body text</R>";
        let t: Vec<Tag> = tags(text, Some(&["R", "T", "B", "X"])).collect();
        let (recs, _) = split_records(text, &t, "R");
        let s = Scope::record(text, &t, &recs[0]);
        let title = s.first("T", Kind::Leaf).unwrap();
        assert_eq!((title.inner, title.closed), ("title", false));
        let body = s.first("B", Kind::Container).unwrap();
        assert_eq!(body.inner, "body text");
        assert!(s.first("X", Kind::Leaf).is_none());
    }

    #[test]
    fn many_unclosed_elements_stay_linear() {
        let text = format!("<D>{}</D>", "<X>word ".repeat(200_000));
        let t: Vec<Tag> = tags(&text, Some(&["D", "X"])).collect();
        let (recs, _) = split_records(&text, &t, "D");
        let s = Scope::record(&text, &t, &recs[0]);
        let started = std::time::Instant::now();
        assert_eq!(s.all("X", Kind::Leaf).len(), 200_000);
        assert_eq!(s.all("X", Kind::Container).len(), 200_000);
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn all_elements_and_nested_scopes() {
        let text = "<D><X>a</X><X>b<X>c</X><Y><X>d</X></Y></D>";
        let t: Vec<Tag> = tags(text, Some(&["D", "X", "Y"])).collect();
        let (recs, _) = split_records(text, &t, "D");
        let s = Scope::record(text, &t, &recs[0]);
        let xs: Vec<&str> = s.all("X", Kind::Leaf).iter().map(|e| e.inner).collect();
        assert_eq!(xs, ["a", "b", "c", "d"]);
        let y = s.first("Y", Kind::Container).unwrap();
        let inner = s.inside(&y);
        assert_eq!(inner.first("X", Kind::Leaf).unwrap().inner, "d");
        assert_eq!(&text[y.outer.clone()], "<Y><X>d</X></Y>");
    }
}
