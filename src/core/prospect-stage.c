/* prospect-stage.c - a step of the sales pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-stage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-error.h"
#include "prospect-record-private.h"
#include "prospect-stage.h"
#include "prospect-validate.h"

struct _ProspectStage
{
  ProspectRecord parent_instance;

  char *name;
  gint  position;
  char *kind;
  gint  probability;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_POSITION,
  PROP_KIND,
  PROP_PROBABILITY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectStage, prospect_stage, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = { "open", "won", "lost", NULL };

static gboolean
prospect_stage_validate (ProspectRecord    *record,
                         ProspectDatabase  *db,
                         GError           **error)
{
  ProspectStage *self = PROSPECT_STAGE (record);

  if (!prospect_validate_not_blank (self->name, "name", _("The name cannot be empty"), error) ||
      !prospect_validate_non_negative (self->position, "position",
                                       _("The position cannot be negative"), error) ||
      !prospect_validate_one_of (self->kind, kinds, "kind",
                                 _("The stage kind must be open, won or lost"), error))
    return FALSE;

  if (self->probability < 0 || self->probability > 100)
    {
      prospect_set_invalid_error (error, "probability",
                                  _("The probability must be between 0 and 100"));
      return FALSE;
    }

  return TRUE;
}

static void
prospect_stage_finalize (GObject *object)
{
  ProspectStage *self = (ProspectStage *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (prospect_stage_parent_class)->finalize (object);
}

static void
prospect_stage_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ProspectStage *self = PROSPECT_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_PROBABILITY:
      g_value_set_int (value, self->probability);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_stage_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ProspectStage *self = PROSPECT_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      prospect_stage_set_name (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      prospect_stage_set_position (self, g_value_get_int (value));
      break;

    case PROP_KIND:
      prospect_stage_set_kind (self, g_value_get_string (value));
      break;

    case PROP_PROBABILITY:
      prospect_stage_set_probability (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_stage_class_init (ProspectStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_stage_finalize;
  object_class->get_property = prospect_stage_get_property;
  object_class->set_property = prospect_stage_set_property;

  record_class->table = "stage";
  record_class->validate = prospect_stage_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "open",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "name", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "position", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "kind", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "probability", PROSPECT_COLUMN_DEFAULT);
}

static void
prospect_stage_init (ProspectStage *self)
{
  self->kind = g_strdup ("open");
}

ProspectStage *
prospect_stage_new (void)
{
  return g_object_new (PROSPECT_TYPE_STAGE, NULL);
}

ProspectStage *
prospect_stage_load (ProspectDatabase  *db,
                    const char        *id,
                    GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_STAGE, id, error);
}

const char *
prospect_stage_get_name (ProspectStage *self)
{
  g_return_val_if_fail (PROSPECT_IS_STAGE (self), NULL);

  return self->name;
}

void
prospect_stage_set_name (ProspectStage  *self,
                         const char     *name)
{
  g_return_if_fail (PROSPECT_IS_STAGE (self));

  if (prospect_str_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gint
prospect_stage_get_position (ProspectStage *self)
{
  g_return_val_if_fail (PROSPECT_IS_STAGE (self), 0);

  return self->position;
}

void
prospect_stage_set_position (ProspectStage  *self,
                             gint            position)
{
  g_return_if_fail (PROSPECT_IS_STAGE (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

const char *
prospect_stage_get_kind (ProspectStage *self)
{
  g_return_val_if_fail (PROSPECT_IS_STAGE (self), NULL);

  return self->kind;
}

void
prospect_stage_set_kind (ProspectStage  *self,
                         const char     *kind)
{
  g_return_if_fail (PROSPECT_IS_STAGE (self));

  if (prospect_str_set (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint
prospect_stage_get_probability (ProspectStage *self)
{
  g_return_val_if_fail (PROSPECT_IS_STAGE (self), 0);

  return self->probability;
}

void
prospect_stage_set_probability (ProspectStage  *self,
                                gint            probability)
{
  g_return_if_fail (PROSPECT_IS_STAGE (self));

  if (self->probability != probability)
    {
      self->probability = probability;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBABILITY]);
    }
}

ProspectQuery *
prospect_stage_query_ordered (void)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_STAGE);

  prospect_query_order_by (query, "position", FALSE);

  return query;
}

GPtrArray *
prospect_stage_list_ordered (ProspectDatabase  *db,
                             GError           **error)
{
  g_autoptr(ProspectQuery) query = prospect_stage_query_ordered ();

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);

  return prospect_query_fetch (query, db, 0, -1, error);
}
