/* prospect-coaching-view.h - what the Coaching and My Coaching pages and
 * the 1:1 sheet show in common: indicator texts, the funnels, plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-coaching.h"
#include "prospect-one-on-one-sheet.h"

G_BEGIN_DECLS

/* A value of an indicator of kind for people: "28%", "1.2", "4.5 days",
 * "$2,000.00", "12"; "n/a" when undefined. */
char               *prospect_coaching_format_value   (ProspectIndicatorKind             kind,
                                                      double                            value,
                                                      const char                       *currency);
/* The same for the indicator a plan's key names. */
char               *prospect_coaching_format_key_value (const char                     *key,
                                                        double                          value,
                                                        const char                     *currency);
/* "Last 90 days · 28 Aug – 25 Nov 2026" */
char               *prospect_coaching_window_label   (const ProspectCoachingIndicators *indicators);

/* Replaces the rows of grid with the indicator table: indicator, the
 * rep, the team median; the largest gaps marked with an icon and in the
 * error colour. Each row also states its figures for a screen reader. */
void                prospect_coaching_fill_grid      (GtkGrid                          *grid,
                                                      const ProspectCoachingIndicators *indicators);
/* The rep's funnel, and beside it the team's when there is one. */
ProspectFunnelData *prospect_coaching_funnel_data    (const ProspectCoachingIndicators *indicators,
                                                      const char                       *rep_name);
/* One line about a plan: status, dates, baseline, target and, once
 * reviewed, the value measured at the review. */
char               *prospect_coaching_plan_summary   (ProspectDatabase                 *db,
                                                      ProspectCoachingPlan             *plan,
                                                      const char                       *currency);
/* "Planned", "Active", "Reviewed" */
const char         *prospect_coaching_status_label   (const char                       *status);
/* The name of a person, or "Someone" when unknown. */
char               *prospect_coaching_person_name    (ProspectDatabase                 *db,
                                                      const char                       *person_id);
/* "20 Nov 2026" from "2026-11-20" */
char               *prospect_coaching_format_day     (const char                       *iso);

/* A row for a 1:1 note: its text, then day, author and Shared/Private. */
GtkWidget          *prospect_coaching_note_row_new   (ProspectDatabase                 *db,
                                                      ProspectCoachingNote             *note);

/* A button with a mnemonic whose accessible name is its label without
 * the underscore (GTK 4.8 would name it "_Export Export"). */
GtkWidget          *prospect_coaching_button_new     (const char                       *mnemonic_label);

/* The 1:1 sheet of a rep: indicators, funnels, the diagnosis, open plans
 * and the latest shared notes (notes must be what the rep may read). */
ProspectOneOnOneSheet *prospect_coaching_sheet_new   (ProspectDatabase                 *db,
                                                      const ProspectCoachingIndicators *indicators,
                                                      const ProspectDiagnosis          *diagnosis,
                                                      const char                       *rep_name,
                                                      GPtrArray                        *plans,
                                                      GPtrArray                        *notes);

/* A heading over child, which the heading labels for screen readers. */
GtkWidget          *prospect_coaching_section_new    (const char                       *title,
                                                      GtkWidget                        *child);
/* An empty boxed list without selection, named for screen readers. */
GtkListBox         *prospect_coaching_boxed_list_new (const char                       *name);

G_END_DECLS
