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

/// Removes characters that could reshape a terminal (controls, bidi overrides, zero-width)
/// and, for one-line fields, turns line breaks into spaces.
pub fn terminal_safe(s: &str, one_line: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\n' {
            out.push(if one_line { ' ' } else { '\n' });
        } else if !crate::extract::is_invisible(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_strips_escapes_and_bidi() {
        assert_eq!(
            terminal_safe("a\u{1b}[31mred\u{202e}x\ny", true),
            "a[31mredx y"
        );
        assert_eq!(terminal_safe("p1\n\np2", false), "p1\n\np2");
    }
}
