#!/bin/sh
# Encryption and decryption throughput of an encrypted bundle: `exhibit encrypt` / `exhibit decrypt` (CMS
# AuthEnvelopedData, AES-256-GCM, streamed, the tag checked before the output is renamed into place) against
# `openssl cms -encrypt -stream` / `openssl cms -decrypt` on the same bundle, same recipient type (an RSA-2048
# certificate, RSA-OAEP SHA-256) and cipher, in the same run. Prints the times, MB/s, peak RSS of each (from
# /usr/bin/time) and the machine's load before and after. Not a test.
# Usage: bench/encrypt.sh [MiB]   (default 512)
set -eu
MB=${1:-512}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
command -v openssl >/dev/null || { echo "openssl is needed (bin/setup installs it)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (bin/setup installs it)" >&2; exit 2; }
# one reactor run, so that the sibling modules (and the metadata test-jar that tools' tests use) resolve to their
# target folders without being installed
mvn -q -B -o -f "$ROOT/pom.xml" -pl tools -am test-compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$W/cp.txt" >/dev/null
CP=$(for m in tools integrity metadata capture report; do printf '%s:' "$ROOT/$m/target/classes"; done)$(cat "$W/cp.txt")
X="java -Xmx128m -cp $CP org.exhibit.tools.Exhibit"
export EXHIBIT_HOME="$W/home" EXHIBIT_PASSPHRASE=bench
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# the bundle: a case holding one file of MB MiB of random bytes, sealed by Exhibit's own TSA
$X identity create --name Bench >/dev/null
$X case init "$W/case" --id bench >/dev/null
head -c "${MB}M" /dev/urandom > "$W/recording.bin"
$X ingest --quiet --case "$W/case" --tsa local "$W/recording.bin" >/dev/null 2>&1
rm "$W/recording.bin"
mkdir "$W/out"
$X seal --quiet --case "$W/case" --tsa local -o "$W/out" >/dev/null 2>&1
B=$(ls "$W"/out/*.zip)
SIZE=$(stat -c %s "$B")
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/r.key" -out "$W/r.pem" -subj /CN=bench -days 2 2>/dev/null
echo tiny > "$W/tiny.zip"

ms() { echo $(($(date +%s%N) / 1000000)); }
# run NAME CMD...: times CMD, keeps its peak RSS
run() {
  name=$1; shift
  t0=$(ms)
  /usr/bin/time -f %M -o "$W/rss" "$@" >/dev/null 2>"$W/err" || { cat "$W/err" >&2; exit 1; }
  t1=$(ms)
  eval "T_$name=$((t1 - t0)) R_$name=$(tail -1 "$W/rss")"
}
run fixed $X encrypt "$W/tiny.zip" --encrypt-to "$W/r.pem" -o "$W/tiny.zip.p7m"   # JVM start, classes, RSA
run xenc $X encrypt "$B" --encrypt-to "$W/r.pem" -o "$W/x.p7m"
run oenc openssl cms -encrypt -binary -stream -aes-256-gcm -recip "$W/r.pem" -keyopt rsa_padding_mode:oaep \
  -keyopt rsa_oaep_md:sha256 -outform DER -in "$B" -out "$W/o.p7m"
openssl pkcs12 -export -inkey "$W/r.key" -in "$W/r.pem" -out "$W/r.p12" -passout pass:bench
run xdec $X decrypt "$W/o.p7m" --key "$W/r.p12" -o "$W/x.zip"
run odec openssl cms -decrypt -binary -inform DER -in "$W/x.p7m" -recip "$W/r.pem" -inkey "$W/r.key" -out "$W/o.zip"
cmp -s "$B" "$W/x.zip" && cmp -s "$B" "$W/o.zip" || { echo "a decryption differs from the bundle" >&2; exit 1; }

echo "bundle:                 $SIZE bytes ($MB MiB payload); each tool decrypts what the other encrypted"
awk -v s="$SIZE" -v f="$T_fixed" -v xe="$T_xenc" -v oe="$T_oenc" -v xd="$T_xdec" -v od="$T_odec" \
    -v rf="$R_fixed" -v rxe="$R_xenc" -v roe="$R_oenc" -v rxd="$R_xdec" -v rod="$R_odec" 'BEGIN {
  mb = s / 1e6
  printf "exhibit encrypt:        %6d ms  %6.1f MB/s  peak RSS %4d MB\n", xe, mb / (xe / 1000), rxe / 1024
  printf "openssl cms -encrypt:   %6d ms  %6.1f MB/s  peak RSS %4d MB\n", oe, mb / (oe / 1000), roe / 1024
  printf "exhibit decrypt:        %6d ms  %6.1f MB/s  peak RSS %4d MB\n", xd, mb / (xd / 1000), rxd / 1024
  printf "openssl cms -decrypt:   %6d ms  %6.1f MB/s  peak RSS %4d MB\n", od, mb / (od / 1000), rod / 1024
  printf "fixed cost (tiny file): %6d ms (JVM start, classes, RSA)        peak RSS %4d MB\n", f, rf / 1024
  printf "ratio exhibit/openssl:  encrypt %.2f, decrypt %.2f\n", xe / oe, xd / od }'
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
