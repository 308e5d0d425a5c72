/* prospect-pipeline.h - the board: deals per stage, bounded, with totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-deal.h"

G_BEGIN_DECLS

/* The state of a deal's next not-done activity, for the dot on its card.
 * Overdue wins over today, today over future; activities with neither a
 * time nor a date are not a plan and count as none. */
typedef enum
{
  PROSPECT_NEXT_ACTIVITY_NONE,
  PROSPECT_NEXT_ACTIVITY_OVERDUE,
  PROSPECT_NEXT_ACTIVITY_TODAY,
  PROSPECT_NEXT_ACTIVITY_FUTURE,
} ProspectNextActivity;

/* One column of the board: a stage and the count and summed amount (minor
 * units) of the scope's live deals in it, both computed by SQL. */
typedef struct
{
  char   *stage_id;
  char   *name;
  char   *kind;       /* "open", "won" or "lost" */
  gint64  n_deals;
  gint64  total;
} ProspectPipelineColumn;

/* One card: the deal plus what the card shows from other tables. */
typedef struct
{
  ProspectDeal         *deal;
  char                 *account_name;   /* NULL when the deal has no account */
  char                 *owner_name;
  ProspectNextActivity  next_activity;
} ProspectPipelineCard;

/* The owners whose deals a scope covers. Mine: me_id alone. Team: the
 * people reporting to my manager (me included), or to me when nobody
 * manages me or I manage people, plus me. */
GStrv      prospect_pipeline_scope_owners (ProspectDatabase  *db,
                                           const char        *me_id,
                                           gboolean           team,
                                           GError           **error);

/* Every stage in position order, with the totals of the owners' deals. */
GPtrArray *prospect_pipeline_columns      (ProspectDatabase  *db,
                                           const char *const *owner_ids,
                                           GError           **error);

/* Cards [offset, offset + limit) of the owners' deals in stage_id: open
 * stages by expected close (undated last), closed ones newest close
 * first. The next-activity state is computed against the core clock. */
GPtrArray *prospect_pipeline_cards        (ProspectDatabase  *db,
                                           const char *const *owner_ids,
                                           const char        *stage_id,
                                           gint64             offset,
                                           gint64             limit,
                                           GError           **error);

void       prospect_pipeline_column_free  (ProspectPipelineColumn *column);
void       prospect_pipeline_card_free    (ProspectPipelineCard   *card);

G_END_DECLS
