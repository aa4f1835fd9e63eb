//! CSV printer (RFC 4180: CRLF line ends, header row): one row per hit, no highlight
//! markup. Write errors keep their I/O kind (`csv_io`), so a closed pipe ends quietly.

use std::io::Write;

use crate::output::{csv_io, csv_writer};
use crate::search::bounds::rfc3339;
use crate::search::SearchResults;

pub const HEADER: [&str; 8] = [
    "rank", "id", "path", "title", "date", "byline", "score", "snippet",
];

pub fn search(out: &mut dyn Write, r: &SearchResults) -> std::io::Result<()> {
    let mut w = csv_writer(out);
    w.write_record(HEADER).map_err(csv_io)?;
    for h in &r.hits {
        let a = &h.article;
        w.write_record([
            h.rank.to_string().as_str(),
            &a.id.to_string(),
            &a.path,
            a.fields.title.as_deref().unwrap_or(""),
            &a.fields.date.map(|d| rfc3339(d.utc)).unwrap_or_default(),
            a.fields.byline.as_deref().unwrap_or(""),
            &format!("{:.4}", h.score),
            &h.snippet.text,
        ])
        .map_err(csv_io)?;
    }
    w.flush()
}
