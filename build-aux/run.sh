#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs missing Debian packages, builds Prospect and starts it from the
# build directory, without installing it. Arguments go to the application,
# e.g. build-aux/run.sh --database /tmp/try.db

set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir="$root/_build"

die () {
  printf 'run: error: %s\n' "$*" >&2
  exit 1
}

"$root/build-aux/build.sh"

gui=
for candidate in "$build_dir/src/prospect" "$build_dir/src/ui/prospect"; do
  if [[ -x "$candidate" ]]; then
    gui="$candidate"
    break
  fi
done
[[ -n "$gui" ]] || die "the prospect executable was not built in $build_dir/src"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  die "no display: start this from a desktop session (build-aux/test.sh runs the UI tests under Xvfb)"
fi

# Uninstalled: the schema comes from the build directory and the icon from
# data/icons, found through XDG_DATA_DIRS like an installed one.
export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export XDG_DATA_DIRS="$root/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

printf 'run: starting %s\n' "$gui"
exec "$gui" "$@"
