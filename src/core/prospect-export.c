/* prospect-export.c - what every export shares: the filter and the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-export"

#include "config.h"

#include <time.h>

#include <glib/gi18n-lib.h>

#include "prospect-export.h"

void
prospect_export_filter_init (ProspectExportFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (ProspectExportFilter) { 0 };
  filter->priority = -1;
  g_date_clear (&filter->first_day, 1);
  g_date_clear (&filter->last_day, 1);
}

void
prospect_export_filter_clear (ProspectExportFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->owner_ids, g_strfreev);
  g_clear_pointer (&filter->status, g_free);
  g_clear_pointer (&filter->stage_id, g_free);
  prospect_export_filter_init (filter);
}

void
prospect_export_filter_copy (const ProspectExportFilter *src,
                             ProspectExportFilter       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  *dest = *src;
  dest->owner_ids = g_strdupv (src->owner_ids);
  dest->status = g_strdup (src->status);
  dest->stage_id = g_strdup (src->stage_id);
}

void
prospect_export_filter_set_period (ProspectExportFilter *filter,
                                   const ProspectPeriod *period)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (period != NULL);

  filter->first_day = period->start;
  filter->last_day = period->end;
}

gboolean
prospect_export_filter_set_scope (ProspectExportFilter  *filter,
                                  ProspectDatabase      *db,
                                  const ProspectScope   *scope,
                                  GError               **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  g_clear_pointer (&filter->owner_ids, g_strfreev);
  if (scope->kind == PROSPECT_SCOPE_EVERYONE)
    return TRUE;

  g_return_val_if_fail (scope->person_id != NULL, FALSE);

  ids = g_ptr_array_new_with_free_func (g_free);
  if (scope->kind == PROSPECT_SCOPE_PERSON)
    {
      g_ptr_array_add (ids, g_strdup (scope->person_id));
      g_ptr_array_add (ids, NULL);
      filter->owner_ids = (GStrv) g_ptr_array_steal (ids, NULL);
      return TRUE;
    }

  /* The same reporting line as the analytics' TEAM scope */
  stmt = prospect_database_prepare (db,
                                    "WITH RECURSIVE members(id) AS ("
                                    " SELECT id FROM person WHERE manager_id = ?1 AND deleted_at IS NULL"
                                    " UNION SELECT p.id FROM person p JOIN members m ON p.manager_id = m.id"
                                    " WHERE p.deleted_at IS NULL)"
                                    " SELECT id FROM members ORDER BY id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, scope->person_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  g_ptr_array_add (ids, NULL);
  filter->owner_ids = (GStrv) g_ptr_array_steal (ids, NULL);
  return TRUE;
}

gboolean
prospect_export_to_file (const char              *path,
                         ProspectExportWriteFunc  write,
                         gpointer                 user_data,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gboolean existed;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (write (G_OUTPUT_STREAM (stream), user_data, cancellable, error))
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  /* Closing with a cancelled cancellable drops the temporary file and
   * keeps the old one; a new file is written in place, so remove it. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

/* gmtime_r rather than GDateTime: a million rows have three instants
 * each, and this is most of an export's time. */
char *
prospect_export_format_instant (gint64 ms)
{
  time_t seconds = (time_t) (ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  struct tm utc;

  if (gmtime_r (&seconds, &utc) == NULL)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                          utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}
