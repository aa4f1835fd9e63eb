//! Second looks at the headline the scores chose, each turning on the chosen line's
//! neighbours: a deck chosen under its headline gives way to it, a quotation in capitals
//! to the headline under it, a story's first sentence in a clean text file to the file's
//! first line; when nothing was chosen, a headline joined to its standfirst by the wrap,
//! then lynx's link-rel title, is taken.

use super::classify::Class;
use super::dateline::Meta;
use super::decision::{Candidate, Decision};
use super::features::{lexicon, Features};
use super::lines::Unit;

/// Fewest words of a deck, and how much better than its headline a deck may score and
/// still give way to it.
const DECK_WORDS: usize = 10;
const DECK_MARGIN: f32 = 2.0;
/// Fewest words of a headline over a deck shorter than itself.
const LONG_HEADLINE_WORDS: usize = 14;
/// Fewest words of a unit's opening line taken for the headline joined to its standfirst.
const OPENING_WORDS: usize = 5;

/// What the second looks read of the page around the headline's window.
#[derive(Clone, Copy)]
pub(super) struct Header<'a> {
    pub units: &'a [Unit],
    pub feats: &'a [Features],
    pub classes: &'a [Class],
    pub meta: &'a Meta<'a>,
    /// The window's first unit and the last unit a headline may lie on.
    pub lo: usize,
    pub hi: usize,
    /// The file's first boilerplate unit, if any.
    pub first_bad: Option<usize>,
    /// The file's first line as a candidate, when it stands alone or heads a block of
    /// datelines and bylines (the title / blank / body layout of text archives).
    pub first: Option<&'a Candidate>,
}

/// The decision after the second looks.
pub(super) fn review(mut decision: Decision, page: &Header) -> Decision {
    // Two decks may stand under a press release's headline: the first swap lands on the
    // upper deck, the second on the headline.
    let mut deck = None;
    for _ in 0..DECK_SWAPS {
        let Some(swapped) = deck_under_headline(&mut decision, page, deck) else {
            break;
        };
        deck = Some(swapped);
    }
    kicker_before_printed_headline(&mut decision, page);
    quotation_over_headline(&mut decision, page);
    first_line_of_clean_file(&mut decision, page);
    if decision.chosen.is_none() {
        opening_line(&mut decision, page);
    }
    if decision.chosen.is_none() {
        link_rel_fallback(&mut decision);
    }
    decision
}

fn key(s: &str) -> String {
    super::features::line_key(s)
}

/// Gives the chosen line's place to the headline above it when the chosen line is its
/// deck; returns the deck's unit when it did. `deck` is a line already found to be a deck,
/// which does not make the line above it a headline over its own deck.
fn deck_under_headline(
    decision: &mut Decision,
    page: &Header,
    deck: Option<usize>,
) -> Option<usize> {
    let (units, feats, lex) = (page.units, page.feats, lexicon());
    // A deck chosen under its headline: the chosen line is a third longer than the
    // candidate on the unit right above it (or that candidate is a long headline itself),
    // which is shaped like a headline, ends no sentence and scores nearly as well on its
    // own.
    let deck_of = decision.chosen.as_ref().and_then(|c| {
        let above = c.unit.checked_sub(1)?;
        let dated_long = |h: usize| {
            feats[h].words >= DECK_WORDS
                && feats[c.unit].words >= feats[h].words
                && h.checked_sub(1)
                    .is_some_and(|d| page.meta.date(d).is_some())
        };
        let h = decision.considered.iter().find(|x| x.unit == above)?;
        let (fc, fh) = (&feats[c.unit], &feats[above]);
        // Past a deck already given way to, the line above is the headline only if it is
        // capitalised as one over its deck and is no trail (`La Voz de Galicia › Vigo`).
        if deck.is_some()
            && (fh.caps_ratio <= fc.caps_ratio || h.value.contains(['›', '»', '>', '|', '/']))
        {
            return None;
        }
        // A longer line right below is the deck, and the chosen line its headline.
        let longer_below = decision.considered.iter().any(|x| {
            x.unit == c.unit + 1 && Some(x.unit) != deck && feats[x.unit].words > fc.words
        });
        (fh.words >= 4
            && fc.words >= DECK_WORDS
            // Longer than its headline, or both long (a broadsheet's headline of twenty
            // words over its standfirst; one of ten under its dateline, over a deck as
            // long).
            && (fc.words * 10 >= fh.words * 13
                || ((fh.words >= LONG_HEADLINE_WORDS || dated_long(above)) && !fh.lower_start))
            && !fh.sentence_end
            && !key(&c.value).contains(key(&h.value).as_str())
            && !key(&h.value).contains(key(&c.value).as_str())
            // A line in capitals over a longer one is a section's label (`GROWING AN
            // ONLINE BUSINESS`), so is one of parts parted by a dot, and a line the
            // renderer marked as a heading is no deck.
            && fh.caps_ratio < 1.0
            // `Politics · From Meridian Wire`.
            && ![" · ", " • "].iter().any(|d| h.value.contains(d))
            && (units[c.unit].heading == 0 || units[above].heading > 0)
            && h.score >= lex.weight("title.min")
            && h.score >= c.score - DECK_MARGIN
            // A long headline shares words with its story; a menu over the headline
            // (`Local news: ABN Western Plains ABN Central West …`) shares none. A short
            // one may be a pun that does not.
            && !(fh.words >= LONG_HEADLINE_WORDS
                && h.signals.iter().any(|s| s.name == "no_overlap"))
            // The page's title names the headline, never its deck: a chosen line that
            // repeats it, under one that does not, is the headline under a caption.
            && (c.rule != "repeats_page_title" || h.rule == "repeats_page_title")
            && !longer_below)
            .then(|| h.clone())
    });
    let h = deck_of?;
    let swapped = decision.chosen.replace(h);
    let unit = swapped.as_ref().map(|c| c.unit);
    decision.runner_up = swapped;
    unit
}

/// Most decks given way to, one after another.
const DECK_SWAPS: usize = 2;

/// A kicker the renderer printed on the headline's line (`Wiedervernässung Nasse Moore
/// binden schneller Kohlenstoff als gedacht`), where the page prints the headline without
/// it elsewhere (its breadcrumb's last item, `4. Nasse Moore binden …`): the chosen line
/// less one to [`GLUED_KICKER_WORDS`] words at its start, when another line is that rest
/// of [`PRINTED_REST_WORDS`] words or more.
fn kicker_before_printed_headline(decision: &mut Decision, page: &Header) {
    let Some(c) = decision.chosen.as_mut() else {
        return;
    };
    let words: Vec<&str> = c.value.split_whitespace().collect();
    let rests: Vec<(String, String)> = (1..=GLUED_KICKER_WORDS)
        .filter(|&k| words.len() >= k + PRINTED_REST_WORDS)
        .map(|k| {
            let rest = words[k..].join(" ");
            (key(&rest), rest)
        })
        .collect();
    let Some(longest) = rests.first().map(|(k, _)| k.len()) else {
        return;
    };
    let shortest = rests.last().map_or(0, |(k, _)| k.len());
    // Only lines about as long as a rest are keyed (a page has hundreds of lines).
    let found = page
        .units
        .iter()
        .enumerate()
        .filter(|&(i, u)| {
            i != c.unit && (shortest..=longest + LIST_MARK_CHARS).contains(&u.text.trim().len())
        })
        .find_map(|(_, u)| {
            let k = key(list_item_text(&u.text));
            rests
                .iter()
                .find(|(rk, _)| *rk == k)
                .map(|(_, r)| r.clone())
        });
    if let Some(rest) = found {
        c.value = rest;
    }
}

/// Most characters of a list item's number or bullet and spaces before its text.
const LIST_MARK_CHARS: usize = 8;

/// A line without the number or bullet of a list item (`4. Nasse Moore …`, `• …`).
fn list_item_text(t: &str) -> &str {
    let t = t.trim_start_matches(['•', '*', '-', '·', ' ']);
    match t.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => t,
    }
}

/// Most words of a kicker glued before a headline, and fewest of the headline printed
/// without it elsewhere.
const GLUED_KICKER_WORDS: usize = 3;
const PRINTED_REST_WORDS: usize = 4;

fn quotation_over_headline(decision: &mut Decision, page: &Header) {
    let (classes, feats, lex) = (page.classes, page.feats, lexicon());
    // A quotation in capitals chosen over a longer line right below it that ends no
    // sentence and reaches the threshold itself: a tabloid's kicker (`'I THOUGHT WE WERE
    // GOING TO DIE'`) over its headline.
    let under_quote = decision.chosen.as_ref().and_then(|c| {
        let f = &feats[c.unit];
        let quoted = c.value.starts_with(['\'', '"', '‘', '“', '«', '„'])
            && c.value
                .chars()
                .filter(|ch| ch.is_alphabetic())
                .all(char::is_uppercase);
        let below = super::headline::next_kept_unit(classes, c.unit)?;
        let h = decision.considered.iter().find(|x| x.unit == below)?;
        (quoted
            && feats[below].words >= 2 * f.words
            && !feats[below].sentence_end
            && h.score >= lex.weight("title.min"))
        .then(|| h.clone())
    });
    if let Some(h) = under_quote {
        decision.runner_up = decision.chosen.replace(h);
    }
}

fn first_line_of_clean_file(decision: &mut Decision, page: &Header) {
    let (lex, first, first_bad) = (lexicon(), page.first.cloned(), page.first_bad);
    // In a clean text file (no boilerplate at all), a sentence ending in a full stop, a
    // question or exclamation of eight words or more, or a line starting in lower case
    // never wins over a first line standing alone: that is the story's first sentence,
    // its standfirst or a fragment of it, under its title.
    let sentence = |c: &Candidate| {
        (c.value.ends_with('.') && !c.value.ends_with("..."))
            || (c.value.ends_with(['?', '!']) && c.value.split_whitespace().nth(7).is_some())
            || c.value.chars().next().is_some_and(char::is_lowercase)
    };
    let clean_lede = first_bad.is_none()
        && first.as_ref().is_some_and(|f| !sentence(f))
        && decision
            .chosen
            .as_ref()
            .is_some_and(|c| c.unit != 0 && sentence(c));
    // A candidate chosen only for its lead over the others gives way to the file's first
    // line standing alone (`Hereford 1-1 Doncaster` / `Hereford win 3-1 on penalties.`).
    let by_lead_only = decision
        .chosen
        .as_ref()
        .is_some_and(|c| c.unit != 0 && c.score < lex.weight("title.min"));
    let first_line_stands = first
        .as_ref()
        .is_some_and(|f| f.score > lex.weight("title.file_start_min"));
    if clean_lede || (by_lead_only && first_line_stands) {
        decision.runner_up = decision.chosen.take();
    }
    if let (None, Some(mut first)) = (&decision.chosen, first) {
        if clean_lede || first.score > lex.weight("title.file_start_min") {
            first.rule = "file_first_line";
            decision.runner_up = decision.runner_up.take().filter(|r| r.unit != 0);
            decision.chosen = Some(first);
        }
    }
}

fn opening_line(decision: &mut Decision, page: &Header) {
    let Header {
        units,
        classes,
        meta,
        lo,
        hi,
        ..
    } = *page;
    let lex = lexicon();
    // Still nothing: the opening line of a unit right over the article's dateline or
    // byline, where the wrap joined a headline filling the width to its standfirst
    // (`Preço das casas … para a Margem Sul` / `Estudo divulgado esta sexta-feira …`).
    if decision.chosen.is_none() {
        let opening = (lo..=hi.min(units.len() - 1)).find_map(|i| {
            let end = units[i].opening?;
            let line = units[i].text.get(..end)?.trim();
            let words = line.split_whitespace().count();
            let below = (i + 1..units.len())
                .filter(|&j| classes[j] != Class::Bad || meta.at(j))
                .take(2)
                .any(|j| meta.at(j));
            (classes[i] != Class::Bad
                && below
                && (OPENING_WORDS..=super::headline::MAX_SENTENCE_WORDS).contains(&words)
                && !super::features::figures(line))
            .then(|| Candidate {
                value: line.to_string(),
                rule: "opening_line",
                score: lex.weight("title.min"),
                lines: (units[i].first, units[i].first),
                unit: i,
                signals: Vec::new(),
            })
        });
        if let Some(c) = opening {
            decision.chosen = Some(c);
        }
    }
}

fn link_rel_fallback(decision: &mut Decision) {
    // Still nothing: the post title lynx printed in its link-rel line, the site's own
    // name for the page, though no line of the page repeats it.
    if decision.chosen.is_none() {
        if let Some(rel) = decision
            .considered
            .iter()
            .find(|c| c.rule == "link_rel_title")
        {
            decision.chosen = Some(rel.clone());
            decision.runner_up = decision
                .considered
                .iter()
                .find(|c| c.rule != "link_rel_title")
                .cloned();
        }
    }
}
