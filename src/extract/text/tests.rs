//! Unit tests of the plain-text extractor on inline strings: one per layout variant,
//! and the explanation.

use super::*;
use crate::article::DatePrecision;

const SCRAPED: &str = "Follow us on:   \n\nChina, Russia FMs meet ahead of Syria talks\n\
    January 22, 2014, 5:30 am\n\nBeijing and Moscow vowed to talk [Xinhua]\n\n\
    Beijing and Moscow vowed to talk [Xinhua]\n\nIn the lead-up to the talks, China and \
    Russia held talks.\n\nMore than 100,000 people have been killed.\n\nTBP and Agencies\n";

#[test]
fn scraped_layout_gets_all_four_fields() {
    let f = extract(SCRAPED);
    assert_eq!(
        f.title.as_deref(),
        Some("China, Russia FMs meet ahead of Syria talks")
    );
    let d = f.date.expect("date");
    assert_eq!(
        (
            d.at.year(),
            d.at.month() as u8,
            d.at.day(),
            d.at.hour(),
            d.at.minute()
        ),
        (2014, 1, 22, 5, 30)
    );
    assert_eq!(d.precision, DatePrecision::Minute);
    assert_eq!(f.byline.as_deref(), Some("TBP and Agencies"));
    assert_eq!(
        f.body,
        "Beijing and Moscow vowed to talk [Xinhua]\n\nIn the lead-up to the talks, China \
         and Russia held talks.\n\nMore than 100,000 people have been killed."
    );
}

#[test]
fn bbc_layout_title_blank_body() {
    let f = extract("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nIts profits were buoyed by gains.\n");
    assert_eq!(
        f.title.as_deref(),
        Some("Ad sales boost Time Warner profit")
    );
    assert_eq!(f.date, None);
    assert_eq!(f.byline, None);
    assert_eq!(
        f.body,
        "Quarterly profits at US media giant TimeWarner jumped 76%.\n\nIts profits were buoyed by gains."
    );
}

#[test]
fn byline_at_top_with_date() {
    let f = extract("Harbour plan approved\nBy Jane Doe and Omar Haddad\n22 Jan 2014\n\nThe council voted on Tuesday.\n");
    assert_eq!(f.title.as_deref(), Some("Harbour plan approved"));
    assert_eq!(f.byline.as_deref(), Some("Jane Doe and Omar Haddad"));
    assert!(f.date.is_some());
    assert_eq!(f.body, "The council voted on Tuesday.");
}

#[test]
fn header_block_layout() {
    let f = extract("Title: Rail strike ends\nDate: 2014-01-31\nBy: Anna Keller\n\nTrains ran again on Friday.\n");
    assert_eq!(f.title.as_deref(), Some("Rail strike ends"));
    assert_eq!(f.byline.as_deref(), Some("Anna Keller"));
    assert_eq!(f.date.map(|d| d.precision), Some(DatePrecision::Day));
    assert_eq!(f.body, "Trains ran again on Friday.");
}

#[test]
fn header_block_without_title_leaves_the_body_alone() {
    let f = extract("Date: 1963-01-04\n\nTHE ALLIES AFTER NASSAU IN DECEMBER 1960, THE U.S . FIRST\nPROPOSED TO HELP NATO.\n");
    assert_eq!(f.title, None);
    assert!(f.date.is_some());
    assert!(f.body.starts_with("THE ALLIES AFTER NASSAU"));
}

#[test]
fn last_sentence_is_not_taken_for_a_credit() {
    let f = extract("Title\n\nFirst paragraph here.\n\nThe talks resume on Friday.\n");
    assert_eq!(f.byline, None);
    assert!(f.body.ends_with("The talks resume on Friday."));
}

#[test]
fn bare_names_after_a_list_are_not_a_credit() {
    let f = extract("Hearts 2-1 Livingston\n\nHearts won at home on Saturday.\n\nHearts: Gordon, Neilson, Pressley.\n\n9,796\n\nA Freeland\n");
    assert_eq!(f.byline, None);
    assert!(f.body.ends_with("A Freeland"));
    let f = extract(
        "Title\n\nThe council met on Tuesday and voted to approve the plan.\n\nAnna Keller\n",
    );
    assert_eq!(f.byline.as_deref(), Some("Anna Keller"));
}

#[test]
fn empty_and_whitespace_input() {
    assert_eq!(extract(""), Fields::default());
    assert_eq!(extract("\n\n  \n"), Fields::default());
}

#[test]
fn character_entities_are_decoded() {
    let f = extract(
        "&#163;1.8m fine for broadcaster\n\nJos&#233; Manuel said AT&T &amp; others paid.&#3;\n",
    );
    assert_eq!(f.title.as_deref(), Some("£1.8m fine for broadcaster"));
    assert_eq!(f.body, "José Manuel said AT&T & others paid.");
}

#[test]
fn repeats_are_dropped_when_adjacent_or_long() {
    let caption = "Ministers met in Geneva on Tuesday [Photo agency]";
    let long = "The talks will resume in Geneva next week with both delegations and \
                the mediators present, officials said.";
    let f = extract(&format!(
        "Geneva talks to resume next week\n\n{caption}\n\n{caption}\n\nGroup A: Alpha v Beta.\n\n\
         Winners meet in final match.\n\n{long}\n\nGroup B: Gamma v Delta.\n\n\
         Winners meet in final match.\n\n{long}\n"
    ));
    assert_eq!(
        f.body,
        format!(
            "{caption}\n\nGroup A: Alpha v Beta.\n\nWinners meet in final match.\n\n\
             {long}\n\nGroup B: Gamma v Delta.\n\nWinners meet in final match."
        )
    );
}

/// A paragraph of running text for the layouts below.
const PARA: &str = "The ministers signed the accord in the capital on Monday, after two years \
    of talks that had stalled over the route of the pipeline and its cost.";
const PARA2: &str = "Officials said construction would begin next spring and that the first \
    gas would flow through the line within three years of the signing.";

fn ymd(f: &Fields) -> Option<(i32, u8, u8)> {
    f.date
        .map(|d| (d.at.year(), d.at.month() as u8, d.at.day()))
}

#[test]
fn masthead_first_then_headline_date_and_credit_last() {
    let f = extract(&format!(
        "Daily Courier\n\nMinisters sign Caspian pipeline accord\nMarch 3, 2014, 9:15 am\n\n\
         {PARA}\n\n{PARA2}\n\nBy Anna Novak\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Ministers sign Caspian pipeline accord")
    );
    assert_eq!(ymd(&f), Some((2014, 3, 3)));
    assert_eq!(f.byline.as_deref(), Some("Anna Novak"));
    assert_eq!(f.body, format!("{PARA}\n\n{PARA2}"));
}

#[test]
fn share_bars_around_the_story() {
    let f = extract(&format!(
        "Share this: Facebook Twitter Email\n\nPipeline accord signed in the capital\n\
         By Anna Novak\n3 March 2014\n\n{PARA}\n\n{PARA2}\n\nShare this: Facebook Twitter Email\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Pipeline accord signed in the capital")
    );
    assert_eq!(f.byline.as_deref(), Some("Anna Novak"));
    assert_eq!(ymd(&f), Some((2014, 3, 3)));
    assert_eq!(f.body, format!("{PARA}\n\n{PARA2}"));
}

#[test]
fn posted_on_date_by_name() {
    let f = extract(&format!(
        "Pipeline accord signed in the capital\n\nPosted on 27 June 2019 by Jane Doe\n\n{PARA}\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Pipeline accord signed in the capital")
    );
    assert_eq!(ymd(&f), Some((2019, 6, 27)));
    assert_eq!(f.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(f.body, PARA);
}

#[test]
fn caption_printed_twice_and_credit_line_last() {
    let caption = "Ministers shake hands after the signing in the capital. [Photo agency]";
    let f = extract(&format!(
        "Pipeline accord signed in the capital\n22 Jan 2014\n\n{caption}\n\n{caption}\n\n\
         {PARA}\n\n{PARA2}\n\n(AP)\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Pipeline accord signed in the capital")
    );
    assert_eq!(f.byline.as_deref(), Some("AP"));
    assert_eq!(f.body, format!("{caption}\n\n{PARA}\n\n{PARA2}"));
}

#[test]
fn date_before_title_and_title_in_capitals() {
    let f = extract(&format!(
        "Tuesday, 9 November 2021\n\nMINISTERS SIGN CASPIAN PIPELINE ACCORD\nBy Anna Novak\n\n{PARA}\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("MINISTERS SIGN CASPIAN PIPELINE ACCORD")
    );
    assert_eq!(ymd(&f), Some((2021, 11, 9)));
    assert_eq!(f.byline.as_deref(), Some("Anna Novak"));
    assert_eq!(f.body, PARA);
}

#[test]
fn german_and_french_datelines_and_bylines() {
    let de = "Die Minister unterzeichneten das Abkommen am Montag in der Hauptstadt, nach zwei \
              Jahren von Verhandlungen über die Route der Leitung.";
    let f = extract(&format!(
        "Minister unterzeichnen Abkommen über die Leitung\nVeröffentlicht am 27.06.2019\n\
         Von Katrin Vogt\n\n{de}\n"
    ));
    assert_eq!(ymd(&f), Some((2019, 6, 27)));
    assert_eq!(f.byline.as_deref(), Some("Katrin Vogt"));
    assert_eq!(f.body, de);
    let fr = "Les ministres ont signé l'accord lundi dans la capitale, après deux ans de \
              négociations sur le tracé et le coût de la conduite.";
    let f = extract(&format!(
        "Les ministres signent l'accord sur la conduite\nPublié le 3 mars 2019\n\
         Par Jean Moreau\n\n{fr}\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Les ministres signent l'accord sur la conduite")
    );
    assert_eq!(ymd(&f), Some((2019, 3, 3)));
    assert_eq!(f.byline.as_deref(), Some("Jean Moreau"));
}

#[test]
fn wrapped_first_paragraph_is_not_a_title() {
    let f = extract(
        "The council of the river town voted on Thursday to turn the disused\n\
         tannery on the east bank into a covered market with workshops for local\n\
         craftspeople, ending a dispute over the site that had lasted six years.\n\n\
         The building, which dates from 1890, will keep its brick facade and its\n\
         chimney, while the roof will be replaced with glass panels. Work is due\n\
         to start in the spring and take about eighteen months.\n",
    );
    assert_eq!(f.title, None);
    assert!(f.body.starts_with(
        "The council of the river town voted on Thursday to turn the disused tannery"
    ));
    assert_eq!(f.body.matches("\n\n").count(), 1);
}

#[test]
fn published_wins_over_updated() {
    let f = extract(&format!(
        "Pipeline accord signed in the capital\nUpdated: 21.11.2019 08:00\n\
         Published: 20.11.2019 10:15\n\n{PARA}\n"
    ));
    assert_eq!(ymd(&f), Some((2019, 11, 20)));
    let ex = explain(&format!(
        "Pipeline accord signed in the capital\nUpdated: 21.11.2019 08:00\n\
         Published: 20.11.2019 10:15\n\n{PARA}\n"
    ));
    assert_eq!(ex.date.chosen.as_ref().map(|c| c.lines), Some((3, 3)));
    assert_eq!(ex.date.runner_up.as_ref().map(|c| c.lines), Some((2, 2)));
    // Both on one line, the revision first.
    for line in [
        "Updated: 21.11.2019 08:00 | Published: 20.11.2019 10:15",
        "Aggiornato il 21/11/2019 - Pubblicato il 20/11/2019",
        "Updated Nov 21, 2019;Posted Nov 20, 2019",
    ] {
        let f = extract(&format!(
            "Pipeline accord signed in the capital\n{line}\n\n{PARA}\n"
        ));
        assert_eq!(ymd(&f), Some((2019, 11, 20)), "{line}");
    }
}

#[test]
fn w3m_page_with_menus_and_footer() {
    let page =
        "  • Home\n  • News\n  • Sport\n\nSign In   Subscribe\n\nSearch [          ] [Go]\n\n\
        Lake regatta moves to September after high water\n\n\
        Nora Aaltonen - Nov 19, 2021, 10:31 pm CET\n0\n\n\
        The annual rowing regatta on the lake will be held in September this year,\n\
        after high water in spring damaged the boathouses and washed away part of the\n\
        course markers, the organisers said on Friday.\n\n\
        About 600 rowers from clubs across the region had registered for the event,\n\
        which usually takes place in May. Most of them have already confirmed that\n\
        they will come in the autumn instead.\n\n\
        Share this:\n\n  • Click to share on Facebook (Opens in new window)\n\n\
        Related stories\n\n  • New boathouse plans unveiled\n\n\
        © 2021 Lakeside Courier. All rights reserved.\n";
    let f = extract(page);
    assert_eq!(
        f.title.as_deref(),
        Some("Lake regatta moves to September after high water")
    );
    assert_eq!(ymd(&f), Some((2021, 11, 19)));
    assert_eq!(f.byline.as_deref(), Some("Nora Aaltonen"));
    assert!(f.body.starts_with(
        "The annual rowing regatta on the lake will be held in September this year, after"
    ));
    assert!(f.body.ends_with("they will come in the autumn instead."));
    let ex = explain(page);
    assert_eq!(ex.body.rule, "main_region");
    assert!(ex.units.iter().any(|u| u.class == Class::Bad));
}

#[test]
fn bbc_like_file_gets_no_date_and_no_byline() {
    let f = extract(&format!(
        "Pipeline accord signed in the capital\n\n{PARA}\n\nOn 3 March 2005 the talks \
         resumed in Geneva.\n\n{PARA2}\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Pipeline accord signed in the capital")
    );
    assert_eq!(f.date, None);
    assert_eq!(f.byline, None);
}

#[test]
fn explanation_names_rules_lines_and_empty_fields() {
    let ex = explain(SCRAPED);
    let title = ex.title.chosen.as_ref().expect("title");
    assert_eq!(title.lines, (3, 3));
    assert_eq!(title.rule, "line_before_date_or_byline");
    assert!(ex.title.confidence > 0.5);
    assert_eq!(ex.date.chosen.as_ref().map(|c| c.rule), Some("whole_line"));
    assert_eq!(
        ex.byline.chosen.as_ref().map(|c| c.rule),
        Some("credit_line")
    );
    let json = serde_json::to_value(&ex).expect("serialises");
    assert!(json["title"]["chosen"]["value"].is_string());
    // Nothing above the threshold: the field stays empty and says what came closest.
    let ex = explain(
        "The council of the river town voted on Thursday to turn the disused\n\
         tannery on the east bank into a covered market with workshops for local\n\
         craftspeople, ending a dispute over the site that had lasted six years.\n",
    );
    assert_eq!(ex.title.chosen, None);
    assert!(ex.title.confidence < 0.5);
}

#[test]
fn the_last_line_of_a_file_is_never_its_headline() {
    let f = extract("Odd name story\n\nThe file name is not UTF-8.\n");
    assert_eq!(f.title.as_deref(), Some("Odd name story"));
    assert_eq!(f.body, "The file name is not UTF-8.");
}

#[test]
fn datelines_with_pipes_or_a_m_are_read() {
    let story = "The utility began cutting power to about 50,000 customers in the foothills \
                 on Wednesday as strong winds raised the danger of wildfires again.";
    for (line, day) in [
        (
            "November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm",
            "2019-11-19",
        ),
        (
            "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.",
            "2019-11-20",
        ),
    ] {
        let f = extract(&format!(
            "  * Home\n  * News\n\nPower shutoff begins over fire danger\n\nJANIE HAR\n{line}\n\n{story}\n"
        ));
        assert_eq!(
            f.title.as_deref(),
            Some("Power shutoff begins over fire danger"),
            "{line}"
        );
        let date = f.date.map(|d| crate::article::rfc3339(d.at));
        assert!(
            date.as_deref().is_some_and(|d| d.starts_with(day)),
            "{line}: {date:?}"
        );
    }
}

#[test]
fn a_yearless_stamp_marks_the_headline_above_it() {
    let f = extract(
        "  * Home\n  * Entertainment\n\nDoobie Brothers to reunite for anniversary show\n\n\
         Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM\n\n\
         Current lineup of the band performs\n\n\
         The band will play its old hits with a former singer at the summer pavilion next \
         year, the promoter said on Tuesday.\n\n\
         Tickets go on sale on Friday morning at the box office and online.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Doobie Brothers to reunite for anniversary show")
    );
}

/// A column of teasers, each a headline run into its summary, printed above the article
/// (a renderer's sidebar) and outweighing its short story: the region goes to the
/// teasers, the headline is found below them with its dateline, and the body is the story
/// under that headline.
#[test]
fn story_below_a_column_of_teasers() {
    let teasers: String = (1..=8)
        .map(|n| {
            format!(
                "    Council number {n} approves the budget after a long nightOfficials in the \
                 district voted on the plan on Monday, and they said that the work on the \
                 roads would start in the spring of next year.\n\n"
            )
        })
        .collect();
    let story = "ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth \
                 death linked to a rare virus spread by mosquitoes this year.\n\n\
                 County officials said on Monday that the victim was one of two people who \
                 had been sick with the virus since the summer.\n\n\
                 Cases first appeared at the end of August, and the state has urged people \
                 to stay indoors at dusk until the first frost.";
    let menu: String = (1..=20).map(|n| format!("  * Section {n}\n")).collect();
    let text = format!(
        "  * Home\n  * News\n  * Sport\n\nLatest Headlines\n\n{teasers}{menu}\n\
         Michigan Officials: 6th Fatality Linked To Mosquito Virus\n\n\
         November 19, 2019 at 9:45 am\n\n{story}\n\n© 2019 CBS Broadcasting Inc.\n"
    );
    let f = extract(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Michigan Officials: 6th Fatality Linked To Mosquito Virus")
    );
    assert_eq!(f.body, story);
}

/// A headline found below the region across a related-stories label is a teaser's: the
/// body stays the story above the label.
#[test]
fn a_teaser_below_a_related_label_does_not_take_the_body() {
    let story: String = (1..=6)
        .map(|n| {
            format!(
                "Ferry number {n} sailed on Tuesday after a week of repairs to the quay, and it \
                 carried the usual crowds of commuters in the afternoon.\n\n"
            )
        })
        .collect();
    let text = format!(
        "  * Home\n  * News\n  * Sport\n\n{story}More from News\n\n\
         Council approves budget for the harbour road\n\nNovember 19, 2019 at 9:45 am\n\n\
         The council approved on Monday the budget for the harbour road, which will be \
         rebuilt next spring.\n"
    );
    let f = extract(&text);
    assert!(f.body.starts_with("Ferry number 1 "), "{:?}", f.body);
    assert!(f.body.ends_with("in the afternoon."), "{:?}", f.body);
}

/// Text wrapped narrower than renderers wrap is not joined into paragraphs: its lines end
/// in mid-sentence, and the next one goes on in lower case. They read as prose, and the
/// body is all of them.
#[test]
fn narrow_wrapped_prose_is_all_body() {
    let text = "Date: unknown\n\n\
        4410. light microscopy of the harbour seals  the skin and the fat layer in cold\n\
        water adaptation\n\
        light microscopic studies of experimentally\n\
        chilled samples of seal skin in 3\n\
        adults yielded the following findings\n\
        thickened epidermal layers, dense col-\n\
        lagen bundles, sparse hair follicles,\n\
        enlarged fat cells with thin walls, numer-\n\
        ous small blood vessels near the surface\n\
        of the skin, and a layer of brown\n\
        fat under the dermis of the animals.\n\
        it was suggested that the fat layer\n\
        and the blood vessels together keep the animals\n\
        warm in the coldest water of the winter months.\n";
    let f = extract(text);
    assert!(f.body.contains("light microscopic studies"), "{:?}", f.body);
    assert!(
        f.body.contains("thickened epidermal layers"),
        "{:?}",
        f.body
    );
    assert!(f.body.ends_with("of the winter months."), "{:?}", f.body);
}

/// A header line wrapped by the renderer (`Von … | Veröffentlicht am … |` over two
/// lines): its second half, an `Aktualisiert` dateline, is header, not body. A photo
/// caption that mentions a date, next to the dateline, stays in the body.
#[test]
fn datelines_beside_the_chosen_ones_are_not_body() {
    let deck = "Die Gewerkschaft hat für Donnerstag zu einem Warnstreik aufgerufen. Im \
                Regionalverkehr fallen zahlreiche Verbindungen aus.";
    let story = "Wer am Donnerstag mit der Bahn zur Arbeit fahren will, braucht Geduld. Die \
                 Gewerkschaft hat ihre Mitglieder zu einem ganztägigen Warnstreik aufgerufen.";
    let f = extract(&format!(
        "Rheinische Rundschau\n\n  * Politik\n  * Wirtschaft\n  * Sport\n\n\
         Bahnstreik: Pendler müssen sich auf Ausfälle einstellen\n\n{deck}\n\n\
         Von Katharina Möller | Veröffentlicht am 14.03.2023, 17:42 Uhr |\n\
         Aktualisiert am 15.03.2023, 08:10 Uhr\n\n\
         Teilen Twittern E-Mail\n\n{story}\n"
    ));
    assert_eq!(f.byline.as_deref(), Some("Katharina Möller"));
    assert_eq!(ymd(&f), Some((2023, 3, 14)));
    assert_eq!(f.body, format!("{deck}\n\n{story}"));

    let caption = "Workers check the restored lamp room on Haixing Island, Zhejiang province, \
                   on January 21, 2014. [Xinhua]";
    let f = extract(&format!(
        "Century-old lighthouse shines again over Haixing harbour\n\
         January 22, 2014, 5:30 am\n\n{caption}\n\n\
         The lighthouse on Haixing Island was switched back on late on Tuesday after a \
         two-year restoration of the tower.\n"
    ));
    assert!(f.body.starts_with(caption), "{:?}", f.body);
}

/// Related-stories and comment labels in the languages the dates are read in end the
/// story as the English ones do; `Lire aussi` is furniture, as `Read more` is.
#[test]
fn related_and_comment_labels_in_other_languages() {
    let paras = [
        "Dans les plaines de la Beauce, les épis ont jauni avec deux semaines d'avance, et \
         les céréaliers craignent une baisse de rendement de près d'un tiers.",
        "Selon la chambre d'agriculture, les précipitations du printemps ont été inférieures \
         de moitié à la normale, et les terres légères souffrent déjà.",
        "Les services de l'État ont placé quatre départements en alerte renforcée, et \
         l'irrigation des cultures est désormais limitée à la nuit.",
    ];
    let f = extract(&format!(
        "La sécheresse menace les récoltes de blé\n\nPar Jean-Baptiste Lefèvre\n\n{}\n\n\
         Réagir à cet article\n\nVous devez être connecté pour commenter.\n",
        paras.join("\n\n")
    ));
    assert_eq!(f.body, paras.join("\n\n"));
    let f = extract(&format!(
        "Bahnstreik legt den Verkehr lahm\n\nVon Katharina Möller\n\n{}\n\n\
         Mehr zum Thema\n\nTarifstreit: Gewerkschaft droht mit unbefristetem Streik und \
         fordert mehr Geld für alle Beschäftigten.\n",
        paras.join("\n\n")
    ));
    assert_eq!(f.body, paras.join("\n\n"));
    let u = lines::units("Lire aussi\n");
    let feats = features::measure(&u);
    assert!(feats[0].furniture && !feats[0].barrier);
}

/// A blog's tagline, then a section kicker (`Local`) or its menu printed as one glued word
/// (a minified page through w3m), then a headline of three words in sentence case with its
/// `Posted on` line right below: the headline heads the article header, not the tagline (a
/// header does not run across a menu).
#[test]
fn three_word_headline_under_a_tagline() {
    for between in ["Local", "HomeAboutArchiveContact"] {
        let f = extract(&format!(
            "The Quayside Blog\n\nNotes from the old harbour\n\n{between}\n\n\
             Waterfront plan approved\n\nPosted on November 20, 2019 by quaysider\n\n\
             The city council voted on Tuesday night to approve a new plan for the\n\
             waterfront, ending a debate that has lasted more than three years and divided\n\
             residents of the old harbour district.\n\n\
             Under the plan, the disused warehouses along the quay will be turned into\n\
             flats, workshops and a covered market.\n",
        ));
        assert_eq!(
            f.title.as_deref(),
            Some("Waterfront plan approved"),
            "{between}"
        );
    }
}

/// A box of links labelled `À lire aussi` set between two paragraphs of the story: the
/// story goes on below it, and the box is not body.
#[test]
fn the_story_goes_on_after_a_read_also_box() {
    let paras = [
        "Dans les plaines de la Beauce, les épis ont jauni avec deux semaines d'avance, \
         confie un céréalier installé près de Châteaudun.",
        "Selon la chambre d'agriculture, les précipitations du printemps ont été inférieures \
         de moitié à la normale dans toute la région.",
        "Les professionnels attendent désormais les premières moissons pour évaluer \
         l'ampleur des pertes. Une réunion avec le préfet est prévue.",
    ];
    let f = extract(&format!(
        "La sécheresse menace les récoltes de blé\n\nPar Jean-Baptiste Lefèvre\n\n\
         Publié le 12 juin 2022 à 18h05\n\n{}\n\n{}\n\nÀ lire aussi\n\n\
         \x20 • Canicule : les conseils pour protéger les personnes âgées\n\
         \x20 • Le prix de la baguette en hausse\n\n{}\n\nRéagir à cet article\n\n\
         Vous devez être connecté pour commenter.\n",
        paras[0], paras[1], paras[2]
    ));
    assert_eq!(f.body, paras.join("\n\n"));
}

/// A `Mehr zum Thema` box inside the story, its links as list items, and the story going
/// on under a subheading: the subheading and what follows are body, the box is not.
#[test]
fn the_story_goes_on_under_a_subheading_after_a_box() {
    let paras = [
        "Der Netzwerkausrüster Fernlink hat für seine Mesh-Router ein Update veröffentlicht, \
         das eine kritische Lücke im Gastnetz schließt.",
        "Entdeckt hat die Lücke ein Sicherheitsforscher, der sie nach eigenen Angaben im \
         September an den Hersteller gemeldet hat.",
        "Automatische Updates nicht überall aktiv",
        "Fernlink verteilt die abgesicherte Firmware nach eigenen Angaben seit Dienstag \
         schrittweise über die automatische Update-Funktion.",
    ];
    let f = extract(&format!(
        "Update schließt kritische Lücke im Gastnetz\n\n20.11.2019 10:15 Uhr\n\n\
         {}\n\n{}\n\nMehr zum Thema\n\n\
         \x20 • WLAN-Router: Viele Hersteller liefern Updates nur zwei Jahre\n\
         \x20 • Gastnetz richtig einrichten: So bleibt das Heimnetz getrennt\n\n\
         {}\n\n{}\n\nKommentare lesen (45 Beiträge)\n",
        paras[0], paras[1], paras[2], paras[3]
    ));
    assert_eq!(f.body, paras.join("\n\n"));
}

/// A wire story's credit line, then the site's standards line that the story's region
/// ran on to: the standards line is not body, and the credit still gives the byline.
#[test]
fn furniture_after_the_credit_line() {
    let paras = [
        "Sales at British builders' merchants fell for a third straight month in October, \
         an industry survey showed on Wednesday.",
        "Some merchants said they were cutting back on stock ahead of the winter months, \
         and two of the larger chains plan to close branches.",
    ];
    let f = extract(&format!(
        "UK builders' merchants report weakest autumn sales\n\nNovember 20, 2019\n\n\
         {}\n\n{}\n\nReporting by Ana Ruiz; Editing by Tom Hale\n\n\
         Our Standards: The Trust Principles.\n",
        paras[0], paras[1]
    ));
    assert_eq!(f.body, paras.join("\n\n"));
    assert_eq!(f.byline.as_deref(), Some("Ana Ruiz"));
}

/// What follows a post: its taxonomy line (`Posted in … | Tagged … | Leave a comment`,
/// wrapped with the post navigation), a comment count written in words (`One thought on
/// "…"`), and a wire service's long copyright notice, none of which is the story.
#[test]
fn post_footers_are_not_body() {
    let paras = [
        "The city council voted on Tuesday night to approve a new plan for the waterfront, \
         ending a debate that has lasted more than three years.",
        "Opponents said the council had ignored the concerns of the fishermen who still use \
         the harbour, and promised to challenge the decision in court.",
    ];
    let story = paras.join("\n\n");
    let f = extract(&format!(
        "Waterfront plan approved\n\nPosted on November 20, 2019 by quaysider\n\n{story}\n\n\
         Posted in Local | Tagged council, harbour | Leave a comment ← Previous post\n\
         Next post →\n\nOne thought on “Waterfront plan approved”\n\n\
         Pete says: November 21, 2019 at 8:02 am\n\nAbout time too.\n"
    ));
    assert_eq!(f.body, story);
    let f = extract(&format!(
        "Waterfront plan approved after long fight\n\nBy RUTH ELLISON\n\nNovember 20, 2019\n\n\
         {story}\n\nCopyright 2019 The Associated Press. All rights reserved. This material \
         may not be published, broadcast, rewritten or redistributed.\n"
    ));
    assert_eq!(f.body, story);
}

/// A byline whose unit runs on into the author's bio: the name is the byline, and
/// neither the name nor the bio is body text.
#[test]
fn byline_with_the_authors_bio() {
    let f = extract(
        "Council votes to close the old bridge to cars\n\n\
         By Jordan Okafor, a senior reporter covering consumer tech and the chip\n\
         industry. He previously spent six years writing about PCs and gaming hardware.\n\n\
         Jun 18, 2024, 3:15 PM UTC\n\n\
         The city will close the old covered bridge to cars from next month after the \
         council voted to keep it open only to walkers and cyclists, ending years of debate.\n",
    );
    assert_eq!(f.byline.as_deref(), Some("Jordan Okafor"));
    assert!(f.body.starts_with("The city will close"), "{}", f.body);
}

/// An author's card under the story (the name printed twice, a bio naming the trade)
/// gives the byline and ends the body; comments under it are no story.
#[test]
fn author_card_under_the_story() {
    let story = "For forty-one years the bell above the door at the hardware store rang about \
                 three hundred times a day, and on its last day it rang far more often.\n\n";
    let f = extract(&format!(
        "The last washer on Alder Street\n\nApr 2, 2024 · 6 min read\n\n{story}{story}{story}\
         Share   Copy link\nMaren Holt\n\nMaren Holt\n\n\
         Founder and editor of The Slow Index. Previously covered city hall for a regional \
         daily for eleven years.\n\nDiscussion\n\n\
         I bought a single washer there in 2019 and Walter refused to charge me for it. This \
         one stings.\n"
    ));
    assert_eq!(f.byline.as_deref(), Some("Maren Holt"));
    assert!(f.body.ends_with("far more often."), "{}", f.body);
    // A name over a paragraph that names no trade stays in the story.
    let f = extract(&format!(
        "The last washer on Alder Street\n\nApr 2, 2024\n\n{story}{story}{story}\
         Walter Kessler\n\nHe opened the store in 1983 with a loan from his brother and never \
         missed a day.\n"
    ));
    assert_eq!(f.byline, None);
    assert!(f.body.ends_with("never missed a day."), "{}", f.body);
}

#[test]
fn the_sites_name_beside_the_date_is_no_byline() {
    let page = "Wabash Valley Star-Courier\n\n  • News\n  • Sports\n  • Opinion\n\n\
        Former mall could become 400 apartments under county plan\n\n\
        Megan Kowalski\nWabash Valley Star-Courier\n\
        Published 6:02 a.m. ET March 14, 2023 | Updated 11:18 a.m. ET March 15, 2023\n\n\
        The county's planning board voted on Monday to rezone the former mall site for \
        housing, clearing the way for up to 400 apartments.\n\n\
        The developer said work could begin next spring if the council agrees.\n\n\
        © 2023 Wabash Valley Star-Courier\n";
    let f = extract(page);
    assert_eq!(f.byline.as_deref(), Some("Megan Kowalski"));
    // Without the author's line, the site's name is still no byline.
    let f = extract(&page.replace("Megan Kowalski\n", ""));
    assert_eq!(f.byline, None);
}

#[test]
fn a_blog_post_credited_under_it_above_its_labels() {
    let mut page = String::from("The Kettle River Review\n\nFriday, June 6, 2008\n\nFour-dollar gas comes to Pine County\n\n");
    for k in 0..6 {
        page.push_str(&format!(
            "Paragraph {k} of the post runs on about the price of gas at the pumps in Pine City \
             and what the county board has said about it so far this week.\n\n"
        ));
    }
    page.push_str(
        "In the meantime, fill up in Hinckley. It was still cheaper there when I went by.\n\
         Posted by Mike Sorensen at 3:45 PM 3 comments\nLabels: county board, gas prices\n",
    );
    let f = extract(&page);
    assert_eq!(f.byline.as_deref(), Some("Mike Sorensen"));
    assert!(!f.body.contains("Posted by"), "{}", f.body);
}

#[test]
fn a_meeting_s_date_in_a_side_column_is_not_the_story_s() {
    let page = "YOUR COUNCILLORS\nCllr Peter Aldous (Chairman)\nCllr Susan Marsh\n\n\
        NEXT MEETING\nMonday 7th December 2009\n7.30pm, Village Hall\n\n\
        Closing date for responses:\nFriday 8th January 2010\n\n\
        Residents pack village hall as bypass consultation opens\n\n\
        More than 180 people squeezed into St Anne's Village Hall on Tuesday evening for the \
        first public exhibition of the three route options for the proposed bypass.\n\n\
        Officers from the county council's highways team spent nearly four hours answering \
        questions beside the display boards, and the consultation runs for eight weeks.\n";
    let f = extract(page);
    assert_eq!(f.date, None);
    // Unlabelled, the same day is the page's date.
    let plain = page.replace("NEXT MEETING\n", "").replace(
        "Closing date for responses:\nFriday 8th January 2010\n\n",
        "",
    );
    assert_eq!(ymd(&extract(&plain)), Some((2009, 12, 7)));
}
