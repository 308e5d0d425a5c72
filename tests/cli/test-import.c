/* test-import.c - "prospect-cli import" as a person runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prospect-core.h"

#include "../core/test-dump.h"
#include "cli-run.h"

static char *
data_path (const char *dir,
           const char *name)
{
  return g_build_filename (g_getenv ("MESON_SOURCE_ROOT"), "tests", "data", dir, name, NULL);
}

static char *
new_db_path (const char *name)
{
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static gint64
count_deals (const char *path)
{
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count;

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  count = prospect_database_count (db, "deal", &error);
  g_assert_no_error (error);
  return count;
}

static char *
dump_file (const char *path)
{
  g_autoptr(ProspectDatabase) db = prospect_database_open (path, NULL);

  g_assert_nonnull (db);
  return test_dump_database (prospect_database_get_handle (db));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static void
test_maven_twice (void)
{
  g_autofree char *db = new_db_path ("maven.db");
  g_autofree char *dir = data_path ("maven", NULL);
  g_autoptr(Run) first = run_cli ("--database", db, "import", dir, NULL);
  g_autoptr(Run) second = NULL;

  g_assert_cmpint (first->status, ==, 0);
  assert_contains (first->out, "Preset: maven");
  assert_contains (first->out, "deals: 8800 new, 0 updated, 0 unchanged (of 8800 rows)");
  assert_contains (first->out, "people: 41 new; accounts: 85 new, 0 updated; products: 7 new; stages: 1 new");
  assert_contains (first->out, "The stage “Engaging” is added");
  g_assert_cmpint (count_deals (db), ==, 8800);

  second = run_cli ("--database", db, "import", "--preset", "maven", dir, NULL);
  g_assert_cmpint (second->status, ==, 0);
  assert_contains (second->out, "deals: 0 new, 0 updated, 8800 unchanged");
  g_assert_cmpint (count_deals (db), ==, 8800);
}

static void
test_problems (void)
{
  g_autofree char *db = new_db_path ("problems.db");
  g_autofree char *bad = data_path ("import", "bad-amount.csv");
  g_autofree char *good = data_path ("import", "generic.tsv");
  g_autoptr(Run) setup = run_cli ("--database", db, "import", good, NULL);
  g_autofree char *before = dump_file (db);
  g_autofree char *after = NULL;
  g_autoptr(Run) refused = NULL;
  g_autoptr(Run) skipped = NULL;

  g_assert_cmpint (setup->status, ==, 0);

  refused = run_cli ("--database", db, "import", bad, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  assert_contains (refused->out, "bad-amount.csv, line 3, column “amount”: “twelve hundred” is not an amount");
  assert_contains (refused->out, "Preview (nothing written):");
  assert_contains (refused->err, "Nothing was imported");
  after = dump_file (db);
  g_assert_cmpstr (before, ==, after);

  skipped = run_cli ("--database", db, "import", "--skip-bad", bad, NULL);
  g_assert_cmpint (skipped->status, ==, 0);
  assert_contains (skipped->out, "deals: 1 new");
  assert_contains (skipped->out, "rows with problems: 1 (skipped)");
  g_assert_cmpint (count_deals (db), ==, 3);
}

static void
test_unreadable_files (void)
{
  const char * const files[] = { "unterminated-quote.csv", "zero-bytes.csv", "binary.csv", "header-only.csv" };
  g_autofree char *db = new_db_path ("unreadable.db");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path ("import", files[i]);
      g_autoptr(Run) run = run_cli ("--database", db, "import", path, NULL);

      g_assert_cmpint (run->status, ==, 1);
      assert_contains (run->err, files[i]);
      assert_contains (run->err, ": line ");
    }

  g_assert_cmpint (count_deals (db), ==, 0);
}

static void
test_dry_run_and_mapping (void)
{
  g_autofree char *db = new_db_path ("dry.db");
  g_autofree char *custom = data_path ("import", "custom-columns.csv");
  g_autoptr(Run) dry = run_cli ("--database", db, "import", "--dry-run", "--map", "Opportunity=title",
                                "--map", "Value=amount", custom, NULL);
  g_autoptr(Run) mapped = NULL;
  g_autoptr(Run) remembered = NULL;

  g_assert_cmpint (dry->status, ==, 0);
  assert_contains (dry->out, "Preview (nothing written):");
  assert_contains (dry->out, "deals: 2 new");
  assert_contains (dry->out, "Preset: generic");
  g_assert_cmpint (count_deals (db), ==, 0);

  mapped = run_cli ("--database", db, "import", "--map", "Opportunity=title", "--map", "Value=amount",
                    "--map", "Phase=stage", custom, NULL);
  g_assert_cmpint (mapped->status, ==, 0);
  g_assert_cmpint (count_deals (db), ==, 2);

  remembered = run_cli ("--database", db, "import", "--dry-run", custom, NULL);
  g_assert_cmpint (remembered->status, ==, 0);
  assert_contains (remembered->out, "mapped as the last time");
}

/* What "prospect-cli export deals" writes imports back: into the same
 * database it changes nothing, into another it gives the same deals. */
static char *
deal_rows (const char *path)
{
  g_autoptr(ProspectDatabase) db = prospect_database_open (path, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_nonnull (db);
  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db),
                                       "SELECT d.id, d.title, a.name, p.name, s.name, d.amount, d.currency,"
                                       " d.probability, d.expected_close, d.priority, d.next_step, d.source,"
                                       " d.channel, d.status, d.lost_reason, d.closed_on, d.created_at / 1000"
                                       " FROM deal d LEFT JOIN account a ON a.id = d.account_id"
                                       " LEFT JOIN person p ON p.id = d.owner_id JOIN stage s ON s.id = d.stage_id"
                                       " ORDER BY d.id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          g_string_append_printf (out, "%s|", text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (void)
{
  g_autofree char *first = new_db_path ("first.db");
  g_autofree char *second = new_db_path ("second.db");
  g_autofree char *csv = new_db_path ("deals.csv");
  g_autofree char *salesforce = data_path ("import", "salesforce.csv");
  g_autofree char *pipedrive = data_path ("import", "pipedrive.csv");
  g_autoptr(Run) import_salesforce = run_cli ("--database", first, "import", salesforce, NULL);
  g_autoptr(Run) import_pipedrive = run_cli ("--database", first, "import", pipedrive, NULL);
  g_autoptr(Run) export = run_cli ("--database", first, "export", "--output", csv, "deals", NULL);
  g_autofree char *before = dump_file (first);
  g_autoptr(Run) back = run_cli ("--database", first, "import", csv, NULL);
  g_autofree char *after = dump_file (first);
  g_autoptr(Run) elsewhere = run_cli ("--database", second, "import", csv, NULL);
  g_autofree char *first_deals = deal_rows (first);
  g_autofree char *second_deals = deal_rows (second);

  g_assert_cmpint (import_salesforce->status, ==, 0);
  g_assert_cmpint (import_pipedrive->status, ==, 0);
  g_assert_cmpint (export->status, ==, 0);
  g_assert_cmpint (back->status, ==, 0);
  assert_contains (back->out, "deals: 0 new, 0 updated, 7 unchanged");
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (elsewhere->status, ==, 0);
  assert_contains (elsewhere->out, "deals: 7 new");
  g_assert_cmpstr (first_deals, ==, second_deals);
}

static void
test_usage_errors (void)
{
  g_autofree char *db = new_db_path ("usage.db");
  g_autofree char *custom = data_path ("import", "custom-columns.csv");
  g_autoptr(Run) no_file = run_cli ("--database", db, "import", NULL);
  g_autoptr(Run) preset = run_cli ("--database", db, "import", "--preset", "excel", custom, NULL);
  g_autoptr(Run) field = run_cli ("--database", db, "import", "--map", "Value=price", custom, NULL);
  g_autoptr(Run) column = run_cli ("--database", db, "import", "--map", "Price=amount", custom, NULL);
  g_autoptr(Run) missing = run_cli ("--database", db, "import", "/nonexistent/deals.csv", NULL);

  g_assert_cmpint (no_file->status, ==, 2);
  g_assert_cmpint (preset->status, ==, 2);
  assert_contains (preset->err, "Unknown preset “excel”");
  g_assert_cmpint (field->status, ==, 2);
  g_assert_cmpint (column->status, ==, 2);
  assert_contains (column->err, "no column “Price”");
  g_assert_cmpint (missing->status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/import/maven-twice", test_maven_twice);
  g_test_add_func ("/cli/import/problems", test_problems);
  g_test_add_func ("/cli/import/unreadable", test_unreadable_files);
  g_test_add_func ("/cli/import/dry-run-mapping", test_dry_run_and_mapping);
  g_test_add_func ("/cli/import/round-trip", test_round_trip);
  g_test_add_func ("/cli/import/usage", test_usage_errors);

  return g_test_run ();
}
