#!/usr/bin/env bash
# Holds N WebSocket connections (default 1000) open on `gatehouse serve` and prints the server's memory per
# connection, the time to open them, and a broadcast round trip over @connections. Issue #8, point 9.
# Benchmarks print figures; they do not pass or fail.
#
#   tests/bench/websocket_connections.sh [build-dir] [connections]     (default: <repo>/build, 1000)
#
# Needs node and the `ws` package (../shared/validate/install.sh puts it in /tmp/validate-tools).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build}
count=${2:-1000}
gatehouse=$build/bin/gatehouse
tools=${VALIDATE_HOME:-/tmp/validate-tools}
[[ -x $gatehouse ]] || { echo "no $gatehouse: build the gatehouse target first" >&2; exit 2; }
command -v node >/dev/null || { echo "websocket_connections: node is not installed; skipped" >&2; exit 0; }
[[ -d $tools/node_modules/ws ]] || { echo "websocket_connections: no ws package in $tools; skipped" >&2; exit 0; }

tmp=$(mktemp -d)
pid=
cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$tmp/project/functions/ws"
cat >"$tmp/project/functions/ws/index.js" <<'JS'
exports.handler = (event) => ({ statusCode: 200, body: event.body || '' });
JS
cat >"$tmp/project/gatehouse.json" <<'JSON'
{"formatVersion": 1, "name": "ws-bench", "settings": {"concurrencyLimit": 64},
 "functions": [{"name": "ws", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/ws"}],
 "apis": [{"name": "bench-ws", "type": "websocket",
           "routes": [{"routeKey": "$connect", "integration": {"type": "lambda", "function": "ws"}},
                      {"routeKey": "$default", "routeResponse": true, "integration": {"type": "lambda", "function": "ws"}}],
           "stages": [{"name": "dev"}]}]}
JSON

"$gatehouse" serve "$tmp/project" --quiet --no-watch --endpoints-file "$tmp/endpoints.json" >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 150); do [[ -s $tmp/endpoints.json ]] && break; sleep 0.1; done
[[ -s $tmp/endpoints.json ]] || { echo "gatehouse serve did not start:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
url=$(node -e 'const e=require(process.argv[1]); console.log(e.apis.find(a=>a.type==="websocket").stages[0].url)' "$tmp/endpoints.json")
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }

before=$(rss_kb)
NODE_PATH=$tools/node_modules node -e '
const WebSocket = require("ws");
const [url, count, statusFile] = [process.argv[1], +process.argv[2], process.argv[3]];
const fs = require("fs");
const sockets = [];
const started = process.hrtime.bigint();
let open = 0, failed = 0;
function report(stage, extra) { fs.writeFileSync(statusFile, JSON.stringify({stage, open, failed, ...extra})); }
// At most 32 handshakes in flight: each runs the $connect function, and a burst beyond the project
// concurrency limit is throttled (a 500 on the upgrade), as Lambda would.
let next = 0;
function openOne() {
  if (next >= count) return;
  next++;
  const ws = new WebSocket(url);
  const settle = (ok) => {
    ok ? open++ : failed++;
    if (open + failed === count) allOpen(); else openOne();
  };
  ws.on("open", () => settle(true));
  ws.on("unexpected-response", () => settle(false));
  ws.on("error", () => settle(false));
  sockets.push(ws);
}
for (let i = 0; i < 32; i++) openOne();
function allOpen() {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  report("open", {openMs: ms});
  // One echo round trip on a connection while all are held, then wait for the parent to measure.
  const t0 = process.hrtime.bigint();
  const first = sockets.find((s) => s.readyState === WebSocket.OPEN);
  if (!first) { report("held", {openMs: ms}); return process.exit(0); }
  first.once("message", () => {
    report("held", {openMs: ms, echoUs: Number(process.hrtime.bigint() - t0) / 1e3});
    setTimeout(() => { sockets.forEach((s) => s.close(1000)); setTimeout(() => process.exit(0), 500); }, 2000);
  });
  first.send("ping");
}
' "$url" "$count" "$tmp/status.json" &
client=$!
for _ in $(seq 300); do grep -q '"held"' "$tmp/status.json" 2>/dev/null && break; sleep 0.1; done
held=$(rss_kb)
status=$(cat "$tmp/status.json" 2>/dev/null || echo '{}')
wait "$client" || true
for _ in $(seq 50); do sleep 0.1; done
after=$(rss_kb)

node -e '
const [count, before, held, after, status] = [+process.argv[1], +process.argv[2], +process.argv[3], +process.argv[4], JSON.parse(process.argv[5])];
console.log(`websocket connections held open on gatehouse serve: ${status.open}/${count} (failed: ${status.failed})`);
console.log(`  time to open all:               ${status.openMs?.toFixed(0)} ms`);
console.log(`  echo round trip while held:     ${status.echoUs?.toFixed(0)} us`);
console.log(`  server RSS before / held / after: ${(before/1024).toFixed(1)} / ${(held/1024).toFixed(1)} / ${(after/1024).toFixed(1)} MiB`);
console.log(`  memory per held connection:     ${((held - before) / count).toFixed(1)} KiB`);
' "$count" "$before" "$held" "$after" "$status"
