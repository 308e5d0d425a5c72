/* prospect-contact.c - a person at a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-contact.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectContact
{
  ProspectRecord parent_instance;

  char *account_id;
  char *name;
  char *title;
  char *email;
  char *phone;
};

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_EMAIL,
  PROP_PHONE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectContact, prospect_contact, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static gboolean
prospect_contact_validate (ProspectRecord    *record,
                           ProspectDatabase  *db,
                           GError           **error)
{
  ProspectContact *self = PROSPECT_CONTACT (record);

  return prospect_validate_not_blank (self->name, "name", _("The name cannot be empty"), error) &&
         prospect_validate_reference (db, "account", self->account_id, "account_id",
                                      _("The account does not exist"), error);
}

static void
prospect_contact_finalize (GObject *object)
{
  ProspectContact *self = (ProspectContact *)object;

  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (prospect_contact_parent_class)->finalize (object);
}

static void
prospect_contact_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ProspectContact *self = PROSPECT_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_contact_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ProspectContact *self = PROSPECT_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      prospect_contact_set_account_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      prospect_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      prospect_contact_set_title (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      prospect_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      prospect_contact_set_phone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_contact_class_init (ProspectContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_contact_finalize;
  object_class->get_property = prospect_contact_get_property;
  object_class->set_property = prospect_contact_set_property;

  record_class->table = "contact";
  record_class->validate = prospect_contact_validate;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "account-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "name", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "title", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "email", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "phone", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
}

static void
prospect_contact_init (ProspectContact *self)
{
}

ProspectContact *
prospect_contact_new (void)
{
  return g_object_new (PROSPECT_TYPE_CONTACT, NULL);
}

ProspectContact *
prospect_contact_load (ProspectDatabase  *db,
                      const char        *id,
                      GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_CONTACT, id, error);
}

const char *
prospect_contact_get_account_id (ProspectContact *self)
{
  g_return_val_if_fail (PROSPECT_IS_CONTACT (self), NULL);

  return self->account_id;
}

void
prospect_contact_set_account_id (ProspectContact  *self,
                                 const char       *account_id)
{
  g_return_if_fail (PROSPECT_IS_CONTACT (self));

  if (prospect_str_set (&self->account_id, account_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
prospect_contact_get_name (ProspectContact *self)
{
  g_return_val_if_fail (PROSPECT_IS_CONTACT (self), NULL);

  return self->name;
}

void
prospect_contact_set_name (ProspectContact  *self,
                           const char       *name)
{
  g_return_if_fail (PROSPECT_IS_CONTACT (self));

  if (prospect_str_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
prospect_contact_get_title (ProspectContact *self)
{
  g_return_val_if_fail (PROSPECT_IS_CONTACT (self), NULL);

  return self->title;
}

void
prospect_contact_set_title (ProspectContact  *self,
                            const char       *title)
{
  g_return_if_fail (PROSPECT_IS_CONTACT (self));

  if (prospect_str_set (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
prospect_contact_get_email (ProspectContact *self)
{
  g_return_val_if_fail (PROSPECT_IS_CONTACT (self), NULL);

  return self->email;
}

void
prospect_contact_set_email (ProspectContact  *self,
                            const char       *email)
{
  g_return_if_fail (PROSPECT_IS_CONTACT (self));

  if (prospect_str_set (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
prospect_contact_get_phone (ProspectContact *self)
{
  g_return_val_if_fail (PROSPECT_IS_CONTACT (self), NULL);

  return self->phone;
}

void
prospect_contact_set_phone (ProspectContact  *self,
                            const char       *phone)
{
  g_return_if_fail (PROSPECT_IS_CONTACT (self));

  if (prospect_str_set (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

ProspectQuery *
prospect_contact_query_all (void)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_CONTACT);

  prospect_query_order_by (query, "name", FALSE);

  return query;
}

ProspectQuery *
prospect_contact_query_for_account (const char *account_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (account_id != NULL, NULL);

  query = prospect_contact_query_all ();
  prospect_query_where_text (query, "account_id", PROSPECT_OP_EQ, account_id);

  return query;
}
