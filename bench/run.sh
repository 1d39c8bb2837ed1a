#!/usr/bin/env bash
# Runs the JMH benchmarks against an in-process server. Arguments go to JMH, e.g.
#   bench/run.sh ImpactPreview -p users=10000 -p database=H2      (-h lists JMH's options)
# Report figures as ratios of one run: the machines are shared and noisy.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA_HOME="$("$ROOT/opensspr" java-home)"
export JAVA_HOME
./mvnw -B -q -pl bench -am install -DskipTests
./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
