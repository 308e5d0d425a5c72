/* prospect-deal-window.h - one deal: its fields edited in place, the hint
 * from won deals, its activities with their to-do items, its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-database.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_DEAL_WINDOW (prospect_deal_window_get_type ())
G_DECLARE_FINAL_TYPE (ProspectDealWindow, prospect_deal_window, PROSPECT, DEAL_WINDOW, AdwWindow)

/* Presents the window of deal_id, transient for parent (not modal): the
 * one already open for that deal, or a new one. NULL + error when the
 * deal cannot be loaded. */
ProspectDealWindow *prospect_deal_window_open        (GtkWindow          *parent,
                                                      ProspectDatabase   *database,
                                                      const char         *deal_id,
                                                      GError            **error);
const char         *prospect_deal_window_get_deal_id (ProspectDealWindow *self);

G_END_DECLS
