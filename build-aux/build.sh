#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The set-up shared by run.sh and test.sh: installs missing Debian packages,
# configures the build directory _build (or reconfigures it, so that tools
# installed since the last run are found) and builds everything.
#
#   build-aux/build.sh [--tests]   --tests also installs the test packages

set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=_build

say () {
  printf 'build: %s\n' "$*"
}

die () {
  printf 'build: error: %s\n' "$*" >&2
  exit 1
}

"$root/build-aux/install-deps.sh" "$@"

if [[ -f "$build_dir/meson-private/coredata.dat" ]]; then
  say "reconfiguring $root/$build_dir"
  meson setup --reconfigure "$build_dir" ||
    die "meson could not reconfigure $build_dir (delete it and try again)"
else
  say "configuring $root/$build_dir"
  meson setup "$build_dir" ||
    die "meson could not configure $build_dir (see the messages above)"
fi

say "building"
ninja -C "$build_dir" || die "the build failed (see the compiler messages above)"

# The GUI runs uninstalled: it needs the schema compiled next to the build.
[[ -f "$build_dir/data/gschemas.compiled" ]] ||
  die "$build_dir/data/gschemas.compiled is missing after the build"
say "done"
