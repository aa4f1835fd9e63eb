//! Unit tests of article headers as kinds of site lay them out: a tabloid's long
//! headline over a bulleted summary, a picture's label over its caption, a headline in
//! title case ending in a full stop, a headline parted by a dash, an author's name printed
//! twice.

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
