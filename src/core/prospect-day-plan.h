/* prospect-day-plan.h - a rep's day: overdue, today, the next days, and
 * the deals nobody planned a next step for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-activity.h"
#include "prospect-deal.h"

G_BEGIN_DECLS

/* Every section is bounded, so that a rep with years of history on the
 * large demo database costs a few indexed queries, never a full scan. */
#define PROSPECT_DAY_PLAN_SECTION_LIMIT 200
#define PROSPECT_DAY_PLAN_UPCOMING_DAYS 7

/* Rules (day boundaries in the local time zone, "now" from the core clock):
 * - overdue: not done, timed and due before now, or all-day and due before
 *   today; newest first, so yesterday's call leads and the oldest ones are
 *   the ones left out past the limit;
 * - today: timed from now until midnight, and all-day today; all-day ones
 *   first (like a calendar's all-day band), then by time;
 * - upcoming[i]: the day i + 1 days after today, in the same order;
 * - undated: not done and with neither a time nor a date, oldest first;
 * - no_next_step: open deals of the owner with no not-done activity due
 *   now or later (an overdue or undated one is not a plan), by expected
 *   close, undated ones last.
 * Done and deleted activities and deleted deals are never listed. */
typedef struct
{
  char      *date;        /* "YYYY-MM-DD"; NULL for overdue and undated */
  GPtrArray *items;       /* ProspectActivity or ProspectDeal, at most the limit */
  gint64     n_total;     /* all matching rows, may exceed items->len */
} ProspectDayPlanSection;

typedef struct
{
  char                   *today;      /* "YYYY-MM-DD" the plan was made for */
  ProspectDayPlanSection  overdue;
  ProspectDayPlanSection  today_section;
  ProspectDayPlanSection  upcoming[PROSPECT_DAY_PLAN_UPCOMING_DAYS];
  ProspectDayPlanSection  undated;
  ProspectDayPlanSection  no_next_step;
} ProspectDayPlan;

ProspectDayPlan *prospect_day_plan_load       (ProspectDatabase  *db,
                                               const char        *owner_id,
                                               GError           **error);
void             prospect_day_plan_free       (ProspectDayPlan   *plan);
/* TRUE when no activity is overdue, due today, upcoming or undated. */
gboolean         prospect_day_plan_is_empty   (ProspectDayPlan   *plan);

/* Undo of prospect_activity_mark_done(): clears done-at and saves. */
gboolean         prospect_day_plan_mark_not_done (ProspectActivity  *activity,
                                                  ProspectDatabase  *db,
                                                  GError           **error);

typedef enum
{
  /* Two hours from now, rounded up to the next half hour; refused with
   * PROSPECT_ERROR_INVALID when that is no longer today. The activity
   * becomes timed. */
  PROSPECT_RESCHEDULE_LATER_TODAY,
  /* Tomorrow at the activity's time of day; all-day and undated ones
   * become all-day tomorrow. */
  PROSPECT_RESCHEDULE_TOMORROW,
  /* The next Monday after today, the same way. */
  PROSPECT_RESCHEDULE_NEXT_WEEK,
} ProspectReschedule;

/* Moves the activity (through prospect_record_update(), so ::changed
 * fires); on failure nothing is stored and the activity is unchanged. */
gboolean         prospect_day_plan_reschedule    (ProspectActivity    *activity,
                                                  ProspectDatabase    *db,
                                                  ProspectReschedule   when,
                                                  GError             **error);
/* To date ("YYYY-MM-DD") at the activity's time of day, or all-day when
 * it has no time. */
gboolean         prospect_day_plan_reschedule_to_date (ProspectActivity  *activity,
                                                       ProspectDatabase  *db,
                                                       const char        *date,
                                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectDayPlan, prospect_day_plan_free)

G_END_DECLS
