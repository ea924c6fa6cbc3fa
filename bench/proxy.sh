#!/bin/sh
# Recording-proxy benchmark (not a test): proxied vs direct fetches from the same local server, and WACZ
# packaging / resource extraction vs jwarc reading every record, as ratios. Usage: bench/proxy.sh [REQUESTS]
set -e
cd "$(dirname "$0")/.."
CP="$PWD/capture/target/bench.cp"
mvn -q -B -o -pl capture -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=test
java -Dsun.net.httpserver.nodelay=true -cp "capture/target/test-classes:capture/target/classes:$(cat "$CP")" org.exhibit.capture.bench.ProxyBench "${1:-200}"
