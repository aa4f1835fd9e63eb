//! Labels before a date in seven languages, and whether they say published or updated.

use super::*;

const LABELS_BEFORE_20_NOV_2019: &[(&str, Option<DateLabel>)] = &[
    ("Published", Some(DateLabel::Published)),
    ("Published on", Some(DateLabel::Published)),
    ("Posted on", Some(DateLabel::Published)),
    ("First published", Some(DateLabel::Published)),
    ("Originally published:", Some(DateLabel::Published)),
    ("Updated", Some(DateLabel::Updated)),
    ("Last updated", Some(DateLabel::Updated)),
    ("Updated:", Some(DateLabel::Updated)),
    ("Veröffentlicht am", Some(DateLabel::Published)),
    ("Aktualisiert am", Some(DateLabel::Updated)),
    ("Zuletzt aktualisiert:", Some(DateLabel::Updated)),
    ("Stand:", Some(DateLabel::Updated)),
    ("Publié le", Some(DateLabel::Published)),
    ("Mis à jour le", Some(DateLabel::Updated)),
    ("Publicado el", Some(DateLabel::Published)),
    ("Actualizado", Some(DateLabel::Updated)),
    ("Pubblicato il", Some(DateLabel::Published)),
    ("Aggiornato il", Some(DateLabel::Updated)),
    ("Gepubliceerd op", Some(DateLabel::Published)),
    ("Bijgewerkt op", Some(DateLabel::Updated)),
    ("Publicado em", Some(DateLabel::Published)),
    ("Atualizado em", Some(DateLabel::Updated)),
    ("Date:", None),
    ("", None),
];

#[test]
fn labels_in_seven_languages_are_skipped_and_classified() {
    for &(label, kind) in LABELS_BEFORE_20_NOV_2019 {
        for date in ["20.11.2019", "20 Nov 2019", "Wednesday, 20/11/2019 10:15"] {
            let text = format!("{label} {date}");
            let p = parse_date_with_now(&text, NOW).map(show);
            assert_eq!(
                p.map(|(s, _)| s.get(..10).map(str::to_string)),
                Some(Some("2019-11-20".to_string())),
                "parse_date({text:?})"
            );
            assert_eq!(
                parse_whole_date_with_now(&text, NOW).map(|d| d.at.day()),
                Some(20),
                "parse_whole_date({text:?})"
            );
            assert!(find(&text).is_some(), "find_date({text:?})");
            assert_eq!(label_kind(&text), kind, "label_kind({text:?})");
        }
    }
}

#[test]
fn label_kind_reads_the_words_before_the_first_date() {
    assert_eq!(
        label_kind("Updated 1:39 am EST, Wednesday, November 20, 2019"),
        Some(DateLabel::Updated)
    );
    assert_eq!(
        label_kind("By Jane Doe | Updated - Tuesday, 3 March 2019"),
        Some(DateLabel::Updated)
    );
    assert_eq!(
        label_kind("Published 20 Nov 2019, updated 21 Nov 2019"),
        Some(DateLabel::Published)
    );
    // Without a date, the label the text starts with.
    assert_eq!(label_kind("Last updated:"), Some(DateLabel::Updated));
    assert_eq!(label_kind("Posted by admin"), Some(DateLabel::Published));
    // A name between the label and the date ends the label.
    assert_eq!(label_kind("Updated by Jane Doe, 20 Nov 2019"), None);
    assert_eq!(label_kind("By Jane Doe | 20 Nov 2019"), None);
    assert_eq!(label_kind("the updated 2019 rules"), None);
    assert_eq!(label_kind(""), None);
}

fn labeled(text: &str) -> Vec<(String, Option<DateLabel>)> {
    find_labeled_dates_with_now(text, NOW)
        .into_iter()
        .map(|d| (show(d.date).0, d.label))
        .collect()
}

#[test]
fn every_date_of_a_line_with_its_label() {
    assert_eq!(
        labeled("Published 20 Nov 2019 10:15, updated 21 Nov 2019 08:00 GMT"),
        [
            (
                "2019-11-20T10:15:00Z".to_string(),
                Some(DateLabel::Published)
            ),
            ("2019-11-21T08:00:00Z".to_string(), Some(DateLabel::Updated)),
        ]
    );
    assert_eq!(
        labeled("Veröffentlicht am 20.11.2019 | Aktualisiert am 21.11.2019, 10:15 Uhr"),
        [
            (
                "2019-11-20T00:00:00Z".to_string(),
                Some(DateLabel::Published)
            ),
            ("2019-11-21T10:15:00Z".to_string(), Some(DateLabel::Updated)),
        ]
    );
    assert_eq!(
        labeled("By Ana Souza, 3 de maio de 2017"),
        [("2017-05-03T00:00:00Z".to_string(), None)]
    );
    assert!(labeled("He was born in 1987 and has 22 children").is_empty());
    // The same first date as find_date.
    let line = "Friday 12 December 2003 09.34 GMT, 13 December 2003";
    assert_eq!(
        find_labeled_dates_with_now(line, NOW)
            .first()
            .map(|d| d.date),
        find_date_with_now(line, NOW)
    );
}

#[test]
fn the_preferred_date_is_the_publication() {
    let preferred =
        |t: &str| find_preferred_date_with_now(t, NOW).map(|d| (show(d.date).0, d.label));
    assert_eq!(
        preferred("Updated 21 Nov 2019 | Published 20 Nov 2019"),
        Some((
            "2019-11-20T00:00:00Z".to_string(),
            Some(DateLabel::Published)
        ))
    );
    assert_eq!(
        preferred("Mis à jour le 21 novembre 2019, 20 novembre 2019"),
        Some(("2019-11-20T00:00:00Z".to_string(), None))
    );
    assert_eq!(
        preferred("Aggiornato il 21 novembre 2019"),
        Some(("2019-11-21T00:00:00Z".to_string(), Some(DateLabel::Updated)))
    );
    assert_eq!(preferred("nothing here"), None);
}
