//! Copy clusters, assigned at index time. Every article gets the cluster of an indexed
//! article whose body fingerprint is near its own (`dedup::near`), else a cluster of its
//! own named by its id; search collapses on that field as a group-by.
//!
//! Lookups go through bands of the fingerprint: two near fingerprints differ in at most
//! `dedup::near_bits()` bits, so of that many plus one bands at least one is equal
//! (pigeonhole), and an article is compared only with the articles that share a band
//! with it. A run loads the fingerprints and clusters of the index's articles once, then
//! adds each article it indexes and forgets the articles of files it deletes or re-reads,
//! so that the cluster an article joins is committed with it.

use std::collections::HashMap;

use tantivy::columnar::Column;

use crate::index::schema::fast;

/// The fingerprints and clusters of the articles indexed, by band.
#[derive(Default)]
pub struct Clusters {
    /// Per article: fingerprint, cluster, file (an index into `paths`), still in the index.
    entries: Vec<Entry>,
    /// Per band: band value -> indexes into `entries`.
    bands: Vec<HashMap<u64, Vec<u32>>>,
    paths: HashMap<String, u32>,
    /// Per file (by index into `paths`): its entries.
    by_path: Vec<Vec<u32>>,
}

struct Entry {
    fingerprint: u64,
    cluster: u64,
    alive: bool,
}

/// Fingerprints of bodies too short to compare (an empty body hashes to 0) form no
/// clusters.
const NO_FINGERPRINT: u64 = 0;

impl Clusters {
    pub fn new() -> Self {
        let band_count = crate::dedup::near_bits() as usize + 1;
        Clusters {
            bands: vec![HashMap::new(); band_count],
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

    fn band_values(&self, fp: u64) -> impl Iterator<Item = (usize, u64)> {
        let count = self.bands.len() as u32;
        let bits = 64_u32.div_ceil(count);
        (0..count).map(move |i| {
            let shift = i * bits;
            let width = bits.min(64 - shift);
            let mask = if width == 64 {
                u64::MAX
            } else {
                (1u64 << width) - 1
            };
            (i as usize, (fp >> shift) & mask)
        })
    }

    /// The cluster an article with fingerprint `fp` and id `id` joins: the smallest cluster
    /// among the live articles near it, else its own.
    pub fn assign(&self, fp: u64, id: u64) -> u64 {
        if fp == NO_FINGERPRINT {
            return id;
        }
        self.band_values(fp)
            .filter_map(|(b, v)| self.bands[b].get(&v))
            .flatten()
            .map(|&e| &self.entries[e as usize])
            .filter(|e| e.alive && crate::dedup::near(e.fingerprint, fp))
            .map(|e| e.cluster)
            .min()
            .unwrap_or(id)
    }

    /// Records an article of file `path`.
    pub fn add(&mut self, path: &str, fp: u64, cluster: u64) {
        if fp == NO_FINGERPRINT {
            return;
        }
        let e = self.entries.len() as u32;
        self.entries.push(Entry {
            fingerprint: fp,
            cluster,
            alive: true,
        });
        let bands: Vec<(usize, u64)> = self.band_values(fp).collect();
        for (b, v) in bands {
            self.bands[b].entry(v).or_default().push(e);
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
        let mut c = Clusters::new();
        let a = 0xdead_beef_cafe_f00d_u64;
        c.add("a.txt", a, 7);
        let near = crate::dedup::near_bits();
        // The differing bits spread over every band still leave one band equal.
        for shift in 0..(64 - near) {
            let mask = ((1u64 << near) - 1) << shift;
            assert_eq!(c.assign(a ^ mask, 99), 7, "mask {mask:064b}");
        }
    }
}
