/* prospect-today-page.h - the Today page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_TODAY_PAGE (prospect_today_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectTodayPage, prospect_today_page, PROSPECT, TODAY_PAGE, ProspectPage)

G_END_DECLS
