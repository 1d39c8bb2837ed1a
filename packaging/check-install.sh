#!/usr/bin/env bash
# The installers, checked the way IT uses them (CI runs this after the tests; .ci/run). It builds the .debs
# (./opensspr package), installs them with dpkg -i on this machine, starts the server as its systemd unit says
# (through systemd where systemd runs, otherwise through the installed launcher with the unit's user,
# environment file, umask and command line), checks /api/v1/health over TLS against the certificate the
# server printed (and, without systemd, that most of its classes came from its AOT cache), starts the installed
# kiosk (through its session script) and console on a virtual display until their first frame (nine in ten
# classes from their AOT caches), reinstalls (data, configuration and certificate survive), removes (data stays)
# and purges (data goes).
#
# It changes this machine: it needs root (or sudo) and refuses to run where OpenSSPR is installed for real.
#   packaging/check-install.sh [--reuse]   (--reuse: check the installers already in packaging/target/installers)
set -euo pipefail
shopt -s inherit_errexit

PACKAGING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$PACKAGING")"
INSTALLERS="$PACKAGING/target/installers"
# shellcheck source=packaging/lib.sh
. "$PACKAGING/lib.sh"
PACKAGES=(opensspr-server opensspr-admin-console opensspr-kiosk)
MARKER=/var/tmp/opensspr-check-install.marker # says the installed packages are this check's own
UNIT=/usr/lib/systemd/system/opensspr-server.service
STARTED=$(date +%s)

as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
root() { "${as_root[@]}" "$@"; }
step() { echo "check-install [$(($(date +%s) - STARTED)) s]: $*"; }
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
known() { dpkg-query -W "$1" >/dev/null 2>&1; }

# --- a clean start ----------------------------------------------------------------------------------------
for package in "${PACKAGES[@]}"; do
  if known "$package" && [ ! -e "$MARKER" ]; then
    fail "$package is installed on this machine and this check did not install it: it would purge its data. Remove it first."
  fi
done
# A check killed inside dpkg -i leaves its packages half-installed and dpkg "interrupted" (apt-get then refuses
# everything): dpkg finishes what it started, and the half-installed packages, ours by the marker, go anyway.
if [ -n "$(dpkg --audit 2>/dev/null)" ]; then
  root env DEBIAN_FRONTEND=noninteractive dpkg --configure -a >/dev/null 2>&1 || true
fi
root dpkg --purge --force-remove-reinstreq "${PACKAGES[@]}" >/dev/null 2>&1 || true
for package in "${PACKAGES[@]}"; do
  if known "$package"; then fail "$package is still on this machine after dpkg --purge"; fi
done

WORK="$(mktemp -d)"
SERVER_PID=""
XVFB_PID=""
cleanup() {
  local status=$?
  [ -z "$SERVER_PID" ] || root kill "$SERVER_PID" 2>/dev/null || true
  [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "--- $log"; tail -n 40 "$log"; }; done >&2
  fi
  root dpkg --purge "${PACKAGES[@]}" >/dev/null 2>&1 || true
  root rm -f "$MARKER"
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- what the check itself uses ---------------------------------------------------------------------------
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v curl >/dev/null || need+=(curl)
command -v openssl >/dev/null || need+=(openssl)
# The packaging's training runs start the desktop apps: JavaFX needs GTK 3 and OpenGL's libraries.
# The list is read whole before matching: under pipefail, `ldconfig -p | grep -q` can fail on a broken pipe.
libraries="$(ldconfig -p)"
for lib in libgtk-3.so.0:libgtk-3-0 libGL.so.1:libgl1 libXtst.so.6:libxtst6 libXxf86vm.so.1:libxxf86vm1; do
  grep -qF "${lib%%:*}" <<<"$libraries" || need+=("${lib##*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  step "installing ${need[*]}"
  root apt-get update -qq
  root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- build and install ------------------------------------------------------------------------------------
if [ "${1:-}" = --reuse ] && compgen -G "$INSTALLERS/*.deb" >/dev/null; then
  step "checking the installers already built"
else
  step "building the installers"
  "$ROOT/opensspr" package
fi
debs=("$INSTALLERS"/*.deb)
[ "${#debs[@]}" -eq 3 ] || fail "expected 3 .deb files in $INSTALLERS, found ${#debs[@]}"
(cd "$INSTALLERS" && sha256sum --quiet -c ./*.sha256) || fail "a .sha256 file does not match its package"

install_all() {
  root touch "$MARKER"
  # dpkg -i leaves a package whose dependencies are missing unconfigured; apt then brings them and finishes.
  if ! root env DEBIAN_FRONTEND=noninteractive dpkg -i "${debs[@]}" >"$WORK/dpkg.log" 2>&1; then
    step "dpkg -i wants dependencies: apt-get -f install"
    root apt-get update -qq
    root env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq >>"$WORK/dpkg.log" 2>&1
  fi
  for package in "${PACKAGES[@]}"; do installed "$package" || fail "$package is not installed (see dpkg.log)"; done
}

step "installing with dpkg -i"
install_all

# --- what the installation made ---------------------------------------------------------------------------
expect_mode() { # path, mode, owner
  local actual
  actual="$(root stat -c '%a %U' "$1")" || fail "$1 is missing"
  [ "$actual" = "$2 $3" ] || fail "$1 is '$actual', expected '$2 $3'"
}
getent passwd opensspr >/dev/null || fail "no system user opensspr"
[ "$(getent passwd opensspr | cut -d: -f7)" = /usr/sbin/nologin ] || fail "the opensspr user can log in"
expect_mode /var/lib/opensspr 700 opensspr
expect_mode /etc/opensspr/server.env 600 root
expect_mode /etc/opensspr/server.conf 644 root
for package in "${PACKAGES[@]}"; do
  [ -x "/usr/bin/$package" ] || fail "/usr/bin/$package is missing"
  root dpkg --verify "$package" || fail "dpkg --verify $package: installed files differ from the package"
done
for desktop in /usr/share/applications/opensspr-admin-console.desktop /usr/share/applications/opensspr-kiosk.desktop \
    /usr/share/xsessions/opensspr-kiosk.desktop; do
  [ -f "$desktop" ] || fail "$desktop is missing"
done
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$UNIT" >"$WORK/unit.log" 2>&1 || fail "systemd-analyze verify $UNIT: $(cat "$WORK/unit.log")"
fi

# A port of its own, set the way an administrator would: in the configuration file (dpkg keeps the edit).
PORT=18443
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
root sh -c "printf '\n# set by check-install\n--port %s\n' $PORT >> /etc/opensspr/server.conf"

# --- the server, as its unit says ---------------------------------------------------------------------------
unit_value() { sed -n "s/^$1=//p" "$UNIT" | tail -n 1; }
start_server() {
  : >"$WORK/server.log"
  if [ -d /run/systemd/system ]; then
    root systemctl start opensspr-server.service
    SINCE="$(date '+%Y-%m-%d %H:%M:%S')"
    local waited=0
    until root journalctl -u opensspr-server.service --since "$SINCE" -o cat >"$WORK/server.log" 2>/dev/null \
        && grep -q "OpenSSPR server listening on" "$WORK/server.log"; do
      sleep 1; waited=$((waited + 1)); [ "$waited" -lt 120 ] || fail "the service did not start in 2 minutes"
    done
  else
    # No systemd here: the unit's own user, umask, environment file, directory and command line.
    local user environment umask directory command
    user="$(unit_value User)"; umask="$(unit_value UMask)"; directory="$(unit_value WorkingDirectory)"
    environment="$(unit_value EnvironmentFile)"; environment="${environment#-}"
    command="$(unit_value ExecStart)"
    [ -n "$user" ] && [ -n "$umask" ] && [ -n "$command" ] || fail "the unit lacks User, UMask or ExecStart"
    # Run directly (not through the function root), so that $! is the server's process after the execs.
    # SERVER_CLASSES names a file for the classes the server loads, and where from (its AOT cache or not).
    "${as_root[@]}" sh -c "umask $umask; cd '$directory'; set -a; [ ! -r '$environment' ] || . '$environment'; set +a; \
      ${SERVER_CLASSES:+JAVA_TOOL_OPTIONS='-Xlog:class+load=info:file=$SERVER_CLASSES'} \
      HOME='$directory' exec setpriv --reuid='$user' --regid='$user' --init-groups -- $command" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    listening_url "$SERVER_PID" "$WORK/server.log" >/dev/null \
      || fail "the server did not start: $(cat "$WORK/server.log")"
  fi
  URL="$(sed -n 's/.*OpenSSPR server listening on \([^ ]*\).*/\1/p' "$WORK/server.log" | head -n 1)"
  FINGERPRINT="$(sed -n 's/^TLS certificate SHA-256 fingerprint: //p' "$WORK/server.log" | head -n 1)"
  [ "$URL" = "https://127.0.0.1:$PORT" ] || fail "the server listens on '$URL', not on the configured port $PORT"
}

stop_server() {
  if [ -d /run/systemd/system ]; then
    root systemctl stop opensspr-server.service
  elif [ -n "$SERVER_PID" ]; then
    root kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

check_health() {
  local served
  openssl s_client -connect "127.0.0.1:$PORT" </dev/null 2>/dev/null | openssl x509 -outform PEM >"$WORK/server.pem" \
    || fail "no certificate from the server"
  served="$(openssl x509 -in "$WORK/server.pem" -noout -fingerprint -sha256 | sed 's/.*=//')"
  [ "$served" = "$FINGERPRINT" ] || fail "the served certificate ($served) is not the one the server printed ($FINGERPRINT)"
  curl --fail --silent --show-error --cacert "$WORK/server.pem" "$URL/api/v1/health" >"$WORK/health.json" \
    || fail "GET /api/v1/health over TLS failed"
  grep -q '"UP"' "$WORK/health.json" || fail "health is not UP: $(cat "$WORK/health.json")"
}

step "starting the server through its unit's command"
if [ -d /run/systemd/system ]; then
  start_server
else
  # Written by the server's own user in its working directory; read and removed as root.
  SERVER_CLASSES=/var/lib/opensspr/check-install-classes.log start_server
  cached="$(root grep -c 'source: shared objects file' /var/lib/opensspr/check-install-classes.log || true)"
  total="$(root wc -l </var/lib/opensspr/check-install-classes.log)"
  root rm -f /var/lib/opensspr/check-install-classes.log
  # A cache the JVM can't use costs only speed, so nothing else would notice: count where classes came from.
  [ "$((cached * 100))" -ge "$((total * 80))" ] || fail "the server loaded only $cached of $total classes from its AOT cache"
  step "server: $cached of $total classes from the AOT cache"
fi
check_health
step "health over TLS: $(cat "$WORK/health.json") (certificate $FINGERPRINT)"
expect_mode /var/lib/opensspr/secret.key 600 opensspr
BEFORE="$(root sha256sum /var/lib/opensspr/secret.key /var/lib/opensspr/tls/server.p12 | cut -d' ' -f1 | paste -sd' ')"

# --- the desktop apps, installed, on a virtual display ------------------------------------------------------
start_virtual_display "$WORK/xvfb.log" || fail "Xvfb did not start"
XVFB_PID="$VIRTUAL_DISPLAY_PID"

first_frame() { # app, log, command…: the app must draw its first frame, its classes from its AOT cache
  local app="$1" log="$2" classes cached total; shift 2
  classes="$WORK/$app-classes.log"
  # As root: the apps pin the server's certificate from its data directory, the server's user's alone.
  root env DISPLAY="$VIRTUAL_DISPLAY" HOME="$WORK/home-$app" \
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$classes -Dopensspr.first-frame=exit -Dopensspr.first-frame.settle-ms=500" \
    timeout 120 "$@" >"$log" 2>&1 || fail "$app did not start and stop cleanly (status $?)"
  grep -q "opensspr first-frame app=$app" "$log" || fail "$app drew no frame"
  # A cache the JVM can't use costs only speed, so nothing else would notice: count where classes came from.
  cached="$(root grep -c 'source: shared objects file' "$classes" || true)"
  total="$(root wc -l <"$classes")"
  [ "$((cached * 100))" -ge "$((total * 90))" ] || fail "$app loaded only $cached of $total classes from its AOT cache"
  step "$app: $(grep -o "opensspr first-frame.*" "$log"), $cached of $total classes from the AOT cache"
}
# The kiosk through its session script and /etc/opensspr/kiosk.conf, as a kiosk session starts it.
root sh -c "cat > /etc/opensspr/kiosk.conf" <<CONF
--server=$URL
--data=/var/lib/opensspr
--settings=$WORK/kiosk
--windowed
CONF
first_frame kiosk "$WORK/kiosk.log" /usr/libexec/opensspr/kiosk-session --once
first_frame admin-console "$WORK/console.log" /usr/bin/opensspr-admin-console --server "$URL" \
  --data /var/lib/opensspr --settings "$WORK/console.properties"

# --- reinstall: data and configuration survive --------------------------------------------------------------
step "reinstalling"
stop_server
install_all
grep -q "^--port $PORT\$" /etc/opensspr/server.conf || fail "the reinstall lost the edited server.conf"
start_server
check_health
AFTER="$(root sha256sum /var/lib/opensspr/secret.key /var/lib/opensspr/tls/server.p12 | cut -d' ' -f1 | paste -sd' ')"
[ "$BEFORE" = "$AFTER" ] || fail "the reinstall changed the secret key or the certificate"
step "after the reinstall: same key and certificate, health over TLS again"
stop_server

# --- remove, then purge -------------------------------------------------------------------------------------
step "removing"
root dpkg --remove "${PACKAGES[@]}" >"$WORK/dpkg.log" 2>&1 || fail "dpkg --remove failed"
for package in "${PACKAGES[@]}"; do
  [ ! -e "/opt/$package" ] && [ ! -e "/usr/bin/$package" ] || fail "$package left its program behind"
done
root test -f /var/lib/opensspr/secret.key || fail "removing deleted the data"
[ -f /etc/opensspr/server.conf ] || fail "removing deleted the configuration"
step "purging"
root dpkg --purge "${PACKAGES[@]}" >"$WORK/dpkg.log" 2>&1 || fail "dpkg --purge failed"
[ ! -e /var/lib/opensspr ] || fail "purging left /var/lib/opensspr"
[ ! -e /etc/opensspr ] || fail "purging left /etc/opensspr: $(ls -A /etc/opensspr)"
step "passed"
