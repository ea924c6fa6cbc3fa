#!/usr/bin/env bash
# Benchmark (not a test): fresh `exhibit verify` processes of one bundle under several variants, interleaved (each
# round runs every variant once, after one warm-up each) so that load from other processes falls on all alike;
# prints the median wall and CPU time (user + system) and the peak RSS of each, and the load before and after. CPU
# time is the steadier figure on a shared machine. Variants are label=LAUNCHER or label=LAUNCHER@JAVA_OPTS (the
# options replace the launcher's, through EXHIBIT_JAVA_OPTS), or label=openssl for `openssl dgst -sha256` over the
# bundle's payload unzipped beside it (the x/ directory of bench/verify-bench.sh).
# Usage: bench/verify-variants.sh BUNDLE.zip RUNS label=LAUNCHER[@JAVA_OPTS]...
# e.g. to compare the code of another commit: build it, copy tools/exhibit, tools/verify-jit.json and
# tools/target/exhibit.jar to OLD/tools/ (the jar under OLD/tools/target/), then
#   bench/verify-variants.sh /tmp/exhibit-verify-bench/items/bundle/*.zip 3 openssl=openssl old=OLD/tools/exhibit new=tools/exhibit
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 BUNDLE.zip RUNS label=LAUNCHER[@JAVA_OPTS]..." >&2; exit 2; }
bundle=$1 runs=$2
shift 2
export EXHIBIT_PASSPHRASE=${EXHIBIT_PASSPHRASE:-bench-passphrase}
measure() {   # prints "wall cpu rss_mb" of one command
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { tail -3 "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, rss / 1024 }' "$log"
  rm -f "$log"
}
run() {   # run <variant>
  local rest=${1#*=}
  local launcher=${rest%%@*} opts=
  [[ $rest == *@* ]] && opts=${rest#*@}
  if [ "$launcher" = openssl ]; then
    measure bash -c "cd '$(dirname "$(dirname "$bundle")")/x' && find data -type f -print0 | xargs -0 openssl dgst -sha256"
  elif [ -n "$opts" ]; then
    EXHIBIT_JAVA_OPTS=$opts measure "$launcher" verify "$bundle"
  else
    measure "$launcher" verify "$bundle"
  fi
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
declare -A wall cpu rss
for v in "$@"; do run "$v" >/dev/null; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  for v in "$@"; do read -r w c r < <(run "$v"); wall[$v]+="$w "; cpu[$v]+="$c "; rss[$v]+="$r "; done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in "$@"; do
  printf '%-12s wall %6s s (%s)  cpu %6s s (%s)  peak RSS %s MB\n' "${v%%=*}" "$(echo "${wall[$v]}" | median)" \
    "${wall[$v]% }" "$(echo "${cpu[$v]}" | median)" "${cpu[$v]% }" "$(echo "${rss[$v]}" | tr ' ' '\n' | sort -n | tail -1)"
done
