/* prospect-my-coaching-page.h - the rep's own coaching: indicators
 * against the team, plans under way and the notes shared with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_MY_COACHING_PAGE (prospect_my_coaching_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectMyCoachingPage, prospect_my_coaching_page, PROSPECT, MY_COACHING_PAGE, ProspectPage)

G_END_DECLS
