#!/usr/bin/env python3
"""Writes benches/queries.txt: a fixed query set drawn from the corpus vocabulary.

    python3 benches/make_queries.py [--shared ../shared] [--out benches/queries.txt]

Words only (no sentences): document frequencies are counted over the source stories the
generator recombines (benches/corpus.py), and queries are picked with a fixed seed from
frequency bands, so the file is the same on every run. One query per line, tab-separated:

    kind    query    from    to

kind is single-common / single-mid / single-rare / terms-2 / terms-3 / phrase, with a
"+date" suffix when from/to (years) restrict it; from/to are empty otherwise.
"""

import argparse
import collections
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

STOP = set("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself no nor not now of off on once only or other our ours
out over own said same say says she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours mr mrs ms one two three four five six
seven eight nine ten year years new last first told may also per cts mln dlrs pct vs shr net
reuter like get got make made many much well even still back since around""".split())

WORD = re.compile(r"[a-z]+")


def vocabulary(pool):
    df = collections.Counter()
    bigrams = collections.Counter()
    docs = []
    for title, ss in pool.docs:
        text = (title + " " + " ".join(ss)).lower()
        toks = WORD.findall(text)
        words = {w for w in toks if len(w) >= 3 and w not in STOP}
        df.update(words)
        docs.append(sorted(words))
        bg = set()
        for a, b in zip(toks, toks[1:]):
            if len(a) >= 3 and len(b) >= 3 and a not in STOP and b not in STOP:
                bg.add((a, b))
        bigrams.update(bg)
    return df, bigrams, docs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("NEWSDEX_SHARED")
                    or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "queries.txt"))
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.shared, "corpora")):
        sys.exit(f"!! {a.shared}/corpora is absent: cannot derive queries from the corpus vocabulary")

    pool = corpus.Pool.load(a.shared)
    df, bigrams, docs = vocabulary(pool)
    ndocs = len(pool.docs)
    rng = random.Random(a.seed)
    ranked = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
    common = [w for w, n in ranked if n >= ndocs * 0.02][:400]
    mid = [w for w, n in ranked if ndocs * 0.002 <= n < ndocs * 0.02]
    rare = [w for w, n in ranked if 3 <= n <= 8 and len(w) >= 5]
    usable = set(common) | set(mid)

    queries = []
    seen = set()

    def add(kind, q):
        if q not in seen:
            seen.add(q)
            queries.append((kind, q))

    for kind, band, n in (("single-common", common, 30), ("single-mid", mid, 30), ("single-rare", rare, 30)):
        for w in rng.sample(sorted(band), n):
            add(kind, w)
    # Several terms that co-occur in one source story: realistic AND queries with hits.
    for kind, k, n in (("terms-2", 2, 40), ("terms-3", 3, 30)):
        made = 0
        while made < n:
            words = [w for w in docs[int(rng.random() * ndocs)] if w in usable]
            if len(words) < k:
                continue
            before = len(queries)
            add(kind, " ".join(rng.sample(words, k)))
            made += len(queries) - before
    frequent = sorted((bg for bg, n in bigrams.items() if n >= 15), key=lambda bg: (-bigrams[bg], bg))[:600]
    for a_, b_ in rng.sample(frequent, 40):
        add("phrase", f'"{a_} {b_}"')

    lines = [f"{k}\t{q}\t\t" for k, q in queries]
    # The same kinds again, restricted to a date range of 1, 5 or 20 years.
    for k, q in rng.sample(queries, 60):
        y = 1965 + int(rng.random() * 55)
        span = rng.choice([0, 4, 19])
        lines.append(f"{k}+date\t{q}\t{y}\t{min(y + span, 2024)}")

    header = ("# newsdex benchmark queries, written by benches/make_queries.py (do not edit by hand).\n"
              "# kind<TAB>query<TAB>from<TAB>to (years; empty = no date range)\n")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header + "\n".join(lines) + "\n")
    print(f"{len(lines)} queries -> {a.out}")


if __name__ == "__main__":
    main()
