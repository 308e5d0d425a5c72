/* prospect-one-on-one-sheet.c - the one-page 1:1 sheet: a rep's
 * indicators, funnel, plans and shared notes, for PDF and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-one-on-one-sheet"

#include "config.h"

#include <errno.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "prospect-chart-private.h"
#include "prospect-one-on-one-sheet.h"

#define MARGIN     36.0
#define GAP        14.0
#define ROW_HEIGHT 14.0
#define FUNNEL_HEIGHT 210.0

static void
sheet_indicator_clear (gpointer data)
{
  ProspectSheetIndicator *indicator = data;

  g_clear_pointer (&indicator->label, g_free);
  g_clear_pointer (&indicator->value, g_free);
  g_clear_pointer (&indicator->median, g_free);
}

ProspectOneOnOneSheet *
prospect_one_on_one_sheet_new (const char *title,
                               const char *subtitle)
{
  ProspectOneOnOneSheet *sheet = g_new0 (ProspectOneOnOneSheet, 1);

  sheet->title = g_strdup (title);
  sheet->subtitle = g_strdup (subtitle);
  sheet->indicators = g_array_new (FALSE, TRUE, sizeof (ProspectSheetIndicator));
  g_array_set_clear_func (sheet->indicators, sheet_indicator_clear);
  sheet->plans = g_ptr_array_new_with_free_func (g_free);
  sheet->notes = g_ptr_array_new_with_free_func (g_free);

  return sheet;
}

void
prospect_one_on_one_sheet_free (ProspectOneOnOneSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->title);
  g_free (sheet->subtitle);
  g_free (sheet->diagnosis);
  g_clear_pointer (&sheet->indicators, g_array_unref);
  g_clear_pointer (&sheet->funnel, prospect_funnel_data_free);
  g_clear_pointer (&sheet->plans, g_ptr_array_unref);
  g_clear_pointer (&sheet->notes, g_ptr_array_unref);
  g_free (sheet);
}

void
prospect_one_on_one_sheet_add_indicator (ProspectOneOnOneSheet *sheet,
                                         const char            *label,
                                         const char            *value,
                                         const char            *median,
                                         gboolean               marked)
{
  ProspectSheetIndicator indicator = { g_strdup (label), g_strdup (value), g_strdup (median), marked };

  g_return_if_fail (sheet != NULL);

  g_array_append_val (sheet->indicators, indicator);
}

/* Draws a wrapped paragraph at y if it fits above bottom; returns the y
 * below it, or -1 when it did not fit. */
static double
paragraph (cairo_t                  *cr,
           const ProspectChartStyle *style,
           const char               *text,
           ProspectChartTextWeight   weight,
           const ProspectChartColor *color,
           double                    x,
           double                    y,
           double                    width,
           double                    bottom)
{
  g_autoptr(PangoLayout) layout = prospect_chart_layout_new (cr, style, text, weight, width);
  double height;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  height = prospect_chart_layout_height (layout);
  if (y + height > bottom)
    return -1;

  prospect_chart_show_layout (cr, layout, x, y, 0.0, color);
  return y + height;
}

static void
cell (cairo_t                  *cr,
      const ProspectChartStyle *style,
      const char               *text,
      ProspectChartTextWeight   weight,
      const ProspectChartColor *color,
      double                    x,
      double                    y,
      double                    width,
      double                    xalign)
{
  g_autoptr(PangoLayout) layout = prospect_chart_layout_new (cr, style, text, weight, width);

  pango_layout_set_alignment (layout, xalign > 0.5 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  prospect_chart_show_layout (cr, layout, x, y, 0.0, color);
}

/* The indicator table: label, rep, team median; marked rows in the error
 * colour with a dot. Returns the y below it. */
static double
draw_indicators (cairo_t                     *cr,
                 const ProspectOneOnOneSheet *sheet,
                 const ProspectChartStyle    *style,
                 double                       x,
                 double                       y,
                 double                       width,
                 double                       bottom)
{
  double number_width = MIN (width * 0.22, 90);
  double label_width = width - 2 * number_width;

  cell (cr, style, _("Indicator"), PROSPECT_CHART_TEXT_BOLD, &style->foreground, x, y, label_width, 0);
  cell (cr, style, _("Rep"), PROSPECT_CHART_TEXT_BOLD, &style->foreground,
        x + label_width, y, number_width, 1);
  cell (cr, style, _("Team"), PROSPECT_CHART_TEXT_BOLD, &style->foreground,
        x + label_width + number_width, y, number_width, 1);
  y += ROW_HEIGHT + 2;

  for (guint i = 0; i < sheet->indicators->len && y + ROW_HEIGHT <= bottom; i++)
    {
      const ProspectSheetIndicator *row = &g_array_index (sheet->indicators, ProspectSheetIndicator, i);
      const ProspectChartColor *color = row->marked ? &style->error : &style->foreground;

      if (i % 2 == 1)
        {
          prospect_chart_set_color (cr, &style->grid, 0.35);
          cairo_rectangle (cr, x - 2, y - 1, width + 4, ROW_HEIGHT);
          cairo_fill (cr);
        }
      cell (cr, style, row->label, PROSPECT_CHART_TEXT_SMALL, color, x, y, label_width - 4, 0);
      cell (cr, style, row->value, PROSPECT_CHART_TEXT_SMALL, color, x + label_width, y, number_width, 1);
      cell (cr, style, row->median, PROSPECT_CHART_TEXT_SMALL, &style->dim_foreground,
            x + label_width + number_width, y, number_width, 1);
      y += ROW_HEIGHT;
    }

  return y;
}

/* A heading and one paragraph per item, while they fit. */
static double
draw_list (cairo_t                  *cr,
           const ProspectChartStyle *style,
           const char               *heading,
           GPtrArray                *items,
           const char               *empty,
           double                    x,
           double                    y,
           double                    width,
           double                    bottom)
{
  double next = paragraph (cr, style, heading, PROSPECT_CHART_TEXT_BOLD, &style->foreground,
                           x, y, width, bottom);

  if (next < 0)
    return bottom;
  y = next + 4;

  if (items->len == 0)
    next = paragraph (cr, style, empty, PROSPECT_CHART_TEXT_SMALL, &style->dim_foreground,
                      x, y, width, bottom);

  for (guint i = 0; i < items->len; i++)
    {
      next = paragraph (cr, style, g_ptr_array_index (items, i), PROSPECT_CHART_TEXT_SMALL,
                        &style->foreground, x, y, width, bottom - ROW_HEIGHT);
      if (next < 0)
        {
          next = paragraph (cr, style, "…", PROSPECT_CHART_TEXT_SMALL, &style->dim_foreground,
                            x, y, width, bottom);
          break;
        }
      y = next + 4;
    }

  return next < 0 ? bottom : next + GAP;
}

void
prospect_one_on_one_sheet_draw (cairo_t                     *cr,
                                const ProspectOneOnOneSheet *sheet,
                                double                       width,
                                double                       height,
                                const ProspectChartStyle    *style)
{
  double inner = width - 2 * MARGIN;
  double bottom = height - MARGIN;
  double y = MARGIN;
  double next;

  g_return_if_fail (cr != NULL && sheet != NULL && style != NULL);

  cairo_save (cr);
  next = paragraph (cr, style, sheet->title, PROSPECT_CHART_TEXT_BOLD, &style->foreground,
                    MARGIN, y, inner, bottom);
  y = next < 0 ? y : next;
  if (sheet->subtitle != NULL &&
      (next = paragraph (cr, style, sheet->subtitle, PROSPECT_CHART_TEXT_SMALL, &style->dim_foreground,
                         MARGIN, y + 2, inner, bottom)) > 0)
    y = next;
  y += GAP;

  /* the table across the page, the funnels under it at full width: a
   * half-page column truncates both */
  y = draw_indicators (cr, sheet, style, MARGIN, y, inner, bottom) + GAP;
  if (sheet->funnel != NULL && y + FUNNEL_HEIGHT <= bottom)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      prospect_funnel_chart_draw (cr, sheet->funnel, inner, FUNNEL_HEIGHT, style);
      cairo_restore (cr);
      y += FUNNEL_HEIGHT + GAP;
    }

  if (sheet->diagnosis != NULL)
    {
      g_autoptr(GPtrArray) diagnosis = g_ptr_array_new ();

      g_ptr_array_add (diagnosis, sheet->diagnosis);
      y = draw_list (cr, style, _("Skill to Coach"), diagnosis, "", MARGIN, y, inner, bottom);
    }
  y = draw_list (cr, style, _("Active Plans"), sheet->plans, _("No plan under way."),
                 MARGIN, y, inner, bottom);
  draw_list (cr, style, _("Recent Shared Notes"), sheet->notes, _("No shared notes yet."),
             MARGIN, y, inner, bottom);
  cairo_restore (cr);
}

gboolean
prospect_one_on_one_sheet_export_pdf (const ProspectOneOnOneSheet  *sheet,
                                      const char                   *path,
                                      GError                      **error)
{
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (sheet != NULL && path != NULL, FALSE);

  /* written next to the file, then renamed over it in one step */
  temporary = g_strdup_printf ("%s.part", path);
  surface = cairo_pdf_surface_create (temporary, PROSPECT_SHEET_WIDTH, PROSPECT_SHEET_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Prospect");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sheet->title);
  {
    g_autoptr(cairo_t) cr = cairo_create (surface);

    prospect_chart_set_color (cr, &style->background, 1.0);
    cairo_paint (cr);
    prospect_one_on_one_sheet_draw (cr, sheet, PROSPECT_SHEET_WIDTH, PROSPECT_SHEET_HEIGHT, style);
    cairo_show_page (cr);
  }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
