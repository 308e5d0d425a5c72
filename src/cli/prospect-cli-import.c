/* prospect-cli-import.c - "prospect-cli import": deals from CSV exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "prospect-cli-private.h"
#include "prospect-import.h"

typedef struct
{
  gboolean enabled;
  int      last_percent;
} Progress;

static void
progress_cb (double      fraction,
             const char *phase,
             gpointer    user_data)
{
  Progress *progress = user_data;
  int percent = (int) (fraction * 100);

  if (!progress->enabled || percent == progress->last_percent)
    return;

  progress->last_percent = percent;
  g_printerr ("\r\033[K%3d%%  %s", percent, phase);
}

static void
progress_finish (Progress *progress)
{
  if (progress->enabled && progress->last_percent >= 0)
    g_printerr ("\r\033[K");
}

static gboolean
parse_date_order (const char        *text,
                  ProspectDateOrder *order)
{
  if (text == NULL)
    *order = PROSPECT_DATE_ORDER_UNKNOWN;
  else if (g_ascii_strcasecmp (text, "mdy") == 0)
    *order = PROSPECT_DATE_ORDER_MDY;
  else if (g_ascii_strcasecmp (text, "dmy") == 0)
    *order = PROSPECT_DATE_ORDER_DMY;
  else
    return FALSE;

  return TRUE;
}

static void
print_notices (ProspectImport *import)
{
  GPtrArray *notices = prospect_import_get_notices (import);

  for (guint i = 0; i < notices->len; i++)
    g_print (_("Note: %s\n"), (const char *) g_ptr_array_index (notices, i));
}

static void
print_problems (ProspectImport *import)
{
  GPtrArray *problems = prospect_import_get_problems (import);

  if (problems->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u problem:\n", "%u problems:\n", problems->len), problems->len);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = prospect_import_problem_to_string (g_ptr_array_index (problems, i));
      g_print ("  %s\n", text);
    }
}

static void
print_stats (const ProspectImportStats *stats,
             gboolean                   preview)
{
  g_print ("%s\n", preview ? _("Preview (nothing written):") : _("Imported:"));
  g_print (_("  deals: %u new, %u updated, %u unchanged (of %u rows)\n"),
           stats->deals_new, stats->deals_updated, stats->deals_unchanged, stats->rows);
  g_print (_("  rows with problems: %u (skipped)\n"), stats->rows_with_problems);
  g_print (_("  people: %u new; accounts: %u new, %u updated; products: %u new; stages: %u new\n"),
           stats->people_new, stats->accounts_new, stats->accounts_updated, stats->products_new,
           stats->stages_new);
  g_print (_("  stage history entries: %u new\n"), stats->stage_changes_new);
}

static int
run_import (ProspectCli        *cli,
            ProspectImport     *import,
            gboolean            dry_run,
            gboolean            skip_bad)
{
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  ProspectImportStats stats;
  Progress progress = { cli->stderr_is_terminal, -1 };
  gboolean has_problems;
  gboolean preview;
  gboolean ok;

  db = prospect_database_open (prospect_cli_get_database_path (cli), &error);
  if (db == NULL)
    return prospect_cli_fail ("%s", error->message);

  if (!prospect_import_prepare (import, db, &error))
    return prospect_cli_fail ("%s", error->message);

  g_print (_("Preset: %s\n"), prospect_import_preset_get_name (prospect_import_get_preset (import)));
  print_problems (import);

  has_problems = prospect_import_get_problems (import)->len > 0;
  preview = dry_run || (has_problems && !skip_bad);

  ok = prospect_import_run (import, db,
                            skip_bad ? PROSPECT_IMPORT_SKIP_BAD_ROWS : PROSPECT_IMPORT_NOTHING_ON_PROBLEMS,
                            preview, NULL, progress_cb, &progress, &stats, &error);
  progress_finish (&progress);
  if (!ok)
    return prospect_cli_fail (_("Nothing was imported: %s"), error->message);

  /* After the run: it adds the stages it had to create. */
  print_notices (import);
  print_stats (&stats, preview);

  if (has_problems && !skip_bad)
    return prospect_cli_fail (_("Nothing was imported because of the problems above. Correct the file, "
                                "or use --skip-bad to import the good rows only."));

  return PROSPECT_CLI_EXIT_OK;
}

static gboolean
is_field (const char *name)
{
  const char * const *fields = prospect_import_get_fields ();

  return *name == '\0' || g_strv_contains (fields, name);
}

/* "--map Opportunity=title --map Customer=account": every other column of
 * the first file is skipped. */
static int
apply_mapping (ProspectImport      *import,
               const char * const  *rules)
{
  guint n_columns;
  const char * const *columns = prospect_import_get_columns (import, &n_columns);
  g_autofree const char **fields = g_new0 (const char *, n_columns + 1);

  for (guint c = 0; c < n_columns; c++)
    fields[c] = "";

  for (guint r = 0; rules[r] != NULL; r++)
    {
      const char *equals = strrchr (rules[r], '=');
      g_autofree char *column = equals ? g_strndup (rules[r], equals - rules[r]) : NULL;
      gboolean found = FALSE;

      if (equals == NULL || !is_field (equals + 1))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) prospect_import_get_fields ());
          return prospect_cli_usage_error ("import", _("“%s” is not COLUMN=FIELD with one of the fields: %s"),
                                           rules[r], known);
        }

      for (guint c = 0; c < n_columns; c++)
        if (g_str_equal (columns[c], column))
          {
            fields[c] = equals + 1;
            found = TRUE;
          }

      if (!found)
        return prospect_cli_usage_error ("import", _("The first file has no column “%s”"), column);
    }

  prospect_import_set_mapping (import, fields, n_columns);
  return PROSPECT_CLI_EXIT_OK;
}

int
prospect_cli_import (ProspectCli  *cli,
                     int           argc,
                     char        **argv)
{
  g_autofree char *preset_name = NULL;
  g_autofree char *date_order_name = NULL;
  g_auto(GStrv) mapping = NULL;
  gboolean dry_run = FALSE;
  gboolean skip_bad = FALSE;
  const GOptionEntry entries[] = {
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset_name,
      N_("What wrote the files: maven, salesforce, hubspot, pipedrive, generic, or auto (the default: "
         "recognised from the columns)"), N_("PRESET") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what would be imported and the problems, and write nothing"), NULL },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad,
      N_("Import the good rows and skip the rows with problems (without it, one bad row and "
         "nothing is imported)"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mapping,
      N_("Generic preset: import the column COLUMN of the first file as the field FIELD (title, account, "
         "owner, stage, amount, …); repeat for each column. Remembered for files with the same columns"),
      N_("COLUMN=FIELD") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order_name,
      N_("How to read dates such as 03/04/2017 when no date in the column tells: mdy (the "
         "default) or dmy"), N_("ORDER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    prospect_cli_context_new (cli, "import", _("FILE…"),
                              _("Import deals from CSV files exported by another CRM or a spreadsheet."),
                              _("Maven: give the folder of the “CRM + Sales + Opportunities” set or its "
                                "four files. Salesforce, HubSpot and Pipedrive: their deal or opportunity "
                                "export. Generic: columns named like Prospect’s fields (title, account, "
                                "owner, stage, amount, …), as “prospect-cli export” writes them.\n\n"
                                "Importing the same file again updates the same deals. Everything is "
                                "written in one transaction: on any failure nothing changes.\n\n"
                                "Exit status: 0 when the import was done (or, with --dry-run, would be "
                                "done), 1 when a file cannot be read, rows have problems (without "
                                "--skip-bad) or the database refused, 2 for a wrong command line."),
                              entries);
  g_autoptr(ProspectImport) import = prospect_import_new ();
  ProspectImportPreset preset = PROSPECT_IMPORT_PRESET_AUTO;
  ProspectDateOrder date_order;

  if (!prospect_cli_parse (context, "import", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;

  if (argc < 2)
    return prospect_cli_usage_error ("import", _("Name the file or files to import"));

  if (preset_name != NULL && !prospect_import_preset_from_name (preset_name, &preset))
    return prospect_cli_usage_error ("import", _("Unknown preset “%s”"), preset_name);

  if (!parse_date_order (date_order_name, &date_order))
    return prospect_cli_usage_error ("import", _("The date order must be “mdy” or “dmy”, not “%s”"),
                                     date_order_name);

  prospect_import_set_preset (import, preset);
  prospect_import_set_date_order (import, date_order);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!prospect_import_add_path (import, argv[i], &error))
        return prospect_cli_fail (_("Nothing was imported: %s"), error->message);
    }

  if (mapping != NULL)
    {
      int status;

      if (preset != PROSPECT_IMPORT_PRESET_AUTO && preset != PROSPECT_IMPORT_PRESET_GENERIC)
        return prospect_cli_usage_error ("import", _("--map goes with the generic preset only"));

      prospect_import_set_preset (import, PROSPECT_IMPORT_PRESET_GENERIC);
      if ((status = apply_mapping (import, (const char * const *) mapping)) != PROSPECT_CLI_EXIT_OK)
        return status;
    }

  return run_import (cli, import, dry_run, skip_bad);
}
