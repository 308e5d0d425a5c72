/* prospect-coaching-plan.h - a skill a rep works on with their coach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "coaching_plan"): rep-id, coach-id,
 * skill (e.g. a step "Qualified → Proposal", or free text), why (the
 * indicator evidence), plan, starts-on and ends-on ("YYYY-MM-DD"),
 * indicator, baseline-value, target-value and reviewed-value (NaN = none),
 * status ("planned", "active", "reviewed"), review. */
#define PROSPECT_TYPE_COACHING_PLAN (prospect_coaching_plan_get_type ())
G_DECLARE_FINAL_TYPE (ProspectCoachingPlan, prospect_coaching_plan, PROSPECT, COACHING_PLAN, ProspectRecord)

ProspectCoachingPlan *prospect_coaching_plan_new                (void);
ProspectCoachingPlan *prospect_coaching_plan_load               (ProspectDatabase  *db,
                                                                 const char        *id,
                                                                 GError           **error);
const char           *prospect_coaching_plan_get_rep_id         (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_rep_id         (ProspectCoachingPlan *self,
                                                                 const char           *rep_id);
const char           *prospect_coaching_plan_get_coach_id       (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_coach_id       (ProspectCoachingPlan *self,
                                                                 const char           *coach_id);
const char           *prospect_coaching_plan_get_skill          (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_skill          (ProspectCoachingPlan *self,
                                                                 const char           *skill);
const char           *prospect_coaching_plan_get_why            (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_why            (ProspectCoachingPlan *self,
                                                                 const char           *why);
const char           *prospect_coaching_plan_get_plan           (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_plan           (ProspectCoachingPlan *self,
                                                                 const char           *plan);
const char           *prospect_coaching_plan_get_starts_on      (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_starts_on      (ProspectCoachingPlan *self,
                                                                 const char           *starts_on);
const char           *prospect_coaching_plan_get_ends_on        (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_ends_on        (ProspectCoachingPlan *self,
                                                                 const char           *ends_on);
const char           *prospect_coaching_plan_get_indicator      (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_indicator      (ProspectCoachingPlan *self,
                                                                 const char           *indicator);
double                prospect_coaching_plan_get_baseline_value (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_baseline_value (ProspectCoachingPlan *self,
                                                                 double                baseline_value);
double                prospect_coaching_plan_get_target_value   (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_target_value   (ProspectCoachingPlan *self,
                                                                 double                target_value);
const char           *prospect_coaching_plan_get_status         (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_status         (ProspectCoachingPlan *self,
                                                                 const char           *status);
const char           *prospect_coaching_plan_get_review         (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_review         (ProspectCoachingPlan *self,
                                                                 const char           *review);
double                prospect_coaching_plan_get_reviewed_value (ProspectCoachingPlan *self);
void                  prospect_coaching_plan_set_reviewed_value (ProspectCoachingPlan *self,
                                                                 double                reviewed_value);

/* The plans of rep_id, latest start first. */
ProspectQuery        *prospect_coaching_plan_query_for_rep (const char *rep_id);

G_END_DECLS
