/* test-report.c - "prospect-cli report" agrees with the core's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "prospect-core.h"

#include "cli-run.h"

#define TODAY "2026-11-23"

typedef struct
{
  char *path;
} Fixture;

static void
set_today (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 11, 23, 12, 0, 0);

  prospect_clock_set_fake_ms (g_date_time_to_unix (noon) * 1000);
}

/* The small sample team, plus a rep whose name needs CSV quoting. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(ProspectPerson) person = prospect_person_new ();
  g_autoptr(GError) error = NULL;
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  fixture->path = g_build_filename (dir, "report.db", NULL);
  run = run_cli ("--database", fixture->path, "demo", "--seed", "5", "--today", TODAY, NULL);
  g_assert_cmpint (run->status, ==, 0);

  db = prospect_database_open (fixture->path, &error);
  g_assert_no_error (error);
  prospect_person_set_name (person, "Smith, \"Jr\"");
  prospect_person_set_role (person, "rep");
  prospect_record_insert (PROSPECT_RECORD (person), db, &error);
  g_assert_no_error (error);

  set_today ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  prospect_clock_set_fake_ms (0);
  g_free (fixture->path);
}

static ProspectReport *
core_report (const char       *path,
             const char       *period_text,
             ProspectGrouping  grouping)
{
  g_autoptr(ProspectDatabase) db = prospect_database_open (path, NULL);
  ProspectScope scope = { PROSPECT_SCOPE_EVERYONE, NULL };
  ProspectPeriod period;

  g_assert_nonnull (db);
  g_assert_true (prospect_period_parse (period_text, prospect_fiscal_start_month (db), &period, NULL));

  return prospect_report_compute (db, &period, &scope, grouping, NULL);
}

/* The line of the JSON output that holds key (each group is one line). */
static char *
json_line_with (const char *json,
                const char *needle)
{
  const char *found = strstr (json, needle);
  const char *start, *end;

  g_assert_nonnull (found);
  start = found;
  while (start > json && start[-1] != '\n')
    start--;
  end = strchr (found, '\n');

  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
}

static gint64
json_int (const char *line,
          const char *name)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\": ", name);
  const char *found = strstr (line, needle);

  g_assert_nonnull (found);
  return g_ascii_strtoll (found + strlen (needle), NULL, 10);
}

static double
json_double (const char *line,
             const char *name)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\": ", name);
  const char *found = strstr (line, needle);

  g_assert_nonnull (found);
  if (g_str_has_prefix (found + strlen (needle), "null"))
    return NAN;

  return g_ascii_strtod (found + strlen (needle), NULL);
}

static void
assert_same_figures (const char            *line,
                     const ProspectFigures *figures)
{
  g_assert_cmpint (json_int (line, "won_count"), ==, figures->won_count);
  g_assert_cmpint (json_int (line, "lost_count"), ==, figures->lost_count);
  g_assert_cmpint (json_int (line, "won_value"), ==, figures->won_value);
  g_assert_cmpint (json_int (line, "open_count"), ==, figures->open_count);
  g_assert_cmpint (json_int (line, "open_value"), ==, figures->open_value);
  g_assert_cmpint (json_int (line, "weighted_value"), ==, figures->weighted_value);
  g_assert_cmpint (json_int (line, "expected_end_value"), ==, figures->expected_end_value);
  g_assert_cmpint (json_int (line, "previous_year_to_date_value"), ==, figures->previous_year_to_date_value);
  g_assert_cmpint (json_int (line, "new_deal_count"), ==, figures->new_deal_count);
  g_assert_cmpint (json_int (line, "activities_done"), ==, figures->activities_done);
  if (figures->target_value >= 0)
    g_assert_cmpint (json_int (line, "target_value"), ==, figures->target_value);
  else
    g_assert_nonnull (strstr (line, "\"target_value\": null"));
  /* printed so that it reads back as the same double */
  if (isnan (figures->win_rate))
    g_assert_true (isnan (json_double (line, "win_rate")));
  else
    g_assert_cmpfloat (json_double (line, "win_rate"), ==, figures->win_rate);
}

static void
test_json_matches_core (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->path, "report", "--today", TODAY,
                                "--period", "this-quarter", "--group-by", "rep", NULL);
  g_autoptr(ProspectReport) report = core_report (fixture->path, "this-quarter", PROSPECT_GROUP_REP);
  g_autofree char *total = NULL;
  int depth = 0;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_str_has_prefix (run->out, "{\n  \"period\": {\"name\": \"2026-Q4\", \"kind\": \"quarter\""));
  g_assert_nonnull (strstr (run->out, "\"start\": \"2026-10-01\", \"end\": \"2026-12-31\", \"today\": \"2026-11-23\""));
  g_assert_nonnull (strstr (run->out, "\"scope\": {\"kind\": \"everyone\""));
  g_assert_nonnull (strstr (run->out, "\"group_by\": \"rep\""));
  g_assert_nonnull (strstr (run->out, "\"currency\": \"USD\""));
  /* the quote in the name is escaped */
  g_assert_nonnull (strstr (run->out, "\"label\": \"Smith, \\\"Jr\\\"\""));

  /* something was sold in the sample quarter, so this compares numbers */
  g_assert_cmpint (report->total.won_value, >, 0);
  g_assert_cmpint (report->total.open_count, >, 0);

  total = json_line_with (run->out, "\"total\": ");
  assert_same_figures (total, &report->total);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const ProspectFigures *row = &g_array_index (report->rows, ProspectFigures, i);
      g_autofree char *needle = g_strdup_printf ("\"key\": \"%s\"", row->key);
      g_autofree char *line = NULL;

      if (row->key == NULL)
        continue;
      line = json_line_with (run->out, needle);
      assert_same_figures (line, row);
    }

  /* braces and brackets balance outside strings */
  for (const char *p = run->out; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          for (p++; *p != '"'; p++)
            if (*p == '\\')
              p++;
          continue;
        }
      depth += (*p == '{' || *p == '[') - (*p == '}' || *p == ']');
      g_assert_cmpint (depth, >=, 0);
    }
  g_assert_cmpint (depth, ==, 0);
}

static void
test_funnel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Run) json = run_cli ("--database", fixture->path, "report", "--today", TODAY,
                                 "--period", "FY2026", "--funnel", NULL);
  g_autoptr(Run) csv = run_cli ("--database", fixture->path, "report", "--today", TODAY,
                                "--period", "FY2026", "--funnel", "--format", "csv", NULL);
  g_autoptr(ProspectDatabase) db = prospect_database_open (fixture->path, NULL);
  ProspectScope scope = { PROSPECT_SCOPE_EVERYONE, NULL };
  g_autoptr(ProspectFunnel) funnel = NULL;
  g_auto(GStrv) lines = NULL;
  ProspectPeriod period;

  g_assert_true (prospect_period_parse ("FY2026", 1, &period, NULL));
  funnel = prospect_funnel_compute (db, &period, &scope, NULL);
  g_assert_cmpuint (funnel->steps->len, ==, 5);
  g_assert_cmpuint (g_array_index (funnel->steps, ProspectFunnelStep, 0).reached_count, >, 0);

  g_assert_cmpint (json->status, ==, 0);
  g_assert_cmpint (csv->status, ==, 0);
  lines = g_strsplit (csv->out, "\n", -1);
  /* header, one line per step, and the empty string after the last \n */
  g_assert_cmpuint (g_strv_length (lines), ==, funnel->steps->len + 2);
  g_assert_cmpstr (lines[0], ==, "\"stage_id\",\"stage\",\"currency\",\"reached_count\",\"reached_value\",\"step_up_rate\"");

  for (guint i = 0; i < funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, i);
      g_autofree char *needle = g_strdup_printf ("\"stage_id\": \"%s\"", step->stage_id);
      g_autofree char *line = json_line_with (json->out, needle);
      g_autofree char *csv_start = g_strdup_printf ("\"%s\",\"%s\",\"USD\",%u,%" G_GINT64_FORMAT ",",
                                                    step->stage_id, step->name,
                                                    step->reached_count, step->reached_value);

      g_assert_cmpint (json_int (line, "reached_count"), ==, step->reached_count);
      g_assert_cmpint (json_int (line, "reached_value"), ==, step->reached_value);
      g_assert_true (g_str_has_prefix (lines[i + 1], csv_start));
    }
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->path, "report", "--today", TODAY,
                                "--period", "2026-Q4", "--group-by", "rep", "--format", "csv", NULL);
  g_autoptr(ProspectReport) report = core_report (fixture->path, "2026-Q4", PROSPECT_GROUP_REP);
  g_auto(GStrv) lines = NULL;
  gboolean found_quoted = FALSE;

  g_assert_cmpint (run->status, ==, 0);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, report->rows->len + 2);
  g_assert_cmpstr (lines[report->rows->len + 1], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], "\"group_by\",\"key\",\"label\",\"currency\",\"won_count\","));
  g_assert_true (g_str_has_suffix (lines[0], ",\"activities_done\",\"other_currency_count\""));

  for (guint i = 0; i < report->rows->len; i++)
    {
      const ProspectFigures *row = &g_array_index (report->rows, ProspectFigures, i);
      g_autofree char *start = g_strdup_printf ("\"rep\",\"%s\",", row->key);

      /* rows come in the core's order */
      g_assert_true (g_str_has_prefix (lines[i + 1], start));
      /* RFC 4180: the comma stays inside the quotes, quotes are doubled */
      if (strstr (lines[i + 1], ",\"Smith, \"\"Jr\"\"\",\"USD\",") != NULL)
        found_quoted = TRUE;
    }
  g_assert_true (found_quoted);
}

static void
test_person_scope_by_name (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(Run) by_name = run_cli ("--database", fixture->path, "report", "--today", TODAY,
                                    "--scope", "person:smith, \"jr\"", NULL);

  g_assert_cmpint (by_name->status, ==, 0);
  g_assert_nonnull (strstr (by_name->out, "\"scope\": {\"kind\": \"person\""));
  g_assert_nonnull (strstr (by_name->out, "\"person_name\": \"Smith, \\\"Jr\\\"\""));
  g_assert_nonnull (strstr (by_name->out, "\"won_count\": 0"));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const struct {
    const char *option, *value, *fragment;
    int status;
  } cases[] = {
    { "--period", "2026-Q5", "is not a period", 2 },
    { "--scope", "team:Nobody Atall", "nobody called", 2 },
    { "--scope", "club:x", "is not a scope", 2 },
    { "--group-by", "colour", "is not a grouping", 2 },
    { "--format", "xml", "is not a format", 2 },
    { "--today", "2026-02-30", "is not a date", 2 },
  };
  g_autofree char *missing = g_build_filename (g_get_user_cache_dir (), "missing.db", NULL);
  g_autoptr(Run) no_file = run_cli ("--database", missing, "report", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli ("--database", fixture->path, "report",
                                    cases[i].option, cases[i].value, NULL);

      g_assert_cmpint (run->status, ==, cases[i].status);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_nonnull (strstr (run->err, cases[i].fragment));
    }

  g_assert_cmpint (no_file->status, ==, 1);
  g_assert_nonnull (strstr (no_file->err, "no database file there"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/report/json-matches-core", test_json_matches_core);
  ADD ("/cli/report/funnel", test_funnel);
  ADD ("/cli/report/csv", test_csv);
  ADD ("/cli/report/person-scope-by-name", test_person_scope_by_name);
  ADD ("/cli/report/bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
