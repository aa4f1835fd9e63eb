#!/usr/bin/env python3
"""BBC News directory (plain text, title / blank / body): every article read, the one
Latin-1 file decoded with its pound sign, and no invented dates or bylines.

Bars: 2,225 articles, each with a title and a body, the title being the file's first line
(spaces squashed, character references read); sport/199.txt decoded as a legacy
single-byte encoding with '£' and no U+FFFD; at most 0.5% of articles given a byline and
none given a date (the files carry neither).

Usage: benches/eval/bbc.py [--bin target/debug/newsdex] [--shared ../shared]
"""
import argparse, html, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/debug/newsdex"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    base = os.path.join(args.shared, "corpora", "bbc-news", "bbc")
    if not os.path.isdir(base):
        print(f"SKIPPED: BBC corpus not found at {base}")
        return 0
    files = []
    for d, _, names in os.walk(base):
        files += [os.path.join(d, n) for n in names if n.endswith(".txt") and n != "README.TXT"]
    files.sort()
    articles = []
    for i in range(0, len(files), 500):
        out = subprocess.run([args.bin, "extract", "--format", "jsonl", *files[i:i + 500]],
                             capture_output=True, check=False)
        if out.returncode not in (0, 2):
            print(out.stderr.decode(errors="replace"))
            return 1
        articles += [json.loads(l) for l in out.stdout.decode().splitlines() if l.strip()]
    by_path = {os.path.relpath(a["path"], base): a for a in articles}
    complete = sum(1 for a in articles if a["title"] and a["body"])
    sport199 = by_path.get(os.path.join("sport", "199.txt"), {})
    pound_ok = "£" in sport199.get("body", "") and "\ufffd" not in sport199.get("body", "")
    def first_line(path):
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        return " ".join(html.unescape(text.strip().split("\n")[0]).split())

    wrong_titles = [a for a in articles if " ".join((a["title"] or "").split()) != first_line(a["path"])]
    bylines = [a for a in articles if a["byline"]]
    dates = [a for a in articles if a["date"]]
    figures = [
        ("articles extracted", len(articles), "== 2225", len(articles) == 2225),
        ("with title and body", complete, "== 2225", complete == 2225),
        ("title is the file's first line", len(articles) - len(wrong_titles), "== 2225",
         len(articles) - len(wrong_titles) == 2225),
        ("sport/199.txt: '£' decoded (" + sport199.get("encoding", "?") + ")", pound_ok, "true", pound_ok),
        ("articles given a byline", len(bylines), "<= 11 (0.5%)", len(bylines) <= 11),
        ("articles given a date", len(dates), "== 0", len(dates) == 0),
    ]
    print(f"BBC News ({base}); command: newsdex extract --format jsonl FILES")
    ok = True
    for name, value, bar, good in figures:
        print(f"  {'ok  ' if good else 'FAIL'} {name}: {value} (bar {bar})")
        ok &= good
    for a in wrong_titles[:10]:
        print(f"       {os.path.relpath(a['path'], base)}: title={a['title']!r} first line={first_line(a['path'])!r}")
    for a in bylines + dates:
        print(f"       {os.path.relpath(a['path'], base)}: byline={a['byline']!r} date={a['date']}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
