/* test-period.c - months, fiscal quarters and years, "to date" and the
 * same span of the previous fiscal year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (prospect_date_from_iso (&date, iso));
  return date;
}

static void
assert_span (const ProspectPeriod *period,
             const char           *start,
             const char           *end)
{
  g_autofree char *first = prospect_date_to_iso (&period->start);
  g_autofree char *last = prospect_date_to_iso (&period->end);

  g_assert_cmpstr (first, ==, start);
  g_assert_cmpstr (last, ==, end);
}

static void
assert_name (const ProspectPeriod *period,
             const char           *name)
{
  g_autofree char *text = prospect_period_format (period);

  g_assert_cmpstr (text, ==, name);
}

static void
set_today (const char *iso)
{
  GDate date = day (iso);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                     g_date_get_day (&date), 12, 0, 0);

  prospect_clock_set_fake_ms (g_date_time_to_unix (noon) * 1000);
}

/* A fiscal year starting in April is named by the year it ends in. */
static void
test_fiscal_april (void)
{
  GDate today = day ("2026-11-23");
  ProspectPeriod period;

  prospect_period_init (&period, PROSPECT_PERIOD_YEAR, &today, 4);
  assert_span (&period, "2026-04-01", "2027-03-31");
  assert_name (&period, "FY2027");
  g_assert_cmpint (prospect_period_get_fiscal_year (&period), ==, 2027);

  prospect_period_init (&period, PROSPECT_PERIOD_QUARTER, &today, 4);
  assert_span (&period, "2026-10-01", "2026-12-31");
  assert_name (&period, "2027-Q3");

  prospect_period_init (&period, PROSPECT_PERIOD_MONTH, &today, 4);
  assert_span (&period, "2026-11-01", "2026-11-30");
  assert_name (&period, "2026-11");

  /* January start: the fiscal year is the calendar year */
  prospect_period_init (&period, PROSPECT_PERIOD_YEAR, &today, 1);
  assert_span (&period, "2026-01-01", "2026-12-31");
  assert_name (&period, "FY2026");
}

static void
test_quarter_boundaries (void)
{
  struct {
    const char *day;
    guint fiscal_start;
    const char *start, *end, *name;
  } cases[] = {
    { "2026-03-31", 1, "2026-01-01", "2026-03-31", "2026-Q1" },
    { "2026-04-01", 1, "2026-04-01", "2026-06-30", "2026-Q2" },
    { "2026-03-31", 4, "2026-01-01", "2026-03-31", "2026-Q4" },
    { "2026-04-01", 4, "2026-04-01", "2026-06-30", "2027-Q1" },
    /* February start: the quarter across the new year is Q4 of FY2026 */
    { "2026-01-15", 2, "2025-11-01", "2026-01-31", "2026-Q4" },
    { "2026-02-01", 2, "2026-02-01", "2026-04-30", "2027-Q1" },
    { "2026-12-31", 12, "2026-12-01", "2027-02-28", "2027-Q1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = day (cases[i].day);
      ProspectPeriod period;

      prospect_period_init (&period, PROSPECT_PERIOD_QUARTER, &date, cases[i].fiscal_start);
      assert_span (&period, cases[i].start, cases[i].end);
      assert_name (&period, cases[i].name);
      g_assert_cmpuint (prospect_period_get_n_days (&period), ==,
                        g_date_days_between (&period.start, &period.end) + 1);
    }
}

static void
test_previous_next (void)
{
  GDate date = day ("2026-01-31");
  ProspectPeriod period, other;

  prospect_period_init (&period, PROSPECT_PERIOD_MONTH, &date, 1);
  prospect_period_next (&period, &other);
  assert_span (&other, "2026-02-01", "2026-02-28");
  prospect_period_previous (&period, &other);
  assert_span (&other, "2025-12-01", "2025-12-31");

  prospect_period_init (&period, PROSPECT_PERIOD_QUARTER, &date, 4);
  assert_name (&period, "2026-Q4");
  prospect_period_next (&period, &other);
  assert_name (&other, "2027-Q1");
  assert_span (&other, "2026-04-01", "2026-06-30");
  prospect_period_previous (&period, &other);
  assert_span (&other, "2025-10-01", "2025-12-31");

  prospect_period_init (&period, PROSPECT_PERIOD_YEAR, &date, 4);
  prospect_period_previous_year (&period, &other);
  assert_span (&other, "2024-04-01", "2025-03-31");
  assert_name (&other, "FY2025");
}

static void
test_leap_years (void)
{
  struct { const char *day; guint n_days; } months[] = {
    { "2028-02-10", 29 }, { "2027-02-10", 28 }, { "2100-02-10", 28 }, { "2000-02-10", 29 },
  };
  GDate date = day ("2028-06-01");
  ProspectPeriod period, previous;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      GDate month_day = day (months[i].day);

      prospect_period_init (&period, PROSPECT_PERIOD_MONTH, &month_day, 1);
      g_assert_cmpuint (prospect_period_get_n_days (&period), ==, months[i].n_days);
    }

  prospect_period_init (&period, PROSPECT_PERIOD_YEAR, &date, 1);
  g_assert_cmpuint (prospect_period_get_n_days (&period), ==, 366);
  /* an April year holds the leap day of the year it ends in */
  prospect_period_init (&period, PROSPECT_PERIOD_YEAR, &date, 4);
  g_assert_cmpuint (prospect_period_get_n_days (&period), ==, 365);
  prospect_period_previous_year (&period, &previous);
  g_assert_cmpuint (prospect_period_get_n_days (&previous), ==, 366);
}

static void
assert_previous_span (const ProspectPeriod *period,
                      const char           *today,
                      const char           *start,
                      const char           *end)
{
  GDate today_date = day (today);
  GDate first, last;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;

  g_assert_true (prospect_period_get_previous_year_to_date (period, &today_date, &first, &last));
  first_iso = prospect_date_to_iso (&first);
  last_iso = prospect_date_to_iso (&last);
  g_assert_cmpstr (first_iso, ==, start);
  g_assert_cmpstr (last_iso, ==, end);
}

static void
test_to_date (void)
{
  GDate date = day ("2026-11-23");
  GDate before = day ("2026-09-30");
  GDate after = day ("2027-01-05");
  GDate last;
  ProspectPeriod period;

  prospect_period_init (&period, PROSPECT_PERIOD_QUARTER, &date, 4);
  g_assert_true (prospect_period_get_to_date_end (&period, &date, &last));
  g_assert_cmpint (g_date_compare (&last, &date), ==, 0);
  /* 31 days of October + 23 of November */
  g_assert_cmpuint (prospect_period_get_elapsed_days (&period, &date), ==, 54);
  g_assert_cmpuint (prospect_period_get_n_days (&period), ==, 92);

  g_assert_false (prospect_period_get_to_date_end (&period, &before, &last));
  g_assert_cmpuint (prospect_period_get_elapsed_days (&period, &before), ==, 0);
  g_assert_false (prospect_period_get_previous_year_to_date (&period, &before, &last, &last));

  g_assert_true (prospect_period_get_to_date_end (&period, &after, &last));
  g_assert_cmpint (g_date_compare (&last, &period.end), ==, 0);
  g_assert_cmpuint (prospect_period_get_elapsed_days (&period, &after), ==, 92);

  assert_previous_span (&period, "2026-11-23", "2025-10-01", "2025-11-23");
}

/* The previous-year span clamps month ends: 29 Feb -> 28 Feb, and a whole
 * period maps to the whole period. */
static void
test_previous_year_month_ends (void)
{
  GDate feb_2028 = day ("2028-02-15");
  GDate feb_2029 = day ("2029-02-15");
  ProspectPeriod period;

  prospect_period_init (&period, PROSPECT_PERIOD_YEAR, &feb_2028, 1);
  assert_previous_span (&period, "2028-02-29", "2027-01-01", "2027-02-28");

  prospect_period_init (&period, PROSPECT_PERIOD_MONTH, &feb_2029, 1);
  /* February 2029 has ended: all of it against all 29 days of 2028 */
  assert_previous_span (&period, "2029-03-05", "2028-02-01", "2028-02-29");
  assert_previous_span (&period, "2029-02-28", "2028-02-01", "2028-02-29");
  assert_previous_span (&period, "2029-02-27", "2028-02-01", "2028-02-27");

  /* an April year, to date in January, across the calendar year */
  prospect_period_init (&period, PROSPECT_PERIOD_YEAR, &feb_2029, 4);
  assert_span (&period, "2028-04-01", "2029-03-31");
  assert_previous_span (&period, "2029-01-31", "2027-04-01", "2028-01-31");
}

static void
test_parse (void)
{
  struct {
    const char *text;
    guint fiscal_start;
    const char *start, *end;
  } good[] = {
    { "2026-Q3", 1, "2026-07-01", "2026-09-30" },
    { "2027-q3", 4, "2026-10-01", "2026-12-31" },
    { "FY2026", 1, "2026-01-01", "2026-12-31" },
    { "fy2027", 4, "2026-04-01", "2027-03-31" },
    { "2026-11", 4, "2026-11-01", "2026-11-30" },
    { " this-quarter ", 4, "2026-10-01", "2026-12-31" },
    { "previous-month", 1, "2026-10-01", "2026-10-31" },
    { "last-quarter", 1, "2026-07-01", "2026-09-30" },
    { "next-year", 4, "2027-04-01", "2028-03-31" },
    { "this-month", 1, "2026-11-01", "2026-11-30" },
  };
  const char *bad[] = { "2026-13", "2026-Q5", "2026-Q0", "FY26", "quarter", "", "2026", "2026-11-01", "this-week" };

  set_today ("2026-11-23");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      ProspectPeriod period, again;
      g_autofree char *name = NULL;

      g_assert_true (prospect_period_parse (good[i].text, good[i].fiscal_start, &period, &error));
      g_assert_no_error (error);
      assert_span (&period, good[i].start, good[i].end);

      /* the machine name reads back as the same period */
      name = prospect_period_format (&period);
      g_assert_true (prospect_period_parse (name, good[i].fiscal_start, &again, NULL));
      g_assert_cmpint (again.kind, ==, period.kind);
      g_assert_cmpint (g_date_compare (&again.start, &period.start), ==, 0);
      g_assert_cmpint (g_date_compare (&again.end, &period.end), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      ProspectPeriod period = { 0 };

      g_assert_false (prospect_period_parse (bad[i], 1, &period, &error));
      g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2026-Q3"));
      g_assert_false (g_date_valid (&period.start));
    }

  prospect_clock_set_fake_ms (0);
}

/* A custom span keeps its length when stepped, moves back twelve months
 * for the previous year, and reads back from its machine name. */
static void
test_custom (void)
{
  const char *bad[] = {
    "2026-12-31..2026-10-01",   /* ends before it starts */
    "2026-02-30..2026-03-01",   /* no 30 February */
    "2010-01-01..2026-01-01",   /* longer than ten years */
    "2026-10-15..",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  ProspectPeriod period, other;
  GDate first, last;

  g_assert_true (prospect_period_parse ("2026-10-15..2026-12-31", 4, &period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.kind, ==, PROSPECT_PERIOD_CUSTOM);
  g_assert_cmpuint (prospect_period_get_n_days (&period), ==, 78);
  assert_name (&period, "2026-10-15..2026-12-31");
  label = prospect_period_get_label (&period);
  g_assert_cmpstr (label, ==, "15 Oct – 31 Dec 2026");
  /* the fiscal year of its first day: April start, so FY2027 */
  g_assert_cmpint (prospect_period_get_fiscal_year (&period), ==, 2027);

  prospect_period_previous (&period, &other);
  assert_span (&other, "2026-07-29", "2026-10-14");
  prospect_period_next (&period, &other);
  assert_span (&other, "2027-01-01", "2027-03-19");
  prospect_period_previous_year (&period, &other);
  assert_span (&other, "2025-10-15", "2025-12-31");

  /* to date on 23 Nov, and the same span a year before */
  set_today ("2026-11-23");
  first = day ("2026-11-23");
  g_assert_true (prospect_period_get_previous_year_to_date (&period, &first, &first, &last));
  g_assert_cmpint (g_date_compare (&first, &other.start), ==, 0);
  {
    g_autofree char *last_text = prospect_date_to_iso (&last);
    g_assert_cmpstr (last_text, ==, "2025-11-23");
  }
  prospect_clock_set_fake_ms (0);

  /* a leap day moves to 28 February */
  g_assert_true (prospect_period_parse ("2028-02-29..2028-03-10", 1, &period, NULL));
  prospect_period_previous_year (&period, &other);
  assert_span (&other, "2027-02-28", "2027-03-10");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;

      g_assert_false (prospect_period_parse (bad[i], 1, &other, &bad_error));
      g_assert_error (bad_error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
      g_test_message ("%s: %s", bad[i], bad_error->message);
    }
}

static void
test_fiscal_setting (void)
{
  g_autoptr(ProspectDatabase) db = test_db_open_fresh ("fiscal.db");

  g_assert_cmpuint (prospect_fiscal_start_month (db), ==, 1);
  g_assert_true (prospect_database_set_setting (db, "fiscal-year-start-month", "4", NULL));
  g_assert_cmpuint (prospect_fiscal_start_month (db), ==, 4);
  g_assert_true (prospect_database_set_setting (db, "fiscal-year-start-month", "13", NULL));
  g_assert_cmpuint (prospect_fiscal_start_month (db), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/period/fiscal-april", test_fiscal_april);
  g_test_add_func ("/core/period/quarter-boundaries", test_quarter_boundaries);
  g_test_add_func ("/core/period/previous-next", test_previous_next);
  g_test_add_func ("/core/period/leap-years", test_leap_years);
  g_test_add_func ("/core/period/to-date", test_to_date);
  g_test_add_func ("/core/period/previous-year-month-ends", test_previous_year_month_ends);
  g_test_add_func ("/core/period/parse", test_parse);
  g_test_add_func ("/core/period/custom", test_custom);
  g_test_add_func ("/core/period/fiscal-setting", test_fiscal_setting);

  return g_test_run ();
}
