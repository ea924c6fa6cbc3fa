#!/usr/bin/env bash
# Benchmark (not a test): `exhibit verify` on a bundle with ~1 GB of payload (4 large files of 200 MB and 1000
# small ones), against `sha256sum` and single-threaded `openssl dgst -sha256` over the same payload files (the
# bundle's data/, unzipped), in the same run and from the page cache: one warm-up run each, then the median of
# RUNS runs. Wall and CPU (user+sys) time and peak RSS come from /usr/bin/time -v. Two bundle shapes:
#   capture  4 large files ingested as items, the 1000 small files as the resources of one capture (6 tokens)
#   items    all 1004 files ingested as items, each with its item.json and RFC 3161 token (1005 tokens)
# A third, tiny bundle (one small file) measures what `exhibit verify` costs whatever the payload (JVM start,
# class loading, JIT, trust store, signature and tokens): verify's time minus that is its cost for the payload.
# Usage: bench/verify-bench.sh [capture] [items]      (both by default; RUNS=5 for more runs)
# Writes under bench/out (ignored by git); delete it to rebuild the bundles.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
out=${BENCH_OUT:-$here/out}
runs=${RUNS:-3}
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(capture items)
exhibit="$root/tools/exhibit"
for tool in /usr/bin/time sha256sum openssl unzip java; do
  command -v "$tool" >/dev/null || { echo "verify-bench: $tool is missing (apt-get install time coreutils openssl unzip)" >&2; exit 2; }
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
}

inbox() {   # 4 x 200 MB "recordings", 700 x 250 KB "screenshots", 300 x ~30 KB JSON exports
  local dir=$1
  mkdir -p "$dir/large" "$dir/small"
  for i in 1 2 3 4; do head -c $((200 * 1024 * 1024)) /dev/urandom > "$dir/large/recording-$i.mp4"; done
  for i in $(seq -w 1 700); do head -c $((250 * 1024)) /dev/urandom > "$dir/small/screenshot-$i.png"; done
  for i in $(seq -w 1 300); do head -c $((22 * 1024)) /dev/urandom | base64 > "$dir/small/chat-$i.json"; done
}

build() {   # build <shape>: case, bundle and its unzipped copy under $out/<shape>
  local shape=$1 dir="$out/$1"
  rm -rf "$dir" && mkdir -p "$dir/bundle"
  export EXHIBIT_HOME="$dir/home"
  inbox "$dir/inbox"
  "$exhibit" identity create --name "Bench Investigator" >/dev/null
  "$exhibit" case init "$dir/case" --id "bench-$shape" --title "1 GB benchmark ($shape)" >/dev/null
  if [ "$shape" = capture ]; then
    "$exhibit" --quiet ingest --case "$dir/case" --tsa local "$dir"/inbox/large/* >/dev/null
    java -cp "$jar" "$here/BenchCapture.java" "$dir/case" "$dir/inbox/small" >/dev/null
  else
    "$exhibit" --quiet ingest --case "$dir/case" --tsa local "$dir"/inbox/large/* "$dir"/inbox/small/* >/dev/null
  fi
  "$exhibit" --quiet seal --case "$dir/case" --tsa local -o "$dir/bundle" >/dev/null
  unzip -q "$dir"/bundle/*.zip -d "$dir/x"
  rm -rf "$dir/inbox"
}

measure() {   # prints "wall cpu rss_kb" of one command
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { tail -5 "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$log"
  rm -f "$log"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

ls "$out"/tiny/bundle/*.zip >/dev/null 2>&1 || tiny
tiny_bundle=$(ls "$out"/tiny/bundle/*.zip)
measure "$exhibit" verify "$tiny_bundle" >/dev/null
tw=() tc=()
for _ in $(seq "$runs"); do read -r w c r < <(measure "$exhibit" verify "$tiny_bundle"); tw+=("$w"); tc+=("$c"); done
tiny_wall=$(printf '%s\n' "${tw[@]}" | median)
tiny_cpu=$(printf '%s\n' "${tc[@]}" | median)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(openssl version | cut -d' ' -f1-2); $(sha256sum --version | head -1)"
printf '%-10s wall %6.2f s (runs: %s)  cpu %6.2f s   <- exhibit verify of a 1-file bundle: the fixed cost\n' \
  tiny "$tiny_wall" "${tw[*]}" "$tiny_cpu"
for shape in "${shapes[@]}"; do
  dir="$out/$shape"
  ls "$dir"/bundle/*.zip >/dev/null 2>&1 || { echo "building the $shape bundle ..." >&2; build "$shape"; }
  bundle=$(ls "$dir"/bundle/*.zip)
  files=$(cd "$dir/x" && find data -type f | wc -l)
  bytes=$(cd "$dir/x" && find data -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  tokens=$(cd "$dir/x" && find . -name '*.tsr' | wc -l)
  echo "== $shape: $(basename "$bundle"), $(stat -c %s "$bundle") bytes; payload $files files, $bytes bytes; $tokens tokens"
  declare -A wall=() cpu=() rss=()
  for name in verify sha256sum openssl; do
    case $name in
      verify) cmd=("$exhibit" verify "$bundle") ;;
      sha256sum) cmd=(bash -c "cd '$dir/x' && find data -type f -print0 | xargs -0 sha256sum") ;;
      openssl) cmd=(bash -c "cd '$dir/x' && find data -type f -print0 | xargs -0 openssl dgst -sha256") ;;
    esac
    measure "${cmd[@]}" >/dev/null
    ws=() cs=() rs=()
    for _ in $(seq "$runs"); do read -r w c r < <(measure "${cmd[@]}"); ws+=("$w"); cs+=("$c"); rs+=("$r"); done
    wall[$name]=$(printf '%s\n' "${ws[@]}" | median)
    cpu[$name]=$(printf '%s\n' "${cs[@]}" | median)
    rss[$name]=$(printf '%s\n' "${rs[@]}" | sort -n | tail -1)
    printf '%-10s wall %6.2f s (runs: %s)  cpu %6.2f s  peak RSS %4d MB\n' "$name" "${wall[$name]}" "${ws[*]}" \
      "${cpu[$name]}" $((rss[$name] / 1024))
  done
  awk -v v="${wall[verify]}" -v s="${wall[sha256sum]}" -v o="${wall[openssl]}" -v t="$tiny_wall" \
      -v vc="${cpu[verify]}" -v oc="${cpu[openssl]}" -v tc="$tiny_cpu" -v mb="$((bytes / 1048576))" 'BEGIN {
    printf "throughput over %d MB of payload: verify %.0f MB/s, sha256sum %.0f MB/s, openssl dgst %.0f MB/s\n", mb, mb/v, mb/s, mb/o
    printf "ratio openssl/verify wall time = %.2f (>= 1: verify at least as fast as single-threaded openssl); sha256sum/verify = %.2f\n", o/v, s/v
    m = v - t; if (m < 0.01) m = 0.01
    printf "verify minus its fixed cost: %.2f s wall (%.0f MB/s), %.2f s cpu; ratio openssl/that = %.2f wall, %.2f cpu\n", m, mb/m, vc-tc, o/m, oc/(vc-tc > 0.01 ? vc-tc : 0.01)
  }'
  echo "verify peak RSS $((rss[verify] / 1024)) MB (goal < 256 MB)"
  # steady state: the same verification repeated in one JVM (classes loaded, JIT done, trust store read)
  warm=$(java -Xmx128m -cp "$jar" "$here/WarmVerify.java" "$bundle" $((runs + 2)) 2>/dev/null | tail -n "$runs")
  warm_wall=$(echo "$warm" | cut -d' ' -f1 | median)
  warm_cpu=$(echo "$warm" | cut -d' ' -f2 | median)
  awk -v w="$warm_wall" -v c="$warm_cpu" -v o="${wall[openssl]}" -v oc="${cpu[openssl]}" -v mb="$((bytes / 1048576))" 'BEGIN {
    printf "verify in a warm JVM (median of the last runs): %.2f s wall (%.0f MB/s), %.2f s cpu; ratio openssl/warm verify = %.2f wall, %.2f cpu\n", w, mb/w, c, o/w, oc/c
  }'
done
