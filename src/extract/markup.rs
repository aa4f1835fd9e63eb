//! Markup in text fields: character entities (`&amp;`, `&#233;`, `&#x2014;`, and the
//! control-character entities Reuters SGML is full of), and HTML fragments inside JSON,
//! XML and SGML fields (`body_html`, NITF `<p>` runs) turned into paragraphs.
//!
//! This is a small, allocation-light scanner for fragments; whole HTML pages go through
//! the HTML extractor, which parses a DOM.

use std::borrow::Cow;

/// Named entities common in news text. The full HTML5 table is 2,000+ names; these cover
/// what wire and CMS exports actually use.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("pound", '£'),
    ("euro", '€'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("shy", '\u{ad}'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("szlig", 'ß'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Ntilde", 'Ñ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("oelig", 'œ'),
    ("OElig", 'Œ'),
    ("scaron", 'š'),
    ("Scaron", 'Š'),
    ("zcaron", 'ž'),
    ("Zcaron", 'Ž'),
    ("thinsp", ' '),
    ("ensp", ' '),
    ("emsp", ' '),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
];

/// Decodes character entities. Entities for control characters (`&#3;`) and unknown
/// names are dropped or kept as written respectively; malformed ones are left alone.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';' || c == '&' || c.is_whitespace())
            .map(|(j, c)| (j + 1, c));
        match end {
            Some((j, ';')) => {
                let name = &rest[1..j];
                match entity_char(name) {
                    Some(c) => {
                        if !(c.is_control() && c != '\n' && c != '\t') {
                            out.push(c);
                        }
                        rest = &rest[j + 1..];
                    }
                    None => {
                        out.push('&');
                        rest = &rest[1..];
                    }
                }
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity_char(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        // Windows-1252 code points written as numeric references (&#150;) mean the
        // punctuation the author typed, not C1 controls.
        let code = match code {
            0x80..=0x9f => {
                let byte = [code as u8];
                let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
                return s.chars().next();
            }
            c => c,
        };
        return char::from_u32(code);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Block-level tags of HTML, XHTML and the news XML vocabularies (NITF `block`, `hl1`,
/// `body.content`, ...): their boundaries are paragraph breaks. Shared by every extractor
/// that turns markup into paragraphs.
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "main",
    "aside",
    "nav",
    "form",
    "address",
    "details",
    "summary",
    "hl1",
    "hl2",
    "block",
    "body.content",
    "tbody",
    "thead",
    "hl3",
    "tfoot",
    "nitf-table",
    "caption",
];

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "head",
];

/// Turns an HTML fragment into plain paragraphs: tags removed, block boundaries become
/// blank lines, entities decoded, whitespace inside paragraphs collapsed.
pub fn fragment_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(i) = rest.find('<') {
        if skipping.is_none() {
            text.push_str(&rest[..i]);
        }
        rest = &rest[i..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |j| &rest[j + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            if skipping.is_none() {
                text.push_str(rest);
            }
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-' || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(skip) = &skipping {
            if closing && *skip == name {
                skipping = None;
            }
            continue;
        }
        if !closing && SKIP_TAGS.contains(&name.as_str()) && !tag.ends_with('/') {
            skipping = Some(name);
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            text.push_str("\n\n");
        } else if !text.ends_with(char::is_whitespace) && (name == "td" || name == "th") {
            text.push(' ');
        }
    }
    if skipping.is_none() {
        text.push_str(rest);
    }
    paragraphs(&decode_entities(&text))
}

/// Normalises text into paragraphs separated by one blank line, whitespace inside each
/// collapsed, empty paragraphs dropped.
pub fn paragraphs(text: &str) -> String {
    let cleaned = crate::extract::clean::clean_text(text);
    cleaned
        .split("\n\n")
        .map(crate::extract::clean::squash_spaces)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("AT&amp;T &lt;b&gt; caf&eacute; &#233; &#xE9; &#150;"),
            "AT&T <b> café é é –"
        );
        assert_eq!(decode_entities("Reuters&#3; end&#5;&#5;"), "Reuters end");
        assert_eq!(
            decode_entities("fish & chips &unknown; &#zz;"),
            "fish & chips &unknown; &#zz;"
        );
        assert_eq!(decode_entities("plain"), "plain");
        assert_eq!(decode_entities("&"), "&");
        assert_eq!(decode_entities("&#1114112;"), "&#1114112;");
    }

    #[test]
    fn fragments_become_paragraphs() {
        let html = "<p>First  para with <b>bold</b> &amp; more.</p>\n<p>Second<br/>line</p><script>var x=1;</script><!-- c --><p>Third</p>";
        assert_eq!(
            fragment_to_text(html),
            "First para with bold & more.\n\nSecond\n\nline\n\nThird"
        );
        assert_eq!(fragment_to_text("no tags at all"), "no tags at all");
        assert_eq!(fragment_to_text("<p>unclosed <b"), "unclosed <b");
        assert_eq!(fragment_to_text(""), "");
    }
}
