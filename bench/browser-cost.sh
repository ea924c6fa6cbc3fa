#!/bin/sh
# What a capture costs the machine in Chromium, and the share of it that per-capture isolation takes (not a test).
# Usage: bench/browser-cost.sh [N [quick]]   (from anywhere; N loads per variant, default 20; needs a built ~/.m2 cache)
set -e
cd "$(dirname "$0")/.."
mkdir -p bench/out
CP="$PWD/bench/out/browser-cost.cp"
# compile and build-classpath in one reactor run, so sibling modules resolve to their target/classes
mvn -q -B -o -pl capture -am compile dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=runtime
echo "load: $(uptime | sed 's/.*load average/load average/')"
java -cp "capture/target/classes:metadata/target/classes:integrity/target/classes:$(tr ':' '\n' < "$CP" | grep -v /org/exhibit/ | paste -sd:)" \
    bench/BrowserCost.java "${1:-20}" ${2:-} 2>&1 | grep -v '^WARN\|^[A-Z][a-z][a-z] [0-9]* [0-9:]* [AP]M\|^WARNING'
echo "load: $(uptime | sed 's/.*load average/load average/')"
