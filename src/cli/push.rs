//! `newsdex push --url URL`: the index's articles into an OpenSearch index behind an
//! alias, incrementally.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;

use newsdex::index::OpenIndex;
use newsdex::opensearch::client::Client;
use newsdex::opensearch::push::{self, PushRequest};
use newsdex::{output, Result};

use super::args::engine_connection;
use super::status::Status;

#[derive(Debug, Args)]
#[command(after_long_help = "\
The first push creates the index NAME-<schema version>-<time> from
schema/opensearch/articles.json, loads it, checks its count and then points the alias
NAME at it in one step; searches see the old index or the new one, never half of one.
Later pushes send only what changed in the local index since (added, changed and deleted
articles). What the cluster acknowledged is recorded in the local index, so a push that
was stopped goes on where it stopped, and nothing is sent twice into different documents.

Credentials: in the URL (https://user:password@host:9200) or NEWSDEX_ENGINE_USER and
NEWSDEX_ENGINE_PASSWORD. TLS: NEWSDEX_ENGINE_CA=ca.pem trusts your own certificate
authority; NEWSDEX_ENGINE_INSECURE=1 accepts any certificate (test clusters only).
Several nodes: --url http://h1:9200,http://h2:9200 (the next is tried when one is down).

Exit status: 0 pushed, 2 error (also when some articles were refused: they are listed,
and the next push sends them again).")]
pub struct PushArgs {
    /// The cluster: http(s)://HOST:PORT[/NAME], several comma-separated
    #[arg(long, env = "NEWSDEX_ENGINE", value_name = "URL")]
    pub url: String,

    /// The alias to load (default: the URL's NAME, else "newsdex")
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Primary shards of a new index [default: 3]
    #[arg(long, value_name = "N")]
    pub shards: Option<u32>,

    /// Replicas of a new index [default: 1]
    #[arg(long, value_name = "N")]
    pub replicas: Option<u32>,

    /// Articles per bulk request
    #[arg(long, default_value_t = 1000, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,

    /// Bulk requests in flight at once
    #[arg(long, default_value_t = 2, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=64))]
    pub in_flight: u32,

    /// Load a new index from scratch and move the alias to it
    #[arg(long)]
    pub fresh: bool,

    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,

    /// No progress bar
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(a: PushArgs, index_dir: PathBuf) -> Result<Status> {
    let mut client = Client::new(&engine_connection(a.url.clone()))?;
    client.retry = newsdex::opensearch::client::Retry::patient();
    if let Some(name) = &a.name {
        newsdex::opensearch::client::check_name(name).map_err(|reason| {
            newsdex::Error::EngineAddress {
                input: name.clone(),
                reason,
            }
        })?;
        client.name = name.clone();
    }
    let index =
        OpenIndex::open(&index_dir)?.with_doc_cache(newsdex::opensearch::export::DOC_CACHE_BLOCKS);
    let req = PushRequest {
        shards: a.shards,
        replicas: a.replicas,
        batch_docs: a.batch as usize,
        in_flight: a.in_flight as usize,
        fresh: a.fresh,
        ..Default::default()
    };
    let mut bar = output::push::Bar::new(!a.quiet && !a.json && std::io::stderr().is_terminal());
    let result = push::push(&index, &client, &req, &mut |p| bar.draw(&p));
    bar.clear();
    let summary = result?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    output::push::summary(&mut out, &summary, a.json)?;
    out.flush()?;
    Ok(if summary.failed == 0 {
        Status::Success
    } else {
        Status::Failed
    })
}
