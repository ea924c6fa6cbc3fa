#!/usr/bin/env bash
# Batch capture benchmark (not a test): captures per minute for a mixed link list (the batch test site:
# fast, slow, redirecting, 404, 500 and refused links) at --parallel 1, 2 and 4, the speed-up over
# --parallel 1, and in the same run the same list through `wget --warc-file --page-requisites` (no browser:
# a lower bound) and `single-file` (single-file-cli, driving the Debian Chromium).
#   bench/batch-bench.sh [N]      N links, default 200; results in bench/out/batch/
#   bench/batch-bench.sh N p4     only the issue's figure: exhibit --parallel 4 against single-file with 4 workers,
#                                 twice each, alternating; pages kept per minute (exhibit: captures ended complete;
#                                 single-file: pages saved), their ratio, and CPU-s per link of each tool's process tree
set -euo pipefail
N=${1:-200}
MODE=${2:-all}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/batch
rm -rf "$OUT" && mkdir -p "$OUT"
cd "$ROOT"

command -v wget >/dev/null || { echo "installing wget"; apt-get install -y -q wget >/dev/null; }
if [ ! -x "$OUT/../node_modules/.bin/single-file" ]; then
  echo "installing single-file-cli (npm)"
  (cd "$OUT/.." && npm install --silent --no-audit --no-fund single-file-cli >/dev/null)
fi

mvn -q -B -o -pl tools -am test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp-\${project.artifactId}.txt" \
    -Dmdep.includeScope=test >/dev/null
CP="tools/target/test-classes:tools/target/classes:capture/target/classes:integrity/target/classes:metadata/target/classes:report/target/classes:$(tr ':' '\n' < "$OUT/cp-exhibit-tools.txt" | grep -v /org/exhibit/ | paste -sd:)"
EXHIBIT=(java -cp "$CP" -Dexhibit.home="$OUT/home" org.exhibit.tools.Exhibit)

java -cp "$CP" org.exhibit.tools.LinkSite "$N" "$OUT/links.csv" "$OUT/links.txt" > "$OUT/site.log" &
SITE=$!
trap 'kill $SITE 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$OUT/links.txt" ] && break; sleep 0.2; done
EXHIBIT_PASSPHRASE=bench "${EXHIBIT[@]}" --quiet identity create --name "Bench Investigator" >/dev/null

now() { date +%s.%N; }
per_min() { python3 -c "print(f'{$1 / ($2) * 60:.1f}')"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ "$MODE" = p4 ]; then
  # /usr/bin/time counts the CPU of the process and of every descendant it waited for (the browsers included)
  echo "load at the start: $(load)"
  for R in 1 2; do
    "${EXHIBIT[@]}" --quiet case init "$OUT/case-p4-$R" --id "bench-p4-$R" >/dev/null
    T0=$(now)
    /usr/bin/time -f '%U %S' -o "$OUT/cpu-exhibit-$R" "${EXHIBIT[@]}" capture --case "$OUT/case-p4-$R" \
        --urls "$OUT/links.csv" --parallel 4 --tsa local --attempts 2 --retry-pause 0.2 --json --quiet \
        > "$OUT/result-p4-$R.json" || true
    T=$(python3 -c "print($(now) - $T0)")
    KEPT=$(python3 -c "import json; print(json.load(open('$OUT/result-p4-$R.json'))['counts'].get('complete', 0))")
    CPU=$(tail -n1 "$OUT/cpu-exhibit-$R" | awk '{print $1 + $2}')
    echo "exhibit --parallel 4 (run $R, load $(load)): ${T%.*} s, $KEPT pages kept = $(per_min "$KEPT" "$T")/min, $(python3 -c "print(f'{$CPU / $N:.2f}')") CPU-s per link"
    echo "$T $KEPT $CPU" > "$OUT/exhibit-$R"
    T0=$(now)
    (cd "$OUT" && mkdir -p "single-file-4-$R" && /usr/bin/time -f '%U %S' -o "cpu-single-file-$R" \
        "$OUT/../node_modules/.bin/single-file" --browser-executable-path=/usr/bin/chromium \
        --browser-args='["--no-sandbox","--headless=new"]' --max-parallel-workers=4 --urls-file=links.txt \
        --output-directory="single-file-4-$R" > "single-file-4-$R.log" 2>&1) || true
    T=$(python3 -c "print($(now) - $T0)")
    KEPT=$(ls "$OUT/single-file-4-$R" | wc -l)
    CPU=$(tail -n1 "$OUT/cpu-single-file-$R" | awk '{print $1 + $2}')
    echo "single-file, 4 workers (run $R, load $(load)): ${T%.*} s, $KEPT pages kept = $(per_min "$KEPT" "$T")/min, $(python3 -c "print(f'{$CPU / $N:.2f}')") CPU-s per link"
    echo "$T $KEPT $CPU" > "$OUT/single-file-$R"
  done
  python3 - "$OUT" <<'PY'
import sys
out = sys.argv[1]
def rate(name, r):
    t, kept, cpu = map(float, open(f"{out}/{name}-{r}").read().split())
    return kept / t * 60
lines = [f"pages kept per minute, exhibit / single-file (4 workers each): run {r}: "
         f"x{rate('exhibit', r) / rate('single-file', r):.2f}" for r in (1, 2)]
print("\n".join(lines))
open(out + "/summary.txt", "w").write("\n".join(lines) + "\n")
PY
  exit 0
fi
declare -A RATE
for P in 1 2 4; do
  "${EXHIBIT[@]}" --quiet case init "$OUT/case-p$P" --id "bench-p$P" >/dev/null
  T0=$(now)
  "${EXHIBIT[@]}" capture --case "$OUT/case-p$P" --urls "$OUT/links.csv" --parallel "$P" --tsa local \
      --attempts 2 --retry-pause 0.2 --json --quiet > "$OUT/result-p$P.json" || true
  T=$(python3 -c "print($(now) - $T0)")
  RATE[$P]=$(per_min "$N" "$T")
  echo "exhibit --parallel $P: $N URLs in ${T%.*} s = ${RATE[$P]} captures/min; outcomes $(python3 -c \
      "import json; print(json.load(open('$OUT/result-p$P.json'))['counts'])")"
done

T0=$(now)
(cd "$OUT" && wget -q --tries=1 --timeout=10 --page-requisites --warc-file=wget -P wget -i links.txt) || true
T=$(python3 -c "print($(now) - $T0)"); WGET=$(per_min "$N" "$T")
echo "wget --warc-file --page-requisites: ${T%.*} s = $WGET URLs/min"

declare -A SF
for W in 1 4; do
  T0=$(now)
  (cd "$OUT" && mkdir -p "single-file-$W" && "$OUT/../node_modules/.bin/single-file" --browser-executable-path=/usr/bin/chromium \
      --browser-args='["--no-sandbox","--headless=new"]' --max-parallel-workers="$W" --urls-file=links.txt \
      --output-directory="single-file-$W" > "single-file-$W.log" 2>&1) || true
  T=$(python3 -c "print($(now) - $T0)"); SF[$W]=$(per_min "$N" "$T")
  echo "single-file --max-parallel-workers $W: ${T%.*} s = ${SF[$W]} pages/min, $(ls "$OUT/single-file-$W" | wc -l) pages saved, $(grep -c 'URL:' "$OUT/single-file-$W.log" || true) errors logged"
done

python3 - "$OUT" "${RATE[1]}" "${RATE[2]}" "${RATE[4]}" "$WGET" "${SF[1]}" "${SF[4]}" <<'PY'
import sys
out, p1, p2, p4, wget, sf1, sf4 = sys.argv[1], *map(float, sys.argv[2:])
lines = [f"speed-up over --parallel 1: x{p2/p1:.2f} at 2, x{p4/p1:.2f} at 4",
         f"exhibit vs single-file, same parallelism: x{p1/sf1:.2f} at 1, x{p4/sf4:.2f} at 4 (above 1: exhibit is faster)",
         f"exhibit --parallel 4 vs wget (no browser): x{p4/wget:.2f}"]
print("\n".join(lines))
open(out + "/summary.txt", "w").write("\n".join(lines) + "\n")
PY
