/* prospect-cli-report.c - "prospect-cli report": the figures as JSON or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <csv.h>
#include <glib/gi18n.h>

#include "prospect-cli-private.h"

/* The output formats are documented in the README ("Reports"); keep the
 * key names and column order stable: scripts read them. */

typedef enum
{
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

typedef struct
{
  ProspectScope  scope;
  char          *person_id;
  char          *person_name;
} ResolvedScope;

typedef struct
{
  const char *name;
  gsize       offset;
  enum { MONEY, COUNT, RATE, TARGET } type;
} Column;

#define FIGURE(field, type) { #field, G_STRUCT_OFFSET (ProspectFigures, field), type }

/* Every figure, in output order. */
static const Column columns[] = {
  FIGURE (won_count, COUNT),
  FIGURE (lost_count, COUNT),
  FIGURE (win_rate, RATE),
  FIGURE (won_value, MONEY),
  FIGURE (won_to_date_value, MONEY),
  FIGURE (open_count, COUNT),
  FIGURE (open_value, MONEY),
  FIGURE (weighted_value, MONEY),
  FIGURE (expected_end_value, MONEY),
  FIGURE (previous_year_to_date_value, MONEY),
  FIGURE (target_value, TARGET),
  FIGURE (attainment, RATE),
  FIGURE (new_deal_count, COUNT),
  FIGURE (activities_done, COUNT),
  FIGURE (other_currency_count, COUNT),
};

static void
resolved_scope_clear (ResolvedScope *resolved)
{
  g_clear_pointer (&resolved->person_id, g_free);
  g_clear_pointer (&resolved->person_name, g_free);
}

/* ---- scope -------------------------------------------------------------- */

/* A person by id, or else by name (case does not matter). */
static gboolean
find_person (ProspectDatabase  *db,
             const char        *text,
             ResolvedScope     *resolved,
             GError           **error)
{
  sqlite3_stmt *stmt;
  guint matches = 0;
  int rc;

  stmt = prospect_database_prepare (db,
                                    "SELECT id, name FROM person WHERE deleted_at IS NULL"
                                    " AND (id = ?1 OR name = ?1 COLLATE NOCASE)"
                                    " ORDER BY id = ?1 DESC LIMIT 2",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean by_id = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), text) == 0;

      if (matches++ == 0)
        {
          resolved->person_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          resolved->person_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      if (by_id)
        {
          matches = 1;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (matches == 1)
    return TRUE;

  resolved_scope_clear (resolved);
  if (matches == 0)
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND,
                 _("nobody called “%s” (give a name or a person id)"), text);
  else
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                 _("more than one person is called “%s”: give the person id instead"), text);
  return FALSE;
}

static gboolean
parse_scope (ProspectDatabase  *db,
             const char        *text,
             ResolvedScope     *resolved,
             GError           **error)
{
  if (text == NULL || g_str_equal (text, "everyone"))
    {
      resolved->scope.kind = PROSPECT_SCOPE_EVERYONE;
      return TRUE;
    }

  if (g_str_has_prefix (text, "team:"))
    resolved->scope.kind = PROSPECT_SCOPE_TEAM;
  else if (g_str_has_prefix (text, "person:"))
    resolved->scope.kind = PROSPECT_SCOPE_PERSON;
  else
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("“%s” is not a scope: use everyone, team:NAME-OR-ID or person:NAME-OR-ID"), text);
      return FALSE;
    }

  if (!find_person (db, strchr (text, ':') + 1, resolved, error))
    return FALSE;

  resolved->scope.person_id = resolved->person_id;
  return TRUE;
}

static const char *
scope_kind_name (ProspectScopeKind kind)
{
  switch (kind)
    {
    case PROSPECT_SCOPE_PERSON:
      return "person";
    case PROSPECT_SCOPE_TEAM:
      return "team";
    case PROSPECT_SCOPE_EVERYONE:
    default:
      return "everyone";
    }
}

static const char *
period_kind_name (ProspectPeriodKind kind)
{
  switch (kind)
    {
    case PROSPECT_PERIOD_MONTH:
      return "month";
    case PROSPECT_PERIOD_QUARTER:
      return "quarter";
    case PROSPECT_PERIOD_CUSTOM:
      return "custom";
    case PROSPECT_PERIOD_YEAR:
    default:
      return "year";
    }
}

/* ---- JSON --------------------------------------------------------------- */

static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
json_date (GString     *out,
           const GDate *date,
           gboolean     valid)
{
  g_autofree char *iso = valid ? prospect_date_to_iso (date) : NULL;

  json_string (out, iso);
}

/* Rates as the shortest text that reads back as the same double; NAN as
 * null. */
static void
append_rate (GString *out,
             double   value,
             const char *undefined)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (isnan (value))
    {
      g_string_append (out, undefined);
      return;
    }

  /* 0.4 rather than 0.40000000000000002: the fewest digits that read
   * back as the same double (17 always do) */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_figure (GString               *out,
               const ProspectFigures *figures,
               const Column          *column,
               const char            *undefined)
{
  const guint8 *base = (const guint8 *) figures;

  switch (column->type)
    {
    case MONEY:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, *(const gint64 *) (base + column->offset));
      break;
    case COUNT:
      g_string_append_printf (out, "%u", *(const guint *) (base + column->offset));
      break;
    case RATE:
      append_rate (out, *(const double *) (base + column->offset), undefined);
      break;
    case TARGET:
    default:
      if (*(const gint64 *) (base + column->offset) < 0)
        g_string_append (out, undefined);
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, *(const gint64 *) (base + column->offset));
      break;
    }
}

static void
json_figures (GString               *out,
              const ProspectFigures *figures,
              gboolean               with_key)
{
  g_string_append_c (out, '{');
  if (with_key)
    {
      g_string_append (out, "\"key\": ");
      json_string (out, figures->key);
      g_string_append (out, ", \"label\": ");
      json_string (out, figures->label);
      g_string_append (out, ", ");
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_string_append_printf (out, "%s\"%s\": ", i > 0 ? ", " : "", columns[i].name);
      append_figure (out, figures, &columns[i], "null");
    }
  g_string_append_c (out, '}');
}

static void
json_funnel (GString              *out,
             const ProspectFunnel *funnel)
{
  g_string_append (out, ",\n  \"funnel\": {\"other_currency_count\": ");
  g_string_append_printf (out, "%u, \"steps\": [", funnel->other_currency_count);

  for (guint i = 0; i < funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      g_string_append (out, "\"stage_id\": ");
      json_string (out, step->stage_id);
      g_string_append (out, ", \"name\": ");
      json_string (out, step->name);
      g_string_append_printf (out, ", \"reached_count\": %u, \"reached_value\": %" G_GINT64_FORMAT
                              ", \"step_up_rate\": ", step->reached_count, step->reached_value);
      append_rate (out, step->step_up_rate, "null");
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ]}");
}

static char *
report_to_json (const ProspectReport *report,
                const ResolvedScope  *scope,
                const ProspectFunnel *funnel)
{
  GString *out = g_string_new ("{\n  \"period\": {\"name\": ");
  g_autofree char *name = prospect_period_format (&report->period);
  const ProspectPeriod *period = &report->period;

  json_string (out, name);
  g_string_append_printf (out, ", \"kind\": \"%s\", \"fiscal_year\": %d, \"fiscal_year_start_month\": %u",
                          period_kind_name (period->kind), prospect_period_get_fiscal_year (period),
                          period->fiscal_start_month);
  g_string_append (out, ", \"start\": ");
  json_date (out, &period->start, TRUE);
  g_string_append (out, ", \"end\": ");
  json_date (out, &period->end, TRUE);
  g_string_append (out, ", \"today\": ");
  json_date (out, &report->today, TRUE);
  g_string_append (out, ", \"to_date_end\": ");
  json_date (out, &report->to_date_end, report->has_to_date);
  g_string_append (out, ", \"previous_year_start\": ");
  json_date (out, &report->previous_start, report->has_to_date);
  g_string_append (out, ", \"previous_year_end\": ");
  json_date (out, &report->previous_end, report->has_to_date);

  g_string_append_printf (out, "},\n  \"scope\": {\"kind\": \"%s\", \"person_id\": ",
                          scope_kind_name (report->scope_kind));
  json_string (out, scope->person_id);
  g_string_append (out, ", \"person_name\": ");
  json_string (out, scope->person_name);
  g_string_append_printf (out, "},\n  \"group_by\": \"%s\",\n  \"currency\": ",
                          prospect_grouping_to_string (report->grouping));
  json_string (out, report->currency);

  g_string_append (out, ",\n  \"total\": ");
  json_figures (out, &report->total, FALSE);
  g_string_append (out, ",\n  \"groups\": [");
  for (guint i = 0; i < report->rows->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      json_figures (out, &g_array_index (report->rows, ProspectFigures, i), TRUE);
    }
  g_string_append (out, "\n  ]");

  if (funnel != NULL)
    json_funnel (out, funnel);

  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}

/* ---- CSV ---------------------------------------------------------------- */

/* Every text field goes through libcsv, which quotes it (RFC 4180). */
static void
csv_text (FILE       *out,
          const char *text,
          gboolean    last)
{
  if (text != NULL)
    csv_fwrite (out, text, strlen (text));
  fputc (last ? '\n' : ',', out);
}

static void
csv_number (FILE       *out,
            GString    *buffer,
            gboolean    last)
{
  fputs (buffer->str, out);
  fputc (last ? '\n' : ',', out);
  g_string_truncate (buffer, 0);
}

static void
write_csv_groups (FILE                 *out,
                  const ProspectReport *report)
{
  g_autoptr(GString) buffer = g_string_new (NULL);

  csv_text (out, "group_by", FALSE);
  csv_text (out, "key", FALSE);
  csv_text (out, "label", FALSE);
  csv_text (out, "currency", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    csv_text (out, columns[i].name, i + 1 == G_N_ELEMENTS (columns));

  for (guint r = 0; r < report->rows->len; r++)
    {
      const ProspectFigures *row = &g_array_index (report->rows, ProspectFigures, r);

      csv_text (out, prospect_grouping_to_string (report->grouping), FALSE);
      csv_text (out, row->key, FALSE);
      csv_text (out, row->label, FALSE);
      csv_text (out, report->currency, FALSE);
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          append_figure (buffer, row, &columns[i], "");
          csv_number (out, buffer, i + 1 == G_N_ELEMENTS (columns));
        }
    }
}

static void
write_csv_funnel (FILE                 *out,
                  const ProspectFunnel *funnel)
{
  g_autoptr(GString) buffer = g_string_new (NULL);

  fputs ("\"stage_id\",\"stage\",\"currency\",\"reached_count\",\"reached_value\",\"step_up_rate\"\n", out);
  for (guint i = 0; i < funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, i);

      csv_text (out, step->stage_id, FALSE);
      csv_text (out, step->name, FALSE);
      csv_text (out, funnel->currency, FALSE);
      g_string_printf (buffer, "%u", step->reached_count);
      csv_number (out, buffer, FALSE);
      g_string_printf (buffer, "%" G_GINT64_FORMAT, step->reached_value);
      csv_number (out, buffer, FALSE);
      append_rate (buffer, step->step_up_rate, "");
      csv_number (out, buffer, TRUE);
    }
}

/* ---- the command -------------------------------------------------------- */

static gboolean
set_today (const char  *text,
           GError     **error)
{
  g_autoptr(GDateTime) noon = NULL;
  GDate day;

  if (!prospect_date_from_iso (&day, text))
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"), text);
      return FALSE;
    }

  /* noon: the same day in every time zone offset the day can have */
  noon = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 12, 0, 0);
  prospect_clock_set_fake_ms (g_date_time_to_unix (noon) * 1000);
  return TRUE;
}

static int
write_report (ProspectDatabase     *db,
              const ProspectPeriod *period,
              const ResolvedScope  *scope,
              ProspectGrouping      grouping,
              Format                format,
              gboolean              with_funnel)
{
  g_autoptr(ProspectReport) report = NULL;
  g_autoptr(ProspectFunnel) funnel = NULL;
  g_autoptr(GError) error = NULL;

  report = prospect_report_compute (db, period, &scope->scope, grouping, &error);
  if (report != NULL && with_funnel)
    funnel = prospect_funnel_compute (db, period, &scope->scope, &error);
  if (error != NULL)
    return prospect_cli_fail ("%s", error->message);

  if (format == FORMAT_JSON)
    {
      g_autofree char *json = report_to_json (report, scope, funnel);

      fputs (json, stdout);
    }
  else if (funnel != NULL)
    write_csv_funnel (stdout, funnel);
  else
    write_csv_groups (stdout, report);

  if (fflush (stdout) != 0 || ferror (stdout))
    return prospect_cli_fail (_("Could not write the report"));

  return PROSPECT_CLI_EXIT_OK;
}

int
prospect_cli_report (ProspectCli  *cli,
                     int           argc,
                     char        **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *scope_text = NULL;
  g_autofree char *group_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *today_text = NULL;
  gboolean with_funnel = FALSE;
  const GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("The period: 2026-11 (month), 2026-Q3 (fiscal quarter), FY2026 (fiscal year), "
         "2026-10-15..2026-12-31 (days), this-quarter, previous-month, next-year… "
         "(default: this-quarter)"), N_("PERIOD") },
    { "scope", 's', 0, G_OPTION_ARG_STRING, &scope_text,
      N_("Whose figures: everyone (default), team:NAME-OR-ID (everyone below that person) "
         "or person:NAME-OR-ID"), N_("SCOPE") },
    { "group-by", 'g', 0, G_OPTION_ARG_STRING, &group_text,
      N_("One row per: none (default), rep, manager, region, product or sector"), N_("GROUPING") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("json (default) or csv"), N_("FORMAT") },
    { "funnel", 0, 0, G_OPTION_ARG_NONE, &with_funnel,
      N_("Add the funnel (JSON); with csv, print the funnel instead of the figures"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Compute as if today were DATE (YYYY-MM-DD), for figures that can be checked later"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    prospect_cli_context_new (cli, "report", NULL,
                              _("Print the sales figures of a period as JSON or CSV."),
                              _("Prints won value and count, lost count, win rate, open and weighted "
                                "pipeline, expected period end, target and attainment, the previous "
                                "fiscal year to date, new deals and activities done, for one period "
                                "and scope, in total and per group; --funnel adds the stages that "
                                "the period's new deals reached and the step-up rates. Money is in "
                                "minor units (cents) of the database currency. The definitions and "
                                "both formats are described in the README. Nothing is changed, but "
                                "a file from an older Prospect is upgraded first, as the application "
                                "does (a backup copy is kept)."),
                              entries);
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  ResolvedScope scope = { { 0 } };
  ProspectGrouping grouping = PROSPECT_GROUP_NONE;
  ProspectPeriod period;
  Format format = FORMAT_JSON;
  const char *path;
  int status;

  if (!prospect_cli_parse (context, "report", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;

  if (argc > 1)
    return prospect_cli_usage_error ("report", _("Unexpected argument “%s”"), argv[1]);

  if (group_text != NULL && !prospect_grouping_from_string (group_text, &grouping))
    return prospect_cli_usage_error ("report", _("“%s” is not a grouping: use none, rep, manager, "
                                                 "region, product or sector"), group_text);

  if (format_text != NULL && g_str_equal (format_text, "csv"))
    format = FORMAT_CSV;
  else if (format_text != NULL && !g_str_equal (format_text, "json"))
    return prospect_cli_usage_error ("report", _("“%s” is not a format: use json or csv"), format_text);

  if (today_text != NULL && !set_today (today_text, &error))
    return prospect_cli_usage_error ("report", "%s", error->message);

  path = prospect_cli_get_database_path (cli);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return prospect_cli_fail (_("%s: no database file there"), path);

  db = prospect_database_open (path, &error);
  if (db == NULL)
    return prospect_cli_fail ("%s: %s", path, error->message);

  if (!prospect_period_parse (period_text != NULL ? period_text : "this-quarter",
                              prospect_fiscal_start_month (db), &period, &error))
    return prospect_cli_usage_error ("report", "%s", error->message);

  if (!parse_scope (db, scope_text, &scope, &error))
    {
      resolved_scope_clear (&scope);
      return prospect_cli_usage_error ("report", "%s", error->message);
    }

  status = write_report (db, &period, &scope, grouping, format, with_funnel);
  resolved_scope_clear (&scope);

  return status;
}
