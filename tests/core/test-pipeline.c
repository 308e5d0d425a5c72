/* test-pipeline.c - the board's columns, cards, team scope and moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "prospect-pipeline.h"
#include "test-fixture.h"

static gint64
local_ms (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * 1000;
}

static char *
add_deal (Fixture    *fixture,
          const char *title,
          const char *owner_id,
          const char *stage_id,
          gint64      amount,
          const char *expected_close)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;

  prospect_deal_set_title (deal, title);
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_deal_set_stage_id (deal, stage_id);
  prospect_deal_set_amount (deal, amount);
  prospect_deal_set_expected_close (deal, expected_close);
  prospect_deal_set_account_id (deal, fixture->account_id);
  prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal)));
}

static void
add_activity (Fixture    *fixture,
              const char *deal_id,
              gint64      due_at,
              const char *due_date,
              gboolean    done)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_subject (activity, "Call");
  prospect_activity_set_deal_id (activity, deal_id);
  prospect_activity_set_owner_id (activity, fixture->rep_id);
  prospect_activity_set_due_at (activity, due_at);
  prospect_activity_set_due_date (activity, due_date);
  if (done)
    prospect_activity_set_done_at (activity, due_at);
  prospect_record_insert (PROSPECT_RECORD (activity), fixture->db, &error);
  g_assert_no_error (error);
}

static ProspectPipelineColumn *
find_column (GPtrArray  *columns,
             const char *stage_id)
{
  for (guint i = 0; i < columns->len; i++)
    {
      ProspectPipelineColumn *column = columns->pdata[i];

      if (g_strcmp0 (column->stage_id, stage_id) == 0)
        return column;
    }
  g_assert_not_reached ();
}

/* Each column's count and total equal those of its cards, read in pages. */
static void
assert_columns_match_cards (Fixture           *fixture,
                            const char *const *owners)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GError) error = NULL;

  columns = prospect_pipeline_columns (fixture->db, owners, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < columns->len; i++)
    {
      ProspectPipelineColumn *column = columns->pdata[i];
      gint64 n = 0, total = 0;

      for (gint64 offset = 0;; offset += 2)
        {
          g_autoptr(GPtrArray) cards = NULL;

          cards = prospect_pipeline_cards (fixture->db, owners, column->stage_id, offset, 2, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (cards->len, <=, 2);
          for (guint j = 0; j < cards->len; j++)
            {
              ProspectPipelineCard *card = cards->pdata[j];

              total += prospect_deal_get_amount (card->deal);
              g_assert_cmpstr (prospect_deal_get_stage_id (card->deal), ==, column->stage_id);
            }
          n += cards->len;
          if (cards->len < 2)
            break;
        }
      g_assert_cmpint (n, ==, column->n_deals);
      g_assert_cmpint (total, ==, column->total);
    }
}

static void
test_column_totals (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *owners[] = { fixture->rep_id, NULL };
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *won_id = test_db_stage_id (fixture->db, 4);
  g_autofree char *a = add_deal (fixture, "A", fixture->rep_id, fixture->stage_id, 1000, "2026-03-01");
  g_autofree char *b = add_deal (fixture, "B", fixture->rep_id, fixture->stage_id, 2500, NULL);
  g_autofree char *c = add_deal (fixture, "C", fixture->rep_id, fixture->stage_id, 700, "2026-01-15");
  g_autofree char *d = add_deal (fixture, "D", fixture->rep_id, fixture->next_stage_id, 4000, "2026-02-01");
  g_autofree char *e = add_deal (fixture, "E", fixture->manager_id, fixture->stage_id, 99999, NULL);
  g_autofree char *f = add_deal (fixture, "F", fixture->rep_id, won_id, 300, NULL);

  columns = prospect_pipeline_columns (fixture->db, owners, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (columns->len, ==, test_db_query_int (fixture->db, "SELECT count(*) FROM stage"));
  g_assert_cmpint (find_column (columns, fixture->stage_id)->n_deals, ==, 3);
  g_assert_cmpint (find_column (columns, fixture->stage_id)->total, ==, 1000 + 2500 + 700);
  g_assert_cmpint (find_column (columns, fixture->next_stage_id)->total, ==, 4000);
  g_assert_cmpstr (find_column (columns, won_id)->kind, ==, "won");
  g_assert_cmpint (find_column (columns, won_id)->n_deals, ==, 1);

  assert_columns_match_cards (fixture, owners);
}

static void
test_bounded_page (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *owners[] = { fixture->rep_id, NULL };
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "Jan", "Feb", "Mar" };

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("Undated %d", i);
      g_autofree char *id = add_deal (fixture, title, fixture->rep_id, fixture->stage_id, i, NULL);
    }
  g_free (add_deal (fixture, "Mar", fixture->rep_id, fixture->stage_id, 1, "2026-03-01"));
  g_free (add_deal (fixture, "Jan", fixture->rep_id, fixture->stage_id, 1, "2026-01-01"));
  g_free (add_deal (fixture, "Feb", fixture->rep_id, fixture->stage_id, 1, "2026-02-01"));

  /* dated deals first, soonest first; the page never exceeds its limit */
  cards = prospect_pipeline_cards (fixture->db, owners, fixture->stage_id, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      ProspectPipelineCard *card = cards->pdata[i];

      g_assert_cmpstr (prospect_deal_get_title (card->deal), ==, expected[i]);
      g_assert_cmpstr (card->account_name, ==, "Acme Ltd");
      g_assert_cmpstr (card->owner_name, ==, "Rui Rep");
    }
  g_clear_pointer (&cards, g_ptr_array_unref);

  cards = prospect_pipeline_cards (fixture->db, owners, fixture->stage_id, 10, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);

  assert_columns_match_cards (fixture, owners);
}

static ProspectNextActivity
next_activity_of (Fixture    *fixture,
                  const char *deal_id)
{
  const char *owners[] = { fixture->rep_id, NULL };
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  cards = prospect_pipeline_cards (fixture->db, owners, fixture->stage_id, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cards->len; i++)
    {
      ProspectPipelineCard *card = cards->pdata[i];

      if (g_strcmp0 (prospect_record_get_id (PROSPECT_RECORD (card->deal)), deal_id) == 0)
        return card->next_activity;
    }
  g_assert_not_reached ();
}

static void
test_next_activity (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *none = add_deal (fixture, "None", fixture->rep_id, fixture->stage_id, 1, NULL);
  g_autofree char *overdue = add_deal (fixture, "Overdue", fixture->rep_id, fixture->stage_id, 1, NULL);
  g_autofree char *overdue_day = add_deal (fixture, "Overdue day", fixture->rep_id, fixture->stage_id, 1, NULL);
  g_autofree char *today = add_deal (fixture, "Today", fixture->rep_id, fixture->stage_id, 1, NULL);
  g_autofree char *today_day = add_deal (fixture, "Today day", fixture->rep_id, fixture->stage_id, 1, NULL);
  g_autofree char *future = add_deal (fixture, "Future", fixture->rep_id, fixture->stage_id, 1, NULL);

  prospect_clock_set_fake_ms (local_ms (2026, 5, 12, 14, 0));

  /* done and undated activities are no plan */
  add_activity (fixture, none, local_ms (2026, 5, 11, 9, 0), NULL, TRUE);
  add_activity (fixture, none, -1, NULL, FALSE);
  /* an overdue one wins over a later one */
  add_activity (fixture, overdue, local_ms (2026, 5, 12, 13, 59), NULL, FALSE);
  add_activity (fixture, overdue, local_ms (2026, 5, 20, 9, 0), NULL, FALSE);
  add_activity (fixture, overdue_day, -1, "2026-05-11", FALSE);
  add_activity (fixture, today, local_ms (2026, 5, 12, 23, 59), NULL, FALSE);
  add_activity (fixture, today, local_ms (2026, 5, 13, 9, 0), NULL, FALSE);
  add_activity (fixture, today_day, -1, "2026-05-12", FALSE);
  add_activity (fixture, future, local_ms (2026, 5, 13, 0, 0), NULL, FALSE);

  g_assert_cmpint (next_activity_of (fixture, none), ==, PROSPECT_NEXT_ACTIVITY_NONE);
  g_assert_cmpint (next_activity_of (fixture, overdue), ==, PROSPECT_NEXT_ACTIVITY_OVERDUE);
  g_assert_cmpint (next_activity_of (fixture, overdue_day), ==, PROSPECT_NEXT_ACTIVITY_OVERDUE);
  g_assert_cmpint (next_activity_of (fixture, today), ==, PROSPECT_NEXT_ACTIVITY_TODAY);
  g_assert_cmpint (next_activity_of (fixture, today_day), ==, PROSPECT_NEXT_ACTIVITY_TODAY);
  g_assert_cmpint (next_activity_of (fixture, future), ==, PROSPECT_NEXT_ACTIVITY_FUTURE);

  /* at midnight the future one is due today and yesterday's all-day one
   * is overdue */
  prospect_clock_set_fake_ms (local_ms (2026, 5, 13, 0, 0));
  g_assert_cmpint (next_activity_of (fixture, future), ==, PROSPECT_NEXT_ACTIVITY_TODAY);
  g_assert_cmpint (next_activity_of (fixture, today_day), ==, PROSPECT_NEXT_ACTIVITY_OVERDUE);

  prospect_clock_set_fake_ms (0);
}

static void
test_team_scope (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ProspectPerson) other = prospect_person_new ();
  g_autoptr(ProspectPerson) outsider = test_insert_person (fixture->db, "Olga Outsider", "rep");
  g_auto(GStrv) mine = NULL;
  g_auto(GStrv) team = NULL;
  g_auto(GStrv) managed = NULL;
  g_autoptr(GError) error = NULL;
  const char *other_id;

  prospect_person_set_name (other, "Ana Other");
  prospect_person_set_manager_id (other, fixture->manager_id);
  prospect_record_insert (PROSPECT_RECORD (other), fixture->db, &error);
  g_assert_no_error (error);
  other_id = prospect_record_get_id (PROSPECT_RECORD (other));

  mine = prospect_pipeline_scope_owners (fixture->db, fixture->rep_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (mine), ==, 1);
  g_assert_cmpstr (mine[0], ==, fixture->rep_id);

  /* a rep's team: everyone under the same manager, me first, once */
  team = prospect_pipeline_scope_owners (fixture->db, fixture->rep_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (team), ==, 2);
  g_assert_cmpstr (team[0], ==, fixture->rep_id);
  g_assert_true (g_strv_contains ((const char *const *) team, other_id));
  g_assert_false (g_strv_contains ((const char *const *) team,
                                   prospect_record_get_id (PROSPECT_RECORD (outsider))));

  /* a manager's team: the manager and the reports */
  managed = prospect_pipeline_scope_owners (fixture->db, fixture->manager_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (managed), ==, 3);
  g_assert_true (g_strv_contains ((const char *const *) managed, fixture->rep_id));
  g_assert_true (g_strv_contains ((const char *const *) managed, other_id));

  g_free (add_deal (fixture, "Mine", fixture->rep_id, fixture->stage_id, 10, NULL));
  g_free (add_deal (fixture, "Theirs", other_id, fixture->stage_id, 20, NULL));
  assert_columns_match_cards (fixture, (const char *const *) team);
  {
    g_autoptr(GPtrArray) columns = prospect_pipeline_columns (fixture->db, (const char *const *) team, &error);

    g_assert_no_error (error);
    g_assert_cmpint (find_column (columns, fixture->stage_id)->total, ==, 30);
  }
}

/* A move changes both columns' totals and writes one history row. */
static void
test_move_writes_history (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *owners[] = { fixture->rep_id, NULL };
  g_autofree char *lost_id = test_db_stage_id (fixture->db, 5);
  g_autofree char *id = add_deal (fixture, "Mover", fixture->rep_id, fixture->stage_id, 5000, NULL);
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 n_history;

  before = prospect_pipeline_columns (fixture->db, owners, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM deal_stage_change WHERE deal_id = '%s'", id);
  n_history = test_db_query_int (fixture->db, sql);

  deal = prospect_deal_load (fixture->db, id, &error);
  g_assert_no_error (error);
  prospect_deal_move_to_stage (deal, fixture->db, lost_id, "2026-04-02", "Budget cut", &error);
  g_assert_no_error (error);

  after = prospect_pipeline_columns (fixture->db, owners, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_column (after, fixture->stage_id)->total, ==,
                   find_column (before, fixture->stage_id)->total - 5000);
  g_assert_cmpint (find_column (after, lost_id)->n_deals, ==,
                   find_column (before, lost_id)->n_deals + 1);
  g_assert_cmpint (test_db_query_int (fixture->db, sql), ==, n_history + 1);
  assert_columns_match_cards (fixture, owners);
}

/* The list view sorts by a related name in SQL, not in GTK. */
static void
test_sort_by_account_name (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ProspectAccount) zeta = prospect_account_new ();
  g_autoptr(ProspectAccount) alpha = prospect_account_new ();
  g_autoptr(ProspectQuery) query = prospect_query_new (PROSPECT_TYPE_DEAL);
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Zeta", "alpha" };
  ProspectAccount *accounts[] = { zeta, alpha };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ProspectDeal) deal = prospect_deal_new ();

      prospect_account_set_name (accounts[i], names[i]);
      prospect_record_insert (PROSPECT_RECORD (accounts[i]), fixture->db, &error);
      g_assert_no_error (error);
      prospect_deal_set_title (deal, names[i]);
      prospect_deal_set_stage_id (deal, fixture->stage_id);
      prospect_deal_set_owner_id (deal, fixture->rep_id);
      prospect_deal_set_account_id (deal, prospect_record_get_id (PROSPECT_RECORD (accounts[i])));
      prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error);
      g_assert_no_error (error);
    }

  prospect_query_where_text (query, "owner_id", PROSPECT_OP_EQ, fixture->rep_id);
  prospect_query_order_by_related (query, "account_id", PROSPECT_TYPE_ACCOUNT, "name", FALSE);
  deals = prospect_query_fetch (query, fixture->db, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deals->len, ==, 2);
  g_assert_cmpstr (prospect_deal_get_title (deals->pdata[0]), ==, "alpha");
  g_assert_cmpstr (prospect_deal_get_title (deals->pdata[1]), ==, "Zeta");
  g_clear_pointer (&deals, g_ptr_array_unref);

  prospect_query_clear_order (query);
  prospect_query_order_by_related (query, "account_id", PROSPECT_TYPE_ACCOUNT, "name", TRUE);
  deals = prospect_query_fetch (query, fixture->db, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_deal_get_title (deals->pdata[0]), ==, "Zeta");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/pipeline/column-totals", test_column_totals);
  ADD ("/core/pipeline/bounded-page", test_bounded_page);
  ADD ("/core/pipeline/next-activity", test_next_activity);
  ADD ("/core/pipeline/team-scope", test_team_scope);
  ADD ("/core/pipeline/move-writes-history", test_move_writes_history);
  ADD ("/core/pipeline/sort-by-account-name", test_sort_by_account_name);

#undef ADD

  return g_test_run ();
}
