/* prospect-field-change.c - one logged change of a field (the timeline)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-field-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-field-change.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectFieldChange
{
  ProspectRecord parent_instance;

  char   *entity;
  char   *entity_id;
  char   *field;
  char   *old_value;
  char   *new_value;
  gint64  changed_at;
  char   *changed_by;
};

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_CHANGED_AT,
  PROP_CHANGED_BY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectFieldChange, prospect_field_change, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static gboolean
prospect_field_change_validate (ProspectRecord    *record,
                                ProspectDatabase  *db,
                                GError           **error)
{
  ProspectFieldChange *self = PROSPECT_FIELD_CHANGE (record);

  return prospect_validate_not_blank (self->entity, "entity", _("The changed item is not named"), error) &&
         prospect_validate_not_blank (self->entity_id, "entity_id", _("The changed item is not named"), error) &&
         prospect_validate_not_blank (self->field, "field", _("The changed field is not named"), error) &&
         prospect_validate_reference (db, "person", self->changed_by, "changed_by",
                                      _("The person does not exist"), error);
}

static void
prospect_field_change_finalize (GObject *object)
{
  ProspectFieldChange *self = (ProspectFieldChange *)object;

  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);
  g_clear_pointer (&self->changed_by, g_free);

  G_OBJECT_CLASS (prospect_field_change_parent_class)->finalize (object);
}

static void
prospect_field_change_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ProspectFieldChange *self = PROSPECT_FIELD_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;

    case PROP_ENTITY_ID:
      g_value_set_string (value, self->entity_id);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;

    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;

    case PROP_CHANGED_AT:
      g_value_set_int64 (value, self->changed_at);
      break;

    case PROP_CHANGED_BY:
      g_value_set_string (value, self->changed_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_field_change_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ProspectFieldChange *self = PROSPECT_FIELD_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      prospect_field_change_set_entity (self, g_value_get_string (value));
      break;

    case PROP_ENTITY_ID:
      prospect_field_change_set_entity_id (self, g_value_get_string (value));
      break;

    case PROP_FIELD:
      prospect_field_change_set_field (self, g_value_get_string (value));
      break;

    case PROP_OLD_VALUE:
      prospect_field_change_set_old_value (self, g_value_get_string (value));
      break;

    case PROP_NEW_VALUE:
      prospect_field_change_set_new_value (self, g_value_get_string (value));
      break;

    case PROP_CHANGED_AT:
      prospect_field_change_set_changed_at (self, g_value_get_int64 (value));
      break;

    case PROP_CHANGED_BY:
      prospect_field_change_set_changed_by (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_field_change_class_init (ProspectFieldChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_field_change_finalize;
  object_class->get_property = prospect_field_change_get_property;
  object_class->set_property = prospect_field_change_set_property;

  record_class->table = "field_change";
  record_class->validate = prospect_field_change_validate;

  properties[PROP_ENTITY] =
    g_param_spec_string ("entity", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTITY_ID] =
    g_param_spec_string ("entity-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OLD_VALUE] =
    g_param_spec_string ("old-value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NEW_VALUE] =
    g_param_spec_string ("new-value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGED_AT] =
    g_param_spec_int64 ("changed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGED_BY] =
    g_param_spec_string ("changed-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "entity", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "entity-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "field", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "old-value", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "new-value", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "changed-at", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "changed-by", PROSPECT_COLUMN_NULLABLE);
}

static void
prospect_field_change_init (ProspectFieldChange *self)
{
}

ProspectFieldChange *
prospect_field_change_new (void)
{
  return g_object_new (PROSPECT_TYPE_FIELD_CHANGE, NULL);
}

ProspectFieldChange *
prospect_field_change_load (ProspectDatabase  *db,
                           const char        *id,
                           GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_FIELD_CHANGE, id, error);
}

const char *
prospect_field_change_get_entity (ProspectFieldChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_FIELD_CHANGE (self), NULL);

  return self->entity;
}

void
prospect_field_change_set_entity (ProspectFieldChange  *self,
                                  const char           *entity)
{
  g_return_if_fail (PROSPECT_IS_FIELD_CHANGE (self));

  if (prospect_str_set (&self->entity, entity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
}

const char *
prospect_field_change_get_entity_id (ProspectFieldChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_FIELD_CHANGE (self), NULL);

  return self->entity_id;
}

void
prospect_field_change_set_entity_id (ProspectFieldChange  *self,
                                     const char           *entity_id)
{
  g_return_if_fail (PROSPECT_IS_FIELD_CHANGE (self));

  if (prospect_str_set (&self->entity_id, entity_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_ID]);
}

const char *
prospect_field_change_get_field (ProspectFieldChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_FIELD_CHANGE (self), NULL);

  return self->field;
}

void
prospect_field_change_set_field (ProspectFieldChange  *self,
                                 const char           *field)
{
  g_return_if_fail (PROSPECT_IS_FIELD_CHANGE (self));

  if (prospect_str_set (&self->field, field))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
prospect_field_change_get_old_value (ProspectFieldChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_FIELD_CHANGE (self), NULL);

  return self->old_value;
}

void
prospect_field_change_set_old_value (ProspectFieldChange  *self,
                                     const char           *old_value)
{
  g_return_if_fail (PROSPECT_IS_FIELD_CHANGE (self));

  if (prospect_str_set (&self->old_value, old_value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OLD_VALUE]);
}

const char *
prospect_field_change_get_new_value (ProspectFieldChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_FIELD_CHANGE (self), NULL);

  return self->new_value;
}

void
prospect_field_change_set_new_value (ProspectFieldChange  *self,
                                     const char           *new_value)
{
  g_return_if_fail (PROSPECT_IS_FIELD_CHANGE (self));

  if (prospect_str_set (&self->new_value, new_value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_VALUE]);
}

gint64
prospect_field_change_get_changed_at (ProspectFieldChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_FIELD_CHANGE (self), 0);

  return self->changed_at;
}

void
prospect_field_change_set_changed_at (ProspectFieldChange  *self,
                                      gint64                changed_at)
{
  g_return_if_fail (PROSPECT_IS_FIELD_CHANGE (self));

  if (self->changed_at != changed_at)
    {
      self->changed_at = changed_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_AT]);
    }
}

const char *
prospect_field_change_get_changed_by (ProspectFieldChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_FIELD_CHANGE (self), NULL);

  return self->changed_by;
}

void
prospect_field_change_set_changed_by (ProspectFieldChange  *self,
                                      const char           *changed_by)
{
  g_return_if_fail (PROSPECT_IS_FIELD_CHANGE (self));

  if (prospect_str_set (&self->changed_by, changed_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_BY]);
}

ProspectQuery *
prospect_field_change_query_for (const char *entity,
                                 const char *entity_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_FIELD_CHANGE);
  prospect_query_where_text (query, "entity", PROSPECT_OP_EQ, entity);
  prospect_query_where_text (query, "entity_id", PROSPECT_OP_EQ, entity_id);
  prospect_query_order_by (query, "changed_at", FALSE);

  return query;
}
