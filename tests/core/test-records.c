/* test-records.c - every entity: create, load, update, list, delete, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-fixture.h"

typedef struct
{
  GType        (*get_type) (void);
  /* a text property the test edits, and the two values it uses (NULL =
   * the fixture's first and second stage ids) */
  const char    *property;
  const char    *first_value;
  const char    *second_value;
} EntityCase;

static const EntityCase cases[] = {
  { prospect_person_get_type, "name", "Ana Novak", "Ana Kovač" },
  { prospect_account_get_type, "name", "Globex", "Globex Group" },
  { prospect_contact_get_type, "name", "Dan Doe", "Daniel Doe" },
  { prospect_product_get_type, "name", "Gadget", "Gadget 2" },
  { prospect_stage_get_type, "name", "Nurture", "Nurturing" },
  { prospect_deal_get_type, "title", "50 seats", "60 seats" },
  { prospect_deal_stage_change_get_type, "to-stage-id", NULL, NULL },
  { prospect_field_change_get_type, "new-value", "200", "300" },
  { prospect_activity_get_type, "subject", "Call Ana", "Call Ana back" },
  { prospect_todo_item_get_type, "text", "Prepare quote", "Send quote" },
  { prospect_target_get_type, "period-start", "2026-04-01", "2026-07-01" },
  { prospect_coaching_plan_get_type, "skill", "Discovery calls", "Qualified → Proposal" },
  { prospect_coaching_note_get_type, "body", "Talked about pricing", "Talked about pricing and timing" },
};

static char *
dup_string_property (GObject    *object,
                     const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);

  return value;
}

static gboolean
fetch_contains (ProspectDatabase *db,
                GType             type,
                gboolean          include_deleted,
                const char       *id)
{
  g_autoptr(ProspectQuery) query = prospect_query_new (type);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  prospect_query_set_include_deleted (query, include_deleted);
  rows = prospect_query_fetch (query, db, 0, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (prospect_record_get_id (g_ptr_array_index (rows, i)), id) == 0)
      return TRUE;

  return FALSE;
}

static void
assert_last_event (ChangeLog  *log,
                   const char *table,
                   const char *id,
                   const char *change)
{
  g_autofree char *expected = g_strdup_printf ("%s %s %s", table, id, change);

  g_assert_cmpuint (log->events->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (log->events, log->events->len - 1), ==, expected);
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  const EntityCase *c = data;
  GType type = c->get_type ();
  const char *table = prospect_record_type_get_table (type);
  g_autofree char *signal = g_strdup_printf ("changed::%s", table);
  g_autofree char *first = g_strdup (c->first_value != NULL ? c->first_value : fixture->stage_id);
  g_autofree char *second = g_strdup (c->second_value != NULL ? c->second_value : fixture->next_stage_id);
  g_autoptr(GObject) record = fixture_new_valid (fixture, type);
  g_autoptr(ProspectRecord) loaded = NULL;
  g_autoptr(ProspectRecord) reloaded = NULL;
  g_autoptr(ProspectRecord) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded_value = NULL;
  g_autofree char *updated_value = NULL;
  g_autofree char *id = NULL;
  gint64 count_before;
  ChangeLog log;

  change_log_init (&log, fixture->db, signal);
  count_before = prospect_database_count (fixture->db, table, NULL);

  /* create */
  g_object_set (record, c->property, first, NULL);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (record), fixture->db, &error));
  g_assert_no_error (error);
  id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (record)));
  g_assert_nonnull (id);
  g_assert_true (prospect_record_is_stored (PROSPECT_RECORD (record)));
  g_assert_cmpint (prospect_database_count (fixture->db, table, NULL), ==, count_before + 1);
  g_assert_cmpuint (log.events->len, ==, 1);
  assert_last_event (&log, table, id, "inserted");

  /* load */
  loaded = prospect_record_load (fixture->db, type, id, &error);
  g_assert_no_error (error);
  g_assert_true (G_OBJECT_TYPE (loaded) == type);
  loaded_value = dup_string_property (G_OBJECT (loaded), c->property);
  g_assert_cmpstr (loaded_value, ==, first);
  g_assert_cmpint (prospect_record_get_created_at (loaded), ==,
                   prospect_record_get_created_at (PROSPECT_RECORD (record)));

  /* update */
  g_object_set (loaded, c->property, second, NULL);
  g_assert_true (prospect_record_update (loaded, fixture->db, &error));
  g_assert_no_error (error);
  assert_last_event (&log, table, id, "updated");
  reloaded = prospect_record_load (fixture->db, type, id, &error);
  g_assert_no_error (error);
  updated_value = dup_string_property (G_OBJECT (reloaded), c->property);
  g_assert_cmpstr (updated_value, ==, second);
  g_assert_cmpint (prospect_record_get_updated_at (reloaded), >=,
                   prospect_record_get_created_at (reloaded));

  /* list */
  g_assert_true (fetch_contains (fixture->db, type, FALSE, id));

  /* soft delete */
  g_assert_true (prospect_record_delete (loaded, fixture->db, &error));
  g_assert_no_error (error);
  assert_last_event (&log, table, id, "deleted");
  g_assert_cmpint (prospect_record_get_deleted_at (loaded), >, 0);
  g_assert_cmpint (prospect_database_count (fixture->db, table, NULL), ==, count_before);
  gone = prospect_record_load (fixture->db, type, id, &error);
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  g_assert_false (fetch_contains (fixture->db, type, FALSE, id));
  g_assert_true (fetch_contains (fixture->db, type, TRUE, id));

  /* a second delete finds nothing to delete */
  g_assert_false (prospect_record_delete (loaded, fixture->db, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* restore */
  g_assert_true (prospect_record_restore (loaded, fixture->db, &error));
  g_assert_no_error (error);
  assert_last_event (&log, table, id, "inserted");
  g_assert_cmpint (prospect_record_get_deleted_at (loaded), ==, 0);
  g_assert_cmpint (prospect_database_count (fixture->db, table, NULL), ==, count_before + 1);
  g_assert_true (fetch_contains (fixture->db, type, FALSE, id));

  /* insert, update, delete, restore: nothing else on this detail */
  g_assert_cmpuint (log.events->len, ==, 4);

  change_log_clear (&log, fixture->db);
}

static void
test_nullable_values (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ProspectAccount) account = prospect_account_new ();
  g_autoptr(ProspectAccount) loaded = NULL;
  g_autoptr(ProspectCoachingPlan) plan = prospect_coaching_plan_new ();
  g_autoptr(ProspectCoachingPlan) loaded_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* -1 / NaN / "" in optional fields are stored as NULL and come back so */
  g_assert_cmpint (prospect_account_get_revenue (account), ==, -1);
  prospect_account_set_name (account, "No numbers Inc");
  prospect_account_set_sector (account, "");
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (account), fixture->db, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT (revenue IS NULL) + (employees IS NULL) + (sector IS NULL) "
                         "FROM account WHERE id = '%s'",
                         prospect_record_get_id (PROSPECT_RECORD (account)));
  g_assert_cmpint (test_db_query_int (fixture->db, sql), ==, 3);

  loaded = prospect_account_load (fixture->db, prospect_record_get_id (PROSPECT_RECORD (account)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (prospect_account_get_revenue (loaded), ==, -1);
  g_assert_cmpint (prospect_account_get_employees (loaded), ==, -1);
  g_assert_null (prospect_account_get_sector (loaded));

  prospect_coaching_plan_set_rep_id (plan, fixture->rep_id);
  prospect_coaching_plan_set_coach_id (plan, fixture->manager_id);
  prospect_coaching_plan_set_skill (plan, "Closing");
  prospect_coaching_plan_set_target_value (plan, 0.35);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (plan), fixture->db, &error));
  g_assert_no_error (error);
  loaded_plan = prospect_coaching_plan_load (fixture->db, prospect_record_get_id (PROSPECT_RECORD (plan)), &error);
  g_assert_no_error (error);
  g_assert_true (isnan (prospect_coaching_plan_get_baseline_value (loaded_plan)));
  g_assert_cmpfloat (prospect_coaching_plan_get_target_value (loaded_plan), ==, 0.35);
  g_assert_cmpstr (prospect_coaching_plan_get_status (loaded_plan), ==, "planned");
}

static void
test_convenience_queries (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ProspectQuery) reports = prospect_person_query_reports (fixture->manager_id);
  g_autoptr(ProspectQuery) everybody = prospect_person_query_all ();
  g_autoptr(ProspectQuery) contacts = prospect_contact_query_for_account (fixture->account_id);
  g_autoptr(ProspectQuery) history = prospect_deal_stage_change_query_for_deal (fixture->deal_id);
  g_autoptr(ProspectPerson) zoe = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  zoe = prospect_person_new ();
  prospect_person_set_name (zoe, "anna lowercase");
  prospect_person_set_manager_id (zoe, fixture->manager_id);
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (zoe), fixture->db, &error));

  /* case-insensitive name order: "anna lowercase" < "Rui Rep" */
  rows = prospect_query_fetch (reports, fixture->db, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (prospect_person_get_name (g_ptr_array_index (rows, 0)), ==, "anna lowercase");
  g_assert_cmpstr (prospect_person_get_name (g_ptr_array_index (rows, 1)), ==, "Rui Rep");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_cmpint (prospect_query_count (everybody, fixture->db, &error), ==, 3);
  g_assert_cmpint (prospect_query_count (contacts, fixture->db, &error), ==, 1);

  /* the fixture deal's creation wrote its first stage */
  rows = prospect_query_fetch (history, fixture->db, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_null (prospect_deal_stage_change_get_from_stage_id (g_ptr_array_index (rows, 0)));
  g_assert_cmpstr (prospect_deal_stage_change_get_to_stage_id (g_ptr_array_index (rows, 0)), ==,
                   fixture->stage_id);
}

static void
test_activity_mark_done (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ProspectActivity) activity = NULL;
  g_autoptr(ProspectActivity) stored = NULL;
  g_autoptr(ProspectQuery) open = prospect_activity_query_open_for_owner (fixture->rep_id);
  g_autoptr(GError) error = NULL;
  const gint64 now = G_GINT64_CONSTANT (1776240000000);

  activity = PROSPECT_ACTIVITY (fixture_new_valid (fixture, PROSPECT_TYPE_ACTIVITY));
  g_assert_true (prospect_record_insert (PROSPECT_RECORD (activity), fixture->db, &error));
  g_assert_false (prospect_activity_is_done (activity));
  g_assert_cmpint (prospect_query_count (open, fixture->db, NULL), ==, 1);

  prospect_clock_set_fake_ms (now);
  g_assert_true (prospect_activity_mark_done (activity, fixture->db, &error));
  prospect_clock_set_fake_ms (0);
  g_assert_no_error (error);

  stored = prospect_activity_load (fixture->db, prospect_record_get_id (PROSPECT_RECORD (activity)), &error);
  g_assert_no_error (error);
  g_assert_true (prospect_activity_is_done (stored));
  g_assert_cmpint (prospect_activity_get_done_at (stored), ==, now);
  g_assert_cmpint (prospect_query_count (open, fixture->db, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *table = prospect_record_type_get_table (cases[i].get_type ());
      g_autofree char *path = g_strdup_printf ("/core/records/%s/lifecycle", table);

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_lifecycle, fixture_tear_down);
    }

  g_test_add ("/core/records/nullable-values", Fixture, NULL,
              fixture_set_up, test_nullable_values, fixture_tear_down);
  g_test_add ("/core/records/convenience-queries", Fixture, NULL,
              fixture_set_up, test_convenience_queries, fixture_tear_down);
  g_test_add ("/core/records/activity-mark-done", Fixture, NULL,
              fixture_set_up, test_activity_mark_done, fixture_tear_down);

  return g_test_run ();
}
