/* prospect-targets.h - a manager's targets for the reps and the team,
 * quarter by quarter: the Targets page's grid and its edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-period.h"

G_BEGIN_DECLS

/* The metrics the grid edits (the target table also knows new_deals). */
typedef enum
{
  PROSPECT_TARGET_WON_VALUE,   /* minor units of the database currency */
  PROSPECT_TARGET_WON_COUNT,
  PROSPECT_TARGET_ACTIVITIES,
  PROSPECT_TARGET_N_METRICS,
} ProspectTargetMetric;

#define PROSPECT_TARGET_N_QUARTERS 4

/* One row of the grid: a rep reporting to the manager, or (person_id
 * NULL) the manager's team. values[metric][quarter] is the live quarter
 * target, -1 when there is none. A rep's target is the rep's whoever set
 * it: when two managers set one, the values are added, as the reports do. */
typedef struct
{
  char   *person_id;
  char   *name;
  gint64  values[PROSPECT_TARGET_N_METRICS][PROSPECT_TARGET_N_QUARTERS];
} ProspectTargetRow;

typedef struct
{
  char           *manager_id;
  char           *currency;                       /* the "currency" setting */
  ProspectPeriod  quarters[PROSPECT_TARGET_N_QUARTERS];  /* of one fiscal year */
  GPtrArray      *rows;  /* ProspectTargetRow*: the reps by name, the team last */
} ProspectTargetGrid;

const char         *prospect_target_metric_to_string (ProspectTargetMetric  metric);

/* The targets of the people reporting directly to manager_id (not
 * deleted) and of the team, for the fiscal year that holds day. */
ProspectTargetGrid *prospect_target_grid_load     (ProspectDatabase      *db,
                                                   const char            *manager_id,
                                                   const GDate           *day,
                                                   GError               **error);
void                prospect_target_grid_free     (ProspectTargetGrid    *grid);
ProspectTargetRow  *prospect_target_grid_get_team (ProspectTargetGrid    *grid);
/* The sum of the reps' targets; -1 when no rep has one. */
gint64              prospect_target_grid_rep_sum  (ProspectTargetGrid    *grid,
                                                   ProspectTargetMetric   metric,
                                                   guint                  quarter);
/* TRUE when the team has a target that is not the sum of the reps' (a
 * team without one simply counts the sum). */
gboolean            prospect_target_grid_is_flagged (ProspectTargetGrid  *grid,
                                                     ProspectTargetMetric metric,
                                                     guint                quarter);

/* A cell's text as typed: money like "12k", "12,000", "12000.50" for won
 * value, a whole number for the counts; "" = no target (-1). FALSE + an
 * INVALID error that says what is accepted. */
gboolean            prospect_target_parse_value   (const char            *text,
                                                   ProspectTargetMetric   metric,
                                                   const char            *currency,
                                                   gint64                *value,
                                                   GError               **error);
/* The text that reads back as value ("" for -1). */
char               *prospect_target_format_value  (gint64                 value,
                                                   ProspectTargetMetric   metric);

/* Sets the quarter target of person_id (NULL = manager_id's team), set by
 * manager_id, through the record API (history, ::changed::target): an
 * update of the live row when there is one, else an insert; value -1
 * deletes it (softly). One transaction. */
gboolean            prospect_targets_set          (ProspectDatabase      *db,
                                                   const char            *manager_id,
                                                   const char            *person_id,
                                                   const ProspectPeriod  *quarter,
                                                   ProspectTargetMetric   metric,
                                                   gint64                 value,
                                                   GError               **error);

/* Copies the team's and the reps' targets of the quarter before quarter
 * into quarter, every metric of the grid, where quarter has none yet.
 * All or nothing, in one transaction. The ids of the new rows are added
 * to copied_ids (for an undo) when it is not NULL; *n_copied says how
 * many. */
gboolean            prospect_targets_copy_previous (ProspectDatabase     *db,
                                                    const char           *manager_id,
                                                    const ProspectPeriod *quarter,
                                                    GPtrArray            *copied_ids,
                                                    guint                *n_copied,
                                                    GError              **error);

/* Soft-deletes the targets with these ids, in one transaction: the undo
 * of a copy. */
gboolean            prospect_targets_delete       (ProspectDatabase      *db,
                                                   GPtrArray             *ids,
                                                   GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectTargetGrid, prospect_target_grid_free)

G_END_DECLS
