//! Argument pieces several commands share: the colour flag, the output format enums (each
//! command's subset of `output::Format`), date bounds, the `-n` range check, and the
//! reading options of `index` and `extract`. Each converts once into the plain value the
//! engine or `config` takes.

use clap::builder::RangedU64ValueParser;
use clap::{Args, ValueEnum};

use newsdex::extract::Format as InputKind;
use newsdex::output::Format;
use newsdex::search::bounds::Span;
use newsdex::Result;

use crate::config;

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// `--color`, the same on every command that prints text.
#[derive(Debug, Clone, Copy, Args)]
pub struct ColorArg {
    /// Colour in text output: auto (a terminal and NO_COLOR unset), always, never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

impl ColorArg {
    /// Whether to write colour to stdout.
    pub fn enabled(self) -> bool {
        config::use_color(match self.color {
            ColorChoice::Auto => None,
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
        })
    }
}

/// Formats for lists of hits (`search`, `similar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HitsFormat {
    Text,
    Json,
    Jsonl,
    Csv,
}

impl From<HitsFormat> for Format {
    fn from(f: HitsFormat) -> Self {
        match f {
            HitsFormat::Text => Format::Text,
            HitsFormat::Json => Format::Json,
            HitsFormat::Jsonl => Format::Jsonl,
            HitsFormat::Csv => Format::Csv,
        }
    }
}

/// Formats for single documents and reports (`show`, `stats`, `eval`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Text,
    Json,
}

impl From<DocFormat> for Format {
    fn from(f: DocFormat) -> Self {
        match f {
            DocFormat::Text => Format::Text,
            DocFormat::Json => Format::Json,
        }
    }
}

/// Formats for tables of counts (`timeline`, `facets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Text,
    Json,
    Csv,
}

impl From<TableFormat> for Format {
    fn from(f: TableFormat) -> Self {
        match f {
            TableFormat::Text => Format::Text,
            TableFormat::Json => Format::Json,
            TableFormat::Csv => Format::Csv,
        }
    }
}

/// Formats for extracted articles (`extract`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
    Jsonl,
}

/// `--from` and `--to`, inclusive date bounds.
#[derive(Debug, Args)]
pub struct DateBounds {
    /// Only articles dated on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, RFC 3339)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles dated on or before this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

impl DateBounds {
    /// The parsed and checked range; `since` (`--since AGE`) narrows its start.
    pub fn spans(&self, since: Option<&str>) -> Result<(Option<Span>, Option<Span>)> {
        config::date_range(self.from.as_deref(), self.to.as_deref(), since)
    }
}

/// `-n`/`--limit` of `search` and `similar`: 0 (count only) to `config::MAX_LIMIT`; clap
/// refuses anything else with the range in its message.
pub fn limit_parser() -> RangedU64ValueParser<usize> {
    RangedU64ValueParser::<usize>::new().range(0..=config::MAX_LIMIT as u64)
}

/// `--fragments` of `search`: 1 to `config::MAX_FRAGMENTS`.
pub fn fragments_parser() -> RangedU64ValueParser<usize> {
    RangedU64ValueParser::<usize>::new().range(1..=config::MAX_FRAGMENTS as u64)
}

/// Input formats for `--as`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Html,
    Json,
    Jsonl,
    Xml,
    Sgml,
}

impl From<InputFormat> for InputKind {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Text => InputKind::Text,
            InputFormat::Html => InputKind::Html,
            InputFormat::Json => InputKind::Json,
            InputFormat::Jsonl => InputKind::Jsonl,
            InputFormat::Xml => InputKind::Xml,
            InputFormat::Sgml => InputKind::Sgml,
        }
    }
}

/// Explicit JSON field names (dotted paths for nested fields), overriding detection.
#[derive(Debug, Clone, Default, Args)]
pub struct JsonMappingArgs {
    /// JSON field holding the title
    #[arg(long, value_name = "FIELD")]
    pub json_title: Option<String>,
    /// JSON field holding the date
    #[arg(long, value_name = "FIELD")]
    pub json_date: Option<String>,
    /// JSON field holding the byline or author list
    #[arg(long, value_name = "FIELD")]
    pub json_byline: Option<String>,
    /// JSON field holding the body (text or HTML)
    #[arg(long, value_name = "FIELD")]
    pub json_body: Option<String>,
    /// JSON field holding the article's own id
    #[arg(long, value_name = "FIELD")]
    pub json_id: Option<String>,
}

impl JsonMappingArgs {
    pub fn to_mapping(&self) -> newsdex::extract::json::Mapping {
        newsdex::extract::json::Mapping {
            title: self.json_title.clone(),
            date: self.json_date.clone(),
            byline: self.json_byline.clone(),
            body: self.json_body.clone(),
            id: self.json_id.clone(),
        }
    }
}

/// `--lang CODE` of `index` and `extract`: an ISO 639-1 code (`de`), or 639-3 (`deu`).
pub fn language(code: &str) -> std::result::Result<newsdex::lang::Language, String> {
    newsdex::lang::Language::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = newsdex::lang::Language::known().map(|l| l.code).collect();
        format!(
            "unknown language {code:?}: give an ISO 639-1 code ({}) or a 639-3 code",
            known.join(", ")
        )
    })
}

/// How to reach an OpenSearch cluster: the credentials and TLS settings every command
/// that talks to one reads from the environment.
pub fn engine_connection(address: String) -> newsdex::opensearch::client::Connection {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    newsdex::opensearch::client::Connection {
        address,
        user: var("NEWSDEX_ENGINE_USER"),
        password: var("NEWSDEX_ENGINE_PASSWORD"),
        ca_file: var("NEWSDEX_ENGINE_CA").map(std::path::PathBuf::from),
        insecure: var("NEWSDEX_ENGINE_INSECURE").is_some_and(|v| v != "0"),
    }
}

/// `--engine`: search an OpenSearch cluster instead of the local index.
#[derive(Debug, Clone, Args)]
pub struct EngineArg {
    /// Ask this OpenSearch cluster instead of the local index: URL[/NAME] as loaded by
    /// `newsdex push` (credentials and TLS as there)
    #[arg(long, env = "NEWSDEX_ENGINE", value_name = "URL")]
    pub engine: Option<String>,
}

impl EngineArg {
    /// The cluster when one is named, else the local index at `index_dir`.
    pub fn open(&self, index_dir: &std::path::Path) -> Result<newsdex::backend::Backend> {
        let conn = self
            .engine
            .clone()
            .filter(|e| !e.trim().is_empty())
            .map(engine_connection);
        newsdex::backend::Backend::open(index_dir, conn.as_ref())
    }
}
