//! Unit tests of the second, plain-text reading of a page (`text_reading`): what it adds
//! where the markup names no author or date, and where it must add nothing.

use super::*;

const STORY: &str = "<p>The county board voted on Tuesday to spend $4.2 million repairing the \
    Harlan Creek dam, ending two years of argument over whether the structure should be \
    rebuilt or removed altogether.</p>\
    <p>Engineers told the board the earthen dam, built in 1938, could fail in a storm of the \
    kind the county saw twice in the last decade, flooding forty homes below it.</p>\
    <p>Work is expected to start next spring and to take about eighteen months, the county's \
    public works director said after the meeting.</p>";

/// A table layout of 2003: the headline in a `<font>`, the byline in bold over the
/// writer's role, the date in a `<font>` of its own; no metadata, no byline classes.
fn table_page(headline: &str, byline: &str) -> String {
    format!(
        "<html><head><title>County board OKs $4.2 million fix for aging Harlan Creek dam</title>\
         </head><body><table><tr><td><a href=\"/\">Home</a> | <a href=\"/news\">News</a></td></tr>\
         <tr><td><font size=\"5\"><b>{headline}</b></font><br><br>\
         <font size=\"2\">{byline}</font><br><font size=\"2\">Tuesday, June 10, 2003</font>\
         <br><br>{STORY}</td></tr><tr><td>© 2003 Courier-Ledger</td></tr></table></body></html>"
    )
}

#[test]
fn a_byline_only_the_text_shows() {
    let head = "County board OKs $4.2 million fix for aging Harlan Creek dam";
    let f = extract(&table_page(
        head,
        "<b>By Harold T. Weems</b><br>Courier-Ledger Staff Writer",
    ));
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(f.byline.as_deref(), Some("Harold T. Weems"));
    assert_eq!(
        f.date
            .map(|d| crate::article::rfc3339(d.at)[..10].to_string())
            .as_deref(),
        Some("2003-06-10")
    );
}

/// The text reading is believed only where it found the page's headline: the same
/// words in a run, a kicker or a site's name aside.
#[test]
fn one_headline_in_both_readings() {
    use super::text_reading::same_headline;
    let head = "Landwirte fürchten deutliche Ernteeinbußen";
    assert!(same_headline(
        head,
        "Trockenheit in Franken: Landwirte fürchten deutliche Ernteeinbußen"
    ));
    assert!(same_headline(
        "Why your bus is late (and it isn't the driver's fault)",
        "Why your bus is late (and it isn’t the driver’s fault)"
    ));
    assert!(!same_headline(head, "Landwirte fürchten Regen"));
    assert!(!same_headline("Home", "Home"));
}

/// A page that names no author anywhere gets none from the text reading.
#[test]
fn no_author_from_a_page_without_one() {
    let head = "County board OKs $4.2 million fix for aging Harlan Creek dam";
    assert_eq!(extract(&table_page(head, "")).byline, None);
}

/// A name beside a date that the text reader takes only at its threshold is believed when
/// the markup holds it as a text of its own, not when it is part of a longer line.
#[test]
fn a_bare_name_beside_a_date_needs_an_element_of_its_own() {
    let head = "County board OKs $4.2 million fix for aging Harlan Creek dam";
    let named = table_page(head, "<a href=\"/autor/ines-carvalhal\">Inês Carvalhal</a>");
    assert_eq!(extract(&named).byline.as_deref(), Some("Inês Carvalhal"));
    // A press release's number over its date reads as a name at the text reader's
    // threshold (`Pressemitteilung Nr.`); the markup has no element saying only that.
    let number = table_page(head, "Pressemitteilung Nr. 87/2023")
        .replace("Tuesday, June 10, 2003", "06.06.2023");
    assert_eq!(extract(&number).byline, None);
}

/// A blog's date badge in spans on source lines of their own: the markup reader reads the
/// badge whole, from its year's span.
#[test]
fn a_date_badge_in_spans_is_read_whole() {
    let head = "County board OKs $4.2 million fix for aging Harlan Creek dam";
    let html = table_page(head, "")
        .replace(
            "<font size=\"2\">Tuesday, June 10, 2003</font>",
            "<div class=\"post-date\">\n  <span class=\"d\">Tuesday</span>\n  \
             <span class=\"n\">10</span>\n  <span class=\"m\">June</span>\n  \
             <span class=\"y\">2003</span>\n</div>",
        )
        .replace("<font size=\"5\"><b>", "<h2>")
        .replace("</b></font><br><br>", "</h2>");
    let (f, why) = extract_explained(&html, None);
    let d = f.date.expect("a date");
    assert_eq!(
        crate::article::rfc3339(d.at)[..10].to_string(),
        "2003-06-10"
    );
    assert_eq!(why.date.map(|r| r.name), Some("dateline"));
}

/// A Joomla article: the headline an `<h2 itemprop="headline">` whose words the `<title>`
/// changes, `Publication :` in its info box, the writer in a credit at its foot.
#[test]
fn a_headline_marked_in_microdata_and_a_foot_credit() {
    let head = "County board approves repairs to the Harlan Creek dam";
    let page = format!(
        "<html><head><title>Dam repairs - Ville de Harlan</title></head><body>\
         <nav><a href=\"/\">Accueil</a> <a href=\"/actualites\">Actualités</a></nav>\
         <main><div class=\"item-page\" itemscope itemtype=\"https://schema.org/Article\">\
         <div class=\"page-header\"><h2 itemprop=\"headline\">{head}</h2></div>\
         <dl class=\"article-info\"><dt>Détails</dt><dd>Catégorie : Vie municipale</dd>\
         <dd class=\"published\">Publication : mardi 4 juin 2024 09:12</dd>\
         <dd class=\"modified\">Mis à jour : jeudi 6 juin 2024 16:47</dd></dl>\
         <div itemprop=\"articleBody\">{STORY}\
         <p class=\"signature\"><em>Texte : Élodie Carrière – Photos : Jean-Pierre Marot</em></p>\
         </div></div></main><footer>© 2024 Ville de Harlan</footer></body></html>"
    );
    let f = extract(&page);
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(
        f.date
            .map(|d| crate::article::rfc3339(d.at)[..10].to_string())
            .as_deref(),
        Some("2024-06-04")
    );
    assert_eq!(f.byline.as_deref(), Some("Élodie Carrière"));
}

/// A page of 2007 declaring no language: its slashed dates are read the way the dates it
/// shows can only be read (`29/01/07`), day first.
#[test]
fn slashed_dates_of_a_page_without_a_language() {
    let page = format!(
        "<html><head><title>Club news</title></head><body><table><tr>\
         <td>29/01/07 : Loto du club<br>15/01/07 : Assemblée générale</td>\
         <td><h1>Saint-Aubin wins away at Villeneuve after a late try</h1>\
         <p class=\"date\">12/02/2007</p>{STORY}</td></tr></table></body></html>"
    );
    assert_eq!(
        extract(&page)
            .date
            .map(|d| crate::article::rfc3339(d.at)[..10].to_string())
            .as_deref(),
        Some("2007-02-12")
    );
}

#[test]
fn dates_written_out_say_the_order_of_a_slashed_one() {
    // An English page of no region whose dates written out put the day first: a British
    // parish's `Posted 12/04/2019` is the 12th of April; an American page's the 4th of
    // December.
    let page = |lang: &str, services: &str| {
        format!(
            "<html{lang}><head><title>Our Bells Ring Out Again</title></head><body>\
             <div class=\"side\">{services}</div><h1>Our Bells Ring Out Again</h1>{STORY}\
             <p class=\"posted\">Posted 12/04/2019</p></body></html>"
        )
    };
    let day = |html: &str| {
        extract(html)
            .date
            .map(|d| crate::article::rfc3339(d.at)[..10].to_string())
    };
    let british = "Palm Sunday 14th April, 10am<br>Good Friday 19th April, 2pm";
    let american = "Palm Sunday, April 14, 10am<br>Good Friday, April 19, 2pm";
    assert_eq!(day(&page("", british)).as_deref(), Some("2019-04-12"));
    assert_eq!(
        day(&page(" lang=en", british)).as_deref(),
        Some("2019-04-12")
    );
    assert_eq!(
        day(&page(" lang=en", american)).as_deref(),
        Some("2019-12-04")
    );
    assert_eq!(
        day(&page(" lang=en-US", british)).as_deref(),
        Some("2019-12-04")
    );
    // Short forms are words too: `9 out of 10` says nothing of the order.
    let words = "9 out of 10 residents, Gen 2 models, set 3 records";
    assert_eq!(day(&page(" lang=en", words)).as_deref(), Some("2019-12-04"));
}

const BEES: &str = "<p>Los apicultores de la comarca han perdido este invierno, de media, algo \
    más del 30 % de sus colmenas, según la encuesta que la Asociación realizó entre sus \
    socios durante el mes de marzo.</p>\
    <p>De los 64 socios que respondieron, 51 declararon pérdidas superiores al 15 %, y en \
    siete explotaciones las bajas superaron la mitad de las colmenas de la comarca.</p>\
    <p>Los técnicos apuntan a la varroa y a la sequía del verano, que hicieron que muchas \
    colonias entraran en la invernada débiles y con pocas reservas.</p>";

/// An association's table layout of 2008: a `<title>` of the site's name and section
/// alone, which the footer spells out; a sidebar of dated news before the article; the
/// article's date over its headline in a `<font>`. The text reading finds the header
/// (the sidebar's dated lines are a list, not headers), and its date with it.
#[test]
fn a_title_naming_only_the_site_yields_to_the_printed_headline() {
    let head = "Las pérdidas invernales de colmenas superan el 30 % en la comarca";
    let sidebar: String = [
        (
            "02/04/2008",
            "Curso de iniciación a la apicultura en Molina",
        ),
        (
            "18/03/2008",
            "Asamblea general ordinaria: resumen de acuerdos",
        ),
        ("29/02/2008", "Nueva partida de cera estampada en la sede"),
    ]
    .iter()
    .map(|(d, t)| format!("<span>{d}</span><br><a href=\"/n\">{t}</a><br><br>\n"))
    .collect();
    let html = format!(
        "<html><head><title>AAAT :: Asociación Apícola del Alto Tajo :: Noticias</title>\
         </head><body><table>\n<tr><td colspan=\"2\"><a href=\"/\">INICIO</a> | \
         <a href=\"/n\">NOTICIAS</a> | <a href=\"/c\">CONTACTO</a></td></tr>\n<tr>\
         <td width=\"170\"><table>\n<tr><td><b>ÚLTIMAS NOTICIAS</b></td></tr>\n\
         <tr><td><font size=\"1\">\n{sidebar}</font></td></tr>\n</table></td>\n\
         <td><table>\n<tr><td>\n<font size=\"1\"><a href=\"/\">Inicio</a> &gt; \
         <a href=\"/n\">Noticias</a> &gt; Noticia</font>\n<br><br>\n\
         <font size=\"1\">Lunes, 14 de abril de 2008</font><br>\n\
         <font size=\"5\"><b>{head}</b></font>\n<br><br>\n{BEES}</td></tr>\n</table></td></tr>\n\
         <tr><td colspan=\"2\">Asociación Apícola del Alto Tajo · C/ Mayor, 14 · Sacedón \
         · © 2003-2008 AAAT</td></tr>\n</table></body></html>"
    );
    let f = extract(&html);
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(
        f.date
            .map(|d| crate::article::rfc3339(d.at)[..10].to_string())
            .as_deref(),
        Some("2008-04-14")
    );
}

/// A blog of 2010: its name in the `<h1>` and, after a guillemet, in the `<title>`
/// (`Post « Blog`, WordPress's default); the post's title in an `<h2>`.
#[test]
fn a_blog_name_after_a_guillemet_is_no_headline() {
    let head = "Après trois ans de restauration, le squelette du rorqual retrouve la galerie";
    let html = format!(
        "<html><head><title>Le rorqual retrouve la galerie « Les coulisses du Muséum</title>\
         </head><body><div id=\"header\"><h1>Les coulisses du Muséum</h1></div>\
         <div class=\"post\"><h2>{head}</h2>{STORY}</div></body></html>"
    );
    assert_eq!(extract(&html).title.as_deref(), Some(head));
}

/// A Drupal node's own footer holds its credits (`<div class="node__footer-meta">Texto:
/// … · Fotografia: …</div>`): part of the article, read by the text reading.
#[test]
fn credits_in_a_node_s_own_footer() {
    let html = format!(
        "<html><head><title>County board OKs $4.2 million fix for aging Harlan Creek dam\
         </title></head><body><article class=\"node\"><h1>County board OKs $4.2 million fix \
         for aging Harlan Creek dam</h1><div class=\"node__date\">Tuesday, June 10, 2003</div>\
         <div class=\"node__body\">{STORY}</div>\n<div class=\"node__footer-meta\"><div>Texto: \
         Inês Carvalhal · Fotografia: Rui Pestana</div></div></article></body></html>"
    );
    assert_eq!(extract(&html).byline.as_deref(), Some("Inês Carvalhal"));
}

/// A section page's `<title>` (the site and its section), over a headline in a styled
/// `<div>`: no heading agrees with the title and no element prints it.
fn section_titled(title: &str, printed: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body>\
         <div class=\"top\"><a href=\"/\">Startseite</a> <a href=\"/a\">Aktuelles</a> \
         <a href=\"/t\">Touren</a></div>{printed}\
         <div class=\"content\"><div class=\"news-date\">Dienstag, 10. Juni 2003</div>\
         <div class=\"news-head\">County board OKs $4.2 million fix for aging Harlan Creek dam\
         </div>{STORY}</div><div class=\"foot\">© 2003 Courier-Ledger</div></body></html>"
    )
}

#[test]
fn a_title_of_the_site_and_its_section_yields_to_the_printed_headline() {
    let f = extract(&section_titled("Harlan Valley Courier - Aktuelles", ""));
    assert_eq!(
        f.title.as_deref(),
        Some("County board OKs $4.2 million fix for aging Harlan Creek dam")
    );
}

#[test]
fn a_title_the_page_prints_whole_stays() {
    // A portal of 2004: a survey's question in bold in the left column, the story's
    // headline in bold in a cell of the centre, signed and dated under it.
    let title = "Township board tables vote on gravel pit expansion after packed hearing";
    let html = format!(
        "<html><head><title>Pinecrest Valley Online :: {title}</title></head><body>\
         <table><tr><td><b>Survey</b><br><b>Should the dam repair go ahead this spring?</b>\
         <br><form><input type=\"radio\"> Yes<br><input type=\"radio\"> No<br></form></td>\
         <td><table><tr><td><font size=\"3\"><b>{title}</b></font><br><font size=\"1\">\
         Submitted by Glen Ostrowski on Tue Feb 13, 2024 8:47 am</font></td></tr>\
         <tr><td>{STORY}</td></tr></table></td></tr></table></body></html>"
    );
    let f = extract(&html);
    assert_eq!(f.title.as_deref(), Some(title));
}

/// A headline's own footer holds its byline and timestamp: no page footer.
#[test]
fn a_headline_s_footer_is_the_article_s() {
    assert!(!super::layout::is_furniture_name("headline__footer"));
    assert!(!super::layout::is_furniture_name(
        "article-footer entry-footer"
    ));
    assert!(super::layout::is_furniture_name("site-footer"));
    assert!(super::layout::is_furniture_name("footer"));
}

/// A parish council's table layout: a side column of councillors and the next meeting,
/// the story under its date and its only `<h1>`, and a column with a consultation's
/// closing date; the `<title>` is the site's path.
fn parish_page(h1: &str) -> String {
    format!(
        "<html><head><title>Little Hadley Parish Council :: News :: Bypass exhibition</title>\
         </head><body><table><tr><td width=170><font size=1><b>YOUR COUNCILLORS</b><br>\
         Cllr Peter Aldous (Chairman)<br>Cllr Susan Marsh (Vice-Chair)</font><br>\
         <font size=1><b>NEXT MEETING</b><br>Monday 7th December 2009<br>7.30pm, Village \
         Hall</font></td><td><font size=1><a href=\"../index.htm\">Home</a> &gt; \
         News</font><br><span class=newsdate>Thursday 12th November 2009</span>{h1}\
         {STORY}<ul><li>Tuesday 13th October 2009 &ndash; <a href=\"p.htm\">Playground \
         works done</a></li><li>Friday 30th October 2009 &ndash; <a href=\"g.htm\">New grit \
         bins</a></li></ul></td><td><font size=1>Closing date for responses:<br><b>Friday \
         8th January 2010</b></font></td></tr></table></body></html>"
    )
}

#[test]
fn a_page_s_only_h1_over_a_title_it_does_not_echo() {
    let html = parish_page("<h1>Residents pack village hall as bypass consultation opens</h1>");
    let (fields, why) = extract_explained(&html, None);
    assert_eq!(
        fields.title.as_deref(),
        Some("Residents pack village hall as bypass consultation opens")
    );
    assert_eq!(why.title.map(|r| r.name), Some("h1-sole"));
    // Its date, not the meeting's, the closing date's or an older story's in the list.
    let d = fields.date.expect("a date");
    assert_eq!(crate::article::rfc3339(d.at), "2009-11-12T00:00:00Z");
}

#[test]
fn a_sole_h1_naming_the_site_is_no_headline() {
    for h1 in [
        "<h1><a href=\"/\">Little Hadley Parish Council</a></h1>",
        "<h1>Little Hadley Parish Council</h1>",
    ] {
        let (_, why) = extract_explained(&parish_page(h1), None);
        let rule = why.title.map(|r| r.name);
        assert!(
            !matches!(rule, Some("h1-sole" | "title-part-printed")),
            "{h1}: {rule:?}"
        );
    }
}

/// A utility's press page: its `<title>` names the site and the section around a colon,
/// the page's only `<h1>` prints the story's headline with its deck in an `<h2>` below.
#[test]
fn a_page_s_only_h1_over_a_site_and_section_title() {
    let page = |title: &str| {
        format!(
            "<html><head><title>{title}</title></head><body><ul><li><a href=\"/\">Start\
             </a></li><li><a href=\"/presse\">Presse</a></li></ul><p>Pressemitteilung vom \
             12.09.2011</p><h1>Fernwärme für die Südstadt: Bauarbeiten beginnen am 19. \
             September</h1><h2>Stadtwerke investieren rund 4,2 Millionen Euro in neue \
             Trasse zwischen Heizkraftwerk und Schulzentrum</h2>{STORY}</body></html>"
        )
    };
    let (fields, why) =
        extract_explained(&page("Stadtwerke Wernigstadt: Pressemitteilungen"), None);
    assert_eq!(
        fields.title.as_deref(),
        Some("Fernwärme für die Südstadt: Bauarbeiten beginnen am 19. September")
    );
    assert_eq!(why.title.map(|r| r.name), Some("h1-sole"));
    // A headline behind its kicker is no site and section, short or long.
    for title in [
        "Fernwärme: Stadtwerke bauen neue Trasse in der Südstadt",
        "Fernwärme: Bauarbeiten beginnen",
        "Review: Dune Part Two",
    ] {
        let (_, why) = extract_explained(&page(title), None);
        assert_ne!(why.title.map(|r| r.name), Some("h1-sole"), "{title}");
    }
}

/// A club's page of 2009: no heading element, a `<title>` of the site and its section,
/// the headline a bold `<font>` with its `Posted … by …` line under it, a menu column
/// beside; the text reading's headline, a little unsure alone, sits right over the date
/// the markup read, and is the title.
#[test]
fn a_font_headline_over_the_date_the_markup_read() {
    let menu: String = [
        "Home",
        "Club News",
        "Our Layout",
        "Photo Gallery",
        "Meeting Schedule",
        "Membership",
    ]
    .iter()
    .map(|m| format!("<tr><td><font size=\"2\"><a href=\"#\">{m}</a></font></td></tr>"))
    .chain([
        "<tr><td><font size=\"1\"><b>Meetings:</b><br>1st &amp; 3rd Tuesday<br>7:30 PM<br>\
         Old Freight Depot<br>118 Water St.<br>Meadville, PA</font></td></tr>"
            .to_string(),
        "<tr><td><font size=\"1\"><b>Upcoming:</b><br>Work night - 04-14-09<br>Board mtg - \
         04-21-09<br>Open House - 04-25-09 &amp; 04-26-09</font></td></tr>"
            .to_string(),
    ])
    .collect();
    let html = format!(
        "<html><head><title>TCMRS - News</title></head><body><table><tr>\
         <td width=\"150\"><table>{menu}</table></td><td>\
         <font size=\"5\"><b>Club News</b></font><br>Home &gt; Club News<hr>\
         <table border=\"1\"><tr><td><font size=\"4\" color=\"#990000\"><b>Spring Open \
         House Dates Set - Helpers Needed!</b></font><br><font size=\"1\"><i>Posted \
         04-07-09 by Webmaster</i></font></td></tr><tr><td>{STORY}</td></tr></table>\
         <p><b>Previous News</b></p><table><tr><td>03-28-09</td><td><b>Dues \
         Reminder</b> - Dues for 2009 are now past due. Posted by Webmaster</td></tr>\
         <tr><td>03-15-09</td><td><b>Trestle Finished!</b> - The first train crossed it \
         on Saturday night. Posted by Dale K.</td></tr></table>\
         </td></tr></table><p>&copy; 1998-2009 TCMRS. This page last updated 04/08/09</p>\
         </body></html>"
    );
    let f = extract(&html);
    assert_eq!(
        f.title.as_deref(),
        Some("Spring Open House Dates Set - Helpers Needed!")
    );
    assert_eq!(f.byline.as_deref(), Some("Webmaster"));
}

/// Two authors, each a `<span>` of a generated class, parted by a comma: the text
/// reading's byline, unsure alone, is what the markup shows name by name.
#[test]
fn authors_each_an_element_of_their_own() {
    let html = format!(
        "<html><head><title>Uutisvirta: Kuopion uimahalli kallistuu…</title></head><body>\
         <div class=\"sc-nav\"><a href=\"/\">Etusivu</a> <a href=\"/uutiset\">Uutiset</a></div>\
         <h1>Kuopion uimahallihanke kallistuu 12 miljoonaa euroa</h1>\
         <div class=\"sc-k3\"><div class=\"sc-aus\"><span class=\"sc-au\">Juha Virtanen</span>, \
         <span class=\"sc-au\">Maria Laaksonen</span></div><span>4.3.2025 10:47</span></div>\
         <div class=\"sc-body\">{STORY}</div></body></html>"
    );
    let f = extract(&html);
    assert_eq!(
        f.byline.as_deref(),
        Some("Juha Virtanen and Maria Laaksonen")
    );
}

/// A release whose `<title>` is the site's path and whose `<h1>` is its logo image: the
/// longest `<h2>` prints the story's headline, not a box's; a textless `<h1>` alone
/// gives no title.
#[test]
fn the_h2_under_a_logo_h1() {
    let page = |h2: &str| {
        format!(
            "<html><head><title>Mercy Valley Health System :: Newsroom :: Press Releases</title>\
             </head><body><table><tr><td><h1 class=\"logo\"><a href=\"/default.asp\"><img \
             src=\"/logo.gif\" alt=\"Mercy Valley Health System\"></a></h1></td></tr><tr><td>\
             <h2>Search the newsroom</h2>{h2}{STORY}<p><b>About Mercy Valley Health System</b></p><p>Mercy Valley is a \
             nonprofit system of three hospitals.</p></td></tr></table></body></html>"
        )
    };
    let (fields, why) = extract_explained(
        &page("<h2 class=\"prhead\">Mercy Valley Opens Region's First 24-Hour Cardiac Lab</h2>"),
        None,
    );
    assert_eq!(
        fields.title.as_deref(),
        Some("Mercy Valley Opens Region's First 24-Hour Cardiac Lab")
    );
    assert_eq!(why.title.map(|r| r.name), Some("h2-under-logo"));
    let (_, why) = extract_explained(&page(""), None);
    assert_ne!(why.title.map(|r| r.name), Some("h2-under-logo"));
    // A `<title>` whose headline the page prints (in an `<h3>`) keeps it over a longer
    // teaser's `<h2>`.
    let html = page(
        "<h2>Police appeal after second break-in at Kestrel marina this month</h2>\
         <h3>Council approves harbour budget for next year</h3>",
    )
    .replace(
        "Mercy Valley Health System :: Newsroom :: Press Releases",
        "Council approves harbour budget for next year :: Kestrel Courier",
    );
    let (fields, _) = extract_explained(&html, None);
    assert_eq!(
        fields.title.as_deref(),
        Some("Council approves harbour budget for next year")
    );
}
