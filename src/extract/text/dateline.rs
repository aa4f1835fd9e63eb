//! The publication date of a plain-text article: datelines near the headline, the byline
//! and the start of the main content, each line read by [`super::dateread`], scored.
//!
//! A line that is a date and nothing else scores most, one that starts with a date next,
//! a date inside a short line (`Chris Davies - Nov 19, 2019, 10:31 pm`, `Posted on 27
//! June 2019 by Jane Doe`) least. Closeness to the headline and a byline on the same line
//! add; a publication label ("Published", "Veröffentlicht am") adds and a revision label
//! ("Updated") subtracts, so that of a Published/Updated pair the original date wins.
//! Lines the reader rules out (copyright, captions, comments, related-story lists) are
//! never candidates, nor is prose, nor a date less precise than a day. A date widget's
//! two short lines (`November 20` / `15:23 2019`) are read together when neither is a
//! date alone. With no date near the story: the place and day its first paragraph opens
//! on (`Berlin, 12. Februar 2014 – …`), a dateline under it, a paragraph dating the piece
//! itself, and the one day lines anywhere label as the publication.

use std::cell::OnceCell;
use std::sync::OnceLock;

use crate::article::{ArticleDate, DatePrecision};

use super::classify::Class;
use super::dateread::{
    clock_time, ends_since, label, opening_dateline, opening_label, other_date_label, read,
    rejected, self_dated, signature, since_date, Label, MAX_CHARS,
};
use super::decision::{decide, field_weights, Candidate, Decision, Measured};
use super::features::{lexicon, words_lower, Features};
use super::lines::Unit;
use super::numeric::{
    dots_month_first, dotted, has_dotted_date, month_first_dots, slashed_date, unglued_date,
    writes_day_first,
};

/// Most words of a content line that may still be a dateline.
const MAX_WORDS: usize = 25;
/// Units that are not boilerplate searched before and after an anchor (headline, region
/// start), and how many units that reaches over at most.
const BEFORE: usize = 8;
const AFTER: usize = 10;
const MAX_REACH: usize = 60;
/// Most words of a line [`Meta::header_line`] counts.
const HEADER_LINE_WORDS: usize = 12;
/// Most words of each of two lines read together as one date.
const SPLIT_WORDS: usize = 4;

/// A labelled time stamp without a full date, `Updated Nov 19, 9:41 AM; Posted Nov 18`,
/// `Published: 10:15`: no date to read, but the dateline that follows a headline.
/// A time of day is what makes it a stamp: "First look at PlayStation 3 chip" starts with
/// a label word and has a digit, and is a headline.
fn stamp(text: &str, f: &Features) -> bool {
    let clock = text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    });
    f.words <= 12
        && clock
        && matches!(label(text), Label::Published | Label::Updated)
        && words_lower(text).next().is_some_and(|w| {
            lexicon().has("date.published", &w) || lexicon().has("date.updated", &w)
        })
}

/// The attribution of a quotation: a dash, then the name of who said it, then where and
/// when (`— David McKinley on Sunday, October 13th, 2019 in an article in a local
/// newspaper`). Its date is the quotation's, not the article's, and it is no headline. A
/// dateline after a dash (`-- WASHINGTON, Monday, March 3, 2014`, `— Updated Monday,
/// March 3`) names no person.
pub fn attribution(text: &str, f: &Features) -> bool {
    let Some(rest) = ["— ", "– ", "-- "]
        .iter()
        .find_map(|d| text.strip_prefix(d))
    else {
        return false;
    };
    let end = [" on ", ", ", " in "]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    // html2text's link names keep underscores for spaces (`— David_McKinley on ...`).
    let name = rest[..end].trim().replace('_', " ");
    let words: Vec<&str> = name.split_whitespace().collect();
    let lex = lexicon();
    f.words >= 8
        && (2..=4).contains(&words.len())
        && crate::extract::byline::is_names(&name)
        && !words.iter().any(|w| {
            lex.has("byline.stop", &w.to_lowercase()) || !w.chars().any(char::is_lowercase)
        })
}

/// A reading-time line of an article header: `5 Min Read`, `4 min de lecture`, `3 Minuten
/// Lesezeit` (the number right before the minutes, the reading word last), or a label and
/// then the time (`Reading time: 4 minutes`, `Lesezeit: 3 Min.`). "Reading score twice in 5
/// minutes" is neither.
fn reading_time(text: &str) -> bool {
    let lex = lexicon();
    let words: Vec<_> = words_lower(text).collect();
    let n = words.len();
    if n == 0 || n > 6 {
        return false;
    }
    let read = |w: &str| lex.has("reading.read", w);
    let timed = |from: usize| {
        words
            .windows(2)
            .skip(from)
            .any(|p| p[0].bytes().all(|b| b.is_ascii_digit()) && lex.has("reading.minutes", &p[1]))
    };
    // `4 min de lecture`: the French needs its `de` ("a 45 minute lecture" is a talk).
    let last_read =
        read(&words[n - 1]) && (words[n - 1] != "lecture" || (n >= 2 && words[n - 2] == "de"));
    let labelled = text.split_once(':').is_some_and(|(label, _)| {
        words_lower(label).any(|w| read(&w)) && timed(words_lower(label).count())
    });
    (last_read && timed(0)) || labelled
}

/// Most words of a line that gives a relative time (`2 hours ago · First Team`), and the
/// most label words before the time (`Updated 2 hours ago`).
const RELATIVE_WORDS: usize = 8;
const RELATIVE_LABEL_WORDS: usize = 2;

/// A short line opening (past a label of a word or two) on a relative time: `2 hours ago
/// · First Team`, `vor 3 Stunden`, `il y a 2 heures`, `hace 5 minutos`, `2 ore fa`. No
/// date to read, but the header of a story published that day.
fn relative_time(text: &str) -> bool {
    let lex = lexicon();
    let words: Vec<_> = words_lower(text).collect();
    if words.len() > RELATIVE_WORDS {
        return false;
    }
    let number = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let has = |section: &str, k: usize| words.get(k).is_some_and(|w| lex.has(section, w));
    // Where the time starts: past a label of publication or update (`Updated`,
    // `Aktualisiert`), or past `il y` before its `a`; a name before it is a comment's.
    let label = |k: usize| {
        has("date.published", k)
            || has("date.updated", k)
            || (k == 0 && words.first().is_some_and(|w| w == "il"))
            || (k == 1 && words.get(1).is_some_and(|w| w == "y"))
    };
    (0..=RELATIVE_LABEL_WORDS).any(|at| {
        if !(0..at).all(label) {
            return false;
        }
        let after = number(at) && has("relative.units", at + 1) && has("relative.after", at + 2);
        let before = has("relative.before", at) && number(at + 1) && has("relative.units", at + 2);
        after || before
    })
}

/// Units either side of a list item searched for the other dated items of its list.
const LIST_REACH: usize = 3;
/// Most words of a marked byline with its dateline run on.
const BYLINE_DATE_WORDS: usize = 40;
/// Most words of a bare name read as a date-first header's byline.
const BARE_NAME_WORDS: usize = 4;

/// Which units of a file are datelines or bylines, and the date [`read`] from each unit,
/// each worked out on first use: only the units around the region starts, the headline
/// window and the date anchors are ever asked.
pub struct Meta<'a> {
    units: &'a [Unit],
    feats: &'a [Features],
    cells: Vec<OnceCell<bool>>,
    dates: Vec<OnceCell<Option<(ArticleDate, &'static str)>>>,
    /// The file writes slashed dates day first ([`writes_day_first`]), worked out once.
    day_first: OnceCell<bool>,
    /// The file writes dotted dates month first ([`dots_month_first`]) and is in no
    /// language that writes the day first, worked out once.
    dots_month_first: OnceCell<bool>,
}

impl<'a> Meta<'a> {
    pub fn new(units: &'a [Unit], feats: &'a [Features]) -> Self {
        Meta {
            units,
            feats,
            cells: vec![OnceCell::new(); units.len()],
            dates: vec![OnceCell::new(); units.len()],
            day_first: OnceCell::new(),
            dots_month_first: OnceCell::new(),
        }
    }

    /// [`read`] of unit `i`, or of it joined with the next unit of its block when a date
    /// widget prints the date over two short lines (`November 20` / `15:23 2019`) and
    /// neither line is a date alone.
    pub fn date(&self, i: usize) -> Option<(ArticleDate, &'static str)> {
        *self.dates[i].get_or_init(|| {
            // A counter's start (`Besucher seit` / `01.01.2003:` / `48211`) dates nothing,
            // nor does a date labelled as a deadline's, a meeting's or an event's
            // (`NEXT MEETING` / `Monday 7th December 2009`).
            let above = (i > 0 && self.units[i - 1].block == self.units[i].block)
                .then(|| self.units[i - 1].text.as_str());
            let label_above =
                |t: &str| !t.bytes().any(|b| b.is_ascii_digit()) && other_date_label(t, true);
            if since_date(&self.units[i].text)
                || other_date_label(&self.units[i].text, false)
                || above.is_some_and(|t| ends_since(t) || label_above(t))
            {
                return None;
            }
            let mut text = unglued_date(&self.units[i].text);
            if has_dotted_date(&text)
                && *self
                    .dots_month_first
                    .get_or_init(|| dots_month_first(self.units) && !writes_day_first(self.units))
            {
                text = month_first_dots(&text).into();
            }
            let text = &text;
            let slashed = || text.split_whitespace().any(|w| slashed_date(w).is_some());
            if slashed() && *self.day_first.get_or_init(|| writes_day_first(self.units)) {
                return read(&dotted(text));
            }
            read(text).or_else(|| self.split_date(i))
        })
    }

    /// The date of two short lines read together: as printed, or with a year that ends the
    /// second line moved before its time (`November 20, 2019 15:23`).
    fn split_date(&self, i: usize) -> Option<(ArticleDate, &'static str)> {
        let (u, f) = (&self.units[i], &self.feats[i]);
        let (next, nf) = (self.units.get(i + 1)?, &self.feats[i + 1]);
        let short =
            |t: &str, f: &Features| f.words <= SPLIT_WORDS && t.bytes().any(|b| b.is_ascii_digit());
        if next.block != u.block || !short(&u.text, f) || !short(&next.text, nf) {
            return None;
        }
        if read(&next.text).is_some() {
            return None;
        }
        let as_printed = || read(&format!("{} {}", u.text, next.text));
        let year_first = || {
            let (rest, year) = next.text.rsplit_once(' ')?;
            let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
            is_year
                .then(|| read(&format!("{}, {year} {rest}", u.text)))
                .flatten()
        };
        as_printed()
            .or_else(year_first)
            .map(|(d, _)| (d, "split_lines"))
    }

    /// Whether unit `i` is a dateline or byline; false past the end.
    pub fn at(&self, i: usize) -> bool {
        self.cells
            .get(i)
            .is_some_and(|c| *c.get_or_init(|| self.is_meta(i)))
    }

    /// Whether unit `i` is a dateline or a byline, an agency's name alone or a reading
    /// time counting as one (never a headline, and a reason for the line above to be one).
    fn is_meta(&self, i: usize) -> bool {
        let (u, f) = (&self.units[i], &self.feats[i]);
        if f.chars > 160 || attribution(&u.text, f) {
            return false;
        }
        // A `By` line with only names, a date and a time after the name is a byline
        // however it ends (`By Jane Doe on Monday, November 18th, 2019 at 11:08 a.m.`);
        // other long lines ending a sentence are prose.
        if super::bylines::by_line(self.units, i) {
            return true;
        }
        // A marked byline with the dateline run on, however long (`Par Hélène Marchetti
        // (Cantal, envoyée spéciale) Publié le 5 mars 2024 à 10h12, modifié le …`).
        if f.words <= BYLINE_DATE_WORDS
            && self.date(i).is_some()
            && super::bylines::top_line(&u.text).is_some_and(|(_, rule)| {
                super::bylines::MARKED.contains(&rule) || rule == "language_prefix"
            })
        {
            return true;
        }
        !(f.sentence_end && f.words > 12)
            && (super::bylines::top_unit(self.units, i).is_some()
                || crate::extract::byline::is_agency(&u.text)
                || reading_time(&u.text)
                || self.date(i).is_some()
                || stamp(&u.text, f)
                || relative_time(&u.text)
                || self.name_under_dated_headline(i))
    }

    /// Whether unit `i` gives only a relative time (`2 hours ago · First Team`): a header's
    /// line, though a weaker one than a date (a section's label over it is no headline).
    pub fn relative(&self, i: usize) -> bool {
        self.date(i).is_none() && relative_time(&self.units[i].text)
    }

    /// Whether unit `i` is a bare name (`Anna Menin`) right under a headline-shaped line
    /// that is right under a dateline: a date-first header's byline.
    fn name_under_dated_headline(&self, i: usize) -> bool {
        let (u, f) = (&self.units[i], &self.feats[i]);
        i >= 2
            && f.words <= BARE_NAME_WORDS
            && !f.menu
            && !f.furniture
            && super::shape::heading_shaped(&self.feats[i - 1], &self.units[i - 1])
            && !self.feats[i - 1].sentence_end
            && self.date(i - 2).is_some_and(|(_, rule)| rule != "in_line")
            && self.feats[i - 2].words <= HEADER_LINE_WORDS
            && super::bylines::bare_name(&u.text, &|_| false).is_some()
    }

    /// Whether unit `i` is a line of an article's header by its form: a date alone or
    /// leading its line past its labels, a labelled time stamp, a reading time or a
    /// byline, in a short line. Not a caption or a sentence that mentions a date, which
    /// [`Meta::at`] counts too.
    pub fn header_line(&self, i: usize) -> bool {
        let (u, f) = (&self.units[i], &self.feats[i]);
        f.words <= HEADER_LINE_WORDS
            && self.at(i)
            && (self.date(i).is_some_and(|(_, rule)| rule != "in_line")
                || stamp(&u.text, f)
                || reading_time(&u.text)
                || super::bylines::top_unit(self.units, i).is_some())
    }

    /// Whether one of the `n` units above unit `i` is a dateline or byline, with no
    /// barrier between (the story's own dateline over `Top stories` heads no teaser).
    pub fn above(&self, i: usize, n: usize) -> bool {
        (i.saturating_sub(n)..i)
            .rev()
            .take_while(|&j| !self.feats[j].barrier)
            .any(|j| self.at(j))
    }
}

/// What is measured of a date candidate. Its score is the sum of each signal's value
/// times the lexicon weight `date.<name>`, fitted on the development set
/// (`benches/eval/fit_fields.py --field date`); `date.min` is the score below which the
/// date is left empty.
#[derive(Clone, Copy)]
enum Sig {
    /// How the date was read: the whole line, its start, or inside it.
    WholeLine,
    LineStart,
    InLine,
    /// ln(1 + units to the nearest anchor), boilerplate not counted.
    Distance,
    /// Below the headline; above it.
    BelowHead,
    AboveHead,
    /// The first date below the headline.
    FirstBelowHead,
    /// Between the headline (or the file's start) and the story's first paragraph; at or
    /// below that paragraph.
    BeforeStory,
    InStory,
    /// A byline on the same line (`By Jane Doe | November 18, 2019`).
    WithByline,
    /// A publication label; a revision label.
    Published,
    Updated,
    /// A menu shape (`a | b | c`); a line classed boilerplate.
    Menu,
    Boilerplate,
    /// Another date within three units reads another day: a list of dated links.
    Listed,
    /// Among the file's first three units (a site's date of today, or a text archive's
    /// dateline).
    FileTop,
    /// Gives a time of day as well.
    HasTime,
    /// The same day is read on another line too.
    Recurs,
}

const SIGNALS: [(Sig, &str); 18] = [
    (Sig::WholeLine, "whole_line"),
    (Sig::LineStart, "line_start"),
    (Sig::InLine, "in_line"),
    (Sig::Distance, "distance"),
    (Sig::BelowHead, "below_head"),
    (Sig::AboveHead, "above_head"),
    (Sig::FirstBelowHead, "first_below_head"),
    (Sig::BeforeStory, "before_story"),
    (Sig::InStory, "in_story"),
    (Sig::WithByline, "with_byline"),
    (Sig::Published, "published"),
    (Sig::Updated, "updated"),
    (Sig::Menu, "menu"),
    (Sig::Boilerplate, "boilerplate"),
    (Sig::Listed, "listed"),
    (Sig::FileTop, "file_top"),
    (Sig::HasTime, "has_time"),
    (Sig::Recurs, "recurs"),
];

type Signals = Measured<{ SIGNALS.len() }>;

fn weights() -> &'static [f32; SIGNALS.len()] {
    static WEIGHTS: OnceLock<[f32; SIGNALS.len()]> = OnceLock::new();
    WEIGHTS.get_or_init(|| field_weights("date", &SIGNALS.map(|(_, name)| name)))
}

/// Where a date is looked for: the headline, and the start of the story's region and of
/// its prose.
#[derive(Clone, Copy, Default)]
pub struct Anchors {
    pub head: Option<usize>,
    pub region: Option<usize>,
    pub story: Option<usize>,
    /// The story's last unit: a dateline printed at its foot.
    pub foot: Option<usize>,
}

impl Anchors {
    fn all(&self) -> Vec<usize> {
        let v: Vec<usize> = [self.head, self.region, self.story]
            .into_iter()
            .flatten()
            .collect();
        if v.is_empty() {
            vec![0]
        } else {
            v
        }
    }
}

/// Scores the datelines around the anchors and decides the date.
pub fn decide_date(
    units: &[Unit],
    feats: &[Features],
    classes: &[Class],
    anchors: Anchors,
    meta: &Meta,
) -> (Decision, Option<ArticleDate>) {
    let lex = lexicon();
    let mut seen = vec![false; units.len()];
    let mut found: Vec<(usize, &'static str, ArticleDate)> = Vec::new();
    // Distance in units that are not boilerplate: a share bar or image labels between
    // the headline and its dateline do not move them apart.
    // Units that are not boilerplate before each unit, so that a distance is one subtraction.
    let mut kept = Vec::with_capacity(units.len() + 1);
    kept.push(0usize);
    for c in classes {
        kept.push(kept[kept.len() - 1] + usize::from(*c != Class::Bad));
    }
    let dist = |a: usize, b: usize| -> usize { kept[a.max(b)] - kept[a.min(b)] };
    let points = anchors.all();
    for &a in &points {
        let lo = (0..=a)
            .rev()
            .take(MAX_REACH)
            .find(|&j| dist(j, a) >= BEFORE)
            .unwrap_or(0);
        let hi = (a..units.len())
            .take(MAX_REACH)
            .find(|&j| dist(a, j) >= AFTER)
            .unwrap_or(units.len().saturating_sub(1));
        for i in lo..=hi {
            if units.is_empty() || seen[i] {
                continue;
            }
            seen[i] = true;
            let (u, f) = (&units[i], &feats[i]);
            // A sentence has function words; a time stamp ending in `a.m.` has none, and
            // a `By` line of names, a date and a time is a byline however it ends.
            // A stamp with a clock time (`VIGO / LA VOZ 05/06/2023 14:32 h Actualizado a
            // las 19:05 h.`) is no sentence however it ends.
            let prose = f.words >= 6
                && f.sentence_end
                && f.stop_ratio >= 0.15
                && !super::bylines::by_line(units, i)
                && !clock_time(&u.text);
            if f.chars > MAX_CHARS
                || (classes[i] == Class::Good && f.words > MAX_WORDS)
                || rejected(&u.text)
                || attribution(&u.text, f)
                || (f.bullet && teaser_dated(&u.text))
            {
                continue;
            }
            let Some((date, rule)) = meta.date(i) else {
                continue;
            };
            // In a sentence only a date that is the whole line counts ("On 3 March 2005
            // the talks resumed." is body text).
            if prose && rule != "whole_line" {
                continue;
            }
            found.push((i, rule, date));
        }
    }
    found.sort_by_key(|&(i, _, _)| i);
    let day = |d: &ArticleDate| (d.at.year(), d.at.month(), d.at.day());
    // An item of a list of dated links (`• Reminder: street sweeping starts April 1
    // March 16, 2024` among other posts' items, each on another day) dates another post.
    let dated_item = |i: usize, date: &ArticleDate| {
        feats[i].bullet
            && found
                .iter()
                .filter(|(j, _, e)| {
                    *j != i
                        && j.abs_diff(i) <= LIST_REACH
                        && feats[*j].bullet
                        && day(e) != day(date)
                })
                .count()
                >= 2
    };
    let found: Vec<(usize, &'static str, ArticleDate)> = found
        .iter()
        .filter(|(i, _, d)| !dated_item(*i, d))
        .copied()
        .collect();
    let first_below = anchors
        .head
        .and_then(|h| found.iter().find(|(i, _, _)| *i > h).map(|(i, _, _)| *i));
    let cands: Vec<Candidate> = found
        .iter()
        .map(|&(i, rule, date)| {
            let u = &units[i];
            let mut x = Signals::default();
            x.flag(Sig::WholeLine as usize, rule == "whole_line");
            x.flag(Sig::LineStart as usize, rule == "line_start");
            x.flag(Sig::InLine as usize, rule == "in_line");
            let d = points.iter().map(|&a| dist(a, i)).min().unwrap_or(0);
            x.set(Sig::Distance as usize, (d as f32).ln_1p());
            if let Some(h) = anchors.head {
                x.flag(Sig::BelowHead as usize, i > h);
                x.flag(Sig::AboveHead as usize, i < h);
            }
            x.flag(Sig::FirstBelowHead as usize, first_below == Some(i));
            if let Some(st) = anchors.story {
                x.flag(
                    Sig::BeforeStory as usize,
                    i < st && anchors.head.is_none_or(|h| i > h),
                );
                x.flag(Sig::InStory as usize, i >= st);
            }
            x.flag(
                Sig::WithByline as usize,
                super::bylines::top_line(&u.text).is_some(),
            );
            let l = label(&u.text);
            x.flag(Sig::Published as usize, l == Label::Published);
            x.flag(Sig::Updated as usize, l == Label::Updated);
            x.flag(Sig::Menu as usize, feats[i].menu);
            x.flag(Sig::Boilerplate as usize, classes[i] == Class::Bad);
            x.flag(
                Sig::Listed as usize,
                found
                    .iter()
                    .any(|(j, _, e)| *j != i && j.abs_diff(i) <= 3 && day(e) != day(&date)),
            );
            x.flag(Sig::FileTop as usize, i < 3);
            x.flag(
                Sig::HasTime as usize,
                date.precision >= DatePrecision::Minute,
            );
            x.flag(
                Sig::Recurs as usize,
                found
                    .iter()
                    .any(|(j, _, e)| *j != i && day(e) == day(&date)),
            );
            Candidate {
                value: crate::article::rfc3339(date.at),
                rule,
                score: x.score(weights()),
                lines: (u.first, u.last),
                unit: i,
                signals: x.named(&SIGNALS.map(|(_, name)| name), weights()),
            }
        })
        .collect();
    let mut decision = decide(cands, lex.weight("date.min"));
    let mut date = decision.chosen.as_ref().and_then(|c| {
        found
            .iter()
            .find(|(i, _, _)| *i == c.unit)
            .map(|(_, _, d)| *d)
    });
    // The dateline at the story's foot stands for the header's missing one, or for a
    // header that gives only the revision (`Updated 8:15 AM EDT, Wed May 8` over the
    // story, `Published 4:12 PM EDT, Tue May 7` under it).
    let revised = decision
        .chosen
        .as_ref()
        .is_some_and(|c| label(&units[c.unit].text) == Label::Updated);
    // An unlabelled date above the headline may be the day the page was saved, in its top
    // bar (`Sabato 9 Marzo 2024 · Aggiornato alle 10:42`): a day the page labels as its
    // publication at the story's foot, on or before it, stands for it.
    let masthead = decision.chosen.as_ref().is_some_and(|c| {
        c.signals.iter().any(|s| s.name == "above_head")
            && label(&units[c.unit].text) != Label::Published
    });
    // Past the story's foot, in its box of details (`Scritto da …`, `Categoria: Modica`,
    // `Pubblicato: …`): another labelled field or a byline beside it, not a related
    // story's headline.
    let in_details = |i: usize| {
        (i.saturating_sub(DETAILS_REACH)..=(i + DETAILS_REACH).min(units.len() - 1))
            .filter(|&j| j != i)
            .any(|j| {
                let t = units[j].text.trim();
                let labelled = t
                    .split_whitespace()
                    .take(DETAILS_LABEL_WORDS)
                    .any(|w| w.ends_with(':'))
                    && t.split_whitespace().count() <= DETAILS_FIELD_WORDS;
                labelled || super::bylines::top_line(t).is_some()
            })
    };
    let labelled_before = |i: usize, d: &ArticleDate| {
        masthead
            && label(&units[i].text) == Label::Published
            && date.is_some_and(|c| d.at.date() <= c.at.date())
    };
    if decision.chosen.is_none() || revised || masthead {
        let earlier = |d: &ArticleDate| date.is_some_and(|c| d.at < c.at);
        // With no date near the headline, the place and day a press release or wire
        // story opens on (`Berlin, 12. Februar 2014 – Die …`).
        let opening = || {
            let start = [anchors.region, anchors.story]
                .into_iter()
                .flatten()
                .min()?;
            (start..units.len())
                .filter(|&i| classes[i] != Class::Bad)
                .take(OPENING_UNITS)
                .find_map(|i| opening_dateline(&units[i].text).map(|d| (i, d)))
        };
        let foot = anchors
            .foot
            .and_then(|end| foot_dateline(units, classes, meta, end))
            .filter(|(i, d)| {
                decision.chosen.is_none()
                    || (!masthead
                        && label(&units[*i].text) != Label::Updated
                        && date.is_some_and(|c| d.at <= c.at))
                    || labelled_before(*i, d)
            })
            .or_else(|| {
                // `Originally published on January 12, 2018.`, `This review was published
                // on November 14, 2023, …` anywhere in the story: its date when the
                // header gives none, or only a later revision.
                let (lo, hi) = (anchors.region?, anchors.foot?);
                // A paragraph too long for a dateline is read up to MAX_CHARS: the label
                // and its date open the sentence.
                (lo..=(hi + FOOT_INFO_AFTER).min(units.len() - 1))
                    .filter(|&i| classes[i] != Class::Bad)
                    .find_map(|i| {
                        let text = units[i].text.as_str();
                        let date = if feats[i].chars > MAX_CHARS {
                            self_dated(text)
                        } else if label(text) == Label::Published && !rejected(text) {
                            meta.date(i).map(|(d, _)| d)
                        } else {
                            None
                        };
                        date.map(|d| (i, d))
                    })
                    .filter(|(i, d)| {
                        decision.chosen.is_none()
                            || (revised && earlier(d))
                            || (labelled_before(*i, d) && in_details(*i))
                    })
            })
            .or_else(|| {
                // The day a statement is signed on under it (`Montreuil, le 12 mars 2024
                // – Le Bureau fédéral`): its date when the header gives none, or only a
                // later revision.
                // Among the story's last units, not a place and day heading a flashback.
                let (lo, hi) = (anchors.region?, anchors.foot?);
                (lo.max(hi.saturating_sub(FOOT_INSIDE))..=(hi + FOOT_AFTER).min(units.len() - 1))
                    .filter(|&i| classes[i] != Class::Bad)
                    .find_map(|i| signature(&units[i].text).map(|d| (i, d)))
                    .filter(|(_, d)| decision.chosen.is_none() || (revised && earlier(d)))
            });
        let opened = (foot.is_none() && decision.chosen.is_none())
            .then(opening)
            .flatten();
        let foot = foot.or(opened);
        // Nothing near the story: the one day the page labels as its publication on a
        // line of its own anywhere (`Published online March 19, 2024 · Filed under …` at
        // the page's foot), no list item.
        let foot = foot.or_else(|| {
            if decision.chosen.is_some() {
                return None;
            }
            // Also a date under its label alone (`Fecha de publicación` / `22/03/2019`: a
            // definition list's term and value, in a box of the story's data).
            let label_over = |i: usize| {
                i > 0
                    && units[i - 1].block == units[i].block
                    && units[i - 1].text.split_whitespace().count() <= LABEL_ALONE_WORDS
                    && label(&units[i - 1].text) == Label::Published
                    && read(&units[i - 1].text).is_none()
                    && meta.date(i).is_some_and(|(_, rule)| rule == "whole_line")
            };
            let mut labelled = (0..units.len()).filter_map(|i| {
                let text = units[i].text.as_str();
                (!feats[i].bullet
                    && feats[i].chars <= MAX_CHARS
                    && (opening_label(text) == Some(true) || label_over(i))
                    && !rejected(text))
                .then(|| {
                    // A date alone under its label reads as the page writes its dates
                    // (`Fecha:` / `07/11/2019` on a Spanish page is 7 November).
                    if label_over(i) {
                        meta.date(i).map(|(d, _)| (i, d))
                    } else {
                        read(text).map(|(d, _)| (i, d))
                    }
                })
                .flatten()
            });
            let (i, d) = labelled.next()?;
            let day = |d: &ArticleDate| d.at.date();
            labelled.all(|(_, e)| day(&e) == day(&d)).then_some((i, d))
        });
        if let Some((i, d)) = foot {
            let u = &units[i];
            let cand = Candidate {
                value: crate::article::rfc3339(d.at),
                rule: if opened.is_some() {
                    "story_opening"
                } else {
                    "story_foot"
                },
                score: lex.weight("date.min"),
                lines: (u.first, u.last),
                unit: i,
                signals: Vec::new(),
            };
            // A header's revision is what came second; with no date chosen, the best
            // candidate under the threshold stays the runner-up.
            if let Some(revision) = decision.chosen.replace(cand) {
                decision.runner_up = Some(revision);
            }
            date = Some(d);
        }
    }
    (decision, date)
}

/// Units from the story's start read for the place and day it opens on.
const OPENING_UNITS: usize = 4;

/// Whether a list item is another story's headline with its date in brackets after it
/// (`Modica, crolla un cornicione in corso Umberto: nessun ferito (14/02/2024)`): words of
/// a headline, [`TEASER_WORDS`] or more, before the bracketed date that ends the line.
fn teaser_dated(text: &str) -> bool {
    let Some((before, inside)) = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
    else {
        return false;
    };
    let lettered = before
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    // A byline with its date in brackets (`By Anna Schmidt and Peter Morris (12/03/2024)`)
    // is the story's own.
    lettered >= TEASER_WORDS
        && read(inside).is_some()
        && super::bylines::top_line(
            before
                .trim_start_matches(['*', '•', '-', '·', ' '])
                .trim_end(),
        )
        .is_none()
}

/// Fewest words of a teaser's headline before its bracketed date.
const TEASER_WORDS: usize = 4;

/// Most words of a publication's label printed alone over its date.
const LABEL_ALONE_WORDS: usize = 4;

/// Units at the end of the story's region, and past it, where a dateline of the story's
/// own may stand under its last paragraph (a region often runs on to a tag line).
const FOOT_INSIDE: usize = 4;
const FOOT_AFTER: usize = 2;
/// Units either side of a labelled date read for the other fields of its box, the most
/// words before a field's colon, and the most words of such a field.
const DETAILS_REACH: usize = 2;
const DETAILS_LABEL_WORDS: usize = 3;
const DETAILS_FIELD_WORDS: usize = 8;
/// Units after the story's last read for a labelled publication date: a CMS's box of the
/// story's details under it (`Dettagli` / `Scritto da …` / `Categoria: …` / `Pubblicato:
/// …`).
const FOOT_INFO_AFTER: usize = 6;

/// A date alone on its line, or labelled as the publication's, among the last units of
/// the story's region or the first ones under it; not one of a list of dated lines
/// (related stories).
fn foot_dateline(
    units: &[Unit],
    classes: &[Class],
    meta: &Meta,
    end: usize,
) -> Option<(usize, ArticleDate)> {
    // A date alone on its line may read as boilerplate.
    let kept = |j: &usize| classes[*j] != Class::Bad || meta.date(*j).is_some();
    let mut near: Vec<usize> = (0..=end.min(units.len() - 1))
        .rev()
        .filter(kept)
        .take(FOOT_INSIDE)
        .collect();
    near.reverse();
    near.extend((end + 1..units.len()).filter(kept).take(FOOT_AFTER));
    let found: Vec<(usize, ArticleDate)> = near
        .iter()
        .filter_map(|&i| {
            let text = &units[i].text;
            let (date, rule) = meta.date(i)?;
            let shaped =
                rule == "whole_line" || (rule == "line_start" && label(text) == Label::Published);
            // Under a paragraph of prose, or under a desk's credit under one (`red,
            // orb.at/Agenturen`, `TBP and Agencies`): a comment's stamp is under its
            // author's name.
            let prose = |j: usize| classes[j] == Class::Good && meta.feats[j].sentence_end;
            let under_prose = i.checked_sub(1).is_some_and(|j| {
                prose(j) || (desk_credit(&units[j].text, &meta.feats[j]) && j > 0 && prose(j - 1))
            });
            (shaped && under_prose && !rejected(text) && !attribution(text, &meta.feats[i]))
                .then_some((i, date))
        })
        .collect();
    // One dateline, not a list of them.
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Most words of a desk's credit line under a story.
const DESK_CREDIT_WORDS: usize = 5;

/// A desk's or agencies' credit under a story (`red, orb.at/Agenturen`, `TBP and
/// Agencies`, `(dpa/afp)`): a few words parted by a comma, a slash or brackets, or naming
/// agencies, that end no sentence and are no person's name.
fn desk_credit(text: &str, f: &Features) -> bool {
    let agencies = words_lower(text).any(|w| {
        matches!(
            w.as_ref(),
            "agencies" | "agenturen" | "agences" | "agencias" | "agenzie" | "agências"
        )
    });
    f.words <= DESK_CREDIT_WORDS
        && !f.sentence_end
        && (agencies || text.contains([',', '/', '(']))
        && super::bylines::bare_name(text, &|_| false).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times() {
        for t in [
            "2 hours ago · First Team",
            "Published 22 hours ago",
            "vor 3 Stunden",
            "Aktualisiert vor 20 Minuten",
            "il y a 2 heures",
            "hace 5 minutos",
            "2 ore fa",
            "3 uur geleden",
            "há 2 horas",
        ] {
            assert!(relative_time(t), "{t}");
        }
        for t in [
            "kbd_warrior 2 hours ago",
            "The council met 2 hours ago to decide on the budget for next year",
            "Two hours ago",
            "3 hours",
            "",
        ] {
            assert!(!relative_time(t), "{t}");
        }
    }

    #[test]
    fn reading_times() {
        for t in [
            "5 Min Read",
            "Reading time: 4 minutes",
            "Lesezeit: 3 Min.",
            "4 min de lecture",
            "Tempo de leitura: 2 minutos",
            "3 Minuten Lesezeit",
        ] {
            assert!(reading_time(t), "{t}");
        }
        for t in [
            "Read 5 more stories",
            "5 minutes",
            "The 5 minute read that changed how we think about sleep",
            "Reading score twice in 5 minutes",
            "Reading win it in 90 minutes",
            "A 45 minute lecture",
            "",
        ] {
            assert!(!reading_time(t), "{t}");
        }
    }
}
