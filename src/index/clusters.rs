//! Copy clusters, assigned at index time. Every article gets the cluster of an indexed
//! article whose body fingerprint is near its own (`dedup::near`), else a cluster of its
//! own named by its id; search collapses on that field as a group-by.
//!
//! Lookups use multi-index hashing: the 64-bit fingerprint is cut into five parts of 13
//! (the last 12) bits, each indexed in a table of 8,192 buckets. Two fingerprints within
//! `dedup::near_bits()` (at most 14) bits of each other differ in at most two bits in one
//! of the parts (pigeonhole), so probing, for each part, the buckets of the values within
//! two bits of it (92 per part) finds every near article; each article found is then
//! checked with `dedup::near` on the fingerprint kept beside it in the bucket. A run loads the fingerprints and clusters of the
//! index's articles once, then adds each article it indexes and forgets the articles of
//! files it deletes or re-reads, so that the cluster an article joins is committed with
//! it.

use std::collections::HashMap;

use tantivy::columnar::Column;

use crate::index::schema::fast;

/// The fingerprints and clusters of the articles indexed, by fingerprint part.
#[derive(Default)]
pub struct Clusters {
    /// Per article: cluster, still in the index (the fingerprint is in the buckets).
    entries: Vec<Entry>,
    /// Per part: 8,192 buckets of (fingerprint, index into `entries`), allocated on first
    /// use.
    parts: Vec<Vec<Vec<(u64, u32)>>>,
    paths: HashMap<String, u32>,
    /// Per file (by index into `paths`): its entries.
    by_path: Vec<Vec<u32>>,
}

struct Entry {
    cluster: u64,
    alive: bool,
}

/// Fingerprints of bodies too short to compare (an empty body hashes to 0) form no
/// clusters.
const NO_FINGERPRINT: u64 = 0;

/// The fingerprint's parts, of `PART_BITS` bits each (the last one shorter).
const PARTS: usize = 5;
const PART_BITS: u32 = 13;
/// Bits of a part that may differ in the part that is nearest.
const PART_RADIUS: u32 = 2;

/// Every `PART_BITS`-bit mask with at most `PART_RADIUS` bits set, computed once.
fn probe_masks() -> &'static [u16] {
    static MASKS: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    MASKS.get_or_init(|| {
        (0..1u16 << PART_BITS)
            .filter(|m| m.count_ones() <= PART_RADIUS)
            .collect()
    })
}

fn part(fp: u64, i: usize) -> u16 {
    ((fp >> (PART_BITS as usize * i)) & ((1 << PART_BITS) - 1)) as u16
}

impl Clusters {
    pub fn new() -> Self {
        // Exact as long as a near pair leaves one part within PART_RADIUS bits.
        debug_assert!(crate::dedup::near_bits() < PARTS as u32 * (PART_RADIUS + 1));
        debug_assert!(PARTS as u32 * PART_BITS >= 64);
        Clusters {
            parts: vec![Vec::new(); PARTS],
            ..Default::default()
        }
    }

    /// The clusters of every live article of `searcher`'s index.
    pub fn load(searcher: &tantivy::Searcher) -> tantivy::Result<Self> {
        let mut c = Clusters::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let fps: Column<u64> = ff.u64(fast::FINGERPRINT)?;
            let clusters: Column<u64> = ff.u64(fast::CLUSTER)?;
            let Some(paths) = ff.str(fast::PATH)? else {
                continue;
            };
            // All paths of the segment in one pass over the term dictionary (see
            // `state::load`).
            let mut names: Vec<String> = Vec::with_capacity(paths.num_terms());
            let mut stream = paths.dictionary().stream()?;
            while stream.advance() {
                names.push(String::from_utf8_lossy(stream.key()).into_owned());
            }
            for doc in seg.doc_ids_alive() {
                let (Some(fp), Some(cluster)) = (fps.first(doc), clusters.first(doc)) else {
                    continue;
                };
                let path = paths
                    .term_ords(doc)
                    .next()
                    .and_then(|ord| names.get(ord as usize))
                    .map_or("", String::as_str);
                c.add(path, fp, cluster);
            }
        }
        Ok(c)
    }

    /// The cluster an article with fingerprint `fp` and id `id` joins: the smallest cluster
    /// among the live articles near it, else its own.
    pub fn assign(&self, fp: u64, id: u64) -> u64 {
        if fp == NO_FINGERPRINT {
            return id;
        }
        let mut best: Option<u64> = None;
        for (i, table) in self.parts.iter().enumerate() {
            if table.is_empty() {
                continue;
            }
            let p = part(fp, i);
            for &mask in probe_masks() {
                for &(other, e) in &table[usize::from(p ^ mask)] {
                    if !crate::dedup::near(other, fp) {
                        continue;
                    }
                    let e = &self.entries[e as usize];
                    if e.alive && best.is_none_or(|b| e.cluster < b) {
                        best = Some(e.cluster);
                    }
                }
            }
        }
        best.unwrap_or(id)
    }

    /// Records an article of file `path`.
    pub fn add(&mut self, path: &str, fp: u64, cluster: u64) {
        if fp == NO_FINGERPRINT {
            return;
        }
        let e = self.entries.len() as u32;
        self.entries.push(Entry {
            cluster,
            alive: true,
        });
        for (i, table) in self.parts.iter_mut().enumerate() {
            if table.is_empty() {
                table.resize(1 << PART_BITS, Vec::new());
            }
            table[usize::from(part(fp, i))].push((fp, e));
        }
        let next = self.paths.len() as u32;
        let p = *self.paths.entry(path.to_string()).or_insert(next);
        if p as usize == self.by_path.len() {
            self.by_path.push(Vec::new());
        }
        self.by_path[p as usize].push(e);
    }

    /// Forgets the articles of file `path` (deleted, or about to be re-read).
    pub fn forget(&mut self, path: &str) {
        if let Some(&p) = self.paths.get(path) {
            for &e in &self.by_path[p as usize] {
                self.entries[e as usize].alive = false;
            }
            self.by_path[p as usize].clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_copies_join_the_first_cluster_and_far_ones_start_their_own() {
        let mut c = Clusters::new();
        let a = 0x0123_4567_89ab_cdef_u64;
        c.add("a.txt", a, 10);
        // Three bits away: a copy.
        let copy = a ^ 0b1011;
        assert_eq!(c.assign(copy, 20), 10);
        c.add("b.txt", copy, 10);
        // Far away: its own.
        assert_eq!(c.assign(!a, 30), 30);
        // No body, no cluster.
        assert_eq!(c.assign(NO_FINGERPRINT, 40), 40);
    }

    #[test]
    fn forgotten_files_are_joined_no_more() {
        let mut c = Clusters::new();
        let a = 0x0f0f_0f0f_1234_5678_u64;
        c.add("a.txt", a, 10);
        c.forget("a.txt");
        assert_eq!(c.assign(a ^ 1, 20), 20);
        // Re-added under the same path, it is joined again.
        c.add("a.txt", a, 10);
        assert_eq!(c.assign(a ^ 1, 20), 10);
    }

    #[test]
    fn a_copy_is_found_whichever_bits_differ() {
        // near_bits() bits in a row, at every place, and spread one per part and more.
        let mut c = Clusters::new();
        let a = 0xdead_beef_cafe_f00d_u64;
        c.add("a.txt", a, 7);
        let near = crate::dedup::near_bits();
        // The differing bits spread over every band still leave one band equal.
        for shift in 0..(64 - near) {
            let mask = ((1u64 << near) - 1) << shift;
            assert_eq!(c.assign(a ^ mask, 99), 7, "mask {mask:064b}");
        }
        // Bits spread over every part, three in the last three (12 in all): no part is
        // equal, one is within reach.
        let spread: u64 = 0b11 | 0b11 << 13 | 0b111 << 26 | 0b111 << 39 | 0b10101 << 52;
        assert_eq!(spread.count_ones(), 13);
        let spread = spread & !(1 << 56);
        assert_eq!(spread.count_ones(), 12);
        assert_eq!(c.assign(a ^ spread, 99), 7);
        // One bit more than near_bits(): not a copy.
        let far = spread | 1 << 63;
        assert_eq!(c.assign(a ^ far, 99), 99);
    }
}
