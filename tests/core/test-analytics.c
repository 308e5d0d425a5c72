/* test-analytics.c - figures and funnel on a small team, checked by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-util.h"

/* The team (fiscal year starts in April; "today" is Monday 23 Nov 2026,
 * so this quarter is FY2027-Q3 = 1 Oct - 31 Dec 2026):
 *
 *   Dana (director)
 *    +- Max (manager) -- Rita (rep), Ravi (rep)
 *    +- Mia (manager) -- Rosa (rep)
 *
 * Stages: Prospecting 10 %, Qualified 25 %, Proposal 50 %, Negotiation
 * 75 %, Won, Lost. Amounts are in cents.
 *
 * Rita:
 *   A  created 2 Oct at Prospecting, 1,000,000; Qualified 10 Oct, Proposal
 *      20 Oct, won 5 Nov
 *   B  created 3 Oct at Prospecting, 500,000; Proposal 15 Oct (skips
 *      Qualified); lost 10 Nov
 *   C  created 5 Oct at Qualified, 2,000,000, closes 15 Dec; Negotiation
 *      1 Nov (open, stage default 75 %)
 *   D  created 6 Oct at Prospecting, 400,000, probability 40 %, closes
 *      10 Nov (open: in the quarter, but not in the rest of it)
 *   E  created 1 Jul at Proposal, 300,000; won 15 Oct
 *   F  created 7 Oct at Prospecting, 700,000 EUR, closes 1 Dec (open)
 *   Z  created 8 Oct, 9,999, won 20 Oct, then deleted
 *   K  won 20 Oct 2025, 250,000    L  won 25 Nov 2025, 150,000
 *   N  won 1 Apr 2025, 50,000      O  won 31 Mar 2025, 70,000
 * Ravi:
 *   G  created 8 Oct at Prospecting, 600,000; Qualified 12 Oct; lost 30 Oct
 *   H  created 9 Oct at Proposal, 800,000, closes 20 Dec (open, 50 %)
 * Rosa:
 *   J  created 10 Oct at Prospecting, 900,000; won 15 Nov
 *
 * Activities done: Rita 5 Oct, Rita 30 Sep (before the quarter), Rita
 * 6 Oct (deleted), Ravi 20 Nov; Ravi has one not done yet.
 * Targets (won value): Rita quarter 2,000,000 and October 600,000; Ravi
 * quarter 1,000,000; Max's team quarter 4,000,000. */

typedef struct
{
  ProspectDatabase *db;
  char             *stages[6];
  char             *dana, *max, *mia, *rita, *ravi, *rosa;
  char             *energy_account;
} Team;

enum { PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST };

static void
at (const char *iso)
{
  g_autoptr(GDateTime) noon = NULL;
  GDate date;

  g_assert_true (prospect_date_from_iso (&date, iso));
  noon = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  prospect_clock_set_fake_ms (g_date_time_to_unix (noon) * 1000);
}

static char *
add_person (Team       *team,
            const char *name,
            const char *role,
            const char *manager_id)
{
  g_autoptr(ProspectPerson) person = prospect_person_new ();
  g_autoptr(GError) error = NULL;

  prospect_person_set_name (person, name);
  prospect_person_set_role (person, role);
  prospect_person_set_manager_id (person, manager_id);
  prospect_record_insert (PROSPECT_RECORD (person), team->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (person)));
}

static ProspectDeal *
add_deal (Team       *team,
          const char *owner_id,
          const char *created,
          int         stage,
          gint64      amount,
          const char *expected_close)
{
  ProspectDeal *deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;

  at (created);
  prospect_deal_set_title (deal, "Deal");
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_deal_set_stage_id (deal, team->stages[stage]);
  prospect_deal_set_amount (deal, amount);
  prospect_deal_set_expected_close (deal, expected_close);
  prospect_record_insert (PROSPECT_RECORD (deal), team->db, &error);
  g_assert_no_error (error);

  return deal;
}

/* Moves on the day given; a close date is that day. */
static void
move (Team         *team,
      ProspectDeal *deal,
      const char   *when,
      int           stage)
{
  g_autoptr(GError) error = NULL;

  at (when);
  prospect_deal_move_to_stage (deal, team->db, team->stages[stage], NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
add_closed (Team       *team,
            const char *owner_id,
            const char *created,
            const char *won_on,
            gint64      amount)
{
  g_autoptr(ProspectDeal) deal = add_deal (team, owner_id, created, PROSPECTING, amount, NULL);

  move (team, deal, won_on, WON);
}

static void
add_activity (Team       *team,
              const char *owner_id,
              const char *done_on,
              gboolean    deleted)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  at (done_on != NULL ? done_on : "2026-11-02");
  prospect_activity_set_subject (activity, "Call");
  prospect_activity_set_owner_id (activity, owner_id);
  if (done_on != NULL)
    prospect_activity_set_done_at (activity, prospect_clock_now_ms ());
  prospect_record_insert (PROSPECT_RECORD (activity), team->db, &error);
  g_assert_no_error (error);
  if (deleted)
    {
      prospect_record_delete (PROSPECT_RECORD (activity), team->db, &error);
      g_assert_no_error (error);
    }
}

static void
add_target (Team       *team,
            const char *person_id,
            const char *manager_id,
            const char *kind,
            const char *start,
            gint64      value)
{
  g_autoptr(ProspectTarget) target = prospect_target_new ();
  g_autoptr(GError) error = NULL;

  prospect_target_set_person_id (target, person_id);
  prospect_target_set_manager_id (target, manager_id);
  prospect_target_set_period_kind (target, kind);
  prospect_target_set_period_start (target, start);
  prospect_target_set_metric (target, "won_value");
  prospect_target_set_value (target, value);
  prospect_record_insert (PROSPECT_RECORD (target), team->db, &error);
  g_assert_no_error (error);
}

static char *
add_account (Team       *team,
             const char *sector)
{
  g_autoptr(ProspectAccount) account = prospect_account_new ();
  g_autoptr(GError) error = NULL;

  prospect_account_set_name (account, "Northwind");
  prospect_account_set_sector (account, sector);
  prospect_record_insert (PROSPECT_RECORD (account), team->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (account)));
}

static void
add_rita_deals (Team *team)
{
  g_autoptr(ProspectDeal) a = add_deal (team, team->rita, "2026-10-02", PROSPECTING, 1000000, NULL);
  g_autoptr(ProspectDeal) b = add_deal (team, team->rita, "2026-10-03", PROSPECTING, 500000, NULL);
  g_autoptr(ProspectDeal) c = add_deal (team, team->rita, "2026-10-05", QUALIFIED, 2000000, "2026-12-15");
  g_autoptr(ProspectDeal) d = NULL;
  g_autoptr(ProspectDeal) e = add_deal (team, team->rita, "2026-07-01", PROPOSAL, 300000, NULL);
  g_autoptr(ProspectDeal) f = NULL;
  g_autoptr(ProspectDeal) z = add_deal (team, team->rita, "2026-10-08", PROSPECTING, 9999, NULL);
  g_autoptr(GError) error = NULL;

  prospect_deal_set_account_id (a, team->energy_account);
  g_assert_true (prospect_record_update (PROSPECT_RECORD (a), team->db, &error));
  move (team, a, "2026-10-10", QUALIFIED);
  move (team, a, "2026-10-20", PROPOSAL);
  move (team, a, "2026-11-05", WON);

  move (team, b, "2026-10-15", PROPOSAL);
  move (team, b, "2026-11-10", LOST);

  move (team, c, "2026-11-01", NEGOTIATION);

  at ("2026-10-06");
  d = prospect_deal_new ();
  prospect_deal_set_title (d, "Deal");
  prospect_deal_set_owner_id (d, team->rita);
  prospect_deal_set_stage_id (d, team->stages[PROSPECTING]);
  prospect_deal_set_amount (d, 400000);
  prospect_deal_set_probability (d, 40);
  prospect_deal_set_expected_close (d, "2026-11-10");
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (d), team->db, &error));

  move (team, e, "2026-10-15", WON);

  at ("2026-10-07");
  f = prospect_deal_new ();
  prospect_deal_set_title (f, "Deal");
  prospect_deal_set_owner_id (f, team->rita);
  prospect_deal_set_stage_id (f, team->stages[PROSPECTING]);
  prospect_deal_set_amount (f, 700000);
  prospect_deal_set_currency (f, "EUR");
  prospect_deal_set_expected_close (f, "2026-12-01");
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (f), team->db, &error));

  move (team, z, "2026-10-20", WON);
  g_assert_true (prospect_record_delete (PROSPECT_RECORD (z), team->db, &error));
  g_assert_no_error (error);

  add_closed (team, team->rita, "2025-09-01", "2025-10-20", 250000);
  add_closed (team, team->rita, "2025-09-02", "2025-11-25", 150000);
  add_closed (team, team->rita, "2025-03-01", "2025-04-01", 50000);
  add_closed (team, team->rita, "2025-03-02", "2025-03-31", 70000);
}

static void
add_other_deals (Team *team)
{
  g_autoptr(ProspectDeal) g = add_deal (team, team->ravi, "2026-10-08", PROSPECTING, 600000, NULL);
  g_autoptr(ProspectDeal) h = add_deal (team, team->ravi, "2026-10-09", PROPOSAL, 800000, "2026-12-20");
  g_autoptr(ProspectDeal) j = add_deal (team, team->rosa, "2026-10-10", PROSPECTING, 900000, NULL);

  move (team, g, "2026-10-12", QUALIFIED);
  move (team, g, "2026-10-30", LOST);
  move (team, j, "2026-11-15", WON);
}

static void
team_set_up (Team          *team,
             gconstpointer  data)
{
  team->db = test_db_open_fresh ("analytics.db");
  g_assert_true (prospect_database_set_setting (team->db, "fiscal-year-start-month", "4", NULL));
  for (int i = 0; i < 6; i++)
    team->stages[i] = test_db_stage_id (team->db, i);

  at ("2025-01-02");
  team->dana = add_person (team, "Dana", "director", NULL);
  team->max = add_person (team, "Max", "manager", team->dana);
  team->mia = add_person (team, "Mia", "manager", team->dana);
  team->rita = add_person (team, "Rita", "rep", team->max);
  team->ravi = add_person (team, "Ravi", "rep", team->max);
  team->rosa = add_person (team, "Rosa", "rep", team->mia);
  team->energy_account = add_account (team, "Energy");

  add_rita_deals (team);
  add_other_deals (team);

  add_activity (team, team->rita, "2026-10-05", FALSE);
  add_activity (team, team->rita, "2026-09-30", FALSE);
  add_activity (team, team->rita, "2026-10-06", TRUE);
  add_activity (team, team->ravi, "2026-11-20", FALSE);
  add_activity (team, team->ravi, NULL, FALSE);

  add_target (team, team->rita, team->max, "quarter", "2026-10-01", 2000000);
  add_target (team, team->rita, team->max, "month", "2026-10-01", 600000);
  add_target (team, team->ravi, team->max, "quarter", "2026-10-01", 1000000);
  add_target (team, NULL, team->max, "quarter", "2026-10-01", 4000000);

  at ("2026-11-23");
}

static void
team_tear_down (Team          *team,
                gconstpointer  data)
{
  prospect_clock_set_fake_ms (0);
  for (int i = 0; i < 6; i++)
    g_free (team->stages[i]);
  g_free (team->dana);
  g_free (team->max);
  g_free (team->mia);
  g_free (team->rita);
  g_free (team->ravi);
  g_free (team->rosa);
  g_free (team->energy_account);
  g_clear_object (&team->db);
}

static ProspectReport *
compute (Team              *team,
         const char        *period_text,
         ProspectScopeKind  kind,
         const char        *person_id,
         ProspectGrouping   grouping)
{
  ProspectScope scope = { kind, person_id };
  g_autoptr(GError) error = NULL;
  ProspectReport *report;
  ProspectPeriod period;

  g_assert_true (prospect_period_parse (period_text, prospect_fiscal_start_month (team->db), &period, &error));
  report = prospect_report_compute (team->db, &period, &scope, grouping, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static const ProspectFigures *
row_for (const ProspectReport *report,
         const char           *key)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      const ProspectFigures *row = &g_array_index (report->rows, ProspectFigures, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }

  g_assert_not_reached ();
}

/* Rita in FY2027-Q3, worked out from the list above. */
static void
assert_rita_quarter (const ProspectFigures *rita)
{
  /* won in the quarter: A 1,000,000 (5 Nov) + E 300,000 (15 Oct); Z is
   * deleted */
  g_assert_cmpuint (rita->won_count, ==, 2);
  g_assert_cmpint (rita->won_value, ==, 1300000);
  g_assert_cmpint (rita->won_to_date_value, ==, 1300000);
  /* lost: B; win rate 2 / 3 */
  g_assert_cmpuint (rita->lost_count, ==, 1);
  g_assert_cmpfloat_with_epsilon (rita->win_rate, 2.0 / 3.0, 1e-12);
  /* open, closing in the quarter: C, D and F (EUR: counted, not summed) */
  g_assert_cmpuint (rita->open_count, ==, 3);
  g_assert_cmpint (rita->open_value, ==, 2400000);
  g_assert_cmpuint (rita->other_currency_count, ==, 1);
  /* C 2,000,000 x 75 % + D 400,000 x 40 % */
  g_assert_cmpint (rita->weighted_value, ==, 1500000 + 160000);
  /* D was due 10 Nov, before today: only C is in the rest of the quarter */
  g_assert_cmpint (rita->expected_end_value, ==, 1300000 + 1500000);
  /* 1 Oct - 23 Nov 2025: K (20 Oct); L (25 Nov) is after that point */
  g_assert_cmpint (rita->previous_year_to_date_value, ==, 250000);
  /* created in the quarter: A, B, C, D, F (Z deleted, E in July) */
  g_assert_cmpuint (rita->new_deal_count, ==, 5);
  /* 5 Oct; 30 Sep is before, 6 Oct deleted */
  g_assert_cmpuint (rita->activities_done, ==, 1);
  /* the quarter target; the October one is inside too but shorter */
  g_assert_cmpint (rita->target_value, ==, 2000000);
  g_assert_cmpfloat_with_epsilon (rita->attainment, 0.65, 1e-12);
}

static void
test_person (Team          *team,
             gconstpointer  data)
{
  g_autoptr(ProspectReport) report = compute (team, "this-quarter", PROSPECT_SCOPE_PERSON,
                                              team->rita, PROSPECT_GROUP_REP);
  g_autofree char *start = prospect_date_to_iso (&report->period.start);
  g_autofree char *previous_end = prospect_date_to_iso (&report->previous_end);

  g_assert_cmpstr (start, ==, "2026-10-01");
  g_assert_cmpstr (previous_end, ==, "2025-11-23");
  g_assert_cmpstr (report->currency, ==, "USD");
  g_assert_cmpuint (report->rows->len, ==, 1);
  assert_rita_quarter (row_for (report, team->rita));
  assert_rita_quarter (&report->total);
  g_assert_cmpstr (row_for (report, team->rita)->label, ==, "Rita");
}

static void
test_team (Team          *team,
           gconstpointer  data)
{
  g_autoptr(ProspectReport) report = compute (team, "2027-Q3", PROSPECT_SCOPE_TEAM,
                                              team->max, PROSPECT_GROUP_REP);
  const ProspectFigures *ravi;

  /* Max's team is Rita and Ravi, not Rosa */
  g_assert_cmpuint (report->rows->len, ==, 2);
  assert_rita_quarter (row_for (report, team->rita));

  ravi = row_for (report, team->ravi);
  g_assert_cmpuint (ravi->won_count, ==, 0);
  g_assert_cmpuint (ravi->lost_count, ==, 1);
  g_assert_cmpfloat (ravi->win_rate, ==, 0.0);
  /* H 800,000 x 50 %, due 20 Dec: all in the rest of the quarter */
  g_assert_cmpint (ravi->weighted_value, ==, 400000);
  g_assert_cmpint (ravi->expected_end_value, ==, 400000);
  g_assert_cmpuint (ravi->new_deal_count, ==, 2);
  g_assert_cmpuint (ravi->activities_done, ==, 1);
  g_assert_cmpint (ravi->target_value, ==, 1000000);
  g_assert_cmpfloat (ravi->attainment, ==, 0.0);

  /* the team: sums, win rate 2 / 4, and Max's team target, not the sum
   * of the reps' (3,000,000) */
  g_assert_cmpuint (report->total.won_count, ==, 2);
  g_assert_cmpuint (report->total.lost_count, ==, 2);
  g_assert_cmpfloat (report->total.win_rate, ==, 0.5);
  g_assert_cmpint (report->total.won_value, ==, 1300000);
  g_assert_cmpint (report->total.open_value, ==, 3200000);
  g_assert_cmpint (report->total.weighted_value, ==, 2060000);
  g_assert_cmpint (report->total.expected_end_value, ==, 1300000 + 1500000 + 400000);
  g_assert_cmpint (report->total.target_value, ==, 4000000);
  g_assert_cmpfloat_with_epsilon (report->total.attainment, 1300000.0 / 4000000.0, 1e-12);
}

/* A director's team reaches down through the managers; with no team
 * target of her own, her target is the sum of everyone's own targets. */
static void
test_director (Team          *team,
               gconstpointer  data)
{
  g_autoptr(ProspectReport) report = compute (team, "2027-Q3", PROSPECT_SCOPE_TEAM,
                                              team->dana, PROSPECT_GROUP_MANAGER);
  g_autoptr(ProspectReport) everyone = compute (team, "2027-Q3", PROSPECT_SCOPE_EVERYONE,
                                                NULL, PROSPECT_GROUP_NONE);
  const ProspectFigures *max_row, *mia_row;

  /* J 900,000 (Rosa) joins Rita's 1,300,000 */
  g_assert_cmpint (report->total.won_value, ==, 2200000);
  g_assert_cmpuint (report->total.new_deal_count, ==, 8);
  g_assert_cmpint (report->total.target_value, ==, 3000000);

  g_assert_cmpuint (report->rows->len, ==, 2);
  max_row = row_for (report, team->max);
  mia_row = row_for (report, team->mia);
  g_assert_cmpstr (max_row->label, ==, "Max");
  g_assert_cmpint (max_row->won_value, ==, 1300000);
  g_assert_cmpint (max_row->target_value, ==, 4000000);
  g_assert_cmpint (mia_row->won_value, ==, 900000);
  g_assert_cmpint (mia_row->target_value, ==, -1);
  g_assert_true (isnan (mia_row->attainment));

  g_assert_cmpuint (everyone->rows->len, ==, 1);
  g_assert_cmpint (everyone->total.won_value, ==, 2200000);
  g_assert_cmpint (g_array_index (everyone->rows, ProspectFigures, 0).won_value, ==, 2200000);
  g_assert_cmpint (everyone->total.target_value, ==, 3000000);
}

/* FY2027 runs 1 Apr 2026 - 31 Mar 2027; to date in the previous fiscal
 * year is 1 Apr - 23 Nov 2025: K 250,000 + N 50,000 (1 Apr). L (25 Nov)
 * is after the point, O (31 Mar 2025) in FY2025. */
static void
test_previous_fiscal_year (Team          *team,
                           gconstpointer  data)
{
  g_autoptr(ProspectReport) year = compute (team, "FY2027", PROSPECT_SCOPE_PERSON,
                                            team->rita, PROSPECT_GROUP_NONE);
  g_autoptr(ProspectReport) october = compute (team, "2026-10", PROSPECT_SCOPE_PERSON,
                                               team->rita, PROSPECT_GROUP_NONE);
  g_autofree char *previous_start = prospect_date_to_iso (&year->previous_start);

  g_assert_cmpstr (previous_start, ==, "2025-04-01");
  g_assert_cmpint (year->total.previous_year_to_date_value, ==, 300000);
  g_assert_cmpint (year->total.won_value, ==, 1300000);
  /* the quarter and October targets are inside the year: the longer counts */
  g_assert_cmpint (year->total.target_value, ==, 2000000);

  /* October: E only; the October target, since the quarter is not inside */
  g_assert_cmpint (october->total.won_value, ==, 300000);
  g_assert_cmpint (october->total.target_value, ==, 600000);
  g_assert_cmpfloat_with_epsilon (october->total.attainment, 0.5, 1e-12);
  /* October has ended: expected end is what was won, nothing is left */
  g_assert_cmpint (october->total.expected_end_value, ==, 300000);
}

/* FY2027 runs April 2026 - March 2027: month 6 is October, 7 November. */
static void
test_monthly_won (Team          *team,
                  gconstpointer  data)
{
  ProspectScope max_team = { PROSPECT_SCOPE_TEAM, team->max };
  ProspectScope everyone = { PROSPECT_SCOPE_EVERYONE, NULL };
  g_autoptr(ProspectMonthlyWon) won = NULL;
  g_autoptr(ProspectMonthlyWon) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_start = NULL;
  ProspectPeriod quarter;

  g_assert_true (prospect_period_parse ("this-quarter", 4, &quarter, &error));
  won = prospect_monthly_won_compute (team->db, &quarter, &max_team, &error);
  g_assert_no_error (error);
  year_start = prospect_date_to_iso (&won->year.start);
  g_assert_cmpstr (year_start, ==, "2026-04-01");

  /* Rita's E (15 Oct) and A (5 Nov); Z was deleted, F is open */
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (won->won_value[i], ==, i == 6 ? 300000 : i == 7 ? 1000000 : 0);
  /* K (20 Oct 2025), L (25 Nov 2025), N (1 Apr 2025); O (31 Mar 2025) is
   * in FY2025 */
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (won->previous_won_value[i], ==,
                     i == 0 ? 50000 : i == 6 ? 250000 : i == 7 ? 150000 : 0);

  /* Rosa's J (15 Nov) is in Mia's team, so only everyone's November has it */
  all = prospect_monthly_won_compute (team->db, &quarter, &everyone, &error);
  g_assert_no_error (error);
  g_assert_cmpint (all->won_value[7], ==, 1000000 + 900000);
  g_assert_cmpint (all->won_value[6], ==, 300000);
}

/* A custom span of October's days has October's figures; one that starts
 * on 16 Oct leaves E (won 15 Oct) out and no target lies inside it. */
static void
test_custom_period (Team          *team,
                    gconstpointer  data)
{
  g_autoptr(ProspectReport) october = compute (team, "2026-10", PROSPECT_SCOPE_PERSON,
                                               team->rita, PROSPECT_GROUP_NONE);
  g_autoptr(ProspectReport) days = compute (team, "2026-10-01..2026-10-31", PROSPECT_SCOPE_PERSON,
                                            team->rita, PROSPECT_GROUP_NONE);
  g_autoptr(ProspectReport) later = compute (team, "2026-10-16..2026-11-30", PROSPECT_SCOPE_PERSON,
                                             team->rita, PROSPECT_GROUP_NONE);

  g_assert_cmpint (days->period.kind, ==, PROSPECT_PERIOD_CUSTOM);
  g_assert_cmpint (days->total.won_value, ==, october->total.won_value);
  g_assert_cmpint (days->total.target_value, ==, october->total.target_value);
  g_assert_cmpint (days->total.previous_year_to_date_value, ==,
                   october->total.previous_year_to_date_value);
  g_assert_cmpint (days->total.new_deal_count, ==, october->total.new_deal_count);

  /* A (won 5 Nov) only; B lost 10 Nov; D (10 Nov) is open in the span */
  g_assert_cmpint (later->total.won_value, ==, 1000000);
  g_assert_cmpuint (later->total.lost_count, ==, 1);
  g_assert_cmpint (later->total.target_value, ==, -1);
  /* L (25 Nov 2025) falls in the same span a year before, through 23 Nov
   * 2025: not yet; K (20 Oct 2025) does */
  g_assert_cmpint (later->total.previous_year_to_date_value, ==, 250000);
}

static void
test_group_by_sector (Team          *team,
                      gconstpointer  data)
{
  g_autoptr(ProspectReport) report = compute (team, "2027-Q3", PROSPECT_SCOPE_TEAM,
                                              team->max, PROSPECT_GROUP_SECTOR);
  const ProspectFigures *energy = row_for (report, "Energy");
  const ProspectFigures *none = row_for (report, NULL);

  g_assert_cmpuint (report->rows->len, ==, 2);
  /* the none row sorts last */
  g_assert_null (g_array_index (report->rows, ProspectFigures, 1).key);
  g_assert_cmpint (energy->won_value, ==, 1000000);
  g_assert_cmpint (none->won_value, ==, 300000);
  g_assert_cmpint (energy->target_value, ==, -1);
  g_assert_cmpint (report->total.won_value, ==, 1300000);
}

/* The cohort: deals created in the quarter by Max's team, A B C D F G H.
 * Furthest stage: A won, B Proposal (skipped Qualified), C Negotiation
 * (started at Qualified), D and F Prospecting, G Qualified, H Proposal.
 *   Prospecting 7 (value without F: 5,300,000)
 *   Qualified   5 A B C G H (4,900,000)   step-up 5 / 7
 *   Proposal    4 A B C H   (4,300,000)   step-up 4 / 5
 *   Negotiation 2 A C       (3,000,000)   step-up 2 / 4
 *   Won         1 A         (1,000,000)   step-up 1 / 2 */
static void
test_funnel (Team          *team,
             gconstpointer  data)
{
  const guint counts[] = { 7, 5, 4, 2, 1 };
  const gint64 values[] = { 5300000, 4900000, 4300000, 3000000, 1000000 };
  const double rates[] = { 5.0 / 7.0, 4.0 / 5.0, 0.5, 0.5 };
  const char *names[] = { "Prospecting", "Qualified", "Proposal", "Negotiation", "Won" };
  ProspectScope scope = { PROSPECT_SCOPE_TEAM, team->max };
  g_autoptr(ProspectFunnel) funnel = NULL;
  g_autoptr(GError) error = NULL;
  ProspectPeriod period;

  g_assert_true (prospect_period_parse ("2027-Q3", 4, &period, NULL));
  funnel = prospect_funnel_compute (team->db, &period, &scope, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (funnel->steps->len, ==, G_N_ELEMENTS (counts));
  g_assert_cmpuint (funnel->other_currency_count, ==, 1);
  for (guint i = 0; i < funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, i);

      g_assert_cmpstr (step->name, ==, names[i]);
      g_assert_cmpstr (step->stage_id, ==, team->stages[i]);
      g_assert_cmpuint (step->reached_count, ==, counts[i]);
      g_assert_cmpint (step->reached_value, ==, values[i]);
      if (i < G_N_ELEMENTS (rates))
        g_assert_cmpfloat_with_epsilon (step->step_up_rate, rates[i], 1e-12);
      else
        g_assert_true (isnan (step->step_up_rate));
    }
}

/* Rita alone (read through the owner index, where a large team is read
 * in creation order): A B C D F reach Prospecting, A B C Qualified and
 * Proposal (B skipped Qualified, C started there), A C Negotiation, A won. */
static void
test_funnel_person (Team          *team,
                    gconstpointer  data)
{
  const guint counts[] = { 5, 3, 3, 2, 1 };
  ProspectScope scope = { PROSPECT_SCOPE_PERSON, team->rita };
  g_autoptr(ProspectFunnel) funnel = NULL;
  ProspectPeriod period;

  g_assert_true (prospect_period_parse ("2027-Q3", 4, &period, NULL));
  funnel = prospect_funnel_compute (team->db, &period, &scope, NULL);
  g_assert_nonnull (funnel);

  g_assert_cmpuint (funnel->steps->len, ==, G_N_ELEMENTS (counts));
  for (guint i = 0; i < funnel->steps->len; i++)
    g_assert_cmpuint (g_array_index (funnel->steps, ProspectFunnelStep, i).reached_count, ==, counts[i]);
  /* A 1,000,000 + B 500,000 + C 2,000,000 + D 400,000; F is in EUR */
  g_assert_cmpint (g_array_index (funnel->steps, ProspectFunnelStep, 0).reached_value, ==, 3900000);
  g_assert_cmpfloat_with_epsilon (g_array_index (funnel->steps, ProspectFunnelStep, 1).step_up_rate,
                                  1.0, 1e-12);
}

/* A period nobody sold in: zeros, undefined rates, no crash. */
static void
test_empty_period (Team          *team,
                   gconstpointer  data)
{
  g_autoptr(ProspectReport) report = compute (team, "2030-Q1", PROSPECT_SCOPE_TEAM,
                                              team->max, PROSPECT_GROUP_REP);
  ProspectScope scope = { PROSPECT_SCOPE_PERSON, team->rosa };
  g_autoptr(ProspectFunnel) funnel = NULL;

  /* the reps still get a row each */
  g_assert_cmpuint (report->rows->len, ==, 2);
  g_assert_false (report->has_to_date);
  g_assert_cmpint (report->total.won_value, ==, 0);
  g_assert_true (isnan (report->total.win_rate));
  g_assert_cmpint (report->total.target_value, ==, -1);
  g_assert_true (isnan (report->total.attainment));

  funnel = prospect_funnel_compute (team->db, &report->period, &scope, NULL);
  g_assert_nonnull (funnel);
  g_assert_cmpuint (g_array_index (funnel->steps, ProspectFunnelStep, 0).reached_count, ==, 0);
  g_assert_true (isnan (g_array_index (funnel->steps, ProspectFunnelStep, 0).step_up_rate));
}

static void
test_scope_needs_person (Team          *team,
                         gconstpointer  data)
{
  ProspectScope scope = { PROSPECT_SCOPE_TEAM, NULL };
  g_autoptr(GError) error = NULL;
  ProspectPeriod period;

  prospect_period_init_today (&period, PROSPECT_PERIOD_QUARTER, 4);
  g_assert_null (prospect_report_compute (team->db, &period, &scope, PROSPECT_GROUP_NONE, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
}

static int
test_compare_int64 (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The deals behind each funnel step are as many as the step counts, and
 * the right ones: Proposal is A, B (skipped Qualified), C and H. */
static void
test_funnel_deals (Team          *team,
                   gconstpointer  data)
{
  ProspectScope scope = { PROSPECT_SCOPE_TEAM, team->max };
  g_autoptr(ProspectFunnel) funnel = NULL;
  g_autoptr(GPtrArray) beyond = NULL;
  ProspectPeriod period;

  g_assert_true (prospect_period_parse ("2027-Q3", 4, &period, NULL));
  funnel = prospect_funnel_compute (team->db, &period, &scope, NULL);
  g_assert_nonnull (funnel);

  for (guint i = 0; i < funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, i);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      gint64 value = 0;

      rows = prospect_funnel_list_deals (team->db, &period, &scope, i, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, step->reached_count);
      for (guint j = 0; j < rows->len; j++)
        {
          const ProspectDealRow *row = g_ptr_array_index (rows, j);

          g_assert_cmpstr (row->title, ==, "Deal");
          if (g_strcmp0 (row->currency, funnel->currency) == 0)
            value += row->amount;
        }
      g_assert_cmpint (value, ==, step->reached_value);

      if (i == 2)
        {
          gint64 amounts[4];

          g_assert_cmpuint (rows->len, ==, 4);
          for (guint j = 0; j < 4; j++)
            amounts[j] = ((ProspectDealRow *) g_ptr_array_index (rows, j))->amount;
          g_qsort_with_data (amounts, 4, sizeof (gint64), (GCompareDataFunc) test_compare_int64, NULL);
          g_assert_cmpint (amounts[0], ==, 500000);
          g_assert_cmpint (amounts[1], ==, 800000);
          g_assert_cmpint (amounts[2], ==, 1000000);
          g_assert_cmpint (amounts[3], ==, 2000000);
        }
      if (i == funnel->steps->len - 1)
        {
          g_assert_cmpuint (rows->len, ==, 1);
          g_assert_cmpstr (((ProspectDealRow *) g_ptr_array_index (rows, 0))->status, ==, "won");
          g_assert_cmpstr (((ProspectDealRow *) g_ptr_array_index (rows, 0))->owner_name, ==, "Rita");
          g_assert_cmpstr (((ProspectDealRow *) g_ptr_array_index (rows, 0))->stage_name, ==, "Won");
          g_assert_cmpstr (((ProspectDealRow *) g_ptr_array_index (rows, 0))->account_name, ==, "Northwind");
        }
    }

  beyond = prospect_funnel_list_deals (team->db, &period, &scope, funnel->steps->len, NULL);
  g_assert_nonnull (beyond);
  g_assert_cmpuint (beyond->len, ==, 0);
}

/* Rita in the quarter: won E (15 Oct) and A (5 Nov), open D (10 Nov),
 * F (1 Dec, EUR) and C (15 Dec); Z was deleted. By date. */
static void
test_report_deals (Team          *team,
                   gconstpointer  data)
{
  const gint64 amounts[] = { 300000, 1000000, 400000, 700000, 2000000 };
  const char *dates[] = { "2026-10-15", "2026-11-05", "2026-11-10", "2026-12-01", "2026-12-15" };
  g_autoptr(ProspectReport) report = compute (team, "2027-Q3", PROSPECT_SCOPE_PERSON,
                                              team->rita, PROSPECT_GROUP_NONE);
  ProspectScope scope = { PROSPECT_SCOPE_PERSON, team->rita };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = prospect_report_list_deals (team->db, &report->period, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, report->total.won_count + report->total.open_count);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (amounts));
  for (guint i = 0; i < rows->len; i++)
    {
      const ProspectDealRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (row->amount, ==, amounts[i]);
      g_assert_cmpstr (row->date, ==, dates[i]);
      g_assert_cmpstr (row->status, ==, i < 2 ? "won" : "open");
    }
}

/* Overdue: not done and due before now (timed) or before today (all
 * day); Ravi's undated one is not. */
static void
test_overdue (Team          *team,
              gconstpointer  data)
{
  struct { gint64 due_at; const char *due_date; gboolean done; } cases[] = {
    { -1, "2026-11-20", FALSE },                          /* overdue */
    { -1, "2026-11-23", FALSE },                          /* today: not yet */
    { prospect_clock_now_ms () - 60000, NULL, FALSE },    /* a minute ago */
    { prospect_clock_now_ms () + 60000, NULL, FALSE },    /* in a minute */
    { prospect_clock_now_ms () - 60000, NULL, TRUE },     /* done */
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (prospect_count_overdue_activities (team->db, team->ravi, &error), ==, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ProspectActivity) activity = prospect_activity_new ();

      prospect_activity_set_subject (activity, "Call");
      prospect_activity_set_owner_id (activity, team->ravi);
      if (cases[i].due_at != -1)
        prospect_activity_set_due_at (activity, cases[i].due_at);
      prospect_activity_set_due_date (activity, cases[i].due_date);
      if (cases[i].done)
        prospect_activity_set_done_at (activity, prospect_clock_now_ms ());
      g_assert_true (prospect_record_insert (PROSPECT_RECORD (activity), team->db, &error));
    }

  g_assert_cmpint (prospect_count_overdue_activities (team->db, team->ravi, &error), ==, 2);
  g_assert_cmpint (prospect_count_overdue_activities (team->db, team->rita, &error), ==, 0);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Team, NULL, team_set_up, func, team_tear_down)
  ADD ("/core/analytics/person", test_person);
  ADD ("/core/analytics/team", test_team);
  ADD ("/core/analytics/director", test_director);
  ADD ("/core/analytics/previous-fiscal-year", test_previous_fiscal_year);
  ADD ("/core/analytics/group-by-sector", test_group_by_sector);
  ADD ("/core/analytics/monthly-won", test_monthly_won);
  ADD ("/core/analytics/custom-period", test_custom_period);
  ADD ("/core/analytics/funnel", test_funnel);
  ADD ("/core/analytics/funnel-person", test_funnel_person);
  ADD ("/core/analytics/funnel-deals", test_funnel_deals);
  ADD ("/core/analytics/report-deals", test_report_deals);
  ADD ("/core/analytics/overdue", test_overdue);
  ADD ("/core/analytics/empty-period", test_empty_period);
  ADD ("/core/analytics/scope-needs-person", test_scope_needs_person);
#undef ADD

  return g_test_run ();
}
