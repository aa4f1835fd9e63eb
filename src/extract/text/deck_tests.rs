//! Unit tests of the plain-text extractor's rules on the lines around a headline: a
//! kicker over it, a standfirst or deck under it, and which of them is the headline.

use std::path::Path;

use super::*;

/// The title of a rendering in tests/data.
fn title_of(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let page = std::fs::read_to_string(&path).expect("fixture");
    extract(&page).title
}

#[test]
fn headline_over_standfirst_and_picture_label() {
    let f = extract(
        "  • My Teams\n    Account Settings Log Out\n\nUp next:\n\n\
         Euro 2020 qualifying: Tracking every team to clinch a spot as Wales punches ticket\n\n\
         Euro 2020 qualifying: Tracking every team to clinch a spot as Wales punches ticket\n\n\
         Twenty teams have punched tickets for next summer's tournament\n\n  •  \n\n\
             Roger Gonzalez mugshot\n\n  • by Roger Gonzalez\n  • @rgonzalezcbs\n\
           • Nov 19, 2019 at 6:46 pm ET • 2 min read\n\n\
         Euro 2020 qualifying is over. Well, sort of. The group stage finished on Tuesday \
         with Wales taking the last automatic spot, and every team's fate is now clear.\n\n\
         Four more places will come from the playoffs in March, when the last of the \
         qualifying is decided.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Euro 2020 qualifying: Tracking every team to clinch a spot as Wales punches ticket")
    );
    assert_eq!(f.byline.as_deref(), Some("Roger Gonzalez"));
}

#[test]
fn a_kicker_over_a_headline_over_a_deck_is_no_headline() {
    // A Spanish daily's antetítulo, headline and subtítulo (no full stop), then the
    // byline and the date.
    let f = extract(
        "La Crónica del Mediterráneo\n\n\
         Portada Internacional Política Economía Local Deportes Cultura\n\n\
         Plan de espacio público\n\n\
         Barcelona instalará 300 fuentes nuevas en los barrios con menos zonas verdes\n\n\
         El consistorio destinará 4,2 millones de euros hasta 2017 y priorizará Nou \
         Barris, Sant Andreu y Sants-Montjuïc, según la medida presentada este viernes\n\n\
         Núria Ferrer Soler | Barcelona\n\n27/02/2015 07:40\n\n\
         El Ayuntamiento de Barcelona instalará 300 fuentes de agua potable nuevas en la \
         ciudad antes de que acabe 2017. La medida forma parte del plan de mejora del \
         espacio público presentado este viernes.\n\n\
         Las nuevas fuentes se instalarán en los barrios que disponen de menos parques y \
         plazas, y el plan prevé también nuevos bancos y zonas de sombra.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Barcelona instalará 300 fuentes nuevas en los barrios con menos zonas verdes")
    );
    assert_eq!(
        f.date.map(|d| d.at.date().to_string()).as_deref(),
        Some("2015-02-27")
    );
}

#[test]
fn a_deck_under_its_headline_gives_way_to_it() {
    // A written Austrian daily (benches/eval/written/r7-de-standard) through lynx: a
    // kicker, the headline, then a deck half as long again without a full stop, right
    // above the byline and the date.
    assert_eq!(
        title_of("deck-under-headline.txt").as_deref(),
        Some("Bürgermeister von Wolfsegg am Ennsberg tritt nach Förderaffäre zurück")
    );
}

#[test]
fn two_decks_under_a_release_give_way_to_its_headline() {
    // A written press-release wire page (benches/eval/written/r36c-en-wire-halvard-phase2)
    // through w3m: a headline in title case, two decks of a sentence each, the wire's
    // credit and the date; the lower deck scores best, the upper deck then the headline
    // take its place.
    assert_eq!(
        title_of("two-decks-under-release.txt").as_deref(),
        Some(
            "Halvard Biosystems Reports Positive Topline Results from Phase 2 PHOENIX-2 Trial \
             of HLV-204 in Idiopathic Pulmonary Fibrosis"
        )
    );
}

#[test]
fn a_deck_a_third_longer_than_its_headline_gives_way_to_it() {
    // A written Brazilian daily (benches/eval/written/r8-pt-folha) through w3m: a
    // section label, a headline of thirteen words, a deck of eighteen without a full
    // stop right above the byline and the date; the deck scores nearly a point higher.
    assert_eq!(
        title_of("deck-longer-than-headline.txt").as_deref(),
        Some("TCU aponta sobrepreço de R$ 640 milhões em obras de ferrovia no Centro-Oeste")
    );
}

#[test]
fn a_kicker_does_not_take_the_headline_with_a_deck_below() {
    // A kicker, a headline, and a longer deck below the headline: the headline stays,
    // though the kicker scores nearly as well.
    let f = extract(
        "Home › News\n\n\
         Council approves the plan\n\n\
         Turin bans closed terraces in its historic squares under new seating plan\n\n\
         From next year only open structures and plain umbrellas will be allowed in the \
         historic squares. Shopkeepers say jobs are at risk\n\n\
         By Marco Bellini\n\
         20 November 2019\n\n\
         TURIN - Goodbye to the glass verandas in front of the cafes of the historic centre. \
         The city council yesterday approved the new rules for outdoor seating.\n\n\
         The rules will apply from next spring, and owners will have a year to take down \
         the closed structures that stand in the squares today.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Turin bans closed terraces in its historic squares under new seating plan")
    );
}

#[test]
fn a_breadcrumb_ending_in_a_line_names_the_page() {
    // A search form's field and button right above the headline crowd it; the trail
    // under it ends in the same words.
    let page = |trail: &str| {
        format!(
            "Mensagens de Reflexão\n\n  • Bom Dia\n  • Boa Tarde\n  • Boa Noite\n  • Amizade\n\n\
             [                    ]\n[Buscar]\nSó quem se Ama…\n\n{trail}\n\n\
             [lazy_placeholder][cada-um]\n  Whatsapp   Facebook   Pint   Baixar\n\n\
             Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida. \
             Gostar é sentir com a alma, mas expressar os sentimentos depende das idéias de \
             cada um. Só quem se ama pode encontrar em sua vida um amor de verdade.\n\n\
             Mensagens de Autoestima, Mensagens de Reflexão Sobre a Vida\n"
        )
    };
    let with_trail = extract(&page(
        "Mensagens » Mensagens de Autoestima » Só quem se Ama…",
    ));
    assert_eq!(with_trail.title.as_deref(), Some("Só quem se Ama…"));
    let other_end = extract(&page(
        "Mensagens » Mensagens de Autoestima » Outras mensagens",
    ));
    assert_ne!(other_end.title.as_deref(), Some("Só quem se Ama…"));
}

#[test]
fn a_date_first_header_under_a_sponsored_teaser() {
    // A teaser's headline over the dateline, the article's headline under it, then the
    // author's name alone: the headline is the one inside the header, the name its byline.
    let f = extract(
        "  • News\n  • Markets\n  • Opinion\n\nCFA Institute Talk\n\n\
         Initial public offerings: Is there still a pulse?\n\n\
         Wednesday 20 November 2019 9:22 am\n\n\
         Alibaba to raise up to $12.9bn in landmark Hong Kong listing\n\nAnna Menin\n\n\
           •  \n  •  \n\nShare\n\n\
         Alibaba is set to raise up to $12.9bn (£10bn) from its record-breaking second \
         listing in Hong Kong, after the Chinese tech giant priced its shares on Wednesday.\n\n\
         The e-commerce company will sell 500m new shares at HK$176 each, the landmark \
         Hong Kong listing shows, after months of unrest in the city. Public offerings \
         in the city had slowed.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Alibaba to raise up to $12.9bn in landmark Hong Kong listing")
    );
    assert_eq!(f.byline.as_deref(), Some("Anna Menin"));
}

#[test]
fn a_deck_gives_way_to_its_headline_when_it_shares_more_of_the_story() {
    // A deck shares more words with the story than its headline does (here every one),
    // and the headline is printed thrice (in a list of popular stories, and as a photo's
    // label): the deck outscores it by more than a point, and still gives way to it.
    let f = extract(
        "  • Sports\n  • Business\n  • Opinion\n\nMost popular\n\n\
         Nelson's OT goal lifts Isles\n\nVermont gives No. 7 Virginia a battle\n\n\
         Huskies rout Virginia in home opener\n\n  • Obituaries\n  • Weather\n\n\
         Nelson's OT goal lifts Isles\n\n\
         N.Y. completes frantic comeback to extend unbeaten streak to 15\n\n\
         Associated Press\n\n\
         Published 11:26 pm EST, Tuesday, November 19, 2019\n\n\
         Image 1 of 1\n\
         Nelson's OT goal lifts Isles\n\n\
         PITTSBURGH (AP) — Brock Nelson's second goal 2:55 into overtime capped a frantic \
         comeback and the New York Islanders extended their unbeaten streak to 15 games \
         with a 5-4 victory over the Pittsburgh Penguins on Tuesday night.\n\n\
         The Islanders trailed 4-2 in the third period before the comeback, and N.Y. \
         completed it when Nelson scored in overtime to extend the streak.\n",
    );
    assert_eq!(f.title.as_deref(), Some("Nelson's OT goal lifts Isles"));
}

#[test]
fn a_label_in_capitals_over_the_headline_is_no_headline() {
    // Two category labels in capitals over the headline: the headline is shorter than a
    // deck would be, and the deck rule does not turn to the label above it.
    let f = extract(
        "Pamela Wilson\n\n\
         Check out my free workshops. Pick your topic and start watching now:\n\n\
         VISUAL MARKETING\nGROWING AN ONLINE BUSINESS\n\n\
         Business Focus: It's Why Some People Triumph Online and Others Never Make It\n\n\
         258 Shares\nBuffer\nShare\nPin\nTweet\nEmail\n\n\
         Business focus is why some people are able to build the online business they \
         dream of, while others never get past the planning stage of an online business.\n\n\
         Focus is what keeps the work going when the first months bring no sales at all, \
         and it is what makes people triumph online.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Business Focus: It's Why Some People Triumph Online and Others Never Make It")
    );
}

#[test]
fn a_consent_box_with_its_buttons_glued_is_no_headline() {
    let f = extract(
        "Cookies on Lumen Science\n\n\
         We use essential cookies to run the site and optional cookies to understand how\n\
         our articles are read. You can change your choice at any time.\n\n\
         Accept optional cookiesEssential only\n\
         Lumen Science Space Earth Life Health Physics Tech\nNewsletterSearch\n\n\
         Lichens on old gravestones hold a century-long record of city air pollution\n\n\
         Researchers read changes in sulfur and nitrogen pollution from the growth of\n\
         lichen colonies in 14 cemeteries, reaching back to the 1890s.\n\n\
         Written by Helena Marsh\n19 March 2024 • 6 min read\n\n\
         Each lichen colony on a dated headstone can be treated as a natural record of \
         the air around it, the researchers say, and old cemeteries hold thousands.\n\n\
         The team measured the growth of lichen on headstones in city and rural \
         cemeteries, and the pollution record reaches back more than a century.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Lichens on old gravestones hold a century-long record of city air pollution")
    );
}

#[test]
fn sign_in_links_and_a_long_byline_with_its_dateline() {
    // The site's sign-in line sits three units over the headline; the byline runs on
    // into the dateline and a reading time (over twelve words, ending in a full stop).
    let f = extract(
        "Le Temps présent\n\n  • Actualités\n  • International\n  • Économie\n\n\
         S'abonner dès 1 € Se connecter\nPublicité\n\n  • Économie\n  • Transports\n\n\
         Article réservé aux abonnés\n\n\
         Dans le Massif central, les petites lignes ferroviaires suspendues à un\n\
         financement introuvable\n\n\
         Par Hélène Marchetti (Monteil-sur-Alagnon, Cantal, envoyée spéciale) Publié le\n\
         5 mars 2024 à 10h12, modifié le 6 mars 2024 à 08h30 Lecture 4 min.\n\
         Offrir l'article Ajouter à vos sélections Partager\n\n\
         À la gare de Monteil-sur-Alagnon, le tableau d'affichage n'annonce plus que \
         deux trains par jour, le premier à 6 h 48, le second à 17 h 05.\n\n\
         Les élus du Cantal demandent à l'État de payer les travaux avant la fin de \
         l'année.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some(
            "Dans le Massif central, les petites lignes ferroviaires suspendues à un \
             financement introuvable"
        )
    );
    assert_eq!(f.byline.as_deref(), Some("Hélène Marchetti"));
}

#[test]
fn a_kicker_over_a_headline_the_renderer_marked() {
    // html2text marks the headline (`******`), not the kicker over it; a picture's label
    // and caption come before the standfirst.
    let f = extract(
        "    * Radio\n    * Mediathek\n  Nachrichten > Regional > Wümmetal\n\
         Wolfsrisse im Landkreis Wümmetal\n\
         ****** Schäfer fordern nach Wolfsrissen schnellere Entschädigung ******\n\
          [Schafe auf einer eingezäunten Weide] Schafe auf einer Weide im Wümmetal: Die\n\
         Halter fordern mehr Unterstützung beim Herdenschutz. Bild: NWR/Lena Tiedemann\n\
         Innerhalb von zwei Wochen sind im Landkreis Wümmetal mehr als 40 Schafe gerissen\n\
         worden. Die Tierhalter fühlen sich allein gelassen.\n\
         Von Jonas Hartwig, NWR\n\
         Als Heike Brandes am Sonntagmorgen auf ihre Weide kam, lagen dort elf tote \
         Schafe, und die Schäfer im Wümmetal fordern nach den Wolfsrissen schnellere \
         Entschädigung.\n\
         Der Landkreis will die Anträge nun schneller bearbeiten, sagte ein Sprecher am \
         Dienstag.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Schäfer fordern nach Wolfsrissen schnellere Entschädigung")
    );
}

#[test]
fn a_label_parted_by_a_dot_over_the_headline_is_no_headline() {
    let f = extract(
        "  * Politics\n  * Watch\n\n\
         Watch: FAA chief grilled over controller shortage at Senate hearing\n\n\
         Politics · From Meridian Wire\n\n\
         Senate panel advances bill to train more air traffic controllers amid staffing\n\
         shortages\n\n\
         By Lorraine Addo and Kevin Matsuda-Park, Meridian Wire Service\n\
         Updated 6:42 PM EST, Thu March 7, 2024\n\n\
         WASHINGTON (Meridian Wire) — A Senate panel advanced a bill on Thursday that \
         would pay to train more air traffic controllers, as staffing shortages at \
         towers from Meridian to the coast delay flights.\n\n\
         The bill passed the committee 21-6 and goes to the full Senate, where leaders \
         said it could come up for a vote this spring.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Senate panel advances bill to train more air traffic controllers amid staffing shortages")
    );
}

/// A trail whose separators the renderer dropped, cut short where it names the
/// headline, lifts the headline over the longer deck under it (a student paper saved
/// with `w3m -dump`); a trail naming another page does not.
#[test]
fn a_trail_without_separators_names_the_headline_over_its_deck() {
    let head = "Students vow to fight as Wexbridge scraps 24-hour library opening";
    assert_eq!(
        title_of("trail-without-separators.txt").as_deref(),
        Some(head)
    );
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/trail-without-separators.txt");
    let page = std::fs::read_to_string(&path).expect("fixture");
    let elsewhere = page.replace(
        "Home News Campus Students vow to fight as Wexbridge scraps…",
        "Home News Campus Union bars to close early on weekdays…",
    );
    assert_ne!(elsewhere, page);
    assert_ne!(extract(&elsewhere).title.as_deref(), Some(head));
}

/// A trail far above the headline, past a section's menu and an address box, names it by
/// its short form, its opening words up to the colon, and lifts it over the deck under
/// it (a municipal news page saved with `w3m -dump` from the Wayback Machine).
#[test]
fn a_trail_names_the_headline_by_its_short_form_from_far_above() {
    let head = "Dorpsplein Westerzijl krijgt nieuwe inrichting: bewoners praten mee";
    assert_eq!(title_of("trail-far-above.txt").as_deref(), Some(head));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/trail-far-above.txt");
    let page = std::fs::read_to_string(&path).expect("fixture");
    let elsewhere = page.replace(
        "> Dorpsplein Westerzijl krijgt\nnieuwe inrichting",
        "> Weekmarkt tijdelijk naar de\nKerkstraat",
    );
    assert_ne!(elsewhere, page);
    assert_ne!(extract(&elsewhere).title.as_deref(), Some(head));
}

/// A broadsheet's headline of twenty words over a shorter standfirst that shares more of
/// the story's words: the headline is the long line above, the standfirst its deck. A
/// blog's tagline in lower case over a post's title is no headline over a deck.
#[test]
fn a_long_headline_over_a_shorter_standfirst() {
    let story = "Almost two million people across Sussex and Hampshire will be banned from \
         using hosepipes from next Friday after the region's largest reservoirs fell to \
         their lowest summer levels since records began three decades ago.\n\n\
         Wessex Downs Water said the temporary use ban, which covers watering gardens and \
         washing cars with a hose, was a last resort after the driest July since 1995.\n\n\
         The regulator declared a drought across the south-east on Wednesday, and the \
         water firm faces anger over leaks that lose a fifth of its supply.\n";
    let text = format!(
        "  • Home\n  • News\n  • UK\n  • Environment\n\n\
         Thursday 3rd August 2023 • Updated 3 hours ago\n\n\
         Hosepipe ban for 1.8 million homes as reservoirs in the South Downs fall to lowest \
         level in 30 years\n\n\
         Regulator declares drought in south-east as water firm faces anger over leaks\n\n\
         By Priya Ramanathan, Environment Correspondent\n\n{story}"
    );
    assert_eq!(
        extract(&text).title.as_deref(),
        Some(
            "Hosepipe ban for 1.8 million homes as reservoirs in the South Downs fall to \
             lowest level in 30 years"
        )
    );
}

/// A trail without separators naming the headline whole after its label and the home
/// page (`Tu sei qui: Home Notiziario HEADLINE`) points at the headline among the boxes
/// above it: a diocese's newsletter saved with `lynx -dump`, its campaign banner
/// `8xmille alla Chiesa cattolica` right over the story.
#[test]
fn a_bare_trail_names_the_headline_whole() {
    assert_eq!(
        title_of("bare-trail-whole-headline.txt").as_deref(),
        Some("Torrechiara ritrova la sua chiesa: San Biagio riapre dopo cinque anni di restauri")
    );
}

#[test]
fn a_blog_name_marked_over_its_menu_is_no_headline() {
    // A blog's template marks its name as the top heading, then its menu, the day's
    // heading and the post's title a level down; the post's words repeat the name's.
    let f = extract(
        "Questo sito utilizza cookie di Google per erogare i propri servizi. Se utilizzi \
         questo sito, accetti l’utilizzo dei cookie.\nUlteriori_informazioni OK\n\
         ****** Parrocchia San Michele Arcangelo - Castelnuovo ******\n\
         Notizie, avvisi e vita della comunità parrocchiale di Castelnuovo\n\
         \x20   * Home\n    * Orari_Messe\n    * Catechismo\n    * Contatti\n\
         ***** sabato 8 ottobre 2011 *****\n\
         **** Il campanile di San Michele torna a suonare: il vescovo benedice le campane\n\
         ****\n\
         Dopo quasi due anni di silenzio, le campane di San Michele Arcangelo a \
         Castelnuovo torneranno a suonare domenica, quando il vescovo le benedirà.\n\n\
         I lavori di consolidamento del campanile di San Michele si sono conclusi a fine \
         settembre, dopo due anni di cantiere.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Il campanile di San Michele torna a suonare: il vescovo benedice le campane")
    );
}

#[test]
fn a_headline_of_ten_words_under_its_dateline_over_a_deck_as_long() {
    // A weekly's header: section and day, the headline, a deck as long, the credit.
    let f = extract(
        "PORTADA · LOCAL · COMARCA · ESPORTS · CULTURA · OPINIÓ · AGENDA\n\n\
         LOCAL  Dijous, 9 de febrer de 2006\n\
         El ple aprova la reforma integral del mercat municipal per 1,2 milions d'euros\n\
         L'obra començarà després de l'estiu i reduirà de 24 a 16 el nombre de parades\n\n\
         Text: Montserrat Puigdevall\n\n\
         El ple de l'Ajuntament de Riudelles va aprovar dimarts al vespre la reforma del \
         mercat municipal, que reduirà el nombre de parades de 24 a 16.\n\n\
         La reforma del mercat costarà 1,2 milions d'euros i l'obra començarà després de \
         l'estiu, segons l'alcalde.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("El ple aprova la reforma integral del mercat municipal per 1,2 milions d'euros")
    );
}

/// A long menu line right over the headline, sharing no word with the story, is no
/// headline over a deck: the headline under it stays.
#[test]
fn a_menu_line_over_the_headline_is_no_headline_over_its_deck() {
    let head = "Dubbo's ageing water mains to be replaced after three bursts in a week";
    let f = extract(&format!(
        "  • News\n  • Sport\n  • Rural\n  • Weather\n\n\
         Local news: ABN Western Plains ABN Central West ABN New England North West News\n\
         / NSW / Western Plains\n\n{head}\n\nABN Western Plains\n\n\
         By Joanna Pike and Declan Fogarty\n\nPosted Thu 9 Nov 2017 at 6:12am\n\n\
         Residents of Dubbo lost their water three times in a week after ageing mains burst \
         under the town's streets, and the council says the pipes will now be replaced.\n\n\
         The mains under the eastern suburbs were laid in the 1950s and have burst eleven \
         times this year, leaving homes, shops and a nursing home without water.\n\n\
         The council will spend four million dollars over two years replacing the mains.\n"
    ));
    assert_eq!(f.title.as_deref(), Some(head));
}

const WERK_STORY: &str = "Die Stadtwerke bauen ihr Fernwärmenetz weiter aus. Ab Montag verlegen \
     Fachfirmen im Auftrag des Unternehmens eine rund 1,8 Kilometer lange Leitung vom \
     Heizkraftwerk bis zum Schulzentrum.\n\nDamit können künftig rund 600 Wohnungen, das \
     Hallenbad und drei Schulen mit umweltfreundlicher Wärme versorgt werden, sagt der \
     Geschäftsführer.\n\nDie Arbeiten sollen nach derzeitiger Planung Ende November \
     abgeschlossen sein, sofern das Wetter mitspielt.\n\n";

/// A utility's press release as lynx prints it: the release's date above the headline,
/// a deck, the graphic's label and its credited caption, then the story.
#[test]
fn a_headline_under_its_dateline_over_a_deck_and_a_graphic() {
    let text = format!(
        "  * Presse\n  * Karriere\n\nPressemitteilung vom 12.09.2011\n\n\
         Fernwärme für die Südstadt: Bauarbeiten beginnen am 19. September\n\n\
         Stadtwerke investieren rund 4,2 Millionen Euro in neue Trasse zwischen\n\
         Heizkraftwerk und Schulzentrum\n\nTrassenplan Fernwärme Südstadt\n\n\
         Verlauf der neuen Fernwärmetrasse (Grafik: Stadtwerke Wernigstadt)\n\n{WERK_STORY}"
    );
    let f = extract(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Fernwärme für die Südstadt: Bauarbeiten beginnen am 19. September")
    );
    assert_eq!(
        f.date.map(|d| d.at.date().to_string()).as_deref(),
        Some("2011-09-12")
    );
}

/// A content management system's buttons in the headline's row, and the byline's label
/// on the line under it with no blank between.
#[test]
fn buttons_after_the_headline_and_a_labelled_byline_under_it() {
    let text = "Αρχική Τοπικά\n\nΞεκινά τον Οκτώβριο η ανάπλαση της πλατείας Ελευθερίας PDF Εκτύπωση E-mail\n\
         Συντάκτης: Γιώργος Παπαδάκης\nΤρίτη, 15 Σεπτεμβρίου 2009 12:40\n\n\
         Τον Οκτώβριο αναμένεται να ξεκινήσουν οι εργασίες ανάπλασης της πλατείας, σύμφωνα \
         με τον δήμαρχο, ο οποίος παρουσίασε χθες το τελικό σχέδιο στο δημοτικό συμβούλιο.\n\n\
         Το έργο περιλαμβάνει την πλήρη ανακατασκευή των πεζοδρομίων, νέο φωτισμό και \
         φύτευση δέντρων σε όλη την πλατεία.\n";
    let f = extract(text);
    assert_eq!(
        f.title.as_deref(),
        Some("Ξεκινά τον Οκτώβριο η ανάπλαση της πλατείας Ελευθερίας")
    );
    assert_eq!(f.byline.as_deref(), Some("Γιώργος Παπαδάκης"));
    assert_eq!(
        f.date.map(|d| d.at.date().to_string()).as_deref(),
        Some("2009-09-15")
    );
}
