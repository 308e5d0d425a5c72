/* prospect-day-plan.c - a rep's day: overdue, today, the next days, and
 * the deals nobody planned a next step for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-day-plan"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-day-plan.h"
#include "prospect-error.h"
#include "prospect-validate.h"

/* The conditions every listed activity meets; they also select the
 * partial index activity_open_by_owner. */
#define OPEN_ACTIVITY "owner_id = ?1 AND done_at IS NULL AND deleted_at IS NULL"

#define TIMED_WHERE   OPEN_ACTIVITY " AND due_at >= ?2 AND due_at < ?3"
#define ALL_DAY_WHERE OPEN_ACTIVITY " AND due_at IS NULL AND due_date >= ?2 AND due_date < ?3"
#define UNDATED_WHERE OPEN_ACTIVITY " AND due_at IS NULL AND due_date IS NULL"

/* A deal has a next step when some not-done activity of it is due from
 * now on: timed at or after ?2, or all-day on or after today ?3. */
#define NO_NEXT_STEP_WHERE \
  "owner_id = ?1 AND status = 'open' AND deleted_at IS NULL AND NOT EXISTS (" \
  "SELECT 1 FROM activity a WHERE a.deal_id = deal.id AND a.done_at IS NULL" \
  " AND a.deleted_at IS NULL AND (a.due_at >= ?2 OR a.due_date >= ?3))"

/* One stretch of time: timed activities due in [from_ms, to_ms) and
 * all-day ones dated in [from_date, to_date). */
typedef struct
{
  gint64      from_ms;
  gint64      to_ms;
  const char *from_date;
  const char *to_date;
  gboolean    newest_first;
} Window;

static gint64
local_midnight_ms (const char *date)
{
  g_autoptr(GDateTime) midnight = NULL;
  int year, month, day;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    g_return_val_if_reached (0);

  midnight = g_date_time_new_local (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (midnight) * 1000;
}

static char *
date_add_days (const char *date,
               int         days)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) later = NULL;
  int year, month, day;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    g_return_val_if_reached (NULL);

  /* Noon, so that a daylight-saving change cannot move it to another day */
  midnight = g_date_time_new_local (year, month, day, 12, 0, 0);
  later = g_date_time_add_days (midnight, days);

  return g_date_time_format (later, "%Y-%m-%d");
}

/* The instant an activity sorts at: its time, or the start of its day. */
static gint64
activity_sort_key (ProspectActivity *activity)
{
  const char *date = prospect_activity_get_due_date (activity);

  if (prospect_activity_get_due_at (activity) != -1)
    return prospect_activity_get_due_at (activity);

  return date != NULL ? local_midnight_ms (date) : 0;
}

static gboolean
step_records (ProspectDatabase  *db,
              sqlite3_stmt      *stmt,
              GType              type,
              GPtrArray         *out,
              GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, prospect_record_new_from_statement (type, stmt));

  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

static gint64
step_count (ProspectDatabase  *db,
            sqlite3_stmt      *stmt,
            GError           **error)
{
  gint64 count = -1;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    prospect_database_set_sqlite_error (db, rc, error);

  sqlite3_reset (stmt);

  return count;
}

/* Binds ?1 owner, ?2 and ?3 (the window's bounds, as numbers or as
 * dates) and, when limit >= 0, ?4 = limit. */
static void
bind_window (sqlite3_stmt *stmt,
             const char   *owner_id,
             const Window *window,
             gboolean      as_dates,
             gint64        limit)
{
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
  if (as_dates)
    {
      sqlite3_bind_text (stmt, 2, window->from_date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, window->to_date, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 2, window->from_ms);
      sqlite3_bind_int64 (stmt, 3, window->to_ms);
    }
  if (limit >= 0)
    sqlite3_bind_int64 (stmt, 4, limit);
}

/* Up to limit activities of one kind (timed or all-day) in the window, in
 * the window's order, and how many there are in all. */
static gboolean
load_kind (ProspectDatabase  *db,
           const char        *owner_id,
           const Window      *window,
           gboolean           all_day,
           GPtrArray         *out,
           gint64            *n_total,
           GError           **error)
{
  const char *select_list = prospect_record_type_select_list (PROSPECT_TYPE_ACTIVITY);
  const char *order = window->newest_first ? "DESC" : "ASC";
  g_autofree char *sql = NULL;
  g_autofree char *count_sql = NULL;
  sqlite3_stmt *stmt;

  if (all_day)
    sql = g_strdup_printf ("SELECT %s FROM activity WHERE " ALL_DAY_WHERE
                           " ORDER BY due_date %s, created_at %s, id %s LIMIT ?4",
                           select_list, order, order, order);
  else
    sql = g_strdup_printf ("SELECT %s FROM activity WHERE " TIMED_WHERE
                           " ORDER BY due_at %s, id %s LIMIT ?4",
                           select_list, order, order);
  count_sql = g_strdup_printf ("SELECT count(*) FROM activity WHERE %s",
                               all_day ? ALL_DAY_WHERE : TIMED_WHERE);

  if (!(stmt = prospect_database_prepare (db, sql, error)))
    return FALSE;
  bind_window (stmt, owner_id, window, all_day, PROSPECT_DAY_PLAN_SECTION_LIMIT);
  if (!step_records (db, stmt, PROSPECT_TYPE_ACTIVITY, out, error))
    return FALSE;

  if (!(stmt = prospect_database_prepare (db, count_sql, error)))
    return FALSE;
  bind_window (stmt, owner_id, window, all_day, -1);
  *n_total = step_count (db, stmt, error);

  return *n_total >= 0;
}

/* Merges two lists sorted by activity_sort_key() in the window's order;
 * on a tie the all-day one comes first in time order. */
static GPtrArray *
merge_sorted (GPtrArray *timed,
              GPtrArray *all_day,
              gboolean   newest_first,
              guint      limit)
{
  GPtrArray *merged = g_ptr_array_new_with_free_func (g_object_unref);
  guint i = 0, j = 0;

  while (merged->len < limit && (i < timed->len || j < all_day->len))
    {
      gboolean take_timed;

      if (j == all_day->len)
        take_timed = TRUE;
      else if (i == timed->len)
        take_timed = FALSE;
      else
        {
          gint64 a = activity_sort_key (g_ptr_array_index (timed, i));
          gint64 b = activity_sort_key (g_ptr_array_index (all_day, j));

          take_timed = newest_first ? a >= b : a < b;
        }

      if (take_timed)
        g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (timed, i++)));
      else
        g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (all_day, j++)));
    }

  return merged;
}

static gboolean
load_window (ProspectDatabase        *db,
             const char              *owner_id,
             const Window            *window,
             ProspectDayPlanSection  *section,
             GError                 **error)
{
  g_autoptr(GPtrArray) timed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) all_day = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 n_timed, n_all_day;

  if (!load_kind (db, owner_id, window, FALSE, timed, &n_timed, error) ||
      !load_kind (db, owner_id, window, TRUE, all_day, &n_all_day, error))
    return FALSE;

  section->items = merge_sorted (timed, all_day, window->newest_first,
                                 PROSPECT_DAY_PLAN_SECTION_LIMIT);
  section->n_total = n_timed + n_all_day;

  return TRUE;
}

static gboolean
load_undated (ProspectDatabase        *db,
              const char              *owner_id,
              ProspectDayPlanSection  *section,
              GError                 **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("SELECT %s FROM activity WHERE " UNDATED_WHERE
                         " ORDER BY created_at, id LIMIT ?2",
                         prospect_record_type_select_list (PROSPECT_TYPE_ACTIVITY));
  section->items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(stmt = prospect_database_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, PROSPECT_DAY_PLAN_SECTION_LIMIT);
  if (!step_records (db, stmt, PROSPECT_TYPE_ACTIVITY, section->items, error))
    return FALSE;

  if (!(stmt = prospect_database_prepare (db, "SELECT count(*) FROM activity WHERE " UNDATED_WHERE, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
  section->n_total = step_count (db, stmt, error);

  return section->n_total >= 0;
}

static gboolean
load_no_next_step (ProspectDatabase        *db,
                   const char              *owner_id,
                   gint64                   now_ms,
                   const char              *today,
                   ProspectDayPlanSection  *section,
                   GError                 **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("SELECT %s FROM deal WHERE " NO_NEXT_STEP_WHERE
                         " ORDER BY expected_close IS NULL, expected_close, id LIMIT ?4",
                         prospect_record_type_select_list (PROSPECT_TYPE_DEAL));
  section->items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(stmt = prospect_database_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now_ms);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, PROSPECT_DAY_PLAN_SECTION_LIMIT);
  if (!step_records (db, stmt, PROSPECT_TYPE_DEAL, section->items, error))
    return FALSE;

  if (!(stmt = prospect_database_prepare (db, "SELECT count(*) FROM deal WHERE " NO_NEXT_STEP_WHERE, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now_ms);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  section->n_total = step_count (db, stmt, error);

  return section->n_total >= 0;
}

static gboolean
load_days (ProspectDatabase  *db,
           const char        *owner_id,
           gint64             now_ms,
           ProspectDayPlan   *plan,
           GError           **error)
{
  g_autofree char *tomorrow = date_add_days (plan->today, 1);
  Window overdue = { G_MININT64, now_ms, "", plan->today, TRUE };
  Window today = { now_ms, local_midnight_ms (tomorrow), plan->today, tomorrow, FALSE };

  if (!load_window (db, owner_id, &overdue, &plan->overdue, error) ||
      !load_window (db, owner_id, &today, &plan->today_section, error))
    return FALSE;
  plan->today_section.date = g_strdup (plan->today);

  for (guint i = 0; i < PROSPECT_DAY_PLAN_UPCOMING_DAYS; i++)
    {
      g_autofree char *next = date_add_days (plan->today, i + 2);
      ProspectDayPlanSection *section = &plan->upcoming[i];
      Window day = { 0, local_midnight_ms (next), NULL, next, FALSE };

      section->date = date_add_days (plan->today, i + 1);
      day.from_ms = local_midnight_ms (section->date);
      day.from_date = section->date;
      if (!load_window (db, owner_id, &day, section, error))
        return FALSE;
    }

  return TRUE;
}

ProspectDayPlan *
prospect_day_plan_load (ProspectDatabase  *db,
                        const char        *owner_id,
                        GError           **error)
{
  g_autoptr(ProspectDayPlan) plan = g_new0 (ProspectDayPlan, 1);
  gint64 now_ms = prospect_clock_now_ms ();

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (owner_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan->today = prospect_clock_today_iso ();

  if (!load_days (db, owner_id, now_ms, plan, error) ||
      !load_undated (db, owner_id, &plan->undated, error) ||
      !load_no_next_step (db, owner_id, now_ms, plan->today, &plan->no_next_step, error))
    return NULL;

  return g_steal_pointer (&plan);
}

static void
section_clear (ProspectDayPlanSection *section)
{
  g_clear_pointer (&section->date, g_free);
  g_clear_pointer (&section->items, g_ptr_array_unref);
}

void
prospect_day_plan_free (ProspectDayPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->today);
  section_clear (&plan->overdue);
  section_clear (&plan->today_section);
  for (guint i = 0; i < PROSPECT_DAY_PLAN_UPCOMING_DAYS; i++)
    section_clear (&plan->upcoming[i]);
  section_clear (&plan->undated);
  section_clear (&plan->no_next_step);
  g_free (plan);
}

gboolean
prospect_day_plan_is_empty (ProspectDayPlan *plan)
{
  g_return_val_if_fail (plan != NULL, TRUE);

  if (plan->overdue.n_total > 0 || plan->today_section.n_total > 0 || plan->undated.n_total > 0)
    return FALSE;
  for (guint i = 0; i < PROSPECT_DAY_PLAN_UPCOMING_DAYS; i++)
    if (plan->upcoming[i].n_total > 0)
      return FALSE;

  return TRUE;
}

gboolean
prospect_day_plan_mark_not_done (ProspectActivity  *activity,
                                 ProspectDatabase  *db,
                                 GError           **error)
{
  gint64 old_done_at;

  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);

  old_done_at = prospect_activity_get_done_at (activity);
  prospect_activity_set_done_at (activity, -1);

  if (!prospect_record_update (PROSPECT_RECORD (activity), db, error))
    {
      prospect_activity_set_done_at (activity, old_done_at);
      return FALSE;
    }

  return TRUE;
}

/* Sets the new due time (due_at != -1) or date, and saves; on failure
 * the activity keeps its old values. */
static gboolean
move_activity (ProspectActivity  *activity,
               ProspectDatabase  *db,
               gint64             due_at,
               const char        *due_date,
               GError           **error)
{
  gint64 old_due_at = prospect_activity_get_due_at (activity);
  g_autofree char *old_due_date = g_strdup (prospect_activity_get_due_date (activity));

  prospect_activity_set_due_at (activity, due_at);
  prospect_activity_set_due_date (activity, due_at != -1 ? NULL : due_date);

  if (!prospect_record_update (PROSPECT_RECORD (activity), db, error))
    {
      prospect_activity_set_due_at (activity, old_due_at);
      prospect_activity_set_due_date (activity, old_due_date);
      return FALSE;
    }

  return TRUE;
}

/* date at the activity's local time of day, or all-day on date when the
 * activity has no time. */
static gboolean
move_to_day (ProspectActivity  *activity,
             ProspectDatabase  *db,
             const char        *date,
             GError           **error)
{
  g_autoptr(GDateTime) old_time = NULL;
  g_autoptr(GDateTime) new_time = NULL;
  gint64 due_at = prospect_activity_get_due_at (activity);
  int year, month, day;

  if (due_at == -1)
    return move_activity (activity, db, -1, date, error);

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    g_return_val_if_reached (FALSE);

  old_time = g_date_time_new_from_unix_local (due_at / 1000);
  new_time = g_date_time_new_local (year, month, day,
                                    g_date_time_get_hour (old_time),
                                    g_date_time_get_minute (old_time), 0);

  return move_activity (activity, db, g_date_time_to_unix (new_time) * 1000, NULL, error);
}

static gboolean
move_later_today (ProspectActivity  *activity,
                  ProspectDatabase  *db,
                  GError           **error)
{
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
  g_autoptr(GDateTime) whole_minute = NULL;
  g_autoptr(GDateTime) rounded = NULL;
  int minute = g_date_time_get_minute (later);
  int up;

  /* Up to the next :00 or :30 (an exact :00 or :30 stays) */
  whole_minute = g_date_time_new_local (g_date_time_get_year (later),
                                        g_date_time_get_month (later),
                                        g_date_time_get_day_of_month (later),
                                        g_date_time_get_hour (later), minute, 0);
  up = (30 - minute % 30) % 30;
  if (up == 0 && g_date_time_compare (whole_minute, later) < 0)
    up = 30;
  rounded = g_date_time_add_minutes (whole_minute, up);

  if (g_date_time_get_day_of_year (rounded) != g_date_time_get_day_of_year (now) ||
      g_date_time_get_year (rounded) != g_date_time_get_year (now))
    {
      prospect_set_invalid_error (error, "due_at",
                                  _("It is too late to move this to later today; choose tomorrow instead"));
      return FALSE;
    }

  return move_activity (activity, db, g_date_time_to_unix (rounded) * 1000, NULL, error);
}

gboolean
prospect_day_plan_reschedule (ProspectActivity    *activity,
                              ProspectDatabase    *db,
                              ProspectReschedule   when,
                              GError             **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);

  now = prospect_clock_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");

  switch (when)
    {
    case PROSPECT_RESCHEDULE_LATER_TODAY:
      return move_later_today (activity, db, error);

    case PROSPECT_RESCHEDULE_TOMORROW:
      date = date_add_days (today, 1);
      break;

    case PROSPECT_RESCHEDULE_NEXT_WEEK:
      /* Monday is 1: from a Monday, the Monday a week later */
      date = date_add_days (today, 8 - g_date_time_get_day_of_week (now));
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  return move_to_day (activity, db, date, error);
}

gboolean
prospect_day_plan_reschedule_to_date (ProspectActivity  *activity,
                                      ProspectDatabase  *db,
                                      const char        *date,
                                      GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);

  if (!prospect_validate_date (date, "due_date", TRUE, error))
    return FALSE;

  return move_to_day (activity, db, date, error);
}
