/* prospect-sync.h - offline-first sync of a local database with the team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"
#include "prospect-sync-connection.h"

G_BEGIN_DECLS

/* How it works (README, "Team server"):
 *
 *  - once sync is on, SQLite triggers copy every committed change of a
 *    synced table into the outbox (schema v5), in the same transaction,
 *    with its hybrid-logical-clock time and the times of the values it
 *    replaced; pulled rows are written with capture paused, so nothing
 *    comes back as an echo;
 *  - a sync pushes the outbox in order (in batches), then pulls what the
 *    team changed since the last cursor. The server applies each
 *    operation once (a batch whose answer was lost is sent again and
 *    changes nothing twice); it keeps the later value of each field
 *    (deletions win), and the value that lost is listed as a conflict. A
 *    change the server refuses (a rep writing a target) stays in the
 *    outbox as refused, with the server's reason: it is not lost;
 *  - a pulled value replaces the local one only when its time is later,
 *    so an edit made here while a sync ran is kept and sent next time. */

/* The tables kept in sync (the server's names are the same). */
const char * const *prospect_sync_entity_tables (void);

/* Makes the capture triggers of every synced table from its columns;
 * called by the migration to v5 and by later migrations that change
 * columns. */
gboolean  prospect_sync_install_capture (ProspectDatabase  *db,
                                         GError           **error);

/* Turns sync on for this database: a device id is made once and capture
 * starts. With send_existing every row already there is queued for the
 * first push (the database that starts a team server); without, only
 * what changes from now on is sent (a laptop that joins: it gets the
 * team's rows from the server). */
gboolean  prospect_sync_enable          (ProspectDatabase  *db,
                                         gboolean           send_existing,
                                         GError           **error);
gboolean  prospect_sync_is_enabled      (ProspectDatabase  *db);
/* This database's device id; NULL before sync was turned on. */
char     *prospect_sync_dup_device_id   (ProspectDatabase  *db);

/* Changes waiting for the server, and those it refused. */
gint64    prospect_sync_count_pending   (ProspectDatabase  *db);
gint64    prospect_sync_count_refused   (ProspectDatabase  *db);

typedef struct
{
  guint   pushed;          /* operations the server applied */
  guint   duplicates;      /* sent before; the server had them already */
  guint   refused;         /* newly refused, kept in the outbox */
  guint   pulled;          /* rows received */
  guint   conflicts;       /* values that lost, newly listed */
  char  **changed_tables;  /* tables that pulled rows changed, for ::changed */
} ProspectSyncReport;

void      prospect_sync_report_clear    (ProspectSyncReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProspectSyncReport, prospect_sync_report_clear)

/* One sync over connection: push everything pending, then pull. Blocks
 * on the network: run it in a worker thread with a database connection
 * of its own, then tell the main connection what changed
 * (report->changed_tables). On failure what was acknowledged stays
 * acknowledged and the rest is sent next time. */
gboolean  prospect_sync_run             (ProspectDatabase        *db,
                                         ProspectSyncConnection  *connection,
                                         ProspectSyncReport      *report,
                                         GCancellable            *cancellable,
                                         GError                 **error);

G_END_DECLS
