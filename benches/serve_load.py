#!/usr/bin/env python3
"""Load on `newsdex serve` against `tantivy-cli serve`, on the same articles, one after
the other in alternating order: N concurrent clients (wrk) over a fixed query list.

    python3 benches/serve_load.py --bin target/release/newsdex [--copies 10]
        [--connections 16] [--duration 30] [--rounds 2] [--work /tmp/newsdex-copies]

The archive is benches/copies.py's (N copies of BBC News: every story N times).
tantivy-cli indexes the same articles as NDJSON (title, byline, body with en_stem, as
benches/run sets it up) and answers `GET /api?q=Q&nhits=10` with the stored documents;
newsdex answers `GET /api/search?q=Q&limit=10`: snippets with highlights and syndicated
copies collapsed (so it returns ten distinct stories with their copies listed, where
tantivy-cli returns the ten best documents, often ten copies of one story).

Each round runs wrk (2 threads, --connections connections, --duration seconds, the 200
queries of benches/queries.txt without a date range in turn) against each server after a
5-second warm-up, while the server's resident memory is sampled every 0.5 s. Reported
per server, median over rounds: requests/s, p50 and p99 latency (wrk --latency), errors
(non-2xx answers and socket errors), and resident memory at the start and end of the
timed run and its peak. Results go to stdout and WORK/serve-load.json.

Needs wrk (apt-get install wrk), tantivy-cli (benches/run installs it into
$NEWSDEX_BENCH_DIR/tools; or --tantivy PATH), and ../shared/corpora/bbc-news; without
them it says what is missing and exits 0 (skipped).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import copies  # noqa: E402
import corpus  # noqa: E402

TANTIVY_SCHEMA = [
    {"name": "id", "type": "text", "options": {"indexing": {"record": "basic", "fieldnorms": False, "tokenizer": "raw"}, "stored": True, "fast": False}},
    {"name": "path", "type": "text", "options": {"indexing": {"record": "basic", "fieldnorms": False, "tokenizer": "raw"}, "stored": True, "fast": False}},
    {"name": "title", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"}, "stored": True, "fast": False}},
    {"name": "byline", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"}, "stored": True, "fast": False}},
    {"name": "body", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"}, "stored": True, "fast": False}},
]

WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("NEWSDEX_LOAD_PATHS")) do
  paths[#paths + 1] = line
end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_http(url, timeout=60):
    t0 = time.time()
    while time.time() - t0 < timeout:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return True
        except Exception:
            time.sleep(0.2)
    return False


def tantivy_index(tantivy, ndjson, idx):
    if os.path.exists(os.path.join(idx, "done")):
        return
    shutil.rmtree(idx, ignore_errors=True)
    os.makedirs(idx)
    meta = {"index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
            "segments": [], "schema": TANTIVY_SCHEMA, "opstamp": 0}
    with open(os.path.join(idx, "meta.json"), "w") as f:
        json.dump(meta, f)
    feed = os.path.join(idx, "..", "tantivy-feed.ndjson")
    with open(ndjson, encoding="utf-8") as src, open(feed, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            r = json.loads(line)
            doc = {"id": f"a{i:08d}", "path": r["path"], "title": r["title"], "body": r["body"]}
            if r.get("byline"):
                doc["byline"] = r["byline"]
            out.write(json.dumps(doc) + "\n")
    r = subprocess.run([tantivy, "index", "-i", idx, "-f", feed, "-t", "2", "-m", "256000000"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"tantivy-cli index failed: {r.stderr[-500:]}")
    open(os.path.join(idx, "done"), "w").close()


def run_wrk(wrk, url, paths_file, connections, duration, script):
    env = dict(os.environ, NEWSDEX_LOAD_PATHS=paths_file)
    r = subprocess.run([wrk, "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--latency",
                        "--timeout", "10s", "-s", script, url], capture_output=True, text=True, env=env)
    out = r.stdout
    res = {"raw": out}

    def ms(s):
        s = s.strip()
        for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
            if s.endswith(unit):
                return float(s[: -len(unit)]) * f
        return float(s)

    for line in out.splitlines():
        t = line.split()
        if line.strip().startswith("50%"):
            res["p50_ms"] = ms(t[1])
        elif line.strip().startswith("99%"):
            res["p99_ms"] = ms(t[1])
        elif line.startswith("Requests/sec:"):
            res["rps"] = float(t[1])
        elif "requests in" in line:
            res["requests"] = int(t[0])
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            res["non2xx"] = int(t[-1])
        elif line.strip().startswith("Socket errors:"):
            # Socket errors: connect 0, read 0, write 0, timeout 0
            nums = [int(x.strip(",")) for x in t if x.strip(",").isdigit()]
            res["socket_errors"] = sum(nums)
    res.setdefault("non2xx", 0)
    res.setdefault("socket_errors", 0)
    res["errors"] = res["non2xx"] + res["socket_errors"]
    return res


def measure(name, cmd, url, check_path, wrk, paths_file, a, script):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        if not wait_http(url + check_path):
            sys.exit(f"{name} did not start: {' '.join(cmd)}")
        run_wrk(wrk, url, paths_file, a.connections, 5, script)  # warm-up
        samples = []
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                samples.append(rss_kb(proc.pid))
                time.sleep(0.5)

        t = threading.Thread(target=sample)
        t.start()
        res = run_wrk(wrk, url, paths_file, a.connections, a.duration, script)
        stop.set()
        t.join()
        samples = [s for s in samples if s]
        res["rss_start_mb"] = samples[0] / 1024 if samples else None
        res["rss_end_mb"] = samples[-1] / 1024 if samples else None
        res["rss_peak_mb"] = max(samples) / 1024 if samples else None
        res["alive"] = proc.poll() is None
        return res
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/newsdex"))
    ap.add_argument("--tantivy", default=os.path.join(corpus.bench_dir(), "tools", "tantivy-cli", "bin", "tantivy"))
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--duration", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--work", default="/tmp/newsdex-copies")
    ap.add_argument("--shared", default=os.environ.get("NEWSDEX_SHARED", os.path.join(ROOT, "..", "shared")))
    a = ap.parse_args()

    wrk = shutil.which("wrk")
    bbc = os.path.join(a.shared, "corpora", "bbc-news", "bbc")
    missing = [what for what, ok in (("wrk", wrk), ("tantivy-cli at " + a.tantivy, os.path.exists(a.tantivy)),
                                     ("BBC corpus at " + bbc, os.path.isdir(bbc))) if not ok]
    if missing:
        log("SKIPPED: serve_load.py needs " + ", ".join(missing))
        return 0
    os.makedirs(a.work, exist_ok=True)
    archive, ndjson = copies.build_archive(bbc, a.work, a.copies)
    # Built by this build every time (a few seconds): an index of another schema version
    # would be refused.
    nd_idx = os.path.join(a.work, "index")
    shutil.rmtree(nd_idx, ignore_errors=True)
    subprocess.run([a.bin, "index", "-q", archive, "--index", nd_idx], check=True)
    tv_idx = os.path.join(a.work, "tantivy-index")
    tantivy_index(a.tantivy, ndjson, tv_idx)

    queries = [q for _, q in copies.load_queries(None)]
    script = os.path.join(a.work, "load.lua")
    with open(script, "w") as f:
        f.write(WRK_SCRIPT)
    files = {}
    for name, fmt in (("newsdex", "/api/search?q={}&limit=10"), ("tantivy-cli", "/api?q={}&nhits=10")):
        files[name] = os.path.join(a.work, f"paths-{name}.txt")
        with open(files[name], "w") as f:
            for q in queries:
                f.write(fmt.format(urllib.parse.quote(q)) + "\n")

    results = {"newsdex": [], "tantivy-cli": []}
    for r in range(a.rounds):
        order = ["newsdex", "tantivy-cli"] if r % 2 == 0 else ["tantivy-cli", "newsdex"]
        for name in order:
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            if name == "newsdex":
                cmd = [a.bin, "serve", "--index", nd_idx, "--addr", f"127.0.0.1:{port}"]
                check = "/api/stats"
            else:
                cmd = [a.tantivy, "serve", "-i", tv_idx, "--host", "127.0.0.1", "--port", str(port)]
                check = "/api?q=test&nhits=1"
            log(f"round {r + 1}: {name}")
            res = measure(name, cmd, url, check, wrk, files[name], a, script)
            log(f"  {res.get('rps', 0):.0f} req/s, p50 {res.get('p50_ms', 0):.2f} ms, p99 {res.get('p99_ms', 0):.2f} ms, "
                f"errors {res['errors']}, RSS {res['rss_start_mb']:.0f} -> {res['rss_end_mb']:.0f} MB")
            results[name].append(res)

    def med(name, key):
        xs = [r[key] for r in results[name] if r.get(key) is not None]
        return statistics.median(xs) if xs else None

    summary = {name: {k: med(name, k) for k in ("rps", "p50_ms", "p99_ms", "errors", "rss_start_mb", "rss_end_mb", "rss_peak_mb")}
               for name in results}
    summary["throughput newsdex/tantivy-cli"] = summary["newsdex"]["rps"] / summary["tantivy-cli"]["rps"]
    with open(os.path.join(a.work, "serve-load.json"), "w") as f:
        json.dump({"summary": summary, "rounds": results, "connections": a.connections,
                   "duration_s": a.duration, "queries": len(queries), "copies": a.copies}, f, indent=2)
    print(f"{a.copies} copies of BBC News ({a.copies * 2225:,} articles), {len(queries)} queries, "
          f"{a.connections} connections, {a.duration} s per run, median of {a.rounds} rounds")
    print(f"{'':12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'RSS start':>10} {'RSS end':>8} {'peak':>6}")
    for name in ("newsdex", "tantivy-cli"):
        s = summary[name]
        print(f"{name:12} {s['rps']:8.0f} {s['p50_ms']:8.2f} {s['p99_ms']:8.2f} {s['errors']:7.0f} "
              f"{s['rss_start_mb']:10.0f} {s['rss_end_mb']:8.0f} {s['rss_peak_mb']:6.0f}")
    print(f"throughput newsdex / tantivy-cli: {summary['throughput newsdex/tantivy-cli']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
