/* prospect-my-numbers-page.c - the My Numbers page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-my-numbers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-clock.h"
#include "prospect-deal.h"

#include "prospect-my-numbers-page.h"

struct _ProspectMyNumbersPage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectMyNumbersPage, prospect_my_numbers_page, PROSPECT_TYPE_PAGE)

static char *
prospect_my_numbers_page_summarize (ProspectPage     *page,
                                    ProspectDatabase *db,
                                    const char       *me_id)
{
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autofree char *month_start = NULL;
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 won;

  if (me_id == NULL)
    return NULL;

  month_start = g_date_time_format (now, "%Y-%m-01");
  query = prospect_query_new (PROSPECT_TYPE_DEAL);
  prospect_query_where_text (query, "owner_id", PROSPECT_OP_EQ, me_id);
  prospect_query_where_text (query, "status", PROSPECT_OP_EQ, "won");
  prospect_query_where_text (query, "closed_on", PROSPECT_OP_GE, month_start);
  won = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count won deals: %s", error->message);
      return NULL;
    }

  if (won == 0)
    return g_strdup (_("No deals won yet this month"));

  return g_strdup_printf (ngettext ("%'d deal won this month", "%'d deals won this month", won),
                          (int) won);
}

static void
prospect_my_numbers_page_class_init (ProspectMyNumbersPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_my_numbers_page_summarize;
}

static void
prospect_my_numbers_page_init (ProspectMyNumbersPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("My Numbers"), "x-office-spreadsheet-symbolic",
                       _("Your Numbers"),
                       _("Won value against your target, your conversion rates and your activity volume will appear here."));
}
