//! TREC records through the SGML reader.

use crate::extract::sgml::extract;

fn day(e: &crate::extract::extracted::Extracted, i: usize) -> Option<String> {
    e.records[i].fields.date.map(|d| d.at.date().to_string())
}

#[test]
fn ap_doc_with_repeated_text() {
    let text = "<DOC>
<DOCNO> AP160212-0001 </DOCNO>
<FILEID>AP-NR-02-12-16 2344EST</FILEID>
<HEAD>Ferry Service Resumes After Storm</HEAD>
<HEAD>Eds: Updates with quote</HEAD>
<BYLINE>By JO DOE</BYLINE>
<BYLINE>Associated Press Writer</BYLINE>
<DATELINE>PORTLAND, Maine (AP) </DATELINE>
<TEXT>
   Ferries returned to the bay on Friday after
three days in port.
   Crews checked the &amp; hulls overnight.
</TEXT>
<TEXT>
   ``We are glad,'' a captain said.
</TEXT>
</DOC>";
    let e = extract(text);
    assert_eq!(e.detail, Some("trec-sgml"));
    assert!(e.problems.is_empty(), "{:?}", e.problems);
    let r = &e.records[0];
    assert_eq!(r.key, "AP160212-0001");
    let f = &r.fields;
    assert_eq!(f.source_id.as_deref(), Some("AP160212-0001"));
    assert_eq!(
        f.title.as_deref(),
        Some("Ferry Service Resumes After Storm")
    );
    assert_eq!(f.byline.as_deref(), Some("JO DOE, Associated Press"));
    assert_eq!(f.authors, ["JO DOE"]);
    assert_eq!(day(&e, 0).as_deref(), Some("2016-02-12"));
    assert_eq!(
            f.body,
            "PORTLAND, Maine (AP)\n\nFerries returned to the bay on Friday after three days in port.\n\nCrews checked the & hulls overnight.\n\n``We are glad,'' a captain said."
        );
}

#[test]
fn wsj_la_ft_fbis_variants() {
    let text = "<DOC>
<DOCNO> WSJ170324-0001 </DOCNO>
<HL> Technology:
   A Quieter Kind of Turbine
   ----
   By Rosa Imbert
   Staff Reporter of The Journal </HL>
<DD> 03/24/17</DD>
<LP> Lead paragraph here. </LP>
<TEXT> Second part. </TEXT>
</DOC>
<DOC>
<DOCNO> LA010118-0001 </DOCNO>
<DATE><P>January 1, 2018, Monday, Home Edition </P></DATE>
<HEADLINE><P>PARADE ROUTE SET</P></HEADLINE>
<BYLINE><P>By ANA RUIZ, TIMES STAFF WRITER</P></BYLINE>
<TEXT><P>
The parade will start
at noon.
</P><P>
Bands will play.
</P></TEXT>
</DOC>
<DOC>
<DOCNO>FT911-1</DOCNO>
<DATE>160514
</DATE>
<HEADLINE>
FT  14 MAY 16 / Jubilee of a quiet jet
</HEADLINE>
<TEXT>Body.</TEXT>
</DOC>
<DOC>
<DOCNO> FBIS3-1 </DOCNO>
<HEADER>
<DATE1>  1 March 2019 </DATE1>
<H3> <TI>      Talks Resume in Capital </TI></H3>
</HEADER>
<TEXT>
Language: <F P=105> English </F>
</TEXT>
</DOC>";
    let e = extract(text);
    assert!(e.problems.is_empty(), "{:?}", e.problems);
    let wsj = &e.records[0].fields;
    assert_eq!(
        wsj.title.as_deref(),
        Some("Technology: A Quieter Kind of Turbine")
    );
    assert_eq!(
        wsj.byline.as_deref(),
        Some("Rosa Imbert, Staff Reporter of The Journal")
    );
    assert_eq!(wsj.authors, ["Rosa Imbert"]);
    assert_eq!(wsj.body, "Lead paragraph here.\n\nSecond part.");
    assert_eq!(day(&e, 0).as_deref(), Some("2017-03-24"));
    let la = &e.records[1].fields;
    assert_eq!(la.title.as_deref(), Some("PARADE ROUTE SET"));
    assert_eq!(la.byline.as_deref(), Some("ANA RUIZ"));
    assert_eq!(la.authors, ["ANA RUIZ"]);
    assert_eq!(
        la.body,
        "The parade will start at noon.\n\nBands will play."
    );
    assert_eq!(day(&e, 1).as_deref(), Some("2018-01-01"));
    let ft = &e.records[2].fields;
    assert_eq!(ft.title.as_deref(), Some("Jubilee of a quiet jet"));
    assert_eq!(day(&e, 2).as_deref(), Some("2016-05-14"));
    let fbis = &e.records[3].fields;
    assert_eq!(fbis.title.as_deref(), Some("Talks Resume in Capital"));
    assert_eq!(fbis.body, "Language: English");
    assert_eq!(day(&e, 3).as_deref(), Some("2019-03-01"));
}

#[test]
fn docno_dates_and_damage() {
    let text = "garbage before\n<DOC><DOCNO>LA031519-0042</DOCNO><HEADLINE>A</HEADLINE><TEXT>x</TEXT></DOC>
<DOC><DOCNO>ZF109-1</DOCNO><DATE>whenever</DATE><TEXT>y</TEXT></DOC>
<DOC><HEAD>No number</HEAD><TEXT>z</TEXT></DOC>
<DOC><DOCNO>AP190101-0002</DOCNO><HEAD>Cut off<TEXT>   The text stops";
    let e = extract(text);
    assert_eq!(e.records.len(), 4);
    assert_eq!(day(&e, 0).as_deref(), Some("2019-03-15"));
    assert_eq!(day(&e, 1), None);
    assert_eq!(e.records[2].key, "record 3");
    let last = &e.records[3].fields;
    assert_eq!(last.title.as_deref(), Some("Cut off"));
    assert_eq!(last.body, "The text stops");
    assert_eq!(day(&e, 3).as_deref(), Some("2019-01-01"));
    let p = e.problems.join("\n");
    assert!(
        p.contains("record 2 (ZF109-1): date \"whenever\" not understood"),
        "{p}"
    );
    assert!(p.contains("record 3: no <DOCNO>"), "{p}");
    assert!(
        p.contains("record 4 (AP190101-0002): no closing </DOC>"),
        "{p}"
    );
    assert!(p.contains("1 stretch(es) of text outside <DOC>"), "{p}");
}
