//! Page titles and site names in plain text: the `Title | Site` lines text dumps print,
//! the site names a file states (copyright holders, the short halves of such lines), the
//! `#Site » ... Title Comments Feed` line lynx prints first, and cutting a known site
//! name off a headline. `headline` uses them to find and clean the headline.

use rustc_hash::FxHashSet;

use super::features::{find_ascii_ci, Features};
use super::lines::Unit;

fn key(s: &str) -> String {
    super::features::line_key(s)
}

/// Separators between a headline and a site name in page titles.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "];
/// Whether `s` holds one of the page-title separators (else it is one segment).
pub(super) fn has_separator(s: &str) -> bool {
    if s.is_ascii() {
        return s.contains(" | ") || s.contains(" - ") || s.contains(" :: ");
    }
    SEPARATORS.iter().any(|sep| s.contains(sep))
}

/// Short words a site's name may hold in lower case (`Times of India`).
const NAME_PARTICLES: &[&str] = &["of", "the", "and", "de", "la", "le", "du", "di", "del"];

/// A line parted by a separator with a site's name at one end: a run of one to four
/// capitalised words (`Storm hits coast - BBC News`, `NZZ | Zürich`). A headline parted by
/// a dash (`Die Langstrasse wird gesperrt – das Gewerbe ist skeptisch`) has none.
pub(super) fn site_titled(s: &str) -> bool {
    let segs = segments(s);
    let named = |p: &&str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || NAME_PARTICLES.contains(w)
            })
    };
    segs.len() >= 2 && [segs[0], segs[segs.len() - 1]].iter().any(named)
}

/// Splits a page-title line at its separators.
pub(super) fn segments(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    for sep in SEPARATORS {
        if parts.iter().any(|p| p.contains(sep)) {
            parts = parts.iter().flat_map(|p| p.split(sep)).collect();
        }
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Units above a copyright line that make the page's foot.
const FOOT_UNITS: usize = 5;
/// Most words of a name printed again at the page's foot.
const FOOT_NAME_WORDS: usize = 6;

/// Site names the file states: copyright holders, the short halves of page-title lines
/// whose other half is a line of its own, and a short line printed just above the
/// copyright line and in the page's top half (the organisation's contact block:
/// `Policía Regional de La Rioja` over its address, and its masthead).
/// `separated[i]` tells whether unit `i` holds a separator ([`has_separator`]).
/// `feats` gives each line's key.
pub(super) fn site_names<'k>(
    units: &[Unit],
    feats: &[Features],
    separated: &[bool],
    keys: &dyn Fn() -> &'k FxHashSet<&'k str>,
) -> Vec<String> {
    let mut out = Vec::new();
    for ((u, f), &separated) in units.iter().zip(feats).zip(separated) {
        let t = u.text.as_str();
        // The key holds `copyright` exactly when the line does in any ASCII case.
        let mark = t.find('©').map(|i| i + '©'.len_utf8()).or_else(|| {
            f.key
                .contains("copyright")
                .then(|| find_ascii_ci(t, "copyright").map(|i| i + "copyright".len()))
                .flatten()
        });
        if let Some(i) = mark {
            // "© 2019 Harbour Times. All rights reserved." -> "Harbour Times".
            let rest = t[i..].trim_start_matches(|c: char| !c.is_alphabetic());
            let name = rest.split(['.', '|', ',']).next().unwrap_or("").trim();
            if (1..=4).contains(&name.split_whitespace().count()) {
                out.push(key(name));
            }
        }
        if !separated {
            continue;
        }
        let segs = segments(t);
        if segs.len() >= 2 && segs.iter().any(|s| keys().contains(key(s).as_str())) {
            out.extend(
                segs.iter()
                    .filter(|s| {
                        !keys().contains(key(s).as_str()) && s.split_whitespace().count() <= 5
                    })
                    .map(|s| key(s)),
            );
        }
    }
    for (k, _) in feats.iter().enumerate().filter(|(_, f)| f.footer) {
        // Printed at the top of the page too, as its masthead.
        let on_top = |j: usize| (0..k / 2).any(|m| feats[m].key == feats[j].key);
        out.extend(
            (k.saturating_sub(FOOT_UNITS)..k)
                .filter(|&j| {
                    feats[j].repeats >= 2 && feats[j].words <= FOOT_NAME_WORDS && on_top(j)
                })
                .map(|j| feats[j].key.clone()),
        );
    }
    out
}

/// The `<link rel>` line lynx prints first (`#Site » Feed Site » Comments Feed Site »
/// Title Comments Feed alternate`), past the image labels of tracking pixels
/// (`[tr?id=...]`) that may come before the `#`, and the last unit it runs to: then the
/// line is wrapped and may be cut into several units (the title's first word on one
/// line, the rest on the next), and the units of its block are read as one line.
pub(super) fn link_rel_line(units: &[Unit]) -> Option<(String, usize)> {
    let (first, u) = units.iter().enumerate().take(3).find(|(_, u)| {
        let mut words = u.text.split_whitespace();
        words
            .find(|w| !image_label(w))
            .is_some_and(|w| w.starts_with('#'))
    })?;
    let mut last = first;
    let mut line = u.text.clone();
    while last + 1 < units.len().min(first + 3)
        && units[last + 1].block == u.block
        && !line.contains(" Comments Feed")
    {
        last += 1;
        line.push(' ');
        line.push_str(&units[last].text);
    }
    let line = line
        .split_whitespace()
        .skip_while(|w| image_label(w))
        .collect::<Vec<_>>()
        .join(" ");
    Some((line, last))
}

/// The page title and site name in the `<link rel>` line ([`link_rel_line`]) when its
/// feeds are named in English (`Title Comments Feed`), and the last unit it runs to.
pub(super) fn link_rel_title(units: &[Unit]) -> Option<(String, String, usize)> {
    let (line, last) = link_rel_line(units)?;
    let text = line.strip_prefix('#')?;
    let segs: Vec<&str> = text.split(" » ").collect();
    let strip = |s: &str| -> String {
        let words: Vec<&str> = s
            .split_whitespace()
            .filter(|w| !w.eq_ignore_ascii_case("alternate"))
            .collect();
        words.join(" ")
    };
    let site = strip(segs.first()?);
    let title = segs.iter().skip(1).find_map(|s| {
        let (title, _) = s.split_once(" Comments Feed")?;
        let title = strip(title);
        (!title.is_empty() && !title.ends_with("Feed") && title != site).then_some(title)
    })?;
    Some((title, site, last))
}

/// The site name the `<link rel>` line ([`link_rel_line`]) repeats before each of its
/// feeds, whatever they are called: its longest opening of two words or more printed
/// again later in the line (`#Parrocchia San Michele - Castelnuovo - Atom Parrocchia San
/// Michele - Castelnuovo - RSS`, `#Harbour Times » Feed Harbour Times » Kommentar-Feed`),
/// without the separator after it.
pub(super) fn link_rel_site(units: &[Unit]) -> Option<String> {
    let (line, _) = link_rel_line(units)?;
    let text = line.strip_prefix('#')?;
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..words.len())
        .rev()
        .map(|n| words[..n].join(" "))
        .find(|opening| {
            text.get(opening.len()..)
                .is_some_and(|rest| rest.contains(opening.as_str()))
        })
        .map(|opening| {
            opening
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .trim_end()
                .to_string()
        })
        .filter(|site| site.split_whitespace().count() >= 2)
}

/// `title` without a known site name before or after a separator.
pub(super) fn strip_site(title: &str, sites: &[String]) -> String {
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if sites.contains(&key(tail)) && head.split_whitespace().count() >= 2 {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if sites.contains(&key(head)) && tail.split_whitespace().count() >= 2 {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// An image label as text browsers print it: the whole line in brackets, no spaces
/// (`[maxresdefault-6]`, `[photo.jpg]`).
pub(super) fn image_label(t: &str) -> bool {
    t.len() > 2 && t.starts_with('[') && t.ends_with(']') && !t[1..t.len() - 1].contains(' ')
}

#[cfg(test)]
mod tests {
    use super::super::lines::units;
    use super::*;

    #[test]
    fn lynx_link_rel_line_gives_the_page_title() {
        let u = units(
            "#National Review » Feed National Review » Comments Feed National Review » The \
             Impeachment Clock Comments Feed alternate alternate\n",
        );
        assert_eq!(
            link_rel_title(&u),
            Some(("The Impeachment Clock".into(), "National Review".into(), 0))
        );
    }

    #[test]
    fn lynx_link_rel_line_behind_a_pixel_label() {
        let u = units(
            "[tr?id=2044&amp;ev=PageView&amp;noscript=1] #Rolling Stone » The\n\
             Doobie Brothers Unite With Michael McDonald Comments\n\
             Feed alternate alternate\n\nIFRAME: https://example.com/ns.html\n",
        );
        let (title, site, last) = link_rel_title(&u).expect("link-rel line");
        assert_eq!(title, "The Doobie Brothers Unite With Michael McDonald");
        assert_eq!(site, "Rolling Stone");
        assert!(u[last].text.ends_with("alternate"));
    }

    #[test]
    fn the_link_rel_line_repeats_the_site_before_each_feed() {
        let u = units(
            "#Parrocchia San Michele Arcangelo - Castelnuovo - Atom Parrocchia San Michele\n\
             Arcangelo - Castelnuovo - RSS\n\nParrocchia San Michele Arcangelo - Castelnuovo\n",
        );
        assert_eq!(
            link_rel_site(&u).as_deref(),
            Some("Parrocchia San Michele Arcangelo - Castelnuovo")
        );
        let u = units("#Harbour Times » Feed Harbour Times » Kommentar-Feed\n");
        assert_eq!(link_rel_site(&u).as_deref(), Some("Harbour Times"));
        // One feed, nothing repeated: no site.
        assert_eq!(link_rel_site(&units("#Harbour Times RSS\n")), None);
    }

    #[test]
    fn copyright_line_names_the_site() {
        let u = units("Harbour reopens\n\n© 2019 Courier Times. All rights reserved.\n");
        let keys: Vec<String> = u.iter().map(|u| key(&u.text)).collect();
        let keys = keys.iter().map(String::as_str).collect();
        let separated = vec![false; u.len()];
        let f = super::super::features::measure(&u);
        assert_eq!(site_names(&u, &f, &separated, &|| &keys), ["courier times"]);
    }

    #[test]
    fn site_suffix_is_cut_when_the_site_is_known() {
        assert_eq!(
            strip_site(
                "Pipeline accord signed - Daily Courier",
                &["daily courier".into()]
            ),
            "Pipeline accord signed"
        );
    }

    #[test]
    fn a_site_at_one_end_of_a_parted_line() {
        assert!(site_titled("Storm hits coast - BBC News"));
        assert!(site_titled("NZZ | Die Langstrasse wird nachts gesperrt"));
        assert!(!site_titled(
            "Die Langstrasse wird nachts für Autos gesperrt – das Gewerbe ist skeptisch"
        ));
    }
}
