/* prospect-sync.c - offline-first sync of a local database with the team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-hlc.h"
#include "prospect-sync.h"

/* Operations per push: one server transaction each. */
#define PUSH_BATCH 500

/* The tables kept in sync, in the order a snapshot sends them (people
 * before what names them). The same as prospect_sync_tables(). */
const char * const *
prospect_sync_entity_tables (void)
{
  return prospect_sync_tables ();
}

/* Columns that stay on this machine: reminders fire per laptop, and the
 * furthest stage is derived by triggers (schema v4). */
static gboolean
is_local_column (const char *table,
                 const char *column)
{
  static const struct { const char *table, *column; } local[] = {
    { "activity", "reminded_at" },
    { "activity", "snoozed_until" },
    { "deal", "furthest_stage_id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    if (g_str_equal (table, local[i].table) && g_str_equal (column, local[i].column))
      return TRUE;

  return FALSE;
}

/* The synced columns of table, id excluded. */
static GPtrArray *
synced_columns (ProspectDatabase  *db,
                const char        *table,
                GError           **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_str_equal (name, "id") && !is_local_column (table, name))
        g_ptr_array_add (columns, g_strdup (name));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

/* ---- capture triggers ------------------------------------------------------ */

/* The next clock time, from the last one and the edit's updated_at (the
 * model layer's clock); a full counter steps one ms on. */
#define HLC_STEP_SQL \
  "UPDATE sync_state SET hlc_last = printf ('%%015d.%%05d.%%s'," \
  " CASE WHEN NEW.updated_at > coalesce (CAST (substr (hlc_last, 1, 15) AS INTEGER), -1) THEN NEW.updated_at" \
  "  WHEN CAST (substr (hlc_last, 17, 5) AS INTEGER) >= 99999 THEN CAST (substr (hlc_last, 1, 15) AS INTEGER) + 1" \
  "  ELSE CAST (substr (hlc_last, 1, 15) AS INTEGER) END," \
  " CASE WHEN NEW.updated_at > coalesce (CAST (substr (hlc_last, 1, 15) AS INTEGER), -1) THEN 0" \
  "  WHEN CAST (substr (hlc_last, 17, 5) AS INTEGER) >= 99999 THEN 0" \
  "  ELSE CAST (substr (hlc_last, 17, 5) AS INTEGER) + 1 END," \
  " device_id) WHERE id = 1;"

/* The fields of the newest outbox row, each at its time, into row_clock. */
#define ROW_CLOCK_SQL \
  "INSERT INTO row_clock (entity, row_id, clocks)" \
  " SELECT '%1$s', NEW.id, (SELECT json_group_object (j.key, o.hlc) FROM outbox o, json_each (o.fields) j" \
  "  WHERE o.seq = (SELECT max (seq) FROM outbox)) WHERE true" \
  " ON CONFLICT (entity, row_id) DO UPDATE SET clocks = json_patch (clocks, excluded.clocks);"

#define CAPTURE_WHEN "(SELECT enabled AND NOT applying FROM sync_state WHERE id = 1)"

static char *
insert_trigger_sql (const char *table,
                    GPtrArray  *columns)
{
  GString *object = g_string_new ("json_object (");

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (object, "%s'%s', NEW.%s", i > 0 ? ", " : "",
                            (char *) columns->pdata[i], (char *) columns->pdata[i]);
  g_string_append_c (object, ')');

  return g_strdup_printf ("CREATE TRIGGER sync_capture_insert_%1$s AFTER INSERT ON %1$s"
                          " WHEN " CAPTURE_WHEN " BEGIN " HLC_STEP_SQL
                          " INSERT INTO outbox (op_id, entity, row_id, hlc, fields)"
                          "  SELECT lower (hex (randomblob (16))), '%1$s', NEW.id, hlc_last, %2$s"
                          "  FROM sync_state WHERE id = 1; "
                          ROW_CLOCK_SQL " END",
                          table, object->str);
  g_string_free (object, TRUE);
}

/* Only the columns that changed go out, with updated_at; a write that
 * changed no synced column (the furthest stage, a reminder) is not sent. */
static char *
update_trigger_sql (const char *table,
                    GPtrArray  *columns)
{
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autoptr(GString) fields = g_string_new ("(SELECT json_group_object (k, v) FROM (");
  gboolean first = TRUE;

  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = columns->pdata[i];

      if (g_str_equal (column, "updated_at"))
        continue;
      g_string_append_printf (changed, "%sNEW.%s IS NOT OLD.%s", first ? "" : " OR ", column, column);
      g_string_append_printf (fields, "%sSELECT '%s' AS k, NEW.%s AS v WHERE NEW.%s IS NOT OLD.%s",
                              first ? "" : " UNION ALL ", column, column, column, column);
      first = FALSE;
    }
  g_string_append (fields, " UNION ALL SELECT 'updated_at', NEW.updated_at))");

  return g_strdup_printf ("CREATE TRIGGER sync_capture_update_%1$s AFTER UPDATE ON %1$s"
                          " WHEN " CAPTURE_WHEN " AND (%2$s) BEGIN " HLC_STEP_SQL
                          " INSERT INTO outbox (op_id, entity, row_id, hlc, fields, base)"
                          "  SELECT lower (hex (randomblob (16))), '%1$s', NEW.id, hlc_last, %3$s,"
                          "  coalesce ((SELECT clocks FROM row_clock WHERE entity = '%1$s' AND row_id = NEW.id), '{}')"
                          "  FROM sync_state WHERE id = 1; "
                          ROW_CLOCK_SQL " END",
                          table, changed->str, fields->str);
}

gboolean
prospect_sync_install_capture (ProspectDatabase  *db,
                               GError           **error)
{
  const char * const *tables = prospect_sync_entity_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) columns = synced_columns (db, tables[i], error);
      g_autofree char *drop = NULL;
      g_autofree char *insert = NULL;
      g_autofree char *update = NULL;

      if (columns == NULL)
        return FALSE;

      drop = g_strdup_printf ("DROP TRIGGER IF EXISTS sync_capture_insert_%1$s;"
                              " DROP TRIGGER IF EXISTS sync_capture_update_%1$s", tables[i]);
      insert = insert_trigger_sql (tables[i], columns);
      update = update_trigger_sql (tables[i], columns);
      if (!prospect_database_exec (db, drop, error) ||
          !prospect_database_exec (db, insert, error) ||
          !prospect_database_exec (db, update, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- state ------------------------------------------------------------------ */

static char *
state_text (ProspectDatabase *db,
            const char       *sql)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, NULL);
  char *value = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return value;
}

static gint64
state_int (ProspectDatabase *db,
           const char       *sql)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, NULL);
  gint64 value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return value;
}

gboolean
prospect_sync_is_enabled (ProspectDatabase *db)
{
  return state_int (db, "SELECT enabled FROM sync_state WHERE id = 1") == 1;
}

char *
prospect_sync_dup_device_id (ProspectDatabase *db)
{
  return state_text (db, "SELECT device_id FROM sync_state WHERE id = 1");
}

gint64
prospect_sync_count_pending (ProspectDatabase *db)
{
  return state_int (db, "SELECT count(*) FROM outbox WHERE state = 'pending'");
}

gint64
prospect_sync_count_refused (ProspectDatabase *db)
{
  return state_int (db, "SELECT count(*) FROM outbox WHERE state = 'refused'");
}

/* ---- turning it on -------------------------------------------------------- */

/* Every row of table into the outbox as a whole row at time hlc. People
 * go by their place in the reporting line, so a manager is sent before
 * the people who report to them. */
static gboolean
queue_snapshot (ProspectDatabase  *db,
                const char        *table,
                const char        *hlc,
                GError           **error)
{
  g_autoptr(GPtrArray) columns = synced_columns (db, table, error);
  g_autoptr(GString) fields = NULL;
  g_autoptr(GString) clocks = NULL;
  g_autofree char *outbox_sql = NULL;
  g_autofree char *clock_sql = NULL;
  const char *order = "rowid";
  sqlite3_stmt *stmt;
  int rc;

  if (columns == NULL)
    return FALSE;

  fields = g_string_new ("json_object (");
  clocks = g_string_new ("json_object (");
  for (guint i = 0; i < columns->len; i++)
    {
      g_string_append_printf (fields, "%s'%s', t.%s", i > 0 ? ", " : "",
                              (char *) columns->pdata[i], (char *) columns->pdata[i]);
      g_string_append_printf (clocks, "%s'%s', ?1", i > 0 ? ", " : "", (char *) columns->pdata[i]);
    }
  g_string_append_c (fields, ')');
  g_string_append_c (clocks, ')');

  if (g_str_equal (table, "person"))
    order = "(WITH RECURSIVE depth (id, n) AS (SELECT id, 0 FROM person WHERE manager_id IS NULL"
            " UNION SELECT p.id, d.n + 1 FROM person p JOIN depth d ON p.manager_id = d.id)"
            " SELECT max (n) FROM depth WHERE depth.id = t.id), t.rowid";

  outbox_sql = g_strdup_printf ("INSERT INTO outbox (op_id, entity, row_id, hlc, fields)"
                                " SELECT lower (hex (randomblob (16))), '%s', t.id, ?1, %s FROM %s t"
                                " ORDER BY %s",
                                table, fields->str, table, order);
  clock_sql = g_strdup_printf ("INSERT OR REPLACE INTO row_clock (entity, row_id, clocks)"
                               " SELECT '%s', id, %s FROM %s", table, clocks->str, table);

  for (guint i = 0; i < 2; i++)
    {
      if ((stmt = prospect_database_prepare (db, i == 0 ? outbox_sql : clock_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, hlc, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return prospect_database_set_sqlite_error (db, rc, error);
    }

  return TRUE;
}

gboolean
prospect_sync_enable (ProspectDatabase  *db,
                      gboolean           send_existing,
                      GError           **error)
{
  const char * const *tables = prospect_sync_entity_tables ();
  g_autofree char *device_id = NULL;
  g_autofree char *hlc = NULL;
  g_autoptr(ProspectHlc) clock = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (prospect_sync_is_enabled (db))
    return TRUE;

  device_id = prospect_sync_dup_device_id (db);
  if (device_id == NULL)
    device_id = prospect_id_new ();
  clock = prospect_hlc_new (device_id, NULL);
  hlc = prospect_hlc_now (clock);

  if (!prospect_database_begin (db, error))
    return FALSE;

  stmt = prospect_database_prepare (db, "UPDATE sync_state SET device_id = ?1, hlc_last = ?2 WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, device_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hlc, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      goto fail;
    }

  for (guint i = 0; send_existing && tables[i] != NULL; i++)
    if (!queue_snapshot (db, tables[i], hlc, error))
      goto fail;

  if (!prospect_database_exec (db, "UPDATE sync_state SET enabled = 1 WHERE id = 1", error))
    goto fail;

  return prospect_database_commit (db, error);

fail:
  prospect_database_rollback (db);
  return FALSE;
}

void
prospect_sync_report_clear (ProspectSyncReport *report)
{
  g_clear_pointer (&report->changed_tables, g_strfreev);
  memset (report, 0, sizeof *report);
}

/* ---- push ------------------------------------------------------------------- */

#define PENDING_BATCH_SQL \
  "SELECT count(*), json_group_array (json_object ('op', op_id, 'entity', entity, 'id', row_id," \
  " 'hlc', hlc, 'fields', json (fields), 'base', json (base)))" \
  " FROM (SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?1)"

#define RESULTS_SQL \
  "SELECT json_extract (value, '$.op'), json_extract (value, '$.status'), json_extract (value, '$.reason')" \
  " FROM json_each (?1)"

/* The next batch of pending operations as the JSON array prospect.push()
 * takes; NULL when there are none (or on error). */
static char *
next_batch (ProspectDatabase  *db,
            GError           **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, PENDING_BATCH_SQL, error);
  char *ops = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, PUSH_BATCH);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    ops = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    prospect_database_set_sqlite_error (db, rc, error);

  return ops;
}

static gboolean
step_done (ProspectDatabase  *db,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

/* Takes in the server's answer: applied and duplicate operations leave
 * the outbox, refused ones stay with the reason. */
static gboolean
record_results (ProspectDatabase    *db,
                const char          *answer,
                ProspectSyncReport  *report,
                GError             **error)
{
  sqlite3_stmt *results = prospect_database_prepare (db, RESULTS_SQL, error);
  int rc;

  if (results == NULL)
    return FALSE;

  sqlite3_bind_text (results, 1, answer, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (results)) == SQLITE_ROW)
    {
      g_autofree char *op = g_strdup ((const char *) sqlite3_column_text (results, 0));
      const char *status = (const char *) sqlite3_column_text (results, 1);
      gboolean refused = g_strcmp0 (status, "refused") == 0;
      g_autofree char *reason = g_strdup ((const char *) sqlite3_column_text (results, 2));
      sqlite3_stmt *stmt;

      if (refused)
        report->refused++;
      else if (g_strcmp0 (status, "duplicate") == 0)
        report->duplicates++;
      else
        report->pushed++;

      stmt = prospect_database_prepare (db, refused
                                        ? "UPDATE outbox SET state = 'refused', reason = ?2 WHERE op_id = ?1"
                                        : "DELETE FROM outbox WHERE op_id = ?1", error);
      if (stmt == NULL)
        break;
      sqlite3_bind_text (stmt, 1, op, -1, SQLITE_TRANSIENT);
      if (refused)
        sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT);
      if (!step_done (db, stmt, error))
        break;
    }
  sqlite3_reset (results);

  if (rc != SQLITE_DONE)
    return rc == SQLITE_ROW ? FALSE : prospect_database_set_sqlite_error (db, rc, error);

  return TRUE;
}

/* Sends the outbox, a batch at a time. The server commits a batch before
 * answering; if the answer is lost, the same batch goes again next time
 * and the server reports its operations as duplicates. */
static gboolean
push_outbox (ProspectDatabase        *db,
             ProspectSyncConnection  *connection,
             const char              *device_id,
             ProspectSyncReport      *report,
             GCancellable            *cancellable,
             GError                 **error)
{
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *ops = next_batch (db, &local_error);
      g_autofree char *answer = NULL;

      if (ops == NULL)
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      answer = prospect_sync_connection_push (connection, device_id, ops, cancellable, error);
      if (answer == NULL)
        return FALSE;

      if (!prospect_database_begin (db, error))
        return FALSE;
      if (!record_results (db, answer, report, error))
        {
          prospect_database_rollback (db);
          return FALSE;
        }
      if (!prospect_database_commit (db, error))
        return FALSE;
    }
}

/* ---- pull --------------------------------------------------------------------- */

typedef struct
{
  ProspectDatabase   *db;
  ProspectSyncReport *report;
  char               *device_id;
  char               *latest_hlc;    /* the latest server time seen */
  GHashTable         *statements;    /* table -> TableSql */
  GHashTable         *changed;       /* set of tables */
} Pull;

typedef struct
{
  char *exists;
  char *insert;
  char *update;
  char *conflicts;
  char *clocks;
} TableSql;

static void
table_sql_free (gpointer data)
{
  TableSql *sql = data;

  g_free (sql->exists);
  g_free (sql->insert);
  g_free (sql->update);
  g_free (sql->conflicts);
  g_free (sql->clocks);
  g_free (sql);
}

/* The statements that write one pulled row of table. Bound: ?1 the row
 * (JSON), ?2 its field times on the server, ?3 the local field times,
 * ?4 now (ms), ?5 this device's id. A field is taken when the server's
 * time is later than the local one; a local edit of this device that
 * loses is listed as a conflict. */
static TableSql *
table_sql_new (ProspectDatabase  *db,
               const char        *table,
               GError           **error)
{
  g_autoptr(GPtrArray) columns = synced_columns (db, table, error);
  g_autoptr(GString) names = g_string_new ("id");
  g_autoptr(GString) values = g_string_new ("json_extract (?1, '$.id')");
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autoptr(GString) conflicts = g_string_new (NULL);
  TableSql *sql;

  if (columns == NULL)
    return NULL;

  for (guint i = 0; i < columns->len; i++)
    {
      const char *c = columns->pdata[i];
      g_autofree char *later = g_strdup_printf ("json_extract (?2, '$.%s') > coalesce (json_extract (?3, '$.%s'), '')",
                                                c, c);

      g_string_append_printf (names, ", %s", c);
      g_string_append_printf (values, ", json_extract (?1, '$.%s')", c);
      g_string_append_printf (sets, "%s%s = CASE WHEN %s THEN json_extract (?1, '$.%s') ELSE %s END",
                              i > 0 ? ", " : "", c, later, c, c);
      /* updated_at always differs: it is no one's value to review */
      if (g_str_equal (c, "updated_at"))
        continue;
      g_string_append_printf (conflicts,
                              "%sSELECT '%s', t.id, '%s', json_extract (?1, '$.%s'), t.%s, ?4 FROM %s t"
                              " WHERE t.id = json_extract (?1, '$.id') AND %s"
                              " AND json_extract (?3, '$.%s') LIKE '%%.' || ?5"
                              " AND t.%s IS NOT json_extract (?1, '$.%s')",
                              conflicts->len > 0 ? " UNION ALL " : "", table, c, c, c, table, later, c, c, c);
    }

  sql = g_new0 (TableSql, 1);
  sql->exists = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s WHERE id = ?1),"
                                 " (SELECT clocks FROM row_clock WHERE entity = '%s' AND row_id = ?1)",
                                 table, table);
  sql->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names->str, values->str);
  sql->update = g_strdup_printf ("UPDATE %s SET %s WHERE id = json_extract (?1, '$.id')", table, sets->str);
  sql->conflicts = g_strdup_printf ("INSERT INTO sync_conflict (entity, row_id, field, kept_value, lost_value,"
                                    " decided_at) %s", conflicts->str);
  /* The later time of each field */
  sql->clocks = g_strdup_printf ("INSERT INTO row_clock (entity, row_id, clocks) VALUES ('%s', ?1, ?2)"
                                 " ON CONFLICT (entity, row_id) DO UPDATE SET clocks ="
                                 " (SELECT json_group_object (key, value) FROM (SELECT key, max (value) AS value"
                                 "  FROM (SELECT key, value FROM json_each (row_clock.clocks)"
                                 "   UNION ALL SELECT key, value FROM json_each (excluded.clocks)) GROUP BY key))",
                                 table);
  return sql;
}

/* Binds what the statements of a TableSql use (unused ones are left). */
static void
bind_row (sqlite3_stmt *stmt,
          const char   *row,
          const char   *server_clocks,
          const char   *local_clocks,
          const char   *device_id)
{
  sqlite3_bind_text (stmt, 1, row, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, server_clocks, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, local_clocks, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, prospect_clock_now_ms ());
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    sqlite3_bind_text (stmt, 5, device_id, -1, SQLITE_TRANSIENT);
}

static gboolean
run_row_statement (Pull        *pull,
                   const char  *sql,
                   const char  *row,
                   const char  *server_clocks,
                   const char  *local_clocks,
                   GError     **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (pull->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_row (stmt, row, server_clocks, local_clocks, pull->device_id);
  return step_done (pull->db, stmt, error);
}

/* The latest of the row's field times, for the clock. */
static void
note_latest_time (Pull       *pull,
                  const char *server_clocks)
{
  sqlite3_stmt *stmt = prospect_database_prepare (pull->db, "SELECT max (value) FROM json_each (?1)", NULL);

  if (stmt == NULL)
    return;

  sqlite3_bind_text (stmt, 1, server_clocks, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    {
      const char *latest = (const char *) sqlite3_column_text (stmt, 0);

      if (pull->latest_hlc == NULL || g_strcmp0 (latest, pull->latest_hlc) > 0)
        {
          g_free (pull->latest_hlc);
          pull->latest_hlc = g_strdup (latest);
        }
    }
  sqlite3_reset (stmt);
}

static gboolean
apply_row_cb (const char  *table,
              const char  *row,
              gpointer     user_data,
              GError     **error)
{
  Pull *pull = user_data;
  TableSql *sql = g_hash_table_lookup (pull->statements, table);
  g_autofree char *server_clocks = NULL;
  g_autofree char *local_clocks = NULL;
  g_autofree char *row_id = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;

  if (sql == NULL)
    {
      if ((sql = table_sql_new (pull->db, table, error)) == NULL)
        return FALSE;
      g_hash_table_insert (pull->statements, g_strdup (table), sql);
    }

  if ((stmt = prospect_database_prepare (pull->db, "SELECT json_extract (?1, '$.id'),"
                                         " coalesce (json_extract (?1, '$.hlc'), '{}')", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      server_clocks = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (row_id == NULL)
    return TRUE;

  if ((stmt = prospect_database_prepare (pull->db, sql->exists, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  exists = sqlite3_column_int (stmt, 0) == 1;
  local_clocks = g_strdup (sqlite3_column_type (stmt, 1) == SQLITE_TEXT
                           ? (const char *) sqlite3_column_text (stmt, 1) : "{}");
  sqlite3_reset (stmt);

  pull->report->pulled++;
  note_latest_time (pull, server_clocks);

  if (exists)
    {
      gint64 before = sqlite3_total_changes (prospect_database_get_handle (pull->db));

      if (!run_row_statement (pull, sql->conflicts, row, server_clocks, local_clocks, error))
        return FALSE;
      pull->report->conflicts += sqlite3_total_changes (prospect_database_get_handle (pull->db)) - before;
      if (!run_row_statement (pull, sql->update, row, server_clocks, local_clocks, error))
        return FALSE;
    }
  else if (!run_row_statement (pull, sql->insert, row, server_clocks, local_clocks, error))
    return FALSE;

  if ((stmt = prospect_database_prepare (pull->db, sql->clocks, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, server_clocks, -1, SQLITE_TRANSIENT);
  if (!step_done (pull->db, stmt, error))
    return FALSE;

  g_hash_table_add (pull->changed, g_strdup (table));
  return TRUE;
}

/* After a pull the clock is past every time it saw: later edits here
 * sort after what the team did. */
static gboolean
receive_time (Pull    *pull,
              GError **error)
{
  g_autofree char *last = state_text (pull->db, "SELECT hlc_last FROM sync_state WHERE id = 1");
  g_autoptr(ProspectHlc) clock = prospect_hlc_new (pull->device_id, last);
  g_autofree char *now_last = NULL;
  sqlite3_stmt *stmt;

  if (pull->latest_hlc == NULL || !prospect_hlc_receive (clock, pull->latest_hlc))
    return TRUE;

  now_last = prospect_hlc_last (clock);
  if ((stmt = prospect_database_prepare (pull->db, "UPDATE sync_state SET hlc_last = ?1 WHERE id = 1", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now_last, -1, SQLITE_TRANSIENT);
  return step_done (pull->db, stmt, error);
}

static gboolean
pull_changes (ProspectDatabase        *db,
              ProspectSyncConnection  *connection,
              ProspectSyncReport      *report,
              GCancellable            *cancellable,
              GError                 **error)
{
  g_autofree char *cursor = state_text (db, "SELECT pull_cursor FROM sync_state WHERE id = 1");
  g_autofree char *next = NULL;
  Pull pull = { db, report, prospect_sync_dup_device_id (db), NULL,
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, table_sql_free),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  sqlite3_stmt *stmt;
  gboolean ok;

  /* The rows, the clock and the new cursor land together or not at all;
   * references are checked at the end, once every row is in. */
  ok = prospect_database_begin (db, error) &&
       prospect_database_exec (db, "PRAGMA defer_foreign_keys = ON;"
                                   " UPDATE sync_state SET applying = 1 WHERE id = 1", error) &&
       prospect_sync_connection_pull (connection, cursor, apply_row_cb, &pull, &next, cancellable, error) &&
       receive_time (&pull, error) &&
       (stmt = prospect_database_prepare (db, "UPDATE sync_state SET applying = 0, pull_cursor = ?1,"
                                              " last_sync_at = ?2, last_error = NULL WHERE id = 1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, next, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, prospect_clock_now_ms ());
      ok = step_done (db, stmt, error) && prospect_database_commit (db, error);
    }
  else if (prospect_database_in_transaction (db))
    prospect_database_rollback (db);

  if (ok)
    {
      g_autofree gpointer *tables = g_hash_table_get_keys_as_array (pull.changed, NULL);

      report->changed_tables = g_strdupv ((char **) tables);
    }

  g_hash_table_unref (pull.statements);
  g_hash_table_unref (pull.changed);
  g_free (pull.device_id);
  g_free (pull.latest_hlc);
  return ok;
}

gboolean
prospect_sync_run (ProspectDatabase        *db,
                   ProspectSyncConnection  *connection,
                   ProspectSyncReport      *report,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autofree char *device_id = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (connection != NULL && report != NULL, FALSE);

  memset (report, 0, sizeof *report);

  if (!prospect_sync_is_enabled (db))
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID, _("Sync is not turned on for this database"));
      return FALSE;
    }

  device_id = prospect_sync_dup_device_id (db);

  return push_outbox (db, connection, device_id, report, cancellable, error) &&
         pull_changes (db, connection, report, cancellable, error);
}
