//! Printers: the only code that writes results. Each takes engine data and a writer, so
//! tests print into a `Vec<u8>`. Text goes to people (colour, sanitised article text);
//! JSON, JSON Lines and CSV go to scripts, in the shapes documented in `schema/`.
//!
//! This file picks the printer for a format; the printers are leaves that share only
//! `format` (the `Format` enum), `term` (styles, counts, sanitising) and `csv` (the CSV
//! writer), and never import this file.

pub mod aggregate;
pub mod csv;
pub mod eval;
mod format;
pub mod index;
pub mod json;
pub mod push;
pub mod term;
pub mod text;

use std::io::Write;

pub use format::Format;
pub use term::{count, diag, terminal_safe};

/// Prints a page of hits (`search`, `similar`) in `format`.
pub fn results(
    out: &mut dyn Write,
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

/// Prints one article in full (`show`): text, else JSON.
pub fn article(
    out: &mut dyn Write,
    a: &crate::article::Article,
    copies: &crate::search::Copies,
    format: Format,
    color: bool,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::article(out, a, copies, color),
        Format::Json | Format::Jsonl | Format::Csv => json::article(out, a, copies),
    }
}

/// Prints the index statistics (`stats`): text, else JSON.
pub fn stats(
    out: &mut dyn Write,
    s: &crate::search::Stats,
    m: &crate::index::Manifest,
    index_dir: &std::path::Path,
    format: Format,
    color: bool,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::stats(out, s, m, index_dir, color),
        Format::Json | Format::Jsonl | Format::Csv => json::stats(out, s, m, index_dir),
    }
}
