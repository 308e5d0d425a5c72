/* prospect-today-page.c - the Today page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-activity.h"
#include "prospect-clock.h"

#include "prospect-today-page.h"

struct _ProspectTodayPage
{
  ProspectPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ProspectTodayPage, prospect_today_page, PROSPECT_TYPE_PAGE)

/* Open activities of owner_id due in [start_ms, end_ms) or, for all-day
 * ones, on a date matching date_op against date. */
static gint64
count_due (ProspectDatabase  *db,
           const char        *owner_id,
           gint64             start_ms,
           gint64             end_ms,
           ProspectOp         date_op,
           const char        *date,
           GError           **error)
{
  g_autoptr(ProspectQuery) timed = prospect_activity_query_open_for_owner (owner_id);
  g_autoptr(ProspectQuery) all_day = prospect_activity_query_open_for_owner (owner_id);
  gint64 n_timed, n_all_day;

  if (start_ms > 0)
    prospect_query_where_int (timed, "due_at", PROSPECT_OP_GE, start_ms);
  prospect_query_where_int (timed, "due_at", PROSPECT_OP_LT, end_ms);
  prospect_query_where_text (all_day, "due_date", date_op, date);

  n_timed = prospect_query_count (timed, db, error);
  if (n_timed < 0)
    return -1;
  n_all_day = prospect_query_count (all_day, db, error);
  if (n_all_day < 0)
    return -1;

  return n_timed + n_all_day;
}

static char *
prospect_today_page_summarize (ProspectPage     *page,
                               ProspectDatabase *db,
                               const char       *me_id)
{
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autoptr(GDateTime) today_start = NULL;
  g_autoptr(GDateTime) tomorrow_start = NULL;
  g_autofree char *today = prospect_clock_today_iso ();
  g_autoptr(GError) error = NULL;
  gint64 today_ms, tomorrow_ms, overdue, due_today = 0;

  if (me_id == NULL)
    return NULL;

  today_start = g_date_time_new_local (g_date_time_get_year (now),
                                       g_date_time_get_month (now),
                                       g_date_time_get_day_of_month (now),
                                       0, 0, 0);
  tomorrow_start = g_date_time_add_days (today_start, 1);
  today_ms = g_date_time_to_unix (today_start) * 1000;
  tomorrow_ms = g_date_time_to_unix (tomorrow_start) * 1000;

  overdue = count_due (db, me_id, 0, today_ms, PROSPECT_OP_LT, today, &error);
  if (overdue >= 0)
    due_today = count_due (db, me_id, today_ms, tomorrow_ms, PROSPECT_OP_EQ, today, &error);
  if (error != NULL)
    {
      g_warning ("Could not count the day plan: %s", error->message);
      return NULL;
    }

  if (overdue == 0 && due_today == 0)
    return g_strdup (_("Nothing is due today"));

  /* Translators: "3 overdue · 5 today": open activities past their due
   * time and due today */
  return g_strdup_printf (_("%'d overdue · %'d today"), (int) overdue, (int) due_today);
}

static void
prospect_today_page_class_init (ProspectTodayPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->summarize = prospect_today_page_summarize;
}

static void
prospect_today_page_init (ProspectTodayPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Today"), "x-office-calendar-symbolic",
                       _("Your Day Plan"),
                       _("Overdue and today’s calls, meetings and tasks will appear here, in the order to do them."));
}
