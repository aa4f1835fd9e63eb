#!/usr/bin/env python3
"""Loads the benchmark NDJSON into an SQLite FTS5 table: the SQLite peer's "indexer".

    python3 benches/sqlite_load.py articles.ndjson out.db

Schema equivalent to newsdex's searchable part: title, byline and body full-text indexed
with positions (FTS5 detail=full, the default) and stored (FTS5 keeps its content), Porter
stemming over unicode61 with diacritics removed; date and path stored, not indexed. One
transaction, executemany over a generator, the way a careful script loads FTS5. Queries
(benches/run) rank with bm25(articles, 2.5, 1, 1): the title weighted as newsdex's boost.
"""
import json
import os
import sqlite3
import sys


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            yield r["title"], r["byline"], r["body"], r["date"], r["path"]


def main():
    src, db = sys.argv[1], sys.argv[2]
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")  # 256 MiB, the same budget newsdex's writer gets
    con.execute("CREATE VIRTUAL TABLE articles USING fts5(title, byline, body, date UNINDEXED, "
                "path UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')")
    with con:
        con.executemany("INSERT INTO articles(title, byline, body, date, path) VALUES (?,?,?,?,?)", rows(src))
    # Merge the b-tree segments as a loaded, read-mostly index would be.
    con.execute("INSERT INTO articles(articles) VALUES('optimize')")
    con.commit()
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    print(json.dumps({"articles": n}))


if __name__ == "__main__":
    main()
