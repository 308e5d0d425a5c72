/* test-coaching.c - indicators, the diagnosis, plans and 1:1 notes on a
 * hand-made team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-util.h"
#include "prospect-coaching.h"
#include "prospect-one-on-one-sheet.h"

/* The team ("today" is 25 Nov 2026, so the 90-day window runs from
 * 28 Aug to 25 Nov 2026):
 *
 *   Dana (director) -- Max (manager) -- Rita, Paul, Pia (reps)
 *                   -- Mia (manager) -- Olga (rep)
 *
 * Every cohort deal is created on 1 Oct (noon), moves to Qualified on
 * 5 Oct, and some move on to Proposal on 15 Oct and Negotiation on 20 Oct:
 *
 *          deals  → Proposal  → Negotiation  activities in Qualified
 *   Rita   12     3           0              6   (one more in Prospecting)
 *   Paul   10     6           3              20
 *   Pia    10     8           4              30
 *
 * Step-up rates, by hand:
 *   Qualified → Proposal:   Rita 3/12 = 25%, Paul 60%, Pia 80%: median 60%
 *   Proposal → Negotiation: Rita 0/3 = 0%, Paul 3/6 = 50%, Pia 4/8 = 50%:
 *                           median 50%, a larger gap, but over 3 deals only
 *   Activities per deal in Qualified: Rita 6/12 = 0.5, Paul 2.0, Pia 3.0:
 *                           median 2.0
 * Closed in the window (deals created on 1 June, outside the cohort):
 *   Rita 1 won ($1,000.00) + 3 lost; Paul 2 won ($2,000 and $4,000) + 2
 *   lost; Pia none. Win rate median: (25% + 50%) / 2 = 37.5%; deal size
 *   median: ($1,000 + $3,000) / 2 = $2,000. */

typedef struct
{
  ProspectDatabase *db;
  char             *stages[6];
  char             *dana, *max, *mia, *rita, *paul, *pia, *olga;
  GPtrArray        *rita_deals;   /* ProspectDeal, the 12 cohort deals */
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
          gint64      amount)
{
  ProspectDeal *deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;

  at (created);
  prospect_deal_set_title (deal, "Deal");
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_deal_set_stage_id (deal, team->stages[PROSPECTING]);
  prospect_deal_set_amount (deal, amount);
  prospect_record_insert (PROSPECT_RECORD (deal), team->db, &error);
  g_assert_no_error (error);

  return deal;
}

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
add_activity (Team         *team,
              ProspectDeal *deal,
              const char   *when,
              gboolean      done,
              gboolean      deleted)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  at (when);
  prospect_activity_set_subject (activity, "Call");
  prospect_activity_set_owner_id (activity, prospect_deal_get_owner_id (deal));
  prospect_activity_set_deal_id (activity, prospect_record_get_id (PROSPECT_RECORD (deal)));
  if (done)
    prospect_activity_set_done_at (activity, prospect_clock_now_ms ());
  prospect_record_insert (PROSPECT_RECORD (activity), team->db, &error);
  g_assert_no_error (error);
  if (deleted)
    {
      prospect_record_delete (PROSPECT_RECORD (activity), team->db, &error);
      g_assert_no_error (error);
    }
}

/* n cohort deals for owner: n_proposal of them reach Proposal, the first
 * n_negotiation of those Negotiation; n_activities activities are done
 * on 10 Oct, while every deal is in Qualified, spread over the deals. */
static GPtrArray *
add_cohort (Team       *team,
            const char *owner_id,
            guint       n,
            guint       n_proposal,
            guint       n_negotiation,
            guint       n_activities)
{
  GPtrArray *deals = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (deals, add_deal (team, owner_id, "2026-10-01", 0));
  for (guint i = 0; i < n; i++)
    move (team, g_ptr_array_index (deals, i), "2026-10-05", QUALIFIED);
  for (guint i = 0; i < n_activities; i++)
    add_activity (team, g_ptr_array_index (deals, i % n), "2026-10-10", TRUE, FALSE);
  for (guint i = 0; i < n_proposal; i++)
    move (team, g_ptr_array_index (deals, i), "2026-10-15", PROPOSAL);
  for (guint i = 0; i < n_negotiation; i++)
    move (team, g_ptr_array_index (deals, i), "2026-10-20", NEGOTIATION);

  return deals;
}

static void
add_closed (Team       *team,
            const char *owner_id,
            int         stage,
            const char *closed_on,
            gint64      amount)
{
  g_autoptr(ProspectDeal) deal = add_deal (team, owner_id, "2026-06-01", amount);

  move (team, deal, closed_on, stage);
}

static void
team_set_up (Team          *team,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) paul_deals = NULL;
  g_autoptr(GPtrArray) pia_deals = NULL;
  ProspectDeal *first;

  team->db = test_db_open_fresh ("coaching.db");
  for (int i = 0; i < 6; i++)
    team->stages[i] = test_db_stage_id (team->db, i);

  at ("2026-06-01");
  team->dana = add_person (team, "Dana", "director", NULL);
  team->max = add_person (team, "Max", "manager", team->dana);
  team->mia = add_person (team, "Mia", "manager", team->dana);
  team->rita = add_person (team, "Rita", "rep", team->max);
  team->paul = add_person (team, "Paul", "rep", team->max);
  team->pia = add_person (team, "Pia", "rep", team->max);
  team->olga = add_person (team, "Olga", "rep", team->mia);

  team->rita_deals = add_cohort (team, team->rita, 12, 3, 0, 6);
  paul_deals = add_cohort (team, team->paul, 10, 6, 3, 20);
  pia_deals = add_cohort (team, team->pia, 10, 8, 4, 30);

  /* Rita: one activity while in Prospecting; a deleted one and one not
   * done yet, which do not count */
  first = g_ptr_array_index (team->rita_deals, 0);
  add_activity (team, first, "2026-10-02", TRUE, FALSE);
  add_activity (team, first, "2026-10-10", TRUE, TRUE);
  add_activity (team, first, "2026-10-10", FALSE, FALSE);

  add_closed (team, team->rita, WON, "2026-10-10", 100000);
  for (int i = 0; i < 3; i++)
    add_closed (team, team->rita, LOST, "2026-10-12", 50000);
  add_closed (team, team->paul, WON, "2026-10-10", 200000);
  add_closed (team, team->paul, WON, "2026-10-11", 400000);
  for (int i = 0; i < 2; i++)
    add_closed (team, team->paul, LOST, "2026-10-12", 50000);

  /* a deal of another team, and one Rita closed before the window */
  add_closed (team, team->olga, WON, "2026-10-10", 9000000);
  add_closed (team, team->rita, WON, "2026-08-27", 9000000);

  at ("2026-11-25");
}

static void
team_tear_down (Team          *team,
                gconstpointer  data)
{
  prospect_clock_set_fake_ms (0);
  g_clear_pointer (&team->rita_deals, g_ptr_array_unref);
  for (int i = 0; i < 6; i++)
    g_free (team->stages[i]);
  g_free (team->dana);
  g_free (team->max);
  g_free (team->mia);
  g_free (team->rita);
  g_free (team->paul);
  g_free (team->pia);
  g_free (team->olga);
  g_clear_object (&team->db);
}

static ProspectCoachingIndicators *
compute (Team       *team,
         const char *rep_id)
{
  g_autoptr(GError) error = NULL;
  ProspectCoachingIndicators *indicators = prospect_coaching_indicators_compute (team->db, rep_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (indicators);

  return indicators;
}

static const ProspectIndicator *
find (const ProspectCoachingIndicators *indicators,
      const char                       *kind,
      const char                       *stage_id)
{
  g_autofree char *key = stage_id != NULL ? g_strconcat (kind, ":", stage_id, NULL) : g_strdup (kind);
  const ProspectIndicator *indicator = prospect_coaching_indicators_find (indicators, key);

  g_assert_nonnull (indicator);
  return indicator;
}

static void
assert_indicator (const ProspectIndicator *indicator,
                  double                   value,
                  double                   median,
                  guint                    n_deals)
{
  g_assert_cmpfloat_with_epsilon (indicator->value, value, 1e-9);
  g_assert_cmpfloat_with_epsilon (indicator->median, median, 1e-9);
  g_assert_cmpuint (indicator->n_deals, ==, n_deals);
}

static void
test_indicators (Team          *team,
                 gconstpointer  data)
{
  g_autoptr(ProspectCoachingIndicators) rita = compute (team, team->rita);
  g_autofree char *start = prospect_date_to_iso (&rita->start);
  g_autofree char *end = prospect_date_to_iso (&rita->end);
  const char *qualified = team->stages[QUALIFIED];
  const char *proposal = team->stages[PROPOSAL];
  const ProspectIndicator *indicator;
  guint n_marked = 0;

  g_assert_cmpstr (start, ==, "2026-08-28");
  g_assert_cmpstr (end, ==, "2026-11-25");
  g_assert_cmpuint (rita->n_peers, ==, 3);
  g_assert_cmpstr (rita->manager_id, ==, team->max);

  indicator = find (rita, "step-up", team->stages[PROSPECTING]);
  g_assert_cmpstr (indicator->label, ==, "Prospecting → Qualified");
  assert_indicator (indicator, 1.0, 1.0, 12);
  assert_indicator (find (rita, "step-up", qualified), 3.0 / 12, 0.6, 12);
  assert_indicator (find (rita, "step-up", proposal), 0.0, 0.5, 3);
  /* nobody of Rita's reached Negotiation; Paul and Pia won none of theirs */
  indicator = find (rita, "step-up", team->stages[NEGOTIATION]);
  g_assert_cmpstr (indicator->label, ==, "Negotiation → Won");
  g_assert_true (isnan (indicator->value));
  g_assert_cmpfloat (indicator->median, ==, 0.0);

  /* 6 activities in Qualified over 12 deals; 1 in Prospecting (the
   * deleted and the open one left out), where the others did none */
  assert_indicator (find (rita, "activities", qualified), 0.5, 2.0, 12);
  assert_indicator (find (rita, "activities", team->stages[PROSPECTING]), 1.0 / 12, 0.0, 12);

  /* 4 days from 1 to 5 Oct in Prospecting; Qualified only counts the 3
   * deals that left it, 10 days each */
  assert_indicator (find (rita, "days-in-stage", team->stages[PROSPECTING]), 4.0, 4.0, 12);
  assert_indicator (find (rita, "days-in-stage", qualified), 10.0, 10.0, 3);

  assert_indicator (find (rita, "win-rate", NULL), 0.25, 0.375, 4);
  assert_indicator (find (rita, "deal-size", NULL), 100000, 200000, 1);
  assert_indicator (find (rita, "new-deals", NULL), 12, 10, 12);

  /* the funnel beside the team's: Max's team is the three reps */
  g_assert_cmpuint (g_array_index (rita->funnel->steps, ProspectFunnelStep, 0).reached_count, ==, 12);
  g_assert_cmpuint (g_array_index (rita->team_funnel->steps, ProspectFunnelStep, 0).reached_count, ==, 32);
  g_assert_cmpuint (g_array_index (rita->team_funnel->steps, ProspectFunnelStep, PROPOSAL).reached_count, ==, 17);

  /* the three largest shortfalls: Proposal → Negotiation (100%),
   * activities in Qualified (75%), Qualified → Proposal (58%); deal size
   * (50%) and win rate (33%) come next */
  for (guint i = 0; i < rita->indicators->len; i++)
    n_marked += g_array_index (rita->indicators, ProspectIndicator, i).marked;
  g_assert_cmpuint (n_marked, ==, 3);
  g_assert_true (find (rita, "step-up", proposal)->marked);
  g_assert_true (find (rita, "activities", qualified)->marked);
  g_assert_true (find (rita, "step-up", qualified)->marked);
  g_assert_false (find (rita, "deal-size", NULL)->marked);
  g_assert_cmpfloat_with_epsilon (find (rita, "deal-size", NULL)->shortfall, 0.5, 1e-9);
  g_assert_cmpfloat (find (rita, "days-in-stage", qualified)->shortfall, ==, 0.0);
}

static void
test_diagnosis (Team          *team,
                gconstpointer  data)
{
  g_autoptr(ProspectCoachingIndicators) rita = compute (team, team->rita);
  g_autoptr(ProspectDiagnosis) diagnosis = prospect_coaching_diagnose (rita);
  g_autofree char *key = g_strconcat ("step-up:", team->stages[QUALIFIED], NULL);

  /* Proposal → Negotiation is further below the median, but over 3 deals */
  g_assert_cmpint (diagnosis->status, ==, PROSPECT_DIAGNOSIS_FOUND);
  g_assert_cmpstr (g_array_index (rita->indicators, ProspectIndicator, diagnosis->indicator).key, ==, key);
  g_assert_cmpstr (diagnosis->skill, ==, "Qualified → Proposal");
  g_assert_cmpstr (diagnosis->evidence, ==,
                   "Qualified → Proposal: 25% vs team 60% over 12 deals; "
                   "0.5 activities per deal in Qualified vs team 2.0");
}

static void
test_minimum_count (Team          *team,
                    gconstpointer  data)
{
  g_autoptr(ProspectCoachingIndicators) rita = NULL;
  g_autoptr(ProspectCoachingIndicators) olga = NULL;
  g_autoptr(ProspectDiagnosis) thin = NULL;
  g_autoptr(ProspectDiagnosis) alone = NULL;
  g_autoptr(GError) error = NULL;

  /* three of the deals still in Qualified go: 9 deals are one too few */
  for (guint i = 9; i < 12; i++)
    {
      prospect_record_delete (g_ptr_array_index (team->rita_deals, i), team->db, &error);
      g_assert_no_error (error);
    }

  rita = compute (team, team->rita);
  assert_indicator (find (rita, "step-up", team->stages[QUALIFIED]), 3.0 / 9, 0.6, 9);
  thin = prospect_coaching_diagnose (rita);
  g_assert_cmpint (thin->status, ==, PROSPECT_DIAGNOSIS_TOO_THIN);
  g_assert_cmpint (thin->indicator, ==, -1);
  g_assert_null (thin->skill);
  g_assert_nonnull (strstr (thin->evidence, "at most 9 deals"));
  g_assert_nonnull (strstr (thin->evidence, "needs 10"));

  /* Olga is Mia's only rep: no median to compare with */
  olga = compute (team, team->olga);
  g_assert_cmpuint (olga->n_peers, ==, 1);
  g_assert_true (isnan (find (olga, "win-rate", NULL)->median));
  alone = prospect_coaching_diagnose (olga);
  g_assert_cmpint (alone->status, ==, PROSPECT_DIAGNOSIS_NO_TEAM);
}

static void
test_plan_review (Team          *team,
                  gconstpointer  data)
{
  g_autoptr(ProspectCoachingIndicators) rita = compute (team, team->rita);
  g_autoptr(ProspectDiagnosis) diagnosis = prospect_coaching_diagnose (rita);
  g_autoptr(ProspectCoachingPlan) plan = NULL;
  g_autoptr(ProspectCoachingPlan) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *plan_id;

  plan = prospect_coaching_plan_from_diagnosis (rita, diagnosis, team->max);
  prospect_coaching_plan_set_plan (plan, "Book a discovery call before every proposal");
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (plan), team->db, &error));
  g_assert_no_error (error);
  plan_id = prospect_record_get_id (PROSPECT_RECORD (plan));

  g_assert_cmpstr (prospect_coaching_plan_get_skill (plan), ==, "Qualified → Proposal");
  g_assert_cmpstr (prospect_coaching_plan_get_why (plan), ==, diagnosis->evidence);
  g_assert_cmpstr (prospect_coaching_plan_get_starts_on (plan), ==, "2026-11-25");
  g_assert_cmpstr (prospect_coaching_plan_get_ends_on (plan), ==, "2026-12-25");
  g_assert_cmpstr (prospect_coaching_plan_get_status (plan), ==, "active");
  g_assert_cmpfloat_with_epsilon (prospect_coaching_plan_get_baseline_value (plan), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (prospect_coaching_plan_get_target_value (plan), 0.6, 1e-9);

  /* On 10 Dec three more of Rita's deals reach Proposal; on 20 Dec the
   * window (22 Sep - 20 Dec) still holds the whole cohort: 6/12 */
  for (guint i = 3; i < 6; i++)
    move (team, g_ptr_array_index (team->rita_deals, i), "2026-12-10", PROPOSAL);
  at ("2026-12-20");

  /* a blank review note changes nothing */
  g_assert_false (prospect_coaching_review_plan (team->db, plan, "  ", &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (prospect_coaching_plan_get_status (plan), ==, "active");

  g_assert_true (prospect_coaching_review_plan (team->db, plan, "Better discovery calls", &error));
  g_assert_no_error (error);

  stored = prospect_coaching_plan_load (team->db, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_coaching_plan_get_status (stored), ==, "reviewed");
  g_assert_cmpstr (prospect_coaching_plan_get_review (stored), ==, "Better discovery calls");
  g_assert_cmpfloat_with_epsilon (prospect_coaching_plan_get_reviewed_value (stored), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (prospect_coaching_plan_get_baseline_value (stored), 0.25, 1e-9);

  /* reviewed plans are not among the open ones */
  {
    g_autoptr(GPtrArray) open = prospect_coaching_list_plans (team->db, team->rita, TRUE, &error);
    g_autoptr(GPtrArray) all = prospect_coaching_list_plans (team->db, team->rita, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (open->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 1);
  }
}

static char *
add_note (Team       *team,
          const char *author_id,
          const char *body,
          gboolean    shared)
{
  g_autoptr(ProspectCoachingNote) note = prospect_coaching_note_new ();
  g_autoptr(GError) error = NULL;

  prospect_coaching_note_set_rep_id (note, team->rita);
  prospect_coaching_note_set_author_id (note, author_id);
  prospect_coaching_note_set_held_on (note, "2026-11-20");
  prospect_coaching_note_set_body (note, body);
  prospect_coaching_note_set_shared (note, shared);
  prospect_record_insert (PROSPECT_RECORD (note), team->db, &error);
  g_assert_no_error (error);

  return g_strdup (body);
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The bodies of the notes viewer_id may read about Rita, sorted. */
static char *
visible_notes (Team       *team,
               const char *viewer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = prospect_coaching_list_notes (team->db, team->rita, viewer_id, &error);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (bodies, (gpointer) prospect_coaching_note_get_body (g_ptr_array_index (notes, i)));
  g_ptr_array_sort (bodies, compare_texts);
  g_ptr_array_add (bodies, NULL);

  return g_strjoinv (",", (char **) bodies->pdata);
}

static void
test_private_notes (Team          *team,
                    gconstpointer  data)
{
  g_autofree char *a = add_note (team, team->max, "max-shared", TRUE);
  g_autofree char *b = add_note (team, team->max, "max-private", FALSE);
  g_autofree char *c = add_note (team, team->rita, "rita-private", FALSE);
  g_autofree char *d = add_note (team, team->dana, "dana-private", FALSE);
  g_autofree char *e = add_note (team, team->mia, "mia-shared", TRUE);
  g_autofree char *rita = visible_notes (team, team->rita);
  g_autofree char *max = visible_notes (team, team->max);
  g_autofree char *dana = visible_notes (team, team->dana);
  g_autofree char *mia = visible_notes (team, team->mia);
  g_autofree char *paul = visible_notes (team, team->paul);

  /* the rep: shared notes about her, and her own */
  g_assert_cmpstr (rita, ==, "max-shared,mia-shared,rita-private");
  /* her manager and the director above him: shared ones and their own */
  g_assert_cmpstr (max, ==, "max-private,max-shared,mia-shared");
  g_assert_cmpstr (dana, ==, "dana-private,max-shared,mia-shared");
  /* another manager reads only what she wrote; a peer nothing */
  g_assert_cmpstr (mia, ==, "mia-shared");
  g_assert_cmpstr (paul, ==, "");
}

static void
test_people (Team          *team,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) max_reps = NULL;
  g_autoptr(GPtrArray) dana_reps = NULL;
  g_autoptr(ProspectCoachingIndicators) rita = compute (team, team->rita);
  g_autoptr(ProspectDiagnosis) diagnosis = prospect_coaching_diagnose (rita);
  g_autoptr(ProspectCoachingPlan) plan = prospect_coaching_plan_from_diagnosis (rita, diagnosis, team->max);
  g_autoptr(ProspectCoachingAssessment) assessment = prospect_coaching_assessment_new ();
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  max_reps = prospect_coaching_list_reps (team->db, team->max, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (max_reps->len, ==, 3);
  g_assert_cmpstr (prospect_person_get_name (g_ptr_array_index (max_reps, 0)), ==, "Paul");
  g_assert_cmpstr (prospect_person_get_name (g_ptr_array_index (max_reps, 2)), ==, "Rita");
  dana_reps = prospect_coaching_list_reps (team->db, team->dana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dana_reps->len, ==, 4);
  g_assert_cmpstr (prospect_person_get_name (g_ptr_array_index (dana_reps, 0)), ==, "Olga");

  prospect_record_insert (PROSPECT_RECORD (plan), team->db, &error);
  g_assert_no_error (error);
  g_assert_true (prospect_coaching_can_assess (team->db, team->dana, plan));
  g_assert_false (prospect_coaching_can_assess (team->db, team->max, plan));
  g_assert_false (prospect_coaching_can_assess (team->db, team->mia, plan));

  prospect_coaching_assessment_set_plan_id (assessment, prospect_record_get_id (PROSPECT_RECORD (plan)));
  prospect_coaching_assessment_set_author_id (assessment, team->dana);
  prospect_coaching_assessment_set_written_on (assessment, "2026-11-25");
  prospect_coaching_assessment_set_body (assessment, "Good choice of step");
  prospect_record_insert (PROSPECT_RECORD (assessment), team->db, &error);
  g_assert_no_error (error);
  query = prospect_coaching_assessment_query_for_plan (prospect_record_get_id (PROSPECT_RECORD (plan)));
  g_assert_cmpint (prospect_query_count (query, team->db, &error), ==, 1);

  label = prospect_coaching_describe_key (team->db, prospect_coaching_plan_get_indicator (plan));
  g_assert_cmpstr (label, ==, "Qualified → Proposal");
}

/* However long the lists, the sheet is one page (pdfinfo says so). */
static void
test_sheet_one_page (void)
{
  g_autoptr(ProspectOneOnOneSheet) sheet = prospect_one_on_one_sheet_new ("1:1 · Rita", "Last 90 days");
  g_autofree char *path = test_db_path ("sheet.pdf");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, NULL, NULL };
  int status;

  if (pdfinfo == NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("pdfinfo is missing: run build-aux/install-deps.sh --tests");
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *label = g_strdup_printf ("Indicator %d", i);

      prospect_one_on_one_sheet_add_indicator (sheet, label, "25%", "60%", i == 3);
      g_ptr_array_add (sheet->plans, g_strdup_printf ("Plan %d: a long paragraph that wraps over the width "
                                                      "of the page more than once, to fill it up", i));
      g_ptr_array_add (sheet->notes, g_strdup_printf ("Note %d", i));
    }
  sheet->diagnosis = g_strdup ("Qualified → Proposal: 25% vs team 60% over 12 deals");

  g_assert_true (prospect_one_on_one_sheet_export_pdf (sheet, path, &error));
  g_assert_no_error (error);

  argv[0] = pdfinfo;
  argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", output, G_REGEX_MULTILINE, 0));

  /* a folder that does not exist: an error, and nothing written */
  g_assert_false (prospect_one_on_one_sheet_export_pdf (sheet, "/nonexistent/dir/sheet.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/coaching/" path, Team, NULL, team_set_up, func, team_tear_down)
  ADD ("indicators", test_indicators);
  ADD ("diagnosis", test_diagnosis);
  ADD ("minimum-count", test_minimum_count);
  ADD ("plan-review", test_plan_review);
  ADD ("private-notes", test_private_notes);
  ADD ("people", test_people);
#undef ADD
  g_test_add_func ("/core/coaching/sheet-one-page", test_sheet_one_page);

  return g_test_run ();
}
