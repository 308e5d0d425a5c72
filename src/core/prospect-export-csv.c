/* prospect-export-csv.c - deals, activities, accounts and contacts as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-export-csv"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "prospect-chart-format.h"
#include "prospect-error.h"
#include "prospect-export-private.h"

typedef enum
{
  FIELD_TEXT,      /* quoted */
  FIELD_NUMBER,    /* bare integer */
  FIELD_MONEY,     /* minor units, written in major units */
  FIELD_INSTANT,   /* UTC ms, written (quoted) as ISO 8601 UTC */
  FIELD_PRIORITY,  /* 0-2, written as low / normal / high */
} FieldType;

typedef struct
{
  FieldType type;
  int       currency;  /* FIELD_MONEY: the query column with the currency */
} Field;

typedef struct
{
  const char        *name;
  const char        *sql;
  const Field       *fields;
  const char * const *columns;
  const char * const *statuses;  /* NULL: no status filter */
  gboolean           has_stage;  /* stage and priority filters */
} Table;

/* Parameters, the same in every query: ?1 owners (a JSON array), ?2
 * status, ?3 stage, ?4 priority, ?5 ?6 first and last day, ?7 ?8 the
 * local midnights that start the first day and end the last one. */

static const char * const deal_columns[] = {
  "external_id", "title", "account", "contact", "owner", "stage", "amount", "currency",
  "probability", "expected_close", "priority", "next_step", "challenges", "region",
  "channel", "product", "source", "status", "lost_reason", "closed_on", "created", NULL
};

static const Field deal_fields[] = {
  { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT },
  { FIELD_TEXT }, { FIELD_MONEY, 7 }, { FIELD_TEXT }, { FIELD_NUMBER }, { FIELD_TEXT },
  { FIELD_PRIORITY }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT },
  { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT },
  { FIELD_INSTANT },
};

static const char deal_sql[] =
  "SELECT d.id, d.title, a.name, c.name, p.name, s.name, d.amount, d.currency,"
  " d.probability, d.expected_close, d.priority, d.next_step, d.challenges, d.region,"
  " d.channel, pr.name, d.source, d.status, d.lost_reason, d.closed_on, d.created_at"
  " FROM deal d"
  " LEFT JOIN account a ON a.id = d.account_id"
  " LEFT JOIN contact c ON c.id = d.contact_id"
  " LEFT JOIN person p ON p.id = d.owner_id"
  " LEFT JOIN stage s ON s.id = d.stage_id"
  " LEFT JOIN product pr ON pr.id = d.product_id"
  " WHERE d.deleted_at IS NULL"
  " AND (?1 IS NULL OR d.owner_id IN (SELECT value FROM json_each (?1)))"
  " AND (?2 IS NULL OR d.status = ?2)"
  " AND (?3 IS NULL OR d.stage_id = ?3)"
  " AND (?4 < 0 OR d.priority = ?4)"
  " AND (?5 IS NULL OR coalesce (d.closed_on, d.expected_close) BETWEEN ?5 AND ?6)"
  " ORDER BY d.created_at, d.id";

static const char * const activity_columns[] = {
  "external_id", "kind", "subject", "notes", "due_at", "due_date", "duration_minutes",
  "done_at", "outcome", "deal_external_id", "deal", "account", "contact", "owner",
  "remind_at", "created", NULL
};

static const Field activity_fields[] = {
  { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_INSTANT },
  { FIELD_TEXT }, { FIELD_NUMBER }, { FIELD_INSTANT }, { FIELD_TEXT }, { FIELD_TEXT },
  { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_INSTANT },
  { FIELD_INSTANT },
};

/* The order of prospect-export-private.h's ACTIVITY_ columns. */
static const char activity_sql[] =
  "SELECT t.id, t.kind, t.subject, t.notes, t.due_at, t.due_date, t.duration_minutes,"
  " t.done_at, t.outcome, d.id, d.title, a.name, c.name, p.name, t.remind_at,"
  " t.created_at, t.updated_at"
  " FROM activity t"
  " LEFT JOIN deal d ON d.id = t.deal_id"
  " LEFT JOIN account a ON a.id = t.account_id"
  " LEFT JOIN contact c ON c.id = t.contact_id"
  " LEFT JOIN person p ON p.id = t.owner_id"
  " WHERE t.deleted_at IS NULL"
  " AND (?1 IS NULL OR t.owner_id IN (SELECT value FROM json_each (?1)))"
  " AND (?2 IS NULL OR (?2 = 'done') = (t.done_at IS NOT NULL))"
  " AND (?5 IS NULL OR t.due_date BETWEEN ?5 AND ?6 OR (t.due_at >= ?7 AND t.due_at < ?8))"
  " ORDER BY t.rowid";

static const char * const account_columns[] = {
  "external_id", "name", "sector", "region", "revenue", "currency", "employees",
  "location", "parent", "owner", "created", NULL
};

static const Field account_fields[] = {
  { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_MONEY, 5 },
  { FIELD_TEXT }, { FIELD_NUMBER }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT },
  { FIELD_INSTANT },
};

static const char account_sql[] =
  "SELECT a.id, a.name, a.sector, a.region, a.revenue, a.currency, a.employees,"
  " a.location, parent.name, p.name, a.created_at"
  " FROM account a"
  " LEFT JOIN account parent ON parent.id = a.parent_id"
  " LEFT JOIN person p ON p.id = a.owner_id"
  " WHERE a.deleted_at IS NULL"
  " AND (?1 IS NULL OR a.owner_id IN (SELECT value FROM json_each (?1)))"
  " AND (?5 IS NULL OR (a.created_at >= ?7 AND a.created_at < ?8))"
  " ORDER BY a.name COLLATE NOCASE, a.id";

static const char * const contact_columns[] = {
  "external_id", "name", "title", "email", "phone", "account", "created", NULL
};

static const Field contact_fields[] = {
  { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT }, { FIELD_TEXT },
  { FIELD_TEXT }, { FIELD_INSTANT },
};

static const char contact_sql[] =
  "SELECT c.id, c.name, c.title, c.email, c.phone, a.name, c.created_at"
  " FROM contact c"
  " LEFT JOIN account a ON a.id = c.account_id"
  " WHERE c.deleted_at IS NULL"
  " AND (?1 IS NULL OR a.owner_id IN (SELECT value FROM json_each (?1)))"
  " AND (?5 IS NULL OR (c.created_at >= ?7 AND c.created_at < ?8))"
  " ORDER BY c.name COLLATE NOCASE, c.id";

static const char * const deal_statuses[] = { "open", "won", "lost", NULL };
static const char * const activity_statuses[] = { "open", "done", NULL };

static const Table tables[] = {
  [PROSPECT_EXPORT_DEALS] = { "deals", deal_sql, deal_fields, deal_columns, deal_statuses, TRUE },
  [PROSPECT_EXPORT_ACTIVITIES] = { "activities", activity_sql, activity_fields, activity_columns,
                                   activity_statuses, FALSE },
  [PROSPECT_EXPORT_ACCOUNTS] = { "accounts", account_sql, account_fields, account_columns, NULL, FALSE },
  [PROSPECT_EXPORT_CONTACTS] = { "contacts", contact_sql, contact_fields, contact_columns, NULL, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (deal_fields) + 1 == G_N_ELEMENTS (deal_columns));
G_STATIC_ASSERT (G_N_ELEMENTS (activity_fields) == ACTIVITY_N_CSV_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (activity_fields) + 1 == G_N_ELEMENTS (activity_columns));
G_STATIC_ASSERT (G_N_ELEMENTS (account_fields) + 1 == G_N_ELEMENTS (account_columns));
G_STATIC_ASSERT (G_N_ELEMENTS (contact_fields) + 1 == G_N_ELEMENTS (contact_columns));

static const char * const priority_names[] = { "low", "normal", "high" };

/* ------------------------------------------------------------ tables */

gboolean
prospect_export_table_from_string (const char          *text,
                                   ProspectExportTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (text, tables[i].name))
      {
        *table = i;
        return TRUE;
      }

  return FALSE;
}

const char * const *
prospect_export_csv_columns (ProspectExportTable table)
{
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), NULL);

  return tables[table].columns;
}

gboolean
prospect_export_filter_check (const ProspectExportFilter  *filter,
                              ProspectExportTable          table,
                              GError                     **error)
{
  const Table *spec;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), FALSE);

  spec = &tables[table];
  if (filter->status != NULL && spec->statuses == NULL)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("%s have no status to filter by"), spec->name);
      return FALSE;
    }
  if (filter->status != NULL && !g_strv_contains (spec->statuses, filter->status))
    {
      g_autofree char *accepted = g_strjoinv (", ", (GStrv) spec->statuses);

      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("“%s” is not a status of %s: use %s"), filter->status, spec->name, accepted);
      return FALSE;
    }
  if ((filter->stage_id != NULL || filter->priority >= 0) && !spec->has_stage)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("only deals have a stage and a priority to filter by"));
      return FALSE;
    }
  if (filter->priority > 2)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("a priority is 0 (low), 1 (normal) or 2 (high)"));
      return FALSE;
    }
  if (g_date_valid (&filter->first_day) != g_date_valid (&filter->last_day) ||
      (g_date_valid (&filter->first_day) && g_date_compare (&filter->first_day, &filter->last_day) > 0))
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("a period needs a first day on or before its last day"));
      return FALSE;
    }

  return TRUE;
}

/* ----------------------------------------------------------- queries */

static char *
owners_to_json (const char * const *owner_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; owner_ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const char *c = owner_ids[i]; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (json, '\\');
          g_string_append_c (json, *c);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static void
bind_period (sqlite3_stmt               *stmt,
             const ProspectExportFilter *filter)
{
  GDate after_last;

  if (!g_date_valid (&filter->first_day))
    return;

  after_last = filter->last_day;
  g_date_add_days (&after_last, 1);
  sqlite3_bind_text (stmt, 5, prospect_date_to_iso (&filter->first_day), -1, g_free);
  sqlite3_bind_text (stmt, 6, prospect_date_to_iso (&filter->last_day), -1, g_free);
  sqlite3_bind_int64 (stmt, 7, prospect_date_to_local_ms (&filter->first_day));
  sqlite3_bind_int64 (stmt, 8, prospect_date_to_local_ms (&after_last));
}

/* A query does not use every parameter: binding one it lacks only
 * returns SQLITE_RANGE, which changes nothing. */
sqlite3_stmt *
prospect_export_prepare (ProspectDatabase            *db,
                         ProspectExportTable          table,
                         const ProspectExportFilter  *filter,
                         GError                     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!prospect_export_filter_check (filter, table, error))
    return NULL;

  stmt = prospect_database_prepare (db, tables[table].sql, error);
  if (stmt == NULL)
    return NULL;

  if (filter->owner_ids != NULL)
    sqlite3_bind_text (stmt, 1, owners_to_json ((const char * const *) filter->owner_ids), -1, g_free);
  sqlite3_bind_text (stmt, 2, filter->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, filter->stage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, filter->priority);
  bind_period (stmt, filter);

  return stmt;
}

/* ------------------------------------------------------------ fields */

char *
prospect_export_format_amount (gint64      minor,
                               const char *currency)
{
  guint digits = prospect_chart_currency_digits (currency);
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  guint64 scale = 1;

  for (guint i = 0; i < digits; i++)
    scale *= 10;

  if (digits == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", magnitude);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, minor < 0 ? "-" : "",
                          magnitude / scale, (int) digits, magnitude % scale);
}

/* libcsv quotes the field and doubles its quotes; text that is not UTF-8
 * (a damaged row) is repaired rather than passed on. */
static void
append_text (GString    *line,
             const char *text)
{
  g_autofree char *valid = NULL;
  gsize length, old_length = line->len;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  length = strlen (text);
  g_string_set_size (line, old_length + 2 * length + 2);
  g_string_set_size (line, old_length + csv_write (line->str + old_length, 2 * length + 2, text, length));
}

static void
append_field (GString      *line,
              sqlite3_stmt *stmt,
              int           column,
              const Field  *field)
{
  g_autofree char *text = NULL;
  gint64 value;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;

  value = sqlite3_column_int64 (stmt, column);
  switch (field->type)
    {
    case FIELD_TEXT:
      append_text (line, (const char *) sqlite3_column_text (stmt, column));
      break;
    case FIELD_NUMBER:
      g_string_append_printf (line, "%" G_GINT64_FORMAT, value);
      break;
    case FIELD_MONEY:
      text = prospect_export_format_amount (value, (const char *) sqlite3_column_text (stmt, field->currency));
      g_string_append (line, text);
      break;
    case FIELD_INSTANT:
      text = prospect_export_format_instant (value);
      if (text != NULL)
        append_text (line, text);
      break;
    case FIELD_PRIORITY:
    default:
      append_text (line, priority_names[CLAMP (value, 0, 2)]);
      break;
    }
}

static void
append_header (GString            *line,
               const char * const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      append_text (line, columns[i]);
    }
  g_string_append_c (line, '\n');
}

static gboolean
write_rows (ProspectDatabase  *db,
            const Table       *spec,
            sqlite3_stmt      *stmt,
            GOutputStream     *out,
            guint64           *n_rows,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autoptr(GString) line = g_string_sized_new (512);
  guint n_fields = g_strv_length ((GStrv) spec->columns);
  guint64 rows = 0;
  int rc;

  append_header (line, spec->columns);
  if (!g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_truncate (line, 0);
      for (guint i = 0; i < n_fields; i++)
        {
          if (i > 0)
            g_string_append_c (line, ',');
          append_field (line, stmt, i, &spec->fields[i]);
        }
      g_string_append_c (line, '\n');

      if (!g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error))
        return FALSE;
      if (++rows % PROSPECT_EXPORT_CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}

gboolean
prospect_export_csv_write (ProspectDatabase            *db,
                           ProspectExportTable          table,
                           const ProspectExportFilter  *filter,
                           GOutputStream               *stream,
                           guint64                     *n_rows,
                           GCancellable                *cancellable,
                           GError                     **error)
{
  g_autoptr(GOutputStream) out = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prospect_export_prepare (db, table, filter, error);
  if (stmt == NULL)
    return FALSE;

  /* Lines are short: without a buffer each one would be a system call. */
  out = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);
  ok = write_rows (db, &tables[table], stmt, out, n_rows, cancellable, error);
  sqlite3_reset (stmt);

  return ok && g_output_stream_flush (out, cancellable, error);
}

typedef struct
{
  ProspectDatabase           *db;
  ProspectExportTable         table;
  const ProspectExportFilter *filter;
  guint64                    *n_rows;
} SaveClosure;

static gboolean
save_write_cb (GOutputStream  *stream,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  SaveClosure *closure = user_data;

  return prospect_export_csv_write (closure->db, closure->table, closure->filter, stream,
                                    closure->n_rows, cancellable, error);
}

gboolean
prospect_export_csv_save (ProspectDatabase            *db,
                          ProspectExportTable          table,
                          const ProspectExportFilter  *filter,
                          const char                  *path,
                          guint64                     *n_rows,
                          GCancellable                *cancellable,
                          GError                     **error)
{
  SaveClosure closure = { db, table, filter, n_rows };

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  /* A wrong filter is refused before an existing file is touched. */
  if (!prospect_export_filter_check (filter, table, error))
    return FALSE;

  return prospect_export_to_file (path, save_write_cb, &closure, cancellable, error);
}
