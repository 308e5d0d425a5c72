/* prospect-team-page.c - the Team page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-team-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-person.h"

#include "prospect-team-page.h"

struct _ProspectTeamPage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectTeamPage, prospect_team_page, PROSPECT_TYPE_PAGE)

static char *
prospect_team_page_summarize (ProspectPage     *page,
                              ProspectDatabase *db,
                              const char       *me_id)
{
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 reports;

  if (me_id == NULL)
    return NULL;

  query = prospect_person_query_reports (me_id);
  reports = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count the team: %s", error->message);
      return NULL;
    }

  if (reports == 0)
    return g_strdup (_("Nobody reports to you yet"));

  return g_strdup_printf (ngettext ("%'d person reports to you",
                                    "%'d people report to you",
                                    reports),
                          (int) reports);
}

static void
prospect_team_page_class_init (ProspectTeamPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_team_page_summarize;
}

static void
prospect_team_page_init (ProspectTeamPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Team"), "system-users-symbolic",
                       _("Your Team"),
                       _("Each rep’s pipeline, activity and target attainment will appear here."));
}
