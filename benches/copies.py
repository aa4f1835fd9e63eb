#!/usr/bin/env python3
"""Copy collapse at scale: an archive where every story is present N times (N copies of
the BBC News corpus, 2,225 articles each), searched side by side as whole processes.

    python3 benches/copies.py --bin target/release/newsdex [--copies 10] [--repeat 3]
        [--queries 200] [--base-bin OLD_BINARY] [--index-repeat 3] [--work DIR]

For every query of benches/queries.txt without a date range (the BBC articles carry no
dates), in rotating order, each engine once per round, a warm-up round then --repeat timed
rounds:

- newsdex search Q --limit 10 --format json               (collapse, the default)
- newsdex search Q --limit 10 --format json --no-collapse
- newsdex search Q --limit 10 --format json --offset 1000 (a deep page, collapsed)
- sqlite3 on an FTS5 table of the same articles (benches/sqlite_load.py), snippet(),
  bm25 with the title weighted 2.5, LIMIT 10

A query's latency is the median of its rounds; p50/p95 are nearest-rank over the queries;
the ratios are taken per query (collapse / no-collapse, collapse / sqlite, deep / first)
and their median reported. With --base-bin the two builds index the archive alternately
(--index-repeat times each, fresh index each time) and the median CPU and wall ratios are
reported. Results go to stdout as a table and to WORK/results.json.

Needs ../shared/corpora/bbc-news (or $NEWSDEX_SHARED) and sqlite3; without them it says so
and exits 0 (skipped).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def nearest_rank(values, p):
    v = sorted(values)
    return v[max(0, min(len(v) - 1, -(-len(v) * p // 100) - 1))]


def timed(cmd):
    """Wall seconds, CPU seconds and exit status of one whole process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), err


def build_archive(bbc, work, copies):
    """WORK/archive/copyK/CATEGORY/NNN.txt, and the same articles as NDJSON for SQLite."""
    archive = os.path.join(work, "archive")
    stamp = os.path.join(work, f"archive-{copies}.done")
    ndjson = os.path.join(work, "articles.ndjson")
    if os.path.exists(stamp):
        return archive, ndjson
    shutil.rmtree(archive, ignore_errors=True)
    files = sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(bbc)
        for f in fs
        if f.endswith(".txt")
    )
    with open(ndjson, "w", encoding="utf-8") as out:
        for k in range(copies):
            for src in files:
                rel = os.path.relpath(src, bbc)
                dst = os.path.join(archive, f"copy{k}", rel)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copyfile(src, dst)
                raw = open(src, "rb").read().decode("utf-8", "replace")
                title, _, body = raw.strip().partition("\n")
                out.write(json.dumps({"title": title.strip(), "byline": None, "body": body.strip(),
                                      "date": None, "path": os.path.join(f"copy{k}", rel)}) + "\n")
    open(stamp, "w").close()
    log(f"archive: {copies} x {len(files)} articles in {archive}")
    return archive, ndjson


def index_ratio(bin_new, bin_old, archive, work, repeat):
    """Both builds index the archive alternately into fresh directories."""
    runs = {"new": [], "old": []}
    for r in range(repeat):
        order = [("new", bin_new), ("old", bin_old)] if r % 2 == 0 else [("old", bin_old), ("new", bin_new)]
        for name, b in order:
            idx = os.path.join(work, f"index-{name}")
            shutil.rmtree(idx, ignore_errors=True)
            wall, cpu, rc, err = timed([b, "index", archive, "--index", idx])
            if rc != 0:
                sys.exit(f"{name} build failed to index: {err[-500:]}")
            runs[name].append((wall, cpu))
    med = lambda xs: statistics.median(xs)
    return {
        "new_cpu_s": med(c for _, c in runs["new"]), "old_cpu_s": med(c for _, c in runs["old"]),
        "new_wall_s": med(w for w, _ in runs["new"]), "old_wall_s": med(w for w, _ in runs["old"]),
        "cpu_ratio": med(n[1] / o[1] for n, o in zip(runs["new"], runs["old"])),
        "wall_ratio": med(n[0] / o[0] for n, o in zip(runs["new"], runs["old"])),
    }


def load_queries(limit):
    qs = []
    with open(os.path.join(HERE, "queries.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, q, frm, to = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            if not frm and not to:
                qs.append((kind, q))
    return qs[:limit] if limit else qs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/newsdex"))
    ap.add_argument("--base-bin", help="an older build to compare indexing time with")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--index-repeat", type=int, default=3)
    ap.add_argument("--queries", type=int, help="only the first N queries")
    ap.add_argument("--work", default="/tmp/newsdex-copies")
    ap.add_argument("--shared", default=os.environ.get("NEWSDEX_SHARED", os.path.join(ROOT, "..", "shared")))
    a = ap.parse_args()

    bbc = os.path.join(a.shared, "corpora", "bbc-news", "bbc")
    sqlite3 = shutil.which("sqlite3")
    if not os.path.isdir(bbc) or not sqlite3:
        log(f"SKIPPED: copies bench needs {bbc} and sqlite3 on PATH")
        return 0
    os.makedirs(a.work, exist_ok=True)
    archive, ndjson = build_archive(bbc, a.work, a.copies)
    idx = os.path.join(a.work, "index")
    db = os.path.join(a.work, "fts5.db")

    result = {"copies": a.copies, "repeat": a.repeat}
    if a.base_bin:
        result["indexing"] = index_ratio(a.bin, a.base_bin, archive, a.work, a.index_repeat)
    shutil.rmtree(idx, ignore_errors=True)
    wall, cpu, rc, err = timed([a.bin, "index", archive, "--index", idx])
    if rc != 0:
        sys.exit(f"newsdex index failed: {err[-500:]}")
    result.setdefault("indexing", {})["index_wall_s"] = wall
    if not os.path.exists(db):
        subprocess.run([sys.executable, os.path.join(HERE, "sqlite_load.py"), ndjson, db], check=True)

    def newsdex(q, *extra):
        return [a.bin, "search", q, "--index", idx, "--limit", "10", "--format", "json", *extra]

    def sqlite(q):
        match = q.replace("'", "''")
        sql = (f"SELECT title, date, path, snippet(articles, 2, '[', ']', '...', 32) FROM articles "
               f"WHERE articles MATCH '{match}' ORDER BY bm25(articles, 2.5, 1.0, 1.0) LIMIT 10;")
        return [sqlite3, "-readonly", db, sql]

    engines = {
        "collapse": lambda q: newsdex(q),
        "no-collapse": lambda q: newsdex(q, "--no-collapse"),
        "offset-1000": lambda q: newsdex(q, "--offset", "1000"),
        "sqlite": sqlite,
    }
    names = list(engines)
    queries = load_queries(a.queries)
    per = {e: [] for e in names}
    errors = {e: 0 for e in names}
    for qi, (_, q) in enumerate(queries):
        samples = {e: [] for e in names}
        for r in range(a.repeat + 1):
            order = names[qi % len(names):] + names[:qi % len(names)]
            for e in order:
                w, _, rc, err = timed(engines[e](q))
                if rc not in (0, 1):
                    errors[e] += 1
                    if errors[e] <= 3:
                        log(f"  {e} failed on {q!r}: rc {rc}: {err[-300:]!r}")
                if r > 0:
                    samples[e].append(w)
        for e in names:
            per[e].append(statistics.median(samples[e]))
        if (qi + 1) % 25 == 0:
            log(f"  queries {qi + 1}/{len(queries)}")

    result["queries"] = len(queries)
    result["latency_ms"] = {
        e: {"p50": nearest_rank(per[e], 50) * 1000, "p95": nearest_rank(per[e], 95) * 1000,
            "errors": errors[e]}
        for e in names
    }

    def ratio(x, y):
        return statistics.median(a_ / b_ for a_, b_ in zip(per[x], per[y]))

    result["ratios"] = {
        "collapse/no-collapse": ratio("collapse", "no-collapse"),
        "collapse/sqlite": ratio("collapse", "sqlite"),
        "offset-1000/collapse": ratio("offset-1000", "collapse"),
        "p50 collapse/no-collapse": result["latency_ms"]["collapse"]["p50"] / result["latency_ms"]["no-collapse"]["p50"],
        "p50 collapse/sqlite": result["latency_ms"]["collapse"]["p50"] / result["latency_ms"]["sqlite"]["p50"],
    }
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(result, f, indent=2)

    print(f"{a.copies} copies of BBC News ({a.copies * 2225:,} articles), {len(queries)} queries, "
          f"median of {a.repeat} whole-process runs each")
    print(f"{'':14} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for e in names:
        s = result["latency_ms"][e]
        print(f"{e:14} {s['p50']:8.1f} {s['p95']:8.1f} {s['errors']:7d}")
    for k, v in result["ratios"].items():
        print(f"{k:26} {v:.3f}")
    ix = result.get("indexing", {})
    if "cpu_ratio" in ix:
        print(f"indexing new/base: CPU {ix['cpu_ratio']:.3f} ({ix['new_cpu_s']:.2f} vs {ix['old_cpu_s']:.2f} s), "
              f"wall {ix['wall_ratio']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
