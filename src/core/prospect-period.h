/* prospect-period.h - months, fiscal quarters and fiscal years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"

G_BEGIN_DECLS

/* A period is a span of whole calendar days, first and last day included.
 *
 * Definitions (README, "Reports"):
 *  - the fiscal year starts on the 1st of the "fiscal-year-start-month"
 *    setting (1-12, default 1 = January) and is named by the calendar year
 *    in which it ENDS: with an April start, FY2027 runs from 1 April 2026
 *    to 31 March 2027 (with a January start, FY2026 is the year 2026);
 *  - quarters are fiscal: Q1 is the first three months of the fiscal year,
 *    and "2027-Q1" is the first quarter of FY2027;
 *  - months are calendar months: "2026-11" is November 2026;
 *  - "to date" is from the first day of the period through today (a period
 *    that has not begun has no "to date"; one that has ended is whole);
 *  - the same span of the previous fiscal year is the to-date span moved
 *    back twelve months: a day keeps its day of the month, clamped to the
 *    month's length (29 Feb 2028 -> 28 Feb 2027), and a whole period maps
 *    to the whole period a year earlier (all of Feb 2029 -> all of Feb
 *    2028, 29 days).
 *
 * Plain data: copy it by value. */
typedef enum
{
  PROSPECT_PERIOD_MONTH,
  PROSPECT_PERIOD_QUARTER,
  PROSPECT_PERIOD_YEAR,        /* fiscal year */
  PROSPECT_PERIOD_CUSTOM,      /* any span of whole days */
} ProspectPeriodKind;

/* The longest custom period, in days: ten years and leap days. */
#define PROSPECT_PERIOD_CUSTOM_MAX_DAYS 3653

typedef struct
{
  ProspectPeriodKind kind;
  guint              fiscal_start_month;  /* 1-12 */
  GDate              start;               /* first day */
  GDate              end;                 /* last day, included */
} ProspectPeriod;

/* The "fiscal-year-start-month" setting, 1 when unset or not 1-12. */
guint     prospect_fiscal_start_month        (ProspectDatabase     *db);

/* The period of kind that contains day. */
void      prospect_period_init               (ProspectPeriod       *self,
                                              ProspectPeriodKind    kind,
                                              const GDate          *day,
                                              guint                 fiscal_start_month);
/* The period of kind that contains today (prospect_clock_today_iso()). */
void      prospect_period_init_today         (ProspectPeriod       *self,
                                              ProspectPeriodKind    kind,
                                              guint                 fiscal_start_month);

/* A custom period from start through end (both included). FALSE and an
 * INVALID error on field "period" when end is before start or the span
 * is longer than PROSPECT_PERIOD_CUSTOM_MAX_DAYS. */
gboolean  prospect_period_init_custom        (ProspectPeriod       *self,
                                              const GDate          *start,
                                              const GDate          *end,
                                              guint                 fiscal_start_month,
                                              GError              **error);

/* The period of the same kind just before / just after (for a custom
 * period, the span of as many days that ends the day before it starts /
 * starts the day after it ends). */
void      prospect_period_previous           (const ProspectPeriod *self,
                                              ProspectPeriod       *previous);
void      prospect_period_next               (const ProspectPeriod *self,
                                              ProspectPeriod       *next);
/* The same period of the previous fiscal year (12 months earlier; a
 * custom period's days move back twelve months, 29 Feb to 28 Feb). */
void      prospect_period_previous_year      (const ProspectPeriod *self,
                                              ProspectPeriod       *previous);

guint     prospect_period_get_n_days         (const ProspectPeriod *self);
gboolean  prospect_period_contains           (const ProspectPeriod *self,
                                              const GDate          *day);
/* Days from the start through today, 0 before the start, n_days after the
 * end: elapsed / n_days is the share of the period behind us. */
guint     prospect_period_get_elapsed_days   (const ProspectPeriod *self,
                                              const GDate          *today);
/* The last day of "to date" (today, or the end for a period that has
 * ended). FALSE when the period has not begun. */
gboolean  prospect_period_get_to_date_end    (const ProspectPeriod *self,
                                              const GDate          *today,
                                              GDate                *last);
/* The same span of the previous fiscal year as "to date". FALSE when the
 * period has not begun. */
gboolean  prospect_period_get_previous_year_to_date (const ProspectPeriod *self,
                                                     const GDate          *today,
                                                     GDate                *first,
                                                     GDate                *last);
/* The fiscal year the period belongs to, by the naming above (a custom
 * period: the fiscal year of its first day). */
int       prospect_period_get_fiscal_year    (const ProspectPeriod *self);

/* Machine-readable name: "2026-11", "2026-Q3", "FY2026",
 * "2026-10-15..2026-12-31". */
char     *prospect_period_format             (const ProspectPeriod *self);
/* For people: "November 2026", "Q3 FY2026", "FY2026",
 * "15 Oct – 31 Dec 2026". */
char     *prospect_period_get_label          (const ProspectPeriod *self);

/* Parses "2026-11", "2026-Q3", "FY2026" (case does not matter), a custom
 * span "2026-10-15..2026-12-31", or one of
 * this-month, this-quarter, this-year, previous-month (or last-month),
 * previous-quarter, previous-year, next-month, next-quarter, next-year,
 * relative to today. "year" is always the fiscal year. On failure sets a
 * PROSPECT_ERROR_INVALID error that says what is accepted. */
gboolean  prospect_period_parse              (const char           *text,
                                              guint                 fiscal_start_month,
                                              ProspectPeriod       *period,
                                              GError              **error);

/* Date helpers shared by the analytics. */
char     *prospect_date_to_iso               (const GDate          *date);
gboolean  prospect_date_from_iso             (GDate                *date,
                                              const char           *iso);
/* UTC ms of local midnight at the start of date. */
gint64    prospect_date_to_local_ms          (const GDate          *date);
/* Today by prospect_clock_today_iso(). */
void      prospect_date_set_today            (GDate                *date);

G_END_DECLS
