-- SPDX-License-Identifier: GPL-3.0-or-later
-- The test team on a fresh team server: Dana directs Max and Mia; Max
-- manages Rita and Ravi, Mia manages Rosa. Every role's password is
-- "<name> secret" (needed over TCP; the Unix socket trusts the tests).
-- "stranger" may log in and is a member, but is nobody on the team.
SET search_path = prospect;
DO $$
DECLARE name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['dana', 'max', 'mia', 'rita', 'ravi', 'rosa', 'stranger'] LOOP
    EXECUTE format ('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE prospect_member', name, name || ' secret');
  END LOOP;
END $$;
INSERT INTO person (id, created_at, updated_at, name, role, manager_id, login_role) VALUES
  ('p-dana', 1, 1, 'Dana', 'director', NULL, 'dana'),
  ('p-max', 1, 1, 'Max', 'manager', 'p-dana', 'max'),
  ('p-mia', 1, 1, 'Mia', 'manager', 'p-dana', 'mia'),
  ('p-rita', 1, 1, 'Rita', 'rep', 'p-max', 'rita'),
  ('p-ravi', 1, 1, 'Ravi', 'rep', 'p-max', 'ravi'),
  ('p-rosa', 1, 1, 'Rosa', 'rep', 'p-mia', 'rosa');
INSERT INTO stage (id, created_at, updated_at, name, position, kind, probability) VALUES
  ('s1', 1, 1, 'Prospecting', 0, 'open', 10), ('s5', 1, 1, 'Won', 4, 'won', 100);
