#!/usr/bin/env bash
# ./opensspr package: the installers of the server, the admin console and the kiosk (README "Install",
# docs/decisions/0027). For each: a runtime jlink-trimmed to the modules the app needs, a jpackage app image,
# for the two desktop apps an AOT cache made by a training run (JEP 483/514/515), then
#   Linux:   a .deb built from the image with dpkg-deb (systemd unit, /etc/opensspr, desktop entries, a kiosk session)
#   Windows: an .msi, macOS: a .dmg/.pkg, with jpackage and the options in packaging/jpackage/<os>/<app>.args
# into packaging/target/installers, each file with a .sha256 beside it. Same commit, same bytes (see ADR 27).
#
# Options: --no-aot   skip the training runs (no display or GTK on this machine; the apps then start slower)
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(…) stops the build too

PACKAGING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$PACKAGING")"
OUT="$PACKAGING/target"
INSTALLERS="$OUT/installers"
APPS=(server admin-console kiosk)
AOT=yes
# shellcheck source=packaging/lib.sh
. "$PACKAGING/lib.sh"

die() { echo "opensspr package: $*" >&2; exit 1; }
say() { echo "opensspr package: $*" >&2; }

for arg in "$@"; do
  case "$arg" in
    --no-aot) AOT=no ;;
    *) die "unknown option $arg (known: --no-aot)" ;;
  esac
done
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ] || die "JAVA_HOME must be a JDK 25 with jpackage (./opensspr package finds one)"

case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows ;;
  *) die "no installer format for $(uname -s)" ;;
esac

# --- what each app is -------------------------------------------------------------------------------------
module_of() { case "$1" in kiosk) echo lockscreen-client ;; *) echo "$1" ;; esac; }
main_of() {
  case "$1" in
    server) echo org.opensspr.server.ServerMain ;;
    admin-console) echo org.opensspr.console.AdminConsoleMain ;;
    kiosk) echo org.opensspr.kiosk.KioskMain ;;
  esac
}
title_of() {
  case "$1" in
    server) echo "OpenSSPR Server" ;;
    admin-console) echo "OpenSSPR Admin Console" ;;
    kiosk) echo "OpenSSPR Kiosk" ;;
  esac
}
summary_of() {
  case "$1" in
    server) echo "self-service password reset server (HTTP API, policy, audit, directory writeback)" ;;
    admin-console) echo "self-service password reset: the administrators' console" ;;
    kiosk) echo "self-service password reset: the lock-screen kiosk" ;;
  esac
}
# Modules that no class names, so jdeps can't find them: Unsafe for several libraries, the Spanish locale data
# (both languages are shipped), DNS for LDAP server lookups, and JFR to profile a server in production.
extra_modules_of() {
  case "$1" in
    server) echo jdk.unsupported,jdk.localedata,jdk.naming.dns,jdk.jfr ;;
    *) echo jdk.unsupported,jdk.localedata ;;
  esac
}
java_options_of() {
  echo --enable-native-access=ALL-UNNAMED
  case "$1" in
    # systemd starts it again after running out of memory. The heap starts small and gives back what an idle
    # server doesn't use (a periodic collection after 5 s without one, keeping at most 30 % free): about 100 MB
    # less resident at idle than G1's defaults on a large machine. The C library keeps what the JIT's compilers
    # freed after the start (~20 MB) until it is asked to give it back: every 5 s (docs/performance.md § Cold
    # start and memory).
    server) printf '%s\n' -XX:+ExitOnOutOfMemoryError -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
      -XX:G1PeriodicGCInterval=5000 -XX:TrimNativeHeapInterval=5000 ;;
    # A single-purpose screen with a small heap: the serial collector and a heap that starts small keep it
    # some 15 MB lighter than G1 (bench-start.sh); out of memory, it ends and its session starts it again.
    kiosk) printf '%s\n' -XX:+UseSerialGC -Xms16m -Xmx384m -XX:+ExitOnOutOfMemoryError ;;
  esac
}
is_desktop_app() { [ "$1" != server ]; }

# --- version and time -------------------------------------------------------------------------------------
VERSION="$(sed -n '/<artifactId>opensspr-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$ROOT/pom.xml")"
[ -n "$VERSION" ] || die "no project version in pom.xml"
APP_VERSION="${VERSION%%-*}"          # jpackage takes numbers only: 0.1.0
DEB_VERSION="${VERSION/-/\~}"        # 0.1.0~SNAPSHOT sorts before the 0.1.0 release
# One time for every file of every artifact: the last commit's, so one commit gives the same bytes.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || true)"
  [ -n "$SOURCE_DATE_EPOCH" ] || SOURCE_DATE_EPOCH="$(date -d "$(sed -n 's/.*<project.build.outputTimestamp>\(.*\)<.*/\1/p' "$ROOT/pom.xml")" +%s)"
fi
export SOURCE_DATE_EPOCH
export TZ=UTC LC_ALL=C.UTF-8

touch_tree() { find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; }

# --- build ------------------------------------------------------------------------------------------------
build_jars() {
  say "building the applications (version $VERSION) ..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dmaven.jar.forceCreation=true \
      -Dproject.build.outputTimestamp="$SOURCE_DATE_EPOCH" -pl server,admin-console,lockscreen-client -am \
      package dependency:copy-dependencies -DincludeScope=runtime) >"$OUT/maven.log" 2>&1 \
    || { cat "$OUT/maven.log" >&2; die "the build failed (output above)"; }
}

# jar files of the app and what it needs at run time, in one folder
stage_input() {
  local app="$1" module input
  module="$(module_of "$app")"
  input="$OUT/$app/input"
  rm -rf "$input" && mkdir -p "$input"
  cp "$ROOT/$module/target/dependency/"*.jar "$ROOT/$module/target/$module-$VERSION.jar" "$input/"
  echo "$input"
}

runtime_for() {
  local app="$1" input="$2" jar modules runtime
  runtime="$OUT/$app/runtime"
  jar="$input/$(module_of "$app")-$VERSION.jar"
  local classpath
  classpath="$(find "$input" -name '*.jar' ! -path "$jar" | sort | paste -sd: -)"
  modules="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 \
      --class-path "$classpath" "$jar")" || die "jdeps could not list the modules of $app"
  rm -rf "$runtime"
  "$JAVA_HOME/bin/jlink" --add-modules "$modules,$(extra_modules_of "$app")" --include-locales=en,es \
    --strip-debug --no-header-files --no-man-pages --output "$runtime" 2> >(grep -v 'No JDK Modules found\|^$' >&2 || true)
  say "$app runtime: $modules,$(extra_modules_of "$app") ($(du -sm "$runtime" | cut -f1) MB)"
  echo "$runtime"
}

jpackage_common() { # the options every type shares
  local app="$1" input="$2" runtime="$3" option
  printf '%s\n' --name "opensspr-$app" --app-version "$APP_VERSION" --vendor OpenSSPR \
    --copyright "OpenSSPR contributors" --description "$(title_of "$app"): $(summary_of "$app")" \
    --input "$input" --main-jar "$(module_of "$app")-$VERSION.jar" --main-class "$(main_of "$app")" \
    --runtime-image "$runtime"
  while read -r option; do printf '%s\n' --java-options "$option"; done < <(java_options_of "$app")
  if is_desktop_app "$app"; then
    case "$OS" in
      linux) printf '%s\n' --icon "$PACKAGING/icons/opensspr.png" ;;
      windows) printf '%s\n' --icon "$PACKAGING/icons/opensspr.ico" ;;
    esac
  fi
}

app_image() {
  local app="$1" input="$2" runtime="$3" options
  mapfile -t options < <(jpackage_common "$app" "$input" "$runtime")
  rm -rf "$OUT/$app/image"
  "$JAVA_HOME/bin/jpackage" --type app-image --dest "$OUT/$app/image" "${options[@]}"
  touch_tree "$OUT/$app/image"
  echo "$OUT/$app/image/opensspr-$app"
}

# --- AOT training -----------------------------------------------------------------------------------------
DISPLAY_PID=""
TRAINING_SERVER_PID=""
TRAINING=""
cleanup() {
  [ -z "$TRAINING_SERVER_PID" ] || { kill "$TRAINING_SERVER_PID" 2>/dev/null; wait "$TRAINING_SERVER_PID" 2>/dev/null || true; }
  [ -z "$DISPLAY_PID" ] || kill "$DISPLAY_PID" 2>/dev/null || true
  [ -z "$TRAINING" ] || rm -rf "$TRAINING"
}
trap cleanup EXIT

# The desktop apps are trained against a real server (the one just packaged, on a throw-away demo directory)
# so the cache holds what their first screens load: the kiosk's sign-in screen, the console's sign-in. That
# server records its own cache meanwhile: its start, the requests of both apps' first screens, and its stop.
start_training() {
  local server_image="$1"
  if [ -z "${DISPLAY:-}" ]; then
    command -v Xvfb >/dev/null || die "the AOT training runs the apps on a display: install xvfb (sudo apt-get install xvfb) or pass --no-aot"
    start_virtual_display /dev/null || die "Xvfb did not start"
    DISPLAY_PID="$VIRTUAL_DISPLAY_PID"
    export DISPLAY="$VIRTUAL_DISPLAY"
  fi
  TRAINING="$(mktemp -d)"
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$server_image/lib/app/opensspr-server.aot" \
    "$server_image/bin/opensspr-server" --data "$TRAINING/data" --port 0 --demo >"$TRAINING/server.log" 2>&1 &
  TRAINING_SERVER_PID=$!
  TRAINING_URL="$(listening_url "$TRAINING_SERVER_PID" "$TRAINING/server.log")" \
    || { cat "$TRAINING/server.log" >&2; die "the training server did not start"; }
}

train() {
  local app="$1" image="$2" cache args log
  cache="$image/lib/app/opensspr-$app.aot"
  log="$TRAINING/$app.log"
  case "$app" in
    kiosk) args=(--server "$TRAINING_URL" --data "$TRAINING/data" --settings "$TRAINING/kiosk") ;;
    admin-console) args=(--server "$TRAINING_URL" --data "$TRAINING/data" --settings "$TRAINING/console.properties") ;;
  esac
  # One step (JEP 514): the run records, and its exit assembles the cache from that record.
  HOME="$TRAINING/home" JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache -Dopensspr.first-frame=exit -Dopensspr.first-frame.settle-ms=3000" \
    timeout 180 "$image/bin/opensspr-$app" "${args[@]}" >"$log" 2>&1 \
    || { cat "$log" >&2; die "the training run of $app failed (log above)"; }
  grep -q "opensspr first-frame app=" "$log" || { cat "$log" >&2; die "the training run of $app showed no frame"; }
  [ -s "$cache" ] || { cat "$log" >&2; die "the training run of $app made no AOT cache"; }
  use_cache "$app" "$image"
}

use_cache() {
  local app="$1" image="$2" cache
  cache="$image/lib/app/opensspr-$app.aot"
  [ -s "$cache" ] || die "the training run of $app made no AOT cache"
  # Used when it fits the runtime and class path; otherwise the JVM starts without it (AOTMode=auto).
  printf 'java-options=-XX:AOTCache=$APPDIR/opensspr-%s.aot\n' "$app" >>"$image/lib/app/opensspr-$app.cfg"
  touch_tree "$image"
  say "$app AOT cache: $(du -m "$cache" | cut -f1) MB"
}

# --- Debian packages --------------------------------------------------------------------------------------
deb_depends() {
  case "$1" in
    server) echo "libc6, passwd" ;;
    *) echo "libc6, libgtk-3-0 | libgtk-3-0t64, libgl1, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libxxf86vm1, libasound2 | libasound2t64, libfreetype6, libfontconfig1, fonts-dejavu-core" ;;
  esac
}

deb_extras() { # files beside the app image, per app; prints the conffiles
  local app="$1" stage="$2" image="$3" linux="$PACKAGING/linux"
  case "$app" in
    server)
      install -d "$stage/etc/opensspr" "$stage/usr/lib/systemd/system"
      "$image/bin/opensspr-server" config-template --data /var/lib/opensspr --out "$stage/etc/opensspr/server.conf" >&2
      "$image/bin/opensspr-server" config-template --secrets --out "$stage/etc/opensspr/server.env" >&2
      chmod 0644 "$stage/etc/opensspr/server.conf"
      chmod 0600 "$stage/etc/opensspr/server.env"
      install -m 0644 "$linux/server/opensspr-server.service" "$stage/usr/lib/systemd/system/"
      printf '%s\n' /etc/opensspr/server.conf /etc/opensspr/server.env
      ;;
    admin-console)
      desktop_files "$app" "$stage"
      ;;
    kiosk)
      desktop_files "$app" "$stage"
      install -d "$stage/etc/opensspr" "$stage/usr/share/xsessions" "$stage/usr/libexec/opensspr"
      install -m 0644 "$linux/kiosk/kiosk.conf" "$stage/etc/opensspr/kiosk.conf"
      install -m 0644 "$linux/kiosk/opensspr-kiosk-session.desktop" "$stage/usr/share/xsessions/opensspr-kiosk.desktop"
      install -m 0755 "$linux/kiosk/kiosk-session" "$stage/usr/libexec/opensspr/kiosk-session"
      printf '%s\n' /etc/opensspr/kiosk.conf
      ;;
  esac
}

# /usr/bin/<package> starts the image's runtime with the options and class path of jpackage's configuration,
# written out as a java @-file. Not jpackage's own launcher, which asks rpm and dpkg which package owns it at
# every start: 0.15 s here, more where the package database is bigger (ADR 27).
start_script() {
  local app="$1" stage="$2" package="opensspr-$1" home
  home="/opt/$package"
  "$PACKAGING/linux/cfg-to-args" "$stage$home" "$home" >"$stage$home/lib/app/$package.args"
  cat >"$stage/usr/bin/$package" <<SCRIPT
#!/bin/sh
# $(title_of "$app"): the runtime and options of its app image in $home (see $home/lib/app/$package.args).
exec $home/lib/runtime/bin/java @$home/lib/app/$package.args "\$@"
SCRIPT
  chmod 0755 "$stage/usr/bin/$package"
}

desktop_files() {
  local app="$1" stage="$2"
  install -d "$stage/usr/share/applications" "$stage/usr/share/icons/hicolor/256x256/apps"
  install -m 0644 "$PACKAGING/linux/$app/opensspr-$app.desktop" "$stage/usr/share/applications/"
  install -m 0644 "$PACKAGING/icons/opensspr.png" "$stage/usr/share/icons/hicolor/256x256/apps/opensspr-$app.png"
}

deb() {
  local app="$1" image="$2" stage package arch conffiles file
  stage="$OUT/$app/deb" package="opensspr-$app"
  arch="$(dpkg --print-architecture)"
  rm -rf "$stage" && install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/doc/$package"
  cp -a "$image" "$stage/opt/$package"
  start_script "$app" "$stage"
  install -m 0644 "$PACKAGING/linux/copyright" "$stage/usr/share/doc/$package/copyright"
  conffiles="$(deb_extras "$app" "$stage" "$image")"
  [ -z "$conffiles" ] || echo "$conffiles" >"$stage/DEBIAN/conffiles"
  for file in preinst postinst prerm postrm; do
    [ ! -f "$PACKAGING/linux/$app/$file" ] || install -m 0755 "$PACKAGING/linux/$app/$file" "$stage/DEBIAN/$file"
  done
  # Everyone may read and run what is installed, except what says otherwise above (server.env is 0600).
  find "$stage" -type d -exec chmod 0755 {} +
  find "$stage" -type f -perm -u+x -exec chmod 0755 {} +
  find "$stage" -type f ! -perm -u+x ! -name server.env -exec chmod 0644 {} +
  (cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort \
    | xargs -d '\n' md5sum >DEBIAN/md5sums)
  cat >"$stage/DEBIAN/control" <<CONTROL
Package: $package
Version: $DEB_VERSION
Architecture: $arch
Maintainer: OpenSSPR <opensspr@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $(deb_depends "$app")
Section: admin
Priority: optional
Description: $(title_of "$app"): $(summary_of "$app")
$(sed 's/^/ /' "$PACKAGING/linux/$app/description")
CONTROL
  touch_tree "$stage"
  local deb="$INSTALLERS/${package}_${DEB_VERSION}_$arch.deb"
  # xz's fastest preset: the server's package builds in 18 s instead of 78 s here (xz's default preset) and comes
  # out 7 % larger (87 MB against 81 MB); docs/performance.md § CI, ADR 27.
  dpkg-deb --root-owner-group -Zxz -z1 --build "$stage" "$deb" >/dev/null
  checksum "$deb"
}

checksum() { (cd "$(dirname "$1")" && sha256sum "$(basename "$1")" >"$(basename "$1").sha256"); }

# --- Windows and macOS: jpackage builds the installer itself ------------------------------------------------
native_installer() {
  local app="$1" input="$2" runtime="$3" options before after
  mapfile -t options < <(jpackage_common "$app" "$input" "$runtime")
  before="$(ls "$INSTALLERS")"
  "$JAVA_HOME/bin/jpackage" --dest "$INSTALLERS" "${options[@]}" "@$PACKAGING/jpackage/$OS/$app.args"
  after="$(ls "$INSTALLERS")"
  comm -13 <(echo "$before") <(echo "$after") | while read -r made; do checksum "$INSTALLERS/$made"; done
}

# --- main -------------------------------------------------------------------------------------------------
mkdir -p "$OUT"
rm -rf "$INSTALLERS" && mkdir -p "$INSTALLERS"
build_jars
declare -A IMAGE INPUT RUNTIME
for app in "${APPS[@]}"; do
  INPUT[$app]="$(stage_input "$app")"
  touch_tree "${INPUT[$app]}"
  RUNTIME[$app]="$(runtime_for "$app" "${INPUT[$app]}")"
done
if [ "$OS" != linux ]; then
  for app in "${APPS[@]}"; do native_installer "$app" "${INPUT[$app]}" "${RUNTIME[$app]}"; done
  say "installers in $INSTALLERS"
  exit 0
fi
for app in "${APPS[@]}"; do
  IMAGE[$app]="$(app_image "$app" "${INPUT[$app]}" "${RUNTIME[$app]}")"
done
if [ "$AOT" = yes ]; then
  start_training "${IMAGE[server]}"
  for app in "${APPS[@]}"; do
    if is_desktop_app "$app"; then train "$app" "${IMAGE[$app]}"; fi
  done
  cleanup; TRAINING=""; TRAINING_SERVER_PID=""; DISPLAY_PID=""
  use_cache server "${IMAGE[server]}" # written by the training server as it stopped
fi
for app in "${APPS[@]}"; do deb "$app" "${IMAGE[$app]}"; done
say "installers in $INSTALLERS:"
(cd "$INSTALLERS" && ls -l --time-style=+ ./*.deb | awk '{print "  " $NF " (" int($5 / 1048576) " MB)"}' >&2)
