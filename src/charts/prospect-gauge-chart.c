/* prospect-gauge-chart.c - target versus actual as a horizontal bar gauge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-gauge-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "prospect-chart-format.h"
#include "prospect-chart-private.h"
#include "prospect-gauge-chart.h"

/* A bar reads well small and lines up in a grid of reps, where a dial
 * wastes half its box. */
#define PADDING        12.0
#define BAR_HEIGHT     14.0
#define LINE_SPACING   10.0
#define TARGET_OVERHANG 5.0
#define MARK_SIZE      6.0

ProspectGaugeData *
prospect_gauge_data_new (const char *title,
                         const char *currency)
{
  ProspectGaugeData *data = g_new0 (ProspectGaugeData, 1);

  data->title = g_strdup (title);
  data->currency = g_strdup (currency);

  return data;
}

ProspectGaugeData *
prospect_gauge_data_copy (const ProspectGaugeData *data)
{
  ProspectGaugeData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = g_memdup2 (data, sizeof *data);
  copy->title = g_strdup (data->title);
  copy->currency = g_strdup (data->currency);

  return copy;
}

void
prospect_gauge_data_free (ProspectGaugeData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->currency);
  g_free (data);
}

double
prospect_gauge_attainment (const ProspectGaugeData *data)
{
  g_return_val_if_fail (data != NULL, NAN);

  if (data->target <= 0)
    return NAN;

  return (double) data->won_to_date / (double) data->target;
}

ProspectGaugeStatus
prospect_gauge_status (const ProspectGaugeData *data)
{
  double attainment = prospect_gauge_attainment (data);
  double elapsed;
  double pace;

  if (!isfinite (attainment))
    return PROSPECT_GAUGE_NO_TARGET;

  elapsed = isfinite (data->elapsed_share) ? CLAMP (data->elapsed_share, 0.0, 1.0) : 1.0;
  if (attainment >= 1.0 || elapsed <= 0.0)
    return PROSPECT_GAUGE_ON_TRACK;

  pace = attainment / elapsed;
  if (pace >= PROSPECT_GAUGE_ON_TRACK_PACE)
    return PROSPECT_GAUGE_ON_TRACK;
  if (pace >= PROSPECT_GAUGE_AT_RISK_PACE)
    return PROSPECT_GAUGE_AT_RISK;

  return PROSPECT_GAUGE_OFF_TRACK;
}

const char *
prospect_gauge_status_label (ProspectGaugeStatus status)
{
  switch (status)
    {
    case PROSPECT_GAUGE_ON_TRACK:
      return _("On track");
    case PROSPECT_GAUGE_AT_RISK:
      return _("At risk");
    case PROSPECT_GAUGE_OFF_TRACK:
      return _("Off track");
    case PROSPECT_GAUGE_NO_TARGET:
    default:
      return _("No target");
    }
}

static double
non_negative (gint64 value)
{
  return value > 0 ? (double) value : 0.0;
}

void
prospect_gauge_normalize (const ProspectGaugeData *data,
                          ProspectGaugeMarks      *marks)
{
  double scale;

  g_return_if_fail (data != NULL);
  g_return_if_fail (marks != NULL);

  scale = MAX (non_negative (data->won_to_date), non_negative (data->expected_end));
  scale = MAX (scale, non_negative (data->previous_year_to_date));
  if (data->target > 0)
    scale = MAX (scale, data->target / PROSPECT_GAUGE_TARGET_POSITION);
  if (scale <= 0.0)
    scale = 1.0;

  marks->won = non_negative (data->won_to_date) / scale;
  marks->expected = non_negative (data->expected_end) / scale;
  marks->previous = non_negative (data->previous_year_to_date) / scale;
  marks->target = data->target > 0 ? data->target / scale : NAN;
}

static const ProspectChartColor *
status_color (ProspectGaugeStatus       status,
              const ProspectChartStyle *style)
{
  switch (status)
    {
    case PROSPECT_GAUGE_ON_TRACK:
      return &style->success;
    case PROSPECT_GAUGE_AT_RISK:
      return &style->warning;
    case PROSPECT_GAUGE_OFF_TRACK:
      return &style->error;
    case PROSPECT_GAUGE_NO_TARGET:
    default:
      return &style->accent;
    }
}

static char *
status_text (const ProspectGaugeData *data)
{
  ProspectGaugeStatus status = prospect_gauge_status (data);
  g_autofree char *attainment = NULL;

  if (status == PROSPECT_GAUGE_NO_TARGET)
    return g_strdup (prospect_gauge_status_label (status));

  attainment = prospect_chart_format_percent (prospect_gauge_attainment (data));
  /* TRANSLATORS: a gauge's status and attainment, "On track · 72%" */
  return g_strdup_printf (_("%s · %s"), prospect_gauge_status_label (status), attainment);
}

/* Spaces inside one figure do not break: a narrow gauge wraps between
 * figures, never inside one. */
static void
append_figure (GString    *text,
               const char *figure)
{
  g_autofree char *unbreakable = NULL;
  GString *copy = g_string_new (figure);

  g_string_replace (copy, " ", "\u00a0", 0);
  unbreakable = g_string_free (copy, FALSE);

  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, unbreakable);
}

static char *
figures_text (const ProspectGaugeData *data)
{
  g_autofree char *won = prospect_chart_format_money_compact (data->won_to_date, data->currency);
  g_autofree char *expected = prospect_chart_format_money_compact (data->expected_end, data->currency);
  g_autofree char *previous = prospect_chart_format_money_compact (data->previous_year_to_date,
                                                                   data->currency);
  g_autofree char *figure = NULL;
  GString *text = g_string_new (NULL);

  if (data->target > 0)
    {
      g_autofree char *target = prospect_chart_format_money_compact (data->target, data->currency);

      /* TRANSLATORS: under a gauge: won so far of the target, "€52k of €100k" */
      figure = g_strdup_printf (_("%s of %s"), won, target);
    }
  else
    /* TRANSLATORS: under a gauge without a target, "€24k won" */
    figure = g_strdup_printf (_("%s won"), won);
  append_figure (text, figure);
  g_free (figure);

  /* TRANSLATORS: under a gauge: won plus weighted pipeline at period end */
  figure = g_strdup_printf (_("expected %s"), expected);
  append_figure (text, figure);
  g_free (figure);

  /* TRANSLATORS: under a gauge: won at the same point of the previous fiscal year */
  figure = g_strdup_printf (_("last year %s"), previous);
  append_figure (text, figure);

  return g_string_free (text, FALSE);
}

static void
draw_bar (cairo_t                  *cr,
          const ProspectGaugeData  *data,
          double                    x,
          double                    y,
          double                    length,
          const ProspectChartStyle *style)
{
  const ProspectChartColor *color = status_color (prospect_gauge_status (data), style);
  ProspectGaugeMarks marks;

  prospect_gauge_normalize (data, &marks);

  cairo_save (cr);
  prospect_chart_rounded_rect (cr, x, y, length, BAR_HEIGHT, BAR_HEIGHT / 2.0);
  cairo_clip_preserve (cr);
  prospect_chart_set_color (cr, &style->grid, 1.0);
  cairo_fill (cr);

  /* The expected period end continues the won fill, paler: what the
   * weighted pipeline should still bring in. */
  if (marks.expected > marks.won)
    {
      prospect_chart_set_color (cr, color, 0.35);
      cairo_rectangle (cr, x, y, marks.expected * length, BAR_HEIGHT);
      cairo_fill (cr);
    }
  prospect_chart_set_color (cr, color, 1.0);
  prospect_chart_rounded_rect (cr, x, y, marks.won * length, BAR_HEIGHT, BAR_HEIGHT / 2.0);
  cairo_fill (cr);
  cairo_restore (cr);

  if (isfinite (marks.target))
    {
      double target_x = round (x + marks.target * length) + 0.5;

      cairo_save (cr);
      prospect_chart_set_color (cr, &style->foreground, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, target_x, y - TARGET_OVERHANG);
      cairo_line_to (cr, target_x, y + BAR_HEIGHT + TARGET_OVERHANG);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Last year's point: a small triangle under the bar, pointing at it. */
  prospect_chart_set_color (cr, &style->dim_foreground, 1.0);
  cairo_move_to (cr, x + marks.previous * length, y + BAR_HEIGHT + 2.0);
  cairo_rel_line_to (cr, MARK_SIZE / 2.0 + 1.0, MARK_SIZE);
  cairo_rel_line_to (cr, -MARK_SIZE - 2.0, 0.0);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
prospect_gauge_chart_draw (cairo_t                  *cr,
                           const ProspectGaugeData  *data,
                           double                    width,
                           double                    height,
                           const ProspectChartStyle *style)
{
  g_autofree char *status = NULL;
  g_autofree char *figures = NULL;
  g_autoptr(PangoLayout) status_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) figures_layout = NULL;
  double inner_width = width - 2.0 * PADDING;
  double line_height;
  double total;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (inner_width <= 0.0)
    return;

  status = status_text (data);
  figures = figures_text (data);
  status_layout = prospect_chart_layout_new (cr, style, status, PROSPECT_CHART_TEXT_BOLD, inner_width);
  title_layout = prospect_chart_layout_new (cr, style, data->title != NULL ? data->title : "",
                                            PROSPECT_CHART_TEXT_BOLD,
                                            inner_width - prospect_chart_layout_width (status_layout) - 12.0);
  figures_layout = prospect_chart_layout_new (cr, style, figures, PROSPECT_CHART_TEXT_SMALL, inner_width);
  pango_layout_set_ellipsize (figures_layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (figures_layout, PANGO_WRAP_WORD);

  line_height = prospect_chart_layout_height (status_layout);
  total = line_height + LINE_SPACING + BAR_HEIGHT + MARK_SIZE + LINE_SPACING
          + prospect_chart_layout_height (figures_layout);
  y = MAX ((height - total) / 2.0, 0.0);

  cairo_save (cr);
  if (data->title != NULL)
    prospect_chart_show_layout (cr, title_layout, PADDING, y, 0.0, &style->foreground);
  prospect_chart_show_layout (cr, status_layout, width - PADDING, y, 1.0,
                              status_color (prospect_gauge_status (data), style));
  y += line_height + LINE_SPACING;

  draw_bar (cr, data, PADDING, y, inner_width, style);
  y += BAR_HEIGHT + MARK_SIZE + LINE_SPACING;

  prospect_chart_show_layout (cr, figures_layout, PADDING, y, 0.0, &style->dim_foreground);
  cairo_restore (cr);
}

char *
prospect_gauge_chart_describe (const ProspectGaugeData *data)
{
  ProspectGaugeStatus status;
  g_autofree char *won = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *elapsed = NULL;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  status = prospect_gauge_status (data);
  won = prospect_chart_format_money (data->won_to_date, data->currency);
  expected = prospect_chart_format_money (data->expected_end, data->currency);
  previous = prospect_chart_format_money (data->previous_year_to_date, data->currency);
  elapsed = prospect_chart_format_percent (data->elapsed_share);

  text = g_string_new (NULL);
  if (data->title != NULL)
    g_string_append_printf (text, "%s: ", data->title);
  g_string_append_printf (text, "%s. ", prospect_gauge_status_label (status));

  if (status == PROSPECT_GAUGE_NO_TARGET)
    /* TRANSLATORS: gauge description without a target */
    g_string_append_printf (text, _("Won %s, with %s of the period gone. "), won, elapsed);
  else
    {
      g_autofree char *target = prospect_chart_format_money (data->target, data->currency);
      g_autofree char *attainment = prospect_chart_format_percent (prospect_gauge_attainment (data));

      /* TRANSLATORS: "Won €72,000.00 of a €100,000.00 target (72%), with 60% of the period gone." */
      g_string_append_printf (text, _("Won %s of a %s target (%s), with %s of the period gone. "),
                              won, target, attainment, elapsed);
    }

  /* TRANSLATORS: the rest of a gauge's description */
  g_string_append_printf (text, _("Expected by period end: %s. Same point last year: %s."),
                          expected, previous);

  return g_string_free (text, FALSE);
}
