/* prospect-target.c - a goal per person or team and period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-target"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-error.h"
#include "prospect-record-private.h"
#include "prospect-target.h"
#include "prospect-validate.h"

struct _ProspectTarget
{
  ProspectRecord parent_instance;

  char   *person_id;
  char   *manager_id;
  char   *period_kind;
  char   *period_start;
  char   *metric;
  gint64  value;
  char   *currency;
};

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_MANAGER_ID,
  PROP_PERIOD_KIND,
  PROP_PERIOD_START,
  PROP_METRIC,
  PROP_VALUE,
  PROP_CURRENCY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectTarget, prospect_target, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const char * const period_kinds[] = { "month", "quarter", "year", NULL };
static const char * const metrics[] = { "won_value", "won_count", "activities", "new_deals", NULL };

static gboolean
prospect_target_validate (ProspectRecord    *record,
                          ProspectDatabase  *db,
                          GError           **error)
{
  ProspectTarget *self = PROSPECT_TARGET (record);

  if (!prospect_validate_one_of (self->period_kind, period_kinds, "period_kind",
                                 _("The period must be a month, a quarter or a year"), error) ||
      !prospect_validate_date (self->period_start, "period_start", TRUE, error) ||
      !prospect_validate_one_of (self->metric, metrics, "metric",
                                 _("The metric must be won value, won count, activities or new deals"), error) ||
      !prospect_validate_non_negative (self->value, "value",
                                       _("The target value cannot be negative"), error) ||
      !prospect_validate_currency (self->currency, "currency", error))
    return FALSE;

  if (self->person_id == NULL && self->manager_id == NULL)
    {
      prospect_set_invalid_error (error, "person_id", _("A target is for a person or a team"));
      return FALSE;
    }

  return prospect_validate_reference (db, "person", self->person_id, "person_id",
                                      _("The person does not exist"), error) &&
         prospect_validate_reference (db, "person", self->manager_id, "manager_id",
                                      _("The manager does not exist"), error);
}

static void
prospect_target_finalize (GObject *object)
{
  ProspectTarget *self = (ProspectTarget *)object;

  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->manager_id, g_free);
  g_clear_pointer (&self->period_kind, g_free);
  g_clear_pointer (&self->period_start, g_free);
  g_clear_pointer (&self->metric, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (prospect_target_parent_class)->finalize (object);
}

static void
prospect_target_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ProspectTarget *self = PROSPECT_TARGET (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_MANAGER_ID:
      g_value_set_string (value, self->manager_id);
      break;

    case PROP_PERIOD_KIND:
      g_value_set_string (value, self->period_kind);
      break;

    case PROP_PERIOD_START:
      g_value_set_string (value, self->period_start);
      break;

    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_target_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ProspectTarget *self = PROSPECT_TARGET (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      prospect_target_set_person_id (self, g_value_get_string (value));
      break;

    case PROP_MANAGER_ID:
      prospect_target_set_manager_id (self, g_value_get_string (value));
      break;

    case PROP_PERIOD_KIND:
      prospect_target_set_period_kind (self, g_value_get_string (value));
      break;

    case PROP_PERIOD_START:
      prospect_target_set_period_start (self, g_value_get_string (value));
      break;

    case PROP_METRIC:
      prospect_target_set_metric (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      prospect_target_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      prospect_target_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_target_class_init (ProspectTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_target_finalize;
  object_class->get_property = prospect_target_get_property;
  object_class->set_property = prospect_target_set_property;

  record_class->table = "target";
  record_class->validate = prospect_target_validate;

  properties[PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MANAGER_ID] =
    g_param_spec_string ("manager-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERIOD_KIND] =
    g_param_spec_string ("period-kind", NULL, NULL, "month",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERIOD_START] =
    g_param_spec_string ("period-start", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL, "won_value",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "USD",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "person-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "manager-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "period-kind", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "period-start", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "metric", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "value", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "currency", PROSPECT_COLUMN_DEFAULT);
}

static void
prospect_target_init (ProspectTarget *self)
{
  self->period_kind = g_strdup ("month");
  self->metric = g_strdup ("won_value");
  self->currency = g_strdup ("USD");
}

ProspectTarget *
prospect_target_new (void)
{
  return g_object_new (PROSPECT_TYPE_TARGET, NULL);
}

ProspectTarget *
prospect_target_load (ProspectDatabase  *db,
                     const char        *id,
                     GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_TARGET, id, error);
}

const char *
prospect_target_get_person_id (ProspectTarget *self)
{
  g_return_val_if_fail (PROSPECT_IS_TARGET (self), NULL);

  return self->person_id;
}

void
prospect_target_set_person_id (ProspectTarget  *self,
                               const char      *person_id)
{
  g_return_if_fail (PROSPECT_IS_TARGET (self));

  if (prospect_str_set (&self->person_id, person_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
prospect_target_get_manager_id (ProspectTarget *self)
{
  g_return_val_if_fail (PROSPECT_IS_TARGET (self), NULL);

  return self->manager_id;
}

void
prospect_target_set_manager_id (ProspectTarget  *self,
                                const char      *manager_id)
{
  g_return_if_fail (PROSPECT_IS_TARGET (self));

  if (prospect_str_set (&self->manager_id, manager_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
}

const char *
prospect_target_get_period_kind (ProspectTarget *self)
{
  g_return_val_if_fail (PROSPECT_IS_TARGET (self), NULL);

  return self->period_kind;
}

void
prospect_target_set_period_kind (ProspectTarget  *self,
                                 const char      *period_kind)
{
  g_return_if_fail (PROSPECT_IS_TARGET (self));

  if (prospect_str_set (&self->period_kind, period_kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_KIND]);
}

const char *
prospect_target_get_period_start (ProspectTarget *self)
{
  g_return_val_if_fail (PROSPECT_IS_TARGET (self), NULL);

  return self->period_start;
}

void
prospect_target_set_period_start (ProspectTarget  *self,
                                  const char      *period_start)
{
  g_return_if_fail (PROSPECT_IS_TARGET (self));

  if (prospect_str_set (&self->period_start, period_start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_START]);
}

const char *
prospect_target_get_metric (ProspectTarget *self)
{
  g_return_val_if_fail (PROSPECT_IS_TARGET (self), NULL);

  return self->metric;
}

void
prospect_target_set_metric (ProspectTarget  *self,
                            const char      *metric)
{
  g_return_if_fail (PROSPECT_IS_TARGET (self));

  if (prospect_str_set (&self->metric, metric))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

gint64
prospect_target_get_value (ProspectTarget *self)
{
  g_return_val_if_fail (PROSPECT_IS_TARGET (self), 0);

  return self->value;
}

void
prospect_target_set_value (ProspectTarget  *self,
                           gint64           value)
{
  g_return_if_fail (PROSPECT_IS_TARGET (self));

  if (self->value != value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

const char *
prospect_target_get_currency (ProspectTarget *self)
{
  g_return_val_if_fail (PROSPECT_IS_TARGET (self), NULL);

  return self->currency;
}

void
prospect_target_set_currency (ProspectTarget  *self,
                              const char      *currency)
{
  g_return_if_fail (PROSPECT_IS_TARGET (self));

  if (prospect_str_set (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

ProspectQuery *
prospect_target_query_for_person (const char *person_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (person_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_TARGET);
  prospect_query_where_text (query, "person_id", PROSPECT_OP_EQ, person_id);
  prospect_query_order_by (query, "period_start", TRUE);

  return query;
}

ProspectQuery *
prospect_target_query_for_team (const char *manager_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (manager_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_TARGET);
  prospect_query_where_text (query, "manager_id", PROSPECT_OP_EQ, manager_id);
  prospect_query_where_null (query, "person_id", TRUE);
  prospect_query_order_by (query, "period_start", TRUE);

  return query;
}
