//! Which format a file is in: from its name first, then from its first bytes.
//!
//! Names decide when they are specific (`.html`, `.json`, `.sgm`); content decides for
//! `.txt`, files without an extension and unknown extensions (wire feeds use `.tst`,
//! `.dat`, none at all), because archives mislabel files all the time.

use crate::extract::Format;

/// Extensions that are never articles: skipped without being read.
const NOT_ARTICLES: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "pdf", "doc", "docx",
    "xls", "xlsx", "ppt", "pptx", "zip", "tar", "tgz", "bz2", "xz", "7z", "rar", "exe", "dll",
    "so", "dylib", "bin", "o", "a", "class", "jar", "pyc", "mp3", "mp4", "m4a", "wav", "ogg",
    "avi", "mov", "mkv", "webm", "woff", "woff2", "ttf", "otf", "eot", "css", "js", "map", "md",
    "rst", "toml", "yaml", "yml", "ini", "cfg", "lock", "db", "sqlite", "parquet", "csv", "tsv",
    "py", "rs", "go", "c", "h", "sh", "ds_store", "dtd", "xsd", "ent", "scss",
];

/// README, LICENSE and similar files describe an archive; they are not articles.
fn is_archive_documentation(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README"
            | "LICENSE"
            | "LICENCE"
            | "COPYING"
            | "CHANGELOG"
            | "NOTICE"
            | "AUTHORS"
            | "SOURCE"
    )
}

/// What the name says about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameHint {
    /// Not an article (image, archive documentation, code...): skip without reading.
    Skip,
    /// The extension names the format.
    Format(Format),
    /// Read it and look at the content.
    Sniff,
}

/// `(hint, gzipped)` for a file name; `.gz` is stripped before looking at the rest.
pub fn from_name(name: &str) -> (NameHint, bool) {
    let (name, gz) = match name.len().checked_sub(3).and_then(|i| name.get(i..)) {
        Some(ext) if name.len() > 3 && ext.eq_ignore_ascii_case(".gz") => {
            (&name[..name.len() - 3], true)
        }
        _ => (name, false),
    };
    if is_archive_documentation(name) {
        return (NameHint::Skip, gz);
    }
    let ext = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => return (NameHint::Sniff, gz),
    };
    let hint = match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx" => {
            NameHint::Format(Format::Html)
        }
        "json" => NameHint::Format(Format::Json),
        "jsonl" | "ndjson" | "jl" => NameHint::Format(Format::Jsonl),
        "xml" | "nitf" | "newsml" | "nml" | "atom" | "rss" => NameHint::Format(Format::Xml),
        "sgm" | "sgml" | "trec" => NameHint::Format(Format::Sgml),
        e if NOT_ARTICLES.contains(&e) => NameHint::Skip,
        _ => NameHint::Sniff,
    };
    (hint, gz)
}

/// Decides the format from the start of the (decoded) text.
pub fn from_content(text: &str) -> Format {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    // A text renderer passes an XHTML page's declaration through to the text it prints
    // (html2text); what follows the declaration decides.
    if let Some(after) = declaration_over_text(start) {
        return from_content(after);
    }
    let head: String = start.chars().take(1024).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Format::Html;
    }
    if lower.starts_with("<reuters")
        || lower.starts_with("<doc>")
        || lower.starts_with("<!doctype lewis")
    {
        return Format::Sgml;
    }
    if lower.starts_with("<?xml")
        || lower.starts_with("<nitf")
        || lower.starts_with("<newsmessage")
        || lower.starts_with("<newsml")
        || lower.starts_with("<newsitem")
        || lower.starts_with("<rss")
        || lower.starts_with("<feed")
    {
        // XHTML declares itself as XML too.
        if lower.contains("<html") {
            return Format::Html;
        }
        return Format::Xml;
    }
    if lower.starts_with('<')
        && (lower.contains("<head") || lower.contains("<body") || lower.contains("<meta"))
    {
        return Format::Html;
    }
    if lower.starts_with('[') {
        return Format::Json;
    }
    if lower.starts_with('{') {
        // One object per line is JSON Lines; one object over many lines is JSON.
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let first = lines.next().unwrap_or("");
        let second = lines.next();
        let one_per_line = first.ends_with('}') && second.is_none_or(|l| l.starts_with('{'));
        return if one_per_line && second.is_some() {
            Format::Jsonl
        } else {
            Format::Json
        };
    }
    Format::Text
}

/// The text after an XML declaration (`<?xml …?>`) when no element follows it: what a
/// text renderer leaves of an XHTML page.
fn declaration_over_text(start: &str) -> Option<&str> {
    let rest = start
        .get(..5)
        .filter(|h| h.eq_ignore_ascii_case("<?xml"))
        .and_then(|_| start.split_once("?>"))?
        .1
        .trim_start();
    (!rest.is_empty() && !rest.starts_with('<')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declaration_over_rendered_text_is_text() {
        let dump = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n\nLe blog du Muséum\n";
        assert_eq!(from_content(dump), Format::Text);
        assert_eq!(
            from_content("<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss>"),
            Format::Xml
        );
        assert_eq!(from_content("<?xml version=\"1.0\"?>"), Format::Xml);
    }

    #[test]
    fn names() {
        assert_eq!(from_name("a.txt"), (NameHint::Sniff, false));
        assert_eq!(
            from_name("a.html.gz"),
            (NameHint::Format(Format::Html), true)
        );
        assert_eq!(
            from_name("A.JSONL"),
            (NameHint::Format(Format::Jsonl), false)
        );
        assert_eq!(
            from_name("reut2-000.sgm"),
            (NameHint::Format(Format::Sgml), false)
        );
        assert_eq!(from_name("photo.jpg"), (NameHint::Skip, false));
        assert_eq!(from_name("README.TXT"), (NameHint::Skip, false));
        assert_eq!(from_name("LICENSE"), (NameHint::Skip, false));
        assert_eq!(from_name("ap_anpa-6.tst"), (NameHint::Sniff, false));
        assert_eq!(from_name("noext"), (NameHint::Sniff, false));
        assert_eq!(from_name(".gz"), (NameHint::Sniff, false));
    }

    #[test]
    fn content() {
        assert_eq!(from_content("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(from_content("<?xml version=\"1.0\"?>\n<nitf>"), Format::Xml);
        assert_eq!(
            from_content("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"),
            Format::Html
        );
        assert_eq!(from_content("<REUTERS TOPICS=\"NO\">"), Format::Sgml);
        assert_eq!(from_content("<DOC>\n<DOCNO>AP1</DOCNO>"), Format::Sgml);
        assert_eq!(from_content("{\"a\":1}\n{\"a\":2}\n"), Format::Jsonl);
        assert_eq!(from_content("{\n  \"a\": 1\n}"), Format::Json);
        assert_eq!(from_content("{\"a\":1}"), Format::Json);
        assert_eq!(from_content("[{\"a\":1}]"), Format::Json);
        assert_eq!(from_content("Title\n\nBody"), Format::Text);
        assert_eq!(from_content(""), Format::Text);
    }
}
