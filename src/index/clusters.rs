//! Copy clusters, assigned at index time. Every article gets the cluster of an indexed
//! article whose body fingerprint is near its own (`dedup::near`), else a cluster of its
//! own named by its id; search collapses on that field as a group-by.
//!
//! Lookups use multi-index hashing on the low half of the fingerprint: its 64 bits are
//! cut into five parts of 13 (the last 12) bits, each indexed in a table of 8,192
//! buckets. Two low halves within `dedup::near_bits()` (at most 14) bits of each other
//! differ in at most two bits in one of the parts (pigeonhole), so probing, for each part,
//! the buckets of the values within two bits of it (92 per part) finds every candidate;
//! each is then checked with `dedup::near` on the whole fingerprint (the low half kept in
//! the bucket, the high half in its entry). A run loads the fingerprints and clusters of
//! the index's articles once, then adds each article it indexes and forgets the articles
//! of files it deletes or re-reads, so that the cluster an article joins is committed
//! with it.

use std::collections::HashMap;

use tantivy::columnar::Column;

use crate::dedup::Fingerprint;
use crate::index::schema::fast;

/// The fingerprints and clusters of the articles indexed, by fingerprint part.
#[derive(Default)]
pub struct Clusters {
    /// Per article: cluster, high half of the fingerprint, still in the index.
    entries: Vec<Entry>,
    /// Per part: 8,192 buckets of (low half of the fingerprint, index into `entries`),
    /// allocated on first use.
    parts: Vec<Vec<Vec<(u64, u32)>>>,
    paths: HashMap<String, u32>,
    /// Per file (by index into `paths`): its entries.
    by_path: Vec<Vec<u32>>,
}

struct Entry {
    cluster: u64,
    hi: u64,
    alive: bool,
}

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
            let lows: Column<u64> = ff.u64(fast::FINGERPRINT)?;
            let highs: Column<u64> = ff.u64(fast::FINGERPRINT_HI)?;
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
                let (Some(lo), Some(hi), Some(cluster)) =
                    (lows.first(doc), highs.first(doc), clusters.first(doc))
                else {
                    continue;
                };
                let path = paths
                    .term_ords(doc)
                    .next()
                    .and_then(|ord| names.get(ord as usize))
                    .map_or("", String::as_str);
                c.add(path, Fingerprint { lo, hi }, cluster);
            }
        }
        Ok(c)
    }

    /// The cluster an article with fingerprint `fp` and id `id` joins: the smallest cluster
    /// among the live articles near it, else its own.
    pub fn assign(&self, fp: Fingerprint, id: u64) -> u64 {
        // Bodies without words form no clusters.
        if fp.is_none() {
            return id;
        }
        let mut best: Option<u64> = None;
        for (i, table) in self.parts.iter().enumerate() {
            if table.is_empty() {
                continue;
            }
            let p = part(fp.lo, i);
            for &mask in probe_masks() {
                for &(lo, e) in &table[usize::from(p ^ mask)] {
                    let e = &self.entries[e as usize];
                    if !e.alive || !crate::dedup::near(Fingerprint { lo, hi: e.hi }, fp) {
                        continue;
                    }
                    if best.is_none_or(|b| e.cluster < b) {
                        best = Some(e.cluster);
                    }
                }
            }
        }
        best.unwrap_or(id)
    }

    /// Records an article of file `path`.
    pub fn add(&mut self, path: &str, fp: Fingerprint, cluster: u64) {
        if fp.is_none() {
            return;
        }
        let e = self.entries.len() as u32;
        self.entries.push(Entry {
            cluster,
            hi: fp.hi,
            alive: true,
        });
        for (i, table) in self.parts.iter_mut().enumerate() {
            if table.is_empty() {
                table.resize(1 << PART_BITS, Vec::new());
            }
            table[usize::from(part(fp.lo, i))].push((fp.lo, e));
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

    /// A fingerprint whose high half is a fixed scramble of its low half, and one with
    /// both halves changed by the same bits.
    fn fp(lo: u64) -> Fingerprint {
        Fingerprint {
            lo,
            hi: lo.rotate_left(29) ^ 0x5555_aaaa_3333_cccc,
        }
    }

    fn flipped(a: Fingerprint, lo_bits: u64, hi_bits: u64) -> Fingerprint {
        Fingerprint {
            lo: a.lo ^ lo_bits,
            hi: a.hi ^ hi_bits,
        }
    }

    #[test]
    fn near_copies_join_the_first_cluster_and_far_ones_start_their_own() {
        let mut c = Clusters::new();
        let a = fp(0x0123_4567_89ab_cdef);
        c.add("a.txt", a, 10);
        // Three bits away in each half: a copy.
        let copy = flipped(a, 0b1011, 0b1101);
        assert_eq!(c.assign(copy, 20), 10);
        c.add("b.txt", copy, 10);
        // Far away: its own.
        assert_eq!(c.assign(flipped(a, !0, !0), 30), 30);
        // Near in the low half only: its own.
        assert_eq!(c.assign(flipped(a, 0b1, !0), 35), 35);
        // No body, no cluster.
        assert_eq!(c.assign(Fingerprint::NONE, 40), 40);
    }

    #[test]
    fn forgotten_files_are_joined_no_more() {
        let mut c = Clusters::new();
        let a = fp(0x0f0f_0f0f_1234_5678);
        c.add("a.txt", a, 10);
        c.forget("a.txt");
        assert_eq!(c.assign(flipped(a, 1, 0), 20), 20);
        // Re-added under the same path, it is joined again.
        c.add("a.txt", a, 10);
        assert_eq!(c.assign(flipped(a, 1, 0), 20), 10);
    }

    #[test]
    fn a_copy_is_found_whichever_bits_differ() {
        // near_bits() bits in a row of the low half, at every place, and spread one per
        // part and more; the high half as close as near_total_bits() allows.
        let mut c = Clusters::new();
        let a = fp(0xdead_beef_cafe_f00d);
        c.add("a.txt", a, 7);
        let near = crate::dedup::near_bits();
        let rest = crate::dedup::near_total_bits() - near;
        let hi_bits = (1u64 << rest) - 1;
        // The differing bits spread over every band still leave one band equal.
        for shift in 0..(64 - near) {
            let mask = ((1u64 << near) - 1) << shift;
            assert_eq!(
                c.assign(flipped(a, mask, hi_bits), 99),
                7,
                "mask {mask:064b}"
            );
        }
        // Bits spread over every part, three in the last three (12 in all): no part is
        // equal, one is within reach.
        let spread: u64 = 0b11 | 0b11 << 13 | 0b111 << 26 | 0b111 << 39 | 0b10101 << 52;
        assert_eq!(spread.count_ones(), 13);
        let spread = spread & !(1 << 56);
        assert_eq!(spread.count_ones(), 12);
        assert_eq!(c.assign(flipped(a, spread, 0), 99), 7);
        // One bit more than near_bits() in the low half: not a copy.
        let far = ((1u64 << near) - 1) << 3 | 1 << 63;
        assert_eq!(far.count_ones(), near + 1);
        assert_eq!(c.assign(flipped(a, far, 0), 99), 99);
        // One bit more than near_total_bits() in all: not a copy.
        assert_eq!(c.assign(flipped(a, 1, (1u64 << rest) - 1), 99), 7);
        assert_eq!(c.assign(flipped(a, 1, (1u64 << rest << 1) - 1), 99), 7);
        assert_eq!(
            c.assign(flipped(a, (1u64 << near) - 1, (1u64 << rest << 1) - 1), 99),
            99
        );
    }
}
