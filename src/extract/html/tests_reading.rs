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
            .map(|d| crate::article::rfc3339(d.utc)[..10].to_string())
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

/// A blog's date badge in spans on source lines of their own: the markup reader gets the
/// year alone, the text reading the day, which refines it.
#[test]
fn a_day_refines_the_year_of_a_date_badge() {
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
        crate::article::rfc3339(d.utc)[..10].to_string(),
        "2003-06-10"
    );
    assert_eq!(why.date.map(|r| r.name), Some("text-reading"));
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
            .map(|d| crate::article::rfc3339(d.utc)[..10].to_string())
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
            .map(|d| crate::article::rfc3339(d.utc)[..10].to_string())
            .as_deref(),
        Some("2007-02-12")
    );
}
