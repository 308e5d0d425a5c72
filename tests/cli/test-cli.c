/* test-cli.c - prospect-cli run as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "prospect-core.h"

#include "cli-run.h"

/* A fresh file name in a folder that the isolated test dirs clean up. */
static char *
scratch_path (const char *name)
{
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  g_autoptr(sqlite3) db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
assert_error_message (const Run  *run,
                      const char *fragment)
{
  g_assert_true (g_str_has_prefix (run->err, "prospect-cli: "));
  g_assert_nonnull (strstr (run->err, fragment));
}

static char *
make_demo_database (const char *name)
{
  char *path = scratch_path (name);
  g_autoptr(Run) run = run_cli ("--database", path, "demo", "--seed", "3", "--today", "2024-05-15", NULL);

  g_assert_cmpint (run->status, ==, 0);
  return path;
}

static void
test_help_lists_commands (void)
{
  const char *spellings[] = { "help", "--help" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(Run) run = run_cli (spellings[i], NULL);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_nonnull (strstr (run->out, "\n  demo "));
      g_assert_nonnull (strstr (run->out, "\n  check "));
      g_assert_nonnull (strstr (run->out, "\n  help "));
      g_assert_nonnull (strstr (run->out, "--database"));
      g_assert_nonnull (strstr (run->out, "--version"));
    }
}

static void
test_help_command (void)
{
  g_autoptr(Run) help_demo = run_cli ("help", "demo", NULL);
  g_autoptr(Run) demo_help = run_cli ("demo", "--help", NULL);
  g_autoptr(Run) help_check = run_cli ("help", "check", NULL);
  g_autoptr(Run) help_unknown = run_cli ("help", "frobnicate", NULL);

  g_assert_cmpint (help_demo->status, ==, 0);
  g_assert_nonnull (strstr (help_demo->out, "prospect-cli demo"));
  g_assert_nonnull (strstr (help_demo->out, "--scale"));
  g_assert_nonnull (strstr (help_demo->out, "--seed"));
  g_assert_nonnull (strstr (help_demo->out, "--today"));
  g_assert_cmpstr (help_demo->out, ==, demo_help->out);

  g_assert_cmpint (help_check->status, ==, 0);
  g_assert_nonnull (strstr (help_check->out, "prospect-cli check"));
  g_assert_nonnull (strstr (help_check->out, "foreign key"));

  g_assert_cmpint (help_unknown->status, ==, 2);
  assert_error_message (help_unknown, "frobnicate");
}

static void
test_version (void)
{
  g_autoptr(Run) run = run_cli ("--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "prospect-cli " PACKAGE_VERSION "\n");
}

static void
test_unknown_command (void)
{
  g_autoptr(Run) unknown = run_cli ("frobnicate", NULL);
  g_autoptr(Run) nothing = run_cli (NULL, NULL);

  g_assert_cmpint (unknown->status, ==, 2);
  assert_error_message (unknown, "“frobnicate” is not a command");
  g_assert_nonnull (strstr (unknown->err, "prospect-cli help"));
  g_assert_cmpstr (unknown->out, ==, "");

  g_assert_cmpint (nothing->status, ==, 2);
  assert_error_message (nothing, "No command");
}

static void
test_bad_options (void)
{
  g_autofree char *path = scratch_path ("never.db");
  const char *cases[][3] = {
    { "--scale", "huge", "huge" },
    { "--seed", "-1", "-1" },
    { "--seed", "4294967296", "4294967296" },
    { "--today", "2024-02-30", "2024-02-30" },
    { "--frobnicate", "1", "frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli ("--database", path, "demo", cases[i][0], cases[i][1], NULL);

      g_assert_cmpint (run->status, ==, 2);
      assert_error_message (run, cases[i][2]);
      g_assert_nonnull (strstr (run->err, "prospect-cli help demo"));
      /* A wrong command line creates nothing. */
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  {
    g_autoptr(Run) extra = run_cli ("--database", path, "check", "surplus", NULL);

    g_assert_cmpint (extra->status, ==, 2);
    assert_error_message (extra, "surplus");
  }
}

static void
test_demo_then_check (void)
{
  g_autofree char *path = make_demo_database ("team.db");
  g_autoptr(Run) check = run_cli ("--database", path, "check", NULL);
  g_autoptr(Run) again = NULL;
  gint64 changed_before = count_rows (path, "SELECT max(updated_at) + count(*) FROM activity");

  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM person"), ==, 11);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM person WHERE role = 'rep'"), ==, 8);

  g_assert_cmpint (check->status, ==, 0);
  g_assert_nonnull (strstr (check->out, "no problems"));
  g_assert_cmpstr (check->err, ==, "");

  /* A second run refuses and changes nothing. */
  again = run_cli ("--database", path, "demo", "--seed", "4", NULL);
  g_assert_cmpint (again->status, ==, 1);
  assert_error_message (again, "empty database");
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM person"), ==, 11);
  g_assert_cmpint (count_rows (path, "SELECT max(updated_at) + count(*) FROM activity"), ==, changed_before);
}

static void
test_demo_output (void)
{
  g_autofree char *path = scratch_path ("output.db");
  g_autoptr(Run) run = run_cli ("demo", "--database", path, "--today", "2024-05-15", NULL);
  g_autofree char *deals = NULL;

  g_assert_cmpint (run->status, ==, 0);
  /* Progress is only drawn on a terminal. */
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "seed 1, today 2024-05-15"));

  deals = g_strdup_printf (" %" G_GINT64_FORMAT "\n", count_rows (path, "SELECT count(*) FROM deal"));
  g_assert_nonnull (strstr (run->out, "deals"));
  g_assert_nonnull (strstr (run->out, deals));
}

static void
test_default_database (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "prospect", "prospect.db", NULL);
  g_autoptr(Run) demo = run_cli ("demo", NULL);
  g_autoptr(Run) check = run_cli ("check", NULL);

  g_assert_cmpstr (demo->err, ==, "");
  g_assert_cmpint (demo->status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (check->status, ==, 0);
  g_assert_nonnull (strstr (check->out, expected));
}

static void
test_check_missing_file (void)
{
  g_autofree char *path = scratch_path ("missing.db");
  g_autoptr(Run) run = run_cli ("--database", path, "check", NULL);

  g_assert_cmpint (run->status, ==, 1);
  assert_error_message (run, "no database file");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_check_not_a_database (void)
{
  g_autofree char *path = scratch_path ("notes.txt");
  g_autofree char *contents = NULL;
  g_autoptr(Run) run = NULL;
  const char *text = "These are my meeting notes, not a database.\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  run = run_cli ("--database", path, "check", NULL);

  g_assert_cmpint (run->status, ==, 1);
  assert_error_message (run, "not a Prospect database");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
}

static void
test_check_other_sqlite_file (void)
{
  g_autofree char *foreign = scratch_path ("other-app.db");
  g_autofree char *newer = scratch_path ("newer.db");
  g_autoptr(Run) foreign_run = NULL;
  g_autoptr(Run) newer_run = NULL;

  exec_sql (foreign, "CREATE TABLE notes (body TEXT)");
  exec_sql (newer, "CREATE TABLE person (id TEXT); PRAGMA user_version = 99");

  foreign_run = run_cli ("--database", foreign, "check", NULL);
  g_assert_cmpint (foreign_run->status, ==, 1);
  assert_error_message (foreign_run, "not a Prospect database");

  newer_run = run_cli ("--database", newer, "check", NULL);
  g_assert_cmpint (newer_run->status, ==, 1);
  assert_error_message (newer_run, "newer");
  g_assert_cmpint (count_rows (newer, "PRAGMA user_version"), ==, 99);
}

static void
test_check_broken_reference (void)
{
  g_autofree char *path = make_demo_database ("broken.db");
  g_autoptr(Run) run = NULL;

  exec_sql (path, "PRAGMA foreign_keys = OFF;"
                  " UPDATE deal SET account_id = '00000000-0000-7000-8000-000000000000'"
                  " WHERE id = (SELECT min(id) FROM deal)");
  run = run_cli ("--database", path, "check", NULL);

  g_assert_cmpint (run->status, ==, 1);
  assert_error_message (run, "deal");
}

static void
test_check_damaged_file (void)
{
  g_autofree char *path = make_demo_database ("damaged.db");
  g_autofree char *contents = NULL;
  g_autoptr(Run) run = NULL;
  gsize length;

  /* Scribble over the middle of the file: pages of tables and indexes. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 64 * 1024);
  memset (contents + length / 2, 0x5a, 16 * 1024);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  run = run_cli ("--database", path, "check", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "prospect-cli: "));
  g_assert_nonnull (strstr (run->err, path));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/help/lists-commands", test_help_lists_commands);
  g_test_add_func ("/cli/help/command", test_help_command);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/usage/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/usage/bad-options", test_bad_options);
  g_test_add_func ("/cli/demo/then-check", test_demo_then_check);
  g_test_add_func ("/cli/demo/output", test_demo_output);
  g_test_add_func ("/cli/demo/default-database", test_default_database);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/check/not-a-database", test_check_not_a_database);
  g_test_add_func ("/cli/check/other-sqlite-file", test_check_other_sqlite_file);
  g_test_add_func ("/cli/check/broken-reference", test_check_broken_reference);
  g_test_add_func ("/cli/check/damaged-file", test_check_damaged_file);

  return g_test_run ();
}
