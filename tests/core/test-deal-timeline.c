/* test-deal-timeline.c - a deal's activities, stage moves and field
 * changes merged, newest first, as sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-fixture.h"

#include "prospect-chart-format.h"
#include "prospect-deal-timeline.h"

#define HOUR ((gint64) 60 * 60 * 1000)
/* Monday 5 January 2026, 09:00 UTC */
#define BASE ((gint64) 1767603600000)

static void
timeline_tear_down (Fixture       *fixture,
                    gconstpointer  data)
{
  prospect_clock_set_fake_ms (0);
  fixture_tear_down (fixture, data);
}

static void
insert_activity (Fixture    *fixture,
                 const char *deal_id,
                 const char *kind,
                 const char *subject,
                 gint64      done_at,
                 gint64      due_at)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_kind (activity, kind);
  prospect_activity_set_subject (activity, subject);
  prospect_activity_set_deal_id (activity, deal_id);
  prospect_activity_set_owner_id (activity, fixture->rep_id);
  prospect_activity_set_done_at (activity, done_at);
  prospect_activity_set_due_at (activity, due_at);
  prospect_record_insert (PROSPECT_RECORD (activity), fixture->db, &error);
  g_assert_no_error (error);
}

/* The deal's story, one hour apart: made by Rui in Prospecting at 9:00
 * with $12,000, a call done at 10:00, moved to Qualified at 11:00, amount
 * raised to $15,000 and the probability set at 12:00, a demo planned for
 * 15:00; another deal's changes at 13:00 must not show. */
static char *
make_story (Fixture *fixture)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(ProspectDeal) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  prospect_database_set_setting (fixture->db, "me", fixture->rep_id, &error);
  g_assert_no_error (error);

  prospect_clock_set_fake_ms (BASE);
  prospect_deal_set_title (deal, "Server upgrade");
  prospect_deal_set_stage_id (deal, fixture->stage_id);
  prospect_deal_set_owner_id (deal, fixture->rep_id);
  prospect_deal_set_amount (deal, 1200000);
  prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error);
  g_assert_no_error (error);
  id = prospect_record_get_id (PROSPECT_RECORD (deal));

  insert_activity (fixture, id, "call", "Discovery", BASE + HOUR, -1);

  prospect_clock_set_fake_ms (BASE + 2 * HOUR);
  prospect_deal_move_to_stage (deal, fixture->db, fixture->next_stage_id, NULL, NULL, &error);
  g_assert_no_error (error);

  prospect_clock_set_fake_ms (BASE + 3 * HOUR);
  prospect_deal_set_amount (deal, 1500000);
  prospect_deal_set_probability (deal, 40);
  prospect_record_update (PROSPECT_RECORD (deal), fixture->db, &error);
  g_assert_no_error (error);

  prospect_clock_set_fake_ms (BASE + 4 * HOUR);
  other = prospect_deal_load (fixture->db, fixture->deal_id, &error);
  g_assert_no_error (error);
  prospect_deal_set_amount (other, 99);
  prospect_record_update (PROSPECT_RECORD (other), fixture->db, &error);
  g_assert_no_error (error);

  insert_activity (fixture, id, "demo", "Show the console", -1, BASE + 6 * HOUR);

  return g_strdup (id);
}

static void
test_merged_newest_first (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *id = make_story (fixture);
  g_autofree char *before = prospect_chart_format_money_whole (1200000, "USD");
  g_autofree char *after = prospect_chart_format_money_whole (1500000, "USD");
  g_autofree char *amount = g_strdup_printf ("Rui Rep changed Amount from %s to %s", before, after);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  struct
  {
    gint64                at;
    ProspectTimelineKind  kind;
    const char           *text;
  } expected[] = {
    { BASE + 6 * HOUR, PROSPECT_TIMELINE_ACTIVITY_PLANNED, "Rui Rep planned a demo: Show the console" },
    { BASE + 3 * HOUR, PROSPECT_TIMELINE_FIELD_CHANGE, NULL /* amount or probability */ },
    { BASE + 3 * HOUR, PROSPECT_TIMELINE_FIELD_CHANGE, NULL },
    { BASE + 2 * HOUR, PROSPECT_TIMELINE_STAGE_CHANGE, "Rui Rep moved it from Prospecting to Qualified" },
    { BASE + HOUR, PROSPECT_TIMELINE_ACTIVITY_DONE, "Rui Rep called: Discovery" },
    { BASE, PROSPECT_TIMELINE_STAGE_CHANGE, "Rui Rep created it in Prospecting" },
  };
  gboolean seen_amount = FALSE, seen_probability = FALSE;

  entries = prospect_deal_timeline (fixture->db, id, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < entries->len; i++)
    {
      ProspectTimelineEntry *entry = entries->pdata[i];

      g_assert_cmpint (entry->at, ==, expected[i].at);
      g_assert_cmpint (entry->kind, ==, expected[i].kind);
      g_assert_cmpstr (entry->who, ==, "Rui Rep");
      g_assert_false (entry->all_day);
      if (expected[i].text != NULL)
        g_assert_cmpstr (entry->text, ==, expected[i].text);
      else if (g_strcmp0 (entry->text, amount) == 0)
        seen_amount = TRUE;
      else
        {
          g_assert_cmpstr (entry->text, ==, "Rui Rep changed Probability from the stage default to 40%");
          seen_probability = TRUE;
        }
    }
  g_assert_true (seen_amount);
  g_assert_true (seen_probability);
}

static void
test_bounded (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = make_story (fixture);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  /* the newest three of six */
  entries = prospect_deal_timeline (fixture->db, id, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (((ProspectTimelineEntry *) entries->pdata[0])->at, ==, BASE + 6 * HOUR);
  g_assert_cmpint (((ProspectTimelineEntry *) entries->pdata[2])->at, ==, BASE + 3 * HOUR);
}

static void
test_values_and_authors (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(ProspectActivity) all_day = prospect_activity_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  /* no "me": the author is unknown */
  prospect_clock_set_fake_ms (BASE);
  deal = prospect_deal_load (fixture->db, fixture->deal_id, &error);
  g_assert_no_error (error);
  prospect_deal_set_next_step (deal, "Call the CFO");
  prospect_deal_set_priority (deal, 2);
  prospect_deal_set_account_id (deal, fixture->account_id);
  prospect_record_update (PROSPECT_RECORD (deal), fixture->db, &error);
  g_assert_no_error (error);

  prospect_activity_set_subject (all_day, "Write proposal");
  prospect_activity_set_deal_id (all_day, fixture->deal_id);
  prospect_activity_set_due_date (all_day, "2026-01-07");
  prospect_record_insert (PROSPECT_RECORD (all_day), fixture->db, &error);
  g_assert_no_error (error);

  entries = prospect_deal_timeline (fixture->db, fixture->deal_id, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      ProspectTimelineEntry *entry = entries->pdata[i];

      g_ptr_array_add (texts, entry->text);
      if (entry->kind == PROSPECT_TIMELINE_ACTIVITY_PLANNED)
        {
          g_assert_true (entry->all_day);
          /* 7 January 2026, 00:00 UTC */
          g_assert_cmpint (entry->at, ==, 1767744000000);
          g_assert_null (entry->who);
        }
    }
  g_ptr_array_add (texts, NULL);

  g_assert_true (g_strv_contains ((const char *const *) texts->pdata, "Someone set Next step to “Call the CFO”"));
  g_assert_true (g_strv_contains ((const char *const *) texts->pdata, "Someone changed Priority from Normal to High"));
  g_assert_true (g_strv_contains ((const char *const *) texts->pdata, "Someone set Account to Acme Ltd"));
  g_assert_true (g_strv_contains ((const char *const *) texts->pdata, "Someone planned a task: Write proposal"));

  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_null (prospect_deal_timeline (fixture->db, "no-such-deal", 50, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/deal-timeline/merged-newest-first", Fixture, NULL,
              fixture_set_up, test_merged_newest_first, timeline_tear_down);
  g_test_add ("/core/deal-timeline/bounded", Fixture, NULL,
              fixture_set_up, test_bounded, timeline_tear_down);
  g_test_add ("/core/deal-timeline/values-and-authors", Fixture, NULL,
              fixture_set_up, test_values_and_authors, timeline_tear_down);

  return g_test_run ();
}
