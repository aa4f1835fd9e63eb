//! Mojibake: UTF-8 that was decoded as Latin-1 or Windows-1252 somewhere upstream and
//! then re-encoded, inside text that is otherwise valid (`Â£`, `â€™`, `Ã©`). No byte-level
//! decoder can see it; the XML tree and the wire-text finishing repair it here.

use std::borrow::Cow;

/// Repairs UTF-8 that was decoded as Latin-1 or Windows-1252 somewhere upstream and then
/// re-encoded (`Â£` for `£`, `â€™` for `’`, `Ã©` for `é`). Only sequences that form a
/// valid UTF-8 character in a plausible range are replaced, so real Latin-1 text (`Fuß»`)
/// is left alone.
pub fn fix_mojibake(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, used)) = mojibake_at(&chars[i..]) {
            out.push(c);
            i += used;
            changed = true;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

fn mojibake_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = *chars.first()? as u32;
    let need = match lead {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut bytes = vec![lead as u8];
    for c in chars.get(1..=need)? {
        let b = cp1252_byte(*c)?;
        if !(0x80..=0xbf).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    let plausible = match need {
        1 => ('\u{a0}'..='\u{4ff}').contains(&decoded),
        2 => {
            ('\u{2000}'..='\u{2bff}').contains(&decoded)
                || ('\u{3000}'..='\u{9fff}').contains(&decoded)
        }
        _ => true,
    };
    plausible.then_some((decoded, need + 1))
}

/// The Windows-1252 byte a character came from, if it came from one.
fn cp1252_byte(c: char) -> Option<u8> {
    if (c as u32) < 0x100 {
        return Some(c as u32 as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_repaired_and_latin1_left_alone() {
        assert_eq!(
            fix_mojibake("more than Â£4 million"),
            "more than £4 million"
        );
        assert_eq!(
            fix_mojibake("the companyâ\u{80}\u{99}s debt"),
            "the company’s debt"
        );
        assert_eq!(fix_mojibake("itâ€™s cafÃ©"), "it’s café");
        for ok in [
            "Fuß» und «Ärger»",
            "Zürich, Genève",
            "São Paulo",
            "Ã",
            "naïve",
        ] {
            assert_eq!(fix_mojibake(ok), ok);
        }
    }
}
