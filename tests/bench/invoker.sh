#!/bin/sh
# Runs bench_invoker: embedded JavaScript warm throughput (one and two environments, with and without the
# Invoker's thread hops, next to a bare-QJSEngine peer), cold start and resident memory per environment.
# Usage: tests/bench/invoker.sh [BUILD_DIR] [SCALE] [SECTION]   (SECTION: warm, invoker, sequential, cold
# or memory)
# Use a Release build: a Debug build is several times slower.
set -eu
build=${1:-build}
bench="$build/bin/bench_invoker"
[ -x "$bench" ] || { echo "invoker.sh: $bench not found; build the bench_invoker target first" >&2; exit 2; }
exec "$bench" "${2:-1}" ${3:+"$3"}
