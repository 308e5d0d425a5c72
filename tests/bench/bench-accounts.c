/* bench-accounts.c - the Accounts page's queries on a large database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-accounts DATABASE
 * Prints, as median of 11 runs after a warm-up (milliseconds): reading the
 * account names, each keystroke of a search typed letter by letter, the
 * first screenful of rows with their open-deal figures, and the detail of
 * the account with the most deals (contacts, open and closed deals,
 * history).
 */
#include "config.h"

#include <stdlib.h>

#include "prospect-core.h"

#define RUNS 11
#define FIRST_SCREEN 20

typedef void (*BenchFunc) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median_ms (BenchFunc func,
           gpointer  data)
{
  double times[RUNS];

  func (data);  /* warm-up */
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);

  return times[RUNS / 2];
}

typedef struct
{
  ProspectDatabase    *db;
  ProspectAccountList *list;
  const char          *search;
  char                *account_id;
} Bench;

static void
load_names (gpointer data)
{
  Bench *bench = data;

  g_object_unref (prospect_account_list_new (bench->db));
}

static void
first_screen (ProspectAccountList *list)
{
  guint n = MIN (FIRST_SCREEN, g_list_model_get_n_items (G_LIST_MODEL (list)));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

/* What a keystroke costs: a new search and the rows on screen. */
static void
keystroke (gpointer data)
{
  Bench *bench = data;

  prospect_account_list_set_search (bench->list, NULL);
  prospect_account_list_set_search (bench->list, bench->search);
  first_screen (bench->list);
}

static void
get_contacts (gpointer data)
{
  Bench *bench = data;

  g_ptr_array_unref (prospect_accounts_get_contacts (bench->db, bench->account_id, NULL));
}

static void
get_open_deals (gpointer data)
{
  Bench *bench = data;
  gint64 n_total;

  g_ptr_array_unref (prospect_accounts_get_deals (bench->db, bench->account_id, PROSPECT_ACCOUNT_DEALS_OPEN,
                                                  50, &n_total, NULL));
}

static void
get_closed_deals (gpointer data)
{
  Bench *bench = data;
  gint64 n_total;

  g_ptr_array_unref (prospect_accounts_get_deals (bench->db, bench->account_id, PROSPECT_ACCOUNT_DEALS_CLOSED,
                                                  50, &n_total, NULL));
}

static void
get_history (gpointer data)
{
  Bench *bench = data;

  g_ptr_array_unref (prospect_accounts_get_history (bench->db, bench->account_id, 50, NULL));
}

static void
new_list_first_screen (gpointer data)
{
  Bench *bench = data;
  g_autoptr(ProspectAccountList) list = prospect_account_list_new (bench->db);

  first_screen (list);
}

static void
open_account (gpointer data)
{
  get_contacts (data);
  get_open_deals (data);
  get_closed_deals (data);
  get_history (data);
}

static char *
account_with_most_deals (ProspectDatabase *db)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db,
                                                  "SELECT account_id FROM deal WHERE deleted_at IS NULL"
                                                  " AND account_id IS NOT NULL"
                                                  " GROUP BY account_id ORDER BY count(*) DESC LIMIT 1",
                                                  NULL);
  char *id = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return id;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectAccountList) list = NULL;
  g_autoptr(ProspectAccountSummary) first = NULL;
  Bench bench = { 0 };
  g_autofree char *typed = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  bench.db = prospect_database_open (argv[1], &error);
  if (bench.db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("accounts: %" G_GINT64_FORMAT "\n", prospect_database_count (bench.db, "account", NULL));
  g_print ("read and fold every account name: %.1f ms\n", median_ms (load_names, &bench));

  g_print ("the list's first %d rows with figures, no search: %.1f ms\n",
           FIRST_SCREEN, median_ms (new_list_first_screen, &bench));
  list = prospect_account_list_new (bench.db);
  bench.list = list;

  /* type the first account's name letter by letter */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  typed = g_utf8_strdown (prospect_account_summary_get_name (first), -1);
  for (glong n = 1; n <= MIN (6, g_utf8_strlen (typed, -1)); n++)
    {
      g_autofree char *prefix = g_utf8_substring (typed, 0, n);
      double ms;

      bench.search = prefix;
      ms = median_ms (keystroke, &bench);
      g_print ("search \"%s\" (%u matches), first rows with figures: %.1f ms\n",
               prefix, g_list_model_get_n_items (G_LIST_MODEL (list)), ms);
    }

  bench.account_id = account_with_most_deals (bench.db);
  g_print ("the account with the most deals: contacts %.1f ms, open deals %.1f ms, closed deals %.1f ms,"
           " history (50 newest) %.1f ms; all four %.1f ms\n",
           median_ms (get_contacts, &bench), median_ms (get_open_deals, &bench),
           median_ms (get_closed_deals, &bench), median_ms (get_history, &bench),
           median_ms (open_account, &bench));

  g_free (bench.account_id);
  g_object_unref (bench.db);
  return 0;
}
