/* prospect-pipeline.c - the board: deals per stage, bounded, with totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-pipeline"

#include "config.h"

#include "prospect-clock.h"
#include "prospect-pipeline.h"

/* The owner list is bound as one JSON array, so that a team of any size
 * is still a single prepared statement with bound values. */
#define OWNER_IN "owner_id IN (SELECT value FROM json_each (?1))"

/* ?2 now (ms), ?3 today, ?4 local midnight ending today (ms). */
#define ACTIVITY_OF_DEAL \
  "SELECT 1 FROM activity a WHERE a.deal_id = deal.id" \
  " AND a.done_at IS NULL AND a.deleted_at IS NULL AND "
#define NEXT_ACTIVITY_STATE \
  "CASE" \
  " WHEN EXISTS (" ACTIVITY_OF_DEAL "(a.due_at < ?2 OR a.due_date < ?3)) THEN 1" \
  " WHEN EXISTS (" ACTIVITY_OF_DEAL "(a.due_at < ?4 OR a.due_date = ?3)) THEN 2" \
  " WHEN EXISTS (" ACTIVITY_OF_DEAL "(a.due_at IS NOT NULL OR a.due_date IS NOT NULL)) THEN 3" \
  " ELSE 0 END"

static char *
owners_to_json (const char *const *owner_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; owner_ids != NULL && owner_ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const char *c = owner_ids[i]; *c; c++)
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

static gint64
local_midnight_after_ms (GDateTime *now)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  midnight = g_date_time_new_local (g_date_time_get_year (now),
                                    g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now),
                                    0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);

  return g_date_time_to_unix (tomorrow) * 1000;
}

void
prospect_pipeline_column_free (ProspectPipelineColumn *column)
{
  g_free (column->stage_id);
  g_free (column->name);
  g_free (column->kind);
  g_free (column);
}

void
prospect_pipeline_card_free (ProspectPipelineCard *card)
{
  g_clear_object (&card->deal);
  g_free (card->account_name);
  g_free (card->owner_name);
  g_free (card);
}

static gboolean
add_reports (ProspectDatabase  *db,
             const char        *manager_id,
             GPtrArray         *out,
             GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prospect_database_prepare (db,
                                    "SELECT id FROM person WHERE manager_id = ?1"
                                    " AND deleted_at IS NULL ORDER BY name COLLATE NOCASE",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, manager_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

static gboolean
find_team_manager (ProspectDatabase  *db,
                   const char        *me_id,
                   char             **manager_id,
                   GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* A manager's team is the people reporting to them; a rep's is the
   * people reporting to the rep's manager. */
  stmt = prospect_database_prepare (db,
                                    "SELECT CASE WHEN role <> 'rep' OR manager_id IS NULL"
                                    " OR EXISTS (SELECT 1 FROM person r WHERE r.manager_id = person.id"
                                    " AND r.deleted_at IS NULL) THEN id ELSE manager_id END"
                                    " FROM person WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, me_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *manager_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

GStrv
prospect_pipeline_scope_owners (ProspectDatabase  *db,
                                const char        *me_id,
                                gboolean           team,
                                GError           **error)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *manager_id = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (me_id != NULL, NULL);

  g_ptr_array_add (owners, g_strdup (me_id));

  if (team)
    {
      if (!find_team_manager (db, me_id, &manager_id, error))
        return NULL;
      if (manager_id != NULL && !add_reports (db, manager_id, owners, error))
        return NULL;
    }

  /* me may also be one of the reports */
  for (guint i = owners->len - 1; i > 0; i--)
    if (g_strcmp0 (owners->pdata[i], me_id) == 0)
      g_ptr_array_remove_index (owners, i);

  g_ptr_array_add (owners, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&owners), FALSE);
}

GPtrArray *
prospect_pipeline_columns (ProspectDatabase  *db,
                           const char *const *owner_ids,
                           GError           **error)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree char *owners = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);

  stmt = prospect_database_prepare (db,
                                    "SELECT s.id, s.name, s.kind, ifnull (t.n, 0), ifnull (t.total, 0)"
                                    " FROM stage s LEFT JOIN (SELECT stage_id, count(*) AS n, sum (amount) AS total"
                                    " FROM deal WHERE deleted_at IS NULL AND " OWNER_IN
                                    " GROUP BY stage_id) t ON t.stage_id = s.id"
                                    " WHERE s.deleted_at IS NULL ORDER BY s.position, s.id",
                                    error);
  if (stmt == NULL)
    return NULL;

  owners = owners_to_json (owner_ids);
  sqlite3_bind_text (stmt, 1, owners, -1, SQLITE_TRANSIENT);

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) prospect_pipeline_column_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ProspectPipelineColumn *column = g_new0 (ProspectPipelineColumn, 1);

      column->stage_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      column->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      column->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      column->n_deals = sqlite3_column_int64 (stmt, 3);
      column->total = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (columns, column);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

/* "+stage_id" keeps SQLite off the stage index: a stage holds a fifth of
 * all deals, the owners' index narrows to theirs. */
static const char *
cards_sql (gboolean closed)
{
  static char *sql[2];
  const char *select_list = prospect_record_type_select_list (PROSPECT_TYPE_DEAL);

  if (sql[closed] == NULL)
    sql[closed] = g_strdup_printf ("SELECT %s,"
                                   " (SELECT name FROM account WHERE account.id = deal.account_id),"
                                   " (SELECT name FROM person WHERE person.id = deal.owner_id),"
                                   " " NEXT_ACTIVITY_STATE
                                   " FROM deal WHERE deleted_at IS NULL AND " OWNER_IN
                                   " AND +stage_id = ?5 ORDER BY %s, id LIMIT ?6 OFFSET ?7",
                                   select_list,
                                   closed ? "closed_on DESC"
                                          : "expected_close IS NULL, expected_close");
  return sql[closed];
}

static gboolean
stage_is_closed (ProspectDatabase  *db,
                 const char        *stage_id,
                 gboolean          *closed,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prospect_database_prepare (db, "SELECT kind <> 'open' FROM stage WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, stage_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *closed = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

GPtrArray *
prospect_pipeline_cards (ProspectDatabase  *db,
                         const char *const *owner_ids,
                         const char        *stage_id,
                         gint64             offset,
                         gint64             limit,
                         GError           **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autofree char *owners = NULL;
  g_autofree char *today = prospect_clock_today_iso ();
  int n_deal_columns;
  sqlite3_stmt *stmt;
  gboolean closed;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);
  g_return_val_if_fail (offset >= 0, NULL);

  if (!stage_is_closed (db, stage_id, &closed, error))
    return NULL;
  if (!(stmt = prospect_database_prepare (db, cards_sql (closed), error)))
    return NULL;

  owners = owners_to_json (owner_ids);
  sqlite3_bind_text (stmt, 1, owners, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, prospect_clock_now_ms ());
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, local_midnight_after_ms (now));
  sqlite3_bind_text (stmt, 5, stage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, limit);
  sqlite3_bind_int64 (stmt, 7, offset);

  n_deal_columns = sqlite3_column_count (stmt) - 3;
  cards = g_ptr_array_new_with_free_func ((GDestroyNotify) prospect_pipeline_card_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ProspectPipelineCard *card = g_new0 (ProspectPipelineCard, 1);

      card->deal = PROSPECT_DEAL (prospect_record_new_from_statement (PROSPECT_TYPE_DEAL, stmt));
      card->account_name = g_strdup ((const char *) sqlite3_column_text (stmt, n_deal_columns));
      card->owner_name = g_strdup ((const char *) sqlite3_column_text (stmt, n_deal_columns + 1));
      card->next_activity = sqlite3_column_int (stmt, n_deal_columns + 2);
      g_ptr_array_add (cards, card);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&cards);
}
