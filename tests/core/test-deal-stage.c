/* test-deal-stage.c - stage moves, their history, and field history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-fixture.h"

/* 2026-04-15T08:00:00Z, a Wednesday */
#define NOW_MS G_GINT64_CONSTANT (1776240000000)

typedef struct
{
  char *from_stage_id;
  char *to_stage_id;
  char *changed_by;
} StageRow;

static void
stage_row_clear (gpointer data)
{
  StageRow *row = data;

  g_free (row->from_stage_id);
  g_free (row->to_stage_id);
  g_free (row->changed_by);
}

/* The deal's deal_stage_change rows in the order written. */
static GArray *
stage_rows (Fixture    *fixture,
            const char *deal_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (StageRow));

  g_array_set_clear_func (rows, stage_row_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (fixture->db),
                                       "SELECT from_stage_id, to_stage_id, changed_by FROM deal_stage_change "
                                       "WHERE deal_id = ? ORDER BY changed_at, rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, deal_id, -1, SQLITE_STATIC);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      StageRow row = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
      };

      g_array_append_val (rows, row);
    }

  return rows;
}

static char *
field_history (Fixture    *fixture,
               const char *deal_id,
               const char *field)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) history = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (fixture->db),
                                       "SELECT ifnull(old_value, 'NULL'), ifnull(new_value, 'NULL'), "
                                       "ifnull(changed_by, 'NULL') FROM field_change "
                                       "WHERE entity = 'deal' AND entity_id = ? AND field = ? "
                                       "ORDER BY changed_at, rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, deal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (history, "%s%s>%s@%s", history->len > 0 ? " " : "",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));

  return g_string_free (g_steal_pointer (&history), FALSE);
}

static void
assert_history (Fixture    *fixture,
                const char *deal_id,
                const char *field,
                const char *expected)
{
  g_autofree char *history = field_history (fixture, deal_id, field);

  g_assert_cmpstr (history, ==, expected);
}

static ProspectDeal *
new_deal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ProspectDeal *deal = PROSPECT_DEAL (fixture_new_valid (fixture, PROSPECT_TYPE_DEAL));

  prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error);
  g_assert_no_error (error);

  return deal;
}

static void
set_me (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  prospect_database_set_setting (fixture->db, "me", fixture->rep_id, &error);
  g_assert_no_error (error);
}

static void
test_create_writes_first_stage (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(GArray) rows = NULL;

  set_me (fixture);
  deal = new_deal (fixture);
  rows = stage_rows (fixture, prospect_record_get_id (PROSPECT_RECORD (deal)));

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_null (g_array_index (rows, StageRow, 0).from_stage_id);
  g_assert_cmpstr (g_array_index (rows, StageRow, 0).to_stage_id, ==, fixture->stage_id);
  g_assert_cmpstr (g_array_index (rows, StageRow, 0).changed_by, ==, fixture->rep_id);
}

static void
test_move_through_pipeline (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(ProspectDeal) stored = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *won_id = test_db_stage_id (fixture->db, 4);
  g_autofree char *status_history = NULL;
  g_autofree char *closed_history = NULL;
  g_autofree char *stage_history = NULL;
  const char *id;
  ChangeLog deal_log;
  ChangeLog move_log;

  set_me (fixture);
  prospect_clock_set_fake_ms (NOW_MS);
  deal = new_deal (fixture);
  id = prospect_record_get_id (PROSPECT_RECORD (deal));
  change_log_init (&deal_log, fixture->db, "changed::deal");
  change_log_init (&move_log, fixture->db, "changed::deal_stage_change");

  g_assert_true (prospect_deal_move_to_stage (deal, fixture->db, fixture->next_stage_id, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_deal_get_status (deal), ==, "open");
  g_assert_null (prospect_deal_get_closed_on (deal));

  g_assert_true (prospect_deal_move_to_stage (deal, fixture->db, won_id, NULL, "ignored for won", &error));
  g_assert_no_error (error);
  prospect_clock_set_fake_ms (0);

  /* won: the stage's kind, closed today (local date of NOW_MS), no lost reason */
  stored = prospect_deal_load (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_deal_get_stage_id (stored), ==, won_id);
  g_assert_cmpstr (prospect_deal_get_status (stored), ==, "won");
  g_assert_cmpstr (prospect_deal_get_closed_on (stored), ==, "2026-04-15");
  g_assert_null (prospect_deal_get_lost_reason (stored));

  rows = stage_rows (fixture, id);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_array_index (rows, StageRow, 1).from_stage_id, ==, fixture->stage_id);
  g_assert_cmpstr (g_array_index (rows, StageRow, 1).to_stage_id, ==, fixture->next_stage_id);
  g_assert_cmpstr (g_array_index (rows, StageRow, 2).from_stage_id, ==, fixture->next_stage_id);
  g_assert_cmpstr (g_array_index (rows, StageRow, 2).to_stage_id, ==, won_id);
  g_assert_cmpstr (g_array_index (rows, StageRow, 2).changed_by, ==, fixture->rep_id);

  stage_history = g_strdup_printf ("%s>%s@%s %s>%s@%s",
                                   fixture->stage_id, fixture->next_stage_id, fixture->rep_id,
                                   fixture->next_stage_id, won_id, fixture->rep_id);
  assert_history (fixture, id, "stage_id", stage_history);
  status_history = g_strdup_printf ("open>won@%s", fixture->rep_id);
  assert_history (fixture, id, "status", status_history);
  closed_history = g_strdup_printf ("NULL>2026-04-15@%s", fixture->rep_id);
  assert_history (fixture, id, "closed_on", closed_history);

  /* one notification per move and kind */
  g_assert_cmpuint (deal_log.events->len, ==, 2);
  g_assert_cmpuint (move_log.events->len, ==, 2);

  change_log_clear (&deal_log, fixture->db);
  change_log_clear (&move_log, fixture->db);
}

static void
test_lost_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = new_deal (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *lost_id = test_db_stage_id (fixture->db, 5);
  g_autofree char *proposal_id = test_db_stage_id (fixture->db, 2);
  g_autoptr(GArray) rows = NULL;

  g_assert_true (prospect_deal_move_to_stage (deal, fixture->db, lost_id, "2026-03-02", "Price", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_deal_get_status (deal), ==, "lost");
  g_assert_cmpstr (prospect_deal_get_closed_on (deal), ==, "2026-03-02");
  g_assert_cmpstr (prospect_deal_get_lost_reason (deal), ==, "Price");

  g_assert_true (prospect_deal_move_to_stage (deal, fixture->db, proposal_id, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_deal_get_status (deal), ==, "open");
  g_assert_null (prospect_deal_get_closed_on (deal));
  g_assert_null (prospect_deal_get_lost_reason (deal));

  /* without a "me" setting the mover is unknown, not an error */
  rows = stage_rows (fixture, prospect_record_get_id (PROSPECT_RECORD (deal)));
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_null (g_array_index (rows, StageRow, 2).changed_by);
}

static void
test_failed_move_changes_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = new_deal (fixture);
  g_autoptr(ProspectDeal) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *won_id = test_db_stage_id (fixture->db, 4);
  const char *id = prospect_record_get_id (PROSPECT_RECORD (deal));
  gint64 moves_before = test_db_query_int (fixture->db, "SELECT count(*) FROM deal_stage_change");
  gint64 history_before = test_db_query_int (fixture->db, "SELECT count(*) FROM field_change");

  g_assert_false (prospect_deal_move_to_stage (deal, fixture->db, won_id, "2026-02-30", NULL, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, "closed_on");
  g_clear_error (&error);

  g_assert_false (prospect_deal_move_to_stage (deal, fixture->db, "no-such-stage", NULL, NULL, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, "stage_id");

  /* the object and the row are as before */
  g_assert_cmpstr (prospect_deal_get_stage_id (deal), ==, fixture->stage_id);
  g_assert_cmpstr (prospect_deal_get_status (deal), ==, "open");
  g_assert_null (prospect_deal_get_closed_on (deal));
  stored = prospect_deal_load (fixture->db, id, NULL);
  g_assert_cmpstr (prospect_deal_get_stage_id (stored), ==, fixture->stage_id);
  g_assert_cmpint (test_db_query_int (fixture->db, "SELECT count(*) FROM deal_stage_change"), ==, moves_before);
  g_assert_cmpint (test_db_query_int (fixture->db, "SELECT count(*) FROM field_change"), ==, history_before);
}

static void
test_field_history (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount_history = NULL;
  g_autofree char *probability_history = NULL;
  g_autofree char *region_history = NULL;
  const char *id;
  gint64 history_before;

  set_me (fixture);
  deal = new_deal (fixture);
  id = prospect_record_get_id (PROSPECT_RECORD (deal));

  prospect_deal_set_amount (deal, 2000000);
  prospect_deal_set_probability (deal, 60);
  prospect_deal_set_region (deal, "North");
  prospect_deal_set_external_id (deal, "crm:42");  /* not a HISTORY column */
  g_assert_true (prospect_record_update (PROSPECT_RECORD (deal), fixture->db, &error));
  g_assert_no_error (error);

  amount_history = g_strdup_printf ("1500000>2000000@%s", fixture->rep_id);
  assert_history (fixture, id, "amount", amount_history);
  probability_history = g_strdup_printf ("NULL>60@%s", fixture->rep_id);
  assert_history (fixture, id, "probability", probability_history);
  region_history = g_strdup_printf ("NULL>North@%s", fixture->rep_id);
  assert_history (fixture, id, "region", region_history);
  assert_history (fixture, id, "external_id", "");

  /* saving without changes logs nothing */
  history_before = test_db_query_int (fixture->db, "SELECT count(*) FROM field_change");
  g_assert_true (prospect_record_update (PROSPECT_RECORD (deal), fixture->db, &error));
  g_assert_cmpint (test_db_query_int (fixture->db, "SELECT count(*) FROM field_change"), ==, history_before);
}

static void
test_effective_probability (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = new_deal (fixture);
  g_autoptr(GError) error = NULL;

  /* Prospecting's default */
  g_assert_cmpint (prospect_deal_get_probability (deal), ==, -1);
  g_assert_cmpint (prospect_deal_get_effective_probability (deal, fixture->db), ==, 10);

  g_assert_true (prospect_deal_move_to_stage (deal, fixture->db, fixture->next_stage_id, NULL, NULL, &error));
  g_assert_cmpint (prospect_deal_get_effective_probability (deal, fixture->db), ==, 25);

  prospect_deal_set_probability (deal, 60);
  g_assert_cmpint (prospect_deal_get_effective_probability (deal, fixture->db), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/deal/create-writes-first-stage", Fixture, NULL,
              fixture_set_up, test_create_writes_first_stage, fixture_tear_down);
  g_test_add ("/core/deal/stage-move", Fixture, NULL,
              fixture_set_up, test_move_through_pipeline, fixture_tear_down);
  g_test_add ("/core/deal/lost-and-reopen", Fixture, NULL,
              fixture_set_up, test_lost_and_reopen, fixture_tear_down);
  g_test_add ("/core/deal/failed-move-changes-nothing", Fixture, NULL,
              fixture_set_up, test_failed_move_changes_nothing, fixture_tear_down);
  g_test_add ("/core/deal/field-history", Fixture, NULL,
              fixture_set_up, test_field_history, fixture_tear_down);
  g_test_add ("/core/deal/effective-probability", Fixture, NULL,
              fixture_set_up, test_effective_probability, fixture_tear_down);

  return g_test_run ();
}
