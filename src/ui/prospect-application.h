/* prospect-application.h - the Prospect GUI application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-database.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_APPLICATION (prospect_application_get_type ())
G_DECLARE_FINAL_TYPE (ProspectApplication, prospect_application, PROSPECT, APPLICATION, AdwApplication)

ProspectApplication *prospect_application_new                (void);
/* NULL when the file could not be opened; the error says why. */
ProspectDatabase    *prospect_application_get_database       (ProspectApplication *self);
const GError        *prospect_application_get_database_error (ProspectApplication *self);

G_END_DECLS
