#!/usr/bin/env bash
# Screenshots of every kiosk screen, taken under Xvfb against the demo server, into docs/screenshots/kiosk/.
# Run from anywhere:  lockscreen-client/screenshots.sh
# Needs: a JDK 25 (found like ./opensspr does), xvfb-run. The demo server runs in test mode so the captcha
# takes the fixed answer; emailed codes are read from the .eml files in its outbox.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/docs/screenshots/kiosk"
WORK="$(mktemp -d)"
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/javac" ]; then
  for candidate in /usr/lib/jvm/*25*/; do
    if [ -x "$candidate/bin/javac" ]; then export JAVA_HOME="${candidate%/}"; break; fi
  done
fi
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is needed (apt-get install xvfb xauth)" >&2; exit 1; }

echo "screenshots.sh: starting the demo server ..."
"$ROOT/opensspr" server --demo --test-mode --data "$WORK/data" --port 0 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  grep -q "OpenSSPR server listening on" "$WORK/server.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 1
done
URL="$(sed -n 's/.*OpenSSPR server listening on \([^ ]*\).*/\1/p' "$WORK/server.log" | head -n 1)"
[ -n "$URL" ] || { cat "$WORK/server.log" >&2; echo "screenshots.sh: the server did not start" >&2; exit 1; }
echo "screenshots.sh: demo server at $URL"
# The demo administrator's authenticator secret, printed once at seeding: the tour issues a Temporary Access Pass.
ADMIN_SECRET="$(sed -n 's/.*oathtool --totp -b \([A-Z2-7]*\).*/\1/p' "$WORK/server.log" | head -n 1)"
[ -n "$ADMIN_SECRET" ] || { cat "$WORK/server.log" >&2; echo "screenshots.sh: no administrator secret in the log" >&2; exit 1; }

rm -f "$OUT"/*.png
cd "$ROOT"
xvfb-run -a -s '-screen 0 1280x800x24' ./mvnw -B -q -pl lockscreen-client -am test \
  -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dtestfx.robot=glass \
  -Dscreenshots.server="$URL" -Dscreenshots.data="$WORK/data" -Dscreenshots.out="$OUT" \
  -Dscreenshots.adminSecret="$ADMIN_SECRET"
if command -v convert >/dev/null; then # lossless, about 40 % smaller
  for png in "$OUT"/*.png; do
    convert "$png" -define png:compression-level=9 -define png:compression-filter=5 "$png.tmp" && mv "$png.tmp" "$png"
  done
fi
echo "screenshots.sh: $(ls "$OUT"/*.png | wc -l) screenshots in $OUT ($(du -sh "$OUT" | cut -f1))"
