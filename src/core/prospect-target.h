/* prospect-target.h - a goal per person or team and period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "target"): person-id (NULL = the whole
 * team of manager-id), manager-id, period-kind ("month", "quarter",
 * "year"), period-start ("YYYY-MM-DD"), metric ("won_value", "won_count",
 * "activities", "new_deals"), value (minor units for won_value),
 * currency. */
#define PROSPECT_TYPE_TARGET (prospect_target_get_type ())
G_DECLARE_FINAL_TYPE (ProspectTarget, prospect_target, PROSPECT, TARGET, ProspectRecord)

ProspectTarget *prospect_target_new              (void);
ProspectTarget *prospect_target_load             (ProspectDatabase  *db,
                                                  const char        *id,
                                                  GError           **error);
const char     *prospect_target_get_person_id    (ProspectTarget *self);
void            prospect_target_set_person_id    (ProspectTarget *self,
                                                  const char     *person_id);
const char     *prospect_target_get_manager_id   (ProspectTarget *self);
void            prospect_target_set_manager_id   (ProspectTarget *self,
                                                  const char     *manager_id);
const char     *prospect_target_get_period_kind  (ProspectTarget *self);
void            prospect_target_set_period_kind  (ProspectTarget *self,
                                                  const char     *period_kind);
const char     *prospect_target_get_period_start (ProspectTarget *self);
void            prospect_target_set_period_start (ProspectTarget *self,
                                                  const char     *period_start);
const char     *prospect_target_get_metric       (ProspectTarget *self);
void            prospect_target_set_metric       (ProspectTarget *self,
                                                  const char     *metric);
gint64          prospect_target_get_value        (ProspectTarget *self);
void            prospect_target_set_value        (ProspectTarget *self,
                                                  gint64          value);
const char     *prospect_target_get_currency     (ProspectTarget *self);
void            prospect_target_set_currency     (ProspectTarget *self,
                                                  const char     *currency);

/* The targets of person_id, and the team targets of manager_id
 * (person NULL), latest period first. */
ProspectQuery  *prospect_target_query_for_person (const char *person_id);
ProspectQuery  *prospect_target_query_for_team   (const char *manager_id);

G_END_DECLS
