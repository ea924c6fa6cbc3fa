#!/bin/sh
# What metadata extraction costs a real ingest (not a test). `exhibit ingest` of the same 1000 mixed files
# (bench/MixedFiles.java: 600 web JPEGs, 200 chat exports, 100 PDFs, 100 videos of 2 MB) into a fresh case,
# run as A B A B ... in one go:
#   A  as shipped: the metadata module's InspectingDescriber (media type, EXIF, PDQ, MD5, PDF metadata);
#   B  the same command, JVM and classpath, except that the copy of the metadata classes on it lacks the
#      META-INF/services entry, so ingest falls back to integrity's ArtifactDescriber.mediaTypeOnly()
#      (media type, size, SHA-256).
# Everything else is identical: copy, fsync, re-read check, item.json, local RFC 3161 stamp, custody log.
# Prints every run (wall time, and the CPU time of the JVM, which the disk's fsync latency does not blur) and the
# ratios A/B (the criterion: wall time under 2x). Usage, from anywhere:
#   sh bench/ingest-metadata.sh [PAIRS]     (default 2; the cases are left in bench/out/ingest-metadata/)
set -eu
PAIRS=${1:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/ingest-metadata
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$ROOT"
mvn -q -B -o -pl tools -am test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp-\${project.artifactId}.txt" \
    -Dmdep.includeScope=runtime
DEPS=$(tr ":" "\n" < "$OUT/cp-exhibit-tools.txt" | grep -v -e /org/exhibit/ -e "^$ROOT/" | paste -sd:)
SERVICE=META-INF/services/org.exhibit.integrity.workspace.ArtifactDescriber
[ -f "metadata/target/classes/$SERVICE" ] || { echo "metadata/target/classes/$SERVICE is missing" >&2; exit 1; }
cp -r metadata/target/classes "$OUT/metadata-without-describer"
rm "$OUT/metadata-without-describer/$SERVICE"
MODULES="$ROOT/tools/target/classes:$ROOT/capture/target/classes:$ROOT/integrity/target/classes:$ROOT/report/target/classes"
CP_A="$MODULES:$ROOT/metadata/target/classes:$DEPS"
CP_B="$MODULES:$OUT/metadata-without-describer:$DEPS"

java -cp "$CP_A" bench/MixedFiles.java bench/out
LIST=$ROOT/bench/out/mixed/list.txt
[ "$(wc -l < "$LIST")" -eq 1000 ] || { echo "expected 1000 files in $LIST" >&2; exit 1; }

export EXHIBIT_HOME="$OUT/home" EXHIBIT_PASSPHRASE=bench
java -cp "$CP_A" org.exhibit.tools.Exhibit --quiet identity create --name "Bench Investigator" >/dev/null
echo warm-up > "$OUT/warm-up.txt"
java -cp "$CP_A" org.exhibit.tools.Exhibit --quiet case init "$OUT/case-warm-up" --id warm-up >/dev/null
java -cp "$CP_A" org.exhibit.tools.Exhibit ingest --quiet --case "$OUT/case-warm-up" --tsa local "$OUT/warm-up.txt" \
    >/dev/null   # creates the local TSA's keys

# run LABEL CLASSPATH N: ingests the 1000 files into a fresh case; prints "wall user sys" in seconds
run() {
  case_dir="$OUT/case-$1$3"
  java -cp "$2" org.exhibit.tools.Exhibit --quiet case init "$case_dir" --id "bench-$1$3" >/dev/null
  # shellcheck disable=SC2046 # one argument per line of the list, no spaces in the paths
  /usr/bin/time -f "%e %U %S" -o "$OUT/time-$1$3.txt" \
      java -cp "$2" org.exhibit.tools.Exhibit ingest --quiet --case "$case_dir" --tsa local $(cat "$LIST") \
      > "$OUT/ingest-$1$3.log" 2>&1
  [ "$(find "$case_dir/data/files" -name item.json | wc -l)" -eq 1000 ] || { echo "run $1$3: not 1000 items" >&2; exit 1; }
  cat "$OUT/time-$1$3.txt"
}

echo "load before: $(uptime | sed 's/.*load average/load average/')"
: > "$OUT/times.txt"
i=1
while [ "$i" -le "$PAIRS" ]; do
  a=$(run A "$CP_A" "$i")
  echo "A$i (InspectingDescriber, as shipped): wall, user, sys CPU: $a s"
  b=$(run B "$CP_B" "$i")
  echo "B$i (mediaTypeOnly):                   wall, user, sys CPU: $b s"
  echo "$a $b" >> "$OUT/times.txt"
  i=$((i + 1))
done
echo "load after:  $(uptime | sed 's/.*load average/load average/')"

# the two configurations really differ: a JPEG's item.json has a PDQ hash in A only
first=$(find "$OUT/case-A1/data/files" -name item.json | sort | head -1)
grep -q '"pdq"' "$first" || { echo "A1: no PDQ in $first" >&2; exit 1; }
first=$(find "$OUT/case-B1/data/files" -name item.json | sort | head -1)
if grep -q '"pdq"' "$first"; then echo "B1: PDQ in $first: the describer was not left out" >&2; exit 1; fi

awk '{ a += $1; b += $4; ca += $2 + $3; cb += $5 + $6
       printf "pair %d: ratio A/B wall %.2f, CPU %.2f\n", NR, $1 / $4, ($2 + $3) / ($5 + $6) }
     END { printf "1000 files, %d pairs (means): with metadata %.1f s wall, %.1f s CPU; media type only %.1f s wall, %.1f s CPU\n",
           NR, a / NR, ca / NR, b / NR, cb / NR
           printf "ratio with metadata / without: wall %.2f, CPU %.2f\n", a / b, ca / cb }' "$OUT/times.txt"
