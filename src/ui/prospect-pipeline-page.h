/* prospect-pipeline-page.h - the Pipeline page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_PIPELINE_PAGE (prospect_pipeline_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectPipelinePage, prospect_pipeline_page, PROSPECT, PIPELINE_PAGE, ProspectPage)

G_END_DECLS
