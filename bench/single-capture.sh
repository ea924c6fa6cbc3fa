#!/bin/sh
# One capture in a fresh process (not a test): `exhibit capture --tsa local` of one page (two screenshots, DOM,
# MHTML, PDF, resources, WACZ, a stamped record) against `jwarc record` of the same page (jwarc 0.33.0, the
# WARC library Exhibit uses: it starts `$BROWSER --headless URL` through its own recording proxy and writes a WARC,
# nothing else), for a long documentation page with 8 figures, a social post, a lazy gallery
# of 24 images and a chain of 3 redirects to the post (bench/pages.py, on 127.0.0.1). jwarc's Chromium is Debian's,
# given the switches it needs here: no sandbox as root; loopback through the proxy (Chromium otherwise bypasses
# it); its own background requests off or sent direct (jwarc's proxy leaves a request it cannot resolve
# unanswered); and --dump-dom, so that it exits once the page has loaded: Chromium 156's headless mode given only
# a URL never exits, and `jwarc record` then ends at its own 60 s timeout, a figure that says nothing. Each tool RUNS times (default 3) per page, interleaved, after one warm-up each; medians and the ratio
# jwarc / Exhibit (>= 1.0: Exhibit no slower) are printed with the machine's load, then where Exhibit's time went
# in its last capture of each page: JVM start to the record's start (JVM, class loading, identity, CA), the
# browser's start, the page steps, the files after the steps (resources, WACZ, inspection), and the record to
# the process's end (custody line, timestamp, exit). With EXHIBIT_B_OPTS set, a third tool runs interleaved:
# Exhibit with those JVM options (EXHIBIT_JAVA_OPTS), to measure what a change of them buys in the same run. With
# EXHIBIT_BASELINE set to another checkout's tools/exhibit (say, main's, built), it runs interleaved too, in the same
# case, to measure what a change of the code buys in the same run (column "baseline s"), and its last capture of each
# page is split the same way, with the waits of both tools' last captures (network-idle, scroll,
# network-idle-after-scroll, in ms, from capture.json) printed below the table. Column "floor s" times
# bench/chromium-floor.py in the same run: Chromium alone, over the DevTools pipe, loading the page and making the
# two screenshots, DOM, MHTML and PDF (no JVM, proxy, scrolling, network waits, files or timestamp), the least any
# tool that keeps those artifacts through Chromium takes; "jwarc/floor" says how far below jwarc that floor is.
# Usage: [EXHIBIT_B_OPTS='-Xshare:off'] [EXHIBIT_BASELINE=../main/tools/exhibit] sh bench/single-capture.sh [RUNS]
set -eu
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/single-capture
rm -rf "$OUT" && mkdir -p "$OUT"
JWARC=${JWARC_JAR:-$HOME/.m2/repository/org/netpreserve/jwarc/0.33.0/jwarc-0.33.0.jar}
[ -f "$JWARC" ] || { echo "single-capture: jwarc jar not found at $JWARC (set JWARC_JAR)" >&2; exit 2; }
CHROMIUM=${EXHIBIT_CHROMIUM:-/usr/bin/chromium}
cat > "$OUT/chromium-for-jwarc" <<SH
#!/bin/sh
exec "$CHROMIUM" --no-sandbox --proxy-bypass-list='<-loopback>;*.google.com;*.gvt1.com;*.googleapis.com' \\
  --disable-background-networking --disable-component-update --no-first-run --no-default-browser-check \\
  --disable-sync --disable-breakpad --disable-domain-reliability --disable-features=Translate,OptimizationHints,MediaRouter \\
  --user-data-dir="\$(mktemp -d "$OUT/jwarc-profile.XXXXXX")" --dump-dom "\$@" > /dev/null
SH
chmod +x "$OUT/chromium-for-jwarc"
. "$ROOT/bench/local-case.sh"
serve_pages
new_case
PAGES="doc.html post.html gallery.html r/1"
b() { EXHIBIT_JAVA_OPTS="$EXHIBIT_B_OPTS" exhibit "$1"; }
baseline() { "$EXHIBIT_BASELINE" capture --case "$OUT/case" --tsa local "http://127.0.0.1:$PORT/$1" >/dev/null 2>&1 || true; }
exhibit() { "$EXHIBIT" capture --case "$OUT/case" --tsa local "http://127.0.0.1:$PORT/$1" >/dev/null 2>&1 || true; }
floor() { # a floor that failed is counted, so that its short time is not taken for a floor
  f="$OUT/floor-$(echo "$1" | tr / _)"
  CHROMIUM="$CHROMIUM" python3 "$ROOT/bench/chromium-floor.py" "http://127.0.0.1:$PORT/$1" > "$f.line" 2>&1 || echo >> "$f.failed"
}
jwarc() { BROWSER="$OUT/chromium-for-jwarc" java -jar "$JWARC" record "http://127.0.0.1:$PORT/$1" > "$OUT/jwarc.warc" 2>/dev/null || true; }
timed() { # TOOL PAGE -> appends seconds to OUT/TOOL-PAGE.times
  s=$(date +%s.%N); "$1" "$2"; e=$(date +%s.%N)
  echo "$s $e" | awk '{ printf "%.2f\n", $2 - $1 }' >> "$OUT/$1-$(echo "$2" | tr / _).times"
  echo "$s $e" > "$OUT/$1-$(echo "$2" | tr / _).last"
}
timesplit() { # TOOL PAGE: where TOOL's capture just made (the newest in the case) spent its time; its capture.json kept
  p=$(echo "$2" | tr / _)
  json="$(ls -d "$OUT"/case/data/captures/* | sort | tail -1)/capture.json"
  cp "$json" "$OUT/$1-$p.capture.json"
  python3 - "$json" "$OUT/$1-$p.last" > "$OUT/$1-$p.split" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
s, e = map(float, open(sys.argv[2]).read().split())
t = lambda v: datetime.fromisoformat(v.replace('Z', '+00:00')).timestamp()
st = r['steps']
first, last = t(st[0]['startedAt']), max(t(x['endedAt']) for x in st)
print('%.2f %.2f %.2f %.2f %.2f %s %d' % (t(r['startedAt']) - s, first - t(r['startedAt']), last - first,
      t(r['endedAt']) - last, e - t(r['endedAt']), r['outcome'], len(r['artifacts'])))
PY
}
waits() { # TOOL PAGE: the durations (ms) of the waits of TOOL's last capture of PAGE, summed over steps of a name
  python3 - "$OUT/$1-$(echo "$2" | tr / _).capture.json" <<'PY'
import json, sys
from datetime import datetime
t = lambda v: datetime.fromisoformat(v.replace('Z', '+00:00')).timestamp()
st = json.load(open(sys.argv[1]))['steps']
ms = lambda n: '%d' % round(1000 * sum(t(x['endedAt']) - t(x['startedAt']) for x in st if x['name'] == n))
print('/'.join(ms(n) for n in ('network-idle', 'scroll', 'network-idle-after-scroll')))
PY
}
exhibit doc.html; jwarc doc.html # warm-up (page cache, fonts; the first capture after a build writes its AppCDS archive)
if [ -n "${EXHIBIT_BASELINE:-}" ]; then baseline doc.html; fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ "$i" -lt "$RUNS" ]; do
  for page in $PAGES; do
    timed exhibit "$page"
    timesplit exhibit "$page"
    timed jwarc "$page"
    timed floor "$page"
    if [ -n "${EXHIBIT_B_OPTS:-}" ]; then timed b "$page"; fi
    if [ -n "${EXHIBIT_BASELINE:-}" ]; then timed baseline "$page"; timesplit baseline "$page"; fi
    echo "$(gzip -dcf "$OUT/jwarc.warc" 2>/dev/null | grep -c '^WARC-Type: response' || true)" > "$OUT/jwarc-$(echo "$page" | tr / _).responses"
  done
  i=$((i + 1))
done
printf '%-14s %10s %10s %7s %8s %12s %12s %11s   %s\n' page "exhibit s" "jwarc s" ratio "floor s" "jwarc/floor" "B opts s" "baseline s" "exhibit's last: jvm+setup browser steps files record+exit outcome files | jwarc responses"
for page in $PAGES; do
  p=$(echo "$page" | tr / _)
  ex=$(median < "$OUT/exhibit-$p.times"); jw=$(median < "$OUT/jwarc-$p.times"); fl=$(median < "$OUT/floor-$p.times")
  [ -f "$OUT/floor-$p.failed" ] && fl="failed$(wc -l < "$OUT/floor-$p.failed")x"
  cw=-; [ -f "$OUT/b-$p.times" ] && cw=$(median < "$OUT/b-$p.times")
  bl=-; [ -f "$OUT/baseline-$p.times" ] && bl=$(median < "$OUT/baseline-$p.times")
  printf '%-14s %10s %10s %7s %8s %12s %12s %11s   %s | %s\n' "$page" "$ex" "$jw" "$(echo "$jw $ex" | awk '{ printf "%.2f", $1 / $2 }')" \
    "$fl" "$(echo "$jw $fl" | awk '{ printf "%.2f", $1 / $2 }')" "$cw" "$bl" "$(cat "$OUT/exhibit-$p.split")" "$(cat "$OUT/jwarc-$p.responses")"
done
for page in $PAGES; do printf '%-14s floor'"'"'s last: %s\n' "$page" "$(cat "$OUT/floor-$(echo "$page" | tr / _).line")"; done
if [ -n "${EXHIBIT_BASELINE:-}" ]; then
  printf '%-14s %-40s %s\n' page "baseline's last: jvm+setup browser steps files record+exit outcome files" \
    "waits of the last captures, ms (network-idle/scroll/network-idle-after-scroll): exhibit | baseline"
  for page in $PAGES; do
    p=$(echo "$page" | tr / _)
    printf '%-14s %-40s %s | %s\n' "$page" "$(cat "$OUT/baseline-$p.split")" "$(waits exhibit "$page")" "$(waits baseline "$page")"
  done
fi
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
