/* test-charts.c - the chart drawing library, without GTK: geometry,
 * pixels on an image surface, descriptions and the PNG/PDF exporters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "prospect-chart-export.h"
#include "prospect-chart-format.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

#define WIDTH  640.0
#define HEIGHT 360.0

typedef struct
{
  guint8 alpha;
  guint8 red;
  guint8 green;
  guint8 blue;
} Pixel;

/* Draws a chart on a transparent image surface, so that every painted
 * pixel is the chart's. */
static cairo_surface_t *
render (ProspectChartKind         kind,
        gconstpointer             data,
        const ProspectChartStyle *style,
        double                    width,
        double                    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  prospect_chart_draw (cr, kind, data, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Un-premultiplied colour of one pixel. */
static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface)
                      + y * cairo_image_surface_get_stride (surface);
  guint32 argb = ((const guint32 *) row)[x];
  Pixel pixel = { argb >> 24, 0, 0, 0 };

  if (pixel.alpha > 0)
    {
      pixel.red = MIN (((argb >> 16) & 0xff) * 255 / pixel.alpha, 255);
      pixel.green = MIN (((argb >> 8) & 0xff) * 255 / pixel.alpha, 255);
      pixel.blue = MIN ((argb & 0xff) * 255 / pixel.alpha, 255);
    }

  return pixel;
}

static gboolean
pixel_is (Pixel                     pixel,
          const ProspectChartColor *color,
          guint8                    min_alpha)
{
  return pixel.alpha >= min_alpha
      && ABS (pixel.red - color->red * 255) <= 40
      && ABS (pixel.green - color->green * 255) <= 40
      && ABS (pixel.blue - color->blue * 255) <= 40;
}

static guint
count_pixels (cairo_surface_t          *surface,
              const ProspectChartRect  *area,
              const ProspectChartColor *color,
              guint8                    min_alpha)
{
  guint count = 0;

  for (int y = (int) area->y; y < (int) (area->y + area->height); y++)
    for (int x = (int) area->x; x < (int) (area->x + area->width); x++)
      {
        Pixel pixel = pixel_at (surface, x, y);

        if (color == NULL ? pixel.alpha > 0 : pixel_is (pixel, color, min_alpha))
          count++;
      }

  return count;
}

/* Length of the run of color-coloured pixels along row y. */
static int
run_width (cairo_surface_t          *surface,
           int                       y,
           const ProspectChartColor *color)
{
  int width = 0;

  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    if (pixel_is (pixel_at (surface, x, y), color, 250))
      width++;

  return width;
}

static ProspectFunnelData *
funnel_new (const gint64 *counts,
            const double *rates,
            guint         n_stages)
{
  static const char *labels[] = { "Lead", "Qualified", "Proposal", "Negotiation", "Won" };
  ProspectFunnelData *data = prospect_funnel_data_new (PROSPECT_FUNNEL_BY_COUNT, "EUR");
  ProspectFunnelSeries *series = prospect_funnel_data_add_series (data, NULL);

  g_assert_cmpuint (n_stages, <=, G_N_ELEMENTS (labels));
  for (guint i = 0; i < n_stages; i++)
    prospect_funnel_series_add_stage (series, labels[i], counts[i], counts[i] * 150000,
                                      rates[i]);

  return data;
}

static void
test_funnel_band_widths (void)
{
  static const gint64 counts[] = { 100, 50, 25 };
  static const double rates[] = { 0.5, 0.5, NAN };
  g_autoptr(ProspectFunnelData) data = funnel_new (counts, rates, 3);
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  g_autoptr(cairo_surface_t) surface = render (PROSPECT_CHART_FUNNEL, data, style, WIDTH, HEIGHT);
  int widths[3];

  for (guint i = 0; i < 3; i++)
    {
      ProspectChartRect band;

      g_assert_true (prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, i, &band));
      /* Just under the band's top edge: clear of its rounded corners' row
       * ends and of the figures written inside it. */
      widths[i] = run_width (surface, (int) (band.y + band.height * 0.15), &style->accent);
      g_assert_cmpfloat (ABS (widths[i] - band.width), <=, 2.0 + 2.0 * 6.0);
    }

  g_assert_cmpint (widths[0], >, 200);
  g_assert_cmpint (ABS (widths[1] * 2 - widths[0]), <=, 4);
  g_assert_cmpint (ABS (widths[2] * 4 - widths[0]), <=, 8);

  /* The bands are centred on one axis. */
  for (guint i = 1; i < 3; i++)
    {
      ProspectChartRect first, band;

      prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, 0, &first);
      prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, i, &band);
      g_assert_cmpfloat_with_epsilon (band.x + band.width / 2.0, first.x + first.width / 2.0, 0.01);
    }
}

static void
test_funnel_shares (void)
{
  static const gint64 counts[] = { 80, 40, 10 };
  static const double rates[] = { 0.5, 0.25, NAN };
  g_autoptr(ProspectFunnelData) data = funnel_new (counts, rates, 3);
  ProspectFunnelSeries *series = g_ptr_array_index (data->series, 0);

  g_assert_cmpfloat_with_epsilon (prospect_funnel_stage_share (series, PROSPECT_FUNNEL_BY_COUNT, 0), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (prospect_funnel_stage_share (series, PROSPECT_FUNNEL_BY_COUNT, 1), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (prospect_funnel_stage_share (series, PROSPECT_FUNNEL_BY_COUNT, 2), 0.125, 1e-9);

  /* By value: the third stage's deals are worth as much as the first's. */
  g_array_index (series->stages, ProspectFunnelStage, 2).value = 80 * 150000;
  g_assert_cmpfloat_with_epsilon (prospect_funnel_stage_share (series, PROSPECT_FUNNEL_BY_VALUE, 1), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (prospect_funnel_stage_share (series, PROSPECT_FUNNEL_BY_VALUE, 2), 1.0, 1e-9);
}

static void
test_funnel_weakest_step (void)
{
  static const gint64 counts[] = { 100, 60, 18, 14 };
  static const double rates[] = { 0.6, 0.3, 0.78, NAN };
  g_autoptr(ProspectFunnelData) data = funnel_new (counts, rates, 4);
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  g_autoptr(cairo_surface_t) surface = render (PROSPECT_CHART_FUNNEL, data, style, WIDTH, HEIGHT);
  g_autofree char *description = prospect_funnel_chart_describe (data);

  g_assert_cmpint (prospect_funnel_weakest_step (g_ptr_array_index (data->series, 0)), ==, 1);

  /* Only the gap under the weakest step carries the error colour. */
  for (guint i = 0; i + 1 < 4; i++)
    {
      ProspectChartRect band, next, gap;
      guint red;

      prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, i, &band);
      prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, i + 1, &next);
      gap = (ProspectChartRect) { 0, band.y + band.height, WIDTH, next.y - band.y - band.height };
      g_assert_cmpfloat (gap.height, >, 10.0);

      red = count_pixels (surface, &gap, &style->error, 20);
      if (i == 1)
        g_assert_cmpuint (red, >, 100);
      else
        g_assert_cmpuint (red, ==, 0);
    }

  g_assert_nonnull (strstr (description, "Weakest step: Qualified to Proposal, 30%."));
}

static void
test_funnel_labels (void)
{
  static const gint64 counts[] = { 120, 60, 25 };
  static const double rates[] = { 0.5, 0.42, NAN };
  g_autoptr(ProspectFunnelData) data = funnel_new (counts, rates, 3);
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  g_autoptr(cairo_surface_t) surface = render (PROSPECT_CHART_FUNNEL, data, style, WIDTH, HEIGHT);
  g_autofree char *description = prospect_funnel_chart_describe (data);
  g_autofree char *band = prospect_funnel_chart_describe_band (data, 0, 1);

  /* The stage names sit in front of the bands, one per row. */
  for (guint i = 0; i < 3; i++)
    {
      ProspectChartRect rect;
      ProspectChartRect label_area;

      prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, i, &rect);
      label_area = (ProspectChartRect) { 0, rect.y, WIDTH * PROSPECT_FUNNEL_LABEL_SHARE, rect.height };
      g_assert_cmpuint (count_pixels (surface, &label_area, &style->foreground, 100), >, 20);
    }

  g_assert_true (g_str_has_prefix (description, "Funnel by number of deals. Lead: 120 deals worth €180000.00; 50% went on to Qualified."));
  g_assert_nonnull (strstr (description, "Proposal: 25 deals worth €37500.00."));
  g_assert_cmpstr (band, ==, "Qualified: 60 deals worth €90000.00; 42% went on to Proposal.");
}

static void
test_funnel_band_at (void)
{
  static const gint64 counts[] = { 100, 50, 5 };
  static const double rates[] = { 0.5, 0.1, NAN };
  g_autoptr(ProspectFunnelData) data = funnel_new (counts, rates, 3);
  ProspectFunnelSeries *team = prospect_funnel_data_add_series (data, "Team");
  guint series = 99;

  prospect_funnel_series_add_stage (team, "Lead", 400, 0, 0.5);
  prospect_funnel_series_add_stage (team, "Qualified", 200, 0, 0.5);
  prospect_funnel_series_add_stage (team, "Proposal", 100, 0, NAN);

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < 3; i++)
      {
        ProspectChartRect band;

        g_assert_true (prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, s, i, &band));
        g_assert_cmpint (prospect_funnel_chart_band_at (data, WIDTH, HEIGHT, band.x + band.width / 2.0,
                                                        band.y + band.height / 2.0, &series), ==, i);
        g_assert_cmpuint (series, ==, s);
      }

  /* Each side is normalised to its own first stage. */
  {
    ProspectChartRect rep_lead, team_lead;

    prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, 0, &rep_lead);
    prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 1, 0, &team_lead);
    g_assert_cmpfloat_with_epsilon (rep_lead.width, team_lead.width, 0.01);
    g_assert_cmpfloat (rep_lead.x + rep_lead.width, <=, team_lead.x);
  }

  /* Beside a narrow band, in its row, still hits it; the label column and
   * the corners do not. */
  {
    ProspectChartRect narrow;

    prospect_funnel_chart_band_rect (data, WIDTH, HEIGHT, 0, 2, &narrow);
    g_assert_cmpint (prospect_funnel_chart_band_at (data, WIDTH, HEIGHT, narrow.x - 20.0,
                                                    narrow.y + 2.0, NULL), ==, 2);
  }
  g_assert_cmpint (prospect_funnel_chart_band_at (data, WIDTH, HEIGHT, 5.0, HEIGHT / 2.0, NULL), ==, -1);
  g_assert_cmpint (prospect_funnel_chart_band_at (data, WIDTH, HEIGHT, WIDTH - 1.0, 1.0, NULL), ==, -1);
}

static void
test_funnel_degenerate (void)
{
  static const gint64 zero[] = { 0, 0, 0 };
  static const double no_rates[] = { NAN, NAN, NAN };
  static const gint64 one[] = { 7 };
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_DARK);
  g_autoptr(ProspectFunnelData) empty = prospect_funnel_data_new (PROSPECT_FUNNEL_BY_VALUE, NULL);
  g_autoptr(ProspectFunnelData) zeros = funnel_new (zero, no_rates, 3);
  g_autoptr(ProspectFunnelData) single = funnel_new (one, no_rates, 1);
  g_autoptr(cairo_surface_t) empty_surface = render (PROSPECT_CHART_FUNNEL, empty, style, WIDTH, HEIGHT);
  g_autoptr(cairo_surface_t) zeros_surface = render (PROSPECT_CHART_FUNNEL, zeros, style, WIDTH, HEIGHT);
  g_autoptr(cairo_surface_t) single_surface = render (PROSPECT_CHART_FUNNEL, single, style, WIDTH, HEIGHT);
  g_autoptr(cairo_surface_t) tiny_surface = render (PROSPECT_CHART_FUNNEL, zeros, style, 3, 3);
  ProspectChartRect all = { 0, 0, WIDTH, HEIGHT };
  ProspectChartRect band;
  g_autofree char *empty_text = prospect_funnel_chart_describe (empty);
  g_autofree char *zeros_text = prospect_funnel_chart_describe (zeros);

  /* No series: a message instead of a chart. */
  g_assert_cmpuint (count_pixels (empty_surface, &all, &style->dim_foreground, 100), >, 20);
  g_assert_cmpstr (empty_text, ==, "Funnel: no stages to show.");
  g_assert_cmpint (prospect_funnel_chart_band_at (empty, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, NULL), ==, -1);

  /* Zero deals: every stage is still there, as a thin grey band. */
  g_assert_cmpint (prospect_funnel_weakest_step (g_ptr_array_index (zeros->series, 0)), ==, -1);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (prospect_funnel_chart_band_rect (zeros, WIDTH, HEIGHT, 0, i, &band));
      g_assert_cmpfloat (band.width, >, 0.0);
      g_assert_cmpuint (count_pixels (zeros_surface, &band, &style->accent, 200), ==, 0);
    }
  g_assert_nonnull (strstr (zeros_text, "Qualified: 0 deals worth €0.00; n/a went on to Proposal."));

  /* One stage: one full-width band and no step to rate. */
  g_assert_true (prospect_funnel_chart_band_rect (single, WIDTH, HEIGHT, 0, 0, &band));
  g_assert_false (prospect_funnel_chart_band_rect (single, WIDTH, HEIGHT, 0, 1, &band));
  g_assert_cmpuint (count_pixels (single_surface, &band, &style->accent, 250), >,
                    band.width * band.height / 2);

  /* A chart squeezed to nothing draws nothing rather than garbage. */
  g_assert_cmpuint (count_pixels (tiny_surface, &(ProspectChartRect) { 0, 0, 3, 3 }, NULL, 0), ==, 0);
}

static ProspectGaugeData *
gauge_new (gint64 target,
           gint64 won,
           double elapsed)
{
  ProspectGaugeData *data = prospect_gauge_data_new ("Ana Novak", "EUR");

  data->target = target;
  data->won_to_date = won;
  data->expected_end = won + won / 2;
  data->previous_year_to_date = won / 2;
  data->elapsed_share = elapsed;

  return data;
}

static void
test_gauge_status (void)
{
  const gint64 target = 1000000;
  const double elapsed = 0.5;
  /* won at the pace just above and just below each threshold */
  gint64 on_track = target * elapsed * PROSPECT_GAUGE_ON_TRACK_PACE + 100;
  gint64 at_risk_high = target * elapsed * PROSPECT_GAUGE_ON_TRACK_PACE - 100;
  gint64 at_risk_low = target * elapsed * PROSPECT_GAUGE_AT_RISK_PACE + 100;
  gint64 off_track = target * elapsed * PROSPECT_GAUGE_AT_RISK_PACE - 100;
  struct {
    gint64 target;
    gint64 won;
    double elapsed;
    ProspectGaugeStatus status;
  } cases[] = {
    { target, on_track, elapsed, PROSPECT_GAUGE_ON_TRACK },
    { target, at_risk_high, elapsed, PROSPECT_GAUGE_AT_RISK },
    { target, at_risk_low, elapsed, PROSPECT_GAUGE_AT_RISK },
    { target, off_track, elapsed, PROSPECT_GAUGE_OFF_TRACK },
    { target, target, 0.2, PROSPECT_GAUGE_ON_TRACK },       /* made it early */
    { target, 0, 0.0, PROSPECT_GAUGE_ON_TRACK },            /* nothing due yet */
    { target, target - 1, 1.0, PROSPECT_GAUGE_ON_TRACK },   /* 99.9999% at the end */
    { target, target / 2, 1.0, PROSPECT_GAUGE_OFF_TRACK },  /* half, and the period is over */
    { target, target / 2, NAN, PROSPECT_GAUGE_OFF_TRACK },  /* unknown elapsed counts as over */
    { 0, 5000, 0.5, PROSPECT_GAUGE_NO_TARGET },
    { -10, 5000, 0.5, PROSPECT_GAUGE_NO_TARGET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ProspectGaugeData) data = gauge_new (cases[i].target, cases[i].won, cases[i].elapsed);

      g_test_message ("case %u", i);
      g_assert_cmpint (prospect_gauge_status (data), ==, cases[i].status);
    }
}

static void
test_gauge_normalize (void)
{
  g_autoptr(ProspectGaugeData) data = gauge_new (100000, 50000, 0.5);
  ProspectGaugeMarks marks;

  data->expected_end = 80000;
  data->previous_year_to_date = 40000;
  prospect_gauge_normalize (data, &marks);
  g_assert_cmpfloat_with_epsilon (marks.target, PROSPECT_GAUGE_TARGET_POSITION, 1e-9);
  g_assert_cmpfloat_with_epsilon (marks.won / marks.target, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (marks.expected / marks.target, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (marks.previous / marks.target, 0.4, 1e-9);

  /* Far past the target: the largest figure fills the bar. */
  data->won_to_date = 200000;
  data->expected_end = 250000;
  prospect_gauge_normalize (data, &marks);
  g_assert_cmpfloat_with_epsilon (marks.expected, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (marks.won, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (marks.target, 0.4, 1e-9);

  /* No target, nothing won: all marks at the start, no target line. */
  data->target = 0;
  data->won_to_date = data->expected_end = data->previous_year_to_date = 0;
  prospect_gauge_normalize (data, &marks);
  g_assert_true (isnan (marks.target));
  g_assert_cmpfloat (marks.won, ==, 0.0);
  g_assert_cmpfloat (marks.expected, ==, 0.0);
}

/* The left end of the bar is filled in the status colour. */
static void
test_gauge_draw (void)
{
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  struct {
    ProspectGaugeData        *data;
    const ProspectChartColor *color;
  } cases[] = {
    { gauge_new (100000, 60000, 0.5), &style->success },
    { gauge_new (100000, 40000, 0.5), &style->warning },
    { gauge_new (100000, 10000, 0.5), &style->error },
    { gauge_new (0, 10000, 0.5), &style->accent },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(cairo_surface_t) surface = render (PROSPECT_CHART_GAUGE, cases[i].data, style, 320, 100);
      ProspectChartRect bar_start = { 16, 0, 4, 100 };
      g_autofree char *description = prospect_gauge_chart_describe (cases[i].data);

      g_test_message ("case %u: %s", i, description);
      g_assert_cmpuint (count_pixels (surface, &bar_start, cases[i].color, 250), >=, 4 * 10);
      g_assert_true (g_str_has_prefix (description, "Ana Novak: "));
      prospect_gauge_data_free (cases[i].data);
    }

  /* A target of 0 and nothing won: no crash, a track and the title. */
  {
    g_autoptr(ProspectGaugeData) nothing = gauge_new (0, 0, 0.0);
    g_autoptr(cairo_surface_t) surface = render (PROSPECT_CHART_GAUGE, nothing, style, 320, 100);
    ProspectChartRect all = { 0, 0, 320, 100 };
    g_autofree char *description = prospect_gauge_chart_describe (nothing);

    g_assert_cmpuint (count_pixels (surface, &all, &style->foreground, 100), >, 20);
    g_assert_cmpstr (description, ==, "Ana Novak: No target. Won €0.00, with 0% of the period gone. "
                                      "Expected by period end: €0.00. Same point last year: €0.00.");
  }
}

static void
test_gauge_describe (void)
{
  g_autoptr(ProspectGaugeData) data = gauge_new (10000000, 5200000, 0.6);
  g_autofree char *description = NULL;

  data->expected_end = 8900000;
  data->previous_year_to_date = 4500000;
  description = prospect_gauge_chart_describe (data);
  g_assert_cmpstr (description, ==,
                   "Ana Novak: At risk. Won €52000.00 of a €100000.00 target (52%), with 60% of "
                   "the period gone. Expected by period end: €89000.00. Same point last year: €45000.00.");
}

static ProspectBarData *
bars_new (const gint64 *current,
          const gint64 *previous,
          guint         n)
{
  static const char *months[] = { "Apr", "May", "Jun", "Jul", "Aug", "Sep" };
  ProspectBarData *data = prospect_bar_data_new (PROSPECT_BAR_UNIT_MONEY, "EUR",
                                                 "This year", "Last year");

  for (guint i = 0; i < n; i++)
    prospect_bar_data_add (data, months[i], current[i], previous[i]);

  return data;
}

static void
test_bars_axis (void)
{
  static const gint64 current[] = { 3000000, 8800000, 0 };
  static const gint64 previous[] = { 2000000, 4000000, 100 };
  g_autoptr(ProspectBarData) money = bars_new (current, previous, 3);
  g_autoptr(ProspectBarData) counts = prospect_bar_data_new (PROSPECT_BAR_UNIT_COUNT, NULL, NULL, NULL);
  g_autoptr(ProspectBarData) empty = prospect_bar_data_new (PROSPECT_BAR_UNIT_COUNT, NULL, NULL, NULL);
  ProspectBarAxis axis;

  /* €88,000 in 4 ticks: steps of €25,000 up to €100,000. */
  prospect_bar_chart_axis (money, 4, &axis);
  g_assert_cmpint (axis.step, ==, 2500000);
  g_assert_cmpuint (axis.n_ticks, ==, 4);
  g_assert_cmpint (axis.max, ==, 10000000);

  /* The same in 6 ticks: €20,000 steps, €100,000 would need 5. */
  prospect_bar_chart_axis (money, 6, &axis);
  g_assert_cmpint (axis.step, ==, 2000000);
  g_assert_cmpuint (axis.n_ticks, ==, 5);

  /* Counts never get a fractional step. */
  prospect_bar_data_add (counts, "Ana", 7, 0);
  prospect_bar_data_add (counts, "Bo", 3, 0);
  prospect_bar_chart_axis (counts, 5, &axis);
  g_assert_cmpint (axis.step, ==, 2);
  g_assert_cmpuint (axis.n_ticks, ==, 4);
  prospect_bar_chart_axis (counts, 10, &axis);
  g_assert_cmpint (axis.step, ==, 1);
  g_assert_cmpuint (axis.n_ticks, ==, 7);

  /* Nothing at all: one unit, so that the axis still has a scale. */
  prospect_bar_data_add (empty, "Ana", 0, 0);
  prospect_bar_chart_axis (empty, 5, &axis);
  g_assert_cmpint (axis.step, ==, 1);
  g_assert_cmpuint (axis.n_ticks, ==, 1);
}

static void
test_bars_heights (void)
{
  static const gint64 current[] = { 2500000, 5000000, 10000000, -300 };
  static const gint64 previous[] = { 10000000, 0, 7500000, 100 };
  g_autoptr(ProspectBarData) data = bars_new (current, previous, 4);
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  g_autoptr(cairo_surface_t) surface = render (PROSPECT_CHART_BARS, data, style, WIDTH, HEIGHT);
  g_autofree char *description = prospect_bar_chart_describe (data);
  ProspectChartRect quarter, half, full, negative;

  prospect_bar_chart_bar_rect (data, WIDTH, HEIGHT, 0, 0, &quarter);
  prospect_bar_chart_bar_rect (data, WIDTH, HEIGHT, 0, 1, &half);
  prospect_bar_chart_bar_rect (data, WIDTH, HEIGHT, 0, 2, &full);
  prospect_bar_chart_bar_rect (data, WIDTH, HEIGHT, 0, 3, &negative);
  g_assert_cmpfloat_with_epsilon (half.height, 2.0 * quarter.height, 0.01);
  g_assert_cmpfloat_with_epsilon (full.height, 4.0 * quarter.height, 0.01);
  g_assert_cmpfloat (negative.height, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (quarter.y + quarter.height, full.y + full.height, 0.01);

  /* The painted bar is as tall as its rectangle, within antialiasing. */
  for (guint i = 0; i < 3; i++)
    {
      ProspectChartRect bar;
      int painted = 0;

      prospect_bar_chart_bar_rect (data, WIDTH, HEIGHT, 0, i, &bar);
      for (int y = 0; y < HEIGHT; y++)
        if (pixel_is (pixel_at (surface, (int) (bar.x + bar.width / 2.0), y), &style->accent, 250))
          painted++;
      g_assert_cmpfloat (ABS (painted - bar.height), <=, 2.0);
    }

  g_assert_cmpint (prospect_bar_chart_category_at (data, WIDTH, HEIGHT, full.x + 1.0, full.y + 1.0), ==, 2);
  g_assert_cmpint (prospect_bar_chart_category_at (data, WIDTH, HEIGHT, 1.0, full.y + 1.0), ==, -1);
  g_assert_true (g_str_has_prefix (description,
                                   "Bar chart. Apr: This year €25000.00, Last year €100000.00. "));
}

static void
test_format (void)
{
  g_autofree char *eur = prospect_chart_format_money (123456789, "EUR");
  g_autofree char *negative = prospect_chart_format_money (-5, "EUR");
  g_autofree char *jpy = prospect_chart_format_money (1235, "JPY");
  g_autofree char *chf = prospect_chart_format_money (123450, "CHF");
  g_autofree char *kwd = prospect_chart_format_money (1234567, "KWD");
  g_autofree char *whole = prospect_chart_format_money_whole (123450, "USD");
  g_autofree char *compact_m = prospect_chart_format_money_compact (123456789, "EUR");
  g_autofree char *compact_k = prospect_chart_format_money_compact (35000000, "GBP");
  g_autofree char *compact_small = prospect_chart_format_money_compact (99900, "EUR");
  g_autofree char *percent = prospect_chart_format_percent (0.425);
  g_autofree char *no_rate = prospect_chart_format_percent (NAN);

  /* The tests run in C.UTF-8: no thousands separator. */
  g_assert_cmpstr (eur, ==, "€1234567.89");
  g_assert_cmpstr (negative, ==, "-€0.05");
  g_assert_cmpstr (jpy, ==, "¥1235");
  g_assert_cmpstr (chf, ==, "1234.50 CHF");
  g_assert_cmpstr (kwd, ==, "1234.567 KWD");
  g_assert_cmpstr (whole, ==, "$1235");
  g_assert_cmpstr (compact_m, ==, "€1.2M");
  g_assert_cmpstr (compact_k, ==, "£350k");
  g_assert_cmpstr (compact_small, ==, "€999");
  g_assert_cmpstr (percent, ==, "42%");
  g_assert_cmpstr (no_rate, ==, "n/a");
}

/* Where the system has a locale with a thousands separator, it is used. */
static void
test_format_locale (void)
{
  const char *locales[] = { "en_US.UTF-8", "en_GB.UTF-8", "de_DE.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      found = locales[i];

  if (found == NULL)
    {
      g_test_skip ("no locale with a thousands separator installed");
      return;
    }

  {
    g_autofree char *text = prospect_chart_format_money (123456789, "EUR");
    struct lconv *conv = localeconv ();
    g_autofree char *expected = g_strdup_printf ("€1%s234%s567%s89", conv->thousands_sep,
                                                 conv->thousands_sep, conv->decimal_point);

    g_assert_cmpstr (text, ==, expected);
  }
  setlocale (LC_NUMERIC, saved);
}

/* PDF files hold binary streams: search them as bytes, not strings. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static char *
export_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "charts", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));

  return g_build_filename (dir, name, NULL);
}

static void
test_export (void)
{
  static const gint64 counts[] = { 100, 50, 25 };
  static const double rates[] = { 0.5, 0.5, NAN };
  g_autoptr(ProspectFunnelData) funnel = funnel_new (counts, rates, 3);
  g_autoptr(ProspectGaugeData) gauge = gauge_new (100000, 40000, 0.5);
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_HIGH_CONTRAST);
  g_autofree char *png = export_path ("funnel.png");
  g_autofree char *pdf = export_path ("gauge.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  ProspectChartFormat format;

  g_assert_true (prospect_chart_format_for_path (png, &format));
  g_assert_cmpint (format, ==, PROSPECT_CHART_FORMAT_PNG);
  g_assert_true (prospect_chart_format_for_path ("/tmp/Board.PDF", &format));
  g_assert_cmpint (format, ==, PROSPECT_CHART_FORMAT_PDF);
  g_assert_false (prospect_chart_format_for_path ("/tmp/board.svg", &format));

  g_assert_true (prospect_chart_export (PROSPECT_CHART_FUNNEL, funnel, style, PROSPECT_CHART_FORMAT_PNG,
                                        800, 450, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  {
    g_autoptr(cairo_surface_t) read_back = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_surface_status (read_back), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (read_back), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (read_back), ==, 450);
    /* Opaque: the exporter paints the palette's background first. */
    g_assert_cmpint (pixel_at (read_back, 1, 1).alpha, ==, 255);
  }
  g_clear_pointer (&contents, g_free);

  g_assert_true (prospect_chart_export (PROSPECT_CHART_GAUGE, gauge, style, PROSPECT_CHART_FORMAT_PDF,
                                        320, 100, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 16);
  g_assert_true (contains_bytes (contents + length - 16, 16, "%%EOF"));
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 320 100 ]"));
}

static void
test_export_failures (void)
{
  static const gint64 counts[] = { 10 };
  static const double rates[] = { NAN };
  g_autoptr(ProspectFunnelData) funnel = funnel_new (counts, rates, 1);
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  g_autofree char *existing = export_path ("keep.png");
  g_autofree char *missing_dir = export_path ("no-such-dir/chart.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));

  /* A size no one can mean: refused, and the old file is left alone. */
  g_assert_false (prospect_chart_export (PROSPECT_CHART_FUNNEL, funnel, style, PROSPECT_CHART_FORMAT_PNG,
                                         0, 100, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_assert_false (prospect_chart_export (PROSPECT_CHART_FUNNEL, funnel, style, PROSPECT_CHART_FORMAT_PDF,
                                         300, 200, missing_dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/charts/funnel/band-widths", test_funnel_band_widths);
  g_test_add_func ("/charts/funnel/shares", test_funnel_shares);
  g_test_add_func ("/charts/funnel/weakest-step", test_funnel_weakest_step);
  g_test_add_func ("/charts/funnel/labels", test_funnel_labels);
  g_test_add_func ("/charts/funnel/band-at", test_funnel_band_at);
  g_test_add_func ("/charts/funnel/degenerate", test_funnel_degenerate);
  g_test_add_func ("/charts/gauge/status", test_gauge_status);
  g_test_add_func ("/charts/gauge/normalize", test_gauge_normalize);
  g_test_add_func ("/charts/gauge/draw", test_gauge_draw);
  g_test_add_func ("/charts/gauge/describe", test_gauge_describe);
  g_test_add_func ("/charts/bars/axis", test_bars_axis);
  g_test_add_func ("/charts/bars/heights", test_bars_heights);
  g_test_add_func ("/charts/format/c-locale", test_format);
  g_test_add_func ("/charts/format/thousands", test_format_locale);
  g_test_add_func ("/charts/export/png-pdf", test_export);
  g_test_add_func ("/charts/export/failures", test_export_failures);

  return g_test_run ();
}
