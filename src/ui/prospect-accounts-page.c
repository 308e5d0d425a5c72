/* prospect-accounts-page.c - the Accounts page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-account.h"

#include "prospect-accounts-page.h"

struct _ProspectAccountsPage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectAccountsPage, prospect_accounts_page, PROSPECT_TYPE_PAGE)

static char *
prospect_accounts_page_summarize (ProspectPage     *page,
                                  ProspectDatabase *db,
                                  const char       *me_id)
{
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 owned;

  if (me_id == NULL)
    return NULL;

  query = prospect_account_query_by_owner (me_id);
  owned = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count accounts: %s", error->message);
      return NULL;
    }

  if (owned == 0)
    return g_strdup (_("No accounts are yours yet"));

  return g_strdup_printf (ngettext ("%'d account is yours", "%'d accounts are yours", owned),
                          (int) owned);
}

static void
prospect_accounts_page_class_init (ProspectAccountsPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_accounts_page_summarize;
}

static void
prospect_accounts_page_init (ProspectAccountsPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Accounts"), "x-office-address-book-symbolic",
                       _("Your Accounts"),
                       _("Your customers, their contacts and their deal history will appear here."));
}
