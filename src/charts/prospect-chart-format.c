/* prospect-chart-format.c - numbers as the charts print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-chart-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "prospect-chart-format.h"

typedef struct
{
  const char *code;
  const char *symbol;
} CurrencySymbol;

/* Currencies whose symbol is unambiguous go in front of the number; any
 * other currency is written as its ISO code after it ("1,200 CHF"). */
static const CurrencySymbol symbols[] = {
  { "EUR", "€" },
  { "USD", "$" },
  { "GBP", "£" },
  { "JPY", "¥" },
  { "INR", "₹" },
};

guint
prospect_chart_currency_digits (const char *currency)
{
  static const char *no_minor[] = { "JPY", "KRW", "ISK", "CLP", "VND", "UGX", "XAF", "XOF" };
  static const char *three[] = { "BHD", "KWD", "JOD", "OMR", "TND", "IQD", "LYD" };

  if (currency == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (no_minor); i++)
    if (g_ascii_strcasecmp (currency, no_minor[i]) == 0)
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (g_ascii_strcasecmp (currency, three[i]) == 0)
      return 3;

  return 2;
}

static gint64
power_of_ten (guint digits)
{
  gint64 result = 1;

  while (digits-- > 0)
    result *= 10;

  return result;
}

static char *
with_currency (const char *number,
               gboolean    negative,
               const char *currency)
{
  const char *sign = negative ? "-" : "";

  if (currency == NULL || *currency == '\0')
    return g_strdup_printf ("%s%s", sign, number);

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return g_strdup_printf ("%s%s%s", sign, symbols[i].symbol, number);

  /* TRANSLATORS: an amount followed by its ISO currency code, "1,200 CHF" */
  return g_strdup_printf (_("%s%s %s"), sign, number, currency);
}

static const char *
decimal_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && *point != '\0' ? point : ".";
}

char *
prospect_chart_format_money (gint64      minor,
                             const char *currency)
{
  guint digits = prospect_chart_currency_digits (currency);
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  gint64 unit = power_of_ten (digits);
  g_autofree char *number = NULL;

  if (digits == 0)
    number = g_strdup_printf ("%'" G_GUINT64_FORMAT, magnitude);
  else
    number = g_strdup_printf ("%'" G_GUINT64_FORMAT "%s%0*" G_GUINT64_FORMAT,
                              magnitude / unit, decimal_point (),
                              (int) digits, magnitude % unit);

  return with_currency (number, minor < 0, currency);
}

char *
prospect_chart_format_money_whole (gint64      minor,
                                   const char *currency)
{
  guint64 unit = power_of_ten (prospect_chart_currency_digits (currency));
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  g_autofree char *number = NULL;

  /* Round half away from zero, as people do. */
  number = g_strdup_printf ("%'" G_GUINT64_FORMAT, (magnitude + unit / 2) / unit);

  return with_currency (number, minor < 0, currency);
}

/* "€1.2M", "€350k": for axis ticks and tight labels only; tooltips and
 * accessible descriptions carry the exact amount. */
char *
prospect_chart_format_money_compact (gint64      minor,
                                     const char *currency)
{
  double major = fabs ((double) minor) / power_of_ten (prospect_chart_currency_digits (currency));
  g_autofree char *number = NULL;
  const char *suffix = "";
  double scaled = major;

  if (major >= 999500000.0)
    {
      scaled = major / 1e9;
      /* TRANSLATORS: abbreviation of "billion" in compact amounts, "€1.2B" */
      suffix = C_("amount", "B");
    }
  else if (major >= 999500.0)
    {
      scaled = major / 1e6;
      /* TRANSLATORS: abbreviation of "million" in compact amounts, "€1.2M" */
      suffix = C_("amount", "M");
    }
  else if (major >= 1000.0)
    {
      scaled = major / 1e3;
      /* TRANSLATORS: abbreviation of "thousand" in compact amounts, "€350k" */
      suffix = C_("amount", "k");
    }

  /* One decimal only where it carries information: 1.5k, but 350k and 2k. */
  if (scaled < 10.0 && *suffix != '\0' && fabs (scaled - round (scaled)) >= 0.05)
    number = g_strdup_printf ("%.1f%s", scaled, suffix);
  else
    number = g_strdup_printf ("%'.0f%s", round (scaled), suffix);

  return with_currency (number, minor < 0, currency);
}

char *
prospect_chart_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

char *
prospect_chart_format_percent (double share)
{
  if (!isfinite (share))
    /* TRANSLATORS: shown instead of a rate that cannot be computed */
    return g_strdup (_("n/a"));

  /* TRANSLATORS: a percentage, "42%" */
  return g_strdup_printf (_("%.0f%%"), share * 100.0);
}
