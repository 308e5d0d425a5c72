/* prospect-import-values.c - dates and amounts as other tools write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-import-values"

#include "config.h"

#include <string.h>

#include "prospect-import-values.h"

#define MAX_AMOUNT_DIGITS 15 /* well inside gint64 once in cents */
#define MONTHS_PER_YEAR   12

typedef struct
{
  const char *sign;
  const char *code;
} CurrencySign;

static const CurrencySign currency_signs[] = {
  { "US$", "USD" },
  { "$", "USD" },
  { "€", "EUR" },
  { "£", "GBP" },
  { "¥", "JPY" },
  { "CHF", "CHF" },
};

/* ---- dates ---------------------------------------------------------------- */

/* Splits "a<sep>b<sep>c" of digits; the date ends at a space or a 'T'. */
static gboolean
split_date (const char *text,
            guint       parts[3],
            guint       digits[3],
            char       *separator)
{
  const char *p = text;

  *separator = '\0';
  for (guint i = 0; i < 3; i++)
    {
      parts[i] = 0;
      digits[i] = 0;
      while (g_ascii_isdigit (*p) && digits[i] < 5)
        {
          parts[i] = parts[i] * 10 + (guint) (*p - '0');
          digits[i]++;
          p++;
        }
      if (digits[i] == 0)
        return FALSE;

      if (i < 2)
        {
          if (*p != '-' && *p != '/' && *p != '.')
            return FALSE;
          if (*separator != '\0' && *p != *separator)
            return FALSE;
          *separator = *p;
          p++;
        }
    }

  return *p == '\0' || *p == ' ' || *p == 'T';
}

static gboolean
write_iso (guint year,
           guint month,
           guint day,
           char  iso[11])
{
  if (year < 1000 || year > 9999 || month < 1 || month > MONTHS_PER_YEAR || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_snprintf (iso, 11, "%04u-%02u-%02u", year, month, day);
  return TRUE;
}

gboolean
prospect_import_parse_date (const char        *text,
                            ProspectDateOrder  order,
                            char               iso[11])
{
  guint parts[3];
  guint digits[3];
  char separator;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*text == ' ')
    text++;

  if (!split_date (text, parts, digits, &separator))
    return FALSE;

  if (separator == '-' && digits[0] == 4)
    return write_iso (parts[0], parts[1], parts[2], iso);

  if (digits[2] != 4 || separator == '-')
    return FALSE;

  if (separator == '.' || order == PROSPECT_DATE_ORDER_DMY)
    return write_iso (parts[2], parts[1], parts[0], iso);

  return write_iso (parts[2], parts[0], parts[1], iso);
}

gboolean
prospect_import_guess_date_order (const char * const *values,
                                  guint               n_values,
                                  ProspectDateOrder   fallback,
                                  ProspectDateOrder  *order)
{
  gboolean day_first = FALSE;
  gboolean month_first = FALSE;

  for (guint i = 0; i < n_values; i++)
    {
      guint parts[3];
      guint digits[3];
      char separator;

      if (values[i] == NULL || !split_date (values[i], parts, digits, &separator) || separator != '/')
        continue;

      if (parts[0] > MONTHS_PER_YEAR)
        day_first = TRUE;
      if (parts[1] > MONTHS_PER_YEAR)
        month_first = TRUE;
    }

  if (day_first && month_first)
    return FALSE;

  if (day_first)
    *order = PROSPECT_DATE_ORDER_DMY;
  else if (month_first)
    *order = PROSPECT_DATE_ORDER_MDY;
  else
    *order = fallback == PROSPECT_DATE_ORDER_UNKNOWN ? PROSPECT_DATE_ORDER_MDY : fallback;

  return TRUE;
}

/* ---- amounts -------------------------------------------------------------- */

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

/* Removes a currency sign or an ISO code at either end of [*start, *end). */
static void
strip_currency (const char **start,
                const char **end,
                char         currency[4])
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_signs); i++)
    {
      gsize len = strlen (currency_signs[i].sign);

      if ((gsize) (*end - *start) > len && strncmp (*start, currency_signs[i].sign, len) == 0)
        {
          *start += len;
          g_strlcpy (currency, currency_signs[i].code, 4);
          return;
        }
      if ((gsize) (*end - *start) > len && strncmp (*end - len, currency_signs[i].sign, len) == 0)
        {
          *end -= len;
          g_strlcpy (currency, currency_signs[i].code, 4);
          return;
        }
    }

  if (*end - *start > 3 && g_ascii_isupper ((*start)[0]) && g_ascii_isupper ((*start)[1]) &&
      g_ascii_isupper ((*start)[2]))
    {
      g_strlcpy (currency, *start, 4);
      *start += 3;
    }
  else if (*end - *start > 3 && g_ascii_isupper ((*end)[-1]) && g_ascii_isupper ((*end)[-2]) &&
           g_ascii_isupper ((*end)[-3]))
    {
      g_strlcpy (currency, *end - 3, 4);
      *end -= 3;
    }
}

/* Keeps digits, '.' and ','; drops spaces, no-break spaces and apostrophes
 * used as grouping. FALSE on anything else. */
static gboolean
collect_number (const char *start,
                const char *end,
                GString    *out)
{
  const char *p = start;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;

      if (g_ascii_isdigit (c) || c == '.' || c == ',')
        g_string_append_c (out, (char) c);
      else if (c != ' ' && c != '\'' && c != 0x00A0 && c != 0x202F)
        return FALSE;

      p = g_utf8_next_char (p);
    }

  return out->len > 0;
}

/* With both '.' and ',' the later one is the decimal mark. With one kind
 * only: several of them are grouping; a single one between one to three
 * digits and exactly three is grouping ("1,500", "12.000"), otherwise it
 * is the decimal mark ("1234.565", "1,5"). */
static char
decimal_mark (const char *number)
{
  const char *last_dot = strrchr (number, '.');
  const char *last_comma = strrchr (number, ',');
  const char *mark;

  if (last_dot != NULL && last_comma != NULL)
    return last_dot > last_comma ? '.' : ',';

  mark = last_dot != NULL ? last_dot : last_comma;
  if (mark == NULL)
    return '\0';

  if (strchr (number, *mark) != mark)
    return '\0';
  if (strlen (mark + 1) == 3 && mark - number >= 1 && mark - number <= 3)
    return '\0';

  return *mark;
}

static gboolean
digits_to_minor (const char *number,
                 char        mark,
                 gint64     *minor_units)
{
  gint64 whole = 0;
  gint64 fraction = 0;
  guint whole_digits = 0;
  guint fraction_digits = 0;
  gboolean round_up = FALSE;
  gboolean after_mark = FALSE;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (*p == mark)
        {
          if (after_mark)
            return FALSE;
          after_mark = TRUE;
        }
      else if (*p == '.' || *p == ',')
        {
          if (after_mark)
            return FALSE;   /* grouping after the decimal mark */
        }
      else if (!after_mark)
        {
          if (++whole_digits > MAX_AMOUNT_DIGITS)
            return FALSE;
          whole = whole * 10 + (*p - '0');
        }
      else if (fraction_digits < 2)
        {
          fraction = fraction * 10 + (*p - '0');
          fraction_digits++;
        }
      else if (fraction_digits++ == 2)
        round_up = *p >= '5';
    }

  if (whole_digits == 0 && fraction_digits == 0)
    return FALSE;

  if (fraction_digits == 1)
    fraction *= 10;

  *minor_units = whole * 100 + fraction + (round_up ? 1 : 0);
  return TRUE;
}

gboolean
prospect_import_parse_amount (const char *text,
                              gint64     *minor_units,
                              char        currency[4])
{
  g_autoptr(GString) number = g_string_new (NULL);
  const char *start;
  const char *end;

  g_return_val_if_fail (text != NULL, FALSE);

  currency[0] = '\0';
  start = skip_spaces (text);
  end = start + strlen (start);
  while (end > start && end[-1] == ' ')
    end--;

  strip_currency (&start, &end, currency);

  if (!collect_number (start, end, number))
    return FALSE;

  return digits_to_minor (number->str, decimal_mark (number->str), minor_units);
}

gboolean
prospect_import_parse_percent (const char *text,
                               int        *percent)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  guint64 value;

  if (len > 0 && copy[len - 1] == '%')
    copy[--len] = '\0';
  g_strchomp (copy);

  if (!g_ascii_string_to_unsigned (copy, 10, 0, 100, &value, NULL))
    return FALSE;

  *percent = (int) value;
  return TRUE;
}

gboolean
prospect_import_parse_bool (const char *text,
                            gboolean   *value)
{
  static const char * const yes[] = { "true", "1", "yes", "y" };
  static const char * const no[] = { "false", "0", "no", "n" };
  g_autofree char *copy = g_strstrip (g_ascii_strdown (text, -1));

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (copy, yes[i]))
      return (*value = TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (copy, no[i]))
      {
        *value = FALSE;
        return TRUE;
      }

  return FALSE;
}
