#!/bin/sh
# PDQ and metadata benchmark (not a test). From the repository root: sh bench/run.sh [folder of PDQ vectors]
# Builds the metadata module, generates the corpus once (bench/MixedFiles.java), then runs bench/PdqBench.java on
# its runtime classpath; output goes to bench/out/.
set -eu
mkdir -p bench/out
# compile and build-classpath in one reactor run, so that integrity resolves to its target/classes
mvn -q -B -o -pl metadata -am compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench/out/cp-\${project.artifactId}.txt" -Dmdep.includeScope=runtime
CP="metadata/target/classes:integrity/target/classes:$(tr ':' '\n' < bench/out/cp-exhibit-metadata.txt | grep -v /org/exhibit/ | paste -sd:)"
java -cp "$CP" bench/MixedFiles.java bench/out
echo "load: $(uptime | sed 's/.*load average/load average/')"
java -Xmx512m -cp "$CP" bench/PdqBench.java "${1:-metadata/src/test/resources/pdq}" bench/out
echo "load: $(uptime | sed 's/.*load average/load average/')"
