//! Near-duplicate fingerprints: one wire story reprinted by many outlets with small edits
//! should show up once in results, with "+N copies".
//!
//! A 64-bit SimHash over word 3-shingles of the body (lower-cased, letters and digits
//! only): each shingle's xxh3 hash votes on every bit, and the fingerprint keeps the
//! majority. Texts that share most of their shingles get fingerprints a few bits apart;
//! unrelated texts, even on the same topic, differ in about half their bits. Two articles
//! are copies when their fingerprints differ in at most `NEAR_BITS` bits.

/// Fingerprints at most this many bits apart are copies of one story. Chosen on labelled
/// pairs from real corpora (`benches/eval/collapse.py`): lightly edited copies of BBC
/// stories (a sentence dropped, words changed, a dateline and credit added) fall within
/// 0-16 bits, mostly under 12; the most similar *different* stories of one BBC category
/// are 20 or more bits apart.
pub const NEAR_BITS: u32 = 12;

/// Words per shingle.
const SHINGLE: usize = 3;

/// The SimHash fingerprint of an article body; 0 for a body without words.
pub fn fingerprint(body: &str) -> u64 {
    // All words lower-cased into one buffer (two allocations per body, not one per word
    // and shingle: this runs on every article at index time).
    let mut text = String::with_capacity(body.len());
    let mut words: Vec<(usize, usize)> = Vec::new();
    for word in body.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let start = text.len();
        if word.is_ascii() {
            text.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            text.push_str(&word.to_lowercase());
        }
        words.push((start, text.len()));
    }
    if words.is_empty() {
        return 0;
    }
    let mut votes = [0i32; 64];
    let mut vote = |h: u64| {
        for (bit, v) in votes.iter_mut().enumerate() {
            *v += ((h >> bit & 1) as i32) * 2 - 1;
        }
    };
    // A shingle is its words joined by single spaces.
    let mut shingle = String::new();
    let mut hash_words = |ws: &[(usize, usize)]| {
        shingle.clear();
        for (i, &(a, b)) in ws.iter().enumerate() {
            if i > 0 {
                shingle.push(' ');
            }
            shingle.push_str(&text[a..b]);
        }
        xxhash_rust::xxh3::xxh3_64(shingle.as_bytes())
    };
    if words.len() < SHINGLE {
        vote(hash_words(&words));
    } else {
        for w in words.windows(SHINGLE) {
            vote(hash_words(w));
        }
    }
    votes
        .iter()
        .enumerate()
        .filter(|(_, &v)| v > 0)
        .fold(0u64, |acc, (bit, _)| acc | (1 << bit))
}

/// Bits in which two fingerprints differ.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// Whether two fingerprints mark copies of one story (empty bodies are never copies).
pub fn near(a: u64, b: u64) -> bool {
    a != 0 && b != 0 && distance(a, b) <= NEAR_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, written plainly: what `fingerprint` must compute.
    fn reference(body: &str) -> u64 {
        let words: Vec<String> = body
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return 0;
        }
        let shingles: Vec<String> = if words.len() < SHINGLE {
            vec![words.join(" ")]
        } else {
            words.windows(SHINGLE).map(|w| w.join(" ")).collect()
        };
        let mut votes = [0i32; 64];
        for s in shingles {
            let h = xxhash_rust::xxh3::xxh3_64(s.as_bytes());
            for (bit, v) in votes.iter_mut().enumerate() {
                *v += if h >> bit & 1 == 1 { 1 } else { -1 };
            }
        }
        (0..64)
            .filter(|&b| votes[b] > 0)
            .fold(0, |acc, b| acc | 1 << b)
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
        assert!(
            near(a, fingerprint(&edited)),
            "distance {}",
            distance(a, fingerprint(&edited))
        );
        let framed = format!("LONDON (Agency) - {STORY} Additional reporting by staff.");
        assert!(
            near(a, fingerprint(&framed)),
            "distance {}",
            distance(a, fingerprint(&framed))
        );
    }

    #[test]
    fn different_stories_on_one_topic_are_not() {
        let other = "A second building was evacuated on Wednesday after engineers found cracks in \
            its foundations, a day after the collapse of a six-storey block nearby. The city council \
            said all buildings renovated by the same contractor would be inspected this week, and \
            the contractor's licence was suspended pending the inquiry. Residents complained they \
            had raised concerns about the work months ago without any reply from the council.";
        let d = distance(fingerprint(STORY), fingerprint(other));
        assert!(
            !near(fingerprint(STORY), fingerprint(other)),
            "distance {d}"
        );
    }

    #[test]
    fn empty_bodies_are_never_copies() {
        assert_eq!(fingerprint(""), 0);
        assert_eq!(fingerprint(" -- "), 0);
        assert!(!near(0, 0));
        assert_ne!(fingerprint("one two"), 0);
    }
}
