/* test-my-numbers.c - a rep's figures and the team medians, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-util.h"
#include "prospect-my-numbers.h"

/* The team (fiscal year = calendar year; "now" is Wednesday 25 Nov 2026,
 * 12:00 local, Europe/Ljubljana; the period is Q4 = 1 Oct - 31 Dec 2026;
 * this week began on Monday 23 Nov 00:00):
 *
 *   Max (manager) -- Rita (the rep, "me"), Paul, Pia, Pete; Ivan (rep,
 *                    inactive)
 *   Mia (manager) -- Olga
 *
 * Amounts are minor units; open deals have their own probability.
 *
 *         won             lost  open (prob.)       target     activities
 *                                                             this week
 *   Rita  300,001         1     200,000 (50 %)     1,000,000  2
 *   Paul  500,000+100,000 0     -                  1,200,000  3
 *   Pia   -               0     1,000,000 (20 %)   -          0
 *   Pete  150,000         3     400,000 (25 %)     500,000    5
 *   Ivan  5,000,000       0     -                  -          9
 *   Olga  9,000,000       0     -                  -          9
 *
 * Rita's activities: one done at Monday 00:00:00.000 (counts), one at
 * Sunday 23:59:59.999 (last week), one on Wednesday 11:00 (counts), one
 * marked done at Wednesday 13:00, after now (does not count). */

typedef struct
{
  ProspectDatabase *db;
  char             *stages[6];
  char             *max, *mia, *rita, *paul, *pia, *pete, *ivan, *olga;
  ProspectPeriod    quarter;
} Team;

enum { PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST };

static gint64
local_ms (int year, int month, int day, int hour, int minute, double seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, seconds);

  return g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
}

static void
at_noon (const char *iso)
{
  GDate date;

  g_assert_true (prospect_date_from_iso (&date, iso));
  prospect_clock_set_fake_ms (local_ms (g_date_get_year (&date), g_date_get_month (&date),
                                        g_date_get_day (&date), 12, 0, 0));
}

static char *
add_person (Team       *team,
            const char *name,
            const char *role,
            const char *manager_id,
            gboolean    active)
{
  g_autoptr(ProspectPerson) person = prospect_person_new ();
  g_autoptr(GError) error = NULL;

  prospect_person_set_name (person, name);
  prospect_person_set_role (person, role);
  prospect_person_set_manager_id (person, manager_id);
  prospect_person_set_active (person, active);
  prospect_record_insert (PROSPECT_RECORD (person), team->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (person)));
}

static ProspectDeal *
add_deal (Team       *team,
          const char *owner_id,
          gint64      amount,
          int         probability,
          const char *expected_close)
{
  ProspectDeal *deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;

  at_noon ("2026-10-01");
  prospect_deal_set_title (deal, "Deal");
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_deal_set_stage_id (deal, team->stages[PROSPECTING]);
  prospect_deal_set_amount (deal, amount);
  prospect_deal_set_probability (deal, probability);
  prospect_deal_set_expected_close (deal, expected_close);
  prospect_record_insert (PROSPECT_RECORD (deal), team->db, &error);
  g_assert_no_error (error);

  return deal;
}

/* A deal closed (won or lost) on 10 Oct 2026. */
static void
add_closed (Team       *team,
            const char *owner_id,
            gint64      amount,
            int         stage)
{
  g_autoptr(ProspectDeal) deal = add_deal (team, owner_id, amount, -1, NULL);
  g_autoptr(GError) error = NULL;

  at_noon ("2026-10-10");
  prospect_deal_move_to_stage (deal, team->db, team->stages[stage], NULL,
                               stage == LOST ? "Price" : NULL, &error);
  g_assert_no_error (error);
}

static void
add_open (Team       *team,
          const char *owner_id,
          gint64      amount,
          int         probability)
{
  g_autoptr(ProspectDeal) deal = add_deal (team, owner_id, amount, probability, "2026-12-01");
}

static void
add_done (Team       *team,
          const char *owner_id,
          gint64      done_at)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_subject (activity, "Call");
  prospect_activity_set_owner_id (activity, owner_id);
  prospect_activity_set_done_at (activity, done_at);
  prospect_record_insert (PROSPECT_RECORD (activity), team->db, &error);
  g_assert_no_error (error);
}

/* n activities done on Tuesday 24 Nov at 9:00 */
static void
add_done_this_week (Team       *team,
                    const char *owner_id,
                    guint       n)
{
  for (guint i = 0; i < n; i++)
    add_done (team, owner_id, local_ms (2026, 11, 24, 9, 0, 0));
}

static void
add_target (Team       *team,
            const char *person_id,
            gint64      value)
{
  g_autoptr(ProspectTarget) target = prospect_target_new ();
  g_autoptr(GError) error = NULL;

  prospect_target_set_person_id (target, person_id);
  prospect_target_set_period_kind (target, "quarter");
  prospect_target_set_period_start (target, "2026-10-01");
  prospect_target_set_metric (target, "won_value");
  prospect_target_set_value (target, value);
  prospect_record_insert (PROSPECT_RECORD (target), team->db, &error);
  g_assert_no_error (error);
}

static void
add_rita (Team *team)
{
  add_closed (team, team->rita, 300001, WON);
  add_closed (team, team->rita, 80000, LOST);
  add_open (team, team->rita, 200000, 50);
  add_target (team, team->rita, 1000000);
  add_done (team, team->rita, local_ms (2026, 11, 23, 0, 0, 0));
  add_done (team, team->rita, local_ms (2026, 11, 22, 23, 59, 59.999));
  add_done (team, team->rita, local_ms (2026, 11, 25, 11, 0, 0));
  add_done (team, team->rita, local_ms (2026, 11, 25, 13, 0, 0));
}

static void
add_peers (Team *team)
{
  add_closed (team, team->paul, 500000, WON);
  add_closed (team, team->paul, 100000, WON);
  add_target (team, team->paul, 1200000);
  add_done_this_week (team, team->paul, 3);

  add_open (team, team->pia, 1000000, 20);

  add_closed (team, team->pete, 150000, WON);
  for (guint i = 0; i < 3; i++)
    add_closed (team, team->pete, 10000, LOST);
  add_open (team, team->pete, 400000, 25);
  add_target (team, team->pete, 500000);
  add_done_this_week (team, team->pete, 5);

  /* Not peers: inactive, or in another team */
  add_closed (team, team->ivan, 5000000, WON);
  add_done_this_week (team, team->ivan, 9);
  add_closed (team, team->olga, 9000000, WON);
  add_done_this_week (team, team->olga, 9);
}

static void
team_set_up (Team          *team,
             gconstpointer  data)
{
  GDate today;

  team->db = test_db_open_fresh ("my-numbers.db");
  for (int i = 0; i < 6; i++)
    team->stages[i] = test_db_stage_id (team->db, i);

  team->max = add_person (team, "Max", "manager", NULL, TRUE);
  team->mia = add_person (team, "Mia", "manager", NULL, TRUE);
  team->rita = add_person (team, "Rita", "rep", team->max, TRUE);
  team->paul = add_person (team, "Paul", "rep", team->max, TRUE);
  team->pia = add_person (team, "Pia", "rep", team->max, TRUE);
  team->pete = add_person (team, "Pete", "rep", team->max, TRUE);
  team->ivan = add_person (team, "Ivan", "rep", team->max, FALSE);
  team->olga = add_person (team, "Olga", "rep", team->mia, TRUE);
  add_rita (team);
  add_peers (team);

  at_noon ("2026-11-25");
  g_assert_true (prospect_date_from_iso (&today, "2026-11-25"));
  prospect_period_init (&team->quarter, PROSPECT_PERIOD_QUARTER, &today, 1);
}

static void
team_tear_down (Team          *team,
                gconstpointer  data)
{
  prospect_clock_set_fake_ms (0);
  g_clear_object (&team->db);
  for (int i = 0; i < 6; i++)
    g_free (team->stages[i]);
  g_free (team->max);
  g_free (team->mia);
  g_free (team->rita);
  g_free (team->paul);
  g_free (team->pia);
  g_free (team->pete);
  g_free (team->ivan);
  g_free (team->olga);
}

static ProspectMyNumbers *
compute (Team       *team,
         const char *person_id)
{
  g_autoptr(GError) error = NULL;
  ProspectMyNumbers *numbers = prospect_my_numbers_compute (team->db, &team->quarter, person_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (numbers);

  return numbers;
}

/* Rita's own figures are those of the person report. */
static void
test_own_figures (Team          *team,
                  gconstpointer  data)
{
  g_autoptr(ProspectMyNumbers) numbers = compute (team, team->rita);
  const ProspectFigures *own = prospect_my_numbers_get_figures (numbers);

  g_assert_cmpint (own->won_value, ==, 300001);
  g_assert_cmpuint (own->won_count, ==, 1);
  g_assert_cmpuint (own->lost_count, ==, 1);
  g_assert_cmpfloat (own->win_rate, ==, 0.5);
  g_assert_cmpint (own->open_value, ==, 200000);
  g_assert_cmpint (own->weighted_value, ==, 100000);
  g_assert_cmpint (own->target_value, ==, 1000000);
  g_assert_cmpfloat (own->attainment, ==, 300001.0 / 1000000.0);
  g_assert_false (prospect_my_numbers_is_empty (numbers));
}

/* Four peers (Rita, Paul, Pia, Pete): an even count.
 *  won        0, 150,000, 300,001, 600,000  -> (150,000 + 300,001) / 2
 *             = 225,000.5, rounded half up 225,001; Rita is above
 *  open       0, 200,000, 400,000, 1,000,000 -> 300,000; Rita below
 *  weighted   0, 100,000 (Rita), 100,000 (Pete), 200,000 -> 100,000;
 *             Rita equal, so not below
 *  attainment Pia has no target: 0.3 (Pete), 0.300001, 0.5 -> 0.300001
 *  win rate   Pia closed nothing: 0.25, 0.5, 1.0 -> 0.5
 *  activities 0, 2, 3, 5 -> 2.5; Rita below (2: Monday 00:00 counts,
 *             Sunday 23:59:59.999 and 13:00 today, after now, do not) */
static void
test_medians_even (Team          *team,
                   gconstpointer  data)
{
  g_autoptr(ProspectMyNumbers) numbers = compute (team, team->rita);

  g_assert_cmpuint (numbers->n_peers, ==, 4);
  g_assert_cmpuint (numbers->activities_this_week, ==, 2);
  g_assert_cmpint (numbers->week_start_ms, ==, local_ms (2026, 11, 23, 0, 0, 0));

  g_assert_cmpint (numbers->median.won_value, ==, 225001);
  g_assert_cmpint (numbers->median.open_value, ==, 300000);
  g_assert_cmpint (numbers->median.weighted_value, ==, 100000);
  g_assert_cmpfloat (numbers->median.attainment, ==, 300001.0 / 1000000.0);
  g_assert_cmpfloat (numbers->median.win_rate, ==, 0.5);
  g_assert_cmpfloat (numbers->median.activities_this_week, ==, 2.5);

  g_assert_false (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_WON));
  g_assert_true (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_OPEN));
  g_assert_false (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_WEIGHTED));
  g_assert_false (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_ATTAINMENT));
  g_assert_false (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_WIN_RATE));
  g_assert_true (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_ACTIVITIES));
}

/* Pete sees the same medians, and is below on won, attainment, win rate. */
static void
test_medians_same_for_peers (Team          *team,
                             gconstpointer  data)
{
  g_autoptr(ProspectMyNumbers) numbers = compute (team, team->pete);

  g_assert_cmpuint (numbers->n_peers, ==, 4);
  g_assert_cmpint (numbers->median.won_value, ==, 225001);
  g_assert_cmpfloat (numbers->median.activities_this_week, ==, 2.5);
  g_assert_true (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_WON));
  g_assert_true (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_ATTAINMENT));
  g_assert_true (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_WIN_RATE));
  g_assert_false (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_ACTIVITIES));
}

/* Pia leaves (deleted): three peers, an odd count.
 *  won        150,000, 300,001, 600,000 -> 300,001 (Rita's own)
 *  open       0 (Paul), 200,000, 400,000 -> 200,000
 *  activities 2, 3, 5 -> 3; Rita below */
static void
test_medians_odd (Team          *team,
                  gconstpointer  data)
{
  g_autoptr(ProspectMyNumbers) numbers = NULL;
  g_autoptr(ProspectPerson) pia = NULL;
  g_autoptr(GError) error = NULL;

  pia = prospect_person_load (team->db, team->pia, &error);
  g_assert_no_error (error);
  prospect_record_delete (PROSPECT_RECORD (pia), team->db, &error);
  g_assert_no_error (error);

  numbers = compute (team, team->rita);
  g_assert_cmpuint (numbers->n_peers, ==, 3);
  g_assert_cmpint (numbers->median.won_value, ==, 300001);
  g_assert_cmpint (numbers->median.open_value, ==, 200000);
  g_assert_cmpfloat (numbers->median.activities_this_week, ==, 3);
  g_assert_false (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_OPEN));
  g_assert_true (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_ACTIVITIES));
}

/* Without a manager there is nobody to compare with: the medians are the
 * rep's own figures and nothing is "below". Olga, whose team is only her,
 * is the same. */
static void
test_no_peers (Team          *team,
               gconstpointer  data)
{
  g_autoptr(ProspectMyNumbers) numbers = NULL;
  g_autoptr(ProspectPerson) olga = NULL;
  g_autoptr(GError) error = NULL;

  numbers = compute (team, team->olga);
  g_assert_cmpuint (numbers->n_peers, ==, 1);
  g_assert_cmpint (numbers->median.won_value, ==, 9000000);
  g_clear_pointer (&numbers, prospect_my_numbers_free);

  olga = prospect_person_load (team->db, team->olga, &error);
  g_assert_no_error (error);
  prospect_person_set_manager_id (olga, NULL);
  prospect_record_update (PROSPECT_RECORD (olga), team->db, &error);
  g_assert_no_error (error);

  numbers = compute (team, team->olga);
  g_assert_cmpuint (numbers->n_peers, ==, 1);
  g_assert_cmpuint (numbers->activities_this_week, ==, 9);
  g_assert_cmpfloat (numbers->median.win_rate, ==, 1.0);
  g_assert_true (isnan (numbers->median.attainment));
  for (int figure = PROSPECT_MY_NUMBERS_WON; figure <= PROSPECT_MY_NUMBERS_ACTIVITIES; figure++)
    g_assert_false (prospect_my_numbers_is_below_median (numbers, figure));
}

/* A rep with nothing in the period, and an unknown person. */
static void
test_empty_and_unknown (Team          *team,
                        gconstpointer  data)
{
  g_autoptr(ProspectMyNumbers) numbers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newcomer = add_person (team, "Nina", "rep", team->mia, TRUE);

  numbers = compute (team, newcomer);
  g_assert_true (prospect_my_numbers_is_empty (numbers));
  g_assert_cmpuint (numbers->n_peers, ==, 2);
  /* Olga and Nina: (0 + 9,000,000) / 2 */
  g_assert_cmpint (numbers->median.won_value, ==, 4500000);
  g_assert_true (prospect_my_numbers_is_below_median (numbers, PROSPECT_MY_NUMBERS_WON));
  g_clear_pointer (&numbers, prospect_my_numbers_free);

  numbers = prospect_my_numbers_compute (team->db, &team->quarter, "no-such-person", &error);
  g_assert_null (numbers);
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND);
}

static void
test_median (void)
{
  double none[1] = { 0 };
  double one[] = { 7 };
  double three[] = { 5, -1, 2 };
  double four[] = { 4, 1, 3, 2 };

  g_assert_true (isnan (prospect_median (none, 0)));
  g_assert_cmpfloat (prospect_median (one, 1), ==, 7);
  g_assert_cmpfloat (prospect_median (three, 3), ==, 2);
  g_assert_cmpfloat (prospect_median (four, 4), ==, 2.5);
}

/* Monday 00:00 local, also in the week the clocks go back (Sunday 25 Oct
 * 2026, 03:00 CEST -> 02:00 CET): Monday 19 Oct began at 22:00 UTC, and
 * the next week at 23:00 UTC. */
static void
test_week_start (void)
{
  gint64 monday = local_ms (2026, 11, 23, 0, 0, 0);

  g_assert_cmpint (prospect_week_start_ms (monday), ==, monday);
  g_assert_cmpint (prospect_week_start_ms (monday - 1), ==, local_ms (2026, 11, 16, 0, 0, 0));
  g_assert_cmpint (prospect_week_start_ms (local_ms (2026, 11, 29, 23, 59, 59)), ==, monday);

  g_assert_cmpint (prospect_week_start_ms (local_ms (2026, 10, 25, 12, 0, 0)), ==,
                   G_GINT64_CONSTANT (1792360800000));   /* 2026-10-18T22:00:00Z */
  g_assert_cmpint (prospect_week_start_ms (local_ms (2026, 10, 26, 0, 30, 0)), ==,
                   G_GINT64_CONSTANT (1792969200000));   /* 2026-10-25T23:00:00Z */
}

int
main (int   argc,
      char *argv[])
{
  /* The DST case needs the zone the suite runs in (tests/meson.build) */
  g_setenv ("TZ", "Europe/Ljubljana", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/my-numbers/median", test_median);
  g_test_add_func ("/core/my-numbers/week-start", test_week_start);
  g_test_add ("/core/my-numbers/own-figures", Team, NULL, team_set_up, test_own_figures, team_tear_down);
  g_test_add ("/core/my-numbers/medians-even", Team, NULL, team_set_up, test_medians_even, team_tear_down);
  g_test_add ("/core/my-numbers/medians-same-for-peers", Team, NULL, team_set_up,
              test_medians_same_for_peers, team_tear_down);
  g_test_add ("/core/my-numbers/medians-odd", Team, NULL, team_set_up, test_medians_odd, team_tear_down);
  g_test_add ("/core/my-numbers/no-peers", Team, NULL, team_set_up, test_no_peers, team_tear_down);
  g_test_add ("/core/my-numbers/empty-and-unknown", Team, NULL, team_set_up,
              test_empty_and_unknown, team_tear_down);

  return g_test_run ();
}
