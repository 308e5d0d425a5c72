/* prospect-targets-page.c - the Targets page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-targets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-target.h"

#include "prospect-targets-page.h"

struct _ProspectTargetsPage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectTargetsPage, prospect_targets_page, PROSPECT_TYPE_PAGE)

static char *
prospect_targets_page_summarize (ProspectPage     *page,
                                 ProspectDatabase *db,
                                 const char       *me_id)
{
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 targets;

  if (me_id == NULL)
    return NULL;

  /* Targets this manager set: the team's and its reps'. */
  query = prospect_query_new (PROSPECT_TYPE_TARGET);
  prospect_query_where_text (query, "manager_id", PROSPECT_OP_EQ, me_id);
  targets = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count targets: %s", error->message);
      return NULL;
    }

  if (targets == 0)
    return g_strdup (_("You have set no targets yet"));

  return g_strdup_printf (ngettext ("%'d target set", "%'d targets set", targets),
                          (int) targets);
}

static void
prospect_targets_page_class_init (ProspectTargetsPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_targets_page_summarize;
}

static void
prospect_targets_page_init (ProspectTargetsPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Targets"), "find-location-symbolic",
                       _("Targets"),
                       _("Targets per rep and period, with attainment to date, will appear here."));
}
