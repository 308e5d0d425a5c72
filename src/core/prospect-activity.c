/* prospect-activity.c - a call, meeting, email, visit, demo or task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-activity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-activity.h"
#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectActivity
{
  ProspectRecord parent_instance;

  char   *kind;
  char   *subject;
  char   *notes;
  gint64  due_at;
  char   *due_date;
  gint    duration_minutes;
  gint64  done_at;
  char   *outcome;
  char   *deal_id;
  char   *account_id;
  char   *contact_id;
  char   *owner_id;
  gint64  remind_at;
  gint64  snoozed_until;
  gint64  reminded_at;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_SUBJECT,
  PROP_NOTES,
  PROP_DUE_AT,
  PROP_DUE_DATE,
  PROP_DURATION_MINUTES,
  PROP_DONE_AT,
  PROP_OUTCOME,
  PROP_DEAL_ID,
  PROP_ACCOUNT_ID,
  PROP_CONTACT_ID,
  PROP_OWNER_ID,
  PROP_REMIND_AT,
  PROP_SNOOZED_UNTIL,
  PROP_REMINDED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectActivity, prospect_activity, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = { "call", "meeting", "email", "visit", "demo", "task", NULL };

static gboolean
validate_references (ProspectActivity  *self,
                     ProspectDatabase  *db,
                     GError           **error)
{
  return prospect_validate_reference (db, "deal", self->deal_id, "deal_id",
                                      _("The deal does not exist"), error) &&
         prospect_validate_reference (db, "account", self->account_id, "account_id",
                                      _("The account does not exist"), error) &&
         prospect_validate_reference (db, "contact", self->contact_id, "contact_id",
                                      _("The contact does not exist"), error) &&
         prospect_validate_reference (db, "person", self->owner_id, "owner_id",
                                      _("The owner does not exist"), error);
}

static gboolean
prospect_activity_validate (ProspectRecord    *record,
                            ProspectDatabase  *db,
                            GError           **error)
{
  ProspectActivity *self = PROSPECT_ACTIVITY (record);

  if (!prospect_validate_not_blank (self->subject, "subject", _("The subject cannot be empty"), error) ||
      !prospect_validate_one_of (self->kind, kinds, "kind",
                                 _("The kind must be call, meeting, email, visit, demo or task"), error) ||
      !prospect_validate_non_negative (self->duration_minutes, "duration_minutes",
                                       _("The duration cannot be negative"), error) ||
      !prospect_validate_date (self->due_date, "due_date", FALSE, error))
    return FALSE;

  if (self->due_at != -1 && self->due_date != NULL)
    {
      prospect_set_invalid_error (error, "due_date",
                                  _("An activity is either at a time or on a whole day, not both"));
      return FALSE;
    }

  return validate_references (self, db, error);
}

static void
prospect_activity_finalize (GObject *object)
{
  ProspectActivity *self = (ProspectActivity *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->deal_id, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->contact_id, g_free);
  g_clear_pointer (&self->owner_id, g_free);

  G_OBJECT_CLASS (prospect_activity_parent_class)->finalize (object);
}

static void
prospect_activity_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ProspectActivity *self = PROSPECT_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_DUE_AT:
      g_value_set_int64 (value, self->due_at);
      break;

    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;

    case PROP_DONE_AT:
      g_value_set_int64 (value, self->done_at);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_DEAL_ID:
      g_value_set_string (value, self->deal_id);
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

    case PROP_REMIND_AT:
      g_value_set_int64 (value, self->remind_at);
      break;

    case PROP_SNOOZED_UNTIL:
      g_value_set_int64 (value, self->snoozed_until);
      break;

    case PROP_REMINDED_AT:
      g_value_set_int64 (value, self->reminded_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_activity_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ProspectActivity *self = PROSPECT_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      prospect_activity_set_kind (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      prospect_activity_set_subject (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      prospect_activity_set_notes (self, g_value_get_string (value));
      break;

    case PROP_DUE_AT:
      prospect_activity_set_due_at (self, g_value_get_int64 (value));
      break;

    case PROP_DUE_DATE:
      prospect_activity_set_due_date (self, g_value_get_string (value));
      break;

    case PROP_DURATION_MINUTES:
      prospect_activity_set_duration_minutes (self, g_value_get_int (value));
      break;

    case PROP_DONE_AT:
      prospect_activity_set_done_at (self, g_value_get_int64 (value));
      break;

    case PROP_OUTCOME:
      prospect_activity_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_DEAL_ID:
      prospect_activity_set_deal_id (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_ID:
      prospect_activity_set_account_id (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_ID:
      prospect_activity_set_contact_id (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      prospect_activity_set_owner_id (self, g_value_get_string (value));
      break;

    case PROP_REMIND_AT:
      prospect_activity_set_remind_at (self, g_value_get_int64 (value));
      break;

    case PROP_SNOOZED_UNTIL:
      prospect_activity_set_snoozed_until (self, g_value_get_int64 (value));
      break;

    case PROP_REMINDED_AT:
      prospect_activity_set_reminded_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_activity_class_init (ProspectActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_activity_finalize;
  object_class->get_property = prospect_activity_get_property;
  object_class->set_property = prospect_activity_set_property;

  record_class->table = "activity";
  record_class->validate = prospect_activity_validate;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "task",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DONE_AT] =
    g_param_spec_int64 ("done-at", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DEAL_ID] =
    g_param_spec_string ("deal-id", NULL, NULL, NULL,
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
  properties[PROP_REMIND_AT] =
    g_param_spec_int64 ("remind-at", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNOOZED_UNTIL] =
    g_param_spec_int64 ("snoozed-until", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REMINDED_AT] =
    g_param_spec_int64 ("reminded-at", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "kind", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "subject", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "notes", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  /* A reschedule, a check-off and its undo show in the history */
  prospect_record_class_add_column (record_class, "due-at", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "due-date", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "duration-minutes", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "done-at", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_HISTORY);
  prospect_record_class_add_column (record_class, "outcome", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "deal-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "account-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "contact-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "owner-id", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "remind-at", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "snoozed-until", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "reminded-at", PROSPECT_COLUMN_NULLABLE);
}

static void
prospect_activity_init (ProspectActivity *self)
{
  self->kind = g_strdup ("task");
  self->due_at = -1;
  self->done_at = -1;
  self->remind_at = -1;
  self->snoozed_until = -1;
  self->reminded_at = -1;
}

ProspectActivity *
prospect_activity_new (void)
{
  return g_object_new (PROSPECT_TYPE_ACTIVITY, NULL);
}

ProspectActivity *
prospect_activity_load (ProspectDatabase  *db,
                       const char        *id,
                       GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_ACTIVITY, id, error);
}

const char *
prospect_activity_get_kind (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->kind;
}

void
prospect_activity_set_kind (ProspectActivity  *self,
                            const char        *kind)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
prospect_activity_get_subject (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->subject;
}

void
prospect_activity_set_subject (ProspectActivity  *self,
                               const char        *subject)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->subject, subject))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

const char *
prospect_activity_get_notes (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->notes;
}

void
prospect_activity_set_notes (ProspectActivity  *self,
                             const char        *notes)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gint64
prospect_activity_get_due_at (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), 0);

  return self->due_at;
}

void
prospect_activity_set_due_at (ProspectActivity  *self,
                              gint64             due_at)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (self->due_at != due_at)
    {
      self->due_at = due_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_AT]);
    }
}

const char *
prospect_activity_get_due_date (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->due_date;
}

void
prospect_activity_set_due_date (ProspectActivity  *self,
                                const char        *due_date)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->due_date, due_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

gint
prospect_activity_get_duration_minutes (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), 0);

  return self->duration_minutes;
}

void
prospect_activity_set_duration_minutes (ProspectActivity  *self,
                                        gint               duration_minutes)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (self->duration_minutes != duration_minutes)
    {
      self->duration_minutes = duration_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MINUTES]);
    }
}

gint64
prospect_activity_get_done_at (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), 0);

  return self->done_at;
}

void
prospect_activity_set_done_at (ProspectActivity  *self,
                               gint64             done_at)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (self->done_at != done_at)
    {
      self->done_at = done_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
    }
}

const char *
prospect_activity_get_outcome (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->outcome;
}

void
prospect_activity_set_outcome (ProspectActivity  *self,
                               const char        *outcome)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->outcome, outcome))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

const char *
prospect_activity_get_deal_id (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->deal_id;
}

void
prospect_activity_set_deal_id (ProspectActivity  *self,
                               const char        *deal_id)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->deal_id, deal_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEAL_ID]);
}

const char *
prospect_activity_get_account_id (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->account_id;
}

void
prospect_activity_set_account_id (ProspectActivity  *self,
                                  const char        *account_id)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->account_id, account_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
prospect_activity_get_contact_id (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->contact_id;
}

void
prospect_activity_set_contact_id (ProspectActivity  *self,
                                  const char        *contact_id)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->contact_id, contact_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

const char *
prospect_activity_get_owner_id (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), NULL);

  return self->owner_id;
}

void
prospect_activity_set_owner_id (ProspectActivity  *self,
                                const char        *owner_id)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (prospect_str_set (&self->owner_id, owner_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

gint64
prospect_activity_get_remind_at (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), 0);

  return self->remind_at;
}

void
prospect_activity_set_remind_at (ProspectActivity  *self,
                                 gint64             remind_at)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (self->remind_at != remind_at)
    {
      self->remind_at = remind_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMIND_AT]);
    }
}

gint64
prospect_activity_get_snoozed_until (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), 0);

  return self->snoozed_until;
}

void
prospect_activity_set_snoozed_until (ProspectActivity  *self,
                                     gint64             snoozed_until)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (self->snoozed_until != snoozed_until)
    {
      self->snoozed_until = snoozed_until;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNOOZED_UNTIL]);
    }
}

gint64
prospect_activity_get_reminded_at (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), 0);

  return self->reminded_at;
}

void
prospect_activity_set_reminded_at (ProspectActivity  *self,
                                   gint64             reminded_at)
{
  g_return_if_fail (PROSPECT_IS_ACTIVITY (self));

  if (self->reminded_at != reminded_at)
    {
      self->reminded_at = reminded_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDED_AT]);
    }
}

gboolean
prospect_activity_is_done (ProspectActivity *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), FALSE);

  return self->done_at != -1;
}

gboolean
prospect_activity_mark_done (ProspectActivity  *self,
                             ProspectDatabase  *db,
                             GError           **error)
{
  gint64 old_done_at;

  g_return_val_if_fail (PROSPECT_IS_ACTIVITY (self), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);

  old_done_at = self->done_at;
  prospect_activity_set_done_at (self, prospect_clock_now_ms ());

  if (!prospect_record_update (PROSPECT_RECORD (self), db, error))
    {
      prospect_activity_set_done_at (self, old_done_at);
      return FALSE;
    }

  return TRUE;
}

ProspectQuery *
prospect_activity_query_open_for_owner (const char *owner_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (owner_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_ACTIVITY);
  prospect_query_where_text (query, "owner_id", PROSPECT_OP_EQ, owner_id);
  prospect_query_where_null (query, "done_at", TRUE);
  prospect_query_order_by (query, "due_at", FALSE);
  prospect_query_order_by (query, "due_date", FALSE);

  return query;
}

ProspectQuery *
prospect_activity_query_for_deal (const char *deal_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (deal_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_ACTIVITY);
  prospect_query_where_text (query, "deal_id", PROSPECT_OP_EQ, deal_id);
  prospect_query_order_by (query, "created_at", TRUE);

  return query;
}
