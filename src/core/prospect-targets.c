/* prospect-targets.c - a manager's targets for the reps and the team,
 * quarter by quarter: the Targets page's grid and its edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-targets"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>

#include "prospect-error.h"
#include "prospect-quick-entry.h"
#include "prospect-record.h"
#include "prospect-target.h"
#include "prospect-targets.h"

#define PEOPLE_SQL \
  "SELECT id, name FROM person WHERE manager_id = ?1 AND deleted_at IS NULL" \
  " ORDER BY name COLLATE NOCASE, id"

/* Quarter targets of the team and of the people reporting to the manager
 * (whoever set them) that start in the span; a won-value target counts in
 * the database currency only, as in the reports. */
#define CELLS_SQL \
  "SELECT person_id, metric, period_start, value FROM target" \
  " WHERE deleted_at IS NULL AND period_kind = 'quarter'" \
  " AND period_start BETWEEN ?1 AND ?2 AND (metric <> 'won_value' OR currency = ?3)" \
  " AND (person_id IN (SELECT id FROM person WHERE manager_id = ?4 AND deleted_at IS NULL)" \
  "      OR (person_id IS NULL AND manager_id = ?4))"

/* The live rows of one cell: a rep's whoever set them, the team's of its
 * manager. */
#define CELL_IDS_SQL \
  "SELECT id FROM target WHERE deleted_at IS NULL AND period_kind = 'quarter'" \
  " AND period_start = ?1 AND metric = ?2" \
  " AND ((?3 IS NOT NULL AND person_id = ?3) OR (?3 IS NULL AND person_id IS NULL AND manager_id = ?4))" \
  " ORDER BY created_at, id"

static const char * const metric_names[PROSPECT_TARGET_N_METRICS] = {
  "won_value", "won_count", "activities",
};

const char *
prospect_target_metric_to_string (ProspectTargetMetric metric)
{
  g_return_val_if_fail (metric < PROSPECT_TARGET_N_METRICS, NULL);

  return metric_names[metric];
}

static int
metric_from_string (const char *text)
{
  for (guint i = 0; i < PROSPECT_TARGET_N_METRICS; i++)
    if (g_strcmp0 (text, metric_names[i]) == 0)
      return i;

  return -1;
}

static char *
database_currency (ProspectDatabase *db)
{
  char *currency = prospect_database_get_setting (db, "currency");

  return currency != NULL ? currency : g_strdup ("USD");
}

/* ------------------------------------------------------------------ grid */

static ProspectTargetRow *
target_row_new (const char *person_id,
                const char *name)
{
  ProspectTargetRow *row = g_new0 (ProspectTargetRow, 1);

  row->person_id = g_strdup (person_id);
  row->name = g_strdup (name);
  for (guint m = 0; m < PROSPECT_TARGET_N_METRICS; m++)
    for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
      row->values[m][q] = -1;

  return row;
}

static void
target_row_free (gpointer data)
{
  ProspectTargetRow *row = data;

  g_free (row->person_id);
  g_free (row->name);
  g_free (row);
}

void
prospect_target_grid_free (ProspectTargetGrid *grid)
{
  if (grid == NULL)
    return;

  g_free (grid->manager_id);
  g_free (grid->currency);
  g_clear_pointer (&grid->rows, g_ptr_array_unref);
  g_free (grid);
}

ProspectTargetRow *
prospect_target_grid_get_team (ProspectTargetGrid *grid)
{
  g_return_val_if_fail (grid != NULL && grid->rows->len > 0, NULL);

  return g_ptr_array_index (grid->rows, grid->rows->len - 1);
}

static gboolean
load_people (ProspectDatabase    *db,
             ProspectTargetGrid  *grid,
             GError             **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, PEOPLE_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, grid->manager_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (grid->rows, target_row_new ((const char *) sqlite3_column_text (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  g_ptr_array_add (grid->rows, target_row_new (NULL, _("Team")));

  return TRUE;
}

static int
quarter_of (ProspectTargetGrid *grid,
            const char         *start_iso)
{
  for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
    {
      g_autofree char *start = prospect_date_to_iso (&grid->quarters[q].start);

      if (g_strcmp0 (start, start_iso) == 0)
        return q;
    }

  return -1;
}

static ProspectTargetRow *
row_of (ProspectTargetGrid *grid,
        const char         *person_id)
{
  for (guint i = 0; i < grid->rows->len; i++)
    {
      ProspectTargetRow *row = g_ptr_array_index (grid->rows, i);

      if (g_strcmp0 (row->person_id, person_id) == 0)
        return row;
    }

  return NULL;
}

static void
add_cell (ProspectTargetGrid *grid,
          const char         *person_id,
          const char         *metric_text,
          const char         *start_iso,
          gint64              value)
{
  ProspectTargetRow *row = row_of (grid, person_id);
  int metric = metric_from_string (metric_text);
  int quarter = quarter_of (grid, start_iso);

  if (row == NULL || metric < 0 || quarter < 0)
    return;

  row->values[metric][quarter] = MAX (row->values[metric][quarter], 0) + value;
}

static gboolean
load_cells (ProspectDatabase    *db,
            ProspectTargetGrid  *grid,
            GError             **error)
{
  g_autofree char *first = prospect_date_to_iso (&grid->quarters[0].start);
  g_autofree char *last = prospect_date_to_iso (&grid->quarters[PROSPECT_TARGET_N_QUARTERS - 1].start);
  sqlite3_stmt *stmt = prospect_database_prepare (db, CELLS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, grid->currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, grid->manager_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_cell (grid,
              (const char *) sqlite3_column_text (stmt, 0),
              (const char *) sqlite3_column_text (stmt, 1),
              (const char *) sqlite3_column_text (stmt, 2),
              sqlite3_column_int64 (stmt, 3));
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

ProspectTargetGrid *
prospect_target_grid_load (ProspectDatabase  *db,
                           const char        *manager_id,
                           const GDate       *day,
                           GError           **error)
{
  g_autoptr(ProspectTargetGrid) grid = g_new0 (ProspectTargetGrid, 1);
  ProspectPeriod year;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (manager_id != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  grid->manager_id = g_strdup (manager_id);
  grid->currency = database_currency (db);
  grid->rows = g_ptr_array_new_with_free_func (target_row_free);

  prospect_period_init (&year, PROSPECT_PERIOD_YEAR, day, prospect_fiscal_start_month (db));
  prospect_period_init (&grid->quarters[0], PROSPECT_PERIOD_QUARTER, &year.start, year.fiscal_start_month);
  for (guint q = 1; q < PROSPECT_TARGET_N_QUARTERS; q++)
    prospect_period_next (&grid->quarters[q - 1], &grid->quarters[q]);

  if (!load_people (db, grid, error) || !load_cells (db, grid, error))
    return NULL;

  return g_steal_pointer (&grid);
}

gint64
prospect_target_grid_rep_sum (ProspectTargetGrid   *grid,
                              ProspectTargetMetric  metric,
                              guint                 quarter)
{
  gint64 sum = -1;

  g_return_val_if_fail (grid != NULL, -1);
  g_return_val_if_fail (metric < PROSPECT_TARGET_N_METRICS && quarter < PROSPECT_TARGET_N_QUARTERS, -1);

  /* every row but the team, last */
  for (guint i = 0; i + 1 < grid->rows->len; i++)
    {
      ProspectTargetRow *row = g_ptr_array_index (grid->rows, i);

      if (row->values[metric][quarter] >= 0)
        sum = MAX (sum, 0) + row->values[metric][quarter];
    }

  return sum;
}

gboolean
prospect_target_grid_is_flagged (ProspectTargetGrid   *grid,
                                 ProspectTargetMetric  metric,
                                 guint                 quarter)
{
  gint64 team;

  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (metric < PROSPECT_TARGET_N_METRICS && quarter < PROSPECT_TARGET_N_QUARTERS, FALSE);

  team = prospect_target_grid_get_team (grid)->values[metric][quarter];

  return team >= 0 && team != MAX (prospect_target_grid_rep_sum (grid, metric, quarter), 0);
}

/* --------------------------------------------------------------- values */

static gboolean
parse_count (const char  *text,
             gint64      *value,
             GError     **error)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autoptr(GString) digits = g_string_new (text);
  guint64 number;

  /* "1,200" in the user's grouping, as the grid shows it */
  if (separator != NULL && *separator != '\0')
    g_string_replace (digits, separator, "", 0);

  if (digits->len == 0 || !g_ascii_isdigit (digits->str[0]) ||
      !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT32, &number, NULL))
    {
      prospect_set_invalid_error (error, "value",
                                  _("“%s” is not a whole number: write it like 40"), text);
      return FALSE;
    }

  *value = (gint64) number;

  return TRUE;
}

gboolean
prospect_target_parse_value (const char            *text,
                             ProspectTargetMetric   metric,
                             const char            *currency,
                             gint64                *value,
                             GError               **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (metric < PROSPECT_TARGET_N_METRICS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (*stripped == '\0')
    {
      *value = -1;
      return TRUE;
    }

  if (metric != PROSPECT_TARGET_WON_VALUE)
    return parse_count (stripped, value, error);

  if (!prospect_quick_entry_parse_amount (stripped, currency, value, error))
    {
      if (error != NULL && *error != NULL)
        {
          /* the same message, on the target's column */
          g_autofree char *message = g_strdup ((*error)->message);

          g_clear_error (error);
          prospect_set_invalid_error (error, "value", "%s", message);
        }
      return FALSE;
    }

  return TRUE;
}

char *
prospect_target_format_value (gint64                value,
                              ProspectTargetMetric  metric)
{
  g_return_val_if_fail (metric < PROSPECT_TARGET_N_METRICS, NULL);

  if (value < 0)
    return g_strdup ("");

  if (metric != PROSPECT_TARGET_WON_VALUE)
    return g_strdup_printf ("%'" G_GINT64_FORMAT, value);

  /* whole units in the locale's grouping; cents only when there are some */
  if (value % 100 == 0)
    return g_strdup_printf ("%'" G_GINT64_FORMAT, value / 100);

  return g_strdup_printf ("%'" G_GINT64_FORMAT "%s%02d",
                          value / 100, nl_langinfo (RADIXCHAR), (int) (value % 100));
}

/* ---------------------------------------------------------------- edits */

static GPtrArray *
cell_ids (ProspectDatabase      *db,
          const char            *manager_id,
          const char            *person_id,
          const char            *start,
          ProspectTargetMetric   metric,
          GError               **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = prospect_database_prepare (db, CELL_IDS_SQL, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, metric_names[metric], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, person_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, manager_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
write_value (ProspectDatabase  *db,
             ProspectTarget    *target,
             const char        *manager_id,
             gint64             value,
             const char        *currency,
             GError           **error)
{
  /* An unchanged cell writes nothing: no history row, no signal */
  if (prospect_target_get_value (target) == value &&
      g_strcmp0 (prospect_target_get_manager_id (target), manager_id) == 0 &&
      g_strcmp0 (prospect_target_get_currency (target), currency) == 0)
    return TRUE;

  prospect_target_set_value (target, value);
  prospect_target_set_manager_id (target, manager_id);
  prospect_target_set_currency (target, currency);

  return prospect_record_save (PROSPECT_RECORD (target), db, error);
}

/* The cell's work inside the caller's transaction; *written_id is the id
 * of the row that holds the value afterwards (NULL after a clear). */
static gboolean
set_cell (ProspectDatabase      *db,
          const char            *manager_id,
          const char            *person_id,
          const ProspectPeriod  *quarter,
          ProspectTargetMetric   metric,
          gint64                 value,
          char                 **written_id,
          GError               **error)
{
  g_autofree char *start = prospect_date_to_iso (&quarter->start);
  g_autofree char *currency = database_currency (db);
  g_autoptr(GPtrArray) ids = cell_ids (db, manager_id, person_id, start, metric, error);
  g_autoptr(ProspectTarget) target = NULL;

  if (ids == NULL)
    return FALSE;

  /* One row holds the cell's value; any other (a target another manager
   * set for the same rep) goes, so that the cell is what was typed. */
  for (guint i = value >= 0 ? 1 : 0; i < ids->len; i++)
    {
      g_autoptr(ProspectTarget) other = prospect_target_load (db, g_ptr_array_index (ids, i), error);

      if (other == NULL || !prospect_record_delete (PROSPECT_RECORD (other), db, error))
        return FALSE;
    }
  if (value < 0)
    return TRUE;

  if (ids->len > 0)
    target = prospect_target_load (db, g_ptr_array_index (ids, 0), error);
  else
    {
      target = prospect_target_new ();
      prospect_target_set_person_id (target, person_id);
      prospect_target_set_period_kind (target, "quarter");
      prospect_target_set_period_start (target, start);
      prospect_target_set_metric (target, metric_names[metric]);
    }
  if (target == NULL || !write_value (db, target, manager_id, value, currency, error))
    return FALSE;

  if (written_id != NULL)
    *written_id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (target)));

  return TRUE;
}

static gboolean
finish (ProspectDatabase  *db,
        gboolean           ok,
        GError           **error)
{
  if (ok && prospect_database_commit (db, error))
    return TRUE;

  prospect_database_rollback (db);

  return FALSE;
}

gboolean
prospect_targets_set (ProspectDatabase      *db,
                      const char            *manager_id,
                      const char            *person_id,
                      const ProspectPeriod  *quarter,
                      ProspectTargetMetric   metric,
                      gint64                 value,
                      GError               **error)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (manager_id != NULL, FALSE);
  g_return_val_if_fail (quarter != NULL && quarter->kind == PROSPECT_PERIOD_QUARTER, FALSE);
  g_return_val_if_fail (metric < PROSPECT_TARGET_N_METRICS, FALSE);
  g_return_val_if_fail (value >= -1, FALSE);

  if (!prospect_database_begin (db, error))
    return FALSE;

  return finish (db, set_cell (db, manager_id, person_id, quarter, metric, value, NULL, error), error);
}

static gboolean
copy_cells (ProspectDatabase    *db,
            ProspectTargetGrid  *from,
            guint                from_quarter,
            ProspectTargetGrid  *to,
            guint                to_quarter,
            GPtrArray           *copied_ids,
            guint               *n_copied,
            GError             **error)
{
  for (guint i = 0; i < to->rows->len; i++)
    {
      ProspectTargetRow *row = g_ptr_array_index (to->rows, i);
      ProspectTargetRow *before = row_of (from, row->person_id);

      for (guint m = 0; before != NULL && m < PROSPECT_TARGET_N_METRICS; m++)
        {
          g_autofree char *id = NULL;

          if (row->values[m][to_quarter] >= 0 || before->values[m][from_quarter] < 0)
            continue;

          if (!set_cell (db, to->manager_id, row->person_id, &to->quarters[to_quarter], m,
                         before->values[m][from_quarter], &id, error))
            return FALSE;
          (*n_copied)++;
          if (copied_ids != NULL)
            g_ptr_array_add (copied_ids, g_steal_pointer (&id));
        }
    }

  return TRUE;
}

/* The index of the grid's quarter that starts on the period's first day. */
static guint
quarter_index (ProspectTargetGrid   *grid,
               const ProspectPeriod *quarter)
{
  for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
    if (g_date_compare (&grid->quarters[q].start, &quarter->start) == 0)
      return q;

  g_assert_not_reached ();
}

static gboolean
copy_in_transaction (ProspectDatabase     *db,
                     const char           *manager_id,
                     const ProspectPeriod *quarter,
                     GPtrArray            *copied_ids,
                     guint                *n_copied,
                     GError              **error)
{
  g_autoptr(ProspectTargetGrid) from = NULL;
  g_autoptr(ProspectTargetGrid) to = NULL;
  ProspectPeriod previous;

  prospect_period_previous (quarter, &previous);
  from = prospect_target_grid_load (db, manager_id, &previous.start, error);
  to = from != NULL ? prospect_target_grid_load (db, manager_id, &quarter->start, error) : NULL;

  return to != NULL &&
         copy_cells (db, from, quarter_index (from, &previous), to, quarter_index (to, quarter),
                     copied_ids, n_copied, error);
}

gboolean
prospect_targets_copy_previous (ProspectDatabase     *db,
                                const char           *manager_id,
                                const ProspectPeriod *quarter,
                                GPtrArray            *copied_ids,
                                guint                *n_copied,
                                GError              **error)
{
  guint ids_before = copied_ids != NULL ? copied_ids->len : 0;
  guint n = 0;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (manager_id != NULL, FALSE);
  g_return_val_if_fail (quarter != NULL && quarter->kind == PROSPECT_PERIOD_QUARTER, FALSE);

  if (!prospect_database_begin (db, error))
    return FALSE;

  if (!finish (db, copy_in_transaction (db, manager_id, quarter, copied_ids, &n, error), error))
    {
      /* nothing was copied: no ids to undo */
      if (copied_ids != NULL)
        g_ptr_array_set_size (copied_ids, ids_before);
      return FALSE;
    }

  if (n_copied != NULL)
    *n_copied = n;

  return TRUE;
}

gboolean
prospect_targets_delete (ProspectDatabase  *db,
                         GPtrArray         *ids,
                         GError           **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (!prospect_database_begin (db, error))
    return FALSE;

  for (guint i = 0; ok && i < ids->len; i++)
    {
      g_autoptr(ProspectTarget) target = prospect_target_load (db, g_ptr_array_index (ids, i), error);

      ok = target != NULL && prospect_record_delete (PROSPECT_RECORD (target), db, error);
    }

  return finish (db, ok, error);
}
