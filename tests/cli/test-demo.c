/* test-demo.c - the sample team generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "prospect-core.h"

/* A Wednesday; with the default fiscal year (January) the current quarter
 * starts 2024-04-01 and the data reaches back to 2023-01-01. */
#define TODAY "2024-05-15"

static const char * const generated_tables[] = {
  "person", "account", "contact", "product", "deal", "deal_stage_change",
  "activity", "todo_item", "target",
};

static ProspectDatabase *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  ProspectDatabase *db = prospect_database_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

static ProspectDatabase *
generate_small (guint32            seed,
                const char        *today,
                ProspectDemoStats *stats)
{
  g_autoptr(GError) error = NULL;
  ProspectDatabase *db = open_memory ();
  gboolean ok;

  ok = prospect_demo_generate (db, PROSPECT_DEMO_SMALL, seed, today, NULL, NULL, stats, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  return db;
}

static gint64
query_int (ProspectDatabase *db,
           const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);

  return value;
}

static gint64 query_int_printf (ProspectDatabase *db,
                                const char       *format,
                                ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int_printf (ProspectDatabase *db,
                  const char       *format,
                  ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return query_int (db, sql);
}

static double
query_double (ProspectDatabase *db,
              const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_double (stmt, 0);
}

/* The migration makes the default stages with fresh random ids, so two
 * databases differ there; a stage id is hashed as its position instead. */
static GHashTable *
stage_positions (ProspectDatabase *db)
{
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), "SELECT id, position FROM stage",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (positions, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup_printf ("stage %d", sqlite3_column_int (stmt, 1)));

  g_assert_cmpuint (g_hash_table_size (positions), >, 0);
  return positions;
}

/* SHA-256 over every row of every generated table, in id order, with the
 * type of each value, so any difference in any column shows. */
static char *
checksum_tables (ProspectDatabase *db)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GHashTable) stages = stage_positions (db);

  for (guint t = 0; t < G_N_ELEMENTS (generated_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", generated_tables[t]);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_checksum_update (checksum, (const guchar *) sql, -1);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);
            const char *stage = text != NULL ? g_hash_table_lookup (stages, text) : NULL;
            g_autofree char *cell = g_strdup_printf ("|%d:%s", sqlite3_column_type (stmt, c),
                                                     stage != NULL ? stage : text);

            g_checksum_update (checksum, (const guchar *) cell, -1);
          }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* UTC milliseconds of local midnight starting the given day (the tests run
 * with TZ set, like the generator sees it). */
static gint64
local_midnight_ms (int year,
                   int month,
                   int day)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (midnight) * 1000;
}

static void
test_deterministic (void)
{
  g_autoptr(ProspectDatabase) first = generate_small (7, TODAY, NULL);
  g_autoptr(ProspectDatabase) again = generate_small (7, TODAY, NULL);
  g_autoptr(ProspectDatabase) other_seed = generate_small (8, TODAY, NULL);
  g_autoptr(ProspectDatabase) other_day = generate_small (7, "2024-05-16", NULL);
  g_autofree char *sum_first = checksum_tables (first);
  g_autofree char *sum_again = checksum_tables (again);
  g_autofree char *sum_other_seed = checksum_tables (other_seed);
  g_autofree char *sum_other_day = checksum_tables (other_day);

  g_assert_cmpstr (sum_first, ==, sum_again);
  g_assert_cmpstr (sum_first, !=, sum_other_seed);
  g_assert_cmpstr (sum_first, !=, sum_other_day);
}

static void
test_team (void)
{
  g_autoptr(ProspectDatabase) db = generate_small (1, TODAY, NULL);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'director'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'manager'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'rep'"), ==, 8);

  /* director <- 2 managers <- 4 reps each */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'director' AND manager_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person p JOIN person d ON d.id = p.manager_id"
                                  " WHERE p.role = 'manager' AND d.role = 'director'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM person p"
                                  " JOIN person m ON m.id = p.manager_id AND m.role = 'manager'"
                                  " WHERE p.role = 'rep' GROUP BY m.id)"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT max(n) FROM (SELECT count(*) AS n FROM person p"
                                  " JOIN person m ON m.id = p.manager_id AND m.role = 'manager'"
                                  " WHERE p.role = 'rep' GROUP BY m.id)"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT email) FROM person"), ==, 11);
  /* The caller chooses who "me" is. */
  g_assert_null (prospect_database_get_setting (db, "me"));
}

static void
test_sizes (void)
{
  ProspectDemoStats stats = { 0 };
  g_autoptr(ProspectDatabase) db = generate_small (1, TODAY, &stats);
  struct {
    const char *table;
    gint64      reported;
  } counts[] = {
    { "person", stats.people },
    { "account", stats.accounts },
    { "contact", stats.contacts },
    { "product", stats.products },
    { "deal", stats.deals },
    { "deal_stage_change", stats.stage_changes },
    { "activity", stats.activities },
    { "todo_item", stats.todo_items },
    { "target", stats.targets },
  };

  g_assert_cmpint (stats.accounts, >=, 35);
  g_assert_cmpint (stats.accounts, <=, 45);
  g_assert_cmpint (stats.deals, >=, 350);
  g_assert_cmpint (stats.deals, <=, 450);
  g_assert_cmpint (stats.activities, >=, 2700);
  g_assert_cmpint (stats.activities, <=, 3300);
  g_assert_cmpint (stats.products, >, 0);
  g_assert_cmpint (stats.todo_items, >, 0);

  /* The statistics are the rows really written. */
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (prospect_database_count (db, counts[i].table, &error), ==, counts[i].reported);
      g_assert_no_error (error);
    }

  g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(c.id) AS n FROM account a"
                                  " LEFT JOIN contact c ON c.account_id = a.id GROUP BY a.id)"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT max(n) FROM (SELECT count(c.id) AS n FROM account a"
                                  " LEFT JOIN contact c ON c.account_id = a.id GROUP BY a.id)"), <=, 4);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT name) FROM account"), ==, stats.accounts);
}

static void
test_stage_history (void)
{
  g_autoptr(ProspectDatabase) db = generate_small (1, TODAY, NULL);
  double won_share;

  /* Exactly one first row per deal, and it is the earliest. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal d WHERE (SELECT count(*) FROM deal_stage_change c"
                                  " WHERE c.deal_id = d.id AND c.from_stage_id IS NULL) <> 1"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal_stage_change c WHERE c.from_stage_id IS NULL"
                                  " AND c.changed_at <> (SELECT min(changed_at) FROM deal_stage_change x"
                                  " WHERE x.deal_id = c.deal_id)"), ==, 0);

  /* The current stage is where the last change went. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal d WHERE d.stage_id IS NOT"
                                  " (SELECT to_stage_id FROM deal_stage_change c WHERE c.deal_id = d.id"
                                  " ORDER BY changed_at DESC LIMIT 1)"), ==, 0);

  /* Each change starts where the one before ended, strictly later, and
   * moves forward through the pipeline. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT from_stage_id, changed_at,"
                                  " lag(to_stage_id) OVER w AS prev_to, lag(changed_at) OVER w AS prev_at"
                                  " FROM deal_stage_change WINDOW w AS (PARTITION BY deal_id ORDER BY changed_at))"
                                  " WHERE prev_at IS NOT NULL AND (from_stage_id IS NOT prev_to OR changed_at <= prev_at)"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal_stage_change c JOIN stage f ON f.id = c.from_stage_id"
                                  " JOIN stage t ON t.id = c.to_stage_id WHERE t.kind = 'open' AND t.position <= f.position"),
                   ==, 0);
  /* Some deals skip a stage. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal_stage_change c JOIN stage f ON f.id = c.from_stage_id"
                                  " JOIN stage t ON t.id = c.to_stage_id WHERE t.kind = 'open'"
                                  " AND t.position > f.position + 1"), >, 0);

  /* Status, stage kind and closed_on agree. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal d JOIN stage s ON s.id = d.stage_id"
                                  " WHERE s.kind <> d.status"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal WHERE (status = 'open') <> (closed_on IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal WHERE status = 'open'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal WHERE status = 'lost' AND lost_reason IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal WHERE status <> 'lost' AND lost_reason IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM deal WHERE closed_on >= '" TODAY "'"), ==, 0);

  won_share = query_double (db, "SELECT avg(status = 'won') FROM deal WHERE status <> 'open'");
  g_assert_cmpfloat (won_share, >=, 0.22);
  g_assert_cmpfloat (won_share, <=, 0.38);
}

static void
test_dates (void)
{
  g_autoptr(ProspectDatabase) db = open_memory ();
  g_autoptr(GError) error = NULL;
  gint64 window_start = local_midnight_ms (2023, 2, 1);
  gint64 today_start = local_midnight_ms (2024, 5, 15);

  /* A fiscal year from February: the previous one began 2023-02-01, the
   * current quarter 2024-05-01, the next ends 2024-10-31. */
  g_assert_true (prospect_database_set_setting (db, "fiscal-year-start-month", "2", &error));
  g_assert_no_error (error);
  g_assert_true (prospect_demo_generate (db, PROSPECT_DEMO_SMALL, 1, TODAY, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Deals are created from the start of the previous fiscal year (a
   * weekend can move a day back by two) until yesterday. */
  g_assert_cmpint (query_int (db, "SELECT min(created_at) FROM deal"), >=, window_start - 2 * 86400000);
  g_assert_cmpint (query_int (db, "SELECT min(created_at) FROM deal"), <, window_start + 30 * 86400000LL);
  g_assert_cmpint (query_int (db, "SELECT max(changed_at) FROM deal_stage_change"), <, today_start);

  /* Open deals mostly expect to close in this quarter or the next. */
  g_assert_cmpfloat (query_double (db, "SELECT avg(expected_close BETWEEN '2024-05-01' AND '2024-10-31')"
                                       " FROM deal WHERE status = 'open'"), >=, 0.7);

  /* Targets for every rep and every manager's team for this quarter. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person p WHERE p.role = 'rep' AND NOT EXISTS"
                                  " (SELECT 1 FROM target t WHERE t.person_id = p.id AND t.period_kind = 'quarter'"
                                  " AND t.period_start = '2024-05-01' AND t.metric = 'won_value' AND t.value > 0)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM target WHERE person_id IS NULL AND period_start = '2024-05-01'"),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM target WHERE period_start NOT IN ('2023-02-01', '2023-05-01',"
                                  " '2023-08-01', '2023-11-01', '2024-02-01', '2024-05-01', '2024-08-01')"), ==, 0);
  /* A team target is the sum of its reps' targets. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM target m WHERE m.person_id IS NULL AND m.value <>"
                                  " (SELECT sum(t.value) FROM target t JOIN person p ON p.id = t.person_id"
                                  " WHERE p.manager_id = m.manager_id AND t.period_start = m.period_start)"), ==, 0);
  /* A rep's target was set by that rep's manager. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM target t JOIN person p ON p.id = t.person_id"
                                  " WHERE t.manager_id IS NOT p.manager_id"), ==, 0);
}

static void
test_agenda (void)
{
  g_autoptr(ProspectDatabase) db = generate_small (1, TODAY, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 today_start = local_midnight_ms (2024, 5, 15);
  gint64 tomorrow_start = local_midnight_ms (2024, 5, 16);
  gint64 horizon = local_midnight_ms (2024, 5, 30);
  const char *sql =
    "SELECT p.name,"
    " sum(a.done_at IS NULL AND (a.due_at < ?1 OR a.due_date < '" TODAY "')),"
    " sum(a.done_at IS NULL AND (a.due_at >= ?1 AND a.due_at < ?2 OR a.due_date = '" TODAY "')),"
    " sum(a.done_at IS NULL AND (a.due_at >= ?2 AND a.due_at < ?3))"
    " FROM person p JOIN activity a ON a.owner_id = p.id WHERE p.role = 'rep' GROUP BY p.id";
  guint reps = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, today_start);
  sqlite3_bind_int64 (stmt, 2, tomorrow_start);
  sqlite3_bind_int64 (stmt, 3, horizon);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_test_message ("%s: %d overdue, %d today, %d upcoming", sqlite3_column_text (stmt, 0),
                      sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3));
      g_assert_cmpint (sqlite3_column_int (stmt, 1), >=, 1);
      g_assert_cmpint (sqlite3_column_int (stmt, 2), >=, 1);
      g_assert_cmpint (sqlite3_column_int (stmt, 3), >=, 1);
      reps++;
    }
  g_assert_cmpint (reps, ==, 8);

  /* Today's timed activities are in business hours, local time. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM activity WHERE due_at IS NOT NULL"
                                  " AND (CAST(strftime('%H', due_at / 1000, 'unixepoch', 'localtime') AS INTEGER) < 8"
                                  " OR CAST(strftime('%H', due_at / 1000, 'unixepoch', 'localtime') AS INTEGER) >= 18)"),
                   ==, 0);

  /* Nothing done in the future, nothing entered after today began. */
  g_assert_cmpint (query_int_printf (db, "SELECT count(*) FROM activity WHERE done_at IS NOT NULL"
                                         " AND (due_at >= %" G_GINT64_FORMAT " OR due_date >= '" TODAY "')",
                                     today_start), ==, 0);
  g_assert_cmpint (query_int_printf (db, "SELECT count(*) FROM activity WHERE created_at >= %" G_GINT64_FORMAT,
                                     today_start), ==, 0);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM activity WHERE due_date IS NOT NULL AND due_at IS NULL"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM activity"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT activity_id) FROM todo_item"), >, 0);
}

/* The reps differ in their Qualified -> Proposal rate, so that coaching has
 * a weak step to find. Closed deals only; skipping counts as passing. */
static void
test_reps_differ (void)
{
  g_autoptr(ProspectDatabase) db = generate_small (1, TODAY, NULL);
  double spread = query_double (db,
    "WITH reached AS (SELECT d.owner_id, max(CASE s.kind WHEN 'won' THEN 99 WHEN 'lost' THEN -1"
    "   ELSE s.position END) AS furthest"
    "   FROM deal d JOIN deal_stage_change c ON c.deal_id = d.id JOIN stage s ON s.id = c.to_stage_id"
    "   WHERE d.status <> 'open' GROUP BY d.id),"
    " rates AS (SELECT 1.0 * sum(furthest >= 2) / sum(furthest >= 1) AS rate FROM reached GROUP BY owner_id)"
    " SELECT max(rate) - min(rate) FROM rates");

  g_assert_cmpfloat (spread, >=, 0.15);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(ProspectDatabase) db = generate_small (1, TODAY, NULL);
  g_autoptr(ProspectDatabase) one_person = open_memory ();
  g_autofree char *before = checksum_tables (db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  ProspectDemoStats stats = { 0 };

  g_assert_false (prospect_demo_generate (db, PROSPECT_DEMO_SMALL, 2, TODAY, NULL, NULL, &stats, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpint (stats.deals, ==, 0);
  after = checksum_tables (db);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* One person is enough to refuse. */
  g_assert_cmpint (sqlite3_exec (prospect_database_get_handle (one_person),
                                 "INSERT INTO person (id, created_at, updated_at, name)"
                                 " VALUES ('0190a000-0000-7000-8000-000000000001', 1, 1, 'Somebody')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (prospect_demo_generate (one_person, PROSPECT_DEMO_SMALL, 1, TODAY, NULL, NULL, NULL, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpint (query_int (one_person, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (query_int (one_person, "SELECT count(*) FROM account"), ==, 0);
}

static void
test_invalid_today (void)
{
  const char *bad[] = { "2024-02-30", "2024-5-15", "15.05.2024", "", "1234-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(ProspectDatabase) db = open_memory ();
      g_autoptr(GError) error = NULL;

      g_assert_false (prospect_demo_generate (db, PROSPECT_DEMO_SMALL, 1, bad[i], NULL, NULL, NULL, &error));
      g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
      g_assert_cmpstr (prospect_error_get_field (error), ==, "today");
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 0);
    }
}

static void
test_database_check (void)
{
  g_autoptr(ProspectDatabase) db = generate_small (3, TODAY, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (prospect_database_check (db, &error));
  g_assert_no_error (error);
}

typedef struct
{
  double   last;
  guint    calls;
  gboolean ordered;
} ProgressLog;

static void
progress_cb (double      fraction,
             const char *phase,
             gpointer    user_data)
{
  ProgressLog *log = user_data;

  g_assert_nonnull (phase);
  if (fraction < log->last)
    log->ordered = FALSE;
  log->last = fraction;
  log->calls++;
}

static void
changed_cb (ProspectDatabase   *db,
            const char         *kind,
            const char         *id,
            ProspectChangeKind  change,
            gpointer            user_data)
{
  GHashTable *seen = user_data;

  if (change == PROSPECT_CHANGE_MANY)
    g_hash_table_add (seen, g_strdup (kind));
}

static void
test_progress_and_signals (void)
{
  g_autoptr(ProspectDatabase) db = open_memory ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  ProgressLog log = { 0.0, 0, TRUE };

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_true (prospect_demo_generate (db, PROSPECT_DEMO_SMALL, 1, TODAY, progress_cb, &log, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (log.ordered);
  g_assert_cmpint (log.calls, >, 3);
  g_assert_cmpfloat (log.last, ==, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (generated_tables); i++)
    g_assert_true (g_hash_table_contains (seen, generated_tables[i]));
}

static void
test_pick_person (void)
{
  g_autoptr(ProspectDatabase) empty = open_memory ();
  g_autoptr(ProspectDatabase) db = generate_small (1, TODAY, NULL);
  g_autofree char *nobody = prospect_demo_pick_person (empty, "rep");
  g_autofree char *rep = prospect_demo_pick_person (db, "rep");
  g_autofree char *manager = prospect_demo_pick_person (db, "manager");

  g_assert_null (nobody);
  g_assert_nonnull (rep);
  g_assert_nonnull (manager);

  g_assert_cmpint (query_int_printf (db, "SELECT count(*) FROM person WHERE id = '%s' AND role = 'rep'", rep), ==, 1);
  g_assert_cmpint (query_int_printf (db, "SELECT count(*) FROM person WHERE id = '%s' AND role = 'manager'", manager),
                   ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/demo/deterministic", test_deterministic);
  g_test_add_func ("/cli/demo/team", test_team);
  g_test_add_func ("/cli/demo/sizes", test_sizes);
  g_test_add_func ("/cli/demo/stage-history", test_stage_history);
  g_test_add_func ("/cli/demo/fiscal-dates-and-targets", test_dates);
  g_test_add_func ("/cli/demo/agenda", test_agenda);
  g_test_add_func ("/cli/demo/reps-differ", test_reps_differ);
  g_test_add_func ("/cli/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/cli/demo/invalid-today", test_invalid_today);
  g_test_add_func ("/cli/demo/database-check", test_database_check);
  g_test_add_func ("/cli/demo/progress-and-signals", test_progress_and_signals);
  g_test_add_func ("/cli/demo/pick-person", test_pick_person);

  return g_test_run ();
}
