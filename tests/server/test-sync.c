/* test-sync.c - laptops syncing with a real team server
 *
 * Run by with-team-server.sh (team.sql: Max manages Rita and Ravi). Each
 * "laptop" is a local database that joined the team: its default stages
 * dropped, the team's people and stages pulled from the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "prospect-core.h"
#include "prospect-sync.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static char *work_dir;

static ProspectSyncConnection *
connect_as (const char *role)
{
  g_autofree char *password = g_strdup_printf ("%s secret", role);
  ProspectSyncServer server = {
    (char *) "127.0.0.1", (guint) g_ascii_strtoull (g_getenv ("PGPORT"), NULL, 10),
    (char *) "team", (char *) role,
  };
  g_autoptr(GError) error = NULL;
  ProspectSyncConnection *connection = prospect_sync_connection_open (&server, password, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

/* The server as its administrator sees it, for checking behind the
 * laptops' backs. */
static gint64
server_int (const char *sql)
{
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=%s dbname=team user=postgres",
                                               g_getenv ("PGHOST"), g_getenv ("PGPORT"));
  g_autoptr(PGconn) admin = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = PQexec (admin, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

static gint64
local_int (ProspectDatabase *db,
           const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
local_text (ProspectDatabase *db,
            const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Runs one sync of db as role; the report is returned for checks. */
static void
sync_as (ProspectDatabase   *db,
         const char         *role,
         ProspectSyncReport *report)
{
  g_autoptr(ProspectSyncConnection) connection = connect_as (role);
  g_autoptr(GError) error = NULL;

  prospect_sync_report_clear (report);
  g_assert_true (prospect_sync_run (db, connection, report, NULL, &error));
  g_assert_no_error (error);
}

/* A laptop that joins the team as person me and makes its first sync. */
static ProspectDatabase *
laptop_new (const char *name,
            const char *me,
            const char *role)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  ProspectDatabase *db;

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (prospect_database_exec (db, "DELETE FROM stage", &error));
  g_assert_true (prospect_database_set_setting (db, "me", me, &error));
  g_assert_true (prospect_sync_enable (db, FALSE, &error));
  g_assert_no_error (error);

  sync_as (db, role, &report);
  g_assert_cmpint (local_int (db, "SELECT count(*) FROM person"), ==, 6);
  g_assert_cmpint (local_int (db, "SELECT count(*) FROM stage WHERE id = 's1'"), ==, 1);
  return db;
}

static ProspectDeal *
new_deal (ProspectDatabase *db,
          const char       *owner,
          const char       *title,
          gint64            amount)
{
  g_autoptr(GError) error = NULL;
  ProspectDeal *deal = prospect_deal_new ();

  prospect_deal_set_title (deal, title);
  prospect_deal_set_owner_id (deal, owner);
  prospect_deal_set_stage_id (deal, "s1");
  prospect_deal_set_amount (deal, amount);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (deal), db, &error));
  g_assert_no_error (error);
  return deal;
}

static gint64
count_deal (ProspectDatabase *db,
            ProspectDeal     *deal)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM deal WHERE id = '%s'",
                                          prospect_record_get_id (PROSPECT_RECORD (deal)));

  return local_int (db, sql);
}

/* Rita works offline, Max sets her a target and writes her notes; after
 * both sync, both hold the deal and the target, Ravi holds neither her
 * deal nor anything private, and the private note stays on Max's laptop. */
static void
test_converge (void)
{
  g_autoptr(ProspectDatabase) rita = laptop_new ("rita.db", "p-rita", "rita");
  g_autoptr(ProspectDatabase) max = laptop_new ("max.db", "p-max", "max");
  g_autoptr(ProspectDatabase) ravi = laptop_new ("ravi.db", "p-ravi", "ravi");
  g_autoptr(ProspectDeal) deal = new_deal (rita, "p-rita", "Server upgrade", 1200000);
  g_autoptr(ProspectTarget) target = prospect_target_new ();
  g_autoptr(ProspectCoachingNote) shared = prospect_coaching_note_new ();
  g_autoptr(ProspectCoachingNote) private = prospect_coaching_note_new ();
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  prospect_deal_set_amount (deal, 1500000);
  g_assert_true (prospect_record_update (PROSPECT_RECORD (deal), rita, &error));
  g_assert_cmpint (prospect_sync_count_pending (rita), >=, 2);

  prospect_target_set_person_id (target, "p-rita");
  prospect_target_set_manager_id (target, "p-max");
  prospect_target_set_period_kind (target, "quarter");
  prospect_target_set_period_start (target, "2026-10-01");
  prospect_target_set_metric (target, "won_value");
  prospect_target_set_value (target, 5000000);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (target), max, &error));
  for (int i = 0; i < 2; i++)
    {
      ProspectCoachingNote *note = i == 0 ? shared : private;

      prospect_coaching_note_set_rep_id (note, "p-rita");
      prospect_coaching_note_set_author_id (note, "p-max");
      prospect_coaching_note_set_held_on (note, "2026-11-20");
      prospect_coaching_note_set_body (note, i == 0 ? "Agreed: two demos a week" : "Seems tired");
      prospect_coaching_note_set_shared (note, i == 0);
      g_assert_true (prospect_record_insert (PROSPECT_RECORD (note), max, &error));
    }
  g_assert_no_error (error);

  sync_as (max, "max", &report);
  g_assert_cmpuint (report.refused, ==, 0);
  sync_as (rita, "rita", &report);
  g_assert_cmpuint (report.refused, ==, 0);
  g_assert_cmpint (prospect_sync_count_pending (rita), ==, 0);
  sync_as (max, "max", &report);
  sync_as (ravi, "ravi", &report);

  sql = g_strdup_printf ("SELECT amount FROM deal WHERE id = '%s'", prospect_record_get_id (PROSPECT_RECORD (deal)));
  g_assert_cmpint (local_int (max, sql), ==, 1500000);
  g_assert_cmpint (local_int (rita, "SELECT value FROM target WHERE person_id = 'p-rita'"), ==, 5000000);
  g_assert_cmpint (local_int (rita, "SELECT count(*) FROM coaching_note"), ==, 1);
  g_assert_cmpint (local_int (rita, "SELECT shared FROM coaching_note"), ==, 1);
  g_assert_cmpint (local_int (max, "SELECT count(*) FROM coaching_note"), ==, 2);
  g_assert_cmpint (count_deal (ravi, deal), ==, 0);
  g_assert_cmpint (local_int (ravi, "SELECT count(*) FROM coaching_note"), ==, 0);
  g_assert_cmpint (local_int (ravi, "SELECT count(*) FROM target"), ==, 0);
}

/* A rep's target is refused by the server and reported; the target stays
 * on the laptop and the refused change stays in the outbox with why. */
static void
test_refused_target (void)
{
  g_autoptr(ProspectDatabase) rita = laptop_new ("rita-target.db", "p-rita", "rita");
  g_autoptr(ProspectTarget) target = prospect_target_new ();
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  prospect_target_set_person_id (target, "p-rita");
  prospect_target_set_manager_id (target, "p-max");
  prospect_target_set_period_kind (target, "year");
  prospect_target_set_period_start (target, "2026-01-01");
  prospect_target_set_metric (target, "won_value");
  prospect_target_set_value (target, 99999999);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (target), rita, &error));
  g_assert_no_error (error);

  sync_as (rita, "rita", &report);
  g_assert_cmpuint (report.refused, ==, 1);
  g_assert_cmpint (prospect_sync_count_refused (rita), ==, 1);
  g_assert_cmpint (prospect_sync_count_pending (rita), ==, 0);
  reason = local_text (rita, "SELECT reason FROM outbox WHERE state = 'refused'");
  g_assert_nonnull (strstr (reason, "row-level security"));
  g_assert_cmpint (local_int (rita, "SELECT count(*) FROM target WHERE value = 99999999"), ==, 1);
  g_assert_cmpint (server_int ("SELECT count(*) FROM prospect.target WHERE value = 99999999"), ==, 0);
}

/* The server applied a push but its answer never arrived: the next sync
 * sends the same operations, which the server reports as duplicates,
 * and nothing is applied twice. */
static void
test_lost_acknowledgement (void)
{
  g_autoptr(ProspectDatabase) rita = laptop_new ("rita-ack.db", "p-rita", "rita");
  g_autoptr(ProspectDeal) deal = new_deal (rita, "p-rita", "Lost answer", 300000);
  g_autoptr(ProspectSyncConnection) connection = connect_as ("rita");
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *device = prospect_sync_dup_device_id (rita);
  g_autofree char *ops = local_text (rita,
    "SELECT json_group_array (json_object ('op', op_id, 'entity', entity, 'id', row_id, 'hlc', hlc,"
    " 'fields', json (fields), 'base', json (base))) FROM (SELECT * FROM outbox ORDER BY seq)");
  g_autofree char *answer = NULL;
  g_autofree char *applied_sql = g_strdup_printf ("SELECT count(*) FROM prospect.applied_op"
                                                  " WHERE device_id = '%s'", device);
  g_autofree char *deal_sql = g_strdup_printf ("SELECT count(*) || xid::text FROM prospect.deal WHERE id = '%s'"
                                               " GROUP BY xid", prospect_record_get_id (PROSPECT_RECORD (deal)));
  gint64 pending = prospect_sync_count_pending (rita);
  gint64 deal_written;

  /* the deal and its first stage-history row */
  g_assert_cmpint (pending, ==, 2);
  answer = prospect_sync_connection_push (connection, device, ops, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (answer, "applied"));
  g_assert_cmpint (server_int (applied_sql), ==, pending);
  deal_written = server_int (deal_sql);

  sync_as (rita, "rita", &report);
  g_assert_cmpuint (report.duplicates, ==, pending);
  g_assert_cmpuint (report.pushed, ==, 0);
  g_assert_cmpint (prospect_sync_count_pending (rita), ==, 0);
  g_assert_cmpint (server_int (applied_sql), ==, pending);
  /* one deal, written by the same transaction as before */
  g_assert_cmpint (server_int (deal_sql), ==, deal_written);
}

/* The connection is cut before a push: the sync fails as a network
 * error, the outbox is intact, and the next sync drains it once. */
static void
test_connection_cut (void)
{
  g_autoptr(ProspectDatabase) rita = laptop_new ("rita-cut.db", "p-rita", "rita");
  g_autoptr(ProspectDeal) deal = new_deal (rita, "p-rita", "Cut cable", 400000);
  g_autoptr(ProspectSyncConnection) connection = connect_as ("rita");
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=%s dbname=team user=postgres",
                                               g_getenv ("PGHOST"), g_getenv ("PGPORT"));
  g_autoptr(PGconn) admin = PQconnectdb (conninfo);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM prospect.deal WHERE id = '%s'",
                                                prospect_record_get_id (PROSPECT_RECORD (deal)));
  gint64 pending = prospect_sync_count_pending (rita);

  PQclear (PQexec (admin, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                          " WHERE usename = 'rita' AND application_name = 'Prospect'"));
  g_assert_false (prospect_sync_run (rita, connection, &report, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED);
  g_assert_cmpint (prospect_sync_count_pending (rita), ==, pending);
  g_assert_cmpint (server_int (count_sql), ==, 0);

  sync_as (rita, "rita", &report);
  g_assert_cmpuint (report.pushed, ==, pending);
  g_assert_cmpint (prospect_sync_count_pending (rita), ==, 0);
  g_assert_cmpint (server_int (count_sql), ==, 1);
}

/* Rita edits the same deal on two laptops while both are offline: each
 * field keeps the later edit on both, stage moves from both are kept in
 * the history, and the laptop whose title lost lists the conflict. */
static void
test_concurrent_edits (void)
{
  g_autoptr(ProspectDatabase) laptop = laptop_new ("rita-laptop.db", "p-rita", "rita");
  g_autoptr(ProspectDatabase) phone = laptop_new ("rita-phone.db", "p-rita", "rita");
  g_autoptr(ProspectDeal) deal = new_deal (laptop, "p-rita", "Fleet renewal", 800000);
  g_autoptr(ProspectDeal) on_phone = NULL;
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  const char *id = prospect_record_get_id (PROSPECT_RECORD (deal));
  g_autofree char *title_sql = g_strdup_printf ("SELECT title || ' ' || amount FROM deal WHERE id = '%s'", id);
  g_autofree char *history_sql = g_strdup_printf ("SELECT count(*) FROM deal_stage_change WHERE deal_id = '%s'", id);
  g_autofree char *on_laptop = NULL;
  g_autofree char *on_phone_text = NULL;

  sync_as (laptop, "rita", &report);
  sync_as (phone, "rita", &report);
  on_phone = prospect_deal_load (phone, id, &error);
  g_assert_no_error (error);

  /* the phone first: an earlier title; then the laptop: a later title
   * and a new amount */
  prospect_clock_set_fake_ms (g_get_real_time () / 1000 + 60000);
  prospect_deal_set_title (on_phone, "Fleet renewal (phone)");
  g_assert_true (prospect_record_update (PROSPECT_RECORD (on_phone), phone, &error));
  g_assert_true (prospect_deal_move_to_stage (on_phone, phone, "s5", "2026-11-20", NULL, &error));
  prospect_clock_set_fake_ms (g_get_real_time () / 1000 + 120000);
  prospect_deal_set_title (deal, "Fleet renewal (laptop)");
  prospect_deal_set_amount (deal, 950000);
  g_assert_true (prospect_record_update (PROSPECT_RECORD (deal), laptop, &error));
  prospect_clock_set_fake_ms (0);
  g_assert_no_error (error);

  sync_as (phone, "rita", &report);
  sync_as (laptop, "rita", &report);
  sync_as (phone, "rita", &report);
  g_assert_cmpuint (report.conflicts, ==, 1);

  on_laptop = local_text (laptop, title_sql);
  on_phone_text = local_text (phone, title_sql);
  g_assert_cmpstr (on_laptop, ==, "Fleet renewal (laptop) 950000");
  g_assert_cmpstr (on_phone_text, ==, on_laptop);
  /* the phone's move to Won reached both laptops, history and all */
  g_assert_cmpint (local_int (laptop, history_sql), ==, local_int (phone, history_sql));
  g_assert_cmpint (local_int (laptop, history_sql), >=, 2);
  g_assert_cmpint (local_int (phone, "SELECT count(*) FROM sync_conflict WHERE field = 'title'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("prospect-sync-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  g_test_add_func ("/server/sync/converge", test_converge);
  g_test_add_func ("/server/sync/refused-target", test_refused_target);
  g_test_add_func ("/server/sync/lost-acknowledgement", test_lost_acknowledgement);
  g_test_add_func ("/server/sync/connection-cut", test_connection_cut);
  g_test_add_func ("/server/sync/concurrent-edits", test_concurrent_edits);

  status = g_test_run ();

  /* the laptops' files go with the test */
  {
    g_autoptr(GFile) dir = g_file_new_for_path (work_dir);
    g_autoptr(GFileEnumerator) files = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;

    while (files != NULL && (info = g_file_enumerator_next_file (files, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }

  return status;
}
