//! Unit tests on inline pages. The fixture pages in `fixtures/html/` (checked by the
//! integration tests against `tests/data/expected-html.json`) cover whole layouts:
//! - `jsonld-only.html`: JSON-LD `@graph` NewsArticle only (two authors, +02:00 date),
//!   `<title>` with a " | Site" suffix;
//! - `meta-only.html`: OpenGraph and `<meta>` only, `article:author` as a URL,
//!   `article:modified_time` next to the published time;
//! - `markup-only.html.gz` (gzip): no metadata but `<title>`; `<h1>`, a `rel=author`
//!   byline and two `<time>` elements, the "updated" one first;
//! - `microdata-latin1.html` (Windows-1252): schema.org microdata, French text.
//!
//! Each has a cookie notice, navigation, share bar, related links, comments and footer.

use super::*;
use crate::article::DatePrecision;

fn rfc3339(f: &Fields) -> Option<String> {
    f.date.map(|d| {
        d.at.format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    })
}

/// A page with navigation, share bar, related links, comments and a cookie notice around
/// an article of `paras` paragraphs; `head` goes in `<head>`, `top` above the text.
fn page(head: &str, top: &str, paras: &[&str]) -> String {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li></ul></nav></header>
<main><article>
{top}
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<div class="article-body">
{body}</div>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Harbour tolls to rise for the third year running, port board says</a></li>
<li><a href="/b">Ferry timetable shake-up leaves island commuters fuming at operator</a></li>
<li><a href="/c">Opinion: why the new tram depot is a bad idea for the east side</a></li>
</ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Great article, thanks for sharing this with all of us readers here!</p></div>
<div class="comment"><p>I disagree completely with the council and will vote against them next time.</p></div>
</section></main>
<footer><p>© 2021 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"##
    )
}

const PARAS: &[&str] = &[
    "The regional orchestra will tour eleven towns across the valley this spring, its board announced on Tuesday, the first tour since the concert hall closed for repairs.",
    "Conductor Ilse Varga said the programme would mix well-known symphonies with new pieces written by students at the local conservatory, who will also perform.",
    "“We wanted to bring the music to people who cannot easily travel to the city,” Varga said, adding that tickets would cost no more than a cinema seat.",
    "The tour is funded by a grant from the arts council and by donations from around four hundred residents, according to the orchestra’s annual report.",
    "Rehearsals begin next month in a school gym lent by the education department while the hall’s roof and heating are replaced.",
];

#[test]
fn json_ld_article_gives_all_fields() {
    let head = r#"<title>Orchestra to tour valley towns | The Daily Example</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Daily Example"},
 {"@type":"NewsArticle","headline":"Orchestra to tour eleven valley towns",
  "datePublished":"2021-03-09T08:15:00+01:00","dateModified":"2021-03-10T10:00:00+01:00",
  "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Becker"}]}]}
</script>"#;
    let f = extract(&page(head, "", PARAS));
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour eleven valley towns")
    );
    assert_eq!(rfc3339(&f).as_deref(), Some("2021-03-09T08:15:00+01:00"));
    assert_eq!(f.date.unwrap().precision, DatePrecision::Second);
    assert_eq!(f.byline.as_deref(), Some("Ana Ruiz and Tom Becker"));
    assert_eq!(f.authors, vec!["Ana Ruiz", "Tom Becker"]);
}

#[test]
fn json_ld_author_shapes() {
    for (author, byline) in [
        (r#""Jane Doe""#, "Jane Doe"),
        (r#"{"@type":"Person","name":"Jane Doe"}"#, "Jane Doe"),
        (r#"[{"name":"Jane Doe"}]"#, "Jane Doe"),
        (
            r#"[{"name":"https://example.com/jane"},{"name":"Jane Doe"}]"#,
            "Jane Doe",
        ),
    ] {
        let head = format!(
            r#"<script type="application/ld+json">{{"@type":"Article","headline":"H","author":{author}}}</script>"#
        );
        let f = extract(&page(&head, "", PARAS));
        assert_eq!(f.byline.as_deref(), Some(byline), "{author}");
    }
}

#[test]
fn json_ld_with_raw_newlines_and_several_blocks() {
    let head = "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\",\"itemListElement\":[]}</script>\n\
<script type=\"application/ld+json\">\n{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak headline\",\"datePublished\":\"2020-05-04\"}\n</script>";
    let f = extract(&page(head, "", PARAS));
    assert_eq!(f.title.as_deref(), Some("Line break headline"));
    assert_eq!(rfc3339(&f).as_deref(), Some("2020-05-04T00:00:00Z"));
}

#[test]
fn opengraph_and_meta_tags() {
    let head = r#"<title>Orchestra tour announced - Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="og:title" content="Orchestra to tour eleven valley towns - Valley Post">
<meta property="article:published_time" content="2022-11-02T16:40:00Z">
<meta property="article:modified_time" content="2022-11-03T09:00:00Z">
<meta name="author" content="Priya Nair">"#;
    let f = extract(&page(head, "", PARAS));
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour eleven valley towns")
    );
    assert_eq!(rfc3339(&f).as_deref(), Some("2022-11-02T16:40:00Z"));
    assert_eq!(f.byline.as_deref(), Some("Priya Nair"));
}

#[test]
fn article_author_url_is_not_a_byline() {
    let head = r#"<meta property="article:author" content="https://www.facebook.com/valleypost">
<meta name="sailthru.date" content="2020-02-03 11:00:00">"#;
    let top = r#"<h1>Orchestra to tour eleven valley towns</h1><p class="byline">By <a rel="author" href="/staff/kim">Kim Osei</a></p>"#;
    let f = extract(&page(head, top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Kim Osei"));
    assert_eq!(rfc3339(&f).as_deref(), Some("2020-02-03T11:00:00Z"));
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour eleven valley towns")
    );
}

#[test]
fn a_lead_phrase_opens_a_byline_element() {
    let top = r#"<h1>Orchestra to tour eleven valley towns</h1><div class="author">Ein Artikel von <a href="/autoren/lindemeyer">Katharina Lindemeyer</a></div>"#;
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Katharina Lindemeyer"));
}

/// A short `<title>` no other source backs gives way to the headline the page prints in
/// full (an old table layout's `<font size=5><b>`); a body paragraph is no headline.
#[test]
fn a_short_title_spelled_out_on_the_page() {
    let top = r#"<table><tr><td><font size="5"><b>Orchestra to tour eleven valley towns after
winning state grant</b></font></td></tr></table>"#;
    let head = "<title>Orchestra to tour valley towns | Valley Ledger</title>";
    let f = extract(&page(head, top, PARAS));
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour eleven valley towns after winning state grant")
    );
    let top = "<p>The orchestra will tour the valley towns this summer.</p>";
    let f = extract(&page(head, top, PARAS));
    assert_eq!(f.title.as_deref(), Some("Orchestra to tour valley towns"));
}

/// Dates a line shows past a label in another language, or inside a marked byline's
/// line, and a date behind a `<br>` after an agency's name.
#[test]
fn dates_read_as_plain_text_lines() {
    let cases = [
        (
            r#"<div class="submitted">Par <a href="/auteur/mcd">Marie-Claire Dufresne</a> (service communication) – Publié le 08/04/2013 – Mis à jour le 10/04/2013</div>"#,
            "2013-04-08",
        ),
        (
            r#"<div class="pe">Publicado a 18 de fevereiro de 2020 · <a href="/comer/">Comer &amp; Beber</a></div>"#,
            "2020-02-18",
        ),
        (
            r#"<div><span class="agencia">EFE</span><br>22/09/2023 - 14:37h. &middot; Actualizado: 22/09/2023 - 18:05h.</div>"#,
            "2023-09-22",
        ),
    ];
    for (top, day) in cases {
        let top = format!("<h1>Orchestra to tour eleven valley towns</h1>{top}");
        let f = extract(&page("", &top, PARAS));
        assert_eq!(
            f.date.map(|d| d.at.date().to_string()).as_deref(),
            Some(day),
            "{top}"
        );
    }
}

/// The name a dated line gives after its `<time>` element, behind a dot.
#[test]
fn name_after_a_time_element() {
    let top = r#"<h1>Orchestra to tour eleven valley towns</h1><div class="meta"><span>Published
<time datetime="2022-10-14">14 October 2022</time>, updated <time datetime="2022-10-17">17
October 2022</time> &middot; <a href="/about/board/fiona">Fiona Ashworth-Lee</a>, Head of
Policy</span></div>"#;
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Fiona Ashworth-Lee"));
    assert_eq!(rfc3339(&f).as_deref(), Some("2022-10-14T00:00:00Z"));
}

#[test]
fn time_element_prefers_publication_over_update() {
    let top = r#"<h1>Orchestra to tour eleven valley towns</h1>
<div class="dates"><time class="updated" datetime="2021-06-02T12:00:00Z">Updated 2 June</time>
<time class="published" datetime="2021-06-01T09:30:00Z">1 June 2021</time></div>"#;
    let f = extract(&page("", top, PARAS));
    assert_eq!(rfc3339(&f).as_deref(), Some("2021-06-01T09:30:00Z"));
    let top = r#"<time datetime="2021-06-01T09:30:00Z">1 June</time>"#;
    assert_eq!(
        rfc3339(&extract(&page("", top, PARAS))).as_deref(),
        Some("2021-06-01T09:30:00Z")
    );
}

#[test]
fn itemprop_date_and_author() {
    let top = r#"<h1 itemprop="headline">Orchestra to tour eleven valley towns</h1>
<span itemprop="author" itemscope><span itemprop="name">Lea Fontaine</span></span>
<meta itemprop="datePublished" content="2019-09-30T07:00:00-04:00">"#;
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Lea Fontaine"));
    assert_eq!(rfc3339(&f).as_deref(), Some("2019-09-30T07:00:00-04:00"));
}

#[test]
fn placeholder_dates_are_dropped() {
    let head = r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">"#;
    assert_eq!(extract(&page(head, "", PARAS)).date, None);
}

#[test]
fn title_falls_back_to_h1_then_title_without_site_name() {
    let f = extract(&page(
        "<title>Orchestra to tour eleven valley towns | The Daily Example</title>",
        "",
        PARAS,
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour eleven valley towns")
    );
    let f = extract(&page(
        "<title>Orchestra to tour eleven valley towns – Daily Example</title>",
        "<h1>Orchestra to tour eleven valley towns</h1>",
        PARAS,
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour eleven valley towns")
    );
    // A boilerplate line is never the title.
    let f = extract(&page(
        "<title>Orchestra to tour eleven valley towns</title>",
        "<h1>Advertisement</h1>",
        PARAS,
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour eleven valley towns")
    );
}

#[test]
fn site_name_stripping() {
    let sites = vec!["The Paper".to_string()];
    assert_eq!(
        strip_site_name("Rates rise | The Paper", &sites, None),
        "Rates rise"
    );
    assert_eq!(
        strip_site_name("The Paper - Rates rise again", &sites, None),
        "Rates rise again"
    );
    assert_eq!(
        strip_site_name("Rates rise - Some Site", &[], Some("Rates rise")),
        "Rates rise"
    );
    // A tail that mentions the site is part of the headline; the site with a word more is
    // still the site.
    let sites = vec!["Acme".to_string()];
    assert_eq!(
        strip_site_name("Take C.A.R.E. - Acme at the Fair 2018", &sites, None),
        "Take C.A.R.E. - Acme at the Fair 2018"
    );
    assert_eq!(
        strip_site_name("Rates rise again today | Acme News", &sites, None),
        "Rates rise again today"
    );
    // Hyphenated headlines without a known site stay whole.
    assert_eq!(
        strip_site_name("Spain beat Russia - and Nadal shines", &[], None),
        "Spain beat Russia - and Nadal shines"
    );
}

#[test]
fn body_is_the_article_without_page_furniture() {
    let top = r#"<h1>Orchestra to tour eleven valley towns</h1><p class="byline">By Kim Osei</p>
<p class="date">March 9, 2021</p>"#;
    let f = extract(&page(
        "<title>Orchestra to tour eleven valley towns</title>",
        top,
        PARAS,
    ));
    let want = PARAS.join("\n\n");
    assert_eq!(f.body, want);
    for junk in [
        "cookies",
        "Home",
        "Share on",
        "Related stories",
        "Harbour tolls",
        "Great article",
        "All rights reserved",
        "By Kim Osei",
        "March 9, 2021",
    ] {
        assert!(!f.body.contains(junk), "{junk:?} in {:?}", f.body);
    }
}

#[test]
fn short_page_still_has_text() {
    let html = "<html><head><title>Notice</title></head><body><p>The library is closed on Monday.</p></body></html>";
    let f = extract(html);
    assert_eq!(f.title.as_deref(), Some("Notice"));
    assert_eq!(f.body, "The library is closed on Monday.");
}

#[test]
fn json_ld_article_body_when_the_page_has_no_text() {
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Scripted page",
"articleBody":"<p>First paragraph of the story.</p><p>Second paragraph &amp; more.</p>"}</script>"#;
    let html = format!("<html><head>{head}</head><body><div id=app></div></body></html>");
    let f = extract(&html);
    assert_eq!(
        f.body,
        "First paragraph of the story.\n\nSecond paragraph & more."
    );
}

#[test]
fn broken_and_truncated_html() {
    let html = "<html><head><title>Cut short</title><body><div><p>The first paragraph is complete and long enough to count as text.<p>The second one is cut off in the mid";
    let f = extract(html);
    assert_eq!(f.title.as_deref(), Some("Cut short"));
    assert!(
        f.body.contains("The first paragraph is complete"),
        "{:?}",
        f.body
    );
    for junk in [
        "<",
        "<html",
        "<<<>>>",
        "<p",
        "<script>",
        "<!--",
        "<title></title>",
        "\u{0}\u{1}\u{fffd}",
        "<meta property=\"og:title\" content=\"\">",
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",</script>",
        "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>",
    ] {
        let _ = extract(junk);
    }
}

#[test]
fn empty_input() {
    assert_eq!(extract(""), Fields::default());
    assert_eq!(extract("  \n "), Fields::default());
    assert_eq!(extract("<html></html>").body, "");
}

#[test]
fn deeply_nested_divs_do_not_overflow_the_stack() {
    let depth = 100_000;
    let html = format!(
        "<html><head><title>Deep</title></head><body>{}<p>Buried text at the bottom of the page.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // The default test thread has a 2 MiB stack: nothing may recurse per level.
    let f = extract(&html);
    assert_eq!(f.title.as_deref(), Some("Deep"));
    assert!(f.body.contains("Buried text"), "{:?}", f.body);
    // Unclosed, too.
    let f = extract(&format!("<p>start</p>{}", "<span><div>".repeat(depth)));
    assert!(f.body.contains("start"));
}

#[test]
fn moderately_nested_page_goes_through_the_main_extractor() {
    let depth = MAX_DEPTH - 20;
    let html = format!(
        "<html><head><title>Nested</title></head><body>{}{}{}</body></html>",
        "<div>".repeat(depth),
        PARAS
            .iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>(),
        "</div>".repeat(depth)
    );
    let f = extract(&html);
    assert!(f.body.starts_with("The regional orchestra"), "{:?}", f.body);
}

#[test]
fn page_furniture_lines() {
    for l in [
        "Photo: Chronicle archive",
        "Installation views, photos © Studio Nord, 2018",
        "Updated at 1:23 p.m.",
        "Get the latest updates right in your inbox. Subscribe to our newsletters.",
        "Pick Six Newsletter",
        "Thanks for signing up!",
        "Have a tip? Jo Smith may be reached at jo@example.com. Follow her on Twitter @jo.",
        "Follow @ValleyDeals on Twitter for more.",
        "Read more: Council approves the new tram depot",
        "Like this story? Share it with a friend!",
    ] {
        assert!(body::is_page_furniture(l), "{l:?}");
    }
    for l in [
        "© Reuters",
        "The newsletter, first published in 1990, will close next month, its editor said in a letter to subscribers, citing rising postage costs and falling sign-ups.",
        "Updated figures released on Monday show the deficit narrowed to 3 percent.",
        "The senator told his followers on Twitter that he would vote against the bill.",
        "Click here to get more information or download this game.",
    ] {
        assert!(!body::is_page_furniture(l), "{l:?}");
    }
}

#[test]
fn json_ld_author_reference_is_followed_to_its_person() {
    // Yoast's shape: the article names its author by `@id`; the Person is elsewhere.
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","@id":"https://example.com/#organization","name":"Valley Post"},
 {"@type":"Article","@id":"https://example.com/tour/#article","headline":"Orchestra to tour",
  "author":{"@id":"https://example.com/#/schema/person/42"},"datePublished":"2021-03-09T08:15:00+00:00"},
 {"@type":["Person"],"@id":"https://example.com/#/schema/person/42","name":"Ana Ruiz",
  "image":{"@type":"ImageObject","caption":"Ana Ruiz"}}]}</script>"#;
    let f = extract(&page(head, "", PARAS));
    assert_eq!(f.byline.as_deref(), Some("Ana Ruiz"));
    // A reference to nothing, or to itself, gives no name and does not loop.
    for author in [
        r#"{"@id":"https://example.com/#nobody"}"#,
        r#"{"@id":"https://example.com/#self"}"#,
    ] {
        let head = format!(
            r#"<script type="application/ld+json">[{{"@type":"Article","headline":"H","author":{author}}},
{{"@type":"Thing","@id":"https://example.com/#self","author":{{"@id":"https://example.com/#self"}}}}]</script>"#
        );
        assert_eq!(extract(&page(&head, "", PARAS)).byline, None, "{author}");
    }
    // The Person is often the CMS login rather than a name.
    let head = head.replace(r#""name":"Ana Ruiz""#, r#""name":"ana_r""#);
    assert_eq!(extract(&page(&head, "", PARAS)).byline, None);
}

#[test]
fn json_ld_with_trailing_commas_is_read() {
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle",
  "headline":"Orchestra to tour, ] eleven towns ,}",
  "keywords":["music","valley",],
  "datePublished":"2021-03-08T16:06:51-05:00",
  "author":{"@type":"Person","name":"Ana Ruiz",},
}</script>"#;
    let f = extract(&page(head, "", PARAS));
    assert_eq!(rfc3339(&f).as_deref(), Some("2021-03-08T16:06:51-05:00"));
    assert_eq!(f.byline.as_deref(), Some("Ana Ruiz"));
    // Commas inside strings are text, not syntax.
    assert_eq!(
        f.title.as_deref(),
        Some("Orchestra to tour, ] eleven towns ,}")
    );
}

#[test]
fn a_precise_date_refines_a_coarse_one_on_the_same_day() {
    let ld = |d: &str| {
        format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"H","datePublished":"{d}"}}</script>"#
        )
    };
    let meta = |d: &str| format!(r#"<meta property="article:published_time" content="{d}">"#);
    for (ld_date, meta_date, want, precision) in [
        (
            "March 8, 2021",
            "2021-03-08T10:21:08+00:00",
            "2021-03-08T10:21:08Z",
            DatePrecision::Second,
        ),
        // The same day somewhere: 22:30 in New York is the next day in UTC.
        (
            "2021-03-08",
            "2021-03-08T22:30:00-05:00",
            "2021-03-08T22:30:00-05:00",
            DatePrecision::Second,
        ),
        (
            "2021-03",
            "2021-03-08T22:30:00Z",
            "2021-03-08T22:30:00Z",
            DatePrecision::Second,
        ),
        // Another day: the first source stands.
        (
            "March 8, 2021",
            "2021-03-15T10:21:08+00:00",
            "2021-03-08T00:00:00Z",
            DatePrecision::Day,
        ),
    ] {
        let head = format!("{}{}", ld(ld_date), meta(meta_date));
        let f = extract(&page(&head, "", PARAS));
        assert_eq!(
            rfc3339(&f).as_deref(),
            Some(want),
            "{ld_date} / {meta_date}"
        );
        assert_eq!(f.date.map(|d| d.precision), Some(precision));
    }
    // Between two precise dates the first source wins, even when they differ.
    let head = format!(
        "{}{}",
        ld("2021-03-08T08:00:00Z"),
        meta("2021-03-08T10:21:08Z")
    );
    assert_eq!(
        rfc3339(&extract(&page(&head, "", PARAS))).as_deref(),
        Some("2021-03-08T08:00:00Z")
    );
}

#[test]
fn json_ld_authors_are_split_like_bylines() {
    for (author, byline, authors) in [
        (
            r#""MEG DOE and ERRIN ROE, Associated Press""#,
            "MEG DOE and ERRIN ROE, Associated Press",
            &["MEG DOE", "ERRIN ROE", "AP"][..],
        ),
        (
            r#"{"@type":"Person","name":"TOM ROE, AP Auto Writer"}"#,
            "TOM ROE, AP",
            &["TOM ROE", "AP"][..],
        ),
        (
            r#"[{"name":"Analysis by Kim Osei"},{"name":"Lea Fontaine"}]"#,
            "Kim Osei and Lea Fontaine",
            &["Kim Osei", "Lea Fontaine"][..],
        ),
    ] {
        let head = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"H","author":{author}}}</script>"#
        );
        let f = extract(&page(&head, "", PARAS));
        assert_eq!(f.byline.as_deref(), Some(byline), "{author}");
        assert_eq!(f.authors, authors, "{author}");
    }
}

#[test]
fn byline_elements_keep_block_boundaries() {
    const H1: &str = "<h1>Orchestra to tour eleven valley towns</h1>";
    for (top, byline, authors) in [
        // Two blocks, names then agency: not "TOM BECKERAssociated Press".
        (
            r#"<div class="story-byline"><div class="field">By ANA RUIZ and TOM BECKER</div><div class="field">Associated Press</div></div>"#,
            "ANA RUIZ and TOM BECKER, Associated Press",
            &["ANA RUIZ", "TOM BECKER", "AP"][..],
        ),
        // A line break before the date.
        (
            r#"<h3 class="byline">by Kim Osei<br><span class="datetime">Monday, March 8, 2021</span></h3>"#,
            "Kim Osei",
            &["Kim Osei"][..],
        ),
        // "by" and the linked name on separate source lines.
        (
            "<div class=\"head-byline\" itemprop=\"author\" itemscope>\n <div class=\"head-authorName\" itemprop=\"name\">\n   by \n  <a href=\"/author/lea\">Lea Fontaine</a>\n </div>\n <div class=\"head-date\">\n   | March 8, 2021 12:01 PM\n </div>\n</div>",
            "Lea Fontaine",
            &["Lea Fontaine"][..],
        ),
    ] {
        let f = extract(&page("", &format!("{H1}{top}"), PARAS));
        assert_eq!(f.byline.as_deref(), Some(byline), "{top}");
        // Markup bylines are split into authors for every format alike, later.
        assert_eq!(crate::extract::byline::names(byline), authors, "{top}");
    }
}

#[test]
fn a_byline_of_several_author_elements_names_them_all() {
    const H1: &str = "<h1>Orchestra to tour eleven valley towns</h1>";
    let three = r#"<div class="byline">By <a class="byline__author" href="/a/pr">Priya Raman</a>, <a class="byline__author" href="/a/do">Daniel Osei</a> and <a class="byline__author" href="/a/ml">Margaret Lind</a></div>"#;
    let f = extract(&page("", &format!("{H1}{three}"), PARAS));
    assert_eq!(
        f.byline.as_deref(),
        Some("Priya Raman, Daniel Osei and Margaret Lind")
    );
    assert_eq!(f.authors, ["Priya Raman", "Daniel Osei", "Margaret Lind"]);
    // One author element beside other text is that author alone.
    let one = r#"<div class="byline">By <a class="byline__author" href="/a/pr">Priya Raman</a>, with reporting from the valley towns by our regional desk staff</div>"#;
    let f = extract(&page("", &format!("{H1}{one}"), PARAS));
    assert_eq!(f.byline.as_deref(), Some("Priya Raman"));
}

#[test]
fn a_guestbook_and_a_life_span_are_not_the_page_s() {
    let top =
        "<h1>Eleanor Mae Kowalczyk</h1><p class=\"life\">June 14, 1931 – February 27, 2024</p>";
    let page = page("", top, PARAS).replace(
        "</article>",
        "<section class=\"guestbook\"><div class=\"gb-entry\"><div class=\"gb-entry__date\">March 5, 2024</div>\
         <p>Our prayers are with the family.</p><div class=\"gb-entry__author\">Barbara Tillotson, Ashby Falls</div></div></section></article>",
    );
    let f = extract(&page);
    assert_eq!(f.byline, None);
    assert_eq!(f.date, None);
}

#[test]
fn dates_by_their_text_over_their_class() {
    const H1: &str = "<h1>Orchestra to tour eleven valley towns</h1>";
    // Both lines carry the update's class; only the second says it is the update.
    let twins = r#"<p class="is-last-update">05 marzo 2024 | 07:30</p><p class="is-last-update">Ultimo aggiornamento: 05 marzo 2024 | 11:02</p>"#;
    let f = extract(&page("", &format!("{H1}{twins}"), PARAS));
    assert_eq!(rfc3339(&f).as_deref(), Some("2024-03-05T07:30:00Z"));
    // A numeric date with dashes and a two-digit year, on a French page: day first.
    let dashed = r#"<p class="meta">Publié le 05-03-24 à 10h32</p>"#;
    let html = page("", &format!("{H1}{dashed}"), PARAS).replace("lang=\"en\"", "lang=\"fr\"");
    assert_eq!(
        rfc3339(&extract(&html)).as_deref(),
        Some("2024-03-05T10:32:00Z")
    );
    // Two `<time>` elements whose own text labels them: the publication's.
    let labelled = r#"<div class="meta"><time datetime="2024-03-12T09:00:00-05:00">Updated March 12, 2024</time> · <time datetime="2024-03-10T07:30:00-05:00">Published March 10, 2024</time></div>"#;
    let f = extract(&page("", &format!("{H1}{labelled}"), PARAS));
    assert_eq!(rfc3339(&f).as_deref(), Some("2024-03-10T07:30:00-05:00"));
    // Comments in a box named only by its heading; their `<time>` text read day first on
    // a Spanish page, and none of them the article's date.
    let comments = r#"<p class="v-ath__d">Valencia | Martes, 12 marzo 2024, 18:05</p>"#;
    let html = page("", &format!("{H1}{comments}"), PARAS)
        .replace("lang=\"en\"", "lang=\"es\"")
        .replace(
            "</article>",
            "<section class=\"v-cmts\"><h3>Comentarios</h3><ul><li><b>pep</b> <time>12/03/2024 19:21</time><p>Muy bien.</p></li></ul></section></article>",
        );
    assert_eq!(
        rfc3339(&extract(&html)).as_deref(),
        Some("2024-03-12T18:05:00Z")
    );
    // `Special to` the paper is no part of the name.
    let special = r#"<div class="asset-byline"><span>By</span> <span class="tnt-byline"><a href="/u/tb">Tyler Brandt</a></span> <span class="byline-title">Special to the Gazette</span></div>"#;
    let f = extract(&page("", &format!("{H1}{special}"), PARAS));
    assert_eq!(f.byline.as_deref(), Some("Tyler Brandt"));
}

#[test]
fn by_and_a_linked_name_is_a_byline() {
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<p class=\"story-meta\">\nBy <a class=\"link\" href=\"/staff/kim-osei/\">Kim Osei</a> on Monday, March 8th, 2021 at 11:04 a.m.\n</p>";
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Kim Osei"));
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<p>By <a href=\"/a\">Kim Osei</a> and <a href=\"/b\">Lea Fontaine</a></p>";
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Kim Osei and Lea Fontaine"));
    // Not a photo credit, a "Powered by" link or the bylines of related stories.
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<p>Photo by <a href=\"/p\">Jo Smith</a></p>";
    let related = "<div class=\"related-stories\"><p>By <a href=\"/c\">Ana Ruiz</a></p></div>";
    for top in [top.to_string(), format!("{top}{related}")] {
        assert_eq!(extract(&page("", &top, PARAS)).byline, None, "{top}");
    }
}

#[test]
fn date_shown_near_the_headline() {
    const H1: &str = "<h1>Orchestra to tour eleven valley towns</h1>";
    for (top, want) in [
        (
            "<div class=\"byline\"><span class=\"author\">Kim Osei</span></div>\n<div class=\"publish-date\">\n  Published 10:40 PM EST Mar 8, 2021\n</div>",
            "2021-03-08T22:40:00-05:00",
        ),
        (
            r#"<span class="article-publish-date">March 8, 2021, 8:15 AM</span>"#,
            "2021-03-08T08:15:00Z",
        ),
        // The revision first, then the publication, each `<time>` after its label.
        (
            r#"<div class="timestamp"><span class="ts">Last Updated: <time datetime="2021-03-09T08:02:00Z">March 9, 2021 at 8:02 a.m.</time></span> <span class="ts">First Published: <time datetime="2021-03-08T16:47:00Z">March 8, 2021 at 4:47 p.m.</time></span></div>"#,
            "2021-03-08T16:47:00Z",
        ),
        (
            r#"<h3 class="byline">by Kim Osei<br><span class="datetime">Monday, March 8, 2021</span></h3>"#,
            "2021-03-08T00:00:00Z",
        ),
        // The date after a byline in the same block.
        (
            "<p class=\"story-meta\">\nBy <a href=\"/staff/kim\">Kim Osei</a> on Monday, March 8th, 2021 at 10:04 a.m.\n</p>",
            "2021-03-08T10:04:00Z",
        ),
        // No class, but a label.
        (
            "<p>Published: Monday, March 8th, 2021 at 10:20 a.m.</p>",
            "2021-03-08T10:20:00Z",
        ),
    ] {
        let f = extract(&page("", &format!("{H1}{top}"), PARAS));
        assert_eq!(rfc3339(&f).as_deref(), Some(want), "{top}");
    }
    // Dates of related stories, comments, the footer, or mentioned in a line that is
    // not only a date, are not the article's.
    let top = format!(
        "{H1}<p class=\"summary-date\">Tickets on sale from March 8, 2021 at the box office</p>\
<div class=\"recommended-stories\"><div class=\"story-date\">March 1, 2021</div></div>\
<div class=\"twitter-widget\"><p class=\"tweet-date\">March 2, 2021, 10:54 am</p></div>"
    );
    let html = page("", &top, PARAS).replace(
        "<p>Great article",
        "<p class=\"comment-date\">March 9, 2021</p><p>Great article",
    );
    assert_eq!(rfc3339(&extract(&html)), None);
}

#[test]
fn author_labels_places_and_commenters() {
    // A label before the name and the station after it; a place after `at`.
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<div class=\"article__author\"><span class=\"article__author-name\">Author: Marisol Fuentes, KQVE</span></div>";
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Marisol Fuentes"));
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<p class=\"byline\">Tomasz Lindqvist at the Quayside Ground</p>";
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline.as_deref(), Some("Tomasz Lindqvist"));
    // An outlet after the names goes; a box's heading naming the author is no name.
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<p class=\"byline\">By Lorraine Addo and Kevin Matsuda-Park, Meridian Wire Service</p>";
    let f = extract(&page("", top, PARAS));
    assert_eq!(
        f.byline.as_deref(),
        Some("Lorraine Addo and Kevin Matsuda-Park")
    );
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<div class=\"about-author\"><h2 class=\"about-author__heading\">About the author</h2></div>";
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline, None);
    // A commenter's name in a Spanish comment's author class is nobody's byline.
    let top = "<h1>Orchestra to tour eleven valley towns</h1>\n<div class=\"comentario\"><span class=\"comentario__autor\">Rafa Zaragoza</span> <p>Llevo ocho años esperando esto.</p></div>";
    let f = extract(&page("", top, PARAS));
    assert_eq!(f.byline, None);
}

/// A press office's release dated only in a box of its data beside the story, as a
/// definition list's term and value.
#[test]
fn a_date_defined_in_a_data_box() {
    let html = |term: &str| {
        let story: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            "<html><body><div class=\"col-8\"><h1>Orchestra to tour eleven valley towns</h1>\
             {story}</div><div class=\"col-4\"><div class=\"card\"><div>Datos de la nota</div>\
             <dl><dt>{term}</dt><dd>22/03/2019</dd><dt>Hora</dt><dd>13:45</dd></dl>\
             </div></div></body></html>"
        )
    };
    let read = |h: &str| {
        let (f, p) = super::extract_explained(h, None);
        let day = f.date.map(|d| d.at.date().to_string());
        (day, p.date.map(|r| r.name))
    };
    assert_eq!(
        read(&html("Fecha de publicación")),
        (Some("2019-03-22".into()), Some("dateline-published"))
    );
    // A revision's term, in a box away from the headline, dates nothing.
    assert_eq!(read(&html("Última actualización")), (None, None));
}
