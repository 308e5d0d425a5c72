/* test-database.c - opening, migrating, settings, transactions, checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

static void
test_create_schema (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("create.db");
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *fiscal = NULL;
  g_autofree char *currency = NULL;
  const struct { const char *name; const char *kind; int probability; } expected[] = {
    { "Prospecting", "open", 10 }, { "Qualified", "open", 25 }, { "Proposal", "open", 50 },
    { "Negotiation", "open", 75 }, { "Won", "won", 100 }, { "Lost", "lost", 0 },
  };

  g_assert_cmpint (prospect_database_get_schema_version (db), ==, PROSPECT_SCHEMA_VERSION);
  g_assert_cmpint (test_db_query_int (db, "PRAGMA user_version"), ==, PROSPECT_SCHEMA_VERSION);
  g_assert_cmpint (test_db_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  journal = test_db_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  stages = prospect_stage_list_ordered (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < stages->len; i++)
    {
      ProspectStage *stage = g_ptr_array_index (stages, i);

      g_assert_cmpstr (prospect_stage_get_name (stage), ==, expected[i].name);
      g_assert_cmpstr (prospect_stage_get_kind (stage), ==, expected[i].kind);
      g_assert_cmpint (prospect_stage_get_probability (stage), ==, expected[i].probability);
      g_assert_cmpint (prospect_stage_get_position (stage), ==, (int) i);
    }

  fiscal = prospect_database_get_setting (db, "fiscal-year-start-month");
  currency = prospect_database_get_setting (db, "currency");
  g_assert_cmpstr (fiscal, ==, "1");
  g_assert_cmpstr (currency, ==, "USD");

  g_assert_true (prospect_database_check (db, &error));
  g_assert_no_error (error);
}

static void
test_reopen_is_noop (void)
{
  g_autofree char *path = test_db_path ("reopen.db");
  g_autofree char *backup = g_strdup_printf ("%s.v0.bak", path);
  g_autofree char *first_ids = NULL;
  g_autofree char *second_ids = NULL;
  g_autoptr(GError) error = NULL;
  ProspectDatabase *db;

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  first_ids = test_db_query_text (db, "SELECT group_concat(id) FROM (SELECT id FROM stage ORDER BY position)");
  g_object_unref (db);

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  second_ids = test_db_query_text (db, "SELECT group_concat(id) FROM (SELECT id FROM stage ORDER BY position)");
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM stage"), ==, 6);
  g_assert_cmpint (prospect_database_get_schema_version (db), ==, PROSPECT_SCHEMA_VERSION);
  g_object_unref (db);

  g_assert_cmpstr (first_ids, ==, second_ids);
  /* a fresh file is not "migrated", so there is nothing to back up */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
make_raw_file (const char *path,
               const char *sql)
{
  g_autoptr(sqlite3) handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_newer_file_refused (void)
{
  g_autofree char *path = test_db_path ("newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectDatabase) db = NULL;
  gsize before_len, after_len;

  make_raw_file (path, "CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (42); PRAGMA user_version = 99;");
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  db = prospect_database_open (path, &error);
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_MIGRATION);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, "99"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_backup_before_migration (void)
{
  g_autofree char *path = test_db_path ("old.db");
  g_autofree char *backup = g_strdup_printf ("%s.v0.bak", path);
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(ProspectDatabase) copy = NULL;
  g_autoptr(sqlite3) raw = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  make_raw_file (path,
                 "CREATE TABLE legacy_note (body TEXT);"
                 "INSERT INTO legacy_note VALUES ('call Ana'), ('send quote'), ('renewal');");

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prospect_database_get_schema_version (db), ==, PROSPECT_SCHEMA_VERSION);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM stage"), ==, 6);

  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sqlite3_open_v2 (backup, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*), (SELECT count(*) FROM sqlite_master WHERE name = 'stage') "
                                       "FROM legacy_note", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
  /* the copy is of the file before migration */
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
}

/* A version 2 file, from the version 1 and 2 schemas, with a coaching
 * plan and a private note in it. */
static void
test_upgrade_from_v2 (void)
{
  g_autofree char *path = test_db_path ("v2.db");
  g_autofree char *backup = g_strdup_printf ("%s.v2.bak", path);
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(sqlite3) raw = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(sqlite3) old = NULL;

    g_assert_cmpint (sqlite3_open (path, &old), ==, SQLITE_OK);
    test_exec_schema (old, 1);
    test_exec_schema (old, 2);
    g_assert_cmpint (sqlite3_exec (old,
      "INSERT INTO person (id, created_at, updated_at, name, role) VALUES ('r', 1, 1, 'Rita', 'rep');"
      "INSERT INTO coaching_plan (id, created_at, updated_at, rep_id, coach_id, skill, baseline_value)"
      " VALUES ('p', 1, 1, 'r', 'r', 'Qualified → Proposal', 0.25);"
      "INSERT INTO coaching_note (id, created_at, updated_at, rep_id, author_id, held_on, body, shared)"
      " VALUES ('n', 1, 1, 'r', 'r', '2026-11-20', 'private', 0);"
      "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  }

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prospect_database_get_schema_version (db), ==, PROSPECT_SCHEMA_VERSION);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM sqlite_master"
                                          " WHERE name IN ('coaching_assessment', 'activity_done_by_deal')"), ==, 2);
  g_assert_cmpint (test_db_query_int (db, "SELECT shared FROM coaching_note WHERE id = 'n'"), ==, 0);
  g_assert_cmpint (test_db_query_int (db, "SELECT baseline_value * 100 FROM coaching_plan WHERE id = 'p'"), ==, 25);
  g_assert_true (prospect_database_exec (db,
    "INSERT INTO coaching_assessment (id, created_at, updated_at, plan_id, author_id, written_on, body)"
    " VALUES ('a', 1, 1, 'p', 'r', '2026-11-23', 'Well chosen')", &error));
  g_assert_no_error (error);
  g_assert_true (prospect_database_check (db, &error));
  g_assert_no_error (error);

  /* the backup is the version 2 file, plan and all, without the new table */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sqlite3_open_v2 (backup, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT (SELECT user_version FROM pragma_user_version),"
                                         " (SELECT count(*) FROM coaching_plan),"
                                         " (SELECT count(*) FROM sqlite_master WHERE name = 'coaching_assessment')",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
  }
}

static void
test_settings (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("settings.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *unset = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *removed = NULL;
  ChangeLog log;

  change_log_init (&log, db, "changed::setting");

  unset = prospect_database_get_setting (db, "reminder-lead-minutes");
  g_assert_null (unset);

  g_assert_true (prospect_database_set_setting (db, "reminder-lead-minutes", "15", &error));
  g_assert_no_error (error);
  first = prospect_database_get_setting (db, "reminder-lead-minutes");
  g_assert_cmpstr (first, ==, "15");

  g_assert_true (prospect_database_set_setting (db, "reminder-lead-minutes", "30", &error));
  second = prospect_database_get_setting (db, "reminder-lead-minutes");
  g_assert_cmpstr (second, ==, "30");
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM setting WHERE key = 'reminder-lead-minutes'"), ==, 1);

  g_assert_true (prospect_database_set_setting (db, "reminder-lead-minutes", NULL, &error));
  removed = prospect_database_get_setting (db, "reminder-lead-minutes");
  g_assert_null (removed);

  g_assert_cmpuint (log.events->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (log.events, 0), ==, "setting reminder-lead-minutes updated");

  change_log_clear (&log, db);
}

static ProspectPerson *
person_named (const char *name)
{
  ProspectPerson *person = prospect_person_new ();

  prospect_person_set_name (person, name);

  return person;
}

static void
test_nested_rollback (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("nested.db");
  g_autoptr(ProspectPerson) outer = person_named ("Outer Olga");
  g_autoptr(ProspectPerson) inner = person_named ("Inner Ines");
  g_autoptr(ProspectPerson) dropped = person_named ("Dropped Dan");
  g_autoptr(GError) error = NULL;
  ChangeLog log;

  change_log_init (&log, db, "changed::person");

  /* inner savepoint rolled back: its row and its notification go, the
   * outer ones stay and are sent only at the outer commit */
  g_assert_true (prospect_database_begin (db, &error));
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (outer), db, &error));
  g_assert_true (prospect_database_begin (db, &error));
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (inner), db, &error));
  g_assert_no_error (error);
  prospect_database_rollback (db);
  g_assert_cmpuint (log.events->len, ==, 0);
  g_assert_true (prospect_database_in_transaction (db));
  g_assert_true (prospect_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (prospect_database_in_transaction (db));

  g_assert_cmpuint (log.events->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (log.events, 0), "person "));
  g_assert_nonnull (strstr (g_ptr_array_index (log.events, 0),
                            prospect_record_get_id (PROSPECT_RECORD (outer))));
  g_assert_cmpint (prospect_database_count (db, "person", NULL), ==, 1);

  /* outer rollback drops everything */
  g_assert_true (prospect_database_begin (db, &error));
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (dropped), db, &error));
  prospect_database_rollback (db);
  g_assert_cmpuint (log.events->len, ==, 1);
  g_assert_cmpint (prospect_database_count (db, "person", NULL), ==, 1);

  change_log_clear (&log, db);
}

static void
test_bulk_changes_collapse (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("bulk.db");
  g_autoptr(GError) error = NULL;
  ChangeLog log;

  change_log_init (&log, db, "changed::person");

  g_assert_true (prospect_database_begin (db, &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(ProspectPerson) person = person_named (name);

      g_assert_true (prospect_record_insert (PROSPECT_RECORD (person), db, &error));
    }
  g_assert_true (prospect_database_commit (db, &error));

  g_assert_cmpuint (log.events->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.events, 0), ==, "person (null) many");

  change_log_clear (&log, db);
}

static void
test_check_finds_broken_reference (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("check.db");
  g_autoptr(GError) error = NULL;

  g_assert_true (prospect_database_check (db, &error));
  g_assert_no_error (error);

  g_assert_true (prospect_database_exec (db,
                                         "PRAGMA foreign_keys = OFF;"
                                         "INSERT INTO deal (id, created_at, updated_at, title, stage_id) "
                                         "VALUES ('d1', 1, 1, 'Orphan', 'no-such-stage');"
                                         "PRAGMA foreign_keys = ON;",
                                         &error));
  g_assert_false (prospect_database_check (db, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE);
  /* A sentence naming the table with the broken row and the missing parent */
  g_assert_nonnull (strstr (error->message, "A row of “deal”"));
  g_assert_nonnull (strstr (error->message, "refers to a “stage” that does not exist"));
}

static void
test_constraint_error (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("constraint.db");
  g_autoptr(ProspectAccount) first = prospect_account_new ();
  g_autoptr(ProspectAccount) second = prospect_account_new ();
  g_autoptr(GError) error = NULL;

  prospect_account_set_name (first, "Acme");
  prospect_account_set_external_id (first, "crm-17");
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (first), db, &error));
  g_assert_no_error (error);

  prospect_account_set_name (second, "Acme again");
  prospect_account_set_external_id (second, "crm-17");
  g_assert_false (prospect_record_insert (PROSPECT_RECORD (second), db, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_CONSTRAINT);
  g_assert_false (prospect_record_is_stored (PROSPECT_RECORD (second)));
  g_assert_null (prospect_record_get_id (PROSPECT_RECORD (second)));
  g_assert_cmpint (prospect_database_count (db, "account", NULL), ==, 1);
}

static void
test_count_excludes_deleted (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("count.db");
  g_autoptr(ProspectPerson) a = test_insert_person (db, "Ana", "rep");
  g_autoptr(ProspectPerson) b = test_insert_person (db, "Bo", "rep");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (prospect_database_count (db, "person", &error), ==, 2);
  g_assert_true (prospect_record_delete (PROSPECT_RECORD (b), db, &error));
  g_assert_cmpint (prospect_database_count (db, "person", &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_ids (void)
{
  /* 2026-01-05T10:00:00Z */
  const gint64 ms = G_GINT64_CONSTANT (1767607200000);
  g_autofree char *expected_prefix = NULL;
  g_autofree char *id = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr(GRand) rand1 = g_rand_new_with_seed (7);
  g_autoptr(GRand) rand2 = g_rand_new_with_seed (7);
  g_autoptr(GRand) rand3 = g_rand_new_with_seed (8);
  g_autofree char *hex = g_strdup_printf ("%012" G_GINT64_MODIFIER "x", ms);

  prospect_clock_set_fake_ms (ms);
  id = prospect_id_new ();
  prospect_clock_set_fake_ms (0);

  g_assert_cmpuint (strlen (id), ==, 36);
  expected_prefix = g_strdup_printf ("%.8s-%.4s-7", hex, hex + 8);
  g_assert_true (g_str_has_prefix (id, expected_prefix));
  g_assert_nonnull (strchr ("89ab", id[19]));
  g_assert_cmpint (id[23], ==, '-');

  a = prospect_id_new_with (ms, rand1);
  b = prospect_id_new_with (ms, rand2);
  c = prospect_id_new_with (ms, rand3);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (g_str_has_prefix (a, expected_prefix));
}

static void
test_fake_clock (void)
{
  g_autofree char *today = NULL;

  /* 2026-03-31T22:30:00Z is already April 1st in Ljubljana (TZ of the tests) */
  prospect_clock_set_fake_ms (G_GINT64_CONSTANT (1774996200000));
  g_assert_cmpint (prospect_clock_now_ms (), ==, G_GINT64_CONSTANT (1774996200000));
  today = prospect_clock_today_iso ();
  prospect_clock_set_fake_ms (0);

  g_assert_cmpstr (today, ==, "2026-04-01");
  g_assert_cmpint (prospect_clock_now_ms (), >, G_GINT64_CONSTANT (1700000000000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/database/create-schema", test_create_schema);
  g_test_add_func ("/core/database/reopen-is-noop", test_reopen_is_noop);
  g_test_add_func ("/core/database/newer-file-refused", test_newer_file_refused);
  g_test_add_func ("/core/database/backup-before-migration", test_backup_before_migration);
  g_test_add_func ("/core/database/upgrade-from-v2", test_upgrade_from_v2);
  g_test_add_func ("/core/database/settings", test_settings);
  g_test_add_func ("/core/database/nested-rollback", test_nested_rollback);
  g_test_add_func ("/core/database/bulk-changes-collapse", test_bulk_changes_collapse);
  g_test_add_func ("/core/database/check", test_check_finds_broken_reference);
  g_test_add_func ("/core/database/constraint-error", test_constraint_error);
  g_test_add_func ("/core/database/count", test_count_excludes_deleted);
  g_test_add_func ("/core/clock/ids", test_ids);
  g_test_add_func ("/core/clock/fake", test_fake_clock);

  return g_test_run ();
}
