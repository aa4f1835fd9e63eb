//! Reuters-21578 records through the SGML reader.

use crate::extract::extracted::Extracted;
use crate::extract::sgml::extract;

fn rfc(e: &Extracted, i: usize) -> Option<String> {
    e.records[i].fields.date.map(|d| {
        d.at.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    })
}

const FULL: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="901" NEWID="7">
<DATE> 4-MAR-2016 09:15:05.40</DATE>
<TOPICS><D>grain</D></TOPICS>
<PLACES><D>canada</D></PLACES>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute
u f BC-PRAIRIE-OATS   03-04 0105</UNKNOWN>
<TEXT>&#2;
<TITLE>PRAIRIE OAT GROWERS SEE &lt;NORTHFIELD MILLS> DEAL</TITLE>
<AUTHOR>    by Tamsin Achterberg, Reuters</AUTHOR>
<DATELINE>    SASKATOON, March 4 - </DATELINE><BODY>Oat growers in the western
prairies said on Friday a supply deal with &lt;Northfield Mills
Ltd> would cover most of the coming harvest.
    The deal runs for three seasons, a spokesman said.
    Prices rose 2.5 pct &amp; volumes were steady.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"#;

#[test]
fn record_with_every_field() {
    let e = extract(FULL);
    assert_eq!(e.detail, Some("reuters-sgml"));
    assert!(e.problems.is_empty(), "{:?}", e.problems);
    let r = &e.records[0];
    assert_eq!(r.key, "NEWID=7");
    let f = &r.fields;
    assert_eq!(f.source_id.as_deref(), Some("7"));
    assert_eq!(
        f.title.as_deref(),
        Some("PRAIRIE OAT GROWERS SEE <NORTHFIELD MILLS> DEAL")
    );
    assert_eq!(f.byline.as_deref(), Some("Tamsin Achterberg, Reuters"));
    assert_eq!(f.authors, ["Tamsin Achterberg", "Reuters"]);
    assert_eq!(rfc(&e, 0).as_deref(), Some("2016-03-04T09:15:05Z"));
    assert_eq!(
            f.body,
            "SASKATOON, March 4 - Oat growers in the western prairies said on Friday a supply deal with <Northfield Mills Ltd> would cover most of the coming harvest.\n\nThe deal runs for three seasons, a spokesman said.\n\nPrices rose 2.5 pct & volumes were steady."
        );
}

#[test]
fn brief_and_unproc_records() {
    let text = "<REUTERS NEWID=\"8\">
<DATE>27-MAR-2017 14:02:56.54&#5;&#5;&#5;V RM</DATE>
<TEXT TYPE=\"BRIEF\">&#2;
******<TITLE>ACME FOODS QUARTERLY NET UP 12 PCT
</TITLE>Blah blah blah.
&#3;

</TEXT>
</REUTERS>
<REUTERS NEWID=\"9\">
<DATE>5-APR-2017 00:00:00.00    # date added by hand</DATE>
<TEXT TYPE=\"UNPROC\">&#2;
HARBOUR GRAIN STOCKS - APRIL 5
 Wheat          1,200 up    15
 Barley           840 off    3
 Reuter
&#3;

</TEXT>
</REUTERS>
<REUTERS NEWID=\"10\">
<DATE>5-APR-2017 00:01:00.00</DATE>
<TEXT TYPE=\"UNPROC\">2;
NY OATS 11:31
 MAY7  1928 OFF 6
3;

</TEXT>
</REUTERS>";
    let e = extract(text);
    assert!(e.problems.is_empty(), "{:?}", e.problems);
    let brief = &e.records[0].fields;
    assert_eq!(
        brief.title.as_deref(),
        Some("ACME FOODS QUARTERLY NET UP 12 PCT")
    );
    assert_eq!(brief.body, "");
    assert_eq!(rfc(&e, 0).as_deref(), Some("2017-03-27T14:02:56Z"));
    let unproc = &e.records[1].fields;
    assert_eq!(
        unproc.title.as_deref(),
        Some("HARBOUR GRAIN STOCKS - APRIL 5")
    );
    assert_eq!(unproc.body, "Wheat 1,200 up 15\n\nBarley 840 off 3");
    assert_eq!(rfc(&e, 1).as_deref(), Some("2017-04-05T00:00:00Z"));
    let mangled = &e.records[2].fields;
    assert_eq!(mangled.title.as_deref(), Some("NY OATS 11:31"));
    assert_eq!(mangled.body, "MAY7 1928 OFF 6");
}

#[test]
fn signoff_spellings() {
    for (body, want) in [
        ("Text ends here.\n REUTER\n&#3;", "Text ends here."),
        ("Text ends here.\nREUTER^M\n&#3;", "Text ends here."),
        ("Text ends here.\n REUTER...\n3;", "Text ends here."),
        ("Text ends here. REUTER\n&#3;", "Text ends here."),
        ("Text about Reuter\n&#3;", "Text about Reuter"),
        (
            "Reuters said it would.\n reuter\n&#3;",
            "Reuters said it would.",
        ),
    ] {
        let text = format!(
            "<REUTERS NEWID=\"1\"><TEXT><TITLE>T</TITLE><BODY>{body}</BODY></TEXT></REUTERS>"
        );
        assert_eq!(extract(&text).records[0].fields.body, want, "{body:?}");
    }
}

#[test]
fn missing_parts_and_damage() {
    // No BODY, no DATE, no NEWID, a DATE nobody can read.
    let text = "<REUTERS><TEXT><TITLE>ONLY A TITLE</TITLE></TEXT></REUTERS>\
                    <REUTERS NEWID=\"2\"><DATE>sometime soon</DATE><TEXT><TITLE>X</TITLE><BODY>b</BODY></TEXT></REUTERS>\
                    garbage between records\
                    <REUTERS NEWID=\"3\"><DATE>6-MAR-2018 10:00:00.00</DATE><TEXT><TITLE>CUT SHORT</TITLE>\
                    <DATELINE>OSLO, March 6 - </DATELINE><BODY>The story was\ncut";
    let e = extract(text);
    assert_eq!(e.records.len(), 3);
    assert_eq!(e.records[0].key, "record 1");
    assert_eq!(e.records[0].fields.title.as_deref(), Some("ONLY A TITLE"));
    assert_eq!(e.records[0].fields.body, "");
    assert_eq!(e.records[1].fields.date, None);
    let last = &e.records[2].fields;
    assert_eq!(last.title.as_deref(), Some("CUT SHORT"));
    assert_eq!(last.body, "OSLO, March 6 - The story was cut");
    assert_eq!(rfc(&e, 2).as_deref(), Some("2018-03-06T10:00:00Z"));
    let p = e.problems.join("\n");
    assert!(p.contains("record 1: no NEWID"), "{p}");
    assert!(
        p.contains("record 2 (NEWID=2): date \"sometime soon\" not understood"),
        "{p}"
    );
    assert!(
        p.contains("record 3 (NEWID=3): no closing </REUTERS>"),
        "{p}"
    );
    assert!(
        p.contains("1 stretch(es) of text outside <REUTERS> records"),
        "{p}"
    );
}

#[test]
fn repeated_newid_gets_a_distinct_key() {
    let rec = "<REUTERS NEWID=\"5\"><TEXT><TITLE>A</TITLE></TEXT></REUTERS>";
    let e = extract(&rec.repeat(3));
    let keys: Vec<&str> = e.records.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["NEWID=5", "NEWID=5#2", "NEWID=5#3"]);
    assert_eq!(e.problems.len(), 2);
    // Thousands of repeats stay linear.
    let e = extract(&rec.repeat(20_000));
    assert_eq!(e.records[19_999].key, "NEWID=5#20000");
}

#[test]
fn entities_and_controls_never_reach_the_text() {
    let text = "<REUTERS NEWID=\"1\"><TEXT>&#2;<TITLE>A&#127; &amp; B&#22;</TITLE><BODY>one&#5;&#31;\u{1}two &#27;&lt;x&gt;\n&#3;</BODY></TEXT></REUTERS>";
    let f = &extract(text).records[0].fields;
    assert_eq!(f.title.as_deref(), Some("A & B"));
    assert_eq!(f.body, "onetwo <x>");
}

#[test]
fn large_input_is_linear() {
    // 20,000 records, one unclosed, with no end tags at all in the second half.
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(&format!("<REUTERS NEWID=\"{i}\"><DATE>1-JUN-2019 10:00:00.00</DATE><TEXT><TITLE>T{i}</TITLE><BODY>Body\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n"));
    }
    for i in 10_000..20_000 {
        text.push_str(&format!(
            "<REUTERS NEWID=\"{i}\"><TEXT><TITLE>T{i}<BODY>Body "
        ));
    }
    let started = std::time::Instant::now();
    let e = extract(&text);
    assert_eq!(e.records.len(), 20_000);
    assert_eq!(e.records[15_000].fields.title.as_deref(), Some("T15000"));
    assert!(started.elapsed().as_secs() < 20);
}
