/* prospect-stage.h - a step of the sales pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "stage"): name, position (0 first),
 * kind ("open", "won", "lost") and probability (the default win
 * probability of deals in the stage, 0-100). */
#define PROSPECT_TYPE_STAGE (prospect_stage_get_type ())
G_DECLARE_FINAL_TYPE (ProspectStage, prospect_stage, PROSPECT, STAGE, ProspectRecord)

ProspectStage *prospect_stage_new             (void);
ProspectStage *prospect_stage_load            (ProspectDatabase  *db,
                                               const char        *id,
                                               GError           **error);
const char    *prospect_stage_get_name        (ProspectStage *self);
void           prospect_stage_set_name        (ProspectStage *self,
                                               const char    *name);
gint           prospect_stage_get_position    (ProspectStage *self);
void           prospect_stage_set_position    (ProspectStage *self,
                                               gint           position);
const char    *prospect_stage_get_kind        (ProspectStage *self);
void           prospect_stage_set_kind        (ProspectStage *self,
                                               const char    *kind);
gint           prospect_stage_get_probability (ProspectStage *self);
void           prospect_stage_set_probability (ProspectStage *self,
                                               gint           probability);

/* The live stages in pipeline order (position, then id). */
ProspectQuery   *prospect_stage_query_ordered    (void);
/* The same, fetched: element type ProspectStage. */
GPtrArray       *prospect_stage_list_ordered     (ProspectDatabase  *db,
                                                  GError           **error);

G_END_DECLS
