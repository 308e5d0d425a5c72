/* prospect-person.c - a member of the sales organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-error.h"
#include "prospect-person.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectPerson
{
  ProspectRecord parent_instance;

  char     *name;
  char     *email;
  char     *role;
  char     *manager_id;
  char     *region;
  gboolean  active;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_MANAGER_ID,
  PROP_REGION,
  PROP_ACTIVE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectPerson, prospect_person, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const char * const roles[] = { "rep", "manager", "director", NULL };

static gboolean
prospect_person_validate (ProspectRecord    *record,
                          ProspectDatabase  *db,
                          GError           **error)
{
  ProspectPerson *self = PROSPECT_PERSON (record);

  if (!prospect_validate_not_blank (self->name, "name", _("The name cannot be empty"), error) ||
      !prospect_validate_one_of (self->role, roles, "role",
                                 _("The role must be rep, manager or director"), error))
    return FALSE;

  if (self->manager_id != NULL &&
      g_strcmp0 (self->manager_id, prospect_record_get_id (record)) == 0)
    {
      prospect_set_invalid_error (error, "manager_id", _("A person cannot be their own manager"));
      return FALSE;
    }

  return prospect_validate_reference (db, "person", self->manager_id, "manager_id",
                                      _("The manager does not exist"), error);
}

static void
prospect_person_finalize (GObject *object)
{
  ProspectPerson *self = (ProspectPerson *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->manager_id, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (prospect_person_parent_class)->finalize (object);
}

static void
prospect_person_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ProspectPerson *self = PROSPECT_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_MANAGER_ID:
      g_value_set_string (value, self->manager_id);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_person_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ProspectPerson *self = PROSPECT_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      prospect_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      prospect_person_set_email (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      prospect_person_set_role (self, g_value_get_string (value));
      break;

    case PROP_MANAGER_ID:
      prospect_person_set_manager_id (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      prospect_person_set_region (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      prospect_person_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_person_class_init (ProspectPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_person_finalize;
  object_class->get_property = prospect_person_get_property;
  object_class->set_property = prospect_person_set_property;

  record_class->table = "person";
  record_class->validate = prospect_person_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "rep",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MANAGER_ID] =
    g_param_spec_string ("manager-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "name", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "email", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "role", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "manager-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "region", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "active", PROSPECT_COLUMN_DEFAULT);
}

static void
prospect_person_init (ProspectPerson *self)
{
  self->role = g_strdup ("rep");
  self->active = TRUE;
}

ProspectPerson *
prospect_person_new (void)
{
  return g_object_new (PROSPECT_TYPE_PERSON, NULL);
}

ProspectPerson *
prospect_person_load (ProspectDatabase  *db,
                     const char        *id,
                     GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_PERSON, id, error);
}

const char *
prospect_person_get_name (ProspectPerson *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERSON (self), NULL);

  return self->name;
}

void
prospect_person_set_name (ProspectPerson  *self,
                          const char      *name)
{
  g_return_if_fail (PROSPECT_IS_PERSON (self));

  if (prospect_str_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
prospect_person_get_email (ProspectPerson *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERSON (self), NULL);

  return self->email;
}

void
prospect_person_set_email (ProspectPerson  *self,
                           const char      *email)
{
  g_return_if_fail (PROSPECT_IS_PERSON (self));

  if (prospect_str_set (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
prospect_person_get_role (ProspectPerson *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERSON (self), NULL);

  return self->role;
}

void
prospect_person_set_role (ProspectPerson  *self,
                          const char      *role)
{
  g_return_if_fail (PROSPECT_IS_PERSON (self));

  if (prospect_str_set (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
prospect_person_get_manager_id (ProspectPerson *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERSON (self), NULL);

  return self->manager_id;
}

void
prospect_person_set_manager_id (ProspectPerson  *self,
                                const char      *manager_id)
{
  g_return_if_fail (PROSPECT_IS_PERSON (self));

  if (prospect_str_set (&self->manager_id, manager_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
}

const char *
prospect_person_get_region (ProspectPerson *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERSON (self), NULL);

  return self->region;
}

void
prospect_person_set_region (ProspectPerson  *self,
                            const char      *region)
{
  g_return_if_fail (PROSPECT_IS_PERSON (self));

  if (prospect_str_set (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

gboolean
prospect_person_get_active (ProspectPerson *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERSON (self), FALSE);

  return self->active;
}

void
prospect_person_set_active (ProspectPerson  *self,
                            gboolean         active)
{
  g_return_if_fail (PROSPECT_IS_PERSON (self));

  active = !!active;

  if (self->active != active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

ProspectQuery *
prospect_person_query_all (void)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_PERSON);

  prospect_query_order_by (query, "name", FALSE);

  return query;
}

ProspectQuery *
prospect_person_query_reports (const char *manager_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (manager_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_PERSON);
  prospect_query_where_text (query, "manager_id", PROSPECT_OP_EQ, manager_id);
  prospect_query_order_by (query, "name", FALSE);

  return query;
}
