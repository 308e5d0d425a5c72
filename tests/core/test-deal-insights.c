/* test-deal-insights.c - the won deals' medians for a deal's stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-fixture.h"

#include "prospect-deal-insights.h"

#define HOUR ((gint64) 60 * 60 * 1000)
#define DAY (24 * HOUR)
/* Monday 5 January 2026, 00:00 UTC */
#define BASE ((gint64) 1767571200000)

/* Stages of the default pipeline, by position. */
enum { PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST };

typedef struct
{
  Fixture  base;
  char    *stages[6];
  char    *rep2_id;      /* the fixture rep's team mate */
  char    *other_id;     /* a rep of another manager */
} InsightsFixture;

static void
insights_set_up (InsightsFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(ProspectPerson) rep2 = NULL;
  g_autoptr(ProspectPerson) other_manager = NULL;
  g_autoptr(ProspectPerson) other = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fixture->base, data);
  for (int i = 0; i < 6; i++)
    fixture->stages[i] = test_db_stage_id (fixture->base.db, i);

  rep2 = prospect_person_new ();
  prospect_person_set_name (rep2, "Rita Rep");
  prospect_person_set_manager_id (rep2, fixture->base.manager_id);
  prospect_record_insert (PROSPECT_RECORD (rep2), fixture->base.db, &error);
  g_assert_no_error (error);
  fixture->rep2_id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (rep2)));

  other_manager = test_insert_person (fixture->base.db, "Otto Manager", "manager");
  other = prospect_person_new ();
  prospect_person_set_name (other, "Olga Rep");
  prospect_person_set_manager_id (other, prospect_record_get_id (PROSPECT_RECORD (other_manager)));
  prospect_record_insert (PROSPECT_RECORD (other), fixture->base.db, &error);
  g_assert_no_error (error);
  fixture->other_id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (other)));
}

static void
insights_tear_down (InsightsFixture *fixture,
                    gconstpointer    data)
{
  prospect_clock_set_fake_ms (0);
  for (int i = 0; i < 6; i++)
    g_free (fixture->stages[i]);
  g_free (fixture->rep2_id);
  g_free (fixture->other_id);
  fixture_tear_down (&fixture->base, data);
}

static void
add_done_activity (InsightsFixture *fixture,
                   const char      *deal_id,
                   gint64           done_at)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_subject (activity, "Follow up");
  prospect_activity_set_deal_id (activity, deal_id);
  prospect_activity_set_done_at (activity, done_at);
  prospect_record_insert (PROSPECT_RECORD (activity), fixture->base.db, &error);
  g_assert_no_error (error);
}

static void
move (InsightsFixture *fixture,
      ProspectDeal    *deal,
      int              stage,
      gint64           at)
{
  g_autoptr(GError) error = NULL;

  prospect_clock_set_fake_ms (at);
  prospect_deal_move_to_stage (deal, fixture->base.db, fixture->stages[stage],
                               NULL, stage == LOST ? "Budget" : NULL, &error);
  g_assert_no_error (error);
}

/* A deal of owner made at start in Prospecting (one activity done there,
 * which must not count), in Qualified from start + 1 day for days days
 * with n_activities done there, then moved to final. Returned stored. */
static ProspectDeal *
deal_through_qualified (InsightsFixture *fixture,
                        const char      *owner_id,
                        gint64           start,
                        int              days,
                        int              n_activities,
                        int              final)
{
  ProspectDeal *deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;
  const char *id;

  prospect_clock_set_fake_ms (start);
  prospect_deal_set_title (deal, "Deal");
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_deal_set_stage_id (deal, fixture->stages[PROSPECTING]);
  prospect_record_insert (PROSPECT_RECORD (deal), fixture->base.db, &error);
  g_assert_no_error (error);
  id = prospect_record_get_id (PROSPECT_RECORD (deal));
  add_done_activity (fixture, id, start + HOUR);

  move (fixture, deal, QUALIFIED, start + DAY);
  for (int i = 0; i < n_activities; i++)
    add_done_activity (fixture, id, start + DAY + (i + 1) * HOUR);

  if (final >= 0)
    move (fixture, deal, final, start + DAY + days * DAY);

  return deal;
}

static void
won_deal (InsightsFixture *fixture,
          const char      *owner_id,
          int              days,
          int              n_activities)
{
  g_autoptr(ProspectDeal) deal = deal_through_qualified (fixture, owner_id, BASE, days, n_activities, WON);
}

/* The team's five won deals: 2, 4, 6, 8 and 10 days in Qualified, with
 * 1, 3, 0, 5 and 2 activities there (and one each in Prospecting). A lost
 * deal and three won deals of another team must not count for the team. */
static void
add_history (InsightsFixture *fixture)
{
  g_autoptr(ProspectDeal) lost = NULL;

  won_deal (fixture, fixture->base.rep_id, 2, 1);
  won_deal (fixture, fixture->base.rep_id, 4, 3);
  won_deal (fixture, fixture->rep2_id, 6, 0);
  won_deal (fixture, fixture->rep2_id, 8, 5);
  won_deal (fixture, fixture->base.rep_id, 10, 2);
  lost = deal_through_qualified (fixture, fixture->base.rep_id, BASE, 100, 9, LOST);

  won_deal (fixture, fixture->other_id, 50, 4);
  won_deal (fixture, fixture->other_id, 50, 4);
  won_deal (fixture, fixture->other_id, 50, 4);
}

/* An open deal in Qualified since 3 days before now, with two activities
 * done there, one done before and one only planned. */
static ProspectDeal *
open_deal (InsightsFixture *fixture,
           const char      *owner_id,
           gint64           now)
{
  ProspectDeal *deal = deal_through_qualified (fixture, owner_id, now - 4 * DAY, 0, 2, -1);
  g_autoptr(ProspectActivity) planned = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_subject (planned, "Send quote");
  prospect_activity_set_deal_id (planned, prospect_record_get_id (PROSPECT_RECORD (deal)));
  prospect_activity_set_due_at (planned, now + DAY);
  prospect_record_insert (PROSPECT_RECORD (planned), fixture->base.db, &error);
  g_assert_no_error (error);
  prospect_clock_set_fake_ms (now);

  return deal;
}

static void
test_team_medians (InsightsFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(ProspectDealInsights) insights = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = BASE + 200 * DAY;

  add_history (fixture);
  deal = open_deal (fixture, fixture->base.rep_id, now);

  insights = prospect_deal_insights_compute (fixture->base.db, prospect_record_get_id (PROSPECT_RECORD (deal)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (insights);

  g_assert_cmpstr (insights->stage_name, ==, "Qualified");
  g_assert_true (insights->team);
  g_assert_cmpuint (insights->n_won, ==, 5);
  g_assert_true (insights->enough);
  /* days 2 4 6 8 10 -> 6; activities 0 1 2 3 5 -> 2 */
  g_assert_cmpfloat_with_epsilon (insights->median_days, 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (insights->median_activities, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (insights->days, 3.0, 1e-9);
  g_assert_cmpuint (insights->activities, ==, 2);
  g_assert_cmpstr (insights->text, ==,
                   "Won deals in your team spent a median of 6 days and 2 activities in Qualified. "
                   "This deal: 3 days and 2 activities in Qualified so far.");
}

static void
test_small_team_falls_back_to_everyone (InsightsFixture *fixture,
                                        gconstpointer    data)
{
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(ProspectDealInsights) insights = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = BASE + 200 * DAY;

  add_history (fixture);
  /* Olga's team has three won deals: fewer than the minimum */
  deal = open_deal (fixture, fixture->other_id, now);

  insights = prospect_deal_insights_compute (fixture->base.db, prospect_record_get_id (PROSPECT_RECORD (deal)), &error);
  g_assert_no_error (error);
  g_assert_false (insights->team);
  g_assert_cmpuint (insights->n_won, ==, 8);
  /* days 2 4 6 8 10 50 50 50 -> (8 + 10) / 2; activities 0 1 2 3 4 4 4 5 -> (3 + 4) / 2 */
  g_assert_cmpfloat_with_epsilon (insights->median_days, 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (insights->median_activities, 3.5, 1e-9);
  g_assert_true (g_str_has_prefix (insights->text,
                                   "Won deals across all teams spent a median of 9 days and 3.5 activities in Qualified."));
}

static void
test_too_few_won_deals (InsightsFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(ProspectDealInsights) insights = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = BASE + 200 * DAY;

  /* Three won deals went through Qualified and none through Proposal */
  won_deal (fixture, fixture->base.rep_id, 2, 1);
  won_deal (fixture, fixture->rep2_id, 4, 1);
  won_deal (fixture, fixture->other_id, 6, 1);
  deal = open_deal (fixture, fixture->base.rep_id, now);

  insights = prospect_deal_insights_compute (fixture->base.db, prospect_record_get_id (PROSPECT_RECORD (deal)), &error);
  g_assert_no_error (error);
  g_assert_false (insights->enough);
  g_assert_cmpuint (insights->n_won, ==, 3);
  g_assert_true (g_str_has_prefix (insights->text,
                                   "Only 3 won deals have passed through Qualified: too few to compare with."));

  move (fixture, deal, PROPOSAL, now + HOUR);
  g_clear_pointer (&insights, prospect_deal_insights_free);
  insights = prospect_deal_insights_compute (fixture->base.db, prospect_record_get_id (PROSPECT_RECORD (deal)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (insights->n_won, ==, 0);
  g_assert_cmpuint (insights->activities, ==, 0);
  g_assert_true (g_str_has_prefix (insights->text, "No won deal has passed through Proposal yet"));
}

static void
test_closed_and_missing_deals (InsightsFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(ProspectDeal) deal = deal_through_qualified (fixture, fixture->base.rep_id, BASE, 3, 1, WON);
  g_autoptr(GError) error = NULL;

  /* a closed deal gets no hint, and that is not an error */
  g_assert_null (prospect_deal_insights_compute (fixture->base.db, prospect_record_get_id (PROSPECT_RECORD (deal)),
                                                 &error));
  g_assert_no_error (error);

  g_assert_null (prospect_deal_insights_compute (fixture->base.db, "no-such-deal", &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/deal-insights/team-medians", InsightsFixture, NULL,
              insights_set_up, test_team_medians, insights_tear_down);
  g_test_add ("/core/deal-insights/small-team-falls-back", InsightsFixture, NULL,
              insights_set_up, test_small_team_falls_back_to_everyone, insights_tear_down);
  g_test_add ("/core/deal-insights/too-few-won", InsightsFixture, NULL,
              insights_set_up, test_too_few_won_deals, insights_tear_down);
  g_test_add ("/core/deal-insights/closed-and-missing", InsightsFixture, NULL,
              insights_set_up, test_closed_and_missing_deals, insights_tear_down);

  return g_test_run ();
}
