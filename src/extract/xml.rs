//! Newswire XML: NITF, NewsML-G2, NewsML 1.x. (Placeholder until the extractor lands.)

use crate::extract::Extracted;

pub fn extract(_text: &str) -> Extracted {
    Extracted::default()
}
