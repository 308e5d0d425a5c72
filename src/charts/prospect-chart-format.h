/* prospect-chart-format.h - numbers as the charts print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* All of these follow the user's locale (LC_NUMERIC): thousands
 * separators and decimal point. Money is in minor units of the ISO 4217
 * currency (cents for EUR, yen for JPY). */
char *prospect_chart_format_money         (gint64      minor,
                                           const char *currency);
char *prospect_chart_format_money_whole   (gint64      minor,
                                           const char *currency);
char *prospect_chart_format_money_compact (gint64      minor,
                                           const char *currency);
char *prospect_chart_format_count         (gint64      count);
char *prospect_chart_format_percent       (double      share);
guint prospect_chart_currency_digits      (const char *currency);

G_END_DECLS
