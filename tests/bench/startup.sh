#!/bin/sh
# Runs bench_startup N times (default 10) for Gatehouse and for the bare-QMainWindow peer, and prints
# the median and minimum of each. Usage: tests/bench/startup.sh [BUILD_DIR] [N]
# Without a display it uses xvfb-run -a when available, else QT_QPA_PLATFORM=offscreen.
set -eu
build=${1:-build}
runs=${2:-10}
bench="$build/bin/bench_startup"
[ -x "$bench" ] || { echo "startup.sh: $bench not found; build the bench_startup target first" >&2; exit 2; }

launcher=""
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then launcher="xvfb-run -a"; else export QT_QPA_PLATFORM=offscreen; fi
fi

summary() { # variant flag
  results=$(mktemp)
  # One warm-up run first: it copies the sample on first use and fills the disk cache.
  $launcher "$bench" $2 >/dev/null 2>&1 || true
  i=0
  while [ "$i" -lt "$runs" ]; do
    $launcher "$bench" $2 2>/dev/null | sed -n 's/^RESULT //p' >>"$results"
    i=$((i + 1))
  done
  awk -v name="$1" -v runs="$runs" '
    { for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1], NR] = kv[2] } }
    function stat(key,   i, n, a, t, j) {
      n = NR; for (i = 1; i <= n; i++) a[i] = v[key, i] + 0
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
      return sprintf("median %7.1f  min %7.1f", med, a[1])
    }
    END {
      printf "%-10s (%d runs)  start->shown ms: %s   main->shown ms: %s   RSS MB: %s\n",
             name, NR, stat("startup_ms"), stat("main_ms"), stat("rss_mb")
    }' "$results"
  rm -f "$results"
}

summary gatehouse ""
summary peer --peer
