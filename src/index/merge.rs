//! Which segments an indexing run merges, bounded so that memory stays within the budget.
//!
//! A merge reads its input segments through memory maps, and every page it touches counts
//! as the process's resident memory until the merge ends. tantivy's default policy merges
//! ever larger segments (up to ten million documents), so late in a big first run a merge
//! maps gigabytes, several times the process's own memory (BENCHMARKS.md has the
//! figures). This policy merges only groups of small segments
//! whose documents add up to at most `max_merged_docs`, smallest first, eight or more at a
//! time; bigger segments are left as they are. A search over a dozen segments costs little
//! more than over one.

use tantivy::index::SegmentMeta;
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// Segments merged at once, at least (as tantivy's `LogMergePolicy`).
const MIN_SEGMENTS: usize = 8;

/// Index bytes per article assumed when turning a memory budget into a merge size: about
/// what the benchmark corpus takes (BENCHMARKS.md).
const BYTES_PER_ARTICLE: usize = 2_500;

#[derive(Debug, Clone)]
pub struct BoundedMergePolicy {
    max_merged_docs: u64,
}

impl BoundedMergePolicy {
    /// Merges that map at most about `budget_bytes` of index.
    pub fn for_budget(budget_bytes: usize) -> Self {
        BoundedMergePolicy {
            max_merged_docs: (budget_bytes / BYTES_PER_ARTICLE).max(10_000) as u64,
        }
    }
}

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let mut small: Vec<&SegmentMeta> = segments
            .iter()
            .filter(|s| u64::from(s.num_docs()) * 2 <= self.max_merged_docs)
            .collect();
        small.sort_by_key(|s| (s.num_docs(), s.id()));
        let mut out = Vec::new();
        let mut group = Vec::new();
        let mut docs = 0u64;
        for s in small {
            let n = u64::from(s.num_docs());
            if docs + n > self.max_merged_docs {
                if group.len() >= MIN_SEGMENTS {
                    out.push(MergeCandidate(std::mem::take(&mut group)));
                }
                group.clear();
                docs = 0;
            }
            group.push(s.id());
            docs += n;
        }
        if group.len() >= MIN_SEGMENTS {
            out.push(MergeCandidate(group));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use tantivy::index::SegmentId;
    use tantivy::Index;

    use super::*;

    fn metas(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = Index::create_in_ram(tantivy::schema::Schema::builder().build());
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    fn merged_sizes(policy: &BoundedMergePolicy, segs: &[SegmentMeta]) -> Vec<u64> {
        policy
            .compute_merge_candidates(segs)
            .iter()
            .map(|c| {
                c.0.iter()
                    .map(|id| u64::from(segs.iter().find(|s| s.id() == *id).unwrap().num_docs()))
                    .sum()
            })
            .collect()
    }

    #[test]
    fn merges_groups_of_small_segments_within_the_bound() {
        let policy = BoundedMergePolicy {
            max_merged_docs: 100_000,
        };
        // Twenty-five commits of 10k articles: two merges of ten (up to the bound), five
        // left for later.
        let segs = metas(&[10_000; 25]);
        assert_eq!(merged_sizes(&policy, &segs), vec![100_000, 100_000]);
        // Fewer than eight small segments: nothing to do.
        assert!(merged_sizes(&policy, &metas(&[10_000; 7])).is_empty());
        // Segments over half the bound are never inputs; the rest stay within it.
        let mut sizes = vec![80_000, 60_000, 50_001];
        sizes.extend([12_000; 12]);
        for total in merged_sizes(&policy, &metas(&sizes)) {
            assert!(total <= 100_000, "{total}");
        }
    }

    #[test]
    fn budget_sets_the_bound() {
        assert_eq!(
            BoundedMergePolicy::for_budget(256_000_000).max_merged_docs,
            102_400
        );
        assert_eq!(BoundedMergePolicy::for_budget(1).max_merged_docs, 10_000);
    }
}
