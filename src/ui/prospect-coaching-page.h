/* prospect-coaching-page.h - the Coaching page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_COACHING_PAGE (prospect_coaching_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectCoachingPage, prospect_coaching_page, PROSPECT, COACHING_PAGE, ProspectPage)

G_END_DECLS
