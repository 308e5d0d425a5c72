/* test-import-values.c - CSV reading, dates and amounts as files write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prospect-csv-reader.h"
#include "prospect-import-values.h"

static void
assert_date (const char        *text,
             ProspectDateOrder  order,
             const char        *expected)
{
  char iso[11] = "";
  gboolean ok = prospect_import_parse_date (text, order, iso);

  g_test_message ("%s", text);
  if (expected == NULL)
    g_assert_false (ok);
  else
    {
      g_assert_true (ok);
      g_assert_cmpstr (iso, ==, expected);
    }
}

static void
test_dates (void)
{
  assert_date ("2017-10-20", PROSPECT_DATE_ORDER_MDY, "2017-10-20");
  assert_date ("2017-10-20 09:30", PROSPECT_DATE_ORDER_MDY, "2017-10-20");
  assert_date ("2017-10-20T09:30:00Z", PROSPECT_DATE_ORDER_MDY, "2017-10-20");
  assert_date ("10/20/2017", PROSPECT_DATE_ORDER_MDY, "2017-10-20");
  assert_date ("3/4/2017", PROSPECT_DATE_ORDER_MDY, "2017-03-04");
  assert_date ("3/4/2017", PROSPECT_DATE_ORDER_DMY, "2017-04-03");
  assert_date ("20.10.2017", PROSPECT_DATE_ORDER_MDY, "2017-10-20");
  assert_date ("1/5/2026 10:22 AM", PROSPECT_DATE_ORDER_MDY, "2026-01-05");
  assert_date ("2016-02-29", PROSPECT_DATE_ORDER_MDY, "2016-02-29");
  assert_date ("2017-02-29", PROSPECT_DATE_ORDER_MDY, NULL);
  assert_date ("2017-13-01", PROSPECT_DATE_ORDER_MDY, NULL);
  assert_date ("20/10/2017", PROSPECT_DATE_ORDER_MDY, NULL);
  assert_date ("10/20/17", PROSPECT_DATE_ORDER_MDY, NULL);
  assert_date ("2017/10/20x", PROSPECT_DATE_ORDER_MDY, NULL);
  assert_date ("next week", PROSPECT_DATE_ORDER_MDY, NULL);
  assert_date ("", PROSPECT_DATE_ORDER_MDY, NULL);
}

static void
test_date_order (void)
{
  const char * const day_first[] = { "01/02/2017", NULL, "13/02/2017", "05/06/2017" };
  const char * const month_first[] = { "01/02/2017", "02/13/2017" };
  const char * const undecided[] = { "01/02/2017", "03/04/2017" };
  const char * const contradiction[] = { "13/01/2017", "01/13/2017" };
  ProspectDateOrder order;

  g_assert_true (prospect_import_guess_date_order (day_first, G_N_ELEMENTS (day_first),
                                                   PROSPECT_DATE_ORDER_UNKNOWN, &order));
  g_assert_cmpint (order, ==, PROSPECT_DATE_ORDER_DMY);
  g_assert_true (prospect_import_guess_date_order (month_first, G_N_ELEMENTS (month_first),
                                                   PROSPECT_DATE_ORDER_DMY, &order));
  g_assert_cmpint (order, ==, PROSPECT_DATE_ORDER_MDY);
  g_assert_true (prospect_import_guess_date_order (undecided, G_N_ELEMENTS (undecided),
                                                   PROSPECT_DATE_ORDER_UNKNOWN, &order));
  g_assert_cmpint (order, ==, PROSPECT_DATE_ORDER_MDY);
  g_assert_true (prospect_import_guess_date_order (undecided, G_N_ELEMENTS (undecided),
                                                   PROSPECT_DATE_ORDER_DMY, &order));
  g_assert_cmpint (order, ==, PROSPECT_DATE_ORDER_DMY);
  g_assert_false (prospect_import_guess_date_order (contradiction, G_N_ELEMENTS (contradiction),
                                                    PROSPECT_DATE_ORDER_UNKNOWN, &order));
}

static void
test_amounts (void)
{
  const struct {
    const char *text;
    gint64      cents;     /* -1: refused */
    const char *currency;
  } cases[] = {
    { "1234", 123400, "" },
    { "1234.5", 123450, "" },
    { "1234.56", 123456, "" },
    { "1234.565", 123457, "" },
    { "0.99", 99, "" },
    { "$1,234.50", 123450, "USD" },
    { "1.234,50 €", 123450, "EUR" },
    { "€ 1.234.567,89", 123456789, "EUR" },
    { "1 234,50", 123450, "" },
    { "1\u00a0234", 123400, "" },
    { "1,500", 150000, "" },
    { "1.500", 150000, "" },
    { "1,5", 150, "" },
    { "EUR 99", 9900, "EUR" },
    { "99 CHF", 9900, "CHF" },
    { "£12", 1200, "GBP" },
    { "1'000'000", 100000000, "" },
    { "-5", -1, NULL },
    { "twelve", -1, NULL },
    { "12abc", -1, NULL },
    { "1,234.5.6", -1, NULL },
    { "$", -1, NULL },
    { "", -1, NULL },
    { "9999999999999999", -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cents = -7;
      char currency[4];
      gboolean ok = prospect_import_parse_amount (cases[i].text, &cents, currency);

      g_test_message ("%s", cases[i].text);
      if (cases[i].cents < 0)
        g_assert_false (ok);
      else
        {
          g_assert_true (ok);
          g_assert_cmpint (cents, ==, cases[i].cents);
          g_assert_cmpstr (currency, ==, cases[i].currency);
        }
    }
}

static void
test_percent_and_bool (void)
{
  int percent;
  gboolean value;

  g_assert_true (prospect_import_parse_percent ("40", &percent));
  g_assert_cmpint (percent, ==, 40);
  g_assert_true (prospect_import_parse_percent (" 75 %", &percent));
  g_assert_cmpint (percent, ==, 75);
  g_assert_false (prospect_import_parse_percent ("101", &percent));
  g_assert_false (prospect_import_parse_percent ("high", &percent));

  g_assert_true (prospect_import_parse_bool ("TRUE", &value) && value);
  g_assert_true (prospect_import_parse_bool ("0", &value) && !value);
  g_assert_false (prospect_import_parse_bool ("maybe", &value));
}

static ProspectCsvTable *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  ProspectCsvTable *table = prospect_csv_table_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_csv_delimiters (void)
{
  g_autoptr(ProspectCsvTable) comma = parse ("a,b,c\n1,2,3\n");
  g_autoptr(ProspectCsvTable) semicolon = parse ("a;b;c\n1,5;2;3\n");
  g_autoptr(ProspectCsvTable) tab = parse ("a\tb\tc\n1\t\t3\n");

  g_assert_cmpint (comma->delimiter, ==, ',');
  g_assert_cmpint (semicolon->delimiter, ==, ';');
  g_assert_cmpstr (semicolon->records[1].fields[0], ==, "1,5");
  g_assert_cmpint (tab->delimiter, ==, '\t');
  /* An empty field between two tabs survives. */
  g_assert_cmpuint (tab->records[1].n_fields, ==, 3);
  g_assert_cmpstr (tab->records[1].fields[1], ==, "");
  g_assert_cmpstr (tab->records[1].fields[2], ==, "3");
}

static void
test_csv_lines (void)
{
  const char *text =
    "\xef\xbb\xbfname,note\r\n"
    "one,\"two\r\nlines\"\r\n"
    "\r\n"
    "\"quoted, comma\",\"say \"\"hi\"\"\"\r\n"
    "last,x";
  g_autoptr(ProspectCsvTable) table = parse (text);

  g_assert_false (table->converted);
  g_assert_cmpuint (table->n_records, ==, 4);
  g_assert_cmpstr (table->records[0].fields[0], ==, "name");
  g_assert_cmpuint (table->records[1].line, ==, 2);
  g_assert_cmpstr (table->records[1].fields[1], ==, "two\r\nlines");
  /* The record after the two-line field and the blank line. */
  g_assert_cmpuint (table->records[2].line, ==, 5);
  g_assert_cmpstr (table->records[2].fields[0], ==, "quoted, comma");
  g_assert_cmpstr (table->records[2].fields[1], ==, "say \"hi\"");
  g_assert_cmpuint (table->records[3].line, ==, 6);
  g_assert_cmpstr (table->records[3].fields[1], ==, "x");
}

static void
test_csv_latin1 (void)
{
  g_autoptr(ProspectCsvTable) table = parse ("name;city\nRen\xe9;K\xf6ln \x80\n");

  g_assert_true (table->converted);
  g_assert_cmpstr (table->records[1].fields[0], ==, "René");
  g_assert_cmpstr (table->records[1].fields[1], ==, "Köln €");
}

static void
test_csv_errors (void)
{
  const struct {
    const char *text;
    gsize       length;
    int         code;
    const char *message;
  } cases[] = {
    { "", 0, PROSPECT_CSV_ERROR_EMPTY, "line 1: the file is empty (0 bytes)" },
    { "\r\n\n", 3, PROSPECT_CSV_ERROR_EMPTY, "line 1: the file is empty (it has no header line)" },
    { "a,b\n", 4, PROSPECT_CSV_ERROR_NO_ROWS, "line 1: the file has a header line but no rows below it" },
    { "\na,b\n", 5, PROSPECT_CSV_ERROR_NO_ROWS, "line 2: the file has a header line but no rows below it" },
    { "a,b\n1,2\n\"3,4\n5,6\n", 17, PROSPECT_CSV_ERROR_MALFORMED, "line 3: a quoted field is never closed" },
    { "a,b\n1,2\n\"3\"x,4\n", 15, PROSPECT_CSV_ERROR_MALFORMED, "line 3: a quote in a field" },
    { "a,b\n\0\0\0\0", 8, PROSPECT_CSV_ERROR_BINARY, "line 1: this is not a text file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ProspectCsvTable) table = prospect_csv_table_parse (cases[i].text, cases[i].length, &error);

      g_test_message ("case %u", i);
      g_assert_null (table);
      g_assert_error (error, PROSPECT_CSV_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/import-values/dates", test_dates);
  g_test_add_func ("/core/import-values/date-order", test_date_order);
  g_test_add_func ("/core/import-values/amounts", test_amounts);
  g_test_add_func ("/core/import-values/percent-bool", test_percent_and_bool);
  g_test_add_func ("/core/csv-reader/delimiters", test_csv_delimiters);
  g_test_add_func ("/core/csv-reader/lines", test_csv_lines);
  g_test_add_func ("/core/csv-reader/latin1", test_csv_latin1);
  g_test_add_func ("/core/csv-reader/errors", test_csv_errors);

  return g_test_run ();
}
