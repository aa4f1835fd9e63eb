//! IPTC 7901, as dpa sends it: a header closed by ` =`, hard-wrapped paragraphs, and a
//! tail of notes that are not part of the story.
//!
//! ```text
//! SOH eca062 4 i 211 ccccb   dpa 061    service line (envelope, dropped)
//! Germany-politics/                     keywords (envelope, dropped)
//! STX 1ST LEAD                          tag lines (`REFILE`, `EXTRA`), dropped
//! A title over one or more lines        the title
//! By Jane Doe, dpa =                    the byline; ` =` closes the header
//!
//!    Berlin (dpa) - A paragraph, hard-wrapped
//! at 69 columns.
//!
//! # Notebook                            notes to editors: the story ends here
//! * * * *
//! The following information is not intended for publication
//! - Reporting by: Jane Doe              the byline when the header names no one
//! dpa wsz jln                           desk initials
//! ETX 131137 GMT Nov 13                 transmission time
//! ```
//!
//! A header byline that names no person ("By dpa correspondents") gives way to the
//! reporters named in the tail: they are who wrote the story.

use crate::article::Fields;
use crate::extract::byline;

use super::frame::{clean_line, split_frame, strip_end_marker, trailer_date};

/// The line closing the header comes within this many non-blank lines of STX.
const HEADER_MAX_LINES: usize = 8;
/// Longest first line taken as the title when no line closes the header.
const MAX_TITLE_CHARS: usize = 250;

pub(super) fn extract(raw: &str) -> Fields {
    let frame = split_frame(raw);
    let lines: Vec<&str> = frame.text.lines().collect();
    let mut fields = Fields {
        date: trailer_date(frame.trailer),
        ..Fields::default()
    };
    let (header, rest) = split_header(&lines);
    read_header(&header, &mut fields);
    let (story, tail) = rest.split_at(story_end(rest));
    let mut paragraphs = paragraphs(story);
    if paragraphs.last().is_some_and(|p| is_desk_initials(p)) {
        paragraphs.pop();
    }
    if fields.byline.as_deref().is_none_or(names_no_one) {
        if let Some(reporters) = reporting_by(tail) {
            fields.byline = Some(reporters);
        }
    }
    fields.body = paragraphs.join("\n\n");
    fields
}

/// The header lines (cleaned, non-blank) and the lines after them.
fn split_header<'a>(lines: &'a [&'a str]) -> (Vec<String>, &'a [&'a str]) {
    let non_blank: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, clean_line(l)))
        .filter(|(_, l)| !l.is_empty())
        .take(HEADER_MAX_LINES)
        .collect();
    if let Some(k) = non_blank.iter().position(|(_, l)| l.ends_with('=')) {
        let end = non_blank[k].0;
        let header = non_blank[..=k].iter().map(|(_, l)| l.clone()).collect();
        return (header, &lines[end + 1..]);
    }
    // No closing ` =`: the first short line after any tags stands for the title.
    match non_blank.iter().position(|(_, l)| !is_tag(l)) {
        Some(k) if non_blank[k].1.chars().count() <= MAX_TITLE_CHARS => {
            let header = non_blank[..=k].iter().map(|(_, l)| l.clone()).collect();
            (header, &lines[non_blank[k].0 + 1..])
        }
        _ => (Vec::new(), lines),
    }
}

/// Tag lines, title and byline.
fn read_header(header: &[String], fields: &mut Fields) {
    let mut rest: Vec<String> = Vec::new();
    for line in header {
        let line = strip_end_marker(line);
        if fields.byline.is_none() {
            if let Some(name) = byline::strip_prefix_ci(line, "by ") {
                fields.byline = byline::normalize(name);
                continue;
            }
        }
        if !line.is_empty() {
            rest.push(line.to_string());
        }
    }
    let title: Vec<&str> = rest
        .iter()
        .map(String::as_str)
        .filter(|l| !is_tag(l))
        .collect();
    fields.title = if title.is_empty() {
        rest.last().cloned()
    } else {
        Some(title.join(" "))
    };
}

/// `1ST LEAD`, `REFILE`, `EXTRA`, `(Achtung)`: handling marks above the title.
fn is_tag(line: &str) -> bool {
    let parenthesised = line.starts_with('(') && line.ends_with(')');
    let shouted = !line.chars().any(char::is_lowercase) && line.split_whitespace().count() <= 4;
    parenthesised || shouted
}

/// Where the story stops: dpa's notebook heading, or the `* * * *` rule before the
/// information that is not for publication.
fn story_end(lines: &[&str]) -> usize {
    let texts: Vec<String> = lines.iter().map(|l| clean_line(l)).collect();
    for (i, t) in texts.iter().enumerate() {
        if t.starts_with('#') && t.to_lowercase().contains("notebook") {
            return i;
        }
        if t.starts_with("* * *") {
            let next = texts[i + 1..].iter().find(|n| !n.is_empty());
            if next.is_some_and(|n| {
                n.to_lowercase()
                    .starts_with("the following information is not")
            }) {
                return i;
            }
        }
    }
    lines.len()
}

/// Paragraphs are separated by blank lines or start indented; their hard-wrapped lines
/// are joined with spaces.
fn paragraphs(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for line in lines {
        let text = clean_line(line);
        let indented = line.starts_with("  ") || line.starts_with('\t');
        if (text.is_empty() || indented) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur).join(" "));
        }
        if !text.is_empty() {
            cur.push(text);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// `dpa wsz jln npr`: the agency and the initials of the desk staff who handled it.
fn is_desk_initials(paragraph: &str) -> bool {
    const AGENCIES: &[&str] = &["dpa", "dpa-afx", "apa", "sda", "kna", "epd", "sid"];
    let mut words = paragraph.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let initials: Vec<&str> = words.collect();
    AGENCIES.contains(&first)
        && (1..=8).contains(&initials.len())
        && initials
            .iter()
            .all(|w| (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A byline that is only an agency or a role: "dpa correspondents", "dpa".
fn names_no_one(byline: &str) -> bool {
    const NO_ONE: &[&str] = &[
        "dpa",
        "correspondent",
        "correspondents",
        "reporter",
        "reporters",
        "staff",
        "agency",
        "agencies",
        "and",
        "the",
        "our",
    ];
    byline
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| NO_ONE.contains(&w.to_lowercase().as_str()))
}

/// `- Reporting by: Jane Doe in Berlin` in the tail, with its indented continuation lines.
fn reporting_by(tail: &[&str]) -> Option<String> {
    let mut found: Option<String> = None;
    for line in tail {
        let text = clean_line(line);
        match found.as_mut() {
            None => {
                let item = text.trim_start_matches(['-', ' ']);
                if let Some(rest) = byline::strip_prefix_ci(item, "reporting by") {
                    found = Some(rest.trim_start_matches([':', ' ']).to_string());
                }
            }
            Some(names) => {
                let continues = line.starts_with([' ', '\t']) && !text.starts_with('-');
                if !continues || text.is_empty() {
                    break;
                }
                names.push(' ');
                names.push_str(&text);
            }
        }
    }
    found.and_then(|names| byline::normalize(&names))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dpa story (invented text) with CRLF line ends, a refile tag, an agency-only
    /// byline, a notebook and the contacts tail.
    const STORY: &str = "\u{1}eca0042 3 i 120  dpa 0077\r\n\r\nExamplia/test/\r\n\
        \u{2}REFILE\n1ST LEAD\nTest harbour crane returns after long refit\n\
        By dpa correspondents =\r\n\r\n\
        Portsea (dpa) - The blue crane is back on the east quay after two\r\n\
        years, the port said on Wednesday.\r\n\r\n\
        \"It is a good day,\" said a spokeswoman.\r\n\r\n\
        # Notebook\r\n\r\n## Note to editors\r\n- adds quote\r\n\r\n\
        * * * *\r\nThe following information is not intended for publication\r\n\r\n\
        ## Editorial contacts\r\n- Reporting by: Ana Test in Portsea\r\n\
        \x20 and Bo\u{a0}Example in Bern\r\n- Editing by: Cy Test\r\n\r\n\
        dpa at bx\r\n\r\n\u{3}212322 GMT Nov 18\r\n\u{7f}\n\u{7f}\u{4}";

    fn run(raw: &str) -> Fields {
        extract(&crate::extract::wiretext::frame::unify_newlines(raw))
    }

    #[test]
    fn story_header_body_tail_and_trailer() {
        let f = run(STORY);
        assert_eq!(
            f.title.as_deref(),
            Some("Test harbour crane returns after long refit")
        );
        assert_eq!(
            f.byline.as_deref(),
            Some("Ana Test in Portsea and Bo Example in Bern")
        );
        assert_eq!(
            f.date.map(|d| d.at.to_string()).as_deref(),
            Some("2018-11-21 23:22:00.0 +00:00:00")
        );
        assert_eq!(
            f.body,
            "Portsea (dpa) - The blue crane is back on the east quay after two years, \
             the port said on Wednesday.\n\n\"It is a good day,\" said a spokeswoman."
        );
    }

    #[test]
    fn title_closed_by_equals_and_indented_paragraphs() {
        let raw = "\u{1}eca062 4 i 211 ccccb   dpa 061\r\n\r\nTest-politics/\r\n\
            \u{2}Test party says talks could fail =\r\n\r\n\
            \x20  Berlin (dpa) - Talks could fail, a senior\r\nmember warned.\r\n\
            \x20  The party plans a ballot.\r\n\r\n\
            * * * *\r\nThe following information is not for publication\r\n\r\n\
            - Reporting by: Wolf Test\r\n- Editing by: Jo Test\r\n\r\ndpa wt jt\r\n\r\n\
            \u{3}131137 GMT Nov 13 \r\n\u{7f}\r\n\u{7f}\u{4}";
        let f = run(raw);
        assert_eq!(f.title.as_deref(), Some("Test party says talks could fail"));
        assert_eq!(f.byline.as_deref(), Some("Wolf Test"));
        assert_eq!(
            f.body,
            "Berlin (dpa) - Talks could fail, a senior member warned.\n\n\
             The party plans a ballot."
        );
        assert_eq!(
            f.date.map(|d| d.at.to_string()).as_deref(),
            Some("2013-11-13 11:37:00.0 +00:00:00")
        );
    }

    #[test]
    fn named_byline_stays_and_zoneless_trailer() {
        let raw = "\u{1}ecp0007 4 s 850  dpa-tns 0908\r\n\r\nTest/\r\n\
            \u{2}Chiefs 2.0? A fun game, but don't count on it\n\
            By Tom Tester, The Test Tribune =\r\n\r\nText.\r\n\r\n\
            # Notebook\r\n- Reporting by: Someone Else\r\n\r\n\u{3}211259 Nov 18\r\n";
        let f = run(raw);
        assert_eq!(
            f.title.as_deref(),
            Some("Chiefs 2.0? A fun game, but don't count on it")
        );
        // The paper after the name is where the author works, not a byline.
        assert_eq!(f.byline.as_deref(), Some("Tom Tester"));
        assert_eq!(f.body, "Text.");
        assert_eq!(
            f.date.map(|d| d.at.to_string()).as_deref(),
            Some("2018-11-21 12:59:00.0 +00:00:00")
        );
    }

    #[test]
    fn desk_initials_end_a_story_without_notebook() {
        let raw = "\u{1}x\n\u{2}EXTRA\nTitle here =\n\nOne.\n\nTwo.\n\ndpa grj rmo\n\u{3}";
        let f = run(raw);
        assert_eq!(f.title.as_deref(), Some("Title here"));
        assert_eq!(f.body, "One.\n\nTwo.");
        assert!(is_desk_initials("dpa wsz jln npr"));
        for p in ["dpa", "the end of it", "dpa said so today", "dpa WSZ"] {
            assert!(!is_desk_initials(p), "{p}");
        }
    }

    #[test]
    fn header_without_closing_line_and_tags_only() {
        // No ` =`: the first line is the title.
        let f = run("\u{1}x\n\u{2}A plain title\n\nBody line one\nline two.\n\u{3}");
        assert_eq!(f.title.as_deref(), Some("A plain title"));
        assert_eq!(f.body, "Body line one line two.");
        // Only tags: the last one stands for the title.
        let f = run("\u{1}x\n\u{2}(Achtung)\nIMPRESSUM =\n\nTest lines.\n\u{3}");
        assert_eq!(f.title.as_deref(), Some("IMPRESSUM"));
        assert!(is_tag("1ST LEAD") && is_tag("REFILE") && is_tag("(Achtung)"));
        assert!(!is_tag("Germany wins the cup"));
    }

    #[test]
    fn truncated_and_garbage_frames() {
        let f = run("\u{1}eca1\n\nkey/\n\u{2}1ST LEAD\nHalf a tit");
        assert_eq!(f.title.as_deref(), Some("Half a tit"));
        assert_eq!(f.body, "");
        assert_eq!(f.date, None);
        assert_eq!(run("\u{1}\u{2}\u{3}"), Fields::default());
        let f = run("\u{1}x\n\u{2}T\u{7}itle =\n\nA\u{1b}B\n\u{3}9999 GMT Foo 99");
        assert_eq!(f.title.as_deref(), Some("Title"));
        assert_eq!(f.body, "AB");
        assert_eq!(f.date, None);
        // A notebook heading with nothing before it: no body, no panic.
        let f = run("\u{1}x\n\u{2}Title =\n# Notebook\n* * * *\n");
        assert_eq!(f.body, "");
        assert_eq!(reporting_by(&["- Reporting by:"]), None);
        assert_eq!(
            reporting_by(&["- Reporting by: A Test", "  "]).as_deref(),
            Some("A Test")
        );
    }
}
