/* prospect-deal-window-private.h - what the deal window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-core.h"

#include "prospect-deal-window.h"

G_BEGIN_DECLS

struct _ProspectDealWindow
{
  AdwWindow            parent_instance;

  ProspectDatabase    *database;
  ProspectDeal        *deal;          /* as stored; edits work on a fresh copy */
  char                *deal_id;
  gulong               changed_ids[2];
  guint                refresh_id;
  gboolean             refresh_fields;
  gboolean             syncing;       /* rows being filled: not user edits */
  gint64               opened_at;     /* monotonic µs, for the first-frame figure */

  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *hint_group;
  AdwActionRow        *hint_row;
  AdwPreferencesGroup *activities_group;
  AdwPreferencesGroup *timeline_group;

  GHashTable          *field_rows;    /* column name -> its row */
  GPtrArray           *stages;        /* ProspectStage, pipeline order */
  GPtrArray           *products;      /* ProspectProduct, by name */
  GPtrArray           *contacts;      /* ProspectContact of the deal's account */
  AdwComboRow         *stage_row;
  AdwComboRow         *contact_row;
  AdwComboRow         *priority_row;
  AdwComboRow         *product_row;

  AdwEntryRow         *new_activity_row;
  GPtrArray           *activity_rows; /* rows added to activities_group */
  GPtrArray           *timeline_rows; /* rows added to timeline_group */
  GHashTable          *expanded;      /* ids of the activities shown expanded */
};

/* prospect-deal-window.c */
void prospect_deal_window_show_toast     (ProspectDealWindow *self,
                                          const char         *message,
                                          gboolean            error);
/* Marks row as refused with message (css "error", accessible
 * description, tooltip) and says it in a toast. */
void prospect_deal_window_refuse         (ProspectDealWindow *self,
                                          GtkWidget          *row,
                                          const char         *message);
void prospect_deal_window_clear_refusal  (GtkWidget          *row);

/* prospect-deal-window-activities.c: the activities and their to-do items */
void prospect_deal_window_build_activities (ProspectDealWindow *self);
void prospect_deal_window_fill_activities  (ProspectDealWindow *self);
/* The row of activity_id, NULL when it is not shown */
AdwExpanderRow *prospect_deal_window_find_activity_row (ProspectDealWindow *self,
                                                        const char         *activity_id);

G_END_DECLS
