//! Printers: the only code that writes results. Each takes engine data and a writer, so
//! tests print into a `Vec<u8>`. Text goes to people (colour, sanitised article text);
//! JSON, JSON Lines and CSV go to scripts, in the shapes documented in `schema/`.

pub mod aggregate;
pub mod csv;
pub mod json;
pub mod text;

/// Output format of `search`, `show` and `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Jsonl,
    Csv,
}

/// Prints a page of hits (`search`, `similar`) in `format`.
pub fn results(
    out: &mut dyn std::io::Write,
    r: &crate::search::SearchResults,
    format: Format,
    color: bool,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::search(out, r, color),
        Format::Json => json::search(out, r),
        Format::Jsonl => json::search_lines(out, r),
        Format::Csv => csv::search(out, r),
    }
}

/// A CSV writer for `out`: RFC 4180 records (CRLF line ends, quoting as needed).
pub(crate) fn csv_writer(out: &mut dyn std::io::Write) -> ::csv::Writer<&mut dyn std::io::Write> {
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

/// `n` with its noun, singular for exactly one: "1 hit", "0 hits", "2 copies".
pub fn count<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

/// Removes characters that could reshape a terminal (controls, bidi overrides, zero-width)
/// and, for one-line fields, turns line breaks into spaces.
pub fn terminal_safe(s: &str, one_line: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\n' {
            out.push(if one_line { ' ' } else { '\n' });
        } else if !crate::extract::clean::is_invisible(c) {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1usize, "hit", "hits"), "1 hit");
        assert_eq!(count(0usize, "hit", "hits"), "0 hits");
        assert_eq!(count(2u64, "copy", "copies"), "2 copies");
    }

    #[test]
    fn terminal_safe_strips_escapes_and_bidi() {
        assert_eq!(
            terminal_safe("a\u{1b}[31mred\u{202e}x\ny", true),
            "a[31mredx y"
        );
        assert_eq!(terminal_safe("p1\n\np2", false), "p1\n\np2");
    }
}
