/* prospect-bar-chart.h - grouped bars: categories × one or two series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "prospect-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  PROSPECT_BAR_UNIT_MONEY,  /* values in minor units of the currency */
  PROSPECT_BAR_UNIT_COUNT,
} ProspectBarUnit;

/* E.g. won value per month of this fiscal year (series 0) against the
 * previous one (series 1), or per rep. Negative values are drawn as 0. */
typedef struct
{
  ProspectBarUnit  unit;
  char            *currency;
  guint            n_series;        /* 2 when series1 was named, else 1 */
  char            *series_names[2];
  GPtrArray       *categories;      /* of char * */
  GArray          *values[2];       /* of gint64, one per category */
} ProspectBarData;

/* The value axis: n_ticks steps of step, from 0 to max = n_ticks × step.
 * Steps are 1, 2, 2.5 or 5 × a power of ten (whole currency units). */
typedef struct
{
  gint64 step;
  guint  n_ticks;
  gint64 max;
} ProspectBarAxis;

ProspectBarData *prospect_bar_data_new       (ProspectBarUnit        unit,
                                              const char            *currency,
                                              const char            *series0,
                                              const char            *series1);
ProspectBarData *prospect_bar_data_copy      (const ProspectBarData *data);
void             prospect_bar_data_free      (ProspectBarData       *data);
void             prospect_bar_data_add       (ProspectBarData       *data,
                                              const char            *category,
                                              gint64                 value0,
                                              gint64                 value1);
gint64           prospect_bar_data_get_value (const ProspectBarData *data,
                                              guint                  series,
                                              guint                  category);

/* Normalisation (pure, no drawing). axis: at most max_ticks steps up to
 * the largest value. share: a value as a share of the axis, 0..1.
 * bar_rect: a bar in a width × height chart. category_at: the category
 * whose column of the plot holds (x, y), or -1. */
void             prospect_bar_chart_axis     (const ProspectBarData *data,
                                              guint                  max_ticks,
                                              ProspectBarAxis       *axis);
double           prospect_bar_chart_share    (const ProspectBarData *data,
                                              const ProspectBarAxis *axis,
                                              guint                  series,
                                              guint                  category);
gboolean         prospect_bar_chart_bar_rect (const ProspectBarData *data,
                                              double                 width,
                                              double                 height,
                                              guint                  series,
                                              guint                  category,
                                              ProspectChartRect     *rect);
int              prospect_bar_chart_category_at (const ProspectBarData *data,
                                                 double                 width,
                                                 double                 height,
                                                 double                 x,
                                                 double                 y);

void             prospect_bar_chart_draw     (cairo_t                  *cr,
                                              const ProspectBarData    *data,
                                              double                    width,
                                              double                    height,
                                              const ProspectChartStyle *style);
char            *prospect_bar_chart_describe (const ProspectBarData *data);
char            *prospect_bar_chart_describe_category (const ProspectBarData *data,
                                                       guint                  category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectBarData, prospect_bar_data_free)

G_END_DECLS
