//! Title, date and byline of an HTML page, from the metadata publishers put there for
//! search engines and social networks (JSON-LD, OpenGraph, `<meta>`), then from the
//! visible markup (`<h1>`, `<time>`, byline elements), then `<title>`.

use serde_json::Value;
use trafilatura::dom::{Document, NodeId};

use crate::extract::date::{parse_date, ArticleDate};
use crate::extract::markup::decode_entities;
use crate::extract::{byline, is_boilerplate, squash_spaces};

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<ArticleDate>,
    pub byline: Option<String>,
    pub authors: Vec<String>,
    /// JSON-LD `articleBody`, when the page ships the text as data.
    pub ld_body: Option<String>,
    /// The `<h1>` text, also used to spot the headline repeated at the top of the body.
    pub h1: Option<String>,
}

pub fn read(doc: &Document) -> Meta {
    let tags = MetaTags::read(doc);
    let ld = JsonLd::read(doc);
    let page_title = first_text(doc, "title");
    let h1 = headline_h1(doc, page_title.as_deref());
    let site_names = site_names(&tags, &ld);

    let title = title(page_title, &tags, &ld, h1.as_deref(), &site_names);
    let date = date(doc, &tags, &ld);
    let (byline, authors) = authors(doc, &tags, &ld);
    Meta {
        title,
        date,
        byline,
        authors,
        ld_body: ld.body,
        h1,
    }
}

// ---------------------------------------------------------------------------------------
// <meta> tags
// ---------------------------------------------------------------------------------------

/// `<meta>` values by lower-cased name, property or itemprop, first one wins.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(doc: &Document) -> Self {
        let mut out = Vec::new();
        for id in doc.query_selector_all(doc.root(), "meta[content]") {
            let Some(content) = doc.get_attribute(id, "content") else {
                continue;
            };
            let content = clean(&content);
            if content.is_empty() {
                continue;
            }
            for attr in ["name", "property", "itemprop"] {
                if let Some(key) = doc.get_attribute(id, attr) {
                    // `property` may list several ("og:title twitter:title").
                    for k in key.split_whitespace() {
                        out.push((k.to_ascii_lowercase(), content.clone()));
                    }
                }
            }
        }
        MetaTags(out)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------

/// The article described by the page's JSON-LD blocks (`NewsArticle`, `Article`,
/// `BlogPosting`, ... or, failing those, any object with a headline or publication date).
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    published: Vec<String>,
    authors: Vec<String>,
    body: Option<String>,
    publisher: Option<String>,
    site_name: Option<String>,
}

impl JsonLd {
    fn read(doc: &Document) -> Self {
        let values: Vec<Value> = doc
            .scripts_with_type(&["application/ld+json"])
            .into_iter()
            .filter_map(|id| parse_json_ld(&doc.text_content(id)))
            .collect();
        let mut objects = Vec::new();
        for v in &values {
            collect_objects(v, 0, &mut objects);
        }
        // Article types first, then anything that looks like a page about one article.
        let mut ranked: Vec<(u8, &serde_json::Map<String, Value>)> = objects
            .into_iter()
            .filter_map(|o| {
                let rank = type_rank(o)?;
                Some((rank, o))
            })
            .collect();
        ranked.sort_by_key(|(r, _)| *r);
        let mut out = JsonLd::default();
        for (rank, o) in &ranked {
            if *rank == WEBSITE_RANK {
                continue;
            }
            if out.headline.is_none() {
                out.headline = ["headline", "name", "alternativeHeadline"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(as_text));
            }
            for k in ["datePublished", "dateCreated", "uploadDate"] {
                if let Some(d) = o.get(k).and_then(as_text) {
                    out.published.push(d);
                }
            }
            if out.authors.is_empty() {
                for k in ["author", "creator"] {
                    if let Some(a) = o.get(k) {
                        people(a, 0, &mut out.authors);
                    }
                    if !out.authors.is_empty() {
                        break;
                    }
                }
            }
            if out.body.is_none() {
                out.body = o.get("articleBody").and_then(as_text);
            }
            if out.publisher.is_none() {
                out.publisher = o.get("publisher").and_then(|p| match p {
                    Value::Object(m) => m.get("name").and_then(as_text),
                    other => as_text(other),
                });
            }
        }
        out.site_name = ranked
            .iter()
            .find(|(r, _)| *r == WEBSITE_RANK)
            .and_then(|(_, o)| o.get("name").and_then(as_text));
        out
    }
}

const WEBSITE_RANK: u8 = 9;

/// 0 for news articles, 1 for other articles and posts, 2 for pages and other creative
/// works that carry a date or headline, `WEBSITE_RANK` for the site itself (its name only).
fn type_rank(o: &serde_json::Map<String, Value>) -> Option<u8> {
    let types: Vec<&str> = match o.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let has = |f: &dyn Fn(&str) -> bool| types.iter().any(|t| f(t));
    if has(&|t| t.ends_with("NewsArticle") || t == "ReportageNewsArticle") {
        Some(0)
    } else if has(&|t| {
        t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report" || t == "Review"
    }) {
        Some(1)
    } else if has(&|t| t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization") {
        Some(WEBSITE_RANK)
    } else if has(&|t| {
        matches!(
            t,
            "Person" | "ImageObject" | "BreadcrumbList" | "ListItem" | "SiteNavigationElement"
        )
    }) {
        None
    } else if o.contains_key("datePublished") || o.contains_key("headline") {
        Some(2)
    } else {
        None
    }
}

/// JSON-LD as published: often with raw newlines inside strings, HTML comments or CDATA
/// around it, or several objects without an enclosing array.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let t = raw.trim();
    let t = t.strip_prefix("<!--").unwrap_or(t);
    let t = t.strip_suffix("-->").unwrap_or(t).trim();
    let t = t.strip_prefix("//<![CDATA[").unwrap_or(t);
    let t = t.strip_suffix("//]]>").unwrap_or(t).trim();
    // Control characters are whitespace outside strings and invalid inside them.
    let cleaned: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(v) = serde_json::from_str(&cleaned) {
        return Some(v);
    }
    // Several objects one after another.
    let values: Vec<Value> = serde_json::Deserializer::from_str(&cleaned)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect();
    (!values.is_empty()).then_some(Value::Array(values))
}

fn collect_objects<'a>(
    v: &'a Value,
    depth: usize,
    out: &mut Vec<&'a serde_json::Map<String, Value>>,
) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, depth + 1, out)),
        Value::Object(m) => {
            out.push(m);
            for k in [
                "@graph",
                "mainEntity",
                "mainEntityOfPage",
                "itemListElement",
            ] {
                if let Some(x) = m.get(k) {
                    collect_objects(x, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

fn as_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return a.iter().find_map(as_text),
        Value::Object(m) => return m.get("@value").and_then(as_text),
        _ => return None,
    };
    let s = clean(s);
    (!s.is_empty()).then_some(s)
}

/// Names in a JSON-LD author value: "Jane Doe", {"name": ...}, or a list of those.
fn people(v: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > 3 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| people(x, depth + 1, out)),
        Value::Object(m) => {
            if let Some(n) = m.get("name") {
                people(n, depth + 1, out);
            }
        }
        Value::String(s) => {
            let s = clean(s);
            if let Some(n) = person_name(&s) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
                    out.push(n);
                }
            }
        }
        _ => {}
    }
}

/// A plausible author string: not a URL, not empty, not a paragraph.
fn person_name(s: &str) -> Option<String> {
    let s = byline::normalize(s)?;
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("http") || lower.starts_with("www.") || s.contains('@') && !s.contains(' ')
    {
        return None;
    }
    if s.chars().count() > 100 || s.split_whitespace().count() > 12 {
        return None;
    }
    // CMS account names, not people.
    if matches!(
        lower.as_str(),
        "admin" | "administrator" | "editor" | "webmaster" | "root"
    ) {
        return None;
    }
    Some(s)
}

// ---------------------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------------------

fn site_names(tags: &MetaTags, ld: &JsonLd) -> Vec<String> {
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
/// site name, section or login boxes); without a title, the first `<h1>` with text.
fn headline_h1(doc: &Document, page_title: Option<&str>) -> Option<String> {
    let h1s: Vec<String> = doc
        .query_selector_all(doc.root(), "h1")
        .into_iter()
        .map(|id| clean(&doc.text_content(id)))
        .filter(|t| !t.is_empty() && t.chars().count() <= 300)
        .collect();
    match page_title {
        Some(t) => {
            let title_words = word_set(t);
            h1s.into_iter().find(|h| {
                let words = word_set(h);
                let shared = words.intersection(&title_words).count() as f64;
                !words.is_empty()
                    && shared >= 0.6 * words.len() as f64
                    && shared >= 0.35 * title_words.len() as f64
                    && !is_boilerplate(h)
            })
        }
        None => h1s.into_iter().next(),
    }
}

fn title(
    page_title: Option<String>,
    tags: &MetaTags,
    ld: &JsonLd,
    h1: Option<&str>,
    sites: &[String],
) -> Option<String> {
    let candidates = [
        ld.headline.clone(),
        tags.get("og:title").map(str::to_string),
        tags.get("twitter:title").map(str::to_string),
        tags.get("headline").map(str::to_string),
        tags.get("dc.title").map(str::to_string),
        h1.map(str::to_string),
        page_title,
    ];
    let site_keys: Vec<String> = sites.iter().map(|s| normalise_site(s)).collect();
    candidates
        .into_iter()
        .flatten()
        .map(|t| strip_site_name(&t, sites, h1))
        .find(|t| is_title(t) && !site_keys.contains(&normalise_site(t)))
}

fn is_title(t: &str) -> bool {
    !t.is_empty() && !is_boilerplate(t) && t.chars().count() <= 400
}

/// "Headline | The Paper", "Headline - Site", "Site: Headline" -> "Headline".
pub fn strip_site_name(title: &str, sites: &[String], h1: Option<&str>) -> String {
    let title = squash_spaces(title);
    // The visible headline, when the page title merely decorates it.
    if let Some(h) = h1 {
        if h.chars().count() >= 10 && h != title && title.starts_with(h) {
            return h.to_string();
        }
    }
    const SEPS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " ― ",
    ];
    let lower_sites: Vec<String> = sites.iter().map(|s| normalise_site(s)).collect();
    let is_site = |seg: &str| {
        let n = normalise_site(seg);
        !n.is_empty()
            && lower_sites
                .iter()
                .any(|s| !s.is_empty() && (n == *s || n.contains(s.as_str()) || s.contains(&n)))
    };
    let mut t = title.clone();
    // Drop site-name segments at either end, repeatedly ("Story | Section | Site").
    for _ in 0..3 {
        let mut changed = false;
        for sep in SEPS {
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
                if is_site(head) && tail.chars().count() > head.chars().count() {
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

// ---------------------------------------------------------------------------------------
// Date
// ---------------------------------------------------------------------------------------

const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_date",
    "displaydate",
    "dateline",
    "creation_date",
    "datecreated",
];

fn date(doc: &Document, tags: &MetaTags, ld: &JsonLd) -> Option<ArticleDate> {
    let from_ld = ld.published.iter().find_map(|d| parse_date(d));
    if from_ld.is_some() {
        return from_ld;
    }
    for key in DATE_META {
        if let Some(d) = tags.all(key).find_map(parse_date) {
            return Some(d);
        }
    }
    // parsely-page: {"pub_date": "..."}
    if let Some(p) = tags.get("parsely-page") {
        if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(p) {
            if let Some(d) = m
                .get("pub_date")
                .and_then(as_text)
                .and_then(|d| parse_date(&d))
            {
                return Some(d);
            }
        }
    }
    // Microdata and <time> elements: publication first, never the "updated" one when a
    // publication time exists.
    for id in doc.query_selector_all(doc.root(), "[itemprop~=datePublished]") {
        if let Some(d) = element_date(doc, id) {
            return Some(d);
        }
    }
    let times = doc.query_selector_all(doc.root(), "time");
    let marked = |id: NodeId, words: &[&str]| {
        let mut s = String::new();
        for a in ["class", "itemprop", "id", "data-testid"] {
            s.push_str(&doc.get_attribute(id, a).unwrap_or_default().to_lowercase());
            s.push(' ');
        }
        if let Some(p) = doc.parent(id) {
            s.push_str(
                &doc.get_attribute(p, "class")
                    .unwrap_or_default()
                    .to_lowercase(),
            );
        }
        words.iter().any(|w| s.contains(w))
    };
    let updated = ["updat", "modif", "edited"];
    let published = ["publish", "posted", "created", "pubdate"];
    let ordered = times
        .iter()
        .filter(|&&id| doc.get_attribute(id, "pubdate").is_some() || marked(id, &published))
        .chain(times.iter().filter(|&&id| !marked(id, &updated)))
        .chain(times.iter());
    for &id in ordered {
        if let Some(d) = element_date(doc, id) {
            return Some(d);
        }
    }
    None
}

fn element_date(doc: &Document, id: NodeId) -> Option<ArticleDate> {
    for attr in ["datetime", "content", "data-datetime", "title"] {
        if let Some(v) = doc.get_attribute(id, attr) {
            if let Some(d) = parse_date(v.trim()) {
                return Some(d);
            }
        }
    }
    let text = squash_spaces(&doc.text_content(id));
    if text.chars().count() <= 80 {
        return parse_date(&text).or_else(|| crate::extract::date::find_date(&text));
    }
    None
}

// ---------------------------------------------------------------------------------------
// Byline
// ---------------------------------------------------------------------------------------

fn authors(doc: &Document, tags: &MetaTags, ld: &JsonLd) -> (Option<String>, Vec<String>) {
    if !ld.authors.is_empty() {
        return (Some(join_names(&ld.authors)), ld.authors.clone());
    }
    for key in [
        "author",
        "article:author",
        "og:article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "twitter:creator",
    ] {
        let names: Vec<String> = tags.all(key).filter_map(person_name).collect();
        let mut names = dedup(names);
        if key == "twitter:creator" {
            names.retain(|n| !n.starts_with('@'));
        }
        if !names.is_empty() {
            if names.len() == 1 {
                return (Some(names[0].clone()), Vec::new());
            }
            return (Some(join_names(&names)), names);
        }
    }
    for sel in [
        "[itemprop~=author] [itemprop~=name]",
        "[itemprop~=author]",
        "a[rel~=author]",
        "[class*=byline] [class*=author]",
        "[class*=byline]",
        "[class*=author-name]",
        "[class~=author]",
    ] {
        for id in doc.query_selector_all(doc.root(), sel).into_iter().take(5) {
            if let Some(b) = byline_text(doc, id) {
                return (Some(b), Vec::new());
            }
        }
    }
    (None, Vec::new())
}

/// The name in a byline element: its first line, without "By", dates or "Updated".
fn byline_text(doc: &Document, id: NodeId) -> Option<String> {
    let raw = doc
        .get_attribute(id, "content")
        .unwrap_or_else(|| doc.text_content(id));
    let line = raw
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())?
        .split(['|', '•', '·'])
        .next()?
        .to_string();
    let line = squash_spaces(&decode_entities(&line));
    let name = person_name(&line)?;
    let words = name.split_whitespace().count();
    if words > 8 || name.chars().any(|c| c.is_ascii_digit()) || is_boilerplate(&name) {
        return None;
    }
    if !name.chars().next()?.is_uppercase() {
        return None;
    }
    Some(name)
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
    out
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Entities decoded (JSON-LD and attributes often carry `&amp;` twice-escaped), controls
/// removed, whitespace collapsed.
fn clean(s: &str) -> String {
    let decoded = decode_entities(s);
    let cleaned = crate::extract::clean_text(&decoded);
    squash_spaces(&cleaned)
}

fn word_set(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn first_text(doc: &Document, selector: &str) -> Option<String> {
    doc.query_selector_all(doc.root(), selector)
        .into_iter()
        .map(|id| clean(&doc.text_content(id)))
        .find(|t| !t.is_empty())
}
