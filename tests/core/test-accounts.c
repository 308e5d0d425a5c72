/* test-accounts.c - the account list, an account's parts, deleting one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

typedef struct
{
  ProspectDatabase *db;
  char             *open_stage;
  char             *won_stage;
  char             *lost_stage;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = test_db_open_fresh ("accounts.db");
  f->open_stage = test_db_stage_id (f->db, 0);
  f->won_stage = test_db_stage_id (f->db, 4);
  f->lost_stage = test_db_stage_id (f->db, 5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->open_stage);
  g_free (f->won_stage);
  g_free (f->lost_stage);
}

static char *
insert_account (Fixture    *f,
                const char *name)
{
  g_autoptr(ProspectAccount) account = prospect_account_new ();
  g_autoptr(GError) error = NULL;

  prospect_account_set_name (account, name);
  prospect_record_insert (PROSPECT_RECORD (account), f->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (account)));
}

static char *
insert_contact (Fixture    *f,
                const char *account_id,
                const char *name)
{
  g_autoptr(ProspectContact) contact = prospect_contact_new ();
  g_autoptr(GError) error = NULL;

  prospect_contact_set_name (contact, name);
  prospect_contact_set_account_id (contact, account_id);
  prospect_record_insert (PROSPECT_RECORD (contact), f->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (contact)));
}

static char *
insert_deal (Fixture    *f,
             const char *account_id,
             const char *stage_id,
             gint64      amount,
             const char *currency)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;

  prospect_deal_set_title (deal, "A deal");
  prospect_deal_set_account_id (deal, account_id);
  prospect_deal_set_stage_id (deal, stage_id);
  prospect_deal_set_amount (deal, amount);
  prospect_deal_set_currency (deal, currency);
  prospect_record_insert (PROSPECT_RECORD (deal), f->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal)));
}

static void
delete_record (Fixture    *f,
               GType       type,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectRecord) record = prospect_record_load (f->db, type, id, &error);

  g_assert_no_error (error);
  prospect_record_delete (record, f->db, &error);
  g_assert_no_error (error);
}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GPtrArray *
list_names (GListModel *model)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ProspectAccountSummary) row = g_list_model_get_item (model, i);

      g_ptr_array_add (names, g_strdup (prospect_account_summary_get_name (row)));
    }
  g_ptr_array_add (names, NULL);

  return names;
}

static void
assert_search (ProspectAccountList *list,
               const char          *text,
               const char * const  *expected)
{
  g_autoptr(GPtrArray) names = NULL;

  prospect_account_list_set_search (list, text);
  names = list_names (G_LIST_MODEL (list));
  if (!g_strv_equal ((const char * const *) names->pdata, expected))
    {
      g_autofree char *got = g_strjoinv (" | ", (char **) names->pdata);
      g_autofree char *want = g_strjoinv (" | ", (char **) expected);

      g_error ("search %s: got [%s], expected [%s]", text, got, want);
    }
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static void
test_search_folding (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const names[] = {
    "Café Müller GmbH", "Acme", "Acme Europe", "Müller & Söhne", "Bakery Cafeteria", "Globex",
  };
  g_autoptr(ProspectAccountList) list = NULL;
  guint changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (insert_account (f, names[i]));

  list = prospect_account_list_new (f->db);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (names));

  /* accents and case on either side */
  assert_search (list, "cafe MULLER", (const char *[]) { "Café Müller GmbH", NULL });
  assert_search (list, "CAFÉ müller gmbh", (const char *[]) { "Café Müller GmbH", NULL });
  assert_search (list, "ACMÉ", (const char *[]) { "Acme", "Acme Europe", NULL });
  /* the start of the name first, then the start of a word, then inside */
  assert_search (list, "muller", (const char *[]) { "Müller & Söhne", "Café Müller GmbH", NULL });
  assert_search (list, "cafe", (const char *[]) { "Café Müller GmbH", "Bakery Cafeteria", NULL });
  assert_search (list, "TERIA", (const char *[]) { "Bakery Cafeteria", NULL });
  /* punctuation is a word break, as in quick entry */
  assert_search (list, "müller-söhne", (const char *[]) { "Müller & Söhne", NULL });
  assert_search (list, "initech", (const char *[]) { NULL });
  g_assert_cmpuint (prospect_account_list_get_n_accounts (list), ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (changes, ==, 8);

  /* blank = everything again; the same search twice changes nothing */
  prospect_account_list_set_search (list, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (names));
  prospect_account_list_set_search (list, NULL);
  g_assert_cmpuint (changes, ==, 9);
}

/* A new account shows up, a deleted one goes, once the burst is over. */
static void
test_list_follows_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *acme = insert_account (f, "Acme");
  g_autoptr(ProspectAccountList) list = prospect_account_list_new (f->db);
  g_autofree char *globex = NULL;

  prospect_account_list_set_search (list, "o");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  globex = insert_account (f, "Globex");
  flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (prospect_account_list_find (list, globex), ==, 0);
  g_assert_cmpuint (prospect_account_list_find (list, acme), ==, G_MAXUINT);
  g_assert_cmpuint (prospect_account_list_get_n_accounts (list), ==, 2);

  delete_record (f, PROSPECT_TYPE_ACCOUNT, globex);
  flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (prospect_account_list_get_n_accounts (list), ==, 1);
}

typedef struct
{
  guint       account;   /* index into the test's accounts */
  int         stage;     /* 0 open, 1 won, 2 lost */
  gint64      amount;
  const char *currency;
  gboolean    deleted;
} DealSpec;

static void
test_open_figures (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const names[] = { "Acme", "Globex", "Initech", "Umbrella" };
  static const DealSpec deals[] = {
    { 0, 0, 100000, "USD", FALSE },
    { 0, 0, 250050, "USD", FALSE },
    { 0, 1, 900000, "USD", FALSE },  /* won: not open */
    { 0, 0, 70000, "USD", TRUE },    /* deleted: not counted */
    { 1, 2, 10000, "USD", FALSE },   /* lost */
    { 2, 0, 5000, "USD", FALSE },
    { 2, 0, 7000, "EUR", FALSE },    /* two currencies: no sum */
  };
  const char *stages[] = { f->open_stage, f->won_stage, f->lost_stage };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ProspectAccountList) list = NULL;
  gint64 expected_count[G_N_ELEMENTS (names)] = { 0 };
  gint64 expected_sum[G_N_ELEMENTS (names)] = { 0 };
  GHashTable *currencies[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_ptr_array_add (ids, insert_account (f, names[i]));
      currencies[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }

  for (guint i = 0; i < G_N_ELEMENTS (deals); i++)
    {
      const DealSpec *spec = &deals[i];
      g_autofree char *deal_id = insert_deal (f, g_ptr_array_index (ids, spec->account),
                                              stages[spec->stage], spec->amount, spec->currency);

      if (spec->deleted)
        delete_record (f, PROSPECT_TYPE_DEAL, deal_id);
      else if (spec->stage == 0)
        {
          expected_count[spec->account]++;
          expected_sum[spec->account] += spec->amount;
          g_hash_table_add (currencies[spec->account], (gpointer) spec->currency);
        }
    }

  list = prospect_account_list_new (f->db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint position = prospect_account_list_find (list, g_ptr_array_index (ids, i));
      g_autoptr(ProspectAccountSummary) row = g_list_model_get_item (G_LIST_MODEL (list), position);
      guint n_currencies = g_hash_table_size (currencies[i]);

      g_assert_cmpstr (prospect_account_summary_get_name (row), ==, names[i]);
      g_assert_cmpint (prospect_account_summary_get_open_deals (row), ==, expected_count[i]);
      if (n_currencies == 1)
        {
          g_assert_cmpint (prospect_account_summary_get_open_amount (row), ==, expected_sum[i]);
          g_assert_cmpstr (prospect_account_summary_get_currency (row), ==, "USD");
        }
      else
        {
          g_assert_cmpint (prospect_account_summary_get_open_amount (row), ==, 0);
          g_assert_null (prospect_account_summary_get_currency (row));
        }
      g_hash_table_unref (currencies[i]);
    }

  /* a new open deal shows in the figures after the refresh */
  g_free (insert_deal (f, g_ptr_array_index (ids, 1), f->open_stage, 4200, "USD"));
  flush_main_loop ();
  {
    guint position = prospect_account_list_find (list, g_ptr_array_index (ids, 1));
    g_autoptr(ProspectAccountSummary) row = g_list_model_get_item (G_LIST_MODEL (list), position);

    g_assert_cmpint (prospect_account_summary_get_open_deals (row), ==, expected_count[1] + 1);
    g_assert_cmpint (prospect_account_summary_get_open_amount (row), ==, expected_sum[1] + 4200);
  }
}

static char *
insert_activity (Fixture    *f,
                 const char *subject,
                 const char *account_id,
                 const char *deal_id,
                 gint64      due_at,
                 gint64      done_at)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_subject (activity, subject);
  prospect_activity_set_account_id (activity, account_id);
  prospect_activity_set_deal_id (activity, deal_id);
  prospect_activity_set_due_at (activity, due_at);
  prospect_activity_set_done_at (activity, done_at);
  prospect_record_insert (PROSPECT_RECORD (activity), f->db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (activity)));
}

static void
assert_subjects (GPtrArray          *activities,
                 const char * const *expected)
{
  g_assert_cmpuint (activities->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < activities->len; i++)
    g_assert_cmpstr (prospect_activity_get_subject (g_ptr_array_index (activities, i)), ==, expected[i]);
}

static void
test_parts (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *acme = insert_account (f, "Acme");
  g_autofree char *globex = insert_account (f, "Globex");
  g_autofree char *open_deal = insert_deal (f, acme, f->open_stage, 1000, "USD");
  g_autofree char *won_deal = insert_deal (f, acme, f->won_stage, 2000, "USD");
  g_autofree char *lost_deal = insert_deal (f, acme, f->lost_stage, 3000, "USD");
  g_autofree char *other_deal = insert_deal (f, globex, f->open_stage, 4000, "USD");
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dora = NULL;
  g_autofree char *deleted_call = NULL;
  gint64 n_total = -1;
  const gint64 t0 = 1767607200000;  /* 2026-01-05 10:00 UTC */

  g_free (insert_contact (f, acme, "Zoe Zimmer"));
  g_free (insert_contact (f, acme, "Adam Abel"));
  g_free (insert_contact (f, globex, "Gina Globex"));
  dora = insert_contact (f, acme, "Deleted Dora");
  delete_record (f, PROSPECT_TYPE_CONTACT, dora);

  contacts = prospect_accounts_get_contacts (f->db, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (prospect_contact_get_name (g_ptr_array_index (contacts, 0)), ==, "Adam Abel");
  g_assert_cmpstr (prospect_contact_get_name (g_ptr_array_index (contacts, 1)), ==, "Zoe Zimmer");

  open = prospect_accounts_get_deals (f->db, acme, PROSPECT_ACCOUNT_DEALS_OPEN, 10, &n_total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_total, ==, 1);
  g_assert_cmpstr (prospect_record_get_id (g_ptr_array_index (open, 0)), ==, open_deal);

  closed = prospect_accounts_get_deals (f->db, acme, PROSPECT_ACCOUNT_DEALS_CLOSED, 1, &n_total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_total, ==, 2);
  g_assert_cmpuint (closed->len, ==, 1);
  g_assert_cmpstr (prospect_deal_get_status (g_ptr_array_index (closed, 0)), !=, "open");

  /* history: the deals' activities and the account's own, newest first
   * (done time before due time); not another account's, not deleted ones */
  g_free (insert_activity (f, "Oldest call", acme, open_deal, t0, -1));
  g_free (insert_activity (f, "Done later", acme, won_deal, t0 - 86400000, t0 + 3 * 3600000));
  g_free (insert_activity (f, "Account visit", acme, NULL, t0 + 3600000, -1));
  g_free (insert_activity (f, "Globex call", globex, other_deal, t0 + 7200000, -1));
  g_free (insert_activity (f, "Lost demo", acme, lost_deal, t0 + 5 * 3600000, -1));
  deleted_call = insert_activity (f, "Deleted call", acme, NULL, t0 + 9 * 3600000, -1);
  delete_record (f, PROSPECT_TYPE_ACTIVITY, deleted_call);

  history = prospect_accounts_get_history (f->db, acme, 10, &error);
  g_assert_no_error (error);
  assert_subjects (history, (const char *[]) { "Lost demo", "Done later", "Account visit", "Oldest call", NULL });
  g_clear_pointer (&history, g_ptr_array_unref);

  history = prospect_accounts_get_history (f->db, acme, 2, &error);
  g_assert_no_error (error);
  assert_subjects (history, (const char *[]) { "Lost demo", "Done later", NULL });
}

static gint64
deleted_at (Fixture    *f,
            const char *table,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull(deleted_at, 0) FROM %s WHERE id = '%s'", table, id);

  return test_db_query_int (f->db, sql);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *acme = insert_account (f, "Acme");
  g_autofree char *ann = insert_contact (f, acme, "Ann");
  g_autofree char *bob = insert_contact (f, acme, "Bob");
  g_autofree char *gone = insert_contact (f, acme, "Gone Earlier");
  g_autofree char *won = insert_deal (f, acme, f->won_stage, 5000, "USD");
  g_autoptr(ProspectAccountList) list = NULL;
  g_autoptr(ProspectAccountDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 gone_at;

  delete_record (f, PROSPECT_TYPE_CONTACT, gone);
  gone_at = deleted_at (f, "contact", gone);
  list = prospect_account_list_new (f->db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  deletion = prospect_accounts_delete (f->db, acme, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpstr (prospect_account_deletion_get_account_name (deletion), ==, "Acme");
  g_assert_cmpuint (prospect_account_deletion_get_n_contacts (deletion), ==, 2);
  g_assert_cmpint (deleted_at (f, "account", acme), >, 0);
  g_assert_cmpint (deleted_at (f, "contact", ann), >, 0);
  g_assert_cmpint (deleted_at (f, "contact", bob), >, 0);
  /* the closed deal stays: last year's figures still count it */
  g_assert_cmpint (deleted_at (f, "deal", won), ==, 0);
  flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  prospect_account_deletion_undo (deletion, f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deleted_at (f, "account", acme), ==, 0);
  g_assert_cmpint (deleted_at (f, "contact", ann), ==, 0);
  g_assert_cmpint (deleted_at (f, "contact", bob), ==, 0);
  /* deleted on its own before: stays deleted, untouched */
  g_assert_cmpint (deleted_at (f, "contact", gone), ==, gone_at);
  flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_delete_refused_with_open_deals (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *acme = insert_account (f, "Acme");
  g_autofree char *ann = insert_contact (f, acme, "Ann");
  g_autoptr(ProspectAccountDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 updated_before;

  g_free (insert_deal (f, acme, f->open_stage, 1000, "USD"));
  g_free (insert_deal (f, acme, f->open_stage, 2000, "USD"));
  g_free (insert_deal (f, acme, f->won_stage, 3000, "USD"));
  updated_before = test_db_query_int (f->db, "SELECT sum(updated_at) FROM contact");

  deletion = prospect_accounts_delete (f->db, acme, &error);
  g_assert_null (deletion);
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Acme"));
  g_assert_nonnull (strstr (error->message, "2 open deals"));
  g_assert_cmpint (deleted_at (f, "account", acme), ==, 0);
  g_assert_cmpint (deleted_at (f, "contact", ann), ==, 0);
  g_assert_cmpint (test_db_query_int (f->db, "SELECT sum(updated_at) FROM contact"), ==, updated_before);
}

static void
test_bad_input_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *acme = insert_account (f, "Acme");
  g_autoptr(ProspectAccount) blank = prospect_account_new ();
  g_autoptr(ProspectContact) contact = prospect_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 accounts = test_db_query_int (f->db, "SELECT count(*) FROM account");

  prospect_account_set_name (blank, "   ");
  g_assert_false (prospect_record_insert (PROSPECT_RECORD (blank), f->db, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, "name");
  g_assert_false (prospect_record_is_stored (PROSPECT_RECORD (blank)));
  g_assert_cmpint (test_db_query_int (f->db, "SELECT count(*) FROM account"), ==, accounts);
  g_clear_error (&error);

  prospect_contact_set_account_id (contact, acme);
  prospect_contact_set_email (contact, "ann@example.com");
  g_assert_false (prospect_accounts_save_contact (f->db, contact, &error));
  g_assert_cmpstr (prospect_error_get_field (error), ==, "name");
  g_clear_error (&error);

  prospect_contact_set_name (contact, "Ann");
  prospect_contact_set_email (contact, "ann at example");
  g_assert_false (prospect_accounts_save_contact (f->db, contact, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, "email");
  g_clear_error (&error);

  prospect_contact_set_email (contact, "ann@example.com");
  prospect_contact_set_phone (contact, "call me");
  g_assert_false (prospect_accounts_save_contact (f->db, contact, &error));
  g_assert_cmpstr (prospect_error_get_field (error), ==, "phone");
  g_clear_error (&error);
  g_assert_cmpint (test_db_query_int (f->db, "SELECT count(*) FROM contact"), ==, 0);

  prospect_contact_set_phone (contact, "+386 (1) 234-5678");
  g_assert_true (prospect_accounts_save_contact (f->db, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_db_query_int (f->db, "SELECT count(*) FROM contact"), ==, 1);
}

static void
test_contact_checks (void)
{
  static const struct { const char *text; gboolean email_ok; gboolean phone_ok; } cases[] = {
    { NULL, TRUE, TRUE },
    { "", TRUE, TRUE },
    { "ann@example.com", TRUE, FALSE },
    { "a.b+c@mail.example.co.uk", TRUE, FALSE },
    { "ann@example", FALSE, FALSE },
    { "@example.com", FALSE, FALSE },
    { "ann@@example.com", FALSE, FALSE },
    { "ann @example.com", FALSE, FALSE },
    { "ann@example.", FALSE, FALSE },
    { "ann@.com", FALSE, FALSE },
    { "+386 1 234 5678", FALSE, TRUE },
    { "(555) 010-9999 x12", FALSE, TRUE },
    { "12", FALSE, FALSE },
    { "555-CALL", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) email_error = NULL;
      g_autoptr(GError) phone_error = NULL;

      g_assert_cmpint (prospect_accounts_check_email (cases[i].text, &email_error), ==, cases[i].email_ok);
      g_assert_cmpint (prospect_accounts_check_phone (cases[i].text, &phone_error), ==, cases[i].phone_ok);
      if (!cases[i].email_ok)
        g_assert_cmpstr (prospect_error_get_field (email_error), ==, "email");
      if (!cases[i].phone_ok)
        g_assert_cmpstr (prospect_error_get_field (phone_error), ==, "phone");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/accounts/search-folding", test_search_folding);
  ADD ("/core/accounts/list-follows-changes", test_list_follows_changes);
  ADD ("/core/accounts/open-figures", test_open_figures);
  ADD ("/core/accounts/contacts-deals-history", test_parts);
  ADD ("/core/accounts/delete-and-undo", test_delete_and_undo);
  ADD ("/core/accounts/delete-refused-with-open-deals", test_delete_refused_with_open_deals);
  ADD ("/core/accounts/bad-input-refused", test_bad_input_refused);
#undef ADD
  g_test_add_func ("/core/accounts/contact-checks", test_contact_checks);

  return g_test_run ();
}
