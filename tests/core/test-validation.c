/* test-validation.c - bad input is refused with the field named, and
 * nothing is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-fixture.h"

/* One invalid value (or two, for rules about a pair of fields) set on an
 * otherwise valid record. Text values go to string properties, numbers to
 * integer ones. */
typedef struct
{
  const char *path;
  GType     (*get_type) (void);
  const char *property;
  const char *text;
  gint64      number;
  const char *property2;
  const char *text2;
  gint64      number2;
  const char *field;
} Rule;

#define TEXT(prop, value) prop, value, 0
#define NUMBER(prop, value) prop, NULL, value
#define NONE NULL, NULL, 0

static const Rule rules[] = {
  { "deal/empty-title", prospect_deal_get_type, TEXT ("title", ""), NONE, "title" },
  { "deal/blank-title", prospect_deal_get_type, TEXT ("title", " \t "), NONE, "title" },
  { "deal/negative-amount", prospect_deal_get_type, NUMBER ("amount", -100), NONE, "amount" },
  { "deal/probability-120", prospect_deal_get_type, NUMBER ("probability", 120), NONE, "probability" },
  { "deal/probability-minus-5", prospect_deal_get_type, NUMBER ("probability", -5), NONE, "probability" },
  { "deal/unknown-stage", prospect_deal_get_type, TEXT ("stage-id", "no-such-stage"), NONE, "stage_id" },
  { "deal/no-stage", prospect_deal_get_type, TEXT ("stage-id", NULL), NONE, "stage_id" },
  { "deal/close-month-13", prospect_deal_get_type, TEXT ("expected-close", "2026-13-01"), NONE, "expected_close" },
  { "deal/close-tomorrow", prospect_deal_get_type, TEXT ("expected-close", "tomorrow"), NONE, "expected_close" },
  { "deal/close-feb-30", prospect_deal_get_type, TEXT ("expected-close", "2026-02-30"), NONE, "expected_close" },
  { "deal/close-short-form", prospect_deal_get_type, TEXT ("expected-close", "2026-6-3"), NONE, "expected_close" },
  { "deal/currency-lower-case", prospect_deal_get_type, TEXT ("currency", "usd"), NONE, "currency" },
  { "deal/currency-four-letters", prospect_deal_get_type, TEXT ("currency", "EURO"), NONE, "currency" },
  { "deal/priority-3", prospect_deal_get_type, NUMBER ("priority", 3), NONE, "priority" },
  { "deal/unknown-owner", prospect_deal_get_type, TEXT ("owner-id", "nobody"), NONE, "owner_id" },
  { "deal/unknown-account", prospect_deal_get_type, TEXT ("account-id", "no-account"), NONE, "account_id" },
  { "person/empty-name", prospect_person_get_type, TEXT ("name", ""), NONE, "name" },
  { "person/unknown-role", prospect_person_get_type, TEXT ("role", "boss"), NONE, "role" },
  { "person/own-manager", prospect_person_get_type, TEXT ("id", "p-self"), TEXT ("manager-id", "p-self"), "manager_id" },
  { "account/negative-revenue", prospect_account_get_type, NUMBER ("revenue", -5), NONE, "revenue" },
  { "account/negative-employees", prospect_account_get_type, NUMBER ("employees", -3), NONE, "employees" },
  { "account/blank-name", prospect_account_get_type, TEXT ("name", "  "), NONE, "name" },
  { "contact/unknown-account", prospect_contact_get_type, TEXT ("account-id", "gone"), NONE, "account_id" },
  { "product/negative-price", prospect_product_get_type, NUMBER ("list-price", -1), NONE, "list_price" },
  { "stage/unknown-kind", prospect_stage_get_type, TEXT ("kind", "maybe"), NONE, "kind" },
  { "stage/probability-101", prospect_stage_get_type, NUMBER ("probability", 101), NONE, "probability" },
  { "stage/negative-position", prospect_stage_get_type, NUMBER ("position", -1), NONE, "position" },
  { "activity/empty-subject", prospect_activity_get_type, TEXT ("subject", ""), NONE, "subject" },
  { "activity/unknown-kind", prospect_activity_get_type, TEXT ("kind", "lunch"), NONE, "kind" },
  { "activity/negative-duration", prospect_activity_get_type, NUMBER ("duration-minutes", -10), NONE, "duration_minutes" },
  { "activity/not-a-leap-year", prospect_activity_get_type, TEXT ("due-date", "2026-02-29"), NONE, "due_date" },
  { "activity/timed-and-all-day", prospect_activity_get_type, NUMBER ("due-at", 1767607200000), TEXT ("due-date", "2026-05-04"), "due_date" },
  { "todo-item/empty-text", prospect_todo_item_get_type, TEXT ("text", ""), NONE, "text" },
  { "todo-item/negative-minutes", prospect_todo_item_get_type, NUMBER ("planned-minutes", -5), NONE, "planned_minutes" },
  { "todo-item/no-activity", prospect_todo_item_get_type, TEXT ("activity-id", NULL), NONE, "activity_id" },
  { "target/unknown-metric", prospect_target_get_type, TEXT ("metric", "revenue"), NONE, "metric" },
  { "target/unknown-period", prospect_target_get_type, TEXT ("period-kind", "week"), NONE, "period_kind" },
  { "target/april-31", prospect_target_get_type, TEXT ("period-start", "2026-04-31"), NONE, "period_start" },
  { "target/negative-value", prospect_target_get_type, NUMBER ("value", -1), NONE, "value" },
  { "target/nobody", prospect_target_get_type, TEXT ("person-id", NULL), NONE, "person_id" },
  { "coaching-plan/unknown-status", prospect_coaching_plan_get_type, TEXT ("status", "done"), NONE, "status" },
  { "coaching-plan/ends-before-start", prospect_coaching_plan_get_type, TEXT ("starts-on", "2026-05-01"), TEXT ("ends-on", "2026-04-30"), "ends_on" },
  { "coaching-plan/empty-skill", prospect_coaching_plan_get_type, TEXT ("skill", ""), NONE, "skill" },
  { "coaching-plan/unknown-rep", prospect_coaching_plan_get_type, TEXT ("rep-id", "ghost"), NONE, "rep_id" },
  { "coaching-note/empty-body", prospect_coaching_note_get_type, TEXT ("body", ""), NONE, "body" },
  { "coaching-note/held-yesterday", prospect_coaching_note_get_type, TEXT ("held-on", "yesterday"), NONE, "held_on" },
  { "coaching-note/no-date", prospect_coaching_note_get_type, TEXT ("held-on", NULL), NONE, "held_on" },
};

static void
set_value (GObject    *object,
           const char *property,
           const char *text,
           gint64      number)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  g_assert_nonnull (pspec);

  if (pspec->value_type == G_TYPE_STRING)
    g_object_set (object, property, text, NULL);
  else if (pspec->value_type == G_TYPE_INT64)
    g_object_set (object, property, number, NULL);
  else if (pspec->value_type == G_TYPE_INT)
    g_object_set (object, property, (int) number, NULL);
  else
    g_assert_not_reached ();
}

static void
assert_invalid (GError     *error,
                const char *field)
{
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_cmpstr (prospect_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
test_rule_on_insert (Fixture       *fixture,
                     gconstpointer  data)
{
  const Rule *rule = data;
  GType type = rule->get_type ();
  const char *table = prospect_record_type_get_table (type);
  g_autoptr(GObject) record = fixture_new_valid (fixture, type);
  g_autoptr(GError) error = NULL;
  gint64 rows_before = prospect_database_count (fixture->db, table, NULL);
  gint64 changes_before = test_db_query_int (fixture->db, "SELECT count(*) FROM deal_stage_change");
  ChangeLog log;

  change_log_init (&log, fixture->db, "changed");

  set_value (record, rule->property, rule->text, rule->number);
  if (rule->property2 != NULL)
    set_value (record, rule->property2, rule->text2, rule->number2);

  g_assert_false (prospect_record_validate (PROSPECT_RECORD (record), fixture->db, &error));
  assert_invalid (error, rule->field);
  g_clear_error (&error);

  g_assert_false (prospect_record_insert (PROSPECT_RECORD (record), fixture->db, &error));
  assert_invalid (error, rule->field);

  g_assert_false (prospect_record_is_stored (PROSPECT_RECORD (record)));
  g_assert_cmpint (prospect_database_count (fixture->db, table, NULL), ==, rows_before);
  g_assert_cmpint (test_db_query_int (fixture->db, "SELECT count(*) FROM deal_stage_change"), ==, changes_before);
  g_assert_cmpuint (log.events->len, ==, 0);
  g_assert_false (prospect_database_in_transaction (fixture->db));

  change_log_clear (&log, fixture->db);
}

static void
test_update_refused_keeps_row (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_load (fixture->db, fixture->deal_id, NULL);
  g_autoptr(ProspectDeal) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 history_before = test_db_query_int (fixture->db, "SELECT count(*) FROM field_change");

  g_assert_nonnull (deal);
  prospect_deal_set_amount (deal, 2500);
  prospect_deal_set_expected_close (deal, "2026-02-30");
  g_assert_false (prospect_record_update (PROSPECT_RECORD (deal), fixture->db, &error));
  assert_invalid (error, "expected_close");

  stored = prospect_deal_load (fixture->db, fixture->deal_id, NULL);
  g_assert_cmpint (prospect_deal_get_amount (stored), ==, 0);
  g_assert_null (prospect_deal_get_expected_close (stored));
  g_assert_cmpint (prospect_record_get_updated_at (PROSPECT_RECORD (deal)), ==,
                   prospect_record_get_updated_at (PROSPECT_RECORD (stored)));
  g_assert_cmpint (test_db_query_int (fixture->db, "SELECT count(*) FROM field_change"), ==, history_before);
}

static void
test_valid_edges_accepted (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GObject) deal = fixture_new_valid (fixture, PROSPECT_TYPE_DEAL);
  g_autoptr(GObject) activity = fixture_new_valid (fixture, PROSPECT_TYPE_ACTIVITY);
  g_autoptr(GError) error = NULL;

  /* leap day, probability at both ends, -1 = the stage's default */
  g_object_set (deal, "expected-close", "2028-02-29", "probability", 100, NULL);
  g_assert_true (prospect_record_validate (PROSPECT_RECORD (deal), fixture->db, &error));
  g_object_set (deal, "probability", 0, NULL);
  g_assert_true (prospect_record_validate (PROSPECT_RECORD (deal), fixture->db, &error));
  g_object_set (deal, "probability", -1, NULL);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (deal), fixture->db, &error));
  g_assert_no_error (error);

  /* a timed activity without an all-day date */
  g_object_set (activity, "due-date", NULL, "due-at", (gint64) 1767607200000, NULL);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (activity), fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_date_helper (void)
{
  const char *valid[] = { "2026-01-01", "2024-02-29", "2026-12-31", "0001-01-01" };
  const char *invalid[] = { "2026-13-01", "2026-00-10", "2026-02-29", "2026-04-31", "2026-1-01",
                            "2026/01/01", "tomorrow", "", "2026-01-01T10:00", "２026-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (prospect_date_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (prospect_date_is_valid (invalid[i]));
  g_assert_false (prospect_date_is_valid (NULL));

  g_assert_true (prospect_currency_is_valid ("EUR"));
  g_assert_false (prospect_currency_is_valid ("Eur"));
  g_assert_false (prospect_currency_is_valid ("E1R"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/validation/%s", rules[i].path);

      g_test_add (path, Fixture, &rules[i], fixture_set_up, test_rule_on_insert, fixture_tear_down);
    }

  g_test_add ("/core/validation/update-refused-keeps-row", Fixture, NULL,
              fixture_set_up, test_update_refused_keeps_row, fixture_tear_down);
  g_test_add ("/core/validation/valid-edges-accepted", Fixture, NULL,
              fixture_set_up, test_valid_edges_accepted, fixture_tear_down);
  g_test_add_func ("/core/validation/date-helper", test_date_helper);

  return g_test_run ();
}
