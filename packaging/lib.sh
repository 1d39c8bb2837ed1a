# shellcheck shell=bash disable=SC2034  # the variables set here are read by the scripts that source it
# Shell functions the packaging scripts share (sourced by package.sh, check-install.sh and bench-start.sh).

# start_virtual_display LOG: Xvfb on the first free display number, its output to LOG; sets VIRTUAL_DISPLAY
# (":N") and VIRTUAL_DISPLAY_PID. Fails if Xvfb ends or isn't up within 10 s.
start_virtual_display() {
  local n=90 waited=0
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >"$1" 2>&1 &
  VIRTUAL_DISPLAY_PID=$!
  VIRTUAL_DISPLAY=":$n"
  until [ -e "/tmp/.X11-unix/X$n" ]; do
    kill -0 "$VIRTUAL_DISPLAY_PID" 2>/dev/null || return 1
    sleep 0.2; waited=$((waited + 1)); [ "$waited" -lt 50 ] || return 1
  done
}

# listening_url PID LOG: waits until the server PID, writing LOG, says where it listens, and prints that URL.
# Fails if the server ends first or 2 minutes pass.
listening_url() {
  local pid="$1" log="$2" waited=0
  until grep -q "OpenSSPR server listening on" "$log"; do
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5; waited=$((waited + 1)); [ "$waited" -lt 240 ] || return 1
  done
  sed -n 's/.*OpenSSPR server listening on \([^ ]*\).*/\1/p' "$log" | head -n 1
}
