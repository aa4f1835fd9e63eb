//! The story's foot: what stands under its last paragraph and is no part of it. An
//! author's card ends the body; a credit line (`TBP and Agencies`, `— Lukas Brändli`) is
//! lifted off it; a labelled credit a few units under it (`Texto: Inês Carvalhal ·
//! Fotografia: Rui Pestana`, past a gallery) and the author the story's dateline names
//! after its day (`publié le … par Claire Devaux`) are read too. Each gives the byline
//! when none was found at the top.

use super::bylines;
use super::decision::{self, Candidate};
use super::features::{self, lexicon, Features};
use super::lines::Unit;
use super::Explanation;
use crate::article::Fields;

/// Story paragraphs before an author's card can end the body.
const CARD_AFTER: usize = 3;
/// Units under the body looked through for an author's card.
const CARD_UNITS: usize = 6;

/// Ends the body at an author's card (the card and what follows it, comments and
/// teasers, are no story); its name is the byline when none was found at the top.
pub(super) fn author_card(
    units: &[Unit],
    paragraphs: &mut Vec<(usize, String)>,
    taken: &mut Vec<usize>,
    fields: &mut Fields,
    ex: &mut Explanation,
) {
    let Some(&(last, _)) = paragraphs.last() else {
        return;
    };
    // Each unit from the one after the story's CARD_AFTER-th paragraph on, with the
    // paragraph the body would end before.
    let from = paragraphs
        .get(CARD_AFTER.saturating_sub(1))
        .map_or(last + 1, |(i, _)| i + 1);
    let card = (from..(last + 1 + CARD_UNITS).min(units.len()))
        .map(|i| (paragraphs.partition_point(|(p, _)| *p < i), i))
        .find_map(|(k, i)| bylines::author_card(units, i).map(|name| (k, i, name)));
    let Some((k, i, name)) = card else {
        return;
    };
    paragraphs.truncate(k);
    taken.push(i);
    if ex.byline.chosen.is_none() {
        ex.byline.chosen = Some(Candidate {
            value: name,
            rule: "author_card",
            score: lexicon().weight("byline.min"),
            lines: (units[i].first, units[i].last),
            unit: i,
            signals: Vec::new(),
        });
        fields.byline = ex.byline.chosen.as_ref().map(|c| c.value.clone());
    }
}

/// Fewest letters of a headline's word that marks a bare line under the story as tags.
const TAG_WORD_CHARS: usize = 4;

/// Particles a family name may open on when a credit prints it alone.
const SURNAME_PARTICLES: [&str; 9] = ["de", "van", "von", "da", "di", "du", "del", "le", "la"];

/// Lifts a credit line ("TBP and Agencies", "(AP)", "— Lukas Brändli") off the end of
/// the body; it becomes the byline when no better one was found at the top.
pub(super) fn credit_line(
    units: &[Unit],
    feats: &[Features],
    paragraphs: &mut Vec<(usize, String)>,
    taken: &mut Vec<usize>,
    fields: &mut Fields,
    ex: &mut Explanation,
) {
    // The story's tools printed under it (`● Print this story ● E-mail to a friend`) are
    // no part of it, and the credit above them is read.
    while paragraphs.len() >= 3 && tools_row(&paragraphs[paragraphs.len() - 1].1) {
        paragraphs.pop();
    }
    // A one-paragraph story keeps its only paragraph even if it reads like a credit. A bare
    // name counts only after prose: match reports and lists also end in capitalised names.
    if paragraphs.len() < 2 {
        return;
    }
    // A post's labels under its credit (`Posted by Mike Sorensen at 3:45 PM` / `Labels:
    // county board, gas prices`) stay where they are; the credit above them is read.
    // So does an editor's note under a marked credit (`Written by Dana Whitcomb | Rider
    // Communications` / `Editor's note: This story was updated …`).
    let last = &paragraphs[paragraphs.len() - 1].1;
    let labelled = paragraphs.len() >= 3 && labels_line(last);
    let noted = paragraphs.len() >= 3 && !labelled && bylines::editors_note(last);
    let n = paragraphs.len() - usize::from(labelled || noted);
    let after_prose = is_prose(&paragraphs[n - 2].1);
    let (i, text) = &paragraphs[n - 1];
    let i = *i;
    // Whether the credit says who wrote the piece.
    let writer = text.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches(':').to_lowercase();
        WRITER_LABELS.contains(&w.as_str())
    });
    // A heading the renderer marked (`**** On Our Radar ****`) opens a box, no credit.
    if units[i].heading > 0 {
        return;
    }
    // Also a blog's `Posted by NAME at TIME` under its post.
    let found = bylines::credit(text).or_else(|| {
        bylines::top_line(text)
            .filter(|(_, rule)| bylines::MARKED.contains(rule))
            .map(|(name, _)| (name, true))
    });
    let Some((name, marked)) = found else {
        return;
    };
    // A bare line opening on an article or other function word (`Das Verbundprojekt
    // MOORWENDE` over a fact box) names no one; a family name may open on its particle
    // (`De Clercq`, `Van der Berg`).
    let opens_on_stop = name.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        lexicon().is_stop_not_name(&w) && !SURNAME_PARTICLES.contains(&w.as_str())
    });
    if !(marked || after_prose)
        || feats[i].words > 12
        || ((labelled || noted) && !marked)
        || (!marked && opens_on_stop)
    {
        return;
    }
    // Bare capitalised words under a story that repeat its headline's are its tags
    // (`Brugge Kerstmis Coronavirus` under `Brugge schrapt kerstmarkt …`), not its author.
    let headline_words: Vec<String> = fields
        .title
        .as_deref()
        .map(|t| features::words_lower(t).map(|w| w.into_owned()).collect())
        .unwrap_or_default();
    if !marked
        && features::words_lower(&name).any(|w| {
            w.chars().count() >= TAG_WORD_CHARS && headline_words.contains(&w.into_owned())
        })
    {
        return;
    }
    paragraphs.remove(n - 1);
    taken.push(i);
    let cand = Candidate {
        value: name,
        rule: if marked {
            "credit_line"
        } else {
            "credit_names"
        },
        score: if marked {
            lexicon().weight("byline.credit_marked")
        } else {
            lexicon().weight("byline.credit_bare")
        },
        lines: (units[i].first, units[i].last),
        unit: i,
        signals: Vec::new(),
    };
    // A name printed after the dateline with nothing saying it wrote the piece
    // (`08.05.2014 | Kirchenkreis Solling-Ahle`, the publisher's desk) gives way to a
    // credit at the foot that says so (`Text: Martina Lührs / Foto: Jens Abel`), not to
    // a picture's or a helper's (`Photos by Tom Hale`, `Additional reporting by …`).
    let unmarked_top = ex
        .byline
        .chosen
        .as_ref()
        .is_some_and(|c| c.rule == "date_then_name" && c.unit < i);
    // Initials at the foot (`(jkr)`) name no one better than the name at the top.
    let full_name = cand.value.split_whitespace().count() >= 2;
    if marked && writer && unmarked_top && full_name {
        fields.byline = Some(cand.value.clone());
        ex.byline.runner_up = ex.byline.chosen.replace(cand);
    } else if ex.byline.chosen.is_none() {
        offer_byline(cand, fields, ex);
    } else if ex.byline.runner_up.is_none() {
        ex.byline.runner_up = Some(cand);
    }
}

/// Words opening a credit that says who wrote the piece (`Text: …`, `Autor: …`, `By …`).
const WRITER_LABELS: &[&str] = &[
    "text", "texte", "texto", "testo", "tekst", "autor", "autorin", "author", "auteur", "autore",
    "by", "von", "par", "por", "door", "written",
];

/// A row of a story's tools (`● Print this story ● E-mail to a friend Write a letter to
/// the editor`, `Drucken | E-Mail | PDF`): a short line, no sentence, with two capitalised
/// words or more of the lexicon's `title.tools`.
pub(super) fn tools_row(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let tools = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| super::shape::tool_word(w))
        .count();
    // Parted as buttons (`●`, `|`), or made of tools alone: `Daily Mail Print Edition`
    // is a name.
    let parted = text.contains(['●', '•', '|', '·', '»']) || tools == words.len();
    words.len() <= TOOLS_ROW_WORDS && tools >= 2 && parted && !text.trim_end().ends_with('.')
}

/// Most words of a row of a story's tools.
const TOOLS_ROW_WORDS: usize = 16;

/// Most words of a post's share links run into its labels.
const SHARE_ROW_WORDS: usize = 12;

/// A post's list of labels or tags (`Labels: county board, gas prices`).
pub(super) fn labels_line(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    [
        "labels:",
        "tags:",
        "filed under",
        "categories:",
        "schlagwörter:",
        "étiquettes",
        "etiquetas:",
        "etichette:",
        "etiketter:",
        "etiquetes:",
        "tagi:",
    ]
    .iter()
    .any(|l| {
        lower.starts_with(l)
            // Behind the post's share links, run into one line (`Email ThisBlogThis!Share
            // to Twitter … Labels: council, roads`).
            || lower.split_once(l).is_some_and(|(before, _)| {
                let words = before.split_whitespace().count();
                (1..=SHARE_ROW_WORDS).contains(&words)
                    && !before.contains(['.', '?'])
                    && (before.contains("share")
                        || features::words_lower(before).any(|w| lexicon().is_furniture(&w)))
            })
    }) && !text.contains('\n')
}

/// A paragraph of running text: several words, ending like a sentence.
fn is_prose(paragraph: &str) -> bool {
    let end = paragraph.trim_end();
    end.split_whitespace().count() >= 8 && end.ends_with(['.', '!', '?', '"', '”', '’'])
}

/// Units under the story's last paragraph looked through for a labelled credit.
const CREDIT_BELOW_UNITS: usize = 6;

/// Most words of a credit under the story that only a language's `by` marks.
const PREFIXED_CREDIT_WORDS: usize = 6;

/// A labelled credit a few units under the story's last paragraph, past a gallery's
/// picture labels or a share row (`Galeria` / `Braços robóticos` / `Texto: Inês
/// Carvalhal · Fotografia: Rui Pestana`): the byline when the top and the story's last
/// line gave none. The search stops at a heading that opens another box (related
/// stories, comments) and at another paragraph of prose; a photographer's credit alone
/// names no author.
pub(super) fn credit_below(
    units: &[Unit],
    feats: &[Features],
    last: usize,
    fields: &mut Fields,
    ex: &mut Explanation,
) {
    if ex.byline.chosen.is_some() {
        return;
    }
    // A box's heading, or a paragraph of another text (a comment, a teaser's summary).
    let ends_search =
        |i: usize| feats[i].barrier || (feats[i].sentence_end && feats[i].words >= 12);
    // A picture's label (`[uebung-was]`) counts for nothing: a gallery counts by its
    // captions.
    let pictured = |i: usize| {
        units[i]
            .text
            .split_whitespace()
            .next()
            .is_some_and(super::pagetitle::image_label)
    };
    let mut counted = 0;
    let found = (last + 1..units.len())
        .take_while(|&i| {
            counted += usize::from(!pictured(i));
            counted <= CREDIT_BELOW_UNITS && !ends_search(i)
        })
        .find_map(|i| {
            let text = units[i].text.as_str();
            let first = text.split([' ', ':']).next().unwrap_or("").to_lowercase();
            // A language's word for `by` marks a short line of its own (`Von Katrin
            // Leimbach, Hannover`), not a sentence.
            // A name's lower-case particle is no name's start (`Von der Leyen in Brüssel`).
            let prefixed = |name: &str, rule: &str| {
                rule == "language_prefix"
                    && feats[i].words <= PREFIXED_CREDIT_WORDS
                    && !feats[i].sentence_end
                    && name.starts_with(char::is_uppercase)
            };
            bylines::top_line(text)
                .filter(|(name, rule)| bylines::MARKED.contains(rule) || prefixed(name, rule))
                .filter(|_| !picture_credit(&first))
                .map(|(name, _)| (i, name))
        });
    let Some((i, name)) = found else {
        return;
    };
    offer_byline(marked_credit(units, i, name, "credit_below"), fields, ex);
}

/// The author the story's dateline names after its date, often under the story (`Cet
/// article a été publié le jeudi 7 février 2019 par Claire Devaux dans Actualités`):
/// the byline when none was found, once that line gave the story's date.
pub(super) fn dateline_author(units: &[Unit], fields: &mut Fields, ex: &mut Explanation) {
    if ex.byline.chosen.is_some() {
        return;
    }
    let Some(date) = ex.date.chosen.as_ref() else {
        return;
    };
    let i = date.unit;
    let Some(name) = bylines::foot_dateline_author(&units[i].text) else {
        return;
    };
    offer_byline(marked_credit(units, i, name, "dateline_author"), fields, ex);
}

/// A candidate byline from a marked credit on unit `i`, scored as one.
fn marked_credit(units: &[Unit], i: usize, name: String, rule: &'static str) -> Candidate {
    Candidate {
        value: name,
        rule,
        score: lexicon().weight("byline.credit_marked"),
        lines: (units[i].first, units[i].last),
        unit: i,
        signals: Vec::new(),
    }
}

/// Decides the byline again between `cand` and the runner-up of a decision that chose
/// none.
fn offer_byline(cand: Candidate, fields: &mut Fields, ex: &mut Explanation) {
    let mut cands: Vec<Candidate> = ex.byline.runner_up.take().into_iter().collect();
    cands.push(cand);
    ex.byline = decision::decide(cands, lexicon().weight("byline.min"));
    fields.byline = ex.byline.chosen.as_ref().map(|c| c.value.clone());
}

/// Whether a credit's first word labels a picture's (`Foto:`, `Fotografia:`,
/// `Photographie :`, `Bild:`), in the lexicon's caption words or opening on `photo` or
/// `foto` in any language.
fn picture_credit(first: &str) -> bool {
    lexicon().has("caption", first) || first.starts_with("photo") || first.starts_with("foto")
}
