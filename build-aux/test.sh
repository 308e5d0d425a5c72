#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs missing Debian packages (including those the tests need), builds
# Prospect and runs the whole test suite. Extra arguments go to meson test,
# e.g. build-aux/test.sh --suite core

set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/build-aux/build.sh" --tests

printf 'test: running the test suite\n'
# The UI tests are marked non-parallel; the rest share two processes.
status=0
meson test -C _build --print-errorlogs --num-processes 2 "$@" || status=$?
if (( status == 0 )); then
  printf 'test: all tests passed\n'
else
  printf 'test: some tests failed; the full log is %s\n' \
    "$root/_build/meson-logs/testlog.txt" >&2
fi
exit "$status"
