//! Where the story's prose starts in a plain-text page: the unit the headline search
//! looks above, and that datelines and bylines are looked for around. An author's bio in
//! a box above a column reads as prose and is skipped.

use super::classify::Class;
use super::dateline::Meta;
use super::features::Features;
use super::headline::WINDOW;
use super::lines::Unit;
use super::shape::{heading_shaped, headline_words};

/// Where the story's prose starts: the first sentence-ending content paragraph of the
/// region (a long headline may itself be classed as content) that is no author's bio and
/// no blog's tagline, or without a region the first line that reads as a sentence.
pub fn story_start(
    units: &[Unit],
    feats: &[Features],
    classes: &[Class],
    region_start: Option<usize>,
    meta: &Meta,
) -> usize {
    match region_start {
        Some(r) => (r..feats.len())
            .take(WINDOW)
            .find(|&i| {
                classes[i] == Class::Good
                    && feats[i].sentence_end
                    && feats[i].words >= 10
                    && !author_bio(units, feats, i)
                    && !tagline(units, feats, classes, meta, i)
            })
            .unwrap_or(r),
        None => (1..feats.len())
            .find(|&i| feats[i].sentence_end && headline_words(&feats[i]) >= 3)
            .unwrap_or(1),
    }
}

/// Most words of a blog's date header over a post.
const DATE_HEADER_WORDS: usize = 6;

/// Whether paragraph `i` is a blog's tagline over a post: a date alone, then a line shaped
/// like a headline, then a paragraph come next (`One woman, one half-plot … West
/// Yorkshire.` / `Sunday, July 16, 2006` / `The great slug war of 2006` / the post).
pub(super) fn tagline(
    units: &[Unit],
    feats: &[Features],
    classes: &[Class],
    meta: &Meta,
    i: usize,
) -> bool {
    let mut next = (i + 1..units.len()).filter(|&j| classes[j] != Class::Bad || meta.at(j));
    let (Some(date), Some(head), Some(para)) = (next.next(), next.next(), next.next()) else {
        return false;
    };
    classes[i] == Class::Good
        && feats[i].sentence_end
        && feats[i].words >= 10
        && meta.at(date)
        && meta.date(date).is_some()
        && feats[date].words <= DATE_HEADER_WORDS
        && !meta.at(head)
        && heading_shaped(&feats[head], &units[head])
        && !feats[head].sentence_end
        && feats[para].sentence_end
        && feats[para].words >= 10
}

/// Units above a paragraph searched for the name that opens it as an author's bio.
const BIO_NAME_UNITS: usize = 3;

/// Whether unit `i` is an author's bio in a box above the story: it opens with a name
/// printed alone just above it (`Margaret Ellery` / `Margaret Ellery is a former housing
/// director and writes a weekly column.`).
fn author_bio(units: &[Unit], feats: &[Features], i: usize) -> bool {
    let text = &units[i].text;
    (i.saturating_sub(BIO_NAME_UNITS)..i).any(|j| {
        let name = units[j].text.as_str();
        (2..=4).contains(&feats[j].words)
            && text
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(' '))
            && crate::extract::byline::is_names(name)
    })
}
