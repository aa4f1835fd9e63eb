//! Unit tests of how the sources of a page's title vote (`og:title`, its copies, JSON-LD,
//! the `<h1>`, the `<title>` cut short or behind a kicker) and how a site's name is
//! stripped from a `<title>`; inline pages written for these tests.

use super::tests_fallback::BODY;
use super::*;

fn titled(head: &str, h1: &str, title: &str) -> (Option<String>, &'static str) {
    let html = format!(
        "<html><head><title>{title}</title>{head}</head><body><h1>{h1}</h1>{BODY}</body></html>"
    );
    let (f, why) = extract_explained(&html, None);
    (f.title, why.title.map_or("", |r| r.name))
}

#[test]
fn og_title_and_title_outvote_a_reworded_h1() {
    let (t, r) = titled(
        r#"<meta property="og:title" content="Kestrel Bay harbour reopens">
           <script type="application/ld+json">{"@type":"NewsArticle","headline":"Boats return to Kestrel Bay"}</script>"#,
        "Boats return to Kestrel Bay",
        "Kestrel Bay harbour reopens | Kestrel Courier",
    );
    assert_eq!(t.as_deref(), Some("Kestrel Bay harbour reopens"));
    assert_eq!(r, "og:title");
}

/// `og:title` and its `twitter:title` copy reword the headline that the `<h1>` and the
/// `<title>` both give: the page's own two win the tie.
#[test]
fn h1_and_title_win_a_tie_over_og_title_and_its_copy() {
    let (t, r) = titled(
        r#"<meta property="og:title" content="Harbour fees to double after storm">
           <meta name="twitter:title" content="Harbour fees to double after storm">"#,
        "Kestrel Bay harbour reopens after three weeks of repairs",
        "Kestrel Bay harbour reopens after three weeks of repairs | Kestrel Courier",
    );
    assert_eq!(
        t.as_deref(),
        Some("Kestrel Bay harbour reopens after three weeks of repairs")
    );
    assert_eq!(r, "h1");
}

/// A `<title>` that cuts the `<h1>` short, or prints it behind a kicker and a colon,
/// backs it against a reworded `og:title`.
#[test]
fn a_title_cut_short_or_kicked_backs_the_h1() {
    let head = r#"<meta property="og:title" content="Harbour fees to double after storm">"#;
    let h1 = "Kestrel Bay harbour reopens after three weeks of repairs to the sea wall";
    for title in [
        "Kestrel Bay harbour reopens after three weeks of… | Kestrel Courier",
        "Kestrel Bay: Kestrel Bay harbour reopens after three weeks of repairs to the sea wall",
    ] {
        let (t, r) = titled(head, h1, title);
        assert_eq!((t.as_deref(), r), (Some(h1), "h1"), "{title}");
    }
    // An `og:title` cut short, or behind a kicker, backs the whole headline and yields
    // to it.
    for og in [
        "Kestrel Bay harbour reopens after three weeks of…",
        "Kestrel Bay: Kestrel Bay harbour reopens after three weeks of repairs to the sea wall",
    ] {
        let head = format!(r#"<meta property="og:title" content="{og}">"#);
        let (t, r) = titled(&head, h1, &format!("{h1} | Kestrel Courier"));
        assert_eq!((t.as_deref(), r), (Some(h1), "h1"), "{og}");
    }
    // A `<title>` that goes on past the kicker in other words backs nothing.
    let (t, _) = titled(head, h1, "Kestrel Bay: fees, repairs and a new sea wall");
    assert_eq!(t.as_deref(), Some("Harbour fees to double after storm"));
}

#[test]
fn truncated_jsonld_headline_loses() {
    let (t, _) = titled(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kestrel Bay harbour reopens after three weeks of repairs to the"}</script>"#,
        "Kestrel Bay harbour reopens after three weeks of repairs to the sea wall",
        "Kestrel Bay harbour reopens after three weeks of repairs to the sea wall",
    );
    assert_eq!(
        t.as_deref(),
        Some("Kestrel Bay harbour reopens after three weeks of repairs to the sea wall")
    );
}

#[test]
fn site_prefix_from_og_site_name() {
    let (t, _) = titled(
        r#"<meta property="og:site_name" content="Kestrel Courier">"#,
        "",
        "Kestrel Courier | Harbour reopens after storm repairs",
    );
    assert_eq!(t.as_deref(), Some("Harbour reopens after storm repairs"));
}

#[test]
fn site_suffix_from_the_domain() {
    let (t, _) = titled(
        r#"<link rel="canonical" href="https://www.harbourwatch.net/harbour-reopens">"#,
        "",
        "Harbour reopens after storm repairs - Harbourwatch Blog",
    );
    assert_eq!(t.as_deref(), Some("Harbour reopens after storm repairs"));
}

/// No title metadata, and a `<title>` written for search engines in other words than the
/// headline: the `<h1>` that shares enough of its words is the headline.
#[test]
fn the_printed_headline_over_a_reworded_page_title() {
    let (t, r) = titled(
        "",
        "Schiermonnikoog wil maximum aan aantal dagjesmensen op drukke zomerdagen",
        "Schiermonnikoog wil maximum aan dagjesmensen",
    );
    assert_eq!(
        t.as_deref(),
        Some("Schiermonnikoog wil maximum aan aantal dagjesmensen op drukke zomerdagen")
    );
    assert_eq!(r, "h1");
    // A heading the title goes on from in words is not what the title decorates.
    let (t, _) = titled(
        r#"<meta property="og:title" content="How to retire early so you can work, travel and relax">"#,
        "How to retire early",
        "How to retire early so you can work, travel and relax",
    );
    assert_eq!(
        t.as_deref(),
        Some("How to retire early so you can work, travel and relax")
    );
}

#[test]
fn site_and_section_before_the_headline() {
    let (t, _) = titled(
        "",
        "",
        "Prairie Sentinel - Nation - Small-town libraries bet on wireless Internet to bring patrons back",
    );
    assert_eq!(
        t.as_deref(),
        Some("Small-town libraries bet on wireless Internet to bring patrons back")
    );
}

#[test]
fn section_name_h1_is_not_the_title() {
    let (t, _) = titled("", "Sport", "Harbour reopens after storm repairs");
    assert_eq!(t.as_deref(), Some("Harbour reopens after storm repairs"));
}

/// `og:title`, the `<title>` and the `<h1>` word the story three ways and none backs
/// another: the headline a reader sees wins, the `<h1>` or a `<title>` part the page
/// prints in an element of its own, not a share title only the page's head carries.
#[test]
fn a_printed_headline_over_a_reworded_og_title() {
    let og = r#"<meta property="og:title" content="Glass sponges keep a diary of ocean heat">"#;
    let (t, r) = titled(
        og,
        "Deep-sea sponges may be quietly recording ocean heat waves",
        "Deep-sea sponges may record ocean heat waves | Frontier Science News",
    );
    assert_eq!(
        (t.as_deref(), r),
        (
            Some("Deep-sea sponges may be quietly recording ocean heat waves"),
            "h1"
        )
    );
    let html = format!(
        "<html><head><title>OesteNews - Geral - Chuva de granizo destelha mais de 300 casas \
         em Chapecó</title>{og}</head><body><div class=\"titulo_noticia\">Chuva de granizo \
         destelha mais de 300 casas em Chapecó</div>{BODY}</body></html>"
    );
    let (f, _) = extract_explained(&html, None);
    assert_eq!(
        f.title.as_deref(),
        Some("Chuva de granizo destelha mais de 300 casas em Chapecó")
    );
    // Printed nowhere, the three stay as they were: `og:title` first.
    let (t, r) = titled(
        og,
        "",
        "Deep-sea sponges may record ocean heat waves | Frontier Science News",
    );
    assert_eq!(
        (t.as_deref(), r),
        (Some("Glass sponges keep a diary of ocean heat"), "og:title")
    );
}

/// An `<h1>` printing the site's name at its full length (`TSV Grünbach 1921 e.V.` for
/// the `<title>`'s `TSV Grünbach`) is the masthead, and the story's `<h2>` the headline;
/// a `<title>` parted by `::` is no blog's `Name: Post`.
#[test]
fn the_site_name_at_length_in_the_h1() {
    let html = format!(
        "<html><head><title>TSV Grünbach - Deutlicher Heimsieg gegen Eintracht Oberhain</title>\
         </head><body><h1>TSV Grünbach 1921 e.V.</h1><h2>Deutlicher Heimsieg gegen Eintracht \
         Oberhain</h2>{BODY}</body></html>"
    );
    let (f, _) = extract_explained(&html, None);
    assert_eq!(
        f.title.as_deref(),
        Some("Deutlicher Heimsieg gegen Eintracht Oberhain")
    );
    // A short headline in the `<title>` beside a long site name is no site's name the
    // `<h1>` spells out at length.
    let (t, _) = titled(
        r#"<meta property="og:site_name" content="Yorkshire Evening Post">"#,
        "Fire in Leeds city centre injures three people",
        "Fire in Leeds - Yorkshire Evening Post",
    );
    assert_eq!(
        t.as_deref(),
        Some("Fire in Leeds city centre injures three people")
    );
    let (t, r) = titled(
        r#"<meta property="og:title" content="Ice jam floods Millbrook's Lower Village">"#,
        "Ice jam on the Sawmill River floods Millbrook's Lower Village, forcing dozens out",
        "Ice jam on the Sawmill River floods Millbrook's Lower Village, forcing dozens out :: \
         WQRV Riverbend Public Radio",
    );
    assert_eq!(r, "h1", "{t:?}");
}

/// A kicker set in the headline's element (`<span class="dachzeile">`) and the hidden
/// colon after it are no part of the headline.
#[test]
fn a_kicker_inside_the_h1() {
    let h1 = r#"<span class="dachzeile">Unwetter</span><span class="hidden">: </span>Sturmflut an der Ems: Deichverbände rechnen mit höchstem Pegel"#;
    let (t, _) = titled(
        "",
        h1,
        "Sturmflut an der Ems: Deichverbände rechnen mit höchstem Pegel | RNW",
    );
    assert_eq!(
        t.as_deref(),
        Some("Sturmflut an der Ems: Deichverbände rechnen mit höchstem Pegel")
    );
    let (t, _) = titled(
        "",
        r#"<span class="kicker">Förderprogramm</span> Rechnungshof rügt Zahlungen an Projekte ohne Zeitplan"#,
        "Förderung: Rechnungshof rügt Millionen für Projekte - DER KOMPASS",
    );
    assert_eq!(
        t.as_deref(),
        Some("Rechnungshof rügt Zahlungen an Projekte ohne Zeitplan")
    );
    // A class naming no kicker keeps its words.
    let (t, _) = titled(
        "",
        r#"<span class="lead">Kestrel Bay</span> harbour reopens after repairs"#,
        "Kestrel Bay harbour reopens after repairs | Kestrel Courier",
    );
    assert_eq!(
        t.as_deref(),
        Some("Kestrel Bay harbour reopens after repairs")
    );
}
