#!/bin/sh
# PDQ and metadata benchmark (not a test). From the repository root: sh bench/run.sh [path/to/shared/testdata/pdq]
# Builds the metadata module, then runs bench/PdqBench.java on its runtime classpath; output goes to bench/out/.
set -eu
mkdir -p bench/out
mvn -q -B -o -pl metadata -am package -DskipTests
mvn -q -B -o -pl metadata dependency:build-classpath -Dmdep.outputFile="$PWD/bench/out/classpath.txt" -Dmdep.includeScope=runtime
CP="metadata/target/classes:integrity/target/classes:$(cat bench/out/classpath.txt)"
exec java -Xmx512m -cp "$CP" bench/PdqBench.java "${1:-../shared/testdata/pdq}" bench/out
