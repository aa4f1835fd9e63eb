//! The server's hold on the index: the current `Searcher`, replaced when a running
//! `newsdex index` commits (or `--rebuild` replaces the index), and the bounded pool
//! searches run on.
//!
//! Every request stats `meta.json`, tantivy's record of the committed segments; when its
//! modification time or size changed, the first request to notice opens the index again
//! and the others go on with the searcher they hold (an `Arc`, so a search in flight keeps
//! its segments). Searches run on tokio's blocking threads, at most `workers` at once; up
//! to `max_waiting` more wait for a turn, and beyond that a request is answered 503 at once
//! rather than queued without bound.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::Result;
use crate::index::OpenIndex;
use crate::search::Searcher;
use crate::serve::params::ApiError;

/// What identifies a commit of the index: the latest modification time of `meta.json`
/// and the manifest, and their sizes.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(dir: &Path) -> Stamp {
    let m = std::fs::metadata(dir.join("meta.json")).ok()?;
    // The manifest is rewritten after the commit at the end of a run (archive, time).
    let n = std::fs::metadata(dir.join("newsdex.json")).ok()?;
    Some((
        m.modified().ok()?.max(n.modified().ok()?),
        m.len() ^ n.len() << 32,
    ))
}

/// Decompressed doc store blocks kept per segment: a server answers the same popular
/// stories again and again (32 KiB blocks, so 6.4 MB per segment at most).
const DOC_CACHE_BLOCKS: usize = 200;

fn open(dir: &Path) -> Result<Searcher> {
    Searcher::new(OpenIndex::open(dir)?.with_doc_cache(DOC_CACHE_BLOCKS))
}

struct Loaded {
    searcher: Arc<Searcher>,
    stamp: Stamp,
    /// The stamp the index could not be reopened at, and when that was tried.
    failed: Option<(Stamp, std::time::Instant)>,
}

/// How long a failed reopen waits before the next try.
const RETRY: std::time::Duration = std::time::Duration::from_secs(2);

/// Says once on stderr why the index could not be reopened (the server keeps answering
/// from the index as it was).
fn newsdex_warn(e: &crate::Error) {
    crate::output::diag(format_args!(
        "newsdex: cannot reopen the index, still serving it as last opened: {e}\n"
    ));
}

pub struct Engine {
    dir: PathBuf,
    current: RwLock<Loaded>,
    /// Held by the one request that reopens the index.
    reopening: Mutex<()>,
    /// Search workers, and the line for them.
    gate: Gate,
    /// Exports streaming at once.
    exports: Arc<Semaphore>,
}

impl Engine {
    /// Opens the index at `dir` (an error here stops the server before it listens).
    pub fn open(dir: &Path, workers: usize, max_waiting: usize) -> Result<Self> {
        let stamp = stamp(dir);
        let searcher = Arc::new(open(dir)?);
        Ok(Engine {
            dir: dir.to_path_buf(),
            current: RwLock::new(Loaded {
                searcher,
                stamp,
                failed: None,
            }),
            reopening: Mutex::new(()),
            gate: Gate::new(workers, max_waiting),
            exports: Arc::new(Semaphore::new(workers.max(1))),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The searcher over the index as last committed.
    ///
    /// One request reopens the index when it changed; the others meanwhile go on with
    /// the searcher they hold. If it cannot be opened (deleted, being rebuilt), the last
    /// good searcher keeps answering and the index is tried again `RETRY` later.
    fn searcher(&self) -> Result<Arc<Searcher>> {
        let now = stamp(&self.dir);
        let held = {
            let cur = self.current.read().unwrap_or_else(|p| p.into_inner());
            let retry_due = cur
                .failed
                .is_none_or(|(s, at)| s != now || at.elapsed() >= RETRY);
            if cur.stamp == now || !retry_due {
                return Ok(cur.searcher.clone());
            }
            cur.searcher.clone()
        };
        let Ok(_one) = self.reopening.try_lock() else {
            return Ok(held);
        };
        match open(&self.dir) {
            Ok(s) => {
                let searcher = Arc::new(s);
                let mut cur = self.current.write().unwrap_or_else(|p| p.into_inner());
                *cur = Loaded {
                    searcher: searcher.clone(),
                    stamp: now,
                    failed: None,
                };
                Ok(searcher)
            }
            Err(e) => {
                let mut cur = self.current.write().unwrap_or_else(|p| p.into_inner());
                cur.failed = Some((now, std::time::Instant::now()));
                newsdex_warn(&e);
                Ok(held)
            }
        }
    }

    /// Runs `f` on a blocking thread with the current searcher, when a worker is free.
    /// Engine errors become API errors; a panic inside `f` becomes a 500.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> std::result::Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Searcher) -> std::result::Result<T, ApiError> + Send + 'static,
    {
        let permit = self.gate.turn().await?;
        let engine = Arc::clone(self);
        // The permit is the blocking thread's: a client that goes away does not free a
        // worker that is still busy with its search.
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let searcher = engine.searcher().map_err(|e| ApiError::from_engine(&e))?;
            f(&searcher)
        })
        .await
        .map_err(|e| ApiError::internal(format!("internal error: {e}")))?
    }

    /// Like `run`, for an export that streams its body as its client reads: it holds one
    /// of the few export permits, not a search worker, so slow readers never stall
    /// searches; with every export permit taken the answer is 503.
    pub async fn spawn<F>(self: &Arc<Self>, f: F) -> std::result::Result<(), ApiError>
    where
        F: FnOnce(&Searcher) + Send + 'static,
    {
        let permit = Arc::clone(&self.exports)
            .try_acquire_owned()
            .map_err(|_| ApiError::busy())?;
        let searcher = {
            let engine = Arc::clone(self);
            tokio::task::spawn_blocking(move || engine.searcher())
                .await
                .map_err(|e| ApiError::internal(format!("internal error: {e}")))?
                .map_err(|e| ApiError::from_engine(&e))?
        };
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f(&searcher);
        });
        Ok(())
    }
}

/// At most `permits` searches at once, and at most `max_waiting` requests in line.
pub struct Gate {
    permits: Arc<Semaphore>,
    /// Requests waiting for a permit.
    waiting: AtomicUsize,
    max_waiting: usize,
}

impl Gate {
    pub fn new(permits: usize, max_waiting: usize) -> Self {
        Gate {
            permits: Arc::new(Semaphore::new(permits.max(1))),
            waiting: AtomicUsize::new(0),
            max_waiting,
        }
    }

    /// A permit, at once or after waiting in line if there is room in it; else busy.
    pub async fn turn(&self) -> std::result::Result<OwnedSemaphorePermit, ApiError> {
        if let Ok(permit) = Arc::clone(&self.permits).try_acquire_owned() {
            return Ok(permit);
        }
        // Counted out when this future ends, also when the client goes away meanwhile.
        let _in_line = InLine::join(&self.waiting);
        if self.waiting.load(Ordering::SeqCst) > self.max_waiting {
            return Err(ApiError::busy());
        }
        Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the server is stopping"))
    }
}

/// One request waiting for (or holding, until it gets) a worker.
struct InLine<'a>(&'a AtomicUsize);

impl<'a> InLine<'a> {
    fn join(count: &'a AtomicUsize) -> Self {
        count.fetch_add(1, Ordering::SeqCst);
        InLine(count)
    }
}

impl Drop for InLine<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn a_full_line_is_busy_and_a_freed_permit_goes_to_the_line() {
        runtime().block_on(async {
            let gate = Arc::new(Gate::new(1, 1));
            let held = gate.turn().await.unwrap();
            // One may wait; the next is told the server is busy.
            let g = Arc::clone(&gate);
            let waiting = tokio::spawn(async move { g.turn().await.map(|_| ()) });
            tokio::task::yield_now().await;
            let refused = gate.turn().await.unwrap_err();
            assert_eq!(refused.status, 503);
            drop(held);
            assert!(waiting.await.unwrap().is_ok());
            // The line is empty again.
            assert!(gate.turn().await.is_ok());
        });
    }

    #[test]
    fn no_line_at_all_refuses_at_once_when_every_permit_is_held() {
        runtime().block_on(async {
            let gate = Gate::new(1, 0);
            let held = gate.turn().await.unwrap();
            assert_eq!(gate.turn().await.unwrap_err().status, 503);
            drop(held);
            assert!(gate.turn().await.is_ok());
        });
    }

    #[test]
    fn a_request_that_gives_up_leaves_the_line() {
        runtime().block_on(async {
            let gate = Arc::new(Gate::new(1, 1));
            let held = gate.turn().await.unwrap();
            let g = Arc::clone(&gate);
            let waiting = tokio::spawn(async move { g.turn().await.map(|_| ()) });
            tokio::task::yield_now().await;
            waiting.abort();
            let _ = waiting.await;
            // Its place in line is free again.
            let g = Arc::clone(&gate);
            let next = tokio::spawn(async move { g.turn().await.map(|_| ()) });
            tokio::task::yield_now().await;
            drop(held);
            assert!(next.await.unwrap().is_ok());
        });
    }
}
