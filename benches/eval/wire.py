#!/usr/bin/env python3
"""Wire formats on real agency data: superdesk-wire-fixtures (83 files).

For every file in shared/corpora/superdesk-wire-fixtures this runs
`newsdex extract --format jsonl` (all files in one process) and checks, against the gold
table below:

  * article files yield at least one record with a non-empty title and body;
  * the date is the moment in the file's own metadata, where it has one (for feeds,
    per item, by source_id), in whatever offset newsdex writes it (it keeps the
    source's: `2013-10-20T19:27:51+11:00` for a gold of `2013-10-20T08:27:51Z`);
  * for the plain-text wire formats (ANPA-1312, IPTC 7901, dpa), whose header lines
    are the trap, the title too;
  * no text of any record contains U+FFFD or UTF-8-read-as-Latin-1 mojibake
    ("Ã©", "Â£", "â€"), and the six charset-trap files show their characters decoded
    (in the title, byline or body: the fields the mojibake scan reads).

The gold was written by reading each file: the date is the item's first-publication
metadata (NITF `date.issue`, G2 `firstCreated` else `versionCreated` else
`contentCreated`, NewsML 1 `FirstCreated`, ninjs `firstpublished` else `firstcreated`,
RSS/Atom `pubDate`/`published`/`updated`, Ritzau `PublishDate`, the ANPA `AP-WF-MM-DD-YY
HHMMGMT` trailer, the IPTC 7901 `DDHHMM GMT Mon YY` trailer), normalised to UTC; a time
without a zone is UTC. Files that are not articles are listed with the reason.

Prints a table and the figures with their bars; exit 1 when an article file fails,
0 otherwise (also when the corpus is absent: a loud SKIPPED line). Writes nothing.

    python3 benches/eval/wire.py [--bin target/debug/newsdex] [--shared ../shared]
"""

import argparse
import json
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = "corpora/superdesk-wire-fixtures"

# path -> {"date": RFC 3339 UTC or None} | {"items": {source_id: date}} | {"skip": reason};
# "title" (exact) where checked.
GOLD = {
    # NITF
    "aap-1.xml": {"date": "2013-10-20T08:27:51Z"},
    "aap-cyber.xml": {"date": "2016-04-13T04:52:21Z"},
    "aap-finance-lite.xml": {"skip": "NITF with an empty <hedline> and an empty <body.content>: no story at all"},
    "aap-finance.xml": {"date": "2014-11-26T15:27:03Z"},
    "aap-finance1.xml": {"date": "2015-02-20T13:51:42Z"},
    "aap-sports.xml": {"date": "2015-02-18T16:01:41Z"},
    "aap.xml": {"date": "2013-10-20T08:27:51Z"},
    "ap-nitf.xml": {"date": "2015-12-10T19:10:44Z"},
    "ap_media_text_nitf.xml": {"date": "2019-07-03T04:05:12Z"},
    "efe_nitf.xml": {"date": "2017-01-02T22:28:00Z"},
    "nitf-fishing.xml": {"date": "2002-02-25T19:30:00Z"},
    "nitf-ntb.xml": {"date": "2020-09-07T14:45:26Z"},
    "pa1.xml": {"date": "2015-10-14T03:30:01Z"},
    "pa2.xml": {"date": "2015-10-14T01:43:58Z"},
    "pa3.xml": {"date": "2016-09-08T12:24:46Z"},
    "pa4.xml": {"date": "2016-10-03T14:22:57Z"},
    "pa5.xml": {"date": "2016-10-10T23:13:27Z"},
    "scoop.xml": {"date": "2016-01-12T12:35:40Z"},
    # NewsML 1.x
    "afp.xml": {"date": "2014-08-29T13:49:51Z"},
    "afp20.xml": {"date": "2024-07-10T12:59:02Z"},
    "ana1.xml": {"date": "2018-04-04T14:58:59Z"},
    # NewsML-G2
    "ansa-newsmlg2-text.xml": {"date": "2017-10-11T09:41:00Z"},
    "ansa_culture.xml": {"date": "2019-07-01T08:21:00Z"},
    "ap.xml": {"items": {
        "tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text": "2018-02-26T21:20:36Z",
        "tag:ap.org,2011:b6d5d4eb781939b5fe8722f3fba28ee2-text": "2018-02-26T21:22:18Z",
        "tag:ap.org,2011:4db5f9c37aac8924db872ba5a7e287e6-text": "2018-02-26T21:27:10Z",
    }},
    "dpa.xml": {"date": "2022-10-11T09:14:42Z"},
    "snep.xml": {"skip": "G2 packageItem: a list of ten links (itemRef headlines) to other items, no story text"},
    "stt1.xml": {"date": "2019-04-15T11:12:24Z"},
    "stt_archive_newsml_created_date_test.xml": {"date": "2013-02-16T17:36:20Z"},
    "stt_archive_newsml_test.xml": {"date": "2013-02-16T17:36:20Z"},
    "stt_newsml_abstract_test.xml": {"date": "2018-04-19T13:41:12Z"},
    "stt_newsml_endash.xml": {"date": "2018-04-04T04:05:16Z"},
    "stt_newsml_location_rich.xml": {"date": "2017-08-29T17:15:41Z"},
    "stt_newsml_location_test.xml": {"date": "2013-02-16T17:36:20Z"},
    "stt_newsml_no_truncated_text_test.xml": {"date": "2023-10-18T01:02:34Z"},
    "stt_newsml_note_test.xml": {"date": "2017-01-31T21:52:11Z"},
    "stt_newsml_subject_test.xml": {"date": "2013-02-16T17:36:20Z"},
    "stt_newsml_test.xml": {"date": "2017-12-19T08:33:04Z"},
    "stt_newsml_test_no_hl.xml": {"date": "2017-12-19T08:33:04Z"},
    "text.xml": {"date": "2013-03-01T15:09:04Z"},
    "tag_reuters.com,0000_newsml_ISS149709_1618095828": {"date": "2017-01-30T18:54:14Z"},
    "tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232": {"date": "2017-01-31T03:47:29Z"},
    "tag_reuters.com,2018_newsml_MTZXEE13ZXCZES_2": {"date": "2018-01-03T20:13:08Z"},
    "tag_reuters.com_0000_newsml_GM1EA7M13RP01_version_484616934": {"skip": "G2 picture item (icls:picture): photo metadata and a caption"},
    "tag_reuters.com_2014_newsml_KBN0FL0NM_version_10": {"skip": "G2 packageItem (icls:composite): links to a story and photos, no text"},
    "tag_reuters.com_2014_newsml_KBN0FL0NN_version_5": {"date": "2014-07-16T08:10:15Z"},
    "tag_reuters.com_2014_newsml_KBN0FL0ZP_version_2": {"date": "2014-07-16T10:35:57Z"},
    "tag_reuters.com_2014_newsml_LYNXMPEA6F0MS_version_2": {"skip": "G2 picture item (icls:picture)"},
    "tag_reuters.com_2014_newsml_LYNXMPEA6F0MT_version_2": {"skip": "G2 picture item (icls:picture)"},
    "tag_reuters.com_2014_newsml_LYNXMPEA6F13M_version_1": {"skip": "G2 picture item (icls:picture)"},
    "tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538": {"skip": "withdrawal notice (pubStatus stat:canceled, msgType D): headline over an empty body"},
    "tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838": {"date": "2016-01-04T15:43:34Z"},
    # ninjs and the AP Media API
    "ninjs2.json": {"date": "2017-07-03T01:38:13Z"},
    "ninjs3.json": {"skip": "ninjs picture item (type picture): a caption"},
    "ninjs4.json": {"date": "2019-03-25T08:54:09Z"},
    "ninjs5.json": {"date": "2017-07-03T01:38:13Z"},
    "ninjs6.json": {"skip": "ninjs picture item (type picture): a caption"},
    "ninjs_embargoed.json": {"date": "2022-06-26T23:54:25Z"},
    "ap_media_text_item.json": {"skip": "AP Media API envelope: headline and metadata, the text only behind rendition links"},
    "ap_media_text_feed.json": {"skip": "AP Media API feed page: one item's metadata, the text only behind rendition links"},
    # Feeds and exports
    "ritzau_news.xml": {"date": "2018-01-30T17:32:18Z"},
    "ritzau_news_test_ednote.xml": {"date": "2018-01-30T17:32:18Z"},
    "ritzau_feed.xml": {"items": {
        "83e4e779-e3b7-46da-b061-34ab92bc6ec4": "2018-02-01T18:44:52Z",
        "4b9c198d-d6ec-4a7f-a4e9-551d9a5cba13": "2018-02-01T18:38:49Z",
    }},
    "wenn.xml": {"items": {
        "urn:feed-wenn-com:newsfeedarticle:2:2222:1": "2015-01-30T00:33:06Z",
        "urn:feed-wenn-com:newsfeedarticle:2:2222:3": "2015-01-29T21:58:32Z",
    }},
    "wordpress_wxr.xml": {"items": {
        "http://sdnewtester.org/?p=216": "2013-07-29T16:03:54Z",
        "http://sdnewtester.org/?p=test2": "2013-07-07T15:06:01Z",
        # pubDate and wp:post_date_gmt both say the year 3013.
        "http://sdnewtester.org/?p=test3": None,
    }},
    "wordpress_wxr_funke.xml": {"date": "2017-12-02T15:43:50Z"},
    "wordpress_wxr_thumb.xml": {"items": {"https://main.toto.invalid": "2018-07-03T09:03:04Z"}},
    # Plain-text wire formats (ANPA-1312 and IPTC 7901 framing, read by the wire-text extractor)
    "anpa-1.tst": {"date": "2013-11-13T15:09:00Z", "title": "For Argentine chemo patients, mirrors can hurt"},
    "anpa-2.tst": {"date": "2013-11-13T07:45:00Z", "title": "Prairies vanish in the US push for green energy"},
    "anpa-3.tst": {"date": "2013-11-13T07:13:00Z"},
    "anpa-4.tst": {"date": "2016-02-10T04:23:00Z", "title": "AP Top Entertainment News at 11:23 p.m. EST"},
    "ap_anpa-1.tst": {"date": "2016-02-20T03:37:00Z", "title": "Deng has 30 points, short-handed Heat beat Hawks 115-111"},
    "ap_anpa-2.tst": {"date": "2016-05-17T06:20:00Z", "title": "Baseball Expanded Standings"},
    "ap_anpa-3.tst": {"date": "2016-08-29T16:26:00Z", "title": "$210 lobster is found dead"},
    "ap_anpa-4.tst": {"date": "2017-05-09T00:56:00Z", "title": "AP Exclusive: China lawyer's family says US helped them flee"},
    "ap_anpa-5.tst": {"date": "2017-06-29T23:50:00Z"},
    "ap_anpa-6.tst": {"date": "2019-08-18T20:17:00Z", "title": "Wild Card Glance"},
    "ap_anpa-7.tst": {"date": "2019-09-04T10:29:00Z", "title": "10 Things to Know for Today"},
    "IPTC7901.txt": {"date": "2013-11-13T11:37:00Z", "title": "Germany Social Democrats: Coalition talks with Merkel could fail"},
    "IPTC7901_odd_charset.txt": {"date": "2015-10-07T13:41:00Z", "title": "German football saddened by illness to striker legend Mueller"},
    "dpa_copyright.txt": {"skip": "dpa imprint service message ('Impressum', 'ryryryry copyright by dpa' test lines)"},
    "dpa_four_line.txt": {"date": "2018-11-21T23:22:00Z", "title": "Switzerland joins list of countries resisting UN migration pact"},
    "dpa_two_by_line.txt": {"date": "2018-11-21T12:59:00Z", "title": "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it"},
    "dpa_two_line.txt": {"date": "2018-11-21T21:01:00Z", "title": "Peace talks on Yemen to take place in Sweden next month, Mattis says"},
}

# Files whose bytes are a charset trap, and text that must come out decoded.
# dpa_four_line.txt's only non-ASCII byte is in its "Reporting by" contact line, below
# the "not intended for publication" rule: not story text, so it is found in the byline.
TRAPS = {
    "afp20.xml": "Décès",  # declares iso-8859-1, is UTF-8
    "pa4.xml": "£25 million",  # declares iso-8859-1, is UTF-8
    "pa5.xml": "£66 billion",  # really Latin-1
    "IPTC7901_odd_charset.txt": "Thomas Müller",  # really Latin-1
    "ap_anpa-6.tst": "López",  # really Latin-1
    "dpa_four_line.txt": "Helen Corbett",  # Latin-1 no-break space
}

MOJIBAKE = re.compile("\ufffd|[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac|\u00e2[\u0080-\u009f]")


def record_text(r):
    """The text fields a charset trap may show up in."""
    return "\n".join(r.get(field) or "" for field in ("title", "byline", "body"))


def same_moment(got, want):
    """Whether two RFC 3339 strings (or None) name the same moment."""
    if got is None or want is None:
        return got == want
    import datetime as dt
    try:
        a = dt.datetime.fromisoformat(got.replace("Z", "+00:00"))
        b = dt.datetime.fromisoformat(want.replace("Z", "+00:00"))
    except ValueError:
        return got == want
    return a == b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "debug", "newsdex"))
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    args = ap.parse_args()

    corpus = os.path.join(args.shared, CORPUS)
    if not os.path.isdir(corpus):
        print(f"SKIPPED: {corpus} not found")
        return 0
    if not os.path.exists(args.bin):
        print(f"error: {args.bin} not found (cargo build first)", file=sys.stderr)
        return 2
    files = sorted(f for f in os.listdir(corpus) if f != "SOURCE.md")
    cmd = [args.bin, "extract", "--format", "jsonl", "--color", "never", *files]
    proc = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
    records = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            r = json.loads(line)
            records.setdefault(r["path"], []).append(r)
    reasons = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"newsdex: (?:warning: )?(.+?): (.*)$", line)
        if m:
            reasons.setdefault(m.group(1), []).append(m.group(2))

    rows, failures = [], []
    n_articles = n_ok = n_dates = n_dates_ok = n_titles = n_titles_ok = 0
    mojibake_hits = []
    for f in files:
        gold = GOLD.get(f)
        recs = records.get(f, [])
        for r in recs:
            for field in ("title", "byline", "body"):
                if r.get(field) and MOJIBAKE.search(r[field]):
                    mojibake_hits.append(f"{f}: {field}: {MOJIBAKE.search(r[field]).group()!r}")
        fmt = recs[0]["format"] if recs else "-"
        if gold is None:
            failures.append(f"{f}: no gold entry")
            rows.append((f, fmt, len(recs), "?", "", "", "FAIL no gold"))
            continue
        if "skip" in gold:
            rows.append((f, fmt, len(recs), "-", "", "", "not an article: " + gold["skip"]))
            continue
        n_articles += 1
        problems = []
        full = [r for r in recs if (r.get("title") or "").strip() and (r.get("body") or "").strip()]
        if not full:
            problems.append("no record with title and body" + (f" ({'; '.join(reasons.get(f, []))})" if f in reasons else ""))
        want_dates = gold.get("items") or {None: gold.get("date")}
        got_desc, want_desc = [], []
        for sid, want in want_dates.items():
            if sid is None:
                rec = recs[0] if len(recs) == 1 else None
                if len(recs) > 1:
                    problems.append(f"{len(recs)} records, expected 1")
            else:
                rec = next((r for r in recs if r.get("source_id") == sid), None)
                if rec is None:
                    problems.append(f"no record with source_id {sid}")
            got = rec.get("date") if rec else None
            got_desc.append(str(got))
            want_desc.append(str(want))
            if want is not None or rec is not None:
                n_dates += 1
                if rec is not None and same_moment(got, want):
                    n_dates_ok += 1
                else:
                    problems.append(f"date {got}, want {want}")
        if "title" in gold:
            n_titles += 1
            got_title = recs[0].get("title") if recs else None
            if got_title == gold["title"]:
                n_titles_ok += 1
            else:
                problems.append(f"title {got_title!r}, want {gold['title']!r}")
        if f in TRAPS and not any(TRAPS[f] in record_text(r) for r in recs):
            problems.append(f"charset: {TRAPS[f]!r} not found")
        if problems:
            failures.append(f"{f}: " + "; ".join(problems))
        else:
            n_ok += 1
        rows.append((f, fmt, len(recs), "yes" if full else "NO", " ".join(got_desc), " ".join(want_desc),
                     "ok" if not problems else "FAIL " + "; ".join(problems)))
    for f in GOLD:
        if f not in files:
            failures.append(f"{f}: in the gold table but not in the corpus")

    w = max(len(r[0]) for r in rows)
    print(f"{'file':<{w}}  {'format':<10} {'recs':>4}  t+b  {'date (got)':<21} {'date (want)':<21} result")
    for f, fmt, n, tb, got, want, res in rows:
        print(f"{f:<{w}}  {fmt:<10} {n:>4}  {tb:<4} {got:<21} {want:<21} {res}")

    traps_ok = sum(1 for f, s in TRAPS.items() if any(s in record_text(r) for r in records.get(f, [])))
    shown = " ".join(cmd[:6]) + f" <{len(files)} files>  (cwd {corpus})"
    print()
    print(f"command: {shown}")
    print(f"files: {len(files)}; article files: {n_articles}; not articles: {sum(1 for g in GOLD.values() if 'skip' in g)}")
    print(f"article files passing every check: {n_ok}/{n_articles}  (bar: all)")
    print(f"dates equal to the file's metadata: {n_dates_ok}/{n_dates}  (bar: all)")
    print(f"titles right (plain-text wire formats): {n_titles_ok}/{n_titles}  (bar: all)")
    print(f"charset traps decoded: {traps_ok}/{len(TRAPS)}  (bar: all)")
    print(f"records with U+FFFD or mojibake: {len(mojibake_hits)}  (bar: 0)")
    for h in mojibake_hits:
        print(f"  mojibake: {h}")
    if mojibake_hits:
        failures.append(f"{len(mojibake_hits)} mojibake hits")
    if failures:
        print(f"\nFAILED ({len(failures)}):")
        for x in failures:
            print(f"  {x}")
        return 1
    print("\nall bars met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
