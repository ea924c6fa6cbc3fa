#!/usr/bin/env bash
# Benchmark (not a test): a fresh `tools/exhibit verify` process on a bundle with ~1 GB of payload (3 files of
# 300 MB and 1000 small ones) against single-threaded `openssl dgst -sha256` over the same payload files (the
# bundle's data/, unzipped beforehand, not timed), in the same run and from the page cache. The two commands run
# interleaved (openssl, verify, openssl, verify, ...) after one warm-up each, so that load from other processes
# falls on both alike; the figures are the median of RUNS runs of each, the ratio is openssl's median wall time over
# verify's (>= 1: verify at least as fast). Wall and CPU time and peak RSS come from /usr/bin/time -v; the
# machine's load (uptime) is printed before and after. Two bundle shapes:
#   few    the 3 large files ingested as items, the 1000 small files the resources of one capture (5 tokens)
#   items  all 1003 files ingested as items, each with its item.json and RFC 3161 token (1004 tokens)
#   items-rsa  the same, stamped by a local TSA with RSA keys (bench/rsa-local-tsa.sh) instead of a new local
#          TSA's P-256 ones: every public TSA in Exhibit's defaults signs with RSA, so this is what a real bundle's
#          thousand tokens cost to check (not run by default)
# A tiny bundle (one small file) shows what a fresh `exhibit verify` costs whatever the payload (JVM start, class
# loading, JIT, trust store, signature, evidence record). WARM=1 adds a run in one warm JVM (bench/WarmVerify.java).
# Each shape also times, interleaved in the same runs, the floor of any verify in Java 17 here (bench/VerifyFloor.java,
# in a fresh JVM with its own AppCDS archive and the JVM options Exhibit's verify has): "hash" is SHA-256 of every
# byte of the ZIP on both cores and nothing else; "hash+tokens" also parses each RFC 3161 token with Bouncy Castle
# and checks its signature while the ZIP hashes. Exhibit's verify does all of that and more, so openssl/floor bounds
# the ratio it can reach.
# Usage: bench/verify-bench.sh [few] [items] [items-rsa]     (few and items by default; RUNS=5 for more runs)
# The bundles are built once under BENCH_OUT (default /tmp/exhibit-verify-bench, ~2 GB a shape) and reused while
# they exist; CLEAN=1 deletes BENCH_OUT at the end.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
out=${BENCH_OUT:-/tmp/exhibit-verify-bench}
runs=${RUNS:-3}
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(few items)
exhibit="$root/tools/exhibit"
for tool in /usr/bin/time openssl unzip java uptime; do
  command -v "$tool" >/dev/null || { echo "verify-bench: $tool is missing (apt-get install time openssl unzip procps)" >&2; exit 2; }
done
for shape in "${shapes[@]}"; do
  case $shape in few|items|items-rsa) ;; *) echo "verify-bench: unknown shape '$shape': expected few, items or items-rsa" >&2; exit 2 ;; esac
done
export EXHIBIT_PASSPHRASE=bench-passphrase
jar="$root/tools/target/exhibit.jar"
"$exhibit" --version >/dev/null   # builds the jar when missing or stale

tiny() {   # the fixed-cost baseline: one 3-byte file, one item
  local dir="$out/tiny"
  rm -rf "$dir" && mkdir -p "$dir/bundle"
  export EXHIBIT_HOME="$dir/home"
  echo hi > "$dir/note.txt"
  "$exhibit" identity create --name "Bench Investigator" >/dev/null
  "$exhibit" case init "$dir/case" --id bench-tiny >/dev/null
  "$exhibit" --quiet ingest --case "$dir/case" --tsa local "$dir/note.txt" >/dev/null
  "$exhibit" --quiet seal --case "$dir/case" --tsa local -o "$dir/bundle" >/dev/null
  rm -rf "$dir/case"
}

inbox() {   # 3 x 300 MB "recordings", 700 x 250 KB "screenshots", 300 x ~30 KB JSON exports
  local dir=$1
  mkdir -p "$dir/large" "$dir/small"
  for i in 1 2 3; do head -c $((300 * 1024 * 1024)) /dev/urandom > "$dir/large/recording-$i.mp4"; done
  for i in $(seq -w 1 700); do head -c $((250 * 1024)) /dev/urandom > "$dir/small/screenshot-$i.png"; done
  for i in $(seq -w 1 300); do head -c $((22 * 1024)) /dev/urandom | base64 > "$dir/small/chat-$i.json"; done
}

build() {   # build <shape>: the bundle and its unzipped copy under $out/<shape>
  local shape=$1 dir="$out/$1"
  rm -rf "$dir" && mkdir -p "$dir/bundle"
  export EXHIBIT_HOME="$dir/home"
  inbox "$dir/inbox"
  [ "$shape" = items-rsa ] && sh "$here/rsa-local-tsa.sh" "$EXHIBIT_HOME/tsa"
  "$exhibit" identity create --name "Bench Investigator" >/dev/null
  "$exhibit" case init "$dir/case" --id "bench-$shape" --title "1 GB benchmark ($shape)" >/dev/null
  if [ "$shape" = few ]; then
    "$exhibit" --quiet ingest --case "$dir/case" --tsa local "$dir"/inbox/large/* >/dev/null
    java -cp "$jar" "$here/BenchCapture.java" "$dir/case" "$dir/inbox/small" >/dev/null
  else
    "$exhibit" --quiet ingest --case "$dir/case" --tsa local "$dir"/inbox/large/* "$dir"/inbox/small/* >/dev/null
  fi
  "$exhibit" --quiet seal --case "$dir/case" --tsa local -o "$dir/bundle" >/dev/null
  unzip -q "$dir"/bundle/*.zip -d "$dir/x"
  rm -rf "$dir/inbox" "$dir/case"
}

measure() {   # prints "wall cpu rss_kb" of one command
  local log; log=$(mktemp -p "$out" time.XXXXXX)   # not in /tmp: a cleaner there may remove it
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { tail -5 "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$log"
  rm -f "$log"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

floor_jar="$out/floor/floor.jar" floor_jsa="$out/floor/floor.jsa"
rm -rf "$out/floor" && mkdir -p "$out/floor/classes"
javac -cp "$jar" -d "$out/floor/classes" "$here/VerifyFloor.java" \
  || { echo "verify-bench: bench/VerifyFloor.java does not compile" >&2; exit 2; }
jar cf "$floor_jar" -C "$out/floor/classes" .
# the floor runs with the heap, collector and JIT options tools/exhibit gives verify (C2 only for the hashing and the
# signature arithmetic: without them the floor's 1,004 tokens took ~1 s of CPU more), checked against the launcher
jit="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
jit2="-XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
grep -qF -- "$jit" "$exhibit" && grep -qF -- "$jit2" "$exhibit" && grep -qF -- "-Xmx128m -XX:+UseSerialGC" "$exhibit" \
  || { echo "verify-bench: tools/exhibit's verify options changed; update the floor's here" >&2; exit 2; }
floor_opts=(-Xmx128m -XX:+UseSerialGC $jit $jit2 -XX:+UnlockDiagnosticVMOptions
  -XX:CompilerDirectivesFile="$root/tools/verify-jit.json" -Xlog:cds*=off -cp "$jar:$floor_jar")
floor=(java "${floor_opts[@]}" -XX:SharedArchiveFile="$floor_jsa" VerifyFloor)

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/'); $(java -version 2>&1 | head -1); $(openssl version | cut -d' ' -f1-2)"
echo "exhibit launcher options for verify: ${EXHIBIT_JAVA_OPTS:-as tools/exhibit sets them}"
ls "$out"/tiny/bundle/*.zip >/dev/null 2>&1 || tiny
tiny_bundle=$(ls "$out"/tiny/bundle/*.zip)
measure "$exhibit" verify "$tiny_bundle" >/dev/null
tw=() tc=() tr=()
for _ in $(seq "$runs"); do read -r w c r < <(measure "$exhibit" verify "$tiny_bundle"); tw+=("$w"); tc+=("$c"); tr+=("$r"); done
printf '%-8s verify wall %6.2f s (runs: %s)  cpu %5.2f s  peak RSS %4d MB   <- a 1-file bundle: the fixed cost\n' \
  tiny "$(printf '%s\n' "${tw[@]}" | median)" "${tw[*]}" "$(printf '%s\n' "${tc[@]}" | median)" \
  $(($(printf '%s\n' "${tr[@]}" | sort -n | tail -1) / 1024))
for shape in "${shapes[@]}"; do
  dir="$out/$shape"
  ls "$dir"/bundle/*.zip >/dev/null 2>&1 && [ -d "$dir/x" ] || { echo "building the $shape bundle ..." >&2; build "$shape"; }
  bundle=$(ls "$dir"/bundle/*.zip)
  files=$(cd "$dir/x" && find data -type f | wc -l)
  bytes=$(cd "$dir/x" && find data -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  tokens=$(unzip -Z1 "$bundle" | grep -c '\.tsr$' || true)
  echo "== $shape: $(basename "$bundle"), $(stat -c %s "$bundle") bytes; payload $files files, $bytes bytes; $tokens tokens"
  verify=("$exhibit" verify "$bundle")
  openssl=(bash -c "cd '$dir/x' && find data -type f -print0 | xargs -0 openssl dgst -sha256")
  "${verify[@]}" >/dev/null || { echo "verify-bench: $bundle does not verify" >&2; exit 1; }
  measure "${openssl[@]}" >/dev/null
  measure "${verify[@]}" >/dev/null
  [ -f "$floor_jsa" ] || java "${floor_opts[@]}" -XX:ArchiveClassesAtExit="$floor_jsa" VerifyFloor "$bundle" 2 "$dir/x" >/dev/null
  before=$(load)
  ow=() oc=() vw=() vc=() vr=() pairs=() fh=() ft=() ftc=()
  for _ in $(seq "$runs"); do
    read -r w c r < <(measure "${openssl[@]}"); ow+=("$w"); oc+=("$c")
    read -r w2 c2 r2 < <(measure "${verify[@]}"); vw+=("$w2"); vc+=("$c2"); vr+=("$r2")
    pairs+=("$(awk -v o="$w" -v v="$w2" 'BEGIN {printf "%.2f", o / v}')")
    read -r w3 _ < <(measure "${floor[@]}" "$bundle" 2); fh+=("$w3")
    read -r w4 c4 _ < <(measure "${floor[@]}" "$bundle" 2 "$dir/x"); ft+=("$w4"); ftc+=("$c4")
  done
  after=$(load)
  o=$(printf '%s\n' "${ow[@]}" | median) v=$(printf '%s\n' "${vw[@]}" | median)
  rss=$(printf '%s\n' "${vr[@]}" | sort -n | tail -1)
  printf '%-8s openssl wall %6.2f s (runs: %s)  cpu %5.2f s\n' "$shape" "$o" "${ow[*]}" "$(printf '%s\n' "${oc[@]}" | median)"
  printf '%-8s verify  wall %6.2f s (runs: %s)  cpu %5.2f s  peak RSS %4d MB (goal <= 256 MB)\n' "$shape" "$v" "${vw[*]}" \
    "$(printf '%s\n' "${vc[@]}" | median)" $((rss / 1024))
  awk -v o="$o" -v v="$v" -v mb="$((bytes / 1048576))" -v p="${pairs[*]}" -v b="$before" -v a="$after" 'BEGIN {
    printf "%-8s ratio openssl/verify = %.2f (goal >= 1.0; per interleaved pair: %s); %.0f MB/s vs %.0f MB/s over %d MB; load %s -> %s\n",
      "", o / v, p, mb / v, mb / o, mb, b, a }'
  fhm=$(printf '%s\n' "${fh[@]}" | median) ftm=$(printf '%s\n' "${ft[@]}" | median) ftcm=$(printf '%s\n' "${ftc[@]}" | median)
  awk -v o="$o" -v h="$fhm" -v t="$ftm" -v c="$ftcm" -v hr="${fh[*]}" -v tr="${ft[*]}" -v n="$tokens" -v k="$(nproc)" 'BEGIN {
    printf "%-8s floor (VerifyFloor.java): hash %.2f s (runs: %s), openssl/floor %.2f; hash+%d token signatures %.2f s (runs: %s), openssl/floor %.2f;\n",
      "", h, hr, o / h, n, t, tr, o / t
    printf "%-8s   that floor used %.2f s of CPU: on %d cores, at least %.2f s however it were spread (openssl/that %.2f)\n", "", c, k, c / k, o / (c / k) }'
  if [ "${WARM:-0}" = 1 ]; then   # steady state: the same verification repeated in one JVM
    warm=$(java -Xmx128m -cp "$jar" "$here/WarmVerify.java" "$bundle" $((runs + 2)) 2>/dev/null | tail -n "$runs")
    printf '%-8s verify in a warm JVM: %.2f s wall (median of the last %d of %d runs)\n' "$shape" \
      "$(echo "$warm" | cut -d' ' -f1 | median)" "$runs" $((runs + 2))
  fi
done
echo "load at the end: $(uptime | sed 's/.*load/load/')"
[ "${CLEAN:-0}" = 1 ] && rm -rf "$out"
exit 0
