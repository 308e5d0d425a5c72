/* prospect-coaching-plan.c - a skill a rep works on with their coach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-coaching-plan"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "prospect-coaching-plan.h"
#include "prospect-error.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectCoachingPlan
{
  ProspectRecord parent_instance;

  char   *rep_id;
  char   *coach_id;
  char   *skill;
  char   *why;
  char   *plan;
  char   *starts_on;
  char   *ends_on;
  char   *indicator;
  double  baseline_value;
  double  target_value;
  char   *status;
  char   *review;
  double  reviewed_value;
};

enum {
  PROP_0,
  PROP_REP_ID,
  PROP_COACH_ID,
  PROP_SKILL,
  PROP_WHY,
  PROP_PLAN,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_INDICATOR,
  PROP_BASELINE_VALUE,
  PROP_TARGET_VALUE,
  PROP_STATUS,
  PROP_REVIEW,
  PROP_REVIEWED_VALUE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectCoachingPlan, prospect_coaching_plan, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

/* NaN means "no value". GParamSpecDouble's range check calls every NaN out
 * of range, so these properties validate laxly, and NaN (which cannot be a
 * GParamSpec default) is set in _init. */
#define DOUBLE_PARAM_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_LAX_VALIDATION | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static const char * const statuses[] = { "planned", "active", "reviewed", NULL };

static gboolean
prospect_coaching_plan_validate (ProspectRecord    *record,
                                 ProspectDatabase  *db,
                                 GError           **error)
{
  ProspectCoachingPlan *self = PROSPECT_COACHING_PLAN (record);

  if (!prospect_validate_not_blank (self->skill, "skill", _("The skill cannot be empty"), error) ||
      !prospect_validate_one_of (self->status, statuses, "status",
                                 _("The status must be planned, active or reviewed"), error) ||
      !prospect_validate_date (self->starts_on, "starts_on", FALSE, error) ||
      !prospect_validate_date (self->ends_on, "ends_on", FALSE, error))
    return FALSE;

  if (self->starts_on != NULL && self->ends_on != NULL &&
      strcmp (self->starts_on, self->ends_on) > 0)
    {
      prospect_set_invalid_error (error, "ends_on", _("The plan cannot end before it starts"));
      return FALSE;
    }

  return prospect_validate_not_blank (self->rep_id, "rep_id", _("The rep does not exist"), error) &&
         prospect_validate_reference (db, "person", self->rep_id, "rep_id",
                                      _("The rep does not exist"), error) &&
         prospect_validate_not_blank (self->coach_id, "coach_id", _("The coach does not exist"), error) &&
         prospect_validate_reference (db, "person", self->coach_id, "coach_id",
                                      _("The coach does not exist"), error);
}

static void
prospect_coaching_plan_finalize (GObject *object)
{
  ProspectCoachingPlan *self = (ProspectCoachingPlan *)object;

  g_clear_pointer (&self->rep_id, g_free);
  g_clear_pointer (&self->coach_id, g_free);
  g_clear_pointer (&self->skill, g_free);
  g_clear_pointer (&self->why, g_free);
  g_clear_pointer (&self->plan, g_free);
  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);
  g_clear_pointer (&self->indicator, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->review, g_free);

  G_OBJECT_CLASS (prospect_coaching_plan_parent_class)->finalize (object);
}

static void
prospect_coaching_plan_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ProspectCoachingPlan *self = PROSPECT_COACHING_PLAN (object);

  switch (prop_id)
    {
    case PROP_REP_ID:
      g_value_set_string (value, self->rep_id);
      break;

    case PROP_COACH_ID:
      g_value_set_string (value, self->coach_id);
      break;

    case PROP_SKILL:
      g_value_set_string (value, self->skill);
      break;

    case PROP_WHY:
      g_value_set_string (value, self->why);
      break;

    case PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;

    case PROP_STARTS_ON:
      g_value_set_string (value, self->starts_on);
      break;

    case PROP_ENDS_ON:
      g_value_set_string (value, self->ends_on);
      break;

    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;

    case PROP_BASELINE_VALUE:
      g_value_set_double (value, self->baseline_value);
      break;

    case PROP_TARGET_VALUE:
      g_value_set_double (value, self->target_value);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_REVIEW:
      g_value_set_string (value, self->review);
      break;

    case PROP_REVIEWED_VALUE:
      g_value_set_double (value, self->reviewed_value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_coaching_plan_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ProspectCoachingPlan *self = PROSPECT_COACHING_PLAN (object);

  switch (prop_id)
    {
    case PROP_REP_ID:
      prospect_coaching_plan_set_rep_id (self, g_value_get_string (value));
      break;

    case PROP_COACH_ID:
      prospect_coaching_plan_set_coach_id (self, g_value_get_string (value));
      break;

    case PROP_SKILL:
      prospect_coaching_plan_set_skill (self, g_value_get_string (value));
      break;

    case PROP_WHY:
      prospect_coaching_plan_set_why (self, g_value_get_string (value));
      break;

    case PROP_PLAN:
      prospect_coaching_plan_set_plan (self, g_value_get_string (value));
      break;

    case PROP_STARTS_ON:
      prospect_coaching_plan_set_starts_on (self, g_value_get_string (value));
      break;

    case PROP_ENDS_ON:
      prospect_coaching_plan_set_ends_on (self, g_value_get_string (value));
      break;

    case PROP_INDICATOR:
      prospect_coaching_plan_set_indicator (self, g_value_get_string (value));
      break;

    case PROP_BASELINE_VALUE:
      prospect_coaching_plan_set_baseline_value (self, g_value_get_double (value));
      break;

    case PROP_TARGET_VALUE:
      prospect_coaching_plan_set_target_value (self, g_value_get_double (value));
      break;

    case PROP_STATUS:
      prospect_coaching_plan_set_status (self, g_value_get_string (value));
      break;

    case PROP_REVIEW:
      prospect_coaching_plan_set_review (self, g_value_get_string (value));
      break;

    case PROP_REVIEWED_VALUE:
      prospect_coaching_plan_set_reviewed_value (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_coaching_plan_class_init (ProspectCoachingPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_coaching_plan_finalize;
  object_class->get_property = prospect_coaching_plan_get_property;
  object_class->set_property = prospect_coaching_plan_set_property;

  record_class->table = "coaching_plan";
  record_class->validate = prospect_coaching_plan_validate;

  properties[PROP_REP_ID] =
    g_param_spec_string ("rep-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COACH_ID] =
    g_param_spec_string ("coach-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SKILL] =
    g_param_spec_string ("skill", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WHY] =
    g_param_spec_string ("why", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAN] =
    g_param_spec_string ("plan", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INDICATOR] =
    g_param_spec_string ("indicator", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASELINE_VALUE] =
    g_param_spec_double ("baseline-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         DOUBLE_PARAM_FLAGS);
  properties[PROP_TARGET_VALUE] =
    g_param_spec_double ("target-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         DOUBLE_PARAM_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "planned",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEW] =
    g_param_spec_string ("review", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEWED_VALUE] =
    g_param_spec_double ("reviewed-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         DOUBLE_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "rep-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "coach-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "skill", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "why", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "plan", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "starts-on", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "ends-on", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "indicator", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "baseline-value", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "target-value", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "status", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "review", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "reviewed-value", PROSPECT_COLUMN_NULLABLE);
}

static void
prospect_coaching_plan_init (ProspectCoachingPlan *self)
{
  self->baseline_value = NAN;
  self->target_value = NAN;
  self->status = g_strdup ("planned");
  self->reviewed_value = NAN;
}

ProspectCoachingPlan *
prospect_coaching_plan_new (void)
{
  return g_object_new (PROSPECT_TYPE_COACHING_PLAN, NULL);
}

ProspectCoachingPlan *
prospect_coaching_plan_load (ProspectDatabase  *db,
                            const char        *id,
                            GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_COACHING_PLAN, id, error);
}

const char *
prospect_coaching_plan_get_rep_id (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->rep_id;
}

void
prospect_coaching_plan_set_rep_id (ProspectCoachingPlan  *self,
                                   const char            *rep_id)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->rep_id, rep_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REP_ID]);
}

const char *
prospect_coaching_plan_get_coach_id (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->coach_id;
}

void
prospect_coaching_plan_set_coach_id (ProspectCoachingPlan  *self,
                                     const char            *coach_id)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->coach_id, coach_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COACH_ID]);
}

const char *
prospect_coaching_plan_get_skill (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->skill;
}

void
prospect_coaching_plan_set_skill (ProspectCoachingPlan  *self,
                                  const char            *skill)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->skill, skill))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILL]);
}

const char *
prospect_coaching_plan_get_why (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->why;
}

void
prospect_coaching_plan_set_why (ProspectCoachingPlan  *self,
                                const char            *why)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->why, why))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHY]);
}

const char *
prospect_coaching_plan_get_plan (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->plan;
}

void
prospect_coaching_plan_set_plan (ProspectCoachingPlan  *self,
                                 const char            *plan)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

const char *
prospect_coaching_plan_get_starts_on (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->starts_on;
}

void
prospect_coaching_plan_set_starts_on (ProspectCoachingPlan  *self,
                                      const char            *starts_on)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->starts_on, starts_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_ON]);
}

const char *
prospect_coaching_plan_get_ends_on (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->ends_on;
}

void
prospect_coaching_plan_set_ends_on (ProspectCoachingPlan  *self,
                                    const char            *ends_on)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->ends_on, ends_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_ON]);
}

const char *
prospect_coaching_plan_get_indicator (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->indicator;
}

void
prospect_coaching_plan_set_indicator (ProspectCoachingPlan  *self,
                                      const char            *indicator)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->indicator, indicator))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
}

double
prospect_coaching_plan_get_baseline_value (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NAN);

  return self->baseline_value;
}

void
prospect_coaching_plan_set_baseline_value (ProspectCoachingPlan  *self,
                                           double                 baseline_value)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (self->baseline_value == baseline_value || (isnan (self->baseline_value) && isnan (baseline_value)))
    return;

  self->baseline_value = baseline_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE_VALUE]);
}

double
prospect_coaching_plan_get_target_value (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NAN);

  return self->target_value;
}

void
prospect_coaching_plan_set_target_value (ProspectCoachingPlan  *self,
                                         double                 target_value)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (self->target_value == target_value || (isnan (self->target_value) && isnan (target_value)))
    return;

  self->target_value = target_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_VALUE]);
}

const char *
prospect_coaching_plan_get_status (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->status;
}

void
prospect_coaching_plan_set_status (ProspectCoachingPlan  *self,
                                   const char            *status)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
prospect_coaching_plan_get_review (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NULL);

  return self->review;
}

void
prospect_coaching_plan_set_review (ProspectCoachingPlan  *self,
                                   const char            *review)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (prospect_str_set (&self->review, review))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

double
prospect_coaching_plan_get_reviewed_value (ProspectCoachingPlan *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (self), NAN);

  return self->reviewed_value;
}

void
prospect_coaching_plan_set_reviewed_value (ProspectCoachingPlan  *self,
                                           double                 reviewed_value)
{
  g_return_if_fail (PROSPECT_IS_COACHING_PLAN (self));

  if (self->reviewed_value == reviewed_value || (isnan (self->reviewed_value) && isnan (reviewed_value)))
    return;

  self->reviewed_value = reviewed_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWED_VALUE]);
}

ProspectQuery *
prospect_coaching_plan_query_for_rep (const char *rep_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (rep_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_COACHING_PLAN);
  prospect_query_where_text (query, "rep_id", PROSPECT_OP_EQ, rep_id);
  prospect_query_order_by (query, "starts_on", TRUE);

  return query;
}
