/* prospect-period.c - months, fiscal quarters and fiscal years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-period"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-period.h"

static guint
kind_months (ProspectPeriodKind kind)
{
  switch (kind)
    {
    case PROSPECT_PERIOD_MONTH:
      return 1;
    case PROSPECT_PERIOD_QUARTER:
      return 3;
    case PROSPECT_PERIOD_YEAR:
    default:
      return 12;
    }
}

guint
prospect_fiscal_start_month (ProspectDatabase *db)
{
  g_autofree char *value = prospect_database_get_setting (db, "fiscal-year-start-month");
  guint64 month = 0;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 12, &month, NULL))
    return 1;

  return (guint) month;
}

/* Months since year 0, so that month arithmetic is integer arithmetic. */
static int
month_index (const GDate *day)
{
  return g_date_get_year (day) * 12 + (int) g_date_get_month (day) - 1;
}

static void
init_from_month_index (ProspectPeriod     *self,
                       ProspectPeriodKind  kind,
                       int                 first_month,
                       guint               fiscal_start_month)
{
  int last_month = first_month + (int) kind_months (kind) - 1;

  self->kind = kind;
  self->fiscal_start_month = fiscal_start_month;
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
  g_date_set_dmy (&self->start, 1, first_month % 12 + 1, first_month / 12);
  g_date_set_dmy (&self->end,
                  g_date_get_days_in_month (last_month % 12 + 1, last_month / 12),
                  last_month % 12 + 1, last_month / 12);
}

void
prospect_period_init (ProspectPeriod     *self,
                      ProspectPeriodKind  kind,
                      const GDate        *day,
                      guint               fiscal_start_month)
{
  int month;
  int into_year;

  g_return_if_fail (self != NULL);
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (fiscal_start_month >= 1 && fiscal_start_month <= 12);

  month = month_index (day);
  /* months since the start of the fiscal year that holds day */
  into_year = (month - ((int) fiscal_start_month - 1)) % 12;
  if (into_year < 0)
    into_year += 12;

  switch (kind)
    {
    case PROSPECT_PERIOD_MONTH:
      break;
    case PROSPECT_PERIOD_QUARTER:
      month -= into_year % 3;
      break;
    case PROSPECT_PERIOD_YEAR:
    default:
      month -= into_year;
      break;
    }

  init_from_month_index (self, kind, month, fiscal_start_month);
}

void
prospect_date_set_today (GDate *date)
{
  g_autofree char *today = prospect_clock_today_iso ();

  prospect_date_from_iso (date, today);
}

void
prospect_period_init_today (ProspectPeriod     *self,
                            ProspectPeriodKind  kind,
                            guint               fiscal_start_month)
{
  GDate today;

  prospect_date_set_today (&today);
  prospect_period_init (self, kind, &today, fiscal_start_month);
}

static void
shift (const ProspectPeriod *self,
       ProspectPeriod       *shifted,
       int                   months)
{
  init_from_month_index (shifted, self->kind, month_index (&self->start) + months,
                         self->fiscal_start_month);
}

gboolean
prospect_period_init_custom (ProspectPeriod  *self,
                             const GDate     *start,
                             const GDate     *end,
                             guint            fiscal_start_month,
                             GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (end != NULL && g_date_valid (end), FALSE);
  g_return_val_if_fail (fiscal_start_month >= 1 && fiscal_start_month <= 12, FALSE);

  if (g_date_compare (end, start) < 0)
    {
      prospect_set_invalid_error (error, "period", _("The period ends before it starts"));
      return FALSE;
    }
  if (g_date_days_between (start, end) + 1 > PROSPECT_PERIOD_CUSTOM_MAX_DAYS)
    {
      prospect_set_invalid_error (error, "period", _("A period can be at most ten years long"));
      return FALSE;
    }

  self->kind = PROSPECT_PERIOD_CUSTOM;
  self->fiscal_start_month = fiscal_start_month;
  self->start = *start;
  self->end = *end;
  return TRUE;
}

/* A custom period moved by days (its length stays). */
static void
shift_days (const ProspectPeriod *self,
            ProspectPeriod       *shifted,
            int                   days)
{
  GDate start = self->start;
  GDate end = self->end;

  if (days < 0)
    {
      g_date_subtract_days (&start, (guint) -days);
      g_date_subtract_days (&end, (guint) -days);
    }
  else
    {
      g_date_add_days (&start, (guint) days);
      g_date_add_days (&end, (guint) days);
    }
  *shifted = *self;
  shifted->start = start;
  shifted->end = end;
}

void
prospect_period_previous (const ProspectPeriod *self,
                          ProspectPeriod       *previous)
{
  g_return_if_fail (self != NULL && previous != NULL);

  if (self->kind == PROSPECT_PERIOD_CUSTOM)
    shift_days (self, previous, -(int) prospect_period_get_n_days (self));
  else
    shift (self, previous, -(int) kind_months (self->kind));
}

void
prospect_period_next (const ProspectPeriod *self,
                      ProspectPeriod       *next)
{
  g_return_if_fail (self != NULL && next != NULL);

  if (self->kind == PROSPECT_PERIOD_CUSTOM)
    shift_days (self, next, (int) prospect_period_get_n_days (self));
  else
    shift (self, next, (int) kind_months (self->kind));
}

void
prospect_period_previous_year (const ProspectPeriod *self,
                               ProspectPeriod       *previous)
{
  g_return_if_fail (self != NULL && previous != NULL);

  if (self->kind == PROSPECT_PERIOD_CUSTOM)
    {
      /* GDate clamps the day to the shorter month: 29 Feb -> 28 Feb */
      *previous = *self;
      g_date_subtract_months (&previous->start, 12);
      g_date_subtract_months (&previous->end, 12);
      return;
    }

  shift (self, previous, -12);
}

guint
prospect_period_get_n_days (const ProspectPeriod *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) g_date_days_between (&self->start, &self->end) + 1;
}

gboolean
prospect_period_contains (const ProspectPeriod *self,
                          const GDate          *day)
{
  g_return_val_if_fail (self != NULL && day != NULL, FALSE);

  return g_date_compare (day, &self->start) >= 0 && g_date_compare (day, &self->end) <= 0;
}

guint
prospect_period_get_elapsed_days (const ProspectPeriod *self,
                                  const GDate          *today)
{
  int days;

  g_return_val_if_fail (self != NULL && today != NULL, 0);

  days = g_date_days_between (&self->start, today) + 1;

  return (guint) CLAMP (days, 0, (int) prospect_period_get_n_days (self));
}

gboolean
prospect_period_get_to_date_end (const ProspectPeriod *self,
                                 const GDate          *today,
                                 GDate                *last)
{
  g_return_val_if_fail (self != NULL && today != NULL && last != NULL, FALSE);

  if (g_date_compare (today, &self->start) < 0)
    return FALSE;

  *last = g_date_compare (today, &self->end) > 0 ? self->end : *today;
  return TRUE;
}

gboolean
prospect_period_get_previous_year_to_date (const ProspectPeriod *self,
                                           const GDate          *today,
                                           GDate                *first,
                                           GDate                *last)
{
  ProspectPeriod previous;
  GDate to_date;

  g_return_val_if_fail (self != NULL && today != NULL && first != NULL && last != NULL, FALSE);

  if (!prospect_period_get_to_date_end (self, today, &to_date))
    return FALSE;

  prospect_period_previous_year (self, &previous);
  *first = previous.start;

  /* A whole period compares with the whole period: February 2029 (28
   * days) with all 29 days of February 2028. */
  if (g_date_compare (&to_date, &self->end) == 0)
    {
      *last = previous.end;
      return TRUE;
    }

  /* GDate clamps the day to the shorter month: 29 Feb -> 28 Feb. */
  *last = to_date;
  g_date_subtract_months (last, 12);
  return TRUE;
}

int
prospect_period_get_fiscal_year (const ProspectPeriod *self)
{
  ProspectPeriod year;

  g_return_val_if_fail (self != NULL, 0);

  prospect_period_init (&year, PROSPECT_PERIOD_YEAR, &self->start, self->fiscal_start_month);

  return g_date_get_year (&year.end);
}

static guint
fiscal_quarter (const ProspectPeriod *self)
{
  ProspectPeriod year;

  prospect_period_init (&year, PROSPECT_PERIOD_YEAR, &self->start, self->fiscal_start_month);

  return (guint) (month_index (&self->start) - month_index (&year.start)) / 3 + 1;
}

char *
prospect_period_format (const ProspectPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case PROSPECT_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", g_date_get_year (&self->start),
                              (int) g_date_get_month (&self->start));
    case PROSPECT_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%u", prospect_period_get_fiscal_year (self),
                              fiscal_quarter (self));
    case PROSPECT_PERIOD_CUSTOM:
      {
        g_autofree char *start = prospect_date_to_iso (&self->start);
        g_autofree char *end = prospect_date_to_iso (&self->end);

        return g_strdup_printf ("%s..%s", start, end);
      }
    case PROSPECT_PERIOD_YEAR:
    default:
      return g_strdup_printf ("FY%04d", prospect_period_get_fiscal_year (self));
    }
}

/* "15 Oct – 31 Dec 2026"; both years when they differ. */
static char *
custom_label (const ProspectPeriod *self)
{
  gboolean same_year = g_date_get_year (&self->start) == g_date_get_year (&self->end);
  char first[64], last[64];

  /* TRANSLATORS: the first and last day of a custom period, strftime formats */
  if (g_date_strftime (first, sizeof first, same_year ? _("%-d %b") : _("%-d %b %Y"), &self->start) == 0 ||
      g_date_strftime (last, sizeof last, _("%-d %b %Y"), &self->end) == 0)
    return prospect_period_format (self);

  /* TRANSLATORS: a custom period, e.g. "15 Oct – 31 Dec 2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
prospect_period_get_label (const ProspectPeriod *self)
{
  g_autoptr(GDateTime) first = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case PROSPECT_PERIOD_MONTH:
      first = g_date_time_new_local (g_date_get_year (&self->start),
                                     g_date_get_month (&self->start), 1, 12, 0, 0);
      /* TRANSLATORS: a month as a report period, strftime format */
      return g_date_time_format (first, _("%B %Y"));
    case PROSPECT_PERIOD_QUARTER:
      /* TRANSLATORS: a fiscal quarter, e.g. "Q3 FY2026" */
      return g_strdup_printf (_("Q%u FY%d"), fiscal_quarter (self),
                              prospect_period_get_fiscal_year (self));
    case PROSPECT_PERIOD_CUSTOM:
      return custom_label (self);
    case PROSPECT_PERIOD_YEAR:
    default:
      /* TRANSLATORS: a fiscal year, e.g. "FY2026" */
      return g_strdup_printf (_("FY%d"), prospect_period_get_fiscal_year (self));
    }
}

/* The fiscal year named year starts in the year before it unless it
 * starts in January. */
static int
fiscal_year_first_month (int   year,
                         guint fiscal_start_month)
{
  int start_year = fiscal_start_month == 1 ? year : year - 1;

  return start_year * 12 + (int) fiscal_start_month - 1;
}

static gboolean
parse_number (const char *text,
              guint       digits,
              guint       min,
              guint       max,
              guint      *value)
{
  guint64 number;

  if (strlen (text) != digits)
    return FALSE;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    return FALSE;

  *value = (guint) number;
  return TRUE;
}

static gboolean
parse_relative (const char     *text,
                guint           fiscal_start_month,
                ProspectPeriod *period)
{
  static const struct { const char *name; ProspectPeriodKind kind; } kinds[] = {
    { "month", PROSPECT_PERIOD_MONTH },
    { "quarter", PROSPECT_PERIOD_QUARTER },
    { "year", PROSPECT_PERIOD_YEAR },
  };
  static const struct { const char *name; int step; } steps[] = {
    { "this-", 0 }, { "previous-", -1 }, { "last-", -1 }, { "next-", 1 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      if (!g_str_has_prefix (text, steps[s].name))
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          ProspectPeriod current;

          if (!g_str_equal (text + strlen (steps[s].name), kinds[k].name))
            continue;

          prospect_period_init_today (&current, kinds[k].kind, fiscal_start_month);
          if (steps[s].step < 0)
            prospect_period_previous (&current, period);
          else if (steps[s].step > 0)
            prospect_period_next (&current, period);
          else
            *period = current;
          return TRUE;
        }
    }

  return FALSE;
}

/* "2026-10-15..2026-12-31". A span that is not a valid one is an error
 * of its own, so that the message says what is wrong with it. */
static gboolean
parse_custom (const char      *text,
              guint            fiscal_start_month,
              ProspectPeriod  *period,
              gboolean        *is_span,
              GError         **error)
{
  g_auto(GStrv) days = g_strsplit (text, "..", -1);
  GDate start, end;

  *is_span = g_strv_length (days) == 2;
  if (!*is_span)
    return FALSE;

  g_strstrip (days[0]);
  g_strstrip (days[1]);
  if (!prospect_date_from_iso (&start, days[0]) || !prospect_date_from_iso (&end, days[1]))
    {
      prospect_set_invalid_error (error, "period",
                                  _("“%s” is not a span of days: write it as 2026-10-15..2026-12-31"),
                                  text);
      return FALSE;
    }

  return prospect_period_init_custom (period, &start, &end, fiscal_start_month, error);
}

static gboolean
parse_absolute (const char     *text,
                guint           fiscal_start_month,
                ProspectPeriod *period)
{
  g_auto(GStrv) parts = NULL;
  guint year, number;

  if (g_str_has_prefix (text, "fy"))
    {
      if (!parse_number (text + 2, 4, 1, 9998, &year))
        return FALSE;
      init_from_month_index (period, PROSPECT_PERIOD_YEAR,
                             fiscal_year_first_month (year, fiscal_start_month),
                             fiscal_start_month);
      return TRUE;
    }

  parts = g_strsplit (text, "-", -1);
  if (g_strv_length (parts) != 2 || !parse_number (parts[0], 4, 1, 9998, &year))
    return FALSE;

  if (parts[1][0] == 'q')
    {
      if (!parse_number (parts[1] + 1, 1, 1, 4, &number))
        return FALSE;
      init_from_month_index (period, PROSPECT_PERIOD_QUARTER,
                             fiscal_year_first_month (year, fiscal_start_month) + 3 * ((int) number - 1),
                             fiscal_start_month);
      return TRUE;
    }

  if (!parse_number (parts[1], 2, 1, 12, &number))
    return FALSE;
  init_from_month_index (period, PROSPECT_PERIOD_MONTH, (int) year * 12 + (int) number - 1,
                         fiscal_start_month);
  return TRUE;
}

gboolean
prospect_period_parse (const char      *text,
                       guint            fiscal_start_month,
                       ProspectPeriod  *period,
                       GError         **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;
  gboolean is_span;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (fiscal_start_month >= 1 && fiscal_start_month <= 12, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  lower = g_ascii_strdown (trimmed, -1);
  if (parse_custom (lower, fiscal_start_month, period, &is_span, error))
    return TRUE;
  if (is_span)
    return FALSE;
  if (parse_relative (lower, fiscal_start_month, period) ||
      parse_absolute (lower, fiscal_start_month, period))
    return TRUE;

  prospect_set_invalid_error (error, "period",
                              _("“%s” is not a period: use a month like 2026-11, a fiscal quarter "
                                "like 2026-Q3, a fiscal year like FY2026, a span of days like "
                                "2026-10-15..2026-12-31, or this-quarter, previous-month, "
                                "next-year and the like"),
                              text);
  return FALSE;
}

char *
prospect_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          (int) g_date_get_month (date), g_date_get_day (date));
}

gboolean
prospect_date_from_iso (GDate      *date,
                        const char *iso)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-' ||
      sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gint64
prospect_date_to_local_ms (const GDate *date)
{
  g_autoptr(GDateTime) midnight = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  midnight = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                    g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (midnight) * 1000;
}
