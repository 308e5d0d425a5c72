/* prospect-database.h - the SQLite file: connection, migrations, settings,
 * transactions and change notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

#define PROSPECT_SCHEMA_VERSION 5

typedef enum
{
  PROSPECT_CHANGE_INSERTED,
  PROSPECT_CHANGE_UPDATED,
  PROSPECT_CHANGE_DELETED,
  PROSPECT_CHANGE_MANY,      /* bulk work (demo, import): refresh everything of this kind */
} ProspectChangeKind;

#define PROSPECT_TYPE_CHANGE_KIND (prospect_change_kind_get_type ())
GType prospect_change_kind_get_type (void) G_GNUC_CONST;

#define PROSPECT_TYPE_DATABASE (prospect_database_get_type ())
G_DECLARE_FINAL_TYPE (ProspectDatabase, prospect_database, PROSPECT, DATABASE, GObject)

/* The default location: $XDG_DATA_HOME/prospect/prospect.db */
char             *prospect_database_default_path   (void);

/* Opens (creating if needed) and migrates to PROSPECT_SCHEMA_VERSION.
 * Before migrating an existing file, a copy is written next to it as
 * "<path>.v<old-version>.bak" with the SQLite backup API.
 * path ":memory:" gives a private in-memory database (tests). */
ProspectDatabase *prospect_database_open           (const char  *path,
                                                    GError     **error);
const char       *prospect_database_get_path       (ProspectDatabase *self);
sqlite3          *prospect_database_get_handle     (ProspectDatabase *self);
int               prospect_database_get_schema_version (ProspectDatabase *self);

/* Prepared statements are cached per SQL text; the returned statement is
 * reset and its bindings cleared. Do not finalize it. There is one
 * statement per text: finish with it (step to the end, or reset it) before
 * anything else prepares the same text. */
sqlite3_stmt     *prospect_database_prepare        (ProspectDatabase *self,
                                                    const char       *sql,
                                                    GError          **error);

/* Bind a value to the named parameter (":person") of stmt when stmt has
 * one: queries put together from fragments use only some of them. */
void              prospect_statement_bind_text     (sqlite3_stmt     *stmt,
                                                    const char       *name,
                                                    const char       *value);
void              prospect_statement_bind_int64    (sqlite3_stmt     *stmt,
                                                    const char       *name,
                                                    gint64            value);

/* Runs SQL without parameters (schema work, PRAGMAs). Never build the text
 * from user data: use prospect_database_prepare() and bind values. */
gboolean          prospect_database_exec           (ProspectDatabase *self,
                                                    const char       *sql,
                                                    GError          **error);

/* Sets error from the connection's last SQLite error for result code rc:
 * constraint failures become PROSPECT_ERROR_CONSTRAINT, the rest
 * PROSPECT_ERROR_DATABASE. Always returns FALSE, for "return set_..." */
gboolean          prospect_database_set_sqlite_error (ProspectDatabase *self,
                                                    int               rc,
                                                    GError          **error);

/* Nestable transactions (SAVEPOINTs). Change notifications made inside are
 * queued and emitted only after the outermost commit; a rollback drops them. */
gboolean          prospect_database_begin          (ProspectDatabase *self,
                                                    GError          **error);
gboolean          prospect_database_commit         (ProspectDatabase *self,
                                                    GError          **error);
void              prospect_database_rollback       (ProspectDatabase *self);
gboolean          prospect_database_in_transaction (ProspectDatabase *self);

/* Emits ::changed with detail = the entity kind (table name), e.g.
 * g_signal_connect (db, "changed::deal", ...). id is NULL for MANY.
 * Signature: void (*) (ProspectDatabase *, const char *kind,
 *                      const char *id, ProspectChangeKind change, gpointer) */
void              prospect_database_notify_changed (ProspectDatabase   *self,
                                                    const char         *kind,
                                                    const char         *id,
                                                    ProspectChangeKind  change);

/* key/value settings stored in the file (they travel with the data):
 * "me" (person id of this machine's user), "fiscal-year-start-month" (1-12),
 * "currency" (ISO 4217), ... get returns NULL when unset. */
char             *prospect_database_get_setting    (ProspectDatabase *self,
                                                    const char       *key);
gboolean          prospect_database_set_setting    (ProspectDatabase *self,
                                                    const char       *key,
                                                    const char       *value,
                                                    GError          **error);

/* The "me" setting when it names an existing person, else NULL: the
 * author recorded in history rows. */
char             *prospect_database_get_me         (ProspectDatabase *self);

/* PRAGMA integrity_check + foreign_key_check; TRUE when clean. On
 * problems returns FALSE with an error listing the first ones. */
gboolean          prospect_database_check          (ProspectDatabase *self,
                                                    GError          **error);

/* Row count of live (not soft-deleted) rows of an entity table. */
gint64            prospect_database_count          (ProspectDatabase *self,
                                                    const char       *table,
                                                    GError          **error);

G_END_DECLS
