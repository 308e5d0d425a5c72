/* prospect-deal-stage-change.h - one move of a deal between stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "deal_stage_change"): deal-id,
 * from-stage-id (NULL for the deal's first stage), to-stage-id,
 * changed-at (UTC ms) and changed-by (person id or NULL). Deals write
 * these themselves; importers insert them directly when the source has
 * dated stage history. */
#define PROSPECT_TYPE_DEAL_STAGE_CHANGE (prospect_deal_stage_change_get_type ())
G_DECLARE_FINAL_TYPE (ProspectDealStageChange, prospect_deal_stage_change, PROSPECT, DEAL_STAGE_CHANGE, ProspectRecord)

ProspectDealStageChange *prospect_deal_stage_change_new               (void);
ProspectDealStageChange *prospect_deal_stage_change_load              (ProspectDatabase  *db,
                                                                       const char        *id,
                                                                       GError           **error);
const char              *prospect_deal_stage_change_get_deal_id       (ProspectDealStageChange *self);
void                     prospect_deal_stage_change_set_deal_id       (ProspectDealStageChange *self,
                                                                       const char              *deal_id);
const char              *prospect_deal_stage_change_get_from_stage_id (ProspectDealStageChange *self);
void                     prospect_deal_stage_change_set_from_stage_id (ProspectDealStageChange *self,
                                                                       const char              *from_stage_id);
const char              *prospect_deal_stage_change_get_to_stage_id   (ProspectDealStageChange *self);
void                     prospect_deal_stage_change_set_to_stage_id   (ProspectDealStageChange *self,
                                                                       const char              *to_stage_id);
gint64                   prospect_deal_stage_change_get_changed_at    (ProspectDealStageChange *self);
void                     prospect_deal_stage_change_set_changed_at    (ProspectDealStageChange *self,
                                                                       gint64                   changed_at);
const char              *prospect_deal_stage_change_get_changed_by    (ProspectDealStageChange *self);
void                     prospect_deal_stage_change_set_changed_by    (ProspectDealStageChange *self,
                                                                       const char              *changed_by);

/* The stage history of deal_id, oldest first. */
ProspectQuery           *prospect_deal_stage_change_query_for_deal (const char *deal_id);

G_END_DECLS
