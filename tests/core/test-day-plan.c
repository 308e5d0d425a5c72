/* test-day-plan.c - the day plan's sections, check-off, reschedule and the
 * deals with no next step, against a pinned clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "prospect-day-plan.h"
#include "test-fixture.h"

/* The tests run with TZ=Europe/Ljubljana (tests/meson.build); times are
 * built in the local zone so that they say what a rep would see. */
static gint64
local_ms (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * 1000;
}

static char *
add_activity_full (Fixture    *fixture,
                   const char *subject,
                   gint64      due_at,
                   const char *due_date,
                   const char *deal_id,
                   const char *owner_id)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_subject (activity, subject);
  prospect_activity_set_due_at (activity, due_at);
  prospect_activity_set_due_date (activity, due_date);
  prospect_activity_set_deal_id (activity, deal_id);
  prospect_activity_set_owner_id (activity, owner_id);
  prospect_record_insert (PROSPECT_RECORD (activity), fixture->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (activity)));
}

static char *
add_activity (Fixture    *fixture,
              const char *subject,
              gint64      due_at,
              const char *due_date)
{
  return add_activity_full (fixture, subject, due_at, due_date, NULL, fixture->rep_id);
}

static ProspectActivity *
load_activity (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  ProspectActivity *activity = prospect_activity_load (fixture->db, id, &error);

  g_assert_no_error (error);

  return activity;
}

/* "old>new,old>new" of the field_change rows of one activity field, in
 * the order written; SQL NULL as "NULL". */
static char *
history_of (Fixture    *fixture,
            const char *activity_id,
            const char *field)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (fixture->db),
                                       "SELECT ifnull(old_value, 'NULL') || '>' || ifnull(new_value, 'NULL') "
                                       "FROM field_change WHERE entity = 'activity' AND entity_id = ? "
                                       "AND field = ? ORDER BY changed_at, rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, activity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "",
                            (const char *) sqlite3_column_text (stmt, 0));

  return g_strdup (text->str);
}

static ProspectDayPlan *
load_plan (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ProspectDayPlan *plan = prospect_day_plan_load (fixture->db, fixture->rep_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

/* "subject,subject,..." of a section's activities, or titles of deals. */
static char *
names (ProspectDayPlanSection *section)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < section->items->len; i++)
    {
      gpointer item = g_ptr_array_index (section->items, i);

      if (PROSPECT_IS_ACTIVITY (item))
        g_strv_builder_add (builder, prospect_activity_get_subject (item));
      else
        g_strv_builder_add (builder, prospect_deal_get_title (item));
    }
  strv = g_strv_builder_end (builder);

  return g_strjoinv (",", strv);
}

#define assert_section(section, expected)                               \
  G_STMT_START {                                                        \
    g_autofree char *_names = names (section);                          \
    g_assert_cmpstr (_names, ==, expected);                             \
    g_assert_cmpint ((section)->n_total, ==, (section)->items->len);    \
  } G_STMT_END

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ProspectDayPlan) plan = NULL;
  g_autoptr(ProspectActivity) done = NULL;
  g_autoptr(ProspectActivity) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done_id = NULL;
  g_autofree char *deleted_id = NULL;

  /* Wednesday 25 November 2026, 10:00 */
  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 10, 0));

  g_free (add_activity (fixture, "old call", local_ms (2026, 11, 20, 9, 0), NULL));
  g_free (add_activity (fixture, "yesterday task", -1, "2026-11-24"));
  g_free (add_activity (fixture, "early call", local_ms (2026, 11, 25, 8, 0), NULL));
  g_free (add_activity (fixture, "later meeting", local_ms (2026, 11, 25, 15, 0), NULL));
  g_free (add_activity (fixture, "all day today", -1, "2026-11-25"));
  g_free (add_activity (fixture, "noon call", local_ms (2026, 11, 25, 12, 0), NULL));
  g_free (add_activity (fixture, "tomorrow demo", local_ms (2026, 11, 26, 9, 30), NULL));
  g_free (add_activity (fixture, "tomorrow all-day", -1, "2026-11-26"));
  g_free (add_activity (fixture, "day seven", local_ms (2026, 12, 2, 23, 30), NULL));
  g_free (add_activity (fixture, "day eight", local_ms (2026, 12, 3, 0, 0), NULL));
  g_free (add_activity (fixture, "someday", -1, NULL));
  g_free (add_activity_full (fixture, "not mine", local_ms (2026, 11, 25, 11, 0), NULL,
                             NULL, fixture->manager_id));
  done_id = add_activity (fixture, "done call", local_ms (2026, 11, 25, 16, 0), NULL);
  deleted_id = add_activity (fixture, "deleted call", local_ms (2026, 11, 20, 16, 0), NULL);

  done = load_activity (fixture, done_id);
  prospect_activity_mark_done (done, fixture->db, &error);
  g_assert_no_error (error);
  deleted = load_activity (fixture, deleted_id);
  prospect_record_delete (PROSPECT_RECORD (deleted), fixture->db, &error);
  g_assert_no_error (error);

  plan = load_plan (fixture);

  g_assert_cmpstr (plan->today, ==, "2026-11-25");
  assert_section (&plan->overdue, "early call,yesterday task,old call");
  assert_section (&plan->today_section, "all day today,noon call,later meeting");
  g_assert_cmpstr (plan->today_section.date, ==, "2026-11-25");
  assert_section (&plan->upcoming[0], "tomorrow all-day,tomorrow demo");
  g_assert_cmpstr (plan->upcoming[0].date, ==, "2026-11-26");
  for (guint i = 1; i < 6; i++)
    assert_section (&plan->upcoming[i], "");
  assert_section (&plan->upcoming[6], "day seven");
  g_assert_cmpstr (plan->upcoming[6].date, ==, "2026-12-02");
  assert_section (&plan->undated, "someday");
  g_assert_false (prospect_day_plan_is_empty (plan));

  prospect_clock_set_fake_ms (0);
}

/* Timed activities are overdue from their minute on; all-day ones only
 * once their day is over. */
static void
test_midnight (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ProspectDayPlan) after_midnight = NULL;
  g_autoptr(ProspectDayPlan) before_midnight = NULL;

  g_free (add_activity (fixture, "late call", local_ms (2026, 11, 24, 23, 50), NULL));
  g_free (add_activity (fixture, "monday task", -1, "2026-11-24"));
  g_free (add_activity (fixture, "tuesday task", -1, "2026-11-25"));
  g_free (add_activity (fixture, "night call", local_ms (2026, 11, 25, 0, 5), NULL));
  g_free (add_activity (fixture, "early call", local_ms (2026, 11, 25, 0, 20), NULL));
  g_free (add_activity (fixture, "last call", local_ms (2026, 11, 25, 23, 55), NULL));
  g_free (add_activity (fixture, "evening call", local_ms (2026, 11, 25, 23, 40), NULL));
  g_free (add_activity (fixture, "first call", local_ms (2026, 11, 26, 0, 0), NULL));

  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 0, 10));
  after_midnight = load_plan (fixture);
  assert_section (&after_midnight->overdue, "night call,late call,monday task");
  assert_section (&after_midnight->today_section, "tuesday task,early call,evening call,last call");
  assert_section (&after_midnight->upcoming[0], "first call");

  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 23, 50));
  before_midnight = load_plan (fixture);
  assert_section (&before_midnight->overdue,
                  "evening call,early call,night call,late call,monday task");
  assert_section (&before_midnight->today_section, "tuesday task,last call");
  assert_section (&before_midnight->upcoming[0], "first call");

  prospect_clock_set_fake_ms (0);
}

/* The overdue list keeps the newest ones and counts the rest. */
static void
test_overdue_limit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ProspectDayPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint extra = 5;
  guint n = PROSPECT_DAY_PLAN_SECTION_LIMIT + extra;

  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 10, 0));
  prospect_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *subject = g_strdup_printf ("call %u", i);

      /* call 0 is the newest: one hour before now, then an hour apart */
      g_free (add_activity (fixture, subject, local_ms (2026, 11, 25, 9, 0) - i * 3600000, NULL));
    }
  prospect_database_commit (fixture->db, &error);
  g_assert_no_error (error);

  plan = load_plan (fixture);
  g_assert_cmpuint (plan->overdue.items->len, ==, PROSPECT_DAY_PLAN_SECTION_LIMIT);
  g_assert_cmpint (plan->overdue.n_total, ==, n);
  g_assert_cmpstr (prospect_activity_get_subject (g_ptr_array_index (plan->overdue.items, 0)), ==, "call 0");
  g_assert_cmpstr (prospect_activity_get_subject (g_ptr_array_index (plan->overdue.items,
                                                                    PROSPECT_DAY_PLAN_SECTION_LIMIT - 1)),
                   ==, "call 199");

  prospect_clock_set_fake_ms (0);
}

static void
test_check_off_and_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ProspectActivity) activity = NULL;
  g_autoptr(ProspectActivity) stored = NULL;
  g_autoptr(ProspectActivity) restored = NULL;
  g_autoptr(ProspectDayPlan) checked = NULL;
  g_autoptr(ProspectDayPlan) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected_event = NULL;
  g_autofree char *history = NULL;
  g_autofree char *expected_history = NULL;
  gint64 now = local_ms (2026, 11, 25, 10, 0);
  ChangeLog log;

  prospect_clock_set_fake_ms (now);
  id = add_activity (fixture, "call Acme", local_ms (2026, 11, 24, 9, 0), NULL);
  expected_event = g_strdup_printf ("activity %s updated", id);
  change_log_init (&log, fixture->db, "changed::activity");

  activity = load_activity (fixture, id);
  g_assert_true (prospect_activity_mark_done (activity, fixture->db, &error));
  g_assert_no_error (error);
  stored = load_activity (fixture, id);
  g_assert_cmpint (prospect_activity_get_done_at (stored), ==, now);
  checked = load_plan (fixture);
  assert_section (&checked->overdue, "");
  g_assert_true (prospect_day_plan_is_empty (checked));

  g_assert_true (prospect_day_plan_mark_not_done (activity, fixture->db, &error));
  g_assert_no_error (error);
  restored = load_activity (fixture, id);
  g_assert_cmpint (prospect_activity_get_done_at (restored), ==, -1);
  g_assert_false (prospect_activity_is_done (restored));
  undone = load_plan (fixture);
  assert_section (&undone->overdue, "call Acme");

  g_assert_cmpuint (log.events->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log.events, 0), ==, expected_event);
  g_assert_cmpstr (g_ptr_array_index (log.events, 1), ==, expected_event);
  change_log_clear (&log, fixture->db);

  /* Both changes are in the history: done, then not done again */
  history = history_of (fixture, id, "done_at");
  expected_history = g_strdup_printf ("NULL>%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ">NULL", now, now);
  g_assert_cmpstr (history, ==, expected_history);

  prospect_clock_set_fake_ms (0);
}

/* Reschedules a fresh copy of the stored activity and returns it reloaded. */
static ProspectActivity *
reschedule (Fixture            *fixture,
            const char         *id,
            ProspectReschedule  when)
{
  g_autoptr(ProspectActivity) activity = load_activity (fixture, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (prospect_day_plan_reschedule (activity, fixture->db, when, &error));
  g_assert_no_error (error);

  return load_activity (fixture, id);
}

static void
assert_due (ProspectActivity *activity,
            gint64            due_at,
            const char       *due_date)
{
  g_assert_cmpint (prospect_activity_get_due_at (activity), ==, due_at);
  g_assert_cmpstr (prospect_activity_get_due_date (activity), ==, due_date);
}

static void
test_reschedule (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *timed = add_activity (fixture, "timed", local_ms (2026, 11, 20, 14, 45), NULL);
  g_autofree char *all_day = add_activity (fixture, "all day", -1, "2026-11-20");
  g_autofree char *other_day = add_activity (fixture, "other day", -1, "2026-11-21");
  g_autofree char *undated = add_activity (fixture, "undated", -1, NULL);
  ProspectActivity *moved;

  /* Wednesday 10:10: two hours later is 12:10, rounded up to 12:30 */
  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 10, 10));
  moved = reschedule (fixture, timed, PROSPECT_RESCHEDULE_LATER_TODAY);
  assert_due (moved, local_ms (2026, 11, 25, 12, 30), NULL);
  g_object_unref (moved);
  moved = reschedule (fixture, all_day, PROSPECT_RESCHEDULE_LATER_TODAY);
  assert_due (moved, local_ms (2026, 11, 25, 12, 30), NULL);
  g_object_unref (moved);

  /* On the half hour exactly, it stays there */
  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 10, 30));
  moved = reschedule (fixture, timed, PROSPECT_RESCHEDULE_LATER_TODAY);
  assert_due (moved, local_ms (2026, 11, 25, 12, 30), NULL);
  g_object_unref (moved);

  /* Tomorrow keeps the time of day; a day without a time stays all-day */
  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 10, 10));
  moved = reschedule (fixture, timed, PROSPECT_RESCHEDULE_TOMORROW);
  assert_due (moved, local_ms (2026, 11, 26, 12, 30), NULL);
  g_object_unref (moved);
  moved = reschedule (fixture, other_day, PROSPECT_RESCHEDULE_TOMORROW);
  assert_due (moved, -1, "2026-11-26");
  g_object_unref (moved);
  moved = reschedule (fixture, undated, PROSPECT_RESCHEDULE_TOMORROW);
  assert_due (moved, -1, "2026-11-26");
  g_object_unref (moved);

  /* Next week = the next Monday, from a Wednesday and from a Monday */
  moved = reschedule (fixture, timed, PROSPECT_RESCHEDULE_NEXT_WEEK);
  assert_due (moved, local_ms (2026, 11, 30, 12, 30), NULL);
  g_object_unref (moved);
  prospect_clock_set_fake_ms (local_ms (2026, 11, 30, 8, 0));
  moved = reschedule (fixture, undated, PROSPECT_RESCHEDULE_NEXT_WEEK);
  assert_due (moved, -1, "2026-12-07");
  g_object_unref (moved);

  /* Across the end of daylight saving time (25 October 2026), the wall
   * clock time is kept, not the 24 hours */
  prospect_clock_set_fake_ms (local_ms (2026, 10, 24, 10, 0));
  moved = reschedule (fixture, timed, PROSPECT_RESCHEDULE_TOMORROW);
  assert_due (moved, local_ms (2026, 10, 25, 12, 30), NULL);
  g_object_unref (moved);

  prospect_clock_set_fake_ms (0);
}

static void
test_reschedule_to_date (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *timed = add_activity (fixture, "timed", local_ms (2026, 11, 20, 14, 45), NULL);
  g_autofree char *all_day = add_activity (fixture, "all day", -1, "2026-11-20");
  g_autoptr(ProspectActivity) activity = load_activity (fixture, timed);
  g_autoptr(ProspectActivity) day = load_activity (fixture, all_day);
  g_autoptr(ProspectActivity) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history = NULL;
  g_autofree char *expected_history = NULL;

  g_assert_true (prospect_day_plan_reschedule_to_date (activity, fixture->db, "2026-12-15", &error));
  g_assert_no_error (error);
  stored = load_activity (fixture, timed);
  assert_due (stored, local_ms (2026, 12, 15, 14, 45), NULL);
  g_clear_object (&stored);
  history = history_of (fixture, timed, "due_at");
  expected_history = g_strdup_printf ("%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT,
                                      local_ms (2026, 11, 20, 14, 45), local_ms (2026, 12, 15, 14, 45));
  g_assert_cmpstr (history, ==, expected_history);

  g_assert_true (prospect_day_plan_reschedule_to_date (day, fixture->db, "2027-01-04", &error));
  g_assert_no_error (error);
  stored = load_activity (fixture, all_day);
  assert_due (stored, -1, "2027-01-04");
  g_clear_object (&stored);

  /* A date that does not exist changes nothing */
  g_assert_false (prospect_day_plan_reschedule_to_date (activity, fixture->db, "2026-02-30", &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  assert_due (activity, local_ms (2026, 12, 15, 14, 45), NULL);
  stored = load_activity (fixture, timed);
  assert_due (stored, local_ms (2026, 12, 15, 14, 45), NULL);
}

static void
test_later_today_too_late (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = add_activity (fixture, "late", local_ms (2026, 11, 25, 21, 0), NULL);
  g_autoptr(ProspectActivity) activity = load_activity (fixture, id);
  g_autoptr(ProspectActivity) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* 22:10 + 2 h is tomorrow: refused, nothing stored */
  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 22, 10));
  g_assert_false (prospect_day_plan_reschedule (activity, fixture->db,
                                                PROSPECT_RESCHEDULE_LATER_TODAY, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  assert_due (activity, local_ms (2026, 11, 25, 21, 0), NULL);
  stored = load_activity (fixture, id);
  assert_due (stored, local_ms (2026, 11, 25, 21, 0), NULL);

  prospect_clock_set_fake_ms (0);
}

static char *
add_deal (Fixture    *fixture,
          const char *title,
          int         stage_position,
          const char *expected_close,
          const char *owner_id)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autofree char *stage_id = test_db_stage_id (fixture->db, stage_position);
  g_autoptr(GError) error = NULL;

  prospect_deal_set_title (deal, title);
  prospect_deal_set_stage_id (deal, stage_id);
  prospect_deal_set_expected_close (deal, expected_close);
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal)));
}

static void
test_no_next_step (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *done_only = add_deal (fixture, "done only", 0, "2026-12-31", fixture->rep_id);
  g_autofree char *overdue_only = add_deal (fixture, "overdue only", 1, "2026-12-01", fixture->rep_id);
  g_autofree char *planned = add_deal (fixture, "planned", 2, "2026-11-30", fixture->rep_id);
  g_autofree char *planned_today = add_deal (fixture, "all-day today", 2, "2026-11-30", fixture->rep_id);
  g_autofree char *deleted_plan = add_deal (fixture, "deleted plan", 3, "2027-01-15", fixture->rep_id);
  g_autofree char *no_close = add_deal (fixture, "no close date", 0, NULL, fixture->rep_id);
  g_autofree char *won = add_deal (fixture, "won", 4, "2026-11-01", fixture->rep_id);
  g_autofree char *lost = add_deal (fixture, "lost", 5, "2026-11-01", fixture->rep_id);
  g_autofree char *theirs = add_deal (fixture, "theirs", 0, "2026-11-01", fixture->manager_id);
  g_autofree char *done_id = NULL;
  g_autofree char *deleted_id = NULL;
  g_autoptr(ProspectActivity) done = NULL;
  g_autoptr(ProspectActivity) deleted = NULL;
  g_autoptr(ProspectDayPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  prospect_clock_set_fake_ms (local_ms (2026, 11, 25, 10, 0));

  done_id = add_activity_full (fixture, "done", local_ms (2026, 11, 30, 9, 0), NULL, done_only, fixture->rep_id);
  done = load_activity (fixture, done_id);
  prospect_activity_mark_done (done, fixture->db, &error);
  g_assert_no_error (error);
  g_free (add_activity_full (fixture, "past", local_ms (2026, 11, 20, 9, 0), NULL, done_only, fixture->rep_id));
  g_free (add_activity_full (fixture, "overdue", local_ms (2026, 11, 25, 9, 0), NULL, overdue_only, fixture->rep_id));
  g_free (add_activity_full (fixture, "soon", local_ms (2026, 11, 25, 10, 30), NULL, planned, fixture->rep_id));
  g_free (add_activity_full (fixture, "today", -1, "2026-11-25", planned_today, fixture->rep_id));
  deleted_id = add_activity_full (fixture, "gone", local_ms (2026, 12, 1, 9, 0), NULL, deleted_plan, fixture->rep_id);
  deleted = load_activity (fixture, deleted_id);
  prospect_record_delete (PROSPECT_RECORD (deleted), fixture->db, &error);
  g_assert_no_error (error);

  plan = load_plan (fixture);
  assert_section (&plan->no_next_step, "overdue only,done only,deleted plan,no close date");

  prospect_clock_set_fake_ms (0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/day-plan/sections", test_sections);
  ADD ("/core/day-plan/midnight", test_midnight);
  ADD ("/core/day-plan/overdue-limit", test_overdue_limit);
  ADD ("/core/day-plan/check-off-undo", test_check_off_and_undo);
  ADD ("/core/day-plan/reschedule", test_reschedule);
  ADD ("/core/day-plan/reschedule-to-date", test_reschedule_to_date);
  ADD ("/core/day-plan/later-today-too-late", test_later_today_too_late);
  ADD ("/core/day-plan/no-next-step", test_no_next_step);

#undef ADD

  return g_test_run ();
}
