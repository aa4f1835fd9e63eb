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

/// What identifies a commit of the index: `meta.json`'s modification time and size.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(dir: &Path) -> Stamp {
    let m = std::fs::metadata(dir.join("meta.json")).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Decompressed doc store blocks kept per segment: a server answers the same popular
/// stories again and again (64 KiB blocks, so 6.4 MB per segment at most).
const DOC_CACHE_BLOCKS: usize = 100;

fn open(dir: &Path) -> Result<Searcher> {
    Searcher::new(OpenIndex::open(dir)?.with_doc_cache(DOC_CACHE_BLOCKS))
}

struct Loaded {
    searcher: Arc<Searcher>,
    stamp: Stamp,
}

pub struct Engine {
    dir: PathBuf,
    current: RwLock<Loaded>,
    /// Held by the one request that reopens the index.
    reopening: Mutex<()>,
    permits: Arc<Semaphore>,
    /// Requests waiting for a worker.
    waiting: AtomicUsize,
    max_waiting: usize,
}

impl Engine {
    /// Opens the index at `dir` (an error here stops the server before it listens).
    pub fn open(dir: &Path, workers: usize, max_waiting: usize) -> Result<Self> {
        let stamp = stamp(dir);
        let searcher = Arc::new(open(dir)?);
        Ok(Engine {
            dir: dir.to_path_buf(),
            current: RwLock::new(Loaded { searcher, stamp }),
            reopening: Mutex::new(()),
            permits: Arc::new(Semaphore::new(workers.max(1))),
            waiting: AtomicUsize::new(0),
            max_waiting,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The searcher over the index as last committed.
    fn searcher(&self) -> Result<Arc<Searcher>> {
        let now = stamp(&self.dir);
        {
            let cur = self.current.read().unwrap_or_else(|p| p.into_inner());
            if cur.stamp == now {
                return Ok(cur.searcher.clone());
            }
        }
        let _one = self.reopening.lock().unwrap_or_else(|p| p.into_inner());
        {
            let cur = self.current.read().unwrap_or_else(|p| p.into_inner());
            if cur.stamp == now {
                return Ok(cur.searcher.clone());
            }
        }
        let searcher = Arc::new(open(&self.dir)?);
        let mut cur = self.current.write().unwrap_or_else(|p| p.into_inner());
        *cur = Loaded {
            searcher: searcher.clone(),
            stamp: now,
        };
        Ok(searcher)
    }

    /// Runs `f` on a blocking thread with the current searcher, when a worker is free.
    /// Engine errors become API errors; a panic inside `f` becomes a 500.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> std::result::Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Searcher) -> std::result::Result<T, ApiError> + Send + 'static,
    {
        let _permit = self.turn().await?;
        let engine = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let searcher = engine.searcher().map_err(|e| ApiError::from_engine(&e))?;
            f(&searcher)
        })
        .await
        .map_err(|e| ApiError::internal(format!("internal error: {e}")))?
    }

    /// Like `run`, for work that outlives the response head (an export streaming its
    /// body): the permit goes to `f`'s thread and is released when `f` returns.
    pub async fn spawn<F>(self: &Arc<Self>, f: F) -> std::result::Result<(), ApiError>
    where
        F: FnOnce(&Searcher) + Send + 'static,
    {
        let permit = self.turn().await?;
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

    /// A worker's permit, waiting in line if there is room in it.
    async fn turn(&self) -> std::result::Result<OwnedSemaphorePermit, ApiError> {
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
