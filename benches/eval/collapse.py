#!/usr/bin/env python3
"""Syndicated-copy collapse: precision and recall of newsdex's near-duplicate decision on
labelled pairs built from the BBC News corpus.

Labelled set (deterministic, seed 7):
- copies: the byte-identical pairs of the corpus (98), real near-identical pairs (TF-IDF
  cosine >= 0.9 between different files of one category), and 300 edited copies of real
  articles (one sentence dropped, two words changed, a wire dateline and a credit line
  added: what a syndicated reprint looks like);
- different stories: for 300 articles, the most similar *other* story of the same category
  (TF-IDF cosine < 0.9: same topic, different story).
newsdex decides "copy" when the fingerprints printed by `newsdex extract` differ in at most
NEAR_BITS bits (`near_bits` in schema/tuning.json, the value search uses).

Bars: precision >= 0.95 and recall >= 0.95.
Usage: benches/eval/collapse.py [--bin target/debug/newsdex] [--shared ../shared]
"""
import argparse, collections, json, math, os, random, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def extract(binary, paths):
    out = {}
    for i in range(0, len(paths), 400):
        r = subprocess.run([binary, "extract", "--format", "jsonl", *paths[i:i + 400]], capture_output=True)
        for line in r.stdout.decode().splitlines():
            a = json.loads(line)
            out[a["path"]] = a
    return out


def near_bits():
    """(bits of the low half, bits of all 128) within which fingerprints are copies."""
    with open(os.path.join(ROOT, "schema", "tuning.json"), encoding="utf-8") as f:
        t = json.load(f)
    return int(t["near_bits"]["value"]), int(t["near_total_bits"]["value"])


LOW = (1 << 64) - 1


def distances(a, b):
    """Bits in which two 128-bit fingerprints differ: (low half, all)."""
    x = a ^ b
    return bin(x & LOW).count("1"), bin(x).count("1")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/debug/newsdex"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    base = os.path.join(args.shared, "corpora", "bbc-news", "bbc")
    if not os.path.isdir(base):
        print(f"SKIPPED: BBC corpus not found at {base}")
        return 0
    rng = random.Random(7)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(base) for f in fs if f.endswith(".txt") and f != "README.TXT")
    arts = extract(args.bin, files)
    fp = {p: int(a["fingerprint"], 16) for p, a in arts.items()}
    raw = {p: open(p, "rb").read() for p in files}
    groups = collections.defaultdict(list)
    for p, b in raw.items():
        groups[b].append(p)
    exact = [tuple(v[:2]) for v in groups.values() if len(v) > 1]
    in_exact = {p for pair in exact for p in pair}

    tmp = tempfile.mkdtemp(prefix="newsdex-collapse-")
    edited = []
    for i, p in enumerate(rng.sample([p for p in files if p not in in_exact], 300)):
        a = arts[p]
        sents = re.split(r"(?<=[.!?])\s+", " ".join(a["body"].split("\n\n")))
        if len(sents) < 6:
            continue
        del sents[rng.randrange(1, len(sents))]
        for _ in range(2):
            j = rng.randrange(len(sents))
            w = sents[j].split()
            if len(w) > 4:
                w[rng.randrange(len(w))] = "reportedly"
                sents[j] = " ".join(w)
        q = os.path.join(tmp, f"copy{i}.txt")
        with open(q, "w", encoding="utf-8") as f:
            f.write((a["title"] or "Untitled") + "\n\nLONDON (Wire) - " + " ".join(sents) + "\n\n(Reporting by Staff)\n")
        edited.append((p, q))
    for q, a in extract(args.bin, [q for _, q in edited]).items():
        fp[q] = int(a["fingerprint"], 16)

    words = lambda t: [w for w in re.findall(r"\w+", t.lower()) if len(w) > 2]
    df = collections.Counter()
    tf = {}
    for p, a in arts.items():
        tf[p] = collections.Counter(words(a["body"]))
        df.update(tf[p].keys())
    n = len(arts)

    def unit(c):
        v = {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    vec = {p: unit(c) for p, c in tf.items()}
    cos = lambda a, b: sum(vec[a].get(w, 0.0) * x for w, x in vec[b].items())
    near_real, different = [], []
    for p in rng.sample(sorted(arts), 300):
        cat = p.split(os.sep)[-2]
        c, q = max((cos(p, q), q) for q in arts if q != p and q.split(os.sep)[-2] == cat and raw[q] != raw[p])
        (near_real if c >= 0.9 else different).append((p, q))

    copies = exact + near_real + [(p, q) for p, q in edited if q in fp]
    low_bits, total_bits = near_bits()
    dist = lambda a, b: distances(fp[a], fp[b])
    near = lambda a, b: fp[a] != 0 and fp[b] != 0 and dist(a, b)[0] <= low_bits and dist(a, b)[1] <= total_bits
    tp = sum(near(a, b) for a, b in copies)
    fpos = sum(near(a, b) for a, b in different)
    recall = tp / len(copies)
    precision = tp / (tp + fpos) if tp + fpos else 1.0
    print(f"Collapse on labelled BBC pairs; command: newsdex extract --format jsonl (fingerprints); "
          f"copies within {low_bits} bits of the low half and {total_bits} of all 128")
    print(f"  pairs: {len(exact)} byte-identical + {len(near_real)} near-identical real + {len(edited)} edited copies = {len(copies)} copies; {len(different)} different stories on one topic")
    hist = collections.Counter(min(dist(a, b)[1], 40) for a, b in copies)
    print("  copy distances, all 128 bits (bits: pairs): " + ", ".join(f"{k}:{v}" for k, v in sorted(hist.items())))
    print(f"  closest different stories: {sorted(dist(a, b)[1] for a, b in different)[:5]} bits of 128, "
          f"{sorted(dist(a, b)[0] for a, b in different)[:5]} of the low half")
    ok = True
    for name, value in [("precision", precision), ("recall", recall)]:
        good = value >= 0.95
        ok &= good
        print(f"  {'ok  ' if good else 'FAIL'} {name}: {value:.3f} (bar 0.95)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
