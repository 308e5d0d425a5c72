/* prospect-deal.c - a sales opportunity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-deal.h"
#include "prospect-error.h"
#include "prospect-record-private.h"
#include "prospect-stage.h"
#include "prospect-validate.h"

struct _ProspectDeal
{
  ProspectRecord parent_instance;

  char   *title;
  char   *account_id;
  char   *contact_id;
  char   *owner_id;
  char   *stage_id;
  gint64  amount;
  char   *currency;
  gint    probability;
  char   *expected_close;
  gint    priority;
  char   *next_step;
  char   *challenges;
  char   *region;
  char   *channel;
  char   *product_id;
  char   *source;
  char   *status;
  char   *lost_reason;
  char   *closed_on;
  char   *external_id;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ACCOUNT_ID,
  PROP_CONTACT_ID,
  PROP_OWNER_ID,
  PROP_STAGE_ID,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_PROBABILITY,
  PROP_EXPECTED_CLOSE,
  PROP_PRIORITY,
  PROP_NEXT_STEP,
  PROP_CHALLENGES,
  PROP_REGION,
  PROP_CHANNEL,
  PROP_PRODUCT_ID,
  PROP_SOURCE,
  PROP_STATUS,
  PROP_LOST_REASON,
  PROP_CLOSED_ON,
  PROP_EXTERNAL_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectDeal, prospect_deal, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = { "open", "won", "lost", NULL };

static gboolean
validate_references (ProspectDeal      *self,
                     ProspectDatabase  *db,
                     GError           **error)
{
  return prospect_validate_reference (db, "account", self->account_id, "account_id",
                                      _("The account does not exist"), error) &&
         prospect_validate_reference (db, "contact", self->contact_id, "contact_id",
                                      _("The contact does not exist"), error) &&
         prospect_validate_reference (db, "person", self->owner_id, "owner_id",
                                      _("The owner does not exist"), error) &&
         prospect_validate_reference (db, "product", self->product_id, "product_id",
                                      _("The product does not exist"), error);
}

static gboolean
prospect_deal_validate (ProspectRecord    *record,
                        ProspectDatabase  *db,
                        GError           **error)
{
  ProspectDeal *self = PROSPECT_DEAL (record);

  if (!prospect_validate_not_blank (self->title, "title", _("The title cannot be empty"), error) ||
      !prospect_validate_non_negative (self->amount, "amount",
                                       _("The amount cannot be negative"), error) ||
      !prospect_validate_currency (self->currency, "currency", error))
    return FALSE;

  if (self->probability < -1 || self->probability > 100)
    {
      prospect_set_invalid_error (error, "probability",
                                  _("The probability must be between 0 and 100"));
      return FALSE;
    }

  if (self->priority < 0 || self->priority > 2)
    {
      prospect_set_invalid_error (error, "priority", _("The priority must be low, normal or high"));
      return FALSE;
    }

  if (!prospect_validate_date (self->expected_close, "expected_close", FALSE, error) ||
      !prospect_validate_date (self->closed_on, "closed_on", FALSE, error) ||
      !prospect_validate_one_of (self->status, statuses, "status",
                                 _("The status must be open, won or lost"), error))
    return FALSE;

  if (!prospect_validate_not_blank (self->stage_id, "stage_id", _("The deal needs a stage"), error) ||
      !prospect_validate_reference (db, "stage", self->stage_id, "stage_id",
                                    _("The stage does not exist"), error))
    return FALSE;

  if (g_str_equal (self->status, "open") != (self->closed_on == NULL))
    {
      prospect_set_invalid_error (error, "closed_on",
                                  _("A deal has a close date exactly when it is won or lost"));
      return FALSE;
    }

  return validate_references (self, db, error);
}

/* The status is the stage's kind; a closed deal has a close date. */
static void
prospect_deal_normalize (ProspectRecord   *record,
                         ProspectDatabase *db)
{
  ProspectDeal *self = PROSPECT_DEAL (record);
  g_autoptr(ProspectStage) stage = NULL;
  const char *kind;

  stage = prospect_stage_load (db, self->stage_id, NULL);
  if (stage == NULL)
    return;  /* validation names the unknown stage */

  kind = prospect_stage_get_kind (stage);
  prospect_deal_set_status (self, kind);

  if (g_str_equal (kind, "open"))
    prospect_deal_set_closed_on (self, NULL);
  else if (self->closed_on == NULL)
    {
      g_autofree char *today = prospect_clock_today_iso ();

      prospect_deal_set_closed_on (self, today);
    }

  if (!g_str_equal (kind, "lost"))
    prospect_deal_set_lost_reason (self, NULL);
}

static gboolean
insert_stage_change (ProspectDeal      *self,
                     ProspectDatabase  *db,
                     const char        *from_stage_id,
                     gint64             changed_at,
                     GError           **error)
{
  g_autofree char *id = prospect_id_new ();
  g_autofree char *author = prospect_database_get_me (db);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prospect_database_prepare (db,
                                    "INSERT INTO deal_stage_change (id, created_at, updated_at, deal_id, "
                                    "from_stage_id, to_stage_id, changed_at, changed_by) "
                                    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?2, ?6)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, changed_at);
  sqlite3_bind_text (stmt, 3, prospect_record_get_id (PROSPECT_RECORD (self)), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, from_stage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, self->stage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, author, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    rc = sqlite3_errcode (prospect_database_get_handle (db));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  prospect_database_notify_changed (db, "deal_stage_change", id, PROSPECT_CHANGE_INSERTED);

  return TRUE;
}

static gboolean
prospect_deal_written (ProspectRecord    *record,
                       ProspectRecord    *previous,
                       ProspectDatabase  *db,
                       GError           **error)
{
  ProspectDeal *self = PROSPECT_DEAL (record);
  const char *from_stage_id = NULL;

  if (previous != NULL)
    {
      from_stage_id = PROSPECT_DEAL (previous)->stage_id;
      if (g_strcmp0 (from_stage_id, self->stage_id) == 0)
        return TRUE;
    }

  return insert_stage_change (self, db, from_stage_id,
                              prospect_record_get_updated_at (record), error);
}

static void
prospect_deal_finalize (GObject *object)
{
  ProspectDeal *self = (ProspectDeal *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->contact_id, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->expected_close, g_free);
  g_clear_pointer (&self->next_step, g_free);
  g_clear_pointer (&self->challenges, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->product_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->lost_reason, g_free);
  g_clear_pointer (&self->closed_on, g_free);
  g_clear_pointer (&self->external_id, g_free);

  G_OBJECT_CLASS (prospect_deal_parent_class)->finalize (object);
}

static void
prospect_deal_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ProspectDeal *self = PROSPECT_DEAL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    case PROP_CONTACT_ID:
      g_value_set_string (value, self->contact_id);
      break;

    case PROP_OWNER_ID:
      g_value_set_string (value, self->owner_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_PROBABILITY:
      g_value_set_int (value, self->probability);
      break;

    case PROP_EXPECTED_CLOSE:
      g_value_set_string (value, self->expected_close);
      break;

    case PROP_PRIORITY:
      g_value_set_int (value, self->priority);
      break;

    case PROP_NEXT_STEP:
      g_value_set_string (value, self->next_step);
      break;

    case PROP_CHALLENGES:
      g_value_set_string (value, self->challenges);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_string (value, self->product_id);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_LOST_REASON:
      g_value_set_string (value, self->lost_reason);
      break;

    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;

    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_deal_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ProspectDeal *self = PROSPECT_DEAL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      prospect_deal_set_title (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_ID:
      prospect_deal_set_account_id (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_ID:
      prospect_deal_set_contact_id (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      prospect_deal_set_owner_id (self, g_value_get_string (value));
      break;

    case PROP_STAGE_ID:
      prospect_deal_set_stage_id (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT:
      prospect_deal_set_amount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      prospect_deal_set_currency (self, g_value_get_string (value));
      break;

    case PROP_PROBABILITY:
      prospect_deal_set_probability (self, g_value_get_int (value));
      break;

    case PROP_EXPECTED_CLOSE:
      prospect_deal_set_expected_close (self, g_value_get_string (value));
      break;

    case PROP_PRIORITY:
      prospect_deal_set_priority (self, g_value_get_int (value));
      break;

    case PROP_NEXT_STEP:
      prospect_deal_set_next_step (self, g_value_get_string (value));
      break;

    case PROP_CHALLENGES:
      prospect_deal_set_challenges (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      prospect_deal_set_region (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      prospect_deal_set_channel (self, g_value_get_string (value));
      break;

    case PROP_PRODUCT_ID:
      prospect_deal_set_product_id (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      prospect_deal_set_source (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      prospect_deal_set_status (self, g_value_get_string (value));
      break;

    case PROP_LOST_REASON:
      prospect_deal_set_lost_reason (self, g_value_get_string (value));
      break;

    case PROP_CLOSED_ON:
      prospect_deal_set_closed_on (self, g_value_get_string (value));
      break;

    case PROP_EXTERNAL_ID:
      prospect_deal_set_external_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_deal_class_init (ProspectDealClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_deal_finalize;
  object_class->get_property = prospect_deal_get_property;
  object_class->set_property = prospect_deal_set_property;

  record_class->table = "deal";
  record_class->validate = prospect_deal_validate;
  record_class->normalize = prospect_deal_normalize;
  record_class->written = prospect_deal_written;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTACT_ID] =
    g_param_spec_string ("contact-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OWNER_ID] =
    g_param_spec_string ("owner-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "USD",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", NULL, NULL, G_MININT, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXPECTED_CLOSE] =
    g_param_spec_string ("expected-close", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL, G_MININT, G_MAXINT, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NEXT_STEP] =
    g_param_spec_string ("next-step", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHALLENGES] =
    g_param_spec_string ("challenges", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRODUCT_ID] =
    g_param_spec_string ("product-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "open",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOST_REASON] =
    g_param_spec_string ("lost-reason", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Every field the deal page edits is in the deal's history; the
   * external id is the importer's bookkeeping */
  prospect_record_class_add_column (record_class, "title", PROSPECT_COLUMN_SEARCHABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "account-id", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "contact-id", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "owner-id", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "stage-id", PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "amount", PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "currency", PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "probability", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "expected-close", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "priority", PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "next-step", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "challenges", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "region", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "channel", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "product-id", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "source", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "status", PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "lost-reason", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "closed-on", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "external-id", PROSPECT_COLUMN_NULLABLE);
}

static void
prospect_deal_init (ProspectDeal *self)
{
  self->currency = g_strdup ("USD");
  self->probability = -1;
  self->priority = 1;
  self->status = g_strdup ("open");
}

ProspectDeal *
prospect_deal_new (void)
{
  return g_object_new (PROSPECT_TYPE_DEAL, NULL);
}

ProspectDeal *
prospect_deal_load (ProspectDatabase  *db,
                   const char        *id,
                   GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_DEAL, id, error);
}

const char *
prospect_deal_get_title (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->title;
}

void
prospect_deal_set_title (ProspectDeal  *self,
                         const char    *title)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
prospect_deal_get_account_id (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->account_id;
}

void
prospect_deal_set_account_id (ProspectDeal  *self,
                              const char    *account_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->account_id, account_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
prospect_deal_get_contact_id (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->contact_id;
}

void
prospect_deal_set_contact_id (ProspectDeal  *self,
                              const char    *contact_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->contact_id, contact_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

const char *
prospect_deal_get_owner_id (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->owner_id;
}

void
prospect_deal_set_owner_id (ProspectDeal  *self,
                            const char    *owner_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->owner_id, owner_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

const char *
prospect_deal_get_stage_id (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->stage_id;
}

void
prospect_deal_set_stage_id (ProspectDeal  *self,
                            const char    *stage_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->stage_id, stage_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_ID]);
}

gint64
prospect_deal_get_amount (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), 0);

  return self->amount;
}

void
prospect_deal_set_amount (ProspectDeal  *self,
                          gint64         amount)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (self->amount != amount)
    {
      self->amount = amount;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
    }
}

const char *
prospect_deal_get_currency (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->currency;
}

void
prospect_deal_set_currency (ProspectDeal  *self,
                            const char    *currency)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint
prospect_deal_get_probability (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), 0);

  return self->probability;
}

void
prospect_deal_set_probability (ProspectDeal  *self,
                               gint           probability)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (self->probability != probability)
    {
      self->probability = probability;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBABILITY]);
    }
}

const char *
prospect_deal_get_expected_close (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->expected_close;
}

void
prospect_deal_set_expected_close (ProspectDeal  *self,
                                  const char    *expected_close)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->expected_close, expected_close))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_CLOSE]);
}

gint
prospect_deal_get_priority (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), 0);

  return self->priority;
}

void
prospect_deal_set_priority (ProspectDeal  *self,
                            gint           priority)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (self->priority != priority)
    {
      self->priority = priority;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
    }
}

const char *
prospect_deal_get_next_step (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->next_step;
}

void
prospect_deal_set_next_step (ProspectDeal  *self,
                             const char    *next_step)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->next_step, next_step))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_STEP]);
}

const char *
prospect_deal_get_challenges (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->challenges;
}

void
prospect_deal_set_challenges (ProspectDeal  *self,
                              const char    *challenges)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->challenges, challenges))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHALLENGES]);
}

const char *
prospect_deal_get_region (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->region;
}

void
prospect_deal_set_region (ProspectDeal  *self,
                          const char    *region)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

const char *
prospect_deal_get_channel (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->channel;
}

void
prospect_deal_set_channel (ProspectDeal  *self,
                           const char    *channel)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->channel, channel))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

const char *
prospect_deal_get_product_id (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->product_id;
}

void
prospect_deal_set_product_id (ProspectDeal  *self,
                              const char    *product_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->product_id, product_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_ID]);
}

const char *
prospect_deal_get_source (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->source;
}

void
prospect_deal_set_source (ProspectDeal  *self,
                          const char    *source)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char *
prospect_deal_get_status (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->status;
}

void
prospect_deal_set_status (ProspectDeal  *self,
                          const char    *status)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
prospect_deal_get_lost_reason (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->lost_reason;
}

void
prospect_deal_set_lost_reason (ProspectDeal  *self,
                               const char    *lost_reason)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->lost_reason, lost_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOST_REASON]);
}

const char *
prospect_deal_get_closed_on (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->closed_on;
}

void
prospect_deal_set_closed_on (ProspectDeal  *self,
                             const char    *closed_on)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->closed_on, closed_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED_ON]);
}

const char *
prospect_deal_get_external_id (ProspectDeal *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL (self), NULL);

  return self->external_id;
}

void
prospect_deal_set_external_id (ProspectDeal  *self,
                               const char    *external_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL (self));

  if (prospect_str_set (&self->external_id, external_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_ID]);
}

typedef struct
{
  char *stage_id;
  char *status;
  char *closed_on;
  char *lost_reason;
} StageFields;

static void
stage_fields_save (ProspectDeal *self,
                   StageFields  *saved)
{
  saved->stage_id = g_strdup (self->stage_id);
  saved->status = g_strdup (self->status);
  saved->closed_on = g_strdup (self->closed_on);
  saved->lost_reason = g_strdup (self->lost_reason);
}

static void
stage_fields_restore (ProspectDeal *self,
                      StageFields  *saved)
{
  prospect_deal_set_stage_id (self, saved->stage_id);
  prospect_deal_set_status (self, saved->status);
  prospect_deal_set_closed_on (self, saved->closed_on);
  prospect_deal_set_lost_reason (self, saved->lost_reason);
}

static void
stage_fields_clear (StageFields *saved)
{
  g_clear_pointer (&saved->stage_id, g_free);
  g_clear_pointer (&saved->status, g_free);
  g_clear_pointer (&saved->closed_on, g_free);
  g_clear_pointer (&saved->lost_reason, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StageFields, stage_fields_clear)

gboolean
prospect_deal_move_to_stage (ProspectDeal      *self,
                             ProspectDatabase  *db,
                             const char        *stage_id,
                             const char        *closed_on,
                             const char        *lost_reason,
                             GError           **error)
{
  g_auto(StageFields) saved = { NULL };

  g_return_val_if_fail (PROSPECT_IS_DEAL (self), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stage_id != NULL, FALSE);

  stage_fields_save (self, &saved);

  /* normalize() derives status and clears what the stage's kind excludes */
  prospect_deal_set_stage_id (self, stage_id);
  prospect_deal_set_closed_on (self, closed_on);
  prospect_deal_set_lost_reason (self, lost_reason);

  if (!prospect_record_update (PROSPECT_RECORD (self), db, error))
    {
      stage_fields_restore (self, &saved);
      return FALSE;
    }

  return TRUE;
}

gint
prospect_deal_get_effective_probability (ProspectDeal     *self,
                                         ProspectDatabase *db)
{
  g_autoptr(ProspectStage) stage = NULL;

  g_return_val_if_fail (PROSPECT_IS_DEAL (self), 0);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), 0);

  if (self->probability >= 0)
    return self->probability;

  stage = prospect_stage_load (db, self->stage_id, NULL);

  return stage != NULL ? prospect_stage_get_probability (stage) : 0;
}

ProspectQuery *
prospect_deal_query_all (void)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_DEAL);

  prospect_query_order_by (query, "updated_at", TRUE);

  return query;
}

ProspectQuery *
prospect_deal_query_open_for_owner (const char *owner_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (owner_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_DEAL);
  prospect_query_where_text (query, "owner_id", PROSPECT_OP_EQ, owner_id);
  prospect_query_where_text (query, "status", PROSPECT_OP_EQ, "open");
  prospect_query_order_by (query, "expected_close", FALSE);

  return query;
}

ProspectQuery *
prospect_deal_query_for_account (const char *account_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (account_id != NULL, NULL);

  query = prospect_deal_query_all ();
  prospect_query_where_text (query, "account_id", PROSPECT_OP_EQ, account_id);

  return query;
}

ProspectQuery *
prospect_deal_query_in_stage (const char *stage_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (stage_id != NULL, NULL);

  query = prospect_deal_query_all ();
  prospect_query_where_text (query, "stage_id", PROSPECT_OP_EQ, stage_id);

  return query;
}
