/* prospect-coaching-note.c - notes of a 1:1 between a rep and their coach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-coaching-note"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-coaching-note.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectCoachingNote
{
  ProspectRecord parent_instance;

  char     *rep_id;
  char     *author_id;
  char     *held_on;
  char     *body;
  gboolean  shared;
};

enum {
  PROP_0,
  PROP_REP_ID,
  PROP_AUTHOR_ID,
  PROP_HELD_ON,
  PROP_BODY,
  PROP_SHARED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectCoachingNote, prospect_coaching_note, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static gboolean
prospect_coaching_note_validate (ProspectRecord    *record,
                                 ProspectDatabase  *db,
                                 GError           **error)
{
  ProspectCoachingNote *self = PROSPECT_COACHING_NOTE (record);

  return prospect_validate_not_blank (self->body, "body", _("The note cannot be empty"), error) &&
         prospect_validate_date (self->held_on, "held_on", TRUE, error) &&
         prospect_validate_not_blank (self->rep_id, "rep_id", _("The rep does not exist"), error) &&
         prospect_validate_reference (db, "person", self->rep_id, "rep_id",
                                      _("The rep does not exist"), error) &&
         prospect_validate_not_blank (self->author_id, "author_id",
                                      _("The author does not exist"), error) &&
         prospect_validate_reference (db, "person", self->author_id, "author_id",
                                      _("The author does not exist"), error);
}

static void
prospect_coaching_note_finalize (GObject *object)
{
  ProspectCoachingNote *self = (ProspectCoachingNote *)object;

  g_clear_pointer (&self->rep_id, g_free);
  g_clear_pointer (&self->author_id, g_free);
  g_clear_pointer (&self->held_on, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (prospect_coaching_note_parent_class)->finalize (object);
}

static void
prospect_coaching_note_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ProspectCoachingNote *self = PROSPECT_COACHING_NOTE (object);

  switch (prop_id)
    {
    case PROP_REP_ID:
      g_value_set_string (value, self->rep_id);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_string (value, self->author_id);
      break;

    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_SHARED:
      g_value_set_boolean (value, self->shared);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_coaching_note_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ProspectCoachingNote *self = PROSPECT_COACHING_NOTE (object);

  switch (prop_id)
    {
    case PROP_REP_ID:
      prospect_coaching_note_set_rep_id (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR_ID:
      prospect_coaching_note_set_author_id (self, g_value_get_string (value));
      break;

    case PROP_HELD_ON:
      prospect_coaching_note_set_held_on (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      prospect_coaching_note_set_body (self, g_value_get_string (value));
      break;

    case PROP_SHARED:
      prospect_coaching_note_set_shared (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_coaching_note_class_init (ProspectCoachingNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_coaching_note_finalize;
  object_class->get_property = prospect_coaching_note_get_property;
  object_class->set_property = prospect_coaching_note_set_property;

  record_class->table = "coaching_note";
  record_class->validate = prospect_coaching_note_validate;

  properties[PROP_REP_ID] =
    g_param_spec_string ("rep-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR_ID] =
    g_param_spec_string ("author-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HELD_ON] =
    g_param_spec_string ("held-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHARED] =
    g_param_spec_boolean ("shared", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "rep-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "author-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "held-on", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "body", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "shared", PROSPECT_COLUMN_DEFAULT);
}

static void
prospect_coaching_note_init (ProspectCoachingNote *self)
{
  self->shared = TRUE;
}

ProspectCoachingNote *
prospect_coaching_note_new (void)
{
  return g_object_new (PROSPECT_TYPE_COACHING_NOTE, NULL);
}

ProspectCoachingNote *
prospect_coaching_note_load (ProspectDatabase  *db,
                            const char        *id,
                            GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_COACHING_NOTE, id, error);
}

const char *
prospect_coaching_note_get_rep_id (ProspectCoachingNote *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_NOTE (self), NULL);

  return self->rep_id;
}

void
prospect_coaching_note_set_rep_id (ProspectCoachingNote  *self,
                                   const char            *rep_id)
{
  g_return_if_fail (PROSPECT_IS_COACHING_NOTE (self));

  if (prospect_str_set (&self->rep_id, rep_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REP_ID]);
}

const char *
prospect_coaching_note_get_author_id (ProspectCoachingNote *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_NOTE (self), NULL);

  return self->author_id;
}

void
prospect_coaching_note_set_author_id (ProspectCoachingNote  *self,
                                      const char            *author_id)
{
  g_return_if_fail (PROSPECT_IS_COACHING_NOTE (self));

  if (prospect_str_set (&self->author_id, author_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_ID]);
}

const char *
prospect_coaching_note_get_held_on (ProspectCoachingNote *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_NOTE (self), NULL);

  return self->held_on;
}

void
prospect_coaching_note_set_held_on (ProspectCoachingNote  *self,
                                    const char            *held_on)
{
  g_return_if_fail (PROSPECT_IS_COACHING_NOTE (self));

  if (prospect_str_set (&self->held_on, held_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD_ON]);
}

const char *
prospect_coaching_note_get_body (ProspectCoachingNote *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_NOTE (self), NULL);

  return self->body;
}

void
prospect_coaching_note_set_body (ProspectCoachingNote  *self,
                                 const char            *body)
{
  g_return_if_fail (PROSPECT_IS_COACHING_NOTE (self));

  if (prospect_str_set (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gboolean
prospect_coaching_note_get_shared (ProspectCoachingNote *self)
{
  g_return_val_if_fail (PROSPECT_IS_COACHING_NOTE (self), FALSE);

  return self->shared;
}

void
prospect_coaching_note_set_shared (ProspectCoachingNote  *self,
                                   gboolean               shared)
{
  g_return_if_fail (PROSPECT_IS_COACHING_NOTE (self));

  shared = !!shared;

  if (self->shared != shared)
    {
      self->shared = shared;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED]);
    }
}

ProspectQuery *
prospect_coaching_note_query_for_rep (const char *rep_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (rep_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_COACHING_NOTE);
  prospect_query_where_text (query, "rep_id", PROSPECT_OP_EQ, rep_id);
  prospect_query_order_by (query, "held_on", TRUE);

  return query;
}
