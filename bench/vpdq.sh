#!/bin/sh
# vPDQ throughput (not a test): how fast VpdqHasher hashes a synthetic clip, against ffmpeg merely decoding the
# same clip (-f null) in the same run, so that the ratio holds on a loaded machine where seconds do not.
# The clip: ffmpeg's testsrc2, 1280x720, 30 fps, H.264 with a sine tone, DURATION seconds (default 60).
#   decode     ffmpeg -i clip -f null -, as shipped (all SIMD)
#   decode-C   the same with the hasher's -cpuflags -mmxext-ssse3 (swscale's C YUV-to-RGB, see Ffmpeg#frames)
#   vpdq-1s    VpdqHasher, one frame a second (the default)
#   vpdq-all   VpdqHasher, every frame (as the reference's sample hashes)
# Each is run RUNS times (default 3) after a warm-up; the median is printed. Usage, from anywhere:
#   sh bench/vpdq.sh [DURATION] [RUNS]      (the clip is left in bench/out/vpdq/)
set -eu
DURATION=${1:-60}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/vpdq
mkdir -p "$OUT"
cd "$ROOT"
mvn -q -B -o -pl metadata -am compile
CP=metadata/target/classes:integrity/target/classes # the vpdq and pdq packages need no other library
CLIP=$OUT/testsrc2-720p-$DURATION.mp4
[ -f "$CLIP" ] || ffmpeg -nostdin -v error -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$DURATION" \
    -f lavfi -i "sine=frequency=440:duration=$DURATION" -c:v libx264 -crf 23 -pix_fmt yuv420p -c:a aac -shortest "$CLIP"
FRAMES=$((DURATION * 30))

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# decode FLAGS...: median wall seconds of ffmpeg decoding the clip to nothing
decode() {
  ffmpeg -nostdin -v error "$@" -i "$CLIP" -map 0:v:0 -f null - # warm-up
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    /usr/bin/time -f %e ffmpeg -nostdin -v error "$@" -i "$CLIP" -map 0:v:0 -f null - 2>&1
    i=$((i + 1))
  done | median
}
# vpdq SECONDS_PER_HASH: median wall seconds of VpdqHasher.hash, and the frames it hashed
vpdq() {
  java -cp "$CP" bench/VpdqBench.java "$CLIP" "$1" "$RUNS" > "$OUT/vpdq-$1.txt"
  echo "$(cut -d' ' -f1 < "$OUT/vpdq-$1.txt" | median) $(head -1 "$OUT/vpdq-$1.txt" | cut -d' ' -f2)"
}

echo "clip: $CLIP ($FRAMES frames, 1280x720), $RUNS runs each, $(nproc) cores"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
d=$(decode)
dc=$(decode -cpuflags -mmxext-ssse3)
set -- $(vpdq 1)
v1=$1 n1=$2
set -- $(vpdq 0)
va=$1 na=$2
echo "load after:  $(uptime | sed 's/.*load average/load average/')"
awk -v d="$d" -v dc="$dc" -v v1="$v1" -v n1="$n1" -v va="$va" -v na="$na" -v f="$FRAMES" 'BEGIN {
  printf "decode     %7.2f s  %6.0f frames/s decoded\n", d, f / d
  printf "decode-C   %7.2f s  %6.0f frames/s decoded   %.2fx decode\n", dc, f / dc, dc / d
  printf "vpdq-1s    %7.2f s  %6.0f frames/s decoded, %d hashed   %.2fx decode\n", v1, f / v1, n1, v1 / d
  printf "vpdq-all   %7.2f s  %6.0f frames/s hashed (%d)   %.2fx decode\n", va, na / va, na, va / d
}'
