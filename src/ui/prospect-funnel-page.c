/* prospect-funnel-page.c - the Funnel page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-funnel-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-deal.h"

#include "prospect-funnel-page.h"

struct _ProspectFunnelPage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectFunnelPage, prospect_funnel_page, PROSPECT_TYPE_PAGE)

static char *
prospect_funnel_page_summarize (ProspectPage     *page,
                                ProspectDatabase *db,
                                const char       *me_id)
{
  g_autoptr(ProspectQuery) query = prospect_deal_query_all ();
  g_autoptr(GError) error = NULL;
  gint64 open;

  prospect_query_where_text (query, "status", PROSPECT_OP_EQ, "open");
  open = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count open deals: %s", error->message);
      return NULL;
    }

  if (open == 0)
    return g_strdup (_("No open deals in the pipeline yet"));

  return g_strdup_printf (ngettext ("%'d open deal in the pipeline",
                                    "%'d open deals in the pipeline",
                                    open),
                          (int) open);
}

static void
prospect_funnel_page_class_init (ProspectFunnelPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_funnel_page_summarize;
}

static void
prospect_funnel_page_init (ProspectFunnelPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Funnel"), "view-sort-descending-symbolic",
                       _("Team Funnel"),
                       _("The team’s deals by stage and the step-up rate from each stage to the next will appear here."));
}
