//! Plain-text articles, as scraped, saved from a browser (`w3m -dump`, `lynx -dump`) or
//! exported: every field is a scored decision, not a position in a fixed layout.
//!
//! The orchestrator of the leaves below, in data-flow order:
//! - `lines`: units (logical lines, wrapped paragraphs joined) with source line numbers;
//! - `features`: what each unit looks like, and the tuned data in `lexicon.txt`;
//! - `classify`: content or boilerplate per unit, and the main content region;
//! - `headline`, `dateline`, `bylines`: scored candidates for title, date and byline
//!   around the start of that region (and credit lines, an author's card and a foot
//!   dateline at its end); `shape` says what a headline's line looks like, `dateread`
//!   what date one line gives;
//! - `decision`: the chosen candidate, its confidence and the runner-up; below a field's
//!   threshold the field stays empty.
//!
//! A block of `Title:` / `Date:` / `By:` header lines is read as such before any scoring.
//! The body is the main region, stretched back to just below the headline and its
//! datelines and on over a short tail, without boilerplate, without the units chosen as
//! fields or the datelines and bylines printed beside them (an `Updated` line under the
//! `Published` one), and without paragraphs that repeat (a caption printed twice).
//! [`extract`] and [`explain`] run the same code; the explanation says which lines each
//! field came from, which rule chose it and what came second.

mod bylines;
mod captions;
mod classify;
mod columns;
mod dateline;
mod dateread;
mod decision;
mod features;
mod foot;
mod headline;
mod lines;
mod links;
mod name_ends;
mod numeric;
mod pagetitle;
mod shape;
mod story;
mod title_review;
mod title_signals;
mod wordforms;

use serde::Serialize;

use crate::article::{ArticleDate, Fields};
use crate::extract::byline;
use crate::extract::clean::{clean_text, squash_spaces};
use crate::extract::date::{find_date, parse_date};

pub use classify::Class;
pub use decision::{Candidate, Decision};

use features::{lexicon, Features};
use lines::Unit;

/// Why each field of a plain-text article is what it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Explanation {
    pub title: Decision,
    pub date: Decision,
    pub byline: Decision,
    pub body: BodyExplanation,
    /// Every unit (logical line) of the input with its class.
    pub units: Vec<UnitClass>,
}

/// Where the body came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BodyExplanation {
    /// `main_region` (the run of content units), `header_block` (after `Title:` lines)
    /// or `after_header` (no content region found).
    pub rule: &'static str,
    /// First and last source line of the body region, when there is a body.
    pub lines: Option<(usize, usize)>,
    pub paragraphs: usize,
}

/// One unit of the input as classified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitClass {
    pub lines: (usize, usize),
    pub class: Class,
    pub in_body: bool,
}

/// The fields of a plain-text article.
pub fn extract(raw: &str) -> Fields {
    run(raw).0
}

/// The date one short line shows, read as plain-text datelines are read (labels in seven
/// languages dropped, Italian, Dutch and Portuguese month names, the original date of a
/// line giving the revision first), to a day at least; with whether it opens the line
/// past its labels (`Madrid, 27 de junio de 2019` has it inside).
pub fn line_date(line: &str) -> Option<(ArticleDate, bool)> {
    dateread::read(line).map(|(d, rule)| (d, rule != "in_line"))
}

/// The date a paragraph gives the piece it closes (`This review was published on November
/// 14, 2023, …`, `Dieser Artikel erschien am 3. März 2024 …`).
pub fn self_dated(paragraph: &str) -> Option<crate::article::ArticleDate> {
    dateread::self_dated(paragraph)
}

/// The date a story's first paragraph opens on after its place (`Berlin, 12. Februar
/// 2014 – Die …`, `WASHINGTON, March 3, 2021 — The …`).
pub fn opening_dateline(paragraph: &str) -> Option<crate::article::ArticleDate> {
    dateread::opening_dateline(paragraph)
}

/// The day a signature line under a statement gives (`Montreuil, le 12 mars 2024 – Le
/// Bureau fédéral`).
pub fn signature_date(line: &str) -> Option<crate::article::ArticleDate> {
    dateread::signature(line)
}

/// `text` with its numeric dates written day first for the date parser (`05/03/2024`,
/// `05-03-24` as `05.03.2024`, `05.03.24`).
pub fn dotted_dates(text: &str) -> String {
    numeric::dotted(text)
}

/// Whether a text writes its dotted dates month first (`10.04.2018` beside
/// `09.27.2018`), from dates that can only be read one way.
pub fn writes_dots_month_first(text: &str) -> bool {
    numeric::words_month_first(text.split_whitespace())
}

/// Whether `text` holds a dotted date of a four-digit year (`10.04.2018`).
pub fn has_dotted_date(text: &str) -> bool {
    numeric::has_dotted_date(text)
}

/// `text` with its dotted dates rewritten year first, read month first.
pub fn month_first_dots(text: &str) -> String {
    numeric::month_first_dots(text)
}

/// Whether a text writes its slashed dates day first (`29/01/07`): from dates that can
/// only be read one way, else from its language.
pub fn writes_day_first(text: &str) -> bool {
    numeric::writes_day_first(&lines::units(text))
}

/// What a label alone says of the date it stands by (`Fecha de publicación`, `Updated`):
/// `Some(true)` a publication, `Some(false)` a revision, `None` no date label.
pub fn date_label(label: &str) -> Option<bool> {
    match dateread::label(label) {
        dateread::Label::Published => Some(true),
        dateread::Label::Updated => Some(false),
        dateread::Label::None => None,
    }
}

/// Whether a short heading opens what follows an article (`Comentarios`, `Related
/// stories`, `Lo más leído`): the lexicon's barrier phrases.
pub fn barrier_heading(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.split_whitespace().count() <= BARRIER_HEADING_WORDS && features::barrier_phrase(&lower)
}

/// Most words of a heading [`barrier_heading`] reads.
pub(super) const BARRIER_HEADING_WORDS: usize = 6;

/// The part of a revision line from its publication label on (`Updated 9 March 2020,
/// first published 2 March 2020`: `published 2 March 2020`).
pub fn published_part(line: &str) -> Option<&str> {
    dateread::published_part(line)
}

/// Whether a label names a date that is not the piece's (`Closing date for responses:`,
/// `NEXT MEETING`), on the date's line or (`own_line`) on a line of its own above it.
pub fn other_date_label(label: &str, own_line: bool) -> bool {
    dateread::other_date_label(label, own_line)
}

/// Whether a line is a span of two days parted by a dash (`June 14, 1931 – February 27,
/// 2024`, a life's or an event's dates): no dateline.
pub fn date_span(line: &str) -> bool {
    dateread::span(line)
}

/// The author named after the date in one line (`Posted on 27 June 2019 by Jane Doe`,
/// `Veröffentlicht am 27. Juni 2019 von Sabine Müller`, `Published 14 October 2022 ·
/// Fiona Ashworth-Lee, Head of Policy`), read as plain-text bylines are.
pub fn name_after_date(line: &str) -> Option<String> {
    bylines::top_line(line)
        .filter(|(_, rule)| matches!(*rule, "date_then_by" | "date_then_name" | "date_then_label"))
        .map(|(name, _)| name)
}

/// A byline line without the phrase opening it that says whose piece this is (`Ein
/// Artikel von Katharina Lindemeyer` -> `Katharina Lindemeyer`); the line as it is
/// without one.
pub fn without_lead_phrase(line: &str) -> &str {
    bylines::after_lead_phrase(line).map_or(line, str::trim_start)
}

/// The author a line names as a byline marked as one (`By X`, `Von X`, `Par X`, `Author:
/// X`, `Posted on DATE by X`), read as plain-text bylines are; not a bare name.
pub fn marked_byline(line: &str) -> Option<String> {
    bylines::top_line(line)
        .filter(|(_, rule)| bylines::MARKED.contains(rule) || *rule == "language_prefix")
        .map(|(name, _)| name)
}

/// How [`extract`] decides each field of `raw`, as data.
pub fn explain(raw: &str) -> Explanation {
    run(raw).1
}

/// [`extract`] with [`explain`]'s account of it, from one reading.
pub fn extract_explained(raw: &str) -> (Fields, Explanation) {
    run(raw)
}

/// Units below the headline and its datelines over which the body is stretched back.
const BACK_UNITS: usize = 4;
/// Units above a run of content searched for its dateline or byline.
const HEADED_UNITS: usize = 6;
/// Units after the main region taken into the body when only they follow.
const TAIL_UNITS: usize = 3;
/// Score of a field read from a `Title:` / `Date:` / `By:` header line.
const HEADER_SCORE: f32 = 10.0;

fn run(raw: &str) -> (Fields, Explanation) {
    // Character entities are decoded line by line in `lines::units`.
    let text = clean_text(raw);
    let units = lines::units(&text);
    let feats = features::measure(&units);
    let own = classify::own_classes(&units, &feats);
    let classes = classify::in_context(&own);
    let mut ex = Explanation::default();
    let mut fields = Fields::default();
    if units.is_empty() {
        return (fields, ex);
    }

    let header = header_block(&units);
    // Units with a dateline or byline among the few units just above them.
    let meta = dateline::Meta::new(&units, &feats);
    let meta = &meta;
    let headed = |from: usize| move |i: usize| meta.above(from + i, HEADED_UNITS);
    let mut region = classify::main_region(&classes, &feats, headed(0));
    let (mut taken, body_from) = if let Some((end, decisions)) = header {
        let [t, d, b] = decisions;
        ex.title = t.0;
        ex.date = d.0;
        ex.byline = b.0;
        fields.title = ex.title.chosen.as_ref().map(|c| c.value.clone());
        fields.date = d.1;
        fields.byline = ex.byline.chosen.as_ref().map(|c| c.value.clone());
        ex.body.rule = "header_block";
        ((0..end).collect::<Vec<usize>>(), Some(end))
    } else {
        let mut taken = decide_top(&units, &feats, &own, region, meta, &mut fields, &mut ex);
        let beside = header_neighbours(&classes, meta, &taken);
        taken.extend(beside);
        // A headline found below the whole region, which has no dateline or byline of
        // its own, with no related-stories or comments label between them (an article
        // header the region missed, having gone to a column of teasers above it): the
        // story is the content below that headline.
        let head = ex.title.chosen.as_ref().map(|c| c.unit);
        if let (Some((lo, hi)), Some(h)) = (region, head) {
            if h > hi && !meta.above(lo, HEADED_UNITS) && !(hi..h).any(|j| feats[j].barrier) {
                let from = h + 1;
                region = classify::main_region(&classes[from..], &feats[from..], headed(from))
                    .map(|(a, b)| (a + from, b + from))
                    .or(region);
            }
        }
        // The body starts below the fields read above the story, not below a byline
        // found at its foot.
        let top_end = region.map_or(usize::MAX, |r| r.0);
        let body_from = taken.iter().filter(|&&t| t < top_end).max().map(|m| m + 1);
        (taken, body_from)
    };

    let (lo, hi) = body_span(&units, &classes, region, &taken, body_from);
    if ex.body.rule.is_empty() {
        ex.body.rule = if region.is_some() {
            "main_region"
        } else {
            "after_header"
        };
    }
    let title_key = fields.title.as_deref().map(features::line_key);
    let mut paragraphs: Vec<(usize, String)> = Vec::new();
    for i in lo..=hi.min(units.len() - 1) {
        let k = feats[i].key.as_str();
        if classes[i] == Class::Bad || taken.contains(&i) || title_key.as_deref() == Some(k) {
            continue;
        }
        paragraphs.push((i, units[i].text.clone()));
    }
    // Page furniture the region ran on to (`Our Standards: The Trust Principles.`,
    // `Share this article`) is not the story's last paragraph.
    while paragraphs.len() > 1 && paragraphs.last().is_some_and(|(i, _)| feats[*i].furniture) {
        paragraphs.pop();
    }
    foot::author_card(&units, &mut paragraphs, &mut taken, &mut fields, &mut ex);
    foot::credit_line(
        &units,
        &feats,
        &mut paragraphs,
        &mut taken,
        &mut fields,
        &mut ex,
    );
    if let Some(&(last, _)) = paragraphs.last() {
        foot::credit_below(&units, &feats, last, &mut fields, &mut ex);
    }
    foot::dateline_author(&units, &mut fields, &mut ex);
    let paragraphs = dedup_paragraphs(paragraphs, &feats);
    ex.body.paragraphs = paragraphs.len();
    ex.body.lines = paragraphs
        .first()
        .zip(paragraphs.last())
        .map(|((a, _), (b, _))| (units[*a].first, units[*b].last));
    let in_body: std::collections::HashSet<usize> = paragraphs.iter().map(|(i, _)| *i).collect();
    fields.body = paragraphs
        .into_iter()
        .map(|(_, p)| p)
        .collect::<Vec<_>>()
        .join("\n\n");
    ex.units = units
        .iter()
        .zip(&classes)
        .enumerate()
        .map(|(i, (u, c))| UnitClass {
            lines: (u.first, u.last),
            class: *c,
            in_body: in_body.contains(&i),
        })
        .collect();
    (fields, ex)
}

/// Title, date and byline by scoring (on the units' own classes); returns the units they
/// took.
fn decide_top(
    units: &[Unit],
    feats: &[Features],
    classes: &[Class],
    region: Option<(usize, usize)>,
    meta: &dateline::Meta,
    fields: &mut Fields,
    ex: &mut Explanation,
) -> Vec<usize> {
    ex.title = headline::decide_title(units, feats, classes, region.map(|r| r.0), meta);
    let head = ex.title.chosen.as_ref().map(|c| c.unit);
    fields.title = ex.title.chosen.as_ref().map(|c| c.value.clone());
    // Dates are looked for around the likeliest headline even when it is too unsure to
    // be the title.
    let likely_head = head.or_else(|| {
        ex.title
            .runner_up
            .as_ref()
            .filter(|c| c.score > 0.0)
            .map(|c| c.unit)
    });
    let date_anchors = dateline::Anchors {
        head: likely_head,
        region: region.map(|r| r.0),
        story: region.map(|(lo, _)| story::story_start(units, feats, classes, Some(lo), meta)),
        foot: region.map(|r| r.1),
    };
    let anchors: Vec<usize> = [date_anchors.head, date_anchors.region, date_anchors.story]
        .into_iter()
        .flatten()
        .collect();
    let anchors = if anchors.is_empty() { vec![0] } else { anchors };
    let (date_decision, date) = dateline::decide_date(units, feats, classes, date_anchors, meta);
    ex.date = date_decision;
    fields.date = date;
    let date_unit = ex.date.chosen.as_ref().map(|c| c.unit);
    ex.byline = decide_top_byline(units, feats, classes, &anchors, head, date_unit);
    // A bare name the story's first paragraph opens on as its place is no author.
    let placed = |name: &str| {
        date_anchors
            .story
            .is_some_and(|i| bylines::place_of(&units[i].text, name))
    };
    if ex
        .byline
        .chosen
        .as_ref()
        .is_some_and(|c| !bylines::MARKED.contains(&c.rule) && placed(&c.value))
    {
        ex.byline.chosen = None;
    }
    fields.byline = ex.byline.chosen.as_ref().map(|c| c.value.clone());
    // A story's first paragraph that opens on its place and day stays in the story.
    [&ex.title, &ex.date, &ex.byline]
        .iter()
        .filter_map(|d| d.chosen.as_ref())
        .filter(|c| c.rule != "story_opening")
        .map(|c| c.unit)
        .collect()
}

/// Most units, boilerplate included, looked across from an anchor for a byline.
const BYLINE_REACH: usize = 12;

/// Words of a unit read whole for a byline.
const BYLINE_WORDS: usize = 20;

/// Datelines and bylines taken beside one header line at most, and the boilerplate
/// units looked across for them.
const HEADER_NEIGHBOURS: usize = 3;
const HEADER_GAP: usize = 4;

/// Datelines and bylines printed next to the chosen title, date and byline (boilerplate
/// such as a share bar may lie between): an `Updated` line under the `Published` one, the
/// second half of a wrapped `By … | Published … |` line. They belong to the article's
/// header, not to its body.
fn header_neighbours(classes: &[Class], meta: &dateline::Meta, taken: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut walk = |steps: &mut dyn Iterator<Item = usize>| {
        let (mut found, mut gap) = (0, 0);
        for j in steps {
            if taken.contains(&j) || out.contains(&j) {
                continue;
            }
            if meta.header_line(j) {
                out.push(j);
                found += 1;
                if found == HEADER_NEIGHBOURS {
                    break;
                }
            } else if classes[j] == Class::Bad && gap < HEADER_GAP {
                gap += 1;
            } else {
                break;
            }
        }
    };
    for &t in taken {
        walk(&mut (t + 1..classes.len()));
        walk(&mut (0..t).rev());
    }
    out
}

/// Byline candidates in lines around the anchors and the dateline, and a bare name right
/// beside the dateline.
fn decide_top_byline(
    units: &[Unit],
    feats: &[Features],
    classes: &[Class],
    anchors: &[usize],
    head: Option<usize>,
    date_unit: Option<usize>,
) -> Decision {
    let mut cands = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Units around each anchor; below it boilerplate is not counted: a share bar or an
    // ad's label between the dateline and the byline under it does not part them.
    let reach = |from: usize, steps: &mut dyn Iterator<Item = usize>, n: usize| {
        let mut at = from;
        let mut kept = 0;
        for j in steps.take(BYLINE_REACH) {
            at = j;
            kept += usize::from(classes[j] != Class::Bad);
            if kept == n {
                break;
            }
        }
        at
    };
    for &a in anchors.iter().chain(&date_unit) {
        let lo = a.saturating_sub(4);
        let hi = reach(a, &mut (a + 1..units.len()), 5);
        for i in lo..=hi {
            // Boilerplate is read only for furniture (a share bar holding the byline), list
            // items (`• by Jane Doe`), and a list item only for a marked byline, and for
            // a line right beside the headline or the dateline parted like a menu
            // (`Callum Dwyer / NCA NewsWire`).
            let listed = feats[i].bullet;
            let beside = [head, date_unit]
                .iter()
                .flatten()
                .any(|&h| h.abs_diff(i) == 1);
            // Past the first five units below it, only units that are not boilerplate
            // (a related story's `• … by Jane Doe` is).
            let far = i > a + 5 && classes[i] == Class::Bad;
            if !seen.insert(i)
                || far
                || classes[i] == Class::Bad
                    && !feats[i].furniture
                    && !listed
                    && !beside
                    && !bylines::in_name_pair(units, i)
                || Some(i) == head
            {
                continue;
            }
            // A longer unit is a byline only when its first sentence is a marked one, the
            // author's bio following (`By Jordan Okafor, a senior reporter covering … He
            // previously …`) or the dateline run on (`par Julien Morel, envoyé spécial à
            // Marseille publié le 5 juin 2023 …`).
            let found = if feats[i].words > BYLINE_WORDS {
                let text = units[i].text.as_str();
                let first = text.split_once(". ").map_or(text, |(first, _)| first);
                bylines::top_line(first).filter(|(_, rule)| {
                    bylines::MARKED.contains(rule) || *rule == "language_prefix"
                })
            } else {
                bylines::top_unit(units, i)
            };
            let Some((name, rule)) = found else {
                continue;
            };
            let marked = bylines::MARKED.contains(&rule);
            if classes[i] == Class::Bad && listed && !feats[i].furniture && !marked {
                continue;
            }
            let base = if marked {
                lexicon().weight("byline.top")
            } else {
                lexicon().weight("byline.shape")
            };
            let near = head.is_some_and(|h| h.abs_diff(i) <= 3);
            cands.push(Candidate {
                value: name,
                rule,
                score: base
                    + if near {
                        lexicon().weight("byline.near")
                    } else {
                        0.0
                    },
                lines: (units[i].first, units[i].last),
                unit: i,
                signals: Vec::new(),
            });
        }
    }
    if let Some(d) = date_unit {
        cands.extend(bare_names(units, feats, d, head, &seen));
    }
    decision::decide(cands, lexicon().weight("byline.min"))
}

/// A name with no byline word on the unit right above or below the dateline, of a few
/// words and not the headline (`Rui Almeida` / `20 de Novembro de 2019`), or right below
/// a headline printed under its dateline.
fn bare_names(
    units: &[Unit],
    feats: &[Features],
    d: usize,
    head: Option<usize>,
    read: &std::collections::HashSet<usize>,
) -> Vec<Candidate> {
    // Words the file prints in lower case: a section label's words (`Climate change`)
    // are, a name's are not, but for addresses (`marc.doucette@cpb.ca`).
    let lower: std::cell::OnceCell<std::collections::HashSet<String>> = std::cell::OnceCell::new();
    let address = |w: &&str| w.contains('@') || w.contains("://") || w.starts_with("www.");
    let lower_words = |w: &str| {
        lower
            .get_or_init(|| {
                units
                    .iter()
                    .flat_map(|u| u.text.split_whitespace())
                    .filter(|w| !address(w))
                    .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
                    .filter(|w| w.starts_with(char::is_lowercase))
                    .map(str::to_owned)
                    .collect()
            })
            .contains(w)
    };
    // The site's own name, printed as a line above the headline too (its masthead):
    // `Megan Kowalski` / `Wabash Valley Star-Courier` / `Published 6:02 a.m. ET …`. The
    // name above it is the author's.
    // (html2text writes a linked name's spaces as underscores.)
    let masthead = |i: usize| {
        let key = feats[i].key.replace('_', " ");
        !key.is_empty()
            && (0..head.unwrap_or(0).min(i)).any(|j| feats[j].key.replace('_', " ") == key)
    };
    let over_masthead = d
        .checked_sub(1)
        .filter(|&o| masthead(o))
        .and_then(|o| o.checked_sub(1));
    // A date-first header: `DATE` / headline / `NAME`.
    let under_head = head.filter(|&h| h == d + 1).map(|h| h + 1);
    // A name-first one: `NAME` / headline / `DATE`, where the story never names the
    // person (a kicker over a headline names someone in the news: `Angela Merkel`).
    let over_head = head
        .filter(|&h| d == h + 1)
        .and_then(|h| h.checked_sub(1))
        .filter(|&o| {
            // Any of its words, whichever the family name (`Szabó Dániel`, `Orbán Viktor`).
            let named = |w: &str| {
                w.chars().count() >= 3 && units[d + 1..].iter().any(|u| u.text.contains(w))
            };
            !crate::extract::byline::is_outlet(&units[o].text)
                && !units[o].text.split_whitespace().any(named)
        });
    // The dateline itself when a name opens it.
    let opening = bylines::name_before_date(&units[d].text, &lower_words).map(|name| Candidate {
        value: name,
        rule: "name_opens_date",
        score: lexicon().weight("byline.beside_date"),
        lines: (units[d].first, units[d].last),
        unit: d,
        signals: Vec::new(),
    });
    // Next to the dateline, past one line of furniture or another date (`Marcus Delaney
    // Staff reporter` / `+ Follow` / `Feb. 27, 2024 …`, `NAME` / `Actualizado …` /
    // `Publicado …`).
    let passed = |j: usize| {
        feats[j].furniture
            || feats[j].menu
            || dateread::read(&units[j].text).is_some()
            || shape::outlet_and_place(&units[j].text)
    };
    let above = d
        .checked_sub(1)
        .and_then(|a| if passed(a) { a.checked_sub(1) } else { Some(a) });
    let below = if d + 1 < units.len() && passed(d + 1) {
        d + 2
    } else {
        d + 1
    };
    [above, Some(below), over_masthead, under_head, over_head]
        .into_iter()
        .flatten()
        .filter(|&i| i < units.len() && Some(i) != head && feats[i].words <= 12)
        .filter(|&i| !masthead(i))
        .filter(|&i| !feats[i].furniture && !feats[i].menu)
        // An item of a list that goes on away from the date with more items is a menu
        // entry (`segunda-feira, fevereiro 12, 2024` / `• Ficha Técnica` / `• Estatuto
        // Editorial`).
        .filter(|&i| {
            let away = if i < d { i.checked_sub(1) } else { Some(i + 1) };
            !(feats[i].bullet && away.is_some_and(|j| feats.get(j).is_some_and(|f| f.bullet)))
        })
        .filter(|i| !read.contains(i) || bylines::top_unit(units, *i).is_none())
        .filter_map(|i| {
            let name = bylines::bare_name(&units[i].text, &lower_words)?;
            Some(Candidate {
                value: name,
                rule: "name_beside_date",
                score: lexicon().weight("byline.beside_date"),
                lines: (units[i].first, units[i].last),
                unit: i,
                signals: Vec::new(),
            })
        })
        .chain(opening)
        .collect()
}

/// The inclusive unit range the body is read from.
fn body_span(
    units: &[Unit],
    classes: &[Class],
    region: Option<(usize, usize)>,
    taken: &[usize],
    body_from: Option<usize>,
) -> (usize, usize) {
    let last = units.len() - 1;
    let floor = body_from.unwrap_or(0);
    let Some((mut lo, mut hi)) = region else {
        return (floor, last);
    };
    if lo < floor {
        lo = floor.min(hi);
    }
    // Back up to just below the headline and datelines over lines that are not
    // boilerplate (a short first paragraph, a standfirst, a photo caption the story opens
    // with).
    if lo > floor && lo - floor <= BACK_UNITS {
        while lo > floor && classes[lo - 1] != Class::Bad && !taken.contains(&(lo - 1)) {
            lo -= 1;
        }
    }
    // On over a short tail: a last short paragraph, a credit line.
    let tail_end = (hi + 1..=last)
        .find(|&i| classes[i] == Class::Bad)
        .unwrap_or(last + 1);
    if tail_end > hi + 1
        && tail_end - (hi + 1) <= TAIL_UNITS
        && (tail_end > last || tail_end - hi <= 2)
    {
        hi = tail_end - 1;
    }
    (lo, hi)
}

/// One field decision read from a header line, with the date when it is one.
type HeaderDecision = (Decision, Option<crate::article::ArticleDate>);

/// A leading block of `Key: value` header lines (boilerplate lines may come first): the
/// unit index where the body starts, and the title, date and byline they give.
fn header_block(units: &[Unit]) -> Option<(usize, [HeaderDecision; 3])> {
    let start = units
        .iter()
        .position(|u| !crate::extract::boilerplate::is_boilerplate(&u.text))?;
    let block = units[start].block;
    let end = units
        .iter()
        .position(|u| u.block > block)
        .unwrap_or(units.len());
    let lines = &units[start..end];
    if lines.is_empty() || !lines.iter().all(|u| header_field(&u.text).is_some()) {
        return None;
    }
    let mut out: [HeaderDecision; 3] = Default::default();
    for (i, u) in lines.iter().enumerate() {
        let Some((key, value)) = header_field(&u.text) else {
            continue;
        };
        let slot = key as usize;
        if out[slot].0.chosen.is_some() {
            continue;
        }
        let (value, date) = match key {
            HeaderKey::Title => (Some(squash_spaces(value)), None),
            HeaderKey::Date => {
                let d = parse_date(value).or_else(|| find_date(value));
                (d.map(|_| value.to_string()), d)
            }
            HeaderKey::Byline => (byline::normalize(value), None),
        };
        let Some(value) = value else { continue };
        out[slot] = (
            Decision {
                chosen: Some(Candidate {
                    value,
                    rule: "header_field",
                    score: HEADER_SCORE,
                    lines: (u.first, u.last),
                    unit: start + i,
                    signals: Vec::new(),
                }),
                confidence: 1.0,
                runner_up: None,
                considered: Vec::new(),
            },
            date,
        );
    }
    Some((end, out))
}

#[derive(Clone, Copy)]
enum HeaderKey {
    Title = 0,
    Date = 1,
    Byline = 2,
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

/// Drops paragraphs that repeat an earlier one: right after it (a caption printed twice),
/// or anywhere when it is long enough to be a pasted duplicate. Short lines that recur
/// apart are content ("Winners meet in final match" after each group of fixtures).
/// Each paragraph is the text of its unit, compared by that unit's key in `feats`.
fn dedup_paragraphs(paragraphs: Vec<(usize, String)>, feats: &[Features]) -> Vec<(usize, String)> {
    /// Words from which a repeat anywhere in the text is taken for a duplicate.
    const LONG_WORDS: usize = 12;
    let mut seen = rustc_hash::FxHashSet::default();
    let mut previous = "";
    paragraphs
        .into_iter()
        .filter(|(i, _)| {
            let key = feats[*i].key.as_str();
            let repeat = key == previous
                || (seen.contains(key) && key.split_whitespace().count() >= LONG_WORDS);
            if !repeat {
                seen.insert(key);
            }
            previous = key;
            !repeat
        })
        .collect()
}

#[cfg(test)]
mod deck_tests;
#[cfg(test)]
mod foot_tests;
#[cfg(test)]
mod header_tests;
#[cfg(test)]
mod layout_tests;
#[cfg(test)]
mod page_parts_tests;
#[cfg(test)]
mod tests;
