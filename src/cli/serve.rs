//! `newsdex serve`: the HTTP JSON API and the search page over the index, until Ctrl-C.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

use newsdex::serve::{self, Options};
use newsdex::Result;

use super::status::Status;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Serves a read-only JSON API and a search page at the printed URL. It binds to loopback
unless --addr names another address; searches see new commits of a running
`newsdex index` without a restart.

API (JSON, the shapes of the command line's --format json; schema/openapi.json):
  GET /api/search?q=QUERY&from=&to=&since=&sort=&limit=&offset=&any=&fresh=&fragments=&collapse=
  GET /api/export?format=csv|ndjson&q=...     every hit, streamed
  GET /api/articles/ID                        one article and its copies
  GET /api/articles/ID/similar?limit=&follow=
  GET /api/timeline?q=&by=day|week|month|year&normalize=
  GET /api/facets/byline|year|source?q=&limit=
  GET /api/stats

Examples:
  newsdex serve                               http://127.0.0.1:7878/
  newsdex serve --addr 127.0.0.1:0            a free port, printed
  curl 'http://127.0.0.1:7878/api/search?q=ferry+strike&limit=5'")]
pub struct ServeArgs {
    /// Address to listen on (another interface than loopback only when given)
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "IP:PORT")]
    pub addr: SocketAddr,

    /// Searches run at once [default: the number of cores]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub workers: Option<u16>,

    /// Requests that may wait for a free worker; more are answered 503 (busy)
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub queue: usize,
}

pub fn run(a: ServeArgs, index_dir: PathBuf) -> Result<Status> {
    let workers = a.workers.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
    });
    let opts = Options {
        index: index_dir,
        addr: a.addr,
        workers,
        max_waiting: a.queue,
    };
    let index = opts.index.display().to_string();
    serve::serve(&opts, |bound| {
        // The URL first, alone on its line, for scripts that start the server.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "http://{bound}/");
        let _ = out.flush();
        newsdex::output::diag(format_args!(
            "newsdex: serving {index} at http://{bound}/ with {workers} search workers (Ctrl-C to stop)\n"
        ));
    })?;
    Ok(Status::Success)
}
