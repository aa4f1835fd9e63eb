#!/usr/bin/env python3
"""HTML extraction measured on real pages: the Zyte/Scrapinghub article-extraction benchmark.

Runs `newsdex extract --format jsonl` on the benchmark's 181 `html/*.html.gz` pages (newsdex
reads gzip and detects charsets itself) and reports:

- body: the benchmark's own metric, reproduced from its evaluate.py: text tokenised with
  Python's `\\w+` (re.UNICODE), word 4-gram shingles counted as multisets, TP/FP/FN per page
  normalised by their sum, precision and recall averaged over pages (pages with tp+fp = 0
  left out of precision, tp+fn = 0 out of recall), F1 = harmonic mean of the two averages.
  The mean of per-page F1 is printed too.
- title: share of pages with a non-empty title.
- date: among pages whose HTML carries a publication date in its metadata (JSON-LD
  datePublished/dateCreated or a published-time meta tag; the 0001-01-01 placeholder does
  not count), the share with a plausible extracted date (1990 to next year).

Exits 1 when a bar is missed: body F1 >= 0.95, title >= 95 %, date >= 90 %.

Usage: cargo build && python3 benches/eval/html_benchmark.py
           [--bin target/debug/newsdex] [--corpus DIR] [--worst N] [--dump out.json]
The corpus defaults to ../shared/corpora/article-extraction-benchmark beside the repo.
"""

import argparse
import datetime
import gzip
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "article-extraction-benchmark"
BARS = {"f1": 0.95, "title": 0.95, "date": 0.90}

# --- the benchmark's metric (evaluate.py) ---------------------------------------------

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _ngrams(text, n=4):
    tokens = _TOKEN_RE.findall(text or "")
    out = []
    for i in range(0, max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i : i + n])
        if shingle:
            out.append(shingle)
    return out


def shingle_matching(true, pred):
    t, p = Counter(_ngrams(true)), Counter(_ngrams(pred))
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def body_metrics(triples):
    p = statistics.mean(precision(*x) for x in triples if x[0] + x[1] > 0)
    r = statistics.mean(recall(*x) for x in triples if x[0] + x[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


# --- publication dates carried by the page's metadata ---------------------------------

_DATE_META = re.compile(
    r"""(?:"datePublished"|"dateCreated")\s*:\s*"([^"]*)"|"""
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|date|pubdate|publishdate|DC\.date\.issued|sailthru\.date|parsely-pub-date)["'][^>]*>""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def carried_date(html):
    """The first publication date in the page's metadata that is not a placeholder."""
    for m in _DATE_META.finditer(html):
        value = m.group(1)
        if value is None:
            c = _CONTENT.search(m.group(0))
            value = c.group(1) if c else ""
        y = re.match(r"\s*(\d{4})-\d{2}-\d{2}", value)
        if y and 1990 <= int(y.group(1)) <= datetime.date.today().year + 1:
            return value
    return None


def plausible(date):
    if not date:
        return False
    y = int(date[:4])
    return 1990 <= y <= datetime.date.today().year + 1


# --- running newsdex -------------------------------------------------------------------


def run_newsdex(binary, files, batch=40):
    out, elapsed = {}, 0.0
    for i in range(0, len(files), batch):
        chunk = files[i : i + batch]
        t = time.perf_counter()
        proc = subprocess.run(
            [str(binary), "extract", "--format", "jsonl", "--as", "html", *map(str, chunk)],
            capture_output=True,
            text=True,
        )
        elapsed += time.perf_counter() - t
        if proc.returncode not in (0, 2):
            sys.exit(f"newsdex failed ({proc.returncode}): {proc.stderr[-2000:]}")
        for line in proc.stdout.splitlines():
            a = json.loads(line)
            out[Path(a["path"]).name.removesuffix(".html.gz")] = a
    return out, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target" / "debug" / "newsdex"))
    ap.add_argument("--corpus", default=None, help="the benchmark directory (default: SHARED/corpora/article-extraction-benchmark)")
    ap.add_argument("--shared", default=None, help="the shared data directory (default: ../shared relative to the repo root)")
    ap.add_argument("--worst", type=int, default=15, help="list the N pages with the lowest body F1")
    ap.add_argument("--dump", help="write the predictions in the benchmark's output format")
    args = ap.parse_args()

    if args.corpus:
        corpus = Path(args.corpus)
    elif args.shared:
        corpus = Path(args.shared) / "corpora" / "article-extraction-benchmark"
    else:
        corpus = DEFAULT_CORPUS
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    files = sorted((corpus / "html").glob("*.html.gz"))
    if len(files) != len(truth):
        sys.exit(f"{len(files)} pages but {len(truth)} ground-truth entries")

    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    got, elapsed = run_newsdex(args.bin, files)
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)

    pages = []
    for f in files:
        key = f.name.removesuffix(".html.gz")
        a = got.get(key, {})
        body = a.get("body") or ""
        triple = shingle_matching(truth[key]["articleBody"], body)
        p, r = precision(*triple), recall(*triple)
        html = gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
        pages.append(
            {
                "key": key,
                "url": truth[key].get("url", ""),
                "triple": triple,
                "p": p,
                "r": r,
                "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "title": a.get("title"),
                "date": a.get("date"),
                "byline": a.get("byline"),
                "carried": carried_date(html),
            }
        )

    m = body_metrics([x["triple"] for x in pages])
    mean_page_f1 = statistics.mean(x["f1"] for x in pages)
    titled = sum(1 for x in pages if x["title"]) / len(pages)
    carrying = [x for x in pages if x["carried"]]
    dated = sum(1 for x in carrying if plausible(x["date"])) / max(1, len(carrying))
    with_byline = sum(1 for x in pages if x["byline"]) / len(pages)

    print(f"pages: {len(pages)}  newsdex: {elapsed:.2f}s wall, {cpu:.2f}s CPU ({args.bin})")
    print(f"body:  F1={m['f1']:.4f}  precision={m['precision']:.4f}  recall={m['recall']:.4f}"
          f"  (mean per-page F1 {mean_page_f1:.4f})")
    print(f"title: {titled:.1%} of pages")
    print(f"date:  {dated:.1%} of the {len(carrying)} pages that carry a publication date")
    print(f"byline: {with_byline:.1%} of pages (no bar)")

    if args.worst:
        print(f"\nworst {args.worst} pages by body F1:")
        for x in sorted(pages, key=lambda x: x["f1"])[: args.worst]:
            print(f"  {x['f1']:.3f} P={x['p']:.3f} R={x['r']:.3f} {x['key'][:12]} {x['url'][:80]}")
        missing = [x for x in carrying if not plausible(x["date"])]
        if missing:
            print("\npages carrying a date without one extracted:")
            for x in missing:
                print(f"  {x['key'][:12]} carried={x['carried']!r} got={x['date']!r} {x['url'][:60]}")
        untitled = [x for x in pages if not x["title"]]
        if untitled:
            print("\npages without a title:")
            for x in untitled:
                print(f"  {x['key'][:12]} {x['url'][:80]}")

    if args.dump:
        Path(args.dump).write_text(
            json.dumps({x["key"]: {"articleBody": got.get(x["key"], {}).get("body") or "",
                                   "title": x["title"], "date": x["date"], "byline": x["byline"]}
                        for x in pages}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )

    failed = [name for name, value in (("body F1", m["f1"]), ("title", titled), ("date", dated))
              if value < BARS[{"body F1": "f1"}.get(name, name)]]
    if failed:
        print(f"\nBELOW THE BAR: {', '.join(failed)}")
        return 1
    print("\nall bars met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
