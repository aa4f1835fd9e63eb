//! Splits plain text into units: one unit per paragraph line, with the lines of a
//! paragraph that a renderer wrapped (`w3m -dump`, `lynx -dump` wrap at about 80 columns,
//! and hand-wrapped text at 72) joined back into one. Every unit keeps its source line
//! numbers, the block (run of non-blank lines) it belongs to, and whether blank lines
//! stand around it, so that later rules can report where a field came from.
//!
//! A line is taken for the wrapped start of the next one when the next line's first word
//! would not have fitted after it within the file's wrap width (in terminal columns, CJK
//! characters taking two), or when the next line continues a sentence (starts in lower
//! case after a line that does not end one). A file is wrapped when several of its lines
//! end close to one common width; text with one paragraph a line (the seed layout) is
//! never joined.

use std::borrow::Cow;

/// One logical line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The text, wrapped lines joined with one space, outer whitespace trimmed.
    pub text: String,
    /// First and last source line, counted from 1.
    pub first: usize,
    pub last: usize,
    /// Index of the block (run of non-blank lines) the unit is in.
    pub block: usize,
    /// Leading spaces of its first line.
    pub indent: usize,
    pub blank_before: bool,
    pub blank_after: bool,
    /// The level (1 to 6) of a heading the renderer marked, 0 for none; the marks are
    /// taken off `text`: Markdown's `# Title` (1) and `Title` over `=====` (1) or `-----`
    /// (2), html2text's `****** Title ******` (1) to `** Title **` (5).
    pub heading: u8,
    /// When the wrap joined a line opening in a capital to a first line that ends no
    /// sentence: that first line's length in `text` (a headline filling the width may
    /// have been joined to its standfirst).
    pub opening: Option<usize>,
}

/// Longest line considered when the wrap width is estimated; longer lines are unwrapped
/// paragraphs.
const MAX_WRAP_WIDTH: usize = 100;
/// How close to the wrap width a line must end to count as filled.
const FILLED_SLACK: usize = 12;
/// Narrowest wrap width taken for one: renderers wrap at 72 to 80 columns, and a file of
/// short header lines is not wrapped text.
const MIN_WRAP_WIDTH: usize = 60;
/// Columns from which a word is one a renderer would not break (a URL, a file name).
const UNBREAKABLE: usize = 30;
/// Fewest columns of a line that goes on in the next by its words alone (a lower-case
/// word after it, an article or a preposition ending it).
const WRAPPED_LINE: usize = 40;
/// Filled lines needed before a file is taken for wrapped.
const MIN_FILLED: usize = 3;

/// Markers that start a list item in rendered text (followed by a space: `»Zitat«` is a
/// German quotation); a list item is never joined to the line before it.
pub fn starts_with_bullet(s: &str) -> bool {
    let t = s.trim_start();
    let mut chars = t.chars();
    let first = chars.next();
    let second = chars.next();
    match first {
        Some('*' | '•' | '+' | '□' | '◦' | '▪') => second.is_some_and(char::is_whitespace),
        // A link list's `» Next story`; French closes quotations with `»` too, and a
        // wrapped line may open with it (`» a déclaré le maire`).
        Some('»' | '›') => {
            second.is_some_and(char::is_whitespace)
                && chars
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The wrap width of the file, or `None` when its lines were not wrapped.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    // A line holding a word too long to break (a URL, a form field) may run past the
    // width: renderers print such a word as it is. CJK text has no spaces: its lines
    // are single runs that do break.
    let lengths: Vec<usize> = lines
        .iter()
        .filter(|l| {
            l.split_whitespace()
                .all(|w| !w.is_ascii() || w.len() < UNBREAKABLE)
        })
        .map(|l| columns(l.trim_end()))
        .filter(|&n| n > 0 && n <= MAX_WRAP_WIDTH)
        .collect();
    let width = lengths.iter().copied().max()?;
    let filled = lengths
        .iter()
        .filter(|&&n| n + FILLED_SLACK >= width)
        .count();
    (width >= MIN_WRAP_WIDTH && filled >= MIN_FILLED).then_some(width)
}

fn first_word_chars(s: &str) -> usize {
    s.split_whitespace().next().map_or(0, columns)
}

/// Terminal columns of `s`: CJK ideographs, kana, hangul and fullwidth forms take two, as
/// in the renderers' wrapping.
pub fn columns(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char_columns).sum()
}

/// Terminal columns of one character: two for the wide scripts of [`columns`].
pub fn char_columns(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ':', '»', ')'])
}

/// How far a line's text starts from the left margin, in columns.
fn indent_of(line: &str) -> usize {
    columns(line) - columns(line.trim_start())
}

/// How much further right than the next line a line may start and still be the line of
/// the same paragraph above it (a first line indented, a hanging list item).
const INDENT_SLACK: usize = 10;

/// Whether `next` continues the paragraph that `prev` (a non-blank line) started. A line
/// starting far right of the next one is a side column's (a table cell the renderer set
/// beside the article), not the same paragraph's.
///
/// `prev` and `next` are the lines as read (character entities decoded); `printed` is the
/// pair as printed, whose lengths are what the renderer wrapped at.
fn continues(prev: &str, next: &str, printed: (&str, &str), width: Option<usize>) -> bool {
    let p = prev.trim();
    let n = next.trim();
    if indent_of(prev) > indent_of(next) + INDENT_SLACK {
        return false;
    }
    // A heading, or a bracketed label (`[The early reviews are here — And` / `They're not
    // great]`), wrapped in the middle of its text.
    if wrapped_heading(p, n) || (p.starts_with('[') && !p.contains(']') && n.ends_with(']')) {
        return true;
    }
    // A list item, a bracketed image or link label, a run of ASCII characters that is no
    // word (a file name, a URL); CJK text has no spaces, so its lines are runs too.
    if p.is_empty()
        || n.is_empty()
        || starts_with_bullet(next)
        || n.starts_with('[')
        || p.ends_with('|')
        || (first_word_chars(n) > 25 && n.is_ascii())
        || rule_of(n).is_some()
        || rule_of(p).is_some()
        || unmarked(p, false).is_some()
        || unmarked(n, true).is_some()
        || closes_heading(p)
    {
        return false;
    }
    // A dateline under a byline that ends a sentence (`… covering the chip industry.` /
    // `Jun 18, 2024, 3:15 PM UTC`) starts a line of its own, however full the line above.
    if ends_sentence(p) && (dated(n) || named_and_dated(n)) {
        return false;
    }
    // A byline that ends on its date or time (`Por Mariana Esquivel Robles | Ciudad de
    // México, 14 de agosto de 2021 | 09:27 hrs`) is whole: the share bar or the story
    // under it starts a line of its own, however full the byline.
    if dated_byline_ends(p) || dated_fields(p) {
        return false;
    }
    // A caption ends on its picture's credit (`… Foto: Simon Gisler` / `Anna Bürgi und
    // Reto Kälin`): the next line is no part of it, unless it is the credit's last word
    // or two, wrapped (`… Photograph: Ollie Brandt/The Daily` / `Ledger`).
    if super::captions::ends_on_credit(p)
        && n.starts_with(char::is_uppercase)
        && n.split_whitespace().nth(2).is_some()
    {
        return false;
    }
    // A dateline opening on its label (`Posted: Saturday, February 10, 2024 5:30 am`) or a
    // short line of a span of days (`Eleanor M. Prusak · Oct. 3, 1938 – Feb. 6, 2024`)
    // starts a line of its own, however full the line above.
    if labelled_date(n)
        || (n.split_whitespace().nth(SPAN_WORDS).is_none() && super::dateread::span(n))
    {
        return false;
    }
    // A byline under a headline that fills a table's row (`… in $212 million deal` /
    // `By Deborah Lindqvist, Staff Writer`): a sentence going on would not capitalise it,
    // nor put a date after a name (`di Marco Bellandi · 18 settembre 2023`).
    if !ends_sentence(p) && (byline_start(n) || prefixed_and_dated(n) || dated_row(n)) {
        return false;
    }
    // A story's opening dateline (`ELLSWORTH — The vacant mall …`, `NEW YORK (AP) —`)
    // starts a paragraph, however full the line above.
    if place_dateline(n) {
        return false;
    }
    // A heading that opens what follows an article (`Comentarios (2)`, `Related
    // stories`) goes on from no line, however full the line above (a share row), unless
    // that line ends on its count (`… Enviar por email 7` / `comentários`); a sentence
    // going on in lower case (`comments Robin Biesbroek of the CDF.`) is none.
    if n.split_whitespace()
        .nth(super::BARRIER_HEADING_WORDS)
        .is_none()
        && !p.ends_with(|c: char| c.is_ascii_digit())
        && !n.starts_with(char::is_lowercase)
        && !n.ends_with(['.', '!', '?'])
        && super::barrier_heading(n)
    {
        return false;
    }
    let plen = columns(printed.0.trim_end());
    // A long line ending on an article, a preposition or a conjunction goes on in the
    // next (a headline wrapped in a column narrower than the file).
    let lex = super::features::lexicon();
    if plen >= WRAPPED_LINE
        && p.rsplit(' ')
            .next()
            .is_some_and(|w| w.len() < p.len() && lex.has("wrap.open", w))
        && n.starts_with(char::is_alphanumeric)
    {
        return true;
    }
    // A row of a table's cells (`By Jo Hale          Posted: March 12, 2008`) reaches the
    // width by its alignment, not by a wrapped sentence.
    // A line cut short (`Home › News › Energy Bill Relief Scheme: cold stores…`) ends
    // its element; a capital after it starts the next.
    let cut = p.ends_with('…') && n.starts_with(char::is_uppercase);
    let row = cut || table_row(printed.0.trim());
    if let Some(w) = width.filter(|_| !row) {
        if plen + 1 + first_word_chars(printed.1) > w && plen + FILLED_SLACK + 8 >= w {
            return true;
        }
    }
    // A breadcrumb trail the next word would have fitted after ends its line (`Corriere
    // Torino > Cronaca > Tram 4 sospeso per tre mesi` over a kicker in lower case).
    if super::shape::is_trail(p)
        && width.is_some_and(|w| plen + 1 + first_word_chars(printed.1) <= w)
    {
        return false;
    }
    // A sentence going on in lower case after a long line that does not end one, also
    // past a dash or an opening quote (`– e quem atravesse o rio`), or after a comma
    // however short the line (a headline wrapped in a narrow column: `Tram 4 sospeso per
    // tre mesi,` / `bus sostitutivi da Falchera a Mirafiori`).
    (plen >= WRAPPED_LINE || p.ends_with(','))
        && !ends_sentence(p)
        && n.trim_start_matches(['–', '—', ' ', '"', '“', '„', '«', '‘'])
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Whether a line opens with a place in capitals and a dash or bracket, as a story's
/// first paragraph does in the wire style.
fn place_dateline(line: &str) -> bool {
    let place = [" — ", " – ", " -- ", " ("]
        .iter()
        .filter_map(|sep| line.find(sep).map(|i| (&line[..i], &line[i + sep.len()..])))
        .min_by_key(|(p, _)| p.len());
    // The story goes on in a sentence (`ELLSWORTH — The …`), or the agency follows.
    place.is_some_and(|(p, rest)| {
        rest.starts_with(char::is_uppercase) && {
            let words: Vec<&str> = p.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().count() >= 2
                        && w.chars()
                            .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-'))
                })
                && words
                    .iter()
                    .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        }
    })
}

/// Spaces between two words of a line from which it is a table's row of cells.
const ROW_GAP: usize = 8;

/// Whether a line holds a gap of [`ROW_GAP`] spaces between two words: cells of a table
/// row (a form's empty text field, `[          ]`, is no gap).
fn table_row(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| **c == ' ').count();
        if run >= ROW_GAP && i > 0 && chars[i - 1] != '[' && chars.get(i + run) != Some(&']') {
            return true;
        }
        i += run.max(1);
    }
    false
}

/// Words of a line that may be a byline.
const BYLINE_WORDS: usize = 10;

/// A short line opening with a byline's capitalised lead word (`By`, `Von`, `Par`, `Di`)
/// or its label (`Autor:`, `Συντάκτης:`).
fn byline_start(line: &str) -> bool {
    let labelled = line.split_whitespace().next().is_some_and(|w| {
        w.strip_suffix(':')
            .is_some_and(|l| super::features::lexicon().has("byline.label", &l.to_lowercase()))
    });
    line.starts_with(char::is_uppercase)
        && (super::features::byline_marked(line) || labelled)
        && line.split_whitespace().nth(BYLINE_WORDS).is_none()
}

/// Whether a short line names someone and then a calendar day (`Marieke_de_Vries 5 juni
/// 2023, 14:32`, `Sanne Mulder · 1 juni 2023`): a byline with its date.
fn named_and_dated(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= 12
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && (1..=4).any(|k| {
            words.len() > k
                && words[..k].iter().all(|w| name_word(w))
                && words[k].bytes().next().is_some_and(|b| b.is_ascii_digit())
                && dated(&words[k..].join(" "))
        })
}

/// Most words of a line of a span of days that starts a line of its own.
const SPAN_WORDS: usize = 12;

/// Whether a line opens on a publication or revision label and holds a date.
fn labelled_date(line: &str) -> bool {
    super::dateread::opening_label(line).is_some() && super::dateread::read(line).is_some()
}

/// Whether a line is a row of fields parted by bars whose first holds a calendar day
/// (`Pressemitteilung vom 7. Februar 2024  |  Rubrik: Wirtschaft`): an article's
/// dateline, which no sentence going on from the line above prints.
fn dated_row(line: &str) -> bool {
    line.split_once(" | ")
        .is_some_and(|(first, _)| super::dateread::read(first).is_some())
}

/// Whether a line is a row of short fields parted by bars, one of them a calendar day
/// (`Nomvula Khumalo | ANA 19 September 2022 | 07:32 Facebook Twitter WhatsApp`): an
/// article's stamp, which the caption or story under it does not go on.
fn dated_fields(line: &str) -> bool {
    let fields: Vec<&str> = line.split(" | ").collect();
    fields.len() >= 2
        && fields.iter().any(|f| {
            f.split_whitespace().nth(FIELD_WORDS).is_none()
                && super::dateread::read(f)
                    .is_some_and(|(d, _)| d.precision >= crate::article::DatePrecision::Day)
        })
}

/// Most words of a field of a [`dated_fields`] row that is read for its day.
const FIELD_WORDS: usize = 8;

/// Whether a line opens on a byline's word and ends on a calendar day or its time
/// (`by Dana Whitcomb, Prairie Signal March 12, 2024`, `Von Jana Köhler, 12.06.2024,
/// 14:37 Uhr`): the second-last or last word holds a digit and the line reads as a day.
fn dated_byline_ends(line: &str) -> bool {
    let mut last = line.split_whitespace().rev().take(2);
    // Its year printed: `By Jane Doe, March 12,` / `2024` is one byline wrapped.
    let year = line
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4);
    super::features::byline_marked(line)
        && year
        && last.any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        && super::dateread::read(line)
            .is_some_and(|(d, _)| d.precision >= crate::article::DatePrecision::Day)
}

/// Words after a byline's lower-case prefix read for its name and date.
const PREFIXED_WORDS: usize = 8;

/// Whether a line opens with a byline's prefix in lower case, then a name and a calendar
/// day (`di Marco Bellandi · 18 settembre 2023 Facebook | Twitter`, `by Jane Doe | 3 June
/// 2024`): a byline with its date, however long the share bar after it.
fn prefixed_and_dated(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next().is_some_and(|w| {
        w.starts_with(char::is_lowercase) && super::features::lexicon().has("byline.prefix", w)
    }) && named_and_dated(&words.take(PREFIXED_WORDS).collect::<Vec<_>>().join(" "))
}

/// A word of a name as bylines print it: capitalised, a particle, or a separator.
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        || matches!(
            w,
            "·" | "|"
                | "-"
                | "–"
                | "—"
                | "de"
                | "da"
                | "do"
                | "dos"
                | "di"
                | "du"
                | "van"
                | "von"
                | "der"
                | "den"
                | "la"
                | "le"
                | "ter"
        )
}

/// Whether a line opens with a calendar day (`Jun 18, 2024 …`, `18.06.2024 …`).
fn dated(line: &str) -> bool {
    line.bytes().take(30).any(|b| b.is_ascii_digit())
        && crate::extract::date::parse_date(line)
            .is_some_and(|d| d.precision >= crate::article::DatePrecision::Day)
}

/// Splits `text` into units; blank lines separate blocks.
pub fn units(text: &str) -> Vec<Unit> {
    let ordered = super::columns::reading_order(text);
    let printed: Vec<&str> = ordered.iter().map(|(_, l)| l.as_str()).collect();
    let width = wrap_width(&printed);
    // Scraped and exported text keeps character entities now and then (`&#163;1.8m`,
    // `Jos&#233;`, `&mdash;`, Reuters' `&#3;`): each line is read decoded (control
    // characters dropped; unknown names and a bare `&`, AT&T, stay as they are), so that
    // its words are searchable as written, while the wrapping is judged on the line as
    // printed.
    let read: Vec<Cow<'_, str>> = printed
        .iter()
        .map(|l| match crate::extract::markup::decode_entities(l) {
            Cow::Borrowed(l) => Cow::Borrowed(l),
            Cow::Owned(d) => Cow::Owned(crate::extract::clean::clean_text(&d).replace('\n', " ")),
        })
        .collect();
    let links = super::links::renders_links_with_underscores(&printed);
    let read: Vec<Cow<'_, str>> = if links {
        read.into_iter()
            .map(|l| match super::links::link_words(&l) {
                Cow::Owned(spaced) => Cow::Owned(spaced),
                Cow::Borrowed(_) => l,
            })
            .collect()
    } else {
        read
    };
    // A table's cell of tools beside the text (`PDF  Imprimir  E-mail`) is no part of it.
    let lines: Vec<&str> = read
        .iter()
        .map(|l| super::shape::without_tools_cell(l).unwrap_or(l))
        .collect();
    let mut out: Vec<Unit> = Vec::new();
    let mut block = 0;
    let mut blank_before = true;
    let mut in_block = false;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            if in_block {
                block += 1;
                in_block = false;
                if let Some(u) = out.last_mut() {
                    u.blank_after = true;
                }
            }
            blank_before = true;
            continue;
        }
        let join =
            in_block && i > 0 && continues(lines[i - 1], line, (printed[i - 1], printed[i]), width);
        match out.last_mut() {
            Some(u) if join => {
                // A line broken after a word's own hyphen (`Star-` / `Courier`, `2-` / `1`)
                // joins without a space.
                let mut end = u.text.chars().rev();
                let broken =
                    end.next() == Some('-') && end.next().is_some_and(char::is_alphanumeric);
                if u.first == u.last
                    && !ends_sentence(&u.text)
                    && line.trim_start().starts_with(char::is_uppercase)
                {
                    u.opening = Some(u.text.len());
                }
                if !broken {
                    u.text.push(' ');
                }
                u.text.push_str(line.trim());
                u.last = ordered[i].0;
            }
            _ => out.push(Unit {
                text: line.trim().to_string(),
                first: ordered[i].0,
                last: ordered[i].0,
                block,
                indent: line.len() - line.trim_start().len(),
                blank_before,
                blank_after: false,
                heading: 0,
                opening: None,
            }),
        }
        in_block = true;
        blank_before = false;
    }
    if let Some(u) = out.last_mut() {
        u.blank_after = true;
    }
    mark_headings(&mut out);
    out
}

/// A line of one punctuation character repeated (`=====`, `******`, `-----`).
fn rule_of(t: &str) -> Option<char> {
    let c = t.chars().next()?;
    // Box-drawing characters too: w3m draws a rule as `━━━━`.
    let rule_char = c.is_ascii_punctuation() || ('\u{2500}'..='\u{257F}').contains(&c);
    (t.chars().count() >= 2 && rule_char && t.chars().all(|x| x == c)).then_some(c)
}

/// The characters renderers wrap or lead a heading with.
const HEADING_MARKS: [char; 5] = ['*', '=', '+', '~', '#'];

/// The text of a heading without its marks, and its level: Markdown's `## Title` (and
/// `## Title ##`), html2text's `****** Title ******` (six stars for a top heading, one
/// fewer a level down) or `===== Title =====`. With `open`, the closing run may be
/// missing (it was wrapped onto a line of its own).
fn unmarked(t: &str, open: bool) -> Option<(&str, u8)> {
    let c = t.chars().next().filter(|c| HEADING_MARKS.contains(c))?;
    let lead = t.len() - t.trim_start_matches(c).len();
    let rest = t[lead..].strip_prefix(' ')?.trim();
    if c == '#' {
        let level = u8::try_from(lead).ok().filter(|l| *l <= 6)?;
        // A closing run of `#` after a space (`## Title ##`), not the end of `C#`.
        let text = match rest.rsplit_once(' ') {
            Some((inner, close)) if rule_of(close) == Some('#') || close == "#" => inner.trim_end(),
            _ => rest,
        };
        return Some((text, level));
    }
    if lead < 2 {
        return None;
    }
    let level = if c == '*' {
        u8::try_from(7usize.saturating_sub(lead))
            .unwrap_or(1)
            .max(1)
    } else {
        2
    };
    match rest.rsplit_once(' ') {
        Some((inner, close)) if rule_of(close) == Some(c) => Some((inner.trim_end(), level)),
        _ if open => Some((rest, level)),
        _ => None,
    }
}

/// A heading wrapped in the middle of its text (`***** The early reviews are here — And` /
/// `They're not great *****`): a line opening a run of heading marks it does not close,
/// and a line closing it.
fn wrapped_heading(p: &str, n: &str) -> bool {
    let Some(c) = p.chars().next().filter(|c| *c != '#') else {
        return false;
    };
    let closes = |t: &str| {
        t.rsplit_once(' ')
            .is_some_and(|(inner, close)| !inner.trim().is_empty() && rule_of(close) == Some(c))
    };
    unmarked(p, true).is_some() && unmarked(p, false).is_none() && closes(n) && !n.starts_with(c)
}

/// The last line of a heading wrapped over lines (`et élus, qui dénoncent un abandon.
/// *****`): it ends in a run of heading marks.
fn closes_heading(p: &str) -> bool {
    p.rsplit_once(' ').is_some_and(|(_, close)| {
        rule_of(close).is_some_and(|c| HEADING_MARKS.contains(&c) && c != '#')
    })
}

/// Takes the marks off headings and flags them; a heading's closing marks wrapped onto a
/// line of their own, and a Markdown underline, stay as units of their own. An underline
/// marks a heading only under one line standing after a blank line that does not end a
/// sentence (html2text draws a rule of `=` under any paragraph).
fn mark_headings(units: &mut [Unit]) {
    for i in 0..units.len() {
        let same_block_next = units.get(i + 1).filter(|n| n.block == units[i].block);
        let closed_below = same_block_next.is_some_and(|n| {
            units[i]
                .text
                .chars()
                .next()
                .is_some_and(|c| rule_of(&n.text) == Some(c))
        });
        let underline = same_block_next
            .filter(|n| n.text.len() >= 3)
            .and_then(|n| rule_of(&n.text));
        if let Some((inner, level)) = unmarked(&units[i].text, closed_below) {
            if inner.chars().any(char::is_alphanumeric) {
                units[i].text = if units[i].text.starts_with('*') {
                    super::links::link_spaces(inner)
                } else {
                    inner.to_string()
                };
                units[i].heading = level;
                units[i].opening = None;
            }
        } else if rule_of(&units[i].text).is_none()
            && units[i].blank_before
            && units[i].first == units[i].last
            && !ends_sentence(&units[i].text)
        {
            units[i].heading = match underline {
                Some('=') => 1,
                Some('-') => 2,
                _ => 0,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_a_line_is_not_joined() {
        let u = units("Title\nJanuary 22, 2014, 5:30 am\n\nA long paragraph.\n");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Title", "January 22, 2014, 5:30 am", "A long paragraph."]
        );
        assert_eq!((u[2].first, u[2].block), (4, 1));
        assert!(u[0].blank_before && !u[0].blank_after && u[1].blank_after);
    }

    /// A headline wrapped in a column narrower than the file goes on past its article or
    /// preposition; a short line ending on one (`Photos by`) is not taken for wrapped.
    #[test]
    fn a_line_ending_on_a_preposition_goes_on() {
        let u = units(
            "Fédérale 3 : Saint-Aubin arrache la victoire à\nVilleneuve-de-Comps (17-20)\n\n\
             Sign in\nNews\n\nPhotos by\nJean Marot\n",
        );
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Fédérale 3 : Saint-Aubin arrache la victoire à Villeneuve-de-Comps (17-20)",
                "Sign in",
                "News",
                "Photos by",
                "Jean Marot"
            ]
        );
    }

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let text = "Volkswagen's first all-electric car based on the new platform is not\n\
                    expected until next year, but the automaker is not slowing down on its\n\
                    plans. The concept is the seventh electric car to use the modular drive\n\
                    matrix.\n\n  * Home\n  * News\n";
        let u = units(text);
        assert_eq!(u.len(), 3);
        assert!(u[0].text.ends_with("drive matrix."));
        assert_eq!((u[0].first, u[0].last), (1, 4));
        assert_eq!(u[1].text, "* Home");
    }

    /// A byline in lower case with its date starts a line of its own under a standfirst
    /// that ends no sentence; a sentence going on with `di` and a name is joined.
    #[test]
    fn a_dated_byline_in_lower_case_is_not_joined() {
        let text = "Peronospora e grandine dimezzano la produzione nelle aziende biologiche. Le\n\
                    associazioni chiedono lo stato di calamità\n\
                    di Marco Bellandi  ·  18 settembre 2023 Facebook | Twitter | WhatsApp | 4\n\n\
                    Il raccolto è arrivato in cantina con i camion della cooperativa\n\
                    di Marco Bellandi e dei suoi fratelli, che lavorano i filari da vent'anni.\n";
        let u = units(text);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].starts_with("di Marco Bellandi  ·  18 settembre 2023"));
        assert!(texts[2].ends_with("da vent'anni."));
    }

    /// A dated row of fields under a full line that ends no sentence (a deck) starts a
    /// line of its own.
    #[test]
    fn a_dated_row_under_a_full_deck_is_not_joined() {
        let text = "Ausbau in Kernstadt und Ortsteilen / Schnellladepark am Bahnhof / Start im April\n\
                    Pressemitteilung vom 7. Februar 2024  |  Rubrik: Wirtschaft  |  Ort: Hohenaue\n\n\
                    Hohenaue. Die Stadtwerke Hohenaue bauen ihr öffentliches Ladenetz für\n\
                    Elektrofahrzeuge deutlich aus. Bis Ende 2024 sollen an zwölf Standorten im\n\
                    Stadtgebiet und in den Ortsteilen insgesamt 40 zusätzliche Ladepunkte entstehen.\n\
                    Die ersten Säulen gehen bereits im April in Betrieb, die übrigen bis zum Herbst.\n";
        assert_eq!(units(text).len(), 3);
    }

    /// In a table's cell, w3m prints a headline, a life's span, a byline, a labelled
    /// dateline and a drawn rule on lines of their own with no blank line between them:
    /// however full a line, none of these continues it.
    #[test]
    fn a_cell_s_header_lines_are_not_joined() {
        let cell = [
            "Eleanor Prusak, librarian who kept the Eastfield branch open, dies at 85",
            "Eleanor M. Prusak  ·  Oct. 3, 1938 – Feb. 6, 2024",
            "",
            "By Gordon Alcott | Courier Staff Writer       Email | Print | Share | Guestbook",
            "Posted: Saturday, February 10, 2024 5:30 am",
            "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
            "Eleanor Prusak",
            "",
            "Eleanor “Nell” Prusak, who spent 41 years at the Harrow Valley Public Library",
            "and led a neighborhood campaign that kept its Eastfield branch from closing in",
            "1991, died Tuesday at her home on Linden Avenue. She was 85, her son said when",
            "he spoke to the Courier on Wednesday morning from the family home in the city.",
        ];
        // The cell's place on the line: w3m indents it past the menu's column.
        let text: String = cell.iter().map(|l| format!("{:22}{l}\n", "")).collect();
        let text = text.as_str();
        let u = units(text);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts.len(), 7, "{texts:?}");
        assert!(texts[1].starts_with("Eleanor M. Prusak"));
        assert!(texts[3].starts_with("Posted:"));
        assert_eq!(texts[5], "Eleanor Prusak");
    }

    /// A dateline right under a full line that ends a sentence (a byline's bio) is a
    /// line of its own; a date inside a sentence's wrapped line is not.
    #[test]
    fn dateline_under_full_line_is_not_joined() {
        let text = "By Jordan Okafor, a senior reporter covering consumer tech and the chip\n\
                    industry. He previously spent six years writing about PCs and gaming hardware.\n\
                    Jun 18, 2024, 3:15 PM UTC 87 Comments (87 New)\n\n\
                    The talks resumed on a Monday after the ministers had failed to agree to meet\n\
                    June 18, 2024, to the surprise of everyone who had followed the meetings.\n";
        let u = units(text);
        assert_eq!(u.len(), 3, "{u:?}");
        assert!(u[1].text.starts_with("Jun 18, 2024"));
        assert!(u[2].text.ends_with("followed the meetings."));
    }

    /// A paragraph's last line that opens with a dash and goes on in lower case joins it.
    #[test]
    fn dashed_continuation_is_joined() {
        let text = "Há quem gaste mais de metade do ordenado só para ter um teto\n\
                    – e quem atravesse o rio para conseguir poupar\n\n\
                    Texto Joana Silva\n";
        let u = units(text);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].text.ends_with("conseguir poupar"));
    }

    /// A short line ending on a comma goes on in lower case (a headline wrapped in a
    /// narrow column); a breadcrumb trail the next word would have fitted after does not
    /// take the kicker under it.
    #[test]
    fn a_comma_goes_on_and_a_trail_ends_its_line() {
        let story = "Per tre mesi la linea 4, la spina dorsale del trasporto pubblico\n\
                     torinese, non passerà più. Dall'8 giugno al 6 settembre i tram che ogni giorno\n\
                     trasportano oltre 90 mila passeggeri tra Falchera e Mirafiori saranno\n\
                     sostituiti da autobus, per consentire il rifacimento completo dei binari nel\n\
                     tratto tra piazza Castello e corso Unione Sovietica, lungo quattro chilometri.\n";
        let text = format!(
            "{story}\nCorriere Torino > Cronaca > Tram 4 sospeso per tre mesi\n\
             la mobilità che cambia\n\nTram 4 sospeso per tre mesi,\n\
             bus sostitutivi da Falchera a Mirafiori\n"
        );
        let u = units(&text);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts[1..],
            [
                "Corriere Torino > Cronaca > Tram 4 sospeso per tre mesi",
                "la mobilità che cambia",
                "Tram 4 sospeso per tre mesi, bus sostitutivi da Falchera a Mirafiori"
            ],
            "{texts:?}"
        );
    }

    /// A table row's headline, padded to the width, does not take the byline under it.
    #[test]
    fn byline_under_a_padded_headline_is_not_joined() {
        let text = "   Retailing & Restaurants                                                    \n\
                    \x20  Harvest Lane Markets to buy 14 Prairie Fresh stores in $212 million deal   \n\
                    \x20  By Deborah Lindqvist, Staff Writer                                         \n\
                    \x20  Monday, June 5, 2023                                                       \n\
                    \x20  Harvest Lane Markets Inc., the employee-owned grocery chain based in Elm   \n\
                    \x20  Grove, has agreed to acquire 14 Prairie Fresh stores from their            \n\
                    \x20  private-equity owner in a deal valued at about $212 million, the companies \n\
                    \x20  said Monday.                                                               \n";
        let u = units(text);
        assert!(u[1].text.ends_with("million deal"), "{u:?}");
        assert!(u[2].text.starts_with("By Deborah"), "{u:?}");
    }

    /// A breadcrumb cut short with an ellipsis at the width ends there: the kicker under it
    /// is a line of its own.
    #[test]
    fn a_line_cut_short_is_not_joined() {
        let text = "Home › News › Policy & Lobbying › Energy Bill Relief Scheme: cold stores…\n\
                    Policy & Lobbying\n\
                    \n\
                    The association has written to the Business and Energy Secretary warning\n\
                    that smaller operators face a winter of impossible choices once support\n\
                    ends in March, when the scheme that caps what firms pay for power closes.\n";
        let u = units(text);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1].text, "Policy & Lobbying");
    }

    /// A row of cells aligned to the width (a byline and its date, a role and the print
    /// page) does not take the row under it; a form's empty text field is no gap.
    #[test]
    fn table_rows_are_not_joined() {
        let text = "By Darlene Hoskins                Posted: Wednesday, March 12, 2008 4:15 PM EDT\n\
                    Ledger Staff Writer                                      Print edition: Page A1\n\
                    \n\
                    Search the Archives: [                    ] [January  ] [1985] [Search]     \n\
                    Archives contain staff-written stories from 1985 to the present. Wire\n";
        let u = units(text);
        assert_eq!(u.len(), 3, "{u:?}");
        assert!(u[0].text.ends_with("PM EDT"), "{u:?}");
        assert!(u[2].text.ends_with("present. Wire"), "{u:?}");
        assert!(table_row(
            "Ledger Staff Writer          Print edition: Page A1"
        ));
        assert!(!table_row("Search: [                    ] [Go]"));
    }

    /// A side column's last cell, set far right of the article's margin, does not join the
    /// headline printed under it; a paragraph's indented first line still joins the rest.
    #[test]
    fn side_column_line_is_not_joined() {
        let pad = |n: usize, t: &str| format!("{}{t}", " ".repeat(n));
        let words =
            "Earlier this month, NASA announced the newest milestone in the development of \
                     its long-awaited Space Launch System. Workers completed installation of the \
                     four engines into the rocket's core stage, which will soon be ready for \
                     shipment to the nearby test stand for a run of eight minutes next year.";
        let mut story = vec![String::new()];
        for w in words.split_whitespace() {
            let last = story.last_mut().expect("one line at least");
            if last.len() + 1 + w.len() > 80 {
                story.push(w.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(w);
            }
        }
        let mut lines = vec![
            pad(4, &format!("{:<66}Subscribe to our", "SLS core stage")),
            pad(75, "[Subscribe]"),
            pad(4, "Seeking a bigger role for a big rocket"),
            String::new(),
        ];
        lines.extend(
            story
                .iter()
                .enumerate()
                .map(|(k, l)| pad(if k == 0 { 8 } else { 4 }, l)),
        );
        let u = units(&lines.join("\n"));
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts[1..],
            [
                "[Subscribe]",
                "Seeking a bigger role for a big rocket",
                story.join(" ").as_str()
            ],
            "{texts:?}"
        );
    }

    /// `» ` and `› ` lead the items of link lists; a German quotation opening with `»`,
    /// or a French one closing at the start of a wrapped line, is no list item.
    #[test]
    fn guillemet_bullets() {
        assert!(starts_with_bullet("  » Autoracing Power Ranking"));
        assert!(starts_with_bullet("› More from Sport"));
        assert!(!starts_with_bullet(
            "»Wir haben gewonnen«, sagte der Trainer."
        ));
        assert!(!starts_with_bullet(
            "» a déclaré le maire lors de la séance."
        ));
    }

    /// Wrapped CJK text: each line one run of wide characters, joined at the width.
    #[test]
    fn wrapped_cjk_lines_are_joined() {
        let para: Vec<char> = "日本語の文章は空白なしで折り返される。"
            .repeat(7)
            .chars()
            .collect();
        let lines: Vec<String> = para.chunks(39).map(|c| c.iter().collect()).collect();
        let u = units(&(lines.join("\n") + "\n"));
        assert_eq!(u.len(), 1, "{u:?}");
        assert_eq!(u[0].last, lines.len());
    }

    /// A few lines longer than the wrap width (a URL a renderer could not break) do not
    /// hide it.
    #[test]
    fn wrap_width_past_overflowing_lines() {
        let url = format!("   https://example.org/{}", "a".repeat(70));
        let text = format!(
            "{url}\n\n   This search returns results from both the site's main pages and from the\n   \
             Blog.\n\n   The council voted on Tuesday to approve the plan for the harbour, and\n   \
             the work will start in the spring after a long debate about its cost to\n   \
             the town and the ferry companies that use the harbour every day of the\n   \
             week.\n"
        );
        let u = units(&text);
        assert_eq!(
            u[1].text,
            "This search returns results from both the site's main pages and from the Blog."
        );
    }

    #[test]
    fn linked_heading_gets_its_spaces_back() {
        let u = units(
            "****** Amazon_discounts_MacBooks_from_$700,_AirPods ******\n\n\
             ****** see_also/file_name.txt ******\n\n__init__ stays\n\n\
             ****** Python deprecates asyncio.get_event_loop ******\n",
        );
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Amazon discounts MacBooks from $700, AirPods",
                "see_also/file_name.txt",
                "__init__ stays",
                "Python deprecates asyncio.get_event_loop"
            ]
        );
    }

    #[test]
    fn a_wrapped_heading_ends_its_unit() {
        let u = units(
            "***** The deck runs on and on over\nthe next line. *****\npar Julien Morel, envoyé spécial\n",
        );
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts.last(), Some(&"par Julien Morel, envoyé spécial"));
    }

    #[test]
    fn a_place_dateline_starts_a_paragraph() {
        let full = "Published 6:02 a.m. ET March 14, 2023 | Updated 11:18 a.m. ET March 15, 2023";
        let text = format!(
            "{full}\nELLSWORTH — The vacant mall, which has sat mostly empty since its last\n\
             anchor store closed, could be reborn as apartments under a county plan.\n"
        );
        let u = units(&text);
        assert_eq!(u.len(), 2);
        assert!(u[1].text.starts_with("ELLSWORTH — The vacant mall"));
        assert!(place_dateline("NEW YORK (AP) — Stocks fell."));
        assert!(!place_dateline("NASA — the agency said"));
        assert!(!place_dateline("The mayor — who spoke first — said"));
    }

    #[test]
    fn a_line_broken_after_a_hyphen_joins_without_a_space() {
        let u = units(
            "The council approved the plan for the north-\nwestern end of the old mall site on Monday\n",
        );
        assert_eq!(
            u[0].text,
            "The council approved the plan for the north-western end of the old mall site on Monday"
        );
        // A dash standing apart keeps its space.
        let u =
            units("The council approved the plan on Monday night -\nwith one vote against it\n");
        assert!(u[0].text.contains("night - with"), "{}", u[0].text);
    }

    /// A renderer wrapped the line with its entity spelled out: it is judged as printed,
    /// and read decoded.
    #[test]
    fn a_line_wrapped_with_an_entity_in_it_joins_and_reads_decoded() {
        let filler = "The service launches today with a library of twenty-two games to play on";
        let text = format!(
            "{filler}\n{filler}\n{filler}\n\n\
             The Early Reviews For Google's Stadia Gaming Platform Are Here &mdash; And\n\
             They're Not Great\n\n{filler}\n"
        );
        let u = units(&text);
        assert_eq!(
            u[1].text,
            "The Early Reviews For Google's Stadia Gaming Platform Are Here — And They're Not Great"
        );
        // A line that is nothing but a control character's entity is a blank line.
        let u = units("Reuter\n&#3;\n\nNext story\n");
        assert_eq!(u.len(), 2);
        assert!(u[0].blank_after);
    }

    #[test]
    fn a_byline_with_its_date_under_a_sentence_is_its_own_unit() {
        let u = units(
            "Voor patiënten die vaak terug moeten, loopt de rekening intussen snel op.\n\
             Marieke_de_Vries_van_de_redactie 5 juni 2023, 14:32\n",
        );
        assert_eq!(u.len(), 2);
        assert!(named_and_dated("Sanne Mulder · 1 juni 2023"));
        assert!(!named_and_dated(
            "The council met on 5 June 2023 and voted on the plan."
        ));
    }

    #[test]
    fn a_byline_ending_on_its_date_is_whole() {
        // Filled to the width, but the share bar under it is no part of it.
        let text = format!(
            "{}\n{}\n{}\nCompartir en Facebook Compartir en Twitter WhatsApp Telegram\n",
            "La alcaldía anunció cortes de agua en doce colonias a partir del lunes, según",
            "informó el organismo operador de agua potable de la ciudad en un comunicado.",
            "Por Mariana Esquivel Robles | Ciudad de México, 14 de agosto de 2021 | 09:27 hrs",
        );
        let u = units(&text);
        assert_eq!(u.len(), 3, "{u:?}");
        assert!(dated_byline_ends(
            "by Dana Whitcomb, Prairie Signal March 12, 2024"
        ));
        assert!(!dated_byline_ends(
            "By Dana Whitcomb, Prairie Signal, who has covered"
        ));
    }

    #[test]
    fn a_caption_ends_on_its_credit() {
        // Filled to the width, but the byline under the caption is no part of it.
        let byline = "Anna Bürgi und Reto Kälin";
        let text = format!(
            "{}\n{}\n{}\n{byline}\nPubliziert: 11.01.2017, 14:02\n\n{}\n{}\n",
            "Die Stadt Luzern will die Velostation am Bahnhof bis 2022 auf gut 2400 Plätze",
            "verdoppeln. Der Stadtrat beantragt dafür einen Kredit von 6,8 Millionen Franken.",
            "Velos vor dem Bahnhof Luzern an einem Werktag im Herbst 2016. Foto: Simon Gisler",
            "Schon heute ist jeder der 1200 Abstellplätze der bestehenden Velostation an",
            "Werktagen ab acht Uhr morgens besetzt, wie eine Zählung der Stadt gezeigt hat.",
        );
        let u = units(&text);
        assert!(u.iter().any(|u| u.text == byline), "{u:?}");
        // The credit's last word, wrapped, stays with it.
        let text = text.replace(
            "Luzern an einem Werktag im Herbst 2016. Foto: Simon Gisler\n",
            "an einem Werktag 2016. Photograph: Ollie Brandt/The Daily\nLedger\n",
        );
        let u = units(&text);
        assert!(
            u.iter()
                .any(|u| u.text.ends_with("Brandt/The Daily Ledger")),
            "{u:?}"
        );
    }

    #[test]
    fn a_row_of_fields_with_its_day_ends_its_line() {
        // Filled to the width, but the caption under it is no part of it.
        let row = "Nomvula Khumalo | ANA 19 September 2022 | 07:32 Facebook Twitter WhatsApp";
        let text = format!(
            "{}\n{}\n{row}\n{}\n{}\n\n{}\n{}\n",
            "The power utility says Stage 5 will be implemented from 16:00 until further",
            "notice, with Stage 4 planned overnight and again on Tuesday for most areas.",
            "Electricity pylons outside Witbank Electricity pylons near eMalahleni,",
            "Mpumalanga. Picture: Thabo Mokoena/ANA (Archive)",
            "Johannesburg – Eskom will implement Stage 5 load shedding from 16:00 on Monday",
            "until further notice after seven generating units at three power stations.",
        );
        let u = units(&text);
        assert!(u.iter().any(|u| u.text == row), "{u:?}");
        assert!(dated_fields("By Jane Doe | March 3, 2021"));
        // A sentence with a bar and a date in a long part is no row of fields.
        assert!(!dated_fields(
            "Tickets | the festival opens on 3 March 2021 with a concert by the town's brass band"
        ));
    }

    #[test]
    fn a_box_heading_under_a_full_line_opens_its_own_unit() {
        let text = format!(
            "{}\n{}\n{}\nComentarios (2)\n{}\ncomentários\n",
            "La asistencia es gratuita para los socios. Los no socios deberán abonar diez",
            "euros, que incluyen la comida y el material de la jornada técnica de abril.",
            "[imprimir.gif] Imprimir   [sobre.gif] Enviar a un amigo << Volver a noticias",
            "Partilhar no Facebook Partilhar no X Partilhar no WhatsApp Enviar por email 7",
        );
        let u = units(&text);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts[1..3],
            [
                "[imprimir.gif] Imprimir   [sobre.gif] Enviar a un amigo << Volver a noticias",
                "Comentarios (2)"
            ]
        );
        // A count's noun goes on from its number.
        assert!(texts[3].ends_with("7 comentários"), "{texts:?}");
        // A sentence going on in lower case is no box's heading.
        let text = "The design changed the spacecraft, its logistics and power use, as\n\
                    comments Robin Biesbroek of the CDF\n";
        assert_eq!(units(text).len(), 1);
    }

    #[test]
    fn a_rendering_of_linked_words_reads_them_spaced() {
        // html2text: the date and the author are links; a line that is one link (a
        // related story) keeps its underscores, the look of a link.
        let u = units(
            "Pubblicato il 12_Marzo_2024 da Marco_Bellandi\n\n\
             Il ponte sul torrente Rivello è di nuovo percorribile.\n\n\
             Nuova_Rotonda_a_San_Lorenzo\n",
        );
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Pubblicato il 12 Marzo 2024 da Marco Bellandi",
                "Il ponte sul torrente Rivello è di nuovo percorribile.",
                "Nuova_Rotonda_a_San_Lorenzo"
            ]
        );
    }

    #[test]
    fn a_wrapped_label_is_one_unit() {
        let u = units("[Reviews are here — And\nThey're not great]\n[logo]\nNext line\n");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "[Reviews are here — And They're not great]",
                "[logo]",
                "Next line"
            ]
        );
    }

    #[test]
    fn heading_marks_are_taken_off() {
        let u = units(
            "# Pipeline accord signed\n\n****** Ministers meet ******\n\n\
             ****** A long heading wrapped\n******\n\nUnderlined title\n=====\n\n\
             #hashtag here\n\n* Home\n\n** not closed\n\n# Microsoft open-sources C#\n\n\
             ## Closed ##\n\nA paragraph that ends.\n=====\n\n=====\nAfter a rule\n\n\
             ***** Reviews are here — And\nThey're not great *****\n",
        );
        let got: Vec<(&str, u8)> = u.iter().map(|u| (u.text.as_str(), u.heading)).collect();
        assert_eq!(
            got,
            [
                ("Pipeline accord signed", 1),
                ("Ministers meet", 1),
                ("A long heading wrapped", 1),
                ("******", 0),
                ("Underlined title", 1),
                ("=====", 0),
                ("#hashtag here", 0),
                ("* Home", 0),
                ("** not closed", 0),
                ("Microsoft open-sources C#", 1),
                ("Closed", 2),
                ("A paragraph that ends.", 0),
                ("=====", 0),
                ("=====", 0),
                ("After a rule", 0),
                ("Reviews are here — And They're not great", 2),
            ]
        );
    }

    #[test]
    fn half_sentence_first_line_joins_its_continuation() {
        let u =
            units("The council voted on Tuesday to close the old harbour\nbridge to lorries.\n");
        assert_eq!(u.len(), 1);
    }
}
