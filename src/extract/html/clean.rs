//! Cleaning the strings a page gives as data (attributes, JSON-LD values, element text):
//! `clean` for any value and `person_name` for one that should name an author.

use crate::extract::byline;
use crate::extract::clean::squash_spaces;
use crate::extract::markup::decode_entities;

/// Entities decoded (JSON-LD and attributes often carry `&amp;` twice-escaped), controls
/// removed, whitespace collapsed.
pub(super) fn clean(s: &str) -> String {
    let decoded = decode_entities(s);
    let cleaned = crate::extract::clean::clean_text(&decoded);
    squash_spaces(&cleaned)
}

/// One word, no capitals, only letters, digits, `_`, `-` and `.`: a login name.
fn is_login(s: &str) -> bool {
    !s.contains(' ')
        && s.chars().any(|c| c.is_lowercase())
        && s.chars()
            .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || matches!(c, '_' | '-' | '.'))
}

/// A plausible author string: not a URL, not empty, not a paragraph.
pub(super) fn person_name(s: &str) -> Option<String> {
    let s = byline::normalize(s)?;
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("http") || lower.starts_with("www.") || s.contains('@') && !s.contains(' ')
    {
        return None;
    }
    if s.chars().count() > 100 || s.split_whitespace().count() > 12 {
        return None;
    }
    // CMS account names, not people: the usual ones, and logins ("jdoe77", "ana_r"),
    // which are one lower-case word where a name would be capitalised.
    if matches!(
        lower.as_str(),
        "admin" | "administrator" | "editor" | "webmaster" | "root"
    ) || is_login(&s)
    {
        return None;
    }
    Some(s)
}
