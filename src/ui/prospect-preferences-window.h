/* prospect-preferences-window.h - appearance, the user, sales settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-database.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_PREFERENCES_WINDOW (prospect_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ProspectPreferencesWindow, prospect_preferences_window, PROSPECT, PREFERENCES_WINDOW, AdwPreferencesWindow)

ProspectPreferencesWindow *prospect_preferences_window_new (ProspectDatabase *database);

G_END_DECLS
