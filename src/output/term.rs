//! What every human printer shares: ANSI styles and `paint`, `count` for "1 hit" / "2 hits",
//! `terminal_safe` for untrusted article text, and `diag` for messages on stderr. A leaf:
//! the printers import it, it imports none of them.

use std::io::Write;

pub(crate) const BOLD: &str = "\x1b[1m";
pub(crate) const DIM: &str = "\x1b[2m";
pub(crate) const MATCH: &str = "\x1b[1;31m";
pub(crate) const BAR: &str = "\x1b[36m";
pub(crate) const RESET: &str = "\x1b[0m";

/// `s` in `style` when colour is on, else as it is.
pub(crate) fn paint(color: bool, style: &str, s: &str) -> String {
    if color {
        format!("{style}{s}{RESET}")
    } else {
        s.to_string()
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

/// Writes diagnostics to stderr. A closed stderr (`newsdex index DIR 2>&1 | head -1`) must
/// not stop the work or turn into a crash, so write errors are ignored, where `eprintln!`
/// would panic on them.
pub fn diag(args: std::fmt::Arguments<'_>) {
    let _ = std::io::stderr().lock().write_fmt(args);
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn paint_only_with_colour() {
        assert_eq!(paint(false, BOLD, "x"), "x");
        assert_eq!(paint(true, BOLD, "x"), "\x1b[1mx\x1b[0m");
    }
}
