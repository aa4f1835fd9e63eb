//! What each unit of a text looks like, measured once: length, words, sentence
//! punctuation, stop-word density (the best of en, de, fr, es, it, nl, pt), the shapes that
//! menus and link lists keep after rendering (`* Home`, `[12]`, `(BUTTON)`, `____`,
//! `a | b | c`), page-furniture vocabulary (share, sign in, cookies), repetition within
//! the file and capitalisation. Also owns the tuned data in `lexicon.txt`, parsed once per
//! process: the vocabularies here and the weights the other rules read.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lines::{char_columns, starts_with_bullet, Unit};

/// Most stop lists the lexicon may hold, one bit each in a word's mask.
const MAX_LANGUAGES: usize = 24;
/// The bit of a word's lexicon mask for furniture words (the low ones are stop lists).
const FURNITURE_BIT: u32 = 1 << MAX_LANGUAGES;
/// The bits of the stop lists.
const LANGUAGE_BITS: u32 = FURNITURE_BIT - 1;

/// The parsed `lexicon.txt`: word sets, phrase lists, word maps and weights.
pub struct Lexicon {
    /// Stop words, each with a bit per language whose list holds it, and the
    /// `FURNITURE_BIT` for words of the `furniture` section.
    stop: HashMap<String, u32>,
    languages: usize,
    sets: HashMap<String, HashSet<String>>,
    lists: HashMap<String, Vec<String>>,
    weights: HashMap<String, f32>,
}

impl Lexicon {
    /// Whether `word` (lower case) is in the word section `section`.
    pub fn has(&self, section: &str, word: &str) -> bool {
        self.sets.get(section).is_some_and(|s| s.contains(word))
    }

    /// Whether `word` (lower case) is a stop word of any language.
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop
            .get(word)
            .is_some_and(|bits| bits & !FURNITURE_BIT != 0)
    }

    /// Whether `word` (lower case) is a stop word that no name is made of: not one of the
    /// `names.common` words, function words of one language that are names in others
    /// (Indonesian `yang`, Andrew Yang; Czech `na`).
    pub fn is_stop_not_name(&self, word: &str) -> bool {
        self.is_stop(word) && !self.has("names.common", word)
    }

    /// Whether `word` (lower case) is a word of page furniture (share, print, cookies).
    pub fn is_furniture(&self, word: &str) -> bool {
        self.stop
            .get(word)
            .is_some_and(|bits| bits & FURNITURE_BIT != 0)
    }

    /// The words of a word section, to look many words up in.
    fn set(&self, section: &str) -> Option<&HashSet<String>> {
        self.sets.get(section)
    }

    /// The lines of a phrase section.
    pub fn lines(&self, section: &str) -> &[String] {
        self.lists.get(section).map_or(&[], Vec::as_slice)
    }

    /// A weight from `[weights]`; 0 when absent, so a missing key switches a rule off.
    pub fn weight(&self, key: &str) -> f32 {
        self.weights.get(key).copied().unwrap_or(0.0)
    }
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| parse_lexicon(include_str!("lexicon.txt")))
}

fn parse_lexicon(src: &str) -> Lexicon {
    let mut lists: HashMap<String, Vec<String>> = HashMap::default();
    let mut section = String::new();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
            continue;
        }
        lists
            .entry(section.clone())
            .or_default()
            .push(line.to_string());
    }
    let sets: HashMap<String, HashSet<String>> = lists
        .iter()
        .map(|(k, v)| {
            let words = v
                .iter()
                .flat_map(|l| l.split_whitespace())
                .map(str::to_string)
                .collect();
            (k.clone(), words)
        })
        .collect();
    let mut stop_names: Vec<&String> = sets.keys().filter(|k| k.starts_with("stop.")).collect();
    stop_names.sort();
    let mut stop: HashMap<String, u32> = HashMap::default();
    for (bit, k) in stop_names.iter().enumerate().take(MAX_LANGUAGES) {
        for w in &sets[*k] {
            *stop.entry(w.clone()).or_default() |= 1 << bit;
        }
    }
    for w in sets.get("furniture").into_iter().flatten() {
        *stop.entry(w.clone()).or_default() |= FURNITURE_BIT;
    }
    let languages = stop_names.len().min(MAX_LANGUAGES);
    let weights = lists
        .get("weights")
        .map(|v| {
            v.iter()
                .filter_map(|l| {
                    let (k, w) = l.split_once(char::is_whitespace)?;
                    Some((k.to_string(), w.trim().parse().ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    Lexicon {
        stop,
        languages,
        sets,
        lists,
        weights,
    }
}

/// The measurements of one unit.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub chars: usize,
    /// Terminal columns (CJK characters count two): the length to compare across scripts.
    pub columns: usize,
    pub words: usize,
    /// Best share of stop words over the languages in the lexicon.
    pub stop_ratio: f32,
    /// Ends like a sentence (`.`, `!`, `?`, a closing quote).
    pub sentence_end: bool,
    /// Starts with a lower-case letter: it goes on from the line above, in text wrapped
    /// without being joined.
    pub lower_start: bool,
    /// A list item (`* Home`, `• News`).
    pub bullet: bool,
    /// Menu or form shapes: `[12]`, `(BUTTON)`, `____`, `a | b | c`, a line in brackets.
    pub menu: bool,
    /// Mostly page furniture: a furniture phrase (sign in, all rights reserved) in a short
    /// line, or furniture words (share, print, cookies) for a third of its words or more
    /// (half of them from five words on).
    pub furniture: bool,
    /// Starts what follows an article: a comment section (`34 responses to ...`, `Jane
    /// says:`), related stories, a share bar.
    pub barrier: bool,
    /// A copyright statement: the page's footer, after which nothing is the article's.
    pub footer: bool,
    /// How many units of the file have the same text (case-insensitive); 1 when unique.
    pub repeats: usize,
    /// Share of words that start with a capital letter.
    pub caps_ratio: f32,
    /// Share of letters among the non-space characters.
    pub alpha_ratio: f32,
    /// Columns of white space before the text (a list item's second line, a teaser in
    /// a box of links, a table cell are set in from the story's paragraphs).
    pub indent: usize,
    /// The text with runs of whitespace squashed to one space, lower case: what repeats
    /// and page-title segments are compared by.
    pub key: String,
}

/// Byte offset of the ASCII `needle` in `hay`, ignoring ASCII case; always a character
/// boundary of `hay` (unlike an offset found in a lower-cased copy).
pub fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() || hay.len() < n.len() {
        return None;
    }
    let h = hay.as_bytes();
    let first = n[0].to_ascii_lowercase();
    (0..=h.len() - n.len())
        .find(|&i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Words of a unit as compared against the lexicon: lower case, outer punctuation off;
/// borrowed when the word is lower-case ASCII already.
pub fn words_lower(s: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    s.split_whitespace()
        .map(|w| lower(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
}

/// `s` in lower case, borrowed when it has no upper-case letter (ASCII only checked).
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else if s.is_ascii() {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// The comparison key of a line: whitespace runs squashed to one space, lower case.
pub fn line_key(s: &str) -> String {
    if !s.is_ascii() {
        return crate::extract::squash_spaces(s).to_lowercase();
    }
    let b = s.as_bytes();
    let squashed = !b.first().is_some_and(|&c| ascii_space(c))
        && !b.last().is_some_and(|&c| ascii_space(c))
        && !b.iter().any(|&c| matches!(c, b'\t'..=b'\r'))
        && !b.windows(2).any(|w| w == b"  ");
    if squashed {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        // `char::is_whitespace` in ASCII: tab to carriage return, and space.
        if matches!(c, '\t'..='\r' | ' ') {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// `char::is_whitespace` for an ASCII byte: tab to carriage return, and space.
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Characters, terminal columns, non-space characters and letters of `t`.
fn char_counts(t: &str) -> (usize, usize, usize, usize) {
    if t.is_ascii() {
        let b = t.as_bytes();
        let non_space = b.iter().filter(|&&c| !ascii_space(c)).count();
        let alpha = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        return (b.len(), b.len(), non_space, alpha);
    }
    let (mut chars, mut columns, mut non_space, mut alpha) = (0, 0, 0, 0);
    for ch in t.chars() {
        chars += 1;
        columns += char_columns(ch);
        non_space += usize::from(!ch.is_whitespace());
        alpha += usize::from(ch.is_alphabetic());
    }
    (chars, columns, non_space, alpha)
}

/// Words of `t` and how many of them start with a capital letter.
fn word_caps(t: &str) -> (usize, usize) {
    if t.is_ascii() {
        // A word starts at a byte that is not a space, first or after a space.
        let b = t.as_bytes();
        let first = b.first().copied();
        let words = usize::from(first.is_some_and(|c| !ascii_space(c)))
            + b.windows(2)
                .filter(|w| ascii_space(w[0]) && !ascii_space(w[1]))
                .count();
        let caps = usize::from(first.is_some_and(|c| c.is_ascii_uppercase()))
            + b.windows(2)
                .filter(|w| ascii_space(w[0]) && w[1].is_ascii_uppercase())
                .count();
        return (words, caps);
    }
    let (mut words, mut caps) = (0, 0);
    for w in t.split_whitespace() {
        words += 1;
        caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    (words, caps)
}

/// The words of an ASCII line's key as [`words_lower`] gives them: the key is lower case
/// with single spaces already.
fn ascii_key_words(key: &str) -> impl Iterator<Item = &str> + '_ {
    key.split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// The words of a unit as [`words_lower`] gives them, read from its key when the text is
/// ASCII (no copies).
pub fn unit_words<'a>(text: &'a str, key: &'a str) -> Box<dyn Iterator<Item = Cow<'a, str>> + 'a> {
    if text.is_ascii() {
        Box::new(ascii_key_words(key).map(Cow::Borrowed))
    } else {
        Box::new(words_lower(text))
    }
}

/// Whether `t` holds `(button)` or `[button]`, in any case.
fn button(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        let close = match c {
            b'(' => b')',
            b'[' => b']',
            _ => return false,
        };
        b.get(i + 1..i + 7)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"button"))
            && b.get(i + 7) == Some(&close)
    })
}

/// A word made of several words run together, each capitalised (`HomeAboutContact`,
/// `The Daily LedgerNewsOpinionSport`): menu links a renderer printed without spaces
/// between them, as minified pages give them. One join is a name (`McDonald`,
/// `PlayStation`); two or more are a menu.
fn glued_links(word: &str) -> bool {
    // Letters of alphabets only: not a URL, not CJK text (which has no spaces at all).
    if !word
        .chars()
        .all(|c| c.is_alphabetic() && super::lines::char_columns(c) == 1)
    {
        return false;
    }
    let mut joins = 0;
    let mut prev_lower = false;
    for c in word.chars() {
        if prev_lower && c.is_uppercase() {
            joins += 1;
        }
        prev_lower = c.is_lowercase();
    }
    joins >= GLUED_JOINS
}

/// Capitalised words run together in one word from which it is a menu, in a line of
/// at most so many words (a sentence may hold a glued name: `HomePod`, `#BlackFriday`).
const GLUED_JOINS: usize = 2;
const GLUED_LINE_WORDS: usize = 6;

/// Most words of a section path parted by slashes, and of an item before the last of a
/// trail from the home page.
const BREADCRUMB_WORDS: usize = 6;
/// Most words of a trail whose separators are named pictures, its labels counted.
const PICTURE_TRAIL_WORDS: usize = 14;
const CRUMB_WORDS: usize = 4;

/// Whether `t` opens with a byline's word (`By`, `Von`, `Par`, …).
pub(super) fn byline_marked(t: &str) -> bool {
    t.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        w == "by" || lexicon().has("byline.prefix", &w)
    })
}

/// Whether each `»` of `t` closes a quotation a `«` opened (`Microcentrales : « L’État
/// subventionne … sauvages »`, `fa: «Mi vergognavo»`), as a breadcrumb's do not (`Home »
/// Column »`).
pub(super) fn closes_quote(t: &str) -> bool {
    let opened = t.matches('«').count();
    opened > 0 && opened >= t.matches('»').count()
}

/// Menu and form shapes in `t`, a line of `words` words.
pub(super) fn menu_shape(t: &str, words: usize) -> bool {
    if button(t)
        || t.contains("____")
        || (words <= GLUED_LINE_WORDS && t.split_whitespace().any(glued_links))
    {
        return true;
    }
    // A form's text field or check box as renderers draw them: `[          ]`, `[ ]`.
    if t.split('[').skip(1).any(|rest| {
        rest.split_once(']').is_some_and(|(inside, _)| {
            !inside.is_empty() && inside.chars().all(|c| c == ' ' || c == '_')
        })
    }) {
        return true;
    }
    // `[12]` link numbers and `[IMG]` placeholders, or a line that is one bracketed name.
    let brackets = t.matches('[').count();
    if (t.starts_with('[') && t.ends_with(']') && brackets == 1) || brackets >= 3 {
        return true;
    }
    // A trail whose separators are pictures the renderer names by their labels (`Inicio
    // [arrow] Noticias [arrow] Lucía Ferrández, campeona absoluta`): one label twice,
    // with words before, between and after; no sentence with a formula's index in it
    // (`CO[2] -Äquivalente … CO[2]-Ausstoß`).
    if brackets == 2 && words <= PICTURE_TRAIL_WORDS && !t.starts_with('[') && !t.ends_with(']') {
        let labels: Vec<&str> = t
            .split('[')
            .skip(1)
            .filter_map(|rest| rest.split_once(']').map(|(label, _)| label))
            .collect();
        if labels.len() == 2 && labels[0].chars().any(char::is_alphabetic) && labels[0] == labels[1]
        {
            return true;
        }
    }
    // lynx prints a page's <link rel> titles first: `#Site » Feed Site » Comments Feed`,
    // `#Blog - Atom Blog - RSS`.
    let feed = t.ends_with(" RSS") || t.contains(" - Atom ") || t.contains(" - RSS ");
    if t.starts_with('#') && (t.contains(" » ") || feed || find_ascii_ci(t, "alternate").is_some())
    {
        return true;
    }
    // Breadcrumbs: `Home » Column »`; not a quotation closing (`… fa: «Mi vergognavo
    // da allora»`).
    let closes_quote = closes_quote(t);
    if (t.ends_with('»') && !closes_quote) || (words <= 8 && t.contains(" » ")) {
        return true;
    }
    // A trail behind its label, from the home page, its separators dropped (`Du er her:
    // Forside Nyheder Ny rute i Rold Skov`).
    if trail_label_home(t) {
        return true;
    }
    // A section path: `Cronaca / La storia`, `News / World / Europe`, `Blaulicht > Polizei
    // > Berlin`, `Europe›Portugal›Lisbon`; not a photo credit (`© REUTERS / POOL`,
    // `Photo: AP / Jane Doe`) or a byline (`BY DENISE HARTWELL / Staff Writer`).
    // A label before the path (`Sie sind hier: Startseite > Lokales`, `Sie sind hier:
    // Startseite › Presse`) is part of it.
    let crumbs = t
        .split_once(": ")
        .filter(|(label, rest)| {
            label.split_whitespace().count() <= 4 && [" > ", "›"].iter().any(|s| rest.contains(s))
        })
        .map_or(t, |(_, rest)| rest);
    let path: Vec<&str> = [" / ", " > ", "›"]
        .iter()
        .map(|sep| crumbs.split(sep).map(str::trim).collect::<Vec<_>>())
        .max_by_key(Vec::len)
        .unwrap_or_default();
    // A trail from the home page (`Accueil > Espace presse > Communiqués de presse >
    // Microcentrales`), however long its last item.
    let (last, before) = path.split_last().unwrap_or((&"", &[]));
    if before.len() >= 2
        && lexicon().has("sections.home", &before[0].to_lowercase())
        && before
            .iter()
            .all(|p| (1..=CRUMB_WORDS).contains(&p.split_whitespace().count()))
        && !last.is_empty()
    {
        return true;
    }
    // Three parts or more, each a capitalised name of a few words, one naming a section,
    // may run longer (`Investor Relations / News & Events / Press Releases`; not
    // `Flood Warnings / Road Closures / School Delays Announced`).
    let long_path = path.len() >= 3
        && path
            .iter()
            .all(|p| p.starts_with(|c: char| c.is_uppercase()))
        && path.iter().any(|p| {
            words_lower(p)
                .any(|w| lexicon().has("sections", &w) || lexicon().has("sections.home", &w))
        });
    if path.len() >= 2
        && (long_path
            || path
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum::<usize>()
                <= BREADCRUMB_WORDS)
        && !crumbs.contains(['©', ':'])
        && !byline_marked(t)
        && path
            .iter()
            .all(|p| (1..=3).contains(&p.split_whitespace().count()))
        && !ends_sentence(t)
    {
        return true;
    }
    if section_run(t, words) {
        return true;
    }
    if !(t.contains('|') || t.contains('·') || t.contains('•')) {
        return false;
    }
    // A row of links ending on a sign-in link (`Next blog» Create Blog | Sign In`).
    if t.rsplit_once(" | ").is_some_and(|(_, last)| {
        let last = last.trim().to_lowercase();
        lexicon().lines("furniture.phrases").contains(&last)
    }) {
        return true;
    }
    let bars = t.matches(" | ").count() + t.matches(" · ").count() + t.matches(" • ").count();
    bars >= 2 && words <= bars * 4 + 4
}

/// Words from which a line holding other words than section names may be a menu, and
/// the share of its words that must be section names then (one in `SECTION_SHARE`, three
/// at least): a headline names a section or two among fewer words (`UK pioneers digital
/// film network`).
const SECTION_RUN_WORDS: usize = 8;
const SECTION_SHARE: usize = 2;
/// Section names from which a line without punctuation is a menu whatever else it holds
/// (a breadcrumb or a login link wrapped onto it).
const SECTION_RUN_NAMES: usize = 5;

/// A site's navigation printed on one line: section names one after another with no
/// punctuation between them (`Home News Sport TV&Showbiz Health Money Video Travel`,
/// `Wirtschaft Finanzen Blaulicht Politik Panorama`). A headline that names a section or
/// two has the words of a sentence around them.
fn section_run(t: &str, words: usize) -> bool {
    if words < 3 || t.contains(['.', ',', ';', ':', '!', '?', '"', '“', '«']) {
        return false;
    }
    let lex = lexicon();
    let (mut names, mut sections) = (0, 0);
    for w in t.split(|c: char| !c.is_alphanumeric() && c != '-') {
        if w.chars().any(char::is_alphabetic) {
            names += 1;
            sections += usize::from(lex.has("sections", &w.to_lowercase()));
        }
    }
    // A breadcrumb of section names only (`Home Music Music News`), a longer line, or a
    // menu that opens on the home page's link, every item capitalised (`Home Notes
    // Archive Downgrade Tracker About`, not `Home truths about the archive`).
    let from_home = t
        .split_whitespace()
        .next()
        .is_some_and(|w| lex.has("sections.home", &w.to_lowercase()))
        && t.split_whitespace()
            .all(|w| !w.chars().next().is_some_and(char::is_lowercase));
    sections >= 3
        && (sections == names
            || sections >= SECTION_RUN_NAMES
            || (names >= SECTION_RUN_WORDS || from_home) && sections * SECTION_SHARE >= names)
}

/// Words up to which one furniture phrase makes a line furniture.
const PHRASE_WORDS: usize = 10;

/// What one pass over a unit's words counts.
#[derive(Default)]
struct WordCounts {
    words: usize,
    /// Stop words per language bit.
    per_language: [usize; MAX_LANGUAGES],
    furniture: usize,
    first_is_number: bool,
    second_counts: bool,
}

fn count_words<W: AsRef<str>>(words: impl Iterator<Item = W>) -> WordCounts {
    let lex = lexicon();
    let counted = lex.set("barrier.count");
    let mut c = WordCounts::default();
    for w in words {
        let w = w.as_ref();
        if let Some(&mask) = lex.stop.get(w) {
            let mut bits = mask & LANGUAGE_BITS;
            while bits != 0 {
                c.per_language[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
            c.furniture += usize::from(mask & FURNITURE_BIT != 0);
        }
        match c.words {
            0 => {
                c.first_is_number =
                    w.chars().all(|c| c.is_ascii_digit()) || lex.has("barrier.count_words", w)
            }
            1 => c.second_counts = counted.is_some_and(|s| s.contains(w)),
            _ => {}
        }
        c.words += 1;
    }
    c
}

/// A call to action (`Subscribe now!`, `[IMG] Anuncie no Autoracing agora!`): an
/// exclamation whose first word, after any image labels, is a verb of the lexicon's
/// `furniture.calls` (not any furniture word: "Home prices fall again!" is news).
fn call_to_action(text: &str) -> bool {
    let mut rest = text.trim();
    while let Some(after) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
        rest = after.1.trim_start();
    }
    let first = rest.split_whitespace().next().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    rest.ends_with('!') && first.is_some_and(|w| lexicon().has("furniture.calls", &w))
}

/// `lower`: the line's key; `text`: the line as printed.
fn furniture(c: &WordCounts, lower: &str, text: &str) -> bool {
    let lex = lexicon();
    // Headlines use some of these words too (`Home Depot sales miss, shares plunge`): in
    // a line of five words or more, half of them must be furniture.
    let share = if c.words >= 5 { 2 } else { 3 };
    c.furniture * share >= c.words.max(1)
        || (c.words <= PHRASE_WORDS && call_to_action(text))
        || (c.words <= PHRASE_WORDS
            && lex
                .lines("furniture.phrases")
                .iter()
                .any(|p| lower.contains(p.as_str())))
        || (c.words <= PHRASE_WORDS && paywall(lower))
        || usage_notice(lower)
}

/// A notice on the use of the page's copy (`This copy is for your personal,
/// non-commercial use only.`): furniture however long, unlike the phrases, which only
/// mark short lines.
pub fn usage_notice(lower: &str) -> bool {
    lexicon()
        .lines("furniture.notices")
        .iter()
        .any(|p| lower.contains(p.as_str()))
}

/// A paywall's prompt (`Lesen Sie weiter mit einem Abo`, `Already a subscriber? Log in`).
fn paywall(lower: &str) -> bool {
    lexicon()
        .lines("paywall")
        .iter()
        .any(|p| lower.contains(p.as_str()))
}

/// Units below a paywall's prompt looked through for the box's closing call to action.
const PAYWALL_BOX: usize = 3;

/// Units at the top of a file where a cookie-consent box stands (renderers print it
/// first).
const CONSENT_UNITS: usize = 4;
/// Units of a consent box beside the one that asks for consent.
const CONSENT_BOX: usize = 2;

/// A cookie-consent notice: a line naming cookies and asking for consent (`We use cookies
/// to personalise content … Manage preferences`, `Wir verwenden Cookies … Alle
/// akzeptieren`). Only at the top of a file: a story about the law on cookies says both.
fn cookie_consent(lower: &str) -> bool {
    names_cookies(lower) && lower_words(lower).any(|w| lexicon().has("consent", w))
}

fn names_cookies(lower: &str) -> bool {
    // A word opening on `cookie` (`cookiesEssential only`: buttons printed with no space
    // between them).
    lower_words(lower).any(|w| w.starts_with("cookie"))
}

fn lower_words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// `© 2019 CBS Interactive Inc. All Rights Reserved.`: the page's footer starts, and
/// teasers of other stories may follow. A photo credit (`© Getty Images`) has no year.
fn footer(lower: &str) -> bool {
    (lower.starts_with('©') || lower.starts_with("copyright"))
        && lower.split_whitespace().nth(FOOTER_WORDS).is_none()
        && (lower.contains("rights reserved")
            || lower
                .split(|ch: char| !ch.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20"))))
}

/// Most words of a barrier line, and of one parted in fields by bars.
const BARRIER_WORDS: usize = 12;
const BARRIER_FIELD_WORDS: usize = 24;
/// Words of a copyright footer: `© 2019 CBS Interactive Inc. All Rights Reserved.`, or a
/// wire service's longer `Copyright 2019 The Associated Press. All rights reserved. This
/// material may not be published, broadcast, rewritten or redistributed.`
const FOOTER_WORDS: usize = 30;

fn barrier(lower: &str, original: &str, c: &WordCounts) -> bool {
    // A post's taxonomy line runs longer, in fields parted by bars (`Posted in Local |
    // Tagged council, harbour | Leave a comment`).
    let fields = lower.matches(" | ").count() >= 2;
    if c.words > BARRIER_WORDS && !(fields && c.words <= BARRIER_FIELD_WORDS) {
        return false;
    }
    let counted = c.words >= 2 && c.first_is_number && c.second_counts;
    let comment_head = c.words <= 8 && comment_head(original);
    counted || comment_head || footer(lower) || barrier_phrase(lower)
}

/// Words a comment's head ends on before its colon (`Pete says:`), and before the
/// ellipsis of a blog's template (`Kari Nordvik sa...`, `Anonym hat gesagt…`): a
/// quotation's `Helen Marsh said:` in a press release heads no comment.
const COMMENT_HEAD_COLON: [&str; 3] = ["says", "wrote", "schreibt"];
/// Words of saying before a blog template's ellipsis, in its languages.
const COMMENT_HEAD_ELLIPSIS: [&str; 14] = [
    "says", "wrote", "said", "sa", "sagde", "skrev", "gesagt", "schreibt", "dit", "dijo", "detto",
    "zei", "disse", "sade",
];
/// Most words of the commenter's name before the word of saying.
const COMMENT_HEAD_NAME_WORDS: usize = 4;

/// Whether `t`, a short line, heads a comment: a name or a handle (a few words, none a
/// stop word), then a word of saying (after its auxiliary: `hat gesagt`, `ha detto`)
/// and a colon or an ellipsis; `And then he said...` in a story does not.
fn comment_head(t: &str) -> bool {
    let t = t.trim_end();
    let (head, words): (&str, &[&str]) = if let Some(h) = t.strip_suffix(':') {
        (h, &COMMENT_HEAD_COLON)
    } else if let Some(h) = ["...", "…"].iter().find_map(|e| t.strip_suffix(e)) {
        (h, &COMMENT_HEAD_ELLIPSIS)
    } else {
        return false;
    };
    let mut parts: Vec<&str> = head.split_whitespace().collect();
    let Some(verb) = parts.pop() else {
        return false;
    };
    if matches!(
        parts.last().map(|w| w.to_lowercase()).as_deref(),
        Some("hat" | "ha" | "a")
    ) {
        parts.pop();
    }
    let lex = lexicon();
    words.contains(&verb.to_lowercase().as_str())
        && (1..=COMMENT_HEAD_NAME_WORDS).contains(&parts.len())
        && parts
            .iter()
            .all(|w| !lex.is_stop_not_name(&w.to_lowercase()))
}

/// Whether `t` opens on a trail's label and its colon (`You are here:`, `Du er her:`,
/// lexicon `trail.labels`) and the home page's name right after it.
fn trail_label_home(t: &str) -> bool {
    let lex = lexicon();
    // Most lines open on no label's first word: only those are lowered whole.
    let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
    let opens_label = lex
        .lines("trail.labels")
        .iter()
        .any(|l| l.split(' ').next() == Some(first.as_str()));
    if !opens_label {
        return false;
    }
    let lower = t.to_lowercase();
    lex.lines("trail.labels").iter().any(|label| {
        lower
            .strip_prefix(label.as_str())
            .and_then(|rest| rest.trim_start_matches([' ', '\u{a0}']).strip_prefix(':'))
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|w| lex.has("sections.home", w))
    })
}

/// Whether `lower`, a line in lower case, opens on a barrier phrase of the lexicon
/// (`comments`, `related stories`, `lo más leído`).
pub(super) fn barrier_phrase(lower: &str) -> bool {
    // Also glued to the next word, as renderers print a box's tabs (`CommentsRestacks`,
    // `ARTÍCULOS RELACIONADOSMÁS DEL AUTOR`).
    lexicon()
        .lines("barrier.phrases")
        .iter()
        .any(|p| lower.starts_with(p.as_str()))
}

/// Whether a unit ends a sentence: in a full stop, question or exclamation mark (also
/// CJK ones), in a closing quotation mark, or in such a mark followed by closing quotes
/// and brackets (`patience.'`, `in 2019.)`). German quotations close with “ and ‘
/// („So ist es.“).
fn ends_sentence(t: &str) -> bool {
    const TERMINAL: [char; 6] = ['.', '!', '?', '。', '！', '？'];
    const CLOSING: [char; 11] = ['\'', '"', '”', '“', '’', '‘', '»', ')', ']', '」', '』'];
    t.ends_with(TERMINAL)
        || t.ends_with(['"', '”', '“', '’', '‘', '»'])
        || t.trim_end_matches(CLOSING).ends_with(TERMINAL)
}

/// Measures every unit of a file.
pub fn measure(units: &[Unit]) -> Vec<Features> {
    let lex = lexicon();
    let keys: Vec<String> = units.iter().map(|u| line_key(&u.text)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for k in &keys {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    let repeats: Vec<usize> = keys
        .iter()
        .map(|k| counts.get(k.as_str()).copied().unwrap_or(1))
        .collect();
    let mut feats = units
        .iter()
        .zip(keys)
        .zip(repeats)
        .enumerate()
        .map(|(i, ((u, key), repeats))| {
            let t = u.text.as_str();
            // An ASCII line's key holds its words in lower case already.
            let c = if t.is_ascii() {
                count_words(ascii_key_words(&key))
            } else {
                count_words(words_lower(t))
            };
            let n = c.words.max(1) as f32;
            let stop_ratio = c.per_language[..lex.languages]
                .iter()
                .map(|&c| c as f32 / n)
                .fold(0.0, f32::max);
            let (raw_words, caps) = word_caps(t);
            let (chars, columns, non_space, alpha) = char_counts(t);
            Features {
                chars,
                columns,
                words: raw_words,
                stop_ratio,
                sentence_end: ends_sentence(t),
                lower_start: t.chars().next().is_some_and(char::is_lowercase),
                bullet: starts_with_bullet(t),
                menu: menu_shape(t, raw_words),
                furniture: furniture(&c, &key, t) || (i < CONSENT_UNITS && cookie_consent(&key)),
                barrier: barrier(&key, t, &c),
                footer: footer(&key),
                repeats,
                caps_ratio: caps as f32 / raw_words.max(1) as f32,
                alpha_ratio: alpha as f32 / non_space.max(1) as f32,
                indent: u.indent,
                key,
            }
        })
        .collect::<Vec<_>>();
    // A consent box at the top: the units naming cookies around the one that asks for
    // consent (its title `Cookies on this website`, a notice that asks nothing, buttons).
    let boxed = (0..feats.len().min(CONSENT_UNITS + CONSENT_BOX))
        .find(|&i| cookie_consent(&feats[i].key))
        .map_or(0, |i| (i + 1 + CONSENT_BOX).min(feats.len()));
    for f in &mut feats[..boxed] {
        if names_cookies(&f.key)
            || f.words <= PHRASE_WORDS && lower_words(&f.key).any(|w| lex.has("consent", w))
        {
            f.furniture = true;
        }
    }
    // A paywall box: its prompt, the sales pitch below it and the button that closes it
    // (`Lesen Sie weiter mit einem Abo` / `Sichern Sie sich jetzt den Zugang zu allen
    // Artikeln …` / `Jetzt abonnieren`). The pitch is furniture when furniture closes the
    // box within PAYWALL_BOX units.
    for i in 0..feats.len() {
        if !(feats[i].furniture && feats[i].words <= PHRASE_WORDS && paywall(&feats[i].key)) {
            continue;
        }
        let end = (i + 2..(i + 1 + PAYWALL_BOX).min(feats.len())).find(|&k| feats[k].furniture);
        if let Some(end) = end {
            for f in &mut feats[i + 1..end] {
                f.furniture = true;
            }
        }
    }
    feats
}

/// Characters from which a line with no space in it is a blob of markup rather than text.
const BLOB_CHARS: usize = 30;

/// A URL or an encoded string on a line of its own (`IFRAME:` sources, tracking
/// parameters wrapped over many lines): one run of ASCII without a space, holding URL or
/// base64 punctuation. Scripts written without spaces (Chinese, Japanese) are not ASCII;
/// an image's file name (`airpods-pro-2.jpg`, no such punctuation) is a label.
pub fn blob(t: &str) -> bool {
    t.len() >= BLOB_CHARS
        && t.is_ascii()
        && !t.contains(char::is_whitespace)
        && t.contains(['%', '/', '=', '+', '&'])
}

/// A line of figures: half its words, and three at least, are numbers without letters
/// (`Sacramento Kings 5-4, 3-1 Home 118`, a ticker's `DAX 15.234 +0,8% 10:42`). A scoreboard
/// or a table's row, never a headline (`Kings rally past Grizzlies 118-112`, `49ers 27,
/// Seahawks 20`).
pub fn figures(t: &str) -> bool {
    let (mut words, mut numeric) = (0usize, 0usize);
    for w in t.split_whitespace() {
        words += 1;
        numeric += usize::from(
            w.bytes().any(|b| b.is_ascii_digit()) && !w.chars().any(char::is_alphabetic),
        );
    }
    numeric >= 3 && numeric * 2 >= words
}

#[cfg(test)]
mod tests {
    use super::super::lines::units;
    use super::*;

    #[test]
    fn lexicon_parses_every_language_and_the_weights() {
        let lex = lexicon();
        assert_eq!(lex.languages, 20);
        assert!(lex.has("furniture", "share"));
        assert!(lex.weight("title.min") > 0.0);
    }

    #[test]
    fn ascii_search_ignores_case_and_keeps_boundaries() {
        assert_eq!(find_ascii_ci("İstanbul Posted BY Jane", " by "), Some(16));
        assert_eq!(find_ascii_ci("ab", " by "), None);
    }

    #[test]
    fn a_menu_opening_on_home_holds_half_section_names() {
        assert!(section_run("Home Notes Archive Downgrade Tracker About", 6));
        assert!(section_run(
            "Startseite Politik Wirtschaft Kärnten Heute Service",
            6
        ));
        assert!(!section_run("Home truths about the archive", 5));
        assert!(!section_run("Home Office to archive migrant files", 6));
    }

    #[test]
    fn menu_links_printed_without_spaces() {
        assert!(menu_shape("HomeAboutArchiveContact", 1));
        assert!(menu_shape("Home » Politik »", 3));
        assert!(menu_shape(
            "#Aus Ankes Küchenfenster - Atom Aus Ankes Küchenfenster - RSS",
            10
        ));
        assert!(menu_shape("[                    ] Sign Up!", 3));
        assert!(!menu_shape("The list [1] shows it", 5));
        assert!(menu_shape("Cronaca / La storia", 4));
        assert!(!menu_shape(
            "Fed holds rates / markets rally on the news",
            8
        ));
        assert!(!menu_shape("© REUTERS / POOL", 4));
        assert!(!menu_shape(
            "Restituisce alla biblioteca un libro preso 57 anni fa: «Mi vergognavo da allora»",
            13
        ));
        assert!(menu_shape(
            "The Daily LedgerNewsOpinionSportCultureLifestyle Cities",
            5
        ));
        assert!(!menu_shape("McDonald's PlayStation deal", 3));
        assert!(menu_shape(
            "Blaulicht > Polizei > Nordrhein-Westfalen > Brandtal",
            7
        ));
        assert!(menu_shape("Europe›Portugal›Lisbon", 1));
        // A trail from the home page, however long its last item; a French quotation
        // closing on a spaced `»` is none.
        assert!(menu_shape(
            "Accueil > Espace presse > Communiqués de presse > Microcentrales",
            8
        ));
        assert!(menu_shape(
            "Home › News › Policy & Lobbying › Energy Bill Relief Scheme: cold stores must act",
            15
        ));
        assert!(!menu_shape(
            "Microcentrales : « L’État subventionne la destruction de nos rivières »",
            11
        ));
        assert!(menu_shape(
            "Sie sind hier: Startseite > Lokales > Bad Hollerbach > Artikel",
            10
        ));
        assert!(menu_shape(
            "Sie sind hier: Startseite › Unternehmen › Presse › Pressemitteilungen › \
             Großwärmepumpe am Klärwerk Süd",
            13
        ));
        // A trail's label and the home page, the separators dropped; not a sentence.
        assert!(menu_shape(
            "Du er her: Forside Nyheder Ny rute i Rold Skov",
            10
        ));
        assert!(menu_shape(
            "You are here: Home News Council votes to close bridge",
            10
        ));
        assert!(!menu_shape("Du er her i byen, og det er godt", 8));
        assert!(menu_shape(
            "Vous êtes ici\u{a0}: Accueil Actualités La digue fermée",
            8
        ));
        assert!(!menu_shape("Está en portada de la revista este mes", 8));
        // Separators drawn as pictures the renderer names; not a formula's index.
        assert!(menu_shape(
            "Inicio [arrow] Noticias [arrow] Lucía Ferrández, campeona absoluta",
            9
        ));
        assert!(!menu_shape(
            "Auf den Flächen gaben die Böden 28 Tonnen CO[2] -Äquivalente ab, nach dem \
             Anstau sank der CO[2]-Ausstoß auf elf Tonnen",
            20
        ));
        // Navigation on one line: section names without punctuation.
        assert!(menu_shape(
            "Home News Sport TV&Showbiz Femail Health Science Money Video Travel Latest",
            11
        ));
        assert!(menu_shape(
            "OMROEP NWS Start Net binnen Binnenland Buitenland Politiek Economie Regio \
             Cultuur & media Sport Weer Video",
            16
        ));
        // Headlines that name a section or two.
        assert!(menu_shape("Home Music Music News", 4));
        assert!(!menu_shape("Digital UK driven by net and TV", 7));
        assert!(!menu_shape("US TV cuts nudity from BBC film", 7));
        assert!(!menu_shape("UK pioneers digital film network", 5));
        assert!(!menu_shape("Europe backs digital TV lifestyle", 5));
        assert!(!menu_shape(
            "World, sport and money: the week in pictures",
            8
        ));
        assert!(!menu_shape("Shoppers line up for #BlackFriday deals", 6));
        assert!(!menu_shape("http://amzn.to/2iJFhRj", 1));
        assert!(!menu_shape("改造したiPhoneを販売するApp", 1));
        // In a sentence a glued name is a name.
        assert!(!menu_shape(
            "The new HomePodMini speaker went on sale in stores across the country today",
            14
        ));
    }

    #[test]
    fn calls_to_action() {
        assert!(call_to_action("Subscribe now!"));
        assert!(call_to_action(
            "[IMG] [banner_b] Anuncie no Autoracing agora!"
        ));
        assert!(!call_to_action("Subscribe now"));
        assert!(!call_to_action("Markets rally as shares soar!"));
        assert!(!call_to_action(
            "[Subscribe] Seeking a bigger role for a big rocket"
        ));
        assert!(!call_to_action("Home prices fall again!"));
        assert!(!call_to_action("Search for missing girl ends in joy!"));
    }

    #[test]
    fn prose_menus_and_furniture_measure_apart() {
        let u = units(
            "The council said on Tuesday that the plan would go ahead.\n\n* Home\n\n\
             Share on Facebook | Twitter | Email\n\nSearch ____________\n\n\
             Der Rat hat am Dienstag gesagt, dass der Plan umgesetzt wird.\n\n* Home\n",
        );
        let f = measure(&u);
        assert!(f[0].stop_ratio > 0.3 && f[0].sentence_end && !f[0].menu);
        assert!(f[1].bullet && f[1].repeats == 2);
        assert!(f[2].menu && f[2].furniture);
        assert!(f[3].menu);
        assert!(f[4].stop_ratio > 0.3);
        // A byline with the desk after a slash is no section path.
        let u = units("BY DENISE HARTWELL / Staff Writer\n\nNews / World / Europe\n");
        let f = measure(&u);
        assert!(!f[0].menu && f[1].menu);
    }

    #[test]
    fn comment_heads_and_quotations() {
        for head in [
            "Pete says:",
            "Kari Nordvik sa...",
            "Anonym hat gesagt…",
            "Ana dijo …",
            "bobmillion says:",
        ] {
            assert!(comment_head(head), "{head}");
        }
        for line in [
            "Environment Secretary Helen Marsh said:",
            "And then he said...",
            "il a perdu sa...",
            "She said",
            "sa...",
        ] {
            assert!(!comment_head(line), "{line}");
        }
        // Counts of comments and their boxes' labels in the other languages.
        let u = units("3 kommentarer:\n\nKomentarze (37)\n\nLegg inn en kommentar\n");
        assert!(measure(&u).iter().all(|f| f.barrier));
    }

    #[test]
    fn prose_of_the_other_languages_is_prose() {
        let u = units(
            "W nocy z niedzieli na poniedziałek strażacy z powiatu zostali wezwani do pożaru \
             hali, który był widoczny z daleka.\n\n\
             Søndag den 7. oktober blev den nye rute indviet, og mere end 140 vandrere gik \
             med på turen.\n\n\
             Onsdag ettermiddag ble gruppa varslet av politiet om en savnet skiløper som \
             ikke hadde kommet hjem.\n\n\
             Det gamla skolhuset i Norrvike blir museum, och föreningen har fått pengar \
             till en ny utställning.\n\n\
             El ple de l'Ajuntament va aprovar dimarts la reforma del mercat, amb els vots \
             de l'equip de govern.\n\n\
             Podul va fi închis pentru mașini începând de luni, iar traficul va fi deviat pe \
             podurile din centru.\n\n\
             Povodně na Olomoucku si vyžádaly evakuaci obyvatel a hasiči jsou v terénu od \
             rána.\n\n\
             Bolnica je dobila novi uređaj za snimanje koji će smanjiti liste čekanja za \
             pacijente.\n\n\
             Harga cabai di pasar tradisional naik tajam dalam dua minggu terakhir karena \
             pasokan dari petani berkurang.\n\n\
             Η ανάπλαση της πλατείας θα ξεκινήσει τον Οκτώβριο και θα διαρκέσει δύο χρόνια \
             σύμφωνα με τον δήμο.\n",
        );
        let f = measure(&u);
        for (i, f) in f.iter().enumerate() {
            let good = lexicon().weight("content.good_stop");
            assert!(f.stop_ratio >= good, "{i}: {}", f.stop_ratio);
        }
    }

    /// A print view's notice on the use of its copy is furniture however long.
    #[test]
    fn usage_notice_is_furniture() {
        let u = units(
            "This copy is for your personal, non-commercial use only. To order \
             presentation-ready copies for distribution to colleagues, clients or customers, \
             use the Reprints link at the bottom of this page.\n\n\
             The grocery chain has agreed to buy the stores for about $212 million, the \
             companies said on Monday, in a deal that needs the approval of regulators.\n",
        );
        let f = measure(&u);
        assert!(f[0].furniture);
        assert!(!f[1].furniture);
    }

    /// A cookie-consent notice at the top of a file is furniture however long; the same
    /// words in a story further down are not.
    #[test]
    fn cookie_consent_at_the_top() {
        let notice = "We use cookies to personalise content and ads and to analyse our \
                      traffic. Manage preferences";
        let story = "The court ruled that sites must ask for consent before they set \
                     cookies, and that a pre-ticked box is not consent.";
        let u = units(&format!(
            "{notice}\n\nHeadline\n\nOne.\n\nTwo.\n\n{story}\n\n{notice}\n"
        ));
        let f = measure(&u);
        assert!(f[0].furniture);
        assert!(!f[4].furniture && !f[5].furniture);
        // A box of a title, the notice that asks, a second paragraph naming cookies and
        // the buttons two units below the notice.
        let u = units(
            "Il rispetto della tua privacy è la nostra priorità\n\n\
             Noi e i nostri partner utilizziamo cookie e tecnologie simili per archiviare \
             informazioni su un dispositivo.\n\n\
             Puoi modificare le tue scelte cliccando su Preferenze cookie.\n\n\
             Accetta e continua Rifiuta e abbonati Personalizza\n\n\
             Incendio in un deposito di pneumatici a Roma\n",
        );
        let f = measure(&u);
        assert!(f[1].furniture && f[2].furniture && f[3].furniture);
        assert!(!f[4].furniture);
    }

    /// Sentences end in closing quotation marks of English, German and French typography,
    /// and in a full stop inside closing quotes or brackets; a headline and a caption's
    /// credit do not.
    #[test]
    fn sentences_end_in_any_closing_quote() {
        let u = units(
            "„Das ist ein guter Tag für die Stadt“\n\n‚So ist es.‘\n\n\
             « C'est une bonne journée »\n\n\"It is a good day.\"\n\n\
             'We thank them for their patience.'\n\n(The work ends in 2020.)\n\n\
             Harbour reopens after repairs\n\nA ferry at the quay (Image: GETTY)\n",
        );
        let ends: Vec<bool> = measure(&u).iter().map(|f| f.sentence_end).collect();
        assert_eq!(ends, [true, true, true, true, true, true, false, false]);
    }

    #[test]
    fn figures_are_scoreboards_not_headlines() {
        assert!(figures("Sacramento Kings 5-4, 3-1 Home 118"));
        assert!(figures("DAX 15.234 +0,8% 10:42"));
        assert!(!figures(
            "Okafor scores 34 as Kings rally past Grizzlies 118-112"
        ));
        assert!(!figures("NFL Week 12 picks: 49ers 27, Seahawks 20"));
        assert!(!figures("Lakers 112, Celtics 108"));
    }

    #[test]
    fn blobs_are_urls_and_encodings_not_words() {
        assert!(blob(
            "https://www.example.com/embed/video/?v=1.77d1ff0c609e9963c3f"
        ));
        assert!(blob(
            "rEWRM8Nv3uOvPh%2BdHlp%2B8FfOjHDlPygJ2l999ZWDzvqrT199dxjAX"
        ));
        assert!(!blob("airpods-pro-2.jpgairpods-pro-2.jpg"));
        assert!(!blob(
            "東京都は二十日、新しい防災計画を発表した/計画は来年から"
        ));
        assert!(!blob("A headline of several words / with a slash in it"));
    }
}
