//! `newsdex eval --topics FILE --qrels FILE`: ranking quality (MAP, P@10, nDCG@10,
//! recall@100) of the index against relevance judgments, as a table or JSON, and a TREC run
//! file for trec_eval users.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use newsdex::eval::{self, DocIdSource, TopicFields};
use newsdex::index::OpenIndex;
use newsdex::search::Searcher;
use newsdex::{output, Error, Result};

use super::args::{ColorArg, DocFormat};
use super::status::Status;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Topics: a TREC topic file (<top><num>..<title>..<desc>..</top>) or a TSV of qid<TAB>query.
Qrels: TREC format, `qid 0 docid grade` (grade > 0 is relevant).
Each topic runs as an OR query (its words only, no query syntax) to depth 1000. Document
ids come from the collection's own id (source_id: TREC DOCNO, Reuters NEWID, a JSON id),
else the file name without extension (--docid).
Measures as trec_eval: map, P_10, ndcg_cut_10, recall_100; means over topics with at
least one relevant judgment.")]
pub struct EvalArgs {
    /// Topics: TREC topic file or qid<TAB>query TSV
    #[arg(long, value_name = "FILE")]
    pub topics: PathBuf,

    /// Relevance judgments in TREC qrels format
    #[arg(long, value_name = "FILE")]
    pub qrels: PathBuf,

    /// Also write a TREC run file (qid Q0 docid rank score tag)
    #[arg(long, value_name = "FILE")]
    pub run: Option<PathBuf>,

    /// Tag for the run file
    #[arg(long, default_value = "newsdex", value_name = "TAG")]
    pub tag: String,

    /// TREC topic parts that make the query
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "title,desc",
        value_name = "PARTS"
    )]
    pub topic_fields: Vec<TopicPart>,

    /// What identifies a document in the qrels
    #[arg(long, value_enum, default_value_t = DocIdArg::SourceId)]
    pub docid: DocIdArg,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DocFormat::Text)]
    pub format: DocFormat,

    #[command(flatten)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TopicPart {
    Title,
    Desc,
    Narr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocIdArg {
    SourceId,
    Path,
    Stem,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

/// A topics or qrels file that does not parse, named in the error.
fn bad(path: &Path, e: eval::ParseError) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

pub fn run(a: EvalArgs, index_dir: PathBuf) -> Result<Status> {
    let fields = TopicFields {
        title: a.topic_fields.contains(&TopicPart::Title),
        desc: a.topic_fields.contains(&TopicPart::Desc),
        narr: a.topic_fields.contains(&TopicPart::Narr),
    };
    let topics = eval::parse_topics(&read(&a.topics)?, fields).map_err(|e| bad(&a.topics, e))?;
    let qrels = eval::parse_qrels(&read(&a.qrels)?).map_err(|e| bad(&a.qrels, e))?;
    let docid = match a.docid {
        DocIdArg::SourceId => DocIdSource::SourceId,
        DocIdArg::Path => DocIdSource::Path,
        DocIdArg::Stem => DocIdSource::Stem,
    };
    // Each topic reads its top 1,000 articles: keep their doc store blocks (512 per
    // segment, 16 MB of 32 KiB blocks) for the next topics.
    let searcher = Searcher::new(OpenIndex::open(&index_dir)?.with_doc_cache(512))?;
    let report = eval::run(&searcher, &topics, &qrels, docid)?;
    if let Some(path) = &a.run {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| Error::io(path, e))?);
        eval::write_run(&mut f, &report, &a.tag).map_err(|e| Error::io(path, e))?;
        f.flush().map_err(|e| Error::io(path, e))?;
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::eval::report(&mut out, &report, a.format.into(), a.color.enabled())?;
    out.flush()?;
    Ok(Status::Success)
}
