//! `newsdex extract FILE...`: what the indexer would store for each article in the given
//! files, with the detected format and encoding. The command to run when a field looks wrong.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use newsdex::extract::Format;
use newsdex::ingest::{self, Outcome, ReadOptions};
use newsdex::output::{self, diag};
use newsdex::Result;

use super::args::{ColorArg, ExtractFormat, InputFormat, JsonMappingArgs};
use super::status::Status;

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

    /// Every article is in this language (ISO 639-1 code: de, fr, zh, ...) instead of
    /// detecting each one's
    #[arg(long, value_name = "CODE", value_parser = super::args::language)]
    pub lang: Option<newsdex::lang::Language>,

    #[command(flatten)]
    pub color: ColorArg,

    #[command(flatten)]
    pub mapping: JsonMappingArgs,

    /// For each field: the rule that chose it, its confidence, the input lines it came
    /// from and the runner-up (JSON: an `explain` object per article)
    #[arg(long)]
    pub explain: bool,
}

/// The path a file would have in the index: relative to the indexed archive when the
/// file is inside it (so ids and paths match what `search` and `show` print), else as
/// given, with '/' separators and no leading "./".
fn index_path(file: &Path, archive: Option<&Path>) -> String {
    if let (Some(root), Ok(abs)) = (archive, file.canonicalize()) {
        if abs.starts_with(root) {
            return ingest::walk::relative(root, &abs);
        }
    }
    let shown = file.to_string_lossy().replace('\\', "/");
    let mut rest = shown.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    rest.to_string()
}

pub fn run(a: ExtractArgs, index_dir: PathBuf) -> Result<Status> {
    // The archive of the index in use, if there is one: a missing or unreadable manifest
    // just means paths are shown as given.
    let archive = newsdex::index::manifest::Manifest::read(&index_dir)
        .ok()
        .flatten()
        .map(|m| m.archive);
    let opts = ReadOptions {
        force_format: a.as_format.map(Format::from),
        extract: newsdex::extract::ExtractOptions {
            json: a.mapping.to_mapping(),
        },
        explain: a.explain,
        language: a.lang,
    };
    let color = a.color.enabled();
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
                articles,
                problems,
                explanation,
                ..
            } => {
                let why = explanation.as_ref();
                for p in problems {
                    diag(format_args!("newsdex: warning: {shown}: {p}\n"));
                }
                match a.format {
                    ExtractFormat::Text => {
                        for article in &articles {
                            output::text::extracted(&mut out, article, color)?;
                            if let Some(why) = why {
                                output::text::explanation(&mut out, why, color)?;
                            }
                        }
                    }
                    ExtractFormat::Jsonl => {
                        for article in &articles {
                            serde_json::to_writer(
                                &mut out,
                                &output::json::extracted_value(article, why),
                            )
                            .map_err(std::io::Error::from)?;
                            writeln!(out)?;
                        }
                    }
                    ExtractFormat::Json => all.extend(
                        articles
                            .iter()
                            .map(|article| output::json::extracted_value(article, why)),
                    ),
                }
            }
            Outcome::NotText(what) => {
                diag(format_args!(
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
                diag(format_args!("newsdex: {shown}: {reason}\n"));
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
        Status::Failed
    } else {
        Status::Success
    })
}
