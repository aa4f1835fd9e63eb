//! What a date's label says: whether "Updated", "Aktualisiert am", "Mis à jour le" …
//! marks it as a revision, or "Published", "Publié le", "Gepubliceerd op" … as the first
//! publication. Reads the label words just before a date; knows nothing of the date itself.

use super::names::{is_label, PUBLISHED_WORDS, UPDATED_WORDS};
use super::tokens::{Kind, Tok};

/// Which date a label introduces. Callers prefer `Published` over `Updated` when a text
/// gives both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateLabel {
    /// "Published", "Posted on", "Veröffentlicht am", "Publicado em" …
    Published,
    /// "Updated", "Last updated", "Stand:", "Mis à jour le", "Bijgewerkt op" …
    Updated,
}

/// How many tokens before a date its label may start; labels are a few words long.
const LABEL_REACH: usize = 8;

/// The label of a date starting at token `start`: walking back over punctuation,
/// weekday names and label words, the nearest word that says published or updated.
/// Any other word or a number ends the walk, so "By Jane, 20 Nov 2019" has no label
/// and in "Published 20 Nov 2019, updated 21 Nov" the second date is the update.
pub(super) fn label_before(toks: &[Tok], start: usize) -> Option<DateLabel> {
    let before = toks.get(..start)?;
    for t in before.iter().rev().take(LABEL_REACH) {
        match t.kind {
            Kind::Punct(_) => continue,
            Kind::Num => return None,
            Kind::Word => {
                let w = t.lower.as_str();
                if UPDATED_WORDS.contains(&w) {
                    return Some(DateLabel::Updated);
                }
                if PUBLISHED_WORDS.contains(&w) {
                    return Some(DateLabel::Published);
                }
                if !(t.weekday || is_label(w)) {
                    return None;
                }
            }
        }
    }
    None
}
