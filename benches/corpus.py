#!/usr/bin/env python3
"""Deterministic benchmark archives for newsdex, built from the real text in ../shared/corpora.

    python3 benches/corpus.py 100k [--seed 1] [--out DIR] [--shared ../shared]

Titles, sentences and bylines are taken from the BBC News, Reuters-21578 and AG News
corpora and recombined into articles: each article draws its sentences from a small window
of neighbouring source stories (so terms co-occur the way they do in news), gets a date
spread over 1965-2024, a byline for about two thirds, and one of the formats newsdex reads:

    ~80% .txt       title / "By NAME" / date line / blank line / paragraphs
    ~6%  .txt.gz    the same, gzipped (mtime 0, so the bytes are stable)
    ~6%  .html      a page with <title>, author and date <meta>, <h1>, <p>
    8%   .jsonl     8 articles per file (articles i with i % 100 < 8, per block of 100)

Article i depends only on (seed, i), so the 10k archive is the first 10k articles of the
100k one, and the same size always gives the same archive byte for byte. Alongside the
archive the same articles are written as NDJSON (articles.ndjson: id, path, title, byline,
date RFC 3339, body) for the peers that need it, and manifest.json (counts and bytes) last,
as the mark of a complete corpus.

Nothing here is committed: the output goes to $NEWSDEX_BENCH_DIR (default
/tmp/newsdex-bench)/corpus/<size>-s<seed>/.
"""

import argparse
import csv
import datetime as dt
import gzip
import html
import json
import multiprocessing
import os
import random
import re
import shutil
import sys
import time

GENERATOR_VERSION = 2
CHUNK = 10_000  # articles per worker task; a multiple of 100 so jsonl blocks never straddle
JSONL_PER_BLOCK = 8
FIRST_DAY = dt.date(1965, 1, 1).toordinal()
LAST_DAY = dt.date(2024, 12, 31).toordinal()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def bench_dir():
    return os.environ.get("NEWSDEX_BENCH_DIR") or "/tmp/newsdex-bench"


def parse_size(s):
    """'10k' -> 10000, '1M' -> 1000000, '2500' -> 2500."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*", s)
    if not m:
        raise ValueError(f"bad size {s!r} (use e.g. 10k, 100k, 1M, 2500)")
    n = float(m.group(1)) * {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()]
    return int(n)


def size_name(n):
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


# ---------------------------------------------------------------------------------------
# The source pool: real titles, sentences (grouped by source story) and bylines.

SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
SPACES = re.compile(r"\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def sentences(text):
    out = []
    for s in SENT_SPLIT.split(" ".join(text.split())):
        s = s.strip()
        if 30 <= len(s) <= 400 and not s.isupper():
            out.append(s)
    return out


def load_bbc(root):
    titles, docs = [], []
    base = os.path.join(root, "bbc-news", "bbc")
    for cat in sorted(os.listdir(base)):
        d = os.path.join(base, cat)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            lines = text.split("\n")
            title = lines[0].strip()
            body = " ".join(lines[1:])
            if title:
                titles.append(title)
            ss = sentences(body)
            if ss:
                docs.append((title, ss))
    return titles, docs


REUTERS = re.compile(rb"<REUTERS.*?</REUTERS>", re.S)


def _tag(rec, name):
    m = re.search(rb"<" + name + rb">(.*?)</" + name + rb">", rec, re.S)
    if not m:
        return None
    s = m.group(1).decode("latin-1")
    s = re.sub(r"&#\d+;", " ", s)
    return html.unescape(s)


def load_reuters(root):
    titles, docs, names = [], [], []
    base = os.path.join(root, "reuters21578")
    for name in sorted(os.listdir(base)):
        if not name.endswith(".sgm"):
            continue
        with open(os.path.join(base, name), "rb") as f:
            data = f.read()
        for rec in REUTERS.findall(data):
            title = _tag(rec, b"TITLE")
            body = _tag(rec, b"BODY")
            author = _tag(rec, b"AUTHOR")
            if title:
                title = SPACES.sub(" ", CONTROL.sub(" ", title)).strip()
                # Reuters titles are upper case; keep them as headline case.
                if title.isupper():
                    title = " ".join(w.capitalize() if w.isalpha() else w.lower() for w in title.split())
                titles.append(title)
            if author:
                a = SPACES.sub(" ", author).strip()
                a = re.sub(r"^[Bb]y\s+", "", a).split(",")[0].strip()
                if 2 <= len(a.split()) <= 3 and a.replace(" ", "").replace(".", "").isalpha():
                    names.append(a.title() if a.isupper() else a)
            if body:
                body = CONTROL.sub(" ", body)
                body = re.sub(r"\s*Reuter\s*$", "", body.strip(), flags=re.I)
                ss = sentences(body)
                if ss:
                    docs.append((title or "", ss))
    return titles, docs, names


def load_ag(root):
    titles, docs = [], []
    with open(os.path.join(root, "ag-news", "test.csv"), encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) < 3:
                continue
            fix = lambda s: (s.replace("#39;", "'").replace("#36;", "$").replace("quot;", '"')
                             .replace("\\", " ").replace("&lt;", "<").replace("&gt;", ">"))
            title, desc = fix(row[1]).strip(), fix(row[2])
            if title:
                titles.append(SPACES.sub(" ", title))
            ss = sentences(desc)
            if ss:
                docs.append((title, ss))
    return titles, docs


class Pool:
    """Loaded once from the corpora, then from a pickle in the bench dir (keyed by the
    generator version and the corpora's file sizes), since parsing them takes seconds."""

    @staticmethod
    def load(shared):
        import pickle
        root = os.path.join(shared, "corpora")
        key = []
        for sub in ("bbc-news", "reuters21578", "ag-news"):
            for dirpath, _, files in os.walk(os.path.join(root, sub)):
                for f in files:
                    key.append(os.path.getsize(os.path.join(dirpath, f)))
        cache = os.path.join(bench_dir(), f"pool-v{GENERATOR_VERSION}-{sum(key)}-{len(key)}.pickle")
        if os.path.exists(cache):
            pool = Pool.__new__(Pool)
            with open(cache, "rb") as f:
                pool.__dict__.update(pickle.load(f))
            return pool
        pool = Pool(shared)
        os.makedirs(bench_dir(), exist_ok=True)
        with open(cache + ".tmp", "wb") as f:
            pickle.dump(pool.__dict__, f)
        os.replace(cache + ".tmp", cache)
        return pool

    def __init__(self, shared):
        root = os.path.join(shared, "corpora")
        bt, bd = load_bbc(root)
        rt, rd, names = load_reuters(root)
        at, ad = load_ag(root)
        self.titles = bt + rt + at
        # Interleave nothing: stories stay in source order, so a window of neighbouring
        # stories shares a topic (BBC category, Reuters topic runs, AG class).
        self.docs = bd + rd + ad
        names = sorted(set(names))
        firsts = sorted({n.split()[0] for n in names})
        lasts = sorted({n.split()[-1] for n in names})
        self.names = names
        self.firsts = firsts
        self.lasts = lasts


# ---------------------------------------------------------------------------------------
# One article.

def pick(rng, seq):
    return seq[int(rng.random() * len(seq))]


def make_article(pool, seed, i):
    rng = random.Random(f"newsdex-bench:{seed}:{i}")
    anchor = int(rng.random() * len(pool.docs))
    title = pool.docs[anchor][0] if rng.random() < 0.5 and pool.docs[anchor][0] else pick(rng, pool.titles)
    nsent = 4 + int(rng.random() ** 2 * 42)
    # Neighbouring stories (same category or topic run) until there are enough distinct
    # sentences, then a sample without repeats, in source order.
    window = []
    for d in pool.docs[anchor:anchor + 60]:
        window.extend(d[1])
        if len(window) >= 2 * nsent:
            break
    if len(window) < nsent:
        for d in pool.docs[max(0, anchor - 60):anchor]:
            window.extend(d[1])
    nsent = min(nsent, len(window))
    chosen = sorted(_sample(rng, len(window), nsent))
    paras, cur = [], []
    for k in chosen:
        cur.append(window[k])
        if len(cur) >= 1 + int(rng.random() * 4):
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    body = "\n\n".join(paras)

    r = rng.random()
    byline = None
    if r < 0.50:
        byline = pick(rng, pool.names) if rng.random() < 0.5 else f"{pick(rng, pool.firsts)} {pick(rng, pool.lasts)}"
    elif r < 0.65:
        byline = f"{pick(rng, pool.firsts)} {pick(rng, pool.lasts)} and {pick(rng, pool.firsts)} {pick(rng, pool.lasts)}"

    day = dt.date.fromordinal(FIRST_DAY + int(rng.random() * (LAST_DAY - FIRST_DAY + 1)))
    style = rng.random()
    hour = minute = 0
    if style < 0.60:
        date_line = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    elif style < 0.75:
        date_line = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    elif style < 0.85:
        date_line = day.isoformat()
    else:
        hour, minute = int(rng.random() * 24), int(rng.random() * 60)
        h12 = hour % 12 or 12
        ampm = "am" if hour < 12 else "pm"
        date_line = f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}, {h12}:{minute:02d} {ampm}"
    when = dt.datetime(day.year, day.month, day.day, hour, minute)

    if i % 100 < JSONL_PER_BLOCK:
        fmt = "jsonl"
    else:
        f = rng.random()
        fmt = "html" if f < 0.06 else "gz" if f < 0.12 else "txt"
    return {"i": i, "title": title, "byline": byline, "date": when, "date_line": date_line,
            "body": body, "paras": paras, "format": fmt}


def _sample(rng, n, k):
    """k distinct indices below n (partial Fisher-Yates on rng.random(), which is stable
    across Python versions, unlike random.sample)."""
    idx = list(range(n))
    for j in range(k):
        m = j + int(rng.random() * (n - j))
        idx[j], idx[m] = idx[m], idx[j]
    return idx[:k]


def slug(title):
    words = re.findall(r"[a-z0-9]+", title.lower())[:6]
    return "-".join(words) or "article"


def render_text(a):
    lines = [a["title"]]
    if a["byline"]:
        lines.append("By " + a["byline"])
    lines.append(a["date_line"])
    return "\n".join(lines) + "\n\n" + a["body"] + "\n"


def render_html(a):
    e = html.escape
    iso = a["date"].strftime("%Y-%m-%dT%H:%M:%SZ")
    head = [f"<title>{e(a['title'])} | The Bench Gazette</title>",
            '<meta charset="utf-8">',
            f'<meta property="article:published_time" content="{iso}">']
    if a["byline"]:
        head.append(f'<meta name="author" content="{e(a["byline"])}">')
    body = ['<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>',
            "<article>", f"<h1>{e(a['title'])}</h1>"]
    if a["byline"]:
        body.append(f'<p class="byline">By {e(a["byline"])}</p>')
    body.append(f'<time datetime="{iso}">{e(a["date_line"])}</time>')
    body.extend(f"<p>{e(p)}</p>" for p in a["paras"])
    body.append("</article>")
    body.append("<footer>Copyright The Bench Gazette. All rights reserved.</footer>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + "\n".join(head) + "\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def json_record(a):
    rec = {"id": f"a{a['i']:08d}", "title": a["title"]}
    if a["byline"]:
        rec["byline"] = a["byline"]
    rec["date"] = a["date"].strftime("%Y-%m-%dT%H:%M:%SZ")
    rec["body"] = a["body"]
    return rec


# ---------------------------------------------------------------------------------------
# Writing a chunk of articles (one worker task).

_POOL = None


def _init(shared):
    global _POOL
    _POOL = Pool.load(shared)


def write_chunk(args):
    archive, parts_dir, seed, start, stop = args
    made = set()
    stats = {"articles": 0, "files": 0, "archive_bytes": 0, "text_bytes": 0,
             "formats": {"txt": 0, "gz": 0, "html": 0, "jsonl": 0}}
    part = os.path.join(parts_dir, f"{start:09d}.ndjson")
    jsonl_buf = {}
    with open(part, "w", encoding="utf-8") as nd:
        for i in range(start, stop):
            a = make_article(_POOL, seed, i)
            fmt = a["format"]
            if fmt == "jsonl":
                rel = f"feeds/{i // 10_000:04d}/{i // 100:07d}.jsonl"
                jsonl_buf.setdefault(rel, []).append(json.dumps(json_record(a), ensure_ascii=False))
            else:
                ext = {"txt": ".txt", "gz": ".txt.gz", "html": ".html"}[fmt]
                d = a["date"]
                rel = f"{d.year}/{d.month:02d}/{slug(a['title'])}-{i:07d}{ext}"
                if fmt == "html":
                    data = render_html(a).encode("utf-8")
                else:
                    data = render_text(a).encode("utf-8")
                    if fmt == "gz":
                        data = gzip.compress(data, compresslevel=6, mtime=0)
                _write(archive, rel, data, made)
                stats["files"] += 1
                stats["archive_bytes"] += len(data)
            rec = {"id": f"a{i:08d}", "path": rel, "title": a["title"],
                   "byline": a["byline"] or "", "date": a["date"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                   "body": a["body"]}
            nd.write(json.dumps(rec, ensure_ascii=False))
            nd.write("\n")
            stats["articles"] += 1
            stats["text_bytes"] += len(a["title"].encode()) + len((a["byline"] or "").encode()) + len(a["body"].encode())
            stats["formats"][fmt] += 1
        for rel, lines in jsonl_buf.items():
            data = ("\n".join(lines) + "\n").encode("utf-8")
            _write(archive, rel, data, made)
            stats["files"] += 1
            stats["archive_bytes"] += len(data)
    return start, stats


def _write(archive, rel, data, made):
    path = os.path.join(archive, rel)
    d = os.path.dirname(path)
    if d not in made:
        os.makedirs(d, exist_ok=True)
        made.add(d)
    with open(path, "wb") as f:
        f.write(data)


def generate(n, seed=1, out=None, shared=None, jobs=None, quiet=False):
    """Builds (or reuses) the corpus of n articles; returns its directory and manifest."""
    shared = shared or os.environ.get("NEWSDEX_SHARED") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
    out = out or os.path.join(bench_dir(), "corpus", f"{size_name(n)}-s{seed}")
    manifest_path = os.path.join(out, "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            m = json.load(f)
        if m.get("generator_version") == GENERATOR_VERSION and m.get("articles") == n and m.get("seed") == seed:
            return out, m
    if not os.path.isdir(os.path.join(shared, "corpora")):
        raise SystemExit(f"!! {shared}/corpora is absent: cannot build a benchmark corpus from real text. "
                         "Set NEWSDEX_SHARED or --shared.")
    if os.path.exists(out):
        shutil.rmtree(out)
    archive = os.path.join(out, "archive")
    parts = os.path.join(out, "parts")
    os.makedirs(archive)
    os.makedirs(parts)
    t0 = time.time()
    tasks = [(archive, parts, seed, s, min(s + CHUNK, n)) for s in range(0, n, CHUNK)]
    jobs = jobs or min(os.cpu_count() or 1, 4)
    Pool.load(shared)  # parse the corpora once, before the workers load the pickle
    total = {"articles": 0, "files": 0, "archive_bytes": 0, "text_bytes": 0,
             "formats": {"txt": 0, "gz": 0, "html": 0, "jsonl": 0}}
    with multiprocessing.Pool(jobs, initializer=_init, initargs=(shared,)) as p:
        for done, (start, st) in enumerate(p.imap_unordered(write_chunk, tasks), 1):
            for k in ("articles", "files", "archive_bytes", "text_bytes"):
                total[k] += st[k]
            for k, v in st["formats"].items():
                total["formats"][k] += v
            if not quiet:
                print(f"\r  corpus {size_name(n)}: {total['articles']:,}/{n:,} articles", end="", file=sys.stderr, flush=True)
    if not quiet:
        print(file=sys.stderr)
    ndjson = os.path.join(out, "articles.ndjson")
    with open(ndjson, "wb") as dst:
        for name in sorted(os.listdir(parts)):
            with open(os.path.join(parts, name), "rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)
    shutil.rmtree(parts)
    m = dict(total, generator_version=GENERATOR_VERSION, seed=seed, ndjson_bytes=os.path.getsize(ndjson),
             generate_seconds=round(time.time() - t0, 1), archive="archive", ndjson="articles.ndjson")
    m["articles"] = n
    with open(manifest_path + ".tmp", "w") as f:
        json.dump(m, f, indent=1, sort_keys=True)
    os.replace(manifest_path + ".tmp", manifest_path)
    return out, m


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("size", help="number of articles: 10k, 100k, 1M, or a plain number")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="output directory (default $NEWSDEX_BENCH_DIR/corpus/SIZE-sSEED)")
    ap.add_argument("--shared", help="the shared/ directory with corpora/ (default ../shared)")
    ap.add_argument("--jobs", type=int)
    a = ap.parse_args()
    out, m = generate(parse_size(a.size), a.seed, a.out, a.shared, a.jobs)
    print(out)
    print(json.dumps(m, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
