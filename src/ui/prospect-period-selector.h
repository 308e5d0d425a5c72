/* prospect-period-selector.h - the period and scope of the manager pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-analytics.h"

G_BEGIN_DECLS

/* What the manager pages show: a period (a kind, stepped back and forth
 * from the one that contains today) and a scope (my team, everyone, or
 * one person). One selection per window, shared by the pages, so that
 * switching from Team to Funnel keeps it. Emits ::changed. */
typedef enum
{
  PROSPECT_SELECTION_MY_TEAM,
  PROSPECT_SELECTION_EVERYONE,
  PROSPECT_SELECTION_PERSON,
} ProspectSelectionScope;

#define PROSPECT_TYPE_PERIOD_SELECTION (prospect_period_selection_get_type ())
G_DECLARE_FINAL_TYPE (ProspectPeriodSelection, prospect_period_selection, PROSPECT, PERIOD_SELECTION, GObject)

/* The selection of the window that widget is in; NULL while it is in none. */
ProspectPeriodSelection *prospect_period_selection_get_for_widget (GtkWidget               *widget);

void                     prospect_period_selection_set_kind       (ProspectPeriodSelection *self,
                                                                   ProspectPeriodKind       kind);
ProspectPeriodKind       prospect_period_selection_get_kind       (ProspectPeriodSelection *self);
/* A custom span of days (checked by the caller with
 * prospect_period_init_custom()); the kind becomes CUSTOM. */
void                     prospect_period_selection_set_custom     (ProspectPeriodSelection *self,
                                                                   const GDate             *start,
                                                                   const GDate             *end);
/* 0 = the period that contains today (a custom one: its span), -1 the one
 * before, … */
void                     prospect_period_selection_step           (ProspectPeriodSelection *self,
                                                                   int                      steps);
int                      prospect_period_selection_get_offset     (ProspectPeriodSelection *self);
void                     prospect_period_selection_set_scope      (ProspectPeriodSelection *self,
                                                                   ProspectSelectionScope   scope,
                                                                   const char              *person_id);
ProspectSelectionScope   prospect_period_selection_get_scope      (ProspectPeriodSelection *self);
const char              *prospect_period_selection_get_person_id  (ProspectPeriodSelection *self);

/* The period, with the fiscal year of db. */
void                     prospect_period_selection_get_period     (ProspectPeriodSelection *self,
                                                                   ProspectDatabase        *db,
                                                                   ProspectPeriod          *period);
/* The scope for the analytics: my team is the team of me_id (everyone
 * when me_id is NULL). scope->person_id points into self or me_id. */
void                     prospect_period_selection_get_scope_for  (ProspectPeriodSelection *self,
                                                                   const char              *me_id,
                                                                   ProspectScope           *scope);

/* "Q4 FY2026 · 1 Oct – 31 Dec 2026", and "· to 23 Nov" while it runs. */
char                    *prospect_period_describe                 (const ProspectPeriod    *period);

/* The header row of a page: period kind, previous / next, the period in
 * words, and the scope. Follows the selection of its window. */
#define PROSPECT_TYPE_PERIOD_SELECTOR (prospect_period_selector_get_type ())
G_DECLARE_FINAL_TYPE (ProspectPeriodSelector, prospect_period_selector, PROSPECT, PERIOD_SELECTOR, GtkWidget)

GtkWidget               *prospect_period_selector_new             (void);
void                     prospect_period_selector_set_database    (ProspectPeriodSelector  *self,
                                                                   ProspectDatabase        *database);
ProspectPeriodSelection *prospect_period_selector_get_selection   (ProspectPeriodSelector  *self);

G_END_DECLS
