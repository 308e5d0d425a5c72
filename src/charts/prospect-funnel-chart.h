/* prospect-funnel-chart.h - the sales funnel as plain cairo drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "prospect-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  PROSPECT_FUNNEL_BY_COUNT,  /* band width ∝ deals that reached the stage */
  PROSPECT_FUNNEL_BY_VALUE,  /* band width ∝ their value */
} ProspectFunnelMode;

typedef struct
{
  char   *label;
  gint64  count;
  gint64  value;      /* minor units of the data's currency */
  double  step_rate;  /* 0..1 share that went on to the next stage; NAN for the last */
} ProspectFunnelStage;

typedef struct
{
  char   *name;       /* "Team", a rep's name; NULL for a lone funnel */
  GArray *stages;     /* of ProspectFunnelStage */
} ProspectFunnelSeries;

/* One series, or two drawn side by side (a rep against the team), each
 * normalised to its own largest (= first) stage. Rows are the stages of
 * the first series. */
typedef struct
{
  ProspectFunnelMode  mode;
  char               *currency;
  GPtrArray          *series;  /* of ProspectFunnelSeries */
} ProspectFunnelData;

/* The stage names are written in front of the bands, in a column of this
 * share of the width, at most LABEL_MAX_WIDTH wide. */
#define PROSPECT_FUNNEL_LABEL_SHARE     0.28
#define PROSPECT_FUNNEL_LABEL_MAX_WIDTH 150.0

ProspectFunnelData   *prospect_funnel_data_new          (ProspectFunnelMode        mode,
                                                         const char               *currency);
ProspectFunnelData   *prospect_funnel_data_copy         (const ProspectFunnelData *data);
void                  prospect_funnel_data_free         (ProspectFunnelData       *data);
ProspectFunnelSeries *prospect_funnel_data_add_series   (ProspectFunnelData       *data,
                                                         const char               *name);
void                  prospect_funnel_series_add_stage  (ProspectFunnelSeries     *series,
                                                         const char               *label,
                                                         gint64                    count,
                                                         gint64                    value,
                                                         double                    step_rate);

/* Normalisation (pure, no drawing). stage_share: the band's width as a
 * share of its column, 0..1. weakest_step: the stage s whose step s → s+1
 * has the lowest rate, -1 with fewer than two rated steps. band_rect: the
 * band in a width × height chart. band_at: the stage whose row, within
 * its funnel's column, holds (x, y), with that funnel's index in *series
 * (0 = left); -1 when none does. */
double                prospect_funnel_stage_share       (const ProspectFunnelSeries *series,
                                                         ProspectFunnelMode          mode,
                                                         guint                       stage);
int                   prospect_funnel_weakest_step      (const ProspectFunnelSeries *series);
gboolean              prospect_funnel_chart_band_rect   (const ProspectFunnelData *data,
                                                         double                    width,
                                                         double                    height,
                                                         guint                     series,
                                                         guint                     stage,
                                                         ProspectChartRect        *rect);
int                   prospect_funnel_chart_band_at     (const ProspectFunnelData *data,
                                                         double                    width,
                                                         double                    height,
                                                         double                    x,
                                                         double                    y,
                                                         guint                    *series);

void                  prospect_funnel_chart_draw        (cairo_t                  *cr,
                                                         const ProspectFunnelData *data,
                                                         double                    width,
                                                         double                    height,
                                                         const ProspectChartStyle *style);

/* Text stating the figures: the accessible description and tooltips. */
char                 *prospect_funnel_chart_describe      (const ProspectFunnelData *data);
char                 *prospect_funnel_chart_describe_band (const ProspectFunnelData *data,
                                                           guint                     series,
                                                           guint                     stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectFunnelData, prospect_funnel_data_free)

G_END_DECLS
