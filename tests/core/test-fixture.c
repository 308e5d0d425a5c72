/* test-fixture.c - a database with one row of each kind to point at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-fixture.h"

static char *
insert_or_die (ProspectRecord   *record,
               ProspectDatabase *db)
{
  g_autoptr(GError) error = NULL;

  prospect_record_insert (record, db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (record));
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ProspectPerson) manager = NULL;
  g_autoptr(ProspectPerson) rep = NULL;
  g_autoptr(ProspectAccount) account = prospect_account_new ();
  g_autoptr(ProspectContact) contact = prospect_contact_new ();
  g_autoptr(ProspectProduct) product = prospect_product_new ();
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();

  fixture->db = test_db_open_fresh ("records.db");
  fixture->stage_id = test_db_stage_id (fixture->db, 0);
  fixture->next_stage_id = test_db_stage_id (fixture->db, 1);

  manager = test_insert_person (fixture->db, "Mia Manager", "manager");
  fixture->manager_id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (manager)));
  rep = prospect_person_new ();
  prospect_person_set_name (rep, "Rui Rep");
  prospect_person_set_manager_id (rep, fixture->manager_id);
  fixture->rep_id = insert_or_die (PROSPECT_RECORD (rep), fixture->db);

  prospect_account_set_name (account, "Acme Ltd");
  fixture->account_id = insert_or_die (PROSPECT_RECORD (account), fixture->db);

  prospect_contact_set_name (contact, "Carla Contact");
  prospect_contact_set_account_id (contact, fixture->account_id);
  fixture->contact_id = insert_or_die (PROSPECT_RECORD (contact), fixture->db);

  prospect_product_set_name (product, "Widget Pro");
  fixture->product_id = insert_or_die (PROSPECT_RECORD (product), fixture->db);

  prospect_deal_set_title (deal, "Fixture deal");
  prospect_deal_set_stage_id (deal, fixture->stage_id);
  fixture->deal_id = insert_or_die (PROSPECT_RECORD (deal), fixture->db);

  prospect_activity_set_subject (activity, "Fixture call");
  fixture->activity_id = insert_or_die (PROSPECT_RECORD (activity), fixture->db);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->manager_id);
  g_free (fixture->rep_id);
  g_free (fixture->account_id);
  g_free (fixture->contact_id);
  g_free (fixture->product_id);
  g_free (fixture->stage_id);
  g_free (fixture->next_stage_id);
  g_free (fixture->deal_id);
  g_free (fixture->activity_id);
}

static void
fill_person (GObject *record, Fixture *f)
{
  g_object_set (record, "name", "Pat Person",
                "role", "rep", "manager-id", f->manager_id, "email", "p@example.com", NULL);
}

static void
fill_account (GObject *record, Fixture *f)
{
  g_object_set (record, "name", "Initech",
                "owner-id", f->rep_id, "revenue", (gint64) 125000000, "employees", 40, NULL);
}

static void
fill_contact (GObject *record, Fixture *f)
{
  g_object_set (record, "name", "Chris Contact",
                "account-id", f->account_id, "phone", "+386 1 234 5678", NULL);
}

static void
fill_product (GObject *record, Fixture *f)
{
  g_object_set (record, "name", "Gizmo",
                "family", "Widgets", "list-price", (gint64) 99900, "currency", "EUR", NULL);
}

static void
fill_stage (GObject *record, Fixture *f)
{
  g_object_set (record, "name", "Nurture",
                "position", 6, "kind", "open", "probability", 5, NULL);
}

static void
fill_deal (GObject *record, Fixture *f)
{
  g_object_set (record, "title", "Fixture title",
                "stage-id", f->stage_id, "account-id", f->account_id, "contact-id", f->contact_id,
                "owner-id", f->rep_id, "product-id", f->product_id, "amount", (gint64) 1500000,
                "expected-close", "2026-06-30", NULL);
}

static void
fill_deal_stage_change (GObject *record, Fixture *f)
{
  g_object_set (record, "to-stage-id", f->next_stage_id,
                "deal-id", f->deal_id, "from-stage-id", f->stage_id,
                "changed-at", (gint64) 1767607200000, NULL);
}

static void
fill_field_change (GObject *record, Fixture *f)
{
  g_object_set (record, "new-value", "200",
                "entity", "deal", "entity-id", f->deal_id, "field", "amount",
                "old-value", "100", "changed-at", (gint64) 1767607200000, NULL);
}

static void
fill_activity (GObject *record, Fixture *f)
{
  g_object_set (record, "subject", "Call back",
                "kind", "call", "deal-id", f->deal_id, "owner-id", f->rep_id,
                "due-date", "2026-05-04", "duration-minutes", 30, NULL);
}

static void
fill_todo_item (GObject *record, Fixture *f)
{
  g_object_set (record, "text", "Draft agenda",
                "activity-id", f->activity_id, "planned-minutes", 15, NULL);
}

static void
fill_target (GObject *record, Fixture *f)
{
  g_object_set (record, "period-start", "2026-04-01",
                "person-id", f->rep_id, "period-kind", "quarter",
                "metric", "won_value", "value", (gint64) 50000000, NULL);
}

static void
fill_coaching_plan (GObject *record, Fixture *f)
{
  g_object_set (record, "skill", "Discovery",
                "rep-id", f->rep_id, "coach-id", f->manager_id,
                "starts-on", "2026-04-01", "ends-on", "2026-06-30",
                "baseline-value", 0.18, NULL);
}

static void
fill_coaching_note (GObject *record, Fixture *f)
{
  g_object_set (record, "body", "Went through the pipeline",
                "rep-id", f->rep_id, "author-id", f->manager_id,
                "held-on", "2026-04-07", "shared", FALSE, NULL);
}

GObject *
fixture_new_valid (Fixture *fixture,
                   GType    type)
{
  const struct {
    GType (*get_type) (void);
    void  (*fill)     (GObject *record, Fixture *f);
  } fillers[] = {
    { prospect_person_get_type, fill_person },
    { prospect_account_get_type, fill_account },
    { prospect_contact_get_type, fill_contact },
    { prospect_product_get_type, fill_product },
    { prospect_stage_get_type, fill_stage },
    { prospect_deal_get_type, fill_deal },
    { prospect_deal_stage_change_get_type, fill_deal_stage_change },
    { prospect_field_change_get_type, fill_field_change },
    { prospect_activity_get_type, fill_activity },
    { prospect_todo_item_get_type, fill_todo_item },
    { prospect_target_get_type, fill_target },
    { prospect_coaching_plan_get_type, fill_coaching_plan },
    { prospect_coaching_note_get_type, fill_coaching_note },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (fillers[i].get_type () == type)
      {
        GObject *record = g_object_new (type, NULL);

        fillers[i].fill (record, fixture);
        return record;
      }

  g_assert_not_reached ();
}
