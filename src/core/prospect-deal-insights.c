/* prospect-deal-insights.c - what won deals did in a deal's stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal-insights"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-deal-insights.h"
#include "prospect-error.h"

#define MS_PER_DAY (24 * 60 * 60 * 1000.0)

/* The sample: the most recently won deals. Recent wins say more about
 * what works now, and the hint costs the same on a ten-year database. */
#define SAMPLE_LIMIT 1000

/* When a stay that began with change c ended: the deal's next change
 * (same instant: the later row), NULL while it lasts. */
#define LEFT_AT \
  "(SELECT n.changed_at FROM deal_stage_change n WHERE n.deal_id = c.deal_id" \
  " AND n.deleted_at IS NULL AND (n.changed_at > c.changed_at" \
  " OR (n.changed_at = c.changed_at AND n.rowid > c.rowid))" \
  " ORDER BY n.changed_at, n.rowid LIMIT 1)"

#define DONE_IN_STAY(until) \
  "(SELECT count(*) FROM activity a WHERE a.deal_id = s.deal_id AND a.deleted_at IS NULL" \
  " AND a.done_at >= s.entered AND a.done_at < " until ")"

/* Per won deal of the sample (owners chosen by filter): its time in stage
 * ?1 and the activities done meanwhile. The won deals come first (CROSS
 * JOIN keeps that order): starting from the stage's changes would read
 * every deal that ever entered it. */
#define WON_SQL(filter) \
  "WITH won AS MATERIALIZED (SELECT id FROM deal WHERE deleted_at IS NULL" \
  " AND status <> 'open' AND " filter " ORDER BY closed_on DESC LIMIT ?3)," \
  " stays AS MATERIALIZED (SELECT c.deal_id, c.changed_at AS entered, " LEFT_AT " AS left_at" \
  " FROM won w CROSS JOIN deal_stage_change c ON c.deal_id = w.id" \
  " WHERE c.to_stage_id = ?1 AND c.deleted_at IS NULL)" \
  " SELECT sum (s.left_at - s.entered), sum (" DONE_IN_STAY ("s.left_at") ")" \
  " FROM stays s WHERE s.left_at IS NOT NULL GROUP BY s.deal_id"

/* The reports of manager ?2; "+" keeps the status index out of the plan,
 * so that the owners' index is used. */
#define TEAM_WON_SQL \
  WON_SQL ("+status = 'won' AND owner_id IN (SELECT id FROM person WHERE manager_id = ?2 AND deleted_at IS NULL)")
#define EVERYONE_WON_SQL WON_SQL ("status = 'won'")

/* The deal ?2 itself; its current stay runs until now (?3). */
#define OWN_SQL \
  "WITH stays AS (SELECT c.deal_id, c.changed_at AS entered, " LEFT_AT " AS left_at" \
  " FROM deal_stage_change c WHERE c.deal_id = ?2 AND c.to_stage_id = ?1 AND c.deleted_at IS NULL)" \
  " SELECT ifnull (sum (ifnull (s.left_at, ?3) - s.entered), 0)," \
  " ifnull (sum (" DONE_IN_STAY ("ifnull (s.left_at, ?3 + 1)") "), 0) FROM stays s"

#define DEAL_SQL \
  "SELECT d.stage_id, d.status, s.name, p.manager_id FROM deal d" \
  " JOIN stage s ON s.id = d.stage_id LEFT JOIN person p ON p.id = d.owner_id" \
  " WHERE d.id = ?1 AND d.deleted_at IS NULL"

typedef struct
{
  char *stage_id;
  char *stage_name;
  char *manager_id;
  char *status;
} DealInfo;

static void
deal_info_clear (DealInfo *info)
{
  g_free (info->stage_id);
  g_free (info->stage_name);
  g_free (info->manager_id);
  g_free (info->status);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DealInfo, deal_info_clear)

void
prospect_deal_insights_free (ProspectDealInsights *insights)
{
  if (insights == NULL)
    return;

  g_free (insights->stage_name);
  g_free (insights->text);
  g_free (insights);
}

static gboolean
load_deal (ProspectDatabase  *db,
           const char        *deal_id,
           DealInfo          *info,
           GError           **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, DEAL_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, deal_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      info->stage_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->status = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->stage_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->manager_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND, _("The deal no longer exists"));
      return FALSE;
    }

  return rc == SQLITE_ROW || prospect_database_set_sqlite_error (db, rc, error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  g_assert (n > 0);
  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2.0;
}

/* The won deals' figures in insights: n_won, and the medians when there
 * are enough of them. */
static gboolean
sample_won (ProspectDatabase      *db,
            const char            *stage_id,
            const char            *manager_id,
            ProspectDealInsights  *insights,
            GError               **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, manager_id != NULL ? TEAM_WON_SQL : EVERYONE_WON_SQL,
                                                  error);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) activities = g_array_new (FALSE, FALSE, sizeof (double));
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, stage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, manager_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, SAMPLE_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double stay = sqlite3_column_int64 (stmt, 0) / MS_PER_DAY;
      double done = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (days, stay);
      g_array_append_val (activities, done);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  insights->n_won = days->len;
  insights->enough = days->len >= PROSPECT_DEAL_INSIGHTS_MIN_WON;
  if (insights->enough)
    {
      insights->median_days = median (days);
      insights->median_activities = median (activities);
    }

  return TRUE;
}

static gboolean
measure_own (ProspectDatabase      *db,
             const char            *deal_id,
             const char            *stage_id,
             ProspectDealInsights  *insights,
             GError               **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, OWN_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, stage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, deal_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, prospect_clock_now_ms ());
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      insights->days = MAX (0, sqlite3_column_int64 (stmt, 0)) / MS_PER_DAY;
      insights->activities = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || prospect_database_set_sqlite_error (db, rc, error);
}

/* "6", "3.5": a median of whole numbers is at most a half. */
static char *
format_number (double value)
{
  double rounded = round (value * 10) / 10;

  if (rounded == floor (rounded))
    return g_strdup_printf ("%.0f", rounded);

  return g_strdup_printf ("%.1f", rounded);
}

static char *
days_phrase (double days)
{
  g_autofree char *number = format_number (days);

  return g_strdup_printf (ngettext ("%s day", "%s days", (gulong) round (days)), number);
}

static char *
activities_phrase (double activities)
{
  g_autofree char *number = format_number (activities);

  return g_strdup_printf (ngettext ("%s activity", "%s activities", (gulong) round (activities)), number);
}

static char *
insights_text (const ProspectDealInsights *insights)
{
  g_autofree char *own_days = days_phrase (insights->days);
  g_autofree char *own_activities = activities_phrase (insights->activities);
  g_autofree char *own = NULL;
  g_autofree char *won = NULL;

  /* Translators: "This deal: 3 days and 2 activities in Qualified so far." */
  own = g_strdup_printf (_("This deal: %s and %s in %s so far."),
                         own_days, own_activities, insights->stage_name);

  if (insights->n_won == 0)
    won = g_strdup_printf (_("No won deal has passed through %s yet: nothing to compare with."),
                           insights->stage_name);
  else if (!insights->enough)
    won = g_strdup_printf (ngettext ("Only %u won deal has passed through %s: too few to compare with.",
                                     "Only %u won deals have passed through %s: too few to compare with.",
                                     insights->n_won),
                           insights->n_won, insights->stage_name);
  else
    {
      g_autofree char *days = days_phrase (insights->median_days);
      g_autofree char *activities = activities_phrase (insights->median_activities);

      if (insights->team)
        /* Translators: "Won deals in your team spent a median of 6 days and 2 activities in Qualified." */
        won = g_strdup_printf (_("Won deals in your team spent a median of %s and %s in %s."),
                               days, activities, insights->stage_name);
      else
        won = g_strdup_printf (_("Won deals across all teams spent a median of %s and %s in %s."),
                               days, activities, insights->stage_name);
    }

  return g_strdup_printf ("%s %s", won, own);
}

ProspectDealInsights *
prospect_deal_insights_compute (ProspectDatabase  *db,
                                const char        *deal_id,
                                GError           **error)
{
  g_auto(DealInfo) info = { 0 };
  g_autoptr(ProspectDealInsights) insights = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (deal_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_deal (db, deal_id, &info, error))
    return NULL;
  if (!g_str_equal (info.status, "open"))
    return NULL;

  insights = g_new0 (ProspectDealInsights, 1);
  insights->stage_name = g_strdup (info.stage_name);

  /* The owner's team first; too small a team learns from everyone. */
  insights->team = info.manager_id != NULL;
  if (insights->team && !sample_won (db, info.stage_id, info.manager_id, insights, error))
    return NULL;
  if (!insights->enough)
    {
      insights->team = FALSE;
      if (!sample_won (db, info.stage_id, NULL, insights, error))
        return NULL;
    }

  if (!measure_own (db, deal_id, info.stage_id, insights, error))
    return NULL;

  insights->text = insights_text (insights);

  return g_steal_pointer (&insights);
}
