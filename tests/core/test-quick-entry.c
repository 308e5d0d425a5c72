/* test-quick-entry.c - the one-line parser and what it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-util.h"

/* Every relative date below is counted from Monday 2026-11-23, 09:00 local
 * (the test env pins TZ and LC_ALL=C.UTF-8, whose dates are m/d/y). */
#define NOW_Y 2026
#define NOW_M 11
#define NOW_D 23

typedef struct
{
  const char *text;
  const char *kind;
  /* matched account name; "?text" = unknown, offered for creation;
   * "*text" = ambiguous; NULL = none */
  const char *account;
  const char *due;           /* "YYYY-MM-DD" (all day) or "YYYY-MM-DD HH:MM"; NULL for deals */
  int         duration;      /* -1 = none */
  gint64      amount;        /* minor units, -1 = none */
  const char *close;
  const char *subject;
  const char *problem_field; /* NULL = parses cleanly */
} Case;

static const Case cases[] = {
  /* the four examples of the issue, verbatim */
  { "call Acme tomorrow 10:30 about renewal", "call", "Acme", "2026-11-24 10:30", -1, -1, NULL, "about renewal", NULL },
  { "meeting Globex fri 2pm 45min demo", "meeting", "Globex Corporation", "2026-11-27 14:00", 45, -1, NULL, "demo", NULL },
  { "deal Initech server upgrade 12k close june", "deal", "?Initech", NULL, -1, 1200000, "2027-06-30", "server upgrade", NULL },
  { "task send proposal to Acme next week", "task", "Acme", "2026-11-30", -1, -1, NULL, "send proposal to Acme", NULL },

  /* accounts: exact beats prefix, longer beats shorter, accents and case do not matter */
  { "call acme", "call", "Acme", "2026-11-23", -1, -1, NULL, "", NULL },
  { "call acme europe tomorrow", "call", "Acme Europe", "2026-11-24", -1, -1, NULL, "", NULL },
  { "call acm", "call", "*acm", "2026-11-23", -1, -1, NULL, "", NULL },
  { "call umbrella", "call", "*umbrella", "2026-11-23", -1, -1, NULL, "", NULL },
  { "call umbrella health at 3pm", "call", "Umbrella Health", "2026-11-23 15:00", -1, -1, NULL, "", NULL },
  { "visit café müller mon", "visit", "Café Müller GmbH", "2026-11-30", -1, -1, NULL, "", NULL },
  { "visit CAFE MULLER mon", "visit", "Café Müller GmbH", "2026-11-30", -1, -1, NULL, "", NULL },
  { "email müller re pricing", "email", "Café Müller GmbH", "2026-11-23", -1, -1, NULL, "re pricing", NULL },
  { "call with Hooli about pilot", "call", "?Hooli", "2026-11-23", -1, -1, NULL, "with Hooli about pilot", NULL },
  { "call the team", "call", NULL, "2026-11-23", -1, -1, NULL, "the team", NULL },
  { "call ac", "call", NULL, "2026-11-23", -1, -1, NULL, "ac", NULL },
  { "Initrode follow-up tomorrow", "task", "Initrode", "2026-11-24", -1, -1, NULL, "follow-up", NULL },
  { "close the deal with Acme", "task", "Acme", "2026-11-23", -1, -1, NULL, "close the deal with Acme", NULL },
  { "task call Acme 10:30", "task", "Acme", "2026-11-23 10:30", -1, -1, NULL, "call", NULL },
  { "e-mail Acme quote", "email", "Acme", "2026-11-23", -1, -1, NULL, "quote", NULL },

  /* dates: weekdays are the next one after today, locale order is m/d here */
  { "call Acme mon", "call", "Acme", "2026-11-30", -1, -1, NULL, "", NULL },
  { "call Acme sun", "call", "Acme", "2026-11-29", -1, -1, NULL, "", NULL },
  { "task Acme next fri", "task", "Acme", "2026-11-27", -1, -1, NULL, "", NULL },
  { "call Acme on thursday", "call", "Acme", "2026-11-26", -1, -1, NULL, "", NULL },
  { "call Acme 12/24", "call", "Acme", "2026-12-24", -1, -1, NULL, "", NULL },
  { "call Acme 11/20", "call", "Acme", "2027-11-20", -1, -1, NULL, "", NULL },
  { "call Acme 12/24/26", "call", "Acme", "2026-12-24", -1, -1, NULL, "", NULL },
  { "demo Globex 2026-12-15 10:00 1h30", "demo", "Globex Corporation", "2026-12-15 10:00", 90, -1, NULL, "", NULL },

  /* times and durations */
  { "meeting Acme today 14:00 1h", "meeting", "Acme", "2026-11-23 14:00", 60, -1, NULL, "", NULL },
  { "meeting Acme tue 9am 30 min", "meeting", "Acme", "2026-11-24 09:00", 30, -1, NULL, "", NULL },
  { "call Acme 2:30pm", "call", "Acme", "2026-11-23 14:30", -1, -1, NULL, "", NULL },
  { "call Acme 12pm", "call", "Acme", "2026-11-23 12:00", -1, -1, NULL, "", NULL },
  { "meeting Acme at 10 am", "meeting", "Acme", "2026-11-23 10:00", -1, -1, NULL, "", NULL },
  { "meeting Acme 2 hours", "meeting", "Acme", "2026-11-23", 120, -1, NULL, "", NULL },
  { "meeting Globex fri, 2pm, 1.5h demo", "meeting", "Globex Corporation", "2026-11-27 14:00", 90, -1, NULL, "demo", NULL },

  /* deals: amounts with suffixes and grouping, close dates */
  { "deal Acme Europe expansion 1.5m close 2026-12-15", "deal", "Acme Europe", NULL, -1, 150000000, "2026-12-15", "expansion", NULL },
  { "deal Globex 12,000 close nov", "deal", "Globex Corporation", NULL, -1, 1200000, "2026-11-30", "", NULL },
  { "deal Globex 12.000,50 close oct", "deal", "Globex Corporation", NULL, -1, 1200050, "2027-10-31", "", NULL },
  { "deal Globex 12,5k", "deal", "Globex Corporation", NULL, -1, 1250000, NULL, "", NULL },
  { "deal Globex 1,234,567.89", "deal", "Globex Corporation", NULL, -1, 123456789, NULL, "", NULL },
  { "deal Globex renewal 2027-01-31", "deal", "Globex Corporation", NULL, -1, -1, "2027-01-31", "renewal", NULL },

  /* malformed: nothing invented, the problem is named */
  { "", "task", NULL, "2026-11-23", -1, -1, NULL, "", NULL },
  { "   ", "task", NULL, "2026-11-23", -1, -1, NULL, "", NULL },
  { "meeting 25:99", "meeting", NULL, "2026-11-23", -1, -1, NULL, "", "due_at" },
  { "call Acme 13pm", "call", "Acme", "2026-11-23", -1, -1, NULL, "", "due_at" },
  { "deal Initrode 12kk", "deal", "Initrode", NULL, -1, -1, NULL, "", "amount" },
  { "deal Globex 12,00,000", "deal", "Globex Corporation", NULL, -1, -1, NULL, "", "amount" },
  { "deal Globex 5k 7k", "deal", "Globex Corporation", NULL, -1, 500000, NULL, "", "amount" },
  { "call tomorrow tomorrow", "call", NULL, "2026-11-24", -1, -1, NULL, "", "due_date" },
  { "call Acme 2026-02-30", "call", "Acme", "2026-11-23", -1, -1, NULL, "", "due_date" },
  { "meeting Acme fri 2pm 3pm", "meeting", "Acme", "2026-11-27 14:00", -1, -1, NULL, "", "due_at" },
};

static ProspectQuickEntryContext *
make_context (void)
{
  static const char * const names[] = {
    "Acme", "Acme Europe", "Globex Corporation", "Initrode", "Café Müller GmbH",
    "Umbrella Corp", "Umbrella Health",
  };
  ProspectQuickEntryContext *ctx = prospect_quick_entry_context_new ("USD");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("account-%u", i);
      prospect_quick_entry_context_add_account (ctx, id, names[i]);
    }
  return ctx;
}

static GDateTime *
make_now (void)
{
  return g_date_time_new_local (NOW_Y, NOW_M, NOW_D, 9, 0, 0);
}

static char *
describe_account (const ProspectQuickEntry *entry)
{
  switch (entry->account_match)
    {
    case PROSPECT_QUICK_ENTRY_ACCOUNT_MATCHED: return g_strdup (entry->account_name);
    case PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN: return g_strconcat ("?", entry->account_text, NULL);
    case PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS: return g_strconcat ("*", entry->account_text, NULL);
    case PROSPECT_QUICK_ENTRY_ACCOUNT_NONE:
    default: return NULL;
    }
}

static char *
describe_due (const ProspectQuickEntry *entry)
{
  if (entry->due_date == NULL || entry->due_hour < 0)
    return g_strdup (entry->due_date);
  return g_strdup_printf ("%s %02d:%02d", entry->due_date, entry->due_hour, entry->due_minute);
}

static void
test_table (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(ProspectQuickEntryContext) ctx = make_context ();
  g_autoptr(GDateTime) now = make_now ();
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_parse (c->text, now, ctx);
  g_autofree char *account = describe_account (entry);
  g_autofree char *due = describe_due (entry);

  g_test_message ("input: “%s”", c->text);
  g_assert_cmpstr (prospect_quick_entry_kind_to_string (entry->kind), ==, c->kind);
  g_assert_cmpstr (account, ==, c->account);
  g_assert_cmpstr (due, ==, c->due);
  g_assert_cmpint (entry->duration_minutes, ==, c->duration);
  g_assert_cmpint (entry->amount, ==, c->amount);
  g_assert_cmpstr (entry->expected_close, ==, c->close);
  g_assert_cmpstr (entry->subject, ==, c->subject);
  g_assert_cmpstr (entry->problem_field, ==, c->problem_field);
  g_assert_true ((entry->problem != NULL) == (c->problem_field != NULL));
}

static void
test_spans (void)
{
  const char *text = "call Acme tomorrow 10:30 about renewal";
  g_autoptr(ProspectQuickEntryContext) ctx = make_context ();
  g_autoptr(GDateTime) now = make_now ();
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_parse (text, now, ctx);
  static const struct { const char *piece; ProspectQuickEntryRole role; } expected[] = {
    { "call", PROSPECT_QUICK_ENTRY_ROLE_KIND },
    { "Acme", PROSPECT_QUICK_ENTRY_ROLE_ACCOUNT },
    { "tomorrow", PROSPECT_QUICK_ENTRY_ROLE_DATE },
    { "10:30", PROSPECT_QUICK_ENTRY_ROLE_TIME },
  };

  g_assert_cmpuint (entry->spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ProspectQuickEntrySpan *span = &g_array_index (entry->spans, ProspectQuickEntrySpan, i);
      g_autofree char *piece = g_strndup (text + span->start, span->end - span->start);

      g_assert_cmpstr (piece, ==, expected[i].piece);
      g_assert_cmpint (span->role, ==, expected[i].role);
    }
}

static void
test_ambiguous_candidates (void)
{
  g_autoptr(ProspectQuickEntryContext) ctx = make_context ();
  g_autoptr(GDateTime) now = make_now ();
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_parse ("call umbrella", now, ctx);

  g_assert_cmpint (entry->account_match, ==, PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS);
  g_assert_cmpuint (entry->candidates->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (entry->candidates, 0), ==, "Umbrella Corp");
  g_assert_cmpstr (g_ptr_array_index (entry->candidates, 1), ==, "Umbrella Health");
}

static void
test_currency_code (void)
{
  g_autoptr(ProspectQuickEntryContext) ctx = make_context ();
  g_autoptr(GDateTime) now = make_now ();
  g_autoptr(ProspectQuickEntry) usd = prospect_quick_entry_parse ("deal Globex 10k", now, ctx);
  g_autoptr(ProspectQuickEntry) eur = prospect_quick_entry_parse ("deal Globex 10k eur", now, ctx);
  g_autoptr(ProspectQuickEntry) yen = prospect_quick_entry_parse ("deal Globex 1.5m JPY", now, ctx);

  g_assert_cmpstr (usd->currency, ==, "USD");
  g_assert_cmpstr (eur->currency, ==, "EUR");
  g_assert_cmpint (eur->amount, ==, 1000000);
  g_assert_cmpstr (eur->subject, ==, "");
  /* the yen has no minor unit */
  g_assert_cmpstr (yen->currency, ==, "JPY");
  g_assert_cmpint (yen->amount, ==, 1500000);
}

/* A day-first locale with an apostrophe for grouping (as de_CH writes):
 * set on the context, so the test does not need the locale installed. */
static void
test_locale_formats (void)
{
  g_autoptr(ProspectQuickEntryContext) ctx = make_context ();
  g_autoptr(GDateTime) now = make_now ();
  g_autoptr(ProspectQuickEntry) day_first = NULL;
  g_autoptr(ProspectQuickEntry) dotted = NULL;
  g_autoptr(ProspectQuickEntry) past = NULL;

  prospect_quick_entry_context_set_locale (ctx, "%d.%m.%Y", "'");

  day_first = prospect_quick_entry_parse ("call Acme 24/12 9:15", now, ctx);
  g_assert_cmpstr (day_first->due_date, ==, "2026-12-24");
  g_assert_cmpint (day_first->due_hour, ==, 9);
  g_assert_cmpint (day_first->due_minute, ==, 15);

  dotted = prospect_quick_entry_parse ("deal Globex 1'200'000 close 15.12.2026", now, ctx);
  g_assert_null (dotted->problem);
  g_assert_cmpint (dotted->amount, ==, 120000000);
  g_assert_cmpstr (dotted->expected_close, ==, "2026-12-15");

  /* 12 November is behind us: the next one */
  past = prospect_quick_entry_parse ("call Acme 12/11", now, ctx);
  g_assert_cmpstr (past->due_date, ==, "2027-11-12");
}

static void
test_parse_amount (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  g_assert_true (prospect_quick_entry_parse_amount (" 12k ", "USD", &minor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (minor, ==, 1200000);

  g_assert_true (prospect_quick_entry_parse_amount ("0.99", "EUR", &minor, &error));
  g_assert_cmpint (minor, ==, 99);

  g_assert_false (prospect_quick_entry_parse_amount ("0.999", "EUR", &minor, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, "amount");
  g_clear_error (&error);

  g_assert_false (prospect_quick_entry_parse_amount ("12kk", "USD", &minor, &error));
  g_assert_cmpstr (prospect_error_get_field (error), ==, "amount");
  g_assert_nonnull (strstr (error->message, "12kk"));
  g_clear_error (&error);

  g_assert_false (prospect_quick_entry_parse_amount ("-5", "USD", &minor, &error));
  g_assert_cmpstr (prospect_error_get_field (error), ==, "amount");
}

static void
test_form_fields (void)
{
  g_autoptr(ProspectQuickEntryContext) ctx = make_context ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  int hour = -1, minute = -1, minutes = -1;

  g_assert_true (prospect_quick_entry_parse_time ("2:30 pm", &hour, &minute, &error));
  g_assert_cmpint (hour, ==, 14);
  g_assert_cmpint (minute, ==, 30);
  g_assert_true (prospect_quick_entry_parse_time ("07:05", &hour, &minute, &error));
  g_assert_cmpint (hour, ==, 7);
  g_assert_false (prospect_quick_entry_parse_time ("24:00", &hour, &minute, &error));
  g_assert_cmpstr (prospect_error_get_field (error), ==, "due_at");
  g_clear_error (&error);
  g_assert_false (prospect_quick_entry_parse_time ("10:30 later", &hour, &minute, &error));
  g_clear_error (&error);

  g_assert_true (prospect_quick_entry_parse_duration ("45", &minutes, &error));
  g_assert_cmpint (minutes, ==, 45);
  g_assert_true (prospect_quick_entry_parse_duration ("1h30", &minutes, &error));
  g_assert_cmpint (minutes, ==, 90);
  g_assert_true (prospect_quick_entry_parse_duration ("2 hours", &minutes, &error));
  g_assert_cmpint (minutes, ==, 120);
  g_assert_false (prospect_quick_entry_parse_duration ("soon", &minutes, &error));
  g_assert_cmpstr (prospect_error_get_field (error), ==, "duration_minutes");
  g_clear_error (&error);

  g_assert_cmpint (prospect_quick_entry_context_match_account (ctx, "ACME", &id, &name), ==,
                   PROSPECT_QUICK_ENTRY_ACCOUNT_MATCHED);
  g_assert_cmpstr (name, ==, "Acme");
  g_assert_cmpstr (id, ==, "account-0");
  g_assert_cmpint (prospect_quick_entry_context_match_account (ctx, "umbrella", NULL, NULL), ==,
                   PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS);
  g_assert_cmpint (prospect_quick_entry_context_match_account (ctx, "Hooli", NULL, NULL), ==,
                   PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN);
  g_assert_cmpint (prospect_quick_entry_context_match_account (ctx, "  ", NULL, NULL), ==,
                   PROSPECT_QUICK_ENTRY_ACCOUNT_NONE);
}

/* Commit: a database with accounts that have 0, 1 and 2 open deals. */

typedef struct
{
  ProspectDatabase          *db;
  ProspectQuickEntryContext *ctx;
  GDateTime                 *now;
  char                      *me;
  char                      *acme_id;
  char                      *acme_deal_id;
  char                      *globex_id;
} Commit;

static char *
insert_account (ProspectDatabase *db,
                const char       *name)
{
  g_autoptr(ProspectAccount) account = prospect_account_new ();
  g_autoptr(GError) error = NULL;

  prospect_account_set_name (account, name);
  prospect_record_insert (PROSPECT_RECORD (account), db, &error);
  g_assert_no_error (error);
  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (account)));
}

static char *
insert_deal (ProspectDatabase *db,
             const char       *account_id,
             int               stage_position)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stage_id = test_db_stage_id (db, stage_position);

  prospect_deal_set_title (deal, "Existing deal");
  prospect_deal_set_account_id (deal, account_id);
  prospect_deal_set_stage_id (deal, stage_id);
  prospect_record_insert (PROSPECT_RECORD (deal), db, &error);
  g_assert_no_error (error);
  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal)));
}

static void
commit_set_up (Commit        *f,
               gconstpointer  data)
{
  g_autoptr(ProspectPerson) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *initrode_id = NULL;
  g_autofree char *won_id = NULL;

  f->db = test_db_open_fresh ("quick-entry.db");
  me = test_insert_person (f->db, "Rui Rep", "rep");
  f->me = g_strdup (prospect_record_get_id (PROSPECT_RECORD (me)));
  prospect_database_set_setting (f->db, "currency", "EUR", &error);
  g_assert_no_error (error);

  f->acme_id = insert_account (f->db, "Acme Corp");
  f->globex_id = insert_account (f->db, "Globex");
  initrode_id = insert_account (f->db, "Initrode");
  f->acme_deal_id = insert_deal (f->db, f->acme_id, 1);
  /* a won deal does not count: Acme still has exactly one open deal */
  won_id = insert_deal (f->db, f->acme_id, 4);
  g_free (insert_deal (f->db, f->globex_id, 0));
  g_free (insert_deal (f->db, f->globex_id, 2));

  f->ctx = prospect_quick_entry_context_new_for_database (f->db, &error);
  g_assert_no_error (error);
  f->now = make_now ();
}

static void
commit_tear_down (Commit        *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_pointer (&f->ctx, prospect_quick_entry_context_free);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_free (f->me);
  g_free (f->acme_id);
  g_free (f->acme_deal_id);
  g_free (f->globex_id);
}

static ProspectRecord *
commit_text (Commit     *f,
             const char *text)
{
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_parse (text, f->now, f->ctx);
  g_autoptr(GError) error = NULL;
  ProspectRecord *record = prospect_quick_entry_commit (entry, f->db, f->me, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static void
test_commit_call (Commit        *f,
                  gconstpointer  data)
{
  g_autoptr(ProspectRecord) record = commit_text (f, "call Acme tomorrow 10:30 about renewal");
  g_autoptr(ProspectActivity) stored = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_local (2026, 11, 24, 10, 30, 0);
  g_autoptr(GError) error = NULL;

  stored = prospect_activity_load (f->db, prospect_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_activity_get_kind (stored), ==, "call");
  g_assert_cmpstr (prospect_activity_get_subject (stored), ==, "about renewal");
  g_assert_cmpstr (prospect_activity_get_account_id (stored), ==, f->acme_id);
  g_assert_cmpstr (prospect_activity_get_deal_id (stored), ==, f->acme_deal_id);
  g_assert_cmpstr (prospect_activity_get_owner_id (stored), ==, f->me);
  g_assert_cmpint (prospect_activity_get_due_at (stored), ==, g_date_time_to_unix (due) * 1000);
  g_assert_null (prospect_activity_get_due_date (stored));
  g_assert_false (prospect_activity_is_done (stored));
}

static void
test_commit_meeting_two_deals (Commit        *f,
                               gconstpointer  data)
{
  g_autoptr(ProspectRecord) record = commit_text (f, "meeting Globex fri 2pm 45min demo");
  ProspectActivity *activity = PROSPECT_ACTIVITY (record);

  /* two open deals: not guessed */
  g_assert_null (prospect_activity_get_deal_id (activity));
  g_assert_cmpstr (prospect_activity_get_account_id (activity), ==, f->globex_id);
  g_assert_cmpint (prospect_activity_get_duration_minutes (activity), ==, 45);
  g_assert_cmpstr (prospect_activity_get_kind (activity), ==, "meeting");
}

static void
test_commit_all_day_task (Commit        *f,
                          gconstpointer  data)
{
  g_autoptr(ProspectRecord) record = commit_text (f, "task send proposal to Acme next week");
  ProspectActivity *activity = PROSPECT_ACTIVITY (record);

  g_assert_cmpstr (prospect_activity_get_due_date (activity), ==, "2026-11-30");
  g_assert_cmpint (prospect_activity_get_due_at (activity), ==, -1);
  g_assert_cmpstr (prospect_activity_get_subject (activity), ==, "send proposal to Acme");
  g_assert_cmpint (test_db_query_int (f->db, "SELECT count(*) FROM activity WHERE due_date = '2026-11-30'"), ==, 1);
}

static void
test_commit_default_subject (Commit        *f,
                             gconstpointer  data)
{
  g_autoptr(ProspectRecord) record = commit_text (f, "call acme");

  g_assert_cmpstr (prospect_activity_get_subject (PROSPECT_ACTIVITY (record)), ==, "Call Acme Corp");
}

static void
test_commit_deal (Commit        *f,
                  gconstpointer  data)
{
  g_autoptr(ProspectRecord) record = commit_text (f, "deal Initrode server upgrade 12k close june");
  g_autoptr(ProspectDeal) stored = NULL;
  g_autofree char *first_stage = test_db_stage_id (f->db, 0);
  g_autoptr(GError) error = NULL;

  stored = prospect_deal_load (f->db, prospect_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prospect_deal_get_title (stored), ==, "server upgrade");
  g_assert_cmpstr (prospect_deal_get_stage_id (stored), ==, first_stage);
  g_assert_cmpstr (prospect_deal_get_status (stored), ==, "open");
  g_assert_cmpint (prospect_deal_get_amount (stored), ==, 1200000);
  g_assert_cmpstr (prospect_deal_get_currency (stored), ==, "EUR");
  g_assert_cmpstr (prospect_deal_get_expected_close (stored), ==, "2027-06-30");
  g_assert_cmpstr (prospect_deal_get_owner_id (stored), ==, f->me);
}

static void
assert_refused (Commit     *f,
                const char *text,
                const char *field)
{
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_parse (text, f->now, f->ctx);
  g_autoptr(GError) error = NULL;
  gint64 deals = prospect_database_count (f->db, "deal", NULL);
  gint64 activities = prospect_database_count (f->db, "activity", NULL);
  g_autoptr(ProspectRecord) record = prospect_quick_entry_commit (entry, f->db, f->me, &error);

  g_assert_null (record);
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_cmpint (prospect_database_count (f->db, "deal", NULL), ==, deals);
  g_assert_cmpint (prospect_database_count (f->db, "activity", NULL), ==, activities);
}

static void
test_commit_refused (Commit        *f,
                     gconstpointer  data)
{
  assert_refused (f, "deal Initech server upgrade 12k close june", "account_id");
  assert_refused (f, "call with Hooli tomorrow", "account_id");
  assert_refused (f, "deal Initrode 12kk", "amount");
  assert_refused (f, "meeting Acme 25:99", "due_at");
}

static void
test_commit_unknown_message (Commit        *f,
                             gconstpointer  data)
{
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_parse ("call Initek tomorrow", f->now, f->ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectRecord) record = prospect_quick_entry_build (entry, f->db, f->me, &error);

  g_assert_null (record);
  g_assert_cmpint (entry->account_match, ==, PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "Initek"));
}

/* Fields corrected in the form go through the record's own validation. */
static void
test_commit_validation_propagates (Commit        *f,
                                   gconstpointer  data)
{
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_parse ("deal Initrode 12k", f->now, f->ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectRecord) record = NULL;

  g_free (entry->currency);
  entry->currency = g_strdup ("euro");
  record = prospect_quick_entry_commit (entry, f->db, f->me, &error);
  g_assert_null (record);
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, "currency");
  g_assert_cmpint (test_db_query_int (f->db, "SELECT count(*) FROM deal WHERE amount = 1200000"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/quick-entry/parse/%02u", i);
      g_test_add_data_func (path, &cases[i], test_table);
    }
  g_test_add_func ("/core/quick-entry/spans", test_spans);
  g_test_add_func ("/core/quick-entry/ambiguous-candidates", test_ambiguous_candidates);
  g_test_add_func ("/core/quick-entry/currency-code", test_currency_code);
  g_test_add_func ("/core/quick-entry/locale-formats", test_locale_formats);
  g_test_add_func ("/core/quick-entry/parse-amount", test_parse_amount);
  g_test_add_func ("/core/quick-entry/form-fields", test_form_fields);

#define ADD_COMMIT(path, func) \
  g_test_add (path, Commit, NULL, commit_set_up, func, commit_tear_down)
  ADD_COMMIT ("/core/quick-entry/commit/call", test_commit_call);
  ADD_COMMIT ("/core/quick-entry/commit/meeting-two-deals", test_commit_meeting_two_deals);
  ADD_COMMIT ("/core/quick-entry/commit/all-day-task", test_commit_all_day_task);
  ADD_COMMIT ("/core/quick-entry/commit/default-subject", test_commit_default_subject);
  ADD_COMMIT ("/core/quick-entry/commit/deal", test_commit_deal);
  ADD_COMMIT ("/core/quick-entry/commit/refused", test_commit_refused);
  ADD_COMMIT ("/core/quick-entry/commit/unknown-message", test_commit_unknown_message);
  ADD_COMMIT ("/core/quick-entry/commit/validation-propagates", test_commit_validation_propagates);
#undef ADD_COMMIT

  return g_test_run ();
}
