//! The output formats. Each command accepts the subset it can print; a printer given a
//! format it has no shape for prints its closest one (JSON for JSON Lines and CSV).

/// Output format of every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Jsonl,
    Csv,
}
