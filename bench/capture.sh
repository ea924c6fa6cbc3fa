#!/bin/sh
# Capture benchmark (not a test): seconds per capture of the sample pages and the share spent on Exhibit's
# own work versus the browser. Usage: bench/capture.sh [ROUNDS]   (from anywhere; needs a built ~/.m2 cache)
set -e
cd "$(dirname "$0")/.."
CP="$PWD/capture/target/bench.cp"
# test-compile and build-classpath in one reactor run, so sibling modules resolve to their target/classes
mvn -q -B -o -pl capture -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=test
java -cp "capture/target/test-classes:capture/target/classes:$(cat "$CP")" \
    org.exhibit.capture.bench.CaptureBench "${1:-3}" samples
