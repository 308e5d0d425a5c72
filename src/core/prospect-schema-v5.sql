-- SPDX-License-Identifier: GPL-3.0-or-later
-- Prospect schema, version 5: team sync (README, "Team server").
--
-- Once sync is turned on, triggers (made by prospect-sync.c from each
-- table's columns) copy every change of a synced table into the outbox,
-- in the transaction of the change itself, with its hybrid-logical-clock
-- time (prospect-hlc.h): what is in the outbox is exactly what was
-- committed. A sync pushes the outbox in order and pulls the team's
-- changes since its cursor.

-- One row: this database's side of the sync.
CREATE TABLE sync_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  enabled      INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  -- 1 while pulled rows are written, so that they are not sent back
  applying     INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
  device_id    TEXT,
  -- the clock's latest time, "MMMMMMMMMMMMMMM.CCCCC.DEVICE"
  hlc_last     TEXT,
  -- the server's pull cursor (a transaction id), NULL before the first pull
  pull_cursor  TEXT,
  last_sync_at INTEGER,
  last_error   TEXT
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- Changes not yet acknowledged by the server, in the order they were
-- made. fields: the changed columns and their new values (JSON); base:
-- the times of those columns' values when they were changed, so the
-- server can tell an edit of a value its writer had not seen.
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id      TEXT NOT NULL UNIQUE,
  entity     TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  fields     TEXT NOT NULL CHECK (json_valid (fields)),
  base       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (base)),
  -- refused: the server would not take it (a rep's target); kept so the
  -- change is not lost and can be shown
  state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
  reason     TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (seq) WHERE state = 'pending';

-- The time of each column's current value, per row: a pulled value
-- replaces the local one only when it is later.
CREATE TABLE row_clock (
  entity  TEXT NOT NULL,
  row_id  TEXT NOT NULL,
  clocks  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (clocks)),
  PRIMARY KEY (entity, row_id)
) STRICT, WITHOUT ROWID;

-- Values that lost to a later write of the same field, here or on the
-- server, for the user to review.
CREATE TABLE sync_conflict (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  entity      TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  field       TEXT NOT NULL,
  kept_value  TEXT,
  lost_value  TEXT,
  decided_at  INTEGER NOT NULL,
  seen        INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1))
) STRICT;
