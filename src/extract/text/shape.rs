//! The shape of a headline's line, whatever its place in the file: how many words it
//! counts, whether it reads as a headline rather than running text, whether it is a
//! picture's label over its caption, and the stem of a headline cut short.

use super::captions::caption;
use super::features::{lexicon, Features};
use super::lines::Unit;

/// Words of a line as a headline's length counts them: scripts written without spaces
/// (Chinese, Japanese) count a word per two characters, so that a 14-character Japanese
/// headline is not taken for one word.
pub(super) fn headline_words(f: &Features) -> usize {
    let wide = f.columns.saturating_sub(f.chars);
    if wide * 2 >= f.chars && f.words <= 3 {
        f.words.max(wide / 2)
    } else {
        f.words
    }
}

/// Share of capitalised words from which a line is in title case: a headline even when
/// it ends in a full stop (`I Replaced Our Nightly Batch Jobs With Event Streams. Here's
/// What Broke.`), which no sentence of prose is.
const TITLE_CASE: f32 = 0.8;
/// Words from which a line dense in function words is running text, not a headline; and
/// the same for a line standing alone between blank lines.
const RUNNING_WORDS: usize = 16;
const ALONE_RUNNING_WORDS: usize = 20;

/// A line with a headline's shape: several words, no full stop unless in title case, not
/// running text.
pub(super) fn heading_shaped(f: &Features, u: &Unit) -> bool {
    let text = u.text.as_str();
    // Running text has function words; so do the long headlines of Romance languages,
    // which stand alone between blank lines where a line of prose does not.
    let running = if u.blank_before && u.blank_after {
        ALONE_RUNNING_WORDS
    } else {
        RUNNING_WORDS
    };
    (4..=25).contains(&headline_words(f))
        && (text.ends_with("...") || !text.ends_with('.') || f.caps_ratio >= TITLE_CASE)
        && !(f.stop_ratio >= 0.35 && f.words >= running)
        && !super::dateline::attribution(text, f)
        && !dotted_label(text)
}

/// Most words of each part of a [`dotted_label`].
const LABEL_PART_WORDS: usize = 4;

/// A label of short parts parted by middle dots or bullets (`Regionalliga Mitte · 22.
/// Spieltag (Nachholspiel)`, `Politics · Analysis`): a section's or a series' label,
/// which headlines, written as a sentence, are not.
pub(super) fn dotted_label(text: &str) -> bool {
    let parts: Vec<&str> = text.split(" · ").flat_map(|p| p.split(" • ")).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() <= LABEL_PART_WORDS)
}

/// A picture's label over its caption: the caption opens on the whole label (`Acme
/// Robotics' Atlas-7 picking robot` / `Acme Robotics' Atlas-7 picking robot selects items
/// …`), or right under it in its block on the label's first [`LABEL_OPENING`] words and
/// runs longer (`A bulk carrier loads at a terminal near Rosario` / `A bulk carrier loads
/// at a terminal in Timbúes, north of Rosario Photo: …`; a story's first sentence under
/// its headline stands apart), or reads as a caption and opens on the same two words
/// (`Derek Pilling with his dog Bramble` / `Derek Pilling, 74, with his springer spaniel …
/// (SWNS)`) or, right under it in its block, holds most of its longer words.
pub(super) fn picture_label(units: &[Unit], feats: &[Features], i: usize) -> bool {
    let plain = |t: &str| t.replace(['’', '‘'], "'");
    let opening = |t: &str, n: usize| -> Vec<String> {
        super::features::words_lower(&plain(t))
            .take(n)
            .map(|w| w.into_owned())
            .collect()
    };
    units.get(i + 1).is_some_and(|next| {
        let (label, below) = (plain(&feats[i].key), plain(&feats[i + 1].key));
        let opens = below.len() > label.len() && below.starts_with(&label);
        let same = |n: usize| {
            let (a, b) = (opening(&units[i].text, n), opening(&next.text, n));
            a.len() == n && a == b
        };
        // Longer words of the label the caption right under it in its block holds too.
        let shared = || {
            let words = |t: &str| -> Vec<String> {
                super::features::words_lower(&plain(t))
                    .filter(|w| w.chars().count() >= SHARED_WORD_CHARS)
                    .map(|w| w.into_owned())
                    .collect()
            };
            let (a, b) = (words(&units[i].text), words(&next.text));
            let n = a.iter().filter(|w| b.contains(w)).count();
            n >= LABEL_SHARED && n * 2 >= a.len()
        };
        opens
            || (next.block == units[i].block
                && feats[i + 1].words > feats[i].words
                && same(LABEL_OPENING))
            || (caption(&next.text) && (same(2) || (next.block == units[i].block && shared())))
    })
}

/// Fewest letters of a word a label and its caption share, and fewest such words shared
/// (and half the label's at least): `Cranes over a housing development in north Dublin`
/// / `A housing development under construction in Clongriffin, north Dublin.
/// Photograph: …`.
const SHARED_WORD_CHARS: usize = 4;
const LABEL_SHARED: usize = 3;

/// Words a picture's label and the caption under it open on alike.
const LABEL_OPENING: usize = 4;

/// Units above and below a line searched for a breadcrumb trail that ends in it.
const CRUMB_REACH: usize = 3;
/// Most words of a trail's items before its last: section names.
const CRUMB_WORDS: usize = 4;

/// A breadcrumb trail: items parted by `»`, `›`, `>` or `/`, the ones before the last
/// short section names; its last item and how many items it has.
fn trail(text: &str) -> Option<(&str, usize)> {
    ["»", "›", " > ", " / "].iter().find_map(|sep| {
        let items: Vec<&str> = text.split(sep).map(str::trim).collect();
        let (last, before) = items.split_last()?;
        (!before.is_empty()
            && before
                .iter()
                .all(|p| (1..=CRUMB_WORDS).contains(&p.split_whitespace().count())))
        .then_some((*last, items.len()))
    })
}

/// Whether `text` is a breadcrumb trail of three items or more ([`trail`]): it ends its
/// line (`Corriere Torino > Cronaca > Tram 4 sospeso per tre mesi` over a kicker).
pub(super) fn is_trail(text: &str) -> bool {
    trail(text).is_some_and(|(_, items)| items >= 3)
}

/// The last item of a breadcrumb trail ([`trail`]).
fn trail_end(text: &str) -> Option<&str> {
    trail(text).map(|(last, _)| last)
}

/// Units above a headline searched for a trail that names it: a sidebar or a section's
/// menu may stand between the two.
const CRUMB_REACH_ABOVE: usize = 20;

/// The units from `above` units before unit `i` to `below` units after it, itself aside.
fn around(units: &[Unit], i: usize, above: usize, below: usize) -> impl Iterator<Item = usize> {
    (i.saturating_sub(above)..(i + below + 1).min(units.len())).filter(move |&j| j != i)
}

/// Fewest words a trail's last item cut short keeps to name a line it opens.
const CUT_CRUMB_WORDS: usize = 3;

/// Fewest words of a trail's last item that names a headline by its short form.
const SHORT_FORM_WORDS: usize = 4;
/// Most words of a line a trail's last item names from inside it.
const HEADLINE_WORDS: usize = 20;

/// Whether a trail's last item names the line whose key is `key`: the same words, or the
/// line's opening words cut short (`Home / Delhi / Kanakpur landfill fire smoulders for
/// thi...` over the whole headline).
fn names_line(last: &str, key: &str) -> bool {
    let key_of = super::features::line_key;
    let last_key = key_of(last);
    !key.is_empty()
        && (last_key == key
            // The headline's short form, its opening words (`… > Dorpsplein Westerzijl
            // krijgt nieuwe inrichting` over `Dorpsplein Westerzijl krijgt nieuwe
            // inrichting: bewoners praten mee`, `… › Großwärmepumpe am Klärwerk Süd` over
            // `Großwärmepumpe am Klärwerk Süd speist erstmals Wärme ins Fernwärmenetz ein`).
            // Or those words inside a line of a headline's length, its opening or its end
            // cut off (`… > Press releases > Hyper-acute stroke unit opens` over `New
            // hyper-acute stroke unit opens at Fenwick General`); a paragraph quoting them
            // is no headline.
            || (last_key.split(' ').count() >= SHORT_FORM_WORDS
                && key.match_indices(last_key.as_str()).any(|(at, part)| {
                    (at == 0 || (key[..at].ends_with(' ') && key.split(' ').count() <= HEADLINE_WORDS))
                        && (at + part.len() == key.len()
                            || key[at + part.len()..].starts_with([' ', ':', ',']))
                }))
            || cut_stem(last).is_some_and(|stem| {
                // The last word may be cut inside itself.
                let whole = stem.rsplit_once(' ').map_or(stem, |(head, _)| head);
                whole.split_whitespace().count() >= CUT_CRUMB_WORDS
                    && key.starts_with(key_of(whole).as_str())
            }))
}

/// Whether a breadcrumb trail near unit `i` ends in its text (`Mensagens » Autoestima »
/// Só quem se Ama…` under `Só quem se Ama…`): a trail's last item names the page itself.
pub(super) fn crumb_end(units: &[Unit], feats: &[Features], i: usize) -> bool {
    around(units, i, CRUMB_REACH_ABOVE, CRUMB_REACH).any(|j| {
        trail_end(&units[j].text).is_some_and(|last| names_line(last, &feats[i].key))
            || bare_trail_names(&units[j].text, &feats[i].key)
    })
}

/// Most words of a trail's label before its colon (`Tu sei qui:`, `You are here:`).
const TRAIL_LABEL_WORDS: usize = 3;
/// Most words of section names a trail without separators opens on.
const BARE_TRAIL_WORDS: usize = 8;
/// Fewest words of the line a trail without separators must end in.
const BARE_TRAIL_TAIL: usize = 4;

/// Whether `text` is a trail whose separators the renderer dropped, ending in the line
/// whose key is `key`: a few section names (from the home page's, when the line is
/// whole), then the line whole, or its opening words
/// and an ellipsis (`Home News Campus Students vow to fight as Wexbridge scraps…` over
/// `Students vow to fight as Wexbridge scraps 24-hour library opening`).
fn bare_trail_names(text: &str, key: &str) -> bool {
    let Some(stem) = cut_stem(text) else {
        // Or whole, after section names opening on the home page's, past the trail's
        // label (`Tu sei qui: Home Notiziario Torrechiara ritrova la sua chiesa: …`).
        let whole = super::features::line_key(text);
        let home = |head: &str| {
            let trail = text
                .split_once(": ")
                .filter(|(label, _)| label.split_whitespace().count() <= TRAIL_LABEL_WORDS)
                .map_or(head, |(_, rest)| rest);
            super::features::line_key(trail)
                .split(' ')
                .next()
                .is_some_and(|w| super::features::lexicon().has("sections.home", w))
        };
        return key.split(' ').count() >= BARE_TRAIL_TAIL
            && whole.strip_suffix(key).is_some_and(|head| {
                head.ends_with(' ')
                    && (1..=BARE_TRAIL_WORDS).contains(&head.split_whitespace().count())
                    && home(head)
            });
    };
    // The last word may be cut inside itself.
    let whole = stem.rsplit_once(' ').map_or(stem, |(head, _)| head);
    let words: Vec<String> = super::features::line_key(whole)
        .split(' ')
        .map(str::to_string)
        .collect();
    (1..=BARE_TRAIL_WORDS.min(words.len())).any(|at| {
        let tail = &words[at..];
        tail.len() >= BARE_TRAIL_TAIL && {
            let tail = tail.join(" ");
            key.starts_with(&tail) && key[tail.len()..].starts_with(' ')
        }
    })
}

/// Fewest items of a trail a headline stands right under.
const TRAIL_ITEMS: usize = 3;

/// Whether the unit right above unit `i` (past a picture's label) is a breadcrumb trail
/// of three items or more (`Startseite > Aktuelles > Neuigkeiten`): a page's headline
/// stands under its trail.
pub(super) fn under_trail(units: &[Unit], i: usize) -> bool {
    (i.saturating_sub(2)..i)
        .rev()
        .find(|&j| !super::pagetitle::image_label(&units[j].text))
        .is_some_and(|j| trail(&units[j].text).is_some_and(|(_, items)| items >= TRAIL_ITEMS))
}

/// Fewest items of a list of dated lines (each with its date right above it, or each
/// right above its date) that makes one.
const DATED_ITEMS: usize = 3;

/// Whether unit `i` is an item of a list of dated lines (`02/04/2008` / `Curso de
/// iniciación …` / `18/03/2008` / `Asamblea general …`, a sidebar's latest news): lines
/// and dates alternate for three items or more, so the date beside a line is an item's,
/// and the date under one is the next item's. `dated(j)`: whether unit `j` is a
/// dateline or a byline. An article's header (`date` / headline / story) is one item.
pub(super) fn dated_list(count: usize, i: usize, dated: impl Fn(usize) -> bool) -> bool {
    let item = |p: usize, date_above: bool| {
        !dated(p)
            && if date_above {
                p > 0 && dated(p - 1)
            } else {
                p + 1 < count && dated(p + 1)
            }
    };
    let items = |date_above: bool| {
        if !item(i, date_above) {
            return 0;
        }
        let before = (1..)
            .map_while(|k| i.checked_sub(2 * k))
            .take_while(|&p| item(p, date_above))
            .count();
        let after = (1..)
            .map(|k| i + 2 * k)
            .take_while(|&p| p < count && item(p, date_above))
            .count();
        1 + before + after
    };
    items(true) >= DATED_ITEMS || items(false) >= DATED_ITEMS
}

/// Whether unit `i` is a breadcrumb trail ending in a line printed near it: the trail,
/// not the headline it ends in.
pub(super) fn trail_to_near(units: &[Unit], feats: &[Features], i: usize) -> bool {
    around(units, i, CRUMB_REACH, CRUMB_REACH_ABOVE).any(|j| {
        trail_end(&units[i].text).is_some_and(|last| names_line(last, &feats[j].key))
            || bare_trail_names(&units[i].text, &feats[j].key)
    })
}

/// A line cut short with an ellipsis, without the ellipsis.
pub(super) fn cut_stem(s: &str) -> Option<&str> {
    s.strip_suffix('…')
        .or_else(|| s.strip_suffix("..."))
        .map(str::trim_end)
}

/// A headline without the kicker its page set in the same heading with no space between
/// (`Verkehr in Rosenheim:Die Innbrücke bleibt gesperrt`): a colon right after a letter
/// and right before a capital, with words on both sides.
pub(super) fn unglued_kicker(text: &str) -> &str {
    let glued = text.char_indices().find(|&(i, c)| {
        c == ':'
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && text[i + 1..].chars().next().is_some_and(char::is_uppercase)
    });
    match glued {
        Some((i, _))
            if text[..i].split_whitespace().count() >= 2
                && text[i + 1..].split_whitespace().count() >= 3 =>
        {
            &text[i + 1..]
        }
        _ => text,
    }
}

/// A Portuguese byline's outlet and place under the author's name (`Do G1, em São
/// Paulo`, `Da Redação, em Brasília`): "from" the outlet, "in" the place.
pub(super) fn outlet_and_place(text: &str) -> bool {
    let Some((outlet, place)) = text.split_once(", em ") else {
        return false;
    };
    let capital = |s: &str| s.trim().starts_with(char::is_uppercase);
    let outlet = ["Do ", "Da ", "Dos ", "Das "]
        .iter()
        .find_map(|p| outlet.strip_prefix(p));
    outlet.is_some_and(|o| capital(o) && o.split_whitespace().count() <= 3)
        && capital(place)
        && !place.contains(',')
        && place.split_whitespace().count() <= 4
}

/// A line without the tools a table's right-hand cell printed beside its text, past a
/// wide gap (`termómetro del                      PDF            Imprimir
/// E-mail`, a content management system's icons beside a wrapped headline): two or more
/// capitalised words of the lexicon's `title.tools` and nothing else after the gap.
pub(super) fn without_tools_cell(line: &str) -> Option<&str> {
    let tools = |cell: &str| {
        let words: Vec<&str> = cell.split_whitespace().collect();
        words.len() >= 2 && words.iter().all(|w| tool_word(w))
    };
    line.match_indices(TOOLS_GAP)
        .map(|(at, _)| (line[..at].trim_end(), &line[at..]))
        .find(|(text, cell)| !text.trim().is_empty() && tools(cell))
        .map(|(text, _)| text)
}

/// Whether `word` is a button of a story's tools: capitalised and in the lexicon's
/// `title.tools` (`PDF`, `Drucken`, `E-mail`; `… als PDF drucken` is a sentence's).
pub(super) fn tool_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && lexicon().has("title.tools", &word.to_lowercase())
}

/// The gap that parts a table's cells in a rendering (wider than a sentence's spacing).
const TOOLS_GAP: &str = "        ";

/// A headline without the buttons its page printed in the same row (`Ξεκινά τον
/// Οκτώβριο … PDF Εκτύπωση E-mail`, a content management system's `PDF Print E-mail`
/// icons): a run of two or more capitalised words of the lexicon's `title.tools` ending
/// the line, with [`TOOLS_HEADLINE_WORDS`] words or more before it. One such word alone may end a
/// headline (`Scammers target pensioners by email`).
pub(super) fn without_tools(text: &str) -> &str {
    let mut end = text.len();
    let mut tools = 0;
    while let Some((head, last)) = text[..end].trim_end().rsplit_once(' ') {
        if !tool_word(last) {
            break;
        }
        tools += 1;
        end = head.len();
    }
    let head = text[..end].trim_end();
    if tools >= 2 && head.split_whitespace().count() >= TOOLS_HEADLINE_WORDS {
        head
    } else {
        text
    }
}

/// A headline without the source's domain a link aggregator prints after it (`PyPI Pulls
/// 40 Typosquatting Packages … Code (zdnet.com)`): a bracketed host name in lower case,
/// one word with a dot and letters after it, ending the line.
pub(super) fn without_source_domain(text: &str) -> &str {
    let Some((head, inside)) = text.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) else {
        return text;
    };
    let host = inside.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty()
            && (2..=6).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-'))
    });
    if host && head.split_whitespace().count() >= TOOLS_HEADLINE_WORDS {
        head.trim_end()
    } else {
        text
    }
}

/// Fewest words of a headline left once its buttons are cut off.
const TOOLS_HEADLINE_WORDS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_of_tools_beside_the_text() {
        assert_eq!(
            without_tools_cell(
                "termómetro del                      PDF            Imprimir              E-mail"
            ),
            Some("termómetro del")
        );
        // A sentence's own word after a gap, or one tool alone, stays.
        assert_eq!(
            without_tools_cell("Gemeinderat tagt          Drucken"),
            None
        );
        assert_eq!(
            without_tools_cell("Der Rat          tagt heute Abend"),
            None
        );
        assert_eq!(without_tools_cell("PDF Drucken E-Mail"), None);
    }

    #[test]
    fn an_outlet_and_place_under_a_name() {
        assert!(outlet_and_place("Do N1, em Belo Horizonte"));
        assert!(outlet_and_place("Da Redação, em Brasília"));
        assert!(!outlet_and_place(
            "Incêndio atinge vegetação da Serra do Curral, em Belo Horizonte"
        ));
        assert!(!outlet_and_place("Do lado de fora, em silêncio"));
        assert!(!outlet_and_place("Da Vinci, em Milão, ganha exposição"));
    }

    #[test]
    fn a_source_s_domain_after_the_headline_is_cut_off() {
        assert_eq!(
            without_source_domain("PyPI Pulls 40 Typosquatting Packages (zdnet.com)"),
            "PyPI Pulls 40 Typosquatting Packages"
        );
        for kept in [
            "Shares fall 3.5 percent (Reuters)",
            "Ten things we learned (part 2)",
            "Node hits version 1.0 (finally)",
            "Deno 2.0 takes aim at (Node.js)",
        ] {
            assert_eq!(without_source_domain(kept), kept);
        }
    }

    #[test]
    fn buttons_in_the_headline_s_row_are_cut_off() {
        assert_eq!(
            without_tools("Ξεκινά τον Οκτώβριο η ανάπλαση της πλατείας PDF Εκτύπωση E-mail"),
            "Ξεκινά τον Οκτώβριο η ανάπλαση της πλατείας"
        );
        assert_eq!(
            without_tools("Gemeinderat beschließt neuen Haushalt PDF Drucken E-Mail"),
            "Gemeinderat beschließt neuen Haushalt"
        );
        for kept in [
            "Scammers target pensioners by email",
            "PDF Print E-mail",
            "Why you should print",
            "So lässt sich eine Webseite als PDF drucken",
            "Stop junk mail: opt out of print mail",
        ] {
            assert_eq!(without_tools(kept), kept);
        }
    }

    #[test]
    fn a_glued_kicker_is_no_part_of_the_headline() {
        assert_eq!(
            unglued_kicker("Verkehr in Rosenheim:Die Innbrücke bleibt ein Jahr länger gesperrt"),
            "Die Innbrücke bleibt ein Jahr länger gesperrt"
        );
        for kept in [
            "Bahnstreik: Was Pendler jetzt wissen müssen",
            "Opening Bell 11:18 update",
            "Brexit:Deal done",
        ] {
            assert_eq!(unglued_kicker(kept), kept);
        }
    }
}
