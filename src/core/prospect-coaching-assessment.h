/* prospect-coaching-assessment.h - a director's word on a coaching plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "coaching_assessment", schema v3):
 * plan-id (the coaching plan), author-id (the director who wrote it),
 * written-on ("YYYY-MM-DD") and body. */
#define PROSPECT_TYPE_COACHING_ASSESSMENT (prospect_coaching_assessment_get_type ())
G_DECLARE_FINAL_TYPE (ProspectCoachingAssessment, prospect_coaching_assessment, PROSPECT, COACHING_ASSESSMENT, ProspectRecord)

ProspectCoachingAssessment *prospect_coaching_assessment_new            (void);
ProspectCoachingAssessment *prospect_coaching_assessment_load           (ProspectDatabase  *db,
                                                                         const char        *id,
                                                                         GError           **error);
const char                 *prospect_coaching_assessment_get_plan_id    (ProspectCoachingAssessment *self);
void                        prospect_coaching_assessment_set_plan_id    (ProspectCoachingAssessment *self,
                                                                         const char                 *plan_id);
const char                 *prospect_coaching_assessment_get_author_id  (ProspectCoachingAssessment *self);
void                        prospect_coaching_assessment_set_author_id  (ProspectCoachingAssessment *self,
                                                                         const char                 *author_id);
const char                 *prospect_coaching_assessment_get_written_on (ProspectCoachingAssessment *self);
void                        prospect_coaching_assessment_set_written_on (ProspectCoachingAssessment *self,
                                                                         const char                 *written_on);
const char                 *prospect_coaching_assessment_get_body       (ProspectCoachingAssessment *self);
void                        prospect_coaching_assessment_set_body       (ProspectCoachingAssessment *self,
                                                                         const char                 *body);

/* The assessments of plan_id, oldest first. */
ProspectQuery              *prospect_coaching_assessment_query_for_plan (const char *plan_id);

G_END_DECLS
