/* prospect-cli.c - the headless tool: global options and dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <locale.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "prospect-cli-private.h"

static int prospect_cli_help (ProspectCli  *cli,
                              int           argc,
                              char        **argv);

/* Adding a subcommand is one row here plus its run function. */
static const ProspectCliCommand commands[] = {
  { "demo", N_("Fill an empty database with a sample sales team"), prospect_cli_demo },
  { "check", N_("Check a database for damage and broken references"), prospect_cli_check },
  { "report", N_("Print the sales figures of a period as JSON or CSV"), prospect_cli_report },
  { "server", N_("Set up a team server on PostgreSQL and add its people"), prospect_cli_server },
  { "sync", N_("Sync the database with the team server"), prospect_cli_sync },
  { "import", N_("Import deals from CSV exports (Maven, Salesforce, HubSpot, Pipedrive, generic)"), prospect_cli_import },
  { "export", N_("Write deals, activities, accounts or contacts as CSV, a calendar or the report pack"), prospect_cli_export },
  { "help", N_("Show help for prospect-cli or for one command"), prospect_cli_help },
};

static const ProspectCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static void
print_message (const char *format,
               va_list     args,
               const char *help_command)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);

  if (help_command != NULL && *help_command != '\0')
    g_printerr (_("Try “prospect-cli help %s” for more information.\n"), help_command);
  else if (help_command != NULL)
    g_printerr (_("Try “prospect-cli help” for more information.\n"));
}

int
prospect_cli_fail (const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  print_message (format, args, NULL);
  va_end (args);

  return PROSPECT_CLI_EXIT_FAILED;
}

int
prospect_cli_usage_error (const char *command,
                          const char *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  print_message (format, args, command != NULL ? command : "");
  va_end (args);

  return PROSPECT_CLI_EXIT_USAGE;
}

const char *
prospect_cli_get_database_path (ProspectCli *cli)
{
  if (cli->database_path == NULL)
    cli->database_path = prospect_database_default_path ();

  return cli->database_path;
}

static void
add_database_option (GOptionContext *context,
                     ProspectCli    *cli)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &cli->database_path,
      N_("Work on the database file PATH instead of the default one"), N_("PATH") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

GOptionContext *
prospect_cli_context_new (ProspectCli        *cli,
                          const char         *command,
                          const char         *parameter_string,
                          const char         *summary,
                          const char         *description,
                          const GOptionEntry *entries)
{
  g_autofree char *program = g_strdup_printf ("prospect-cli %s", command);
  GOptionContext *context = g_option_context_new (parameter_string);

  /* GOption prints the program name in "Usage:"; make it the subcommand. */
  g_set_prgname (program);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_database_option (context, cli);

  return context;
}

gboolean
prospect_cli_parse (GOptionContext   *context,
                    const char       *command,
                    int              *argc,
                    char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_set_prgname ("prospect-cli");
      prospect_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  g_set_prgname ("prospect-cli");
  return TRUE;
}

static char *
global_description (ProspectCli *cli)
{
  GString *text = g_string_new (_("Commands:"));
  g_autofree char *default_path = prospect_database_default_path ();

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-8s %s\n", commands[i].name, _(commands[i].summary));

  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Without --database the database is “%s”, the one the Prospect application uses."),
                          default_path);
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “prospect-cli help COMMAND” for the options of a command."));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Exit status: 0 on success, 1 when the command failed or found problems, 2 for a wrong command line."));

  return g_string_free (text, FALSE);
}

static GOptionContext *
global_context_new (ProspectCli *cli,
                    gboolean    *version)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the version and exit"), NULL },
    { NULL }
  };
  g_autofree char *description = global_description (cli);
  GOptionContext *context = g_option_context_new (_("COMMAND [OPTION…]"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Work with a Prospect database without the application: "
                                           "sample data, checks and more."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_database_option (context, cli);
  /* Stop at the command name: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

static int
prospect_cli_help (ProspectCli  *cli,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GOptionContext) context = prospect_cli_context_new (cli, "help", _("[COMMAND]"),
                                                                 _("Show help for prospect-cli or for one command."),
                                                                 NULL, NULL);
  const ProspectCliCommand *command;

  if (!prospect_cli_parse (context, "help", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;

  if (argc > 2)
    return prospect_cli_usage_error ("help", _("Give at most one command"));

  if (argc < 2 || g_str_equal (argv[1], "help"))
    {
      gboolean version = FALSE;
      g_autoptr(GOptionContext) global = global_context_new (cli, &version);
      g_autofree char *text = g_option_context_get_help (global, TRUE, NULL);

      g_print ("%s", text);
      return PROSPECT_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return prospect_cli_usage_error (NULL, _("“%s” is not a command"), argv[1]);

  /* The command's own --help is the one place its options are described. */
  {
    char *help_argv[] = { (char *) command->name, (char *) "--help", NULL };

    return command->run (cli, 2, help_argv);
  }
}

int
main (int    argc,
      char **argv)
{
  ProspectCli cli = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const ProspectCliCommand *command;
  gboolean version = FALSE;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("prospect-cli");

  cli.stderr_is_terminal = isatty (STDERR_FILENO);
  context = global_context_new (&cli, &version);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return prospect_cli_usage_error (NULL, "%s", error->message);

  if (version)
    {
      g_print ("prospect-cli %s\n", PACKAGE_VERSION);
      return PROSPECT_CLI_EXIT_OK;
    }

  if (argc < 2)
    return prospect_cli_usage_error (NULL, _("No command given"));

  command = find_command (argv[1]);
  if (command == NULL)
    return prospect_cli_usage_error (NULL, _("“%s” is not a command"), argv[1]);

  status = command->run (&cli, argc - 1, argv + 1);
  g_free (cli.database_path);

  return status;
}
