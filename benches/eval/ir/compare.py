"""`PYTHONPATH=benches/eval python3 -m ir.compare BEFORE AFTER`: per-topic comparison of two
kept runs of relevance.py (`--keep DIR`), for the tuning log.

For each collection present in both directories: MAP before and after, topics that gained,
lost or tied in AP, and a two-sided paired randomization test on the AP differences (Fisher;
sign flips, 10,000 trials, fixed seed): the share of random sign assignments whose mean
difference is at least as large as the one observed. With 83 TIME topics, a MAP change that
this test cannot tell from noise (p > 0.05) is not evidence for a change.
"""
import os
import random
import sys

from . import metrics


def randomization_p(diffs, trials=10000, seed=1):
    observed = abs(sum(diffs))
    rng = random.Random(seed)
    hits = 0
    for _ in range(trials):
        s = sum(d if rng.random() < 0.5 else -d for d in diffs)
        if abs(s) >= observed - 1e-12:
            hits += 1
    return (hits + 1) / (trials + 1)


def pvalue(p):
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


def compare(before, after, system="newsdex"):
    lines = []
    for c in ("time", "cran", "cisi", "med"):
        a_run = os.path.join(before, c, f"{system}.run")
        b_run = os.path.join(after, c, f"{system}.run")
        if not (os.path.isfile(a_run) and os.path.isfile(b_run)):
            continue
        qrels = metrics.read_qrels(os.path.join(after, c, "qrels"))
        ma, pa = metrics.evaluate(metrics.read_run(a_run)[0], qrels)
        mb, pb = metrics.evaluate(metrics.read_run(b_run)[0], qrels)
        diffs = [pb[q]["map"] - pa[q]["map"] for q in pa]
        up = sum(1 for d in diffs if d > 1e-9)
        down = sum(1 for d in diffs if d < -1e-9)
        lines.append(
            f"{c:<5} MAP {ma['map']:.4f} -> {mb['map']:.4f} ({mb['map'] - ma['map']:+.4f}); "
            f"topics up {up}, down {down}, same {len(diffs) - up - down}; "
            f"randomization p {pvalue(randomization_p(diffs))}"
        )
    return lines


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[0])
    print("\n".join(compare(sys.argv[1], sys.argv[2])))


if __name__ == "__main__":
    main()
