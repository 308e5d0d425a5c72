/* test-util.h - helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-core.h"

G_BEGIN_DECLS

/* A path in this test's isolated data dir (G_TEST_OPTION_ISOLATE_DIRS). */
static inline char *
test_db_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "prospect-tests", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));

  return g_build_filename (dir, name, NULL);
}

static inline ProspectDatabase *
test_db_open_fresh (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path (name);
  ProspectDatabase *db;

  db = prospect_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

/* Runs one SQL statement that returns one integer. */
static inline gint64
test_db_query_int (ProspectDatabase *db,
                   const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);

  return value;
}

static inline char *
test_db_query_text (ProspectDatabase *db,
                    const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Runs the schema of one version, from the core's resources, on a raw
 * file: for making files of older versions. */
static inline void
test_exec_schema (sqlite3 *handle,
                  int      version)
{
  g_autofree char *path = g_strdup_printf ("/io/github/prospect/Prospect/core/prospect-schema-v%d.sql", version);
  g_autoptr(GBytes) sql = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (sql);
  text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
  g_assert_cmpint (sqlite3_exec (handle, text, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The id of the default stage at position (0 = Prospecting ... 5 = Lost). */
static inline char *
test_db_stage_id (ProspectDatabase *db,
                  int               position)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM stage WHERE position = %d", position);
  char *id = test_db_query_text (db, sql);

  g_assert_nonnull (id);

  return id;
}

static inline ProspectPerson *
test_insert_person (ProspectDatabase *db,
                    const char       *name,
                    const char       *role)
{
  g_autoptr(GError) error = NULL;
  ProspectPerson *person = prospect_person_new ();

  prospect_person_set_name (person, name);
  prospect_person_set_role (person, role);
  prospect_record_insert (PROSPECT_RECORD (person), db, &error);
  g_assert_no_error (error);

  return person;
}

/* Records ::changed emissions as "detail kind id change" lines. */
typedef struct
{
  GPtrArray *events;
} ChangeLog;

static inline void
change_log_cb (ProspectDatabase   *db,
               const char         *kind,
               const char         *id,
               ProspectChangeKind  change,
               gpointer            user_data)
{
  ChangeLog *log = user_data;
  const char *names[] = { "inserted", "updated", "deleted", "many" };

  g_ptr_array_add (log->events, g_strdup_printf ("%s %s %s", kind, id ? id : "(null)", names[change]));
}

static inline void
change_log_init (ChangeLog        *log,
                 ProspectDatabase *db,
                 const char       *detailed_signal)
{
  log->events = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (db, detailed_signal, G_CALLBACK (change_log_cb), log);
}

static inline void
change_log_clear (ChangeLog        *log,
                  ProspectDatabase *db)
{
  g_signal_handlers_disconnect_by_data (db, log);
  g_clear_pointer (&log->events, g_ptr_array_unref);
}

G_END_DECLS
