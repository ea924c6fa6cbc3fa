#!/usr/bin/env bash
# Batch capture benchmark (not a test): captures per minute for a mixed link list (the batch test site:
# fast, slow, redirecting, 404, 500 and refused links) at --parallel 1, 2 and 4, the speed-up over
# --parallel 1, and in the same run the same list through `wget --warc-file --page-requisites` (no browser:
# a lower bound) and `single-file` (single-file-cli, driving the Debian Chromium).
#   bench/batch-bench.sh [N]      N links, default 200; results in bench/out/batch/
set -euo pipefail
N=${1:-200}
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
