//! What a page's address tells: the site's name (`www.example.co.uk` -> `example`), used
//! to strip it from titles, and the date. The date in a page's address: news sites put the publication day in the path
//! (`/2019/06/27/slug`, `/2010/oct/04/slug`, `/20190627/slug`, `/2019-06-27-slug`) or only the month
//! (`/2019/06/slug`). The precision is kept: a month in the path is a month, never the
//! first of it. Only the path counts (not the host or the query string, where numbers are
//! ids), and a date must be a whole path segment or a segment's first part, so that ids
//! such as `471031-new-york` or `6486944b076b` are not read as dates.

use crate::article::{ArticleDate, DatePrecision};
use crate::extract::date::parse_date;

/// The publication date in `url`'s path, at day or month precision.
pub(super) fn url_date(url: &str) -> Option<ArticleDate> {
    let path = path_of(url);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    // /2019/06/27/ and /2019/06/ (the year as a whole segment, the month after it).
    for (i, seg) in segments.iter().enumerate() {
        let Some(year) = year_of(seg) else {
            continue;
        };
        let Some(month) = segments
            .get(i + 1)
            .and_then(|m| number_in(m, 1, 12).or_else(|| month_name(m)))
        else {
            continue;
        };
        let day = segments
            .get(i + 2)
            .and_then(|d| leading_number(d))
            .filter(|&d| (1..=31).contains(&d));
        let found = match day {
            Some(d) => parse_date(&format!("{year:04}-{month:02}-{d:02}")),
            None => parse_date(&format!("{year:04}-{month:02}")),
        };
        if found.is_some() {
            return found;
        }
    }
    // /2019-06-27-slug, /20190627/, /2019-06-slug at the start of a segment.
    segments.iter().find_map(|seg| segment_date(seg))
}

/// The site's name in `url`'s host: the label before the public suffix, where `co.uk`,
/// `com.br` and the like count as one suffix; `None` for names under three letters.
pub(super) fn site_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    let second_level = |l: &str| matches!(l, "co" | "com" | "org" | "net" | "gov" | "ac" | "edu");
    let i = if n >= 3 && labels.get(n - 2).is_some_and(|l| second_level(l)) {
        n - 3
    } else {
        n.checked_sub(2)?
    };
    labels
        .get(i)
        .filter(|l| l.len() >= 3 && **l != "www")
        .map(|l| l.to_string())
}

/// The path of `url`: after the host when there is a scheme, without query or fragment.
fn path_of(url: &str) -> &str {
    let url = url.trim();
    let no_query = url.split(['?', '#']).next().unwrap_or(url);
    match no_query.find("://") {
        Some(i) => {
            let rest = &no_query[i + 3..];
            rest.find('/').map_or("", |j| &rest[j..])
        }
        None => no_query,
    }
}

fn year_of(seg: &str) -> Option<i32> {
    if seg.len() == 4 && seg.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = seg.parse().ok()?;
        (1990..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

/// A one- or two-digit number in `lo..=hi` that is the whole segment.
fn number_in(seg: &str, lo: u32, hi: u32) -> Option<u32> {
    if seg.is_empty() || seg.len() > 2 || !seg.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = seg.parse().ok()?;
    (lo..=hi).contains(&n).then_some(n)
}

/// English month names and their three-letter forms as a path segment (`/2010/oct/04/`).
fn month_name(seg: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let seg = seg.to_ascii_lowercase();
    let n = MONTHS
        .iter()
        .position(|m| seg == *m || seg.len() == 3 && m.starts_with(seg.as_str()))?;
    u32::try_from(n + 1).ok()
}

/// The day segment may carry more after a separator (`27-slug` is rare, `27` usual).
fn leading_number(seg: &str) -> Option<u32> {
    let digits: String = seg.chars().take_while(char::is_ascii_digit).collect();
    let rest = &seg[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !(rest.is_empty() || rest.starts_with(['-', '_', '.']))
    {
        return None;
    }
    digits.parse().ok()
}

/// `2019-06-27...`, `2019_06_27...`, `20190627...` or `2019-06-...` opening a segment,
/// followed by nothing, a separator or an extension.
fn segment_date(seg: &str) -> Option<ArticleDate> {
    let b = seg.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let boundary = |i: usize| b.get(i).is_none_or(|c| matches!(c, b'-' | b'_' | b'.'));
    let sep = |i: usize| b.get(i).is_some_and(|c| matches!(c, b'-' | b'_'));
    let num = |from: usize, to: usize| seg.get(from..to).and_then(|s| s.parse::<u32>().ok());
    if (0..4).all(digit) && sep(4) && digit(5) && digit(6) {
        let year = year_of(&seg[..4])?;
        let month = num(5, 7).filter(|m| (1..=12).contains(m))?;
        if sep(7) && digit(8) && digit(9) && boundary(10) {
            return parse_date(&format!("{year:04}-{month:02}-{:02}", num(8, 10)?));
        }
        if boundary(7) && !digit(8) {
            return parse_date(&format!("{year:04}-{month:02}"))
                .filter(|d| d.precision == DatePrecision::Month);
        }
        return None;
    }
    if (0..8).all(digit) && boundary(8) {
        let year = year_of(&seg[..4])?;
        let month = num(4, 6).filter(|m| (1..=12).contains(m))?;
        return parse_date(&format!("{year:04}-{month:02}-{:02}", num(6, 8)?));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(url: &str) -> Option<String> {
        url_date(url).map(|d| {
            format!(
                "{} {:?}",
                crate::article::rfc3339(d.at).get(..10).unwrap_or(""),
                d.precision
            )
        })
    }

    #[test]
    fn slashed_day() {
        assert_eq!(
            day("https://example.org/2019/06/27/harbour-reopens/").as_deref(),
            Some("2019-06-27 Day")
        );
        assert_eq!(
            day("https://example.org/news/2019/6/7/12345/harbour").as_deref(),
            Some("2019-06-07 Day")
        );
        // Month names: `/2010/oct/04/`.
        assert_eq!(
            day("https://example.org/commentisfree/2010/oct/04/starter-homes").as_deref(),
            Some("2010-10-04 Day")
        );
        assert_eq!(
            day("https://example.org/2010/october/starter-homes").as_deref(),
            Some("2010-10-01 Month")
        );
        assert_eq!(day("https://example.org/2010/octopus/04/"), None);
    }

    #[test]
    fn slashed_month_keeps_month_precision() {
        assert_eq!(
            day("https://blog.example.net/2018/10/harbour-reopens.html").as_deref(),
            Some("2018-10-01 Month")
        );
    }

    #[test]
    fn dashed_and_compact() {
        assert_eq!(
            day("https://example.org/2019-06-27-harbour-reopens").as_deref(),
            Some("2019-06-27 Day")
        );
        assert_eq!(
            day("https://example.org/story/20190627/harbour").as_deref(),
            Some("2019-06-27 Day")
        );
        assert_eq!(
            day("https://example.org/news/2019-11-harbour.html").as_deref(),
            Some("2019-11-01 Month")
        );
    }

    #[test]
    fn site_names_from_hosts() {
        assert_eq!(
            site_of("https://www.harbourwatch.net/a").as_deref(),
            Some("harbourwatch")
        );
        assert_eq!(
            site_of("https://news.kestrel.co.uk/a").as_deref(),
            Some("kestrel")
        );
        assert_eq!(
            site_of("http://blog.example.com.br").as_deref(),
            Some("example")
        );
        assert_eq!(site_of("/local/file.html"), None);
    }

    #[test]
    fn ids_hosts_and_queries_are_not_dates() {
        assert_eq!(day("https://example.org/news/471031-harbour-reopens"), None);
        assert_eq!(day("https://2019.example.org/harbour?d=2019/06/27"), None);
        assert_eq!(day("https://example.org/article/3834/1"), None);
        assert_eq!(day("https://example.org/a/20191399/x"), None);
        assert_eq!(day("https://example.org/top-10-of-2019/"), None);
    }
}
