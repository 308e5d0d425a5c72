/* prospect-analytics.h - sales figures and the funnel for a period and scope
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-period.h"

G_BEGIN_DECLS

/* Plain data shared by the charts, the pages, prospect-cli report and the
 * report exports. Money is gint64 minor units of the report currency (the
 * "currency" setting); rates are doubles 0..1, NAN when undefined.
 *
 * Definitions (they follow DESIGN.md "Definitions"; README "Reports"):
 *  - a deal belongs to a scope through its current owner, an activity
 *    through its owner. PERSON = that person; TEAM = everyone below the
 *    person in the reporting line (direct reports, and for a director
 *    their reports too, recursively; not the person), soft-deleted people
 *    left out; EVERYONE = every deal and activity, owned or not;
 *  - won value / count: deals with status won whose closed_on is in P;
 *    lost count likewise; win rate = won / (won + lost) of those;
 *  - open pipeline (count, value): open deals whose expected close is in
 *    P; weighted pipeline: the same deals, sum of amount x effective
 *    probability (the deal's, or its stage's default) / 100;
 *  - won to date: won with closed_on from the start of P through today;
 *    expected period end = won to date + the weighted pipeline of open
 *    deals expected to close from today through the end of P (0 once P
 *    has ended; all of P when it has not begun);
 *  - previous year to date: won value in the same span of the previous
 *    fiscal year (prospect_period_get_previous_year_to_date());
 *  - new deals: deals created (created_at, local day) in P; activities
 *    done: activities with done_at in P;
 *  - target: won_value targets in the report currency whose whole period
 *    lies inside P; when one owner has several kinds there (a year target
 *    and quarter targets), only the longest kind counts, so a goal is not
 *    counted twice. A person's target is their own; a team's is the
 *    manager's team target (person unset) when there is one in P, else
 *    the sum of the members' own targets; everyone's is the sum of all
 *    personal targets. -1 = no target in P. Attainment = won value /
 *    target (NAN without a target or with a target of 0);
 *  - only amounts in the report currency are summed. Deals in another
 *    currency still count in won_count, lost_count and open_count and are
 *    counted in other_currency_count (won and open-pipeline ones), so that
 *    a report can say that something was left out;
 *  - weighted sums are exact in amount x percent and rounded half up to a
 *    minor unit once, at the end. */

typedef enum
{
  PROSPECT_SCOPE_EVERYONE,
  PROSPECT_SCOPE_PERSON,
  PROSPECT_SCOPE_TEAM,
} ProspectScopeKind;

typedef struct
{
  ProspectScopeKind  kind;
  const char        *person_id;   /* PERSON and TEAM only */
} ProspectScope;

/* How report rows are split. Deals go by owner (rep), the owner's manager,
 * the deal's region, product or account sector; activities by their owner
 * or owner's manager, and for region / product / sector through their
 * deal (the activity's own account for the sector when it has no deal).
 * Rows whose key is unknown are collected in one row with key NULL. */
typedef enum
{
  PROSPECT_GROUP_NONE,
  PROSPECT_GROUP_REP,
  PROSPECT_GROUP_MANAGER,
  PROSPECT_GROUP_REGION,
  PROSPECT_GROUP_PRODUCT,
  PROSPECT_GROUP_SECTOR,
} ProspectGrouping;

const char *prospect_grouping_to_string   (ProspectGrouping  grouping);
gboolean    prospect_grouping_from_string (const char       *text,
                                           ProspectGrouping *grouping);

typedef struct
{
  char   *key;                 /* person / product id, region or sector; NULL = none or total */
  char   *label;               /* for people: name, region, product name, "None" */
  guint   won_count;
  guint   lost_count;
  double  win_rate;
  gint64  won_value;
  gint64  won_to_date_value;
  guint   open_count;
  gint64  open_value;
  gint64  weighted_value;
  gint64  expected_end_value;
  gint64  previous_year_to_date_value;
  gint64  target_value;        /* -1 = none */
  double  attainment;
  guint   new_deal_count;
  guint   activities_done;
  guint   other_currency_count;
} ProspectFigures;

typedef struct
{
  ProspectPeriod    period;
  GDate             today;
  gboolean          has_to_date;        /* FALSE before the period begins */
  GDate             to_date_end;
  GDate             previous_start;     /* the same span, previous fiscal year */
  GDate             previous_end;
  ProspectScopeKind scope_kind;
  char             *scope_person_id;
  ProspectGrouping  grouping;
  char             *currency;
  ProspectFigures   total;
  GArray           *rows;               /* ProspectFigures, by label; "None" last */
} ProspectReport;

ProspectReport *prospect_report_compute (ProspectDatabase      *db,
                                         const ProspectPeriod  *period,
                                         const ProspectScope   *scope,
                                         ProspectGrouping       grouping,
                                         GError               **error);
void            prospect_report_free    (ProspectReport        *report);

/* The funnel. The cohort is the deals in scope CREATED in P: each one is
 * followed through all of its stage history (also after P), so a step-up
 * rate is the share of one group of deals that went on, and never exceeds
 * 1. A deal reached a stage when its history (deal_stage_change) or its
 * current stage is at that stage or beyond: a deal that skipped a stage
 * counts as having passed it, a lost deal reached the last open stage it
 * was in, and a deal that moved back keeps the furthest stage. Steps are
 * the open stages in pipeline order, then Won. step_up_rate of step i =
 * reached(i + 1) / reached(i); NAN for the last step or when nobody
 * reached step i. Values are amounts in the report currency. */
typedef struct
{
  char   *stage_id;
  char   *name;
  guint   reached_count;
  gint64  reached_value;
  double  step_up_rate;
} ProspectFunnelStep;

typedef struct
{
  ProspectPeriod    period;
  ProspectScopeKind scope_kind;
  char             *scope_person_id;
  char             *currency;
  GArray           *steps;                /* ProspectFunnelStep */
  guint             other_currency_count; /* cohort deals not in currency */
} ProspectFunnel;

ProspectFunnel *prospect_funnel_compute (ProspectDatabase      *db,
                                         const ProspectPeriod  *period,
                                         const ProspectScope   *scope,
                                         GError               **error);
void            prospect_funnel_free    (ProspectFunnel        *funnel);

/* Won value per month of a fiscal year against the year before: the bars
 * of "this year by month". months are the fiscal year's calendar months in
 * order (month 0 starts the fiscal year); won_value[i] sums the deals in
 * scope won (closed_on) in month i in the report currency, and
 * previous_won_value[i] the same month twelve months earlier. A month that
 * has not begun is 0, like a month with no wins. */
typedef struct
{
  ProspectPeriod     year;                   /* the fiscal year */
  ProspectScopeKind  scope_kind;
  char              *scope_person_id;
  char              *currency;
  gint64             won_value[12];
  gint64             previous_won_value[12];
} ProspectMonthlyWon;

/* The fiscal year that contains period's first day. */
ProspectMonthlyWon *prospect_monthly_won_compute (ProspectDatabase      *db,
                                                  const ProspectPeriod  *period,
                                                  const ProspectScope   *scope,
                                                  GError               **error);
void                prospect_monthly_won_free    (ProspectMonthlyWon    *won);

/* The deals behind a figure, for "open the matching deals". Text as
 * stored; account_name and date may be NULL. date is the close day of a
 * won or lost deal and the expected close of an open one (YYYY-MM-DD). */
typedef struct
{
  char   *id;
  char   *title;
  char   *account_name;
  char   *owner_name;
  char   *stage_name;
  char   *status;        /* open, won or lost */
  gint64  amount;        /* minor units of currency */
  char   *currency;
  char   *date;
} ProspectDealRow;

void       prospect_deal_row_free         (ProspectDealRow      *row);

/* The deals of the funnel's cohort that reached step (an index into
 * ProspectFunnel.steps, same definition, so their number is that step's
 * reached_count), by title. A GPtrArray of ProspectDealRow. */
GPtrArray *prospect_funnel_list_deals     (ProspectDatabase     *db,
                                           const ProspectPeriod *period,
                                           const ProspectScope  *scope,
                                           guint                 step,
                                           GError              **error);
/* The deals in scope won in P (won_count) and the open ones expected to
 * close in P (open_count), by date then title. */
GPtrArray *prospect_report_list_deals     (ProspectDatabase     *db,
                                           const ProspectPeriod *period,
                                           const ProspectScope  *scope,
                                           GError              **error);
/* Activities owned by owner_id that are not done and were due before now
 * (timed) or before today (all-day), as the day plan's "Overdue"; -1 on
 * error. */
gint64     prospect_count_overdue_activities (ProspectDatabase  *db,
                                              const char        *owner_id,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectReport, prospect_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectFunnel, prospect_funnel_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectMonthlyWon, prospect_monthly_won_free)

G_END_DECLS
