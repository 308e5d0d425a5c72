/* prospect-export.h - what every export shares: the filter and the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "prospect-analytics.h"

G_BEGIN_DECLS

/* Which rows an export writes: the filters of the pipeline list (owner,
 * status, stage, priority, a period). Every field left at its initial
 * value means "any"; soft-deleted rows are never written.
 *  - owner_ids: the owners whose rows go out (deals, activities and
 *    accounts by their owner, contacts by their account's owner); NULL =
 *    everyone's, owned or not; an empty list = nobody's;
 *  - status: deals "open", "won" or "lost"; activities "open" (not done)
 *    or "done"; not for accounts and contacts;
 *  - stage_id and priority (0 low, 1 normal, 2 high): deals only;
 *  - first_day..last_day (both valid, or both cleared): a deal's close
 *    day (closed_on of a closed deal, expected_close of an open one), an
 *    activity's due day (the local day of a timed one), the local day an
 *    account or contact was created. */
typedef struct
{
  GStrv  owner_ids;
  char  *status;
  char  *stage_id;
  int    priority;
  GDate  first_day;
  GDate  last_day;
} ProspectExportFilter;

void     prospect_export_filter_init       (ProspectExportFilter  *filter);
void     prospect_export_filter_clear      (ProspectExportFilter  *filter);
/* dest gets its own copy of src's fields (dest is initialised first). */
void     prospect_export_filter_copy       (const ProspectExportFilter *src,
                                            ProspectExportFilter       *dest);
void     prospect_export_filter_set_period (ProspectExportFilter  *filter,
                                            const ProspectPeriod  *period);
/* The owners of a scope, as prospect_report_compute() counts them:
 * PERSON = that person, TEAM = everyone below them (soft-deleted people
 * left out), EVERYONE = NULL (no owner filter). */
gboolean prospect_export_filter_set_scope  (ProspectExportFilter  *filter,
                                            ProspectDatabase      *db,
                                            const ProspectScope   *scope,
                                            GError               **error);

/* Writes one export to a stream; the file helper below calls it. */
typedef gboolean (*ProspectExportWriteFunc) (GOutputStream  *stream,
                                             gpointer        user_data,
                                             GCancellable   *cancellable,
                                             GError        **error);

/* Replaces path in one step: until write succeeds and the file is
 * closed, an existing file keeps its old content, and a failed or
 * cancelled export leaves nothing behind. */
gboolean prospect_export_to_file           (const char             *path,
                                            ProspectExportWriteFunc write,
                                            gpointer                user_data,
                                            GCancellable           *cancellable,
                                            GError                **error);

/* "2026-11-23T09:30:00Z": instants (UTC ms) in exports are UTC. */
char    *prospect_export_format_instant    (gint64                 ms);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProspectExportFilter, prospect_export_filter_clear)

G_END_DECLS
