-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The Prospect team server: what a team database on PostgreSQL 15 holds.
-- Applied by `prospect-cli server init` (or `psql -f`) as the database
-- owner; it can be applied again (every statement checks what exists).
--
-- How it works (README, "Team server"):
--  * the tables mirror the laptops' SQLite tables (schema v4), plus three
--    sync columns on every row: hlc (the hybrid-logical-clock time of the
--    last write of each field, a JSON object field -> "time"), deleted_hlc
--    (set once the row is deleted: deletions win) and xid (the transaction
--    that last wrote the row, the pull cursor);
--  * each person logs in with a role of their own, member of
--    prospect_member; the tables belong to prospect_owner, which nobody
--    logs in as, so every client read and write goes through the
--    row-level-security policies below (a member role never has
--    BYPASSRLS);
--  * a laptop pushes its outbox with prospect.push(device, ops): each
--    operation is applied once (device id + operation id are recorded in
--    applied_op in the same transaction), field by field, last writer
--    (highest HLC) wins, and the value that lost is kept in prospect.conflict;
--  * a laptop pulls with plain SELECTs of the rows whose xid is at or after
--    its cursor, in one REPEATABLE READ transaction that also reads the
--    next cursor, prospect.pull_cursor() = the oldest transaction still
--    running at that snapshot. A row written by a transaction that commits
--    later has an xid at or after that cursor, so it is read next time: no
--    row is skipped, however long a transaction runs.

SET client_min_messages = warning;

CREATE SCHEMA IF NOT EXISTS prospect;

DO $roles$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'prospect_owner') THEN
    CREATE ROLE prospect_owner NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'prospect_member') THEN
    CREATE ROLE prospect_member NOLOGIN NOBYPASSRLS;
  END IF;
END
$roles$;

ALTER SCHEMA prospect OWNER TO prospect_owner;
GRANT USAGE ON SCHEMA prospect TO prospect_member;

SET search_path = prospect;
SET ROLE prospect_owner;

-- ---------------------------------------------------------------- tables

CREATE TABLE IF NOT EXISTS person (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  name        text NOT NULL CHECK (length(trim(name)) > 0),
  email       text,
  role        text NOT NULL DEFAULT 'rep' CHECK (role IN ('rep', 'manager', 'director')),
  manager_id  text REFERENCES person (id),
  region      text,
  active      integer NOT NULL DEFAULT 1,
  login_role  text UNIQUE,              -- the PostgreSQL role this person logs in as
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS stage (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  name        text NOT NULL,
  position    integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  probability integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS product (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  name        text NOT NULL,
  family      text,
  list_price  bigint NOT NULL DEFAULT 0,
  currency    text NOT NULL DEFAULT 'USD',
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS account (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  name        text NOT NULL,
  sector      text,
  region      text,
  revenue     bigint,
  currency    text NOT NULL DEFAULT 'USD',
  employees   bigint,
  location    text,
  parent_id   text,
  owner_id    text,
  external_id text,
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS contact (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  account_id  text,
  name        text NOT NULL,
  title       text,
  email       text,
  phone       text,
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- References between rows are not enforced here: a laptop may push a
-- deal before the account it names, and a row may be invisible to the
-- pusher. The laptops check them (prospect-cli check).
CREATE TABLE IF NOT EXISTS deal (
  id                text PRIMARY KEY,
  created_at        bigint NOT NULL,
  updated_at        bigint NOT NULL,
  deleted_at        bigint,
  title             text NOT NULL,
  account_id        text,
  contact_id        text,
  owner_id          text,
  stage_id          text NOT NULL,
  amount            bigint NOT NULL DEFAULT 0,
  currency          text NOT NULL DEFAULT 'USD',
  probability       integer,
  expected_close    text,
  priority          integer NOT NULL DEFAULT 1,
  next_step         text,
  challenges        text,
  region            text,
  channel           text,
  product_id        text,
  source            text,
  status            text NOT NULL DEFAULT 'open',
  lost_reason       text,
  closed_on         text,
  external_id       text,
  hlc               jsonb NOT NULL DEFAULT '{}',
  deleted_hlc       text,
  xid               xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS deal_stage_change (
  id            text PRIMARY KEY,
  created_at    bigint NOT NULL,
  updated_at    bigint NOT NULL,
  deleted_at    bigint,
  deal_id       text NOT NULL,
  from_stage_id text,
  to_stage_id   text NOT NULL,
  changed_at    bigint NOT NULL,
  changed_by    text,
  hlc           jsonb NOT NULL DEFAULT '{}',
  deleted_hlc   text,
  xid           xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS field_change (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  field       text NOT NULL,
  old_value   text,
  new_value   text,
  changed_at  bigint NOT NULL,
  changed_by  text,
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- reminded_at and snoozed_until stay on each laptop: a reminder is
-- shown by the machine it fired on.
CREATE TABLE IF NOT EXISTS activity (
  id               text PRIMARY KEY,
  created_at       bigint NOT NULL,
  updated_at       bigint NOT NULL,
  deleted_at       bigint,
  kind             text NOT NULL DEFAULT 'task',
  subject          text NOT NULL,
  notes            text,
  due_at           bigint,
  due_date         text,
  duration_minutes integer NOT NULL DEFAULT 0,
  done_at          bigint,
  outcome          text,
  deal_id          text,
  account_id       text,
  contact_id       text,
  owner_id         text,
  remind_at        bigint,
  hlc              jsonb NOT NULL DEFAULT '{}',
  deleted_hlc      text,
  xid              xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS todo_item (
  id              text PRIMARY KEY,
  created_at      bigint NOT NULL,
  updated_at      bigint NOT NULL,
  deleted_at      bigint,
  activity_id     text NOT NULL,
  position        integer NOT NULL DEFAULT 0,
  text            text NOT NULL,
  planned_minutes integer NOT NULL DEFAULT 0,
  resources       text,
  result          text,
  done            integer NOT NULL DEFAULT 0,
  hlc             jsonb NOT NULL DEFAULT '{}',
  deleted_hlc     text,
  xid             xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS target (
  id           text PRIMARY KEY,
  created_at   bigint NOT NULL,
  updated_at   bigint NOT NULL,
  deleted_at   bigint,
  person_id    text,
  manager_id   text,
  period_kind  text NOT NULL,
  period_start text NOT NULL,
  metric       text NOT NULL,
  value        bigint NOT NULL CHECK (value >= 0),
  currency     text NOT NULL DEFAULT 'USD',
  hlc          jsonb NOT NULL DEFAULT '{}',
  deleted_hlc  text,
  xid          xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS coaching_plan (
  id             text PRIMARY KEY,
  created_at     bigint NOT NULL,
  updated_at     bigint NOT NULL,
  deleted_at     bigint,
  rep_id         text NOT NULL,
  coach_id       text NOT NULL,
  skill          text NOT NULL,
  why            text,
  plan           text,
  starts_on      text,
  ends_on        text,
  indicator      text,
  baseline_value double precision,
  target_value   double precision,
  status         text NOT NULL DEFAULT 'planned',
  review         text,
  reviewed_value double precision,
  hlc            jsonb NOT NULL DEFAULT '{}',
  deleted_hlc    text,
  xid            xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS coaching_note (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  rep_id      text NOT NULL,
  author_id   text NOT NULL,
  held_on     text NOT NULL,
  body        text NOT NULL,
  shared      integer NOT NULL DEFAULT 1,
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE IF NOT EXISTS coaching_assessment (
  id          text PRIMARY KEY,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL,
  deleted_at  bigint,
  plan_id     text NOT NULL,
  author_id   text NOT NULL,
  written_on  text NOT NULL,
  body        text NOT NULL,
  hlc         jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- The operations already applied, so that a push sent twice (its
-- acknowledgement was lost) changes nothing the second time.
CREATE TABLE IF NOT EXISTS applied_op (
  device_id  text NOT NULL,
  op_id      text NOT NULL,
  person_id  text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, op_id)
);

-- A value that lost to a later write of the same field, for the people
-- on both sides to review.
CREATE TABLE IF NOT EXISTS conflict (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity       text NOT NULL,
  row_id       text NOT NULL,
  field        text NOT NULL,
  kept_value   jsonb,
  kept_hlc     text NOT NULL,
  lost_value   jsonb,
  lost_hlc     text NOT NULL,
  kept_person  text,
  lost_person  text,
  decided_at   timestamptz NOT NULL DEFAULT now(),
  xid          xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- --------------------------------------------------------- sync columns

-- Every write stamps the row with its transaction: the pull cursor.
CREATE OR REPLACE FUNCTION stamp_xid () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.xid := pg_current_xact_id ();
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION synced_tables () RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['person', 'stage', 'product', 'account', 'contact', 'deal',
               'deal_stage_change', 'field_change', 'activity', 'todo_item',
               'target', 'coaching_plan', 'coaching_note', 'coaching_assessment']
$$;

DO $stamps$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY prospect.synced_tables () LOOP
    EXECUTE format ('CREATE OR REPLACE TRIGGER %I BEFORE INSERT OR UPDATE ON prospect.%I'
                    ' FOR EACH ROW EXECUTE FUNCTION prospect.stamp_xid ()', name || '_xid', name);
    EXECUTE format ('CREATE INDEX IF NOT EXISTS %I ON prospect.%I (xid)', name || '_by_xid', name);
    -- Not FORCEd: the owner, which nobody logs in as, runs the few
    -- SECURITY DEFINER functions below that must see every row.
    EXECUTE format ('ALTER TABLE prospect.%I ENABLE ROW LEVEL SECURITY', name);
    EXECUTE format ('GRANT SELECT, INSERT, UPDATE ON prospect.%I TO prospect_member', name);
  END LOOP;
END
$stamps$;

CREATE INDEX IF NOT EXISTS deal_by_owner ON deal (owner_id);
CREATE INDEX IF NOT EXISTS activity_by_owner ON activity (owner_id);
CREATE INDEX IF NOT EXISTS activity_by_deal ON activity (deal_id);
CREATE INDEX IF NOT EXISTS person_by_manager ON person (manager_id);
CREATE INDEX IF NOT EXISTS conflict_by_xid ON conflict (xid);

ALTER TABLE applied_op ENABLE ROW LEVEL SECURITY;
ALTER TABLE conflict ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON applied_op, conflict TO prospect_member;

-- ------------------------------------------------------------- who is who

-- The person the connected role is; NULL for a role that is nobody.
-- SECURITY DEFINER so that policies can call it whatever the caller may
-- read; it reads only the person table, whose rows everyone may read.
CREATE OR REPLACE FUNCTION me () RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = prospect, pg_temp AS $$
  SELECT id FROM prospect.person WHERE login_role = session_user AND deleted_at IS NULL
$$;

-- The people whose data I read: me and everyone below me in the
-- reporting line (a manager's reps; a director's managers and their reps).
CREATE OR REPLACE FUNCTION my_people () RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = prospect, pg_temp AS $$
  WITH RECURSIVE below (id) AS (
    SELECT prospect.me ()
    UNION
    SELECT p.id FROM prospect.person p JOIN below b ON p.manager_id = b.id
    WHERE p.deleted_at IS NULL)
  SELECT id FROM below WHERE id IS NOT NULL
$$;

-- Strictly below me (not me).
CREATE OR REPLACE FUNCTION my_reports () RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = prospect, pg_temp AS $$
  SELECT id FROM prospect.my_people () AS p (id) WHERE id IS DISTINCT FROM prospect.me ()
$$;

-- The person behind a device, from the devices' pushes: an HLC time is
-- "milliseconds.counter.device id" (see prospect-hlc.c).
CREATE OR REPLACE FUNCTION hlc_person (p_hlc text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = prospect, pg_temp AS $$
  SELECT person_id FROM prospect.applied_op WHERE device_id = split_part (p_hlc, '.', 3) LIMIT 1
$$;

-- Whether a row exists at all, seen or not: to tell "you may not change
-- it" from "it is new".
CREATE OR REPLACE FUNCTION row_exists (p_entity text, p_id text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = prospect, pg_temp AS $$
DECLARE
  found boolean;
BEGIN
  IF NOT p_entity = ANY (prospect.synced_tables ()) THEN
    RETURN false;
  END IF;
  EXECUTE format ('SELECT EXISTS (SELECT FROM prospect.%I WHERE id = $1)', p_entity) INTO found USING p_id;
  RETURN found;
END
$$;

CREATE OR REPLACE FUNCTION my_role () RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = prospect, pg_temp AS $$
  SELECT role FROM prospect.person WHERE id = prospect.me ()
$$;

-- ----------------------------------------------------------------- policies

-- A policy is dropped and made again so that applying this file twice
-- leaves the latest wording.
CREATE OR REPLACE FUNCTION set_policy (p_table text, p_name text, p_command text,
                                       p_using text, p_check text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format ('DROP POLICY IF EXISTS %I ON prospect.%I', p_name, p_table);
  EXECUTE format ('CREATE POLICY %I ON prospect.%I FOR %s TO prospect_member%s%s',
                  p_name, p_table, p_command,
                  CASE WHEN p_using IS NULL THEN '' ELSE ' USING (' || p_using || ')' END,
                  CASE WHEN p_check IS NULL THEN '' ELSE ' WITH CHECK (' || p_check || ')' END);
END
$$;

-- Everyone on the team sees the people, the stages and the products;
-- managers and directors keep the stages and products.
SELECT set_policy ('person', 'read', 'SELECT', 'true', NULL);
SELECT set_policy ('person', 'write_self', 'UPDATE', 'id = prospect.me ()', 'id = prospect.me ()');
SELECT set_policy ('stage', 'read', 'SELECT', 'true', NULL);
SELECT set_policy ('stage', 'add', 'INSERT', NULL, $p$prospect.my_role () IN ('manager', 'director')$p$);
SELECT set_policy ('stage', 'change', 'UPDATE', $p$prospect.my_role () IN ('manager', 'director')$p$, 'true');
SELECT set_policy ('product', 'read', 'SELECT', 'true', NULL);
SELECT set_policy ('product', 'add', 'INSERT', NULL, $p$prospect.my_role () IN ('manager', 'director')$p$);
SELECT set_policy ('product', 'change', 'UPDATE', $p$prospect.my_role () IN ('manager', 'director')$p$, 'true');

-- Deals and activities: their owner writes them; the owner and everyone
-- above reads them.
SELECT set_policy ('deal', 'read', 'SELECT', 'owner_id IN (SELECT prospect.my_people ())', NULL);
SELECT set_policy ('deal', 'add', 'INSERT', NULL, 'owner_id = prospect.me ()');
SELECT set_policy ('deal', 'change', 'UPDATE', 'owner_id = prospect.me ()', 'owner_id = prospect.me ()');
SELECT set_policy ('activity', 'read', 'SELECT', 'owner_id IN (SELECT prospect.my_people ())', NULL);
SELECT set_policy ('activity', 'add', 'INSERT', NULL, 'owner_id = prospect.me ()');
SELECT set_policy ('activity', 'change', 'UPDATE', 'owner_id = prospect.me ()', 'owner_id = prospect.me ()');

-- A deal's history and an activity's to-do items go with their parent.
SELECT set_policy ('deal_stage_change', 'read', 'SELECT',
                   'deal_id IN (SELECT id FROM prospect.deal)', NULL);
SELECT set_policy ('deal_stage_change', 'add', 'INSERT', NULL,
                   'deal_id IN (SELECT id FROM prospect.deal WHERE owner_id = prospect.me ())');
SELECT set_policy ('todo_item', 'read', 'SELECT',
                   'activity_id IN (SELECT id FROM prospect.activity)', NULL);
SELECT set_policy ('todo_item', 'add', 'INSERT', NULL,
                   'activity_id IN (SELECT id FROM prospect.activity WHERE owner_id = prospect.me ())');
SELECT set_policy ('todo_item', 'change', 'UPDATE',
                   'activity_id IN (SELECT id FROM prospect.activity WHERE owner_id = prospect.me ())',
                   'activity_id IN (SELECT id FROM prospect.activity WHERE owner_id = prospect.me ())');
SELECT set_policy ('field_change', 'read', 'SELECT',
                   $p$changed_by = prospect.me ()
                      OR (entity = 'deal' AND entity_id IN (SELECT id FROM prospect.deal))
                      OR (entity = 'activity' AND entity_id IN (SELECT id FROM prospect.activity))
                      OR (entity = 'account' AND entity_id IN (SELECT id FROM prospect.account))
                      OR (entity = 'contact' AND entity_id IN (SELECT id FROM prospect.contact))$p$,
                   NULL);
SELECT set_policy ('field_change', 'add', 'INSERT', NULL, 'changed_by = prospect.me ()');

-- Accounts: the team's shared ones (no owner), mine and my people's, and
-- those of the deals I see. Contacts go with their account.
SELECT set_policy ('account', 'read', 'SELECT',
                   $p$owner_id IS NULL OR owner_id IN (SELECT prospect.my_people ())
                      OR id IN (SELECT account_id FROM prospect.deal)$p$, NULL);
SELECT set_policy ('account', 'add', 'INSERT', NULL, 'owner_id IS NULL OR owner_id = prospect.me ()');
SELECT set_policy ('account', 'change', 'UPDATE',
                   'owner_id IS NULL OR owner_id = prospect.me ()',
                   'owner_id IS NULL OR owner_id = prospect.me ()');
SELECT set_policy ('contact', 'read', 'SELECT',
                   'account_id IS NULL OR account_id IN (SELECT id FROM prospect.account)', NULL);
SELECT set_policy ('contact', 'add', 'INSERT', NULL,
                   'account_id IS NULL OR account_id IN (SELECT id FROM prospect.account)');
SELECT set_policy ('contact', 'change', 'UPDATE',
                   'account_id IS NULL OR account_id IN (SELECT id FROM prospect.account)',
                   'account_id IS NULL OR account_id IN (SELECT id FROM prospect.account)');

-- Targets: read by the person, their managers above and whoever set them;
-- written only by a manager for the people below them (or their team).
SELECT set_policy ('target', 'read', 'SELECT',
                   $p$person_id IN (SELECT prospect.my_people ())
                      OR manager_id IN (SELECT prospect.my_people ())$p$, NULL);
SELECT set_policy ('target', 'add', 'INSERT', NULL,
                   $p$manager_id = prospect.me ()
                      AND (person_id IS NULL OR person_id IN (SELECT prospect.my_reports ()))$p$);
SELECT set_policy ('target', 'change', 'UPDATE',
                   'manager_id = prospect.me ()',
                   $p$manager_id = prospect.me ()
                      AND (person_id IS NULL OR person_id IN (SELECT prospect.my_reports ()))$p$);

-- Coaching plans: the rep they are for, and everyone above, reads them;
-- a coach writes them for people below.
SELECT set_policy ('coaching_plan', 'read', 'SELECT',
                   'rep_id IN (SELECT prospect.my_people ()) OR coach_id = prospect.me ()', NULL);
SELECT set_policy ('coaching_plan', 'add', 'INSERT', NULL,
                   'coach_id = prospect.me () AND rep_id IN (SELECT prospect.my_reports ())');
SELECT set_policy ('coaching_plan', 'change', 'UPDATE',
                   'coach_id = prospect.me ()',
                   'coach_id = prospect.me () AND rep_id IN (SELECT prospect.my_reports ())');
-- A director's assessment: on a plan a manager below them made.
SELECT set_policy ('coaching_assessment', 'read', 'SELECT',
                   'plan_id IN (SELECT id FROM prospect.coaching_plan)', NULL);
SELECT set_policy ('coaching_assessment', 'add', 'INSERT', NULL,
                   $p$author_id = prospect.me ()
                      AND plan_id IN (SELECT id FROM prospect.coaching_plan
                                      WHERE coach_id IN (SELECT prospect.my_reports ()))$p$);
SELECT set_policy ('coaching_assessment', 'change', 'UPDATE',
                   'author_id = prospect.me ()', 'author_id = prospect.me ()');
-- A 1:1 note: its author, and when shared the rep it is about. Nobody
-- else, not even the author's own manager.
SELECT set_policy ('coaching_note', 'read', 'SELECT',
                   'author_id = prospect.me () OR (shared = 1 AND rep_id = prospect.me ())', NULL);
SELECT set_policy ('coaching_note', 'add', 'INSERT', NULL, 'author_id = prospect.me ()');
SELECT set_policy ('coaching_note', 'change', 'UPDATE',
                   'author_id = prospect.me ()', 'author_id = prospect.me ()');

SELECT set_policy ('applied_op', 'own', 'ALL',
                   'person_id = prospect.me ()', 'person_id = prospect.me ()');
SELECT set_policy ('conflict', 'involved', 'ALL',
                   'prospect.me () IN (kept_person, lost_person)', 'true');

-- ------------------------------------------------------------------- sync

-- The next pull cursor: every transaction older than this has ended, so
-- a later pull from here misses nothing that commits afterwards.
CREATE OR REPLACE FUNCTION pull_cursor () RETURNS xid8
LANGUAGE sql STABLE AS $$
  SELECT pg_snapshot_xmin (pg_current_snapshot ())
$$;

-- One operation: {"op": id, "entity": table, "id": row id, "hlc": time,
-- "fields": {column: value, ...}, "base": {column: time the writer saw}}.
-- Returns the fields whose value lost, {column: {"value": .., "hlc": ..}}.
CREATE OR REPLACE FUNCTION apply_op (p_op jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  entity   text := p_op->>'entity';
  row_id   text := p_op->>'id';
  op_hlc   text := p_op->>'hlc';
  fields   jsonb := coalesce (p_op->'fields', '{}');
  current  jsonb;
  winners  jsonb := '{}';
  clocks   jsonb;
  lost     jsonb := '{}';
  field    text;
  value    jsonb;
  seen_hlc text;
  columns  text;
BEGIN
  IF entity IS NULL OR NOT entity = ANY (prospect.synced_tables ()) THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
      MESSAGE = format ('“%s” is not something the team server keeps', entity);
  END IF;
  IF row_id IS NULL OR op_hlc IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
      MESSAGE = 'An operation needs a row id and a time';
  END IF;
  IF fields ?| ARRAY['hlc', 'deleted_hlc', 'xid', 'id', 'login_role'] THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
      MESSAGE = 'An operation may not set the sync columns';
  END IF;

  EXECUTE format ('SELECT to_jsonb (t) FROM prospect.%I t WHERE id = $1 FOR UPDATE', entity)
    INTO current USING row_id;

  IF current IS NULL AND prospect.row_exists (entity, row_id) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format ('You may not change this %s', replace (entity, '_', ' '));
  END IF;

  IF current IS NULL THEN
    clocks := (SELECT coalesce (jsonb_object_agg (key, op_hlc), '{}') FROM jsonb_object_keys (fields) AS key);
    EXECUTE format ('INSERT INTO prospect.%I SELECT * FROM jsonb_populate_record (NULL::prospect.%I, $1)',
                    entity, entity)
      USING fields || jsonb_build_object ('id', row_id, 'hlc', clocks,
                                          'deleted_hlc', CASE WHEN fields ? 'deleted_at'
                                                              AND fields->>'deleted_at' IS NOT NULL
                                                         THEN op_hlc END);
    RETURN lost;
  END IF;

  clocks := current->'hlc';
  FOR field, value IN SELECT * FROM jsonb_each (fields) LOOP
    seen_hlc := clocks->>field;
    -- A deleted row stays deleted: only a later restore brings it back.
    IF current->>'deleted_hlc' IS NOT NULL
       AND NOT (field = 'deleted_at' AND value = 'null'::jsonb AND op_hlc > current->>'deleted_hlc') THEN
      CONTINUE;
    END IF;
    IF seen_hlc IS NULL OR op_hlc > seen_hlc THEN
      winners := winners || jsonb_build_object (field, value);
      clocks := clocks || jsonb_build_object (field, op_hlc);
      -- Overwriting a value the writer had not seen: the old one is kept.
      IF seen_hlc IS NOT NULL AND seen_hlc IS DISTINCT FROM p_op->'base'->>field
         AND current->field IS DISTINCT FROM value THEN
        INSERT INTO prospect.conflict (entity, row_id, field, kept_value, kept_hlc, lost_value, lost_hlc,
                                       kept_person, lost_person)
        VALUES (entity, row_id, field, value, op_hlc, current->field, seen_hlc,
                prospect.me (), prospect.hlc_person (seen_hlc));
      END IF;
    ELSIF current->field IS DISTINCT FROM value THEN
      lost := lost || jsonb_build_object (field, jsonb_build_object ('value', current->field, 'hlc', seen_hlc));
      INSERT INTO prospect.conflict (entity, row_id, field, kept_value, kept_hlc, lost_value, lost_hlc,
                                     kept_person, lost_person)
      VALUES (entity, row_id, field, current->field, seen_hlc, value, op_hlc,
              prospect.hlc_person (seen_hlc), prospect.me ());
    END IF;
  END LOOP;

  IF winners = '{}' THEN
    RETURN lost;
  END IF;

  IF winners ? 'deleted_at' THEN
    winners := winners || jsonb_build_object ('deleted_hlc',
                                              CASE WHEN winners->>'deleted_at' IS NULL THEN NULL
                                                   ELSE op_hlc END);
  END IF;
  SELECT string_agg (quote_ident (key), ', ') INTO columns
    FROM jsonb_object_keys (winners || jsonb_build_object ('hlc', clocks)) AS key;
  EXECUTE format ('UPDATE prospect.%1$I t SET (%2$s) = (SELECT %2$s FROM jsonb_populate_record (t, $1))'
                  ' WHERE id = $2', entity, columns)
    USING winners || jsonb_build_object ('hlc', clocks), row_id;
  RETURN lost;
END
$$;

-- A push: the operations of one device, in order. Each is applied at most
-- once; one the server refuses (a rep writing a target, a row they may
-- not change) is reported and the others go on. Returns one result per
-- operation: {"op": id, "status": "applied" | "duplicate" | "refused",
-- "reason": text, "lost": {...}}.
CREATE OR REPLACE FUNCTION push (p_device text, p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  op      jsonb;
  results jsonb := '[]';
  lost    jsonb;
  who     text := prospect.me ();
BEGIN
  IF who IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format ('The role “%s” is nobody on this team', session_user);
  END IF;

  FOR op IN SELECT * FROM jsonb_array_elements (p_ops) LOOP
    IF EXISTS (SELECT FROM prospect.applied_op WHERE device_id = p_device AND op_id = op->>'op') THEN
      results := results || jsonb_build_object ('op', op->>'op', 'status', 'duplicate');
      CONTINUE;
    END IF;
    BEGIN
      lost := prospect.apply_op (op);
      INSERT INTO prospect.applied_op (device_id, op_id, person_id) VALUES (p_device, op->>'op', who);
      results := results || jsonb_build_object ('op', op->>'op', 'status', 'applied', 'lost', lost);
    EXCEPTION
      WHEN insufficient_privilege OR check_violation OR not_null_violation OR unique_violation
           OR invalid_parameter_value OR invalid_text_representation OR datatype_mismatch THEN
        results := results || jsonb_build_object ('op', op->>'op', 'status', 'refused',
                                                  'reason', SQLERRM);
    END;
  END LOOP;
  RETURN results;
END
$$;

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA prospect TO prospect_member;
REVOKE EXECUTE ON FUNCTION set_policy (text, text, text, text, text) FROM prospect_member, PUBLIC;

RESET ROLE;
