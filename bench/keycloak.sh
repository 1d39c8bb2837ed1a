#!/usr/bin/env bash
# Issue #18's side by side: the same load against Keycloak's reset-credentials flow and then against OpenSSPR, one
# after the other in one run, at the same Argon2id parameters. E.g.
#   bench/keycloak.sh --kiosks 64 --duration 30           (--help lists the options)
# Fetches Keycloak's distribution from Maven Central into bench/target/keycloak (-Pkeycloak; ~160 MB, once), builds
# it for the embedded dev-file H2 database and local caches, starts it on free loopback ports, and runs
# org.opensspr.bench.keycloak.SideBySide, which stops it before our side runs. Keycloak is stopped on any exit.
# On a shared machine wrap it in: flock /tmp/opensspr-bench.lock bench/keycloak.sh ...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA_HOME="${JAVA_HOME:-$("$ROOT/opensspr" java-home)}"
export JAVA_HOME
ARGON2_MEMORY_KIB=19456 ARGON2_ITERATIONS=2 ARGON2_PARALLELISM=1 # OpenSSPR's PasswordHasher.owasp()

build() { # in the reactor (no install); "$@": a profile
  ./mvnw -B -q -pl bench -am "$@" package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/bench/target/classpath.txt" -Dmdep.includeScope=runtime
}
side_by_side() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.opensspr.bench.keycloak.SideBySide "$@"
}

for arg in "$@"; do
  if [[ $arg == -h || $arg == --help ]]; then
    [[ -f bench/target/classpath.txt ]] || build
    side_by_side --help || true
    exit 0
  fi
done

build -Pkeycloak
VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' bench/pom.xml)"
KC_HOME="$ROOT/bench/target/keycloak/keycloak-$VERSION"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
HTTP_PORT="$(free_port)"
MANAGEMENT_PORT="$(free_port)"

# A build-time configuration, once per unpacked distribution: start --optimized then skips Quarkus's augmentation.
if [[ ! -f "$KC_HOME/.opensspr-built" ]]; then
  "$KC_HOME/bin/kc.sh" build --db=dev-file --health-enabled=true >"$KC_HOME/build.log" 2>&1 \
    || { cat "$KC_HOME/build.log" >&2; exit 1; }
  touch "$KC_HOME/.opensspr-built"
fi
rm -rf "$KC_HOME/data" # a fresh dev-file H2 database every run

export KC_BOOTSTRAP_ADMIN_USERNAME=admin
KC_BOOTSTRAP_ADMIN_PASSWORD="$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export KC_BOOTSTRAP_ADMIN_PASSWORD
# A fixed heap, so that Keycloak doesn't take 70% of the shared machine's memory (its default).
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms1g -Xmx2g}"
LOG="$ROOT/bench/target/keycloak-$HTTP_PORT.log"
# Its own session (setsid), so the exit trap can stop kc.sh and its JVM as one process group.
setsid "$KC_HOME/bin/kc.sh" start --optimized --cache=local \
  --http-enabled=true --http-host=127.0.0.1 --http-port="$HTTP_PORT" \
  --http-management-port="$MANAGEMENT_PORT" --hostname-strict=false \
  --spi-password-hashing--argon2--type=id \
  --spi-password-hashing--argon2--memory="$ARGON2_MEMORY_KIB" \
  --spi-password-hashing--argon2--iterations="$ARGON2_ITERATIONS" \
  --spi-password-hashing--argon2--parallelism="$ARGON2_PARALLELISM" \
  >"$LOG" 2>&1 &
KC_PID=$!
stop_keycloak() {
  if kill -0 "$KC_PID" 2>/dev/null; then
    kill -TERM -- "-$KC_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$KC_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$KC_PID" 2>/dev/null || true
  fi
}
trap stop_keycloak EXIT

echo "Keycloak $VERSION starting on http://127.0.0.1:$HTTP_PORT (log: $LOG)" >&2
for _ in $(seq 180); do
  if curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" >/dev/null; then break; fi
  kill -0 "$KC_PID" 2>/dev/null || { tail -30 "$LOG" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" >/dev/null || { echo "Keycloak not ready" >&2; exit 1; }

side_by_side --keycloak "http://127.0.0.1:$HTTP_PORT" --keycloak-pid "$KC_PID" --keycloak-version "$VERSION" "$@"
