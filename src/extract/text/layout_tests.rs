//! Unit tests of article headers as kinds of site lay them out: a tabloid's long
//! headline over a bulleted summary, a picture's label over its caption, a headline in
//! title case ending in a full stop, a headline parted by a dash, an author's name printed
//! twice, fields glued together, slashed dates in the file's order.

use super::*;

const MENU: &str = "  * Home\n  * News\n  * Sport\n  * Weather\n  * Contact\n\n";

const STORY: &str = "A retired postman who stumbled upon a hoard of Roman coins while walking his \
     dog has admitted he nearly threw them in the bin because he thought they were old \
     bottle tops.\n\n\
     The coins were found at the edge of a field near the town in March, and experts at \
     the county museum say they were buried in the third century.\n\n\
     The find has been declared to the coroner, who will decide at an inquest later this \
     year whether the hoard counts as treasure under the law.\n\n";

/// A tabloid's headline of thirty words over its bulleted summary, then the byline and
/// the dateline; under them a picture's label over its caption, which opens on the same
/// words and ends in its agency's credit.
#[test]
fn tabloid_headline_over_a_summary() {
    let text = format!(
        "{MENU}Retired postman, 74, who found hoard of 1,200 Roman coins while walking his dog \
         in a Norfolk field says he 'nearly threw them in the bin' thinking they were bottle \
         tops\n\n\
         \x20 • Derek Pilling, 74, discovered the coins near Swaffham, Norfolk, in March\n\
         \x20 • His springer spaniel Bramble dug up the blackened discs at the edge of a field\n\n\
         By REBECCA THORNE FOR MAILONLINE\n\
         PUBLISHED: 14:32 BST, 5 June 2023 | UPDATED: 16:01 BST, 5 June 2023\n\n\
         Derek Pilling with his dog Bramble\n\n\
         Derek Pilling, 74, with his springer spaniel Bramble in the field near Swaffham where \
         the hoard was found (SWNS)\n\n{STORY}"
    );
    let f = extract(&text);
    assert!(
        f.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Retired postman")),
        "{:?}",
        f.title
    );
    assert_eq!(f.byline.as_deref(), Some("REBECCA THORNE"));
}

/// A picture's label between the standfirst and the byline, right over a caption that
/// holds most of its words and ends in a credit, is not the headline.
#[test]
fn a_picture_label_over_a_caption_that_shares_its_words() {
    let text = format!(
        "{MENU}News › Politics Housing crisis\n\n\
         Cabinet to fast-track planning overhaul as housing completions fall short of\n\
         target\n\n\
         Planning and Development Bill to be prioritised when the Dáil returns, with\n\
         fewer than 15,000 homes built in first half of year\n\n\
         Cranes over a housing development in north Dublin\n\
         A housing development under construction in Clongriffin, north Dublin.\n\
         Photograph: Niall Carson\n\n\
         [aoife-bren]\nAoife BrennanPolitical Correspondent\nThu 7 Sep 2023, 18:05\n\
         Updated: Fri 8 Sep 2023, 07:40\n\n\
         The Government will attempt to push a long-delayed overhaul of the planning\n\
         system through the Oireachtas before Christmas after new figures showed housing\n\
         completions running well behind this year's target in north Dublin and elsewhere.\n\n\
         Cabinet ministers were told on Tuesday that the Planning and Development Bill,\n\
         which has been in pre-legislative scrutiny since January, will be prioritised\n\
         when the Dáil returns from its summer recess later this month.\n\n\
         Senior Government sources said the decision followed a presentation showing\n\
         that just 14,870 new homes were completed in the first half of the year,\n\
         leaving the State needing more than 18,000 in the second half to meet its\n\
         target of 33,000, with a housing development under way in every county.\n"
    );
    assert_eq!(
        extract(&text).title.as_deref(),
        Some("Cabinet to fast-track planning overhaul as housing completions fall short of target")
    );
}

/// A headline that fills the wrap width is joined to the standfirst right below it;
/// with no other headline, the joined unit's opening line over the byline and dateline is
/// the title.
#[test]
fn a_headline_joined_to_its_standfirst() {
    let text = "  * Economia\n  * Publicidade\nHabitação\n\
        Preço das casas em Lisboa sobe 12% num ano e empurra jovens para a Margem Sul\n\
        Estudo divulgado esta sexta-feira mostra que o valor mediano por metro quadrado\n\
        ultrapassou os 4.500 euros na capital. Almada, Seixal e Barreiro concentram a\n\
        procura de compradores com menos de 35 anos.\n[ines]\nInês Carvalhal\n\
        27 de Outubro de 2023, 8:30\nPartilhar\n\n\
        Comprar casa em Lisboa está cada vez mais longe do alcance da maioria das\n\
        famílias. Segundo um estudo da consultora imobiliária Habitare Research,\n\
        divulgado esta sexta-feira, o preço mediano das habitações vendidas na capital\n\
        atingiu os 4.580 euros por metro quadrado no terceiro trimestre, mais 12,3% do\n\
        que no mesmo período do ano passado.\n\n\
        O aumento é transversal a quase todas as freguesias, mas é nas zonas históricas\n\
        e ribeirinhas que os valores mais disparam. Em Santa Maria Maior e na\n\
        Misericórdia, o metro quadrado já ultrapassa os 6.200 euros, um valor que os\n\
        autores do estudo classificam como «desligado dos rendimentos locais».\n";
    assert_eq!(
        extract(text).title.as_deref(),
        Some("Preço das casas em Lisboa sobe 12% num ano e empurra jovens para a Margem Sul")
    );
}

/// A tabloid's quotation in capitals over its long headline is a kicker.
#[test]
fn a_quotation_in_capitals_over_a_tabloid_headline() {
    let text = format!(
        "{MENU}Home > News > UK News\n'I NEARLY THREW THEM IN THE BIN'\n\n\
         Retired postman, 74, who found hoard of 1,200 Roman coins while walking his dog \
         in a Norfolk field says he nearly threw them away thinking they were bottle tops\n\n\
         \x20 • Derek Pilling, 74, discovered the coins near Swaffham, Norfolk, in March\n\
         \x20 • His springer spaniel Bramble dug up the blackened discs at the edge of a field\n\n\
         By REBECCA THORNE FOR MAILONLINE\n\
         PUBLISHED: 14:32 BST, 5 June 2023 | UPDATED: 16:01 BST, 5 June 2023\n\n{STORY}"
    );
    let f = extract(&text);
    assert!(
        f.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Retired postman")),
        "{:?}",
        f.title
    );
}

/// A headline in title case that ends in a full stop heads its header; the subtitle under
/// it, parted by a dash, does not take its place.
#[test]
fn title_case_headline_with_a_full_stop() {
    let text = format!(
        "{MENU}I Replaced Our Nightly Batch Jobs With Event Streams. Here's What Broke.\n\n\
         Late events, duplicate emails and a meeting nobody wanted — notes from a migration\n\n\
         Sam Okoro\n\nMar 3, 2022 · 9 min read\n\n{STORY}"
    );
    assert_eq!(
        extract(&text).title.as_deref(),
        Some("I Replaced Our Nightly Batch Jobs With Event Streams. Here's What Broke.")
    );
}

/// A headline parted by a dash with no site's name at either end heads its header over
/// a standfirst and a byline with a place.
#[test]
fn dashed_headline_heads_its_header() {
    let text = format!(
        "{MENU}Verkehrsversuch\n\n\
         Die Langstrasse wird nachts für Autos gesperrt – das Gewerbe ist skeptisch\n\n\
         Die Stadt Zürich will ab August an Wochenenden den Durchgangsverkehr aus der \
         Partymeile verbannen. Der Versuch dauert ein Jahr.\n\n\
         Martin Suter, Zürich\n05.06.2023, 14.32 Uhr Lesezeit 4 Min.\n\n{STORY}"
    );
    let (f, ex) = run(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Die Langstrasse wird nachts für Autos gesperrt – das Gewerbe ist skeptisch")
    );
    let chosen = ex.title.chosen.expect("a title");
    assert!(
        chosen.signals.iter().any(|s| s.name == "heads_header"),
        "{:?}",
        chosen.signals
    );
}

/// An author's name printed twice (a picture's label, then the name) is the byline, and
/// the line above it the deck of the headline above that; a registration wall's prompt
/// beside the name is furniture.
#[test]
fn a_name_printed_twice_is_a_byline() {
    let text = format!(
        "{MENU}Las piscinas municipales de Madrid abrirán el 15 de junio con precios \
         congelados\n\n\
         La entrada para adultos seguirá costando 4,50 euros y el Ayuntamiento contrata 64 \
         socorristas más\n\n\
         Laura G. Pardo\n\nLaura G. Pardo\n\n\
         Seguir Esta funcionalidad es sólo para registrados\n\n\
         Madrid\n\nActualizado: 05/06/2023 14:32h\n\n{STORY}"
    );
    let f = extract(&text);
    assert_eq!(f.byline.as_deref(), Some("Laura G. Pardo"));
    assert!(
        f.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Las piscinas municipales")),
        "{:?}",
        f.title
    );
}

/// Two authors each printed twice (pictures' labels, then names) are both the byline; a
/// name over its role is one too; a French byline run on into its dateline is read.
#[test]
fn names_in_pairs_over_roles_and_run_on() {
    let head = "Council votes to close the old bridge to cars\n\n";
    let f = extract(&format!(
        "{MENU}{head}Ailsa Chang\nAilsa Chang\nJuana Summers\nJuana Summers\n\n\
         June 5, 2023 2:32 PM ET\n\n{STORY}"
    ));
    assert_eq!(f.byline.as_deref(), Some("Ailsa Chang and Juana Summers"));
    let f = extract(&format!(
        "{MENU}{head}Tan Wei Ming\nSenior Correspondent\nFollow\n\n\
         Published Jun 5, 2023, 11:00 AM\n\n{STORY}"
    ));
    assert_eq!(f.byline.as_deref(), Some("Tan Wei Ming"));
    // As html2text prints them: the picture's label in brackets, the link underscored.
    let f = extract(&format!(
        "{MENU}{head}[Priya Natarajan]\nPriya_Natarajan\nSenior Contributor\n\n\
         Jun 5, 2023, 02:32pm EDT\n\n{STORY}"
    ));
    assert_eq!(f.byline.as_deref(), Some("Priya Natarajan"));
    let f = extract(&format!(
        "{MENU}{head}par Julien Morel, envoyé spécial à Marseille\n\
         publié le 5 juin 2023 à 14h32 (mis à jour le 6 juin 2023 à 8h15)\n\n{STORY}"
    ));
    assert_eq!(f.byline.as_deref(), Some("Julien Morel"));
}

/// The day of a file's date, `YYYY-MM-DD`.
fn day(f: &Fields) -> Option<String> {
    f.date.as_ref().map(|d| d.at.date().to_string())
}

/// Header fields printed without a space between them, where the page's style sheet set
/// them apart: the name ends where a credit, a role or a date word is glued on.
#[test]
fn fields_glued_together_part_at_the_glued_word() {
    for (line, name) in [
        (
            "Words by Imogen ValePhotography by Sam Okafor5 min read",
            "Imogen Vale",
        ),
        (
            "door Jeroen Wildschutvrijdag 8 maart 20244 min leestijd",
            "Jeroen Wildschut",
        ),
        ("By Dana Whitfield10:32 PM", "Dana Whitfield"),
        (
            "Publié le 3 mars 2024 par Élodie Marchand·Actualités, Commerces·Laisser un commentaire",
            "Élodie Marchand",
        ),
    ] {
        let text = format!(
            "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
             {line}\n\n{STORY}"
        );
        assert_eq!(extract(&text).byline.as_deref(), Some(name), "{line}");
    }
    // The name over a line of furniture over the dateline, its role glued on.
    let text = format!(
        "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
         Marcus DelaneyStaff reporter\n+ Follow\nJune 5, 2023 at 5:14 p.m. PST\n\n{STORY}"
    );
    let f = extract(&text);
    assert_eq!(f.byline.as_deref(), Some("Marcus Delaney"));
    assert_eq!(day(&f).as_deref(), Some("2023-06-05"));
}

/// Two names parted by the page's own `and` over an updated and a published stamp: the
/// byline, and the publication day.
#[test]
fn names_over_two_stamps() {
    let text = format!(
        "{MENU}Salvatierra rescata al Almenara en el descuento y mantiene viva la ilusión\n\n\
         Álvaro Benítez y Nuria Castell\n\
         Actualizado Lunes, 4 marzo 2024 - 00:37\n\
         Publicado Domingo, 3 marzo 2024 - 22:58\n\n\
         Iker Salvatierra marcó en el minuto 94 y el Real Almenara ganó por dos a uno al \
         Atlético Montesol en un partido muy disputado de principio a fin.\n\n\
         El entrenador dijo después del partido que el equipo no se rindió nunca y que la \
         afición tuvo mucho que ver con la remontada de la segunda parte.\n\n"
    );
    let f = extract(&text);
    assert_eq!(f.byline.as_deref(), Some("Álvaro Benítez y Nuria Castell"));
    assert_eq!(day(&f).as_deref(), Some("2024-03-03"));
}

/// A slashed date is read in the order the file writes its dates: the day first where
/// a date cannot be read otherwise, or where the file is not in English; the month first
/// in an English file that says nothing else.
#[test]
fn slashed_dates_in_the_file_s_order() {
    let spanish = format!(
        "{MENU}Vecinos del barrio sur piden más frecuencias de colectivos\n\n\
         Locales | 05/03/2024\n\n\
         Los vecinos del barrio sur se reunieron con el intendente para pedir que los \
         colectivos pasen más seguido por la avenida principal durante la mañana.\n\n\
         El intendente prometió estudiar el pedido con la empresa y dar una respuesta en \
         las próximas semanas, según dijeron los vecinos a la radio.\n\n"
    );
    assert_eq!(day(&extract(&spanish)).as_deref(), Some("2024-03-05"));
    let english = format!(
        "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
         Local | 05/03/2024\n\n{STORY}"
    );
    assert_eq!(day(&extract(&english)).as_deref(), Some("2024-05-03"));
    let british = format!("{english}Comments\n\nJohn, 28/05/2024: What a find!\n\n");
    assert_eq!(day(&extract(&british)).as_deref(), Some("2024-03-05"));
}

/// A picture's caption over the headline, both headline-shaped: the headline is the one
/// the page prints again in its lists and its comments' heading.
#[test]
fn a_caption_over_the_headline_the_page_echoes() {
    let head = "Freibad Lindenfeld: Stadtrat stimmt für Sanierung";
    let text = format!(
        "{MENU}Blick über das Freibad am Mühlgraben mit Sprungturm\n\n{head}\n\n\
         Veröffentlicht am 27. Juni 2019 von Jonas Wetzlar\n\n\
         Das Freibad am Mühlgraben bleibt Lindenfeld erhalten. Nach einer langen Debatte hat \
         der Stadtrat am Mittwochabend mit 21 zu 9 Stimmen die Sanierung beschlossen.\n\n\
         Die Arbeiten sollen im Herbst beginnen und bis zum Frühjahr 2021 dauern, sagte der \
         Bürgermeister nach der Sitzung im Rathaus vor den Zuschauern.\n\n\
         Der Förderverein hatte über tausend Unterschriften für den Erhalt gesammelt und \
         zeigte sich nach der Abstimmung erleichtert.\n\n\
         Die Badegäste müssen sich allerdings auf eine Saison ohne Becken einstellen, weil \
         der Umbau länger dauert als ein Winter.\n\n\
         Der Stadtrat will im Sommer über die Eintrittspreise nach der Sanierung beraten.\n\n\
         Die Stadtwerke übernehmen einen Teil der Kosten für die neue Technik.\n\n\
         5 Gedanken zu „{head}“\n\n\
         Neueste Kommentare\n\n  • Sabine Hoppe bei {head}\n  • Anja bei {head}\n"
    );
    assert_eq!(extract(&text).title.as_deref(), Some(head));
}

/// Drupal's `Submitted by NAME on DATE`.
#[test]
fn submitted_by_a_name_on_a_date() {
    let text = format!(
        "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
         Submitted by Gwen Albright on Tue, 03/05/2024 - 14:22\n\n{STORY}"
    );
    let f = extract(&text);
    assert_eq!(f.byline.as_deref(), Some("Gwen Albright"));
    assert_eq!(day(&f).as_deref(), Some("2024-03-05"));
}

/// A dashed date with a two-digit year after a French label is read day first.
#[test]
fn a_dashed_date_after_a_french_label() {
    let text = format!(
        "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
         Par Julien Lambotte (avec Belga) Publié le 05-03-24 à 10h32\n\n{STORY}"
    );
    let f = extract(&text);
    assert_eq!(day(&f).as_deref(), Some("2024-03-05"));
    assert_eq!(f.byline.as_deref(), Some("Julien Lambotte"));
}

/// A breadcrumb trail ending in the headline cut short names the headline below it; the
/// trail is no headline.
#[test]
fn a_trail_ending_in_the_headline_cut_short() {
    let head = "Retired postman found hoard of Roman coins while walking his dog in a field";
    let text = format!(
        "{MENU}Home / News / Norfolk / Retired postman found hoard of Roman coins whi...\n\n\
         {head}\n\nWritten by Anna Novak | Norwich | Updated: June 5, 2023 14:32 BST\n\n{STORY}"
    );
    assert_eq!(extract(&text).title.as_deref(), Some(head));
}

/// A trail whose last item is the headline's short form, its first word and its place
/// cut off, names the headline over a picture's label under it.
#[test]
fn a_trail_ending_in_the_headline_inside() {
    let head = "New hyper-acute stroke unit opens at Fenwick General";
    let page = |trail: &str| {
        format!(
            "{MENU}You are here: Home > News > Press releases > {trail}\n\n\
             Fenwick Hospitals Charity - donate today\n\n{head}\n\n\
             Stroke team in the new unit and their patients\n\n\
             Patients who suffer a stroke will now be taken directly to a new specialist \
             unit at Fenwick General Hospital, where they can be scanned within minutes.\n\n\
             The eight-bed unit admitted its first patient on Monday, and brings a scanner \
             and a team of stroke consultants together on the ground floor.\n\n\
             Until now, stroke patients were admitted to the nearest emergency department \
             and then moved to the general ward, which could take several hours.\n\n"
        )
    };
    assert_eq!(
        extract(&page("Hyper-acute stroke unit opens"))
            .title
            .as_deref(),
        Some(head)
    );
    assert_ne!(
        extract(&page("Stroke unit news")).title.as_deref(),
        Some(head)
    );
}

/// Fields glued by a minified page: a section label onto the date, a date's `Uhr` onto
/// `Von`; a blog's `Postado por NAME às TIME` under its post.
#[test]
fn glued_dates_and_bylines_in_other_languages() {
    let text = format!(
        "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
         Nacional12/03/2024 13:45\n\n{STORY}"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2024-12-03"));
    let text = format!(
        "{MENU}Heimsieg in letzter Minute: Lindenau schlägt den Tabellenführer\n\n\
         12.03.2024 - 22:47 UhrVon Jonas BrettschneiderLesezeit: 4 Min.\n\n{STORY}"
    );
    let f = extract(&text);
    assert_eq!(f.byline.as_deref(), Some("Jonas Brettschneider"));
    assert_eq!(day(&f).as_deref(), Some("2024-03-12"));
    let text = format!(
        "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
         {STORY}Postado por Edvaldo Nogueira às 14:32\n"
    );
    assert_eq!(extract(&text).byline.as_deref(), Some("Edvaldo Nogueira"));
}

/// A blog on an old hosted platform: the platform's bar of links ending on `Sign In`, the
/// blog's name over its tagline, the day's date header, the post's title; under the post
/// `Posted by NAME at TIME` over its share links run into its labels.
#[test]
fn a_hosted_blog_post_under_its_date_header() {
    let page = String::from(
        "Blogger Search Blog Flag Blog Next blog» Create Blog | Sign In\n\n\
         Dirt Under My Fingernails\n\n\
         One woman, one half-plot, and far too many courgettes. Notes from an allotment\n\
         in Otley, West Yorkshire.\n\n\
         Sunday, July 16, 2006\n\n\
         The great slug war of 2006, or: why I have given up on lettuce\n\n\
         Regular readers will know that I started the year full of optimism about salad. I \
         had three varieties of lettuce and a row of rocket.\n\n\
         It is now midsummer. I have eaten precisely one lettuce, and the slugs have had \
         the rest of them, every last leaf of every sowing.\n\n\
         So I did what everyone tells you to do about slugs. I put down beer traps, crushed \
         eggshells and copper tape round the raised bed of lettuce.\n\n\
         Posted by Marjorie Platt at 9:14 PM\n\n\
         Email ThisBlogThis!Share to TwitterShare to Facebook Labels: slugs, lettuce\n",
    );
    let f = extract(&page);
    assert_eq!(
        f.title.as_deref(),
        Some("The great slug war of 2006, or: why I have given up on lettuce")
    );
    assert_eq!(f.byline.as_deref(), Some("Marjorie Platt"));
    assert_eq!(day(&f).as_deref(), Some("2006-07-16"));
    assert!(foot::labels_line(
        "Email ThisBlogThis!Share to TwitterShare to Facebook Labels: slugs, lettuce"
    ));
    assert!(!foot::labels_line(
        "We talked about it. Labels: none of them stuck"
    ));
    let bar = "Blogger Search Blog Flag Blog Next blog» Create Blog | Sign In";
    assert!(features::menu_shape(bar, 11));
}

/// A club's match report: a headline opening on a quotation, its standfirst, then only a
/// relative time for a dateline; and a section's label over `Published 22 hours ago`
/// over the headline and its byline.
#[test]
fn headers_dated_by_a_relative_time() {
    let report = "Rovers came from behind to open the season with a win over Fenbridge at \
                  Marsh Lane on Saturday, Doyle scoring twice in the last ten minutes.\n\n\
                  Doyle said the late show at Marsh Lane came from belief in the squad, and \
                  the manager praised a crowd that stayed to the end.\n\n";
    let page = format!(
        "{MENU}LIVEUnder-18s v Halstead Athletic U18 – Sat 10 Aug, 11am, Marsh Lane 3G  |\n\
         Next: Fenbridge United (A) – Tue 13 Aug, 7.45pm\n\
         Home / News / First Team\nFirst Team · Match Report\n\n\
         “We never stopped believing” – Doyle salutes late show at Marsh Lane\n\n\
         Rovers came from behind to open the season with a win under the lights.\n\n\
         2 hours ago · First Team\nShareTweetWhatsAppEmail\n\n{report}{report}"
    );
    assert_eq!(
        extract(&page).title.as_deref(),
        Some("“We never stopped believing” – Doyle salutes late show at Marsh Lane")
    );
    let page = format!(
        "{MENU}ADVERTISEMENT\nDancing With the Stars\nPublished 22 hours ago\n\n\
         Van Der Beek eliminated from 'Dancing with the Stars' after announcing a loss\n\n\
         By Andy Sahadeo | Fox News\n\n{STORY}"
    );
    assert_eq!(
        extract(&page).title.as_deref(),
        Some("Van Der Beek eliminated from 'Dancing with the Stars' after announcing a loss")
    );
}

/// A festival's masthead gives its days (`6, 7 & 8 août 2010`): no dateline, so the
/// post's own date and the headline over its `Publié par NAME dans CATEGORIES` line win.
#[test]
fn an_events_days_under_a_masthead_are_no_dateline() {
    let page = |days: &str| {
        format!(
            "Les Nuits de la Vézère\nFestival de musiques en plein air — Sarlande (Dordogne)\n\
             {days}\n\n{MENU}17 juin 2010\n\n\
             Programmation 2010 : Yaël Morand, les Frères Castagne et une scène au bord de \
             l'eau\n\n\
             Publié par Camille Roussel dans Actualités, Programmation | 4 commentaires\n\n\
             {STORY}"
        )
    };
    for days in ["6, 7 & 8 août 2010", "6-8 août 2010", "du 6 au 8 août 2010"] {
        let f = extract(&page(days));
        assert_eq!(day(&f).as_deref(), Some("2010-06-17"), "{days}");
        assert!(
            f.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Programmation 2010")),
            "{days}: {:?}",
            f.title
        );
        assert_eq!(f.byline.as_deref(), Some("Camille Roussel"), "{days}");
    }
    // One day is a dateline.
    assert_eq!(
        day(&extract(&page("8 août 2010"))).as_deref(),
        Some("2010-08-08")
    );
}

/// `Escrito por` opens a byline as `Written by` does; the line is no headline.
#[test]
fn written_by_in_spanish() {
    for (line, name) in [
        (
            "Escrito por Javier Ortuño Lasheras",
            "Javier Ortuño Lasheras",
        ),
        ("Escrita por Lucía Ortega Sanz", "Lucía Ortega Sanz"),
    ] {
        let f = extract(&format!(
            "{MENU}Retired postman found hoard of Roman coins while walking his dog\n\n\
             {line}\nMiércoles, 22 de Febrero de 2012 18:40\n\n{STORY}"
        ));
        assert_eq!(f.byline.as_deref(), Some(name), "{line}");
        assert_eq!(
            f.title.as_deref(),
            Some("Retired postman found hoard of Roman coins while walking his dog")
        );
    }
}

/// An organisation's site name over its menu, named again inside the story's sentences:
/// the site, not the headline under its trail and dateline.
#[test]
fn a_site_name_the_story_mentions_is_no_headline() {
    let head = "Three wildcat kittens born as the breeding programme reaches its tenth year";
    let text = format!(
        "Marlow Vale Wildlife Park\n\n{MENU} 1. Home\n 2. News\n 3. Conservation\n\n\
         Conservation · Tuesday 3rd March 2015\n\n{head}\n\n\
         Litter of two females and a male is the largest since 2005 – and all three are \
         destined for release in the Highlands.\n\n\
         Keepers at Marlow Vale Wildlife Park are celebrating after three Scottish wildcat \
         kittens were found tucked inside a nest box in the woodland enclosure.\n\n\
         The find has been declared to the coroner, who will decide at an inquest later this \
         year whether the hoard counts as treasure under the law.\n\n\
         The kittens were born in January, when their mother stopped coming to the feeding \
         platform at dusk, and staff confirmed the litter at the weekly health check.\n\n\
         Marlow Vale Wildlife Park\n\nRegistered charity no. 1093317."
    );
    let f = extract(&text);
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(day(&f).as_deref(), Some("2015-03-03"));
}

/// A blog's name and tagline over its menu, then the post's date and title: the date
/// under the menu belongs to the post's header, not to the blog's name (in lynx's
/// rendering the link-rel line names the blog too).
#[test]
fn a_blog_name_over_its_menu_heads_no_date() {
    let head = "Il campanile torna a suonare: domenica il vescovo benedice le nuove campane";
    let page = format!(
        "Parrocchia San Michele Arcangelo - Castelnuovo\n\n\
         Notizie, avvisi e vita della comunità parrocchiale di Castelnuovo · Diocesi di \
         Valserena\n\n{MENU}sabato 8 ottobre 2011\n\n{head}\n\n[campane-fonderia]\n\
         Dopo quasi due anni di silenzio, le campane di San Michele Arcangelo torneranno a \
         suonare a Castelnuovo. Domenica il vescovo benedirà i cinque bronzi.\n\n\
         I lavori di consolidamento del campanile, resi necessari dalle lesioni comparse \
         dopo il terremoto, si sono conclusi a fine settembre con la nuova copertura.\n\n\
         Le due campane più antiche erano state trovate incrinate durante un sopralluogo, \
         e sono state rifuse dalla fonderia con il metallo originale.\n\n"
    );
    let f = extract(&page);
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(day(&f).as_deref(), Some("2011-10-08"));
    let lynx = format!(
        "#Parrocchia San Michele Arcangelo - Castelnuovo - Atom Parrocchia San Michele\n\
         Arcangelo - Castelnuovo - RSS\n\n{page}"
    );
    assert_eq!(extract(&lynx).title.as_deref(), Some(head));
}

/// A club's old table layout: its menu on one line of words, the visitor counter's start
/// date in the side column, then the trail and the headline under it.
#[test]
fn a_headline_under_its_trail_past_a_counter() {
    let head = "Saisonabschluss auf der Ammertaler Hütte: Rekordsommer und ein neues Dach";
    let text = format!(
        "DAV Sektion Ammertal\nim Deutschen Alpenverein e.V. · gegr. 1896\n\n\
         \x20   Startseite Aktuelles Tourenprogramm Ammertaler Hütte Jugend Kletterhalle\n\
         Mitglied werden\n\n\
         \x20                              Geschäftsstelle\n\
         \x20                              Bahnhofstraße 9\n\
         \x20                              Di 17–19 Uhr\n\
         \x20                          Besucher seit 01.01.2003:\n\
         \x20                                    48211\n\n\
         Startseite > Aktuelles > Neuigkeiten\n{head}\n\n\
         Am vergangenen Wochenende haben wir die Ammertaler Hütte nach einer langen Saison \
         in den Winterschlaf geschickt, und gut 60 Mitglieder kamen zum Abschluss herauf.\n\n\
         Die Bilanz kann sich sehen lassen: Mit 4.310 Übernachtungen hatte die Hütte den \
         besten Sommer seit ihrer Erweiterung, vor allem dank des stabilen Augusts.\n\n\
         Mindestens ebenso erfreulich ist, dass die Sanierung des Daches rechtzeitig vor \
         dem ersten Schnee abgeschlossen werden konnte.\n\n"
    );
    let f = extract(&text);
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(day(&f), None);
}

/// A local page's section is its place (`Bad Hollerbach`) between the dateline and the
/// headline; the story opens on the same place. It names no author.
#[test]
fn a_place_over_the_headline_is_no_byline() {
    let head = "Freibad-Sanierung kostet fast eine Million mehr";
    let text = format!(
        "{MENU}Mi., 14.09.2016, 17:32 Uhr\n\nBad Hollerbach\n\n{head}\n\n\
         Bad Hollerbach. Die Sanierung des Freibads am Mühlweg wird deutlich teurer als \
         geplant, die Stadtverwaltung rechnet inzwischen mit knapp 3,3 Millionen Euro.\n\n\
         Eine Schließung des Bades stand dennoch für keine Fraktion zur Debatte, sagte der \
         Sprecher der Grünen nach der Sitzung.\n\n\
         Die Bauarbeiten sollen im November beginnen, eine Eröffnung ist frühestens zur \
         Saison 2018 vorgesehen. (hek)\n"
    );
    let f = extract(&text);
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(f.byline, None);
    assert_eq!(day(&f).as_deref(), Some("2016-09-14"));
}

/// A blog's post saved with html2text, which prints a link's spaces as underscores: the
/// linked day and author under the headline (`Pubblicato il 12_Marzo_2024 da
/// Marco_Bellandi`) read as the page showed them.
#[test]
fn an_html2text_rendering_s_linked_date_and_author() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html2text-linked-header.txt");
    let page = std::fs::read_to_string(&path).expect("fixture");
    let f = extract(&page);
    assert_eq!(
        f.title.as_deref(),
        Some("Valdorsa, riapre il ponte sul Rivello: dopo due anni di cantiere tornano le auto")
    );
    assert_eq!(day(&f).as_deref(), Some("2024-03-12"));
    assert_eq!(f.byline.as_deref(), Some("Marco Bellandi"));
    assert!(
        f.body.starts_with("Dopo quasi due anni di lavori"),
        "{}",
        f.body
    );
}

/// A sidebar of dated news printed before the article (a table layout read in order):
/// each item stands over the next item's date, as a headline over its dateline; the
/// alternating dates and lines are a list, and the article's headline is under its own
/// date, over its story.
#[test]
fn a_list_of_dated_lines_holds_no_headline() {
    let text = format!(
        "{MENU}LATEST NEWS\n\n02/04/2008\nBeekeeping course for beginners in Molina\n\n\
         18/03/2008\nAnnual general meeting: summary of decisions\n\n\
         29/02/2008\nNew batch of embossed wax at the office\n\n\
         11/02/2008\nOur honey at the Pastrana fair\n\n\
         Home > News > Article\n\nMonday, 14 April 2008\n\
         Retired postman admits he nearly binned a hoard of Roman coins\n\n{STORY}"
    );
    let f = extract(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Retired postman admits he nearly binned a hoard of Roman coins")
    );
    assert_eq!(day(&f).as_deref(), Some("2008-04-14"));
}

/// A blog's post under its date badge, with a picture's label and its caption under the
/// headline, the caption closing on its copyright credit (`… over the gallery. © Museum
/// of Quimperlé / Yann Gourvennec`): the label is no headline, and the headline under the
/// date still heads the story.
#[test]
fn a_headline_over_a_credited_picture() {
    let text = format!(
        "{MENU}« Previous post\nNext post »\n09nov2010\n\n\
         Retired postman admits he nearly binned a hoard of Roman coins\n\n\
         The postman with the coins at the museum\n\n\
         The postman shows the coins at the county museum. © County Museum / Ann Hale\n\n\
         {STORY}"
    );
    let f = extract(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Retired postman admits he nearly binned a hoard of Roman coins")
    );
    assert!(super::captions::caption(
        "The postman shows the coins at the county museum. © County Museum / Ann Hale"
    ));
    assert!(!super::captions::caption(
        "© 2010 County Museum. All rights reserved."
    ));
    // A sentence followed by a long notice is no picture's credit.
    assert!(!super::captions::caption(
        "Opening hours change in May. © The museum and its partners reserve the right to \
         change the opening hours of the galleries at any time"
    ));
}

/// A name on its own line over the headline, the dateline under it, is the author's
/// (`Szabó Dániel` / headline / date); a name the story goes on to mention is a kicker
/// naming someone in the news.
#[test]
fn a_name_over_the_headline_and_its_dateline() {
    let story = "A városvezetés szerint 2,4 milliárd forintba kerülne a létesítmény, amelyre \
         uniós forrást is pályázna az önkormányzat, és a tervek szerint 2013-ban nyitna meg.\n\n\
         Az új uszoda a Nagyerdő szélén épülne, a régi strand helyén, ahol most parkoló van.\n";
    let page = |name: &str, tail: &str| {
        format!(
            "Címlap › Belföld › Vidék\n\n{name}\n\nÚj tanuszoda épülhet Debrecenben, de a pénz \
             még hiányzik\n\n2010. november 18., csütörtök 14:52\n\n{story}{tail}"
        )
    };
    let f = extract(&page("Szabó Dániel", ""));
    assert_eq!(f.byline.as_deref(), Some("Szabó Dániel"));
    let f = extract(&page(
        "Kovács Péter",
        "\nKovács Péter polgármester szerint a döntés még nem végleges.\n",
    ));
    assert_eq!(f.byline, None);
    // Family name first: the story names `Orbán` alone.
    let f = extract(&page(
        "Orbán Viktor",
        "\nOrbán a héten Debrecenbe látogat.\n",
    ));
    assert_eq!(f.byline, None);
}

/// A name over the dateline whose author box gives an address in small letters
/// (`marc.doucette@cpb.ca`) is still a name; a share bar beside the dateline names
/// nobody; a comment count run on after a labelled name is cut off; the sources a story
/// drew on (`With files from The Canadian Press`) are no author.
#[test]
fn names_beside_the_dateline_and_what_runs_on() {
    let story = "The owners of the old grain elevator on the waterfront say restoring the 1931 \
         structure would cost far more than the city can pay.\n\nCouncil will debate the \
         demolition permit next month, and heritage groups have asked for a delay.\n\n";
    let box_ = "About the Author\n\nMarc Doucette\n\nMarc Doucette has covered northwestern \
         Ontario since 2009. You can reach him at marc.doucette@cpb.ca.\n";
    let f = extract(&format!(
        "Grain elevator may come down\n\n[marc-] Marc Doucette · CPB News\nPosted: May 22, \
         2012 6:00 AM EDT\n\n{story}With files from The Canadian Press\n\n{box_}"
    ));
    assert_eq!(f.byline.as_deref(), Some("Marc Doucette"));
    let f = extract(&format!(
        "Grain elevator may come down\n\n3.11.2021 7:14\nFacebook X WhatsApp Kopioi linkki\n\n{story}"
    ));
    assert_eq!(f.byline, None);
    let f = extract(&format!(
        "Rondo przy Kaliskiej gotowe\n\n3 listopada 2016, 14:02 Autor: Tomasz Wiśniewski \
         Komentarze (5)\n\n{story}"
    ));
    assert_eq!(f.byline.as_deref(), Some("Tomasz Wiśniewski"));
}
