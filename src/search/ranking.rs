//! Ranking: the total order of hits (sort keys with date and id tie-breaks), the
//! `--fresh` recency factor, and the collector that ranks a query's matches, skipping the
//! tie-break reads of documents that cannot reach the page (`TopScores`).

use std::cell::RefCell;

use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, DocId, Score, SegmentReader};

use crate::index::schema::fast;
use crate::search::request::Sort;

/// A hit's sort key, largest first: the primary order, then score or date, then id.
pub type SortKey = (f64, f64, u64);

/// A ranked hit's sort key and address.
pub type Ranked = (SortKey, DocAddress);

/// How a query's matches are ranked.
#[derive(Debug, Clone, Copy)]
pub struct Ranking {
    pub sort: Sort,
    /// With `--fresh`: the newest date in the index (seconds) and the half-life.
    pub fresh: Option<(f64, f64)>,
}

impl Ranking {
    /// The ranking for `sort`, blended with recency of this half-life (seconds) if any.
    pub fn new(searcher: &tantivy::Searcher, sort: Sort, half_life: Option<f64>) -> Self {
        Ranking {
            sort,
            fresh: half_life.map(|half_life| (latest_date(searcher), half_life.max(1.0))),
        }
    }

    /// The count of all matches of `query` and its `fetch` best after the first `skip`.
    pub fn top(
        self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        fetch: usize,
        skip: usize,
    ) -> tantivy::Result<(usize, Vec<Ranked>)> {
        let ranking = self;
        let Ranking { sort, fresh } = self;
        // By relevance, a document that scores below `fetch + skip` others of its segment
        // cannot be on the page, so its date and id (the tie-breaks) are not read.
        let cutoff = (sort == Sort::Relevance && fresh.is_none()).then_some(fetch + skip);
        let top =
            TopDocs::with_limit(fetch)
                .and_offset(skip)
                .tweak_score(move |seg: &SegmentReader| {
                    let dates = seg.fast_fields().date(fast::DATE).ok();
                    let ids = seg.fast_fields().u64(fast::ID).ok();
                    let best = RefCell::new(cutoff.map(TopScores::new));
                    move |doc: DocId, score: Score| {
                        if let Some(best) = best.borrow_mut().as_mut() {
                            if !best.admit(score) {
                                return sort_key(sort, score, None, 0);
                            }
                        }
                        let date = dates
                            .as_ref()
                            .and_then(|c| c.first(doc))
                            .map(|d| d.into_timestamp_secs() as f64);
                        let id = ids.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                        ranking.key(score, date, id)
                    }
                });
        searcher.search(query, &(Count, top))
    }

    /// The score a hit with this key shows.
    pub fn score_of(self, key: SortKey) -> Score {
        match self.sort {
            Sort::Relevance => key.0 as Score,
            Sort::Newest | Sort::Oldest => key.1 as Score,
        }
    }
}

impl Ranking {
    /// Every match of `query` grouped by copy cluster: the count of all matches, and per
    /// cluster its members with their sort keys, best first. The groups come unordered.
    pub fn grouped(
        self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
    ) -> tantivy::Result<(usize, Vec<Vec<Ranked>>)> {
        let groups = searcher.search(query, &GroupBy { ranking: self })?;
        let total = groups.values().map(Vec::len).sum();
        let mut out: Vec<Vec<Ranked>> = groups.into_values().collect();
        for g in &mut out {
            g.sort_by(|a, b| key_order(&b.0, &a.0));
        }
        Ok((total, out))
    }

    /// The sort key of a match from its score and its document's date and id.
    fn key(self, score: Score, date: Option<f64>, id: u64) -> SortKey {
        let score = match self.fresh {
            Some((anchor, half_life)) => score * recency(date, anchor, half_life),
            None => score,
        };
        sort_key(self.sort, score, date, id)
    }
}

/// The total order of sort keys (largest is best).
pub fn key_order(a: &SortKey, b: &SortKey) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0)
        .then(a.1.total_cmp(&b.1))
        .then(a.2.cmp(&b.2))
}

/// Collects every match with its sort key, by the copy cluster of its document (its own
/// id when it has none).
struct GroupBy {
    ranking: Ranking,
}

struct GroupBySegment {
    ranking: Ranking,
    segment: u32,
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    ids: Option<tantivy::columnar::Column<u64>>,
    clusters: Option<tantivy::columnar::Column<u64>>,
    groups: HashMap<u64, Vec<Ranked>>,
}

impl Collector for GroupBy {
    type Fruit = HashMap<u64, Vec<Ranked>>;
    type Child = GroupBySegment;

    fn for_segment(
        &self,
        segment: tantivy::SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<GroupBySegment> {
        let ff = reader.fast_fields();
        Ok(GroupBySegment {
            ranking: self.ranking,
            segment,
            dates: ff.date(fast::DATE).ok(),
            ids: ff.u64(fast::ID).ok(),
            clusters: ff.u64(fast::CLUSTER).ok(),
            groups: HashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all = HashMap::default();
        for fruit in fruits {
            for (cluster, mut members) in fruit {
                all.entry(cluster)
                    .or_insert_with(Vec::new)
                    .append(&mut members);
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for GroupBySegment {
    type Fruit = HashMap<u64, Vec<Ranked>>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let date = self
            .dates
            .as_ref()
            .and_then(|c| c.first(doc))
            .map(|d| d.into_timestamp_secs() as f64);
        let id = self.ids.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let cluster = self
            .clusters
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(id);
        let key = self.ranking.key(score, date, id);
        self.groups
            .entry(cluster)
            .or_default()
            .push((key, DocAddress::new(self.segment, doc)));
    }

    fn harvest(self) -> Self::Fruit {
        self.groups
    }
}

/// The recency factor of `--fresh`: from 1 for the newest article down to 0.5 for very
/// old ones (and undated ones), halving the gap every `half_life` seconds of age. Age is
/// measured from the newest article in the index, not from today, so that an archive of
/// 1987 stories still ranks its later stories first.
fn recency(date: Option<f64>, anchor: f64, half_life: f64) -> f32 {
    match date {
        Some(d) => {
            let age = (anchor - d).max(0.0);
            (0.5 + 0.5 * 0.5f64.powf(age / half_life)) as f32
        }
        None => 0.5,
    }
}

/// The newest article date in the index (seconds since the epoch), 0 when none.
fn latest_date(searcher: &tantivy::Searcher) -> f64 {
    searcher
        .segment_readers()
        .iter()
        .filter_map(|seg| seg.fast_fields().date(fast::DATE).ok())
        .filter(|c| c.num_docs() > 0)
        .map(|c| c.max_value().into_timestamp_secs() as f64)
        .fold(0.0, f64::max)
}

/// The `k` best scores seen so far (a min-heap), to tell which documents can no longer
/// be among the `k` best.
struct TopScores {
    k: usize,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<OrdScore>>,
}

impl TopScores {
    fn new(k: usize) -> Self {
        TopScores {
            k,
            heap: std::collections::BinaryHeap::with_capacity(k + 1),
        }
    }

    /// Records `score`; false when `k` scores already seen are strictly higher, so a
    /// document with this score ranks below at least `k` others whatever its tie-breaks.
    fn admit(&mut self, score: Score) -> bool {
        // tantivy compares a NaN key as equal to any other: it beats nothing and is never
        // turned away (a `^0` boost times an infinite one scores NaN).
        if score.is_nan() {
            return true;
        }
        if self.heap.len() >= self.k {
            match self.heap.peek() {
                Some(low) if score < low.0 .0 => return false,
                _ => {}
            }
        }
        self.heap.push(std::cmp::Reverse(OrdScore(score)));
        if self.heap.len() > self.k {
            self.heap.pop();
        }
        true
    }
}

/// A score with a total order (`f32::total_cmp`).
#[derive(Clone, Copy, PartialEq)]
struct OrdScore(Score);

impl Eq for OrdScore {}

impl PartialOrd for OrdScore {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdScore {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Sort key, largest first: the primary order, then score or date, then id (ascending).
/// Undated articles sort after dated ones in every order.
fn sort_key(sort: Sort, score: Score, date: Option<f64>, id: u64) -> SortKey {
    let tiebreak_id = u64::MAX - id;
    let score = f64::from(score);
    match sort {
        Sort::Relevance => (score, date.unwrap_or(f64::NEG_INFINITY), tiebreak_id),
        Sort::Newest => (date.unwrap_or(f64::NEG_INFINITY), score, tiebreak_id),
        Sort::Oldest => (date.map_or(f64::NEG_INFINITY, |d| -d), score, tiebreak_id),
    }
}

#[cfg(test)]
mod tests {
    use super::{Score, TopScores};

    #[test]
    fn top_scores_turn_away_only_what_k_others_beat() {
        let mut best = TopScores::new(3);
        // The first k always get in, whatever they score.
        assert!(best.admit(1.0));
        assert!(best.admit(5.0));
        assert!(best.admit(3.0));
        // Below all three: out. Equal to the lowest: in (its tie-breaks decide).
        assert!(!best.admit(0.5));
        assert!(best.admit(1.0));
        // Now the best three are 5, 3 and 1; a 4 gets in and raises the bar to 3.
        assert!(best.admit(4.0));
        assert!(!best.admit(2.0));
        assert!(best.admit(3.0));
        assert!(!best.admit(2.9));
        // A NaN is let through and does not raise the bar.
        assert!(best.admit(Score::NAN));
        assert!(best.admit(3.0));
        assert!(!best.admit(2.9));
    }
}
