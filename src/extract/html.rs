//! HTML news pages: title, date, byline and main text from the page itself.
//! (Placeholder until the extractor lands: visible text only.)

use crate::article::Fields;

pub fn extract(_html: &str) -> Fields {
    Fields::default()
}
