/* prospect-reminders.c - reminder notifications and their actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-reminders"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "prospect-account.h"
#include "prospect-activity.h"
#include "prospect-clock.h"
#include "prospect-deal.h"
#include "prospect-reminder-scheduler.h"
#include "prospect-window.h"

#include "prospect-reminders.h"

/* More reminders than this at once (typically what piled up while the
 * laptop slept) become one summary instead of a stack of notifications. */
#define MAX_SEPARATE_NOTIFICATIONS 3
#define SNOOZE_MINUTES 10
#define SUMMARY_ID "reminders-summary"
#define DIGEST_ID "reminders-digest"
#define ERROR_ID "reminders-error"

struct _ProspectReminders
{
  GObject                    parent_instance;

  GtkApplication            *application;  /* unowned: it owns us */
  ProspectDatabase          *database;
  ProspectReminderScheduler *scheduler;
  /* Activity ids whose notification this run sent and nobody answered
   * yet: the buttons only work while we are running. */
  GHashTable                *waiting;
  gboolean                   pending;
};

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectReminders, prospect_reminders, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
update_pending (ProspectReminders *self)
{
  gboolean digest_enabled = FALSE;
  gboolean pending;

  g_object_get (self->scheduler, "digest-enabled", &digest_enabled, NULL);
  pending = prospect_reminder_scheduler_get_next_due (self->scheduler) != -1 ||
            digest_enabled ||
            g_hash_table_size (self->waiting) > 0;

  if (pending == self->pending)
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static char *
notification_id (const char *activity_id)
{
  return g_strdup_printf ("reminder-%s", activity_id);
}

/* "Today", "Tomorrow", "Yesterday", or the date in the user's format. */
static char *
format_day (GDateTime *when,
            GDateTime *now)
{
  GDate when_date, now_date;
  int days;

  g_date_clear (&when_date, 1);
  g_date_clear (&now_date, 1);
  g_date_set_dmy (&when_date, g_date_time_get_day_of_month (when),
                  g_date_time_get_month (when), g_date_time_get_year (when));
  g_date_set_dmy (&now_date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  days = g_date_days_between (&now_date, &when_date);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));

  return g_date_time_format (when, "%x");
}

static GDateTime *
parse_local_date (const char *iso_date)
{
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static char *
format_when (ProspectActivity *activity)
{
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  gint64 due_at = prospect_activity_get_due_at (activity);

  if (due_at == -1)
    {
      when = parse_local_date (prospect_activity_get_due_date (activity));
      return when != NULL ? format_day (when, now) : NULL;
    }

  when = g_date_time_new_from_unix_local (due_at / 1000);
  day = format_day (when, now);
  /* Translators: the time of day in a reminder, see strftime(3) */
  time = g_date_time_format (when, _("%H:%M"));

  /* Translators: a reminder's time: "Today at 10:30" */
  return g_strdup_printf (_("%s at %s"), day, time);
}

/* The second line: the account and the deal the activity is for. */
static char *
format_context (ProspectReminders *self,
                ProspectActivity  *activity)
{
  const char *account_id = prospect_activity_get_account_id (activity);
  const char *deal_id = prospect_activity_get_deal_id (activity);
  g_autoptr(ProspectAccount) account = NULL;
  g_autoptr(ProspectDeal) deal = NULL;

  if (account_id != NULL)
    account = prospect_account_load (self->database, account_id, NULL);
  if (deal_id != NULL)
    deal = prospect_deal_load (self->database, deal_id, NULL);

  if (account != NULL && deal != NULL)
    /* Translators: account and deal of a reminder */
    return g_strdup_printf (_("%s · %s"), prospect_account_get_name (account),
                            prospect_deal_get_title (deal));
  if (account != NULL)
    return g_strdup (prospect_account_get_name (account));
  if (deal != NULL)
    return g_strdup (prospect_deal_get_title (deal));

  return NULL;
}

static void
send_activity_notification (ProspectReminders *self,
                            ProspectActivity  *activity)
{
  const char *id = prospect_record_get_id (PROSPECT_RECORD (activity));
  g_autoptr(GNotification) notification = g_notification_new (prospect_activity_get_subject (activity));
  g_autofree char *when = format_when (activity);
  g_autofree char *context = format_context (self, activity);
  g_autofree char *body = NULL;
  g_autofree char *notification_name = notification_id (id);

  if (when != NULL && context != NULL)
    body = g_strdup_printf ("%s\n%s", when, context);
  else
    body = g_strdup (when != NULL ? when : context);

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.reminder-open", "s", id);
  g_notification_add_button_with_target (notification, _("Done"), "app.reminder-done", "s", id);
  g_notification_add_button_with_target (notification, _("Snooze 10 Minutes"),
                                         "app.reminder-snooze", "s", id);

  g_application_send_notification (G_APPLICATION (self->application), notification_name, notification);
  g_hash_table_add (self->waiting, g_strdup (id));
}

static void
send_summary_notification (ProspectReminders *self,
                           GPtrArray         *activities)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;

  title = g_strdup_printf (ngettext ("%u reminder", "%u reminders", activities->len),
                           activities->len);
  for (guint i = 0; i < MAX_SEPARATE_NOTIFICATIONS; i++)
    g_string_append_printf (body, "%s\n",
                            prospect_activity_get_subject (g_ptr_array_index (activities, i)));
  g_string_append_printf (body, ngettext ("and %u more", "and %u more",
                                          activities->len - MAX_SEPARATE_NOTIFICATIONS),
                          activities->len - MAX_SEPARATE_NOTIFICATIONS);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.reminder-open", "s", "");
  g_application_send_notification (G_APPLICATION (self->application), SUMMARY_ID, notification);
}

static void
reminders_due_cb (ProspectReminders         *self,
                  GPtrArray                 *activities,
                  ProspectReminderScheduler *scheduler)
{
  if (activities->len > MAX_SEPARATE_NOTIFICATIONS)
    send_summary_notification (self, activities);
  else
    for (guint i = 0; i < activities->len; i++)
      send_activity_notification (self, g_ptr_array_index (activities, i));

  update_pending (self);
}

static void
digest_due_cb (ProspectReminders         *self,
               guint                      overdue,
               guint                      today,
               ProspectReminderScheduler *scheduler)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Your Day"));
  g_autofree char *overdue_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *body = NULL;

  overdue_text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue);
  today_text = g_strdup_printf (ngettext ("%u due today", "%u due today", today), today);
  /* Translators: the daily digest: "3 overdue, 5 due today" */
  body = g_strdup_printf (_("%s, %s"), overdue_text, today_text);

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.reminder-open", "s", "");
  g_application_send_notification (G_APPLICATION (self->application), DIGEST_ID, notification);
}

/* There may be no window to show an error in: say it where the user
 * pressed the button. */
static void
notify_error (ProspectReminders *self,
              const GError      *error)
{
  g_autoptr(GNotification) notification = g_notification_new (_("The reminder could not be updated"));

  g_warning ("%s", error->message);
  g_notification_set_body (notification, error->message);
  g_application_send_notification (G_APPLICATION (self->application), ERROR_ID, notification);
}

static void
answered (ProspectReminders *self,
          const char        *activity_id)
{
  g_autofree char *notification_name = notification_id (activity_id);

  g_application_withdraw_notification (G_APPLICATION (self->application), notification_name);
  g_hash_table_remove (self->waiting, activity_id);
  update_pending (self);
}

static void
done_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ProspectReminders *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (!prospect_reminder_scheduler_mark_done (self->scheduler, id, &error))
    notify_error (self, error);

  answered (self, id);
}

static void
snooze (ProspectReminders *self,
        const char        *id,
        gint64             until)
{
  g_autoptr(GError) error = NULL;

  if (!prospect_reminder_scheduler_snooze (self->scheduler, id, until, &error))
    notify_error (self, error);

  answered (self, id);
}

/* The notification's button: ten minutes. */
static void
snooze_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  snooze (user_data, g_variant_get_string (parameter, NULL),
          prospect_clock_now_ms () + SNOOZE_MINUTES * 60 * 1000);
}

/* The longer snoozes, for the app's own menus. */
static void
snooze_hour_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  snooze (user_data, g_variant_get_string (parameter, NULL),
          prospect_clock_now_ms () + 60 * 60 * 1000);
}

/* Tomorrow at the hour of all-day reminders. */
static void
snooze_tomorrow_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  ProspectReminders *self = user_data;
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) until = NULL;
  int hour = 9;

  g_object_get (self->scheduler, "all-day-hour", &hour, NULL);
  until = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                 g_date_time_get_month (tomorrow),
                                 g_date_time_get_day_of_month (tomorrow),
                                 hour, 0, 0);

  snooze (self, g_variant_get_string (parameter, NULL), g_date_time_to_unix (until) * 1000);
}

/* Until activities have a page of their own, a reminder opens the Today
 * page of the rep workspace, where the activity is listed. */
static void
open_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ProspectReminders *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self->application));
  window = gtk_application_get_active_window (self->application);
  if (PROSPECT_IS_WINDOW (window))
    prospect_window_set_workspace (PROSPECT_WINDOW (window), "rep");

  if (id[0] != '\0')
    answered (self, id);
}

/* Done or deleted in the window: the notification has nothing left to
 * ask, and no longer keeps Prospect running. */
static void
activity_changed_cb (ProspectReminders  *self,
                     const char         *kind,
                     const char         *id,
                     ProspectChangeKind  change,
                     ProspectDatabase   *database)
{
  g_autoptr(ProspectActivity) activity = NULL;

  if (id == NULL || !g_hash_table_contains (self->waiting, id))
    return;

  activity = prospect_activity_load (self->database, id, NULL);
  if (activity == NULL || prospect_activity_is_done (activity))
    answered (self, id);
}

static const GActionEntry reminder_actions[] = {
  { "reminder-done", done_activated_cb, "s" },
  { "reminder-snooze", snooze_activated_cb, "s" },
  { "reminder-snooze-hour", snooze_hour_activated_cb, "s" },
  { "reminder-snooze-tomorrow", snooze_tomorrow_activated_cb, "s" },
  { "reminder-open", open_activated_cb, "s" },
};

static void
prospect_reminders_dispose (GObject *object)
{
  ProspectReminders *self = PROSPECT_REMINDERS (object);

  if (self->application != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (reminder_actions); i++)
      g_action_map_remove_action (G_ACTION_MAP (self->application), reminder_actions[i].name);
  self->application = NULL;

  g_clear_object (&self->scheduler);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (prospect_reminders_parent_class)->dispose (object);
}

static void
prospect_reminders_finalize (GObject *object)
{
  ProspectReminders *self = PROSPECT_REMINDERS (object);

  g_clear_pointer (&self->waiting, g_hash_table_unref);

  G_OBJECT_CLASS (prospect_reminders_parent_class)->finalize (object);
}

static void
prospect_reminders_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ProspectReminders *self = PROSPECT_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_reminders_class_init (ProspectRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prospect_reminders_dispose;
  object_class->finalize = prospect_reminders_finalize;
  object_class->get_property = prospect_reminders_get_property;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prospect_reminders_init (ProspectReminders *self)
{
  self->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
bind_preferences (ProspectReminders *self,
                  GSettings         *settings)
{
  static const struct {
    const char *key;
    const char *property;
  } bindings[] = {
    { "reminder-lead-minutes", "lead-minutes" },
    { "reminder-all-day-hour", "all-day-hour" },
    { "reminder-digest", "digest-enabled" },
    { "reminder-digest-hour", "digest-hour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_settings_bind (settings, bindings[i].key, self->scheduler, bindings[i].property,
                     G_SETTINGS_BIND_GET);
}

ProspectReminders *
prospect_reminders_new (GtkApplication   *application,
                        ProspectDatabase *database,
                        GSettings        *settings)
{
  ProspectReminders *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PROSPECT_TYPE_REMINDERS, NULL);
  self->application = application;
  self->database = g_object_ref (database);
  self->scheduler = prospect_reminder_scheduler_new (database);
  bind_preferences (self, settings);
  prospect_reminder_scheduler_watch_system_sleep (self->scheduler);

  g_action_map_add_action_entries (G_ACTION_MAP (application), reminder_actions,
                                   G_N_ELEMENTS (reminder_actions), self);

  g_signal_connect_object (database, "changed::activity",
                           G_CALLBACK (activity_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "reminders-due",
                           G_CALLBACK (reminders_due_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "digest-due",
                           G_CALLBACK (digest_due_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "notify::next-due",
                           G_CALLBACK (update_pending), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "notify::digest-enabled",
                           G_CALLBACK (update_pending), self, G_CONNECT_SWAPPED);
  update_pending (self);

  return self;
}

gboolean
prospect_reminders_get_pending (ProspectReminders *self)
{
  g_return_val_if_fail (PROSPECT_IS_REMINDERS (self), FALSE);

  return self->pending;
}

static char *
autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart",
                           APPLICATION_ID ".desktop", NULL);
}

gboolean
prospect_reminders_get_start_at_login (void)
{
  g_autofree char *path = autostart_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
write_autostart_entry (const char  *path,
                       GError     **error)
{
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Prospect");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Deliver Prospect’s reminders in the background"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         "prospect --background");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APPLICATION_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_key_file_save_to_file (entry, path, error);
}

gboolean
prospect_reminders_set_start_at_login (gboolean   enabled,
                                       GError   **error)
{
  g_autofree char *path = autostart_path ();

  if (enabled)
    return write_autostart_entry (path, error);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not remove %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
