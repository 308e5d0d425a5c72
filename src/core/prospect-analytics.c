/* prospect-analytics.c - sales figures and the funnel for a period and scope
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-analytics"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "prospect-analytics.h"
#include "prospect-clock.h"
#include "prospect-error.h"

/* The SQL is put together from the constant fragments below (never from
 * data: every value is a bound parameter), one text per scope kind and
 * grouping, so that each is prepared once and cached by the database.
 * The schema v2 indexes deal_closed_by_owner, deal_open_by_owner,
 * deal_cohort_by_owner and activity_done_live serve them. */

/* The owners in scope: :person alone, or everyone below :person. */
static const char * const members_sql[] = {
  [PROSPECT_SCOPE_EVERYONE] = "members(id) AS (SELECT id FROM person WHERE deleted_at IS NULL)",
  [PROSPECT_SCOPE_PERSON] = "members(id) AS (SELECT :person)",
  [PROSPECT_SCOPE_TEAM] =
    "RECURSIVE members(id) AS ("
    " SELECT id FROM person WHERE manager_id = :person AND deleted_at IS NULL"
    " UNION SELECT p.id FROM person p JOIN members m ON p.manager_id = m.id"
    " WHERE p.deleted_at IS NULL)",
};

static const char * const deal_key_sql[] = {
  [PROSPECT_GROUP_NONE] = "NULL",
  [PROSPECT_GROUP_REP] = "d.owner_id",
  [PROSPECT_GROUP_MANAGER] = "(SELECT manager_id FROM person WHERE id = d.owner_id)",
  [PROSPECT_GROUP_REGION] = "d.region",
  [PROSPECT_GROUP_PRODUCT] = "d.product_id",
  [PROSPECT_GROUP_SECTOR] = "(SELECT sector FROM account WHERE id = d.account_id)",
};

static const char * const activity_key_sql[] = {
  [PROSPECT_GROUP_NONE] = "NULL",
  [PROSPECT_GROUP_REP] = "t.owner_id",
  [PROSPECT_GROUP_MANAGER] = "(SELECT manager_id FROM person WHERE id = t.owner_id)",
  [PROSPECT_GROUP_REGION] = "(SELECT region FROM deal WHERE id = t.deal_id)",
  [PROSPECT_GROUP_PRODUCT] = "(SELECT product_id FROM deal WHERE id = t.deal_id)",
  [PROSPECT_GROUP_SECTOR] =
    "(SELECT sector FROM account WHERE id = "
    "coalesce((SELECT account_id FROM deal WHERE id = t.deal_id), t.account_id))",
};

static const char * const grouping_names[] = {
  [PROSPECT_GROUP_NONE] = "none",
  [PROSPECT_GROUP_REP] = "rep",
  [PROSPECT_GROUP_MANAGER] = "manager",
  [PROSPECT_GROUP_REGION] = "region",
  [PROSPECT_GROUP_PRODUCT] = "product",
  [PROSPECT_GROUP_SECTOR] = "sector",
};

/* Templates: %1$s = members CTE, %2$s = group key, %3$s = scope filter
 * (%4$s: see OPEN_SQL). */
#define CLOSED_SQL \
  "WITH %1$s SELECT %2$s, sum(d.status = 'won'), sum(d.status = 'lost')," \
  " sum(CASE WHEN d.status = 'won' AND d.currency = :currency THEN d.amount ELSE 0 END)," \
  " sum(CASE WHEN d.status = 'won' AND d.currency = :currency AND d.closed_on <= :to_date" \
  "     THEN d.amount ELSE 0 END)," \
  " sum(d.status = 'won' AND d.currency <> :currency)" \
  " FROM deal d WHERE d.deleted_at IS NULL AND d.status <> 'open'" \
  " AND d.closed_on BETWEEN :start AND :end%3$s GROUP BY 1"

/* Written like CLOSED_SQL, so that it reads the same index. */
#define PREVIOUS_SQL \
  "WITH %1$s SELECT %2$s," \
  " sum(CASE WHEN d.status = 'won' AND d.currency = :currency THEN d.amount ELSE 0 END)" \
  " FROM deal d WHERE d.deleted_at IS NULL AND d.status <> 'open'" \
  " AND d.closed_on BETWEEN :previous_start AND :previous_end%3$s GROUP BY 1"

/* amount x percent, summed exactly; divided by 100 once at the end.
 * %4$s names the covering index for an owner filter: the planner would
 * otherwise take deal_by_owner_status, which matches one more column but
 * reads every row from the table. */
#define OPEN_SQL \
  "WITH %1$s SELECT %2$s, count(*)," \
  " sum(CASE WHEN d.currency = :currency THEN d.amount ELSE 0 END)," \
  " sum(CASE WHEN d.currency = :currency THEN d.amount * coalesce(d.probability, s.probability)" \
  "     ELSE 0 END)," \
  " sum(CASE WHEN d.currency = :currency AND d.expected_close >= :rest_start" \
  "     THEN d.amount * coalesce(d.probability, s.probability) ELSE 0 END)," \
  " sum(d.currency <> :currency)" \
  " FROM deal d%4$s JOIN stage s ON s.id = d.stage_id" \
  " WHERE d.deleted_at IS NULL AND d.status = 'open'" \
  " AND d.expected_close BETWEEN :start AND :end%3$s GROUP BY 1"

#define CREATED_SQL \
  "WITH %1$s SELECT %2$s, count(*)" \
  " FROM deal d WHERE d.deleted_at IS NULL" \
  " AND d.created_at >= :start_ms AND d.created_at < :end_ms%3$s GROUP BY 1"

#define ACTIVITIES_SQL \
  "WITH %1$s SELECT %2$s, count(*)" \
  " FROM activity t WHERE t.done_at IS NOT NULL AND t.deleted_at IS NULL" \
  " AND t.done_at >= :start_ms AND t.done_at < :end_ms%3$s GROUP BY 1"

/* Targets whose whole period lies inside P, only the longest kind per
 * owner (a person, or a manager's team when person_id is NULL). */
#define TARGETS_SQL \
  "SELECT person_id, manager_id, sum(value) FROM (" \
  " SELECT person_id, manager_id, value, kind_rank," \
  "  max(kind_rank) OVER (PARTITION BY coalesce(person_id, '~' || manager_id)) AS longest" \
  " FROM (SELECT person_id, manager_id, value," \
  "  CASE period_kind WHEN 'year' THEN 3 WHEN 'quarter' THEN 2 ELSE 1 END AS kind_rank" \
  "  FROM target WHERE deleted_at IS NULL AND metric = 'won_value' AND currency = :currency" \
  "  AND period_start >= :start AND date(period_start, CASE period_kind" \
  "   WHEN 'month' THEN '+1 month' WHEN 'quarter' THEN '+3 months' ELSE '+12 months' END," \
  "   '-1 day') <= :end))" \
  " WHERE kind_rank = longest GROUP BY coalesce(person_id, '~' || manager_id)"

#define PEOPLE_SQL \
  "SELECT id, name, role, manager_id, active AND deleted_at IS NULL FROM person"

#define MEMBERS_SQL "WITH %1$s SELECT id FROM members"

/* The rank of the furthest stage each cohort deal reached. The database
 * keeps that stage on the deal (furthest_stage_id: the highest live stage
 * of its current stage and its stage history, see prospect-schema-v4.sql),
 * so the cohort is read from one covering index (deal_cohort or
 * deal_cohort_by_owner); a won deal went all the way. %3$s maps a stage id
 * to its rank, " WHEN :s0 THEN :r0 ...", with the live open stages ranked
 * by position, won stages above all and lost ones not at all (-1).
 * %1$s = members CTE, %2$s = scope filter. */
#define COHORT_RANK_SQL \
  "CASE WHEN d.status = 'won' THEN 2147483647" \
  " ELSE coalesce(CASE d.furthest_stage_id%3$s END, -1) END"
#define FUNNEL_SQL \
  "WITH %1$s SELECT r, count(*)," \
  " sum(CASE WHEN currency = :currency THEN amount ELSE 0 END), sum(currency <> :currency)" \
  " FROM (SELECT d.amount, d.currency, " COHORT_RANK_SQL " AS r" \
  "  FROM deal d WHERE d.deleted_at IS NULL" \
  "  AND d.created_at >= :start_ms AND d.created_at < :end_ms%2$s LIMIT -1)" \
  " WHERE r >= 0 GROUP BY r"
#define WON_RANK G_MAXINT32

/* The columns of a ProspectDealRow, from a deal d. */
#define DEAL_ROW_COLUMNS \
  "d.id, d.title, (SELECT name FROM account WHERE id = d.account_id)," \
  " (SELECT name FROM person WHERE id = d.owner_id)," \
  " (SELECT name FROM stage WHERE id = d.stage_id), d.status, d.amount, d.currency," \
  " CASE WHEN d.status = 'open' THEN d.expected_close ELSE d.closed_on END"

/* The cohort deals whose furthest stage is :min_rank or beyond, i.e.
 * that reached the step of that rank; the same cohort and ranks as
 * FUNNEL_SQL. */
#define FUNNEL_DEALS_SQL \
  "WITH %1$s SELECT " DEAL_ROW_COLUMNS \
  " FROM (SELECT d.*, " COHORT_RANK_SQL " AS r" \
  "  FROM deal d WHERE d.deleted_at IS NULL" \
  "  AND d.created_at >= :start_ms AND d.created_at < :end_ms%2$s LIMIT -1) d" \
  " WHERE d.r >= :min_rank ORDER BY d.title COLLATE NOCASE, d.id"

/* Won in P and open expected in P: the deals of won_count and open_count.
 * %1$s = members CTE, %2$s = owner filter. */
#define REPORT_DEALS_SQL \
  "WITH %1$s SELECT " DEAL_ROW_COLUMNS " FROM deal d WHERE d.deleted_at IS NULL" \
  " AND ((d.status = 'won' AND d.closed_on BETWEEN :start AND :end)" \
  "  OR (d.status = 'open' AND d.expected_close BETWEEN :start AND :end))%2$s" \
  " ORDER BY 9, d.title COLLATE NOCASE, d.id"

/* Won per calendar month over two fiscal years; reads
 * deal_closed_by_owner (whose WHERE needs status <> 'open'). */
#define MONTHLY_WON_SQL \
  "WITH %1$s SELECT substr(d.closed_on, 1, 7), sum(d.amount)" \
  " FROM deal d WHERE d.deleted_at IS NULL AND d.status <> 'open' AND d.status = 'won'" \
  " AND d.currency = :currency AND d.closed_on BETWEEN :previous_start AND :end%2$s" \
  " GROUP BY 1"

#define OVERDUE_SQL \
  "SELECT count(*) FROM activity WHERE owner_id = ?1 AND done_at IS NULL" \
  " AND deleted_at IS NULL AND (due_at < ?2 OR (due_at IS NULL AND due_date < ?3))"

#define FUNNEL_STAGES_SQL \
  "SELECT id, name, position, kind FROM stage" \
  " WHERE deleted_at IS NULL AND kind IN ('open', 'won') ORDER BY kind = 'won', position, id"

#define TEAM_SIZE_SQL \
  "WITH %1$s SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM person WHERE deleted_at IS NULL)"

typedef struct
{
  const char *person;
  const char *currency;
  char       *start;
  char       *end;
  char       *to_date;
  char       *rest_start;
  char       *previous_start;
  char       *previous_end;
  gint64      start_ms;
  gint64      end_ms;
} Params;

typedef struct
{
  char     *name;
  char     *role;
  char     *manager_id;
  gboolean  live;
} Person;

typedef struct
{
  ProspectDatabase *db;
  ProspectReport   *report;
  const Params     *params;
  GHashTable       *index;        /* key ("" for none) -> row index + 1 */
  GHashTable       *people;       /* id -> Person */
  GHashTable       *members;      /* set of ids */
  GHashTable       *own_targets;  /* person id -> gint64* */
  GHashTable       *team_targets; /* manager id -> gint64* */
  /* raw weighted sums per row (amount x percent), rounded at the end */
  GArray           *weighted_raw;
  GArray           *rest_raw;
} Builder;

typedef void (*RowFunc) (Builder      *builder,
                         guint         row,
                         sqlite3_stmt *stmt);

const char *
prospect_grouping_to_string (ProspectGrouping grouping)
{
  g_return_val_if_fail (grouping <= PROSPECT_GROUP_SECTOR, NULL);

  return grouping_names[grouping];
}

gboolean
prospect_grouping_from_string (const char       *text,
                               ProspectGrouping *grouping)
{
  for (guint i = 0; i < G_N_ELEMENTS (grouping_names); i++)
    if (g_strcmp0 (text, grouping_names[i]) == 0)
      {
        *grouping = i;
        return TRUE;
      }

  return FALSE;
}

static void
person_free (gpointer data)
{
  Person *person = data;

  g_free (person->name);
  g_free (person->role);
  g_free (person->manager_id);
  g_free (person);
}

static void
figures_clear (gpointer data)
{
  ProspectFigures *figures = data;

  g_clear_pointer (&figures->key, g_free);
  g_clear_pointer (&figures->label, g_free);
}

static void
params_clear (Params *params)
{
  g_free (params->start);
  g_free (params->end);
  g_free (params->to_date);
  g_free (params->rest_start);
  g_free (params->previous_start);
  g_free (params->previous_end);
}

static void
bind_params (sqlite3_stmt *stmt,
             const Params *params)
{
  prospect_statement_bind_text (stmt, ":person", params->person);
  prospect_statement_bind_text (stmt, ":currency", params->currency);
  prospect_statement_bind_text (stmt, ":start", params->start);
  prospect_statement_bind_text (stmt, ":end", params->end);
  prospect_statement_bind_text (stmt, ":to_date", params->to_date);
  prospect_statement_bind_text (stmt, ":rest_start", params->rest_start);
  prospect_statement_bind_text (stmt, ":previous_start", params->previous_start);
  prospect_statement_bind_text (stmt, ":previous_end", params->previous_end);
  prospect_statement_bind_int64 (stmt, ":start_ms", params->start_ms);
  prospect_statement_bind_int64 (stmt, ":end_ms", params->end_ms);
}

static char *
day_before_iso (const GDate *date)
{
  GDate before = *date;

  g_date_subtract_days (&before, 1);
  return prospect_date_to_iso (&before);
}

/* Fills the bound values; the report's day fields must be set. */
static void
params_init (Params               *params,
             const ProspectReport *report)
{
  const ProspectPeriod *period = &report->period;
  GDate after_end = period->end;

  g_date_add_days (&after_end, 1);

  params->person = report->scope_person_id;
  params->currency = report->currency;
  params->start = prospect_date_to_iso (&period->start);
  params->end = prospect_date_to_iso (&period->end);
  params->start_ms = prospect_date_to_local_ms (&period->start);
  params->end_ms = prospect_date_to_local_ms (&after_end);

  /* "to date" before the start is empty: the day before the start */
  params->to_date = report->has_to_date ? prospect_date_to_iso (&report->to_date_end)
                                        : day_before_iso (&period->start);

  /* the rest of P: from today (deals due today may still close today) */
  if (g_date_compare (&report->today, &period->start) < 0)
    params->rest_start = prospect_date_to_iso (&period->start);
  else if (g_date_compare (&report->today, &period->end) > 0)
    params->rest_start = prospect_date_to_iso (&after_end);
  else
    params->rest_start = prospect_date_to_iso (&report->today);

  if (report->has_to_date)
    {
      params->previous_start = prospect_date_to_iso (&report->previous_start);
      params->previous_end = prospect_date_to_iso (&report->previous_end);
    }
}

static char *
compose_sql (const char        *template,
             ProspectScopeKind  scope,
             const char        *key,
             const char        *owner_column)
{
  g_autofree char *filter = NULL;

  if (scope != PROSPECT_SCOPE_EVERYONE)
    filter = g_strdup_printf (" AND %s IN members", owner_column);

  return g_strdup_printf (template, members_sql[scope], key, filter ? filter : "",
                          filter ? " INDEXED BY deal_open_by_owner" : "");
}

/* Prepares sql, binds params and calls each() for every result row. */
static gboolean
run_statement (ProspectDatabase  *db,
               const char        *sql,
               const Params      *params,
               void             (*each) (gpointer, sqlite3_stmt *),
               gpointer           data,
               GError           **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_params (stmt, params);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    each (data, stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  return TRUE;
}

static guint
builder_row (Builder    *builder,
             const char *key)
{
  GArray *rows = builder->report->rows;
  const char *hash_key = key != NULL ? key : "";
  gpointer found = g_hash_table_lookup (builder->index, hash_key);
  ProspectFigures empty = { 0 };
  gint64 zero = 0;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  empty.key = (key != NULL && *key != '\0') ? g_strdup (key) : NULL;
  empty.target_value = -1;
  g_array_append_val (rows, empty);
  g_array_append_val (builder->weighted_raw, zero);
  g_array_append_val (builder->rest_raw, zero);
  g_hash_table_insert (builder->index, g_strdup (hash_key), GUINT_TO_POINTER (rows->len));

  return rows->len - 1;
}

#define ROW(builder, i) (&g_array_index ((builder)->report->rows, ProspectFigures, (i)))
#define RAW(array, i) (g_array_index ((array), gint64, (i)))

typedef struct
{
  Builder *builder;
  RowFunc  func;
} GroupedRun;

static void
grouped_row_cb (gpointer      data,
                sqlite3_stmt *stmt)
{
  GroupedRun *run = data;
  guint row = builder_row (run->builder, (const char *) sqlite3_column_text (stmt, 0));

  run->func (run->builder, row, stmt);
}

static gboolean
run_grouped (Builder     *builder,
             const char  *template,
             gboolean     activities,
             RowFunc      func,
             GError     **error)
{
  ProspectReport *report = builder->report;
  GroupedRun run = { builder, func };
  g_autofree char *sql = NULL;

  sql = compose_sql (template, report->scope_kind,
                     activities ? activity_key_sql[report->grouping] : deal_key_sql[report->grouping],
                     activities ? "t.owner_id" : "d.owner_id");

  return run_statement (builder->db, sql, builder->params, grouped_row_cb, &run, error);
}

static void
closed_row (Builder      *builder,
            guint         row,
            sqlite3_stmt *stmt)
{
  ProspectFigures *figures = ROW (builder, row);

  figures->won_count += sqlite3_column_int64 (stmt, 1);
  figures->lost_count += sqlite3_column_int64 (stmt, 2);
  figures->won_value += sqlite3_column_int64 (stmt, 3);
  figures->won_to_date_value += sqlite3_column_int64 (stmt, 4);
  figures->other_currency_count += sqlite3_column_int64 (stmt, 5);
}

static void
previous_row (Builder      *builder,
              guint         row,
              sqlite3_stmt *stmt)
{
  ROW (builder, row)->previous_year_to_date_value += sqlite3_column_int64 (stmt, 1);
}

static void
open_row (Builder      *builder,
          guint         row,
          sqlite3_stmt *stmt)
{
  ProspectFigures *figures = ROW (builder, row);

  figures->open_count += sqlite3_column_int64 (stmt, 1);
  figures->open_value += sqlite3_column_int64 (stmt, 2);
  RAW (builder->weighted_raw, row) += sqlite3_column_int64 (stmt, 3);
  RAW (builder->rest_raw, row) += sqlite3_column_int64 (stmt, 4);
  figures->other_currency_count += sqlite3_column_int64 (stmt, 5);
}

static void
created_row (Builder      *builder,
             guint         row,
             sqlite3_stmt *stmt)
{
  ROW (builder, row)->new_deal_count += sqlite3_column_int64 (stmt, 1);
}

static void
activities_row (Builder      *builder,
                guint         row,
                sqlite3_stmt *stmt)
{
  ROW (builder, row)->activities_done += sqlite3_column_int64 (stmt, 1);
}

static void
person_row_cb (gpointer      data,
               sqlite3_stmt *stmt)
{
  Builder *builder = data;
  Person *person = g_new0 (Person, 1);

  person->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  person->role = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  person->manager_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  person->live = sqlite3_column_int (stmt, 4) != 0;
  g_hash_table_insert (builder->people, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), person);
}

static void
member_row_cb (gpointer      data,
               sqlite3_stmt *stmt)
{
  Builder *builder = data;

  g_hash_table_add (builder->members, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
}

static void
target_row_cb (gpointer      data,
               sqlite3_stmt *stmt)
{
  Builder *builder = data;
  const char *person_id = (const char *) sqlite3_column_text (stmt, 0);
  const char *manager_id = (const char *) sqlite3_column_text (stmt, 1);
  gint64 *value = g_new (gint64, 1);

  *value = sqlite3_column_int64 (stmt, 2);
  if (person_id != NULL)
    g_hash_table_insert (builder->own_targets, g_strdup (person_id), value);
  else
    g_hash_table_insert (builder->team_targets, g_strdup (manager_id), value);
}

static gboolean
load_people (Builder  *builder,
             GError  **error)
{
  g_autofree char *members = g_strdup_printf (MEMBERS_SQL, members_sql[builder->report->scope_kind]);

  return run_statement (builder->db, PEOPLE_SQL, builder->params, person_row_cb, builder, error) &&
         run_statement (builder->db, members, builder->params, member_row_cb, builder, error) &&
         run_statement (builder->db, TARGETS_SQL, builder->params, target_row_cb, builder, error);
}

/* Rows that must show even with no figures: every active rep in scope (a
 * rep who sold nothing is news), every manager, or the one row of NONE. */
static void
seed_rows (Builder *builder)
{
  ProspectReport *report = builder->report;
  GHashTableIter iter;
  gpointer id;

  if (report->grouping == PROSPECT_GROUP_NONE)
    {
      builder_row (builder, NULL);
      return;
    }

  if (report->grouping != PROSPECT_GROUP_REP && report->grouping != PROSPECT_GROUP_MANAGER)
    return;

  g_hash_table_iter_init (&iter, builder->members);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      Person *person = g_hash_table_lookup (builder->people, id);
      const char *wanted = report->grouping == PROSPECT_GROUP_REP ? "rep" : "manager";

      if (person == NULL || !person->live)
        continue;

      if (g_strcmp0 (person->role, wanted) == 0 ||
          (report->scope_kind == PROSPECT_SCOPE_PERSON && report->grouping == PROSPECT_GROUP_REP))
        builder_row (builder, id);
    }
}

static gint64
own_target (Builder    *builder,
            const char *person_id)
{
  gint64 *value = person_id ? g_hash_table_lookup (builder->own_targets, person_id) : NULL;

  return value != NULL ? *value : -1;
}

/* The sum of the own targets of the people for whom include() holds; -1
 * when none of them has one. */
static gint64
sum_own_targets (Builder     *builder,
                 gboolean   (*include) (Builder *, const char *, gconstpointer),
                 gconstpointer data)
{
  GHashTableIter iter;
  gpointer id, value;
  gint64 sum = -1;

  g_hash_table_iter_init (&iter, builder->own_targets);
  while (g_hash_table_iter_next (&iter, &id, &value))
    if (include (builder, id, data))
      sum = MAX (sum, 0) + *(gint64 *) value;

  return sum;
}

static gboolean
is_member (Builder       *builder,
           const char    *id,
           gconstpointer  data)
{
  return g_hash_table_contains (builder->members, id);
}

static gboolean
reports_to (Builder       *builder,
            const char    *id,
            gconstpointer  manager_id)
{
  Person *person = g_hash_table_lookup (builder->people, id);

  return person != NULL && g_strcmp0 (person->manager_id, manager_id) == 0;
}

static gboolean
anyone (Builder       *builder,
        const char    *id,
        gconstpointer  data)
{
  return TRUE;
}

static gint64
team_target (Builder    *builder,
             const char *manager_id,
             gboolean    whole_tree)
{
  gint64 *value = manager_id ? g_hash_table_lookup (builder->team_targets, manager_id) : NULL;

  if (value != NULL)
    return *value;

  if (manager_id == NULL)
    return -1;

  return whole_tree ? sum_own_targets (builder, is_member, NULL)
                    : sum_own_targets (builder, reports_to, manager_id);
}

static gint64
row_target (Builder               *builder,
            const ProspectFigures *row)
{
  ProspectReport *report = builder->report;

  switch (report->grouping)
    {
    case PROSPECT_GROUP_REP:
      return own_target (builder, row->key);
    case PROSPECT_GROUP_MANAGER:
      return team_target (builder, row->key, FALSE);
    case PROSPECT_GROUP_NONE:
      return -2;  /* the total's, set by the caller */
    case PROSPECT_GROUP_REGION:
    case PROSPECT_GROUP_PRODUCT:
    case PROSPECT_GROUP_SECTOR:
    default:
      return -1;
    }
}

static gint64
scope_target (Builder *builder)
{
  ProspectReport *report = builder->report;

  switch (report->scope_kind)
    {
    case PROSPECT_SCOPE_PERSON:
      return own_target (builder, report->scope_person_id);
    case PROSPECT_SCOPE_TEAM:
      return team_target (builder, report->scope_person_id, TRUE);
    case PROSPECT_SCOPE_EVERYONE:
    default:
      return sum_own_targets (builder, anyone, NULL);
    }
}

static char *
lookup_name (ProspectDatabase *db,
             const char       *sql,
             const char       *id)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return name;
}

static char *
row_label (Builder    *builder,
           const char *key)
{
  Person *person;

  switch (builder->report->grouping)
    {
    case PROSPECT_GROUP_NONE:
      return g_strdup (_("All"));
    case PROSPECT_GROUP_REP:
    case PROSPECT_GROUP_MANAGER:
      if (key == NULL)
        return g_strdup (builder->report->grouping == PROSPECT_GROUP_REP ? _("Unassigned") : _("No manager"));
      person = g_hash_table_lookup (builder->people, key);
      return g_strdup (person != NULL ? person->name : key);
    case PROSPECT_GROUP_PRODUCT:
      if (key != NULL)
        {
          char *name = lookup_name (builder->db, "SELECT name FROM product WHERE id = ?", key);

          if (name != NULL)
            return name;
        }
      return g_strdup (_("No product"));
    case PROSPECT_GROUP_REGION:
    case PROSPECT_GROUP_SECTOR:
    default:
      return g_strdup (key != NULL ? key : _("None"));
    }
}

static double
ratio (double part,
       double whole)
{
  return whole > 0 ? part / whole : NAN;
}

/* Weighted sums: amount x percent, rounded half up to a minor unit. */
static gint64
percent_to_minor (gint64 raw)
{
  return (raw + 50) / 100;
}

static void
finish_figures (ProspectFigures *figures,
                gint64           weighted_raw,
                gint64           rest_raw)
{
  figures->weighted_value = percent_to_minor (weighted_raw);
  figures->expected_end_value = figures->won_to_date_value + percent_to_minor (rest_raw);
  figures->win_rate = ratio (figures->won_count, figures->won_count + figures->lost_count);
  figures->attainment = figures->target_value > 0
                        ? (double) figures->won_value / (double) figures->target_value : NAN;
}

static void
add_figures (ProspectFigures       *total,
             const ProspectFigures *row)
{
  total->won_count += row->won_count;
  total->lost_count += row->lost_count;
  total->won_value += row->won_value;
  total->won_to_date_value += row->won_to_date_value;
  total->open_count += row->open_count;
  total->open_value += row->open_value;
  total->previous_year_to_date_value += row->previous_year_to_date_value;
  total->new_deal_count += row->new_deal_count;
  total->activities_done += row->activities_done;
  total->other_currency_count += row->other_currency_count;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ProspectFigures *row_a = a;
  const ProspectFigures *row_b = b;

  /* the row of things without a key last */
  if ((row_a->key == NULL) != (row_b->key == NULL))
    return row_a->key == NULL ? 1 : -1;

  return g_utf8_collate (row_a->label, row_b->label);
}

static void
finish_report (Builder *builder)
{
  ProspectReport *report = builder->report;
  gint64 weighted_total = 0, rest_total = 0;

  report->total.target_value = scope_target (builder);
  report->total.label = g_strdup (_("Total"));

  for (guint i = 0; i < report->rows->len; i++)
    {
      ProspectFigures *row = ROW (builder, i);
      gint64 target = row_target (builder, row);

      row->target_value = target == -2 ? report->total.target_value : target;
      row->label = row_label (builder, row->key);
      add_figures (&report->total, row);
      weighted_total += RAW (builder->weighted_raw, i);
      rest_total += RAW (builder->rest_raw, i);
      finish_figures (row, RAW (builder->weighted_raw, i), RAW (builder->rest_raw, i));
    }

  finish_figures (&report->total, weighted_total, rest_total);
  g_array_sort (report->rows, compare_rows);
}

static char *
report_currency (ProspectDatabase *db)
{
  char *currency = prospect_database_get_setting (db, "currency");

  return currency != NULL ? currency : g_strdup ("USD");
}

static gboolean
check_scope (const ProspectScope  *scope,
             GError              **error)
{
  if (scope->kind == PROSPECT_SCOPE_EVERYONE || scope->person_id != NULL)
    return TRUE;

  prospect_set_invalid_error (error, "scope", _("Choose the person whose figures to show"));
  return FALSE;
}

static void
report_init_days (ProspectReport *report)
{
  prospect_date_set_today (&report->today);
  g_date_clear (&report->to_date_end, 1);
  g_date_clear (&report->previous_start, 1);
  g_date_clear (&report->previous_end, 1);
  report->has_to_date = prospect_period_get_to_date_end (&report->period, &report->today,
                                                         &report->to_date_end);
  if (report->has_to_date)
    prospect_period_get_previous_year_to_date (&report->period, &report->today,
                                               &report->previous_start, &report->previous_end);
}

static gboolean
compute_figures (Builder  *builder,
                 GError  **error)
{
  if (!load_people (builder, error))
    return FALSE;

  seed_rows (builder);

  return run_grouped (builder, CLOSED_SQL, FALSE, closed_row, error) &&
         (!builder->report->has_to_date ||
          run_grouped (builder, PREVIOUS_SQL, FALSE, previous_row, error)) &&
         run_grouped (builder, OPEN_SQL, FALSE, open_row, error) &&
         run_grouped (builder, CREATED_SQL, FALSE, created_row, error) &&
         run_grouped (builder, ACTIVITIES_SQL, TRUE, activities_row, error);
}

ProspectReport *
prospect_report_compute (ProspectDatabase      *db,
                         const ProspectPeriod  *period,
                         const ProspectScope   *scope,
                         ProspectGrouping       grouping,
                         GError               **error)
{
  g_autoptr(ProspectReport) report = NULL;
  Params params = { 0 };
  Builder builder = { 0 };
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);
  g_return_val_if_fail (grouping <= PROSPECT_GROUP_SECTOR, NULL);

  if (!check_scope (scope, error))
    return NULL;

  report = g_new0 (ProspectReport, 1);
  report->period = *period;
  report->scope_kind = scope->kind;
  report->scope_person_id = g_strdup (scope->person_id);
  report->grouping = grouping;
  report->currency = report_currency (db);
  report->total.target_value = -1;
  report->rows = g_array_new (FALSE, TRUE, sizeof (ProspectFigures));
  g_array_set_clear_func (report->rows, figures_clear);
  report_init_days (report);
  params_init (&params, report);

  builder.db = db;
  builder.report = report;
  builder.params = &params;
  builder.index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, person_free);
  builder.members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.own_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  builder.team_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  builder.weighted_raw = g_array_new (FALSE, TRUE, sizeof (gint64));
  builder.rest_raw = g_array_new (FALSE, TRUE, sizeof (gint64));

  ok = compute_figures (&builder, error);
  if (ok)
    finish_report (&builder);

  g_hash_table_unref (builder.index);
  g_hash_table_unref (builder.people);
  g_hash_table_unref (builder.members);
  g_hash_table_unref (builder.own_targets);
  g_hash_table_unref (builder.team_targets);
  g_array_unref (builder.weighted_raw);
  g_array_unref (builder.rest_raw);
  params_clear (&params);

  return ok ? g_steal_pointer (&report) : NULL;
}

void
prospect_report_free (ProspectReport *report)
{
  if (report == NULL)
    return;

  figures_clear (&report->total);
  g_clear_pointer (&report->rows, g_array_unref);
  g_free (report->scope_person_id);
  g_free (report->currency);
  g_free (report);
}

/* ---- funnel ------------------------------------------------------------- */

typedef struct
{
  ProspectFunnel *funnel;
  GArray         *ranks;       /* int per step */
  GPtrArray      *stage_ids;   /* every ranked stage, for the CASE */
  GArray         *stage_ranks; /* int, parallel to stage_ids */
} FunnelBuilder;

static void
funnel_step_clear (gpointer data)
{
  ProspectFunnelStep *step = data;

  g_clear_pointer (&step->stage_id, g_free);
  g_clear_pointer (&step->name, g_free);
}

static void
funnel_stage_cb (gpointer      data,
                 sqlite3_stmt *stmt)
{
  FunnelBuilder *builder = data;
  ProspectFunnelStep step = { 0 };
  gboolean won = g_str_equal ((const char *) sqlite3_column_text (stmt, 3), "won");
  int rank = won ? WON_RANK : sqlite3_column_int (stmt, 2);

  g_ptr_array_add (builder->stage_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_array_append_val (builder->stage_ranks, rank);

  /* several won stages are one final step: the first one names it */
  if (won && builder->ranks->len > 0 &&
      g_array_index (builder->ranks, int, builder->ranks->len - 1) == WON_RANK)
    return;

  step.stage_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  step.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  step.step_up_rate = NAN;
  g_array_append_val (builder->funnel->steps, step);
  g_array_append_val (builder->ranks, rank);
}

/* One result row: the deals whose furthest stage has rank r; they reached
 * every step up to r. */
static void
add_rank_row (FunnelBuilder *builder,
              sqlite3_stmt  *stmt)
{
  gint64 rank = sqlite3_column_int64 (stmt, 0);

  for (guint i = 0; i < builder->ranks->len; i++)
    {
      ProspectFunnelStep *step = &g_array_index (builder->funnel->steps, ProspectFunnelStep, i);

      if (g_array_index (builder->ranks, int, i) > rank)
        break;
      step->reached_count += sqlite3_column_int64 (stmt, 1);
      step->reached_value += sqlite3_column_int64 (stmt, 2);
    }

  builder->funnel->other_currency_count += sqlite3_column_int64 (stmt, 3);
}

static void
team_size_cb (gpointer      data,
              sqlite3_stmt *stmt)
{
  gboolean *large = data;

  *large = sqlite3_column_int64 (stmt, 0) * 5 > sqlite3_column_int64 (stmt, 1);
}

/* A small team's deals are found through the owner index; for a large
 * one (over a fifth of the people) reading the period's deals in creation
 * order and dropping the others is several times faster, because its
 * deal rows and stage history are then read in file order. */
static gboolean
scope_filter (ProspectDatabase     *db,
              const ProspectScope  *scope,
              const Params         *params,
              char                **filter,
              GError              **error)
{
  g_autofree char *sql = NULL;
  gboolean large = FALSE;

  *filter = NULL;
  if (scope->kind == PROSPECT_SCOPE_EVERYONE)
    return TRUE;

  sql = g_strdup_printf (TEAM_SIZE_SQL, members_sql[scope->kind]);
  if (scope->kind == PROSPECT_SCOPE_TEAM &&
      !run_statement (db, sql, params, team_size_cb, &large, error))
    return FALSE;

  *filter = g_strdup (large ? " AND +d.owner_id IN members" : " AND d.owner_id IN members");
  return TRUE;
}

static char *
stage_rank_cases (FunnelBuilder *builder)
{
  GString *cases = g_string_new (NULL);

  for (guint i = 0; i < builder->stage_ids->len; i++)
    g_string_append_printf (cases, " WHEN :s%u THEN :r%u", i, i);

  return g_string_free (cases, FALSE);
}

/* Prepares the cohort query template (FUNNEL_SQL or FUNNEL_DEALS_SQL)
 * for scope and binds the stage ranks; NULL on error. */
static sqlite3_stmt *
prepare_cohort (ProspectDatabase     *db,
                FunnelBuilder        *builder,
                const char           *template,
                const ProspectScope  *scope,
                const Params         *params,
                GError              **error)
{
  g_autofree char *filter = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (!scope_filter (db, scope, params, &filter, error))
    return NULL;

  cases = stage_rank_cases (builder);
  sql = g_strdup_printf (template, members_sql[scope->kind], filter ? filter : "", cases);
  stmt = prospect_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_params (stmt, params);
  for (guint i = 0; i < builder->stage_ids->len; i++)
    {
      g_autofree char *stage_name = g_strdup_printf (":s%u", i);
      g_autofree char *rank_name = g_strdup_printf (":r%u", i);

      prospect_statement_bind_text (stmt, stage_name, g_ptr_array_index (builder->stage_ids, i));
      prospect_statement_bind_int64 (stmt, rank_name, g_array_index (builder->stage_ranks, int, i));
    }

  return stmt;
}

static gboolean
count_cohort (ProspectDatabase     *db,
              FunnelBuilder        *builder,
              const ProspectScope  *scope,
              const Params         *params,
              GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (builder->stage_ids->len == 0)
    return TRUE;

  stmt = prepare_cohort (db, builder, FUNNEL_SQL, scope, params, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_rank_row (builder, stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  return TRUE;
}

/* The bound values of a funnel over period. */
static void
funnel_params_init (Params               *params,
                    const ProspectPeriod *period,
                    const ProspectScope  *scope,
                    const char           *currency)
{
  GDate after_end = period->end;

  g_date_add_days (&after_end, 1);
  params->person = scope->person_id;
  params->currency = currency;
  params->start_ms = prospect_date_to_local_ms (&period->start);
  params->end_ms = prospect_date_to_local_ms (&after_end);
}

ProspectFunnel *
prospect_funnel_compute (ProspectDatabase      *db,
                         const ProspectPeriod  *period,
                         const ProspectScope   *scope,
                         GError               **error)
{
  g_autoptr(ProspectFunnel) funnel = NULL;
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) stage_ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new_with_free_func (g_free);
  FunnelBuilder builder = { NULL, ranks, stage_ids, stage_ranks };
  Params params = { 0 };

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);

  if (!check_scope (scope, error))
    return NULL;

  funnel = g_new0 (ProspectFunnel, 1);
  funnel->period = *period;
  funnel->scope_kind = scope->kind;
  funnel->scope_person_id = g_strdup (scope->person_id);
  funnel->currency = report_currency (db);
  funnel->steps = g_array_new (FALSE, TRUE, sizeof (ProspectFunnelStep));
  g_array_set_clear_func (funnel->steps, funnel_step_clear);
  builder.funnel = funnel;

  funnel_params_init (&params, period, scope, funnel->currency);

  if (!run_statement (db, FUNNEL_STAGES_SQL, &params, funnel_stage_cb, &builder, error) ||
      !count_cohort (db, &builder, scope, &params, error))
    return NULL;

  for (guint i = 0; i + 1 < funnel->steps->len; i++)
    {
      ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, i);

      step->step_up_rate = ratio (g_array_index (funnel->steps, ProspectFunnelStep, i + 1).reached_count,
                                  step->reached_count);
    }

  return g_steal_pointer (&funnel);
}

void
prospect_funnel_free (ProspectFunnel *funnel)
{
  if (funnel == NULL)
    return;

  g_clear_pointer (&funnel->steps, g_array_unref);
  g_free (funnel->scope_person_id);
  g_free (funnel->currency);
  g_free (funnel);
}

/* ---- the deals behind the figures --------------------------------------- */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
deal_row_cb (gpointer      data,
             sqlite3_stmt *stmt)
{
  GPtrArray *rows = data;
  ProspectDealRow *row = g_new0 (ProspectDealRow, 1);

  row->id = column_dup (stmt, 0);
  row->title = column_dup (stmt, 1);
  row->account_name = column_dup (stmt, 2);
  row->owner_name = column_dup (stmt, 3);
  row->stage_name = column_dup (stmt, 4);
  row->status = column_dup (stmt, 5);
  row->amount = sqlite3_column_int64 (stmt, 6);
  row->currency = column_dup (stmt, 7);
  row->date = column_dup (stmt, 8);
  g_ptr_array_add (rows, row);
}

void
prospect_deal_row_free (ProspectDealRow *row)
{
  if (row == NULL)
    return;

  g_free (row->id);
  g_free (row->title);
  g_free (row->account_name);
  g_free (row->owner_name);
  g_free (row->stage_name);
  g_free (row->status);
  g_free (row->currency);
  g_free (row->date);
  g_free (row);
}

static GPtrArray *
deal_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) prospect_deal_row_free);
}

GPtrArray *
prospect_funnel_list_deals (ProspectDatabase     *db,
                            const ProspectPeriod *period,
                            const ProspectScope  *scope,
                            guint                 step,
                            GError              **error)
{
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) stage_ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ProspectFunnel) funnel = g_new0 (ProspectFunnel, 1);
  g_autoptr(GPtrArray) rows = deal_rows_new ();
  g_autofree char *currency = NULL;
  FunnelBuilder builder = { funnel, ranks, stage_ids, stage_ranks };
  Params params = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);

  if (!check_scope (scope, error))
    return NULL;

  funnel->steps = g_array_new (FALSE, TRUE, sizeof (ProspectFunnelStep));
  g_array_set_clear_func (funnel->steps, funnel_step_clear);
  currency = report_currency (db);
  funnel_params_init (&params, period, scope, currency);

  if (!run_statement (db, FUNNEL_STAGES_SQL, &params, funnel_stage_cb, &builder, error))
    return NULL;
  if (step >= ranks->len)
    return g_steal_pointer (&rows);

  stmt = prepare_cohort (db, &builder, FUNNEL_DEALS_SQL, scope, &params, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":min_rank"),
                      g_array_index (ranks, int, step));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    deal_row_cb (rows, stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
prospect_report_list_deals (ProspectDatabase     *db,
                            const ProspectPeriod *period,
                            const ProspectScope  *scope,
                            GError              **error)
{
  g_autoptr(GPtrArray) rows = deal_rows_new ();
  g_autofree char *sql = NULL;
  Params params = { 0 };
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);

  if (!check_scope (scope, error))
    return NULL;

  params.person = scope->person_id;
  params.start = prospect_date_to_iso (&period->start);
  params.end = prospect_date_to_iso (&period->end);
  sql = g_strdup_printf (REPORT_DEALS_SQL, members_sql[scope->kind],
                         scope->kind != PROSPECT_SCOPE_EVERYONE ? " AND d.owner_id IN members" : "");
  ok = run_statement (db, sql, &params, deal_row_cb, rows, error);
  params_clear (&params);

  return ok ? g_steal_pointer (&rows) : NULL;
}

gint64
prospect_count_overdue_activities (ProspectDatabase  *db,
                                   const char        *owner_id,
                                   GError           **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), -1);
  g_return_val_if_fail (owner_id != NULL, -1);

  stmt = prospect_database_prepare (db, OVERDUE_SQL, error);
  if (stmt == NULL)
    return -1;

  today = prospect_clock_today_iso ();
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, prospect_clock_now_ms ());
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      return -1;
    }

  return count;
}

/* ---- won per month ------------------------------------------------------ */

static void
monthly_won_row_cb (gpointer      data,
                    sqlite3_stmt *stmt)
{
  ProspectMonthlyWon *won = data;
  const char *month = (const char *) sqlite3_column_text (stmt, 0);
  int year_month, first, index;
  guint year, number;

  if (month == NULL || sscanf (month, "%4u-%2u", &year, &number) != 2)
    return;

  year_month = (int) year * 12 + (int) number - 1;
  first = g_date_get_year (&won->year.start) * 12 + (int) g_date_get_month (&won->year.start) - 1;
  index = year_month - first;
  if (index >= 0 && index < 12)
    won->won_value[index] = sqlite3_column_int64 (stmt, 1);
  else if (index >= -12 && index < 0)
    won->previous_won_value[index + 12] = sqlite3_column_int64 (stmt, 1);
}

ProspectMonthlyWon *
prospect_monthly_won_compute (ProspectDatabase      *db,
                              const ProspectPeriod  *period,
                              const ProspectScope   *scope,
                              GError               **error)
{
  g_autoptr(ProspectMonthlyWon) won = NULL;
  g_autofree char *sql = NULL;
  ProspectPeriod previous;
  Params params = { 0 };
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);

  if (!check_scope (scope, error))
    return NULL;

  won = g_new0 (ProspectMonthlyWon, 1);
  prospect_period_init (&won->year, PROSPECT_PERIOD_YEAR, &period->start, period->fiscal_start_month);
  prospect_period_previous (&won->year, &previous);
  won->scope_kind = scope->kind;
  won->scope_person_id = g_strdup (scope->person_id);
  won->currency = report_currency (db);

  params.person = scope->person_id;
  params.currency = won->currency;
  params.previous_start = prospect_date_to_iso (&previous.start);
  params.end = prospect_date_to_iso (&won->year.end);
  sql = g_strdup_printf (MONTHLY_WON_SQL, members_sql[scope->kind],
                         scope->kind != PROSPECT_SCOPE_EVERYONE ? " AND d.owner_id IN members" : "");
  ok = run_statement (db, sql, &params, monthly_won_row_cb, won, error);
  params_clear (&params);

  return ok ? g_steal_pointer (&won) : NULL;
}

void
prospect_monthly_won_free (ProspectMonthlyWon *won)
{
  if (won == NULL)
    return;

  g_free (won->scope_person_id);
  g_free (won->currency);
  g_free (won);
}
