#!/usr/bin/env python3
"""Two newsdex builds side by side on one index: whole-process `newsdex search` latency
over benches/queries.txt (each query run 3 times per build, builds alternated, median per
query, then p50/p95/p99 over the queries), and whether each query's top 10 ids are the
same in both. For checking that a change keeps rankings and costs nothing.

    benches/ab_search.py OLD_BINARY NEW_BINARY INDEX_DIR [--new-index DIR] [--queries FILE] [--repeat 3]

With --new-index the new build searches that index instead (an index built with other
settings); OLD and NEW may then be the same binary.

Exit status 0; the differing queries are listed on stderr."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def load_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, q, frm, to = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            out.append((kind, q, frm, to))
    return out


def run(binary, index, q, frm, to):
    args = [binary, "search", q, "--index", index, "--format", "json"]
    if frm:
        args += ["--from", frm]
    if to:
        args += ["--to", to]
    t0 = time.perf_counter()
    out = subprocess.run(args, capture_output=True, check=False)
    elapsed_ms = (time.perf_counter() - t0) * 1000
    ids = [h["id"] for h in json.loads(out.stdout or b'{"hits": []}').get("hits", [])]
    return elapsed_ms, ids


def nearest_rank(values, p):
    v = sorted(values)
    return v[max(0, min(len(v) - 1, -(-len(v) * p // 100) - 1))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("index")
    ap.add_argument("--new-index", help="index for the new build (default: INDEX_DIR)")
    ap.add_argument("--queries", default=os.path.join(HERE, "queries.txt"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    queries = load_queries(a.queries)
    index_of = {"old": a.index, "new": a.new_index or a.index}
    builds = {"old": a.old, "new": a.new}
    medians = {"old": [], "new": []}
    differing = 0
    for kind, q, frm, to in queries:
        times = {"old": [], "new": []}
        ids = {}
        for r in range(a.repeat):
            order = ("old", "new") if r % 2 == 0 else ("new", "old")
            for b in order:
                ms, ids[b] = run(builds[b], index_of[b], q, frm, to)
                times[b].append(ms)
        for b in times:
            medians[b].append(statistics.median(times[b]))
        if ids["old"] != ids["new"]:
            differing += 1
            print(f"differs: {kind}\t{q}\t{frm}\t{to}", file=sys.stderr)
    for b in ("old", "new"):
        m = medians[b]
        print(f"{b} {builds[b]} on {index_of[b]}: p50 {nearest_rank(m, 50):.1f} ms, p95 {nearest_rank(m, 95):.1f} ms, "
              f"p99 {nearest_rank(m, 99):.1f} ms")
    print(f"{len(queries)} queries, {differing} with different top-10 ids")


if __name__ == "__main__":
    main()
