/* prospect-window.h - the main window: welcome, or the two workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-application.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_WINDOW (prospect_window_get_type ())
G_DECLARE_FINAL_TYPE (ProspectWindow, prospect_window, PROSPECT, WINDOW, AdwApplicationWindow)

/* Shows the workspaces, the welcome page when the database does not know
 * who the user is yet, or an error page when it could not be opened. */
ProspectWindow *prospect_window_new           (ProspectApplication *application);
/* "rep" or "manager" */
void            prospect_window_set_workspace (ProspectWindow      *self,
                                               const char          *workspace);

G_END_DECLS
