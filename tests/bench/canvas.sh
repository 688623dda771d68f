#!/bin/sh
# Times the designer canvas on a generated project of 500 routes and 200 functions (open, lay out,
# render, edit, drag) and prints the memory used. Usage: tests/bench/canvas.sh [BUILD_DIR] [RUNS]
set -eu
build=${1:-build}
runs=${2:-5}
bench="$build/bin/bench_canvas"
[ -x "$bench" ] || { echo "canvas.sh: $bench not found; build the bench_canvas target first" >&2; exit 2; }
# Offscreen rendering: the same raster painting as on a desktop, without needing a display.
QT_QPA_PLATFORM=offscreen "$bench" --runs "$runs"
