/* prospect-my-numbers.h - a rep's own figures next to the team median
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-analytics.h"

G_BEGIN_DECLS

/* What the My Numbers page shows: the rep's own figures for a period and,
 * for each, the median over the rep's peers. It is there to help the rep,
 * so it carries medians only: never another person's name, figure or
 * rank.
 *
 * Definitions (README "My Numbers"):
 *  - figures: exactly those of prospect_report_compute() with the scope
 *    PERSON = the rep (prospect-cli report --scope person:ID);
 *  - peers: the rep and the other active, not deleted people with the role
 *    "rep" who report to the same manager. A rep without a manager has no
 *    peers but themself;
 *  - activities this week: activities of the person, not deleted, with
 *    done_at from Monday 00:00 local time of the current week through now
 *    (prospect_clock_now_ms()), whatever the period;
 *  - team median of a figure: the median of that figure over the peers
 *    (the rep included) for whom it is defined: win rate only for those
 *    who closed a deal in the period, attainment only for those with a
 *    target above 0. With an odd count it is the middle value, with an
 *    even count the mean of the two middle values; a money median is then
 *    rounded half up to a minor unit. NAN (or -1 for money) when no peer
 *    has the figure;
 *  - below the median: the rep's figure is defined and less than the
 *    median, and there are at least two peers to compare. */
typedef struct
{
  gint64 won_value;            /* -1 = undefined */
  gint64 open_value;
  gint64 weighted_value;
  double attainment;           /* NAN = undefined */
  double win_rate;
  double activities_this_week;
} ProspectMyNumbersMedians;

typedef struct
{
  char                     *person_id;
  ProspectReport           *report;               /* scope PERSON, no grouping */
  guint                     activities_this_week;
  gint64                    week_start_ms;        /* Monday 00:00 local */
  guint                     n_peers;              /* the rep included */
  ProspectMyNumbersMedians  median;
} ProspectMyNumbers;

typedef enum
{
  PROSPECT_MY_NUMBERS_WON,
  PROSPECT_MY_NUMBERS_ATTAINMENT,
  PROSPECT_MY_NUMBERS_OPEN,
  PROSPECT_MY_NUMBERS_WEIGHTED,
  PROSPECT_MY_NUMBERS_WIN_RATE,
  PROSPECT_MY_NUMBERS_ACTIVITIES,
} ProspectMyNumbersFigure;

/* The numbers of person_id for period. NULL with PROSPECT_ERROR_NOT_FOUND
 * when there is no such (live) person. */
ProspectMyNumbers *prospect_my_numbers_compute     (ProspectDatabase        *db,
                                                    const ProspectPeriod    *period,
                                                    const char              *person_id,
                                                    GError                 **error);
void               prospect_my_numbers_free        (ProspectMyNumbers       *numbers);

/* The rep's own figures: numbers->report->total. */
const ProspectFigures *prospect_my_numbers_get_figures (const ProspectMyNumbers *numbers);

/* TRUE when there is nothing to show yet: nothing won, lost or open in
 * the period, no target and no activity done this week. */
gboolean           prospect_my_numbers_is_empty    (const ProspectMyNumbers *numbers);

/* See "below the median" above. */
gboolean           prospect_my_numbers_is_below_median (const ProspectMyNumbers *numbers,
                                                        ProspectMyNumbersFigure  figure);

/* The median of n values as defined above (NAN when n is 0); sorts
 * values in place. */
double             prospect_median                 (double                  *values,
                                                    guint                    n);

/* UTC ms of Monday 00:00 local time of the week that holds now_ms. */
gint64             prospect_week_start_ms          (gint64                   now_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectMyNumbers, prospect_my_numbers_free)

G_END_DECLS
