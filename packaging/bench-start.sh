#!/usr/bin/env bash
# Start-up benchmark of the packaged desktop apps (a benchmark, not a test: it reports, it doesn't judge).
# For the kiosk and the admin console, from the app images ./opensspr package made (or the installed ones
# with --installed), started as /usr/bin/opensspr-<app> starts them (the runtime's java with the options of the
# image's configuration, ADR 27): the time from launch to the first frame on screen, and the
# resident memory then, with the AOT cache the package ships and without it (-XX:AOTMode=off), alternating
# runs on one virtual display against a server on a throw-away demo directory, so both start the screen
# users see (the kiosk's sign-in, the console's sign-in).
#
#   packaging/bench-start.sh [--runs N] [--installed]      (default 10 runs of each)
# OPENSSPR_BENCH_JAVA_OPTIONS adds JVM options to every run (to try one; the caches were trained without it).
set -euo pipefail
shopt -s inherit_errexit

PACKAGING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=packaging/lib.sh
. "$PACKAGING/lib.sh"
RUNS=10
INSTALLED=no
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --installed) INSTALLED=yes; shift ;;
    *) echo "usage: $0 [--runs N] [--installed]" >&2; exit 2 ;;
  esac
done

image() { # app → its app image folder
  if [ "$INSTALLED" = yes ]; then echo "/opt/opensspr-$1"; else echo "$PACKAGING/target/$1/image/opensspr-$1"; fi
}
start() { # app, arguments…: as /usr/bin/opensspr-<app> does; exec, so that a background start's $! is the JVM
  local app="$1"; shift
  exec "$(image "$app")/lib/runtime/bin/java" "@$WORK/$app.args" "$@"
}
for app in server kiosk admin-console; do
  [ -x "$(image "$app")/bin/opensspr-$app" ] || { echo "no $(image "$app"): run ./opensspr package first" >&2; exit 1; }
done

WORK="$(mktemp -d)"
SERVER_PID="" XVFB_PID=""
trap '[ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null; [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

start_virtual_display /dev/null || { echo "Xvfb did not start" >&2; exit 1; }
XVFB_PID="$VIRTUAL_DISPLAY_PID"

for app in server kiosk admin-console; do "$PACKAGING/linux/cfg-to-args" "$(image "$app")" "$(image "$app")" >"$WORK/$app.args"; done
start server --data "$WORK/data" --port 0 --demo >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
URL="$(listening_url "$SERVER_PID" "$WORK/server.log")" || { cat "$WORK/server.log" >&2; exit 1; }

once() { # app, aot|plain → "milliseconds rss-kb"
  local app="$1" mode="$2" options="-Dopensspr.first-frame=exit -Dopensspr.first-frame.settle-ms=200" args started line
  [ "$mode" = aot ] || options="-XX:AOTMode=off $options"
  options="${OPENSSPR_BENCH_JAVA_OPTIONS:-} $options"
  case "$app" in
    kiosk) args=(--server "$URL" --data "$WORK/data" --settings "$WORK/kiosk") ;;
    admin-console) args=(--server "$URL" --data "$WORK/data" --settings "$WORK/console.properties") ;;
  esac
  started="$(date +%s%3N)"
  line="$(DISPLAY="$VIRTUAL_DISPLAY" HOME="$WORK/home" JAVA_TOOL_OPTIONS="$options" \
    start "$app" "${args[@]}" 2>/dev/null | grep "opensspr first-frame")"
  awk -v started="$started" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                               printf "%d %d\n", v["epoch-ms"] - started, v["rss-kb"] }' <<<"$line"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)) }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); runs: $RUNS of each"
printf '%-14s %-6s %10s %10s %10s %12s\n' app cache "median ms" "min ms" "max ms" "RSS MB (med)"
for app in kiosk admin-console; do
  once "$app" aot >/dev/null # the first run warms the file cache for both
  : >"$WORK/$app.aot"; : >"$WORK/$app.plain"
  for ((run = 0; run < RUNS; run++)); do
    once "$app" aot >>"$WORK/$app.aot"
    once "$app" plain >>"$WORK/$app.plain"
  done
  for mode in aot plain; do
    printf '%-14s %-6s %10s %10s %10s %12s\n' "$app" "$mode" \
      "$(cut -d' ' -f1 "$WORK/$app.$mode" | median)" "$(cut -d' ' -f1 "$WORK/$app.$mode" | sort -n | head -n 1)" \
      "$(cut -d' ' -f1 "$WORK/$app.$mode" | sort -n | tail -n 1)" "$(($(cut -d' ' -f2 "$WORK/$app.$mode" | median) / 1024))"
  done
  echo "$app: with the AOT cache / without = $(awk -v a="$(cut -d' ' -f1 "$WORK/$app.aot" | median)" \
    -v p="$(cut -d' ' -f1 "$WORK/$app.plain" | median)" 'BEGIN { printf "%.2f", a / p }')"
done
