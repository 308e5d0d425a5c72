/* prospect-reminder-scheduler.c - when activity reminders come due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-reminder-scheduler"

#include "config.h"

#include <time.h>

#include "prospect-activity.h"
#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-reminder-scheduler.h"

/* When a reminder is due, and when it counts as sent:
 *
 * - Its rule time is remind_at when the user chose one; otherwise
 *   lead-minutes before due_at for a timed activity, or all-day-hour
 *   (local time) on due_date for an all-day one. An activity with neither
 *   has no reminder.
 * - Snoozing stores snoozed_until and nothing else; the reminder fires at
 *   the later of the rule time and snoozed_until. Moving the activity
 *   later than a snooze therefore still reminds at the new time.
 * - reminded_at records when it was last sent. A reminder is pending while
 *   reminded_at is unset or earlier than its fire time, so it fires once;
 *   a snooze (or moving the activity later) makes it pending again without
 *   clearing anything.
 * - Done (done_at) and deleted (deleted_at) activities never remind, and
 *   neither does one entered after it was already due (logging a past
 *   call), unless it has an explicit remind_at or a snooze.
 *
 * The local hour of all-day tasks is computed by SQLite ('utc' modifier),
 * which uses the C library's time zone; the clock check calls tzset() so
 * that a changed zone is seen there.
 *
 * "mine" are the open activities of ?3 (the "me" setting) and the
 * unassigned ones, or all open ones when ?3 is NULL. Three branches rather
 * than one OR, so that each reads the partial index of open activities:
 * with a million activities that is 2 ms instead of 400. */
#define MINE_SQL \
  "WITH mine AS (" \
  " SELECT * FROM activity" \
  "  WHERE done_at IS NULL AND deleted_at IS NULL AND owner_id = ?3" \
  " UNION ALL SELECT * FROM activity" \
  "  WHERE done_at IS NULL AND deleted_at IS NULL AND owner_id IS NULL" \
  " UNION ALL SELECT * FROM activity" \
  "  WHERE done_at IS NULL AND deleted_at IS NULL AND ?3 IS NULL AND owner_id IS NOT NULL" \
  ") "
#define PENDING_SQL \
  MINE_SQL \
  ", rule AS (" \
  " SELECT id, reminded_at, snoozed_until," \
  "  CASE WHEN remind_at IS NOT NULL THEN remind_at" \
  "       WHEN due_at IS NOT NULL THEN due_at - ?1" \
  "       WHEN due_date IS NOT NULL THEN unixepoch (due_date, ?2, 'utc') * 1000" \
  "  END AS rule_at" \
  " FROM mine" \
  " WHERE (remind_at IS NOT NULL OR snoozed_until IS NOT NULL" \
  "       OR ifnull (due_at, unixepoch (due_date, '+1 day', 'utc') * 1000) > created_at)" \
  "), pending AS (" \
  " SELECT id, reminded_at," \
  "  max (ifnull (rule_at, snoozed_until), ifnull (snoozed_until, rule_at)) AS fire_at" \
  " FROM rule" \
  ") "
#define PENDING_WHERE \
  " WHERE fire_at IS NOT NULL AND (reminded_at IS NULL OR reminded_at < fire_at)"

#define DIGEST_DAY_SETTING "reminder-digest-day"
#define JUMP_TOLERANCE_MS 2000
#define SIX_MONTHS_S (183 * 24 * 3600)

struct _ProspectReminderScheduler
{
  GObject           parent_instance;

  ProspectDatabase *database;
  GMainContext     *context;
  GSource          *timer;
  GCancellable     *cancellable;
  GDBusConnection  *system_bus;
  guint             sleep_subscription;
  gboolean          watching_sleep;

  int               lead_minutes;
  int               all_day_hour;
  gboolean          digest_enabled;
  int               digest_hour;
  guint             check_interval;

  gint64            next_due;
  gint64            next_digest;
  /* After a failed write, nothing is retried before this (UTC ms), so a
   * broken row cannot make the timer spin. */
  gint64            retry_after;

  /* The clocks when the timer was armed, to notice a jump. */
  gint64            armed_wall_ms;
  gint64            armed_monotonic_ms;
  gint64            zone_fingerprint;

  /* Activities (or preferences) changed: re-query before trusting
   * next_due. A zero-delay timer is armed while this is set. */
  gboolean          dirty;
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_LEAD_MINUTES,
  PROP_ALL_DAY_HOUR,
  PROP_DIGEST_ENABLED,
  PROP_DIGEST_HOUR,
  PROP_CHECK_INTERVAL,
  PROP_NEXT_DUE,
  N_PROPS
};

enum {
  REMINDERS_DUE,
  DIGEST_DUE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (ProspectReminderScheduler, prospect_reminder_scheduler, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean timer_cb (gpointer user_data);

static void
arm (ProspectReminderScheduler *self,
     gint64                     delay_ms)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }

  self->armed_wall_ms = prospect_clock_now_ms ();
  self->armed_monotonic_ms = g_get_monotonic_time () / 1000;

  self->timer = g_timeout_source_new (CLAMP (delay_ms, 0, G_MAXUINT));
  g_source_set_static_name (self->timer, "prospect-reminder-timer");
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
}

/* The timer wakes for the next reminder or digest, but at least every
 * check-interval so that a jumped clock is noticed. */
static void
arm_for_next (ProspectReminderScheduler *self)
{
  gint64 now = prospect_clock_now_ms ();
  gint64 wake = now + self->check_interval;

  if (self->next_due != -1)
    wake = MIN (wake, MAX (self->next_due, self->retry_after));
  if (self->next_digest != -1)
    wake = MIN (wake, self->next_digest);

  arm (self, wake - now);
}

static void
request_check (ProspectReminderScheduler *self)
{
  if (self->dirty)
    return;

  self->dirty = TRUE;
  arm (self, 0);
}

static void
bind_pending_parameters (ProspectReminderScheduler *self,
                         sqlite3_stmt              *stmt)
{
  g_autofree char *hour_modifier = g_strdup_printf ("+%d hours", self->all_day_hour);
  g_autofree char *me = prospect_database_get_me (self->database);

  sqlite3_bind_int64 (stmt, 1, (gint64) self->lead_minutes * 60 * 1000);
  sqlite3_bind_text (stmt, 2, hour_modifier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, me, -1, SQLITE_TRANSIENT);
}

static gint64
query_next_due (ProspectReminderScheduler  *self,
                GError                    **error)
{
  sqlite3_stmt *stmt;
  gint64 next = -1;
  int rc;

  stmt = prospect_database_prepare (self->database,
                                    PENDING_SQL "SELECT min (fire_at) FROM pending" PENDING_WHERE,
                                    error);
  if (stmt == NULL)
    return -1;

  bind_pending_parameters (self, stmt);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    prospect_database_set_sqlite_error (self->database, rc, error);

  return next;
}

static GPtrArray *
query_due_ids (ProspectReminderScheduler  *self,
               gint64                      now,
               GError                    **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prospect_database_prepare (self->database,
                                    PENDING_SQL "SELECT id FROM pending" PENDING_WHERE
                                    " AND fire_at <= ?4 ORDER BY fire_at, id",
                                    error);
  if (stmt == NULL)
    return NULL;

  bind_pending_parameters (self, stmt);
  sqlite3_bind_int64 (stmt, 4, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The local date of now, "YYYY-MM-DD". */
static gboolean
query_local_day (ProspectReminderScheduler  *self,
                 gint64                      now,
                 char                      **today,
                 GError                    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prospect_database_prepare (self->database,
                                    "SELECT date (?1 / 1000, 'unixepoch', 'localtime')",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *today = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return prospect_database_set_sqlite_error (self->database, rc, error);

  return TRUE;
}

/* UTC ms of a local hour, days_ahead days after day. */
static gint64
query_local_time (ProspectReminderScheduler  *self,
                  const char                 *day,
                  int                         days_ahead,
                  int                         hour,
                  GError                    **error)
{
  g_autofree char *days_modifier = g_strdup_printf ("%+d days", days_ahead);
  g_autofree char *hour_modifier = g_strdup_printf ("+%d hours", hour);
  sqlite3_stmt *stmt;
  gint64 ms = -1;
  int rc;

  stmt = prospect_database_prepare (self->database,
                                    "SELECT unixepoch (?1, ?2, ?3, 'utc') * 1000",
                                    error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, days_modifier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hour_modifier, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ms = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    prospect_database_set_sqlite_error (self->database, rc, error);

  return ms;
}

/* The next digest time: today's when today's was not sent yet (even if
 * its hour has passed: a digest missed at start-up still comes), else
 * tomorrow's. */
static gint64
query_next_digest (ProspectReminderScheduler  *self,
                   gint64                      now,
                   GError                    **error)
{
  g_autofree char *today = NULL;
  g_autofree char *sent_day = NULL;

  if (!self->digest_enabled)
    return -1;

  if (!query_local_day (self, now, &today, error))
    return -1;

  sent_day = prospect_database_get_setting (self->database, DIGEST_DAY_SETTING);

  return query_local_time (self, today, g_strcmp0 (sent_day, today) == 0 ? 1 : 0,
                           self->digest_hour, error);
}

static void
set_next_due (ProspectReminderScheduler *self,
              gint64                     next_due)
{
  if (self->next_due == next_due)
    return;

  self->next_due = next_due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
}

static void
requery (ProspectReminderScheduler *self)
{
  g_autoptr(GError) error = NULL;
  gint64 now = prospect_clock_now_ms ();
  gint64 next_due;

  self->dirty = FALSE;

  next_due = query_next_due (self, &error);
  if (error == NULL)
    self->next_digest = query_next_digest (self, now, &error);

  if (error != NULL)
    {
      g_warning ("Could not look up reminders: %s", error->message);
      self->retry_after = now + self->check_interval;
    }

  set_next_due (self, next_due);
}

/* Records the due reminders as sent, in one transaction, and returns
 * the activities; NULL when nothing could be recorded. */
static GPtrArray *
record_due (ProspectReminderScheduler  *self,
            gint64                      now,
            GError                    **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);

  ids = query_due_ids (self, now, error);
  if (ids == NULL || !prospect_database_begin (self->database, error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ProspectActivity) activity = NULL;

      activity = prospect_activity_load (self->database, g_ptr_array_index (ids, i), error);
      if (activity == NULL)
        break;

      prospect_activity_set_reminded_at (activity, now);
      if (!prospect_record_update (PROSPECT_RECORD (activity), self->database, error))
        break;

      g_ptr_array_add (activities, g_steal_pointer (&activity));
    }

  if (activities->len < ids->len || !prospect_database_commit (self->database, error))
    {
      prospect_database_rollback (self->database);
      return NULL;
    }

  return g_steal_pointer (&activities);
}

static void
deliver_due (ProspectReminderScheduler *self,
             gint64                     now)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = record_due (self, now, &error);
  if (activities == NULL)
    {
      g_warning ("Could not record sent reminders: %s", error->message);
      self->retry_after = now + self->check_interval;
      return;
    }

  if (activities->len > 0)
    g_signal_emit (self, signals[REMINDERS_DUE], 0, activities);
}

static gboolean
count_digest (ProspectReminderScheduler  *self,
              gint64                      now,
              guint                      *overdue,
              guint                      *today_count,
              GError                    **error)
{
  g_autofree char *today = NULL;
  g_autofree char *me = prospect_database_get_me (self->database);
  gint64 tomorrow_start;
  sqlite3_stmt *stmt;
  int rc;

  if (!query_local_day (self, now, &today, error))
    return FALSE;
  tomorrow_start = query_local_time (self, today, 1, 0, error);
  if (tomorrow_start == -1)
    return FALSE;

  stmt = prospect_database_prepare (self->database,
    MINE_SQL
    "SELECT"
    " count (*) FILTER (WHERE due_at < ?1 OR due_date < ?2),"
    " count (*) FILTER (WHERE (due_at >= ?1 AND due_at < ?4) OR due_date = ?2)"
    " FROM mine",
    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, me, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, tomorrow_start);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *overdue = sqlite3_column_int (stmt, 0);
      *today_count = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return prospect_database_set_sqlite_error (self->database, rc, error);

  return prospect_database_set_setting (self->database, DIGEST_DAY_SETTING, today, error);
}

static void
deliver_digest (ProspectReminderScheduler *self,
                gint64                     now)
{
  g_autoptr(GError) error = NULL;
  guint overdue = 0;
  guint today = 0;

  if (!count_digest (self, now, &overdue, &today, &error))
    {
      g_warning ("Could not prepare the daily digest: %s", error->message);
      self->next_digest = -1;
      return;
    }

  g_signal_emit (self, signals[DIGEST_DUE], 0, overdue, today);
  self->next_digest = query_next_digest (self, now, NULL);
}

/* Suspend stops the monotonic clock but not the wall clock; setting the
 * clock moves only the wall clock. Either way the two disagree. */
static gboolean
clock_jumped (ProspectReminderScheduler *self,
              gint64                     now)
{
  gint64 wall = now - self->armed_wall_ms;
  gint64 monotonic = g_get_monotonic_time () / 1000 - self->armed_monotonic_ms;

  return ABS (wall - monotonic) > JUMP_TOLERANCE_MS;
}

/* GLib has no signal for a new time zone. The offsets now and half a year
 * from now change with it (the second catches a zone with other DST
 * rules); tzset() makes the C library, and so SQLite, re-read the zone. */
static gint64
zone_fingerprint (gint64 now)
{
  time_t seconds = now / 1000;
  time_t later = seconds + SIX_MONTHS_S;
  struct tm local_now, local_later;

  tzset ();
  if (localtime_r (&seconds, &local_now) == NULL ||
      localtime_r (&later, &local_later) == NULL)
    return 0;

  return (gint64) (timegm (&local_now) - seconds) * 100000 + (timegm (&local_later) - later);
}

static gboolean
timer_cb (gpointer user_data)
{
  ProspectReminderScheduler *self = user_data;
  gint64 now = prospect_clock_now_ms ();
  gint64 fingerprint = zone_fingerprint (now);

  /* GLib destroys this source when we return; the next one is new. */
  g_clear_pointer (&self->timer, g_source_unref);

  if (clock_jumped (self, now) || fingerprint != self->zone_fingerprint)
    {
      g_debug ("The clock or the time zone changed: re-checking reminders");
      self->zone_fingerprint = fingerprint;
      self->dirty = TRUE;
    }

  if (self->dirty)
    requery (self);

  if (self->next_due != -1 && self->next_due <= now && self->retry_after <= now)
    {
      deliver_due (self, now);
      requery (self);
    }

  if (self->next_digest != -1 && self->next_digest <= now)
    deliver_digest (self, now);

  arm_for_next (self);

  return G_SOURCE_REMOVE;
}

static void
activity_changed_cb (ProspectReminderScheduler *self)
{
  request_check (self);
}

static void
setting_changed_cb (ProspectReminderScheduler *self,
                    const char                *kind,
                    const char                *key)
{
  /* The digest records its own day as a setting: no need to look again. */
  if (g_strcmp0 (key, DIGEST_DAY_SETTING) != 0)
    request_check (self);
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  ProspectReminderScheduler *self = user_data;
  gboolean going_to_sleep = FALSE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &going_to_sleep);

  if (!going_to_sleep)
    prospect_reminder_scheduler_time_changed (self);
}

static void
system_bus_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  ProspectReminderScheduler *self;

  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no wake-up signal from logind: %s", error->message);
      return;
    }

  self = user_data;
  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager",
                                        "PrepareForSleep",
                                        "/org/freedesktop/login1",
                                        NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        prepare_for_sleep_cb, self, NULL);
}

static void
prospect_reminder_scheduler_constructed (GObject *object)
{
  ProspectReminderScheduler *self = PROSPECT_REMINDER_SCHEDULER (object);

  G_OBJECT_CLASS (prospect_reminder_scheduler_parent_class)->constructed (object);

  g_assert (PROSPECT_IS_DATABASE (self->database));

  g_signal_connect_object (self->database, "changed::activity",
                           G_CALLBACK (activity_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->database, "changed::setting",
                           G_CALLBACK (setting_changed_cb), self, G_CONNECT_SWAPPED);

  /* Known at once, so that the application can decide at start-up whether
   * to stay in the background; delivery waits for the main loop. */
  self->zone_fingerprint = zone_fingerprint (prospect_clock_now_ms ());
  requery (self);
  self->dirty = TRUE;
  arm (self, 0);
}

static void
prospect_reminder_scheduler_dispose (GObject *object)
{
  ProspectReminderScheduler *self = PROSPECT_REMINDER_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->system_bus != NULL && self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }

  G_OBJECT_CLASS (prospect_reminder_scheduler_parent_class)->dispose (object);
}

static void
prospect_reminder_scheduler_finalize (GObject *object)
{
  ProspectReminderScheduler *self = PROSPECT_REMINDER_SCHEDULER (object);

  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (prospect_reminder_scheduler_parent_class)->finalize (object);
}

static void
prospect_reminder_scheduler_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  ProspectReminderScheduler *self = PROSPECT_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_LEAD_MINUTES:
      g_value_set_int (value, self->lead_minutes);
      break;

    case PROP_ALL_DAY_HOUR:
      g_value_set_int (value, self->all_day_hour);
      break;

    case PROP_DIGEST_ENABLED:
      g_value_set_boolean (value, self->digest_enabled);
      break;

    case PROP_DIGEST_HOUR:
      g_value_set_int (value, self->digest_hour);
      break;

    case PROP_CHECK_INTERVAL:
      g_value_set_uint (value, self->check_interval);
      break;

    case PROP_NEXT_DUE:
      g_value_set_int64 (value, self->next_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A changed preference moves reminder times: look again. Also used for
 * the gboolean digest-enabled (a gboolean is an int). */
static void
set_preference (ProspectReminderScheduler *self,
                int                       *field,
                int                        value,
                GParamSpec                *pspec)
{
  if (*field == value)
    return;

  *field = value;
  request_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
prospect_reminder_scheduler_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  ProspectReminderScheduler *self = PROSPECT_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_LEAD_MINUTES:
      set_preference (self, &self->lead_minutes, g_value_get_int (value), pspec);
      break;

    case PROP_ALL_DAY_HOUR:
      set_preference (self, &self->all_day_hour, g_value_get_int (value), pspec);
      break;

    case PROP_DIGEST_ENABLED:
      set_preference (self, &self->digest_enabled, g_value_get_boolean (value), pspec);
      break;

    case PROP_DIGEST_HOUR:
      set_preference (self, &self->digest_hour, g_value_get_int (value), pspec);
      break;

    case PROP_CHECK_INTERVAL:
      self->check_interval = g_value_get_uint (value);
      if (self->timer != NULL && !self->dirty)
        arm_for_next (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_reminder_scheduler_class_init (ProspectReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = prospect_reminder_scheduler_constructed;
  object_class->dispose = prospect_reminder_scheduler_dispose;
  object_class->finalize = prospect_reminder_scheduler_finalize;
  object_class->get_property = prospect_reminder_scheduler_get_property;
  object_class->set_property = prospect_reminder_scheduler_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         PROSPECT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_MINUTES] =
    g_param_spec_int ("lead-minutes", NULL, NULL,
                      0, 7 * 24 * 60, 10,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALL_DAY_HOUR] =
    g_param_spec_int ("all-day-hour", NULL, NULL,
                      0, 23, 9,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIGEST_ENABLED] =
    g_param_spec_boolean ("digest-enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIGEST_HOUR] =
    g_param_spec_int ("digest-hour", NULL, NULL,
                      0, 23, 8,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK_INTERVAL] =
    g_param_spec_uint ("check-interval", NULL, NULL,
                       1, G_MAXUINT, 60 * 1000,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DUE] =
    g_param_spec_int64 ("next-due", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REMINDERS_DUE] =
    g_signal_new ("reminders-due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  signals[DIGEST_DUE] =
    g_signal_new ("digest-due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
prospect_reminder_scheduler_init (ProspectReminderScheduler *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->lead_minutes = 10;
  self->all_day_hour = 9;
  self->digest_hour = 8;
  self->check_interval = 60 * 1000;
  self->next_due = -1;
  self->next_digest = -1;
}

ProspectReminderScheduler *
prospect_reminder_scheduler_new (ProspectDatabase *database)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (database), NULL);

  return g_object_new (PROSPECT_TYPE_REMINDER_SCHEDULER,
                       "database", database,
                       NULL);
}

gint64
prospect_reminder_scheduler_get_next_due (ProspectReminderScheduler *self)
{
  g_return_val_if_fail (PROSPECT_IS_REMINDER_SCHEDULER (self), -1);

  return self->next_due;
}

void
prospect_reminder_scheduler_time_changed (ProspectReminderScheduler *self)
{
  g_return_if_fail (PROSPECT_IS_REMINDER_SCHEDULER (self));

  self->retry_after = 0;
  request_check (self);
}

void
prospect_reminder_scheduler_watch_system_sleep (ProspectReminderScheduler *self)
{
  g_return_if_fail (PROSPECT_IS_REMINDER_SCHEDULER (self));

  if (self->watching_sleep)
    return;

  self->watching_sleep = TRUE;
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, self);
}

gboolean
prospect_reminder_scheduler_snooze (ProspectReminderScheduler  *self,
                                    const char                 *activity_id,
                                    gint64                      until_ms,
                                    GError                    **error)
{
  g_autoptr(ProspectActivity) activity = NULL;

  g_return_val_if_fail (PROSPECT_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (activity_id != NULL, FALSE);
  g_return_val_if_fail (until_ms > 0, FALSE);

  activity = prospect_activity_load (self->database, activity_id, error);
  if (activity == NULL)
    return FALSE;

  prospect_activity_set_snoozed_until (activity, until_ms);

  return prospect_record_update (PROSPECT_RECORD (activity), self->database, error);
}

gboolean
prospect_reminder_scheduler_mark_done (ProspectReminderScheduler  *self,
                                       const char                 *activity_id,
                                       GError                    **error)
{
  g_autoptr(ProspectActivity) activity = NULL;

  g_return_val_if_fail (PROSPECT_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (activity_id != NULL, FALSE);

  activity = prospect_activity_load (self->database, activity_id, error);
  if (activity == NULL)
    return FALSE;

  /* Pressing Done twice (two notifications, or a late click) keeps the
   * first completion time. */
  if (prospect_activity_is_done (activity))
    return TRUE;

  return prospect_activity_mark_done (activity, self->database, error);
}
