/* bench-analytics.c - the Team page's figures and the funnel on a large
 * database, against the same SQL run by the sqlite3 command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints figures for the README's performance table.
 *
 *   bench-analytics DATABASE [QUARTER [FISCAL-YEAR]]
 *
 * DATABASE is made with "prospect-cli demo --scale large"; QUARTER and
 * FISCAL-YEAR default to this-quarter and this-year. The scope is the
 * team of the person at the top of the reporting line (every rep), as a
 * head of sales opens the Team and Funnel pages; a single manager's team
 * is timed too. The SQL that the core ran is captured with sqlite3_trace_v2
 * with its values filled in, written to a file that is printed (run it by
 * hand with: sqlite3 DATABASE < FILE) and timed with the sqlite3 shell's
 * .timer. Medians of RUNS runs, after one warm-up run each, as wall-clock
 * time and as CPU time (user + system), which other work on the machine
 * disturbs less. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "prospect-core.h"

#define RUNS 11

typedef struct
{
  const char *name;
  gboolean    funnel;
  ProspectScope scope;
  ProspectPeriod period;
} Case;

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

static void
run_case (ProspectDatabase *db,
          const Case       *bench_case)
{
  g_autoptr(GError) error = NULL;

  if (bench_case->funnel)
    {
      g_autoptr(ProspectFunnel) funnel = prospect_funnel_compute (db, &bench_case->period,
                                                                  &bench_case->scope, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autoptr(ProspectReport) report = prospect_report_compute (db, &bench_case->period,
                                                                  &bench_case->scope,
                                                                  PROSPECT_GROUP_REP, &error);
      g_assert_no_error (error);
    }
}

static int
trace_cb (unsigned int  type,
          void         *context,
          void         *statement,
          void         *detail)
{
  GPtrArray *statements = context;
  char *expanded = sqlite3_expanded_sql (statement);

  g_ptr_array_add (statements, g_strdup (expanded));
  sqlite3_free (expanded);

  return 0;
}

/* The statements one run executes, values filled in, as a shell script. */
static char *
capture_sql (ProspectDatabase *db,
             const Case       *bench_case)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  GString *script = g_string_new (".timer on\n");

  sqlite3_trace_v2 (prospect_database_get_handle (db), SQLITE_TRACE_PROFILE, trace_cb, statements);
  run_case (db, bench_case);
  sqlite3_trace_v2 (prospect_database_get_handle (db), 0, NULL, NULL);

  for (guint i = 0; i < statements->len; i++)
    g_string_append_printf (script, "%s;\n", (char *) g_ptr_array_index (statements, i));

  return g_string_free (script, FALSE);
}

typedef struct
{
  double wall_ms;
  double cpu_ms;
} Timing;

static double
cpu_now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static Timing
medians (GArray *wall,
         GArray *cpu)
{
  return (Timing) { median (wall), median (cpu) };
}

static Timing
time_core (ProspectDatabase *db,
           const Case       *bench_case)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  run_case (db, bench_case);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_now_ms ();
      double wall_ms, cpu_ms;

      run_case (db, bench_case);
      cpu_ms = cpu_now_ms () - cpu_start;
      wall_ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (wall, wall_ms);
      g_array_append_val (cpu, cpu_ms);
    }

  return medians (wall, cpu);
}

static double
sum_after (const char *out,
           const char *label)
{
  double total = 0;

  for (const char *p = strstr (out, label); p != NULL; p = strstr (p + 1, label))
    total += g_ascii_strtod (p + strlen (label), NULL) * 1000.0;

  return total;
}

/* The sums of the shell's "Run Time: real R user U sys S" lines for one
 * run of the script: real, and user + sys. */
static Timing
time_sqlite3_once (const char *path,
                   const char *script_path)
{
  g_autofree char *read = g_strdup_printf (".read %s", script_path);
  const char *argv[] = { "sqlite3", path, read, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);

  return (Timing) { sum_after (out, "Run Time: real "),
                    sum_after (out, " user ") + sum_after (out, " sys ") };
}

static Timing
time_sqlite3 (const char *path,
              const char *script_path)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  time_sqlite3_once (path, script_path);
  for (guint i = 0; i < RUNS; i++)
    {
      Timing once = time_sqlite3_once (path, script_path);

      g_array_append_val (wall, once.wall_ms);
      g_array_append_val (cpu, once.cpu_ms);
    }

  return medians (wall, cpu);
}

static void
bench (ProspectDatabase *db,
       const char       *path,
       const Case       *bench_case,
       guint             index)
{
  g_autofree char *script = capture_sql (db, bench_case);
  g_autofree char *script_path = g_strdup_printf ("%s/bench-analytics-%u.sql", g_get_tmp_dir (), index);
  g_autofree char *period = prospect_period_format (&bench_case->period);
  Timing core, shell;

  g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
  core = time_core (db, bench_case);
  shell = time_sqlite3 (path, script_path);

  g_print ("\n== %s, %s ==\nSQL (%s):\n%s", bench_case->name, period, script_path, script);
  g_print ("wall: core %.1f ms, sqlite3 shell %.1f ms, ratio %.2f\n",
           core.wall_ms, shell.wall_ms, shell.wall_ms > 0 ? core.wall_ms / shell.wall_ms : 0.0);
  g_print ("cpu:  core %.1f ms, sqlite3 shell %.1f ms, ratio %.2f\n",
           core.cpu_ms, shell.cpu_ms, shell.cpu_ms > 0 ? core.cpu_ms / shell.cpu_ms : 0.0);
}

static char *
query_text (ProspectDatabase *db,
            const char       *sql)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, NULL);
  char *text = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return text;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;
  g_autofree char *manager = NULL;
  guint fiscal_start;
  Case cases[5];

  if (argc < 2 || !g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("Usage: bench-analytics DATABASE [QUARTER [FISCAL-YEAR]]\n"
                  "Make DATABASE with: prospect-cli --database DATABASE demo --scale large\n");
      return 1;
    }

  /* a file from schema v1 is upgraded here (once), as the app would */
  db = prospect_database_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("bench-analytics: %s\n", error->message);
      return 1;
    }

  top = query_text (db, "SELECT id FROM person WHERE manager_id IS NULL AND deleted_at IS NULL"
                        " ORDER BY role = 'director' DESC, id LIMIT 1");
  manager = query_text (db, "SELECT manager_id FROM person WHERE role = 'rep' AND deleted_at IS NULL"
                            " GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1");
  g_assert_nonnull (top);
  g_assert_nonnull (manager);

  fiscal_start = prospect_fiscal_start_month (db);
  cases[0] = (Case) { "Team page: figures for every rep (team of the top of the tree, by rep)",
                      FALSE, { PROSPECT_SCOPE_TEAM, top } };
  cases[1] = (Case) { "Funnel for a fiscal year (team of the top of the tree)",
                      TRUE, { PROSPECT_SCOPE_TEAM, top } };
  cases[2] = (Case) { "Team page of one manager (by rep)", FALSE, { PROSPECT_SCOPE_TEAM, manager } };
  cases[3] = (Case) { "Funnel for a fiscal year, one manager's team", TRUE, { PROSPECT_SCOPE_TEAM, manager } };
  cases[4] = (Case) { "Funnel for a fiscal year, everyone", TRUE, { PROSPECT_SCOPE_EVERYONE, NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = cases[i].funnel ? (argc > 3 ? argv[3] : "this-year")
                                         : (argc > 2 ? argv[2] : "this-quarter");

      if (!prospect_period_parse (text, fiscal_start, &cases[i].period, &error))
        {
          g_printerr ("bench-analytics: %s\n", error->message);
          return 1;
        }
    }

  g_print ("bench-analytics: %s, SQLite %s, median of %d runs\n", argv[1], sqlite3_libversion (), RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    bench (db, argv[1], &cases[i], i);

  return 0;
}
