//! Unit tests of parts of a saved page around its article that read like its fields: a
//! breadcrumb of long section names, a picture's `Picture by` credit, a kicker printed on
//! the headline's line, a top bar's day over a labelled publication at the foot, dated
//! teasers in a list, a signature's day, a role glued onto the author's name.

use super::*;

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

const HEADLINE: &str = "Old covered bridge to close to cars after council vote";

#[test]
fn a_breadcrumb_of_long_section_names_is_no_headline() {
    let text = format!(
        "{MENU}Investor Relations / News & Events / Press Releases\nMarch 3, 2021\n\n{STORY}"
    );
    assert_ne!(
        extract(&text).title.as_deref(),
        Some("Investor Relations / News & Events / Press Releases")
    );
    // A headline of slashed parts, none a section's, stays one.
    let text = format!(
        "{MENU}Flood Warnings / Road Closures / School Delays Announced\nMarch 3, 2021\n\n{STORY}"
    );
    assert_eq!(
        extract(&text).title.as_deref(),
        Some("Flood Warnings / Road Closures / School Delays Announced")
    );
    // A headline with a slash in it stays one.
    let text =
        format!("{MENU}Bridge / tunnel: the council decides tonight\nMarch 3, 2021\n\n{STORY}");
    assert_eq!(
        extract(&text).title.as_deref(),
        Some("Bridge / tunnel: the council decides tonight")
    );
}

#[test]
fn a_line_ending_on_picture_by_is_a_caption() {
    use super::captions::caption;
    assert!(caption(
        "Noreen Callaghan outside Wattle Creek District Hospital on Wednesday. Picture by Jack Thornton"
    ));
    assert!(caption("Photo by Ana Ruiz"));
    // A headline about a picture, or one going on past the name, is none.
    assert!(!caption(
        "Picture by Picasso sells for record sum at auction"
    ));
    assert!(!caption("Council backs the plan by Mayor Ruiz"));
    assert!(!caption(
        "Fans queue for hours to see the new picture by Banksy"
    ));
    assert!(!caption("Newly Found Video by Martin Luther King Jr Airs"));
}

#[test]
fn a_kicker_on_the_headlines_line_goes_where_the_page_prints_it_without() {
    let text = format!(
        "{MENU} 1. Home\n 2. News\n 3. {HEADLINE}\n\nTransport {HEADLINE}\n\nMarch 3, 2021\n\n{STORY}"
    );
    assert_eq!(extract(&text).title.as_deref(), Some(HEADLINE));
    // Printed nowhere without it, the line is the headline as it stands.
    let text = format!("{MENU}Transport {HEADLINE}\n\nMarch 3, 2021\n\n{STORY}");
    assert_eq!(
        extract(&text).title.map(|t| t.starts_with("Transport")),
        Some(true)
    );
}

#[test]
fn a_top_bars_day_gives_way_to_the_labelled_publication_at_the_foot() {
    // A story long enough that its foot is far from its header.
    let long = STORY.repeat(4);
    let text = format!(
        "Sabato 9 Marzo 2024 · Aggiornato alle 10:42\n\nIblea Sera\n\n{MENU}{HEADLINE}\n\n{long}\
         Dettagli\n    Scritto da Carmela Ferrigno\n    Categoria: Modica\n    Pubblicato: \
         Venerdì, 08 Marzo 2024 11:20\n    Ultima modifica: Sabato, 09 Marzo 2024 08:15\n"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2024-03-08"));
    // A labelled day after the top bar's is no publication before it.
    let later = text.replace("08 Marzo 2024 11:20", "10 Marzo 2024 11:20");
    assert_eq!(day(&extract(&later)).as_deref(), Some("2024-03-09"));
}

#[test]
fn a_teaser_with_its_day_in_brackets_dates_another_story() {
    let text = format!(
        "{MENU}{HEADLINE}\n\n{STORY}Leggi anche\n\n  * Modica, crolla un cornicione in corso \
         Umberto: nessun ferito (14/02/2024)\n\n{STORY}"
    );
    assert_eq!(day(&extract(&text)), None);
    // A byline in a list item with its date in brackets is the story's own.
    let text =
        format!("{MENU}{HEADLINE}\n\n  * By Anna Schmidt and Peter Morris (23/03/2024)\n\n{STORY}");
    assert_eq!(day(&extract(&text)).as_deref(), Some("2024-03-23"));
}

#[test]
fn a_statement_signed_under_it_is_dated_by_its_signature() {
    let text = format!(
        "{MENU}{HEADLINE}\n    Mis à jour : 14 mars 2024\n\n{STORY}\
         Montreuil, le 12 mars 2024 – Le Bureau fédéral\n\n"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2024-03-12"));
}

#[test]
fn a_role_glued_onto_the_authors_name_is_cut() {
    use super::name_ends::cut_tail;
    assert_eq!(
        cut_tail("Geneviève OuelletInitiative de journalisme local"),
        "Geneviève Ouellet"
    );
    // Names capitalised inside keep their capitals, and a glued word ending the line is
    // no role with words after it.
    assert_eq!(cut_tail("Fiona MacLeod"), "Fiona MacLeod");
    assert_eq!(
        cut_tail("Ron DeSantis and Ana McDonald"),
        "Ron DeSantis and Ana McDonald"
    );
    let text = format!(
        "{MENU}{HEADLINE}\n\nPar Geneviève OuelletInitiative de journalisme local\n\
         Publié le 12 mars 2024 à 21 h 15 HAE\n\n{STORY}"
    );
    let f = extract(&text);
    assert_eq!(f.byline.as_deref(), Some("Geneviève Ouellet"));
    assert_eq!(
        f.date.map(|d| crate::article::rfc3339(d.at)).as_deref(),
        Some("2024-03-12T21:15:00-04:00")
    );
}

#[test]
fn a_date_under_its_label_reads_as_the_page_writes_dates() {
    let story = "La Universidad ha presentado este jueves una nariz electrónica de bajo coste \
         que detecta el fraude en el aceite de oliva en menos de un minuto, según sus autores.\n\n\
         El sistema, que cabe en la palma de la mano, analiza los compuestos volátiles del \
         aceite y los compara con los de una base de datos de muestras certificadas.\n\n\
         Los investigadores esperan que las cooperativas puedan usarlo en sus propias \
         almazaras a partir del próximo año, cuando terminen las pruebas de campo.\n\n";
    let text = format!(
        "{MENU}Una nariz electrónica de bajo coste detecta el fraude en el aceite\n\n{story}\
         Fecha:\n    07/11/2019\n"
    );
    assert_eq!(day(&extract(&text)).as_deref(), Some("2019-11-07"));
}
