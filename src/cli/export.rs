//! `newsdex export --to FORMAT`: every article of the index on stdout, in id order, as an
//! OpenSearch bulk stream or Quickwit NDJSON.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use newsdex::article::DocId;
use newsdex::index::OpenIndex;
use newsdex::opensearch::{document, export};
use newsdex::{Error, Result};

use super::status::Status;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  newsdex export --to opensearch-bulk > articles.bulk
  curl -H 'Content-Type: application/x-ndjson' --data-binary @articles.bulk \\
       http://127.0.0.1:9200/news/_bulk         (after creating `news` from
                                                   schema/opensearch/articles.json)
  newsdex export --to quickwit-ndjson | quickwit index ingest --index news
  newsdex export --to opensearch-bulk --after 3fa2b1c4d5e6f708   resume after that id

Articles come in id order (16 hex digits), so an export that stopped can go on with
--after and the last id it wrote. `newsdex push` loads a cluster without a file.")]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: ExportFormat,

    /// Start after this article id (the last one a previous export wrote)
    #[arg(long, value_name = "ID")]
    pub after: Option<String>,

    /// Name the target index in each bulk action (`_index`); without it, post the stream
    /// to /NAME/_bulk
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// OpenSearch (and Elasticsearch) `_bulk`: an index action line with `_id`, then the
    /// document
    OpensearchBulk,
    /// Quickwit ingest: one document per line, the date as Unix seconds
    QuickwitNdjson,
}

pub fn run(a: ExportArgs, index_dir: PathBuf) -> Result<Status> {
    let after = match &a.after {
        Some(typed) => Some(DocId::parse(typed).ok_or_else(|| Error::BadId { id: typed.clone() })?),
        None => None,
    };
    let index = OpenIndex::open(&index_dir)?.with_doc_cache(export::DOC_CACHE_BLOCKS);
    let searcher = index.searcher()?;
    let catalog = index.catalog(&searcher)?;
    let entries = export::after(&catalog, after);
    let mut out = std::io::stdout().lock();
    let mut buf = Vec::with_capacity(1 << 20);
    export::each(&index, &searcher, entries, export::CHUNK, |articles| {
        buf.clear();
        for e in &articles {
            match a.to {
                ExportFormat::OpensearchBulk => {
                    document::bulk_index(&mut buf, e, a.name.as_deref())
                }
                ExportFormat::QuickwitNdjson => document::quickwit_line(&mut buf, e),
            }
        }
        out.write_all(&buf)?;
        Ok(true)
    })?;
    out.flush()?;
    Ok(Status::Success)
}
