/* prospect-chart-widget.h - a funnel, gauge or bar chart on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-chart-export.h"

G_BEGIN_DECLS

/* Draws one chart from src/charts with the theme's colours (re-read when
 * the CSS changes: dark mode, high contrast), states its figures in its
 * accessible description and in tooltips, and emits ::activated when a
 * funnel band, a bar group or the gauge is clicked or chosen with the
 * keyboard (arrows to move, Enter to choose).
 *
 * Signals:
 *   activated (guint series, int index): funnel: the series (0 = left) and
 *   the stage; bars: 0 and the category; gauge: 0 and 0. */
#define PROSPECT_TYPE_CHART_WIDGET (prospect_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (ProspectChartWidget, prospect_chart_widget, PROSPECT, CHART_WIDGET, GtkWidget)

GtkWidget         *prospect_chart_widget_new             (void);

/* The widget keeps a copy of data. */
void               prospect_chart_widget_set_funnel      (ProspectChartWidget      *self,
                                                          const ProspectFunnelData *data);
void               prospect_chart_widget_set_gauge       (ProspectChartWidget      *self,
                                                          const ProspectGaugeData  *data);
void               prospect_chart_widget_set_bars        (ProspectChartWidget      *self,
                                                          const ProspectBarData    *data);
gboolean           prospect_chart_widget_get_kind        (ProspectChartWidget      *self,
                                                          ProspectChartKind        *kind);

/* The accessible name, and the default name of an exported file. */
const char        *prospect_chart_widget_get_title       (ProspectChartWidget      *self);
void               prospect_chart_widget_set_title       (ProspectChartWidget      *self,
                                                          const char               *title);
/* The text of the accessible description: every figure of the chart. */
const char        *prospect_chart_widget_get_description (ProspectChartWidget      *self);

/* "Export Chart…": asks for a PNG or PDF file name, then writes the
 * chart at its on-screen size in the light palette. Also the action
 * "chart.export" and the context menu. */
void               prospect_chart_widget_export          (ProspectChartWidget      *self);
gboolean           prospect_chart_widget_export_to_file  (ProspectChartWidget      *self,
                                                          const char               *path,
                                                          GError                  **error);

G_END_DECLS
