/* prospect-database.c - the SQLite file: connection, migrations, settings,
 * transactions and change notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>

#include <glib/gstdio.h>

#include "prospect-clock.h"
#include "prospect-core-resources.h"
#include "prospect-database.h"
#include "prospect-error.h"
#include "prospect-sync.h"

#define SCHEMA_RESOURCE_FORMAT "/io/github/prospect/Prospect/core/prospect-schema-v%d.sql"

/* More queued changes of one kind than this are sent as one MANY: a list
 * re-counts once instead of once per row after a bulk edit. */
#define MAX_CHANGES_PER_KIND 64

typedef struct
{
  char               *kind;
  char               *id;
  ProspectChangeKind  change;
} PendingChange;

struct _ProspectDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  int         schema_version;

  /* SQL text -> sqlite3_stmt*, finalized with the connection */
  GHashTable *statements;

  /* transaction nesting: depth 1 is BEGIN, deeper levels are SAVEPOINTs */
  guint       depth;
  GArray     *pending;          /* of PendingChange */
  GArray     *savepoint_marks;  /* of guint: pending->len when each level began */
};

typedef gboolean (*MigrationFunc) (ProspectDatabase  *self,
                                   GError           **error);

static gboolean migrate_to_v1 (ProspectDatabase  *self,
                               GError           **error);
static gboolean migrate_to_v2 (ProspectDatabase  *self,
                               GError           **error);
static gboolean migrate_to_v3 (ProspectDatabase  *self,
                               GError           **error);
static gboolean migrate_to_v4 (ProspectDatabase  *self,
                               GError           **error);
static gboolean migrate_to_v5 (ProspectDatabase  *self,
                               GError           **error);

/* migrations[N - 1] turns a version N - 1 file into version N */
static const MigrationFunc migrations[] = {
  migrate_to_v1,
  migrate_to_v2,
  migrate_to_v3,
  migrate_to_v4,
  migrate_to_v5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PROSPECT_SCHEMA_VERSION);

/* Tables whose rows are entities (id, timestamps, soft delete); the only
 * names prospect_database_count() puts into SQL text. */
static const char * const entity_tables[] = {
  "person", "account", "contact", "product", "stage", "deal",
  "deal_stage_change", "field_change", "activity", "todo_item", "target",
  "coaching_plan", "coaching_note", "coaching_assessment",
};

G_DEFINE_FINAL_TYPE (ProspectDatabase, prospect_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
prospect_change_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { PROSPECT_CHANGE_INSERTED, "PROSPECT_CHANGE_INSERTED", "inserted" },
        { PROSPECT_CHANGE_UPDATED, "PROSPECT_CHANGE_UPDATED", "updated" },
        { PROSPECT_CHANGE_DELETED, "PROSPECT_CHANGE_DELETED", "deleted" },
        { PROSPECT_CHANGE_MANY, "PROSPECT_CHANGE_MANY", "many" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("ProspectChangeKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pending_change_clear (gpointer data)
{
  PendingChange *pending = data;

  g_clear_pointer (&pending->kind, g_free);
  g_clear_pointer (&pending->id, g_free);
}

static void
prospect_database_finalize (GObject *object)
{
  ProspectDatabase *self = (ProspectDatabase *)object;

  if (self->handle != NULL && self->depth > 0)
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);

  /* statements must go before the connection they belong to */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->savepoint_marks, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (prospect_database_parent_class)->finalize (object);
}

static void
prospect_database_class_init (ProspectDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prospect_database_finalize;

  /**
   * ProspectDatabase::changed:
   * @kind: the entity kind (table name), also the signal detail
   * @id: (nullable): the row's id, NULL for %PROSPECT_CHANGE_MANY
   * @change: what happened
   *
   * Emitted after the change is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  PROSPECT_TYPE_CHANGE_KIND);
}

static void
prospect_database_init (ProspectDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, statement_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->savepoint_marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

gboolean
prospect_database_set_sqlite_error (ProspectDatabase  *self,
                                    int                rc,
                                    GError           **error)
{
  const char *detail = self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_CONSTRAINT,
                 _("The change was refused because it conflicts with other data (%s)"),
                 detail);
  else
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE,
                 _("The database reported an error: %s"), detail);

  return FALSE;
}

gboolean
prospect_database_exec (ProspectDatabase  *self,
                        const char        *sql,
                        GError           **error)
{
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return prospect_database_set_sqlite_error (self, rc, error);

  return TRUE;
}

static int
query_user_version (ProspectDatabase  *self,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE,
                   _("“%s” could not be read as a Prospect database: %s"),
                   self->path, sqlite3_errmsg (self->handle));
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

static gboolean
file_has_tables (ProspectDatabase *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->handle, "SELECT count(*) FROM sqlite_master",
                          -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  return sqlite3_column_int64 (stmt, 0) > 0;
}

static gboolean
write_backup (ProspectDatabase  *self,
              int                old_version,
              GError           **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.v%d.bak", self->path, old_version);
  g_autoptr(sqlite3) dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->handle, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_MIGRATION,
                   _("Could not save a backup copy to “%s” before upgrading: %s"),
                   backup_path, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      return FALSE;
    }

  g_debug ("Backed up data version %d to %s", old_version, backup_path);

  return TRUE;
}

static gboolean
exec_schema_resource (ProspectDatabase  *self,
                      int                version,
                      GError           **error)
{
  g_autofree char *path = g_strdup_printf (SCHEMA_RESOURCE_FORMAT, version);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (prospect_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  /* resource data is not guaranteed to be NUL-terminated in every build */
  data = g_bytes_get_data (bytes, &size);
  sql = g_strndup (data, size);

  return prospect_database_exec (self, sql, error);
}

static gboolean
insert_default_stage (ProspectDatabase  *self,
                      const char        *name,
                      int                position,
                      const char        *kind,
                      int                probability,
                      GError           **error)
{
  g_autofree char *id = prospect_id_new ();
  gint64 now = prospect_clock_now_ms ();
  sqlite3_stmt *stmt;

  stmt = prospect_database_prepare (self,
                                    "INSERT INTO stage (id, created_at, updated_at, name, position, kind, probability) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, position);
  sqlite3_bind_text (stmt, 6, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, probability);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return prospect_database_set_sqlite_error (self, sqlite3_errcode (self->handle), error);

  return TRUE;
}

static gboolean
migrate_to_v1 (ProspectDatabase  *self,
               GError           **error)
{
  /* Stage names are stored, so they are in the language of whoever created
   * the file; users rename them freely afterwards. */
  const struct {
    const char *name;
    const char *kind;
    int probability;
  } pipeline[] = {
    { N_("Prospecting"), "open", 10 },
    { N_("Qualified"), "open", 25 },
    { N_("Proposal"), "open", 50 },
    { N_("Negotiation"), "open", 75 },
    { N_("Won"), "won", 100 },
    { N_("Lost"), "lost", 0 },
  };

  if (!exec_schema_resource (self, 1, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pipeline); i++)
    if (!insert_default_stage (self, _(pipeline[i].name), i,
                               pipeline[i].kind, pipeline[i].probability, error))
      return FALSE;

  return prospect_database_set_setting (self, "fiscal-year-start-month", "1", error) &&
         prospect_database_set_setting (self, "currency", "USD", error);
}

/* Indexes only: the analytics' per-owner figures. */
static gboolean
migrate_to_v2 (ProspectDatabase  *self,
               GError           **error)
{
  return exec_schema_resource (self, 2, error);
}

/* Coaching: directors' assessments of plans. */
static gboolean
migrate_to_v3 (ProspectDatabase  *self,
               GError           **error)
{
  return exec_schema_resource (self, 3, error);
}

/* The furthest stage of each deal, kept by triggers, for the funnel. */
static gboolean
migrate_to_v4 (ProspectDatabase  *self,
               GError           **error)
{
  return exec_schema_resource (self, 4, error);
}

/* Team sync: the outbox and its capture triggers (off until sync is
 * turned on). */
static gboolean
migrate_to_v5 (ProspectDatabase  *self,
               GError           **error)
{
  return exec_schema_resource (self, 5, error) &&
         prospect_sync_install_capture (self, error);
}

static gboolean
run_migration (ProspectDatabase  *self,
               int                to_version,
               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);

  if (!prospect_database_begin (self, &local_error))
    goto failed;

  if (!migrations[to_version - 1] (self, &local_error) ||
      !prospect_database_exec (self, pragma, &local_error))
    {
      prospect_database_rollback (self);
      goto failed;
    }

  if (!prospect_database_commit (self, &local_error))
    {
      prospect_database_rollback (self);
      goto failed;
    }

  self->schema_version = to_version;
  return TRUE;

failed:
  g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_MIGRATION,
               _("Could not upgrade the data to version %d: %s"),
               to_version, local_error->message);
  return FALSE;
}

static gboolean
migrate (ProspectDatabase  *self,
         GError           **error)
{
  if (self->schema_version > PROSPECT_SCHEMA_VERSION)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_MIGRATION,
                   _("“%s” was saved by a newer version of Prospect (data version %d; "
                     "this version reads up to %d). Update Prospect to open it."),
                   self->path, self->schema_version, PROSPECT_SCHEMA_VERSION);
      return FALSE;
    }

  if (self->schema_version == PROSPECT_SCHEMA_VERSION)
    return TRUE;

  if (g_strcmp0 (self->path, ":memory:") != 0 && file_has_tables (self) &&
      !write_backup (self, self->schema_version, error))
    return FALSE;

  while (self->schema_version < PROSPECT_SCHEMA_VERSION)
    if (!run_migration (self, self->schema_version + 1, error))
      return FALSE;

  return TRUE;
}

static gboolean
open_connection (ProspectDatabase  *self,
                 GError           **error)
{
  int rc;

  if (g_strcmp0 (self->path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE,
                   _("Could not open “%s”: %s"), self->path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);

  /* Read the version before anything that writes to the file (journal_mode
   * changes the header), so a file from a newer Prospect stays untouched. */
  self->schema_version = query_user_version (self, error);
  if (self->schema_version < 0)
    return FALSE;

  if (self->schema_version > PROSPECT_SCHEMA_VERSION)
    return migrate (self, error);

  return prospect_database_exec (self, "PRAGMA foreign_keys = ON", error) &&
         prospect_database_exec (self, "PRAGMA journal_mode = WAL", error) &&
         migrate (self, error);
}

char *
prospect_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "prospect", "prospect.db", NULL);
}

ProspectDatabase *
prospect_database_open (const char  *path,
                        GError     **error)
{
  g_autoptr(ProspectDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PROSPECT_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
prospect_database_get_path (ProspectDatabase *self)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
prospect_database_get_handle (ProspectDatabase *self)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), NULL);

  return self->handle;
}

int
prospect_database_get_schema_version (ProspectDatabase *self)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), -1);

  return self->schema_version;
}

/* One statement per SQL text: a caller must finish with it (step to the
 * end or stop using it) before preparing the same text again. */
sqlite3_stmt *
prospect_database_prepare (ProspectDatabase  *self,
                           const char        *sql,
                           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      prospect_database_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
prospect_database_begin (ProspectDatabase  *self,
                         GError           **error)
{
  g_autofree char *sql = NULL;
  guint mark;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so a second connection (a
   * worker) waits on busy_timeout instead of failing halfway. */
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT prospect_%u", self->depth);

  if (!prospect_database_exec (self, sql, error))
    return FALSE;

  mark = self->pending->len;
  g_array_append_val (self->savepoint_marks, mark);
  self->depth++;

  return TRUE;
}

static void
emit_pending (ProspectDatabase *self)
{
  g_autoptr(GArray) pending = self->pending;
  g_autoptr(GHashTable) per_kind = g_hash_table_new (g_str_hash, g_str_equal);

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingChange *change = &g_array_index (pending, PendingChange, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_kind, change->kind));

      g_hash_table_insert (per_kind, change->kind, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingChange *change = &g_array_index (pending, PendingChange, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_kind, change->kind));

      if (n == 0)
        continue;  /* already sent as MANY */

      if (n > MAX_CHANGES_PER_KIND && change->change != PROSPECT_CHANGE_MANY)
        {
          g_hash_table_insert (per_kind, change->kind, GUINT_TO_POINTER (0));
          prospect_database_notify_changed (self, change->kind, NULL, PROSPECT_CHANGE_MANY);
          continue;
        }

      prospect_database_notify_changed (self, change->kind, change->id, change->change);
    }
}

gboolean
prospect_database_commit (ProspectDatabase  *self,
                          GError           **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE prospect_%u", self->depth - 1);

  /* On failure the level stays open: the caller rolls it back. */
  if (!prospect_database_exec (self, sql, error))
    return FALSE;

  self->depth--;
  g_array_set_size (self->savepoint_marks, self->depth);

  if (self->depth == 0)
    emit_pending (self);

  return TRUE;
}

void
prospect_database_rollback (ProspectDatabase *self)
{
  g_autofree char *sql = NULL;
  guint mark;

  g_return_if_fail (PROSPECT_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO prospect_%u; RELEASE prospect_%u",
                           self->depth - 1, self->depth - 1);

  /* SQLite may already have rolled back (e.g. after SQLITE_FULL); the
   * bookkeeping below must happen either way. */
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK &&
      sqlite3_get_autocommit (self->handle) == 0)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));

  self->depth--;
  mark = g_array_index (self->savepoint_marks, guint, self->depth);
  g_array_set_size (self->savepoint_marks, self->depth);
  g_array_set_size (self->pending, mark);
}

gboolean
prospect_database_in_transaction (ProspectDatabase *self)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), FALSE);

  return self->depth > 0;
}

void
prospect_database_notify_changed (ProspectDatabase   *self,
                                  const char         *kind,
                                  const char         *id,
                                  ProspectChangeKind  change)
{
  g_return_if_fail (PROSPECT_IS_DATABASE (self));
  g_return_if_fail (kind != NULL);

  if (self->depth > 0)
    {
      PendingChange pending = { g_strdup (kind), g_strdup (id), change };

      g_array_append_val (self->pending, pending);
      return;
    }

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (kind), kind, id, change);
}

char *
prospect_database_get_setting (ProspectDatabase *self,
                               const char       *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = prospect_database_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

gboolean
prospect_database_set_setting (ProspectDatabase  *self,
                               const char        *key,
                               const char        *value,
                               GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = prospect_database_prepare (self, "DELETE FROM setting WHERE key = ?", error);
  else
    stmt = prospect_database_prepare (self,
                                      "INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                      "updated_at = excluded.updated_at",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    {
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, prospect_clock_now_ms ());
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_errcode (self->handle);

      sqlite3_reset (stmt);
      return prospect_database_set_sqlite_error (self, rc, error);
    }

  prospect_database_notify_changed (self, "setting", key, PROSPECT_CHANGE_UPDATED);

  return TRUE;
}

#define MAX_REPORTED_PROBLEMS 10

/* Appends what PRAGMA integrity_check reports, up to MAX_REPORTED_PROBLEMS
 * lines; a clean file reports the single row "ok". */
static gboolean
collect_integrity_problems (ProspectDatabase  *self,
                            GString           *problems,
                            guint             *n_problems,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return prospect_database_set_sqlite_error (self, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") == 0)
        continue;

      if ((*n_problems)++ < MAX_REPORTED_PROBLEMS)
        g_string_append_printf (problems, "\n%s", text != NULL ? text : "?");
    }

  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (self, rc, error);

  return TRUE;
}

/* PRAGMA foreign_key_check answers (table, rowid, parent table, fk index):
 * turned into a sentence a person can act on. */
static gboolean
collect_foreign_key_problems (ProspectDatabase  *self,
                              GString           *problems,
                              guint             *n_problems,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return prospect_database_set_sqlite_error (self, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *rowid = (const char *) sqlite3_column_text (stmt, 1);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);

      if ((*n_problems)++ >= MAX_REPORTED_PROBLEMS)
        continue;

      g_string_append_c (problems, '\n');
      /* Translators: a damaged database; “row number” is SQLite's rowid */
      g_string_append_printf (problems,
                              _("A row of “%s” (row number %s) refers to a “%s” that does not exist"),
                              table != NULL ? table : "?",
                              rowid != NULL ? rowid : "?",
                              parent != NULL ? parent : "?");
    }

  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (self, rc, error);

  return TRUE;
}

gboolean
prospect_database_check (ProspectDatabase  *self,
                         GError           **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), FALSE);

  if (!collect_integrity_problems (self, problems, &n_problems, error) ||
      !collect_foreign_key_problems (self, problems, &n_problems, error))
    return FALSE;

  if (n_problems > MAX_REPORTED_PROBLEMS)
    g_string_append_printf (problems,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "\n… and %u more problem",
                                         "\n… and %u more problems",
                                         n_problems - MAX_REPORTED_PROBLEMS),
                            n_problems - MAX_REPORTED_PROBLEMS);

  if (n_problems > 0)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE,
                   _("The database has problems:%s"), problems->str);
      return FALSE;
    }

  return TRUE;
}

gint64
prospect_database_count (ProspectDatabase  *self,
                         const char        *table,
                         GError           **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean known = FALSE;
  gint64 count;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (entity_tables); i++)
    known |= g_str_equal (entity_tables[i], table);
  g_return_val_if_fail (known, -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted_at IS NULL", table);
  stmt = prospect_database_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      prospect_database_set_sqlite_error (self, sqlite3_errcode (self->handle), error);
      return -1;
    }

  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

char *
prospect_database_get_me (ProspectDatabase *self)
{
  g_autofree char *me = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (self), NULL);

  me = prospect_database_get_setting (self, "me");
  if (me == NULL)
    return NULL;

  /* a stale "me" (person removed on another device) must not make every
   * history row fail its foreign key */
  stmt = prospect_database_prepare (self, "SELECT 1 FROM person WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, me, -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return exists ? g_steal_pointer (&me) : NULL;
}

void
prospect_statement_bind_text (sqlite3_stmt *stmt,
                              const char   *name,
                              const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
prospect_statement_bind_int64 (sqlite3_stmt *stmt,
                               const char   *name,
                               gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}
