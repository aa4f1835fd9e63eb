//! Shapes found on real pages saved as text: Russian and Indonesian dates, Romance
//! weekday-date-time lines, French `8h05`, small-letter zones after `am`/`pm`, junk glued
//! after the year, CNN's time-first stamp with a second zone, and full-width digits.

use super::*;

#[test]
fn russian() {
    both(&[
        ("24 сентября 2018", "2018-09-24T00:00:00Z", Day),
        ("1 января 2020 г.", "2020-01-01T00:00:00Z", Day),
        ("20 ноября 2019, 10:15", "2019-11-20T10:15:00Z", Minute),
        ("среда, 20 ноября 2019", "2019-11-20T00:00:00Z", Day),
        (
            "20 ноября 2019 года в 10:15",
            "2019-11-20T10:15:00Z",
            Minute,
        ),
        (
            "20 нояб. 2019 г., 10:15 MSK",
            "2019-11-20T07:15:00Z",
            Minute,
        ),
        ("9 мая 2020", "2020-05-09T00:00:00Z", Day),
        ("Ноябрь 20, 2019", "2019-11-20T00:00:00Z", Day),
    ]);
    assert_eq!(parse("ноябрь 2019 г."), want("2019-11-01T00:00:00Z", Month));
    let whole = |t: &str| parse_whole_date_with_now(t, NOW).map(show);
    assert_eq!(whole("1 января 2020 г."), want("2020-01-01T00:00:00Z", Day));
    assert_eq!(
        label_kind("Опубликовано: 20 ноября 2019"),
        Some(DateLabel::Published)
    );
    assert_eq!(
        label_kind("Обновлено 21 ноября 2019"),
        Some(DateLabel::Updated)
    );
}

#[test]
fn indonesian() {
    both(&[
        ("20 November 2019", "2019-11-20T00:00:00Z", Day),
        ("5 Maret 2019", "2019-03-05T00:00:00Z", Day),
        ("17 Agustus 2019", "2019-08-17T00:00:00Z", Day),
        ("3 Desember 2019", "2019-12-03T00:00:00Z", Day),
        ("Rabu, 20 Mei 2020", "2020-05-20T00:00:00Z", Day),
        ("Kamis, 21 Nopember 2019", "2019-11-21T00:00:00Z", Day),
        (
            "Senin, 18 Nov 2019 pukul 10.15 WIB",
            "2019-11-18T03:15:00Z",
            Minute,
        ),
        ("20 Agt 2019 14:00 WITA", "2019-08-20T06:00:00Z", Minute),
    ]);
    assert_eq!(
        label_kind("Diperbarui pada 21 November 2019"),
        Some(DateLabel::Updated)
    );
}

#[test]
fn romance_weekday_date_and_time() {
    both(&[
        (
            "segunda-feira, 22 de janeiro de 2018 às 0:13",
            "2018-01-22T00:13:00Z",
            Minute,
        ),
        ("22 de outubro de 2010", "2010-10-22T00:00:00Z", Day),
        (
            "lunes, 22 de enero de 2018 a las 0:13",
            "2018-01-22T00:13:00Z",
            Minute,
        ),
        (
            "lunedì 22 gennaio 2018 alle 0:13",
            "2018-01-22T00:13:00Z",
            Minute,
        ),
    ]);
}

#[test]
fn french_hour_times() {
    both(&[
        ("20 novembre 2019 à 8h05", "2019-11-20T08:05:00Z", Minute),
        ("20 novembre 2019 à 10h15", "2019-11-20T10:15:00Z", Minute),
        (
            "mercredi 20 novembre 2019, 10h15",
            "2019-11-20T10:15:00Z",
            Minute,
        ),
    ]);
    // "et" after an h-time is French "and", not Eastern time.
    assert_eq!(
        find("le 20 novembre 2019 à 10h et à 12h"),
        want("2019-11-20T10:00:00Z", Minute)
    );
}

#[test]
fn small_letter_zone_only_after_am_pm() {
    both(&[
        ("Nov 20, 2019 10:18am ist", "2019-11-20T04:48:00Z", Minute),
        ("Nov 20, 2019 5:30 pm est", "2019-11-20T22:30:00Z", Minute),
        ("5:30 pm est, Nov 20, 2019", "2019-11-20T22:30:00Z", Minute),
    ]);
    // Without am/pm, in two letters, or as "west", a small word stays prose.
    assert_eq!(
        find("20 Nov 2019 10:15 ist gut"),
        want("2019-11-20T10:15:00Z", Minute)
    );
    assert_eq!(
        find("Nov 20, 2019 5 pm et al."),
        want("2019-11-20T17:00:00Z", Minute)
    );
    assert_eq!(
        find("Nov 20, 2019 5 pm west of town"),
        want("2019-11-20T17:00:00Z", Minute)
    );
}

#[test]
fn junk_glued_after_the_year() {
    assert_eq!(
        find("October 12, 2018/0 Comments"),
        want("2018-10-12T00:00:00Z", Day)
    );
    assert_eq!(
        parse("October 12, 2018/0 Comments"),
        want("2018-10-12T00:00:00Z", Day)
    );
    assert_eq!(
        find("12 October 2018/12 comments"),
        want("2018-10-12T00:00:00Z", Day)
    );
    assert_eq!(find("Nov 19, 2019|"), want("2019-11-19T00:00:00Z", Day));
    assert_eq!(
        find("Nov 19, 2019|Politics"),
        want("2019-11-19T00:00:00Z", Day)
    );
    // Shown on a page, the junk still makes it no bare date.
    assert_eq!(
        parse_whole_date_with_now("October 12, 2018/0 Comments", NOW),
        None
    );
    // A longer number run is not junk: it is read as its own date.
    assert_eq!(
        find("October 12, 2018/01/02"),
        want("2018-01-02T00:00:00Z", Day)
    );
}

#[test]
fn time_and_two_zones_before_the_date() {
    both(&[(
        "1909 GMT (0309 HKT) November 18, 2019",
        "2019-11-18T19:09:00Z",
        Minute,
    )]);
    assert_eq!(
        find("Updated 1909 GMT (0309 HKT) November 18, 2019"),
        want("2019-11-18T19:09:00Z", Minute)
    );
    // Four digits before a zone that are no time, or with no date after them.
    assert_eq!(
        find("1987 GMT (0309 HKT) November 18, 2019"),
        want("2019-11-18T00:00:00Z", Day)
    );
    assert_eq!(find("1909 GMT and then nothing"), None);
}

#[test]
fn dates_without_a_year_are_not_dates() {
    let line = "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM";
    assert_eq!(find(line), None);
    assert_eq!(parse(line), None);
    assert!(find_labeled_dates_with_now(line, NOW).is_empty());
    assert_eq!(find("Posted Nov 18, 8:19 PM"), None);
}

#[test]
fn full_width_digits() {
    both(&[
        ("２０１９年１１月２０日", "2019-11-20T00:00:00Z", Day),
        (
            "２０１９年１１月２０日　１０：１５",
            "2019-11-20T10:15:00Z",
            Minute,
        ),
        ("２０１９－１１－２０", "2019-11-20T00:00:00Z", Day),
    ]);
    assert_eq!(
        find("記事 ２０１９年１１月２０日 配信"),
        want("2019-11-20T00:00:00Z", Day)
    );
}
