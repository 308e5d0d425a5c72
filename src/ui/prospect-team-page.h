/* prospect-team-page.h - the Team page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_TEAM_PAGE (prospect_team_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectTeamPage, prospect_team_page, PROSPECT, TEAM_PAGE, ProspectPage)

G_END_DECLS
