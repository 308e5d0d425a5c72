/* prospect-coaching-assessment.c - a director's word on a coaching plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-coaching-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-coaching-assessment.h"
#include "prospect-error.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectCoachingAssessment
{
  ProspectRecord parent_instance;

  char *plan_id;
  char *author_id;
  char *written_on;
  char *body;
};

enum {
  PROP_0,
  PROP_PLAN_ID,
  PROP_AUTHOR_ID,
  PROP_WRITTEN_ON,
  PROP_BODY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectCoachingAssessment, prospect_coaching_assessment, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

/* prospect_validate_reference() knows only the tables of schema v1's
 * references; an assessment points at a live plan. */
static gboolean
validate_plan (ProspectDatabase  *db,
               const char        *plan_id,
               GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean exists;
  int rc;

  if (!(stmt = prospect_database_prepare (db, "SELECT 1 FROM coaching_plan WHERE id = ? AND deleted_at IS NULL",
                                          error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  if (!exists)
    prospect_set_invalid_error (error, "plan_id", "%s", _("The coaching plan does not exist"));

  return exists;
}

static gboolean
prospect_coaching_assessment_validate (ProspectRecord    *record,
                                       ProspectDatabase  *db,
                                       GError           **error)
{
  ProspectCoachingAssessment *self = PROSPECT_COACHING_ASSESSMENT (record);

  return prospect_validate_not_blank (self->body, "body", _("The assessment cannot be empty"), error) &&
         prospect_validate_date (self->written_on, "written_on", TRUE, error) &&
         prospect_validate_not_blank (self->plan_id, "plan_id", _("The coaching plan does not exist"), error) &&
         validate_plan (db, self->plan_id, error) &&
         prospect_validate_not_blank (self->author_id, "author_id",
                                      _("The author does not exist"), error) &&
         prospect_validate_reference (db, "person", self->author_id, "author_id",
                                      _("The author does not exist"), error);
}

static void
prospect_coaching_assessment_finalize (GObject *object)
{
  ProspectCoachingAssessment *self = (ProspectCoachingAssessment *)object;

  g_clear_pointer (&self->plan_id, g_free);
  g_clear_pointer (&self->author_id, g_free);
  g_clear_pointer (&self->written_on, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (prospect_coaching_assessment_parent_class)->finalize (object);
}

static void
prospect_coaching_assessment_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  ProspectCoachingAssessment *self = PROSPECT_COACHING_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID:
      g_value_set_string (value, self->plan_id);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_string (value, self->author_id);
      break;

    case PROP_WRITTEN_ON:
      g_value_set_string (value, self->written_on);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_coaching_assessment_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  ProspectCoachingAssessment *self = PROSPECT_COACHING_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID:
      prospect_coaching_assessment_set_plan_id (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR_ID:
      prospect_coaching_assessment_set_author_id (self, g_value_get_string (value));
      break;

    case PROP_WRITTEN_ON:
      prospect_coaching_assessment_set_written_on (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      prospect_coaching_assessment_set_body (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_coaching_assessment_class_init (ProspectCoachingAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_coaching_assessment_finalize;
  object_class->get_property = prospect_coaching_assessment_get_property;
  object_class->set_property = prospect_coaching_assessment_set_property;

  record_class->table = "coaching_assessment";
  record_class->validate = prospect_coaching_assessment_validate;

  properties[PROP_PLAN_ID] =
    g_param_spec_string ("plan-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR_ID] =
    g_param_spec_string ("author-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WRITTEN_ON] =
    g_param_spec_string ("written-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "plan-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "author-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "written-on", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "body", PROSPECT_COLUMN_SEARCHABLE);
}

static void
prospect_coaching_assessment_init (ProspectCoachingAssessment *self)
{
}

ProspectCoachingAssessment *
prospect_coaching_assessment_new (void)
{
  return g_object_new (PROSPECT_TYPE_COACHING_ASSESSMENT, NULL);
}

ProspectCoachingAssessment *
prospect_coaching_assessment_load (ProspectDatabase  *db,
                                   const char        *id,
                                   GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_COACHING_ASSESSMENT, id, error);
}

const char *
prospect_coaching_assessment_get_plan_id (ProspectCoachingAssessment *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self), NULL);

  return self->plan_id;
}

void
prospect_coaching_assessment_set_plan_id (ProspectCoachingAssessment *self,
                                          const char                 *plan_id)
{
  g_return_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self));

  if (prospect_str_set (&self->plan_id, plan_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

const char *
prospect_coaching_assessment_get_author_id (ProspectCoachingAssessment *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self), NULL);

  return self->author_id;
}

void
prospect_coaching_assessment_set_author_id (ProspectCoachingAssessment *self,
                                            const char                 *author_id)
{
  g_return_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self));

  if (prospect_str_set (&self->author_id, author_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_ID]);
}

const char *
prospect_coaching_assessment_get_written_on (ProspectCoachingAssessment *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self), NULL);

  return self->written_on;
}

void
prospect_coaching_assessment_set_written_on (ProspectCoachingAssessment *self,
                                             const char                 *written_on)
{
  g_return_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self));

  if (prospect_str_set (&self->written_on, written_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITTEN_ON]);
}

const char *
prospect_coaching_assessment_get_body (ProspectCoachingAssessment *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self), NULL);

  return self->body;
}

void
prospect_coaching_assessment_set_body (ProspectCoachingAssessment *self,
                                       const char                 *body)
{
  g_return_if_fail (PROSPECT_IS_COACHING_ASSESSMENT (self));

  if (prospect_str_set (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

ProspectQuery *
prospect_coaching_assessment_query_for_plan (const char *plan_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (plan_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_COACHING_ASSESSMENT);
  prospect_query_where_text (query, "plan_id", PROSPECT_OP_EQ, plan_id);
  prospect_query_order_by (query, "written_on", FALSE);

  return query;
}
