#!/usr/bin/env bash
# Browser tests of the search page: indexes a copy of fixtures/ plus one hostile article,
# serves it on a free loopback port and drives Debian's Chromium through it with
# playwright-core (tests/browser/search.test.mjs).
#
#   bash tests/browser/run.sh [path/to/newsdex]      (default: target/debug/newsdex)
#
# Builds nothing: build newsdex first. Needs node (>= 20) and /usr/bin/chromium
# (`apt-get install -y chromium`); CHROMIUM=/path overrides the browser.
# Writes the screenshot docs/img/search-page.png.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo/tests/browser"
bin="${1:-target/debug/newsdex}"
case "$bin" in
  /*) ;;
  *) bin="$(cd "$repo" && cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;;
esac
if [[ ! -x "$bin" ]]; then
  echo "run.sh: no newsdex binary at $bin (build it first, or pass its path)" >&2
  exit 2
fi
if ! command -v node >/dev/null; then
  echo "run.sh: node is not installed" >&2
  exit 2
fi
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "run.sh: no Chromium at $chromium (apt-get install -y chromium)" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/newsdex-browser.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The archive: the fixtures and one article whose title and body are markup.
archive="$work/archive"
mkdir -p "$archive"
cp -R "$repo/fixtures/." "$archive/"
cat > "$archive/xss.txt" <<'EOF'
<script>window.__xss=1</script> Harbour <img src=x onerror="window.__xss=2"> report

The harbour master's note read <script>window.__xss=3</script> and the ferry timetable would return to normal on Monday.

Repairs to the harbour wall were finished after the storm, and the note was handed to the harbour police, who said it was a prank.

Ferry operators said bookings had already recovered.
EOF

index="$work/index"
"$bin" index --quiet "$archive" --index "$index"

# Serve on a free port; the first line of stdout is the URL.
fifo="$work/serve.out"
mkfifo "$fifo"
"$bin" serve --index "$index" --addr 127.0.0.1:0 >"$fifo" 2>"$work/serve.err" &
server_pid=$!
exec 3<"$fifo"
url=""
if ! IFS= read -r -t 30 url <&3; then
  echo "run.sh: the server printed no URL within 30 s" >&2
  cat "$work/serve.err" >&2 || true
  exit 1
fi
# Keep draining the server's stdout so it never blocks on a full pipe.
cat <&3 >/dev/null &
exec 3<&-
case "$url" in
  http://127.0.0.1:*) ;;
  *) echo "run.sh: unexpected first line from the server: $url" >&2; exit 1 ;;
esac
echo "server: $url (pid $server_pid)"

if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$repo/docs/img"
status=0
CHROMIUM="$chromium" SCREENSHOT="$repo/docs/img/search-page.png" \
  node "$here/search.test.mjs" "$url" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server stderr ---" >&2
  tail -n 40 "$work/serve.err" >&2 || true
fi
exit "$status"
