/* test-furthest-stage.c - the furthest stage a deal reached, kept by the
 * database (schema v4) for the funnel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

/* Default stages: 0 Prospecting, 1 Qualified, 2 Proposal, 3 Negotiation,
 * 4 Won, 5 Lost. */
enum { PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST };

typedef struct
{
  ProspectDatabase *db;
  char             *stages[6];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_open_fresh ("furthest.db");
  for (int i = 0; i < 6; i++)
    fixture->stages[i] = test_db_stage_id (fixture->db, i);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (int i = 0; i < 6; i++)
    g_free (fixture->stages[i]);
  g_clear_object (&fixture->db);
}

static ProspectDeal *
new_deal (Fixture *fixture,
          int      stage)
{
  g_autoptr(GError) error = NULL;
  ProspectDeal *deal = prospect_deal_new ();

  prospect_deal_set_title (deal, "Server upgrade");
  prospect_deal_set_stage_id (deal, fixture->stages[stage]);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error));
  g_assert_no_error (error);

  return deal;
}

static void
move (Fixture      *fixture,
      ProspectDeal *deal,
      int           stage)
{
  g_autoptr(GError) error = NULL;
  gboolean closed = stage == WON || stage == LOST;

  g_assert_true (prospect_deal_move_to_stage (deal, fixture->db, fixture->stages[stage],
                                              closed ? "2026-11-20" : NULL,
                                              stage == LOST ? "Budget" : NULL, &error));
  g_assert_no_error (error);
}

/* The stage index of the deal's furthest stage, -1 for none. */
static int
furthest (Fixture      *fixture,
          ProspectDeal *deal)
{
  g_autofree char *sql = g_strdup_printf ("SELECT furthest_stage_id FROM deal WHERE id = '%s'",
                                          prospect_record_get_id (PROSPECT_RECORD (deal)));
  g_autofree char *id = test_db_query_text (fixture->db, sql);

  for (int i = 0; id != NULL && i < 6; i++)
    if (g_str_equal (id, fixture->stages[i]))
      return i;

  return -1;
}

/* Moves forward push it, moves back and a loss keep it. */
static void
test_follows_moves (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = new_deal (fixture, PROSPECTING);

  g_assert_cmpint (furthest (fixture, deal), ==, PROSPECTING);
  move (fixture, deal, PROPOSAL);
  g_assert_cmpint (furthest (fixture, deal), ==, PROPOSAL);
  move (fixture, deal, QUALIFIED);
  g_assert_cmpint (furthest (fixture, deal), ==, PROPOSAL);
  move (fixture, deal, LOST);
  g_assert_cmpint (furthest (fixture, deal), ==, PROPOSAL);
}

static void
test_won_is_furthest (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = new_deal (fixture, QUALIFIED);

  move (fixture, deal, NEGOTIATION);
  move (fixture, deal, WON);
  g_assert_cmpint (furthest (fixture, deal), ==, WON);
}

/* A deal created lost has reached no stage of the funnel. */
static void
test_created_lost (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;

  prospect_deal_set_title (deal, "Never started");
  prospect_deal_set_stage_id (deal, fixture->stages[LOST]);
  prospect_deal_set_closed_on (deal, "2026-11-20");
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furthest (fixture, deal), ==, -1);
}

/* Deleting the history row of the furthest stage, or moving that stage
 * behind another, recomputes it from what is left. */
static void
test_recomputed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = new_deal (fixture, PROSPECTING);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  move (fixture, deal, NEGOTIATION);
  move (fixture, deal, QUALIFIED);
  g_assert_cmpint (furthest (fixture, deal), ==, NEGOTIATION);

  sql = g_strdup_printf ("UPDATE deal_stage_change SET deleted_at = 1"
                         " WHERE deal_id = '%s' AND to_stage_id = '%s'",
                         prospect_record_get_id (PROSPECT_RECORD (deal)), fixture->stages[NEGOTIATION]);
  g_assert_true (prospect_database_exec (fixture->db, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furthest (fixture, deal), ==, QUALIFIED);

  /* Prospecting moved to the end of the open stages ranks above Qualified */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE stage SET position = 10 WHERE id = '%s'", fixture->stages[PROSPECTING]);
  g_assert_true (prospect_database_exec (fixture->db, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furthest (fixture, deal), ==, PROSPECTING);
}

/* The funnel counts from the stored stage the same deals as before: a
 * deal that went back still counts at its furthest stage. */
static void
test_funnel_uses_it (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ProspectDeal) back = new_deal (fixture, PROSPECTING);
  g_autoptr(ProspectDeal) lost = new_deal (fixture, QUALIFIED);
  g_autoptr(ProspectFunnel) funnel = NULL;
  g_autoptr(GError) error = NULL;
  ProspectScope everyone = { PROSPECT_SCOPE_EVERYONE, NULL };
  ProspectPeriod year;
  guint reached[5];

  move (fixture, back, PROPOSAL);
  move (fixture, back, PROSPECTING);
  move (fixture, lost, LOST);

  prospect_period_init_today (&year, PROSPECT_PERIOD_YEAR, 1);
  funnel = prospect_funnel_compute (fixture->db, &year, &everyone, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funnel->steps->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    reached[i] = g_array_index (funnel->steps, ProspectFunnelStep, i).reached_count;

  g_assert_cmpuint (reached[PROSPECTING], ==, 2);
  g_assert_cmpuint (reached[QUALIFIED], ==, 2);
  g_assert_cmpuint (reached[PROPOSAL], ==, 1);
  g_assert_cmpuint (reached[NEGOTIATION], ==, 0);
}

/* A version 3 file has no furthest stage: the upgrade works it out for
 * the deals already there, from their history. */
static void
test_upgrade_from_v3 (void)
{
  g_autofree char *path = test_db_path ("v3.db");
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *furthest_id = NULL;

  {
    g_autoptr(sqlite3) old = NULL;

    g_assert_cmpint (sqlite3_open (path, &old), ==, SQLITE_OK);
    for (int version = 1; version <= 3; version++)
      test_exec_schema (old, version);
    g_assert_cmpint (sqlite3_exec (old,
      "INSERT INTO stage (id, created_at, updated_at, name, position, kind, probability) VALUES"
      " ('s0', 1, 1, 'Prospecting', 0, 'open', 10), ('s1', 1, 1, 'Qualified', 1, 'open', 25),"
      " ('s2', 1, 1, 'Proposal', 2, 'open', 50), ('s5', 1, 1, 'Lost', 5, 'lost', 0);"
      "INSERT INTO deal (id, created_at, updated_at, title, stage_id) VALUES ('d', 1, 1, 'Old deal', 's1');"
      "INSERT INTO deal_stage_change (id, created_at, updated_at, deal_id, to_stage_id, changed_at) VALUES"
      " ('c0', 1, 1, 'd', 's0', 1), ('c2', 1, 1, 'd', 's2', 2), ('c5', 1, 1, 'd', 's5', 3);"
      "PRAGMA user_version = 3;", NULL, NULL, NULL), ==, SQLITE_OK);
  }

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prospect_database_get_schema_version (db), ==, PROSPECT_SCHEMA_VERSION);
  /* Proposal: the furthest live open stage; Lost never counts */
  furthest_id = test_db_query_text (db, "SELECT furthest_stage_id FROM deal WHERE id = 'd'");
  g_assert_cmpstr (furthest_id, ==, "s2");
  g_assert_true (prospect_database_check (db, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/furthest-stage/follows-moves", test_follows_moves);
  ADD ("/core/furthest-stage/won", test_won_is_furthest);
  ADD ("/core/furthest-stage/created-lost", test_created_lost);
  ADD ("/core/furthest-stage/recomputed", test_recomputed);
  ADD ("/core/furthest-stage/funnel", test_funnel_uses_it);
#undef ADD
  g_test_add_func ("/core/furthest-stage/upgrade-from-v3", test_upgrade_from_v3);

  return g_test_run ();
}
