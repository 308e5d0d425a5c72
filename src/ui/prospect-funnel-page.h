/* prospect-funnel-page.h - the Funnel page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_FUNNEL_PAGE (prospect_funnel_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectFunnelPage, prospect_funnel_page, PROSPECT, FUNNEL_PAGE, ProspectPage)

G_END_DECLS
