/* prospect-my-numbers-page.h - the My Numbers page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_MY_NUMBERS_PAGE (prospect_my_numbers_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectMyNumbersPage, prospect_my_numbers_page, PROSPECT, MY_NUMBERS_PAGE, ProspectPage)

G_END_DECLS
