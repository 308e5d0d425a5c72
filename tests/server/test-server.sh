#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The team server's SQL (data/server/prospect-server.sql) on a real
# PostgreSQL, as the real roles: who reads and writes what (row-level
# security), pushes applied once, last writer wins per field with the
# loser kept, deletions win, and a pull that misses nothing a long
# transaction commits late. Prints TAP.
#
#   test-server.sh SQL-FILE CLUSTER-SCRIPT TEAM-SQL

set -uo pipefail

sql_file=${1:?the server SQL}
cluster=${2:?pg-cluster.sh}
team_file=${3:?team.sql}
dir=$(mktemp -d /tmp/prospect-server-test.XXXXXX)
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

# check NAME WANTED GOT
check () {
  if [[ "$2" == "$3" ]]; then
    ok "$1"
  else
    not_ok "$1" "wanted: $2" "got:    $3"
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
export PGDATABASE=team PGCONNECT_TIMEOUT=10

# as ROLE SQL...: the output of SQL run as ROLE (unaligned, no headers)
as () {
  local role=$1
  shift
  psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$role" -c "$*" 2>&1
}

# An operation OP-ID on ENTITY row ID at time HLC setting FIELDS (a JSON
# object), by a writer who had seen the fields' times BASE (a JSON object)
op () {
  printf '{"op": "%s", "entity": "%s", "id": "%s", "hlc": "%s", "fields": %s, "base": %s}' \
    "$1" "$2" "$3" "$4" "$5" "${6:-{\}}"
}

# push ROLE DEVICE OPS-JSON-ARRAY: the statuses, one per line
push () {
  as "$1" "SELECT r->>'status' || coalesce (': ' || (r->>'reason'), '')
           FROM jsonb_array_elements (prospect.push ('$2', '$3'::jsonb)) AS r"
}

deal_fields () {
  printf '{"created_at": 1, "updated_at": 1, "title": "%s", "owner_id": "%s", "stage_id": "s1",
           "amount": %s, "currency": "USD", "priority": 1, "status": "open"}' "$1" "$2" "$3"
}

# The HLC times of the tests: "milliseconds.counter.device"
t () {
  printf '%015d.%05d.%s' "$1" 0 "$2"
}

psql -X -q -U postgres -d postgres -c "CREATE DATABASE team" >/dev/null || { echo "Bail out! no database"; exit 1; }
if ! out=$(psql -X -q -v ON_ERROR_STOP=1 -U postgres -f "$sql_file" 2>&1 >/dev/null); then
  echo "Bail out! the server SQL does not apply: $out"
  exit 1
fi
if ! out=$(psql -X -q -v ON_ERROR_STOP=1 -U postgres -f "$sql_file" 2>&1 >/dev/null); then
  not_ok "the server SQL applies a second time" "$out"
else
  ok "the server SQL applies a second time"
fi

psql -X -q -v ON_ERROR_STOP=1 -U postgres -f "$team_file" >/dev/null || { echo "Bail out! no team"; exit 1; }

check "no member role can bypass row-level security" "0" \
  "$(as postgres "SELECT count(*) FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid
                  JOIN pg_roles g ON g.oid = m.roleid
                  WHERE g.rolname = 'prospect_member' AND (r.rolbypassrls OR r.rolsuper)")"

# ---- who sees what

check "Rita pushes her own deal" "applied" \
  "$(push rita dev-rita "[$(op o1 deal d-rita "$(t 1000 dev-rita)" "$(deal_fields 'Rita deal' p-rita 100)")]")"
check "Ravi pushes his own deal" "applied" \
  "$(push ravi dev-ravi "[$(op o1 deal d-ravi "$(t 1000 dev-ravi)" "$(deal_fields 'Ravi deal' p-ravi 200)")]")"
check "Rosa pushes her own deal" "applied" \
  "$(push rosa dev-rosa "[$(op o1 deal d-rosa "$(t 1000 dev-rosa)" "$(deal_fields 'Rosa deal' p-rosa 300)")]")"

check "a rep reads only their own deals" "d-rita" "$(as rita "SELECT string_agg (id, ',' ORDER BY id) FROM prospect.deal")"
check "a manager reads the deals of their reps, not another team's" "d-ravi,d-rita" \
  "$(as max "SELECT string_agg (id, ',' ORDER BY id) FROM prospect.deal")"
check "a director reads the deals of every team below" "d-ravi,d-rita,d-rosa" \
  "$(as dana "SELECT string_agg (id, ',' ORDER BY id) FROM prospect.deal")"

result=$(push rita dev-rita "[$(op o2 deal d-ravi "$(t 2000 dev-rita)" '{"amount": 1}')]")
check "a rep cannot change another rep's deal" "refused: You may not change this deal" "$result"
check "the refused change changed nothing" "200" "$(as postgres "SELECT amount FROM prospect.deal WHERE id = 'd-ravi'")"

result=$(push max dev-max "[$(op o1 deal d-rita "$(t 2000 dev-max)" '{"amount": 1}')]")
check "a manager reads but does not write a rep's deal" "refused: You may not change this deal" "$result"

target () {
  printf '{"created_at": 1, "updated_at": 1, "person_id": "%s", "manager_id": "%s", "period_kind": "quarter",
           "period_start": "2026-10-01", "metric": "won_value", "value": %s, "currency": "USD"}' "$1" "$2" "$3"
}
result=$(push rita dev-rita "[$(op o3 target t-rita "$(t 3000 dev-rita)" "$(target p-rita p-max 999)")]")
case "$result" in
  refused:*row-level\ security*) ok "a rep's target is refused by row-level security" ;;
  *) not_ok "a rep's target is refused by row-level security" "got: $result" ;;
esac
check "the rep's refused target is not stored" "0" "$(as postgres "SELECT count(*) FROM prospect.target")"
check "a manager sets a target for their rep" "applied" \
  "$(push max dev-max "[$(op o2 target t-rita "$(t 3000 dev-max)" "$(target p-rita p-max 5000)")]")"
result=$(push max dev-max "[$(op o3 target t-rosa "$(t 3000 dev-max)" "$(target p-rosa p-max 5000)")]")
check "a manager cannot set a target for another team's rep" "refused" "${result%%:*}"
check "the rep reads the target set for them" "5000" "$(as rita "SELECT value FROM prospect.target")"

note () {
  printf '{"created_at": 1, "updated_at": 1, "rep_id": "p-rita", "author_id": "p-max",
           "held_on": "2026-11-20", "body": "%s", "shared": %s}' "$1" "$2"
}
check "a manager writes a private and a shared 1:1 note" "applied
applied" "$(push max dev-max "[$(op o4 coaching_note n-private "$(t 4000 dev-max)" "$(note 'Private thought' 0)"),
                               $(op o5 coaching_note n-shared "$(t 4000 dev-max)" "$(note 'Shared plan' 1)")]")"
check "the rep reads the shared note only" "n-shared" \
  "$(as rita "SELECT string_agg (id, ',' ORDER BY id) FROM prospect.coaching_note")"
check "the author reads both" "n-private,n-shared" \
  "$(as max "SELECT string_agg (id, ',' ORDER BY id) FROM prospect.coaching_note")"
check "nobody else reads a note, not even the author's director" "0" \
  "$(as dana "SELECT count(*) FROM prospect.coaching_note")"

# ---- applied once, last writer wins per field, deletions win

ops="[$(op o10 deal d-rita "$(t 5000 dev-rita)" '{"amount": 150}' "{\"amount\": \"$(t 1000 dev-rita)\"}")]"
push rita dev-rita "$ops" >/dev/null
xid_before=$(as postgres "SELECT xid FROM prospect.deal WHERE id = 'd-rita'")
check "a push sent again (its answer was lost) is a duplicate" "duplicate" "$(push rita dev-rita "$ops")"
check "and changes nothing" "150 $xid_before" \
  "$(as postgres "SELECT amount || ' ' || xid FROM prospect.deal WHERE id = 'd-rita'")"

# Rita's laptop changed the amount at 6000; her phone, offline since it
# saw the deal at 1000, changed the title and the amount at 5500: the
# title is taken, the amount is not, and the phone's amount is kept as a
# conflict (the laptop's 150 -> 170 was no conflict: it had seen 150).
push rita dev-rita "[$(op o11 deal d-rita "$(t 6000 dev-rita)" '{"amount": 170}' \
                     "{\"amount\": \"$(t 5000 dev-rita)\"}")]" >/dev/null
seen="{\"title\": \"$(t 1000 dev-rita)\", \"amount\": \"$(t 1000 dev-rita)\"}"
check "a later field write wins, an earlier one loses, per field" "applied" \
  "$(push rita dev-phone "[$(op o1 deal d-rita "$(t 5500 dev-phone)" '{"title": "Renamed", "amount": 160}' "$seen")]")"
check "the row has the later amount and the other title" "Renamed 170" \
  "$(as rita "SELECT title || ' ' || amount FROM prospect.deal WHERE id = 'd-rita'")"
check "the amount that lost is kept in the conflict log" "amount 160 170" \
  "$(as rita "SELECT field || ' ' || lost_value || ' ' || kept_value FROM prospect.conflict")"

push rita dev-rita "[$(op o12 deal d-rita "$(t 7000 dev-rita)" '{"deleted_at": 7000}')]" >/dev/null
push rita dev-phone "[$(op o2 deal d-rita "$(t 8000 dev-phone)" '{"title": "Edited after delete"}')]" >/dev/null
check "a deletion wins over a later edit from elsewhere" "7000 Renamed" \
  "$(as rita "SELECT deleted_at || ' ' || title FROM prospect.deal WHERE id = 'd-rita'")"

# ---- the pull cursor and a long transaction

cursor=$(as max "SELECT prospect.pull_cursor ()")
# Ravi's laptop pushes in a transaction that stays open for a while...
( psql -X -q -A -t -U ravi -c "BEGIN" \
    -c "SELECT prospect.push ('dev-ravi', '[$(op o20 deal d-late "$(t 9000 dev-ravi)" "$(deal_fields 'Late deal' p-ravi 400)")]')" \
    -c "SELECT pg_sleep (3)" -c "COMMIT" >/dev/null 2>&1 ) &
late=$!
sleep 1
# ...while his next push commits at once.
push ravi dev-ravi2 "[$(op o1 deal d-quick "$(t 9100 dev-ravi2)" "$(deal_fields 'Quick deal' p-ravi 500)")]" >/dev/null

pull () {
  psql -X -q -A -t -v ON_ERROR_STOP=1 -U max <<EOF 2>&1
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT 'cursor ' || prospect.pull_cursor ();
SELECT 'deal ' || id FROM prospect.deal WHERE xid >= '$1'::xid8 ORDER BY id;
COMMIT;
EOF
}
first=$(pull "$cursor")
check "a pull while the long transaction runs sees the committed deal only" "deal d-quick" \
  "$(grep '^deal d-\(late\|quick\)' <<<"$first")"
next_cursor=$(sed -n 's/^cursor //p' <<<"$first")
wait $late
second=$(pull "$next_cursor")
check "the next pull from its cursor sees the deal committed late" "deal d-late" \
  "$(grep -o '^deal d-late' <<<"$second")"

echo "1..$tests"
[[ $failed -eq 0 ]]
