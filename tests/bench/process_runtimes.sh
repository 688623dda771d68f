#!/bin/sh
# Runs bench_process_runtimes: Node.js and Python cold start (new environment to first result) next to
# `node -e ''` and `python3 -c ''`, and the Node.js warm invoke overhead over the Runtime API (median, p99)
# next to a bare stdin/stdout round trip through node.
# Usage: tests/bench/process_runtimes.sh [BUILD_DIR] [SCALE] [SECTION]   (SECTION: cold or warm)
# Use a Release build. Interpreters: GATEHOUSE_NODE / GATEHOUSE_PYTHON, as for the invoker.
set -eu
build=${1:-build}
bench="$build/bin/bench_process_runtimes"
[ -x "$bench" ] || { echo "process_runtimes.sh: $bench not found; build the bench_process_runtimes target first" >&2; exit 2; }
exec "$bench" "${2:-1}" ${3:+"$3"}
