/* prospect-targets-page.h - the Targets page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_TARGETS_PAGE (prospect_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectTargetsPage, prospect_targets_page, PROSPECT, TARGETS_PAGE, ProspectPage)

G_END_DECLS
