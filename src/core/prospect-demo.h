/* prospect-demo.h - a deterministic sample sales team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"

G_BEGIN_DECLS

typedef enum
{
  PROSPECT_DEMO_SMALL, /* 2 managers + 8 reps (+ 1 director), ~40 accounts, ~400 deals, ~3,000 activities */
  PROSPECT_DEMO_LARGE, /* 200 people, 5,000 accounts, 100,000 deals, 1,000,000 activities */
} ProspectDemoScale;

typedef struct
{
  gint64 people;
  gint64 accounts;
  gint64 contacts;
  gint64 products;
  gint64 deals;
  gint64 stage_changes;
  gint64 activities;
  gint64 todo_items;
  gint64 targets;
} ProspectDemoStats;

/* Progress callback: fraction 0..1 and a short phase description. Called
 * from the thread that runs the generator. */
typedef void (*ProspectDemoProgress) (double      fraction,
                                      const char *phase,
                                      gpointer    user_data);

/* Fills an empty database (no people, deals, ... yet; the default stages
 * may exist) with a sample team. The same seed and the same "today"
 * (local date "YYYY-MM-DD") always produce the same rows, ids included.
 * today NULL = the clock's today. All in one transaction; emits
 * ::changed (MANY) for every table at the end. Fails and writes nothing
 * if the database already holds deals or people. */
gboolean prospect_demo_generate (ProspectDatabase     *db,
                                 ProspectDemoScale     scale,
                                 guint32               seed,
                                 const char           *today,
                                 ProspectDemoProgress  progress,
                                 gpointer              progress_data,
                                 ProspectDemoStats    *stats_out,
                                 GError              **error);

/* The id of a person the generator created with that role (first in name
 * order), so a "Start with a sample team" flow can offer a sensible "me". */
char    *prospect_demo_pick_person (ProspectDatabase *db,
                                    const char       *role);

G_END_DECLS
