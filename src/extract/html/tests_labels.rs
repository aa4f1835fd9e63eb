//! Unit tests of what labels and places say of a shown date on pages without date
//! metadata (a wrapper's class, a table's header cell, a revision stamp's publication
//! part, labels of other dates, lists of other stories' dates, the page's own classes)
//! and of the `<title>` part a page prints; inline pages written for these tests.

use super::tests_fallback::{dated, day, page, rule, BODY};
use super::*;
use crate::article::DatePrecision;

#[test]
fn a_wrapped_date_takes_its_wrappers_mark() {
    // A blog's date header above the post: the date's own `<span>` has no class, its
    // heading says what it is.
    let blog = |header: &str| {
        format!(
            "<html><head><title>Harbour notes</title></head><body>\
             <div id=\"header\"><h1>Harbour notes</h1></div><div class=\"main\">{header}\
             <div class=\"post\"><h3 class=\"post-title\">Kestrel Bay harbour reopens after \
             repairs</h3><div class=\"post-body\">{BODY}</div></div></div></body></html>"
        )
    };
    let marked = blog(r#"<h2 class="date-header"><span>torsdag 18. februar 2010</span></h2>"#);
    assert_eq!(day(&marked).as_deref(), Some("2010-02-18"));
    assert_eq!(rule(&marked), "dateline-marked");
    let plain = blog(r#"<h2 class="intro"><span>torsdag 18. februar 2010</span></h2>"#);
    assert_eq!(rule(&plain), "dateline");
    // A wrapper marking another date marks this one too.
    let updated = blog(r#"<h2 class="updated"><span>torsdag 18. februar 2010</span></h2>"#);
    assert_eq!(day(&updated), None);
}

#[test]
fn publication_labels_of_the_text_lexicon() {
    let html = page(
        "",
        r#"<dl class="article-info"><dd class="category-name">Kategori: <a href="/n">Nyheder</a></dd>
           <dd class="create">Oprettet: mandag, 08. oktober 2012 10:14</dd>
           <dd class="modified">Sidst opdateret: tirsdag, 16. oktober 2012 21:03</dd></dl>"#,
        "",
    );
    assert_eq!(
        dated(&html),
        Some((
            "2012-10-08T10:14:00Z".into(),
            DatePrecision::Minute,
            "dateline-published"
        ))
    );
    // A revision label after the date does not make the line a revision's.
    let html = page(
        "",
        r#"<span class="data">27/06/2019 às 10h30 - Atualizado em 27/06/2019 às 12h05</span>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2019-06-27"));
}

#[test]
fn the_publication_line_of_a_revision_stamp() {
    let html = page(
        "",
        r#"<div class="timestamp">Updated 11:32 PM EST, Sun February 9, 2020<br>Published 8:05 PM EST, Sun February 9, 2020</div>"#,
        "",
    );
    assert_eq!(
        dated(&html),
        Some((
            "2020-02-09T20:05:00-05:00".into(),
            DatePrecision::Minute,
            "dateline-published"
        ))
    );
}

#[test]
fn a_table_row_labels_its_date() {
    let row = |label: &str, date: &str| {
        page(
            "",
            &format!("<table><tr><th>Nr.</th><td>27/2023</td></tr><tr>{label}<td>{date}</td></tr></table>"),
            r#"<table><tr><td class="datum">21.11.2023 9:00 Uhr</td><td>4 KLs 12/23, Saal 112</td></tr></table>"#,
        )
    };
    let html = row("<th>Datum:</th>", "14.11.2023");
    assert_eq!(day(&html).as_deref(), Some("2023-11-14"));
    assert_eq!(rule(&html), "dateline-published");
    assert_eq!(
        rule(&row("<td>Datum:</td>", "14.11.2023")),
        "dateline-published"
    );
    // A row naming a deadline dates nothing.
    let deadline = row("<th>Anmeldeschluss:</th>", "14.11.2023");
    assert_ne!(day(&deadline).as_deref(), Some("2023-11-14"));
}

#[test]
fn a_label_with_its_of_and_a_class_listing_other_days() {
    let html = page(
        "",
        "",
        r#"<div class="page-metadata"><small>Data di pubblicazione: 21 ottobre 2020</small></div>"#,
    );
    assert_eq!(day(&html).as_deref(), Some("2020-10-21"));
    // A column of the latest stories, each date in a row of its own with one class, below
    // the story: other stories' dates, beside an unmarked date above the headline.
    let rows: String = ["18/05/2021", "17/05/2021", "16/05/2021"]
        .iter()
        .map(|d| format!("<tr><td class=\"ult_fecha\">{d}</td></tr><tr><td><a href=\"n\">Otra noticia</a></td></tr>"))
        .collect();
    let html = format!(
        "<html lang=es><head><title>Kestrel Bay harbour reopens after repairs</title></head><body>\
         <table><tr><td class=\"antetitulo\">Lunes, 17 de mayo de 2021</td></tr></table>\
         <h1>Kestrel Bay harbour reopens after repairs</h1>{}<table>{rows}</table></body></html>",
        BODY.repeat(20)
    );
    assert_eq!(day(&html).as_deref(), Some("2021-05-17"));
}

#[test]
fn classes_of_the_body_describe_the_page() {
    // Drupal's `one-sidebar sidebar-first` on `<body>` puts nothing in a sidebar.
    let html = format!(
        "<html><head><title>Kestrel Bay harbour reopens after repairs | Pine Hollow Area \
         Historical Society</title></head><body class=\"one-sidebar sidebar-first\">\
         <h2>Kestrel Bay harbour reopens after repairs</h2><span class=\"submitted\">Submitted \
         by Ruth Ellingboe on Tue, 10/08/2013 - 19:42</span>{BODY}</body></html>"
    );
    let (fields, _) = extract_explained(&html, None);
    assert_eq!(
        fields.title.as_deref(),
        Some("Kestrel Bay harbour reopens after repairs")
    );
    assert_eq!(fields.byline.as_deref(), Some("Ruth Ellingboe"));
    assert_eq!(day(&html).as_deref(), Some("2013-10-08"));
}

#[test]
fn the_part_of_a_title_the_page_prints() {
    let html = format!(
        "<html><head><title>Il Cammino - Settimanale della Diocesi di Montepulciano Val di \
         Chiana - Kestrel Bay harbour reopens after repairs</title></head><body><table>\
         <tr><td class=\"menu\"><a href=\"s\">Il Vangelo della domenica</a></td></tr>\
         <tr><td class=\"titolo\">Kestrel Bay harbour reopens after repairs</td></tr>\
         <tr><td>{BODY}</td></tr></table></body></html>"
    );
    let (fields, why) = extract_explained(&html, None);
    assert_eq!(
        fields.title.as_deref(),
        Some("Kestrel Bay harbour reopens after repairs")
    );
    assert_eq!(why.title.map(|r| r.name), Some("title-part-printed"));
}

#[test]
fn a_header_s_list_of_dates_is_the_article_s() {
    // A list item with the author's link and the date, beside an update's item: the
    // header's lines, not a list of other stories.
    let html = page(
        "",
        r#"<ul class="meta"><li>By <a href="/author/jane">Jane Doe</a> on 5 March 2020</li><li>Updated 6 March 2020</li></ul>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2020-03-05"));
}

/// A news extension's single view: the date in a box classed `footer` right inside the
/// article's box, under its header; the page's own footer dates nothing.
#[test]
fn an_article_box_s_footer_shows_its_date() {
    let html = |foot: &str| {
        format!(
            "<html><body><div id=\"content\"><div class=\"news news-single\">\
             <div class=\"article\"><div class=\"header\"><h1>Kestrel Bay harbour reopens \
             after repairs</h1></div>{foot}<div class=\"news-text-wrap\">{BODY}</div>\
             </div></div></div><div class=\"footer\">Stand: 12.05.2014</div></body></html>"
        )
    };
    let inside = html(
        "<div class=\"footer\"><p><span class=\"news-list-date\"><time datetime=\"2014-05-06\">\
         06.05.2014</time></span></p></div>",
    );
    assert_eq!(day(&inside).as_deref(), Some("2014-05-06"));
    assert_eq!(day(&html("")), None);
    // Its other class words still count: a footer of comments dates nothing.
    let comments = html("<div class=\"footer comments\"><p>12.05.2014</p></div>");
    assert_eq!(day(&comments), None);
}

#[test]
fn a_release_dated_where_its_story_opens_beside_coming_events() {
    let events = "<div id=\"rightcol\"><div class=\"box\"><h3>Termine</h3><ul>\
         <li><strong>26.02.2014</strong><br>Regionalforum Süd, Augsburg</li>\
         <li><strong>08.04.2014</strong><br>Fachtag Wärmepumpe, Kassel</li>\
         <li><strong>15.05.2014</strong><br>Lehrgang Kältemittel, Hannover</li></ul></div></div>";
    let release = |opening: &str| {
        page(
            "",
            "",
            &format!(
                "<div class=\"release\"><p>{opening} Die Installationsbetriebe haben im \
                 vergangenen Jahr rund elf Prozent mehr Wärmepumpen eingebaut als im Vorjahr.\
                 </p></div>{events}"
            ),
        )
    };
    let html = release("<strong>Berlin, 12. Februar 2014 –</strong>");
    assert_eq!(day(&html).as_deref(), Some("2014-02-12"));
    assert_eq!(rule(&html), "story-opening");
    // Without the opening dateline the events' days date nothing.
    assert_eq!(day(&release("")), None);
}

/// A label of its own element right before the date (`<span>Last updated:</span>
/// <span class="entry-date">`) says what the date is, as a table's header cell does; the
/// `updated` class a theme puts on the publication `<time>` then says nothing of it.
#[test]
fn a_label_element_before_its_date() {
    let html = page(
        "",
        r#"<div class="meta"><div><time class="entry-date updated" datetime="2021-08-27T16:05:00+02:00">27 August 2021 - 16:05</time></div>
           <div><span class="date-label">Last updated:</span> <span class="entry-date">28 August 2021 - 09:32</span></div></div>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2021-08-27"));
    // Words between the two are no label's.
    let html = page(
        "",
        r#"<div class="meta"><span class="date-label">Last updated:</span> by the desk <span class="entry-date">28 August 2021 - 09:32</span></div>"#,
        "",
    );
    assert_eq!(day(&html).as_deref(), Some("2021-08-28"));
}

/// A page whose dotted dates can only be read month first (`09.27.2018`, `10.23.2018`)
/// writes them all so: `10.04.2018` is 4 October; a page with a day-first one keeps
/// reading them day first.
#[test]
fn dotted_dates_month_first_by_the_page() {
    let html = |others: &str| {
        page(
            "",
            r#"<span class="insight-date">10.04.2018</span>"#,
            &format!("<ul class=\"related\"><li>{others}</li></ul>"),
        )
    };
    assert_eq!(
        day(&html("09.27.2018 Webinar on 10.23.2018")).as_deref(),
        Some("2018-10-04")
    );
    assert_eq!(day(&html("27.09.2018")).as_deref(), Some("2018-04-10"));
    assert_eq!(day(&html("")).as_deref(), Some("2018-04-10"));
}

/// A release's header row: `FOR IMMEDIATE RELEASE` in one cell labels the date in the
/// next one, inside its `<font>`; a cell naming nothing leaves it a plain dateline.
#[test]
fn a_release_row_labels_its_date() {
    let row = |label: &str| {
        page(
            "",
            &format!(
                "<table><tr><td><font size=1><b>{label}</b></font></td><td align=right>\
                 <font size=1>09/04/03</font></td></tr></table>"
            ),
            "<table><tr><td><font size=1><b>09/13/03</b><br>Open house</font></td></tr></table>",
        )
    };
    let html = row("FOR IMMEDIATE RELEASE");
    assert_eq!(day(&html).as_deref(), Some("2003-09-04"));
    assert_eq!(rule(&html), "dateline-published");
    assert_ne!(rule(&row("NEWSROOM")), "dateline-published");
}
