//! Looking articles up rather than searching them: an article by id, the id a typed hex
//! prefix names, and the index statistics `newsdex stats` reports.

use tantivy::collector::{Count, TopDocs};
use tantivy::{DocId, SegmentReader, Term};

use crate::article::{Article, ArticleDate, DatePrecision, DocId as ArticleId};
use crate::error::{Error, Result};
use crate::index::schema::fast;
use crate::index::OpenIndex;

/// The id of the one article whose id is `typed` (hex digits, any case) or starts with it,
/// as git takes a commit's prefix: ids are 16 hex digits, too many to type. A prefix is a
/// range of ids, one range query on the indexed id field. Errors name what was typed.
pub fn resolve_id(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    typed: &str,
) -> Result<ArticleId> {
    let digits = typed.trim();
    let (lo, hi) = id_range(digits).ok_or_else(|| Error::BadId {
        id: typed.to_string(),
    })?;
    let f = &index.schema.fields;
    let range = tantivy::query::RangeQuery::new(
        std::ops::Bound::Included(Term::from_field_u64(f.id, lo)),
        std::ops::Bound::Included(Term::from_field_u64(f.id, hi)),
    );
    let (count, top) = searcher
        .search(&range, &(Count, TopDocs::with_limit(3).order_by_score()))
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    let mut ids: Vec<u64> = top
        .into_iter()
        .filter_map(|(_, addr)| {
            let seg = searcher.segment_reader(addr.segment_ord);
            seg.fast_fields().u64(fast::ID).ok()?.first(addr.doc_id)
        })
        .collect();
    ids.sort_unstable();
    match (count, ids.first()) {
        (1, Some(&id)) => Ok(ArticleId(id)),
        (0, _) | (_, None) if digits.len() == 16 => Err(Error::NotFound {
            id: digits.to_string(),
        }),
        (0, _) | (_, None) => Err(Error::NoIdPrefix {
            prefix: digits.to_string(),
        }),
        _ => Err(Error::AmbiguousId {
            prefix: digits.to_string(),
            count,
            examples: ids.into_iter().map(|i| ArticleId(i).to_string()).collect(),
        }),
    }
}

/// The ids (inclusive) that start with the hex digits `prefix`: 1 to 16 of them.
fn id_range(prefix: &str) -> Option<(u64, u64)> {
    if prefix.is_empty() || prefix.len() > 16 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = u64::from_str_radix(prefix, 16).ok()?;
    let free_bits = 4 * (16 - prefix.len() as u32);
    if free_bits == 0 {
        return Some((value, value));
    }
    let lo = value << free_bits;
    Some((lo, lo | ((1u64 << free_bits) - 1)))
}

/// The article whose id is `id`.
pub fn article(index: &OpenIndex, searcher: &tantivy::Searcher, id: ArticleId) -> Result<Article> {
    index.article_at(searcher, address(index, searcher, id)?)
}

/// Where article `id` is in the index.
fn address(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    id: ArticleId,
) -> Result<tantivy::DocAddress> {
    let term = Term::from_field_u64(index.schema.fields.id, id.0);
    let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    match top.into_iter().next() {
        Some((_, addr)) => Ok(addr),
        None => Err(Error::NotFound { id: id.to_string() }),
    }
}

/// An article's copy cluster and the other articles in it.
#[derive(Debug, Clone, Default)]
pub struct Copies {
    pub cluster: Option<u64>,
    /// The other members, earliest first (undated last).
    pub copies: Vec<crate::search::CopyRef>,
}

/// Where article `id` is, and its copy cluster.
fn located(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    id: ArticleId,
) -> Result<(tantivy::DocAddress, Option<u64>)> {
    let addr = address(index, searcher, id)?;
    let cluster = searcher
        .segment_reader(addr.segment_ord)
        .fast_fields()
        .u64(fast::CLUSTER)
        .ok()
        .and_then(|c| c.first(addr.doc_id));
    Ok((addr, cluster))
}

/// The copy cluster of article `id`.
pub fn cluster(
    index: &OpenIndex,
    searcher: &tantivy::Searcher,
    id: ArticleId,
) -> Result<Option<u64>> {
    Ok(located(index, searcher, id)?.1)
}

/// The copy cluster of article `id` and its other members.
pub fn copies(index: &OpenIndex, searcher: &tantivy::Searcher, id: ArticleId) -> Result<Copies> {
    let tantivy_error = |e| Error::tantivy(&index.dir, e);
    let (addr, cluster) = located(index, searcher, id)?;
    let Some(cluster) = cluster else {
        return Ok(Copies::default());
    };
    let members = tantivy::query::TermQuery::new(
        Term::from_field_u64(index.schema.fields.cluster, cluster),
        tantivy::schema::IndexRecordOption::Basic,
    );
    let addrs: Vec<tantivy::DocAddress> = searcher
        .search(&members, &tantivy::collector::DocSetCollector)
        .map_err(tantivy_error)?
        .into_iter()
        .filter(|a| *a != addr)
        .collect();
    let mut copies: Vec<crate::search::CopyRef> = index
        .articles_at(searcher, &addrs)?
        .into_iter()
        .map(|c| crate::search::CopyRef {
            id: c.id,
            path: c.path,
            date: c.fields.date,
            title: c.fields.title,
        })
        .collect();
    crate::search::request::sort_copies(&mut copies);
    Ok(Copies {
        cluster: Some(cluster),
        copies,
    })
}

/// What `newsdex stats` reports.
#[derive(Debug, Clone)]
pub struct Stats {
    pub articles: u64,
    pub dated: u64,
    pub earliest: Option<time::OffsetDateTime>,
    pub latest: Option<time::OffsetDateTime>,
    pub size_bytes: u64,
    pub segments: usize,
}

/// Article counts, the date range and the size of the index.
pub fn stats(index: &OpenIndex, searcher: &tantivy::Searcher) -> Result<Stats> {
    let dated_query = tantivy::query::ExistsQuery::new(fast::DATE.to_string(), false);
    let by_date = |newest: bool| {
        TopDocs::with_limit(1).order_by(move |seg: &SegmentReader| {
            let dates = seg.fast_fields().date(fast::DATE).ok();
            move |doc: DocId| {
                let d = dates.as_ref().and_then(|c| c.first(doc));
                d.map(|d| {
                    let t = d.into_timestamp_secs();
                    if newest {
                        t
                    } else {
                        -t
                    }
                })
            }
        })
    };
    let (dated, first, last) = searcher
        .search(&dated_query, &(Count, by_date(false), by_date(true)))
        .map_err(|e| Error::tantivy(&index.dir, e))?;
    // The stored clock with the source's offset: the date as that article prints it.
    let to_time = |v: Vec<(Option<i64>, tantivy::DocAddress)>, negate: bool| {
        let (k, at) = v.into_iter().next()?;
        let t = if negate { -k? } else { k? };
        let wall = time::OffsetDateTime::from_unix_timestamp(t).ok()?;
        let offset = searcher
            .segment_reader(at.segment_ord)
            .fast_fields()
            .i64(fast::DATE_OFFSET)
            .ok()
            .and_then(|c| c.first(at.doc_id))
            .unwrap_or(0);
        Some(ArticleDate::from_wall_clock(wall, offset, DatePrecision::Second).at)
    };
    Ok(Stats {
        articles: searcher.num_docs(),
        dated: dated as u64,
        earliest: to_time(first, true),
        latest: to_time(last, false),
        size_bytes: crate::index::size_on_disk(&index.dir),
        segments: searcher.segment_readers().len(),
    })
}

#[cfg(test)]
mod tests {
    use super::id_range;

    #[test]
    fn id_prefixes_are_ranges_of_ids() {
        assert_eq!(
            id_range("8d7596c5d92034fa"),
            Some((0x8d7596c5d92034fa, 0x8d7596c5d92034fa))
        );
        assert_eq!(
            id_range("8D7596C5"),
            Some((0x8d7596c5_00000000, 0x8d7596c5_ffffffff))
        );
        assert_eq!(id_range("f"), Some((0xf000_0000_0000_0000, u64::MAX)));
        assert_eq!(id_range("0"), Some((0, 0x0fff_ffff_ffff_ffff)));
        for bad in ["", "xyz", "8d75 96", "00000000000000000", "-1"] {
            assert_eq!(id_range(bad), None, "{bad:?}");
        }
    }
}
