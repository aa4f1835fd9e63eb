//! Dates a page shows rather than gives as data, each a scored candidate: `<time
//! datetime>` elements, and short elements whose text is a date ("Posted on 27 June
//! 2019", "Veröffentlicht am 27.06.2019", "Published: 20.11.2019 10:15", a byline ending
//! "on March 8, 2021", one segment of "by Name / 2016.12.01"). The confidence of each
//! comes from what marks it as the publication date (a `pubdate`, a "Published" label, a
//! date-like class, nothing) and from where it sits: nearest the headline wins among
//! equals, far above the headline is navigation (today's date), and nothing is taken
//! from captions, copyright lines or page furniture (comments, related stories, footers)
//! unless that furniture also holds the headline, as blog templates wrap the whole post
//! in a "widget". "Updated" dates are candidates too, below the threshold on their own.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use trafilatura::dom::{Document, NodeId};

use super::layout::{
    ancestors, field_lines, headed_furniture, is_furniture_name, names_of, Layout,
};
use super::teasers::{beside_teaser_link, linked_item, teaser_line, LIST_DAYS};
use crate::article::{ArticleDate, DatePrecision};
use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::date::{parse_date, parse_whole_date};

/// A date with the rule that found it and how sure that rule is (0 to 1).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Candidate {
    pub date: ArticleDate,
    pub rule: &'static str,
    pub confidence: f32,
    /// The name the dated line gives ("Posted on 27 June 2019 by Anna Novak", "Submitted
    /// by Gwen Albright on Tue, 03/05/2024").
    pub byline: Option<String>,
}

/// Class, id or itemprop words of elements that show a date (or a byline with its date).
const DATE_MARKS: &[&str] = &[
    "date", "time", "publish", "posted", "meta", "byline", "stamp", "dateline",
];

/// ... and of elements that show some other date.
const OTHER_DATES: &[&str] = &[
    "updat",
    "modif",
    "edited",
    "today",
    "current",
    "copyright",
    "weather",
    "event",
    "expir",
    "deadline",
    "birth",
];

/// Labels that open a line showing the publication date.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "publié",
    "publie",
    "veröffentlicht",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "erschienen",
    "mis en ligne",
    "article mis en ligne",
    // German broadcasters' `Stand: 20.11.2019 10:15 Uhr`: the time the page stands at,
    // often its only date.
    "stand:",
];

/// Most words of a definition list's term read as the label of the date it defines.
const TERM_WORDS: usize = 4;

/// Words before a `<time>` element read for its label.
const LABEL_WORDS: usize = 3;

/// Labels that open a line showing a later revision.
const UPDATED_LABELS: &[&str] = &[
    "updated",
    "last updated",
    "modified",
    "edited",
    "aktualisiert",
    "zuletzt",
    "mis à jour",
    "actualizado",
    "aggiornato",
    "bijgewerkt",
    "atualizado",
    "ultimo aggiornamento",
    "última actualización",
    "última atualização",
    "dernière mise à jour",
    "laatst bijgewerkt",
    "geändert",
];

/// Elements whose text is not part of the article's header.
const SKIPPED: &[&str] = &[
    "html",
    "head",
    "body",
    "script",
    "style",
    "noscript",
    "template",
    "figcaption",
    "figure",
    "option",
    "select",
    "button",
    "a",
    "blockquote",
    "svg",
];

/// Longest text an element may have to be read as a dateline.
const MAX_LINE: usize = 120;

/// Elements this far above the headline, in document order, are the site's header.
const FAR_ABOVE: usize = 40;

/// Elements this far below the headline are past the article's header.
const FAR_BELOW: usize = 150;

/// The dates the page shows, with their rules and confidences, nearest the headline first.
pub(super) fn shown_dates(
    doc: &Document,
    layout: &Layout,
    headline: Option<NodeId>,
) -> Vec<Candidate> {
    let around_headline: HashSet<NodeId> = headline
        .map(|h| ancestors(doc, h).collect())
        .unwrap_or_default();
    let order = NumericOrder::new(doc);
    let mut found: Vec<((bool, usize), Candidate, String, bool)> = Vec::new();
    // The days shown by elements of each class, wherever they are.
    let mut class_days: HashMap<String, HashSet<time::Date>> = HashMap::new();
    for id in doc.iter(doc.root(), &[]) {
        if !doc.is_element(id) || SKIPPED.contains(&doc.tag_name(id)) {
            continue;
        }
        let rank = layout.rank(id);
        if rank.0 && rank.1 > FAR_ABOVE {
            continue;
        }
        let Some(candidate) = candidate(doc, id, &order) else {
            continue;
        };
        let class = doc.class_name(id).trim().to_string();
        if !class.is_empty() {
            class_days
                .entry(class.clone())
                .or_default()
                .insert(candidate.date.at.date());
        }
        // A box of the story's data beside it (`<th>Publicação</th><td>18/07/2024 …`) in
        // a sidebar the page's furniture otherwise fills.
        let hidden = hidden_away(doc, id, &around_headline);
        let boxed = hidden
            && candidate.rule == "dateline-published"
            && term_label(doc, id)
                .is_some_and(|l| crate::extract::text::date_label(&l) == Some(true));
        if (hidden && !boxed)
            || linked_item(doc, id, &around_headline)
            || beside_teaser_link(doc, id, &around_headline)
            || teaser_line(doc, id, &around_headline)
        {
            continue;
        }
        let mut candidate = candidate;
        if boxed {
            candidate.confidence -= BOXED_PENALTY;
        }
        if rank.0 {
            candidate.confidence -= 0.1;
        } else if rank.1 > FAR_BELOW {
            candidate.confidence -= 0.15;
        }
        let stamp = !rank.0
            && rank.1 <= NEAR_HEADLINE
            && candidate.rule.ends_with("-updated")
            && headline.is_some_and(|h| in_header_of(doc, id, h));
        found.push((rank, candidate, class, stamp));
    }
    // A class showing several days is a list's (`<td class="ult_fecha">18/05/2021</td>`
    // over each of the latest stories, in rows of their own): its dates away from the
    // headline are other stories'. Without a headline, nothing tells which is the page's.
    found.retain(|(rank, _, class, _)| {
        headline.is_none()
            || rank.1 <= NEAR_HEADLINE
            || class_days
                .get(class)
                .is_none_or(|days| days.len() < LIST_DAYS)
    });
    // A revision stamp in the article's header (`Anand Subramanian | TNN | Updated: Aug
    // 11, 2016, 22:47 IST`) dates the piece when no other shown date is sure enough to.
    let threshold = super::page_date::THRESHOLD;
    if !found.iter().any(|f| f.1.confidence >= threshold) {
        for f in found.iter_mut().filter(|f| f.3) {
            f.1.confidence = f.1.confidence.max(threshold);
        }
    }
    found.sort_by_key(|f| f.0);
    found.into_iter().map(|(_, c, _, _)| c).collect()
}

/// How much less sure a publication date in a data box among the page's furniture is.
const BOXED_PENALTY: f32 = 0.2;

/// Elements this near the headline, in document order, are its header's, whatever their
/// class shows elsewhere.
const NEAR_HEADLINE: usize = 25;

/// The day a newspaper's edition pages print far above the headline, in the masthead
/// (`Tuesday | October 14, 2003`), taken only where the page's own links to its sections
/// confirm it: most of its section links that carry a day in their path
/// (`/20031014/news/news.html`), and [`EDITION_LINKS`] or more, carry that one day. A live site's masthead shows the day the
/// page was saved, and its section links carry no day.
pub(super) fn edition_date(doc: &Document, layout: &Layout) -> Option<Candidate> {
    let mut days: HashMap<time::Date, usize> = HashMap::new();
    let mut dated = 0;
    for a in doc.query_selector_all(doc.root(), "a") {
        // A section of the edition (`News`, `Caribbean Leisure`), not a story's headline
        // in a list of the day's latest.
        if doc.text_content(a).split_whitespace().count() > EDITION_SECTION_WORDS {
            continue;
        }
        let Some(d) = doc
            .get_attribute(a, "href")
            .and_then(|href| super::url_date::url_date(&href))
            .filter(|d| d.precision == DatePrecision::Day)
        else {
            continue;
        };
        dated += 1;
        *days.entry(d.at.date()).or_default() += 1;
    }
    let (&day, &n) = days.iter().max_by_key(|&(d, n)| (*n, *d))?;
    if n < EDITION_LINKS || n * 2 <= dated {
        return None;
    }
    let order = NumericOrder::new(doc);
    doc.iter(doc.root(), &[])
        .into_iter()
        .filter(|&id| {
            doc.is_element(id) && !SKIPPED.contains(&doc.tag_name(id)) && layout.rank(id).0
        })
        .find_map(|id| candidate(doc, id, &order).filter(|c| c.date.at.date() == day))
        .map(|c| Candidate {
            rule: "edition",
            confidence: super::page_date::THRESHOLD,
            ..c
        })
}

/// Most words of a link into one of the edition's sections.
const EDITION_SECTION_WORDS: usize = 3;

/// Fewest of a page's links carrying one day for its masthead's date to be the edition's.
const EDITION_LINKS: usize = 3;

/// The date `id` shows, if its text (or `datetime`) is one, with a confidence from what
/// marks it.
fn candidate(doc: &Document, id: NodeId, order: &NumericOrder) -> Option<Candidate> {
    let tag = doc.tag_name(id);
    let marks = marks(doc, id);
    let other = OTHER_DATES.iter().any(|w| marks.contains(w));
    let publish_marked = ["publish", "posted", "pubdate", "created"]
        .iter()
        .any(|w| marks.contains(w))
        || doc.get_attribute(id, "pubdate").is_some();
    if tag == "time" {
        let d = ["datetime", "data-datetime"]
            .iter()
            .find_map(|a| doc.get_attribute(id, a).and_then(|v| parse_date(v.trim())))
            .or_else(|| {
                // A `<time>` element's text is a date, wherever in it the date stands
                // (`Madrid, 27 de junio de 2019 - 14:35 CEST`).
                let text = order.normalise(squash_spaces(&doc.text_content(id)));
                shown_text_date(&text)
                    .map(|(d, _)| d)
                    .or_else(|| crate::extract::text::line_date(&text).map(|(d, _)| d))
            })?;
        // The label printed before the element in its parent (`Last Updated: <time>`,
        // `First Published: <time>`).
        let label = doc
            .parent(id)
            .map(|p| {
                let whole = squash_spaces(&doc.text_content(p)).to_lowercase();
                let own = squash_spaces(&doc.text_content(id)).to_lowercase();
                let before = whole.find(own.as_str()).map_or("", |at| &whole[..at]);
                // The words right before it, not a whole header's.
                let tail: Vec<&str> = before.split_whitespace().rev().take(LABEL_WORDS).collect();
                tail.into_iter().rev().collect::<Vec<_>>().join(" ")
            })
            .unwrap_or_default();
        // A publication label lifts a machine-readable one over a plain `<time>`; a
        // revision label alone does not sink it (a page may show only `Updated <time>`,
        // then its only date).
        let machine = ["datetime", "data-datetime"]
            .iter()
            .any(|a| doc.get_attribute(id, a).is_some());
        let label_published = machine
            && !UPDATED_LABELS.iter().any(|l| label.contains(l))
            && [
                "publish",
                "posted",
                "veröffentlicht",
                "publié",
                "publicado",
                "pubblicato",
            ]
            .iter()
            .any(|l| label.contains(l));
        // Its own text may carry the publication label (`<time>Updated March 12,
        // 2024</time> · <time>Published March 10, 2024</time>`); a revision label there
        // does not sink it, as above.
        let own = squash_spaces(&doc.text_content(id)).to_lowercase();
        let own_published = PUBLISHED_LABELS.iter().any(|l| own.starts_with(l));
        let (rule, confidence) = if publish_marked || label_published || own_published {
            ("time-published", 0.9)
        } else if other {
            ("time-updated", 0.45)
        } else {
            ("time", 0.75)
        };
        // The name the parent's line gives after the date (`Published <time> · <a>Fiona
        // Ashworth-Lee</a>, Head of Policy`).
        let byline = doc.parent(id).and_then(|p| {
            crate::extract::text::name_after_date(&squash_spaces(&doc.text_content(p)))
        });
        return Some(Candidate {
            date: d,
            rule,
            confidence,
            byline,
        });
    }
    // Only elements that own text, or whose children are inline: a container's text is
    // its children's, which are candidates themselves.
    if !doc
        .child_nodes(id)
        .into_iter()
        .any(|c| doc.is_text(c) && !doc.text_content(c).trim().is_empty())
    {
        return None;
    }
    let text = squash_spaces(&doc.text_content(id));
    if text.is_empty()
        || text.chars().count() > MAX_LINE
        || !text.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    // `Updated 11:32 PM EST, Sun February 9, 2020<br>Published 8:05 PM EST, Sun February
    // 9, 2020`: the publication's part of a revision line.
    let text = match crate::extract::text::published_part(&text) {
        Some(part) => part.to_string(),
        None => text,
    };
    let lower = text.to_lowercase();
    if lower.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c)") {
        return None;
    }
    // A deadline's, a meeting's or an event's date, by its label on its line or above it
    // (`Closing date for responses:<br><b>Friday 8th January 2010</b>`).
    if crate::extract::text::other_date_label(&text, false)
        || line_above(doc, id, &text).is_some_and(|l| {
            !l.bytes().any(|b| b.is_ascii_digit())
                && crate::extract::text::other_date_label(&l, true)
        })
    {
        return None;
    }
    // A page in a language written day first reads `07/09/2010` as 7 September.
    let text = order.normalise(text);
    let (d, kind) = shown_text_date(&text).or_else(|| labelled_line_date(&text))?;
    // A numeric date after a French, German or Portuguese label, or with a time written
    // their way, puts the day first (`Publié le 12/03/2023 à 18:05`): the plain-text
    // reader knows those labels.
    let d = match crate::extract::text::line_date(&text) {
        Some((t, true)) if kind == Kind::Whole && t.at.date() != d.at.date() => t,
        _ => d,
    };
    // A definition list's term labels its value (`<dt>Fecha de publicación</dt>
    // <dd>22/03/2019</dd>`), as a table row's header cell does (`<th>Datum:</th>
    // <td>14.11.2023</td>`, or a cell ending in a colon).
    let term_label = term_label(doc, id);
    if term_label
        .as_deref()
        .is_some_and(|l| crate::extract::text::other_date_label(l, true))
    {
        return None;
    }
    let term = term_label.and_then(|l| {
        if release_label(&l) {
            Some(true)
        } else {
            crate::extract::text::date_label(&l)
        }
    });
    let label = lexicon_label(&text);
    let labelled = PUBLISHED_LABELS.iter().any(|l| lower.starts_with(l))
        || term == Some(true)
        || (term.is_none() && label == Some(true));
    // A class naming updates on both the publication line and the one its text labels as
    // the update (`<p class=is-last-update>05 marzo 2024</p><p class=is-last-update>Ultimo
    // aggiornamento: …</p>`) says nothing of the first.
    let class_only = other && !publish_marked && twin_labelled_updated(doc, id);
    let updated = UPDATED_LABELS.iter().any(|l| lower.starts_with(l))
        || term == Some(false)
        || (term.is_none() && label == Some(false))
        || (other && !publish_marked && !class_only);
    let marked = DATE_MARKS.iter().any(|w| marks.contains(w));
    // A bare year nothing marks as a date is a number (`<span>1832</span>` views), or
    // the end of a date block split into elements (`<span>12</span><span>avril</span>
    // <span>2016</span>`), whose whole text is the date.
    let d = if d.precision == DatePrecision::Year && !(labelled || publish_marked || marked) {
        doc.parent(id)
            .map(|p| squash_spaces(&doc.text_content(p)))
            .filter(|t| t.chars().count() <= MAX_LINE)
            .and_then(|t| parse_whole_date(&order.normalise(t)))
            .filter(|w| w.precision >= DatePrecision::Day)?
    } else {
        d
    };
    let (rule, confidence) = if updated {
        ("dateline-updated", 0.45)
    } else if labelled || publish_marked {
        ("dateline-published", 0.85)
    } else if kind == Kind::Byline {
        ("byline-date", 0.75)
    } else if marked {
        ("dateline-marked", 0.7)
    } else if kind == Kind::Whole {
        ("dateline", 0.6)
    } else {
        ("dateline-segment", 0.55)
    };
    Some(Candidate {
        date: d,
        rule,
        confidence,
        // The name a byline with its date gives (`Submitted by Gwen Albright on Tue,
        // 03/05/2024 - 14:22`, `Posted on 27 June 2019 by Anna Novak`).
        byline: if kind == Kind::Byline {
            crate::extract::text::marked_byline(&text)
        } else {
            crate::extract::text::name_after_date(&text)
        },
    })
}

/// Class, id and itemprop words of `id`, and of the ancestors whose whole text is its
/// own (`<h2 class="date-header"><span>torsdag 18. februar 2010</span></h2>`): a
/// wrapper's mark is its only child's.
fn marks(doc: &Document, id: NodeId) -> String {
    let own = |n: NodeId| {
        format!(
            "{} {} {}",
            doc.class_name(n),
            doc.id_attr(n),
            doc.get_attribute(n, "itemprop").unwrap_or_default()
        )
    };
    // A parent whose only content is `at` (besides blank text) has `at`'s text.
    let only_child = |p: NodeId, at: NodeId| {
        doc.child_nodes(p)
            .into_iter()
            .all(|c| c == at || (doc.is_text(c) && doc.text_content(c).trim().is_empty()))
    };
    let mut out = own(id);
    let mut at = id;
    for _ in 0..MARK_LEVELS {
        let Some(p) = doc.parent(at) else { break };
        if SKIPPED.contains(&doc.tag_name(p)) || !only_child(p, at) {
            break;
        }
        out.push(' ');
        out.push_str(&own(p));
        at = p;
    }
    let out = out.to_lowercase();
    // hAtom's `entry-date updated` (WordPress themes' class for the post's own date, as
    // in `<time class="entry-date updated td-module-date">`) names no revision.
    if out.split_whitespace().any(|w| w == "entry-date") {
        return out
            .split_whitespace()
            .filter(|&w| w != "updated")
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// How many wrapping ancestors lend an element their marks.
const MARK_LEVELS: usize = 3;

/// The short label of the definition or table cell `id`: its `<dt>`, or the header cell
/// (or cell ending in a colon) before it in its row; or an element of its own ending in
/// a colon right before it (`<span class="date-label">Last updated:</span> <span>28
/// August 2021</span>`).
fn term_label(doc: &Document, id: NodeId) -> Option<String> {
    // A cell's or a definition's only element stands for it (`<td><font>09/04/03</font>`).
    let id =
        doc.parent(id)
            .filter(|&p| {
                matches!(doc.tag_name(p), "td" | "dd")
                    && doc.child_nodes(p).into_iter().all(|c| {
                        c == id || (doc.is_text(c) && doc.text_content(c).trim().is_empty())
                    })
            })
            .unwrap_or(id);
    let prev = doc.prev_element_sibling(id)?;
    let label = squash_spaces(&doc.text_content(prev));
    let adjacent = || {
        let siblings = doc
            .parent(id)
            .map(|p| doc.child_nodes(p))
            .unwrap_or_default();
        let at = |n: NodeId| siblings.iter().position(|&c| c == n);
        match (at(prev), at(id)) {
            (Some(a), Some(b)) => siblings[a + 1..b]
                .iter()
                .all(|&c| doc.is_text(c) && doc.text_content(c).trim().is_empty()),
            _ => false,
        }
    };
    let is_term = match (doc.tag_name(id), doc.tag_name(prev)) {
        ("dd", "dt") | ("td", "th") => true,
        // A press release's header cell labels without a colon (`FOR IMMEDIATE RELEASE`
        // | `09/04/03`).
        ("td", "td") => label.ends_with(':') || release_label(&label),
        _ => label.ends_with(':') && adjacent(),
    };
    (is_term && label.split_whitespace().count() <= TERM_WORDS).then_some(label)
}

/// Whether a label is a press release's header (`FOR IMMEDIATE RELEASE`), which dates
/// the release without a colon.
fn release_label(label: &str) -> bool {
    let lower = label.to_lowercase();
    ["immediate release", "press release"]
        .iter()
        .any(|r| lower.contains(r))
}

/// The line printed above `id`'s text `own` in its parent, when the parent is short
/// (a box of a few lines, not an article).
fn line_above(doc: &Document, id: NodeId, own: &str) -> Option<String> {
    let parent = doc.parent(id)?;
    if doc.text_content(parent).chars().count() > LINE_ABOVE_PARENT {
        return None;
    }
    let lines = field_lines(doc, parent);
    let at = lines.iter().position(|l| l.contains(own))?;
    lines.get(at.checked_sub(1)?).cloned()
}

/// Longest text of a parent read for the line above a date.
const LINE_ABOVE_PARENT: usize = 400;

/// Whether an element beside `id` with the same class shows a date its text labels as an
/// update.
fn twin_labelled_updated(doc: &Document, id: NodeId) -> bool {
    let class = doc.class_name(id);
    doc.parent(id).is_some_and(|p| {
        doc.child_nodes(p).into_iter().any(|c| {
            c != id && doc.is_element(c) && doc.class_name(c) == class && {
                let text = squash_spaces(&doc.text_content(c)).to_lowercase();
                UPDATED_LABELS.iter().any(|l| text.starts_with(l))
            }
        })
    })
}

/// How the page writes its numeric dates: slashed dates day first ([`writes_day_first`]),
/// and, on a page written month first, dotted ones month first where its own dates say
/// so, worked out on first use.
struct NumericOrder<'d> {
    doc: &'d Document,
    day_first: bool,
    dots_month_first: OnceCell<bool>,
}

impl<'d> NumericOrder<'d> {
    fn new(doc: &'d Document) -> Self {
        NumericOrder {
            doc,
            day_first: writes_day_first(doc),
            dots_month_first: OnceCell::new(),
        }
    }

    /// `text` with its numeric dates written as the date parser reads them in the
    /// page's order.
    fn normalise(&self, text: String) -> String {
        let month_first = !self.day_first
            && crate::extract::text::has_dotted_date(&text)
            && *self.dots_month_first.get_or_init(|| {
                let root = self.doc.body().unwrap_or_else(|| self.doc.root());
                crate::extract::text::writes_dots_month_first(&self.doc.text_content(root))
            });
        let text = if month_first {
            crate::extract::text::month_first_dots(&text)
        } else {
            text
        };
        if self.day_first {
            crate::extract::text::dotted_dates(&text)
        } else {
            text
        }
    }
}

/// Whether the page's language writes a numeric date day first: any declared language
/// but American English; with none declared, or English of no region, which says
/// nothing, what the page's own dates and words show.
fn writes_day_first(doc: &Document) -> bool {
    let lang = doc
        .query_selector(doc.root(), "html")
        .and_then(|h| doc.get_attribute(h, "lang"))
        .unwrap_or_default()
        .trim()
        .to_lowercase()
        .replace('_', "-");
    if lang.is_empty() || lang == "en" {
        // No language declared (pages of the early 2000s), or English of no region:
        // the dates and words shown.
        let root = doc.body().unwrap_or_else(|| doc.root());
        return crate::extract::text::writes_day_first(&doc.text_content(root));
    }
    lang != "en-us"
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The whole text is the date (after a label).
    Whole,
    /// A byline ending in the date.
    Byline,
    /// One part of a line cut at `|`, `/`, `•`, `·` ("Nov 19, 2019 / 12:21 AM / Updated").
    Segment,
}

/// Most words of a line's part read as a dateline with words before its date.
const SEGMENT_WORDS: usize = 6;

/// The date of a short line the plain-text reader finds past a publication label in
/// one of seven languages (`Publicado a 18 de fevereiro de 2020 · Comer & Beber`), or in
/// a marked byline's line (`Par Marie-Claire Dufresne (service communication) – Publié
/// le 08/04/2013 – Mis à jour le 10/04/2013`).
fn labelled_line_date(text: &str) -> Option<(ArticleDate, Kind)> {
    let (d, opens) = crate::extract::text::line_date(text)?;
    if crate::extract::text::marked_byline(text).is_some() {
        return Some((d, Kind::Byline));
    }
    let lower = text.to_lowercase();
    let published =
        PUBLISHED_LABELS.iter().any(|l| lower.starts_with(l)) || lexicon_label(text) == Some(true);
    (opens && published).then_some((d, Kind::Whole))
}

/// What the words before a line's first digit say of its date, as the plain-text reader's
/// lexicon knows them (`Oprettet: mandag, 08. oktober 2012`, `Fecha de publicación:
/// 03/02/2020`): `Some(true)` a publication, `Some(false)` a revision.
fn lexicon_label(text: &str) -> Option<bool> {
    let head = &text[..text.find(|c: char| c.is_ascii_digit())?];
    (!head.trim().is_empty())
        .then(|| crate::extract::text::date_label(head))
        .flatten()
}

/// The date a short line shows: all of it, the end of a byline, or one of its parts.
fn shown_text_date(text: &str) -> Option<(ArticleDate, Kind)> {
    if crate::extract::text::date_span(text) {
        return None;
    }
    if let Some(d) = parse_whole_date(text) {
        return Some((d, Kind::Whole));
    }
    let lower = text.to_lowercase();
    if byline::strip_prefix_ci(text, "by ").is_some() || lower.contains(" by ") {
        let after_separator = text.rfind(['|', '•', '·', '／']).map(|i| &text[i..]);
        let after_on = text.to_ascii_lowercase().rfind(" on ").map(|i| &text[i..]);
        let tail = [after_separator, after_on]
            .into_iter()
            .flatten()
            .find_map(|t| parse_whole_date(t.trim_start_matches(['|', '•', '·', '／'])));
        if let Some(d) = tail {
            return Some((d, Kind::Byline));
        }
        // "By Anna Novak, 27 June 2019": the date after one of the commas (dates have
        // commas of their own, so the earliest cut that leaves a whole date wins). A day
        // at least: "Photo by Anna Novak, 2019" is a credit, not a dateline.
        let a_day = |d: &ArticleDate| d.precision >= DatePrecision::Day;
        let after_comma = text
            .match_indices(", ")
            .find_map(|(i, _)| parse_whole_date(&text[i + 2..]).filter(a_day));
        if let Some(d) = after_comma {
            return Some((d, Kind::Byline));
        }
        // "Posted on 27 June 2019 by Anna Novak": the date before the byline.
        if let Some(d) = lower
            .rfind(" by ")
            .and_then(|i| text.get(..i))
            .and_then(parse_whole_date)
            .filter(a_day)
        {
            return Some((d, Kind::Whole));
        }
    }
    let mut parts = text
        .split(['|', '•', '·', '／', '('])
        .chain(text.split(" / "));
    let segment = parts.find_map(|p| {
        let p = p.trim();
        let lower = p.to_lowercase();
        if UPDATED_LABELS.iter().any(|l| lower.starts_with(l)) {
            return None;
        }
        // "Original Nov. 19, 2019" beside "Updated ...".
        let p = if lower.starts_with("original ") {
            p.get("original ".len()..).unwrap_or(p)
        } else {
            p
        };
        parse_whole_date(p)
            .or_else(|| {
                with_zone_in_capitals(p)
                    .as_deref()
                    .and_then(parse_whole_date)
            })
            .or_else(|| {
                // A short part naming what the day is (`Pressemitteilung vom 7. Februar
                // 2024 | Rubrik: …`), when the line has parts at all.
                let words = p.split_whitespace().count();
                (p.len() < text.len() && (2..=SEGMENT_WORDS).contains(&words))
                    .then(|| crate::extract::text::line_date(p))
                    .flatten()
                    .map(|(d, _)| d)
                    .filter(|d| d.precision >= DatePrecision::Day)
            })
    });
    if let Some(d) = segment {
        return Some((d, Kind::Segment));
    }
    // As a plain-text dateline: labels and month names of more languages, a name after
    // the date (`Veröffentlicht am 27. Juni 2019 von Sabine`). A date inside the line is a
    // mention ("Tickets on sale from March 8"), not a dateline.
    match crate::extract::text::line_date(text)? {
        (d, true) => Some((d, Kind::Whole)),
        _ => None,
    }
}

/// "Nov 20 2019, 10:18am ist" with its zone in capitals, which the date parser needs
/// (lower-case "et" is French, not Eastern time); `None` when the line does not end in
/// a short word after a time.
fn with_zone_in_capitals(text: &str) -> Option<String> {
    let (head, last) = text.trim_end().rsplit_once(' ')?;
    let short_word = (2..=4).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_lowercase());
    let after_time = head.ends_with(|c: char| c.is_ascii_digit() || c == 'm');
    (short_word && after_time).then(|| format!("{head} {}", last.to_ascii_uppercase()))
}

/// Levels above a headline whose box holds its article's header.
const HEADER_LEVELS: usize = 3;

/// Whether `id` is in the box a few levels above headline `h` (its header, or the
/// article holding it, and no further), not in a column beside the story.
fn in_header_of(doc: &Document, id: NodeId, h: NodeId) -> bool {
    let mut boxes = Vec::new();
    for n in ancestors(doc, h).skip(1).take(HEADER_LEVELS) {
        if matches!(doc.tag_name(n), "body" | "html" | "main") {
            break;
        }
        boxes.push(n);
        if super::layout::article_box(doc, n) || doc.tag_name(n) == "header" {
            break;
        }
    }
    ancestors(doc, id).any(|a| boxes.contains(&a))
}

/// Inside a caption, or inside furniture (footers, comments, related lists) that does not
/// also hold the headline.
pub(super) fn hidden_away(doc: &Document, id: NodeId, around_headline: &HashSet<NodeId>) -> bool {
    for (depth, n) in ancestors(doc, id).enumerate() {
        if around_headline.contains(&n) {
            return false;
        }
        let tag = doc.tag_name(n);
        // An article's own footer (inside the element that holds its headline) shows
        // its dates; other footers are the page's.
        if tag == "footer" && doc.parent(n).is_some_and(|p| around_headline.contains(&p)) {
            continue;
        }
        // So does a box classed `footer` right inside the article's own box (a news
        // extension's `<div class="article"><div class="header"><h1>…</div><div
        // class="footer"><time>…`): its other class words still count.
        let mut names = names_of(doc, n);
        if names.split_whitespace().any(|w| w == "footer")
            && doc
                .parent(n)
                .is_some_and(|p| around_headline.contains(&p) && super::layout::article_box(doc, p))
        {
            names = names
                .split_whitespace()
                .filter(|w| *w != "footer")
                .collect::<Vec<_>>()
                .join(" ");
        }
        if matches!(
            tag,
            "footer" | "aside" | "nav" | "figcaption" | "figure" | "blockquote"
        ) {
            return true;
        }
        // A caption class names the caption's own box, not a header styled for captions.
        if is_furniture_name(&names)
            || headed_furniture(doc, n)
            || (depth < 3 && names.contains("caption"))
        {
            return true;
        }
    }
    false
}
