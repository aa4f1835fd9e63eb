//! Wire text into the body convention, and the finishing touches every wire record gets.
//!
//! Shared by the XML dialects and by the JSON extractor (ninjs and CMS exports carry the
//! same agency copy):
//! - rendering an element tree (NITF `body.content`, XHTML `inlineXML`) or an HTML/plain
//!   string into paragraphs separated by one blank line;
//! - "preformatted" wire copy inside a single element (Reuters, ANSA) where a paragraph
//!   starts with an indented line and continuation lines start in column 0;
//! - second-level escaping (`&amp;apos;` in Ritzau feeds), and UTF-8 read as Latin-1 /
//!   Windows-1252 inside the text itself (`Â£`, `â€™`), repaired by [`fix_mojibake`];
//! - the byline from a leading "By ..." paragraph or a trailing "(Reporting by ...)", and a
//!   title from the lead sentence when the item has no headline.

use std::borrow::Cow;

use crate::article::Fields;
use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::dom::{Element, Node};
use crate::extract::markup::{self, decode_entities, fragment_to_text, paragraphs};
use crate::extract::mojibake::fix_mojibake;

/// Elements whose content is never article text: document heads, XHTML headers holding
/// slug lists, NITF media references and notes to editors, scripts.
const SKIP: &[&str] = &[
    "head",
    "header",
    "title",
    "script",
    "style",
    "noscript",
    "media",
    "media-reference",
    "media-metadata",
    "media-producer",
    "note",
    "ed-msg",
    "body.end",
    "iframe",
    "object",
    "svg",
    "template",
];

/// The paragraphs of an element's content.
pub fn element_body(el: &Element) -> String {
    let mut out = String::new();
    render(el, &mut out);
    paragraphs(&out)
}

fn render(el: &Element, out: &mut String) {
    for n in &el.children {
        match n {
            Node::Text(t) => {
                if looks_like_html(t) {
                    out.push_str("\n\n");
                    out.push_str(&html_text(t));
                    out.push_str("\n\n");
                } else {
                    out.push_str(&split_indented(t));
                }
            }
            Node::Element(e) => {
                let name = e.local().to_ascii_lowercase();
                if SKIP.contains(&name.as_str()) {
                    continue;
                }
                match name.as_str() {
                    // Inside wire paragraphs <br/> is a line wrap, not a new paragraph.
                    "br" => out.push('\n'),
                    "td" | "th" => {
                        out.push(' ');
                        render(e, out);
                        out.push(' ');
                    }
                    _ if markup::BLOCK_TAGS.contains(&name.as_str()) => {
                        out.push_str("\n\n");
                        render(e, out);
                        out.push_str("\n\n");
                    }
                    _ => render(e, out),
                }
            }
        }
    }
}

/// True when a string holds HTML markup rather than plain text.
pub fn looks_like_html(s: &str) -> bool {
    let Some(last_gt) = s.rfind('>') else {
        return false;
    };
    let bytes = s.as_bytes();
    bytes[..last_gt]
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// An HTML fragment (a `body_html`, a CDATA section, escaped markup) as paragraphs.
pub fn html_text(html: &str) -> String {
    let text = fragment_to_text(&split_indented(html));
    // A second layer of escaping (`&amp;apos;`) survives one decoding pass.
    if has_entity(&text) {
        paragraphs(&decode_entities(&text))
    } else {
        text
    }
}

/// Plain text (a `body_text`, a text node) as paragraphs: blank lines separate them.
pub fn plain_text(text: &str) -> String {
    paragraphs(&split_indented(text))
}

/// HTML or plain, whichever the string holds.
pub fn any_text(s: &str) -> String {
    if looks_like_html(s) {
        html_text(s)
    } else {
        plain_text(s)
    }
}

fn has_entity(s: &str) -> bool {
    ["&amp;", "&apos;", "&quot;", "&lt;", "&gt;", "&#"]
        .iter()
        .any(|e| s.contains(e))
}

/// Wire copy kept preformatted in one element marks a paragraph by indenting its first
/// line, with continuation lines in column 0. When a text has both kinds of line, an
/// indented line starts a paragraph. Text indented throughout is just pretty-printed XML
/// and is left alone, as are lines that start with markup.
pub fn split_indented(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return Cow::Borrowed(text);
    }
    let is_indented = |l: &str| {
        (l.starts_with("  ") || l.starts_with('\t'))
            && !l.trim().is_empty()
            && !l.trim_start().starts_with('<')
    };
    let is_flush =
        |l: &str| !l.is_empty() && !l.starts_with(char::is_whitespace) && !l.starts_with('<');
    let lines: Vec<&str> = text.split('\n').collect();
    let flush = lines.iter().skip(1).filter(|l| is_flush(l)).count();
    let indented = lines.iter().filter(|l| is_indented(l)).count();
    if flush < 2 || indented == 0 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + indented * 2);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            if is_indented(line) {
                out.push('\n');
            }
        }
        out.push_str(line);
    }
    Cow::Owned(out)
}

/// A title or other one-line field: entities (including a second layer) decoded,
/// invisible characters removed, whitespace collapsed, mojibake repaired.
pub fn one_line(s: &str) -> Option<String> {
    let decoded = decode_entities(s);
    let cleaned = crate::extract::clean::clean_text(&decoded);
    let line = squash_spaces(&fix_mojibake(&cleaned));
    (!line.is_empty()).then_some(line)
}

/// What every wire record gets once its dialect has filled the fields: text repaired,
/// byline normalised or found in the body, a title from the lead when there is none.
pub fn finish(f: &mut Fields) {
    f.title = f.title.take().and_then(|t| one_line(&t));
    f.byline = f
        .byline
        .take()
        .and_then(|b| one_line(&b))
        .and_then(|b| byline::normalize(&b));
    let body = fix_mojibake(&f.body).into_owned();
    let mut paras: Vec<&str> = body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();

    // A leading "By Jane Doe" paragraph is the byline. It leaves the body when it says
    // what the byline field says (or there is none), and only if other text remains.
    if paras.len() > 1 {
        if let Some(b) = by_paragraph(paras[0]) {
            let same = f.byline.as_ref().is_none_or(|x| x.eq_ignore_ascii_case(&b));
            if same {
                f.byline = Some(b);
                paras.remove(0);
            }
        }
    }
    // The trailing "(Reporting by ...)" credit stays in the body (it is part of the
    // story as sent) but names the author when nothing else did.
    if f.byline.is_none() {
        f.byline = paras.iter().rev().take(2).find_map(|p| reporting_by(p));
    }
    f.body = paras.join("\n\n");
    if f.title.is_none() {
        f.title = lead_title(&f.body);
    }
}

fn by_paragraph(p: &str) -> Option<String> {
    if p.chars().count() > 80 || p.contains('\n') {
        return None;
    }
    match byline::top_byline(p)? {
        (name, None) if !name.ends_with(['.', '!', '?', ':']) => Some(name),
        _ => None,
    }
}

/// The reporters in a Reuters-style credit: "(Reporting by A in X and B; Editing by C)".
pub fn reporting_by(p: &str) -> Option<String> {
    let lower = p.to_ascii_lowercase();
    let start = if lower.trim_start().starts_with("reporting by ") {
        lower.find("reporting by ")?
    } else {
        lower.rfind("(reporting by ")? + 1
    };
    let rest = &p[start + "reporting by ".len()..];
    let rest_lower = rest.to_ascii_lowercase();
    let mut end = rest.find([';', ')']).unwrap_or(rest.len());
    for stop in [
        ", editing by",
        " editing by",
        ", writing by",
        " writing by",
        ", compiled by",
    ] {
        if let Some(i) = rest_lower.find(stop) {
            end = end.min(i);
        }
    }
    byline::normalize(rest[..end].trim().trim_end_matches(['.', ',']))
}

/// A title for an item that has none: the lead sentence, or the start of the lead
/// paragraph cut at a word, so the record still has something to show in a hit list.
pub fn lead_title(body: &str) -> Option<String> {
    const MAX: usize = 120;
    let first = body.split("\n\n").find(|p| !p.trim().is_empty())?;
    let first = squash_spaces(first);
    let mut end = None;
    for (i, c) in first.char_indices() {
        if i > MAX {
            break;
        }
        if matches!(c, '.' | '!' | '?') && i >= 20 && first[i + 1..].starts_with(' ') {
            end = Some(i + c.len_utf8());
            break;
        }
    }
    let title = match end {
        Some(e) => first[..e].to_string(),
        None if first.chars().count() <= MAX => first.clone(),
        None => {
            let cut: String = first.chars().take(MAX).collect();
            let cut = cut
                .rsplit_once(' ')
                .map_or(cut.as_str(), |(a, _)| a)
                .to_string();
            format!("{cut}…")
        }
    };
    Some(title).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dom::parse;

    #[test]
    fn renders_blocks_inline_and_tables() {
        let doc = parse(
            "<body.content><p>One <org>Acme</org> line<br/>wrapped.</p><media><media-caption>no</media-caption></media>\
             <hl2>Sub</hl2><table><tr><td>a</td><td>1</td></tr></table><ul><li>x</li><li>y</li></ul></body.content>",
        );
        assert_eq!(
            element_body(&doc.root),
            "One Acme line wrapped.\n\nSub\n\na 1\n\nx\n\ny"
        );
    }

    #[test]
    fn html_in_text_nodes_and_double_escaping() {
        let doc = parse(
            "<content>&lt;p&gt;Spire&amp;amp;apos;s deal&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</content>",
        );
        assert_eq!(element_body(&doc.root), "Spire's deal\n\nTwo");
        assert!(looks_like_html("<p>x</p>"));
        assert!(!looks_like_html("5 < 6 and 7 > 3"));
        assert!(!looks_like_html("a <"));
    }

    #[test]
    fn indented_paragraph_starts() {
        let wire = "(ANSA) - Rome, May 3 - The first\nline goes on here\nand ends.\n   The second starts\nindented and\ncontinues.";
        assert_eq!(
            plain_text(wire),
            "(ANSA) - Rome, May 3 - The first line goes on here and ends.\n\nThe second starts indented and continues."
        );
        // Pretty-printed XML text is indented throughout: one paragraph.
        let pretty = "Results\n      Team A 1\n      Team B 2";
        assert_eq!(plain_text(pretty), "Results Team A 1 Team B 2");
    }

    #[test]
    fn finish_lifts_bylines_and_fills_titles() {
        let mut f = Fields {
            body: "By Jane Doe\n\nLONDON (Reuters) - Something happened today. More.\n\n(Reporting by Omar Haddad; Editing by Sam Lee)".into(),
            ..Default::default()
        };
        finish(&mut f);
        assert_eq!(f.byline.as_deref(), Some("Jane Doe"));
        assert!(f.body.starts_with("LONDON"));
        assert!(f.body.ends_with("Editing by Sam Lee)"));
        assert_eq!(
            f.title.as_deref(),
            Some("LONDON (Reuters) - Something happened today.")
        );

        let mut g = Fields {
            title: Some("  Gold &amp; silver ".into()),
            body:
                "Prices rose.\n\n (Reporting by A. Writer in Bengaluru and B. Writer; Editing by C)"
                    .into(),
            ..Default::default()
        };
        finish(&mut g);
        assert_eq!(g.title.as_deref(), Some("Gold & silver"));
        assert_eq!(
            g.byline.as_deref(),
            Some("A. Writer in Bengaluru and B. Writer")
        );

        // A body that is only a by-line keeps it.
        let mut h = Fields {
            title: Some("T".into()),
            body: "By Toby Davis".into(),
            ..Default::default()
        };
        finish(&mut h);
        assert_eq!(h.body, "By Toby Davis");
        assert_eq!(h.byline, None);
    }

    #[test]
    fn lead_titles() {
        assert_eq!(
            lead_title("Short lead without stop"),
            Some("Short lead without stop".into())
        );
        let long = "word ".repeat(60);
        let t = lead_title(&long).unwrap();
        assert!(t.ends_with('…') && t.chars().count() <= 121, "{t}");
        assert_eq!(lead_title(""), None);
        assert_eq!(
            reporting_by("Reporting by Ann Lee; editing by X"),
            Some("Ann Lee".into())
        );
        assert_eq!(reporting_by("(Additional reporting by Ann Lee)"), None);
    }
}
