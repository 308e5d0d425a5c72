#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A throw-away PostgreSQL 15 cluster for the team-server tests: in a
# temporary directory, on 127.0.0.1 only, as a non-root user (PostgreSQL
# refuses to run as root; under root the Debian "postgres" user runs it).
#
#   pg-cluster.sh start DIR   prints "PGHOST=DIR PGPORT=N" when up
#
# Over the Unix socket in DIR every role is trusted (the tests connect as
# the people's roles without their passwords); over TCP on 127.0.0.1 a
# role needs its password (SCRAM), as on a real server.
#   pg-cluster.sh stop DIR

set -euo pipefail

command=${1:?start or stop}
dir=${2:?a directory}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$bindir/initdb" ]] || { echo "pg-cluster: PostgreSQL is not installed" >&2; exit 77; }

as_owner () {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --no-sync \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: ask the kernel for one and let it go again
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" \
      start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "PGHOST=$dir PGPORT=$port"
    ;;
  stop)
    [[ -d "$dir/data" ]] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "pg-cluster: start or stop" >&2
    exit 2
    ;;
esac
