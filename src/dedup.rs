//! Near-duplicate fingerprints: one wire story reprinted by many outlets with small edits
//! should show up once in results, with "+N copies".
//!
//! A 128-bit SimHash over word 3-shingles of the body (lower-cased, letters and digits
//! only): each shingle's 128-bit xxh3 hash votes on every bit, and the fingerprint keeps
//! the majority. Texts that share most of their shingles get fingerprints a few bits
//! apart; unrelated texts, even on the same topic, differ in about half their bits. Two
//! articles are copies when the low halves of their fingerprints differ in at most
//! `near_bits()` bits and the whole in at most `near_total_bits()`.
//!
//! Why 128 bits: two unrelated 64-bit fingerprints are within 12 bits of each other with
//! probability 2.2e-7, which is 1,100 false pairs among 100,000 articles and 110,000
//! among a million (on Reuters-21578's 19,771 articles, 67 pairs of unrelated stories
//! were). Requiring the second half to agree too brings that to 0.17 and 17 pairs, while
//! the low half alone still finds the candidates (`index::clusters`).

/// Tuned thresholds shipped with this build (`schema/tuning.json`), also read by the
/// bench scripts that tune them.
const TUNING_JSON: &str = include_str!("../schema/tuning.json");

/// One tuned value and why it is what it is.
#[derive(Debug, serde::Deserialize)]
struct Tuned<T> {
    value: T,
    #[allow(dead_code)]
    description: String,
}

#[derive(Debug, serde::Deserialize)]
struct Tuning {
    near_bits: Tuned<u32>,
    near_total_bits: Tuned<u32>,
}

static TUNING: std::sync::LazyLock<Tuning> = std::sync::LazyLock::new(|| {
    // Compiled-in data, not input: `tuning_json_parses` checks it on every test run.
    serde_json::from_str(TUNING_JSON).expect("schema/tuning.json is valid")
});

/// Copies' fingerprints differ in at most this many bits of their low halves
/// (`near_bits` in `schema/tuning.json`, which says how it was chosen).
pub fn near_bits() -> u32 {
    TUNING.near_bits.value
}

/// ... and in at most this many of all 128 (`near_total_bits` in `schema/tuning.json`).
pub fn near_total_bits() -> u32 {
    TUNING.near_total_bits.value
}

/// A 128-bit SimHash in two halves: `lo` is what candidates are looked up by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    pub lo: u64,
    pub hi: u64,
}

impl Fingerprint {
    /// The fingerprint of a body without words, which is no one's copy.
    pub const NONE: Fingerprint = Fingerprint { lo: 0, hi: 0 };

    pub fn is_none(self) -> bool {
        self == Self::NONE
    }

    /// 32 lowercase hex digits, the high half first.
    pub fn hex(self) -> String {
        format!("{:016x}{:016x}", self.hi, self.lo)
    }
}

/// Words per shingle.
const SHINGLE: usize = 3;

/// The SimHash fingerprint of an article body; `Fingerprint::NONE` for a body without
/// words.
pub fn fingerprint(body: &str) -> Fingerprint {
    // The lower-cased words go into one buffer, joined by single spaces, so that every
    // shingle is a slice of it: no allocation per ASCII word or per shingle (this runs on
    // every article at index time). ASCII is scanned a byte at a time; a word with any
    // other character is lower-cased whole (one allocation), as `str::to_lowercase` does
    // (final sigma).
    let mut text = String::with_capacity(body.len());
    let mut words: Vec<(usize, usize)> = Vec::with_capacity(body.len() / 5);
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next word.
        let Some(c) = char_at(body, i) else { break };
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut ascii = true;
        while let Some(c) = char_at(body, i) {
            if !c.is_alphanumeric() {
                break;
            }
            ascii &= c.is_ascii();
            i += c.len_utf8();
        }
        if !words.is_empty() {
            text.push(' ');
        }
        let at = text.len();
        if ascii {
            text.push_str(&body[start..i]);
            text[at..].make_ascii_lowercase();
        } else {
            text.push_str(&body[start..i].to_lowercase());
        }
        words.push((at, text.len()));
    }
    if words.is_empty() {
        return Fingerprint::NONE;
    }
    // Per bit, how many shingle hashes have it set; the bit is kept when that is more
    // than half of them.
    let mut lo = BitCounts::default();
    let mut hi = BitCounts::default();
    let mut add = |bytes: &[u8]| {
        let h = xxhash_rust::xxh3::xxh3_128(bytes);
        lo.add(h as u64);
        hi.add((h >> 64) as u64);
    };
    if words.len() < SHINGLE {
        add(text.as_bytes());
    } else {
        for w in words.windows(SHINGLE) {
            add(&text.as_bytes()[w[0].0..w[SHINGLE - 1].1]);
        }
    }
    Fingerprint {
        lo: lo.majority(),
        hi: hi.majority(),
    }
}

/// How many of the added 64-bit values have each bit set. Counting is eight byte-wide
/// counters per `u64` (SWAR): `lanes[k]` counts bits k, k + 8, ..., k + 56 in its eight
/// bytes, so adding a value is eight shifts, masks and adds instead of 64; the bytes are
/// emptied into `totals` before they can overflow.
struct BitCounts {
    lanes: [u64; 8],
    in_lanes: u32,
    totals: [u32; 64],
    added: u32,
}

impl Default for BitCounts {
    fn default() -> Self {
        BitCounts {
            lanes: [0; 8],
            in_lanes: 0,
            totals: [0; 64],
            added: 0,
        }
    }
}

impl BitCounts {
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;

    fn add(&mut self, h: u64) {
        for (k, lane) in self.lanes.iter_mut().enumerate() {
            *lane += (h >> k) & Self::LOW_BITS;
        }
        self.added += 1;
        self.in_lanes += 1;
        if self.in_lanes == u32::from(u8::MAX) {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (k, lane) in self.lanes.iter_mut().enumerate() {
            for j in 0..8 {
                self.totals[8 * j + k] += ((*lane >> (8 * j)) & 0xff) as u32;
            }
            *lane = 0;
        }
        self.in_lanes = 0;
    }

    /// The value whose bits are set where more than half of the added values have them.
    fn majority(mut self) -> u64 {
        self.flush();
        let added = self.added;
        self.totals
            .iter()
            .enumerate()
            .filter(|(_, &n)| 2 * n > added)
            .fold(0u64, |acc, (bit, _)| acc | (1 << bit))
    }
}

/// The character starting at byte `i` of `s` (a char boundary), read without decoding
/// when it is ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
    }
}

/// Bits in which two fingerprints differ.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// Whether two fingerprints mark copies of one story (empty bodies are never copies).
pub fn near(a: Fingerprint, b: Fingerprint) -> bool {
    if a.is_none() || b.is_none() {
        return false;
    }
    let low = distance(a.lo, b.lo);
    low <= near_bits() && low + distance(a.hi, b.hi) <= near_total_bits()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, written plainly: what `fingerprint` must compute.
    fn reference(body: &str) -> Fingerprint {
        let words: Vec<String> = body
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return Fingerprint::NONE;
        }
        let shingles: Vec<String> = if words.len() < SHINGLE {
            vec![words.join(" ")]
        } else {
            words.windows(SHINGLE).map(|w| w.join(" ")).collect()
        };
        let mut votes = [0i32; 128];
        for s in shingles {
            let h = xxhash_rust::xxh3::xxh3_128(s.as_bytes());
            for (bit, v) in votes.iter_mut().enumerate() {
                *v += if h >> bit & 1 == 1 { 1 } else { -1 };
            }
        }
        let all = (0..128)
            .filter(|&b| votes[b] > 0)
            .fold(0u128, |acc, b| acc | 1 << b);
        Fingerprint {
            lo: all as u64,
            hi: (all >> 64) as u64,
        }
    }

    #[test]
    fn tuning_json_parses() {
        let tuning: Tuning = serde_json::from_str(TUNING_JSON).unwrap();
        assert!((1..32).contains(&tuning.near_bits.value));
        assert!(!tuning.near_bits.description.is_empty());
        assert!(
            (tuning.near_bits.value..64).contains(&tuning.near_total_bits.value),
            "the total allows at least what the low half does"
        );
        assert!(!tuning.near_total_bits.description.is_empty());
    }

    #[test]
    fn fast_path_matches_the_definition() {
        for body in [
            STORY,
            "",
            "one",
            "Two words",
            "ÄRGER in Zürich: İstanbul ΟΔΟΣ straße, naïve CAFÉ — 42 x",
            "  ,,, ;; ",
        ] {
            assert_eq!(fingerprint(body), reference(body), "{body:?}");
        }
    }

    #[test]
    fn bit_counts_survive_many_values() {
        // More values than a byte counter holds, with every bit set in most of them.
        let mut counts = BitCounts::default();
        for i in 0..1000u64 {
            counts.add(if i % 3 == 0 {
                0
            } else {
                u64::MAX ^ (1 << (i % 64))
            });
        }
        assert_eq!(counts.majority(), u64::MAX);
        let mut counts = BitCounts::default();
        for i in 0..1001u64 {
            counts.add(if i % 2 == 0 { 1 << 63 | 1 } else { 2 });
        }
        assert_eq!(counts.majority(), 1 << 63 | 1);
    }

    #[test]
    fn long_bodies_fingerprint_as_defined() {
        // Thousands of shingles: the byte-wide counters are emptied many times over.
        let long = [STORY; 40].join("\n\n");
        assert_eq!(fingerprint(&long), reference(&long));
        let varied: String = (0..3000).map(|i| format!("w{} ", i % 257)).collect();
        assert_eq!(fingerprint(&varied), reference(&varied));
    }

    proptest::proptest! {
        #[test]
        fn any_text_fingerprints_as_defined(body in "\\PC{0,300}") {
            proptest::prop_assert_eq!(fingerprint(&body), reference(&body));
        }

        #[test]
        fn any_wordy_text_fingerprints_as_defined(body in "([A-Za-zÄöΣσς0-9]{1,8}[ ,.\\n-]{1,3}){0,60}") {
            proptest::prop_assert_eq!(fingerprint(&body), reference(&body));
        }
    }

    const STORY: &str = "Rescue teams searched through the night for survivors after a six-storey \
        building collapsed in the centre of the city on Tuesday evening. Officials said at least \
        twelve people had been pulled from the rubble alive and taken to hospital, while the \
        number of missing was still unclear. The mayor said an inquiry would examine whether \
        recent renovation work on the ground floor had weakened the structure. Neighbours told \
        reporters they had heard a loud crack minutes before the building came down.";

    #[test]
    fn identical_and_lightly_edited_copies_are_near() {
        let a = fingerprint(STORY);
        assert_eq!(a, fingerprint(STORY));
        let edited = STORY
            .replace("on Tuesday evening", "late on Tuesday")
            .replace("twelve", "12");
        assert!(near(a, fingerprint(&edited)), "{:?}", fingerprint(&edited));
        let framed = format!("LONDON (Agency) - {STORY} Additional reporting by staff.");
        assert!(near(a, fingerprint(&framed)), "{:?}", fingerprint(&framed));
    }

    #[test]
    fn different_stories_on_one_topic_are_not() {
        let other = "A second building was evacuated on Wednesday after engineers found cracks in \
            its foundations, a day after the collapse of a six-storey block nearby. The city council \
            said all buildings renovated by the same contractor would be inspected this week, and \
            the contractor's licence was suspended pending the inquiry. Residents complained they \
            had raised concerns about the work months ago without any reply from the council.";
        let (a, b) = (fingerprint(STORY), fingerprint(other));
        assert!(!near(a, b), "{a:?} {b:?}");
        assert!(distance(a.lo, b.lo) + distance(a.hi, b.hi) > 40);
    }

    #[test]
    fn both_halves_must_agree() {
        let a = Fingerprint {
            lo: 0x0123_4567_89ab_cdef,
            hi: 0xfedc_ba98_7654_3210,
        };
        let low_only = Fingerprint {
            lo: a.lo ^ 0b111,
            hi: !a.hi,
        };
        assert!(!near(a, low_only));
        let both = Fingerprint {
            lo: a.lo ^ 0b111,
            hi: a.hi ^ 0b1_0000_0001,
        };
        assert!(near(a, both));
        // The low half alone may not stray further than near_bits(), whatever the high.
        let far_low = Fingerprint {
            lo: a.lo ^ ((1u64 << (near_bits() + 1)) - 1),
            hi: a.hi,
        };
        assert!(!near(a, far_low));
        assert_eq!(
            a.hex(),
            "fedcba987654321001234567_89abcdef".replace('_', "")
        );
    }

    #[test]
    fn empty_bodies_are_never_copies() {
        assert!(fingerprint("").is_none());
        assert!(fingerprint(" -- ").is_none());
        assert!(!near(Fingerprint::NONE, Fingerprint::NONE));
        assert!(!fingerprint("one two").is_none());
    }
}
