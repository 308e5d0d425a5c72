/* prospect-bar-chart.c - grouped bars: categories × one or two series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-bar-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "prospect-bar-chart.h"
#include "prospect-chart-format.h"
#include "prospect-chart-private.h"

/* Geometry in pixels (points in a PDF), independent of the font so that
 * hit-testing needs no cairo context. */
#define PADDING         12.0
#define LEGEND_HEIGHT   30.0
#define AXIS_WIDTH      64.0
#define LABEL_HEIGHT    26.0
#define GROUP_SHARE     0.72  /* of a category's slot; the rest separates groups */
#define BAR_SPACING     3.0
#define MAX_BAR_WIDTH   36.0
#define BAR_RADIUS      3.0
#define TICK_SPACING    48.0  /* at least this many pixels between ticks */
#define MAX_TICKS       6

typedef struct
{
  double          x;
  double          y;
  double          width;
  double          height;
  double          slot;
  ProspectBarAxis axis;
} BarGeometry;

ProspectBarData *
prospect_bar_data_new (ProspectBarUnit  unit,
                       const char      *currency,
                       const char      *series0,
                       const char      *series1)
{
  ProspectBarData *data = g_new0 (ProspectBarData, 1);

  data->unit = unit;
  data->currency = g_strdup (currency);
  data->n_series = series1 != NULL ? 2 : 1;
  data->series_names[0] = g_strdup (series0);
  data->series_names[1] = g_strdup (series1);
  data->categories = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < data->n_series; s++)
    data->values[s] = g_array_new (FALSE, TRUE, sizeof (gint64));

  return data;
}

ProspectBarData *
prospect_bar_data_copy (const ProspectBarData *data)
{
  ProspectBarData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = prospect_bar_data_new (data->unit, data->currency, data->series_names[0],
                                data->n_series > 1 ? data->series_names[1] : NULL);
  for (guint i = 0; i < data->categories->len; i++)
    prospect_bar_data_add (copy, g_ptr_array_index (data->categories, i),
                           prospect_bar_data_get_value (data, 0, i),
                           prospect_bar_data_get_value (data, 1, i));

  return copy;
}

void
prospect_bar_data_free (ProspectBarData *data)
{
  if (data == NULL)
    return;

  g_free (data->currency);
  g_free (data->series_names[0]);
  g_free (data->series_names[1]);
  g_ptr_array_unref (data->categories);
  for (guint s = 0; s < G_N_ELEMENTS (data->values); s++)
    g_clear_pointer (&data->values[s], g_array_unref);
  g_free (data);
}

/* value1 is ignored when the data has one series. */
void
prospect_bar_data_add (ProspectBarData *data,
                       const char      *category,
                       gint64           value0,
                       gint64           value1)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (category != NULL);

  g_ptr_array_add (data->categories, g_strdup (category));
  g_array_append_val (data->values[0], value0);
  if (data->n_series > 1)
    g_array_append_val (data->values[1], value1);
}

gint64
prospect_bar_data_get_value (const ProspectBarData *data,
                             guint                  series,
                             guint                  category)
{
  g_return_val_if_fail (data != NULL, 0);

  if (series >= data->n_series || category >= data->values[series]->len)
    return 0;

  return g_array_index (data->values[series], gint64, category);
}

static gint64
largest_value (const ProspectBarData *data)
{
  gint64 largest = 0;

  for (guint s = 0; s < data->n_series; s++)
    for (guint i = 0; i < data->values[s]->len; i++)
      largest = MAX (largest, g_array_index (data->values[s], gint64, i));

  return largest;
}

/* The smallest step worth a tick: one whole currency unit, or one deal. */
static gint64
axis_granularity (const ProspectBarData *data)
{
  gint64 granularity = 1;

  if (data->unit == PROSPECT_BAR_UNIT_MONEY)
    for (guint d = prospect_chart_currency_digits (data->currency); d > 0; d--)
      granularity *= 10;

  return granularity;
}

void
prospect_bar_chart_axis (const ProspectBarData *data,
                         guint                  max_ticks,
                         ProspectBarAxis       *axis)
{
  static const double multiples[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  gint64 granularity;
  double largest_units;
  double magnitude;
  double step_units = 1.0;

  g_return_if_fail (data != NULL);
  g_return_if_fail (axis != NULL);

  granularity = axis_granularity (data);
  largest_units = (double) largest_value (data) / granularity;
  max_ticks = MAX (max_ticks, 1);

  if (largest_units > 0.0)
    {
      magnitude = pow (10.0, floor (log10 (largest_units / max_ticks)));
      magnitude = MAX (magnitude, 1.0);
      for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
        {
          /* 2.5 × 1 is not a whole unit. */
          if (multiples[i] == 2.5 && magnitude < 10.0)
            continue;
          step_units = multiples[i] * magnitude;
          if (step_units * max_ticks >= largest_units)
            break;
        }
    }

  axis->step = (gint64) round (step_units) * granularity;
  axis->n_ticks = MAX ((guint) ceil ((double) largest_value (data) / axis->step), 1);
  axis->max = axis->n_ticks * axis->step;
}

double
prospect_bar_chart_share (const ProspectBarData *data,
                          const ProspectBarAxis *axis,
                          guint                  series,
                          guint                  category)
{
  gint64 value;

  g_return_val_if_fail (data != NULL, 0.0);
  g_return_val_if_fail (axis != NULL && axis->max > 0, 0.0);

  value = prospect_bar_data_get_value (data, series, category);

  return CLAMP ((double) value / axis->max, 0.0, 1.0);
}

static gboolean
has_legend (const ProspectBarData *data)
{
  return data->series_names[0] != NULL || (data->n_series > 1 && data->series_names[1] != NULL);
}

static gboolean
bar_geometry (const ProspectBarData *data,
              double                 width,
              double                 height,
              BarGeometry           *geometry)
{
  guint ticks;

  if (data->categories->len == 0)
    return FALSE;

  geometry->x = PADDING + AXIS_WIDTH;
  geometry->y = PADDING + (has_legend (data) ? LEGEND_HEIGHT : 0.0);
  geometry->width = width - PADDING - geometry->x;
  geometry->height = height - PADDING - LABEL_HEIGHT - geometry->y;
  if (geometry->width <= 0.0 || geometry->height <= 0.0)
    return FALSE;

  geometry->slot = geometry->width / data->categories->len;
  ticks = CLAMP ((guint) (geometry->height / TICK_SPACING), 1, MAX_TICKS);
  prospect_bar_chart_axis (data, ticks, &geometry->axis);

  return TRUE;
}

gboolean
prospect_bar_chart_bar_rect (const ProspectBarData *data,
                             double                 width,
                             double                 height,
                             guint                  series,
                             guint                  category,
                             ProspectChartRect     *rect)
{
  BarGeometry geometry;
  double group;
  double bar_width;
  double bar_height;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!bar_geometry (data, width, height, &geometry)
      || series >= data->n_series || category >= data->categories->len)
    return FALSE;

  bar_width = (geometry.slot * GROUP_SHARE - (data->n_series - 1) * BAR_SPACING) / data->n_series;
  bar_width = CLAMP (bar_width, 1.0, MAX_BAR_WIDTH);
  group = data->n_series * bar_width + (data->n_series - 1) * BAR_SPACING;
  bar_height = prospect_bar_chart_share (data, &geometry.axis, series, category) * geometry.height;

  rect->x = geometry.x + category * geometry.slot + (geometry.slot - group) / 2.0
            + series * (bar_width + BAR_SPACING);
  rect->y = geometry.y + geometry.height - bar_height;
  rect->width = bar_width;
  rect->height = bar_height;

  return TRUE;
}

int
prospect_bar_chart_category_at (const ProspectBarData *data,
                                double                 width,
                                double                 height,
                                double                 x,
                                double                 y)
{
  BarGeometry geometry;
  ProspectChartRect plot;

  g_return_val_if_fail (data != NULL, -1);

  if (!bar_geometry (data, width, height, &geometry))
    return -1;

  plot = (ProspectChartRect) { geometry.x, geometry.y, geometry.width, geometry.height };
  if (!prospect_chart_rect_contains (&plot, x, y))
    return -1;

  return MIN ((guint) ((x - geometry.x) / geometry.slot), data->categories->len - 1);
}

static char *
format_value (const ProspectBarData *data,
              gint64                 value,
              gboolean               compact)
{
  if (data->unit == PROSPECT_BAR_UNIT_COUNT)
    return prospect_chart_format_count (value);
  if (compact)
    return prospect_chart_format_money_compact (value, data->currency);

  return prospect_chart_format_money (value, data->currency);
}

static const ProspectChartColor *
series_color (guint                     series,
              const ProspectChartStyle *style,
              double                   *opacity)
{
  /* The current figures in the accent colour; the comparison stays quiet. */
  *opacity = series == 0 ? 1.0 : 0.3;

  return series == 0 ? &style->accent : &style->foreground;
}

static void
draw_axis (cairo_t                  *cr,
           const ProspectBarData    *data,
           const BarGeometry        *geometry,
           const ProspectChartStyle *style)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (guint tick = 0; tick <= geometry->axis.n_ticks; tick++)
    {
      gint64 value = tick * geometry->axis.step;
      double y = round (geometry->y + geometry->height
                        - geometry->height * tick / geometry->axis.n_ticks) + 0.5;
      g_autofree char *text = format_value (data, value, TRUE);
      g_autoptr(PangoLayout) layout = prospect_chart_layout_new (cr, style, text,
                                                                 PROSPECT_CHART_TEXT_SMALL,
                                                                 AXIS_WIDTH - 8.0);

      prospect_chart_set_color (cr, &style->grid, 1.0);
      cairo_move_to (cr, geometry->x, y);
      cairo_line_to (cr, geometry->x + geometry->width, y);
      cairo_stroke (cr);

      prospect_chart_show_layout (cr, layout, geometry->x - 8.0,
                                  y - prospect_chart_layout_height (layout) / 2.0, 1.0,
                                  &style->dim_foreground);
    }
  cairo_restore (cr);
}

static void
draw_legend (cairo_t                  *cr,
             const ProspectBarData    *data,
             const BarGeometry        *geometry,
             const ProspectChartStyle *style)
{
  double x = geometry->x;

  if (!has_legend (data))
    return;

  for (guint s = 0; s < data->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double opacity;
      const ProspectChartColor *color = series_color (s, style, &opacity);
      double text_height;

      if (data->series_names[s] == NULL)
        continue;

      layout = prospect_chart_layout_new (cr, style, data->series_names[s],
                                          PROSPECT_CHART_TEXT_NORMAL, -1);
      text_height = prospect_chart_layout_height (layout);
      prospect_chart_set_color (cr, color, opacity);
      prospect_chart_rounded_rect (cr, x, PADDING + (text_height - 12.0) / 2.0, 12.0, 12.0, 3.0);
      cairo_fill (cr);
      prospect_chart_show_layout (cr, layout, x + 18.0, PADDING, 0.0, &style->foreground);
      x += 18.0 + prospect_chart_layout_width (layout) + 24.0;
    }
}

static void
draw_bars (cairo_t                  *cr,
           const ProspectBarData    *data,
           const BarGeometry        *geometry,
           double                    width,
           double                    height,
           const ProspectChartStyle *style)
{
  for (guint i = 0; i < data->categories->len; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      for (guint s = 0; s < data->n_series; s++)
        {
          ProspectChartRect bar;
          double opacity;
          const ProspectChartColor *color = series_color (s, style, &opacity);

          prospect_bar_chart_bar_rect (data, width, height, s, i, &bar);
          if (bar.height <= 0.0)
            continue;

          /* Rounded at the top only: the bar stands on the axis. */
          prospect_chart_set_color (cr, color, opacity);
          cairo_save (cr);
          cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
          cairo_clip (cr);
          prospect_chart_rounded_rect (cr, bar.x, bar.y, bar.width, bar.height + BAR_RADIUS,
                                       BAR_RADIUS);
          cairo_fill (cr);
          cairo_restore (cr);
        }

      layout = prospect_chart_layout_new (cr, style, g_ptr_array_index (data->categories, i),
                                          PROSPECT_CHART_TEXT_SMALL, geometry->slot - 4.0);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      prospect_chart_show_layout (cr, layout, geometry->x + i * geometry->slot + 2.0,
                                  geometry->y + geometry->height + 6.0, 0.0,
                                  &style->dim_foreground);
    }
}

void
prospect_bar_chart_draw (cairo_t                  *cr,
                         const ProspectBarData    *data,
                         double                    width,
                         double                    height,
                         const ProspectChartStyle *style)
{
  BarGeometry geometry;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (!bar_geometry (data, width, height, &geometry))
    {
      prospect_chart_draw_empty (cr, style, _("No figures to show"), width, height);
      return;
    }

  cairo_save (cr);
  draw_legend (cr, data, &geometry, style);
  draw_axis (cr, data, &geometry, style);
  draw_bars (cr, data, &geometry, width, height, style);
  cairo_restore (cr);
}

static void
describe_category_into (GString               *text,
                        const ProspectBarData *data,
                        guint                  category)
{
  g_string_append_printf (text, "%s:", (const char *) g_ptr_array_index (data->categories, category));
  for (guint s = 0; s < data->n_series; s++)
    {
      g_autofree char *value = format_value (data, prospect_bar_data_get_value (data, s, category),
                                             FALSE);

      if (data->series_names[s] != NULL)
        g_string_append_printf (text, "%s %s %s", s > 0 ? "," : "", data->series_names[s], value);
      else
        g_string_append_printf (text, "%s %s", s > 0 ? "," : "", value);
    }
  g_string_append_c (text, '.');
}

char *
prospect_bar_chart_describe (const ProspectBarData *data)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->categories->len == 0)
    return g_strdup (_("Bar chart: no figures to show."));

  text = g_string_new (_("Bar chart."));
  for (guint i = 0; i < data->categories->len; i++)
    {
      g_string_append_c (text, ' ');
      describe_category_into (text, data, i);
    }

  return g_string_free (text, FALSE);
}

char *
prospect_bar_chart_describe_category (const ProspectBarData *data,
                                      guint                  category)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (category < data->categories->len, NULL);

  text = g_string_new (NULL);
  describe_category_into (text, data, category);

  return g_string_free (text, FALSE);
}
