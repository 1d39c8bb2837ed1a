#!/usr/bin/env bash
# Runs the load generator: simulated kiosks doing complete resets through the kiosk's API, by email code (the
# default) or any other method, against an in-process server (embedded H2 file, test mode) or a running test-mode
# server. E.g.
#   bench/load.sh --kiosks 16 --duration 30            (--help lists the options)
#   bench/load.sh --kiosks 16 --duration 30 --methods SECURITY_QUESTIONS --users 600
#   bench/load.sh --instances 1,2,3 --database postgres (1, 2, 3 instances on one embedded PostgreSQL, compared)
# Report figures as ratios of one run: the machines are shared and noisy.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA_HOME="${JAVA_HOME:-$("$ROOT/opensspr" java-home)}"
export JAVA_HOME
# Built in the reactor (no install): the classpath names the other modules' jars in their target folders.
# LOAD_SKIP_BUILD=1 runs what the last build left (a series of runs builds once, not inside each measurement).
if [[ "${LOAD_SKIP_BUILD:-}" != 1 || ! -f bench/target/classpath.txt ]]; then
  ./mvnw -B -q -pl bench -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/bench/target/classpath.txt" -DincludeScope=runtime
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.opensspr.bench.load.LoadGenerator "$@"
