/* prospect-reminder-scheduler.h - when activity reminders come due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"

G_BEGIN_DECLS

/* Watches the activities of the user of this machine (the "me" setting,
 * plus unassigned ones) and says when their reminders come due, on the
 * main loop of the thread that made it. One timeout is armed at a time:
 * for the next reminder, the next daily digest, or the periodic clock
 * check, whichever comes first.
 *
 * Properties: database (construct-only), lead-minutes (before a timed
 * activity, default 10), all-day-hour (local hour for all-day tasks,
 * default 9), digest-enabled (default FALSE), digest-hour (default 8),
 * check-interval (ms between clock checks, default 60000; tests shorten
 * it), next-due (read-only: UTC ms of the next pending reminder, -1 when
 * there is none).
 *
 * Signals:
 *   ::reminders-due (GPtrArray *activities) - ProspectActivity objects
 *     whose reminder came due together (after a suspend or at start-up
 *     this is everything that was missed). They are already recorded as
 *     reminded, so they are never sent twice.
 *   ::digest-due (guint overdue, guint today) - once a day at digest-hour,
 *     when digest-enabled. */
#define PROSPECT_TYPE_REMINDER_SCHEDULER (prospect_reminder_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (ProspectReminderScheduler, prospect_reminder_scheduler,
                      PROSPECT, REMINDER_SCHEDULER, GObject)

ProspectReminderScheduler *prospect_reminder_scheduler_new          (ProspectDatabase          *database);
/* UTC ms of the next pending reminder (may be in the past while it waits
 * to be delivered), -1 when there is none. */
gint64                     prospect_reminder_scheduler_get_next_due (ProspectReminderScheduler *self);
/* The wall clock or the time zone changed, or the machine woke up:
 * re-check everything now instead of at the next clock check. */
void                       prospect_reminder_scheduler_time_changed (ProspectReminderScheduler *self);
/* Listens to logind's PrepareForSleep on the system bus and re-checks on
 * wake-up. Without a system bus (containers, tests) it does nothing. */
void                       prospect_reminder_scheduler_watch_system_sleep (ProspectReminderScheduler *self);

/* The actions of a reminder notification. Both save the activity through
 * the record API, which emits ::changed and so re-arms the timer. */
gboolean                   prospect_reminder_scheduler_snooze       (ProspectReminderScheduler  *self,
                                                                     const char                 *activity_id,
                                                                     gint64                      until_ms,
                                                                     GError                    **error);
gboolean                   prospect_reminder_scheduler_mark_done    (ProspectReminderScheduler  *self,
                                                                     const char                 *activity_id,
                                                                     GError                    **error);

G_END_DECLS
