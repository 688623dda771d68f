#!/bin/sh
# Times the log console on a million lines (copy from the store, text / regex / request id filters,
# paint) and prints the memory used. Usage: tests/bench/logconsole.sh [BUILD_DIR] [LINES] [SCREENSHOT.png]
set -eu
build=${1:-build}
lines=${2:-1000000}
bench="$build/bin/bench_logconsole"
[ -x "$bench" ] || { echo "logconsole.sh: $bench not found; build the bench_logconsole target first" >&2; exit 2; }
# Offscreen rendering: the same raster painting as on a desktop, without needing a display.
if [ $# -ge 3 ]; then
  QT_QPA_PLATFORM=offscreen "$bench" --lines "$lines" --screenshot "$3"
else
  QT_QPA_PLATFORM=offscreen "$bench" --lines "$lines"
fi
