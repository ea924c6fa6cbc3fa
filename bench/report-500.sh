#!/usr/bin/env bash
# Benchmark (not a test): case report of 500 captures against a baseline of 50, same run, same heap cap.
# Prints wall time and peak RSS (/usr/bin/time -v) for each and their ratios. Bounded memory shows as a peak RSS
# that does not grow with the number of captures; -Xmx caps the heap well below what holding the case would need.
# Usage: bench/report-500.sh [WORKDIR]   (default /tmp/exhibit-bench; the generated cases are kept for reruns)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/exhibit-bench}
heap=${HEAP:--Xmx256m}
mkdir -p "$work"
# one reactor run, so the sibling modules resolve to their fresh target/classes (the last module written, report, wins)
mvn -q -B -o -pl report -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="report/target/test-classes:report/target/classes:$(cat "$work/cp.txt")"
run() { java "$heap" -cp "$cp" org.exhibit.report.ReportBenchmark "$@"; }
for n in 50 500; do
  [ -d "$work/case-$n/data" ] || run make "$work/case-$n" "$n"
done
for n in 50 500; do
  rm -rf "$work/out-$n" && mkdir -p "$work/out-$n"
  /usr/bin/time -v -o "$work/time-$n.txt" java "$heap" -cp "$cp" org.exhibit.report.ReportBenchmark render \
      "$work/case-$n" "$work/out-$n" | tee "$work/run-$n.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time-$n.txt")
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time-$n.txt")
  echo "captures $n: wall $wall, peak RSS ${rss} KB, html $(stat -c%s "$work/out-$n/report.html") B, pdf $(stat -c%s "$work/out-$n/report.pdf") B, pages $(pdfinfo "$work/out-$n/report.pdf" | awk '/^Pages/{print $2}')"
  echo "$n $rss" >> "$work/rss.txt"
done
secs() { awk '{n=split($0,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' <<<"$1"; }
t50=$(secs "$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time-50.txt")")
t500=$(secs "$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time-500.txt")")
r50=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time-50.txt")
r500=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time-500.txt")
echo "ratio 500/50: time $(awk -v a="$t500" -v b="$t50" 'BEGIN{printf "%.2f", a/b}'), peak RSS $(awk -v a="$r500" -v b="$r50" 'BEGIN{printf "%.2f", a/b}') (heap cap $heap)"
