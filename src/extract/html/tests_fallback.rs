//! Unit tests of the fallbacks for pages without date metadata (one per date rule and per
//! rejection) and of the title vote, on short inline pages written for these tests.

use super::*;
use crate::article::{rfc3339, DatePrecision};

pub(super) const BODY: &str =
    "<p>The harbour at Kestrel Bay reopened to fishing boats on Thursday after \
    three weeks of repairs to the storm-damaged sea wall, the port board said.</p>\
    <p>Crews worked through the night to replace the last of the granite blocks, and the \
    first trawlers were unloading their catch by mid-morning.</p>";

/// A page: `head` in `<head>`, `top` between the headline and the text, `after` below it.
pub(super) fn page(head: &str, top: &str, after: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{head}<title>Kestrel Bay harbour reopens after repairs</title></head>\
         <body><header><a href=\"/\">Home</a></header><main><article>\
         <h1>Kestrel Bay harbour reopens after repairs</h1>{top}<div class=\"body\">{BODY}</div>\
         </article>{after}</main></body></html>"
    )
}

pub(super) fn dated(html: &str) -> Option<(String, DatePrecision, &'static str)> {
    let (fields, why) = extract_explained(html, None);
    let d = fields.date?;
    Some((rfc3339(d.at), d.precision, why.date.map_or("", |r| r.name)))
}

pub(super) fn day(html: &str) -> Option<String> {
    dated(html).map(|(t, _, _)| t[..10].to_string())
}

pub(super) fn rule(html: &str) -> &'static str {
    dated(html).map_or("", |(_, _, r)| r)
}

#[test]
fn time_marked_published() {
    let html = page(
        "",
        r#"<p class="meta"><time class="entry-date published updated" datetime="2019-06-27T08:30:00Z">27 June</time></p>"#,
        "",
    );
    assert_eq!(
        dated(&html),
        Some((
            "2019-06-27T08:30:00Z".into(),
            DatePrecision::Second,
            "time-published"
        ))
    );
}

#[test]
fn time_near_headline_beats_related_list() {
    let html = page(
        "",
        r#"<time datetime="2019-06-27">June 27</time>"#,
        r#"<div class="related"><time datetime="2019-06-01">June 1</time></div>"#,
    );
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
    assert_eq!(rule(&html), "time");
}

#[test]
fn a_paragraph_dating_the_piece_itself() {
    let html = page(
        "",
        "<p>By Dana Whitfield | Published 3 weeks ago</p>",
        "<p>This review was published on November 14, 2023, and appears in the January \
         2024 print issue. Prices and menu items may have changed since our visits.</p>",
    );
    assert_eq!(day(&html).as_deref(), Some("2023-11-14"));
    assert_eq!(rule(&html), "self-dated");
    // A report the story quotes dates the report, not the piece.
    let html = page(
        "",
        "",
        "<p>The port board's report, published on November 14, 2023, found the wall \
         had been patched twice since the storms of the previous winter.</p>",
    );
    assert_eq!(day(&html), None);
}

#[test]
fn a_row_of_fields_dates_the_page_and_a_list_of_teasers_does_not() {
    let teasers = r#"<div class="box"><div class="box_titel">Weitere Meldungen aus der Region</div>
        <div class="item"><div class="item_date">06.02.2024 · Landkreis</div>
        <div class="item_title"><a href="/a">Kreisverwaltung ändert die Öffnungszeiten der Zulassungsstelle</a></div></div>
        <div class="item"><div class="item_date">05.02.2024 · Kultur</div>
        <div class="item_title"><a href="/b">Stadtbücherei startet eine neue Lesereihe im Frühjahr</a></div></div></div>"#;
    let html = page(
        "",
        r#"<div class="infozeile">Pressemitteilung vom 7. Februar 2024 | Rubrik: <a href="/w">Wirtschaft</a></div>"#,
        teasers,
    );
    assert_eq!(day(&html).as_deref(), Some("2024-02-07"));
    // `Pressemitteilung vom` labels the publication.
    assert_eq!(rule(&html), "dateline-published");
    // Without the row, the teasers' dates are no one's.
    let html = page("", "", teasers);
    assert_eq!(day(&html), None);
}

#[test]
fn posted_on_dateline() {
    let html = page("", "<p>Posted on 27 June 2019</p>", "");
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
    assert_eq!(rule(&html), "dateline-published");
}

#[test]
fn posted_on_dateline_with_author() {
    let html = page("", "<p>Posted on 27 June 2019 by Mara Lindqvist</p>", "");
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
    assert_eq!(rule(&html), "dateline-published");
    // The dateline names the author when nothing else on the page does.
    let (f, _) = extract_explained(&html, None);
    assert_eq!(f.byline.as_deref(), Some("Mara Lindqvist"));
    // A byline element elsewhere wins; a credit that is no name is no byline.
    let marked = page(
        "",
        r#"<p class="byline">By Jon Arne Sand</p><p>Posted on 27 June 2019 by Mara Lindqvist</p>"#,
        "",
    );
    assert_eq!(
        extract_explained(&marked, None).0.byline.as_deref(),
        Some("Jon Arne Sand")
    );
    let staff = page(
        "",
        "<p>Posted on 27 June 2019 by the harbour board staff</p>",
        "",
    );
    assert_eq!(extract_explained(&staff, None).0.byline, None);
}

#[test]
fn byline_then_date_after_a_comma() {
    let html = page(
        "",
        "<p class=\"byline\">By Mara Lindqvist, June 27, 2019</p>",
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
    assert_eq!(rule(&html), "byline-date");
}

#[test]
fn photo_credit_with_a_year_is_no_date() {
    let html = page("", "<p>Photo by Mara Lindqvist, 2019</p>", "");
    assert_eq!(dated(&html), None);
}

#[test]
fn german_dateline() {
    let html = page("", "<div>Veröffentlicht am 27.06.2019</div>", "");
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
}

/// Shown dates read as plain-text datelines are: a place before the date, a name after
/// it, Italian, Dutch and Portuguese months and labels.
#[test]
fn datelines_in_more_languages() {
    for (top, want) in [
        (
            "<time>Madrid, 27 de junio de 2019 - 14:35 CEST</time>",
            "2019-06-27",
        ),
        (
            r#"<p class="entry-meta">Veröffentlicht am 27. Juni 2019 von Sabine</p>"#,
            "2019-06-27",
        ),
        (
            r#"<span class="data">27/06/2019 às 10h30 - Atualizado em 28/06/2019</span>"#,
            "2019-06-27",
        ),
        (
            r#"<div class="data">Pubblicato il 14 marzo 2021 alle ore 09:12</div>"#,
            "2021-03-14",
        ),
        (
            "<p>Gepubliceerd op 3 februari 2020 om 16:45</p>",
            "2020-02-03",
        ),
        // A French label puts the day first, also around a `<time>` element.
        (
            r#"<p class="article__date">Publié le <time>12/03/2023 à 18:05</time></p>"#,
            "2023-03-12",
        ),
        ("<p>Publié le 12/03/2023 à 18:05</p>", "2023-03-12"),
    ] {
        assert_eq!(day(&page("", top, "")).as_deref(), Some(want), "{top}");
    }
}

#[test]
fn published_with_time() {
    let html = page("", "<span>Published: 20.11.2019 10:15</span>", "");
    assert_eq!(
        dated(&html).map(|(t, p, _)| (t, p)),
        Some(("2019-11-20T10:15:00Z".into(), DatePrecision::Minute))
    );
}

#[test]
fn published_beats_updated() {
    let html = page(
        "",
        "<p>Updated 28 June 2019</p><p>Published 27 June 2019</p>",
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
}

/// A revision stamp in the article's header dates the piece when the page shows no other
/// date; the same stamp deep in a column of its own does not.
#[test]
fn updated_alone_in_the_header_dates_the_piece() {
    let html = page("", "<p>Updated 28 June 2019</p>", "");
    assert_eq!(day(&html).as_deref(), Some("2019-06-28"));
    assert_eq!(rule(&html), "dateline-updated");
    let html = format!(
        "<html><body><div><div><div><h1>Kestrel Bay harbour reopens after repairs</h1>\
         <div>{BODY}</div></div></div></div>\
         <div class=\"col\"><p>Updated 28 June 2019</p></div></body></html>"
    );
    assert_eq!(day(&html), None);
    // Nor in a box beside the article inside `<main>`.
    let html = page(
        "",
        "",
        "<div class=\"more\"><p>Updated 28 June 2019</p></div>",
    );
    assert_eq!(day(&html), None);
    // A date shown over the headline, as sure as the raised stamp, dates the page.
    let html = format!(
        "<html><body><main><article><p>3 May 2019</p>\
         <h1>Kestrel Bay harbour reopens after repairs</h1><p>Updated 9 June 2020</p>\
         <div>{BODY}</div></article></main></body></html>"
    );
    assert_eq!(day(&html).as_deref(), Some("2019-05-03"));
}

#[test]
fn byline_ending_in_a_date() {
    let html = page(
        "",
        r#"<div>Written by <a href="/a">Mara Lind</a> on November 14, 2019</div>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2019-11-14"));
    assert_eq!(rule(&html), "byline-date");
}

#[test]
fn one_segment_of_a_meta_line() {
    let html = page(
        "",
        "<ul><li>by Kestrel Port Office ／ 2016.12.01</li></ul><p>November 19, 2019 / 12:21 AM / Updated 2 hours ago</p>",
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2016-12-01"));
}

#[test]
fn lower_case_zone_after_a_time() {
    let html = page("", r#"<p class="stamp">Nov 20 2019, 10:18am ist</p>"#, "");
    assert_eq!(
        dated(&html).map(|(t, ..)| t),
        Some("2019-11-20T10:18:00+05:30".into())
    );
}

#[test]
fn url_day_from_canonical() {
    let html = page(
        r#"<link rel="canonical" href="https://example.org/2019/06/27/harbour-reopens/">"#,
        "",
        "",
    );
    assert_eq!(
        dated(&html),
        Some(("2019-06-27T00:00:00Z".into(), DatePrecision::Day, "url-day"))
    );
}

#[test]
fn url_month_from_og_url_stays_a_month() {
    let html = page(
        r#"<meta property="og:url" content="https://example.org/2019/06/harbour-reopens.html">"#,
        "",
        "",
    );
    assert_eq!(
        dated(&html).map(|(_, p, r)| (p, r)),
        Some((DatePrecision::Month, "url-month"))
    );
}

#[test]
fn shown_date_inside_the_url_day_adds_the_time() {
    let html = page(
        r#"<link rel="canonical" href="https://example.org/2019/06/27/harbour-reopens/">"#,
        r#"<p class="date">June 27, 2019 9:40 am</p>"#,
        "",
    );
    let got = dated(&html).map(|(t, _, r)| (t, r));
    assert_eq!(
        got,
        Some(("2019-06-27T09:40:00Z".to_string(), "dateline-marked"))
    );
    let (_, why) = extract_explained(&html, None);
    assert!(why.date.is_some_and(|r| r.confidence > 0.75));
}

#[test]
fn url_day_beats_an_unmarked_date_elsewhere() {
    let html = page(
        r#"<link rel="canonical" href="https://example.org/2019/06/27/harbour-reopens/">"#,
        "<p>July 3, 2019</p>",
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
}

#[test]
fn metadata_wins() {
    let html = page(
        r#"<meta property="article:published_time" content="2019-06-26T22:00:00Z">"#,
        "<p>Posted on 27 June 2019</p>",
        "",
    );
    assert_eq!(rule(&html), "metadata");
}

#[test]
fn copyright_is_not_a_date() {
    let html = page("", "", "<p>© 12.05.2019 Kestrel Bay Courier</p>");
    assert_eq!(day(&html), None);
}

#[test]
fn comment_dates_are_rejected() {
    let html = page(
        "",
        "",
        r#"<div class="comments"><p class="comment-date">June 28, 2019</p><time datetime="2019-06-28">June 28</time></div>"#,
    );
    assert_eq!(day(&html), None);
}

#[test]
fn caption_dates_are_rejected() {
    let html = page(
        "",
        "<figure><img src=a.jpg><figcaption>Posted on 3 March 2011</figcaption></figure>",
        "",
    );
    assert_eq!(day(&html), None);
}

#[test]
fn related_list_dates_are_rejected() {
    let html = page(
        "",
        "",
        r#"<section class="more-stories"><p class="date">June 20, 2019</p></section>"#,
    );
    assert_eq!(day(&html), None);
}

#[test]
fn todays_date_in_the_masthead_is_rejected() {
    let nav: String = (0..50).map(|i| format!("<span>Menu {i}</span>")).collect();
    let html = format!(
        "<html><head><title>Kestrel Bay harbour reopens after repairs</title></head><body>\
         <div>Wednesday 20 Nov 2019</div>{nav}<h1>Kestrel Bay harbour reopens after repairs</h1>{BODY}</body></html>"
    );
    assert_eq!(day(&html), None);
}

/// A blog theme: the site's name in the `<h1>`, the post's title in an `<h2>`, and the
/// `<title>` carrying the blog's name after a dash; the `<h2>` that agrees with the title
/// is the headline, and the blog's name goes.
#[test]
fn an_h2_entry_title_strips_the_blog_name() {
    let html = format!(
        "<html><head><title>Waterfront plan approved &#8211; The Quayside Blog</title></head>\
         <body><h1 class=\"site-title\">The Quayside Blog</h1><p>Notes from the old harbour</p>\
         <article><h2 class=\"entry-title\">Waterfront plan approved</h2>{BODY}</article></body></html>"
    );
    let (f, _) = extract_explained(&html, None);
    assert_eq!(f.title.as_deref(), Some("Waterfront plan approved"));
}

/// A `<title>` of segments parted by ` : ` (`Headline : Show : Site`) opens on the
/// headline, not on a blog's name: the `<h1>` stays the headline, and the date beside it
/// is the page's.
#[test]
fn spaced_colons_part_a_title_into_segments() {
    let html = format!(
        "<html><head><title>Where have the lifeguards gone? : Undercurrent : Meridian Public \
         Radio</title></head><body><main><article><h1>Where have the lifeguards gone?</h1>\
         <p class=\"meta\"><span>Episode 412</span> · <span class=\"date\">June 6, 2023</span> \
         · <span>34 min</span></p>{BODY}</article>\
         {ASIDE}<section><h2>More podcasts from Meridian Public Radio</h2></section></main></body></html>",
        ASIDE = "<aside><p>Sign up for our newsletter.</p></aside>".repeat(30),
    );
    let (f, _) = extract_explained(&html, None);
    assert_eq!(f.title.as_deref(), Some("Where have the lifeguards gone?"));
    assert_eq!(day(&html).as_deref(), Some("2023-06-06"));
}

/// A German broadcaster's `Stand:` line above the headline is the page's date; a date in
/// a list of links to other stories below it is not.
#[test]
fn stand_line_over_dated_links() {
    let html = format!(
        "<html><head><title>Kestrel Bay harbour reopens after repairs</title></head><body>\
         <main><article><span class=\"stand\">Stand: 20.11.2019 10:15 Uhr</span>\
         <h1>Kestrel Bay harbour reopens after repairs</h1>{BODY}\
         <ul><li><a href=\"/a\">Immer weniger Kinder können schwimmen \
         <span class=\"stand\">(12.06.2019)</span></a></li></ul></article></main></body></html>"
    );
    assert_eq!(day(&html).as_deref(), Some("2019-11-20"));
}

/// A list of other stories with each date beside its link is no dateline of this page;
/// an author's link beside the post's date is no story.
#[test]
fn dates_beside_other_stories_links() {
    let html = format!(
        "<html><head><title>Starter homes nobody can afford</title></head><body><main>\
         <article><h1>Starter homes nobody can afford</h1>{BODY}\
         <p class=\"endnote\">This column is published weekly.</p>\
         <ul class=\"more\"><li><a href=\"/2010/sep/27/waiting-lists\">Waiting lists are a \
         measure of failure</a> <span>27 September 2010</span></li></ul>\
         </article></main></body></html>"
    );
    assert_eq!(day(&html), None);
    let html = format!(
        "<html><head><title>Starter homes nobody can afford</title></head><body><main>\
         <article><h1>Starter homes nobody can afford</h1><ul class=\"meta\"><li>By \
         <a href=\"/author/ellery\">Margaret Ellery</a> on <span>4 October 2010</span></li></ul>\
         {BODY}</article></main></body></html>"
    );
    assert_eq!(day(&html).as_deref(), Some("2010-10-04"));
}

/// Bylines: every name inside the microdata author element, and a name glued to the
/// role printed beside it (`<a>Jordan Pace</a><span>Contributor</span>`).
#[test]
fn bylines_from_author_elements() {
    let two = page(
        "",
        r#"<p itemprop="author">By <span itemprop="name"><a href="/by/rk">Rachel Kim</a></span> and <span itemprop="name"><a href="/by/do">David Osei</a></span></p>"#,
        "",
    );
    assert_eq!(
        extract(&two).byline.as_deref(),
        Some("Rachel Kim and David Osei")
    );
    let glued = page(
        "",
        r#"<div class="contrib-byline-author"><a href="/sites/jp/">Jordan Pace</a><span>Contributor</span></div>"#,
        "",
    );
    assert_eq!(extract(&glued).byline.as_deref(), Some("Jordan Pace"));
    let label = page(
        "",
        r#"<div class="td-post-author-name"><div class="td-author-by">Por</div> <a href="/author/dh/">Diego Hernández</a></div>"#,
        "",
    );
    assert_eq!(extract(&label).byline.as_deref(), Some("Diego Hernández"));
    // A name's class run together (`skr-authorname`), over a list of other posts whose
    // authors are marked with the word.
    let run_together = page(
        "",
        r#"<div><span>Autor:</span> <a href="/profile-2/ph" class="skr-authorname">Petra Hölscher</a> <span class="skr-authorcity">aus Bottrop</span></div>"#,
        r#"<ul><li><a href="/a">VfB siegt im Derby</a> <span class="skr-mf-author">von Thomas Kaluza</span></li></ul>"#,
    );
    assert_eq!(
        extract(&run_together).byline.as_deref(),
        Some("Petra Hölscher")
    );
    // An outlet after a slash; a credit made of a label and a linked name; the name on an
    // author's card under the story.
    let outlet = page(
        "",
        r#"<div class="byline"><span class="byline__name"><a href="/author/cd">Callum Dwyer</a></span> <span>/</span> <span>NCA NewsWire</span></div>"#,
        "",
    );
    assert_eq!(extract(&outlet).byline.as_deref(), Some("Callum Dwyer"));
    let credit = page(
        "",
        r#"<div class="credit"><span class="credit__label">Texto</span> <a href="/autores/js">Joana Silva</a></div>"#,
        "",
    );
    assert_eq!(extract(&credit).byline.as_deref(), Some("Joana Silva"));
    // Two linked names after a label of a few words; a credit label before `by` and the
    // names after it.
    let pair = page(
        "",
        r#"<div class="byline"><span class="byline__prefix">By regional affairs reporter</span> <a class="byline__name" href="/news/tc">Tom Carrick</a> <span class="byline__and">and</span> <a class="byline__name" href="/news/mp">Mia Pham</a></div>"#,
        "",
    );
    assert_eq!(
        extract(&pair).byline.as_deref(),
        Some("Tom Carrick and Mia Pham")
    );
    let commentary = page(
        "",
        r#"<p class="post__byline">Commentary by <a href="/experts/ar/">Anjali Rao</a> and <a href="/experts/tw/">Thomas Whitfield</a></p>"#,
        "",
    );
    assert_eq!(
        extract(&commentary).byline.as_deref(),
        Some("Anjali Rao and Thomas Whitfield")
    );
    // An author's field named in Hungarian.
    let field = page(
        "",
        r#"<div class="field field-field-szerzo"><div class="field-items"><a href="/szerzo/sd">Szabó Dániel</a></div></div>"#,
        "",
    );
    assert_eq!(extract(&field).byline.as_deref(), Some("Szabó Dániel"));
    let card = page(
        "",
        "",
        r#"<section class="author-card"><img alt="Maren Holt" src="/m.jpg"><h4 class="author-card-name"><a href="/author/maren/">Maren Holt</a></h4><p>Founder and editor.</p></section>"#,
    );
    assert_eq!(extract(&card).byline.as_deref(), Some("Maren Holt"));
}

/// Blogger: the blog's name in the `<h1>` and before a colon in `<title>`, the day in a
/// date header above the post, the post's title in `<h3 class="post-title">`.
#[test]
fn a_blogger_post_under_its_date_header() {
    let html = format!(
        "<html><head><title>Aus Ankes Küchenfenster: Quittenbrot wie bei Oma</title></head>\
         <body><h1 class=\"title\"><a href=\"/\">Aus Ankes Küchenfenster</a></h1>\
         <div class=\"blog-posts hfeed\"><h2 class=\"date-header\">Mittwoch, 20. November 2019</h2>\
         <div class=\"post hentry\"><h3 class=\"post-title entry-title\"><a href=\"/p\">Quittenbrot wie bei Oma</a></h3>\
         <div class=\"post-body\">{BODY}</div></div></div></body></html>"
    );
    assert_eq!(
        extract(&html).title.as_deref(),
        Some("Quittenbrot wie bei Oma")
    );
    assert_eq!(day(&html).as_deref(), Some("2019-11-20"));
}

#[test]
fn a_mirrored_path_dates_a_page_that_names_no_address() {
    let html = page("", "", "");
    let at = |path| {
        let (f, why) = extract_explained(&html, Some(path));
        f.date.map(|d| {
            (
                rfc3339(d.at)[..10].to_string(),
                d.precision,
                why.date.map_or("", |r| r.name),
            )
        })
    };
    assert_eq!(
        at("www.example.com/2019/06/27/harbour-reopens.html"),
        Some(("2019-06-27".into(), DatePrecision::Day, "url-day"))
    );
    assert_eq!(
        at("archive/2019/06/harbour.html").map(|(_, p, _)| p),
        Some(DatePrecision::Month)
    );
    assert_eq!(at("pages/harbour.html"), None);
    // The page's own address wins over the path it is stored under.
    let addressed = page(
        r#"<link rel="canonical" href="https://example.com/2018/03/04/harbour">"#,
        "",
        "",
    );
    let (f, _) = extract_explained(&addressed, Some("www.example.com/2019/06/27/x.html"));
    assert_eq!(
        f.date.map(|d| rfc3339(d.at)[..10].to_string()),
        Some("2018-03-04".into())
    );
}

/// A line below the headline that reads as a byline by the plain-text rules, in any of
/// their languages, when no element is marked as the author's.
#[test]
fn byline_lines_below_the_headline() {
    for (top, want) in [
        (
            "<div class=\"meta\">Von Katharina Möller | Veröffentlicht am 14.03.2023</div>",
            Some("Katharina Möller"),
        ),
        ("<p>Door Pieter de Vries</p>", Some("Pieter de Vries")),
        (
            "<p class=\"autore\">di Giulia Bianchi</p>",
            Some("Giulia Bianchi"),
        ),
        ("<p>By the end of the week the wall was whole.</p>", None),
        (
            "<aside class=\"related\"><p>By Anna Novak</p></aside>",
            None,
        ),
    ] {
        let (fields, _) = extract_explained(&page("", top, ""), None);
        assert_eq!(fields.byline.as_deref(), want, "{top}");
    }
}

/// Generated and module class names hold the byline's word among others (`gnt_ar_by`,
/// `Byline_root__Cq9m3`, `nota__autor`, `article__author`); a place after the name goes,
/// and a commenter's name is no byline.
#[test]
fn byline_words_inside_generated_class_names() {
    for (top, want) in [
        (
            r#"<div class="gnt_ar_by"><a href="/staff/1/">Megan Kowalski</a><div>Wabash Valley Star-Courier</div></div>"#,
            "Megan Kowalski",
        ),
        (
            r#"<div class="Byline_root__Cq9m3"><img src="a.jpg" alt=""><a class="Byline_name__w7XkR" href="/auteur/1">Loïc Berthoud</a></div>"#,
            "Loïc Berthoud",
        ),
        (
            r#"<div class="nota__autor"><a class="com-link --autor" href="/autor/1">Martín Echeverría</a></div>"#,
            "Martín Echeverría",
        ),
        (
            r#"<div class="meta"><span class="article__author">Jeroen Van den Broeck</span></div>"#,
            "Jeroen Van den Broeck",
        ),
        (
            r#"<p class="metainfo__item--author"><a href="/a">Andrea Keller</a>, Zürich</p>"#,
            "Andrea Keller",
        ),
    ] {
        let html = page("", top, "");
        assert_eq!(
            extract_explained(&html, None).0.byline.as_deref(),
            Some(want),
            "{top}"
        );
    }
    let comments = page(
        "",
        "",
        r#"<section class="comments"><div class="comment__author">Reader Name</div><p>Nice.</p></section>"#,
    );
    assert_eq!(extract_explained(&comments, None).0.byline, None);
}

/// A page whose `<title>` is worded apart from its only `<h1>`, with a newsletter box's
/// heading sharing the title's words: the `<h1>` still anchors the header, so the date
/// under it is found, and the box's heading is no headline.
#[test]
fn the_only_h1_anchors_the_header() {
    let html = format!(
        "<html><head><title>Langstrasse: Stadt Zürich sperrt nachts den Autoverkehr | NZZ</title>\
         <meta property=\"og:title\" content=\"Zürich sperrt die Langstrasse nachts für Autos\">\
         </head><body>{TOP}<main><article><h1>Die Langstrasse wird nachts für Autos gesperrt</h1>\
         <time class=\"metainfo__item--date\" datetime=\"2023-06-05T12:32:00.000Z\">05.06.2023, \
         14.32 Uhr</time>{BODY}</article>{LINKS}<section class=\"newsletter-box\">\
         <h2>NZZ Zürich – der Newsletter</h2></section></main></body></html>",
        TOP =
            "<div class=\"top\"><a href=\"/a\">Home</a> <span class=\"date\">1.1.2023</span></div>"
                .repeat(25),
        LINKS = "<p><a href=\"/x\">Weitere Artikel aus Zürich</a></p>".repeat(40),
    );
    assert_eq!(day(&html).as_deref(), Some("2023-06-05"));
}

/// Bylines as blog platforms and modern sites print them: several `rel=author` links,
/// an author's name marked only by a test id, Blogger's post footer, Drupal's promoted
/// node; and what is no byline: a card's byline inside a link to another story, a link
/// to the author's other posts.
#[test]
fn bylines_of_platforms_and_cards() {
    let cases = [
        (
            page(
                "",
                r#"<address><a rel="author" href="/p/a">Priya Bakshi</a> and <a rel="author" href="/p/b">Callum Frew</a></address>"#,
                "",
            ),
            Some("Priya Bakshi and Callum Frew"),
        ),
        (
            page(
                "",
                r#"<p class="be b"><a class="af ag" data-testid="authorName" href="/@d">Daniel Okafor</a></p>"#,
                "",
            ),
            Some("Daniel Okafor"),
        ),
        (
            format!(
                "<html><head><title>Four-dollar gas</title></head><body><div class=\"widget Blog\">\
                 <h3 class=\"post-title\">Four-dollar gas</h3>{BODY}<div class=\"post-footer\">\
                 <span class=\"post-author vcard\">Posted by <span class=\"fn\">Mike Sorensen</span>\
                 </span></div></div></body></html>"
            ),
            Some("Mike Sorensen"),
        ),
        (
            format!(
                "<html><head><title>Forages au Niger</title></head><body><main><article \
                 class=\"node node--promoted\"><h1>Forages au Niger</h1><div class=\"article-author\">\
                 <p>Par <strong class=\"article-author__name\">Claire Martin</strong>, chargée de \
                 plaidoyer</p></div>{BODY}</article></main></body></html>"
            ),
            Some("Claire Martin"),
        ),
        (
            page(
                "",
                "",
                r#"<a class="Card_root" href="/other"><h3>Another story</h3><span class="Card_byline">By Tomasz Wieczorek</span></a>"#,
            ),
            None,
        ),
        (
            page(
                "",
                "",
                r#"<div class="about"><a class="author-link" href="/author/editor_jane/" rel="author">View all posts by editor_jane</a></div>"#,
            ),
            None,
        ),
    ];
    for (html, want) in cases {
        assert_eq!(
            extract_explained(&html, None).0.byline.as_deref(),
            want,
            "{html}"
        );
    }
}

/// A page declaring a language other than American English reads `07/09/2010` day
/// first.
#[test]
fn day_first_pages() {
    let british = page("", r#"<p class="date">07/09/2010 22:41</p>"#, "")
        .replace("<html>", r#"<html lang="en-GB">"#);
    assert_eq!(day(&british).as_deref(), Some("2010-09-07"));
    let american = british.replace(r#"lang="en-GB""#, r#"lang="en-US""#);
    assert_eq!(day(&american).as_deref(), Some("2010-07-09"));
}
