//! The words dates are written with: month and weekday names (English, German, French,
//! Spanish), the labels that introduce a date ("Updated:", "Stand:", "Publié le"), the
//! words between a date and its time, ordinal suffixes, and time zone abbreviations with
//! their fixed offsets. Data and look-ups only; the grammar that uses them is elsewhere.

/// Zone abbreviations by fixed offset in minutes east of UTC.
#[rustfmt::skip]
pub(super) const ZONES: &[(i32, &[&str])] = &[
    (0, &["UTC", "UT", "GMT", "Z", "WET"]),
    (60, &["WEST", "BST", "CET", "MEZ"]),
    (120, &["CEST", "MESZ", "EET"]),
    (180, &["EEST", "MSK"]),
    (330, &["IST"]),
    (480, &["SGT", "HKT", "AWST"]),
    (540, &["JST", "KST"]),
    (570, &["ACST"]),
    (600, &["AEST"]),
    (660, &["AEDT"]),
    (720, &["NZST"]),
    (780, &["NZDT"]),
    (-240, &["EDT"]),
    (-300, &["EST", "ET", "CDT"]),
    (-360, &["CST", "CT", "MDT"]),
    (-420, &["MST", "MT", "PDT"]),
    (-480, &["PST", "PT", "AKDT"]),
    (-540, &["AKST"]),
    (-600, &["HST"]),
];

/// Month names by month, lower case, in English, German, French and Spanish;
/// unaccented spellings are listed because archives often lost their accents.
#[rustfmt::skip]
pub(super) const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "januar", "jänner", "janner", "jän", "janvier", "janv", "enero", "ene"],
    &["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "febrero"],
    &["march", "mar", "märz", "maerz", "marz", "mär", "mars", "marzo"],
    &["april", "apr", "avril", "avr", "abril", "abr"],
    &["may", "mai", "mayo"],
    &["june", "jun", "juni", "juin", "junio"],
    &["july", "jul", "juli", "juillet", "juil", "julio"],
    &["august", "aug", "août", "aout", "agosto", "ago"],
    &["september", "sep", "sept", "septembre", "septiembre", "setiembre"],
    &["october", "oct", "oktober", "okt", "octobre", "octubre"],
    &["november", "nov", "novembre", "noviembre"],
    &["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic"],
];

// Short forms that collide with months ("mar" for mardi) are left out on purpose.
#[rustfmt::skip]
pub(super) const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
];

#[rustfmt::skip]
pub(super) const LABELS: &[&str] = &[
    "updated", "update", "published", "posted", "last", "first", "originally", "date", "dated",
    "on", "modified", "created", "released", "issued", "filed", "pubdate",
    "stand", "datum", "veröffentlicht", "aktualisiert", "zuletzt", "am", "vom",
    "publié", "publie", "mis", "à", "jour", "le", "publicado", "actualizado", "fecha", "el",
];

/// Words that may sit between a date and its time.
pub(super) const TIME_INTRO: &[&str] = &["at", "um", "à", "a", "las", "la", "gegen"];
pub(super) const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "e", "º", "ª"];

pub(super) fn zone_minutes(name: &str) -> Option<i32> {
    ZONES
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|&(minutes, _)| minutes)
}

pub(super) fn month_number(lower: &str) -> Option<u32> {
    let index = MONTHS.iter().position(|names| names.contains(&lower))?;
    u32::try_from(index + 1).ok()
}
