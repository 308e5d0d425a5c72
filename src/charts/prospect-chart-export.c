/* prospect-chart-export.c - any chart to a PNG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-chart-export"

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "prospect-chart-export.h"
#include "prospect-chart-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

void
prospect_chart_draw (cairo_t                  *cr,
                     ProspectChartKind         kind,
                     gconstpointer             data,
                     double                    width,
                     double                    height,
                     const ProspectChartStyle *style)
{
  g_return_if_fail (data != NULL);

  switch (kind)
    {
    case PROSPECT_CHART_FUNNEL:
      prospect_funnel_chart_draw (cr, data, width, height, style);
      break;
    case PROSPECT_CHART_GAUGE:
      prospect_gauge_chart_draw (cr, data, width, height, style);
      break;
    case PROSPECT_CHART_BARS:
      prospect_bar_chart_draw (cr, data, width, height, style);
      break;
    default:
      g_return_if_reached ();
    }
}

char *
prospect_chart_describe (ProspectChartKind kind,
                         gconstpointer     data)
{
  g_return_val_if_fail (data != NULL, NULL);

  switch (kind)
    {
    case PROSPECT_CHART_FUNNEL:
      return prospect_funnel_chart_describe (data);
    case PROSPECT_CHART_GAUGE:
      return prospect_gauge_chart_describe (data);
    case PROSPECT_CHART_BARS:
      return prospect_bar_chart_describe (data);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
prospect_chart_format_for_path (const char          *path,
                                ProspectChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = PROSPECT_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = PROSPECT_CHART_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

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

static void
paint_chart (cairo_surface_t          *surface,
             ProspectChartKind         kind,
             gconstpointer             data,
             const ProspectChartStyle *style,
             double                    width,
             double                    height)
{
  g_autoptr(cairo_t) cr = cairo_create (surface);

  prospect_chart_set_color (cr, &style->background, 1.0);
  cairo_paint (cr);
  prospect_chart_draw (cr, kind, data, width, height, style);
  cairo_show_page (cr);
}

static gboolean
check_cairo (cairo_status_t   status,
             WriteClosure    *closure,
             GError         **error)
{
  if (closure->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&closure->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_surface (ProspectChartKind         kind,
               gconstpointer             data,
               const ProspectChartStyle *style,
               ProspectChartFormat       format,
               double                    width,
               double                    height,
               WriteClosure             *closure,
               GError                  **error)
{
  g_autoptr(cairo_surface_t) surface = NULL;
  cairo_status_t status;

  if (format == PROSPECT_CHART_FORMAT_PNG)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      paint_chart (surface, kind, data, style, width, height);
      status = cairo_surface_write_to_png_stream (surface, write_cb, closure);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (write_cb, closure, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Prospect");
      paint_chart (surface, kind, data, style, width, height);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }

  return check_cairo (status, closure, error);
}

gboolean
prospect_chart_export (ProspectChartKind         kind,
                       gconstpointer             data,
                       const ProspectChartStyle *style,
                       ProspectChartFormat       format,
                       double                    width,
                       double                    height,
                       const char               *path,
                       GError                  **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  WriteClosure closure = { NULL, NULL };

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width < 1.0 || height < 1.0 || width > 20000.0 || height > 20000.0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart must be between 1 and 20000 units wide and high, not %.0f × %.0f"),
                   width, height);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  closure.stream = G_OUTPUT_STREAM (stream);
  if (!write_surface (kind, data, style, format, width, height, &closure, error))
    {
      /* Cancelling the stream before closing it keeps the old file. */
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
