#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times the LARGE sample team (200 people, 5,000 accounts, 100,000 deals,
# 1,000,000 activities) written into a fresh file, and "prospect-cli check"
# on the result. Not a test: it prints figures for the README's
# performance table.
#
# Usage: tests/bench/bench-demo.sh [BUILD_DIR]   (default: _build)

set -eu

build=${1:-_build}
cli="$build/src/cli/prospect-cli"

if [ ! -x "$cli" ]; then
  echo "bench-demo: $cli not found; build first (ninja -C $build)" >&2
  exit 1
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/large.db"

now_ms () {
  echo $(( $(date +%s%N) / 1000000 ))
}

seconds () {
  awk "BEGIN { printf \"%.1f\", $1 / 1000 }"
}

echo "Machine: $(nproc) cores, $(uname -m); SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?')"
echo

start=$(now_ms)
"$cli" --database "$db" demo --scale large --seed 1 --today 2024-05-15
demo_ms=$(( $(now_ms) - start ))

start=$(now_ms)
"$cli" --database "$db" check
check_ms=$(( $(now_ms) - start ))

size=$(stat -c %s "$db")

echo
echo "demo --scale large: $(seconds $demo_ms) s (whole process)"
echo "check:              $(seconds $check_ms) s"
echo "file size:          $(( size / 1048576 )) MiB"
