/* bench-import.c - importing the Maven set and a 100,000-row
 * Salesforce-style file, against the sqlite3 shell's .import of the same
 * CSV into a bare table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints figures for the README's performance table.
 *
 *   bench-import MAVEN-DIRECTORY [ROWS]
 *
 * MAVEN-DIRECTORY is tests/data/maven; ROWS (default 100000) is the size
 * of the generated Salesforce export, written with a fixed seed to a new
 * directory in the temporary directory. Each import goes into a new database file (made
 * and migrated before the clock starts) and is timed from reading the
 * files to the commit: medians of RUNS runs (RUNS_LARGE for the large
 * file), as wall-clock time and as CPU
 * time (user + system), which other work on the machine disturbs less.
 * The sqlite3 shell loads the same CSV with ".import" into a table made
 * from the header: the floor for "read a CSV into SQLite". */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <glib/gstdio.h>

#include "prospect-core.h"
#include "prospect-import.h"

#define RUNS       5
#define RUNS_LARGE 1  /* the 100,000-row file: minutes per run on a busy machine */
#define SEED       20261123
#define N_OWNERS   60
#define N_ACCOUNTS 4000

/* Every file of a run lives here, so that two runs never share one. */
static char *work_dir;

typedef struct
{
  double wall_ms;
  double cpu_ms;
} Timing;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

static double
cpu_now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

/* One import into db; returns the stats for printing. */
static ProspectImportStats
import_once (ProspectDatabase *db,
             const char       *path)
{
  g_autoptr(ProspectImport) import = prospect_import_new ();
  g_autoptr(GError) error = NULL;
  ProspectImportStats stats;

  if (!prospect_import_add_path (import, path, &error) ||
      !prospect_import_prepare (import, db, &error) ||
      !prospect_import_run (import, db, PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, FALSE,
                            NULL, NULL, NULL, &stats, &error))
    g_error ("import of %s failed: %s", path, error->message);

  return stats;
}

/* again: import twice and time the second one (everything unchanged). */
static Timing
time_import (const char          *path,
             gboolean             again,
             guint                runs,
             ProspectImportStats *stats)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *db_path = g_build_filename (work_dir, "bench-import.db", NULL);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(ProspectDatabase) db = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = NULL;
      double cpu_start, wall_ms, cpu_ms;

      remove_database (db_path);
      db = prospect_database_open (db_path, &error);
      g_assert_no_error (error);
      if (again)
        import_once (db, path);

      timer = g_timer_new ();
      cpu_start = cpu_now_ms ();
      *stats = import_once (db, path);
      cpu_ms = cpu_now_ms () - cpu_start;
      wall_ms = g_timer_elapsed (timer, NULL) * 1e3;
      g_array_append_val (wall, wall_ms);
      g_array_append_val (cpu, cpu_ms);
    }

  remove_database (db_path);
  return (Timing) { median (wall), median (cpu) };
}

static Timing
time_sqlite_import (const char *csv_path,
                    guint       runs)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *db_path = g_build_filename (work_dir, "bench-import-bare.db", NULL);
  g_autofree char *import_command = g_strdup_printf (".import '%s' bare", csv_path);

  for (guint run = 0; run < runs; run++)
    {
      const char *argv[] = { "sqlite3", "-cmd", "PRAGMA journal_mode=WAL", "-cmd", ".mode csv",
                             db_path, import_command, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = NULL;
      double cpu_start, wall_ms, cpu_ms;
      int status;

      remove_database (db_path);
      timer = g_timer_new ();
      cpu_start = children_cpu_ms ();
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("sqlite3 .import failed: %s", error->message);
      cpu_ms = children_cpu_ms () - cpu_start;
      wall_ms = g_timer_elapsed (timer, NULL) * 1e3;
      g_array_append_val (wall, wall_ms);
      g_array_append_val (cpu, cpu_ms);
    }

  remove_database (db_path);
  return (Timing) { median (wall), median (cpu) };
}

/* A Salesforce opportunity export as Data Loader writes it: API names,
 * ISO dates, a quoted field now and then. */
static char *
write_salesforce_file (guint rows)
{
  static const char * const stages[] = { "Prospecting", "Qualification", "Needs Analysis",
                                         "Value Proposition", "Negotiation/Review", "Closed Won",
                                         "Closed Lost" };
  static const char * const sources[] = { "Web", "Partner", "Trade Show", "Phone Inquiry" };
  g_autofree char *path = g_build_filename (work_dir, "bench-salesforce.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Id,Name,Account.Name,StageName,Amount,Probability,CloseDate,"
                                          "Owner.Name,IsClosed,IsWon,CurrencyIsoCode,NextStep,LeadSource,"
                                          "Type,CreatedDate\r\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows; i++)
    {
      guint stage = g_rand_int_range (rand, 0, G_N_ELEMENTS (stages));
      gboolean closed = stage >= 5;
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);

      g_string_append_printf (text,
                              "006%012u,\"Deal %u, phase %u\",Account %u,%s,%u.%02u,%u,2025-%02d-%02d,"
                              "Owner %u,%s,%s,USD,%s,%s,New Customer,2024-%02d-%02d\r\n",
                              i, i, i % 3, g_rand_int_range (rand, 0, N_ACCOUNTS), stages[stage],
                              g_rand_int_range (rand, 100, 200000), g_rand_int_range (rand, 0, 100),
                              closed ? (stage == 5 ? 100 : 0) : 10 + 15 * stage, month, day,
                              g_rand_int_range (rand, 0, N_OWNERS), closed ? "true" : "false",
                              stage == 5 ? "true" : "false", closed ? "" : "Call back",
                              sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))], month, day);
    }

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&path);
}

static void
print_row (const char                *name,
           Timing                     timing,
           const ProspectImportStats *stats)
{
  g_print ("%-44s %9.0f ms wall %9.0f ms CPU", name, timing.wall_ms, timing.cpu_ms);
  if (stats != NULL)
    g_print ("   (%u new, %u unchanged, %u stage changes)", stats->deals_new, stats->deals_unchanged,
             stats->stage_changes_new);
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pipeline = NULL;
  g_autofree char *salesforce = NULL;
  ProspectImportStats stats;
  guint64 rows = 100000;

  if (argc < 2 || (argc > 2 && !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &rows, NULL)))
    {
      g_printerr ("Usage: %s MAVEN-DIRECTORY [ROWS]\n", argv[0]);
      return 2;
    }

  work_dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  g_assert_nonnull (work_dir);
  pipeline = g_build_filename (argv[1], "sales_pipeline.csv", NULL);
  salesforce = write_salesforce_file ((guint) rows);
  g_print ("wall-clock and CPU (user + system) time; Maven: median of %d runs, %u rows: %d run(s)\n",
           RUNS, (guint) rows, RUNS_LARGE);

  print_row ("Maven set, into a new database", time_import (argv[1], FALSE, RUNS, &stats), &stats);
  print_row ("Maven set, again (all unchanged)", time_import (argv[1], TRUE, RUNS, &stats), &stats);
  print_row ("sqlite3 .import of sales_pipeline.csv", time_sqlite_import (pipeline, RUNS), NULL);
  print_row ("Salesforce-style file, into a new database",
             time_import (salesforce, FALSE, RUNS_LARGE, &stats), &stats);
  print_row ("Salesforce-style file, again (all unchanged)",
             time_import (salesforce, TRUE, RUNS_LARGE, &stats), &stats);
  print_row ("sqlite3 .import of the Salesforce-style file", time_sqlite_import (salesforce, RUNS), NULL);

  g_unlink (salesforce);
  g_rmdir (work_dir);
  g_free (work_dir);
  return 0;
}
