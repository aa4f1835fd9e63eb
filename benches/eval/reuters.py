#!/usr/bin/env python3
"""Measures newsdex's SGML extractor on the real Reuters-21578 collection.

Gold values are read from the raw .sgm files here, with this script's own simple regular
expressions (nothing shared with newsdex), and compared with what
`newsdex extract --format jsonl` prints, matched by source_id (= NEWID):

- records: every record with any text is extracted, once (a record whose <TEXT> holds
  nothing at all cannot be indexed and is listed, not counted against the bar);
- title: equals <TITLE> (entities decoded, control characters dropped, whitespace
  collapsed) for >= 99.5% of the records that have one;
- date: equals <DATE> to the second (day-month-year hh:mm:ss read with re/datetime,
  as UTC, RFC 3339) for >= 99.5% of the records with a readable date, the malformed
  ones (double spaces, trailing &#5;&#5;&#5;RM) included;
- author: every person named in <AUTHOR> ("By A and B, Reuters" names two) is among the
  extracted authors for >= 95% of the records that have one;
- leaks (bar 0): bodies still ending in the "Reuter" sign-off, or holding "&#" entities
  or control characters.

Writes nothing. Exit 0 when every figure meets its bar (or the corpus is absent: SKIPPED),
1 when one does not, 2 when newsdex cannot be run.
Usage: python3 benches/eval/reuters.py [--bin target/debug/newsdex] [--shared ../shared]
"""

import argparse
import datetime
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import time
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
MAX_EXAMPLES = 10


def decode(s):
    """SGML entities with their ';' (&lt; &#3;), control characters dropped."""
    def repl(m):
        name = m.group(1)
        if name.startswith("#"):
            try:
                return chr(int(name[1:]))
            except (ValueError, OverflowError):
                return m.group(0)
        return NAMED.get(name, m.group(0))
    s = re.sub(r"&(#\d{1,7}|[A-Za-z]{1,10});", repl, s)
    return "".join(c for c in s if c == "\n" or unicodedata.category(c) != "Cc")


def squash(s):
    return " ".join(s.split())


def gold_records(files):
    """NEWID -> dict of gold fields, in file order."""
    out = {}
    for path in files:
        with open(path, encoding="latin-1") as f:
            text = f.read()
        for m in re.finditer(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", text, re.S):
            newid = re.search(r'NEWID="(\d+)"', m.group(1)).group(1)
            rec = m.group(2)
            g = {"file": os.path.basename(path)}
            t = re.search(r"<TITLE>(.*?)</TITLE>", rec, re.S)
            g["title"] = squash(decode(t.group(1))) if t else None
            d = re.search(r"<DATE>(.*?)</DATE>", rec, re.S)
            g["date_raw"] = d.group(1) if d else None
            g["date"] = None
            if d:
                dm = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})",
                              d.group(1))
                if dm and dm.group(2) in MONTHS:
                    try:
                        dt = datetime.datetime(int(dm.group(3)), MONTHS[dm.group(2)],
                                               int(dm.group(1)), int(dm.group(4)),
                                               int(dm.group(5)), int(dm.group(6)),
                                               tzinfo=datetime.timezone.utc)
                        g["date"] = dt.strftime("%Y-%m-%dT%H:%M:%SZ")
                    except ValueError:
                        pass
            a = re.search(r"<AUTHOR>(.*?)</AUTHOR>", rec, re.S)
            g["author_raw"] = squash(decode(a.group(1))) if a else None
            g["authors"] = gold_people(g["author_raw"]) if a else []
            tx = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", rec, re.S)
            words = re.sub(r"<[^>]*>|&#?\w+;", " ", tx.group(1)).split() if tx else []
            g["has_text"] = bool(words)
            out[newid] = g
    return out


def gold_people(author):
    """'by Janie Gabbett, Reuters' -> ['Janie Gabbett']; 'By A and B, Reuters' -> ['A', 'B']."""
    p = re.sub(r"^by\s+", "", author, flags=re.I)
    p = p.split(",")[0]
    p = re.sub(r"\s+Reuters?\w*\.?$", "", p)
    return [squash(x.strip(" .")) for x in re.split(r"\s+and\s+|&", p, flags=re.I)
            if x.strip(" .")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "debug", "newsdex"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    args = ap.parse_args()

    corpus = os.path.join(args.shared, "corpora", "reuters21578")
    files = sorted(glob.glob(os.path.join(corpus, "reut2-*.sgm")))
    if not files:
        print(f"SKIPPED: Reuters-21578 not found ({corpus}/reut2-*.sgm); nothing measured")
        return 0
    if not os.access(args.bin, os.X_OK):
        print(f"error: {args.bin} is not an executable; run `cargo build` first", file=sys.stderr)
        return 2

    gold = gold_records(files)
    cmd = [args.bin, "extract", *files, "--format", "jsonl"]
    shown = " ".join(shlex.quote(c) for c in [args.bin, "extract"]) + \
        f" {shlex.quote(corpus)}/reut2-*.sgm --format jsonl"
    started = time.monotonic()
    run = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if run.returncode != 0:
        print(f"error: `{shown}` exited {run.returncode}:\n{run.stderr}", file=sys.stderr)
        return 2
    got = {}
    repeated = []
    for line in run.stdout.splitlines():
        a = json.loads(line)
        sid = a.get("source_id")
        if sid in got:
            repeated.append(sid)
        got[sid] = a

    print(f"command: {shown}")
    print(f"  ({len(files)} files, {elapsed:.1f} s, {len(got)} articles printed)")
    warnings = [l for l in run.stderr.splitlines() if l.strip()]
    for w in warnings[:MAX_EXAMPLES]:
        print(f"  stderr: {w}")
    print()

    failed = False

    def figure(name, ok, total, bar, fails, note=""):
        nonlocal failed
        share = ok / total if total else 1.0
        passed = share >= bar
        failed |= not passed
        print(f"{name}: {ok}/{total} = {share:.2%} (bar {bar:.1%}) "
              f"{'ok' if passed else 'BELOW BAR'}{note}")
        for f in fails[:MAX_EXAMPLES]:
            print(f"    {f}")
        if len(fails) > MAX_EXAMPLES:
            print(f"    ... and {len(fails) - MAX_EXAMPLES} more")

    def leak(name, fails):
        nonlocal failed
        failed |= bool(fails)
        print(f"{name}: {len(fails)} (bar 0) {'ok' if not fails else 'ABOVE BAR'}")
        for f in fails[:MAX_EXAMPLES]:
            print(f"    {f}")

    with_text = [n for n, g in gold.items() if g["has_text"]]
    empty = [n for n, g in gold.items() if not g["has_text"]]
    missing = [f"NEWID={n} ({gold[n]['file']}) not extracted" for n in with_text if n not in got]
    missing += [f"NEWID={n} printed more than once" for n in repeated]
    note = (f"; {len([n for n in gold if n in got])}/{len(gold)} of all records, "
            f"{len(empty)} with an empty <TEXT>: "
            + ", ".join(f"NEWID={n}" for n in empty[:5])) if empty else ""
    figure("records extracted", len(with_text) - len(missing), len(with_text), 1.0, missing,
           note)

    titled = [n for n, g in gold.items() if g["title"] is not None]
    bad = []
    for n in titled:
        t = got.get(n, {}).get("title")
        if t != gold[n]["title"]:
            bad.append(f"NEWID={n}: got {t!r}, want {gold[n]['title']!r}")
    figure("title = <TITLE>", len(titled) - len(bad), len(titled), 0.995, bad)

    dated = [n for n, g in gold.items() if g["date"] is not None]
    unreadable = [n for n, g in gold.items() if g["date_raw"] is not None and g["date"] is None]
    malformed = [n for n in dated
                 if not re.fullmatch(r"\d{1,2}-[A-Z]{3}-\d{4} \d\d:\d\d:\d\d\.\d\d",
                                     gold[n]["date_raw"].strip())]
    bad = []
    for n in dated:
        d = got.get(n, {}).get("date")
        if d != gold[n]["date"]:
            bad.append(f"NEWID={n}: got {d!r}, want {gold[n]['date']!r} "
                       f"from {gold[n]['date_raw']!r}")
    bad_malformed = [b for b in bad if b.split(":")[0][6:] in set(malformed)]
    figure("date = <DATE> to the second", len(dated) - len(bad), len(dated), 0.995, bad,
           f"; malformed values: {len(malformed) - len(bad_malformed)}/{len(malformed)} right"
           + (f"; not counted, this script cannot read them either: "
              + ", ".join(f"NEWID={n} {gold[n]['date_raw']!r} (newsdex: {got.get(n, {}).get('date')!r})"
                          for n in unreadable[:5])
              if unreadable else ""))

    authored = [n for n, g in gold.items() if g["author_raw"] is not None]
    bad = []
    for n in authored:
        authors = [squash(a).lower() for a in got.get(n, {}).get("authors") or []]
        want = gold[n]["authors"]
        if not want or any(w.lower() not in authors for w in want):
            bad.append(f"NEWID={n}: authors {got.get(n, {}).get('authors')!r}, byline "
                       f"{got.get(n, {}).get('byline')!r}, want {want!r} "
                       f"from {gold[n]['author_raw']!r}")
    figure("authors named in <AUTHOR> found", len(authored) - len(bad), len(authored), 0.95, bad)

    print()
    signoff = re.compile(r"(?:^|\s)reuters?\W*$", re.I)
    leak("bodies ending in the Reuter sign-off",
         [f"NEWID={n}: ...{a['body'][-40:]!r}" for n, a in got.items()
          if a.get("body") and signoff.search(a["body"].split("\n\n")[-1])
          and len(a["body"].split("\n\n")[-1].split()) <= 2])
    leak("bodies or titles holding '&#' or control characters",
         [f"NEWID={n}" for n, a in got.items()
          if any("&#" in (a.get(k) or "")
                 or any(unicodedata.category(c) == "Cc" and c != "\n" for c in a.get(k) or "")
                 for k in ("title", "body"))])

    print()
    print("RESULT:", "below a bar" if failed else "every figure meets its bar")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
