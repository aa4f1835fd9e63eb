//! SGML collections: Reuters-21578 and TREC. (Placeholder until the extractor lands.)

use crate::extract::Extracted;

pub fn extract(_text: &str) -> Extracted {
    Extracted::default()
}
