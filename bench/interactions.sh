#!/bin/sh
# Interaction cost (not a test): `exhibit capture` of a plain static page, an age-gated page, a consent wall and a
# PDF.js-style viewer that fetches its document from a timer after the load event, each with the interaction pass
# as by default (`--age-gate accept`) and with `--age-gate stop` (no age gate clicked), in the same run, so that
# the figures hold on a loaded machine. The aim: interactions cost nothing on a page that has none. For each
# capture it also reads capture.json's own step durations: `walls` (the interaction pass's check for what still
# hides the content), the `click` steps, and the two network-idle waits (each at least the 0.5 s quiet window).
# The pages are served on 127.0.0.1 by python3's http.server. Each mode runs RUNS times (default 3) after a
# warm-up; medians are printed with the machine's load. Usage, from anywhere:
#   sh bench/interactions.sh [RUNS]        (work files are left in bench/out/interactions/)
set -eu
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/interactions
rm -rf "$OUT" && mkdir -p "$OUT/site/img"
python3 - "$OUT/site" <<'PY'
import sys, zlib, struct
site = sys.argv[1]
def png(w, h, rgb):
    raw = b''.join(b'\x00' + bytes(rgb) * w for _ in range(h))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
open(site + '/img/photo.png', 'wb').write(png(320, 200, (0x33, 0x66, 0x99)))
open(site + '/img/page1.png', 'wb').write(png(600, 400, (0xcc, 0x33, 0x11)))
pdf = b'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\nendobj\n' \
    + b'3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n%%EOF\n'
open(site + '/doc.pdf', 'wb').write(pdf)
open(site + '/worker.js', 'w').write('self.ready = true;\n')
head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body style="margin:0;font:16px sans-serif">'
pages = {
  'static.html': head % 'Article' + '<h1>An article</h1><p>' + 'The article text goes on. ' * 60 + '</p><img src="/img/photo.png" alt="photo"></body></html>',
  'age.html': head % 'Adult gallery' + '<main id="content"><h1>Gallery</h1></main>'
    '<div id="age-gate" style="position:fixed;inset:0;background:#202020;color:#fff;padding:80px">'
    '<p>This site contains adult content. You must be 18 or older to enter.</p>'
    '<button id="leave">Leave</button> <button class="enter">I am 18 or older</button></div>'
    "<script>document.querySelector('#age-gate .enter').addEventListener('click', () => {"
    "document.getElementById('age-gate').remove(); const img = new Image(); img.src = '/img/photo.png';"
    "document.getElementById('content').append(img); });</script></body></html>",
  'consent.html': head % 'News article' + '<h1>News article</h1><p>' + 'The article text goes on. ' * 40 + '</p>'
    '<div class="consent-layer" style="position:fixed;inset:0;background:#ff00aa"><div role="dialog" style="margin:200px auto;'
    'width:500px;background:#fff;padding:20px"><p>We and our partners use cookies.</p><button>Settings</button> '
    "<button>Accept all</button></div></div><script>for (const b of document.querySelectorAll('.consent-layer button')) {"
    "if (b.textContent === 'Accept all') b.addEventListener('click', () => document.querySelector('.consent-layer').remove()); }"
    '</script></body></html>',
  'viewer.html': head % 'doc.pdf' + '<div>Page <span id="num">0</span> of <span id="count">0</span></div><div id="viewer"></div>'
    "<script>addEventListener('load', () => setTimeout(async () => { await (await fetch('/worker.js')).text();"
    "const pdf = new TextDecoder('latin1').decode(await (await fetch('/doc.pdf')).arrayBuffer());"
    "const n = (pdf.match(/\\/Type\\s*\\/Page\\b/g) || []).length; const img = new Image(); img.onload = () => {"
    "document.getElementById('viewer').append(img); document.getElementById('num').textContent = '1';"
    "document.getElementById('count').textContent = String(n); }; img.src = '/img/page1.png'; }, 600));</script></body></html>",
}
for name, html in pages.items():
    open(site + '/' + name, 'w').write(html)
PY
. "$ROOT/bench/local-case.sh"
serve_dir "$OUT/site"
new_case

# steps: "outcome walls-ms clicks click-ms idle-ms" of the newest capture.json
steps() {
  python3 - "$(ls -d "$OUT"/case/data/captures/* | sort | tail -1)/capture.json" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
t = lambda v: datetime.fromisoformat(v.replace('Z', '+00:00'))
st = r['steps']
dur = lambda n: sum((t(s['endedAt']) - t(s['startedAt'])).total_seconds() * 1000 for s in st if s['name'] == n)
print(r['outcome'], round(dur('walls')), sum(1 for s in st if s['name'] == 'click'), round(dur('click')),
      round(dur('network-idle') + dur('network-idle-after-scroll')))
PY
}
# capture PAGE FLAGS...: "median-seconds outcome walls-ms clicks click-ms idle-ms" (steps of the last run)
capture() {
  page=$1; shift
  "$EXHIBIT" capture --case "$OUT/case" --tsa local "$@" "http://127.0.0.1:$PORT/$page" >/dev/null 2>&1 || true # warm-up
  i=0
  : > "$OUT/times"
  while [ "$i" -lt "$RUNS" ]; do
    s=$(date +%s.%N)
    "$EXHIBIT" capture --case "$OUT/case" --tsa local "$@" "http://127.0.0.1:$PORT/$page" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    echo "$s $e" | awk '{ printf "%.3f\n", $2 - $1 }' >> "$OUT/times"
    i=$((i + 1))
  done
  echo "$(median < "$OUT/times") $(steps)"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-13s %-20s %9s %-9s %9s %6s %9s %9s\n' page mode "median s" outcome "walls ms" clicks "click ms" "idle ms"
for page in static.html age.html consent.html viewer.html; do
  for mode in accept stop; do
    set -- $(capture "$page" --age-gate "$mode")
    printf '%-13s %-20s %9s %-9s %9s %6s %9s %9s\n' "$page" "--age-gate $mode" "$1" "$2" "$3" "$4" "$5" "$6"
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
