//! The title of an HTML page: JSON-LD `headline`, OpenGraph and Twitter titles, the
//! headline `<h1>` or `<title>`, with the site's name stripped ("Headline | The Paper");
//! also which `<h1>` is the headline and where it sits.

use trafilatura::dom::{Document, NodeId};

use super::clean::clean;
use super::jsonld::JsonLd;
use super::rule::Rule;
use super::tags::MetaTags;
use crate::extract::boilerplate::is_boilerplate;
use crate::extract::clean::squash_spaces;

pub(super) fn site_names(tags: &MetaTags, ld: &JsonLd) -> Vec<String> {
    let mut names: Vec<String> = [
        tags.get("og:site_name"),
        tags.get("twitter:site"),
        tags.get("publisher"),
        ld.publisher.as_deref(),
        ld.site_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.trim_start_matches('@').to_string())
    .filter(|s| !s.is_empty() && s.split_whitespace().count() <= 6)
    .collect();
    names.dedup();
    names
}

/// The page's headline `<h1>`: with a `<title>`, the first `<h1>` that shares most of its
/// words with it, and a good part of the title's (pages also use `<h1>` for their logo,
/// site name, section or login boxes), or failing one the first such `<h2>`, then an
/// element marked as a post's title (blog themes put it in `<h2 class="entry-title">` or
/// `<h3 class="post-title">` under an `<h1>` masthead); without a title, the first `<h1>`
/// with text. An element marked `itemprop="headline"` comes before all of them.
pub(super) fn headline_h1(doc: &Document, page_title: Option<&str>) -> Option<String> {
    // A box's heading (`NZZ Zürich – der Newsletter`) is no headline, whatever words it
    // shares with the title.
    let texts = |tag: &str| -> Vec<String> {
        doc.query_selector_all(doc.root(), tag)
            .into_iter()
            .filter(|&id| !super::layout::in_furniture(doc, id))
            .map(|id| heading_text(doc, id))
            .filter(|t| !t.is_empty() && t.chars().count() <= 300)
            .collect()
    };
    // An element the page marks as its article's headline (schema.org microdata) is the
    // headline, however the `<title>` words it.
    let marked = doc
        .query_selector_all(doc.root(), "[itemprop~=headline]")
        .into_iter()
        .filter(|&id| {
            !doc.tag_name(id).eq_ignore_ascii_case("meta") && !super::layout::in_furniture(doc, id)
        })
        .map(|id| clean(&doc.text_content(id)))
        .find(|t| t.split_whitespace().count() >= 2 && t.chars().count() <= 300);
    if marked.is_some() {
        return marked;
    }
    match page_title {
        Some(t) => {
            let title_words = word_set(t);
            let agrees = |h: &String| {
                let words = word_set(h);
                let shared = words.intersection(&title_words).count() as f64;
                !words.is_empty()
                    && shared >= 0.4 * words.len() as f64
                    && shared >= 2.0
                    && shared >= 0.25 * title_words.len() as f64
                    && !is_boilerplate(h)
                    && !names_the_site(t, h)
            };
            HEADLINE_TAGS
                .into_iter()
                .find_map(|tag| texts(tag).into_iter().find(&agrees))
        }
        None => texts("h1").into_iter().next(),
    }
}

/// Whether `heading` is the end segment of `title` that names the site: `title` is
/// `Headline – The Quayside Blog` (or `Site | Headline`, or a blog's `Blog name:
/// Headline`) and `heading` that end, shorter than what the title holds besides it.
fn names_the_site(title: &str, heading: &str) -> bool {
    let key = agreement_key(heading);
    // `Blog name: Headline`, not `Headline : Show : Site` or `Headline :: Site` (a
    // colon set off by spaces parts segments).
    let blog_prefix = title.split_once(": ").is_some_and(|(head, rest)| {
        !head.ends_with(|c: char| c.is_whitespace() || c == ':')
            && agreement_key(head) == key
            && rest.split_whitespace().count() >= 2
    });
    blog_prefix
        || separators(title).any(|sep| {
            let ends = [
                title.rsplit_once(sep),
                title.split_once(sep).map(|(a, b)| (b, a)),
            ];
            ends.into_iter().flatten().any(|(rest, end)| {
                rest.chars().count() > end.chars().count()
                    && (agreement_key(end) == key || site_at_length(end, rest, heading))
            })
        })
}

/// Whether `heading` is the site's name `end` at its full length (`TSV Grünbach 1921
/// e.V.` for `TSV Grünbach - Deutlicher Heimsieg gegen Eintracht Oberhain`): it holds
/// every word of `end` and none of the headline's in `rest` but short ones (`The
/// Harrow Valley Courier` for `Harrow Valley Courier :: Obituaries :: … who kept the
/// Eastfield branch open`).
fn site_at_length(end: &str, rest: &str, heading: &str) -> bool {
    let (end_words, rest_words) = (word_set(end), word_set(rest));
    let words = word_set(heading);
    // What the heading adds to the name reads as more of a name (`The`, `1921`, `e.V.`),
    // not a headline's words (`Fire in Leeds city centre injures three people`).
    let name_like = heading
        .split_whitespace()
        .filter(|w| !word_set(w).is_subset(&end_words))
        .all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || w.contains('.')
        });
    end_words.len() >= 2
        && end_words.is_subset(&words)
        && name_like
        && words
            .intersection(&rest_words)
            .all(|w| w.chars().count() <= SHORT_WORD)
}

/// Most letters of a word (`the`, `de`, `e.V.`'s `v`) a site's name may share with its
/// headline.
const SHORT_WORD: usize = 3;

/// The text of heading `id` without the kicker a page sets in it before the headline
/// (`<h1><span class="dachzeile">Unwetter</span><span class="hidden">: </span>Sturmflut an
/// der Ems …</h1>`): leading elements classed one of [`KICKERS`], or hidden, and the
/// punctuation after them.
pub(super) fn heading_text(doc: &Document, id: NodeId) -> String {
    let children = doc.child_nodes(id);
    let leading = children
        .iter()
        .take_while(|&&c| {
            if doc.is_text(c) {
                return doc.text_content(c).trim().is_empty();
            }
            let names = super::layout::names_of(doc, c);
            doc.is_element(c)
                && (names
                    .split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '_')
                    .any(|w| KICKERS.contains(&w))
                    || names.split_whitespace().any(|w| HIDDEN.contains(&w)))
        })
        .count();
    let whole = clean(&doc.text_content(id));
    if leading == 0 || leading == children.len() {
        return whole;
    }
    let rest: String = children[leading..]
        .iter()
        .map(|&c| doc.text_content(c))
        .collect();
    let rest = clean(&rest);
    let rest = rest.trim_start_matches([':', '|', '·', '•', '–', '—', '-', '/', ' ']);
    if rest.split_whitespace().count() >= PART_WORDS {
        rest.to_string()
    } else {
        whole
    }
}

/// Class words of a kicker set inside a headline's element: English, German, French,
/// Spanish, Italian and Dutch newsroom names.
const KICKERS: [&str; 12] = [
    "kicker",
    "dachzeile",
    "topline",
    "overline",
    "eyebrow",
    "supertitle",
    "roofline",
    "spitzmarke",
    "surtitre",
    "antetitulo",
    "occhiello",
    "bovenkop",
];

/// Classes of text kept for screen readers only.
const HIDDEN: [&str; 6] = [
    "hidden",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "element-invisible",
];

/// Where a page's headline is looked for, in this order: `<h1>`, `<h2>`, and an element
/// classed as a post's title in the hAtom way (`entry-title`) or Blogger's
/// (`post-title`).
const HEADLINE_TAGS: [&str; 3] = ["h1", "h2", ".entry-title, .post-title"];

/// The headline element: the first `<h1>` (or, failing one, `<h2>`, then a post title's
/// element) whose text is `headline`.
pub(super) fn headline_node(doc: &Document, headline: &str) -> Option<NodeId> {
    HEADLINE_TAGS.iter().find_map(|tag| {
        doc.query_selector_all(doc.root(), tag)
            .into_iter()
            .find(|&id| heading_text(doc, id) == headline)
    })
}

/// The text of the heading `id` when it reads as a story's headline over `page_title`, a
/// `<title>` of parts: outside the page's furniture, [`SOLE_H1_WORDS`] words or more,
/// [`SPELLED_OUT_WORDS`] at most, no sentence, and not the site's name: neither a link to the site's home page nor the end segment
/// of `page_title` that names the site (`CAI Sezione di Valtorre » Blog Archive »
/// Traversata del Monte Pradella`).
pub(super) fn headline_shaped(doc: &Document, id: NodeId, page_title: &str) -> Option<String> {
    let text = heading_text(doc, id);
    let words = text.split_whitespace().count();
    let home_link = doc.query_selector_all(id, "a").into_iter().any(|a| {
        clean(&doc.text_content(a)) == text
            && doc.get_attribute(a, "href").is_some_and(|h| home_page(&h))
    });
    // Only over a `<title>` of parts (`Site :: Section :: Story`), the site's path, or a
    // site and its section parted by a colon (`Stadtwerke Wernigstadt:
    // Pressemitteilungen`).
    let parted =
        separators(page_title).any(|sep| page_title.contains(sep)) || site_and_section(page_title);
    (parted
        && (SOLE_H1_WORDS..=SPELLED_OUT_WORDS).contains(&words)
        && !text.ends_with('.')
        && !is_boilerplate(&text)
        && !home_link
        && !names_the_site(page_title, &text)
        && !super::layout::in_furniture(doc, id))
    .then_some(text)
}

/// A `<title>` of two short parts around a colon: a site's name of two or three
/// capitalised words and its section of one or two (`Stadtwerke Wernigstadt:
/// Pressemitteilungen`), not a headline behind its kicker (`Brexit: May resigns`,
/// `Review: Dune Part Two`, `Brexit: May loses Commons vote by 230`).
fn site_and_section(page_title: &str) -> bool {
    page_title.split_once(": ").is_some_and(|(site, section)| {
        let words = |s: &str| s.split_whitespace().count();
        (2..=3).contains(&words(site))
            && site
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
            && (1..=2).contains(&words(section))
    })
}

/// Whether an address is a site's home page: `/`, `index.html`, or a scheme and host
/// with no path.
fn home_page(href: &str) -> bool {
    let h = href.trim();
    let path = match h.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => h,
    };
    matches!(
        path.trim_end_matches('/'),
        "" | "/index.html" | "/index.htm" | "/index.php" | "index.html" | "index.htm" | "."
    )
}

/// The part of a `<title>` the page prints as an element of its own, outside its
/// furniture and not as a link (`Il Cammino - Settimanale della Diocesi di Montepulciano
/// Val di Chiana - Torna a suonare l'organo settecentesco di San Biagio` over a `<td
/// class="titolo">` printing the last part): the headline, with the element. Parts of
/// [`PRINTED_PART_WORDS`] words or more that are not one of the site's `sites` names;
/// of a path of three parts or more, its last.
pub(super) fn printed_segment(
    doc: &Document,
    page_title: &str,
    sites: &[String],
) -> Option<(NodeId, String)> {
    let site_keys: Vec<String> = sites.iter().map(|s| agreement_key(s)).collect();
    let site_letters: Vec<String> = sites.iter().map(|s| normalise_site(s)).collect();
    let whole = page_title.len();
    // `Site Name: Headline`, the site named before a colon.
    let page_title = page_title
        .split_once(": ")
        .filter(|(head, _)| {
            !head.ends_with(char::is_whitespace)
                && (site_keys.contains(&agreement_key(head))
                    || site_letters.contains(&normalise_site(head)))
        })
        .map_or(page_title, |(_, rest)| rest);
    let mut parts: Vec<&str> = vec![page_title];
    for sep in separators(page_title) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    // A path of three parts or more (`Site :: Section :: Story`) ends on the story.
    let skip = if parts.len() >= 3 { parts.len() - 1 } else { 0 };
    let parts: Vec<(String, &str)> = parts
        .into_iter()
        .skip(skip)
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= PRINTED_PART_WORDS && p.len() < whole)
        .map(|p| (agreement_key(p), p))
        .filter(|(key, _)| !site_keys.contains(key))
        .collect();
    if parts.is_empty() {
        return None;
    }
    // The longest part printed (the headline, not a masthead's site name), at its first
    // element (comments and footers may repeat it).
    let mut best: Option<(NodeId, &str)> = None;
    for (id, text) in printed_elements(doc) {
        let key = agreement_key(&text);
        let Some((_, part)) = parts.iter().find(|(k, _)| *k == key) else {
            continue;
        };
        if best.is_none_or(|(_, b)| part.len() > b.len()) {
            best = Some((id, part));
        }
    }
    best.map(|(id, part)| (id, part.to_string()))
}

/// The element printing `headline` whole where no heading does (`<font size=5><b>…`
/// in a table layout, a styled `<div>`): the first of the page's printed texts that agrees
/// with it (a footer may repeat it). Short headlines are left alone, as a menu entry may
/// print them.
pub(super) fn printed_node(doc: &Document, headline: &str) -> Option<NodeId> {
    if headline.split_whitespace().count() < PRINTED_PART_WORDS {
        return None;
    }
    let key = agreement_key(headline);
    printed_elements(doc)
        .find(|(_, text)| agreement_key(text) == key)
        .map(|(id, _)| id)
}

/// The short texts the page prints as elements of their own outside its furniture and
/// links, with their elements: where a headline a reader sees would be, in a heading, a
/// table cell or a styled `<div class="titulo_noticia">`.
fn printed_elements(doc: &Document) -> impl Iterator<Item = (NodeId, String)> + '_ {
    doc.query_selector_all(
        doc.root(),
        "h1, h2, h3, h4, td, div, span, font, b, strong, p",
    )
    .into_iter()
    .filter(|&id| {
        doc.child_nodes(id)
            .into_iter()
            .any(|c| doc.is_text(c) && !doc.text_content(c).trim().is_empty())
    })
    .filter_map(|id| {
        let text = clean(&doc.text_content(id));
        (text.chars().count() <= 300
            && doc.query_selector_all(id, "a").is_empty()
            && !ancestors_have_link(doc, id)
            && !super::layout::in_furniture(doc, id))
        .then_some((id, text))
    })
}

/// Fewest words of a `<title>`'s part taken for the headline the page prints.
const PRINTED_PART_WORDS: usize = 4;

/// Whether `id` sits inside a link.
fn ancestors_have_link(doc: &Document, id: NodeId) -> bool {
    std::iter::successors(doc.parent(id), |&n| doc.parent(n)).any(|n| doc.tag_name(n) == "a")
}

/// Fewest words of a page's only `<h1>` taken over a `<title>` it does not echo: a site's
/// or a blog's name is shorter.
const SOLE_H1_WORDS: usize = 4;

/// Most words of the printed headline that spells out a short `<title>`, and the share of
/// the title's words it must hold.
const SPELLED_OUT_WORDS: usize = 30;
const SPELLED_OUT_SHARE: f64 = 0.8;

/// The page's printed headline where it spells out a shorter `<title>` that no other
/// source backs (`County board splits on Millers Ford plan` over `County board splits
/// 3-2 on plan to close Millers Ford school, send pupils to Harlan Creek Elementary` in a
/// table cell's `<font size=5><b>`): the first element outside the page's furniture,
/// not a paragraph, whose own text holds nearly every word of the title and more, and
/// ends no sentence.
pub(super) fn spelled_out(doc: &Document, title: &str) -> Option<String> {
    let words = word_set(title);
    if words.len() < 3 {
        return None;
    }
    doc.query_selector_all(doc.root(), "b, strong, font, span, div, td, h2, h3")
        .into_iter()
        .filter(|&id| {
            doc.child_nodes(id)
                .into_iter()
                .any(|c| doc.is_text(c) && !doc.text_content(c).trim().is_empty())
        })
        .map(|id| (id, clean(&doc.text_content(id))))
        .find(|(id, t)| {
            let own = word_set(t);
            let n = t.split_whitespace().count();
            n > words.len()
                && n <= SPELLED_OUT_WORDS
                && !t.ends_with('.')
                && words.intersection(&own).count() as f64 >= SPELLED_OUT_SHARE * words.len() as f64
                && !super::layout::in_furniture(doc, *id)
        })
        .map(|(_, t)| t)
}

/// The headline, from the sources that agree most: each of JSON-LD `headline`,
/// `og:title`, `twitter:title`, `headline` and `dc.title` meta, the headline `<h1>` and
/// `<title>`, its site name stripped, gets one vote from every other source giving the
/// same text, or the same headline cut short or behind a kicker ([`same_headline`]).
/// Pages disagree with themselves (an SEO `<title>`, a JSON-LD headline cut at 110
/// characters, an `<h1>` reworded after publication), and the text most sources give is
/// the one the page stands behind; among equals, the one both the `<h1>` and the
/// `<title>` give, then the one the page prints for its readers ([`printed_texts`]),
/// then the order above, with `og:title` first since publishers write it for people. The
/// rule records the winning source and how many agreed.
pub(super) fn title(
    doc: &Document,
    page_title: Option<String>,
    tags: &MetaTags,
    ld: &JsonLd,
    h1: Option<&str>,
    sites: &[String],
) -> Option<(String, Rule)> {
    let sources: [(&'static str, Option<String>); 7] = [
        ("og:title", tags.get("og:title").map(str::to_string)),
        ("jsonld-headline", ld.headline.clone()),
        (
            "twitter:title",
            tags.get("twitter:title").map(str::to_string),
        ),
        ("meta-headline", tags.get("headline").map(str::to_string)),
        ("dc.title", tags.get("dc.title").map(str::to_string)),
        ("h1", h1.map(str::to_string)),
        ("title", page_title),
    ];
    let site_keys: Vec<String> = sites.iter().map(|s| normalise_site(s)).collect();
    let candidates: Vec<(&'static str, String, String)> = sources
        .into_iter()
        .filter_map(|(name, t)| {
            let t = strip_site_name(&t?, sites, h1);
            let key = agreement_key(&t);
            (is_title(&t) && !site_keys.contains(&normalise_site(&t)) && !key.is_empty())
                .then_some((name, t, key))
        })
        .collect();
    let agree = |(_, a, ka): &(&str, String, String), (_, b, kb): &(&str, String, String)| {
        ka == kb || same_headline(a, b)
    };
    let votes = |i: usize| {
        candidates
            .iter()
            .enumerate()
            .filter(|&(j, other)| j != i && agree(&candidates[i], other))
            .count()
    };
    // Among equals, the text both the `<h1>` and the `<title>` give: the page's printed
    // headline and its own name for itself (`Plans for 120 homes … thrown out by
    // councillors`) against `og:title` and its `twitter:title` copy (`120 homes plan …
    // refused after 400 objections`).
    let own = |i: usize| {
        ["h1", "title"].iter().all(|source| {
            candidates
                .iter()
                .any(|c| c.0 == *source && agree(&candidates[i], c))
        })
    };
    // Then the headline whole over the same cut short or behind a kicker; then the text
    // a reader sees over those only the page's head carries, where no source backs
    // another: a share
    // title reworded for social feeds (`Deep-sea glass sponges keep a centuries-long
    // diary of ocean heat`) against the printed `Deep-sea sponges may be quietly
    // recording ocean heat waves`. The headline `<h1>` is printed by its nature; the
    // page is read for the others only when they are in question.
    let printed_keys = std::cell::OnceCell::new();
    let printed = |i: usize| {
        let (name, _, key) = &candidates[i];
        *name == "h1"
            || printed_keys
                .get_or_init(|| printed_texts(doc))
                .contains(key)
    };
    let whole = |i: usize| !candidates.iter().any(|c| part_of(&candidates[i].1, &c.1));
    let top = (0..candidates.len()).map(|i| (votes(i), own(i))).max()?;
    let contested = top.0 == 0
        && (0..candidates.len())
            .filter(|&i| (votes(i), own(i)) == top)
            .map(|i| &candidates[i].2)
            .collect::<std::collections::HashSet<_>>()
            .len()
            > 1;
    let mut best: Option<(usize, (usize, bool, bool, bool))> = None;
    for i in 0..candidates.len() {
        let (v, o) = (votes(i), own(i));
        let seen = (v, o) == top && contested && printed(i);
        let v = (v, o, whole(i), seen);
        if best.is_none_or(|(_, bv)| v > bv) {
            best = Some((i, v));
        }
    }
    let (i, (agreeing, _, _, _)) = best?;
    let (name, text, _) = candidates.get(i)?;
    let confidence = match agreeing {
        0 => 0.6,
        1 => 0.8,
        _ => 0.9,
    };
    Some((text.clone(), Rule { name, confidence }))
}

/// The agreement keys of the texts [`printed_elements`] finds.
fn printed_texts(doc: &Document) -> std::collections::HashSet<String> {
    printed_elements(doc)
        .map(|(_, text)| agreement_key(&text))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Fewest words of a headline cut short or behind a kicker that agrees with it whole.
const PART_WORDS: usize = 4;
/// Most words of a kicker before a headline's colon in a `<title>` (`Ried: …`).
const KICKER_WORDS: usize = 3;

/// Whether one title is the other cut short with an ellipsis (`… behind freshman QB…`
/// over `… behind freshman QB's three touchdowns`), or the other behind a short kicker
/// and its colon (`Ried: Gemeinderat gibt grünes Licht …` over `Gemeinderat gibt grünes
/// Licht …`): the same headline, as a `<title>` prints it.
fn same_headline(a: &str, b: &str) -> bool {
    part_of(a, b) || part_of(b, a)
}

/// Whether title `a` is headline `b` cut short with an ellipsis, or `b` behind a short
/// kicker and its colon: the headline in part.
fn part_of(a: &str, b: &str) -> bool {
    let cut = a
        .strip_suffix('…')
        .or_else(|| a.strip_suffix("..."))
        .map(str::trim_end)
        .is_some_and(|stem| {
            stem.split_whitespace().count() >= PART_WORDS
                && agreement_key(b).starts_with(&agreement_key(stem))
        });
    let kicked = a.split_once(": ").is_some_and(|(kicker, rest)| {
        kicker.split_whitespace().count() <= KICKER_WORDS
            && b.split_whitespace().count() >= PART_WORDS
            && agreement_key(rest) == agreement_key(b)
    });
    cut || kicked
}

/// Titles agree when they are the same words in any case, spacing and quote style.
fn agreement_key(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_title(t: &str) -> bool {
    !t.is_empty() && !is_boilerplate(t) && t.chars().count() <= 400
}

/// "Headline | The Paper", "Headline - Site", "Site: Headline" -> "Headline".
pub fn strip_site_name(title: &str, sites: &[String], h1: Option<&str>) -> String {
    let title = squash_spaces(title);
    // The visible headline, when the page title merely decorates it (`Headline | Site`,
    // `Headline (Video)`), not when it goes on in words (`How to retire early so you
    // can ...` under a heading `How to retire early`).
    if let Some(h) = h1 {
        let decoration = title.strip_prefix(h).map(str::trim_start);
        if h.chars().count() >= 10
            && decoration.is_some_and(|d| d.starts_with(|c: char| !c.is_alphanumeric()))
        {
            return h.to_string();
        }
    }
    let lower_sites: Vec<String> = sites.iter().map(|s| normalise_site(s)).collect();
    // A segment is the site's name when it is the name, part of it, or the name with a
    // little more ("BBC News" for "BBC"); not a phrase that merely mentions the site
    // ("comwrap at DMEXCO 2018" for "comwrap").
    let is_site = |seg: &str| {
        let n = normalise_site(seg);
        !n.is_empty()
            && lower_sites.iter().any(|s| {
                !s.is_empty()
                    && (n == *s
                        || s.contains(&n)
                        || (n.contains(s.as_str()) && n.len() <= 2 * s.len() + 4))
            })
    };
    let mut t = title.clone();
    // Drop site-name segments at either end, repeatedly ("Story | Section | Site").
    for _ in 0..3 {
        let mut changed = false;
        for sep in separators(&title) {
            if let Some(i) = t.rfind(sep) {
                let (head, tail) = (&t[..i], &t[i + sep.len()..]);
                if is_site(tail) || looks_like_site(sep, tail, head) {
                    t = head.trim().to_string();
                    changed = true;
                    break;
                }
            }
            if let Some(i) = t.find(sep) {
                let (head, tail) = (&t[..i], &t[i + sep.len()..]);
                if (is_site(head) && tail.chars().count() > head.chars().count())
                    || looks_like_site_prefix(sep, head, tail)
                {
                    t = tail.trim().to_string();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    if t.is_empty() {
        title
    } else {
        t
    }
}

/// What parts a site's name from the headline in a `<title>`.
const SEPS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " ― ",
];

/// Guillemets parting a blog's name from a post's title (`Post « Blog`, `Blog » Post`:
/// WordPress's default), in a title that quotes nothing with them (`« La Cerisaie » part
/// en tournée`).
const GUILLEMET_SEPS: &[&str] = &[" « ", " » "];

/// The separators that part segments of `title`.
fn separators(title: &str) -> impl Iterator<Item = &'static str> {
    let quotes = title.contains('«') && title.contains('»');
    SEPS.iter()
        .chain(GUILLEMET_SEPS.iter().filter(move |_| !quotes))
        .copied()
}

fn normalise_site(s: &str) -> String {
    let l = s.to_lowercase();
    let l = l.trim_start_matches("www.");
    let l = l.trim_end_matches(".com").trim_end_matches(".org");
    l.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// After " | ", a short trailing segment (up to four words, much shorter than the
/// headline) is a site or section name; after a dash, only one or two capitalised words
/// after a headline of four words or more ("... - Entermedia"), since headlines use
/// dashes themselves ("Stadia reviews are in — and they're not great").
fn looks_like_site(sep: &str, tail: &str, head: &str) -> bool {
    let words = tail.split_whitespace().count();
    let head_words = head.split_whitespace().count();
    match sep {
        " | " | " :: " | " // " => words <= 4 && head_words >= 2 * words.max(2),
        " - " | " – " | " — " => {
            words <= 2 && head_words >= 4 && tail.chars().next().is_some_and(|c| c.is_uppercase())
        }
        _ => false,
    }
}

/// Before the headline, as after it: a short leading segment (up to four words) before a
/// headline at least twice as long, or three times as long after a dash, is the site's
/// or a section's name (`Prairie Sentinel - Nation - Small-town libraries bet on …`).
fn looks_like_site_prefix(sep: &str, head: &str, tail: &str) -> bool {
    let words = head.split_whitespace().count();
    let tail_words = tail.split_whitespace().count();
    let capitalised = head.chars().next().is_some_and(char::is_uppercase);
    match sep {
        " | " | " :: " | " // " => words <= 4 && tail_words >= 2 * words.max(3),
        " - " | " – " | " — " => capitalised && words <= 4 && tail_words >= 3 * words.max(2),
        _ => false,
    }
}

fn word_set(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
