/* prospect-chart-style.c - colours and font the charts are drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-chart-style"

#include "config.h"

#include "prospect-chart-style.h"

/* Cantarell is GNOME's UI font; where it is missing fontconfig picks the
 * system's sans. */
#define DEFAULT_FONT "Cantarell, sans-serif 10"

static ProspectChartColor
rgba (guint32 rgb,
      float   alpha)
{
  ProspectChartColor color = {
    ((rgb >> 16) & 0xff) / 255.0f,
    ((rgb >> 8) & 0xff) / 255.0f,
    (rgb & 0xff) / 255.0f,
    alpha,
  };

  return color;
}

/* The libadwaita 1.2 named colours (window_fg_color, accent_bg_color,
 * success_color, ...), so that an exported chart matches the app. */
static void
set_palette (ProspectChartStyle   *style,
             ProspectChartPalette  palette)
{
  switch (palette)
    {
    case PROSPECT_CHART_PALETTE_DARK:
      style->foreground = rgba (0xffffff, 1.0f);
      style->dim_foreground = rgba (0xffffff, 0.55f);
      style->background = rgba (0x242424, 1.0f);
      style->accent = rgba (0x3584e4, 1.0f);
      style->accent_foreground = rgba (0xffffff, 1.0f);
      style->success = rgba (0x8ff0a4, 1.0f);
      style->warning = rgba (0xf8e45c, 1.0f);
      style->error = rgba (0xff7b63, 1.0f);
      style->grid = rgba (0xffffff, 0.15f);
      break;

    case PROSPECT_CHART_PALETTE_HIGH_CONTRAST:
      style->foreground = rgba (0x000000, 1.0f);
      style->dim_foreground = rgba (0x000000, 0.8f);
      style->background = rgba (0xffffff, 1.0f);
      style->accent = rgba (0x1c71d8, 1.0f);
      style->accent_foreground = rgba (0xffffff, 1.0f);
      style->success = rgba (0x1b6e44, 1.0f);
      style->warning = rgba (0x7a5602, 1.0f);
      style->error = rgba (0xa51d2d, 1.0f);
      style->grid = rgba (0x000000, 0.5f);
      break;

    case PROSPECT_CHART_PALETTE_LIGHT:
    default:
      style->foreground = rgba (0x000000, 0.8f);
      style->dim_foreground = rgba (0x000000, 0.55f);
      style->background = rgba (0xfafafa, 1.0f);
      style->accent = rgba (0x3584e4, 1.0f);
      style->accent_foreground = rgba (0xffffff, 1.0f);
      style->success = rgba (0x26a269, 1.0f);
      style->warning = rgba (0x9c6e03, 1.0f);
      style->error = rgba (0xc01c28, 1.0f);
      style->grid = rgba (0x000000, 0.12f);
      break;
    }
}

ProspectChartStyle *
prospect_chart_style_new (ProspectChartPalette palette)
{
  ProspectChartStyle *style = g_new0 (ProspectChartStyle, 1);

  set_palette (style, palette);
  style->font = pango_font_description_from_string (DEFAULT_FONT);

  return style;
}

ProspectChartStyle *
prospect_chart_style_copy (const ProspectChartStyle *style)
{
  ProspectChartStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_memdup2 (style, sizeof *style);
  copy->font = pango_font_description_copy (style->font);

  return copy;
}

void
prospect_chart_style_free (ProspectChartStyle *style)
{
  if (style == NULL)
    return;

  g_clear_pointer (&style->font, pango_font_description_free);
  g_free (style);
}

void
prospect_chart_style_set_font (ProspectChartStyle         *style,
                               const PangoFontDescription *font)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (font != NULL);

  g_clear_pointer (&style->font, pango_font_description_free);
  style->font = pango_font_description_copy (font);
}
