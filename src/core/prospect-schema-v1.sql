-- SPDX-License-Identifier: GPL-3.0-or-later
-- Prospect schema, version 1.
--
-- Conventions (see README, "Data model"):
--  * every table is STRICT; ids are UUIDv7 text made on the device;
--  * created_at / updated_at / deleted_at are UTC milliseconds since the
--    epoch; deleted_at marks a tombstone (soft delete) so that a deletion
--    can travel to other devices once sync exists;
--  * calendar dates (expected close, close, period start, 1:1 date) are ISO
--    8601 'YYYY-MM-DD' text: they are days, not instants, and must not move
--    when the time zone changes;
--  * money is INTEGER minor units plus an ISO 4217 currency code.

CREATE TABLE setting (
  key        TEXT PRIMARY KEY NOT NULL,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE person (
  id         TEXT PRIMARY KEY NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  email      TEXT,
  role       TEXT NOT NULL DEFAULT 'rep' CHECK (role IN ('rep', 'manager', 'director')),
  manager_id TEXT REFERENCES person (id),
  region     TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK (manager_id IS NULL OR manager_id <> id)
) STRICT;
CREATE INDEX person_by_manager ON person (manager_id) WHERE deleted_at IS NULL;
CREATE INDEX person_by_name ON person (name COLLATE NOCASE);

CREATE TABLE account (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  sector      TEXT,
  region      TEXT,
  revenue     INTEGER CHECK (revenue IS NULL OR revenue >= 0),
  currency    TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency = upper(currency)),
  employees   INTEGER CHECK (employees IS NULL OR employees >= 0),
  location    TEXT,
  parent_id   TEXT REFERENCES account (id),
  owner_id    TEXT REFERENCES person (id),
  external_id TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX account_by_name ON account (name COLLATE NOCASE);
CREATE INDEX account_by_owner ON account (owner_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX account_by_external_id ON account (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE contact (
  id         TEXT PRIMARY KEY NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  account_id TEXT REFERENCES account (id),
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  title      TEXT,
  email      TEXT,
  phone      TEXT
) STRICT;
CREATE INDEX contact_by_account ON contact (account_id) WHERE deleted_at IS NULL;
CREATE INDEX contact_by_name ON contact (name COLLATE NOCASE);

CREATE TABLE product (
  id         TEXT PRIMARY KEY NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  family     TEXT,
  list_price INTEGER NOT NULL DEFAULT 0 CHECK (list_price >= 0),
  currency   TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency = upper(currency))
) STRICT;

CREATE TABLE stage (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  position    INTEGER NOT NULL CHECK (position >= 0),
  kind        TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100)
) STRICT;
CREATE INDEX stage_by_position ON stage (position);

CREATE TABLE deal (
  id             TEXT PRIMARY KEY NOT NULL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  deleted_at     INTEGER,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  account_id     TEXT REFERENCES account (id),
  contact_id     TEXT REFERENCES contact (id),
  owner_id       TEXT REFERENCES person (id),
  stage_id       TEXT NOT NULL REFERENCES stage (id),
  amount         INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency       TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency = upper(currency)),
  probability    INTEGER CHECK (probability IS NULL OR probability BETWEEN 0 AND 100),
  expected_close TEXT CHECK (expected_close IS NULL OR date(expected_close) IS expected_close),
  priority       INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 2),
  next_step      TEXT,
  challenges     TEXT,
  region         TEXT,
  channel        TEXT,
  product_id     TEXT REFERENCES product (id),
  source         TEXT,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  lost_reason    TEXT,
  closed_on      TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
  external_id    TEXT,
  CHECK ((status = 'open') = (closed_on IS NULL))
) STRICT;
CREATE INDEX deal_by_owner_status ON deal (owner_id, status, expected_close) WHERE deleted_at IS NULL;
CREATE INDEX deal_by_stage ON deal (stage_id) WHERE deleted_at IS NULL;
CREATE INDEX deal_by_closed ON deal (status, closed_on) WHERE deleted_at IS NULL;
CREATE INDEX deal_by_expected_close ON deal (expected_close) WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX deal_by_account ON deal (account_id) WHERE deleted_at IS NULL;
CREATE INDEX deal_by_created ON deal (created_at);
CREATE UNIQUE INDEX deal_by_external_id ON deal (external_id) WHERE external_id IS NOT NULL;

-- Written on every stage move (and on import when the source has dates).
-- from_stage_id is NULL for the row that records the deal's first stage.
CREATE TABLE deal_stage_change (
  id            TEXT PRIMARY KEY NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  deleted_at    INTEGER,
  deal_id       TEXT NOT NULL REFERENCES deal (id),
  from_stage_id TEXT REFERENCES stage (id),
  to_stage_id   TEXT NOT NULL REFERENCES stage (id),
  changed_at    INTEGER NOT NULL,
  changed_by    TEXT REFERENCES person (id)
) STRICT;
CREATE INDEX stage_change_by_deal ON deal_stage_change (deal_id, changed_at);
CREATE INDEX stage_change_by_stage ON deal_stage_change (to_stage_id, changed_at);

-- Field-level history (the deal timeline: who changed what, when).
CREATE TABLE field_change (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  field       TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT,
  changed_at  INTEGER NOT NULL,
  changed_by  TEXT REFERENCES person (id)
) STRICT;
CREATE INDEX field_change_by_entity ON field_change (entity, entity_id, changed_at);

-- A timed activity has due_at (UTC ms); an all-day one has due_date instead.
CREATE TABLE activity (
  id               TEXT PRIMARY KEY NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  deleted_at       INTEGER,
  kind             TEXT NOT NULL DEFAULT 'task'
                   CHECK (kind IN ('call', 'meeting', 'email', 'visit', 'demo', 'task')),
  subject          TEXT NOT NULL CHECK (length(trim(subject)) > 0),
  notes            TEXT,
  due_at           INTEGER,
  due_date         TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
  done_at          INTEGER,
  outcome          TEXT,
  deal_id          TEXT REFERENCES deal (id),
  account_id       TEXT REFERENCES account (id),
  contact_id       TEXT REFERENCES contact (id),
  owner_id         TEXT REFERENCES person (id),
  remind_at        INTEGER,
  snoozed_until    INTEGER,
  reminded_at      INTEGER,
  CHECK (due_at IS NULL OR due_date IS NULL)
) STRICT;
CREATE INDEX activity_open_by_owner ON activity (owner_id, due_at, due_date)
  WHERE done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX activity_by_deal ON activity (deal_id, due_at) WHERE deleted_at IS NULL;
CREATE INDEX activity_done_by_owner ON activity (owner_id, done_at) WHERE done_at IS NOT NULL;
CREATE INDEX activity_pending_reminder ON activity (remind_at)
  WHERE remind_at IS NOT NULL AND reminded_at IS NULL AND done_at IS NULL AND deleted_at IS NULL;

CREATE TABLE todo_item (
  id              TEXT PRIMARY KEY NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  deleted_at      INTEGER,
  activity_id     TEXT NOT NULL REFERENCES activity (id),
  position        INTEGER NOT NULL DEFAULT 0,
  text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
  planned_minutes INTEGER NOT NULL DEFAULT 0 CHECK (planned_minutes >= 0),
  resources       TEXT,
  result          TEXT,
  done            INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
) STRICT;
CREATE INDEX todo_by_activity ON todo_item (activity_id, position) WHERE deleted_at IS NULL;

-- person_id NULL = the whole team of manager_id; with person_id set,
-- manager_id is the manager who set that person's target.
CREATE TABLE target (
  id           TEXT PRIMARY KEY NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  deleted_at   INTEGER,
  person_id    TEXT REFERENCES person (id),
  manager_id   TEXT REFERENCES person (id),
  period_kind  TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
  period_start TEXT NOT NULL CHECK (date(period_start) IS period_start),
  metric       TEXT NOT NULL CHECK (metric IN ('won_value', 'won_count', 'activities', 'new_deals')),
  value        INTEGER NOT NULL CHECK (value >= 0),
  currency     TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency = upper(currency)),
  CHECK (person_id IS NOT NULL OR manager_id IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX target_unique ON target
  (ifnull(person_id, ''), ifnull(manager_id, ''), period_kind, period_start, metric)
  WHERE deleted_at IS NULL;

CREATE TABLE coaching_plan (
  id             TEXT PRIMARY KEY NOT NULL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  deleted_at     INTEGER,
  rep_id         TEXT NOT NULL REFERENCES person (id),
  coach_id       TEXT NOT NULL REFERENCES person (id),
  skill          TEXT NOT NULL CHECK (length(trim(skill)) > 0),
  why            TEXT,
  plan           TEXT,
  starts_on      TEXT CHECK (starts_on IS NULL OR date(starts_on) IS starts_on),
  ends_on        TEXT CHECK (ends_on IS NULL OR date(ends_on) IS ends_on),
  indicator      TEXT,
  baseline_value REAL,
  target_value   REAL,
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'reviewed')),
  review         TEXT,
  reviewed_value REAL,
  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
) STRICT;
CREATE INDEX coaching_plan_by_rep ON coaching_plan (rep_id, starts_on) WHERE deleted_at IS NULL;

CREATE TABLE coaching_note (
  id         TEXT PRIMARY KEY NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  rep_id     TEXT NOT NULL REFERENCES person (id),
  author_id  TEXT NOT NULL REFERENCES person (id),
  held_on    TEXT NOT NULL CHECK (date(held_on) IS held_on),
  body       TEXT NOT NULL CHECK (length(trim(body)) > 0),
  shared     INTEGER NOT NULL DEFAULT 1 CHECK (shared IN (0, 1))
) STRICT;
CREATE INDEX coaching_note_by_rep ON coaching_note (rep_id, held_on) WHERE deleted_at IS NULL;
