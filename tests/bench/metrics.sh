#!/bin/sh
# Runs bench_metrics: nanoseconds per metrics recording on 1, 2 and 4 threads (one shared route, a route
# per thread, invocations, the cost meter) beside an atomic increment and the access log append each
# request already pays, and the time to render /metrics for 30 and 256 series.
# Usage: tests/bench/metrics.sh [BUILD_DIR] [SCALE]   (use a Release build)
set -eu
build=${1:-build}
bench="$build/bin/bench_metrics"
[ -x "$bench" ] || { echo "metrics.sh: $bench not found; build the bench_metrics target first" >&2; exit 2; }
exec "$bench" "${2:-1}"
