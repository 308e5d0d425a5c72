/* test-export.c - "prospect-cli export" and the report pack it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <csv.h>
#include <locale.h>
#include <string.h>

#include "prospect-core.h"
#include "prospect-chart-format.h"

#include "cli-run.h"

#define TODAY "2026-11-23"

typedef struct
{
  char             *path;
  char             *dir;
  ProspectDatabase *db;
} Fixture;

/* The small sample team, made by the CLI as a user would. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_build_filename (g_get_user_cache_dir (), "export", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "team.db", NULL);
  run = run_cli ("--database", fixture->path, "demo", "--seed", "7", "--today", TODAY, NULL);
  g_assert_cmpint (run->status, ==, 0);

  fixture->db = prospect_database_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
output_path (Fixture    *fixture,
             const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static gint64
query_int (ProspectDatabase *db,
           const char       *sql,
           const char       *param)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (ProspectDatabase *db,
            const char       *sql,
            const char       *param)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Lines (records) of a CSV file, counted by libcsv so that newlines
 * inside quoted fields do not count. */
static void
count_row_cb (int   terminator,
              void *data)
{
  (*(guint *) data)++;
}

static guint
count_csv_records (const char *path)
{
  g_autofree char *text = NULL;
  struct csv_parser parser;
  gsize length;
  guint records = 0;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, text, length, NULL, count_row_cb, &records), ==, length);
  g_assert_cmpint (csv_fini (&parser, NULL, count_row_cb, &records), ==, 0);
  csv_free (&parser);

  return records;
}

/* ---------------------------------------------------------------- CSV */

static void
test_deals (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = output_path (fixture, "won.csv");
  g_autofree char *manager = query_text (fixture->db, "SELECT name FROM person WHERE role = 'manager'"
                                         " ORDER BY name LIMIT 1", NULL);
  g_autofree char *scope = g_strdup_printf ("team:%s", manager);
  g_autofree char *expected_line = NULL;
  g_autoptr(Run) run = NULL;
  gint64 expected;

  run = run_cli ("--database", fixture->path, "export", "deals", "--status", "won", "--period", "FY2026",
                 "--scope", scope, "--today", TODAY, "--output", path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");

  /* won in FY2026 by the manager's reps, counted in SQL */
  expected = query_int (fixture->db, "SELECT count(*) FROM deal d JOIN person p ON p.id = d.owner_id"
                        " WHERE d.deleted_at IS NULL AND d.status = 'won'"
                        " AND d.closed_on BETWEEN '2026-01-01' AND '2026-12-31'"
                        " AND p.manager_id = (SELECT id FROM person WHERE name = ?1)", manager);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (count_csv_records (path), ==, expected + 1);
  expected_line = g_strdup_printf ("%" G_GINT64_FORMAT " deals written to %s\n", expected, path);
  g_assert_cmpstr (run->out, ==, expected_line);
}

static void
test_all_tables (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    const char *what;
    const char *sql;
  } tables[] = {
    { "deals", "SELECT count(*) FROM deal WHERE deleted_at IS NULL" },
    { "activities", "SELECT count(*) FROM activity WHERE deleted_at IS NULL" },
    { "accounts", "SELECT count(*) FROM account WHERE deleted_at IS NULL" },
    { "contacts", "SELECT count(*) FROM contact WHERE deleted_at IS NULL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", tables[i].what);
      g_autofree char *path = output_path (fixture, name);
      g_autoptr(Run) run = run_cli ("--database", fixture->path, "export", tables[i].what,
                                    "--output", path, NULL);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpint (count_csv_records (path), ==, query_int (fixture->db, tables[i].sql, NULL) + 1);
    }
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = output_path (fixture, "open.ics");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(Run) run = NULL;
  gint64 events = 0, todos = 0;

  run = run_cli ("--database", fixture->path, "export", "calendar", "--status", "open",
                 "--output", path, NULL);
  g_assert_cmpint (run->status, ==, 0);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      events += g_str_equal (lines[i], "BEGIN:VEVENT");
      todos += g_str_equal (lines[i], "BEGIN:VTODO");
    }

  g_assert_cmpint (events, ==, query_int (fixture->db, "SELECT count(*) FROM activity WHERE deleted_at IS NULL"
                                          " AND done_at IS NULL AND due_at IS NOT NULL AND kind <> 'task'", NULL));
  g_assert_cmpint (todos, ==, query_int (fixture->db, "SELECT count(*) FROM activity WHERE deleted_at IS NULL"
                                         " AND done_at IS NULL AND (due_at IS NULL OR kind = 'task')", NULL));
  g_assert_cmpint (events, >, 0);
  g_assert_cmpint (todos, >, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const cases[][4] = {
    { "bills", NULL, NULL, "not something to export" },
    { "deals", "--status", "done", "open, won, lost" },
    { "accounts", "--status", "open", "no status" },
    { "activities", "--stage", "Proposal", "only deals" },
    { "deals", "--stage", "Nowhere", "no stage called" },
    { "deals", "--scope", "person:Nobody Here", "no person called" },
    { "deals", "--priority", "urgent", "low, normal or high" },
    { "report", "--period", "2026-Q9", "2026-Q9" },
    { "report", "--status", "won", "only --period and --scope" },
  };
  g_autofree char *path = output_path (fixture, "kept.csv");
  g_autofree char *content = NULL;

  g_assert_true (g_file_set_contents (path, "keep me\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = NULL;

      if (cases[i][1] != NULL)
        run = run_cli ("--database", fixture->path, "export", cases[i][0], cases[i][1], cases[i][2],
                       "--output", path, NULL);
      else
        run = run_cli ("--database", fixture->path, "export", cases[i][0], "--output", path, NULL);
      g_assert_cmpint (run->status, ==, 2);
      g_assert_nonnull (strstr (run->err, cases[i][3]));
    }

  /* no --output */
  {
    g_autoptr(Run) run = run_cli ("--database", fixture->path, "export", "deals", NULL);

    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "--output"));
  }

  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "keep me\n");
}

/* ----------------------------------------------------- the report pack */

static guint
pdf_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { program, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  const char *pages;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &info, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* pdfinfo and pdftotext (poppler-utils) read the PDF as a viewer would.
 * CI installs them; without them elsewhere the test is skipped. */
static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  if (info != NULL && text != NULL)
    return TRUE;

  g_assert_true (g_strcmp0 (g_getenv ("CI"), "true") != 0);
  g_test_skip ("pdfinfo or pdftotext is missing (poppler-utils)");
  return FALSE;
}

/* The text of page (1-based), laid out as on the page. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { program, "-layout", "-f", number, "-l", number, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* The line of text that holds needle. */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *found = strstr (text, needle);
  const char *start, *end;

  g_assert_nonnull (found);
  for (start = found; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (found, '\n');

  return g_strndup (start, end != NULL ? end - start : (gssize) strlen (start));
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = output_path (fixture, "pack.pdf");
  g_autofree char *cover = NULL, *last = NULL, *row = NULL, *rep = NULL, *won = NULL;
  g_autofree char *last_footer = NULL;
  g_autoptr(Run) run = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint pages;

  if (!have_poppler ())
    return;

  run = run_cli ("--database", fixture->path, "export", "report", "--period", "2026-Q4",
                 "--today", TODAY, "--output", path, NULL);
  g_assert_cmpint (run->status, ==, 0);

  /* cover, targets (9 gauges fit one page), funnel, months, the table of
   * 8 reps and the total */
  pages = pdf_pages (path);
  g_assert_cmpuint (pages, ==, 5);
  g_assert_nonnull (strstr (run->out, "5 pages"));

  cover = pdf_page_text (path, 1);
  g_assert_nonnull (strstr (cover, "Q4 FY2026"));
  g_assert_nonnull (strstr (cover, "1 October 2026 – 31 December 2026"));
  g_assert_nonnull (strstr (cover, "Everyone"));
  g_assert_nonnull (strstr (cover, "Made on 23 November 2026"));
  g_assert_nonnull (strstr (cover, "Page 1 of 5"));

  /* the rep who won most in the quarter, summed here from the deals */
  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (fixture->db),
                                       "SELECT p.name, sum (d.amount) FROM deal d JOIN person p ON p.id = d.owner_id"
                                       " WHERE d.deleted_at IS NULL AND d.status = 'won'"
                                       " AND d.closed_on BETWEEN '2026-10-01' AND '2026-12-31'"
                                       " AND d.currency = (SELECT value FROM setting WHERE key = 'currency')"
                                       " GROUP BY p.id ORDER BY 2 DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rep = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  won = prospect_chart_format_money_whole (sqlite3_column_int64 (stmt, 1), "USD");

  last = pdf_page_text (path, pages);
  g_assert_nonnull (strstr (last, "Per Rep"));
  row = line_with (last, rep);
  g_assert_nonnull (strstr (row, won));
  last_footer = g_strdup_printf ("Page %u of %u", pages, pages);
  g_assert_nonnull (strstr (last, last_footer));
}

/* A long team: the table flows onto more pages, each headed again, and
 * every rep is there once in the table. */
static void
test_report_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = output_path (fixture, "long.pdf");
  g_autofree char *manager_id = NULL;
  g_autofree char *scope = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(Run) run = NULL;
  g_autoptr(GError) error = NULL;
  guint pages, continued = 0;
  const guint n_reps = 70;

  if (!have_poppler ())
    return;

  manager_id = query_text (fixture->db, "SELECT id FROM person WHERE role = 'manager' ORDER BY name LIMIT 1", NULL);
  for (guint i = 0; i < n_reps; i++)
    {
      g_autoptr(ProspectPerson) person = prospect_person_new ();
      g_autofree char *name = g_strdup_printf ("Extra Rep %02u", i);

      prospect_person_set_name (person, name);
      prospect_person_set_manager_id (person, manager_id);
      prospect_record_insert (PROSPECT_RECORD (person), fixture->db, &error);
      g_assert_no_error (error);
    }

  scope = g_strdup_printf ("team:%s", manager_id);
  run = run_cli ("--database", fixture->path, "export", "report", "--period", "2026-Q4",
                 "--scope", scope, "--today", TODAY, "--output", path, NULL);
  g_assert_cmpint (run->status, ==, 0);

  pages = pdf_pages (path);
  g_assert_cmpuint (pages, >, 6);
  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *text = pdf_page_text (path, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, pages);

      g_assert_nonnull (strstr (text, footer));
      continued += strstr (text, "Per Rep (continued)") != NULL;
      if (strstr (text, "Per Rep") != NULL)
        g_string_append (all, text);
    }
  g_assert_cmpuint (continued, >=, 1);

  for (guint i = 0; i < n_reps; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra Rep %02u", i);
      const char *first = strstr (all->str, name);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, name));
    }
}

int
main (int    argc,
      char **argv)
{
  /* the same number formats as the CLI, which follows the locale */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/export/deals", Fixture, NULL, fixture_set_up, test_deals, fixture_tear_down);
  g_test_add ("/cli/export/all-tables", Fixture, NULL, fixture_set_up, test_all_tables, fixture_tear_down);
  g_test_add ("/cli/export/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/cli/export/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/cli/export/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/cli/export/report-long", Fixture, NULL, fixture_set_up, test_report_long, fixture_tear_down);

  return g_test_run ();
}
