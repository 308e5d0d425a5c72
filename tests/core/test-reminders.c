/* test-reminders.c - the reminder scheduler, driven by a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "test-util.h"

#define MINUTE (60 * 1000)
#define HOUR (60 * MINUTE)
/* Short, so that tests see the periodic clock check without waiting. */
#define TEST_CHECK_INTERVAL_MS 20

typedef struct
{
  ProspectDatabase          *db;
  ProspectReminderScheduler *scheduler;
  GPtrArray                 *delivered;    /* activity ids, in delivery order */
  guint                      batches;
  guint                      digests;
  guint                      digest_overdue;
  guint                      digest_today;
  gint64                     base;         /* Monday 2 February 2026, 08:00 local */
  char                      *saved_tz;
} Fixture;

static gint64
local_ms (const char *zone_name,
          int         year,
          int         month,
          int         day,
          int         hour,
          int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (zone);
  time = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * 1000;
}

static void
reminders_due_cb (ProspectReminderScheduler *scheduler,
                  GPtrArray                 *activities,
                  Fixture                   *f)
{
  f->batches++;
  for (guint i = 0; i < activities->len; i++)
    {
      ProspectRecord *record = g_ptr_array_index (activities, i);

      g_assert_true (PROSPECT_IS_ACTIVITY (record));
      g_ptr_array_add (f->delivered, g_strdup (prospect_record_get_id (record)));
    }
}

static void
digest_due_cb (ProspectReminderScheduler *scheduler,
               guint                      overdue,
               guint                      today,
               Fixture                   *f)
{
  f->digests++;
  f->digest_overdue = overdue;
  f->digest_today = today;
}

static void
start_scheduler (Fixture *f)
{
  f->scheduler = prospect_reminder_scheduler_new (f->db);
  g_object_set (f->scheduler, "check-interval", TEST_CHECK_INTERVAL_MS, NULL);
  g_signal_connect (f->scheduler, "reminders-due", G_CALLBACK (reminders_due_cb), f);
  g_signal_connect (f->scheduler, "digest-due", G_CALLBACK (digest_due_cb), f);
}

static void
stop_scheduler (Fixture *f)
{
  g_signal_handlers_disconnect_by_data (f->scheduler, f);
  g_clear_object (&f->scheduler);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->saved_tz = g_strdup (g_getenv ("TZ"));
  f->base = local_ms ("Europe/Ljubljana", 2026, 2, 2, 8, 0);
  g_assert_cmpstr (f->saved_tz, ==, "Europe/Ljubljana");
  prospect_clock_set_fake_ms (f->base);
  f->db = test_db_open_fresh ("reminders.db");
  f->delivered = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->scheduler != NULL)
    stop_scheduler (f);
  g_clear_object (&f->db);
  g_clear_pointer (&f->delivered, g_ptr_array_unref);
  prospect_clock_set_fake_ms (0);
  g_setenv ("TZ", f->saved_tz, TRUE);
  tzset ();
  g_free (f->saved_tz);
}

/* Dispatches what is ready now (a zero-delay re-check) without waiting. */
static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for ms real milliseconds: several clock checks. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_batches (Fixture *f,
                  guint    batches)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add_seconds (5, set_flag_cb, &timed_out);

  while (f->batches < batches && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (guard);
}

static void
wait_for_next_due_change (Fixture *f,
                          gint64   old_value)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add_seconds (5, set_flag_cb, &timed_out);

  while (prospect_reminder_scheduler_get_next_due (f->scheduler) == old_value && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (guard);
}

static ProspectActivity *
insert_activity (Fixture    *f,
                 const char *subject,
                 gint64      due_at,
                 const char *due_date,
                 const char *owner_id)
{
  g_autoptr(GError) error = NULL;
  ProspectActivity *activity = prospect_activity_new ();

  prospect_activity_set_subject (activity, subject);
  prospect_activity_set_due_at (activity, due_at);
  prospect_activity_set_due_date (activity, due_date);
  prospect_activity_set_owner_id (activity, owner_id);
  prospect_record_insert (PROSPECT_RECORD (activity), f->db, &error);
  g_assert_no_error (error);

  return activity;
}

static char *
insert_timed (Fixture    *f,
              const char *subject,
              gint64      due_at)
{
  g_autoptr(ProspectActivity) activity = insert_activity (f, subject, due_at, NULL, NULL);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (activity)));
}

static void
save (Fixture        *f,
      ProspectRecord *record)
{
  g_autoptr(GError) error = NULL;

  prospect_record_update (record, f->db, &error);
  g_assert_no_error (error);
}

static void
delete_activity (Fixture    *f,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectActivity) activity = prospect_activity_load (f->db, id, &error);

  g_assert_no_error (error);
  prospect_record_delete (PROSPECT_RECORD (activity), f->db, &error);
  g_assert_no_error (error);
}

static gint64
stored_int (Fixture    *f,
            const char *column,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (%s, -1) FROM activity WHERE id = '%s'",
                                          column, id);

  return test_db_query_int (f->db, sql);
}

static void
test_next_due_selection (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ProspectPerson) me = test_insert_person (f->db, "Rui Rep", "rep");
  g_autoptr(ProspectPerson) other = test_insert_person (f->db, "Olga Other", "rep");
  const char *me_id = prospect_record_get_id (PROSPECT_RECORD (me));
  g_autoptr(ProspectActivity) chosen = NULL;
  g_autoptr(ProspectActivity) done = NULL;
  g_autoptr(ProspectActivity) others = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted_id = NULL;
  gint64 expected = G_MAXINT64;

  prospect_database_set_setting (f->db, "me", me_id, &error);
  g_assert_no_error (error);

  /* Forty of mine, in random order, an hour to ten days away. */
  for (int i = 0; i < 40; i++)
    {
      g_autoptr(ProspectActivity) activity = NULL;
      gint64 due = f->base + g_test_rand_int_range (HOUR, 240 * HOUR);

      activity = insert_activity (f, "Mine", due, NULL, i % 2 ? me_id : NULL);
      expected = MIN (expected, due - 10 * MINUTE);
    }

  /* Earlier ones that must not count: done, deleted, someone else's. */
  done = insert_activity (f, "Done", f->base + 20 * MINUTE, NULL, me_id);
  prospect_activity_set_done_at (done, f->base);
  save (f, PROSPECT_RECORD (done));
  deleted_id = insert_timed (f, "Deleted", f->base + 25 * MINUTE);
  delete_activity (f, deleted_id);
  others = insert_activity (f, "Someone else's", f->base + 15 * MINUTE, NULL,
                            prospect_record_get_id (PROSPECT_RECORD (other)));

  start_scheduler (f);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, expected);

  /* A chosen reminder time wins over the lead-time rule. */
  chosen = insert_activity (f, "Chosen", f->base + 300 * HOUR, NULL, me_id);
  prospect_activity_set_remind_at (chosen, f->base + 40 * MINUTE);
  save (f, PROSPECT_RECORD (chosen));
  run_pending ();
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   MIN (expected, f->base + 40 * MINUTE));
}

static void
test_rearm (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *later_id = insert_timed (f, "Later", f->base + 3 * HOUR);
  g_autoptr(ProspectActivity) sooner = NULL;
  ChangeLog log;

  start_scheduler (f);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + 3 * HOUR - 10 * MINUTE);

  /* Insert: an earlier one takes over. */
  sooner = insert_activity (f, "Sooner", f->base + HOUR, NULL, NULL);
  run_pending ();
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + HOUR - 10 * MINUTE);

  /* Update: moved past the other one. */
  prospect_activity_set_due_at (sooner, f->base + 5 * HOUR);
  save (f, PROSPECT_RECORD (sooner));
  run_pending ();
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + 3 * HOUR - 10 * MINUTE);

  /* Delete: the remaining one is next; then none. */
  delete_activity (f, later_id);
  run_pending ();
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + 5 * HOUR - 10 * MINUTE);
  delete_activity (f, prospect_record_get_id (PROSPECT_RECORD (sooner)));
  run_pending ();
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, -1);

  /* Re-arming only reads: the scheduler wrote nothing. */
  change_log_init (&log, f->db, "changed::activity");
  run_for (5 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (log.events->len, ==, 0);
  change_log_clear (&log, f->db);
}

static void
test_fires_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = insert_timed (f, "Call Acme", f->base + 20 * MINUTE);
  gint64 fired_at = f->base + 10 * MINUTE + 1000;

  start_scheduler (f);
  run_for (3 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->batches, ==, 0);

  prospect_clock_set_fake_ms (fired_at);
  wait_for_batches (f, 1);
  g_assert_cmpuint (f->delivered->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->delivered, 0), ==, id);
  g_assert_cmpint (stored_int (f, "reminded_at", id), ==, fired_at);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, -1);

  /* Many more clock checks, then a restart: nothing is repeated. */
  run_for (10 * TEST_CHECK_INTERVAL_MS);
  stop_scheduler (f);
  start_scheduler (f);
  run_for (10 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->batches, ==, 1);
}

static void
test_snooze (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = insert_timed (f, "Demo for Beta", f->base + 20 * MINUTE);
  g_autoptr(GError) error = NULL;
  gint64 now = f->base + 10 * MINUTE;

  start_scheduler (f);
  prospect_clock_set_fake_ms (now);
  wait_for_batches (f, 1);

  prospect_reminder_scheduler_snooze (f->scheduler, id, now + 10 * MINUTE, &error);
  g_assert_no_error (error);
  run_pending ();
  g_assert_cmpint (stored_int (f, "snoozed_until", id), ==, now + 10 * MINUTE);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, now + 10 * MINUTE);

  prospect_clock_set_fake_ms (now + 9 * MINUTE);
  run_for (5 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->batches, ==, 1);

  prospect_clock_set_fake_ms (now + 10 * MINUTE);
  wait_for_batches (f, 2);
  g_assert_cmpuint (f->delivered->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->delivered, 1), ==, id);
  run_for (5 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->batches, ==, 2);

  /* Snoozing an unknown activity says so. */
  g_assert_false (prospect_reminder_scheduler_snooze (f->scheduler, "no-such-id", now, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND);
}

static void
test_done_cancels (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = insert_timed (f, "Send proposal", f->base + 20 * MINUTE);
  g_autoptr(GError) error = NULL;

  start_scheduler (f);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + 10 * MINUTE);

  g_assert_true (prospect_reminder_scheduler_mark_done (f->scheduler, id, &error));
  g_assert_no_error (error);
  run_pending ();
  g_assert_cmpint (stored_int (f, "done_at", id), ==, f->base);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, -1);

  prospect_clock_set_fake_ms (f->base + HOUR);
  run_for (5 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->batches, ==, 0);

  /* A second Done keeps the first completion time. */
  g_assert_true (prospect_reminder_scheduler_mark_done (f->scheduler, id, &error));
  g_assert_cmpint (stored_int (f, "done_at", id), ==, f->base);
}

static void
test_jump_forward (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) missed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *after_id = NULL;
  g_autofree char *done_id = NULL;
  g_autofree char *deleted_id = NULL;
  g_autoptr(GError) error = NULL;

  /* Due 40 min .. 3 h from now: their reminders fall inside the jump. */
  for (int i = 0; i < 5; i++)
    g_ptr_array_add (missed, insert_timed (f, "Missed", f->base + 40 * MINUTE + i * 35 * MINUTE));
  after_id = insert_timed (f, "After the jump", f->base + 4 * HOUR);
  done_id = insert_timed (f, "Done before", f->base + HOUR);
  deleted_id = insert_timed (f, "Deleted before", f->base + 90 * MINUTE);

  start_scheduler (f);
  g_assert_true (prospect_reminder_scheduler_mark_done (f->scheduler, done_id, &error));
  delete_activity (f, deleted_id);
  run_for (3 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->batches, ==, 0);

  /* The lid closes for three hours: nobody calls time_changed(); the
   * periodic check must notice. */
  prospect_clock_set_fake_ms (f->base + 3 * HOUR);
  wait_for_batches (f, 1);
  run_for (10 * TEST_CHECK_INTERVAL_MS);

  g_assert_cmpuint (f->batches, ==, 1);
  g_assert_cmpuint (f->delivered->len, ==, missed->len);
  for (guint i = 0; i < missed->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (f->delivered, i), ==, g_ptr_array_index (missed, i));
      g_assert_cmpint (stored_int (f, "reminded_at", g_ptr_array_index (missed, i)), ==,
                       f->base + 3 * HOUR);
    }
  g_assert_cmpint (stored_int (f, "reminded_at", done_id), ==, -1);
  g_assert_cmpint (stored_int (f, "reminded_at", deleted_id), ==, -1);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + 4 * HOUR - 10 * MINUTE);
}

static void
test_missed_at_start (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first = insert_timed (f, "While away 1", f->base + HOUR);
  g_autofree char *second = insert_timed (f, "While away 2", f->base + 2 * HOUR);

  /* Prospect was not running; it starts the next morning. */
  prospect_clock_set_fake_ms (f->base + 24 * HOUR);
  start_scheduler (f);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + HOUR - 10 * MINUTE);
  g_assert_cmpuint (f->batches, ==, 0);
  wait_for_batches (f, 1);
  run_for (5 * TEST_CHECK_INTERVAL_MS);

  g_assert_cmpuint (f->batches, ==, 1);
  g_assert_cmpuint (f->delivered->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->delivered, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (f->delivered, 1), ==, second);
}

static void
test_time_zone_change (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ProspectActivity) task = insert_activity (f, "Quarterly report", -1, "2026-02-03", NULL);
  gint64 ljubljana = local_ms ("Europe/Ljubljana", 2026, 2, 3, 9, 0);
  gint64 new_york = local_ms ("America/New_York", 2026, 2, 3, 9, 0);

  start_scheduler (f);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, ljubljana);

  /* The user flies to New York: GLib has no signal for it; the periodic
   * check sees the new offset. */
  g_setenv ("TZ", "America/New_York", TRUE);
  wait_for_next_due_change (f, ljubljana);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, new_york);
  g_assert_cmpint (new_york - ljubljana, ==, 6 * HOUR);

  prospect_clock_set_fake_ms (new_york);
  wait_for_batches (f, 1);
  g_assert_cmpstr (g_ptr_array_index (f->delivered, 0), ==,
                   prospect_record_get_id (PROSPECT_RECORD (task)));
}

static void
test_all_day_rule (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ProspectActivity) task = insert_activity (f, "Prepare offer", -1, "2026-02-03", NULL);
  g_autoptr(ProspectActivity) timed = insert_activity (f, "Call", f->base + 30 * HOUR + 30 * MINUTE, NULL, NULL);
  g_autoptr(ProspectActivity) entered_late = insert_activity (f, "Logged late", -1, "2026-02-01", NULL);

  start_scheduler (f);
  /* Default: 09:00 local on the day; the task entered after its day has
   * none. */
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   local_ms ("Europe/Ljubljana", 2026, 2, 3, 9, 0));

  g_object_set (f->scheduler, "all-day-hour", 14, NULL);
  run_pending ();
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   local_ms ("Europe/Ljubljana", 2026, 2, 3, 14, 0));

  /* The timed activity (tomorrow 14:30) with a 90-minute lead is now first. */
  g_object_set (f->scheduler, "lead-minutes", 90, NULL);
  run_pending ();
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==,
                   f->base + 30 * HOUR + 30 * MINUTE - 90 * MINUTE);

  /* The day arrives: only the two of them, each once. */
  prospect_clock_set_fake_ms (local_ms ("Europe/Ljubljana", 2026, 2, 3, 14, 0));
  wait_for_batches (f, 1);
  run_for (5 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->delivered->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->delivered, 0), ==, prospect_record_get_id (PROSPECT_RECORD (timed)));
  g_assert_cmpstr (g_ptr_array_index (f->delivered, 1), ==, prospect_record_get_id (PROSPECT_RECORD (task)));
  g_assert_cmpint (stored_int (f, "reminded_at", prospect_record_get_id (PROSPECT_RECORD (entered_late))), ==, -1);
}

static void
test_deleted_or_done (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *deleted_id = insert_timed (f, "Deleted", f->base + 20 * MINUTE);
  g_autoptr(ProspectActivity) done = insert_activity (f, "Done", f->base + 20 * MINUTE, NULL, NULL);
  g_autoptr(ProspectActivity) done_day = insert_activity (f, "Done all day", -1, "2026-02-02", NULL);

  start_scheduler (f);
  delete_activity (f, deleted_id);
  prospect_activity_set_done_at (done, f->base);
  save (f, PROSPECT_RECORD (done));
  prospect_activity_set_done_at (done_day, f->base);
  save (f, PROSPECT_RECORD (done_day));

  prospect_clock_set_fake_ms (f->base + 24 * HOUR);
  prospect_reminder_scheduler_time_changed (f->scheduler);
  run_for (10 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->batches, ==, 0);
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, -1);
}

static void
test_daily_digest (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ProspectActivity) overdue = insert_activity (f, "Overdue", -1, "2026-02-01", NULL);
  g_autoptr(ProspectActivity) today_timed = insert_activity (f, "Today", f->base + 2 * HOUR, NULL, NULL);
  g_autoptr(ProspectActivity) today_day = insert_activity (f, "Today all day", -1, "2026-02-02", NULL);
  g_autoptr(ProspectActivity) tomorrow = insert_activity (f, "Tomorrow", -1, "2026-02-03", NULL);

  prospect_clock_set_fake_ms (f->base - MINUTE);
  start_scheduler (f);
  g_object_set (f->scheduler, "digest-enabled", TRUE, "digest-hour", 8, NULL);
  run_for (5 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->digests, ==, 0);

  prospect_clock_set_fake_ms (f->base + 1000);
  run_for (10 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->digests, ==, 1);
  g_assert_cmpuint (f->digest_overdue, ==, 1);
  g_assert_cmpuint (f->digest_today, ==, 2);

  /* Once a day, even across a restart. */
  stop_scheduler (f);
  start_scheduler (f);
  g_object_set (f->scheduler, "digest-enabled", TRUE, NULL);
  run_for (10 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->digests, ==, 1);

  prospect_clock_set_fake_ms (f->base + 24 * HOUR + 1000);
  run_for (10 * TEST_CHECK_INTERVAL_MS);
  g_assert_cmpuint (f->digests, ==, 2);
  g_assert_cmpuint (f->digest_overdue, ==, 3);
  g_assert_cmpuint (f->digest_today, ==, 1);
}

/* Counts the sources attached to context whose ids were handed out
 * between two markers: the scheduler's, since nothing else runs here. */
static guint
marker_source_id (GMainContext *context)
{
  g_autoptr(GSource) marker = g_idle_source_new ();
  guint id = g_source_attach (marker, context);

  g_source_destroy (marker);

  return id;
}

static void
test_one_timer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  GSource *armed = NULL;
  guint first_id, last_id, live = 0;
  gint64 delay_ms, started;

  g_main_context_push_thread_default (context);
  first_id = marker_source_id (context);
  /* The default clock check (a minute), not the tests' short one. */
  f->scheduler = prospect_reminder_scheduler_new (f->db);

  /* 10,000 future reminders, the nearest 30 seconds away. */
  g_assert_true (prospect_database_begin (f->db, &error));
  for (int i = 0; i < 10000; i++)
    {
      g_autofree char *id = NULL;

      id = insert_timed (f, "Many", f->base + 10 * MINUTE + 30 * 1000 + (gint64) (9999 - i) * MINUTE);
    }
  g_assert_true (prospect_database_commit (f->db, &error));
  started = g_get_monotonic_time ();
  while (g_main_context_iteration (context, FALSE))
    ;
  /* For the README: one coalesced re-query over 10,000 pending rows. */
  g_test_message ("re-armed after 10,000 inserts in %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);

  last_id = marker_source_id (context);
  for (guint id = first_id + 1; id < last_id; id++)
    {
      GSource *source = g_main_context_find_source_by_id (context, id);

      if (source != NULL)
        {
          live++;
          armed = source;
        }
    }

  g_assert_cmpuint (live, ==, 1);
  g_assert_cmpstr (g_source_get_name (armed), ==, "prospect-reminder-timer");
  g_assert_cmpint (prospect_reminder_scheduler_get_next_due (f->scheduler), ==, f->base + 30 * 1000);
  /* It waits for that reminder: neither a busy poll nor a timer per row. */
  delay_ms = (g_source_get_ready_time (armed) - g_get_monotonic_time ()) / 1000;
  g_assert_cmpint (delay_ms, >, 25 * 1000);
  g_assert_cmpint (delay_ms, <=, 30 * 1000);

  stop_scheduler (f);
  g_main_context_pop_thread_default (context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/reminders/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("next-due-selection", test_next_due_selection);
  ADD ("rearm-on-change", test_rearm);
  ADD ("fires-once", test_fires_once);
  ADD ("snooze", test_snooze);
  ADD ("done-cancels", test_done_cancels);
  ADD ("jump-forward", test_jump_forward);
  ADD ("missed-at-start", test_missed_at_start);
  ADD ("time-zone-change", test_time_zone_change);
  ADD ("all-day-rule", test_all_day_rule);
  ADD ("deleted-or-done", test_deleted_or_done);
  ADD ("daily-digest", test_daily_digest);
  ADD ("one-timer", test_one_timer);

#undef ADD

  return g_test_run ();
}
