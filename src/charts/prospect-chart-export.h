/* prospect-chart-export.h - any chart to a PNG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "prospect-bar-chart.h"
#include "prospect-chart-style.h"
#include "prospect-funnel-chart.h"
#include "prospect-gauge-chart.h"

G_BEGIN_DECLS

typedef enum
{
  PROSPECT_CHART_FUNNEL,  /* data is a ProspectFunnelData */
  PROSPECT_CHART_GAUGE,   /* data is a ProspectGaugeData */
  PROSPECT_CHART_BARS,    /* data is a ProspectBarData */
} ProspectChartKind;

typedef enum
{
  PROSPECT_CHART_FORMAT_PNG,
  PROSPECT_CHART_FORMAT_PDF,
} ProspectChartFormat;

void     prospect_chart_draw            (cairo_t                  *cr,
                                         ProspectChartKind         kind,
                                         gconstpointer             data,
                                         double                    width,
                                         double                    height,
                                         const ProspectChartStyle *style);
char    *prospect_chart_describe        (ProspectChartKind         kind,
                                         gconstpointer             data);

/* From the file name's extension (".png", ".pdf", any case). */
gboolean prospect_chart_format_for_path (const char               *path,
                                         ProspectChartFormat      *format);

/* Width and height are pixels for a PNG and points (1/72 inch) for a
 * PDF. The file is replaced in one step: a failed export leaves an
 * existing file as it was. */
gboolean prospect_chart_export          (ProspectChartKind         kind,
                                         gconstpointer             data,
                                         const ProspectChartStyle *style,
                                         ProspectChartFormat       format,
                                         double                    width,
                                         double                    height,
                                         const char               *path,
                                         GError                  **error);

G_END_DECLS
