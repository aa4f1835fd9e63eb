"""`PYTHONPATH=benches/eval python3 -m ir.bm25sim [time|cran|cisi|med]`: what BM25-family
ranking choices could reach on a collection, without rebuilding newsdex.

Exploration only: the choices newsdex makes are measured with newsdex itself
(relevance.py). This scores the converted collection in Python over the terms SQLite FTS5's
porter tokenizer produces (read back through `fts5vocab`), so its baseline reproduces
FTS5's own ranking, and then varies one thing at a time:

- the idf: FTS5's `max(1e-6, ln((N - n + 0.5) / (n + 0.5)))` or tantivy's
  `ln(1 + (N - n + 0.5) / (n + 0.5))`, which newsdex uses;
- query stop words: none, tantivy's (Lucene's 33 words) or newsdex's OR list (read from
  schema/or-stop-words.txt, as newsdex reads it, so the two cannot drift apart);
- k1 and b, which tantivy fixes at 1.2 and 0.75;
- a proximity bonus: each pair of consecutive kept query words found at the same distance
  in a document as in the query scores as one more term (its idf the sum of both), times a
  weight (a sequential-dependence-style phrase feature);
- pseudo-relevance feedback: the most frequent non-stop terms of the top k documents
  (weighted by idf) added to the query with a weight.

Title and body are one text here (as FTS5's bm25() sees a row), so title boosts are out of
scope: TIME, the collection tuned on, has no titles.
"""
import collections
import math
import os
import re
import sqlite3
import sys

from . import CONVERTERS, ROOT, metrics

LUCENE = ("a an and are as at be but by for if in into is it no not of on or such that the "
          "their then there these they this to was will with").split()


def newsdex_or_stop_words():
    # One word a line, `#` lines are comments. An empty list would silently turn every
    # "OR stop words" row into an "all words" one, so refuse that.
    path = os.path.join(ROOT, "schema", "or-stop-words.txt")
    with open(path, encoding="utf-8") as f:
        words = [w for w in (line.strip() for line in f) if w and not w.startswith("#")]
    if not words:
        sys.exit(f"no stop words in {path}")
    return words


class Collection:
    def __init__(self, coll):
        self.coll = coll
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE d USING fts5(docid UNINDEXED, text, "
                   "tokenize='porter unicode61')")
        db.executemany("INSERT INTO d(docid, text) VALUES (?, ?)",
                       [(x.docid, x.title + "\n" + x.body) for x in coll.docs])
        db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(d, 'instance')")
        self.docids = dict(db.execute("SELECT rowid, docid FROM d"))
        self.postings = collections.defaultdict(dict)  # term -> doc -> [offsets]
        self.length = collections.Counter()
        for term, doc, _col, off in db.execute("SELECT term, doc, col, offset FROM v"):
            self.postings[term].setdefault(doc, []).append(off)
            self.length[doc] += 1
        self.n = len(self.docids)
        self.avg = sum(self.length.values()) / self.n
        db.execute("CREATE VIRTUAL TABLE q USING fts5(t, tokenize='porter unicode61')")
        db.execute("CREATE VIRTUAL TABLE qv USING fts5vocab(q, 'instance')")
        self.db = db
        self.doc_terms = collections.defaultdict(collections.Counter)
        for term, docs in self.postings.items():
            for doc, offs in docs.items():
                self.doc_terms[doc][term] = len(offs)

    def tokens(self, text):
        """Porter terms of `text` in order."""
        self.db.execute("DELETE FROM q")
        self.db.execute("INSERT INTO q(rowid, t) VALUES (1, ?)", (text,))
        return [t for t, _ in sorted(self.db.execute("SELECT term, offset FROM qv"),
                                     key=lambda r: r[1])]

    def idf(self, df, kind):
        if kind == "fts5":
            return max(1e-6, math.log((self.n - df + 0.5) / (df + 0.5)))
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def tf(self, f, doc, k1, b):
        return f * (k1 + 1) / (f + k1 * (1 - b + b * self.length[doc] / self.avg))

    def score(self, terms, idf, k1, b, weights=None):
        scores = collections.Counter()
        for i, t in enumerate(terms):
            docs = self.postings.get(t)
            if not docs:
                continue
            w = self.idf(len(docs), idf) * (weights[i] if weights else 1.0)
            for doc, offs in docs.items():
                scores[doc] += w * self.tf(len(offs), doc, k1, b)
        return scores

    def run(self, stop=(), idf="tantivy", k1=1.2, b=0.75, proximity=0.0, prf=None):
        rankings = {}
        stop = set(stop)
        for qid, text in self.coll.topics:
            # Kept words with their positions in the query (for the proximity pairs).
            kept = [(i, t) for i, w in enumerate(re.findall(r"[^\W_]+", text.lower()))
                    if w not in stop for t in self.tokens(w)[:1]]
            terms = [t for _, t in kept]
            scores = self.score(terms, idf, k1, b)
            if proximity:
                for (i, a), (j, c) in zip(kept, kept[1:]):
                    pa, pc = self.postings.get(a, {}), self.postings.get(c, {})
                    w = self.idf(len(pa), idf) + self.idf(len(pc), idf) if pa and pc else 0
                    for doc in set(pa) & set(pc):
                        later = set(pc[doc])
                        f = sum(1 for o in pa[doc] if o + (j - i) in later)
                        if f:
                            scores[doc] += proximity * w * self.tf(f, doc, k1, b)
            if prf:
                k, n_terms, weight = prf
                top = [d for d, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:k]]
                mass = collections.Counter()
                for doc in top:
                    total = sum(self.doc_terms[doc].values())
                    for t, f in self.doc_terms[doc].items():
                        mass[t] += f / total * self.idf(len(self.postings[t]), idf)
                stop_terms = set(self.tokens(" ".join(stop))) if stop else set()
                extra = [t for t, _ in mass.most_common() if t not in stop_terms
                         and t not in terms][:n_terms]
                scores = self.score(terms + extra, idf, k1, b,
                                    [1.0] * len(terms) + [weight] * len(extra))
            ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:1000]
            rankings[qid] = [self.docids[d] for d, _ in ranked]
        return metrics.evaluate(rankings, self.coll.qrels)[0]["map"]


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "time"
    shared = os.path.join(ROOT, "..", "shared")
    c = Collection(CONVERTERS[name](shared))
    snowball = newsdex_or_stop_words()
    print(f"{name}: MAP of BM25 variants over FTS5's porter terms (title and body as one text)")

    def show(label, **kw):
        print(f"  {label:<58} {c.run(**kw):.4f}", flush=True)

    show("FTS5's bm25 (FTS5 idf, k1 1.2, b 0.75), all words", idf="fts5")
    show("tantivy's idf, all words", idf="tantivy")
    show("tantivy's idf, Lucene's 33 stop words", stop=LUCENE)
    show("tantivy's idf, newsdex's OR stop words", stop=snowball)
    show("FTS5 idf, newsdex's OR stop words", idf="fts5", stop=snowball)
    grid = {(k1, b): c.run(stop=snowball, k1=k1, b=b)
            for k1 in (0.9, 1.2, 1.6, 2.0) for b in (0.5, 0.75, 0.9, 1.0)}
    best = max(grid, key=grid.get)
    print(f"  k1 x b grid (tantivy idf, OR stop words), best k1 {best[0]}, b {best[1]}: "
          f"{grid[best]:.4f}; range {min(grid.values()):.4f} .. {max(grid.values()):.4f}")
    for w in (0.25, 0.5, 1.0):
        show(f"+ proximity bonus, weight {w}", stop=snowball, proximity=w)
    for prf in ((3, 10, 0.3), (5, 20, 0.5), (10, 30, 0.3)):
        show(f"+ feedback: top {prf[0]} docs, {prf[1]} terms, weight {prf[2]}",
             stop=snowball, prf=prf)


if __name__ == "__main__":
    main()
