#!/usr/bin/env bash
# Screenshots of every admin-console view, light and dark, against a fresh demo server, under Xvfb.
# Usage: admin-console/screenshots.sh [output dir] [language]   (default: docs/screenshots/admin, English;
#        a language such as es starts the console in it and names the files es-*.png)
# Needs: xvfb-run (Debian: xvfb xauth), oathtool, a JDK 25 (./opensspr finds it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/docs/screenshots/admin}")"
SHOT_LANGUAGE="${2:-}"
for tool in xvfb-run oathtool; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (apt-get install xvfb xauth oathtool)" >&2; exit 1; }
done
DATA="$(mktemp -d)"
PORT=18443
cleanup() { [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT
"$ROOT/opensspr" server --demo --data "$DATA" --port "$PORT" >"$DATA.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do
  grep -q "OpenSSPR server listening on" "$DATA.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA.log" >&2; exit 1; }
  sleep 1
done
URL="$(sed -n 's/.*OpenSSPR server listening on \([^ ]*\).*/\1/p' "$DATA.log" | head -n 1)"
cd "$ROOT"
JAVA_HOME="$("$ROOT/opensspr" java-home)"
export JAVA_HOME
./mvnw -B -q -pl admin-console -am install -DskipTests
./mvnw -B -q -pl admin-console dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
mkdir -p "$OUT"
xvfb-run -a -s '-screen 0 1280x800x24' "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dprism.order=sw \
  -cp "admin-console/target/test-classes:admin-console/target/classes:$(cat admin-console/target/test-classpath.txt)" \
  org.opensspr.console.tools.ScreenshotTour "$URL" "$DATA" "$OUT" ${SHOT_LANGUAGE:+"$SHOT_LANGUAGE"}
rm -f "$OUT/.settings.properties"
echo "screenshots.sh: wrote $(ls "$OUT"/*.png | wc -l) PNGs to $OUT"
