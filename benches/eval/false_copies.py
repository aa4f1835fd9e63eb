#!/usr/bin/env python3
"""False copies at scale: how many pairs of *unrelated* articles the copy rule joins, on
every pair of Reuters-21578's articles (about 2e8 pairs).

Labelled pairs (benches/eval/collapse.py) say whether copies are found; they cannot say
how often two unrelated articles fall within the threshold by chance, which grows with
the square of the archive. Here every pair of the 19,771 Reuters articles with a body is
compared, and a pair joined by the rule counts as unrelated when its bodies share less
than 30% of their word 3-shingles (Jaccard). Reuters is a hard case: thousands of short,
templated notices ("Qtly div 10 cts vs 10 cts prior, pay April 1").

Two rules are reported side by side: the 64-bit rule (the low half alone within 12 bits,
what newsdex used before its fingerprints had a second half) and newsdex's rule from
schema/tuning.json (low half within near_bits, all 128 within near_total_bits); and, for
each, the expected number of pairs of random fingerprints joined among 100,000 and
1,000,000 articles.

    python3 benches/eval/false_copies.py [--bin target/release/newsdex] [--shared ../shared]

Needs numpy (pairwise popcounts; `python3 -m pip install numpy`) and the Reuters corpus; without either it says so and
exits 0. Writes nothing. Exit 1 when newsdex's rule joins more unrelated Reuters pairs
than --max-unrelated (default 20).
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
from math import comb

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def shingles(text):
    w = [x.lower() for x in re.findall(r"[^\W_]+", text)]
    return {tuple(w[i:i + 3]) for i in range(max(1, len(w) - 2))}


def random_pairs(n, low, total):
    """Expected pairs of independent random 128-bit fingerprints joined among n."""
    if total is None:
        p = sum(comb(64, k) for k in range(low + 1)) / 2**64
    else:
        p = sum(comb(64, a) * comb(64, b) for a in range(low + 1) for b in range(65) if a + b <= total) / 2**128
    return n * (n - 1) / 2 * p


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/newsdex"))
    ap.add_argument("--shared", default=os.environ.get("NEWSDEX_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--max-unrelated", type=int, default=20)
    a = ap.parse_args()
    try:
        import numpy as np
    except ImportError:
        print("SKIPPED: false_copies.py needs numpy (pip install numpy)")
        return 0
    files = sorted(glob.glob(os.path.join(a.shared, "corpora", "reuters21578", "*.sgm")))
    if not files:
        print(f"SKIPPED: Reuters-21578 not found under {a.shared}/corpora")
        return 0
    with open(os.path.join(ROOT, "schema", "tuning.json"), encoding="utf-8") as f:
        t = json.load(f)
    low_bits, total_bits = t["near_bits"]["value"], t["near_total_bits"]["value"]

    bodies, lo, hi = [], [], []
    for path in files:
        r = subprocess.run([a.bin, "extract", "--format", "jsonl", path], capture_output=True)
        if r.returncode not in (0, 1):
            sys.exit(f"newsdex extract failed on {path}: {r.stderr.decode()[-300:]}")
        for line in r.stdout.decode().splitlines():
            art = json.loads(line)
            fp = int(art["fingerprint"], 16)
            if fp:
                bodies.append(art["body"])
                lo.append(fp & ((1 << 64) - 1))
                hi.append(fp >> 64)
    lo = np.array(lo, dtype=np.uint64)
    hi = np.array(hi, dtype=np.uint64)
    n = len(bodies)
    # Popcount of uint64 arrays by 16-bit table lookups (numpy 1.x has no bitwise_count).
    table = np.array([bin(v).count("1") for v in range(1 << 16)], dtype=np.uint8)

    def popcount(x):
        out = table[x & np.uint64(0xFFFF)].astype(np.uint32)
        for shift in (16, 32, 48):
            out += table[(x >> np.uint64(shift)) & np.uint64(0xFFFF)]
        return out

    rules = {"64-bit, 12 bits": (12, None), f"newsdex, {low_bits}/{total_bits} bits": (low_bits, total_bits)}
    joined = {k: 0 for k in rules}
    unrelated = {k: 0 for k in rules}
    widest = max(low for low, _ in rules.values())
    cache = {}

    def sh(i):
        if i not in cache:
            cache[i] = shingles(bodies[i])
        return cache[i]

    for i in range(n - 1):
        d_lo = popcount(lo[i + 1:] ^ lo[i])
        cand = np.nonzero(d_lo <= widest)[0]
        if not len(cand):
            continue
        d_hi = popcount(hi[i + 1 + cand] ^ hi[i])
        for j, dl, dh in zip(cand.tolist(), d_lo[cand].tolist(), d_hi.tolist()):
            k = i + 1 + j
            hits = [name for name, (low, total) in rules.items()
                    if dl <= low and (total is None or dl + dh <= total)]
            if not hits:
                continue
            x, y = sh(i), sh(k)
            far = len(x & y) / max(1, len(x | y)) < 0.3
            for name in hits:
                joined[name] += 1
                unrelated[name] += far

    print(f"False copies on Reuters-21578: {n:,} articles, {n * (n - 1) // 2:,} pairs; "
          f"command: newsdex extract --format jsonl (fingerprints)")
    print(f"  {'rule':24} {'joined':>7} {'unrelated':>9} {'random @100k':>13} {'random @1M':>11}")
    for name, (low, total) in rules.items():
        print(f"  {name:24} {joined[name]:7d} {unrelated[name]:9d} "
              f"{random_pairs(100_000, low, total):13.2f} {random_pairs(1_000_000, low, total):11.1f}")
    mine = f"newsdex, {low_bits}/{total_bits} bits"
    ok = unrelated[mine] <= a.max_unrelated
    print(f"  {'ok  ' if ok else 'FAIL'} unrelated pairs joined by newsdex's rule: {unrelated[mine]} (bar {a.max_unrelated})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
