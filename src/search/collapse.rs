//! Collapsing syndicated copies: ranked hits whose body fingerprints are near (see
//! `dedup`) fold into one story, the best-ranked hit carrying the others as copies. A page
//! counts stories, so the window of hits read grows until it holds the page.

use std::collections::HashMap;

use crate::error::Result;
use crate::index::schema::fast;
use crate::search::ranking::{Ranked, SortKey};

/// A collapsed group: the best hit's key and address, then its copies.
pub type Group = (SortKey, tantivy::DocAddress, Vec<tantivy::DocAddress>);

/// How many times the requested page's depth is fetched to find copies to fold; also how
/// much the window grows when copies leave it short of a page.
const COLLAPSE_WINDOW_FACTOR: usize = 4;

/// The largest window a collapsed page grows to (unless the page itself is deeper). A
/// story with more copies than this among a query's hits may still shorten a page.
const COLLAPSE_FETCH_CEILING: usize = 100_000;

/// The stories `offset..offset + limit` of a ranking, with the count of all hits and
/// whether stories follow the page. `ranked(fetch)` returns the count of all hits and
/// the `fetch` best. Copies are looked for among the top `COLLAPSE_WINDOW_FACTOR` x
/// (offset + limit) hits first.
pub fn page(
    searcher: &tantivy::Searcher,
    offset: usize,
    limit: usize,
    mut ranked: impl FnMut(usize) -> Result<(usize, Vec<Ranked>)>,
) -> Result<(usize, Vec<Group>, bool)> {
    // When copies fold the window into fewer stories than the page needs (one more, to
    // know whether a next page exists), the window grows until it holds them, holds every
    // hit, or reaches its ceiling.
    let want = offset + limit;
    let mut fetch = (want * COLLAPSE_WINDOW_FACTOR).clamp(50, 5000).max(want);
    loop {
        let (total_hits, top_docs) = ranked(fetch)?;
        let fetched = top_docs.len();
        let all = if limit == 0 {
            Vec::new()
        } else {
            collapse(searcher, top_docs, want + 1)
        };
        let exhausted = fetched >= total_hits;
        if limit == 0 || all.len() > want || exhausted || fetch >= COLLAPSE_FETCH_CEILING {
            let more = if limit == 0 {
                total_hits > 0
            } else {
                all.len() > want || !exhausted
            };
            let page = all.into_iter().skip(offset).take(limit).collect();
            return Ok((total_hits, page, more));
        }
        // Grow by what is missing: stories per hit so far, with a margin.
        let per_story = fetch as f64 / all.len().max(1) as f64;
        let needed = ((want + 1) as f64 * per_story * 1.25).ceil() as usize;
        fetch = needed
            .max(fetch + 64)
            .min(fetch * COLLAPSE_WINDOW_FACTOR)
            .min(COLLAPSE_FETCH_CEILING.max(want));
    }
}

/// Groups ranked hits whose fingerprints are near: each group keeps the rank and key of
/// its best hit, followed by its copies. Only the first `stories` groups are formed (a
/// page needs no more); later hits still join them as copies.
fn collapse(searcher: &tantivy::Searcher, ranked: Vec<Ranked>, stories: usize) -> Vec<Group> {
    let columns: Vec<Option<tantivy::columnar::Column<u64>>> = searcher
        .segment_readers()
        .iter()
        .map(|seg| seg.fast_fields().u64(fast::FINGERPRINT).ok())
        .collect();
    let fingerprints = ranked.iter().map(|(_, a)| {
        columns
            .get(a.segment_ord as usize)
            .and_then(Option::as_ref)
            .and_then(|c| c.first(a.doc_id))
            .unwrap_or(0)
    });
    fold_near(fingerprints, stories)
        .into_iter()
        .map(|members| {
            let (key, addr) = ranked[members[0]];
            (
                key,
                addr,
                members[1..].iter().map(|&i| ranked[i].1).collect(),
            )
        })
        .collect()
}

/// The groups of near fingerprints, as indexes into `fingerprints`, in order: each hit
/// joins the earliest group it is near, or starts one while there are fewer than
/// `stories`.
///
/// Two near fingerprints differ in at most `dedup::near_bits()` bits, so of that many
/// plus one bands of bits at least one is equal (pigeonhole): a hit is compared only with
/// the groups that share a band with it, not with every group, which keeps deep pages
/// (`--offset 10000`) from being quadratic.
fn fold_near(fingerprints: impl Iterator<Item = u64>, stories: usize) -> Vec<Vec<usize>> {
    let band_count = crate::dedup::near_bits() + 1;
    let band_bits = 64_u32.div_ceil(band_count);
    let bands = |fp: u64| {
        (0..band_count).map(move |i| {
            let shift = i * band_bits;
            (i, (fp >> shift) & ((1u64 << band_bits.min(64 - shift)) - 1))
        })
    };
    let mut groups: Vec<(Vec<usize>, u64)> = Vec::new();
    let mut by_band: HashMap<(u32, u64), Vec<usize>> = HashMap::new();
    for (i, fp) in fingerprints.enumerate() {
        let joined = bands(fp)
            .filter_map(|band| by_band.get(&band))
            .flatten()
            .copied()
            .filter(|&g| crate::dedup::near(groups[g].1, fp))
            .min();
        match joined {
            Some(g) => groups[g].0.push(i),
            None if groups.len() < stories => {
                if fp != 0 {
                    for band in bands(fp) {
                        by_band.entry(band).or_default().push(groups.len());
                    }
                }
                groups.push((vec![i], fp));
            }
            None => {}
        }
    }
    groups.into_iter().map(|(g, _)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::fold_near;

    #[test]
    fn folding_by_bands_finds_what_a_scan_of_every_group_finds() {
        // Stories with copies that differ in up to 14 bits (some within near_bits(), some
        // not), in a random ranking, and some fingerprints of 0 (no body).
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let bases: Vec<u64> = (0..40).map(|_| next()).collect();
        let mut fps = Vec::new();
        for _ in 0..2000 {
            let mut fp = bases[(next() % 40) as usize];
            for _ in 0..next() % 15 {
                fp ^= 1 << (next() % 64);
            }
            fps.push(if next() % 50 == 0 { 0 } else { fp });
        }
        let scan = |stories: usize| {
            let mut groups: Vec<(Vec<usize>, u64)> = Vec::new();
            for (i, &fp) in fps.iter().enumerate() {
                let n = groups.len();
                match groups.iter_mut().find(|g| crate::dedup::near(g.1, fp)) {
                    Some(g) => g.0.push(i),
                    None if n < stories => groups.push((vec![i], fp)),
                    None => {}
                }
            }
            groups.into_iter().map(|(g, _)| g).collect::<Vec<_>>()
        };
        for stories in [1, 7, 100, usize::MAX] {
            assert_eq!(
                fold_near(fps.iter().copied(), stories),
                scan(stories),
                "stories {stories}"
            );
        }
        let all = fold_near(fps.iter().copied(), usize::MAX);
        assert!(
            all.iter().any(|g| g.len() > 1) && all.len() > 40,
            "{}",
            all.len()
        );
    }
}
