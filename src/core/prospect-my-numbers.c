/* prospect-my-numbers.c - a rep's own figures next to the team median
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-my-numbers"

#include "config.h"

#include <math.h>

#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-person.h"

#include "prospect-my-numbers.h"

static const char peers_sql[] =
  "SELECT id FROM person"
  " WHERE manager_id = ?1 AND id <> ?2 AND role = 'rep' AND active = 1"
  " AND deleted_at IS NULL"
  " AND EXISTS (SELECT 1 FROM person m WHERE m.id = ?1 AND m.deleted_at IS NULL)";

static const char activities_sql[] =
  "SELECT count(*) FROM activity"
  " WHERE owner_id = ?1 AND done_at >= ?2 AND done_at <= ?3 AND deleted_at IS NULL";

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
prospect_median (double *values,
                 guint   n)
{
  if (n == 0)
    return NAN;

  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];

  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

gint64
prospect_week_start_ms (gint64 now_ms)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (now_ms / 1000);
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (monday),
                                                         g_date_time_get_month (monday),
                                                         g_date_time_get_day_of_month (monday),
                                                         0, 0, 0);

  return g_date_time_to_unix (midnight) * 1000;
}

/* The other peers of the person (see the header), appended to ids. */
static gboolean
load_peers (ProspectDatabase *db,
            const char       *manager_id,
            const char       *person_id,
            GPtrArray        *ids,
            GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (manager_id == NULL)
    return TRUE;

  if (!(stmt = prospect_database_prepare (db, peers_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, manager_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, person_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

static gboolean
count_activities (ProspectDatabase *db,
                  const char       *person_id,
                  gint64            from_ms,
                  gint64            to_ms,
                  guint            *count,
                  GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prospect_database_prepare (db, activities_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from_ms);
  sqlite3_bind_int64 (stmt, 3, to_ms);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || prospect_database_set_sqlite_error (db, rc, error);
}

enum { N_FIGURES = PROSPECT_MY_NUMBERS_ACTIVITIES + 1 };

/* One array of doubles per figure: the values of the peers who have it. */
typedef struct
{
  GArray *values[N_FIGURES];
} PeerValues;

static void
peer_values_init (PeerValues *peers)
{
  for (guint i = 0; i < N_FIGURES; i++)
    peers->values[i] = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
peer_values_clear (PeerValues *peers)
{
  for (guint i = 0; i < N_FIGURES; i++)
    g_clear_pointer (&peers->values[i], g_array_unref);
}

static void
peer_values_add_one (PeerValues              *peers,
                     ProspectMyNumbersFigure  figure,
                     double                   value)
{
  if (isfinite (value))
    g_array_append_val (peers->values[figure], value);
}

static void
peer_values_add (PeerValues            *peers,
                 const ProspectFigures *figures,
                 guint                  activities)
{
  peer_values_add_one (peers, PROSPECT_MY_NUMBERS_WON, figures->won_value);
  peer_values_add_one (peers, PROSPECT_MY_NUMBERS_ATTAINMENT,
                       figures->target_value > 0 ? figures->attainment : NAN);
  peer_values_add_one (peers, PROSPECT_MY_NUMBERS_OPEN, figures->open_value);
  peer_values_add_one (peers, PROSPECT_MY_NUMBERS_WEIGHTED, figures->weighted_value);
  peer_values_add_one (peers, PROSPECT_MY_NUMBERS_WIN_RATE, figures->win_rate);
  peer_values_add_one (peers, PROSPECT_MY_NUMBERS_ACTIVITIES, activities);
}

static double
peer_values_median (PeerValues              *peers,
                    ProspectMyNumbersFigure  figure)
{
  GArray *values = peers->values[figure];

  return prospect_median ((double *) (gpointer) values->data, values->len);
}

/* Money medians are whole minor units, rounded half up; -1 when none. */
static gint64
peer_values_money_median (PeerValues              *peers,
                          ProspectMyNumbersFigure  figure)
{
  double median = peer_values_median (peers, figure);

  return isfinite (median) ? (gint64) floor (median + 0.5) : -1;
}

static const ProspectFigures *
find_row (const ProspectReport *report,
          const char           *key)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      const ProspectFigures *row = &g_array_index (report->rows, ProspectFigures, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }

  return NULL;
}

/* Adds the figures of the other peers, from their manager's team report
 * grouped by rep (every active rep in the team has a row there). */
static gboolean
add_other_peers (ProspectDatabase     *db,
                 const ProspectPeriod *period,
                 const char           *manager_id,
                 GPtrArray            *ids,
                 ProspectMyNumbers    *numbers,
                 PeerValues           *peers,
                 GError              **error)
{
  ProspectScope team = { PROSPECT_SCOPE_TEAM, manager_id };
  g_autoptr(ProspectReport) report = NULL;
  /* A peer without a row sold nothing: zeros, no target, no win rate */
  ProspectFigures nothing = { .target_value = -1, .attainment = NAN, .win_rate = NAN };

  if (ids->len == 0)
    return TRUE;

  if (!(report = prospect_report_compute (db, period, &team, PROSPECT_GROUP_REP, error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const ProspectFigures *row = find_row (report, id);
      guint activities = 0;

      if (!count_activities (db, id, numbers->week_start_ms, prospect_clock_now_ms (),
                             &activities, error))
        return FALSE;
      peer_values_add (peers, row != NULL ? row : &nothing, activities);
    }

  return TRUE;
}

static void
set_medians (ProspectMyNumbers *numbers,
             PeerValues        *peers)
{
  numbers->median.won_value = peer_values_money_median (peers, PROSPECT_MY_NUMBERS_WON);
  numbers->median.open_value = peer_values_money_median (peers, PROSPECT_MY_NUMBERS_OPEN);
  numbers->median.weighted_value = peer_values_money_median (peers, PROSPECT_MY_NUMBERS_WEIGHTED);
  numbers->median.attainment = peer_values_median (peers, PROSPECT_MY_NUMBERS_ATTAINMENT);
  numbers->median.win_rate = peer_values_median (peers, PROSPECT_MY_NUMBERS_WIN_RATE);
  numbers->median.activities_this_week = peer_values_median (peers, PROSPECT_MY_NUMBERS_ACTIVITIES);
}

ProspectMyNumbers *
prospect_my_numbers_compute (ProspectDatabase      *db,
                             const ProspectPeriod  *period,
                             const char            *person_id,
                             GError               **error)
{
  g_autoptr(ProspectMyNumbers) numbers = NULL;
  g_autoptr(ProspectPerson) person = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  ProspectScope scope = { PROSPECT_SCOPE_PERSON, person_id };
  const char *manager_id;
  PeerValues peers;
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!(person = prospect_person_load (db, person_id, error)))
    return NULL;

  numbers = g_new0 (ProspectMyNumbers, 1);
  numbers->person_id = g_strdup (person_id);
  numbers->week_start_ms = prospect_week_start_ms (prospect_clock_now_ms ());
  if (!(numbers->report = prospect_report_compute (db, period, &scope, PROSPECT_GROUP_NONE, error)) ||
      !count_activities (db, person_id, numbers->week_start_ms, prospect_clock_now_ms (),
                         &numbers->activities_this_week, error))
    return NULL;

  manager_id = prospect_person_get_manager_id (person);
  ids = g_ptr_array_new_with_free_func (g_free);
  if (!load_peers (db, manager_id, person_id, ids, error))
    return NULL;

  peer_values_init (&peers);
  peer_values_add (&peers, &numbers->report->total, numbers->activities_this_week);
  ok = add_other_peers (db, period, manager_id, ids, numbers, &peers, error);
  if (ok)
    set_medians (numbers, &peers);
  peer_values_clear (&peers);
  numbers->n_peers = ids->len + 1;

  return ok ? g_steal_pointer (&numbers) : NULL;
}

void
prospect_my_numbers_free (ProspectMyNumbers *numbers)
{
  if (numbers == NULL)
    return;

  g_free (numbers->person_id);
  g_clear_pointer (&numbers->report, prospect_report_free);
  g_free (numbers);
}

const ProspectFigures *
prospect_my_numbers_get_figures (const ProspectMyNumbers *numbers)
{
  g_return_val_if_fail (numbers != NULL, NULL);

  return &numbers->report->total;
}

gboolean
prospect_my_numbers_is_empty (const ProspectMyNumbers *numbers)
{
  const ProspectFigures *figures = prospect_my_numbers_get_figures (numbers);

  return (figures->won_count == 0 && figures->lost_count == 0 && figures->open_count == 0 &&
          figures->target_value < 0 && numbers->activities_this_week == 0);
}

gboolean
prospect_my_numbers_is_below_median (const ProspectMyNumbers *numbers,
                                     ProspectMyNumbersFigure  figure)
{
  const ProspectFigures *own = prospect_my_numbers_get_figures (numbers);
  const ProspectMyNumbersMedians *median = &numbers->median;

  if (numbers->n_peers < 2)
    return FALSE;

  switch (figure)
    {
    case PROSPECT_MY_NUMBERS_WON:
      return median->won_value >= 0 && own->won_value < median->won_value;
    case PROSPECT_MY_NUMBERS_OPEN:
      return median->open_value >= 0 && own->open_value < median->open_value;
    case PROSPECT_MY_NUMBERS_WEIGHTED:
      return median->weighted_value >= 0 && own->weighted_value < median->weighted_value;
    case PROSPECT_MY_NUMBERS_ATTAINMENT:
      /* isless() is FALSE when either side is NAN */
      return own->target_value > 0 && isless (own->attainment, median->attainment);
    case PROSPECT_MY_NUMBERS_WIN_RATE:
      return isless (own->win_rate, median->win_rate);
    case PROSPECT_MY_NUMBERS_ACTIVITIES:
      return isless ((double) numbers->activities_this_week, median->activities_this_week);
    default:
      g_return_val_if_reached (FALSE);
    }
}
