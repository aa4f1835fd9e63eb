//! Italian, Dutch, Portuguese, Scandinavian, Catalan, Polish, Czech, Slovak, Finnish,
//! Turkish, Romanian, Hungarian, South Slavic, Greek, Bulgarian, Ukrainian and Estonian
//! datelines, the CJK year-month-day, and the common web
//! forms newsroom pages print, end to end.

use super::*;

#[test]
fn italian() {
    both(&[
        ("27 giugno 2019", "2019-06-27T00:00:00Z", Day),
        ("mercoledì 20 novembre 2019", "2019-11-20T00:00:00Z", Day),
        ("Mercoledi, 20 novembre 2019", "2019-11-20T00:00:00Z", Day),
        ("1° gennaio 2020", "2020-01-01T00:00:00Z", Day),
        ("3 sett. 2018", "2018-09-03T00:00:00Z", Day),
        ("14 ott 2021, 18:05", "2021-10-14T18:05:00Z", Minute),
        (
            "giovedì 9 maggio 2019 alle ore 7:45",
            "2019-05-09T07:45:00Z",
            Minute,
        ),
        ("12 dic. 2017", "2017-12-12T00:00:00Z", Day),
        ("5 lug 2016", "2016-07-05T00:00:00Z", Day),
    ]);
    // "mar" is March and martedì: the month reading comes first.
    assert_eq!(
        parse("mar 19 novembre 2019"),
        want("2019-11-19T00:00:00Z", Day)
    );
    assert_eq!(parse("Mar 19, 2019"), want("2019-03-19T00:00:00Z", Day));
    assert_eq!(
        parse("Pubblicato il 4 febbraio 2020 alle 9:30"),
        want("2020-02-04T09:30:00Z", Minute)
    );
    assert_eq!(
        parse("Aggiornato il 4 febbraio 2020"),
        want("2020-02-04T00:00:00Z", Day)
    );
    assert_eq!(
        parse("Ultimo aggiornamento: 30 aprile 2021"),
        want("2021-04-30T00:00:00Z", Day)
    );
}

#[test]
fn dutch() {
    both(&[
        ("27 juni 2019", "2019-06-27T00:00:00Z", Day),
        ("woensdag 20 november 2019", "2019-11-20T00:00:00Z", Day),
        ("za 2 mrt. 2019", "2019-03-02T00:00:00Z", Day),
        ("8 maart 2020 om 14:20", "2020-03-08T14:20:00Z", Minute),
        ("31 mei 2018, 10.15 uur", "2018-05-31T10:15:00Z", Minute),
        ("vrijdag 15 augustus 2014", "2014-08-15T00:00:00Z", Day),
        ("1 okt 2022", "2022-10-01T00:00:00Z", Day),
    ]);
    assert_eq!(
        parse("Gepubliceerd op 12 januari 2021"),
        want("2021-01-12T00:00:00Z", Day)
    );
    assert_eq!(
        parse("Bijgewerkt op 22-01-2021 om 16:02"),
        want("2021-01-22T16:02:00Z", Minute)
    );
}

#[test]
fn portuguese() {
    both(&[
        ("27 de junho de 2019", "2019-06-27T00:00:00Z", Day),
        ("qua, 20 nov 2019", "2019-11-20T00:00:00Z", Day),
        (
            "quarta-feira, 20 de novembro de 2019",
            "2019-11-20T00:00:00Z",
            Day,
        ),
        ("sáb., 7 de março de 2020", "2020-03-07T00:00:00Z", Day),
        ("7 de marco de 2020", "2020-03-07T00:00:00Z", Day),
        (
            "2 de fevereiro de 2021 às 18:30",
            "2021-02-02T18:30:00Z",
            Minute,
        ),
        ("10 out. 2019, 9h05", "2019-10-10T09:05:00Z", Minute),
        ("1º de setembro de 2015", "2015-09-01T00:00:00Z", Day),
        ("25 dez 2018", "2018-12-25T00:00:00Z", Day),
    ]);
    assert_eq!(
        parse("Publicado em 3 de maio de 2017"),
        want("2017-05-03T00:00:00Z", Day)
    );
    assert_eq!(
        parse("Atualizado em 23/05/2017 - 14h22"),
        want("2017-05-23T14:22:00Z", Minute)
    );
    assert_eq!(
        parse("Terça-feira, 4 de julho de 2023"),
        want("2023-07-04T00:00:00Z", Day)
    );
}

#[test]
fn scandinavian_catalan_and_polish() {
    both(&[
        ("torsdag 18. februar 2010", "2010-02-18T00:00:00Z", Day),
        (
            "mandag, 08. oktober 2012 10:14",
            "2012-10-08T10:14:00Z",
            Minute,
        ),
        ("8 marts 2019", "2019-03-08T00:00:00Z", Day),
        ("lördag 3 augusti 2019", "2019-08-03T00:00:00Z", Day),
        ("12 maj 2020", "2020-05-12T00:00:00Z", Day),
        ("dijous, 14 de juny de 2006", "2006-06-14T00:00:00Z", Day),
        ("3 de març de 2021", "2021-03-03T00:00:00Z", Day),
        ("wtorek, 17 sierpnia 2021", "2021-08-17T00:00:00Z", Day),
        ("8 listopada 2022", "2022-11-08T00:00:00Z", Day),
    ]);
}

#[test]
fn central_european_finnish_turkish_and_romanian() {
    both(&[
        // Catalan elides `de` before a vowel.
        (
            "dimarts, 17 d'octubre de 2023 10:15",
            "2023-10-17T10:15:00Z",
            Minute,
        ),
        ("3 d’abril de 2024", "2024-04-03T00:00:00Z", Day),
        ("8. června 2009 10:47", "2009-06-08T10:47:00Z", Minute),
        ("pondělí 8. června 2009", "2009-06-08T00:00:00Z", Day),
        ("3. brezna 2021", "2021-03-03T00:00:00Z", Day),
        ("12. októbra 2018", "2018-10-12T00:00:00Z", Day),
        (
            "3. maaliskuuta 2021 klo 10.47",
            "2021-03-03T10:47:00Z",
            Minute,
        ),
        (
            "keskiviikko 3. maaliskuuta 2021",
            "2021-03-03T00:00:00Z",
            Day,
        ),
        ("3 Mart 2021 Çarşamba", "2021-03-03T00:00:00Z", Day),
        ("14 Kasım 2019", "2019-11-14T00:00:00Z", Day),
        ("miercuri, 3 martie 2021", "2021-03-03T00:00:00Z", Day),
        ("2021. március 3.", "2021-03-03T00:00:00Z", Day),
        ("2019. nov. 20. 10:15", "2019-11-20T10:15:00Z", Minute),
    ]);
    assert_eq!(
        parse("Publikováno: 8. června 2009"),
        want("2009-06-08T00:00:00Z", Day)
    );
    assert_eq!(parse("Červen 2009"), want("2009-06-01T00:00:00Z", Month));
    assert_eq!(
        parse("Julkaistu 3.3.2021 10:47"),
        want("2021-03-03T10:47:00Z", Minute)
    );
}

#[test]
fn south_slavic_greek_cyrillic_and_estonian() {
    both(&[
        ("3. ožujka 2021. u 10:47", "2021-03-03T10:47:00Z", Minute),
        ("srijeda, 17. travnja 2019.", "2019-04-17T00:00:00Z", Day),
        ("5. studenoga 2020", "2020-11-05T00:00:00Z", Day),
        ("3. marec 2021 ob 10.47", "2021-03-03T10:47:00Z", Minute),
        ("četrtek, 12. septembra 2019", "2019-09-12T00:00:00Z", Day),
        ("14. decembar 2018. u 9:05", "2018-12-14T09:05:00Z", Minute),
        ("03 Μαρτίου 2021, 10:47", "2021-03-03T10:47:00Z", Minute),
        ("Τετάρτη 3 Μαρτίου 2021", "2021-03-03T00:00:00Z", Day),
        ("ΤΕΤΑΡΤΗ 3 ΜΑΡΤΙΟΥ 2021", "2021-03-03T00:00:00Z", Day),
        ("3 март 2021 г.", "2021-03-03T00:00:00Z", Day),
        ("17 октомври 2019", "2019-10-17T00:00:00Z", Day),
        ("3 березня 2021 о 10:47", "2021-03-03T10:47:00Z", Minute),
        ("3. märts 2021", "2021-03-03T00:00:00Z", Day),
    ]);
    assert_eq!(
        parse("Objavljeno: 3. ožujka 2021."),
        want("2021-03-03T00:00:00Z", Day)
    );
    assert_eq!(
        parse("Δημοσιεύθηκε: 03 Μαρτίου 2021"),
        want("2021-03-03T00:00:00Z", Day)
    );
}

#[test]
fn listopad_is_october_only_after_a_dotted_day() {
    // Croatian writes `3. listopada 2021.` for October; Polish `3 listopada 2021` and
    // Czech `3. listopadu 2021` are November.
    assert_eq!(
        parse("3. listopada 2021."),
        want("2021-10-03T00:00:00Z", Day)
    );
    assert_eq!(parse("3 listopada 2021"), want("2021-11-03T00:00:00Z", Day));
    assert_eq!(
        parse("3. listopadu 2021"),
        want("2021-11-03T00:00:00Z", Day)
    );
    assert_eq!(
        find("Dnia 11. listopada 1918 r."),
        want("1918-11-11T00:00:00Z", Day)
    );
    // A sentence's full stop after the year links no time to it.
    assert_eq!(
        find("3 March 2020. 31:28"),
        want("2020-03-03T00:00:00Z", Day)
    );
    assert_eq!(
        find("on 3 March 2020. 10:47 update"),
        want("2020-03-03T00:00:00Z", Day)
    );
}

#[test]
fn cjk_year_month_day() {
    both(&[
        ("2019年11月20日", "2019-11-20T00:00:00Z", Day),
        ("2019年1月5日 14:30", "2019-01-05T14:30:00Z", Minute),
        ("2019 年 11 月 20 日", "2019-11-20T00:00:00Z", Day),
        ("2021년 3월 9일", "2021-03-09T00:00:00Z", Day),
    ]);
    // Written without spaces, in the middle of a Chinese dateline.
    assert_eq!(
        find("新华社北京2019年11月20日电"),
        want("2019-11-20T00:00:00Z", Day)
    );
    assert_eq!(parse("2019年11月"), want("2019-11-01T00:00:00Z", Month));
    assert_eq!(find("2019年11月"), None);
    assert_eq!(find("2019年11月20"), None);
    assert_eq!(find("他2019年去了"), None);
    assert_eq!(parse("2019年13月20日"), None);
    assert_eq!(parse("1700年11月20日"), None);
}

#[test]
fn common_web_forms() {
    both(&[
        (
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "2019-11-20T06:39:00Z",
            Minute,
        ),
        (
            "Published: 20.11.2019 10:15",
            "2019-11-20T10:15:00Z",
            Minute,
        ),
        ("Nov. 20, 2019", "2019-11-20T00:00:00Z", Day),
        ("2019-11-20", "2019-11-20T00:00:00Z", Day),
        ("20 November 2019 | 10:15", "2019-11-20T10:15:00Z", Minute),
        ("20/11/2019 - 10:15", "2019-11-20T10:15:00Z", Minute),
        (
            "November 20, 2019 at 10:15 a.m. ET",
            "2019-11-20T15:15:00Z",
            Minute,
        ),
        ("20.11.2019, 10:15 Uhr", "2019-11-20T10:15:00Z", Minute),
        (
            "le 20 novembre 2019 à 10h15",
            "2019-11-20T10:15:00Z",
            Minute,
        ),
        (
            "20 de noviembre de 2019, 10:15",
            "2019-11-20T10:15:00Z",
            Minute,
        ),
    ]);
}

#[test]
fn new_month_names_do_not_make_prose_dates() {
    for text in [
        "sold out 2019 tickets",
        "set 3 of 2019 records",
        "Marco 20 and 2019",
        "ma 20 in 2019",
        "the 2019 Gen 2 model",
        "Maja 20 and 2019",
        "la marca 20 del 2019",
        "sobota 3 bramki",
        "Mart 20 and 2019",
        "Augusta 3 to 2019",
        "Marta 3 and 2019",
        "Marta 12, 2019",
        "Juna 20 and 2019",
        "the 2019. 3 ekim",
        "Sales fell sharply in 2019. May 20 people lost their jobs",
        "It was sold in 2019. Mar 3 was the last day",
    ] {
        assert_eq!(find(text), None, "{text:?}");
    }
}

#[test]
fn words_and_numbers_glued_by_text_rendering() {
    both(&[
        ("Nov 15, 20195:45 AM", "2019-11-15T05:45:00Z", Minute),
        (
            "Published Tue, Nov 19 20197:05 AM EST",
            "2019-11-19T12:05:00Z",
            Minute,
        ),
        ("20 November 201910:15", "2019-11-20T10:15:00Z", Minute),
    ]);
    let both_dates = find_labeled_dates_with_now(
        "Published Tue, Nov 19 20197:05 AM ESTUpdated Tue, Nov 19 20197:16 AM EST",
        NOW,
    );
    let shown: Vec<_> = both_dates
        .into_iter()
        .map(|d| (show(d.date).0, d.label))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "2019-11-19T12:05:00Z".to_string(),
                Some(DateLabel::Published)
            ),
            ("2019-11-19T12:16:00Z".to_string(), Some(DateLabel::Updated)),
        ]
    );
    // Not after a day or a month, or not a plausible year and hour: left alone.
    for text in ["Order 20195:45", "Nov 15, 201925:45", "Nov 15, 17995:45"] {
        assert_eq!(find(text), None, "{text:?}");
    }
    assert_eq!(
        find("Posted on Maret 30, 2015 by Admin"),
        want("2015-03-30T00:00:00Z", Day)
    );
    // A post's published and updated dates printed without a space between them.
    let pair: Vec<_> =
        find_labeled_dates_with_now("Posted on 7th June 20169th June 2016 by Town Clerk", NOW)
            .into_iter()
            .map(|d| show(d.date).0)
            .collect();
    assert_eq!(pair, ["2016-06-07T00:00:00Z", "2016-06-09T00:00:00Z"]);
    assert_eq!(
        find("June 7, 20169 June 2016"),
        want("2016-06-07T00:00:00Z", Day)
    );
    // Not a day with its suffix or month: a number glued on stays whole.
    for text in ["7th June 20169 people", "7th June 201640th June"] {
        assert_eq!(find(text), None, "{text:?}");
    }
}
