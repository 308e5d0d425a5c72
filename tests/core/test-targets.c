/* test-targets.c - the Targets page's grid: loading, setting a cell,
 * copying the previous quarter, the team flag, refused input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "prospect-targets.h"
#include "test-util.h"

/* A fiscal year starting in April: FY2027 runs from April 2026, and its
 * Q1 is April-June 2026. */
typedef struct
{
  ProspectDatabase *db;
  char             *manager_id;
  char             *other_manager_id;
  char             *ana_id;    /* reports to the manager */
  char             *ben_id;    /* reports to the manager */
  char             *carl_id;   /* reports to the other manager */
  ProspectPeriod    quarters[4];
} Team;

static char *
add_person (ProspectDatabase *db,
            const char       *name,
            const char       *role,
            const char       *manager_id)
{
  g_autoptr(ProspectPerson) person = prospect_person_new ();
  g_autoptr(GError) error = NULL;

  prospect_person_set_name (person, name);
  prospect_person_set_role (person, role);
  prospect_person_set_manager_id (person, manager_id);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (person), db, &error));
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (person)));
}

static void
team_set_up (Team          *team,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  team->db = test_db_open_fresh ("targets.db");
  g_assert_true (prospect_database_set_setting (team->db, "fiscal-year-start-month", "4", &error));
  g_assert_no_error (error);
  team->manager_id = add_person (team->db, "Olivia Park", "manager", NULL);
  team->other_manager_id = add_person (team->db, "Amara Berg", "manager", NULL);
  /* added out of order: the grid sorts by name */
  team->ben_id = add_person (team->db, "Ben Ito", "rep", team->manager_id);
  team->ana_id = add_person (team->db, "Ana Murphy", "rep", team->manager_id);
  team->carl_id = add_person (team->db, "Carl Lind", "rep", team->other_manager_id);

  g_date_set_dmy (&day, 1, G_DATE_APRIL, 2026);
  prospect_period_init (&team->quarters[0], PROSPECT_PERIOD_QUARTER, &day, 4);
  for (guint q = 1; q < 4; q++)
    prospect_period_next (&team->quarters[q - 1], &team->quarters[q]);
}

static void
team_tear_down (Team          *team,
                gconstpointer  data)
{
  g_clear_object (&team->db);
  g_free (team->manager_id);
  g_free (team->other_manager_id);
  g_free (team->ana_id);
  g_free (team->ben_id);
  g_free (team->carl_id);
}

/* A row written directly through the record API, as an import would. */
static char *
add_target (Team       *team,
            const char *person_id,
            const char *manager_id,
            const char *kind,
            const char *start,
            const char *metric,
            gint64      value,
            const char *currency)
{
  g_autoptr(ProspectTarget) target = prospect_target_new ();
  g_autoptr(GError) error = NULL;

  prospect_target_set_person_id (target, person_id);
  prospect_target_set_manager_id (target, manager_id);
  prospect_target_set_period_kind (target, kind);
  prospect_target_set_period_start (target, start);
  prospect_target_set_metric (target, metric);
  prospect_target_set_value (target, value);
  prospect_target_set_currency (target, currency);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (target), team->db, &error));
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (target)));
}

static ProspectTargetGrid *
load (Team        *team,
      const char  *iso)
{
  g_autoptr(GError) error = NULL;
  ProspectTargetGrid *grid;
  GDate day;

  g_assert_true (prospect_date_from_iso (&day, iso));
  grid = prospect_target_grid_load (team->db, team->manager_id, &day, &error);
  g_assert_no_error (error);
  g_assert_nonnull (grid);

  return grid;
}

/* What the table holds for one cell, by a query of its own: the sum of
 * the live quarter rows (NULL when there is none). */
static gint64
table_value (Team                 *team,
             const char           *person_id,
             guint                 quarter,
             ProspectTargetMetric  metric)
{
  g_autofree char *start = prospect_date_to_iso (&team->quarters[quarter].start);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (team->db),
                                       "SELECT ifnull(sum(value), -1) FROM target WHERE deleted_at IS NULL"
                                       " AND period_kind = 'quarter' AND period_start = ?1 AND metric = ?2"
                                       " AND (metric <> 'won_value' OR currency = 'USD')"
                                       " AND ((?3 IS NULL AND person_id IS NULL AND manager_id = ?4)"
                                       "      OR person_id = ?3)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, prospect_target_metric_to_string (metric), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, person_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, team->manager_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);

  return value;
}

static void
assert_grid_matches_table (Team               *team,
                           ProspectTargetGrid *grid)
{
  for (guint i = 0; i < grid->rows->len; i++)
    {
      ProspectTargetRow *row = g_ptr_array_index (grid->rows, i);

      for (guint m = 0; m < PROSPECT_TARGET_N_METRICS; m++)
        for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
          g_assert_cmpint (row->values[m][q], ==, table_value (team, row->person_id, q, m));
    }
}

static void
test_targets_load (Team          *team,
                   gconstpointer  data)
{
  g_autoptr(ProspectTargetGrid) grid = NULL;
  g_autofree char *deleted = NULL;
  g_autoptr(ProspectTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  ProspectTargetRow *ana, *ben, *team_row;

  g_free (add_target (team, team->ana_id, team->manager_id, "quarter", "2026-04-01", "won_value", 1500000, "USD"));
  g_free (add_target (team, team->ana_id, team->manager_id, "quarter", "2027-01-01", "activities", 120, "USD"));
  /* set by the previous manager: still Ana's, added to the other */
  g_free (add_target (team, team->ana_id, team->other_manager_id, "quarter", "2026-04-01", "won_value", 100000, "USD"));
  g_free (add_target (team, team->ben_id, team->manager_id, "quarter", "2026-07-01", "won_count", 7, "USD"));
  g_free (add_target (team, NULL, team->manager_id, "quarter", "2026-10-01", "won_value", 9000000, "USD"));
  /* none of these is in the grid: another team, another currency, a
   * month, the year before, new deals, a deleted row */
  g_free (add_target (team, team->carl_id, team->other_manager_id, "quarter", "2026-04-01", "won_value", 777, "USD"));
  g_free (add_target (team, NULL, team->other_manager_id, "quarter", "2026-04-01", "won_value", 888, "USD"));
  g_free (add_target (team, team->ben_id, team->manager_id, "quarter", "2026-04-01", "won_value", 999, "EUR"));
  g_free (add_target (team, team->ben_id, team->manager_id, "month", "2026-05-01", "won_value", 555, "USD"));
  g_free (add_target (team, team->ben_id, team->manager_id, "quarter", "2026-01-01", "won_value", 444, "USD"));
  g_free (add_target (team, team->ben_id, team->manager_id, "quarter", "2026-04-01", "new_deals", 30, "USD"));
  deleted = add_target (team, team->ben_id, team->manager_id, "quarter", "2026-10-01", "activities", 333, "USD");
  target = prospect_target_load (team->db, deleted, &error);
  g_assert_true (prospect_record_delete (PROSPECT_RECORD (target), team->db, &error));
  g_assert_no_error (error);

  /* any day of FY2027 gives its four quarters */
  grid = load (team, "2027-02-14");
  g_assert_cmpuint (grid->rows->len, ==, 3);
  ana = g_ptr_array_index (grid->rows, 0);
  ben = g_ptr_array_index (grid->rows, 1);
  team_row = prospect_target_grid_get_team (grid);
  g_assert_cmpstr (ana->name, ==, "Ana Murphy");
  g_assert_cmpstr (ana->person_id, ==, team->ana_id);
  g_assert_cmpstr (ben->name, ==, "Ben Ito");
  g_assert_null (team_row->person_id);
  g_assert_cmpstr (grid->currency, ==, "USD");
  {
    g_autofree char *first = prospect_date_to_iso (&grid->quarters[0].start);
    g_autofree char *last = prospect_date_to_iso (&grid->quarters[3].end);

    g_assert_cmpstr (first, ==, "2026-04-01");
    g_assert_cmpstr (last, ==, "2027-03-31");
  }

  g_assert_cmpint (ana->values[PROSPECT_TARGET_WON_VALUE][0], ==, 1600000);
  g_assert_cmpint (ana->values[PROSPECT_TARGET_ACTIVITIES][3], ==, 120);
  g_assert_cmpint (ben->values[PROSPECT_TARGET_WON_COUNT][1], ==, 7);
  g_assert_cmpint (ben->values[PROSPECT_TARGET_WON_VALUE][0], ==, -1);
  g_assert_cmpint (ben->values[PROSPECT_TARGET_ACTIVITIES][2], ==, -1);
  g_assert_cmpint (team_row->values[PROSPECT_TARGET_WON_VALUE][2], ==, 9000000);
  g_assert_cmpint (team_row->values[PROSPECT_TARGET_WON_VALUE][0], ==, -1);
  assert_grid_matches_table (team, grid);
}

static void
set_cell (Team                 *team,
          const char           *person_id,
          guint                 quarter,
          ProspectTargetMetric  metric,
          gint64                value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (prospect_targets_set (team->db, team->manager_id, person_id,
                                       &team->quarters[quarter], metric, value, &error));
  g_assert_no_error (error);
}

static void
count_changed_cb (ProspectDatabase *db,
                  const char       *kind,
                  const char       *id,
                  int               change,
                  guint            *count)
{
  (*count)++;
}

static void
test_targets_set (Team          *team,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *foreign = NULL;
  guint changes = 0;

  g_signal_connect (team->db, "changed::target", G_CALLBACK (count_changed_cb), &changes);

  /* insert */
  set_cell (team, team->ana_id, 1, PROSPECT_TARGET_WON_VALUE, 1500000);
  g_assert_cmpuint (changes, ==, 1);
  id = test_db_query_text (team->db, "SELECT id FROM target WHERE deleted_at IS NULL");
  g_assert_nonnull (id);
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT count(*) FROM target WHERE period_kind = 'quarter'"
                                      " AND period_start = '2026-07-01' AND metric = 'won_value'"
                                      " AND value = 1500000 AND currency = 'USD'"), ==, 1);
  {
    g_autoptr(ProspectTarget) target = prospect_target_load (team->db, id, NULL);

    g_assert_cmpstr (prospect_target_get_person_id (target), ==, team->ana_id);
    g_assert_cmpstr (prospect_target_get_manager_id (target), ==, team->manager_id);
  }

  /* update: the same row, a new value; the same value again writes nothing */
  set_cell (team, team->ana_id, 1, PROSPECT_TARGET_WON_VALUE, 1750000);
  g_assert_cmpuint (changes, ==, 2);
  set_cell (team, team->ana_id, 1, PROSPECT_TARGET_WON_VALUE, 1750000);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpint (test_db_query_int (team->db, "SELECT count(*) FROM target"), ==, 1);
  {
    g_autoptr(ProspectTarget) target = prospect_target_load (team->db, id, NULL);

    g_assert_cmpint (prospect_target_get_value (target), ==, 1750000);
  }

  /* the team cell is its own row, next to Ana's */
  set_cell (team, NULL, 1, PROSPECT_TARGET_WON_VALUE, 5000000);
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT count(*) FROM target WHERE person_id IS NULL"
                                      " AND value = 5000000 AND deleted_at IS NULL"), ==, 1);

  /* clear: a soft delete, and the grid shows no target */
  set_cell (team, team->ana_id, 1, PROSPECT_TARGET_WON_VALUE, -1);
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT count(*) FROM target WHERE deleted_at IS NOT NULL"), ==, 1);
  {
    g_autoptr(ProspectTargetGrid) grid = load (team, "2026-08-01");

    g_assert_cmpint (((ProspectTargetRow *) g_ptr_array_index (grid->rows, 0))->values[0][1], ==, -1);
    assert_grid_matches_table (team, grid);
  }

  /* a cell that two managers set becomes the one typed value, set by us */
  foreign = add_target (team, team->ben_id, team->other_manager_id, "quarter", "2026-04-01", "won_count", 3, "USD");
  g_free (add_target (team, team->ben_id, team->manager_id, "quarter", "2026-04-01", "won_count", 4, "USD"));
  set_cell (team, team->ben_id, 0, PROSPECT_TARGET_WON_COUNT, 10);
  {
    g_autoptr(ProspectTargetGrid) grid = load (team, "2026-04-01");

    g_assert_cmpint (((ProspectTargetRow *) g_ptr_array_index (grid->rows, 1))->values[PROSPECT_TARGET_WON_COUNT][0], ==, 10);
    assert_grid_matches_table (team, grid);
  }
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT count(*) FROM target WHERE metric = 'won_count'"
                                      " AND deleted_at IS NULL"), ==, 1);

  g_signal_handlers_disconnect_by_func (team->db, count_changed_cb, &changes);
}

static int
count_commit_cb (void *data)
{
  (*(guint *) data)++;

  return 0;
}

static void
test_targets_copy (Team          *team,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint commits = 0, n = 0;

  /* Q1 (April) -> Q2 (July) */
  set_cell (team, team->ana_id, 0, PROSPECT_TARGET_WON_VALUE, 1000000);
  set_cell (team, team->ana_id, 0, PROSPECT_TARGET_WON_COUNT, 5);
  set_cell (team, team->ben_id, 0, PROSPECT_TARGET_ACTIVITIES, 90);
  set_cell (team, NULL, 0, PROSPECT_TARGET_WON_VALUE, 2500000);
  /* already set in Q2: kept */
  set_cell (team, team->ana_id, 1, PROSPECT_TARGET_WON_VALUE, 1200000);
  /* another team's: not copied */
  g_free (add_target (team, team->carl_id, team->other_manager_id, "quarter", "2026-04-01", "won_value", 777, "USD"));

  sqlite3_commit_hook (prospect_database_get_handle (team->db), count_commit_cb, &commits);
  g_assert_true (prospect_targets_copy_previous (team->db, team->manager_id, &team->quarters[1],
                                                 ids, &n, &error));
  sqlite3_commit_hook (prospect_database_get_handle (team->db), NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (commits, ==, 1);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (ids->len, ==, 3);
  {
    g_autoptr(ProspectTargetGrid) grid = load (team, "2026-07-01");
    ProspectTargetRow *ana = g_ptr_array_index (grid->rows, 0);
    ProspectTargetRow *ben = g_ptr_array_index (grid->rows, 1);

    g_assert_cmpint (ana->values[PROSPECT_TARGET_WON_VALUE][1], ==, 1200000);
    g_assert_cmpint (ana->values[PROSPECT_TARGET_WON_COUNT][1], ==, 5);
    g_assert_cmpint (ben->values[PROSPECT_TARGET_ACTIVITIES][1], ==, 90);
    g_assert_cmpint (prospect_target_grid_get_team (grid)->values[PROSPECT_TARGET_WON_VALUE][1], ==, 2500000);
    g_assert_cmpint (ben->values[PROSPECT_TARGET_WON_VALUE][1], ==, -1);
    assert_grid_matches_table (team, grid);
  }
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT count(*) FROM target WHERE person_id IS NOT NULL"
                                      " AND period_start = '2026-07-01' AND value = 777"), ==, 0);

  /* again: everything is set now */
  g_assert_true (prospect_targets_copy_previous (team->db, team->manager_id, &team->quarters[1],
                                                 NULL, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* the undo */
  g_assert_true (prospect_targets_delete (team->db, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT count(*) FROM target WHERE deleted_at IS NULL"
                                      " AND period_start = '2026-07-01'"), ==, 1);
}

/* A failure half-way leaves nothing copied. */
static void
test_targets_copy_all_or_nothing (Team          *team,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* Q4 of FY2026 (January 2026) is the quarter before FY2027's Q1 */
  g_free (add_target (team, team->ana_id, team->manager_id, "quarter", "2026-01-01", "won_value", 100, "USD"));
  g_free (add_target (team, team->ben_id, team->manager_id, "quarter", "2026-01-01", "won_value", 200, "USD"));
  g_assert_true (prospect_database_exec (team->db,
                                         "CREATE TEMP TRIGGER refuse_ben BEFORE INSERT ON target"
                                         " WHEN NEW.value = 200 AND NEW.period_start = '2026-04-01'"
                                         " BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                         &error));
  g_assert_no_error (error);

  g_assert_false (prospect_targets_copy_previous (team->db, team->manager_id, &team->quarters[0],
                                                  ids, &n, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT count(*) FROM target WHERE period_start = '2026-04-01'"), ==, 0);
  g_clear_error (&error);

  g_assert_true (prospect_database_exec (team->db, "DROP TRIGGER refuse_ben", &error));
  g_assert_true (prospect_targets_copy_previous (team->db, team->manager_id, &team->quarters[0],
                                                 ids, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (test_db_query_int (team->db,
                                      "SELECT sum(value) FROM target WHERE period_start = '2026-04-01'"), ==, 300);
}

static void
test_targets_flag (Team          *team,
                   gconstpointer  data)
{
  const ProspectTargetMetric value = PROSPECT_TARGET_WON_VALUE;

  /* no team target: the team counts the sum, nothing to flag */
  set_cell (team, team->ana_id, 2, value, 600000);
  set_cell (team, team->ben_id, 2, value, 300000);
  {
    g_autoptr(ProspectTargetGrid) grid = load (team, "2026-10-01");

    g_assert_cmpint (prospect_target_grid_rep_sum (grid, value, 2), ==, 900000);
    g_assert_false (prospect_target_grid_is_flagged (grid, value, 2));
  }

  set_cell (team, NULL, 2, value, 1000000);
  {
    g_autoptr(ProspectTargetGrid) grid = load (team, "2026-10-01");

    g_assert_true (prospect_target_grid_is_flagged (grid, value, 2));
    /* the other quarters and metrics are not */
    g_assert_false (prospect_target_grid_is_flagged (grid, value, 1));
    g_assert_false (prospect_target_grid_is_flagged (grid, PROSPECT_TARGET_WON_COUNT, 2));
  }

  set_cell (team, team->ana_id, 2, value, 700000);
  {
    g_autoptr(ProspectTargetGrid) grid = load (team, "2026-10-01");

    g_assert_false (prospect_target_grid_is_flagged (grid, value, 2));
  }

  /* a team target with no rep targets at all */
  set_cell (team, NULL, 3, PROSPECT_TARGET_ACTIVITIES, 400);
  {
    g_autoptr(ProspectTargetGrid) grid = load (team, "2026-10-01");

    g_assert_cmpint (prospect_target_grid_rep_sum (grid, PROSPECT_TARGET_ACTIVITIES, 3), ==, -1);
    g_assert_true (prospect_target_grid_is_flagged (grid, PROSPECT_TARGET_ACTIVITIES, 3));
  }
}

static void
assert_parses (const char           *text,
               ProspectTargetMetric  metric,
               gint64                expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -2;

  g_assert_true (prospect_target_parse_value (text, metric, "USD", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

static void
assert_refused (const char           *text,
                ProspectTargetMetric  metric)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -2;

  g_assert_false (prospect_target_parse_value (text, metric, "USD", &value, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, "value");
  g_assert_nonnull (strstr (error->message, text));
  g_assert_cmpint (value, ==, -2);
}

static void
test_targets_values (void)
{
  assert_parses ("15k", PROSPECT_TARGET_WON_VALUE, 1500000);
  assert_parses ("12,000", PROSPECT_TARGET_WON_VALUE, 1200000);
  assert_parses (" 12000.50 ", PROSPECT_TARGET_WON_VALUE, 1200050);
  assert_parses ("", PROSPECT_TARGET_WON_VALUE, -1);
  assert_parses ("  ", PROSPECT_TARGET_ACTIVITIES, -1);
  assert_parses ("40", PROSPECT_TARGET_ACTIVITIES, 40);
  assert_parses ("0", PROSPECT_TARGET_WON_COUNT, 0);

  assert_refused ("abc", PROSPECT_TARGET_WON_VALUE);
  assert_refused ("-5", PROSPECT_TARGET_WON_VALUE);
  assert_refused ("12kk", PROSPECT_TARGET_WON_VALUE);
  assert_refused ("abc", PROSPECT_TARGET_WON_COUNT);
  assert_refused ("-3", PROSPECT_TARGET_ACTIVITIES);
  assert_refused ("2.5", PROSPECT_TARGET_WON_COUNT);

  /* what the grid shows reads back as the same value */
  for (guint i = 0; i < 3; i++)
    {
      static const gint64 values[] = { 1500000, 1200050, 7 };
      ProspectTargetMetric metric = i < 2 ? PROSPECT_TARGET_WON_VALUE : PROSPECT_TARGET_WON_COUNT;
      g_autofree char *text = prospect_target_format_value (values[i], metric);

      assert_parses (text, metric, values[i]);
    }
  {
    g_autofree char *text = prospect_target_format_value (-1, PROSPECT_TARGET_WON_VALUE);

    g_assert_cmpstr (text, ==, "");
  }
}

/* A refused write leaves the table as it was. */
static void
test_targets_refused (Team          *team,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -2;

  set_cell (team, team->ana_id, 0, PROSPECT_TARGET_WON_VALUE, 1000000);

  g_assert_false (prospect_target_parse_value ("abc", PROSPECT_TARGET_WON_VALUE, "USD", &value, &error));
  g_clear_error (&error);

  /* a person who does not exist */
  g_assert_false (prospect_targets_set (team->db, team->manager_id, "no-such-person",
                                        &team->quarters[0], PROSPECT_TARGET_WON_VALUE, 5, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpint (test_db_query_int (team->db, "SELECT count(*) FROM target"), ==, 1);
  g_assert_cmpint (test_db_query_int (team->db, "SELECT value FROM target"), ==, 1000000);
  g_assert_false (prospect_database_in_transaction (team->db));
}

int
main (int   argc,
      char *argv[])
{
  /* grouping as most users have it, so that "12,000" reads as twelve
   * thousand both ways */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/targets/load", Team, NULL, team_set_up, test_targets_load, team_tear_down);
  g_test_add ("/core/targets/set", Team, NULL, team_set_up, test_targets_set, team_tear_down);
  g_test_add ("/core/targets/copy", Team, NULL, team_set_up, test_targets_copy, team_tear_down);
  g_test_add ("/core/targets/copy-all-or-nothing", Team, NULL, team_set_up,
              test_targets_copy_all_or_nothing, team_tear_down);
  g_test_add ("/core/targets/flag", Team, NULL, team_set_up, test_targets_flag, team_tear_down);
  g_test_add_func ("/core/targets/values", test_targets_values);
  g_test_add ("/core/targets/refused", Team, NULL, team_set_up, test_targets_refused, team_tear_down);

  return g_test_run ();
}
