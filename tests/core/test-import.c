/* test-import.c - the import job: presets, problems, re-import, cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "prospect-import.h"
#include "test-dump.h"
#include "test-util.h"

/* ---- the Maven files, read without the code under test ---------------------
 * The set is known to be clean (no quotes, no embedded separators), so a
 * split on CRLF and commas is a faithful reading of it. */

typedef struct
{
  GPtrArray *rows;   /* GStrv per data row */
} SimpleCsv;

static char *
data_path (const char *first,
           ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part = first;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_getenv ("MESON_SOURCE_ROOT"));
  g_ptr_array_add (parts, "tests");
  g_ptr_array_add (parts, "data");
  va_start (args, first);
  for (; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static SimpleCsv *
simple_csv_read (const char *name)
{
  g_autofree char *path = data_path ("maven", name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  SimpleCsv *csv = g_new0 (SimpleCsv, 1);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (csv->rows, g_strsplit (lines[i], ",", -1));

  return csv;
}

static void
simple_csv_free (SimpleCsv *csv)
{
  g_ptr_array_unref (csv->rows);
  g_free (csv);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimpleCsv, simple_csv_free)

#define PIPELINE_ROW(csv, i) ((char **) g_ptr_array_index ((csv)->rows, (i)))
enum { P_ID, P_AGENT, P_PRODUCT, P_ACCOUNT, P_STAGE, P_ENGAGE, P_CLOSE, P_VALUE };

/* ---- helpers --------------------------------------------------------------- */

/* In memory: the import's work without the disk's flushes, to keep the
 * suite fast. The transaction logic is the same on a file. */
static ProspectDatabase *
memory_db (void)
{
  g_autoptr(GError) error = NULL;
  ProspectDatabase *db = prospect_database_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

static ProspectImport *
prepared_import (ProspectDatabase     *db,
                 ProspectImportPreset  preset,
                 const char           *path)
{
  g_autoptr(GError) error = NULL;
  ProspectImport *import = prospect_import_new ();

  prospect_import_set_preset (import, preset);
  prospect_import_add_path (import, path, &error);
  g_assert_no_error (error);
  prospect_import_prepare (import, db, &error);
  g_assert_no_error (error);

  return import;
}

static void
import_path (ProspectDatabase     *db,
             ProspectImportPreset  preset,
             const char           *path,
             ProspectImportStats  *stats)
{
  g_autoptr(ProspectImport) import = prepared_import (db, preset, path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (prospect_import_get_problems (import)->len, ==, 0);
  g_assert_true (prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                     NULL, NULL, NULL, stats, &error));
  g_assert_no_error (error);
}

static void
import_maven (ProspectDatabase    *db,
              ProspectImportStats *stats)
{
  g_autofree char *dir = data_path ("maven", NULL);

  import_path (db, PROSPECT_IMPORT_PRESET_AUTO, dir, stats);
}

/* The read-only Maven tests share one import: it is the slow part. */
static ProspectDatabase *
shared_maven_db (ProspectImportStats *stats)
{
  static ProspectDatabase *db;
  static ProspectImportStats first_stats;

  if (db == NULL)
    {
      db = memory_db ();
      import_maven (db, &first_stats);
    }

  if (stats != NULL)
    *stats = first_stats;
  return db;
}

static char *
dump (ProspectDatabase *db)
{
  return test_dump_database (prospect_database_get_handle (db));
}

static gint64
query_int_text (ProspectDatabase *db,
                const char       *sql,
                const char       *param)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- Maven ----------------------------------------------------------------- */

static void
test_maven_counts (void)
{
  ProspectDatabase *db;
  g_autoptr(SimpleCsv) pipeline = simple_csv_read ("sales_pipeline.csv");
  g_autoptr(SimpleCsv) teams = simple_csv_read ("sales_teams.csv");
  g_autoptr(GHashTable) managers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) offices = g_hash_table_new (g_str_hash, g_str_equal);
  ProspectImportStats stats;
  guint gtx_pro = 0, no_account = 0, won = 0, lost = 0;

  for (guint i = 0; i < teams->rows->len; i++)
    {
      char **row = g_ptr_array_index (teams->rows, i);
      g_hash_table_add (managers, row[1]);
      g_hash_table_add (offices, row[2]);
    }
  for (guint i = 0; i < pipeline->rows->len; i++)
    {
      char **row = PIPELINE_ROW (pipeline, i);
      gtx_pro += g_str_equal (row[P_PRODUCT], "GTXPro") || g_str_equal (row[P_PRODUCT], "GTX Pro");
      no_account += row[P_ACCOUNT][0] == '\0';
      won += g_str_equal (row[P_STAGE], "Won");
      lost += g_str_equal (row[P_STAGE], "Lost");
    }

  db = shared_maven_db (&stats);

  g_assert_cmpuint (pipeline->rows->len, ==, 8800);
  g_assert_cmpuint (stats.deals_new, ==, pipeline->rows->len);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE external_id LIKE 'maven:%'"), ==, 8800);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM person WHERE role = 'rep'"), ==, teams->rows->len);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM person WHERE role = 'rep'"), ==, 35);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM person WHERE role = 'manager'"), ==,
                   g_hash_table_size (managers));
  g_assert_cmpint (g_hash_table_size (managers), ==, 6);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(DISTINCT region) FROM person"), ==,
                   g_hash_table_size (offices));
  g_assert_cmpint (g_hash_table_size (offices), ==, 3);
  /* Every rep reports to a manager of the same office. */
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM person r JOIN person m ON m.id = r.manager_id"
                                          " WHERE r.role = 'rep' AND m.role = 'manager' AND m.region = r.region"),
                   ==, 35);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM account"), ==, 85);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM product"), ==, 7);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM product WHERE name = 'GTXPro'"), ==, 0);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal d JOIN product p ON p.id = d.product_id"
                                          " WHERE p.name = 'GTX Pro'"), ==, gtx_pro);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE account_id IS NULL"), ==, no_account);
  g_assert_cmpint (no_account, ==, 1425);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE status = 'won'"), ==, won);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE status = 'lost'"), ==, lost);
  /* Engaging was made, right after Prospecting. */
  g_assert_cmpint (test_db_query_int (db, "SELECT e.position - p.position FROM stage e, stage p"
                                          " WHERE e.name = 'Engaging' AND p.name = 'Prospecting'"), ==, 1);
  g_assert_cmpuint (stats.stages_new, ==, 1);
}

static void
test_maven_won_totals (void)
{
  ProspectDatabase *db = shared_maven_db (NULL);
  g_autoptr(SimpleCsv) pipeline = simple_csv_read ("sales_pipeline.csv");
  g_autoptr(GHashTable) per_rep = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) per_quarter = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint reps_seen = 0;

  for (guint i = 0; i < pipeline->rows->len; i++)
    {
      char **row = PIPELINE_ROW (pipeline, i);
      gint64 *sum;
      char *quarter;

      if (!g_str_equal (row[P_STAGE], "Won"))
        continue;

      if (!(sum = g_hash_table_lookup (per_rep, row[P_AGENT])))
        g_hash_table_insert (per_rep, row[P_AGENT], sum = g_new0 (gint64, 1));
      *sum += g_ascii_strtoll (row[P_VALUE], NULL, 10) * 100;

      quarter = g_strdup_printf ("%.4s-Q%d", row[P_CLOSE], (int) ((g_ascii_strtoll (row[P_CLOSE] + 5, NULL, 10) + 2) / 3));
      if (!(sum = g_hash_table_lookup (per_quarter, quarter)))
        g_hash_table_insert (per_quarter, g_strdup (quarter), sum = g_new0 (gint64, 1));
      *sum += g_ascii_strtoll (row[P_VALUE], NULL, 10) * 100;
      g_free (quarter);
    }

  g_hash_table_iter_init (&iter, per_rep);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_cmpint (query_int_text (db, "SELECT sum(d.amount) FROM deal d JOIN person p ON p.id = d.owner_id"
                                           " WHERE d.status = 'won' AND p.name = ?1", key), ==, *(gint64 *) value);
      reps_seen++;
    }
  g_assert_cmpuint (reps_seen, ==, 30);  /* 5 of the 35 reps have no deals */

  g_hash_table_iter_init (&iter, per_quarter);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpint (query_int_text (db, "SELECT sum(amount) FROM deal WHERE status = 'won'"
                                         " AND substr(closed_on, 1, 4) || '-Q' || ((substr(closed_on, 6, 2) + 2) / 3) = ?1",
                                         key), ==, *(gint64 *) value);
  g_assert_cmpuint (g_hash_table_size (per_quarter), ==, 4);
}

static void
test_maven_history (void)
{
  ProspectDatabase *db = shared_maven_db (NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* 1C1I7A6R: engaged 2016-10-20, won 2017-03-01 for 1054. */
  first = test_db_query_text (db, "SELECT s.name || ' ' || date(c.changed_at / 1000, 'unixepoch', 'localtime')"
                                  " FROM deal_stage_change c JOIN deal d ON d.id = c.deal_id"
                                  " JOIN stage s ON s.id = c.to_stage_id"
                                  " WHERE d.external_id = 'maven:1C1I7A6R' AND c.from_stage_id IS NULL");
  second = test_db_query_text (db, "SELECT s.name || ' ' || date(c.changed_at / 1000, 'unixepoch', 'localtime')"
                                   " FROM deal_stage_change c JOIN deal d ON d.id = c.deal_id"
                                   " JOIN stage s ON s.id = c.to_stage_id"
                                   " WHERE d.external_id = 'maven:1C1I7A6R' AND c.from_stage_id IS NOT NULL");
  g_assert_cmpstr (first, ==, "Engaging 2016-10-20");
  g_assert_cmpstr (second, ==, "Won 2017-03-01");
  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal WHERE external_id = 'maven:1C1I7A6R'"), ==, 105400);
  /* Every deal has a history; closed ones with an engage date have two rows. */
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE id NOT IN"
                                          " (SELECT deal_id FROM deal_stage_change)"), ==, 0);
  /* The import works out each deal's furthest stage once, at the end: it
   * is what the schema's own definition gives, and the triggers are back */
  g_assert_cmpint (test_db_query_int (db,
    "SELECT count(*) FROM deal WHERE furthest_stage_id IS NOT"
    " (SELECT s.id FROM stage s WHERE s.deleted_at IS NULL AND s.kind <> 'lost'"
    "   AND (s.id = deal.stage_id OR s.id IN (SELECT c.to_stage_id FROM deal_stage_change c"
    "        WHERE c.deal_id = deal.id AND c.deleted_at IS NULL))"
    "  ORDER BY s.kind = 'won' DESC, s.position DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE furthest_stage_id IS NULL"
                                          " AND status <> 'lost'"), ==, 0);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                          " AND name LIKE 'deal_furthest_%'"), ==, 5);
}

static void
test_maven_reimport (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ProspectImportStats stats;

  import_maven (db, NULL);
  before = dump (db);
  import_maven (db, &stats);
  after = dump (db);

  g_assert_cmpuint (stats.deals_new, ==, 0);
  g_assert_cmpuint (stats.deals_updated, ==, 0);
  g_assert_cmpuint (stats.deals_unchanged, ==, 8800);
  g_assert_cmpuint (stats.people_new + stats.accounts_new + stats.products_new + stats.stage_changes_new, ==, 0);
  g_assert_cmpstr (before, ==, after);
}

/* A later export of the same set: one open deal has been won since. */
static void
test_maven_update (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  /* Its own directory: other build directories run this test at the same time. */
  g_autofree char *dir = g_dir_make_tmp ("maven-later-XXXXXX", NULL);
  g_autofree char *source = data_path ("maven", "sales_pipeline.csv", NULL);
  g_autofree char *target = g_build_filename (dir, "sales_pipeline.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) later = NULL;
  const char *open_row = "\r\nHAXMC4IX,James Ascencio,MG Advanced,,Engaging,2016-11-03,,\r\n";
  ProspectImportStats stats;
  char *found;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  found = strstr (text, open_row);
  g_assert_nonnull (found);
  later = g_string_new_len (text, found - text);
  g_string_append (later, "\r\nHAXMC4IX,James Ascencio,MG Advanced,Cancity,Won,2016-11-03,2017-12-29,3400\r\n");
  g_string_append (later, found + strlen (open_row));
  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (target, later->str, later->len, NULL));

  import_maven (db, NULL);
  import_path (db, PROSPECT_IMPORT_PRESET_MAVEN, target, &stats);

  g_assert_cmpuint (stats.deals_new, ==, 0);
  g_assert_cmpuint (stats.deals_updated, ==, 1);
  g_assert_cmpuint (stats.deals_unchanged, ==, 8799);
  g_assert_cmpuint (stats.stage_changes_new, ==, 1);
  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal WHERE external_id = 'maven:HAXMC4IX'"
                                          " AND status = 'won' AND closed_on = '2017-12-29'"), ==, 340000);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal_stage_change c JOIN deal d ON d.id = c.deal_id"
                                          " WHERE d.external_id = 'maven:HAXMC4IX'"), ==, 2);

  g_unlink (target);
  g_rmdir (dir);
}

/* ---- transactions ---------------------------------------------------------- */

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  double        last;
} CancelData;

static void
cancel_progress_cb (double      fraction,
                    const char *phase,
                    gpointer    user_data)
{
  CancelData *data = user_data;

  data->last = fraction;
  if (fraction >= data->cancel_at)
    g_cancellable_cancel (data->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *salesforce = data_path ("import", "salesforce.csv", NULL);
  g_autofree char *maven = data_path ("maven", NULL);
  g_autoptr(ProspectImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CancelData data = { cancellable, 0.5, 0 };

  import_path (db, PROSPECT_IMPORT_PRESET_AUTO, salesforce, NULL);
  before = dump (db);

  import = prepared_import (db, PROSPECT_IMPORT_PRESET_AUTO, maven);
  g_assert_false (prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                       cancellable, cancel_progress_cb, &data, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* It stopped half-way, after writing rows it then took back. */
  g_assert_cmpfloat (data.last, >=, 0.5);
  g_assert_cmpfloat (data.last, <, 0.97);

  after = dump (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (prospect_database_in_transaction (db));
}

static void
test_dry_run (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *path = data_path ("import", "pipedrive.csv", NULL);
  g_autoptr(ProspectImport) import = prepared_import (db, PROSPECT_IMPORT_PRESET_AUTO, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (db);
  g_autofree char *after = NULL;
  ProspectImportStats preview;
  ProspectImportStats result;

  g_assert_true (prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, TRUE,
                                      NULL, NULL, NULL, &preview, &error));
  g_assert_no_error (error);
  after = dump (db);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                      NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&preview, sizeof preview, &result, sizeof result);
  g_assert_cmpuint (result.deals_new, ==, 3);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal"), ==, 3);
}

/* ---- malformed files ------------------------------------------------------- */

typedef struct
{
  const char *file;
  const char *message;   /* a part of the message, with the line */
} Malformed;

static void
test_malformed (void)
{
  static const Malformed cases[] = {
    { "unterminated-quote.csv", "line 3: a quoted field is never closed" },
    { "short-row.csv", "short-row.csv, line 3: The row has 2 fields, the header has 4" },
    { "bad-amount.csv", "bad-amount.csv, line 3, column “amount”: “twelve hundred” is not an amount" },
    { "bad-date.csv", "bad-date.csv, line 3, column “expected_close”: “2026-02-30” is not a date" },
    { "empty.csv", "empty.csv: line 1: the file is empty" },
    { "binary.csv", "binary.csv: line 1: this is not a text file" },
    { "zero-bytes.csv", "zero-bytes.csv: line 1: the file is empty (0 bytes)" },
    { "header-only.csv", "header-only.csv: line 1: the file has a header line but no rows" },
    { "mixed-dates.csv", "the column “expected_close” has dates written day first" },
  };
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *before = NULL;

  import_maven (db, NULL);
  before = dump (db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path ("import", cases[i].file, NULL);
      g_autoptr(ProspectImport) import = prospect_import_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].file);
      ok = prospect_import_add_path (import, path, &error) &&
           prospect_import_prepare (import, db, &error) &&
           prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                NULL, NULL, NULL, NULL, &error);
      g_assert_false (ok);
      g_assert_true (error->domain == PROSPECT_IMPORT_ERROR);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].message);

      after = dump (db);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_skip_bad (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *path = data_path ("import", "short-row.csv", NULL);
  g_autoptr(ProspectImport) import = prepared_import (db, PROSPECT_IMPORT_PRESET_AUTO, path);
  g_autoptr(GError) error = NULL;
  ProspectImportStats stats;
  ProspectImportProblem *problem;

  g_assert_cmpuint (prospect_import_get_problems (import)->len, ==, 1);
  problem = g_ptr_array_index (prospect_import_get_problems (import), 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_null (problem->column);

  g_assert_true (prospect_import_run (import, db, PROSPECT_IMPORT_SKIP_BAD_ROWS, FALSE,
                                      NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rows, ==, 3);
  g_assert_cmpuint (stats.rows_with_problems, ==, 1);
  g_assert_cmpuint (stats.deals_new, ==, 2);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE title IN ('Good deal', 'Other deal')"), ==, 2);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal"), ==, 2);
}

/* ---- the other presets ----------------------------------------------------- */

static void
test_salesforce (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *path = data_path ("import", "salesforce.csv", NULL);
  g_autoptr(ProspectImport) import = prepared_import (db, PROSPECT_IMPORT_PRESET_AUTO, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *next_step = NULL;
  g_autofree char *lost = NULL;

  g_assert_cmpint (prospect_import_get_preset (import), ==, PROSPECT_IMPORT_PRESET_SALESFORCE);
  g_assert_true (prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                      NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal WHERE title = 'Data centre, phase 2'"
                                          " AND currency = 'EUR' AND probability = 50 AND status = 'open'"
                                          " AND expected_close = '2026-04-30'"), ==, 4850050);
  next_step = test_db_query_text (db, "SELECT next_step FROM deal WHERE external_id = 'salesforce:0065g00000A2'");
  g_assert_cmpstr (next_step, ==, "Send the offer\nthen book a demo");
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal d JOIN stage s ON s.id = d.stage_id"
                                          " WHERE d.status = 'won' AND s.kind = 'won' AND d.closed_on = '2026-01-20'"),
                   ==, 1);
  lost = test_db_query_text (db, "SELECT a.name || '/' || p.name FROM deal d JOIN account a ON a.id = d.account_id"
                                 " JOIN person p ON p.id = d.owner_id WHERE d.status = 'lost'");
  g_assert_cmpstr (lost, ==, "Fabrikam/Marco Rossi");
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM stage WHERE name = 'Value Proposition'"
                                          " AND kind = 'open'"), ==, 1);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM account WHERE name = 'Northwind Traders'"), ==, 1);
}

static void
test_hubspot (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *path = data_path ("import", "hubspot.csv", NULL);
  g_autoptr(ProspectImport) import = prepared_import (db, PROSPECT_IMPORT_PRESET_AUTO, path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (prospect_import_get_preset (import), ==, PROSPECT_IMPORT_PRESET_HUBSPOT);
  g_assert_true (prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                      NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The BOM is gone from the first header, so "Record ID" was found. */
  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal WHERE external_id = 'hubspot:9002'"
                                          " AND status = 'won' AND closed_on = '2026-02-14'"), ==, 1500000);
  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal WHERE external_id = 'hubspot:9001'"
                                          " AND status = 'open' AND expected_close = '2026-03-31'"), ==, 120000);
  g_assert_cmpint (test_db_query_int (db, "SELECT count(*) FROM deal WHERE external_id = 'hubspot:9003'"
                                          " AND status = 'lost' AND date(created_at / 1000, 'unixepoch', 'localtime')"
                                          " = '2025-11-20'"), ==, 1);
}

static void
test_pipedrive (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *path = data_path ("import", "pipedrive.csv", NULL);
  g_autoptr(ProspectImport) import = prepared_import (db, PROSPECT_IMPORT_PRESET_AUTO, path);
  g_autoptr(GError) error = NULL;
  GPtrArray *notices = prospect_import_get_notices (import);
  g_autofree char *reason = NULL;

  g_assert_cmpint (prospect_import_get_preset (import), ==, PROSPECT_IMPORT_PRESET_PIPEDRIVE);
  g_assert_cmpuint (notices->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notices, 0), "Windows-1252"));
  g_assert_true (prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                      NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_db_query_int (db, "SELECT d.amount FROM deal d JOIN account a ON a.id = d.account_id"
                                          " JOIN person p ON p.id = d.owner_id WHERE d.title = 'Café chain POS'"
                                          " AND a.name = 'Müller GmbH' AND p.name = 'René Dubois'"
                                          " AND d.currency = 'EUR' AND d.expected_close = '2026-04-15'"
                                          " AND d.probability = 40"), ==, 123450);
  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal WHERE external_id = 'pipedrive:302'"
                                          " AND status = 'won' AND closed_on = '2026-02-20'"), ==, 800000);
  reason = test_db_query_text (db, "SELECT lost_reason || ' ' || closed_on FROM deal WHERE status = 'lost'");
  g_assert_cmpstr (reason, ==, "Price too high 2026-03-03");
}

static void
test_generic_and_mapping (void)
{
  g_autoptr(ProspectDatabase) db = memory_db ();
  g_autofree char *tsv = data_path ("import", "generic.tsv", NULL);
  g_autofree char *custom = data_path ("import", "custom-columns.csv", NULL);
  const char * const fields[] = { "title", "account", "amount", "stage" };
  g_autoptr(ProspectImport) first = prospect_import_new ();
  g_autoptr(ProspectImport) second = prospect_import_new ();
  g_autoptr(GError) error = NULL;
  ProspectImportStats stats;

  import_path (db, PROSPECT_IMPORT_PRESET_AUTO, tsv, &stats);
  g_assert_cmpuint (stats.deals_new, ==, 2);
  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal WHERE external_id = 'crm-1' AND priority = 2"
                                          " AND expected_close = '2026-05-01'"), ==, 340000);
  import_path (db, PROSPECT_IMPORT_PRESET_AUTO, tsv, &stats);
  g_assert_cmpuint (stats.deals_unchanged, ==, 2);

  /* Without a mapping the columns mean nothing to the generic preset. */
  g_assert_true (prospect_import_add_path (first, custom, &error));
  g_assert_false (prospect_import_prepare (first, db, &error));
  g_assert_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT);
  g_clear_error (&error);
  prospect_import_free (g_steal_pointer (&first));

  first = prospect_import_new ();
  g_assert_true (prospect_import_add_path (first, custom, &error));
  prospect_import_set_mapping (first, fields, G_N_ELEMENTS (fields));
  g_assert_true (prospect_import_prepare (first, db, &error));
  g_assert_true (prospect_import_run (first, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                                      NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.deals_new, ==, 2);

  /* The next file with the same header is mapped the same way. */
  g_assert_true (prospect_import_add_path (second, custom, &error));
  g_assert_true (prospect_import_prepare (second, db, &error));
  g_assert_no_error (error);
  g_assert_true (prospect_import_run (second, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, TRUE,
                                      NULL, NULL, NULL, &stats, &error));
  g_assert_cmpuint (stats.deals_new, ==, 2);
  g_assert_cmpint (test_db_query_int (db, "SELECT amount FROM deal d JOIN account a ON a.id = d.account_id"
                                          " WHERE d.title = 'Roof repair' AND a.name = 'Acme Roofing'"), ==, 500000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/import/maven/counts", test_maven_counts);
  g_test_add_func ("/core/import/maven/won-totals", test_maven_won_totals);
  g_test_add_func ("/core/import/maven/history", test_maven_history);
  g_test_add_func ("/core/import/maven/reimport", test_maven_reimport);
  g_test_add_func ("/core/import/maven/update", test_maven_update);
  g_test_add_func ("/core/import/cancel", test_cancel);
  g_test_add_func ("/core/import/dry-run", test_dry_run);
  g_test_add_func ("/core/import/malformed", test_malformed);
  g_test_add_func ("/core/import/skip-bad", test_skip_bad);
  g_test_add_func ("/core/import/salesforce", test_salesforce);
  g_test_add_func ("/core/import/hubspot", test_hubspot);
  g_test_add_func ("/core/import/pipedrive", test_pipedrive);
  g_test_add_func ("/core/import/generic-mapping", test_generic_and_mapping);

  return g_test_run ();
}
