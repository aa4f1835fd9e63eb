//! In-process query latency: opens a newsdex index once and runs the benchmark queries
//! through `newsdex::search::Searcher::search` (top 10, snippets on), as a long-lived process (a server,
//! a notebook) would. Whole-process latency, with start-up and printing, is measured by
//! `benches/run`; this isolates the engine.
//!
//! ```sh
//! cargo bench --bench search_latency -- --index IDX [--queries benches/queries.txt] [--repeat 5] [--json]
//! ```
//!
//! Each query runs once to warm up, then `--repeat` times; its latency is the median of
//! those, and p50/p95/p99 are taken over the queries (so one noisy moment on a shared
//! machine moves one sample, not the percentiles). `--json` prints one object for the
//! harness; otherwise a short table.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use newsdex::index::OpenIndex;
use newsdex::search::{bounds, SearchRequest, Searcher};

struct Args {
    index: PathBuf,
    queries: PathBuf,
    repeat: usize,
    json: bool,
    snippets: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        index: PathBuf::new(),
        queries: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/queries.txt")),
        repeat: 5,
        json: false,
        snippets: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--index" => args.index = it.next().ok_or("--index needs a path")?.into(),
            "--queries" => args.queries = it.next().ok_or("--queries needs a path")?.into(),
            "--repeat" => {
                args.repeat = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--repeat needs a positive number")?
            }
            "--json" => args.json = true,
            "--no-snippets" => args.snippets = false,
            // `cargo bench` passes --bench to every bench target.
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.index.as_os_str().is_empty() {
        return Err("--index PATH is required".into());
    }
    Ok(args)
}

struct Query {
    kind: String,
    request: SearchRequest,
}

fn load_queries(args: &Args) -> Result<Vec<Query>, String> {
    let text = std::fs::read_to_string(&args.queries)
        .map_err(|e| format!("{}: {e}", args.queries.display()))?;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let col = |i: usize| cols.get(i).copied().unwrap_or("");
        let span = |flag: &'static str, s: &str| {
            if s.is_empty() {
                Ok(None)
            } else {
                bounds::parse_span(flag, s)
                    .map(Some)
                    .map_err(|e| e.to_string())
            }
        };
        out.push(Query {
            kind: col(0).to_string(),
            request: SearchRequest {
                query: col(1).to_string(),
                from: span("--from", col(2))?,
                to: span("--to", col(3))?,
                limit: 10,
                fragments: usize::from(args.snippets),
                collapse: true,
                ..SearchRequest::default()
            },
        });
    }
    Ok(out)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    // Nearest rank, as the harness computes it for the whole-process numbers.
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let queries = load_queries(&args)?;
    let opened = Instant::now();
    let index = OpenIndex::open(&args.index).map_err(|e| e.to_string())?;
    let searcher = Searcher::new(index).map_err(|e| e.to_string())?;
    let open_ms = ms(opened.elapsed());

    let mut per_query = Vec::with_capacity(queries.len());
    let mut hits_total = 0usize;
    let mut no_hits = 0usize;
    for q in &queries {
        let warm = searcher
            .search(&q.request)
            .map_err(|e| format!("{:?}: {e}", q.request.query))?;
        hits_total += warm.total_hits;
        no_hits += usize::from(warm.total_hits == 0);
        let mut samples: Vec<f64> = (0..args.repeat)
            .map(|_| {
                let t = Instant::now();
                let r = searcher.search(&q.request);
                let elapsed = ms(t.elapsed());
                std::hint::black_box(r.map(|r| r.hits.len()).unwrap_or(0));
                elapsed
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        per_query.push((q.kind.as_str(), samples[samples.len() / 2]));
    }
    let mut all: Vec<f64> = per_query.iter().map(|(_, v)| *v).collect();
    all.sort_by(f64::total_cmp);
    let (p50, p95, p99) = (
        percentile(&all, 50.0),
        percentile(&all, 95.0),
        percentile(&all, 99.0),
    );
    let max = all.last().copied().unwrap_or(f64::NAN);

    if args.json {
        let by_kind: serde_json::Map<String, serde_json::Value> = {
            let mut kinds: Vec<&str> = per_query.iter().map(|(k, _)| *k).collect();
            kinds.sort_unstable();
            kinds.dedup();
            kinds
                .into_iter()
                .map(|k| {
                    let mut v: Vec<f64> = per_query
                        .iter()
                        .filter(|(kk, _)| *kk == k)
                        .map(|(_, v)| *v)
                        .collect();
                    v.sort_by(f64::total_cmp);
                    (
                        k.to_string(),
                        serde_json::json!({"n": v.len(), "p50_ms": percentile(&v, 50.0), "max_ms": v.last()}),
                    )
                })
                .collect()
        };
        let out = serde_json::json!({
            "queries": all.len(),
            "repeat": args.repeat,
            "snippets": args.snippets,
            "open_ms": open_ms,
            "p50_ms": p50, "p95_ms": p95, "p99_ms": p99, "max_ms": max,
            "total_hits": hits_total,
            "queries_without_hits": no_hits,
            "by_kind": by_kind,
        });
        println!("{out}");
    } else {
        println!(
            "{} queries x {} runs (median per query), index opened in {open_ms:.1} ms",
            all.len(),
            args.repeat
        );
        println!("p50 {p50:.2} ms  p95 {p95:.2} ms  p99 {p99:.2} ms  max {max:.2} ms");
        println!("{no_hits} queries without hits");
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("search_latency: {e}");
            ExitCode::from(2)
        }
    }
}
