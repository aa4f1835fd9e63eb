"""The baseline: SQLite FTS5 through Python's sqlite3, built from the converter's records.

One in-memory table with `title` and `body` columns (as newsdex indexes them; bylines are
left out, and they are the only text newsdex searches that this does not),
`tokenize='porter unicode61'`, ranked by `bm25()` with its defaults (k1 1.2, b 0.75,
every column weight 1), top 1,000. A topic becomes an OR of its words: the runs of letters
and digits (what newsdex's `eval::free_text` keeps), each quoted so that none is read as
FTS5 syntax (`AND`, `NOT`, `NEAR`, column filters). Ties (rare) fall back to rowid, i.e.
collection order.
"""
import re
import sqlite3


def query_of(text):
    words = re.findall(r"[^\W_]+", text.lower())
    return " OR ".join(f'"{w}"' for w in words)


# FTS5's tokenizers for text that is not English: Porter stems English only, so for other
# languages the best FTS5 can do is words with diacritics removed (or trigrams).
TOKENIZERS = ("porter unicode61", "unicode61 remove_diacritics 2", "trigram")


def run(coll, depth=1000, tokenize="porter unicode61"):
    """{qid: [(docid, score), ...]}: FTS5's ranking of every topic of `coll`."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(docid UNINDEXED, title, body, "
               f"tokenize='{tokenize}')")
    db.executemany("INSERT INTO d(docid, title, body) VALUES (?, ?, ?)",
                   [(x.docid, x.title, x.body) for x in coll.docs])
    out = {}
    for qid, text in coll.topics:
        q = query_of(text)
        rows = db.execute("SELECT docid, bm25(d) AS s FROM d WHERE d MATCH ? "
                          "ORDER BY s, rowid LIMIT ?", (q, depth)).fetchall() if q else []
        # bm25() is negative, smaller is better; report it as a score, larger is better.
        out[qid] = [(docid, -s) for docid, s in rows]
    db.close()
    return out
