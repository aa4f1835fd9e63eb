//! CSV (RFC 4180: CRLF line ends, header row): the writer every CSV printer uses, and the
//! search printer, one row per hit with no highlight markup. Write errors keep their I/O
//! kind (`csv_io`), so a closed pipe ends quietly.

use std::io::Write;

use crate::article::rfc3339;
use crate::search::SearchResults;

pub const HEADER: [&str; 8] = [
    "rank", "id", "path", "title", "date", "byline", "score", "snippet",
];

/// A CSV writer for `out`: RFC 4180 records (CRLF line ends, quoting as needed).
pub(crate) fn csv_writer(out: &mut dyn Write) -> ::csv::Writer<&mut dyn Write> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out)
}

/// The I/O error inside a CSV error. `csv`'s own conversion wraps every error as
/// `ErrorKind::Other`, which would hide a closed pipe (`newsdex ... -f csv | head -1`)
/// from `Error::is_broken_pipe` and turn a clean end into "Broken pipe", exit 2.
pub(crate) fn csv_io(e: ::csv::Error) -> std::io::Error {
    if !e.is_io_error() {
        return std::io::Error::other(e);
    }
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

pub fn search(out: &mut dyn Write, r: &SearchResults) -> std::io::Result<()> {
    search_header(out)?;
    search_rows(out, r)
}

/// The header row of `search`'s CSV, alone (a streamed export writes it once).
pub fn search_header(out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv_writer(out);
    w.write_record(HEADER).map_err(csv_io)?;
    w.flush()
}

/// The rows of `search`'s CSV, one per hit, without the header.
pub fn search_rows(out: &mut dyn Write, r: &SearchResults) -> std::io::Result<()> {
    let mut w = csv_writer(out);
    for h in &r.hits {
        let a = &h.article;
        w.write_record([
            h.rank.to_string().as_str(),
            &a.id.to_string(),
            &a.path,
            a.fields.title.as_deref().unwrap_or(""),
            &a.fields.date.map(|d| rfc3339(d.at)).unwrap_or_default(),
            a.fields.byline.as_deref().unwrap_or(""),
            &format!("{:.4}", h.score),
            &h.snippet.text,
        ])
        .map_err(csv_io)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose reader has gone away.
    struct ClosedPipe;

    impl std::io::Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn csv_write_errors_keep_their_io_kind() {
        let mut pipe = ClosedPipe;
        let mut w = csv_writer(&mut pipe);
        // The csv writer buffers: write past its buffer, then flush.
        let row = ["x".repeat(100_000)];
        let err = w
            .write_record(&row)
            .map_err(csv_io)
            .and_then(|()| w.flush())
            .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
        assert!(crate::error::Error::Output(err).is_broken_pipe());
    }

    #[test]
    fn csv_lines_end_in_crlf() {
        let mut buf = Vec::new();
        {
            let mut w = csv_writer(&mut buf);
            w.write_record(["a", "b,c"]).unwrap();
            w.write_record(["1", "line\nbreak"]).unwrap();
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "a,\"b,c\"\r\n1,\"line\nbreak\"\r\n"
        );
    }
}
