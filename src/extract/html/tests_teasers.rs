//! Unit tests of the dates a page shows beside other stories (a teaser's link and its
//! date, a card linking to another story), of the dates a page gives only in its
//! masthead, a signature or a date block split into elements, and of headlines printed
//! in a table layout's bold `<font>`, and of a declared day refined by a time on the
//! page's clock; inline pages written for these tests.

use super::tests_fallback::{dated, day, page, rule, BODY};
use super::*;

#[test]
fn a_date_beside_another_storys_link_is_that_storys() {
    // `<a>headline</a> <font>(date)</font>` in a box inside the story, and a columnist's
    // `Por … | date` under a link: other stories' dates, not the story's.
    let html = page(
        "",
        "",
        r#"<table><tr><td><b>LEA TAMBIÉN:</b> <a href="/n/148166">Anuncian tandeo en la zona centro por mantenimiento</a> <font>(01/03/2024)</font></td></tr></table>
           <div><a href="/c/9">La obra pública que no llega nunca</a><br><font>Por Rodolfo Castañeda | 04/03/2024</font></div>"#,
    );
    assert_eq!(day(&html), None);
    // A date heading a teaser link (`Monday | October 13, 2003<br><a>…`) alike.
    let html = page(
        "",
        "",
        r#"<div><font>Monday | October 13, 2003</font><br><a href="/20031013/lead1.html">Heavy rains flood the coastal road again</a></div>"#,
    );
    assert_eq!(day(&html), None);
    // A link that is no headline (a comment count, an in-page anchor) leaves the date be.
    let html = page(
        "",
        r##"<time datetime="2024-06-18T15:15:00Z">Jun 18, 2024</time> <a href="#comments">87 Comments (87 New)</a>"##,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2024-06-18"));
}

#[test]
fn a_date_inside_a_card_linking_to_another_story_is_that_storys() {
    let html = page(
        "",
        "",
        r#"<a href="/nieuws/inspectie" class="group"><div>Inspectie brengt roest aan Denderbrug aan het licht</div><div>di 14 november 2023</div></a>"#,
    );
    assert_eq!(day(&html), None);
    // A byline with its date inside a link is the story's own.
    let html = page(
        "",
        r#"<a href="/author/anna"><span>By Anna Novak on 5 March 2024</span></a>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2024-03-05"));
}

/// A 2003 newspaper page: its masthead's day, its links into that day's edition, a
/// headline in bold `<font>`, and a related list of other days.
fn edition(links: &str) -> String {
    // The site's menu: the masthead sits far above the headline.
    let menu: String = (0..45)
        .map(|i| format!("<a href=\"/s{i}\">S{i}</a> "))
        .collect();
    format!(
        "<html><head><title>The Sentinel - Portmore residents block roads over water lock-offs\
         </title></head><body><table>\
         <tr><td><font><b>Tuesday | October 14, 2003</b></font></td></tr>\
         <tr><td>{links}</td></tr><tr><td>{menu}</td></tr>\
         <tr><td><font size=\"5\"><b>Portmore residents block roads over water lock-offs</b></font>\
         {BODY}<b>RELATED STORIES</b><br>&#149; <a href=\"/20030923/news/news5.html\">Water \
         company promises relief for St Catherine</a> <font>(September 23, 2003)</font></td></tr>\
         </table></body></html>"
    )
}

#[test]
fn a_masthead_day_the_editions_links_confirm() {
    let nav: String = ["lead", "news", "business", "sports"]
        .iter()
        .map(|s| format!("<a href=\"/20031014/{s}/{s}.html\">{s}</a> | "))
        .collect();
    let html = edition(&nav);
    assert_eq!(day(&html).as_deref(), Some("2003-10-14"));
    assert_eq!(rule(&html), "edition");
    // Without links into that day, the masthead's day may be the day the page was saved.
    let plain = edition("<a href=\"/news/\">News</a> | <a href=\"/sport/\">Sport</a>");
    assert_eq!(day(&plain), None);
}

#[test]
fn the_day_a_statement_is_signed_on_over_a_revision() {
    let html = page(
        "",
        r#"<p class="modified">Mis à jour : 14 mars 2024</p>"#,
        r#"<p style="text-align: right;"><em>Montreuil, le 12 mars 2024 – Le Bureau fédéral</em></p>"#,
    );
    assert_eq!(day(&html).as_deref(), Some("2024-03-12"));
    assert_eq!(rule(&html), "signature");
    // A signature after the revision is not the first publication.
    let later = page(
        "",
        r#"<p class="modified">Mis à jour : 14 mars 2024</p>"#,
        r#"<p><em>Montreuil, le 20 mars 2024</em></p>"#,
    );
    assert_eq!(day(&later).as_deref(), Some("2024-03-14"));
}

#[test]
fn a_bare_year_is_a_date_only_in_a_date_block() {
    // A view counter is no year.
    let views = page("", r#"<div class="views"><span>1832</span></div>"#, "");
    assert_eq!(day(&views), None);
    // A date block split into elements, each part in a span of its own.
    let block = page(
        "",
        r#"<div class="date-bloc"><span class="jour-semaine">mardi</span> <span class="jour">12</span> <span class="mois">avril</span> <span class="annee">2016</span></div>"#,
        "",
    );
    assert_eq!(day(&block).as_deref(), Some("2016-04-12"));
}

#[test]
fn hatom_entry_date_updated_is_the_posts_date() {
    let html = page(
        "",
        r#"<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="2024-02-27T07:41:09-05:00">27 febrero, 2024</time></span>"#,
        "",
    );
    let (fields, why) = extract_explained(&html, None);
    assert_eq!(
        fields
            .date
            .map(|d| crate::article::rfc3339(d.at))
            .as_deref(),
        Some("2024-02-27T07:41:09-05:00")
    );
    assert_eq!(why.date.map(|r| r.name), Some("time"));
    // A theme's `updated` class alone still names a revision.
    let html = page(
        "",
        r#"<time class="updated" datetime="2024-02-27T07:41:09Z">27 febrero, 2024</time>"#,
        "",
    );
    assert_ne!(rule(&html), "time");
}

#[test]
fn a_headline_in_bold_font_places_the_header() {
    // No heading: the `<title>`'s site before a colon, the headline printed in bold, its
    // section's date right above it and a top bar's day far above.
    let nav: String = (0..45)
        .map(|i| format!("<a href=\"/s{i}\">S{i}</a> "))
        .collect();
    let html = format!(
        "<html><head><title>Millrace Weekly: Fair board posts first profit in six years</title>\
         <link rel=\"canonical\" href=\"http://www.millraceweekly.com/articles/doc48f6.txt\"></head>\
         <body><table><tr><td><font>Pell, miércoles 16 de octubre de 2008</font></td></tr>\
         <tr><td>{nav}</td></tr><tr><td><font>Local News</font></td>\
         <td><font>Wednesday, October 15, 2008</font></td></tr></table>\
         <font size=\"5\"><b>Fair board posts first profit in six years</b></font>\
         <div>Grandstand repairs next on the list, treasurer says</div>{BODY}</body></html>"
    );
    let (fields, why) = extract_explained(&html, None);
    assert_eq!(
        fields.title.as_deref(),
        Some("Fair board posts first profit in six years")
    );
    assert_eq!(why.title.map(|r| r.name), Some("title-part-printed"));
    assert_eq!(day(&html).as_deref(), Some("2008-10-15"));
}

#[test]
fn swiss_publiziert_labels_the_publication() {
    let html = page(
        "",
        r#"<div class="dates"><span>Publiziert: 14.03.2024, 05.30 Uhr</span><span> · Aktualisiert vor 3 Stunden</span></div>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2024-03-14"));
}

#[test]
fn links_that_are_no_other_story_leave_a_date_be() {
    // An author's link of four names before the date, and an unclosed `<a name>` holding
    // the whole page.
    let html = page(
        "",
        r#"<div class="meta"><a href="/autor/maria-jose-garcia-lopez">María José García López</a> | <span class="fecha">12 de marzo de 2024</span></div>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2024-03-12"));
    let html = format!(
        "<html><head><title>Kestrel Bay harbour reopens after repairs</title></head><body>\
         <a name=\"top\"><table><tr><td><h1>Kestrel Bay harbour reopens after repairs</h1>\
         <p class=\"date\">12 March 2024</p>{BODY}</td></tr></table></body></html>"
    );
    assert_eq!(day(&html).as_deref(), Some("2024-03-12"));
}

#[test]
fn a_place_and_day_inside_the_story_is_no_signature() {
    // A flashback's place and day, prose after it: the revision stamp stands.
    let html = page(
        "",
        r#"<p class="modified">Updated March 14, 2024</p>"#,
        r#"<div class="more"><p><em>Kyiv, 24 February 2022</em></p><p>That morning the first sirens sounded over the city before dawn, and the trains out of the capital filled within hours.</p></div>"#,
    );
    assert_eq!(day(&html).as_deref(), Some("2024-03-14"));
}

#[test]
fn a_list_of_the_days_stories_confirms_no_edition() {
    // A live site's top bar and a ticker of the day's stories: the masthead's day is the
    // day the page was saved, not the story's.
    let menu: String = (0..45)
        .map(|i| format!("<a href=\"/s{i}\">S{i}</a> "))
        .collect();
    let ticker: String = (0..4)
        .map(|i| {
            format!("<a href=\"/2024/03/14/story-{i}\">Council story number {i} of the day</a> ")
        })
        .collect();
    let html = format!(
        "<html><head><title>Bridge to close - Gazette</title></head><body>\
         <div><font>Thursday, March 14, 2024</font></div><div>{ticker}</div><div>{menu}</div>\
         <h1>Kestrel Bay harbour reopens after repairs</h1>{BODY}</body></html>"
    );
    assert_eq!(day(&html), None);
}

#[test]
fn a_footer_repeating_the_headline_does_not_move_the_header() {
    let paras: String = (0..25).map(|_| BODY).collect();
    let html = format!(
        "<html><head><title>Gazette: Fair board posts first profit in six years</title></head>\
         <body><font size=\"5\"><b>Fair board posts first profit in six years</b></font>\
         <div>Tuesday, March 12, 2024</div>{paras}\
         <div class=\"x\"><p><b>Fair board posts first profit in six years</b></p>\
         <p>Wednesday, March 20, 2024</p></div></body></html>"
    );
    assert_eq!(day(&html).as_deref(), Some("2024-03-12"));
}

#[test]
fn a_read_more_line_dates_its_link_and_a_data_box_dates_the_story() {
    // `Saiba mais: <a>…</a> (publicada em …)` inside the story is the linked story's date;
    // the sidebar's box of the story's data (`Publicação`) gives the story's own.
    let html = page(
        "",
        "",
        r#"<p><strong>Saiba mais:</strong> <a href="/noticias/semarh-proibe-uso-do-fogo">Semarh proíbe uso do fogo no Tocantins até 31 de outubro</a> (publicada em 14/06/2024)</p>
           <aside class="sidebar"><h2>Informações</h2><table><tr><th scope="row">Publicação</th><td>18/07/2024 - 22h40</td></tr></table></aside>"#,
    );
    assert_eq!(day(&html).as_deref(), Some("2024-07-18"));
}

#[test]
fn the_headline_at_its_first_printing_places_the_header() {
    // A `<title>` part printed in the story's header and again over a comment.
    let html = format!(
        "<html><head><title>Oxbow County Online - News - Rural Fire District Takes Delivery \
         of New Tanker</title></head><body><table><tr><td><font class=\"storytitle\"><b>Rural \
         Fire District Takes Delivery of New Tanker</b></font><br><font class=\"tiny\">Posted \
         on Saturday, March 13, 2004 @ 19:40:12 CST by Marge</font></td></tr></table>{BODY}\
         <table><tr><td><font><b>Rural Fire District Takes Delivery of New Tanker</b></font>\
         <br><font>by Anonymous on Monday, March 15, 2004 @ 06:30:40 CST</font></td></tr>\
         </table></body></html>"
    );
    assert_eq!(day(&html).as_deref(), Some("2004-03-13"));
}

#[test]
fn a_declared_day_is_refined_only_by_a_time_on_that_day() {
    // JSON-LD's day and a `<meta>` time: the time refines the day on the page's clock; in
    // UTC it may fall on the next day, in the page's own zone.
    let head = |meta: &str| {
        format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
             \"datePublished\":\"2021-03-08\"}}</script>\
             <meta property=\"article:published_time\" content=\"{meta}\">"
        )
    };
    let offset = page(&head("2021-03-09T06:00:00+09:00"), "", "");
    assert_eq!(day(&offset).as_deref(), Some("2021-03-08"));
    let utc = page(&head("2021-03-09T03:00:00Z"), "", "");
    assert_eq!(
        dated(&utc).map(|(t, _, _)| t).as_deref(),
        Some("2021-03-09T03:00:00Z")
    );
}
