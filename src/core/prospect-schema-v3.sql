-- SPDX-License-Identifier: GPL-3.0-or-later
-- Prospect schema, version 3: coaching.
--
-- A director's assessment of a coaching plan that a manager made with a
-- rep, so that the chain rep -> manager -> director is on record. One
-- plan can collect several assessments over time (and from more than one
-- director); each is a dated entity like the others (sync-ready).
CREATE TABLE coaching_assessment (
  id         TEXT PRIMARY KEY NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  plan_id    TEXT NOT NULL REFERENCES coaching_plan (id),
  author_id  TEXT NOT NULL REFERENCES person (id),
  written_on TEXT NOT NULL CHECK (date(written_on) IS written_on),
  body       TEXT NOT NULL CHECK (length(trim(body)) > 0)
) STRICT;
CREATE INDEX coaching_assessment_by_plan ON coaching_assessment (plan_id, written_on)
  WHERE deleted_at IS NULL;

-- The coaching indicators count the activities done on each deal of a
-- rep's cohort: by deal, only the done ones, with their time.
CREATE INDEX activity_done_by_deal ON activity (deal_id, done_at, deleted_at)
  WHERE done_at IS NOT NULL AND deleted_at IS NULL;
