/* prospect-pipeline-list.h - the pipeline's deals as a sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "prospect-database.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_PIPELINE_LIST (prospect_pipeline_list_get_type ())
G_DECLARE_FINAL_TYPE (ProspectPipelineList, prospect_pipeline_list, PROSPECT, PIPELINE_LIST, GtkBox)

ProspectPipelineList *prospect_pipeline_list_new          (void);
void                  prospect_pipeline_list_set_database (ProspectPipelineList *self,
                                                           ProspectDatabase     *database);
/* The people the owner filter offers (the first is the default), as the
 * board's scope: me, or my team. */
void                  prospect_pipeline_list_set_owners   (ProspectPipelineList *self,
                                                           const char *const    *owner_ids);

G_END_DECLS
