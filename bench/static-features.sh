#!/bin/sh
# Static pages and the video and interaction features (not a test): a fresh `exhibit capture --tsa local` of
# pages with no video and nothing to click (bench/pages.py's documentation page, social post and lazy gallery),
# as by default (videos looked for, consent banners and age gates looked for) and with both features off
# (`--no-videos --age-gate stop`), interleaved in the same run. Issue 18: what video and interactions add must
# not slow such pages. Printed per page and mode: the median wall time of the process, the median time from the
# first page step's start to the record's end (the browser's steps and Exhibit's work after them, without JVM
# and browser start), and the ratio default / off (1.00 = no cost). RUNS per mode (default 3), after a warm-up,
# with the machine's load. Usage: sh bench/static-features.sh [RUNS]
set -eu
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/static-features
rm -rf "$OUT" && mkdir -p "$OUT"
. "$ROOT/bench/local-case.sh"
serve_pages
new_case
"$EXHIBIT" capture --case "$OUT/case" --tsa local "http://127.0.0.1:$PORT/doc.html" >/dev/null 2>&1 || true # warm-up
span() {
  python3 -c 'import json,sys
from datetime import datetime
r = json.load(open(sys.argv[1])); t = lambda v: datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp()
print("%.2f" % (t(r["endedAt"]) - t(r["steps"][0]["startedAt"])))' "$(ls -d "$OUT"/case/data/captures/* | sort | tail -1)/capture.json"
}
run() { # PAGE MODE FLAGS...
  page=$1; mode=$2; shift 2
  s=$(date +%s.%N)
  "$EXHIBIT" capture --case "$OUT/case" --tsa local "$@" "http://127.0.0.1:$PORT/$page" >/dev/null 2>&1 || true
  e=$(date +%s.%N)
  echo "$s $e" | awk '{ printf "%.2f\n", $2 - $1 }' >> "$OUT/$page-$mode.wall"
  span >> "$OUT/$page-$mode.span"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ "$i" -lt "$RUNS" ]; do
  for page in doc.html post.html gallery.html; do
    run "$page" default
    run "$page" off --no-videos --age-gate stop
  done
  i=$((i + 1))
done
printf '%-14s %12s %12s %7s %12s %12s %7s\n' page "default s" "off s" ratio "default span" "off span" ratio
for page in doc.html post.html gallery.html; do
  dw=$(median < "$OUT/$page-default.wall"); ow=$(median < "$OUT/$page-off.wall")
  ds=$(median < "$OUT/$page-default.span"); os=$(median < "$OUT/$page-off.span")
  printf '%-14s %12s %12s %7s %12s %12s %7s\n' "$page" "$dw" "$ow" "$(echo "$dw $ow" | awk '{ printf "%.2f", $1 / $2 }')" \
    "$ds" "$os" "$(echo "$ds $os" | awk '{ printf "%.2f", $1 / $2 }')"
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
