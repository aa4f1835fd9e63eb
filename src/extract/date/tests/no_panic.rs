//! No input makes the date functions panic or read past their window.

use super::*;

/// Tiny deterministic xorshift generator for the no-panic test.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn never_panics_on_random_input() {
    const PIECES: &[&str] = &[
        "2014",
        "-",
        "01",
        "22",
        "T",
        "t",
        "05",
        ":",
        "30",
        ":00",
        "+",
        "−",
        "0800",
        "+08:00",
        "Z",
        "z",
        "Jan",
        "März",
        "Ma\u{0308}rz",
        "février",
        "de",
        "/",
        ".",
        ",",
        " ",
        "  ",
        "\t",
        "é",
        "日本",
        "🦀",
        "\u{0301}",
        "GMT",
        "GMT+",
        "pm",
        "p.m.",
        "a.",
        "m",
        "12",
        "0",
        "00",
        "9",
        "99999999999999999999999",
        "20151210",
        "191044",
        "Sept.",
        "1er",
        "h",
        "Uhr",
        "noon",
        "'",
        "’",
        "º",
        "Tuesday",
        "Updated:",
        "&#5;",
        "(",
        ")",
        "—",
        "1",
        "31",
        "24",
        "60",
        "1987",
        "0001",
        "9999",
        "AM",
        "ET",
        "\u{a0}",
        "\u{202f}",
        "\0",
        "\u{10ffff}",
        "131137",
        "1509",
        "1509GMT",
        "Okt",
        "Nov 13",
        "年",
        "月",
        "日电",
        "일",
        "mar",
        "quarta",
        "-feira",
        "feira",
        "°",
        "Aggiornato il",
        "Mis à jour le",
        "om",
        "uur",
        "20195",
        "201923",
        "ESTUpdated",
        "aÉ",
        "Ǆǅ",
        "сентября",
        "ноябрь",
        "г.",
        "года",
        "в",
        "среда",
        "Agustus",
        "Rabu",
        "pukul",
        "WIB",
        "às",
        "a las",
        "alle",
        "8h05",
        "h",
        "am",
        "ist",
        "est",
        "et",
        "/0 Comments",
        "|",
        "1909",
        "(0309 HKT)",
        "HKT",
        "２０１９",
        "１",
        "：",
        "年",
        "\u{ff5e}",
        "\u{ff01}",
        "\u{ff00}",
        "\u{3000}",
    ];
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let mut s = String::new();
        for _ in 0..rng.below(24) {
            if rng.below(4) == 0 {
                let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('\u{fffd}');
                s.push(c);
            } else {
                s.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        let now = [NOW, 1800, 0, i32::MIN, i32::MAX][rng.below(5)];
        let _ = parse_date_with_now(&s, now);
        let _ = find_date_with_now(&s, now);
        let _ = parse_whole_date_with_now(&s, now);
        let _ = find_labeled_dates_with_now(&s, now);
        let _ = find_preferred_date_with_now(&s, now);
        let _ = label_kind(&s);
    }
}

#[test]
fn never_panics_on_huge_input() {
    let huge = "2014-01-22 ".repeat(100_000) + &"é".repeat(100_000);
    assert!(parse_date(&huge).is_some());
    assert!(find_date(&huge).is_some());
    // The window bounds the dates a line can give.
    let all = find_labeled_dates(&huge);
    assert!((1..=30).contains(&all.len()), "{}", all.len());
    assert!(find_preferred_date(&huge).is_some());
    assert_eq!(label_kind(&huge), None);
    let digits = "9".repeat(1_000_000);
    assert_eq!(parse_date(&digits), None);
    assert_eq!(find_date(&digits), None);
    // Full-width text is copied only as far as the window reaches.
    let wide = "２".repeat(1_000_000);
    assert_eq!(parse_date(&wide), None);
    assert_eq!(find_date(&wide), None);
    let year = format!("2014{}", " ".repeat(1_000));
    assert_eq!(parse_date(&year), None);
}
