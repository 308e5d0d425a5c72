/* prospect-reminders.h - reminder notifications and their actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "prospect-database.h"

G_BEGIN_DECLS

/* Runs the core reminder scheduler for the application: its preferences
 * come from GSettings, due reminders become GNotifications whose buttons
 * point at the app actions reminder-done, reminder-snooze (10 minutes)
 * and reminder-open (target: the activity id), which this object
 * installs together with reminder-snooze-hour and
 * reminder-snooze-tomorrow (at the all-day hour) for the app's menus.
 *
 * Property "pending" (read-only): TRUE while a reminder or digest is
 * still to come, or a notification sent by this run waits for an answer;
 * the application stays in the background while it is TRUE. */
#define PROSPECT_TYPE_REMINDERS (prospect_reminders_get_type ())
G_DECLARE_FINAL_TYPE (ProspectReminders, prospect_reminders, PROSPECT, REMINDERS, GObject)

ProspectReminders *prospect_reminders_new                 (GtkApplication    *application,
                                                           ProspectDatabase  *database,
                                                           GSettings         *settings);
gboolean           prospect_reminders_get_pending         (ProspectReminders *self);

/* The XDG autostart entry that runs "prospect --background" at login. */
gboolean           prospect_reminders_get_start_at_login  (void);
gboolean           prospect_reminders_set_start_at_login  (gboolean           enabled,
                                                           GError           **error);

G_END_DECLS
