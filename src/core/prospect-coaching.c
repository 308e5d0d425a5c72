/* prospect-coaching.c - a rep's indicators against the team, the skill to
 * coach, plans measured against the same indicator, and who reads which
 * 1:1 note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-coaching"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-coaching.h"
#include "prospect-error.h"
#include "prospect-my-numbers.h"
#include "prospect-validate.h"

/* The steps in funnel order (open stages by position, then one step for
 * the won stages), as prospect_funnel_compute() lays them out. */
#define STEPS_SQL \
  "SELECT id, name, kind = 'open' FROM stage" \
  " WHERE deleted_at IS NULL AND kind IN ('open', 'won') ORDER BY kind = 'won', position, id"

#define PEERS_SQL \
  "SELECT id FROM person WHERE manager_id = :manager AND role = 'rep' AND active = 1" \
  " AND deleted_at IS NULL ORDER BY id"

/* The stage a cohort deal was in when each activity on it was done (see
 * the header), counted per stage. */
#define ACTIVITIES_SQL \
  "SELECT stage_id, count(*) FROM (SELECT coalesce(" \
  "   (SELECT c.to_stage_id FROM deal_stage_change c WHERE c.deal_id = d.id" \
  "     AND c.deleted_at IS NULL AND c.changed_at <= a.done_at" \
  "     ORDER BY c.changed_at DESC, c.id DESC LIMIT 1)," \
  "   (SELECT coalesce(c.from_stage_id, c.to_stage_id) FROM deal_stage_change c" \
  "     WHERE c.deal_id = d.id AND c.deleted_at IS NULL AND c.changed_at > a.done_at" \
  "     ORDER BY c.changed_at, c.id LIMIT 1)," \
  "   d.stage_id) AS stage_id" \
  "  FROM deal d JOIN activity a ON a.deal_id = d.id" \
  "  WHERE d.deleted_at IS NULL AND d.owner_id = :person" \
  "  AND d.created_at >= :start_ms AND d.created_at < :end_ms" \
  "  AND a.done_at IS NOT NULL AND a.deleted_at IS NULL)" \
  " GROUP BY stage_id"

/* Each stay in a stage ends at the deal's next stage change; stays that
 * have not ended are left out. */
#define DAYS_SQL \
  "SELECT stage_id, sum(days), count(DISTINCT deal_id) FROM (" \
  "  SELECT c.deal_id, c.to_stage_id AS stage_id," \
  "   (lead(c.changed_at) OVER (PARTITION BY c.deal_id ORDER BY c.changed_at, c.id)" \
  "    - c.changed_at) / 86400000.0 AS days" \
  "  FROM deal_stage_change c JOIN deal d ON d.id = c.deal_id" \
  "  WHERE c.deleted_at IS NULL AND d.deleted_at IS NULL AND d.owner_id = :person" \
  "  AND d.created_at >= :start_ms AND d.created_at < :end_ms)" \
  " WHERE days IS NOT NULL GROUP BY stage_id"

#define CLOSED_SQL \
  "SELECT coalesce(sum(status = 'won'), 0), coalesce(sum(status = 'lost'), 0)," \
  " coalesce(sum(CASE WHEN status = 'won' AND currency = :currency THEN amount END), 0)," \
  " coalesce(sum(status = 'won' AND currency = :currency), 0)" \
  " FROM deal WHERE deleted_at IS NULL AND owner_id = :person AND status <> 'open'" \
  " AND closed_on BETWEEN :start AND :end"

#define NEW_DEALS_SQL \
  "SELECT count(*) FROM deal WHERE deleted_at IS NULL AND owner_id = :person" \
  " AND created_at >= :start_ms AND created_at < :end_ms"

/* Everyone above a person in the reporting line. */
#define ABOVE_CTE \
  "WITH RECURSIVE above(id) AS (" \
  " SELECT manager_id FROM person WHERE id = :rep AND manager_id IS NOT NULL" \
  " UNION SELECT p.manager_id FROM person p JOIN above a ON p.id = a.id" \
  " WHERE p.manager_id IS NOT NULL) "

/* Everyone below a person in the reporting line. */
#define BELOW_CTE \
  "WITH RECURSIVE below(id) AS (" \
  " SELECT id FROM person WHERE manager_id = :viewer AND deleted_at IS NULL" \
  " UNION SELECT p.id FROM person p JOIN below b ON p.manager_id = b.id" \
  " WHERE p.deleted_at IS NULL) "

/* The one query that decides which notes a viewer reads. */
#define NOTES_SQL \
  ABOVE_CTE "SELECT %s FROM coaching_note WHERE deleted_at IS NULL AND rep_id = :rep" \
  " AND (author_id = :viewer OR (shared = 1 AND (:viewer = :rep OR :viewer IN above)))" \
  " ORDER BY held_on DESC, created_at DESC, id DESC"

#define REPS_SQL \
  BELOW_CTE "SELECT %s FROM person WHERE id IN below AND role = 'rep' AND active = 1" \
  " AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id"

#define CAN_ASSESS_SQL \
  BELOW_CTE "SELECT EXISTS (SELECT 1 FROM person WHERE id = :viewer AND role = 'director'" \
  " AND deleted_at IS NULL) AND :rep IN below"

typedef struct
{
  char     *stage_id;
  char     *name;
  gboolean  open;
} Step;

/* What one person's indicators are computed from. */
typedef struct
{
  ProspectDatabase *db;
  GArray           *steps;        /* Step */
  ProspectPeriod    window;
  gint64            start_ms;
  gint64            end_ms;
  char             *start_iso;
  char             *end_iso;
  char             *currency;
} Context;

/* ---------------------------------------------------------------- helpers */

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->stage_id, g_free);
  g_clear_pointer (&step->name, g_free);
}

static void
indicator_clear (gpointer data)
{
  ProspectIndicator *indicator = data;

  g_clear_pointer (&indicator->key, g_free);
  g_clear_pointer (&indicator->stage_id, g_free);
  g_clear_pointer (&indicator->stage_name, g_free);
  g_clear_pointer (&indicator->label, g_free);
}

static void
context_clear (Context *context)
{
  g_clear_pointer (&context->steps, g_array_unref);
  g_clear_pointer (&context->start_iso, g_free);
  g_clear_pointer (&context->end_iso, g_free);
  g_clear_pointer (&context->currency, g_free);
}

/* Binds every named parameter these queries use for person. */
static void
bind_context (sqlite3_stmt  *stmt,
              const Context *context,
              const char    *person_id)
{
  prospect_statement_bind_text (stmt, ":person", person_id);
  prospect_statement_bind_int64 (stmt, ":start_ms", context->start_ms);
  prospect_statement_bind_int64 (stmt, ":end_ms", context->end_ms);
  prospect_statement_bind_text (stmt, ":start", context->start_iso);
  prospect_statement_bind_text (stmt, ":end", context->end_iso);
  prospect_statement_bind_text (stmt, ":currency", context->currency);
}

/* Resets stmt and turns a result code other than DONE into an error. */
static gboolean
finish_statement (ProspectDatabase  *db,
                  sqlite3_stmt      *stmt,
                  int                rc,
                  GError           **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  return TRUE;
}

static double
ratio (double part,
       double whole)
{
  return whole > 0 ? part / whole : NAN;
}

static gboolean
load_steps (ProspectDatabase  *db,
            GArray            *steps,
            GError           **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, STEPS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Step step = { 0 };
      gboolean open = sqlite3_column_int (stmt, 2);

      /* several won stages are one final step, as in the funnel */
      if (!open && steps->len > 0 && !g_array_index (steps, Step, steps->len - 1).open)
        continue;

      step.stage_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      step.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      step.open = open;
      g_array_append_val (steps, step);
    }

  return finish_statement (db, stmt, rc, error);
}

static gboolean
context_init (Context           *context,
              ProspectDatabase  *db,
              GError           **error)
{
  GDate after_end;
  char *currency = prospect_database_get_setting (db, "currency");

  context->db = db;
  context->currency = currency != NULL ? currency : g_strdup ("USD");
  context->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (context->steps, step_clear);

  /* prospect_funnel_compute() reads only the first and last day of a
   * period, so a window of any length can stand in for one */
  context->window.kind = PROSPECT_PERIOD_MONTH;
  context->window.fiscal_start_month = prospect_fiscal_start_month (db);
  prospect_date_set_today (&context->window.end);
  context->window.start = context->window.end;
  g_date_subtract_days (&context->window.start, PROSPECT_COACHING_WINDOW_DAYS - 1);

  after_end = context->window.end;
  g_date_add_days (&after_end, 1);
  context->start_ms = prospect_date_to_local_ms (&context->window.start);
  context->end_ms = prospect_date_to_local_ms (&after_end);
  context->start_iso = prospect_date_to_iso (&context->window.start);
  context->end_iso = prospect_date_to_iso (&context->window.end);

  return load_steps (db, context->steps, error);
}

/* Runs a "stage_id, numbers..." query for person: stage id -> the row's
 * columns 1 and 2 as a pair of doubles. */
static GHashTable *
per_stage (const Context  *context,
           const char     *sql,
           const char     *person_id,
           GError        **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = prospect_database_prepare (context->db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  bind_context (stmt, context, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double *pair = g_new0 (double, 2);

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          g_free (pair);
          continue;
        }
      pair[0] = sqlite3_column_double (stmt, 1);
      pair[1] = sqlite3_column_count (stmt) > 2 ? sqlite3_column_double (stmt, 2) : 0;
      g_hash_table_insert (table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), pair);
    }

  if (!finish_statement (context->db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&table);
}

/* Runs a one-row query for person into columns[0..n_columns). */
static gboolean
one_row (const Context  *context,
         const char     *sql,
         const char     *person_id,
         gint64         *columns,
         int             n_columns,
         GError        **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (context->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_context (stmt, context, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        columns[i] = sqlite3_column_int64 (stmt, i);
      rc = sqlite3_step (stmt);
    }

  return finish_statement (context->db, stmt, rc, error);
}

/* ------------------------------------------------------------- indicators */

static void
append (GArray                *indicators,
        ProspectIndicatorKind  kind,
        const Step            *stage,
        char                  *label,
        double                 value,
        guint                  n_deals)
{
  static const char * const key_names[] = {
    [PROSPECT_INDICATOR_STEP_UP] = "step-up",
    [PROSPECT_INDICATOR_ACTIVITIES] = "activities",
    [PROSPECT_INDICATOR_DAYS_IN_STAGE] = "days-in-stage",
    [PROSPECT_INDICATOR_WIN_RATE] = "win-rate",
    [PROSPECT_INDICATOR_DEAL_SIZE] = "deal-size",
    [PROSPECT_INDICATOR_NEW_DEALS] = "new-deals",
  };
  ProspectIndicator indicator = { 0 };

  indicator.kind = kind;
  indicator.stage_id = g_strdup (stage != NULL ? stage->stage_id : NULL);
  indicator.stage_name = g_strdup (stage != NULL ? stage->name : NULL);
  indicator.key = stage != NULL ? g_strconcat (key_names[kind], ":", stage->stage_id, NULL)
                                : g_strdup (key_names[kind]);
  indicator.label = label;
  indicator.value = value;
  indicator.median = NAN;
  indicator.n_deals = n_deals;
  g_array_append_val (indicators, indicator);
}

static void
append_stage (GArray               *indicators,
              const Context        *context,
              const ProspectFunnel *funnel,
              guint                 i,
              GHashTable           *activities,
              GHashTable           *days)
{
  const Step *step = &g_array_index (context->steps, Step, i);
  const ProspectFunnelStep *reached = &g_array_index (funnel->steps, ProspectFunnelStep, i);
  const double *acts = g_hash_table_lookup (activities, step->stage_id);
  const double *stay = g_hash_table_lookup (days, step->stage_id);

  if (i + 1 < context->steps->len)
    {
      const Step *next = &g_array_index (context->steps, Step, i + 1);

      /* TRANSLATORS: a step of the funnel, "Qualified → Proposal" */
      append (indicators, PROSPECT_INDICATOR_STEP_UP, step,
              g_strdup_printf (_("%s → %s"), step->name, next->name),
              reached->step_up_rate, reached->reached_count);
    }

  append (indicators, PROSPECT_INDICATOR_ACTIVITIES, step,
          g_strdup_printf (_("Activities per deal in %s"), step->name),
          ratio (acts != NULL ? acts[0] : 0, reached->reached_count), reached->reached_count);
  append (indicators, PROSPECT_INDICATOR_DAYS_IN_STAGE, step,
          g_strdup_printf (_("Days in %s"), step->name),
          stay != NULL ? ratio (stay[0], stay[1]) : NAN, stay != NULL ? (guint) stay[1] : 0);
}

/* The indicators of person_id, without medians; the funnel goes to
 * *funnel_out when it is not NULL. */
static GArray *
person_indicators (const Context   *context,
                   const char      *person_id,
                   ProspectFunnel **funnel_out,
                   GError         **error)
{
  ProspectScope scope = { PROSPECT_SCOPE_PERSON, person_id };
  g_autoptr(ProspectFunnel) funnel = NULL;
  g_autoptr(GHashTable) activities = NULL;
  g_autoptr(GHashTable) days = NULL;
  g_autoptr(GArray) indicators = g_array_new (FALSE, TRUE, sizeof (ProspectIndicator));
  gint64 closed[4] = { 0 };
  gint64 new_deals = 0;

  g_array_set_clear_func (indicators, indicator_clear);

  if (!(funnel = prospect_funnel_compute (context->db, &context->window, &scope, error)) ||
      !(activities = per_stage (context, ACTIVITIES_SQL, person_id, error)) ||
      !(days = per_stage (context, DAYS_SQL, person_id, error)) ||
      !one_row (context, CLOSED_SQL, person_id, closed, 4, error) ||
      !one_row (context, NEW_DEALS_SQL, person_id, &new_deals, 1, error))
    return NULL;

  /* the funnel and the steps come from the same stage rows */
  g_assert (funnel->steps->len == context->steps->len);

  for (guint i = 0; i < context->steps->len; i++)
    if (g_array_index (context->steps, Step, i).open)
      append_stage (indicators, context, funnel, i, activities, days);

  append (indicators, PROSPECT_INDICATOR_WIN_RATE, NULL, g_strdup (_("Win rate")),
          ratio (closed[0], closed[0] + closed[1]), closed[0] + closed[1]);
  append (indicators, PROSPECT_INDICATOR_DEAL_SIZE, NULL, g_strdup (_("Average deal size")),
          ratio (closed[2], closed[3]), closed[3]);
  append (indicators, PROSPECT_INDICATOR_NEW_DEALS, NULL, g_strdup (_("New deals")),
          new_deals, new_deals);

  if (funnel_out != NULL)
    *funnel_out = g_steal_pointer (&funnel);

  return g_steal_pointer (&indicators);
}

gboolean
prospect_indicator_kind_lower_is_better (ProspectIndicatorKind kind)
{
  return kind == PROSPECT_INDICATOR_DAYS_IN_STAGE;
}

static double
shortfall (const ProspectIndicator *indicator)
{
  double gap;

  if (!isfinite (indicator->value) || !isfinite (indicator->median) || indicator->median <= 0)
    return 0;

  gap = (indicator->median - indicator->value) / indicator->median;
  if (prospect_indicator_kind_lower_is_better (indicator->kind))
    gap = -gap;

  return MAX (gap, 0);
}

static gboolean
load_peers (const Context  *context,
            const char     *manager_id,
            GPtrArray      *peers,
            GError        **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (context->db, PEERS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  prospect_statement_bind_text (stmt, ":manager", manager_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (peers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  return finish_statement (context->db, stmt, rc, error);
}

/* Fills each indicator's median over the peers' values (the rep's own
 * included), then the shortfalls and the marks. */
static void
set_medians (ProspectCoachingIndicators *result,
             GPtrArray                  *peer_values)
{
  GArray *own = result->indicators;
  g_autofree double *values = g_new (double, MAX (peer_values->len, 1));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint j = 0; j < own->len; j++)
    {
      ProspectIndicator *indicator = &g_array_index (own, ProspectIndicator, j);
      guint n = 0;

      for (guint p = 0; p < peer_values->len; p++)
        {
          GArray *peer = g_ptr_array_index (peer_values, p);
          double value = g_array_index (peer, ProspectIndicator, j).value;

          if (isfinite (value))
            values[n++] = value;
        }

      indicator->median = result->n_peers >= 2 ? prospect_median (values, n) : NAN;
      indicator->shortfall = shortfall (indicator);
      if (indicator->shortfall >= PROSPECT_COACHING_MIN_SHORTFALL)
        g_array_append_val (order, j);
    }

  /* the largest shortfalls, by a simple selection: the list is short */
  for (guint marked = 0; marked < PROSPECT_COACHING_MARKED_GAPS; marked++)
    {
      ProspectIndicator *largest = NULL;

      for (guint k = 0; k < order->len; k++)
        {
          ProspectIndicator *candidate = &g_array_index (own, ProspectIndicator,
                                                         g_array_index (order, guint, k));

          if (!candidate->marked && (largest == NULL || candidate->shortfall > largest->shortfall))
            largest = candidate;
        }
      if (largest == NULL)
        break;
      largest->marked = TRUE;
    }
}

static gboolean
compute_team (ProspectCoachingIndicators  *result,
              const Context               *context,
              GError                     **error)
{
  g_autoptr(GPtrArray) peers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) peer_values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  ProspectScope team = { PROSPECT_SCOPE_TEAM, result->manager_id };

  if (result->manager_id != NULL && !load_peers (context, result->manager_id, peers, error))
    return FALSE;

  g_ptr_array_add (peer_values, g_array_ref (result->indicators));
  for (guint p = 0; p < peers->len; p++)
    {
      const char *peer_id = g_ptr_array_index (peers, p);
      GArray *values;

      if (g_str_equal (peer_id, result->rep_id))
        continue;
      if (!(values = person_indicators (context, peer_id, NULL, error)))
        return FALSE;
      g_ptr_array_add (peer_values, values);
    }

  result->n_peers = peer_values->len;
  set_medians (result, peer_values);

  if (result->manager_id != NULL &&
      !(result->team_funnel = prospect_funnel_compute (context->db, &context->window, &team, error)))
    return FALSE;

  return TRUE;
}

ProspectCoachingIndicators *
prospect_coaching_indicators_compute (ProspectDatabase  *db,
                                      const char        *rep_id,
                                      GError           **error)
{
  g_autoptr(ProspectCoachingIndicators) result = NULL;
  g_autoptr(ProspectPerson) rep = NULL;
  Context context = { 0 };
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (rep_id != NULL, NULL);

  if (!(rep = prospect_person_load (db, rep_id, error)))
    return NULL;

  result = g_new0 (ProspectCoachingIndicators, 1);
  result->rep_id = g_strdup (rep_id);
  result->manager_id = g_strdup (prospect_person_get_manager_id (rep));

  ok = context_init (&context, db, error) &&
       (result->indicators = person_indicators (&context, rep_id, &result->funnel, error)) != NULL &&
       compute_team (result, &context, error);

  result->start = context.window.start;
  result->end = context.window.end;
  result->currency = g_strdup (context.currency);
  context_clear (&context);

  return ok ? g_steal_pointer (&result) : NULL;
}

void
prospect_coaching_indicators_free (ProspectCoachingIndicators *indicators)
{
  if (indicators == NULL)
    return;

  g_free (indicators->rep_id);
  g_free (indicators->manager_id);
  g_free (indicators->currency);
  g_clear_pointer (&indicators->indicators, g_array_unref);
  g_clear_pointer (&indicators->funnel, prospect_funnel_free);
  g_clear_pointer (&indicators->team_funnel, prospect_funnel_free);
  g_free (indicators);
}

static const ProspectIndicator *
find_in (GArray     *indicators,
         const char *key,
         int        *index)
{
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      const ProspectIndicator *indicator = &g_array_index (indicators, ProspectIndicator, i);

      if (g_strcmp0 (indicator->key, key) == 0)
        {
          if (index != NULL)
            *index = i;
          return indicator;
        }
    }

  return NULL;
}

const ProspectIndicator *
prospect_coaching_indicators_find (const ProspectCoachingIndicators *indicators,
                                   const char                       *key)
{
  g_return_val_if_fail (indicators != NULL, NULL);

  return find_in (indicators->indicators, key, NULL);
}

/* -------------------------------------------------------------- diagnosis */

static char *
format_percent (double share)
{
  return g_strdup_printf ("%.0f%%", share * 100);
}

static char *
evidence_for (const ProspectCoachingIndicators *indicators,
              const ProspectIndicator          *step)
{
  g_autofree char *activities_key = g_strconcat ("activities:", step->stage_id, NULL);
  const ProspectIndicator *activities = prospect_coaching_indicators_find (indicators, activities_key);
  g_autofree char *value = format_percent (step->value);
  g_autofree char *median = format_percent (step->median);
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: "Qualified → Proposal: 28% vs team 46% over 31 deals" */
  g_string_append_printf (text, ngettext ("%s: %s vs team %s over %u deal",
                                          "%s: %s vs team %s over %u deals", step->n_deals),
                          step->label, value, median, step->n_deals);

  if (activities != NULL && isfinite (activities->value) && isfinite (activities->median))
    /* TRANSLATORS: follows the step's rates, "; 1.2 activities per deal
     * in Qualified vs team 2.9" */
    g_string_append_printf (text, _("; %.1f activities per deal in %s vs team %.1f"),
                            activities->value, activities->stage_name, activities->median);

  return g_string_free (text, FALSE);
}

ProspectDiagnosis *
prospect_coaching_diagnose (const ProspectCoachingIndicators *indicators)
{
  g_autoptr(ProspectDiagnosis) diagnosis = g_new0 (ProspectDiagnosis, 1);
  const ProspectIndicator *worst = NULL;
  guint most_deals = 0;
  int worst_index = -1;

  g_return_val_if_fail (indicators != NULL, NULL);

  diagnosis->indicator = -1;
  if (indicators->n_peers < 2)
    {
      diagnosis->status = PROSPECT_DIAGNOSIS_NO_TEAM;
      diagnosis->evidence = g_strdup (_("No other rep reports to the same manager, so there is "
                                        "no team median to compare with."));
      return g_steal_pointer (&diagnosis);
    }

  for (guint i = 0; i < indicators->indicators->len; i++)
    {
      const ProspectIndicator *step = &g_array_index (indicators->indicators, ProspectIndicator, i);

      if (step->kind != PROSPECT_INDICATOR_STEP_UP ||
          !isfinite (step->value) || !isfinite (step->median))
        continue;

      most_deals = MAX (most_deals, step->n_deals);
      if (step->n_deals < PROSPECT_COACHING_MIN_DEALS || step->value >= step->median)
        continue;

      /* ties go to the earlier step, where the deals are lost first */
      if (worst == NULL || step->median - step->value > worst->median - worst->value)
        {
          worst = step;
          worst_index = i;
        }
    }

  if (worst != NULL)
    {
      diagnosis->status = PROSPECT_DIAGNOSIS_FOUND;
      diagnosis->indicator = worst_index;
      diagnosis->skill = g_strdup (worst->label);
      diagnosis->evidence = evidence_for (indicators, worst);
    }
  else if (most_deals < PROSPECT_COACHING_MIN_DEALS)
    {
      diagnosis->status = PROSPECT_DIAGNOSIS_TOO_THIN;
      diagnosis->evidence =
        g_strdup_printf (ngettext ("Too few deals for a diagnosis: at most %u deal reached a step in the "
                                   "last %u days, and a diagnosis needs %u.",
                                   "Too few deals for a diagnosis: at most %u deals reached a step in the "
                                   "last %u days, and a diagnosis needs %u.", most_deals),
                         most_deals, PROSPECT_COACHING_WINDOW_DAYS, PROSPECT_COACHING_MIN_DEALS);
    }
  else
    {
      diagnosis->status = PROSPECT_DIAGNOSIS_NONE_BELOW;
      diagnosis->evidence = g_strdup (_("Every step with enough deals is at or above the team median."));
    }

  return g_steal_pointer (&diagnosis);
}

void
prospect_diagnosis_free (ProspectDiagnosis *diagnosis)
{
  if (diagnosis == NULL)
    return;

  g_free (diagnosis->skill);
  g_free (diagnosis->evidence);
  g_free (diagnosis);
}

/* ------------------------------------------------------------------ plans */

gboolean
prospect_coaching_measure (ProspectDatabase  *db,
                           const char        *rep_id,
                           const char        *key,
                           double            *value,
                           GError           **error)
{
  g_autoptr(GArray) indicators = NULL;
  const ProspectIndicator *indicator;
  Context context = { 0 };

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rep_id != NULL && value != NULL, FALSE);

  if (context_init (&context, db, error))
    indicators = person_indicators (&context, rep_id, NULL, error);
  context_clear (&context);
  if (indicators == NULL)
    return FALSE;

  if (!(indicator = find_in (indicators, key, NULL)))
    {
      prospect_set_invalid_error (error, "indicator",
                                  _("The plan’s indicator “%s” cannot be measured: its stage no longer exists"),
                                  key != NULL ? key : "");
      return FALSE;
    }

  *value = indicator->value;
  return TRUE;
}

char *
prospect_coaching_describe_key (ProspectDatabase *db,
                                const char       *key)
{
  g_autoptr(GError) error = NULL;
  Context context = { 0 };
  char *label = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);

  if (key == NULL)
    return NULL;

  /* The labels come from the current stages: what a step is called today */
  if (context_init (&context, db, &error))
    {
      g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (ProspectIndicator));
      const ProspectIndicator *found;

      g_array_set_clear_func (labels, indicator_clear);
      for (guint i = 0; i < context.steps->len; i++)
        {
          const Step *step = &g_array_index (context.steps, Step, i);

          if (step->open && i + 1 < context.steps->len)
            append (labels, PROSPECT_INDICATOR_STEP_UP, step,
                    g_strdup_printf (_("%s → %s"), step->name,
                                     g_array_index (context.steps, Step, i + 1).name), NAN, 0);
          if (step->open)
            {
              append (labels, PROSPECT_INDICATOR_ACTIVITIES, step,
                      g_strdup_printf (_("Activities per deal in %s"), step->name), NAN, 0);
              append (labels, PROSPECT_INDICATOR_DAYS_IN_STAGE, step,
                      g_strdup_printf (_("Days in %s"), step->name), NAN, 0);
            }
        }
      append (labels, PROSPECT_INDICATOR_WIN_RATE, NULL, g_strdup (_("Win rate")), NAN, 0);
      append (labels, PROSPECT_INDICATOR_DEAL_SIZE, NULL, g_strdup (_("Average deal size")), NAN, 0);
      append (labels, PROSPECT_INDICATOR_NEW_DEALS, NULL, g_strdup (_("New deals")), NAN, 0);

      if ((found = find_in (labels, key, NULL)))
        label = g_strdup (found->label);
    }
  else
    g_warning ("Could not read the stages: %s", error->message);
  context_clear (&context);

  return label != NULL ? label : g_strdup (key);
}

ProspectCoachingPlan *
prospect_coaching_plan_from_diagnosis (const ProspectCoachingIndicators *indicators,
                                       const ProspectDiagnosis          *diagnosis,
                                       const char                       *coach_id)
{
  ProspectCoachingPlan *plan;

  g_return_val_if_fail (indicators != NULL && diagnosis != NULL, NULL);
  g_return_val_if_fail (diagnosis->status == PROSPECT_DIAGNOSIS_FOUND, NULL);

  plan = prospect_coaching_plan_for_indicator (indicators, (guint) diagnosis->indicator, coach_id);
  prospect_coaching_plan_set_skill (plan, diagnosis->skill);
  prospect_coaching_plan_set_why (plan, diagnosis->evidence);

  return plan;
}

ProspectCoachingPlan *
prospect_coaching_plan_for_indicator (const ProspectCoachingIndicators *indicators,
                                      guint                             index,
                                      const char                       *coach_id)
{
  const ProspectIndicator *indicator;
  ProspectCoachingPlan *plan;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  GDate day;

  g_return_val_if_fail (indicators != NULL && index < indicators->indicators->len, NULL);

  indicator = &g_array_index (indicators->indicators, ProspectIndicator, index);
  prospect_date_set_today (&day);
  starts_on = prospect_date_to_iso (&day);
  g_date_add_days (&day, PROSPECT_COACHING_PLAN_DAYS);
  ends_on = prospect_date_to_iso (&day);

  plan = prospect_coaching_plan_new ();
  prospect_coaching_plan_set_rep_id (plan, indicators->rep_id);
  prospect_coaching_plan_set_coach_id (plan, coach_id);
  prospect_coaching_plan_set_skill (plan, indicator->label);
  prospect_coaching_plan_set_indicator (plan, indicator->key);
  prospect_coaching_plan_set_baseline_value (plan, indicator->value);
  prospect_coaching_plan_set_target_value (plan, indicator->median);
  prospect_coaching_plan_set_starts_on (plan, starts_on);
  prospect_coaching_plan_set_ends_on (plan, ends_on);
  prospect_coaching_plan_set_status (plan, "active");

  return plan;
}

gboolean
prospect_coaching_review_plan (ProspectDatabase      *db,
                               ProspectCoachingPlan  *plan,
                               const char            *note,
                               GError               **error)
{
  g_autofree char *old_status = NULL;
  g_autofree char *old_review = NULL;
  double old_value;
  double now;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (plan), FALSE);

  if (!prospect_validate_not_blank (note, "review",
                                    _("Write what came of the plan before ending it"), error))
    return FALSE;
  if (!prospect_coaching_measure (db, prospect_coaching_plan_get_rep_id (plan),
                                  prospect_coaching_plan_get_indicator (plan), &now, error))
    return FALSE;

  old_status = g_strdup (prospect_coaching_plan_get_status (plan));
  old_review = g_strdup (prospect_coaching_plan_get_review (plan));
  old_value = prospect_coaching_plan_get_reviewed_value (plan);

  prospect_coaching_plan_set_reviewed_value (plan, now);
  prospect_coaching_plan_set_review (plan, note);
  prospect_coaching_plan_set_status (plan, "reviewed");
  if (prospect_record_update (PROSPECT_RECORD (plan), db, error))
    return TRUE;

  /* the object stays as stored */
  prospect_coaching_plan_set_reviewed_value (plan, old_value);
  prospect_coaching_plan_set_review (plan, old_review);
  prospect_coaching_plan_set_status (plan, old_status);
  return FALSE;
}

/* -------------------------------------------------------- people, notes */

/* Runs sql (with a %s for the select list of type) and collects records. */
static GPtrArray *
fetch_records (ProspectDatabase  *db,
               GType              type,
               const char        *sql_format,
               const char        *rep_id,
               const char        *viewer_id,
               GError           **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf (sql_format, prospect_record_type_select_list (type));
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  prospect_statement_bind_text (stmt, ":rep", rep_id);
  prospect_statement_bind_text (stmt, ":viewer", viewer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, prospect_record_new_from_statement (type, stmt));

  if (!finish_statement (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&records);
}

GPtrArray *
prospect_coaching_list_reps (ProspectDatabase  *db,
                             const char        *viewer_id,
                             GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (viewer_id != NULL, NULL);

  return fetch_records (db, PROSPECT_TYPE_PERSON, REPS_SQL, NULL, viewer_id, error);
}

GPtrArray *
prospect_coaching_list_notes (ProspectDatabase  *db,
                              const char        *rep_id,
                              const char        *viewer_id,
                              GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (rep_id != NULL && viewer_id != NULL, NULL);

  return fetch_records (db, PROSPECT_TYPE_COACHING_NOTE, NOTES_SQL, rep_id, viewer_id, error);
}

GPtrArray *
prospect_coaching_list_plans (ProspectDatabase  *db,
                              const char        *rep_id,
                              gboolean           open_only,
                              GError           **error)
{
  g_autoptr(ProspectQuery) query = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (rep_id != NULL, NULL);

  query = prospect_coaching_plan_query_for_rep (rep_id);
  if (open_only)
    prospect_query_where_text (query, "status", PROSPECT_OP_NE, "reviewed");

  return prospect_query_fetch (query, db, 0, -1, error);
}

gboolean
prospect_coaching_can_assess (ProspectDatabase     *db,
                              const char           *viewer_id,
                              ProspectCoachingPlan *plan)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean can = FALSE;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PROSPECT_IS_COACHING_PLAN (plan), FALSE);

  if (viewer_id == NULL)
    return FALSE;

  if (!(stmt = prospect_database_prepare (db, CAN_ASSESS_SQL, &error)))
    {
      g_warning ("Could not check who may assess a plan: %s", error->message);
      return FALSE;
    }

  prospect_statement_bind_text (stmt, ":viewer", viewer_id);
  prospect_statement_bind_text (stmt, ":rep", prospect_coaching_plan_get_rep_id (plan));
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      can = sqlite3_column_int (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (!finish_statement (db, stmt, rc, &error))
    g_warning ("Could not check who may assess a plan: %s", error->message);

  return can;
}
