/* prospect-chart-style.h - colours, font and geometry the charts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A rectangle in the chart's own coordinates (pixels or points, origin
 * at the top left), as the layout functions return it. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ProspectChartRect;

/* Same members as GdkRGBA, without depending on GTK. */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} ProspectChartColor;

/* The widget fills this from the theme (and refills it when the CSS
 * changes); files use one of the fixed libadwaita palettes below. */
typedef struct
{
  ProspectChartColor    foreground;      /* text, marks */
  ProspectChartColor    dim_foreground;  /* secondary text */
  ProspectChartColor    background;      /* only painted by the exporters */
  ProspectChartColor    accent;          /* bands and current bars */
  ProspectChartColor    accent_foreground; /* text on accent fills */
  ProspectChartColor    success;
  ProspectChartColor    warning;
  ProspectChartColor    error;
  ProspectChartColor    grid;            /* axis lines, gauge track */
  PangoFontDescription *font;
} ProspectChartStyle;

typedef enum
{
  PROSPECT_CHART_PALETTE_LIGHT,
  PROSPECT_CHART_PALETTE_DARK,
  PROSPECT_CHART_PALETTE_HIGH_CONTRAST,
} ProspectChartPalette;

ProspectChartStyle *prospect_chart_style_new  (ProspectChartPalette      palette);
ProspectChartStyle *prospect_chart_style_copy (const ProspectChartStyle *style);
void                prospect_chart_style_free (ProspectChartStyle       *style);

void                prospect_chart_style_set_font (ProspectChartStyle         *style,
                                                   const PangoFontDescription *font);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectChartStyle, prospect_chart_style_free)

G_END_DECLS
