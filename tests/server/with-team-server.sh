#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs PROGRAM against a throw-away team server: a PostgreSQL cluster
# (pg-cluster.sh) with database "team", the server SQL and the test team
# (team.sql). PGHOST (the socket directory) and PGPORT are set for it;
# over TCP use host 127.0.0.1 and the roles' passwords. PROGRAM's output
# (TAP) and exit status are passed on.
#
#   with-team-server.sh SQL-FILE CLUSTER-SCRIPT TEAM-SQL PROGRAM [ARGS...]

set -uo pipefail

sql_file=${1:?the server SQL}
cluster=${2:?pg-cluster.sh}
team_file=${3:?team.sql}
shift 3
dir=$(mktemp -d /tmp/prospect-team-server.XXXXXX)
chmod 755 "$dir"
trap '"$cluster" stop "$dir/pg"; rm -rf "$dir"' EXIT

if ! settings=$("$cluster" start "$dir/pg"); then
  status=$?
  [[ $status -eq 77 && "${CI:-}" != true ]] && { echo "1..0 # SKIP PostgreSQL is not installed"; exit 0; }
  echo "Bail out! could not start PostgreSQL"
  exit 1
fi
eval "export $settings"
export PGDATABASE=team

psql -X -q -U postgres -d postgres -c "CREATE DATABASE team" >/dev/null &&
  psql -X -q -v ON_ERROR_STOP=1 -U postgres -f "$sql_file" >/dev/null &&
  psql -X -q -v ON_ERROR_STOP=1 -U postgres -f "$team_file" >/dev/null ||
  { echo "Bail out! could not set up the team server"; exit 1; }

"$@"
