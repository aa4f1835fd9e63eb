//! Content or boilerplate for every unit, and the main content region: the jusText idea
//! applied to rendered text. Each unit is first classed on its own features (long prose
//! with stop words is content; menus, list items, furniture vocabulary and lines repeated
//! across the page are boilerplate; the rest is short and undecided), then short units
//! take the class of their neighbours (context smoothing), and the main region is the run
//! of units with the highest summed score (boilerpipe's largest content block), where
//! content scores by length and boilerplate costs.

use serde::Serialize;

use super::features::{lexicon, Features};
use super::lines::Unit;

/// The class of one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Prose: long, with stop words.
    Good,
    /// Some prose features; content when it sits among content.
    NearGood,
    /// Too short to say on its own.
    Short,
    /// Page furniture.
    Bad,
}

/// Words below which a unit with furniture vocabulary is furniture.
const FURNITURE_WORDS: usize = 12;
/// Words below which a repeated unit is furniture (menus print twice; captions may too,
/// and are longer).
const REPEAT_WORDS: usize = 8;

/// Whether a unit is furniture on its own features, leaving aside how often it repeats.
fn bad_shape(u: &Unit, f: &Features) -> bool {
    crate::extract::boilerplate::is_boilerplate(&u.text)
        || f.menu
        || f.barrier
        || (f.bullet && !(f.sentence_end && f.words > 15))
        || (f.furniture && f.words < FURNITURE_WORDS && !f.sentence_end)
        || super::features::usage_notice(&f.key)
        || f.alpha_ratio < 0.4
        || head_link(&u.text)
}

/// A `<link rel>` of the page's head as `links -dump` prints it: `Link: canonical`,
/// `Link: prev: Calendar 2011` (the title of another page).
fn head_link(t: &str) -> bool {
    let Some(rest) = t.trim_start().strip_prefix("Link: ") else {
        return false;
    };
    let rel_end = rest
        .find(|c: char| !(c.is_ascii_lowercase() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let (rel, after) = rest.split_at(rel_end);
    !rel.is_empty() && (after.is_empty() || after.starts_with(": "))
}

/// Whether a unit is boilerplate only because it is printed three times or more: a menu
/// entry, or a headline a page repeats in its header, a caption and a share link.
pub fn bad_by_repeats(u: &Unit, f: &Features) -> bool {
    f.repeats >= 3 && f.words < REPEAT_WORDS && !bad_shape(u, f)
}

/// Classes each unit on its own features.
fn own_class(u: &Unit, f: &Features) -> Class {
    let lex = lexicon();
    let good_chars = lex.weight("content.good_chars") as usize;
    let long_chars = lex.weight("content.long_chars") as usize;
    if bad_shape(u, f) || (f.repeats >= 3 && f.words < REPEAT_WORDS) {
        return Class::Bad;
    }
    if f.chars >= good_chars && f.stop_ratio >= lex.weight("content.good_stop") {
        return Class::Good;
    }
    // Languages without a stop list (ru, ja, ko): long lines of sentences.
    if f.columns >= long_chars && f.stop_ratio < 0.05 && f.alpha_ratio > 0.6 && !f.bullet {
        return Class::Good;
    }
    if f.chars >= 40 && f.stop_ratio >= lex.weight("content.near_stop") {
        return Class::NearGood;
    }
    Class::Short
}

/// Short and near-good units between two content units become content; between two
/// boilerplate units, boilerplate; near-good units next to content become content.
fn smooth(classes: &mut [Class]) {
    let own = classes.to_vec();
    let decided = |i: usize, step: isize| -> Option<Class> {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < own.len() {
            match own[j as usize] {
                c @ (Class::Good | Class::Bad) => return Some(c),
                _ => j += step,
            }
        }
        None
    };
    for i in 0..own.len() {
        if !matches!(own[i], Class::Short | Class::NearGood) {
            continue;
        }
        classes[i] = match (decided(i, -1), decided(i, 1), own[i]) {
            (Some(Class::Good), Some(Class::Good), _) => Class::Good,
            (Some(Class::Bad), Some(Class::Bad), Class::Short) => Class::Bad,
            (Some(Class::Good), _, Class::NearGood) | (_, Some(Class::Good), Class::NearGood) => {
                Class::Good
            }
            (_, _, c) => c,
        };
    }
}

/// Classes every unit on its own features, before context. Field rules read these: a
/// headline between a menu and a share bar is short, not boilerplate.
pub fn own_classes(units: &[Unit], feats: &[Features]) -> Vec<Class> {
    units
        .iter()
        .zip(feats)
        .map(|(u, f)| own_class(u, f))
        .collect()
}

/// The classes after context smoothing, which the body is read with.
pub fn in_context(own: &[Class]) -> Vec<Class> {
    let mut classes = own.to_vec();
    smooth(&mut classes);
    classes
}

/// What a barrier (comments, related stories) costs: more than any article gains, so
/// the region never runs across one.
const BARRIER_WEIGHT: f32 = -1000.0;

/// Units after a related-stories label within which the story must go on for the label
/// to be a box inside the article.
const INLINE_BOX_UNITS: usize = 8;

/// What a unit of a box of links inside the article costs, its label and its links: the
/// story goes on below it.
const BOX_WEIGHT: f32 = -0.5;
/// Most words of a line that labels a box (`À lire aussi`, `Lesen Sie auch`).
const BOX_LABEL_WORDS: usize = 4;

/// Whether the barrier or short `box.labels` line at `i` labels a box of links set inside
/// the article (`Related Stories`, `À lire aussi` and a few headlines, then the story goes
/// on): not comments (no comment word, no `Name says:` head), not the footer, some
/// boilerplate (its links) right below it, and the first unit after it that is not
/// boilerplate, within INLINE_BOX_UNITS, is a paragraph of prose, not a list item (a
/// teaser's summary).
fn inline_box(i: usize, classes: &[Class], feats: &[Features]) -> bool {
    let lex = lexicon();
    let f = &feats[i];
    let comment = f.key.ends_with(':')
        || f.key
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| lex.has("barrier.count", w));
    let label = f.words <= BOX_LABEL_WORDS
        && lex
            .lines("box.labels")
            .iter()
            .any(|p| f.key.contains(p.as_str()));
    (f.barrier || label) && !f.footer && !comment && classes.get(i + 1) == Some(&Class::Bad) && {
        let prose = |j: usize| {
            classes[j] == Class::Good
                && !feats[j].bullet
                && feats[j].sentence_end
                && feats[j].words >= 12
        };
        let mut kept = (i + 1..feats.len())
            .take(INLINE_BOX_UNITS)
            .filter(|&j| classes[j] != Class::Bad);
        // The story may go on under a subheading of its own, set no further in than
        // the paragraph below it (a box's teaser is set in), after a box whose links
        // are list items.
        let subheading = |j: usize| {
            !feats[j].bullet && !feats[j].sentence_end && feats[j].words <= SUBHEADING_WORDS
        };
        match kept.next() {
            Some(j) if prose(j) => true,
            Some(j) if subheading(j) && (i + 1..j).any(|b| feats[b].bullet) => kept
                .next()
                .is_some_and(|k| prose(k) && feats[j].indent <= feats[k].indent),
            _ => false,
        }
    }
}

/// Most words of a subheading inside a story.
const SUBHEADING_WORDS: usize = 10;

/// Words from which a unit of content is a paragraph however it ends: no headline, teaser
/// or caption is that long.
const PARAGRAPH_WORDS: usize = 40;

/// Whether unit `j` reads as prose: content that ends a sentence or a clause (`:`, `;`, `,`),
/// that the next unit goes on from in lower case (text wrapped without its lines being
/// joined), or that is as long as only paragraphs are. A line of content that is none of
/// these is a headline, a teaser or a caption.
fn reads_as_prose(j: usize, classes: &[Class], feats: &[Features]) -> bool {
    let f = &feats[j];
    classes[j] == Class::Good
        && (f.sentence_end
            || f.key.ends_with([':', ';', ','])
            || f.words >= PARAGRAPH_WORDS
            || feats.get(j + 1).is_some_and(|n| n.lower_start))
}

/// What one unit adds to a region; `prose` as [`reads_as_prose`] says.
fn weight(class: Class, f: &Features, prose: bool) -> f32 {
    if f.barrier {
        return BARRIER_WEIGHT;
    }
    class_weight(class, f, prose)
}

/// What one unit of a class adds to a region, barrier or not.
fn class_weight(class: Class, f: &Features, prose: bool) -> f32 {
    match class {
        Class::Good if prose => 2.0 + f.chars.min(600) as f32 / 60.0,
        Class::Good => 1.5 + f.chars.min(600) as f32 / 90.0,
        Class::NearGood => 0.5,
        Class::Short => -0.4,
        Class::Bad => -2.0 - (f.words.min(30) as f32 / 10.0),
    }
}

/// The main content region as an inclusive range of unit indices: among the runs of
/// positive summed weight, the best one, where a run whose first unit of prose (see
/// [`reads_as_prose`]) has a dateline or byline just above it (`headed`, a headline's
/// company) gets a bonus.
/// Nothing after a copyright footer that follows a long enough run is searched. `None` when no unit
/// is content.
pub fn main_region(
    classes: &[Class],
    feats: &[Features],
    headed: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let lex = lexicon();
    // Each run: (best sum, start, end of the best prefix, closed by a barrier).
    let mut runs: Vec<(f32, usize, usize, bool)> = Vec::new();
    let mut sum = 0.0f32;
    let mut start = 0;
    let mut open: Option<(f32, usize, usize, bool)> = None;
    // Content after a barrier that closes a run of content (comments, related stories
    // below an article) counts for less, so the article wins over a long comment thread.
    let mut closed = false;
    let mut best_sum = 0.0f32;
    // What the prose of the current run weighs, and the most it weighed in any run
    // so far: a barrier closes only once some run's prose alone (and some run as a
    // whole) weighed the closing score, not after a gallery's captions or a column of
    // teasers.
    let mut prose = 0.0f32;
    let mut best_prose = 0.0f32;
    // Inside a box of links set in the article: from its label to the story going on.
    let mut boxed = false;
    for (i, (&c, f)) in classes.iter().zip(feats).enumerate() {
        let label = inline_box(i, classes, feats);
        let inside = f.barrier && label;
        boxed = label || (boxed && c == Class::Bad);
        if sum <= 0.0 {
            runs.extend(open.take());
            sum = 0.0;
            prose = 0.0;
            start = i;
        }
        // The page's copyright footer ends the page's content: what follows it (teasers
        // of other stories, more footer) is never the article when a long enough run of
        // content came before.
        if f.footer && best_sum >= lex.weight("region.closing_score") {
            break;
        }
        // A comment section or a related-stories list closes a long enough run of
        // prose.
        if f.barrier && !inside && best_sum.min(best_prose) >= lex.weight("region.closing_score") {
            closed = true;
        }
        // A box inside the article costs what boilerplate costs.
        let reads = reads_as_prose(i, classes, feats);
        let w = if boxed {
            BOX_WEIGHT
        } else {
            weight(c, f, reads)
        };
        if reads {
            prose += w;
            best_prose = best_prose.max(prose);
        }
        sum += if closed && w > 0.0 {
            w * lex.weight("region.after_barrier")
        } else {
            w
        };
        if c == Class::Good && open.is_none_or(|(b, _, _, _)| sum > b) {
            open = Some((sum, start, i, closed));
            best_sum = best_sum.max(sum);
        }
    }
    runs.extend(open);
    // The run starts at its first unit of prose, not at a short line or a headline that
    // happens to lead; at its first content unit when there is no prose before `hi`.
    let first_good = |lo: usize, hi: usize| {
        (lo..hi)
            .find(|&j| reads_as_prose(j, classes, feats))
            .or_else(|| (lo..hi).find(|&j| classes[j] == Class::Good))
            .unwrap_or(hi)
    };
    let (headed_weight, after) = (
        lex.weight("region.headed"),
        lex.weight("region.after_barrier"),
    );
    // The bonus lies between these; a run that cannot reach the best run's lowest
    // possible score even with the highest bonus is never asked whether it is headed.
    let highest = 0f32.max(headed_weight).max(headed_weight * after);
    let lowest = 0f32.min(headed_weight).min(headed_weight * after);
    let floor = runs
        .iter()
        .map(|r| r.0 + lowest)
        .fold(f32::NEG_INFINITY, f32::max);
    runs.into_iter()
        .map(|(sum, lo, hi, closed)| {
            let lo = first_good(lo, hi);
            let bonus = if sum + highest >= floor && headed(lo) {
                headed_weight * if closed { after } else { 1.0 }
            } else {
                0.0
            };
            (sum + bonus, lo, hi)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, lo, hi)| (lo, hi))
}

#[cfg(test)]
mod tests {
    use super::super::features::measure;
    use super::super::lines::units;
    use super::*;

    /// Asserts that the region of `text` runs from story paragraph `first` to `last`.
    fn assert_story_region(text: &str, first: usize, last: usize) {
        let (u, _, r) = run(text);
        let (lo, hi) = r.expect("region");
        assert!(
            u[lo].text.starts_with(&format!("Ferry number {first} ")),
            "{:?}",
            u[lo].text
        );
        assert!(
            u[hi].text.starts_with(&format!("Ferry number {last} ")),
            "{:?}",
            u[hi].text
        );
    }

    /// A story paragraph that ends a sentence, numbered.
    fn ferry(n: usize) -> String {
        format!(
            "Ferry number {n} sailed on Tuesday after a week of repairs to the quay, and it \
             carried the usual crowds of commuters in the afternoon.\n\n"
        )
    }

    fn run(text: &str) -> (Vec<Unit>, Vec<Class>, Option<(usize, usize)>) {
        let u = units(text);
        let f = measure(&u);
        let c = in_context(&own_classes(&u, &f));
        let r = main_region(&c, &f, |_| false);
        (u, c, r)
    }

    #[test]
    fn head_links() {
        for t in [
            "   Link: canonical",
            "Link: prev: Calendar 2011",
            "Link: image_src",
        ] {
            assert!(head_link(t), "{t}");
        }
        for t in [
            "Link: Read the report",
            "Link: https://example.org/a",
            "Link:   canonical",
            "Link: \u{3000}x",
            "Link: ",
        ] {
            assert!(!head_link(t), "{t}");
        }
    }

    #[test]
    fn menus_and_footers_fall_outside_the_region() {
        let text = "  * Home\n  * World\n  * Sport\n\nSign In\n\nHarbour reopens\n\n\
            The harbour reopened on Tuesday after a week of repairs, and the first ferries \
            sailed in the afternoon with their usual crowds of commuters.\n\n\
            Officials said the repairs had cost more than they had planned, but that the work \
            was finished on time and the quay is now safer for all of the passengers.\n\n\
            Related stories\n\n  * Ferry fares rise\n  * New quay opens\n\n\
            © 2019 Harbour Times. All rights reserved.\n";
        let (u, c, r) = run(text);
        let (lo, hi) = r.expect("region");
        assert!(u[lo].text.starts_with("The harbour reopened"));
        assert!(u[hi].text.starts_with("Officials said"));
        assert_eq!(c[0], Class::Bad);
        assert_eq!(c[c.len() - 1], Class::Bad);
    }

    #[test]
    fn nothing_after_the_copyright_footer_is_the_article() {
        let story: String = ["Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
            .iter()
            .map(|day| {
                format!(
                    "The harbour reopened on {day} after a week of repairs, and the first \
                     ferries sailed in the afternoon with their usual crowds of commuters.\n\n"
                )
            })
            .collect();
        let teasers: String = (1..=60)
            .map(|n| {
                format!(
                    "Why farmers in valley number {n} may want to paint their cows with zebra \
                     stripes, and what the science says about the flies that bite them.\n\n"
                )
            })
            .collect();
        let text = format!(
            "Harbour reopens\n\n{story}© 2019 Harbour Times. All rights reserved.\n\n{teasers}"
        );
        let (u, _, r) = run(&text);
        let (lo, hi) = r.expect("region");
        assert!(u[lo].text.starts_with("The harbour reopened on Tuesday"));
        assert!(
            u[hi].text.starts_with("The harbour reopened on Saturday"),
            "{:?}",
            u[hi].text
        );
    }

    /// A column of teasers (headlines long enough to be content, none ending a sentence)
    /// longer than the story: paragraphs that end sentences count for more, so the story
    /// is the region. The region starts at the story's first sentence, not at the
    /// headline above it.
    #[test]
    fn teaser_headlines_weigh_less_than_sentences() {
        let teasers: String = (1..=22)
            .map(|n| {
                format!(
                    "How one Oakland couple turned garage number {n} into the guest suite of \
                     their dreams - Photo\n\n"
                )
            })
            .collect();
        let story: String = (1..=14).map(ferry).collect();
        // A menu long enough to part the two runs.
        let menu: String = (1..=50).map(|n| format!("  * Section {n}\n")).collect();
        let text = format!(
            "  * Home\n  * Real Estate\n\n{teasers}{menu}\n\
             Harbour reopens after a week of repairs to its quay\n\n{story}"
        );
        assert_story_region(&text, 1, 14);
    }

    /// A "Most popular" list set between a photo gallery's captions and the story does
    /// not close the captions' run: only a run of sentences is closed by a barrier, so
    /// the story after the list keeps its full weight.
    #[test]
    fn a_barrier_closes_only_prose() {
        let captions: String = (1..=6)
            .map(|n| {
                format!(
                    "{n}of6 A shopper looks at extension cords at a hardware store in Grass \
                     Valley, Calif., on Tuesday, Nov. 19, 2019\n\n"
                )
            })
            .collect();
        let story: String = (1..=10).map(ferry).collect();
        let text = format!(
            "{captions}Most popular\n\n  * Fire damages club\n  * Best pizza in town\n\n{story}"
        );
        assert_story_region(&text, 1, 10);
    }

    /// A share bar or newsletter box set inside the story is furniture, not the end of
    /// the article: the region runs across it.
    #[test]
    fn a_share_box_inside_the_story_ends_nothing() {
        let first: String = (1..=4).map(ferry).collect();
        let rest: String = (5..=12).map(ferry).collect();
        let text = format!("{first}Share this article\n\nNewsletter\n\nSubscribe now\n\n{rest}");
        assert_story_region(&text, 1, 12);
        let (u, c, _) = run(&text);
        let share = u.iter().position(|u| u.text == "Share this article");
        assert_eq!(share.map(|i| c[i]), Some(Class::Bad));
    }

    /// A box of related stories set inside the article (its label, a few headlines, then
    /// the story goes on) does not end the region; a related list after the article, whose
    /// items are teasers with summaries, still does.
    #[test]
    fn a_related_box_inside_the_story_ends_nothing() {
        let first: String = (1..=4).map(ferry).collect();
        let rest: String = (5..=9).map(ferry).collect();
        let box_ = "Related Stories\n\n  • Harbour fees rise\n  • New quay opens\n\n";
        let teasers = "Related Stories\n\n  • J.J. Watt took to Twitter on Tuesday night asking \
                       the fans to send a text to his phone, and they did.\n  • A jogger gets in \
                       his morning workout along the river as smog hides the towers.\n";
        let text = format!("{first}{box_}{rest}{teasers}");
        assert_story_region(&text, 1, 9);
    }

    /// Comments under `Name says:` heads and a related list of summaries with no links
    /// are not boxes inside the article: the region ends at their label.
    #[test]
    fn comments_and_summaries_are_no_inline_box() {
        let story: String = (1..=5).map(ferry).collect();
        let comments: String = (1..=12)
            .map(|n| {
                format!(
                    "Reader{n} says:\n\nI have taken this ferry every day for twenty years and \
                     the repairs were long overdue, frankly it is a disgrace number {n}.\n\n"
                )
            })
            .collect();
        let summaries: String = (1..=8)
            .map(|n| {
                format!(
                    "The mayor of town number {n} said on Friday that she would not stand \
                     again at the next election in May.\n\n"
                )
            })
            .collect();
        for tail in [comments, format!("Related Stories\n\n{summaries}")] {
            assert_story_region(&format!("{story}{tail}"), 1, 5);
        }
    }

    /// Content reads as prose when it ends a sentence or a clause, when the next line
    /// goes on from it in lower case (text wrapped narrower than renderers wrap, whose
    /// lines are not joined), or when it is as long as only paragraphs are; a headline
    /// does not.
    #[test]
    fn what_reads_as_prose() {
        let long = "and one more word ".repeat(10);
        let text = format!(
            "Harbour reopens after a week of repairs to the quay in the town\n\n\
             The ferry carried the usual crowds of commuters in the afternoon\n\
             and the mayor said the town had\n\
             waited far too long for its quay.\n\n\
             The books are about the factors that affect all of the retrieval systems; namely,\n\n\
             The ferry carried the usual crowds of commuters in the afternoon {long}\n\n\
             The ferry carried the usual crowds of commuters in the afternoon to town\n"
        );
        let (u, c, _) = run(&text);
        let f = measure(&u);
        let reads = |start: &str| {
            let j = u
                .iter()
                .position(|u| u.text.starts_with(start))
                .expect(start);
            assert_eq!(c[j], Class::Good, "{start}");
            reads_as_prose(j, &c, &f)
        };
        assert!(!reads("Harbour reopens"));
        assert!(reads(
            "The ferry carried the usual crowds of commuters in the afternoon and the"
        ));
        assert!(reads("The books are about"));
        assert!(reads(
            "The ferry carried the usual crowds of commuters in the afternoon and one"
        ));
        assert!(!reads(
            "The ferry carried the usual crowds of commuters in the afternoon to"
        ));
    }

    #[test]
    fn no_prose_no_region() {
        let (_, _, r) = run("Hearts 2-1 Livingston\n\n9,796\n\nA Freeland\n");
        assert_eq!(r, None);
    }
}
