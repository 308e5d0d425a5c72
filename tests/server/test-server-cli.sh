#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# "prospect-cli server init" and "server add-person" against a real
# PostgreSQL: the administrator's set-up, as the README describes it, and
# the people logging in over TCP with their passwords. Prints TAP.
#
#   test-server-cli.sh PROSPECT-CLI CLUSTER-SCRIPT

set -uo pipefail

cli=${1:?prospect-cli}
cluster=${2:?pg-cluster.sh}
dir=$(mktemp -d /tmp/prospect-server-cli.XXXXXX)
chmod 755 "$dir"

tests=0
failed=0

ok () {
  tests=$((tests + 1))
  echo "ok $tests - $1"
}

not_ok () {
  tests=$((tests + 1))
  failed=$((failed + 1))
  echo "not ok $tests - $1"
  shift
  for line in "$@"; do
    printf '#   %s\n' "$line"
  done
}

check () {
  if [[ "$2" == "$3" ]]; then
    ok "$1"
  else
    not_ok "$1" "wanted: $2" "got:    $3"
  fi
}

# check_run NAME WANTED-STATUS WANTED-TEXT COMMAND...: the command exits
# with WANTED-STATUS and prints WANTED-TEXT (a substring) on stdout or stderr
check_run () {
  local name=$1 status=$2 text=$3 output got
  shift 3
  output=$("$@" 2>&1)
  got=$?
  if [[ $got -eq $status && "$output" == *"$text"* ]]; then
    ok "$name"
  else
    not_ok "$name" "wanted: exit $status and \"$text\"" "got:    exit $got" "$output"
  fi
}

cleanup () {
  "$cluster" stop "$dir/pg"
  rm -rf "$dir"
}
trap cleanup EXIT

if ! settings=$("$cluster" start "$dir/pg"); then
  status=$?
  [[ $status -eq 77 && "${CI:-}" != true ]] && { echo "1..0 # SKIP PostgreSQL is not installed"; exit 0; }
  echo "Bail out! could not start PostgreSQL"
  exit 1
fi
eval "export $settings"
psql -X -q -U postgres -d postgres -c "CREATE DATABASE team" >/dev/null || { echo "Bail out! no database"; exit 1; }

local_db="$dir/team.db"
"$cli" --database "$local_db" demo >/dev/null 2>&1 || { echo "Bail out! no sample team"; exit 1; }
admin="host=$PGHOST port=$PGPORT dbname=team user=postgres"

# A rep of the sample team, their manager and the manager's director
rep_id=$(sqlite3 "$local_db" "SELECT r.id FROM person r JOIN person m ON m.id = r.manager_id
                              WHERE r.role = 'rep' AND m.manager_id IS NOT NULL ORDER BY r.name LIMIT 1")
[[ -n "$rep_id" ]] || { echo "Bail out! the sample team has no rep with a manager and director"; exit 1; }
rep=$(sqlite3 "$local_db" "SELECT name FROM person WHERE id = '$rep_id'")
manager=$(sqlite3 "$local_db" "SELECT m.name FROM person r JOIN person m ON m.id = r.manager_id
                               WHERE r.id = '$rep_id'")
director=$(sqlite3 "$local_db" "SELECT d.name FROM person r JOIN person m ON m.id = r.manager_id
                                JOIN person d ON d.id = m.manager_id WHERE r.id = '$rep_id'")

check_run "server init sets up the team server" 0 "ready" "$cli" server init --server "$admin"
check_run "server init again updates it and stays whole" 0 "ready" "$cli" server init --server "$admin"

printf 'rep secret\n' >"$dir/rep-password"
printf 'manager secret\n' >"$dir/manager-password"

check_run "a rep before their manager is refused, saying why" 1 "manager to the team server first" \
  "$cli" --database "$local_db" server add-person --server "$admin" --person "$rep" --login rep1 \
  --password-file "$dir/rep-password"
check "and leaves no login role behind" "0" \
  "$(psql -X -A -t -U postgres -d team -c "SELECT count(*) FROM pg_roles WHERE rolname = 'rep1'")"

check_run "the director is added" 0 "can now sync" \
  "$cli" --database "$local_db" server add-person --server "$admin" --person "$director" --login director1
check_run "the manager is added" 0 "can now sync" \
  "$cli" --database "$local_db" server add-person --server "$admin" --person "$manager" --login manager1 \
  --password-file "$dir/manager-password"
check_run "the rep is added" 0 "can now sync" \
  "$cli" --database "$local_db" server add-person --server "$admin" --person "$rep" --login rep1 \
  --password-file - <"$dir/rep-password"

rep_tcp="host=127.0.0.1 port=$PGPORT dbname=team user=rep1"
check "the rep logs in over TCP with their password and is the laptop's person" "$rep_id" \
  "$(PGPASSWORD='rep secret' psql -X -A -t -d "$rep_tcp" -c "SELECT prospect.me ()" 2>&1)"
if PGPASSWORD='wrong' psql -X -A -t -d "$rep_tcp" -c "SELECT 1" >/dev/null 2>&1; then
  not_ok "a wrong password is refused"
else
  ok "a wrong password is refused"
fi
check "the people's roles are team members that cannot bypass row-level security" "3 0" \
  "$(psql -X -A -t -U postgres -d team -c "SELECT count(*) || ' ' || count(*) FILTER (WHERE r.rolbypassrls OR r.rolsuper)
      FROM pg_roles r WHERE pg_has_role (r.oid, 'prospect_member', 'MEMBER') AND r.rolname NOT IN ('postgres', 'prospect_member')")"
check "the server keeps the laptop's ids and reporting line" "$rep|$manager" \
  "$(psql -X -A -t -U postgres -d team -c "SELECT p.name || '|' || m.name FROM prospect.person p
      JOIN prospect.person m ON m.id = p.manager_id WHERE p.id = '$rep_id'")"

# The rep's own laptop joins the team and syncs from the command line
laptop="$dir/laptop.db"
rep_server="host=127.0.0.1 port=$PGPORT dbname=team user=rep1"
check_run "sync before joining says how to turn it on" 2 "give --join" \
  "$cli" --database "$laptop" sync --server "$rep_server" --password-file "$dir/rep-password"
check_run "the rep's laptop joins and receives the team" 0 "received 3 rows" \
  "$cli" --database "$laptop" sync --server "$rep_server" --password-file "$dir/rep-password" --join
sqlite3 "$laptop" "INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', '$rep_id', 1);
  INSERT INTO deal (id, created_at, updated_at, title, owner_id, stage_id)
  SELECT 'cli-deal', 1, 1, 'Typed in sqlite3', '$rep_id', id FROM stage WHERE position = 0"
check_run "a deal written on the laptop (even by sqlite3) is sent by the next sync" 0 "Sent 1 changes" \
  "$cli" --database "$laptop" sync --server "$rep_server" --password-file "$dir/rep-password"
check "and is on the server under the rep" "$rep_id" \
  "$(psql -X -A -t -U postgres -d team -c "SELECT owner_id FROM prospect.deal WHERE id = 'cli-deal'")"
check_run "a wrong password is reported" 1 "refused the user name or password" \
  "$cli" --database "$laptop" sync --server "$rep_server" --password-file "$dir/manager-password"

check_run "someone not in the local database is refused" 1 "nobody called" \
  "$cli" --database "$local_db" server add-person --server "$admin" --person "Nobody Here" --login x1
check_run "an unreachable server is reported" 1 "could not connect" \
  "$cli" server init --server "host=127.0.0.1 port=1 dbname=team user=postgres connect_timeout=3"
check_run "a missing action is a usage error" 2 "init or add-person" "$cli" server --server "$admin"

echo "1..$tests"
[[ $failed -eq 0 ]]
