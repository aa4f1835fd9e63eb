//! Collapsing syndicated copies: a group-by on the copy cluster each article was given at
//! index time (`index::clusters`). Every match is collected into its cluster
//! (`Ranking::grouped`); the best-ranked member represents the cluster, the others are
//! its copies, and a page counts clusters: exact totals and pages at any depth, with no
//! window of hits to grow.

use crate::search::ranking::{key_order, Ranked, SortKey};

/// A collapsed group: the best hit's key and address, then its copies, best first.
pub type Group = (SortKey, tantivy::DocAddress, Vec<tantivy::DocAddress>);

/// The groups `offset..offset + limit` of `groups` (each a cluster's members, best first)
/// ranked by their best member, and whether groups follow the page.
pub fn page(mut groups: Vec<Vec<Ranked>>, offset: usize, limit: usize) -> (Vec<Group>, bool) {
    groups.retain(|g| !g.is_empty());
    let total = groups.len();
    let best = |g: &Vec<Ranked>| g[0].0;
    let end = offset.saturating_add(limit).min(total);
    if limit == 0 {
        return (Vec::new(), total > 0);
    }
    if offset >= total {
        return (Vec::new(), false);
    }
    // Only the groups up to the page's end need ordering.
    if end < total {
        groups.select_nth_unstable_by(end, |a, b| key_order(&best(b), &best(a)));
        groups.truncate(end);
    }
    groups.sort_by(|a, b| key_order(&best(b), &best(a)));
    let page = groups
        .into_iter()
        .skip(offset)
        .map(|g| {
            let (key, addr) = g[0];
            (key, addr, g[1..].iter().map(|(_, a)| *a).collect())
        })
        .collect();
    (page, total > end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::DocAddress;

    fn member(score: f64, doc: u32) -> Ranked {
        (
            (score, 0.0, u64::MAX - u64::from(doc)),
            DocAddress::new(0, doc),
        )
    }

    #[test]
    fn groups_rank_by_their_best_member_and_page_at_any_depth() {
        // 10 clusters; cluster k has k + 1 members, its best scoring 10 - k.
        let groups: Vec<Vec<Ranked>> = (0..10)
            .map(|k| {
                (0..=k)
                    .map(|m| member(10.0 - k as f64 - m as f64 / 100.0, (k * 10 + m) as u32))
                    .collect()
            })
            .collect();
        let (first, more) = page(groups.clone(), 0, 3);
        assert!(more);
        let docs: Vec<u32> = first.iter().map(|g| g.1.doc_id).collect();
        assert_eq!(docs, [0, 10, 20]);
        assert_eq!(first[2].2.len(), 2, "the third cluster has two copies");
        let (deep, more) = page(groups.clone(), 8, 5);
        assert!(!more);
        assert_eq!(
            deep.iter().map(|g| g.1.doc_id).collect::<Vec<_>>(),
            [80, 90]
        );
        let (past, more) = page(groups.clone(), 20, 5);
        assert!(past.is_empty() && !more);
        let (none, more) = page(groups, 0, 0);
        assert!(none.is_empty() && more);
    }
}
