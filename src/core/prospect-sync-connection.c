/* prospect-sync-connection.c - talking to the team server (libpq)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-sync"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>

#include "prospect-sync-connection.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

struct _ProspectSyncConnection
{
  PGconn *connection;
};

/* People and stages before the deals that name them, deals before their
 * history: a pulled row finds what it refers to already there. */
static const char * const sync_tables[] = {
  "person", "stage", "product", "account", "contact", "deal", "deal_stage_change",
  "activity", "todo_item", "field_change", "target", "coaching_plan", "coaching_note",
  "coaching_assessment", NULL,
};

const char * const *
prospect_sync_tables (void)
{
  return sync_tables;
}

void
prospect_sync_server_clear (ProspectSyncServer *server)
{
  g_clear_pointer (&server->host, g_free);
  g_clear_pointer (&server->database, g_free);
  g_clear_pointer (&server->user, g_free);
  server->port = 0;
}

gboolean
prospect_sync_server_is_local (const ProspectSyncServer *server)
{
  const char *host = server->host;

  return host == NULL || *host == '\0' || *host == '/' ||
         g_str_equal (host, "localhost") || g_str_equal (host, "::1") ||
         g_str_has_prefix (host, "127.");
}

/* ---- errors ------------------------------------------------------------- */

static char *
server_words (const char *message)
{
  return g_strstrip (g_strdup (message != NULL && *message != '\0' ? message : _("no reason given")));
}

/* A failed statement: what it means for the caller. */
static void
set_result_error (ProspectSyncConnection  *self,
                  const PGresult          *result,
                  GError                 **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *words = server_words (result != NULL ? PQresultErrorMessage (result)
                                                        : PQerrorMessage (self->connection));
  GIOErrorEnum code = G_IO_ERROR_FAILED;

  if (PQstatus (self->connection) == CONNECTION_BAD)
    code = G_IO_ERROR_CONNECTION_CLOSED;
  else if (g_strcmp0 (state, "57014") == 0)      /* query_canceled */
    code = G_IO_ERROR_CANCELLED;
  else if (g_strcmp0 (state, "42501") == 0)      /* insufficient_privilege */
    code = G_IO_ERROR_PERMISSION_DENIED;
  else if (state != NULL && g_str_has_prefix (state, "08"))  /* connection exceptions */
    code = G_IO_ERROR_CONNECTION_CLOSED;

  g_set_error (error, G_IO_ERROR, code, _("The team server said: %s"), words);
}

/* ---- running statements ---------------------------------------------------- */

/* Waits until libpq has a whole result to give, or the connection fails;
 * a cancelled call asks the server to stop the statement and goes on
 * waiting for its (error) result, so the connection stays usable. */
static gboolean
wait_for_result (ProspectSyncConnection *self,
                 GCancellable           *cancellable)
{
  GPollFD fds[2] = { { PQsocket (self->connection), G_IO_IN, 0 } };
  gboolean cancel_sent = FALSE;
  guint n_fds = 1;

  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fds[1]))
    n_fds = 2;

  while (PQisBusy (self->connection))
    {
      if (!cancel_sent && g_cancellable_is_cancelled (cancellable))
        {
          PGcancel *cancel = PQgetCancel (self->connection);
          char reason[256];

          PQcancel (cancel, reason, sizeof reason);
          PQfreeCancel (cancel);
          cancel_sent = TRUE;
          n_fds = 1;
        }

      if (g_poll (fds, n_fds, -1) < 0 && errno != EINTR)
        break;
      if (fds[0].revents != 0 && !PQconsumeInput (self->connection))
        break;
    }

  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);

  return !PQisBusy (self->connection);
}

/* The last result of the statement sent; NULL with error set when it
 * failed. */
static PGresult *
take_result (ProspectSyncConnection  *self,
             GCancellable            *cancellable,
             GError                 **error)
{
  PGresult *last = NULL;
  PGresult *result;

  for (;;)
    {
      if (!wait_for_result (self, cancellable))
        {
          g_clear_pointer (&last, PQclear);
          set_result_error (self, NULL, error);
          return NULL;
        }
      if ((result = PQgetResult (self->connection)) == NULL)
        break;
      g_clear_pointer (&last, PQclear);
      last = result;
    }

  if (last == NULL ||
      (PQresultStatus (last) != PGRES_COMMAND_OK && PQresultStatus (last) != PGRES_TUPLES_OK))
    {
      set_result_error (self, last, error);
      g_clear_pointer (&last, PQclear);
      return NULL;
    }

  return last;
}

static PGresult *
run (ProspectSyncConnection  *self,
     const char              *sql,
     int                      n_params,
     const char * const      *params,
     GCancellable            *cancellable,
     GError                 **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!PQsendQueryParams (self->connection, sql, n_params, NULL, params, NULL, NULL, 0))
    {
      set_result_error (self, NULL, error);
      return NULL;
    }

  return take_result (self, cancellable, error);
}

/* ---- opening -------------------------------------------------------------- */

ProspectSyncConnection *
prospect_sync_connection_open (const ProspectSyncServer  *server,
                               const char                *password,
                               GCancellable              *cancellable,
                               GError                   **error)
{
  g_autoptr(ProspectSyncConnection) self = NULL;
  g_autofree char *port = g_strdup_printf ("%u", server->port != 0 ? server->port : 5432);
  const char *keywords[] = {
    "host", "port", "dbname", "user", "password", "sslmode", "connect_timeout",
    "application_name", "client_encoding", NULL,
  };
  const char *values[] = {
    server->host, port, server->database, server->user, password,
    prospect_sync_server_is_local (server) ? "prefer" : "require", "10", "Prospect", "UTF8", NULL,
  };
  g_autoptr(PGresult) me = NULL;

  g_return_val_if_fail (server != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_new0 (ProspectSyncConnection, 1);
  self->connection = PQconnectdbParams (keywords, values, FALSE);
  if (PQstatus (self->connection) != CONNECTION_OK)
    {
      g_autofree char *words = server_words (PQerrorMessage (self->connection));

      /* Reached, but the password was refused */
      if (PQconnectionUsedPassword (self->connection) || PQconnectionNeedsPassword (self->connection))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("The team server refused the user name or password: %s"), words);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE,
                     _("Could not reach the team server: %s"), words);
      return NULL;
    }

  me = run (self, "SELECT prospect.me ()", 0, NULL, cancellable, error);
  if (me == NULL)
    return NULL;
  if (PQntuples (me) != 1 || PQgetisnull (me, 0, 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” is nobody on this team server: ask its administrator to add you"),
                   server->user);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
prospect_sync_connection_close (ProspectSyncConnection *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->connection, PQfinish);
  g_free (self);
}

/* ---- push and pull ---------------------------------------------------------- */

char *
prospect_sync_connection_push (ProspectSyncConnection  *self,
                               const char              *device_id,
                               const char              *ops_json,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  const char *params[] = { device_id, ops_json };
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (device_id != NULL && ops_json != NULL, NULL);

  result = run (self, "SELECT prospect.push ($1, $2::jsonb)::text", 2, params, cancellable, error);
  if (result == NULL)
    return NULL;

  return g_strdup (PQgetvalue (result, 0, 0));
}

/* Streams one table's rows written at or after cursor to each(). */
static gboolean
pull_table (ProspectSyncConnection  *self,
            const char              *table,
            const char              *cursor,
            ProspectSyncRowFunc      each,
            gpointer                 user_data,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT (to_jsonb (t) - 'xid')::text FROM prospect.%s t"
                                          " WHERE $1::xid8 IS NULL OR t.xid >= $1::xid8 ORDER BY t.xid",
                                          table);
  const char *params[] = { cursor };
  gboolean ok = TRUE;
  PGresult *result;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!PQsendQueryParams (self->connection, sql, 1, NULL, params, NULL, NULL, 0) ||
      !PQsetSingleRowMode (self->connection))
    {
      set_result_error (self, NULL, error);
      return FALSE;
    }

  /* One row at a time: a first pull of a large team does not hold every
   * row in memory. After a failure the rest is read and dropped, so the
   * connection is ready for the next statement. */
  for (;;)
    {
      if (!wait_for_result (self, cancellable))
        {
          if (ok)
            set_result_error (self, NULL, error);
          return FALSE;
        }
      if ((result = PQgetResult (self->connection)) == NULL)
        break;

      if (PQresultStatus (result) == PGRES_SINGLE_TUPLE)
        {
          if (ok && !each (table, PQgetvalue (result, 0, 0), user_data, error))
            ok = FALSE;
        }
      else if (PQresultStatus (result) != PGRES_TUPLES_OK && ok)
        {
          set_result_error (self, result, error);
          ok = FALSE;
        }
      PQclear (result);
    }

  return ok;
}

gboolean
prospect_sync_connection_pull (ProspectSyncConnection  *self,
                               const char              *cursor,
                               ProspectSyncRowFunc      each,
                               gpointer                 user_data,
                               char                   **next_cursor,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  g_autoptr(PGresult) begin = NULL;
  g_autoptr(PGresult) snapshot = NULL;
  g_autoptr(PGresult) commit = NULL;
  g_autofree char *cursor_now = NULL;

  g_return_val_if_fail (self != NULL && each != NULL && next_cursor != NULL, FALSE);

  /* The cursor and the rows come from one snapshot */
  begin = run (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL, cancellable, error);
  if (begin == NULL)
    return FALSE;
  snapshot = run (self, "SELECT prospect.pull_cursor ()::text", 0, NULL, cancellable, error);
  if (snapshot == NULL)
    goto rollback;
  cursor_now = g_strdup (PQgetvalue (snapshot, 0, 0));

  for (guint i = 0; sync_tables[i] != NULL; i++)
    if (!pull_table (self, sync_tables[i], cursor, each, user_data, cancellable, error))
      goto rollback;

  commit = run (self, "COMMIT", 0, NULL, cancellable, error);
  if (commit == NULL)
    return FALSE;

  *next_cursor = g_steal_pointer (&cursor_now);
  return TRUE;

rollback:
  if (PQstatus (self->connection) == CONNECTION_OK)
    PQclear (PQexec (self->connection, "ROLLBACK"));
  return FALSE;
}
