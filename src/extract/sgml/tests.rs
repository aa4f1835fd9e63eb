//! The SGML reader end to end: detection, the record loop, and each collection's records.

use super::*;

mod reuters;
mod trec;

#[test]
fn not_a_collection() {
    let e = extract("just some text <b>bold</b>");
    assert!(e.records.is_empty());
    assert_eq!(e.problems, ["no <REUTERS> or <DOC> records found"]);
    assert!(extract("").records.is_empty());
}

#[test]
fn arbitrary_input_never_panics() {
    // A small deterministic generator over the characters that matter to the scanner.
    const PIECES: &[&str] = &[
        "<",
        ">",
        "/",
        "<REUTERS NEWID=\"1\">",
        "</REUTERS>",
        "<DOC>",
        "</DOC>",
        "<DOCNO>",
        "</DOCNO>",
        "<TEXT>",
        "</TEXT>",
        "<TEXT TYPE=\"BRIEF\">",
        "<TEXT TYPE=\"UNPROC\">",
        "<TITLE>",
        "</TITLE>",
        "<BODY>",
        "</BODY>",
        "<DATE>",
        "</DATE>",
        "<AUTHOR>",
        "<DATELINE>",
        "<HEAD>",
        "<HL>",
        "<BYLINE>",
        "<P>",
        "<LP>",
        "&",
        "&#3;",
        "&lt;",
        "&#",
        ";",
        "\n",
        "    ",
        " Reuter\n",
        "é",
        "日本",
        "\u{202e}",
        "\0",
        "\r",
        "\"",
        "=",
        "26-FEB-1987 15:01:01.79",
        "AP880212-0001",
        "By Jo Doe",
        "-",
        "2;",
        "3;",
        "******",
        "Blah blah blah.",
        "x",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let s: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let e = extract(&s);
        for r in &e.records {
            assert!(!r.fields.body.contains('\0'), "{s:?}");
        }
        // Every prefix too: truncation at any point is the common damage.
        let cut = (next() as usize) % (s.len() + 1);
        if let Some(prefix) = s.get(..cut) {
            extract(prefix);
        }
    }
}
