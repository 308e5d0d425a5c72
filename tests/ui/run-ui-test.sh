#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-ui-test.sh DRIVER PROSPECT - run a UI test driver (Python, prints TAP)
# against the PROSPECT binary in a private, headless desktop session: its
# own X server (Xvfb), D-Bus session bus and accessibility bus, in-memory
# GSettings and empty XDG directories, so that nothing of the user's
# session leaks in and runs do not depend on each other.
#
# Environment: GSETTINGS_SCHEMA_DIR (the build's compiled schema),
# AT_SPI_BUS_LAUNCHER (path of at-spi-bus-launcher; found by meson).
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 DRIVER PROSPECT" >&2
  exit 2
fi
driver=$(realpath "$1")
export PROSPECT_BIN
PROSPECT_BIN=$(realpath "$2")
launcher=${AT_SPI_BUS_LAUNCHER:-/usr/libexec/at-spi-bus-launcher}

for tool in Xvfb dbus-run-session /usr/bin/python3 "$launcher"; do
  if ! command -v "$tool" >/dev/null; then
    echo "Bail out! $tool is missing"
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/prospect-ui-test.XXXXXX")
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# -displayfd: the server picks a free display and writes its number to
# fd 3 once it accepts connections, so parallel runs cannot collide.
# -noreset: by default the server resets when its last client leaves (the
# AT-SPI bus launcher does, early) and refuses a client connecting then.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
  3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 200); do
  [ -s "$work/display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || break
  sleep 0.05
done
if [ ! -s "$work/display" ]; then
  echo "Bail out! Xvfb did not start: $(cat "$work/xvfb.log")"
  exit 1
fi
export DISPLAY=":$(head -n 1 "$work/display")"

export HOME="$work/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" \
       XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state" \
       XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export PROSPECT_TEST_DIR="$work"

# The cairo renderer without GL: software GL under Xvfb is slow and heavy.
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
       GDK_BACKEND=x11 GTK_A11Y=atspi NO_AT_BRIDGE=0 ADW_DISABLE_PORTAL=1 \
       GTK_USE_PORTAL=0 LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS SESSION_MANAGER
export PYTHONPATH
PYTHONPATH="$(dirname "$driver")${PYTHONPATH:+:$PYTHONPATH}"
export AT_SPI_BUS_LAUNCHER="$launcher"

# Inside the private session bus: start the accessibility bus first (it is
# normally D-Bus activated; starting it here makes a failure show up here),
# then the driver, which starts Prospect itself.
dbus-run-session -- bash -c '
  "$AT_SPI_BUS_LAUNCHER" --launch-immediately >"$PROSPECT_TEST_DIR/atspi.log" 2>&1 &
  launcher_pid=$!
  /usr/bin/python3 "$1"
  rc=$?
  kill "$launcher_pid" 2>/dev/null
  exit $rc
' run-ui-test "$driver" 2>"$work/session.log"
rc=$?
if [ $rc -ne 0 ]; then
  for log in session xvfb atspi; do
    if [ -s "$work/$log.log" ]; then
      echo "# $log log:"
      sed 's/^/#   /' "$work/$log.log"
    fi
  done
fi
exit $rc
