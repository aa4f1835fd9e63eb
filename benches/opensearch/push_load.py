#!/usr/bin/env python3
"""`newsdex push` against a plain bulk load of the same NDJSON with curl, side by side.

    python3 benches/opensearch/push_load.py --bin target/release/newsdex --url http://127.0.0.1:9200 \
        [--copies 10] [--rounds 3] [--batch 1000] [--work DIR]

The archive is N copies of the BBC News corpus (benches/copies.py builds it), indexed once
locally. One load of each warms the cluster up first (not counted). `newsdex export --to opensearch-bulk` writes its articles as one bulk stream, cut
into files of --batch articles (what a script would post). Each round, in alternating
order:

- curl: creates an index from schema/opensearch/articles.json with the settings a first
  push uses (refreshes off while loading), posts the files one after another with
  `curl --data-binary`, then refreshes;
- newsdex: `newsdex push --fresh` of the same index (the same batch size), which creates
  its own index, loads it, refreshes, counts and moves the alias.

Both are timed as whole commands (wall clock); the indexes of a round are deleted after
it. Reported: the median time and articles per second of each, and the median of the
per-round ratios (newsdex throughput / curl throughput; above 1 is faster). Results also
go to WORK/push-load.json. Needs ../shared/corpora/bbc-news (or $NEWSDEX_SHARED) and curl.
"""

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from copies import build_archive  # noqa: E402


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def http(url, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return json.loads(e.read() or b"null")


def create_body():
    body = json.load(open(os.path.join(ROOT, "schema", "opensearch", "articles.json")))

    def strip(v):
        if isinstance(v, dict):
            v.pop("_comment", None)
            for x in v.values():
                strip(x)
        elif isinstance(v, list):
            for x in v:
                strip(x)
    strip(body)
    body["settings"]["index"]["refresh_interval"] = "-1"
    return body


def curl_load(url, name, parts):
    started = time.perf_counter()
    r = http(f"{url}/{name}", "PUT", create_body())
    assert r.get("acknowledged"), r
    for p in parts:
        out = subprocess.run(["curl", "-s", "-H", "Content-Type: application/x-ndjson", "-XPOST",
                              f"{url}/{name}/_bulk", "--data-binary", f"@{p}"],
                             check=True, capture_output=True).stdout
        if b'"errors":true' in out[:200]:
            sys.exit(f"curl: bulk errors in {p}")
    http(f"{url}/{name}/_settings", "PUT", {"index": {"refresh_interval": None}})
    http(f"{url}/{name}/_refresh", "POST")
    return time.perf_counter() - started


def push_load(binary, index, url, name, batch):
    started = time.perf_counter()
    p = subprocess.run([binary, "push", "--url", f"{url}/{name}", "--index", index, "--fresh",
                        "--batch", str(batch), "--json"], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"push failed: {p.stderr}")
    took = time.perf_counter() - started
    return took, json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default="target/release/newsdex")
    ap.add_argument("--url", required=True)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--work", default="/tmp/newsdex-push-load")
    a = ap.parse_args()
    shared = os.environ.get("NEWSDEX_SHARED", os.path.join(ROOT, "..", "shared"))
    bbc = os.path.join(shared, "corpora", "bbc-news", "bbc")
    if not os.path.isdir(bbc) or not shutil.which("curl"):
        print(f"!! {bbc} or curl is absent: SKIPPING the push load")
        return 0
    binary = os.path.abspath(a.bin)
    url = a.url.rstrip("/")
    os.makedirs(a.work, exist_ok=True)
    archive, _ = build_archive(bbc, a.work, a.copies)
    index = os.path.join(a.work, f"index-{a.copies}")
    if not os.path.isdir(index):
        subprocess.run([binary, "index", "--quiet", archive, "--index", index], check=True)
    parts_dir = os.path.join(a.work, "parts")
    shutil.rmtree(parts_dir, ignore_errors=True)
    os.makedirs(parts_dir)
    export = subprocess.run([binary, "export", "--to", "opensearch-bulk", "--index", index],
                            check=True, capture_output=True).stdout.split(b"\n")
    lines = [l for l in export if l]
    articles = len(lines) // 2
    size = 0
    for i in range(0, len(lines), 2 * a.batch):
        chunk = b"\n".join(lines[i:i + 2 * a.batch]) + b"\n"
        size += len(chunk)
        with open(os.path.join(parts_dir, f"{i // (2 * a.batch):05}.bulk"), "wb") as f:
            f.write(chunk)
    parts = sorted(glob.glob(os.path.join(parts_dir, "*.bulk")))
    log(f"{articles} articles, {size / 1e6:.1f} MB of bulk NDJSON in {len(parts)} files")
    # A warm-up load of each (not counted): the nodes' JIT and caches warm up on the
    # first load, which would otherwise favour whichever comes second.
    curl_load(url, "curlload-warmup", parts)
    http(f"{url}/curlload-warmup", "DELETE")
    _, summary = push_load(binary, index, url, "pushloadwarmup", a.batch)
    http(f"{url}/{summary['index']}", "DELETE")
    rows = []
    for r in range(a.rounds):
        order = ["curl", "push"] if r % 2 == 0 else ["push", "curl"]
        times = {}
        for who in order:
            if who == "curl":
                times["curl"] = curl_load(url, f"curlload-{r}", parts)
                http(f"{url}/curlload-{r}", "DELETE")
            else:
                took, summary = push_load(binary, index, url, f"pushload{r}", a.batch)
                assert summary["documents"] == articles, summary
                times["push"] = took
                http(f"{url}/{summary['index']}", "DELETE")
        rows.append(times)
        log(f"round {r + 1}: curl {times['curl']:.2f} s, newsdex push {times['push']:.2f} s")
    for pattern in ("pushload*",):
        http(f"{url}/{pattern}", "DELETE")
    curl_t = statistics.median(t["curl"] for t in rows)
    push_t = statistics.median(t["push"] for t in rows)
    ratio = statistics.median(t["curl"] / t["push"] for t in rows)
    result = {"articles": articles, "bytes": size, "batch": a.batch, "rounds": rows,
              "curl_median_s": curl_t, "push_median_s": push_t,
              "curl_articles_per_s": articles / curl_t, "push_articles_per_s": articles / push_t,
              "throughput_ratio": ratio}
    json.dump(result, open(os.path.join(a.work, "push-load.json"), "w"), indent=2)
    print(f"{'':10} {'median s':>9} {'articles/s':>11}")
    print(f"{'curl':10} {curl_t:9.2f} {articles / curl_t:11.0f}")
    print(f"{'push':10} {push_t:9.2f} {articles / push_t:11.0f}")
    print(f"newsdex push / curl throughput: {ratio:.2f}x (median of {a.rounds} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
