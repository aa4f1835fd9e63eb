//! `Extracted`: what one file yields to the extraction orchestrator, its records and the
//! problems with parts of it.

use crate::article::{Fields, Record};

/// What one file yielded: its records, and problems with parts of it (a malformed JSON
/// line, a record without text) that did not stop the rest.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub records: Vec<Record>,
    pub problems: Vec<String>,
    /// A more precise format name than `Format::name`, e.g. "nitf", "reuters-sgml", "ninjs".
    pub detail: Option<&'static str>,
    /// Items left out because they are not text by design (a picture, a package of links,
    /// a WordPress attachment), summarised: not problems, since nothing is lost.
    pub not_text: Vec<String>,
    /// The language the file says it is in (`<html lang>`, the root's `xml:lang`), as
    /// written: a hint for articles too short to tell.
    pub declared_language: Option<String>,
}

impl Extracted {
    pub fn one(fields: Fields) -> Self {
        Extracted {
            records: vec![Record {
                key: String::new(),
                fields,
                language: None,
            }],
            ..Default::default()
        }
    }
}
