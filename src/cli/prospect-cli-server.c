/* prospect-cli-server.c - "prospect-cli server": set up a team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "prospect-cli-private.h"
#include "prospect-cli-resources.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define SERVER_SQL_RESOURCE "/io/github/prospect/Prospect/cli/prospect-server.sql"

/* Connects to conninfo (a libpq "host=… dbname=…" string or a
 * postgresql:// URI); NULL after printing why. */
static PGconn *
connect_server (const char *conninfo)
{
  PGconn *connection = PQconnectdb (conninfo);

  if (PQstatus (connection) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (connection)));

      prospect_cli_fail (_("could not connect to the team server: %s"), message);
      PQfinish (connection);
      return NULL;
    }

  return connection;
}

/* Runs sql; FALSE after printing why. */
static gboolean
run_sql (PGconn     *connection,
         const char *sql,
         const char *what)
{
  g_autoptr(PGresult) result = PQexec (connection, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  {
    g_autofree char *message = g_strstrip (g_strdup (PQresultErrorMessage (result)));

    prospect_cli_fail ("%s: %s", what, message);
  }
  return FALSE;
}

/* ---- init ---------------------------------------------------------------- */

static int
server_init (PGconn *connection)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (prospect_cli_get_resource (), SERVER_SQL_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    return prospect_cli_fail ("%s", error->message);

  data = g_bytes_get_data (bytes, &size);
  sql = g_strndup (data, size);

  /* All or nothing: a server is never left half set up */
  if (!run_sql (connection, "BEGIN", _("could not start")) ||
      !run_sql (connection, sql, _("could not set up the team server")) ||
      !run_sql (connection, "COMMIT", _("could not set up the team server")))
    return PROSPECT_CLI_EXIT_FAILED;

  g_print (_("The team server is ready in database “%s”. Add the people next:\n"
             "  prospect-cli server add-person --server … --person NAME --login ROLE\n"),
           PQdb (connection));
  return PROSPECT_CLI_EXIT_OK;
}

/* ---- add-person ---------------------------------------------------------- */

/* The first line of path, or of standard input when path is "-". */
static char *
read_password (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  char *newline;

  if (g_strcmp0 (path, "-") == 0)
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

  if ((newline = strpbrk (contents, "\r\n")) != NULL)
    *newline = '\0';
  if (*contents == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the password is empty"));
      return NULL;
    }

  return g_steal_pointer (&contents);
}

/* The person named (exactly, any case) or with this id in db. */
static ProspectPerson *
find_person (ProspectDatabase  *db,
             const char        *name_or_id,
             GError           **error)
{
  g_autoptr(ProspectQuery) query = prospect_person_query_all ();
  g_autoptr(GPtrArray) people = prospect_query_fetch (query, db, 0, -1, error);
  ProspectPerson *found = NULL;

  if (people == NULL)
    return NULL;

  for (guint i = 0; i < people->len; i++)
    {
      ProspectPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (prospect_record_get_id (PROSPECT_RECORD (person)), name_or_id) == 0 ||
          g_utf8_collate (prospect_person_get_name (person), name_or_id) == 0)
        {
          if (found != NULL)
            {
              g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                           _("more than one person is called “%s”: give their id"), name_or_id);
              return NULL;
            }
          found = person;
        }
    }

  if (found == NULL)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND,
                   _("nobody called “%s” in the local database"), name_or_id);
      return NULL;
    }

  return g_object_ref (found);
}

static gboolean
role_exists (PGconn     *connection,
             const char *login)
{
  const char *values[] = { login };
  g_autoptr(PGresult) result = PQexecParams (connection, "SELECT FROM pg_roles WHERE rolname = $1",
                                             1, NULL, values, NULL, NULL, 0);

  return PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0;
}

/* Creates the login role, or gives an existing one its membership (and
 * its new password). The password goes to the server already hashed. */
static gboolean
set_up_role (PGconn     *connection,
             const char *login,
             const char *password)
{
  g_autofree char *role = NULL;
  g_autofree char *sql = NULL;
  char *escaped = PQescapeIdentifier (connection, login, strlen (login));
  char *hashed = NULL;
  char *hashed_literal = NULL;
  gboolean ok;

  role = g_strdup (escaped);
  PQfreemem (escaped);

  if (password != NULL)
    {
      hashed = PQencryptPasswordConn (connection, password, login, "scram-sha-256");
      if (hashed == NULL)
        {
          prospect_cli_fail (_("could not hash the password: %s"), PQerrorMessage (connection));
          return FALSE;
        }
      hashed_literal = PQescapeLiteral (connection, hashed, strlen (hashed));
    }

  if (role_exists (connection, login))
    sql = g_strdup_printf ("ALTER ROLE %s LOGIN NOSUPERUSER NOBYPASSRLS%s%s; GRANT prospect_member TO %s",
                           role, hashed_literal ? " PASSWORD " : "", hashed_literal ? hashed_literal : "",
                           role);
  else
    sql = g_strdup_printf ("CREATE ROLE %s LOGIN NOBYPASSRLS%s%s IN ROLE prospect_member",
                           role, hashed_literal ? " PASSWORD " : "", hashed_literal ? hashed_literal : "");

  ok = run_sql (connection, sql, _("could not set up the login role"));
  PQfreemem (hashed);
  PQfreemem (hashed_literal);

  return ok;
}

/* The server's person row: the same id as on the laptop, so that the
 * people's deals and targets meet on the server. */
static gboolean
upsert_person (PGconn         *connection,
               ProspectPerson *person,
               const char     *login)
{
  ProspectRecord *record = PROSPECT_RECORD (person);
  g_autofree char *created = g_strdup_printf ("%" G_GINT64_FORMAT, prospect_record_get_created_at (record));
  g_autofree char *updated = g_strdup_printf ("%" G_GINT64_FORMAT, prospect_record_get_updated_at (record));
  const char *values[] = {
    prospect_record_get_id (record), created, updated, prospect_person_get_name (person),
    prospect_person_get_email (person), prospect_person_get_role (person),
    prospect_person_get_manager_id (person), prospect_person_get_region (person), login,
  };
  g_autoptr(PGresult) result =
    PQexecParams (connection,
                  "INSERT INTO prospect.person (id, created_at, updated_at, name, email, role, manager_id,"
                  " region, login_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                  " ON CONFLICT (id) DO UPDATE SET name = $4, email = $5, role = $6, manager_id = $7,"
                  " region = $8, login_role = $9, updated_at = $3",
                  G_N_ELEMENTS (values), NULL, values, NULL, NULL, 0);

  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    return TRUE;

  /* The usual mistake: the manager is not on the server yet */
  if (g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "23503") == 0)
    prospect_cli_fail (_("add %s’s manager to the team server first"), prospect_person_get_name (person));
  else
    prospect_cli_fail (_("could not add %s: %s"), prospect_person_get_name (person),
                       g_strstrip (PQresultErrorMessage (result)));
  return FALSE;
}

static int
server_add_person (ProspectCli *cli,
                   PGconn      *connection,
                   const char  *person_text,
                   const char  *login,
                   const char  *password_file)
{
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(ProspectPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  const char *path = prospect_cli_get_database_path (cli);

  if (person_text == NULL || login == NULL)
    return prospect_cli_usage_error ("server", _("add-person needs --person and --login"));

  if (password_file != NULL && (password = read_password (password_file, &error)) == NULL)
    return prospect_cli_fail (_("could not read the password: %s"), error->message);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return prospect_cli_fail (_("%s: no database file there"), path);
  db = prospect_database_open (path, &error);
  if (db == NULL || (person = find_person (db, person_text, &error)) == NULL)
    return prospect_cli_fail ("%s", error->message);

  if (!run_sql (connection, "BEGIN", _("could not start")) ||
      !set_up_role (connection, login, password) ||
      !upsert_person (connection, person, login) ||
      !run_sql (connection, "COMMIT", _("could not add the person")))
    return PROSPECT_CLI_EXIT_FAILED;

  g_print (_("%s can now sync as “%s”%s.\n"), prospect_person_get_name (person), login,
           password == NULL ? _(" (no password set: give one with --password-file)") : "");
  return PROSPECT_CLI_EXIT_OK;
}

int
prospect_cli_server (ProspectCli  *cli,
                     int           argc,
                     char        **argv)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *person = NULL;
  g_autofree char *login = NULL;
  g_autofree char *password_file = NULL;
  const GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, &conninfo,
      N_("The team database, as a libpq connection string (\"host=db.example.com dbname=team "
         "user=admin\") or URI; the user must be allowed to create roles"), N_("CONNINFO") },
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person,
      N_("add-person: who, by name or id, from the local database (--database)"), N_("NAME-OR-ID") },
    { "login", 'l', 0, G_OPTION_ARG_STRING, &login,
      N_("add-person: the PostgreSQL role they log in as"), N_("ROLE") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("add-person: a file whose first line is their password (- = standard input)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    prospect_cli_context_new (cli, "server", _("init|add-person"),
                              _("Set up a team server on PostgreSQL."),
                              _("init: creates the team schema, its roles and its row-level-security "
                                "policies in the database of --server (again: updates them).\n"
                                "add-person: makes a person of the local database a member of the "
                                "team server, with a login role of their own; add a manager before "
                                "their reps.\n"
                                "See the README, \"Team server\", for the whole set-up."),
                              entries);
  g_autoptr(PGconn) connection = NULL;

  if (!prospect_cli_parse (context, "server", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;

  if (argc != 2 || (!g_str_equal (argv[1], "init") && !g_str_equal (argv[1], "add-person")))
    return prospect_cli_usage_error ("server", _("Say what to do: init or add-person"));
  if (conninfo == NULL)
    return prospect_cli_usage_error ("server", _("Name the team database with --server"));

  if ((connection = connect_server (conninfo)) == NULL)
    return PROSPECT_CLI_EXIT_FAILED;

  if (g_str_equal (argv[1], "init"))
    return server_init (connection);

  return server_add_person (cli, connection, person, login, password_file);
}
