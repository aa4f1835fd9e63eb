"""`PYTHONPATH=benches/eval python3 -m ir.modelsim [--smart FILE] [--all]`: ranking models
beyond BM25 (language models, DFR, axiomatic, BM25 variants, query weighting, term
dependence, feedback), scored in Python over the terms newsdex's analyzer makes.

Exploration only, like `bm25sim` (which works over FTS5's porter terms and reproduces
FTS5's own ranking). Here the text goes through a Python copy of newsdex's analyzer
(`src/index/schema.rs`): runs of letters and digits (SimpleTokenizer), tokens of 40 bytes
or more dropped, lower case, Snowball English stemmer (the `snowballstemmer` package: the
same Porter2 algorithm as tantivy's `Stemmer::new(Language::English)`). A topic is what
`newsdex eval` sends (`eval::free_text`: runs of letters and digits) with the OR stop
words dropped (schema/or-stop-words.txt, the list newsdex reads). Repeated query words
count once each time they occur, as tantivy's BooleanQuery sums repeated clauses.

Title and body are one text (as FTS5's bm25() sees a row): title boosts are out of scope,
and TIME, the collection tuned on, has no titles. Document lengths are exact unless
`quantise=True`, which rounds them down to tantivy's fieldnorm buckets
(`fieldnorm/code.rs`); the average length stays exact, as tantivy's total_num_tokens is.

Needs `snowballstemmer` (pip, in a venv); without it the script stops and says so.
`--smart FILE` adds query-side stop word runs with the SMART 571-word list (one or more
words per line, not shipped here). Tuning is on TIME only: the best setting of every
family, then `CANDIDATES` (fixed settings) on all four collections, with exact and with
tantivy-quantised lengths, and paired randomization tests against FTS5 (its real run) and
the newsdex-like BM25 (tantivy idf, k1 1.2, b 0.75, OR stop words) on the same terms.
About 2 minutes of one core.
"""
import argparse
import collections
import math
import os
import re
import sys

from . import CONVERTERS, ROOT, metrics
from .compare import pvalue, randomization_p

try:
    import snowballstemmer
except ImportError:  # pragma: no cover
    snowballstemmer = None

LOG2 = math.log(2)


def log2(x):
    return math.log(x) / LOG2


def or_stop_words():
    # One word a line, `#` lines are comments. An empty list would silently turn every
    # "OR stop words" row into an "all words" one, so refuse that.
    path = os.path.join(ROOT, "schema", "or-stop-words.txt")
    with open(path, encoding="utf-8") as f:
        words = [w for w in (line.strip() for line in f) if w and not w.startswith("#")]
    if not words:
        sys.exit(f"no stop words in {path}")
    return words


def fieldnorm_table():
    """tantivy 0.27's FIELD_NORMS_TABLE (`fieldnorm/code.rs`): 0..40 exactly, then groups
    of 8 values whose step doubles (2, 4, 8, ...); equal to the crate's 256 entries."""
    table = list(range(41))
    step = 2
    while len(table) < 256:
        for _ in range(8):
            if len(table) < 256:
                table.append(table[-1] + step)
        step *= 2
    return table


class Index:
    """Postings, lengths and collection statistics of one converted collection."""

    def __init__(self, coll, quantise=False, stem=None):
        """`stem`: a function word -> term; Snowball English when None."""
        if snowballstemmer is None:
            sys.exit("modelsim needs the snowballstemmer package (pip install snowballstemmer)")
        self.coll = coll
        self._stem_fn = stem or snowballstemmer.stemmer("english").stemWord
        self._stems = {}
        self.docids = []
        self.pos = collections.defaultdict(dict)  # term -> doc -> [positions]
        self.dl = []
        for i, d in enumerate(coll.docs):
            toks = self.analyze(d.title + "\n" + d.body)
            self.docids.append(d.docid)
            self.dl.append(len(toks))
            for p, t in enumerate(toks):
                self.pos[t].setdefault(i, []).append(p)
        self.post = {t: {d: len(p) for d, p in docs.items()} for t, docs in self.pos.items()}
        self.n = len(self.docids)
        self.total = sum(self.dl)  # C: tantivy's total_num_tokens
        self.avg = self.total / self.n
        self.df = {t: len(p) for t, p in self.post.items()}
        self.cf = {t: sum(p.values()) for t, p in self.post.items()}
        self.postings_total = sum(self.df.values())  # sum of doc_freq over the dictionary
        self.norm = list(self.dl)
        if quantise:
            table = fieldnorm_table()
            import bisect
            self.norm = [table[bisect.bisect_right(table, x) - 1] for x in self.dl]
        self.cf_mode = "exact"
        self._doc_terms = None

    def stem(self, w):
        s = self._stems.get(w)
        if s is None:
            s = self._stems[w] = self._stem_fn(w)
        return s

    def analyze(self, text):
        return [self.stem(w) for w in re.findall(r"[^\W_]+", text.lower())
                if len(w.encode()) < 40]

    def query(self, text, stop):
        words = re.findall(r"[^\W_]+", text.lower())
        kept = [w for w in words if w not in stop]
        if not kept:  # a query made only of stop words runs as typed
            kept = words
        return [self.stem(w) for w in kept if len(w.encode()) < 40]

    def cfreq(self, t):
        """Collection frequency as the model sees it: exact (a postings scan in tantivy),
        or approximated from doc_freq."""
        if self.cf_mode == "exact":
            return self.cf[t]
        if self.cf_mode == "df":
            return self.df[t]
        # df scaled by the collection's mean tf per posting (C / sum of doc_freq)
        return self.df[t] * self.total / self.postings_total

    def doc_terms(self, d):
        if self._doc_terms is None:
            self._doc_terms = collections.defaultdict(dict)
            for t, p in self.post.items():
                for doc, f in p.items():
                    self._doc_terms[doc][t] = f
        return self._doc_terms[d]


# ---------------------------------------------------------------------------------------
# Term scoring functions. Each model returns, for a term's statistics, a function of
# (tf, dl) added per matching document, and optionally a per-document adjustment.


def idf_of(kind, n, df):
    if kind == "fts5":  # Robertson/Sparck Jones, floored (FTS5)
        return max(1e-6, math.log((n - df + 0.5) / (df + 0.5)))
    if kind == "lucene":  # tantivy and Lucene: never negative
        return math.log(1 + (n - df + 0.5) / (df + 0.5))
    if kind == "log":  # ln(N/df)
        return math.log(n / df)
    if kind == "dfr":  # ln((N+1)/(df+0.5))
        return math.log((n + 1) / (df + 0.5))
    raise ValueError(kind)


class Model:
    """A ranking model: `term(ix, t)` -> f(tf, dl) (or None to skip the term), and
    `doc_adjust(ix, dl, qlen)` added once to every document that matches."""
    name = "?"
    doc_adjust = None

    def __init__(self, **p):
        self.p = p

    def label(self):
        return self.name + ("(" + ", ".join(f"{k}={v}" for k, v in self.p.items()) + ")"
                            if self.p else "")


class BM25(Model):
    name = "BM25"

    def term(self, ix, t):
        k1, b = self.p.get("k1", 1.2), self.p.get("b", 0.75)
        idf = idf_of(self.p.get("idf", "lucene"), ix.n, ix.df[t])
        avg = ix.avg
        return lambda tf, dl: idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avg))


class BM25Plus(Model):
    name = "BM25+"

    def term(self, ix, t):
        k1, b, delta = self.p.get("k1", 1.2), self.p.get("b", 0.75), self.p.get("delta", 1.0)
        idf = idf_of(self.p.get("idf", "lucene"), ix.n, ix.df[t])
        avg = ix.avg
        return lambda tf, dl: idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avg)) + delta)


class BM25L(Model):
    name = "BM25L"

    def term(self, ix, t):
        k1, b, delta = self.p.get("k1", 1.2), self.p.get("b", 0.75), self.p.get("delta", 0.5)
        idf = idf_of(self.p.get("idf", "dfr"), ix.n, ix.df[t])
        avg = ix.avg

        def f(tf, dl):
            c = tf / (1 - b + b * dl / avg) + delta
            return idf * (k1 + 1) * c / (k1 + c)
        return f


class Pivoted(Model):
    """Singhal's pivoted normalisation with log-log tf (Lnu-style), slope s."""
    name = "Pivoted"

    def term(self, ix, t):
        s = self.p.get("s", 0.2)
        idf = math.log((ix.n + 1) / ix.df[t])
        avg = ix.avg
        return lambda tf, dl: (1 + math.log(1 + math.log(tf))) / (1 - s + s * dl / avg) * idf


class LMDirichlet(Model):
    """Query likelihood, Dirichlet prior, in its rank-equivalent form over the matched
    terms: sum qtf * ln(1 + tf / (mu p(t|C))) + |q| ln(mu / (dl + mu))."""
    name = "LM-Dir"

    def term(self, ix, t):
        mu = self.p["mu"]
        pc = ix.cfreq(t) / ix.total
        return lambda tf, dl: math.log(1 + tf / (mu * pc))

    def doc_adjust(self, ix, dl, qlen):
        mu = self.p["mu"]
        return qlen * math.log(mu / (dl + mu))


class LMDirichletLucene(Model):
    """Lucene's LMDirichletSimilarity: per matched term, max(0, ln(1 + tf/(mu p)) +
    ln(mu/(dl + mu))); no length term for unmatched query terms."""
    name = "LM-Dir-Lucene"

    def term(self, ix, t):
        mu = self.p["mu"]
        pc = ix.cfreq(t) / ix.total
        return lambda tf, dl: max(0.0, math.log(1 + tf / (mu * pc)) + math.log(mu / (dl + mu)))


class LMJelinekMercer(Model):
    name = "LM-JM"

    def term(self, ix, t):
        lam = self.p["lam"]
        pc = ix.cfreq(t) / ix.total
        return lambda tf, dl: math.log(1 + (1 - lam) / lam * tf / dl / pc)


def tfn2(tf, dl, c, avg):
    """DFR normalisation 2."""
    return tf * log2(1 + c * avg / dl)


class PL2(Model):
    name = "PL2"

    def term(self, ix, t):
        c = self.p.get("c", 1.0)
        lam = ix.cfreq(t) / ix.n
        avg = ix.avg
        rec_log2e = 1 / LOG2

        def f(tf, dl):
            x = tfn2(tf, dl, c, avg)
            return (x * log2(x / lam) + (lam - x) * rec_log2e
                    + 0.5 * log2(2 * math.pi * x)) / (x + 1)
        return f


class InL2(Model):
    name = "InL2"

    def term(self, ix, t):
        c = self.p.get("c", 1.0)
        idf = log2((ix.n + 1) / (ix.df[t] + 0.5))
        avg = ix.avg

        def f(tf, dl):
            x = tfn2(tf, dl, c, avg)
            return x / (x + 1) * idf
        return f


class InExpB2(Model):
    name = "In_expB2"

    def term(self, ix, t):
        c = self.p.get("c", 1.0)
        cf, df, n = ix.cfreq(t), ix.df[t], ix.n
        ne = n * (1 - ((n - 1) / n) ** cf)
        idf = log2((n + 1) / (ne + 0.5))
        avg = ix.avg

        def f(tf, dl):
            x = tfn2(tf, dl, c, avg)
            return x * idf * (cf + 1) / (df * (x + 1))
        return f


class InB2(Model):
    """DFR In-B2: InL2's idf with the Bernoulli after-effect (cf + 1) / df."""
    name = "InB2"

    def term(self, ix, t):
        c = self.p.get("c", 1.0)
        cf, df, n = ix.cfreq(t), ix.df[t], ix.n
        idf = log2((n + 1) / (df + 0.5))
        avg = ix.avg

        def f(tf, dl):
            x = tfn2(tf, dl, c, avg)
            return x / (x + 1) * idf * (cf + 1) / df
        return f


class BM25Burst(BM25):
    """BM25 times the term's burstiness ((cf + 1) / df)^a: the Bernoulli after-effect of
    DFR's B normalisation, applied to BM25's weight. cf / df is the mean frequency of the
    term in the documents that have it."""
    name = "BM25xBurst"

    def term(self, ix, t):
        f = super().term(ix, t)
        w = ((ix.cfreq(t) + 1) / ix.df[t]) ** self.p.get("a", 1.0)
        return lambda tf, dl: w * f(tf, dl)


class DPH(Model):
    name = "DPH"

    def term(self, ix, t):
        cf, n, avg = ix.cfreq(t), ix.n, ix.avg

        def f(tf, dl):
            r = tf / dl
            if r >= 1:
                r = 1 - 1e-9
            norm = (1 - r) * (1 - r) / (tf + 1)
            return norm * (tf * log2(tf * avg / dl * n / cf)
                           + 0.5 * log2(2 * math.pi * tf * (1 - r)))
        return f


class DLH13(Model):
    name = "DLH13"

    def term(self, ix, t):
        cf, n, avg = ix.cfreq(t), ix.n, ix.avg

        def f(tf, dl):
            r = tf / dl
            if r >= 1:
                r = 1 - 1e-9
            return (tf * log2(tf * avg / dl * n / cf)
                    + 0.5 * log2(2 * math.pi * tf * (1 - r))) / (tf + 0.5)
        return f


class F2EXP(Model):
    name = "F2EXP"

    def term(self, ix, t):
        s, k = self.p.get("s", 0.5), self.p.get("k", 0.35)
        w = (ix.n / ix.df[t]) ** k
        avg = ix.avg
        return lambda tf, dl: w * tf / (tf + s + s * dl / avg)


class F2LOG(Model):
    name = "F2LOG"

    def term(self, ix, t):
        s = self.p.get("s", 0.5)
        w = math.log(ix.n / ix.df[t]) if ix.df[t] < ix.n else 0.0
        avg = ix.avg
        return lambda tf, dl: w * tf / (tf + s + s * dl / avg)


# ---------------------------------------------------------------------------------------
# Scoring and runs.


def score(ix, weights, model, prior=0.0):
    """{doc: score} over the documents matching any weighted term.
    `weights`: {term: query weight}."""
    scores = collections.defaultdict(float)
    norm = ix.norm
    for t, qw in weights.items():
        docs = ix.post.get(t)
        if not docs or qw == 0:
            continue
        f = model.term(ix, t)
        for d, tf in docs.items():
            scores[d] += qw * f(tf, norm[d])
    if model.doc_adjust is not None:
        qlen = sum(weights.values())
        for d in scores:
            scores[d] += model.doc_adjust(ix, norm[d], qlen)
    if prior:
        for d in scores:
            scores[d] += prior * math.log(ix.dl[d] + 1)
    return scores


def ranked(scores, depth=1000):
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:depth]


def query_weights(ix, terms, qw=None):
    """Query terms -> {term: weight}. `qw` reweights: ("idf", alpha) multiplies by
    idf^alpha (idf normalised by its maximum, ln N); ("common", frac, w) multiplies terms
    in more than `frac` of the documents by w."""
    w = collections.Counter(terms)
    if qw:
        for t in list(w):
            df = ix.df.get(t, 0)
            if not df:
                continue
            if qw[0] == "idf":
                w[t] *= (idf_of("lucene", ix.n, df) / math.log(ix.n)) ** qw[1]
            elif qw[0] == "common" and df > qw[1] * ix.n:
                w[t] *= qw[2]
    return dict(w)


def sdm(ix, terms, mu, weights=(0.85, 0.1, 0.05), window=8):
    """Sequential dependence (Metzler & Croft 2005) over Dirichlet LM: full log
    likelihoods for unigrams, exact ordered bigrams (#1) and unordered windows (#uw8) of
    consecutive kept query terms. Candidates: documents matching any unigram."""
    wt, wo, wu = weights
    cand = set()
    for t in terms:
        cand.update(ix.post.get(t, ()))
    c = ix.total
    norm = ix.norm

    def feature(post, cf):
        pc = max(cf, 0.5) / c
        return {d: math.log((post.get(d, 0) + mu * pc) / (norm[d] + mu)) for d in cand}

    scores = dict.fromkeys(cand, 0.0)
    for t in terms:
        for d, v in feature(ix.post.get(t, {}), ix.cf.get(t, 0)).items():
            scores[d] += wt * v
    for a, b in zip(terms, terms[1:]):
        pa, pb = ix.pos.get(a, {}), ix.pos.get(b, {})
        od, ud = {}, {}
        for d in set(pa) & set(pb):
            sb = set(pb[d])
            o = sum(1 for p in pa[d] if p + 1 in sb)
            u = sum(1 for p in pa[d] for q in pb[d] if p != q and abs(p - q) < window)
            if o:
                od[d] = o
            if u:
                ud[d] = u
        for post, w in ((od, wo), (ud, wu)):
            for d, v in feature(post, sum(post.values())).items():
                scores[d] += w * v
    return scores


def rm3(ix, terms, model, fb_docs=10, fb_terms=20, orig=0.7, stop_stems=frozenset()):
    """RM3: the first pass's top documents weighted by exp(score) for a language model
    (their query likelihood) or score / sum for other models; P(w|R) = sum P(w|d) w_d;
    the query becomes orig * q/|q| + (1 - orig) * the top terms of P(w|R) renormalised."""
    w0 = query_weights(ix, terms)
    first = ranked(score(ix, w0, model), fb_docs)
    if not first:
        return w0
    if isinstance(model, (LMDirichlet, LMJelinekMercer)):
        top = max(s for _, s in first)
        dw = {d: math.exp(s - top) for d, s in first}
    else:
        dw = {d: max(s, 0.0) for d, s in first}
    z = sum(dw.values()) or 1.0
    rel = collections.Counter()
    for d, w in dw.items():
        for t, f in ix.doc_terms(d).items():
            if t in stop_stems or t.isdigit() or len(t) < 2:
                continue
            rel[t] += w / z * f / ix.dl[d]
    top_terms = rel.most_common(fb_terms)
    zr = sum(v for _, v in top_terms) or 1.0
    ql = sum(w0.values())
    out = collections.defaultdict(float)
    for t, v in w0.items():
        out[t] += orig * v / ql
    for t, v in top_terms:
        out[t] += (1 - orig) * v / zr
    # Scale back to the original query's mass so that models with a length term see the
    # same |q|.
    return {t: v * ql for t, v in out.items()}


class Runner:
    def __init__(self, name, shared, quantise=False, stem=None, coll=None):
        self.name = name
        self.coll = coll or CONVERTERS[name](shared)
        self.ix = Index(self.coll, quantise=quantise, stem=stem)
        self.stops = {"none": set(), "or": set(or_stop_words())}
        self.topics = self.coll.topics

    def add_stop_list(self, label, words):
        self.stops[label] = set(words)

    def evaluate(self, rankings):
        rankings = {q: [self.ix.docids[d] for d, _ in r] for q, r in rankings.items()}
        means, per = metrics.evaluate(rankings, self.coll.qrels)
        return means["map"], {q: s["map"] for q, s in per.items()}

    def run(self, model, stop="or", qw=None, prior=0.0, sdm_w=None, rm3_p=None):
        out = {}
        stop_set = self.stops[stop]
        stop_stems = {self.ix.stem(w) for w in self.stops["or"]}
        for qid, text in self.topics:
            terms = self.ix.query(text, stop_set)
            if sdm_w:
                s = sdm(self.ix, terms, model.p["mu"], sdm_w)
            elif rm3_p:
                s = score(self.ix, rm3(self.ix, terms, model, *rm3_p, stop_stems=stop_stems),
                          model, prior)
            else:
                s = score(self.ix, query_weights(self.ix, terms, qw), model, prior)
            out[qid] = ranked(s)
        return self.evaluate(out)


def fts5_per_topic(coll):
    from . import fts5
    run = fts5.run(coll)
    means, per = metrics.evaluate({q: [d for d, _ in r] for q, r in run.items()}, coll.qrels)
    return means["map"], {q: s["map"] for q, s in per.items()}


def paired(a, b):
    diffs = [b[q] - a[q] for q in a]
    up = sum(1 for d in diffs if d > 1e-9)
    down = sum(1 for d in diffs if d < -1e-9)
    return up, down, randomization_p(diffs)


# ---------------------------------------------------------------------------------------
# The experiment: every family, decided on TIME; the secondary collections only replay
# the chosen settings.


def grid(r, out, family, models, **kw):
    best = None
    for m in models:
        v, _ = r.run(m, **kw)
        out.append((family, m.label() + _kw_label(kw), v))
        if best is None or v > best[1]:
            best = (m, v)
    return best


def _kw_label(kw):
    parts = []
    if kw.get("stop", "or") != "or":
        parts.append(f"stop={kw['stop']}")
    if kw.get("qw"):
        parts.append(f"qw={kw['qw']}")
    if kw.get("prior"):
        parts.append(f"prior={kw['prior']}")
    if kw.get("sdm_w"):
        parts.append(f"sdm={kw['sdm_w']}")
    if kw.get("rm3_p"):
        parts.append(f"rm3={kw['rm3_p']}")
    return (" " + " ".join(parts)) if parts else ""


def explore(r):
    """All variants on one collection (meant for TIME). Returns [(family, label, MAP)]."""
    out = []
    bm = [BM25(k1=k1, b=b, idf=i) for i in ("lucene", "fts5")
          for k1 in (0.4, 0.6, 0.9, 1.2, 1.6, 2.0, 2.5, 3.0)
          for b in (0.3, 0.5, 0.75, 0.9, 1.0)]
    grid(r, out, "BM25", bm)
    grid(r, out, "BM25+", [BM25Plus(k1=k1, b=b, delta=d) for k1 in (0.9, 1.2, 2.0)
                           for b in (0.5, 0.75, 0.9) for d in (0.25, 0.5, 1.0)])
    grid(r, out, "BM25L", [BM25L(k1=k1, b=b, delta=d) for k1 in (0.9, 1.2, 2.0)
                           for b in (0.3, 0.5, 0.75, 0.9) for d in (0.25, 0.5, 1.0)])
    grid(r, out, "Pivoted", [Pivoted(s=s) for s in (0.1, 0.2, 0.3, 0.5)])
    mus = (50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 2500)
    grid(r, out, "LM-Dir", [LMDirichlet(mu=mu) for mu in mus])
    grid(r, out, "LM-Dir-Lucene", [LMDirichletLucene(mu=mu) for mu in mus])
    grid(r, out, "LM-JM", [LMJelinekMercer(lam=l) for l in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9)])
    cs = (0.4, 0.5, 0.6, 0.7, 0.8, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0)
    grid(r, out, "PL2", [PL2(c=c) for c in cs])
    grid(r, out, "InL2", [InL2(c=c) for c in cs])
    grid(r, out, "InB2", [InB2(c=c) for c in cs])
    grid(r, out, "In_expB2", [InExpB2(c=c) for c in cs])
    grid(r, out, "DPH", [DPH()])
    grid(r, out, "DLH13", [DLH13()])
    grid(r, out, "F2EXP", [F2EXP(s=s, k=k) for s in (0.1, 0.3, 0.5, 0.8)
                           for k in (0.25, 0.35, 0.5)])
    grid(r, out, "F2LOG", [F2LOG(s=s) for s in (0.1, 0.3, 0.5, 0.8)])
    grid(r, out, "BM25xBurst", [BM25Burst(k1=k1, b=b, idf=i, a=a) for i in ("lucene", "fts5")
                                for k1, b in ((0.9, 0.75), (1.2, 0.6), (1.2, 0.75), (1.2, 0.9),
                                              (1.5, 0.75), (2.0, 0.9))
                                for a in (0.25, 0.5, 0.75, 1.0, 1.25, 1.5)])
    probes = [BM25(), BM25(idf="fts5"), BM25(k1=1.2, b=0.9), BM25L(k1=2.0, b=0.9, delta=0.5),
              LMDirichlet(mu=1000), F2EXP(s=0.8, k=0.5), InExpB2(c=0.7), BM25Burst()]
    for stop in [s for s in r.stops if s != "or"]:
        grid(r, out, f"stop={stop}", probes, stop=stop)
    for qw in (("idf", 0.5), ("idf", 1.0), ("idf", 2.0), ("common", 0.1, 0.5),
               ("common", 0.2, 0.5), ("common", 0.25, 0.0), ("common", 0.5, 0.0)):
        grid(r, out, f"qw={qw[0]}", probes[:1] + probes[4:], qw=qw)
    for pr in (-0.5, -0.2, 0.2, 0.5, 1.0):
        grid(r, out, "prior b*ln(dl+1)", [BM25(), LMDirichlet(mu=1000), InExpB2(c=0.7)],
             prior=pr)
    for w in ((0.85, 0.1, 0.05), (0.9, 0.05, 0.05)):
        grid(r, out, "SDM (LM-Dir)", [LMDirichlet(mu=mu) for mu in (500, 1000, 2000)], sdm_w=w)
    for p in ((3, 10, 0.8), (5, 10, 0.8), (10, 10, 0.8), (10, 10, 0.9), (10, 20, 0.7),
              (10, 20, 0.5), (5, 20, 0.6)):
        grid(r, out, "RM3", [BM25(), LMDirichlet(mu=1000), InExpB2(c=0.7), BM25Burst()],
             rm3_p=p)
    for mode in ("df", "df*C/P"):
        r.ix.cf_mode = mode
        grid(r, out, f"cf~{mode}", [LMDirichlet(mu=mu) for mu in mus]
             + [PL2(c=2.0), InExpB2(c=0.7), InExpB2(c=1.0), InB2(c=0.7), BM25Burst(), DPH()])
        r.ix.cf_mode = "exact"
    return out


CANDIDATES = {
    "fts5": None,
    "newsdex-bm25": BM25(),  # tantivy's idf, k1 1.2, b 0.75, OR stop words
    "In_expB2(c=0.7)": InExpB2(c=0.7),
    "InB2(c=0.7)": InB2(c=0.7),
    "BM25xBurst(k1=1.2,b=0.75,a=1)": BM25Burst(),
    "BM25(k1=1.2,b=0.9)": BM25(k1=1.2, b=0.9),
    "In_expB2(c=0.7)+RM3(10,10,0.8)": (InExpB2(c=0.7), (10, 10, 0.8)),
}


def candidates(name, shared, quantise):
    """MAP of the candidates on one collection, and paired tests against FTS5 and the
    newsdex-like BM25 (both simulated rows on the same terms)."""
    r = Runner(name, shared, quantise=quantise)
    per = {}
    for label, model in CANDIDATES.items():
        if model is None:
            per[label] = fts5_per_topic(r.coll)
        elif isinstance(model, tuple):
            per[label] = r.run(model[0], rm3_p=model[1])
        else:
            per[label] = r.run(model)
    rows = []
    for label, (v, ap) in per.items():
        cells = [f"{v:.4f}"]
        for base in ("fts5", "newsdex-bm25"):
            if label == base or base not in per:
                cells.append("")
                continue
            up, down, p = paired(per[base][1], ap)
            cells.append(f"{up}/{down}, p {pvalue(p)}")
        rows.append((label, cells))
    return rows


def table(rows):
    fams = collections.OrderedDict()
    for fam, label, v in rows:
        fams.setdefault(fam, []).append((label, v))
    for fam, items in fams.items():
        best = max(items, key=lambda x: x[1])
        vals = [v for _, v in items]
        print(f"  {fam:<15} best {best[1]:.4f}  {best[0]:<50} "
              f"range {min(vals):.4f}..{max(vals):.4f} ({len(vals)} settings)", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--smart", help="SMART stop list file (query side only)")
    ap.add_argument("--all", action="store_true", help="print every setting, not only the best")
    ap.add_argument("--skip-explore", action="store_true")
    args = ap.parse_args()
    if not args.skip_explore:
        r = Runner("time", args.shared)
        if args.smart:
            r.add_stop_list("smart", open(args.smart).read().split())
        time_stp = os.path.join(args.shared, "corpora", "time-1963", "TIME.STP")
        r.add_stop_list("time-stp", open(time_stp).read().lower().split())
        print("time: best setting per family (OR stop words, Snowball terms, exact lengths)")
        rows = explore(r)
        table(rows)
        if args.all:
            for fam, label, v in rows:
                print(f"    {fam:<18} {label:<70} {v:.4f}")
    for quantise in (False, True):
        for name in ("time", "cran", "cisi", "med"):
            print(f"{name}: candidates ({'tantivy fieldnorms' if quantise else 'exact lengths'})"
                  f"; paired tests: topics up/down, randomization p", flush=True)
            for label, cells in candidates(name, args.shared, quantise):
                print(f"  {label:<34} MAP {cells[0]}  vs FTS5 {cells[1]:<20} "
                      f"vs newsdex-bm25 {cells[2]}", flush=True)


if __name__ == "__main__":
    main()
