-- SPDX-License-Identifier: GPL-3.0-or-later
-- Prospect schema, version 2: indexes for the analytics (figures per
-- owner and period, see prospect-analytics.c). Each one leads with the
-- owner, so that a team's figures read only its members' entries, and
-- holds every column those queries read, deleted_at included (SQLite 3.40
-- reads a column named in a partial index's WHERE from the table row), so
-- that no table row is fetched.

CREATE INDEX deal_closed_by_owner ON deal (owner_id, closed_on, status, currency, amount, deleted_at)
  WHERE deleted_at IS NULL AND status <> 'open';
CREATE INDEX deal_open_by_owner ON deal
  (owner_id, expected_close, status, currency, amount, probability, stage_id, deleted_at)
  WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX deal_created_by_owner ON deal (owner_id, created_at, deleted_at) WHERE deleted_at IS NULL;

-- Replaces activity_done_by_owner, which could not count live activities
-- without reading every row for deleted_at.
DROP INDEX activity_done_by_owner;
CREATE INDEX activity_done_live ON activity (owner_id, done_at, deleted_at)
  WHERE done_at IS NOT NULL AND deleted_at IS NULL;

-- The funnel follows each deal's stage history: index-only lookups.
CREATE INDEX stage_change_by_deal_stage ON deal_stage_change (deal_id, to_stage_id, deleted_at);
