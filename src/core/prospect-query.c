/* prospect-query.c - filter / sort / page over one entity table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-query"

#include "config.h"

#include "prospect-error.h"
#include "prospect-query-private.h"
#include "prospect-record-private.h"

typedef enum
{
  VALUE_TEXT,
  VALUE_INT,
  VALUE_NULL_CHECK,
} ValueKind;

typedef struct
{
  const ProspectColumn *column;
  ProspectOp            op;
  ValueKind             kind;
  char                 *text;
  gint64                number;
  gboolean              is_null;
} Condition;

typedef struct
{
  const ProspectColumn *column;
  gboolean              descending;
  /* Set when sorting by a column of the row that column points at */
  const char           *related_table;
  const ProspectColumn *related_column;
} SortKey;

struct _ProspectQuery
{
  GObject   parent_instance;

  GType     record_type;
  GArray   *conditions;  /* of Condition */
  GArray   *order;       /* of SortKey */
  char     *search_pattern;  /* "%text%" with LIKE wildcards escaped, or NULL */
  gboolean  include_deleted;
};

G_DEFINE_FINAL_TYPE (ProspectQuery, prospect_query, G_TYPE_OBJECT)

static const char * const op_sql[] = {
  [PROSPECT_OP_EQ] = "=",
  [PROSPECT_OP_NE] = "IS NOT",  /* so rows where the column is NULL match too */
  [PROSPECT_OP_LT] = "<",
  [PROSPECT_OP_LE] = "<=",
  [PROSPECT_OP_GT] = ">",
  [PROSPECT_OP_GE] = ">=",
};

static void
condition_clear (gpointer data)
{
  Condition *condition = data;

  g_clear_pointer (&condition->text, g_free);
}

static void
prospect_query_finalize (GObject *object)
{
  ProspectQuery *self = (ProspectQuery *)object;

  g_clear_pointer (&self->conditions, g_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->search_pattern, g_free);

  G_OBJECT_CLASS (prospect_query_parent_class)->finalize (object);
}

static void
prospect_query_class_init (ProspectQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prospect_query_finalize;
}

static void
prospect_query_init (ProspectQuery *self)
{
  self->conditions = g_array_new (FALSE, TRUE, sizeof (Condition));
  g_array_set_clear_func (self->conditions, condition_clear);
  self->order = g_array_new (FALSE, TRUE, sizeof (SortKey));
}

ProspectQuery *
prospect_query_new (GType record_type)
{
  ProspectQuery *self;

  g_return_val_if_fail (g_type_is_a (record_type, PROSPECT_TYPE_RECORD), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (record_type), NULL);

  self = g_object_new (PROSPECT_TYPE_QUERY, NULL);
  self->record_type = record_type;

  return self;
}

GType
prospect_query_get_record_type (ProspectQuery *self)
{
  g_return_val_if_fail (PROSPECT_IS_QUERY (self), G_TYPE_INVALID);

  return self->record_type;
}

static const ProspectColumn *
lookup_column (ProspectQuery *self,
               const char    *column)
{
  const ProspectColumn *found = prospect_record_type_lookup_column (self->record_type, column);

  if (found == NULL)
    g_critical ("%s has no column “%s”", g_type_name (self->record_type), column);

  return found;
}

static void
add_condition (ProspectQuery *self,
               Condition     *condition,
               const char    *column)
{
  condition->column = lookup_column (self, column);
  if (condition->column == NULL)
    {
      condition_clear (condition);
      return;
    }

  g_array_append_val (self->conditions, *condition);
}

void
prospect_query_where_text (ProspectQuery *self,
                           const char    *column,
                           ProspectOp     op,
                           const char    *value)
{
  Condition condition = { NULL, op, VALUE_TEXT, NULL, 0, FALSE };

  g_return_if_fail (PROSPECT_IS_QUERY (self));
  g_return_if_fail (column != NULL);
  g_return_if_fail (value != NULL);
  g_return_if_fail (op <= PROSPECT_OP_GE);

  condition.text = g_strdup (value);
  add_condition (self, &condition, column);
}

void
prospect_query_where_int (ProspectQuery *self,
                          const char    *column,
                          ProspectOp     op,
                          gint64         value)
{
  Condition condition = { NULL, op, VALUE_INT, NULL, value, FALSE };

  g_return_if_fail (PROSPECT_IS_QUERY (self));
  g_return_if_fail (column != NULL);
  g_return_if_fail (op <= PROSPECT_OP_GE);

  add_condition (self, &condition, column);
}

void
prospect_query_where_null (ProspectQuery *self,
                           const char    *column,
                           gboolean       is_null)
{
  Condition condition = { NULL, PROSPECT_OP_EQ, VALUE_NULL_CHECK, NULL, 0, is_null };

  g_return_if_fail (PROSPECT_IS_QUERY (self));
  g_return_if_fail (column != NULL);

  add_condition (self, &condition, column);
}

void
prospect_query_set_search (ProspectQuery *self,
                           const char    *text)
{
  g_autoptr(GString) pattern = NULL;

  g_return_if_fail (PROSPECT_IS_QUERY (self));

  g_clear_pointer (&self->search_pattern, g_free);

  if (text == NULL || text[0] == '\0')
    return;

  /* the user's text is a literal substring, not a LIKE pattern */
  pattern = g_string_new ("%");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  self->search_pattern = g_string_free (g_steal_pointer (&pattern), FALSE);
}

void
prospect_query_order_by (ProspectQuery *self,
                         const char    *column,
                         gboolean       descending)
{
  SortKey key = { NULL, descending, NULL, NULL };

  g_return_if_fail (PROSPECT_IS_QUERY (self));
  g_return_if_fail (column != NULL);

  key.column = lookup_column (self, column);
  if (key.column != NULL)
    g_array_append_val (self->order, key);
}

void
prospect_query_order_by_related (ProspectQuery *self,
                                 const char    *column,
                                 GType          related_type,
                                 const char    *related_column,
                                 gboolean       descending)
{
  SortKey key = { NULL, descending, NULL, NULL };

  g_return_if_fail (PROSPECT_IS_QUERY (self));
  g_return_if_fail (column != NULL);
  g_return_if_fail (related_column != NULL);

  key.column = lookup_column (self, column);
  key.related_table = prospect_record_type_get_table (related_type);
  key.related_column = prospect_record_type_lookup_column (related_type, related_column);
  if (key.related_column == NULL)
    g_critical ("%s has no column “%s”", g_type_name (related_type), related_column);
  else if (key.column != NULL)
    g_array_append_val (self->order, key);
}

void
prospect_query_clear_order (ProspectQuery *self)
{
  g_return_if_fail (PROSPECT_IS_QUERY (self));

  g_array_set_size (self->order, 0);
}

void
prospect_query_set_include_deleted (ProspectQuery *self,
                                    gboolean       include_deleted)
{
  g_return_if_fail (PROSPECT_IS_QUERY (self));

  self->include_deleted = !!include_deleted;
}

/* Only constant column names and operators go into the text; values are
 * bound by bind_where() in the same order. */
static void
append_where (ProspectQuery *self,
              GString       *sql)
{
  g_string_append (sql, self->include_deleted ? " WHERE 1" : " WHERE deleted_at IS NULL");

  for (guint i = 0; i < self->conditions->len; i++)
    {
      const Condition *condition = &g_array_index (self->conditions, Condition, i);

      if (condition->kind == VALUE_NULL_CHECK)
        g_string_append_printf (sql, " AND %s IS %sNULL",
                                condition->column->column, condition->is_null ? "" : "NOT ");
      else
        g_string_append_printf (sql, " AND %s %s ?",
                                condition->column->column, op_sql[condition->op]);
    }

  if (self->search_pattern != NULL)
    {
      guint n_columns;
      const ProspectColumn *columns = prospect_record_type_get_columns (self->record_type, &n_columns);
      gboolean first = TRUE;

      g_string_append (sql, " AND (");
      for (guint i = 0; i < n_columns; i++)
        {
          if ((columns[i].flags & PROSPECT_COLUMN_SEARCHABLE) == 0)
            continue;

          g_string_append_printf (sql, "%s%s LIKE ? ESCAPE '\\'",
                                  first ? "" : " OR ", columns[i].column);
          first = FALSE;
        }
      /* a type without searchable columns matches nothing */
      g_string_append (sql, first ? "0)" : ")");
    }
}

static int
bind_where (ProspectQuery *self,
            sqlite3_stmt  *stmt)
{
  int index = 1;

  for (guint i = 0; i < self->conditions->len; i++)
    {
      const Condition *condition = &g_array_index (self->conditions, Condition, i);

      if (condition->kind == VALUE_TEXT)
        sqlite3_bind_text (stmt, index++, condition->text, -1, SQLITE_TRANSIENT);
      else if (condition->kind == VALUE_INT)
        sqlite3_bind_int64 (stmt, index++, condition->number);
    }

  if (self->search_pattern != NULL)
    {
      guint n_columns;
      const ProspectColumn *columns = prospect_record_type_get_columns (self->record_type, &n_columns);

      for (guint i = 0; i < n_columns; i++)
        if ((columns[i].flags & PROSPECT_COLUMN_SEARCHABLE) != 0)
          sqlite3_bind_text (stmt, index++, self->search_pattern, -1, SQLITE_TRANSIENT);
    }

  return index;
}

static void
append_order (ProspectQuery *self,
              GString       *sql)
{
  g_string_append (sql, " ORDER BY ");

  for (guint i = 0; i < self->order->len; i++)
    {
      const SortKey *key = &g_array_index (self->order, SortKey, i);
      const ProspectColumn *sorted = key->related_column != NULL ? key->related_column : key->column;

      /* Both names come from the record classes' column lists, never
       * from user data. */
      if (key->related_column != NULL)
        g_string_append_printf (sql, "(SELECT r.%s FROM %s r WHERE r.id = %s.%s)",
                                key->related_column->column, key->related_table,
                                prospect_record_type_get_table (self->record_type),
                                key->column->column);
      else
        g_string_append (sql, key->column->column);
      g_string_append_printf (sql, "%s%s, ",
                              sorted->value_type == G_TYPE_STRING ? " COLLATE NOCASE" : "",
                              key->descending ? " DESC" : "");
    }

  g_string_append (sql, "id");
}

gint64
prospect_query_count (ProspectQuery     *self,
                      ProspectDatabase  *db,
                      GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (PROSPECT_IS_QUERY (self), -1);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), -1);

  g_string_printf (sql, "SELECT count(*) FROM %s",
                   prospect_record_type_get_table (self->record_type));
  append_where (self, sql);

  stmt = prospect_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return -1;

  bind_where (self, stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    prospect_database_set_sqlite_error (db, sqlite3_errcode (prospect_database_get_handle (db)), error);
  sqlite3_reset (stmt);

  return count;
}

GPtrArray *
prospect_query_fetch (ProspectQuery     *self,
                      ProspectDatabase  *db,
                      gint64             offset,
                      gint64             limit,
                      GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int index;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_QUERY (self), NULL);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (offset >= 0, NULL);

  g_string_printf (sql, "SELECT %s FROM %s",
                   prospect_record_type_select_list (self->record_type),
                   prospect_record_type_get_table (self->record_type));
  append_where (self, sql);
  append_order (self, sql);
  g_string_append (sql, " LIMIT ? OFFSET ?");

  stmt = prospect_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  index = bind_where (self, stmt);
  sqlite3_bind_int64 (stmt, index, limit < 0 ? -1 : limit);
  sqlite3_bind_int64 (stmt, index + 1, offset);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, prospect_record_new_from_statement (self->record_type, stmt));

  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_errcode (prospect_database_get_handle (db));
      sqlite3_reset (stmt);
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

GArray *
prospect_query_fetch_rowids (ProspectQuery     *self,
                             ProspectDatabase  *db,
                             GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) rowids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_QUERY (self), NULL);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);

  g_string_printf (sql, "SELECT rowid FROM %s",
                   prospect_record_type_get_table (self->record_type));
  append_where (self, sql);
  append_order (self, sql);

  stmt = prospect_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  bind_where (self, stmt);

  rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }

  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_errcode (prospect_database_get_handle (db));
      sqlite3_reset (stmt);
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  sqlite3_reset (stmt);

  return g_steal_pointer (&rowids);
}

static void
object_unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

GPtrArray *
prospect_query_fetch_by_rowids (ProspectQuery     *self,
                                ProspectDatabase  *db,
                                const gint64      *rowids,
                                guint              n_rowids,
                                GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) rows = NULL;
  guint rowid_column = prospect_record_type_n_columns (self->record_type);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_QUERY (self), NULL);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);

  rows = g_ptr_array_new_full (n_rowids, object_unref_nullable);
  g_ptr_array_set_size (rows, n_rowids);

  /* one statement for any number of rowids: they travel as a JSON array */
  for (guint i = 0; i < n_rowids; i++)
    {
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", rowids[i]);
      g_hash_table_insert (positions, (gpointer) &rowids[i], GUINT_TO_POINTER (i));
    }
  g_string_append_c (json, ']');

  g_string_printf (sql, "SELECT %s, rowid FROM %s WHERE rowid IN (SELECT value FROM json_each (?))",
                   prospect_record_type_select_list (self->record_type),
                   prospect_record_type_get_table (self->record_type));

  stmt = prospect_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, rowid_column);
      gpointer position;

      if (g_hash_table_lookup_extended (positions, &rowid, NULL, &position))
        g_ptr_array_index (rows, GPOINTER_TO_UINT (position)) =
          prospect_record_new_from_statement (self->record_type, stmt);
    }

  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_errcode (prospect_database_get_handle (db));
      sqlite3_reset (stmt);
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}
