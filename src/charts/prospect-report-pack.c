/* prospect-report-pack.c - the report pack: a period's figures as pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-report-pack"

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "prospect-bar-chart.h"
#include "prospect-chart-format.h"
#include "prospect-chart-private.h"
#include "prospect-export.h"
#include "prospect-funnel-chart.h"
#include "prospect-gauge-chart.h"
#include "prospect-person.h"
#include "prospect-report-pack.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* Page geometry, in points. */
#define MARGIN          48.0
#define FOOTER_HEIGHT   24.0
#define HEADING_HEIGHT  58.0
#define GAUGE_HEIGHT    84.0
#define GAUGE_GAP       10.0
#define GAUGE_COLUMN_GAP 16.0
#define ROW_HEIGHT      17.0
#define HEADER_HEIGHT   30.0
#define FUNNEL_HEIGHT   330.0
#define BARS_HEIGHT     300.0
#define KEY_FIGURES_TOP 400.0
#define BODY_SIZE       9.0
#define TABLE_SIZE      8.0
#define HEADER_SIZE     7.5

typedef enum
{
  PAGE_COVER,
  PAGE_TARGETS,
  PAGE_FUNNEL,
  PAGE_MONTHS,
  PAGE_TABLE,
} PageKind;

/* A page and the slice of gauges or table rows it shows. */
typedef struct
{
  PageKind kind;
  guint    first;
  guint    count;
} Page;

struct _ProspectReportPack
{
  ProspectReport     *report;
  ProspectFunnel     *funnel;
  ProspectBarData    *months;
  guint               months_begun;   /* of the fiscal year, by the report's today */
  char               *title;
  char               *period_label;
  char               *period_days;
  char               *scope_label;
  char               *made_on;
  char               *fiscal_year;
  char               *previous_fiscal_year;
  GPtrArray          *members;       /* ProspectFigures in report->rows that get a gauge */
  ProspectChartStyle *style;

  GArray             *pages;         /* Page, laid out for layout_width × layout_height */
  double              layout_width;
  double              layout_height;
};

typedef enum
{
  ALIGN_LEFT,
  ALIGN_RIGHT,
} Align;

/* ------------------------------------------------------------ text */

static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 12, 0, 0);

  /* TRANSLATORS: a day in the report pack, strftime format: "23 November 2026" */
  return g_date_time_format (noon, _("%-d %B %Y"));
}

static PangoLayout *
text_layout (cairo_t                  *cr,
             const ProspectChartStyle *style,
             const char               *text,
             double                    size,
             gboolean                  bold,
             double                    max_width)
{
  PangoLayout *layout = prospect_chart_layout_new (cr, style, text, PROSPECT_CHART_TEXT_NORMAL, max_width);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (style->font);

  /* Absolute sizes are points on a PDF page whatever the resolution
   * PangoCairo assumes. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);

  return layout;
}

/* Draws text with its top at y; returns its height. */
static double
show_text (cairo_t                  *cr,
           const ProspectChartStyle *style,
           const char               *text,
           double                    size,
           gboolean                  bold,
           const ProspectChartColor *color,
           double                    x,
           double                    y,
           double                    width,
           Align                     align)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, style, text, size, bold, width);

  prospect_chart_show_layout (cr, layout, align == ALIGN_RIGHT ? x + width : x, y,
                              align == ALIGN_RIGHT ? 1.0 : 0.0, color);
  return prospect_chart_layout_height (layout);
}

/* ------------------------------------------------------- computing */

static char *
scope_label (ProspectDatabase    *db,
             const ProspectScope *scope)
{
  g_autoptr(ProspectPerson) person = NULL;

  if (scope->kind == PROSPECT_SCOPE_EVERYONE)
    return g_strdup (_("Everyone"));

  person = prospect_person_load (db, scope->person_id, NULL);
  if (person == NULL)
    return g_strdup (_("Unknown Person"));
  if (scope->kind == PROSPECT_SCOPE_TEAM)
    /* TRANSLATORS: the scope of a report: everyone below that person */
    return g_strdup_printf (_("Team of %s"), prospect_person_get_name (person));

  return g_strdup (prospect_person_get_name (person));
}

/* A director's team reads best per manager's team, as on the Team page. */
static ProspectGrouping
grouping_for (ProspectDatabase    *db,
              const ProspectScope *scope)
{
  g_autoptr(ProspectPerson) person = NULL;

  if (scope->kind == PROSPECT_SCOPE_TEAM &&
      (person = prospect_person_load (db, scope->person_id, NULL)) != NULL &&
      g_strcmp0 (prospect_person_get_role (person), "director") == 0)
    return PROSPECT_GROUP_MANAGER;

  return PROSPECT_GROUP_REP;
}

/* Won value of each month of the period's fiscal year, and of the same
 * month a year earlier (the Team page's "Won by Month"). */
static ProspectBarData *
compute_months (ProspectReportPack   *self,
                ProspectDatabase     *db,
                const ProspectPeriod *period,
                const ProspectScope  *scope,
                GError              **error)
{
  g_autoptr(ProspectMonthlyWon) won = prospect_monthly_won_compute (db, period, scope, error);
  g_autoptr(ProspectBarData) data = NULL;
  ProspectPeriod previous;
  GDate day;

  if (won == NULL)
    return NULL;

  prospect_period_previous_year (&won->year, &previous);
  self->fiscal_year = prospect_period_get_label (&won->year);
  self->previous_fiscal_year = prospect_period_get_label (&previous);
  data = prospect_bar_data_new (PROSPECT_BAR_UNIT_MONEY, won->currency,
                                self->fiscal_year, self->previous_fiscal_year);

  day = won->year.start;
  for (guint i = 0; i < 12; i++, g_date_add_months (&day, 1))
    {
      char name[64];

      /* TRANSLATORS: a month on the report pack's bars, strftime format */
      g_date_strftime (name, sizeof name, _("%b"), &day);
      prospect_bar_data_add (data, name, won->won_value[i], won->previous_won_value[i]);
      if (g_date_compare (&day, &self->report->today) <= 0)
        self->months_begun = i + 1;
    }

  return g_steal_pointer (&data);
}

static ProspectChartStyle *
print_style (void)
{
  ProspectChartStyle *style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (style->font);

  pango_font_description_set_absolute_size (font, BODY_SIZE * PANGO_SCALE);
  prospect_chart_style_set_font (style, font);
  /* paper is white: the light palette's off-white would print as a tint */
  style->background = (ProspectChartColor) { 1.0f, 1.0f, 1.0f, 1.0f };

  return style;
}

ProspectReportPack *
prospect_report_pack_new (ProspectDatabase      *db,
                          const ProspectPeriod  *period,
                          const ProspectScope   *scope,
                          GError               **error)
{
  g_autoptr(ProspectReportPack) self = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ProspectReportPack, 1);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->members = g_ptr_array_new ();
  self->style = print_style ();

  self->report = prospect_report_compute (db, period, scope, grouping_for (db, scope), error);
  if (self->report == NULL)
    return NULL;
  self->funnel = prospect_funnel_compute (db, period, scope, error);
  if (self->funnel == NULL)
    return NULL;
  self->months = compute_months (self, db, period, scope, error);
  if (self->months == NULL)
    return NULL;

  for (guint i = 0; i < self->report->rows->len; i++)
    {
      ProspectFigures *row = &g_array_index (self->report->rows, ProspectFigures, i);

      /* deals nobody owns are in the table, but nobody has a target */
      if (row->key != NULL)
        g_ptr_array_add (self->members, row);
    }

  self->period_label = prospect_period_get_label (period);
  start = format_day (&period->start);
  end = format_day (&period->end);
  /* TRANSLATORS: the days of a report period: "1 October 2026 – 31 December 2026" */
  self->period_days = g_strdup_printf (_("%s – %s"), start, end);
  self->scope_label = scope_label (db, scope);
  self->made_on = format_day (&self->report->today);
  /* TRANSLATORS: the report pack's title: the period · the scope */
  self->title = g_strdup_printf (_("%s · %s"), self->period_label, self->scope_label);

  return g_steal_pointer (&self);
}

void
prospect_report_pack_free (ProspectReportPack *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->report, prospect_report_free);
  g_clear_pointer (&self->funnel, prospect_funnel_free);
  g_clear_pointer (&self->months, prospect_bar_data_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->style, prospect_chart_style_free);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self->title);
  g_free (self->period_label);
  g_free (self->period_days);
  g_free (self->scope_label);
  g_free (self->made_on);
  g_free (self->fiscal_year);
  g_free (self->previous_fiscal_year);
  g_free (self);
}

const char *
prospect_report_pack_get_title (const ProspectReportPack *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* ---------------------------------------------------------- layout */

static double
content_height (double height)
{
  return height - 2 * MARGIN - FOOTER_HEIGHT;
}

static void
add_pages (GArray   *pages,
           PageKind  kind,
           guint     n_items,
           guint     per_page)
{
  guint first = 0;

  per_page = MAX (per_page, 1);
  do
    {
      Page page = { kind, first, MIN (per_page, n_items - first) };

      g_array_append_val (pages, page);
      first += per_page;
    }
  while (first < n_items);
}

/* A total alone on the last page reads as if it belonged to nothing:
 * the row before it goes along. */
static void
keep_total_with_a_row (GArray *pages)
{
  Page *last = &g_array_index (pages, Page, pages->len - 1);
  Page *before = last - 1;

  if (last->kind == PAGE_TABLE && last->count == 1 && before->kind == PAGE_TABLE && before->count > 1)
    {
      before->count--;
      last->first--;
      last->count++;
    }
}

/* The scope's gauge across the first row of the first page, then the
 * members' gauges two to a row. */
static void
add_target_pages (ProspectReportPack *self,
                  guint               rows_per_page)
{
  guint n_members = self->members->len;
  guint first;
  Page page = { PAGE_TARGETS, 0, 1 + MIN (n_members, 2 * (MAX (rows_per_page, 2) - 1)) };

  g_array_append_val (self->pages, page);
  for (first = page.count; first < n_members + 1; first += page.count)
    {
      page.first = first;
      page.count = MIN (n_members + 1 - first, 2 * MAX (rows_per_page, 1));
      g_array_append_val (self->pages, page);
    }
}

static void
paginate (ProspectReportPack *self,
          double              width,
          double              height)
{
  double room = content_height (height) - HEADING_HEIGHT;
  Page page = { PAGE_COVER, 0, 0 };

  if (self->pages->len > 0 && width == self->layout_width && height == self->layout_height)
    return;

  self->layout_width = width;
  self->layout_height = height;
  g_array_set_size (self->pages, 0);

  g_array_append_val (self->pages, page);
  add_target_pages (self, (guint) floor ((room + GAUGE_GAP) / (GAUGE_HEIGHT + GAUGE_GAP)));
  page.kind = PAGE_FUNNEL;
  g_array_append_val (self->pages, page);
  page.kind = PAGE_MONTHS;
  g_array_append_val (self->pages, page);
  /* every group, then the total */
  add_pages (self->pages, PAGE_TABLE, self->report->rows->len + 1,
             (guint) floor ((room - HEADER_HEIGHT) / ROW_HEIGHT));
  keep_total_with_a_row (self->pages);
}

guint
prospect_report_pack_get_n_pages (ProspectReportPack *self,
                                  double              width,
                                  double              height)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  paginate (self, width, height);

  return self->pages->len;
}

/* ------------------------------------------------------------ pages */

static double
draw_heading (ProspectReportPack *self,
              cairo_t            *cr,
              const char         *title,
              const char         *subtitle,
              double              width)
{
  double y = MARGIN;

  y += show_text (cr, self->style, title, 18.0, TRUE, &self->style->foreground,
                  MARGIN, y, width - 2 * MARGIN, ALIGN_LEFT);
  if (subtitle != NULL)
    {
      g_autoptr(PangoLayout) layout = text_layout (cr, self->style, subtitle, BODY_SIZE, FALSE,
                                                   width - 2 * MARGIN);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      prospect_chart_show_layout (cr, layout, MARGIN, y + 4, 0.0, &self->style->dim_foreground);
    }

  return MARGIN + HEADING_HEIGHT;
}

static void
draw_footer (ProspectReportPack *self,
             cairo_t            *cr,
             guint               page,
             double              width,
             double              height)
{
  g_autofree char *left = g_strdup_printf ("Prospect · %s", self->title);
  /* TRANSLATORS: the report pack's page footer */
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  double y = height - MARGIN - FOOTER_HEIGHT + 10;
  double half = (width - 2 * MARGIN) / 2;

  prospect_chart_set_color (cr, &self->style->grid, 1.0);
  cairo_rectangle (cr, MARGIN, y - 6, width - 2 * MARGIN, 0.5);
  cairo_fill (cr);
  show_text (cr, self->style, left, TABLE_SIZE, FALSE, &self->style->dim_foreground,
             MARGIN, y, half, ALIGN_LEFT);
  show_text (cr, self->style, right, TABLE_SIZE, FALSE, &self->style->dim_foreground,
             MARGIN + half, y, half, ALIGN_RIGHT);
}

static char *
format_target (const ProspectReport  *report,
               const ProspectFigures *figures)
{
  if (figures->target_value < 0)
    return g_strdup (_("None"));

  return prospect_chart_format_money_whole (figures->target_value, report->currency);
}

static void
draw_key_figure (ProspectReportPack *self,
                 cairo_t            *cr,
                 guint               index,
                 const char         *label,
                 const char         *value,
                 double              width)
{
  double column_width = (width - 2 * MARGIN - 24) / 2;
  double x = MARGIN + (index % 2) * (column_width + 24);
  double y = KEY_FIGURES_TOP + 30 + (index / 2) * 56;

  prospect_chart_set_color (cr, &self->style->grid, 1.0);
  cairo_rectangle (cr, x, y, column_width, 0.75);
  cairo_fill (cr);
  show_text (cr, self->style, label, BODY_SIZE, FALSE, &self->style->dim_foreground,
             x, y + 8, column_width, ALIGN_LEFT);
  show_text (cr, self->style, value, 15.0, TRUE, &self->style->foreground,
             x, y + 22, column_width, ALIGN_LEFT);
}

static void
draw_cover (ProspectReportPack *self,
            cairo_t            *cr,
            double              width)
{
  const ProspectFigures *total = &self->report->total;
  const char *currency = self->report->currency;
  g_autofree char *made = g_strdup_printf (_("Made on %s with Prospect · amounts in %s"),
                                           self->made_on, currency);
  g_autofree char *won = prospect_chart_format_money_whole (total->won_value, currency);
  g_autofree char *target = format_target (self->report, total);
  g_autofree char *attainment = prospect_chart_format_percent (total->attainment);
  g_autofree char *win_rate = prospect_chart_format_percent (total->win_rate);
  g_autofree char *open = prospect_chart_format_money_whole (total->open_value, currency);
  g_autofree char *weighted = prospect_chart_format_money_whole (total->weighted_value, currency);
  g_autofree char *expected = prospect_chart_format_money_whole (total->expected_end_value, currency);
  g_autofree char *previous = prospect_chart_format_money_whole (total->previous_year_to_date_value, currency);
  g_autofree char *won_count = g_strdup_printf (ngettext ("%u deal won", "%u deals won", total->won_count),
                                                total->won_count);
  g_autofree char *activities = g_strdup_printf ("%u", total->activities_done);
  double text_width = width - 2 * MARGIN;
  double y = MARGIN + 96;

  prospect_chart_set_color (cr, &self->style->accent, 1.0);
  cairo_rectangle (cr, 0, 0, width, 10);
  cairo_fill (cr);

  y += show_text (cr, self->style, _("Sales Report"), 30.0, TRUE, &self->style->accent,
                  MARGIN, y, text_width, ALIGN_LEFT) + 18;
  y += show_text (cr, self->style, self->period_label, 24.0, TRUE, &self->style->foreground,
                  MARGIN, y, text_width, ALIGN_LEFT) + 4;
  y += show_text (cr, self->style, self->period_days, 12.0, FALSE, &self->style->dim_foreground,
                  MARGIN, y, text_width, ALIGN_LEFT) + 22;
  y += show_text (cr, self->style, self->scope_label, 16.0, FALSE, &self->style->foreground,
                  MARGIN, y, text_width, ALIGN_LEFT) + 8;
  show_text (cr, self->style, made, BODY_SIZE, FALSE, &self->style->dim_foreground,
             MARGIN, y, text_width, ALIGN_LEFT);

  show_text (cr, self->style, _("Key Figures"), 12.0, TRUE, &self->style->foreground,
             MARGIN, KEY_FIGURES_TOP, text_width, ALIGN_LEFT);
  draw_key_figure (self, cr, 0, won_count, won, width);
  draw_key_figure (self, cr, 1, _("Target"), target, width);
  draw_key_figure (self, cr, 2, _("Attainment"), attainment, width);
  draw_key_figure (self, cr, 3, _("Win rate"), win_rate, width);
  draw_key_figure (self, cr, 4, _("Open pipeline"), open, width);
  draw_key_figure (self, cr, 5, _("Weighted pipeline"), weighted, width);
  draw_key_figure (self, cr, 6, _("Expected by period end"), expected, width);
  draw_key_figure (self, cr, 7, _("Same point last year"), previous, width);
  draw_key_figure (self, cr, 8, _("Activities done"), activities, width);
}

static ProspectGaugeData *
gauge_data (const ProspectReport  *report,
            const ProspectFigures *figures,
            const char            *title)
{
  ProspectGaugeData *data = prospect_gauge_data_new (title, report->currency);
  guint n_days = prospect_period_get_n_days (&report->period);

  data->target = MAX (figures->target_value, 0);
  data->won_to_date = figures->won_to_date_value;
  data->expected_end = figures->expected_end_value;
  data->previous_year_to_date = figures->previous_year_to_date_value;
  data->elapsed_share = n_days > 0
    ? (double) prospect_period_get_elapsed_days (&report->period, &report->today) / n_days
    : 0.0;

  return data;
}

static void
draw_targets (ProspectReportPack *self,
              cairo_t            *cr,
              const Page         *page,
              double              width)
{
  double y = draw_heading (self, cr, page->first == 0 ? _("Targets") : _("Targets (continued)"),
                           _("Won to date against the target. The paler bar runs to the expected "
                             "period end; the triangle marks the same point last year."),
                           width);

  double column_width = (width - 2 * MARGIN - GAUGE_COLUMN_GAP) / 2;
  guint cell = 0;

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      const ProspectFigures *figures = i == 0 ? &self->report->total : self->members->pdata[i - 1];
      g_autoptr(ProspectGaugeData) data = gauge_data (self->report, figures,
                                                      i == 0 ? self->scope_label : figures->label);
      double x = MARGIN + (cell % 2) * (column_width + GAUGE_COLUMN_GAP);

      cairo_save (cr);
      cairo_translate (cr, x, y + (cell / 2) * (GAUGE_HEIGHT + GAUGE_GAP));
      prospect_gauge_chart_draw (cr, data, i == 0 ? width - 2 * MARGIN : column_width,
                                 GAUGE_HEIGHT, self->style);
      cairo_restore (cr);
      /* the scope's gauge takes a whole row */
      cell += i == 0 ? 2 : 1;
    }
}

/* A table: columns[0] left-aligned and as wide as what the others leave. */
typedef struct
{
  double x;
  double width;
} Column;

static void
draw_row (ProspectReportPack *self,
          cairo_t            *cr,
          const Column       *columns,
          const char * const *cells,
          guint               n_columns,
          double              y,
          gboolean            header)
{
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (cr, self->style, cells[i],
                                                   header ? HEADER_SIZE : TABLE_SIZE, FALSE,
                                                   header ? -1 : columns[i].width - 4);
      double x = i == 0 ? columns[i].x : columns[i].x + columns[i].width;

      if (header)
        {
          /* Headings wrap onto two lines rather than run into each other */
          pango_layout_set_width (layout, (int) ((columns[i].width - 2) * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pango_layout_set_alignment (layout, i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
          x = i == 0 ? columns[i].x : columns[i].x + 2;
        }
      prospect_chart_show_layout (cr, layout, x, y, i == 0 || header ? 0.0 : 1.0,
                                  header ? &self->style->dim_foreground : &self->style->foreground);
    }
}

static void
table_columns (Column *columns,
               guint   n_columns,
               double  first_width,
               double  width)
{
  double other = (width - 2 * MARGIN - first_width) / (n_columns - 1);

  columns[0] = (Column) { MARGIN, first_width };
  for (guint i = 1; i < n_columns; i++)
    columns[i] = (Column) { MARGIN + first_width + (i - 1) * other, other };
}

static void
shade_row (ProspectReportPack *self,
           cairo_t            *cr,
           double              y,
           double              width,
           gboolean            rule)
{
  prospect_chart_set_color (cr, &self->style->grid, rule ? 1.0 : 0.35);
  if (rule)
    cairo_rectangle (cr, MARGIN, y - 3, width - 2 * MARGIN, 0.75);
  else
    cairo_rectangle (cr, MARGIN, y - 3, width - 2 * MARGIN, ROW_HEIGHT);
  cairo_fill (cr);
}

static void
draw_funnel (ProspectReportPack *self,
             cairo_t            *cr,
             double              width)
{
  const char *currency = self->funnel->currency;
  g_autoptr(ProspectFunnelData) data = prospect_funnel_data_new (PROSPECT_FUNNEL_BY_COUNT, currency);
  ProspectFunnelSeries *series = prospect_funnel_data_add_series (data, NULL);
  g_autofree char *subtitle = g_strdup_printf (_("The deals created in %s, by the furthest stage they "
                                                 "reached, and the share that went on to the next one."),
                                               self->period_label);
  const char *header[] = { _("Stage"), _("Reached"), _("Value"), _("Went on") };
  Column columns[G_N_ELEMENTS (header)];
  double y = draw_heading (self, cr, _("Funnel"), subtitle, width);

  for (guint i = 0; i < self->funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (self->funnel->steps, ProspectFunnelStep, i);

      prospect_funnel_series_add_stage (series, step->name, step->reached_count,
                                        step->reached_value, step->step_up_rate);
    }

  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  prospect_funnel_chart_draw (cr, data, width - 2 * MARGIN, FUNNEL_HEIGHT, self->style);
  cairo_restore (cr);
  y += FUNNEL_HEIGHT + 20;

  table_columns (columns, G_N_ELEMENTS (header), 180, width);
  draw_row (self, cr, columns, header, G_N_ELEMENTS (header), y, TRUE);
  y += HEADER_HEIGHT - 8;
  for (guint i = 0; i < self->funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (self->funnel->steps, ProspectFunnelStep, i);
      g_autofree char *count = prospect_chart_format_count (step->reached_count);
      g_autofree char *value = prospect_chart_format_money_whole (step->reached_value, currency);
      g_autofree char *rate = isnan (step->step_up_rate) ? g_strdup ("—")
                                                         : prospect_chart_format_percent (step->step_up_rate);
      const char *cells[] = { step->name, count, value, rate };

      if (i % 2 == 1)
        shade_row (self, cr, y, width, FALSE);
      draw_row (self, cr, columns, cells, G_N_ELEMENTS (cells), y, FALSE);
      y += ROW_HEIGHT;
    }
}

static void
draw_months (ProspectReportPack *self,
             cairo_t            *cr,
             double              width)
{
  g_autofree char *subtitle = g_strdup_printf (_("Won value per month of %s (accent) against %s (grey)."),
                                               self->fiscal_year, self->previous_fiscal_year);
  const char *header[] = { _("Month"), self->fiscal_year, self->previous_fiscal_year, _("Change") };
  Column columns[G_N_ELEMENTS (header)];
  double y = draw_heading (self, cr, _("Won by Month"), subtitle, width);

  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  prospect_bar_chart_draw (cr, self->months, width - 2 * MARGIN, BARS_HEIGHT, self->style);
  cairo_restore (cr);
  y += BARS_HEIGHT + 20;

  table_columns (columns, G_N_ELEMENTS (header), 120, width);
  draw_row (self, cr, columns, header, G_N_ELEMENTS (header), y, TRUE);
  y += HEADER_HEIGHT - 8;
  for (guint i = 0; i < self->months->categories->len; i++)
    {
      gint64 now = prospect_bar_data_get_value (self->months, 0, i);
      gint64 before = prospect_bar_data_get_value (self->months, 1, i);
      gboolean begun = i < self->months_begun;
      /* A month still to come has no figure yet, and no change */
      g_autofree char *won = begun ? prospect_chart_format_money_whole (now, self->months->currency)
                                   : g_strdup ("—");
      g_autofree char *won_before = prospect_chart_format_money_whole (before, self->months->currency);
      g_autofree char *change = begun && before > 0
                                ? prospect_chart_format_percent ((double) (now - before) / before)
                                : g_strdup ("—");
      const char *cells[] = { self->months->categories->pdata[i], won, won_before, change };

      if (i % 2 == 1)
        shade_row (self, cr, y, width, FALSE);
      draw_row (self, cr, columns, cells, G_N_ELEMENTS (cells), y, FALSE);
      y += ROW_HEIGHT;
    }
}

static void
draw_figures_row (ProspectReportPack    *self,
                  cairo_t               *cr,
                  const Column          *columns,
                  const ProspectFigures *figures,
                  const char            *label,
                  double                 y)
{
  const char *currency = self->report->currency;
  g_autofree char *won_count = prospect_chart_format_count (figures->won_count);
  g_autofree char *won = prospect_chart_format_money_whole (figures->won_value, currency);
  g_autofree char *target = format_target (self->report, figures);
  g_autofree char *attainment = isnan (figures->attainment) ? g_strdup ("—")
                                                            : prospect_chart_format_percent (figures->attainment);
  g_autofree char *win_rate = isnan (figures->win_rate) ? g_strdup ("—")
                                                        : prospect_chart_format_percent (figures->win_rate);
  g_autofree char *open = prospect_chart_format_money_whole (figures->open_value, currency);
  g_autofree char *expected = prospect_chart_format_money_whole (figures->expected_end_value, currency);
  g_autofree char *previous = prospect_chart_format_money_whole (figures->previous_year_to_date_value, currency);
  const char *cells[] = { label, won_count, won, target, attainment, win_rate, open, expected, previous };

  draw_row (self, cr, columns, cells, G_N_ELEMENTS (cells), y, FALSE);
}

static void
draw_table (ProspectReportPack *self,
            cairo_t            *cr,
            const Page         *page,
            double              width)
{
  gboolean managers = self->report->grouping == PROSPECT_GROUP_MANAGER;
  const char *header[] = {
    managers ? _("Manager’s team") : _("Rep"), _("Won"), _("Won value"), _("Target"),
    _("Attainment"), _("Win rate"), _("Open pipeline"), _("Expected by end"), _("Same point last year"),
  };
  const char *title = managers ? _("Per Manager’s Team") : _("Per Rep");
  g_autofree char *continued = g_strdup_printf (_("%s (continued)"), title);
  Column columns[G_N_ELEMENTS (header)];
  double y = draw_heading (self, cr, page->first == 0 ? title : continued,
                           _("Won and lost deals by their close day in the period; the open pipeline "
                             "by its expected close."),
                           width);

  table_columns (columns, G_N_ELEMENTS (header), 96, width);
  draw_row (self, cr, columns, header, G_N_ELEMENTS (header), y, TRUE);
  y += HEADER_HEIGHT;

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      gboolean total = i == self->report->rows->len;
      const ProspectFigures *figures = total ? &self->report->total
                                             : &g_array_index (self->report->rows, ProspectFigures, i);

      if (total)
        shade_row (self, cr, y, width, TRUE);
      else if (i % 2 == 1)
        shade_row (self, cr, y, width, FALSE);
      draw_figures_row (self, cr, columns, figures, total ? _("Total") : figures->label, y);
      y += ROW_HEIGHT;
    }
}

void
prospect_report_pack_draw_page (ProspectReportPack *self,
                                cairo_t            *cr,
                                guint               page,
                                double              width,
                                double              height)
{
  const Page *layout;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  paginate (self, width, height);
  g_return_if_fail (page < self->pages->len);
  layout = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  prospect_chart_set_color (cr, &self->style->background, 1.0);
  cairo_paint (cr);

  switch (layout->kind)
    {
    case PAGE_COVER:
      draw_cover (self, cr, width);
      break;
    case PAGE_TARGETS:
      draw_targets (self, cr, layout, width);
      break;
    case PAGE_FUNNEL:
      draw_funnel (self, cr, width);
      break;
    case PAGE_MONTHS:
      draw_months (self, cr, width);
      break;
    case PAGE_TABLE:
    default:
      draw_table (self, cr, layout, width);
      break;
    }

  draw_footer (self, cr, page, width, height);
  cairo_restore (cr);
}

/* ------------------------------------------------------------- PDF */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *closure = user_data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->stream, data, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
prospect_report_pack_write_pdf (ProspectReportPack  *self,
                                GOutputStream       *stream,
                                GError             **error)
{
  const double width = PROSPECT_REPORT_PACK_A4_WIDTH;
  const double height = PROSPECT_REPORT_PACK_A4_HEIGHT;
  WriteClosure closure = { stream, NULL };
  g_autoptr(cairo_surface_t) surface = NULL;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Prospect");

  n_pages = prospect_report_pack_get_n_pages (self, width, height);
  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(cairo_t) cr = cairo_create (surface);

      prospect_report_pack_draw_page (self, cr, page, width, height);
      cairo_show_page (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_write_cb (GOutputStream  *stream,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  return prospect_report_pack_write_pdf (user_data, stream, error);
}

gboolean
prospect_report_pack_save_pdf (ProspectReportPack  *self,
                               const char          *path,
                               GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return prospect_export_to_file (path, save_write_cb, self, NULL, error);
}
