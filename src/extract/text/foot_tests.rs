//! Unit tests of the datelines read away from the article's header: at the story's
//! foot, in the story's own words (`Originally published on …`), and in date forms that
//! sit beside counters and glued times; and what at the foot is no credit.

use super::*;

/// The day of a file's date, `YYYY-MM-DD`.
fn day(f: &Fields) -> Option<String> {
    f.date.as_ref().map(|d| d.at.date().to_string())
}

const MENU: &str = "  * Home\n  * News\n  * Sport\n  * Weather\n  * Contact\n\n";

const STORY: &str = "The city will close the old covered bridge to cars from next month after the \
     council voted to keep it open only to walkers and cyclists, ending years of debate.\n\n\
     Engineers told the council that the timber deck could no longer carry the weight of \
     delivery vans and that repairs would cost more than the town's whole roads budget.\n\n\
     Residents who live on the far side of the creek will have to drive an extra four \
     miles to reach the town centre, and several said they would appeal the decision.\n\n";

/// A press release dated only where its first paragraph opens (`Berlin, 12. Februar 2014
/// – …`), beside a box of coming events' days.
#[test]
fn a_release_dated_where_its_story_opens() {
    let story = STORY.replacen(
        "The city will",
        "SPRINGFIELD, March 3, 2021 – The city will",
        1,
    );
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n{story}\
         Events\n\n  * 26.03.2021 Open day at the depot\n  * 08.04.2021 Bridge walk\n\
         \x20 * 15.05.2021 Town meeting\n"
    );
    let (f, ex) = run(&text);
    assert_eq!(day(&f).as_deref(), Some("2021-03-03"));
    assert_eq!(ex.date.chosen.map(|c| c.rule), Some("story_opening"));
    assert!(f
        .body
        .starts_with("SPRINGFIELD, March 3, 2021 – The city will"));
    // A dateline under the headline stays the date.
    let text = format!("{MENU}Council votes to close bridge to cars\n\nMarch 4, 2021\n\n{story}");
    assert_eq!(day(&extract(&text)).as_deref(), Some("2021-03-04"));
}

/// A byline under the dateline, a share bar, a caption and an ad's label: boilerplate
/// between does not put it out of the header's reach.
#[test]
fn a_byline_below_share_bars_and_ads() {
    let text = "\
  • Vidéos

[                    ]OK
Flash info

  • Assemblée nationale : ouverture d’une session extraordinaire lundi
  • Éliminatoires CAN 2025 : la liste des Lions dévoilée

Accueil Régions Ziguinchor : les producteurs d’anacarde crient leur détresse
face aux stocks invendus

  • Économie
  • Régions

Ziguinchor : les producteurs d’anacarde crient leur détresse face aux stocks
invendus

Plus de 4 000 tonnes de noix de cajou restent invendues dans les magasins de la
région, selon les organisations de producteurs.

Publié le jeudi 19 septembre 2024 à 14:02
2 317
4
Partager Tweeter WhatsApp

Sacs de noix de cajou dans un magasin à Ziguinchor
Des sacs de noix de cajou entassés dans un magasin de Boutoute, le 17 septembre
2024. (Photo : Ibrahima Sané)

Publicité
[INS::INS]

Par Mamadou Diallo, Correspondant à Ziguinchor

Dans les magasins de stockage de Boutoute, de Niaguis et de Bignona, les sacs
de noix de cajou s’empilent jusqu’au plafond. Plus de cinq mois après
l’ouverture officielle de la campagne de commercialisation, le 2 avril dernier,
plusieurs milliers de tonnes d’anacarde n’ont toujours pas trouvé preneur dans
la région de Ziguinchor.

Selon la Fédération régionale des producteurs d’anacarde, ce sont au moins 4
000 tonnes qui dorment dans les entrepôts. « Les acheteurs indiens et
vietnamiens sont venus au début, ils ont pris ce qu’ils voulaient, puis ils ont
";
    let f = extract(text);
    assert_eq!(f.byline.as_deref(), Some("Mamadou Diallo"));
}

/// The header gives only the revision; the publication is printed under the story.
#[test]
fn published_line_under_the_story_beats_an_updated_header() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n\
         Updated 8:15 AM EDT, Wed May 8, 2024\n\n{STORY}\
         Published 4:12 PM EDT, Tue May 7, 2024\n\n\
         Paid Partner Content\n\n  * Seniors are ditching expensive insurance\n"
    );
    let (f, ex) = run(&text);
    assert_eq!(day(&f).as_deref(), Some("2024-05-07"));
    assert_eq!(ex.date.chosen.map(|c| c.rule), Some("story_foot"));
    // With no revision above, the header's date stands.
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n\
         May 8, 2024\n\n{STORY}Published 4:12 PM EDT, Tue May 7, 2024\n"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2024-05-08"));
}

/// A header with a relative stamp only (`Hace 3 horas`); the full date is printed alone
/// under the last paragraph, and is not part of the body.
#[test]
fn a_lone_date_under_the_story_is_its_date() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\nHace 3 horas\n\n{STORY}\
         27 de septiembre de 2023 - 06:05 p. m.\n\n\
         Temas relacionados: Movilidad Puentes\n"
    );
    let f = extract(&text);
    assert_eq!(day(&f).as_deref(), Some("2023-09-27"));
    assert!(!f.body.contains("septiembre"), "{}", f.body);
}

/// Comments under a story long enough that they are far from its header: their stamps
/// follow their authors' names, and none is the story's date.
#[test]
fn a_comment_stamp_is_no_foot_dateline() {
    let more = STORY
        .replace("The city", "The county")
        .replace("Engineers", "Surveyors");
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n{STORY}{more}{STORY}{more}\
         \x20 * Pamela Wilson\n    August 11, 2018 at 11:34 am\n\n\
         So good to see you here. Life gets in the way sometimes, doesn't it? Glad you can \
         focus again now that you have settled into the new place.\n\n\
         Comments are closed.\n"
    );
    let (f, ex) = run(&text);
    assert_eq!(day(&f), None, "{:?}", ex.date.chosen);
}

/// A recipe blog's header gives the revision after the byline; the story says when it
/// was first published.
#[test]
fn originally_published_in_the_story_beats_last_updated() {
    let text = format!(
        "{MENU}Smoky White Bean and Kale Soup\n\n\
         By Rachel Ames Last updated on March 3, 2020 37 Comments\n\n{STORY}\
         Originally published on January 12, 2018. Updated with new photos and recipe \
         notes.\n\nTagged: beans, kale, one pot\n"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2018-01-12"));
}

/// With no date in the header, a paragraph under the story that dates the piece itself
/// (`This review was published on …`) gives its date; one that dates a report it
/// quotes does not.
#[test]
fn a_paragraph_dating_the_piece_itself() {
    let foot = |sentence: &str| {
        format!(
            "{MENU}Ostra Verde review: seafood worth the trip\n\n\
             By Dana Whitfield | Published 3 weeks ago | 7 min read\n\n{STORY}\
             {sentence} Prices and menu items may have changed since our visits, and the \
             kitchen has since added a tasting menu on weekends for groups of six.\n\n\
             Tagged: seafood, Providence\n"
        )
    };
    let text = foot(
        "This review was published on November 14, 2023, and appears in the January 2024 \
         print issue of Plate & Pour.",
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2023-11-14"));
    let text = foot(
        "The state's inspection report, published on November 14, 2023, found no \
         violations in the kitchen of the restaurant or at its bar.",
    );
    assert_eq!(day(&extract(&text)), None);
}

/// A magazine's promotions under its story.
const PROMOS: &str = "Stories worth your time.\n\n\
    Four print issues a year, full digital archive back to 1962, and our weekly letter \
    from the editors.\n\nThe Harrow Letter\n\n\
    Every Friday: one essay from the archive, one from the new issue, and a note from the \
    editors on what we are reading.\n\n\
    Saturday, May 4 · 2 p.m. Workshop: Writing Place, with Ines Calloway (online)\n\n\
    Wednesday, May 22 · 6:30 p.m. The Harrow Prize for Nonfiction, shortlist reading\n\n";

/// With no date near the story, the one day a line anywhere labels as the publication
/// (`Published online …` at the page's foot, past the page's furniture) dates it.
#[test]
fn a_published_line_at_the_page_s_foot() {
    let page = |foot: &str| {
        format!(
            "{MENU}April 2024 Issue  /  Reportage\n\nForty-One Steps\n\n\
             On the shifting coast, a count of what remains\n\nWords by Ines Calloway\n\n{STORY}\
             Stories worth your time.\n\nUpcoming Events\n\n\
             Thursday, April 11 · 7 p.m. April issue launch\n\n{MENU}\
             More Reportage\n\n  • Night Shift at the Seed Bank Lorna Whitcombe · March 12, 2024\n\
             \x20 • The Last Ferryman of the Danube Delta Mircea Ionescu · February 27, 2024\n\
             \x20 • Inside the Quiet War Over Groundwater Dolores Aguirre · February 6, 2024\n\n\
             {MENU}{PROMOS}{PROMOS}{foot}\n\n\
             The Harrow Review\n"
        )
    };
    let text = page("Published online March 19, 2024 · Filed under Reportage, Climate");
    assert_eq!(day(&extract(&text)).as_deref(), Some("2024-03-19"));
}

/// A dateline carrying a count of comments, and a German stamp with its time glued on by
/// a hyphen.
#[test]
fn datelines_with_counters_and_glued_times() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n\
         Jun 18, 2024, 3:15 PM UTC 87 Comments (87 New)\n\n{STORY}"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2024-06-18"));
    let text = format!(
        "{MENU}Aktualisiert am 19.09.2023-14:32\n\n\
         Senat will Dachausbau ohne Baugenehmigung erlauben\n\n{STORY}"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2023-09-19"));
}

/// A heading the renderer marked under the story opens a box of other stories, and is no
/// credit however much it reads like a name.
#[test]
fn a_marked_heading_under_the_story_is_no_credit() {
    let page = format!("Bridge closes to cars\n\n{STORY}**** On Our Radar ****\n");
    let f = extract(&page);
    assert_eq!(f.byline, None);
    // The same line unmarked under the story's prose is its credit.
    let plain = format!("Bridge closes to cars\n\n{STORY}Anna Keller\n");
    assert_eq!(extract(&plain).byline.as_deref(), Some("Anna Keller"));
}

/// A broadcaster's story dated only under its desk's credit, then its teasers under
/// `Top stories`, which are no part of the story and no credit.
#[test]
fn a_stamp_under_the_desk_s_credit_and_teasers_below() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n{STORY}\
         red, news.example/Agenturen\n\n05.03.2024 14.32\n\n\
         Top Stories\n\n[teaser]\n\nBudget deal reached after weeks of talks\n\n\
         After weeks of negotiations the coalition partners agreed on the outline of the \
         two-year budget, with details to follow next week.\n\n[teaser]\n\n\
         Flood defences delayed by rising costs\n\n\
         Several flood barriers along smaller rivers will be finished later than planned \
         because building costs have risen and land purchases are slow.\n\n\
         All News\n"
    );
    let f = extract(&text);
    assert_eq!(day(&f).as_deref(), Some("2024-03-05"));
    assert!(!f.body.contains("coalition"), "{}", f.body);
    assert_eq!(f.byline, None);
}

/// A story's tags under it, capitalised words that repeat its headline's, are no credit.
#[test]
fn tags_under_the_story_are_no_credit() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n{STORY}Council Bridge Traffic\n\n\
         More news from the county\n"
    );
    assert_eq!(extract(&text).byline, None);
}

/// A bare line under the story that opens on an article (a fact box's heading, `Das
/// Verbundprojekt MOORWENDE`) names no author; a family name opening on its particle does.
#[test]
fn a_bare_line_opening_on_an_article_is_no_credit() {
    let story = "Die Studie wurde vom Bundesministerium für Bildung und Forschung sowie vom Land \
                 gefördert, und die Messungen laufen noch bis zum Ende des Jahres weiter.\n\n";
    let page = |last: &str| {
        format!(
            "Wiedervernässte Moore: Emissionen sinken schon nach drei Jahren\n\n\
             {story}{story}{story}{last}\n"
        )
    };
    assert_eq!(extract(&page("Das Verbundprojekt MOORWENDE")).byline, None);
    assert_eq!(
        extract(&page("De Clercq Vanhaute")).byline.as_deref(),
        Some("De Clercq Vanhaute")
    );
}

/// A marked credit over an editor's note at the foot is the byline; the note stays in the
/// story (a transit authority's news page saved with `w3m -dump`). Italian's `Pubblicato
/// da` under a blog's post is a credit too.
#[test]
fn a_credit_over_an_editors_note() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/credit-over-editors-note.txt");
    let page = std::fs::read_to_string(&path).expect("fixture");
    let f = extract(&page);
    assert_eq!(f.byline.as_deref(), Some("Dana Whitcomb"));
    assert!(f
        .body
        .contains("Editor’s note: This story was updated Sept. 5, 2019"));
    let text = format!(
        "{MENU}Il campanile torna a suonare domenica\n\nsabato 8 ottobre 2011\n\n\
         Dopo quasi due anni di silenzio, le campane di San Michele torneranno a suonare. \
         Domenica 16 ottobre il vescovo benedirà i cinque bronzi del campanile.\n\n\
         I lavori di consolidamento del campanile si sono conclusi a fine settembre con la \
         nuova copertura della cuspide e i tiranti in acciaio.\n\n\
         Pubblicato da Chiara Benedetti alle 18:40\n"
    );
    assert_eq!(extract(&text).byline.as_deref(), Some("Chiara Benedetti"));
}

/// A labelled credit under a gallery's picture labels, past the story's last paragraph
/// (`Texto: … · Fotografia: …`), is the byline; a photographer's credit alone is not; a
/// box's heading ends the search.
#[test]
fn a_labelled_credit_under_a_gallery() {
    let page = |foot: &str| {
        format!(
            "{MENU}Council votes to close bridge to cars\n\n3 February 2021\n\n{STORY}\
             Gallery\nThe bridge at dawn\nThe timber deck\n{foot}\n\
             Last updated: 05/02/2021 - 10h12\n\nShare Facebook Twitter\n"
        )
    };
    let f = extract(&page("Texto: Inês Carvalhal · Fotografia: Rui Pestana"));
    assert_eq!(f.byline.as_deref(), Some("Inês Carvalhal"));
    assert_eq!(extract(&page("Fotografia: Rui Pestana")).byline, None);
    let f = extract(&page("Related stories\n\nBy Tom Hale"));
    assert_eq!(f.byline, None);
    // Under a share row of an old CMS (`Imprimir ● Enviar a un amigo`), over the
    // comments, whose heading the row's full line does not swallow.
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n3 February 2021\n\n{STORY}\
         Texto: Tomás Echeverría Ruiz, secretario de la AAAT\n\
         [imprimir.gif] Imprimir   [sobre.gif] Enviar a un amigo << Volver a noticias\n\
         Comentarios (2)\nPedro (Sacedón) - 15/04/2008 21:34\n\
         Yo he perdido 22 de 40. Las que tenía en la vega están todas muertas.\n"
    );
    assert_eq!(
        extract(&text).byline.as_deref(),
        Some("Tomás Echeverría Ruiz")
    );
}

/// A short line that only a language's `by` marks, under the story and a gallery, is
/// its credit (`Von Katrin Leimbach, Hannover`); a sentence opening on the word is not,
/// and an agencies' credit names the agencies (`Mit Material von dpa und AFP`).
#[test]
fn a_credit_marked_by_a_language_s_by_under_the_story() {
    let page = |foot: &str| {
        format!(
            "{MENU}Council votes to close bridge to cars\n\n3 February 2021\n\n{STORY}\
             Gallery\nThe bridge at dawn\nThe timber deck\n{foot}\n\
             Mit Material von dpa und AFP\n\nShare Facebook Twitter\n"
        )
    };
    let f = extract(&page("Von Katrin Leimbach, Hannover"));
    assert_eq!(f.byline.as_deref(), Some("Katrin Leimbach"));
    let f = extract(&page("Von der Leyen in Brüssel"));
    assert_ne!(f.byline.as_deref(), Some("der Leyen"));
    // The sentence names no one: the agencies' credit under it is what is left.
    let f = extract(&page(
        "Von Montag an fahren die Busse wieder nach dem alten Plan.",
    ));
    assert_eq!(f.byline.as_deref(), Some("dpa und AFP"));
}

/// A blog's foot in Norwegian: the credit (`Lagt inn av … kl. 22:47`) over its labels
/// and share links, then the comments under their count and `Name sa...` heads.
#[test]
fn a_norwegian_blog_s_credit_over_its_comments() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\ntorsdag 18. februar 2010\n\n{STORY}\
         Lagt inn av Ingrid Hovde kl. 22:47\nEtiketter: aksjoner, Innerdalen\n\
         Send dette via e-postBlogThis!Del på TwitterDel på Facebook\n\n3 kommentarer:\n\n\
         Kari Nordvik sa...\n\n    Godt jobba alle sammen! Og bra at han hadde vett til å bli \
         sittende i bua, for det var mye løs snø i fjellet den dagen.\n\n\
         19. februar 2010 08:12\n"
    );
    let f = extract(&text);
    assert_eq!(f.byline.as_deref(), Some("Ingrid Hovde"));
    assert!(!f.body.contains("Godt jobba"), "{}", f.body);
}

/// A labelled credit under a gallery of three pictures, each a label and a caption: the
/// labels count for nothing.
#[test]
fn a_credit_under_a_gallery_of_labelled_pictures() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n3 February 2021\n\n{STORY}\
         [bridge-1]\nThe bridge at dawn\n\n[bridge-2]\nThe timber deck\n\n\
         [bridge-3]\nThe council meeting\n\n\
         Text: Lukas Hofbauer (Pressewart) · Fotos: Sabine Kranz\n\n\
         Schlagwörter: bridge, council\n"
    );
    assert_eq!(extract(&text).byline.as_deref(), Some("Lukas Hofbauer"));
}

/// A publication's dateline under the story names its author after the day: the byline,
/// once the line gave the date.
#[test]
fn the_author_a_foot_dateline_names() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n{STORY}\
         Cet article a été publié le jeudi 7 février 2019 par Claire Devaux dans\n\
         Actualités, Tournées. Mots-clés : pont, conseil\n\nNavigation de l’article\n"
    );
    let (f, ex) = run(&text);
    assert_eq!(day(&f).as_deref(), Some("2019-02-07"));
    assert_eq!(f.byline.as_deref(), Some("Claire Devaux"));
    assert_eq!(ex.byline.chosen.map(|c| c.rule), Some("dateline_author"));
}

/// A press office's page: its date only in a box of the release's data, as a term over
/// its value (`Fecha de publicación` / `22/03/2019`); its name printed over the menu and
/// again over its address at the page's foot, which makes it the site's name, not the
/// headline.
#[test]
fn a_press_release_dated_in_its_data_box() {
    let text = format!(
        "Policía Regional de La Rioja\n\nEmergencias 112\n\n{MENU}\
         Nota de prensa « Volver al listado\n\n\
         Council votes to close bridge to cars\n\n{STORY}{STORY}{STORY}\
         Ver todas las notas de prensa\nDatos de la nota\n\n\
         Fecha de publicación\n    22/03/2019\nHora\n    13:45\n\n\
         Policía Regional de La Rioja\nAvda. de la Paz, 0 – 26004 Logroño\n\n\
         Aviso legal · Privacidad · Cookies\n\n\
         © 2019 Gobierno de La Rioja. Última actualización de la página: 25/03/2019\n"
    );
    let (f, ex) = run(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Council votes to close bridge to cars")
    );
    assert_eq!(day(&f).as_deref(), Some("2019-03-22"));
    assert_eq!(ex.date.chosen.map(|c| c.rule), Some("story_foot"));
    // A date under a revision's label alone is not the publication's.
    let text = text.replace("Fecha de publicación", "Actualizado");
    assert_eq!(day(&extract(&text)), None);
}

/// A name after the dateline with nothing saying it wrote the piece (the church district
/// that published it), and a credit at the foot that says who did.
#[test]
fn a_labelled_credit_at_the_foot_over_a_name_beside_the_dateline() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\n08.05.2014 | Kirchenkreis Solling-Ahle\n\n\
         {STORY}Text: Martina Lührs / Foto: Jens Abel\n\n  * Druckversion\n"
    );
    let (f, ex) = run(&text);
    assert_eq!(f.byline.as_deref(), Some("Martina Lührs"));
    assert_eq!(
        ex.byline.runner_up.map(|c| c.value).as_deref(),
        Some("Kirchenkreis Solling-Ahle")
    );
    // A picture's or a helper's credit names no writer.
    for credit in ["Photos by Tom Hale", "Additional reporting by Tom Hale"] {
        let other = text.replace("Text: Martina Lührs / Foto: Jens Abel", credit);
        assert_eq!(
            extract(&other).byline.as_deref(),
            Some("Kirchenkreis Solling-Ahle"),
            "{credit}"
        );
    }
    // With no credit at the foot, the name beside the dateline stays.
    let text = text.replace("Text: Martina Lührs / Foto: Jens Abel\n\n", "");
    assert_eq!(
        extract(&text).byline.as_deref(),
        Some("Kirchenkreis Solling-Ahle")
    );
}

/// A name beside the dateline, and the author's initials at the foot: the name stays.
#[test]
fn initials_at_the_foot_leave_the_name_beside_the_dateline() {
    let text = format!(
        "{MENU}Council votes to close bridge to cars\n\nJana Křížová | 8. června 2009 10:47\n\n\
         {STORY}(jkr)\n\n  * Tisk\n"
    );
    assert_eq!(extract(&text).byline.as_deref(), Some("Jana Křížová"));
}

/// The story's tools printed under its credit (`● Print this story ● E-mail to a friend`)
/// are not body, and the labelled credit above them after its dash gives the byline.
#[test]
fn a_labelled_credit_over_the_story_tools() {
    let paras = [
        "The county council approved the plan for the mart on Tuesday after a long debate \
         among the members of the planning committee.",
        "The co-op hopes to begin work in April, with the new ring open for the autumn \
         weanling sales next year.",
    ];
    let f = extract(&format!(
        "Mart redevelopment gets green light\n\nThursday, 15th January 2004\n\n{}\n\n{}\n\n\
         — Reporter: Caoimhe Ní Fhearghail\n\n\
         ● Print this story   ● E-mail to a friend   Write a letter to the editor\n",
        paras[0], paras[1]
    ));
    assert_eq!(f.body, paras.join("\n\n"));
    assert_eq!(f.byline.as_deref(), Some("Caoimhe Ní Fhearghail"));
    // A sentence naming the tools is the story's.
    let tools = "Readers can Print and E-mail the form from the council's website.";
    let f = extract(&format!(
        "Mart redevelopment gets green light\n\nThursday, 15th January 2004\n\n{}\n\n{}\n\n{tools}\n",
        paras[0], paras[1]
    ));
    assert!(f.body.ends_with(tools), "{}", f.body);
    assert!(!super::foot::tools_row("Daily Mail Print Edition archive"));
    assert!(super::foot::tools_row("Drucken | E-Mail | PDF"));
}
