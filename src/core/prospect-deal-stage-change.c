/* prospect-deal-stage-change.c - one move of a deal between stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal-stage-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-deal-stage-change.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectDealStageChange
{
  ProspectRecord parent_instance;

  char   *deal_id;
  char   *from_stage_id;
  char   *to_stage_id;
  gint64  changed_at;
  char   *changed_by;
};

enum {
  PROP_0,
  PROP_DEAL_ID,
  PROP_FROM_STAGE_ID,
  PROP_TO_STAGE_ID,
  PROP_CHANGED_AT,
  PROP_CHANGED_BY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectDealStageChange, prospect_deal_stage_change, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static gboolean
prospect_deal_stage_change_validate (ProspectRecord    *record,
                                     ProspectDatabase  *db,
                                     GError           **error)
{
  ProspectDealStageChange *self = PROSPECT_DEAL_STAGE_CHANGE (record);

  return prospect_validate_not_blank (self->deal_id, "deal_id", _("The deal does not exist"), error) &&
         prospect_validate_reference (db, "deal", self->deal_id, "deal_id",
                                      _("The deal does not exist"), error) &&
         prospect_validate_reference (db, "stage", self->from_stage_id, "from_stage_id",
                                      _("The stage does not exist"), error) &&
         prospect_validate_not_blank (self->to_stage_id, "to_stage_id",
                                      _("The stage does not exist"), error) &&
         prospect_validate_reference (db, "stage", self->to_stage_id, "to_stage_id",
                                      _("The stage does not exist"), error) &&
         prospect_validate_reference (db, "person", self->changed_by, "changed_by",
                                      _("The person does not exist"), error);
}

static void
prospect_deal_stage_change_finalize (GObject *object)
{
  ProspectDealStageChange *self = (ProspectDealStageChange *)object;

  g_clear_pointer (&self->deal_id, g_free);
  g_clear_pointer (&self->from_stage_id, g_free);
  g_clear_pointer (&self->to_stage_id, g_free);
  g_clear_pointer (&self->changed_by, g_free);

  G_OBJECT_CLASS (prospect_deal_stage_change_parent_class)->finalize (object);
}

static void
prospect_deal_stage_change_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  ProspectDealStageChange *self = PROSPECT_DEAL_STAGE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_DEAL_ID:
      g_value_set_string (value, self->deal_id);
      break;

    case PROP_FROM_STAGE_ID:
      g_value_set_string (value, self->from_stage_id);
      break;

    case PROP_TO_STAGE_ID:
      g_value_set_string (value, self->to_stage_id);
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
prospect_deal_stage_change_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  ProspectDealStageChange *self = PROSPECT_DEAL_STAGE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_DEAL_ID:
      prospect_deal_stage_change_set_deal_id (self, g_value_get_string (value));
      break;

    case PROP_FROM_STAGE_ID:
      prospect_deal_stage_change_set_from_stage_id (self, g_value_get_string (value));
      break;

    case PROP_TO_STAGE_ID:
      prospect_deal_stage_change_set_to_stage_id (self, g_value_get_string (value));
      break;

    case PROP_CHANGED_AT:
      prospect_deal_stage_change_set_changed_at (self, g_value_get_int64 (value));
      break;

    case PROP_CHANGED_BY:
      prospect_deal_stage_change_set_changed_by (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_deal_stage_change_class_init (ProspectDealStageChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_deal_stage_change_finalize;
  object_class->get_property = prospect_deal_stage_change_get_property;
  object_class->set_property = prospect_deal_stage_change_set_property;

  record_class->table = "deal_stage_change";
  record_class->validate = prospect_deal_stage_change_validate;

  properties[PROP_DEAL_ID] =
    g_param_spec_string ("deal-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FROM_STAGE_ID] =
    g_param_spec_string ("from-stage-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TO_STAGE_ID] =
    g_param_spec_string ("to-stage-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGED_AT] =
    g_param_spec_int64 ("changed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGED_BY] =
    g_param_spec_string ("changed-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "deal-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "from-stage-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "to-stage-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "changed-at", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "changed-by", PROSPECT_COLUMN_NULLABLE);
}

static void
prospect_deal_stage_change_init (ProspectDealStageChange *self)
{
}

ProspectDealStageChange *
prospect_deal_stage_change_new (void)
{
  return g_object_new (PROSPECT_TYPE_DEAL_STAGE_CHANGE, NULL);
}

ProspectDealStageChange *
prospect_deal_stage_change_load (ProspectDatabase  *db,
                                const char        *id,
                                GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_DEAL_STAGE_CHANGE, id, error);
}

const char *
prospect_deal_stage_change_get_deal_id (ProspectDealStageChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self), NULL);

  return self->deal_id;
}

void
prospect_deal_stage_change_set_deal_id (ProspectDealStageChange  *self,
                                        const char               *deal_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self));

  if (prospect_str_set (&self->deal_id, deal_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEAL_ID]);
}

const char *
prospect_deal_stage_change_get_from_stage_id (ProspectDealStageChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self), NULL);

  return self->from_stage_id;
}

void
prospect_deal_stage_change_set_from_stage_id (ProspectDealStageChange  *self,
                                              const char               *from_stage_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self));

  if (prospect_str_set (&self->from_stage_id, from_stage_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_STAGE_ID]);
}

const char *
prospect_deal_stage_change_get_to_stage_id (ProspectDealStageChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self), NULL);

  return self->to_stage_id;
}

void
prospect_deal_stage_change_set_to_stage_id (ProspectDealStageChange  *self,
                                            const char               *to_stage_id)
{
  g_return_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self));

  if (prospect_str_set (&self->to_stage_id, to_stage_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_STAGE_ID]);
}

gint64
prospect_deal_stage_change_get_changed_at (ProspectDealStageChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self), 0);

  return self->changed_at;
}

void
prospect_deal_stage_change_set_changed_at (ProspectDealStageChange  *self,
                                           gint64                    changed_at)
{
  g_return_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self));

  if (self->changed_at != changed_at)
    {
      self->changed_at = changed_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_AT]);
    }
}

const char *
prospect_deal_stage_change_get_changed_by (ProspectDealStageChange *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self), NULL);

  return self->changed_by;
}

void
prospect_deal_stage_change_set_changed_by (ProspectDealStageChange  *self,
                                           const char               *changed_by)
{
  g_return_if_fail (PROSPECT_IS_DEAL_STAGE_CHANGE (self));

  if (prospect_str_set (&self->changed_by, changed_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_BY]);
}

ProspectQuery *
prospect_deal_stage_change_query_for_deal (const char *deal_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (deal_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_DEAL_STAGE_CHANGE);
  prospect_query_where_text (query, "deal_id", PROSPECT_OP_EQ, deal_id);
  prospect_query_order_by (query, "changed_at", FALSE);

  return query;
}
