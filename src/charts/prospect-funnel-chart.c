/* prospect-funnel-chart.c - the sales funnel as plain cairo drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-funnel-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "prospect-chart-format.h"
#include "prospect-chart-private.h"
#include "prospect-funnel-chart.h"

/* Geometry in pixels (points in a PDF). It does not depend on the font,
 * so that hit-testing needs no cairo context. */
#define PADDING         12.0
#define HEADER_HEIGHT   30.0  /* the series names above side-by-side funnels */
#define GAP_HEIGHT      26.0  /* between bands: room for the step-up rate */
#define COLUMN_SPACING  24.0
#define LABEL_SPACING   12.0
#define MAX_BAND_HEIGHT 56.0
#define MIN_BAND_WIDTH  4.0
#define BAND_RADIUS     6.0
#define TEXT_PADDING    10.0

typedef struct
{
  guint  n_rows;
  guint  n_columns;
  double label_x;
  double label_width;
  double column_x[2];
  double column_width;
  double header_y;  /* of the series names */
  double top;       /* of the first band */
  double band_height;
  double gap;
} FunnelGeometry;

static void
clear_stage (gpointer data)
{
  ProspectFunnelStage *stage = data;

  g_clear_pointer (&stage->label, g_free);
}

static ProspectFunnelSeries *
series_new (const char *name)
{
  ProspectFunnelSeries *series = g_new0 (ProspectFunnelSeries, 1);

  series->name = g_strdup (name);
  series->stages = g_array_new (FALSE, TRUE, sizeof (ProspectFunnelStage));
  g_array_set_clear_func (series->stages, clear_stage);

  return series;
}

static void
series_free (gpointer data)
{
  ProspectFunnelSeries *series = data;

  g_free (series->name);
  g_array_unref (series->stages);
  g_free (series);
}

ProspectFunnelData *
prospect_funnel_data_new (ProspectFunnelMode  mode,
                          const char         *currency)
{
  ProspectFunnelData *data = g_new0 (ProspectFunnelData, 1);

  data->mode = mode;
  data->currency = g_strdup (currency);
  data->series = g_ptr_array_new_with_free_func (series_free);

  return data;
}

ProspectFunnelData *
prospect_funnel_data_copy (const ProspectFunnelData *data)
{
  ProspectFunnelData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = prospect_funnel_data_new (data->mode, data->currency);
  for (guint s = 0; s < data->series->len; s++)
    {
      const ProspectFunnelSeries *series = g_ptr_array_index (data->series, s);
      ProspectFunnelSeries *series_copy = prospect_funnel_data_add_series (copy, series->name);

      for (guint i = 0; i < series->stages->len; i++)
        {
          const ProspectFunnelStage *stage = &g_array_index (series->stages, ProspectFunnelStage, i);

          prospect_funnel_series_add_stage (series_copy, stage->label, stage->count,
                                            stage->value, stage->step_rate);
        }
    }

  return copy;
}

void
prospect_funnel_data_free (ProspectFunnelData *data)
{
  if (data == NULL)
    return;

  g_free (data->currency);
  g_ptr_array_unref (data->series);
  g_free (data);
}

ProspectFunnelSeries *
prospect_funnel_data_add_series (ProspectFunnelData *data,
                                 const char         *name)
{
  ProspectFunnelSeries *series;

  g_return_val_if_fail (data != NULL, NULL);

  series = series_new (name);
  g_ptr_array_add (data->series, series);

  return series;
}

void
prospect_funnel_series_add_stage (ProspectFunnelSeries *series,
                                  const char           *label,
                                  gint64                count,
                                  gint64                value,
                                  double                step_rate)
{
  ProspectFunnelStage stage = { g_strdup (label), count, value, step_rate };

  g_return_if_fail (series != NULL);

  g_array_append_val (series->stages, stage);
}

static const ProspectFunnelStage *
get_stage (const ProspectFunnelSeries *series,
           guint                       stage)
{
  return &g_array_index (series->stages, ProspectFunnelStage, stage);
}

static double
stage_magnitude (const ProspectFunnelStage *stage,
                 ProspectFunnelMode         mode)
{
  gint64 magnitude = mode == PROSPECT_FUNNEL_BY_VALUE ? stage->value : stage->count;

  return MAX (magnitude, 0);
}

/* The band width as a share of the column: relative to the largest
 * stage, which in a funnel is the first. Taking the largest keeps odd data
 * (a value that grew on the way) inside the column. */
double
prospect_funnel_stage_share (const ProspectFunnelSeries *series,
                             ProspectFunnelMode          mode,
                             guint                       stage)
{
  double largest = 0.0;

  g_return_val_if_fail (series != NULL, 0.0);
  g_return_val_if_fail (stage < series->stages->len, 0.0);

  for (guint i = 0; i < series->stages->len; i++)
    largest = MAX (largest, stage_magnitude (get_stage (series, i), mode));

  if (largest <= 0.0)
    return 0.0;

  return stage_magnitude (get_stage (series, stage), mode) / largest;
}

/* The step (stage → stage + 1) with the lowest step-up rate, or -1 when
 * fewer than two steps have a rate: with one step there is nothing to
 * compare it with. */
int
prospect_funnel_weakest_step (const ProspectFunnelSeries *series)
{
  int weakest = -1;
  guint n_rated = 0;

  g_return_val_if_fail (series != NULL, -1);

  for (guint i = 0; i + 1 < series->stages->len; i++)
    {
      const ProspectFunnelStage *stage = get_stage (series, i);

      if (!isfinite (stage->step_rate) || stage->count <= 0)
        continue;

      n_rated++;
      if (weakest < 0 || stage->step_rate < get_stage (series, weakest)->step_rate)
        weakest = i;
    }

  return n_rated >= 2 ? weakest : -1;
}

static gboolean
funnel_geometry (const ProspectFunnelData *data,
                 double                    width,
                 double                    height,
                 FunnelGeometry           *geometry)
{
  const ProspectFunnelSeries *first;
  double inner_width = width - 2.0 * PADDING;
  double area_x;
  double area_width;
  double header;
  double available;
  double used;

  if (data->series->len == 0)
    return FALSE;

  first = g_ptr_array_index (data->series, 0);
  geometry->n_rows = first->stages->len;
  geometry->n_columns = MIN (data->series->len, 2);
  if (geometry->n_rows == 0 || inner_width <= 0.0)
    return FALSE;

  geometry->label_x = PADDING;
  geometry->label_width = MIN (inner_width * PROSPECT_FUNNEL_LABEL_SHARE,
                               PROSPECT_FUNNEL_LABEL_MAX_WIDTH);
  area_x = PADDING + geometry->label_width + LABEL_SPACING;
  area_width = MAX (width - PADDING - area_x, 0.0);
  geometry->column_width = (area_width - (geometry->n_columns - 1) * COLUMN_SPACING)
                           / geometry->n_columns;
  geometry->column_width = MAX (geometry->column_width, 0.0);
  for (guint c = 0; c < geometry->n_columns; c++)
    geometry->column_x[c] = area_x + c * (geometry->column_width + COLUMN_SPACING);

  header = geometry->n_columns > 1 ? HEADER_HEIGHT : 0.0;
  available = MAX (height - 2.0 * PADDING - header, 0.0);
  geometry->gap = geometry->n_rows > 1 ? GAP_HEIGHT : 0.0;
  /* A squeezed chart keeps its bands and gives up the gaps first. */
  if (available < geometry->n_rows * 8.0 + (geometry->n_rows - 1) * geometry->gap)
    geometry->gap = 0.0;
  geometry->band_height = (available - (geometry->n_rows - 1) * geometry->gap) / geometry->n_rows;
  geometry->band_height = CLAMP (geometry->band_height, 1.0, MAX_BAND_HEIGHT);

  /* Centre what is left over, so that the funnel does not hang from the top
   * of a tall window; the series names stay right above it. */
  used = geometry->n_rows * geometry->band_height + (geometry->n_rows - 1) * geometry->gap;
  geometry->header_y = PADDING + MAX ((available - used) / 2.0, 0.0);
  geometry->top = geometry->header_y + header;

  return TRUE;
}

static double
row_y (const FunnelGeometry *geometry,
       guint                 row)
{
  return geometry->top + row * (geometry->band_height + geometry->gap);
}

gboolean
prospect_funnel_chart_band_rect (const ProspectFunnelData *data,
                                 double                    width,
                                 double                    height,
                                 guint                     series,
                                 guint                     stage,
                                 ProspectChartRect        *rect)
{
  FunnelGeometry geometry;
  const ProspectFunnelSeries *column;
  double band_width;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!funnel_geometry (data, width, height, &geometry)
      || series >= geometry.n_columns || stage >= geometry.n_rows)
    return FALSE;

  column = g_ptr_array_index (data->series, series);
  if (stage >= column->stages->len)
    return FALSE;

  band_width = prospect_funnel_stage_share (column, data->mode, stage) * geometry.column_width;
  band_width = MIN (MAX (band_width, MIN_BAND_WIDTH), geometry.column_width);
  rect->x = geometry.column_x[series] + (geometry.column_width - band_width) / 2.0;
  rect->y = row_y (&geometry, stage);
  rect->width = band_width;
  rect->height = geometry.band_height;

  return TRUE;
}

/* The whole row of a column counts, not only the band: a narrow band
 * would be hard to hit. */
int
prospect_funnel_chart_band_at (const ProspectFunnelData *data,
                               double                    width,
                               double                    height,
                               double                    x,
                               double                    y,
                               guint                    *series)
{
  FunnelGeometry geometry;

  g_return_val_if_fail (data != NULL, -1);

  if (!funnel_geometry (data, width, height, &geometry))
    return -1;

  for (guint c = 0; c < geometry.n_columns; c++)
    {
      const ProspectFunnelSeries *column = g_ptr_array_index (data->series, c);

      for (guint row = 0; row < MIN (geometry.n_rows, column->stages->len); row++)
        {
          ProspectChartRect cell = {
            geometry.column_x[c], row_y (&geometry, row),
            geometry.column_width, geometry.band_height,
          };

          if (prospect_chart_rect_contains (&cell, x, y))
            {
              if (series != NULL)
                *series = c;
              return row;
            }
        }
    }

  return -1;
}

/* How much a band's figures are shortened: two lines, "25 deals" over
 * "€120,000", so that they fit beside a narrow band; compact ("€120k")
 * where even that is too wide; one line ("25 · €120k") to fit inside a
 * band that is wide but low, as in a small chart. */
typedef enum
{
  FIGURES_FULL,
  FIGURES_COMPACT,
  FIGURES_ONE_LINE,
} FiguresForm;

static char *
stage_figures (const ProspectFunnelData  *data,
               const ProspectFunnelStage *stage,
               FiguresForm                form)
{
  g_autofree char *count = prospect_chart_format_count (stage->count);
  g_autofree char *value = form != FIGURES_FULL
                           ? prospect_chart_format_money_compact (stage->value, data->currency)
                           : prospect_chart_format_money_whole (stage->value, data->currency);

  if (form == FIGURES_ONE_LINE)
    /* TRANSLATORS: on a low funnel band: number of deals · their value */
    return g_strdup_printf (_("%s · %s"), count, value);

  /* TRANSLATORS: on a funnel band: number of deals, newline, their value */
  return g_strdup_printf (ngettext ("%s deal\n%s", "%s deals\n%s", stage->count),
                          count, value);
}

static void
draw_stage_labels (cairo_t                  *cr,
                   const ProspectFunnelData *data,
                   const FunnelGeometry     *geometry,
                   const ProspectChartStyle *style)
{
  const ProspectFunnelSeries *first = g_ptr_array_index (data->series, 0);

  for (guint row = 0; row < geometry->n_rows; row++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double y;

      layout = prospect_chart_layout_new (cr, style, get_stage (first, row)->label,
                                          PROSPECT_CHART_TEXT_NORMAL, geometry->label_width);
      y = row_y (geometry, row) + (geometry->band_height - prospect_chart_layout_height (layout)) / 2.0;
      prospect_chart_show_layout (cr, layout, geometry->label_x, y, 0.0, &style->foreground);
    }
}

static void
draw_series_names (cairo_t                  *cr,
                   const ProspectFunnelData *data,
                   const FunnelGeometry     *geometry,
                   const ProspectChartStyle *style)
{
  if (geometry->n_columns < 2)
    return;

  for (guint c = 0; c < geometry->n_columns; c++)
    {
      const ProspectFunnelSeries *series = g_ptr_array_index (data->series, c);
      g_autoptr(PangoLayout) layout = NULL;

      if (series->name == NULL)
        continue;

      layout = prospect_chart_layout_new (cr, style, series->name, PROSPECT_CHART_TEXT_BOLD,
                                          geometry->column_width);
      prospect_chart_show_layout (cr, layout,
                                  geometry->column_x[c] + geometry->column_width / 2.0,
                                  geometry->header_y, 0.5, &style->foreground);
    }
}

/* The figures go inside the band when they fit, else beside it; in full
 * when there is room, else compact, else on one line inside, else cut
 * short beside it. */
static void
draw_band_figures (cairo_t                   *cr,
                   const ProspectFunnelData  *data,
                   const ProspectFunnelStage *stage,
                   const ProspectChartRect   *band,
                   double                     column_width,
                   const ProspectChartStyle  *style)
{
  /* Beside the band the text may use half the spacing to the next column. */
  double room = (column_width - band->width) / 2.0 + COLUMN_SPACING / 2.0 - TEXT_PADDING;

  for (FiguresForm form = FIGURES_FULL; form <= FIGURES_ONE_LINE; form++)
    {
      g_autofree char *text = stage_figures (data, stage, form);
      g_autoptr(PangoLayout) layout = prospect_chart_layout_new (cr, style, text,
                                                                 PROSPECT_CHART_TEXT_SMALL, -1);
      double text_width = prospect_chart_layout_width (layout);
      double text_height = prospect_chart_layout_height (layout);
      double y = band->y + (band->height - text_height) / 2.0;

      if (text_width + 2.0 * TEXT_PADDING <= band->width && text_height <= band->height)
        {
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          prospect_chart_show_layout (cr, layout, band->x + band->width / 2.0, y, 0.5,
                                      &style->accent_foreground);
          return;
        }

      /* One line is only for inside the band */
      if (room <= 0.0 || form == FIGURES_ONE_LINE)
        continue;

      if (text_width <= room)
        {
          pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          prospect_chart_show_layout (cr, layout, band->x + band->width + TEXT_PADDING, y, 0.0,
                                      &style->foreground);
          return;
        }
    }

  /* Nothing fits whole: the compact figures beside the band, cut short */
  if (room > 0.0)
    {
      g_autofree char *text = stage_figures (data, stage, FIGURES_COMPACT);
      g_autoptr(PangoLayout) layout = prospect_chart_layout_new (cr, style, text,
                                                                 PROSPECT_CHART_TEXT_SMALL, -1);

      pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      prospect_chart_show_layout (cr, layout, band->x + band->width + TEXT_PADDING,
                                  band->y + (band->height - prospect_chart_layout_height (layout)) / 2.0,
                                  0.0, &style->foreground);
    }
}

static PangoLayout *
step_rate_layout (cairo_t                  *cr,
                  const char               *rate,
                  gboolean                  weakest,
                  gboolean                  short_form,
                  double                    max_width,
                  const ProspectChartStyle *style)
{
  g_autofree char *text = NULL;

  if (weakest && !short_form)
    /* TRANSLATORS: between two funnel bands: the lowest step-up rate */
    text = g_strdup_printf (_("↓ %s · weakest step"), rate);
  else if (weakest)
    /* TRANSLATORS: the same, where the column is narrow */
    text = g_strdup_printf (_("↓ %s · weakest"), rate);
  else
    /* TRANSLATORS: between two funnel bands: the share that went on */
    text = g_strdup_printf (_("↓ %s"), rate);

  return prospect_chart_layout_new (cr, style, text,
                                    weakest ? PROSPECT_CHART_TEXT_BOLD : PROSPECT_CHART_TEXT_SMALL,
                                    max_width);
}

static void
draw_step_rate (cairo_t                    *cr,
                const ProspectFunnelStage  *stage,
                gboolean                    weakest,
                double                      centre_x,
                double                      gap_y,
                double                      gap,
                double                      column_width,
                const ProspectChartStyle   *style)
{
  g_autofree char *rate = prospect_chart_format_percent (stage->step_rate);
  double max_width = column_width - 2.0 * TEXT_PADDING;
  g_autoptr(PangoLayout) layout = step_rate_layout (cr, rate, weakest, FALSE, -1, style);
  double text_width;
  double text_height;
  double y;

  if (prospect_chart_layout_width (layout) > max_width)
    {
      g_object_unref (layout);
      layout = step_rate_layout (cr, rate, weakest, TRUE, max_width, style);
    }

  text_width = prospect_chart_layout_width (layout);
  text_height = prospect_chart_layout_height (layout);
  if (text_height > gap)
    return;

  y = gap_y + (gap - text_height) / 2.0;
  if (weakest)
    {
      prospect_chart_set_color (cr, &style->error, 0.14);
      prospect_chart_rounded_rect (cr, centre_x - text_width / 2.0 - 8.0, y - 1.0,
                                   text_width + 16.0, text_height + 2.0,
                                   (text_height + 2.0) / 2.0);
      cairo_fill (cr);
    }
  prospect_chart_show_layout (cr, layout, centre_x, y, 0.5,
                              weakest ? &style->error : &style->dim_foreground);
}

static void
draw_column (cairo_t                  *cr,
             const ProspectFunnelData *data,
             const FunnelGeometry     *geometry,
             guint                     column,
             double                    width,
             double                    height,
             const ProspectChartStyle *style)
{
  const ProspectFunnelSeries *series = g_ptr_array_index (data->series, column);
  guint n_rows = MIN (geometry->n_rows, series->stages->len);
  int weakest = prospect_funnel_weakest_step (series);
  double centre_x = geometry->column_x[column] + geometry->column_width / 2.0;

  for (guint row = 0; row < n_rows; row++)
    {
      const ProspectFunnelStage *stage = get_stage (series, row);
      ProspectChartRect band;

      prospect_funnel_chart_band_rect (data, width, height, column, row, &band);
      prospect_chart_set_color (cr, stage_magnitude (stage, data->mode) > 0 ? &style->accent : &style->grid, 1.0);
      prospect_chart_rounded_rect (cr, band.x, band.y, band.width, band.height, BAND_RADIUS);
      cairo_fill (cr);

      draw_band_figures (cr, data, stage, &band, geometry->column_width, style);

      if (row + 1 < n_rows && geometry->gap > 0.0)
        draw_step_rate (cr, stage, (int) row == weakest, centre_x,
                        band.y + band.height, geometry->gap, geometry->column_width, style);
    }
}

void
prospect_funnel_chart_draw (cairo_t                  *cr,
                            const ProspectFunnelData *data,
                            double                    width,
                            double                    height,
                            const ProspectChartStyle *style)
{
  FunnelGeometry geometry;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (!funnel_geometry (data, width, height, &geometry))
    {
      prospect_chart_draw_empty (cr, style, _("No funnel stages to show"), width, height);
      return;
    }

  cairo_save (cr);
  draw_series_names (cr, data, &geometry, style);
  draw_stage_labels (cr, data, &geometry, style);
  for (guint c = 0; c < geometry.n_columns; c++)
    draw_column (cr, data, &geometry, c, width, height, style);
  cairo_restore (cr);
}

static void
describe_stage (GString                    *text,
                const ProspectFunnelData   *data,
                const ProspectFunnelSeries *series,
                guint                       stage)
{
  const ProspectFunnelStage *current = get_stage (series, stage);
  g_autofree char *count = prospect_chart_format_count (current->count);
  g_autofree char *value = prospect_chart_format_money (current->value, data->currency);

  /* TRANSLATORS: "Proposal: 25 deals worth €120,000.00" */
  g_string_append_printf (text, ngettext ("%s: %s deal worth %s", "%s: %s deals worth %s",
                                          current->count),
                          current->label, count, value);

  if (stage + 1 < series->stages->len)
    {
      g_autofree char *rate = prospect_chart_format_percent (current->step_rate);

      /* TRANSLATORS: "…; 40% went on to Negotiation" */
      g_string_append_printf (text, _("; %s went on to %s"), rate,
                              get_stage (series, stage + 1)->label);
    }
  g_string_append (text, ". ");
}

static void
describe_series (GString                    *text,
                 const ProspectFunnelData   *data,
                 const ProspectFunnelSeries *series)
{
  int weakest = prospect_funnel_weakest_step (series);

  if (series->name != NULL)
    g_string_append_printf (text, "%s — ", series->name);

  for (guint i = 0; i < series->stages->len; i++)
    describe_stage (text, data, series, i);

  if (weakest >= 0)
    {
      g_autofree char *rate = prospect_chart_format_percent (get_stage (series, weakest)->step_rate);

      /* TRANSLATORS: "Weakest step: Qualified to Proposal, 31%." */
      g_string_append_printf (text, _("Weakest step: %s to %s, %s. "),
                              get_stage (series, weakest)->label,
                              get_stage (series, weakest + 1)->label, rate);
    }
}

char *
prospect_funnel_chart_describe (const ProspectFunnelData *data)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->series->len == 0 || ((ProspectFunnelSeries *) g_ptr_array_index (data->series, 0))->stages->len == 0)
    return g_strdup (_("Funnel: no stages to show."));

  text = g_string_new (data->mode == PROSPECT_FUNNEL_BY_VALUE
                       ? _("Funnel by deal value. ")
                       : _("Funnel by number of deals. "));
  for (guint s = 0; s < MIN (data->series->len, 2); s++)
    describe_series (text, data, g_ptr_array_index (data->series, s));

  g_strchomp (text->str);
  text->len = strlen (text->str);

  return g_string_free (text, FALSE);
}

char *
prospect_funnel_chart_describe_band (const ProspectFunnelData *data,
                                     guint                     series,
                                     guint                     stage)
{
  const ProspectFunnelSeries *column;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series < data->series->len, NULL);

  column = g_ptr_array_index (data->series, series);
  g_return_val_if_fail (stage < column->stages->len, NULL);

  text = g_string_new (NULL);
  if (column->name != NULL)
    g_string_append_printf (text, "%s · ", column->name);
  describe_stage (text, data, column, stage);
  g_strchomp (text->str);
  text->len = strlen (text->str);

  return g_string_free (text, FALSE);
}
