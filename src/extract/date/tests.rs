//! The accepted shapes end to end, through the public functions with a fixed year.

use super::*;
use DatePrecision::{Day, Minute, Month, Second};

mod labels;
mod languages;
mod no_panic;
mod real_pages;

const NOW: i32 = 2026;

type Got = Option<(String, DatePrecision)>;

/// The moment in UTC (the offset the source wrote is checked in `the_source_offset_is_kept`).
fn show(d: ArticleDate) -> (String, DatePrecision) {
    let u = d.at.to_offset(UtcOffset::UTC);
    let s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        u.year(),
        u8::from(u.month()),
        u.day(),
        u.hour(),
        u.minute(),
        u.second()
    );
    (s, d.precision)
}

fn parse(text: &str) -> Got {
    parse_date_with_now(text, NOW).map(show)
}

fn find(text: &str) -> Got {
    find_date_with_now(text, NOW).map(show)
}

fn want(s: &str, p: DatePrecision) -> Got {
    Some((s.to_string(), p))
}

/// Each case must parse whole and also be found inside a line.
fn both(cases: &[(&str, &str, DatePrecision)]) {
    for &(text, expected, precision) in cases {
        assert_eq!(
            parse(text),
            want(expected, precision),
            "parse_date({text:?})"
        );
        let line = format!("By Jane Doe | {text}");
        assert_eq!(
            find(&line),
            want(expected, precision),
            "find_date({line:?})"
        );
    }
}

#[test]
fn whole_dates_as_shown_on_pages() {
    let whole = |t: &str| parse_whole_date_with_now(t, NOW).map(show);
    for (text, expected, precision) in [
        (
            "Published 10:40 PM EST Mar 8, 2021",
            "2021-03-09T03:40:00Z",
            Minute,
        ),
        ("March 8, 2021, 8:15 AM", "2021-03-08T08:15:00Z", Minute),
        (
            "on Monday, March 8th, 2021 at 10:20 a.m.",
            "2021-03-08T10:20:00Z",
            Minute,
        ),
        (
            "Published: Monday, March 8, 2021",
            "2021-03-08T00:00:00Z",
            Day,
        ),
        ("March 8, 2021 - 09:45 AMT", "2021-03-08T09:45:00Z", Minute),
        ("| Mar. 8, 2021 6:05 AM EST", "2021-03-08T11:05:00Z", Minute),
    ] {
        assert_eq!(whole(text), want(expected, precision), "{text:?}");
    }
    for text in [
        "Mar 8, 2021 | 5 comments",
        "March 8, 2021 in a letter to the council",
        "By Jane Doe on March 8, 2021",
        "Mar 8, 2021 AMT",
        "3 days ago",
        "",
    ] {
        assert_eq!(whole(text), None, "{text:?}");
    }
}

#[test]
fn english_named_months() {
    both(&[
        ("January 22, 2014, 5:30 am", "2014-01-22T05:30:00Z", Minute),
        ("Jan 22, 2014", "2014-01-22T00:00:00Z", Day),
        ("22 Jan 2014", "2014-01-22T00:00:00Z", Day),
        ("22 January 2014", "2014-01-22T00:00:00Z", Day),
        ("22 Jan. 2014", "2014-01-22T00:00:00Z", Day),
        ("JAN 22 2014", "2014-01-22T00:00:00Z", Day),
        ("Sept. 3, 2019", "2019-09-03T00:00:00Z", Day),
        ("Sep 3, 2019", "2019-09-03T00:00:00Z", Day),
        ("January 22nd, 2014", "2014-01-22T00:00:00Z", Day),
        ("22nd of January 2014", "2014-01-22T00:00:00Z", Day),
        ("1st May 2015", "2015-05-01T00:00:00Z", Day),
        ("22 Jan '14", "2014-01-22T00:00:00Z", Day),
    ]);
}

#[test]
fn rfc_2822_and_weekday_forms() {
    both(&[
        (
            "Tuesday, 3 March 2019 14:05 GMT",
            "2019-03-03T14:05:00Z",
            Minute,
        ),
        (
            "Tue, 03 Mar 2019 14:05:00 +0100",
            "2019-03-03T13:05:00Z",
            Second,
        ),
        (
            "Sun, 03 Mar 2019 14:05:00 -0000",
            "2019-03-03T14:05:00Z",
            Second,
        ),
    ]);
}

#[test]
fn asctime_and_unix_date() {
    both(&[
        ("Wed Nov 20 15:23:00 2019", "2019-11-20T15:23:00Z", Second),
        (
            "Wed Nov 20 15:23:00 EST 2019",
            "2019-11-20T20:23:00Z",
            Second,
        ),
    ]);
    // A day and month with a time but no year is no date; nor is a time then a count, or
    // a time without seconds in prose.
    assert_eq!(find("Nov 20 15:23:00 in the evening"), None);
    assert_eq!(find("Nov 20 15:23:00 2019.5 million"), None);
    assert_eq!(
        find("Polls opened on May 5 at 7:30 2000 stations reported"),
        None
    );
    assert_eq!(find("March 3 - 10.30 1999"), None);
}

#[test]
fn iso_8601() {
    both(&[
        ("2014-01-22T05:30:00+08:00", "2014-01-21T21:30:00Z", Second),
        ("2014-01-22T05:30:00Z", "2014-01-22T05:30:00Z", Second),
        (
            "2014-01-22T05:30:00.123456Z",
            "2014-01-22T05:30:00Z",
            Second,
        ),
        ("2014-01-22T05:30-05:00", "2014-01-22T10:30:00Z", Minute),
        ("2014-01-22 05:30", "2014-01-22T05:30:00Z", Minute),
        ("2014-01-22", "2014-01-22T00:00:00Z", Day),
        ("2014/01/22", "2014-01-22T00:00:00Z", Day),
    ]);
}

#[test]
fn compact_iso() {
    both(&[
        ("20151210T191044Z", "2015-12-10T19:10:44Z", Second),
        ("20151210T191044+0100", "2015-12-10T18:10:44Z", Second),
        ("20151210T1910", "2015-12-10T19:10:00Z", Minute),
    ]);
    assert_eq!(parse("20151210"), want("2015-12-10T00:00:00Z", Day));
    // In prose an eight-digit number is more likely an id.
    assert_eq!(find("Order 20151210 shipped"), None);
}

#[test]
fn partial_dates_only_in_parse_date() {
    let cases = [
        ("2014-01", "2014-01-01T00:00:00Z", DatePrecision::Month),
        ("March 2019", "2019-03-01T00:00:00Z", DatePrecision::Month),
        (
            "marzo de 2019",
            "2019-03-01T00:00:00Z",
            DatePrecision::Month,
        ),
        (
            "Dezember 2018.",
            "2018-12-01T00:00:00Z",
            DatePrecision::Month,
        ),
        ("2014", "2014-01-01T00:00:00Z", DatePrecision::Year),
        ("Date: 2014", "2014-01-01T00:00:00Z", DatePrecision::Year),
    ];
    for (text, expected, precision) in cases {
        assert_eq!(parse(text), want(expected, precision), "{text:?}");
        assert_eq!(find(text), None, "{text:?}");
    }
    assert_eq!(parse("2014 World Cup"), None);
    assert_eq!(parse("March 2019 was cold"), None);
    assert_eq!(parse("1987-88 season"), None);
}

#[test]
fn reuters_sgml_dates() {
    both(&[
        ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z", Second),
        (" 26-FEB-1987  15:01:01.79", "1987-02-26T15:01:01Z", Second),
        (
            "5-MAR-1987 09:01:33.21&#5;&#5;&#5;RM",
            "1987-03-05T09:01:33Z",
            Second,
        ),
        ("26-FEB-87", "1987-02-26T00:00:00Z", Day),
    ]);
}

#[test]
fn german() {
    both(&[
        ("3. März 2019", "2019-03-03T00:00:00Z", Day),
        ("3. Maerz 2019", "2019-03-03T00:00:00Z", Day),
        ("3. MÄRZ 2019", "2019-03-03T00:00:00Z", Day),
        ("3. Ma\u{0308}rz 2019", "2019-03-03T00:00:00Z", Day),
        (
            "12. Dezember 2018 um 14:30 Uhr",
            "2018-12-12T14:30:00Z",
            Minute,
        ),
        (
            "Dienstag, 5. Februar 2019, 9 Uhr MEZ",
            "2019-02-05T08:00:00Z",
            Minute,
        ),
        ("1. Okt. 2020 14:30 MESZ", "2020-10-01T12:30:00Z", Minute),
    ]);
    assert_eq!(
        parse("Stand: 12.12.2018"),
        want("2018-12-12T00:00:00Z", Day)
    );
    assert_eq!(
        parse("Veröffentlicht am 3. März 2019"),
        want("2019-03-03T00:00:00Z", Day)
    );
}

#[test]
fn french() {
    both(&[
        ("3 mars 2019", "2019-03-03T00:00:00Z", Day),
        ("1er janvier 2020", "2020-01-01T00:00:00Z", Day),
        ("22 février 2014 à 17h30", "2014-02-22T17:30:00Z", Minute),
        ("22 fevrier 2014 a 17h30", "2014-02-22T17:30:00Z", Minute),
        ("15 août 2017", "2017-08-15T00:00:00Z", Day),
        (
            "mardi 3 décembre 2019 à 10 h 15",
            "2019-12-03T10:15:00Z",
            Minute,
        ),
        ("4 janv. 2021", "2021-01-04T00:00:00Z", Day),
    ]);
    assert_eq!(
        parse("Publié le 3 mars 2019"),
        want("2019-03-03T00:00:00Z", Day)
    );
    // Lower-case "et" is French "and", not Eastern time.
    assert_eq!(
        parse("22 février 2014 à 17h30 et demain"),
        want("2014-02-22T17:30:00Z", Minute)
    );
}

#[test]
fn spanish() {
    both(&[
        ("3 de marzo de 2019", "2019-03-03T00:00:00Z", Day),
        (
            "22 de enero de 2014 a las 17:30",
            "2014-01-22T17:30:00Z",
            Minute,
        ),
        (
            "martes, 3 de setiembre de 2019",
            "2019-09-03T00:00:00Z",
            Day,
        ),
        ("1º de diciembre de 2020", "2020-12-01T00:00:00Z", Day),
    ]);
    assert_eq!(
        parse("Publicado el 3 de marzo de 2019"),
        want("2019-03-03T00:00:00Z", Day)
    );
}

#[test]
fn labels_are_ignored() {
    let cases = [
        (
            "Updated: January 22, 2014 5:30 pm ET",
            "2014-01-22T22:30:00Z",
            Minute,
        ),
        ("Published on 22 Jan 2014", "2014-01-22T00:00:00Z", Day),
        ("Posted: Jan 22, 2014", "2014-01-22T00:00:00Z", Day),
        (
            "Last updated 22 January 2014 at 10:05",
            "2014-01-22T10:05:00Z",
            Minute,
        ),
        ("Date: 2014-01-22", "2014-01-22T00:00:00Z", Day),
        (
            "  Updated - Tuesday, 3 March 2019",
            "2019-03-03T00:00:00Z",
            Day,
        ),
    ];
    for (text, expected, precision) in cases {
        assert_eq!(parse(text), want(expected, precision), "{text:?}");
        assert_eq!(find(text), want(expected, precision), "{text:?}");
    }
    assert_eq!(parse("By John Smith, January 22, 2014"), None);
}

#[test]
fn times() {
    both(&[
        ("Jan 22, 2014 at 5:30 pm", "2014-01-22T17:30:00Z", Minute),
        ("Jan 22, 2014 at 5:30 p.m.", "2014-01-22T17:30:00Z", Minute),
        ("Jan 22, 2014 5:30 P.M. EST", "2014-01-22T22:30:00Z", Minute),
        ("Jan 22, 2014, 5:30PM", "2014-01-22T17:30:00Z", Minute),
        ("Jan 22, 2014 5 pm", "2014-01-22T17:00:00Z", Minute),
        ("22 Jan 2014 17:30", "2014-01-22T17:30:00Z", Minute),
        ("22 Jan 2014 - 17:30", "2014-01-22T17:30:00Z", Minute),
        ("22 Jan 2014 at noon", "2014-01-22T12:00:00Z", Minute),
        ("22 Jan 2014 midnight", "2014-01-22T00:00:00Z", Minute),
        ("22 Jan 2014 12:15 am", "2014-01-22T00:15:00Z", Minute),
        ("22 Jan 2014 12:15 pm", "2014-01-22T12:15:00Z", Minute),
        ("22 Jan 2014 @ 08:00:59", "2014-01-22T08:00:59Z", Second),
        // Spanish writes the meridiem spaced (`p. m.`); German sites glue the time on
        // with a hyphen.
        (
            "27 de septiembre de 2023 06:05 p. m.",
            "2023-09-27T18:05:00Z",
            Minute,
        ),
        (
            "27 de septiembre de 2023 - 10:40 a. m.",
            "2023-09-27T10:40:00Z",
            Minute,
        ),
        ("19.09.2023-14:32", "2023-09-19T14:32:00Z", Minute),
    ]);
    // Numbers after a date that are not times leave the date alone.
    assert_eq!(
        parse("22 Jan 2014 12 people"),
        want("2014-01-22T00:00:00Z", Day)
    );
    assert_eq!(
        parse("22 Jan 2014 12.5 million"),
        want("2014-01-22T00:00:00Z", Day)
    );
}

#[test]
fn time_before_date() {
    both(&[
        (
            "1:03 PM ET, Wed January 22, 2014",
            "2014-01-22T18:03:00Z",
            Minute,
        ),
        ("10:00 GMT, 22 Jan 2014", "2014-01-22T10:00:00Z", Minute),
    ]);
    assert_eq!(
        find("Updated 1:03 PM ET, Wed January 22, 2014"),
        want("2014-01-22T18:03:00Z", Minute)
    );
}

#[test]
fn numeric_day_month_order() {
    both(&[
        ("22.01.2014", "2014-01-22T00:00:00Z", Day),
        ("03.04.2014", "2014-04-03T00:00:00Z", Day),
        ("01/22/2014", "2014-01-22T00:00:00Z", Day),
        ("04/03/2014", "2014-04-03T00:00:00Z", Day),
        ("1/22/14", "2014-01-22T00:00:00Z", Day),
        ("22/01/2014", "2014-01-22T00:00:00Z", Day),
        ("22-01-2014", "2014-01-22T00:00:00Z", Day),
        ("01/04/63", "1963-01-04T00:00:00Z", Day),
        ("22.01.2014 14:30", "2014-01-22T14:30:00Z", Minute),
        ("22.01.14", "2014-01-22T00:00:00Z", Day),
    ]);
    assert_eq!(parse("13/13/2014"), None);
}

#[test]
fn two_digit_years_pivot_on_next_year() {
    assert_eq!(parse("1/22/27"), want("2027-01-22T00:00:00Z", Day));
    assert_eq!(parse("1/22/28"), want("1928-01-22T00:00:00Z", Day));
    assert_eq!(parse("1/22/00"), want("2000-01-22T00:00:00Z", Day));
    assert_eq!(
        parse_date_with_now("1/22/99", 1998).map(show),
        want("1999-01-22T00:00:00Z", Day)
    );
    assert_eq!(
        parse_date_with_now("1/22/00", 1998).map(show),
        want("1900-01-22T00:00:00Z", Day)
    );
}

#[test]
fn zones_convert_to_utc() {
    let cases = [
        ("UTC", "12:00"),
        ("GMT", "12:00"),
        ("Z", "12:00"),
        ("BST", "11:00"),
        ("CET", "11:00"),
        ("CEST", "10:00"),
        ("EET", "10:00"),
        ("EEST", "09:00"),
        ("MEZ", "11:00"),
        ("MESZ", "10:00"),
        ("EST", "17:00"),
        ("EDT", "16:00"),
        ("ET", "17:00"),
        ("CST", "18:00"),
        ("CDT", "17:00"),
        ("MST", "19:00"),
        ("MDT", "18:00"),
        ("PST", "20:00"),
        ("PDT", "19:00"),
        ("IST", "06:30"),
        ("JST", "03:00"),
        ("AEST", "02:00"),
        ("AEDT", "01:00"),
        ("HKT", "04:00"),
        ("SGT", "04:00"),
        ("+0800", "04:00"),
        ("+08:00", "04:00"),
        ("-05", "17:00"),
        ("GMT+1", "11:00"),
        ("UTC+05:30", "06:30"),
        ("utc", "12:00"),
    ];
    for (zone, utc) in cases {
        let text = format!("22 Jan 2014 12:00 {zone}");
        let expected = format!("2014-01-22T{utc}:00Z");
        assert_eq!(parse(&text), want(&expected, Minute), "{text:?}");
    }
    // No zone: the wall-clock time is taken as UTC; a zone on a bare date is ignored.
    assert_eq!(
        parse("22 Jan 2014 12:00"),
        want("2014-01-22T12:00:00Z", Minute)
    );
    assert_eq!(parse("22 Jan 2014 PST"), want("2014-01-22T00:00:00Z", Day));
    // Conversion can cross a year boundary.
    assert_eq!(
        parse("1 Jan 2014 00:30 CET"),
        want("2013-12-31T23:30:00Z", Minute)
    );
}

#[test]
fn implausible_or_impossible_dates_are_rejected() {
    for text in [
        "0001-01-01",
        "0001-01-01T00:00:00Z",
        "9999-12-31",
        "1799-12-31",
        "2028-01-01",
        "2014-02-30",
        "30 February 2014",
        "2014-13-01",
        "2014-01-32",
        "2014-01-22 25:00",
        "2014-01-22T23:60:00Z",
        "Jan 22, 2014 13:30 am",
        "32.01.2014",
        "",
        "   ",
        "hello world",
        "17:30",
    ] {
        assert_eq!(parse(text), None, "parse {text:?}");
        assert_eq!(find(text), None, "find {text:?}");
    }
    assert_eq!(parse("1800-01-01"), want("1800-01-01T00:00:00Z", Day));
    assert_eq!(parse("2027-12-31"), want("2027-12-31T00:00:00Z", Day));
    assert_eq!(parse("2016-02-29"), want("2016-02-29T00:00:00Z", Day));
}

#[test]
fn find_in_lines() {
    let cases = [
        (
            "By John Smith | January 22, 2014",
            "2014-01-22T00:00:00Z",
            Day,
        ),
        (
            "WASHINGTON, April 30, 1987 (Reuters) -",
            "1987-04-30T00:00:00Z",
            Day,
        ),
        (
            "Posted by admin on 3 March 2019 at 10:00",
            "2019-03-03T10:00:00Z",
            Minute,
        ),
        (
            "Friday 12 December 2003 09.34 GMT",
            "2003-12-12T09:34:00Z",
            Minute,
        ),
        (
            "Sources said on Monday, Jan. 22, 2014, that",
            "2014-01-22T00:00:00Z",
            Day,
        ),
        (
            "First 1 May 2014, then 2 May 2014",
            "2014-05-01T00:00:00Z",
            Day,
        ),
    ];
    for (text, expected, precision) in cases {
        assert_eq!(find(text), want(expected, precision), "{text:?}");
    }
}

#[test]
fn find_ignores_numbers_in_prose() {
    for text in [
        "He was born in 1987 and has 22 children",
        "the 2014 World Cup",
        "In March 2019 the team won",
        "In March 22 people died",
        "Server 10.1.1.25 is down",
        "Version 1.2.33 released",
        "Call 555-12-2014 now",
        "Page 3 of 12, 2014 edition",
    ] {
        assert_eq!(find(text), None, "{text:?}");
    }
}

#[test]
fn find_reads_only_the_start() {
    let text = format!("{} 22 Jan 2014", "x".repeat(400));
    assert_eq!(find(&text), None);
    let text = format!("{} 22 Jan 2014", "é".repeat(250));
    assert_eq!(find(&text), want("2014-01-22T00:00:00Z", Day));
}

#[test]
fn anpa_trailer_hhmm_glued_to_a_zone() {
    both(&[
        ("11-13-13 1509GMT", "2013-11-13T15:09:00Z", Minute),
        ("02-10-16 0423GMT", "2016-02-10T04:23:00Z", Minute),
        ("22 Jan 2014 0530Z", "2014-01-22T05:30:00Z", Minute),
        ("22 Jan 2014 1200CET", "2014-01-22T11:00:00Z", Minute),
    ]);
    assert_eq!(
        find("AP-WF-11-13-13 1509GMT"),
        want("2013-11-13T15:09:00Z", Minute)
    );
    // Not a time: an impossible HHMM rejects the date, like "25:00"; four digits
    // standing apart from the zone or glued to a word that is no zone stay a number.
    assert_eq!(parse("11-13-13 2575GMT"), None);
    assert_eq!(
        parse("11-13-13 1509 GMT"),
        want("2013-11-13T00:00:00Z", Day)
    );
    assert_eq!(
        parse("11-13-13 1509gmtx"),
        want("2013-11-13T00:00:00Z", Day)
    );
    assert_eq!(find("Flight 1509GMT leaves"), None);
}

#[test]
fn iptc_7901_stamp() {
    both(&[
        ("131137 GMT Nov 13", "2013-11-13T11:37:00Z", Minute),
        ("071341 GMT Okt 15", "2015-10-07T13:41:00Z", Minute),
        ("212322 GMT Nov 18 ", "2018-11-21T23:22:00Z", Minute),
        ("010905 UTC Jan 2019", "2019-01-01T09:05:00Z", Minute),
        ("131137 CET Nov 13", "2013-11-13T10:37:00Z", Minute),
    ]);
    // dpa sometimes leaves out the zone: only a whole field is read that way.
    assert_eq!(parse("211259 Nov 18"), want("2018-11-21T12:59:00Z", Minute));
    assert_eq!(find("By Jane Doe | 211259 Nov 18"), None);
    for text in [
        "321137 GMT Nov 13",
        "132537 GMT Nov 13",
        "131160 GMT Nov 13",
        "131137 GMT Nov 1",
        "131137 GMT Nov 13.5",
        "131137 GMT Nov",
        "1311377 GMT Nov 13",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
        assert_eq!(find(text), None, "{text:?}");
    }
}

#[test]
fn two_digit_year_after_a_month_name_needs_a_time() {
    both(&[
        ("7 Oct 15 13:41 GMT", "2015-10-07T13:41:00Z", Minute),
        ("21 November 18 23:22", "2018-11-21T23:22:00Z", Minute),
    ]);
    assert_eq!(parse("7 Oct 15"), None);
    assert_eq!(find("7 Oct 15"), None);
}

#[test]
fn wire_shapes_do_not_fire_on_prose() {
    for text in [
        "On 7 Oct 15 people were hurt",
        "On 7 Oct 15 13 people were hurt",
        "The fund raised 131137 euros in Nov 13 days later",
        "Order 211259 Nov 18 shipped",
        "He scored 1509 points in 11-13 games",
        "Room 1509 GMT Nov 13",
        "Exit 7 Oct 15:30",
    ] {
        assert_eq!(find(text), None, "{text:?}");
    }
}

#[test]
fn precision_orders_from_coarse_to_fine() {
    assert!(DatePrecision::Year < DatePrecision::Month);
    assert!(DatePrecision::Month < Day);
    assert!(Day < Minute);
    assert!(Minute < Second);
}

#[test]
fn plain_functions_use_the_current_year() {
    assert!(parse_date("2014-01-22").is_some());
    assert!(find_date("on 2014-01-22").is_some());
    assert_eq!(parse_date("9999-01-01"), None);
}

#[test]
fn the_source_offset_is_kept() {
    let local = |text: &str| parse_date_with_now(text, NOW).map(|d| crate::article::rfc3339(d.at));
    assert_eq!(
        local("November 18, 2019 7:05 PM EST").as_deref(),
        Some("2019-11-18T19:05:00-05:00")
    );
    assert_eq!(
        local("2019-11-07T09:30:00+05:30").as_deref(),
        Some("2019-11-07T09:30:00+05:30")
    );
    assert_eq!(
        local("18.11.2019 19:05 MEZ").as_deref(),
        Some("2019-11-18T19:05:00+01:00")
    );
    assert_eq!(
        local("12 mars 2024 à 21 h 15 HAE").as_deref(),
        Some("2024-03-12T21:15:00-04:00")
    );
    // No zone printed: the clock as given, in UTC.
    assert_eq!(
        local("18 November 2019").as_deref(),
        Some("2019-11-18T00:00:00Z")
    );
}
