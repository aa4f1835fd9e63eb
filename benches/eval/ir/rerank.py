"""`PYTHONPATH=benches/eval python3 -m ir.rerank [--quick]`: second-stage ideas on top of
the best bag-of-words models of `ir.modelsim` (In_expB2 c 0.7, and BM25 k1 1.2 b 0.75
times burstiness (cf + 1) / df), tuned on TIME, replayed on CRAN, CISI and MED.

Exploration only, like `modelsim`, over the same Python copy of newsdex's analyzer, with
tantivy's quantised document lengths (fieldnorm buckets) throughout. Families:

1. temporal feedback: a date profile of the first pass's top k documents (a Gaussian
   kernel density over days, bandwidth h, weights = normalised scores, 1/rank or uniform;
   or an "issue" kernel: 1 for the same issue date, g for an issue at most 7 days away),
   then score * (1 + lam * density / max density). After Li & Croft (2003, time-based
   language models), Jones & Diaz (2007, temporal profiles of queries) and Efron &
   Golovchinsky (2011, temporal feedback/recency estimation). CRAN, CISI and MED have no
   dates: there it is a no-op by construction.
2. stemmers: Snowball English (newsdex's), Porter (FTS5's), Lovins (the `stemming`
   package), an S-stemmer (Harman 1991: plurals only), none; and "stemmed + beta x
   unstemmed" (two fields, the exact form earning a bonus).
3. fusion of the two base models: CombSUM of min-max normalised scores (weight alpha on
   In_expB2) and reciprocal rank fusion (k 60).
4. neighbour smoothing (score regularisation, Diaz 2005; cluster-based smoothing, Kurland
   & Lee 2004): among the top 100, score'(d) = (1 - mu) score(d) + mu x mean score of
   d's m most cosine-similar documents (log-tf x idf vectors); the rest keep their order
   below.

For every family: the best setting on TIME, the settings one grid step from it (a spike
or a plateau?), how much of its gain the two best topics carry, and paired randomization
tests against FTS5's real run and the base model. Single process, about 7 minutes;
`--stack` (about 8 minutes) replays the declared stacks (`STACKS`) on all four collections
and prints the neighbour-smoothing surface on TIME.

What it found (quantised lengths; FTS5 TIME 0.6964, bar 0.7313): every family moves TIME by
+0.002..+0.009 over In_expB2 (0.7216) or BM25xBurst (0.7199), within noise (p >= 0.05
against the base, most of the gain in two topics). TIME's relevant documents for one topic
span a median of 122 days (7 of 60 multi-document topics within a week), so temporal
feedback has little to find. Porter, Lovins, the S-stemmer and no stemming are all below
Snowball. Neighbour smoothing is noisy on TIME but the one idea that transfers: +0.01..+0.02
on CRAN, CISI and MED with p < 0.001. Stacks do not add up on TIME (exact + issue + smooth
is below its parts).
"""
import argparse
import collections
import datetime
import math
import os

from . import CONVERTERS, ROOT
from .compare import pvalue
from .modelsim import (BM25Burst, InExpB2, Runner, fts5_per_topic, paired, query_weights,
                       ranked, score, snowballstemmer)

BASES = collections.OrderedDict([("In_expB2", InExpB2(c=0.7)), ("BM25xBurst", BM25Burst())])


# ---------------------------------------------------------------------------------------
# Stemmers.

def s_stemmer(w):
    """Harman's S-stemmer (1991): -ies -> -y, -es -> -e, -s -> '' with her exceptions."""
    if w.endswith("ies") and not w.endswith(("eies", "aies")):
        return w[:-3] + "y"
    if w.endswith("es") and not w.endswith(("aes", "ees", "oes")):
        return w[:-1]
    if w.endswith("s") and not w.endswith(("us", "ss")):
        return w[:-1]
    return w


def stemmers():
    out = collections.OrderedDict()
    out["snowball"] = None  # modelsim's default
    out["porter"] = snowballstemmer.stemmer("porter").stemWord
    try:
        from stemming import lovins  # the `stemming` package (pip)

        def lovins_stem(w):
            try:
                return lovins.stem(w)
            except IndexError:  # the package fails on some short words: keep them
                return w
        out["lovins"] = lovins_stem
    except ImportError:
        pass
    out["s-stemmer"] = s_stemmer
    out["none"] = lambda w: w
    return out


# ---------------------------------------------------------------------------------------
# First pass and evaluation.

class Coll:
    """One collection, one stemmer: the runner, issue days and first-pass scores."""

    def __init__(self, name, shared, stem=None, coll=None):
        self.r = Runner(name, shared, quantise=True, stem=stem, coll=coll)
        self.coll = self.r.coll
        self.day = [datetime.date.fromisoformat(d.date).toordinal() if d.date else None
                    for d in self.coll.docs]
        self.dated = all(x is not None for x in self.day)
        self._first = {}
        self._vec = None

    def first(self, label):
        if label not in self._first:
            model = BASES[label]
            ix, stop = self.r.ix, self.r.stops["or"]
            self._first[label] = {q: score(ix, query_weights(ix, ix.query(text, stop)), model)
                                  for q, text in self.r.topics}
        return self._first[label]

    def evaluate(self, scores):
        return self.r.evaluate({q: ranked(s) for q, s in scores.items()})

    def vectors(self):
        """Unit log-tf x ln(N/df) vectors of every document (for neighbour smoothing)."""
        if self._vec is None:
            ix = self.r.ix
            vec = [dict() for _ in range(ix.n)]
            for t, docs in ix.post.items():
                idf = math.log(ix.n / ix.df[t])
                if idf <= 0:
                    continue
                for d, tf in docs.items():
                    vec[d][t] = (1 + math.log(tf)) * idf
            for v in vec:
                z = math.sqrt(sum(x * x for x in v.values())) or 1.0
                for t in v:
                    v[t] /= z
            self._vec = vec
        return self._vec


# ---------------------------------------------------------------------------------------
# 1. Temporal feedback.

def temporal(c, first, k=10, h=14.0, lam=0.2, weight="score", kernel="gauss", g=0.5):
    if not c.dated:
        return first  # no dates: a no-op
    out = {}
    days = sorted(set(c.day))
    for q, s in first.items():
        top = ranked(s, k)
        if not top:
            out[q] = s
            continue
        if weight == "score":
            w = [max(v, 0.0) for _, v in top]
        elif weight == "rank":
            w = [1.0 / (i + 1) for i in range(len(top))]
        else:
            w = [1.0] * len(top)
        z = sum(w) or 1.0
        prof = [(c.day[d], wi / z) for (d, _), wi in zip(top, w)]
        dens = {}
        for t in days:
            if kernel == "gauss":
                dens[t] = sum(wi * math.exp(-0.5 * ((t - ti) / h) ** 2) for ti, wi in prof)
            else:  # issue: same issue 1, an issue at most 7 days away g
                dens[t] = sum(wi * (1.0 if t == ti else g if abs(t - ti) <= 7 else 0.0)
                              for ti, wi in prof)
        mx = max(dens.values()) or 1.0
        out[q] = {d: v * (1 + lam * dens[c.day[d]] / mx) for d, v in s.items()}
    return out


# ---------------------------------------------------------------------------------------
# 3. Fusion.

def minmax(s):
    if not s:
        return s
    lo, hi = min(s.values()), max(s.values())
    span = (hi - lo) or 1.0
    return {d: (v - lo) / span for d, v in s.items()}


def combsum(a, b, alpha=0.5):
    out = {}
    for q in a:
        na, nb = minmax(a[q]), minmax(b[q])
        out[q] = {d: alpha * na.get(d, 0.0) + (1 - alpha) * nb.get(d, 0.0)
                  for d in set(na) | set(nb)}
    return out


def rrf(a, b, k=60):
    out = {}
    for q in a:
        s = collections.defaultdict(float)
        for run in (a[q], b[q]):
            for i, (d, _) in enumerate(ranked(run)):
                s[d] += 1.0 / (k + i + 1)
        out[q] = dict(s)
    return out


# ---------------------------------------------------------------------------------------
# 4. Neighbour smoothing.

def neighbour_sims(c, first, depth=100):
    """{q: (top docs, {d: [(sim, e) sorted desc]})}: the cosine neighbours of each of the
    top `depth` documents among them. Independent of m and mu, so computed once."""
    vec = c.vectors()
    out = {}
    for q, s in first.items():
        top = [d for d, _ in ranked(s, depth)]
        nb = {d: [] for d in top}
        for i, d in enumerate(top):
            vd = vec[d]
            for e in top[i + 1:]:
                ve = vec[e]
                if len(ve) < len(vd):
                    sim = sum(x * vd.get(t, 0.0) for t, x in ve.items())
                else:
                    sim = sum(x * ve.get(t, 0.0) for t, x in vd.items())
                nb[d].append((sim, e))
                nb[e].append((sim, d))
        for d in top:
            nb[d].sort(key=lambda x: (-x[0], x[1]))
        out[q] = (top, nb)
    return out


def smooth(first, sims, m=5, mu=0.3, weighted=False):
    out = {}
    for q, s in first.items():
        top, nb = sims[q]
        new = {}
        for d in top:
            near = nb[d][:m]
            if not near:
                new[d] = s[d]
                continue
            if weighted:
                z = sum(x for x, _ in near) or 1.0
                mean = sum(x * s[e] for x, e in near) / z
            else:
                mean = sum(s[e] for _, e in near) / len(near)
            new[d] = (1 - mu) * s[d] + mu * mean
        floor = min(new.values()) if new else 0.0
        hi = max(s.values()) if s else 0.0
        for d, v in s.items():
            if d not in new:  # below the reranked top, in their first-pass order
                new[d] = floor - 1 - (hi - v)
        out[q] = new
    return out


# ---------------------------------------------------------------------------------------
# 2b. Stemmed + exact bonus.

def two_fields(stemmed, exact, beta):
    return {q: {d: v + beta * exact[q].get(d, 0.0) for d, v in set_union(stemmed[q], exact[q])}
            for q in stemmed}


def set_union(a, b):
    for d in set(a) | set(b):
        yield d, a.get(d, 0.0)


# ---------------------------------------------------------------------------------------
# Reporting.

def surface(rows, axes):
    """rows: [(params dict, MAP)]. The best, and the MAP of every setting one grid step
    away from it along one axis (the others equal)."""
    best = max(rows, key=lambda x: x[1])
    idx = {tuple(p[a] for a in axes): v for p, v in rows}
    near = []
    for i, a in enumerate(axes):
        vals = sorted({p[a] for p, _ in rows}, key=lambda x: (str(type(x)), x))
        key = [best[0][x] for x in axes]
        j = vals.index(key[i])
        for jj in (j - 1, j + 1):
            if 0 <= jj < len(vals):
                k2 = list(key)
                k2[i] = vals[jj]
                if tuple(k2) in idx:
                    near.append(idx[tuple(k2)])
    return best, near


def concentration(base, new):
    """Total MAP gain, and the gain left without the two topics that gained most."""
    diffs = sorted((new[q] - base[q] for q in base), reverse=True)
    n = len(diffs)
    return sum(diffs) / n, sum(diffs[2:]) / n


def fmt_params(p):
    return ", ".join(f"{k}={v}" for k, v in p.items())


def report_family(log, title, rows, axes, base_map, base_per, fts_per, per_of):
    best, near = surface(rows, axes)
    vals = [v for _, v in rows]
    above = sum(1 for v in vals if v > base_map + 1e-9)
    print(f"  {title}: best {best[1]:.4f} ({fmt_params(best[0])}); base {base_map:.4f}; "
          f"{above}/{len(vals)} settings above base; range {min(vals):.4f}..{max(vals):.4f}",
          file=log, flush=True)
    if near:
        print(f"    one step from best: min {min(near):.4f} mean {sum(near) / len(near):.4f} "
              f"max {max(near):.4f} ({len(near)} settings)", file=log, flush=True)
    per = per_of(best[0])
    gain, rest = concentration(base_per, per)
    up, down, p = paired(base_per, per)
    fu, fd, fp = paired(fts_per, per)
    print(f"    vs base {up}/{down} p {pvalue(p)}; vs FTS5 {fu}/{fd} p {pvalue(fp)}; "
          f"gain {gain:+.4f}, without its 2 best topics {rest:+.4f}", file=log, flush=True)
    return best


# Stacks, declared from the single-family results above (plateau settings where there was
# one): exact-form bonus at the first pass, then issue-level temporal feedback, then
# neighbour smoothing of the top 100.
STACKS = collections.OrderedDict([
    ("In_expB2", [
        ("+exact", dict(beta=0.1), None, None),
        ("+exact+issue", dict(beta=0.1), dict(k=20, g=0.5, lam=0.1, kernel="issue"), None),
        ("+exact+smooth", dict(beta=0.1), None, dict(m=5, mu=0.2)),
        ("+exact+smooth(m10)", dict(beta=0.1), None, dict(m=10, mu=0.2)),
        ("+issue+smooth", None, dict(k=20, g=0.5, lam=0.1, kernel="issue"), dict(m=5, mu=0.2)),
        ("+exact+issue+smooth", dict(beta=0.1), dict(k=20, g=0.5, lam=0.1, kernel="issue"),
         dict(m=5, mu=0.2)),
    ]),
    ("BM25xBurst", [
        ("+exact", dict(beta=0.3), None, None),
        ("+exact+issue", dict(beta=0.3), dict(k=20, g=0.5, lam=0.1, kernel="issue"), None),
        ("+exact+smooth", dict(beta=0.3), None, dict(m=5, mu=0.2)),
        ("+exact+smooth(m1,0.1)", dict(beta=0.3), None, dict(m=1, mu=0.1)),
        ("+issue+smooth", None, dict(k=20, g=0.5, lam=0.1, kernel="issue"), dict(m=5, mu=0.2)),
        ("+exact+issue+smooth", dict(beta=0.3), dict(k=20, g=0.5, lam=0.1, kernel="issue"),
         dict(m=5, mu=0.2)),
    ]),
])


def stack_run(c, raw, lab, exact, temp, sm):
    run = c.first(lab)
    if exact:
        run = two_fields(run, raw.first(lab), **exact)
    if temp:
        run = temporal(c, run, **temp)
    if sm:
        run = smooth(run, neighbour_sims(c, run), **sm)
    return run


def stacks(shared, log):
    stems = stemmers()
    for name in ("time", "cran", "cisi", "med"):
        coll = CONVERTERS[name](shared)
        c = Coll(name, shared, coll=coll)
        raw = Coll(name, shared, stem=stems["none"], coll=coll)
        fv, fper = fts5_per_topic(coll)
        print(f"{name}: FTS5 {fv:.4f}", file=log, flush=True)
        for lab, specs in STACKS.items():
            bv, bper = c.evaluate(c.first(lab))
            print(f"  {lab:<32} {bv:.4f}", file=log, flush=True)
            for tag, exact, temp, sm in specs:
                v, per = c.evaluate(stack_run(c, raw, lab, exact, temp, sm))
                up, down, p = paired(bper, per)
                fu, fd, fp = paired(fper, per)
                gain, rest = concentration(bper, per)
                print(f"  {lab + tag:<32} {v:.4f}  vs FTS5 {fu}/{fd} p {pvalue(fp)}; vs {lab} "
                      f"{up}/{down} p {pvalue(p)}; gain without 2 best topics {rest:+.4f}",
                      file=log, flush=True)
        if name == "time":  # the smoothing surface, finer, on the exact-bonus first pass
            for lab, beta in (("In_expB2", 0.1), ("BM25xBurst", 0.3)):
                run = two_fields(c.first(lab), raw.first(lab), beta)
                for depth in (30, 50, 100):
                    sims = neighbour_sims(c, run, depth)
                    for m in (2, 3, 4, 5, 7, 10, 15):
                        vals = [c.evaluate(smooth(run, sims, m=m, mu=mu))[0]
                                for mu in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)]
                        print(f"    surface {lab}+exact depth {depth:>3} m {m:>2} mu .1..4: "
                              + " ".join(f"{x:.4f}" for x in vals), file=log, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--all", action="store_true", help="print every setting")
    ap.add_argument("--quick", action="store_true", help="smaller grids")
    ap.add_argument("--stack", action="store_true", help="only the declared stacks")
    args = ap.parse_args()
    import sys
    log = sys.stdout
    if args.stack:
        stacks(args.shared, log)
        return

    def every(title, rows):
        if args.all:
            for p, v in sorted(rows, key=lambda x: -x[1]):
                print(f"      {title:<12} {fmt_params(p):<60} {v:.4f}", file=log)

    colls = {n: CONVERTERS[n](args.shared) for n in ("time", "cran", "cisi", "med")}
    time = Coll("time", args.shared, coll=colls["time"])
    fts = {n: fts5_per_topic(colls[n]) for n in colls}
    base = {lab: time.evaluate(time.first(lab)) for lab in BASES}
    print(f"time (quantised lengths): FTS5 {fts['time'][0]:.4f}; "
          + "; ".join(f"{lab} {v:.4f}" for lab, (v, _) in base.items()), file=log, flush=True)
    chosen = {}  # (family, base) -> params

    # 1. Temporal feedback.
    ks = (5, 10, 20) if args.quick else (3, 5, 10, 15, 20)
    hs = (7.0, 14.0, 30.0) if args.quick else (3.5, 7.0, 14.0, 30.0, 60.0)
    lams = (0.1, 0.2, 0.4) if args.quick else (0.05, 0.1, 0.2, 0.3, 0.5, 0.8)
    for lab in BASES:
        first = time.first(lab)
        for weight in ("score", "rank", "uniform"):
            rows = []
            for k in ks:
                for h in hs:
                    for lam in lams:
                        p = dict(k=k, h=h, lam=lam, weight=weight)
                        rows.append((p, time.evaluate(temporal(time, first, **p))[0]))
            every("temporal", rows)
            b = report_family(log, f"temporal gauss {weight} on {lab}", rows, ("k", "h", "lam"),
                              base[lab][0], base[lab][1], fts["time"][1],
                              lambda p: time.evaluate(temporal(time, first, **p))[1])
            if weight == "score":
                chosen[("temporal", lab)] = b[0]
        rows = []
        for k in ks:
            for g in (0.0, 0.5, 1.0):
                for lam in lams:
                    p = dict(k=k, g=g, lam=lam, kernel="issue")
                    rows.append((p, time.evaluate(temporal(time, first, **p))[0]))
        every("issue", rows)
        b = report_family(log, f"temporal issue (score weights) on {lab}", rows, ("k", "g", "lam"),
                          base[lab][0], base[lab][1], fts["time"][1],
                          lambda p: time.evaluate(temporal(time, first, **p))[1])
        chosen[("issue", lab)] = b[0]

    # 3. Fusion.
    a, bb = time.first("In_expB2"), time.first("BM25xBurst")
    rows = [(dict(alpha=al), time.evaluate(combsum(a, bb, al))[0])
            for al in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)]
    every("combsum", rows)
    for lab in BASES:
        b = report_family(log, f"CombSUM(alpha on In_expB2) vs {lab}", rows, ("alpha",),
                          base[lab][0], base[lab][1], fts["time"][1],
                          lambda p: time.evaluate(combsum(a, bb, p["alpha"]))[1])
    chosen[("combsum", "-")] = b[0]
    rows = [(dict(k=k), time.evaluate(rrf(a, bb, k))[0]) for k in (10, 30, 60, 100)]
    every("rrf", rows)
    for lab in BASES:
        report_family(log, f"RRF vs {lab}", rows, ("k",), base[lab][0], base[lab][1],
                      fts["time"][1], lambda p: time.evaluate(rrf(a, bb, p["k"]))[1])
    chosen[("rrf", "-")] = dict(k=60)

    # 4. Neighbour smoothing.
    for lab in BASES:
        first = time.first(lab)
        sims = neighbour_sims(time, first)
        for weighted in (False, True):
            rows = []
            for m in (1, 3, 5, 10):
                for mu in (0.1, 0.2, 0.3, 0.5):
                    p = dict(m=m, mu=mu, weighted=weighted)
                    rows.append((p, time.evaluate(smooth(first, sims, **p))[0]))
            every("smooth", rows)
            b = report_family(log, f"neighbour smoothing weighted={weighted} on {lab}", rows,
                              ("m", "mu"), base[lab][0], base[lab][1], fts["time"][1],
                              lambda p: time.evaluate(smooth(first, sims, **p))[1])
            if not weighted:
                chosen[("smooth", lab)] = b[0]

    # 2. Stemmers (and the exact-form bonus).
    stems = stemmers()
    time_by = {"snowball": time}
    for sname, fn in stems.items():
        if sname != "snowball":
            time_by[sname] = Coll("time", args.shared, stem=fn, coll=colls["time"])
        c = time_by[sname]
        for lab in BASES:
            v, per = c.evaluate(c.first(lab))
            up, down, p = paired(base[lab][1], per)
            fu, fd, fp = paired(fts["time"][1], per)
            print(f"  stemmer {sname:<9} {lab:<10} {v:.4f}  vs snowball {up}/{down} p {pvalue(p)}"
                  f"; vs FTS5 {fu}/{fd} p {pvalue(fp)}", file=log, flush=True)
    for sname in ("snowball", "porter", "s-stemmer"):
        for lab in BASES:
            st, ex = time_by[sname].first(lab), time_by["none"].first(lab)
            sv = time_by[sname].evaluate(st)
            rows = [(dict(beta=be), time.evaluate(two_fields(st, ex, be))[0])
                    for be in (0.05, 0.1, 0.2, 0.3, 0.5)]
            every("exact", rows)
            b = report_family(log, f"{sname} + beta x unstemmed on {lab}", rows, ("beta",),
                              sv[0], sv[1], fts["time"][1],
                              lambda p: time.evaluate(two_fields(st, ex, p["beta"]))[1])
            if sname == "snowball":
                chosen[("exact", lab)] = b[0]

    # Transfer: the settings chosen on TIME, on every collection.
    print("\ntransfer (settings chosen on TIME; quantised lengths)", file=log, flush=True)
    for name in ("time", "cran", "cisi", "med"):
        c = time if name == "time" else Coll(name, args.shared, coll=colls[name])
        raw = Coll(name, args.shared, stem=stems["none"], coll=colls[name])
        porter = Coll(name, args.shared, stem=stems["porter"], coll=colls[name])
        runs = collections.OrderedDict()
        for lab in BASES:
            first = c.first(lab)
            runs[lab] = first
            runs[f"{lab}+temporal"] = temporal(c, first, **chosen[("temporal", lab)])
            runs[f"{lab}+issue"] = temporal(c, first, **chosen[("issue", lab)])
            sims = neighbour_sims(c, first)
            runs[f"{lab}+smooth"] = smooth(first, sims, **chosen[("smooth", lab)])
            runs[f"{lab}+exact"] = two_fields(first, raw.first(lab), **chosen[("exact", lab)])
            runs[f"{lab} porter"] = porter.first(lab)
        runs["CombSUM"] = combsum(c.first("In_expB2"), c.first("BM25xBurst"),
                                  **chosen[("combsum", "-")])
        runs["RRF"] = rrf(c.first("In_expB2"), c.first("BM25xBurst"), **chosen[("rrf", "-")])
        fv, fper = fts[name]
        print(f"{name}: FTS5 {fv:.4f}", file=log, flush=True)
        evals = {k: c.evaluate(v) for k, v in runs.items()}
        for k, (v, per) in evals.items():
            base_lab = k.split("+")[0].split(" ")[0]
            fu, fd, fp = paired(fper, per)
            extra = ""
            if base_lab in BASES and base_lab != k:
                up, down, p = paired(evals[base_lab][1], per)
                extra = f"; vs {base_lab} {up}/{down} p {pvalue(p)}"
            print(f"  {k:<22} {v:.4f}  vs FTS5 {fu}/{fd} p {pvalue(fp)}{extra}",
                  file=log, flush=True)
    print("chosen: " + "; ".join(f"{f}/{b}: {fmt_params(p)}" for (f, b), p in chosen.items()),
          file=log, flush=True)


if __name__ == "__main__":
    main()
