/* prospect-todo-item.c - one step of an activity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-todo-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-record-private.h"
#include "prospect-todo-item.h"
#include "prospect-validate.h"

struct _ProspectTodoItem
{
  ProspectRecord parent_instance;

  char     *activity_id;
  gint      position;
  char     *text;
  gint      planned_minutes;
  char     *resources;
  char     *result;
  gboolean  done;
};

enum {
  PROP_0,
  PROP_ACTIVITY_ID,
  PROP_POSITION,
  PROP_TEXT,
  PROP_PLANNED_MINUTES,
  PROP_RESOURCES,
  PROP_RESULT,
  PROP_DONE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectTodoItem, prospect_todo_item, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static gboolean
prospect_todo_item_validate (ProspectRecord    *record,
                             ProspectDatabase  *db,
                             GError           **error)
{
  ProspectTodoItem *self = PROSPECT_TODO_ITEM (record);

  return prospect_validate_not_blank (self->text, "text", _("The text cannot be empty"), error) &&
         prospect_validate_non_negative (self->planned_minutes, "planned_minutes",
                                         _("The planned time cannot be negative"), error) &&
         prospect_validate_not_blank (self->activity_id, "activity_id",
                                      _("The activity does not exist"), error) &&
         prospect_validate_reference (db, "activity", self->activity_id, "activity_id",
                                      _("The activity does not exist"), error);
}

static void
prospect_todo_item_finalize (GObject *object)
{
  ProspectTodoItem *self = (ProspectTodoItem *)object;

  g_clear_pointer (&self->activity_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->resources, g_free);
  g_clear_pointer (&self->result, g_free);

  G_OBJECT_CLASS (prospect_todo_item_parent_class)->finalize (object);
}

static void
prospect_todo_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ProspectTodoItem *self = PROSPECT_TODO_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY_ID:
      g_value_set_string (value, self->activity_id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_PLANNED_MINUTES:
      g_value_set_int (value, self->planned_minutes);
      break;

    case PROP_RESOURCES:
      g_value_set_string (value, self->resources);
      break;

    case PROP_RESULT:
      g_value_set_string (value, self->result);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_todo_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ProspectTodoItem *self = PROSPECT_TODO_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY_ID:
      prospect_todo_item_set_activity_id (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      prospect_todo_item_set_position (self, g_value_get_int (value));
      break;

    case PROP_TEXT:
      prospect_todo_item_set_text (self, g_value_get_string (value));
      break;

    case PROP_PLANNED_MINUTES:
      prospect_todo_item_set_planned_minutes (self, g_value_get_int (value));
      break;

    case PROP_RESOURCES:
      prospect_todo_item_set_resources (self, g_value_get_string (value));
      break;

    case PROP_RESULT:
      prospect_todo_item_set_result (self, g_value_get_string (value));
      break;

    case PROP_DONE:
      prospect_todo_item_set_done (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_todo_item_class_init (ProspectTodoItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_todo_item_finalize;
  object_class->get_property = prospect_todo_item_get_property;
  object_class->set_property = prospect_todo_item_set_property;

  record_class->table = "todo_item";
  record_class->validate = prospect_todo_item_validate;

  properties[PROP_ACTIVITY_ID] =
    g_param_spec_string ("activity-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLANNED_MINUTES] =
    g_param_spec_int ("planned-minutes", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESOURCES] =
    g_param_spec_string ("resources", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESULT] =
    g_param_spec_string ("result", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "activity-id", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "position", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "text", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "planned-minutes", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "resources", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "result", PROSPECT_COLUMN_NULLABLE);
  prospect_record_class_add_column (record_class, "done", PROSPECT_COLUMN_DEFAULT);
}

static void
prospect_todo_item_init (ProspectTodoItem *self)
{
}

ProspectTodoItem *
prospect_todo_item_new (void)
{
  return g_object_new (PROSPECT_TYPE_TODO_ITEM, NULL);
}

ProspectTodoItem *
prospect_todo_item_load (ProspectDatabase  *db,
                        const char        *id,
                        GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_TODO_ITEM, id, error);
}

const char *
prospect_todo_item_get_activity_id (ProspectTodoItem *self)
{
  g_return_val_if_fail (PROSPECT_IS_TODO_ITEM (self), NULL);

  return self->activity_id;
}

void
prospect_todo_item_set_activity_id (ProspectTodoItem  *self,
                                    const char        *activity_id)
{
  g_return_if_fail (PROSPECT_IS_TODO_ITEM (self));

  if (prospect_str_set (&self->activity_id, activity_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY_ID]);
}

gint
prospect_todo_item_get_position (ProspectTodoItem *self)
{
  g_return_val_if_fail (PROSPECT_IS_TODO_ITEM (self), 0);

  return self->position;
}

void
prospect_todo_item_set_position (ProspectTodoItem  *self,
                                 gint               position)
{
  g_return_if_fail (PROSPECT_IS_TODO_ITEM (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

const char *
prospect_todo_item_get_text (ProspectTodoItem *self)
{
  g_return_val_if_fail (PROSPECT_IS_TODO_ITEM (self), NULL);

  return self->text;
}

void
prospect_todo_item_set_text (ProspectTodoItem  *self,
                             const char        *text)
{
  g_return_if_fail (PROSPECT_IS_TODO_ITEM (self));

  if (prospect_str_set (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gint
prospect_todo_item_get_planned_minutes (ProspectTodoItem *self)
{
  g_return_val_if_fail (PROSPECT_IS_TODO_ITEM (self), 0);

  return self->planned_minutes;
}

void
prospect_todo_item_set_planned_minutes (ProspectTodoItem  *self,
                                        gint               planned_minutes)
{
  g_return_if_fail (PROSPECT_IS_TODO_ITEM (self));

  if (self->planned_minutes != planned_minutes)
    {
      self->planned_minutes = planned_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_MINUTES]);
    }
}

const char *
prospect_todo_item_get_resources (ProspectTodoItem *self)
{
  g_return_val_if_fail (PROSPECT_IS_TODO_ITEM (self), NULL);

  return self->resources;
}

void
prospect_todo_item_set_resources (ProspectTodoItem  *self,
                                  const char        *resources)
{
  g_return_if_fail (PROSPECT_IS_TODO_ITEM (self));

  if (prospect_str_set (&self->resources, resources))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCES]);
}

const char *
prospect_todo_item_get_result (ProspectTodoItem *self)
{
  g_return_val_if_fail (PROSPECT_IS_TODO_ITEM (self), NULL);

  return self->result;
}

void
prospect_todo_item_set_result (ProspectTodoItem  *self,
                               const char        *result)
{
  g_return_if_fail (PROSPECT_IS_TODO_ITEM (self));

  if (prospect_str_set (&self->result, result))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

gboolean
prospect_todo_item_get_done (ProspectTodoItem *self)
{
  g_return_val_if_fail (PROSPECT_IS_TODO_ITEM (self), FALSE);

  return self->done;
}

void
prospect_todo_item_set_done (ProspectTodoItem  *self,
                             gboolean           done)
{
  g_return_if_fail (PROSPECT_IS_TODO_ITEM (self));

  done = !!done;

  if (self->done != done)
    {
      self->done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
}

ProspectQuery *
prospect_todo_item_query_for_activity (const char *activity_id)
{
  ProspectQuery *query;

  g_return_val_if_fail (activity_id != NULL, NULL);

  query = prospect_query_new (PROSPECT_TYPE_TODO_ITEM);
  prospect_query_where_text (query, "activity_id", PROSPECT_OP_EQ, activity_id);
  prospect_query_order_by (query, "position", FALSE);

  return query;
}

gboolean
prospect_todo_item_progress (ProspectDatabase  *db,
                             const char        *activity_id,
                             guint             *n_done,
                             guint             *n_items,
                             gint64            *planned_minutes,
                             GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (activity_id != NULL, FALSE);

  stmt = prospect_database_prepare (db,
                                    "SELECT ifnull (sum (done), 0), count(*), ifnull (sum (planned_minutes), 0)"
                                    " FROM todo_item WHERE activity_id = ?1 AND deleted_at IS NULL",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, activity_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (n_done != NULL)
        *n_done = sqlite3_column_int (stmt, 0);
      if (n_items != NULL)
        *n_items = sqlite3_column_int (stmt, 1);
      if (planned_minutes != NULL)
        *planned_minutes = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || prospect_database_set_sqlite_error (db, rc, error);
}
