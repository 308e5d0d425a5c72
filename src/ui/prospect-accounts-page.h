/* prospect-accounts-page.h - the Accounts page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-page.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_ACCOUNTS_PAGE (prospect_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (ProspectAccountsPage, prospect_accounts_page, PROSPECT, ACCOUNTS_PAGE, ProspectPage)

/* Selects the account in the list (clearing a search that hides it) and
 * shows its page; on a narrow window the page slides over the list. */
void prospect_accounts_page_show_account (ProspectAccountsPage *self,
                                          const char           *account_id);

G_END_DECLS
