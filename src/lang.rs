//! Article languages: which language an article is in (detected from its text, or given
//! by the user or the source), and how text in that language is analysed for search.
//!
//! Detection is whatlang's trigram and script model over the start of the title and body;
//! a detection whatlang itself calls unreliable leaves the article's language undetermined
//! (`und`), analysed as English as every article was before languages were told apart.
//! Each language maps to an `Scheme`: a Snowball stemmer (with or without accent
//! folding), overlapping bigrams for Chinese, Japanese and Korean, or words as they are.

/// How words of one language are reduced to index terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Lower-cased, accents folded unless `fold` is false, then this Snowball stemmer.
    Stem {
        algorithm: frostem::Algorithm,
        fold: bool,
    },
    /// Runs of Han, Hiragana, Katakana and Hangul as overlapping character bigrams (a
    /// word of two characters is found inside a sentence with no spaces); other words
    /// lower-cased and folded.
    Cjk,
    /// Lower-cased and folded, not stemmed: languages without a stemmer here.
    Plain,
}

/// A language newsdex tells apart: its code as stored and queried (`lang:de`), its name,
/// and its analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language {
    pub code: &'static str,
    pub name: &'static str,
    pub scheme: Scheme,
}

const fn stem(code: &'static str, name: &'static str, algorithm: frostem::Algorithm) -> Language {
    Language {
        code,
        name,
        scheme: Scheme::Stem {
            algorithm,
            fold: true,
        },
    }
}

/// English, and what an undetermined article is analysed as.
pub const ENGLISH: Language = stem("en", "English", frostem::Algorithm::English);

/// The languages with their own analysis, by ISO 639-1 code (whatlang's 639-3 beside).
const KNOWN: &[(whatlang::Lang, Language)] = {
    use frostem::Algorithm as A;
    use whatlang::Lang as W;
    &[
        (W::Eng, ENGLISH),
        (W::Deu, stem("de", "German", A::German)),
        (W::Fra, stem("fr", "French", A::French)),
        (W::Spa, stem("es", "Spanish", A::Spanish)),
        (W::Ita, stem("it", "Italian", A::Italian)),
        (W::Por, stem("pt", "Portuguese", A::Portuguese)),
        (W::Nld, stem("nl", "Dutch", A::Dutch)),
        (W::Swe, stem("sv", "Swedish", A::Swedish)),
        (W::Nob, stem("no", "Norwegian", A::Norwegian)),
        (W::Dan, stem("da", "Danish", A::Danish)),
        (W::Fin, stem("fi", "Finnish", A::Finnish)),
        (W::Rus, stem("ru", "Russian", A::Russian)),
        (W::Hun, stem("hu", "Hungarian", A::Hungarian)),
        (W::Ron, stem("ro", "Romanian", A::Romanian)),
        // Turkish dotted and dotless i are different letters: no folding.
        (
            W::Tur,
            Language {
                code: "tr",
                name: "Turkish",
                scheme: Scheme::Stem {
                    algorithm: A::Turkish,
                    fold: false,
                },
            },
        ),
        (W::Ell, stem("el", "Greek", A::Greek)),
        (W::Ara, stem("ar", "Arabic", A::Arabic)),
        (W::Tam, stem("ta", "Tamil", A::Tamil)),
        (
            W::Cmn,
            Language {
                code: "zh",
                name: "Chinese",
                scheme: Scheme::Cjk,
            },
        ),
        (
            W::Jpn,
            Language {
                code: "ja",
                name: "Japanese",
                scheme: Scheme::Cjk,
            },
        ),
        (
            W::Kor,
            Language {
                code: "ko",
                name: "Korean",
                scheme: Scheme::Cjk,
            },
        ),
    ]
};

/// An article whose language could not be told: analysed as English.
pub const UNDETERMINED: &str = "und";

/// Characters of title and body whatlang looks at: enough for a reliable guess, bounded
/// cost.
const SAMPLE_CHARS: usize = 2_000;

/// Characters of the body the script and function-word tests look at (about 150 words).
const QUICK_CHARS: usize = 1_000;

/// The first `n` characters of `s`.
fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl Language {
    /// The language with this code (`de`, `zh`, ...), or any other language whatlang
    /// knows by its ISO 639-3 code, analysed plainly.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        let code = code.split(['-', '_']).next().unwrap_or("");
        if code == UNDETERMINED {
            return Some(undetermined());
        }
        if let Some((_, l)) = KNOWN
            .iter()
            .find(|(w, l)| l.code == code || w.code() == code)
        {
            return Some(*l);
        }
        whatlang::Lang::from_code(code).map(other)
    }

    /// Every language with an analysis of its own.
    pub fn known() -> impl Iterator<Item = Language> {
        KNOWN.iter().map(|(_, l)| *l)
    }
}

fn undetermined() -> Language {
    Language {
        code: UNDETERMINED,
        name: "undetermined",
        scheme: ENGLISH.scheme,
    }
}

/// A language whatlang detects without an analysis here: its 639-3 code, plain words.
fn other(w: whatlang::Lang) -> Language {
    Language {
        code: w.code(),
        name: w.eng_name(),
        scheme: Scheme::Plain,
    }
}

/// The language of an article from its title and body (undetermined when the text is too
/// short or too mixed for a reliable guess).
///
/// Two cheap tests decide most articles, whatlang the rest: the script (Hangul is Korean,
/// kana Japanese, Han without kana Chinese), and, for text in Latin letters, how many of
/// its words are the commonest function words of each language with a stemmer here
/// ("the", "der", "les", ...): one language far ahead of the others is the answer.
/// whatlang's trigram models cost about 0.15 ms an article, which on an English archive
/// was a third of the indexing time.
pub fn detect(title: Option<&str>, body: &str) -> Language {
    let head = prefix_chars(body, QUICK_CHARS);
    let texts = [title.unwrap_or(""), head];
    if let Some(l) = by_script(&texts).or_else(|| by_function_words(&texts)) {
        return l;
    }
    let mut sample = String::with_capacity(SAMPLE_CHARS + 64);
    if let Some(t) = title {
        sample.push_str(t);
        sample.push('\n');
    }
    sample.push_str(prefix_chars(body, SAMPLE_CHARS));
    match whatlang::detect(&sample) {
        Some(info) if info.is_reliable() => KNOWN
            .iter()
            .find(|(w, _)| *w == info.lang())
            .map_or_else(|| other(info.lang()), |(_, l)| *l),
        _ => undetermined(),
    }
}

/// Whether `language` writes compounds as one word (German `Bundesregierung`), so that a
/// query word is also looked for as the last part of longer words.
pub fn forms_compounds(language: &Language) -> bool {
    matches!(language.code, "de" | "nl" | "sv" | "no" | "da" | "fi")
}

/// Whether `word` (lower-cased) is one of the commonest function words of `language`
/// (none for languages without a list).
pub fn is_function_word(language: &Language, word: &str) -> bool {
    let Some(i) = FUNCTION_WORDS.iter().position(|(c, _)| *c == language.code) else {
        return false;
    };
    function_words()
        .get(word)
        .is_some_and(|bits| bits & (1 << i) != 0)
}

fn known(code: &str) -> Option<Language> {
    KNOWN.iter().find(|(_, l)| l.code == code).map(|(_, l)| *l)
}

/// Korean, Japanese or Chinese by their scripts, when they make up most of the letters.
fn by_script(texts: &[&str]) -> Option<Language> {
    let (mut letters, mut han, mut kana, mut hangul) = (0usize, 0usize, 0usize, 0usize);
    for c in texts.iter().flat_map(|t| t.chars()) {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
            continue;
        }
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        match c {
            '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9D}' => {
                kana += 1
            }
            '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => {
                hangul += 1
            }
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => han += 1,
            _ => {}
        }
    }
    if letters < 10 {
        return None;
    }
    if hangul * 3 > letters {
        known("ko")
    } else if kana * 10 > letters && (kana + han) * 2 > letters {
        known("ja")
    } else if han * 2 > letters && kana == 0 {
        known("zh")
    } else {
        None
    }
}

/// The commonest function words of the languages in Latin letters with a stemmer here.
const FUNCTION_WORDS: &[(&str, &str)] = &[
    ("en", "the of and to in a is that for it on was with as he be by at said his are from have has an this were but not they which will their been"),
    ("de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über"),
    ("fr", "de la le et les des en un du une que est pour qui dans par plus pas au sur ne se il ce sont avec ont aux été elle leur cette"),
    ("es", "de la que el en y los del se las por un para con no una su al es lo como más pero sus le ha sin sobre este ya entre cuando también fue han"),
    ("it", "di e il la che in per un è non del della una le i si con da al dei sono ha gli nel alla delle anche come più ma questo"),
    ("pt", "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito nos já está"),
    ("nl", "de en van het een in is dat op te zijn voor met die niet aan er om ook als bij door maar wordt naar nog werd worden heeft hij ze dan uit tot"),
    ("sv", "och i att det som en på är av för med till den har de inte om ett han men var sig från vi så kan man när år säger hon under också efter"),
    ("no", "og i det som på er en til av for å med at har de ikke den han et om var seg fra vi men så kan sier etter skal hun også ble blir"),
    ("da", "og i at det er en til på som de med af for ikke den har et der var om han fra men vi så kan sig efter skal også blev bliver siger"),
    ("fi", "ja on ei että se oli hän mutta kun myös ovat tai jo niin kuin sen mukaan vuoden joka jotka ole sekä ollut voi kanssa tämä nyt vain yli"),
    ("hu", "a az és hogy nem is egy meg de van már csak el ki még volt mint ez azt fel be pedig után szerint között lesz vagy sem mert ha"),
    ("ro", "de și în a la cu să că nu pe din o un pentru care este mai se au fost ca sau fi al ale lui prin dar sunt după unei acest"),
    ("tr", "ve bir bu da de için ile olarak çok daha gibi en ne o olan kadar sonra ama ya her değil var mi olduğunu şey tarafından büyük yeni"),
];

/// For each function word, the languages (bits, in `FUNCTION_WORDS` order) it is one of.
fn function_words() -> &'static std::collections::HashMap<&'static str, u16> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, u16>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            for w in words.split(' ') {
                *m.entry(w).or_insert(0u16) |= 1 << i;
            }
        }
        m
    })
}

/// The language in Latin letters whose function words are clearly the most frequent in
/// `sample`: at least 5 of its words, twice as many as any other language's, and one in
/// ten of all words.
fn by_function_words(texts: &[&str]) -> Option<Language> {
    let map = function_words();
    let mut counts = [0usize; FUNCTION_WORDS.len()];
    let (mut words, mut latin) = (0usize, 0usize);
    let mut lower = String::new();
    let all = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()));
    for w in all.filter(|w| !w.is_empty()) {
        words += 1;
        lower.clear();
        if w.is_ascii() {
            latin += 1;
            lower.push_str(w);
            lower.make_ascii_lowercase();
        } else {
            if w.chars()
                .all(|c| c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c))
            {
                latin += 1;
            }
            lower.extend(w.chars().flat_map(char::to_lowercase));
        }
        if let Some(&bits) = map.get(lower.as_str()) {
            for (i, n) in counts.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    *n += 1;
                }
            }
        }
    }
    if words == 0 || latin * 10 < words * 9 {
        return None;
    }
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
    let (best, second) = (counts[order[0]], counts[order[1]]);
    (best >= 5 && best >= 2 * second && best * 10 >= words)
        .then(|| known(FUNCTION_WORDS[order[0]].0))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_languages_of_news_text() {
        for (title, body, code) in [
            (
                "Regierung plant neue Wahlen",
                "Die Bundesregierung hat am Dienstag angekündigt, dass die Wahlen im Herbst \
                 stattfinden sollen. Die Opposition kritisierte den Zeitplan als zu knapp.",
                "de",
            ),
            (
                "Le gouvernement annonce des élections",
                "Le gouvernement a annoncé mardi que les élections auraient lieu à l'automne. \
                 L'opposition a jugé le calendrier trop serré.",
                "fr",
            ),
            (
                "Government plans new elections",
                "The government announced on Tuesday that the elections would be held in the \
                 autumn. The opposition said the timetable was too tight.",
                "en",
            ),
            (
                "政府宣布举行新选举",
                "政府周二宣布，选举将于秋季举行。反对派批评时间表过于紧张。",
                "zh",
            ),
        ] {
            assert_eq!(detect(Some(title), body).code, code, "{title}");
        }
        assert_eq!(detect(None, "ok").code, UNDETERMINED);
    }

    #[test]
    fn codes_name_languages_both_ways() {
        assert_eq!(Language::from_code("de").unwrap().name, "German");
        assert_eq!(Language::from_code("DE-at").unwrap().code, "de");
        assert_eq!(Language::from_code("deu").unwrap().code, "de");
        assert_eq!(Language::from_code("pol").unwrap().scheme, Scheme::Plain);
        assert_eq!(Language::from_code("und").unwrap().scheme, ENGLISH.scheme);
        assert!(Language::from_code("xx").is_none());
        assert!(Language::known().any(|l| l.code == "zh" && l.scheme == Scheme::Cjk));
    }
}
