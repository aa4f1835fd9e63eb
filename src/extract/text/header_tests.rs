//! Unit tests of the plain-text extractor's header rules on scraped pages: which line is
//! the headline, which lines belong to its header (datelines, bylines, reading times) and
//! which do not (teasers, calls to action, quotations' attributions).

use super::*;

/// The day of a file's date, `YYYY-MM-DD`.
fn day(f: &Fields) -> Option<String> {
    f.date.as_ref().map(|d| d.at.date().to_string())
}

/// `n` short teaser headlines, each a block of its own and none repeated: a column of
/// related stories between an article's header and its story.
fn teaser_column(n: usize) -> String {
    let who = [
        "Senators",
        "Governors",
        "Judges",
        "Voters",
        "Doctors",
        "Lawyers",
    ];
    let what = [
        "trade barbs over",
        "weigh in on",
        "question",
        "push back on",
        "defend",
    ];
    let topic = [
        "the hearing",
        "the budget",
        "the ruling",
        "the visit",
        "the vote",
        "tariffs",
        "the memo",
    ];
    (0..n)
        .map(|i| format!("{} {} {}\n\n", who[i % 6], what[i % 5], topic[i % 7]))
        .collect()
}

#[test]
fn a_short_title_over_a_one_sentence_first_paragraph() {
    // The archive layout: a short title, then a first paragraph of one sentence. The
    // title is no section kicker, and the sentence below it is no headline.
    let f = extract(
        "Harbour board sacks chief\n\n\
         The harbour board has sacked its chief executive after an audit of the accounts.\n\n\
         The audit found that repairs to the north quay had been paid for twice, and that \
         the board had not been told of the contracts until the work was finished. The \
         chairman said the board would appoint an interim chief executive next week.\n",
    );
    assert_eq!(f.title.as_deref(), Some("Harbour board sacks chief"));
    assert!(
        f.body.starts_with("The harbour board has sacked"),
        "{}",
        f.body
    );
}

#[test]
fn a_japanese_headline_is_not_one_word() {
    let f = extract(
        "  * ホーム\n  * ニュース\n  * お問い合わせ\n\n港の新しい桟橋が十年ぶりに完成\n\n2016.12.01\n\n\
         市は一日、港の北側に建設していた新しい桟橋が完成したと発表しました。工事は三年前に始まり、\
         総工費は約十二億円でした。古い桟橋は老朽化が進んでおり、地元の漁業者からは早期の建て替えを\
         求める声が上がっていました。\n\n\
         新しい桟橋には大型のフェリーも停泊できるようになり、市は観光客の増加を見込んでいます。\
         来月には記念の式典が開かれる予定で、市長や地元の関係者ら約二百人が出席する見通しです。\n",
    );
    assert_eq!(f.title.as_deref(), Some("港の新しい桟橋が十年ぶりに完成"));
    assert!(f.date.is_some());
}

#[test]
fn a_headline_starting_with_a_label_word_is_no_stamp() {
    // "First" labels dates ("First published ..."), and the line has a digit: it is still
    // a headline, not a time stamp.
    let f = extract(
        "First look at PlayStation 3 chip\n\n\
         Some details of the chip inside the console have been revealed.\n\n\
         Sony, IBM and Toshiba have released limited data about the so-called Cell chip that \
         will be able to carry out trillions of calculations per second, the firms said.\n",
    );
    assert_eq!(f.title.as_deref(), Some("First look at PlayStation 3 chip"));
    assert!(f.body.starts_with("Some details"), "{}", f.body);
}

#[test]
fn a_clean_files_first_line_beats_a_short_first_sentence() {
    // BBC sport/251: a nine-word first sentence under a three-word title.
    let f = extract(
        "Bates seals takeover\n\nKen Bates has completed his takeover of Leeds United.\n\n\
         The 73-year-old former Chelsea chairman sealed the deal at 0227 GMT on Friday, and \
         has bought a 50% stake in the club. He said he was delighted to be stepping up at \
         such a fantastic club, and that there was a lot of hard work ahead.\n",
    );
    assert_eq!(f.title.as_deref(), Some("Bates seals takeover"));
}

#[test]
fn an_article_header_below_a_cookie_banner_is_a_candidate() {
    let banner = "We use cookies and other tracking technologies to improve your browsing \
        experience on our site, show personalized content and targeted ads, analyze site \
        traffic, and understand where our audience is coming from. To find out more or to \
        opt out, please read our Cookie Policy, which has also been updated.";
    let para = "The harbour reopened on Tuesday after a week of repairs, and the first \
        ferries sailed in the afternoon with their usual crowds of commuters on board.";
    let text = format!(
        "Skip to main content\n\n{banner}\n\n{banner}\n\n  * News\n  * Sport\n\n\
         Harbour reopens after a week of repairs\n\nBy Jane Doe Nov 18, 2019, 11:47am EST\n\n\
         {para}\n\n{para}\n"
    );
    let f = extract(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Harbour reopens after a week of repairs")
    );
}

/// A saved page whose headline is three words, under teasers of other stories: its byline
/// right below makes it the header's top line. The name under an `Author:` label is a
/// byline, and a label of the author's picture is no headline.
#[test]
fn short_headline_heads_its_byline() {
    let page = "  • Home\n  • Politics\n  • Sign in\n\n\
        Senate Panel Advances Sweeping Farm Bill After Long Night\n\n\
        Governors Trade Barbs Over Water Rights in the West\n\n\
        Court Weighs Limits on Emergency Powers of Governors\n\n\
        More articles\n\nPrevious articles\n\nPolitics\n\nThe Impeachment Clock\n\nBy Jane Doe\n\n\
        November 19, 2019 6:30 AM\n\n\
        The impeachment hearings that begin this week will decide little that the votes \
        have not already decided, and both parties know it.\n\n\
        Still, the calendar matters more than the testimony, as the members of the \
        committee have said for weeks.\n";
    let f = extract(page);
    assert_eq!(f.title.as_deref(), Some("The Impeachment Clock"));
    assert_eq!(f.byline.as_deref(), Some("Jane Doe"));

    let labelled = page.replace("By Jane Doe", "Author:\nJane Doe Staff");
    let f = extract(&labelled);
    assert_eq!(f.title.as_deref(), Some("The Impeachment Clock"));
    assert_eq!(f.byline.as_deref(), Some("Jane Doe Staff"));

    let pictured = page.replace("By Jane Doe", "Jane Doe mugshot\nBy Jane Doe");
    assert_eq!(
        extract(&pictured).title.as_deref(),
        Some("The Impeachment Clock")
    );
}

/// A date widget that prints the day and month on one line and the time and year on the
/// next: read as one date, which heads the article header under the headline.
#[test]
fn date_over_two_lines() {
    let f = extract(
        "With shattered dreams, deportees return home\n\nNovember 20\n15:23 2019\n\n\
         NEW DELHI: Their American dream shattered and savings wasted, nearly 150 Indians \
         returned home on Wednesday after being deported.\n\nSome had sold land to pay agents.\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("With shattered dreams, deportees return home")
    );
    let d = f.date.expect("date");
    assert_eq!(
        (d.at.year(), d.at.month() as u8, d.at.day(), d.at.hour()),
        (2019, 11, 20, 15)
    );
    assert!(!f.body.contains("15:23"));

    // A short headline with a number, right above a date line, stays the headline.
    let f = extract(
        "Storm kills 12 people\nNovember 20, 2019\n\nThe storm hit the coast on Tuesday night \
         and left thousands of homes without power across the region.\n\nMore rain is due.\n",
    );
    assert_eq!(f.title.as_deref(), Some("Storm kills 12 people"));
    assert_eq!(f.date.map(|d| d.at.day()), Some(20));
}

/// Pages saved as Markdown or through html2text: the headline loses its heading marks,
/// and the top heading stands however many lines of page lie below it.
#[test]
fn marked_headings() {
    let md = extract(
        "[Skip to content](#main)\n\n* [Home](/)\n* [News](/news)\n\n\
         # Ministers sign Caspian pipeline accord\n\nBy Anna Novak | March 3, 2014\n\n\
         Ministers from five countries signed an accord on Monday to build a pipeline under \
         the Caspian Sea, ending years of dispute.\n\nThe pipeline will carry gas to Baku.\n",
    );
    assert_eq!(
        md.title.as_deref(),
        Some("Ministers sign Caspian pipeline accord")
    );
    assert_eq!(md.byline.as_deref(), Some("Anna Novak"));

    let menu: String = (1..=40).map(|i| format!("Gallery picture {i}\n")).collect();
    let compact = format!(
        "Skip_to_content\n****** Ministers sign Caspian pipeline accord ******\n{menu}\
         Ministers from five countries signed the Caspian pipeline accord on Monday, to\n\
         build a pipeline under the sea and end years of dispute over how to share it.\n\
         The pipeline will carry gas from Turkmenistan to Azerbaijan and on to Europe.\n"
    );
    let f = extract(&compact);
    assert_eq!(
        f.title.as_deref(),
        Some("Ministers sign Caspian pipeline accord")
    );
    assert!(!f.body.contains("******"));
}

/// A sports page's header: the headline printed twice, a standfirst, the author's picture
/// label, then the byline and date as list items. The picture label does not stand
/// between the headline and its byline.
/// A picture label between a headline's standfirst and its byline does not keep the byline
/// from counting for the headline: the headline is chosen as the line before its byline.
#[test]
fn picture_label_does_not_part_headline_and_byline() {
    let ex = explain(
        "  • Home\n  • World\n  • Sign in\n\n\
         Senators reach deal on border security funding\n\n\
         Negotiators agreed on money for barriers and technology after weeks of talks\n\n\
         Jane Doe mugshot\n\nBy Jane Doe\nMarch 3, 2019\n\n\
         Senators from both parties reached a deal on Monday on border security funding, \
         averting another shutdown of the government.\n\n\
         The agreement still needs the approval of both chambers before the end of the week.\n",
    );
    let title = ex.title.chosen.as_ref().expect("title");
    assert_eq!(
        title.value,
        "Senators reach deal on border security funding"
    );
    assert_eq!(title.rule, "line_before_date_or_byline");
}

/// lynx prints an embedded player's address wrapped over dozens of lines: they take no
/// room in the headline's window and are never the headline.
#[test]
fn wrapped_urls_do_not_push_the_headline_away() {
    let blob: String = (0..40)
        .map(|i| format!("rEWRM8Nv3uOvPh%2BdHlp%2B8FfOjHDlPygJ2l999ZWDzvqrT199dxjAX{i:02}\n"))
        .collect();
    let f = extract(&format!(
        "  • Home\n  • News\n\nVideo shows dramatic rescue of kidnapped girl\n\n\
         Updated on: November 19, 2019 / 10:07 AM\n\nIFRAME:\n\
         https://www.example.com/embed/video/?v=1.77d1ff0c609e9963c3f09f2f2b4d2683499d6f2\n\
         {blob}\n\
         Police released dramatic video showing the rescue of a girl who was kidnapped \
         while walking with her mother on Saturday.\n\n\
         The man accused of taking her was arrested at a hotel, the police said.\n"
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("Video shows dramatic rescue of kidnapped girl")
    );
}

/// In a clean text file, a question standfirst under the title, or a fragment starting in
/// lower case, does not take the title from the first line.
#[test]
fn clean_file_title_over_question_and_fragment() {
    let f = extract(
        "What really divides the parties\n\n\
         So what is the gap between Labour and the Tories nowadays?\n\n\
         The gap between Labour and the Tories nowadays is one Starbucks and one small cafe: \
         both parties have moved their headquarters to the same street.\n\n\
         Labour opened its election hub three doors away from the Tories this week.\n",
    );
    assert_eq!(f.title.as_deref(), Some("What really divides the parties"));
    let f = extract(
        "Blackburn v Burnley\n\nEwood Park\n\nhome to Leicester in the quarter-finals\n\n\
         The winners are at home to Leicester in the quarter-finals, and both sides have \
         injury worries before the replay.\n\nThe quarter-finals are played next month.\n",
    );
    assert_eq!(f.title.as_deref(), Some("Blackburn v Burnley"));
}

/// A headline shares the story's words in another form ("approves" / "approved"): its
/// overlap with the story counts them.
#[test]
fn headline_overlap_matches_word_forms() {
    let para = "The council approved the harbour expansion on Tuesday after a long debate \
        about its costs, and the work will start in the spring.";
    let text = format!(
        "  * Home\n  * News\n\nCouncil approves harbour expansion\n\nMarch 3, 2014\n\n\
         {para}\n\n{para}\n"
    );
    let ex = explain(&text);
    let chosen = ex.title.chosen.expect("a title");
    assert_eq!(chosen.value, "Council approves harbour expansion");
    let overlap = chosen
        .signals
        .iter()
        .find(|s| s.name == "overlap")
        .map(|s| s.value);
    assert_eq!(overlap, Some(1.0));
}

/// An advertisement's call to action above the headline (`Anuncie no Autoracing agora!`,
/// after an image label or not) is page furniture, and `links -dump`'s `Link:` lines of
/// the page head are no headlines.
#[test]
fn calls_to_action_and_head_links_are_no_headlines() {
    let body = "A tabela mostra a classificação atualizada do campeonato depois da última \
        corrida da temporada, com os pontos de todos os pilotos.";
    for ad in [
        "Anuncie no Autoracing agora!",
        "[IMG] Anuncie no Autoracing agora!",
        "[pirelli-logo] [banner_b] Subscribe to our newsletter today!",
    ] {
        let text = format!(
            "   Link: canonical\n   Link: prev: Calendário Stock Car 2011\n\n  * Início\n  \
             * Fórum\n\n{ad}\n\nClassificação NASCAR\n\nsexta-feira, 22 de outubro de 2010 às \
             20:13\nShare this on WhatsApp\n\n{body}\n\n{body}\n"
        );
        let ex = explain(&text);
        let values: Vec<&str> = ex
            .title
            .considered
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert!(
            !values.iter().any(|v| v.contains('!') || v.contains("Link")),
            "{ad}: {values:?}"
        );
        assert_eq!(
            ex.date.chosen.map(|c| c.value[..10].to_string()).as_deref(),
            Some("2010-10-22"),
            "{ad}"
        );
    }
}

/// An agency's name alone under a standfirst is the header's byline: the headline above
/// the standfirst heads the header too.
#[test]
fn agency_line_is_a_byline_in_the_header() {
    let para = "Brock Nelson scored in overtime and the New York Islanders rallied from three \
        goals down to beat the Washington Capitals on Tuesday night.";
    let text = format!(
        "  * Sports\n  * Hockey\n\nNelson's OT goal lifts Isles\n\n\
         N.Y. completes frantic comeback to extend unbeaten streak to 15\n\nAssociated Press\n\n\
         Published 11:26 pm EST, Tuesday, November 19, 2019\n\n{para}\n\n{para}\n"
    );
    let ex = explain(&text);
    let head = ex
        .title
        .considered
        .iter()
        .find(|c| c.value == "Nelson's OT goal lifts Isles")
        .expect("the headline is a candidate");
    assert!(head.signals.iter().any(|s| s.name == "near_date"));
}

/// A page whose headline is too unsure to be its title, with its dateline under it and
/// the story far below: the date is still looked for around that headline.
#[test]
fn date_under_an_unsure_headline() {
    let stages: String = [
        "10 de março – Interlagos",
        "8 de abril – Curitiba",
        "29 de abril – Velopark",
        "20 de maio – Londrina",
        "10 de junho – Santa Cruz do Sul",
        "1 de julho – Goiânia",
        "12 de agosto – Interlagos",
        "2 de setembro – Curitiba",
        "23 de setembro – Velopark",
        "14 de outubro – Londrina",
        "4 de novembro – Tarumã",
        "25 de novembro – Cascavel",
        "9 de dezembro – Interlagos",
    ]
    .iter()
    .enumerate()
    .map(|(n, s)| format!("{}a etapa: {s}\n", n + 1))
    .collect();
    let note = "Os comentários publicados aqui são de responsabilidade exclusiva de seus \
        autores e não representam a opinião deste site, que se reserva o direito de apagar \
        qualquer mensagem.";
    let text = format!(
        "  * Início\n  * Notícias\n  * Fórum\n\nStock Car 2018\n\n\
         segunda-feira, 22 de janeiro de 2018 às 0:13\nShare this on WhatsApp\n\n\
         Calendário da Stock Car 2018\n\n{stages}\nTags\n\n{note}\n\n{note}\n"
    );
    let ex = explain(&text);
    let date = ex.date.chosen.expect("the date under the headline");
    assert_eq!(&date.value[..10], "2018-01-22");
}

/// A date-first header (section, dateline, headline, a bare name, reading time) under a
/// country selector whose flag label is headline-shaped: the reading time is header
/// furniture, so the headline above the name heads the header.
#[test]
fn reading_time_marks_the_header() {
    let para = "Oil prices fell sharply on Tuesday on oversupply concerns, while a gauge of \
        stocks across the globe held near record highs as investors awaited trade news.";
    let text = format!(
        "  • Business\n  • Markets\n\nFlag of United States\n\nUnited States\n\n\
         [                    ]\n\nBusiness News\n\n\
         November 19, 2019 / 12:21 AM / Updated 14 hours ago\n\n\
         Oversupply angst drags oil lower, stocks drift near highs\n\nRodrigo Campos\n\n\
         5 Min Read\n\nNEW YORK (Reuters) - {para}\n\n{para}\n"
    );
    assert_eq!(
        extract(&text).title.as_deref(),
        Some("Oversupply angst drags oil lower, stocks drift near highs")
    );
}

/// An article header (headline, byline, dateline, a line of prose) above a long column
/// of video teasers, the story below them: the headline is still a candidate, and the
/// title.
#[test]
fn full_header_above_a_teaser_column() {
    let teasers = teaser_column(36);
    let para = "The White House has said little about the president's unannounced visit to \
        the hospital on Saturday, and what it has said does not add up, aides admit.";
    let text = format!(
        "  * Politics\n  * Health\n\n\
         Why you just can't trust the White House on Donald Trump's health\n\n\
         Analysis by Chris Cillizza, CNN Editor-at-large\n\n\
         Updated 1909 GMT (0309 HKT) November 18, 2019\n\n\
         Chat with us in Facebook Messenger. Find out what's happening in the world as it \
         unfolds.\n____________________\n\n{teasers}{para}\n\n{para}\n"
    );
    let f = extract(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("Why you just can't trust the White House on Donald Trump's health")
    );
    assert_eq!(day(&f).as_deref(), Some("2019-11-18"));
}

/// "About" and "Home" open headlines as well as menus: only the menus' phrases (`About
/// us`, `About the author`) are furniture words.
#[test]
fn about_and_home_open_headlines() {
    let u = lines::units("About bugs\n\nHome sales rise\n\nAbout us\n\nAbout the author\n");
    let f = features::measure(&u);
    let furniture: Vec<bool> = f.iter().map(|f| f.furniture).collect();
    assert_eq!(furniture, [false, false, true, true]);
}

/// A headline opening with a number ("16-inch MacBook Pro ...") does not start in lower
/// case; one opening with a lower-case word does.
#[test]
fn a_number_first_is_no_lower_case_start() {
    let para = "Apple's new laptop brings back a keyboard that people like to type on, and \
        a bigger screen in a body about the size of the old one.";
    let lower = |head: &str| {
        let text =
            format!("  * Home\n  * Reviews\n\n{head}\n\nNovember 19, 2019\n\n{para}\n\n{para}\n");
        let ex = explain(&text);
        let c = ex
            .title
            .considered
            .iter()
            .find(|c| c.value == head)
            .cloned()
            .expect("the headline is a candidate");
        c.signals.iter().any(|s| s.name == "lowercase")
    };
    assert!(!lower("16-inch MacBook Pro review: the keyboard is enough"));
    assert!(lower("iPhone sales slow in China as rivals gain"));
}

/// A fact check's claim in quotation marks and its attribution (a dash, who said it and
/// when) above the headline: the attribution's date is the claim's and no header line, and
/// a `By` line ending in `a.m.` is still the byline under the headline.
#[test]
fn quoted_claim_and_attribution_above_the_headline() {
    let para = "In October, Rep. David McKinley visited the border near Nogales and said the \
        drugs that cross it are worth $53 million a week; the figures do not bear him out.";
    let text = format!(
        "  * Fact checks\n  * Congress\n\nMostly True\nMcKinley\n\
         \"$53 million a week is coming across the border in drugs.\"\n\n\
         — David McKinley on Sunday, October 13th, 2019 in an article in a local\nnewspaper\n\n\
         What is the value of drugs that come to the U.S. border?\n\n\
         By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.\n\n\
         {para}\n\n{para}\n"
    );
    let f = extract(&text);
    assert_eq!(
        f.title.as_deref(),
        Some("What is the value of drugs that come to the U.S. border?")
    );
    assert_eq!(day(&f).as_deref(), Some("2019-11-18"));
}

/// A dated, signed teaser far above the story, in a column of other teasers, is not the
/// story's header: it has no prose below it.
#[test]
fn a_signed_teaser_above_a_column_is_no_header() {
    let teasers = teaser_column(36);
    let para = "The ministry set a deadline of June for the new pension rules on Monday, and \
        unions said they would study the plan before they respond to it.";
    let text = format!(
        "  * News\n  * Politics\n\nStorm Knocks Out Power Across Northern Counties\n\n\
         By Jane Doe\n\nMarch 2, 2014\n\n{teasers}\
         Ministry Sets Deadline for New Pension Rules\n\n{para}\n\n{para}\n\n{para}\n"
    );
    let f = extract(&text);
    assert_ne!(
        f.title.as_deref(),
        Some("Storm Knocks Out Power Across Northern Counties")
    );
    assert_ne!(f.byline.as_deref(), Some("Jane Doe"));
}

/// A dateline after a dash names no person: it is no quotation's attribution, and its
/// date is the article's.
#[test]
fn a_dateline_after_a_dash_is_no_attribution() {
    let para = "The central bank left its rates unchanged on Monday and said it would keep \
        watching prices closely in the months ahead, officials said.";
    for line in [
        "-- WASHINGTON, Monday, March 3, 2014, 10:15 a.m. EST (Reuters)",
        "— Updated Monday, March 3, 2014 at 10:15 a.m. ET",
    ] {
        let text = format!("Bank holds rates\n{line}\n\n{para}\n\n{para}\n");
        let f = extract(&text);
        assert_eq!(day(&f).as_deref(), Some("2014-03-03"), "{line}");
        assert!(!f.body.contains("10:15"), "{line}");
    }
}

/// "By Christmas, the ministry said on Monday, March 3, 2014, ..." is a sentence of the
/// story: its date is not read as the article's.
#[test]
fn a_by_clause_is_no_byline_line() {
    let para = "The ministry plans to close most of its local offices this year, and staff \
        will move to the regional centres over the coming months.";
    let text = format!(
        "Ministry to close local offices\n\n{para}\n\n\
         By Christmas, the ministry said on Monday, March 3, 2014, most offices will have closed.\n\n\
         {para}\n"
    );
    let f = extract(&text);
    assert_eq!(f.date, None);
}

/// A lone `About` menu line stays out of the body.
#[test]
fn a_lone_about_line_is_boilerplate() {
    let para = "The harbour reopened on Tuesday after a week of repairs, and the first ferries \
        sailed in the afternoon with their usual crowds of commuters on board.";
    let f = extract(&format!(
        "Home\nAbout\n\nHarbour reopens after a week of repairs\n\n{para}\n\n{para}\n"
    ));
    assert!(!f.body.contains("About"), "{}", f.body);
}

/// A compact rendering (html2text: no blank line between paragraphs) puts every line in
/// a crowd, so the crowd says nothing there; in a file that parts its paragraphs with
/// blank lines, a headline among other lines of its block is crowded.
#[test]
fn compact_renderings_are_not_crowded() {
    let para = "Shares of the home improvement chain fell in early trading on Tuesday after \
                the retailer cut its sales forecast for the year, citing a slower quarter.";
    let crowded = |text: &str| {
        let ex = explain(text);
        let head = [ex.title.chosen, ex.title.runner_up]
            .into_iter()
            .flatten()
            .find(|c| c.value == "Home Depot Stock Is Falling After Its Earnings Release")
            .expect("the headline is a leading candidate");
        head.signals.iter().any(|s| s.name == "crowded")
    };
    let compact = format!(
        "    * Consumer\n    * Earnings_Report\n\
         ****** Home Depot Stock Is Falling After Its Earnings Release ******\n\
         Updated Nov. 19, 2019 8:21 am ET\n    * Order Reprints\nText size\n\
         {para}\n{para}\n{para}\n{para}\n{para}\n{para}\n{para}\n{para}\n"
    );
    assert!(!crowded(&compact));
    let spaced = format!(
        "  * Consumer\n\nMarkets\nHome Depot Stock Is Falling After Its Earnings Release\n\
         Order Reprints\n\nUpdated Nov. 19, 2019 8:21 am ET\n\n{para}\n\n{para}\n\n\
         {para}\n"
    );
    assert!(crowded(&spaced));
}

/// A story's paragraphs for header tests: prose long enough to be the main region.
fn housing_story() -> &'static str {
    "There is a particular kind of optimism that surrounds a show home. The carpets are \
     unmarked, the kitchen island has a bowl of lemons on it, and the second bedroom is \
     furnished with a bed so small it might have been made for a cat.\n\n\
     The cheapest of the new homes on the edge of the town is on sale for more than eight \
     times the local wage, and the council counts them all as affordable starter homes.\n\n\
     Until policy starts from what people earn rather than from what builders can sell, \
     the first rung of the ladder will stay out of reach for most of the young couples \
     the scheme was meant for.\n"
}

#[test]
fn an_author_bio_above_a_column_is_not_its_story() {
    // An opinion column: the columnist's name and bio in a box above the headline, the
    // date only at the foot.
    let f = extract(&format!(
        "The Northern Sentinel\n\nNews Opinion Sport Culture Lifestyle Money Travel\n\n\
         Margaret Ellery\n\nMargaret Ellery is a former local-authority housing director \
         and writes a weekly column on housing and cities.\n\nFollow Margaret Ellery\n\n\
         We keep building starter homes that nobody can afford to start in\n\n\
         Share on Facebook Share on Twitter\n\n{}",
        housing_story()
    ));
    assert_eq!(
        f.title.as_deref(),
        Some("We keep building starter homes that nobody can afford to start in")
    );
    assert!(f.body.starts_with("There is a particular"), "{}", f.body);
}

#[test]
fn a_tabloid_headline_of_forty_words_is_a_headline() {
    let head = "Soap star Kerry-Ann Dobbs reveals she secretly married her childhood \
                sweetheart in a tiny Cornish chapel with just four guests – and wore a £40 \
                dress she bought on the high street the day before";
    let f = extract(&format!(
        "Daily Clarion\n\nHome News Sport TV&Showbiz Femail Health Science Money Video \
         Travel Latest\n\nEXCLUSIVE\n\n{head}\n\nBy LUCY HARGREAVES\n\n\
         PUBLISHED: 10:15, 14 July 2016 | UPDATED: 09:02, 15 July 2016\n\n\
         Kerry-Ann Dobbs has revealed her own happy ending after secretly marrying her \
         childhood sweetheart in a tiny Cornish chapel with just four guests.\n\n\
         The soap star wed Jamie Penrose in a ten-minute ceremony near Padstow last month, \
         keeping the news from everyone except their parents.\n\n\
         She wore a £40 dress she had bought on the high street the day before, and her \
         grandmother's pearl earrings, she told the magazine.\n"
    ));
    assert_eq!(f.title.as_deref(), Some(head));
    assert_eq!(day(&f).as_deref(), Some("2016-07-14"));
}

/// The title of a page whose header (a headline, then its date) stands below `furniture`.
fn title_below(furniture: &str) -> Option<String> {
    extract(&format!(
        "{furniture}\n\nMan jailed for 11 years after Halsey Road post office robbery\n\n\
         28 April 2015\n\n{}",
        housing_story()
    ))
    .title
}

const ROBBERY: &str = "Man jailed for 11 years after Halsey Road post office robbery";

#[test]
fn a_consent_box_and_a_menu_line_are_no_headline() {
    // A consent box's title at the top of the page, its notice asking nothing, its
    // buttons; then the navigation printed on one line.
    let t = title_below(
        "Skip to main content\n\nCookies on this website\n\nWe use some essential cookies \
         to make this website work.\n\nAccept additional cookies Reject additional \
         cookies\n\nWirtschaft Finanzen Blaulicht Politik Panorama Themen Login",
    );
    assert_eq!(t.as_deref(), Some(ROBBERY));
}

#[test]
fn a_bare_name_beside_the_dateline_is_the_byline() {
    let story = "Die Quote für den Fang war schon im Oktober erschöpft, und viele Boote \
                 liegen seitdem im Hafen. Die Reeder sagen, das größere Problem sei ein \
                 anderes: Niemand wolle mehr Fischer werden.\n\n\
                 Im Hafen von Póvoa de Varzim liegen an diesem Morgen mehr als zwanzig \
                 Boote fest, und die Halle der Fischauktion ist fast leer.\n";
    let f = extract(&format!(
        "Pescadores queixam-se de falta de sardinha\n\nRui Almeida\n\
         20 de Novembro de 2019, 10:15\n\n{story}"
    ));
    assert_eq!(f.byline.as_deref(), Some("Rui Almeida"));
    // A section label beside the dateline is none.
    let f = extract(&format!(
        "Fischer klagen über fehlende Sardinen\n\nLokales Wirtschaft\n\
         20.11.2019\n\n{story}"
    ));
    assert_eq!(f.byline, None);
    // Nor is a name far from any dateline (the BBC's files have none).
    let f = extract(&format!(
        "Fischer klagen über fehlende Sardinen\n\nRui Almeida\n\n{story}"
    ));
    assert_eq!(f.byline, None);
}

#[test]
fn consent_buttons_and_a_labelled_breadcrumb_are_no_headline() {
    let t = title_below(
        "Aller au contenu\n\nVos choix concernant l'utilisation de cookies\n\n\
         Avec votre accord, nous et nos partenaires utilisons des cookies pour stocker des \
         informations. Vous pouvez retirer votre consentement à tout moment.\n\n\
         Accepter Paramétrer Continuer sans accepter\n\n\
         Sie sind hier: Startseite > Lokales > Bad Hollerbach > Artikel",
    );
    assert_eq!(t.as_deref(), Some(ROBBERY));
}

#[test]
fn a_blog_post_under_its_date_and_the_blog_tagline() {
    // A blog's template: the blog's name and tagline, the post's date, the post's title
    // (its words again in the post), the post. The title printed right under its date,
    // with the post below, is the headline, though the tagline reads as the story's
    // first paragraph.
    let f = extract(
        "skip to main content | skip to sidebar\n\n\
         At Ellen's Table\n\n\
         Cooking, preserving, the allotment and whatever else crosses my mind. Written in \
         a small village on the north coast.\n\n\
         Wednesday, 20 November 2019\n\n\
         Quince paste like Grandma's\n\n\
         Every November I stand in the kitchen with a basket of quinces and wonder why I do \
         this to myself. Quince paste like Grandma's takes a whole afternoon.\n\n\
         Grandma made it every year in big trays that dried for weeks on the wardrobe in \
         the bedroom. She never wrote the recipe down, and I have tried it three times.\n\n\
         Posted by Ellen at 09:41\n",
    );
    assert_eq!(f.title.as_deref(), Some("Quince paste like Grandma's"));
    assert_eq!(day(&f).as_deref(), Some("2019-11-20"));
}

#[test]
fn a_paywall_box_is_furniture_down_to_its_button() {
    // The story's first paragraphs, then a paywall box: its prompt, a sales pitch that
    // reads as a sentence, the button. None of it is a headline, and the headline above
    // the story stays.
    let f = extract(
        "Zürcher Tagespost\n\n\
         Zürich baut Velorouten quer durch die Stadt – und opfert dafür 400 Parkplätze\n\n\
         Andrea Keller, Zürich\n\
         20.11.2019, 10.15 Uhr\n\n\
         Der Gemeinderat hat nach einer fast fünfstündigen Debatte drei Velovorzugsrouten \
         beschlossen, die quer durch die Stadt führen sollen.\n\n\
         Abo\n\n\
         Lesen Sie weiter mit einem Abo\n\n\
         Sichern Sie sich jetzt den Zugang zu allen Artikeln der Zürcher Tagespost – im \
         ersten Monat für nur 1 Franken.\n\n\
         Jetzt abonnieren\n\n\
         Newsletter «Zürich am Morgen»\n\n\
         Mehr zum Thema\n\n\
         Stadtrat legt neue Velostrategie vor\n\
         14.05.2019\n",
    );
    assert_eq!(
        f.title.as_deref(),
        Some("Zürich baut Velorouten quer durch die Stadt – und opfert dafür 400 Parkplätze")
    );
    assert!(!f.body.contains("Sichern Sie sich"), "{}", f.body);
}

#[test]
fn a_menu_opening_on_home_is_no_headline() {
    // A newsletter platform's top bar: the publication's name twice, sign-in links, then
    // its menu opening on `Home`, with a tab named after a feature of the site.
    let t = title_below(
        "The Ledger Line\n\nThe Ledger Line\n\nSubscribe Sign in\n\
         Home Notes Archive Downgrade Tracker About",
    );
    assert_eq!(t.as_deref(), Some(ROBBERY));
}

#[test]
fn a_list_of_dated_teasers_below_the_story_heads_no_header() {
    // A regional broadcaster's item: headline and story with no dateline near them, the
    // date at the foot, then `Mehr aus Kärnten`: teasers of headline, summary and date.
    let teaser = |h: &str, d: &str| {
        format!(
            "{h}\n\nDer Landtag hat am Donnerstag über die Pläne beraten, eine Entscheidung \
             soll es im Dezember geben.\n\n{d}\n\n"
        )
    };
    let page = format!(
        "Zum Inhalt\n\n  • News\n  • TV\n  • Radio\n\nPolitik\n\n\
         Gemeinden sparen bei Weihnachtsbeleuchtung\n\n\
         Angesichts der hohen Energiepreise schränken viele Kärntner Gemeinden heuer die \
         Weihnachtsbeleuchtung ein. Manche verzichten ganz darauf.\n\n\
         In Klagenfurt wird die Beleuchtung in der Innenstadt heuer erst am 25. November \
         eingeschaltet und um 22.00 Uhr abgedreht, hieß es aus dem Rathaus.\n\n\
         red, kaernten.LRF.at/Agenturen\n\nDrucken Teilen E-Mail\nPubliziert am 03.11.2022\n\n\
         Mehr aus Kärnten\n\n{}{}{}",
        teaser("Teuerung: Ansturm auf Sozialmärkte", "03.11.2022"),
        teaser("Lkw-Unfall auf A10: Tauernautobahn gesperrt", "02.11.2022"),
        teaser("KAC gewinnt Derby gegen den VSV", "01.11.2022"),
    );
    assert_eq!(
        extract(&page).title.as_deref(),
        Some("Gemeinden sparen bei Weihnachtsbeleuchtung")
    );
}

#[test]
fn a_menu_entry_beside_the_masthead_date_is_no_byline() {
    // The day's date over the masthead's menu, its first entry two capitalised words; a
    // story that names no author.
    let f = extract(
        "segunda-feira, fevereiro 12, 2024\n\n  • Ficha Técnica\n  • Estatuto Editorial\n\
         \x20 • Assinaturas\n  • Contactos\n\nSociedade\n\n\
         Falta de auxiliares obriga escola a fechar pavilhão e bar\n\n\
         A escola sede do agrupamento tem mais de uma dezena de auxiliares de baixa e \
         fechou esta semana o pavilhão e o bar, disse a direção.\n\n\
         Os pais queixam-se de que os alunos ficam sem sítio para estar nos intervalos e \
         pedem ao ministério que reforce o pessoal antes do fim do período.\n",
    );
    assert_eq!(f.byline, None);
}
