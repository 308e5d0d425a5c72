/* prospect-record.c - base class of every stored entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-record"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-record-private.h"

#define N_BASE_COLUMNS 4

/* Per record class, attached to its GType: the columns and the SQL made
 * from their (constant) names once, in class_init. */
typedef struct
{
  const char *table;
  GArray     *columns;          /* of ProspectColumn */
  char       *select_list;
  char       *select_by_id_sql;
  char       *insert_sql;
  char       *update_sql;
} ClassInfo;

typedef struct
{
  char     *id;
  gint64    created_at;
  gint64    updated_at;
  gint64    deleted_at;
  gboolean  stored;
} ProspectRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ProspectRecord, prospect_record, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static GQuark class_info_quark;

static const ProspectColumn base_columns[N_BASE_COLUMNS] = {
  { "id", "id", G_TYPE_STRING, PROSPECT_COLUMN_DEFAULT },
  { "created-at", "created_at", G_TYPE_INT64, PROSPECT_COLUMN_DEFAULT },
  { "updated-at", "updated_at", G_TYPE_INT64, PROSPECT_COLUMN_DEFAULT },
  { "deleted-at", "deleted_at", G_TYPE_INT64, PROSPECT_COLUMN_DEFAULT },
};

static ClassInfo *
class_info_for_type (GType record_type)
{
  ClassInfo *info;

  g_return_val_if_fail (g_type_is_a (record_type, PROSPECT_TYPE_RECORD), NULL);

  info = g_type_get_qdata (record_type, class_info_quark);
  if (info == NULL)
    {
      /* the class (and so its info) is made on first use of the type */
      g_type_class_unref (g_type_class_ref (record_type));
      info = g_type_get_qdata (record_type, class_info_quark);
    }

  g_return_val_if_fail (info != NULL, NULL);

  return info;
}

static void
class_info_build_sql (ClassInfo *info)
{
  g_autoptr(GString) select_list = g_string_new ("id, created_at, updated_at, deleted_at");
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) placeholders = g_string_new ("?, ?, ?, ?");
  g_autoptr(GString) update = g_string_new (NULL);

  g_string_printf (update, "UPDATE %s SET updated_at = ?", info->table);

  for (guint i = 0; i < info->columns->len; i++)
    {
      const ProspectColumn *column = &g_array_index (info->columns, ProspectColumn, i);

      g_string_append_printf (select_list, ", %s", column->column);
      g_string_append (placeholders, ", ?");
      g_string_append_printf (update, ", %s = ?", column->column);
    }

  g_string_printf (insert, "INSERT INTO %s (%s) VALUES (%s)",
                   info->table, select_list->str, placeholders->str);
  g_string_append (update, " WHERE id = ? AND deleted_at IS NULL");

  g_free (info->select_list);
  g_free (info->select_by_id_sql);
  g_free (info->insert_sql);
  g_free (info->update_sql);

  info->select_by_id_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ? AND deleted_at IS NULL",
                                            select_list->str, info->table);
  info->select_list = g_string_free (g_steal_pointer (&select_list), FALSE);
  info->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  info->update_sql = g_string_free (g_steal_pointer (&update), FALSE);
}

void
prospect_record_class_add_column (ProspectRecordClass *klass,
                                  const char          *property_name,
                                  ProspectColumnFlags  flags)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  ProspectColumn column;
  GParamSpec *pspec;
  ClassInfo *info;
  g_autofree char *column_name = NULL;

  g_return_if_fail (PROSPECT_IS_RECORD_CLASS (klass));
  g_return_if_fail (klass->table != NULL);

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property_name);
  g_return_if_fail (pspec != NULL);
  g_return_if_fail (pspec->value_type == G_TYPE_STRING ||
                    pspec->value_type == G_TYPE_INT64 ||
                    pspec->value_type == G_TYPE_INT ||
                    pspec->value_type == G_TYPE_BOOLEAN ||
                    pspec->value_type == G_TYPE_DOUBLE);

  info = g_type_get_qdata (type, class_info_quark);
  if (info == NULL)
    {
      info = g_new0 (ClassInfo, 1);
      info->table = g_intern_string (klass->table);
      info->columns = g_array_new (FALSE, FALSE, sizeof (ProspectColumn));
      g_type_set_qdata (type, class_info_quark, info);
    }

  column_name = g_strdelimit (g_strdup (property_name), "-", '_');
  column.property = g_intern_string (property_name);
  column.column = g_intern_string (column_name);
  column.value_type = pspec->value_type;
  column.flags = flags;
  g_array_append_val (info->columns, column);

  class_info_build_sql (info);
}

const ProspectColumn *
prospect_record_type_get_columns (GType  record_type,
                                  guint *n_columns)
{
  ClassInfo *info = class_info_for_type (record_type);

  *n_columns = info->columns->len;

  return (const ProspectColumn *) (gpointer) info->columns->data;
}

const ProspectColumn *
prospect_record_type_lookup_column (GType       record_type,
                                    const char *column)
{
  ClassInfo *info = class_info_for_type (record_type);

  for (guint i = 0; i < N_BASE_COLUMNS; i++)
    if (g_str_equal (base_columns[i].column, column))
      return &base_columns[i];

  for (guint i = 0; i < info->columns->len; i++)
    {
      const ProspectColumn *c = &g_array_index (info->columns, ProspectColumn, i);

      if (g_str_equal (c->column, column))
        return c;
    }

  return NULL;
}

const char *
prospect_record_type_get_table (GType record_type)
{
  return class_info_for_type (record_type)->table;
}

const char *
prospect_record_type_select_list (GType record_type)
{
  return class_info_for_type (record_type)->select_list;
}

guint
prospect_record_type_n_columns (GType record_type)
{
  return N_BASE_COLUMNS + class_info_for_type (record_type)->columns->len;
}

gboolean
prospect_record_type_has_column (GType       record_type,
                                 const char *column)
{
  g_return_val_if_fail (column != NULL, FALSE);

  return prospect_record_type_lookup_column (record_type, column) != NULL;
}

static void
bind_value (sqlite3_stmt         *stmt,
            int                   index,
            const GValue         *value,
            const ProspectColumn *column)
{
  gboolean nullable = (column->flags & PROSPECT_COLUMN_NULLABLE) != 0;

  switch (column->value_type)
    {
    case G_TYPE_STRING:
      {
        const char *text = g_value_get_string (value);

        /* an empty optional field is "no value", never a dangling "" id */
        if (text == NULL || (nullable && text[0] == '\0'))
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      }
      break;

    case G_TYPE_INT64:
      if (nullable && g_value_get_int64 (value) == -1)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;

    case G_TYPE_INT:
      if (nullable && g_value_get_int (value) == -1)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int (stmt, index, g_value_get_int (value));
      break;

    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;

    case G_TYPE_DOUBLE:
      if (isnan (g_value_get_double (value)))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_double (stmt, index, g_value_get_double (value));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
read_value (sqlite3_stmt         *stmt,
            int                   index,
            GValue               *value,
            const ProspectColumn *column)
{
  gboolean is_null = sqlite3_column_type (stmt, index) == SQLITE_NULL;
  gboolean nullable = (column->flags & PROSPECT_COLUMN_NULLABLE) != 0;

  g_value_init (value, column->value_type);

  switch (column->value_type)
    {
    case G_TYPE_STRING:
      g_value_set_string (value, (const char *) sqlite3_column_text (stmt, index));
      break;

    case G_TYPE_INT64:
      g_value_set_int64 (value, is_null && nullable ? -1 : sqlite3_column_int64 (stmt, index));
      break;

    case G_TYPE_INT:
      g_value_set_int (value, is_null && nullable ? -1 : sqlite3_column_int (stmt, index));
      break;

    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, sqlite3_column_int (stmt, index) != 0);
      break;

    case G_TYPE_DOUBLE:
      g_value_set_double (value, is_null ? NAN : sqlite3_column_double (stmt, index));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The text stored in field_change for a value; NULL for SQL NULL. */
static char *
value_to_text (const GValue         *value,
               const ProspectColumn *column)
{
  gboolean nullable = (column->flags & PROSPECT_COLUMN_NULLABLE) != 0;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (column->value_type)
    {
    case G_TYPE_STRING:
      if (nullable && g_strcmp0 (g_value_get_string (value), "") == 0)
        return NULL;
      return g_value_dup_string (value);

    case G_TYPE_INT64:
      if (nullable && g_value_get_int64 (value) == -1)
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case G_TYPE_INT:
      if (nullable && g_value_get_int (value) == -1)
        return NULL;
      return g_strdup_printf ("%d", g_value_get_int (value));

    case G_TYPE_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "1" : "0");

    case G_TYPE_DOUBLE:
      if (isnan (g_value_get_double (value)))
        return NULL;
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));

    default:
      g_assert_not_reached ();
    }
}

static void
prospect_record_finalize (GObject *object)
{
  ProspectRecord *self = (ProspectRecord *)object;
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (prospect_record_parent_class)->finalize (object);
}

static void
prospect_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ProspectRecord *self = PROSPECT_RECORD (object);
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, priv->updated_at);
      break;

    case PROP_DELETED_AT:
      g_value_set_int64 (value, priv->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_record_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ProspectRecord *self = PROSPECT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      prospect_record_set_id (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      prospect_record_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_record_class_init (ProspectRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prospect_record_finalize;
  object_class->get_property = prospect_record_get_property;
  object_class->set_property = prospect_record_set_property;

  class_info_quark = g_quark_from_static_string ("prospect-record-class-info");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prospect_record_init (ProspectRecord *self)
{
}

const char *
prospect_record_get_table (ProspectRecord *self)
{
  g_return_val_if_fail (PROSPECT_IS_RECORD (self), NULL);

  return prospect_record_type_get_table (G_OBJECT_TYPE (self));
}

const char *
prospect_record_get_id (ProspectRecord *self)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), NULL);

  return priv->id;
}

void
prospect_record_set_id (ProspectRecord *self,
                        const char     *id)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_return_if_fail (PROSPECT_IS_RECORD (self));
  g_return_if_fail (!priv->stored);

  if (prospect_str_set (&priv->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
prospect_record_get_created_at (ProspectRecord *self)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), 0);

  return priv->created_at;
}

void
prospect_record_set_created_at (ProspectRecord *self,
                                gint64          created_at)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_return_if_fail (PROSPECT_IS_RECORD (self));
  g_return_if_fail (!priv->stored);

  if (priv->created_at != created_at)
    {
      priv->created_at = created_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
}

gint64
prospect_record_get_updated_at (ProspectRecord *self)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), 0);

  return priv->updated_at;
}

gint64
prospect_record_get_deleted_at (ProspectRecord *self)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), 0);

  return priv->deleted_at;
}

gboolean
prospect_record_is_stored (ProspectRecord *self)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), FALSE);

  return priv->stored;
}

gboolean
prospect_record_validate (ProspectRecord    *self,
                          ProspectDatabase  *db,
                          GError           **error)
{
  ProspectRecordClass *klass;

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);

  klass = PROSPECT_RECORD_GET_CLASS (self);
  if (klass->validate == NULL)
    return TRUE;

  return klass->validate (self, db, error);
}

/* Binds the class columns from position first_index on. */
static void
bind_columns (ProspectRecord *self,
              sqlite3_stmt   *stmt,
              int             first_index)
{
  guint n_columns;
  const ProspectColumn *columns = prospect_record_type_get_columns (G_OBJECT_TYPE (self), &n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, columns[i].value_type);
      g_object_get_property (G_OBJECT (self), columns[i].property, &value);
      bind_value (stmt, first_index + i, &value, &columns[i]);
    }
}

static gboolean
step_done (ProspectDatabase  *db,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_errcode (prospect_database_get_handle (db));
      sqlite3_reset (stmt);
      return prospect_database_set_sqlite_error (db, rc, error);
    }

  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
set_not_found_error (GError **error)
{
  g_set_error_literal (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND,
                       _("The item no longer exists; it may have been deleted"));
  return FALSE;
}

/* Ends a write started with prospect_database_begin(): commits when ok,
 * rolls back otherwise (also when the commit itself fails). */
static gboolean
finish_transaction (ProspectDatabase  *db,
                    gboolean           ok,
                    GError           **error)
{
  if (ok && prospect_database_commit (db, error))
    return TRUE;

  prospect_database_rollback (db);

  return FALSE;
}

static gboolean
normalize_and_validate (ProspectRecord    *self,
                        ProspectDatabase  *db,
                        GError           **error)
{
  ProspectRecordClass *klass = PROSPECT_RECORD_GET_CLASS (self);

  if (klass->normalize != NULL)
    klass->normalize (self, db);

  return prospect_record_validate (self, db, error);
}

static gboolean
insert_row (ProspectRecord    *self,
            ProspectDatabase  *db,
            GError           **error)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);
  ProspectRecordClass *klass = PROSPECT_RECORD_GET_CLASS (self);
  ClassInfo *info = class_info_for_type (G_OBJECT_TYPE (self));
  sqlite3_stmt *stmt;

  if (!normalize_and_validate (self, db, error))
    return FALSE;

  stmt = prospect_database_prepare (db, info->insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, priv->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, priv->created_at);
  sqlite3_bind_int64 (stmt, 3, priv->updated_at);
  sqlite3_bind_null (stmt, 4);
  bind_columns (self, stmt, N_BASE_COLUMNS + 1);

  if (!step_done (db, stmt, error))
    return FALSE;

  if (klass->written != NULL && !klass->written (self, NULL, db, error))
    return FALSE;

  prospect_database_notify_changed (db, info->table, priv->id, PROSPECT_CHANGE_INSERTED);

  return TRUE;
}

gboolean
prospect_record_insert (ProspectRecord    *self,
                        ProspectDatabase  *db,
                        GError           **error)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);
  g_autofree char *old_id = NULL;
  gint64 old_created_at;
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (!priv->stored, FALSE);

  old_id = g_strdup (priv->id);
  old_created_at = priv->created_at;

  if (priv->id == NULL)
    priv->id = prospect_id_new ();
  if (priv->created_at == 0)
    priv->created_at = prospect_clock_now_ms ();
  priv->updated_at = priv->created_at;

  if (!prospect_database_begin (db, error))
    ok = FALSE;
  else
    ok = finish_transaction (db, insert_row (self, db, error), error);

  if (!ok)
    {
      /* leave the object as the caller made it, so a retry behaves the same */
      g_free (priv->id);
      priv->id = g_steal_pointer (&old_id);
      priv->created_at = old_created_at;
      priv->updated_at = 0;
      return FALSE;
    }

  priv->stored = TRUE;

  if (old_id == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  if (old_created_at != priv->created_at)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);

  return TRUE;
}

static gboolean
insert_field_change (ProspectRecord    *self,
                     ProspectDatabase  *db,
                     const char        *field,
                     const char        *old_value,
                     const char        *new_value,
                     const char        *author,
                     GError           **error)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);
  g_autofree char *id = prospect_id_new ();
  sqlite3_stmt *stmt;

  stmt = prospect_database_prepare (db,
                                    "INSERT INTO field_change (id, created_at, updated_at, entity, "
                                    "entity_id, field, old_value, new_value, changed_at, changed_by) "
                                    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?2, ?8)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, priv->updated_at);
  sqlite3_bind_text (stmt, 3, prospect_record_get_table (self), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, priv->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, author, -1, SQLITE_TRANSIENT);

  return step_done (db, stmt, error);
}

static gboolean
write_history (ProspectRecord    *self,
               ProspectRecord    *previous,
               ProspectDatabase  *db,
               GError           **error)
{
  g_autofree char *author = NULL;
  gboolean author_known = FALSE;
  guint n_columns;
  const ProspectColumn *columns = prospect_record_type_get_columns (G_OBJECT_TYPE (self), &n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      if ((columns[i].flags & PROSPECT_COLUMN_HISTORY) == 0)
        continue;

      g_value_init (&old_value, columns[i].value_type);
      g_value_init (&new_value, columns[i].value_type);
      g_object_get_property (G_OBJECT (previous), columns[i].property, &old_value);
      g_object_get_property (G_OBJECT (self), columns[i].property, &new_value);
      old_text = value_to_text (&old_value, &columns[i]);
      new_text = value_to_text (&new_value, &columns[i]);

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      if (!author_known)
        {
          author = prospect_database_get_me (db);
          author_known = TRUE;
        }

      if (!insert_field_change (self, db, columns[i].column, old_text, new_text, author, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
update_row (ProspectRecord    *self,
            ProspectDatabase  *db,
            GError           **error)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);
  ProspectRecordClass *klass = PROSPECT_RECORD_GET_CLASS (self);
  ClassInfo *info = class_info_for_type (G_OBJECT_TYPE (self));
  g_autoptr(ProspectRecord) previous = NULL;
  sqlite3_stmt *stmt;
  guint n_columns = info->columns->len;

  previous = prospect_record_load (db, G_OBJECT_TYPE (self), priv->id, error);
  if (previous == NULL)
    return FALSE;

  if (!normalize_and_validate (self, db, error))
    return FALSE;

  stmt = prospect_database_prepare (db, info->update_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, priv->updated_at);
  bind_columns (self, stmt, 2);
  sqlite3_bind_text (stmt, n_columns + 2, priv->id, -1, SQLITE_TRANSIENT);

  if (!step_done (db, stmt, error))
    return FALSE;

  if (!write_history (self, previous, db, error))
    return FALSE;

  if (klass->written != NULL && !klass->written (self, previous, db, error))
    return FALSE;

  prospect_database_notify_changed (db, info->table, priv->id, PROSPECT_CHANGE_UPDATED);

  return TRUE;
}

gboolean
prospect_record_update (ProspectRecord    *self,
                        ProspectDatabase  *db,
                        GError           **error)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);
  gint64 old_updated_at;

  g_return_val_if_fail (PROSPECT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (priv->id != NULL, FALSE);

  old_updated_at = priv->updated_at;
  /* never move backwards, even when the clock is pinned by a test */
  priv->updated_at = MAX (prospect_clock_now_ms (), priv->created_at);

  if (!prospect_database_begin (db, error) ||
      !finish_transaction (db, update_row (self, db, error), error))
    {
      priv->updated_at = old_updated_at;
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);

  return TRUE;
}

gboolean
prospect_record_save (ProspectRecord    *self,
                      ProspectDatabase  *db,
                      GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_RECORD (self), FALSE);

  if (prospect_record_is_stored (self))
    return prospect_record_update (self, db, error);

  return prospect_record_insert (self, db, error);
}

/* Sets or clears deleted_at; the WHERE clause makes sure the row is in the
 * opposite state, so a second delete reports NOT_FOUND. */
static gboolean
set_deleted (ProspectRecord    *self,
             ProspectDatabase  *db,
             gboolean           deleted,
             GError           **error)
{
  ProspectRecordPrivate *priv = prospect_record_get_instance_private (self);
  const char *table = prospect_record_get_table (self);
  gint64 now = MAX (prospect_clock_now_ms (), priv->created_at);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (deleted)
    sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1, updated_at = ?1 "
                           "WHERE id = ?2 AND deleted_at IS NULL", table);
  else
    sql = g_strdup_printf ("UPDATE %s SET deleted_at = NULL, updated_at = ?1 "
                           "WHERE id = ?2 AND deleted_at IS NOT NULL", table);

  if (!prospect_database_begin (db, error))
    return FALSE;

  stmt = prospect_database_prepare (db, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_bind_text (stmt, 2, priv->id, -1, SQLITE_TRANSIENT);
      ok = step_done (db, stmt, error);
    }

  if (ok && sqlite3_changes (prospect_database_get_handle (db)) == 0)
    ok = set_not_found_error (error);

  if (ok)
    prospect_database_notify_changed (db, table, priv->id,
                                      deleted ? PROSPECT_CHANGE_DELETED : PROSPECT_CHANGE_INSERTED);

  if (!finish_transaction (db, ok, error))
    return FALSE;

  priv->deleted_at = deleted ? now : 0;
  priv->updated_at = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);

  return TRUE;
}

gboolean
prospect_record_delete (ProspectRecord    *self,
                        ProspectDatabase  *db,
                        GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (prospect_record_get_id (self) != NULL, FALSE);

  return set_deleted (self, db, TRUE, error);
}

gboolean
prospect_record_restore (ProspectRecord    *self,
                         ProspectDatabase  *db,
                         GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (prospect_record_get_id (self) != NULL, FALSE);

  return set_deleted (self, db, FALSE, error);
}

gpointer
prospect_record_load (ProspectDatabase  *db,
                      GType              record_type,
                      const char        *id,
                      GError           **error)
{
  ClassInfo *info;
  sqlite3_stmt *stmt;
  gpointer record = NULL;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, PROSPECT_TYPE_RECORD), NULL);

  if (id == NULL)
    {
      set_not_found_error (error);
      return NULL;
    }

  info = class_info_for_type (record_type);
  stmt = prospect_database_prepare (db, info->select_by_id_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = prospect_record_new_from_statement (record_type, stmt);
  else if (rc == SQLITE_DONE)
    set_not_found_error (error);
  else
    prospect_database_set_sqlite_error (db, sqlite3_errcode (prospect_database_get_handle (db)), error);

  sqlite3_reset (stmt);

  return record;
}

gpointer
prospect_record_new_from_statement (GType         record_type,
                                    sqlite3_stmt *stmt)
{
  ClassInfo *info = class_info_for_type (record_type);
  guint n_columns = info->columns->len;
  g_autofree const char **names = g_new (const char *, n_columns);
  g_autofree GValue *values = g_new0 (GValue, n_columns);
  ProspectRecordPrivate *priv;
  ProspectRecord *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (record_type, NULL);
  priv = prospect_record_get_instance_private (self);

  priv->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  priv->created_at = sqlite3_column_int64 (stmt, 1);
  priv->updated_at = sqlite3_column_int64 (stmt, 2);
  priv->deleted_at = sqlite3_column_int64 (stmt, 3);
  priv->stored = TRUE;

  for (guint i = 0; i < n_columns; i++)
    {
      const ProspectColumn *column = &g_array_index (info->columns, ProspectColumn, i);

      names[i] = column->property;
      read_value (stmt, N_BASE_COLUMNS + i, &values[i], column);
    }

  g_object_setv (G_OBJECT (self), n_columns, names, values);

  for (guint i = 0; i < n_columns; i++)
    g_value_unset (&values[i]);

  return self;
}
