//! The headline of a plain-text article, chosen among scored candidates before the start
//! of the main content region.
//!
//! What raises a line: a dateline or byline right after it; heading an article header
//! (not below another headline-shaped line, a dateline or byline a few units down, so
//! that a headline beats the standfirst under it); being close above the first
//! content paragraph; repeating a page-title line (`Title | Site`, `Title - Site`) or being
//! printed twice; sharing words with the story's first paragraphs; headline length (4 to
//! 20 words) and casing; standing alone between blank lines; being the first line of the
//! file that is not boilerplate. What lowers it: ending in a full stop, starting in lower
//! case, reading as prose (a long sentence, many function words), having one to three
//! words or reading as names, being repeated like a menu entry, lying inside the body.
//! Boilerplate, furniture (share, sign-in and error messages), captions, list items,
//! timestamps, datelines and bylines are never candidates; a line that is boilerplate
//! only for being printed three times or more is (pages repeat their headline in a
//! caption and a share link).
//!
//! Candidates come from a window above the story's first paragraph (URLs and encoded
//! strings printed on lines of their own, like lynx's `IFRAME:` sources, neither count
//! in it nor stand) and, since the main
//! region may have gone to a cookie banner or a list of teasers above the article, from
//! any article header below it: a headline-shaped line with a dateline or byline among
//! the next three units and prose among the next ten. In a clean text file (no
//! boilerplate at all) a full-stop sentence never wins over a first line standing alone.
//!
//! Headings the renderer marked (Markdown's `#`, html2text's `******`) at the file's top
//! level are candidates up to 200 units above the story, beyond the window, and that
//! mark is a signal. So are full article headers there: a headline-shaped line with a
//! byline and a dateline among the next three units and prose among the next ten (a
//! column of teasers or videos printed between the header and the story).
//!
//! A headline cut short with an ellipsis is no candidate when the line it was cut from is
//! one (a teaser of the page's own story).
//!
//! The page title lynx prints in its first `#Site » ... Comments Feed` line (behind the
//! image labels of tracking pixels, and cut into several units when wrapped) is a
//! candidate of its own and raises a line that repeats it; the units of that line are
//! never candidates. When nothing reaches the threshold, the file's first line standing
//! alone above a blank line, or above only datelines and bylines, is taken (the title /
//! blank / body layout of text archives), else that link-rel title. When a site name is known from elsewhere in the file (the
//! other half of a `Title | Site` line, a copyright line, the link-rel line) it is cut off
//! the chosen headline.

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::captions::{caption, caption_or_list_item};
use super::classify::Class;
use super::dateline::Meta;
use super::decision::{decide_led, Candidate, Decision};
use super::features::{blob, lexicon, unit_words, Features};
use super::lines::Unit;
use super::pagetitle::{
    has_separator, image_label, link_rel_line, link_rel_title, segments, site_names, strip_site,
};
use super::shape::{
    crumb_end, cut_stem, heading_shaped, headline_words, picture_label, trail_to_near,
};
use super::title_signals::{named, weights, Sig, Signals};
use super::wordforms::{stem, StoryWords};

/// Longest headline accepted: tabloids run to forty words and more, without a full
/// stop; a longer line that ends like a sentence is a paragraph.
const MAX_CHARS: usize = 300;
const MAX_WORDS: usize = 45;
pub(super) const MAX_SENTENCE_WORDS: usize = 30;
/// Units that are not boilerplate searched above the start of the story's prose, and
/// how far up that search reaches at most.
pub(super) const WINDOW: usize = 30;
const MAX_REACH: usize = 200;
/// Units of the story whose words a headline is compared with.
const STORY_UNITS: usize = 12;
/// Units looked through below a headline under its dateline for the story's prose: two,
/// or three past a deck.
const AFTER_META_REACH: usize = 3;

/// Units looked through below a candidate for its dateline or byline.
const LOOK_AHEAD: usize = 12;
/// Units that are not boilerplate looked through, below the story's first unit and past
/// datelines, for a headline.
const BIO_GAP: usize = 2;
/// Below the story's start, a candidate has a dateline or byline among its next few
/// units that are not boilerplate, and prose among the next several.
const BELOW_META: usize = 3;
const BELOW_PROSE: usize = 10;
/// Units within which two headers below the story's start are teasers in one list.
const TEASER_GAP: usize = 8;
/// Fewest words of a paragraph of prose.
const PROSE_WORDS: usize = 10;
/// Units that are not boilerplate looked through below the top line of an article header
/// for its dateline or byline: a standfirst, an author's photo label, a name and a role
/// may come between.
const HEADER_UNITS: usize = 6;
/// Words of a bulleted line from which it is a summary's point, not a menu entry.
const SUMMARY_WORDS: usize = 8;
/// Most words of a kicker, the topic line printed over a headline.
const KICKER_WORDS: usize = 5;
/// Units per block from which a file is compact: it parts few of its lines with blank ones.
const COMPACT_UNITS_PER_BLOCK: usize = 8;
/// Units below a headline above the window that must hold its byline and its dateline.
const FULL_HEADER_UNITS: usize = 3;
/// Most words of a bulleted menu entry, and fewest entries in a row of a menu.
const MENU_ENTRY_WORDS: usize = 3;
const MENU_ENTRIES: usize = 3;
/// Units between a headline and a line echoing it for the echo to be the page's (a list
/// of posts, the comments' heading), not the lede's.
const ECHO_GAP: usize = 8;
/// Fewest words of a line named inside the story's prose for it to count as a name, and
/// fewest words of the paragraph naming it.
const IN_PROSE_WORDS: usize = 2;
const PROSE_NAMING_WORDS: usize = 12;
/// Marks that open a quotation.
const QUOTES_OPENING: [char; 8] = ['"', '\'', '“', '„', '«', '‘', '‚', '»'];

/// The next unit after `i` that is not boilerplate.
pub(super) fn next_kept_unit(classes: &[Class], i: usize) -> Option<usize> {
    (i + 1..classes.len()).find(|&k| classes[k] != Class::Bad)
}

/// A row of single capitals: a calendar's weekday initials (`L M X J V S D`, `M T W T F
/// S S`) or an index's alphabet, run into words or not (`L M X J V S D Presentación
/// del`): four or more opening the line. Polish and Czech prepositions are single
/// letters too (`W Krakowie i w Gdańsku z wizytą`), one capital at a time.
fn letter_row(text: &str) -> bool {
    let capital = |w: &&str| w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    text.split_whitespace().take_while(capital).count() >= LETTER_ROW
}

/// Fewest single letters of a row of them.
const LETTER_ROW: usize = 4;

fn key(s: &str) -> String {
    super::features::line_key(s)
}

/// Scores the lines above the main region (or the first lines when there is none) and
/// decides the headline.
pub fn decide_title(
    units: &[Unit],
    feats: &[Features],
    classes: &[Class],
    region_start: Option<usize>,
    meta: &Meta,
) -> Decision {
    let lex = lexicon();
    if units.is_empty() {
        return Decision::default();
    }
    let start = super::story::story_start(units, feats, classes, region_start, meta);
    // WINDOW units that are not boilerplate, however many menu lines lie between.
    let mut lo = start;
    let mut kept = 0;
    while lo > 0 && kept < WINDOW && start - lo < MAX_REACH {
        lo -= 1;
        kept += usize::from(classes[lo] != Class::Bad && !blob(&units[lo].text));
    }
    // The story's first unit and the next one that is not boilerplate: a column's author
    // bio may read as the story's first paragraph above the headline.
    // When that unit is a dateline or byline, the paragraph above it was a standfirst or
    // a blog's tagline, and the next unit that is neither may be the headline.
    // Boilerplate between them (a blog's menu under its tagline) is passed over.
    let hi = (start + 1..units.len())
        .take(MAX_REACH)
        .find(|&j| classes[j] != Class::Bad)
        .map(|j| {
            (j..units.len())
                .take(MAX_REACH)
                .filter(|&k| classes[k] != Class::Bad)
                .take(BIO_GAP + 1)
                .find(|&k| !meta.at(k))
                .unwrap_or(j)
        })
        .unwrap_or(start + 1)
        .min(units.len() - 1);
    // Every line's key, gathered only when a page-title line asks.
    let all_keys: OnceCell<FxHashSet<&str>> = OnceCell::new();
    let keys = || all_keys.get_or_init(|| feats.iter().map(|f| f.key.as_str()).collect());
    let separated: Vec<bool> = units.iter().map(|u| has_separator(&u.text)).collect();
    let mut sites = site_names(units, feats, &separated, &keys);
    let link_rel = link_rel_title(units);
    if let Some((_, site, _)) = &link_rel {
        sites.push(key(site));
    }
    sites.extend(super::pagetitle::link_rel_site(units).map(|s| key(&s)));
    let hint = link_rel.as_ref().map(|(t, _, _)| key(t));
    // The units the link-rel line spans: never a headline of their own. A line of four
    // words or more that the link-rel line holds once repeats the page title, however
    // the feeds around it are named (`Titolo Feed dei commenti`, `Umpan Komentar`).
    let rel_line = link_rel_line(units);
    let link_rel_end = rel_line.as_ref().map(|&(_, last)| last);
    let rel_key = rel_line.as_ref().map(|(line, _)| key(line));
    // Segments of page-title-like lines, by unit, to find headlines they repeat.
    // Each segment: the first unit it is in, and whether another unit has it too.
    let mut seg_keys: FxHashMap<String, (usize, bool)> = FxHashMap::default();
    for (i, u) in units.iter().enumerate() {
        if !separated[i] || feats[i].words > 40 {
            continue;
        }
        let segs = segments(&u.text);
        if segs.len() < 2 {
            continue;
        }
        for s in segs {
            let e = seg_keys.entry(key(s)).or_insert((i, false));
            e.1 |= e.0 != i;
        }
    }
    // The top level of the headings the renderer marked (Markdown, html2text): a page's
    // headline is most often its one top heading.
    let top_level = units
        .iter()
        .map(|u| u.heading)
        .filter(|&l| l > 0)
        .min()
        .unwrap_or(0);
    // A full article header: a headline-shaped line with both a byline and a dateline
    // among the next FULL_HEADER_UNITS units that are not boilerplate, and prose among
    // the next BELOW_PROSE (a teaser in a dated, signed list has another teaser below).
    // A paragraph of the story: content ending a sentence, of PROSE_WORDS words or more.
    let prose_at = |j: usize| {
        classes[j] == Class::Good && feats[j].sentence_end && feats[j].words >= PROSE_WORDS
    };
    let full_header = |i: usize| {
        let next: Vec<usize> = (i + 1..units.len())
            .filter(|&j| classes[j] != Class::Bad || meta.at(j))
            .take(FULL_HEADER_UNITS)
            .collect();
        let dated = next.iter().any(|&j| meta.date(j).is_some());
        let signed = next
            .iter()
            .any(|&j| super::bylines::top_unit(units, j).is_some());
        let prose = || {
            (i + 1..units.len())
                .filter(|&j| classes[j] != Class::Bad || meta.at(j))
                .take(BELOW_PROSE)
                .any(prose_at)
        };
        classes[i] != Class::Bad
            && !meta.at(i)
            && heading_shaped(&feats[i], &units[i])
            && feats[i].words >= 4
            && dated
            && signed
            && prose()
    };
    // Above the window (up to MAX_REACH units above the story), the headings the
    // renderer marked at the top level and full article headers: a headline set apart by
    // its marks or its header, however many lines of page (a column of teasers or videos)
    // lie between it and the story.
    let marked_above: Vec<usize> = (start.saturating_sub(MAX_REACH)..lo)
        .filter(|&i| (units[i].heading > 0 && units[i].heading == top_level) || full_header(i))
        .collect();
    let meta_end = (hi + LOOK_AHEAD).min(units.len() - 1);
    // Datelines and bylines count from the highest candidate down.
    let meta_start = marked_above.first().map_or(lo, |&m| m.min(lo));
    let is_meta_at = |i: usize| i >= meta_start && i <= meta_end && meta.at(i);

    // Not boilerplate, or boilerplate only for being printed three times (a headline
    // repeated in a caption and a share link): what a headline may be.
    let kept = |j: usize| {
        classes[j] != Class::Bad || super::classify::bad_by_repeats(&units[j], &feats[j])
    };
    let first_kept = (0..units.len()).find(|&j| classes[j] != Class::Bad);
    let first_bad = (0..units.len()).find(|&j| classes[j] == Class::Bad);
    // Words of the story's first paragraphs that the lines above it hold too: a headline
    // shares them, a sidebar headline or a menu entry does not.
    let story_words: OnceCell<StoryWords> = OnceCell::new();
    let story_words = || {
        story_words.get_or_init(|| {
            StoryWords::new(
                marked_above
                    .iter()
                    .copied()
                    .chain(lo..start)
                    .filter(|&j| kept(j))
                    .flat_map(|j| unit_words(&units[j].text, &feats[j].key)),
                (start..units.len())
                    .filter(|&j| classes[j] != Class::Bad)
                    .take(STORY_UNITS)
                    .flat_map(|j| unit_words(&units[j].text, &feats[j].key)),
            )
        })
    };
    let in_story = |w: &(String, usize)| story_words().has(&w.0, w.1);
    // Whether the file sets its paragraphs apart with blank lines at all: in a compact
    // rendering (html2text prints none between paragraphs) every line is in a crowd.
    let spaced = {
        let blocks = units.last().map_or(0, |u| u.block + 1);
        blocks * COMPACT_UNITS_PER_BLOCK >= units.len()
    };
    // Units per block that are not datelines or bylines, for lines crowded in a list.
    let block_size = |i: usize| {
        let b = units[i].block;
        let same = |j: &usize| units[*j].block == b;
        let below = (i + 1..units.len())
            .take_while(same)
            .filter(|&j| !is_meta_at(j))
            .count();
        let above = (0..i)
            .rev()
            .take_while(same)
            .filter(|&j| !is_meta_at(j))
            .count();
        1 + below + above
    };
    // The last unit of the file that is not boilerplate or a dateline: a headline has a
    // story below it, so that unit is never one (in a two-line file, the second line).
    let last_text = (0..units.len())
        .rev()
        .find(|&j| classes[j] != Class::Bad && !is_meta_at(j));
    // Every unit's text, one per line, for the echo search: built on first use.
    let whole: OnceCell<String> = OnceCell::new();
    let whole_text = || {
        whole.get_or_init(|| {
            units
                .iter()
                .map(|u| u.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
    };
    // Article headers below the story's start: a headline-shaped line, a dateline or
    // byline just below it, then prose. The main region may have gone to a cookie banner
    // or to teasers above the article.
    let kept_after = |i: usize, n: usize| {
        (i + 1..units.len())
            .filter(|&j| classes[j] != Class::Bad || meta.at(j))
            .take(n)
    };
    let below: Vec<usize> = (hi + 1..units.len())
        .filter(|&i| {
            let (u, f) = (&units[i], &feats[i]);
            kept(i)
                && heading_shaped(f, u)
                && !meta.at(i)
                && kept_after(i, BELOW_META).any(|j| meta.at(j))
                && kept_after(i, BELOW_PROSE).any(prose_at)
        })
        .collect();
    // Different headers close together are a list of teasers (`Mehr aus Kärnten`:
    // headline, summary, date, and again), not the article's (its headline may be printed
    // twice).
    let below: Vec<usize> = below
        .iter()
        .copied()
        .filter(|&i| {
            !below
                .iter()
                .any(|&j| j.abs_diff(i) <= TEASER_GAP && feats[j].key != feats[i].key)
        })
        .collect();
    // A navigation menu: a header does not run across one (a picture's `[label]` is no
    // menu, nor is a bulleted summary of the story, items of eight words or more).
    // A bulleted menu entry (`* City Council`) among MENU_ENTRIES or more is one too; a
    // bulleted share button (`* Facebook`), icon (`*`) or counter (`* 38.3K`) is
    // furniture a header may hold, and so are a post's two links (`* Previous Post`,
    // `* Next Post`).
    let entry = |j: usize| {
        feats[j].bullet
            && classes[j] == Class::Bad
            && !feats[j].furniture
            && feats[j].words <= MENU_ENTRY_WORDS
            && units[j].text.chars().any(char::is_alphabetic)
            && !units[j].text.bytes().any(|b| b.is_ascii_digit())
    };
    let nav = |j: usize| {
        (feats[j].menu
            && !units[j].text.starts_with('[')
            && !(feats[j].bullet && feats[j].words >= SUMMARY_WORDS))
            || (entry(j)
                && (j.saturating_sub(MENU_ENTRIES - 1)..=j)
                    .any(|k| (k..k + MENU_ENTRIES).all(|m| m < units.len() && entry(m))))
    };
    let tagline = |j: usize| super::story::tagline(units, feats, classes, meta, j);
    let mut scored: Vec<(Candidate, Signals)> = Vec::new();
    let mut headings = 0usize;
    // Whether a headline-shaped line and then a dateline or byline have been passed,
    // with no menu between them.
    // The headings above the window come first, out of the file's order: a menu resets
    // only a heading above it.
    let mut seen_heading: Option<usize> = None;
    let mut below_meta = false;
    for i in marked_above
        .iter()
        .copied()
        .chain(lo..=hi)
        .chain(below.iter().copied())
    {
        let (u, f) = (&units[i], &feats[i]);
        // Datelines and bylines as seen from the candidate: those of the window, or any
        // below a header found beneath the story's start.
        // A relative time (`Published 22 hours ago`) heads no short line: a section's
        // label stands over it as often as a headline.
        let meta_here = |j: usize| {
            (if i > hi { meta.at(j) } else { is_meta_at(j) })
                && !(f.words <= KICKER_WORDS && meta.relative(j))
        };
        if is_meta_at(i) && seen_heading.is_some() {
            below_meta = true;
        }
        if nav(i) && !below_meta && seen_heading.is_some_and(|h| h < i) {
            seen_heading = None;
        }
        // A blog's tagline ends the blog's header: the post's own follows.
        if tagline(i) {
            seen_heading = None;
            below_meta = false;
        }
        if !kept(i)
            || f.furniture
            || f.chars > MAX_CHARS
            || f.words > MAX_WORDS
            || (f.words > MAX_SENTENCE_WORDS && f.sentence_end)
            || f.bullet
            || f.alpha_ratio < 0.5
            || blob(&u.text)
            || super::features::figures(&u.text)
            || letter_row(&u.text)
            || super::shape::outlet_and_place(&u.text)
            || picture_label(units, feats, i)
            || trail_to_near(units, feats, i)
            || u.text.ends_with([':', ',', ';'])
            // A link to the next or previous post (`Home Assistant und der Zigbee-Stick →`).
            || u.text.ends_with(['→', '←', '›', '‹'])
            || (u.text.ends_with(" »") && !super::features::closes_quote(&u.text))
            || caption_or_list_item(&u.text)
            || super::dateline::attribution(&u.text, f)
            || crate::extract::byline::is_agency(&u.text)
            || is_meta_at(i)
            || (Some(i) == last_text && i > 0)
            || link_rel_end.is_some_and(|last| i <= last)
        {
            continue;
        }
        let mut x = Signals::default();
        let mut rule = "near_content";
        // The next lines that are not boilerplate (share bars, image labels) or captions
        // (an author's picture label), where a dateline or byline counts even inside a
        // list item.
        let mut next = (i + 1..(i + LOOK_AHEAD).min(units.len()))
            .filter(|&j| (classes[j] != Class::Bad && !caption(&units[j].text)) || meta_here(j));
        let (n1, n2) = (next.next(), next.next());
        // A blog's tagline between them puts the date in the post's header, not the blog's.
        // A menu between them puts the date in the header under the menu (a blog's name,
        // its tagline, its menu, then the post's date and title).
        // In a list of dated lines the date under a line is the next item's.
        let listed = super::shape::dated_list(units.len(), i, is_meta_at);
        x.flag(Sig::DatedList as usize, listed);
        let reaches = |m: usize| meta_here(m) && !(i + 1..m).any(&nav);
        if !listed
            && (n1.is_some_and(reaches) || (n2.is_some_and(reaches) && !n1.is_some_and(tagline)))
        {
            x.flag(Sig::NearDate as usize, true);
            rule = "line_before_date_or_byline";
        }
        let k = &f.key;
        let in_page_title = seg_keys.get(k).is_some_and(|&(j, shared)| shared || j != i);
        // Once: the site's name is printed with each of its feeds.
        let in_rel_line = hint.as_ref() == Some(k)
            || (f.words >= 4
                && rel_key
                    .as_ref()
                    .is_some_and(|r| r.matches(k.as_str()).count() == 1));
        x.flag(Sig::RelTitle as usize, in_rel_line);
        if in_page_title || in_rel_line {
            x.flag(Sig::PageTitle as usize, true);
            rule = "repeats_page_title";
        } else {
            x.flag(Sig::Repeated as usize, f.repeats == 2);
        }
        x.flag(Sig::MenuRepeat as usize, f.repeats >= 3);
        if i < start {
            // Boilerplate in between (share buttons, image labels) counts a tenth.
            let d: f32 = (i + 1..start)
                .map(|j| if classes[j] == Class::Bad { 0.1 } else { 1.0 })
                .sum::<f32>()
                + 1.0;
            x.set(Sig::Distance as usize, d.min(WINDOW as f32).ln_1p());
        } else {
            x.flag(Sig::InsideBody as usize, true);
        }
        let words = headline_words(f);
        x.flag(Sig::Length as usize, (4..=20).contains(&words));
        x.flag(Sig::Long as usize, (6..=20).contains(&words));
        x.flag(Sig::OneWord as usize, words == 1);
        x.flag(Sig::FewWords as usize, (2..=3).contains(&words));
        // A short run of capitalised names is a byline or a site name more often than a
        // headline.
        let role = unit_words(&u.text, &f.key).any(|w| lex.has("byline.role", &w));
        x.flag(
            Sig::Names as usize,
            (f.words <= 4 && crate::extract::byline::is_names(&u.text)) || (role && f.words <= 6),
        );
        // The first letter or digit, past quotes and brackets (`“We never stopped
        // believing” – Doyle …`): `16-inch MacBook` starts with a number, not in lower case.
        let first = u.text.chars().find(|c| c.is_alphanumeric());
        x.flag(
            Sig::Casing as usize,
            f.caps_ratio >= 0.5 || first.is_some_and(char::is_uppercase),
        );
        x.flag(Sig::TitleCase as usize, f.caps_ratio >= 0.6 && f.words >= 3);
        x.flag(
            Sig::Lowercase as usize,
            first.is_some_and(char::is_lowercase),
        );
        x.flag(Sig::Alone as usize, u.blank_before || u.blank_after);
        let content: Vec<(String, usize)> = unit_words(&u.text, &f.key)
            .map(|w| (stem(&w).to_owned(), w.chars().count()))
            .filter(|w| w.1 >= 4)
            .collect();
        if content.len() >= 2 && i < start {
            let shared = content.iter().filter(|w| in_story(w)).count();
            let share = shared as f32 / content.len() as f32;
            x.set(Sig::Overlap as usize, share);
            x.flag(Sig::OverlapHigh as usize, share >= 0.6);
            x.flag(Sig::NoOverlap as usize, shared == 0);
        }
        if u.text.ends_with('.') && !u.text.ends_with("...") {
            x.flag(Sig::Period as usize, true);
            x.flag(Sig::Sentence as usize, f.words > 8);
        }
        x.flag(Sig::FirstLine as usize, Some(i) == first_kept);
        // Running text: headlines drop most function words.
        x.flag(Sig::Prose as usize, f.stop_ratio >= 0.35 && f.words >= 12);
        let above = i.saturating_sub(3)..i;
        let n_above = above.len().max(1);
        let bad_above = above.clone().filter(|&j| classes[j] == Class::Bad).count();
        x.set(Sig::AfterNav as usize, bad_above as f32 / n_above as f32);
        if heading_shaped(f, u) {
            x.flag(Sig::FirstHeading as usize, headings == 0);
            x.set(Sig::HeadingsAbove as usize, headings.min(5) as f32 / 5.0);
            headings += 1;
        } else {
            x.set(Sig::HeadingsAbove as usize, headings.min(5) as f32 / 5.0);
        }
        // A line with a dateline right above it and one right below is inside a header
        // (`DATE` / headline / `NAME`), not under one.
        let inside_header =
            i > 0 && meta_here(i - 1) && n1.is_some_and(|j| j == i + 1 && meta_here(j));
        x.flag(Sig::BelowMeta as usize, below_meta && !inside_header);
        x.flag(
            Sig::AfterImage as usize,
            i > 0 && image_label(&units[i - 1].text),
        );
        x.flag(Sig::Crowded as usize, spaced && block_size(i) >= 3);
        x.flag(Sig::Crumb as usize, crumb_end(units, feats, i));
        x.flag(
            Sig::UnderTrail as usize,
            super::shape::under_trail(units, i),
        );
        x.flag(Sig::FileStart as usize, i == 0);
        // A deeper heading shaped like a headline under a menu between this one and the
        // story makes this one the site's masthead (a blog's name over its menu, date
        // and post title); a deck right under a headline does not.
        let masthead = || {
            (i + 1..start).any(|j| {
                units[j].heading > u.heading
                    && !meta.at(j)
                    && heading_shaped(&feats[j], &units[j])
                    && (i + 1..j).any(|k| feats[k].menu || feats[k].bullet)
            })
        };
        x.flag(
            Sig::Marked as usize,
            u.heading > 0 && u.heading == top_level && !masthead(),
        );
        x.flag(Sig::CleanAbove as usize, first_bad.is_none_or(|b| b > i));
        x.flag(Sig::CleanFileStart as usize, i == 0 && first_bad.is_none());
        x.flag(
            Sig::Lede as usize,
            !x.on(Sig::NearDate as usize)
                && u.text.ends_with('.')
                && !u.text.ends_with("...")
                && f.words >= 8
                && (i + 1..units.len())
                    .find(|&j| classes[j] != Class::Bad)
                    .is_some_and(|j| {
                        classes[j] == Class::Good && feats[j].sentence_end && feats[j].words >= 12
                    }),
        );
        let shaped = |j: usize| {
            classes[j] != Class::Bad && !is_meta_at(j) && heading_shaped(&feats[j], &units[j])
        };
        let kept_near = |range: &mut dyn Iterator<Item = usize>| {
            range
                .filter(|&j| classes[j] != Class::Bad)
                .take(2)
                .filter(|&j| shaped(j))
                .count()
        };
        let near = kept_near(&mut (lo..i).rev()) + kept_near(&mut (i + 1..units.len()));
        x.set(Sig::HeadingNeighbours as usize, near as f32 / 4.0);
        x.flag(
            Sig::Truncated as usize,
            u.text.ends_with('…') || u.text.ends_with("..."),
        );
        x.flag(
            Sig::ProseAbove as usize,
            (lo..i).any(|j| {
                classes[j] == Class::Good && feats[j].sentence_end && feats[j].words >= 12
            }),
        );
        // Found more often in the whole text than it is printed as a line of its own.
        let echoed = |j: usize| {
            feats[j].words >= 4
                && whole_text().matches(units[j].text.as_str()).count() > feats[j].repeats
        };
        x.flag(Sig::Echoed as usize, echoed(i));
        x.flag(
            Sig::InProse as usize,
            f.words >= IN_PROSE_WORDS
                && !f.sentence_end
                && echoed(i)
                && (0..units.len()).any(|j| {
                    let t = units[j].text.as_str();
                    j != i
                        && prose_at(j)
                        && !feats[j].barrier
                        && feats[j].words >= PROSE_NAMING_WORDS
                        // Not quoted (`6 Replies to “HEADLINE”`, a comment's `„…“`).
                        && t.find(u.text.as_str()).is_some_and(|at| {
                            at > 0 && !t[..at].trim_end().ends_with(QUOTES_OPENING)
                        })
                }),
        );
        // Printed again inside a line away from the header (a list of posts, the comments'
        // heading), ending no sentence: a headline. A standfirst is echoed by the lede
        // right below it.
        let echoed_head = |j: usize| {
            echoed(j)
                && !feats[j].sentence_end
                && units.iter().enumerate().any(|(k, o)| {
                    k.abs_diff(j) > ECHO_GAP
                        && o.text.len() > units[j].text.len()
                        && o.text.contains(units[j].text.as_str())
                })
        };
        // The file's first line is its title or masthead, not a section kicker.
        x.flag(
            Sig::AfterKicker as usize,
            i > 1 && {
                let (p, pf) = (&units[i - 1].text, &feats[i - 1]);
                (1..=3).contains(&pf.words) && !p.ends_with(['.', ':', '!', '?', ']', ')'])
            },
        );
        // The line above, skipping boilerplate and lines holding this one (a headline
        // printed twice, or in a breadcrumb), and whether a dateline or byline follows
        // within the header.
        let above = (0..i)
            .rev()
            .take(LOOK_AHEAD)
            .take_while(|&j| !nav(j))
            .filter(|&j| classes[j] != Class::Bad)
            .find(|&j| !feats[j].key.contains(f.key.as_str()));
        // A short headline (`The Impeachment Clock`, `Waterfront plan approved`) heads a
        // header only with its dateline or byline among the next two units; of two
        // words, only in capitals (`Local news` is a section's label).
        // A kicker (`Hochwasserschutz an der Lauter`) over its headline (`Stadt kauft
        // Wiesen für neues Rückhaltebecken`) over a standfirst that ends a sentence, or
        // over a longer deck right above the dateline or byline: the kicker is shorter
        // than the headline, neither ends a sentence, and neither heads the header the
        // other would.
        // Below a headline, past its picture's label and caption.
        let next_text = |j: usize| {
            (j + 1..units.len()).find(|&k| {
                classes[k] != Class::Bad
                    && !caption(&units[k].text)
                    && !picture_label(units, feats, k)
            })
        };
        let kicker = |j: usize, h: usize| {
            let (fj, fh) = (&feats[j], &feats[h]);
            (2..=KICKER_WORDS).contains(&fj.words)
                && fj.words < fh.words
                && !fj.sentence_end
                && !fh.sentence_end
                && shaped(h)
                && next_kept_unit(classes, j) == Some(h)
                // The renderer marked the headline and not the line above it.
                && ((top_level > 0 && units[h].heading == top_level && units[j].heading == 0)
                    || next_text(h).is_some_and(|k| {
                    !meta_here(k)
                        && (feats[k].sentence_end
                            || (feats[k].words > fh.words
                                && (k + 1..units.len())
                                    .filter(|&m| classes[m] != Class::Bad || meta_here(m))
                                    .take(2)
                                    .any(meta_here)))
                }))
        };
        let short_head = (2..=3).contains(&f.words)
            && (f.caps_ratio >= 0.6 || f.words == 3)
            && !u.text.ends_with(['.', ':', '!', '?', ']', ')'])
            && (n1.is_some_and(meta_here) || n2.is_some_and(meta_here));
        x.flag(
            Sig::HeadsHeader as usize,
            (short_head || (heading_shaped(f, u) && f.words >= 4))
                && !(separated[i]
                    && (u.text.contains(" | ") || super::pagetitle::site_titled(&u.text)))
                && !above.is_some_and(|j| (shaped(j) && !kicker(j, i)) || meta_here(j))
                // Over a headline-shaped line the page echoes (in its lists, its comments'
                // heading) and this one not: a picture's caption over the headline.
                && !next_kept_unit(classes, i).is_some_and(|h| {
                    kicker(i, h) || (shaped(h) && echoed_head(h) && !echoed(i))
                })
                && (i + 1..units.len())
                    .take_while(|&j| !nav(j) && !tagline(j))
                    .filter(|&j| {
                        (classes[j] != Class::Bad && !caption(&units[j].text)) || meta_here(j)
                    })
                    .take(HEADER_UNITS)
                    .any(meta_here),
        );
        x.flag(
            Sig::AfterMeta as usize,
            heading_shaped(f, u)
                && f.words >= 3
                && (0..i)
                    .rev()
                    .find(|&j| classes[j] != Class::Bad || meta_here(j))
                    .is_some_and(meta_here)
                // A picture's label right over its caption is no headline.
                && !units.get(i + 1).is_some_and(|n| caption(&n.text))
                // Prose follows among the next two units, or past a longer deck that ends
                // no sentence, with no dateline or byline between.
                && {
                    let next: Vec<usize> = (i + 1..units.len())
                        .filter(|&j| classes[j] != Class::Bad && !caption(&units[j].text))
                        .take(AFTER_META_REACH)
                        .collect();
                    let deck = next.first().is_some_and(|&d| {
                        feats[d].words > f.words && !feats[d].sentence_end && !meta_here(d)
                    });
                    next.iter().take(2).any(|&j| prose_at(j))
                        || (deck
                            && next
                                .iter()
                                .skip(1)
                                .take_while(|&&j| !meta_here(j))
                                .any(|&j| prose_at(j)))
                },
        );
        // A heading the renderer marked at the top level is one whatever its shape.
        if heading_shaped(f, u) || (u.heading > 0 && u.heading == top_level) {
            seen_heading = Some(i);
        }
        if sites.contains(k) {
            continue;
        }
        // A leading bracketed label of a word or two (`[Subscribe] Headline`) is not part
        // of the headline; a longer bracket (`[The Palace: Tale of Jang Noksu] ...`) is.
        let text = match u.text.strip_prefix('[').and_then(|r| r.split_once(']')) {
            Some((label, rest))
                if label.split_whitespace().count() <= 2
                    && rest.split_whitespace().count() >= 3 =>
            {
                rest.trim()
            }
            _ => u.text.as_str(),
        };
        let text = super::shape::without_source_domain(super::shape::without_tools(
            super::shape::unglued_kicker(text),
        ));
        scored.push((
            Candidate {
                value: strip_site(&crate::extract::squash_spaces(text), &sites),
                rule,
                score: 0.0,
                lines: (u.first, u.last),
                unit: i,
                signals: Vec::new(),
            },
            x,
        ));
    }
    // The page title of the link-rel line stands as a candidate of its own: the post
    // title, though not a line of the story.
    if let Some((title, _, _)) = link_rel {
        if !scored.iter().any(|(c, _)| key(&c.value) == key(&title)) {
            let mut x = Signals::default();
            x.flag(Sig::LinkRel as usize, true);
            scored.push((
                Candidate {
                    value: title,
                    rule: "link_rel_title",
                    score: 0.0,
                    lines: (units[0].first, units[0].last),
                    unit: 0,
                    signals: Vec::new(),
                },
                x,
            ));
        }
    }
    // A headline cut short with an ellipsis is no candidate when the line it was cut
    // from is one: a teaser of the page's own story, printed in full elsewhere.
    let uncut: Vec<String> = scored
        .iter()
        .filter(|(c, _)| cut_stem(&c.value).is_none())
        .map(|(c, _)| key(&c.value))
        .collect();
    scored.retain(|(c, _)| {
        let Some(stem) = cut_stem(&c.value).map(key) else {
            return true;
        };
        stem.split_whitespace().count() < 3
            || !uncut
                .iter()
                .any(|k| k.len() > stem.len() && k.starts_with(&stem))
    });
    let cands: Vec<Candidate> = scored
        .into_iter()
        .map(|(mut c, x)| {
            c.score = x.score(weights());
            c.signals = named(&x);
            c
        })
        .collect();
    // The file's first line, standing alone or heading a block of datelines and
    // bylines: the title / blank / body layout of text archives.
    let heads_file = units[0].blank_after
        || (1..units.len())
            .take_while(|&j| units[j].block == units[0].block)
            .all(is_meta_at);
    let first = cands
        .iter()
        .find(|c| c.unit == 0 && heads_file && c.rule != "link_rel_title")
        .cloned();
    let decision = decide_led(cands, lex.weight("title.min"), lex.weight("title.lead"));
    let header = super::title_review::Header {
        units,
        feats,
        classes,
        meta,
        lo,
        hi,
        first_bad,
        first: first.as_ref(),
    };
    super::title_review::review(decision, &header)
}

#[cfg(test)]
mod tests {
    use super::super::classify::{in_context, main_region, own_classes};
    use super::super::features::measure;
    use super::super::lines::units;
    use super::*;

    #[test]
    fn a_row_of_single_letters_is_no_headline() {
        assert!(letter_row("L M X J V S D"));
        assert!(letter_row(
            "L M X J V S D Presentación del Ver todas las notas"
        ));
        assert!(letter_row("A B C D E F G H"));
        assert!(!letter_row("W Krakowie i w Gdańsku z wizytą"));
        assert!(!letter_row("Z Polski i z Ukrainy o wojnie"));
        assert!(!letter_row("Plan B: a fix for the A-road junction"));
        assert!(!letter_row("J. R. R. Tolkien's letters go on show"));
        let text = "Agenda\n\nL M X J V S D\n\n12 de junio de 2008\n\nLa consejera ha \
            presentado hoy en Valladolid el dispositivo de lucha contra los incendios \
            forestales, que contará con más efectivos que el año pasado y con nuevos medios.\n\n\
            El operativo estará activo desde el primero de julio hasta finales de septiembre en \
            toda la comunidad, con especial atención a las comarcas de mayor riesgo.\n";
        assert_ne!(title(text).as_deref(), Some("L M X J V S D"));
    }

    fn title(text: &str) -> Option<String> {
        let u = units(text);
        let f = measure(&u);
        let own = own_classes(&u, &f);
        let r = main_region(&in_context(&own), &f, |_| false);
        decide_title(&u, &f, &own, r.map(|r| r.0), &Meta::new(&u, &f))
            .chosen
            .map(|c| c.value)
    }

    const PARA: &str = "The ministers signed the accord in the capital on Monday, after \
        two years of talks that had stalled over the route of the pipeline.";

    #[test]
    fn masthead_loses_to_the_line_above_the_date() {
        let t = format!(
            "Daily Courier\n\nMinisters sign Caspian pipeline accord\nMarch 3, 2014, 9:15 am\n\n{PARA}\n\nBy Anna Novak\n"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("Ministers sign Caspian pipeline accord")
        );
    }

    #[test]
    fn date_before_title_and_capitals() {
        let t = format!(
            "March 3, 2014\n\nMINISTERS SIGN CASPIAN PIPELINE ACCORD\nBy Anna Novak\n\n{PARA}\n"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("MINISTERS SIGN CASPIAN PIPELINE ACCORD")
        );
    }

    #[test]
    fn page_title_line_names_the_site() {
        let t = format!(
            "Pipeline accord signed | Daily Courier\n\n  * Home\n  * World\n\n\
             Pipeline accord signed\n\n{PARA}\n\n© 2014 Daily Courier\n"
        );
        assert_eq!(title(&t).as_deref(), Some("Pipeline accord signed"));
    }

    #[test]
    fn link_rel_title_when_no_line_is_a_headline() {
        let t = format!(
            "#Vortex Cannon » Feed Vortex Cannon » Comments Feed Vortex Cannon » About bugs \
             Comments Feed alternate alternate\n\n  * Home\n  * Shop\n\nClose\n\n{PARA}\n\n{PARA}\n"
        );
        let u = units(&t);
        let f = measure(&u);
        let own = own_classes(&u, &f);
        let r = main_region(&in_context(&own), &f, |_| false);
        let d = decide_title(&u, &f, &own, r.map(|r| r.0), &Meta::new(&u, &f));
        let chosen = d.chosen.expect("a title");
        assert_eq!(chosen.value, "About bugs");
        assert_eq!(chosen.rule, "link_rel_title");
    }

    #[test]
    fn the_link_rel_line_names_the_headline_under_a_caption() {
        // Feeds named in another language, and a picture's caption over the headline.
        let t = format!(
            "#Valle Notizie » Feed Valle Notizie » Feed dei commenti Valle Notizie » Riapre \
             il ponte sul torrente dopo due anni di cantiere Feed dei commenti alternate\n\n\
             Vai al contenuto\n\n  * Home\n  * Cronaca\n\n\
             Il nuovo ponte riaperto al traffico\n\n\
             Riapre il ponte sul torrente dopo due anni di cantiere\n\n\
             Pubblicato il 12 marzo 2024 da Marco Bellandi\n\n{PARA}\n\n{PARA}\n\n\
             3 commenti su “Riapre il ponte sul torrente dopo due anni di cantiere”\n"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("Riapre il ponte sul torrente dopo due anni di cantiere")
        );
    }

    #[test]
    fn a_headline_of_two_sentences_over_its_standfirst() {
        let t = format!(
            "  * Home\n  * Health\n\nInspectors skipped dozens of homes for years. Residents \
             paid the price.\n\nA review of 4,200 records found 61 facilities went past the \
             deadline for a full inspection, and serious harm followed.\nBy Dana Whitcomb\n\
             March 12, 2024\n\n{PARA}\n\n{PARA}\n"
        );
        let lede = considered(&t)
            .into_iter()
            .find(|c| c.value.starts_with("Inspectors"))
            .expect("the headline is a candidate");
        assert!(lede.signals.iter().all(|s| s.name != "lede"), "{lede:?}");
    }

    const LOT: &str = "Heads up, neighbors: the contractor will start repaving the library \
        parking lot on Monday, and drivers will have to park on the side streets until the \
        work is done.";

    #[test]
    fn a_blog_tagline_heads_no_header_across_its_menu() {
        let t = format!(
            "Skip to content\n\nEastbrook Corner\n\n\
             Neighborhood news, council notes and the occasional rant from the east side\n\n\
             \x20 * Home\n  * Neighborhood News\n  * City Council\n  * Events\n  * About\n\n\
             Posted on August 3, 2023 by marta_k\n\n\
             Library lot repaving starts Monday: where to park\n\n{LOT}\n\n{LOT}\n"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("Library lot repaving starts Monday: where to park")
        );
    }

    /// A headline printed in the site's bar over its menu does not put the article's
    /// header (author, section, date, headline) below a header of its own.
    #[test]
    fn a_header_above_a_menu_puts_nothing_below_it() {
        let t = format!(
            "WIRED\nLibrary lot repaving starts Monday\n  * Business\n  * Culture\n  * Gear\n\
             \x20 * Ideas\n  * Science\n\nMolly Wood\nIdeas\n11.14.2019 09:00 AM\n\n\
             Library lot repaving starts Monday\n\nDrivers will park on side streets.\n\n\
             {LOT}\n\n{LOT}\n"
        );
        let lower = considered(&t)
            .into_iter()
            .filter(|c| c.value == "Library lot repaving starts Monday")
            .max_by_key(|c| c.unit)
            .expect("the headline is a candidate");
        assert!(
            lower.signals.iter().all(|s| s.name != "below_meta"),
            "{lower:?}"
        );
    }

    #[test]
    fn the_link_rel_title_is_a_strong_sign() {
        let t = format!(
            "#Eastbrook Corner » Feed Eastbrook Corner » Comments Feed Eastbrook Corner » \
             Library lot repaving starts Monday Comments Feed alternate\n\n\
             Eastbrook Corner\n\nNews and notes from the east side of town\n\n\
             Posted on August 3, 2023 by marta_k\n\n\
             Library lot repaving starts Monday\n\n{LOT}\n\n{LOT}\n"
        );
        let chosen = considered(&t)
            .into_iter()
            .find(|c| c.value == "Library lot repaving starts Monday")
            .expect("the headline is a candidate");
        assert!(
            chosen.signals.iter().any(|s| s.name == "rel_title"),
            "{chosen:?}"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("Library lot repaving starts Monday")
        );
    }

    fn considered(text: &str) -> Vec<Candidate> {
        let u = units(text);
        let f = measure(&u);
        let own = own_classes(&u, &f);
        let r = main_region(&in_context(&own), &f, |_| false);
        decide_title(&u, &f, &own, r.map(|r| r.0), &Meta::new(&u, &f)).considered
    }

    #[test]
    fn a_teaser_cut_short_gives_way_to_the_full_headline() {
        let t = format!(
            "  * Home\n  * World\n\nMinisters sign Caspian pipeline…\n\n  * Sport\n  * Weather\n\n\
             Ministers sign Caspian pipeline accord\nMarch 3, 2014, 9:15 am\n\n{PARA}\n\n{PARA}\n"
        );
        let values: Vec<String> = considered(&t).into_iter().map(|c| c.value).collect();
        assert!(values
            .iter()
            .any(|v| v == "Ministers sign Caspian pipeline accord"));
        assert!(!values.iter().any(|v| v.ends_with('…')), "{values:?}");
    }

    /// Whether the candidate `value` of `text` heads its article header (`None`: no such
    /// candidate).
    fn heads_header(text: &str, value: &str) -> Option<bool> {
        considered(text)
            .iter()
            .find(|c| c.value == value)
            .map(|c| c.signals.iter().any(|s| s.name == "heads_header"))
    }

    /// A masthead shaped like a headline, a menu, then the article's header: the masthead
    /// above the menu does not keep the headline below it from heading the header, and a
    /// tagline above a menu heads no header below it.
    #[test]
    fn a_header_does_not_run_across_a_menu() {
        let t = format!(
            "Il Corriere del Nord - Edizione di Torino\n\nCronacaPoliticaEconomiaSport\n\n\
             Restituisce alla biblioteca un libro preso in prestito 57 anni fa\n\n\
             By Marco Rossi\nMarch 14, 2021\n\n{PARA}\n\n{PARA}\n"
        );
        let heads = |value: &str| heads_header(&t, value);
        assert_eq!(
            heads("Restituisce alla biblioteca un libro preso in prestito 57 anni fa"),
            Some(true)
        );
        assert_ne!(
            heads("Il Corriere del Nord - Edizione di Torino"),
            Some(true)
        );
    }

    /// A kicker over the headline over a standfirst: the headline heads the header.
    #[test]
    fn a_kicker_does_not_head_the_header() {
        let t = format!(
            "  * Lokales\n  * Region\n\nHochwasserschutz an der Lauter\n\n\
             Stadt kauft Wiesen für neues Rückhaltebecken\n\n\
             Nach dem Hochwasser im vergangenen Sommer macht Wendlingen ernst. Drei Landwirte\n\
             geben dafür Flächen ab.\n\n\
             Stand: 12.03.2021, 17:42 Uhr Von Jana Berger\n\n{PARA}\n\n{PARA}\n"
        );
        let heads = |value: &str| heads_header(&t, value);
        assert_eq!(
            heads("Stadt kauft Wiesen für neues Rückhaltebecken"),
            Some(true)
        );
        assert_ne!(heads("Hochwasserschutz an der Lauter"), Some(true));
        assert_eq!(
            crate::extract::text::extract(&t).title.as_deref(),
            Some("Stadt kauft Wiesen für neues Rückhaltebecken")
        );
    }

    #[test]
    fn the_headline_heads_its_header_and_the_standfirst_does_not() {
        let t = format!(
            "  * Home\n  * World\n\nPipeline accord signed after two years of talks\n\n\
             Ministers of three states agree on the route of the Caspian pipeline\n\n\
             By Anna Novak\nMarch 3, 2014\n\n{PARA}\n\n{PARA}\n"
        );
        let heads = |value: &str| heads_header(&t, value);
        assert_eq!(
            heads("Pipeline accord signed after two years of talks"),
            Some(true)
        );
        assert_eq!(
            heads("Ministers of three states agree on the route of the Caspian pipeline"),
            Some(false)
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("Pipeline accord signed after two years of talks")
        );
    }

    #[test]
    fn a_headline_printed_three_times_stays_a_candidate() {
        let t = format!(
            "  * Home\n  * World\n\nHibernating astronauts need smaller craft\n\n\
             [photo.jpg]\n\nHibernating astronauts need smaller craft\n\n\
             by Space Agency\n\n{PARA}\n\nHibernating astronauts need smaller craft\n\n{PARA}\n"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("Hibernating astronauts need smaller craft")
        );
    }
}
