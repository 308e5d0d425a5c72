/* prospect-chart-draw.c - drawing helpers shared by the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-chart-draw"

#include "config.h"

#include <math.h>

#include "prospect-chart-private.h"

void
prospect_chart_set_color (cairo_t                  *cr,
                          const ProspectChartColor *color,
                          double                    opacity)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                         color->alpha * opacity);
}

void
prospect_chart_rounded_rect (cairo_t *cr,
                             double   x,
                             double   y,
                             double   width,
                             double   height,
                             double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);
  if (radius <= 0.0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2.0, 0.0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0.0, G_PI / 2.0);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2.0, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3.0 * G_PI / 2.0);
  cairo_close_path (cr);
}

/* max_width <= 0: no limit. Longer text is ellipsized at the end rather
 * than overflowing into its neighbour. */
PangoLayout *
prospect_chart_layout_new (cairo_t                  *cr,
                           const ProspectChartStyle *style,
                           const char               *text,
                           ProspectChartTextWeight   weight,
                           double                    max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (style->font);

  if (weight == PROSPECT_CHART_TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  else if (weight == PROSPECT_CHART_TEXT_SMALL)
    {
      int size = pango_font_description_get_size (font);
      gboolean absolute = pango_font_description_get_size_is_absolute (font);

      if (absolute)
        pango_font_description_set_absolute_size (font, size * 0.9);
      else
        pango_font_description_set_size (font, size * 0.9);
    }

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0.0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

double
prospect_chart_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

double
prospect_chart_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.height / PANGO_SCALE;
}

/* Draws layout with its top at y and its horizontal anchor at x:
 * xalign 0 = left edge, 0.5 = centre, 1 = right edge. */
void
prospect_chart_show_layout (cairo_t                  *cr,
                            PangoLayout              *layout,
                            double                    x,
                            double                    y,
                            double                    xalign,
                            const ProspectChartColor *color)
{
  double width = prospect_chart_layout_width (layout);

  cairo_save (cr);
  prospect_chart_set_color (cr, color, 1.0);
  cairo_move_to (cr, round (x - width * xalign), round (y));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
prospect_chart_draw_empty (cairo_t                  *cr,
                           const ProspectChartStyle *style,
                           const char               *message,
                           double                    width,
                           double                    height)
{
  g_autoptr(PangoLayout) layout = prospect_chart_layout_new (cr, style, message,
                                                             PROSPECT_CHART_TEXT_NORMAL,
                                                             width);
  double text_height = prospect_chart_layout_height (layout);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  prospect_chart_show_layout (cr, layout, 0.0, (height - text_height) / 2.0, 0.0,
                              &style->dim_foreground);
}

gboolean
prospect_chart_rect_contains (const ProspectChartRect *rect,
                              double                   x,
                              double                   y)
{
  return x >= rect->x && x < rect->x + rect->width
      && y >= rect->y && y < rect->y + rect->height;
}
