#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages that Prospect needs and that are missing.
# Nothing is downloaded when everything is already there.
#
#   build-aux/install-deps.sh            what building and running needs
#   build-aux/install-deps.sh --tests    the same plus what the tests need
#   build-aux/install-deps.sh --dry-run  only print what would be installed

set -euo pipefail

build_packages=(
  build-essential pkg-config meson ninja-build
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libcairo2-dev libcsv-dev
  libical-dev libpq-dev
  gettext desktop-file-utils appstream
)

# The UI tests run the real window under Xvfb with a private D-Bus session,
# drive it over the accessibility bus and watch a real notification server.
test_packages=(
  xvfb xauth dbus dbus-x11 at-spi2-core gir1.2-atspi-2.0
  python3-pyatspi python3-gi sqlite3 notification-daemon
  poppler-utils postgresql
)

say () {
  printf 'install-deps: %s\n' "$*"
}

die () {
  printf 'install-deps: error: %s\n' "$*" >&2
  exit 1
}

usage () {
  sed -n '4,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

is_installed () {
  local status
  status=$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) || return 1
  [[ "$status" == installed ]]
}

with_tests=false
dry_run=false
for arg in "$@"; do
  case "$arg" in
    --tests) with_tests=true ;;
    --dry-run) dry_run=true ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$arg'" ;;
  esac
done

for tool in dpkg-query apt-get; do
  command -v "$tool" >/dev/null ||
    die "this script needs Debian 12 ($tool was not found)"
done

if [[ -r /etc/os-release ]]; then
  # shellcheck disable=SC1091
  version_id=$(. /etc/os-release && printf '%s:%s' "${ID:-}" "${VERSION_ID:-}")
  [[ "$version_id" == debian:12 ]] ||
    say "warning: made for Debian 12, this is '$version_id'; trying anyway"
fi

packages=("${build_packages[@]}")
if $with_tests; then
  packages+=("${test_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
  is_installed "$package" || missing+=("$package")
done

if (( ${#missing[@]} == 0 )); then
  say "all ${#packages[@]} required Debian packages are installed"
  exit 0
fi

say "missing Debian packages: ${missing[*]}"
if $dry_run; then
  exit 0
fi

# Root installs directly; anyone else goes through sudo, which must not wait
# for a password nobody can type when there is no terminal (CI).
as_root=()
if (( EUID != 0 )); then
  command -v sudo >/dev/null ||
    die "run this as root, or install sudo, to install: ${missing[*]}"
  if [[ -t 0 ]]; then
    as_root=(sudo)
  else
    as_root=(sudo -n)
  fi
fi

export DEBIAN_FRONTEND=noninteractive
say "running apt-get update"
"${as_root[@]}" apt-get update -q ||
  die "apt-get update failed (is the network or a package mirror reachable?)"
say "running apt-get install"
"${as_root[@]}" apt-get install -y -q "${missing[@]}" ||
  die "apt-get install failed for: ${missing[*]}"
say "installed: ${missing[*]}"
