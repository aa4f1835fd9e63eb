//! The bound on articles read but not yet indexed, so that an indexing run's memory does
//! not depend on the size of the files it reads.

use std::sync::{Condvar, Mutex, PoisonError};

use crate::article::Article;

/// Bytes of read articles that may wait for the writer: a quarter of the memory budget,
/// at least 16 MB (see `InFlight`).
pub(super) fn in_flight_limit(budget: usize) -> usize {
    (budget / 4).max(16_000_000)
}

/// Memory an article holds until the writer has taken it: its text plus a fixed allowance
/// for the struct, the path and the small fields.
pub(super) fn article_bytes(a: &Article) -> usize {
    let f = &a.fields;
    f.body.len()
        + f.title.as_ref().map_or(0, String::len)
        + f.byline.as_ref().map_or(0, String::len)
        + f.authors.iter().map(String::len).sum::<usize>()
        + f.source_id.as_ref().map_or(0, String::len)
        + a.path.len()
        + 256
}

/// Bounds the bytes of articles that workers have read but the writer has not yet added,
/// so that memory does not depend on file sizes: a queue of a few files is nothing for
/// text files and gigabytes for 60 MB JSON Lines dumps. A worker waits before handing
/// over a file that would take the total past the limit, unless nothing else is waiting
/// (a file bigger than the limit goes through alone).
pub(super) struct InFlight {
    limit: usize,
    /// Bytes waiting, and whether the writer has stopped (then nobody waits any more).
    state: Mutex<(usize, bool)>,
    freed: Condvar,
}

impl InFlight {
    pub(super) fn new(limit: usize) -> Self {
        InFlight {
            limit,
            state: Mutex::new((0, false)),
            freed: Condvar::new(),
        }
    }

    pub(super) fn acquire(&self, bytes: usize) {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !st.1 && st.0 > 0 && st.0.saturating_add(bytes) > self.limit {
            st = self.freed.wait(st).unwrap_or_else(PoisonError::into_inner);
        }
        st.0 = st.0.saturating_add(bytes);
    }

    pub(super) fn release(&self, bytes: usize) {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        st.0 = st.0.saturating_sub(bytes);
        self.freed.notify_all();
    }

    pub(super) fn close(&self) {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        st.1 = true;
        self.freed.notify_all();
    }
}

/// Closes the gate when the writer's loop ends, however it ends.
pub(super) struct CloseOnDrop<'a>(pub(super) &'a InFlight);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::{CloseOnDrop, InFlight};

    /// Bytes handed over by threads that each acquire `sizes[i]` and hold it until
    /// released; returns the most that was ever held at once.
    fn most_held(limit: usize, sizes: &[usize]) -> usize {
        let gate = InFlight::new(limit);
        let held = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for &n in sizes {
                let (gate, held, most) = (&gate, &held, &most);
                s.spawn(move || {
                    gate.acquire(n);
                    let now = held.fetch_add(n, Ordering::SeqCst) + n;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    held.fetch_sub(n, Ordering::SeqCst);
                    gate.release(n);
                });
            }
        });
        most.load(Ordering::SeqCst)
    }

    #[test]
    fn in_flight_bytes_stay_within_the_limit() {
        // Eight files of 30 bytes under a limit of 100: at most three at once.
        let most = most_held(100, &[30; 8]);
        assert!((30..=100).contains(&most), "{most}");
        // A file bigger than the limit goes through, alone.
        assert_eq!(most_held(100, &[250, 250, 250]), 250);
        // Small ones all fit: five acquired without a release, none waits.
        let gate = InFlight::new(1000);
        (0..5).for_each(|_| gate.acquire(10));
        assert_eq!(gate.state.lock().unwrap().0, 50);
    }

    #[test]
    fn closing_the_gate_frees_waiting_workers() {
        let gate = InFlight::new(10);
        gate.acquire(10);
        std::thread::scope(|s| {
            let waiter = s.spawn(|| gate.acquire(5));
            std::thread::sleep(Duration::from_millis(20));
            assert!(!waiter.is_finished(), "should wait for room");
            drop(CloseOnDrop(&gate));
            waiter.join().unwrap();
        });
    }
}
