//! The words dates are written with: month and weekday names (English, German, French,
//! Spanish, Italian, Dutch, Portuguese, the Scandinavian languages, Catalan, Polish,
//! Czech, Slovak, Finnish, Turkish, Romanian, Hungarian, Croatian, Serbian, Slovenian,
//! Estonian, Greek, Bulgarian, Ukrainian, Russian, Indonesian), the labels that introduce
//! a date ("Updated:", "Stand:", "Publié le", "Pubblicato il", "Gepubliceerd op",
//! "Atualizado em") and which of them mean "updated", the words between a date and its
//! time, ordinal suffixes, and time zone abbreviations with their fixed offsets. Data and
//! look-ups only; the grammar that uses them is elsewhere.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Zone abbreviations by fixed offset in minutes east of UTC; Canadian French writes
/// `HAE`/`HNE` (heure avancée / normale de l'Est) for EDT/EST, and so on westward.
#[rustfmt::skip]
pub(super) const ZONES: &[(i32, &[&str])] = &[
    (0, &["UTC", "UT", "GMT", "Z", "WET"]),
    (60, &["WEST", "BST", "CET", "MEZ"]),
    (120, &["CEST", "MESZ", "EET"]),
    (180, &["EEST", "MSK"]),
    (330, &["IST"]),
    (420, &["WIB"]),
    (480, &["SGT", "HKT", "AWST", "WITA"]),
    (540, &["JST", "KST", "WIT"]),
    (570, &["ACST"]),
    (600, &["AEST"]),
    (660, &["AEDT"]),
    (720, &["NZST"]),
    (780, &["NZDT"]),
    (-180, &["HAA"]),
    (-240, &["EDT", "HAE", "HNA"]),
    (-300, &["EST", "ET", "CDT", "HNE", "HAC"]),
    (-360, &["CST", "CT", "MDT", "HNC", "HAR"]),
    (-420, &["MST", "MT", "PDT", "HNR", "HAP"]),
    (-480, &["PST", "PT", "AKDT", "HNP"]),
    (-540, &["AKST"]),
    (-600, &["HST"]),
];

/// Month names by month, lower case, in English, German, French, Spanish, Italian,
/// Dutch, Portuguese, Danish, Norwegian, Swedish, Catalan, Romanian, Turkish and
/// Hungarian, plus the Indonesian names that differ from Dutch ("maret", "agustus",
/// "nopember", "desember"); Polish, Czech, Slovak, Finnish and Russian in the nominative
/// a month heading uses ("czerwiec", "červen", "kesäkuu", "ноябрь") and the genitive or
/// partitive a date is written with ("17 sierpnia", "8. června", "3. maaliskuuta",
/// "20 ноября"), and Russian short forms ("нояб."); Croatian, Serbian, Slovenian,
/// Estonian, Greek, Bulgarian and Ukrainian likewise ("3. ožujka", "3. marca",
/// "3 Μαρτίου", "3 березня"); unaccented spellings are listed because archives often
/// lost their accents. A name shared by two languages is listed once, under the month
/// the first lists it for: "listopada" is the Polish November (calendar.rs reads the
/// Croatian October from its dotted day).
#[rustfmt::skip]
pub(super) const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "januar", "jänner", "janner", "jän", "janvier", "janv", "enero",
      "ene", "gennaio", "gen", "januari", "janeiro", "январь", "января", "янв", "gener",
      "stycznia", "leden", "ledna", "styczeń", "styczen", "tammikuu", "tammikuuta",
      "ianuarie", "ocak", "január", "januára", "januara", "siječanj", "siječnja",
      "sijecanj", "sijecnja", "januarja", "ιανουαρίου", "ιανουαριου", "ιανουάριος",
      "ιανουαριος", "ιαν", "януари", "січня", "січень", "jaanuar", "jaanuari"],
    &["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "febrero",
      "febbraio", "februari", "fevereiro", "fev", "февраль", "февраля", "фев", "февр",
      "febrer", "lutego", "únor", "unor", "února", "unora", "luty", "helmikuu",
      "helmikuuta", "februarie", "şubat", "subat", "február", "februára", "februara",
      "febr", "veljača", "veljače", "veljaca", "veljace", "februarja", "φεβρουαρίου",
      "φεβρουαριου", "φεβρουάριος", "φεβρουαριος", "φεβ", "февруари", "лютого", "лютий",
      "veebruar", "veebruari"],
    &["march", "mar", "märz", "maerz", "marz", "mär", "mars", "marzo", "maart", "mrt",
      "março", "marco", "maret", "март", "марта", "мар", "marts", "març", "marca", "březen",
      "brezen", "března", "brezna", "marzec", "marec", "maaliskuu", "maaliskuuta", "martie",
      "mart", "március", "marcius", "márc", "ožujak", "ožujka", "ozujak", "ozujka", "μαρτίου", "μαρτιου", "μάρτιος", "μαρτιος", "μαρ", "березня", "березень", "märts",
      "martsi"],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр",
      "kwietnia", "duben", "dubna", "kwiecień", "kwiecien", "huhtikuu", "huhtikuuta",
      "aprilie", "nisan", "április", "aprilis", "apríla", "aprila", "apríl", "ápr",
      "travanj", "travnja", "aprilja", "απριλίου", "απριλιου", "απρίλιος", "απριλιος",
      "απρ", "квітня", "квітень", "aprill", "aprilli"],
    &["may", "mai", "mayo", "maggio", "mag", "mei", "maio", "май", "мая", "maj", "maig",
      "maja", "květen", "kveten", "května", "kvetna", "toukokuu", "toukokuuta", "mayıs",
      "mayis", "május", "majus", "mája", "máj", "svibanj", "svibnja", "μαΐου", "μαιου",
      "μάιος", "μαιος", "μαΐ", "μαι", "травня", "травень"],
    &["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "июнь", "июня",
      "июн", "juny", "czerwca", "červen", "cerven", "června", "cervna", "czerwiec",
      "kesäkuu", "kesäkuuta", "kesakuuta", "iunie", "haziran", "június", "junius", "júna",
      "jún", "lipanj", "lipnja", "junij", "junija", "juna", "ιουνίου", "ιουνιου", "ιούνιος",
      "ιουνιος", "ιουν", "юни", "червня", "червень", "juuni"],
    &["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "июль",
      "июля", "июл", "juliol", "lipca", "červenec", "cervenec", "července", "cervence",
      "lipiec", "heinäkuu", "heinäkuuta", "heinakuuta", "iulie", "temmuz", "július",
      "julius", "júla", "júl", "srpanj", "srpnja", "julij", "julija", "jula", "ιουλίου",
      "ιουλιου", "ιούλιος", "ιουλιος", "ιουλ", "юли", "липня", "липень", "juuli"],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus", "agustus", "agu", "agt",
      "август", "августа", "авг", "augusti", "agost", "sierpnia", "srpen", "srpna",
      "sierpień", "sierpien", "elokuu", "elokuuta", "ağustos", "agustos", "augusztus",
      "augusta", "kolovoz", "kolovoza", "avgust", "avgusta", "αυγούστου", "αυγουστου",
      "αύγουστος", "αυγουστος", "αυγ", "серпня", "серпень"],
    &["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre",
      "sett", "set", "setembro", "сентябрь", "сентября", "сен", "сент", "setembre",
      "września", "wrzesnia", "září", "zari", "wrzesień", "wrzesien", "syyskuu",
      "syyskuuta", "septembrie", "eylül", "eylul", "szeptember", "szept", "septembra",
      "rujan", "rujna", "septembar", "σεπτεμβρίου", "σεπτεμβριου", "σεπτέμβριος",
      "σεπτεμβριος", "σεπ", "σεπτ", "септември", "вересня", "вересень", "septembri"],
    &["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
      "out", "октябрь", "октября", "окт", "października", "pazdziernika", "říjen", "rijen",
      "října", "rijna", "październik", "pazdziernik", "lokakuu", "lokakuuta", "octombrie",
      "ekim", "október", "októbra", "oktobra", "oktobar", "οκτωβρίου", "οκτωβριου",
      "οκτώβριος", "οκτωβριος", "οκτ", "октомври", "жовтня", "жовтень", "oktoober",
      "oktoobri"],
    &["november", "nov", "novembre", "noviembre", "novembro", "nopember", "nop", "ноябрь",
      "ноября", "ноя", "нояб", "listopada", "listopad", "listopadu", "marraskuu",
      "marraskuuta", "noiembrie", "kasım", "kasim", "novembra", "studeni", "studenoga",
      "studenog", "novembar", "νοεμβρίου", "νοεμβριου", "νοέμβριος", "νοεμβριος", "νοε",
      "ноември", "листопада", "листопад", "novembri"],
    &["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre",
      "dic", "dicembre", "dezembro", "desember", "декабрь", "декабря", "дек", "desembre",
      "grudnia", "prosinec", "prosince", "grudzień", "grudzien", "joulukuu", "joulukuuta",
      "decembrie", "aralık", "aralik", "decembra", "prosinac", "prosinca", "decembar",
      "δεκεμβρίου", "δεκεμβριου", "δεκέμβριος", "δεκεμβριος", "δεκ", "декември", "грудня",
      "грудень", "detsember", "detsembri"],
];

// Short forms that collide with months ("mar" for mardi) are left out on purpose, except
// Italian "mar" (martedì), which `parse_at` tries both ways. Portuguese weekdays are
// written "quarta-feira": "feira" counts as a weekday word so that the tail is skipped too.
#[rustfmt::skip]
pub(super) const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
    "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
    "venerdì", "venerdi", "sabato", "domenica", "lun", "mar", "mer", "gio", "ven", "sab", "dom",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "ma", "wo", "vr", "za", "zo",
    "segunda", "terça", "terca", "quarta", "quinta", "sexta", "feira",
    "seg", "ter", "qua", "qui", "sex", "sáb",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "пн", "вт", "ср", "чт", "пт", "сб", "вс",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "lordag", "søndag", "sondag",
    "måndag", "tisdag", "lördag", "söndag",
    "poniedziałek", "poniedzialek", "wtorek", "środa", "sroda", "czwartek", "piątek", "piatek",
    "sobota", "niedziela",
    "dilluns", "dimarts", "dimecres", "dijous", "divendres", "dissabte", "diumenge",
    "pondělí", "pondeli", "úterý", "utery", "středa", "streda", "čtvrtek", "ctvrtek", "pátek",
    "patek", "neděle", "nedele", "pondelok", "utorok", "štvrtok", "stvrtok", "piatok", "nedeľa",
    "nedela", "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai",
    "sunnuntai", "pazartesi", "salı", "sali", "çarşamba", "carsamba", "perşembe", "persembe",
    "cuma", "cumartesi", "pazar", "luni", "marți", "marti", "miercuri", "joi", "vineri",
    "sâmbătă", "sambata", "duminică", "duminica", "hétfő", "hetfo", "kedd", "szerda",
    "csütörtök", "csutortok", "péntek", "pentek", "szombat", "vasárnap", "vasarnap",
    "ponedjeljak", "utorak", "srijeda", "četvrtak", "cetvrtak", "petak", "subota", "nedjelja", "ponedeljak", "sreda", "nedelja",
    "ponedeljek", "torek", "četrtek", "cetrtek", "petek", "δευτέρα", "δευτερα", "τρίτη", "τριτη", "τετάρτη", "τεταρτη",
    "πέμπτη", "πεμπτη", "παρασκευή", "παρασκευη", "σάββατο", "σαββατο", "κυριακή", "κυριακη", "понеделник", "сряда",
    "четвъртък", "петък", "събота", "неделя", "понеділок", "вівторок", "середа", "четвер", "субота", "неділя",
    "esmaspäev", "teisipäev", "kolmapäev", "neljapäev", "reede", "laupäev", "pühapäev",
];

/// Words of the labels skipped before a date, in the languages of the month names;
/// "Mis à jour le" is four of them.
#[rustfmt::skip]
pub(super) const LABELS: &[&str] = &[
    "updated", "update", "published", "posted", "last", "first", "originally", "date", "dated",
    "on", "modified", "created", "released", "issued", "filed", "pubdate",
    "stand", "datum", "veröffentlicht", "publiziert", "aktualisiert", "zuletzt", "am", "vom",
    "publié", "publie", "publiée", "mis", "à", "jour", "le", "publicado", "publicada",
    "actualizado", "actualizada", "fecha", "el",
    "pubblicato", "pubblicata", "aggiornato", "aggiornata", "ultimo", "aggiornamento", "il",
    "gepubliceerd", "geplaatst", "bijgewerkt", "laatst", "gewijzigd", "op",
    "atualizado", "atualizada", "em", "data",
    "опубликовано", "обновлено", "дата", "публикации", "diterbitkan", "diperbarui", "pada",
    "publikováno", "zveřejněno", "vloženo", "aktualizováno", "publikované", "aktualizované",
    "julkaistu", "päivitetty", "muokattu", "yayınlanma", "yayınlandı", "güncelleme",
    "güncellendi", "tarihi", "publicat", "actualizat", "közzétéve", "frissítve", "publikálva",
    "objavljeno", "ažurirano", "azurirano", "izmijenjeno", "posodobljeno", "zadnja", "izmjena", "avaldatud",
    "uuendatud", "muudetud", "δημοσιεύθηκε", "δημοσιευθηκε", "δημοσίευση", "δημοσιευση", "ενημερώθηκε",
    "ενημερωθηκε", "ενημέρωση", "ενημερωση", "τελευταία", "публикувано", "обновено", "опубліковано", "оновлено",
];

/// Label words that say the date is a revision, not the first publication. "Stand:" is
/// German "as of", the time a page was last brought up to date; "jour" is the tail of
/// French "mis à jour".
#[rustfmt::skip]
pub(super) const UPDATED_WORDS: &[&str] = &[
    "updated", "update", "modified", "revised", "aktualisiert", "zuletzt", "stand", "jour",
    "actualizado", "actualizada", "aggiornato", "aggiornata", "aggiornamento", "bijgewerkt",
    "gewijzigd", "atualizado", "atualizada", "обновлено", "diperbarui", "aktualizováno",
    "aktualizované", "päivitetty", "muokattu", "güncelleme", "güncellendi", "actualizat",
    "frissítve",
    "ažurirano", "azurirano", "izmijenjeno", "posodobljeno", "ενημερώθηκε", "ενημερωθηκε", "ενημέρωση",
    "ενημερωση", "обновено", "оновлено", "uuendatud", "muudetud",
];

/// Label words that say the date is the publication.
#[rustfmt::skip]
pub(super) const PUBLISHED_WORDS: &[&str] = &[
    "published", "posted", "originally", "created", "released", "issued", "filed", "pubdate",
    "veröffentlicht", "publiziert", "publié", "publie", "publiée", "publicado", "publicada",
    "pubblicato", "pubblicata", "gepubliceerd", "geplaatst", "опубликовано", "diterbitkan", "publikováno",
    "zveřejněno", "vloženo", "publikované", "julkaistu", "yayınlanma", "yayınlandı", "publicat",
    "közzétéve", "publikálva",
    "objavljeno", "δημοσιεύθηκε", "δημοσιευθηκε", "δημοσίευση", "δημοσιευση", "публикувано",
    "опубліковано", "avaldatud",
];

/// Words that may sit between a date and its time.
#[rustfmt::skip]
pub(super) const TIME_INTRO: &[&str] = &[
    "at", "um", "à", "a", "las", "la", "gegen", "alle", "ore", "om", "às", "as", "в",
    "pukul", "kl", "klo", "v", "saat", "ora", "u", "ob", "о", "στις",
];
pub(super) const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "e", "º", "ª"];

pub(super) fn zone_minutes(name: &str) -> Option<i32> {
    ZONES
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|&(minutes, _)| minutes)
}

/// The month (1 to 12) a lower-case word names. Every word of a text the date finder
/// reads is looked up, so the names are hashed once.
pub(super) fn month_number(lower: &str) -> Option<u32> {
    static INDEX: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let mut index = HashMap::new();
            for (month, names) in (1u32..).zip(MONTHS.iter()) {
                for name in names.iter() {
                    index.entry(*name).or_insert(month);
                }
            }
            index
        })
        .get(lower)
        .copied()
}

/// Whether a lower-case word is a weekday's name.
pub(super) fn is_weekday(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| WEEKDAYS.iter().copied().collect())
        .contains(lower)
}

/// Whether a lower-case word is one of the [`LABELS`] skipped before a date.
pub(super) fn is_label(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| LABELS.iter().copied().collect())
        .contains(lower)
}
