/* prospect-pipeline-page.c - the Pipeline page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-pipeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-deal.h"

#include "prospect-pipeline-page.h"

struct _ProspectPipelinePage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectPipelinePage, prospect_pipeline_page, PROSPECT_TYPE_PAGE)

static char *
prospect_pipeline_page_summarize (ProspectPage     *page,
                                  ProspectDatabase *db,
                                  const char       *me_id)
{
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 open;

  if (me_id == NULL)
    return NULL;

  query = prospect_deal_query_open_for_owner (me_id);
  open = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count open deals: %s", error->message);
      return NULL;
    }

  if (open == 0)
    return g_strdup (_("You have no open deals yet"));

  return g_strdup_printf (ngettext ("%'d open deal", "%'d open deals", open), (int) open);
}

static void
prospect_pipeline_page_class_init (ProspectPipelinePageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_pipeline_page_summarize;
}

static void
prospect_pipeline_page_init (ProspectPipelinePage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Pipeline"), "view-paged-symbolic",
                       _("Your Pipeline"),
                       _("Your open deals will appear here by stage, ready to move on with a drag or a keystroke."));
}
