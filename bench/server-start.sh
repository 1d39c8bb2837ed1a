#!/usr/bin/env bash
# The server's cold start and idle memory, measured from outside as an operator sees them: from launching the JVM
# to its "listening" line, and its resident memory then and after 10 s idle. Each run starts the server from the
# source tree (as ./opensspr server does) on a fresh data directory (first start: migrations, the TLS
# certificate), stops it, and starts it again on the same directory (a restart). Medians of N runs, e.g.
#   bench/server-start.sh --runs 5
# --launcher FILE starts a packaged server instead, with the options its image carries (AOT cache, heap), e.g.
#   bench/server-start.sh --launcher packaging/target/server/image/opensspr-server/bin/opensspr-server
# (JAVA_TOOL_OPTIONS=-XX:AOTMode=off in the environment measures the same without its cache).
# Report figures as ratios of one run: the machines are shared and noisy.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
launcher=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --launcher) launcher="${2:?--launcher needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "server-start.sh: unknown option $1 (--runs N, --launcher FILE)" >&2; exit 2 ;;
  esac
done
[ -z "$launcher" ] || [ -x "$launcher" ] || { echo "server-start.sh: $launcher is not an executable launcher" >&2; exit 2; }
case "$runs" in ''|*[!0-9]*|0) echo "server-start.sh: --runs takes a positive number" >&2; exit 2 ;; esac
if [ -z "$launcher" ]; then
  JAVA_HOME="$("$ROOT/opensspr" java-home)"
  "$ROOT/opensspr" server --help >/dev/null 2>&1 # builds the server when its sources changed
  CLASSPATH_ARG="$ROOT/server/target/classes:$(cat "$ROOT/server/target/classpath.txt")"
  server_command=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CLASSPATH_ARG" org.opensspr.server.ServerMain)
else
  server_command=("$launcher")
fi
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

# start_once DATA LOG: prints "<ms to listening> <RSS at listening> <RSS after 10 s idle>" and stops the server.
start_once() {
  local data="$1" log="$2" started ready
  started="$(now_ms)"
  (umask 077; exec "${server_command[@]}" --data "$data" --port 0 >"$log" 2>&1) &
  server_pid=$!
  until grep -q "OpenSSPR server listening on" "$log" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { echo "the server ended before listening:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  ready="$(now_ms)"
  local at_ready idle
  at_ready="$(rss_mb "$server_pid")"
  sleep 10
  idle="$(rss_mb "$server_pid")"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
  echo "$((ready - started)) $at_ready $idle"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

: >"$work/first"; : >"$work/restart"
for run in $(seq 1 "$runs"); do
  start_once "$work/data-$run" "$work/first-$run.log" >>"$work/first"
  start_once "$work/data-$run" "$work/restart-$run.log" >>"$work/restart"
  echo "run $run: first start $(tail -n 1 "$work/first"), restart $(tail -n 1 "$work/restart") (ms, MB, MB)" >&2
done
echo "Server start${launcher:+ ($launcher${JAVA_TOOL_OPTIONS:+, JAVA_TOOL_OPTIONS=$JAVA_TOOL_OPTIONS})}, median of $runs runs ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
for kind in first restart; do
  printf '  %-12s to listening %5s ms   RSS at listening %4s MB   RSS after 10 s idle %4s MB\n' "$kind" \
    "$(cut -d' ' -f1 "$work/$kind" | median)" "$(cut -d' ' -f2 "$work/$kind" | median)" \
    "$(cut -d' ' -f3 "$work/$kind" | median)"
done
