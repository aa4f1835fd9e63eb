//! JSON articles: one object, an array of objects, JSON Lines, ninjs.
//! (Placeholder until the extractor lands.)

use crate::extract::Extracted;

/// Explicit field names for JSON input; `None` means "detect from common names".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    pub title: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub body: Option<String>,
    pub id: Option<String>,
}

pub fn extract(_text: &str, _lines: bool, _mapping: &Mapping) -> Extracted {
    Extracted::default()
}
