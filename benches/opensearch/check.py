#!/usr/bin/env python3
"""The OpenSearch back end against the local index, on a running cluster.

    python3 benches/opensearch/check.py --bin target/debug/newsdex --url http://127.0.0.1:9200 \
        [--shared ../shared] [--cluster scripts/opensearch-cluster] [--work DIR] [--kill-node 3]

Steps (each prints PASS or FAIL; exit 1 when any fails, 2 when a tool or corpus is missing):

1. push: the BBC archive is indexed locally and pushed to the alias `bbc`; with
   --kill-node N one node is killed hard while the push runs. The push must finish, or
   finish when run again (it resumes); the cluster must then hold every local id once.
2. same matches: for a fixed list of boolean and phrase queries, the set of matching ids
   on the cluster equals the local index's.
3. ranking: for ranked queries, at least 8 of the local top 10 are in the cluster's top 10.
4. collapse: for every query, the copies folded together (the partition of all matches
   into hits and their copies) are the same.
5. timeline and facets: on the repository's fixtures (dated, with bylines), every
   timeline bucket (day, week, month, year) and every facet count is equal.
6. incremental: a copy of the BBC archive with 50 articles edited, 50 deleted and 50
   added is pushed again: the push sends exactly those, and the cluster then holds the
   same documents as a fresh push of the same index.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

FAILED = []


def report(name, ok, detail=""):
    print(f"{'PASS' if ok else 'FAIL'}  {name}{': ' + detail if detail else ''}", flush=True)
    if not ok:
        FAILED.append(name)


def run(args, check=True, **kw):
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if check and p.returncode not in (0, 1):
        sys.exit(f"{' '.join(map(str, args))} failed ({p.returncode}):\n{p.stderr}")
    return p


def http(url, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"null")


def all_docs(url, name):
    """Every document of an index, by id (search_after over the id)."""
    docs, after = {}, None
    while True:
        body = {"size": 5000, "sort": [{"id": "asc"}], "query": {"match_all": {}}}
        if after:
            body["search_after"] = after
        hits = http(f"{url}/{name}/_search", "POST", body)["hits"]["hits"]
        if not hits:
            return docs
        for h in hits:
            if h["_id"] in docs:
                docs.setdefault("__duplicates__", []).append(h["_id"])
            docs[h["_id"]] = h["_source"]
        after = hits[-1]["sort"]


class Side:
    def __init__(self, binary, index, engine=None):
        self.binary, self.index, self.engine = binary, index, engine

    def cmd(self, *args):
        base = [self.binary, *args, "--index", self.index]
        if self.engine:
            base += ["--engine", self.engine]
        p = run(base)
        return json.loads(p.stdout) if p.stdout.strip() else None

    def ids(self, query, collapse=False, limit=10000, any_=False):
        args = ["search", query, "--format", "json", "--limit", str(limit)]
        if not collapse:
            args.append("--no-collapse")
        if any_:
            args.append("--any")
        r = self.cmd(*args)
        return r


def index_local(binary, archive, index):
    p = run([binary, "index", "--quiet", "--json", archive, "--index", index])
    return json.loads(p.stdout)


def push(binary, index, engine, *extra):
    p = run([binary, "push", "--url", engine, "--index", index, "--json", *extra], check=False)
    summary = json.loads(p.stdout) if p.returncode == 0 and p.stdout.strip() else None
    return p.returncode, summary, p.stderr


BOOLEAN = [
    '"oil price"', '"prime minister"', 'profit AND loss', 'election OR vote',
    'film -oscar', '(china OR india) AND economy', 'title:music', '"world cup"~2',
    '+mobile +phone -apple', 'body:broadband', 'title:"chart"', 'path:tech/*',
    'chelsea AND (arsenal OR liverpool)', '"interest rates"', 'byline:smith',
    'music NOT (download OR online)', 'lang:en AND title:rugby', '"european union" -france',
    'blair brown', 'software microsoft',
]
RANKED = [
    'profit', 'music download', 'election labour', 'mobile phone', 'oil price', 'tax',
    'chelsea', 'iraq', 'football', 'film award', 'broadband internet', 'interest rates',
    'champions league', 'video games', 'house prices', 'tennis open', 'airline',
    'china economy', 'spam email', 'actor oscar',
]


def ids_of(results):
    return [h["id"] for h in results["hits"]]


def partition(results):
    groups = set()
    for h in results["hits"]:
        groups.add(frozenset([h["id"], *[c["id"] for c in h.get("copies", [])]]))
    return groups


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default="target/debug/newsdex")
    ap.add_argument("--url", required=True, help="the cluster, e.g. http://127.0.0.1:9200")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--cluster", default="scripts/opensearch-cluster")
    ap.add_argument("--cluster-dir", default=None, help="--dir given to the cluster script")
    ap.add_argument("--kill-node", type=int, default=0)
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    bbc = os.path.join(a.shared, "corpora", "bbc-news", "bbc")
    if not os.path.isdir(bbc):
        print(f"!! {bbc} is absent: SKIPPING the OpenSearch checks")
        return 2
    work = a.work or tempfile.mkdtemp(prefix="newsdex-os-")
    os.makedirs(work, exist_ok=True)
    url = a.url.rstrip("/")

    # 1. push, with a node killed on the way
    local = os.path.join(work, "bbc-index")
    shutil.rmtree(local, ignore_errors=True)
    index_local(binary, bbc, local)
    engine = f"{url}/bbc"
    args = [binary, "push", "--url", engine, "--index", local, "--json", "--batch", "50", "--fresh"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if a.kill_node:
        # Mid-push: once a fifth of the articles are in (indexing operations on the
        # primaries; refreshes are off while a first push loads).
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            try:
                stats = http(f"{url}/bbc-*/_stats/indexing")
                done = stats["_all"]["primaries"]["indexing"]["index_total"]
            except Exception:
                done = 0
            if done >= 2225 // 5:
                break
            time.sleep(0.2)
        cluster_args = [a.cluster, "kill-node", str(a.kill_node)]
        if a.cluster_dir:
            cluster_args += ["--dir", a.cluster_dir]
        run(cluster_args)
        print(f"killed node {a.kill_node} while the push ran (after {done} articles)", flush=True)
    out, err = proc.communicate()
    attempts = 1
    while proc.returncode != 0 and attempts < 4:
        print(f"push ended with {proc.returncode}: {err.strip()[-300:]}; pushing again", flush=True)
        attempts += 1
        code, summary, err = push(binary, local, engine)
        proc.returncode = code
    report("push finishes (resuming if stopped)", proc.returncode == 0, f"{attempts} run(s)")
    local_ids = {h["id"] for h in Side(binary, local).ids("", limit=10000)["hits"]}
    docs = all_docs(url, "bbc")
    dups = docs.pop("__duplicates__", [])
    report("nothing lost or duplicated", set(docs) == local_ids and not dups,
           f"{len(docs)} documents on the cluster, {len(local_ids)} local, {len(dups)} duplicated")

    here = Side(binary, local)
    there = Side(binary, local, engine)
    # 2. the same matches
    bad = []
    for q in BOOLEAN:
        l, r = set(ids_of(here.ids(q))), set(ids_of(there.ids(q)))
        if l != r:
            bad.append(f"{q!r}: {len(l)} local, {len(r)} cluster, {len(l ^ r)} differ")
    report(f"same matching ids on {len(BOOLEAN)} boolean and phrase queries", not bad, "; ".join(bad))
    # 3. ranking
    overlaps = []
    for q in RANKED:
        for any_ in (False, True):
            l = ids_of(here.ids(q, limit=10, any_=any_))
            r = ids_of(there.ids(q, limit=10, any_=any_))
            overlaps.append((len(set(l) & set(r)), min(len(l), 10), q + (" (any)" if any_ else "")))
    low = [f"{q!r} {n}/{m}" for n, m, q in overlaps if n < min(8, m)]
    mean = sum(n for n, _, _ in overlaps) / len(overlaps)
    report(f"top-10 overlap >= 8 on {len(overlaps)} ranked queries", not low,
           f"mean {mean:.2f}" + ("; below: " + ", ".join(low) if low else ""))
    # 4. collapse
    bad = []
    for q in BOOLEAN + RANKED:
        l, r = partition(here.ids(q, collapse=True)), partition(there.ids(q, collapse=True))
        if l != r:
            bad.append(q)
    report("collapse folds the same copies", not bad, ", ".join(bad))

    # 5. timeline and facets on the fixtures
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    fixtures = os.path.join(work, "fixtures")
    shutil.rmtree(fixtures, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "fixtures"), fixtures)
    fx_index = os.path.join(work, "fixtures-index")
    shutil.rmtree(fx_index, ignore_errors=True)
    run([binary, "index", "--quiet", fixtures, "--index", fx_index])
    code, _, err = push(binary, fx_index, f"{url}/fixtures", "--fresh")
    report("fixtures pushed", code == 0, err.strip()[-300:])
    fh, ft = Side(binary, fx_index), Side(binary, fx_index, f"{url}/fixtures")
    bad = []
    for q in ["", "strike", "ferry OR harbour"]:
        for by in ["day", "week", "month", "year"]:
            args = ["timeline", q, "--by", by, "--format", "json"]
            l, r = fh.cmd(*args), ft.cmd(*args)
            if l != r:
                bad.append(f"timeline {q!r} by {by}")
        l, r = fh.cmd("timeline", q, "--by", "year", "--normalize", "--format", "json"), \
            ft.cmd("timeline", q, "--by", "year", "--normalize", "--format", "json")
        if l != r:
            bad.append(f"timeline {q!r} normalized")
        for facet in ["byline", "year", "source", "language"]:
            args = ["facets", facet, q, "--format", "json", "--limit", "1000"]
            l, r = fh.cmd(*args), ft.cmd(*args)
            if l != r:
                bad.append(f"facets {facet} {q!r}")
    report("timeline buckets and facet counts equal", not bad, ", ".join(bad))
    for facet in ["source", "language"]:
        args = ["facets", facet, "", "--format", "json"]
        if here.cmd(*args) != there.cmd(*args):
            report(f"BBC facet {facet} equal", False)

    # 6. incremental push
    copy = os.path.join(work, "bbc-copy")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(bbc, copy)
    inc_index = os.path.join(work, "inc-index")
    shutil.rmtree(inc_index, ignore_errors=True)
    index_local(binary, copy, inc_index)
    code, first, err = push(binary, inc_index, f"{url}/inc", "--fresh")
    report("incremental: first push", code == 0, err.strip()[-300:])
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(copy) for f in fs if f.endswith(".txt"))
    rng = random.Random(7)
    picked = rng.sample(files, 100)
    for f in picked[:50]:
        with open(f, "a", encoding="utf-8") as out:
            out.write("\nThis paragraph was added by an editor after publication.\n")
    for f in picked[50:]:
        os.remove(f)
    for i in range(50):
        with open(os.path.join(copy, "tech", f"added-{i:02}.txt"), "w", encoding="utf-8") as out:
            out.write(f"Added story number {i} about lighthouses\n\n"
                      f"Keepers of lighthouse {i} reported a bright new lamp this week, "
                      f"the {i}th such report in the archive of added stories.\n")
    index_local(binary, copy, inc_index)
    code, second, err = push(binary, inc_index, f"{url}/inc")
    sent = second and (second["added"], second["updated"], second["deleted"])
    report("incremental push sends only the 50 edits, 50 deletions and 50 additions",
           code == 0 and sent == (50, 50, 50), f"added, updated, deleted = {sent} {err.strip()[-200:]}")
    code, _, err = push(binary, inc_index, f"{url}/incfresh", "--fresh")
    a_docs, b_docs = all_docs(url, "inc"), all_docs(url, "incfresh")
    same = a_docs == b_docs
    report("the incremental push converges to a fresh push", code == 0 and same,
           f"{len(a_docs)} and {len(b_docs)} documents"
           + ("" if same else f", {sum(1 for k in a_docs if a_docs[k] != b_docs.get(k))} differ"))
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
