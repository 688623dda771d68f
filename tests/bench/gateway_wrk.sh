#!/usr/bin/env bash
# Measures `gatehouse serve` end to end with wrk on loopback (issue 4, point 14): GET /hello (the handler
# returns {"message":"hello"}) and POST /echo (1 KiB of JSON echoed back) at 1, 16 and 64 keep-alive
# connections, on
#   gatehouse-js    Gatehouse, functions of the embedded JavaScript runtime ("javascript")
#   gatehouse-node  Gatehouse, the same functions on "nodejs20.x" (real node processes speaking the Lambda
#                   Runtime API; as many execution environments as cores, pre-warmed). Requests beyond
#                   the environments are throttled as on AWS, so this one also runs at connections =
#                   environments, and req/s everywhere counts 2xx answers only
#   nginx           the physical reference: the same answers straight from nginx
#   sls, sls-inproc serverless-offline 13 on serverless 3 (the peer users pick today), by default and with
#                   --useInProcess; installed by this script with npm into a cache folder on first use
# and, on the embedded runtime, GET /hello while 8 other connections wait on GET /slow (a handler that
# takes 1 s): slow handlers must not hold up other connections.
# Prints req/s (2xx answers only), p50/p99 latency, the server's CPU time per request (steadier than req/s
# when the machine is busy), the resident memory of each server's process tree during the 16-connection
# runs, the ratios to nginx and serverless-offline and the issue's targets beside the figures.
# Benchmarks print figures; they do not pass or fail.
#
#   tests/bench/gateway_wrk.sh [build-dir]      (default: <repo>/build-rel, a Release build of `gatehouse`)
#   DURATION=5s CONNECTIONS="1 16 64" THREADS=2 NODE_ENVS=2 tests/bench/gateway_wrk.sh
#
# Environment: DURATION (per run, default 10s), THREADS (wrk threads, default 2), CONNECTIONS, NODE_ENVS
# (Node.js execution environments, default: the number of cores), SKIP ("nginx sls" skips servers:
# gatehouse-js gatehouse-node nginx sls sls-inproc), SLS_DIR (where serverless-offline is installed,
# default ${XDG_CACHE_HOME:-~/.cache}/gatehouse-bench/serverless-offline).
# nginx (apt-get install nginx-light; libnginx-mod-http-echo for a direct echo), node and npm are optional:
# whatever is missing is reported and skipped. Everything listens on 127.0.0.1 and is stopped on exit.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/tests/bench/gateway
build=${1:-$repo/build-rel}
gatehouse=$build/bin/gatehouse
duration=${DURATION:-10s}
threads=${THREADS:-2}
read -r -a connections <<<"${CONNECTIONS:-1 16 64}"
cores=$(nproc)
node_envs=${NODE_ENVS:-$cores}
skip=" ${SKIP:-} "
sls_dir=${SLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/gatehouse-bench/serverless-offline}
routes=("GET /hello" "POST /echo")
servers=(gatehouse-js gatehouse-node nginx sls sls-inproc)
rss_conns=16 # the connection count whose run samples resident memory (the issue's reference load)

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
[[ -x $gatehouse ]] || {
    echo "no $gatehouse: build the gatehouse target (Release) first, e.g." >&2
    echo "  cmake -S $repo -B $repo/build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DGATEHOUSE_GUI=OFF" >&2
    echo "  ninja -C $repo/build-rel gatehouse" >&2
    exit 2
}

tmp=$(mktemp -d)
started=()       # process ids of the servers and helpers this script started
declare -A ended # ... and those already stopped and waited for (never signalled again)
# Remembers a process this script started (a pid seen before may have been reused: it is new now).
track() {
    started+=("$1")
    unset "ended[$1]"
}
cleanup() {
    local pid
    for pid in "${started[@]}"; do [[ -n ${ended[$pid]:-} ]] || stop_tree "$pid"; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# True while the process runs (a child that exited stays a zombie until waited for: not alive).
alive() {
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || true
    [[ -n $state && $state != Z ]]
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits (bounded: $2 tenths of a second, default 100) until something answers HTTP on the port while
# the process $3 (when given) is alive.
wait_for_port() {
    local tries=${2:-100} _
    for _ in $(seq "$tries"); do
        if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then return 0; fi
        if [[ -n ${3:-} ]] && ! alive "$3"; then return 1; fi
        sleep 0.1
    done
    return 1
}

# All descendants of a process (node environments of Gatehouse, nginx workers, ...).
descendants() {
    local child
    for child in $(pgrep -P "$1" || true); do
        echo "$child"
        descendants "$child"
    done
}

# A process's start time (clock ticks since boot): with the pid, it names one process for good.
# (Processes come and go between listing and reading: a vanished one reads as nothing, never as an error.)
start_time() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20 || true; }

# Stops a process and whatever it started, by process id: TERM, up to 5 s to finish, then KILL for it
# and for any descendant still running (checked by start time, so a reused pid is never hit).
stop_tree() {
    local pid=$1 family=() child _
    [[ -n ${ended[$pid]:-} ]] && return 0
    ended[$pid]=1
    for child in $(descendants "$pid"); do family+=("$child:$(start_time "$child")"); done
    if kill -TERM "$pid" 2>/dev/null; then
        for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
        if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    wait "$pid" 2>/dev/null || true
    for child in "${family[@]}"; do
        if [[ $(start_time "${child%%:*}") == "${child#*:}" ]] && alive "${child%%:*}"; then
            kill -KILL "${child%%:*}" 2>/dev/null || true
        fi
    done
    return 0
}

# CPU ticks (user + system, all threads) used so far by a process and its descendants.
cpu_ticks() {
    local total=0 pid
    for pid in "$1" $(descendants "$1"); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# Resident memory in KiB of a process and its descendants (a plain sum: shared pages count per process).
tree_rss_kb() {
    local total=0 pid
    for pid in "$1" $(descendants "$1"); do
        total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# "10s", "1m", "500ms" → whole seconds (at least 1).
seconds_of() {
    awk -v d="$1" 'BEGIN { n = d + 0; if (d ~ /ms$/) n /= 1000; else if (d ~ /m$/) n *= 60;
                           else if (d ~ /h$/) n *= 3600; n = int(n + 0.999); print (n < 1 ? 1 : n) }'
}
duration_s=$(seconds_of "$duration")

# Records the peak of tree_rss_kb $1 into the file $2 every quarter second, for at most $3 seconds.
sample_rss() {
    local peak=0 now _
    for _ in $(seq $(($3 * 4))); do
        now=$(tree_rss_kb "$1")
        ((now > peak)) && peak=$now && echo "$peak" >"$2"
        sleep 0.25
    done
}

mib() { awk -v k="$1" 'BEGIN {printf "%.0f MB", k / 1024}'; }

# wrk's latency ("812.00us", "1.20ms", "1.00s", "2.00m") in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n;
                           else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; print n }'
}

body_file=$tmp/echo-body.json
python3 -c 'import sys; sys.stdout.write("{\"data\":\"" + "x" * 1013 + "\"}")' >"$body_file" # 1024 bytes
export ECHO_BODY_FILE=$body_file

# Checks that the server at the base URL answers GET /hello with {"message":"hello"} and echoes the
# 1 KiB body on POST /echo; prints what is wrong, if anything.
check_answers() {
    local base=$1 hello echo_status
    hello=$(curl -s --max-time 30 "$base/hello" || true)
    if ! python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1]) != {"message": "hello"})' "$hello" \
        2>/dev/null; then
        echo "GET /hello answered '$(head -c 300 <<<"$hello")'"
        return
    fi
    echo_status=$(curl -s --max-time 30 -o "$tmp/echo-answer" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary "@$body_file" "$base/echo" || true)
    if ! cmp -s "$body_file" "$tmp/echo-answer"; then
        echo "POST /echo answered $echo_status '$(head -c 300 "$tmp/echo-answer")' instead of the 1 KiB body"
    fi
}

# Results, keyed "server|route|conns".
declare -A rps p50 p99 cpu notes rss_peak rss_after rss_main rss_children
declare -A unavailable # server → reason

# Runs wrk against the server whose (main) process is $pid and records the figures under the key.
#   measure SERVER ROUTE CONNS URL PID
measure() {
    local server=$1 route=$2 conns=$3 url=$4 pid=$5 key="$1|$2|$3"
    local script=() sampler="" before after out t=$threads
    ((t > conns)) && t=$conns # wrk wants at least one connection per thread
    [[ $route == POST* ]] && script=(-s "$here/echo.lua")
    if [[ $conns == "$rss_conns" ]]; then
        rm -f "$tmp/rss"
        sample_rss "$pid" "$tmp/rss" $((duration_s + 2)) &
        sampler=$!
        track "$sampler"
    fi
    before=$(cpu_ticks "$pid")
    out=$(wrk -t"$t" -c"$conns" -d"$duration" --timeout 10s --latency "${script[@]}" "$url" 2>&1) || true
    after=$(cpu_ticks "$pid")
    if [[ -n $sampler ]]; then
        stop_tree "$sampler"
        rss_peak[$key]=$(cat "$tmp/rss" 2>/dev/null || echo 0)
        rss_after[$key]=$(tree_rss_kb "$pid")
        rss_main[$key]=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        rss_children[$key]=$(descendants "$pid" | wc -l)
    fi
    echo "$out" >"$tmp/wrk-${server}-${route//[^A-Za-z]/}-$conns.txt"
    local requests secs non2xx errors
    requests=$(awk '/ requests in / {print $1}' <<<"$out")
    if [[ -z $requests ]]; then
        rps[$key]=-
        notes[$key]="wrk failed: $(head -c 200 <<<"$out" | tr '\n' ' ')"
        return
    fi
    secs=$(awk '/ requests in / {v = $4; sub(/,$/, "", v); n = v + 0; if (v ~ /ms$/) n /= 1000;
                                  else if (v ~ /m$/) n *= 60; print n}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    non2xx=${non2xx:-0}
    # Only 2xx answers count: a throttled or failed request is not served.
    rps[$key]=$(awk -v n="$requests" -v bad="$non2xx" -v s="$secs" 'BEGIN {printf "%.0f", (n - bad) / s}')
    p50[$key]=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99[$key]=$(awk '$1 == "99%" {print $2}' <<<"$out")
    cpu[$key]=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN {printf "%.1fus", n ? t / hz * 1e6 / n : 0}')
    errors=$(awk '/Socket errors/ {sub(/^ */, ""); print}' <<<"$out")
    notes[$key]=""
    ((non2xx > 0)) && notes[$key]="$non2xx of $requests answers not 2xx (latencies and cpu/req include them)"
    ((non2xx > 0)) && [[ $server == gatehouse-node ]] && ((conns > node_envs)) &&
        notes[$key]+="; more connections than environments: the rest is throttled, as on AWS"
    [[ -n $errors ]] && notes[$key]="${notes[$key]:+${notes[$key]}; }$errors"
    printf '  %-10s %4s conns  %8s req/s  p50 %-9s p99 %-9s cpu/req %-9s %s\n' "$route" "$conns" \
        "${rps[$key]}" "${p50[$key]}" "${p99[$key]}" "${cpu[$key]}" "${notes[$key]}"
}

# Short load at 16 connections so that JIT compilers, caches and environments are warm.
warm_up() {
    local route=$1 url=$2 script=()
    [[ $route == POST* ]] && script=(-s "$here/echo.lua")
    wrk -t"$threads" -c16 -d2s --timeout 10s "${script[@]}" "$url" >/dev/null 2>&1 || true
}

# Measures every route at every connection count (plus the extra counts given) on one server, in
# increasing connection counts so that the 16-connection memory figures do not carry what 64 left.
measure_server() {
    local server=$1 base=$2 pid=$3 route conns
    shift 3
    for route in "${routes[@]}"; do warm_up "$route" "$base${route#* }"; done
    for conns in $(printf '%s\n' "${connections[@]}" "$@" | sort -n -u); do
        for route in "${routes[@]}"; do
            # Environments of the other route may have been evicted to stay within the cap.
            [[ $server == gatehouse-node ]] && prewarm_node "$base${route#* }"
            measure "$server" "$route" "$conns" "$base${route#* }" "$pid"
        done
    done
}

skipped() { [[ $skip == *" $1 "* ]]; }

echo "gateway benchmark: wrk -t$threads -d$duration per run, connections ${connections[*]}, loopback," \
    "$cores cores shared by servers and wrk; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
build_type=$(awk -F= '/^CMAKE_BUILD_TYPE:/ {print $2}' "$build/CMakeCache.txt" 2>/dev/null || true)
[[ $build_type == Release ]] || build_type="${build_type:-unknown} build: use a Release build for meaningful figures"
echo "  $gatehouse (${build_type/#Release/Release build})"
echo "  GET /hello → {\"message\":\"hello\"}; POST /echo → the $(wc -c <"$body_file")-byte JSON body back"
echo

# ---- Gatehouse ------------------------------------------------------------------------------------------

# Writes a project folder: an HTTP API "bench" ($default stage at the root) whose routes call the
# functions of tests/bench/gateway/handler.js on the given runtime.
#   write_project DIR RUNTIME CONCURRENCY_LIMIT
write_project() {
    local dir=$1 runtime=$2 limit=$3 name
    mkdir -p "$dir/functions/bench"
    cp "$here/handler.js" "$dir/functions/bench/handler.js"
    {
        cat <<JSON
{
  "formatVersion": 1,
  "name": "gateway-bench-$runtime",
  "settings": { "concurrencyLimit": $limit, "idleEnvironmentSeconds": 600 },
  "functions": [
JSON
        for name in hello echo slow; do
            cat <<JSON
    { "name": "$name", "runtime": "$runtime", "handler": "handler.$name", "codeUri": "functions/bench",
      "memoryMB": 128, "timeoutSeconds": 10 }$([[ $name == slow ]] || echo ,)
JSON
        done
        cat <<'JSON'
  ],
  "apis": [
    {
      "name": "bench",
      "type": "http",
      "routes": [
        { "method": "GET", "path": "/hello", "integration": { "type": "lambda", "function": "hello" } },
        { "method": "POST", "path": "/echo", "integration": { "type": "lambda", "function": "echo" } },
        { "method": "GET", "path": "/slow", "integration": { "type": "lambda", "function": "slow" } }
      ],
      "stages": [ { "name": "$default" } ]
    }
  ]
}
JSON
    } >"$dir/gatehouse.json"
}

# Starts `gatehouse serve` on a project: sets gh_pid and gh_url (the bench API's $default stage), or
# returns 1 with the reason in gh_problem.
start_gatehouse() {
    local name=$1 dir=$2 endpoints=$tmp/$1-endpoints.json _
    gh_url="" gh_problem=""
    "$gatehouse" serve "$dir" --quiet --endpoints-file "$endpoints" >"$tmp/$name.out" 2>"$tmp/$name.err" &
    gh_pid=$!
    track "$gh_pid"
    for _ in $(seq 150); do
        [[ -s $endpoints ]] && break
        alive "$gh_pid" || break
        sleep 0.1
    done
    # shellcheck disable=SC2016 # "$default" is the stage name, not a shell variable
    gh_url=$(python3 -c '
import json, sys
apis = json.load(open(sys.argv[1]))["apis"]
api = next(a for a in apis if a["name"] == "bench")
stage = next((s["url"] for s in api.get("stages", []) if s["name"] == "$default"), api["url"])
print(stage.rstrip("/"))' "$endpoints" 2>/dev/null) || true
    [[ -n $gh_url ]] && return 0
    gh_problem="no endpoints file within 15 s: $(tail -n 5 "$tmp/$name.err" | tr '\n' ' ')"
    stop_tree "$gh_pid"
    return 1
}

# Node.js environments exist once as many requests as there are environments ran at the same time.
prewarm_node() {
    local url=$1 i curls=()
    for i in $(seq "$node_envs"); do
        if [[ $url == */echo ]]; then
            curl -s -o /dev/null --max-time 30 -H 'Content-Type: application/json' --data-binary "@$body_file" "$url" &
        else
            curl -s -o /dev/null --max-time 30 "$url" &
        fi
        curls+=($!)
    done
    for i in "${curls[@]}"; do wait "$i" || true; done
}

gh_version=$("$gatehouse" --version 2>/dev/null | head -n 1 || true)

run_gatehouse_js() {
    local server=gatehouse-js dir=$tmp/project-js pid url problem
    write_project "$dir" javascript 100
    if ! start_gatehouse "$server" "$dir"; then
        unavailable[$server]=$gh_problem
        echo "$server: not available ($gh_problem)"
        return
    fi
    pid=$gh_pid url=$gh_url
    problem=$(check_answers "$url")
    if [[ -n $problem ]]; then
        unavailable[$server]="$problem; $(tail -n 3 "$tmp/$server.err" | tr '\n' ' ')"
        echo "$server: not available (${unavailable[$server]})"
        stop_tree "$pid"
        return
    fi
    echo "$server: ${gh_version:-gatehouse} serve, embedded JavaScript functions, on $url (pid $pid)"
    measure_server "$server" "$url" "$pid"

    # Slow handlers must not block other connections: 8 connections keep GET /slow (1 s each) busy while
    # GET /hello runs at 16 connections.
    local slow_out=$tmp/wrk-slow.txt slow_pid key="$server|GET /hello beside /slow|16"
    wrk -t1 -c8 -d$((duration_s + 3))s --timeout 10s --latency "$url/slow" >"$slow_out" 2>&1 &
    slow_pid=$!
    track "$slow_pid"
    sleep 1.5 # the 8 slow requests are in flight
    echo "  GET /hello at 16 connections while 8 connections wait on GET /slow (1 s each):"
    measure "$server" "GET /hello beside /slow" 16 "$url/hello" "$pid"
    for _ in $(seq 100); do alive "$slow_pid" || break; sleep 0.1; done
    stop_tree "$slow_pid"
    slow_summary=$(awk '/ requests in / {n = $1} /Requests\/sec/ {r = $2} $1 == "50%" {a = $2} $1 == "99%" {b = $2}
        /Non-2xx/ {bad = $NF} /Socket errors/ {e = $0}
        END {printf "%s requests, %s req/s, p50 %s, p99 %s%s%s", n, r, a, b,
             bad ? ", " bad " not 2xx" : "", e ? "," e : ""}' "$slow_out")
    echo "  GET /slow alongside (8 connections): $slow_summary"
    notes[$key]="${notes[$key]:+${notes[$key]}; }/slow: $slow_summary"
    stop_tree "$pid"
}

run_gatehouse_node() {
    local server=gatehouse-node dir=$tmp/project-node pid url problem
    if ! command -v node >/dev/null; then
        unavailable[$server]="node is not installed"
        echo "node runtime: not available (${unavailable[$server]})"
        return
    fi
    # The project-wide cap holds the environments at NODE_ENVS: requests beyond it are throttled as on
    # AWS, so req/s counts 2xx answers only.
    write_project "$dir" nodejs20.x "$node_envs"
    if ! start_gatehouse "$server" "$dir"; then
        unavailable[$server]=$gh_problem
        echo "node runtime: not available ($gh_problem)"
        return
    fi
    pid=$gh_pid url=$gh_url
    prewarm_node "$url/hello"
    problem=$(check_answers "$url")
    if [[ -n $problem ]]; then
        unavailable[$server]="$problem; $(tail -n 3 "$tmp/$server.err" | tr '\n' ' ')"
        echo "node runtime: not available (${unavailable[$server]})"
        stop_tree "$pid"
        return
    fi
    echo "$server: ${gh_version:-gatehouse} serve, $(node --version) functions (nodejs20.x), $node_envs" \
        "environments (concurrencyLimit), on $url (pid $pid)"
    measure_server "$server" "$url" "$pid" "$node_envs"
    stop_tree "$pid"
}

# ---- nginx ----------------------------------------------------------------------------------------------

nginx_echo="" # how nginx echoes the body

# Writes nginx.conf into $1 for port $2 with the given /echo location(s) and optional module to load.
write_nginx_conf() {
    local dir=$1 port=$2 echo_location=$3 module=${4:-}
    cat >"$dir/nginx.conf" <<CONF
${module:+load_module $module;}
daemon off;
worker_processes $cores;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    keepalive_requests 1000000;
    upstream echo_self { server 127.0.0.1:$port; keepalive 64; }
    server {
        listen 127.0.0.1:$port;
        location = /hello { default_type application/json; return 200 '{"message":"hello"}'; }
        $echo_location
    }
}
CONF
}

# Starts nginx on the config in $1 (port $2): sets ng_pid, or returns 1.
start_nginx() {
    "$nginx_bin" -p "$1" -c "$1/nginx.conf" 2>"$1/stderr" &
    ng_pid=$!
    track "$ng_pid"
    wait_for_port "$2" 100 "$ng_pid" && return 0
    stop_tree "$ng_pid"
    return 1
}

run_nginx() {
    local server=nginx port problem dir=$tmp/nginx echo_module="" candidate echo_location
    nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
    if [[ ! -x $nginx_bin ]]; then
        unavailable[$server]="not installed (apt-get install nginx-light)"
        echo "nginx: ${unavailable[$server]}"
        return
    fi
    port=$(free_port)
    mkdir -p "$dir"
    for candidate in /usr/lib/nginx/modules/ngx_http_echo_module.so /usr/share/nginx/modules/ngx_http_echo_module.so; do
        [[ -f $candidate ]] && echo_module=$candidate && break
    done
    if [[ -n $echo_module ]]; then
        # libnginx-mod-http-echo: reads the body and writes it back, all inside the worker.
        nginx_echo="echo module (echo_read_request_body + echo_request_body)"
        echo_location="location = /echo { default_type application/json; echo_read_request_body; echo_request_body; }"
    else
        # Core modules only: `return` runs before the body is read, so proxy the request (without its
        # body) to a location answering a placeholder, which makes nginx read the body into
        # $request_body, and let sub_filter put the body in place of the placeholder. One proxy hop
        # more than a direct echo.
        nginx_echo="core modules (proxied to a placeholder answer, sub_filter puts \$request_body in)"
        echo_location="location = /echo {
            client_body_buffer_size 16k; client_body_in_single_buffer on;
            proxy_pass http://echo_self/_echo_placeholder; proxy_http_version 1.1;
            proxy_set_header Connection \"\"; proxy_pass_request_body off; proxy_set_header Content-Length \"\";
            sub_filter_types application/json; sub_filter '@BODY@' \$request_body; sub_filter_once on;
        }
        location = /_echo_placeholder { default_type application/json; return 200 '@BODY@'; }"
    fi
    write_nginx_conf "$dir" "$port" "$echo_location" "$echo_module"
    if ! start_nginx "$dir" "$port"; then
        unavailable[$server]="did not start: $(tr '\n' ' ' <"$dir/stderr")"
        echo "nginx: not available (${unavailable[$server]})"
        return
    fi
    problem=$(check_answers "http://127.0.0.1:$port")
    if [[ $problem == POST* ]]; then
        # No echo: measure the POST with a fixed answer instead, and say so.
        nginx_echo="NO ECHO ($problem): POST /echo measured with a fixed answer"
        stop_tree "$ng_pid"
        write_nginx_conf "$dir" "$port" \
            "location = /echo { default_type application/json; return 200 '{\"data\":\"fixed\"}'; }"
        start_nginx "$dir" "$port" || true
    elif [[ -n $problem ]]; then
        unavailable[$server]=$problem
        echo "nginx: not available ($problem)"
        stop_tree "$ng_pid"
        return
    fi
    echo "$server: $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), $cores worker processes, on" \
        "http://127.0.0.1:$port (pid $ng_pid); /echo: $nginx_echo"
    measure_server "$server" "http://127.0.0.1:$port" "$ng_pid"
    stop_tree "$ng_pid"
}

# ---- serverless-offline ---------------------------------------------------------------------------------

sls_versions=""
install_serverless_offline() {
    local bin=$sls_dir/node_modules/.bin/serverless
    if [[ -x $bin && -f $sls_dir/node_modules/serverless-offline/package.json ]]; then return 0; fi
    command -v npm >/dev/null || { echo "npm is not installed"; return 1; }
    mkdir -p "$sls_dir"
    [[ -f $sls_dir/package.json ]] || echo '{ "name": "gatehouse-bench-serverless-offline", "private": true }' \
        >"$sls_dir/package.json"
    echo "installing serverless@3 and serverless-offline@13 into $sls_dir (once) ..." >&2
    if ! (cd "$sls_dir" && timeout 600 npm install --no-audit --no-fund serverless@3 serverless-offline@13) \
        >"$tmp/npm.log" 2>&1; then
        echo "npm install failed: $(tail -n 3 "$tmp/npm.log" | tr '\n' ' ')"
        return 1
    fi
}

package_version() { awk -F'"' '$2 == "version" {print $4; exit}' "$sls_dir/node_modules/$1/package.json"; }

# Writes the same service for serverless-offline: HTTP API (payload 2.0) events on the same handlers.
write_service() {
    local dir=$1
    mkdir -p "$dir"
    cp "$here/handler.js" "$dir/handler.js"
    ln -s "$sls_dir/node_modules" "$dir/node_modules"
    cat >"$dir/serverless.yml" <<'YAML'
service: gateway-bench
frameworkVersion: "3"
provider:
  name: aws
  runtime: nodejs20.x
  region: us-east-1
  stage: dev
functions:
  hello:
    handler: handler.hello
    events:
      - httpApi: { method: GET, path: /hello }
  echo:
    handler: handler.echo
    events:
      - httpApi: { method: POST, path: /echo }
plugins:
  - serverless-offline
YAML
}

run_serverless_offline() {
    local server=$1 dir=$tmp/sls port pid problem extra=()
    [[ $server == sls-inproc ]] && extra=(--useInProcess)
    [[ -d $dir ]] || write_service "$dir"
    port=$(free_port)
    (
        cd "$dir"
        # No telemetry or update notices: the benchmark stays on loopback.
        SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off SLS_DEPRECATION_DISABLE='*' \
            exec "$sls_dir/node_modules/.bin/serverless" offline --host 127.0.0.1 --httpPort "$port" \
            --lambdaPort "$(free_port)" --websocketPort "$(free_port)" --albPort "$(free_port)" \
            --noPrependStageInUrl "${extra[@]}"
    ) >"$tmp/$server.log" 2>&1 &
    pid=$!
    track "$pid"
    if ! wait_for_port "$port" 600 "$pid"; then
        unavailable[$server]="did not listen within 60 s: $(tail -n 3 "$tmp/$server.log" | tr '\n' ' ')"
        echo "$server: not available (${unavailable[$server]})"
        stop_tree "$pid"
        return
    fi
    problem=$(check_answers "http://127.0.0.1:$port")
    if [[ -n $problem ]]; then
        unavailable[$server]=$problem
        echo "$server: not available ($problem)"
        stop_tree "$pid"
        return
    fi
    echo "$server: serverless-offline $sls_versions${extra[*]:+ ${extra[*]}}, on http://127.0.0.1:$port (pid $pid)"
    measure_server "$server" "http://127.0.0.1:$port" "$pid"
    stop_tree "$pid"
}

# ---- run ------------------------------------------------------------------------------------------------

skipped gatehouse-js || run_gatehouse_js
skipped gatehouse-node || run_gatehouse_node
skipped nginx || run_nginx
if ! skipped sls || ! skipped sls-inproc; then
    if ! command -v node >/dev/null; then
        sls_problem="node is not installed"
    else
        sls_problem=$(install_serverless_offline) || true
    fi
    if [[ -z $sls_problem ]]; then
        sls_versions="$(package_version serverless-offline) on serverless $(package_version serverless)"
        skipped sls || run_serverless_offline sls
        skipped sls-inproc || run_serverless_offline sls-inproc
    else
        for server in sls sls-inproc; do unavailable[$server]=$sls_problem; done
        echo "serverless-offline: not available ($sls_problem)"
    fi
fi

# ---- report ---------------------------------------------------------------------------------------------

ratio() { # gatehouse rps, other rps
    [[ $1 =~ ^[0-9]+$ && ${2:-} =~ ^[0-9]+$ && $2 -gt 0 ]] || { echo "-"; return; }
    awk -v a="$1" -v b="$2" 'BEGIN {r = a / b; printf(r >= 10 ? "%.0fx" : r >= 1 ? "%.2fx" : "%.3fx", r)}'
}

echo
echo "Results (req/s counts 2xx answers; ratios: Gatehouse ÷ nginx, ÷ serverless-offline, ÷ its --useInProcess)"
row='%-11s %5s  %-14s %9s %10s %10s %10s  %8s %8s %8s  %s\n'
# shellcheck disable=SC2059
printf "$row" route conns server req/s p50 p99 cpu/req /nginx /sls /sls-ip notes
all_conns=$(printf '%s\n' "${connections[@]}" "$node_envs" | sort -n -u)
for route in "${routes[@]}"; do
    for conns in $all_conns; do
        for server in "${servers[@]}"; do
            key="$server|$route|$conns"
            [[ -n ${rps[$key]:-} ]] || continue
            r_ng="" r_sls="" r_ip=""
            if [[ $server == gatehouse-* ]]; then
                r_ng=$(ratio "${rps[$key]}" "${rps[nginx|$route|$conns]:-}")
                r_sls=$(ratio "${rps[$key]}" "${rps[sls|$route|$conns]:-}")
                r_ip=$(ratio "${rps[$key]}" "${rps[sls-inproc|$route|$conns]:-}")
            fi
            # shellcheck disable=SC2059
            printf "$row" "$route" "$conns" "$server" "${rps[$key]}" "${p50[$key]:--}" "${p99[$key]:--}" \
                "${cpu[$key]:--}" "$r_ng" "$r_sls" "$r_ip" "${notes[$key]:-}"
        done
    done
done
key="gatehouse-js|GET /hello beside /slow|16"
if [[ -n ${rps[$key]:-} ]]; then
    echo
    echo "Slow handlers (embedded JS): GET /hello at 16 connections"
    printf '  alone:                                  %8s req/s  p50 %-9s p99 %s\n' \
        "${rps[gatehouse-js|GET /hello|16]:--}" "${p50[gatehouse-js|GET /hello|16]:--}" "${p99[gatehouse-js|GET /hello|16]:--}"
    printf '  while 8 connections wait on GET /slow:  %8s req/s  p50 %-9s p99 %s\n' \
        "${rps[$key]}" "${p50[$key]:--}" "${p99[$key]:--}"
    echo "  GET /slow meanwhile: $slow_summary"
fi

echo
echo "Resident memory (sum over the process tree) during the $rss_conns-connection runs: peak / after"
for server in "${servers[@]}"; do
    if [[ -n ${unavailable[$server]:-} ]]; then
        printf '  %-14s not available: %s\n' "$server" "${unavailable[$server]}"
        continue
    fi
    line=""
    for route in "${routes[@]}"; do
        key="$server|$route|$rss_conns"
        [[ -n ${rss_peak[$key]:-} ]] || continue
        line+="$route $(mib "${rss_peak[$key]}") / $(mib "${rss_after[$key]}")"
        ((rss_children[$key] > 0)) && line+=" (main process $(mib "${rss_main[$key]}") +${rss_children[$key]} child processes)"
        line+=";  "
    done
    [[ -n $line ]] && printf '  %-14s %s\n' "$server" "${line%;  }"
done

# The issue's targets and reference figures, beside what was measured (no pass/fail: figures only).
target_line() { # label, key, min rps, max p99 ms (or empty)
    local label=$1 key=$2 min=$3 max_p99=${4:-} measured verdict p99ms
    if [[ -z ${rps[$key]:-} || ${rps[$key]} == - ]]; then
        printf '  %-56s not measured\n' "$label"
        return
    fi
    p99ms=$(to_ms "${p99[$key]}")
    measured="${rps[$key]} req/s, p99 ${p99[$key]}"
    verdict=$(awk -v r="${rps[$key]}" -v min="$min" -v p="$p99ms" -v maxp="$max_p99" \
        'BEGIN {print (r >= min && (maxp == "" || p <= maxp)) ? "reached" : "not reached"}')
    printf '  %-56s %-30s target ≥ %s req/s%s: %s\n' "$label" "$measured" "$min" \
        "${max_p99:+ with p99 ≤ $max_p99 ms}" "$verdict"
}
echo
echo "Targets (issue 4):"
target_line "embedded JS, GET /hello, 16 connections" "gatehouse-js|GET /hello|16" 40000 5
target_line "embedded JS, POST /echo, 16 connections" "gatehouse-js|POST /echo|16" 40000 5
for conns in $(printf '%s\n' "$node_envs" 16 | sort -n -u); do
    for route in "${routes[@]}"; do
        target_line "Node.js, $node_envs environments, $route, $conns connections" "gatehouse-node|$route|$conns" 5000
    done
done
# "Gateway RSS" is the gatehouse process. With the Node.js runtime the functions run in node processes of
# their own (≈ 55 MB each, as the issue counts them apart): their sum is printed beside it, not judged.
for server in gatehouse-js gatehouse-node; do
    key="$server|GET /hello|$rss_conns"
    [[ -n ${rss_peak[$key]:-} ]] || continue
    if ((rss_children[$key] > 0)); then
        printf '  %-56s %-30s target ≤ 150 MB: %s\n' "$server gateway RSS, GET /hello, $rss_conns connections" \
            "$(mib "${rss_main[$key]}") after the run" \
            "$(awk -v k="${rss_main[$key]}" 'BEGIN {print k <= 150 * 1024 ? "reached" : "not reached"}') (with its ${rss_children[$key]} node processes: $(mib "${rss_peak[$key]}") peak)"
    else
        printf '  %-56s %-30s target ≤ 150 MB: %s\n' "$server gateway RSS, GET /hello, $rss_conns connections" \
            "$(mib "${rss_peak[$key]}") peak" \
            "$(awk -v k="${rss_peak[$key]}" 'BEGIN {print k <= 150 * 1024 ? "reached" : "not reached"}')"
    fi
done
echo "Reference figures from the issue (same kind of 2-core machine, GET /hello, 16 connections): nginx ≈ 91–98k" \
    "req/s; serverless-offline ≈ 1.7k req/s (p99 39 ms, 1.7 GB RSS), ≈ 5.0k with --useInProcess."
