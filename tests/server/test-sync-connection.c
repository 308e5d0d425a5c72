/* test-sync-connection.c - the core's connection to a real team server
 *
 * Run by with-team-server.sh: PGHOST (socket directory) and PGPORT name a
 * throw-away PostgreSQL with the team of team.sql.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "prospect-sync-connection.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static guint
port (void)
{
  return (guint) g_ascii_strtoull (g_getenv ("PGPORT"), NULL, 10);
}

/* Over TCP, with the password, as a laptop would. */
static ProspectSyncConnection *
open_as (const char  *role,
         GError     **error)
{
  g_autofree char *password = g_strdup_printf ("%s secret", role);
  ProspectSyncServer server = { (char *) "127.0.0.1", port (), (char *) "team", (char *) role };

  return prospect_sync_connection_open (&server, password, NULL, error);
}

static ProspectSyncConnection *
open_ok (const char *role)
{
  g_autoptr(GError) error = NULL;
  ProspectSyncConnection *connection = open_as (role, &error);

  g_assert_no_error (error);
  g_assert_nonnull (connection);
  return connection;
}

/* A raw connection over the socket, for what a test does behind the
 * laptop's back. */
static PGconn *
raw_as (const char *role)
{
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=%s dbname=team user=%s",
                                               g_getenv ("PGHOST"), g_getenv ("PGPORT"), role);
  PGconn *connection = PQconnectdb (conninfo);

  g_assert_cmpint (PQstatus (connection), ==, CONNECTION_OK);
  return connection;
}

static void
raw_exec (PGconn     *connection,
          const char *sql)
{
  g_autoptr(PGresult) result = PQexec (connection, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
}

static char *
deal_op (const char *op_id,
         const char *deal_id,
         const char *owner,
         const char *hlc)
{
  return g_strdup_printf ("[{\"op\": \"%s\", \"entity\": \"deal\", \"id\": \"%s\", \"hlc\": \"%s\","
                          " \"fields\": {\"created_at\": 1, \"updated_at\": 1, \"title\": \"%s\","
                          " \"owner_id\": \"%s\", \"stage_id\": \"s1\", \"amount\": 100,"
                          " \"currency\": \"USD\", \"priority\": 1, \"status\": \"open\"}}]",
                          op_id, deal_id, hlc, deal_id, owner);
}

/* Collects "table id" of every pulled row. */
static gboolean
collect_cb (const char  *table,
            const char  *row_json,
            gpointer     user_data,
            GError     **error)
{
  GPtrArray *rows = user_data;
  const char *id = strstr (row_json, "\"id\": \"");
  g_autofree char *key = NULL;

  g_assert_nonnull (id);
  id += strlen ("\"id\": \"");
  key = g_strndup (id, strchr (id, '"') - id);
  g_ptr_array_add (rows, g_strdup_printf ("%s %s", table, key));
  return TRUE;
}

static gboolean
has_row (GPtrArray  *rows,
         const char *row)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (g_ptr_array_index (rows, i), row))
      return TRUE;

  return FALSE;
}

static char *
pull (ProspectSyncConnection *connection,
      const char             *cursor,
      GPtrArray              *rows)
{
  g_autoptr(GError) error = NULL;
  char *next = NULL;

  g_assert_true (prospect_sync_connection_pull (connection, cursor, collect_cb, rows, &next, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (next);
  return next;
}

static void
test_refused (void)
{
  g_autoptr(GError) wrong = NULL;
  g_autoptr(GError) nobody = NULL;
  g_autoptr(GError) away = NULL;
  ProspectSyncServer server = { (char *) "127.0.0.1", port (), (char *) "team", (char *) "rita" };
  ProspectSyncServer closed = { (char *) "127.0.0.1", 1, (char *) "team", (char *) "rita" };

  g_assert_null (prospect_sync_connection_open (&server, "not her password", NULL, &wrong));
  g_assert_error (wrong, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);

  g_assert_null (open_as ("stranger", &nobody));
  g_assert_error (nobody, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (nobody->message, "nobody on this team"));

  g_assert_null (prospect_sync_connection_open (&closed, "rita secret", NULL, &away));
  g_assert_error (away, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE);
}

static void
test_tls_only_for_remote (void)
{
  ProspectSyncServer local = { (char *) "127.0.0.1", 0, NULL, NULL };
  ProspectSyncServer socket = { (char *) "/run/postgresql", 0, NULL, NULL };
  ProspectSyncServer remote = { (char *) "db.example.com", 0, NULL, NULL };
  ProspectSyncServer lookalike = { (char *) "localhost.example.com", 0, NULL, NULL };

  g_assert_true (prospect_sync_server_is_local (&local));
  g_assert_true (prospect_sync_server_is_local (&socket));
  g_assert_false (prospect_sync_server_is_local (&remote));
  g_assert_false (prospect_sync_server_is_local (&lookalike));
}

/* A push whose answer was lost is sent again: nothing is applied twice. */
static void
test_push_twice (void)
{
  g_autoptr(ProspectSyncConnection) rita = open_ok ("rita");
  g_autoptr(GError) error = NULL;
  g_autofree char *ops = deal_op ("o1", "d-push", "p-rita", "000000000001000.00000.laptop");
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  first = prospect_sync_connection_push (rita, "laptop", ops, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, "\"status\": \"applied\""));

  again = prospect_sync_connection_push (rita, "laptop", ops, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (again, "\"status\": \"duplicate\""));
}

/* A manager's pull brings their rep's deal, not another team's; a pull
 * from the cursor it gave brings only what is new. */
static void
test_pull (void)
{
  g_autoptr(ProspectSyncConnection) rosa = open_ok ("rosa");
  g_autoptr(ProspectSyncConnection) max = open_ok ("max");
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) newer = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *rosa_ops = deal_op ("o1", "d-rosa", "p-rosa", "000000000002000.00000.rosa");
  g_autofree char *answer = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *next = NULL;

  answer = prospect_sync_connection_push (rosa, "rosa-laptop", rosa_ops, NULL, &error);
  g_assert_no_error (error);

  cursor = pull (max, NULL, all);
  g_assert_true (has_row (all, "person p-rita"));
  g_assert_true (has_row (all, "stage s1"));
  g_assert_true (has_row (all, "deal d-push"));
  g_assert_false (has_row (all, "deal d-rosa"));

  next = pull (max, cursor, newer);
  g_assert_false (has_row (newer, "deal d-push"));
}

/* A transaction still running at a pull commits its deal later: the next
 * pull from that pull's cursor brings it. */
static void
test_late_commit (void)
{
  g_autoptr(PGconn) ravi = raw_as ("ravi");
  g_autoptr(ProspectSyncConnection) max = open_ok ("max");
  g_autoptr(GPtrArray) during = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *late = deal_op ("o1", "d-late", "p-ravi", "000000000003000.00000.ravi");
  g_autofree char *push = g_strdup_printf ("SELECT prospect.push ('ravi-laptop', '%s')", late);
  g_autofree char *quick = deal_op ("o2", "d-quick", "p-ravi", "000000000003001.00000.ravi");
  g_autofree char *quick_push = g_strdup_printf ("SELECT prospect.push ('ravi-laptop', '%s')", quick);
  g_autoptr(PGconn) ravi_again = raw_as ("ravi");
  g_autofree char *cursor = NULL;
  g_autofree char *next = NULL;

  raw_exec (ravi, "BEGIN");
  raw_exec (ravi, push);
  raw_exec (ravi_again, quick_push);

  cursor = pull (max, NULL, during);
  g_assert_true (has_row (during, "deal d-quick"));
  g_assert_false (has_row (during, "deal d-late"));

  raw_exec (ravi, "COMMIT");
  next = pull (max, cursor, after);
  g_assert_true (has_row (after, "deal d-late"));
}

/* The server ends the connection (a network cut, a restart): the call
 * says so as a closed connection, to be retried later. */
static void
test_connection_cut (void)
{
  g_autoptr(ProspectSyncConnection) rita = open_ok ("rita");
  g_autoptr(PGconn) admin = raw_as ("postgres");
  g_autoptr(GError) error = NULL;
  g_autofree char *ops = deal_op ("o9", "d-cut", "p-rita", "000000000004000.00000.laptop");
  g_autofree char *answer = NULL;

  raw_exec (admin, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                   " WHERE usename = 'rita' AND application_name = 'Prospect'");
  answer = prospect_sync_connection_push (rita, "laptop", ops, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED);
}

static gboolean
cancel_cb (const char  *table,
           const char  *row_json,
           gpointer     user_data,
           GError     **error)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return TRUE;
}

/* Cancelled in the middle of a pull: it stops, says so, and the
 * connection goes on working. */
static void
test_cancel (void)
{
  g_autoptr(ProspectSyncConnection) max = open_ok ("max");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  g_assert_false (prospect_sync_connection_pull (max, NULL, cancel_cb, cancellable, &cursor,
                                                 cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cursor);

  cursor = pull (max, NULL, rows);
  g_assert_true (has_row (rows, "person p-max"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/sync-connection/refused", test_refused);
  g_test_add_func ("/server/sync-connection/tls-only-for-remote", test_tls_only_for_remote);
  g_test_add_func ("/server/sync-connection/push-twice", test_push_twice);
  g_test_add_func ("/server/sync-connection/pull", test_pull);
  g_test_add_func ("/server/sync-connection/late-commit", test_late_commit);
  g_test_add_func ("/server/sync-connection/connection-cut", test_connection_cut);
  g_test_add_func ("/server/sync-connection/cancel", test_cancel);

  return g_test_run ();
}
