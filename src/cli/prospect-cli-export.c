/* prospect-cli-export.c - "prospect-cli export": CSV, iCalendar and the
 * report pack into a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "prospect-export-csv.h"
#include "prospect-export-ical.h"
#include "prospect-report-pack.h"

#include "prospect-cli-private.h"

typedef struct
{
  char *period;
  char *scope;
  char *status;
  char *stage;
  char *priority;
  char *today;
  char *output;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->period);
  g_free (options->scope);
  g_free (options->status);
  g_free (options->stage);
  g_free (options->priority);
  g_free (options->today);
  g_free (options->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* ---- names to ids -------------------------------------------------------- */

/* The id of the one live row that sql finds by id, or else by name (case
 * does not matter) for text; what names the kind of row in messages. */
static char *
find_by_id_or_name (ProspectDatabase  *db,
                    const char        *sql,
                    const char        *what,
                    const char        *text,
                    GError           **error)
{
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;
  guint matches = 0;
  int rc;

  stmt = prospect_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_id = (const char *) sqlite3_column_text (stmt, 0);

      if (matches++ == 0)
        id = g_strdup (row_id);
      if (g_str_equal (row_id, text))
        {
          matches = 1;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (matches == 1)
    return g_steal_pointer (&id);

  if (matches == 0)
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND,
                 /* TRANSLATORS: the first %s is "person" or "stage" */
                 _("no %s called “%s” (give a name or an id)"), what, text);
  else
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                 _("more than one %s is called “%s”: give the id instead"), what, text);
  return NULL;
}

static char *
find_person (ProspectDatabase  *db,
             const char        *text,
             GError           **error)
{
  return find_by_id_or_name (db,
                             "SELECT id FROM person WHERE deleted_at IS NULL"
                             " AND (id = ?1 OR name = ?1 COLLATE NOCASE)"
                             " ORDER BY id = ?1 DESC LIMIT 2",
                             _("person"), text, error);
}

static char *
find_stage (ProspectDatabase  *db,
            const char        *text,
            GError           **error)
{
  return find_by_id_or_name (db,
                             "SELECT id FROM stage WHERE deleted_at IS NULL"
                             " AND (id = ?1 OR name = ?1 COLLATE NOCASE)"
                             " ORDER BY id = ?1 DESC LIMIT 2",
                             _("stage"), text, error);
}

/* The same scopes as "prospect-cli report". person_id receives the id the
 * scope points into. */
static gboolean
parse_scope (ProspectDatabase  *db,
             const char        *text,
             ProspectScope     *scope,
             char             **person_id,
             GError           **error)
{
  scope->kind = PROSPECT_SCOPE_EVERYONE;
  scope->person_id = NULL;
  if (text == NULL || g_str_equal (text, "everyone"))
    return TRUE;

  if (g_str_has_prefix (text, "team:"))
    scope->kind = PROSPECT_SCOPE_TEAM;
  else if (g_str_has_prefix (text, "person:"))
    scope->kind = PROSPECT_SCOPE_PERSON;
  else
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("“%s” is not a scope: use everyone, team:NAME-OR-ID or person:NAME-OR-ID"), text);
      return FALSE;
    }

  *person_id = find_person (db, strchr (text, ':') + 1, error);
  scope->person_id = *person_id;
  return *person_id != NULL;
}

static gboolean
parse_priority (const char  *text,
                int         *priority,
                GError     **error)
{
  static const char * const names[] = { "low", "normal", "high" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *priority = i;
        return TRUE;
      }

  g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
               _("“%s” is not a priority: use low, normal or high"), text);
  return FALSE;
}

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

/* ---- the exports --------------------------------------------------------- */

static gboolean
build_filter (ProspectDatabase      *db,
              const Options         *options,
              const ProspectScope   *scope,
              ProspectExportFilter  *filter,
              GError               **error)
{
  ProspectPeriod period;

  if (!prospect_export_filter_set_scope (filter, db, scope, error))
    return FALSE;
  filter->status = g_strdup (options->status);
  if (options->stage != NULL && (filter->stage_id = find_stage (db, options->stage, error)) == NULL)
    return FALSE;
  if (options->priority != NULL && !parse_priority (options->priority, &filter->priority, error))
    return FALSE;
  if (options->period != NULL)
    {
      if (!prospect_period_parse (options->period, prospect_fiscal_start_month (db), &period, error))
        return FALSE;
      prospect_export_filter_set_period (filter, &period);
    }

  return TRUE;
}

static int
export_report (ProspectDatabase    *db,
               const Options       *options,
               const ProspectScope *scope)
{
  g_autoptr(ProspectReportPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  ProspectPeriod period;
  guint n_pages;

  if (options->status != NULL || options->stage != NULL || options->priority != NULL)
    return prospect_cli_usage_error ("export", _("The report takes only --period and --scope"));

  if (!prospect_period_parse (options->period != NULL ? options->period : "this-quarter",
                              prospect_fiscal_start_month (db), &period, &error))
    return prospect_cli_usage_error ("export", "%s", error->message);

  pack = prospect_report_pack_new (db, &period, scope, &error);
  if (pack == NULL || !prospect_report_pack_save_pdf (pack, options->output, &error))
    return prospect_cli_fail ("%s: %s", options->output, error->message);

  n_pages = prospect_report_pack_get_n_pages (pack, PROSPECT_REPORT_PACK_A4_WIDTH,
                                              PROSPECT_REPORT_PACK_A4_HEIGHT);
  g_print (ngettext ("Report pack “%s”: %u page written to %s\n",
                     "Report pack “%s”: %u pages written to %s\n", n_pages),
           prospect_report_pack_get_title (pack), n_pages, options->output);
  return PROSPECT_CLI_EXIT_OK;
}

static int
export_rows (ProspectDatabase    *db,
             const char          *what,
             const Options       *options,
             const ProspectScope *scope)
{
  g_auto(ProspectExportFilter) filter;
  g_autoptr(GError) error = NULL;
  ProspectExportTable table = PROSPECT_EXPORT_ACTIVITIES;
  gboolean calendar = g_str_equal (what, "calendar");

  prospect_export_filter_init (&filter);
  if (!calendar && !prospect_export_table_from_string (what, &table))
    return prospect_cli_usage_error ("export", _("“%s” is not something to export: use deals, activities, "
                                                 "accounts, contacts, calendar or report"), what);

  if (!build_filter (db, options, scope, &filter, &error) ||
      !prospect_export_filter_check (&filter, table, &error))
    return prospect_cli_usage_error ("export", "%s", error->message);

  if (calendar)
    {
      ProspectIcalCounts counts;

      if (!prospect_export_ical_save (db, &filter, options->output, &counts, NULL, &error))
        return prospect_cli_fail ("%s: %s", options->output, error->message);
      g_print (_("%" G_GUINT64_FORMAT " events, %" G_GUINT64_FORMAT " to-dos and %" G_GUINT64_FORMAT
                 " reminders written to %s\n"),
               counts.n_events, counts.n_todos, counts.n_alarms, options->output);
    }
  else
    {
      guint64 n_rows;

      if (!prospect_export_csv_save (db, table, &filter, options->output, &n_rows, NULL, &error))
        return prospect_cli_fail ("%s: %s", options->output, error->message);
      /* TRANSLATORS: "412 deals written to deals.csv"; %s is deals, activities, accounts or contacts */
      g_print (_("%" G_GUINT64_FORMAT " %s written to %s\n"), n_rows, what, options->output);
    }

  return PROSPECT_CLI_EXIT_OK;
}

int
prospect_cli_export (ProspectCli  *cli,
                     int           argc,
                     char        **argv)
{
  g_auto(Options) options = { NULL };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write to FILE (replaced only once the export is complete)"), N_("FILE") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &options.period,
      N_("Only this period: 2026-11, 2026-Q3, FY2026, this-quarter, previous-month… "
         "(the report's default: this-quarter)"), N_("PERIOD") },
    { "scope", 's', 0, G_OPTION_ARG_STRING, &options.scope,
      N_("Whose rows: everyone (default), team:NAME-OR-ID (everyone below that person) "
         "or person:NAME-OR-ID"), N_("SCOPE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &options.status,
      N_("Deals: open, won or lost; activities and calendar: open or done"), N_("STATUS") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &options.stage,
      N_("Deals in this stage (a name or an id)"), N_("STAGE") },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &options.priority,
      N_("Deals of this priority: low, normal or high"), N_("PRIORITY") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &options.today,
      N_("Work as if today were DATE (YYYY-MM-DD), for reports that can be made again"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    prospect_cli_context_new (cli, "export", _("deals|activities|accounts|contacts|calendar|report"),
                              _("Write deals, activities, accounts or contacts as CSV, activities as "
                                "an iCalendar file, or the report pack as a PDF."),
                              _("CSV files have a header line and one line per row, in UTF-8; they "
                                "read back through the import's generic preset. The calendar has a "
                                "VEVENT for each timed activity and a VTODO for each task or all-day "
                                "activity, with reminders as alarms. The report pack is an A4 PDF: "
                                "cover, target gauges, funnel, won by month against the previous "
                                "fiscal year, and a table per rep. The period of deals is their close "
                                "day (the expected one for open deals), of activities their due day, "
                                "of accounts and contacts the day they were created. The columns are "
                                "described in the README. Nothing in the database is changed."),
                              entries);
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person_id = NULL;
  ProspectScope scope;
  const char *path;

  if (!prospect_cli_parse (context, "export", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;

  if (argc < 2)
    return prospect_cli_usage_error ("export", _("Say what to export: deals, activities, accounts, "
                                                 "contacts, calendar or report"));
  if (argc > 2)
    return prospect_cli_usage_error ("export", _("Unexpected argument “%s”"), argv[2]);
  if (options.output == NULL)
    return prospect_cli_usage_error ("export", _("Give the file to write with --output FILE"));
  if (options.today != NULL && !set_today (options.today, &error))
    return prospect_cli_usage_error ("export", "%s", error->message);

  path = prospect_cli_get_database_path (cli);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return prospect_cli_fail (_("%s: no database file there"), path);

  db = prospect_database_open (path, &error);
  if (db == NULL)
    return prospect_cli_fail ("%s: %s", path, error->message);

  if (!parse_scope (db, options.scope, &scope, &person_id, &error))
    return prospect_cli_usage_error ("export", "%s", error->message);

  if (g_str_equal (argv[1], "report"))
    return export_report (db, &options, &scope);

  return export_rows (db, argv[1], &options, &scope);
}
