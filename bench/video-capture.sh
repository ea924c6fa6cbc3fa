#!/bin/sh
# Video capture cost (not a test): one `exhibit capture` of a tube-style page (an hls.js player on a 2-rendition
# HLS stream of a synthetic clip, with a download link to the MP4), against the clip's own duration and against
# the same capture with --no-videos, in the same run, so that the ratios hold on a loaded machine.
# The clips are made by the test site's script (capture/src/test/resources/videosite/make-clips.sh, Debian's
# ffmpeg); the page is served on 127.0.0.1 by python3's http.server. Each mode is run RUNS times (default 3) after
# a warm-up; medians are printed with the machine's load. Usage, from anywhere:
#   sh bench/video-capture.sh [RUNS]        (work files are left in bench/out/video-capture/)
set -eu
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/video-capture
rm -rf "$OUT" && mkdir -p "$OUT/site"
bash "$ROOT/capture/src/test/resources/videosite/make-clips.sh" "$OUT/site" >/dev/null
cp "$ROOT/capture/src/test/resources/videosite/lib/hls.min.js" "$OUT/site/"
cat > "$OUT/site/tube.html" <<'HTML'
<!doctype html><html><head><title>clip 4411</title><script src="/hls.min.js"></script></head><body>
<h1>clip 4411</h1><p>uploaded by @test_uploader on 2026-11-20</p>
<video id="v" muted autoplay width="320" height="180"></video>
<p><a href="/clip.mp4" download>Download</a></p>
<script>const h = new Hls({startLevel: 0, capLevelToPlayerSize: true}); h.loadSource('/hls-ts/master.m3u8');
h.attachMedia(document.getElementById('v'));</script></body></html>
HTML
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$OUT/site" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
sleep 1
export EXHIBIT_HOME="$OUT/home" EXHIBIT_PASSPHRASE="bench passphrase, not a secret"
EXHIBIT="$ROOT/tools/exhibit"
"$EXHIBIT" identity create --name "Bench Investigator" >/dev/null 2>&1
"$EXHIBIT" case init "$OUT/case" --id BENCH >/dev/null
URL="http://127.0.0.1:$PORT/tube.html"
CLIP=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/site/hls-ts/360p.mp4")

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# capture FLAGS...: median wall seconds of one capture in a fresh process
capture() {
  "$EXHIBIT" capture --case "$OUT/case" --tsa local "$@" "$URL" >/dev/null 2>&1 # warm-up
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    s=$(date +%s.%N)
    "$EXHIBIT" capture --case "$OUT/case" --tsa local "$@" "$URL" >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$s $e" | awk '{ printf "%.3f\n", $2 - $1 }'
    i=$((i + 1))
  done | median
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
WITH=$(capture)
WITHOUT=$(capture --no-videos)
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "clip duration            ${CLIP} s"
echo "capture, videos kept     ${WITH} s (median of $RUNS)"
echo "capture, --no-videos     ${WITHOUT} s (median of $RUNS)"
echo "$WITH $WITHOUT $CLIP" | awk '{ printf "videos / no videos       x%.2f\nvideos / clip duration   x%.2f\n", $1 / $2, $1 / $3 }'
