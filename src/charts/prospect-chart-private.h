/* prospect-chart-private.h - drawing helpers shared by the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "prospect-chart-style.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

typedef enum
{
  PROSPECT_CHART_TEXT_NORMAL,
  PROSPECT_CHART_TEXT_BOLD,
  PROSPECT_CHART_TEXT_SMALL,
} ProspectChartTextWeight;

void         prospect_chart_set_color     (cairo_t                  *cr,
                                           const ProspectChartColor *color,
                                           double                    opacity);
void         prospect_chart_rounded_rect  (cairo_t                  *cr,
                                           double                    x,
                                           double                    y,
                                           double                    width,
                                           double                    height,
                                           double                    radius);
PangoLayout *prospect_chart_layout_new    (cairo_t                  *cr,
                                           const ProspectChartStyle *style,
                                           const char               *text,
                                           ProspectChartTextWeight   weight,
                                           double                    max_width);
double       prospect_chart_layout_width  (PangoLayout              *layout);
double       prospect_chart_layout_height (PangoLayout              *layout);
void         prospect_chart_show_layout   (cairo_t                  *cr,
                                           PangoLayout              *layout,
                                           double                    x,
                                           double                    y,
                                           double                    xalign,
                                           const ProspectChartColor *color);
void         prospect_chart_draw_empty    (cairo_t                  *cr,
                                           const ProspectChartStyle *style,
                                           const char               *message,
                                           double                    width,
                                           double                    height);
gboolean     prospect_chart_rect_contains (const ProspectChartRect  *rect,
                                           double                    x,
                                           double                    y);

G_END_DECLS
