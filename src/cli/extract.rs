//! `newsdex extract FILE...`: what the indexer would store for each article in the given
//! files, with the detected format and encoding. The command to run when a field looks wrong.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::cli::ColorChoice;
use crate::error::Result;
use crate::extract::Format;
use crate::ingest::{self, Outcome, ReadOptions};
use crate::output;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files to read (any supported format, gzip too)
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,

    /// Read the files as this format instead of detecting it
    #[arg(long = "as", value_enum, value_name = "FORMAT")]
    pub as_format: Option<InputFormat>,

    /// Colour: auto, always, never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(flatten)]
    pub mapping: JsonMappingArgs,
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
    pub fn to_mapping(&self) -> crate::extract::json::Mapping {
        crate::extract::json::Mapping {
            title: self.json_title.clone(),
            date: self.json_date.clone(),
            byline: self.json_byline.clone(),
            body: self.json_body.clone(),
            id: self.json_id.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Html,
    Json,
    Jsonl,
    Xml,
    Sgml,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Json => Format::Json,
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Xml => Format::Xml,
            InputFormat::Sgml => Format::Sgml,
        }
    }
}

/// The path a file would have in the index: relative to the indexed archive when the
/// file is inside it (so ids and paths match what `search` and `show` print), else as
/// given, with '/' separators and no leading "./".
fn index_path(file: &Path, archive: Option<&Path>) -> String {
    if let (Some(root), Ok(abs)) = (archive, file.canonicalize()) {
        if abs.starts_with(root) {
            return crate::ingest::walk::relative(root, &abs);
        }
    }
    let shown = file.to_string_lossy().replace('\\', "/");
    let mut rest = shown.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    rest.to_string()
}

pub fn run(a: ExtractArgs, index_dir: PathBuf) -> Result<ExitCode> {
    // The archive of the index in use, if there is one: a missing or unreadable manifest
    // just means paths are shown as given.
    let archive = crate::index::manifest::Manifest::read(&index_dir)
        .ok()
        .flatten()
        .map(|m| m.archive);
    let opts = ReadOptions {
        force_format: a.as_format.map(Format::from),
        extract: crate::extract::ExtractOptions {
            json: a.mapping.to_mapping(),
        },
    };
    let color = crate::config::use_color(a.color);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all = Vec::new();
    let mut failed = false;
    for file in &a.files {
        let shown = file.display().to_string();
        let rel = index_path(file, archive.as_deref());
        // Read as `index` reads it: a .csv or a README is not read unless --as says how.
        let outcome = ingest::read_file(file, &rel, &opts);
        match outcome {
            Outcome::Articles {
                articles, problems, ..
            } => {
                for p in problems {
                    crate::cli::diag(format_args!("newsdex: warning: {shown}: {p}\n"));
                }
                match a.format {
                    ExtractFormat::Text => {
                        for article in &articles {
                            output::text::extracted(&mut out, article, color)?;
                        }
                    }
                    ExtractFormat::Jsonl => {
                        for article in &articles {
                            serde_json::to_writer(&mut out, &output::json::article_value(article))
                                .map_err(std::io::Error::from)?;
                            writeln!(out)?;
                        }
                    }
                    ExtractFormat::Json => {
                        all.extend(articles.iter().map(output::json::article_value))
                    }
                }
            }
            Outcome::NotText(what) => {
                crate::cli::diag(format_args!(
                    "newsdex: {shown}: no article text, nothing to index: {what}\n"
                ));
            }
            Outcome::Unsupported | Outcome::Failed(_) => {
                let reason = match outcome {
                    Outcome::Failed(r) => r,
                    _ => "not read: not an article by its name (as `newsdex index` skips it; \
                          --as FORMAT reads it)"
                        .to_string(),
                };
                crate::cli::diag(format_args!("newsdex: {shown}: {reason}\n"));
                failed = true;
            }
        }
    }
    if a.format == ExtractFormat::Json {
        serde_json::to_writer_pretty(&mut out, &all).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
