/* prospect-account.c - a customer company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-account.h"
#include "prospect-error.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectAccount
{
  ProspectRecord parent_instance;

  char   *name;
  char   *sector;
  char   *region;
  gint64  revenue;
  char   *currency;
  gint    employees;
  char   *location;
  char   *parent_id;
  char   *owner_id;
  char   *external_id;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_SECTOR,
  PROP_REGION,
  PROP_REVENUE,
  PROP_CURRENCY,
  PROP_EMPLOYEES,
  PROP_LOCATION,
  PROP_PARENT_ID,
  PROP_OWNER_ID,
  PROP_EXTERNAL_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectAccount, prospect_account, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static gboolean
prospect_account_validate (ProspectRecord    *record,
                           ProspectDatabase  *db,
                           GError           **error)
{
  ProspectAccount *self = PROSPECT_ACCOUNT (record);

  /* -1 is "unknown" for the nullable numbers */
  if (!prospect_validate_not_blank (self->name, "name", _("The name cannot be empty"), error) ||
      !prospect_validate_non_negative (self->revenue == -1 ? 0 : self->revenue, "revenue",
                                       _("The revenue cannot be negative"), error) ||
      !prospect_validate_non_negative (self->employees == -1 ? 0 : self->employees, "employees",
                                       _("The number of employees cannot be negative"), error) ||
      !prospect_validate_currency (self->currency, "currency", error))
    return FALSE;

  if (self->parent_id != NULL &&
      g_strcmp0 (self->parent_id, prospect_record_get_id (record)) == 0)
    {
      prospect_set_invalid_error (error, "parent_id", _("An account cannot be its own parent"));
      return FALSE;
    }

  return prospect_validate_reference (db, "account", self->parent_id, "parent_id",
                                      _("The parent account does not exist"), error) &&
         prospect_validate_reference (db, "person", self->owner_id, "owner_id",
                                      _("The owner does not exist"), error);
}

static void
prospect_account_finalize (GObject *object)
{
  ProspectAccount *self = (ProspectAccount *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->external_id, g_free);

  G_OBJECT_CLASS (prospect_account_parent_class)->finalize (object);
}

static void
prospect_account_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ProspectAccount *self = PROSPECT_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_REVENUE:
      g_value_set_int64 (value, self->revenue);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_EMPLOYEES:
      g_value_set_int (value, self->employees);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;

    case PROP_OWNER_ID:
      g_value_set_string (value, self->owner_id);
      break;

    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_account_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ProspectAccount *self = PROSPECT_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      prospect_account_set_name (self, g_value_get_string (value));
      break;

    case PROP_SECTOR:
      prospect_account_set_sector (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      prospect_account_set_region (self, g_value_get_string (value));
      break;

    case PROP_REVENUE:
      prospect_account_set_revenue (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      prospect_account_set_currency (self, g_value_get_string (value));
      break;

    case PROP_EMPLOYEES:
      prospect_account_set_employees (self, g_value_get_int (value));
      break;

    case PROP_LOCATION:
      prospect_account_set_location (self, g_value_get_string (value));
      break;

    case PROP_PARENT_ID:
      prospect_account_set_parent_id (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      prospect_account_set_owner_id (self, g_value_get_string (value));
      break;

    case PROP_EXTERNAL_ID:
      prospect_account_set_external_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_account_class_init (ProspectAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_account_finalize;
  object_class->get_property = prospect_account_get_property;
  object_class->set_property = prospect_account_set_property;

  record_class->table = "account";
  record_class->validate = prospect_account_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVENUE] =
    g_param_spec_int64 ("revenue", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "USD",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMPLOYEES] =
    g_param_spec_int ("employees", NULL, NULL, G_MININT, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OWNER_ID] =
    g_param_spec_string ("owner-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "name", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "sector", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "region", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "revenue", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "currency", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "employees", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "location", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "parent-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "owner-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "external-id", PROSPECT_COLUMN_NULLABLE);
}

static void
prospect_account_init (ProspectAccount *self)
{
  self->revenue = -1;
  self->currency = g_strdup ("USD");
  self->employees = -1;
}

ProspectAccount *
prospect_account_new (void)
{
  return g_object_new (PROSPECT_TYPE_ACCOUNT, NULL);
}

ProspectAccount *
prospect_account_load (ProspectDatabase  *db,
                      const char        *id,
                      GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_ACCOUNT, id, error);
}

const char *
prospect_account_get_name (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->name;
}

void
prospect_account_set_name (ProspectAccount  *self,
                           const char       *name)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
prospect_account_get_sector (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->sector;
}

void
prospect_account_set_sector (ProspectAccount  *self,
                             const char       *sector)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->sector, sector))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR]);
}

const char *
prospect_account_get_region (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->region;
}

void
prospect_account_set_region (ProspectAccount  *self,
                             const char       *region)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

gint64
prospect_account_get_revenue (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), 0);

  return self->revenue;
}

void
prospect_account_set_revenue (ProspectAccount  *self,
                              gint64            revenue)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (self->revenue != revenue)
    {
      self->revenue = revenue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVENUE]);
    }
}

const char *
prospect_account_get_currency (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->currency;
}

void
prospect_account_set_currency (ProspectAccount  *self,
                               const char       *currency)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint
prospect_account_get_employees (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), 0);

  return self->employees;
}

void
prospect_account_set_employees (ProspectAccount  *self,
                                gint              employees)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (self->employees != employees)
    {
      self->employees = employees;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEES]);
    }
}

const char *
prospect_account_get_location (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->location;
}

void
prospect_account_set_location (ProspectAccount  *self,
                               const char       *location)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->location, location))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

const char *
prospect_account_get_parent_id (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->parent_id;
}

void
prospect_account_set_parent_id (ProspectAccount  *self,
                                const char       *parent_id)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->parent_id, parent_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

const char *
prospect_account_get_owner_id (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->owner_id;
}

void
prospect_account_set_owner_id (ProspectAccount  *self,
                               const char       *owner_id)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->owner_id, owner_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

const char *
prospect_account_get_external_id (ProspectAccount *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (self), NULL);

  return self->external_id;
}

void
prospect_account_set_external_id (ProspectAccount  *self,
                                  const char       *external_id)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNT (self));

  if (prospect_str_set (&self->external_id, external_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_ID]);
}

ProspectQuery *
prospect_account_query_all (void)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_ACCOUNT);

  prospect_query_order_by (query, "name", FALSE);

  return query;
}

ProspectQuery *
prospect_account_query_by_owner (const char *owner_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (owner_id != NULL, NULL);

  query = prospect_account_query_all ();
  prospect_query_where_text (query, "owner_id", PROSPECT_OP_EQ, owner_id);

  return query;
}
