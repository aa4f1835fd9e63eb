//! ANPA-1312, as AP sends it: inside the frame, header lines start with a caret and end
//! with `<` or `=`, paragraphs start with a tab, agate table rows with a backspace.
//!
//! ```text
//! SYN SYN SOH W2870 US asian            routing (envelope, dropped)
//! f l DC3 DC1 BC-LT--Argentina-Cancer   slug and word count (envelope, dropped)
//! STX ^BC-LT--Argentina-Cancer Beauty,466<    the slug: the title only as a fallback
//! ^For Argentine chemo patients, mirrors can hurt <   the title
//! ^AP Photo XNP101<  ^Eds: With AP Photos.<   editor notes, dropped
//! ^By PAUL BYRNE=  ^Associated Press=   byline, and the job title (dropped)
//! TAB   BUENOS AIRES, Argentina (AP) _ For cancer patients ...   a paragraph
//! TAB   ETX AP-WF-11-13-13 1509GMT<   the transmission time, after ETX
//! ```
//!
//! Before the first paragraph, a long `^...<` line after the title is the story's
//! summary (it repeats the lead): kept out of the body like NITF's abstract, unless the
//! story has nothing else. Other caret lines after the title (headline lists, agate
//! section heads such as `^Sunday's Games=`) are body lines. AP's typewriter typography
//! is set right: ``` `` ``` and `''` are curly double quotes, a backtick an opening single
//! quote, a spaced `_` a dash.

use crate::article::Fields;
use crate::extract::byline;

use super::frame::{clean_line, split_frame, strip_end_marker, trailer_date};

/// A caret line this long, between the title and the first paragraph, is a summary.
const SUMMARY_MIN_WORDS: usize = 12;

/// What opens a line inside the frame.
enum Line<'a> {
    /// `^...`: a header line, or after the title a body line.
    Caret(&'a str),
    /// TAB: a paragraph.
    Paragraph(&'a str),
    /// BS: a row of an agate table.
    TableRow(&'a str),
    Blank,
    Other(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    if let Some(rest) = line.strip_prefix('^') {
        Line::Caret(rest)
    } else if let Some(rest) = line.strip_prefix('\u{8}') {
        Line::TableRow(rest)
    } else if line.starts_with('\t') {
        Line::Paragraph(line)
    } else if clean_line(line).is_empty() {
        Line::Blank
    } else {
        Line::Other(line)
    }
}

pub(super) fn extract(raw: &str) -> Fields {
    let frame = split_frame(raw);
    let mut fields = Fields {
        date: trailer_date(frame.trailer),
        ..Fields::default()
    };
    let mut slug: Option<String> = None;
    let mut summary: Option<String> = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut table: Vec<String> = Vec::new();
    // The header ends at the first paragraph or table row.
    let mut in_body = false;
    let mut after_byline = false;

    for line in frame.text.lines() {
        let kind = classify(line);
        if !matches!(kind, Line::TableRow(_)) && !table.is_empty() {
            paragraphs.push(std::mem::take(&mut table).join("\n"));
        }
        let was_after_byline = std::mem::take(&mut after_byline);
        match kind {
            Line::Blank => {}
            Line::TableRow(row) => {
                in_body = true;
                // The header row of a table starts with a caret (an empty first cell).
                let text = clean_line(strip_end_marker(row));
                let text = text.trim_start_matches('^').trim_start();
                if !text.is_empty() {
                    table.push(text.to_string());
                }
            }
            Line::Paragraph(p) | Line::Other(p) => {
                in_body = true;
                push_paragraph(&mut paragraphs, p);
            }
            Line::Caret(rest) => {
                if slug.is_none() && fields.title.is_none() && !in_body {
                    // `^*9006< ^AP-Top-Entertainment-Headlines,0176<`: the last part.
                    let last = rest.rsplit('^').next().unwrap_or(rest);
                    slug = Some(clean_line(strip_end_marker(last)));
                    continue;
                }
                let text = clean_line(strip_end_marker(rest));
                if text.is_empty() || text == "END" {
                    continue;
                }
                if in_body {
                    push_paragraph(&mut paragraphs, rest);
                    continue;
                }
                if was_after_byline && rest.trim_end().ends_with('=') && is_job_title(&text) {
                    continue;
                }
                if is_editor_note(&text) {
                    continue;
                }
                if fields.byline.is_none() {
                    if let Some(name) = byline::strip_prefix_ci(&text, "by ") {
                        fields.byline = byline::normalize(name);
                        after_byline = true;
                        continue;
                    }
                }
                if fields.title.is_none() {
                    fields.title = Some(ap_typography(&text));
                } else if summary.is_none()
                    && rest.trim_end().ends_with('<')
                    && text.split_whitespace().count() >= SUMMARY_MIN_WORDS
                {
                    summary = Some(ap_typography(&text));
                } else {
                    push_paragraph(&mut paragraphs, rest);
                }
            }
        }
    }
    if !table.is_empty() {
        paragraphs.push(table.join("\n"));
    }
    if paragraphs.is_empty() {
        paragraphs.extend(summary);
    }
    if fields.title.is_none() {
        fields.title = slug.as_deref().and_then(slug_title);
    }
    fields.body = paragraphs.join("\n\n");
    fields
}

fn push_paragraph(paragraphs: &mut Vec<String>, line: &str) {
    let text = ap_typography(&clean_line(strip_end_marker(line)));
    // `___` separates the story from its notes; it carries no text.
    if !text.is_empty() && !text.chars().all(|c| c == '_') {
        paragraphs.push(text);
    }
}

/// Notes to editors between the title and the story: photo and video numbers, `Eds:`
/// instructions, editor's notes, alert tags.
fn is_editor_note(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "ap photo",
        "ap video",
        "ap audio",
        "ap graphic",
        "with ap photo",
        "eds:",
        "eds.",
        "(eds",
        "editor's note",
        "editor’s note",
        "editors' note",
        "editors note",
        "apnewsnow",
    ];
    let lower = text.to_lowercase();
    PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// The `=` line after a byline: "Associated Press", "AP Sports Writer". Agate heads in
/// the same place ("AMERICAN LEAGUE", "East Division") name no role and stay.
fn is_job_title(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "press",
        "writer",
        "correspondent",
        "editor",
        "reporter",
        "columnist",
        "critic",
        "staff",
        "producer",
        "analyst",
        "photographer",
        "journalist",
        "chief",
        "bureau",
    ];
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let role = |w: &String| {
        let w = w.trim_end_matches([',', '.']);
        ROLES.contains(&w) || w.strip_suffix('s').is_some_and(|s| ROLES.contains(&s))
    };
    words.len() <= 6 && words.iter().any(role)
}

/// A title from the slug when the story has none: `BC-WEA--Global Weather-Fahrenheit,<`
/// -> "Global Weather-Fahrenheit"; `BC-US--Giant Lobster Death, 1st Ld-Writethru,127` ->
/// "Giant Lobster Death".
fn slug_title(slug: &str) -> Option<String> {
    let mut parts: Vec<&str> = slug.split(',').map(str::trim).collect();
    // The word count and version tags ("1st Ld-Writethru", "Correction") follow commas.
    while parts.len() > 1 {
        let last = parts[parts.len() - 1].to_lowercase();
        let tag = last.is_empty()
            || last.chars().all(|c| c.is_ascii_digit())
            || last.contains("ld-")
            || last.contains("writethru")
            || last.contains("correction")
            || last.contains("advisory");
        if !tag {
            break;
        }
        parts.pop();
    }
    let name = parts.join(", ");
    // `BC-LT--`: the cycle and category codes before a double dash.
    let name = match name.split_once("--") {
        Some((codes, rest)) if codes.len() <= 8 && !codes.contains(' ') => rest,
        _ => name.strip_prefix("BC-").unwrap_or(&name),
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// AP's ASCII typography: ``` `` ``` and `''` for double quotes, a backtick for an
/// opening single quote (the closing one is the apostrophe), ` _ ` for a dash.
fn ap_typography(text: &str) -> String {
    if !text.contains('`') && !text.contains("''") && !text.contains(" _ ") {
        return text.to_string();
    }
    let text = text
        .replace("``", "“")
        .replace("''", "”")
        .replace('`', "‘")
        .replace(" _ ", " — ");
    // The `'` closing a backtick quote, not an apostrophe inside a word ("don't").
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '‘' => open = true,
            '\'' if open && !chars.peek().is_some_and(|n| n.is_alphanumeric()) => {
                open = false;
                out.push('’');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A story in AP's layout (invented text), with CRLF line ends as some feeds send.
    const STORY: &str = "\u{16}\u{16}\u{1}W1234\u{1f}asian\r\n\
        f l\u{13}\u{11} BC-EU--Orchard-Frost     04-02 0311\r\n\
        \u{2}^BC-EU--Orchard Frost, 1st Ld-Writethru,311<\r\n\
        ^Late frost hits cherry orchards in the valley <\r\n\
        ^AP Photo XYZ101, XYZ102<\r\n\
        ^Eds: Updates with growers' comments.<\r\n\
        ^By ANNA TESTER and BEN EXAMPLE=\r\n\
        ^Associated Press=\r\n\
        \t   OAKDALE, Examplia (AP) _ Growers counted their losses ``in the `dark,' don't you see,'' one said. \r\n \r\n\
        \t   The cold lasted two nights.<\r\n\
        \t   ___\r\n\
        \t   Ben Example contributed.\r\n\
        \r\n\
        \t   \u{3}AP-WF-04-02-17 0915GMT<\r\n\r\n\u{c}\r\n\u{4}";

    fn run(raw: &str) -> Fields {
        let raw = crate::extract::wiretext::frame::unify_newlines(raw);
        extract(&raw)
    }

    #[test]
    fn story_header_body_and_trailer() {
        let f = run(STORY);
        assert_eq!(
            f.title.as_deref(),
            Some("Late frost hits cherry orchards in the valley")
        );
        assert_eq!(f.byline.as_deref(), Some("ANNA TESTER and BEN EXAMPLE"));
        assert_eq!(
            f.date.map(|d| d.at.to_string()).as_deref(),
            Some("2017-04-02 9:15:00.0 +00:00:00")
        );
        assert_eq!(
            f.body,
            "OAKDALE, Examplia (AP) — Growers counted their losses “in the ‘dark,’ don't you see,” one said.\n\n\
             The cold lasted two nights.\n\nBen Example contributed."
        );
    }

    #[test]
    fn agate_with_tables_and_section_heads() {
        let raw = "\u{16}\u{16}\u{1}s0001\u{1f}-----\n\
            r s\u{13}\u{11} BC-BBO--Glance     08-18 \n\
            \u{2}^BC-BBO--Test Glance<\n\
            ^Test League Glance=\n\
            ^All Times EDT=\n\
            ^By The Associated Press=\n\
            ^NORTH LEAGUE=\n\
            \u{8}^\u{1f}\u{1e} W\u{1e} L\n\
            \u{8}Oak\u{10} Falls\u{1f}\u{1e} 73\u{1e} 52\n\
            \u{8}Elm Town\u{1f}\u{1e} 70\u{1e} 55\n\
            ^Saturday's Games=\n\
            \t   Oak Falls 6, Elm Town 5\n\
            \t   ___=\n\
            \n\t   \u{3}AP-WF-08-18-19 2017GMT<\n";
        let f = run(raw);
        assert_eq!(f.title.as_deref(), Some("Test League Glance"));
        assert_eq!(f.byline.as_deref(), Some("The Associated Press"));
        assert_eq!(
            f.body,
            "All Times EDT\n\nNORTH LEAGUE\n\nW L\nOak Falls 73 52\nElm Town 70 55\n\n\
             Saturday's Games\n\nOak Falls 6, Elm Town 5"
        );
        assert!(f.date.is_some());
    }

    #[test]
    fn summary_line_is_kept_out_of_the_body() {
        let raw = "\u{16}\u{16}\u{1}z1\n\u{2}^BC-BKN--Test,99<\n\
            ^Home side wins late<\n\
            ^The home side scored twice in the last minute to win the match on Friday night.<\n\
            ^By CARL TEST=\n^AP Sports Writer=\n\
            \t   TOWN (AP) _ The home side scored twice.\n\u{3}";
        let f = run(raw);
        assert_eq!(f.title.as_deref(), Some("Home side wins late"));
        assert_eq!(f.byline.as_deref(), Some("CARL TEST"));
        assert_eq!(f.body, "TOWN (AP) — The home side scored twice.");
        // With no paragraphs, the summary is the story.
        let raw = "\u{16}\u{16}\u{1}z1\n\u{2}^BC-X--Test,99<\n^Title here<\n\
            ^The home side scored twice in the last minute to win the match on Friday night.<\n\u{3}";
        assert!(run(raw).body.starts_with("The home side scored"));
    }

    #[test]
    fn headline_list_after_the_title_is_body() {
        let raw = "\u{16}\u{16}\u{1}V1\u{1f}-----\n\
            r e\u{13}\u{11} AP-Top-Test     02-09 0121\n\
            \u{2}^*9006< ^AP-Top-Test-Headlines,0176<\n\
            ^AP Top Test News at 11:23 p.m. EST<\n\
            ^First headline here\n^Second headline here\n\
            \n\t   \u{3}AP-WF-02-10-16 0423GMT<\n";
        let f = run(raw);
        assert_eq!(
            f.title.as_deref(),
            Some("AP Top Test News at 11:23 p.m. EST")
        );
        assert_eq!(f.body, "First headline here\n\nSecond headline here");
        assert_eq!(
            f.date.map(|d| d.at.to_string()).as_deref(),
            Some("2016-02-10 4:23:00.0 +00:00:00")
        );
    }

    #[test]
    fn slug_is_the_title_only_when_there_is_none() {
        let raw = "\u{16}\u{16}\u{1}W1\n\u{2}^BC-WEA--Test Weather-Celsius,<\n\
            \t   Town;1;2<\n\t   Other;3;4<\n^END<\n\u{3}";
        let f = run(raw);
        assert_eq!(f.title.as_deref(), Some("Test Weather-Celsius"));
        assert_eq!(f.body, "Town;1;2\n\nOther;3;4");
        assert_eq!(
            slug_title("BC-US--Giant Test Death, 1st Ld-Writethru,127").as_deref(),
            Some("Giant Test Death")
        );
        assert_eq!(
            slug_title("BC-10 Things to Test-Today,364").as_deref(),
            Some("10 Things to Test-Today")
        );
        assert_eq!(
            slug_title("AP-Top-Test,0176").as_deref(),
            Some("AP-Top-Test")
        );
        assert_eq!(slug_title(",12"), None);
        assert_eq!(slug_title(""), None);
    }

    #[test]
    fn truncated_and_garbage_frames() {
        // Cut off in the header: the slug is all there is.
        let f = run("\u{16}\u{16}\u{1}W1\n\u{2}^BC-LT--Cut Story,466<\n^Half a ti");
        assert_eq!(f.title.as_deref(), Some("Half a ti"));
        assert_eq!(f.body, "");
        assert_eq!(f.date, None);
        // Only the frame.
        assert_eq!(run("\u{16}\u{16}\u{1}\u{2}\u{3}"), Fields::default());
        // A trailer that is no date.
        let f = run("\u{16}\u{16}\u{1}x\n\u{2}^S<\n^T<\n\t   Text.\n\u{3}AP-WF-99-99-99 9999GMT<");
        assert_eq!(f.date, None);
        assert_eq!(f.body, "Text.");
        // Stray control characters inside the text do not survive.
        let f = run("\u{16}\u{16}\u{1}x\n\u{2}^S<\n^T\u{7}itle<\n\t   A\u{1b}B\u{7f}C\n\u{3}");
        assert_eq!(f.title.as_deref(), Some("Title"));
        assert_eq!(f.body, "ABC");
    }

    #[test]
    fn editor_notes_and_job_titles() {
        for note in [
            "AP Photo XNP101",
            "Eds: With AP Photos.",
            "(Eds: Minor edits.)",
            "EDITOR'S NOTE _ This is part of a series.",
            "APNewsNow. Changes headline.",
        ] {
            assert!(is_editor_note(note), "{note}");
        }
        assert!(!is_editor_note("Apple profits soar"));
        for role in [
            "Associated Press",
            "AP Sports Writer",
            "AP Business Writers",
        ] {
            assert!(is_job_title(role), "{role}");
        }
        for head in ["AMERICAN LEAGUE", "East Division", "All Times EDT"] {
            assert!(!is_job_title(head), "{head}");
        }
    }
}
