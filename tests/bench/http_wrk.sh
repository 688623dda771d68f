#!/usr/bin/env bash
# Measures Gatehouse's HTTP layer (bench_http_server) against nginx with wrk on loopback: same
# 17-byte JSON body, 16 and 64 keep-alive connections. Prints req/s, p50/p99 latency, the server's
# CPU time per request (steadier than req/s when the machine is busy) and the Gatehouse/nginx
# ratio. Benchmarks print figures; they do not pass or fail.
#
#   tests/bench/http_wrk.sh [build-dir]        (default: <repo>/build-http-rel; a Release build)
#   DURATION=10s THREADS=2 tests/bench/http_wrk.sh
#
# nginx is optional (apt-get install nginx-light); without it only Gatehouse is measured.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build-http-rel}
bench=$build/bin/bench_http_server
duration=${DURATION:-5s}
threads=${THREADS:-2}
connections=(16 64)

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x $bench ]] || { echo "no $bench: build the bench_http_server target (Release) first" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits (bounded: 10 s) until something answers HTTP on the port.
wait_for_port() {
    for _ in $(seq 100); do
        if curl -s -o /dev/null "http://127.0.0.1:$1/"; then return 0; fi
        sleep 0.1
    done
    echo "nothing answered on port $1" >&2
    return 1
}

# CPU ticks (user + system) used so far by a process and its children threads/processes.
cpu_ticks() {
    local total=0 pid
    for pid in "$@" $(pgrep -P "$1" || true); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# Runs wrk against the server whose (master) pid is $3 and prints
# "<req/s> <p50> <p99> <cpu µs per request>" (latencies as wrk prints them, e.g. 120.00us).
measure() {
    local url=$1 conns=$2 pid=$3 out before after
    before=$(cpu_ticks "$pid")
    out=$(wrk -t"$threads" -c"$conns" -d"$duration" --latency "$url")
    after=$(cpu_ticks "$pid")
    echo "$out" >"$tmp/wrk-$conns-$(echo "$url" | tr -c 'a-z0-9' '_').txt"
    local rps p50 p99
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local requests cpu errors
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN {printf "%.1fus", t / hz * 1e6 / n}')
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
    echo "$rps $p50 $p99 $cpu ${errors:+($errors)}"
}

"$bench" --port 0 --quit-after-s 300 >"$tmp/bench.out" 2>&1 &
gh_pid=$!
pids+=("$gh_pid")
for _ in $(seq 100); do grep -q '^listening' "$tmp/bench.out" && break; sleep 0.1; done
gh_url=$(awk '/^listening/ {print $2}' "$tmp/bench.out")
[[ -n $gh_url ]] || { echo "bench_http_server did not start:" >&2; cat "$tmp/bench.out" >&2; exit 1; }
gh_url="$gh_url/"
echo "Gatehouse: $(cat "$tmp/bench.out")"
echo "  body: $(curl -s "$gh_url") ($(curl -s "$gh_url" | wc -c) bytes)"

nginx_url=""
if command -v nginx >/dev/null; then
    port=$(free_port)
    mkdir -p "$tmp/nginx"
    cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$port;
        location / { default_type application/json; return 200 '{"hello":"world"}'; }
    }
}
CONF
    nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
    ng_pid=$!
    pids+=("$ng_pid")
    wait_for_port "$port"
    nginx_url="http://127.0.0.1:$port/"
    echo "nginx:     $(nginx -v 2>&1) on $nginx_url, 2 worker processes"
    echo "  body: $(curl -s "$nginx_url") ($(curl -s "$nginx_url" | wc -c) bytes)"
else
    echo "nginx:     not installed; measuring Gatehouse only"
fi

echo
echo "wrk -t$threads -d$duration, loopback, $(nproc) cores shared by server and wrk; load average now:" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
row='%-6s %-10s %12s %10s %10s %10s  %s\n'
# shellcheck disable=SC2059
printf "$row" conns server req/s p50 p99 cpu/req notes
for conns in "${connections[@]}"; do
    read -r gh_rps gh_p50 gh_p99 gh_cpu gh_notes <<<"$(measure "$gh_url" "$conns" "$gh_pid")"
    # shellcheck disable=SC2059
    printf "$row" "$conns" gatehouse "$gh_rps" "$gh_p50" "$gh_p99" "$gh_cpu" "$gh_notes"
    if [[ -n $nginx_url ]]; then
        read -r ng_rps ng_p50 ng_p99 ng_cpu ng_notes <<<"$(measure "$nginx_url" "$conns" "$ng_pid")"
        # shellcheck disable=SC2059
        printf "$row" "$conns" nginx "$ng_rps" "$ng_p50" "$ng_p99" "$ng_cpu" "$ng_notes"
        printf '%-6s %-10s %12s\n' "$conns" ratio "$(awk -v a="$gh_rps" -v b="$ng_rps" 'BEGIN {printf "%.2fx", a / b}')"
    fi
done
