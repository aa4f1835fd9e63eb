//! A guard against pathological nesting, applied to the markup before it is parsed.
//!
//! html5ever builds trees of any depth without recursion, but its tree builder scans the
//! stack of open elements for many start tags, so N nested elements cost O(N²): 20,000
//! nested `<div>`s take seconds to parse, 100,000 take minutes. Real pages nest a few
//! dozen levels deep. This pass tracks the nesting depth of the raw tags and, beyond
//! `limit`, drops the tags (never the text) that would nest deeper, in one linear scan.
//!
//! The depth is approximate (it is the markup's, not the parsed tree's): void elements and
//! elements whose end tag is implied (`p`, `li`, `td`, ...) are not counted, the content of
//! `script`, `style` and similar raw-text elements and comments is skipped.

use std::borrow::Cow;

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image", "command",
];

/// Elements the parser closes by itself, which therefore never pile up; plus the document
/// skeleton.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// `html` with the tags nested deeper than `limit` removed; borrowed when nothing is.
pub fn cap_nesting(html: &str, limit: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        i = start + 1;
        let Some(&next) = bytes.get(i) else { break };
        if next == b'!' || next == b'?' {
            // Comment, doctype, CDATA, processing instruction.
            let end = if html[i..].starts_with("!--") {
                html[i + 3..].find("-->").map(|e| i + 3 + e + 3)
            } else {
                html[i..].find('>').map(|e| i + e + 1)
            };
            match end {
                Some(e) => i = e,
                None => break,
            }
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(end) = tag_end(bytes, name_start + name_len) else {
            break;
        };
        i = end;
        if closing {
            if VOID.contains(&name.as_str()) || IMPLIED_END.contains(&name.as_str()) {
                continue;
            }
            if depth > limit {
                drops.push((start, end));
            }
            depth = depth.saturating_sub(1);
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // Skip to the matching end tag (case-insensitive).
            let close = format!("</{name}");
            i = find_ci(html, end, &close).unwrap_or(html.len());
            continue;
        }
        if VOID.contains(&name.as_str()) || IMPLIED_END.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        if depth > limit {
            drops.push((start, end));
        }
    }
    if drops.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in drops {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// Index just past the `>` closing a tag whose attributes start at `from`, honouring
/// quoted attribute values; `None` when the input ends first.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut j = from;
    let mut after_eq = false;
    while j < bytes.len() {
        match bytes[j] {
            b'>' => return Some(j + 1),
            b'=' => after_eq = true,
            q @ (b'"' | b'\'') if after_eq => {
                let close = bytes[j + 1..].iter().position(|&b| b == q)?;
                j += close + 1;
                after_eq = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        j += 1;
    }
    None
}

fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    let first = n[0];
    let bytes = hay.as_bytes();
    let mut i = from;
    while let Some(off) = bytes[i..].iter().position(|&b| b == first) {
        let at = i + off;
        if bytes.len() >= at + n.len() && bytes[at..at + n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_markup_is_untouched() {
        let html = "<html><body><div><p>a<p>b<ul><li>c<li>d</ul><br><img src=x></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(cap_nesting(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_but_text_kept() {
        let html = format!(
            "{}text{}",
            "<div class=\"x>y\">".repeat(10),
            "</div>".repeat(10)
        );
        let capped = cap_nesting(&html, 4);
        assert_eq!(
            capped,
            format!(
                "{}text{}",
                "<div class=\"x>y\">".repeat(4),
                "</div>".repeat(4)
            )
        );
        // Unclosed, mixed.
        let html = format!("{}end", "<span><div>".repeat(50));
        let capped = cap_nesting(&html, 10);
        assert_eq!(capped.matches('<').count(), 10);
        assert!(capped.ends_with("end"));
    }

    #[test]
    fn raw_text_and_comments_are_not_markup() {
        let html = format!(
            "<script>{}</script><!-- {} --><div>x</div>",
            "<div>".repeat(20),
            "<div>".repeat(20)
        );
        assert!(matches!(cap_nesting(&html, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "<",
            "</",
            "<a",
            "<a href='",
            "<!--",
            "<script>",
            "<1>",
            "é<é>",
            "<a\u{0}>",
        ] {
            let _ = cap_nesting(s, 0);
        }
    }
}
