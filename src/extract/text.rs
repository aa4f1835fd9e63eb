//! Plain-text articles, as scraped or exported: the layouts found in real archives.
//!
//! - scraped page: boilerplate line(s), title, free-form date line, maybe a photo caption
//!   printed twice, body, and a credit line ("TBP and Agencies") at the foot;
//! - title line, blank line, body (the BBC archive);
//! - title, "By ..." line, date line, body;
//! - a header block of `Title:` / `Date:` / `By:` lines, blank line, body.
//!
//! The header zone is the first few non-blank lines: boilerplate is dropped there, the
//! first plausible line becomes the title, and date and byline lines are taken in any
//! order. Character entities are decoded first. The body is what follows, with boilerplate lines and repeated paragraphs
//! (captions printed twice) removed and the credit line lifted off the end.

use crate::article::{ArticleDate, Fields};
use crate::extract::boilerplate::is_boilerplate;
use crate::extract::byline;
use crate::extract::clean::clean_text;
use crate::extract::clean::squash_spaces;
use crate::extract::date::{find_date, parse_date};

/// Longest line we accept as a title; longer first lines are body text.
const MAX_TITLE_CHARS: usize = 250;
/// How many non-blank lines the header zone spans at most.
const HEADER_LINES: usize = 8;

pub fn extract(raw: &str) -> Fields {
    // Scraped and exported text keeps character entities now and then (`&#163;1.8m`,
    // `Jos&#233;`, Reuters' `&#3;`): decoded (control characters dropped), so that the
    // words are searchable as written. Unknown names and a bare `&` (AT&T) stay as they are.
    let decoded = crate::extract::markup::decode_entities(raw);
    let text = clean_text(&decoded);
    let blocks = blocks(&text);
    let mut fields = Fields::default();

    // Header zone: walk lines of the leading blocks until one is body text.
    let mut body_start = (blocks.len(), 0);
    let mut seen = 0;
    'header: for (bi, block) in blocks.iter().enumerate() {
        // A block of `Key: value` header lines ends the header zone: what follows the
        // blank line is the body, even when its first line looks like a title.
        if bi > 0 && blocks[bi - 1].iter().all(|l| header_field(l).is_some()) {
            body_start = (bi, 0);
            break 'header;
        }
        for (li, line) in block.iter().enumerate() {
            seen += 1;
            if seen > HEADER_LINES || !header_line(line, &mut fields) {
                body_start = (bi, li);
                break 'header;
            }
        }
    }

    let mut paragraphs: Vec<String> = Vec::new();
    for (bi, block) in blocks.iter().enumerate().skip(body_start.0) {
        let skip = if bi == body_start.0 { body_start.1 } else { 0 };
        let lines: Vec<&str> = block[skip..]
            .iter()
            .copied()
            .filter(|l| !is_boilerplate(l))
            .collect();
        if !lines.is_empty() {
            paragraphs.push(lines.join("\n"));
        }
    }

    // Foot: trailing boilerplate, then at most one credit line.
    while paragraphs.last().is_some_and(|p| is_boilerplate(p)) {
        paragraphs.pop();
    }
    // A one-paragraph story keeps its only paragraph even if it reads like a credit. A bare
    // name counts only after prose: match reports and lists also end in capitalised names.
    if paragraphs.len() > 1 {
        let after_prose = is_prose(&paragraphs[paragraphs.len() - 2]);
        if let Some((credit, _)) = paragraphs
            .last()
            .filter(|p| !p.contains('\n'))
            .and_then(|p| byline::credit_line_kind(p))
            .filter(|(_, kind)| *kind == byline::Credit::Marked || after_prose)
        {
            paragraphs.pop();
            if fields.byline.is_none() {
                fields.byline = Some(credit);
            }
        }
    }

    fields.body = dedup_paragraphs(paragraphs).join("\n\n");
    fields
}

/// A paragraph of running text: several words, ending like a sentence.
fn is_prose(paragraph: &str) -> bool {
    let end = paragraph.trim_end();
    end.split_whitespace().count() >= 8 && end.ends_with(['.', '!', '?', '"', '”', '’'])
}

/// Splits text into blocks of consecutive non-blank lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(line.trim());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Consumes `line` into `fields` if it belongs to the header; false when body text starts.
fn header_line(line: &str, fields: &mut Fields) -> bool {
    if is_boilerplate(line) {
        return true;
    }
    if let Some((key, value)) = header_field(line) {
        match key {
            HeaderKey::Title if fields.title.is_none() => {
                fields.title = Some(squash_spaces(value));
            }
            HeaderKey::Date if fields.date.is_none() => {
                fields.date = parse_date(value).or_else(|| find_date(value));
            }
            HeaderKey::Byline if fields.byline.is_none() => {
                fields.byline = byline::normalize(value);
            }
            _ => {}
        }
        return true;
    }
    if fields.date.is_none() {
        if let Some(date) = date_line(line) {
            fields.date = Some(date);
            return true;
        }
    }
    if fields.byline.is_none() {
        if let Some((name, tail)) = byline::top_byline(line) {
            fields.byline = Some(name);
            if fields.date.is_none() {
                fields.date = tail.and_then(|t| parse_date(t).or_else(|| find_date(t)));
            }
            return true;
        }
    }
    if fields.title.is_none() && is_title(line) {
        fields.title = Some(squash_spaces(line));
        return true;
    }
    false
}

#[derive(Clone, Copy)]
enum HeaderKey {
    Title,
    Date,
    Byline,
}

/// `Title: ...`, `Date: ...`, `By: ...` and their common synonyms.
fn header_field(line: &str) -> Option<(HeaderKey, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    let value = value.trim();
    if value.is_empty() || key.len() > 12 {
        return None;
    }
    let k = match key.as_str() {
        "title" | "headline" | "subject" => HeaderKey::Title,
        "date" | "published" | "dated" => HeaderKey::Date,
        "by" | "author" | "authors" | "byline" | "writer" => HeaderKey::Byline,
        _ => return None,
    };
    Some((k, value))
}

/// A line that is a date and little else: "January 22, 2014, 5:30 am", "Updated: 22 Jan 2014".
fn date_line(line: &str) -> Option<ArticleDate> {
    if let Some(d) = parse_date(line) {
        return Some(d);
    }
    let short = line.chars().count() <= 100;
    let prose = line.trim_end().ends_with('.') && line.split_whitespace().count() > 8;
    if short && !prose {
        return find_date(line);
    }
    None
}

fn is_title(line: &str) -> bool {
    let n = line.chars().count();
    n <= MAX_TITLE_CHARS
        && line.chars().any(char::is_alphabetic)
        && !line.starts_with("http://")
        && !line.starts_with("https://")
}

/// Drops paragraphs that repeat an earlier one: right after it (a caption printed twice),
/// or anywhere when it is long enough to be a pasted duplicate. Short lines that recur
/// apart are content ("Winners meet in final match" after each group of fixtures).
fn dedup_paragraphs(paragraphs: Vec<String>) -> Vec<String> {
    /// Words from which a repeat anywhere in the text is taken for a duplicate.
    const LONG_WORDS: usize = 12;
    let mut seen = std::collections::HashSet::new();
    let mut previous = String::new();
    paragraphs
        .into_iter()
        .filter(|p| {
            let key = squash_spaces(p).to_lowercase();
            let repeat = key == previous
                || (seen.contains(&key) && key.split_whitespace().count() >= LONG_WORDS);
            if !repeat {
                seen.insert(key.clone());
            }
            previous = key;
            !repeat
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::DatePrecision;

    const SCRAPED: &str = "Follow us on:   \n\nChina, Russia FMs meet ahead of Syria talks\n\
        January 22, 2014, 5:30 am\n\nBeijing and Moscow vowed to talk [Xinhua]\n\n\
        Beijing and Moscow vowed to talk [Xinhua]\n\nIn the lead-up to the talks, China and \
        Russia held talks.\n\nMore than 100,000 people have been killed.\n\nTBP and Agencies\n";

    #[test]
    fn scraped_layout_gets_all_four_fields() {
        let f = extract(SCRAPED);
        assert_eq!(
            f.title.as_deref(),
            Some("China, Russia FMs meet ahead of Syria talks")
        );
        let d = f.date.expect("date");
        assert_eq!(
            (
                d.utc.year(),
                d.utc.month() as u8,
                d.utc.day(),
                d.utc.hour(),
                d.utc.minute()
            ),
            (2014, 1, 22, 5, 30)
        );
        assert_eq!(d.precision, DatePrecision::Minute);
        assert_eq!(f.byline.as_deref(), Some("TBP and Agencies"));
        assert_eq!(
            f.body,
            "Beijing and Moscow vowed to talk [Xinhua]\n\nIn the lead-up to the talks, China \
             and Russia held talks.\n\nMore than 100,000 people have been killed."
        );
    }

    #[test]
    fn bbc_layout_title_blank_body() {
        let f = extract("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nIts profits were buoyed by gains.\n");
        assert_eq!(
            f.title.as_deref(),
            Some("Ad sales boost Time Warner profit")
        );
        assert_eq!(f.date, None);
        assert_eq!(f.byline, None);
        assert_eq!(
            f.body,
            "Quarterly profits at US media giant TimeWarner jumped 76%.\n\nIts profits were buoyed by gains."
        );
    }

    #[test]
    fn byline_at_top_with_date() {
        let f = extract("Harbour plan approved\nBy Jane Doe and Omar Haddad\n22 Jan 2014\n\nThe council voted on Tuesday.\n");
        assert_eq!(f.title.as_deref(), Some("Harbour plan approved"));
        assert_eq!(f.byline.as_deref(), Some("Jane Doe and Omar Haddad"));
        assert!(f.date.is_some());
        assert_eq!(f.body, "The council voted on Tuesday.");
    }

    #[test]
    fn header_block_layout() {
        let f = extract("Title: Rail strike ends\nDate: 2014-01-31\nBy: Anna Keller\n\nTrains ran again on Friday.\n");
        assert_eq!(f.title.as_deref(), Some("Rail strike ends"));
        assert_eq!(f.byline.as_deref(), Some("Anna Keller"));
        assert_eq!(f.date.map(|d| d.precision), Some(DatePrecision::Day));
        assert_eq!(f.body, "Trains ran again on Friday.");
    }

    #[test]
    fn header_block_without_title_leaves_the_body_alone() {
        let f = extract("Date: 1963-01-04\n\nTHE ALLIES AFTER NASSAU IN DECEMBER 1960, THE U.S . FIRST\nPROPOSED TO HELP NATO.\n");
        assert_eq!(f.title, None);
        assert!(f.date.is_some());
        assert!(f.body.starts_with("THE ALLIES AFTER NASSAU"));
    }

    #[test]
    fn last_sentence_is_not_taken_for_a_credit() {
        let f = extract("Title\n\nFirst paragraph here.\n\nThe talks resume on Friday.\n");
        assert_eq!(f.byline, None);
        assert!(f.body.ends_with("The talks resume on Friday."));
    }

    #[test]
    fn bare_names_after_a_list_are_not_a_credit() {
        let f = extract("Hearts 2-1 Livingston\n\nHearts won at home on Saturday.\n\nHearts: Gordon, Neilson, Pressley.\n\n9,796\n\nA Freeland\n");
        assert_eq!(f.byline, None);
        assert!(f.body.ends_with("A Freeland"));
        let f = extract(
            "Title\n\nThe council met on Tuesday and voted to approve the plan.\n\nAnna Keller\n",
        );
        assert_eq!(f.byline.as_deref(), Some("Anna Keller"));
    }

    #[test]
    fn empty_and_whitespace_input() {
        assert_eq!(extract(""), Fields::default());
        assert_eq!(extract("\n\n  \n"), Fields::default());
    }

    #[test]
    fn character_entities_are_decoded() {
        let f = extract(
            "&#163;1.8m fine for broadcaster\n\nJos&#233; Manuel said AT&T &amp; others paid.&#3;\n",
        );
        assert_eq!(f.title.as_deref(), Some("£1.8m fine for broadcaster"));
        assert_eq!(f.body, "José Manuel said AT&T & others paid.");
    }

    #[test]
    fn repeats_are_dropped_when_adjacent_or_long() {
        let caption = "Ministers met in Geneva on Tuesday [Photo agency]";
        let long = "The talks will resume in Geneva next week with both delegations and \
                    the mediators present, officials said.";
        let f = extract(&format!(
            "Title\n\n{caption}\n\n{caption}\n\nGroup A: Alpha v Beta.\n\n\
             Winners meet in final match.\n\n{long}\n\nGroup B: Gamma v Delta.\n\n\
             Winners meet in final match.\n\n{long}\n"
        ));
        assert_eq!(
            f.body,
            format!(
                "{caption}\n\nGroup A: Alpha v Beta.\n\nWinners meet in final match.\n\n\
                 {long}\n\nGroup B: Gamma v Delta.\n\nWinners meet in final match."
            )
        );
    }
}
