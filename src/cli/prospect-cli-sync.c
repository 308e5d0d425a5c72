/* prospect-cli-sync.c - "prospect-cli sync": one sync with the team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "prospect-cli-private.h"
#include "prospect-sync.h"

/* host, port, dbname and user out of a libpq connection string. */
static gboolean
parse_server (const char          *conninfo,
              ProspectSyncServer  *server,
              GError             **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);

  if (options == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("not a connection string: %s"),
                   message != NULL ? g_strstrip (message) : conninfo);
      PQfreemem (message);
      return FALSE;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL)
        continue;
      if (g_str_equal (option->keyword, "host"))
        server->host = g_strdup (option->val);
      else if (g_str_equal (option->keyword, "port"))
        server->port = (guint) g_ascii_strtoull (option->val, NULL, 10);
      else if (g_str_equal (option->keyword, "dbname"))
        server->database = g_strdup (option->val);
      else if (g_str_equal (option->keyword, "user"))
        server->user = g_strdup (option->val);
    }
  PQconninfoFree (options);

  if (server->database == NULL || server->user == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("name the database and your user: \"host=… dbname=… user=…\""));
      return FALSE;
    }

  return TRUE;
}

/* The first line of path ("-": standard input); NULL without a path. */
static char *
read_password (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;

  if (path == NULL)
    return NULL;

  if (g_str_equal (path, "-"))
    {
      char line[1024];

      if (fgets (line, sizeof line, stdin) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("no password on standard input"));
          return NULL;
        }
      contents = g_strdup (line);
    }
  else if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  contents[strcspn (contents, "\r\n")] = '\0';
  return g_steal_pointer (&contents);
}

int
prospect_cli_sync (ProspectCli  *cli,
                   int           argc,
                   char        **argv)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *password_file = NULL;
  gboolean join = FALSE;
  gboolean start = FALSE;
  const GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, &conninfo,
      N_("The team server and your user: \"host=db.example.com dbname=team user=rita\""), N_("CONNINFO") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("A file whose first line is your password (- = standard input)"), N_("FILE") },
    { "join", 0, 0, G_OPTION_ARG_NONE, &join,
      N_("Turn sync on for this database, sending only what changes from now on"), NULL },
    { "start", 0, 0, G_OPTION_ARG_NONE, &start,
      N_("Turn sync on for this database and send everything in it (the team's first database)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    prospect_cli_context_new (cli, "sync", NULL, _("Sync the database with the team server."),
                              _("Sends the changes made here since the last sync, then receives the "
                                "team's. Changes the server refuses (for a rep: targets, other people's "
                                "deals) are kept here and listed. Exit status 0 after a sync, 1 when the "
                                "server could not be reached or refused the login."),
                              entries);
  g_auto(ProspectSyncServer) server = { 0 };
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(ProspectSyncConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (!prospect_cli_parse (context, "sync", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;
  if (argc > 1)
    return prospect_cli_usage_error ("sync", _("Unexpected argument “%s”"), argv[1]);
  if (conninfo == NULL)
    return prospect_cli_usage_error ("sync", _("Name the team server with --server"));
  if (join && start)
    return prospect_cli_usage_error ("sync", _("Give --join or --start, not both"));
  if (!parse_server (conninfo, &server, &error))
    return prospect_cli_usage_error ("sync", "%s", error->message);

  if (password_file != NULL && (password = read_password (password_file, &error)) == NULL)
    return prospect_cli_fail (_("could not read the password: %s"), error->message);

  db = prospect_database_open (prospect_cli_get_database_path (cli), &error);
  if (db == NULL)
    return prospect_cli_fail ("%s", error->message);

  if ((join || start) && !prospect_sync_enable (db, start, &error))
    return prospect_cli_fail (_("could not turn sync on: %s"), error->message);
  if (!prospect_sync_is_enabled (db))
    return prospect_cli_usage_error ("sync", _("Sync is off for this database: give --join (or --start "
                                               "for the team's first database) once"));

  connection = prospect_sync_connection_open (&server, password, NULL, &error);
  if (connection == NULL || !prospect_sync_run (db, connection, &report, NULL, &error))
    return prospect_cli_fail ("%s", error->message);

  g_print (_("Sent %u changes (%u already on the server), received %u rows.\n"),
           report.pushed + report.duplicates, report.duplicates, report.pulled);
  if (report.conflicts > 0)
    g_print (ngettext ("%u value of yours was overwritten by a later change.\n",
                       "%u values of yours were overwritten by later changes.\n", report.conflicts),
             report.conflicts);
  if (prospect_sync_count_refused (db) > 0)
    g_print (_("%" G_GINT64_FORMAT " changes were refused by the server and are kept here.\n"),
             prospect_sync_count_refused (db));

  return PROSPECT_CLI_EXIT_OK;
}
