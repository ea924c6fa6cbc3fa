#!/bin/sh
# Chat-export ingest: a generated WhatsApp "Export chat" .zip (10,000 messages, 500 JPEG photos) ingested with
# parsing (messages into derived/messages.json, each photo an item of its own with SHA-256 and PDQ) against,
# in the same run, plain ingest of the same bytes: the .zip as one file (--no-parse), and the chat text and the
# 500 photos as 501 separate items. OCR is off in those three runs (--no-ocr); its cost is measured apart, per
# phone-style screenshot (a chat mock-up rendered by headless Chromium), as ingest with OCR minus ingest without.
# Prints times and the machine's load before and after. Not a test.
# Usage: bench/chat-ingest.sh [MESSAGES] [PHOTOS] [SCREENSHOTS]   (default 10000 500 10)
set -eu
N=${1:-10000}
P=${2:-500}
S=${3:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
# one reactor run: compile (test-compile: tools' tests use the metadata test classes the reactor must resolve), then each module's classpath
mvn -q -B -o -f "$ROOT/pom.xml" -pl tools -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$W/cp-\${project.artifactId}.txt" -Dmdep.includeScope=runtime >/dev/null
CP=$(for m in tools integrity metadata capture report format; do printf '%s:' "$ROOT/$m/target/classes"; done)$(tr ':' '\n' < "$W/cp-exhibit-tools.txt" | grep -v /org/exhibit/ | paste -sd:)
X="java -cp $CP org.exhibit.tools.Exhibit"
export EXHIBIT_HOME="$W/home" EXHIBIT_PASSPHRASE=bench
$X identity create --name Bench >/dev/null
ms() { echo $(($(date +%s%N) / 1000000)); }
newcase() { $X case init "$W/$1" --id "$1" >/dev/null; }
# runs an ingest quietly; on failure shows the end of its output and stops
run() { "$@" >"$W/log" 2>&1 || { echo "failed ($?): $*" | cut -c1-300 >&2; tail -5 "$W/log" >&2; exit 1; }; }

# the export: photos from ffmpeg's test source (each frame differs), the chat text, a zip (deflated text, stored photos)
mkdir -p "$W/export"
ffmpeg -loglevel error -f lavfi -i "testsrc=size=640x480:rate=1" -frames:v "$P" -q:v 4 "$W/export/%08d-PHOTO.jpg"
python3 - "$W/export" "$N" "$P" <<'PY'
import os, sys, zipfile, datetime
d, n, p = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
photos = sorted(f for f in os.listdir(d) if f.endswith('.jpg'))
t = datetime.datetime(2023, 12, 1, 8, 0, 0)
every = max(1, n // max(1, p))
with open(os.path.join(d, '_chat.txt'), 'w', encoding='utf-8') as f:
    k = 0
    for i in range(n):
        t += datetime.timedelta(seconds=37)
        who = 'Velvet Fox' if i % 3 else 'Sam'
        stamp = t.strftime('[%d.%m.%y, %H:%M:%S]')
        if i % every == 0 and k < len(photos):
            f.write('%s %s: \u200e<attached: %s>\n' % (stamp, who, photos[k])); k += 1
        else:
            f.write('%s %s: message %d from @velvet_fox_88, call +1 555 0100\n' % (stamp, who, i))
with zipfile.ZipFile(os.path.join(os.path.dirname(d), 'WhatsApp Chat - Velvet Fox.zip'), 'w') as z:
    z.write(os.path.join(d, '_chat.txt'), '_chat.txt', zipfile.ZIP_DEFLATED)
    for ph in photos:
        z.write(os.path.join(d, ph), ph, zipfile.ZIP_STORED)
PY
ZIP="$W/WhatsApp Chat - Velvet Fox.zip"

# warm-up: creates the local TSA's keys, loads the disk cache
newcase warm
run $X ingest --quiet --case "$W/warm" --tsa local --no-ocr "$ZIP"
load0=$(cut -d' ' -f1-3 /proc/loadavg)

newcase parsed
t0=$(ms)
run $X ingest --quiet --case "$W/parsed" --tsa local --no-ocr "$ZIP"
t1=$(ms)
newcase zip
run $X ingest --quiet --case "$W/zip" --tsa local --no-ocr --no-parse "$ZIP"
t2=$(ms)
newcase separate
run $X ingest --quiet --case "$W/separate" --tsa local --no-ocr --no-parse "$W/export/_chat.txt" "$W"/export/*.jpg
t3=$(ms)

items=$(ls "$W/parsed/data/files" | wc -l)
msgs=$(grep -c '"number"' "$W/parsed/data/files/0001/derived/messages.json")
[ "$items" -eq $((P + 1)) ] || { echo "expected $((P + 1)) items, got $items" >&2; exit 1; }
[ "$msgs" -eq "$N" ] || { echo "expected $N messages, got $msgs" >&2; exit 1; }

# OCR per screenshot: S copies of one chat mock-up rendered by headless Chromium at phone density
cat > "$W/mock.html" <<'HTML'
<!doctype html><meta charset="utf-8"><body style="margin:0;width:390px;font:20px 'DejaVu Sans',sans-serif">
<div style="background:#f2f2f2;padding:14px;font-weight:bold">@velvet_fox_88</div>
<p style="text-align:center">31 December 2023</p>
<p style="background:#eee;margin:10px;padding:10px;border-radius:14px">I have your pictures</p>
<p style="background:#dcf8c6;margin:10px 10px 10px 60px;padding:10px;border-radius:14px">who is this</p>
<p style="background:#eee;margin:10px;padding:10px;border-radius:14px">pay 500 by 9:41 PM or everyone sees them</p>
<p style="background:#eee;margin:10px;padding:10px;border-radius:14px">call +1 555 0100</p>
HTML
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$W/chromium" \
  --window-size=390,844 --force-device-scale-factor=2 --screenshot="$W/shot.png" "file://$W/mock.html" >"$W/chromium.log" 2>&1
mkdir -p "$W/shots"
i=1; while [ $i -le "$S" ]; do cp "$W/shot.png" "$W/shots/shot-$i.png"; i=$((i + 1)); done
newcase noocr
o0=$(ms)
run $X ingest --quiet --case "$W/noocr" --tsa local --no-ocr "$W"/shots/*.png
o1=$(ms)
newcase ocr
run $X ingest --quiet --case "$W/ocr" --tsa local "$W"/shots/*.png
o2=$(ms)
grep -q velvet_fox_88 "$W/ocr/data/files/0001/derived/ocr.txt" || { echo "OCR did not read the handle" >&2; exit 1; }
load1=$(cut -d' ' -f1-3 /proc/loadavg)

echo "export:                      $N messages, $P photos, $(du -k "$ZIP" | cut -f1) KiB zip"
echo "ingest, parsed:              $((t1 - t0)) ms ($items items, $msgs messages; JVM start and stamps included)"
echo "ingest --no-parse (one zip): $((t2 - t1)) ms"
echo "ingest, $((P + 1)) separate files: $((t3 - t2)) ms"
awk -v a=$((t1 - t0)) -v b=$((t2 - t1)) -v c=$((t3 - t2)) 'BEGIN {
  printf "parsed / one zip: %.1f   parsed / separate files: %.2f\n", a / b, a / c }'
echo "screenshot:                  $(python3 -c "import struct;d=open('$W/shot.png','rb').read(24);print('%dx%d' % struct.unpack('>II', d[16:24]))") PNG, $S copies"
echo "ingest with OCR:             $((o2 - o1)) ms; without: $((o1 - o0)) ms"
awk -v a=$((o2 - o1)) -v b=$((o1 - o0)) -v s="$S" 'BEGIN { printf "OCR per screenshot:          %.0f ms\n", (a - b) / s }'
echo "cores: $(nproc); load average (1/5/15 min) before: $load0, after: $load1"
