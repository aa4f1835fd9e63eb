#!/usr/bin/env python3
"""Ranking quality on classic IR test collections: newsdex against an SQLite FTS5 baseline.

For each collection (TIME 1963 news, the non-news Cranfield, CISI and MEDLINE as
secondary checks, and German news from 10k GNAD with 20 topics written for it) the documents are converted into a temporary directory (benches/eval/ir),
indexed with `newsdex index`, and every topic is run with `newsdex eval --docid stem --run`.
The same topics run against SQLite FTS5 (porter + unicode61, bm25, OR of the words). Both
runs are scored by one Python implementation of MAP, P@10, nDCG@10 and R@100
(ir/metrics.py), which must agree with what `newsdex eval` reports for its own run to 1e-6:
that cross-checks src/eval.rs.

Bars: TIME MAP >= 1.05 x FTS5's MAP (the aim is 1.1 x); on Cranfield, CISI and MEDLINE,
newsdex's MAP >= FTS5's; on GNAD, FTS5 runs with each of its tokenizers and the best
counts. Exit status: 0 all bars met (or every corpus missing: SKIPPED),
1 a bar failed or the measures disagree, 2 error.

With --gate (what .ci/run uses) the TIME bar is replaced by a regression floor, TIME MAP
>= 1.025 x FTS5 (what newsdex reaches now is 1.031 x; the 1.05 x bar is not met, and the
report still says so), and the GNAD bar by a floor of 0.99 x FTS5's best, while the other bars and the cross-check stay as they are.

Usage: benches/eval/relevance.py [--bin target/debug/newsdex] [--shared ../shared]
                                 [--collections time,cran,cisi,med] [--keep DIR] [--jobs 2]
                                 [--check-extraction] [--gate]
"""
import argparse
import concurrent.futures
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ left in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ir import CONVERTERS, ROOT, extraction, fts5, metrics  # noqa: E402
from ir.common import write_collection  # noqa: E402

NAMES = {"time": "TIME", "cran": "CRAN", "cisi": "CISI", "med": "MED", "gnad": "GNAD"}
CORPUS = {
    "time": ("time-1963", "TIME.ALL"),
    "cran": ("ir-classic-glasgow", "cran/cran.all.1400"),
    "cisi": ("ir-classic-glasgow", "cisi/CISI.ALL"),
    "med": ("ir-classic-glasgow", "med/MED.ALL"),
    "gnad": ("10kgnad-german", "test.csv"),
}
TIME_BAR, TIME_AIM = 1.05, 1.10
# The regression floor --gate holds TIME to: just under what the committed ranking reaches
# (1.031 x), so a change that loses ranking quality fails CI. Raise it when ranking improves.
TIME_FLOOR = 1.025
# GNAD (German): the bar is FTS5's MAP with its best tokenizer for German (trigram, which
# matches parts of compounds); newsdex reaches 1.013 x of it. Under --gate the bar is this
# regression floor, just under.
GNAD_FLOOR = 0.99
AGREE = 1e-6


def newsdex(binary, name, work, log):
    """Indexes and evaluates one converted collection; returns (eval JSON, run path)."""
    d = os.path.join(work, name)
    index, run = os.path.join(d, "index"), os.path.join(d, "newsdex.run")
    steps = [
        [binary, "index", "--quiet", "--index", index, os.path.join(d, "docs")],
        [binary, "eval", "--index", index, "--topics", os.path.join(d, "topics.tsv"),
         "--qrels", os.path.join(d, "qrels"), "--docid", "stem", "--run", run,
         "--format", "json"],
    ]
    out = None
    for argv in steps:
        started = time.monotonic()
        p = subprocess.run(argv, capture_output=True, text=True, check=False)
        log.append((name, " ".join(shlex.quote(a) for a in argv), time.monotonic() - started))
        notes = [l for l in p.stderr.splitlines() if l.strip()]
        # `index` exits 2 when it skips a file; the only skips expected are empty records
        # (Cranfield 471 and 995 have no text), which cannot be relevant to anything.
        skips_only = argv[1] == "index" and p.returncode == 2 and notes and all(
            "without title or text skipped" in l for l in notes)
        if p.returncode != 0 and not skips_only:
            raise RuntimeError(f"{name}: `{' '.join(argv[:2])}` exited {p.returncode}:\n{p.stderr}")
        if skips_only:
            log.append((name, f"  ({len(notes)} empty record(s) skipped by newsdex index)", None))
        out = p.stdout
    return json.loads(out), run


def check_extraction(binary, present, colls, work):
    print("Extraction check (newsdex extract on every converted file; informational):")
    for c in present:
        missing, diffs = extraction.check(binary, colls[c], os.path.join(work, c, "docs"))
        print(f"  {NAMES[c]}: {len(colls[c].docs) - len(missing)} of {len(colls[c].docs)} "
              f"documents extracted; {len(diffs)} with words changed"
              + (f"; not extracted: {', '.join(missing)}" if missing else ""))
        for docid, dropped, added in diffs:
            print(f"    {docid}: dropped {dropped!r}" + (f", added {added!r}" if added else ""))
    print()


def fmt(v):
    return f"{v:.4f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/debug/newsdex"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--collections", default="time,cran,cisi,med,gnad")
    ap.add_argument("--keep", metavar="DIR",
                    help="keep the converted collections, indexes and runs in DIR (outside the repo)")
    ap.add_argument("--jobs", type=int, default=2, help="collections indexed and evaluated at once")
    ap.add_argument("--gate", action="store_true",
                    help="CI: hold TIME to the regression floor instead of the 1.05 x bar")
    ap.add_argument("--check-extraction", action="store_true",
                    help="also check that newsdex extracts every converted document's words")
    args = ap.parse_args()

    wanted = [c.strip() for c in args.collections.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in CONVERTERS]
    if unknown:
        print(f"relevance.py: unknown collection(s) {unknown}; known: {sorted(CONVERTERS)}")
        return 2
    present = []
    for c in wanted:
        sub, probe = CORPUS[c]
        path = os.path.join(args.shared, "corpora", sub, probe)
        if os.path.isfile(path):
            present.append(c)
        else:
            print(f"SKIPPED: {NAMES[c]}: corpus not found ({path})")
    if not present:
        print("SKIPPED: no collection to evaluate; no bar checked")
        return 0
    if not os.access(args.bin, os.X_OK):
        print(f"relevance.py: no newsdex binary at {args.bin} (build it with `cargo build`)")
        return 2

    if args.keep:
        if os.path.abspath(args.keep).startswith(os.path.abspath(ROOT) + os.sep):
            print("relevance.py: --keep must be outside the repository (corpus text)")
            return 2
        work = args.keep
        os.makedirs(work, exist_ok=True)
    else:
        work = tempfile.mkdtemp(prefix="newsdex-relevance-")
    started = time.monotonic()
    try:
        colls = {}
        for c in present:
            colls[c] = CONVERTERS[c](args.shared)
            shutil.rmtree(os.path.join(work, c), ignore_errors=True)
            write_collection(colls[c], os.path.join(work, c))
        # newsdex runs in subprocesses (longest collections first) while FTS5 runs here.
        log, results = [], {}
        order = sorted(present, key=lambda c: -len(colls[c].docs) * len(colls[c].topics))
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            jobs = {c: pool.submit(newsdex, args.bin, c, work, log) for c in order}
            base = {}
            for c in present:
                t = time.monotonic()
                ranking = fts5.run(colls[c])
                if c == "gnad":
                    # German: FTS5 with whichever of its tokenizers ranks best.
                    best = -1.0
                    for tok in fts5.TOKENIZERS:
                        r = fts5.run(colls[c], tokenize=tok)
                        m, _ = metrics.evaluate({q: [d for d, _ in e] for q, e in r.items()}, colls[c].qrels)
                        log.append((c, f"  FTS5 tokenize='{tok}': MAP {m['map']:.4f}", None))
                        if m["map"] > best:
                            best, ranking = m["map"], r
                metrics.write_run(os.path.join(work, c, "fts5.run"), ranking, "fts5")
                base[c] = ({q: [d for d, _ in e] for q, e in ranking.items()}, time.monotonic() - t)
            for c in present:
                results[c] = jobs[c].result()
        if args.check_extraction:
            check_extraction(args.bin, present, colls, work)
        return report(present, colls, results, base, log, work, started, args.gate)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(present, colls, results, base, log, work, started, gate=False):
    ok = True
    rows, checks, bars = [], [], []
    for c in present:
        qrels = colls[c].qrels
        reported, run_path = results[c]
        ranked, scores = metrics.read_run(run_path)
        nd, _ = metrics.evaluate(ranked, qrels)
        fb, _ = metrics.evaluate(base[c][0], qrels)
        worst = max(abs(nd[m] - reported[m]) for m in metrics.MEASURES)
        agree = worst <= AGREE and nd["topics"] == len(reported["topics"]) - len(reported["unjudged"])
        te, _ = metrics.evaluate(metrics.trec_eval_order(ranked, scores), qrels)
        checks.append(f"  {'ok  ' if agree else 'FAIL'} {NAMES[c]}: newsdex eval and ir/metrics.py "
                      f"agree on newsdex's run (largest difference {worst:.1e}, bar {AGREE:.0e}; "
                      f"{nd['topics']} topics averaged). {metrics.runs_tied(scores)} adjacent "
                      f"ties in the printed scores; in trec_eval's order MAP would be {fmt(te['map'])}")
        ok &= agree
        ratio = nd["map"] / fb["map"] if fb["map"] else float("inf")
        rows.append((NAMES[c], "FTS5", fb, ""))
        rows.append((NAMES[c], "newsdex", nd, f"{ratio:.3f}"))
        if c == "time":
            good = ratio >= TIME_BAR
            bars.append(f"  {'ok  ' if good else 'FAIL'} TIME MAP {fmt(nd['map'])} = {ratio:.3f} x FTS5 "
                        f"{fmt(fb['map'])} (bar >= {TIME_BAR:.2f} x = {fmt(TIME_BAR * fb['map'])}; "
                        f"aim {TIME_AIM:.2f} x = {fmt(TIME_AIM * fb['map'])})")
            if gate:
                good = ratio >= TIME_FLOOR
                bars.append(f"  {'ok  ' if good else 'FAIL'} TIME regression floor (--gate): "
                            f"{ratio:.3f} x >= {TIME_FLOOR:.3f} x FTS5 = {fmt(TIME_FLOOR * fb['map'])}")
        else:
            good = nd["map"] >= fb["map"]
            bars.append(f"  {'ok  ' if good else 'FAIL'} {NAMES[c]} MAP {fmt(nd['map'])} >= FTS5 "
                        f"{fmt(fb['map'])} ({ratio:.3f} x)")
            if c == "gnad" and gate:
                good = ratio >= GNAD_FLOOR
                bars.append(f"  {'ok  ' if good else 'FAIL'} GNAD regression floor (--gate): "
                            f"{ratio:.3f} x >= {GNAD_FLOOR:.3f} x FTS5 = {fmt(GNAD_FLOOR * fb['map'])}")
        ok &= good

    print("Ranking quality: newsdex vs SQLite FTS5 (porter unicode61, bm25, OR of the topic's "
          "words, top 1000)")
    print(f"{'collection':<10} {'system':<8} {'MAP':>7} {'P@10':>7} {'nDCG@10':>8} {'R@100':>7} "
          f"{'topics':>6} {'MAP newsdex/FTS5':>17}")
    for name, system, m, ratio in rows:
        print(f"{name:<10} {system:<8} {fmt(m['map']):>7} {fmt(m['p_10']):>7} {fmt(m['ndcg_10']):>8} "
              f"{fmt(m['recall_100']):>7} {m['topics']:>6} {ratio:>17}")
    print("\nCross-check of src/eval.rs:")
    print("\n".join(checks))
    print("\nBars:")
    print("\n".join(bars))
    print("\nCommands (work directory " + work + "):")
    for c in present:
        print(f"  {NAMES[c]}: converted by benches/eval/ir ({'; '.join(colls[c].notes)})")
        for name, cmd, secs in log:
            if name == c:
                print(f"    {cmd}" + (f"   # {secs:.1f} s" if secs is not None else ""))
        print(f"    FTS5 in Python sqlite3 {fts5_version()}   # {base[c][1]:.1f} s")
    cpu = sum(getattr(resource.getrusage(who), f)
              for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    print(f"\nTotal {time.monotonic() - started:.1f} s wall, {cpu:.1f} s CPU. Regenerate: "
          f"benches/eval/relevance.py --collections {','.join(present)}")
    return 0 if ok else 1


def fts5_version():
    import sqlite3
    return f"(SQLite {sqlite3.sqlite_version})"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, RuntimeError, UnicodeDecodeError) as e:
        print(f"relevance.py: {e}")
        sys.exit(2)
