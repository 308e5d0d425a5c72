/* prospect-sync-connection.h - talking to the team server (libpq)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the team server is. The password is not here: it lives in the
 * desktop keyring and is given to prospect_sync_connection_open(). */
typedef struct
{
  char  *host;      /* a name, an address, or a Unix socket directory */
  guint  port;      /* 0 = 5432 */
  char  *database;
  char  *user;      /* the person's login role */
} ProspectSyncServer;

void      prospect_sync_server_clear    (ProspectSyncServer *server);
/* Whether traffic to host stays on this machine (loopback or a Unix
 * socket): only then may it go without TLS. */
gboolean  prospect_sync_server_is_local (const ProspectSyncServer *server);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProspectSyncServer, prospect_sync_server_clear)

/* One connection, used from one thread at a time (sync runs in a worker
 * thread: every call here blocks on the network). A call in progress
 * stops when its GCancellable is cancelled.
 *
 * Errors: G_IO_ERROR_CONNECTION_CLOSED / G_IO_ERROR_HOST_UNREACHABLE /
 * G_IO_ERROR_TIMED_OUT when the network or the server is away (retry
 * later; nothing the server did not acknowledge was applied twice),
 * G_IO_ERROR_PERMISSION_DENIED for a wrong password or a role that is
 * nobody on the team, G_IO_ERROR_CANCELLED, G_IO_ERROR_FAILED otherwise,
 * each with the server's words. */
typedef struct _ProspectSyncConnection ProspectSyncConnection;

/* TLS is required unless the server is local. */
ProspectSyncConnection *prospect_sync_connection_open   (const ProspectSyncServer  *server,
                                                         const char                *password,
                                                         GCancellable              *cancellable,
                                                         GError                   **error);
void                    prospect_sync_connection_close  (ProspectSyncConnection    *self);

/* Sends operations (a JSON array, see prospect.push() in
 * data/server/prospect-server.sql) and returns the server's answer, a
 * JSON array with one result per operation. The server records the
 * operations it applied in the same transaction, so sending the same ones
 * again after a lost answer applies nothing twice. */
char                   *prospect_sync_connection_push   (ProspectSyncConnection    *self,
                                                         const char                *device_id,
                                                         const char                *ops_json,
                                                         GCancellable              *cancellable,
                                                         GError                   **error);

/* Called for every row pulled: table is the server table's name, row its
 * columns as a JSON object. Returning FALSE (with error set) stops the
 * pull. */
typedef gboolean (*ProspectSyncRowFunc) (const char  *table,
                                         const char  *row_json,
                                         gpointer     user_data,
                                         GError     **error);

/* Reads every row the person may see that was written at or after
 * cursor (NULL: everything), table by table in the order references need
 * (people and stages before deals, deals before their history), in one
 * snapshot, streaming, and sets next_cursor for the next pull. Rows
 * written by transactions still running now are read next time. */
gboolean                prospect_sync_connection_pull   (ProspectSyncConnection    *self,
                                                         const char                *cursor,
                                                         ProspectSyncRowFunc        each,
                                                         gpointer                   user_data,
                                                         char                     **next_cursor,
                                                         GCancellable              *cancellable,
                                                         GError                   **error);

/* The tables a pull reads, in that order. */
const char * const     *prospect_sync_tables            (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectSyncConnection, prospect_sync_connection_close)

G_END_DECLS
