/* prospect-gauge-chart.h - target versus actual as a horizontal bar gauge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "prospect-chart-style.h"

G_BEGIN_DECLS

/* Amounts in minor units of currency. */
typedef struct
{
  char   *title;                  /* a rep's or the team's name; may be NULL */
  char   *currency;
  gint64  target;                 /* 0 = no target set */
  gint64  won_to_date;
  gint64  expected_end;           /* won + weighted pipeline for the rest */
  gint64  previous_year_to_date;  /* same span of the previous fiscal year */
  double  elapsed_share;          /* 0..1 of the period gone by */
} ProspectGaugeData;

typedef enum
{
  PROSPECT_GAUGE_NO_TARGET,
  PROSPECT_GAUGE_ON_TRACK,
  PROSPECT_GAUGE_AT_RISK,
  PROSPECT_GAUGE_OFF_TRACK,
} ProspectGaugeStatus;

/* Status compares attainment (won / target) with the share of the period
 * gone by. pace = attainment / elapsed share:
 *   pace >= ON_TRACK_PACE                 on track
 *   AT_RISK_PACE <= pace < ON_TRACK_PACE  at risk
 *   pace < AT_RISK_PACE                   off track
 * Attainment of 100% or more is on track whatever the date; at the very
 * start of a period (elapsed share 0) nothing is due yet: on track. */
#define PROSPECT_GAUGE_ON_TRACK_PACE 0.95
#define PROSPECT_GAUGE_AT_RISK_PACE  0.75

/* Where the marks sit along the bar, 0..1 of its length. The bar is
 * scaled to the largest figure, with the target at most at
 * PROSPECT_GAUGE_TARGET_POSITION so that going past it shows. */
#define PROSPECT_GAUGE_TARGET_POSITION 0.85

typedef struct
{
  double won;
  double expected;
  double previous;
  double target;    /* NAN without a target */
} ProspectGaugeMarks;

ProspectGaugeData  *prospect_gauge_data_new     (const char              *title,
                                                 const char              *currency);
ProspectGaugeData  *prospect_gauge_data_copy    (const ProspectGaugeData *data);
void                prospect_gauge_data_free    (ProspectGaugeData       *data);

/* won / target; NAN without a target. */
double              prospect_gauge_attainment   (const ProspectGaugeData *data);
ProspectGaugeStatus prospect_gauge_status       (const ProspectGaugeData *data);
const char         *prospect_gauge_status_label (ProspectGaugeStatus      status);
void                prospect_gauge_normalize    (const ProspectGaugeData *data,
                                                 ProspectGaugeMarks      *marks);

void                prospect_gauge_chart_draw   (cairo_t                  *cr,
                                                 const ProspectGaugeData  *data,
                                                 double                    width,
                                                 double                    height,
                                                 const ProspectChartStyle *style);
char               *prospect_gauge_chart_describe (const ProspectGaugeData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectGaugeData, prospect_gauge_data_free)

G_END_DECLS
