-- SPDX-License-Identifier: GPL-3.0-or-later
-- Prospect schema, version 4: each deal keeps the furthest stage it has
-- reached, so that the funnel reads one index instead of every deal's
-- stage history (README, "Performance").
--
-- The furthest stage is the live stage that ranks highest among the
-- deal's current stage and its live stage history: won stages above all,
-- open ones by position, lost ones never (a lost deal reached the last
-- open stage it was in). SQLite keeps it with the triggers below, so every
-- way of writing (the model layer, the demo, an import, a sync) agrees.

ALTER TABLE deal ADD COLUMN furthest_stage_id TEXT REFERENCES stage (id);

-- The rank of a stage; NULL for a lost, deleted or unknown one.
--   (SELECT (kind = 'won') * 1000000000 + position FROM stage
--     WHERE id = X AND deleted_at IS NULL AND kind <> 'lost')

-- A new deal has reached its first stage.
CREATE TRIGGER deal_furthest_on_insert AFTER INSERT ON deal
BEGIN
  UPDATE deal SET furthest_stage_id = NEW.stage_id
  WHERE id = NEW.id
    AND (SELECT (kind = 'won') * 1000000000 + position FROM stage
         WHERE id = NEW.stage_id AND deleted_at IS NULL AND kind <> 'lost') IS NOT NULL;
END;

-- A move (or a history row written for one) can only push it further.
CREATE TRIGGER deal_furthest_on_move AFTER UPDATE OF stage_id ON deal
BEGIN
  UPDATE deal SET furthest_stage_id = NEW.stage_id
  WHERE id = NEW.id
    AND (SELECT (kind = 'won') * 1000000000 + position FROM stage
         WHERE id = NEW.stage_id AND deleted_at IS NULL AND kind <> 'lost')
        > coalesce((SELECT (kind = 'won') * 1000000000 + position FROM stage
                    WHERE id = furthest_stage_id AND deleted_at IS NULL AND kind <> 'lost'), -1);
END;

CREATE TRIGGER deal_furthest_on_history AFTER INSERT ON deal_stage_change
WHEN NEW.deleted_at IS NULL
BEGIN
  UPDATE deal SET furthest_stage_id = NEW.to_stage_id
  WHERE id = NEW.deal_id
    AND (SELECT (kind = 'won') * 1000000000 + position FROM stage
         WHERE id = NEW.to_stage_id AND deleted_at IS NULL AND kind <> 'lost')
        > coalesce((SELECT (kind = 'won') * 1000000000 + position FROM stage
                    WHERE id = furthest_stage_id AND deleted_at IS NULL AND kind <> 'lost'), -1);
END;

-- Rarer changes can also pull it back: they recompute it from scratch, for
-- one deal when its history changes, for every deal when a stage is
-- reordered, changes kind or is deleted.
CREATE TRIGGER deal_furthest_on_history_change
AFTER UPDATE OF deleted_at, to_stage_id, deal_id ON deal_stage_change
BEGIN
  UPDATE deal SET furthest_stage_id =
    (SELECT s.id FROM stage s
     WHERE s.deleted_at IS NULL AND s.kind <> 'lost'
       AND (s.id = deal.stage_id
            OR s.id IN (SELECT c.to_stage_id FROM deal_stage_change c
                        WHERE c.deal_id = deal.id AND c.deleted_at IS NULL))
     ORDER BY s.kind = 'won' DESC, s.position DESC LIMIT 1)
  WHERE id IN (OLD.deal_id, NEW.deal_id);
END;

CREATE TRIGGER deal_furthest_on_stage_change
AFTER UPDATE OF position, kind, deleted_at ON stage
BEGIN
  UPDATE deal SET furthest_stage_id =
    (SELECT s.id FROM stage s
     WHERE s.deleted_at IS NULL AND s.kind <> 'lost'
       AND (s.id = deal.stage_id
            OR s.id IN (SELECT c.to_stage_id FROM deal_stage_change c
                        WHERE c.deal_id = deal.id AND c.deleted_at IS NULL))
     ORDER BY s.kind = 'won' DESC, s.position DESC LIMIT 1);
END;

-- The deals already there.
UPDATE deal SET furthest_stage_id =
  (SELECT s.id FROM stage s
   WHERE s.deleted_at IS NULL AND s.kind <> 'lost'
     AND (s.id = deal.stage_id
          OR s.id IN (SELECT c.to_stage_id FROM deal_stage_change c
                      WHERE c.deal_id = deal.id AND c.deleted_at IS NULL))
   ORDER BY s.kind = 'won' DESC, s.position DESC LIMIT 1);

-- The funnel's cohort (deals created in a period) with everything it sums,
-- for everyone and per owner. The second replaces deal_created_by_owner,
-- whose columns it starts with.
CREATE INDEX deal_cohort ON deal
  (created_at, status, furthest_stage_id, currency, amount, owner_id, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX deal_cohort_by_owner ON deal
  (owner_id, created_at, status, furthest_stage_id, currency, amount, deleted_at)
  WHERE deleted_at IS NULL;
DROP INDEX deal_created_by_owner;
