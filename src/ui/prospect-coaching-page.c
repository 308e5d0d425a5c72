/* prospect-coaching-page.c - the Coaching page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-coaching-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-coaching-plan.h"

#include "prospect-coaching-page.h"

struct _ProspectCoachingPage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectCoachingPage, prospect_coaching_page, PROSPECT_TYPE_PAGE)

static char *
prospect_coaching_page_summarize (ProspectPage     *page,
                                  ProspectDatabase *db,
                                  const char       *me_id)
{
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plans;

  if (me_id == NULL)
    return NULL;

  query = prospect_query_new (PROSPECT_TYPE_COACHING_PLAN);
  prospect_query_where_text (query, "coach_id", PROSPECT_OP_EQ, me_id);
  prospect_query_where_text (query, "status", PROSPECT_OP_NE, "reviewed");
  plans = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count coaching plans: %s", error->message);
      return NULL;
    }

  if (plans == 0)
    return g_strdup (_("No coaching plans under way"));

  return g_strdup_printf (ngettext ("%'d coaching plan under way",
                                    "%'d coaching plans under way",
                                    plans),
                          (int) plans);
}

static void
prospect_coaching_page_class_init (ProspectCoachingPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_coaching_page_summarize;
}

static void
prospect_coaching_page_init (ProspectCoachingPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Coaching"), "chat-message-new-symbolic",
                       _("Coaching"),
                       _("1:1 notes and coaching plans, built from each rep’s weakest step, will appear here."));
}
