/* prospect-deal-insights.h - what won deals did in a deal's stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"

G_BEGIN_DECLS

/* Fewer won deals than this are no pattern: the team's sample falls back
 * to everyone's, and with fewer than this overall nothing is compared. */
#define PROSPECT_DEAL_INSIGHTS_MIN_WON 5

/* A hint for an open deal, learned from won deals: how long they stayed in
 * the deal's current stage and how many activities were done on them while
 * there (medians over the won deals that passed through it), next to this
 * deal's own figures so far. Anonymous by design: no names, no ranking.
 *
 * Time in a stage runs from a deal_stage_change into it to the deal's next
 * change; several stays of one deal add up. Activities in the stage are
 * the deal's activities done in those spans. The sample is the 1,000
 * most recently closed won deals of the team (or of everyone). */
typedef struct
{
  char     *stage_name;
  gboolean  team;               /* TRUE: won deals of the owner's team (same manager); FALSE: everyone's */
  guint     n_won;              /* won deals in the sample */
  gboolean  enough;             /* n_won >= PROSPECT_DEAL_INSIGHTS_MIN_WON: the medians are set */
  double    median_days;
  double    median_activities;
  double    days;               /* this deal, so far */
  guint     activities;         /* this deal, so far */
  char     *text;               /* the hint as a sentence, translated */
} ProspectDealInsights;

void                  prospect_deal_insights_free    (ProspectDealInsights *insights);

/* The hint for deal_id against the core clock; NULL without an error when
 * the deal is closed (won and lost deals get no hint); NULL + error when
 * it does not exist or the database fails. */
ProspectDealInsights *prospect_deal_insights_compute (ProspectDatabase  *db,
                                                      const char        *deal_id,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectDealInsights, prospect_deal_insights_free)

G_END_DECLS
