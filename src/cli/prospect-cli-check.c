/* prospect-cli-check.c - "prospect-cli check": is the file sound?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-cli-private.h"

/* Reads the schema version without opening the file through
 * ProspectDatabase, which would migrate an older file: a check must not
 * change what it checks. */
static gboolean
read_schema_version (const char  *path,
                     int         *version,
                     GError     **error)
{
  g_autoptr(sqlite3) handle = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE,
                   _("not a Prospect database (%s)"),
                   handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_schema_version (const char  *path,
                      int         *version,
                      GError     **error)
{
  if (!read_schema_version (path, version, error))
    return FALSE;

  if (*version == 0)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE,
                   _("not a Prospect database (it has no Prospect tables)"));
      return FALSE;
    }

  if (*version > PROSPECT_SCHEMA_VERSION)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_MIGRATION,
                   _("made by a newer Prospect (schema version %d; this prospect-cli knows up to %d)"),
                   *version, PROSPECT_SCHEMA_VERSION);
      return FALSE;
    }

  if (*version < PROSPECT_SCHEMA_VERSION)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_MIGRATION,
                   _("schema version %d is out of date; open the file in Prospect to upgrade it to version %d"),
                   *version, PROSPECT_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

int
prospect_cli_check (ProspectCli  *cli,
                    int           argc,
                    char        **argv)
{
  g_autoptr(GOptionContext) context =
    prospect_cli_context_new (cli, "check", NULL,
                              _("Check a database for damage and broken references."),
                              _("Checks that the file is a Prospect database of the schema version this "
                                "program knows, that SQLite finds no damage in it (integrity check) and "
                                "that every reference points at an existing row (foreign key check). "
                                "Nothing is changed. Exit status 0 when the database is sound, "
                                "1 when it has problems."),
                              NULL);
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  int version;

  if (!prospect_cli_parse (context, "check", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;

  if (argc > 1)
    return prospect_cli_usage_error ("check", _("Unexpected argument “%s”"), argv[1]);

  path = prospect_cli_get_database_path (cli);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return prospect_cli_fail (_("%s: no database file there"), path);

  if (!check_schema_version (path, &version, &error))
    return prospect_cli_fail ("%s: %s", path, error->message);

  db = prospect_database_open (path, &error);
  if (db == NULL || !prospect_database_check (db, &error))
    return prospect_cli_fail ("%s: %s", path, error->message);

  g_print (_("%s: no problems found (schema version %d)\n"), path, version);
  return PROSPECT_CLI_EXIT_OK;
}
