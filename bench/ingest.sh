#!/bin/sh
# Ingest throughput: `exhibit ingest` (streamed copy + SHA-256 while copying, fsync, re-read to check the copy,
# Tika media type, item.json, local RFC 3161 stamp, custody log) against the same work done by standard tools in
# the same run: `cp FILE COPY && sync && sha256sum FILE COPY`. Prints both times and the ratio. Not a test.
# Usage: bench/ingest.sh [MiB]   (default 512)
set -eu
MB=${1:-512}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
# test-compile and build-classpath in one reactor run, so sibling modules (and the test jar tools uses) resolve
# to their target folders: nothing needs to be installed in the local repository first
mvn -q -B -o -f "$ROOT/pom.xml" -pl tools -am test-compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$W/cp-\${project.artifactId}.txt" >/dev/null
CP="$ROOT/tools/target/classes:$(cat "$W/cp-exhibit-tools.txt")"
X="java -cp $CP org.exhibit.tools.Exhibit"
export EXHIBIT_HOME="$W/home" EXHIBIT_PASSPHRASE=bench
$X identity create --name Bench >/dev/null
$X case init "$W/case" --id bench >/dev/null
ms() { echo $(($(date +%s%N) / 1000000)); }
echo warm-up > "$W/small.txt"
$X ingest --quiet --case "$W/case" --tsa local "$W/small.txt" >/dev/null 2>&1   # creates the local TSA's keys
echo tiny > "$W/tiny.txt"
f0=$(ms)
$X ingest --quiet --case "$W/case" --tsa local "$W/tiny.txt" >/dev/null 2>&1    # fixed cost: JVM, classes, stamp
f1=$(ms)
head -c "${MB}M" /dev/urandom > "$W/big.bin"

t0=$(ms)
$X ingest --quiet --case "$W/case" --tsa local "$W/big.bin" >/dev/null 2>&1
t1=$(ms)
cp "$W/big.bin" "$W/copy.bin" && sync && sha256sum "$W/big.bin" "$W/copy.bin" >/dev/null
t2=$(ms)

cmp -s "$W/big.bin" "$W/case/data/files/0003/big.bin" || { echo "copy differs" >&2; exit 1; }
echo "payload:               ${MB} MiB"
echo "exhibit ingest:        $((t1 - t0)) ms (JVM start and the RFC 3161 stamp included)"
echo "cp + sync + sha256sum: $((t2 - t1)) ms"
echo "fixed cost (tiny file): $((f1 - f0)) ms"
awk -v a=$((t1 - t0)) -v b=$((t2 - t1)) -v f=$((f1 - f0)) 'BEGIN {
  printf "ratio ingest/baseline: %.2f (%.2f without the fixed cost)\n", a / b, (a - f) / b }'
