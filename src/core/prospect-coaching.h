/* prospect-coaching.h - a rep's indicators against the team, the skill to
 * coach, plans measured against the same indicator, and who reads which
 * 1:1 note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-analytics.h"
#include "prospect-coaching-assessment.h"
#include "prospect-coaching-note.h"
#include "prospect-coaching-plan.h"
#include "prospect-person.h"

G_BEGIN_DECLS

/* Definitions (README "Coaching"):
 *  - window: the PROSPECT_COACHING_WINDOW_DAYS days ending today
 *    (prospect_clock_today_iso()), today included. A plan's baseline and
 *    its review are each measured over the window that ends on their day;
 *  - cohort: the rep's deals (current owner) created in the window,
 *    followed through all their history, exactly as prospect_funnel_compute()
 *    with the scope PERSON and the window as period;
 *  - step-up rate of the step "S → next": the funnel's step_up_rate of S;
 *  - activities per deal in S: activities done (not deleted) on cohort
 *    deals while the deal was in S, divided by the cohort deals that
 *    reached S. The stage at an activity's done_at is the to-stage of the
 *    deal's latest stage change at or before it; before any change, the
 *    stage the deal's first later change left (its first stage), and
 *    without history its current stage;
 *  - days in S: over the cohort deals that entered S and later left it,
 *    the days from each entry to the next stage change, summed per deal,
 *    averaged over those deals;
 *  - win rate: won / (won + lost) of the rep's deals closed in the window;
 *  - average deal size: the mean amount of the deals won in the window, in
 *    the report currency (minor units);
 *  - new deals: the cohort's size (deals created in the window);
 *  - peers: the rep and the other active, not deleted reps with the same
 *    manager (My Numbers' peers). Team median: prospect_median() of the
 *    indicator over the peers who have it (NAN when none, or with fewer
 *    than two peers);
 *  - shortfall: how far the rep is on the worse side of the median, as a
 *    share of the median (lower is worse, except days in a stage); the
 *    PROSPECT_COACHING_MARKED_GAPS largest shortfalls of at least
 *    PROSPECT_COACHING_MIN_SHORTFALL are marked;
 *  - diagnosis: among the step-up rates with at least
 *    PROSPECT_COACHING_MIN_DEALS cohort deals at the step's first stage,
 *    the one furthest below its team median. */
#define PROSPECT_COACHING_WINDOW_DAYS   90
#define PROSPECT_COACHING_MIN_DEALS     10
#define PROSPECT_COACHING_MARKED_GAPS   3
#define PROSPECT_COACHING_MIN_SHORTFALL 0.10
/* A new plan's default length */
#define PROSPECT_COACHING_PLAN_DAYS     30

typedef enum
{
  PROSPECT_INDICATOR_STEP_UP,        /* of the step from stage_id to the next */
  PROSPECT_INDICATOR_ACTIVITIES,     /* per deal in stage_id */
  PROSPECT_INDICATOR_DAYS_IN_STAGE,  /* in stage_id */
  PROSPECT_INDICATOR_WIN_RATE,
  PROSPECT_INDICATOR_DEAL_SIZE,      /* minor units of the report currency */
  PROSPECT_INDICATOR_NEW_DEALS,
} ProspectIndicatorKind;

typedef struct
{
  ProspectIndicatorKind  kind;
  char                  *key;        /* stored in a plan's "indicator": "step-up:<stage id>" */
  char                  *stage_id;   /* per-stage kinds only */
  char                  *stage_name;
  char                  *label;      /* "Qualified → Proposal", "Activities per deal in Qualified" */
  double                 value;      /* NAN = undefined */
  double                 median;     /* NAN = no team median */
  guint                  n_deals;    /* the deals behind value */
  double                 shortfall;  /* 0 when not worse than the median */
  gboolean               marked;
} ProspectIndicator;

typedef struct
{
  char           *rep_id;
  char           *manager_id;     /* NULL without a manager */
  GDate           start;          /* the window, first and last day */
  GDate           end;
  char           *currency;
  guint           n_peers;        /* the rep included */
  GArray         *indicators;     /* ProspectIndicator: per open stage (step-up,
                                   * activities, days), then win rate, deal
                                   * size, new deals */
  ProspectFunnel *funnel;         /* the rep's cohort */
  ProspectFunnel *team_funnel;    /* the manager's team; NULL without a manager */
} ProspectCoachingIndicators;

typedef enum
{
  PROSPECT_DIAGNOSIS_FOUND,
  PROSPECT_DIAGNOSIS_NO_TEAM,     /* fewer than two peers: nothing to compare with */
  PROSPECT_DIAGNOSIS_TOO_THIN,    /* no step with PROSPECT_COACHING_MIN_DEALS deals */
  PROSPECT_DIAGNOSIS_NONE_BELOW,  /* every step with enough deals is at or above the median */
} ProspectDiagnosisStatus;

typedef struct
{
  ProspectDiagnosisStatus  status;
  int                      indicator;  /* index into indicators; -1 unless FOUND */
  char                    *skill;      /* "Qualified → Proposal"; NULL unless FOUND */
  char                    *evidence;   /* FOUND: the figures; otherwise why there is no diagnosis */
} ProspectDiagnosis;

/* The indicators of rep_id over the window ending today. NULL with
 * PROSPECT_ERROR_NOT_FOUND when there is no such live person. */
ProspectCoachingIndicators *prospect_coaching_indicators_compute (ProspectDatabase                 *db,
                                                                  const char                       *rep_id,
                                                                  GError                          **error);
void                        prospect_coaching_indicators_free    (ProspectCoachingIndicators       *indicators);
/* The indicator with this key, or NULL. */
const ProspectIndicator    *prospect_coaching_indicators_find    (const ProspectCoachingIndicators *indicators,
                                                                  const char                       *key);
/* TRUE for the kinds where a lower value is better (days in a stage). */
gboolean                    prospect_indicator_kind_lower_is_better (ProspectIndicatorKind         kind);

ProspectDiagnosis          *prospect_coaching_diagnose           (const ProspectCoachingIndicators *indicators);
void                        prospect_diagnosis_free              (ProspectDiagnosis                *diagnosis);

/* The rep's value today of the indicator with key (NAN when undefined
 * today); FALSE with PROSPECT_ERROR_INVALID when the key names no
 * indicator (e.g. its stage was deleted). */
gboolean                    prospect_coaching_measure            (ProspectDatabase                 *db,
                                                                  const char                       *rep_id,
                                                                  const char                       *key,
                                                                  double                           *value,
                                                                  GError                          **error);
/* The indicator's label for a stored key ("Qualified → Proposal"); the
 * key itself when it names nothing any more. */
char                       *prospect_coaching_describe_key       (ProspectDatabase                 *db,
                                                                  const char                       *key);

/* A plan (not stored) from a FOUND diagnosis: rep, coach, skill, why =
 * the evidence, indicator, baseline = the rep's value today, target =
 * the team median, from today for PROSPECT_COACHING_PLAN_DAYS days,
 * status "active". The plan text is left to the coach. */
ProspectCoachingPlan       *prospect_coaching_plan_from_diagnosis (const ProspectCoachingIndicators *indicators,
                                                                   const ProspectDiagnosis          *diagnosis,
                                                                   const char                       *coach_id);
/* The same for a plan made by hand on any indicator (index into
 * indicators->indicators): skill = its label, why left to the coach,
 * baseline = the rep's value today, target = the team median. */
ProspectCoachingPlan       *prospect_coaching_plan_for_indicator (const ProspectCoachingIndicators *indicators,
                                                                  guint                             index,
                                                                  const char                       *coach_id);
/* Ends a plan: measures its indicator today into reviewed-value, stores
 * the note as its review and the status "reviewed". Nothing is written
 * when the note is blank or the indicator cannot be measured. */
gboolean                    prospect_coaching_review_plan        (ProspectDatabase                 *db,
                                                                  ProspectCoachingPlan             *plan,
                                                                  const char                       *note,
                                                                  GError                          **error);

/* The people viewer_id coaches or oversees: the active, not deleted reps
 * anywhere below them in the reporting line, by name (ProspectPerson). */
GPtrArray                  *prospect_coaching_list_reps          (ProspectDatabase                 *db,
                                                                  const char                       *viewer_id,
                                                                  GError                          **error);
/* The 1:1 notes about rep_id that viewer_id may read, latest 1:1 first
 * (ProspectCoachingNote): the notes viewer_id wrote, and the shared ones
 * when viewer_id is the rep or above the rep in the reporting line.
 * Another author's private note is never returned. */
GPtrArray                  *prospect_coaching_list_notes         (ProspectDatabase                 *db,
                                                                  const char                       *rep_id,
                                                                  const char                       *viewer_id,
                                                                  GError                          **error);
/* The plans of rep_id, latest start first; with open_only, only the
 * planned and active ones (ProspectCoachingPlan). */
GPtrArray                  *prospect_coaching_list_plans         (ProspectDatabase                 *db,
                                                                  const char                       *rep_id,
                                                                  gboolean                          open_only,
                                                                  GError                          **error);
/* TRUE when viewer_id is a director above the plan's rep in the reporting
 * line: the people who may add an assessment of the plan. */
gboolean                    prospect_coaching_can_assess         (ProspectDatabase                 *db,
                                                                  const char                       *viewer_id,
                                                                  ProspectCoachingPlan             *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectCoachingIndicators, prospect_coaching_indicators_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectDiagnosis, prospect_diagnosis_free)

G_END_DECLS
