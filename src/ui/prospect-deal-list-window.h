/* prospect-deal-list-window.h - the deals behind a figure, in a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROSPECT_TYPE_DEAL_LIST_WINDOW (prospect_deal_list_window_get_type ())
G_DECLARE_FINAL_TYPE (ProspectDealListWindow, prospect_deal_list_window, PROSPECT, DEAL_LIST_WINDOW, AdwWindow)

/* rows: a GPtrArray of ProspectDealRow (the window takes a reference).
 * title: what they are ("Proposal · Q4 FY2026 · Team"); currency: the
 * report currency, for the subtitle's total. */
ProspectDealListWindow *prospect_deal_list_window_new (GtkWindow  *parent,
                                                       const char *title,
                                                       GPtrArray  *rows,
                                                       const char *currency);

G_END_DECLS
