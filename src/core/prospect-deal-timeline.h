/* prospect-deal-timeline.h - what happened to one deal, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"

G_BEGIN_DECLS

typedef enum
{
  PROSPECT_TIMELINE_ACTIVITY_DONE,
  PROSPECT_TIMELINE_ACTIVITY_PLANNED,
  PROSPECT_TIMELINE_STAGE_CHANGE,
  PROSPECT_TIMELINE_FIELD_CHANGE,
} ProspectTimelineKind;

/* One entry. at is UTC ms; for an all-day activity it is the start of its
 * day (UTC) and all_day is set, so that only the day is shown. who is the
 * person's name (NULL when unknown); text is the whole sentence, already
 * translated, e.g. "Ana Murphy moved it from Qualified to Proposal". */
typedef struct
{
  gint64                at;
  gboolean              all_day;
  ProspectTimelineKind  kind;
  char                 *who;
  char                 *text;
} ProspectTimelineEntry;

void       prospect_timeline_entry_free (ProspectTimelineEntry *entry);

/* At most limit entries of deal_id, newest first: its activities (done
 * ones at their done time, planned ones at their due time), its stage
 * moves and its logged field changes. Money values are formatted in the
 * deal's currency. One query per source, each bounded by limit. A
 * GPtrArray of ProspectTimelineEntry. */
GPtrArray *prospect_deal_timeline       (ProspectDatabase  *db,
                                         const char        *deal_id,
                                         guint              limit,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectTimelineEntry, prospect_timeline_entry_free)

G_END_DECLS
