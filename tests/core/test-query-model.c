/* test-query-model.c - the paged list model against plain queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-fixture.h"

#define N_DEALS 2500

typedef struct
{
  Fixture  fixture;
  guint    n_order_reads;   /* SELECT rowid ... ORDER BY statements run */
  guint    n_page_fetches;  /* page loads (rows by rowid) run */
} ModelFixture;

/* Counts what the model reads besides COUNT(*). */
static int
trace_cb (unsigned  type,
          void     *user_data,
          void     *p,
          void     *x)
{
  ModelFixture *fixture = user_data;
  const char *sql = sqlite3_sql (p);

  if (sql == NULL)
    return 0;

  if (g_str_has_prefix (sql, "SELECT rowid FROM"))
    fixture->n_order_reads++;
  else if (strstr (sql, "json_each") != NULL)
    fixture->n_page_fetches++;

  return 0;
}

/* Deterministic, not sorted by insertion: amount i*7919 mod 10000 (in
 * whole units), titles "Deal <i>". */
static gint64
deal_amount (guint i)
{
  return (gint64) ((i * 7919) % 10000) * 100;
}

static void
model_fixture_set_up (ModelFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fixture->fixture, data);
  /* the fixture's own deal would disturb the counts */
  g_assert_true (prospect_database_exec (fixture->fixture.db,
                                         "DELETE FROM deal_stage_change; DELETE FROM activity; DELETE FROM deal;",
                                         &error));

  g_assert_true (prospect_database_begin (fixture->fixture.db, &error));
  for (guint i = 0; i < N_DEALS; i++)
    {
      g_autoptr(ProspectDeal) deal = prospect_deal_new ();
      g_autofree char *title = g_strdup_printf ("Deal %u", i);

      prospect_deal_set_title (deal, title);
      prospect_deal_set_stage_id (deal, fixture->fixture.stage_id);
      prospect_deal_set_amount (deal, deal_amount (i));
      g_assert_true (prospect_record_insert (PROSPECT_RECORD (deal), fixture->fixture.db, &error));
    }
  g_assert_true (prospect_database_commit (fixture->fixture.db, &error));
  g_assert_no_error (error);

  sqlite3_trace_v2 (prospect_database_get_handle (fixture->fixture.db),
                    SQLITE_TRACE_STMT, trace_cb, fixture);
}

static void
model_fixture_tear_down (ModelFixture  *fixture,
                         gconstpointer  data)
{
  sqlite3_trace_v2 (prospect_database_get_handle (fixture->fixture.db), 0, NULL, NULL);
  fixture_tear_down (&fixture->fixture, data);
}

/* Makes the model load the row (and its page), as a view would. */
static void
touch_item (ProspectQueryModel *model,
            guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
}

static ProspectQuery *
by_amount_query (void)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_DEAL);

  prospect_query_order_by (query, "amount", FALSE);

  return query;
}

static void
test_positions_match_plain_query (ModelFixture  *fixture,
                                  gconstpointer  data)
{
  ProspectDatabase *db = fixture->fixture.db;
  g_autoptr(ProspectQuery) query = by_amount_query ();
  g_autoptr(ProspectQueryModel) model = prospect_query_model_new (db, query);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  const guint positions[] = { 0, 99, 100, 1234, 2499 };

  /* counting fetches no rows */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_DEALS);
  g_assert_cmpuint (fixture->n_page_fetches, ==, 0);
  g_assert_cmpuint (fixture->n_order_reads, ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == PROSPECT_TYPE_DEAL);

  all = prospect_query_fetch (query, db, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, N_DEALS);
  fixture->n_page_fetches = 0;

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(ProspectDeal) item = g_list_model_get_item (G_LIST_MODEL (model), positions[i]);
      ProspectDeal *expected = g_ptr_array_index (all, positions[i]);

      g_assert_nonnull (item);
      g_assert_cmpstr (prospect_record_get_id (PROSPECT_RECORD (item)), ==,
                       prospect_record_get_id (PROSPECT_RECORD (expected)));
      g_assert_cmpstr (prospect_deal_get_title (item), ==, prospect_deal_get_title (expected));
    }
  /* pages 0, 0, 1, 12, 24; the order read once */
  g_assert_cmpuint (fixture->n_page_fetches, ==, 4);
  g_assert_cmpuint (fixture->n_order_reads, ==, 1);

  /* sorted by amount, ties by id */
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (prospect_deal_get_amount (g_ptr_array_index (all, i - 1)), <=,
                     prospect_deal_get_amount (g_ptr_array_index (all, i)));

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_DEALS));
}

static void
test_page_cache (ModelFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(ProspectQuery) query = by_amount_query ();
  g_autoptr(ProspectQueryModel) model = prospect_query_model_new (fixture->fixture.db, query);

  g_assert_cmpuint (prospect_query_model_get_page_size (model), ==, 100);

  /* ten pages: the first is evicted by the time we come back to it */
  for (guint page = 0; page < 10; page++)
    touch_item (model, page * 100 + 5);
  g_assert_cmpuint (fixture->n_page_fetches, ==, 10);

  touch_item (model, 999);
  g_assert_cmpuint (fixture->n_page_fetches, ==, 10);
  touch_item (model, 0);
  g_assert_cmpuint (fixture->n_page_fetches, ==, 11);

  prospect_query_model_set_page_size (model, 500);
  touch_item (model, 499);
  touch_item (model, 0);
  g_assert_cmpuint (fixture->n_page_fetches, ==, 12);
  g_assert_cmpuint (fixture->n_order_reads, ==, 1);
}

static void
test_filter_and_search (ModelFixture  *fixture,
                        gconstpointer  data)
{
  ProspectDatabase *db = fixture->fixture.db;
  g_autoptr(ProspectQuery) query = by_amount_query ();
  g_autoptr(ProspectQueryModel) model = NULL;
  guint expected_big = 0;
  guint expected_search = 0;

  for (guint i = 0; i < N_DEALS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Deal %u", i);

      if (deal_amount (i) >= 500000)
        expected_big++;
      if (strstr (title, "deal 12") != NULL || strstr (title, "Deal 12") != NULL)
        expected_search++;
    }

  prospect_query_where_int (query, "amount", PROSPECT_OP_GE, 500000);
  model = prospect_query_model_new (db, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected_big);
  for (guint i = 0; i < expected_big; i += 97)
    {
      g_autoptr(ProspectDeal) deal = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (prospect_deal_get_amount (deal), >=, 500000);
    }

  /* search is case-insensitive and takes % and _ literally */
  prospect_query_set_search (query, "deal 12");
  prospect_query_model_reload (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)),
                    ==, prospect_query_count (query, db, NULL));
  g_assert_cmpint (prospect_query_count (query, db, NULL), <, expected_big);

  g_clear_object (&query);
  query = prospect_query_new (PROSPECT_TYPE_DEAL);
  prospect_query_set_search (query, "deal 12");
  g_assert_cmpint (prospect_query_count (query, db, NULL), ==, expected_search);
  prospect_query_set_search (query, "Deal_1");
  g_assert_cmpint (prospect_query_count (query, db, NULL), ==, 0);
  prospect_query_set_search (query, "");
  g_assert_cmpint (prospect_query_count (query, db, NULL), ==, N_DEALS);
}

static void
test_sort_descending_text (ModelFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(ProspectQuery) query = prospect_query_new (PROSPECT_TYPE_DEAL);
  g_autoptr(ProspectQueryModel) model = NULL;
  g_autoptr(ProspectDeal) first = NULL;
  g_autoptr(ProspectDeal) last = NULL;
  g_autofree char *previous = NULL;

  prospect_query_order_by (query, "title", TRUE);
  model = prospect_query_model_new (fixture->fixture.db, query);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  last = g_list_model_get_item (G_LIST_MODEL (model), N_DEALS - 1);
  g_assert_cmpstr (prospect_deal_get_title (first), ==, "Deal 999");
  g_assert_cmpstr (prospect_deal_get_title (last), ==, "Deal 0");

  for (guint i = 0; i < N_DEALS; i += 50)
    {
      g_autoptr(ProspectDeal) deal = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (previous != NULL)
        g_assert_cmpint (g_ascii_strcasecmp (previous, prospect_deal_get_title (deal)), >=, 0);
      g_free (previous);
      previous = g_strdup (prospect_deal_get_title (deal));
    }
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->calls++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static void
test_recount_on_change (ModelFixture  *fixture,
                        gconstpointer  data)
{
  ProspectDatabase *db = fixture->fixture.db;
  g_autoptr(ProspectQuery) query = by_amount_query ();
  g_autoptr(ProspectQueryModel) model = prospect_query_model_new (db, query);
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(ProspectDeal) cheapest = NULL;
  g_autoptr(ProspectPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged seen = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  /* the new deal sorts first: position 0 must show it after the change */
  touch_item (model, 0);
  prospect_deal_set_title (deal, "Zero value");
  prospect_deal_set_stage_id (deal, fixture->fixture.stage_id);
  prospect_deal_set_amount (deal, 0);
  prospect_deal_set_external_id (deal, "0000");
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (deal), db, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, N_DEALS);
  g_assert_cmpuint (seen.added, ==, N_DEALS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_DEALS + 1);

  g_assert_true (prospect_record_delete (PROSPECT_RECORD (deal), db, &error));
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpuint (seen.removed, ==, N_DEALS + 1);
  g_assert_cmpuint (seen.added, ==, N_DEALS);

  cheapest = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (prospect_record_get_id (PROSPECT_RECORD (cheapest)), !=,
                   prospect_record_get_id (PROSPECT_RECORD (deal)));

  /* changes to other tables leave the model alone */
  person = test_insert_person (db, "Unrelated", "rep");
  g_assert_cmpuint (seen.calls, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/query-model/positions", ModelFixture, NULL,
              model_fixture_set_up, test_positions_match_plain_query, model_fixture_tear_down);
  g_test_add ("/core/query-model/page-cache", ModelFixture, NULL,
              model_fixture_set_up, test_page_cache, model_fixture_tear_down);
  g_test_add ("/core/query-model/filter-and-search", ModelFixture, NULL,
              model_fixture_set_up, test_filter_and_search, model_fixture_tear_down);
  g_test_add ("/core/query-model/sort-descending-text", ModelFixture, NULL,
              model_fixture_set_up, test_sort_descending_text, model_fixture_tear_down);
  g_test_add ("/core/query-model/recount-on-change", ModelFixture, NULL,
              model_fixture_set_up, test_recount_on_change, model_fixture_tear_down);

  return g_test_run ();
}
